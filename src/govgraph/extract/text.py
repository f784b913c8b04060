"""Text helpers for extraction: markup-free analysis text, units (paragraphs, bullets,
sub-headings), sentences with line spans, diacritic-insensitive matching and provenance.

The cleaned lines stay untouched: every quote is taken from ``CleanDocument`` lines, so it
occurs verbatim in the cleaned text. Analysis text is a markup-free copy used for matching.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import CleanDocument, CleanLine, Provenance

# One character in, one character out: matching on folded text keeps offsets valid.
_FOLD = {ord(a): b for a, b in zip("åäöÅÄÖéÉèÈüÜáàÁÀ", "aaoaaoeeeeuuaaaa")}


_DEACCENT = {ord(a): b for a, b in zip("åäöÅÄÖéÉèÈüÜáàÁÀ", "aaoAAOeEeEuUaaAA")}
# The same maps as (old, new) pairs: a few ``str.replace`` calls (each a C scan of the string)
# are 5-10 times faster than ``str.translate`` with a dict, which looks up every character.
_DEACCENT_PAIRS = tuple((chr(k), v) for k, v in _DEACCENT.items())
_FOLD_LOWER_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items() if chr(k).islower())


def _replace_pairs(s: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``s`` with every ``old`` of ``pairs`` replaced by its ``new`` (one C scan per pair present)."""
    for a, b in pairs:
        if a in s:
            s = s.replace(a, b)
    return s


def deaccent(s: str) -> str:
    """Diacritics removed, case kept, same length as ``s``."""
    if s.isascii():
        return s
    return _replace_pairs(s, _DEACCENT_PAIRS)


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower-case, diacritics removed (å→a, ä→a, ö→o, é→e), same length as ``s``."""
    low = s.lower()
    if len(low) != len(s):          # rare characters whose lower case is longer
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    if low.isascii():
        return low
    # after lower() only the lower-case letters of _FOLD can occur (a character whose lower
    # case is longer is kept as written above, and no such character is in _FOLD)
    return _replace_pairs(low, _FOLD_LOWER_PAIRS)


# Characters outside Latin-1 that ``re.IGNORECASE`` treats as a case variant of a Latin-1
# letter (İ ı Ÿ ſ Μ μ ẞ K Å); İ is also the one character whose lower case is longer.
_CASE_EXOTIC = re.compile("[\u0130\u0131\u0178\u017f\u039c\u03bc\u1e9e\u212a\u212b]")


@lru_cache(maxsize=4096)
def lower_for_match(text: str) -> str | None:
    """``text.lower()``, or None when ``text`` has a character of ``_CASE_EXOTIC`` (memoised:
    the body, agreement and gazetteer scans all ask for the same unit texts)."""
    try:
        text.encode("latin-1")      # every character below U+0100: none of _CASE_EXOTIC (a C copy,
    except UnicodeEncodeError:      # faster than the regex scan)
        if _CASE_EXOTIC.search(text):
            return None
    return text.lower()


class CiPattern:
    """A case-insensitive regular expression whose letters are all Latin-1, matched fast.

    ``re`` scans case-insensitive patterns far more slowly than case-sensitive ones (no literal
    prefix search), so the text is lower-cased once and matched case-sensitively against the
    lower-cased pattern. Without the characters of ``_CASE_EXOTIC`` that gives exactly the
    spans ``re.I`` gives (``lower()`` keeps every other character's length, and for Latin-1
    letters it is the case folding ``re`` uses); with them the case-insensitive pattern runs.
    Match texts must be taken from the original text by span (the fast path matches the lower
    case). ``low_pattern`` must be ``pattern`` with its letters lower-cased.
    """

    def __init__(self, pattern: str, low_pattern: str | None = None):
        self.ci = re.compile(pattern, re.I)
        self.low = re.compile(pattern.lower() if low_pattern is None else low_pattern)

    def _rx_text(self, text: str) -> tuple[re.Pattern, str]:
        low = lower_for_match(text)
        return (self.ci, text) if low is None else (self.low, low)

    def search(self, text: str) -> bool:
        rx, t = self._rx_text(text)
        return rx.search(t) is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match, as ``re.finditer`` with ``re.I`` finds them."""
        rx, t = self._rx_text(text)
        return [m.span() for m in rx.finditer(t)]


