"""``govgraph explain-merge NAME``: why name variants were merged into one entity."""
from __future__ import annotations

import difflib
import json

import click

from .common import emit_rows, fail, handle_errors, store_options

EPILOG = """\b
Examples:
  govgraph explain-merge "Ingmar Ångman"          # every spelling of the person and why
  govgraph explain-merge "Ingmar Angman"          # any spelling finds the same entity
  govgraph explain-merge SKR --json               # organisations, bodies, agreements too
  govgraph explain-merge "Anette Schön" --db /data/graph.lbdb

\b
Rules: same-name (case, diacritics, hyphen/space, run-together, q/k, dt/t, doubled
letters), given-name-variant, surname-ocr-variant, ocr-repair, reference (municipality and
region lists), agency, abbreviation, same-content-words, content-words-subset,
prefix-subset, listed-alias. docs/graph.md explains each.
"""


def _suggest(resolver, name: str) -> list[str]:
    from ..graph.resolve import norm
    names: dict[str, str] = {}
    for rec in resolver.records():
        for n in rec.names():
            names.setdefault(norm(n), n)
    close = difflib.get_close_matches(norm(name), list(names), n=3, cutoff=0.75)
    return [names[c] for c in close]


@click.command("explain-merge", epilog=EPILOG)
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: id, label, name and each alias with rule and evidence.")
@store_options(read_only=True)
@handle_errors
def explain_merge(name, as_json, store_factory):
    """Say which entity holds NAME and why each of its other names was merged into it."""
    from ..graph.resolve import Resolver
    with store_factory() as store:
        resolver = Resolver.from_store(store)
    info = resolver.explain_records(name)
    if info is None:
        hint = _suggest(resolver, name)
        msg = f"no person, body, organisation or agreement named {name!r} in the store"
        msg += f"; did you mean {', '.join(repr(h) for h in hint)}?" if hint else \
            " (load protocols first with `govgraph load`, or check the --db/--neo4j store)"
        fail(msg)
        return
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(click.style(info["name"], bold=True) + f"  ({info['label']}, {info['id']})")
    if not info["merges"]:
        click.echo("  no other names: nothing was merged into it")
    else:
        emit_rows(info["merges"], ["alias", "rule", "evidence"], max_width=100)
    if info.get("also"):
        click.echo(f"\nAlso named {name!r} (kept apart): {', '.join(info['also'])}"
                   " — see `govgraph explain-merge` with their other names")
