"""Agenda items: find the item headings of a protocol and their line spans.

Swedish minutes number their items as ``§ 44 Title``, ``1. Title``, ``## 6. Title``,
``- 1. Title**``, ``1. **Title**``. Numbered lists inside an item look the same, so the
splitter collects every candidate heading and then picks the most consistent chain with a
small dynamic programme: numbers that go up by one, one marker style, similar markup,
title-like text. A table of contents (trailing page numbers, dotted leaders) never counts.
An unnumbered heading at the items' own heading level between two items becomes an item of
its own, numbered after the item before it plus a letter ("8a").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Item, Provenance
from .text import Line, leading_name, squeeze, strip_markup

_WORD_MARKER = re.compile(r"^(?:punkt|ärende|ärendepunkt|dagordningspunkt)\s+(?=\d)", re.I)
_LIST_PREFIX = re.compile(r"^\s*(?:[-–•*·]|e(?=\s+[A-ZÅÄÖ]))\s+")
_PARA = re.compile(r"^§+\s*(\d{1,4})(?:\s?([a-z])(?![\wåäöÅÄÖ]))?(?![\d,])\s*[.:]?\s*(.*)$")
_NUM = re.compile(r"^(\d{1,3})(?:([a-z])(?![\wåäöÅÄÖ]))?(\.\)|\)\.?|\.|:)?(?!\d)\s*(.*)$")
_TOC_TAIL = re.compile(r"(?:\.{3,}|…+|\t+| {3,})\s*\d{1,3}\s*$")
_PRESENTER_CUT = re.compile(
    r"\s*(?:\*+\s*)?(?:[-–,]\s*)?\b(?:(?:föredragande|presentatör|dragande|ansvarig|inledare)\s*:"
    r"|(?:ärendet\s+)?föredras\s+av\b|\*+\s*föredragande\b).*$", re.I)
# a word every alternative of _PRESENTER_CUT holds ("föredragande" holds "dragande")
_PRESENTER_WORD = re.compile(r"dragande|presentatör|ansvarig|inledare|föredras", re.I)
_GLUED_PRESENTER = re.compile(r"(?<=[a-zåäö])(?=(?:Föredragande|Föredras)\b)")
_EMPHASIS_MARKS = re.compile(r"[*_]+")
_DNR_TAIL = re.compile(r"\s*[(,]?\s*\b(?:dnr|diarienr|diarienummer)\.?\s*:?\s*[\w/\-.]+(?:\s+\d[\w/\-.]*)?\)?$",
                       re.I)
_DNR_WORD = re.compile(r"dnr|diarienr|diarienummer", re.I)     # what _DNR_TAIL needs
_COMMA_TAIL = re.compile(r"^(.*\S),\s+(.+)$")
_DASH_TAIL = re.compile(r"^(.*\S)\s+[–—-]\s+(.+)$")
_PEOPLE_SEP = re.compile(r"\s*(?:,|\boch\b|&)\s*")
_ENDS_WITH_DOT = re.compile(r"[^.]\.$")
_ABBREVIATION_END = re.compile(r"\b(?:m\.m|bl\.a|t\.ex|etc|mm)\.$")
_TABS = re.compile(r"\t+")
_RANGE_WORD = re.compile(r"^(?:och|samt|till|t\.?o\.?m\.?)\s+§")
_BODY_WORDS = frozenset({"beslut", "beslut:", "förslag till beslut", "bakgrund", "ärendet",
                         "sammanfattning", "diskussion", "protokoll"})


@dataclass
class Candidate:
    line: Line
    number: int
    letter: str
    style: str            # "para" (§) or "num"
    marker: str           # ".", ")", ":", "" …
    title: str
    heading: int
    bold: bool
    dash: bool
    score: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.number}{self.letter}"


# the first characters a candidate heading can start with (see _candidate)
_CANDIDATE_HEADS = "§-–•*·e" + "pPäÄdD"


def _candidate(ln: Line) -> Candidate | None:
    if ln.blank:
        return None
    head = ln.plain.lstrip(" \t")[:1]
    word_marker = False
    if not (head.isdigit() or head in "§-–•*·e"):
        # _WORD_MARKER's words start with p, ä or d (IGNORECASE matches only their capitals)
        if head not in "pPäÄdD":
            return None
        mw = _WORD_MARKER.match(ln.plain.lstrip(" \t"))
        if not mw:
            return None
        word_marker = True
    text = ln.plain.replace("\t", " ").strip()
    if not text:
        return None
    if word_marker:
        text = _WORD_MARKER.sub("", text, count=1)
    dash = False
    m = _LIST_PREFIX.match(text)
    if m:
        dash = True
        text = text[m.end():]
    if not (text[0].isdigit() or text[0] == "§"):
        return None
    toc_text = ln.plain.rstrip()
    # (_TOC_TAIL ends in a digit and optional space: the stripped text must end in a digit)
    if not ln.heading and toc_text[-1:].isdigit() and _TOC_TAIL.search(toc_text):
        return None
    mp = _PARA.match(text)
    if mp:
        title = mp.group(3).strip()
        if title[:1].isdigit() and not re.match(r"^\d{4}[/-]\d+\b", title):
            return None              # "§ 5 2021-…" is a reference, not a heading
        if (title and title[0] in "-–—§,;") or _RANGE_WORD.match(title):
            return None              # a range "§ 30-§ 45", "§ 3 och § 4"
        return Candidate(ln, int(mp.group(1)), (mp.group(2) or "").lower(), "para", "§",
                         title, ln.heading, ln.bold, dash)
    mn = _NUM.match(text)
    if not mn:
        return None
    marker = mn.group(3) or ""
    title = mn.group(4).strip()
    if not marker and re.match(r"^\s*\d{1,3}[a-z]?\t", ln.plain):
        marker = "tab"           # "1<TAB>Mötets öppnande": a numbered column
    if word_marker:
        marker = "word"          # "Punkt 3: …", "Ärende 3 …"
    if not marker and not (ln.heading or ln.bold):
        # "1 Mötets öppnande": a bare number; only a short capitalised title line
        if not (title[:1].isupper() and len(title.split()) <= 10 and not title.endswith(".")
                and re.match(r"^\s*\d{1,2}\s+\S", ln.plain)):
            return None
        marker = "bare"
    if not title or not (title[0].isalpha() or title[0] in "\"'”“«"):
        return None
    if marker == ":" and not ln.heading and not word_marker:
        return None
    return Candidate(ln, int(mn.group(1)), mn.group(2) or "", "num", marker, title,
                     ln.heading, ln.bold, dash)


def _is_toc_block(cands: list[Candidate], lines: list[Line]) -> set[int]:
    """Line numbers of candidates that sit in a table of contents / agenda list: a run of
    candidates with nothing but blank lines between them, when the same numbers come again
    later with body text."""
    out: set[int] = set()
    run: list[Candidate] = []

    def flush():
        if len(run) >= 3:
            later = {c.label for c in cands if c.line.no > run[-1].line.no}
            if sum(1 for c in run if c.label in later) >= max(2, len(run) // 2):
                out.update(c.line.no for c in run)
        run.clear()

    prev_no = None
    for c in cands:
        if prev_no is not None and run and c.number > run[-1].number and \
                all(lines[i - 1].blank for i in range(prev_no + 1, c.line.no)):
            run.append(c)
        else:
            flush()
            run.append(c)
        prev_no = c.line.no
    flush()
    return out


def _base_score(c: Candidate, nxt: Line | None, prev: Line | None,
                intro: Line | None = None) -> float:
    s = 1.0
    if intro is not None and intro.plain.rstrip().endswith(":") and c.style == "num" \
            and not (c.heading or c.bold):
        s -= 0.3
    if c.heading or c.bold or "**" in c.line.text:
        s += 0.5
    t = c.title
    if t[:1].islower():
        s -= 0.9
    words_t = t.replace(",", " , ").split()
    n_name = leading_name(words_t)
    if n_name and (n_name == len(words_t) or words_t[n_name] in (",", "(")):
        s -= 0.8          # "1. Anna Ek, Falun": a numbered attendance list
    words = t.split()
    if len(t) > 160 or (t.endswith(".") and len(words) > 9):
        s -= 0.6
    if t.endswith(",") or t.endswith(" och"):
        s -= 0.6
    # a tight list: the very next / previous line is another numbered line
    if nxt is not None and not nxt.blank and _NUM.match(_LIST_PREFIX.sub("", nxt.plain.strip())) \
            and c.style == "num" and not (c.heading or c.bold):
        s -= 0.3
    if prev is not None and not prev.blank and c.style == "num" and not (c.heading or c.bold) \
            and _NUM.match(_LIST_PREFIX.sub("", prev.plain.strip())):
        s -= 0.3
    if "." in t[-2:] and _ENDS_WITH_DOT.search(t) and not _ABBREVIATION_END.search(t):
        s -= 0.25
    if c.marker == "bare":
        s -= 0.5
    if c.style == "num" and c.marker in (")", ").", ".)"):
        s -= 0.4
    return s


def _transition(a: Candidate, b: Candidate) -> float | None:
    """Score for b following a in the chain; None when impossible."""
    if a.style != b.style:
        return None
    t = 0.0
    if b.number == a.number:
        if b.letter > a.letter:
            t += 0.3
        else:
            return None
    elif b.number == a.number + 1:
        t += 0.6 if not b.letter else 0.2
    elif a.number + 1 < b.number <= a.number + 3:
        t -= 0.4
    elif b.number > a.number:
        t -= 0.9 if b.style == "para" else 1.6
    else:
        if b.style != "para":
            return None
        t -= 0.7          # out-of-order § (an item carried over from an earlier meeting)
    if b.style == "num" and a.marker != b.marker:
        t -= 0.4
    if bool(a.heading) != bool(b.heading):
        t -= 0.3
    elif a.heading and b.heading and a.heading != b.heading:
        t -= 0.1
    if a.bold != b.bold:
        t -= 0.15
    if a.dash != b.dash:
        t -= 0.15
    return t


def _start_score(c: Candidate) -> float:
    if c.style == "para":
        return 0.0
    if c.number == 1 and not c.letter:
        return 0.5
    return -0.4 * min(c.number - 1, 5) - 0.3


_WINDOW = 250      # candidates looked back at: keeps long documents linear


def _best_chain(cands: list[Candidate]) -> tuple[float, list[Candidate]]:
    n = len(cands)
    if not n:
        return 0.0, []
    best = [0.0] * n
    back = [-1] * n
    for j, c in enumerate(cands):
        best[j] = c.score + _start_score(c)
        for i in range(max(0, j - _WINDOW), j):
            t = _transition(cands[i], c)
            if t is None:
                continue
            if c.style == "para" and c.number <= cands[i].number and \
                    _used_number(cands, back, i, c):
                continue
            v = best[i] + t + c.score
            if v > best[j]:
                best[j], back[j] = v, i
    j = max(range(n), key=lambda k: best[k])
    chain = []
    while j >= 0:
        chain.append(cands[j])
        j = back[j]
    chain.reverse()
    return max(best), chain


def _with_out_of_order(chain: list[Candidate], group: list[Candidate]) -> list[Candidate]:
    """"§ N" headings are explicit: a title-like § heading left out of the chain only because
    its number is out of sequence (an item carried over, "§ 33" between § 50 and § 51) is
    put back, once per number."""
    used = {c.label for c in chain}
    first, last = chain[0].line.no, chain[-1].line.no
    extra = [c for c in group if c not in chain and c.label not in used and c.score >= 0.9
             and first < c.line.no < last]
    seen: set[str] = set()
    keep = []
    for c in extra:
        if c.label not in seen:
            seen.add(c.label)
            keep.append(c)
    return sorted(chain + keep, key=lambda c: c.line.no)


def _used_number(cands, back, i, c) -> bool:
    j = i
    while j >= 0:
        if cands[j].number == c.number and cands[j].letter == c.letter:
            return True
        j = back[j]
    return False


_TAIL_BLOCK = re.compile(r"^(?:vid\s+protokollet|justeras|justerat|justerat\s+den\b.*|underskrifter|"
                         r"bilagor|bilaga\s*:?|protokollet\s+justeras\b.*|justerandes\s+sign(?:atur)?)\s*:?$",
                         re.I)
_DNR = re.compile(r"^(?:dnr|diarienr|diarienummer|dokumentnr|ärendenr)\.?\s*:?\s*\S+.*$|^\d{4}[/-]\d+\S*$", re.I)
_DNR_LEAD = re.compile(r"^(?:dnr|diarienr|diarienummer)?\.?\s*:?\s*\b[A-ZÅÄÖ]{0,4}\s*\d{4}[/-]\d+\S*\s*", re.I)
_YEAR_NUMBER = re.compile(r"^\d{4}[/-]")


def _title_below(c: Candidate, lines: list[Line]) -> str:
    """"§ 45" alone on its line (or with only a case number): the title is the next line."""
    title = c.title
    title = _DNR_LEAD.sub("", title).strip() if _DNR.match(title) or _YEAR_NUMBER.match(title) else title
    if title:
        return title
    for k, ln in enumerate(lines[c.line.no:c.line.no + 4], c.line.no):
        t = ln.plain.strip()
        if ln.blank or _DNR.match(t.replace("\t", " ")):
            continue
        if len(t) <= 150 and not t.endswith(".") or len(t.split()) <= 10:
            return _hyphen_continued(t.replace("\t", " "), lines, k + 1)
        break
    return title


def _hyphen_continued(title: str, lines: list[Line], after: int) -> str:
    """A heading line ending in a hyphen ("… styrning av hälso-") continues on the next text line,
    also across a page break ("och sjukvård i hemmet"): a short lower-case line, no full stop."""
    if not title.endswith("-") or title.endswith(" -"):
        return title
    for ln in lines[after:after + 4]:
        if ln.blank:
            continue
        t = ln.plain.strip()
        if "\t" in t or not t[:1].islower() or len(t.split()) > 10 or t.endswith((".", ":", "!", "?")):
            return title
        if re.match(r"(?:och|eller|&)\s", t):
            return squeeze(f"{title} {t}")          # "hälso- och sjukvård"
        return squeeze(title[:-1] + t)              # a word split by the line break
    return title


def _continued_title(title: str, c: Candidate, lines: list[Line], end: int) -> str:
    """A long heading wrapped onto the next line ("§ 43 Överenskommelse om … hälso- och sjukvård"
    / "i Kronobergs län"): a short lower-case line right below, without a full stop, continues it."""
    no = c.line.no          # 1-based: lines[no] is the line below
    if len(title) < 40 or no >= end or no >= len(lines) or c.line.plain.strip() != c.line.plain.strip() \
            or not c.line.plain.strip().endswith(title.split()[-1]):
        return title
    nxt = lines[no]
    t = nxt.plain.strip()
    if nxt.blank or "\t" in t or not t[:1].islower() or len(t.split()) > 8 or \
            t.endswith((".", ":", "!", "?")) or _candidate(nxt) is not None or \
            re.search(r"\b(?:är|var|har|hade|ska|beslutar|beslutade|informerar|redovisar)\b", t):
        return title
    return squeeze(f"{title} {t}")


def _without_name_cell(c: Candidate) -> str:
    """"6.<TAB>Budget<TAB>Anna Ek": a last TAB cell of presenter names is not title."""
    cells = [x.strip() for x in _TABS.split(c.line.plain) if x.strip()]
    title = c.title
    if len(cells) >= 2:
        last = cells[-1]
        people = [x for x in re.split(r"\s*(?:,|\boch\b|&)\s*", last) if x]
        if people and all(len(x.split()) >= 2 and leading_name(x.split()) == len(x.split())
                          for x in people) and title.endswith(last) and title != last:
            title = title[: -len(last)]
    return title


def clean_title(title: str) -> str:
    """Heading text without number markup, emphasis, presenter tail or trailing colon."""
    t = strip_markup(title).replace("\t", " ")
    if "Föredra" in t:
        t = _GLUED_PRESENTER.sub(" ", t)   # "barnFöredragande:" (emphasis lost)
    if _PRESENTER_WORD.search(t):
        t = _PRESENTER_CUT.sub("", t)
    if "*" in t or "_" in t:
        t = _EMPHASIS_MARKS.sub("", t)
    if _DNR_WORD.search(t):
        t = _DNR_TAIL.sub("", t)
    t = squeeze(t).strip(" .:;-–—")
    # "Psykisk hälsa – SPOT, Maria Gunnarsson och Karin Haster" -> cut the presenters
    m = _COMMA_TAIL.match(t) or _DASH_TAIL.match(t)
    if m:
        tail = m.group(2)
        people = _PEOPLE_SEP.split(tail)
        if people and all(leading_name(p.split()) == len(p.split()) and len(p.split()) >= 2
                          for p in people if p):
            t = m.group(1).strip(" .:;-–—")
    return t


def find_items(lines: list[Line], doc_name: str, start_after: int = 0) -> list[Item]:
    """The protocol's agenda items with inclusive line spans and provenance."""
    cands: list[Candidate] = []
    for ln in lines:
        if ln.no <= start_after or ln.blank:
            continue
        head = ln.plain.lstrip(" \t")[:1]
        if head and not (head.isdigit() or head in _CANDIDATE_HEADS):
            continue                 # _candidate's first test: it returns None for this line
        c = _candidate(ln)
        if c is not None:
            cands.append(c)
    for c in cands:
        if c.style == "para":
            c.title = _title_below(c, lines)
    toc = _is_toc_block(cands, lines)
    cands = [c for c in cands if c.line.no not in toc]
    for c in cands:
        nxt = lines[c.line.no] if c.line.no < len(lines) else None
        prev = lines[c.line.no - 2] if c.line.no >= 2 else None
        intro = next((lines[k - 1] for k in range(c.line.no - 1, 0, -1) if not lines[k - 1].blank),
                     None)
        c.score = _base_score(c, nxt, prev, intro)

    best_score, chain = -1e9, []
    for style in ("para", "num"):
        group = [c for c in cands if c.style == style]
        if not group:
            continue
        s, ch = _best_chain(group)
        if style == "para" and len(ch) >= 2:
            s += 1.0     # "§ N" is the stronger convention when it recurs
            ch = _with_out_of_order(ch, group)
        if s > best_score:
            best_score, chain = s, ch
    # one item alone must look like a heading; an explicit "§ 10 Val av justerare" does (a
    # protokollsutdrag holds a single paragraph)
    if not chain or (len(chain) == 1 and chain[0].score < (0.95 if chain[0].style == "para"
                                                            and chain[0].title[:1].isupper() else 1.2)):
        chain = _unnumbered_headings(lines, start_after)
        if not chain:
            return []
    elif len(chain) >= 3 and _is_bare_list(chain, lines):
        # a numbered agenda at the top and unnumbered headings below: the headings are the items
        heads = _unnumbered_headings(lines, chain[-1].line.no)
        if len(heads) >= 3:
            numbers = {_fold_title(c.title): c.label for c in chain}
            for h in heads:
                h.number, h.letter = 0, ""
                lab = numbers.get(_fold_title(h.title))
                if lab:
                    m = re.match(r"(\d+)([a-z]?)", lab)
                    h.number, h.letter = int(m.group(1)), m.group(2)
            if all(h.number for h in heads):
                chain = heads
            else:
                chain = [Candidate(h.line, k, "", "num", "", h.title, h.heading, h.bold, False, 0.0)
                         for k, h in enumerate(heads, 1)]
        else:
            chain = _add_unnumbered(chain, lines)
    else:
        chain = _add_unnumbered(chain, lines)
    items: list[Item] = []
    # (line numbers ascend: the last non-blank line has the largest)
    last_text = next((ln.no for ln in reversed(lines) if not ln.blank), len(lines))
    for k, c in enumerate(chain):
        start = c.line.no
        end = (chain[k + 1].line.no - 1) if k + 1 < len(chain) else last_text
        if k + 1 == len(chain):
            # the signature block / attachment list after the last item is not part of it
            for no in range(start + 1, end + 1):
                if _TAIL_BLOCK.match(lines[no - 1].plain.strip()):
                    end = no - 1
                    break
        while end > start and lines[end - 1].blank:
            end -= 1
        title = clean_title(_without_name_cell(c))
        full = _continued_title(title, c, lines, end)
        number = c.label
        prov = Provenance(doc_name, number, start, start, c.line.text)
        if full != title:        # the quote covers both heading lines
            prov = Provenance(doc_name, number, start, start + 1, c.line.text + "\n" + lines[start].text)
        items.append(Item(number=number, title=full, start=start, end=end, prov=prov))
    return items


