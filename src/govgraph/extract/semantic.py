"""Semantic extraction: presenters, decisions, entities. (Bootstrap version: nothing yet.)"""
from __future__ import annotations

from ..model import CleanDocument, Protocol


def extract_semantics(doc: CleanDocument, protocol: Protocol) -> Protocol:
    return protocol
