"""Neo4j compatibility check: every Cypher statement govgraph can send to Neo4j, linted by
Neo4j's own parser and semantic analysis (npm ``@neo4j-cypher/language-support``, offline).

What is collected (:func:`collect_statements`):

* each named query's Neo4j text (``NAME.neo4j.cypher`` or ``NAME.cypher``, macros expanded),
* the "close names" look-ups ``govgraph ask`` sends when nothing matched,
* every statement of the Neo4j store — schema DDL (constraints, indexes) and every write and
  read (``govgraph.graph.store.neo4j_store.all_statements()``).

Each is linted once per Cypher version (``CYPHER 5`` and ``CYPHER 25``) against a ``DbSchema``
built from ``govgraph.schema`` — labels, relationship types, property keys, the (from, to)
pattern of every relationship type — with exactly the parameters the statement declares, and
Neo4j's built-in functions (so a LadybugDB-only function such as ``label()`` is an error).

Severity: the parser's errors are errors. Because the schema is closed (the store never holds
another label, type or key), "X is not present in the database" and "has no incoming/outgoing"
warnings about labels, relationship types, property keys and patterns are raised to errors as
well. Other warnings (deprecations, performance notes) are listed.

Run it: ``python -m govgraph.queries.lint`` (exit 1 on any error); the test suite runs it in
``tests/test_cypher_lint.py``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

SCRIPT = Path(__file__).resolve().parent / "cypher_lint.mjs"
PACKAGE = "@neo4j-cypher/language-support"
VERSIONS = ("CYPHER 5", "CYPHER 25")
_CLOSED_SCHEMA = re.compile(r"is not present in the database|has no (incoming|outgoing)")


@dataclass(frozen=True)
class Statement:
    """One statement: where it comes from, its text and the parameters it declares."""
    name: str
    cypher: str
    params: tuple[str, ...] = ()
    params_sample: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Diagnostic:
    statement: str
    version: str
    severity: str          # error | warning | info | hint (after closed-schema escalation)
    message: str
    line: int
    character: int
    excerpt: str

    def __str__(self) -> str:
        return (f"{self.statement}:{self.line}:{self.character}: {self.severity} [{self.version}] "
                f"{self.message.splitlines()[0]}  «{self.excerpt}»")


@dataclass
class LintReport:
    package: str | None
    functions_checked: bool
    statements: int
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


class LintUnavailable(RuntimeError):
    """Node.js or the npm package is missing (the message says how to install them)."""


# --------------------------------------------------------------------------- the schema
def db_schema() -> dict[str, Any]:
    """The ``DbSchema`` of ``lintCypherQuery`` from ``govgraph.schema`` (no functions/params)."""
    from ...schema import EDGES, NODES
    keys: set[str] = set()
    for nt in NODES.values():
        keys.update(nt.stored_properties)
    for et in EDGES.values():
        keys.update(et.all_properties)
    return {
        "labels": sorted(NODES),
        "relationshipTypes": sorted(EDGES),
        "propertyKeys": sorted(keys),
        "graphSchema": [{"from": a, "to": b, "relType": t} for t, et in EDGES.items() for a, b in et.pairs],
    }


_SAMPLES = {"STRING": "", "SEARCH": "", "DATE": "2024-01-01", "YEAR": "2024", "INT64": 0, "BOOLEAN": True}


# --------------------------------------------------------------------------- collecting
def query_statements() -> list[Statement]:
    """Every packaged named query's Neo4j text and its 'close names' look-ups."""
    from .. import library as lib
    queries = lib.discover(include_user=False)
    out = []
    root = Path(lib.PACKAGE_DIR).parents[2]
    for q in queries.values():
        samples = {p.name: _SAMPLES[p.type] for p in q.params}
        for name, cypher, params in lib.all_statements("neo4j", {q.name: q}):
            out.append(Statement(os.path.relpath(name, root), cypher, tuple(params),
                                 {p: samples.get(p, lib.DEFAULT_LIMIT if p == lib.LIMIT_PARAM else "") for p in params}))
    seen = set()
    for q in queries.values():
        for label, prop in q.suggest:
            if (label, prop) not in seen:
                seen.add((label, prop))
                out.append(Statement(f"library.close_names[{label}.{prop}]",
                                     lib.suggest_statement(label, prop)))
    return out


