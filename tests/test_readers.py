"""Readers: every supported format, read from small files the tests make themselves."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govgraph.loaders.clean import clean_document
from govgraph.loaders.readers import read_document
from govgraph.model import ReadError

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

ATTENDANCE = [("Siv Ahlstrand", "Askersund"), ("Anita Bohlin Neuman", "Degerfors"),
              ("Per Åke Sörman", "Örebro")]


def _font_path() -> str | None:
    if Path(FONT).exists():
        return FONT
    try:
        import matplotlib
        p = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        return str(p) if p.exists() else None
    except ImportError:
        return None


def make_pdf(path: Path, pages: list[list[str]] | None = None, table: bool = True) -> Path:
    """A text PDF: a header, a two-column attendance table and a paragraph."""
    fpdf = pytest.importorskip("fpdf")
    font = _font_path()
    if not font:
        pytest.skip("no DejaVuSans.ttf font for fpdf2 (apt-get install fonts-dejavu-core)")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", font)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.cell(0, 8, "Protokoll Socialnämnden", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Tid: 2024-03-15 klockan 13.00", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Närvarande ledamöter:", new_x="LMARGIN", new_y="NEXT")
    if table:
        for name, org in ATTENDANCE:
            pdf.cell(70, 7, name)
            pdf.cell(60, 7, org, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(0, 6, "Ordförande hälsade de närvarande välkomna till dagens möte. En närvarokontroll "
                         "genomfördes eftersom mötet var digitalt.")
    for lines in pages or []:
        pdf.add_page()
        for ln in lines:
            pdf.cell(0, 8, ln, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Protokoll Socialnämnden", level=1)
    d.add_paragraph("Tid: 2024-03-15")
    p = d.add_paragraph("Närvarande: ")
    p.add_run("Anna Berg").font.strike = True
    p.add_run(" och Per Olsson")
    bold = d.add_paragraph()
    bold.add_run("Beslut om budget").bold = True
    t = d.add_table(rows=0, cols=2)
    for name, org in ATTENDANCE:
        row = t.add_row().cells
        row[0].text, row[1].text = name, org
    d.add_heading("§ 1 Mötet öppnas", level=2)
    d.add_paragraph("Ordföranden öppnade mötet.")
    d.save(str(path))
    return path


# --------------------------------------------------------------------------- text
def test_utf8_text_with_markup_keeps_lines(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("## Protokoll\n\nAnna Berg\tKumla\n", encoding="utf-8")
    raw = read_document(f)
    assert raw.media_type == "text/plain" and raw.encoding == "utf-8"
    assert [ln.text for ln in raw.lines] == ["## Protokoll", "", "Anna Berg\tKumla"]
    assert len(raw.sha256) == 64 and raw.name == "p.txt"


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8-sig", "utf-8-sig"), ("utf-16", None), ("cp1252", "cp1252"), ("utf-16-be", "utf-16-be"),
])
def test_text_encodings_decode_swedish_letters(tmp_path, encoding, expected):
    text = "Närvarande ledamöter:\nÅsa Öberg\tÄlvdalen – ”ordförande”\n"
    f = tmp_path / "p.txt"
    f.write_bytes(text.encode(encoding))
    raw = read_document(f)
    assert raw.text.splitlines() == text.splitlines()
    if expected:
        assert raw.encoding == expected
    else:
        assert raw.encoding.startswith("utf-16")


def test_cp850_dos_text_is_recognised(tmp_path):
    f = tmp_path / "dos.txt"
    f.write_bytes("Protokoll för Kommunstyrelsen\nNärvarande: Åsa Öberg, Gösta Ärlig\n".encode("cp850"))
    raw = read_document(f)
    assert "Närvarande: Åsa Öberg, Gösta Ärlig" in raw.text
    assert raw.encoding == "cp850"


def test_latin1_without_cp1252_marks(tmp_path):
    f = tmp_path / "l1.txt"
    f.write_bytes("Plats: Stadshuset, sammanträdesrum Älgen".encode("latin-1"))
    assert read_document(f).text == "Plats: Stadshuset, sammanträdesrum Älgen"


def test_form_feed_starts_a_new_page(tmp_path):
    f = tmp_path / "pages.txt"
    f.write_text("Sida ett\n\fSida två\n", encoding="utf-8")
    raw = read_document(f)
    assert raw.pages == 2
    assert [(ln.text, ln.page) for ln in raw.lines if ln.text] == [("Sida ett", 1), ("Sida två", 2)]


# --------------------------------------------------------------------------- PDF
def test_pdf_text_layer_keeps_table_columns_and_pages(tmp_path):
    f = make_pdf(tmp_path / "p.pdf", pages=[["§ 2 Val av justerare"]])
    raw = read_document(f)
    assert raw.media_type == "application/pdf" and raw.pages == 2 and not raw.ocr
    texts = [ln.text for ln in raw.lines]
    for name, org in ATTENDANCE:
        assert f"{name}\t{org}" in texts
    # the table rows follow each other (no blank lines between rows)
    i = texts.index("Siv Ahlstrand\tAskersund")
    assert texts[i + 1] == "Anita Bohlin Neuman\tDegerfors"
    assert [ln.page for ln in raw.lines if ln.text == "§ 2 Val av justerare"] == [2]
    doc = clean_document(raw)
    assert "Ordförande hälsade de närvarande välkomna" in doc.text


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path):
    f = make_pdf(tmp_path / "p.pdf")
    g = tmp_path / "protokoll.txt"
    g.write_bytes(f.read_bytes())
    raw = read_document(g)
    assert raw.media_type == "application/pdf"
    assert "Siv Ahlstrand\tAskersund" in raw.text


def test_encrypted_pdf_is_a_clear_error(tmp_path):
    from pypdf import PdfReader, PdfWriter
    src = make_pdf(tmp_path / "p.pdf")
    w = PdfWriter()
    for page in PdfReader(str(src)).pages:
        w.add_page(page)
    w.encrypt(user_password="hemligt", owner_password="ägare")
    enc = tmp_path / "locked.pdf"
    with open(enc, "wb") as fh:
        w.write(fh)
    with pytest.raises(ReadError) as e:
        read_document(enc)
    assert "locked.pdf" in str(e.value) and "password" in str(e.value)


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter
    src = make_pdf(tmp_path / "p.pdf")
    w = PdfWriter()
    for page in PdfReader(str(src)).pages:
        w.add_page(page)
    w.encrypt(user_password="", owner_password="ägare")
    enc = tmp_path / "owner-only.pdf"
    with open(enc, "wb") as fh:
        w.write(fh)
    assert "Siv Ahlstrand" in read_document(enc).text


def test_truncated_pdf_is_a_clear_error(tmp_path):
    src = make_pdf(tmp_path / "p.pdf")
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(src.read_bytes()[:300])
    with pytest.raises(ReadError) as e:
        read_document(bad)
    assert "truncated.pdf" in str(e.value)
    assert any(w in str(e.value) for w in ("corrupt", "truncated", "no text"))


def test_imageonly_pdf_without_ocr_says_what_to_do(tmp_path):
    f = make_image_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReadError) as e:
        read_document(f, ocr=False)
    msg = str(e.value)
    assert "scan.pdf" in msg and "without a text layer" in msg
    assert "--no-ocr" in msg and "apt-get install tesseract-ocr tesseract-ocr-swe" in msg


def make_image_pdf(path: Path) -> Path:
    """A PDF whose only page is an image (no text layer)."""
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle((50, 50, 350, 150), outline="black", width=3)
    img.save(str(path), "PDF", resolution=100)
    return path


# --------------------------------------------------------------------------- DOCX / ODT / RTF
def test_docx_paragraphs_tables_strike_heading_bold_in_order(tmp_path):
    raw = read_document(make_docx(tmp_path / "p.docx"))
    assert raw.media_type.endswith("wordprocessingml.document")
    texts = [ln.text for ln in raw.lines if ln.text]
    assert texts[0] == "Protokoll Socialnämnden"
    heading = next(ln for ln in raw.lines if ln.text == "Protokoll Socialnämnden")
    assert heading.heading == 1
    present = next(ln for ln in raw.lines if ln.text.startswith("Närvarande"))
    assert present.text == "Närvarande: Anna Berg och Per Olsson"
    s, e = present.struck[0]
    assert present.text[s:e] == "Anna Berg"
    assert next(ln for ln in raw.lines if ln.text == "Beslut om budget").bold
    # the table sits between the bold paragraph and the § 1 heading
    i = texts.index("Beslut om budget")
    assert texts[i + 1:i + 4] == [f"{n}\t{o}" for n, o in ATTENDANCE]
    assert texts[i + 4] == "§ 1 Mötet öppnas"
    assert next(ln for ln in raw.lines if ln.text == "§ 1 Mötet öppnas").heading == 2


def test_docx_renamed_pdf_is_read_as_docx(tmp_path):
    src = make_docx(tmp_path / "p.docx")
    g = tmp_path / "protokoll.pdf"
    g.write_bytes(src.read_bytes())
    raw = read_document(g)
    assert raw.media_type.endswith("wordprocessingml.document")
    assert "Siv Ahlstrand\tAskersund" in raw.text


def test_docx_automatic_numbering_is_rendered(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for title in ("Mötet öppnas", "Val av justerare", "Övriga frågor"):
        d.add_paragraph(title, style="List Number")
    f = tmp_path / "numbered.docx"
    d.save(str(f))
    texts = [ln.text for ln in read_document(f).lines if ln.text]
    assert texts == ["1. Mötet öppnas", "2. Val av justerare", "3. Övriga frågor"]


def test_odt_paragraphs_table_heading_and_strike(tmp_path):
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P, Span

    d = OpenDocumentText()
    strike = Style(name="Struck", family="text")
    strike.addElement(TextProperties(textlinethroughstyle="solid"))
    d.automaticstyles.addElement(strike)
    d.text.addElement(H(outlinelevel=1, text="Protokoll Kommunstyrelsen"))
    p = P(text="Frånvarande: ")
    p.addElement(Span(stylename=strike, text="Karl Nilsson"))
    d.text.addElement(p)
    t = Table(name="Närvaro")
    t.addElement(TableColumn(numbercolumnsrepeated=2))
    for name, org in ATTENDANCE:
        tr = TableRow()
        for v in (name, org):
            c = TableCell()
            c.addElement(P(text=v))
            tr.addElement(c)
        t.addElement(tr)
    d.text.addElement(t)
    d.text.addElement(P(text="§ 1 Mötet öppnas"))
    f = tmp_path / "p.odt"
    d.save(str(f))
    raw = read_document(f)
    assert raw.media_type == "application/vnd.oasis.opendocument.text"
    texts = [ln.text for ln in raw.lines if ln.text]
    assert texts[0] == "Protokoll Kommunstyrelsen"
    assert raw.lines[0].heading == 1
    line = next(ln for ln in raw.lines if ln.text.startswith("Frånvarande"))
    s, e = line.struck[0]
    assert line.text[s:e] == "Karl Nilsson"
    i = texts.index("Siv Ahlstrand\tAskersund")
    assert texts[i:i + 4] == [f"{n}\t{o}" for n, o in ATTENDANCE] + ["§ 1 Mötet öppnas"]


def test_rtf_text_table_and_strike(tmp_path):
    rtf = (r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}" "\n"
           r"{\pard {\b Protokoll} Socialn\'e4mnden\par}" "\n"
           r"{\pard N\u228?rvarande: {\strike Anna Berg} Per Olsson\par}" "\n"
           r"\trowd\cellx2000\cellx4000" "\n"
           r"\intbl Siv Ahlstrand\cell Askersund\cell\row" "\n"
           r"\intbl Per \'c5ke S\'f6rman\cell \'d6rebro\cell\row" "\n"
           r"{\pard Slut\par}}")
    f = tmp_path / "p.rtf"
    f.write_text(rtf, encoding="ascii")
    raw = read_document(f)
    assert raw.media_type == "application/rtf"
    texts = [ln.text for ln in raw.lines if ln.text]
    assert "Protokoll Socialnämnden" in texts
    assert "Siv Ahlstrand\tAskersund" in texts and "Per Åke Sörman\tÖrebro" in texts
    line = next(ln for ln in raw.lines if ln.text.startswith("Närvarande"))
    s, e = line.struck[0]
    assert line.text[s:e] == "Anna Berg"


# --------------------------------------------------------------------------- HTML
def test_html_del_table_headings_and_script(tmp_path):
    html = """<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style></head><body>
    <h1>Protokoll Byggnadsnämnden</h1><script>alert('x')</script>
    <p>Tid: 2023-05-02<br>Plats: Stadshuset</p>
    <p>Närvarande: <del>Karin Lund</del>, Ola Berg &amp; <s>Eva Ek</s></p>
    <table><tr><th>Namn</th><th>Kommun</th></tr>
      <tr><td>Siv Ahlstrand</td><td>Askersund</td></tr>
      <tr><td><del>Anita Bohlin</del></td><td><del>Degerfors</del></td></tr></table>
    <h2>§ 5 Budget</h2><ol><li>Första</li><li>Andra</li></ol></body></html>"""
    f = tmp_path / "p.html"
    f.write_text(html, encoding="utf-8")
    raw = read_document(f)
    texts = [ln.text for ln in raw.lines if ln.text]
    assert texts[0] == "Protokoll Byggnadsnämnden" and raw.lines[0].heading == 1
    assert "alert" not in raw.text and "color:red" not in raw.text
    assert "Tid: 2023-05-02" in texts and "Plats: Stadshuset" in texts
    line = next(ln for ln in raw.lines if ln.text.startswith("Närvarande"))
    assert line.text == "Närvarande: Karin Lund, Ola Berg & Eva Ek"
    assert [line.text[s:e] for s, e in line.struck] == ["Karin Lund", "Eva Ek"]
    assert "Siv Ahlstrand\tAskersund" in texts
    struck_row = next(ln for ln in raw.lines if ln.text.startswith("Anita"))
    assert struck_row.text == "Anita Bohlin\tDegerfors"
    assert all(struck_row.text[s:e].strip() for s, e in struck_row.struck)
    assert sum(e - s for s, e in struck_row.struck) >= len("Anita Bohlin") + len("Degerfors")
    h2 = next(ln for ln in raw.lines if ln.text == "§ 5 Budget")
    assert h2.heading == 2
    assert texts[-2:] == ["1. Första", "2. Andra"]


# --------------------------------------------------------------------------- light markup
def test_latex_minutes(tmp_path):
    tex = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\title{Protokoll Kultur- och fritidsnämnden}
\begin{document}
\maketitle
% en kommentar
Tid: 2024-01-10 kl.\ 18.00\\
Plats: Kulturhuset
\section*{Närvarande}
\begin{tabular}{ll}
\hline
Siv Ahlstrand & Askersund \\
\sout{Anita Bohlin} & Degerfors \\
\end{tabular}
\section{§ 3 Budget 2024}
\begin{itemize}
\item \textbf{Beslut:} nämnden godkänner budgeten
\end{itemize}
\end{document}"""
    f = tmp_path / "p.tex"
    f.write_text(tex, encoding="utf-8")
    raw = read_document(f)
    texts = [ln.text for ln in raw.lines if ln.text]
    assert texts[0] == "Protokoll Kultur- och fritidsnämnden"
    assert "Tid: 2024-01-10 kl. 18.00" in texts and "Plats: Kulturhuset" in texts
    assert "en kommentar" not in raw.text and "usepackage" not in raw.text and "\\" not in raw.text
    assert "Siv Ahlstrand\tAskersund" in texts
    row = next(ln for ln in raw.lines if ln.text.startswith("Anita"))
    assert row.text[row.struck[0][0]:row.struck[0][1]] == "Anita Bohlin"
    sec = next(ln for ln in raw.lines if ln.text == "§ 3 Budget 2024")
    assert sec.heading == 1
    assert "- Beslut: nämnden godkänner budgeten" in texts


