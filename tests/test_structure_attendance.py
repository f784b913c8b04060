"""Attendance lists and officers in the layouts of Swedish minutes (synthetic protocols)."""
from __future__ import annotations

from govgraph.loaders.structure import parse_structure
from govgraph.loaders.structure_parts.people import (is_org, split_names, split_orgs,
                                                     split_titles, split_trailing_org)
from govgraph.model import CleanDocument, CleanLine


def doc_of(text: str, name: str = "a.txt", fields: dict | None = None) -> CleanDocument:
    return CleanDocument(name, name, "text/plain", "0" * 64,
                         [CleanLine(t, raw_index=i, **(fields or {}).get(i + 1, {}))
                          for i, t in enumerate(text.split("\n"))])


def parse(text: str, fields: dict | None = None):
    d = doc_of(text, fields=fields)
    p = parse_structure(d)
    for prov in p.all_provenance():
        assert prov.quote in d.text
    return p


def people(p):
    return {x.name: x for x in p.participants}


NAMND = """Sammanträdesprotokoll
Omsorgsnämnden
Sammanträdesdatum 2023-05-17

Plats och tid: Stadshuset, sal 3, kl. 13.00–16.30

Beslutande
Anna Svensson (S), ordförande
Per Holm (m), vice ordförande
Karl Berg (C)
Sofia Lind (S) tjg för Eva Ström (S)
Lars Nyqvist (L) §§ 45-47

Ersättare
Maja Ek (V)
Gustav Dahl (KD)

Övriga närvarande
Elin Falk, förvaltningschef
Johan Brink, nämndsekreterare

Utses att justera\tKarl Berg

Underskrifter\tSekreterare\t..................... §§ 45-52
\tJohan Brink
\tOrdförande\t.....................
\tAnna Svensson
\tJusterande\t.....................
\tKarl Berg

§ 45 Val av justerare
Karl Berg väljs att justera protokollet.

§ 46 Budgetuppföljning
Nämnden godkänner uppföljningen.
"""


def test_namnd_sections_parties_substitute_and_partial():
    p = parse(NAMND)
    ps = people(p)
    assert list(ps) == ["Anna Svensson", "Per Holm", "Karl Berg", "Sofia Lind", "Lars Nyqvist",
                        "Maja Ek", "Gustav Dahl", "Elin Falk", "Johan Brink", "Eva Ström"]
    # the member a substitute serves for did not attend
    assert ps["Eva Ström"].present is False and ps["Eva Ström"].role == "member"
    assert ps["Anna Svensson"].party == "S" and ps["Anna Svensson"].role == "member"
    assert ps["Per Holm"].party == "M" and ps["Per Holm"].title == "vice ordförande"
    assert ps["Sofia Lind"].role == "substitute" and ps["Sofia Lind"].serves_for == "Eva Ström"
    assert ps["Lars Nyqvist"].items == "§§ 45-47"
    assert ps["Maja Ek"].role == "substitute" and ps["Gustav Dahl"].party == "KD"
    assert ps["Elin Falk"].role == "other" and ps["Elin Falk"].title == "förvaltningschef"
    assert p.chair == ["Anna Svensson"]
    assert p.secretary == ["Johan Brink"]
    assert p.adjusters == ["Karl Berg"]
    assert p.body == "Omsorgsnämnden" and p.date == "2023-05-17"
    assert p.place == "Stadshuset, sal 3"


def test_tab_table_one_person_per_row_and_absent_section():
    text = ("Protokoll Kommunstyrelsens arbetsutskott\nDatum: 12 mars 2024\n\n"
            "Närvarande ledamöter\tEva Lindqvist (C)\tordförande\n"
            "\tJan Persson (S)\n"
            "\tBritt Mattsson (M)\ttjänstgörande ersättare för Olle Åberg (M)\n"
            "Närvarande ersättare\tKim Sandberg (SD)\n"
            "Frånvarande\tOlle Åberg (M)\n"
            "Tjänstepersoner\tStina Hall\tkommundirektör\n"
            "\tMalin Öberg\tsekreterare\n\n"
            "Justerare\tJan Persson\n\n"
            "1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Ekonomi\nGodkänns.\n")
    p = parse(text)
    ps = people(p)
    assert ps["Britt Mattsson"].role == "substitute"
    assert ps["Britt Mattsson"].serves_for == "Olle Åberg"
    assert ps["Kim Sandberg"].role == "substitute" and ps["Kim Sandberg"].party == "SD"
    assert ps["Olle Åberg"].present is False and ps["Olle Åberg"].role == "member"
    assert ps["Stina Hall"].role == "other" and ps["Stina Hall"].title == "kommundirektör"
    assert p.chair == ["Eva Lindqvist"] and p.secretary == ["Malin Öberg"]
    assert p.adjusters == ["Jan Persson"]


