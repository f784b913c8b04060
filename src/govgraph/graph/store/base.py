"""The store interface (docs/ARCHITECTURE.md) and the logic both stores share.

A backend supplies four primitives — run a read, run work in one write transaction, upsert
one batch of nodes of one label, convert a driver value — and inherits everything else:
document status, the per-document replace-in-one-transaction write, deletes, iteration,
networkx export, entity lists for the resolver and counts. All statement text comes from
:mod:`.statements`, generated from the schema.
"""
from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence, TypeVar

import networkx as nx

from ...model import GovgraphError
from ...schema import EDGES, NODES
from ...schema.core import PROVENANCE_EDGE
from . import statements as S

T = TypeVar("T")
Run = Callable[[str, "dict[str, Any] | None"], "list[dict[str, Any]]"]

# write order: nodes first (any order), then relationships
NODE_ORDER = tuple(NODES)


class StoreError(GovgraphError):
    """The store could not be opened, or refused a query/write (message says what to do)."""


class ReadOnlyError(StoreError):
    """A write was attempted through a read-only store or query."""


# --------------------------------------------------------------------------- typed values
def coerce(value: Any, typ: str) -> Any:
    """A Python value as the schema type ``typ`` (None stays None; bad values become None)."""
    if value is None:
        return None
    try:
        if typ == "STRING":
            if isinstance(value, (list, tuple, set)):
                return "; ".join(str(v) for v in value)
            return str(value)
        if typ == "INT64":
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, float):
                return None if not math.isfinite(value) else int(value)
            return int(str(value).strip())
        if typ == "DOUBLE":
            f = float(value)
            return f if math.isfinite(f) else None
        if typ == "BOOLEAN":
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "ja")
            return bool(value)
        if typ == "STRING[]":
            items = [value] if isinstance(value, str) else list(value)
            out: list[str] = []
            for v in items:
                if v is None:
                    continue
                s = str(v)
                if s not in out:
                    out.append(s)
            return out
    except (TypeError, ValueError):
        return None
    raise ValueError(f"unknown schema type {typ!r}")


# --------------------------------------------------------------------------- write plan
@dataclass
class WritePlan:
    """One document's subgraph as statement batches: rows per label and per edge group."""
    doc_id: str
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def n_nodes(self) -> int:
        return sum(len(v) for v in self.nodes.values())

    @property
    def n_edges(self) -> int:
        return sum(len(v) for v in self.edges.values())


# value types that need no conversion for a schema type (the common case, checked first)
_PLAIN = {"STRING": str, "INT64": int, "DOUBLE": float, "BOOLEAN": bool}


def _typed(value: Any, typ: str) -> Any:
    if value is None or (type(value) is _PLAIN.get(typ)):
        return value
    return coerce(value, typ)


def plan_document(doc_id: str, graph: nx.MultiDiGraph) -> WritePlan:
    """Validate a document subgraph against the schema and batch it.

    Every relationship gets ``source = doc_id`` (the facts of a document are the facts it is
    the source of, which is what a replace deletes). A node's provenance is its RECORDED_IN
    relationship to the document: a node of the graph that has none gets a bare one (no item,
    no quote), so that every stored node says which documents mention it. Properties outside
    the schema (``sources`` among them: the stores derive it) are not stored.
    """
    plan = WritePlan(doc_id)
    labels: dict[str, str] = {}
    for node_id, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if label not in NODES:
            raise StoreError(f"node {node_id!r} has label {label!r}, which the schema does not know")
        labels[node_id] = label
        row: dict[str, Any] = {"id": str(node_id)}
        for prop, typ in NODES[label].stored_properties.items():
            if prop != "id":
                row[prop] = _typed(attrs.get(prop), typ)
        for prop in S.UNION_LISTS:
            if prop in row and row[prop] is None:
                row[prop] = []
        plan.nodes.setdefault(label, []).append(row)
    edge_props = {t: tuple(e.all_properties.items()) for t, e in EDGES.items()}
    recorded: set[str] = set()
    for src, dst, attrs in graph.edges(data=True):
        rel_type = attrs.get("type")
        if rel_type not in EDGES:
            raise StoreError(f"relationship {src!r}->{dst!r} has type {rel_type!r}, which the schema does not know")
        for end in (src, dst):
            if end not in labels:
                raise StoreError(f"{rel_type} {src!r}->{dst!r}: {end!r} is not a node of the document graph")
        group = (rel_type, labels[src], labels[dst])
        if (group[1], group[2]) not in EDGES[rel_type].pairs:
            raise StoreError(f"{rel_type} cannot go from {group[1]} to {group[2]} ({src!r}->{dst!r})")
        row = {"src": str(src), "dst": str(dst)}
        for prop, typ in edge_props[rel_type]:
            row[prop] = _typed(attrs.get(prop), typ)
        row["source"] = doc_id
        plan.edges.setdefault(group, []).append(row)
        if rel_type == PROVENANCE_EDGE and str(dst) == doc_id:
            recorded.add(str(src))
    unrecorded = [(str(n), lab) for n, lab in labels.items() if lab != "Document" and str(n) not in recorded]
    if unrecorded:
        if labels.get(doc_id) != "Document":
            raise StoreError(f"the graph of {doc_id!r} has no Document node {doc_id!r} to record "
                             f"its nodes in (e.g. {unrecorded[0][0]!r})")
        blank = {p: None for p, _t in edge_props[PROVENANCE_EDGE]}
        for node_id, lab in unrecorded:
            plan.edges.setdefault((PROVENANCE_EDGE, lab, "Document"), []).append(
                {"src": node_id, "dst": doc_id, **blank, "source": doc_id})
    return plan


