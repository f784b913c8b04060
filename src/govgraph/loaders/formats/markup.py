"""Inline markup of text files: Markdown and stray HTML left by conversions.

Protocols converted to text often keep markup: Markdown headings (``## 6.``), ``**bold**``,
``~~struck~~``, inline HTML (``<del>…</del>``, ``<b>``, ``<i>``, ``<br>``), autolinks
``<https://…>``, Markdown hard breaks (two trailing spaces), escapes (``1\\.``) and pipe
tables. :func:`strip_line_markup` removes the markup of ONE line and keeps its meaning in
typed fields: struck-through character spans, heading level, whole-line bold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarkedLine", "strip_line_markup", "split_br", "unescape_entities"]


@dataclass
class MarkedLine:
    """One line of text without its markup."""
    text: str
    struck: tuple[tuple[int, int], ...] = ()
    heading: int = 0
    bold: bool = False


_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|nbsp|shy|ndash|mdash|#\d{1,6}|#[xX][0-9a-fA-F]{1,6});")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0",
             "shy": "\u00ad", "ndash": "\u2013", "mdash": "\u2014"}
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>", re.I)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))+\)")
_BR = re.compile(r"<br\s*/?>", re.I)
# tokens that toggle state; anything else is kept as text
_TOKEN = re.compile(
    r"(?P<tag></?(?P<name>del|s|strike|b|strong|i|em|u|ins|mark|sup|sub|span|font|small|big|p|div)"
    r"(?:\s[^<>]*)?>)"
    r"|(?P<tilde>~~)"
    r"|(?P<star>\*\*|__(?=[^\W_])|(?<=[^\W_])__)",
    re.I)
_STRIKE_TAGS = {"del", "s", "strike"}
_BOLD_TAGS = {"b", "strong"}
_LIST_PREFIX = re.compile(r"^\s*(?:[-*+•]\s+)?(?:(?:§\s*)?\d+[a-z]?[.)]?\s+)?")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_STAR_BULLET = re.compile(r"^(\s*)[*+]\s+(?=\S)")
_MARKUP_CHARS = re.compile(r"[<>*~_#|\\&\[+]")
_ITALIC_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def unescape_entities(text: str) -> str:
    """Decode the common HTML character references (only well-formed ones, with ';')."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name.startswith("#"):
            try:
                code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
                return chr(code)
            except (ValueError, OverflowError):
                return m.group(0)
        return _ENTITIES[name]
    return _ENTITY.sub(sub, text)


def _split_table_row(text: str) -> str | None:
    """``| a | b |`` → ``a\\tb``; a rule line ``|---|---|`` → ``""``; else None."""
    s = text.strip()
    if not (s.startswith("|") and s.endswith("|") and s.count("|") >= 2):
        return None
    if _TABLE_RULE.match(s):
        return ""
    cells = [c.strip() for c in s[1:-1].split("|")]
    return "\t".join(cells)


def split_br(text: str) -> list[str]:
    """Split a line at ``<br>`` tags (a hard line break inside one source line)."""
    return _BR.split(text)


