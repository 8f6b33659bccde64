"""Clean: HTML main text and metadata, the junk-line cleaner, datelines and language."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from backchannel.clean import clean, dateline_date, drop_junk_lines
from backchannel.errors import EmptyText, NoMainText, NotEnglish
from backchannel.records import Article
from backchannel.settings import Settings
from tests.conftest import SAMPLES_DIR, jsonl, needs_shared

PARAGRAPHS = [
    "Envoys from both governments met in Muscat on Sunday, according to two officials who "
    "were briefed on the talks and who asked not to be named because they were not authorised.",
    "The meeting was the first of its kind in more than a year, and it was arranged by Omani "
    "mediators who have carried messages between the two capitals since the spring.",
    "Officials said that the next round would depend on whether the sanctions that were imposed "
    "last month are lifted, a step that the administration has so far ruled out in public.",
]
SETTINGS = Settings()


def article(text: str, **kwargs: object) -> Article:
    return Article("a1", text, **kwargs)  # type: ignore[arg-type]


def junky_text() -> str:
    head = ["  • 2045", "  • More", "Home", "Envoys Meet in Muscat as Talks Resume"]
    middle = [PARAGRAPHS[0], "Mediation Through Oman", PARAGRAPHS[1], '"We are ready," he said.']
    tail = [PARAGRAPHS[2], "Comments (3)", "Login or Join to comment.", "Meet Local Singles Today"]
    tail += ["Win A Cruise Holiday", "Win A Cruise Holiday"]
    return "\n\n".join(head + middle + tail)


def test_junk_lines_go_and_short_real_lines_stay() -> None:
    text = junky_text()
    kept = drop_junk_lines(text).split("\n\n")
    assert kept == [
        "Envoys Meet in Muscat as Talks Resume",
        PARAGRAPHS[0],
        "Mediation Through Oman",
        PARAGRAPHS[1],
        '"We are ready," he said.',
        PARAGRAPHS[2],
    ]


def test_kept_lines_keep_their_exact_text_and_order() -> None:
    text = junky_text()
    cleaned = drop_junk_lines(text)
    position = 0
    for line in cleaned.splitlines():
        position = text.index(line, position)


def test_text_without_prose_keeps_its_lines() -> None:
    assert drop_junk_lines("Talks resume\nShare") == "Talks resume"


def test_clean_html_extracts_text_and_metadata() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Envoys meet | Daily Wire</title>"
        '<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Daily Wire">'
        '<meta property="article:published_time" content="2024-05-12T08:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Envoys meet</h1>{body}</article>"
        "<footer>© 2024 Daily Wire. All rights reserved.</footer></body></html>"
    )
    cleaned = clean(Article("p", "", html=html), SETTINGS)
    assert PARAGRAPHS[1] in cleaned.text and "All rights reserved" not in cleaned.text
    assert cleaned.html is None and cleaned.language == "en"
    assert cleaned.published == date(2024, 5, 12) and cleaned.published_source == "html"
    assert cleaned.meta["author"] == "Jane Roe" and cleaned.meta["site"] == "Daily Wire"
    given = clean(Article("p", "", html=html, published=date(2024, 6, 1)), SETTINGS)
    assert given.published == date(2024, 6, 1)


def test_html_without_main_text_is_refused() -> None:
    with pytest.raises(NoMainText):
        clean(Article("p", "", html="<html><body><script>x = 1</script></body></html>"), SETTINGS)


def test_empty_text_is_refused() -> None:
    with pytest.raises(EmptyText):
        clean(article("Share\nComments (0)"), SETTINGS)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("WASHINGTON, March 3, 2026 -- Officials said", date(2026, 3, 3)),
        ("March 3, 2026 — Officials said", date(2026, 3, 3)),
        ("Talks resume\n\nBEIRUT, Lebanon, Jan. 5, 2020 (AP) — Officials said", date(2020, 1, 5)),
        ("July 4--Iran has said", None),
        ("He said on March 3, 2026 - that talks", None),
    ],
)
def test_dateline(head: str, expected: date | None) -> None:
    assert dateline_date(head) == expected


def test_dateline_sets_published_only_when_none_given() -> None:
    text = "WASHINGTON, March 3, 2026 -- " + PARAGRAPHS[0]
    found = clean(article(text), SETTINGS)
    assert (found.published, found.published_source) == (date(2026, 3, 3), "dateline")
    given = clean(article(text, published=date(2026, 3, 4), published_source="user"), SETTINGS)
    assert (given.published, given.published_source) == (date(2026, 3, 4), "user")


def test_german_is_refused_naming_the_language() -> None:
    text = (
        "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. "
        "Der Bundeskanzler sagte in Berlin, man werde die Ukraine weiter unterstützen, "
        "solange es notwendig sei, und die Gespräche mit den Partnern fortsetzen."
    )
    with pytest.raises(NotEnglish, match="'de'"):
        clean(article(text), SETTINGS)


def test_short_text_is_not_refused_on_weak_evidence() -> None:
    assert clean(article("Trump-Putin Backchannel Talks"), SETTINGS).language == "en"


def test_samples_lose_their_junk_and_keep_their_lines() -> None:
    needs_shared(SAMPLES_DIR)
    texts = [path.read_text("utf-8") for path in sorted(SAMPLES_DIR.glob("*.txt"))]
    cleaned = "\n".join(clean(article(text), SETTINGS).text for text in texts)
    lines = {line.strip() for line in cleaned.splitlines()}
    junk = ["• 1109", "• More", "Comments (0)", "Login or Join to comment.", "Iranian Singles"]
    junk += ["Meet your Persian Love Today!", "Meet Iranian Singles", "Serena Shim Award"]
    assert not lines & set(junk)
    assert not any("Serena Shim" in line for line in lines)
    for kept in [
        "Ukraine Ceasefire Conditions and NATO Pressures",
        "Russia's Role in Nuclear Oversight and Negotiation Support",
        "Iran Signals Readiness to Resume Talks",
        "US Seeking Trump-Rouhani Talks Sept. 25 As Admin Ramps Up Pressure: Report",
        "The report continues:",
    ]:
        assert kept in lines
    assert any(line.startswith("July 4--Iran has said") for line in lines)


def test_clean_command_keeps_its_contract(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    records = [
        {"id": "ok", "text": junky_text(), "published": "2024-05-12"},
        {
            "id": "de",
            "text": "Die Regierung hat am Mittwoch neue Sanktionen beschlossen, sagte er.",
        },
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n")
    code, out, err = run_cli("clean", str(path))
    ok, german = jsonl(out)
    assert code == 0 and set(ok) == {
        "article_id", "text", "title", "url", "published", "published_source", "language",
        "rejected",
    }  # fmt: skip
    assert ok["published"] == "2024-05-12" and "Comments (3)" not in str(ok["text"])
    assert german["rejected"] and "'de'" in str(german["rejected"])
    assert f"{path}:3" in err and "BC101" in err


def related_list() -> list[str]:
    """A "more stories" list: headline, author, date and a one-paragraph teaser each."""
    teasers = [
        "Officials in the port city said on Monday that the new ferry terminal would open in "
        "the spring, after a delay of nearly two years caused by a dispute with the builder.",
        "The union said its members had voted to accept the offer, ending a strike that had "
        "closed three factories in the region for most of the summer and autumn this year.",
        "Farmers who lost their harvest in the floods will receive compensation from a fund "
        "that the regional assembly approved late on Thursday by a narrow majority of votes.",
    ]
    rows: list[str] = []
    for n, teaser in enumerate(teasers):
        rows += [f"Story Headline Number {n + 1} Here", f"Writer Name{n}", "Tuesday 19 Nov"]
        rows.append(teaser)
    return rows


def test_related_stories_list_after_the_article_goes() -> None:
    text = "\n".join(["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS, *related_list()])
    kept = drop_junk_lines(text).split("\n")
    assert kept == ["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS]


def test_teasers_cut_short_are_not_the_article() -> None:
    cut = [p[:120].rstrip() + "..." for p in PARAGRAPHS] + [PARAGRAPHS[0][:110] + " …"]
    text = "\n".join(["Menu", *cut, "Deals", PARAGRAPHS[1], PARAGRAPHS[2]])
    assert drop_junk_lines(text).split("\n") == [PARAGRAPHS[1], PARAGRAPHS[2]]


def test_article_in_another_language_is_found_without_stopwords() -> None:
    paragraphs = [
        "O governo anunciou na segunda-feira um novo pacote de medidas para conter a inflação, "
        "que subiu em outubro.",
        "Segundo o ministro, as medidas entram em vigor no próximo mês e serão revistas "
        "depois de seis meses.",
    ]
    menu = ["Início", "Política", "Economia", "Esportes", "Cultura", "Opinião"]
    text = "\n".join([*menu, "Governo anuncia medidas contra a inflação", *paragraphs, *menu])
    kept = drop_junk_lines(text).split("\n")
    assert kept == ["Governo anuncia medidas contra a inflação", *paragraphs]


def test_prose_block_far_below_the_article_goes() -> None:
    notice = [
        "Your personal data will only be processed for the purpose of answering your request, "
        "and it will be deleted as soon as the purpose of the storage has been fulfilled.",
        "You may revoke this consent at any time with effect for the future by writing to the "
        "address given in the imprint, without giving any reason for your decision.",
    ]
    menu = [f"Section {n}" for n in range(15)]
    text = "\n".join([*PARAGRAPHS, *menu, *notice])
    assert drop_junk_lines(text).split("\n") == PARAGRAPHS


def test_numbered_list_after_the_article_stays_with_its_links() -> None:
    items = []
    for n, name in enumerate(["Harbour ferry timetable", "Night bus routes", "Bike hire"]):
        items += [f"{n + 1}) {name}", f"http://example.org/{n}"]
    text = "\n".join([*PARAGRAPHS, *items, "Leave a comment", "Search"])
    assert drop_junk_lines(text).split("\n") == [
        *PARAGRAPHS,
        *items[:-1],
    ]  # no item after the last link


def test_short_sentences_without_capitals_after_the_article_stay() -> None:
    paragraphs = [
        "政府は月曜日、物価上昇を抑えるための新しい対策を発表し、来月から実施すると説明した。"
        "野党はこの対策が遅すぎると批判しているが、与党は効果が期待できると述べた。",
        "財務大臣によると、対策の費用は今年度の予算の中でまかなわれ、増税は行わないという。"
        "専門家の多くは、効果が出るまでには半年ほどかかるとみている。",
    ]
    tail = ["対策は三つある。", "まず電気代の補助", "次にガソリン代の補助。", "最後に給付金。"]
    text = "\n".join(["ホーム", *paragraphs, *tail, "ランキング", "お問い合わせ"])
    assert drop_junk_lines(text).split("\n") == [*paragraphs, *tail]


def test_headline_above_a_share_counter_stays() -> None:
    text = "\n".join(["Envoys Meet in Muscat as Talks Resume", "• 87", "• More", *PARAGRAPHS])
    assert drop_junk_lines(text).split("\n") == [
        "Envoys Meet in Muscat as Talks Resume",
        *PARAGRAPHS,
    ]


def test_sign_up_and_site_legal_prose_after_the_article_goes() -> None:
    tail = [
        "Get the latest updates from our reporters delivered straight to your inbox every day.",
        "No spam, we promise. You can unsubscribe at any time and we will never share your data.",
        "Registration on or use of this site constitutes acceptance of our User Agreement.",
        "(Reporting by Jane Roe; Editing by John Doe)",
    ]
    text = "\n".join(["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS, *tail])
    kept = drop_junk_lines(text).split("\n")
    assert kept == ["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS]


def test_comment_form_ends_the_article() -> None:
    form = [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "By submitting this form you agree to the publisher using your data for the purposes of "
        "publishing your comment, and to the storage of that data for as long as it is needed.",
        "Your personal data will only be passed on to third parties for the purposes of spam "
        "filtering or when this is needed for the technical maintenance of the website.",
    ]
    text = "\n".join(["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS, *form])
    kept = drop_junk_lines(text).split("\n")
    assert kept == ["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS]


def test_the_headline_line_of_extracted_text_becomes_the_title() -> None:
    text = (
        "• 12\n\nEnvoys Agree to Meet in Muscat\n\nMUSCAT, May 2, 2026 -- Envoys from both"
        " sides agreed on Friday to meet again next week, officials said.\n"
    )
    article = clean(Article("h", text), Settings())
    assert article.title == "Envoys Agree to Meet in Muscat"
    body_only = clean(
        Article("b", "Envoys from both sides agreed on Friday to meet again.\n"), Settings()
    )
    assert body_only.title is None


def test_title_case_teasers_glued_to_their_summary_are_not_the_article() -> None:
    teasers = [
        "Police Arrest Two In Harbour Theft Case"
        "Two men were arrested on Monday after a boat was stolen from the marina overnight.",
        "Council To Vote On New Bus Routes Next Week"
        "The city council will vote on the plan after a long public consultation this autumn.",
        "Storm Warning Issued For The Coast"
        "Forecasters warned that strong winds could reach the coast by Thursday evening.",
    ]
    text = "\n".join([*teasers, "Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS])
    kept = drop_junk_lines(text).split("\n")
    assert kept == ["Envoys Meet in Muscat as Talks Resume", *PARAGRAPHS]


def test_a_dateline_before_a_capitalised_word_is_still_prose() -> None:
    lead = "LOS ANGELES (AP) — To the surprise of many, the talks resumed on Monday in Muscat."
    assert drop_junk_lines("\n".join(["Menu", lead, *PARAGRAPHS])).split("\n") == [
        lead,
        *PARAGRAPHS,
    ]


def test_a_line_broken_off_at_a_comma_after_the_article_stays() -> None:
    tail = ["In the end, after a long night,", "both sides signed.", "関連記事", "ホーム"]
    text = "\n".join([*PARAGRAPHS, "Officials also said,", *tail])
    assert drop_junk_lines(text).split("\n") == [*PARAGRAPHS, "Officials also said,", *tail[:2]]


@pytest.mark.parametrize(
    "widget",
    ["Você pode gostar...", "Leia também: Governo anuncia", "Weitere Beiträge zum Thema",
     "publiziert am 30. Juli 2018", "Artículos relacionados", "Lire aussi"],
)  # fmt: skip
def test_widgets_in_other_languages_go(widget: str) -> None:
    assert drop_junk_lines("\n".join([*PARAGRAPHS, widget])).split("\n") == PARAGRAPHS


def test_an_author_box_ends_the_article() -> None:
    bio = (
        "Jane Roe is a correspondent who has covered the Gulf for a decade, and she writes "
        "about diplomacy, trade and the region's politics for several newspapers."
    )
    text = "\n".join([*PARAGRAPHS, "About Jane Roe", bio, PARAGRAPHS[0]])
    assert drop_junk_lines(text).split("\n") == PARAGRAPHS


def test_a_stat_table_between_paragraphs_is_kept() -> None:
    table = ["Team", "Won", "Lost", "%"]
    for n, team in enumerate(["Harbour City", "North Port", "Bay United"]):
        table += [team, str(12 - n), str(3 + n), f"{80 - 7 * n}%"]
    text = "\n".join(["Home", "Sport", *PARAGRAPHS[:2], *table, PARAGRAPHS[2], "Share"])
    assert drop_junk_lines(text).split("\n") == [*PARAGRAPHS[:2], *table, PARAGRAPHS[2]]


def test_a_number_list_away_from_the_article_is_not_kept() -> None:
    archive = [f"Week {n}: {n * 3} visits" for n in range(1, 12)]
    text = "\n".join([*PARAGRAPHS, *[f"Section {n}" for n in range(12)], *archive])
    assert drop_junk_lines(text).split("\n") == PARAGRAPHS


def test_bylines_dates_and_reading_times_standing_alone_go() -> None:
    head = ["By Jane Roe - 11/19/19 06:56 AM EST", "Nov. 20, 2019, 9:28 AM UTC", "18 NOV 2019"]
    head += ["9:24 pm ET", "• 2 min read"]
    sentence = "By Monday, the talks had ended."
    text = "\n".join([*head, *PARAGRAPHS, sentence])
    assert drop_junk_lines(text).split("\n") == [*PARAGRAPHS, sentence]


@pytest.mark.parametrize(
    "furniture",
    ["Image 2 of 5", "(Image credit: Harbour Authority)", "You may also like...",
     "Most read in world news", "Back to Gallery", "Jane Roe contributed to this report.",
     "Sign Up for e-mail newsletters", "Photograph: AFP via Getty"],
)  # fmt: skip
def test_gallery_labels_and_calls_to_action_go(furniture: str) -> None:
    text = "\n".join([PARAGRAPHS[0], furniture, *PARAGRAPHS[1:], furniture])
    assert drop_junk_lines(text).split("\n") == PARAGRAPHS
