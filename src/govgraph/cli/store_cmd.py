"""``govgraph load``, ``govgraph stats`` and ``govgraph cypher``."""
from __future__ import annotations

import json
import sys

import click

from ..model import GovgraphError
from .common import emit_rows, fail, format_option, store_options

LOAD_EPILOG = """\b
Examples:
  govgraph load protokoll.pdf                 # one file into the embedded store
  govgraph load arkiv/ --json                 # a folder (recursively), summary as JSON
  govgraph load arkiv/ --db /data/graph.lbdb  # another embedded store
  govgraph load arkiv/ --neo4j bolt://localhost:7687   # a Neo4j server (NEO4J_PASSWORD)

\b
Re-loading is safe: unchanged files are skipped, a changed file replaces its old facts,
the same content under another name is reported as a duplicate. Every protocol is written
all-or-nothing, so an interrupted load never leaves half a protocol behind; run the same
command again to finish the job. Protocols are committed in groups (--group-size, default
64) for speed; a protocol that fails to write is retried alone, so it fails alone.
Exit status: 0 all loaded (unchanged/duplicate/skipped are fine), 1 some files failed
(the others are loaded), 2 usage error, 130 interrupted.
"""

PROGRESS_MIN_FILES = 10


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _open(store_factory):
    try:
        return store_factory()
    except GovgraphError as e:
        fail(str(e), 1)


def _print_summary(summary, store_desc: str) -> None:
    counts = summary.counts()
    notable = [f for f in summary.files if f.status in ("failed", "skipped", "duplicate")]
    shown = summary.files if len(summary.files) <= 30 else notable
    if shown:
        emit_rows([{"file": f.path, "status": f.status,
                    "facts": (f.nodes + f.edges) if f.status in ("loaded", "replaced") else "",
                    "detail": f.detail} for f in shown],
                  ["file", "status", "facts", "detail"], max_width=90)
        click.echo("")
    line = ", ".join(f"{counts[s]} {s}" for s in ("loaded", "replaced", "unchanged", "duplicate",
                                                  "skipped", "failed"))
    facts = sum(f.nodes + f.edges for f in summary.files)
    click.echo(f"{line} — {facts} facts in {summary.seconds:.1f} s into {store_desc}")
    if summary.interrupted:
        left = summary.total - len(summary.files)
        click.echo(click.style("interrupted", fg="yellow", bold=True)
                   + f": {left} file(s) not reached; run the same command again to finish "
                     "(loaded protocols are kept, those in flight were rolled back)", err=True)


def _store_desc(store) -> str:
    return f"{store.kind} {getattr(store, 'path', None) or getattr(store, 'uri', '')}".strip()


