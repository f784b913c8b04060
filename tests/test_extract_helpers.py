"""Build small CleanDocuments and Protocols by hand for the extraction tests.

Items are marked in the test text by lines "§ N Title"; everything up to the next such line
belongs to the item. Participants are given as (name, organization) pairs. Nothing here runs
the structure parser, so these tests check extraction alone.
"""
from __future__ import annotations

import re

from govgraph.extract.semantic import extract_semantics
from govgraph.model import CleanDocument, CleanLine, Item, Officer, Participant, Protocol


def make(text: str, body: str = "Regionala samverkansrådet", participants=(), chair: str | None = None,
         date: str | None = "2024-03-15", name: str = "t.txt") -> tuple[CleanDocument, Protocol]:
    lines = text.strip("\n").split("\n")
    doc = CleanDocument(name, name, "text/plain", "0" * 64,
                        [CleanLine(t, raw_index=i) for i, t in enumerate(lines)])
    items: list[Item] = []
    for no, t in enumerate(lines, 1):
        m = re.match(r"^§\s*(\d+[a-z]?)\s+(.*)$", t)
        if m:
            if items:
                items[-1].end = no - 1
            items.append(Item(m.group(1), re.sub(r"\*.*$", "", m.group(2)).strip(), no, len(lines)))
    proto = Protocol(source=name, body=body, date=date, items=items,
                     participants=[Participant(n, o) for n, o in participants],
                     officers=[Officer("chair", chair)] if chair else [])
    return doc, proto


def run(text: str, **kw) -> Protocol:
    doc, proto = make(text, **kw)
    return extract_semantics(doc, proto)


def decisions(text: str, **kw):
    p = run(text, **kw)
    return [d for it in p.items for d in it.decisions]


def kinds(text: str, **kw) -> list[str]:
    return [d.kind for d in decisions(text, **kw)]
