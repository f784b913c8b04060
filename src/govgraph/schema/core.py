"""The graph schema, defined once.

Node labels, their typed properties, relationship types with their allowed (from, to) label
pairs and properties, and the RDF term each maps to. The embedded DDL, the Neo4j constraints,
the CSV/RDF exports, the viz legend and the validation are all generated from these tables.

Property types are the portable subset both stores understand:
``STRING``, ``INT64``, ``DOUBLE``, ``BOOLEAN``, ``STRING[]``. Dates are ISO strings
(``YYYY-MM-DD``) so that comparisons and parameters behave the same on both stores.

Provenance: every relationship has ``source`` (Document id), ``item``, ``span_start``,
``span_end``, ``quote``. Every node has ``sources``, the Document ids it was read from; the
stores do not keep that list as a column but as the node's ``RECORDED_IN`` relationships (each
with its item, span and quote), and give ``sources`` back when they read nodes. A node named in
a thousand protocols would otherwise carry, and rewrite on every load, a thousand-long list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STRING, INT64, DOUBLE, BOOLEAN, STRING_LIST = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"

# provenance carried by every relationship
EDGE_PROVENANCE: dict[str, str] = {
    "source": STRING,        # Document id
    "item": STRING,          # agenda item number ("6", "8a") or null
    "span_start": INT64,     # first cleaned line
    "span_end": INT64,       # last cleaned line
    "quote": STRING,         # exact words from the cleaned text
    "char_start": INT64,     # character offset of the quote in the cleaned text (0-based)
    "char_end": INT64,       # … and of its end (exclusive); null when not located
}
# provenance of every node: the Document ids that mention it. Derived, not stored: the
# stores hold it as the node's RECORDED_IN relationships and add it to the nodes they read.
NODE_PROVENANCE: dict[str, str] = {
    "sources": STRING_LIST,
}
# the relationship that carries a node's provenance in the stores
PROVENANCE_EDGE = "RECORDED_IN"


@dataclass(frozen=True)
class NodeType:
    label: str
    properties: dict[str, str]
    rdf_types: tuple[str, ...]
    description: str
    key: str = "id"

    @property
    def stored_properties(self) -> dict[str, str]:
        """The columns a store keeps: ``id`` and the label's own properties."""
        return {"id": STRING, **self.properties}

    @property
    def all_properties(self) -> dict[str, str]:
        """What a node has in the data model: the stored properties plus its ``sources``."""
        return {**self.stored_properties, **NODE_PROVENANCE}


@dataclass(frozen=True)
class EdgeType:
    type: str
    pairs: tuple[tuple[str, str], ...]
    rdf: str
    description: str
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def all_properties(self) -> dict[str, str]:
        return {**self.properties, **EDGE_PROVENANCE}


NODES: dict[str, NodeType] = {n.label: n for n in [
    NodeType("Document", {"name": STRING, "path": STRING, "sha256": STRING, "media_type": STRING,
                          "pages": INT64, "ocr": BOOLEAN, "ocr_confidence": DOUBLE,
                          "flags": STRING_LIST, "loaded_at": STRING},
             ("foaf:Document", "eli:Manifestation"), "A source protocol file."),
    NodeType("Meeting", {"title": STRING, "body": STRING, "date": STRING, "place": STRING},
             ("besluit:Zitting", "schema:Event"), "One meeting of a body, as one protocol records it."),
    NodeType("AgendaItem", {"number": STRING, "title": STRING, "ordinal": INT64, "meeting": STRING,
                            "date": STRING},
             ("besluit:Agendapunt",), "An agenda item (paragraph) of a meeting."),
    NodeType("Decision", {"kind": STRING, "subject": STRING, "text": STRING, "by": STRING,
                          "assignee": STRING, "amount_sek": INT64, "reported": BOOLEAN,
                          "date": STRING, "item": STRING, "meeting": STRING},
             ("besluit:Besluit",), "One act decided or stated under an item."),
    NodeType("Person", {"name": STRING, "aliases": STRING_LIST, "given_name": STRING,
                        "family_name": STRING, "party": STRING},
             ("person:Person", "foaf:Person"), "A person (resolved across protocols)."),
    NodeType("Post", {"name": STRING, "of_name": STRING},
             ("org:Post",), "A role or position: 'områdeschef Psykiatri', 'ordförande i X'."),
    NodeType("Body", {"name": STRING, "kind": STRING, "aliases": STRING_LIST},
             ("org:OrganizationalCollaboration", "org:Organization"),
             "A council, board, committee, management/steering/working group or network."),
    NodeType("Organization", {"name": STRING, "kind": STRING, "aliases": STRING_LIST,
                              "kommunkod": STRING, "county_code": STRING, "org_number": STRING,
                              "wikidata": STRING},
             ("org:FormalOrganization",), "A municipality, region, agency, association or company."),
    NodeType("Agreement", {"name": STRING, "kind": STRING, "aliases": STRING_LIST},
             ("eli:Work",), "An agreement, contract, strategy, plan, guideline or policy."),
]}

