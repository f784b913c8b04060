"""``govgraph ask``: run a named Cypher query (see ``govgraph.queries.library``)."""
from __future__ import annotations

import sys

import click

from ..queries.library import DEFAULT_LIMIT
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
  govgraph ask mandates --limit 200                # more rows than the first 50
  govgraph ask funding --all                       # every row
  govgraph ask my-query -p limit=10 --queries-dir ~/my-queries

\b
Rows: a table shows the first 50 rows (in the query's order) and says how many there are
in all ("showing 50 of 6,578 rows"); --limit N shows N, --all every row. --json and --csv
print every row unless --limit is given; the count of all rows then goes to stderr.

\b
Names match case- and å/ä/ö-insensitively on names and their recorded variants. Your own
queries: .cypher files with a '// description:' and '// param:' header in --queries-dir,
$GOVGRAPH_QUERIES or ~/.config/govgraph/queries (docs/queries.md).
Exit status: 0 rows found, 1 nothing matched (close names are suggested) or, for path, both
names were found but are not connected, 2 bad usage.
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
@click.option("--limit", "limit", type=click.IntRange(min=1), metavar="N",
              help=f"Show at most N rows (default for a table: {DEFAULT_LIMIT}; --json/--csv: all).")
@click.option("--all", "all_rows", is_flag=True, help="Show every row (no limit).")
@click.option("--queries-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Your own .cypher queries (else $GOVGRAPH_QUERIES or ~/.config/govgraph/queries).")
@format_option
@store_options(read_only=True)
def ask(name, args, list_, body, since, year, pairs, limit, all_rows, queries_dir, fmt,
        store_factory) -> None:
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
    if limit is not None and all_rows:
        fail("give either --limit N or --all, not both", 2)
    if all_rows:
        limit = None
    elif limit is None and fmt == "table":
        limit = DEFAULT_LIMIT

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
            result = lib.run(store, query, values, limit=limit)
        except GovgraphError as e:
            fail(str(e), 1)
        if not result.rows and result.no_rows_message():
            if fmt == "json":
                click.echo("[]")
            fail(f"{name}: {result.no_rows_message()}", 1)
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
        if result.truncated:
            click.echo(limit_note(result), err=True)
    finally:
        close_fn = getattr(store, "close", None)
        if close_fn:
            close_fn()


def limit_note(result) -> str:
    """'showing 50 of 6,578 rows (first by date, protocol) — …' for a cut result."""
    per = result.query.limit_per
    if per:
        by = f" (at most {result.limit:,} per {' and '.join(c.strip() for c in per.split(','))})"
    else:
        order = [c.split()[0] for c in result.query.order[:2]]
        by = f" (first by {', '.join(order)})" if order else ""
    return (f"showing {len(result.rows):,} of {result.total:,} rows{by} — use --limit N "
            f"for more, or --all for every row")


def _is_empty(store) -> bool:
    """True when the store says it holds no nodes (False when it cannot say)."""
    try:
        return not any((store.stats().get("nodes") or {}).values())
    except Exception:  # noqa: BLE001 - only used to phrase a hint
        return False
