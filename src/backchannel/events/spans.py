"""Character spans of role phrases: as resolved (the noun phrase) and as displayed."""

from __future__ import annotations

from backchannel.events import roles as rolemod
from backchannel.events.triggers import Match
from backchannel.nlp import Doc, Token
from backchannel.records import Evidence, Sentence, TextSpan

_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def clauses(sentence: Sentence, head: Token) -> list[tuple[int, int]]:
    """Character ranges of the clauses inside a filler ("government, [whose term expired
    last May]"): their mentions are not the filler's actors."""
    ranges = []
    for token in head.subtree:
        if token.dep_ in _CLAUSE_DEPS and token.i != head.i:
            first, last = token.left_edge, token.right_edge
            start = sentence.start + first.idx
            ranges.append((start, sentence.start + last.idx + len(last.text)))
    return ranges


def phrase(sentence: Sentence, head: Token) -> TextSpan:
    """The noun phrase a filler heads, by which its actors are resolved."""
    start, end = rolemod.np_bounds(head)
    return text_span(sentence, head.doc, start, end)


def display(
    sentence: Sentence,
    heads: list[Token],
    times: frozenset[str],
    events: frozenset[int] = frozenset(),
) -> list[TextSpan]:
    """The fillers' phrases with their appositions; phrases that touch are one ("his
    counterpart Italian President Sergio Mattarella"), phrases inside another are dropped;
    a filler among the trigger heads ``events`` ends with its noun ("Iran's offer")."""
    bounds: list[tuple[int, int]] = []
    found = (rolemod.display_bounds(head, times, head.i in events) for head in heads)
    for start, end in sorted(found):
        if bounds and start <= bounds[-1][1]:
            bounds[-1] = (bounds[-1][0], max(end, bounds[-1][1]))
        else:
            bounds.append((start, end))
    return [text_span(sentence, heads[0].doc, start, end) for start, end in bounds]


def text_span(sentence: Sentence, doc: Doc, start: int, end: int) -> TextSpan:
    """The sentence text of tokens [start, end) with article offsets."""
    first, last = doc[start], doc[end - 1]
    text = sentence.text[first.idx : last.idx + len(last.text)]
    return TextSpan(text, sentence.start + first.idx, sentence.start + last.idx + len(last.text))


def evidence(sentence: Sentence, match: Match) -> Evidence:
    """The evidence of a match: its sentence and trigger with article offsets."""
    doc = match.head.doc
    first, last = doc[match.start], doc[match.end - 1]
    start, end = first.idx, last.idx + len(last.text)
    return Evidence(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        trigger=sentence.text[start:end],
        trigger_start=sentence.start + start,
        trigger_end=sentence.start + end,
    )
