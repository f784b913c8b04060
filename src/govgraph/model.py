"""Typed records that flow through the pipeline.

read (loaders.readers) -> RawDocument
clean (loaders.clean)  -> CleanDocument
parse (loaders.structure) -> Protocol (meeting, participants, officers, items)
extract (extract.*)    -> Protocol (presenters, decisions, agreements, bodies, organisations)
build (graph.build)    -> networkx.MultiDiGraph
store (graph.store)    -> LadybugDB / Neo4j

Line numbers are 1-based indexes into ``CleanDocument.lines``; a span is inclusive.
Every fact carries a :class:`Provenance` (document, item, line span, exact quote from the
cleaned text). ``Protocol.to_json()`` gives the FORMAT.md extraction format plus extra keys
(ids, provenance) that the scorer ignores.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

DECISION_KINDS = (
    "approve", "recommend", "reject", "assign", "allocate", "establish",
    "dissolve", "appoint", "table", "refer_back", "note",
)
ROLES = ("member", "substitute", "other")
BODY_KINDS = ("council", "board", "committee", "management_group", "steering_group",
              "working_group", "network", "assembly", "other")
ORG_KINDS = ("municipality", "region", "agency", "association", "company", "other")
AGREEMENT_KINDS = ("överenskommelse", "avtal", "strategi", "handlingsplan", "riktlinje",
                   "policy", "plan", "rekommendation")


class GovgraphError(Exception):
    """An error a user can act on. The message names the file and the reason."""


class ReadError(GovgraphError):
    """A file could not be read as a document (empty, binary, encrypted, corrupt, no text)."""

    def __init__(self, path: str, reason: str, hint: str | None = None):
        self.path, self.reason, self.hint = str(path), reason, hint
        msg = f"{path}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class NotAProtocolError(GovgraphError):
    """The text was read but does not look like meeting minutes."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: not a protocol: {reason}")


# --------------------------------------------------------------------------- reading
@dataclass
class RawLine:
    """One line of text as read from the file, before cleaning.

    ``struck``: character spans (start, end) of struck-through text (<del>, <s>, ~~…~~,
    DOCX strike) — struck people are absent. ``heading``: markup heading level (0 = none).
    ``bold``: the whole line was emphasised (often an item heading).
    """
    text: str
    page: int = 1
    struck: tuple[tuple[int, int], ...] = ()
    heading: int = 0
    bold: bool = False


@dataclass
class RawDocument:
    path: str                 # path as given by the user
    name: str                 # file name
    media_type: str           # e.g. "application/pdf", "text/plain"
    sha256: str               # of the file's bytes
    lines: list[RawLine]
    pages: int = 1
    encoding: str | None = None        # for text files
    ocr: bool = False                  # some text came from OCR
    ocr_confidence: float | None = None  # mean Tesseract confidence 0-100
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --------------------------------------------------------------------------- cleaning
@dataclass
class Repair:
    """One change the cleaner made to a word (OCR / encoding damage)."""
    line: int          # 1-based line in the cleaned document
    original: str
    repaired: str
    reason: str        # "lexicon", "document-name", "split-run-together", ...


@dataclass
class CleanLine:
    text: str
    page: int = 1
    raw_index: int = 0          # 0-based index of the (first) RawLine this came from
    struck: tuple[tuple[int, int], ...] = ()   # char spans in ``text`` that were struck through
    heading: int = 0
    bold: bool = False

    def is_struck(self, start: int = 0, end: int | None = None) -> bool:
        """True when the text span [start, end) lies inside struck-through markup."""
        end = len(self.text) if end is None else end
        if start >= end:
            return False
        return any(s <= start and end <= e for s, e in self.struck)


@dataclass
class CleanDocument:
    name: str
    path: str
    media_type: str
    sha256: str
    lines: list[CleanLine]
    pages: int = 1
    ocr: bool = False
    ocr_confidence: float | None = None
    repairs: list[Repair] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)   # "ocr-damage-repaired", "encoding-damage", ...
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def line(self, n: int) -> CleanLine:
        """1-based access."""
        return self.lines[n - 1]

    def quote(self, start: int, end: int | None = None) -> str:
        """The exact cleaned text of lines start..end (1-based, inclusive)."""
        end = start if end is None else end
        return "\n".join(line.text for line in self.lines[start - 1:end])


# --------------------------------------------------------------------------- facts
@dataclass
class Provenance:
    """Where a fact was read: document (file name), item number, cleaned line span, quote.

    ``quote`` must occur verbatim in ``CleanDocument.text``.
    """
    document: str
    item: str | None
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "item": self.item, "lines": [self.start, self.end],
                "quote": self.quote}

    @classmethod
    def from_json(cls, d: dict | None) -> "Provenance | None":
        if not d:
            return None
        lines = d.get("lines") or [0, 0]
        return cls(d.get("document", ""), d.get("item"), int(lines[0]), int(lines[1]),
                   d.get("quote", ""))


