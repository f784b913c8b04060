import csv
import json

import pytest
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.export.tables import COLUMNS, export_tables
from govgraph.graph.build import build_graph
from govgraph.model import Decision, Entity, Item, NameRef, Participant, Protocol, Provenance


def P(line, quote, item=None):
    return Provenance("a.txt", item, line, line, quote)


def protocols() -> list[Protocol]:
    body = "Sociala samrådsgruppen (SocSam)"
    a = Protocol(
        source="a.txt", path="/x/a.txt", body=body, date="2021-10-08", place="Östersund",
        participants=[Participant("Lise Hjemgaard-Svensson", "Krokoms kommun", "member", party="M",
                                  prov=P(3, "Lise Hjemgaard-Svensson (M)")),
                      Participant("Robert Brandt", "Bergs kommun", "other", title="socialchef",
                                  prov=P(4, "Robert Brandt"))],
        items=[Item("48", "Familjehemscentrum", 10, 20, presenters=[NameRef("Robert Brandt", P(11, "Robert"))],
                    decisions=[Decision("recommend", body, "Avtal om gemensamt familjehemscentrum",
                                        prov=P(15, "rekommenderar", "48")),
                               Decision("allocate", body, "Stöd", amount_sek=120000,
                                        prov=P(16, "120 000 kr", "48"))])],
        agreements=[Entity("Avtal om gemensamt familjehemscentrum", "avtal", [], None, [P(12, "avtal")])],
        organizations=[Entity("SKR", "association", [], None, [P(18, "SKR")])])
    b = Protocol(
        source="b.txt", path="/x/b.txt", body="SocSam", date="2021-12-03",
        participants=[Participant("Lise Hjemgaard Svensson", "Krokom", "member", prov=P(2, "Lise")),
                      Participant("Robert Brant", "Berg", "other", prov=P(3, "Robert Brant"))],
        items=[Item("2", "Dagordning", 5, 6, decisions=[Decision("approve", "SocSam", "Dagordning",
                                                                 prov=P(5, "godkändes", "2"))])])
    return [a, b]


