"""RDF export: the graph as linked data (LBLOD besluit, W3C ORG/PROV/Web Annotation, ELI).

The exporter reads two streams — nodes ``(id, label, props)`` and edges
``(src, dst, type, props)`` — in the order *all nodes, then all edges* (what
``store.iter_nodes()`` / ``store.iter_edges()`` and :func:`nx_nodes` / :func:`nx_edges` give) and
yields triples one at a time, so N-Triples, Turtle and JSON-LD are written with flat memory:
only the ids of agenda items and the names of people and organisations are remembered (to
resolve presenters on treatments, ``gg:servesFor`` and ``gg:recommendsTo``), never triples.

IRIs are ``{base}/{node id}`` (node ids are already readable slugs such as
``person/ingmar-angman``), so two exports of the same graph give identical IRIs. Everything
else that needs a name (treatments, memberships, annotations, selectors, amounts) gets a
deterministic IRI derived from node ids and provenance: the export has no blank nodes.

Terms: an IRI is a plain ``str``; a literal is a :class:`Lit`. See ``docs/linked-data.md``.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import IO, Any, Iterable, Iterator, NamedTuple, Union
from urllib.parse import quote

from .. import __version__
from ..model import AGREEMENT_KINDS, BODY_KINDS, DECISION_KINDS, ORG_KINDS
from ..schema.core import (BOOLEAN, DOUBLE, EDGES, INT64, KIND_RDF_TYPES, NAMESPACES, NODES,
                           PROPERTY_RDF, RDF_INVERSE_EDGES, STRING_LIST)

DEFAULT_BASE = "https://w3id.org/govgraph/id"
FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
           "jsonld": "json-ld", "json-ld": "json-ld", "xml": "xml", "rdfxml": "xml", "rdf": "xml"}
SUFFIX_FORMAT = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
                 ".rdf": "xml", ".xml": "xml", ".owl": "xml"}

NodeRow = tuple[str, str, dict]
EdgeRow = tuple[str, str, str, dict]


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (or None) and language tag (or None)."""
    value: str
    datatype: str | None = None
    lang: str | None = None


Term = Union[str, Lit]
Triple = tuple[str, str, Term]


@functools.lru_cache(maxsize=None)
def expand(curie: str) -> str:
    """``"besluit:Zitting"`` -> the full IRI (prefixes of ``schema.NAMESPACES``)."""
    prefix, _, local = curie.partition(":")
    try:
        return NAMESPACES[prefix] + local
    except KeyError:
        raise KeyError(f"unknown prefix {prefix!r} in {curie!r}") from None


X = expand
RDF_TYPE = X("rdf:type")
XSD_STRING, XSD_DATE, XSD_INT, XSD_BOOL, XSD_DOUBLE, XSD_DATETIME, XSD_HEX = (
    X("xsd:string"), X("xsd:date"), X("xsd:integer"), X("xsd:boolean"), X("xsd:double"),
    X("xsd:dateTime"), X("xsd:hexBinary"))
XSD_NNI = X("xsd:nonNegativeInteger")
GG = NAMESPACES["gg"]
RFC5147 = "http://tools.ietf.org/rfc/rfc5147"
IANA_MEDIA = "http://www.iana.org/assignments/media-types/"
WIKIDATA = "http://www.wikidata.org/entity/"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?\Z")
_SAFE_ID = re.compile(r"[A-Za-z0-9/_.~-]*\Z").match
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# node property values that are Swedish prose (tagged @sv)
_SWEDISH = {("Meeting", "title"), ("AgendaItem", "title"), ("Decision", "subject"),
            ("Decision", "text")}
# org:identifier values are typed by the identifier scheme (the SKOS notation pattern)
_IDENTIFIER_TYPES = {"kommunkod": GG + "Kommunkod", "county_code": GG + "Lanskod",
                     "org_number": GG + "Organisationsnummer"}
_OFFICER_PREDICATES = {"chair": X("besluit:heeftVoorzitter"),
                       "secretary": X("besluit:heeftSecretaris"), "adjuster": GG + "adjuster"}
