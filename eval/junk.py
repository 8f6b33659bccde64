"""The junk-line cleaner on whole pages rendered to plain text (gold built on the fly).

Each page of the extraction gold set is rendered to plain text, one line per visible block
(junk included), as a bad extractor would leave it. A line is labelled content when most of
its words occur in the page's ``articleBody``. The cleaner's kept lines are scored against
these labels (line precision/recall), and the cleaned text against ``articleBody`` with the
extraction benchmark's token F1 (on all pages, and on the English pages the pipeline codes);
the uncleaned text's F1 is the reference.
"""

from __future__ import annotations

from collections import Counter

import lxml.html
from lxml.etree import _Element

from backchannel.clean.junk import drop_junk_lines
from backchannel.clean.language import detect
from eval.common import prf, print_figures, write_misses
from eval.extraction import pages, token_prf

SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "button",
    "option", "select", "title",
}  # fmt: skip
CONTENT_SHARE = 0.5
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def _walk(element: _Element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIP:
        out.append(element.tail or "")
        return
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


def is_content(line: str, body_words: Counter[str]) -> bool:
    words = line.split()
    return sum(1 for word in words if word in body_words) / len(words) > CONTENT_SHARE


def score(write: bool = True) -> dict[str, float]:
    tp = fp = fn = 0
    cleaned_rows, raw_rows, english_rows = [], [], []
    misses: list[str] = []
    for key, html, body in pages():
        lines = render(html)
        body_words = Counter(body.split())
        text = "\n".join(lines)
        kept = set(drop_junk_lines(text).split("\n"))
        for line in lines:
            gold, ours = is_content(line, body_words), line in kept
            tp, fp, fn = tp + (gold and ours), fp + (ours and not gold), fn + (gold and not ours)
            if gold != ours:
                misses.append(f"{key[:12]}\t{'FN' if gold else 'FP'}\t{line[:160]}")
        cleaned_rows.append(token_prf(body, "\n".join(line for line in lines if line in kept)))
        if detect(body)[0] == "en":
            english_rows.append(cleaned_rows[-1])
        raw_rows.append(token_prf(body, text))
    precision, recall, f1 = prf(tp, fp, fn)
    n = len(raw_rows) or 1
    figures = {
        "line_precision": precision,
        "line_recall": recall,
        "line_f1": f1,
        "token_f1": sum(row[2] for row in cleaned_rows) / n,
        "token_f1_english_pages": sum(row[2] for row in english_rows) / (len(english_rows) or 1),
        "uncleaned_token_f1": sum(row[2] for row in raw_rows) / n,
    }
    if write:
        write_misses("junk", misses)
    return figures


if __name__ == "__main__":
    print_figures("junk", score())
