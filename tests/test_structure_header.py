"""Meeting header: body, date, place (synthetic protocols in the common layouts)."""
from __future__ import annotations

import pytest

from govgraph.loaders.structure import parse_structure
from govgraph.loaders.structure_parts.dates import find_dates, strip_dates_and_times
from govgraph.model import CleanDocument, CleanLine


def doc_of(text: str, name: str = "h.txt") -> CleanDocument:
    return CleanDocument(name, name, "text/plain", "0" * 64,
                         [CleanLine(t, raw_index=i) for i, t in enumerate(text.split("\n"))])


def header(text: str):
    p = parse_structure(doc_of(text))
    d = doc_of(text)
    for prov in p.meta_prov.values():
        assert prov.quote in d.text
    return p.body, p.date, p.place


@pytest.mark.parametrize("text, expected", [
    ("2024-03-15 klockan 13.00-16.00", ["2024-03-15"]),
    ("Fredag den 8 oktober 2021 kl. 09:00", ["2021-10-08"]),
    ("Tid: 22 september 2017", ["2017-09-22"]),
    ("den 3 mars", [None]),
    ("möte 8/10 2021 och 2021-12-01", ["2021-10-08", "2021-12-01"]),
    ("2021-13-40", []),
])
def test_find_dates(text, expected):
    assert [f.iso for f in find_dates(text)] == expected


def test_strip_dates_and_times():
    assert strip_dates_and_times("Onsdag den 4 maj 2022 kl. 13.00–15.00 Kommunhuset, Hedemora") \
        == "Kommunhuset, Hedemora"


def test_protocol_title_line_tid_plats():
    text = ("Protokoll Regionala beredningsgruppen för äldrefrågor\n\n"
            "Tid: 14 juni 2019\n\nPlats: Stadshuset, Karlstad\n\n1. Mötet öppnas\nText.\n\n2. Avslut\n")
    assert header(text) == ("Regionala beredningsgruppen för äldrefrågor", "2019-06-14",
                            "Stadshuset, Karlstad")


def test_minnesanteckningar_with_date_in_title():
    text = ("Datum\n2023-04-02\n\nMinnesanteckningar ledningsgrupp funktionsstöd den 2 april 2023\n\n"
            "Närvarande:\nOla Berg, chef\n\n1. Inledning\nText\n2. Avslut\nText")
    body, date, place = header(text)
    assert body == "Ledningsgrupp funktionsstöd"
    assert date == "2023-04-02"
    assert place is None


def test_day_without_year_takes_year_from_adjustment_date():
    text = ("Protokoll Samverkansråd barn och unga\n\nTid: Tisdag den 7 mars kl 13.00-15.00\n"
            "Plats: Digitalt via Teams\n\nJusterat den: 2023-03-14\n\n1. Öppnande\nText\n2. Slut\nText")
    assert header(text) == ("Samverkansråd barn och unga", "2023-03-07", "Digitalt via Teams")


def test_adjustment_date_is_not_the_meeting_date_and_furniture_ignored():
    text = ("Kommunstyrelsen\nSammanträdesdatum 2022-01-19\nJusteringsdatum 2022-01-25\n\n"
            "§ 1 Upprop\nText\n\n2021-05-05\n§ 2 Avslut\nText\n2021-05-05\n\n2021-05-05\n")
    body, date, _ = header(text)
    assert body == "Kommunstyrelsen"
    assert date == "2022-01-19"


def test_table_header_time_and_place_in_one_cell():
    text = ("2020-02-02\n\nRegionalt samrådsorgan (RSO)\t\t\n"
            "Tid och plats för sammanträdet\tOnsdag den 5 februari 2020 kl. 10:00 – 12:00 Via Skype\t\n"
            "§ 1 Öppnande\nText\n§ 2 Avslut\nText")
    assert header(text) == ("Regionalt samrådsorgan (RSO)", "2020-02-05", "Via Skype")


