"""``govgraph export``: a group of exporters (``tables``, ``rdf``)."""
from __future__ import annotations

import click

from . import LazyGroup

EXPORTERS = {
    "tables": ("govgraph.cli.tables_cmd:tables", "CSV tables (people, bodies, decisions …) for analysts and portals."),
    "rdf": ("govgraph.cli.rdf_cmd:rdf", "RDF (Turtle, JSON-LD, N-Triples, RDF/XML) with standard vocabularies."),
}


@click.group(cls=LazyGroup, lazy=EXPORTERS)
def export() -> None:
    """Export the graph as CSV tables or linked data (RDF)."""
