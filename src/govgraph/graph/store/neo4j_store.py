"""The Neo4j store (official ``neo4j`` driver).

* Connection: ``Neo4jStore(uri)``; credentials from ``NEO4J_USER`` (default ``neo4j``) and
  ``NEO4J_PASSWORD``, database from ``NEO4J_DATABASE`` (default: the server's default) — never
  from code or the command line.
* Schema: a uniqueness constraint on ``id`` per label and indexes (``ddl.neo4j_ddl()``),
  created ``IF NOT EXISTS`` when the store is opened for writing.
* Writes: one ``session.execute_write`` transaction per document; nodes by ``UNWIND … MERGE``
  (backed by the constraint), relationships by ``UNWIND … CREATE`` per (type, from, to).
* Reads and ``query(write=False)``: ``session.execute_read`` — the server refuses writes in a
  read transaction (GQL status 42N02), whatever the query text.

:func:`all_statements` lists every statement this store can send, so that a check can parse
them all with Neo4j's own parser.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from . import statements as S
from .base import GraphStore, ReadOnlyError, Run, StoreError, T
from .ddl import neo4j_ddl


def all_statements() -> list[tuple[str, str, list[str]]]:
    """(name, Cypher text, parameter names) of EVERY statement the Neo4j store sends."""
    from ...schema import EDGES, NODES
    d = S.NEO4J
    out: list[tuple[str, str, list[str]]] = [(name, text, []) for name, text in neo4j_ddl()]
    for label in NODES:
        out.append((f"merge_{label}", S.node_merge(label, d), ["rows"]))
        out.append((f"read_{label}", S.node_read(label), []))
        out.append((f"read_one_{label}", S.node_by_id(label), ["id"]))
        out.append((f"count_{label}", S.node_count(label), []))
        if label != "Document":
            out.append((f"sources_{label}", S.node_sources(label), []))
    for rel_type, a, b in S.edge_groups():
        out.append((f"create_{rel_type}_{a}_{b}", S.edge_create(rel_type, a, b, d), ["rows"]))
    for rel_type in EDGES:
        out.append((f"read_{rel_type}", S.edge_read(rel_type), []))
        out.append((f"count_{rel_type}", S.edge_count(rel_type), []))
        out.append((f"pairs_{rel_type}", S.edge_pairs(rel_type), []))
    out.append(("lookup_Document", S.node_lookup("Document"), ["ids"]))
    out.append(("find_documents", S.FIND_DOCUMENTS, ["path", "sha256"]))
    out += S.delete_statements(d)
    return out


def _plain(value: Any) -> Any:
    """Driver values as plain JSON-able Python (nodes/relationships as dicts)."""
    from neo4j.graph import Node, Path, Relationship
    if isinstance(value, Node):
        labels = sorted(value.labels)
        return {"_label": labels[0] if labels else None, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):          # neo4j.time types
        return value.iso_format()
    return value


def _records(result: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in rec.items()} for rec in result]


class Neo4jStore(GraphStore):
    kind = "neo4j"
    dialect = S.NEO4J

    def __init__(self, uri: str, read_only: bool = False):
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable
        self.uri = uri
        self.read_only = read_only
        self.database = os.environ.get("NEO4J_DATABASE") or None
        user = os.environ.get("NEO4J_USER", "neo4j")
        password = os.environ.get("NEO4J_PASSWORD")
        auth = (user, password) if password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth)
            self._driver.verify_connectivity()
        except AuthError:
            self._close_driver()
            raise StoreError(f"{uri}: Neo4j refused the credentials; set NEO4J_USER and "
                             f"NEO4J_PASSWORD") from None
        except (ServiceUnavailable, OSError) as e:
            self._close_driver()
            raise StoreError(f"{uri}: cannot reach Neo4j ({str(e).splitlines()[0] if str(e) else e!r}); "
                             f"is the server running (docker compose up -d)?") from None
        except (ValueError, neo4j.exceptions.ConfigurationError) as e:
            self._close_driver()
            raise StoreError(f"{uri}: not a usable Neo4j URI ({e})") from None
        if not read_only:
            self._ensure_schema()

    def _close_driver(self) -> None:
        drv = getattr(self, "_driver", None)
        if drv is not None:
            drv.close()
            self._driver = None

    def _session(self, write: bool) -> Any:
        import neo4j
        return self._driver.session(database=self.database,
                                    default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS)

    def _ensure_schema(self) -> None:
        with self._session(True) as s:
            for _name, text in neo4j_ddl():
                s.run(text).consume()

    # ------------------------------------------------------------------ primitives
    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        from neo4j.exceptions import Neo4jError
        try:
            with self._session(False) as s:
                return s.execute_read(lambda tx: _records(tx.run(cypher, params or {})))
        except Neo4jError as e:
            raise StoreError(f"{self.uri}: read failed: {e.message or e}") from None

    def _write_tx(self, work: Callable[[Run], T]) -> T:
        from neo4j.exceptions import Neo4jError
        if self.read_only:
            raise ReadOnlyError(f"{self.uri}: the store was opened read-only")

        def unit(tx: Any) -> T:
            def run(cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
                return _records(tx.run(cypher, params or {}))
            return work(run)

        try:
            with self._session(True) as s:
                return s.execute_write(unit)
        except Neo4jError as e:
            raise StoreError(f"{self.uri}: write failed and was rolled back: {e.message or e}") from None

    def _write_nodes(self, run: Run, label: str, rows: list[dict[str, Any]]) -> None:
        run(S.node_merge(label, self.dialect), {"rows": rows})

    # ------------------------------------------------------------------ user queries
    def query(self, cypher: str, params: dict[str, Any] | None = None,
              write: bool = False) -> list[dict[str, Any]]:
        from neo4j.exceptions import Neo4jError
        if write and self.read_only:
            raise ReadOnlyError(f"{self.uri}: the store was opened read-only; open it for writing (--write)")
        try:
            with self._session(write) as s:
                fn = s.execute_write if write else s.execute_read
                return fn(lambda tx: _records(tx.run(cypher, params or {})))
        except Neo4jError as e:
            msg = (e.message or str(e)).splitlines()[0]
            code = (getattr(e, "code", "") or "")
            if not write and ("AccessMode" in code or "read access mode" in msg.lower()):
                raise ReadOnlyError(f"the query tries to change the store, which is read-only here "
                                    f"(use --write to allow it): {msg}") from None
            raise StoreError(f"Cypher error: {msg}") from None

    def close(self) -> None:
        self._close_driver()
