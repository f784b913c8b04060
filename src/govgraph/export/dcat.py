"""The open-data bundle (``govgraph publish``) and its DCAT-AP-SE description.

``publish_bundle`` writes ``graph.ttl``, ``graph.jsonld``, the CSV tables, ``catalog.rdf``
(DCAT-AP-SE in RDF/XML, as dataportal.se harvests it) and ``README.md`` into one folder.
``catalog_graph`` builds the catalog: a dcat:Catalog with one dcat:Dataset and one
dcat:Distribution per data file, titles/descriptions/keywords in Swedish and English, publisher
``http://dataportal.se/organisation/SE<orgnr digits>``, licence, temporal and spatial coverage,
EU data theme GOVE, contact point — every resource with an IRI (no blank nodes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from .. import __version__
from ..model import GovgraphError
from .rdf import EdgeRow, ExportStats, NodeRow, RdfMapper, iter_triples, write_jsonld, write_turtle

CC_BY_4 = "http://creativecommons.org/licenses/by/4.0/"
EU = "http://publications.europa.eu/resource/authority/"
THEME_GOVE = EU + "data-theme/GOVE"
LANG_SWE = EU + "language/SWE"
COUNTRY_SWE = EU + "country/SWE"
ACCESS_PUBLIC = EU + "access-right/PUBLIC"
FREQ_IRREGULAR = EU + "frequency/IRREG"
IANA = "http://www.iana.org/assignments/media-types/"
DATAPORTAL_ORG = "http://dataportal.se/organisation/SE"

# file suffix -> (IANA media type, EU file-type code)
FILE_TYPES = {
    ".ttl": ("text/turtle", "RDF_TURTLE"),
    ".jsonld": ("application/ld+json", "JSON_LD"),
    ".nt": ("application/n-triples", "RDF_N_TRIPLES"),
    ".rdf": ("application/rdf+xml", "RDF_XML"),
    ".csv": ("text/csv", "CSV"),
    ".json": ("application/json", "JSON"),
    ".md": ("text/markdown", "TXT"),
}

# Swedish titles of the CSV tables (export/tables.py); other tables keep their file name
TABLE_NAMES_SV = {"agreements": "överenskommelser och styrdokument", "attendance": "närvaro",
                  "bodies": "organ", "decisions": "beslut", "items": "ärenden", "meetings": "möten",
                  "organizations": "organisationer", "people": "personer", "posts": "uppdrag",
                  "memberships": "medlemskap", "presenters": "föredragande", "edges": "relationer",
                  "documents": "protokoll"}

_ORGNR = re.compile(r"^\d{6}-?\d{4}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class PublishOptions:
    """What the publisher says about the dataset (CLI options of ``govgraph publish``)."""
    base_url: str = "https://example.org/govgraph"
    publisher_orgnr: str | None = None        # NNNNNN-NNNN
    publisher_name: str | None = None
    contact_email: str | None = None
    license: str = CC_BY_4
    base_iri: str | None = None               # IRIs of graph resources; default {base_url}/id
    title_sv: str = "Beslut och aktörer i protokoll från offentliga organ"
    title_en: str = "Decisions and actors in minutes of Swedish public bodies"
    description_sv: str = ("Kunskapsgraf ur sammanträdesprotokoll: möten, ärenden, beslut (vem som "
                           "beslutade vad genom vilket organ), föredragande, närvarande, organ, "
                           "organisationer och överenskommelser — varje uppgift med källa "
                           "(protokoll, paragraf, rader och citat). Länkade data (LBLOD besluit, "
                           "W3C ORG, PROV-O, Web Annotation, ELI) och CSV-tabeller.")
    description_en: str = ("Knowledge graph from meeting minutes: meetings, agenda items, decisions "
                           "(who decided what through which body), presenters, attendance, bodies, "
                           "organisations and agreements — every fact with its source (protocol, "
                           "item, lines and quote). Linked data (LBLOD besluit, W3C ORG, PROV-O, "
                           "Web Annotation, ELI) and CSV tables.")
    keywords_sv: tuple[str, ...] = ("protokoll", "beslut", "sammanträde", "nämnd", "samverkan",
                                    "kommun", "region", "öppna data", "länkade data")
    keywords_en: tuple[str, ...] = ("minutes", "decisions", "meetings", "public bodies",
                                    "collaboration", "municipality", "region", "open data",
                                    "linked data")

    def check(self) -> None:
        """Raise GovgraphError naming the bad option."""
        if not re.match(r"^https?://[^\s/]+", self.base_url or ""):
            raise GovgraphError(f"--base-url {self.base_url!r}: give an absolute http(s) URL, "
                                "e.g. https://kommun.se/opendata/govgraph")
        if self.publisher_orgnr and not _ORGNR.match(self.publisher_orgnr.strip()):
            raise GovgraphError(f"--publisher-orgnr {self.publisher_orgnr!r}: expected NNNNNN-NNNN "
                                "(organisationsnummer, e.g. 212000-1967)")
        if self.contact_email and not _EMAIL.match(self.contact_email.strip()):
            raise GovgraphError(f"--contact-email {self.contact_email!r}: not an e-mail address")
        if not re.match(r"^https?://\S+$", self.license or ""):
            raise GovgraphError(f"--license {self.license!r}: give the licence's IRI, e.g. {CC_BY_4}")

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    @property
    def publisher_iri(self) -> str:
        if self.publisher_orgnr:
            return DATAPORTAL_ORG + re.sub(r"\D", "", self.publisher_orgnr)
        return f"{self.base}/publisher"


@dataclass
class DataFile:
    """One file of the bundle, described as a dcat:Distribution."""
    name: str            # path relative to the bundle folder, "/" separated
    size: int
    title_sv: str
    title_en: str

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


@dataclass
class PublishResult:
    out_dir: Path
    files: list[DataFile] = field(default_factory=list)
    stats: ExportStats | None = None
    tables: bool = False


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")


def catalog_graph(opts: PublishOptions, files: Iterable[DataFile], stats: ExportStats | None,
                  issued: date | None = None):
    """The DCAT-AP-SE description of the bundle as an rdflib Graph (no blank nodes)."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

    VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
    ADMS = Namespace("http://www.w3.org/ns/adms#")
    g = Graph()
    for p, ns in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD),
                  ("xsd", XSD), ("adms", ADMS)):
        g.bind(p, ns)
    base = opts.base
    today = (issued or datetime.now(timezone.utc).date()).isoformat()
    catalog, dataset = URIRef(f"{base}/catalog"), URIRef(f"{base}/dataset")
    publisher, contact = URIRef(opts.publisher_iri), URIRef(f"{base}/contact")
    license_ = URIRef(opts.license)
    sv = lambda t: Literal(t, lang="sv")  # noqa: E731
    en = lambda t: Literal(t, lang="en")  # noqa: E731

    # publisher and contact point
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(opts.publisher_name or "govgraph publisher")))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(opts.publisher_name or "govgraph publisher")))
    email = (opts.contact_email or "").strip()
    if email:
        g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))

    # catalog
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, sv(f"Katalog: {opts.title_sv}")))
    g.add((catalog, DCTERMS.title, en(f"Catalogue: {opts.title_en}")))
    g.add((catalog, DCTERMS.description, sv("Öppna data ur sammanträdesprotokoll, publicerade med govgraph.")))
    g.add((catalog, DCTERMS.description, en("Open data from meeting minutes, published with govgraph.")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.license, license_))
    g.add((catalog, DCTERMS.language, URIRef(LANG_SWE)))
    g.add((catalog, FOAF.homepage, URIRef(f"{base}/")))
    g.add((catalog, DCTERMS.modified, Literal(today, datatype=XSD.date)))
    g.add((catalog, DCAT.dataset, dataset))

    # dataset
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, sv(opts.title_sv)))
    g.add((dataset, DCTERMS.title, en(opts.title_en)))
    g.add((dataset, DCTERMS.description, sv(opts.description_sv)))
    g.add((dataset, DCTERMS.description, en(opts.description_en)))
    for k in opts.keywords_sv:
        g.add((dataset, DCAT.keyword, sv(k)))
    for k in opts.keywords_en:
        g.add((dataset, DCAT.keyword, en(k)))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCAT.contactPoint, contact))
    g.add((dataset, DCAT.theme, URIRef(THEME_GOVE)))
    g.add((dataset, DCTERMS.language, URIRef(LANG_SWE)))
    g.add((dataset, DCTERMS.accessRights, URIRef(ACCESS_PUBLIC)))
    g.add((dataset, DCTERMS.accrualPeriodicity, URIRef(FREQ_IRREGULAR)))
    g.add((dataset, DCTERMS.issued, Literal(today, datatype=XSD.date)))
    g.add((dataset, DCTERMS.modified, Literal(today, datatype=XSD.date)))
    g.add((dataset, DCAT.landingPage, URIRef(f"{base}/README.md")))
    g.add((dataset, FOAF.page, URIRef(f"{base}/README.md")))
    g.add((dataset, DCTERMS.conformsTo, URIRef("https://w3id.org/govgraph/ns")))
    g.add((dataset, DCTERMS.spatial, URIRef(COUNTRY_SWE)))
    if stats is not None:
        for q in sorted(stats.wikidata):
            g.add((dataset, DCTERMS.spatial, URIRef(q)))
        if stats.first_date and stats.last_date:
            period = URIRef(f"{base}/dataset/period")
            g.add((dataset, DCTERMS.temporal, period))
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            g.add((period, DCAT.startDate, Literal(stats.first_date, datatype=XSD.date)))
            g.add((period, DCAT.endDate, Literal(stats.last_date, datatype=XSD.date)))

    # one distribution per data file
    for f in files:
        media, code = FILE_TYPES.get(f.suffix, ("application/octet-stream", "BIN"))
        d = URIRef(f"{base}/distribution/{_slug(f.name)}")
        url = URIRef(f"{base}/{f.name}")
        g.add((dataset, DCAT.distribution, d))
        g.add((d, RDF.type, DCAT.Distribution))
        g.add((d, DCTERMS.title, sv(f.title_sv)))
        g.add((d, DCTERMS.title, en(f.title_en)))
        g.add((d, DCAT.accessURL, url))
        g.add((d, DCAT.downloadURL, url))
        g.add((d, DCAT.mediaType, URIRef(IANA + media)))
        g.add((d, DCTERMS["format"], URIRef(EU + "file-type/" + code)))
        g.add((d, DCAT.byteSize, Literal(str(f.size), datatype=XSD.nonNegativeInteger)))
        g.add((d, DCTERMS.license, license_))
        g.add((d, DCTERMS.issued, Literal(today, datatype=XSD.date)))
        g.add((d, ADMS.status, URIRef(EU + "distribution-status/COMPLETED")))
    return g


