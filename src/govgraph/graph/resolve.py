"""Entity resolution across protocols: persons, bodies, organisations, agreements.

A :class:`Resolver` holds the entities known so far (from the store, or built up while
loading) and answers "which node is this name?" — linking a name to an existing entity when
one of the rules below says they are the same, else creating a new one. Every merge keeps
its rule and evidence so that ``govgraph explain-merge NAME`` can say why.

Rules (see docs/graph.md for the full list and examples):

Persons
  * ``same-name``: equal after normalising case, whitespace, hyphen vs space, diacritics,
    names run together, and OCR/spelling variants that never tell people apart (q/k, a
    final dt/t, doubled letters). Not merged when both sides are placed with organisations
    in different counties (then the new person gets an id suffixed with its organisation).
  * ``given-name-variant``: given names differ only by a silent final "e" (Catrin/Catrine),
    family names equal, and supporting context (same document, organisation or body).
  * ``surname-ocr-variant``: given names equal, family names one OCR-typical edit apart
    (Kalandor/Kalander) where not both spellings are established surnames (Lindberg and
    Lindborg are two names), and supporting context.
  * ``ocr-repair``: the cleaner repaired a damaged spelling of the name (Angman -> Ångman).
  Bare first names and initials never create a person.
Bodies
  * ``same-name``; ``abbreviation`` (a name's parenthesised abbreviation);
    ``same-content-words`` (content words equal up to definite/indefinite forms after dropping
    function words); ``content-words-subset`` (one lacks exactly one content word, at least
    four shared, same head word). Kinds must agree. Generic names ("Presidiet", "AU") are
    scoped to the body whose protocol names them.
Organisations
  * ``reference``: municipality/region reference lists (kommunkod, county code); ``agency``:
    a national agency's canonical name, abbreviation or former name (SKL -> SKR);
    ``same-name``; ``abbreviation``.
Agreements
  * ``same-name``; ``same-content-words``; ``prefix-subset`` (ÖK expanded, the parties'
    "mellan …" clause dropped, one name's content words a prefix of the other's, same kind
    and years).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from .. import reference
from . import ids

LABELS = ("Person", "Body", "Organization", "Agreement")

# ---------------------------------------------------------------------------- text helpers

_FUNCTION_WORDS = frozenset(ids.fold(w) for w in """
för och samt i den det de av om med vid till på inom kring avseende gällande rörande mellan
från under en ett som kring hos efter mot inför ur the of and & a an in for on to
""".split())

# national agencies and associations: canonical name -> (kind, abbreviations / former names)
AGENCIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Sveriges Kommuner och Regioner": ("association", ("SKR", "SKL", "Sveriges Kommuner och Landsting")),
    "Socialstyrelsen": ("agency", ("SoS",)),
    "Folkhälsomyndigheten": ("agency", ("FHM",)),
    "Försäkringskassan": ("agency", ("FK",)),
    "Arbetsförmedlingen": ("agency", ("AF",)),
    "Inspektionen för vård och omsorg": ("agency", ("IVO",)),
    "Statens institutionsstyrelse": ("agency", ("SiS",)),
    "Myndigheten för delaktighet": ("agency", ("MFD",)),
    "Skolverket": ("agency", ()),
    "Polismyndigheten": ("agency", ()),
    "Kriminalvården": ("agency", ()),
    "Migrationsverket": ("agency", ()),
    "Statens beredning för medicinsk och social utvärdering": ("agency", ("SBU",)),
    "E-hälsomyndigheten": ("agency", ()),
    "Myndigheten för familjerätt och föräldraskapsstöd": ("agency", ("MFoF",)),
    "Myndigheten för vård- och omsorgsanalys": ("agency", ("Vårdanalys",)),
    "Läkemedelsverket": ("agency", ()),
    "Boverket": ("agency", ()),
    "Nationell Samverkan för Psykisk Hälsa": ("association", ("NSPH",)),
}

# body names that only make sense inside another body ("Presidiet" of which council?)
_GENERIC_BODY_WORDS = ("presidiet", "presidium", "arbetsutskottet", "au", "ledningsgruppen",
                       "styrgruppen", "beredningsgruppen", "referensgruppen", "arbetsgruppen",
                       "kansliet", "sekretariatet", "beredningen", "utskottet", "valberedningen",
                       "projektgruppen")

_RUN_TOGETHER = re.compile(r"(?<=[a-zåäöéü])(?=[A-ZÅÄÖÉÜ])")
_ABBR_PAREN = re.compile(r"^(.*?)\s*\(([^()]{2,20})\)\s*$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_SUFFIXES = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "na",
             "er", "ar", "or", "a", "t", "e", "n")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Case-, diacritic-, punctuation- and whitespace-insensitive key."""
    s = ids.fold(text or "")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def clean_name(name: str) -> str:
    """Collapse whitespace, trim punctuation; split a run-together name ("AnitaBohlinNeuman")."""
    s = " ".join((name or "").replace("\u00a0", " ").split()).strip(" ,.;:–—-*_")
    m = re.search(r"\s*\(([A-Za-zÅÄÖåäö]{1,4})\)$", s)    # "Lena Holm (S)": the party
    if m and m.group(1).upper() in reference.parties():
        s = s[: m.start()].strip()
    m = re.fullmatch(r"([^,]+),\s*([^,]+)", s)         # "Ångman, Ingmar" (list order)
    if m and reference.is_given_name(m.group(2).split()[0].split("-")[0]):
        s = f"{m.group(2)} {m.group(1)}"
    if s and " " not in s and len(_RUN_TOGETHER.findall(s)) >= 1 and not s.isupper():
        parts = _RUN_TOGETHER.split(s)
        if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
            s = " ".join(parts)
    return s


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Name key: folded, q->k, final dt->t, doubled letters collapsed, no spaces/hyphens."""
    s = norm(clean_name(name))
    s = s.replace("q", "k")
    s = re.sub(r"dt\b", "t", s)
    s = re.sub(r"([a-z])\1+", r"\1", s)
    return s.replace(" ", "")


def _name_parts(name: str) -> tuple[str, str]:
    """(given name, family name) of a cleaned person name; hyphens between family names count
    as spaces."""
    toks = clean_name(name).split()
    if not toks:
        return "", ""
    return toks[0], " ".join(toks[1:])


def is_full_name(name: str) -> bool:
    """At least a given and a family name; no token is an initial ("Anna J")."""
    cleaned = clean_name(name)
    toks = cleaned.replace("-", " ").split()
    if len(toks) < 2:
        return False
    if not cleaned.isupper() and any(t.isupper() and len(t) <= 3 for t in toks[1:]):
        return False            # "Johanna BH": initials of the family names
    return all(len(t.rstrip(".")) >= 2 for t in toks) and not any(t.endswith(".") for t in toks)


def stem(word: str) -> str:
    """A light Swedish stem for matching names of bodies and agreements: definite/plural and
    adjective endings removed ("rådet" -> "råd", "specifikt"/"specifika" -> "specifik")."""
    w = ids.fold(word)
    plural = ""
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= (4 if len(suf) == 1 else 3):
            w = w[: -len(suf)]
            # "länsdelsgrupperna" (all of them) is not "länsdelsgruppen" (one of them)
            plural = "+pl" if suf in ("erna", "arna", "orna", "ernas", "arnas", "ornas") else ""
            break
    # "utskott"/"utskottet" -> "utskot": a final double consonant is written single
    return re.sub(r"([bcdfghjklmnpqrstvwxz])\1$", r"\1", w) + plural


@lru_cache(maxsize=65536)
def content_words(name: str) -> tuple[str, ...]:
    """Stems of the content words of a name, in order, function words and "-" dropped."""
    s = ids.fold(name or "")
    s = s.replace("-", " ")
    s = re.sub(r"[^a-z0-9: ]+", " ", s).replace(":s ", " ").replace(":", " ")
    out: list[str] = []
    for w in s.split():
        if w in _FUNCTION_WORDS:
            continue
        st = stem(w)
        if st and st not in out:
            out.append(st)
    return tuple(out)


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    return frozenset(stem(w) for w in _GENERIC_BODY_WORDS)


@lru_cache(maxsize=1)
def _surname_counts() -> dict[str, int]:
    out: dict[str, int] = {}
    for r in reference._rows("surnames.csv"):
        key = ids.fold(unicodedata.normalize("NFC", r["name"]))
        try:
            n = int(r.get("count") or 0)
        except ValueError:
            n = 0
        out[key] = max(out.get(key, 0), n)
    return out


ESTABLISHED_SURNAME = 100   # bearers; two spellings both this common are two names
COMMON_NAME_BEARERS = 20    # expected bearers of a full name in Sweden: namesakes are likely
_POPULATION = 10_500_000


@lru_cache(maxsize=1)
def _given_counts() -> dict[str, int]:
    out: dict[str, int] = {}
    for n, c in reference.given_names().items():
        k = ids.fold(n)
        out[k] = out.get(k, 0) + c
    return out


def expected_bearers(name: str) -> float:
    """How many people in Sweden are expected to carry this full name: bearers of the given
    name × bearers of the (rarest) family name / population. Unknown parts count as rare."""
    given, family = _name_parts(name)
    g = _given_counts().get(ids.fold(given.split("-")[0]), 0)
    parts = clean_name(family).replace("-", " ").split()
    if not g or not parts:
        return 0.0
    f = min(_surname_counts().get(ids.fold(x), 0) for x in parts)
    return g * f / _POPULATION


def _established(word: str) -> bool:
    return _surname_counts().get(ids.fold(word), 0) >= ESTABLISHED_SURNAME


@lru_cache(maxsize=1)
def _region_index() -> dict[str, reference.Region]:
    idx: dict[str, reference.Region] = {}
    for r in reference.regions():
        for f in {r.name, r.county, f"Region {r.county}", f"Regionen i {r.county}",
                  f"Landstinget i {r.county}"}:
            idx.setdefault(norm(f), r)
    return idx


@lru_cache(maxsize=1)
def _municipality_index() -> dict[str, reference.Municipality]:
    idx: dict[str, reference.Municipality] = {}
    for m in reference.municipalities():
        for f in {m.name, m.long_name, f"{m.name} kommun", f"{m.name} stad", f"{m.name}s kommun",
                  f"{m.name}s stad", f"Kommunen {m.name}"}:
            idx.setdefault(norm(f), m)
    return idx


@lru_cache(maxsize=1)
def _agency_index() -> dict[str, tuple[str, str]]:
    """norm(form) -> (canonical name, the form as written)."""
    idx: dict[str, tuple[str, str]] = {}
    for canon, (_kind, alts) in AGENCIES.items():
        idx[norm(canon)] = (canon, canon)
        for a in alts:
            idx.setdefault(norm(a), (canon, a))
    return idx


def _squash(key: str) -> str:
    """OCR-tolerant form of a folded key: doubled letters single, q as k."""
    return re.sub(r"([a-z])\1+", r"\1", key.replace("q", "k"))


@lru_cache(maxsize=1)
def _squashed_reference() -> dict[str, Any]:
    idx: dict[str, Any] = {}
    for k, r in _region_index().items():
        idx.setdefault(_squash(k), r)
    for k, m in _municipality_index().items():
        idx.setdefault(_squash(k), m)
    return idx


@lru_cache(maxsize=16384)
def find_reference_org(name: str) -> dict[str, Any] | None:
    """A municipality, region or known agency the name denotes, with its codes (read only)."""
    key = norm(name)
    if not key:
        return None
    note = ""
    hit = _region_index().get(key) or _municipality_index().get(key)
    if hit is None and len(key) >= 6:
        hit = _squashed_reference().get(_squash(key))
        note = " (doubled letters / q-k normalised)" if hit else ""
    if isinstance(hit, reference.Region):
        r = hit
        return {"name": r.name, "kind": "region", "county_code": r.county_code,
                "org_number": r.org_number, "wikidata": r.wikidata,
                "rule": "reference", "evidence": f"region list: county code {r.county_code}{note}"}
    if isinstance(hit, reference.Municipality):
        m = hit
        return {"name": m.long_name, "short": m.name, "kind": "municipality", "kommunkod": m.code,
                "county_code": m.county_code, "wikidata": m.wikidata,
                "rule": "reference", "evidence": f"municipality list: kommunkod {m.code}{note}"}
    a = _agency_index().get(key)
    if a:
        canon, form = a
        ev = "canonical name" if norm(form) == norm(canon) else f"known abbreviation/former name {form!r}"
        return {"name": canon, "kind": AGENCIES[canon][0], "rule": "agency", "evidence": ev}
    return None


_ORGAN = re.compile(r"(namnd|styrelse|fullmaktige|utskott|revisor|revision)(n|en|et|er|erna|ens|ns|s)?\b")


def is_organ_name(name: str) -> bool:
    """A municipality's or region's organ: nämnd, styrelse, fullmäktige, utskott, revision."""
    return bool(_ORGAN.search(ids.fold(name or "")))


@lru_cache(maxsize=1)
def _place_forms() -> list[tuple[str, str]]:
    """(folded form, canonical organisation name), longest forms first: regions by their full
    name and county, municipalities by name."""
    forms: dict[str, str] = {}
    for r in reference.regions():
        for f in (r.name, r.county, f"Region {r.county}"):
            forms.setdefault(norm(f), r.name)
    for m in reference.municipalities():
        forms.setdefault(norm(m.name), m.long_name)
        forms.setdefault(norm(m.long_name), m.long_name)
    return sorted(forms.items(), key=lambda kv: -len(kv[0]))


def find_places(text: str) -> list[str]:
    """Canonical names of the regions and municipalities a text names, longest match first
    ("Linden, Region Örebro län" -> ["Region Örebro län"], not also Örebro kommun)."""
    t = f" {norm(text or '')} "
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    out: list[str] = []
    for form, canon in _place_forms():
        needle = f" {form} "
        if needle in t:
            # a place name is written with a capital ("i Vara", not "ska vara")
            hit = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, form.split())) + r"(?!\w)",
                            plain, re.IGNORECASE)
            if hit is None or not hit.group(0)[0].isupper():
                continue
            if canon not in out:
                out.append(canon)
            t = t.replace(needle, " | ")
    return out


def names_a_place(name: str) -> bool:
    return bool(find_places(name))


@lru_cache(maxsize=65536)
def _split_abbreviation(name: str) -> tuple[str, str | None]:
    """"Sociala samrådsgruppen (SocSam)" -> ("Sociala samrådsgruppen", "SocSam")."""
    m = _ABBR_PAREN.match(name or "")
    if m and m.group(1).strip():
        inner = m.group(2).strip()
        if " " not in inner or len(inner) <= 12:
            return m.group(1).strip(), inner
    return (name or "").strip(), None


@lru_cache(maxsize=16384)
def _agreement_words(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(content stems without years, years) of an agreement name: "ÖK" spelled out, the
    parties' "mellan …" clause dropped."""
    s = " ".join((name or "").split())
    s = re.sub(r"^(ÖK|Ök|ök|OK)\b\.?", "Överenskommelse", s)
    s = re.sub(r"\bÖK\b", "överenskommelse", s)
    # the parties ("mellan A, B och C") do not name the agreement when a topic follows them;
    # without a topic the parties are what tells it apart
    s = re.sub(r"\bmellan\b.*?(?=\b(om|avseende|kring|gällande|rörande|för|inom)\b)", " ", s)
    words = content_words(s)
    years = frozenset(w for w in words if _YEAR.match(w))
    return tuple(w for w in words if not _YEAR.match(w)), years


