"""Light markup sources: LaTeX, Typst, AsciiDoc, reStructuredText and Org → RawLines.

The markup is stripped so that the structure of the minutes survives: section commands become
heading lines (``heading`` level set), list items become "- " bullets, table rows become
TAB-joined cells, bold text stays as plain text (``bold`` when it covers the line), struck text
(``\\sout{}``, ``#strike[]``, ``[line-through]#…#``, ``+…+``) becomes ``struck`` spans, and
comments, preambles, settings and layout commands are dropped.

Converters emit text with private-use markers for struck and bold runs; :func:`_to_raw_lines`
turns those into spans and flags.
"""
from __future__ import annotations

import re

from ...model import RawLine
from .common import LineBuilder

__all__ = ["convert"]

S_ON, S_OFF, B_ON, B_OFF = "\ue000", "\ue001", "\ue002", "\ue003"
_H = "\ue010"          # heading marker: _H + level digit at the start of a line
_MARKS = re.compile(f"([{S_ON}{S_OFF}{B_ON}{B_OFF}])")


def convert(text: str, kind: str) -> list[RawLine]:
    """Convert one light-markup document (``kind`` from sniff.TEXT_MARKUP_KINDS)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fn = {"tex": _latex, "typst": _typst, "asciidoc": _asciidoc, "rst": _rst, "org": _org}[kind]
    return _to_raw_lines(fn(text))


def _to_raw_lines(lines: list[str]) -> list[RawLine]:
    out = LineBuilder()
    struck = bold = False
    for line in lines:
        heading = 0
        if line.startswith(_H):
            heading, line = int(line[1]), line[2:]
        if not _MARKS.sub("", line).strip():
            out.blank()
            continue
        for piece in _MARKS.split(line):
            if piece == S_ON:
                struck = True
            elif piece == S_OFF:
                struck = False
            elif piece == B_ON:
                bold = True
            elif piece == B_OFF:
                bold = False
            else:
                out.add(piece, struck, bold)
        if heading:
            out.set_heading(heading)
        out.newline()
        struck = bold = False
    return out.finish()


def _balanced(text: str, start: int, open_ch: str, close_ch: str) -> int:
    """Index just past the bracket matching ``text[start]`` (or len(text))."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == "\\" and open_ch != "[":
            i += 2
            continue
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


# --------------------------------------------------------------------------- LaTeX
_TEX_SECTION = {"part": 1, "chapter": 1, "section": 1, "subsection": 2, "subsubsection": 3,
                "paragraph": 4, "subparagraph": 5}
_TEX_ACCENTS = {('"', "a"): "ä", ('"', "o"): "ö", ('"', "u"): "ü", ('"', "A"): "Ä", ('"', "O"): "Ö",
                ('"', "U"): "Ü", ("'", "e"): "é", ("'", "E"): "É", ("`", "e"): "è", ("'", "a"): "á",
                ("r", "a"): "å", ("r", "A"): "Å"}
_TEX_SYMBOLS = {"aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "S": "§", "ldots": "…",
                "dots": "…", "textendash": "–", "textemdash": "—", "euro": "€", "%": "%", "&": "&",
                "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", "quad": " ", "qquad": " ", " ": " ",
                "textsection": "§", "LaTeX": "LaTeX", "TeX": "TeX"}
_TEX_DROP_ARGS = {"label", "ref", "cite", "vspace", "hspace", "setlength", "usepackage", "documentclass",
                  "includegraphics", "pagestyle", "thispagestyle", "newcommand", "renewcommand",
                  "setcounter", "addtolength", "fontsize", "geometry", "hypersetup", "input", "include",
                  "bibliography", "bibliographystyle", "pagenumbering", "selectlanguage", "color",
                  "definecolor", "newpage", "clearpage", "maketitle", "tableofcontents", "noindent",
                  "centering", "raggedright", "hline", "toprule", "midrule", "bottomrule", "cline",
                  "small", "large", "Large", "huge", "footnotesize", "normalsize", "bfseries", "itshape",
                  "par", "smallskip", "medskip", "bigskip", "linebreak", "pagebreak", "today"}
_TEX_STRIKE = {"sout", "st", "xout", "strike", "cancel"}
_TEX_BOLD = {"textbf", "bf"}


def _latex(text: str) -> list[str]:
    text = re.sub(r"(?<!\\)%.*", "", text)
    meta: list[str] = []
    m = re.search(r"\\begin\{document\}", text)
    if m:
        preamble, text = text[:m.start()], text[m.end():]
        for cmd in ("title", "author", "date"):
            mm = re.search(r"\\" + cmd + r"\s*\{", preamble)
            if mm:
                end = _balanced(preamble, mm.end() - 1, "{", "}")
                value = _tex_inline(preamble[mm.end():end - 1])
                if value.strip() and "\\today" not in value:
                    meta.append((_H + "1" if cmd == "title" else "") + value.strip())
        if meta:
            meta.append("")
    text = re.sub(r"\\end\{document\}.*", "", text, flags=re.S)
    out: list[str] = list(meta)
    in_tabular = False
    for raw in text.split("\n"):
        line = raw.strip()
        env = re.match(r"\\(begin|end)\{(\w+\*?)\}(\{[^}]*\}|\[[^\]]*\])*\s*(.*)$", line)
        if env:
            name = env.group(2)
            if name in ("tabular", "tabular*", "tabularx", "longtable", "array", "tabu"):
                in_tabular = env.group(1) == "begin"
                out.append("")
            elif name in ("itemize", "enumerate", "description"):
                out.append("")
            rest = env.group(4)
            if not rest:
                continue
            line = rest
        sec = re.match(r"\\(" + "|".join(_TEX_SECTION) + r")\*?\s*(\[[^\]]*\])?\s*\{", line)
        if sec:
            end = _balanced(line, sec.end() - 1, "{", "}")
            title = _tex_inline(line[sec.end():end - 1])
            out.append("")
            out.append(_H + str(_TEX_SECTION[sec.group(1)]) + title.strip())
            rest = _tex_inline(line[end:]).strip()
            out.append("")
            if rest:
                out.append(rest)
            continue
        if in_tabular:
            line = re.sub(r"\\(hline|toprule|midrule|bottomrule)\b|\\cline\{[^}]*\}", "", line)
            if not line.strip():
                continue
            for row in re.split(r"\\\\(?:\[[^\]]*\])?", line):
                if row.strip():
                    cells = [_tex_inline(c).strip() for c in re.split(r"(?<!\\)&", row)]
                    out.append("\t".join(cells))
            continue
        item = re.match(r"\\item\s*(\[([^\]]*)\])?\s*(.*)$", line)
        if item:
            label = item.group(2)
            body = _tex_inline(item.group(3))
            out.append((_tex_inline(label) + " " if label else "- ") + body.strip())
            continue
        for part in re.split(r"\\\\(?:\[[^\]]*\])?|\\newline\b", line):
            out.append(_tex_inline(part).strip())
    return out


def _tex_inline(s: str) -> str:
    """Inline LaTeX → text with struck/bold markers."""
    s = s.replace("---", "—").replace("--", "–").replace("~", " ").replace("``", "”").replace("''", "”")
    s = re.sub(r"\\([\"'`])\s*\{?\s*([a-zA-Z])\}?", lambda m: _TEX_ACCENTS.get((m.group(1), m.group(2)), m.group(2)), s)
    s = re.sub(r"\\r\s*\{\s*([aA])\s*\}|\\r\s+([aA])\b", lambda m: "å" if (m.group(1) or m.group(2)) == "a" else "Å", s)
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            m = re.match(r"\\([a-zA-Z]+)\*?|\\(.)", s[i:])
            if not m:
                i += 1
                continue
            name = m.group(1) or m.group(2)
            j = i + m.end()
            if m.group(2) is not None:
                out.append(_TEX_SYMBOLS.get(name, name if not name.isspace() else " "))
                i = j
                continue
            # optional [..] then {..} arguments
            while j < len(s) and s[j] == "[":
                j = _balanced(s, j, "[", "]")
            args: list[str] = []
            while j < len(s) and s[j] == "{":
                k = _balanced(s, j, "{", "}")
                args.append(s[j + 1:k - 1])
                j = k
                if name not in ("href", "textcolor", "colorbox", "multicolumn", "multirow", "setlength",
                                "newcommand", "renewcommand", "definecolor"):
                    break
            if name in _TEX_SYMBOLS:
                out.append(_TEX_SYMBOLS[name] + "".join(_tex_inline(a) for a in args))
            elif name in _TEX_DROP_ARGS:
                pass
            elif name in _TEX_STRIKE:
                out.append(S_ON + _tex_inline(args[0] if args else "") + S_OFF)
            elif name in _TEX_BOLD:
                out.append(B_ON + _tex_inline(args[0] if args else "") + B_OFF)
            elif name in ("href",) and len(args) >= 2:
                out.append(_tex_inline(args[1]))
            elif name in ("textcolor", "colorbox", "multirow") and args:
                out.append(_tex_inline(args[-1]))
            elif name == "multicolumn" and args:
                out.append(_tex_inline(args[-1]))
            elif name == "url" and args:
                out.append(args[0])
            elif args:
                out.append(_tex_inline(args[0]))
            i = j
        elif c in "{}":
            i += 1
        elif c == "$":
            i += 1
        else:
            out.append(c)
            i += 1
    return re.sub(r" {2,}", " ", "".join(out))       # TeX: spaces collapse


# --------------------------------------------------------------------------- Typst
def _typst(text: str) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"(?m)(?<![:\\])//.*$", "", text)
    text = _typst_calls(text)
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if re.match(r"#(set|let|show|import|include|pagebreak|v|h|line|colbreak|outline)\b", line):
            if re.match(r"#(pagebreak|colbreak)\b", line):
                out.append("")
            continue
        h = re.match(r"^(=+)\s+(.*)$", line)
        if h:
            out.append("")
            out.append(_H + str(min(len(h.group(1)), 6)) + _typst_inline(h.group(2)))
            out.append("")
            continue
        li = re.match(r"^[-+]\s+(.*)$", line)
        if li:
            out.append("- " + _typst_inline(li.group(1)))
            continue
        line = re.sub(r"\\$", "", line)
        out.append(_typst_inline(line))
    return out