def test_typst_minutes(tmp_path):
    typ = """#set page(paper: "a4")
#let org = "Kommun"
= Protokoll Miljönämnden
Tid: *2024-02-01* \\
Plats: Rådhuset
== Närvarande
#table(columns: 2, [Siv Ahlstrand], [Askersund], [#strike[Anita Bohlin]], [Degerfors])
== § 4 Taxor
- Nämnden beslutar att anta taxan.
"""
    f = tmp_path / "p.typ"
    f.write_text(typ, encoding="utf-8")
    raw = read_document(f)
    texts = [ln.text for ln in raw.lines if ln.text]
    assert texts[0] == "Protokoll Miljönämnden" and raw.lines[0].heading == 1
    assert "Tid: 2024-02-01" in texts and "Plats: Rådhuset" in texts
    assert "#set" not in raw.text and "#let" not in raw.text
    assert "Siv Ahlstrand\tAskersund" in texts
    row = next(ln for ln in raw.lines if ln.text.startswith("Anita"))
    assert row.text == "Anita Bohlin\tDegerfors"
    assert row.text[row.struck[0][0]:row.struck[0][1]] == "Anita Bohlin"
    assert next(ln for ln in raw.lines if ln.text == "§ 4 Taxor").heading == 2
    assert "- Nämnden beslutar att anta taxan." in texts


