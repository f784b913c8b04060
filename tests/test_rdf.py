"""RDF export, SHACL validation and the SPARQL twin of ``who-decided``.

Real behaviour on the five bundled examples (loaded into a store with ``govgraph load``), on
the gold answers (built with ``graph.build`` and written to a store, so that there are
decisions to compare), and on a small hand-made graph for the details of the mapping.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from govgraph.cli import main
from govgraph.export.rdf import (DEFAULT_BASE, RdfMapper, export_rdf, graph_of, iter_triples,
                                 kind_concept, nx_edges, nx_nodes, who_decided)
from govgraph.export.shacl import load_shapes, validate_graph
from govgraph.model import DECISION_KINDS
from govgraph.schema.core import NAMESPACES

BESLUIT = Namespace(NAMESPACES["besluit"])
PROV = Namespace(NAMESPACES["prov"])
OA = Namespace(NAMESPACES["oa"])
DCT = Namespace(NAMESPACES["dct"])
ELI = Namespace(NAMESPACES["eli"])
ORG = Namespace(NAMESPACES["org"])
FOAF = Namespace(NAMESPACES["foaf"])
SKOS = Namespace(NAMESPACES["skos"])
SCHEMA = Namespace(NAMESPACES["schema"])
GG = Namespace(NAMESPACES["gg"])
B = DEFAULT_BASE + "/"


# --------------------------------------------------------------------------- fixtures
# ``seed_db`` (conftest): the five bundled examples loaded into an embedded store.


@pytest.fixture(scope="module")
def seed_ttl(seed_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rdfout") / "graph.ttl"
    res = CliRunner().invoke(main, ["export", "rdf", "--db", str(seed_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="module")
def seed_graph(seed_ttl) -> Graph:
    return Graph().parse(seed_ttl, format="turtle")


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory, gold_dir) -> str:
    """The gold answers built into a graph and written to a store: decisions with bodies."""
    from govgraph.graph import ids
    from govgraph.graph.build import protocol_subgraph
    from govgraph.graph.resolve import Resolver
    from govgraph.graph.store import open_store
    from govgraph.model import Protocol
    db = tmp_path_factory.mktemp("gold") / "gold.lbdb"
    resolver = Resolver()
    with open_store(db=str(db)) as store:
        for f in sorted(gold_dir.glob("0*.json")):
            p = Protocol.from_json(json.loads(f.read_text("utf-8")))
            doc_id = ids.document_id(p.source, p.source)
            store.write_document(doc_id, protocol_subgraph(p, resolver, doc_id,
                                                           loaded_at="2024-01-01T00:00:00+00:00"))
    return str(db)


@pytest.fixture(scope="module")
def gold_graph(gold_db) -> Graph:
    from govgraph.graph.store import open_store
    with open_store(db=gold_db, read_only=True) as store:
        return graph_of(store.iter_nodes(), store.iter_edges())


def small_graph() -> nx.MultiDiGraph:
    """A hand-made graph in the ARCHITECTURE.md convention with one of every kind of fact."""
    G = nx.MultiDiGraph()
    doc = "doc/protokoll-2022-10-28-3f2a9c1e"

    def n(i, label, **p):
        G.add_node(i, label=label, sources=[doc], **p)

    def e(a, b, t, q, line, **p):
        G.add_edge(a, b, key=f"{t}:{a}:{b}:{G.number_of_edges()}", type=t, source=doc,
                   item=p.pop("item", None), span_start=line, span_end=line, quote=q, **p)

    G.add_node(doc, label="Document", name="protokoll.txt", path="/home/x/protokoll.txt",
               sha256="ab" * 32, media_type="text/plain", pages=2, ocr=False, sources=[doc],
               loaded_at="2024-01-01T10:00:00+00:00")
    n("body/chefsgrupp", "Body", name="Chefsgrupp folkhälsa", kind="management_group",
      aliases=["Chefsgruppen"])
    n("organization/region-orebro-lan", "Organization", name="Region Örebro län", kind="region",
      county_code="18", org_number="232100-0164")
    n("organization/askersund", "Organization", name="Askersund", kind="municipality", kommunkod="1882",
      aliases=["Askersunds kommun"])
    m = "meeting/chefsgrupp/2022-10-28"
    n(m, "Meeting", title="Chefsgrupp folkhälsa", body="Chefsgrupp folkhälsa", date="2022-10-28", place="Örebro")
    it = "item/chefsgrupp/2022-10-28/8a"
    n(it, "AgendaItem", number="8a", title='Överenskommelse om "utskrivning"\nrad två', ordinal=9,
      meeting=m, date="2022-10-28")
    d = "decision/chefsgrupp/2022-10-28/8a/1"
    n(d, "Decision", kind="approve", subject="Överenskommelse om utskrivning",
      text="Chefsgruppen godkänner överenskommelsen.", by="Chefsgrupp folkhälsa", reported=False,
      date="2022-10-28", item="8a", meeting=m)
    d2 = "decision/chefsgrupp/2022-10-28/8a/2"
    n(d2, "Decision", kind="recommend", subject="Utbildning", amount_sek=250000, by="Chefsgrupp folkhälsa",
      reported=False, date="2022-10-28", item="8a", meeting=m)
    p, p2, p3 = "person/ingmar-angman", "person/anna-svensson", "person/bo-ek"
    n(p, "Person", name="Ingmar Ångman", aliases=["Ingmar Ångman", "Ingmar"], given_name="Ingmar",
      family_name="Ångman")
    n(p2, "Person", name="Anna Svensson", aliases=[], party="S")
    n(p3, "Person", name="Bo Ek", aliases=[])
    a = "agreement/overenskommelse-om-utskrivning"
    n(a, "Agreement", name="Överenskommelse om utskrivning", kind="överenskommelse", aliases=["ÖK utskrivning"])
    post = "post/omradeschef-psykiatri"
    n(post, "Post", name="områdeschef Psykiatri", of_name="Region Örebro län")
    e("body/chefsgrupp", m, "HELD", "Chefsgrupp folkhälsa", 1)
    e(m, it, "HAS_ITEM", '8a Överenskommelse om "utskrivning"', 20, item="8a")
    e(it, d, "RESULTED_IN", "Chefsgruppen godkänner överenskommelsen.", 22, item="8a")
    e(it, d2, "RESULTED_IN", "250 000 kr", 23, item="8a")
    e("body/chefsgrupp", d, "DECIDED", "Chefsgruppen godkänner överenskommelsen.", 22, item="8a", reported=False)
    e("body/chefsgrupp", d2, "DECIDED", "250 000 kr", 23, item="8a", reported=False)
    e(d, a, "CONCERNS", "överenskommelsen", 22, item="8a")
    e("body/chefsgrupp", a, "APPROVED", "Chefsgruppen godkänner överenskommelsen.", 22, item="8a",
      decision=d, date="2022-10-28")
    e("body/chefsgrupp", a, "RECOMMENDED", "rekommenderar Askersund", 23, item="8a", decision=d2,
      to=["Askersunds kommun", "Okänd kommun"])
    e(p, it, "PRESENTED", "Ingmar Ångman föredrar", 21, item="8a", date="2022-10-28")
    e(p, a, "PRESENTED", "Ingmar Ångman presenterar överenskommelsen", 21, item="8a")
    e(p, m, "ATTENDED", "Ingmar Ångman, områdeschef", 5, role="other", present=True)
    e(p2, m, "ATTENDED", "Anna Svensson (S)", 6, role="member", present=False)
    e(p3, m, "ATTENDED", "Bo Ek (S) tjg för Anna Svensson", 7, role="substitute", present=True,
      serves_for="Anna Svensson")
    e(p2, m, "OFFICER_OF", "Ordförande Anna Svensson", 3, role="chair")
    e(p3, m, "OFFICER_OF", "Sekreterare Bo Ek", 3, role="secretary")
    e(p, m, "OFFICER_OF", "Justerare Ingmar Ångman", 4, role="adjuster")
    e(p2, "body/chefsgrupp", "MEMBER_OF", "Anna Svensson (S)", 6, role="member",
      first_seen="2022-10-28", last_seen="2022-10-28")
    e(p3, "body/chefsgrupp", "MEMBER_OF", "Bo Ek (S)", 7, role="substitute",
      first_seen="2022-10-28", last_seen="2022-10-28")
    e(p, post, "HOLDS", "Ingmar Ångman, områdeschef Psykiatri", 5)
    e(post, "organization/region-orebro-lan", "OF", "områdeschef Psykiatri", 5)
    e("body/chefsgrupp", "organization/region-orebro-lan", "PART_OF", "Chefsgrupp", 1)
    e("organization/askersund", a, "PARTY_TO", "Askersund", 22)
    e("body/chefsgrupp", a, "ALLOCATED", "250 000 kr", 23, decision=d2, amount_sek=250000)
    for node in (m, it, d, d2, p, p2, p3, a, post, "body/chefsgrupp", "organization/region-orebro-lan",
                 "organization/askersund"):
        e(node, doc, "RECORDED_IN", "Chefsgrupp folkhälsa", 1)
    return G


@pytest.fixture(scope="module")
def small() -> Graph:
    G = small_graph()
    return graph_of(nx_nodes(G), nx_edges(G))


def U(node_id: str) -> URIRef:
    return URIRef(B + node_id)


def _no_blank_nodes(g: Graph) -> bool:
    return not any(isinstance(t, BNode) for triple in g for t in triple)


# --------------------------------------------------------------------------- the seeds
def test_turtle_export_of_the_seeds_parses_and_matches_other_formats(seed_db, seed_graph, tmp_path):
    assert len(seed_graph) > 5000
    # the five protocols, their meetings and items are there with readable IRIs
    docs = set(seed_graph.subjects(RDF.type, FOAF.Document))
    assert len(docs) == 5
    meetings = set(seed_graph.subjects(RDF.type, BESLUIT.Zitting))
    assert len(meetings) == 5
    assert all(re.fullmatch(re.escape(B) + r"meeting/[a-z0-9-]+/\d{4}-\d{2}-\d{2}", str(m)) for m in meetings)
    for m in meetings:
        assert list(seed_graph.objects(m, BESLUIT.behandelt))
        (d,) = list(seed_graph.objects(m, DCT.date))
        assert d.datatype == URIRef(NAMESPACES["xsd"] + "date")
    assert _no_blank_nodes(seed_graph)
    # N-Triples says exactly the same (the format is guessed from the suffix)
    out = tmp_path / "g.nt"
    res = CliRunner().invoke(main, ["export", "rdf", "--db", str(seed_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert set(Graph().parse(out, format="nt")) == set(seed_graph)


def test_all_formats_say_the_same(small):
    G = small_graph()
    for fmt, parse_as in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")):
        buf = io.StringIO()
        export_rdf(nx_nodes(G), nx_edges(G), buf, fmt)
        assert set(Graph().parse(data=buf.getvalue(), format=parse_as)) == set(small), fmt


def test_iris_are_identical_across_two_exports(seed_db, seed_graph, tmp_path):
    out = tmp_path / "again.nt"
    res = CliRunner().invoke(main, ["export", "rdf", "--db", str(seed_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    again = Graph().parse(out, format="nt")

    def iris(g):
        return {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert iris(again) == iris(seed_graph)
    assert set(again) == set(seed_graph)


def test_every_decision_and_presenter_is_annotated_with_a_quote_from_the_cleaned_text(
        seed_graph, examples_dir):
    from govgraph.pipeline import extract_file
    texts: dict[URIRef, str] = {}
    for doc in seed_graph.subjects(RDF.type, FOAF.Document):
        name = str(seed_graph.value(doc, DCT.title))
        texts[doc] = extract_file(examples_dir / name).clean.text

    positioned = 0

    def quotes_of(body):
        nonlocal positioned
        out = []
        for ann in seed_graph.subjects(OA.hasBody, body):
            target = seed_graph.value(ann, OA.hasTarget)
            src = seed_graph.value(target, OA.hasSource)
            sels = list(seed_graph.objects(target, OA.hasSelector))
            exact = [str(seed_graph.value(s, OA.exact)) for s in sels
                     if (s, RDF.type, OA.TextQuoteSelector) in seed_graph]
            out += [(src, q) for q in exact]
            for sel in sels:
                if (sel, RDF.type, OA.TextPositionSelector) in seed_graph:
                    a, b = int(seed_graph.value(sel, OA.start)), int(seed_graph.value(sel, OA.end))
                    assert texts[src][a:b] in exact, (body, a, b)   # the offsets cut out the quote
                    positioned += 1
        return out

    presenters = list(seed_graph.subjects(PROV.hadRole, GG.Presenter))
    decisions = list(seed_graph.subjects(RDF.type, BESLUIT.Besluit))
    assert presenters, "the seeds name presenters"
    checked = 0
    for body in presenters + decisions:
        qs = quotes_of(body)
        assert qs, f"{body} has no annotation"
        for src, q in qs:
            assert q and q in texts[src], (body, q)
            checked += 1
    assert checked >= len(presenters) + len(decisions)
    assert positioned >= len(presenters) + len(decisions)     # every one also has its character span
    # the shortcut and the qualified form agree
    for assoc in presenters:
        agent = seed_graph.value(assoc, PROV.agent)
        treatment = seed_graph.value(None, PROV.qualifiedAssociation, assoc)
        assert (treatment, GG.presentedBy, agent) in seed_graph
        assert (treatment, RDF.type, BESLUIT.BehandelingVanAgendapunt) in seed_graph


def _cypher_who_decided(db: str, text: str) -> list[dict]:
    res = CliRunner().invoke(main, ["ask", "who-decided", text, "--json", "--db", db])
    assert res.exit_code in (0, 1), res.output
    if res.exit_code == 1:          # nothing matched (the message goes to stderr)
        return []
    start = res.stdout.index("[")
    return json.loads(res.stdout[start:])


def _rows(rows):
    return {(r["decision"], r["date"], r["body"], r["kind"]) for r in rows}


def test_sparql_who_decided_equals_the_cypher_named_query_on_the_seeds(seed_db, seed_graph):
    found = 0
    for text in ("utskrivning", "överenskommelse", "Folkhälsa", "psykisk"):
        sparql = _rows(who_decided(seed_graph, text))
        assert sparql == _rows(_cypher_who_decided(str(seed_db), text)), text
        found += len(sparql)
    assert found, "the seeds record decisions about these topics"


def test_sparql_who_decided_equals_the_cypher_named_query_on_gold_decisions(gold_db, gold_graph):
    non_empty = 0
    for text in ("utskrivning", "överenskommelse", "strategi", "psykisk", "Justerare", "ÖREBRO"):
        sparql = _rows(who_decided(gold_graph, text))
        cypher = _rows(_cypher_who_decided(gold_db, text))
        assert sparql == cypher, (text, sparql ^ cypher)
        non_empty += bool(sparql)
    assert non_empty >= 3


def test_gold_export_conforms_and_reported_decisions_without_body_only_warn(gold_graph):
    report = validate_graph(gold_graph)
    assert report.conforms, report.violations[:5]
    decisions = set(gold_graph.subjects(RDF.type, BESLUIT.Besluit))
    assert len(decisions) > 50
    for d in decisions:
        (kind,) = list(gold_graph.objects(d, DCT.type))
        assert str(kind).startswith(NAMESPACES["gg"] + "decision-")
        assert list(gold_graph.subjects(PROV.generated, d))
    unknown = [d for d in decisions if gold_graph.value(d, PROV.wasAttributedTo) is None]
    assert all(gold_graph.value(d, GG.reported) == Literal(True) for d in unknown)
    warned = {r.focus for r in report.warnings if r.path == "prov:wasAttributedTo"}
    assert warned == {str(d) for d in unknown}


# --------------------------------------------------------------------------- the mapping
def test_meeting_items_treatments_and_decisions_follow_besluit(small):
    m, it, d = U("meeting/chefsgrupp/2022-10-28"), U("item/chefsgrupp/2022-10-28/8a"), \
        U("decision/chefsgrupp/2022-10-28/8a/1")
    t = URIRef(str(it) + "/treatment")
    assert (m, RDF.type, BESLUIT.Zitting) in small and (m, RDF.type, SCHEMA.Event) in small
    assert (m, BESLUIT.isGehoudenDoor, U("body/chefsgrupp")) in small
    assert (m, PROV.atLocation, Literal("Örebro")) in small
    assert (m, BESLUIT.behandelt, it) in small
    assert (it, GG.number, Literal("8a")) in small
    assert (t, RDF.type, BESLUIT.BehandelingVanAgendapunt) in small and (t, DCT.subject, it) in small
    assert (t, PROV.generated, d) in small
    assert (d, RDF.type, BESLUIT.Besluit) in small
    assert (d, DCT.type, GG["decision-approve"]) in small
    assert (d, PROV.wasAttributedTo, U("body/chefsgrupp")) in small
    assert (d, ELI.description, Literal("Chefsgruppen godkänner överenskommelsen.", lang="sv")) in small
    assert (d, DCT.subject, U("agreement/overenskommelse-om-utskrivning")) in small
    # the literal with quotes and a newline survives
    assert (it, DCT.title, Literal('Överenskommelse om "utskrivning"\nrad två', lang="sv")) in small


def test_money_recommendations_and_shortcut_edges(small):
    d2 = U("decision/chefsgrupp/2022-10-28/8a/2")
    amount = small.value(d2, GG.allocates)
    assert (amount, RDF.type, SCHEMA.MonetaryAmount) in small
    assert small.value(amount, SCHEMA.value).toPython() == 250000
    assert str(small.value(amount, SCHEMA.currency)) == "SEK"
    # recommended to a known organisation (by alias); unknown names are left out
    assert list(small.objects(d2, GG.recommendsTo)) == [U("organization/askersund")]
    body, agr = U("body/chefsgrupp"), U("agreement/overenskommelse-om-utskrivning")
    assert (body, GG.approved, agr) in small and (body, GG.allocated, agr) in small


def test_people_attendance_officers_memberships_and_posts(small):
    m = U("meeting/chefsgrupp/2022-10-28")
    p, p2, p3 = U("person/ingmar-angman"), U("person/anna-svensson"), U("person/bo-ek")
    assert (p, FOAF.name, Literal("Ingmar Ångman")) in small
    assert set(small.objects(p, SKOS.altLabel)) == {Literal("Ingmar")}
    assert (m, BESLUIT.heeftAanwezigeBijStart, p) in small and (m, SCHEMA.attendee, p) in small
    assert (m, GG.absentee, p2) in small and (m, BESLUIT.heeftAanwezigeBijStart, p2) not in small
    assert (p3, GG.servesFor, p2) in small
    assert (m, BESLUIT.heeftVoorzitter, p2) in small
    assert (m, BESLUIT.heeftSecretaris, p3) in small
    assert (m, GG.adjuster, p) in small
    ms = {small.value(x, ORG.member): x for x in small.subjects(RDF.type, ORG.Membership)}
    assert small.value(ms[p3], ORG.role) == GG["role-substitute"]
    assert small.value(ms[p2], ORG.organization) == U("body/chefsgrupp")
    assert (p, ORG.holds, U("post/omradeschef-psykiatri")) in small
    assert (U("post/omradeschef-psykiatri"), ORG.postIn, U("organization/region-orebro-lan")) in small


def test_organisations_bodies_agreements_documents(small):
    region, ask = U("organization/region-orebro-lan"), U("organization/askersund")
    assert (region, RDF.type, BESLUIT.Bestuurseenheid) in small
    assert (region, RDF.type, ORG.FormalOrganization) in small
    ids = {(str(x), str(x.datatype)) for x in small.objects(region, ORG.identifier)}
    assert ids == {("18", NAMESPACES["gg"] + "Lanskod"), ("232100-0164", NAMESPACES["gg"] + "Organisationsnummer")}
    assert (ask, ORG.identifier, Literal("1882", datatype=GG.Kommunkod)) in small
    body = U("body/chefsgrupp")
    assert (body, RDF.type, ORG.OrganizationalCollaboration) in small
    assert (body, ORG.classification, GG["body-management-group"]) in small
    agr = U("agreement/overenskommelse-om-utskrivning")
    assert (agr, RDF.type, ELI.Work) in small and (agr, DCT.type, GG["agreement-overenskommelse"]) in small
    assert (agr, DCT.contributor, ask) in small
    assert (agr, GG.presentedBy, U("person/ingmar-angman")) in small
    doc = U("doc/protokoll-2022-10-28-3f2a9c1e")
    assert (doc, RDF.type, ELI.Manifestation) in small
    assert (doc, DCT["format"], URIRef("http://www.iana.org/assignments/media-types/text/plain")) in small
    assert not any("/home/x" in str(o) for o in small.objects())      # local paths stay local
    run = URIRef(str(doc) + "/extraction")
    agent = small.value(run, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in small


def test_every_fact_has_an_annotation_and_no_blank_nodes(small):
    G = small_graph()
    anns = set(small.subjects(RDF.type, OA.Annotation))
    # one annotation per distinct (fact, span, quote)
    distinct = {(u, d["type"], v, d["span_start"], d["quote"]) for u, v, d in G.edges(data=True)}
    assert len(anns) == len(distinct)
    for a in anns:
        target = small.value(a, OA.hasTarget)
        assert small.value(target, OA.hasSource) == U("doc/protokoll-2022-10-28-3f2a9c1e")
        kinds = {small.value(s, RDF.type) for s in small.objects(target, OA.hasSelector)}
        assert kinds == {OA.TextQuoteSelector, OA.FragmentSelector}
    # the line range of an annotation is RFC 5147 (0-based line positions): line 22 -> "line=21,22"
    d = U("decision/chefsgrupp/2022-10-28/8a/1")
    values = {str(small.value(sel, RDF.value)) for a in small.subjects(OA.hasBody, d)
              for sel in small.objects(small.value(a, OA.hasTarget), OA.hasSelector)
              if small.value(sel, RDF.value) is not None}
    assert "line=21,22" in values
    assert _no_blank_nodes(small)
    assert validate_graph(small).conforms


def test_exporter_streams_one_shot_iterators_and_is_deterministic():
    G = small_graph()
    a, b = io.StringIO(), io.StringIO()
    st = export_rdf(iter(list(nx_nodes(G))), iter(list(nx_edges(G))), a, "nt")
    export_rdf(nx_nodes(G), nx_edges(G), b, "nt")
    assert a.getvalue() == b.getvalue()
    assert st.triples == a.getvalue().count("\n")
    assert st.nodes["Person"] == 3 and st.edges["ATTENDED"] == 3
    assert (st.first_date, st.last_date) == ("2022-10-28", "2022-10-28")
    # a different base only changes the namespace of our resources
    c = io.StringIO()
    export_rdf(nx_nodes(G), nx_edges(G), c, "nt", base="https://kommun.se/data/")
    assert c.getvalue().replace("https://kommun.se/data/", B) == a.getvalue()


def test_kind_concepts_match_the_vocabulary_and_the_shapes():
    vocab = Graph().parse(Path(__file__).parents[1] / "src/govgraph/schema/govgraph.ttl")
    shapes = load_shapes(("graph",))
    in_list = {o for o in shapes.objects() if str(o).startswith(NAMESPACES["gg"] + "decision-")}
    for k in DECISION_KINDS:
        c = URIRef(kind_concept("Decision", "kind", k))
        assert (c, SKOS.inScheme, GG.DecisionKinds) in vocab
        assert str(vocab.value(c, SKOS.notation)) == k
        assert c in in_list
    assert len(in_list) == len(DECISION_KINDS)
    # every gg: term the exporter writes is declared in the vocabulary
    G = small_graph()
    used = {t for tr in iter_triples(nx_nodes(G), nx_edges(G)) for t in (tr[1], tr[2])
            if isinstance(t, str) and t.startswith(NAMESPACES["gg"])}
    declared = set(map(str, vocab.subjects()))
    assert used <= declared, used - declared


def test_shapes_catch_broken_graphs():
    G = small_graph()
    G.nodes["decision/chefsgrupp/2022-10-28/8a/1"]["kind"] = "decide-something"       # not a kind
    G.remove_edges_from([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
                         if d["type"] == "HAS_ITEM"])                                     # meeting w/o items
    G.add_node("decision/x/1", label="Decision", kind="approve", sources=[])            # no body, no item
    g = graph_of(nx_nodes(G), nx_edges(G))
    g.add((BNode(), RDF.type, FOAF.Person))                                               # a blank node
    report = validate_graph(g)
    assert not report.conforms
    got = {(r.focus.rsplit("/", 3)[-1], r.path) for r in report.violations}
    assert any(p == "dct:type" for _, p in got)
    assert any(p == "besluit:behandelt" for _, p in got)
    assert any(p == "^prov:generated" for _, p in got)
    msgs = " ".join(r.message for r in report.violations)
    assert "blank nodes" in msgs and "prov:wasAttributedTo" in msgs


# --------------------------------------------------------------------------- the CLI
def test_seed_export_conforms_to_the_shapes(seed_db, seed_graph):
    r = CliRunner().invoke(main, ["validate", "--db", str(seed_db), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["conforms"] and out["violations"] == 0, out["results"][:5]
    assert out["triples"] == len(seed_graph)


def test_cli_validate_reports_violations_readably(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix besluit: <http://data.vlaanderen.be/ns/besluit#> .\n"
                   "<https://x.org/m/1> a besluit:Zitting .\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(bad)])
    assert r.exit_code == 1
    assert "focus: https://x.org/m/1" in r.output and "besluit:behandelt" in r.output
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(broken)])
    assert r.exit_code == 1 and "broken.ttl" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["validate", str(tmp_path / "missing.ttl")])
    assert r.exit_code == 1 and "no such file" in r.output


def test_cli_export_rdf_to_stdout_and_bad_options(seed_db):
    r = CliRunner().invoke(main, ["export", "rdf", "--db", str(seed_db), "-f", "nt",
                                  "--base-iri", "https://kommun.se/data/govgraph/"])
    assert r.exit_code == 0, r.output
    first = r.stdout.splitlines()[0]
    assert first.startswith("<https://kommun.se/data/govgraph/agent/govgraph/")
    assert Graph().parse(data=r.stdout, format="nt")
    r = CliRunner().invoke(main, ["export", "rdf", "--db", str(seed_db), "--base-iri", "not an iri"])
    assert r.exit_code == 2 and "--base-iri" in r.output


def test_mapper_percent_encodes_ids_that_are_not_iri_safe():
    m = RdfMapper("https://x.org/id")
    assert m.iri("person/ingmar-angman") == "https://x.org/id/person/ingmar-angman"
    assert m.iri("person/a b<c>") == "https://x.org/id/person/a%20b%3Cc%3E"
    assert m.iri("person/Ångman") == "https://x.org/id/person/%C3%85ngman"


def test_decider_known_only_by_name_is_kept_and_found_by_sparql():
    G = small_graph()
    G.add_node("decision/chefsgrupp/2022-10-28/8a/3", label="Decision", kind="note",
               subject="Överenskommelse om utskrivning", by="Regionstyrelsen", reported=False,
               date="2022-10-28", sources=["doc/protokoll-2022-10-28-3f2a9c1e"])
    G.add_edge("item/chefsgrupp/2022-10-28/8a", "decision/chefsgrupp/2022-10-28/8a/3", key="r3",
               type="RESULTED_IN", source="doc/protokoll-2022-10-28-3f2a9c1e", item="8a",
               span_start=24, span_end=24, quote="Regionstyrelsen har noterat")
    g = graph_of(nx_nodes(G), nx_edges(G))
    report = validate_graph(g)
    assert report.conforms, report.violations
    assert any(r.focus.endswith("/8a/3") and r.severity == "Warning" for r in report.results)
    rows = {r["decision"]: r for r in who_decided(g, "utskrivning")}
    assert rows["decision/chefsgrupp/2022-10-28/8a/3"]["body"] == "Regionstyrelsen"
    assert rows["decision/chefsgrupp/2022-10-28/8a/1"]["body"] == "Chefsgrupp folkhälsa"
    assert rows["decision/chefsgrupp/2022-10-28/8a/1"]["kind"] == "approve"


def test_political_bodies_are_bestuursorgaan_and_collaborations_are_not():
    G = nx.MultiDiGraph()
    G.add_node("body/regionstyrelsen", label="Body", name="Regionstyrelsen", kind="board", sources=[])
    G.add_node("body/samverkansradet", label="Body", name="Samverkansrådet", kind="council", sources=[])
    g = graph_of(nx_nodes(G), nx_edges(G))
    rs, sr = U("body/regionstyrelsen"), U("body/samverkansradet")
    assert set(g.objects(rs, RDF.type)) == {BESLUIT.Bestuursorgaan, ORG.Organization}
    assert set(g.objects(sr, RDF.type)) == {ORG.OrganizationalCollaboration, ORG.Organization}
    assert validate_graph(g).conforms


def test_values_that_do_not_fit_their_type_are_left_out_not_fatal():
    G = nx.MultiDiGraph()
    G.add_node("doc/x", label="Document", name="x.txt", pages="many", ocr_confidence=float("nan"),
               sha256="not-a-digest", sources=[])
    G.add_node("decision/x/1", label="Decision", kind="allocate", amount_sek="tio tusen", sources=[])
    g = graph_of(nx_nodes(G), nx_edges(G))
    assert g.value(U("doc/x"), GG.pages) is None and g.value(U("doc/x"), GG.ocrConfidence) is None
    assert g.value(U("decision/x/1"), GG.allocates) is None
    assert g.value(URIRef(B + "doc/x/checksum"), Namespace(NAMESPACES["spdx"]).checksumValue).datatype is None