def read(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture()
def graph():
    return build_graph(protocols(), loaded_at="2024-01-01T00:00:00+00:00")


def test_tables_have_headers_and_content(graph, tmp_path):
    paths = export_tables(graph, tmp_path)
    assert [p.name for p in paths] == [f"{t}.csv" for t in COLUMNS]
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            assert fh.readline().rstrip("\n").split(",") == COLUMNS[p.stem]
    people = {r["id"]: r for r in read(tmp_path / "people.csv")}
    assert set(people) == {"person/lise-hjemgaard-svensson", "person/robert-brant"}
    rob = people["person/robert-brant"]
    assert rob["name"] == "Robert Brandt" and rob["aliases"] == "Robert Brant"
    assert rob["organizations"] == "Bergs kommun" and rob["posts"] == "socialchef"
    assert people["person/lise-hjemgaard-svensson"]["bodies"] == "Sociala samrådsgruppen"
    assert people["person/lise-hjemgaard-svensson"]["party"] == "M"
    orgs = {r["name"]: r for r in read(tmp_path / "organizations.csv")}
    assert orgs["Krokoms kommun"]["kommunkod"] == "2309"
    assert orgs["Sveriges Kommuner och Regioner"]["aliases"].split("|") == \
        ["SKL", "SKR", "Sveriges Kommuner och Landsting"]
    bodies = read(tmp_path / "bodies.csv")
    assert len(bodies) == 1 and bodies[0]["meetings"] == "2" and "SocSam" in bodies[0]["aliases"]
    meetings = read(tmp_path / "meetings.csv")
    assert [m["date"] for m in meetings] == ["2021-10-08", "2021-12-03"]
    assert all(m["body"] == "Sociala samrådsgruppen" for m in meetings)
    att = read(tmp_path / "attendance.csv")
    assert len(att) == 4 and {a["present"] for a in att} == {"true"}
    items = read(tmp_path / "items.csv")
    assert items[0]["presenters"] == "Robert Brandt" and items[0]["decisions"] == "2"
    dec = read(tmp_path / "decisions.csv")
    assert [d["kind"] for d in dec] == ["recommend", "allocate", "approve"]
    assert dec[0]["concerns"] == "Avtal om gemensamt familjehemscentrum"
    assert dec[0]["body"] == "Sociala samrådsgruppen" and dec[0]["quote"] == "rekommenderar"
    assert dec[1]["amount_sek"] == "120000" and dec[1]["item"] == "48"
    assert dec[0]["source"].startswith("doc/a-")
    agr = read(tmp_path / "agreements.csv")
    assert agr[0]["decisions"] == "1"


def test_export_is_deterministic(graph, tmp_path):
    export_tables(graph, tmp_path / "one")
    export_tables(build_graph(protocols(), loaded_at="other"), tmp_path / "two")
    for t in COLUMNS:
        assert (tmp_path / "one" / f"{t}.csv").read_bytes() == (tmp_path / "two" / f"{t}.csv").read_bytes()


class NodeEdgeStore:
    """A store-like source: only iter_nodes / iter_edges."""

    def __init__(self, G):
        self.G = G

    def iter_nodes(self, label=None):
        for n, a in self.G.nodes(data=True):
            props = {k: v for k, v in a.items() if k != "label" and v is not None}
            yield n, a["label"], props

    def iter_edges(self, rel_type=None):
        for u, v, a in self.G.edges(data=True):
            yield u, v, a["type"], {k: x for k, x in a.items() if k != "type" and x is not None}


def test_a_store_source_gives_the_same_tables(graph, tmp_path):
    export_tables(graph, tmp_path / "nx")
    export_tables(NodeEdgeStore(graph), tmp_path / "store")
    for t in COLUMNS:
        assert (tmp_path / "nx" / f"{t}.csv").read_bytes() == (tmp_path / "store" / f"{t}.csv").read_bytes()


def _store_with(graph, db):
    store_mod = pytest.importorskip("govgraph.graph.store")
    from govgraph.graph.ids import document_id
    store = store_mod.open_store(db=str(db))
    try:
        for p in protocols():
            doc = document_id(p.path, p.source)
            sub = graph.subgraph([n for n, a in graph.nodes(data=True) if doc in (a.get("sources") or [])]).copy()
            for u, v, k, a in list(sub.edges(keys=True, data=True)):
                if a.get("source") != doc:
                    sub.remove_edge(u, v, k)
            store.write_document(doc, sub)
    finally:
        store.close()


def test_cli_export_tables_and_explain_merge_through_the_store(graph, tmp_path):
    db = tmp_path / "g.lbdb"
    _store_with(graph, db)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["export", "tables", str(out), "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    assert {r["file"].rsplit("/", 1)[-1] for r in json.loads(res.output)} == {f"{t}.csv" for t in COLUMNS}
    people = {r["id"]: r for r in read(out / "people.csv")}
    assert people["person/robert-brant"]["aliases"] == "Robert Brant"

    res = CliRunner().invoke(main, ["explain-merge", "Robert Brant", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    info = json.loads(res.output)
    assert info["id"] == "person/robert-brant" and info["name"] == "Robert Brandt"
    assert info["merges"][0]["rule"] == "same-name" and "final dt/t" in info["merges"][0]["evidence"]

    res = CliRunner().invoke(main, ["explain-merge", "SKL", "--db", str(db)])
    assert res.exit_code == 0 and "Sveriges Kommuner och Regioner" in res.output and "agency" in res.output

    res = CliRunner().invoke(main, ["explain-merge", "Robert Brandtt", "--db", str(db)])
    assert res.exit_code == 1
    assert "did you mean" in res.output and "Traceback" not in res.output


def test_cli_export_tables_to_an_unwritable_place_is_one_line(graph, tmp_path):
    db = tmp_path / "g.lbdb"
    _store_with(graph, db)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = CliRunner().invoke(main, ["export", "tables", str(blocker / "sub"), "--db", str(db)])
    assert res.exit_code == 1
    assert "cannot write" in res.output and "Traceback" not in res.output
