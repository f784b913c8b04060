"""Run every benchmark of ``bench/`` and print one table: result, target, met or not.

    .venv/bin/python bench/run_all.py                 # the issues' sizes: 10,000 protocols (≈ 15 min)
    .venv/bin/python bench/run_all.py --quick         # small sizes, a smoke run (≈ 3 min)
    .venv/bin/python bench/run_all.py --only extract,queries --json
    make bench                                        # the same as the first line

Each benchmark runs as its own process (``bench/bench_*.py``; their own ``--help`` says what
they measure and how). The load benchmark keeps its store, and the query benchmark then runs
on that store, so 10,000 protocols are loaded once. The OCR and format benchmarks are left out
unless named with ``--only`` (they need Tesseract and LibreOffice and take long). Times are
this machine's: run on a quiet machine for numbers worth reporting. The exit status is 1 when
a benchmark misses its target or fails.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
DEFAULT = ("structure", "extract", "pipeline", "ocr-damage", "load", "queries", "rdf")
OPTIONAL = ("ocr", "formats")


@dataclass
class Outcome:
    """One benchmark's line of the summary."""
    name: str
    result: str
    target: str
    met: bool | None            # None: no target (informational)
    seconds: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)


def _run(args: list[str]) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=HERE.parent)
    return proc.returncode, proc.stdout, proc.stderr


def _json(stdout: str) -> dict[str, Any]:
    return json.loads(stdout[stdout.index("{"):])


def _failed(name: str, code: int, err: str, target: str) -> Outcome:
    last = (err.strip().splitlines() or ["no output"])[-1]
    return Outcome(name, f"failed (exit {code}): {last}", target, False)


def structure(quick: bool, work: Path) -> Outcome:
    target = "≥ 200 protocols/s"
    code, out, err = _run([str(HERE / "bench_structure.py"), "--rounds", "10" if quick else "40"])
    if code:
        return _failed("structure", code, err, target)
    line = out.strip().splitlines()[-1]
    rate = float(line.split(" = ")[1].split()[0])
    return Outcome("structure", f"{rate:.0f} protocols/s (seeds, one core)", target, rate >= 200, detail={"line": line})


def extract(quick: bool, work: Path) -> Outcome:
    target = "≥ 100 protocols/s per corpus"
    args = [str(HERE / "bench_extract.py"), "--json"] + (["--rounds", "2", "--synthetic", "30"] if quick else [])
    code, out, err = _run(args)
    if not out.strip():
        return _failed("extract", code, err, target)
    rep = _json(out)
    corpora = {k: v for k, v in rep.items() if isinstance(v, dict) and "protocols_per_s" in v}
    result = ", ".join(f"{k} {v['protocols_per_s']}/s" for k, v in corpora.items())
    return Outcome("extract", result, target, all(v["target_met"] for v in corpora.values()), detail=rep)


def pipeline(quick: bool, work: Path) -> Outcome:
    args = [str(HERE / "bench_pipeline.py"), "--json"] + (["--rounds", "2", "--synthetic", "30"] if quick else [])
    code, out, err = _run(args)
    if code:
        return _failed("pipeline", code, err, "—")
    rep = _json(out)
    return Outcome("pipeline", "CPU per stage (see --json)", "—", None, detail=rep)


def load(quick: bool, work: Path) -> Outcome:
    target = "≥ 50 protocols/s, peak < 2 GB"
    n = 500 if quick else 10_000
    code, out, err = _run([str(HERE / "bench_load.py"), "--n", str(n), "--workdir", str(work), "--json"])
    if code:
        return _failed("load", code, err, target)
    rep = _json(out)
    met = rep["protocols_per_s"] >= 50 and rep["peak_memory_mb"] < 2048
    return Outcome("load", f"{n} protocols: {rep['protocols_per_s']} protocols/s, {rep['facts_per_s']:.0f} facts/s, "
                           f"peak {rep['peak_memory_mb']:.0f} MB, {rep['load_to_extraction_ratio']}× extraction",
                   target, met, detail=rep)


