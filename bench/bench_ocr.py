"""Benchmark reading: OCR pages per second (scanned PDF), plus text-layer PDF and clean speed.

Renders pages of the bundled example protocols into images (DejaVu Sans, 11 pt, A4 at
200 dpi), wraps them as an image-only PDF, and times ``read_document`` on it (pypdfium2
renders each page at 300 dpi, Tesseract ``-l swe`` reads it). Also times a text-layer PDF of
the same pages and the ``clean`` stage on the examples. Targets: OCR >= 0.15 pages/s on a
busy 2-core machine (pages run in parallel), text PDF >= 20 pages/s, clean >= 50 documents/s.

    .venv/bin/python bench/bench_ocr.py [--pages 4]
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TARGET_OCR = 0.15
TARGET_PDF = 20.0
TARGET_CLEAN = 50.0


def page_texts(n: int) -> list[list[str]]:
    """``n`` pages of ~45 lines from the examples (TABs kept as columns)."""
    lines: list[str] = []
    for f in sorted(EXAMPLES.glob("*.txt")):
        lines += [ln.rstrip()[:95] for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [lines[k * 45:(k + 1) * 45] for k in range(n)]


def render(lines: list[str], dpi: int = 200):
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(FONT, int(dpi * 11 / 72))
    img = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    y = int(dpi * 0.8)
    for ln in lines:
        for k, cell in enumerate(ln.split("\t")):
            draw.text((int(dpi * 0.9) + k * int(dpi * 2.6), y), cell, fill=0, font=font)
        y += int(dpi * 11 / 72 * 1.45)
    return img


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=4, help="scanned pages to OCR (default 4)")
    args = ap.parse_args()

    from govgraph.loaders.clean import clean_document
    from govgraph.loaders.ocr import INSTALL_HINT, ocr_available
    from govgraph.loaders.readers import read_document

    pages = page_texts(args.pages)
    tmp = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))

    # text-layer PDF
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=10)
    for lines in pages * 5:
        pdf.add_page()
        for ln in lines:
            pdf.cell(0, 5.5, ln.replace("\t", "    "), new_x="LMARGIN", new_y="NEXT")
    text_pdf = tmp / "text.pdf"
    pdf.output(str(text_pdf))
    t0 = time.perf_counter()
    raw = read_document(text_pdf)
    dt = time.perf_counter() - t0
    pdf_rate = raw.pages / dt
    print(f"text PDF      : {raw.pages} pages in {dt:.2f} s = {pdf_rate:.1f} pages/s (target >= {TARGET_PDF})")

    # clean stage: our steps alone (target), then with the OCR/encoding repair step
    raws = [read_document(f) for f in sorted(EXAMPLES.glob("*.txt"))]
    for repair, rounds in ((False, 20), (True, 2)):
        t0 = time.perf_counter()
        for _ in range(rounds):
            for r in raws:
                clean_document(r, repair=repair)
        dt = time.perf_counter() - t0
        rate = rounds * len(raws) / dt
        label = "clean + repair" if repair else "clean        "
        print(f"{label}: {rounds * len(raws)} documents in {dt:.2f} s = {rate:.1f} documents/s"
              + ("" if repair else f" (target >= {TARGET_CLEAN})"))
        if not repair:
            clean_rate = rate

    ok = pdf_rate >= TARGET_PDF and clean_rate >= TARGET_CLEAN
    if not ocr_available():
        print(f"OCR           : skipped ({INSTALL_HINT})")
        return 0 if ok else 1
    images = [render(p).convert("RGB") for p in pages]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=200, save_all=True, append_images=images[1:])
    scan = tmp / "scan.pdf"
    scan.write_bytes(buf.getvalue())
    t0 = time.perf_counter()
    raw = read_document(scan)
    dt = time.perf_counter() - t0
    rate = raw.pages / dt
    print(f"OCR           : {raw.pages} pages in {dt:.2f} s = {rate:.2f} pages/s, mean confidence "
          f"{raw.ocr_confidence} (target >= {TARGET_OCR} pages/s)")
    return 0 if ok and rate >= TARGET_OCR else 1


if __name__ == "__main__":
    sys.exit(main())
