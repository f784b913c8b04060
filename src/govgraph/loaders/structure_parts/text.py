"""Line-level helpers shared by the structure parsers.

The cleaner (``loaders/clean.py``) strips markup into :class:`~govgraph.model.CleanLine`
fields (``heading``, ``bold``, ``struck``). These helpers read those fields *and* tolerate
markup that was left in the text (``## 6. Title``, ``**Beslut:**``, ``<del>Name</del>``,
``~~Name~~``, ``<i>title</i>``), so the parser works on either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import CleanDocument, CleanLine

_TAG = re.compile(r"</?(?:b|i|u|em|strong|del|s|strike|sup|sub|span|font|br)\b[^>]*>", re.I)
_EMPH = re.compile(r"\*\*|(?<!_)__(?!_)|~~|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEAD = re.compile(r"^\s*(#{1,6})\s+")
_STRUCK_MARKUP = re.compile(r"<(del|s|strike)\b[^>]*>(.*?)</\1>|~~(.+?)~~", re.I)
_WS = re.compile(r"[ \u00a0\u2000-\u200b]+")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")
# what strip_markup acts on besides outer spaces: these characters, or two spaces in a row
# (searched as one character class and a substring test: much faster than an alternation)
_MARKUP_CHARS = re.compile(r"[#<*_~\\\u00a0\u2000-\u200b]")


def strip_markup(text: str) -> str:
    """Text without HTML emphasis tags, Markdown emphasis and heading hashes; spaces squeezed,
    TABs kept, and a gap of 3+ spaces inside the line (a layout column) turned into a TAB."""
    if "  " not in text and not _MARKUP_CHARS.search(text):
        return text.strip(" ")
    t = _HEAD.sub("", text)
    t = _TAG.sub("", t)
    t = _EMPH.sub("", t)
    t = t.replace("\\", "") if "\\" in t else t
    t = _COLUMN_GAP.sub("\t", t.strip(" "))       # layout columns (PDF text) become cells
    return _WS.sub(" ", t).strip(" ")


def heading_level(line: CleanLine) -> int:
    """Markup heading level: the cleaner's field, else leftover ``#`` hashes."""
    if line.heading:
        return line.heading
    if "#" not in line.text[:8]:
        return 0
    m = _HEAD.match(line.text)
    return len(m.group(1)) if m else 0


def is_bold(line: CleanLine) -> bool:
    """Whole line emphasised (cleaner's field, or leftover ``**…**`` / ``<b>…</b>``)."""
    if line.bold:
        return True
    if "*" not in line.text and "<" not in line.text:
        return False
    t = _HEAD.sub("", line.text).strip()
    t = re.sub(r"^[-*•]\s+", "", t)
    return bool(re.fullmatch(r"\*\*[^*].*\*\*:?|<b>.*</b>:?|<strong>.*</strong>:?", t, re.I))


def struck_fraction(line: CleanLine) -> float:
    """Share of the line's non-space characters that are struck through (field or markup)."""
    text = line.text
    if not line.struck and "~~" not in text and "<" not in text:
        return 0.0
    total = sum(1 for c in text if not c.isspace())
    if not total:
        return 0.0
    struck = 0
    for s, e in line.struck:
        struck += sum(1 for c in text[s:e] if not c.isspace())
    if not line.struck:
        for m in _STRUCK_MARKUP.finditer(text):
            inner = m.group(2) if m.group(2) is not None else m.group(3)
            struck += sum(1 for c in inner if not c.isspace())
        # markup characters themselves count as non-text
        total = sum(1 for c in strip_markup(text) if not c.isspace()) or 1
    return min(1.0, struck / total)


def span_struck(line: CleanLine, needle: str) -> bool:
    """True when the text ``needle`` (a name) is struck through on this line."""
    if line.struck:
        i = line.text.find(needle)
        if i >= 0:
            return line.is_struck(i, i + len(needle))
        return False
    for m in _STRUCK_MARKUP.finditer(line.text):
        inner = m.group(2) if m.group(2) is not None else m.group(3)
        if needle and needle in strip_markup(inner):
            return True
    return False


@dataclass(slots=True)
class Line:
    """A cleaned line with its parse-time views. ``no`` is 1-based."""
    no: int
    raw: CleanLine
    plain: str            # markup stripped, spaces squeezed, TABs kept
    heading: int
    bold: bool
    blank: bool = False   # nothing but spaces, rules and separators

    @property
    def text(self) -> str:
        return self.raw.text


_BOX_VERTICAL = re.compile(r"\s*[│┃║╎╏┆┇┊┋]\s*")
_BOX_OTHER = re.compile(r"[─━═┄┅┈┉╌╍┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫]+")


_BOX_ANY = re.compile(r"[\u2500-\u257f]")


def _unbox(plain: str) -> str:
    """A row of a box-drawn table ("│ Nämnden │ Datum │") as TAB cells; borders vanish."""
    t = _BOX_OTHER.sub(" ", plain)
    t = _BOX_VERTICAL.sub("\t", t)
    t = re.sub(r"[ ]*\t[\s]*", "\t", t)
    return re.sub(r" {2,}", " ", t).strip(" \t")


