"""``govgraph ask``: run a named Cypher query (see ``govgraph.queries.library``)."""
from __future__ import annotations

import sys

import click

from .common import emit_rows, fail, format_option, store_options

EPILOG = """\b
Examples:
  govgraph ask --list                              # the queries and what they take
  govgraph ask who-decided utskrivning             # who decided what through which body
  govgraph ask agreement NSPH                      # an agreement's path through the bodies
  govgraph ask person "Ingmar Ångman" --json       # a person over time, as JSON
  govgraph ask body Chefsgrupp --since 2022
  govgraph ask mandates --body chefsgrupp --since 2024-01-01
  govgraph ask funding --body Chefsgrupp --year 2024 --csv
  govgraph ask path "Ingmar Ångman" NSPH           # how two names are connected
  govgraph ask my-query -p limit=10 --queries-dir ~/my-queries

\b
Names match case- and å/ä/ö-insensitively on names and their recorded variants. Your own
queries: .cypher files with a '// description:' and '// param:' header in --queries-dir,
$GOVGRAPH_QUERIES or ~/.config/govgraph/queries (docs/queries.md).
Exit status: 0 rows found, 1 nothing matched (close names are suggested), 2 bad usage.
"""


def _parse_pairs(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            fail(f"-p/--param takes NAME=VALUE, got {pair!r}", 2)
        out[key.strip()] = value
    return out


@click.command("ask", epilog=EPILOG)
@click.argument("name", required=False, metavar="QUERY")
@click.argument("args", nargs=-1, metavar="[ARGS]...")
@click.option("--list", "list_", is_flag=True, help="List the queries with what they take and do.")
@click.option("--body", metavar="NAME", help="Only this body (queries that take --body).")
@click.option("--since", metavar="DATE", help="Only from this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--year", metavar="YYYY", help="Only this year (queries that take --year).")
@click.option("-p", "--param", "pairs", multiple=True, metavar="NAME=VALUE",
              help="Any other parameter a query declares (repeatable).")
@click.option("--queries-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Your own .cypher queries (else $GOVGRAPH_QUERIES or ~/.config/govgraph/queries).")
@format_option
@store_options(read_only=True)
def ask(name, args, list_, body, since, year, pairs, queries_dir, fmt, store_factory) -> None:
    """Run a named query: who decided what, through which body, with which money.

    QUERY is a query name (see --list); ARGS are its words, in order (quote names with
    spaces). Every row names the protocol and item it was read from.
    """
    from ..model import GovgraphError
    from ..queries import library as lib

    try:
        queries = lib.discover(queries_dir)
    except GovgraphError as e:
        fail(str(e), 2)
    if list_ or not name:
        if not name and not list_:
            click.echo("Give a query name; the queries are:\n", err=True)
        emit_rows(lib.describe(queries.values()), ["query", "usage", "description"] +
                  (["from"] if any(q.origin != "package" for q in queries.values()) else []),
                  fmt=fmt, out=sys.stdout if (list_ or fmt != "table") else sys.stderr, max_width=110)
        if not list_:
            sys.exit(2)
        return
    if name not in queries:
        try:
            lib.get(name, queries)
        except GovgraphError as e:
            click.echo(click.style("error: ", fg="red", bold=True) + str(e), err=True)
        emit_rows(lib.describe(queries.values()), ["query", "usage", "description"], out=sys.stderr,
                  max_width=110)
        sys.exit(2)
    query = queries[name]

    values = _parse_pairs(pairs)
    for opt, value in (("body", body), ("since", since), ("year", year)):
        if value is not None:
            values[opt] = value
    required = query.required
    if len(args) > len(required):
        fail(f"{name} takes {len(required)} argument(s), got {len(args)}: usage: govgraph ask "
             f"{query.usage()} (quote names with spaces)", 2)
    for param, value in zip(required, args):
        values[param.name] = value
    try:
        query.bind(values)          # check the arguments before opening the store
    except GovgraphError as e:
        example = f"; e.g. {query.examples[0]}" if query.examples else ""
        fail(f"{e}; usage: govgraph ask {query.usage()}{example}", 2)

    try:
        store = store_factory()
    except GovgraphError as e:
        fail(str(e), 1)
    try:
        try:
            result = lib.run(store, query, values)
        except GovgraphError as e:
            fail(str(e), 1)
        if not result.rows:
            shown = ", ".join(f"{k}={v!r}" for k, v in values.items() if v not in (None, ""))
            hint = ""
            try:
                close = lib.close_names(store, query, values)
            except GovgraphError:
                close = []
            if close:
                hint = "; close names in the store: " + "; ".join(close)
            elif _is_empty(store):
                hint = "; the store is empty — load protocols first: govgraph load FILES_OR_FOLDERS"
            if fmt == "json":
                click.echo("[]")
            fail(f"{name}: nothing matches {shown or '(no arguments)'}{hint}", 1)
        emit_rows(result.rows, result.columns, fmt=fmt)
    finally:
        close_fn = getattr(store, "close", None)
        if close_fn:
            close_fn()


def _is_empty(store) -> bool:
    """True when the store says it holds no nodes (False when it cannot say)."""
    try:
        return not any((store.stats().get("nodes") or {}).values())
    except Exception:  # noqa: BLE001 - only used to phrase a hint
        return False
