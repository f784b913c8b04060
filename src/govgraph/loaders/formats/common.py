"""Building RawLines from styled text pieces (shared by the DOCX, ODT, HTML and RTF readers)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import RawLine

__all__ = ["LineBuilder", "StyledLine"]


@dataclass
class StyledLine:
    """A line being assembled: text plus struck spans; ``bold_chars`` counts emphasised chars."""
    parts: list[tuple[str, bool, bool]] = field(default_factory=list)   # (text, struck, bold)

    def add(self, text: str, struck: bool = False, bold: bool = False) -> None:
        if text:
            self.parts.append((text, struck, bold))

    @property
    def empty(self) -> bool:
        return not any(t.strip() for t, _, _ in self.parts)


class LineBuilder:
    """Collects styled pieces into RawLines; ``newline()`` ends the current line."""

    def __init__(self, page: int = 1):
        self.lines: list[RawLine] = []
        self.page = page
        self._cur = StyledLine()
        self._heading = 0
        self._bold_hint = False

    def add(self, text: str, struck: bool = False, bold: bool = False) -> None:
        """Add text; embedded newlines end lines."""
        chunks = text.split("\n")
        for n, chunk in enumerate(chunks):
            if n:
                self.newline()
            self._cur.add(chunk, struck, bold)

    def set_heading(self, level: int) -> None:
        self._heading = max(self._heading, level)

    def set_bold(self) -> None:
        """The whole current line is emphasised (e.g. a bold paragraph style)."""
        self._bold_hint = True

    def newline(self, keep_empty: bool = False) -> None:
        cur = self._cur
        if cur.empty and not keep_empty:
            self._cur, self._heading, self._bold_hint = StyledLine(), 0, False
            return
        self.lines.append(self._finish(cur))
        self._cur, self._heading, self._bold_hint = StyledLine(), 0, False

    def blank(self) -> None:
        """End the line and add one blank separator line (never two in a row)."""
        self.newline()
        if self.lines and self.lines[-1].text:
            self.lines.append(RawLine("", self.page))

    def _finish(self, cur: StyledLine) -> RawLine:
        # trim outer spaces, keep span offsets aligned
        text = "".join(t for t, _, _ in cur.parts)
        lead = len(text) - len(text.lstrip(" "))
        spans: list[tuple[int, int]] = []
        pos = 0
        bold_chars = 0
        content_chars = 0
        for t, s, b in cur.parts:
            if s and t.strip():
                start, end = pos, pos + len(t)
                if spans and spans[-1][1] >= start - 1 and not text[spans[-1][1]:start].strip():
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
            n = len(t.strip())
            content_chars += n
            if b:
                bold_chars += n
            pos += len(t)
        stripped = text.strip(" ")
        out_spans: list[tuple[int, int]] = []
        for s, e in spans:
            seg = text[s:e]
            s2 = s + (len(seg) - len(seg.lstrip()))
            e2 = e - (len(seg) - len(seg.rstrip()))
            s2, e2 = max(0, s2 - lead), min(len(stripped), e2 - lead)
            if e2 > s2:
                out_spans.append((s2, e2))
        bold = self._bold_hint or (content_chars > 0 and bold_chars == content_chars)
        return RawLine(stripped, self.page, tuple(out_spans), self._heading, bold and bool(stripped))

    def add_line(self, line: RawLine) -> None:
        """Append a finished line's text to the current line, keeping its struck spans."""
        pos = 0
        for s, e in line.struck:
            self.add(line.text[pos:s], False, line.bold)
            self.add(line.text[s:e], True, line.bold)
            pos = e
        self.add(line.text[pos:], False, line.bold)

    def add_cell(self, lines: list[RawLine]) -> None:
        """Append a table cell given as lines (joined by spaces)."""
        first = True
        for line in lines:
            if not line.text:
                continue
            if not first:
                self.add(" ")
            first = False
            self.add_line(line)

    def finish(self) -> list[RawLine]:
        self.newline()
        while self.lines and not self.lines[-1].text:
            self.lines.pop()
        return self.lines