def _short_reference(alias: str, name: str) -> bool:
    """A one-word reference to a longer name by its head word ("chefsgruppen",
    "överenskommelsen"): it would name any body/agreement of that kind elsewhere."""
    wa = content_words(alias)
    wn = content_words(_split_abbreviation(name)[0])
    return len(wa) == 1 and len(wn) > 1 and wa[0] == wn[0]


FUZZY_RULES = frozenset({"content-words-subset", "prefix-subset", "given-name-variant",
                         "given-name-ocr-variant", "surname-ocr-variant"})


def _kinds_agree(a: str | None, b: str | None) -> bool:
    return not a or not b or a == "other" or b == "other" or a == b


# ---------------------------------------------------------------------------- records

@dataclass
class Merge:
    """Why ``alias`` is a name of the entity."""
    alias: str
    rule: str
    evidence: str

    def to_json(self) -> dict[str, str]:
        return {"alias": self.alias, "rule": self.rule, "evidence": self.evidence}


@dataclass
class EntityRecord:
    id: str
    label: str
    name: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    merges: dict[str, Merge] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)
    organizations: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    counties: set[str] = field(default_factory=set)
    parent: str | None = None
    own_name: bool = False      # the name is how the body's own protocol writes it

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def anchors(self) -> list[str]:
        """The names fuzzy rules compare with: not those that were themselves merged by a
        fuzzy rule (A ⊂ B ⊃ C must not make A and C one body)."""
        out = [self.name]
        for a in self.aliases:
            m = self.merges.get(a)
            if m is None or m.rule not in FUZZY_RULES:
                out.append(a)
        return out


