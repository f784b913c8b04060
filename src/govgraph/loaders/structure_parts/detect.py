"""Is this document meeting minutes at all? (The loader skips other documents unless --force.)"""
from __future__ import annotations

import re

from ...model import CleanDocument
from .items import find_items
from .text import lines_of

_HEADER_WORDS = re.compile(
    r"\b(protokoll|mötesanteckningar|minnesanteckningar|anteckningar|sammanträde\w*|"
    r"närvarande|beslutande|ledamöter|ersättare|justera\w*|ordförande|sekreterare|"
    r"dagordning|föredragningslista|ärendelista|tid och plats|plats:|tid:|datum:|mötesdatum|"
    r"frånvarande|anmält förhinder|adjungerade|tjänstepersoner|deltagare|antecknare)(?!\w)", re.I)
_TITLE_HIT = {"protokoll", "mötesanteckningar", "minnesanteckningar", "anteckningar"}
_MINUTES_WORDS = re.compile(
    r"\b(beslut\w*|mötet|sammanträdet|föredrog|informerade|lades till handlingarna|"
    r"läggs till handlingarna|godkänn\w*|utses|utsågs|val av justerare|övriga frågor)\b", re.I)


_OTHER_KIND = re.compile(
    r"\b(årsredovisning|verksamhetsberättelse|förvaltningsberättelse|innehållsförteckning|"
    r"resultaträkning|balansräkning|kapitel|roman|förord|utredning|remissvar|rapport\s+\d{4}:\d+|"
    r"sou\s+\d{4}:\d+|isbn)\b", re.I)


def looks_like_protocol(doc: CleanDocument) -> tuple[bool, str]:
    """(True, "") for minutes; (False, reason) for other documents (reports, books, letters)."""
    text_lines = [ln.text for ln in doc.lines if ln.text.strip()]
    if not text_lines:
        return False, "the document has no text"
    head = "\n".join(text_lines[:120])
    whole = "\n".join(text_lines)
    header_hits = {m.group(1).casefold() for m in _HEADER_WORDS.finditer(head)}
    minutes_hits = len(_MINUTES_WORDS.findall(whole))
    words = len(whole.split())
    items = find_items(lines_of(doc), doc.name) if len(text_lines) < 20000 else []
    other = sorted({m.group(1).casefold() for m in _OTHER_KIND.finditer(head)})
    long_doc = doc.pages > 150 or words > 60000
    if long_doc and (len(header_hits) < 4 or not items or other):
        kind = f" ({', '.join(other)})" if other else ""
        return False, (f"{doc.pages} pages / {words} words without a meeting header{kind}: "
                       "looks like a report or a book")
    if other and len(header_hits) < 3:
        return False, f"looks like another kind of document ({', '.join(other)})"
    if len(header_hits) >= 3 and (items or minutes_hits >= 3):
        return True, ""
    if len(header_hits) >= 2 and len(items) >= 3:
        return True, ""
    if header_hits & _TITLE_HIT and len(header_hits) >= 2 and items:
        return True, ""
    if len(items) >= 3 and minutes_hits >= max(3, words // 2000):
        return True, ""
    found = ", ".join(sorted(header_hits)) or "none"
    return False, (f"no meeting header or agenda items found (header words: {found}; "
                   f"{len(items)} numbered items)")
