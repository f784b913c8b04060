"""Load protocol files into a graph store: read → extract → check → resolve → build → write.

``load_paths(paths, store)`` is what ``govgraph load`` runs. Per file:

1. read (``pipeline.read``; a ReadError fails that file only);
2. ``store.document_status(path_key, sha256)``: an unchanged file is not read further; the
   same content under another path is a *duplicate* and is not loaded twice;
3. cleaning, the "is this minutes at all?" check, then extraction (``pipeline.protocol_of``)
   (``loaders.structure.looks_like_protocol``; ``force`` loads it anyway);
4. the document subgraph (``graph.build.protocol_subgraph``) with a Resolver made once per
   batch from the store's entities (it learns each protocol's new entities as it goes);
5. ``store.write_documents`` — every protocol all-or-nothing, replacing an older version.
   Consecutive protocols are committed together in groups of up to ``group_size`` (one
   statement per label and relationship group for the whole group, one commit); if a group
   fails it is rolled back and its protocols are written one transaction each, so a bad
   protocol fails alone. ``group_size=1`` writes one transaction per protocol.

Any other exception fails that file as "internal error: …" and the batch goes on. Ctrl-C
stops after rolling back the protocols in flight (at most one group); the summary says what
was done. A file's result is reported only once its protocol is committed.

Big batches read and extract in worker processes (``jobs``; steps 1 and 3), while steps 2,
4 and 5 stay in this process in file order, so the graph does not depend on the number of
workers and every write is still one protocol in one transaction.
"""
from __future__ import annotations

import contextlib

import os
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from ..model import GovgraphError, NotAProtocolError, ReadError

STATUSES = ("loaded", "replaced", "unchanged", "duplicate", "skipped", "failed")

# what a folder contributes (a file named explicitly is always tried: the reader sniffs bytes)
DOCUMENT_SUFFIXES = frozenset({
    ".pdf", ".docx", ".odt", ".rtf", ".html", ".htm", ".xhtml", ".txt", ".text", ".md",
    ".markdown", ".rst", ".adoc", ".asciidoc", ".org", ".tex", ".typ",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",
})


@dataclass
class FileResult:
    """What happened to one file."""
    path: str
    status: str                 # one of STATUSES
    detail: str = ""            # the reason (failed/skipped) or "duplicate of X"
    doc_id: str | None = None
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0


@dataclass
class LoadSummary:
    files: list[FileResult] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    total: int = 0              # files that were to be loaded (more than ``files`` if interrupted)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for f in self.files:
            out[f.status] += 1
        return out

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    def to_json(self) -> dict:
        return {"counts": self.counts(), "files": [asdict(f) for f in self.files],
                "interrupted": self.interrupted, "total": self.total,
                "not_reached": max(0, self.total - len(self.files)),
                "seconds": round(self.seconds, 3),
                "facts": {"nodes": sum(f.nodes for f in self.files),
                          "relationships": sum(f.edges for f in self.files)}}


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named directly, plus the document files under named folders (recursively;
    hidden files and folders are skipped). Sorted per argument, duplicates removed."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if not f.startswith(".") and Path(f).suffix.lower() in DOCUMENT_SUFFIXES:
                        found.append(Path(root) / f)
            candidates = sorted(found)
        else:
            candidates = [path]
        for c in candidates:
            key = c.resolve()
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def path_key(path: str | os.PathLike) -> str:
    """The stable key of a file in the store: its absolute, resolved path."""
    return str(Path(path).resolve())


def _reason(e: BaseException) -> str:
    if isinstance(e, NotAProtocolError):
        return f"not a protocol: {e.reason}"
    if isinstance(e, ReadError):
        return e.reason + (f" ({e.hint})" if e.hint else "")
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def _looks_like_protocol(clean) -> tuple[bool, str]:
    try:
        from ..loaders.structure import looks_like_protocol
    except ImportError:          # an older structure module without the check
        return True, ""
    return looks_like_protocol(clean)