class Resolver:
    """Incremental entity resolution. See the module docstring for the rules."""

    def __init__(self, existing: dict[str, list[dict]] | None = None):
        self._records: dict[str, EntityRecord] = {}
        self._by_key: dict[tuple[str, str], list[str]] = {}     # (label, key) -> ids
        self._by_given: dict[str, list[str]] = {}              # person given-name key -> ids
        self._by_head: dict[tuple[str, str], list[str]] = {}     # (label, head stem) -> ids
        for label in LABELS:
            for node in (existing or {}).get(label) or []:
                self._ingest(label, node)
        self._restore_scopes()

    def _restore_scopes(self) -> None:
        """Bodies read back from a store with a scoped id (``body/presidiet--<parent>``) are
        again their parent's own: "Presidiet" of another body will not find them."""
        bodies = [r for r in self._records.values() if r.label == "Body"]
        by_suffix = {ids.slug(ids._tail(r.id), 60): r.id for r in self._records.values()
                     if r.label in ("Body", "Organization")}
        for rec in bodies:
            if rec.parent or "--" not in rec.id:
                continue
            parent = by_suffix.get(rec.id.split("--", 1)[1])
            if not parent or parent == rec.id:
                continue
            for name in rec.names():
                lst = self._by_key.get(("Body", norm(name)), [])
                if rec.id in lst:
                    lst.remove(rec.id)
            rec.parent = parent
            for name in rec.names():
                self._index(rec, name)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_store(cls, store) -> "Resolver":
        """Start from the entities already in a store (``store.entities(label)``), with the
        persons' context (organisations they represent, bodies they are members of) read
        from the store's REPRESENTS / MEMBER_OF relationships when the store has them."""
        existing = {label: [dict(n) for n in (store.entities(label) or [])] for label in LABELS}
        context: dict[str, dict[str, set[str]]] = {}
        edge_pairs = getattr(store, "edge_pairs", None)
        if callable(edge_pairs):
            for rel, key in (("REPRESENTS", "organizations"), ("MEMBER_OF", "bodies")):
                try:
                    for src, dst in edge_pairs(rel):
                        context.setdefault(src, {}).setdefault(key, set()).add(dst)
                except Exception:       # a store without that table yet: no context, same rules
                    continue
        counties = {n["id"]: n.get("county_code") for n in existing.get("Organization", [])
                    if n.get("county_code")}
        for node in existing.get("Person", []):
            ctx = context.get(node.get("id"), {})
            orgs = ctx.get("organizations", set())
            node["organizations"] = sorted(orgs)
            node["bodies"] = sorted(ctx.get("bodies", set()))
            node["counties"] = sorted({counties[o] for o in orgs if o in counties})
        return cls(existing)

    def _ingest(self, label: str, node: dict) -> None:
        nid = node.get("id")
        name = node.get("name")
        if not nid or not name:
            return
        rec = EntityRecord(nid, label, name, node.get("kind"))
        for k in ("kommunkod", "county_code", "org_number", "wikidata", "given_name", "family_name"):
            if node.get(k):
                rec.props[k] = node[k]
        for k, attr in (("organizations", "organizations"), ("bodies", "bodies"),
                        ("sources", "documents"), ("counties", "counties")):
            v = node.get(k)
            if isinstance(v, (list, tuple, set)):
                getattr(rec, attr).update(x for x in v if x)
        if rec.props.get("county_code"):
            rec.counties.add(rec.props["county_code"])
        self._records[nid] = rec
        self._index(rec, name)
        for alias in node.get("aliases") or []:
            if alias and alias != name and alias not in rec.aliases:
                rec.aliases.append(alias)
                rec.merges[alias] = classify(label, alias, name)
                self._index(rec, alias)

    # ------------------------------------------------------------------ indexing
    def _keys(self, label: str, name: str, scope: str | None = None) -> list[str]:
        if label == "Person":
            k = person_key(name)
            return [k] if k else []
        k = norm(name)
        if not k:
            return []
        return [f"{scope}|{k}"] if scope else [k]

    def _scope(self, name: str, parent: str | None = None, home: str | None = None) -> str | None:
        """Whose own body a name denotes: the parent body for generic names ("Presidiet"),
        the home organisation for a municipality's or region's organs ("Socialnämnden")."""
        main = _split_abbreviation(name)[0]
        if parent and parent in self._records and self._is_generic_body(main, parent):
            return parent
        if home and home in self._records and is_organ_name(main) and not names_a_place(main):
            return home
        return None

    def _index(self, rec: EntityRecord, name: str) -> None:
        if rec.label in ("Body", "Agreement") and name != rec.name and _short_reference(name, rec.name):
            return          # "chefsgruppen" for "Chefsgrupp för …": kept, but finds nothing
        for k in self._keys(rec.label, name, rec.parent):
            lst = self._by_key.setdefault((rec.label, k), [])
            if rec.id not in lst:
                lst.append(rec.id)
        if rec.label == "Person":
            given, _ = _name_parts(name)
            gk = person_key(given)
            for k in ((gk, "~" + ocr_skeleton(given)) if gk else ()):
                lst = self._by_given.setdefault(k, [])
                if rec.id not in lst:
                    lst.append(rec.id)
        elif rec.label in ("Body", "Agreement"):
            words = content_words(_split_abbreviation(name)[0]) if rec.label == "Body" \
                else _agreement_words(name)[0]
            if words:
                lst = self._by_head.setdefault((rec.label, words[0]), [])
                if rec.id not in lst:
                    lst.append(rec.id)

    def _new(self, label: str, name: str, make_id, kind: str | None = None,
             discriminator: str | None = None, parent: str | None = None) -> EntityRecord:
        nid = make_id(name, discriminator)
        n = 2
        while nid in self._records:
            nid = make_id(name, f"{discriminator}-{n}" if discriminator else str(n))
            n += 1
        rec = EntityRecord(nid, label, name, kind, parent=parent)
        self._records[nid] = rec
        self._index(rec, name)
        return rec

    def _add_alias(self, rec: EntityRecord, alias: str, rule: str, evidence: str) -> None:
        alias = " ".join((alias or "").split())
        if rec.label != "Person":
            alias = re.sub(r"(?<=[A-ZÅÄÖ]):s$", "", alias)     # "SKR:s" is SKR
        if not alias or alias == rec.name:
            return
        if alias not in rec.aliases:
            rec.aliases.append(alias)
        rec.merges.setdefault(alias, Merge(alias, rule, evidence))
        self._index(rec, alias)

    def add_alias(self, entity_id: str, alias: str, rule: str, evidence: str) -> None:
        """Record another name of an existing entity (e.g. a spelling the OCR repair fixed)."""
        rec = self._records.get(entity_id)
        if rec is None:
            raise KeyError(f"unknown entity id {entity_id!r}")
        self._add_alias(rec, alias, rule, evidence)

    def _note_name(self, rec: EntityRecord, name: str, rule: str, evidence: str) -> None:
        """The entity was found under ``name``: keep it as alias, prefer a better display name."""
        if name == rec.name:
            return
        if rec.label == "Person" and _better_person_name(name, rec.name):
            old = rec.name
            rec.merges.pop(name, None)
            if name in rec.aliases:
                rec.aliases.remove(name)
            rec.name = name
            self._index(rec, name)
            self._add_alias(rec, old, rule, evidence)
            return
        self._add_alias(rec, name, rule, evidence)

    # ------------------------------------------------------------------ lookups
    def get(self, entity_id: str) -> EntityRecord | None:
        return self._records.get(entity_id)

    def records(self, label: str | None = None) -> list[EntityRecord]:
        return [r for r in self._records.values() if label is None or r.label == label]

    def aliases(self, entity_id: str) -> list[str]:
        """Every other name the entity was seen under (sorted, stable)."""
        rec = self._records.get(entity_id)
        return sorted(rec.aliases) if rec else []

    def name(self, entity_id: str) -> str | None:
        rec = self._records.get(entity_id)
        return rec.name if rec else None

    def find(self, label: str, name: str, parent: str | None = None,
             home: str | None = None) -> str | None:
        """The id of an existing entity of ``label`` that has exactly this (normalised) name
        (for bodies, within ``parent`` / ``home`` when the name is theirs)."""
        scope = None
        if label == "Organization":
            ref = find_reference_org(name)
            if ref:
                name = ref["name"]
        if label == "Body":
            scope = self._scope(name, parent, home)
            name = _split_abbreviation(name)[0] or name
        for k in self._keys(label, name, scope):
            hits = self._by_key.get((label, k))
            if hits:
                return hits[0]
        return None

    # ------------------------------------------------------------------ persons
    def person(self, name: str, *, organization: str | None = None, title: str | None = None,
               date: str | None = None, body: str | None = None,
               document: str | None = None) -> str | None:
        """The Person id for ``name``; None for a bare first name or initials.

        ``organization`` (name), ``body`` (name or Body id) and ``document`` (Document id) are
        the context the fuzzy rules need; ``date`` and ``title`` are kept as context only.
        """
        display = clean_name(name)
        if not is_full_name(display):
            return None
        org_id, county = None, None
        if organization:
            org_id = self.organization(organization)
            county = self._records[org_id].props.get("county_code")
        body_id = None
        if body:
            body_id = body if body.startswith("body/") else self.body(body)
        rec, rule, evidence = self._match_person(display, org_id, county, body_id, document)
        if rec is None:
            disc = None
            base = ids.person_id(display)
            if base in self._records:       # same slug, a different person (organisations apart)
                disc = self._records[org_id].name if org_id else (county or "other")
            rec = self._new("Person", display, lambda n, d: ids.person_id(n, d), discriminator=disc)
            given, family = _name_parts(display)
            rec.props.update({"given_name": given, "family_name": family})
        else:
            self._note_name(rec, display, rule, evidence)
        written = " ".join(name.split())
        if written != display and written not in rec.names() \
                and norm(written).replace(" ", "") == norm(display).replace(" ", ""):
            self._add_alias(rec, written, "same-name", describe_name_difference(written, display))
        if org_id:
            rec.organizations.add(org_id)
        if county:
            rec.counties.add(county)
        if body_id:
            rec.bodies.add(body_id)
        if document:
            rec.documents.add(document)
        return rec.id

    def _namesakes_apart(self, rec: EntityRecord, name: str, org_id: str | None) -> bool:
        """A common name (many bearers in Sweden) placed with two different municipalities
        is two people; a rare name is one person who moved."""
        if not org_id or not self._records[org_id].props.get("kommunkod"):
            return False
        theirs = {o for o in rec.organizations if self._records.get(o) is not None
                  and self._records[o].props.get("kommunkod")}
        if not theirs or org_id in theirs:
            return False
        return expected_bearers(name) >= COMMON_NAME_BEARERS

    def _context(self, rec: EntityRecord, org_id, body_id, document) -> str | None:
        if document and document in rec.documents:
            return f"same document {document}"
        if org_id and org_id in rec.organizations:
            return f"same organisation {self._records[org_id].name}"
        if body_id and body_id in rec.bodies:
            return f"same body {self._records[body_id].name}"
        return None

    def _match_person(self, display: str, org_id, county, body_id, document):
        key = person_key(display)
        # 1. same name after normalisation
        for pid in self._by_key.get(("Person", key), []):
            rec = self._records[pid]
            if county and rec.counties and county not in rec.counties:
                continue            # placed in different counties: two people
            if self._namesakes_apart(rec, display, org_id):
                continue            # a common name in two municipalities: two people
            matched = next((n for n in rec.names() if person_key(n) == key), rec.name)
            return rec, "same-name", describe_name_difference(display, matched)
        given, family = _name_parts(display)
        gk, fk = person_key(given), person_key(family)
        if not gk or not fk:
            return None, "", ""
        # candidates: same given name, or a final-e variant of it
        cands: list[str] = []
        for k in (gk, gk + "e", gk[:-1] if gk.endswith("e") else None, "~" + ocr_skeleton(given)):
            if k:
                cands += [c for c in self._by_given.get(k, []) if c not in cands]
        for pid in cands:
            rec = self._records[pid]
            if county and rec.counties and county not in rec.counties:
                continue
            for other in rec.anchors():
                og, of_ = _name_parts(other)
                ogk, ofk = person_key(og), person_key(of_)
                if not ofk:
                    continue
                if ogk != gk and ofk == fk and _final_e_variant(gk, ogk):
                    ctx = self._context(rec, org_id, body_id, document)
                    if ctx:
                        return rec, "given-name-variant", (
                            f"given names {given!r}/{og!r} differ by a final 'e', family names "
                            f"agree; {ctx}")
                if ofk == fk and ogk != gk and _given_ocr_variant(given, og):
                    ctx = self._context(rec, org_id, body_id, document)
                    if ctx:
                        return rec, "given-name-ocr-variant", (
                            f"given names {given!r}/{og!r} differ by letters OCR confuses and one is "
                            f"no known given name; family names agree; {ctx}")
                if ogk == gk and ofk != fk:
                    diff = _surname_ocr_variant(family, of_)
                    if diff:
                        ctx = self._context(rec, org_id, body_id, document)
                        if ctx:
                            return rec, "surname-ocr-variant", f"{diff}; {ctx}"
        return None, "", ""

    # ------------------------------------------------------------------ organisations
    def organization(self, name: str, kind: str | None = None) -> str:
        """The Organization id for ``name`` (municipalities/regions/agencies via reference)."""
        written = " ".join((name or "").split())
        written = re.sub(r"(?<=[A-ZÅÄÖ]):s$", "", written)     # genitive of an abbreviation: "SKR:s"
        ref = find_reference_org(written)
        if ref:
            canon = ref["name"]
            hit = self.find("Organization", canon)
            if hit is None:
                rec = self._new("Organization", canon, lambda n, d: ids.organization_id(n, d),
                                kind=ref["kind"])
                for k in ("kommunkod", "county_code", "org_number", "wikidata"):
                    if ref.get(k):
                        rec.props[k] = ref[k]
                if ref.get("county_code"):
                    rec.counties.add(ref["county_code"])
                if ref.get("short"):
                    self._add_alias(rec, ref["short"], ref["rule"], ref["evidence"])
                for alt in AGENCIES.get(canon, ("", ()))[1]:
                    self._add_alias(rec, alt, "agency", f"known abbreviation/former name of {canon}")
            else:
                rec = self._records[hit]
            if written != rec.name:
                self._add_alias(rec, written, ref["rule"], ref["evidence"])
            return rec.id
        main, abbr = _split_abbreviation(written)
        hit = self.find("Organization", main) or (self.find("Organization", abbr) if abbr else None)
        if hit:
            rec = self._records[hit]
            if norm(main) not in {norm(n) for n in rec.names()}:
                self._add_alias(rec, main, "abbreviation", f"{abbr!r} names it")
            else:
                self._note_name(rec, main, "same-name", describe_name_difference(main, rec.name))
        else:
            rec = self._new("Organization", main or written, lambda n, d: ids.organization_id(n, d),
                            kind=kind)
        if abbr:
            self._add_alias(rec, abbr, "abbreviation", f"written in parentheses after {main!r}")
        if not rec.kind and kind:
            rec.kind = kind
        return rec.id

    # ------------------------------------------------------------------ bodies
    def _is_generic_body(self, name: str, parent: str) -> bool:
        words = content_words(_split_abbreviation(name)[0])
        if not words or words[0] not in _generic_heads():
            return False
        prec = self._records.get(parent)
        parent_words = set()
        if prec:
            for n in prec.names():
                parent_words.update(content_words(_split_abbreviation(n)[0])[:1])
        return all(w in _generic_heads() or w in parent_words for w in words[1:])

    def body(self, name: str, kind: str | None = None, *, parent: str | None = None,
             home: str | None = None, document: str | None = None, own: bool = False) -> str:
        """The Body id for ``name``.

        ``parent`` (a Body id): the body whose protocol names this one — generic names
        ("Presidiet", "AU") are that body's own. ``home`` (an Organization id): the
        municipality/region the protocol belongs to — its organs named without a place
        ("Socialnämnden", "Kommunstyrelsen") are that organisation's own. ``own``: the name is
        how the body's own protocol writes it (preferred as display name; the id never changes).
        """
        written = " ".join((name or "").split())
        main, abbr = _split_abbreviation(written)
        scope = self._scope(main, parent, home)
        rec, rule, evidence = self._match_body(main, abbr, kind, scope)
        if rec is None:
            rec = self._new("Body", main, lambda n, d: ids.body_id(n, d), kind=kind,
                            discriminator=ids._tail(scope) if scope else None, parent=scope)
        else:
            if own and not rec.own_name and main != rec.name:
                old_name = rec.name
                rec.merges.pop(main, None)
                if main in rec.aliases:
                    rec.aliases.remove(main)
                rec.name = main
                self._index(rec, main)
                self._add_alias(rec, old_name, rule, evidence)
            else:
                self._note_name(rec, main, rule, evidence)
        rec.own_name = rec.own_name or own
        if abbr:
            self._add_alias(rec, abbr, "abbreviation", f"written in parentheses after {main!r}")
        if written != main and written not in rec.names():
            self._add_alias(rec, written, "abbreviation", "the name with its abbreviation")
        if not rec.kind and kind:
            rec.kind = kind
        if document:
            rec.documents.add(document)
        return rec.id

    def _match_body(self, main: str, abbr: str | None, kind: str | None, scope: str | None):
        if scope:
            hit = self._by_key.get(("Body", f"{scope}|{norm(main)}"))
            if hit:
                return self._records[hit[0]], "same-name", f"same name within {self._records[scope].name}"
            return None, "", ""
        key = norm(main)
        for pid in self._by_key.get(("Body", key), []):
            rec = self._records[pid]
            if rec.parent is None and _kinds_agree(kind, rec.kind):
                return rec, "same-name", describe_name_difference(main, rec.name)
        if abbr:
            for pid in self._by_key.get(("Body", norm(abbr)), []):
                rec = self._records[pid]
                if rec.parent is None and _kinds_agree(kind, rec.kind):
                    return rec, "abbreviation", f"abbreviation {abbr!r} is a name of it"
        words = content_words(main)
        if not words:
            return None, "", ""
        for pid in self._by_head.get(("Body", words[0]), []):
            rec = self._records[pid]
            if rec.parent is not None or not _kinds_agree(kind, rec.kind):
                continue
            for other in rec.anchors():
                verdict = compare_body_names(main, other)
                if verdict:
                    return rec, verdict[0], verdict[1]
        return None, "", ""

    # ------------------------------------------------------------------ agreements
    def agreement(self, name: str, kind: str | None = None) -> str:
        """The Agreement id for ``name`` ("ÖK" spelled out, parties' clause ignored)."""
        written = " ".join((name or "").split())
        written = re.sub(r"^(ÖK|Ök)\b\.?", "Överenskommelse", written)
        main, abbr = _split_abbreviation(written)
        rec, rule, evidence = None, "", ""
        for pid in self._by_key.get(("Agreement", norm(main)), []):
            r = self._records[pid]
            if _kinds_agree(kind, r.kind):
                rec, rule, evidence = r, "same-name", describe_name_difference(main, r.name)
                break
        if rec is None:
            words, _ = _agreement_words(main)
            if words:
                for pid in self._by_head.get(("Agreement", words[0]), []):
                    r = self._records[pid]
                    if not _kinds_agree(kind, r.kind):
                        continue
                    for other in r.anchors():
                        verdict = compare_agreement_names(main, other)
                        if verdict:
                            rec, rule, evidence = r, verdict[0], verdict[1]
                            break
                    if rec:
                        break
        if rec is None:
            rec = self._new("Agreement", main, lambda n, d: ids.agreement_id(n, d), kind=kind)
        else:
            self._add_alias(rec, main, rule, evidence)
        if written != " ".join((name or "").split()):
            self._add_alias(rec, " ".join(name.split()), "abbreviation", "ÖK = överenskommelse")
        if abbr:
            self._add_alias(rec, abbr, "abbreviation", f"written in parentheses after {main!r}")
        if not rec.kind and kind:
            rec.kind = kind
        return rec.id

    # ------------------------------------------------------------------ explain
    def holders(self, name: str) -> list[EntityRecord]:
        """Every entity that holds ``name`` (as its name or an alias): persons first, then
        bodies, organisations, agreements; a person whose name key is equal counts too."""
        out: list[EntityRecord] = []
        target = norm(name)
        for label in LABELS:
            keys = self._keys(label, name)
            if label == "Body":
                keys = keys + [norm(_split_abbreviation(name)[0])]
            for k in keys:
                for pid in self._by_key.get((label, k), []):
                    rec = self._records[pid]
                    if rec not in out and (label == "Person" or any(norm(n) == target for n in rec.names())):
                        out.append(rec)
        for rec in self._records.values():       # scoped bodies and short references
            if rec not in out and any(norm(n) == target for n in rec.names()):
                out.append(rec)
        return out

    def holder(self, name: str) -> EntityRecord | None:
        """The first entity that holds ``name`` (see ``holders``)."""
        found = self.holders(name)
        return found[0] if found else None

    def explain_records(self, name: str) -> dict[str, Any] | None:
        """{id, label, name, merges: [{alias, rule, evidence}]} for the entity holding ``name``."""
        rec = self.holder(name)
        if rec is None:
            return None
        merges = []
        for alias in sorted(rec.aliases):
            m = rec.merges.get(alias) or classify(rec.label, alias, rec.name)
            merges.append(m.to_json())
        others = [r.id for r in self.holders(name) if r.id != rec.id]
        return {"id": rec.id, "label": rec.label, "name": rec.name, "merges": merges,
                "also": others}

    def explain(self, name: str) -> list[str]:
        """One line per alias of the entity holding ``name``: the alias, the rule, the evidence."""
        info = self.explain_records(name)
        if info is None:
            return []
        return [f"{m['alias']} -> {info['name']}: {m['rule']} ({m['evidence']})"
                for m in info["merges"]]


