"""Semantic extraction: presenters, decisions, agreements, bodies, organisations, people.

``extract_semantics(doc, protocol)`` reads each item's lines ``doc.lines[item.start-1:item.end]``
and the whole document, and fills the protocol in place (it also returns it):

- ``item.presenters``  (:mod:`.presenters`)
- ``item.decisions``   (:mod:`.decisions`)
- ``protocol.agreements`` / ``bodies`` / ``organizations`` (:mod:`.entities`)
- ``protocol.people``  (:mod:`.names`)

Every fact carries a :class:`~govgraph.model.Provenance` whose quote is exact cleaned text.
One item whose text trips a rule does not cost the rest of the protocol: the item is left
without presenters/decisions and a warning names it.
"""
from __future__ import annotations

from ..model import CleanDocument, Protocol
from .decisions import find_decisions
from .entities import EntityFinder
from .names import NameIndex
from .presenters import find_presenters
from .text import fold, plain_lines, units


def build_name_index(doc: CleanDocument, protocol: Protocol) -> NameIndex:
    """Everyone the protocol lists (participants, officers) plus full names found in its text."""
    names = NameIndex(protocol)
    for t in plain_lines(doc):
        if t:
            names.add_from_text(t)
    return names


def _words(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def body_start(doc: CleanDocument, item, max_title_lines: int = 3) -> int:
    """The first line of an item's body: the line after its heading, or after the title lines
    when the heading line is only the number ("§ 12" and the title on the next lines), so
    that the title is not read as the first words of the item's first paragraph."""
    start = item.start + 1
    title = _words(item.title or "")
    texts = plain_lines(doc)
    if not title or item.start > len(texts) or title in _words(texts[item.start - 1]):
        return start
    seen = ""
    last = min(len(texts), item.end or item.start, item.start + max_title_lines)
    for no in range(start, last + 1):
        words = _words(texts[no - 1])
        if not words:
            if seen:
                break
            continue
        seen = f"{seen} {words}".strip()
        if seen == title:
            return no + 1
        if not title.startswith(seen):
            break
    return start


def extract_semantics(doc: CleanDocument, protocol: Protocol) -> Protocol:
    names = build_name_index(doc, protocol)
    entities = EntityFinder(doc, protocol, names)
    try:
        entities.scan()
    except Exception as e:  # noqa: BLE001 - keep the rest of the extraction
        protocol.warnings.append(f"{doc.name}: entity scan stopped early ({type(e).__name__}: {e})")
    n = len(doc.lines)
    for item in protocol.items:
        if not item.start or item.start > n:
            continue
        try:
            body_units = units(doc, body_start(doc, item), min(item.end or item.start, n))
            item.presenters = find_presenters(doc, item, body_units, names)
            item.decisions = find_decisions(doc, protocol, item, body_units, names, entities)
        except Exception as e:  # noqa: BLE001 - one odd item must not sink the protocol
            protocol.warnings.append(
                f"{doc.name}: item {item.number} could not be read for presenters/decisions "
                f"({type(e).__name__}: {e})")
    protocol.agreements = entities.agreements()
    protocol.bodies = entities.bodies()
    protocol.organizations = entities.organizations()
    protocol.people = names.mentions()
    return protocol
