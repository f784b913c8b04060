"""HTML: BeautifulSoup (lxml parser) → RawLines.

Block elements and ``<br>`` end lines; ``<del>``/``<s>``/``<strike>`` (and inline
``text-decoration: line-through``) become struck spans; ``h1``–``h6`` give the heading level;
a table row becomes one line with cells joined by TAB; ordered-list items get their number
("1. "), other list items "- "; script, style and other non-content elements are dropped.
"""
from __future__ import annotations

import re

from ...model import RawLine
from .common import LineBuilder

__all__ = ["html_to_lines"]

_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
          "address", "figure", "figcaption", "form", "fieldset", "center", "dl", "dt", "dd", "ul", "ol",
          "hr", "pre", "body", "html", "caption", "details", "summary"}
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "canvas", "iframe", "object", "title",
         "meta", "link", "button", "select", "input", "textarea"}
_STRIKE = {"del", "s", "strike"}
_BOLD = {"b", "strong"}
_WS = re.compile(r"[ \t\r\n\f]+")
_LINE_THROUGH = re.compile(r"text-decoration[^;]*line-through", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[7-9]00)", re.I)


def html_to_lines(html: str) -> list[RawLine]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    _inline_class_styles(soup)
    out = LineBuilder()
    root = soup.body or soup
    _walk(root, out, struck=False, bold=False, pre=False)
    return out.finish()


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _inline_class_styles(soup) -> None:
    """Copy line-through / bold from ``<style>`` class rules (``.c3{text-decoration:line-through}``,
    as Google Docs and other exporters write them) into the elements' own ``style``."""
    rules: dict[str, str] = {}
    for tag in soup.find_all("style"):
        css = re.sub(r"/\*.*?\*/", "", tag.get_text(), flags=re.S)
        for selectors, body in _CSS_RULE.findall(css):
            wanted = "; ".join(d.strip() for d in body.split(";")
                               if _LINE_THROUGH.search(d) or _BOLD_STYLE.search(d))
            if not wanted:
                continue
            for sel in selectors.split(","):
                m = re.fullmatch(r"\s*(?:[a-z0-9]*)\.([\w-]+)\s*", sel, re.I)
                if m:
                    rules[m.group(1)] = (rules.get(m.group(1), "") + "; " + wanted).strip("; ")
    if not rules:
        return
    for el in soup.find_all(class_=True):
        extra = "; ".join(rules[c] for c in el.get("class", []) if c in rules)
        if extra:
            el["style"] = ((el.get("style") or "") + "; " + extra).strip("; ")


def _walk(node, out: LineBuilder, struck: bool, bold: bool, pre: bool) -> None:
    from bs4 import Comment, NavigableString, ProcessingInstruction, Declaration, Doctype

    for child in node.children:
        if isinstance(child, (Comment, ProcessingInstruction, Declaration, Doctype)):
            continue
        if isinstance(child, NavigableString):
            text = str(child)
            if not pre:
                text = _WS.sub(" ", text)
            out.add(text, struck, bold)
            continue
        name = (child.name or "").lower()
        if name in _SKIP:
            continue
        style = child.get("style") or ""
        c_struck = struck or name in _STRIKE or bool(_LINE_THROUGH.search(style))
        c_bold = bold or name in _BOLD or bool(_BOLD_STYLE.search(style))
        if name == "br":
            out.newline()
            continue
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.blank()
            _walk(child, out, c_struck, c_bold, pre)
            out.set_heading(int(name[1]))
            out.blank()
            continue
        if name == "table":
            out.blank()
            _table(child, out, c_struck, c_bold)
            out.blank()
            continue
        if name in ("ul", "ol", "dl"):
            out.blank()
            _walk(child, out, c_struck, c_bold, pre)
            out.blank()
            continue
        if name == "li":
            out.newline()
            parent = child.parent
            if parent is not None and parent.name == "ol":
                items = [c for c in parent.find_all("li", recursive=False)]
                start = parent.get("start")
                try:
                    first = int(start) if start else 1
                except ValueError:
                    first = 1
                num = child.get("value")
                try:
                    n = int(num) if num else first + items.index(child)
                except ValueError:
                    n = first + items.index(child)
                out.add(f"{n}. ", False, False)
            else:
                out.add("- ", False, False)
            _walk(child, out, c_struck, c_bold, pre)
            out.newline()
            continue
        if name in _BLOCK:
            if name == "p":
                out.blank()
            else:
                out.newline()
            _walk(child, out, c_struck, c_bold, pre or name == "pre")
            if name == "p":
                out.blank()
            else:
                out.newline()
            continue
        if name == "td" or name == "th":     # a cell outside a table element
            _walk(child, out, c_struck, c_bold, pre)
            out.add("\t")
            continue
        _walk(child, out, c_struck, c_bold, pre)


def _table(table, out: LineBuilder, struck: bool, bold: bool) -> None:
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue                         # rows of nested tables are handled by their cells
        first = True
        for cell in tr.find_all(["td", "th"], recursive=False):
            if not first:
                out.add("\t")
            first = False
            sub = LineBuilder()
            style = cell.get("style") or ""
            _walk(cell, sub, struck or bool(_LINE_THROUGH.search(style)), bold, False)
            out.add_cell(sub.finish())
        out.newline()
