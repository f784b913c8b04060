"""Accuracy on OCR-damaged text: protocols with gold, damaged the way a poor scan is, scored.

Each protocol with hand-made gold (seeds 000–003 — 004 is already damaged — and the held-out
sets in ``tests/data``) is damaged by ``tests/ocr_damage.py`` (lost å/ä/ö, l/1/|, rn/m, cl/d,
glued and split words; deterministic for a seed) into copies A (damage seed i + 1) and B
(seed i + 101). ``govgraph`` extracts the clean files and each copy, and
``../shared/eval/score.py`` scores them against the same gold. The gap between the clean and
the damaged scores is what the OCR repair (``loaders/ocr_repair.py``) fails to win back.

    .venv/bin/python bench/bench_ocr_damage.py                    # every set, copies A and B
    .venv/bin/python bench/bench_ocr_damage.py --sets heldout_v3 --copies B --json

Copy A is the one the repair rules were tuned against (session 3); B is the fairer check. The
exit status is 1 when a damaged copy loses more than ``--max-gap`` overall F1 (default 0.05)
against its clean set.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govgraph.pipeline import extract_file  # noqa: E402
from tests.ocr_damage import damage_file  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_GOLD = ROOT.parent / "shared" / "eval" / "gold"
DATA = ROOT / "tests" / "data"
COPIES = {"A": 1, "B": 101}
SUFFIXES = (".txt", ".md", ".html")


def sets() -> dict[str, tuple[list[Path], Path]]:
    """{set name: (protocol files, gold folder)}."""
    out = {"seeds": (sorted(p for p in SEEDS.glob("*.txt") if not p.name.startswith("004")), SEED_GOLD)}
    for d in sorted(DATA.glob("heldout*")):
        files = sorted(p for p in d.iterdir() if p.is_file() and p.suffix in SUFFIXES
                       and (d / "gold" / f"{p.stem}.json").exists())     # not the README
        if files and (d / "gold").is_dir():
            out[d.name] = (files, d / "gold")
    return out


def score(files: list[Path], gold: Path, work: Path) -> dict:
    """Extract ``files`` and score them against the gold of their stems."""
    pred, gold_dir = work / "pred", work / "gold"
    pred.mkdir(parents=True)
    gold_dir.mkdir()
    for f in files:
        g = gold / f"{f.stem}.json"
        (gold_dir / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
        (pred / g.name).write_text(json.dumps(extract_file(f).protocol.to_json(), ensure_ascii=False),
                                   encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_dir), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


CATEGORIES = ("meta", "participants", "officers", "items", "presenters", "decisions", "agreements",
              "bodies", "organizations")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    ap.add_argument("--copies", default="A,B", help="damaged copies to score: A, B or A,B")
    ap.add_argument("--max-gap", type=float, default=0.05, help="allowed overall F1 loss per copy")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"{SCORER} is not present", file=sys.stderr)
        return 2
    available = sets()
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()] or list(available)
    unknown = [s for s in wanted if s not in available]
    copies = [c.strip() for c in args.copies.split(",") if c.strip()]
    if unknown or any(c not in COPIES for c in copies):
        ap.error(f"sets: {', '.join(available)}; copies: {', '.join(COPIES)}")
    report: dict[str, dict] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="govgraph-ocrdamage-") as tmp:
        work = Path(tmp)
        for name in wanted:
            files, gold = available[name]
            row = {"clean": score(files, gold, work / name / "clean")}
            for copy in copies:
                damaged_dir = work / name / f"damaged-{copy}"
                damaged_dir.mkdir(parents=True)
                damaged = [damage_file(f, damaged_dir / f.name, seed=i + COPIES[copy]) for i, f in enumerate(files)]
                row[copy] = score(damaged, gold, work / name / f"scored-{copy}")
                gap = row["clean"]["overall_f1"] - row[copy]["overall_f1"]
                ok &= gap <= args.max_gap
            report[name] = row
    if args.json:
        print(json.dumps({"ok": ok, "max_gap": args.max_gap, "sets": report}, indent=2))
    else:
        head = f"{'set':12} {'copy':5} {'overall':>7}  " + " ".join(f"{c[:6]:>6}" for c in CATEGORIES)
        print(head)
        for name, row in report.items():
            for copy, sc in row.items():
                print(f"{name:12} {copy:5} {sc['overall_f1']:7.3f}  "
                      + " ".join(f"{sc[c]['f1']:6.3f}" for c in CATEGORIES))
        print(f"{'OK' if ok else 'GAP TOO LARGE'}: a damaged copy may lose at most {args.max_gap} overall F1")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
