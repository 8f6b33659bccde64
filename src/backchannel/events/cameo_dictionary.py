"""Import the PETRARCH-2 CAMEO verb dictionary into the codebook's object tables.

``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance) files verbs in synonym blocks, each with a
default CAMEO code, and phrase patterns saying which objects make which event ("GIVE/PROVIDE
... ``- * AID [070]``"), with noun synonym sets (``&CURRENCY``) usable in patterns. This module
reads the simple patterns and writes two tables (format in ``data/codebook/README.md``):

- ``cameo_objects.tsv``: verb lemma, object words, CAMEO code, source line, ``own``;
- ``cameo_verbs.tsv``: verb lemma, its default CAMEO code, block name, source line.

A pattern is simple when nothing precedes the verb and one object follows it: a word, a
``{MULTI WORD}`` phrase or a ``&SYNSET`` (expanded to its members), optionally after a verb
particle (``- * OFF EXPLOSIVE`` files the object under "set off"). Patterns with ``[---]``,
only a reverse code (``[:173]``), prepositional phrases, subjects or ``$ + % ^`` are skipped.
A pattern applies to every verb of its block, as in PETRARCH; ``own`` is 1 on the rows of
the verb its comment names (the verb the dictionary's coders found it under).

Run ``python -m backchannel.events.cameo_dictionary [CAMEO.2.0.txt]``; the output depends on
the input only, so the shipped tables rebuild byte-identically.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from backchannel.datafiles import DATA_DIR

DEFAULT_SOURCE = Path("/work/shared/design/reference/petrarch/CAMEO.2.0.txt")
OUT_DIR = DATA_DIR / "codebook"
UPSTREAM = "openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt"
UPSTREAM_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PARTICLES = frozenset(["up", "off", "out", "down", "back", "forward", "aside", "away", "over"])
NOT_PLURAL = frozenset(
    ["news", "series", "species", "means", "headquarters", "politics", "economics", "gas",
     "bias", "chaos", "alias", "atlas", "overseas", "whereas", "perhaps", "always"]
)  # fmt: skip
IRREGULAR = {"crises": "crisis", "analyses": "analysis", "men": "man", "women": "woman"}
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN = re.compile(r"^-(.*?)\[([^\]]*)\]\s*(?:#(.*))?$")
_CODE = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"^[A-Z0-9][A-Z0-9_'.-]*$")
_SYNSET = re.compile(r"^&[A-Z0-9_]+$")


@dataclass(slots=True)
class Block:
    """One verb synonym block: its verbs (lemma → own code, source line) and patterns."""

    name: str
    code: str
    line: int
    verbs: dict[str, tuple[str, int]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # upper-case form → verb lemma
    patterns: list[tuple[str, str, str, int]] = field(default_factory=list)  # body, code, note


@dataclass(slots=True)
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]


def singular(word: str) -> str:
    """A plain, deterministic singular of a lower-case word (both sides of a lookup use it)."""
    if word in NOT_PLURAL or word in IRREGULAR:
        return IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase_words(text: str) -> list[str]:
    """Dictionary spelling (``CASH_``, ``ARMS_SHIPMENT``) → lower-case singular words."""
    return [singular(word) for word in text.lower().replace("_", " ").split()]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip()


def _read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        text = _strip_comment(raw)
        if raw.lstrip().startswith("#"):
            continue
        if text.startswith("&"):
            current = synsets.setdefault(text.split()[0], [])
        elif text.startswith("+") and current is not None:
            current.append(" ".join(phrase_words(text[1:])))
        elif not text:
            current = None
    return synsets


def _verb_forms(text: str, lemma: str) -> set[str]:
    braces = re.search(r"\{([^}]*)\}", text)
    irregular = braces.group(1).replace("+", "").split() if braces else []
    base = lemma.upper().replace(" ", "_")
    return {base, base + "S", base + "ES", base + "ED", base + "D", base + "ING", *irregular}


def _add_verb(block: Block, raw: str, number: int) -> None:
    text = _strip_comment(raw)
    if not text or text.startswith("{"):
        return
    head = text.split()[0]
    lemma = head.replace("+", "").replace("_", " ").lower()
    own = _CODE.search(raw.split("#", 1)[0])
    if own or lemma not in block.verbs:  # a later line with its own code wins ("BEAT [182]")
        code = pattern_code(own.group(1) if own else block.code) or "---"
        block.verbs[lemma] = (code, number)
    for form in _verb_forms(text, lemma):
        block.forms.setdefault(form.replace("_", " "), lemma)


def _read_blocks(lines: list[str], first: int) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(lines, start=first):
        header = _BLOCK.match(raw)
        if header:
            blocks.append(Block(header.group(1), header.group(2).strip(), number))
        elif not blocks or not raw.strip() or raw.lstrip().startswith("#"):
            continue
        elif raw.startswith("-"):
            pattern = _PATTERN.match(raw.strip())
            if pattern:
                body, code, note = pattern.group(1), pattern.group(2), pattern.group(3) or ""
                blocks[-1].patterns.append((body.strip(), code.strip(), note, number))
        else:
            _add_verb(blocks[-1], raw, number)
    return blocks


def read_dictionary(text: str) -> Dictionary:
    """Parse the synonym sets and verb blocks of a PETRARCH verb dictionary."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), len(lines))
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    return Dictionary(_read_synsets(lines[:start]), _read_blocks(lines[start:end], start + 1))