class DocumentIndex:
    """The stored documents by path and by content, read once per batch and kept up to date
    (so that the status of each file is a dictionary lookup, not a scan of the store)."""

    def __init__(self, rows: Iterable[dict]):
        self.by_id: dict[str, dict] = {}
        self.by_path: dict[str, list[dict]] = {}
        self.by_sha: dict[str, list[dict]] = {}
        for r in rows:
            self.add(r)

    def add(self, row: dict) -> None:
        self.remove(row["id"])
        self.by_id[row["id"]] = row
        self.by_path.setdefault(row.get("path"), []).append(row)
        self.by_sha.setdefault(row.get("sha256"), []).append(row)

    def remove(self, doc_id: str) -> None:
        row = self.by_id.pop(doc_id, None)
        if row is not None:
            self.by_path[row.get("path")].remove(row)
            self.by_sha[row.get("sha256")].remove(row)

    def status(self, path_key: str, sha256: str) -> tuple[str, str | None]:
        from .store.base import classify_document
        rows = {id(r): r for r in (*self.by_path.get(path_key, []), *self.by_sha.get(sha256, []))}
        return classify_document(list(rows.values()), path_key, sha256)


@dataclass
class Extracted:
    """One file read and extracted (in a worker process): what the loader needs to build and
    write it, or the one-line reason it failed."""
    sha256: str | None = None
    name: str = ""
    protocol: object = None          # model.Protocol
    is_protocol: bool = True
    why: str = ""
    error: str | None = None


def extract_for_load(path: str, ocr: bool = True, force: bool = False) -> Extracted:
    """Read + clean + the minutes check + parse + extract; never raises (runs in workers).
    A text that is no protocol is not extracted unless ``force``."""
    from .. import pipeline
    try:
        raw = pipeline.read(path, ocr=ocr)
        doc = pipeline.clean(raw)
        ok, why = _looks_like_protocol(doc)
        protocol = pipeline.protocol_of(doc) if (ok or force) else None
        return Extracted(raw.sha256, raw.name, protocol, ok, why)
    except GovgraphError as e:
        return Extracted(error=_reason(e))
    except Exception as e:
        return Extracted(error=_internal(e))


def _internal(e: BaseException) -> str:
    msg = str(e).splitlines()[0] if str(e) else ""
    return f"internal error: {type(e).__name__}: {msg}".rstrip(": ")


def _file_sha256(path: Path) -> str | None:
    import hashlib
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def _worker_init() -> None:
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the loading process's business


# protocols committed together by default (see docs/store.md "Loading is idempotent and atomic")
GROUP_SIZE = 64


def auto_jobs(n_files: int) -> int:
    """Extraction worker processes for a batch: none for small batches, else up to 8."""
    if n_files < 16:
        return 0
    return max(1, min((os.cpu_count() or 2) - 1, 8))


@dataclass
class _Pending:
    """A protocol built and waiting for its group's commit."""
    res: FileResult
    doc_id: str
    plan: object                     # store.base.WritePlan (validated, typed rows)
    status: str                      # "new" | "changed" (before the write)
    previous: dict | None            # the index row it replaces (restored if the write fails)
    t0: float


