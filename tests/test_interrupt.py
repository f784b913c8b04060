"""Interrupted loads, in real subprocesses: Ctrl-C (SIGINT) rolls back the protocol in flight,
prints the partial summary and exits 130; a killed process (SIGKILL) leaves a store that opens
with every protocol fully present or absent; the next ``govgraph load`` finishes the job."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
N_FILES = 40
sys.path.insert(0, str(ROOT / "bench"))
from synth import write_corpus  # noqa: E402  (the benchmark's protocol generator)


def make_batch(folder: Path, examples_dir: Path, n: int = N_FILES) -> list[Path]:
    """n distinct, small, realistic protocols (bench/synth.py) plus one real example."""
    paths = write_corpus(folder, n - 1, seed=7)
    real = folder / "zz_example.txt"
    real.write_text((examples_dir / "000_ea0e52ac25122770.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return [*paths, real]


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "GOVGRAPH_DB")}
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


def edges_by_source(db: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with open_store(db=db, read_only=True) as s:
        for _, _, _, p in s.iter_edges():
            out[p["source"]] = out.get(p["source"], 0) + 1
        docs = {i for i, _, _ in s.iter_nodes("Document")}
    for d in docs:
        out.setdefault(d, 0)
    return out


def wait_for(proc: subprocess.Popen, stream, needle: str, timeout: float = 120) -> str:
    """Read ``stream`` until ``needle`` shows up (or the process ends)."""
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        seen += line
        if needle in line:
            return seen
    return seen


def finish_with_cli(folder: Path, db: Path) -> dict:
    r = subprocess.run([sys.executable, "-m", "govgraph", "load", str(folder), "--db", str(db), "--json"],
                       capture_output=True, text=True, env=env(), timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


def test_sigint_rolls_back_the_protocol_in_flight(tmp_path, examples_dir):
    folder = tmp_path / "in"
    make_batch(folder, examples_dir)
    db = tmp_path / "g.lbdb"
    proc = subprocess.Popen([sys.executable, "-m", "govgraph", "load", str(folder), "--db", str(db), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        seen = wait_for(proc, proc.stderr, "loading")       # the batch has started
        assert "loading" in seen, seen
        time.sleep(0.8)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, out + err
    summary = json.loads(out)
    assert summary["interrupted"] is True
    done = [f for f in summary["files"] if f["status"] == "loaded"]
    assert len(done) < N_FILES and summary["not_reached"] == N_FILES - len(summary["files"])
    # exactly the reported protocols are stored, each with all its facts
    stored = edges_by_source(db)
    assert set(stored) == {f["doc_id"] for f in done}
    for f in done:
        assert stored[f["doc_id"]] == f["edges"], f
    # the next load finishes the job
    final = finish_with_cli(folder, db)
    assert final["counts"]["unchanged"] == len(done)
    assert final["counts"]["loaded"] == N_FILES - len(done)
    with open_store(db=db, read_only=True) as s:
        assert s.stats()["nodes"]["Document"] == N_FILES


HELPER = textwrap.dedent("""
    import sys
    from govgraph.graph.load import Loader, expand_paths
    from govgraph.graph.store import open_store, plan_document
    store = open_store(db=sys.argv[2])
    real = store.write_documents
    def write(docs):
        plans = [d if hasattr(d, "doc_id") else plan_document(*d) for d in docs]
        for plan in plans:
            print("writing", plan.doc_id, plan.n_edges, flush=True)
        out = real(docs)
        for plan in plans:
            print("done", plan.doc_id, flush=True)
        return out
    store.write_documents = write
    loader = Loader(store)
    for f in expand_paths([sys.argv[1]]):
        r = loader.load_file(f)
        assert r.status == "loaded", (r.path, r.status, r.detail)
""")


@pytest.mark.parametrize("delay", [0.0])
def test_sigkill_leaves_whole_protocols_only(tmp_path, examples_dir, delay):
    folder = tmp_path / "in"
    make_batch(folder, examples_dir, n=12)
    db = tmp_path / "g.lbdb"
    helper = tmp_path / "helper.py"
    helper.write_text(HELPER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(helper), str(folder), str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    lines: list[str] = []
    try:
            # let some protocols commit, then kill while the next one is being written
        while sum(ln.startswith("done") for ln in lines) < 4:
            line = proc.stdout.readline()
            if not line:
                pytest.fail("helper ended early: " + proc.stderr.read())
            lines.append(line)
        while not lines[-1].startswith("writing"):
            lines.append(proc.stdout.readline())
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        lines += proc.stdout.read().splitlines(keepends=True)
    finally:
        if proc.poll() is None:
            proc.kill()
    expected = {ln.split()[1]: int(ln.split()[2]) for ln in lines if ln.startswith("writing")}
    done = {ln.split()[1] for ln in lines if ln.startswith("done")}
    stored = edges_by_source(db)                 # the store opens after the kill
    assert done <= set(stored)                   # committed protocols survived
    for doc_id, n in stored.items():             # and every stored protocol is whole
        assert doc_id in expected, doc_id
        assert n == expected[doc_id], (doc_id, n, expected[doc_id])
    final = finish_with_cli(folder, db)
    assert final["counts"]["unchanged"] == len(stored)
    assert final["counts"]["loaded"] == 12 - len(stored)
    with open_store(db=db, read_only=True) as s:
        assert s.stats()["nodes"]["Document"] == 12