def test_name_tab_municipality_struck_names_absent_and_staff_block():
    text = ("## Protokoll Ledningsgrupp vuxenpsykiatri\n\nTid: 2022-06-01\n\n### Närvarande:\n\n"
            "Olivia Sund\tverksamhetschef Psykiatri\n"
            "<del>Bengt Falk</del>\t<del>enhetschef Beroende</del>\n\n"
            "Kerstin Moberg\tFalun\n"
            "~~Arvid Lund~~\t~~Borlänge~~\n"
            "Hanna Björk\tMora\n\n"
            "Tove Ahl\tRegion Dalarna\n"
            "Gunnar Wik\tRegion Dalarna\n"
            "Signe Berg\tRegion Dalarna\n\n"
            "Sekreterare: Signe Berg\n\n"
            "### 1. Inledning\n\nGunnar hälsar alla välkomna. Hanna Björk har anmält förhinder.\n\n"
            "### 2. Avslut\n\nTack.\n")
    p = parse(text)
    ps = people(p)
    assert ps["Olivia Sund"].title == "verksamhetschef Psykiatri" and ps["Olivia Sund"].organization is None
    assert ps["Bengt Falk"].present is False
    assert ps["Arvid Lund"].present is False and ps["Arvid Lund"].organization == "Borlänge"
    assert ps["Kerstin Moberg"].organization == "Falun" and ps["Kerstin Moberg"].present
    assert ps["Hanna Björk"].present is False          # "har anmält förhinder" in item 1
    assert all(x.role == "member" for n, x in ps.items() if n not in ("Tove Ahl", "Signe Berg"))
    assert p.chair == ["Gunnar Wik"]                    # "Gunnar hälsar alla välkomna"
    assert ps["Gunnar Wik"].role == "member"
    assert ps["Signe Berg"].role == "other" and ps["Tove Ahl"].role == "other"
    assert p.secretary == ["Signe Berg"]


def test_struck_fields_from_cleaner():
    text = "Närvarande ledamöter:\nAstrid Nyman\tGagnef\nViktor Holm\tLeksand\n\n1. Start\nText\n2. Slut\nx"
    p = parse(text, fields={3: {"struck": ((0, 11),)}})
    assert people(p)["Viktor Holm"].present is False
    assert people(p)["Astrid Nyman"].present is True


def test_comma_titles_with_trailing_organisation_and_chair():
    text = ("Mötesanteckningar chefsgrupp skola den 4 maj 2023\n\nNärvarande:\n\n"
            "Henrik Alm, förvaltningschef barn och utbildning, ordförande\n"
            "Sara Ek, strategisk planerare Gävle kommun\n"
            "Jonas Öst, rektor Hofors kommun\n"
            "Ebba Stål, samordnare länsstyrelsen Gävleborgs län\n"
            "Mira Lind, utvecklingsledare skola\n\n"
            "1. Föregående anteckningar\nText\n2. Övrigt\nText")
    p = parse(text)
    ps = people(p)
    assert ps["Henrik Alm"].title == "förvaltningschef barn och utbildning"
    assert p.chair == ["Henrik Alm"]
    assert ps["Sara Ek"].organization == "Gävle kommun"
    assert ps["Sara Ek"].title == "strategisk planerare"
    assert ps["Ebba Stål"].organization == "Länsstyrelsen Gävleborgs län"
    assert ps["Mira Lind"].role == "other"
    assert ps["Jonas Öst"].role == "member"


def test_multi_name_table_cells_split_in_order():
    text = ("2020-04-04\n\nPolitisk samrådsgrupp (PSG)\t\t\n"
            "Beslutande\tIngrid Holm (S) Bertil Sand (M) Karin Ås (VV)\t"
            "Falu kommun Mora kommun Region Dalarna\t"
            "<i>Ordf. socialnämnden</i> <i>Vice ordf. omsorgsnämnden</i> <i>Ledamot regionstyrelsen</i>\n"
            "Tjänstepersoner\tLena Grön Oskar Vik Anna Maria Berg\tFalu kommun Mora kommun Kommunförbundet\t\n"
            "Ej närvarande\t<i>Beslutande</i> Erik Ros (C), Leksands kommun\t"
            "<i>Tjänstepersoner</i> Mona Lund, Orsa kommun\t\n"
            "Justerande\t_____\t\n\tBertil Sand\t\n\n"
            "§ 10 Öppnande\nIngrid Holm (S), ordförande, öppnar mötet.\n\n§ 11 Avslut\nText\n")
    p = parse(text)
    ps = people(p)
    assert [n for n in ps][:3] == ["Ingrid Holm", "Bertil Sand", "Karin Ås"]
    assert ps["Karin Ås"].party == "VV" and ps["Karin Ås"].organization == "Region Dalarna"
    assert ps["Bertil Sand"].title == "Vice ordf. omsorgsnämnden"
    assert ps["Anna Maria Berg"].organization == "Kommunförbundet"
    assert ps["Lena Grön"].role == "other"
    assert ps["Erik Ros"].present is False and ps["Erik Ros"].role == "member"
    assert ps["Mona Lund"].present is False and ps["Mona Lund"].role == "other"
    assert p.chair == ["Ingrid Holm"] and p.adjusters == ["Bertil Sand"]
    assert p.body == "Politisk samrådsgrupp (PSG)"


