"""Schema DDL for both stores, generated from ``govgraph.schema`` (never written by hand).

* LadybugDB (embedded): one NODE TABLE per label (``id STRING PRIMARY KEY`` + typed
  properties) and one REL TABLE per relationship type with all its (FROM, TO) pairs.
* Neo4j: a uniqueness constraint on ``id`` per label, plus indexes on the properties the
  loader and the queries look up (names, document path/sha256, relationship ``source``).

Labels, types and property names come only from the schema tables, so no input value can
ever reach a DDL statement.
"""
from __future__ import annotations

import re

from ...schema import EDGES, NODES

# schema property types -> LadybugDB column types (the schema uses Kuzu's spelling already)
LADYBUG_TYPES = {"STRING": "STRING", "INT64": "INT64", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN",
                 "STRING[]": "STRING[]"}

# node properties that get a (non-unique) Neo4j index besides the id constraint
NEO4J_NODE_INDEXES: tuple[tuple[str, str], ...] = tuple(
    (label, prop) for label, nt in NODES.items()
    for prop in ("name", "path", "sha256", "date")
    if prop in nt.properties
)

# composite indexes for the named queries' filters and ordered limits (``mandates``/``funding``
# filter decisions by kind and order them by date)
NEO4J_COMPOSITE_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (label, props) for label, props in (("Decision", ("kind", "date")),)
    if label in NODES and all(p in NODES[label].properties for p in props)
)

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    """Check that a label/type/property name from the schema is a plain identifier."""
    if not _IDENT.match(name):
        raise ValueError(f"schema name {name!r} is not a plain identifier")
    return name


def ladybug_node_table(label: str) -> str:
    nt = NODES[label]
    cols = ", ".join(f"{ident(p)} {LADYBUG_TYPES[t]}" for p, t in nt.stored_properties.items() if p != "id")
    return f"CREATE NODE TABLE IF NOT EXISTS {ident(label)}(id STRING PRIMARY KEY, {cols})"


def ladybug_rel_table(rel_type: str) -> str:
    et = EDGES[rel_type]
    pairs = ", ".join(f"FROM {ident(a)} TO {ident(b)}" for a, b in et.pairs)
    cols = ", ".join(f"{ident(p)} {LADYBUG_TYPES[t]}" for p, t in et.all_properties.items())
    return f"CREATE REL TABLE IF NOT EXISTS {ident(rel_type)}({pairs}, {cols})"


def ladybug_ddl() -> list[str]:
    """Every CREATE statement of the embedded store, node tables first."""
    return [ladybug_node_table(label) for label in NODES] + [ladybug_rel_table(t) for t in EDGES]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def neo4j_ddl() -> list[tuple[str, str]]:
    """(name, statement) for every Neo4j constraint and index, all ``IF NOT EXISTS``."""
    out: list[tuple[str, str]] = []
    for label in NODES:
        name = f"gg_{_snake(label)}_id"
        out.append((name, f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                          f"FOR (n:{ident(label)}) REQUIRE n.id IS UNIQUE"))
    for label, prop in NEO4J_NODE_INDEXES:
        name = f"gg_{_snake(label)}_{prop}"
        out.append((name, f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{ident(label)}) ON (n.{ident(prop)})"))
    for label, props in NEO4J_COMPOSITE_INDEXES:
        name = f"gg_{_snake(label)}_{'_'.join(props)}"
        on = ", ".join(f"n.{ident(p)}" for p in props)
        out.append((name, f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{ident(label)}) ON ({on})"))
    for rel_type in EDGES:
        name = f"gg_{rel_type.lower()}_source"
        out.append((name, f"CREATE INDEX {name} IF NOT EXISTS "
                          f"FOR ()-[r:{ident(rel_type)}]-() ON (r.source)"))
    return out