# super-classes written out so that consumers without RDFS inference (and the SHACL shapes)
# see them: org:FormalOrganization ⊑ org:Organization
_SUPER_TYPES = {"Organization": ("org:Organization",)}
# relationships whose annotation is about the decision they belong to
_DECISION_EDGES = {"RESULTED_IN", "DECIDED", "CONCERNS", "ASSIGNED_TO"}


def concept_slug(value: str) -> str:
    """ASCII local name for a kind value: "överenskommelse" -> "overenskommelse"."""
    import unicodedata
    s = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode().lower()
    return _NON_ALNUM.sub("-", s).strip("-") or "other"


# SKOS concept schemes of gg: (node label, property) -> (IRI prefix, known values)
KIND_SCHEMES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("Decision", "kind"): (GG + "decision-", DECISION_KINDS),
    ("Agreement", "kind"): (GG + "agreement-", AGREEMENT_KINDS),
    ("Body", "kind"): (GG + "body-", BODY_KINDS),
    ("Organization", "kind"): (GG + "org-", ORG_KINDS),
}
MEMBERSHIP_ROLE = GG + "role-"        # gg:role-member, gg:role-substitute, …


def kind_concept(label: str, prop: str, value: str) -> str | None:
    """The SKOS concept IRI of a kind value, or None when the value is not in the scheme."""
    prefix, known = KIND_SCHEMES[(label, prop)]
    if value not in known:
        return None
    return prefix + concept_slug(value).replace("_", "-")


_HEX64 = re.compile(r"[0-9a-f]{64}\Z").match


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _lit(value: Any, ptype: str | None) -> Lit | None:
    """A typed literal from a property value; None when the value does not fit its type."""
    if ptype == BOOLEAN or isinstance(value, bool):
        if isinstance(value, str):
            value = value.strip().lower() in ("true", "1", "yes")
        return Lit("true" if value else "false", XSD_BOOL)
    if ptype == INT64:
        n = _int_or_none(value)
        return None if n is None else Lit(str(n), XSD_INT)
    if ptype == DOUBLE:
        try:
            f = float(value)
        except (TypeError, ValueError):
            return None
        return Lit(repr(f), XSD_DOUBLE) if f == f and f not in (float("inf"), float("-inf")) else None
    return Lit(str(value))


def _h(*parts: Any) -> str:
    """12 hex of sha1 over the parts: a stable local name for things without a slug."""
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts)
                        .encode("utf-8")).hexdigest()[:12]


@dataclass
class ExportStats:
    """What one export saw (publish uses it for the DCAT description)."""
    triples: int = 0
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    annotations: int = 0
    first_date: str | None = None
    last_date: str | None = None
    kommunkoder: set[str] = field(default_factory=set)
    county_codes: set[str] = field(default_factory=set)
    wikidata: set[str] = field(default_factory=set)