def _readme(opts: PublishOptions, files: list[DataFile], stats: ExportStats | None) -> str:
    period = (f"{stats.first_date} – {stats.last_date}" if stats and stats.first_date else "okänd / unknown")
    counts = ""
    if stats:
        counts = "\n".join(f"| {k} | {v} |" for k, v in sorted(stats.nodes.items()))
    rows = "\n".join(f"| [`{f.name}`]({f.name}) | {f.title_sv} / {f.title_en} | {f.size} |" for f in files)
    return f"""# {opts.title_sv}

*{opts.title_en}*

{opts.description_sv}

{opts.description_en}

- Utgivare / publisher: {opts.publisher_name or '—'} ({opts.publisher_iri})
- Kontakt / contact: {opts.contact_email or '—'}
- Licens / licence: <{opts.license}>
- Period: {period}
- Katalog (DCAT-AP-SE, RDF/XML): [`catalog.rdf`](catalog.rdf)
- Skapad med / made with govgraph {__version__}

## Filer / files

| fil / file | innehåll / content | byte |
|---|---|---|
{rows}

## Innehåll / content

| label | n |
|---|---|
{counts}

## Länkade data / linked data

`graph.ttl` and `graph.jsonld` use LBLOD besluit (`besluit:Zitting`, `besluit:Agendapunt`,
`besluit:BehandelingVanAgendapunt`, `besluit:Besluit`), W3C ORG, PROV-O, W3C Web Annotation
(every fact links to the protocol, its lines and the exact quote), ELI, FOAF and SKOS, plus
govgraph's own terms (`gg:`, https://w3id.org/govgraph/ns#) where no standard term exists.
Check a copy with `govgraph validate graph.ttl`. Resource IRIs start with `{opts.base_iri or opts.base + '/id'}/`.
"""


