"""Bytes to text: UTF-8 first, then charset-normalizer; binary and oversized input refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from backchannel.errors import BinaryInput, EmptyText, TooLarge, UndecodableInput
from backchannel.records import Article
from backchannel.settings import Settings

SNIFF = 8192  # bytes looked at to tell binary from text
CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}  # control bytes that text does not hold
MAX_CONTROL_SHARE = 0.05
MAX_CHAOS = 0.25  # charset-normalizer's "mess" above which a decoding is not sensible


def check_size(size: int, settings: Settings) -> None:
    if size > settings.max_bytes:
        raise TooLarge(f"{size} bytes is over the limit of {settings.max_bytes} (max_bytes)")


def line_limit(settings: Settings) -> int:
    """The longest JSONL line read: room for an HTML page (escaped) or a text."""
    return settings.max_html_bytes + settings.max_bytes


def check_article_size(article: Article, settings: Settings) -> None:
    """A text over ``max_bytes``, or a page over ``max_html_bytes``, is refused (the text
    extracted from a page is checked again after cleaning)."""
    if article.html is not None:
        size = len(article.html.encode("utf-8", "surrogatepass"))
        if size > settings.max_html_bytes:
            raise TooLarge(
                f"an HTML page of {size} bytes is over the limit of {settings.max_html_bytes}"
                " (max_html_bytes)"
            )
        return
    check_size(len(article.text.encode("utf-8", "surrogatepass")), settings)


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for byte in head if byte in CONTROL)
    return bool(head) and control / len(head) > MAX_CONTROL_SHARE


BOMS = (  # longest first: the UTF-32 little-endian mark begins like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def to_text(data: bytes) -> str:
    """Decode ``data``: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else
    charset-normalizer's best guess."""
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise UndecodableInput(f"not valid {encoding.upper()} (byte {err.start})") from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.chaos > MAX_CHAOS:
            raise UndecodableInput(
                f"not valid UTF-8 (byte {err.start}) and no other encoding fits"
            ) from err
        return data.decode(best.encoding, errors="replace")


def decode(data: bytes, settings: Settings, *, limit: int | None = None) -> str:
    """Bytes of one record to text, refusing oversized (over ``limit``, by default
    ``max_bytes``), binary, undecodable and empty input."""
    limit = settings.max_bytes if limit is None else limit
    if len(data) > limit:
        raise TooLarge(f"{len(data)} bytes is over the limit of {limit}")
    if _bom_encoding(data) is None and looks_binary(data):
        raise BinaryInput("binary data, not text")
    text = to_text(data)
    if not text.strip():
        raise EmptyText("no text")
    return text