def _typst_calls(text: str) -> str:
    """``#table(columns: 2, [a], [b], …)`` → TAB rows; other ``#f(..)[..]`` → their text."""
    out: list[str] = []
    i = 0
    for m in re.finditer(r"#(\w+)(?:\.\w+)*\(", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        end = _balanced(text, m.end() - 1, "(", ")")
        inner = text[m.end():end - 1]
        name = m.group(1)
        # trailing content block: #strike(stroke: 1pt)[text]
        trail = ""
        if end < len(text) and text[end] == "[":
            tend = _balanced(text, end, "[", "]")
            trail = text[end + 1:tend - 1]
            end = tend
        blocks, named = _typst_args(inner)
        if name in ("table", "grid"):
            cols = named.get("columns", "1").strip()
            if cols.startswith("("):
                ncols = len([c for c in cols[1:-1].split(",") if c.strip()])
            else:
                try:
                    ncols = int(cols)
                except ValueError:
                    ncols = 1
            ncols = max(1, ncols)
            rows = ["\t".join(blocks[k:k + ncols]) for k in range(0, len(blocks), ncols)]
            out.append("\n" + "\n".join(rows) + "\n")
        elif name in ("set", "let", "show", "import", "v", "h", "pagebreak", "image", "line", "place",
                      "colbreak", "outline", "bibliography"):
            pass
        elif name == "strike":
            out.append(S_ON + " ".join(blocks + ([trail] if trail else [])) + S_OFF)
        elif name == "strong":
            out.append(B_ON + " ".join(blocks + ([trail] if trail else [])) + B_OFF)
        else:
            out.append(" ".join(b for b in blocks + ([trail] if trail else []) if b))
        i = end
    out.append(text[i:])
    text = "".join(out)
    # #strike[text] and #strong[text] without parentheses
    text = re.sub(r"#strike\[([^\[\]]*)\]", lambda m: S_ON + m.group(1) + S_OFF, text)
    text = re.sub(r"#strong\[([^\[\]]*)\]", lambda m: B_ON + m.group(1) + B_OFF, text)
    text = re.sub(r"#(?:emph|underline|text|smallcaps|highlight|box|block|align\([^)]*\))\[([^\[\]]*)\]",
                  r"\1", text)
    return text


def _typst_args(inner: str) -> tuple[list[str], dict[str, str]]:
    blocks: list[str] = []
    named: dict[str, str] = {}
    depth = 0
    cur = ""
    parts: list[str] = []
    k = 0
    while k < len(inner):
        c = inner[k]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == '"':
            j = inner.find('"', k + 1)
            j = len(inner) - 1 if j < 0 else j
            cur += inner[k:j + 1]
            k = j + 1
            continue
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
        k += 1
    if cur.strip():
        parts.append(cur)
    for p in parts:
        p = p.strip()
        nm = re.match(r"^(\w[\w-]*)\s*:\s*(.*)$", p, re.S)
        if nm and not p.startswith("["):
            named[nm.group(1)] = nm.group(2)
        elif p.startswith("["):
            blocks.append(_typst_inline(_typst_calls(p[1:-1] if p.endswith("]") else p[1:]).strip()))
        elif p.startswith('"') and p.endswith('"'):
            blocks.append(p[1:-1])
    return blocks, named


def _typst_inline(s: str) -> str:
    s = re.sub(r"(?<![\w\\])\*([^*\n]+)\*(?!\w)", lambda m: B_ON + m.group(1) + B_OFF, s)
    s = re.sub(r"(?<![\w\\])_([^_\n]+)_(?!\w)", r"\1", s)
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = re.sub(r"<[\w:.-]+>", "", s)           # labels
    s = re.sub(r"\\([#*_\\$@<>\[\]=-])", r"\1", s)
    s = s.replace("~", " ")
    return s.strip()


# --------------------------------------------------------------------------- AsciiDoc
def _asciidoc(text: str) -> list[str]:
    out: list[str] = []
    in_table = False
    ncols = 0
    pending: list[str] = []
    cols_attr = 0
    in_comment = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.strip() == "////":
            in_comment = not in_comment
            continue
        if in_comment or line.startswith("//"):
            continue
        if line.startswith("|==="):
            if in_table and pending:
                out.append("\t".join(pending))
            in_table, pending, ncols = not in_table, [], cols_attr
            out.append("")
            cols_attr = 0
            continue
        attr = re.match(r"^\[(.*)\]$", line.strip())
        if attr and not in_table:
            c = re.search(r'cols="?(\d+)\*?|cols="([^"]*)"', attr.group(1))
            if c:
                cols_attr = int(c.group(1)) if c.group(1) else len(c.group(2).split(","))
            continue
        if in_table:
            if not line.strip():
                if pending:
                    out.append("\t".join(pending))
                    if not ncols:
                        ncols = len(pending)
                    pending = []
                continue
            cells = [_adoc_inline(c.strip()) for c in re.split(r"(?<!\\)\|", line)[1:]] if line.lstrip().startswith(
                "|") else [_adoc_inline(line.strip())]
            if not ncols and len(cells) > 1:
                out.append("\t".join(cells))
                ncols = len(cells)
                continue
            pending.extend(cells)
            if ncols and len(pending) >= ncols:
                out.append("\t".join(pending[:ncols]))
                pending = pending[ncols:]
            continue
        if re.match(r"^:[\w-]+:", line) or re.match(r"^(----|\.\.\.\.|\*\*\*\*|====|____|\+\+\+\+|--)\s*$", line):
            continue
        if line.strip() == "+":
            continue
        h = re.match(r"^(={1,6})\s+(.*)$", line)
        if h:
            out.append("")
            out.append(_H + str(len(h.group(1))) + _adoc_inline(h.group(2)))
            out.append("")
            continue
        li = re.match(r"^\s*(\*+|-)\s+(.*)$", line)
        if li:
            out.append("- " + _adoc_inline(li.group(2)))
            continue
        title = re.match(r"^\.([^\s.].*)$", line)      # .Block title
        if title:
            out.append(_adoc_inline(title.group(1)))
            continue
        out.append(_adoc_inline(line.rstrip(" +")))
    return out


def _adoc_inline(s: str) -> str:
    s = re.sub(r"\[line-through\]#([^#]*)#", lambda m: S_ON + m.group(1) + S_OFF, s)
    s = re.sub(r"\[[\w.-]*\]#([^#]*)#", r"\1", s)
    s = re.sub(r"(?<![\w*])\*\*?([^*\n]+?)\*?\*(?![\w*])", lambda m: B_ON + m.group(1) + B_OFF, s)
    s = re.sub(r"(?<![\w_])__?([^_\n]+?)_?_(?![\w_])", r"\1", s)
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = re.sub(r"(https?://\S+)\[([^\]]*)\]", lambda m: m.group(2) or m.group(1), s)
    s = re.sub(r"\{nbsp\}", " ", s)
    return s.strip()


# --------------------------------------------------------------------------- reStructuredText
_RST_ADORN = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}\s*$")


