"""Cleaning: RawDocument -> CleanDocument.

Steps, in order (each a small function below):

1. characters: Unicode NFC; NBSP and other odd spaces → space; zero-width characters, soft
   hyphens, BOMs, bidi marks and control characters removed; ligatures (ﬁ ﬂ) → letters;
   apostrophes inside words (’ ʼ) → ``'``. Tabs survive (tables use them between columns).
2. markup (text files only): Markdown/HTML markup is removed and its meaning kept in the
   CleanLine fields (``heading``, ``bold``, ``struck`` spans); ``<br>`` splits a line.
3. page furniture: page numbers ("1 (25)", "Sida 2 av 9"), letterhead blocks and signature
   boxes that repeat on every page, and contact footers ("Postadress … Organisationsnummer")
   are dropped. A repeated letterhead block at the very top of the document is kept once.
4. hyphenation: words broken across lines are joined ("ute-" + "varo" → "utevaro"); real
   hyphens stay ("hälso- och sjukvård", "Forsberg-" + "Fransson" → "Forsberg-Fransson").
5. blank lines: runs of blank lines collapse to one (blank lines separate blocks).
6. :func:`govgraph.loaders.ocr_repair.repair_document` (OCR/encoding damage) — always last.

The cleaned text is the reference text: every provenance quote must occur in it. Each
CleanLine keeps ``raw_index`` (its first RawLine) and ``page`` so facts map back to the file.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..model import CleanDocument, CleanLine, RawDocument
from .formats.markup import _MARKUP_CHARS, split_br, strip_line_markup

__all__ = ["clean_document", "normalize_chars", "MARKUP_MEDIA_TYPES"]

# media types whose lines may carry Markdown/HTML markup that cleaning strips
MARKUP_MEDIA_TYPES = frozenset({"text/plain", "text/markdown"})

# --------------------------------------------------------------------------- characters
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DROP_CHARS = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
               "\u2066\u2067\u2068\u2069\u061c\ufffe")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_CHAR_MAP: dict[int, str | None] = {ord(c): " " for c in _SPACE_CHARS}
_CHAR_MAP.update({ord(c): None for c in _DROP_CHARS})
_CHAR_MAP.update({ord(k): v for k, v in _LIGATURES.items()})
_CHAR_MAP.update({0x2010: "-", 0x2011: "-"})          # Unicode hyphens → ASCII hyphen
# C0/C1 control characters except TAB; \v and \f become nothing (readers split pages on \f)
_CHAR_MAP.update({c: None for c in range(0x00, 0x20) if c != 0x09})
_CHAR_MAP.update({c: None for c in range(0x7f, 0xa0)})
_ASCII_CTRL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u02bc\u2018\u00b4](?=\w)")
_APOSTROPHE_CHARS = re.compile(r"[\u2019\u02bc\u2018\u00b4]")
# any character that _CHAR_MAP changes (str.translate with a dict is slow; most lines need none)
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_MAP)) + "]")


def normalize_chars(text: str) -> str:
    """Normalise the characters of one line (see the module docstring, step 1)."""
    if text.isascii() and not _ASCII_CTRL.search(text):
        return text
    if not _SPECIAL_CHAR.search(text) and unicodedata.is_normalized("NFC", text):
        return text                      # nothing below would change it (see _SPECIAL_CHAR)
    if "\u00ad" in text:                 # a soft hyphen ending a line marks a word break
        stripped = text.rstrip()
        if stripped.endswith("\u00ad") and stripped[-2:-1].isalpha():
            text = stripped[:-1] + "-"
    if _MAPPED.search(text):
        text = text.translate(_CHAR_MAP)
    text = unicodedata.normalize("NFC", text)
    if _BOX.search(text):
        text = _box_table(text)
    return _APOSTROPHE.sub("'", text) if _APOSTROPHE_CHARS.search(text) else text


_BOX = re.compile(r"[\u2500-\u257f]")
# every character that normalize_chars acts on: mapped (incl. the soft hyphen), box drawing,
# apostrophes. A line without one that is already NFC comes out of normalize_chars unchanged.
# (one character class: the regex engine scans a class much faster than an alternation)
_SPECIAL_CHAR = re.compile("[" + "".join(p.pattern[1:-1] for p in (_MAPPED, _BOX, _APOSTROPHE_CHARS)) + "]")
_BOX_RULE = re.compile(r"^[\s\u2500-\u257f+=|-]*$")
_BOX_CELL = re.compile(r"\s*[\u2502\u2503\u2506\u2507\u250a\u250b\u2551]\s*")


def _box_table(text: str) -> str:
    """Text tables drawn with box characters: border lines vanish, cell walls become TAB."""
    if _BOX_RULE.match(text):
        return ""
    return _BOX_CELL.sub("\t", text).strip("\t ")


_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")


def _columns(text: str) -> str:
    """Columns aligned with runs of spaces (4 or more) → TAB, like table cells."""
    return _GAP.sub("\t", text) if "    " in text else text


def _normalize_with_spans(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Normalise a line whose struck spans must stay aligned: piecewise between span edges."""
    if not spans:
        return _columns(normalize_chars(text)), ()
    cuts = sorted({0, len(text), *(p for s in spans for p in s if 0 <= p <= len(text))})
    pieces: list[str] = []
    newpos: dict[int, int] = {0: 0}
    total = 0
    for a, b in zip(cuts, cuts[1:]):
        piece = _columns(normalize_chars(text[a:b]))
        pieces.append(piece)
        total += len(piece)
        newpos[b] = total
    out = "".join(pieces)
    new_spans = tuple((newpos[s], newpos[e]) for s, e in spans if s in newpos and e in newpos
                      and newpos[e] > newpos[s])
    return out, new_spans