def queries(quick: bool, work: Path) -> Outcome:
    target = "p95 < 100 ms (default mode)"
    store = work / "graph.lbdb"
    args = [str(HERE / "bench_queries.py"), "--json", "--reps", "5" if quick else "30"]
    args += ["--db", str(store)] if store.exists() else ["--n", "500" if quick else "10000",
                                                         "--workdir", str(work)]
    code, out, err = _run(args)
    if not out.strip():
        return _failed("queries", code, err, target)
    rep = _json(out)
    worst = max(rep["results"], key=lambda r: r["default"]["wall_ms"]["p95"])
    return Outcome("queries", f"{len(rep['results'])} cases on {rep['nodes']:,} nodes; worst p95 "
                              f"{worst['default']['wall_ms']['p95']} ms ({worst['query']} {worst['case']})",
                   target, rep["all_ok"], detail=rep)


def rdf(quick: bool, work: Path) -> Outcome:
    target = "≥ 100,000 triples/s, flat memory"
    sizes = ["200", "1000"] if quick else ["1000", "10000"]
    code, out, err = _run([str(HERE / "bench_rdf.py"), "--json", "--protocols", *sizes])
    if not out.strip():
        return _failed("rdf", code, err, target)
    rep = _json(out)
    rates = [r.get("triples_per_s", 0) for r in rep["results"]]
    return Outcome("rdf", f"{min(rates):,.0f}–{max(rates):,.0f} triples/s", target, rep["ok"], detail=rep)


def ocr_damage(quick: bool, work: Path) -> Outcome:
    target = "damaged copies lose ≤ 0.05 overall F1"
    args = [str(HERE / "bench_ocr_damage.py"), "--json"] + (["--copies", "B"] if quick else [])
    code, out, err = _run(args)
    if not out.strip():
        return _failed("ocr-damage", code, err, target)
    rep = _json(out)
    gaps = {f"{name} {copy}": row["clean"]["overall_f1"] - sc["overall_f1"]
            for name, row in rep["sets"].items() for copy, sc in row.items() if copy != "clean"}
    worst = max(gaps, key=gaps.get)
    return Outcome("ocr-damage", f"{len(gaps)} damaged sets; largest loss {gaps[worst]:.3f} ({worst})",
                   target, rep["ok"], detail=rep)


def ocr(quick: bool, work: Path) -> Outcome:
    code, out, err = _run([str(HERE / "bench_ocr.py"), "--pages", "1" if quick else "4"])
    line = (out.strip().splitlines() or [err.strip()])[-1]
    return Outcome("ocr", line[:120], "see bench_ocr.py", code == 0)


def formats(quick: bool, work: Path) -> Outcome:
    code, out, err = _run([str(HERE / "bench_formats.py")])
    line = (out.strip().splitlines() or [err.strip()])[-1]
    return Outcome("formats", line[:120], "see bench_formats.py", code == 0)


BENCHES: dict[str, Callable[[bool, Path], Outcome]] = {
    "structure": structure, "extract": extract, "pipeline": pipeline, "ocr-damage": ocr_damage, "load": load,
    "queries": queries, "rdf": rdf, "ocr": ocr, "formats": formats}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run, not the targets' sizes")
    ap.add_argument("--only", default="", help=f"comma-separated, from: {', '.join(BENCHES)}")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the load benchmark's corpus and store here")
    ap.add_argument("--json", action="store_true", help="every benchmark's own report, as one JSON object")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(DEFAULT)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        ap.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHES)}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for name in names:
        print(f"running {name} …", file=sys.stderr, flush=True)
        t = time.perf_counter()
        o = BENCHES[name](args.quick, work)
        o.seconds = round(time.perf_counter() - t, 1)
        outcomes.append(o)
    if args.json:
        print(json.dumps({o.name: {"result": o.result, "target": o.target, "met": o.met,
                                   "seconds": o.seconds, "report": o.detail} for o in outcomes},
                         ensure_ascii=False, indent=2))
    else:
        width = max(len(o.result) for o in outcomes)
        tw = max(len(o.target) for o in outcomes)
        print(f"{'benchmark':10}  {'result':{width}}  {'target':{tw}}  met")
        for o in outcomes:
            met = "—" if o.met is None else ("yes" if o.met else "NO")
            print(f"{o.name:10}  {o.result:{width}}  {o.target:{tw}}  {met}")
        if args.quick:
            print("(--quick: small sizes; the targets are for the full sizes)")
    return 1 if any(o.met is False for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