class _Commit:
    """One group of protocols being written (in a writer thread or inline)."""

    def __init__(self, store, group: list[_Pending]):
        self.store = store
        self.group = group
        self.outcomes: list = []
        self.seconds = 0.0
        self._thread = None

    def run(self) -> None:
        t0 = time.perf_counter()
        try:
            self.outcomes = self.store.write_documents([p.plan for p in self.group])
        except BaseException as e:          # the store itself broke: every protocol failed
            self.outcomes = [e] * len(self.group)
        self.seconds = time.perf_counter() - t0

    def start(self) -> None:
        import threading
        self._thread = threading.Thread(target=self.run, name="govgraph-writer", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


class Loader:
    """Loads files into an open store: every protocol all-or-nothing, committed in groups.

    ``feed(path)`` / ``feed_extracted(path, ex)`` take files in order and return the results
    that are final (in file order); ``finish()`` commits what is pending and returns the
    rest. ``load_file(path)`` does both for one file.
    """

    def __init__(self, store, *, force: bool = False, ocr: bool = True,
                 loaded_at: str | None = None, group_size: int = 1, background: bool = True):
        from .resolve import Resolver
        self.store = store
        self.force = force
        self.ocr = ocr
        self.group_size = max(1, int(group_size))
        self.loaded_at = loaded_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        self.resolver = Resolver.from_store(store)
        self.index = DocumentIndex(store.documents())
        self.background = background and self.group_size > 1
        self._results: list[FileResult] = []      # in file order; the tail may be pending
        self._pending: list[_Pending] = []
        self._inflight: _Commit | None = None

    # ---------------------------------------------------------------- feeding files
    def feed(self, path: str | os.PathLike) -> list[FileResult]:
        """Read, extract and build one file; returns the results that are now final."""
        self._run(path, lambda res: self._load(Path(path), res))
        return self._ready()

    def feed_extracted(self, path: str | os.PathLike, ex: Extracted) -> list[FileResult]:
        """Build a file a worker has extracted; returns the results that are now final."""
        def fn(res: FileResult) -> None:
            if ex.error:
                res.status, res.detail = "failed", ex.error
                return
            key = path_key(path)
            if self._settled(key, ex.sha256, res):
                return
            self._write(key, ex.sha256, ex.name, ex.protocol, ex.is_protocol, ex.why, res)
        self._run(path, fn)
        return self._ready()

    def feed_settled(self, path: str | os.PathLike, sha256: str) -> list[FileResult]:
        """A file the caller believes unchanged or duplicate: settle it, or load it fully."""
        settled = False

        def fn(res: FileResult) -> None:
            nonlocal settled
            settled = self._settled(path_key(path), sha256, res)
        res = self._guarded(path, fn)
        if settled or res.detail:          # settled, or the check itself failed
            self._results.append(res)
            return self._ready()
        return self.feed(path)

    def finish(self) -> list[FileResult]:
        """Commit the pending group and wait for it; returns every result not yet returned."""
        self._commit_all()
        return self._ready()

    def load_file(self, path: str | os.PathLike) -> FileResult:
        """Load one file and commit it; never raises except KeyboardInterrupt/SystemExit."""
        out = self.feed(path) + self.finish()
        return out[-1]

    # ---------------------------------------------------------------- internals
    def _guarded(self, path, fn) -> FileResult:
        t0 = time.perf_counter()
        res = FileResult(str(path), "failed")
        try:
            fn(res)
        except GovgraphError as e:
            res.status, res.detail = "failed", _reason(e)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:   # a bug must not stop the batch: one line, the rest goes on
            res.status, res.detail = "failed", _internal(e)
        res.seconds = time.perf_counter() - t0
        return res

    def _run(self, path, fn) -> None:
        self._results.append(self._guarded(path, fn))
        if len(self._pending) >= self.group_size:
            self.flush()

    def _ready(self) -> list[FileResult]:
        """The leading results whose protocols are no longer waiting for a commit."""
        waiting = {id(p.res) for p in self._pending}
        if self._inflight is not None:
            waiting |= {id(p.res) for p in self._inflight.group}
        n = 0
        while n < len(self._results) and id(self._results[n]) not in waiting:
            n += 1
        out, self._results = self._results[:n], self._results[n:]
        return out

    def _status(self, key: str, sha256: str) -> tuple[str, str | None]:
        """The file's status against the store; a protocol still waiting for its commit is
        committed first when the answer depends on it (it might yet fail)."""
        status, existing = self.index.status(key, sha256)
        inflight = self._inflight.group if self._inflight is not None else []
        if existing is not None and any(p.doc_id == existing for p in [*self._pending, *inflight]):
            self._commit_all()
            status, existing = self.index.status(key, sha256)
        return status, existing

    def _settled(self, key: str, sha256: str, res: FileResult) -> bool:
        """Handle unchanged and duplicate files; True when nothing more is to be done."""
        status, existing = self._status(key, sha256)
        if status == "unchanged" and not self.force:
            res.status, res.doc_id = "unchanged", existing
            return True
        if status == "duplicate":
            other = self.index.by_id.get(existing) or {}
            res.status, res.doc_id = "duplicate", existing
            res.detail = f"duplicate of {other.get('path') or other.get('name') or existing}"
            # this path held other content before: its old facts are no longer in any file
            stale = [d for d in self.index.by_path.get(key, []) if d["id"] != existing]
            if stale:
                self._commit_all()    # keep the store's order of events
            for d in stale:
                self.store.delete_document(d["id"])
                self.index.remove(d["id"])
            return True
        return False

    def _load(self, path: Path, res: FileResult) -> None:
        from .. import pipeline
        raw = pipeline.read(path, ocr=self.ocr)
        key = path_key(path)
        if self._settled(key, raw.sha256, res):
            return
        doc = pipeline.clean(raw)
        ok, why = _looks_like_protocol(doc)
        protocol = pipeline.protocol_of(doc) if (ok or self.force) else None
        self._write(key, raw.sha256, raw.name, protocol, ok, why, res)

    def _write(self, key: str, sha256: str, name: str, protocol, ok: bool, why: str,
               res: FileResult) -> None:
        """Build the protocol's subgraph and queue it for its group's commit."""
        from .build import protocol_subgraph
        from .ids import document_id
        from .store.base import plan_document
        if not ok and not self.force:
            res.status, res.detail = "skipped", f"not a protocol: {why} (use --force to load it anyway)"
            return
        status, _ = self._status(key, sha256)
        doc_id = document_id(key, name)
        protocol.path = protocol.path or key
        graph = protocol_subgraph(protocol, self.resolver, doc_id, path=key, loaded_at=self.loaded_at)
        # planned here (schema check, typed rows), not in the writer thread, which is the
        # slower of the two; a graph the schema refuses fails this file only
        plan = plan_document(doc_id, graph)
        previous = self.index.by_id.get(doc_id)
        # later files of the batch must see this one as stored (duplicates, re-reads)
        self.index.add({"id": doc_id, "path": key, "sha256": sha256, "name": name})
        res.status = "pending"
        self._pending.append(_Pending(res, doc_id, plan, status, previous, time.perf_counter()))

    def flush(self) -> None:
        """Start committing the pending protocols (one group).

        With ``background`` the commit runs in a writer thread (the engine releases the GIL)
        while this thread builds the next group; only one commit is in flight at a time, and
        its results become final when it is settled (:meth:`settle`).
        """
        if not self._pending:
            return
        self.settle()
        group, self._pending = self._pending, []
        commit = _Commit(self.store, group)
        self._inflight = commit
        if self.background:
            commit.start()
        else:
            with self._signals_deferred():
                commit.run()
            self.settle()

    def _commit_all(self) -> None:
        """Commit what is pending and wait until nothing is in flight."""
        self.flush()
        self.settle()

    def settle(self) -> None:
        """Wait for the commit in flight and record its results (even through Ctrl-C: a
        protocol is reported exactly when it was committed)."""
        commit, self._inflight = self._inflight, None
        if commit is None:
            return
        with self._signals_deferred():
            commit.wait()
            share = commit.seconds / len(commit.group)
            for p, out in zip(commit.group, commit.outcomes):
                res = p.res
                res.seconds += share
                if isinstance(out, BaseException):
                    res.status = "failed"
                    res.detail = _reason(out) if isinstance(out, GovgraphError) else _internal(out)
                    self.index.remove(p.doc_id)
                    if p.previous is not None:
                        self.index.add(p.previous)
                else:
                    res.status = "loaded" if p.status == "new" else "replaced"
                    res.doc_id, res.nodes, res.edges = p.doc_id, out.n_nodes, out.n_edges

    def abandon(self) -> list[FileResult]:
        """After Ctrl-C: drop what is not yet committing, settle the commit in flight and
        return the results that are final."""
        for p in self._pending:
            self.index.remove(p.doc_id)
        waiting = {id(p.res) for p in self._pending}
        self._pending = []
        self.settle()
        self._results = [r for r in self._results if id(r) not in waiting]
        return self._ready()

    interrupt_pending: bool = False

    @contextlib.contextmanager
    def _signals_deferred(self):
        import signal
        import threading
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def later(signum, frame):
            self.interrupt_pending = True
        old = {sig: signal.signal(sig, later) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)


@contextlib.contextmanager
def _quick_thread_switches(seconds: float = 0.001):
    """Let the writer thread take the GIL back soon after each engine call returns (the
    default 5 ms switch interval made every statement wait for the building thread)."""
    import sys
    old = sys.getswitchinterval()
    sys.setswitchinterval(min(old, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def load_paths(paths: Iterable[str | os.PathLike], store, *, force: bool = False, ocr: bool = True,
               on_file: Callable[[FileResult], None] | None = None,
               files: list[Path] | None = None, jobs: int | None = None,
               group_size: int = GROUP_SIZE) -> LoadSummary:
    """Load files and folders into ``store``; returns the summary (``interrupted`` on Ctrl-C).

    ``jobs``: extraction worker processes (None: :func:`auto_jobs`; 0: extract in this
    process). Workers only read and extract; resolution, building and the writes stay here,
    in file order, so results do not depend on ``jobs``. ``group_size``: protocols committed
    together (each stays all-or-nothing; 1 = one transaction per protocol).
    """
    t0 = time.perf_counter()
    todo = files if files is not None else expand_paths(paths)
    summary = LoadSummary(total=len(todo))
    jobs = auto_jobs(len(todo)) if jobs is None else jobs

    loader: Loader | None = None

    def record(results: list[FileResult]) -> None:
        for r in results:
            summary.files.append(r)
            if on_file:
                on_file(r)

    def done(results: list[FileResult]) -> None:
        record(results)
        if loader is not None and loader.interrupt_pending:
            raise KeyboardInterrupt       # deferred while protocols were being committed

    with _quick_thread_switches():
        try:
            loader = Loader(store, force=force, ocr=ocr, group_size=group_size)
            if jobs <= 0:
                for f in todo:
                    done(loader.feed(f))
            else:
                _load_parallel(loader, todo, jobs, ocr, done)
            done(loader.finish())
        except KeyboardInterrupt:
            summary.interrupted = True
            if loader is not None:
                try:
                    record(loader.abandon())
                except KeyboardInterrupt:
                    pass
    summary.seconds = time.perf_counter() - t0
    return summary


def _load_parallel(loader: Loader, todo: list[Path], jobs: int, ocr: bool,
                   done: Callable[[list[FileResult]], None]) -> None:
    """Extract ahead in ``jobs`` worker processes; build and write here, in order."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    pending: deque = deque()          # (path, future | None, sha256)
    it = iter(todo)
    ahead = max(2, jobs * 3, loader.group_size + jobs)
    try:
        while True:
            while len(pending) < ahead:
                f = next(it, None)
                if f is None:
                    break
                sha = _file_sha256(f)
                # unchanged files and known duplicates need no extraction
                status = loader.index.status(path_key(f), sha)[0] if sha else "new"
                if sha and (status == "duplicate" or (status == "unchanged" and not loader.force)):
                    pending.append((f, None, sha))
                else:
                    pending.append((f, pool.submit(extract_for_load, str(f), ocr, loader.force), sha))
            if not pending:
                break
            f, fut, sha = pending.popleft()
            if fut is None:
                done(loader.feed_settled(f, sha))
            else:
                try:
                    ex = fut.result()
                except Exception as e:          # a worker died (memory, a native crash)
                    ex = Extracted(error=_internal(e))
                done(loader.feed_extracted(f, ex))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
