"""Who presented an agenda item.

Forms recognised (any tense, diacritics optional so OCR-damaged text still matches):
"X presenterade/föredrog/informerade/redovisade/rapporterade/delger …", "Ärendet föredras
(av)(:) X", "Föredragande: X" (also glued to the title), a name after the title ("7. SPOT,
Maria Gunnarsson och Karin Haster"), a sub-heading "Söder, Jaana Jansson.", "X och Y
medverkade", and "Y ersätter X som är ledig" (Y presents, not X). "Föredragande: Ordförande"
is the chair. Short names are resolved through :class:`NameIndex`; one that stays ambiguous
is left out.
"""
from __future__ import annotations

import bisect
import re

from .. import reference
from ..model import CleanDocument, Item, NameRef
from .names import NameIndex, find_names, looks_like_name
from .text import Unit, deaccent, lower_for_match, plain_lines, prov

_UP = "A-ZÅÄÖÉÜ"
_W = r"[\wåäöéü]"
# One name: "Ingmar", "Anna J", "Johanna BH", "Marie-Louise Forsberg-Fransson"
_NAME = rf"[{_UP}]{_W}+(?:-[{_UP}]{_W}+)?(?:\s+(?:[{_UP}]{_W}+(?:-[{_UP}]{_W}+)?|[{_UP}]{{1,3}}\b)){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s+och\s+{_NAME})?"
_VERBS = (r"presenter(?:ade|ar|at)|f[oe]redr(?:og|ar|agit)|informer(?:ade|ar|at)|redovis(?:ade|ar|at)"
          r"|redog(?:or|jorde|jort)|beskr(?:ev|iver)"
          r"|rapporter(?:ade|ar|at)|delg(?:er|av)|inledde|berattade|berattar|medverkade"
          r"|(?:ger|gav|hall|holl) en (?:lagesrapport|presentation|dragning|genomgang)"
          r"|gick igenom|visade|drog arendet|lamnar information|lamnade information|ger information"
          r"|gav information|ger en redovisning|gav en redovisning")
_ROLE = r"(?:[Oo]rdf(?:orande|\.)n?|[Ss]ekreterare(?:n)?)"

_TITLE_WORDS = r"(?:[a-zåäöé\-]+\s+){0,2}"          # "ekonomichef", "tf. förvaltningschef"
# a title before the name: "Hälso- och sjukvårdsdirektör", "Projektledare", "tf. ekonomichef"
_TITLE_PRE = (r"(?:(?:[Tt]f\.?\s+)?(?:[A-Za-z]+-\s+(?:och|&)\s+)?"
              # adjectives before the post: "Medicinskt ansvarig sjuksköterska", "Biträdande förvaltningschef"
              r"(?:[A-Za-z][a-z]+(?:skt|iskt|ig|ga|ande|ade|ad|ell|ella|al|ala)\s+){0,2}(?i:[a-z]*(?:chef|direktor|ledare|samordnare|strateg"
              r"|handlaggare|controller|ekonom|utvecklare|ansvarig|radgivare|konsult|sekreterare|specialist|utredare"
              r"|forestandare|rektor|lakare|skoterska|kurator|psykolog|planerare|jurist|revisor|projektledare))\s+)?")
# "… från Köpings kommun" between the name and the verb
_FROM_ORG = r"(?:\s+(?:fran|pa|vid)\s+[A-Z][\w\-]*(?:\s+[\w\-]+){0,4}?)?"
_SUBJ_VERB = re.compile(rf"(?:^|(?<=[.:;]\s)){_TITLE_PRE}({_NAMES}|{_ROLE})(?:,\s*[a-zåäöé][^,]{{0,50}},)?{_FROM_ORG}"
                        rf"\s+(?i:{_VERBS})\b")
_INVERTED = re.compile(rf"^(?i:vidare|darefter|sedan|slutligen|dessutom)\s+(?i:{_VERBS})\s+({_NAMES})\b")
_FOREDRAS = re.compile(rf"(?i:arendet\s+)?(?i:f[oe]redras|information\s+lamnas|informationen\s+lamnas|redovisas|"
                       rf"presenteras)(?:\s+(?i:av))?\s*:?\s*{_TITLE_WORDS}({_NAMES}|{_ROLE})")
