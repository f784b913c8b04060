"""Conventions of Swedish minutes beyond the seeds: comma lists with details between the
names, bracketed posts and statuses, presence/function columns, names in other Latin scripts
(synthetic protocols)."""
from __future__ import annotations

from tests.test_structure_attendance import parse, people


def test_comma_list_with_organisations_in_brackets_and_foreign_letters():
    text = ("Anteckningar från nätverket för äldrefrågor\n\nDatum: 2024-02-01\n\n"
            "Närvarande: Eva Lind (Mora kommun), Zoran Petrović (Orsa kommun), "
            "Ørjan Dahl (Region Dalarna), Åsa Berg (Falu kommun)\n\n"
            "1. Inledning\n\nMötet öppnas.\n")
    ps = people(parse(text))
    assert set(ps) == {"Eva Lind", "Zoran Petrović", "Ørjan Dahl", "Åsa Berg"}
    assert ps["Zoran Petrović"].organization == "Orsa kommun"
    assert ps["Ørjan Dahl"].organization == "Region Dalarna"
    assert all(p.title is None for p in ps.values())


def test_comma_list_with_roles_and_titles_between_names():
    text = ("Protokoll Socialnämndens arbetsutskott\n\nDatum: 2024-03-05\n\n"
            "Ledamöter: Per Holm (S), ordförande, Anna Ek (M), vice ordförande, Kjell Berg (V)\n"
            "Övriga: Maria Sund, socialchef, Olof Nyström, ekonom, och Lisa Strand, sekreterare\n\n"
            "§ 1 Inledning\n\nMötet öppnas.\n")
    p = parse(text)
    ps = people(p)
    assert set(ps) == {"Per Holm", "Anna Ek", "Kjell Berg", "Maria Sund", "Olof Nyström", "Lisa Strand"}
    assert ps["Anna Ek"].party == "M" and ps["Anna Ek"].title == "vice ordförande"
    assert ps["Kjell Berg"].party == "V" and ps["Kjell Berg"].role == "member"
    assert ps["Maria Sund"].title == "socialchef" and ps["Maria Sund"].role == "other"
    assert ps["Olof Nyström"].title == "ekonom"
    assert p.chair == ["Per Holm"]
    assert p.secretary == ["Lisa Strand"]


def test_comma_list_does_not_split_a_title_with_och():
    text = ("Protokoll Omsorgsnämnden\n\nDatum: 2024-03-05\n\n"
            "Övriga närvarande: Maria Sund, vård- och omsorgschef, Olof Nyström, ekonom\n\n"
            "§ 1 Inledning\n\nMötet öppnas.\n")
    ps = people(parse(text))
    assert ps["Maria Sund"].title == "vård- och omsorgschef"
    assert ps["Olof Nyström"].title == "ekonom"


def test_bracketed_posts_and_statuses():
    text = ("Protokoll fört vid styrelsemöte i Bergs byalag\n\nDatum: 2024-01-10\n\n"
            "Närvarande: Gun Ek (ordförande), Sven Ås (kassör), Mona Lind (sekreterare), "
            "Bo Falk, Ida Holm (suppleant)\n"
            "Frånvarande: Olle Berg (anmält förhinder)\n"
            "Närvarande: Kent Dahl (anmält förhinder)\n\n"
            "§ 1 Mötets öppnande\n\nOrdföranden förklarade mötet öppnat.\n")
    p = parse(text)
    ps = people(p)
    assert ps["Sven Ås"].title == "kassör" and ps["Sven Ås"].role == "member"
    assert ps["Gun Ek"].title == "ordförande"
    assert ps["Ida Holm"].role == "substitute" and ps["Ida Holm"].title is None
    assert ps["Olle Berg"].present is False and ps["Olle Berg"].title is None
    assert ps["Kent Dahl"].present is False
    assert ps["Mona Lind"].role == "member"          # a board member who keeps the minutes
    assert p.chair == ["Gun Ek"] and p.secretary == ["Mona Lind"]


def test_function_and_presence_columns():
    text = ("Protokoll Miljönämnden\n\nDatum: 2024-05-02\n\nNärvarolista\n\n"
            "Namn\tParti\tFunktion\tNärvaro\n"
            "Karl Ek\tC\tOrdförande\tNärvarande\n"
            "Lena Sjö\tS\tLedamot\tFrånvarande\n"
            "Nils Ås\tMP\tErsättare\tNärvarande\n"
            "Rut Berg\tKD\tSuppleant\tEj närvarande\n\n"
            "Övriga deltagande\n\nEmma Vik\tmiljösekreterare\n\n"
            "§ 1 Val av justerare\n\nNils Ås utses att justera.\n")
    ps = people(parse(text))
    assert ps["Karl Ek"].party == "C" and ps["Karl Ek"].title is None
    assert ps["Lena Sjö"].present is False and ps["Lena Sjö"].role == "member" and ps["Lena Sjö"].title is None
    assert ps["Nils Ås"].role == "substitute" and ps["Nils Ås"].party == "MP"
    assert ps["Rut Berg"].role == "substitute" and ps["Rut Berg"].present is False
    assert all(p.organization is None for p in ps.values())          # KD, MP are parties
    assert ps["Emma Vik"].title == "miljösekreterare"


