"""Benchmark: load N synthetic protocols end to end into a fresh embedded store.

    python bench/bench_load.py                 # 10,000 protocols (takes a while)
    python bench/bench_load.py --n 500 --json

Reports protocols/s and facts/s (nodes + relationships written) for the whole load, the time
spent in the store writes alone, peak memory (``resource.getrusage``), the database size and
the ratio of the load time to bare extraction time (read + clean + parse + extract of the same
files, measured on a sample). Targets: >= 50 protocols/s end to end, peak < 2 GB.
Protocols come from ``bench/synth.py`` (deterministic for a seed).
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import write_corpus  # noqa: E402

from govgraph import pipeline  # noqa: E402
from govgraph.graph.load import GROUP_SIZE, auto_jobs, load_paths  # noqa: E402
from govgraph.graph.store import open_store  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0   # KiB on Linux


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.parent.iterdir() if f.name.startswith(path.name))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="protocols to load (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=300, help="files timed for bare extraction")
    ap.add_argument("--workdir", type=Path, default=None, help="keep corpus and store here")
    ap.add_argument("--jobs", type=int, default=None, help="extraction workers (default: automatic)")
    ap.add_argument("--group-size", type=int, default=None, help="protocols per commit (default: the loader's)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    corpus = work / "corpus"
    db = work / "graph.lbdb"
    if db.exists():
        for f in db.parent.iterdir():
            if f.name.startswith(db.name):
                f.unlink()
    t = time.perf_counter()
    files = sorted(corpus.glob("protocol_*.txt")) if corpus.is_dir() else []
    if len(files) < args.n:
        files = write_corpus(corpus, args.n, seed=args.seed)
    files = files[: args.n]
    gen_s = time.perf_counter() - t

    # bare extraction on a sample (warm: the first file pays for imports and reference data)
    sample = files[: max(1, min(args.sample, len(files)))]
    pipeline.run_document(pipeline.read(sample[0]))
    t = time.perf_counter()
    for f in sample:
        pipeline.run_document(pipeline.read(f))
    extract_per_doc = (time.perf_counter() - t) / len(sample)

    store = open_store(db=db)
    write_s = 0.0
    real_write = store.write_documents

    def timed_write(docs):
        nonlocal write_s
        t0 = time.perf_counter()
        try:
            return real_write(docs)
        finally:
            write_s += time.perf_counter() - t0

    store.write_documents = timed_write
    counts: dict[str, int] = {}
    totals = {"nodes": 0, "edges": 0, "i": 0}
    jobs = auto_jobs(len(files)) if args.jobs is None else args.jobs
    t = time.perf_counter()
    c0 = time.process_time()

    def progress(r) -> None:
        counts[r.status] = counts.get(r.status, 0) + 1
        totals["nodes"] += r.nodes
        totals["edges"] += r.edges
        totals["i"] += 1
        i = totals["i"]
        if not args.json and i % 500 == 0:
            el = time.perf_counter() - t
            print(f"  {i:>6} protocols  {i / el:6.1f}/s  write {write_s / i * 1000:5.1f} ms/protocol  "
                  f"peak {peak_mb():6.0f} MB", file=sys.stderr, flush=True)

    group = args.group_size or GROUP_SIZE
    load_paths([], store, files=files, jobs=jobs, on_file=progress, group_size=group)
    nodes, edges = totals["nodes"], totals["edges"]
    main_cpu = time.process_time() - c0
    load_s = time.perf_counter() - t
    stats = store.stats()
    store.close()
    n = len(files)
    report = {
        "protocols": n, "statuses": counts,
        "load_seconds": round(load_s, 2),
        "protocols_per_s": round(n / load_s, 1),
        "facts": nodes + edges, "facts_per_s": round((nodes + edges) / load_s, 0),
        "extraction_workers": jobs, "group_size": group,
        "loading_process_cpu_ms_per_protocol": round(main_cpu / n * 1000, 2),
        "store_write_ms_per_protocol": round(write_s / n * 1000, 2),
        "store_write_protocols_per_s": round(n / write_s, 1) if write_s else None,
        "bare_extraction_ms_per_protocol": round(extract_per_doc * 1000, 2),
        "load_to_extraction_ratio": round((load_s / n) / extract_per_doc, 2),
        "peak_memory_mb": round(peak_mb(), 0),
        "peak_memory_workers_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, 0),
        "store_nodes": sum(stats["nodes"].values()), "store_relationships": sum(stats["edges"].values()),
        "store_bytes": dir_size(db),
        "corpus_generation_seconds": round(gen_s, 1),
        "targets": {"protocols_per_s": 50, "peak_memory_mb": 2048},
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for k, v in report.items():
            print(f"{k:34} {v}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