_FOREDRAGANDE = re.compile(rf"(?i:f[oe]redragande(?:\s+tjansteperson)?)\s*:?\s*{_TITLE_WORDS}({_NAMES}|{_ROLE})")
_REPLACES = re.compile(rf"({_NAME})\s+(?i:ersatter|ersatte|vikarierar for)\s+({_NAME})")
_LABEL_NAME = re.compile(rf"^[{_UP}][\wåäöéü/ -]{{0,30}},\s*({_NAME})\.?$")
_MEDVERKADE = re.compile(r"(?i:\bmedverkade\b|\bdeltog\s+och\s+(?:presenterade|informerade))")
_ANY_CUE = re.compile(rf"(?i:{_VERBS}|f[oeé]redr|ersätt|ersatt|lamnas|redovisas|presenteras)")
_GIVE_EN = r" en (?:lagesrapport|presentation|dragning|genomgang)"


def _by_first_letter(alternatives: list[str]) -> str:
    """``alternatives`` (each starting with a plain lower-case letter) joined by ``|``, grouped
    by that letter: "p(?:resenter…|resenteras)|f(?:…)". Alternatives with different first
    letters never match at the same position, and within a group the order is kept, so at every
    position the same alternative matches as in the plain union; ``re`` only tries one group
    per position instead of every alternative."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        assert alt[:1].isalpha() and alt[:1].islower(), alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


# The cues of ``cue_lines``: ``_VERBS`` and a few passive forms, on lower-cased text. Written
# out as in ``_VERBS`` ("(?:ger|gav|hall|holl) en …" as one alternative per verb) and grouped by
# first letter (``_by_first_letter``); the plain union is ``_ANY_CUE_LOWER_PLAIN``.
_CUE_ALTERNATIVES = [
    "presenter(?:ade|ar|at)", "f[oe]redr(?:og|ar|agit)", "informer(?:ade|ar|at)", "redovis(?:ade|ar|at)",
    "redog(?:or|jorde|jort)", "beskr(?:ev|iver)", "rapporter(?:ade|ar|at)", "delg(?:er|av)", "inledde",
    "berattade", "berattar", "medverkade", *(v + _GIVE_EN for v in ("ger", "gav", "hall", "holl")),
    "gick igenom", "visade", "drog arendet", "lamnar information", "lamnade information", "ger information",
    "gav information", "ger en redovisning", "gav en redovisning",
    "f[oeé]redr", "ersatt", "lamnas", "redovisas", "presenteras"]
_ANY_CUE_LOWER_PLAIN = rf"{_VERBS}|f[oeé]redr|ersatt|lamnas|redovisas|presenteras"
_ANY_CUE_LOWER = re.compile(_by_first_letter(_CUE_ALTERNATIVES))
_SPLIT = re.compile(r"\s*,\s*|\s+och\s+")
_CLAUSE_START = re.compile(r"[.:;]\s")


def _has_cue(st: str) -> bool:
    """``_ANY_CUE.search(st)`` for de-accented ``st``: its lower case against the lower-case cues
    (``CiPattern``'s reasoning; "ersätt" cannot occur once ä is gone), unless ``st`` has a
    character that ``re.I`` folds differently."""
    low = lower_for_match(st)
    return bool(_ANY_CUE.search(st) if low is None else _ANY_CUE_LOWER.search(low))


def _may_be_foredras(st: str) -> bool:
    """False only when ``_FOREDRAS`` cannot match ``st``: every verb of it ends in "redras"
    (föredras, fer-), "lamnas", "redovisas" or "presenteras" (case-insensitively)."""
    low = lower_for_match(st)
    return low is None or "redras" in low or "lamnas" in low or "redovisas" in low or "presenteras" in low


def _may_be_foredragande(st: str) -> bool:
    """False only when ``_FOREDRAGANDE`` ("föredragande", "fer-", case-insensitively) cannot match."""
    low = lower_for_match(st)
    return low is None or "redragande" in low


_GUARDS = {_FOREDRAS: _may_be_foredras, _FOREDRAGANDE: _may_be_foredragande}


def _subj_verb(st: str) -> list[re.Match]:
    r"""``list(_SUBJ_VERB.finditer(st))``, trying only the places where the pattern can begin —
    the start of ``st`` and after ". ", ": ", "; " (its ``(?:^|(?<=[.:;]\s))``) — instead of
    every position; matches that would overlap an earlier one are skipped as ``finditer`` does."""
    out: list[re.Match] = []
    end = 0
    for p in [0, *(m.end() for m in _CLAUSE_START.finditer(st))]:
        if p < end:
            continue
        m = _SUBJ_VERB.match(st, p)
        if m:
            out.append(m)
            end = m.end()
    return out


_TITLE_NUMBER = re.compile(r"^\s*(?:§\s*)?\d+[a-z]?\s*[.)]?\s*")


_CUE_CACHE: dict[int, tuple[CleanDocument, frozenset[int]]] = {}


def cue_lines(doc: CleanDocument) -> frozenset[int]:
    """Line numbers (1-based) whose text has a presenting cue; one regex pass per document."""
    hit = _CUE_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    lines = plain_lines(doc)
    text = deaccent(" ".join(lines)).lower()        # case folded once: no IGNORECASE scan
    starts, pos = [], 0
    for t in lines:
        starts.append(pos)
        pos += len(t) + 1

    found = frozenset(bisect.bisect_right(starts, m.start()) for m in _ANY_CUE_LOWER.finditer(text))
    if len(_CUE_CACHE) > 16:
        _CUE_CACHE.clear()
    _CUE_CACHE[id(doc)] = (doc, found)
    return found


def _names(chunk: str) -> list[str]:
    return [c.strip() for c in _SPLIT.split(chunk) if c.strip()]


class PresenterFinder:
    """Collects the presenters of one item with provenance."""

    def __init__(self, doc: CleanDocument, item: Item, names: NameIndex):
        self.doc, self.item, self.names = doc, item, names
        self.found: list[NameRef] = []
        self.removed: set[str] = set()
        self.cues = cue_lines(doc)

    # ----------------------------------------------------------------- helpers
    def _resolve(self, ref: str, explicit: bool = False) -> list[str]:
        """Full names for ``ref``. ``explicit``: the context says a person is named here
        ("föredras av", "X och Y föredrog"), so a given name plus capitalised words is enough."""
        roles = self.names.role(ref)
        if roles:
            return roles
        toks = ref.split()
        while len(toks) > 2 and not reference.is_given_name(toks[0].split("-")[0]) \
                and not self.names.resolve(" ".join(toks), record=False):
            toks = toks[1:]                          # "Förvaltningschef Lena Berg"
        ref = " ".join(toks)
        full = self.names.resolve(ref)
        if full:
            return [full]
        toks = ref.split()
        if len(toks) >= 2 and (looks_like_name(ref) or (
                explicit and len(toks) <= 4 and reference.is_given_name(toks[0].split("-")[0])
                and not any(t.isupper() for t in toks[1:]))):
            return [self.names.add(ref).name]
        return []

    def _add(self, refs: list[str], line: int, snippet: str | None = None,
             explicit: bool = True) -> None:
        for ref in refs:
            for full in self._resolve(ref, explicit):
                if full in self.removed or any(n.name == full for n in self.found):
                    continue
                self.found.append(NameRef(full, prov(self.doc, self.item.number, line, line, snippet)))

    # ----------------------------------------------------------------- sources
    def heading(self) -> None:
        """Names after the title ("4. Rapport från AU, Ingmar Ångman") and "Föredragande: X"."""
        if not self.item.start:
            return
        orig = plain_lines(self.doc)[self.item.start - 1]      # plain() of the line, once per document
        text = deaccent(orig)
        m = _FOREDRAGANDE.search(text)
        if m:
            self._add([orig_slice(orig, text, p) for p in _names(m.group(1))], self.item.start, None)
            text = text[:m.start()]
        text = _TITLE_NUMBER.sub("", text).strip(" *")
        # "Budget 2025 (Anna Svensson)", "Budget 2025 – Anna Svensson", "SPOT, Maria Gunnarsson och Karin Haster"
        pm = re.search(r"\(([^()]+)\)\s*$", text) or re.search(r"\s[–-]\s+([^–-]+)$", text)
        tails = [pm.group(1)] if pm else []
        if "," in text:
            tails.append(text.rsplit(",", 1)[1])
        for tail in tails:
            parts = _names(tail.strip(" ."))
            if parts and all(self._is_person(p) for p in parts):
                self._add([orig_slice(orig, text, p) for p in parts], self.item.start, None)
                break

    def _is_person(self, ref: str) -> bool:
        if self.names.resolve(ref, record=False):
            return True
        return looks_like_name(ref)

    def unit(self, u: Unit) -> None:
        orig_text = u.text
        # "Söder, Jaana Jansson." — a label followed by the person reporting for it
        if u.kind in ("para", "heading") and len(orig_text) < 80 and "," in orig_text:    # (_LABEL_NAME has ",")
            text = deaccent(orig_text)
            m = _LABEL_NAME.match(text)
            if m and self._is_person(orig_text[m.start(1):m.end(1)]):
                self._add([orig_text[m.start(1):m.end(1)]], u.start, orig_text)
        for s in u.sentences:
            if self.cues.isdisjoint(range(s.start, s.end + 1)):
                continue
            st = deaccent(s.text)
            if not _has_cue(st):
                continue
            orig = s.text
            for m in _REPLACES.finditer(st):
                new, old = orig[m.start(1):m.end(1)], orig[m.start(2):m.end(2)]
                for full in self._resolve(old):
                    self.removed.add(full)
                    self.found = [n for n in self.found if n.name != full]
                self._add([new], s.start, orig if s.start == s.end else None)
            for rx in (_FOREDRAS, _FOREDRAGANDE, _INVERTED):
                if rx in _GUARDS and not _GUARDS[rx](st):
                    continue
                for m in rx.finditer(st):
                    self._add([orig[a:a + len(n)] for n, a in _spans(m.group(1), m.start(1))],
                              s.start, orig if s.start == s.end else None)
            for m in _subj_verb(st):
                self._add([orig[a:a + len(n)] for n, a in _spans(m.group(1), m.start(1))],
                          s.start, orig if s.start == s.end else None)
            if _MEDVERKADE.search(st):
                # "Maria Lindborg, projektledare och Anton Olofsson samordningsansvarig … medverkade."
                subj = orig[:_MEDVERKADE.search(st).start()]
                self._add([n for _a, _b, n in find_names(subj)], s.start, orig if s.start == s.end else None)

    def line(self, no: int) -> None:
        """Name-and-verb at the start of a line that the paragraph joiner glued to a heading."""
        if no not in self.cues:
            return
        orig = plain_lines(self.doc)[no - 1]
        st = deaccent(orig)
        if not st:
            return
        m = _SUBJ_VERB.match(st)            # (only a match at the start of the line counts)
        if m:
            self._add([orig[a:a + len(n)] for n, a in _spans(m.group(1), m.start(1))], no, orig)
        for m in _FOREDRAS.finditer(st) if _may_be_foredras(st) else ():
            self._add([orig[a:a + len(n)] for n, a in _spans(m.group(1), m.start(1))], no, orig)

    def result(self) -> list[NameRef]:
        return [n for n in self.found if n.name not in self.removed]


def _spans(chunk: str, base: int) -> list[tuple[str, int]]:
    out, pos = [], 0
    for part in _names(chunk):
        i = chunk.find(part, pos)
        out.append((part, base + i))
        pos = i + len(part)
    return out


def orig_slice(orig: str, folded: str, part: str) -> str:
    """The original spelling of ``part`` (found in the de-accented text) inside ``orig``."""
    d = deaccent(orig)
    i = d.find(part)
    return orig[i:i + len(part)] if i >= 0 else part


def find_presenters(doc: CleanDocument, item: Item, item_units: list[Unit],
                    names: NameIndex) -> list[NameRef]:
    f = PresenterFinder(doc, item, names)
    f.heading()
    for u in item_units:
        f.unit(u)
    for no in range(item.start + 1, min(item.end, len(doc.lines)) + 1):
        if no in f.cues:                    # (``line`` reads only lines with a cue)
            f.line(no)
    return f.result()
