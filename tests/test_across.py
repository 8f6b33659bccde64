"""Clusters across articles and story threads, on reports built here (``backchannel.across``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from backchannel.across import Report, group
from backchannel.across.linking import cluster, score
from backchannel.across.reports import content_words, days, period, places


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def report(event_id: str, article: str, text: str, **fields: object) -> Report:
    """An asserted report of Russia attacking Ukraine on 19 January 2026, unless told."""
    base = Report(
        event_id=event_id, article_id=article, event="ASSAULT",
        actors=frozenset({"RUS"}), recipients=frozenset({"UKR"}),
        first=day("2026-01-19"), last=day("2026-01-19"), day_exact=True,
        published=day("2026-01-20"), words=content_words(text), trigger="attack",
        date="2026-01-19", places=places(text), outlet=f"{article}.example",
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def ids(groups: list[list[Report]]) -> list[list[str]]:
    return [[r.event_id for r in members] for members in groups]


def test_two_articles_telling_one_attack_are_one_cluster() -> None:
    one = report("a1", "a", "Russian drones attacked the port of Odesa on Monday.")
    other = report("b1", "b", "Russia attacked Odesa's port with drones on Monday, officials said.")
    assert ids(cluster([one, other])) == [["a1", "b1"]]
    made = group([one, other]).clusters[0]
    assert (made.mentions, made.sources, made.articles) == (2, 2, ("a", "b"))


def test_the_same_dyad_on_different_days_stays_apart() -> None:
    one = report("a1", "a", "Russian drones attacked the port of Odesa on Monday.")
    later = report(
        "b1", "b", "Russian drones attacked the port of Odesa on Monday.",
        first=day("2026-01-26"), last=day("2026-01-26"), date="2026-01-26",
        published=day("2026-01-27"),
    )  # fmt: skip
    assert score(one, later) is None
    assert ids(cluster([one, later])) == [["a1"], ["b1"]]


def test_undated_reports_a_week_apart_stay_apart() -> None:
    undated = {"day_exact": False, "date": None}
    one = report("a1", "a", "The EU imposed sanctions on Belarus.", event="SANCTION",
                 first=day("2026-02-14"), last=day("2026-02-16"), **undated)  # fmt: skip
    other = report("b1", "b", "The EU imposed sanctions on Belarus.", event="SANCTION",
                   first=day("2026-02-21"), last=day("2026-02-23"), **undated)  # fmt: skip
    assert ids(cluster([one, other])) == [["a1"], ["b1"]]


def test_a_retrospective_mention_attaches_to_the_original() -> None:
    first, last, exact = days("2026-W08", "2026-W08", date(2026, 2, 25))  # "last week"
    original = report("a1", "a", "The European Union imposed sanctions on Belarus on Monday.",
                      event="SANCTION", actors=frozenset({"IGO:EU"}),
                      recipients=frozenset({"BLR"}), first=day("2026-02-16"),
                      last=day("2026-02-16"))  # fmt: skip
    recap = report("b1", "b", "The sanctions the European Union imposed on Belarus last week.",
                   event="SANCTION", actors=frozenset({"IGO:EU"}),
                   recipients=frozenset({"BLR"}), first=first, last=last, day_exact=exact,
                   published=day("2026-02-25"))  # fmt: skip
    assert ids(cluster([original, recap])) == [["a1", "b1"]]


def test_two_sentences_of_one_article_are_never_one_cluster() -> None:
    one = report("a1", "a", "Russian drones attacked Odesa on Monday.", sentence=10)
    two = report("a2", "a", "Russian drones attacked Odesa on Monday.", sentence=90)
    other = report("b1", "b", "Russian drones attacked Odesa on Monday.")
    groups = ids(cluster([one, two, other]))
    assert sorted(map(len, groups)) == [1, 2]


def test_an_articles_headline_joins_the_sentence_it_sums_up() -> None:
    headline = report("a1", "a", "Drones attack Odesa port", headline=True, sentence=0)
    body = report("a2", "a", "Russian drones attacked the port of Odesa on Monday.", sentence=40)
    other = report("b1", "b", "Russian drones attacked the port of Odesa on Monday.")
    assert ids(cluster([headline, body, other])) == [["a1", "a2", "b1"]]


def test_attacks_in_different_cities_on_one_day_stay_apart() -> None:
    odesa = report("a1", "a", "Russian drones attacked the port of Odesa on Monday.")
    kharkiv = report("b1", "b", "Russian missiles struck a power plant in Kharkiv on Monday.")
    assert odesa.places and kharkiv.places and not odesa.places & kharkiv.places
    assert ids(cluster([odesa, kharkiv])) == [["a1"], ["b1"]]


def test_a_symmetric_call_told_either_way_round_is_one_cluster() -> None:
    call = {"event": "CONSULT", "trigger": "speak"}
    one = report("a1", "a", "The Indian foreign minister spoke by phone with his Pakistani"
                 " counterpart on Wednesday.", actors=frozenset({"IND"}),
                 recipients=frozenset({"PAK"}), **call)  # fmt: skip
    other = report("b1", "b", "Pakistan's foreign minister spoke by phone with the Indian"
                   " foreign minister on Wednesday.", actors=frozenset({"PAK"}),
                   recipients=frozenset({"IND"}), **call)  # fmt: skip
    assert ids(cluster([one, other])) == [["a1", "b1"]]


def test_different_resolved_actors_are_different_happenings() -> None:
    russia = report("a1", "a", "Drones attacked the port of Odesa on Monday.")
    belarus = report("b1", "b", "Drones attacked the port of Odesa on Monday.",
                     actors=frozenset({"BLR"}))  # fmt: skip
    assert score(russia, belarus) is None


def test_first_report_and_canonical_event() -> None:
    late = report("b1", "b", "Russia attacked Odesa's port with drones on Monday.",
                  published=day("2026-01-21"), seq=1)  # fmt: skip
    early = report("a1", "a", "Russian drones attacked the port of Odesa on Monday.",
                   published=day("2026-01-19"), actors=frozenset(), seq=2)  # fmt: skip
    made = group([late, early]).clusters[0]
    assert (made.first_article, made.first_reported) == ("a", "2026-01-19")
    assert made.canonical == "b1"  # both sides resolved
    assert made.cluster_id == group([early, late]).clusters[0].cluster_id


def test_talks_years_apart_between_one_pair_are_one_thread() -> None:
    talks = {"event": "AGREE", "actors": frozenset({"USA"}), "recipients": frozenset({"IRN"}),
             "trigger": "offer", "day_exact": True}  # fmt: skip
    offer = report("a1", "a", "The United States offered talks with Iran without preconditions.",
                   first=day("2019-06-03"), last=day("2019-06-03"), date="2019-06-03",
                   published=day("2019-06-03"), **talks)  # fmt: skip
    resumed = report("b1", "b", "The United States agreed to resume nuclear talks with Iran.",
                     first=day("2025-04-12"), last=day("2025-04-12"), date="2025-04-12",
                     published=day("2025-04-12"), **talks)  # fmt: skip
    strike = report("c1", "c", "Russian drones attacked Odesa.")
    made = group([offer, resumed, strike])
    assert len(made.clusters) == 3
    threads = [(t.dyad, t.topic, t.first, t.last, len(t.clusters)) for t in made.threads]
    assert ("IRN–USA", "talks", "2019-06-03", "2025-04-12", 2) in threads
    assert all("UKR" not in t.dyad for t in made.threads)


def test_dates_as_periods() -> None:
    assert period("2026-03") == (date(2026, 3, 1), date(2026, 3, 31))
    assert period("2026-W10") == (date(2026, 3, 2), date(2026, 3, 8))
    assert period("2026") is None and period("PRESENT_REF") is None and period(None) is None
    assert days(None, None, date(2026, 3, 3)) == (day("2026-03-01"), day("2026-03-03"), False)
    assert days(None, None, None) is None
    assert days("2026-02-30", None, None) is None  # no such day