def test_asciidoc_rst_org_headings_lists_tables(tmp_path):
    adoc = ("= Protokoll Valnämnden\n:toc:\n\n== Närvarande\n\n|===\n| Siv Ahlstrand | Askersund\n"
            "| [line-through]#Anita Bohlin# | Degerfors\n|===\n\n* *Beslut:* godkänt\n")
    rst = ("Protokoll Valnämnden\n====================\n\nNärvarande\n----------\n\n"
           "+---------------+-----------+\n| Siv Ahlstrand | Askersund |\n+---------------+-----------+\n\n"
           ".. note:: intern\n\n- **Beslut:** godkänt\n")
    org = ("#+TITLE: Protokoll Valnämnden\n#+OPTIONS: toc:nil\n* Närvarande\n| Siv Ahlstrand | Askersund |\n"
           "|---+---|\n| +Anita Bohlin+ | Degerfors |\n* Beslut\n- *Beslut:* godkänt\n")
    for name, src in (("p.adoc", adoc), ("p.rst", rst), ("p.org", org)):
        f = tmp_path / name
        f.write_text(src, encoding="utf-8")
        raw = read_document(f)
        texts = [ln.text for ln in raw.lines if ln.text]
        assert texts[0] == "Protokoll Valnämnden", name
        assert raw.lines[0].heading == 1, name
        assert next(ln for ln in raw.lines if ln.text == "Närvarande").heading >= 1, name
        assert "Siv Ahlstrand\tAskersund" in texts, name
        assert "- Beslut: godkänt" in texts, name
        assert ":toc:" not in raw.text and "#+OPTIONS" not in raw.text, name
        if name != "p.rst":
            row = next(ln for ln in raw.lines if ln.text.startswith("Anita"))
            assert row.text[row.struck[0][0]:row.struck[0][1]] == "Anita Bohlin", name


