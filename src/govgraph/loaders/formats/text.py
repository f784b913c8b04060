"""Plain text: detect the encoding and decode, split pages on form feeds.

Detection order (predictable, tested): BOMs (UTF-8, UTF-16, UTF-32); UTF-16 without a BOM
(NUL bytes in every other position); strict UTF-8; otherwise a Western single-byte code page:
cp1252 (Windows), or cp850 (DOS) when cp1252 gives typographic marks inside words where cp850
gives Swedish letters. Files with NUL bytes or many control bytes are binary, not text.
"""
from __future__ import annotations

import codecs
import re

from ...model import RawLine

__all__ = ["decode_text", "looks_binary", "text_lines", "BinaryData"]


class BinaryData(ValueError):
    """The bytes are not text."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_SWEDISH = set("åäöÅÄÖéÉüÜ")
# characters cp1252 puts at 0x80-0x9f; inside a word they mean the guess was wrong
_CP1252_MARKS = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    return err.object[err.start:err.end].decode("latin-1"), err.end


_LATIN1_FALLBACK = "govgraph-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    return err.object[err.start:err.end].decode("cp1252", errors=_LATIN1_FALLBACK), err.end


_CP1252_FALLBACK = "govgraph-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[:len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


# every byte but the control bytes looks_binary counts (bytes.translate deletes them in C)
_NOT_CTRL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))
_HIGH = bytes(range(0x80, 0x100))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or more than 2 % control bytes (other than tab, newlines, form feed)."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    ctrl = len(sample.translate(None, _NOT_CTRL))      # the control bytes that are left
    return ctrl > 0.02 * len(sample)


def _single_byte(data: bytes) -> tuple[str, str]:
    """cp1252 or cp850, whichever reads as Swedish (see module docstring)."""
    # bytes undefined in cp1252 (0x81 0x8d 0x8f 0x90 0x9d) decode as their latin-1 code points
    text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    odd = len(re.findall(r"(?<=\w)[" + re.escape("".join(_CP1252_MARKS)) + r"](?=\w)", text))
    if odd:
        dos = data.decode("cp850", errors="replace")
        if sum(c in _SWEDISH for c in dos) > sum(c in _SWEDISH for c in text) + odd // 2:
            return dos, "cp850"
    return text, "cp1252"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as text. Returns (text, encoding). Raises BinaryData for non-text."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as e:
                raise BinaryData(f"starts with a {name} byte-order mark but is not valid {name} ({e.reason})")
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise BinaryData("binary file, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # mostly UTF-8 with a few stray single-byte characters (files pasted together)
    valid = len(_UTF8_SEQ.findall(data))
    high = len(data) - len(data.translate(None, _HIGH))     # bytes >= 0x80
    if valid and valid * 2 >= high - valid * 2:
        return data.decode("utf-8", errors=_CP1252_FALLBACK), "utf-8 (with cp1252 bytes)"
    return _single_byte(data)


def text_lines(text: str) -> tuple[list[RawLine], int]:
    """Split decoded text into RawLines; a form feed (\\f) starts a new page."""
    lines: list[RawLine] = []
    page = 1
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for n, chunk in enumerate(text.split("\f")):
        if n:
            page += 1
        lines += [RawLine(t, page) for t in chunk.split("\n")]
    # a trailing newline does not make an extra empty line
    if lines and lines[-1].text == "" and len(lines) > 1:
        lines.pop()
    return lines, page
