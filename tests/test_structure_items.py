"""Agenda item splitting on small synthetic protocols (one per layout family) and the seeds."""
from __future__ import annotations

from govgraph.loaders.structure import parse_structure
from govgraph.model import CleanDocument, CleanLine


def doc_of(text: str, name: str = "t.txt", fields: dict | None = None) -> CleanDocument:
    """A CleanDocument from text; ``fields`` maps 1-based line numbers to CleanLine kwargs."""
    lines = []
    for i, t in enumerate(text.split("\n"), 1):
        lines.append(CleanLine(t, raw_index=i - 1, **(fields or {}).get(i, {})))
    return CleanDocument(name, name, "text/plain", "0" * 64, lines)


def items_of(text: str, fields: dict | None = None) -> list[tuple[str, str]]:
    p = parse_structure(doc_of(text, fields=fields))
    return [(it.number, it.title) for it in p.items]


def test_paragraph_items_skip_toc_and_keep_out_of_order():
    text = "\n".join([
        "Protokoll Kultur- och fritidsnämnden",
        "Ärendelista",
        "§ 12 Mötets öppnande\t2",
        "§ 13 Val av justerare.....\t2",
        "§ 14 Budget 2025\t3",
        "",
        "§ 12 Mötets öppnande",
        "Ordföranden öppnar mötet.",
        "",
        "§ 13 Val av justerare",
        "Per Holm utses att justera protokollet.",
        "",
        "§ 14 Budget 2025*Föredragande: Lena Ek*",
        "Nämnden godkänner budgeten.",
        "",
        "§ 9 Bordlagt ärende om bibliotek",
        "Ärendet avgörs.",
        "",
        "§ 15 Mötets avslutande",
        "Ordföranden avslutar mötet.",
    ])
    assert items_of(text) == [("12", "Mötets öppnande"), ("13", "Val av justerare"),
                              ("14", "Budget 2025"), ("9", "Bordlagt ärende om bibliotek"),
                              ("15", "Mötets avslutande")]


def test_numbered_items_ignore_inner_lists():
    text = "\n".join([
        "Minnesanteckningar ledningsgrupp skola",
        "",
        "1. Mötets öppnande",
        "Mötet öppnades.",
        "",
        "2. Lägesrapport",
        "Tre områden prioriteras:",
        "1. Styrning och ledning.",
        "Text om styrning.",
        "2. Samordning och samverkan.",
        "3. Uppföljning.",
        "",
        "3. Ekonomi",
        "Budgeten följs.",
        "",
        "4. Mötet avslutas",
    ])
    assert items_of(text) == [("1", "Mötets öppnande"), ("2", "Lägesrapport"),
                              ("3", "Ekonomi"), ("4", "Mötet avslutas")]


def test_markdown_headings_unnumbered_item_gets_letter_and_subheadings_stay():
    text = "\n".join([
        "## Protokoll Styrgrupp e-hälsa",
        "### 1. Inledning",
        "Välkommen.",
        "## 2. Digitala tjänster, Oskar Lund och Sara Berg",
        "### Bakgrund till uppdraget",
        "Text.",
        "**Beslut:** Styrgruppen beslutar att godkänna.",
        "## Extra punkt om IT-säkerhet",
        "Text.",
        "## 3. Avslut",
        "Tack.",
    ])
    assert items_of(text) == [("1", "Inledning"), ("2", "Digitala tjänster"),
                              ("2a", "Extra punkt om IT-säkerhet"), ("3", "Avslut")]


def test_markdown_heading_fields_from_cleaner():
    text = "Protokoll\n1. Start\nText\nUnder rubrik\nMer text\nEgen punkt\nText\n2. Slut\nText"
    fields = {2: {"heading": 2}, 4: {"heading": 3}, 6: {"heading": 2}, 8: {"heading": 2}}
    assert items_of(text, fields) == [("1", "Start"), ("1a", "Egen punkt"), ("2", "Slut")]


def test_dash_bold_items_and_spans():
    text = "\n".join([
        "Närvarande:",
        "Eva Lind, rektor",
        "",
        "- 1. Föregående anteckningar**",
        "Lades till handlingarna.",
        "- 2. Nytt schema**",
        "Diskuterades.",
        "",
        "3. Övriga frågor",
        "Inga.",
        "",
    ])
    p = parse_structure(doc_of(text))
    assert [(i.number, i.title, i.start, i.end) for i in p.items] == [
        ("1", "Föregående anteckningar", 4, 5), ("2", "Nytt schema", 6, 7),
        ("3", "Övriga frågor", 9, 10)]
    for it in p.items:
        assert it.prov.quote in text


def test_bold_title_after_number():
    text = "1. **Mötet öppnas**\nText.\n\n2. **Val av justerare**\nText.\n\n3. **Avslutning**\n"
    assert items_of(text) == [("1", "Mötet öppnas"), ("2", "Val av justerare"),
                              ("3", "Avslutning")]


def test_no_items_in_plain_prose():
    text = "Det var en gång en liten stad.\n\nI staden bodde 2000 personer.\n\n1999 kom tåget."
    assert items_of(text) == []


