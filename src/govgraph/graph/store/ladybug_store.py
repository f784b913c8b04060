"""The embedded store: LadybugDB (a Kùzu fork), a single database file plus its ``.wal``.

* Schema: one node table per label, one rel table per type (``ddl.ladybug_ddl()``), created
  on first write-open; columns added to the schema later are added with ``ALTER TABLE``.
* Writes: one ``BEGIN TRANSACTION … COMMIT`` per document; any error rolls the whole document
  back. Statements are prepared once per connection and reused.
* Read-only: ``read_only=True`` opens the database read-only, so the engine itself refuses
  writes; on a read-write handle ``query(write=False)`` runs in ``BEGIN TRANSACTION READ ONLY``.
* Files are created user-only (0700 folder, 0600 files).
"""
from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

import ladybug as lb

from ...schema import EDGES, NODES
from . import statements as S
from .base import GraphStore, ReadOnlyError, Run, StoreError, T
from .ddl import LADYBUG_TYPES, ladybug_node_table, ladybug_rel_table

# files the engine keeps beside the database file
SIDE_SUFFIXES = (".wal", ".lock", ".shadow", ".tmp")
# The engine keeps the changes since the last checkpoint in memory. Its own automatic
# checkpoint (by WAL size, every few hundred protocols) is switched off for writers: a
# checkpoint rewrites the storage of every node group that gained relationships, which on a
# big store costs seconds however little changed, so frequent checkpoints made long loads
# quadratic. Instead the store checkpoints when the process has grown by
# CHECKPOINT_MEMORY_MB since the last one, or every CHECKPOINT_EVERY write transactions,
# whichever comes first, and the engine checkpoints when the store is closed.
CHECKPOINT_EVERY = 256
CHECKPOINT_MEMORY_MB = 384
# node columns of older versions, dropped when a store is opened for writing: ``sources``
# (a node's documents) is now read from its RECORDED_IN relationships
OBSOLETE_NODE_COLUMNS = ("sources",)


def _rss_mb() -> float | None:
    """Resident memory of this process in MB (Linux), else None."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _first_line(e: BaseException) -> str:
    msg = str(e).strip()
    return msg.splitlines()[0] if msg else type(e).__name__


def _is_read_only_refusal(msg: str) -> bool:
    m = msg.lower()
    return "read-only" in m or "read only" in m or "readonly" in m


_TX_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "CHECKPOINT")


def split_statements(cypher: str) -> list[str]:
    """The ``;``-separated statements of a query text (quotes and comments respected)."""
    out, cur, i, n = [], [], 0, len(cypher)
    quote: str | None = None
    while i < n:
        ch = cypher[i]
        if quote:
            cur.append(ch)
            if ch == "\\" and i + 1 < n:
                cur.append(cypher[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in ("'", '"', "`"):
            quote = ch
            cur.append(ch)
        elif cypher.startswith("//", i):
            j = cypher.find("\n", i)
            i = n if j < 0 else j
            continue
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        elif ch == ";":
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur).strip())
    return [st for st in out if st]


def make_private_dirs(path: Path) -> None:
    """Create ``path`` and missing parents with mode 0700 (existing folders are left alone)."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=0o700)
        os.chmod(d, 0o700)


_SCALARS = frozenset({str, int, float, bool})


def _changes(row: dict[str, Any], stored: dict[str, Any], props: list[str]) -> bool:
    """Whether writing ``row`` over ``stored`` would change anything: a non-null value that
    differs, or an alias (a union) that is not yet stored."""
    for p in props:
        value = row.get(p)
        if value is None:
            continue
        if p in S.UNION_LISTS:
            if not set(value) <= set(stored.get(p) or ()):
                return True
        elif value != stored.get(p):
            return True
    return False


def _row(cols: list[str], row: list[Any]) -> dict[str, Any]:
    if all(v is None or type(v) in _SCALARS for v in row):
        return dict(zip(cols, row))             # the common case: nothing to convert
    return dict(zip(cols, (_plain(v) for v in row)))