# --------------------------------------------------------------------------- working line
@dataclass(slots=True)
class _Line:
    text: str
    page: int
    raw_index: int
    struck: list[tuple[int, int]] = field(default_factory=list)
    heading: int = 0
    bold: bool = False
    dropped: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _prepare(raw: RawDocument) -> list[_Line]:
    """Steps 1 and 2: characters and markup."""
    markup = raw.media_type in MARKUP_MEDIA_TYPES
    out: list[_Line] = []
    for i, r in enumerate(raw.lines):
        text = r.text
        if not r.struck and _plain_line(text):
            # a plain line: normalize_chars, _columns, the Setext check, split_br and
            # strip_line_markup all leave it as it is (see _PLAIN_SLOW_CHAR)
            out.append(_Line(text.strip(" ") if markup else text.rstrip(" "), r.page, i, [], r.heading,
                             r.bold or False))
            continue
        text, spans = _normalize_with_spans(text, tuple(r.struck))
        if not markup:
            out.append(_Line(text.rstrip(" "), r.page, i, list(spans), r.heading, r.bold))
            continue
        rule = _SETEXT.match(text)
        if rule:
            prev = out[-1] if out else None
            if rule.group(1)[0] in "=-" and prev is not None and not prev.blank and prev.raw_index == i - 1 \
                    and not prev.heading:
                prev.heading = 1 if rule.group(1)[0] == "=" else 2     # Setext heading underline
                continue
            if rule.group(1)[0] == "-" or text.strip().startswith("*"):
                out.append(_Line("", r.page, i))                       # horizontal rule
                continue
        for part in split_br(text):
            m = strip_line_markup(part)
            out.append(_Line(m.text, r.page, i, list(spans) if spans else list(m.struck),
                             max(r.heading, m.heading), r.bold or m.bold))
    return out


_SETEXT = re.compile(r"^\s{0,3}(={3,}|-{3,}|(?:\* ?){3,})\s*$")
# Prefilter of _prepare: an NFC line without any of these characters, "===", "---" or four
# spaces is left as it is by every step but the strip of outer spaces: _SPECIAL_CHAR covers
# normalize_chars, four spaces _columns (_GAP), "===" / "---" / "*" the Setext rule (_SETEXT
# needs three of one), and the markup characters split_br (its <br> needs "<") and
# strip_line_markup (which returns the line stripped when _MARKUP_CHARS finds nothing).
_PLAIN_SLOW_CHAR = re.compile("[" + _SPECIAL_CHAR.pattern[1:-1] + _MARKUP_CHARS.pattern[1:-1] + "]")


