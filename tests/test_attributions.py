"""Attribution relations: kinds, quotes, chains and carry-over frames."""

from __future__ import annotations

from backchannel.grounding import find_attributions
from backchannel.records import Attribution


def only(text: str) -> Attribution:
    (item,) = find_attributions(text)
    return item


def test_named_source_of_a_post_posed_quote() -> None:
    item = only('"We will not talk under threats," US special envoy Brian Hook told reporters.')
    assert (item.kind, item.text, item.cue) == (
        "named",
        "US special envoy Brian Hook",
        "told reporters",
    )
    assert (
        item.content_span is not None and item.content_span.text == "We will not talk under threats"
    )


def test_anonymous_source() -> None:
    item = only("A senior official said that the navy had seized the vessel.")
    assert (item.kind, item.text) == ("anonymous", "A senior official")
    assert (
        item.content_span is not None and item.content_span.text == "the navy had seized the vessel"
    )


def test_media_source_with_according_to() -> None:
    item = only("According to Reuters, the embassy was closed on Monday.")
    assert (item.kind, item.text, item.cue) == ("media", "Reuters", "According to")


def test_document_source() -> None:
    item = only("The statement said the ministry would retaliate.")
    assert (item.kind, item.text) == ("document", "The statement")


def test_plain_sentence_has_no_attribution() -> None:
    assert find_attributions("The navy seized the vessel near the strait.") == []


def test_chain_of_reports() -> None:
    text = (
        "Bloomberg has cited a report in Japan's Kyodo News saying Washington would ease "
        "sanctions, according to a U.S. government source."
    )
    items = find_attributions(text)
    assert items[0].chain == ["Bloomberg", "Kyodo News", "a U.S. government source"]
    assert items[-1].kind == "anonymous"


def test_frame_ending_in_a_colon_carries_over_to_the_next_paragraph() -> None:
    text = (
        "According to the report, based on satellite images:\n\n"
        "The militia moved rockets to the border.\n\nOther news."
    )
    item = only(text)
    assert item.kind == "document" and item.content_span is not None
    assert item.content_span.text == "The militia moved rockets to the border"
    assert text[item.content_span.start : item.content_span.end] == item.content_span.text