def quick_ratios_reach(a: str, b: str, threshold: float) -> bool:
    """``SequenceMatcher(None, a, b).real_quick_ratio()`` and ``.quick_ratio()`` are both at
    least ``threshold`` (the same numbers, computed without building the matcher, which most
    pairs of names never need)."""
    total = len(a) + len(b)
    if not total:
        return 1.0 >= threshold
    if 2.0 * min(len(a), len(b)) / total < threshold:
        return False
    common = 0                              # size of the multiset intersection of a and b
    for c in set(a):
        k = b.count(c)
        if k:
            j = a.count(c)
            common += j if j < k else k
    return 2.0 * common / total >= threshold


_STRUCK_MARKUP = re.compile(r"~~.*?~~|<del>.*?</del>|<s>.*?</s>|<strike>.*?</strike>", re.I)
_TAGS = re.compile(r"</?(?:b|i|u|em|strong|span|sup|sub)\b[^>]*>", re.I)
_BULLET = re.compile(r"^\s*(?:[-•*–·▪◦]|e(?=\s+[A-ZÅÄÖ])|\d{1,2}\s*\)\.?|\d{1,2}\.(?=\s+[A-ZÅÄÖ])|[a-z]\))\s+")
# Section headings of Swedish minutes; they stand alone even without a blank line after them.
SECTION = re.compile(
    r"^(?:beslut|beslutet|(?:[\wåäöÅÄÖ]+- (?:och|&) )?[\wåäöÅÄÖ\-]+s beslut|ärendebeskrivning|ärendet|sammanfattning(?: av ärendet)?|"
    r"bakgrund|beslutsunderlag|underlag|yrkanden?|beslutsgång|propositionsordning|omröstning|"
    r"reservation(?:er)?|protokollsanteckning(?:ar)?|expedieras(?: till)?|skickas till|för kännedom|"
    r"förslag till beslut|beslutsförslag|[\wåäöÅÄÖ\-]+s förslag(?: till beslut)?|jäv|"
    r"(?:[\wåäöÅÄÖ\-]+s )?förslag till (?:[\wåäö\-]*fullmäktige|[\wåäö\-]*styrelsen|[\wåäö\-]*nämnden|direktionen|stämman|årsmötet)|"
    r"ställningstagande.{0,60}|synpunkter.{0,40}|diskussion.{0,40}|information|bedömning|"
    r"ekonomiska konsekvenser|konsekvenser|finansiering)\s*:?$", re.I)
_ATT_LINE = re.compile(r"^att\s+\S")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")