# ---------------------------------------------------------------------------- rules as functions

_OCR_CONFUSIONS = (("rn", "m"), ("cl", "d"), ("vv", "w"))


@lru_cache(maxsize=65536)
def ocr_skeleton(word: str) -> str:
    """A word with the letters OCR confuses made equal: "rn"/"m" ("Bjöm"/"Björn"), "cl"/"d",
    "vv"/"w", a capital I inside a word read for l, digits 1/0/5 for l/o/s."""
    w = re.sub(r"(?<=[A-Za-zÅÄÖåäöé])I(?=[a-zåäöé])", "l", word or "")
    w = ids.fold(w).translate(str.maketrans("105", "los"))
    for a, b in _OCR_CONFUSIONS:
        w = w.replace(a, b)
    return w


def _given_ocr_variant(a: str, b: str) -> bool:
    """Two given names that OCR confusions make equal, one of them no known given name."""
    if ids.fold(a) == ids.fold(b) or ocr_skeleton(a) != ocr_skeleton(b):
        return False
    return not (reference.is_given_name(a) and reference.is_given_name(b))


def _final_e_variant(a: str, b: str) -> bool:
    """"catrin"/"catrine": one is the other plus a final e (and at least 4 letters)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 4 and long_ == short + "e"


def _surname_ocr_variant(a: str, b: str) -> str | None:
    """Evidence when two family names differ by one OCR-typical edit in one word, else None."""
    ta, tb = clean_name(a).replace("-", " ").split(), clean_name(b).replace("-", " ").split()
    if len(ta) != len(tb):
        return None
    diffs = [(x, y) for x, y in zip(ta, tb) if person_key(x) != person_key(y)]
    if len(diffs) != 1:
        return None
    x, y = diffs[0]
    kx, ky = person_key(x), person_key(y)
    if min(len(kx), len(ky)) < 5 or not (_edit1(kx, ky) or ocr_skeleton(x) == ocr_skeleton(y)):
        return None
    if _established(x) and _established(y):
        return None           # Lindberg / Lindborg: two real names
    return f"family names {x!r}/{y!r} differ by one OCR-typical edit (not both established surnames)"


def describe_name_difference(a: str, b: str) -> str:
    """Which normalisations make two spellings equal ("diacritics", "hyphen vs space", …)."""
    if a == b:
        return "identical"
    notes = []
    if " " not in a.strip() or " " not in b.strip():
        notes.append("names run together")
    if a.casefold() != b.casefold() and norm(a) == norm(b) and a.lower() == b.lower():
        notes.append("case")
    if ids.fold(a) != a.casefold() or ids.fold(b) != b.casefold():
        if ids.fold(a).replace("-", " ") == ids.fold(b).replace("-", " ") or \
                unicodedata.normalize("NFKD", a) != a or unicodedata.normalize("NFKD", b) != b:
            if a.casefold() != b.casefold():
                notes.append("diacritics")
    if ("-" in a) != ("-" in b):
        notes.append("hyphen vs space")
    fa, fb = norm(a), norm(b)
    if ("q" in fa) != ("q" in fb):
        notes.append("q/k")
    if re.search(r"dt\b", fa) or re.search(r"dt\b", fb):
        if re.sub(r"dt\b", "t", fa) == re.sub(r"dt\b", "t", fb) and fa != fb:
            notes.append("final dt/t")
    if re.sub(r"([a-z])\1+", r"\1", fa) == re.sub(r"([a-z])\1+", r"\1", fb) and fa != fb:
        notes.append("doubled letter")
    if a.casefold() == b.casefold() and a != b:
        notes.append("case")
    if not notes:
        notes.append("equal after normalising case, spacing and punctuation")
    return f"{a!r} = {b!r} after normalising " + ", ".join(dict.fromkeys(notes))


def _surface(name: str) -> dict[str, str]:
    """stem -> the word as written, for evidence people can read."""
    out: dict[str, str] = {}
    for w in re.split(r"[\s,;:()/–-]+", name or ""):
        if w and ids.fold(w) not in _FUNCTION_WORDS:
            out.setdefault(stem(w), w)
    return out


def compare_body_names(a: str, b: str) -> tuple[str, str] | None:
    """(rule, evidence) when two body names denote one body, else None."""
    if norm(a) == norm(b):
        return "same-name", describe_name_difference(a, b)
    wa, wb = content_words(_split_abbreviation(a)[0]), content_words(_split_abbreviation(b)[0])
    if not wa or not wb or wa[0] != wb[0]:
        return None
    sa, sb = set(wa), set(wb)
    words = {**_surface(b), **_surface(a)}
    if sa == sb:
        shown = ", ".join(words.get(w, w) for w in wa)
        return "same-content-words", (f"same content words ({shown}) after dropping function "
                                      f"words and definite/indefinite endings")
    small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if small < big and len(big - small) == 1 and len(small) >= 4:
        missing = next(iter(big - small))
        return "content-words-subset", (f"the shorter name lacks only {words.get(missing, missing)!r}; "
                                        f"{len(small)} content words shared, same head word "
                                        f"{words.get(wa[0], wa[0])!r}")
    return None


def compare_agreement_names(a: str, b: str) -> tuple[str, str] | None:
    if norm(a) == norm(b):
        return "same-name", describe_name_difference(a, b)
    (wa, ya), (wb, yb) = _agreement_words(a), _agreement_words(b)
    if not wa or not wb or wa[0] != wb[0] or ya != yb:
        return None
    if (wa == wb or set(wa) == set(wb)) and len(wa) >= 2:
        words = {**_surface(b), **_surface(a)}
        shown = " ".join(words.get(w, w) for w in wa)
        return "same-content-words", (f"same content words ({shown}) with ÖK spelled out and the "
                                      "parties' clause dropped")
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if len(short) >= 3 and long_[: len(short)] == short:
        words = {**_surface(b), **_surface(a)}
        shown = " ".join(words.get(w, w) for w in short)
        return "prefix-subset", (f"the longer name begins with the shorter one's content words "
                                 f"({shown}); same kind and years")
    return None


def classify(label: str, alias: str, canonical: str) -> Merge:
    """Recompute the rule that links ``alias`` to ``canonical`` (for entities read back from a
    store, where only the alias list was kept)."""
    if label == "Person":
        if person_key(alias) == person_key(canonical):
            return Merge(alias, "same-name", describe_name_difference(alias, canonical))
        ga, fa = _name_parts(alias)
        gc, fc = _name_parts(canonical)
        if person_key(fa) == person_key(fc) and _final_e_variant(person_key(ga), person_key(gc)):
            return Merge(alias, "given-name-variant",
                         f"given names {ga!r}/{gc!r} differ by a final 'e', family names agree "
                         "(context checked when merged)")
        if person_key(fa) == person_key(fc) and _given_ocr_variant(ga, gc):
            return Merge(alias, "given-name-ocr-variant",
                         f"given names {ga!r}/{gc!r} differ by letters OCR confuses; family names "
                         "agree (context checked when merged)")
        if person_key(ga) == person_key(gc):
            diff = _surname_ocr_variant(fa, fc)
            if diff:
                return Merge(alias, "surname-ocr-variant", diff + " (context checked when merged)")
        return Merge(alias, "ocr-repair", "a spelling the OCR repair corrected, or asserted by a loader")
    if label == "Organization":
        ref = find_reference_org(alias)
        if ref and norm(ref["name"]) == norm(canonical):
            return Merge(alias, ref["rule"], ref["evidence"])
        if norm(alias) == norm(canonical):
            return Merge(alias, "same-name", describe_name_difference(alias, canonical))
        return _alias_merge(alias, canonical)
    if label == "Body":
        v = compare_body_names(alias, canonical)
        if v:
            return Merge(alias, *v)
        return _alias_merge(alias, canonical)
    v = compare_agreement_names(alias, canonical)
    if v:
        return Merge(alias, *v)
    return _alias_merge(alias, canonical)


def _alias_merge(alias: str, canonical: str) -> Merge:
    if " " not in alias and len(alias) <= 10 and sum(c.isupper() for c in alias) >= 2:
        return Merge(alias, "abbreviation", f"{alias!r} is written as the abbreviation of {canonical!r}")
    return Merge(alias, "listed-alias", f"a protocol names {canonical!r} also {alias!r}")


def _diacritic_count(s: str) -> int:
    return sum(1 for c in s if ord(c) > 127)


def _better_person_name(new: str, old: str) -> bool:
    """Prefer the spelling with restored letters (Å, é) and spaces between names."""
    if " " in new and " " not in old:
        return True
    if (" " in new) != (" " in old):
        return False
    return _diacritic_count(new) > _diacritic_count(old) and ids.fold(new).replace("-", " ") == \
        ids.fold(old).replace("-", " ")


def person_aliases_from_repairs(name: str, repairs: Iterable) -> list[tuple[str, str]]:
    """(damaged spelling, evidence) for each repair that changed a word of ``name``.

    ``repairs`` are ``model.Repair`` records: "Angman"->"Ångman" makes "Ingmar Angman" an alias
    of "Ingmar Ångman"; a split run-together name makes the joined spelling one.
    """
    out: list[tuple[str, str]] = []
    toks = name.split()
    for r in repairs:
        orig, rep = (r.original or "").strip(), (r.repaired or "").strip()
        if not orig or not rep or orig == rep:
            continue
        ev = f"the cleaner repaired {orig!r} -> {rep!r} ({r.reason}, line {r.line})"
        if " ".join(rep.split()) == " ".join(name.split()) or norm(rep) == norm(name):
            out.append((orig, ev))
            continue
        rep_toks = rep.split()
        n = len(rep_toks)
        for i in range(len(toks) - n + 1):
            if toks[i:i + n] == rep_toks:
                variant = " ".join(toks[:i] + orig.split() + toks[i + n:])
                if variant != name:
                    out.append((variant, ev))
    return list(dict.fromkeys(out))