def _rst(text: str) -> list[str]:
    lines = text.split("\n")
    out: list[str] = []
    styles: list[str] = []
    i = 0
    in_directive = False
    list_table = False
    row: list[str] | None = None
    while i < len(lines):
        line = lines[i].rstrip()
        nxt = lines[i + 1].rstrip() if i + 1 < len(lines) else ""
        # overline + title + underline
        if _RST_ADORN.match(line) and i + 2 < len(lines) and _RST_ADORN.match(lines[i + 2].rstrip()) \
                and lines[i + 1].strip() and not line.startswith(("+", "=  ")):
            style = "o" + line[0]
            styles.append(style) if style not in styles else None
            out += ["", _H + str(min(styles.index(style) + 1, 6)) + _rst_inline(lines[i + 1].strip()), ""]
            i += 3
            continue
        if line.strip() and not _RST_ADORN.match(line) and _RST_ADORN.match(nxt) and len(nxt) >= len(
                line.strip()) - 1 and not line.startswith(" "):
            style = nxt[0]
            if style not in styles:
                styles.append(style)
            out += ["", _H + str(min(styles.index(style) + 1, 6)) + _rst_inline(line.strip()), ""]
            i += 2
            continue
        i += 1
        if line.startswith(".. "):
            in_directive = True
            list_table = "list-table::" in line
            if list_table:
                out.append("")
            continue
        if in_directive:
            if line.startswith((" ", "\t")) or not line.strip():
                if list_table:
                    s = line.strip()
                    if s.startswith("* - "):
                        if row is not None:
                            out.append("\t".join(row))
                        row = [_rst_inline(s[4:])]
                    elif s.startswith("- ") and row is not None:
                        row.append(_rst_inline(s[2:]))
                    elif s.startswith(":"):
                        pass
                    continue
                if not list_table and line.strip() and not line.strip().startswith(":"):
                    out.append(_rst_inline(line.strip()))  # directive content (notes etc.)
                continue
            in_directive = False
            if row is not None:
                out.append("\t".join(row))
                row = None
            list_table = False
            out.append("")
        s = line.strip()
        if re.match(r"^\+[-=+]+\+$", s) or re.match(r"^=+(\s+=+)+$", s):
            continue                         # table borders
        if s.startswith("|") and s.endswith("|"):
            out.append("\t".join(_rst_inline(c.strip()) for c in s[1:-1].split("|")))
            continue
        li = re.match(r"^[-*+•]\s+(.*)$", s)
        if li:
            out.append("- " + _rst_inline(li.group(1)))
            continue
        if s == "::":
            continue
        out.append(_rst_inline(re.sub(r"\s{2,}", "\t", s) if re.search(r"\S\s{2,}\S", s) else s))
    if row is not None:
        out.append("\t".join(row))
    return out


