"""Extraction snapshot: prove that a speed change changes no output.

Runs read → clean → parse → extract on a fixed set of protocols and writes, per file, the
cleaned text, the repairs and the full extraction with provenance (line spans, quotes). A later
``--compare`` run does the same and reports every file whose output differs, with the first
differing line.

    .venv/bin/python bench/snapshot.py --write /tmp/snap-before      # on the old code
    .venv/bin/python bench/snapshot.py --compare /tmp/snap-before    # on the new code
    .venv/bin/python bench/snapshot.py --compare /tmp/snap-before --only 'seeds/*'

The set: the bundled seeds, every held-out protocol in ``tests/data``, OCR-damaged copies A
and B of those (``tests/ocr_damage.py``), and ``--synthetic`` protocols from ``bench/synth.py``
(default 60). The exit status of ``--compare`` is 1 when any file differs.
"""
from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from govgraph.pipeline import extract_file  # noqa: E402
from synth import write_corpus  # noqa: E402
from tests.ocr_damage import damage_file  # noqa: E402

EXAMPLES = ROOT / "src" / "govgraph" / "examples"
DATA = ROOT / "tests" / "data"
SUFFIXES = (".txt", ".md", ".html")
DAMAGE_SEEDS = {"A": 1, "B": 101}


def protocols(work: Path, synthetic: int) -> dict[str, Path]:
    """{snapshot name: file} for every protocol of the snapshot set."""
    clean = {f"seeds/{p.name}": p for p in sorted(EXAMPLES.glob("*.txt"))}
    for d in sorted(DATA.glob("heldout*")):
        for p in sorted(d.iterdir()):
            if p.is_file() and p.suffix in SUFFIXES and p.name != "README.md":
                clean[f"{d.name}/{p.name}"] = p
    out = dict(clean)
    for i, (name, p) in enumerate(clean.items()):
        for copy, base in DAMAGE_SEEDS.items():
            dst = work / "damaged" / copy / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            out[f"damaged-{copy}/{name}"] = damage_file(p, dst, seed=base + i)
    if synthetic:
        for p in write_corpus(work / "synthetic", synthetic, seed=7):
            out[f"synthetic/{p.name}"] = p
    return out


def snapshot(path: Path) -> str:
    ex = extract_file(path)
    doc = {"text": ex.clean.text, "repairs": [asdict(r) for r in ex.clean.repairs],
           "protocol": ex.protocol.to_json(provenance=True)}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True, default=str)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="DIR", help="write a snapshot into DIR")
    mode.add_argument("--compare", type=Path, metavar="DIR", help="compare with the snapshot in DIR")
    ap.add_argument("--synthetic", type=int, default=60, help="synthetic protocols (default 60)")
    ap.add_argument("--only", metavar="GLOB", help="only the snapshot names matching GLOB, e.g. 'seeds/*'")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="govgraph-snap-") as tmp:
        files = protocols(Path(tmp), args.synthetic)
        if args.only:
            files = {n: p for n, p in files.items() if fnmatch.fnmatch(n, args.only)}
        differ = []
        for name, path in files.items():
            got = snapshot(path)
            target = (args.write or args.compare) / (name + ".json")
            if args.write:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(got, encoding="utf-8")
                continue
            want = target.read_text(encoding="utf-8") if target.exists() else ""
            if got != want:
                first = next((d for d in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=0)
                              if d[:1] in "+-" and d[:3] not in ("+++", "---")), "(missing)")
                differ.append(name)
                print(f"DIFFERS {name}: {first[:200]}")
    if args.write:
        print(f"wrote {len(files)} snapshots to {args.write}")
        return 0
    print(f"{len(files) - len(differ)}/{len(files)} identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
