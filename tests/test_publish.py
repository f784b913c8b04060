"""``govgraph publish``: the open-data bundle and its DCAT-AP-SE catalog (catalog.rdf)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from govgraph.cli import main
from govgraph.export.dcat import DataFile, PublishOptions, catalog_graph
from govgraph.export.rdf import ExportStats
from govgraph.export.shacl import load_shapes, validate_graph

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
BASE_URL = "https://kommun.se/opendata/protokoll"




@pytest.fixture(scope="module")
def bundle(seed_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "opendata"
    res = CliRunner().invoke(main, [
        "publish", str(out), "--db", str(seed_db), "--base-url", BASE_URL + "/",
        "--publisher-orgnr", "212000-1967", "--publisher-name", "Exempel kommun",
        "--contact-email", "registrator@kommun.se"])
    assert res.exit_code == 0, res.output
    assert "warning" not in res.output
    return out


@pytest.fixture(scope="module")
def catalog(bundle) -> Graph:
    return Graph().parse(bundle / "catalog.rdf", format="xml")


def test_bundle_has_the_files_and_the_rdf_reads_back(bundle):
    for name in ("graph.ttl", "graph.jsonld", "catalog.rdf", "README.md"):
        assert (bundle / name).is_file() and (bundle / name).stat().st_size > 0, name
    ttl = Graph().parse(bundle / "graph.ttl", format="turtle")
    # resources are in the --base-url's namespace; JSON-LD has the same resources (the
    # serialisers are compared triple by triple in test_rdf.py)
    subjects = {str(s) for s in ttl.subjects()}
    assert any(s.startswith(BASE_URL + "/id/meeting/") for s in subjects)
    doc = json.loads((bundle / "graph.jsonld").read_text("utf-8"))
    assert doc["@context"]["@base"] == BASE_URL + "/id/"
    assert {doc["@context"]["@base"] + n["@id"] for n in doc["@graph"]} == subjects
    readme = (bundle / "README.md").read_text("utf-8")
    assert "Exempel kommun" in readme and "catalog.rdf" in readme and "graph.ttl" in readme


def test_catalog_meets_dcat_ap_se_and_has_no_blank_nodes(catalog):
    report = validate_graph(catalog, load_shapes(("dcat",)))
    assert report.conforms, report.violations
    assert not report.warnings, report.warnings
    assert not any(isinstance(t, BNode) for triple in catalog for t in triple)


def test_catalog_describes_publisher_dataset_and_languages(catalog):
    (cat,) = list(catalog.subjects(RDF.type, DCAT.Catalog))
    (ds,) = list(catalog.subjects(RDF.type, DCAT.Dataset))
    assert str(cat) == BASE_URL + "/catalog" and (cat, DCAT.dataset, ds) in catalog
    publisher = URIRef("http://dataportal.se/organisation/SE2120001967")
    assert catalog.value(ds, DCTERMS.publisher) == publisher == catalog.value(cat, DCTERMS.publisher)
    assert catalog.value(publisher, FOAF.name) == Literal("Exempel kommun")
    for prop in (DCTERMS.title, DCTERMS.description, DCAT.keyword):
        langs = {o.language for o in catalog.objects(ds, prop)}
        assert {"sv", "en"} <= langs, prop
    assert (ds, DCAT.theme, URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")) in catalog
    assert (ds, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/SWE")) in catalog
    assert (ds, DCTERMS.spatial, URIRef("http://publications.europa.eu/resource/authority/country/SWE")) in catalog
    assert (cat, DCTERMS.license, URIRef("http://creativecommons.org/licenses/by/4.0/")) in catalog
    contact = catalog.value(ds, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in catalog
    assert catalog.value(contact, VCARD.hasEmail) == URIRef("mailto:registrator@kommun.se")
    assert str(catalog.value(contact, VCARD.fn)) == "Exempel kommun"


def test_temporal_coverage_is_the_span_of_meeting_dates(catalog, bundle):
    ttl = Graph().parse(bundle / "graph.ttl", format="turtle")
    besluit = Namespace("http://data.vlaanderen.be/ns/besluit#")
    dates = sorted(str(d) for m in ttl.subjects(RDF.type, besluit.Zitting) for d in ttl.objects(m, DCTERMS.date))
    (ds,) = list(catalog.subjects(RDF.type, DCAT.Dataset))
    period = catalog.value(ds, DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in catalog
    assert str(catalog.value(period, DCAT.startDate)) == dates[0]
    assert str(catalog.value(period, DCAT.endDate)) == dates[-1]


def test_one_distribution_per_data_file_with_size_media_type_and_urls(catalog, bundle):
    (ds,) = list(catalog.subjects(RDF.type, DCAT.Dataset))
    dists = list(catalog.objects(ds, DCAT.distribution))
    files = {str(catalog.value(d, DCAT.downloadURL))[len(BASE_URL) + 1:]: d for d in dists}
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
               if p.is_file() and p.name not in ("catalog.rdf", "README.md")}
    assert set(files) == on_disk
    assert {"graph.ttl", "graph.jsonld"} <= on_disk
    for name, d in files.items():
        assert int(catalog.value(d, DCAT.byteSize)) == (bundle / name).stat().st_size
        assert catalog.value(d, DCAT.accessURL) == URIRef(f"{BASE_URL}/{name}")
        media = str(catalog.value(d, DCAT.mediaType))
        assert media.startswith("http://www.iana.org/assignments/media-types/")
        expected = {".ttl": "text/turtle", ".jsonld": "application/ld+json", ".csv": "text/csv"}
        assert media.endswith(expected[Path(name).suffix]), name
        assert catalog.value(d, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")


def test_tables_are_in_the_bundle_when_the_csv_exporter_is_there(bundle):
    try:
        import govgraph.export.tables  # noqa: F401
    except ImportError:
        pytest.skip("govgraph.export.tables is not in this tree")
    csvs = sorted((bundle / "tables").glob("*.csv"))
    assert csvs
    for p in csvs:
        assert p.read_text("utf-8").splitlines()[0]      # a header row


def test_catalog_without_contact_email_is_flagged(seed_db, tmp_path):
    out = tmp_path / "b"
    res = CliRunner().invoke(main, ["publish", str(out), "--db", str(seed_db), "--base-url", BASE_URL])
    assert res.exit_code == 0, res.output
    assert "--contact-email" in res.output
    r = CliRunner().invoke(main, ["validate", str(out / "catalog.rdf")])
    assert r.exit_code == 1 and "vcard:hasEmail" in r.output
    # without an orgnr the publisher still gets an IRI (no blank nodes)
    g = Graph().parse(out / "catalog.rdf", format="xml")
    assert (URIRef(BASE_URL + "/publisher"), RDF.type, FOAF.Agent) in g
    assert not any(isinstance(t, BNode) for triple in g for t in triple)


@pytest.mark.parametrize("args, needle", [
    (["--publisher-orgnr", "12345"], "--publisher-orgnr"),
    (["--contact-email", "not-an-email"], "--contact-email"),
    (["--base-url", "kommun.se/x"], "--base-url"),
    (["--license", "CC-BY"], "--license"),
])
def test_bad_options_give_one_line_errors(seed_db, tmp_path, args, needle):
    res = CliRunner().invoke(main, ["publish", str(tmp_path / "x"), "--db", str(seed_db), *args])
    assert res.exit_code == 1
    assert needle in res.output and "Traceback" not in res.output
    assert not (tmp_path / "x" / "catalog.rdf").exists()


def test_catalog_graph_unit():
    opts = PublishOptions(base_url="https://x.se/data", publisher_orgnr="232100-0164",
                          publisher_name="Region Örebro län", contact_email="a@b.se")
    st = ExportStats(first_date="2020-01-01", last_date="2021-12-31",
                     wikidata={"http://www.wikidata.org/entity/Q104252"})
    g = catalog_graph(opts, [DataFile("graph.ttl", 10, "a", "b"), DataFile("x.csv", 5, "c", "d")], st)
    (ds,) = list(g.subjects(RDF.type, DCAT.Dataset))
    assert g.value(ds, DCTERMS.publisher) == URIRef("http://dataportal.se/organisation/SE2321000164")
    assert (ds, DCTERMS.spatial, URIRef("http://www.wikidata.org/entity/Q104252")) in g
    assert len(list(g.objects(ds, DCAT.distribution))) == 2
    assert validate_graph(g, load_shapes(("dcat",))).conforms