def _plain_line(text: str) -> bool:
    """True when _prepare may take ``text`` as it is (see _PLAIN_SLOW_CHAR)."""
    return not _PLAIN_SLOW_CHAR.search(text) and "    " not in text and "---" not in text \
        and "===" not in text and unicodedata.is_normalized("NFC", text)


# --------------------------------------------------------------------------- furniture
_PAGE_NO = re.compile(
    r"^(?:(?:sida|sid|s\.|page|blad)\s*\d{1,4}(?:\s*(?:av|of|/|\()\s*\d{1,4}\)?)?"
    r"|\d{1,4}\s*\(\s*\d{1,4}\s*\)"
    r"|\d{1,4}\s*(?:av|of)\s*\d{1,4}"
    r"|[-–—]\s*\d{1,4}\s*[-–—])$", re.I)
_PAGE_NO_INLINE = re.compile(r"(?:\b(?:sida|sid|page)\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?\b"
                             r"|\b\d{1,4}\s*\(\s*\d{1,4}\s*\))", re.I)
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_DATE_ONLY = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4})$")
# signature/attestation boxes printed on every page of Swedish minutes
_SIGN_BOX = re.compile(r"^(?:(?:justerandes?|justerares|ordförandes|sekreterarens|protokollförarens)"
                       r"\s+(?:sign\.?|signatur(?:er)?)|utdragsbestyrkande|sign\.?|signatur(?:er)?)$", re.I)
# lines that carry content even when they repeat (decision cues, labels, item headings)
_CUE = re.compile(r"^(?:§|beslut|förslag till beslut|yrkande|ställningstagande|ärende|punkt\b|\d+[.)]\s)",
                  re.I)
_CONTACT = re.compile(r"^(?:postadress|post|besöksadress|besöksadr|leveransadress|telefon|tel|telefax|fax|växel|"
                      r"e-?post|e-?mail|webbplats|webb|hemsida|internet|www|organisationsnummer|org\.?\s?nr|"
                      r"bankgiro|plusgiro|postgiro|momsreg)\b", re.I)
_CONTACT_STRONG = re.compile(r"^(?:postadress|besöksadress|organisationsnummer|org\.?\s?nr|bankgiro|plusgiro)\b",
                             re.I)


_OCR_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "&": "a", "|": "l", "i": "l"})
_OCR_PAIRS_RE = re.compile(r"rn|cl")


def _ocr_fold(t: str) -> str:
    """A casefolded line with the letters OCR confuses made equal (å/ä → a, ö → o, é → e, i/| → l,
    rn → m, cl → d), so that a running header damaged differently on each page still repeats."""
    t = t.translate(_OCR_FOLD)
    return _OCR_PAIRS_RE.sub(lambda m: "m" if m.group() == "rn" else "d", t) if "rn" in t or "cl" in t else t


def _key(text: str, digits: bool = False, ocr: bool = False) -> str:
    """Comparison key for repetition: whitespace collapsed, case folded, page numbers masked;
    with ``digits`` every number is masked (running headers print "§ 45", "§ 46" …); with ``ocr``
    the letters OCR confuses are folded (:func:`_ocr_fold`)."""
    t = " ".join(text.split()).casefold()
    if ocr:
        t = _ocr_fold(t)
    if not _DIGIT.search(t):
        return t                      # page numbers and masked numbers all need a digit
    if "(" in t or "sid" in t or "page" in t or "sıd" in t:
        # what _PAGE_NO_INLINE needs besides digits: "(" or, in casefolded text, "sid"/"page"
        # (the only other letter its IGNORECASE literals match here is the dotless "ı" for "i")
        t = _PAGE_NO_INLINE.sub("#", t)
    return _DIGITS.sub("#", t) if digits else t


