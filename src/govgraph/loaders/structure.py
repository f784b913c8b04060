"""Structure (the ``parse`` stage): CleanDocument -> Protocol.

Reads the meeting header (body, date, place), the attendance lists (participants with role,
presence, organisation, title, party), the officers (chair, secretary, adjusters) and the
agenda items (number, title, line span). Every fact keeps a :class:`Provenance` whose quote
is verbatim cleaned text. The work is done in ``loaders/structure_parts/``; this module is
the stage's entry point.
"""
from __future__ import annotations

from ..model import CleanDocument, Protocol
from .structure_parts.items import find_items
from .structure_parts.text import lines_of

__all__ = ["parse_structure", "looks_like_protocol"]


def parse_structure(doc: CleanDocument) -> Protocol:
    """Meeting header, participants, officers and agenda items of one cleaned protocol."""
    lines = lines_of(doc)
    proto = Protocol(source=doc.name, sha256=doc.sha256, media_type=doc.media_type, path=doc.path,
                     ocr=doc.ocr, ocr_confidence=doc.ocr_confidence, flags=list(doc.flags),
                     warnings=list(doc.warnings))
    proto.items = find_items(lines, doc.name)
    return proto


def looks_like_protocol(doc: CleanDocument) -> tuple[bool, str]:
    """Whether the document reads like meeting minutes; the reason when it does not."""
    from .structure_parts.detect import looks_like_protocol as _detect
    return _detect(doc)