@click.command(epilog=LOAD_EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@store_options(read_only=False)
@click.option("--force", is_flag=True,
              help="Load files that do not look like minutes, and re-extract unchanged files.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scanned pages (faster; they fail instead).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, metavar="N",
              help="Extraction worker processes (default: automatic for 16+ files; 0: none).")
@click.option("--group-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="Protocols committed together (default 64; 1: one transaction per protocol). "
                   "Each protocol stays all-or-nothing either way.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def load(paths, store_factory, force, no_ocr, jobs, group_size, as_json):
    """Load protocol files and folders (PDF, DOCX, ODT, RTF, HTML, TXT, MD …) into the store."""
    import signal

    from ..graph.load import GROUP_SIZE, LoadSummary, expand_paths, load_paths
    files = expand_paths(paths)
    group = group_size or GROUP_SIZE
    if not files:
        fail("no protocol files found in " + ", ".join(paths)
             + " (looked for PDF, DOCX, ODT, RTF, HTML, TXT, MD …; hidden files are skipped)", 2)
    # a polite kill (SIGTERM) stops like Ctrl-C: the protocol in flight is rolled back
    try:
        old_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    except ValueError:                 # not the main thread (embedded use): leave signals alone
        old_term = None
    store = None
    desc = ""
    try:
        store = _open(store_factory)
        desc = _store_desc(store)
        show_bar = (sys.stderr.isatty() or len(files) >= PROGRESS_MIN_FILES) and len(files) > 1
        if show_bar:
            with click.progressbar(length=len(files), label="loading", file=sys.stderr,
                                   show_pos=True, item_show_func=lambda r: r.path[-40:] if r else None) as bar:
                summary = load_paths(paths, store, force=force, ocr=not no_ocr, files=files, jobs=jobs,
                                     group_size=group, on_file=lambda r: bar.update(1, r))
        else:
            summary = load_paths(paths, store, force=force, ocr=not no_ocr, files=files, jobs=jobs,
                                 group_size=group)
    except KeyboardInterrupt:          # before the first protocol (opening the store)
        summary = LoadSummary(interrupted=True, total=len(files))
    finally:
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
        if store is not None:
            try:
                store.close()
            except Exception:
                pass
    if as_json:
        click.echo(json.dumps({**summary.to_json(), "store": desc}, ensure_ascii=False, indent=2))
    else:
        _print_summary(summary, desc)
    sys.exit(summary.exit_code)


@click.command(epilog="""\b
Examples:
  govgraph stats
  govgraph stats --json
  govgraph stats --neo4j bolt://localhost:7687
""")
@store_options(read_only=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--all", "show_all", is_flag=True, help="Also list labels and types with no entries.")
def stats(store_factory, as_json, show_all):
    """Count nodes and relationships by label and type."""
    store = _open(store_factory)
    try:
        s = store.stats()
        desc = _store_desc(store)
    except GovgraphError as e:
        fail(str(e), 1)
    finally:
        store.close()
    totals = {"nodes": sum(s["nodes"].values()), "relationships": sum(s["edges"].values())}
    if as_json:
        click.echo(json.dumps({"store": desc, **s, "totals": totals}, ensure_ascii=False, indent=2))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in s["nodes"].items() if v or show_all]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in s["edges"].items() if v or show_all]
    click.echo(desc)
    if rows:
        emit_rows(rows, ["kind", "name", "count"])
    click.echo(f"{totals['nodes']} nodes, {totals['relationships']} relationships")


def _parse_params(values: tuple[str, ...]) -> dict:
    params = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r} is not NAME=VALUE", param_hint="--param")
        k, raw = v.split("=", 1)
        k = k.strip()
        if not k.isidentifier():
            raise click.BadParameter(f"{k!r} is not a parameter name", param_hint="--param")
        try:
            params[k] = json.loads(raw)
        except ValueError:
            params[k] = raw
    return params


@click.command(epilog="""\b
Examples:
  govgraph cypher "MATCH (b:Body) RETURN b.name AS body LIMIT 5"
  govgraph cypher "MATCH (p:Person)-[:ATTENDED]->(m:Meeting) WHERE m.date >= \\$since
                   RETURN p.name, count(m) AS meetings ORDER BY meetings DESC" --param since=2024-01-01
  govgraph cypher "MATCH (d:Decision) RETURN d.kind, count(*)" --csv > kinds.csv
  echo "MATCH (n) RETURN count(n)" | govgraph cypher -

\b
Parameters: --param NAME=VALUE, the value read as JSON when it is JSON (year=2024 is a
number, names=["a","b"] a list) and as text otherwise. Values never become query text.
Without --write the store is opened read-only: the database refuses any change.
""")
@click.argument("query")
@click.option("--param", "-p", "param_values", multiple=True, metavar="NAME=VALUE",
              help="A query parameter ($NAME); repeat for more.")
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
@store_options(read_only=True)
@format_option
def cypher(query, param_values, write, store_factory, fmt):
    """Run raw Cypher against the store (read-only unless --write)."""
    if query == "-":
        query = sys.stdin.read()
    if not query.strip():
        raise click.UsageError("the query is empty")
    params = _parse_params(param_values)
    store = _open(store_factory if not write else (lambda: store_factory(read_only=False)))
    try:
        rows = store.query(query, params, write=write)
    except GovgraphError as e:
        fail(str(e), 1)
    finally:
        store.close()
    if not rows:
        if fmt == "json":
            click.echo("[]")
        elif fmt == "table":
            click.echo("(no rows)", err=True)
        return
    emit_rows(rows, fmt=fmt)
