"""Find a file's real type from its bytes (magic numbers, zip contents), not its name."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

__all__ = ["Sniffed", "sniff", "TEXT_MARKUP_KINDS"]

# kinds handled by the light-markup converter (formats/lightmarkup.py)
TEXT_MARKUP_KINDS = ("tex", "typst", "asciidoc", "rst", "org")

_EXT_KIND = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".tex": "tex", ".latex": "tex", ".typ": "typst", ".adoc": "asciidoc", ".asciidoc": "asciidoc",
    ".asc": "asciidoc", ".rst": "rst", ".rest": "rst", ".org": "org", ".md": "markdown",
    ".markdown": "markdown", ".txt": "text", ".text": "text",
}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "html": "text/html",
    "text": "text/plain",
    "markdown": "text/markdown",
    "tex": "text/x-tex",
    "typst": "text/x-typst",
    "asciidoc": "text/asciidoc",
    "rst": "text/x-rst",
    "org": "text/x-org",
    "image": "image/*",
}


@dataclass
class Sniffed:
    """What the bytes are. ``kind`` is one of MEDIA_TYPES' keys, or ``refuse`` with a reason."""
    kind: str
    reason: str | None = None
    hint: str | None = None


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")


def sniff(data: bytes, suffix: str = "") -> Sniffed:
    """Decide the kind of document from its content; the extension only breaks ties for text."""
    head = data[:1024]
    if b"%PDF-" in head:
        return Sniffed("pdf")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if head.lstrip().startswith(b"{\\rtf"):
        return Sniffed("rtf")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Sniffed("refuse", "legacy binary Office document (.doc), not supported",
                       "save it as .docx or PDF and try again")
    if any(data.startswith(m) for m in _IMAGE_MAGIC):
        return Sniffed("image")
    for magic, what in ((b"\x1f\x8b", "gzip archive"), (b"7z\xbc\xaf", "7-Zip archive"),
                        (b"Rar!", "RAR archive"), (b"\x7fELF", "executable program"),
                        (b"MZ", "Windows executable")):
        if data.startswith(magic):
            return Sniffed("refuse", f"binary file ({what}), not a text document",
                           "give the protocol itself (PDF, DOCX, ODT, RTF, HTML or text)")
    return Sniffed(_text_kind(head, suffix))


def _sniff_zip(data: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError) as e:
        return Sniffed("refuse", f"corrupt ZIP container ({e})",
                       "the DOCX/ODT file is damaged or truncated; save it again from the word processor")
    if "word/document.xml" in names:
        return Sniffed("docx")
    if mimetype == "application/vnd.oasis.opendocument.text" or (
            not mimetype and "content.xml" in names):
        return Sniffed("odt")
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names or mimetype.startswith(
            "application/vnd.oasis.opendocument."):
        return Sniffed("refuse", "a spreadsheet or presentation, not a text document",
                       "export the protocol as PDF, DOCX or ODT")
    return Sniffed("refuse", "ZIP archive that is not a DOCX or ODT document",
                   "unpack it and give the protocol files inside")


def _text_kind(head: bytes, suffix: str) -> str:
    """For text: HTML by content; light markup by its extension, else by strong content signs
    (a ``.txt`` or ``.md`` that is really LaTeX is read as LaTeX)."""
    from .text import BinaryData, decode_text
    try:
        sample, _ = decode_text(head)
    except (BinaryData, UnicodeDecodeError):
        sample = head.decode("latin-1")
    low = sample.lstrip("\ufeff \t\r\n").lower()
    by_ext = _EXT_KIND.get(suffix.lower())
    if (low.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in low) or (
            by_ext == "html" and "<" in low) or (
            by_ext is None and re.match(r"<(body|div|p|table|h[1-6])[\s>]", low)):
        return "html"
    if by_ext in ("tex", "typst", "asciidoc", "rst", "org"):
        return by_ext
    if re.search(r"\\(documentclass|begin\{document\})", sample) or (
            by_ext is None and re.search(r"\\section\*?\{", sample)):
        return "tex"
    if re.search(r"(?m)^#(set|let|show|import) ", sample):
        return "typst"
    if re.search(r"(?m)^#\+(title|author|date|options):", sample, re.I):
        return "org"
    if re.search(r"(?m)^={1,2} \S", sample) and re.search(r"(?m)^:\w[\w-]*:", sample):
        return "asciidoc"
    if by_ext is None and re.search(r"(?m)^(\S[^\n]*)\n(={3,}|-{3,}|~{3,})\s*$", sample) and "\n.. " in sample:
        return "rst"
    return by_ext if by_ext in ("markdown", "text") else "text"