def store_statements() -> list[Statement]:
    """Every statement of the Neo4j store (DDL, writes, reads), from the store's own list."""
    try:
        from ...graph.store.neo4j_store import all_statements
    except ImportError as e:  # pragma: no cover - the store is part of the package
        raise LintUnavailable(f"the Neo4j store has no all_statements() ({e})") from None
    return [Statement(f"neo4j_store.{name}", cypher, tuple(params), {p: None for p in params})
            for name, cypher, params in all_statements()]


def collect_statements() -> list[Statement]:
    return query_statements() + store_statements()


# --------------------------------------------------------------------------- running
def lint_dir() -> Path:
    return Path(os.environ.get("GOVGRAPH_CYPHER_LINT_DIR")
                or Path.home() / ".cache" / "govgraph" / "cypher-lint")


def unavailable_reason() -> str | None:
    """Why the lint cannot run here (None when it can)."""
    if not shutil.which("node"):
        return "Node.js (node) is not installed; install it and run scripts/system-deps.sh"
    if not (lint_dir() / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return (f"{PACKAGE} is not installed in {lint_dir()} (run scripts/system-deps.sh, or "
                f"npm install {PACKAGE}@latest there)")
    return None


def _excerpt(text: str, start: int, end: int) -> str:
    if end <= start:
        end = start + 20
    return " ".join(text[start:end].split())[:60]


_BOUND = re.compile(r"(?:UNWIND|WITH)\s+\$\w+\s+AS\s+([A-Za-z_]\w*)", re.IGNORECASE)


def map_keys(cypher: str) -> list[str]:
    """Keys read from maps bound straight from a parameter (``UNWIND $rows AS r … r.src``).

    They are keys of the parameter's maps, not property keys of the graph, so the closed-schema
    check must not report them.
    """
    keys: list[str] = []
    for var in _BOUND.findall(cypher):
        for key in re.findall(rf"\b{re.escape(var)}\.([A-Za-z_]\w*)", cypher):
            if key not in keys:
                keys.append(key)
    return keys


def _cache_path() -> Path | None:
    if os.environ.get("GOVGRAPH_CYPHER_LINT_CACHE", "1") in ("0", "", "no", "false"):
        return None
    return lint_dir() / "govgraph-lint-cache.json"


def _package_version() -> str | None:
    try:
        meta = lint_dir() / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
        return json.loads(meta.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def _run_node(payload: dict[str, Any], chunks: list[list[list[Any]]], timeout: float) -> list[dict]:
    """Run one node process per chunk of work items, concurrently; return their outputs."""
    env = {**os.environ, "GOVGRAPH_CYPHER_LINT_DIR": str(lint_dir())}
    procs = []
    for chunk in chunks:
        proc = subprocess.Popen(["node", str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        procs.append((proc, json.dumps({**payload, "items": chunk})))
    outs = []
    for proc, data in procs:
        try:
            stdout, stderr = proc.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise RuntimeError(f"cypher_lint.mjs took longer than {timeout:.0f} s") from None
        if proc.returncode == 3:
            raise LintUnavailable(stderr.strip())
        if proc.returncode != 0:
            raise RuntimeError(f"cypher_lint.mjs failed ({proc.returncode}): {stderr.strip()[-2000:]}")
        outs.append(json.loads(stdout))
    return outs


def lint(statements: Iterable[Statement], versions: Iterable[str] = VERSIONS,
         schema: dict[str, Any] | None = None, timeout: float = 600,
         workers: int | None = None) -> LintReport:
    """Lint ``statements`` with Neo4j's parser; raise :class:`LintUnavailable` when it cannot run.

    Work is spread over ``workers`` node processes (default: the CPU count, at most 4). The
    linter is deterministic, so results are cached by (package version, schema, Cypher
    version, text, parameters) in the lint folder; ``GOVGRAPH_CYPHER_LINT_CACHE=0`` turns the
    cache off.
    """
    import hashlib
    reason = unavailable_reason()
    if reason:
        raise LintUnavailable(reason)
    statements = list(statements)
    versions = list(versions)
    schema = schema or db_schema()
    package = _package_version()
    wire = [{"name": s.name, "cypher": s.cypher, "mapKeys": map_keys(s.cypher),
             "parameters": {p: s.params_sample.get(p) for p in s.params}} for s in statements]
    schema_key = json.dumps(schema, sort_keys=True)

    def key(i: int, ver: str) -> str:
        blob = json.dumps([package, schema_key, ver, wire[i]["cypher"], sorted(wire[i]["parameters"]),
                           wire[i]["mapKeys"]], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    cache_file = _cache_path()
    cache: dict[str, Any] = {}
    if cache_file and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    results: dict[tuple[int, str], list[dict]] = {}
    functions_checked = bool(cache.get("__functions_checked__", True))
    todo: list[list[Any]] = []
    for i in range(len(statements)):
        for ver in versions:
            hit = cache.get(key(i, ver))
            if hit is not None:
                results[(i, ver)] = hit
            else:
                todo.append([i, ver])
    if todo:
        n = max(1, min(workers or os.cpu_count() or 1, 4, len(todo)))
        todo.sort(key=lambda it: -len(wire[it[0]]["cypher"]))       # longest first, dealt round
        chunks = [todo[k::n] for k in range(n)]
        for out in _run_node({"schema": schema, "statements": wire}, chunks, timeout):
            functions_checked = functions_checked and bool(out.get("functions_checked"))
            for res in out["results"]:
                results[(res["index"], res["version"])] = res["diagnostics"]
                cache[key(res["index"], res["version"])] = res["diagnostics"]
        if cache_file:
            cache["__functions_checked__"] = functions_checked
            try:
                cache_file.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
            except OSError:
                pass
    diags: list[Diagnostic] = []
    for i, s in enumerate(statements):
        for ver in versions:
            for d in results[(i, ver)]:
                sev = d["severity"]
                if sev == "warning" and _CLOSED_SCHEMA.search(d["message"]):
                    sev = "error"
                diags.append(Diagnostic(s.name, ver, sev, d["message"], d["line"], d["character"],
                                        _excerpt(s.cypher, d["start"], d["end"])))
    # a declared parameter the text never uses is a mistake in the declaration
    from ..library import param_names
    for s in statements:
        unused = [p for p in s.params if p not in param_names(s.cypher)]
        if unused:
            diags.append(Diagnostic(s.name, "-", "warning",
                                    f"declared parameter(s) never used: {', '.join(unused)}", 1, 1, ""))
    return LintReport(package, functions_checked, len(statements), diags)


def main(argv: list[str] | None = None) -> int:
    """``python -m govgraph.queries.lint``: lint everything, print the diagnostics, exit 1 on errors."""
    try:
        report = lint(collect_statements())
    except LintUnavailable as e:
        print(f"cypher lint skipped: {e}")
        return 2
    for d in report.diagnostics:
        print(d)
    print(f"{report.statements} statements × {len(VERSIONS)} Cypher versions linted with "
          f"{PACKAGE} {report.package}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
          + ("" if report.functions_checked else " (function names not checked)"))
    return 1 if report.errors else 0


__all__ = ["Diagnostic", "LintReport", "LintUnavailable", "Statement", "collect_statements",
           "db_schema", "lint", "main", "map_keys", "query_statements", "store_statements", "unavailable_reason"]