def test_agenda_list_in_header_is_not_items_and_attendance_at_the_end():
    text = "\n".join([
        "Minnesanteckningar Länsnätverk för MAS", "", "Dagordning",
        "1. Mötets öppnande", "2. Aktuellt från regionen", "3. Övriga frågor", "",
        "1. Mötets öppnande", "Ordförande Lena Holm öppnade mötet.", "",
        "2. Aktuellt från regionen", "Följande punkter diskuterades:", "1. Läkemedel",
        "2. Hjälpmedel", "", "3. Övriga frågor", "Inga.", "",
        "Närvarande", "Lena Holm\tKiruna", "Jonas Berg\tGällivare", "", "Frånvarande",
        "Siri Lind\tPajala",
    ])
    p = parse_structure(doc_of(text))
    assert [(i.number, i.title, i.start, i.end) for i in p.items] == [
        ("1", "Mötets öppnande", 8, 9), ("2", "Aktuellt från regionen", 11, 14),
        ("3", "Övriga frågor", 16, 17)]
    assert [(x.name, x.organization, x.present) for x in p.participants] == [
        ("Lena Holm", "Kiruna", True), ("Jonas Berg", "Gällivare", True),
        ("Siri Lind", "Pajala", False)]
    assert p.chair == ["Lena Holm"]


def test_clean_title_cuts_case_numbers_and_presenters_only():
    from govgraph.loaders.structure_parts.items import clean_title
    assert clean_title("Budget 2024 (Dnr KS 2023/45)") == "Budget 2024"
    assert clean_title("Information från förvaltningen – Anna Ek") == "Information från förvaltningen"
    assert clean_title("Rapport, Per Holm och Lena Ås") == "Rapport"
    assert clean_title("Barn och unga, BBIC - slutrapport") == "Barn och unga, BBIC - slutrapport"
    assert clean_title("Tema: Trygghet*Föredragande: Ida Berg*") == "Tema: Trygghet"
    assert clean_title("**Val av justerare**") == "Val av justerare"


def test_word_markers_and_numbered_columns():
    text = "Anteckningar\n\nPunkt 1: Välkommen\nText\n\nPunkt 2: Ekonomi\nText\n\nPunkt 3: Övrigt\nText"
    assert items_of(text) == [("1", "Välkommen"), ("2", "Ekonomi"), ("3", "Övrigt")]
    text = "Protokoll\n1\tMötets öppnande\nText\n2\tVal av justerare\nText\n3\tAvslut\nText"
    assert items_of(text) == [("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Avslut")]


def test_minutes_without_numbers_use_their_headings():
    text = ("Minnesanteckningar nätverk kost\n\nDatum: 2024-01-01\n\nNärvarande:\n\nAnna Ek, Falun\n\n"
            "Föregående anteckningar\nText.\n\nAktuellt från kommunerna\nText.\n\nBeslut\nInget.\n\n"
            "Nästa möte\nText.\n")
    bold = {i: {"bold": True} for i in (5, 9, 12, 15, 18)}
    assert items_of(text, bold) == [("1", "Föregående anteckningar"),
                                    ("2", "Aktuellt från kommunerna"), ("3", "Nästa möte")]


def test_bare_numbers_before_short_titles():
    text = ("Protokoll Kulturnämnden\nTid: 2024-02-02\n\n1 Mötets öppnande\nOrdföranden öppnade.\n\n"
            "2 Val av justerare\n3 personer anmälde sig. Anna Ek valdes.\n\n3 Budget\nText\n")
    assert items_of(text) == [("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Budget")]


def test_last_item_ends_before_the_signature_block():
    text = "Protokoll X\nTid: 2024-01-01\n\n1. A\nText\n2. B\nText\nmore\n\nVid protokollet\n\nAnna Ek\n"
    p = parse_structure(doc_of(text))
    assert [(i.number, i.start, i.end) for i in p.items] == [("1", 4, 5), ("2", 6, 8)]
    assert p.secretary == ["Anna Ek"]


def test_presenter_cell_is_not_part_of_the_title():
    text = "Protokoll\n\n1.\tMötets öppnande\nText\n2.\tBudget 2025\tAnna Ek och Per Holm\nText\n3.\tAvslut\nText"
    assert items_of(text) == [("1", "Mötets öppnande"), ("2", "Budget 2025"), ("3", "Avslut")]


def test_numbered_agenda_above_unnumbered_headings():
    text = ("Minnesanteckningar X\n\nDagordning\n1. Välkommen\n2. Ekonomi\n3. Övrigt\n\n"
            "Välkommen\nText\n\nEkonomi\nText\n\nÖvrigt\nText")
    fields = {8: {"bold": True}, 11: {"bold": True}, 14: {"bold": True}}
    p = parse_structure(doc_of(text, fields=fields))
    assert [(i.number, i.title, i.start, i.end) for i in p.items] == [
        ("1", "Välkommen", 8, 9), ("2", "Ekonomi", 11, 12), ("3", "Övrigt", 14, 15)]


def test_presenter_glued_to_title_after_lost_emphasis():
    from govgraph.loaders.structure_parts.items import clean_title
    assert clean_title("Skolskjuts barnFöredragande: Ida Berg") == "Skolskjuts barn"
    assert clean_title("Samverkan kring ansvarig vårdgivare") == "Samverkan kring ansvarig vårdgivare"


def test_heading_below_the_number_continues_across_a_page_break_after_a_hyphen():
    from govgraph.loaders.structure import parse_structure
    from govgraph.model import CleanDocument, CleanLine
    text = ("Protokoll\nKommunstyrelsen\nDatum: 2024-04-09\n\n§ 61\nÄgardirektiv för bolaget\nBeslut\nKommunstyrelsen antar direktivet.\n\n"
            "§ 62\nRevisionsrapport om styrning av hälso-\n\noch sjukvård i hemmet\nKS 2024/0098\n"
            "Beslut\nKommunstyrelsen antar yttrandet.\n")
    doc = CleanDocument("a.txt", "a.txt", "text/plain", "0" * 64,
                        [CleanLine(t, raw_index=i) for i, t in enumerate(text.split("\n"))])
    titles = {it.number: it.title for it in parse_structure(doc).items}
    assert titles["62"] == "Revisionsrapport om styrning av hälso- och sjukvård i hemmet"
