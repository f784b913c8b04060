"""Cleaning: characters, markup → fields, page furniture, dehyphenation — on seeds and small texts."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from govgraph.loaders.clean import clean_document, normalize_chars
from govgraph.loaders.formats.markup import strip_line_markup
from govgraph.loaders.readers import raw_from_text, read_document
from govgraph.model import RawDocument, RawLine

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"


def clean_text(text: str):
    return clean_document(raw_from_text(text))


def seed(prefix: str):
    path = next(EXAMPLES.glob(prefix + "_*.txt"))
    return clean_document(read_document(path))


# --------------------------------------------------------------------------- characters
def test_odd_characters_are_normalised():
    s = "Anna\u00a0Berg\u200b fr\u00e5n Kumla\u00ad kommun \u200eN\u2009o\ufb01ce\ufeff \u202bX\u202c"
    assert normalize_chars(s) == "Anna Berg från Kumla kommun N oofice X".replace("oofice", "ofice")


def test_soft_hyphen_at_line_end_joins_words():
    doc = clean_text("Ingen rapport då Stefan har ute\u00ad\nvaro idag och kom\u00admer inte")
    assert [ln.text for ln in doc.lines] == ["Ingen rapport då Stefan har utevaro", "idag och kommer inte"]


def test_space_aligned_columns_become_tabs():
    doc = clean_text("Siv Ahlstrand        Askersund\nEn mening  med två mellanslag.")
    assert [ln.text for ln in doc.lines] == ["Siv Ahlstrand\tAskersund", "En mening  med två mellanslag."]


def test_combining_accents_compose_and_apostrophes():
    assert normalize_chars("Sa\u0308ter O\u2019Brien") == "Säter O'Brien"
    assert normalize_chars("Ö\tKumla") == "Ö\tKumla"       # tabs survive


def test_unicode_oddities_never_crash_and_keep_struck_spans():
    raw = RawDocument("x.txt", "x.txt", "application/vnd.test", "0" * 64,
                      [RawLine("\u200fAnna\u00a0Berg\u200b\tKumla", struck=((1, 11),))])
    doc = clean_document(raw)
    line = doc.lines[0]
    assert line.text == "Anna Berg\tKumla"
    s, e = line.struck[0]
    assert line.text[s:e] == "Anna Berg"


# --------------------------------------------------------------------------- markup
@pytest.mark.parametrize("src,text,heading,bold", [
    ("## 6. Budget", "6. Budget", 2, False),
    ("### 1. **Inledning**", "1. Inledning", 3, True),
    ("#### 4. Rapport från AU", "4. Rapport från AU", 4, False),
    ("1. **Mötet öppnades**", "1. Mötet öppnades", 0, True),
    ("**Beslut:** Chefsgruppen beslutar att:", "Beslut: Chefsgruppen beslutar att:", 0, False),
    ("- 1. Föregående minnesanteckningar**", "- 1. Föregående minnesanteckningar", 0, True),
    ("<b>Beslut</b>", "Beslut", 0, True),
    ("Text med <i>kursiv</i> och <br> radbrytning", "Text med kursiv och   radbrytning", 0, False),
    ("<https://example.org/a-b>", "https://example.org/a-b", 0, False),
    ("AU har gett LAG de-  ", "AU har gett LAG de-", 0, False),
    ("Sekreterare\t_____\t\t", "Sekreterare\t_____\t\t", 0, False),
    ("1\\. Inte en lista \\*", "1. Inte en lista *", 0, False),
    ("Ola &amp; Eva", "Ola & Eva", 0, False),
    ("| Siv Ahlstrand | Askersund |", "Siv Ahlstrand\tAskersund", 0, False),
])
def test_markup_line_forms(src, text, heading, bold):
    m = strip_line_markup(src)
    assert (m.text, m.heading, m.bold) == (text, heading, bold)


def test_struck_markup_forms_give_spans():
    for src in ("<del>Lise Bergman</del>\t<del>Psykiatri</del>", "~~Lise Bergman~~\t~~Psykiatri~~",
                "<s>Lise Bergman</s>\t<strike>Psykiatri</strike>"):
        m = strip_line_markup(src)
        assert m.text == "Lise Bergman\tPsykiatri"
        assert [m.text[s:e] for s, e in m.struck] == ["Lise Bergman", "Psykiatri"]
    m = strip_line_markup("**Örebro**, ~~Stefan Nilsson~~. Ingen rapport")
    assert m.text == "Örebro, Stefan Nilsson. Ingen rapport"
    assert [m.text[s:e] for s, e in m.struck] == ["Stefan Nilsson"]


def test_setext_headings_and_rules():
    doc = clean_text("Protokoll\n=========\n\nNärvarande\n----------\nAnna\n\n---\n\nSlut")
    assert [(ln.text, ln.heading) for ln in doc.lines] == [
        ("Protokoll", 1), ("", 0), ("Närvarande", 2), ("Anna", 0), ("", 0), ("Slut", 0)]


def test_br_splits_a_line_in_text_files():
    doc = clean_text("Anna Berg<br>Kumla kommun\n")
    assert [ln.text for ln in doc.lines] == ["Anna Berg", "Kumla kommun"]
    assert doc.lines[0].raw_index == doc.lines[1].raw_index == 0


def test_seed_001_struck_attendance_and_headings():
    doc = seed("001")
    line = next(ln for ln in doc.lines if ln.text.startswith("Lise Bergman Nordgren"))
    assert line.is_struck(0, len("Lise Bergman Nordgren"))
    assert not next(ln for ln in doc.lines if ln.text.startswith("Karin Haster")).struck
    assert next(ln for ln in doc.lines if ln.text == "1. Inledning").heading == 3
    assert "<del>" not in doc.text and "**" not in doc.text and "~~" not in doc.text


# --------------------------------------------------------------------------- furniture
def test_seed_000_letterhead_kept_once_at_top():
    doc = seed("000")
    text = doc.text
    assert text.count("Tjänsteställe") == 1
    assert text.count("Förvaltningen för Regional") == 1
    assert doc.lines[0].text.startswith("Specifikt samverkansråd")
    # the secretary label of the signature block is content, not furniture
    assert "Ann-Louise Gustafsson\nSekreterare" in text
    # a word hyphenated across the page break (and the letterhead between) is joined
    assert "var den 6:e i ordningen." in text


def test_seed_003_signature_boxes_dropped_cues_kept():
    doc = seed("003")
    text = doc.text
    assert "Justerandes sign" not in text and "Utdragsbestyrkande" not in text
    assert "2021-06-04" not in text                      # the stale date printed on every page
    assert doc.lines[0].text == "2021-10-08"            # the real date at the top stays
    assert text.count("Ställningstagande Sociala samrådsgruppen, SocSam:") == 9


def test_seed_001_letterhead_once_and_decision_cues_kept():
    doc = seed("001")
    assert doc.text.count("Tjänsteställe") == 1
    assert doc.text.count("Beslut: Chefsgruppen beslutar att:") >= 6
    assert sum(ln.text == "Malin Duckert Ek" for ln in doc.lines) == 1
    assert "Malin Duckert Ek\tRegion Örebro län" in doc.text


def test_seed_002_contact_footer_dropped_content_kept():
    doc = seed("002")
    assert "Organisationsnummer" not in doc.text and "Postadress" not in doc.text
    assert "4. RUS- genomförande" in doc.text
    assert doc.text.count("Det ska") == 3                # short repeated content stays


def test_repeated_short_content_lines_are_not_furniture():
    body = "\n\n".join(f"§ {n} Ärende {n}\n\nDiskussion/synpunkter:\n\nDe bilder som visades bifogas protokollet.\n\nDet ska"
                       for n in range(1, 5))
    doc = clean_text(body)
    assert doc.text.count("Diskussion/synpunkter:") == 4
    assert doc.text.count("De bilder som visades bifogas protokollet.") == 4
    assert doc.text.count("Det ska") == 4


def test_page_numbers_and_repeated_header_footer_on_pdf_pages():
    pages = []
    for n in range(1, 4):
        pages.append([f"Kommunstyrelsen\tSammanträdesprotokoll\tSida {n} av 3", "2024-05-06", "",
                      f"§ {n} Ärende nummer {n}", "", f"Texten i ärende {n} fortsätter här.", "",
                      "Justerandes sign\tUtdragsbestyrkande", f"{n} (3)"])
    lines = [RawLine(t, page=p + 1) for p, page in enumerate(pages) for t in page]
    raw = RawDocument("k.pdf", "k.pdf", "application/pdf", "0" * 64, lines, pages=3)
    doc = clean_document(raw)
    text = doc.text
    assert "Sida" not in text and "(3)" not in text and "Justerandes sign" not in text
    for n in range(1, 4):
        assert f"§ {n} Ärende nummer {n}" in text
    # the header at the very top is kept once (it names the body), later repeats go
    assert text.count("Kommunstyrelsen") == 1
    assert text.startswith("Kommunstyrelsen")


def test_lone_page_number_dropped_only_at_page_edges():
    lines = [RawLine("§ 1 Budget", 1), RawLine("Beloppet är", 1), RawLine("12", 1), RawLine("1", 1),
             RawLine("Fortsättning", 2), RawLine("2", 2)]
    raw = RawDocument("k.pdf", "k.pdf", "application/pdf", "0" * 64, lines, pages=2)
    texts = [ln.text for ln in clean_document(raw).lines if ln.text]
    assert texts == ["§ 1 Budget", "Beloppet är", "12", "Fortsättning"]


# --------------------------------------------------------------------------- hyphenation
@pytest.mark.parametrize("src,expected", [
    ("har ute-\nvaro idag", ["har utevaro", "idag"]),
    ("LAG de-  \nmens ett uppdrag", ["LAG demens", "ett uppdrag"]),
    ("hälso-\noch sjukvård", ["hälso-", "och sjukvård"]),
    ("Hälsa-\noch sjukvårdsstaben", ["Hälsa-", "och sjukvårdsstaben"]),
    ("barn-\neller ungdomsvård", ["barn-", "eller ungdomsvård"]),
    ("Marie-Louise Forsberg-\nFransson deltog", ["Marie-Louise Forsberg-Fransson", "deltog"]),
    ("Agenda 2030-\n2040 arbetet", ["Agenda 2030-", "2040 arbetet"]),
    ("RUS-\n2030 genomförande", ["RUS-2030", "genomförande"]),
    ("skydds-\n, risk- och friskfaktorer", ["skydds-", ", risk- och friskfaktorer"]),
    ("En narvarokontroll genom-\nfordes.", ["En narvarokontroll genomfordes."]),
    ("Punkt -\nnästa rad", ["Punkt -", "nästa rad"]),
    ("ute-\n\nvaro", ["ute-", "", "varo"]),
    ("ett nytt EU-\nprojekt startar", ["ett nytt EU-projekt", "startar"]),
    ("en ST-\nläkare deltog", ["en ST-läkare", "deltog"]),
])
def test_dehyphenation(src, expected):
    assert [ln.text for ln in clean_text(src).lines] == expected


def test_dehyphenation_keeps_raw_index_and_moves_struck_fragment():
    raw = RawDocument("x", "x", "application/vnd.test", "0" * 64,
                      [RawLine("Frånvarande Anna Berg-", struck=((12, 22),)),
                       RawLine("Olsson och Per", struck=((0, 6),))])
    doc = clean_document(raw)
    first = doc.lines[0]
    assert first.text == "Frånvarande Anna Berg-Olsson"
    assert first.is_struck(12, len(first.text))
    assert doc.lines[1].text == "och Per" and doc.lines[1].raw_index == 1 and not doc.lines[1].struck


# --------------------------------------------------------------------------- blank lines / provenance
def test_blank_runs_collapse_and_tabs_survive():
    doc = clean_text("\n\nA\tB\n\n\n\nC\n\n")
    assert [ln.text for ln in doc.lines] == ["A\tB", "", "C"]
    assert [ln.raw_index for ln in doc.lines] == [2, 3, 6]


def test_clean_document_metadata_and_repair_hook(monkeypatch):
    calls = []
    import govgraph.loaders.ocr_repair as repair

    def fake(doc):
        calls.append(doc)
        doc.flags.append("checked")
        return doc
    monkeypatch.setattr(repair, "repair_document", fake)
    raw = raw_from_text("Protokoll\n", name="p.txt")
    doc = clean_document(raw)
    assert calls and doc.flags == ["checked"]
    assert (doc.name, doc.sha256) == ("p.txt", hashlib.sha256(b"Protokoll\n").hexdigest())


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_clean_without_markup_and_map_back(prefix):
    path = next(EXAMPLES.glob(prefix + "_*.txt"))
    raw = read_document(path)
    doc = clean_document(raw)
    assert len(doc.lines) > 50
    for ln in doc.lines:
        assert "<del>" not in ln.text and "**" not in ln.text
        assert 0 <= ln.raw_index < len(raw.lines)
    # raw_index increases monotonically, so provenance maps back in order
    idx = [ln.raw_index for ln in doc.lines]
    assert idx == sorted(idx)


def test_repeated_list_after_a_label_is_content():
    body = "\n\n".join(f"§ {n} Ärende {n}\n\nText om ärendet nummer {n}.\n\nExpedieras till:\nEkonomichef\nKommundirektör"
                       for n in range(1, 5))
    doc = clean_text(body)
    assert doc.text.count("Expedieras till:\nEkonomichef\nKommundirektör") == 4


def test_paged_boilerplate_in_the_middle_of_pages_is_content():
    pages = []
    for n in range(1, 4):
        filler = [f"Rad {k} av texten på sidan {n}." for k in range(1, 6)]
        pages.append(["Kommunstyrelsen", "", f"§ {n} Ärende {n}", "", *filler, "", "Beslutet skickas till",
                      "Ekonomichef", "Kommundirektör", "", *filler])
    lines = [RawLine(t, page=p + 1) for p, page in enumerate(pages) for t in page]
    doc = clean_document(RawDocument("k.pdf", "k.pdf", "application/pdf", "0" * 64, lines, pages=3))
    assert doc.text.count("Beslutet skickas till\nEkonomichef\nKommundirektör") == 3
    assert doc.text.count("Kommunstyrelsen") == 1


# --------------------------------------------------------------------------- properties
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("abcåäöÅÄÖ -\t*~_#<>/|&;:.,()§0123456789\\")
                            + ["\u00a0", "\u200b", "\u00ad", "\u200f", "\ufb01", "a\u0308", "<del>", "</del>",
                               "**", "~~", "<br>", "\n", "\n\n", "\f", "Sida 1 av 2", "Justerandes sign"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_cleaning_never_crashes_and_keeps_invariants(text):
    raw = raw_from_text(text)
    doc = clean_document(raw, repair=False)
    idx = [ln.raw_index for ln in doc.lines]
    assert idx == sorted(idx)
    for ln in doc.lines:
        assert "\n" not in ln.text and "\u200b" not in ln.text and "\u00ad" not in ln.text
        assert 0 <= ln.raw_index < len(raw.lines)
        for s, e in ln.struck:
            assert 0 <= s < e <= len(ln.text)
    assert not doc.lines or doc.lines[0].text and doc.lines[-1].text


def test_letterhead_repeated_once_in_a_two_page_text_is_dropped():
    head = "Miljönämnden\nTjänsteställe\nMiljöförvaltningen\nSekreterare\nKarin Lund"
    text = (f"{head}\n\nProtokoll Miljönämnden\n\nTid: 2024-02-01\n\n§ 1 Mötet öppnas\n\nOrdföranden öppnade "
            f"mötet och hälsade alla väl-\n\n{head}\n\nkomna.\n\n§ 2 Avslut\n")
    doc = clean_text(text)
    assert doc.text.count("Tjänsteställe") == 1 and doc.text.startswith("Miljönämnden\nTjänsteställe")
    assert "hälsade alla välkomna." in doc.text


def test_running_header_with_changing_paragraph_numbers():
    pages = []
    for n in range(1, 5):
        body = [f"Rad {k} i ärendet på sidan {n}." for k in range(1, 7)]
        pages.append([f"Kommunstyrelsen\t2024-03-12\t§ {10 + n}", "", f"§ {10 + n} Ärende {n}", *body])
    lines = [RawLine(t, page=p + 1) for p, page in enumerate(pages) for t in page]
    doc = clean_document(RawDocument("k.pdf", "k.pdf", "application/pdf", "0" * 64, lines, pages=4))
    texts = [ln.text for ln in doc.lines]
    assert texts[0] == "Kommunstyrelsen\t2024-03-12\t§ 11"           # kept once, at the top
    assert sum(t.startswith("Kommunstyrelsen\t") for t in texts) == 1
    assert all(f"§ {10 + n} Ärende {n}" in texts for n in range(1, 5))


def test_box_drawn_tables_become_tab_rows():
    from govgraph.loaders.clean import normalize_chars
    assert normalize_chars("┌──────────┬────────┐") == ""
    assert normalize_chars("│ Barn- och utbildningsnämnden │ Sammanträdesdatum │") == \
        "Barn- och utbildningsnämnden\tSammanträdesdatum"
    assert normalize_chars("║ Plats ║ Rådhuset, sal 2 ║") == "Plats\tRådhuset, sal 2"
    # a lone box character inside ordinary text is not a table
    assert normalize_chars("Ärende 4 – budget") == "Ärende 4 – budget"


def test_running_header_damaged_differently_on_each_page_is_still_furniture():
    # OCR damages each page's copy of the header in its own way ("Komrnunstyrelsen", "Sarnmantrades-
    # protokoll", "Justerandes sigh"...): the repetition key folds the confusions OCR makes
    headers = ["Kommunstyrelsen\tSammanträdesprotokoll", "Komrnunstyrelsen\tSammantradesprotokoll",
               "Kommunstyre|sen\tSammantr&desprotokoll"]
    pages = []
    for n in range(1, 4):
        pages.append([headers[n - 1], "2024-05-06", "", f"§ {n} Ärende nummer {n}", "",
                      f"Texten i ärende {n} fortsätter här.", "", "Justerandes sign\tUtdragsbestyrkande"])
    lines = [RawLine(t, page=p + 1) for p, page in enumerate(pages) for t in page]
    raw = RawDocument("k.pdf", "k.pdf", "application/pdf", "0" * 64, lines, pages=3)
    text = clean_document(raw, repair=False).text
    assert text.startswith("Kommunstyrelsen")
    assert "Komrnunstyrelsen" not in text and "Kommunstyre|sen" not in text
    for n in range(1, 4):
        assert f"§ {n} Ärende nummer {n}" in text


def test_ocr_fold_key_keeps_different_lines_apart():
    from govgraph.loaders.clean import _key
    assert _key("Komrnunstyrelsen 2024-04-09", ocr=True) == _key("Kommunstyrelsen 2024-04-09", ocr=True)
    assert _key("Sammantradesprotokoll", ocr=True) == _key("Sammanträdesprotokoll", ocr=True)
    assert _key("Kommunstyrelsen", ocr=True) != _key("Kommunfullmäktige", ocr=True)
    assert _key("§ 12 Val av justerare", True, True) != _key("§ 13 Godkännande av dagordning", True, True)
    assert _key("Sammantradesprotokoll") != _key("Sammanträdesprotokoll")      # one page: as written


def test_page_number_key_prefilter_keeps_every_pattern_case():
    from govgraph.loaders.clean import _key
    assert _key("Sida 3 av 9") == _key("SIDA 4 AV 9") == "#"
    assert _key("sıda 3") == "#"                   # IGNORECASE "i" also matches the dotless ı
    assert _key("Protokoll 12 (14)") == "protokoll #"
    assert _key("Page 2/7 Kommunstyrelsen") == "# kommunstyrelsen"
    assert _key("Kommunstyrelsen 2024-04-09") == "kommunstyrelsen 2024-04-09"


def test_plain_lines_pass_through_and_marked_lines_are_still_cleaned():
    # the fast path for plain lines must not skip markup, rules, columns or odd characters
    doc = clean_text("Vanlig rad utan markering\n**Fet rubrik**\n\n---\nA    B\nNBSP\u00a0här\nO\u2019Brien")
    assert [(ln.text, ln.bold) for ln in doc.lines] == [
        ("Vanlig rad utan markering", False), ("Fet rubrik", True), ("", False), ("A\tB", False),
        ("NBSP här", False), ("O'Brien", False)]
