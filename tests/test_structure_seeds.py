"""Structure extraction on the five bundled example protocols, compared with the gold files,
and protocol detection."""
from __future__ import annotations

import json
import re

import pytest

from govgraph.loaders.structure import looks_like_protocol, parse_structure
from govgraph.model import CleanDocument, CleanLine
from govgraph.pipeline import clean, read


def _norm(s) -> str:
    s = (s or "").casefold().replace("-", " ")
    return " ".join(re.sub(r"[^\w\s]", "", s).split())


@pytest.fixture(scope="module")
def parsed(example_files):
    out = {}
    for f in example_files:
        doc = clean(read(f))
        out[f.stem] = (doc, parse_structure(doc))
    return out


def test_every_quote_is_verbatim_cleaned_text(parsed):
    for doc, p in parsed.values():
        text = doc.text
        for prov in p.all_provenance():
            assert prov.quote and prov.quote in text, prov
            assert prov.quote == doc.quote(prov.start, prov.end)
            assert prov.document == doc.name


def test_items_cover_the_protocol_in_order(parsed):
    for doc, p in parsed.values():
        assert p.items, doc.name
        prev_end = 0
        for it in p.items:
            assert prev_end < it.start <= it.end <= len(doc.lines)
            prev_end = it.end


def test_seed_003_paragraphs_toc_and_out_of_order(parsed):
    _, p = parsed["003_b4727e71dbacc0df"]
    assert [i.number for i in p.items] == ["44", "45", "46", "47", "48", "49", "50", "33",
                                           "51", "52", "53", "54", "55"]
    assert p.items[7].title == "God och nära vård"
    assert p.items[8].title == "Hälsoundersökningar placerade barn"      # presenter cut off
    assert p.date == "2021-10-08" and p.place == "Via webben, Teams"
    by = {x.name: x for x in p.participants}
    assert by["Björn Nilsson"].party == "VV" and by["Björn Nilsson"].organization == "Åre kommun"
    assert by["Christina Hedin"].title == "Vice ordf. social- och arb.markn.nmd."
    assert by["Tommy Lekedal"].present is False and by["Tommy Lekedal"].role == "other"


def test_seed_001_struck_names_and_lettered_item(parsed):
    _, p = parsed["001_ec4a6f436e80980d"]
    assert [i.number for i in p.items][7:9] == ["8", "8a"]
    absent = {x.name for x in p.participants if not x.present}
    assert absent == {"Lise Bergman Nordgren", "Helen Willyams", "Daniel Åhnberg",
                      "Johanna Viberg", "Patrik Jonsson", "Stefan Nilsson"}
    assert p.chair == ["Ingmar Ångman"]


def test_against_gold(parsed, gold_dir):
    """Structure facts match the hand-made gold answers (names compared loosely on case,
    hyphens and punctuation; OCR-damaged spellings are the cleaner's business)."""
    totals = {"participants": [0, 0], "role": [0, 0], "present": [0, 0], "org": [0, 0],
              "items": [0, 0], "officers": [0, 0], "meta": [0, 0]}
    for stem, (_, p) in parsed.items():
        gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
        got = {_norm(x.name): x for x in p.participants}
        for g in gold["participants"]:
            totals["participants"][1] += 1
            x = got.get(_norm(g["name"]))
            if x is None:
                continue
            totals["participants"][0] += 1
            for key, attr in (("role", "role"), ("present", "present")):
                totals[key][1] += 1
                totals[key][0] += g[key] == getattr(x, attr)
            if g.get("organization"):
                totals["org"][1] += 1
                totals["org"][0] += _norm(g["organization"]) == _norm(x.organization)
        nums = [i.number for i in p.items]
        totals["items"][1] += len(gold["items"])
        totals["items"][0] += sum(1 for i in gold["items"] if i["number"] in nums)
        for role, key in (("chair", "chair"), ("secretary", "secretary"), ("adjuster", "adjusters")):
            want = {_norm(n) for n in gold[key]}
            have = {_norm(n) for n in p.officer_names(role)}
            totals["officers"][1] += len(want | have)
            totals["officers"][0] += len(want & have)
        totals["meta"][1] += 2
        totals["meta"][0] += (gold["date"] == p.date) + (gold["place"] is None and p.place is None
                                                          or _norm(gold["place"]) == _norm(p.place))
    for key, (ok, n) in totals.items():
        assert n and ok / n >= 0.95, (key, ok, n)


def _doc(text: str) -> CleanDocument:
    return CleanDocument("x.txt", "x.txt", "text/plain", "0" * 64,
                         [CleanLine(t, raw_index=i) for i, t in enumerate(text.split("\n"))])


def test_looks_like_protocol_accepts_seeds(parsed):
    for doc, _ in parsed.values():
        ok, reason = looks_like_protocol(doc)
        assert ok, (doc.name, reason)


def test_looks_like_protocol_rejects_prose_and_reports():
    prose = "\n".join(["Det regnade över staden när Maja vaknade.", ""] * 80)
    ok, reason = looks_like_protocol(_doc(prose))
    assert not ok and "no meeting header" in reason
    novel = "\n".join(["Kapitel 1", "", "Ordföranden i klubben var sekreterare förr."] * 50)
    ok, reason = looks_like_protocol(_doc(novel))
    assert not ok and "kapitel" in reason
    report = "\n".join(["Årsredovisning 2022", "Förvaltningsberättelse"] +
                       [f"{i}. Avsnitt {i}\nVerksamheten växte under året." for i in range(1, 40)])
    doc = _doc(report)
    doc.pages = 300
    ok, reason = looks_like_protocol(doc)
    assert not ok and "300 pages" in reason
    ok, reason = looks_like_protocol(_doc(""))
    assert not ok


def test_parse_never_fails_on_odd_text_and_quotes_stay_verbatim():
    import random
    import string
    rnd = random.Random(7)
    alpha = string.ascii_letters + "åäöÅÄÖ §()\t.,:-–*#<>/_~0123456789\u200b"
    samples = ["", "\n\n", "\t\t", "§", "§ 1", "1.", "Närvarande:", "Beslutande\t\t", "(S)" * 300,
               "Närvarande ledamöter:\n" + "\n".join(["Anna Ek (S) " * 20] * 5)]
    for _ in range(60):
        samples.append("\n".join("".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 60)))
                                 for _ in range(rnd.randint(1, 30))))
    for s in samples:
        d = _doc(s)
        p = parse_structure(d)
        looks_like_protocol(d)
        for prov in p.all_provenance():
            assert prov.quote in d.text


def test_looks_like_protocol_accepts_short_notes():
    notes = ("Minnesanteckningar Nätverk kost\n\nDatum: 2023-11-03\nPlats: Digitalt via Teams\n\n"
             "Deltagare: Anna Ek (Falun), Per Holm (Borlänge)\n\n1. Välkommen\nText\n\n2. Aktuellt\nText")
    assert looks_like_protocol(_doc(notes)) == (True, "")