_NOT_ITEM_HEADING = re.compile(
    r"^(?:(?:sammanträdes|mötes)?protokoll|mötesanteckningar|minnesanteckningar|anteckningar|"
    r"närvarande|frånvarande|deltagare|beslutande|ledamöter|ersättare|övriga\s+(?:närvarande|deltagare)|"
    r"tjänstepersoner|adjungerade|ej\s+närvarande|anmält\s+förhinder|ordförande|sekreterare|justera\w*|"
    r"vid\s+protokollet|tid|plats|datum|dagordning|föredragningslista|ärendelista|bilagor?|beslut|"
    r"förslag\s+till\s+beslut|bakgrund|sammanfattning|underskrifter)\b", re.I)


def _is_bare_list(chain: list[Candidate], lines: list[Line]) -> bool:
    """Every numbered line is followed directly by the next one: an agenda, not items."""
    for a, b in zip(chain, chain[1:]):
        if any(not lines[no - 1].blank for no in range(a.line.no + 1, b.line.no)):
            return False
    return True


def _fold_title(t: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", clean_title(t)).casefold().split())


def _unnumbered_headings(lines: list[Line], start_after: int) -> list[Candidate]:
    """Minutes without any numbers: the item headings are the Markdown headings (or whole bold
    lines) of the most used level; numbered 1, 2, … in order."""
    groups: dict[tuple[int, bool], list[Line]] = {}
    for ln in lines:
        if ln.no <= start_after or ln.blank or not (ln.heading or ln.bold):
            continue
        t = ln.plain.strip().rstrip(":")
        if len(t) < 3 or len(t) > 150 or _NOT_ITEM_HEADING.match(t) or t.endswith("."):
            continue
        groups.setdefault((ln.heading, ln.bold and not ln.heading), []).append(ln)
    if not groups:
        return []
    level, heads = max(groups.items(), key=lambda kv: (len(kv[1]), -kv[0][0]))
    if len(heads) < 3:
        return []
    return [Candidate(ln, k, "", "num", "", ln.plain.strip().rstrip(":"), ln.heading, ln.bold,
                      False, 0.0) for k, ln in enumerate(heads, 1)]


def _add_unnumbered(chain: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """Unnumbered Markdown headings at the items' level between two items -> "8a" items."""
    if len(chain) < 2:
        return chain
    out: list[Candidate] = []
    for k, c in enumerate(chain):
        out.append(c)
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        if not c.heading or (nxt is not None and not nxt.heading):
            continue
        # after the last item only headings at exactly its level ("### Nästa möte")
        level = min(c.heading, nxt.heading) if nxt is not None else c.heading
        stop = nxt.line.no if nxt is not None else len(lines) + 1
        letter = ord(c.letter) + 1 if c.letter else ord("a")
        for no in range(c.line.no + 1, stop):
            ln = lines[no - 1]
            if not ln.heading or ln.heading > level or ln.blank or (nxt is None and ln.heading != level):
                continue
            title = ln.plain.strip()
            if title.rstrip(":").casefold() in _BODY_WORDS or len(title) < 3 or \
                    _NOT_ITEM_HEADING.match(title):
                continue
            out.append(Candidate(ln, c.number, chr(letter), c.style, c.marker, title,
                                 ln.heading, ln.bold, False, 0.0))
            letter += 1
    return out
