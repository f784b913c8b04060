"""Hostile and broken input at the reader / `govgraph extract` level.

Every bad file gives a ReadError that names the file and the reason, and `govgraph extract`
exits 1 with one line on stderr — never a traceback.
"""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.loaders.clean import clean_document
from govgraph.loaders.readers import read_document
from govgraph.model import ReadError


def _docx_bytes() -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Protokoll Kommunstyrelsen")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip(entries: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in entries.items():
            z.writestr(k, v)
    return buf.getvalue()


HOSTILE: dict[str, tuple[str, bytes, str]] = {
    # id: (file name, bytes, expected words in the reason)
    "empty": ("empty.txt", b"", "empty"),
    "whitespace": ("blank.txt", b" \n\t\r\n\n", "empty"),
    "bom-only": ("bom.txt", b"\xef\xbb\xbf\n", "empty"),
    "noise": ("noise.pdf", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary"),
    "nul-text": ("nul.txt", b"Protokoll\x00\x00\x00\x01\x02 hej", "binary"),
    "gzip": ("p.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 40, "gzip"),
    "elf": ("run.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "executable"),
    "legacy-doc": ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
    "xlsx": ("sheet.docx", _zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<w/>"}), "spreadsheet"),
    "plain-zip": ("archive.pdf", _zip({"a.txt": "hej"}), "ZIP"),
    "bad-zip": ("broken.docx", b"PK\x03\x04" + b"\x00" * 30, "ZIP"),
    "pdf-header-only": ("head.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    "pdf-garbage": ("garbage.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer\n%%EOF",
                    "PDF"),
    "png-truncated": ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
    "html-script-only": ("p.html", b"<html><body><script>var a=1;</script></body></html>", "no text"),
    "zero-width-only": ("zw.txt", "\u200b\u200d\ufeff\u00ad".encode("utf-8"), "no text"),
}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_gives_read_error_naming_file_and_reason(tmp_path, case):
    name, data, words = HOSTILE[case]
    f = _write(tmp_path, name, data)
    with pytest.raises(ReadError) as e:
        doc = read_document(f)
        clean = clean_document(doc)          # a reader that let it through must still give no text
        if not clean.text.strip():
            raise ReadError(str(f), "no text found in the document")
    msg = str(e.value)
    assert name in msg, msg
    assert words.lower() in msg.lower(), msg
    assert "\n" not in msg


def test_truncated_docx_is_a_clear_error(tmp_path):
    data = _docx_bytes()
    f = _write(tmp_path, "cut.docx", data[: len(data) // 2])
    with pytest.raises(ReadError) as e:
        read_document(f)
    assert "cut.docx" in str(e.value)


def test_docx_with_broken_xml_is_a_clear_error(tmp_path):
    data = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document><unclosed>"})
    f = _write(tmp_path, "broken.docx", data)
    with pytest.raises(ReadError) as e:
        read_document(f)
    assert "broken.docx" in str(e.value) and "DOCX" in str(e.value)


def test_unreadable_file_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read files without read permission")
    f = _write(tmp_path, "secret.txt", b"Protokoll")
    f.chmod(0)
    with pytest.raises(ReadError, match="permission"):
        read_document(f)


def test_mixed_utf8_and_cp1252_bytes_decode_both(tmp_path):
    f = _write(tmp_path, "mixed.txt", "Närvarande: Åsa Öberg".encode() + b" och G\xf6sta \x96 ordf.")
    raw = read_document(f)
    assert raw.text == "Närvarande: Åsa Öberg och Gösta – ordf."


def test_utf16_without_bom(tmp_path):
    f = _write(tmp_path, "u16.txt", "Protokoll för nämnden\nÅsa Öberg\n".encode("utf-16-le"))
    raw = read_document(f)
    assert raw.text.splitlines() == ["Protokoll för nämnden", "Åsa Öberg"]


def test_unicode_oddities_survive_the_pipeline(tmp_path):
    text = ("\u200fProtokoll\u00a0Kommunstyrelsen\u200e\n\nTid: 2024-01-02\n\n"
            "Närvarande:\n\nA\u030asa O\u0308berg (S)\u200b\tKumla\nP\u00e9r\u202fOlsson (M)\tLaxå\n\n"
            "§ 1 Mötet öppnas\n\nOrdföranden öppnade mötet.\n")
    f = _write(tmp_path, "odd.txt", text.encode("utf-8"))
    doc = clean_document(read_document(f))
    assert "Åsa Öberg (S)\tKumla" in doc.text
    assert "Pér Olsson (M)\tLaxå" in doc.text
    assert doc.lines[0].text == "Protokoll Kommunstyrelsen"


def test_very_long_line_and_many_lines_are_fine(tmp_path):
    body = ("ord " * 50000) + "\n" + "\n".join(f"rad {i}" for i in range(20000))
    f = _write(tmp_path, "long.txt", body.encode())
    doc = clean_document(read_document(f))
    assert len(doc.lines) > 20000


@pytest.mark.parametrize("case", ["empty", "noise", "legacy-doc", "bad-zip", "pdf-garbage", "zero-width-only"])
def test_cli_extract_exits_1_with_one_line(tmp_path, case):
    name, data, words = HOSTILE[case]
    f = _write(tmp_path, name, data)
    res = CliRunner().invoke(main, ["extract", str(f), "--json"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    err_lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(err_lines) == 1, res.output
    assert name in err_lines[0] and err_lines[0].lower().startswith("error")


def test_cli_scanned_pdf_with_no_ocr_exits_1(tmp_path):
    from PIL import Image
    f = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 200), "white").save(str(f), "PDF")
    res = CliRunner().invoke(main, ["extract", str(f), "--no-ocr"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert "scan.pdf" in res.output and "text layer" in res.output


def test_scanned_pdf_when_tesseract_is_missing_says_what_to_install(tmp_path, monkeypatch):
    from PIL import Image
    import govgraph.loaders.ocr as ocr
    monkeypatch.setattr(ocr, "_probe", lambda: "the tesseract program is not installed")
    f = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 200), "white").save(str(f), "PDF")
    with pytest.raises(ReadError) as e:
        read_document(f)
    msg = str(e.value)
    assert "scan.pdf" in msg and "tesseract program is not installed" in msg
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in msg