@dataclass
class Participant:
    name: str
    organization: str | None = None
    role: str = "member"        # member | substitute | other
    present: bool = True
    title: str | None = None
    party: str | None = None
    serves_for: str | None = None       # "tjg för X": the member this substitute replaces
    items: str | None = None            # partial attendance as written, e.g. "§§ 130-133", "punkt 6"
    prov: Provenance | None = None


@dataclass
class Officer:
    role: str                   # chair | secretary | adjuster
    name: str
    prov: Provenance | None = None


@dataclass
class NameRef:
    """A person named in an item (presenter) with where it was read."""
    name: str
    prov: Provenance | None = None


@dataclass
class Decision:
    kind: str                   # one of DECISION_KINDS
    by: str | None = None       # deciding body (canonical name)
    subject: str | None = None
    assignee: str | None = None
    amount_sek: int | None = None
    reported: bool = False
    text: str | None = None     # the act's wording
    recommends_to: list[str] = field(default_factory=list)   # organisations recommended to adopt
    prov: Provenance | None = None


@dataclass
class Item:
    number: str
    title: str
    start: int = 0              # first line of the item (its heading) in the cleaned text
    end: int = 0                # last line of the item
    presenters: list[NameRef] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    prov: Provenance | None = None


@dataclass
class Entity:
    """An agreement, body or organisation named in the protocol (once, canonical name)."""
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    code: str | None = None     # kommunkod / länskod / organisationsnummer from reference data
    prov: list[Provenance] = field(default_factory=list)


@dataclass
class PersonMention:
    """A full name and the short forms the same protocol uses for it ("Ingmar", "Anna J")."""
    name: str
    variants: list[str] = field(default_factory=list)
    organization: str | None = None
    title: str | None = None


