"""``govgraph export rdf``, ``govgraph validate`` and ``govgraph publish``: linked open data."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .common import fail, handle_errors, store_options

_FORMATS = ["turtle", "ttl", "jsonld", "json-ld", "nt", "ntriples", "xml"]
_SUFFIX = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "xml": ".rdf"}


def _base_option(fn):
    return click.option("--base-iri", "base_iri", metavar="IRI", envvar="GOVGRAPH_BASE_IRI",
                        default=None,
                        help="Namespace of the graph's resources: {IRI}/person/ingmar-angman … "
                             "(default: $GOVGRAPH_BASE_IRI or https://w3id.org/govgraph/id).")(fn)


def _check_base(base_iri: str | None) -> str:
    from ..export.rdf import DEFAULT_BASE
    base = base_iri or DEFAULT_BASE
    if not base.startswith(("http://", "https://")) or any(c in base for c in ' <>"{}|\\^`'):
        fail(f"--base-iri {base!r}: give an absolute http(s) IRI, e.g. https://kommun.se/data/govgraph", 2)
    return base.rstrip("/")


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="turtle (default), jsonld, nt (N-Triples) or xml (RDF/XML); guessed from -o's suffix.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output).")
@_base_option
@store_options(read_only=True)
@handle_errors
def rdf(fmt, output, base_iri, store_factory):
    """Export the graph as RDF with standard vocabularies.

    Meetings are besluit:Zitting, items besluit:Agendapunt with their treatment
    (besluit:BehandelingVanAgendapunt), decisions besluit:Besluit (dct:type = the kind,
    prov:wasAttributedTo = the deciding body); bodies and organisations W3C ORG; people
    person:Person; agreements eli:Work. Every fact carries an oa:Annotation pointing at the
    protocol, its lines and the exact quote. IRIs are stable: {base}/person/ingmar-angman.
    Turtle, N-Triples and JSON-LD are streamed (flat memory); RDF/XML is built in memory.

    \b
    Examples:
      govgraph export rdf -o graph.ttl
      govgraph export rdf -f nt -o graph.nt --base-iri https://kommun.se/data/govgraph
      govgraph export rdf -f jsonld > graph.jsonld
      govgraph export rdf --neo4j bolt://localhost:7687 -o graph.ttl
    """
    from ..export.rdf import FORMATS, SUFFIX_FORMAT, export_rdf
    if fmt is None:
        fmt = SUFFIX_FORMAT.get(Path(output).suffix.lower(), "turtle") if output else "turtle"
    fmt = FORMATS[fmt]
    base = _check_base(base_iri)
    with store_factory() as store:
        if output:
            tmp = Path(str(output) + ".part")
            try:
                with open(tmp, "w", encoding="utf-8") as fh:
                    stats = export_rdf(store.iter_nodes(), store.iter_edges(), fh, fmt, base)
                os.replace(tmp, output)
            except OSError as e:
                tmp.unlink(missing_ok=True)
                fail(f"{output}: cannot write ({e.strerror or e})")
            finally:
                tmp.unlink(missing_ok=True)
        else:
            stats = export_rdf(store.iter_nodes(), store.iter_edges(), sys.stdout, fmt, base)
            sys.stdout.flush()
    if stats.triples <= 3:
        click.echo(click.style("note: ", fg="yellow") + "the store is empty: load protocols first, "
                   "e.g. `govgraph load protokoll/`", err=True)
    where = output or "standard output"
    click.echo(f"wrote {stats.triples} triples ({fmt}) to {where}: "
               f"{sum(stats.nodes.values())} nodes, {sum(stats.edges.values())} relationships, "
               f"{stats.annotations} annotations", err=True)


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="Format of FILE (default: from its suffix: .ttl .nt .jsonld .rdf).")
@click.option("--shapes", "shapes", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra SHACL shapes file(s) to apply as well.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--max", "max_shown", default=50, show_default=True, type=int,
              help="Show at most this many results (0 = all).")
@_base_option
@store_options(read_only=True)
@handle_errors
def validate(file, fmt, shapes, as_json, max_shown, base_iri, store_factory):
    """Validate RDF against govgraph's SHACL shapes (exit 1 on violations).

    Without FILE, validates a fresh export of the store. The shapes (modelled on LBLOD's
    besluit-publicatie) require, among others: every meeting treats at least one agenda item
    and has typed dates; every decision has a kind from gg:DecisionKinds, a deciding body and a
    Web Annotation with the quote it was read from; no blank nodes. A DCAT catalog
    (catalog.rdf of `govgraph publish`) is checked for the mandatory DCAT-AP-SE properties.

    \b
    Examples:
      govgraph validate                       # the store
      govgraph validate graph.ttl
      govgraph validate bundle/catalog.rdf
      govgraph validate graph.ttl --json
    """
    from ..export.rdf import FORMATS, graph_of
    from ..export.shacl import load_shapes, read_rdf, validate_graph

    shapes_graph = load_shapes(extra=list(shapes))
    if file:
        data = read_rdf(file, FORMATS[fmt] if fmt else None)
        what = file
    else:
        base = _check_base(base_iri)
        with store_factory() as store:
            data = graph_of(store.iter_nodes(), store.iter_edges(), base)
        what = "the store's export"
    report = validate_graph(data, shapes_graph)
    if as_json:
        click.echo(json.dumps({"conforms": report.conforms, "triples": report.triples,
                               "violations": len(report.violations), "warnings": len(report.warnings),
                               "results": [r.to_json() for r in report.results]},
                              ensure_ascii=False, indent=2))
    else:
        shown = report.results if max_shown <= 0 else report.results[:max_shown]
        for r in shown:
            colour = "red" if r.severity == "Violation" else "yellow"
            click.echo(click.style(f"{r.severity}: ", fg=colour, bold=True) + r.message)
            click.echo(f"    focus: {r.focus}")
            if r.path:
                click.echo(f"    path:  {r.path}")
            if r.value:
                click.echo(f"    value: {r.value}")
        if len(shown) < len(report.results):
            click.echo(f"… {len(report.results) - len(shown)} more (use --max 0 or --json)")
        verdict = (click.style("conforms", fg="green", bold=True) if report.conforms
                   else click.style("does not conform", fg="red", bold=True))
        click.echo(f"{what}: {report.triples} triples, {verdict} "
                   f"({len(report.violations)} violations, {len(report.warnings)} warnings)")
    if not report.conforms:
        sys.exit(1)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--base-url", "base_url", metavar="URL", default="https://example.org/govgraph",
              show_default=True, help="Where the folder will be served; download URLs are {URL}/graph.ttl …")
@click.option("--base-iri", "base_iri", metavar="IRI", default=None,
              help="Namespace of the graph's resources (default: {base-url}/id).")
@click.option("--publisher-orgnr", metavar="NNNNNN-NNNN", default=None,
              help="Publisher's organisationsnummer: publisher IRI http://dataportal.se/organisation/SE<digits>.")
@click.option("--publisher-name", metavar="NAME", default=None, help="Publisher's name (foaf:name).")
@click.option("--contact-email", metavar="EMAIL", default=None,
              help="Contact point e-mail (mandatory in DCAT-AP-SE).")
@click.option("--license", "license_", metavar="IRI", default="http://creativecommons.org/licenses/by/4.0/",
              show_default=True, help="Licence IRI of the data.")
@store_options(read_only=True)
@handle_errors
def publish(directory, base_url, base_iri, publisher_orgnr, publisher_name, contact_email, license_,
            store_factory):
    """Write the open-data bundle for dataportal.se into DIRECTORY.

    graph.ttl and graph.jsonld (the linked data), tables/*.csv, catalog.rdf (DCAT-AP-SE in
    RDF/XML: catalog, dataset in Swedish and English, one distribution per file, no blank
    nodes) and README.md. Serve the folder at --base-url and register {URL}/catalog.rdf
    with dataportal.se for harvesting.

    \b
    Examples:
      govgraph publish opendata/ --base-url https://kommun.se/opendata/protokoll \\
          --publisher-orgnr 212000-1967 --publisher-name "Exempel kommun" \\
          --contact-email registrator@kommun.se
      govgraph validate opendata/catalog.rdf
    """
    from ..export.dcat import PublishOptions, publish_bundle
    from ..export.shacl import load_shapes, validate_graph

    opts = PublishOptions(base_url=base_url, publisher_orgnr=publisher_orgnr,
                          publisher_name=publisher_name, contact_email=contact_email,
                          license=license_, base_iri=_check_base(base_iri) if base_iri else None)
    opts.check()
    tables = _tables_writer()
    with store_factory() as store:
        res = publish_bundle(lambda: (store.iter_nodes(), store.iter_edges()), directory, opts,
                             tables=(lambda folder: tables(store, folder)) if tables else None)
    if not tables:
        click.echo(click.style("note: ", fg="yellow") + "CSV tables are not available in this "
                   "version (govgraph.export.tables); the bundle has RDF only", err=True)
    from ..export.shacl import read_rdf
    report = validate_graph(read_rdf(str(Path(directory) / "catalog.rdf")), load_shapes(("dcat",)))
    for r in report.violations:
        hint = " — give --contact-email" if "hasEmail" in r.path else ""
        click.echo(click.style("warning: ", fg="yellow") + f"catalog.rdf: {r.message} ({r.focus}){hint}",
                   err=True)
    if res.stats and res.stats.triples <= 3:
        click.echo(click.style("note: ", fg="yellow") + "the store is empty: load protocols first", err=True)
    click.echo(f"wrote {directory}: {len(res.files)} data files + catalog.rdf + README.md "
               f"({res.stats.triples if res.stats else 0} triples)")
    for f in res.files:
        click.echo(f"  {f.name}  ({f.size} bytes)")
    if not report.conforms:
        click.echo("catalog.rdf does not yet meet DCAT-AP-SE's mandatory properties (see warnings)", err=True)


def _tables_writer():
    """``export_tables(store, folder)`` of the CSV exporter, or None when it is not installed."""
    try:
        from ..export.tables import export_tables
    except ImportError:
        return None

    def write(store, folder):
        res = export_tables(store, folder)
        paths = _paths(res)
        return paths or sorted(Path(folder).glob("*.csv"))
    return write


def _paths(res) -> list[Path]:
    """Paths from whatever export_tables returns (list of paths, dict name->path, object)."""
    if res is None:
        return []
    if isinstance(res, dict):
        res = list(res.values())
    elif hasattr(res, "files"):
        res = res.files
    try:
        return [Path(p) for p in res if isinstance(p, (str, os.PathLike))]
    except TypeError:
        return []
