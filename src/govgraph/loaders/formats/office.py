"""Word processor formats: DOCX (python-docx), ODT (odfpy), RTF (striprtf).

Paragraphs and tables come out in document order; a table row becomes one line with its
cells joined by TAB; struck-through text becomes ``struck`` spans; heading styles give the
``heading`` level; a paragraph that is bold throughout is ``bold``. DOCX automatic list
numbering ("1.", "§ 4") is rendered into the text, since item numbers often live there.
"""
from __future__ import annotations

import io
import re

from ...model import RawDocument, RawLine
from .common import LineBuilder

__all__ = ["read_docx", "read_odt", "rtf_to_lines"]

# --------------------------------------------------------------------------- DOCX
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", re.I)


def _on(el) -> bool:
    """A WordprocessingML toggle property (w:b, w:strike …) that is switched on."""
    if el is None:
        return False
    val = el.get(W + "val")
    return val is None or val.lower() not in ("0", "false", "off", "none")


class _Numbering:
    """Renders Word's automatic list numbers (numbering.xml) as text: '1.', '§ 4', 'a)'."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}   # (numId, ilvl) -> (fmt, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        if part is not None:
            root = part.element
            abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
            for an in root.findall(W + "abstractNum"):
                lv: dict[int, tuple[str, str, int]] = {}
                for lvl in an.findall(W + "lvl"):
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                    fmt = lvl.find(W + "numFmt")
                    text = lvl.find(W + "lvlText")
                    start = lvl.find(W + "start")
                    lv[ilvl] = (fmt.get(W + "val") if fmt is not None else "decimal",
                                text.get(W + "val") if text is not None else "",
                                int(start.get(W + "val")) if start is not None else 1)
                abstract[an.get(W + "abstractNumId")] = lv
            for num in root.findall(W + "num"):
                ref = num.find(W + "abstractNumId")
                if ref is None:
                    continue
                aid = ref.get(W + "val")
                nid = num.get(W + "numId")
                self.abstract_of[nid] = aid
                for ilvl, spec in abstract.get(aid, {}).items():
                    self.levels[(nid, ilvl)] = spec
        # numbering inherited from paragraph styles (numbered heading styles)
        try:
            for style in document.styles:
                el = style.element
                numpr = el.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    nid = numpr.find(W + "numId")
                    ilvl = numpr.find(W + "ilvl")
                    if nid is not None:
                        self.style_num[style.style_id] = (nid.get(W + "val"),
                                                          int(ilvl.get(W + "val")) if ilvl is not None else 0)
        except Exception:
            pass

    def label(self, p_el, style_id: str | None) -> str:
        numpr = p_el.find(f"{W}pPr/{W}numPr")
        nid, ilvl = None, 0
        if numpr is not None:
            n = numpr.find(W + "numId")
            lv = numpr.find(W + "ilvl")
            nid = n.get(W + "val") if n is not None else None
            ilvl = int(lv.get(W + "val")) if lv is not None else 0
        elif style_id and style_id in self.style_num:
            nid, ilvl = self.style_num[style_id]
        if not nid or nid == "0" or (nid, ilvl) not in self.levels:
            return ""
        aid = self.abstract_of.get(nid, nid)
        counters = self.counters.setdefault(aid, [0] * 9)
        fmt, text, start = self.levels[(nid, ilvl)]
        counters[ilvl] = (counters[ilvl] + 1) if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""

        def render(m: re.Match) -> str:
            lvl = int(m.group(1)) - 1
            f = self.levels.get((nid, lvl), ("decimal", "", 1))[0]
            v = counters[lvl] or self.levels.get((nid, lvl), ("decimal", "", 1))[2]
            return _format_number(v, f)
        label = re.sub(r"%(\d)", render, text)
        return (label + " ") if label else ""


def _format_number(v: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        n = v
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        s, n = "", v
        for k, r in vals:
            while n >= k:
                s, n = s + r, n - k
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{v:02d}"
    return str(v)


def read_docx(data: bytes, doc: RawDocument) -> None:
    """Fill ``doc`` from DOCX bytes: body paragraphs and tables in order."""
    import docx

    document = docx.Document(io.BytesIO(data))
    numbering = _Numbering(document)
    styles = _docx_styles(document)
    out = LineBuilder()
    # the first page's header often names the body and the meeting date: read it once, on top
    header = _first_header(document)
    if header is not None:
        _docx_blocks(header, out, _NO_NUMBERING, styles)
        out.blank()
    _docx_blocks(document.element.body, out, numbering, styles)
    doc.lines = out.finish()
    doc.pages = 1


def _first_header(document):
    """The XML element of the first page's header, or None."""
    try:
        sec = document.sections[0]
        hdr = sec.first_page_header if sec.different_first_page_header_footer else sec.header
        if hdr.is_linked_to_previous:
            return None
        return hdr._element
    except (IndexError, AttributeError, KeyError, NotImplementedError):
        return None


