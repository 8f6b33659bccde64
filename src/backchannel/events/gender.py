"""A person's gender as the text tells it, for pronoun agreement: "he" is not Hillary Clinton.

Evidence, in order: an honorific just before the name ("Mr. Obama", "Mrs. Clinton"), then a
given name the list knows, in the mention or the knowledge base's name for it ("Hillary
Clinton", "Trump" as "Donald Trump"); ``data/actors/given_names.tsv``. A person the text tells
nothing about stays a candidate for either pronoun, and so does one it tells both about.
"""

from __future__ import annotations

import re
from functools import cache

from backchannel.datafiles import data_lines
from backchannel.records import Mention, Sentence

MALE, FEMALE = "m", "f"
PRONOUNS = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?\s*$")
_UNKNOWN = ""  # told both ways: no evidence
_BEFORE = 12  # characters before a name read for an honorific ("Madame ", "Mrs. ")


@cache
def _words() -> tuple[dict[str, str], dict[str, str]]:
    """(honorifics, given names) → gender."""
    honorifics: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in data_lines("actors", "given_names.tsv"):
        word, gender, kind = line.split("\t")
        (honorifics if kind == "honorific" else names)[word] = gender
    return honorifics, names


def key(mention: Mention) -> str:
    """Who a person mention names: the knowledge base's name, else its last word."""
    return mention.actor.name or mention.text.split()[-1]


def _told(mention: Mention, before: str) -> str | None:
    honorifics, names = _words()
    word = _LAST_WORD.search(before)
    if word and word.group(1).lower() in honorifics:
        return honorifics[word.group(1).lower()]
    for name in (mention.text, mention.actor.name or ""):
        parts = name.split()
        if len(parts) > 1 and parts[0].lower() in names:
            return names[parts[0].lower()]
    return None


def learn(sentence: Sentence, mentions: list[Mention], genders: dict[str, str]) -> None:
    """Add what the sentence tells of its mentions' genders to ``genders`` (in place)."""
    for mention in mentions:
        at = max(0, mention.start - sentence.start)
        gender = _told(mention, sentence.text[max(0, at - _BEFORE) : at])
        if gender is None:
            continue
        seen = genders.setdefault(key(mention), gender)
        if seen != gender:
            genders[key(mention)] = _UNKNOWN


def agrees(pronoun: str, mention: Mention, genders: dict[str, str]) -> bool:
    """Whether a person pronoun may stand for the mention's person."""
    wanted = PRONOUNS.get(pronoun.lower())
    told = genders.get(key(mention)) or None
    return wanted is None or told is None or told == wanted
