"""Swedish date expressions in minutes: "2024-03-15", "22 september 2017",
"Fredag den 8 oktober 2021", "den 11 februari" (year from elsewhere), "8/10 2021"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?"
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAYS}\b", re.I)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)[-‐–.](\d{1,2})[-‐–.](\d{1,2})(?![\d])")
TEXTUAL = re.compile(
    rf"(?:(?:{WEEKDAYS})\s*,?\s*)?(?:den\s+)?(\d{{1,2}})(?::e|:a)?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d\d))?\b",
    re.I)
SLASH = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?:[ -]|[/.])((?:19|20)\d\d)\b")
COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
TIME = re.compile(
    r"(?:\b(?:kl\.?|klockan)\s*)?\b\d{1,2}[.:]\d{2}(?:\s*[-–—]\s*\d{1,2}[.:]\d{2})?"
    r"|\b(?:kl\.?|klockan)\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\b", re.I)


@dataclass
class FoundDate:
    iso: str | None        # None when the year is missing
    month: int
    day: int
    start: int
    end: int


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date expression in ``text`` in order; ``iso`` None for a day without a year."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in ISO.finditer(text):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            out.append(FoundDate(iso, int(m.group(2)), int(m.group(3)), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in TEXTUAL.finditer(text):
        if not free(m.start(), m.end()):
            continue
        mo = MONTHS[m.group(2).casefold()]
        d = int(m.group(1))
        if not 1 <= d <= 31:
            continue
        iso = _valid(int(m.group(3)), mo, d) if m.group(3) else None
        out.append(FoundDate(iso, mo, d, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in SLASH.finditer(text):
        if free(m.start(), m.end()):
            iso = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if iso:
                out.append(FoundDate(iso, int(m.group(2)), int(m.group(1)), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in COMPACT.finditer(text):
        if free(m.start(), m.end()):
            iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                out.append(FoundDate(iso, int(m.group(2)), int(m.group(3)), m.start(), m.end()))
    out.sort(key=lambda f: f.start)
    return out


def strip_dates_and_times(text: str) -> str:
    """The text with date and clock-time expressions (and a weekday) removed."""
    spans = [(f.start, f.end) for f in find_dates(text)]
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + " " + text[b:]
    text = TIME.sub(" ", text)
    text = _WEEKDAY_WORD.sub(" ", text)
    return " ".join(text.split())