def strip_line_markup(text: str) -> MarkedLine:
    """Remove Markdown/HTML markup from one line, keeping its meaning in fields.

    >>> strip_line_markup("### 1. **Inledning**")
    MarkedLine(text='1. Inledning', struck=(), heading=3, bold=True)
    >>> m = strip_line_markup("<del>Anna Berg</del>\\t<del>Kumla</del>")
    >>> m.text, m.struck
    ('Anna Berg\\tKumla', ((0, 9), (10, 15)))
    """
    text = text.rstrip(" ")               # Markdown hard break (two trailing spaces)
    if not _MARKUP_CHARS.search(text):
        stripped = text.strip(" ")
        return MarkedLine(stripped)
    heading = 0
    m = _HEADING.match(text)
    if m:
        heading, text = len(m.group(1)), m.group(2)
    row = _split_table_row(text)
    if row is not None:
        text = row
    text = _QUOTE.sub("", text)             # "> " blockquote markers
    text = _STAR_BULLET.sub(r"\1- ", text)  # "* item" / "+ item" bullets → "- item"
    text = _AUTOLINK.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _BR.sub(" ", text)

    out: list[str] = []
    struck: list[tuple[int, int]] = []
    strike_depth = 0
    strike_start = 0
    tilde_open = False
    bold_marks: list[tuple[int, str]] = []   # (position in output, "open"/"close"/"toggle")
    pos = 0
    length = 0
    for tok in _TOKEN.finditer(text):
        chunk = text[pos:tok.start()]
        out.append(chunk)
        length += len(chunk)
        pos = tok.end()
        was_struck = strike_depth > 0 or tilde_open
        if tok.group("tag"):
            name = tok.group("name").lower()
            closing = tok.group("tag").startswith("</")
            if name in _STRIKE_TAGS:
                strike_depth = max(0, strike_depth - 1) if closing else strike_depth + 1
            elif name in _BOLD_TAGS:
                bold_marks.append((length, "close" if closing else "open"))
        elif tok.group("tilde"):
            tilde_open = not tilde_open
        elif tok.group("star"):
            bold_marks.append((length, "toggle"))
        now_struck = strike_depth > 0 or tilde_open
        if now_struck and not was_struck:
            strike_start = length
        elif was_struck and not now_struck and length > strike_start:
            struck.append((strike_start, length))
    tail = text[pos:]
    out.append(tail)
    length += len(tail)
    if (strike_depth > 0 or tilde_open) and length > strike_start:
        struck.append((strike_start, length))
    result = "".join(out)

    # single-star / underscore emphasis (*x*): drop the stars, never the text
    if "*" in result:
        result, struck = _drop_italic_stars(result, struck)
    if "\\" in result:
        result, struck = _apply_edit(result, struck, _ESCAPE, lambda m: m.group(1))
    if "&" in result:
        result, struck = _apply_edit(result, struck, _ENTITY, lambda m: unescape_entities(m.group(0)))

    bold = _whole_line_bold(result, bold_marks)
    # trim spaces the markup left at the ends, shifting spans
    lead = len(result) - len(result.lstrip(" "))
    result = result.strip(" ")
    spans = tuple((max(0, s - lead), min(len(result), e - lead)) for s, e in struck)
    spans = tuple((s, e) for s, e in spans if e > s)
    return MarkedLine(result, spans, heading, bold)


def _apply_edit(text: str, struck: list[tuple[int, int]], pattern: re.Pattern, repl) -> tuple[str, list[tuple[int, int]]]:
    """Apply a regex substitution while keeping struck spans aligned."""
    out: list[str] = []
    shifts: list[tuple[int, int]] = []   # (original position, delta after it)
    pos = 0
    delta = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        new = repl(m)
        out.append(new)
        delta += len(new) - (m.end() - m.start())
        shifts.append((m.end(), delta))
        pos = m.end()
    out.append(text[pos:])

    def move(p: int) -> int:
        d = 0
        for at, dd in shifts:
            if at <= p:
                d = dd
        return p + d
    return "".join(out), [(move(s), move(e)) for s, e in struck]


def _drop_italic_stars(text: str, struck: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    return _apply_edit(text, struck, _ITALIC_STAR, lambda m: m.group(1))


def _whole_line_bold(text: str, marks: list[tuple[int, str]]) -> bool:
    """True when bold markup covers all of the line's content (after a list/number prefix)."""
    if not marks or not text.strip():
        return False
    prefix = _LIST_PREFIX.match(text)
    start = prefix.end() if prefix else 0
    end = len(text.rstrip())
    content_start = len(text) - len(text.lstrip()) if start == 0 else start
    positions = [p for p, _ in marks]
    # a balanced pair around the content, or one dangling mark at either end (broken conversion)
    opens_at_start = any(p <= content_start for p in positions)
    closes_at_end = any(p >= end for p in positions)
    if opens_at_start and closes_at_end:
        # no bold toggle strictly inside the content (e.g. "**A:** rest")
        inner = [p for p in positions if content_start < p < end]
        return not inner
    if len(marks) == 1 and (opens_at_start or closes_at_end):
        return True
    return False
