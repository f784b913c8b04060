"""Presenters: verbs, "föredras av", "Föredragande:", names after the title, replacements."""
from __future__ import annotations

import pytest

from tests.test_extract_helpers import run

PEOPLE = [("Ingmar Ångman", "Region Örebro län"), ("Anna Jakobsson", None), ("Anna Karlsson", None),
          ("Linnea Hedkvist", None), ("Malin Duckert Ek", None), ("Catrin Skoglund", None),
          ("Lise Hjemgaard Svensson", None)]


def presenters(text: str, **kw) -> list[str]:
    p = run(text, participants=PEOPLE, chair="Lise Hjemgaard Svensson", **kw)
    return [n.name for n in p.items[0].presenters]


@pytest.mark.parametrize("body, expected", [
    ("Ingmar Ångman presenterade det nya förslaget.", ["Ingmar Ångman"]),
    ("Ingmar informerade om arbetet.", ["Ingmar Ångman"]),
    ("Linnea rapporterade från Healthy Cities höstmöte.", ["Linnea Hedkvist"]),
    ("Ärendet föredras av Malin Duckert Ek och Linnea Hedkvist", ["Malin Duckert Ek", "Linnea Hedkvist"]),
    ("Ärendet föredras av: Elin Nirjens", ["Elin Nirjens"]),
    ("Ärendet föredras Elin Ring", ["Elin Ring"]),
    ("Föredragande: Ordförande", ["Lise Hjemgaard Svensson"]),
    ("Daniela Redzic Alkaissi redovisade pågående arbete.", ["Daniela Redzic Alkaissi"]),
    ("Malin Duckert Ek och Ewa Slatmo foredrog arendet.", ["Malin Duckert Ek", "Ewa Slatmo"]),
    ("Vidare informerar Linnea Hedkvist om utbildningen.", ["Linnea Hedkvist"]),
])
def test_presenter_sentences(body, expected):
    assert presenters(f"§ 4 Ärende\n\n{body}\n") == expected


def test_ambiguous_first_name_is_left_out():
    # two people called Anna: "Anna informerade" cannot be resolved, so no presenter is guessed
    assert presenters("§ 3 Studiebesök\n\nAnna informerade om auskultationen.\n") == []
    assert presenters("§ 3 Studiebesök\n\nAnna J informerade om auskultationen.\n") == ["Anna Jakobsson"]


def test_names_after_the_title():
    assert presenters("§ 7 Psykisk hälsa – SPOT, Maria Gunnarsson och Karin Haster\n\nText.\n") == \
        ["Maria Gunnarsson", "Karin Haster"]
    assert presenters("§ 4 Rapport från AU, Ingmar Ångman\n\nAU har haft ett möte.\n") == ["Ingmar Ångman"]
    # a place or organisation after the comma is no presenter
    assert presenters("§ 5 Tema: Förstudie barnfattigdom, Örebro län\n\nText.\n") == []


def test_presenter_glued_to_the_title_is_resolved_to_the_listed_spelling():
    assert presenters("§ 51 Hälsoundersökningar placerade barn*Föredragande: Catrine Skoglund*\n\nText.\n") == \
        ["Catrin Skoglund"]


def test_replacement_presents_instead():
    text = "§ 8 Nära vård - dietist direkt, Stina Engelheart\n\nMalin Duckert Ek ersätter Stina som är ledig.\n"
    assert presenters(text) == ["Malin Duckert Ek"]


def test_label_and_name_subheadings():
    text = "§ 5 Rapport från länsdelsgrupperna\n\nSöder, Jaana Jansson.\n\nText om söder.\n\nNorr, Madde Gustafsson.\n"
    assert presenters(text) == ["Jaana Jansson", "Madde Gustafsson"]


def test_presenter_provenance_quotes_the_line():
    p = run("§ 4 Ärende\n\nText.\nIngmar informerade om arbetet.\n", participants=PEOPLE)
    n = p.items[0].presenters[0]
    assert n.prov.start == 4 and n.prov.quote == "Ingmar informerade om arbetet."


@pytest.mark.parametrize("body, expected", [
    ("Ärendet föredras av ekonomichef Anna Jakobsson.", ["Anna Jakobsson"]),
    ("Föredragande: förvaltningschef Linnea Hedkvist", ["Linnea Hedkvist"]),
    ("Information lämnas av Malin Duckert Ek.", ["Malin Duckert Ek"]),
    ("Linnea Hedkvist, utvecklingsledare, informerar om läget.", ["Linnea Hedkvist"]),
    ("Ingmar Ångman lämnar information om budgeten.", ["Ingmar Ångman"]),
])
def test_presenter_with_titles_and_information_phrases(body, expected):
    assert presenters(f"§ 4 Ärende\n\n{body}\n") == expected


def test_names_in_title_parentheses_or_after_a_dash():
    assert presenters("§ 5 Budget 2025 (Åsa Lindqvist)\n\nText.\n") == ["Åsa Lindqvist"]
    assert presenters("§ 6 Lägesrapport – Malin Duckert Ek\n\nText.\n") == ["Malin Duckert Ek"]
    assert presenters("§ 7 Covid 19 – lägesrapport\n\nText.\n") == []
    assert presenters("§ 8 Budget (dnr 2024/12)\n\nText.\n") == []


# ----------------------------------------------------------------------------- titles and posts
def _presenters_with(text: str, participants):
    from govgraph.extract.semantic import extract_semantics
    from tests.test_extract_helpers import make
    doc, proto = make(text)
    proto.participants = participants
    return [n.name for it in extract_semantics(doc, proto).items for n in it.presenters]


@pytest.mark.parametrize("line, who", [
    ("Projektledare Emma Falk från Köpings kommun presenterar projektet.", "Emma Falk"),
    ("Hälso- och sjukvårdsdirektör Hans Åkesson föredrar ärendet.", "Hans Åkesson"),
    ("Ekonomichef Lars Ström redovisar budgetuppföljningen.", "Lars Ström"),
])
def test_title_before_name_and_org_after_it(line, who):
    assert _presenters_with(f"§ 5 Ärende\n\n{line}\n", []) == [who]


def test_post_resolves_to_its_one_listed_holder():
    from govgraph.model import Participant
    people = [Participant("Jenny Karlström", title="förbundschef"), Participant("Per Ek", title="ordförande")]
    assert _presenters_with("§ 5 Ärende\n\nFörbundschefen presenterar verksamheten.\n", people) == ["Jenny Karlström"]
    two = people + [Participant("Eva Ek", title="förbundschef")]
    assert _presenters_with("§ 5 Ärende\n\nFörbundschefen presenterar verksamheten.\n", two) == []


def test_titled_presenter_on_the_line_after_the_item_title():
    text = "§ 32 Skolval\nInformation om skolvalet inför läsåret\nEkonomichef Lena Vik informerar om utfallet.\n"
    assert _presenters_with(text, []) == ["Lena Vik"]


def test_presenter_with_adjectives_before_the_post():
    assert presenters("§ 1 Patientsäkerhet\n\nMedicinskt ansvarig sjuksköterska Jonas Bergh föredrar ärendet.\n") \
        == ["Jonas Bergh"]
