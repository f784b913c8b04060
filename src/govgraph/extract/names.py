"""Person names inside one protocol: find full names, resolve short references.

"Ingmar" → "Ingmar Ångman", "Anna J" → "Anna Jakobsson", "Johanna BH" → "Johanna Bernström
Höglom", "Ordförande" → the chair, "Catrine Skoglund" → the listed "Catrin Skoglund". A short
reference that fits two people of the document stays unresolved (``None``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .. import reference
from ..model import PersonMention, Protocol
from .text import fold, quick_ratios_reach

_UP = "A-ZÅÄÖÉÜ"
_LO = "a-zåäöéüè"
NAME_TOKEN = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
# A run of capitalised words (the candidate full name) — checked by ``looks_like_name``; not
# inside a word ("x-Anna"). The pattern begins with the capital itself and only then looks
# back past it (``(?<![\w-].)``: the character before the capital is no word character or
# hyphen), so that ``re`` can skip to capitals at once; the spans are those of
# rf"(?<![\w-])({NAME_TOKEN}(?: +(?:{NAME_TOKEN}|[{_UP}]{{1,3}}(?![{_LO}])))*)".
_RUN_HEAD = rf"[{_UP}](?<![\w-].)[{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_RUN_NEXT = rf"(?: +(?:{NAME_TOKEN}|[{_UP}]{{1,3}}(?![{_LO}])))"
NAME_RUN = re.compile(rf"({_RUN_HEAD}{_RUN_NEXT}*)")
# The runs of ``NAME_RUN`` of two words or more (a name has two): the same runs where those
# are, without a match object for every lone capitalised word.
_NAME_RUN_2 = re.compile(rf"({_RUN_HEAD}{_RUN_NEXT}+)")

_NOT_NAME_WORDS = {
    "region", "regionen", "kommun", "kommunen", "kommunerna", "län", "länet", "ordförande",
    "sekreterare", "justerare", "rådet", "gruppen", "chefsgruppen", "styrgruppen", "protokoll",
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "måndag", "tisdag", "onsdag", "torsdag", "fredag",
    "lördag", "söndag", "ärendet", "beslut", "att", "och", "samt", "med", "den", "det", "ett",
    "en", "för", "från", "till", "vid", "om", "rapport", "information", "presentation",
    "överenskommelse", "avtal", "tema", "psykisk", "hälsa", "vård", "nära", "barn", "unga",
    "ungdom", "mottagning", "verksamhet", "projekt", "projektet", "stad", "universitet",
}
_SURNAME_SUFFIXES = ("son", "sen", "berg", "ström", "strom", "man", "gren", "lund", "qvist",
                     "kvist", "dotter", "ell", "éen", "een", "stedt", "sjö", "holm", "mark",
                     "dal", "hed", "fors", "näs", "nas", "by", "torp", "hult", "löf", "lof",
                     "ling", "lin", "ius", "ander", "in", "é", "er", "ck", "sky")


def _norm(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


@lru_cache(maxsize=8192)
def looks_like_name(candidate: str) -> bool:
    """Given name followed by one to three capitalised surname-like words."""
    toks = candidate.split()
    if not 2 <= len(toks) <= 5:
        return False
    first = toks[0].split("-")[0]
    if not reference.is_given_name(first) or toks[0].lower() in _NOT_NAME_WORDS:
        return False
    rest = toks[1:]
    if any(t.lower() in _NOT_NAME_WORDS for t in rest):
        return False
    last = rest[-1]
    if last.isupper():
        return False
    return any(reference.is_surname(t) or t.lower().endswith(_SURNAME_SUFFIXES) or "-" in t
               or reference.is_given_name(t) for t in rest)


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Full person names in ``text``: (start, end, name)."""
    return list(_find_names(text))


@lru_cache(maxsize=4096)
def _find_names(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in _NAME_RUN_2.finditer(text):
        run = m.group(1)
        toks = run.split()
        # take the longest prefix (2..5 tokens) that looks like a name, then continue after it
        best = None
        for k in range(min(5, len(toks)), 1, -1):
            cand = " ".join(toks[:k])
            if looks_like_name(cand):
                best = cand
                break
        if best:
            s = m.start(1)
            out.append((s, s + len(best), best))
    return tuple(out)


@dataclass
class Person:
    name: str
    participant: bool = False
    organization: str | None = None
    title: str | None = None
    variants: list[str] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def surnames(self) -> list[str]:
        return self.name.replace("-", " ").split()[1:]


_TITLE_SPLIT = re.compile(r"[\s,/(]+")
_TITLE_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-ZÅÄÖa-zåäö]+-\s+och\s+)?[A-ZÅÄÖa-zåäö]*(?:chef|direktör|ledare|samordnare"
                           r"|strateg|handläggare|controller|ekonom|utvecklare|sekreterare|jurist|revisor))\s+$")
# The posts ``_TITLE_BEFORE`` ends in: it matches text[:s] only when that text, white space
# stripped from its end, ends with one of them.
_TITLE_ENDS = ("chef", "direktör", "ledare", "samordnare", "strateg", "handläggare", "controller", "ekonom",
               "utvecklare", "sekreterare", "jurist", "revisor")


