"""Every Cypher statement the stores send, generated from the schema by one set of functions.

Both stores get the same text; the few functions the two Cypher dialects spell differently
(type casts, list union, list removal, how a batch of rows travels) come from a
:class:`Dialect`. Labels, relationship
types and property names are taken from ``govgraph.schema`` only; every value is a parameter
(``$rows``, ``$doc``, …), never part of the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ...schema import EDGES, NODES
from ...schema.core import PROVENANCE_EDGE
from .ddl import LADYBUG_TYPES, ident

# list properties that are unions over documents (a shared node keeps every value it was given)
UNION_LISTS = ("aliases",)


# the properties that find a row's nodes (they travel in ``$keys`` in the columnar layout)
KEY_PROPS = ("id", "src", "dst")


@dataclass(frozen=True)
class Dialect:
    """The spellings that differ between LadybugDB (Kuzu Cypher) and Neo4j Cypher.

    A batch of rows travels as ``$rows``, a list of maps (Neo4j: its driver packs maps
    cheaply), or column-wise (LadybugDB): ``$keys`` holds each row's ids (``id`` or
    ``src``/``dst``) and its row number ``i``, and every other property is one list
    parameter ``$c_<prop>`` read at ``r.i``. The engine converts a list of wide structs
    several times slower than flat lists, which made parameter passing the largest cost of a
    load; the ids stay in a (narrow) struct so that ``MATCH (n {id: r.id})`` remains a
    primary-key lookup (an id taken from a list by index makes the planner scan the table).
    """
    name: str
    columnar: bool = False

    def each_row(self) -> str:
        """The clause that makes one row ``r`` per batch row."""
        return "UNWIND $keys AS r" if self.columnar else "UNWIND $rows AS r"

    def value(self, prop: str, typ: str = "STRING") -> str:
        """The expression of property ``prop`` (schema type ``typ``) of the current row.

        Columns are cast whole to a typed list (the engine folds the cast once per batch): a
        column of nulls has no type of its own.
        """
        if prop in KEY_PROPS:
            return f"r.{prop}"
        if self.columnar:
            return f"CAST($c_{prop} AS {LADYBUG_TYPES[typ]}[])[r.i]"
        return f"r.{ident(prop)}"       # Neo4j types parameter values itself

    def bind(self, rows: list[dict[str, Any]], props: Sequence[str]) -> dict[str, Any]:
        """The parameters that carry ``rows`` (each has every one of ``props``).

        Column-wise, a missing list value travels as the empty list: the engine cannot type
        a column that mixes lists and nulls.
        """
        if not self.columnar:
            return {"rows": rows}
        keys = [k for k in KEY_PROPS if k in props]
        out: dict[str, Any] = {"keys": [{"i": n, **{k: r[k] for k in keys}} for n, r in enumerate(rows, 1)]}
        for p in props:
            if p in keys:
                continue
            col = [r.get(p) for r in rows]
            if any(isinstance(v, list) for v in col):
                col = [[] if v is None else v for v in col]
            out[f"c_{p}"] = col
        return out

    def empty_list(self) -> str:
        return "CAST([] AS STRING[])" if self.name == "ladybug" else "[]"

    def union(self, current: str, new: str) -> str:
        """``current`` plus the values of ``new`` it lacks (``new`` is already distinct)."""
        cur = f"coalesce({current}, {self.empty_list()})"
        if self.name == "ladybug":
            return f"list_distinct(list_concat({cur}, {new}))"
        return f"{cur} + [x IN {new} WHERE NOT x IN {cur}]"


LADYBUG = Dialect("ladybug", columnar=True)
NEO4J = Dialect("neo4j")


# --------------------------------------------------------------------------- writes
def node_set_clause(label: str, d: Dialect) -> str:
    """``SET`` of every schema property from row ``r`` onto node ``n``.

    Scalars: a new non-null value wins, a null keeps what the store has. ``aliases``: union.
    Other lists: replaced when given. (A node's ``sources`` are its RECORDED_IN
    relationships, written with the other relationships.)
    """
    parts = []
    for prop, typ in NODES[label].stored_properties.items():
        if prop == "id":
            continue
        p = ident(prop)
        value = d.value(prop, typ)
        if prop in UNION_LISTS:
            parts.append(f"n.{p} = {d.union(f'n.{p}', value)}")
        else:
            parts.append(f"n.{p} = coalesce({value}, n.{p})")
    return "SET " + ", ".join(parts)


def node_merge(label: str, d: Dialect) -> str:
    """Upsert nodes by id (Neo4j: MERGE is backed by the uniqueness constraint)."""
    return f"{d.each_row()} MERGE (n:{ident(label)} {{id: {d.value('id')}}}) {node_set_clause(label, d)}"


def node_update(label: str, d: Dialect) -> str:
    """Update nodes known to exist (LadybugDB: a primary-key lookup each)."""
    return f"{d.each_row()} MATCH (n:{ident(label)} {{id: {d.value('id')}}}) {node_set_clause(label, d)}"


def node_lookup(label: str) -> str:
    """Which of the ids in ``$ids`` exist (a primary-key lookup each)."""
    return f"UNWIND $ids AS i MATCH (n:{ident(label)} {{id: i}}) RETURN n.id AS id"


def kept_properties(label: str) -> list[str]:
    """The properties an update may leave as they are (all but ``id``)."""
    return [p for p in NODES[label].stored_properties if p != "id"]


def node_lookup_values(label: str) -> str:
    """The ids in ``$ids`` that exist, with their :func:`kept_properties`."""
    cols = "".join(f", n.{ident(p)} AS {ident(p)}" for p in kept_properties(label))
    return f"UNWIND $ids AS i MATCH (n:{ident(label)} {{id: i}}) RETURN n.id AS id{cols}"


def node_create(label: str, d: Dialect) -> str:
    """Create nodes known not to exist (LadybugDB's UNWIND…MERGE scans the table)."""
    props = ", ".join(f"{ident(p)}: {d.value(p, t)}" for p, t in NODES[label].stored_properties.items())
    return f"{d.each_row()} CREATE (n:{ident(label)} {{{props}}})"


def edge_create(rel_type: str, from_label: str, to_label: str, d: Dialect) -> str:
    """Create one batch of relationships of one type between two labels.

    Two MATCH clauses (not one comma pattern): each endpoint is a primary-key lookup.
    """
    et = EDGES[rel_type]
    if (from_label, to_label) not in et.pairs:
        raise ValueError(f"{rel_type} does not go from {from_label} to {to_label}")
    props = ", ".join(f"{ident(p)}: {d.value(p, t)}" for p, t in et.all_properties.items())
    return (f"{d.each_row()} MATCH (a:{ident(from_label)} {{id: {d.value('src')}}}) "
            f"MATCH (b:{ident(to_label)} {{id: {d.value('dst')}}}) "
            f"CREATE (a)-[e:{ident(rel_type)} {{{props}}}]->(b)")


def node_columns(label: str) -> list[str]:
    """The properties a node row carries (what :meth:`Dialect.bind` needs)."""
    return list(NODES[label].stored_properties)


def edge_columns(rel_type: str) -> list[str]:
    """The properties a relationship row carries: its ends, then the schema properties."""
    return ["src", "dst", *EDGES[rel_type].all_properties]


def edge_groups() -> list[tuple[str, str, str]]:
    """Every (type, from label, to label) the schema allows."""
    return [(t, a, b) for t, et in EDGES.items() for a, b in et.pairs]


# --------------------------------------------------------------------------- deletes
# The nodes a document alone mentions: recorded in it and in no other document. They go
# first, while their RECORDED_IN relationships still say which they are.
DELETE_SOLE_NODES = (f"MATCH (n)-[:{PROVENANCE_EDGE}]->(:Document {{id: $doc}}) WITH DISTINCT n "
                     f"WHERE NOT EXISTS {{ MATCH (n)-[:{PROVENANCE_EDGE}]->(o:Document) WHERE o.id <> $doc }} "
                     f"DETACH DELETE n")
DELETE_DOC_EDGES = "MATCH ()-[e]->() WHERE e.source = $doc DELETE e"
DELETE_DOCUMENT = "MATCH (d:Document {id: $doc}) DETACH DELETE d"


def delete_statements(d: Dialect) -> list[tuple[str, str, list[str]]]:
    """(name, text, parameter names) of the statements that remove one document's facts, in
    order: the nodes only it mentions, every relationship it is the source of (a shared
    node's RECORDED_IN to it among them), the Document node."""
    return [("delete_sole_nodes", DELETE_SOLE_NODES, ["doc"]),
            ("delete_doc_edges", DELETE_DOC_EDGES, ["doc"]),
            ("delete_document", DELETE_DOCUMENT, ["doc"])]


# --------------------------------------------------------------------------- reads
FIND_DOCUMENTS = ("MATCH (d:Document) WHERE d.path = $path OR d.sha256 = $sha256 "
                  "RETURN d.id AS id, d.path AS path, d.sha256 AS sha256, d.name AS name")


def node_read(label: str) -> str:
    cols = ", ".join(f"n.{ident(p)} AS {ident(p)}" for p in NODES[label].stored_properties)
    return f"MATCH (n:{ident(label)}) RETURN {cols} ORDER BY n.id"


def node_sources(label: str) -> str:
    """Each of ``label``'s nodes with the documents of its RECORDED_IN: its ``sources``
    (collected by the engine: one row per node is several times cheaper than one per
    relationship)."""
    return (f"MATCH (n:{ident(label)})-[:{PROVENANCE_EDGE}]->(d:Document) "
            f"RETURN n.id AS id, collect(DISTINCT d.id) AS docs")


def edge_pairs(rel_type: str) -> str:
    """The distinct (from id, to id) pairs of a relationship type."""
    return f"MATCH (a)-[:{ident(rel_type)}]->(b) RETURN DISTINCT a.id AS src, b.id AS dst"


def node_by_id(label: str) -> str:
    cols = ", ".join(f"n.{ident(p)} AS {ident(p)}" for p in NODES[label].stored_properties)
    return f"MATCH (n:{ident(label)} {{id: $id}}) RETURN {cols}"


def edge_read(rel_type: str) -> str:
    """Every relationship of a type, in a stable order (ends, then where it was read)."""
    cols = ", ".join(f"e.{ident(p)} AS {ident(p)}" for p in EDGES[rel_type].all_properties)
    return (f"MATCH (a)-[e:{ident(rel_type)}]->(b) RETURN a.id AS _src, b.id AS _dst, {cols} "
            f"ORDER BY _src, _dst, source, span_start, char_start, quote")


def node_count(label: str) -> str:
    return f"MATCH (n:{ident(label)}) RETURN count(n) AS n"


def edge_count(rel_type: str) -> str:
    return f"MATCH ()-[e:{ident(rel_type)}]->() RETURN count(e) AS n"