def _content_like(line: _Line) -> bool:
    t = line.text.strip()
    if _CUE.match(t) or line.heading:
        return True
    if t.endswith(":"):
        return True
    if len(t.split()) >= 3 and t[-1] in ".!?":
        return True
    return len(t) > 100


def _mark_furniture(lines: list[_Line], pages: int) -> None:
    """Step 3: set ``dropped`` on page furniture."""
    idx = [i for i, ln in enumerate(lines) if not ln.blank]
    if not idx:
        return
    keys = {i: _key(lines[i].text, digits=pages > 1, ocr=pages > 1) for i in idx}   # running headers
    counts = Counter(keys.values())
    order = {i: n for n, i in enumerate(idx)}        # position among non-blank lines
    head_limit = 3                                    # a block starting this early is "at the top"

    # page numbers: whole-line patterns anywhere (also as a TAB cell of a header line);
    # lone numbers only next to a page break
    for i in idx:
        t = lines[i].text.strip()
        if _PAGE_NO.match(t):
            lines[i].dropped = True
        elif "\t" in t and not lines[i].struck:
            cells = lines[i].text.split("\t")
            kept = [c for c in cells if not _PAGE_NO.match(c.strip())]
            if len(kept) < len(cells):
                lines[i].text = "\t".join(kept).rstrip("\t")
    if pages > 1:
        for i in _page_edges(lines, idx, depth=1):
            if _LONE_NUMBER.match(lines[i].text.strip()):
                lines[i].dropped = True

    cand = {i for i in idx if not lines[i].dropped and counts[keys[i]] >= 2
            and not _content_like(lines[i])}
    runs = _runs(lines, idx, cand)
    paged = pages > 1
    tops, bottoms = _page_tops_bottoms(lines, idx, depth=4) if paged else (set(), set())
    edges = tops | bottoms
    # furniture recurs on most pages; repeated content touches a page edge only by chance
    need = max(2, (pages + 1) // 2)

    def prev_line(i: int) -> str:
        """The text of the non-blank line before line ``i``."""
        n = order[i]
        return lines[idx[n - 1]].text.strip() if n else ""

    def plausible(r: list[int]) -> bool:
        """Could this occurrence be furniture? With page breaks known it must sit at the top
        or bottom of a page; without, it must not follow a label ("Expedieras till:")."""
        if paged:
            # running headers/footers are short lines; full-width lines are body text
            prose = sum(len(lines[i].text) for i in r) / len(r) > 75
            return not prose and (r[0] in tops or r[-1] in bottoms)
        return not prev_line(r[0]).endswith(":")

    def enough(found: list[list[int]]) -> bool:
        if not paged:
            return True
        at_top = sum(1 for r in found if r[0] in tops)
        at_bottom = sum(1 for r in found if r[-1] in bottoms)
        return max(at_top, at_bottom) >= need

    by_sig: dict[str, list[list[int]]] = {}
    for r in runs:
        by_sig.setdefault(_signature(keys, r), []).append(r)
    furniture_keys: set[str] = set()
    confirmed: list[list[int]] = []
    for occurrences in by_sig.values():
        ok = [r for r in occurrences if plausible(r)]
        if paged:
            good = enough(ok)
        else:
            good = len(ok) == len(occurrences) and (
                len(occurrences) >= 3
                # a two-page document: the letterhead at the top and once more further down
                or (len(occurrences) == 2 and len(occurrences[0]) >= 3
                    and order[occurrences[0][0]] < head_limit))
        if good:
            confirmed.extend(ok)
            for r in ok:
                furniture_keys.update(keys[i] for i in r)
    # partial repeats of a confirmed block (the last page often cuts it short)
    seen = {tuple(r) for r in confirmed}
    for r in runs:
        if tuple(r) in seen:
            continue
        sub: list[int] = []
        for i in r + [-1]:
            if i != -1 and keys[i] in furniture_keys:
                sub.append(i)
                continue
            if len(sub) >= 2 and plausible(sub):
                confirmed.append(sub)
            sub = []
    confirmed.sort(key=lambda r: r[0])
    for n, r in enumerate(confirmed):
        if n == 0 and order[r[0]] < head_limit:
            continue                                  # letterhead at the top: keep it once
        for i in r:
            lines[i].dropped = True

    # single repeated lines: signature boxes, a date line printed on every page, and (with
    # page breaks known) short lines that recur at page edges
    first_kept: set[str] = set()
    edge_counts = Counter(keys[i] for i in edges)
    for i in idx:
        ln = lines[i]
        if ln.dropped or counts[keys[i]] < 2:
            continue
        t = ln.text.strip()
        if all(_SIGN_BOX.match(c.strip()) for c in t.split("\t") if c.strip()):
            ln.dropped = True
        elif counts[keys[i]] >= 3 and i in cand and len(t) <= 75 and (
                (i in edges and edge_counts[keys[i]] >= need) or (not paged and _DATE_ONLY.match(t))):
            if order[i] < head_limit and keys[i] not in first_kept:
                first_kept.add(keys[i])
                continue
            ln.dropped = True

    _mark_contact_footers(lines, idx)


def _page_tops_bottoms(lines: list[_Line], idx: list[int], depth: int) -> tuple[set[int], set[int]]:
    """Indexes of the first ``depth`` and of the last ``depth`` non-blank lines of each page."""
    by_page: dict[int, list[int]] = {}
    for i in idx:
        by_page.setdefault(lines[i].page, []).append(i)
    tops: set[int] = set()
    bottoms: set[int] = set()
    for members in by_page.values():
        tops.update(members[:depth])
        bottoms.update(members[-depth:])
    return tops, bottoms


def _page_edges(lines: list[_Line], idx: list[int], depth: int) -> set[int]:
    """Indexes of the first/last ``depth`` non-blank lines of every page."""
    by_page: dict[int, list[int]] = {}
    for i in idx:
        by_page.setdefault(lines[i].page, []).append(i)
    out: set[int] = set()
    for members in by_page.values():
        out.update(members[:depth])
        out.update(members[-depth:])
    return out


def _runs(lines: list[_Line], idx: list[int], cand: set[int], max_gap: int = 2) -> list[list[int]]:
    """Maximal runs of candidate lines (blank gaps up to ``max_gap``), 2+ lines each."""
    runs: list[list[int]] = []
    cur: list[int] = []
    prev = -10
    for i in idx:
        if i in cand and cur and i - prev - 1 <= max_gap and all(lines[j].blank for j in range(prev + 1, i)) \
                and lines[i].page == lines[prev].page:
            cur.append(i)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [i] if i in cand else []
        prev = i
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _signature(keys: dict[int, str], run: list[int]) -> str:
    """The words of a block, so that a block wrapped differently on another page still matches."""
    return " ".join(keys[i] for i in run)


def _mark_contact_footers(lines: list[_Line], idx: list[int]) -> None:
    """Drop address/contact footers: 3+ contact labels (one of them strong) in a short block."""
    n = len(idx)
    k = 0
    while k < n:
        i = idx[k]
        if lines[i].dropped or not _CONTACT.match(lines[i].text.strip()):
            k += 1
            continue
        # grow a window of short lines (blank gaps ≤ 1) from this contact label
        window = [i]
        j = k + 1
        while j < n and idx[j] - idx[j - 1] <= 2 and len(lines[idx[j]].text) <= 70 \
                and not _CUE.match(lines[idx[j]].text.strip()):
            window.append(idx[j])
            j += 1
        labels = [w for w in window if _CONTACT.match(lines[w].text.strip())]
        strong = any(_CONTACT_STRONG.match(lines[w].text.strip()) for w in labels)
        if len(labels) >= 3 and strong:
            last = labels[-1]
            end = last
            while end + 1 < len(lines) and not lines[end + 1].blank and end + 1 in window:
                end += 1
            for w in window:
                if w <= end:
                    lines[w].dropped = True
            k = j
        else:
            k += 1


# --------------------------------------------------------------------------- hyphenation
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
_KEEP_AFTER = {"och", "eller", "samt", "respektive", "resp", "resp.", "till", "som", "liksom", "men",
               "&", "and", "or", "el.", "o."}


def _dehyphenate(lines: list[_Line]) -> None:
    """Step 4: join words broken across lines; the fragment moves up to the first line."""
    for pos, ln in enumerate(lines):
        if ln.dropped:
            continue    # (a continuation dropped below has no text left: skipping it is moot)
        text = ln.text.rstrip()
        # (_HYPHEN_END ends in "-$" and the text is stripped: it can only match a final "-")
        if not text.endswith("-") or not _HYPHEN_END.search(text) or ln.heading:
            continue
        nxt = _next_continuation(lines, pos)
        if nxt is None:
            continue
        body = nxt.text.lstrip(" ")
        lead = len(nxt.text) - len(body)
        m = re.match(r"[^\s]+", body)
        if not m:
            continue
        word = m.group(0)
        first = word[0]
        bare = word.rstrip(".,;:!?)").casefold()
        if first in ",;" or bare in _KEEP_AFTER:
            continue
        if first.islower() and not text[-2].isupper():
            joined_head = text[:-1]
        elif first.islower():
            joined_head = text                 # after an acronym the hyphen is real: "EU-projektet"
        elif first.isupper() or first.isdigit():
            joined_head = text
        else:
            continue
        # trailing punctuation stays with the fragment (it ends the joined word)
        frag_end = lead + len(word)
        rest = nxt.text[frag_end:].lstrip(" ")
        cut = len(nxt.text) - len(rest)
        frag_struck = [(s, e) for s, e in nxt.struck if s < frag_end]
        base = len(joined_head)
        ln.struck = [(s, min(e, base)) for s, e in ln.struck if min(e, base) > s] + \
            [(base + max(0, s - lead), base + min(e, frag_end) - lead) for s, e in frag_struck
             if min(e, frag_end) > max(s, lead)]
        ln.text = joined_head + word
        nxt.struck = [(max(0, s - cut), e - cut) for s, e in nxt.struck if e - cut > 0]
        nxt.text = rest
        if not rest.strip():
            nxt.dropped = True


def _next_continuation(lines: list[_Line], pos: int) -> _Line | None:
    """The line a hyphenated word continues on: the next line, or the first text after a
    page break or removed furniture (blank lines between are then allowed)."""
    crossed = False
    for j in range(pos + 1, len(lines)):
        ln = lines[j]
        if ln.dropped:
            crossed = True
            continue
        if ln.page != lines[pos].page:
            crossed = True
        if ln.blank:
            continue
        return ln if (j == pos + 1 or crossed) else None
    return None


# --------------------------------------------------------------------------- assembly
def _merge_spans(spans, length: int) -> tuple[tuple[int, int], ...]:
    """Sorted, clipped spans with touching/overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((max(0, s), min(length, e)) for s, e in spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def _collapse_blanks(lines: list[_Line]) -> list[CleanLine]:
    out: list[CleanLine] = []
    for ln in lines:
        if ln.dropped:
            continue
        if ln.blank:
            if not out or not out[-1].text:
                continue
            out.append(CleanLine("", ln.page, ln.raw_index))
            continue
        spans = _merge_spans(ln.struck, len(ln.text)) if ln.struck else ()
        out.append(CleanLine(ln.text, ln.page, ln.raw_index, spans, ln.heading, ln.bold))
    while out and not out[-1].text:
        out.pop()
    return out


def clean_document(raw: RawDocument, *, repair: bool = True) -> CleanDocument:
    """Clean a RawDocument (see the module docstring). Never raises on odd Unicode.

    ``repair=False`` skips the last step (OCR/encoding repair), for debugging and benchmarks.
    """
    lines = _prepare(raw)
    _mark_furniture(lines, raw.pages)
    _dehyphenate(lines)
    clean_lines = _collapse_blanks(lines)
    doc = CleanDocument(raw.name, raw.path, raw.media_type, raw.sha256, clean_lines, raw.pages,
                        raw.ocr, raw.ocr_confidence, warnings=list(raw.warnings))
    if not repair:
        return doc
    from .ocr_repair import repair_document
    return repair_document(doc)
