"""bench/snapshot.py: the extraction snapshot that proves a speed change changes no output."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parents[1] / "bench" / "snapshot.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SNAPSHOT), *args, "--synthetic", "0"],
                          capture_output=True, text=True, timeout=300)


def test_snapshot_is_stable_and_a_changed_output_is_reported(tmp_path):
    snap = tmp_path / "snap"
    wrote = run("--write", str(snap), "--only", "seeds/000*")
    assert wrote.returncode == 0, wrote.stderr
    files = sorted(snap.rglob("*.json"))
    assert [f.relative_to(snap).as_posix() for f in files] == ["seeds/000_ea0e52ac25122770.txt.json"]
    body = files[0].read_text(encoding="utf-8")
    assert '"quote"' in body and '"text"' in body and '"repairs"' in body     # provenance and cleaned text

    same = run("--compare", str(snap), "--only", "seeds/000*")
    assert same.returncode == 0 and "1/1 identical" in same.stdout, same.stdout + same.stderr

    files[0].write_text(body.replace('"quote"', '"QUOTE"', 1), encoding="utf-8")
    changed = run("--compare", str(snap), "--only", "seeds/000*")
    assert changed.returncode == 1
    assert "DIFFERS seeds/000_ea0e52ac25122770.txt" in changed.stdout and "0/1 identical" in changed.stdout
