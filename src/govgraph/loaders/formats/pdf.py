"""PDF (text layer via pypdf; pages without one are OCR'd) and page images (OCR).

Text is taken in pypdf's layout mode, which keeps the horizontal gaps of tables: a gap of
three or more spaces between words becomes a TAB ("Siv Ahlstrand<TAB>Askersund"). Blank lines
that layout mode puts between the rows of a table are dropped; blank lines between paragraphs
stay. Each line records its page number.
"""
from __future__ import annotations

import io
import os
import re

from ...model import RawDocument, RawLine, ReadError
from ..ocr import OcrUnavailable, ocr_images, render_pdf_page

__all__ = ["read_pdf", "read_image", "layout_lines"]

MIN_TEXT_CHARS = 25      # fewer characters than this on a page: treat it as a scan


_SPACES = re.compile(r"(?<=\S) +(?=\S)")


def _unspace(line: str) -> str:
    """Letter-spaced text ("P r o t o k o l l  f ö r") → words ("Protokoll för")."""
    tokens = line.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1)
    if len(tokens) < 6 or singles < 0.8 * len([t for t in tokens if t]):
        return line
    words = [w.replace(" ", "") for w in re.split(r" {2,}", line)]
    return " ".join(w for w in words if w)


def _columns(line: str) -> str:
    """Wide gaps → TAB, unless the line is justified text: then single spaces.

    In a table row only some gaps are wide (between cells) and words inside a cell are one
    space apart; in a justified line (layout mode spreads the words) most gaps are 2–4 spaces.
    A row of one-word cells has only wide gaps, but wider than justification makes them.
    """
    gaps = _SPACES.findall(line)
    if not gaps:
        return line
    spread = sum(1 for g in gaps if len(g) >= 2)
    if not spread:
        return line
    if len(gaps) >= 4 and spread > 0.5 * len(gaps) and max(len(g) for g in gaps) <= 4:
        return _SPACES.sub(" ", line)
    return _SPACES.sub(lambda m: "\t" if len(m.group(0)) >= 3 else " ", line)


def layout_lines(text: str, page: int) -> list[RawLine]:
    """Layout-mode page text → RawLines: column gaps → TAB, table-row spacing removed."""
    rows = [_columns(_unspace(ln.strip())) for ln in text.replace("\r", "").split("\n")]
    out: list[RawLine] = []
    for n, ln in enumerate(rows):
        if not ln:
            prev = next((r for r in reversed(rows[:n]) if r), "")
            nxt = next((r for r in rows[n + 1:] if r), "")
            if "\t" in prev and "\t" in nxt:
                continue                      # spacing between table rows, not a paragraph break
            if out and not out[-1].text:
                continue
        out.append(RawLine(ln, page))
    while out and not out[-1].text:
        out.pop()
    while out and not out[0].text:
        out.pop(0)
    return out


_CID = re.compile(r"\(cid:\d+\)")


