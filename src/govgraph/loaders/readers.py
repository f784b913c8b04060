"""Readers: one file -> RawDocument.

``read_document(path, ocr=True)`` sniffs the real type from the bytes (a DOCX renamed ``.pdf``
is read as DOCX, a PDF renamed ``.txt`` as PDF) and hands it to the reader for that format in
``loaders/formats/``. Every failure is a :class:`govgraph.model.ReadError` naming the file, the
reason and what to do — never a traceback.

Supported: PDF (text layer; pages without one are OCR'd with Tesseract), DOCX, ODT, RTF, HTML,
plain text/Markdown in any common encoding, and light markup (LaTeX, Typst, AsciiDoc,
reStructuredText, Org). Images (PNG, JPEG, TIFF) are OCR'd like scanned pages.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import RawDocument, ReadError
from .clean import normalize_chars
from .formats.sniff import MEDIA_TYPES, TEXT_MARKUP_KINDS, sniff
from .formats.text import BinaryData, decode_text, text_lines

__all__ = ["read_document", "read_bytes", "raw_from_text"]

MAX_BYTES = 200 * 1024 * 1024


def read_document(path: str | Path, *, ocr: bool = True) -> RawDocument:
    """Read one protocol file into a RawDocument (lines with page, struck spans, headings).

    Raises ReadError (empty, binary, encrypted, corrupt, scanned without OCR, …).
    """
    p = Path(path)
    if not p.exists():
        raise ReadError(str(path), "no such file", "check the path")
    if p.is_dir():
        raise ReadError(str(path), "is a folder, not a file", "give the protocol files inside it")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(str(path), f"file too large ({size // (1024 * 1024)} MiB)",
                            f"the limit is {MAX_BYTES // (1024 * 1024)} MiB")
        data = p.read_bytes()
    except PermissionError:
        raise ReadError(str(path), "permission denied", "check the file's read permission") from None
    except OSError as e:
        raise ReadError(str(path), f"cannot be read ({e.strerror or e})") from None
    return read_bytes(data, str(path), ocr=ocr)


def read_bytes(data: bytes, path: str, *, ocr: bool = True) -> RawDocument:
    """Read a document already in memory; ``path`` names it in errors and in the result."""
    name = Path(path).name
    if not data.strip(b" \t\r\n\f\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError(path, "the file is empty", "nothing to read")
    sniffed = sniff(data, Path(path).suffix)
    kind = sniffed.kind
    if kind == "refuse":
        raise ReadError(path, sniffed.reason or "unsupported file", sniffed.hint)
    doc = RawDocument(path=path, name=name, media_type=MEDIA_TYPES.get(kind, "application/octet-stream"),
                      sha256=hashlib.sha256(data).hexdigest(), lines=[])
    try:
        if kind == "pdf":
            from .formats.pdf import read_pdf
            read_pdf(data, doc, ocr=ocr)
        elif kind == "docx":
            from .formats.office import read_docx
            read_docx(data, doc)
        elif kind == "odt":
            from .formats.office import read_odt
            read_odt(data, doc)
        elif kind == "image":
            from .formats.pdf import read_image
            read_image(data, doc, ocr=ocr)
        else:
            _read_text_kind(data, doc, kind)
    except ReadError:
        raise
    except BinaryData as e:
        raise ReadError(path, str(e), "give the protocol itself (PDF, DOCX, ODT, RTF, HTML or text)") from None
    except Exception as e:  # a library choked on a damaged file: one clear line, no traceback
        detail = " ".join(str(e).split())[:200]
        raise ReadError(path, f"could not read this {kind.upper()} file ({type(e).__name__}: {detail})",
                        "the file may be damaged; open and save it again, or export it as PDF") from None
    if not any(normalize_chars(line.text).strip() for line in doc.lines):
        raise ReadError(path, "no text found in the document",
                        "if it is a scan, make sure OCR is on (omit --no-ocr) and tesseract is installed")
    return doc


def _read_text_kind(data: bytes, doc: RawDocument, kind: str) -> None:
    text, encoding = decode_text(data)
    doc.encoding = encoding
    if kind == "rtf":
        from .formats.office import rtf_to_lines
        doc.lines = rtf_to_lines(text)
        return
    if kind == "html":
        from .formats.html import html_to_lines
        doc.lines = html_to_lines(text)
        return
    if kind in TEXT_MARKUP_KINDS:
        from .formats.lightmarkup import convert
        lines = convert(text, kind)
        doc.lines = lines
        doc.pages = max((ln.page for ln in lines), default=1)
        return
    # plain text / Markdown: markup is stripped by the cleaner (it keeps its meaning in fields)
    doc.lines, doc.pages = text_lines(text)
    doc.media_type = "text/markdown" if kind == "markdown" else "text/plain"


def raw_from_text(text: str, name: str = "protocol.txt") -> RawDocument:
    """A RawDocument for text already in memory (tests, benchmarks)."""
    lines, pages = text_lines(text)
    return RawDocument(path=name, name=name, media_type="text/plain",
                       sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                       lines=lines, pages=pages, encoding="utf-8")