def test_markup_sniffed_by_content_whatever_the_extension(tmp_path):
    f = tmp_path / "protokoll.dat"
    f.write_text("\\documentclass{article}\n\\begin{document}\n\\section{Närvarande}\nAnna\n\\end{document}\n",
                 encoding="utf-8")
    raw = read_document(f)
    assert raw.media_type == "text/x-tex"
    assert [ln.text for ln in raw.lines if ln.text] == ["Närvarande", "Anna"]


# --------------------------------------------------------------------------- refusals
def test_zip_that_is_not_a_document_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "a,b\n")
    f = tmp_path / "p.docx"
    f.write_bytes(buf.getvalue())
    with pytest.raises(ReadError) as e:
        read_document(f)
    assert "p.docx" in str(e.value) and "ZIP" in str(e.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        read_document(tmp_path)


def test_docx_first_page_header_is_read_once_on_top(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Kommunstyrelsen\tSammanträdesprotokoll\t2024-05-06"
    d.add_paragraph("§ 1 Mötet öppnas")
    f = tmp_path / "h.docx"
    d.save(str(f))
    texts = [ln.text for ln in read_document(f).lines if ln.text]
    assert texts == ["Kommunstyrelsen\tSammanträdesprotokoll\t2024-05-06", "§ 1 Mötet öppnas"]


def make_municipal_pdf(path: Path) -> Path:
    """A multi-page protocol as municipalities print them: running header with page numbers,
    signature footer, attendance table, justified paragraphs, the same boilerplate per item."""
    fpdf = pytest.importorskip("fpdf")
    font = _font_path()
    if not font:
        pytest.skip("no DejaVuSans.ttf font for fpdf2")

    class Protocol(fpdf.FPDF):
        def header(self):
            self.set_font("D", size=9)
            self.cell(60, 5, "Ängelholms kommun")
            self.cell(70, 5, "SAMMANTRÄDESPROTOKOLL")
            self.cell(0, 5, f"Sida {self.page_no()} ({{nb}})", new_x="LMARGIN", new_y="NEXT")
            self.cell(60, 5, "Kommunstyrelsen")
            self.cell(70, 5, "Sammanträdesdatum", new_x="LMARGIN", new_y="NEXT")
            self.cell(60, 5, "")
            self.cell(70, 5, "2024-03-12", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)
            self.set_font("D", size=11)

        def footer(self):
            self.set_y(-20)
            self.set_font("D", size=8)
            self.cell(60, 5, "Justerandes sign")
            self.cell(0, 5, "Utdragsbestyrkande")

    pdf = Protocol()
    pdf.add_font("D", "", font)
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()

    def para(t):
        pdf.multi_cell(0, 6, t, new_x="LMARGIN", new_y="NEXT", align="J")

    def row(a, b):
        pdf.cell(70, 6, a)
        pdf.cell(0, 6, b, new_x="LMARGIN", new_y="NEXT")
    para("Plats och tid: Stadshuset, sammanträdesrum Rönne, kl. 13.00–16.30")
    pdf.ln(3)
    para("Beslutande")
    for a, b in (("Anna Andersson (S)", "ordförande"), ("Bertil Berg (M)", "1:e vice ordförande"),
                 ("Cecilia Carlsson (C)", ""), ("David Dahl (SD)", "tjg ersättare för Erik Ek (SD)")):
        row(a, b)
    pdf.ln(3)
    para("Övriga närvarande")
    row("Fredrik Fors", "kommundirektör")
    row("Gun Gren", "sekreterare")
    pdf.ln(3)
    para("Justerare: Bertil Berg")
    pdf.ln(3)
    body = ("Kommunstyrelsen har att ta ställning till förslaget om ny organisation för den kommunala "
            "hälso- och sjukvården (del {n}). Förvaltningen har utrett frågan och föreslår att en gemensam "
            "nämnd inrättas tillsammans med grannkommunerna. ") * 3
    for n in range(1, 7):
        para(f"§ {n} Ärende nummer {n} om organisationsförändring")
        para(body.format(n=n))
        pdf.ln(2)
        para("Beslut")
        para("Kommunstyrelsen beslutar att godkänna förslaget.")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def test_municipal_pdf_furniture_removed_content_kept(tmp_path):
    raw = read_document(make_municipal_pdf(tmp_path / "ks.pdf"))
    assert raw.pages >= 3
    doc = clean_document(raw)
    text = doc.text
    assert "Sida" not in text and "Justerandes sign" not in text and "Utdragsbestyrkande" not in text
    assert text.count("SAMMANTRÄDESPROTOKOLL") == 1            # the header at the top, once
    assert text.startswith("Ängelholms kommun\tSAMMANTRÄDESPROTOKOLL\nKommunstyrelsen")
    for n in range(1, 7):
        assert f"§ {n} Ärende nummer {n} om organisationsförändring" in text
    # boilerplate repeated in every item is content, not furniture
    assert text.count("Beslut\nKommunstyrelsen beslutar att godkänna förslaget.") == 6
    assert " ".join(text.split()).count("Kommunstyrelsen har att ta ställning till förslaget") == 18
    # justified lines are text, not table rows; the attendance rows are
    assert not any("\t" in ln.text for ln in doc.lines if "Förvaltningen" in ln.text)
    assert "David Dahl (SD)\ttjg ersättare för Erik Ek (SD)" in text
    assert "  " not in text


def test_municipal_pdf_extracts_meeting_and_people(tmp_path):
    from govgraph.pipeline import extract_file
    p = extract_file(make_municipal_pdf(tmp_path / "ks.pdf")).protocol
    assert (p.body, p.date) == ("Kommunstyrelsen", "2024-03-12")
    assert p.chair == ["Anna Andersson"] and p.adjusters == ["Bertil Berg"]
    names = {x.name for x in p.participants}
    assert {"Anna Andersson", "Bertil Berg", "Cecilia Carlsson", "David Dahl", "Fredrik Fors"} <= names
    assert [it.number for it in p.items] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize("line,expected", [
    ("Siv Ahlstrand          Askersund", "Siv Ahlstrand\tAskersund"),
    ("Namn        Parti        Ledamot        Ersättare        Närvarande",
     "Namn\tParti\tLedamot\tErsättare\tNärvarande"),
    ("organisation  för  den  kommunala  hälso-  och  sjukvården.  Förvaltningen  har",
     "organisation för den kommunala hälso- och sjukvården. Förvaltningen har"),
    ("Anna Andersson (S)      ordförande      Kumla kommun", "Anna Andersson (S)\tordförande\tKumla kommun"),
    ("En vanlig rad  med två mellanslag", "En vanlig rad med två mellanslag"),
    ("P R O T O K O L L  f ö r  K S", "PROTOKOLL för KS"),
    ("a b c d e f g", "abcdefg"),
    ("Punkt 1 a b i listan", "Punkt 1 a b i listan"),
])
def test_pdf_layout_gaps(line, expected):
    from govgraph.loaders.formats.pdf import layout_lines
    assert [ln.text for ln in layout_lines("   " + line + "\n", 1)] == [expected]


@pytest.mark.parametrize("text,bad", [
    ("Kommunstyrelsen beslutar att godkänna förslaget till budget för år 2024.", False),
    ("(cid:12)(cid:44)(cid:3)(cid:18)(cid:7)(cid:9)(cid:12)(cid:44)(cid:3)(cid:18)(cid:7)(cid:9)" * 3, True),
    ("\ue001\ue002\ue003\ue004 \ue005\ue006\ue007\ue008 " * 10, True),
    ("2024-01-01 13.00 – 16.30 § 1–12 " * 3, False),
    ("!#%&/()=?`^*_:;>|§°" * 5, True),
    ("Kort", False),
])
def test_garbled_text_layer_detection(text, bad):
    from govgraph.loaders.formats.pdf import garbled
    assert garbled(text) is bad


def test_latex_accents_symbols_and_references():
    from govgraph.loaders.formats.lightmarkup import convert
    src = "\\begin{document}\nG\\\"oteborg \\r{a}r \\AA{}ke, se \\ref{x} \\S{} 5 \\& \\raggedright klart\n\\end{document}"
    assert [ln.text for ln in convert(src, "tex")] == ["Göteborg år Åke, se § 5 & klart"]


def test_odt_numbered_list_labels_are_rendered(tmp_path):
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentText
    from odf.text import List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

    d = OpenDocumentText()
    numbered = ListStyle(name="Num")
    numbered.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    bullets = ListStyle(name="Bul")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    d.automaticstyles.addElement(numbered)
    d.automaticstyles.addElement(bullets)
    lst = List(stylename=numbered)
    for title in ("Mötet öppnas", "Val av justerare"):
        item = ListItem()
        item.addElement(P(text=title))
        lst.addElement(item)
    d.text.addElement(lst)
    d.text.addElement(P(text="Mellan punkterna."))
    more = List(stylename=numbered, continuenumbering="true")
    item = ListItem()
    item.addElement(P(text="Övriga frågor"))
    more.addElement(item)
    d.text.addElement(more)
    bl = List(stylename=bullets)
    item = ListItem()
    item.addElement(P(text="en punkt"))
    bl.addElement(item)
    d.text.addElement(bl)
    f = tmp_path / "list.odt"
    d.save(str(f))
    texts = [ln.text for ln in read_document(f).lines if ln.text]
    assert texts == ["1. Mötet öppnas", "2. Val av justerare", "Mellan punkterna.", "3. Övriga frågor",
                     "- en punkt"]


def test_random_bytes_never_escape_as_other_errors(tmp_path):
    """Whatever the bytes, read_document returns a document or raises ReadError."""
    import random
    rng = random.Random(7)
    seeds = [b"%PDF-1.4\n", b"PK\x03\x04", b"{\\rtf1 ", b"<html><body>", b"\\documentclass{x}", b"", b"\xef\xbb\xbf",
             b"\xff\xfe", b"#set page()\n", b"\x89PNG\r\n\x1a\n"]
    for n in range(60):
        head = seeds[n % len(seeds)]
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        if n % 3 == 0:
            body = "".join(rng.choice("abcåäö \n\t<>{}\\#*~") for _ in range(200)).encode()
        f = tmp_path / f"f{n}.bin"
        f.write_bytes(head + body)
        try:
            raw = read_document(f)
        except ReadError as e:
            assert f.name in str(e) and "\n" not in str(e)
            continue
        clean_document(raw, repair=False)


def test_html_class_styles_from_google_docs_export(tmp_path):
    html = ("<html><head><style>.c1{font-weight:700}.c3{text-decoration:line-through;color:#000}"
            "p.c9, .c4 {margin:0}</style></head><body>"
            "<p class='c9'><span class='c1'>Närvarande</span></p>"
            "<p><span>Anna Berg, </span><span class='c3'>Karl Nilsson</span></p></body></html>")
    f = tmp_path / "gdocs.html"
    f.write_text(html, encoding="utf-8")
    raw = read_document(f)
    assert next(ln for ln in raw.lines if ln.text == "Närvarande").bold
    line = next(ln for ln in raw.lines if ln.text.startswith("Anna"))
    assert [line.text[s:e] for s, e in line.struck] == ["Karl Nilsson"]


def test_txt_that_is_really_latex_or_typst_is_converted(tmp_path):
    f = tmp_path / "protokoll.txt"
    f.write_text("\\documentclass{article}\n\\begin{document}\n\\section{Närvarande}\nAnna\n\\end{document}\n",
                 encoding="utf-8")
    assert [ln.text for ln in read_document(f).lines if ln.text] == ["Närvarande", "Anna"]
    g = tmp_path / "protokoll.md"
    g.write_text("#set page(paper: \"a4\")\n= Protokoll\n#table(columns: 2, [Anna], [Kumla])\n", encoding="utf-8")
    assert [ln.text for ln in read_document(g).lines if ln.text] == ["Protokoll", "Anna\tKumla"]
    h = tmp_path / "utf16.txt"
    h.write_bytes("<html><body><p>Hej <del>Anna</del></p></body></html>".encode("utf-16-be"))
    line = read_document(h).lines[0]
    assert line.text == "Hej Anna" and line.struck == ((4, 8),)


def test_rtf_paragraphs_blank_separated_line_breaks_not():
    from govgraph.loaders.formats.office import rtf_to_lines
    rtf = (r"{\rtf1\ansi {\pard Anna Berg\line Ordf\'f6rande\par}{\pard Per Olsson\par}"
           r"\trowd\cellx2000\cellx4000\intbl A\cell B\cell\row\intbl C\cell D\cell\row{\pard Slut\par}}")
    assert [ln.text for ln in rtf_to_lines(rtf)] == ["Anna Berg", "Ordförande", "", "Per Olsson", "",
                                                     "A\tB", "C\tD", "", "Slut"]


def test_docx_nested_table_text_is_kept(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = "Beslutande"
    inner = outer.rows[0].cells[1].add_table(rows=2, cols=1)
    inner.rows[0].cells[0].text = "Anna Berg (S)"
    inner.rows[1].cells[0].text = "Per Olsson (M)"
    f = tmp_path / "nested.docx"
    d.save(str(f))
    texts = [ln.text for ln in read_document(f).lines if ln.text]
    assert len(texts) == 1 and texts[0].startswith("Beslutande\t")
    assert "Anna Berg (S)" in texts[0] and "Per Olsson (M)" in texts[0]
