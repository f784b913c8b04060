"""Accuracy by input format: the seed protocols rebuilt as other formats, scored against gold.

Each bundled example is cleaned, then written as DOCX, HTML and ODT (the helpers of
``tests/test_format_parity.py``), as a text-layer PDF (fpdf2) and as a scanned PDF (page
images, read back with OCR). ``../shared/eval/score.py`` then scores ``govgraph extract`` on
each set against the gold answers. The text files are the reference; a reader loses accuracy
when its score drops below theirs. (The PDF renderings cut long table cells, which costs the
003 protocol; PDFs cannot carry strike-through, which costs 001.)

    .venv/bin/python bench/bench_formats.py [--formats txt,docx,html,odt,pdf,scan]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "govgraph" / "examples"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "gold"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def text_pdf(doc, path: Path) -> None:
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("D", "", FONT)
    pdf.add_font("D", "B", FONT_BOLD)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    for ln in doc.lines:
        pdf.set_font("D", "B" if (ln.bold or ln.heading) else "", 10)
        cells = ln.text.split("\t")[:3]
        if len(cells) > 1:
            for k, c in enumerate(cells):
                last = k == len(cells) - 1
                pdf.cell(0 if last else 60, 5.5, c[:60] if last else c[:38],
                         new_x="LMARGIN" if last else "RIGHT", new_y="NEXT" if last else "TOP")
        elif ln.text:
            pdf.multi_cell(0, 5.5, ln.text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(4)
    pdf.output(str(path))


def scanned_pdf(doc, path: Path, dpi: int = 200) -> None:
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(FONT, int(dpi * 10 / 72))
    step = int(dpi * 10 / 72 * 1.45)
    lines: list[str] = []
    for ln in doc.lines:
        lines += [ln.text] if ("\t" in ln.text or len(ln.text) < 95) else textwrap.wrap(ln.text, 95)
    pages = [lines[k:k + 50] for k in range(0, len(lines), 50)]
    images = []
    for page in pages:
        img = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(img)
        y = int(dpi * 0.6)
        for text in page:
            for k, cell in enumerate(text.split("\t")[:3]):
                draw.text((int(dpi * 0.7) + k * int(dpi * 2.4), y), cell[:70] if k else cell, fill=0, font=font)
            y += step
        images.append(img.convert("RGB"))
    images[0].save(str(path), "PDF", resolution=dpi, save_all=True, append_images=images[1:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--formats", default="txt,docx,html,odt,pdf,scan",
                    help="comma-separated: txt docx html odt pdf scan (default: all)")
    args = ap.parse_args()
    if not SCORER.exists():
        print(f"the scorer is not at {SCORER}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from govgraph.loaders.clean import clean_document
    from govgraph.loaders.readers import read_document
    from tests.test_format_parity import to_docx, to_html, to_odt

    writers = {"docx": to_docx, "html": to_html, "odt": to_odt, "pdf": text_pdf, "scan": scanned_pdf}
    tmp = Path(tempfile.mkdtemp(prefix="govgraph-formats-"))
    sources = sorted(EXAMPLES.glob("*.txt"))
    docs = {src: clean_document(read_document(src), repair=False) for src in sources}
    exe = ROOT / ".venv" / "bin" / "govgraph"
    run = f"{exe if exe.exists() else 'govgraph'} extract {{file}} --json"
    print(f"{'format':<6} {'overall F1':>10} {'participants':>12} {'items':>6} {'decisions':>9} {'seconds':>8}")
    for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
        if fmt == "txt":
            folder = EXAMPLES
        else:
            folder = tmp / fmt
            folder.mkdir()
            ext = "pdf" if fmt in ("pdf", "scan") else fmt
            for src, doc in docs.items():
                writers[fmt](doc, folder / f"{src.stem}.{ext}")
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--protocols", str(folder),
                              "--run", run], capture_output=True, text=True)
        dt = time.perf_counter() - t0

        def f1(category: str) -> str:
            m = re.search(rf"^{category}\s+\S+\s+\S+\s+(\S+)", res.stdout, re.M)
            return m.group(1) if m else "?"
        overall = re.search(r"overall F1 (\S+)", res.stdout)
        print(f"{fmt:<6} {overall.group(1) if overall else '?':>10} {f1('participants'):>12} {f1('items'):>6} "
              f"{f1('decisions'):>9} {dt:8.1f}")
        if not overall:
            print(res.stdout[-2000:], res.stderr[-2000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
