"""Sums of money in Swedish text → integer kronor.

"7 140 000 kr" → 7140000, "750 000 kronor" → 750000, "12 miljoner kronor" → 12000000,
"6 mkr" → 6000000, "1,5 mkr" → 1500000, "214 237:-" → 214237, "30 000 kr" → 30000,
"500 tkr" → 500000, "2,3 miljarder kronor" → 2300000000.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# decimals after a comma, or after a point when one or two digits follow ("1.2 miljoner")
_NUM = r"(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+)|\.(\d{1,2})(?![\d.]))?"
# The same, written to begin with the first digit (the look-behind looks back past it, the two
# alternatives share it): ``re`` then skips to digits at once instead of trying the look-behind
# at every position. The same matches and groups as ``_NUM``.
_NUM_FAST = r"(\d(?<![\d,.].)(?:\d{0,2}(?:[ \u00a0\u202f.]\d{3})+|\d*))(?:,(\d+)|\.(\d{1,2})(?![\d.]))?"
_UNITS = [
    (r"(?:miljarder|miljard|mdkr|mdr\.?)\s*(?:kronor|kr\.?|sek)?", 1_000_000_000),
    (r"(?:miljoner|miljon|milj\.?|mnkr|mkr|msek|mn\.?)\s*(?:kronor|kr\.?|sek)?", 1_000_000),
    (r"(?:tusen\s*(?:kronor|kr\.?)|tkr|ksek)", 1_000),
    (r"(?:kronor|kr\b\.?|sek\b|:-)", 1),
]
_AMOUNT = re.compile(_NUM_FAST + r"\s*(" + "|".join(u for u, _ in _UNITS) + r")", re.I)
_PREFIXED = re.compile(r"\bSEK\s+" + _NUM + r"(?![ \u00a0\u202f.,]?\d)(?!\s*(?:" + "|".join(u for u, _ in _UNITS) + r"))")  # "SEK 300 000"
_DIGIT = re.compile(r"\d")
_UNIT_RES = [(re.compile(u, re.I), f) for u, f in _UNITS]


@dataclass
class Amount:
    value: int
    start: int
    end: int
    text: str


def _value(intpart: str, frac: str | None, unit: str) -> int | None:
    digits = re.sub(r"[ \u00a0\u202f.]", "", intpart)
    if not digits.isdigit():
        return None
    factor = next((f for rx, f in _UNIT_RES if rx.fullmatch(unit.strip())), 1)
    if frac and factor == 1:
        return int(digits)              # "1 234,50 kr": öre are dropped
    num = float(f"{digits}.{frac}") if frac else int(digits)
    return int(round(num * factor))


def find_amounts(text: str) -> list[Amount]:
    """Every sum of money in ``text`` with its character span."""
    out = []
    if not _DIGIT.search(text):          # every sum starts with a digit
        return out
    for m in _AMOUNT.finditer(text):
        v = _value(m.group(1), m.group(2) or m.group(3), m.group(4))
        if v is not None:
            out.append(Amount(v, m.start(), m.end(), m.group(0)))
    if "SEK " in text:
        for m in _PREFIXED.finditer(text):
            v = _value(m.group(1), m.group(2) or m.group(3), "sek")
            if v is not None and not any(a.start < m.end() and m.start() < a.end for a in out):
                out.append(Amount(v, m.start(), m.end(), m.group(0)))
        out.sort(key=lambda a: a.start)
    return out


def parse_amount(text: str) -> int | None:
    """The first sum of money in ``text`` as integer kronor, or None."""
    found = find_amounts(text)
    return found[0].value if found else None
