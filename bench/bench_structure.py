"""Benchmark the ``parse`` stage (structure extraction) on the bundled example protocols.

Reads and cleans each example once, then runs ``parse_structure`` over them repeatedly on one
core and reports protocols per second. Target: >= 200 protocols/s for text input.

    .venv/bin/python bench/bench_structure.py [--rounds 40] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from govgraph.loaders.structure import parse_structure
from govgraph.pipeline import clean, read

TARGET = 200.0
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=40, help="passes over the examples (default 40)")
    ap.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = ap.parse_args()

    docs = [clean(read(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    if not docs:
        print(f"no examples in {EXAMPLES}", file=sys.stderr)
        return 1
    for d in docs:                       # warm the reference-data caches
        parse_structure(d)

    prof = cProfile.Profile() if args.profile else None
    if prof:
        prof.enable()
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for _ in range(args.rounds):
        for d in docs:
            parse_structure(d)
            n += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    if prof:
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)
    rate = n / cpu          # CPU time of this one process: other load on the machine does not count
    lines = sum(len(d.lines) for d in docs) * args.rounds
    print(f"parse_structure: {n} protocols in {cpu:.2f} s CPU ({dt:.2f} s wall) = {rate:.0f} protocols/s "
          f"({lines / cpu:,.0f} lines/s) on one core — target {TARGET:.0f}/s: "
          f"{'OK' if rate >= TARGET else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