def test_organisation_never_swallows_a_role_or_a_party():
    text = ("Anteckningar Samverkansrådet\n\nDatum: 2024-04-04\n\nNärvarande\n"
            "Maj Lund (S), Region Gävleborg, ordförande\n"
            "Tor Ek, Region Uppsala, vice ordförande\n"
            "Ulla Sten, Ovanåkers kommun 2:e vice ordförande\n"
            "Sam Berg, KD\n\n1. Inledning\n\nText.\n")
    p = parse(text)
    ps = people(p)
    assert ps["Maj Lund"].party == "S" and ps["Maj Lund"].organization == "Region Gävleborg"
    assert ps["Tor Ek"].organization == "Region Uppsala" and ps["Tor Ek"].title == "vice ordförande"
    assert ps["Ulla Sten"].organization == "Ovanåkers kommun"
    assert ps["Sam Berg"].party == "KD" and ps["Sam Berg"].organization is None
    assert p.chair == ["Maj Lund"]


def test_replaced_member_is_listed_absent():
    text = ("Protokoll Kulturnämnden\n\nDatum: 2024-06-11\n\nBeslutande\n"
            "Eva Holm (S), ordförande\nJan Berg (V) tjg för Sara Lind (V)\n"
            "Nils Ek (M), tjänstgörande ersättare för Lisa Åberg (M)\n"
            "Frånvarande\nLisa Åberg (M)\n\n§ 1 Inledning\n\nText.\n")
    ps = people(parse(text))
    assert ps["Jan Berg"].serves_for == "Sara Lind" and ps["Jan Berg"].role == "substitute"
    assert ps["Sara Lind"].present is False and ps["Sara Lind"].role == "member"
    assert ps["Sara Lind"].party == "V"
    assert [n for n in ps].count("Lisa Åberg") == 1 and ps["Lisa Åberg"].present is False


def test_signature_blocks():
    text = ("Protokoll Tekniska nämnden\n\nDatum: 2024-09-02\n\nBeslutande\nAnna Ek (S)\nPer Holm (M)\n"
            "Lena Berg (C)\nOla Sund (V)\n\n"
            "Underskrifter   Sekreterare   ........................\tParagrafer 12–19\n"
            "Maria Lind\n"
            "Ordförande\t........................\nAnna Ek\n"
            "Justerare\t........................\t........................\n"
            "Lena Berg\tOla Sund\n\n§ 12 Inledning\n\nText.\n")
    p = parse(text)
    assert p.secretary == ["Maria Lind"]
    assert p.chair == ["Anna Ek"]
    assert p.adjusters == ["Lena Berg", "Ola Sund"]


def test_roles_under_side_by_side_signatures():
    text = ("Protokoll fört vid styrelsemöte i Bergs idrottsförening\n\nDatum: 2024-01-10\n\n"
            "Närvarande: Gun Ek, Sven Ås, Bo Falk\n\n§ 1 Mötets öppnande\n\nText.\n\n"
            "Vid protokollet\tJusteras\n\nMona Lind\tGun Ek\tBo Falk\nsekreterare\tordförande\n")
    p = parse(text)
    assert p.secretary == ["Mona Lind"]
    assert p.chair == ["Gun Ek"]


def test_box_drawn_header_table():
    text = ("╔════════════════════╦═════════════╗\n"
            "║ KIRUNA KOMMUN      ║ PROTOKOLL   ║\n"
            "║ Kultur- och fritidsnämnden ║ Sammanträdesdatum ║\n"
            "║                    ║ 2024-05-06  ║\n"
            "╚════════════════════╩═════════════╝\n\n"
            "Plats och tid: Stadshuset, kl. 09.00\n\n"
            "Beslutande: Anna Ek (S), ordförande\nPer Holm (M)\n\n§ 1 Inledning\n\nText.\n")
    p = parse(text)
    assert p.body == "Kultur- och fritidsnämnden"
    assert p.date == "2024-05-06"
    assert not any(ch in (p.body or "") for ch in "│║═")


def test_place_from_a_sentence():
    for verb, place in (("sammanträdde", "Rådhuset, sal Björken, Luleå"),
                        ("höll sammanträde", "Kommunhuset i Boden"),
                        ("träffades", "Folkets hus, Kalix")):
        text = (f"PROTOKOLL\n\nTekniska nämnden {verb} tisdagen den 4 juni 2024 kl. 13.00–15.00 i {place}.\n\n"
                "Beslutande: Anna Ek (S), ordförande\nPer Holm (M)\n\n§ 1 Inledning\n\nText.\n")
        p = parse(text)
        assert p.place == place, verb
        assert p.date == "2024-06-04"