class RdfMapper:
    """Maps graph nodes and edges to triples. Keeps only small lookup tables (see module doc)."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base.rstrip("/") + "/"
        self.stats = ExportStats()
        self.agent = f"{self.base}agent/govgraph/{__version__}"
        self._items: set[str] = set()
        self._people: dict[str, str] = {}       # name/alias -> person id
        self._orgs: dict[str, str] = {}         # name/alias -> organisation id
        self._p = {label: {prop: (X(c) if c else None) for prop, c in props.items()}
                   for label, props in PROPERTY_RDF.items()}
        self._types = {label: [X(c) for c in n.rdf_types + _SUPER_TYPES.get(label, ())]
                       for label, n in NODES.items()}
        self._kind_types = {k: [X(c) for c in v] for k, v in KIND_RDF_TYPES.items()}
        self._ptypes = {label: n.all_properties for label, n in NODES.items()}
        self._edge_p = {t: X(e.rdf) for t, e in EDGES.items()}

    # ------------------------------------------------------------------ IRIs
    def iri(self, node_id: str) -> str:
        """``{base}/{id}``; characters not allowed in an IRI are percent-encoded."""
        node_id = str(node_id)
        if not _SAFE_ID(node_id):
            node_id = quote(node_id, safe="/_.~-")
        return self.base + node_id

    def treatment(self, item_id: str) -> str:
        return self.iri(item_id) + "/treatment"

    # ------------------------------------------------------------------ header
    def header(self) -> Iterator[Triple]:
        """The software agent that produced the graph."""
        a = self.agent
        yield a, RDF_TYPE, X("prov:SoftwareAgent")
        yield a, X("rdfs:label"), Lit(f"govgraph {__version__}")
        yield a, X("schema:softwareVersion"), Lit(__version__)

    # ------------------------------------------------------------------ nodes
    def node(self, node_id: str, label: str, props: dict) -> Iterator[Triple]:
        s = self.iri(node_id)
        st = self.stats
        st.nodes[label] = st.nodes.get(label, 0) + 1
        kind_types = self._kind_types.get((label, props.get("kind"))) if "kind" in props else None
        for t in kind_types or self._types.get(label, ()):
            yield s, RDF_TYPE, t
        preds = self._p.get(label, {})
        ptypes = self._ptypes.get(label, {})
        later: list[Triple] = []          # triples of resources hanging off the node
        for prop, value in props.items():
            pred = preds.get(prop)
            if pred is None or value is None or value == "" or value == []:
                continue
            ptype = ptypes.get(prop)
            if (label, prop) in KIND_SCHEMES:
                c = kind_concept(label, prop, str(value))
                if c:
                    yield s, pred, c
            elif prop in ("date",) and label in ("Meeting", "Decision"):
                if isinstance(value, str) and _ISO_DATE.match(value):
                    yield s, pred, Lit(value, XSD_DATE)
                    if label == "Meeting":
                        if st.first_date is None or value < st.first_date:
                            st.first_date = value
                        if st.last_date is None or value > st.last_date:
                            st.last_date = value
            elif ptype == STRING_LIST:
                seen = {props.get("name")}
                for v in value if isinstance(value, (list, tuple)) else [value]:
                    if v and v not in seen:
                        seen.add(v)
                        yield s, pred, Lit(str(v))
            elif (label, prop) in _SWEDISH:
                yield s, pred, Lit(str(value), None, "sv")
            elif label == "Organization" and prop in _IDENTIFIER_TYPES:
                yield s, pred, Lit(str(value), _IDENTIFIER_TYPES[prop])
                if prop == "kommunkod":
                    st.kommunkoder.add(str(value))
                elif prop == "county_code":
                    st.county_codes.add(str(value))
            elif prop == "wikidata":
                q = str(value).rsplit("/", 1)[-1]
                if re.fullmatch(r"Q\d+", q):
                    yield s, pred, WIKIDATA + q
                    st.wikidata.add(WIKIDATA + q)
            elif prop == "media_type":
                yield s, pred, IANA_MEDIA + str(value)
            elif prop == "sha256":
                c = s + "/checksum"
                yield s, pred, c
                hexdigest = str(value).lower()
                later += [(c, RDF_TYPE, X("spdx:Checksum")),
                          (c, X("spdx:algorithm"), X("spdx:checksumAlgorithm_sha256")),
                          (c, X("spdx:checksumValue"),
                           Lit(hexdigest, XSD_HEX if _HEX64(hexdigest) else None))]
            elif prop == "amount_sek":
                amount = _int_or_none(value)
                if amount is None:
                    continue
                m = s + "/amount"
                yield s, pred, m
                later += [(m, RDF_TYPE, X("schema:MonetaryAmount")),
                          (m, X("schema:value"), Lit(str(amount), XSD_INT)),
                          (m, X("schema:currency"), Lit("SEK"))]
            else:
                lit = _lit(value, ptype)
                if lit is not None:
                    yield s, pred, lit
        for doc in props.get("sources") or ():
            if doc != node_id:
                yield s, X("prov:wasDerivedFrom"), self.iri(doc)
        if label == "Meeting" and props.get("date") and _ISO_DATE.match(str(props["date"])):
            yield s, X("schema:startDate"), Lit(props["date"], XSD_DATE)
        yield from later
        # structure that hangs off the node
        if label == "AgendaItem":
            self._items.add(node_id)
            t = self.treatment(node_id)
            yield t, RDF_TYPE, X("besluit:BehandelingVanAgendapunt")
            yield t, RDF_TYPE, X("prov:Activity")
            yield t, X("dct:subject"), s
        elif label == "Organization":
            self._remember(self._orgs, node_id, props)
        elif label == "Person":
            self._remember(self._people, node_id, props)
        elif label == "Document":
            run = s + "/extraction"
            yield run, RDF_TYPE, X("prov:Activity")
            yield run, X("prov:used"), s
            yield run, X("prov:wasAssociatedWith"), self.agent
            when = props.get("loaded_at")
            if isinstance(when, str) and _ISO_DATETIME.match(when):
                yield run, X("prov:endedAtTime"), Lit(when, XSD_DATETIME)

    @staticmethod
    def _remember(table: dict[str, str], node_id: str, props: dict) -> None:
        for name in [props.get("name"), *(props.get("aliases") or [])]:
            if name:
                table.setdefault(str(name).casefold(), node_id)

    # ------------------------------------------------------------------ edges
    def edge(self, src: str, dst: str, rel: str, props: dict) -> Iterator[Triple]:
        st = self.stats
        st.edges[rel] = st.edges.get(rel, 0) + 1
        s, o = self.iri(src), self.iri(dst)
        pred = self._edge_p.get(rel)
        if pred is None:
            return
        body: str | None = None          # the resource the annotation is about
        fact: Triple | None = None       # the triple the annotation is about (reified if no body)
        if rel == "RESULTED_IN":
            t = self.treatment(src)
            yield t, pred, o
            body = o
        elif rel == "HAS_ITEM":
            fact = (s, pred, o)
            yield fact
        elif rel == "PRESENTED":
            if dst in self._items:
                t = self.treatment(dst)
                who = src.split("/", 1)[-1]
                assoc = f"{t}/presenter/{who if _SAFE_ID(who) else _h(src)}"
                yield t, pred, s
                yield t, X("prov:qualifiedAssociation"), assoc
                yield assoc, RDF_TYPE, X("prov:Association")
                yield assoc, X("prov:agent"), s
                yield assoc, X("prov:hadRole"), GG + "Presenter"
                body = assoc
            else:
                fact = (o, pred, s)
                yield fact
        elif rel == "ATTENDED":
            present = props.get("present")
            if present is False or str(present).lower() == "false":
                fact = (o, GG + "absentee", s)
                yield fact
            else:
                fact = (o, pred, s)
                yield fact
                yield o, X("schema:attendee"), s
            serves = props.get("serves_for")
            if serves:
                other = self._people.get(str(serves).casefold())
                if other:
                    yield s, GG + "servesFor", self.iri(other)
        elif rel == "OFFICER_OF":
            p = _OFFICER_PREDICATES.get(str(props.get("role") or "chair"))
            if p is None:
                return
            fact = (o, p, s)
            yield fact
        elif rel == "MEMBER_OF":
            role = props.get("role") or "member"
            m = f"{s}/membership/{dst if _SAFE_ID(dst) else quote(dst, safe='/_.~-')}"
            if role != "member":
                m += "/" + concept_slug(str(role))
            yield s, pred, o
            yield m, RDF_TYPE, X("org:Membership")
            yield m, X("org:member"), s
            yield m, X("org:organization"), o
            yield m, X("org:role"), MEMBERSHIP_ROLE + concept_slug(str(role))
            for v in {props.get("first_seen"), props.get("last_seen")}:
                if isinstance(v, str) and _ISO_DATE.match(v):
                    yield m, GG + "observedOn", Lit(v, XSD_DATE)
            body = m
        elif rel == "DECIDED":
            yield o, pred, s          # gg:reported comes from the decision node
            body = o
        elif rel == "RECORDED_IN":
            yield s, pred, o
            body = s
        elif rel in _DECISION_EDGES:
            yield s, pred, o
            body = s
        else:
            fact = (o, pred, s) if rel in RDF_INVERSE_EDGES else (s, pred, o)
            yield fact
            decision = props.get("decision")
            if decision:
                body = self.iri(decision)
                if rel == "RECOMMENDED":
                    for name in props.get("to") or ():
                        org = self._orgs.get(str(name).casefold())
                        if org:
                            yield body, GG + "recommendsTo", self.iri(org)
        yield from self._annotation(rel, src, dst, props, body, fact)

    def _annotation(self, rel: str, src: str, dst: str, props: dict, body: str | None,
                    fact: Triple | None) -> Iterator[Triple]:
        """``oa:Annotation`` tying a fact to the exact words and lines of its source document."""
        source = props.get("source")
        quote_text = props.get("quote")
        if not source or not quote_text:
            return
        doc = self.iri(source)
        start, end = props.get("span_start"), props.get("span_end")
        a = f"{doc}/annotation/{_h(src, rel, dst, start, end, quote_text)}"
        self.stats.annotations += 1
        if body is None and fact is not None:
            body = a + "/statement"
            yield body, RDF_TYPE, X("rdf:Statement")
            yield body, X("rdf:subject"), fact[0]
            yield body, X("rdf:predicate"), fact[1]
            yield body, X("rdf:object"), fact[2]
        if body is None:
            return
        if body != doc:
            yield body, X("prov:wasDerivedFrom"), doc
        target = a + "/target"
        yield a, RDF_TYPE, X("oa:Annotation")
        yield a, X("oa:motivatedBy"), X("oa:identifying")
        yield a, X("oa:hasBody"), body
        yield a, X("oa:hasTarget"), target
        yield a, X("prov:wasGeneratedBy"), doc + "/extraction"
        yield target, RDF_TYPE, X("oa:SpecificResource")
        yield target, X("oa:hasSource"), doc
        if isinstance(start, int) and start > 0:
            end = end if isinstance(end, int) and end >= start else start
            lines = a + "/lines"
            yield target, X("oa:hasSelector"), lines
            yield lines, RDF_TYPE, X("oa:FragmentSelector")
            yield lines, X("dct:conformsTo"), RFC5147
            yield lines, X("rdf:value"), Lit(f"line={start - 1},{end}")
            yield lines, GG + "firstLine", Lit(str(start), XSD_INT)
            yield lines, GG + "lastLine", Lit(str(end), XSD_INT)
        c0, c1 = props.get("char_start"), props.get("char_end")
        if isinstance(c0, int) and isinstance(c1, int) and 0 <= c0 <= c1:
            pos = a + "/position"
            yield target, X("oa:hasSelector"), pos
            yield pos, RDF_TYPE, X("oa:TextPositionSelector")
            yield pos, X("oa:start"), Lit(str(c0), XSD_NNI)
            yield pos, X("oa:end"), Lit(str(c1), XSD_NNI)
        q = a + "/quote"
        yield target, X("oa:hasSelector"), q
        yield q, RDF_TYPE, X("oa:TextQuoteSelector")
        yield q, X("oa:exact"), Lit(str(quote_text))
        if props.get("item"):
            yield target, GG + "item", Lit(str(props["item"]))


def iter_triples(nodes: Iterable[NodeRow], edges: Iterable[EdgeRow], base: str = DEFAULT_BASE,
                 mapper: RdfMapper | None = None) -> Iterator[Triple]:
    """All triples of the graph: nodes first, then edges (streams; see module doc)."""
    m = mapper or RdfMapper(base)
    yield from m.header()
    for node_id, label, props in nodes:
        yield from m.node(node_id, label, props or {})
    for src, dst, rel, props in edges:
        yield from m.edge(src, dst, rel, props or {})


# ---------------------------------------------------------------------- sources
def nx_nodes(g) -> Iterator[NodeRow]:
    """Nodes of a networkx graph in the ARCHITECTURE.md convention, sorted by id."""
    for node_id in sorted(g.nodes):
        attrs = dict(g.nodes[node_id])
        label = attrs.pop("label", None)
        if label:
            yield node_id, label, attrs


def nx_edges(g) -> Iterator[EdgeRow]:
    """Edges of a networkx MultiDiGraph (convention of ARCHITECTURE.md)."""
    rows = []
    for src, dst, _key, attrs in g.edges(keys=True, data=True):
        attrs = dict(attrs)
        rel = attrs.pop("type", None)
        if rel:
            rows.append((src, dst, rel, attrs))
    rows.sort(key=lambda r: (r[0], r[2], r[1], str(r[3].get("source")), str(r[3].get("span_start"))))
    yield from rows


# ---------------------------------------------------------------------- serialisers
_ESC = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
        **{c: f"\\u{c:04X}" for c in range(0x20) if c not in (9, 10, 13)}, 0x7F: "\\u007F"}
_NEEDS_ESC = re.compile(r'[\x00-\x1f\x7f"\\]').search


def _esc(v: str) -> str:
    return v.translate(_ESC) if _NEEDS_ESC(v) else v


def nt_term(t: Term) -> str:
    if type(t) is str:
        return f"<{t}>"
    v = _esc(t.value)
    if t.lang:
        return f'"{v}"@{t.lang}'
    if t.datatype and t.datatype != XSD_STRING:
        return f'"{v}"^^<{t.datatype}>'
    return f'"{v}"'


def write_nt(triples: Iterable[Triple], out: IO[str]) -> int:
    """N-Triples, one line per triple, streamed. Returns the number of triples."""
    n = 0
    write = out.write
    for s, p, o in triples:
        if type(o) is str:
            write(f"<{s}> <{p}> <{o}> .\n")
        else:
            write(f"<{s}> <{p}> {nt_term(o)} .\n")
        n += 1
    return n


_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z").match


class _Compactor:
    """Shortens IRIs for Turtle: vocabulary terms to ``prefix:local``, our IRIs relative to @base."""

    def __init__(self, base: str):
        self.base = base
        self.nb = len(base)
        self.ns = sorted(((iri, p) for p, iri in NAMESPACES.items()), key=lambda x: -len(x[0]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        c = self.cache.get(iri)
        if c is not None:
            return c
        if iri.startswith(self.base):
            rest = iri[self.nb:]
            if (rest and rest[0] not in "./" and "/." not in rest and ":" not in rest
                    and "?" not in rest and "#" not in rest):
                return f"<{rest}>"
            return f"<{iri}>"
        c = f"<{iri}>"
        for ns, prefix in self.ns:
            if iri.startswith(ns) and _PN_LOCAL(iri[len(ns):]):
                c = f"{prefix}:{iri[len(ns):]}"
                break
        if len(self.cache) < 10000:
            self.cache[iri] = c
        return c

    def curie(self, iri: str) -> str:
        """For JSON-LD: ``prefix:local``, a relative IRI, or the IRI itself (no brackets)."""
        c = self(iri)
        return c[1:-1] if c.startswith("<") else c

    def term(self, t: Term) -> str:
        if type(t) is str:
            return self(t)
        v = _esc(t.value)
        if t.lang:
            return f'"{v}"@{t.lang}'
        if t.datatype and t.datatype != XSD_STRING:
            return f'"{v}"^^{self(t.datatype)}'
        return f'"{v}"'


def write_turtle(triples: Iterable[Triple], out: IO[str], base: str = DEFAULT_BASE) -> int:
    """Turtle streamed as prefixes, ``@base`` and one block per run of triples with the same
    subject (a subject may recur in a later block, which Turtle allows)."""
    base = base.rstrip("/") + "/"
    for prefix, iri in NAMESPACES.items():
        out.write(f"@prefix {prefix}: <{iri}> .\n")
    out.write(f"@base <{base}> .\n")
    c = _Compactor(base)
    n = 0
    cur_s = cur_p = None
    write = out.write
    a = RDF_TYPE
    for s, p, o in triples:
        n += 1
        ot = c.term(o)
        if s == cur_s:
            if p == cur_p:
                write(f" ,\n        {ot}")
            else:
                write(f" ;\n    {'a' if p == a else c(p)} {ot}")
        else:
            if cur_s is not None:
                write(" .\n")
            write(f"\n{c(s)} {'a' if p == a else c(p)} {ot}")
        cur_s, cur_p = s, p
    if cur_s is not None:
        write(" .\n")
    return n


def _jsonld_value(t: Term, c: "_Compactor") -> dict:
    if type(t) is str:
        return {"@id": c.curie(t)}
    if t.lang:
        return {"@value": t.value, "@language": t.lang}
    if t.datatype and t.datatype != XSD_STRING:
        return {"@value": t.value, "@type": c.curie(t.datatype)}
    return {"@value": t.value}


def write_jsonld(triples: Iterable[Triple], out: IO[str], base: str = DEFAULT_BASE) -> int:
    """JSON-LD, streamed: under ``@graph`` one node object per run of triples with the same
    subject; the ``@context`` holds the prefixes and ``@base``, so keys and types are compact
    IRIs (``dct:title``) and our resources relative IRIs (``person/ingmar-angman``)."""
    base = base.rstrip("/") + "/"
    c = _Compactor(base)
    n = 0
    ctx = {**NAMESPACES, "@base": base}
    out.write('{\n"@context": ' + json.dumps(ctx, ensure_ascii=False) + ',\n"@graph": [\n')
    cur_s: str | None = None
    obj: dict[str, Any] = {}
    first = True

    def flush() -> None:
        nonlocal first
        if cur_s is None:
            return
        out.write(("" if first else ",\n") + json.dumps(obj, ensure_ascii=False))
        first = False

    for s, p, o in triples:
        n += 1
        if s != cur_s:
            flush()
            cur_s, obj = s, {"@id": c.curie(s)}
        if p == RDF_TYPE and type(o) is str:
            obj.setdefault("@type", []).append(c.curie(o))
        else:
            obj.setdefault(c.curie(p), []).append(_jsonld_value(o, c))
    flush()
    out.write("\n]\n}\n")
    return n


def to_graph(triples: Iterable[Triple]):
    """An in-memory rdflib Graph of the triples (for RDF/XML, validation, SPARQL, tests)."""
    from rdflib import Graph, Literal, URIRef
    g = Graph()
    for prefix, iri in NAMESPACES.items():
        g.bind(prefix, iri, override=True)
    add = g.add
    for s, p, o in triples:
        if type(o) is str:
            ot = URIRef(o)
        elif o.lang:
            ot = Literal(o.value, lang=o.lang)
        elif o.datatype and o.datatype != XSD_STRING:
            ot = Literal(o.value, datatype=URIRef(o.datatype))
        else:
            ot = Literal(o.value)
        add((URIRef(s), URIRef(p), ot))
    return g


def write_rdf(triples: Iterable[Triple], out: IO[str], fmt: str = "turtle",
              base: str = DEFAULT_BASE) -> int:
    """Write triples in ``fmt`` (turtle, nt, json-ld streamed; xml via rdflib in memory)."""
    fmt = FORMATS.get(fmt, fmt)
    if fmt == "nt":
        return write_nt(triples, out)
    if fmt == "turtle":
        return write_turtle(triples, out, base)
    if fmt == "json-ld":
        return write_jsonld(triples, out, base)
    if fmt == "xml":
        g = to_graph(triples)
        out.write(g.serialize(format="xml"))
        return len(g)
    raise ValueError(f"unknown RDF format {fmt!r}; use one of turtle, jsonld, nt, xml")


def export_rdf(nodes: Iterable[NodeRow], edges: Iterable[EdgeRow], out: IO[str],
               fmt: str = "turtle", base: str = DEFAULT_BASE) -> ExportStats:
    """Export a graph (node and edge streams) to ``out``. Returns what was written."""
    mapper = RdfMapper(base)
    n = write_rdf(iter_triples(nodes, edges, base, mapper), out, fmt, base)
    mapper.stats.triples = n
    return mapper.stats


def graph_of(nodes: Iterable[NodeRow], edges: Iterable[EdgeRow], base: str = DEFAULT_BASE):
    """The export as an rdflib Graph."""
    return to_graph(iter_triples(nodes, edges, base))


# ---------------------------------------------------------------------- SPARQL
def sparql_fold(expr: str) -> str:
    """``LCASE`` + diacritics folded, the SPARQL twin of the Cypher ``gg_fold`` macro."""
    from ..queries.library import FOLD_MAP
    out = f"LCASE(STR({expr}))"
    for a, b in FOLD_MAP.items():
        out = f'REPLACE({out}, "{a}", "{b}")'
    return out


def who_decided_sparql() -> str:
    """SPARQL version of the named query ``who-decided``: decisions whose subject, agenda-item
    title or concerned agreement (name or alias) contains ``?text`` (bind it folded)."""
    f = sparql_fold
    return f"""PREFIX besluit: <{NAMESPACES['besluit']}>