def _plain(value: Any) -> Any:
    """Engine values as plain JSON-able Python (nodes/relationships as dicts)."""
    if isinstance(value, dict):
        if "_LABEL" in value and ("_ID" in value or "_SRC" in value):
            out: dict[str, Any] = {}
            if "_SRC" in value:
                out["_type"] = value["_LABEL"]
            else:
                out["_label"] = value["_LABEL"]
            for k, v in value.items():
                if not k.startswith("_"):
                    out[k] = _plain(v)
            return out
        if "_NODES" in value and "_RELS" in value:   # a path
            return {"nodes": [_plain(n) for n in value["_NODES"]],
                    "relationships": [_plain(r) for r in value["_RELS"]]}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class LadybugStore(GraphStore):
    kind = "ladybug"
    dialect = S.LADYBUG

    def __init__(self, path: str | os.PathLike, read_only: bool = False):
        path = Path(path).expanduser()
        if path.is_dir():
            path = path / "graph.lbdb"
        self.path = path
        self.read_only = read_only
        self._prepared: dict[str, Any] = {}
        self._tables: set[str] = set()
        self._since_checkpoint = 0
        self._rss_at_checkpoint = _rss_mb()
        if read_only and not path.exists():
            raise StoreError(f"{path}: no graph store here yet — load protocols first "
                             f"(govgraph load FILE… --db {path})")
        if not read_only:
            make_private_dirs(path.parent)
        old_umask = os.umask(0o077)
        try:
            self._db = lb.Database(str(path), read_only=read_only, auto_checkpoint=read_only)
            self._conn = lb.Connection(self._db)
        except Exception as e:  # the engine raises RuntimeError with a message
            raise self._open_error(e) from None
        finally:
            os.umask(old_umask)
        try:
            self._tables = self._show_tables()
            if not read_only:
                self._ensure_schema()
        except Exception:
            self.close()
            raise
        self._secure()

    # ------------------------------------------------------------------ opening
    def _open_error(self, e: BaseException) -> StoreError:
        msg = _first_line(e)
        low = msg.lower()
        if "lock" in low:
            return StoreError(f"{self.path}: the store is in use by another process (a running "
                              f"`govgraph load`?); try again when it has finished")
        if "permission" in low:
            return StoreError(f"{self.path}: permission denied ({msg})")
        return StoreError(f"{self.path}: cannot open the graph store: {msg}")

    def _show_tables(self) -> set[str]:
        res = self._conn.execute("CALL show_tables() RETURN name")
        return {row[0] for row in res.get_all()}

    def _ensure_schema(self) -> None:
        """Create missing tables; add columns the schema gained since the file was made, and
        drop the ones it no longer stores (:data:`OBSOLETE_NODE_COLUMNS`).

        All in one transaction: a new store gets its whole schema or none of it.
        """
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for label in NODES:
                if label not in self._tables:
                    self._conn.execute(ladybug_node_table(label))
                else:
                    self._add_missing_columns(label, NODES[label].stored_properties)
            for rel_type in EDGES:
                if rel_type not in self._tables:
                    self._conn.execute(ladybug_rel_table(rel_type))
                else:
                    self._add_missing_columns(rel_type, EDGES[rel_type].all_properties)
            self._conn.execute("COMMIT")
        except BaseException:
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass
            raise
        self._tables = self._show_tables()

    def _add_missing_columns(self, table: str, props: dict[str, str]) -> None:
        res = self._conn.execute(f"CALL table_info('{table}') RETURN name")
        have = {row[0] for row in res.get_all()}
        for prop, typ in props.items():
            if prop not in have:
                self._conn.execute(f"ALTER TABLE {table} ADD {prop} {LADYBUG_TYPES[typ]}")
        if table in NODES:
            for prop in OBSOLETE_NODE_COLUMNS:
                if prop in have and prop not in props:
                    self._conn.execute(f"ALTER TABLE {table} DROP {prop}")

    def _secure(self) -> None:
        """Keep the database files user-only (the engine may recreate the .wal)."""
        for p in [self.path, *(self.path.with_name(self.path.name + s) for s in SIDE_SUFFIXES)]:
            try:
                st = p.stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077:
                try:
                    os.chmod(p, 0o600)
                except OSError:
                    pass

    def _has_table(self, name: str) -> bool:
        return name in self._tables

    # ------------------------------------------------------------------ primitives
    def _prepare(self, cypher: str) -> Any:
        ps = self._prepared.get(cypher)
        if ps is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                ps = self._conn.prepare(cypher)
            if not ps.is_success():
                raise StoreError(f"internal statement rejected: {ps.get_error_message()}")
            self._prepared[cypher] = ps
        return ps

    def _execute(self, cypher: str, params: dict[str, Any] | None, prepared: bool) -> list[dict[str, Any]]:
        target = self._prepare(cypher) if prepared else cypher
        res = self._conn.execute(target, params or {})
        if isinstance(res, list):       # several statements separated by ';'
            for r in res[:-1]:
                r.close()
            res = res[-1]
        try:
            cols = res.get_column_names()
            return [_row(cols, row) for row in res.get_all()]
        finally:
            res.close()

    def _stream(self, cypher: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a read one at a time (an export of a large store never holds them all as
        Python objects)."""
        try:
            res = self._conn.execute(self._prepare(cypher), params or {})
        except RuntimeError as e:
            raise StoreError(f"{self.path}: read failed: {_first_line(e)}") from None
        try:
            cols = res.get_column_names()
            while res.has_next():
                yield _row(cols, res.get_next())
        finally:
            res.close()

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            return self._execute(cypher, params, prepared=True)
        except RuntimeError as e:
            raise StoreError(f"{self.path}: read failed: {_first_line(e)}") from None

    def _write_tx(self, work: Callable[[Run], T]) -> T:
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: the store was opened read-only")

        def run(cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
            return self._execute(cypher, params, prepared=True)

        self._conn.execute("BEGIN TRANSACTION")
        try:
            result = work(run)
            self._conn.execute("COMMIT")
            self._since_checkpoint += 1
            if self._checkpoint_due():
                self._checkpoint()
        except BaseException as e:
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass      # the engine already rolled back the failed transaction
            if isinstance(e, RuntimeError):
                raise StoreError(f"{self.path}: write failed and was rolled back: {_first_line(e)}") from None
            raise
        finally:
            self._secure()
        return result

    def _checkpoint_due(self) -> bool:
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            return True
        if self._since_checkpoint % 8 == 0 and self._rss_at_checkpoint is not None:
            rss = _rss_mb()
            return rss is not None and rss - self._rss_at_checkpoint > CHECKPOINT_MEMORY_MB
        return False

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (frees the engine's memory)."""
        try:
            self._conn.execute("CHECKPOINT")
        except RuntimeError:
            pass          # not fatal: the engine checkpoints by itself later
        self._since_checkpoint = 0
        self._rss_at_checkpoint = _rss_mb()

    def _write_nodes(self, run: Run, label: str, rows: list[dict[str, Any]]) -> None:
        # UNWIND … MERGE scans the whole table in this engine; an id lookup does not. Look the
        # ids up with their stored values (cheap), create the new nodes, and update those that
        # change — what SET with coalesce/union would do. A node seen again with nothing new
        # (most: a person, a body, an organisation named before) needs no write at all: its
        # new source is its RECORDED_IN relationship.
        stored = {r["id"]: r for r in run(S.node_lookup_values(label), {"ids": [r["id"] for r in rows]})}
        kept = S.kept_properties(label)
        new, changed = [], []
        for r in rows:
            cur = stored.get(r["id"])
            if cur is None:
                new.append(r)
            elif _changes(r, cur, kept):
                changed.append(r)
        cols = S.node_columns(label)
        if changed:
            run(S.node_update(label, self.dialect), self.dialect.bind(changed, cols))
        if new:
            run(S.node_create(label, self.dialect), self.dialect.bind(new, cols))

    # ------------------------------------------------------------------ user queries
    def query(self, cypher: str, params: dict[str, Any] | None = None,
              write: bool = False) -> list[dict[str, Any]]:
        if write and self.read_only:
            raise ReadOnlyError(f"{self.path}: the store was opened read-only; open it for writing (--write)")
        try:
            if write:
                rows = self._execute(cypher, params, prepared=False)
                self._tables = self._show_tables()
                return rows
            if self.read_only:
                return self._execute(cypher, params, prepared=False)
            # a write-opened handle: one statement, inside a READ ONLY transaction (a second
            # statement could end that transaction: "COMMIT; CREATE …")
            parts = split_statements(cypher)
            if len(parts) != 1 or parts[0].split(None, 1)[0].upper() in _TX_CONTROL:
                raise ReadOnlyError("a read-only query must be exactly one statement without "
                                    "transaction control (use --write to allow more)")
            self._conn.execute("BEGIN TRANSACTION READ ONLY")
            try:
                return self._execute(cypher, params, prepared=False)
            finally:
                try:
                    self._conn.execute("COMMIT")
                except RuntimeError:
                    pass
        except RuntimeError as e:
            msg = _first_line(e)
            if not write and _is_read_only_refusal(msg):
                raise ReadOnlyError(f"the query tries to change the store, which is read-only here "
                                    f"(use --write to allow it): {msg}") from None
            raise StoreError(f"Cypher error: {msg}") from None
        finally:
            self._secure()

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._prepared.clear()
        if conn is not None:
            conn.close()
            self._conn = None
        if db is not None:
            db.close()
            self._db = None
        self._secure()
