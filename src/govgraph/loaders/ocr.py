"""OCR of scanned pages with Tesseract (Swedish model), via pytesseract.

Optional system dependency: ``apt-get install tesseract-ocr tesseract-ocr-swe`` (Debian/Ubuntu;
``brew install tesseract tesseract-lang`` on macOS). Python side: ``pip install 'govgraph[ocr]'``
(pytesseract, pypdfium2 to render PDF pages).

Words are regrouped into lines from Tesseract's layout (block / paragraph / line); a wide
horizontal gap between two words of one line becomes a TAB, so table rows such as
"Name<TAB>Municipality" keep their columns; a new paragraph or block starts after a blank line.
"""
from __future__ import annotations

import functools
import os
import shutil
import statistics
from dataclasses import dataclass, field
from typing import Any

__all__ = ["OcrUnavailable", "OcrPage", "ocr_available", "check_ocr", "ocr_image", "ocr_images",
           "render_pdf_page",
           "INSTALL_HINT", "DPI"]

INSTALL_HINT = ("install Tesseract with the Swedish model: apt-get install tesseract-ocr tesseract-ocr-swe "
                "(macOS: brew install tesseract tesseract-lang), and pip install 'govgraph[ocr]'")
DPI = 300
LANG = "swe"
# page segmentation: 4 = one column of text of variable sizes; keeps table rows on one line
# (the default 3 splits a two-column attendance table into a names column and an
# organisations column, losing which name goes with which organisation)
TESSERACT_CONFIG = "--psm 4"
MIN_LONG_SIDE = 2000     # pixels; smaller images are enlarged before OCR
RETRY_BELOW = 50.0       # mean confidence under which the page orientation is checked


class OcrUnavailable(RuntimeError):
    """Tesseract, its Swedish model or a Python package for OCR is missing."""

    def __init__(self, reason: str, hint: str = INSTALL_HINT):
        self.reason, self.hint = reason, hint
        super().__init__(f"{reason} ({hint})")


@dataclass
class OcrPage:
    """The text Tesseract read from one page image."""
    lines: list[str]
    confidence: float | None          # mean word confidence 0-100, None when no words
    words: int = 0
    confidences: list[float] = field(default_factory=list, repr=False)


@functools.lru_cache(maxsize=1)
def _probe() -> str | None:
    """None when OCR works, else the reason it does not (cached per process)."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "the Python package pytesseract is not installed"
    if not shutil.which("tesseract"):
        return "the tesseract program is not installed"
    try:
        langs = pytesseract.get_languages(config="")
    except Exception as e:  # broken installation
        return f"tesseract does not run ({e})"
    if LANG not in langs:
        return f"tesseract has no Swedish model ('{LANG}' missing; it has: {', '.join(sorted(langs)) or 'none'})"
    return None


def ocr_available() -> bool:
    """True when Tesseract with the Swedish model can be used."""
    return _probe() is None


def check_ocr() -> None:
    """Raise OcrUnavailable with what to install when OCR cannot run."""
    reason = _probe()
    if reason:
        raise OcrUnavailable(reason)


def render_pdf_page(data: bytes | Any, index: int, dpi: int = DPI):
    """Render page ``index`` (0-based) of a PDF (bytes or an open pypdfium2 document) to a PIL image."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise OcrUnavailable("the Python package pypdfium2 (renders PDF pages for OCR) is not installed",
                             "pip install 'govgraph[ocr]'") from None
    pdf = pdfium.PdfDocument(data) if isinstance(data, (bytes, bytearray)) else data
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72)
        return bitmap.to_pil()
    finally:
        page.close()


def ocr_image(image, lang: str = LANG) -> OcrPage:
    """OCR one page image (a PIL image) into lines; see the module docstring.

    Tesseract runs single-threaded (``OMP_THREAD_LIMIT=1`` unless the environment sets it):
    its OpenMP threads slow it down about threefold on a busy machine; pages are OCR'd in
    parallel instead (:func:`ocr_images`).
    """
    check_ocr()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    image = image.convert("L") if image.mode not in ("L", "RGB") else image
    if max(image.size) < MIN_LONG_SIDE:          # low-resolution scan or photo: enlarge
        factor = MIN_LONG_SIDE / max(image.size)
        image = image.resize((int(image.width * factor), int(image.height * factor)))
    page = _run(image, lang)
    if page.confidence is None or page.confidence < RETRY_BELOW:
        angle = _rotation(image)
        if angle:
            turned = _run(image.rotate(-angle, expand=True), lang)
            if (turned.confidence or 0) > (page.confidence or 0):
                return turned
    return page


def _run(image, lang: str) -> OcrPage:
    import pytesseract
    data = pytesseract.image_to_data(image, lang=lang, config=TESSERACT_CONFIG,
                                     output_type=pytesseract.Output.DICT)
    return _lines_from_data(data)


def _rotation(image) -> int:
    """Clockwise rotation (0/90/180/270) Tesseract's orientation detection sees, 0 when unsure."""
    import pytesseract
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", output_type=pytesseract.Output.DICT)
    except Exception:           # too little text to decide, or no osd model
        return 0
    try:
        angle = int(osd.get("rotate", 0))
        conf = float(osd.get("orientation_conf", 0))
    except (TypeError, ValueError):
        return 0
    return angle if angle in (90, 180, 270) and conf >= 1.0 else 0


def ocr_images(images, lang: str = LANG, workers: int | None = None) -> list[OcrPage]:
    """OCR several page images, in parallel (one Tesseract process per core), in order."""
    images = list(images)
    check_ocr()
    n = max(1, min(len(images), workers or os.cpu_count() or 1, 8))
    if n == 1:
        return [ocr_image(im, lang) for im in images]
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda im: ocr_image(im, lang), images))


def _lines_from_data(data: dict[str, list]) -> OcrPage:
    """Group Tesseract's word boxes into text lines (TAB at wide gaps, blank line between blocks)."""
    words: list[dict[str, Any]] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text:
            continue
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1.0
        words.append({"text": text, "conf": conf, "left": int(data["left"][i]), "width": int(data["width"][i]),
                      "height": int(data["height"][i]),
                      "key": (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))})
    if not words:
        return OcrPage([], None, 0)
    heights = [w["height"] for w in words if w["height"] > 0]
    gap_tab = 2.2 * (statistics.median(heights) if heights else 20)
    lines: list[str] = []
    prev_par: tuple[int, int] | None = None
    cur_key = None
    cur: list[dict[str, Any]] = []

    def flush() -> None:
        if not cur:
            return
        parts = [cur[0]["text"]]
        for a, b in zip(cur, cur[1:]):
            gap = b["left"] - (a["left"] + a["width"])
            parts.append(("\t" if gap > gap_tab else " ") + b["text"])
        lines.append("".join(parts))

    for w in words:
        if w["key"] != cur_key:
            flush()
            cur = []
            par = w["key"][:2]
            if prev_par is not None and par != prev_par:
                lines.append("")
            prev_par = par
            cur_key = w["key"]
        cur.append(w)
    flush()
    # Tesseract makes each table row a paragraph: no blank lines between TAB rows
    lines = [ln for n, ln in enumerate(lines)
             if ln or not (0 < n < len(lines) - 1 and "\t" in lines[n - 1] and "\t" in lines[n + 1])]
    confs = [w["conf"] for w in words if w["conf"] >= 0]
    mean = round(sum(confs) / len(confs), 1) if confs else None
    return OcrPage(lines, mean, len(words), confs)
