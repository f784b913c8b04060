"""The ``govgraph`` command line.

Commands are registered lazily (``module:function``) so that ``govgraph --help`` is fast and
one command's heavy imports (rdflib, neo4j, pyvis) never slow down another.
"""
from __future__ import annotations

import importlib
import sys

import click

from .. import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("govgraph.cli.extract_cmd:extract", "Read protocols and print what was extracted (JSON with --json)."),
    "load": ("govgraph.cli.store_cmd:load", "Load protocol files and folders into the graph store."),
    "stats": ("govgraph.cli.store_cmd:stats", "Count nodes and relationships by type."),
    "cypher": ("govgraph.cli.store_cmd:cypher", "Run raw Cypher (read-only unless --write)."),
    "explain-merge": ("govgraph.cli.resolve_cmd:explain_merge", "Say why name variants were merged into one entity."),
    "ask": ("govgraph.cli.query_cmd:ask", "Run a named query: who decided what through which body."),
    "export": ("govgraph.cli.export_cmd:export", "Export the graph: CSV tables or RDF."),
    "validate": ("govgraph.cli.rdf_cmd:validate", "Validate RDF against govgraph's SHACL shapes."),
    "publish": ("govgraph.cli.rdf_cmd:publish", "Write the open-data bundle (RDF, CSV, DCAT-AP-SE)."),
    "viz": ("govgraph.cli.viz_cmd:viz", "Draw the governance network as an offline HTML page."),
    "demo": ("govgraph.cli.demo_cmd:demo", "The main job on the bundled examples: load, ask, viz, RDF."),
}


def resolve(target: str) -> click.Command:
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx, name):
        if name in self.lazy:
            return resolve(self.lazy[name][0])
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy:
                rows.append((name, self.lazy[name][1]))
            else:
                cmd = super().get_command(ctx, name)
                if cmd is not None and not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(limit=80)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


EPILOG = """\b
Examples:
  govgraph demo                                  # load the bundled examples, ask, draw, export
  govgraph extract protokoll.pdf --json          # structured view of one protocol
  govgraph extract protokoll.pdf --explain       # every fact beside its quote
  govgraph load archive/                         # load a folder into the embedded store
  govgraph ask who-decided utskrivning           # who decided what through which body
  govgraph cypher "MATCH (b:Body) RETURN b.name LIMIT 5"
  govgraph viz --focus "Ingmar Ångman" --depth 2 --open
  govgraph export rdf -f turtle -o graph.ttl

\b
Store: the embedded LadybugDB store is the default (--db PATH, or GOVGRAPH_DB);
use Neo4j with --neo4j URI or NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD).
"""


@click.group(cls=LazyGroup, lazy=COMMANDS, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="govgraph")
def main() -> None:
    """govgraph — turn the minutes of Swedish public bodies into a knowledge graph.

    Reads protocols (PDF, DOCX, HTML, TXT, Markdown, ODT, RTF …), extracts who attended,
    who presented what and which body approved, recommended, mandated or funded which
    agreement — every fact with its quote — and stores it as a graph you can query with
    Cypher, look at in a browser and publish as linked open data.
    """


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