_SUBJECTS = ("Agreement", "Body", "Organization", "AgendaItem", "Person")
_ACTORS_TO_SUBJECTS = tuple(("Body", s) for s in _SUBJECTS)

EDGES: dict[str, EdgeType] = {e.type: e for e in [
    # --- event model
    EdgeType("HELD", (("Body", "Meeting"),), "besluit:isGehoudenDoor", "A body held a meeting (RDF inverse)."),
    EdgeType("HAS_ITEM", (("Meeting", "AgendaItem"),), "besluit:behandelt", "A meeting treated an item."),
    EdgeType("RESULTED_IN", (("AgendaItem", "Decision"),), "prov:generated", "An item's treatment produced a decision."),
    EdgeType("DECIDED", (("Body", "Decision"),), "prov:wasAttributedTo", "The deciding body of a decision (RDF inverse).",
             {"reported": BOOLEAN}),
    EdgeType("CONCERNS", tuple(("Decision", s) for s in _SUBJECTS if s != "AgendaItem"), "dct:subject",
             "What a decision is about."),
    EdgeType("ASSIGNED_TO", (("Decision", "Person"), ("Decision", "Body"), ("Decision", "Organization")),
             "gg:assignee", "Who a decision gives a task or post."),
    EdgeType("ATTENDED", (("Person", "Meeting"),), "besluit:heeftAanwezigeBijStart",
             "A person listed at a meeting (present or absent).",
             {"role": STRING, "present": BOOLEAN, "title": STRING, "party": STRING,
              "organization": STRING, "serves_for": STRING, "items": STRING}),
    EdgeType("OFFICER_OF", (("Person", "Meeting"),), "besluit:heeftVoorzitter",
             "Chair, secretary or adjuster (justerare) of a meeting.", {"role": STRING}),
    EdgeType("RECORDED_IN", tuple((n, "Document") for n in
                                  ("Meeting", "AgendaItem", "Decision", "Person", "Post", "Body",
                                   "Organization", "Agreement")),
             "prov:wasDerivedFrom", "A node was read from a document (with item, span, quote)."),
    # --- people, posts, bodies, organisations
    EdgeType("HOLDS", (("Person", "Post"),), "org:holds", "A person holds a post.",
             {"first_seen": STRING, "last_seen": STRING}),
    EdgeType("OF", (("Post", "Body"), ("Post", "Organization")), "org:postIn", "A post in a body or organisation."),
    EdgeType("MEMBER_OF", (("Person", "Body"),), "org:memberOf", "Membership observed over time.",
             {"role": STRING, "first_seen": STRING, "last_seen": STRING}),
    EdgeType("REPRESENTS", (("Person", "Organization"),), "org:memberOf",
             "A person attends on behalf of an organisation.", {"first_seen": STRING, "last_seen": STRING}),
    EdgeType("PART_OF", (("Body", "Body"), ("Body", "Organization")), "org:subOrganizationOf",
             "A body sits under another body or an organisation."),
    EdgeType("PARTY_TO", (("Organization", "Agreement"),), "dct:contributor", "An organisation is party to an agreement."),
    # --- the user's named edges (shortcuts of the event model)
    EdgeType("PRESENTED", (("Person", "AgendaItem"), ("Person", "Agreement")), "gg:presentedBy",
             "A person presented an item or agreement (RDF inverse).", {"date": STRING}),
    EdgeType("APPROVED", _ACTORS_TO_SUBJECTS, "gg:approved", "A body approved something.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("RECOMMENDED", _ACTORS_TO_SUBJECTS, "gg:recommended",
             "A body recommended something (to the organisations in `to`).",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN, "to": STRING_LIST}),
    EdgeType("REJECTED", _ACTORS_TO_SUBJECTS, "gg:rejected", "A body rejected something.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("ESTABLISHED", _ACTORS_TO_SUBJECTS, "gg:established", "A body set up a group or function.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("DISSOLVED", _ACTORS_TO_SUBJECTS, "gg:dissolved", "A body closed a group or project.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("TABLED", _ACTORS_TO_SUBJECTS, "gg:tabled", "A body tabled (bordlade) a matter.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("REFERRED_BACK", _ACTORS_TO_SUBJECTS, "gg:referredBack", "A body referred a matter back (återremiss).",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("NOTED", _ACTORS_TO_SUBJECTS, "gg:noted", "A body took note of a matter.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN}),
    EdgeType("MANDATED", (("Body", "Person"), ("Body", "Body"), ("Body", "Organization")), "gg:mandated",
             "A body gave a person or body a task.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN, "task": STRING}),
    EdgeType("ALLOCATED", _ACTORS_TO_SUBJECTS, "gg:allocated", "A body allocated money.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN, "amount_sek": INT64, "purpose": STRING}),
    EdgeType("APPOINTED", (("Body", "Person"),), "gg:appointed", "A body appointed a person to a post.",
             {"date": STRING, "decision": STRING, "reported": BOOLEAN, "post": STRING}),
]}

# decision kind -> the direct edge written from the deciding body
KIND_EDGE: dict[str, str] = {
    "approve": "APPROVED", "recommend": "RECOMMENDED", "reject": "REJECTED",
    "assign": "MANDATED", "allocate": "ALLOCATED", "establish": "ESTABLISHED",
    "dissolve": "DISSOLVED", "appoint": "APPOINTED", "table": "TABLED",
    "refer_back": "REFERRED_BACK", "note": "NOTED",
}

# RDF namespaces used by the mapping (see docs/linked-data.md)
NAMESPACES: dict[str, str] = {
    "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "mandaat": "http://data.vlaanderen.be/ns/mandaat#",
    "person": "http://www.w3.org/ns/person#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "gg": "https://w3id.org/govgraph/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "spdx": "http://spdx.org/rdf/terms#",
}

# RDF: node property -> predicate (CURIE) used by export/rdf.py; None = not exported as a
# literal (carried by a relationship instead, or local only such as file paths). The
# exporter types values from the property type (INT64 -> xsd:integer, …); kinds become SKOS
# concepts of govgraph's vocabulary (schema/govgraph.ttl).
PROPERTY_RDF: dict[str, dict[str, str | None]] = {
    "Document": {"name": "dct:title", "path": None, "sha256": "spdx:checksum",
                 "media_type": "dct:format", "pages": "gg:pages", "ocr": "gg:ocr",
                 "ocr_confidence": "gg:ocrConfidence", "flags": "gg:flag", "loaded_at": None},
    "Meeting": {"title": "dct:title", "body": None, "date": "dct:date", "place": "prov:atLocation"},
    "AgendaItem": {"number": "gg:number", "title": "dct:title", "ordinal": "schema:position",
                   "meeting": None, "date": None},
    "Decision": {"kind": "dct:type", "subject": "eli:title", "text": "eli:description", "by": "gg:deciderName",
                 "assignee": None, "amount_sek": "gg:allocates", "reported": "gg:reported",
                 "date": "eli:date_document", "item": None, "meeting": None},
    "Person": {"name": "foaf:name", "aliases": "skos:altLabel", "given_name": "foaf:givenName",
               "family_name": "foaf:familyName", "party": "gg:party"},
    "Post": {"name": "skos:prefLabel", "of_name": None},
    "Body": {"name": "skos:prefLabel", "kind": "org:classification", "aliases": "skos:altLabel"},
    "Organization": {"name": "skos:prefLabel", "kind": "org:classification",
                     "aliases": "skos:altLabel", "kommunkod": "org:identifier",
                     "county_code": "org:identifier", "org_number": "org:identifier",
                     "wikidata": "owl:sameAs"},
    "Agreement": {"name": "eli:title", "kind": "dct:type", "aliases": "skos:altLabel"},
}
# RDF classes that depend on a node's kind (they replace NodeType.rdf_types): political bodies
# (fullmäktige, styrelse, nämnd) are LBLOD besluit:Bestuursorgaan rather than collaborations
# across organisations; municipalities and regions are besluit:Bestuurseenheid.
KIND_RDF_TYPES: dict[tuple[str, str], tuple[str, ...]] = {
    **{("Body", k): ("besluit:Bestuursorgaan", "org:Organization") for k in ("assembly", "board", "committee")},
    **{("Organization", k): ("besluit:Bestuurseenheid", "org:FormalOrganization", "org:Organization")
       for k in ("municipality", "region")},
}
# relationships whose RDF property points the other way (object -> subject)
RDF_INVERSE_EDGES: frozenset[str] = frozenset({"HELD", "DECIDED", "PRESENTED", "PARTY_TO"})


def node(label: str) -> NodeType:
    try:
        return NODES[label]
    except KeyError:
        raise KeyError(f"unknown node label {label!r}; known: {', '.join(NODES)}") from None


def edge(rel_type: str) -> EdgeType:
    try:
        return EDGES[rel_type]
    except KeyError:
        raise KeyError(f"unknown relationship type {rel_type!r}; known: {', '.join(EDGES)}") from None


def allowed(rel_type: str, from_label: str, to_label: str) -> bool:
    return (from_label, to_label) in edge(rel_type).pairs
