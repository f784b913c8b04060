"""Extraction on the bundled seed protocols: scored against the gold files, quotes exact."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache

import pytest

from govgraph.pipeline import extract_file


@lru_cache(maxsize=None)
def _extract(path: str):
    return extract_file(path)


def _scorer(gold_dir):
    spec = importlib.util.spec_from_file_location("gold_score", gold_dir.parent / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_quote_is_exact_cleaned_text(example_files):
    for f in example_files:
        ex = _extract(str(f))
        assert not [w for w in ex.protocol.warnings if "stopped early" in w or "could not be read" in w]
        text = ex.clean.text
        for pv in ex.protocol.all_provenance():
            assert pv.quote in text, (f.name, pv)
            assert pv.quote in ex.clean.quote(pv.start, pv.end), (f.name, pv)


def test_seed_scores(example_files, gold_dir):
    score = _scorer(gold_dir)
    acc = score.new_acc()
    for f in example_files:
        gold = json.loads((gold_dir / f"{f.stem}.json").read_text(encoding="utf-8"))
        pred = _extract(str(f)).protocol.to_json(provenance=False)
        score.score_doc(gold, pred, acc, False)
    s = score.summary(acc)
    assert s["presenters"]["f1"] >= 0.9
    assert s["decisions"]["f1"] >= 0.85
    assert s["agreements"]["f1"] >= 0.7
    assert s["bodies"]["f1"] >= 0.6
    assert s["organizations"]["f1"] >= 0.8
    assert s["decision_by"] >= 0.9 and s["decision_assignee"] >= 0.85 and s["decision_amount"] >= 0.95


def test_people_carry_short_forms(example_files):
    f = next(x for x in example_files if x.name.startswith("002_"))
    people = {m.name: m for m in _extract(str(f)).protocol.people}
    assert "Anna J" in people["Anna Jakobsson"].variants
    assert "Ingmar" in people["Ingmar Ångman"].variants


@pytest.mark.parametrize("stem, number, expected", [
    ("001_", "6", {("allocate", 7_140_000), ("allocate", 6_000_000), ("allocate", 2_000_000)}),
    ("001_", "7", {("allocate", 750_000)}),
    ("003_", "49", {("allocate", 30_000)}),
])
def test_seed_amounts(example_files, stem, number, expected):
    f = next(x for x in example_files if x.name.startswith(stem))
    item = next(i for i in _extract(str(f)).protocol.items if i.number == number)
    got = {(d.kind, d.amount_sek) for d in item.decisions if d.amount_sek}
    assert expected <= got
