"""Meeting header: the body whose meeting it is, the meeting date and the place."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...model import Provenance
from .dates import find_dates, strip_dates_and_times
from .people import known_place
from .text import Line, squeeze

_TITLE_WORD = re.compile(
    r"^(?:(?:utdrag\s+ur\s+)?(?:justerat\s+)?(?:sammanträdes|mötes)?protokoll(?:et)?|mötesanteckningar|"
    r"minnesanteckningar|anteckningar|protokollsutdrag)\b\s*(?:(?:fört\s+vid|från|för|vid|över)\b)?\s*[:\-–]?\s*",
    re.I)
_BODY_TAIL = re.compile(
    r"\s*(?:[,–-]\s*)?\b(?:den|från|vid)?\s*(?:sammanträde(?:t)?|möte(?:t)?)?\s*(?:den\s+)?$", re.I)
_BODY_WORD = re.compile(
    r"(råd(?:et)?|nämnd(?:en)?|styrelse(?:n)?|utskott(?:et)?|fullmäktige|grupp(?:en)?|nätverk(?:et)?|"
    r"beredning(?:en)?|kommitté(?:n)?|förbund(?:et)?|forum|presidi(?:um|et)|delegation(?:en)?|"
    r"samverkan|ledning(?:en)?|stämma|stämman|kansli|organ)\b", re.I)
# a kind of meeting with no body named ("Protokoll fört vid styrelsemöte", "Protokoll, årsmöte")
_BARE_MEETING = re.compile(
    r"^(?:ordinarie\s+|extra\s+|konstituerande\s+)?(?:styrelse|medlems|års|förbunds|presidie)?"
    r"(?:möte|sammanträde|stämma)(?:t|n)?$", re.I)
_LABELS_NOT_BODY = re.compile(
    r"^(?:tjänsteställe|handläggare|sekreterare|datum|beteckning|dnr|diarienummer|sida|"
    r"justerat|ordförande|justerare|plats|tid|närvarande|sammanträdesdatum|organ|"
    r"postadress|besöksadress|telefon|e-post|bilaga|paragrafer|utdragsbestyrkande)\b", re.I)
_DATE_LABEL = re.compile(
    r"^(?:tid(?:\s+och\s+plats)?(?:\s+för\s+(?:sammanträdet|mötet))?|datum|sammanträdesdatum|"
    r"mötesdatum|sammanträdestid|mötestid|dag och tid|plats och tid|när)\b\s*:?\s*", re.I)
_PLACE_LABEL = re.compile(
    r"^(?:plats(?:\s+och\s+tid)?|tid\s+och\s+plats(?:\s+för\s+(?:sammanträdet|mötet))?|"
    r"mötesplats|sammanträdesplats|lokal|var)\b\s*:?\s*", re.I)
_NOT_MEETING_DATE = re.compile(
    r"\b(justera\w*|anslag\w*|anslås|nedtag\w*|utdrag|expedier\w*|förvaringsplats|"
    r"protokollet\s+från|föregående|skickat|utskick\w*|beslutsdatum\s+för)\b", re.I)
_ONLINE = re.compile(r"^(?:digitalt|digital|via|på distans|distans|teams|zoom|skype)\b.*$", re.I)
_MET_VERB = re.compile(r"\b(?:sammanträdde|sammanträder|har\s+sammanträtt|möttes|träffades|hölls|"
                       r"höll\s+(?:sammanträde|möte)|ägde\s+rum|äger\s+rum|samlades)\b", re.I)
_MET_PLACE = re.compile(r"\s(?:i|på)\s+([A-ZÅÄÖ][^.!?]{2,100}?)\s*(?:[.!?](?=\s|$)|$)")
_ORGAN_LABEL = re.compile(r"^(?:organ|nämnd|beslutande organ|instans)\s*:\s*(.+)$", re.I)
_BODY_ORG = re.compile(r"\b(?:kommun|stad|region|län)\b", re.I)


_SENTENCE_WORD = re.compile(
    r"\b(?:godkän\w*|justera\w*|justeras|läggs|lades|skickas|skickades|bifogas|finns|ska|är|var|"
    r"blir|kommer|fördes|förs|omfattar|innehåller|består|avser)\b", re.I)


@dataclass
class Header:
    body: str | None = None
    date: str | None = None
    place: str | None = None
    prov: dict[str, Provenance] | None = None


def _repeated(lines: list[Line]) -> set[str]:
    """Texts that occur on 3+ lines (page furniture: running headers and footers)."""
    c = Counter(ln.plain.strip() for ln in lines if not ln.blank)
    return {t for t, n in c.items() if n >= 3}


def _prov(doc: str, ln: Line, end: Line | None = None, lines: list[Line] | None = None) -> Provenance:
    """Provenance of one line, or of the lines from ``ln`` to ``end`` (adjacent, or when
    ``lines`` is given)."""
    if end is None or end.no <= ln.no:
        return Provenance(doc, None, ln.no, ln.no, ln.text)
    if end.no == ln.no + 1:
        return Provenance(doc, None, ln.no, end.no, ln.text + "\n" + end.text)
    if lines is not None:
        return Provenance(doc, None, ln.no, end.no,
                          "\n".join(x.text for x in lines[ln.no - 1:end.no]))
    return Provenance(doc, None, ln.no, ln.no, ln.text)


def _cap(s: str) -> str:
    if sum(c.isalpha() for c in s) >= 6 and s.isupper():
        s = _from_upper(s)
    return s[:1].upper() + s[1:] if s else s


def _from_upper(s: str) -> str:
    """"BARN- OCH UTBILDNINGSNÄMNDEN I PITEÅ" -> "barn- och utbildningsnämnden i Piteå": an
    uppercase letterhead in sentence case, place names capitalised again."""
    out = []
    for w in s.lower().split(" "):
        core = w.strip(",.:;()")
        for cand in (core, core[:-1] if core.endswith("s") else None):
            if cand and len(cand) > 2 and (known_place(cand.capitalize()) or known_place(
                    f"Region {cand.capitalize()}") or known_place(f"{core.capitalize()} län")):
                w = w.replace(core, core.capitalize(), 1)
                break
        out.append(w)
    return " ".join(out)


def _clean_body(s: str) -> str:
    s = strip_dates_and_times(s.replace("\t", " "))
    s = re.sub(r"^(?:nr|nummer|#)\s*\d+(?:[/-]\d+)?\s*[,:–-]?\s*", "", s, flags=re.I)
    s = re.sub(r"\s*[(,–-]?\s*\b(?:justerat|ojusterat|preliminärt|utkast)\b\)?\s*$", "", s, flags=re.I)
    s = re.sub(r"^(?:sammanträde(?:t)?|möte(?:t)?)\s+(?:med|i|för|hos)\s+", "", s, flags=re.I)
    # "styrelsemöte i Tuna hembygdsförening" -> "Styrelsen för Tuna hembygdsförening"
    s = re.sub(r"^(?:ordinarie\s+|extra\s+|konstituerande\s+)?styrelse(?:möte|sammanträde)(?:t)?\s+"
               r"(?:i|för|hos|med|inom)\s+(?=\S)", "Styrelsen för ", s, flags=re.I)
    m = re.match(r"^(.+?)s\s+(?:extra\s+)?(?:sammanträde|möte|sammankomst)\b", s, flags=re.I)
    if m and " " not in m.group(1).strip():
        s = m.group(1)      # "Socialnämndens sammanträde" -> "Socialnämnden"
    s = re.sub(r"\s*\b(?:nr|nummer)\s*\d+(?:/\d+)?\s*$", "", s, flags=re.I)
    s = _BODY_TAIL.sub("", s)
    s = squeeze(s).strip(" ,.:;–-")
    return _cap(s)


def find_body(lines: list[Line], header_end: int, doc: str,
              furniture: set[str] | None = None) -> tuple[str | None, Provenance | None]:
    furniture = _repeated(lines) if furniture is None else furniture
    region = [ln for ln in lines[:header_end] if not ln.blank]
    # 1. "Protokoll <body>" / "Mötesanteckningar <body> den …" in the header
    for ln in region:
        for cell in ln.plain.split("\t"):
            t = cell.strip()
            m = _TITLE_WORD.match(t)
            if not m:
                continue
            rest = re.sub(r"\s*\((?:ej\s+)?(?:justerat|ojusterat|preliminärt|utkast)\)", "", t[m.end():], flags=re.I)
            if rest.rstrip().endswith(".") or _SENTENCE_WORD.search(rest) or len(rest.split()) > 16:
                continue          # "Protokollet från förra mötet godkändes." is not a title
            body = _clean_body(rest)
            if _BARE_MEETING.match(body):
                continue          # "Protokoll fört vid styrelsemöte": the kind of meeting, not who met
            if body and not _BODY_WORD.search(body) and re.search(
                    r"\b(?:i|på)\s+" + re.escape(body.split(",")[0][:20]), rest, re.I):
                continue          # "Protokoll fört vid sammanträde 2024-04-24 i Stadshuset": the place
            if body and len(body) >= 3 and not _LABELS_NOT_BODY.match(body) and len(body) < 160:
                return body, _prov(doc, ln)
    # 2. "Organ: X"
    for ln in region:
        m = _ORGAN_LABEL.match(ln.plain)
        if m:
            return _clean_body(m.group(1)), _prov(doc, ln)
    # 3. first-page letterhead: the first line that names a body (joined with a wrapped line)
    for k, ln in enumerate(region[:25]):
        t = ln.plain.split("\t")[0].strip()
        if not t or _LABELS_NOT_BODY.match(t) or find_dates(t) and len(strip_dates_and_times(t)) < 4:
            continue
        if not _BODY_WORD.search(t) or len(t) > 140 or t.endswith("."):
            continue
        end = ln
        if k + 1 < len(region) and region[k + 1].no == ln.no + 1:
            nxt = region[k + 1].plain.strip()
            if nxt[:1].islower() and len(nxt) < 60:
                t = f"{t} {nxt}"
                end = region[k + 1]
        if t in furniture and k > 3:
            continue
        return _clean_body(t), _prov(doc, ln, end)
    return None, None


def _year_hint(lines: list[Line], header_end: int) -> int | None:
    years: Counter = Counter()
    for ln in lines[: max(header_end, 60)]:
        for f in find_dates(ln.plain):
            if f.iso:
                years[int(f.iso[:4])] += 1
    return years.most_common(1)[0][0] if years else None


def find_date(lines: list[Line], header_end: int, doc: str,
              furniture: set[str] | None = None) -> tuple[str | None, Provenance | None]:
    furniture = _repeated(lines) if furniture is None else furniture
    region = lines[:header_end]

    def value_lines():
        for i, ln in enumerate(region):
            cells = [c.strip() for c in ln.plain.split("\t")]
            first = cells[0]
            m = _DATE_LABEL.match(first)
            if m and not _NOT_MEETING_DATE.search(first):
                rest = " ".join([first[m.end():], *cells[1:]]).strip()
                if rest:
                    yield ln, rest, ln
                else:
                    for nxt in region[i + 1:i + 3]:
                        if not nxt.blank:
                            yield nxt, nxt.plain, ln
                            break

    found_partial = None
    for ln, value, label_ln in value_lines():
        for f in find_dates(value):
            if f.iso:
                return f.iso, _prov(doc, label_ln, ln if ln is not label_ln else None, lines)
            if found_partial is None:
                found_partial = (f, label_ln, ln)
    # a date in the title line ("Mötesanteckningar … den 28 oktober 2022")
    for ln in region:
        if _TITLE_WORD.match(ln.plain.strip()):
            for f in find_dates(ln.plain):
                if f.iso:
                    return f.iso, _prov(doc, ln)
    if found_partial is not None:
        f, label_ln, ln = found_partial
        year = _year_hint(lines, header_end)
        if year:
            from datetime import date
            try:
                iso = date(year, f.month, f.day).isoformat()
                return iso, _prov(doc, label_ln, ln if ln is not label_ln else None, lines)
            except ValueError:
                pass
    # the first date in the header that is not an adjustment/posting date nor page furniture
    for ln in region:
        t = ln.plain.strip()
        if not t or t in furniture or _NOT_MEETING_DATE.search(t):
            continue
        for f in find_dates(t):
            if f.iso:
                return f.iso, _prov(doc, ln)
    return None, None


def find_place(lines: list[Line], header_end: int, doc: str) -> tuple[str | None, Provenance | None]:
    region = lines[:header_end]
    for i, ln in enumerate(region):
        cells = [c.strip() for c in ln.plain.split("\t")]
        first = cells[0]
        m = _PLACE_LABEL.match(first)
        if not m:
            continue
        label = first[:m.end()].casefold()
        rest = " ".join([first[m.end():], *cells[1:]]).strip()
        src_end = None
        if not rest:
            for nxt in region[i + 1:i + 3]:
                if not nxt.blank:
                    rest, src_end = nxt.plain.strip(), nxt
                    break
        place = strip_dates_and_times(rest.replace("\t", " "))
        if "tid" in label:
            place = re.sub(r"^\s*(?:den|kl\.?)\s+", "", place)
        place = place.strip(" ,.;:–-")
        if place and len(place) < 150 and not _DATE_LABEL.match(place):
            return place, _prov(doc, ln, src_end, lines)
    # "Protokoll fört vid sammanträde 2024-04-24 kl. 13.15–15.00 i Stadshuset, sammanträdesrum Rådhuset"
    for ln in region:
        t = ln.plain.replace("\t", " ").strip()
        m = _HELD_AT.search(t)
        if m and len(m.group(1)) < 100:
            return m.group(1).strip(" ,;:–-"), _prov(doc, ln)
    # "Nämnden sammanträdde måndagen den 3 april 2023 kl. 14.00 i Stadshuset, sal Ek, Piteå."
    for ln in region:
        t = ln.plain.replace("\t", " ").strip()
        mv = _MET_VERB.search(t)
        if not mv:
            continue
        mp = _MET_PLACE.search(t, mv.end())
        if mp:
            place = mp.group(1).strip(" ,;:–-")
            if place and not find_dates(place) and len(place) < 100:
                return place, _prov(doc, ln)
    for ln in region:
        t = ln.plain.strip()
        if _ONLINE.match(t) and len(t) < 60 and re.search(r"teams|zoom|skype|digital|distans|webb", t, re.I):
            return t.rstrip("."), _prov(doc, ln)
    # "Sammanträde 2024-03-22, kl. 09.00–12.00, Regionhuset, Västerås": the place after the date
    for ln in region[:12]:
        t = ln.plain.replace("\t", " ").strip()
        m = _MEETING_DATE_LINE.match(t)
        if not m or not find_dates(t):
            continue
        place = _LEAD_PREP.sub("", strip_dates_and_times(t[m.end():]).strip(" ,;:–-"))
        if place[:1].isupper() and not find_dates(place) and len(place) < 100 and not _SENTENCE_WORD.search(place):
            return place.rstrip("."), _prov(doc, ln)
    # "Möte 2024-02-15, kl. 10.00–14.00, Teams": an online place ending the date line
    for ln in region[:12]:
        t = ln.plain.replace("\t", " ").strip()
        m = _ONLINE_TAIL.search(t)
        if m and find_dates(t[:m.start()]):
            return m.group(1), _prov(doc, ln)
    return None, None


# a line that starts with the meeting and its date ("Sammanträde 2024-03-22, kl. 09.00, …")
_MEETING_DATE_LINE = re.compile(r"^(?:sammanträde(?:t)?|möte(?:t)?|sammanträdesdag)\s*:?\s*(?:den\s+)?(?=\S)", re.I)
_LEAD_PREP = re.compile(r"^(?:i|på)\s+(?=[A-ZÅÄÖ])")
_HELD_AT = re.compile(r"\bfört\s+vid\s+(?:sammanträde|möte)(?:t)?\b.*?\s(?:i|på)\s+([A-ZÅÄÖ][^.]{2,120}?)\.?$", re.I)
_ONLINE_TAIL = re.compile(r",\s*((?:digitalt\s+)?(?:via\s+)?(?:Microsoft\s+)?(?:Teams|Zoom|Skype)(?:möte)?|digitalt)\s*\.?$", re.I)


def find_header(lines: list[Line], header_end: int, doc: str) -> Header:
    furniture = _repeated(lines)
    body, bp = find_body(lines, header_end, doc, furniture)
    date, dp = find_date(lines, header_end, doc, furniture)
    place, pp = find_place(lines, header_end, doc)
    prov = {k: v for k, v in (("body", bp), ("date", dp), ("place", pp)) if v is not None}
    return Header(body, date, place, prov)