def test_signature_blocks_side_by_side_and_name_above_label():
    text = ("Protokoll Länsgemensamt råd för folkhälsa\n\nTid: 2 maj 2018\n\nVid protokollet\n\n"
            "Petra Holm\nSekreterare\n\nJusterat den: 2018-05-09\n\n"
            "Agneta Lund Stefan Berg\nOrdförande Justerare\n\n"
            "Närvarande ledamöter:\n\nAgneta Lund\tArvika\nStefan Berg\tKil\n\n"
            "Övriga närvarande\n\nPetra Holm\tRegion Värmland\n\n"
            "1. Mötet öppnades\nText\n\n2. Val av justerare\nStefan Berg utsågs till justerare.\n")
    p = parse(text)
    assert p.chair == ["Agneta Lund"] and p.secretary == ["Petra Holm"]
    assert p.adjusters == ["Stefan Berg"]
    assert people(p)["Petra Holm"].role == "other"
    assert people(p)["Agneta Lund"].organization == "Arvika"


def test_name_and_municipality_without_separator_and_org_on_next_line():
    text = ("Närvarande ledamöter:\n\nGöran Vik Torsby\nLena Dahl Region Värmland (del av mötet)\n"
            "Kent Ås\n\nRegion Värmland\n\n1. Start\nText\n2. Slut\nText")
    ps = people(parse(text))
    assert ps["Göran Vik"].organization == "Torsby"
    assert ps["Lena Dahl"].organization == "Region Värmland"
    assert ps["Lena Dahl"].items == "del av mötet"
    assert ps["Kent Ås"].organization == "Region Värmland"


def test_inline_lists_after_labels():
    text = ("Minnesanteckningar Nätverk kost\nDatum: 2023-11-03\n\n"
            "Deltagare: Anna Ek (Falun), Per Holm (Borlänge) och Olof Dahl (Mora)\n"
            "Anmält förhinder: Eva Ström (Leksand), Kurt Nord (Orsa)\n"
            "Antecknare: Per Holm\n\n1. Välkommen\nText\n2. Aktuellt\nText")
    p = parse(text)
    ps = people(p)
    assert ps["Olof Dahl"].organization == "Mora" and ps["Olof Dahl"].party is None
    assert ps["Kurt Nord"].present is False and ps["Eva Ström"].present is False
    assert ps["Anna Ek"].present and p.secretary == ["Per Holm"]


def test_no_participants_outside_attendance_sections():
    text = ("Protokoll Kulturrådet\n\nAnna Berg\nOrdförande\n\n1. Start\nPer Holm informerade.\n"
            "2. Slut\nText")
    p = parse(text)
    assert p.participants == []
    assert p.chair == ["Anna Berg"]


def test_people_helpers():
    assert [" ".join(n) for n in split_names("Lena Grön Oskar Vik Anna Maria Berg".split())] == [
        "Lena Grön", "Oskar Vik", "Anna Maria Berg"]
    assert split_orgs("Falu kommun Region Dalarna Centrum mot våld", 3) == [
        "Falu kommun", "Region Dalarna", "Centrum mot våld"]
    assert split_orgs("Falu kommun Mora kommun", 3) is None
    assert split_titles("Ordförande x Vice ordf. y", 2) == ["Ordförande x", "Vice ordf. y"]
    assert split_trailing_org("rektor Hofors kommun") == ("rektor", "Hofors kommun")
    assert split_trailing_org("enhetschef psykiatri") == ("enhetschef psykiatri", None)
    assert is_org("Region Dalarna") and is_org("Leksand") and is_org("RF-SISU")
    assert not is_org("enhetschef Beroende")


PDF_LAYOUT = """Byggnadsnämnden      SAMMANTRÄDESPROTOKOLL
                     Sammanträdesdatum
                     2023-02-14

Plats och tid        Kommunhuset, Sammanträdesrum Kåsan, kl 13:15-16:00

Beslutande           Ledamöter
                     Anna Andersson (S), ordförande
                     Bo K. Lind (M)
                     Tjänstgörande ersättare
                     Per Persson (S) ersätter Lisa Lund (S)

Övriga deltagare     Eva Ek, kommunchef

Justerare            Kalle Karlsson (M)

Underskrifter        Sekreterare   ...........................  Paragrafer §§ 1-3
                                   Maria Svensson
                     Ordförande    ...........................
                                   Anna Andersson

§ 1
Dnr BN 2023/12
Val av justerare

Kalle Karlsson utses att justera.

§ 2    Bygglov för förskola
Text.
"""