def _object_tokens(body: str) -> list[str] | None:
    """The tokens after ``*`` of a pattern with nothing before it, or None when not simple."""
    before, star, after = body.partition("*")
    if not star or before.strip() or re.search(r"[()$+%^*]", after):
        return None
    return re.findall(r"\{[^}]*\}|\S+", after.strip())


def _expand(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A word, ``{MULTI WORD}`` or ``&SYNSET`` → the object phrases it stands for."""
    words = token[1:-1].split() if token.startswith("{") and token.endswith("}") else [token]
    choices: list[list[str]] = []
    for word in words:
        if _SYNSET.match(word):
            if word not in synsets:
                return None
            choices.append(synsets[word])
        elif _WORD.match(word):
            choices.append([" ".join(phrase_words(word))])
        else:
            return None
    return [" ".join(parts) for parts in product(*choices)]


def simple_objects(body: str, synsets: dict[str, list[str]]) -> tuple[str, list[str]] | None:
    """(particle or "", object phrases) of a simple pattern body, else None."""
    tokens = _object_tokens(body)
    if tokens is None or not 1 <= len(tokens) <= 2:
        return None
    particle = ""
    if len(tokens) == 2:
        if tokens[0].lower() not in PARTICLES:
            return None
        particle = tokens[0].lower()
    objects = _expand(tokens[-1], synsets)
    return (particle, objects) if objects else None


def pattern_code(code: str) -> str | None:
    """The actor-to-target code of ``[070]`` or ``[042:043]``; None for ``[---]``, ``[:173]``."""
    first = code.split(":", 1)[0].strip()
    return first if first.isdigit() else None


def _noted(block: Block, note: str) -> set[str]:
    words = re.split(r"[\s,;/]+", note.upper())
    return {block.forms[word] for word in words if word in block.forms}


def object_rows(dictionary: Dictionary) -> Iterator[tuple[str, str, str, int, int]]:
    """(verb lemma, object, code, line, own) for every verb of a block × simple pattern."""
    for block in dictionary.blocks:
        for body, code, note, number in block.patterns:
            cameo = pattern_code(code)
            simple = simple_objects(body, dictionary.synsets) if cameo else None
            if cameo is None or simple is None:
                continue
            particle, objects = simple
            noted = _noted(block, note)
            for verb in block.verbs:
                lemma = f"{verb} {particle}".strip()
                for obj in objects:
                    yield lemma, obj, cameo, number, int(verb in noted)


def unique_rows(rows: Iterator[tuple[str, str, str, int, int]]) -> list[tuple[str, ...]]:
    """One row per (verb, object, code): the first line the verb owns, else the first line."""
    best: dict[tuple[str, str, str], tuple[int, int]] = {}
    for verb, obj, cameo, number, own in rows:
        key = (verb, obj, cameo)
        seen = best.get(key)
        if seen is None or (own and not seen[1]):
            best[key] = (number, own)
    ordered = sorted(best.items(), key=lambda item: (item[0][0], item[1][0], item[0][1]))
    return [(v, o, c, str(n), str(own)) for (v, o, c), (n, own) in ordered]


def verb_rows(dictionary: Dictionary) -> list[tuple[str, ...]]:
    """(verb lemma, default code, block, line) per verb and block, sorted by verb then line."""
    rows = {
        (verb, code, block.name, str(number))
        for block in dictionary.blocks
        for verb, (code, number) in block.verbs.items()
    }
    return sorted(rows, key=lambda row: (row[0], int(row[3])))


def _header(digest: str, what: str, columns: str) -> str:
    return (
        f"# {what}\n"
        f"# Generated by backchannel.events.cameo_dictionary from {UPSTREAM}\n"
        f"# (commit {UPSTREAM_COMMIT}; input sha256 {digest}); do not edit by hand.\n"
        "# The dictionary: Copyright (c) 2015 Open Event Data Alliance, MIT License (the\n"
        "# licence text is in the dictionary and in shared/design/reference/petrarch/LICENSE).\n"
        f"{columns}\n"
    )


def render(text: str) -> dict[str, str]:
    """File name → contents of the two tables built from a dictionary's text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    dictionary = read_dictionary(text)
    objects = unique_rows(object_rows(dictionary))
    verbs = verb_rows(dictionary)
    return {
        "cameo_objects.tsv": _header(
            digest,
            "Verb + object → CAMEO code, from the simple patterns of the CAMEO verb dictionary.",
            "verb\tobject\tcameo\tline\town",
        )
        + "".join("\t".join(row) + "\n" for row in objects),
        "cameo_verbs.tsv": _header(
            digest,
            "Verb → its code alone: its own or its block's ('---': no event alone), per block.",
            "verb\tcameo\tblock\tline",
        )
        + "".join("\t".join(row) + "\n" for row in verbs),
    }


def build(source: Path = DEFAULT_SOURCE, out_dir: Path = OUT_DIR) -> list[Path]:
    """Write both tables from ``source`` into ``out_dir``; returns the paths written."""
    written = []
    for name, contents in render(source.read_text(encoding="utf-8")).items():
        path = out_dir / name
        path.write_text(contents, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    source = Path(args[0]) if args else DEFAULT_SOURCE
    out_dir = Path(args[1]) if len(args) > 1 else OUT_DIR
    for path in build(source, out_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