def _is_list_paragraph(p, styles_with_numbering: dict) -> bool:
    if p.find(f"{W}pPr/{W}numPr") is not None:
        return True
    style_el = p.find(f"{W}pPr/{W}pStyle")
    sid = style_el.get(W + "val") if style_el is not None else ""
    return bool(sid) and (sid in styles_with_numbering or re.search(r"list|lista|bullet|punkt", sid, re.I)
                          is not None)


def _docx_blocks(container, out: LineBuilder, numbering, styles) -> None:
    """Paragraphs and tables of a body/header element, in order.

    Paragraphs are separated by a blank line (as in text conversions of the same document);
    consecutive list paragraphs and the rows of a table are not.
    """
    prev_list: bool | None = None
    style_num = getattr(numbering, "style_num", {})
    for child in container.iterchildren():
        if child.tag == W + "p":
            is_list = _is_list_paragraph(child, style_num)
            if prev_list is not None and not (prev_list and is_list):
                out.blank()
            _docx_paragraph(child, out, numbering, styles)
            prev_list = is_list
        elif child.tag == W + "tbl":
            out.blank()
            _docx_table(child, out, styles)
            prev_list = False
        elif child.tag == W + "sdt":          # content controls wrap paragraphs/tables
            content = child.find(W + "sdtContent")
            if content is not None:
                out.blank()
                _docx_blocks(content, out, numbering, styles)
                prev_list = False


def _docx_styles(document) -> dict[str, tuple[int, bool, bool]]:
    """style id -> (heading level, bold, strike) including inherited (based-on) properties."""
    out: dict[str, tuple[int, bool, bool]] = {}
    try:
        all_styles = list(document.styles)
    except Exception:
        return out
    by_id = {s.style_id: s for s in all_styles}

    def props(style, depth=0) -> tuple[int, bool, bool]:
        if style is None or depth > 10:
            return (0, False, False)
        if style.style_id in out:
            return out[style.style_id]
        base = props(getattr(style, "base_style", None), depth + 1)
        level = 0
        m = _HEADING_STYLE.match(style.name or "") or _HEADING_STYLE.match(style.style_id or "")
        if m:
            level = int(m.group(1))
        elif (style.name or "").lower() in ("title", "rubrik", "titel"):
            level = 1
        el = style.element
        outline = el.find(f"{W}pPr/{W}outlineLvl")
        if not level and outline is not None:
            try:
                level = int(outline.get(W + "val")) + 1
            except (TypeError, ValueError):
                pass
            if level > 9:
                level = 0
        rpr = el.find(W + "rPr")
        bold = _on(rpr.find(W + "b")) if rpr is not None and rpr.find(W + "b") is not None else base[1]
        strike = (_on(rpr.find(W + "strike")) or _on(rpr.find(W + "dstrike"))) if rpr is not None and (
            rpr.find(W + "strike") is not None or rpr.find(W + "dstrike") is not None) else base[2]
        res = (level or base[0], bold, strike)
        out[style.style_id] = res
        return res

    for s in by_id.values():
        props(s)
    return out


