"""Benchmark: every named query's latency (p50/p95) on the embedded store.

    python bench/bench_queries.py                        # 10,000 synthetic protocols (loads them first)
    python bench/bench_queries.py --n 500 --json
    python bench/bench_queries.py --db /path/graph.lbdb  # an already loaded store
    python bench/bench_queries.py --db /path/graph.lbdb --only funding,mandates --reps 50

The store is filled from ``bench/synth.py`` (deterministic for a seed) by the real loader,
unless ``--db`` names a loaded store; ``--workdir`` keeps corpus and store for the next run.
Arguments come from the store itself (the most connected person, body and agreement, a
frequent word of decision subjects), plus a miss (a name that matches nothing). Each case is
timed as ``govgraph ask`` runs it, query and table together (rows rendered into memory):

* ``default`` — what a person gets: the first ``DEFAULT_LIMIT`` rows and the count of all;
* ``--all`` — every row (``govgraph ask … --all``; also what ``--csv`` gives by default).

Each case and mode is run once to warm up, then ``--reps`` times, alternating the modes; wall
time (what a user waits) and the process's CPU time (less disturbed by other work on the
machine) are both reported. Target: p95 < 100 ms for every query in the default mode.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from govgraph.cli.common import emit_rows  # noqa: E402
from govgraph.graph.store import open_store  # noqa: E402
from govgraph.queries import library as lib  # noqa: E402

TARGET_P95_MS = 100.0


def build_store(n: int, seed: int, work: Path) -> Path:
    """Write the synthetic corpus and load it; resumable (documents already in the store are
    skipped as unchanged), so an interrupted load can be continued by running again."""
    from synth import write_corpus
    from govgraph.graph.load import load_paths
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"graph-{n}-{seed}.lbdb"
    corpus = work / "corpus"
    files = sorted(corpus.glob("protocol_*.txt")) if corpus.is_dir() else []
    if len(files) < n:
        files = write_corpus(corpus, n, seed=seed)
    files = files[:n]
    t = time.perf_counter()
    done = [0]

    def progress(result) -> None:
        done[0] += 1
        if done[0] % 250 == 0:
            print(f"  {done[0]}/{n} protocols ({time.perf_counter() - t:.0f} s)", file=sys.stderr, flush=True)

    with open_store(db=db) as store:
        load_paths([], store, files=files, on_file=progress)
    print(f"store ready: {n} protocols in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return db


def _top(store, cypher: str) -> str | None:
    rows = store.query(cypher)
    return rows[0]["v"] if rows else None


def cases(store) -> dict[str, list[tuple[str, dict]]]:
    """(label, args) per query: typical arguments taken from the store, and a miss."""
    person = _top(store, "MATCH (p:Person)-[r:ATTENDED]->() RETURN p.name AS v, count(r) AS n "
                         "ORDER BY n DESC, v LIMIT 1") or "Anna"
    person2 = _top(store, "MATCH (p:Person)-[r:PRESENTED]->() RETURN p.name AS v, count(r) AS n "
                          "ORDER BY n DESC, v LIMIT 1") or "Erik"
    body = _top(store, "MATCH (b:Body)-[r:DECIDED]->() RETURN b.name AS v, count(r) AS n "
                       "ORDER BY n DESC, v LIMIT 1") or "Chefsgrupp"
    agreement = _top(store, "MATCH (a:Agreement)<-[r]-() RETURN a.name AS v, count(r) AS n "
                            "ORDER BY n DESC, v LIMIT 1") or "Överenskommelse"
    year = (_top(store, "MATCH (d:Decision) WHERE d.kind = 'allocate' AND d.date IS NOT NULL "
                        "RETURN left(d.date, 4) AS v, count(*) AS n ORDER BY n DESC, v LIMIT 1") or "2024")
    miss = "Zyxwvut Qwerty"
    return {
        "who-decided": [("word", {"text": "utskrivning"}), ("agreement", {"text": agreement}),
                        ("miss", {"text": miss})],
        "agreement": [("name", {"name": agreement}), ("word", {"name": "suicid"}), ("miss", {"name": miss})],
        "person": [("name", {"name": person}), ("since", {"name": person, "since": f"{year}-01-01"}),
                   ("miss", {"name": miss})],
        "body": [("name", {"name": body}), ("miss", {"name": miss})],
        "mandates": [("all", {}), ("body+since", {"body": body, "since": f"{year}-01-01"})],
        "funding": [("all", {}), ("body+year", {"body": body, "year": year})],
        "path": [("people", {"a": person, "b": person2}), ("person-body", {"a": person, "b": body}),
                 ("miss", {"a": person, "b": miss})],
    }


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def timed(store, query, qargs: dict, limit: int | None) -> tuple[float, float, int, int]:
    """One run as ``govgraph ask`` does it: (wall ms, CPU ms, rows shown, rows in all)."""
    w, c = time.perf_counter(), time.process_time()
    result = lib.run(store, query, qargs, limit=limit)
    emit_rows(result.rows, result.columns, fmt="table", out=io.StringIO())
    return ((time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000,
            len(result.rows), result.total)


def stats_ms(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 1), "p95": round(pct(values, 0.95), 1),
            "max": round(max(values), 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="synthetic protocols (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", type=Path, default=None, help="use this loaded store instead")
    ap.add_argument("--workdir", type=Path, default=None, help="keep corpus and store here")
    ap.add_argument("--reps", type=int, default=30, help="timed runs per case and mode (default 30)")
    ap.add_argument("--only", default="", help="comma-separated query names (default: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--load-only", action="store_true", help="build (or resume) the store, then stop")
    args = ap.parse_args()

    db = args.db or build_store(args.n, args.seed, args.workdir or Path(tempfile.mkdtemp(prefix="govgraph-qbench-")))
    if args.load_only:
        return 0
    queries = lib.discover(include_user=False)
    only = {q.strip() for q in args.only.split(",") if q.strip()}
    modes = {"default": lib.DEFAULT_LIMIT, "all": None}
    results = []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    with open_store(db=db, read_only=True) as store:
        stats = store.stats()
        for name, runs in cases(store).items():
            if only and name not in only:
                continue
            for label, qargs in runs:
                wall: dict[str, list[float]] = {m: [] for m in modes}
                cpu: dict[str, list[float]] = {m: [] for m in modes}
                shown, total = {}, 0
                for m, limit in modes.items():
                    timed(store, queries[name], qargs, limit)            # warm-up
                for _ in range(args.reps):
                    for m, limit in modes.items():
                        w, c, shown[m], total = timed(store, queries[name], qargs, limit)
                        wall[m].append(w)
                        cpu[m].append(c)
                row = {"query": name, "case": label, "args": qargs, "rows": total,
                       "shown": shown["default"]}
                for m in modes:
                    row[m] = {"wall_ms": stats_ms(wall[m]), "cpu_ms": stats_ms(cpu[m])}
                row["ok"] = row["default"]["wall_ms"]["p95"] < TARGET_P95_MS
                results.append(row)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    summary = {"store": str(db), "nodes": sum(stats["nodes"].values()),
               "relationships": sum(stats["edges"].values()), "reps": args.reps,
               "default_limit": lib.DEFAULT_LIMIT, "load_average_1min": [load, load_after],
               "target_p95_ms": TARGET_P95_MS, "all_ok": all(r["ok"] for r in results), "results": results}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(f"{db}: {summary['nodes']} nodes, {summary['relationships']} relationships; "
              f"{args.reps} runs per case and mode; load average {load} → {load_after}; "
              f"target p95 < {TARGET_P95_MS:.0f} ms (default: first {lib.DEFAULT_LIMIT} rows + count)")
        print(f"{'query':12} {'case':12} {'rows':>6} | {'default wall p50/p95':>20} {'cpu p50/p95':>13} | "
              f"{'--all wall p50/p95':>19} {'cpu p50/p95':>13}")
        for r in results:
            d, a = r["default"], r["all"]
            print(f"{r['query']:12} {r['case']:12} {r['rows']:>6} | "
                  f"{d['wall_ms']['p50']:>9} /{d['wall_ms']['p95']:>8} {d['cpu_ms']['p50']:>6}/{d['cpu_ms']['p95']:>6} | "
                  f"{a['wall_ms']['p50']:>8} /{a['wall_ms']['p95']:>8} {a['cpu_ms']['p50']:>6}/{a['cpu_ms']['p95']:>6}"
                  f"{'' if r['ok'] else '  over target'}")
    return 0 if summary["all_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
