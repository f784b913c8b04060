"""Load protocol files into a graph store: read → extract → check → resolve → build → write.

``load_paths(paths, store)`` is what ``govgraph load`` runs. Per file:

1. read (``pipeline.read``; a ReadError fails that file only);
2. ``store.document_status(path_key, sha256)``: an unchanged file is not read further; the
   same content under another path is a *duplicate* and is not loaded twice;
3. cleaning, the "is this minutes at all?" check, then extraction (``pipeline.protocol_of``)
   (``loaders.structure.looks_like_protocol``; ``force`` loads it anyway);
4. the document subgraph (``graph.build.protocol_subgraph``) with a Resolver made once per
   batch from the store's entities (it learns each protocol's new entities as it goes);
5. ``store.write_document`` — one transaction per protocol, replacing an older version.

Any other exception fails that file as "internal error: …" and the batch goes on. Ctrl-C
stops after rolling back the protocol in flight; the summary says what was done.

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
OK_STATUSES = ("loaded", "replaced", "unchanged", "duplicate", "skipped")

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


def auto_jobs(n_files: int) -> int:
    """Extraction worker processes for a batch: none for small batches, else up to 8."""
    if n_files < 16:
        return 0
    return max(1, min((os.cpu_count() or 2) - 1, 8))


class Loader:
    """Loads files one protocol (one transaction) at a time into an open store."""

    def __init__(self, store, *, force: bool = False, ocr: bool = True,
                 loaded_at: str | None = None):
        from .resolve import Resolver
        self.store = store
        self.force = force
        self.ocr = ocr
        self.loaded_at = loaded_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        self.resolver = Resolver.from_store(store)
        self.index = DocumentIndex(store.documents())

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

    def load_file(self, path: str | os.PathLike) -> FileResult:
        """Load one file; never raises except KeyboardInterrupt/SystemExit."""
        return self._guarded(path, lambda res: self._load(Path(path), res))

    def precheck(self, path: str | os.PathLike, sha256: str | None) -> FileResult | None:
        """The result for a file that needs no extraction (unchanged, duplicate), else None."""
        if sha256 is None:
            return None
        settled: list[bool] = []
        res = self._guarded(path, lambda r: settled.append(self._settled(path_key(path), sha256, r)))
        return res if (not settled or settled[0]) else None

    def load_extracted(self, path: str | os.PathLike, ex: Extracted) -> FileResult:
        """Build and write a file a worker has extracted."""
        def fn(res: FileResult) -> None:
            if ex.error:
                res.status, res.detail = "failed", ex.error
                return
            key = path_key(path)
            if self._settled(key, ex.sha256, res):
                return
            self._write(key, ex.sha256, ex.name, ex.protocol, ex.is_protocol, ex.why, res)
        return self._guarded(path, fn)

    def _settled(self, key: str, sha256: str, res: FileResult) -> bool:
        """Handle unchanged and duplicate files; True when nothing more is to be done."""
        status, existing = self.index.status(key, sha256)
        if status == "unchanged" and not self.force:
            res.status, res.doc_id = "unchanged", existing
            return True
        if status == "duplicate":
            other = self.index.by_id.get(existing) or {}
            res.status, res.doc_id = "duplicate", existing
            res.detail = f"duplicate of {other.get('path') or other.get('name') or existing}"
            # this path held other content before: its old facts are no longer in any file
            for d in list(self.index.by_path.get(key, [])):
                if d["id"] != existing:
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
        from .build import protocol_subgraph
        from .ids import document_id
        if not ok and not self.force:
            res.status, res.detail = "skipped", f"not a protocol: {why} (use --force to load it anyway)"
            return
        status, _ = self.index.status(key, sha256)
        doc_id = document_id(key, name)
        protocol.path = protocol.path or key
        graph = protocol_subgraph(protocol, self.resolver, doc_id, path=key, loaded_at=self.loaded_at)
        # Ctrl-C/SIGTERM during the commit must not separate "written" from "reported":
        # the signal waits until the result is recorded, then the batch stops.
        with self._signals_deferred():
            plan = self.store.write_document(doc_id, graph)
            self.index.add({"id": doc_id, "path": key, "sha256": sha256, "name": name})
            res.status = "loaded" if status == "new" else "replaced"
            res.doc_id, res.nodes, res.edges = doc_id, plan.n_nodes, plan.n_edges

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


def load_paths(paths: Iterable[str | os.PathLike], store, *, force: bool = False, ocr: bool = True,
               on_file: Callable[[FileResult], None] | None = None,
               files: list[Path] | None = None, jobs: int | None = None) -> LoadSummary:
    """Load files and folders into ``store``; returns the summary (``interrupted`` on Ctrl-C).

    ``jobs``: extraction worker processes (None: :func:`auto_jobs`; 0: extract in this
    process). Workers only read and extract; resolution, building and the one-transaction
    writes stay here, in file order, so results do not depend on ``jobs``.
    """
    t0 = time.perf_counter()
    todo = files if files is not None else expand_paths(paths)
    summary = LoadSummary(total=len(todo))
    jobs = auto_jobs(len(todo)) if jobs is None else jobs

    loader: Loader | None = None

    def done(r: FileResult) -> None:
        summary.files.append(r)
        if on_file:
            on_file(r)
        if loader is not None and loader.interrupt_pending:
            raise KeyboardInterrupt       # deferred while a protocol was being committed

    try:
        loader = Loader(store, force=force, ocr=ocr)
        if jobs <= 0:
            for f in todo:
                done(loader.load_file(f))
        else:
            _load_parallel(loader, todo, jobs, ocr, done)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.seconds = time.perf_counter() - t0
    return summary


def _load_parallel(loader: Loader, todo: list[Path], jobs: int, ocr: bool,
                   done: Callable[[FileResult], None]) -> None:
    """Extract ahead in ``jobs`` worker processes; build and write here, in order."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    pending: deque = deque()          # (path, future | None, sha256)
    it = iter(todo)
    ahead = max(2, jobs * 3)
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
                r = loader.precheck(f, sha)
                done(r if r is not None else loader.load_file(f))
            else:
                try:
                    ex = fut.result()
                except Exception as e:          # a worker died (memory, a native crash)
                    ex = Extracted(error=_internal(e))
                done(loader.load_extracted(f, ex))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