def test_board_meeting_of_an_association():
    for title, body in (("Protokoll fört vid styrelsemöte i Bergs idrottsförening", "Styrelsen för Bergs idrottsförening"),
                        ("Protokoll fört vid styrelsesammanträde för Stiftelsen Ekgården", "Styrelsen för Stiftelsen Ekgården")):
        p = parse(f"{title}\n\nDatum: 2024-01-10\n\nNärvarande: Gun Ek, Sven Ås\n\n§ 1 Mötets öppnande\n\nText.\n")
        assert p.body == body


def test_heading_wrapped_onto_the_next_line():
    text = ("Protokoll Samverkansrådet\n\nDatum: 2024-03-01\n\nNärvarande: Gun Ek (S), Per Holm (M)\n\n"
            "§ 7 Överenskommelse om samverkan kring barn och unga med psykisk ohälsa\ni Norrbottens län\n"
            "Gun Ek föredrar ärendet.\n\n§ 8 Budget\nsamt uppföljning nämns inte här.\n")
    p = parse(text)
    assert [(i.number, i.title) for i in p.items] == [
        ("7", "Överenskommelse om samverkan kring barn och unga med psykisk ohälsa i Norrbottens län"),
        ("8", "Budget")]


def test_unnumbered_heading_after_the_last_markdown_item():
    text = ("# Minnesanteckningar\n\n## Nätverket för skolhälsa\n\n**Närvarande:** Gun Ek (Mora kommun), "
            "Per Holm (Orsa kommun)\n\n### 1. Inledning\n\nText.\n\n### 2. Rapporter\n\nText.\n\n"
            "### 3. Övriga frågor\n\nText.\n\n### Nästa möte\n\n- 2024-05-14 i Mora.\n\n#### Bilagor\n\nx\n")
    p = parse(text)
    assert [(i.number, i.title) for i in p.items][-2:] == [("3", "Övriga frågor"), ("3a", "Nästa möte")]


def test_comma_list_with_roles_after_the_party_bracket():
    text = ("Protokoll Valnämnden\n\nDatum: 2024-08-20\n\n"
            "Beslutande: Anna Ek (S) ordförande, Per Holm (M), Lena Berg (C) vice ordförande, "
            "Ola Ås (KD) tjg för Kim Lund (KD)\n\n§ 1 Inledning\n\nText.\n")
    p = parse(text)
    ps = people(p)
    assert {"Anna Ek", "Per Holm", "Lena Berg", "Ola Ås"} <= set(ps)
    assert ps["Lena Berg"].party == "C" and ps["Lena Berg"].title == "vice ordförande"
    assert ps["Ola Ås"].serves_for == "Kim Lund" and ps["Ola Ås"].role == "substitute"
    assert ps["Kim Lund"].present is False and ps["Kim Lund"].party == "KD"
    assert p.chair == ["Anna Ek"]


def test_uppercase_letterhead_body_in_sentence_case():
    text = ("REGIONALA SAMVERKANSRÅDET I KRONOBERGS LÄN\tPROTOKOLL\n\nDatum: 2024-02-02\n\n"
            "Närvarande: Gun Ek (S), Per Holm (M)\n\n§ 1 Inledning\n\nText.\n")
    assert parse(text).body == "Regionala samverkansrådet i Kronobergs län"


def test_signatures_at_the_end_with_roles_below():
    text = ("Protokoll fört vid styrelsemöte i Bergs byalag\n\nDatum: 2024-03-03\n\n"
            "Närvarande: Gun Ek, Sven Ås, Bo Falk\n\n§ 1 Mötets öppnande\n\nText.\n\n§ 2 Avslut\n\nText.\n\n"
            "Vid protokollet\n\nMona Lind\nsekreterare\n\nJusteras\n\nGun Ek\t\tBo Falk\nordförande\t\tjusterare\n")
    p = parse(text)
    assert p.secretary == ["Mona Lind"] and p.chair == ["Gun Ek"] and p.adjusters == ["Bo Falk"]


def test_signature_block_with_paragraph_range_and_indented_names():
    text = ("Protokoll Kommunstyrelsen\n\nDatum: 2024-03-03\n\n"
            "Beslutande: Gun Ek (S), ordförande, Sven Ås (M), Bo Falk (C)\n\n"
            "Sekreterare\t……………………\tParagrafer §§ 1–9\n\tMona Lind\n"
            "Justerande\t……………………\t……………………\n\tSven Ås\tBo Falk\n\n§ 1 A\n\nText.\n")
    p = parse(text)
    assert p.secretary == ["Mona Lind"] and p.chair == ["Gun Ek"]
    assert p.adjusters == ["Sven Ås", "Bo Falk"]


def test_list_joined_with_samt_and_semicolons():
    text = ("Protokoll Krisledningsnämnden\n\nDatum: 2024-10-01\n\n"
            "Närvarande ledamöter: Eva Lind (S); Zoran Petrović (M) samt Åsa Berg (L)\n\n§ 1 A\n\nText.\n")
    ps = people(parse(text))
    assert [(n, x.party) for n, x in ps.items()] == [("Eva Lind", "S"), ("Zoran Petrović", "M"), ("Åsa Berg", "L")]
