"""``make bench`` (bench/run_all.py): runs the benchmarks and sums them up in one table."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN_ALL = Path(__file__).resolve().parents[1] / "bench" / "run_all.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUN_ALL), *args], capture_output=True, text=True, timeout=600)


def test_make_bench_names_an_existing_script():
    makefile = (RUN_ALL.parents[1] / "Makefile").read_text(encoding="utf-8")
    assert "bench/run_all.py" in makefile and RUN_ALL.exists()


def test_quick_structure_run_reports_its_target():
    res = run("--quick", "--only", "structure", "--json")
    assert res.returncode in (0, 1), res.stderr
    rep = json.loads(res.stdout)["structure"]
    assert rep["target"] == "≥ 200 protocols/s" and rep["met"] in (True, False)
    assert "protocols/s" in rep["result"] and rep["seconds"] > 0


def test_quick_load_then_queries_share_the_store(tmp_path):
    res = run("--quick", "--only", "load,queries", "--workdir", str(tmp_path))
    assert "load " in res.stdout and "queries " in res.stdout, res.stderr
    assert "500 protocols:" in res.stdout
    assert (tmp_path / "graph.lbdb").exists()           # the queries ran on the load's store


@pytest.mark.parametrize("only", ["nope", "structure,nope"])
def test_unknown_benchmark_is_a_usage_error(only):
    res = run("--only", only)
    assert res.returncode == 2 and "unknown benchmark" in res.stderr


def test_ocr_damage_accuracy_is_scored_per_set():
    res = run("--quick", "--only", "ocr-damage", "--json")
    assert res.returncode in (0, 1), res.stderr
    rep = json.loads(res.stdout)["ocr-damage"]
    assert "largest loss" in rep["result"]
    sets = rep["report"]["sets"]
    assert {"seeds", "heldout", "heldout_new"} <= set(sets)
    assert all(set(row) == {"clean", "B"} for row in sets.values())      # --quick: copy B only
    assert all(0 <= row["B"]["overall_f1"] <= 1 for row in sets.values())
