"""Find every actor mention in an article: one automaton pass, then grouping.

Known parts (demonyms, titles, names, agent nouns) next to each other form one mention
("French President Emmanuel Macron", "Iranian officials"). A bare title after a named
holder refers to that holder ("President Trump ... the president"), and in
"Qatari and Omani negotiators" the lone "Qatari" shares the negotiators' sector. A
capitalised title runs into an unknown name after it ("Foreign Minister Abderaman
Koulamallah"); an agent noun or title with no country is placed by a city's name before it
("Mongbwalu residents") or a place named right after it ("Security forces in Guinea").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from backchannel.actors.gazetteer import city
from backchannel.actors.kb import ANCHORS, KnowledgeBase
from backchannel.actors.resolver import Part, combine, scan
from backchannel.datafiles import data_lines
from backchannel.records import Actor, Mention

_JOIN = re.compile(r"[ \t]+|['’]s[ \t]+")
_LIST = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")
_LEADS = frozenset({"modifier", "former"})
_REACH = 80  # how far back a weak noun's capitalised modifiers are looked for
_NAMED = re.compile(r"(?:\b([Tt]he)\s+)?(?:[A-Z][\w'’.-]*\s+)+$")
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.)){0,3})")
_NOT_NAMES = frozenset(word.lower() for word in data_lines("actors", "not_names.txt"))
_CAPITALS_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){1,3})$")
# A dictionary agent that ends in its preposition ("embassy in", "ambassador to"): the
# preposition tells the agent, it is not part of the mention an analyst reads
_TRAILING_PREPOSITION = re.compile(r"\s+(?:in|of|to|for|at)$", re.IGNORECASE)
_PREPOSITION = re.compile(r"\s+(?:in|of|from)\s+(?:[a-z0-9]+\s+){0,2}")


def _kinds(group: list[Part]) -> set[str]:
    return {part.kind for part in group}


def _joins(group: list[Part], part: Part, gap: str) -> bool:
    """Whether ``part`` continues the mention ``group`` across ``gap``."""
    kinds = _kinds(group)
    if not _JOIN.fullmatch(gap) or "person" in kinds:
        return False
    if gap.strip() and group[-1].kind not in ANCHORS:
        return False
    if part.kind in ANCHORS:
        stateless = part.kind == "org" and part.entry.country is None
        return kinds <= _LEADS or (stateless and group[-1].kind == "country")
    if part.kind == "title":
        return "agent" not in kinds
    return part.kind in ("person", "agent") or kinds <= _LEADS


def group_parts(text: str, parts: list[Part]) -> list[list[Part]]:
    """Parts grouped into mentions."""
    groups: list[list[Part]] = []
    for part in parts:
        if groups and _joins(groups[-1], part, text[groups[-1][-1].end : part.start]):
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def _span(text: str, group: list[Part]) -> tuple[int, int]:
    start, end = group[0].start, group[-1].end
    if group[0].kind != "person" and text[max(0, start - 4) : start].lower() == "the ":
        start -= 4
    return start, end


class Memory:
    """Who each title referred to so far in one article."""

    def __init__(self) -> None:
        self.by_title: dict[str, Actor] = {}

    def learn(self, group: list[Part], actor: Actor) -> None:
        if actor.role_holder is None:
            return
        for part in group:
            if part.kind == "title" and part.entry.name:
                self.by_title[part.entry.name.lower()] = actor
            term = next((e.term for e in part.entries if e.term is not None), None)
            if term is not None:
                self.by_title[term.title.lower()] = actor

    def recall(self, group: list[Part], actor: Actor) -> Actor:
        """A bare title ("the president") as the holder named earlier."""
        if actor.country is not None or _kinds(group) - {"title", "modifier"}:
            return actor
        title = next(p for p in group if p.kind == "title").entry.name or ""
        known = self.by_title.get(title.lower())
        return actor if known is None else replace(known, text=actor.text)


def _share_sectors(text: str, mentions: list[Mention], groups: list[list[Part]]) -> None:
    """ "Qatari and Omani negotiators": the lone demonym takes the negotiators' sector."""
    for i in range(len(mentions) - 2, -1, -1):
        left, right = mentions[i], mentions[i + 1]
        lone = len(groups[i]) == 1 and groups[i][0].kind == "country"
        qualified = len(groups[i + 1]) > 1 and groups[i + 1][0].kind == "country"
        listed = qualified and _LIST.fullmatch(text[left.end : right.start])
        if lone and listed and left.actor.sector is None and right.actor.country != "IGO":
            left.actor.sector = right.actor.sector


def _place_by_preposition(
    kb: KnowledgeBase,
    text: str,
    mentions: list[Mention],
    groups: list[list[Part]],
    when: date | None,
) -> None:
    """ "Security forces in Guinea", "the President of Chad", "Doctors from two American aid
    groups": an unplaced agent noun or title is placed by the country named right after it
    (a title only by a bare place: "President of the Chadian Human Rights League" is not Chad's)."""
    for i in range(len(mentions) - 1):
        here, there, kinds = mentions[i], mentions[i + 1], _kinds(groups[i])
        if here.actor.country is not None or kinds & (ANCHORS | {"person"}):
            continue
        anchors = [part for part in groups[i + 1] if part.kind in ANCHORS]
        bare = len(anchors) == len(groups[i + 1])
        if not anchors or ("title" in kinds and not bare):
            continue
        if _PREPOSITION.fullmatch(text[here.end : there.start]):
            placed = combine(kb, text, groups[i] + anchors, when)
            if placed is not None:
                here.actor = replace(placed, text=here.text)
                if "title" not in kinds:  # "journalists in Istanbul" are Turkey's, not Istanbul
                    here.actor.name = _country_name(kb, placed.country)