def merge_plans(plans: list[WritePlan]) -> tuple[dict[str, list[dict[str, Any]]],
                                                 dict[tuple[str, str, str], list[dict[str, Any]]]]:
    """The rows of several plans as one batch per label and per relationship group.

    A node in several plans becomes one row that equals applying the rows in order (what the
    store's SET does): ``aliases`` are unions in first-seen order, any other
    property takes the last non-null value. Relationships are concatenated.
    """
    if len(plans) == 1:
        return plans[0].nodes, plans[0].edges
    nodes: dict[str, dict[str, dict[str, Any]]] = {}
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for plan in plans:
        for label, rows in plan.nodes.items():
            by_id = nodes.setdefault(label, {})
            for row in rows:
                old = by_id.get(row["id"])
                if old is None:
                    by_id[row["id"]] = dict(row)
                    continue
                for prop, value in row.items():
                    if prop in S.UNION_LISTS:
                        have = old.get(prop) or []
                        old[prop] = have + [v for v in (value or []) if v not in have]
                    elif value is not None:
                        old[prop] = value
        for group, rows in plan.edges.items():
            edges.setdefault(group, []).extend(rows)
    return {label: list(by_id.values()) for label, by_id in nodes.items()}, edges


def classify_document(rows: list[dict[str, Any]], path_key: str, sha256: str) -> tuple[str, str | None]:
    """The status of a file given the stored documents with its path or its content."""
    for r in rows:
        if r["path"] == path_key and r["sha256"] == sha256:
            return "unchanged", r["id"]
    for r in rows:
        if r["sha256"] == sha256:
            return "duplicate", r["id"]
    for r in rows:
        if r["path"] == path_key:
            return "changed", r["id"]
    return "new", None