def publish_bundle(rows: Callable[[], tuple[Iterable[NodeRow], Iterable[EdgeRow]]], out_dir: str | Path,
                   opts: PublishOptions, tables: Callable[[Path], Iterable[Path]] | None = None,
                   issued: date | None = None) -> PublishResult:
    """Write the bundle into ``out_dir``.

    ``rows()`` gives fresh (nodes, edges) streams (called once per RDF serialisation);
    ``tables(folder)`` writes the CSV tables into ``folder`` and returns their paths.
    """
    opts.check()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GovgraphError(f"{out}: cannot create the folder ({e.strerror})") from None
    base_iri = opts.base_iri or f"{opts.base}/id"
    result = PublishResult(out)

    mapper = RdfMapper(base_iri)
    nodes, edges = rows()
    with open(out / "graph.ttl", "w", encoding="utf-8") as fh:
        mapper.stats.triples = write_turtle(iter_triples(nodes, edges, base_iri, mapper), fh, base_iri)
    result.stats = mapper.stats
    nodes, edges = rows()
    with open(out / "graph.jsonld", "w", encoding="utf-8") as fh:
        write_jsonld(iter_triples(nodes, edges, base_iri), fh, base_iri)
    files = [DataFile("graph.ttl", 0, "Kunskapsgrafen (Turtle)", "The knowledge graph (Turtle)"),
             DataFile("graph.jsonld", 0, "Kunskapsgrafen (JSON-LD)", "The knowledge graph (JSON-LD)")]
    if tables is not None:
        table_dir = out / "tables"
        table_dir.mkdir(exist_ok=True)
        for p in sorted(Path(x) for x in tables(table_dir) or ()):
            rel = p.resolve().relative_to(out.resolve()).as_posix()
            stem = p.stem.replace("_", " ")
            files.append(DataFile(rel, 0, f"Tabell: {TABLE_NAMES_SV.get(p.stem, stem)} (CSV)",
                                  f"Table: {stem} (CSV)"))
        result.tables = True
    for f in files:
        f.size = (out / f.name).stat().st_size
    result.files = files
    g = catalog_graph(opts, files, result.stats, issued)
    (out / "catalog.rdf").write_text(g.serialize(format="pretty-xml"), encoding="utf-8")
    (out / "README.md").write_text(_readme(opts, files, result.stats), encoding="utf-8")
    return result