def _name_after(text: str, group: list[Part], end: int, next_start: int) -> tuple[int, str]:
    """The unknown name a capitalised title runs into ("President Dos Sontas", "Judge
    Alejandro Rivera" when "Judge" is a title), as (end, name); ``(end, "")`` when none.
    Not in a title-case line (a headline's "President Vows Action")."""
    last = group[-1]
    if last.kind != "title" or not text[last.start].isupper() or _title_case_line(text, end):
        return end, ""
    match = _NAME_AFTER.match(text, end, next_start)
    words = match.group(1).split() if match else []
    while words and words[-1].lower() in _NOT_NAMES:
        words.pop()
    if not words or words[0].lower() in _NOT_NAMES:
        return end, ""
    stop = end
    for word in words:  # the words may be apart by more than one space or a line break
        stop = text.index(word, stop) + len(word)
    return stop, " ".join(words)


def _country_name(kb: KnowledgeBase, country: str | None) -> str | None:
    entry = kb.country_names.get(country or "")
    return entry.name if entry else None


def _city_before(kb: KnowledgeBase, text: str, start: int, actor: Actor) -> tuple[int, Actor]:
    """ "Mongbwalu residents": an unplaced agent noun after a city's name is placed in the
    city's country (named after the country, as "Congolese residents" would be)."""
    found = _CAPITALS_BEFORE.search(text, max(0, start - _REACH), start)
    words = found.group(1).split() if found else []
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    if len(words) == 1 and words[0].lower() in kb.agent_modifiers():
        return start, actor  # "Federal prosecutors": a modifier, not the town of Federal
    place = city(" ".join(words)) if words else None
    if place is None:
        return start, actor
    name = _country_name(kb, place.country)
    return text.rindex(words[0], 0, start), replace(actor, country=place.country, name=name)


def _title_case_line(text: str, at: int) -> bool:
    """A headline in title case: three words or more and no lower-case word of four letters."""
    start, stop = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = text[start : stop if stop >= 0 else len(text)].split()
    return len(words) >= 3 and not any(w[0].islower() and len(w) >= 4 for w in words)


def _stray_title(text: str, group: list[Part], start: int) -> bool:
    """A lone lower-case title word ("in general") is not a mention; "the president" is."""
    return _kinds(group) == {"title"} and start == group[0].start and text[start].islower()


def _context_start(text: str, group: list[Part], start: int) -> int | None:
    """Where a mention of a weak agent noun ("people", "the court") starts, or ``None``.

    A weak noun alone is an actor only after a definite article with a capitalised
    modifier ("the Constitutional Court") or, written with a capital itself, after a
    capitalised modifier ("Labour Party"); anchored nouns ("Iranian people") never get here.
    """
    agents = [part for part in group if part.kind == "agent"]
    if _kinds(group) - _LEADS - {"agent"} or not agents or not agents[-1].entry.weak:
        return start
    named = _NAMED.search(text, max(0, group[0].start - _REACH), group[0].start)
    if named is None:
        return None
    if named.group(1) or text[agents[-1].start].isupper():
        return named.start()
    return None


def find_mentions_with(kb: KnowledgeBase, text: str, when: date | None) -> list[Mention]:
    """All actor mentions in ``text``, sorted and non-overlapping, resolved on ``when``."""
    memory = Memory()
    mentions, kept = [], []
    groups = group_parts(text, scan(kb, text))
    for i, group in enumerate(groups):
        start, end = _span(text, group)
        if (named := _context_start(text, group, start)) is None:
            continue
        start = min(start, named)
        actor = combine(kb, text, group, when)
        if actor is None or _stray_title(text, group, start):
            continue
        end, name = _name_after(
            text, group, end, groups[i + 1][0].start if i + 1 < len(groups) else len(text)
        )
        if name:  # the text names the person: trust it over the office table
            actor = replace(actor, name=name, role_holder=None, kb_id=None)
        if actor.country is None and not _kinds(group) & (ANCHORS | {"person", "title"}):
            start, actor = _city_before(kb, text, start, actor)
        actor.text = text[start:end]
        if "title" in _kinds(group):
            actor = memory.recall(group, actor)
        memory.learn(group, actor)
        mentions.append(Mention(text[start:end], start, end, actor))
        kept.append(group)
    _share_sectors(text, mentions, kept)
    _place_by_preposition(kb, text, mentions, kept, when)
    return [_without_preposition(mention) for mention in mentions]


def _without_preposition(mention: Mention) -> Mention:
    """ "the US embassy in" (Baghdad) as "the US embassy"."""
    trailing = _TRAILING_PREPOSITION.search(mention.text)
    if trailing is None or trailing.start() == 0:
        return mention
    text = mention.text[: trailing.start()]
    actor = mention.actor
    if actor.text == mention.text:
        actor = replace(actor, text=text)
    return Mention(text, mention.start, mention.start + len(text), actor)
