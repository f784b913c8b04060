"""`govgraph extract FILE --explain` shows every fact beside its quote and line numbers."""
from __future__ import annotations

import re

from click.testing import CliRunner

from govgraph.cli import main
from govgraph.extract.explain import explain
from govgraph.extract.semantic import extract_semantics
from tests.test_extract_helpers import make


def test_explain_lists_each_fact_with_its_quote():
    doc, p = make("\n".join([
        "§ 1 Val av justerare", "", "Veronica Wallgren utsågs till justerare.", "",
        "§ 2 Rapport", "", "Ingmar Ångman informerade om att SKR godkänt Handlingsplan för äldre.",
    ]), participants=[("Ingmar Ångman", "Region Örebro län")])
    extract_semantics(doc, p)
    out = explain(p, doc)
    assert "decision: appoint by Regionala samverkansrådet «Justerare» → Veronica Wallgren" in out
    assert "L3        «Veronica Wallgren utsågs till justerare.»" in out
    assert "presenter: Ingmar Ångman" in out
    assert "Sveriges Kommuner och Regioner [association]" in out
    # every quoted line number points at the quoted text
    for m in re.finditer(r"L(\d+)(?:-(\d+))?\s+«(.+?)»", out):
        start, end = int(m.group(1)), int(m.group(2) or m.group(1))
        quote = m.group(3).rstrip("…")
        assert quote.split(" ⏎ ")[0] in doc.quote(start, end)


def test_cli_explain_runs_on_a_file(tmp_path):
    f = tmp_path / "protokoll.txt"
    f.write_text("\n".join([
        "Protokoll Kultur- och fritidsnämnden", "", "Tid: 2024-05-02", "", "Närvarande:", "Per Holm, ordförande", "",
        "§ 1 Mötets öppnande", "", "Ordföranden öppnar mötet.", "",
        "§ 2 Godkännande av dagordning", "", "Dagordningen godkändes.", "",
        "§ 3 Budget 2025", "", "Nämnden beslutar att avsätta 1,5 mkr till fritidsgårdar.",
    ]), encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f), "--explain"])
    assert res.exit_code == 0, res.output
    assert "## Items" in res.output
    assert "decision: approve" in res.output and "«Dagordningen godkändes.»" in res.output
    assert "1 500 000 kr" in res.output
