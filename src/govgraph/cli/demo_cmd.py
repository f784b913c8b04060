"""``govgraph demo``: the main job on the bundled example protocols.

load → who-decided answers → viz pages → RDF and CSV export, into one output folder, through
the same commands a user runs (so the demo is also a smoke test of the CLI surface).
"""
from __future__ import annotations

import shlex
import sys
from importlib import resources
from pathlib import Path

import click

STEPS_DOC = """\b
Steps (each is an ordinary govgraph command, printed before it runs):
  1. govgraph load <examples> --db OUT/graph.lbdb
  2. govgraph stats; govgraph ask who-decided …; ask funding; ask mandates
  3. govgraph viz -o OUT/network.html; --view bodies -o OUT/bodies.html
  4. govgraph export rdf -f turtle -o OUT/graph.ttl; export tables OUT/tables
"""


def examples_dir() -> Path:
    return Path(str(resources.files("govgraph.examples")))


def run(args: list[str]) -> int:
    """Run one govgraph command in-process and return its exit code."""
    from . import main
    click.echo(click.style("\n$ govgraph " + " ".join(shlex.quote(a) for a in args), fg="cyan", bold=True))
    try:
        main.main(args=args, prog_name="govgraph", standalone_mode=False)
        return 0
    except SystemExit as e:
        return int(e.code or 0)
    except click.ClickException as e:
        e.show()
        return e.exit_code


@click.command(epilog=STEPS_DOC)
@click.option("--out", "out", default="govgraph-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the store, the pages and the exports.")
@click.option("--topic", "topics", multiple=True, default=("utskrivning", "suicidprevention", "NSPH"),
              show_default=True, help="Subjects to ask `who-decided` about (repeatable).")
def demo(out, topics):
    """Run the main job on the bundled example protocols (embedded store).

    Loads the five example protocols, answers "who decided what through which body",
    draws the network as HTML pages and exports RDF and CSV — all into --out.
    """
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    db = str(outdir / "graph.lbdb")
    failures: list[str] = []

    def step(args: list[str], ok=(0,)) -> None:
        code = run(args)
        if code not in ok:
            failures.append(f"govgraph {' '.join(args[:2])} exited {code}")

    step(["load", str(examples_dir()), "--db", db])
    step(["stats", "--db", db])
    for topic in topics:
        step(["ask", "who-decided", topic, "--db", db], ok=(0, 1))   # 1 = nothing matched
    step(["ask", "funding", "--db", db], ok=(0, 1))
    step(["ask", "mandates", "--db", db], ok=(0, 1))
    step(["viz", "--db", db, "-o", str(outdir / "network.html")])
    step(["viz", "--db", db, "--view", "bodies", "-o", str(outdir / "bodies.html")])
    step(["export", "rdf", "--db", db, "-f", "turtle", "-o", str(outdir / "graph.ttl")])
    step(["export", "tables", str(outdir / "tables"), "--db", db])

    click.echo(click.style("\nDemo output in " + str(outdir.resolve()), bold=True))
    for p in sorted(outdir.rglob("*")):
        if p.is_file() and ".lbdb" not in p.name:
            click.echo(f"  {p.relative_to(outdir)}  ({p.stat().st_size:,} bytes)".replace(",", " "))
    if failures:
        click.echo(click.style("Some steps failed: " + "; ".join(failures), fg="red"), err=True)
        sys.exit(1)
    click.echo(f"Open {outdir / 'network.html'} in a browser to look at the governance network.")
