"""``govgraph extract FILE --explain``: every extracted fact beside the quote it was read from.

The layout is meant for checking the machine's reading in a minute: one block per fact kind
(meeting, participants, officers, each item with its presenters and decisions, then the
agreements, bodies and organisations), each fact followed by ``L<start>-<end>`` and the exact
cleaned text it came from.
"""
from __future__ import annotations

from ..model import CleanDocument, Entity, Protocol, Provenance

_MAX_QUOTE = 160


def _q(p: Provenance | None) -> str:
    if p is None:
        return "    (no provenance)"
    quote = " ⏎ ".join(x.strip() for x in p.quote.splitlines() if x.strip())
    if len(quote) > _MAX_QUOTE:
        quote = quote[:_MAX_QUOTE - 1] + "…"
    span = f"L{p.start}" if p.start == p.end else f"L{p.start}-{p.end}"
    return f"    {span:<9} «{quote}»"


def _entity(e: Entity) -> list[str]:
    bits = [f"  • {e.name} [{e.kind}]"]
    if e.code:
        bits[0] += f" code {e.code}"
    if e.aliases:
        bits[0] += "  aka " + ", ".join(e.aliases[:6])
    for p in e.prov[:3]:
        bits.append(_q(p))
    if len(e.prov) > 3:
        bits.append(f"    … {len(e.prov) - 3} more mentions")
    return bits


def explain(protocol: Protocol, doc: CleanDocument | None = None) -> str:
    """A readable list of all facts of ``protocol`` with line numbers and quotes."""
    p = protocol
    out = [f"# {p.source}"]
    out.append("")
    out.append("## Meeting")
    for key in ("body", "date", "place"):
        out.append(f"  {key}: {getattr(p, key) or '—'}")
        if key in p.meta_prov:
            out.append(_q(p.meta_prov[key]))
    if p.participants:
        out.append("")
        out.append(f"## Participants ({len(p.participants)})")
        for x in p.participants:
            extra = ", ".join(v for v in (x.role, x.organization, x.title, x.party,
                                          None if x.present else "ABSENT") if v)
            out.append(f"  • {x.name} ({extra})")
            out.append(_q(x.prov))
    if p.officers:
        out.append("")
        out.append("## Officers")
        for o in p.officers:
            out.append(f"  • {o.role}: {o.name}")
            out.append(_q(o.prov))
    out.append("")
    out.append(f"## Items ({len(p.items)})")
    for it in p.items:
        out.append(f"  § {it.number}. {it.title}   [L{it.start}-{it.end}]")
        for n in it.presenters:
            out.append(f"    presenter: {n.name}")
            out.append("  " + _q(n.prov))
        for d in it.decisions:
            bits = [d.kind]
            if d.by:
                bits.append(f"by {d.by}")
            if d.subject:
                bits.append(f"«{d.subject}»")
            if d.assignee:
                bits.append(f"→ {d.assignee}")
            if d.amount_sek is not None:
                bits.append(f"{d.amount_sek:,} kr".replace(",", " "))
            if d.reported:
                bits.append("(reported)")
            out.append("    decision: " + " ".join(bits))
            out.append("  " + _q(d.prov))
    for title, ents in (("Agreements", p.agreements), ("Bodies", p.bodies),
                        ("Organisations", p.organizations)):
        out.append("")
        out.append(f"## {title} ({len(ents)})")
        for e in ents:
            out.extend(_entity(e))
    if p.people:
        out.append("")
        out.append("## People named (short forms resolved in this protocol)")
        for m in p.people:
            if m.variants:
                out.append(f"  • {m.name}  ← {', '.join(m.variants)}")
    if p.warnings:
        out.append("")
        out.append("## Warnings")
        out.extend(f"  ! {w}" for w in p.warnings)
    if doc is not None and doc.repairs:
        out.append("")
        out.append(f"## Repairs by the cleaner ({len(doc.repairs)})")
        for r in doc.repairs[:40]:
            out.append(f"  L{r.line}: {r.original} → {r.repaired} ({r.reason})")
        if len(doc.repairs) > 40:
            out.append(f"  … {len(doc.repairs) - 40} more")
    return "\n".join(out)
