"""Extraction never fails on odd text: empty items, markup leftovers, tables, long lines."""
from __future__ import annotations

import random

from tests.test_extract_helpers import run

WORDS = ("att beslutar godkänner Rådet ÖK avtal styrgruppen för om i och , . : ; - – ( ) 12 000 kr mkr "
         "Anna Ingmar Region Örebro län SKR kommun uppdrag ges får fick av till handlingarna ? "
         "Beslut: Ställningstagande \t ~~ ** * # 1. e – Att gemensamma nationella riktlinjer handlingsplan "
         "strategin Överenskommelse mellan avseende om för styrgrupp nämnden Kommunstyrelsen beslutar: "
         "föredras Föredragande: Ordförande informerade Anna J (S) ersätter som är ledig enades "
         "Region Jämtland Härjedalen Länsstyrelsen RF-SISU ABF 1,5 mkr 214 237:- "
         "Kumla, Örebro, Karlskoga och Lindsberg har en egen politisk styrgrupp utses till justerare").split()


def test_random_text_does_not_raise():
    rnd = random.Random(7)
    for _ in range(120):
        lines = ["§ 1 Ärende"]
        for _ in range(rnd.randint(0, 12)):
            lines.append(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 25))))
        lines.append("§ 2 Nästa")
        p = run("\n".join(lines))
        assert [it.number for it in p.items] == ["1", "2"]
        assert not p.warnings, p.warnings


def test_empty_and_heading_only_items():
    p = run("§ 1 Mötet öppnas\n§ 2 Beslut:\n§ 3 Ärendet bordläggs")
    assert [len(it.decisions) for it in p.items] == [0, 0, 0]


def test_item_spans_beyond_the_document_are_tolerated():
    from govgraph.extract.semantic import extract_semantics
    from tests.test_extract_helpers import make
    doc, p = make("§ 1 Ärende\n\nDagordningen godkändes.\n")
    p.items[0].end = 99
    extract_semantics(doc, p)
    assert [d.kind for d in p.items[0].decisions] == ["approve"]


def test_run_on_paragraph_is_cut_into_sentences():
    from govgraph.extract.text import Unit, split_sentences
    text = " ".join(["Rådet beslutar att godkänna avtalet och ger förvaltningen i uppdrag att utreda frågan,"] * 50)
    u = Unit("para", 1, 1, text, [(0, 1)])
    parts = split_sentences(u)
    assert len(parts) > 5 and all(len(s.text) <= 600 for s in parts)
    assert "".join(s.text.replace(" ", "") for s in parts) == text.replace(" ", "")
