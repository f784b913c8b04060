"""Every Cypher statement the stores send, generated from the schema by one set of functions.

Both stores get the same text; the few functions the two Cypher dialects spell differently
(type casts, list union, list removal) come from a :class:`Dialect`. Labels, relationship
types and property names are taken from ``govgraph.schema`` only; every value is a parameter
(``$rows``, ``$doc``, …), never part of the text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...schema import EDGES, NODES
from .ddl import ident

# list properties that are unions over documents (a shared node keeps every value it was given)
UNION_LISTS = ("sources", "aliases")


@dataclass(frozen=True)
class Dialect:
    """The spellings that differ between LadybugDB (Kuzu Cypher) and Neo4j Cypher."""
    name: str

    def cast(self, expr: str, typ: str) -> str:
        """A parameter value typed as the column (Kuzu infers a null's type as STRING)."""
        if self.name == "ladybug" and typ != "STRING":
            return f"CAST({expr} AS {typ})"
        return expr

    def empty_list(self) -> str:
        return "CAST([] AS STRING[])" if self.name == "ladybug" else "[]"

    def union(self, current: str, new: str) -> str:
        """``current`` plus the values of ``new`` it lacks (``new`` is already distinct)."""
        cur = f"coalesce({current}, {self.empty_list()})"
        if self.name == "ladybug":
            return f"list_distinct(list_concat({cur}, {new}))"
        return f"{cur} + [x IN {new} WHERE NOT x IN {cur}]"

    def remove(self, current: str, value: str) -> str:
        if self.name == "ladybug":
            return f"list_filter({current}, x -> x <> {value})"
        return f"[x IN {current} WHERE x <> {value}]"


LADYBUG = Dialect("ladybug")
NEO4J = Dialect("neo4j")


# --------------------------------------------------------------------------- writes
def node_set_clause(label: str, d: Dialect) -> str:
    """``SET`` of every schema property from row ``r`` onto node ``n``.

    Scalars: a new non-null value wins, a null keeps what the store has. ``sources`` and
    ``aliases``: union. Other lists: replaced when given.
    """
    parts = []
    for prop, typ in NODES[label].all_properties.items():
        if prop == "id":
            continue
        p = ident(prop)
        value = d.cast(f"r.{p}", typ)
        if prop in UNION_LISTS:
            parts.append(f"n.{p} = {d.union(f'n.{p}', value)}")
        else:
            parts.append(f"n.{p} = coalesce({value}, n.{p})")
    return "SET " + ", ".join(parts)


def node_merge(label: str, d: Dialect) -> str:
    """Upsert nodes by id (Neo4j: MERGE is backed by the uniqueness constraint)."""
    return f"UNWIND $rows AS r MERGE (n:{ident(label)} {{id: r.id}}) {node_set_clause(label, d)}"


def node_update(label: str, d: Dialect) -> str:
    """Update nodes known to exist (LadybugDB: a primary-key lookup each)."""
    return f"UNWIND $rows AS r MATCH (n:{ident(label)} {{id: r.id}}) {node_set_clause(label, d)}"


def node_lookup(label: str) -> str:
    """Which of the ids in ``$ids`` exist (a primary-key lookup each)."""
    return f"UNWIND $ids AS i MATCH (n:{ident(label)} {{id: i}}) RETURN n.id AS id"


def node_create(label: str, d: Dialect) -> str:
    """Create nodes known not to exist (LadybugDB's UNWIND…MERGE scans the table)."""
    props = ", ".join(f"{ident(p)}: {d.cast(f'r.{p}', t)}" for p, t in NODES[label].all_properties.items())
    return f"UNWIND $rows AS r CREATE (n:{ident(label)} {{{props}}})"


def edge_create(rel_type: str, from_label: str, to_label: str, d: Dialect) -> str:
    """Create one batch of relationships of one type between two labels.

    Two MATCH clauses (not one comma pattern): each endpoint is a primary-key lookup.
    """
    et = EDGES[rel_type]
    if (from_label, to_label) not in et.pairs:
        raise ValueError(f"{rel_type} does not go from {from_label} to {to_label}")
    props = ", ".join(f"{ident(p)}: {d.cast(f'r.{p}', t)}" for p, t in et.all_properties.items())
    return (f"UNWIND $rows AS r MATCH (a:{ident(from_label)} {{id: r.src}}) "
            f"MATCH (b:{ident(to_label)} {{id: r.dst}}) "
            f"CREATE (a)-[e:{ident(rel_type)} {{{props}}}]->(b)")


def edge_groups() -> list[tuple[str, str, str]]:
    """Every (type, from label, to label) the schema allows."""
    return [(t, a, b) for t, et in EDGES.items() for a, b in et.pairs]


# --------------------------------------------------------------------------- deletes
DOCUMENT_EXISTS = "MATCH (d:Document {id: $doc}) RETURN d.id AS id"
DELETE_DOC_EDGES = "MATCH ()-[e]->() WHERE e.source = $doc DELETE e"
DELETE_DOCUMENT = "MATCH (d:Document {id: $doc}) DETACH DELETE d"
DELETE_ORPHANS = "MATCH (n) WHERE n.sources IS NOT NULL AND size(n.sources) = 0 DETACH DELETE n"


def remove_source(d: Dialect) -> str:
    """Take a document id out of every node's ``sources``."""
    # (a parameter cannot appear inside a LadybugDB lambda: bind it to a variable first)
    return f"MATCH (n) WHERE $doc IN n.sources WITH n, $doc AS d SET n.sources = {d.remove('n.sources', 'd')}"


def delete_statements(d: Dialect) -> list[tuple[str, str, list[str]]]:
    """(name, text, parameter names) of the statements that remove one document's facts, in order."""
    return [("delete_doc_edges", DELETE_DOC_EDGES, ["doc"]), ("remove_source", remove_source(d), ["doc"]),
            ("delete_orphans", DELETE_ORPHANS, []), ("delete_document", DELETE_DOCUMENT, ["doc"])]


# --------------------------------------------------------------------------- reads
FIND_DOCUMENTS = ("MATCH (d:Document) WHERE d.path = $path OR d.sha256 = $sha256 "
                  "RETURN d.id AS id, d.path AS path, d.sha256 AS sha256, d.name AS name")


def node_read(label: str) -> str:
    cols = ", ".join(f"n.{ident(p)} AS {ident(p)}" for p in NODES[label].all_properties)
    return f"MATCH (n:{ident(label)}) RETURN {cols} ORDER BY n.id"


def node_by_id(label: str) -> str:
    cols = ", ".join(f"n.{ident(p)} AS {ident(p)}" for p in NODES[label].all_properties)
    return f"MATCH (n:{ident(label)} {{id: $id}}) RETURN {cols}"


def edge_read(rel_type: str) -> str:
    cols = ", ".join(f"e.{ident(p)} AS {ident(p)}" for p in EDGES[rel_type].all_properties)
    return (f"MATCH (a)-[e:{ident(rel_type)}]->(b) RETURN a.id AS _src, b.id AS _dst, {cols} "
            f"ORDER BY _src, _dst")


def node_count(label: str) -> str:
    return f"MATCH (n:{ident(label)}) RETURN count(n) AS n"


def edge_count(rel_type: str) -> str:
    return f"MATCH ()-[e:{ident(rel_type)}]->() RETURN count(e) AS n"
