"""Benchmark: semantic extraction speed over the bundled seed protocols, repeated.

    .venv/bin/python bench/bench_extract.py [--rounds 20] [--target 100]

Reports protocols per second of CPU time on one core (process time, so a busy machine does
not distort it) for (a) the extract stage alone (presenters,
decisions, agreements, bodies, organisations, people; parse done once beforehand) and (b) the
full text pipeline read → clean → parse → extract. The target (default 100 protocols/s) is
checked against the full pipeline; exit status 1 when it is missed, so CI can watch it.
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

from govgraph.extract import entities, names, presenters, text
from govgraph.extract.semantic import extract_semantics
from govgraph.pipeline import clean, parse, read

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"


def clear_text_caches() -> None:
    """Forget per-text caches so that repeated seeds cost what new protocols cost."""
    names._find_names.cache_clear()
    names.looks_like_name.cache_clear()
    entities._key.cache_clear()
    entities._similar.cache_clear()
    text._PLAIN_CACHE.clear()
    text.fold.cache_clear()
    presenters._CUE_CACHE.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--target", type=float, default=100.0, help="protocols/s for the full pipeline")
    args = ap.parse_args()
    files = sorted(EXAMPLES.glob("*.txt"))
    if not files:
        print("no example protocols found", file=sys.stderr)
        return 2
    # warm caches (reference data, compiled patterns)
    docs = [clean(read(f)) for f in files]
    parsed = [parse(d) for d in docs]
    for d, p in zip(docs, parsed):
        extract_semantics(d, copy.deepcopy(p))

    per_round = []
    for _ in range(args.rounds):
        ps = [copy.deepcopy(p) for p in parsed]
        clear_text_caches()
        t = time.process_time()
        for d, p in zip(docs, ps):
            extract_semantics(d, p)
        per_round.append(time.process_time() - t)
    extract_rate = len(files) / statistics.median(per_round)

    full = []
    for _ in range(max(3, args.rounds // 4)):
        clear_text_caches()
        t = time.process_time()
        for f in files:
            d = clean(read(f))
            extract_semantics(d, parse(d))
        full.append(time.process_time() - t)
    full_rate = len(files) / statistics.median(full)

    print(f"extract stage:  {extract_rate:8.1f} protocols/s  ({1000 / extract_rate:.1f} ms each, "
          f"{len(files)} seeds x {args.rounds} rounds, median)")
    print(f"full pipeline:  {full_rate:8.1f} protocols/s  ({1000 / full_rate:.1f} ms each, read+clean+parse+extract)")
    ok = full_rate >= args.target
    print(f"target {args.target:.0f} protocols/s (full pipeline): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
