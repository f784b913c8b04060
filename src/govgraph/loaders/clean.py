"""Cleaning: RawDocument -> CleanDocument. (Minimal bootstrap version.)"""
from __future__ import annotations

import unicodedata

from ..model import CleanDocument, CleanLine, RawDocument


def clean_document(raw: RawDocument) -> CleanDocument:
    lines = [CleanLine(unicodedata.normalize("NFC", r.text).replace("\u00a0", " "), r.page, i,
                       r.struck, r.heading, r.bold) for i, r in enumerate(raw.lines)]
    return CleanDocument(raw.name, raw.path, raw.media_type, raw.sha256, lines, raw.pages,
                         raw.ocr, raw.ocr_confidence, warnings=list(raw.warnings))