def lines_of(doc: CleanDocument) -> list[Line]:
    out = []
    for i, ln in enumerate(doc.lines):
        text = ln.text
        plain = strip_markup(text)
        if not plain.isascii() and _BOX_ANY.search(plain):
            plain = _unbox(plain)
        # heading_level and is_bold, their early answers inlined
        heading = ln.heading or (heading_level(ln) if "#" in text[:8] else 0)
        bold = ln.bold or (("*" in text or "<" in text) and is_bold(ln))
        out.append(Line(i + 1, ln, plain, heading, bold, not plain.strip(" \t-–—_|")))
    return out


# --------------------------------------------------------------------------- names
# Capitalised Swedish words that are also given names or surnames in the reference lists
# but, at the start of a line in minutes, are not people.
STOP = frozenset("""
vid vi man ny nya liv tid plats mål val mötet möte dag datum region regionen kommun kommunen
ordförande sekreterare justerare justerande närvarande ersättare ledamot ledamöter beslut
beslutande övriga övrigt ej frånvarande adjungerade tjänstepersoner tjänstemän protokoll
ärende ärendet rapport information dagordning anmälan se dess den det de en ett och
eller samt som att från för till med av på i om under efter inför över vård folkhälsa
kommunerna ingen inga alla varje fredag måndag tisdag onsdag torsdag lördag söndag
januari februari mars april juni juli augusti september oktober november december
lokal sal rum digitalt teams zoom via stadshuset kommunhuset sammanträdet skola hälsa
fokus grupp nära stöd hem hus barn unga äldre social socialnämnden nämnden styrelsen
bor ser har var kan ska får tar gör går står kommer finns lyfter informerar
konstaterar godkänner beslutar tackar noterar länsstyrelsen utdragsbestyrkande
""".split())

_NAME_TOKEN = re.compile(r"^[A-ZÅÄÖÉÈÜØÆ][a-zåäöéèüøæáíóúñçëïô'’]+(?:-[A-ZÅÄÖÉÈÜØÆa-zåäöéèüøæ][a-zåäöéèüøæáíóúñçëïô'’]+)*$")
_CAMEL = re.compile(r"^[A-ZÅÄÖ][a-zåäöé]+[A-ZÅÄÖ][a-zåäöé]+$")   # "AnnaMaj"
_INITIAL = re.compile(r"[A-ZÅÄÖ]\.?")
_PARTICLES = frozenset({"af", "von", "van", "de", "der", "den", "da", "di", "la", "le", "el", "al", "bin", "ten"})


@lru_cache(maxsize=1)
def _given() -> dict[str, int]:
    from ... import reference
    return reference.given_names()


def is_given(word: str, min_count: int = 20) -> bool:
    """A plausible given name (in the SCB list with some bearers; hyphenated parts too)."""
    if word.casefold() in STOP:
        return False
    g = _given()
    if g.get(word, 0) >= min_count:
        return True
    if "-" in word:
        parts = word.split("-")
        return all(g.get(p, 0) >= min_count for p in parts)
    if _CAMEL.match(word):
        m = re.match(r"^([A-ZÅÄÖ][a-zåäöé]+)([A-ZÅÄÖ][a-zåäöé]+)$", word)
        return bool(m) and g.get(m.group(1), 0) >= min_count and g.get(m.group(2), 0) >= min_count
    return False


def _name_part(part: str, first: bool) -> bool:
    """"Hodžić", "Ødegård", "O'Brien": a capital then lower-case letters of any Latin script."""
    body = part.replace("'", "").replace("’", "")
    if len(part) < 2 or not body.isalpha() or not body[1:].islower():
        return False
    return part[0].isupper() or (not first and part[0].islower())


def is_name_token(word: str) -> bool:
    if _NAME_TOKEN.match(word) or _CAMEL.match(word):
        return True
    if not word[:1].isupper() or word.isascii():
        return False
    parts = word.split("-")
    return all(_name_part(x, k == 0) for k, x in enumerate(parts))


def is_surname_like(word: str) -> bool:
    """A capitalised word that can be a family name (known surname, or not a common word)."""
    if not is_name_token(word):
        return False
    if word.casefold() in STOP:
        return False
    return True


def leading_name(words: list[str], max_tokens: int = 4, min_count: int = 20) -> int:
    """How many of ``words`` (from the start) form a plausible "Given [Middle] Family" name;
    0 when they do not start with one. A word ending in "," or ";" ends the name."""
    if len(words) < 2 or not is_given(words[0].rstrip(",;:"), min_count) or words[0][-1:] in ",;:":
        return 0
    n = 1
    while n < len(words) and n < max_tokens:
        raw = words[n]
        w = raw.rstrip(",;:")
        if w != raw:
            if is_surname_like(w):
                n += 1
            break
        if w.casefold() in _PARTICLES and n + 1 < len(words) and is_name_token(words[n + 1]):
            n += 1
            continue
        if _INITIAL.fullmatch(w) and n + 1 < len(words) and is_surname_like(
                words[n + 1].rstrip(",;:")):
            n += 1          # a middle initial: "Anna K. Berg"
            continue
        if not is_surname_like(w):
            break
        n += 1
    return n if n >= 2 else 0


def squeeze(s: str) -> str:
    return " ".join(s.split())
