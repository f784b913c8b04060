"""Benchmark: CPU time per protocol of each pipeline stage (read, clean, parse, extract).

    .venv/bin/python bench/bench_pipeline.py                  # seeds x 10 rounds + 200 synthetic
    .venv/bin/python bench/bench_pipeline.py --rounds 5 --synthetic 0 --json
    .venv/bin/python bench/bench_pipeline.py --profile clean  # cProfile of one stage, top 25

Times are process CPU time (``time.process_time``) on one core, so a busy shared machine does
not distort them. Two inputs: the bundled seed protocols (``src/govgraph/examples``, one of them
badly OCR'd) read again in every round, and a fresh synthetic corpus (``bench/synth.py``,
every file new, so per-text caches do not help). Each stage receives the previous stage's
output computed once beforehand, so a stage's time is its own. Target: the whole text pipeline
(read + clean + parse + extract) at >= 100 protocols/s.
"""
from __future__ import annotations

import argparse
import cProfile
import copy
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import clear_text_caches  # noqa: E402
from synth import write_corpus  # noqa: E402

from govgraph.pipeline import clean, extract, parse, read  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"
STAGES = ("read", "clean", "parse", "extract")


def time_stages(files: list[Path], rounds: int, profile: str | None = None) -> dict[str, float]:
    """Milliseconds of CPU per protocol for each stage over ``rounds`` passes of ``files``."""
    total = dict.fromkeys(STAGES, 0.0)
    prof = cProfile.Profile() if profile else None

    def timed(stage, fn, *args):
        """Run one stage, adding its CPU time to ``total`` (and to the profile if asked)."""
        t = time.process_time()
        if profile == stage:
            prof.enable()
        out = fn(*args)
        if profile == stage:
            prof.disable()
        total[stage] += time.process_time() - t
        return out

    for _ in range(rounds):
        clear_text_caches()                 # a repeated file costs what a new protocol costs
        for f in files:
            raw = timed("read", read, f)
            doc = timed("clean", clean, raw)
            protocol = timed("parse", parse, doc)
            protocol = copy.deepcopy(protocol) if profile else protocol
            timed("extract", extract, doc, protocol)
    n = rounds * len(files)
    out = {k: round(v / n * 1000, 2) for k, v in total.items()}
    out["read+clean"] = round(out["read"] + out["clean"], 2)
    out["total"] = round(sum(total.values()) / n * 1000, 2)
    out["protocols_per_s"] = round(1000 / out["total"], 1) if out["total"] else None
    if prof:
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--rounds", type=int, default=10, help="passes over the seed protocols (default 10)")
    ap.add_argument("--synthetic", type=int, default=200, help="fresh synthetic protocols (default 200; 0 = none)")
    ap.add_argument("--seed", type=int, default=1, help="synthetic corpus seed")
    ap.add_argument("--profile", choices=STAGES, help="print a cProfile of this stage (to stderr)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    seeds = sorted(EXAMPLES.glob("*.txt"))
    if not seeds:
        print("no example protocols found", file=sys.stderr)
        return 2
    time_stages(seeds, 1)                   # warm: imports, reference data, compiled patterns
    report: dict[str, object] = {"seeds": {"files": len(seeds), "rounds": args.rounds,
                                           "ms_per_protocol": time_stages(seeds, args.rounds, args.profile)}}
    if args.synthetic > 0:
        with tempfile.TemporaryDirectory(prefix="govgraph-bench-") as tmp:
            files = write_corpus(Path(tmp), args.synthetic, seed=args.seed)
            report["synthetic"] = {"files": len(files),
                                   "ms_per_protocol": time_stages(files, 1, args.profile)}
    report["target_protocols_per_s"] = 100
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for label in ("seeds", "synthetic"):
        if label not in report:
            continue
        r = report[label]
        ms = r["ms_per_protocol"]
        print(f"{label} ({r['files']} files" + (f" x {r['rounds']} rounds" if "rounds" in r else "") + ")")
        for k in (*STAGES, "read+clean", "total"):
            print(f"  {k:12} {ms[k]:8.2f} ms/protocol")
        print(f"  {'full':12} {ms['protocols_per_s']:8.1f} protocols/s (CPU, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
