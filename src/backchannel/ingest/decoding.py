"""Bytes to text: UTF-8 first, then charset-normalizer; binary and oversized input refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from backchannel.errors import BinaryInput, EmptyText, TooLarge, UndecodableInput
from backchannel.settings import Settings

SNIFF = 8192  # bytes looked at to tell binary from text
CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}  # control bytes that text does not hold
MAX_CONTROL_SHARE = 0.05
MAX_CHAOS = 0.25  # charset-normalizer's "mess" above which a decoding is not sensible


def check_size(size: int, settings: Settings) -> None:
    if size > settings.max_bytes:
        raise TooLarge(f"{size} bytes is over the limit of {settings.max_bytes} (max_bytes)")


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for byte in head if byte in CONTROL)
    return bool(head) and control / len(head) > MAX_CONTROL_SHARE


def to_text(data: bytes) -> str:
    """Decode ``data``: UTF-8 (with or without BOM), else charset-normalizer's best guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.chaos > MAX_CHAOS:
            raise UndecodableInput(
                f"not valid UTF-8 (byte {err.start}) and no other encoding fits"
            ) from err
        return data.decode(best.encoding, errors="replace")


def decode(data: bytes, settings: Settings) -> str:
    """Bytes of one record to text, refusing oversized, binary, undecodable and empty input."""
    check_size(len(data), settings)
    if looks_binary(data):
        raise BinaryInput("binary data, not text")
    text = to_text(data)
    if not text.strip():
        raise EmptyText("no text")
    return text