def garbled(text: str) -> bool:
    """A text layer that is not text: glyph ids "(cid:12)", private-use characters, or mostly
    symbols (fonts without a Unicode map). Pages of figures are fine."""
    sample = re.sub(r"\s", "", text)[:5000]
    if len(sample) < 40:
        return False
    if len(_CID.findall(sample)) * 6 > len(sample) * 0.3:
        return True
    private = sum(1 for c in sample if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    readable = sum(1 for c in sample if c.isalnum())
    return private > 0.1 * len(sample) or readable < 0.5 * len(sample)


def _has_images(page) -> bool:
    """Does the page draw an image (a scan), directly or in a form XObject?"""
    def walk(resources, depth: int = 0) -> bool:
        if resources is None or depth > 3:
            return False
        try:
            xobjects = resources.get("/XObject")
            if xobjects is None:
                return False
            xobjects = xobjects.get_object()
            for ref in xobjects.values():
                obj = ref.get_object()
                sub = obj.get("/Subtype")
                if sub == "/Image":
                    return True
                if sub == "/Form" and walk(obj.get("/Resources"), depth + 1):
                    return True
        except Exception:
            return False
        return False
    try:
        return walk(page.get("/Resources").get_object() if page.get("/Resources") is not None else None)
    except Exception:
        return False


def _page_text(page) -> str:
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode trips on some fonts: fall back to plain mode
        return page.extract_text() or ""


def read_pdf(data: bytes, doc: RawDocument, *, ocr: bool = True) -> None:
    """Fill ``doc`` from PDF bytes. Raises ReadError for encrypted/corrupt/text-less files."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    path = doc.path
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise ReadError(path, "encrypted PDF that needs a password",
                                "save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf)")
        pages = list(reader.pages)
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, "encrypted PDF that needs a password",
                        "save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf)") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise ReadError(path, f"corrupt or truncated PDF ({type(e).__name__}: {' '.join(str(e).split())[:200]})",
                        "download or export the PDF again") from None
    if not pages:
        raise ReadError(path, "corrupt or truncated PDF (no pages found)", "download or export the PDF again")

    doc.pages = len(pages)
    textless: list[int] = []
    lines: list[RawLine] = []
    page_texts: dict[int, list[RawLine]] = {}
    for n, page in enumerate(pages, 1):
        try:
            text = _page_text(page)
        except Exception as e:
            raise ReadError(path, f"corrupt PDF: page {n} cannot be read ({type(e).__name__}: "
                                  f"{' '.join(str(e).split())[:200]})",
                            "download or export the PDF again") from None
        chars = len(re.sub(r"\s", "", text))
        if chars == 0 or (chars < MIN_TEXT_CHARS and _has_images(page)) or garbled(text):
            textless.append(n)
            if chars and garbled(text):
                doc.warnings.append(f"page {n}: the text layer is unreadable (broken font encoding); "
                                    "the page is OCR'd instead" if ocr else
                                    f"page {n}: the text layer is unreadable (broken font encoding)")
        page_texts[n] = layout_lines(text, n)

    ocr_pages: dict[int, list[RawLine]] = {}
    if textless and ocr:
        try:
            ocr_pages = _ocr_pdf_pages(data, textless, doc)
        except OcrUnavailable as e:
            if len(textless) == len(pages):
                raise ReadError(path, f"scanned PDF without a text layer, and OCR is not available: {e.reason}",
                                e.hint + ", or give a PDF with a text layer") from None
            doc.warnings.append(f"pages {_ranges(textless)} have no text layer and were not OCR'd "
                                f"({e.reason}; {e.hint})")
    elif textless:
        if len(textless) == len(pages) and not any(ln.text for p in page_texts.values() for ln in p):
            raise ReadError(path, "scanned PDF without a text layer (OCR is off)",
                            "run without --no-ocr to OCR it; OCR needs Tesseract with the Swedish model: "
                            "apt-get install tesseract-ocr tesseract-ocr-swe")
        doc.warnings.append(f"pages {_ranges(textless)} have no text layer and were skipped (OCR is off)")

    for n in range(1, len(pages) + 1):
        page_lines = ocr_pages.get(n) or page_texts[n]
        if lines and page_lines:
            lines.append(RawLine("", n))
        lines.extend(page_lines)
    doc.lines = lines


def _ocr_pdf_pages(data: bytes, numbers: list[int], doc: RawDocument) -> dict[int, list[RawLine]]:
    from ..ocr import check_ocr
    check_ocr()
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise OcrUnavailable("the Python package pypdfium2 (renders PDF pages for OCR) is not installed",
                             "pip install 'govgraph[ocr]'") from None
    out: dict[int, list[RawLine]] = {}
    confs: list[float] = []
    pdf = pdfium.PdfDocument(data)
    try:
        # render a few pages at a time (memory), OCR them in parallel
        batch = max(1, os.cpu_count() or 1)
        for k in range(0, len(numbers), batch):
            chunk = numbers[k:k + batch]
            images = [render_pdf_page(pdf, n - 1) for n in chunk]
            for n, page in zip(chunk, ocr_images(images)):
                out[n] = [RawLine(t, n) for t in page.lines]
                confs.extend(page.confidences)
    finally:
        pdf.close()
    if out:
        doc.ocr = True
        doc.ocr_confidence = round(sum(confs) / len(confs), 1) if confs else None
        if doc.ocr_confidence is not None and doc.ocr_confidence < 60:
            doc.warnings.append(f"OCR confidence is low ({doc.ocr_confidence:.0f}/100); check names and numbers")
    return out


def read_image(data: bytes, doc: RawDocument, *, ocr: bool = True) -> None:
    """A page image (PNG, JPEG, TIFF…): OCR every frame."""
    path = doc.path
    if not ocr:
        raise ReadError(path, "an image, which can only be read with OCR (OCR is off)",
                        "run without --no-ocr; OCR needs tesseract-ocr and tesseract-ocr-swe")
    try:
        from PIL import Image, ImageSequence
        img = Image.open(io.BytesIO(data))
        frames = [f.copy() for f in ImageSequence.Iterator(img)]
        if img.format:
            doc.media_type = Image.MIME.get(img.format, f"image/{img.format.lower()}")
    except Exception as e:
        raise ReadError(path, f"corrupt or unsupported image ({type(e).__name__}: "
                              f"{' '.join(str(e).split())[:200]})") from None
    try:
        confs: list[float] = []
        lines: list[RawLine] = []
        for n, page in enumerate(ocr_images([f.convert("RGB") for f in frames]), 1):
            if lines and page.lines:
                lines.append(RawLine("", n))
            lines.extend(RawLine(t, n) for t in page.lines)
            confs.extend(page.confidences)
    except OcrUnavailable as e:
        raise ReadError(path, f"an image, and OCR is not available: {e.reason}", e.hint) from None
    doc.lines, doc.pages, doc.ocr = lines, len(frames), True
    doc.ocr_confidence = round(sum(confs) / len(confs), 1) if confs else None


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1-3, 5'."""
    out: list[str] = []
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if prev != start else str(start))
    return ", ".join(out)