def test_pdf_column_layout_signature_lines_and_titles_below_paragraph_marks():
    p = parse(PDF_LAYOUT)
    ps = people(p)
    assert p.body == "Byggnadsnämnden" and p.date == "2023-02-14"
    assert p.place == "Kommunhuset, Sammanträdesrum Kåsan"
    assert ps["Bo K. Lind"].party == "M"
    assert ps["Per Persson"].role == "substitute" and ps["Per Persson"].serves_for == "Lisa Lund"
    assert ps["Eva Ek"].role == "other"
    assert p.chair == ["Anna Andersson"] and p.secretary == ["Maria Svensson"]
    assert p.adjusters == ["Kalle Karlsson"]
    assert [(i.number, i.title) for i in p.items] == [("1", "Val av justerare"),
                                                      ("2", "Bygglov för förskola")]


CICERON = """SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum
Sida
1(25)
Tekniska nämnden
2023-03-07

Plats och tid
Kommunhuset, Sessionssalen, kl. 08.30-12.00
Beslutande
Se närvarolista sid 2
Utses att justera
Anders Berg (M)
Justeringens plats och tid
Kommunkansliet 2023-03-10
Underskrifter
Sekreterare
......................................
Paragrafer
§ 30-§ 45
Lisa Ström
Ordförande
......................................
Anna Dahl (S)

Närvarolista
Beslutande
Anna Dahl (S), ordförande\tX
Anders Berg (M)\tX
Tjänstgörande ersättare
Olle Nyström (C) tjg för Stina Ek (C)\tX

§ 30 Godkännande av dagordningen
Dagordningen godkänns.

§ 31 Årsredovisning 2022
Nämnden godkänner.
"""


def test_labels_on_their_own_lines_and_presence_marks():
    p = parse(CICERON)
    assert (p.body, p.date, p.place) == ("Tekniska nämnden", "2023-03-07",
                                         "Kommunhuset, Sessionssalen")
    assert p.chair == ["Anna Dahl"] and p.secretary == ["Lisa Ström"]
    assert p.adjusters == ["Anders Berg"]
    ps = people(p)
    assert list(ps) == ["Anna Dahl", "Anders Berg", "Olle Nyström", "Stina Ek"]
    assert ps["Stina Ek"].present is False
    assert ps["Anders Berg"].title is None
    assert ps["Olle Nyström"].role == "substitute" and ps["Olle Nyström"].serves_for == "Stina Ek"
    assert [i.number for i in p.items] == ["30", "31"]


def test_column_table_members_and_substitutes_and_chair_row():
    text = ("Protokoll Miljö- och hälsoskyddsnämnden\nDatum: 2024-01-10\n\n"
            "Ledamöter\tErsättare\nOrdförande\tUlf Bergman (S)\n"
            "Karin Holm (M)\tLeif Öst (M)\nSara Lund (C)\tMona Berg (S)\n\n"
            "Tjänstepersoner\nNils Ek informerade.\nFrida Ås, miljöchef\n\n"
            "1. Öppnande\nText\n2. Avslut\nText")
    p = parse(text)
    ps = people(p)
    assert [(n, x.role) for n, x in ps.items()] == [
        ("Ulf Bergman", "member"), ("Karin Holm", "member"), ("Leif Öst", "substitute"),
        ("Sara Lund", "member"), ("Mona Berg", "substitute"), ("Frida Ås", "other")]
    assert p.chair == ["Ulf Bergman"]


def test_markdown_bullets_dash_separated_organisations_through_the_cleaner():
    from govgraph.pipeline import extract_text
    text = ("# Minnesanteckningar från styrgruppen för Nära vård Dalarna\n\n"
            "**Datum:** 2024-09-12\n**Plats:** Regionhuset, Falun\n\n**Närvarande:**\n\n"
            "- Anna Ek – Falu kommun\n- Per Holm – Region Dalarna, ordförande\n"
            "- Lena Ås, Borlänge kommun, socialchef\n- ~~Kim Berg – Mora kommun~~\n\n"
            "**Frånvarande:**\n\n- Stig Lund, Ludvika kommun\n\n**Sekreterare:** Eva Lind\n\n"
            "## 1. Inledning\nPer hälsade välkommen.\n\n## 2. Uppföljning\n### Bakgrund\nText.\n\n"
            "## 3. Nästa möte\nText.\n")
    ext = extract_text(text, "h.md")
    p = ext.protocol
    ps = people(p)
    assert (p.body, p.date, p.place) == ("Styrgruppen för Nära vård Dalarna", "2024-09-12",
                                         "Regionhuset, Falun")
    assert ps["Anna Ek"].organization == "Falu kommun"
    assert ps["Lena Ås"].title == "socialchef" and ps["Lena Ås"].organization == "Borlänge kommun"
    assert ps["Kim Berg"].present is False and ps["Stig Lund"].present is False
    assert p.chair == ["Per Holm"] and p.secretary == ["Eva Lind"]
    assert [(i.number, i.title) for i in p.items] == [("1", "Inledning"), ("2", "Uppföljning"),
                                                      ("3", "Nästa möte")]
    for prov in p.all_provenance():
        assert prov.quote in ext.clean.text


