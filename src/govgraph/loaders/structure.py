"""Structure (the ``parse`` stage): CleanDocument -> Protocol.

Reads the meeting header (body, date, place), the attendance lists (participants with role,
presence, organisation, title, party), the officers (chair, secretary, adjusters) and the
agenda items (number, title, line span). Every fact keeps a :class:`Provenance` whose quote
is verbatim cleaned text. The work is done in ``loaders/structure_parts/``:

- ``items.py``      agenda items and their line spans
- ``header.py``     body, date, place
- ``attendance.py`` participants
- ``officers.py``   chair, secretary, adjusters
- ``detect.py``     does the document look like minutes at all?
"""
from __future__ import annotations

import re

from ..model import CleanDocument, Officer, Participant, Protocol, Provenance
from .structure_parts.attendance import apply_generic_roles, find_attendance
from .structure_parts.header import find_header
from .structure_parts.items import find_items
from .structure_parts.officers import find_letterhead_secretary, find_officers
from .structure_parts.text import Line, lines_of, squeeze

__all__ = ["parse_structure", "looks_like_protocol"]

_ABSENT_SENTENCE = re.compile(
    r"(?:anmält|anmälde|har\s+anmält)\s+(?:frånvaro|förhinder)|är\s+frånvarande|var\s+frånvarande|"
    r"kunde\s+inte\s+(?:närvara|delta)|deltar\s+inte|deltog\s+inte|har\s+förhinder|utevaro", re.I)


_PUNCT = re.compile(r"[^\w\s-]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ABSENT_LABEL = re.compile(r"^\s*(?:frånvarande|förhinder|anmält förhinder|anmäld frånvaro|utevaro)\s*:\s*",
                           re.I)


def parse_structure(doc: CleanDocument) -> Protocol:
    """Meeting header, participants, officers and agenda items of one cleaned protocol."""
    lines = lines_of(doc)
    proto = Protocol(source=doc.name, sha256=doc.sha256, media_type=doc.media_type, path=doc.path,
                     ocr=doc.ocr, ocr_confidence=doc.ocr_confidence, flags=list(doc.flags),
                     warnings=list(doc.warnings))
    proto.items = find_items(lines, doc.name)
    header_end = proto.items[0].start - 1 if proto.items else min(len(lines), 150)
    header_end = max(header_end, 1)

    head = find_header(lines, header_end, doc.name)
    proto.body, proto.date, proto.place = head.body, head.date, head.place
    proto.meta_prov = dict(head.prov or {})

    att = find_attendance(lines, header_end, doc.name)
    if not att.participants and proto.items:
        # some minutes list attendance after the items (or inside the first one)
        att = find_attendance(lines, len(lines), doc.name,
                              stops={it.start for it in proto.items}, start=header_end)
        _end_items_before_attendance(proto, att, lines)
    first_items = [(it.number, it.start, it.end) for it in proto.items[:4]]
    off = find_officers(lines, header_end, doc.name, first_items)
    proto.participants = att.participants

    resolve = _resolver(proto.participants)
    absent = {_key(p.name) for p in proto.participants if not p.present}
    present_chairs = [(n, q) for n, q in att.chairs if _key(n) not in absent]   # an absent chair did not chair
    # who signs as ordförande chaired this meeting; then the attendance list's "ordförande"
    chairs = _first_source([_only_header(off.chair, header_end), present_chairs], resolve)
    if not chairs:
        chairs = _first_source([off.chair], resolve)
    if not chairs:
        chairs = [(n, p) for n, p in ((resolve(n, loose=True), p) for n, p in off.opener_first_names)
                  if n and " " in n]
        chairs = chairs[:1]
    secretaries = _first_source([_only_header(off.secretary, header_end), att.secretaries,
                                 off.secretary,
                                 find_letterhead_secretary(lines, header_end, doc.name)], resolve)
    adjusters = _union([off.adjuster, att.adjusters], resolve)
    chair_names = {n for n, _ in chairs}
    adjusters = [(n, p) for n, p in adjusters if n not in chair_names]
    for role, found in (("chair", chairs), ("secretary", secretaries), ("adjuster", adjusters)):
        for name, prov in found:
            proto.officers.append(Officer(role, name, prov))

    apply_generic_roles(att, chair_names, {n for n, _ in secretaries})
    _absent_from_first_item(proto, lines, doc.name)
    return proto


def _end_items_before_attendance(proto: Protocol, att, lines: list[Line]) -> None:
    """An attendance list after the last item is not part of that item."""
    labels = [f.section.label_line for f in att.found if f.section.label_line > proto.items[-1].start]
    if not labels:
        return
    it = proto.items[-1]
    end = min(labels) - 1
    while end > it.start and lines[end - 1].blank:
        end -= 1
    it.end = max(it.start, min(it.end, end))


def _key(name: str) -> str:
    return squeeze(name.replace("-", " ")).casefold()


def _resolver(participants: list[Participant]):
    """Map an officer name to the participant's spelling (hyphen/space variants, first names)."""
    by_key = {_key(p.name): p.name for p in participants}
    by_first: dict[str, list[str]] = {}
    for p in participants:
        by_first.setdefault(p.name.split()[0].casefold(), []).append(p.name)

    def resolve(name: str, loose: bool = False) -> str | None:
        k = _key(name)
        if k in by_key:
            return by_key[k]
        if " " not in name.strip():
            cands = by_first.get(name.strip().casefold(), [])
            return cands[0] if len(cands) == 1 else (None if loose else name)
        return name
    return resolve


def _only_header(found, header_end: int):
    return [(n, p) for n, p in found if p.start <= header_end or p.item is None]


def _first_source(sources, resolve) -> list[tuple[str, Provenance]]:
    for src in sources:
        out: list[tuple[str, Provenance]] = []
        for name, prov in src:
            n = resolve(name)
            if n and " " in n and all(_key(n) != _key(m) for m, _ in out):
                out.append((n, prov))
        if out:
            return out
    return []


def _union(sources, resolve) -> list[tuple[str, Provenance]]:
    out: list[tuple[str, Provenance]] = []
    for src in sources:
        for name, prov in src:
            n = resolve(name)
            if n and " " in n and all(_key(n) != _key(m) for m, _ in out):
                out.append((n, prov))
    return out


def _absent_from_first_item(proto: Protocol, lines: list[Line], doc: str) -> None:
    """"X, Y och Z har anmält frånvaro" in the first item: listed participants are absent."""
    if not proto.items or not proto.participants:
        return
    it = proto.items[0]
    for ln in lines[it.start - 1:it.end]:
        for sentence in _SENTENCE_END.split(ln.plain):
            lead = _ABSENT_LABEL.match(sentence)
            if lead:
                scope = sentence[lead.end():]
            else:
                m = _ABSENT_SENTENCE.search(sentence)
                if not m:
                    continue
                scope = sentence[:m.start()]       # "X och Y har anmält frånvaro", not who replaces them
            folded = " " + _key(_PUNCT.sub(" ", scope)) + " "
            for p in proto.participants:
                if f" {_key(p.name)} " in folded:
                    p.present = False


def looks_like_protocol(doc: CleanDocument) -> tuple[bool, str]:
    """Whether the document reads like meeting minutes; the reason when it does not."""
    from .structure_parts.detect import looks_like_protocol as _detect
    return _detect(doc)
