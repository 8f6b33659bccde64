"""The junk-line cleaner on whole pages rendered to plain text (gold built on the fly).

Each page of the extraction gold set is rendered to plain text, one line per visible block
(junk included), as a bad extractor would leave it. Invisible parts are not rendered: HTML
comments (conditional comments included), ``script``/``style``-like elements, and elements
hidden by the ``hidden`` attribute or an inline ``display:none``/``visibility:hidden``.
A line is labelled content when most of its words occur in the page's ``articleBody``; a
short line (menu item, tag, byline) only when it is a whole line of ``articleBody``, since
nearly every word of a one-word menu item occurs somewhere in a long article. The cleaner's
kept lines (by position) are scored against these labels (line precision/recall), and the
cleaned text against ``articleBody`` with the extraction benchmark's token F1 (on all pages,
and on the English pages the pipeline codes); the uncleaned text's F1 is the reference.
The token F1 does not depend on the line labels. The misses file lists each page's token F1
(worst first), then the lines the cleaner got wrong. Figures are also given for each half
of the pages (``_a``/``_b``, by a hash of the page key).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import lxml.html
from lxml.etree import _Element

from backchannel.clean.junk import classify, kept_indices
from backchannel.clean.language import detect
from eval.common import by_half, prf, print_figures, write_misses
from eval.extraction import pages, token_prf

SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "button",
    "option", "select", "title",
}  # fmt: skip
CONTENT_SHARE = 0.5
SHORT_LINE = 5  # words: a shorter line is content only when it is a whole line of the body
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def _hidden(element: _Element) -> bool:
    """Not shown by a browser: a comment or processing instruction, or a hidden element."""
    if not isinstance(element.tag, str):
        return True
    attributes = element.attrib
    return (
        element.tag.lower() in SKIP
        or "hidden" in attributes
        or bool(HIDDEN_STYLE.search(str(attributes.get("style", ""))))
    )


def _walk(element: _Element, out: list[str]) -> None:
    if _hidden(element):
        out.append(element.tail or "")
        return
    tag = str(element.tag)
    block = tag.lower() in BLOCKS
    out.append("\n" if block else "")
    out.append(element.text or "")
    for child in element:
        _walk(child, out)
    out.append("\n" if block else "")
    out.append(element.tail or "")


def render(html: str) -> list[str]:
    """Every visible line of the page, in order."""
    try:
        root = lxml.html.document_fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=UTF8_PARSER)
    except lxml.etree.ParserError:
        return []
    out: list[str] = []
    _walk(root, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return [line for line in lines if line]


def body_lines(body: str) -> set[str]:
    return {" ".join(line.split()) for line in body.splitlines() if line.strip()}


def is_content(line: str, body_words: Counter[str], whole_lines: set[str]) -> bool:
    words = line.split()
    if len(words) < SHORT_LINE:
        return line in whole_lines
    return sum(1 for word in words if word in body_words) / len(words) > CONTENT_SHARE


class PageTally(NamedTuple):
    """One page's line counts (tp, fp, fn) and token F1 with and without the cleaner."""

    tp: int
    fp: int
    fn: int
    token_f1: float
    uncleaned_token_f1: float
    english: bool


def _score_page(key: str, html: str, body: str, misses: list[str]) -> PageTally:
    lines = render(html)
    body_words, whole_lines = Counter(body.split()), body_lines(body)
    kept = kept_indices(classify(lines))
    tp = fp = fn = 0
    for i, line in enumerate(lines):
        gold, ours = is_content(line, body_words, whole_lines), i in kept
        tp, fp, fn = tp + (gold and ours), fp + (ours and not gold), fn + (gold and not ours)
        if gold != ours:
            misses.append(f"{key[:12]}\t{'FN' if gold else 'FP'}\t{line[:160]}")
    cleaned = token_prf(body, "\n".join(lines[i] for i in sorted(kept)))[2]
    uncleaned = token_prf(body, "\n".join(lines))[2]
    return PageTally(tp, fp, fn, cleaned, uncleaned, detect(body)[0] == "en")


def _figures(tallies: list[PageTally]) -> dict[str, float]:
    precision, recall, f1 = prf(*(sum(t[i] for t in tallies) for i in range(3)))
    n = len(tallies) or 1
    english = [t.token_f1 for t in tallies if t.english]
    return {
        "line_precision": precision,
        "line_recall": recall,
        "line_f1": f1,
        "token_f1": sum(t.token_f1 for t in tallies) / n,
        "token_f1_english_pages": sum(english) / (len(english) or 1),
        "uncleaned_token_f1": sum(t.uncleaned_token_f1 for t in tallies) / n,
    }


def score(write: bool = True) -> dict[str, float]:
    """The figures on every page, then on each half by a hash of the page key (``_a``, ``_b``)."""
    misses: list[str] = []
    outcomes = [(key, _score_page(key, html, body, misses)) for key, html, body in pages()]
    if write:
        worst_first = sorted((tally.token_f1, key) for key, tally in outcomes)
        per_page = [f"{key[:12]}\tPAGE\ttoken F1 {f1:.3f}" for f1, key in worst_first]
        write_misses("junk", per_page + misses)
    return by_half(outcomes, _figures)


if __name__ == "__main__":
    print_figures("junk", score())
