"""Structure: CleanDocument -> Protocol. (Bootstrap version: no structure yet.)"""
from __future__ import annotations

from ..model import CleanDocument, Protocol


def parse_structure(doc: CleanDocument) -> Protocol:
    return Protocol(source=doc.name, sha256=doc.sha256, media_type=doc.media_type, path=doc.path,
                    ocr=doc.ocr, ocr_confidence=doc.ocr_confidence, flags=list(doc.flags),
                    warnings=list(doc.warnings))
