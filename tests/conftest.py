"""Shared fixtures: where the bundled examples and the shared evaluation data are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "govgraph" / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The five bundled example protocols (copies of the seeds)."""
    return EXAMPLES


@pytest.fixture(scope="session")
def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    d = SHARED / "eval" / "gold"
    if not d.is_dir():
        pytest.skip("../shared/eval/gold is not present (the shared evaluation data lives beside the repo)")
    return d


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """An embedded store with the five bundled examples loaded ONCE per session; yields the
    database file path. Open it read-only in tests (``open_store(db=seed_db, read_only=True)``);
    tests that write must copy it first (``copy_seed_db``)."""
    from govgraph.graph.load import load_paths
    from govgraph.graph.store import open_store
    path = tmp_path_factory.mktemp("seed_db") / "graph.lbdb"
    with open_store(db=path) as store:
        summary = load_paths([EXAMPLES], store)
    bad = [f"{f.path}: {f.status} {f.detail}" for f in summary.files if f.status != "loaded"]
    if bad:
        raise RuntimeError("seed_db: the bundled examples did not all load:\n" + "\n".join(bad))
    yield path


@pytest.fixture()
def copy_seed_db(seed_db, tmp_path) -> Path:
    """A private copy of ``seed_db`` (database file and any side files) a test may write to."""
    import shutil
    dst = tmp_path / "graph.lbdb"
    for f in seed_db.parent.iterdir():
        if f.name.startswith(seed_db.name):
            shutil.copy2(f, tmp_path / (dst.name + f.name[len(seed_db.name):]))
    return dst
