"""Options and output helpers shared by the commands."""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import sys
from typing import Any, Callable, Sequence

import click

from ..model import GovgraphError


def store_options(read_only: bool = True) -> Callable:
    """Adds ``--db PATH`` and ``--neo4j URI`` and passes ``open_store`` as ``store`` factory.

    The command receives ``store_factory`` (a zero-argument callable opening the store) so that
    it opens the store only when it needs it and inside its own error handling.
    """
    def deco(fn: Callable) -> Callable:
        @click.option("--db", "db", type=click.Path(dir_okay=True), envvar="GOVGRAPH_DB",
                      help="Embedded store path (default: $GOVGRAPH_DB or the per-user data dir).")
        @click.option("--neo4j", "neo4j_uri", metavar="URI", default=None,
                      help="Use a Neo4j server instead (or set NEO4J_URI; credentials from NEO4J_USER/NEO4J_PASSWORD).")
        @functools.wraps(fn)
        def wrapper(*args, db=None, neo4j_uri=None, **kwargs):
            from ..graph.store import open_store
            if db and neo4j_uri and click.get_current_context().get_parameter_source("db") \
                    == click.core.ParameterSource.COMMANDLINE:
                raise click.UsageError("give either --db (embedded store) or --neo4j (a server), not both")
            uri = neo4j_uri or (None if db else os.environ.get("NEO4J_URI"))
            kwargs["store_factory"] = functools.partial(open_store, db=db, neo4j_uri=uri,
                                                        read_only=read_only)
            return fn(*args, **kwargs)
        return wrapper
    return deco


def format_option(fn: Callable) -> Callable:
    """``--json`` / ``--csv`` switches; the command gets ``fmt`` in {"table", "json", "csv"}."""
    @click.option("--json", "fmt", flag_value="json", help="Print JSON (for scripts).")
    @click.option("--csv", "fmt", flag_value="csv", help="Print CSV (for spreadsheets).")
    @functools.wraps(fn)
    def wrapper(*args, fmt=None, **kwargs):
        return fn(*args, fmt=fmt or "table", **kwargs)
    return wrapper


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None,
              fmt: str = "table", out=None, max_width: int = 60) -> None:
    """Print rows as a readable table, JSON or CSV."""
    out = out or sys.stdout
    columns = list(columns or (list(rows[0].keys()) if rows else []))
    if fmt == "json":
        out.write(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False,
                             indent=2, default=str) + "\n")
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        out.write(buf.getvalue())
        return
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    widths = [min(max_width, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]
    # on a terminal, fit its width: shrink the widest columns first, never below 12 characters
    is_tty = getattr(out, "isatty", lambda: False)()
    total = shutil.get_terminal_size((160, 24)).columns if is_tty else 10**6
    while sum(widths) + 2 * (len(widths) - 1) > total and max(widths, default=0) > 12:
        widths[widths.index(max(widths))] -= 1

    def cut(text: str, w: int) -> str:
        return text if len(text) <= w else text[: max(1, w - 1)] + "…"

    header = "  ".join(cut(c, widths[i]).ljust(widths[i]) for i, c in enumerate(columns)).rstrip()
    click.echo(click.style(header, bold=True), file=out)
    click.echo("  ".join("─" * w for w in widths), file=out)
    for row in cells:
        click.echo("  ".join(cut(c, widths[i]).ljust(widths[i]) for i, c in enumerate(row)).rstrip(), file=out)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error to stderr and exit with ``code``."""
    click.echo(click.style("error: ", fg="red", bold=True) + message, err=True)
    sys.exit(code)


def handle_errors(fn: Callable) -> Callable:
    """Turn GovgraphError into a one-line message and exit code 1 (never a traceback)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except GovgraphError as e:
            fail(str(e), 1)
    return wrapper
