"""Protocols in conventions the seeds do not use, scored with the project's scorer against
hand-made gold. Guards against rules that only fit the five seeds.

* ``data/heldout``: a municipal nämnd with §§ and "att"-clauses, a styrgrupp's
  minnesanteckningar with a comma-separated participant line.
* ``data/heldout_new``: kommunfullmäktige, KS arbetsutskott, a Finsam styrelse, Markdown network
  notes, an HTML nämnd, a nämnd with a box-drawn header table, an association's board meeting
  and a PDF-extracted samverkansråd (see its README).
* ``data/heldout_v3``: regionstyrelse with "§ N   Dnr RS …" headings, socialnämndens
  individutskott, a gemensam överförmyndarnämnd with a §-column presence grid, an HTML vård- och
  omsorgsnämnd, Markdown samverkansråd and kultur- och fritidsnämnd, a länsövergripande nätverk and a
  PDF-extracted kommunstyrelse (see its README).
* ``data/heldout_v4``: protocols rich in agreements, bodies and organisations — a
  ledningsgrupp, a KS arbetsutskott, a folkhälsonätverk in Markdown, an HTML socialnämnd, a
  länsstyrgrupp, a Finsam board with an organisation's letterhead and two later fresh checks
  (see its README).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govgraph.pipeline import extract_file

DATA = Path(__file__).parent / "data"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def _scores(name: str, tmp_path_factory) -> dict:
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is not present")
    HELDOUT = DATA / name
    pred = tmp_path_factory.mktemp("pred")
    for f in sorted(p for p in HELDOUT.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".html")):
        (pred / f"{f.stem}.json").write_text(
            json.dumps(extract_file(f).protocol.to_json(), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(HELDOUT / "gold"), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module", params=["heldout", "heldout_new", "heldout_v3", "heldout_v4"])
def scores(request, tmp_path_factory):
    return _scores(request.param, tmp_path_factory)


@pytest.mark.parametrize("category,minimum", [
    ("meta", 0.95), ("participants", 0.9), ("officers", 0.85), ("items", 0.95),
    ("presenters", 0.8), ("decisions", 0.8), ("organizations", 0.75),
])
def test_heldout_f1(scores, category, minimum):
    assert scores[category]["f1"] >= minimum, scores[category]


def test_heldout_overall(scores):
    assert scores["overall_f1"] >= 0.88
    assert scores["participant_present"] >= 0.9
    assert scores["decision_amount"] == 1.0


# measured 2026-11-25 on heldout_v3 (8 protocols): overall 0.992; every category 1.000 except
# organisations 0.925; thresholds a little below
V3_MINIMUM = {"meta": 0.95, "participants": 0.95, "officers": 0.95, "items": 0.95, "presenters": 0.95,
              "decisions": 0.95, "agreements": 0.9, "bodies": 0.9, "organizations": 0.88}


def test_heldout_v3_measured(tmp_path_factory):
    scores = _scores("heldout_v3", tmp_path_factory)
    low = {c: scores[c]["f1"] for c, m in V3_MINIMUM.items() if scores[c]["f1"] < m}
    assert not low, low
    assert scores["overall_f1"] >= 0.96
    assert scores["participant_role"] >= 0.95 and scores["participant_present"] >= 0.95
    assert scores["decision_by"] >= 0.95 and scores["decision_assignee"] >= 0.95


# measured 2026-11-25 on heldout_v4 (8 protocols): overall 0.977; agreements 0.947, bodies 0.971,
# organisations 0.978, meta 1.000. decision_assignee is not held here: the gold keeps a post as
# written ("uppdrar åt kommundirektören") where govgraph names the participant who holds it.
V4_MINIMUM = {"meta": 0.95, "participants": 0.95, "items": 0.95, "presenters": 0.95, "decisions": 0.93,
              "agreements": 0.9, "bodies": 0.93, "organizations": 0.93}


def test_heldout_v4_measured(tmp_path_factory):
    scores = _scores("heldout_v4", tmp_path_factory)
    low = {c: scores[c]["f1"] for c, m in V4_MINIMUM.items() if scores[c]["f1"] < m}
    assert not low, low
    assert scores["overall_f1"] >= 0.96
    assert scores["decision_by"] >= 0.95 and scores["decision_amount"] == 1.0
