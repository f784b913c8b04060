"""OCR / encoding damage repair. (Bootstrap version: changes nothing yet.)"""
from __future__ import annotations

from ..model import CleanDocument


def repair_document(doc: CleanDocument) -> CleanDocument:
    return doc
