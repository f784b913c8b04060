"""OCR of scanned PDFs (Tesseract, Swedish model): a seed page rendered as an image.

Skips with the install command when tesseract or its Swedish model is missing.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from govgraph.loaders.clean import clean_document
from govgraph.loaders.ocr import INSTALL_HINT, _lines_from_data, ocr_available
from govgraph.loaders.readers import read_document

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"
SEED = EXAMPLES / "000_ea0e52ac25122770.txt"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

needs_ocr = pytest.mark.skipif(not ocr_available(), reason=f"OCR unavailable: {INSTALL_HINT}")


def _font(size: int):
    from PIL import ImageFont
    for path in (FONT, "DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    pytest.skip("no DejaVuSans.ttf font to render a test page (apt-get install fonts-dejavu-core)")


ITEMS = ["", "1. Mötet öppnades", "", "Ordförande hälsade de närvarande välkomna till dagens möte.", "",
         "2. Val av justerare utöver ordförande", "", "Veronica Wallgren utsågs till justerare."]


def seed_page_lines(n: int = 62, items: bool = False) -> list[str]:
    """The first lines of seed 000 (header, officers, attendance table) without blank runs,
    and with ``items`` the first two agenda items."""
    lines = SEED.read_text(encoding="utf-8").splitlines()[:n]
    out: list[str] = []
    for ln in lines:
        if ln.strip() or (out and out[-1].strip()):
            out.append(ln.rstrip())
    return out + (ITEMS if items else [])


def render_page(lines: list[str], dpi: int = 200):
    """Draw text lines on a white A4 page; a TAB moves to a second column."""
    from PIL import Image, ImageDraw
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = _font(int(dpi * 10 / 72))            # 10 pt
    step = int(dpi * 10 / 72 * 1.3)
    y = int(dpi * 0.8)
    for ln in lines:
        cells = ln.split("\t")
        draw.text((int(dpi * 0.9), y), cells[0], fill=0, font=font)
        for k, cell in enumerate(cells[1:], 1):
            draw.text((int(dpi * 0.9) + k * int(dpi * 2.6), y), cell, fill=0, font=font)
        y += step if ln.strip() else step // 2
        if y > h - dpi:
            raise AssertionError("the test page overflows; render fewer lines")
    return img


def image_pdf(img, dpi: int = 200) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=dpi)
    return buf.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for ln in lines:
        pdf.cell(0, 7, ln, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory) -> Path:
    if not ocr_available():
        pytest.skip(f"OCR unavailable: {INSTALL_HINT}")
    f = tmp_path_factory.mktemp("ocr") / "scan.pdf"
    f.write_bytes(image_pdf(render_page(seed_page_lines(46, items=True))))
    return f


@pytest.fixture(scope="module")
def scanned_raw(scanned_pdf):
    return read_document(scanned_pdf)


def test_group_words_into_lines_with_tab_at_wide_gaps():
    data = {"text": ["Siv", "Ahlstrand", "Askersund", "", "Gunnel", "Kask", "Kumla"],
            "conf": [90, 80, 70, -1, 95, 96, 97],
            "left": [100, 160, 700, 0, 100, 200, 700], "width": [50, 150, 160, 0, 90, 60, 90],
            "height": [30] * 7, "block_num": [1, 1, 1, 1, 2, 2, 2], "par_num": [1] * 7,
            "line_num": [1, 1, 1, 1, 1, 1, 1]}
    page = _lines_from_data(data)
    assert page.lines == ["Siv Ahlstrand\tAskersund", "Gunnel Kask\tKumla"]     # table rows stay together
    data["left"][6] = 270                                                       # a normal gap: one text line
    assert _lines_from_data(data).lines == ["Siv Ahlstrand\tAskersund", "", "Gunnel Kask Kumla"]
    assert page.confidence == pytest.approx((90 + 80 + 70 + 95 + 96 + 97) / 6, abs=0.1)


@needs_ocr
def test_scanned_pdf_is_ocred_with_confidence(scanned_raw):
    raw = scanned_raw
    assert raw.ocr is True
    assert raw.ocr_confidence is not None and raw.ocr_confidence > 60
    doc = clean_document(raw)
    text = doc.text
    assert "Protokoll Specifikt samverkansråd" in text
    assert "Plats: Linden, Eklundavägen 1, Region Örebro län" in text
    # table rows keep name and municipality on one line, separated by a TAB
    rows = [ln.text for ln in doc.lines if "\t" in ln.text]
    assert any(r.startswith("Siv Ahlstrand\t") and r.endswith("Askersund") for r in rows)
    assert any(r.startswith("Per Åke Sörman\t") and r.endswith("Örebro") for r in rows)


@needs_ocr
def test_mixed_pdf_keeps_text_layer_and_ocrs_scanned_page(tmp_path):
    from pypdf import PdfReader, PdfWriter
    text_part = text_pdf(["Protokoll Kommunstyrelsen", "Tid: 2023-04-12", "§ 1 Mötet öppnas"])
    scan_part = image_pdf(render_page(["§ 2 Val av justerare", "", "Karin Lund utsågs att justera."]))
    w = PdfWriter()
    for part in (text_part, scan_part):
        for page in PdfReader(io.BytesIO(part)).pages:
            w.add_page(page)
    f = tmp_path / "mixed.pdf"
    with open(f, "wb") as fh:
        w.write(fh)
    raw = read_document(f)
    assert raw.pages == 2 and raw.ocr
    page1 = [ln.text for ln in raw.lines if ln.page == 1 and ln.text]
    page2 = " ".join(ln.text for ln in raw.lines if ln.page == 2)
    assert page1 == ["Protokoll Kommunstyrelsen", "Tid: 2023-04-12", "§ 1 Mötet öppnas"]
    assert "Val av justerare" in page2 and "Karin Lund" in page2


@needs_ocr
def test_mixed_pdf_without_ocr_warns_about_skipped_pages(tmp_path):
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter()
    for part in (text_pdf(["Protokoll Kommunstyrelsen", "Tid: 2023-04-12, Stadshuset"]),
                 image_pdf(render_page(["§ 2 Val av justerare"]))):
        for page in PdfReader(io.BytesIO(part)).pages:
            w.add_page(page)
    f = tmp_path / "mixed.pdf"
    with open(f, "wb") as fh:
        w.write(fh)
    raw = read_document(f, ocr=False)
    assert not raw.ocr
    assert any("page" in w and "2" in w and "OCR is off" in w for w in raw.warnings)


@needs_ocr
def test_png_scan_is_ocred(tmp_path):
    f = tmp_path / "scan.png"
    render_page(["Protokoll Kommunstyrelsen", "", "Närvarande ledamöter:"]).save(f)
    raw = read_document(f)
    assert raw.ocr and "Närvarande ledamöter" in raw.text
    assert raw.media_type == "image/png"


@needs_ocr
def test_extract_json_on_scanned_pdf(scanned_pdf):
    """End to end: `govgraph extract scan.pdf --json` recovers meeting and participants."""
    from click.testing import CliRunner
    from govgraph.cli import main
    res = CliRunner().invoke(main, ["extract", str(scanned_pdf), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["date"] == "2017-09-22"
    assert out["body"] and "samverkansråd" in out["body"]
    names = {p["name"] for p in out["participants"]}
    assert {"Siv Ahlstrand", "Gunnel Kask", "Per Åke Sörman"} <= names
    orgs = {p["name"]: p["organization"] for p in out["participants"]}
    assert orgs["Siv Ahlstrand"] == "Askersund"
    assert out["ocr"] is True and out["ocr_confidence"] > 60
    assert [it["number"] for it in out["items"]][:2] == ["1", "2"]


@needs_ocr
def test_upside_down_scan_is_turned(tmp_path):
    page = render_page(seed_page_lines(16))
    page = page.crop((0, 0, page.width, page.height * 2 // 5)).rotate(180)
    f = tmp_path / "upside-down.png"
    page.save(f)
    raw = read_document(f)
    assert "Protokoll Specifikt samverkansråd" in raw.text
    assert raw.ocr_confidence > 60


@needs_ocr
def test_participants_f1_after_ocr_of_a_scanned_seed_page(tmp_path):
    """The whole attendance of seed 000, scanned: the project's scorer gives participants
    F1 ≥ 0.9 against the gold (every participant of that protocol is on the page)."""
    import importlib.util
    scorer_path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    gold_path = scorer_path.parent / "gold" / (SEED.stem + ".json")
    if not scorer_path.exists() or not gold_path.exists():
        pytest.skip("../shared/eval (scorer and gold) is not present")
    spec = importlib.util.spec_from_file_location("govgraph_scorer", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    f = tmp_path / "scan.pdf"
    f.write_bytes(image_pdf(render_page(seed_page_lines(62), dpi=150)))
    from govgraph.pipeline import extract_file
    pred = extract_file(f).protocol.to_json()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    only_people = {"participants": gold["participants"], "items": None, "agreements": None,
                   "bodies": None, "organizations": None}
    acc = scorer.new_acc()
    scorer.score_doc(only_people, pred, acc, False)
    assert acc["participants"].f1 >= 0.9, acc["participants"].as_dict()
