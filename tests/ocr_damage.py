"""Simulated OCR damage for Swedish protocol text (a test helper, deterministic for a seed).

``damage(text, seed)`` returns a copy of a clean protocol damaged the way a poor OCR scan of
Swedish minutes is: per page (form feeds separate pages) most å/ä/ö are lost (ä/å → a, and now
and then i, d, 3, &; ö → o, and now and then é, 6), a few l → 1 | I, rn ↔ m and cl ↔ d slips, and
a few words glued together or split. Layout is never touched: line breaks, tabs, form feeds,
markup (``<...>`` tags, ``&...;`` entities, ``<del>``), headings (``#``), ``§``, digits and
punctuation stay as they are; only letters inside words change, and spaces between two words.

``damage_file(src, dst, seed)`` writes a damaged copy of a file (HTML files get no ``&`` glyphs,
which a parser could read as an entity).

The rates are modest on purpose (a readable but poor scan, like seed 004); ``Rates`` can be
tightened or loosened per call.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

# markup and spans that must survive untouched
_PROTECTED_RE = re.compile(
    r"<[^>\n]*>|&[#\w]+;|\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:se|nu|com|org|net)\b\S*",
    re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Rates:
    lost_min: float = 0.80      # share of å/ä/ö lost on a page: drawn per page in [min, max]
    lost_max: float = 0.97
    glyph: float = 0.08         # of the lost letters, share written as a glyph (i d 3 & / é 6)
    l_slip: float = 0.015       # per "l": 1 | I
    rn_m: float = 0.03          # per "rn" → "m", per "m" → "rn"
    cl_d: float = 0.03          # per "cl" → "d", per "d" → "cl" (rare: d is common)
    glue: float = 0.006         # per space between two words: lost
    split: float = 0.004        # per long word: a space inserted


_LOST = {"ä": "a", "å": "a", "ö": "o", "Ä": "A", "Å": "A", "Ö": "O"}
_GLYPHS = {"ä": "id3&", "å": "a&d", "ö": "é6", "Ä": "A", "Å": "A", "Ö": "O6"}


def _damage_word(w: str, rnd: random.Random, lost: float, r: Rates, html: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if c in _LOST and rnd.random() < lost:
            if rnd.random() < r.glyph:
                opts = _GLYPHS[c].replace("&", "") if html else _GLYPHS[c]
                out.append(rnd.choice(opts) if opts else _LOST[c])
            else:
                out.append(_LOST[c])
        elif c == "r" and nxt == "n" and rnd.random() < r.rn_m:
            out.append("m")
            i += 1
        elif c == "m" and 0 < i and rnd.random() < r.rn_m / 3:
            out.append("rn")
        elif c == "c" and nxt == "l" and rnd.random() < r.cl_d:
            out.append("d")
            i += 1
        elif c == "d" and 0 < i < len(w) - 1 and rnd.random() < r.cl_d / 4:
            out.append("cl")
        elif c == "l" and rnd.random() < r.l_slip:
            out.append(rnd.choice("1|I"))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _damage_plain(text: str, rnd: random.Random, lost: float, r: Rates, html: bool) -> str:
    # letters of words
    text = _WORD_RE.sub(lambda m: _damage_word(m.group(), rnd, lost, r, html), text)
    # spaces: a single space between two words of letters may be lost; a long word may split
    def space(m: re.Match) -> str:
        return "" if rnd.random() < r.glue else m.group()
    text = re.sub(r"(?<=[a-zåäö]) (?=[a-zåäö])", space, text)

    def split(m: re.Match) -> str:
        w = m.group()
        if rnd.random() < r.split:
            k = rnd.randint(3, len(w) - 3)
            return w[:k] + " " + w[k:]
        return w
    return re.sub(r"(?<![\w§#])[a-zåäö]{8,}(?!\w)", split, text)


def damage(text: str, seed: int = 0, rates: Rates = Rates(), html: bool = False) -> str:
    """A damaged copy of ``text`` (same seed, same result)."""
    rnd = random.Random(seed)
    pages = text.split("\f")
    out_pages = []
    for page in pages:
        lost = rnd.uniform(rates.lost_min, rates.lost_max)
        parts, pos = [], 0
        for m in _PROTECTED_RE.finditer(page):
            parts.append(_damage_plain(page[pos:m.start()], rnd, lost, rates, html))
            parts.append(m.group())
            pos = m.end()
        parts.append(_damage_plain(page[pos:], rnd, lost, rates, html))
        out_pages.append("".join(parts))
    return "\f".join(out_pages)


def damage_file(src: Path | str, dst: Path | str, seed: int = 0, rates: Rates = Rates()) -> Path:
    src, dst = Path(src), Path(dst)
    text = src.read_text(encoding="utf-8")
    html = src.suffix.lower() in (".html", ".htm")
    dst.write_text(damage(text, seed, rates, html=html), encoding="utf-8")
    return dst


if __name__ == "__main__":      # python tests/ocr_damage.py SRC... OUTDIR [--seed N]
    import sys
    args = sys.argv[1:]
    seed = 0
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    *srcs, outdir = args
    Path(outdir).mkdir(parents=True, exist_ok=True)
    for s in srcs:
        damage_file(s, Path(outdir) / Path(s).name, seed)