def test_qualified_labels_and_from_organisation_subheaders():
    text = ("Minnesanteckningar Länsgrupp demens\n\nDatum: 2024-05-02\n\n"
            "Närvarande (se även bilaga):\nFrån kommunerna:\n"
            "Anna Ek, demenssjuksköterska Falun\nPer Holm\nFrån Region Dalarna:\n"
            "Lisa Berg, överläkare\nErsättare (ej tjänstgörande)\nStina Åberg\n\n"
            "1. Anna Ek informerade om läget\nText.\n\n2. Ekonomi\nText.\n")
    p = parse(text)
    ps = people(p)
    assert ps["Anna Ek"].organization == "Falun" and ps["Anna Ek"].title == "demenssjuksköterska"
    assert ps["Per Holm"].organization is None
    assert ps["Lisa Berg"].organization == "Region Dalarna"
    assert ps["Stina Åberg"].role == "substitute" and ps["Stina Åberg"].items is None
    assert [i.number for i in p.items] == ["1", "2"]


def test_absence_sentences_in_the_first_item_mark_only_the_absent():
    text = ("Protokoll Referensgrupp IT\nNärvarande ledamöter:\nAnna Ek\tFalun\nPer Holm\tMora\n"
            "Lisa Berg\tLeksand\nOla Sand\tOrsa\n\n1. Inledning\n"
            "Anna Ek har anmält förhinder och ersätts av Per Holm. Frånvarande: Lisa Berg.\n\n"
            "2. Slut\nText")
    ps = people(parse(text))
    assert {n: x.present for n, x in ps.items()} == {"Anna Ek": False, "Per Holm": True,
                                                     "Lisa Berg": False, "Ola Sand": True}


def test_adjuster_phrasings_in_the_first_items():
    base = ("Protokoll Kulturnämnden\nNärvarande ledamöter:\nAnna Ek\tFalun\nPer Holm\tMora\n\n"
            "1. Val av justerare\n{body}\n\n2. Slut\nKarin Sundin Berg är ordförande i föreningen.")
    for body, want in (("Att jämte ordföranden justera protokollet utses Anna Ek.", ["Anna Ek"]),
                       ("Per Holm (M) utses att jämte ordföranden justera protokollet.", ["Per Holm"]),
                       ("Anna Ek", ["Anna Ek"]),
                       ("Per Holm föreslås till justerare.", [])):
        p = parse(base.format(body=body))
        assert p.adjusters == want, body
        assert p.chair == []


def test_several_absent_people_with_organisations_in_one_cell():
    text = ("Samrådsgrupp vård (SVG)\t\t\nBeslutande\tIngrid Holm (S) Bertil Sand (M)\t"
            "Falu kommun Mora kommun\t\n"
            "Ej närvarande\t<i>Beslutande</i> Erik Ros (C), Leksands kommun Maria Ek (S), Orsa kommun\t\n\n"
            "§ 10 Öppnande\nText\n\n§ 11 Avslut\nText\n")
    ps = people(parse(text))
    assert (ps["Erik Ros"].organization, ps["Erik Ros"].party, ps["Erik Ros"].present) == (
        "Leksands kommun", "C", False)
    assert (ps["Maria Ek"].organization, ps["Maria Ek"].party, ps["Maria Ek"].present) == (
        "Orsa kommun", "S", False)
    assert ps["Bertil Sand"].organization == "Mora kommun"


def test_substitute_for_written_as_for_or_ersatter():
    text = ("Protokoll Regionstyrelsen\nDatum: 2024-02-02\n\nBeslutande\nAnna Ek (S), ordförande\n"
            "Tjänstgörande ersättare\nLisa Berg (S) för Per Holm (S)\nOla Ås (M) ersätter Kim Lund (M)\n"
            "Ledamöter\nIda Sten (C) tjg ers. för Bo Ny (C)\n\n§ 1 A\nText\n§ 2 B\nText")
    ps = people(parse(text))
    assert [(n, x.role, x.serves_for) for n, x in ps.items()] == [
        ("Anna Ek", "member", None), ("Lisa Berg", "substitute", "Per Holm"),
        ("Ola Ås", "substitute", "Kim Lund"), ("Ida Sten", "substitute", "Bo Ny"),
        ("Per Holm", "member", None), ("Kim Lund", "member", None)]
    assert not any(ps[n].present for n in ("Per Holm", "Kim Lund"))
    assert ps["Kim Lund"].party == "M"


def test_role_words_before_names_and_repeated_listing():
    text = ("Protokoll Regionstyrelsen\nDatum: 2024-02-02\n\nBeslutande\nOrdförande Anna Ek (S)\n"
            "1:e vice ordförande Per Holm (M)\nLedamot Kim Lund (C)\nErsättare Ola Ås (M)\n"
            "Kim Lund (C), Orsa kommun\n\n§ 1 A\nText\n§ 2 B\nText")
    p = parse(text)
    ps = people(p)
    assert [(n, x.role) for n, x in ps.items()] == [("Anna Ek", "member"), ("Per Holm", "member"),
                                                  ("Kim Lund", "member"), ("Ola Ås", "substitute")]
    assert ps["Per Holm"].title == "1:e vice ordförande"
    assert ps["Kim Lund"].organization == "Orsa kommun"     # filled in by the second listing
    assert p.chair == ["Anna Ek"]