class NameIndex:
    """The people one protocol names, and resolution of short references to them."""

    def __init__(self, protocol: Protocol):
        self.people: list[Person] = []
        self._by_norm: dict[str, Person] = {}
        # per-person keys, computed once when the person is added (a Person's name never
        # changes), each list in the order of ``people``:
        # first letter of the normalised name -> (person, normalised name, its words), for
        # people of two words or more (the only ones ``_fuzzy`` compares)
        self._fuzzy_keys: dict[str, list[tuple[Person, str, list[str]]]] = {}
        # folded given name -> people of two words or more (the candidates of ``resolve``)
        self._by_first: dict[str, list[Person]] = {}
        # a title as written -> (its folded form, the first word of that) for ``post_holder``
        self._title_keys: dict[str, tuple[str, str]] = {}
        self.roles: dict[str, list[str]] = {"chair": protocol.chair, "secretary": protocol.secretary}
        for p in protocol.participants:
            self.add(p.name, participant=True, organization=p.organization, title=p.title)
        for o in protocol.officers:
            self.add(o.name, participant=True)

    def add(self, name: str, participant: bool = False, organization: str | None = None,
            title: str | None = None) -> Person:
        key = _norm(name)
        p = self._by_norm.get(key)
        if p is None:
            p = self._fuzzy(name)
        if p is None:
            p = Person(name, participant, organization, title)
            self.people.append(p)
            self._by_norm[key] = p
            self._index(p, key)
        else:
            if name != p.name and name not in p.variants:
                p.variants.append(name)
            p.participant = p.participant or participant
            p.organization = p.organization or organization
            p.title = p.title or title
        return p

    def add_from_text(self, text: str) -> None:
        for s, _e, name in find_names(text):
            tm = _TITLE_BEFORE.search(text, 0, s) if s > 3 and text[:s].rstrip().endswith(_TITLE_ENDS) else None
            # "kommundirektör Helena Sundvall": the post is learnt for later "kommundirektören"
            self.add(name, title=tm.group(1).lower() if tm else None)

    def _index(self, p: Person, key: str) -> None:
        """Add the new person ``p`` (normalised name ``key``) to the lookups of ``_fuzzy`` and
        ``resolve``."""
        pt = key.split()
        if len(pt) >= 2:
            self._fuzzy_keys.setdefault(pt[0][:1], []).append((p, key, pt))
        if len(p.name.split()) >= 2:
            self._by_first.setdefault(fold(p.first), []).append(p)

    def _fuzzy(self, name: str) -> Person | None:
        """A listed person whose full name differs only by a spelling slip (one or two letters)."""
        key = _norm(name)
        toks = key.split()
        if len(toks) < 2:
            return None
        best, best_s = None, 0.0
        # only people of two words or more whose name starts with the same letter can fit
        for p, pk, pt in self._fuzzy_keys.get(toks[0][:1], ()):
            if abs(len(pk) - len(key)) > 4:
                continue
            if not quick_ratios_reach(key, pk, 0.88):
                continue
            s = SequenceMatcher(None, key, pk).ratio()
            same_last = toks[-1] == pt[-1] or SequenceMatcher(None, toks[-1], pt[-1]).ratio() >= 0.85
            same_first = toks[0] == pt[0] or SequenceMatcher(None, toks[0], pt[0]).ratio() >= 0.83
            if s >= 0.88 and same_last and same_first and s > best_s:
                best, best_s = p, s
        return best

    def role(self, word: str) -> list[str]:
        w = fold(word).rstrip(".")
        if w.startswith(("ordforande", "ordf")):
            return list(self.roles.get("chair") or [])
        if w.startswith("sekreterare"):
            return list(self.roles.get("secretary") or [])
        holder = self.post_holder(word)
        return [holder] if holder else []

    def post_holder(self, word: str) -> str | None:
        """The one listed person whose title is the post ``word`` names ("Förvaltningschefen",
        "kommundirektören", "förbundschef") — None when nobody or several hold it."""
        w = fold(word).strip(" .,:;").lower()
        if not w or " " in w or len(w) < 5:
            return None
        forms = {w, w[:-2] if w.endswith(("en", "et")) else w, w[:-1] if w.endswith("n") else w}
        holders = []
        for p in self.people:
            if not p.title:
                continue
            keys = self._title_keys.get(p.title)
            if keys is None:
                t = fold(p.title).lower().strip(" .,()")
                keys = self._title_keys[p.title] = (t, _TITLE_SPLIT.split(t)[0] if t else "")
            if keys[0] in forms or keys[1] in forms:
                holders.append(p.name)
        return holders[0] if len(set(holders)) == 1 else None

    def resolve(self, ref: str, record: bool = True) -> str | None:
        """Full name for ``ref`` ("Ingmar", "Ingmars", "Anna J", "Catrine Skoglund"), or None."""
        ref = " ".join(ref.replace("\u00a0", " ").split()).strip(" ,.:;")
        if not ref:
            return None
        key = _norm(ref)
        p = self._by_norm.get(key)
        if p:
            return p.name
        toks = ref.split()
        full_like = len(toks) >= 2 and all(len(t) > 3 or (t[:1].isupper() and t[1:].islower() and len(t) > 1)
                                           for t in toks[1:]) and not any(t.isupper() for t in toks[1:])
        if full_like:
            p = self._fuzzy(ref)
            if p:
                if record and ref != p.name and ref not in p.variants:
                    p.variants.append(ref)
                return p.name
            return None
        first = fold(toks[0])
        initials = "".join(toks[1:]) if len(toks) > 1 else ""
        cands = list(self._by_first.get(first, ()))
        if not cands and first.endswith("s") and not initials:        # genitive "Ingmars"
            cands = list(self._by_first.get(first[:-1], ()))
        if initials:
            ini = fold(initials.replace(".", ""))
            cands = [p for p in cands if "".join(fold(s)[0] for s in p.surnames).startswith(ini)
                     or (len(ini) == 1 and fold(p.surnames[-1]).startswith(ini) if p.surnames else False)]
        if len(cands) == 1:
            p = cands[0]
            if record and ref not in p.variants and ref != p.name:
                p.variants.append(ref)
            return p.name
        return None                         # unknown, or fits two people: left unresolved

    def mentions(self) -> list[PersonMention]:
        return [PersonMention(p.name, list(p.variants), p.organization, p.title) for p in self.people]