@dataclass
class Protocol:
    source: str                          # file name
    sha256: str = ""
    media_type: str = "text/plain"
    path: str = ""
    body: str | None = None
    date: str | None = None              # ISO YYYY-MM-DD
    place: str | None = None
    participants: list[Participant] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    agreements: list[Entity] = field(default_factory=list)
    bodies: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    meta_prov: dict[str, Provenance] = field(default_factory=dict)   # "body"/"date"/"place"
    ocr: bool = False
    ocr_confidence: float | None = None
    flags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)   # OCR/encoding repairs of the cleaned text
    text: str | None = field(default=None, repr=False)     # the cleaned text (quotes are located in it)

    # ----------------------------------------------------------------- officers
    def officer_names(self, role: str) -> list[str]:
        out: list[str] = []
        for o in self.officers:
            if o.role == role and o.name not in out:
                out.append(o.name)
        return out

    @property
    def chair(self) -> list[str]:
        return self.officer_names("chair")

    @property
    def secretary(self) -> list[str]:
        return self.officer_names("secretary")

    @property
    def adjusters(self) -> list[str]:
        return self.officer_names("adjuster")

    # ----------------------------------------------------------------- JSON
    def to_json(self, provenance: bool = True) -> dict[str, Any]:
        """FORMAT.md v1 (plus ``provenance`` keys when asked)."""
        def prov(p: Provenance | None) -> dict[str, Any]:
            return {"provenance": p.to_json()} if (provenance and p) else {}

        def entity(e: Entity) -> dict[str, Any]:
            d: dict[str, Any] = {"name": e.name, "kind": e.kind}
            if e.aliases:
                d["aliases"] = list(e.aliases)
            if e.code:
                d["code"] = e.code
            if provenance and e.prov:
                d["provenance"] = [p.to_json() for p in e.prov]
            return d

        out: dict[str, Any] = {
            "source": self.source,
            "body": self.body,
            "date": self.date,
            "place": self.place,
            "participants": [
                {"name": p.name, "organization": p.organization, "role": p.role,
                 "present": p.present, "title": p.title, "party": p.party,
                 **({"serves_for": p.serves_for} if p.serves_for else {}),
                 **({"items": p.items} if p.items else {}),
                 **prov(p.prov)}
                for p in self.participants
            ],
            "chair": self.chair,
            "secretary": self.secretary,
            "adjusters": self.adjusters,
            "items": [
                {"number": it.number, "title": it.title,
                 "presenters": [n.name for n in it.presenters],
                 "decisions": [
                     {"kind": d.kind, "by": d.by, "subject": d.subject, "assignee": d.assignee,
                      "amount_sek": d.amount_sek, "reported": d.reported,
                      **({"text": d.text} if d.text else {}),
                      **({"recommends_to": d.recommends_to} if d.recommends_to else {}),
                      **prov(d.prov)}
                     for d in it.decisions
                 ],
                 **({"lines": [it.start, it.end]} if provenance else {}),
                 **({"presenter_provenance": [n.prov.to_json() if n.prov else None
                                              for n in it.presenters]}
                    if provenance and it.presenters else {}),
                 }
                for it in self.items
            ],
            "agreements": [entity(e) for e in self.agreements],
            "bodies": [entity(e) for e in self.bodies],
            "organizations": [entity(e) for e in self.organizations],
        }
        if provenance:
            out["sha256"] = self.sha256
            out["media_type"] = self.media_type
            out["officers"] = [{"role": o.role, "name": o.name, **prov(o.prov)} for o in self.officers]
            out["meta_provenance"] = {k: v.to_json() for k, v in self.meta_prov.items()}
            out["people"] = [asdict(p) for p in self.people]
            out["ocr"] = self.ocr
            out["ocr_confidence"] = self.ocr_confidence
            out["flags"] = list(self.flags)
            out["warnings"] = list(self.warnings)
            out["repairs"] = [asdict(r) for r in self.repairs]
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Protocol":
        """Read FORMAT.md JSON (a gold file or ``extract --json`` output)."""
        P = Provenance.from_json

        def ents(key: str) -> list[Entity]:
            out = []
            for e in d.get(key) or []:
                pr = e.get("provenance") or []
                if isinstance(pr, dict):
                    pr = [pr]
                out.append(Entity(e["name"], e.get("kind") or "other", list(e.get("aliases") or []),
                                  e.get("code"), [p for p in (P(x) for x in pr) if p]))
            return out

        officers = []
        if d.get("officers"):
            officers = [Officer(o["role"], o["name"], P(o.get("provenance"))) for o in d["officers"]]
        else:
            for role, key in (("chair", "chair"), ("secretary", "secretary"), ("adjuster", "adjusters")):
                officers += [Officer(role, n) for n in d.get(key) or [] if n]
        items = []
        for it in d.get("items") or []:
            pprov = it.get("presenter_provenance") or []
            presenters = [NameRef(n, P(pprov[i]) if i < len(pprov) else None)
                          for i, n in enumerate(it.get("presenters") or []) if n]
            decisions = [Decision(kind=x["kind"], by=x.get("by"), subject=x.get("subject"),
                                  assignee=x.get("assignee"), amount_sek=x.get("amount_sek"),
                                  reported=bool(x.get("reported")), text=x.get("text"),
                                  recommends_to=list(x.get("recommends_to") or []),
                                  prov=P(x.get("provenance")))
                         for x in it.get("decisions") or []]
            lines = it.get("lines") or [0, 0]
            items.append(Item(str(it.get("number")), it.get("title") or "", int(lines[0]),
                              int(lines[1]), presenters, decisions))
        return cls(
            source=d.get("source") or "",
            sha256=d.get("sha256") or "",
            media_type=d.get("media_type") or "text/plain",
            body=d.get("body"), date=d.get("date"), place=d.get("place"),
            participants=[Participant(name=p["name"], organization=p.get("organization"),
                                      role=p.get("role") or "other",
                                      present=p.get("present", True) is not False,
                                      title=p.get("title"), party=p.get("party"),
                                      serves_for=p.get("serves_for"), items=p.get("items"),
                                      prov=P(p.get("provenance")))
                          for p in d.get("participants") or [] if p.get("name")],
            officers=officers,
            items=items,
            agreements=ents("agreements"), bodies=ents("bodies"),
            organizations=ents("organizations"),
            people=[PersonMention(**p) for p in d.get("people") or []],
            meta_prov={k: v for k, v in ((k, P(v)) for k, v in (d.get("meta_provenance") or {}).items()) if v},
            ocr=bool(d.get("ocr")), ocr_confidence=d.get("ocr_confidence"),
            flags=list(d.get("flags") or []), warnings=list(d.get("warnings") or []),
            repairs=[Repair(**r) for r in d.get("repairs") or []],
        )

    def all_provenance(self) -> Iterable[Provenance]:
        """Every provenance record in the protocol (for checks that quotes occur in the text)."""
        candidates = [*(p.prov for p in self.participants), *(o.prov for o in self.officers)]
        for it in self.items:
            candidates += [it.prov, *(n.prov for n in it.presenters), *(d.prov for d in it.decisions)]
        yield from (p for p in candidates if p)
        for e in (*self.agreements, *self.bodies, *self.organizations):
            yield from e.prov
        yield from self.meta_prov.values()
