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