def test_tjg_marks_a_serving_substitute():
    text = ("Protokoll Rådet\nTid: 2024-02-02\n\nBeslutande:\nAnna Ek\tMora\nPer Holm\tOrsa (tjg)\n"
            "Lisa Berg (S), tjg\n\n1. A\nText\n2. B\nText")
    ps = people(parse(text))
    assert [(n, x.role, x.organization) for n, x in ps.items()] == [
        ("Anna Ek", "member", "Mora"), ("Per Holm", "substitute", "Orsa"),
        ("Lisa Berg", "substitute", None)]


def test_ocr_damaged_labels_and_place_names_still_parse():
    text = ("Protokoll regionala radet for aldrefragor\nTid: Tisdag den 3 maj kl 13.00\n"
            "Justerat den: 2022-05-10\n\nNarvarande ledaméter:\n\nBritt Ek Skovde\nOla Lund Hjo\n"
            "Stina Berg Region Vastra Gotaland\n\nOvriga narvarande:\nPer Holm Goteborg\n\n"
            "1. Motet oppnades\nText\n2. Avslut\nText")
    p = parse(text)
    assert p.date == "2022-05-03"
    assert [(x.name, x.organization, x.role) for x in p.participants] == [
        ("Britt Ek", "Skovde", "member"), ("Ola Lund", "Hjo", "member"),
        ("Stina Berg", "Region Vastra Gotaland", "member"), ("Per Holm", "Goteborg", "other")]


def test_absent_chair_did_not_chair():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nBeslutande\nAnna Ek (S), ordförande\n"
            "Per Holm (M), vice ordförande\n\nFrånvarande\nAnna Ek (S)\n\nOrdförande: Per Holm\n\n"
            "1. A\nText\n2. B\nText")
    p = parse(text)
    assert [(x.name, x.present) for x in p.participants] == [("Anna Ek", False), ("Per Holm", True)]
    assert p.chair == ["Per Holm"]


def test_the_signing_chair_chaired_this_meeting():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nBeslutande\nAnna Ek (S), ordförande\n"
            "Per Holm (M), vice ordförande\n\nJusterare\tOla Berg\n\n1. A\nText\n2. B\nText\n\n"
            "Underskrifter\nOrdförande\n.................\nPer Holm\n")
    p = parse(text)
    assert p.chair == ["Per Holm"]


def test_party_as_its_own_comma_segment_and_title_acronyms():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nBeslutande\nAnna Ek, S, Mora kommun\nPer Holm, (M)\n"
            "Lisa Berg, VD, AB Bostäder\n\n1. A\nText\n2. B\nText")
    assert [(x.name, x.party, x.organization, x.title) for x in parse(text).participants] == [
        ("Anna Ek", "S", "Mora kommun", None), ("Per Holm", "M", None, None),
        ("Lisa Berg", None, "AB Bostäder", "VD")]


def test_title_cells_with_organisations_inside():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nNärvarande ledamöter:\n"
            "Anna Ek\tSocialchef, Mora kommun\nPer Holm\tenhetschef Orsa kommun\n"
            "Lisa Berg\tHälso- och sjukvårdsstaben\n\n1. A\nText\n2. B\nText")
    assert [(x.name, x.organization, x.title) for x in parse(text).participants] == [
        ("Anna Ek", "Mora kommun", "Socialchef"), ("Per Holm", "Orsa kommun", "enhetschef"),
        ("Lisa Berg", None, "Hälso- och sjukvårdsstaben")]


def test_label_name_pairs_on_one_line():
    p = parse("Protokoll Nämnden\nTid: 2024-01-01\nSekreterare\tAnna Ek\tOrdförande\tPer Holm (S)\n\n"
              "1. A\nText\n2. B\nText")
    assert (p.chair, p.secretary) == (["Per Holm"], ["Anna Ek"])


def test_names_outside_the_given_name_list_with_a_party_or_in_a_table_row():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nBeslutande\nXhevdet Berisha (S)\n"
            "Oluwaseun Adeyemi\tMora kommun\nKommunhuset Sal\tMora kommun\nRegion Dalarna\n\n"
            "1. A\nText\n2. B\nText")
    assert [(x.name, x.party, x.organization) for x in parse(text).participants] == [
        ("Xhevdet Berisha", "S", None), ("Oluwaseun Adeyemi", None, "Mora kommun")]


def test_party_column_without_parentheses():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nBeslutande\nAnna Ek\tS\tMora\nPer Holm\tKD\tOrsa\n\n"
            "1. A\nText\n2. B\nText")
    assert [(x.name, x.party, x.organization) for x in parse(text).participants] == [
        ("Anna Ek", "S", "Mora"), ("Per Holm", "KD", "Orsa")]