def _inside(el, stop, tags: tuple[str, ...]) -> bool:
    """Is ``el`` inside one of ``tags`` before reaching ``stop``?"""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _docx_paragraph(p, out: LineBuilder, numbering: _Numbering, styles, in_table: bool = False) -> None:
    style_el = p.find(f"{W}pPr/{W}pStyle")
    style_id = style_el.get(W + "val") if style_el is not None else None
    level, style_bold, style_strike = styles.get(style_id or "", (0, False, False))
    if not style_id:
        level, style_bold, style_strike = styles.get("Normal", (0, False, False))
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    if outline is not None and not level:
        try:
            lv = int(outline.get(W + "val")) + 1
            level = lv if lv <= 9 else 0
        except (TypeError, ValueError):
            pass
    # text boxes anchored in this paragraph: their paragraphs come first, as their own lines
    for box in p.iter(W + "txbxContent"):
        if _inside(box, p, (MC_FALLBACK,)):
            continue
        for sub in box.iterchildren(W + "p"):
            _docx_paragraph(sub, out, numbering, styles)
    label = numbering.label(p, style_id)
    if label and not in_table:
        out.add(label, False, style_bold)
    for r in p.iter(W + "r"):
        if _inside(r, p, (W + "del", MC_FALLBACK, W + "txbxContent", W + "moveFrom")):
            continue
        rpr = r.find(W + "rPr")
        rstyle = rpr.find(W + "rStyle") if rpr is not None else None
        cstyle = styles.get(rstyle.get(W + "val"), (0, False, False)) if rstyle is not None else (0, False, False)
        bold_el = rpr.find(W + "b") if rpr is not None else None
        bold = _on(bold_el) if bold_el is not None else (cstyle[1] or style_bold)
        strike_els = [rpr.find(W + "strike"), rpr.find(W + "dstrike")] if rpr is not None else []
        if any(e is not None for e in strike_els):
            strike = any(_on(e) for e in strike_els if e is not None)
        else:
            strike = cstyle[2] or style_strike
        for node in r.iterchildren():
            tag = node.tag
            if tag == W + "t":
                out.add(node.text or "", strike, bold)
            elif tag == W + "tab":
                out.add("\t", strike, bold)
            elif tag in (W + "br", W + "cr"):
                if in_table:
                    out.add(" ", strike, bold)
                else:
                    out.add("\n")
            elif tag == W + "noBreakHyphen":
                out.add("-", strike, bold)
            elif tag == W + "softHyphen":
                pass
    if in_table:
        return
    if level:
        out.set_heading(level)
    out.newline()


def _docx_table(tbl, out: LineBuilder, styles) -> None:
    """One line per row, cells joined by TAB (merged cells once)."""
    for tr in tbl.iterchildren(W + "tr"):
        first = True
        for tc in tr.iterchildren(W + "tc"):
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            if not first:
                out.add("\t")
            first = False
            if vmerge is not None and vmerge.get(W + "val") not in ("restart",):
                continue                       # continuation of a vertically merged cell
            paras = [c for c in tc.iterchildren() if c.tag in (W + "p", W + "tbl")]
            firstp = True
            for c in paras:
                if not firstp:
                    out.add(" ")
                firstp = False
                if c.tag == W + "tbl":         # a nested table: its cells' text, in order
                    nested = [p for p in c.iter(W + "p")]
                    for k, p in enumerate(nested):
                        if k:
                            out.add(" ")
                        _docx_paragraph(p, out, _NO_NUMBERING, styles, in_table=True)
                    continue
                _docx_paragraph(c, out, _NO_NUMBERING, styles, in_table=True)
        out.newline()
    out.blank()


class _NoNumbering:
    def label(self, p_el, style_id):  # noqa: D401 - tiny stand-in
        return ""


_NO_NUMBERING = _NoNumbering()


# --------------------------------------------------------------------------- ODT
def read_odt(data: bytes, doc: RawDocument) -> None:
    """Fill ``doc`` from ODT bytes: headings, paragraphs, lists and tables in order."""
    from odf.opendocument import load

    odt = load(io.BytesIO(data))
    styles = _odt_styles(odt)
    out = LineBuilder()
    _odt_walk(odt.text, out, styles, lists=_OdtLists(odt))
    doc.lines = out.finish()
    doc.pages = 1