def _rst_inline(s: str) -> str:
    s = re.sub(r":(?:del|strike|s):`([^`]*)`", lambda m: S_ON + m.group(1) + S_OFF, s)
    s = re.sub(r":\w+:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", s)
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", lambda m: B_ON + m.group(1) + B_OFF, s)
    s = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", s)
    s = re.sub(r"``([^`]*)``", r"\1", s)
    s = re.sub(r"\|(\w[\w -]*)\|", r"\1", s)
    s = s.replace("\\", "")
    return s.strip()


# --------------------------------------------------------------------------- Org
def _org(text: str) -> list[str]:
    out: list[str] = []
    drawer = False
    block = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        s = line.strip()
        if re.match(r"^:(PROPERTIES|LOGBOOK|[A-Z]+):$", s) and s != ":END:":
            drawer = True
            continue
        if drawer:
            drawer = s != ":END:"
            continue
        kw = re.match(r"^#\+(\w+):\s*(.*)$", s, re.I)
        if kw:
            name = kw.group(1).lower()
            if name == "title":
                out += [_H + "1" + _org_inline(kw.group(2)), ""]
            elif name in ("date", "author", "subtitle"):
                out.append(_org_inline(kw.group(2)))
            continue
        if re.match(r"^#\+(begin|end)_\w+", s, re.I):
            block = s.lower().startswith("#+begin")
            continue
        if s.startswith("# ") or s == "#":
            continue
        h = re.match(r"^(\*+)\s+(?:(?:TODO|DONE)\s+)?(.*?)(\s+:[\w:@]+:)?$", line)
        if h and not block:
            out += ["", _H + str(min(len(h.group(1)), 6)) + _org_inline(h.group(2)), ""]
            continue
        if re.match(r"^\|[-+]+\|?$", s):
            continue
        if s.startswith("|"):
            cells = s.strip("|").split("|")
            out.append("\t".join(_org_inline(c.strip()) for c in cells))
            continue
        li = re.match(r"^[-+]\s+(.*)$", s)
        if li:
            out.append("- " + _org_inline(li.group(1)))
            continue
        out.append(_org_inline(s))
    return out


def _org_inline(s: str) -> str:
    s = re.sub(r"(?<![\w+])\+([^+\n]+?)\+(?![\w+])", lambda m: S_ON + m.group(1) + S_OFF, s)
    s = re.sub(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])", lambda m: B_ON + m.group(1) + B_OFF, s)
    s = re.sub(r"(?<![\w/:])/([^/\n]+?)/(?![\w/])", r"\1", s)
    s = re.sub(r"(?<![\w=~])[=~]([^=~\n]+?)[=~](?![\w=~])", r"\1", s)
    s = re.sub(r"\[\[([^\]]*)\](?:\[([^\]]*)\])?\]", lambda m: m.group(2) or m.group(1), s)
    return s.strip()
