"""Format parity: a seed protocol written as DOCX, HTML or ODT extracts the same as its text.

Each seed is cleaned, then rebuilt as a DOCX (paragraphs with line breaks, tables for TAB rows,
struck runs, heading styles, bullet lists) and as HTML (<p>/<br>, <table>, <del>, <h2>, <ul>);
`extract_file` on the rebuilt file must give the same meeting, officers, participants
(name, presence, organisation, role) and items as on the original text.
"""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from govgraph.loaders.clean import clean_document
from govgraph.loaders.readers import read_document
from govgraph.pipeline import extract_file

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"


def _blocks(doc):
    """("table", [lines]) for runs of TAB lines, ("p", [lines]) for paragraphs (blank-separated)."""
    out: list[tuple[str, list]] = []
    prev_blank = True
    for ln in doc.lines:
        if not ln.text:
            prev_blank = True
            continue
        if "\t" in ln.text:
            if out and out[-1][0] == "table" and not prev_blank:
                out[-1][1].append(ln)
            else:
                out.append(("table", [ln]))
        elif (out and out[-1][0] == "p" and not prev_blank and not ln.heading
              and not out[-1][1][-1].heading and not ln.text.startswith("- ")):
            out[-1][1].append(ln)
        else:
            out.append(("p", [ln]))
        prev_blank = False
    return out


def _runs(ln, start=0, end=None):
    """(text, struck) pieces of ln.text[start:end]."""
    end = len(ln.text) if end is None else end
    pos, res = start, []
    for s, e in ln.struck:
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        if s > pos:
            res.append((ln.text[pos:s], False))
        res.append((ln.text[s:e], True))
        pos = e
    if pos < end:
        res.append((ln.text[pos:end], False))
    return res


def _cells(ln):
    pos = 0
    for cell in ln.text.split("\t"):
        yield _runs(ln, pos, pos + len(cell))
        pos += len(cell) + 1


def to_docx(doc, path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for kind, lines in _blocks(doc):
        if kind == "table":
            t = d.add_table(rows=0, cols=max(len(ln.text.split("\t")) for ln in lines))
            for ln in lines:
                row = t.add_row().cells
                for k, pieces in enumerate(_cells(ln)):
                    para = row[k].paragraphs[0]
                    for text, struck in pieces:
                        para.add_run(text).font.strike = struck
            continue
        bullet = lines[0].text.startswith("- ")
        if lines[0].heading:
            p = d.add_heading(level=min(lines[0].heading, 9))
        else:
            p = d.add_paragraph(style="List Bullet" if bullet else None)
        for n, ln in enumerate(lines):
            if n:
                p.add_run().add_break()
            pieces = _runs(ln)
            if bullet and n == 0:
                pieces[0] = (pieces[0][0][2:], pieces[0][1])
            for text, struck in pieces:
                r = p.add_run(text)
                r.font.strike = struck
                r.bold = ln.bold or None
    d.save(str(path))


def to_html(doc, path: Path) -> None:
    def inline(pieces):
        return "".join(f"<del>{html.escape(t)}</del>" if s else html.escape(t) for t, s in pieces)
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>protokoll</title></head><body>"]
    for kind, lines in _blocks(doc):
        if kind == "table":
            out.append("<table>")
            for ln in lines:
                out.append("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in _cells(ln)) + "</tr>")
            out.append("</table>")
            continue
        parts = [f"<b>{inline(_runs(ln))}</b>" if ln.bold else inline(_runs(ln)) for ln in lines]
        tag = f"h{min(lines[0].heading, 6)}" if lines[0].heading else "p"
        out.append(f"<{tag}>{'<br>'.join(parts)}</{tag}>")
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


def to_odt(doc, path: Path) -> None:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, List, ListItem, P, Span

    d = OpenDocumentText()
    strike = Style(name="Struck", family="text")
    strike.addElement(TextProperties(textlinethroughstyle="solid"))
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    d.automaticstyles.addElement(strike)
    d.automaticstyles.addElement(bold)

    def fill(el, pieces, is_bold=False):
        for text, struck in pieces:
            if struck:
                el.addElement(Span(stylename=strike, text=text))
            elif is_bold:
                el.addElement(Span(stylename=bold, text=text))
            else:
                el.addText(text)

    current_list = None
    for n, (kind, lines) in enumerate(_blocks(doc)):
        if not (kind == "p" and lines[0].text.startswith("- ")):
            current_list = None
        if kind == "table":
            t = Table(name=f"T{n}")
            t.addElement(TableColumn(numbercolumnsrepeated=max(len(ln.text.split("\t")) for ln in lines)))
            for ln in lines:
                tr = TableRow()
                for pieces in _cells(ln):
                    c = TableCell()
                    p = P()
                    fill(p, pieces)
                    c.addElement(p)
                    tr.addElement(c)
                t.addElement(tr)
            d.text.addElement(t)
            continue
        if lines[0].text.startswith("- "):
            if current_list is None:
                current_list = List()
                d.text.addElement(current_list)
            item = ListItem()
            p = P()
            for k, ln in enumerate(lines):
                if k:
                    p.addElement(LineBreak())
                fill(p, _runs(ln), ln.bold)
            item.addElement(p)
            current_list.addElement(item)
            continue
        el = H(outlinelevel=lines[0].heading) if lines[0].heading else P()
        for k, ln in enumerate(lines):
            if k:
                el.addElement(LineBreak())
            fill(el, _runs(ln), ln.bold)
        d.text.addElement(el)
    d.save(str(path))


def summary(p):
    return {"body": p.body, "date": p.date, "place": p.place, "chair": p.chair,
            "secretary": p.secretary, "adjusters": p.adjusters,
            "participants": sorted((x.name, x.present, x.organization, x.role) for x in p.participants),
            "items": [(i.number, i.title) for i in p.items]}


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
@pytest.mark.parametrize("fmt", ["docx", "html", "odt"])
def test_seed_rebuilt_as_format_extracts_the_same(tmp_path, prefix, fmt):
    src = next(EXAMPLES.glob(prefix + "_*.txt"))
    expected = summary(extract_file(src).protocol)
    assert expected["participants"], "the structure parser finds participants in the seed"
    doc = clean_document(read_document(src), repair=False)
    out = tmp_path / f"{src.stem}.{fmt}"
    {"docx": to_docx, "html": to_html, "odt": to_odt}[fmt](doc, out)
    got = summary(extract_file(out).protocol)
    assert got == expected