class _OdtLists:
    """Renders ODT list labels ("1.", "a)", "- ") from the document's list styles."""

    def __init__(self, odt):
        self.levels: dict[tuple[str, int], tuple[str, str, str, str, int]] = {}
        for container in (odt.styles, odt.automaticstyles):
            for st in container.childNodes:
                if getattr(st, "qname", (None, None))[1] != "list-style":
                    continue
                name = _attr(st, "name") or ""
                for lv in st.childNodes:
                    kind = getattr(lv, "qname", (None, ""))[1]
                    if kind not in ("list-level-style-number", "list-level-style-bullet"):
                        continue
                    try:
                        level = int(_attr(lv, "level") or 1)
                        start = int(_attr(lv, "start-value") or 1)
                    except ValueError:
                        level, start = 1, 1
                    self.levels[(name, level)] = ("bullet" if kind.endswith("bullet") else "number",
                                                  _attr(lv, "num-format") or "",
                                                  _attr(lv, "num-prefix") or "", _attr(lv, "num-suffix") or "",
                                                  start)
        self.counters: dict[tuple[str, int], int] = {}

    def start(self, style: str | None, level: int, continues: bool) -> None:
        if style and not continues:
            self.counters.pop((style, level), None)

    def label(self, style: str | None, level: int, value: str | None) -> str:
        spec = self.levels.get((style or "", level))
        if not spec:
            return ""
        kind, fmt, prefix, suffix, start = spec
        if kind == "bullet":
            return "- "
        if not fmt:
            return ""
        key = (style or "", level)
        try:
            n = int(value) if value else self.counters.get(key, start - 1) + 1
        except ValueError:
            n = self.counters.get(key, start - 1) + 1
        self.counters[key] = n
        for deeper in [k for k in self.counters if k[0] == key[0] and k[1] > level]:
            del self.counters[deeper]
        names = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
        return f"{prefix}{_format_number(n, names.get(fmt, 'decimal'))}{suffix} "


def _attr(node, name: str) -> str | None:
    for (ns, local), value in (node.attributes or {}).items():
        if local == name:
            return value
    return None


def _odt_styles(odt) -> dict[str, tuple[bool, bool]]:
    """style name -> (bold, struck), following parent styles."""
    raw: dict[str, tuple[bool | None, bool | None, str | None]] = {}
    for container in (odt.styles, odt.automaticstyles):
        for st in container.childNodes:
            if getattr(st, "qname", (None, None))[1] != "style":
                continue
            name = _attr(st, "name")
            bold = strike = None
            for child in st.childNodes:
                if getattr(child, "qname", (None, None))[1] == "text-properties":
                    w = _attr(child, "font-weight")
                    if w is not None:
                        bold = w in ("bold", "700", "800", "900")
                    ls = _attr(child, "text-line-through-style")
                    if ls is not None:
                        strike = ls != "none"
            if name:
                raw[name] = (bold, strike, _attr(st, "parent-style-name"))
    out: dict[str, tuple[bool, bool]] = {}

    def resolve(name: str | None, depth: int = 0) -> tuple[bool, bool]:
        if not name or name not in raw or depth > 10:
            return (False, False)
        if name in out:
            return out[name]
        b, s, parent = raw[name]
        pb, ps = resolve(parent, depth + 1)
        res = (pb if b is None else b, ps if s is None else s)
        out[name] = res
        return res

    for n in raw:
        resolve(n)
    return out


def _odt_walk(node, out: LineBuilder, styles, in_list: bool = False, lists: _OdtLists | None = None,
              list_style: str | None = None, level: int = 0) -> None:
    for child in node.childNodes:
        q = getattr(child, "qname", None)
        if q is None:
            continue
        local = q[1]
        if local in ("h", "p"):
            _odt_inline(child, out, styles, *styles.get(_attr(child, "style-name") or "", (False, False)))
            if local == "h":
                try:
                    out.set_heading(int(_attr(child, "outline-level") or 1))
                except ValueError:
                    out.set_heading(1)
            if in_list:
                out.newline()
            else:
                out.blank()                   # paragraphs are separated by a blank line
        elif local == "list":
            out.blank()
            style = _attr(child, "style-name") or list_style
            depth = level + 1
            if lists:
                lists.start(style, depth, _attr(child, "continue-numbering") == "true"
                            or _attr(child, "continue-list") is not None)
            for item in child.childNodes:
                kind = getattr(item, "qname", (None, ""))[1]
                if kind in ("list-item", "list-header"):
                    if lists and kind == "list-item" and _first_is_paragraph(item):
                        label = lists.label(style, depth, _attr(item, "start-value"))
                        if label:
                            out.add(label)
                    _odt_walk(item, out, styles, True, lists, style, depth)
            out.blank()
        elif local == "table":
            out.blank()
            for row in _odt_rows(child):
                first = True
                for cell in row.childNodes:
                    cq = getattr(cell, "qname", (None, ""))[1]
                    if cq not in ("table-cell", "covered-table-cell"):
                        continue
                    if not first:
                        out.add("\t")
                    first = False
                    if cq == "table-cell":
                        sub = LineBuilder()
                        _odt_walk(cell, sub, styles, lists=lists)
                        out.add_cell(sub.finish())
                out.newline()
            out.blank()
        elif local in ("section", "text", "table-of-content", "index-body"):
            _odt_walk(child, out, styles, in_list, lists, list_style, level)