PREFIX prov: <{NAMESPACES['prov']}>
PREFIX dct: <{NAMESPACES['dct']}>
PREFIX eli: <{NAMESPACES['eli']}>
PREFIX skos: <{NAMESPACES['skos']}>
PREFIX foaf: <{NAMESPACES['foaf']}>
PREFIX gg: <{NAMESPACES['gg']}>
SELECT DISTINCT ?decision ?date ?body ?kind ?subject ?item ?reported WHERE {{
  ?decision a besluit:Besluit .
  {{ ?decision eli:title ?s . FILTER(CONTAINS({f('?s')}, ?text)) }}
  UNION {{ ?tr prov:generated ?decision ; dct:subject ?i . ?i dct:title ?t .
          FILTER(CONTAINS({f('?t')}, ?text)) }}
  UNION {{ ?decision dct:subject ?a . ?a a eli:Work .
          {{ ?a eli:title ?n }} UNION {{ ?a skos:altLabel ?n }}
          FILTER(CONTAINS({f('?n')}, ?text)) }}
  OPTIONAL {{ ?decision dct:type ?kind }}
  OPTIONAL {{ ?decision eli:date_document ?date }}
  OPTIONAL {{ ?decision eli:title ?subject }}
  OPTIONAL {{ ?decision gg:reported ?reported }}
  OPTIONAL {{ ?decision prov:wasAttributedTo ?b . ?b skos:prefLabel ?bodyName }}
  OPTIONAL {{ ?decision gg:deciderName ?deciderName }}
  BIND(COALESCE(?bodyName, ?deciderName) AS ?body)
  OPTIONAL {{ ?tr2 prov:generated ?decision ; dct:subject ?it . ?it gg:number ?item }}
}}
ORDER BY ?date ?decision"""


def who_decided(graph, text: str, base: str = DEFAULT_BASE) -> list[dict[str, Any]]:
    """Run :func:`who_decided_sparql` on an rdflib Graph; rows with node ids and plain kinds."""
    from rdflib import Literal
    from ..queries.library import fold
    kinds = {kind_concept("Decision", "kind", k): k for k in DECISION_KINDS}
    prefix = base.rstrip("/") + "/"
    rows = []
    for r in graph.query(who_decided_sparql(), initBindings={"text": Literal(fold(text))}):
        d = str(r.decision)
        rows.append({
            "decision": d[len(prefix):] if d.startswith(prefix) else d,
            "date": str(r.date) if r.date is not None else None,
            "body": str(r.body) if r.body is not None else None,
            "kind": kinds.get(str(r.kind)) if r.kind is not None else None,
            "subject": str(r.subject) if r.subject is not None else None,
            "item": str(r.item) if r.item is not None else None,
            "reported": r.reported.toPython() if r.reported is not None else None,
        })
    return rows
