"""Officers of the meeting: chair (ordförande), secretary (sekreterare, "Vid protokollet"),
adjusters (justerare, justerande).

Read from labelled lines ("Ordförande: Anna Ek"), signature blocks ("Anna Ek\\nOrdförande",
"Anna Ek Per Holm\\nOrdförande Justerare" side by side, "Justerande\\t____\\n\\tPer Holm"),
the letterhead ("Sekreterare\\nAnna Ek", "handläggare … Anna Ek"), and sentences in the first
items ("Per Holm utses till justerare", "Anna Ek (M), ordförande, öppnar mötet",
"Anna hälsar deltagarna välkomna").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Provenance
from .people import PARTY, _given_count, _is_surname, split_names
from .text import Line, leading_name, squeeze

_ROLE_WORDS = [
    (re.compile(r"^(?:mötes)?ordf\S{0,2}rande$|^ordf\.?$", re.I), "chair"),
    (re.compile(r"^(?:mötes)?sekreterare$|^protokollförare$|^sekr\.?$|^vid\s+protokollet$|^antecknare$|"
                r"^antecknat\s+av$|^vid\s+anteckningarna$|^anteckningar\s+förda\s+av$", re.I), "secretary"),
    (re.compile(r"^(?:utses\s+att\s+justera|att\s+justera|justerare\s+utsedd)$", re.I), "adjuster"),
    (re.compile(r"^justerare$|^justerande$|^justeras(?:\s+av)?$|^protokollsjusterare$", re.I), "adjuster"),
]
_LABEL_TOKEN = re.compile(r"(?:mötes)?ordf\S{0,2}rande|sekreterare|protokollförare|justerare|justerande|justeras|"
                          r"vid\s+protokollet|utses\s+att\s+justera|antecknare", re.I)
_SIG_SKIP = re.compile(r"^(?:paragrafer|sign\.?|namnförtydligande|underskrift(?:er)?)?\s*:?\s*"
                       r"(?:§§?\s*\d+(?:\s*[-–]\s*§?\s*\d+)?)?\s*$|^\d{4}-\d\d-\d\d$", re.I)
_LABEL_HINTS = ("ordf", "sekr", "juster", "protokoll", "anteckn", "sign")
_LABEL_HINT = re.compile("|".join(_LABEL_HINTS))      # any of _LABEL_HINTS in a text
_SIG_NOISE = re.compile(r"^[\s_.…\-–]*$")
_RULES = re.compile(r"_+|[.…]{2,}")
_SIGNATURE_WORDS = re.compile(r"\b(?:underskrift(?:er)?|namnförtydligande|sign\.?)\b"
                              r"|(?:\bparagrafer\b\s*:?\s*|§§?\s*)(?:§§?\s*)?(?:\d+(?:\s*[-–]\s*§?\s*\d+)?)?", re.I)
_LEADERS = re.compile(r"[_…]{2,}|\.{3,}")
_UNDERSCORES = re.compile(r"[_…]{2,}")
_ADJUSTER_ITEM = re.compile(r"\bval\s+av\s+justerare|\bjustering\b|\bjusterare\b", re.I)
_HANDLER = re.compile(r"\bhandläggare\b", re.I)
_APPOINT = re.compile(
    r"(?P<names>[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3}(?:\s*\([A-Za-zÅÄÖåäö]{1,4}\))?"
    r"(?:\s*(?:,|och)\s*[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3}(?:\s*\([A-Za-zÅÄÖåäö]{1,4}\))?)*)"
    r"\s+(?:utses|utsågs|valdes|väljs|valdes\s+till)\s+(?:till\s+|att\s+)?(?:jämte\s+ordföranden\s+)?"
    r"(?:protokollets\s+)?(?P<role>justerare|justera(?:\s+dagens)?\s+protokollet|justerande|ordförande|sekreterare)", re.I)
_APPOINT_AFTER = re.compile(
    r"(?:till\s+justerare|att\s+(?:jämte\s+ordföranden\s+)?justera\s+(?:dagens\s+)?protokoll(?:et)?)"
    r"\s+(?:utses|utsågs|valdes|väljs)\s+"
    r"(?P<names>[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3}(?:\s*(?:,|och)\s*[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3})*)",
    re.I)
_OPENS = re.compile(
    r"^(?:(?:mötets\s+)?ordförande(?:n)?\s+)?(?P<name>[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){0,3})(?:\s*\([A-Za-zÅÄÖåäö]{1,4}\))?"
    r"(?:\s*,\s*(?:mötes)?ordförande\s*,)?\s+(?:öppnar|öppnade|hälsar|hälsade|förklarar|förklarade)\b"
    r"(?:\s+\S+){0,4}?\s*(?:mötet|sammanträdet|välkomna|välkommen|öppnat)", re.I)
_LABELLED = re.compile(r"^(?P<label>(?:mötes)?ordf\S{0,2}rande|ordf\.?|(?:mötes)?sekreterare|protokollförare|justerare|"
                       r"justerande|vid\s+protokollet|antecknare|antecknat\s+av|vid\s+anteckningarna|"
                       r"anteckningar\s+förda\s+av|utses\s+att\s+justera|att\s+justera)"
                       r"\s*(?::|\t|\s{2,})\s*(?P<rest>.+)$", re.I)


@dataclass
class Officers:
    chair: list[tuple[str, Provenance]] = field(default_factory=list)
    secretary: list[tuple[str, Provenance]] = field(default_factory=list)
    adjuster: list[tuple[str, Provenance]] = field(default_factory=list)
    opener_first_names: list[tuple[str, Provenance]] = field(default_factory=list)

    def add(self, role: str, name: str, prov: Provenance) -> None:
        getattr(self, role).append((squeeze(name), prov))


def _role_of(text: str) -> str | None:
    t = squeeze(text).strip(" :.")
    for pat, role in _ROLE_WORDS:
        if pat.match(t):
            return role
    return None


def _labels_in(text: str) -> list[str] | None:
    """"Ordförande Justerare" -> ["chair", "adjuster"]; None unless the line is only labels."""
    t = _RULES.sub(" ", text.replace("\t", " "))
    t = _SIGNATURE_WORDS.sub(" ", t)
    t = squeeze(t).strip(" :")
    if not t:
        return None
    toks = _LABEL_TOKEN.findall(t)
    rest = _LABEL_TOKEN.sub(" ", t).strip(" :,")
    if not toks or rest:
        return None
    return [r for r in (_role_of(x) for x in toks) if r]


def _names_in(text: str) -> list[str] | None:
    """Person names that make up the whole line ("Karin Sundin Tom Rymoen", "Anna Ek (S)")."""
    cells = [c for c in (squeeze(_LEADERS.sub(" ", PARTY.sub(" ", c))).strip(" ,")
                         for c in text.split("\t")) if c]
    if len(cells) >= 2 and all(leading_name(c.split()) == len(c.split()) >= 2 for c in cells):
        return cells            # names side by side in TAB cells: one person per cell
    t = squeeze(PARTY.sub(" ", text.replace("\t", " ")))
    t = _UNDERSCORES.sub(" ", t).strip(" ,")
    if not t or len(t) > 80:
        return None
    words = t.split()
    if len(words) >= 4:
        split = split_names(words)
        if split and len(split) >= 2 and all(_clear_given(s[0]) for s in split[1:]):
            return [" ".join(s) for s in split]
    if leading_name(words) == len(words):
        return [" ".join(words)]
    if "," in t or " och " in t:
        parts = [p.strip() for p in re.split(r",|\boch\b", t) if p.strip()]
        if all(leading_name(p.split()) == len(p.split()) for p in parts):
            return [squeeze(p) for p in parts]
        return None
    split = split_names(words)
    if split and len(split) >= 2:
        return [" ".join(s) for s in split]
    return None


def _clear_given(word: str) -> bool:
    """A common given name that is not also a surname (a safe place to split two names)."""
    c = _given_count(word)
    return c >= 1000 and (c >= 10000 or not _is_surname(word))


def _prov(doc: str, lines: list[Line], a: int, b: int, item: str | None = None) -> Provenance:
    a, b = min(a, b), max(a, b)
    return Provenance(doc, item, a, b, "\n".join(x.text for x in lines[a - 1:b]))


def find_officers(lines: list[Line], header_end: int, doc: str,
                  first_items: list[tuple[str, int, int]] | None = None) -> Officers:
    """Officer mentions in the header (lines[:header_end]) and in the first items
    (``first_items``: (number, start, end) spans)."""
    off = Officers()
    n = len(lines)
    header_end = min(header_end, n)
    sig_region = list(range(header_end))
    # signature blocks also sit at the very end of a protocol
    tail_start = max(header_end, n - 25)
    sig_region += list(range(tail_start, n))
    used_lines: set[int] = set()      # a name line already read for a label below or above it
    for i in sig_region:
        ln = lines[i]
        if ln.blank:
            continue
        plain = ln.plain.strip()
        low = plain[:60].casefold()
        if not _LABEL_HINT.search(low):
            continue
        cells = [c.strip() for c in plain.split("\t") if c.strip()]
        if len(cells) >= 4:
            # "Sekreterare<TAB>Anna Ek<TAB>Ordförande<TAB>Per Holm": label and name pairs
            pairs = [(_role_of(cells[k]), _names_in(cells[k + 1])) for k in range(0, len(cells) - 1, 2)]
            if all(r and nm for r, nm in pairs):
                for r, nm in pairs:
                    for x in nm:
                        off.add(r, x, _prov(doc, lines, ln.no, ln.no))
                continue
        m = _LABELLED.match(plain)
        if m:
            role = _role_of(m.group("label"))
            names = _names_in(m.group("rest"))
            if role and names:
                for nm in names:
                    off.add(role, nm, _prov(doc, lines, ln.no, ln.no))
                continue
        labels = _labels_in(plain)
        if not labels:
            continue
        has_sig_line = bool(re.search(r"_{3,}|\.{5,}", ln.text)) or (
            i + 1 < n and not lines[i + 1].blank and bool(re.fullmatch(r"[\s_.…]{5,}", lines[i + 1].text)))
        above = lines[i - 1] if i >= 1 else None
        names = None
        src = None
        if not has_sig_line and above is not None and not above.blank and above.no not in used_lines:
            names = _names_in(above.plain)
            src = above
        if names is not None and len(names) > len(labels) and \
                len([c for c in ln.plain.split("\t") if c.strip()]) == len(labels):
            # "Birgitta Ek<TAB>Gun Ström<TAB>Bo Falk" above "sekreterare<TAB>ordförande":
            # a role under each of the first signatures
            names = names[:len(labels)]
        if names is None or len(names) != len(labels):
            names = None
            for j in range(i + 1, min(n, i + 6)):
                nxt = lines[j]
                if nxt.blank or _SIG_NOISE.match(nxt.plain) or _SIG_SKIP.match(nxt.plain.strip()):
                    continue
                names = _names_in(nxt.plain)
                src = nxt
                # "Ann-Louise\nGustafsson": a name broken over two lines
                if names is None and j + 1 < n and len(nxt.plain.split()) == 1 and \
                        len(lines[j + 1].plain.split()) == 1:
                    joined = f"{nxt.plain.strip()} {lines[j + 1].plain.strip()}"
                    names = _names_in(joined)
                    if names and len(names) == len(labels):
                        for role, nm in zip(labels, names):
                            off.add(role, nm, _prov(doc, lines, ln.no, j + 2))
                    names = None
                break
        below = lines[src.no] if names and src is not None and src.no < n else None
        roles_below = below is not None and not below.blank and bool(_labels_in(below.plain))
        if names and labels == ["adjuster"] and 2 <= len(names) <= 3 and not roles_below:
            labels = labels * len(names)          # "Justerare ..... ....." over two names
        if not names or len(names) != len(labels):
            continue
        used_lines.add(src.no)
        for role, nm in zip(labels, names):
            off.add(role, nm, _prov(doc, lines, min(ln.no, src.no), max(ln.no, src.no)))
    # sentences in the first items; a "Val av justerare" item whose text is only names
    for number, start, end in first_items or []:
        if _ADJUSTER_ITEM.search(lines[start - 1].plain):
            for ln in lines[start:end]:
                names = None if ln.blank else _names_in(ln.plain)
                if names:
                    for nm in names:
                        off.add("adjuster", nm, Provenance(doc, number, ln.no, ln.no, ln.text))
        for ln in lines[start - 1:end]:
            t = ln.plain.replace("\t", " ")
            low = t.casefold()
            appoint = ("juster" in low or "ordförande" in low or "sekreterare" in low) and \
                ("utses" in low or "utsågs" in low or "valdes" in low or "väljs" in low)
            opens = "öppnar" in low or "öppnade" in low or "hälsar" in low or "hälsade" in low or \
                "förklarar" in low or "förklarade" in low
            if not (appoint or opens):
                continue
            for m in (_APPOINT.finditer(t) if appoint else ()):
                role = m.group("role").casefold()
                role = "adjuster" if role.startswith("just") else (
                    "chair" if role.startswith("ordf") else "secretary")
                for nm in re.split(r"\s*(?:,|\boch\b)\s*", PARTY.sub("", m.group("names"))):
                    nm = squeeze(nm)
                    if leading_name(nm.split()) == len(nm.split()) >= 2:
                        off.add(role, nm, Provenance(doc, number, ln.no, ln.no, ln.text))
            for m in (_APPOINT_AFTER.finditer(t) if appoint else ()):
                for nm in re.split(r"\s*(?:,|\boch\b)\s*", m.group("names")):
                    nm = squeeze(nm)
                    if leading_name(nm.split()) == len(nm.split()) >= 2:
                        off.add("adjuster", nm, Provenance(doc, number, ln.no, ln.no, ln.text))
            for sentence in (re.split(r"(?<=[.!?])\s+", t) if opens else ()):
                m = _OPENS.match(sentence.strip())
                if m:
                    off.opener_first_names.append(
                        (squeeze(m.group("name")), Provenance(doc, number, ln.no, ln.no, ln.text)))
    return off


def find_letterhead_secretary(lines: list[Line], header_end: int, doc: str) -> list[tuple[str, Provenance]]:
    """"Tjänsteställe, handläggare\\nVälfärd och folkhälsa, Anna Ek" -> Anna Ek."""
    out = []
    for i, ln in enumerate(lines[:min(header_end, 40)]):
        if not _HANDLER.search(ln.plain):
            continue
        for nxt in lines[i + 1:i + 3]:
            if nxt.blank:
                continue
            for part in re.split(r",|\t", nxt.plain):
                words = part.split()
                if words and leading_name(words) == len(words):
                    out.append((" ".join(words), _prov(doc, lines, ln.no, nxt.no)))
            break
    return out