def _first_is_paragraph(item) -> bool:
    """A list item that starts with text (not only a nested list) gets a label."""
    for child in item.childNodes:
        local = getattr(child, "qname", (None, ""))[1]
        if local in ("p", "h"):
            return True
        if local == "list":
            return False
    return False


def _odt_rows(table):
    for child in table.childNodes:
        local = getattr(child, "qname", (None, ""))[1]
        if local == "table-row":
            yield child
        elif local in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _odt_rows(child)


def _odt_inline(node, out: LineBuilder, styles, bold: bool, strike: bool) -> None:
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            out.add(str(child.data), strike, bold)
            continue
        local = getattr(child, "qname", (None, ""))[1]
        if local == "s":
            out.add(" " * int(_attr(child, "c") or 1), strike, bold)
        elif local == "tab":
            out.add("\t", strike, bold)
        elif local == "line-break":
            out.add("\n")
        elif local in ("tracked-changes", "note", "annotation", "bookmark", "bookmark-start",
                       "bookmark-end", "soft-page-break", "sequence-decls"):
            continue
        else:
            b, s = styles.get(_attr(child, "style-name") or "", (None, None)) if _attr(
                child, "style-name") else (bold, strike)
            _odt_inline(child, out, styles, b if b is not None else bold, s if s is not None else strike)


# --------------------------------------------------------------------------- RTF
_STRIKE_ON = "\ue000"
_STRIKE_OFF = "\ue001"
_LINE_BREAK = "\ue002"
_RTF_LINE = re.compile(r"\\line(?![a-z])\s?")
_RTF_TOKEN = re.compile(r"\\(strike|striked1|strikedl)(-?\d+)?\s?|\\[\\{}]|[{}]")


def _mark_rtf_strike(rtf: str) -> str:
    """Insert private-use markers around struck text (striprtf ignores \\strike)."""
    out: list[str] = []
    stack: list[bool] = []
    state = False
    pos = 0
    for m in _RTF_TOKEN.finditer(rtf):
        out.append(rtf[pos:m.start()])
        pos = m.end()
        tok = m.group(0)
        if tok == "{":
            stack.append(state)
            out.append(tok)
        elif tok == "}":
            prev = stack.pop() if stack else False
            if state and not prev:
                out.append(r"\u57345?")
            elif prev and not state:
                out.append(r"\u57344?")
            state = prev
            out.append(tok)
        elif tok.startswith("\\") and m.group(1):
            on = m.group(2) is None or m.group(2) != "0"
            if on and not state:
                out.append(r"\u57344?")
            elif state and not on:
                out.append(r"\u57345?")
            state = on
        else:
            out.append(tok)
    out.append(rtf[pos:])
    return "".join(out)


def rtf_to_lines(rtf: str) -> list[RawLine]:
    """RTF source → RawLines (table cells joined by TAB, struck text as spans)."""
    from striprtf.striprtf import rtf_to_text

    marked = _RTF_LINE.sub(r"\\u57346?", _mark_rtf_strike(rtf))
    text = rtf_to_text(marked, errors="ignore")
    out = LineBuilder()
    struck = False
    prev_row = False
    for para in text.replace("\r\n", "\n").split("\n"):
        row = para.endswith("|") and para.count("|") >= 2
        if row:
            para = "\t".join(c.strip() for c in para[:-1].split("|"))
        if not para.replace(_LINE_BREAK, "").strip():
            out.blank()
            prev_row = False
            continue
        if not (row and prev_row):
            out.blank()                       # paragraphs are separated by a blank line
        for line in para.split(_LINE_BREAK):  # \line: a break inside the paragraph
            for piece in re.split(f"([{_STRIKE_ON}{_STRIKE_OFF}])", line):
                if piece == _STRIKE_ON:
                    struck = True
                elif piece == _STRIKE_OFF:
                    struck = False
                else:
                    out.add(piece, struck)
            out.newline()
        prev_row = row
    lines = out.finish()
    while lines and not lines[0].text:
        lines.pop(0)
    return lines