def test_long_attendance_line_is_not_prose():
    text = ("Protokoll Nämnden\nTid: 2024-01-01\n\nNärvarande:\n"
            "Anna Ek, strategisk planerare för folkhälsa och social hållbarhet vid "
            "kommunledningskontoret i staden, Örebro kommun\nPer Holm, rektor\n\n1. A\nText\n2. B\nText")
    ps = people(parse(text))
    assert list(ps) == ["Anna Ek", "Per Holm"]
    assert ps["Anna Ek"].organization == "Örebro kommun"


def test_secretary_in_a_function_cell_and_antecknare_after_the_organisation():
    text = ("Protokoll Samverkansrådet Gävleborg\nMötesdatum: 2024-02-02\n\nDeltagare\n"
            "Namn\tOrganisation\tFunktion\n"
            "Anna Wiklund\tRegion Gävleborg\tordförande\n"
            "Tomas Hedin\tGävle kommun\t\n"
            "Niklas Berg\tRegion Gävleborg\tsamordnare, sekreterare\n\n"
            "1. Mötets öppnande\nOrdföranden öppnade mötet.\n")
    p = parse(text)
    assert [o.name for o in p.officers if o.role == "secretary"] == ["Niklas Berg"]
    assert people(p)["Niklas Berg"].title == "samordnare"
    text2 = ("Minnesanteckningar\nLänsnätverket för barn och unga\nDatum: 2024-03-14\n\nNärvarande:\n"
             "Hanna Lövgren, Jönköpings kommun, ordförande\nMats Kjellberg, Värnamo kommun\n"
             "Fredrik Ödman, Region Jönköpings län, antecknare\n\n1. Inledning\nDagordningen fastställdes.\n")
    p2 = parse(text2)
    assert [o.name for o in p2.officers if o.role == "secretary"] == ["Fredrik Ödman"]


def test_presence_grid_with_one_column_per_paragraph():
    text = ("Protokoll\nÖverförmyndarnämnden\nSammanträdesdatum 2024-03-06\n\n"
            "NÄRVAROLISTA\tNärvaro per paragraf\n"
            "Namn\tParti  Kommun\tFunktion\t8  9  10 11 12 13\n"
            "Leif Gustavsson\tS\tKungälv\tordförande   x  x  x  x  x  x\n"
            "Hans-Åke Lindqvist   SD\tStenungsund  ledamot\tx  x  x  -  -  -\n"
            "Elin Carlberg\tC\tKungälv\tledamot\t-  -  -  -  -  -\n"
            "Runa Svensson\tS\tStenungsund  ersättare\t-  -  -  x  x  x\n\n"
            "§ 8 Val av justerare\nNämnden utser Leif Gustavsson.\n")
    pp = people(parse(text))
    assert (pp["Hans-Åke Lindqvist"].party, pp["Hans-Åke Lindqvist"].organization, pp["Hans-Åke Lindqvist"].present) \
        == ("SD", "Stenungsund", True)
    assert pp["Elin Carlberg"].present is False                     # no mark in any § column
    assert (pp["Runa Svensson"].role, pp["Runa Svensson"].organization) == ("substitute", "Stenungsund")
    assert pp["Leif Gustavsson"].title is None


def test_table_with_a_party_column_beside_a_substitute_column():
    text = ("Protokoll\nVård- och omsorgsnämnden\nSammanträdesdatum\t2023-10-19\n\nNärvarande\n\n"
            "Ledamöter\tParti\tTjänstgörande ersättare\n"
            "Marie Dahlin, ordförande\tS\t\n"
            "Anette Rundberg\tS\t\n"
            "Lisa Kvist\tC\tUlf Gustavsson (C)\n\n"
            "Frånvarande: Lisa Kvist (C)\n\n§ 98 Information\nNämnden tackar för informationen.\n")
    pp = people(parse(text))
    assert (pp["Ulf Gustavsson"].role, pp["Ulf Gustavsson"].party) == ("substitute", "C")
    assert (pp["Lisa Kvist"].role, pp["Lisa Kvist"].present, pp["Lisa Kvist"].party) == ("member", False, "C")
    assert pp["Anette Rundberg"].party == "S"


def test_presence_column_answered_nej_is_absent():
    text = ("PROTOKOLL\nKultur- och fritidsnämnden\nSammanträdesdatum\t2024-05-22\n\nNärvarolista\n"
            "Namn\tParti\tFunktion\tNärvarande\n"
            "Ingela Brandt\tM\tordförande\tJa\n"
            "Patrik Öberg\tSD\tledamot\tNej\n"
            "Olle Granath\tSD\ttjänstgörande ersättare\tJa\n\n§ 41 Dagordning\nDagordningen godkänns.\n")
    pp = people(parse(text))
    assert pp["Patrik Öberg"].present is False and pp["Ingela Brandt"].present is True
    assert pp["Olle Granath"].role == "substitute"


