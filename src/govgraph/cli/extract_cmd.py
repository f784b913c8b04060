"""``govgraph extract FILE… [--json | --explain]``."""
from __future__ import annotations

import json
import sys

import click

from ..model import GovgraphError, NotAProtocolError, Protocol


def summary(p: Protocol) -> str:
    """A readable summary of one protocol for people."""
    lines = [click.style(p.source, bold=True),
             f"  body:   {p.body or '—'}",
             f"  date:   {p.date or '—'}",
             f"  place:  {p.place or '—'}"]
    if p.chair or p.secretary or p.adjusters:
        lines.append(f"  chair: {', '.join(p.chair) or '—'}   secretary: {', '.join(p.secretary) or '—'}"
                     f"   adjusters: {', '.join(p.adjusters) or '—'}")
    present = [x for x in p.participants if x.present]
    absent = [x for x in p.participants if not x.present]
    lines.append(f"  participants: {len(present)} present, {len(absent)} absent")
    for x in p.participants:
        extra = ", ".join(v for v in (x.organization, x.title, x.party and f"({x.party})") if v)
        mark = " " if x.present else "✗"
        lines.append(f"    {mark} {x.name:<32} {x.role:<10} {extra}")
    lines.append(f"  items: {len(p.items)}")
    for it in p.items:
        lines.append(f"    {it.number:>4}. {it.title}")
        if it.presenters:
            lines.append(f"          presented by {', '.join(n.name for n in it.presenters)}")
        for d in it.decisions:
            bits = [d.kind, f"by {d.by}" if d.by else None, f"«{d.subject}»" if d.subject else None,
                    f"→ {d.assignee}" if d.assignee else None,
                    f"{d.amount_sek:,} kr".replace(",", " ") if d.amount_sek is not None else None,
                    "(reported)" if d.reported else None]
            lines.append("          • " + " ".join(b for b in bits if b))
    for key in ("agreements", "bodies", "organizations"):
        ents = getattr(p, key)
        if ents:
            lines.append(f"  {key}: " + "; ".join(f"{e.name} [{e.kind}]" for e in ents))
    for w in p.warnings:
        lines.append(click.style(f"  warning: {w}", fg="yellow"))
    return "\n".join(lines)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the FORMAT.md JSON (one object per file; a list for several).")
@click.option("--explain", is_flag=True, help="Print every extracted fact beside the quote it came from.")
@click.option("--no-provenance", is_flag=True, help="With --json: leave out the provenance keys.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR PDF pages that have no text layer.")
@click.option("--force", is_flag=True, help="Extract even from files that do not look like minutes.")
def extract(files, as_json, explain, no_provenance, no_ocr, force):
    """Read protocols and show what govgraph extracts from them.

    \b
    Examples:
      govgraph extract protokoll.pdf
      govgraph extract protokoll.pdf --json > protokoll.json
      govgraph extract protokoll.docx --explain | less
    """
    from ..pipeline import extract_file

    results, failed = [], 0
    for f in files:
        try:
            ex = extract_file(f, ocr=not no_ocr, require_protocol=not force)
        except GovgraphError as e:
            failed += 1
            hint = " (use --force to extract anyway)" if isinstance(e, NotAProtocolError) else ""
            click.echo(click.style("error: ", fg="red", bold=True) + str(e) + hint, err=True)
            continue
        if as_json:
            results.append(ex.protocol.to_json(provenance=not no_provenance))
        elif explain:
            from ..extract.explain import explain as explain_text
            click.echo(explain_text(ex.protocol, ex.clean))
        else:
            click.echo(summary(ex.protocol))
    if as_json and results:
        out = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    if failed:
        sys.exit(1)
