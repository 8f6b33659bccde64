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


def test_source_with_an_apposition() -> None:
    item = only("Jane Roe, a senior fellow at the Example Institute, said the plan would fail.")
    assert (item.text, item.cue) == ("Jane Roe, a senior fellow at the Example Institute", "said")
    assert item.content_span is not None and item.content_span.text == "the plan would fail"


def test_source_of_a_coordinated_cue_is_the_subject() -> None:
    item = only("The minister toured the port and said the blockade would end soon.")
    assert (item.text, item.cue) == ("The minister", "said")


def test_post_posed_source_starting_with_a_number() -> None:
    item = only('"We will keep fighting," said 9/11 widow Mary Poe.')
    assert item.text == "9/11 widow Mary Poe" and item.kind == "named"


def test_quote_signed_with_a_dash() -> None:
    item = only("“The plan is a disgrace to us all.” ― Maria Lopez")
    assert (item.text, item.cue) == ("Maria Lopez", "―")
    assert item.content_span is not None
    assert item.content_span.text == "The plan is a disgrace to us all"


def test_transcript_speaker_label() -> None:
    item = only("MODERATOR: Do you support the new tariffs on steel?")
    assert (item.text, item.cue) == ("MODERATOR", ":")
    assert item.content_span is not None and item.content_span.text.startswith("Do you support")


def test_testified_is_a_cue() -> None:
    item = only("The general testified that the convoy had been attacked twice.")
    assert (item.text, item.cue) == ("The general", "testified")


def test_nouns_and_opinions_are_not_cues() -> None:
    text = "The United States raised tariffs. I think the talks will fail. They want a deal."
    assert find_attributions(text) == []
