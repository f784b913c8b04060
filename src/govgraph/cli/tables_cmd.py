"""``govgraph export tables DIR``: the graph as CSV tables."""
from __future__ import annotations

import json

import click

from .common import emit_rows, fail, handle_errors, store_options

EPILOG = """\b
Examples:
  govgraph export tables out/                       # from the default embedded store
  govgraph export tables out/ --db /data/graph.lbdb
  govgraph export tables out/ --neo4j bolt://localhost:7687
  govgraph export tables out/ --json                # the written files as JSON

\b
Files: people.csv, bodies.csv, organizations.csv, agreements.csv, meetings.csv,
attendance.csv, items.csv, decisions.csv — UTF-8, one header row, rows in a stable order,
several values in one cell joined with "|". docs/graph.md describes every column.
"""


@click.command(epilog=EPILOG)
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the written files and row counts as JSON.")
@store_options(read_only=True)
@handle_errors
def tables(out_dir, as_json, store_factory):
    """Write CSV tables of the graph (people, bodies, decisions …) into DIR."""
    from ..export.tables import export_tables
    with store_factory() as store:
        try:
            paths = export_tables(store, out_dir)
        except OSError as e:
            fail(f"{out_dir}: cannot write the tables ({e.strerror or e}); choose a writable folder")
    rows = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            n = sum(1 for _ in fh) - 1
        rows.append({"file": str(p), "rows": n})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        emit_rows(rows, ["file", "rows"])