def test_letterhead_body_wrapped_over_two_lines():
    text = ("Styrgruppen för hälso- och sjukvård\ni hemmet\n\nTid: 2021-09-01\n\n"
            "1. Start\nText\n2. Slut\nText")
    body, date, _ = header(text)
    assert body == "Styrgruppen för hälso- och sjukvård i hemmet"
    assert date == "2021-09-01"


@pytest.mark.parametrize("title, body", [
    ("Utdrag ur protokoll fört vid Kommunstyrelsens sammanträde (justerat)", "Kommunstyrelsen"),
    ("Protokoll för Socialnämnden", "Socialnämnden"),
    ("Protokoll från Vård- och omsorgsnämnden 2024-01-02", "Vård- och omsorgsnämnden"),
    ("Protokoll nr 4/2024 Fritidsnämnden", "Fritidsnämnden"),
])
def test_title_line_variants(title, body):
    assert header(title + "\nTid: 2024-02-02\n\n§ 1 A\nx\n§ 2 B\ny")[0] == body


def test_day_month_year_with_dots():
    assert [f.iso for f in find_dates("Datum: 17.05.2023, 1.5 mkr")] == ["2023-05-17"]


def test_a_sentence_about_the_protocol_is_not_the_body():
    text = ("Sundsvalls kommun\nProtokoll\nIndividutskottet, socialnämnden\n\nSammanträdesdatum: 2024-01-17\n"
            "Protokollet omfattar §§ 1–7\n\n§ 1 Val av justerare\nJohan Asplund utses.\n")
    body, date, _place = header(text)
    assert body == "Individutskottet, socialnämnden" and date == "2024-01-17"


def test_online_place_at_the_end_of_the_date_line():
    text = ("Minnesanteckningar från Länsledningsgruppen för vård och omsorg\n"
            "Möte 2024-02-15, kl. 10.00–14.00, Teams\n\nDeltagare: Anna Ek, Luleå kommun\n\n"
            "Punkt 1. Föregående anteckningar\nAnteckningarna godkändes.\n")
    _body, date, place = header(text)
    assert (date, place) == ("2024-02-15", "Teams")


def test_protokoll_fort_vid_sammantrade_names_the_place_not_the_body():
    text = ("UMEÅ KOMMUN\nByggnadsnämnden\n\n"
            "Protokoll fört vid sammanträde 2024-04-24 kl. 13.15–15.00 i Stadshuset, sammanträdesrum Rådhuset\n\n"
            "Beslutande: Bengt Lindqvist (S) ordförande, Karin Dahl (M)\n\n§ 55 Detaljplan\nPlanen godkänns.\n")
    assert header(text) == ("Byggnadsnämnden", "2024-04-24", "Stadshuset, sammanträdesrum Rådhuset")


@pytest.mark.parametrize("title", ["Protokoll fört vid styrelsemöte", "Protokoll fört vid extra styrelsemöte",
                                   "Protokoll, årsmöte", "Mötesanteckningar från medlemsmöte"])
def test_a_kind_of_meeting_is_no_body_the_letterhead_is(title):
    text = (f"Samordningsförbundet Gotland\n{title}\n\nTid: Torsdagen den 12 december 2024 kl. 13.00–15.30\n"
            "Plats: Visby\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n")
    assert header(text)[0] == "Samordningsförbundet Gotland"


def test_a_board_meeting_of_a_named_association_is_its_board():
    text = ("Protokoll fört vid styrelsemöte i Tuna hembygdsförening\n\nTid: 2024-03-01\n\n"
            "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n")
    assert header(text)[0] == "Styrelsen för Tuna hembygdsförening"


@pytest.mark.parametrize("line, place", [
    ("Sammanträde 2024-03-22, kl. 09.00–12.00, Regionhuset, Västerås, sal Mälaren", "Regionhuset, Västerås, sal Mälaren"),
    ("Möte den 3 april 2023 kl 14-16 i Stadshuset, sal Ek", "Stadshuset, sal Ek"),
    ("Sammanträde 2024-03-22", None),
])
def test_place_after_the_date_on_the_meeting_line(line, place):
    text = f"Protokoll Politisk samverkansberedning\n{line}\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    body, date, got = header(text)
    assert got == place and date is not None