_PLAIN_SPECIAL = re.compile(r"[~<*#_\t]| {2}")
_EMPHASIS = re.compile(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_GLUED_STAR = re.compile(r"(?<=\w)\*(?=[A-ZÅÄÖ])")
_SPACES = re.compile(r" {2,}")
_TAB_SPACES = re.compile(r" *\t[ \t]*")


def _plain_special(t: str) -> bool:
    """``_PLAIN_SPECIAL.search(t)``: seven substring checks (C scans) instead of a regex."""
    return "~" in t or "<" in t or "*" in t or "#" in t or "_" in t or "\t" in t or "  " in t


# SECTION matched on lower-cased text (``CiPattern``)
_SECTION_CI = CiPattern(SECTION.pattern)


def plain(line: CleanLine) -> str:
    """The line's text with struck-through parts and leftover markup removed."""
    t = line.text
    if not line.struck and not _plain_special(t):
        return t.strip()                 # the common case: nothing to remove
    if line.struck:
        chars = list(t)
        for s, e in line.struck:
            for i in range(max(0, s), min(len(chars), e)):
                chars[i] = ""
        t = "".join(chars)
    # (each substitution only where the character it needs is in the text at that point)
    if "~" in t or "<" in t:
        t = _STRUCK_MARKUP.sub("", t)
    if "<" in t:
        t = _TAGS.sub("", t)
    if "#" in t:
        t = _HEADING_MARK.sub("", t)
    t = t.replace("**", "").replace("__", "")
    if "*" in t:
        t = _EMPHASIS.sub(" ", t)                                # *emphasis*
        t = _GLUED_STAR.sub(" ", t)                              # "barn*Föredragande"
    if "  " in t:
        t = _SPACES.sub(" ", t)
    if "\t" in t:
        t = _TAB_SPACES.sub("\t", t)
    return t.strip()


_PLAIN_CACHE: dict[int, tuple[CleanDocument, list[str]]] = {}


def plain_lines(doc: CleanDocument) -> list[str]:
    """``plain()`` of every line of ``doc``, computed once per document."""
    hit = _PLAIN_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc and len(hit[1]) == len(doc.lines):
        return hit[1]
    out = [plain(line) for line in doc.lines]
    if len(_PLAIN_CACHE) > 16:
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[id(doc)] = (doc, out)
    return out


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


_BULLET_MARKS = "-•*–·▪◦"


def _may_be_bullet(t: str) -> bool:
    """False only when ``_BULLET`` cannot match ``t``: its first character is no bullet mark,
    white space, digit or lower-case a-z (every alternative of ``_BULLET`` begins with one)."""
    c = t[:1]
    return not c or c in _BULLET_MARKS or c.isspace() or c.isdecimal() or "a" <= c <= "z"


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


@dataclass
class Sentence:
    text: str
    start: int            # first line (1-based)
    end: int              # last line
    unit: "Unit"
    index: int = 0        # position within the unit


@dataclass
class Unit:
    """A paragraph, a bullet or a sub-heading inside an item."""
    kind: str             # "para" | "bullet" | "heading"
    start: int
    end: int
    text: str             # analysis text (markup removed, lines joined by spaces)
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (char offset, line no)
    sentences: list[Sentence] = field(default_factory=list)
    _keys: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def line_at(self, pos: int) -> int:
        """Line number of character ``pos`` of ``text`` (the last line starting at or before it)."""
        offsets = self.offsets
        if len(offsets) <= 1:
            return offsets[0][1] if offsets and offsets[0][0] <= pos else self.start
        keys = self._keys
        if keys is None or len(keys) != len(offsets):
            keys = self._keys = [off for off, _no in offsets]
        i = bisect_right(keys, pos)
        return offsets[i - 1][1] if i else self.start


# White space after ., ! or ? before a capital, a digit or an opening quote. Written to begin
# with the white space (and look back past it for the stop) so that ``re`` can skip to white
# space at once; the spans are those of r"(?<=[.!?])\s+(?=[\"”„(]?[A-ZÅÄÖÉ0-9])".
_SENT_SPLIT = re.compile(r"\s(?<=[.!?]\s)\s*(?=[\"”„(]?[A-ZÅÄÖÉ0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:bl\.a|t\.ex|p\.g\.a|d\.v\.s|m\.m|o\.s\.v|ca|fr\.o\.m|t\.o\.m|resp|tf|jfr|nr|kl|s|st|ev|dvs|mkr|tkr|kr)\.|\b[A-ZÅÄÖ]\.)$",
                         re.I)


def split_sentences(unit: Unit) -> list[Sentence]:
    out: list[Sentence] = []
    text = unit.text
    pos = 0
    pieces: list[tuple[int, int]] = []
    for m in _SENT_SPLIT.finditer(text):
        end = m.start()                          # the sentence so far is text[pos:end]
        # (its last 12 characters; an abbreviation is at most 7, so where the window begins
        # never decides a \b, and text[pos - 1] is white space)
        if _ABBREV_END.search(text, max(pos, end - 12), end) and not text.endswith(("mkr.", "tkr.", "kr."), pos, end):
            continue
        pieces.append((pos, end))
        pos = m.end()
    pieces.append((pos, len(text)))
    if any(e - s > _MAX_SENTENCE for s, e in pieces):
        pieces = [q for piece in pieces for q in _cut_long(text, *piece)]
    line_at = unit.line_at
    for i, (s, e) in enumerate(pieces):
        t = text[s:e].strip()
        if t:
            out.append(Sentence(t, line_at(s), line_at(max(s, e - 1)), unit, i))
    return out


_MAX_SENTENCE = 600


def _cut_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A run-on 'sentence' longer than ``_MAX_SENTENCE`` characters (a list without full stops,
    a table flattened into one line) is cut at semicolons or commas so that every later step
    stays linear in the length of the text."""
    out = []
    while e - s > _MAX_SENTENCE:
        window = text[s:s + _MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < _MAX_SENTENCE // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = _MAX_SENTENCE
        out.append((s, s + cut + 1))
        s = s + cut + 1
        while s < e and text[s] == " ":
            s += 1
    out.append((s, e))
    return out


def _looks_like_subheading(t: str, raw: CleanLine, next_blank: bool) -> bool:
    if raw.heading or (raw.bold and len(t) < 120):
        return True
    s = raw.text.strip()
    if s.startswith("#") or (s.startswith("**") and s.rstrip(" :").endswith("**")):
        return True
    if not next_blank or not t or len(t) > 70 or t.endswith((".", ",", ";", ":", "?", "!")):
        return False
    if not t[0].isupper() or is_bullet(t):
        return False
    if ". " in t or "\t" in t:
        return False
    words = t.split()
    return 1 <= len(words) <= 7


def units(doc: CleanDocument, start: int, end: int, breaks: frozenset[int] | set[int] = frozenset(),
          *, sentences: bool = True) -> list[Unit]:
    """Split lines start..end (1-based, inclusive) into paragraphs, bullets and sub-headings.

    Lines in ``breaks`` (item headings) always stand alone; so do table rows (lines with tabs).
    ``sentences=False`` leaves ``Unit.sentences`` empty (for scans that only read unit text).
    """
    out: list[Unit] = []
    cur: Unit | None = None

    def close():
        nonlocal cur
        if cur is not None and cur.text.strip():
            cur.text = cur.text.strip()
            cur.sentences = split_sentences(cur) if sentences else []
            out.append(cur)
        cur = None

    n = len(doc.lines)
    end = min(end, n)
    texts = plain_lines(doc)
    for no in range(max(1, start), end + 1):
        raw = doc.lines[no - 1]
        t = texts[no - 1]
        if not t:
            close()
            continue
        nxt = doc.lines[no].text if no < end else ""
        next_blank = no == end or not nxt or nxt.isspace()       # (not nxt.strip())
        if "\t" in t or no in breaks:           # a table row or a forced break: its own unit
            close()
            cur = Unit("heading" if no in breaks else "para", no, no, t, [(0, no)])
            close()
            continue
        if t.startswith("att") and _ATT_LINE.match(t) and (cur is None or cur.kind != "para" or cur.text.endswith((",", ":", ";", "."))
                                   or fold(cur.text).endswith(("beslutar", "foreslar", "beslutade", "beslutades", "beslots", " att", " besluta"))
                                   or _ATT_LINE.match(cur.text)):
            close()                               # "att godkänna …," one decision point per line
            cur = Unit("bullet", no, no, t, [(0, no)])
            continue
        if len(t) < 80 and _SECTION_CI.search(t):      # (SECTION.match: it begins with ^)
            close()
            cur = Unit("heading", no, no, t, [(0, no)])
            close()
            continue
        if _may_be_bullet(t) and is_bullet(t):
            close()
            body = strip_bullet(t)
            cur = Unit("bullet", no, no, "", [])
            cur.offsets.append((0, no))
            cur.text = body
            if body.endswith(":"):
                close()
            continue
        if _looks_like_subheading(t, raw, next_blank) and (cur is None or cur.kind != "para"
                                                            or cur.text.endswith((".", ":"))):
            close()
            u = Unit("heading", no, no, t, [(0, no)])
            cur = u
            close()
            continue
        if cur is None and t[:1].islower() and out and out[-1].kind == "para" \
                and not out[-1].text.endswith((".", ":", "!", "?")):
            cur = out.pop()                     # a paragraph broken by a page break
            cur.sentences = []
        elif cur is None or (cur.kind == "bullet" and t[:1].isupper() and cur.text.endswith((".", ":"))):
            close()
            cur = Unit("para", no, no, "", [])
        if cur.text:
            if cur.text.endswith("-") and t[:1].islower():      # word split by a line break
                cur.text = cur.text[:-1]
            else:
                cur.text += " "
        cur.offsets.append((len(cur.text), no))
        cur.text += t
        cur.end = no
        if t.endswith(":"):
            close()
    close()
    return out


def quote_for(doc: CleanDocument, start: int, end: int, snippet: str | None = None) -> str:
    """Exact quote: ``snippet`` when it occurs verbatim in line ``start`` (one-line facts),
    else the whole lines start..end."""
    if snippet and start == end and 1 <= start <= len(doc.lines):
        line = doc.lines[start - 1].text
        s = snippet.strip()
        if s and s in line:
            return s
    return doc.quote(start, end)


def prov(doc: CleanDocument, item: str | None, start: int, end: int,
         snippet: str | None = None) -> Provenance:
    return Provenance(doc.name, item, start, end, quote_for(doc, start, end, snippet))


def cap(s: str) -> str:
    """First letter upper case, the rest as written."""
    s = s.strip()
    return s[:1].upper() + s[1:] if s else s