def test_semicolons_separate_people_and_commas_their_details():
    text = ("Minnesanteckningar från Länsledningsgruppen\nMöte 2024-02-15\n\n"
            "Deltagare: Karin Lindbäck, Luleå kommun (ordf); Johan Nyström, Piteå kommun; "
            "Anneli Berg, Norrbottens Kommuner (sekr)\n\nPunkt 1. Föregående anteckningar\nAnteckningarna godkändes.\n")
    p = parse(text)
    assert [x.name for x in p.participants] == ["Karin Lindbäck", "Johan Nyström", "Anneli Berg"]
    assert [o.name for o in p.officers if o.role == "secretary"] == ["Anneli Berg"]


def test_presence_column_with_ja_nej_and_a_replacement():
    text = ("ÖREBRO KOMMUN\nSocialnämnden\nProtokoll 2024-03-20\n\n"
            "Ledamöter\tNärvarande\n"
            "Hanna Forsberg (S), ordf.\tJa\n"
            "Per-Olof Sand (SD)\tNej, ersatt av Lisa Bäck (SD)\n"
            "Mona Lindh (C)\tJa\n\n§ 30 Dagordning\nDagordningen godkänns.\n")
    pp = people(parse(text))
    assert pp["Per-Olof Sand"].present is False and pp["Mona Lindh"].present is True
    assert (pp["Lisa Bäck"].role, pp["Lisa Bäck"].present) == ("substitute", True)
    assert pp["Mona Lindh"].title is None


def test_voting_grid_with_a_substitute_column():
    text = ("Kommunfullmäktige\nSammanträdesdatum 2024-02-26\n\nNÄRVARO- OCH OMRÖSTNINGSLISTA\n"
            "Ledamöter\tTjänstgörande ersättare\tJa\tNej\tAvstår\n"
            "Anders Lund (S), ordf.\tX\n"
            "Cecilia Nord (SD)\tDennis Öst (SD)\tX\n"
            "Gun Ljung (V)\n\nJusterare: Gun Ljung\n\n§ 10 Val av justerare\nGun Ljung utses att justera protokollet.\n")
    pp = people(parse(text))
    assert (pp["Dennis Öst"].role, pp["Dennis Öst"].present) == ("substitute", True)
    assert (pp["Cecilia Nord"].role, pp["Cecilia Nord"].present) == ("member", False)
    assert pp["Anders Lund"].present is True


def test_a_single_paragraph_extract_is_one_item():
    p = parse("Protokollsutdrag\nKommunfullmäktige\nSammanträdesdatum 2024-02-26\n\nJusterare: Fredrik Hall\n\n"
              "§ 10 Val av justerare\nFredrik Hall utses att justera protokollet.\n")
    assert [(i.number, i.title) for i in p.items] == [("10", "Val av justerare")]


def test_known_place_with_and_without_diacritics():
    from govgraph.loaders.structure_parts.people import known_place
    assert known_place("Örebro") and known_place("Orebro") and known_place("Region  Örebro län")
    assert known_place("Hallsberg") and known_place("Laxa") and not known_place("Styrgruppen")


def test_split_orgs_finds_regions_among_municipalities():
    assert split_orgs("Region Örebro län Kumla kommun Region Stockholm") == [
        "Region Örebro län", "Kumla kommun", "Region Stockholm"]


def test_dash_separated_rows_meeting_roles_and_compound_federations():
    p = parse("""Samordningsförbundet Gotland
Protokoll fört vid styrelsemöte

Tid: 2024-12-12 kl. 13.00–15.30

Ledamöter
Eva Nypelius – Region Gotland – ordförande
Tim Gardell – Region Gotland – ej närvarande
Susanne Lindahl – Arbetsförmedlingen

Övriga
Elsa Bondesson – processledare, protokollförare
Josefine Holm, folkhälsosamordnare, Kalmar kommun (ordförande)
Camilla Ros, Smålands idrottsförbund
Nora Eklund, Dalarnas kommunförbund
Sten Berg (kassör)
Gunnel Ström (ordförande)

§ 1 Mötets öppnande
Ordföranden öppnade mötet.
""")
    ps = people(p)
    tim = ps["Tim Gardell"]
    assert tim.organization == "Region Gotland" and tim.present is False      # "– ej närvarande" is presence
    assert ps["Eva Nypelius"].organization == "Region Gotland" and "Eva Nypelius" in p.chair
    assert ps["Elsa Bondesson"].title == "processledare"                       # protokollförare: a role
    assert ps["Josefine Holm"].title == "folkhälsosamordnare"                  # (ordförande) beside a post
    assert ps["Josefine Holm"].organization == "Kalmar kommun"
    assert ps["Camilla Ros"].organization == "Smålands idrottsförbund"
    assert ps["Nora Eklund"].organization == "Dalarnas kommunförbund"
    assert ps["Sten Berg"].title == "kassör"
    assert ps["Gunnel Ström"].title == "ordförande"                           # the only post named


def test_federation_compounds_are_organisations_but_not_posts():
    assert is_org("Smålands idrottsförbund") and is_org("Dalarnas kommunförbund")
    assert not is_org("förbundschef")
