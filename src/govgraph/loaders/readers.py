"""Readers: one file -> RawDocument. (Minimal bootstrap version: plain text only.)"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import RawDocument, RawLine, ReadError


def read_document(path: str | Path, *, ocr: bool = True) -> RawDocument:
    p = Path(path)
    if not p.exists():
        raise ReadError(str(path), "no such file")
    data = p.read_bytes()
    if not data.strip():
        raise ReadError(str(path), "the file is empty")
    text = data.decode("utf-8-sig")
    return RawDocument(path=str(path), name=p.name, media_type="text/plain",
                       sha256=hashlib.sha256(data).hexdigest(),
                       lines=[RawLine(t) for t in text.splitlines()], encoding="utf-8")