# --------------------------------------------------------------------------- the store
class GraphStore(ABC):
    """Common implementation of the store interface. Use as a context manager."""

    kind: str = ""
    dialect: S.Dialect

    # ------------------------------------------------------------- backend primitives
    @abstractmethod
    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read statement generated by this package (plain values back)."""

    def _stream(self, cypher: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """The rows of a read, one at a time where the backend can (default: :meth:`_read`)."""
        yield from self._read(cypher, params)

    @abstractmethod
    def _write_tx(self, work: Callable[[Run], T]) -> T:
        """Run ``work(run)`` in ONE write transaction; roll back everything if it raises."""

    @abstractmethod
    def _write_nodes(self, run: Run, label: str, rows: list[dict[str, Any]]) -> None:
        """Upsert one batch of nodes of one label inside the current transaction."""

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None,
              write: bool = False) -> list[dict[str, Any]]:
        """Run user Cypher; without ``write`` the database itself refuses changes."""

    @abstractmethod
    def close(self) -> None:
        """Release the database / driver."""

    def _has_table(self, name: str) -> bool:
        return True

    # ------------------------------------------------------------- context manager
    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- documents
    def find_documents(self, path_key: str | None = None, sha256: str | None = None) -> list[dict[str, Any]]:
        """Documents stored under ``path_key`` or with content ``sha256``."""
        if not self._has_table("Document"):
            return []
        return self._read(S.FIND_DOCUMENTS, {"path": path_key, "sha256": sha256})

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored Document node's properties, or None."""
        if not self._has_table("Document"):
            return None
        for row in self._read(S.node_by_id("Document"), {"id": doc_id}):
            return row
        return None

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document as {id, path, sha256, name} (for a batch's status index)."""
        if not self._has_table("Document"):
            return []
        return [{"id": r["id"], "path": r["path"], "sha256": r["sha256"], "name": r["name"]}
                for r in self._read(S.node_read("Document"))]

    def document_status(self, path_key: str, sha256: str) -> tuple[str, str | None]:
        """("new"|"unchanged"|"changed"|"duplicate", doc_id|None).

        unchanged: this path with this content is stored; duplicate: this content is stored
        under another path (the id returned is that document); changed: this path is stored
        with other content (the id returned is the stored document, to be replaced).
        """
        return classify_document(self.find_documents(path_key, sha256), path_key, sha256)

    def _delete(self, run: Run, doc_id: str) -> None:
        for _name, text, params in S.delete_statements(self.dialect):
            run(text, {"doc": doc_id} if params else {})

    def write_document(self, doc_id: str, graph: nx.MultiDiGraph) -> WritePlan:
        """Write one document's subgraph in one transaction, replacing its old facts.

        Returns the plan written (counts of nodes and relationships); raises if it failed
        (nothing of the document is then written).
        """
        (result,) = self.write_documents([(doc_id, graph)])
        if isinstance(result, BaseException):
            raise result
        return result

    def write_documents(self, docs: Sequence[tuple[str, nx.MultiDiGraph] | WritePlan]
                        ) -> list[WritePlan | Exception]:
        """Write several documents' subgraphs, each all-or-nothing, replacing old versions.

        The group is written in one transaction (one statement per label and per
        relationship group for all of them: the per-statement and per-commit costs are
        shared). If that transaction fails, it is rolled back and every document is written
        again in a transaction of its own, so a bad document fails alone and leaves nothing
        behind. Returns, per document in order, its :class:`WritePlan` or the exception that
        stopped it. The result equals writing the documents one by one, in order. A document
        is ``(doc_id, graph)`` or the :class:`WritePlan` of :func:`plan_document` (so that a
        loader can plan in one thread while another writes).
        """
        results: list[WritePlan | Exception | None] = [None] * len(docs)
        planned: list[tuple[int, WritePlan]] = []
        for i, doc in enumerate(docs):
            if isinstance(doc, WritePlan):    # planned by the caller (plan_document)
                planned.append((i, doc))
                continue
            try:
                planned.append((i, plan_document(*doc)))
            except StoreError as e:           # refused by the schema before any write
                results[i] = e
        if len(planned) > 1:
            try:
                self._write_tx(lambda run: self._write_plans(run, [p for _, p in planned]))
                for i, plan in planned:
                    results[i] = plan
                planned = []
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception:               # rolled back: find the culprit one by one
                pass
        for i, plan in planned:
            try:
                self._write_tx(lambda run, plan=plan: self._write_plans(run, [plan]))
                results[i] = plan
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:
                results[i] = e
        return results  # type: ignore[return-value]

    def _write_plans(self, run: Run, plans: list[WritePlan]) -> None:
        """The statements of a group of documents, inside the current transaction."""
        stored = run(S.node_lookup("Document"), {"ids": [p.doc_id for p in plans]})
        for row in stored:                  # a changed file: its old facts go first
            self._delete(run, row["id"])
        nodes, edges = merge_plans(plans)
        for label in NODE_ORDER:
            rows = nodes.get(label)
            if rows:
                self._write_nodes(run, label, rows)
        for group, rows in edges.items():
            run(S.edge_create(*group, self.dialect), self.dialect.bind(rows, S.edge_columns(group[0])))

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and every fact it is the only source of (one transaction)."""
        self._write_tx(lambda run: self._delete(run, doc_id))

    # ------------------------------------------------------------- reading the graph
    def _labels(self, label: str | None) -> list[str]:
        if label is None:
            return list(NODES)
        if label not in NODES:
            raise StoreError(f"unknown node label {label!r}; known: {', '.join(NODES)}")
        return [label]

    def _types(self, rel_type: str | None) -> list[str]:
        if rel_type is None:
            return list(EDGES)
        if rel_type not in EDGES:
            raise StoreError(f"unknown relationship type {rel_type!r}; known: {', '.join(EDGES)}")
        return [rel_type]

    def node_sources(self, label: str) -> Callable[[str], list[str]]:
        """``sources(node id)`` for the nodes of ``label``: the documents its RECORDED_IN
        relationships point to, sorted; a Document is its own source (nothing to read)."""
        if label == "Document":
            return lambda node_id: [node_id]
        found: dict[str, list[str]] = {}
        if self._has_table(label) and self._has_table(PROVENANCE_EDGE):
            found = {row["id"]: sorted(row["docs"]) for row in self._read(S.node_sources(label))}
        return lambda node_id: found.get(node_id, [])

    def edge_pairs(self, rel_type: str) -> list[tuple[str, str]]:
        """The distinct (from id, to id) pairs of ``rel_type`` (no properties: cheap)."""
        (t,) = self._types(rel_type)
        if not self._has_table(t):
            return []
        return [(r["src"], r["dst"]) for r in self._read(S.edge_pairs(t))]

    def iter_nodes(self, label: str | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(id, label, properties without nulls, ``sources`` included) for every node (of one
        label)."""
        for lab in self._labels(label):
            if not self._has_table(lab):
                continue
            sources = self.node_sources(lab)
            for row in self._stream(S.node_read(lab)):
                props = {k: v for k, v in row.items() if k != "id" and v is not None}
                props["sources"] = sources(row["id"])
                yield row["id"], lab, props

    def iter_edges(self, rel_type: str | None = None) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source id, target id, type, properties without nulls) for every relationship."""
        for t in self._types(rel_type):
            if not self._has_table(t):
                continue
            for row in self._stream(S.edge_read(t)):
                props = {k: v for k, v in row.items() if k not in ("_src", "_dst") and v is not None}
                yield row["_src"], row["_dst"], t, props

    def to_networkx(self, labels: Sequence[str] | None = None,
                    types: Sequence[str] | None = None) -> nx.MultiDiGraph:
        """The whole graph (node key = id, ``label`` + props; edges with ``type`` + props), or
        only the nodes of ``labels`` and the relationships of ``types`` between them."""
        g = nx.MultiDiGraph()
        for lab in (labels if labels is not None else [None]):
            for node_id, label, props in self.iter_nodes(lab):
                g.add_node(node_id, label=label, **props)
        counts: dict[tuple[str, str, str], int] = {}
        every = labels is None
        edges = (e for t in (types if types is not None else [None]) for e in self.iter_edges(t))
        for src, dst, t, props in edges:
            if not every and (src not in g or dst not in g):
                continue
            n = counts.get((src, dst, t), 0)
            counts[(src, dst, t)] = n + 1
            g.add_edge(src, dst, key=f"{t}:{n}", type=t, **props)
        return g

    def entities(self, label: str) -> list[dict[str, Any]]:
        """Every node of ``label`` as a dict of all schema properties, ``sources`` included
        (lists never null)."""
        (lab,) = self._labels(label)
        if not self._has_table(lab):
            return []
        sources = self.node_sources(lab)
        out = []
        for row in self._read(S.node_read(lab)):
            for prop, typ in NODES[lab].stored_properties.items():
                if typ == "STRING[]" and row.get(prop) is None:
                    row[prop] = []
            row["sources"] = sources(row["id"])
            out.append(row)
        return out

    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "edges": {type: n}} (every schema label/type, zeros included)."""
        nodes = {lab: (self._read(S.node_count(lab))[0]["n"] if self._has_table(lab) else 0) for lab in NODES}
        edges = {t: (self._read(S.edge_count(t))[0]["n"] if self._has_table(t) else 0) for t in EDGES}
        return {"nodes": nodes, "edges": edges}
