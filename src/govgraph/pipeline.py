"""The one data flow: read -> clean -> parse -> extract (-> build graph -> store).

Each stage is a function with typed input and output (see ``govgraph.model``); this module
only wires them together so that the CLI, the loader and the tests run the same steps.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import CleanDocument, Protocol, RawDocument


@dataclass
class Extraction:
    raw: RawDocument
    clean: CleanDocument
    protocol: Protocol


def read(path: str | Path, *, ocr: bool = True) -> RawDocument:
    from .loaders.readers import read_document
    return read_document(path, ocr=ocr)


def clean(raw: RawDocument) -> CleanDocument:
    from .loaders.clean import clean_document
    return clean_document(raw)


def parse(doc: CleanDocument) -> Protocol:
    from .loaders.structure import parse_structure
    return parse_structure(doc)


def extract(doc: CleanDocument, protocol: Protocol) -> Protocol:
    from .extract.semantic import extract_semantics
    return extract_semantics(doc, protocol)


def check_protocol(doc: CleanDocument) -> None:
    """Raise NotAProtocolError when the cleaned text does not look like minutes."""
    from .loaders.structure import looks_like_protocol
    from .model import NotAProtocolError
    ok, why = looks_like_protocol(doc)
    if not ok:
        raise NotAProtocolError(doc.path or doc.name, why)


def protocol_of(doc: CleanDocument) -> Protocol:
    """parse → extract a cleaned document."""
    protocol = extract(doc, parse(doc))
    protocol.repairs = list(doc.repairs)   # damaged spellings stay findable as name aliases
    protocol.text = doc.text               # provenance quotes get character offsets in it
    return protocol


def run_document(raw: RawDocument, *, require_protocol: bool = False) -> Extraction:
    """clean → (protocol check) → parse → extract. With ``require_protocol`` a text that does
    not look like minutes raises NotAProtocolError before the (costlier) extraction runs."""
    doc = clean(raw)
    if require_protocol:
        check_protocol(doc)
    return Extraction(raw, doc, protocol_of(doc))


def extract_file(path: str | Path, *, ocr: bool = True, require_protocol: bool = False) -> Extraction:
    """Read, clean, parse and extract one file. Raises ReadError / NotAProtocolError."""
    return run_document(read(path, ocr=ocr), require_protocol=require_protocol)


def extract_text(text: str, name: str = "protocol.txt") -> Extraction:
    """Run the pipeline on text already in memory (tests, benchmarks)."""
    import hashlib

    from .model import RawLine
    raw = RawDocument(path=name, name=name, media_type="text/plain",
                      sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                      lines=[RawLine(t) for t in text.split("\n")], encoding="utf-8")
    return run_document(raw)
