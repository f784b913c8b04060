"""Graph stores: the embedded LadybugDB store (default) and Neo4j, behind one interface.

>>> from govgraph.graph.store import open_store
>>> with open_store(db="/tmp/g.lbdb") as store:          # doctest: +SKIP
...     store.stats()

``open_store(db=None, neo4j_uri=None, read_only=False)``: Neo4j when ``neo4j_uri`` is given
(credentials from ``NEO4J_USER`` / ``NEO4J_PASSWORD``), else the embedded store at ``db``,
``$GOVGRAPH_DB`` or the per-user data folder (``$XDG_DATA_HOME/govgraph/graph.lbdb``,
default ``~/.local/share/govgraph/graph.lbdb``).
"""
from __future__ import annotations

import os
from pathlib import Path

from .base import GraphStore, ReadOnlyError, StoreError, WritePlan, plan_document

__all__ = ["GraphStore", "ReadOnlyError", "StoreError", "WritePlan", "default_db_path", "open_store",
           "plan_document"]


def default_db_path() -> Path:
    """``$GOVGRAPH_DB``, else ``$XDG_DATA_HOME/govgraph/graph.lbdb`` (~/.local/share/…)."""
    env = os.environ.get("GOVGRAPH_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "govgraph" / "graph.lbdb"


def open_store(db: str | os.PathLike | None = None, neo4j_uri: str | None = None,
               read_only: bool = False) -> GraphStore:
    """Open the graph store (see the module docstring). Raises StoreError with a clear reason."""
    if neo4j_uri:
        from .neo4j_store import Neo4jStore
        return Neo4jStore(neo4j_uri, read_only=read_only)
    from .ladybug_store import LadybugStore
    return LadybugStore(db if db else default_db_path(), read_only=read_only)
