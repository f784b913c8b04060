"""Hostile input: names and text with quotes, backslashes and Cypher load as plain data; labels
and types only ever come from the schema; parameters are never spliced into query text; the
``cypher`` command cannot change the store without ``--write``."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.graph.load import load_paths
from govgraph.graph.store import StoreError, open_store
from govgraph.graph.store.neo4j_store import all_statements

INJECTION = "x'}) MATCH (n) DETACH DELETE n RETURN 1 //"
HOSTILE_PROTOCOL = """Protokoll Styrgruppen för O'Brien-projektet "Alfa" \\ }) DETACH DELETE n //

Tid: 12 mars 2024

Plats: Rådhuset, Storgatan 1

Närvarande ledamöter:

Anna O'Brien\tÖrebro kommun
Erik "Bobby" Tables\tRegion Örebro län
Lars Back\\slash\tKumla kommun
Maja `Backtick` Ström\tAskersund

Ordförande: Anna O'Brien
Sekreterare: Lars Back\\slash
Justerare: Maja `Backtick` Ström

§ 1 Mötets öppnande
Ordförande öppnade mötet.

§ 2 Val av justerare
Maja `Backtick` Ström valdes att justera protokollet.

§ 3 Budget 2024'}) MATCH (n) DETACH DELETE n RETURN 1 //
Anna O'Brien föredrog ärendet "budget" \\ ' ".
Styrgruppen beslutade att godkänna budgeten.

§ 4 Mötets avslutande
Ordförande avslutade mötet.
"""


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("GOVGRAPH_DB", raising=False)


def test_hostile_protocol_loads_as_data(tmp_path, examples_dir):
    name = "proto'; DETACH DELETE n \\ \"x\" {id}.txt"
    f = tmp_path / name
    f.write_text(HOSTILE_PROTOCOL, encoding="utf-8")
    with open_store(db=tmp_path / "g.lbdb") as s:
        first = load_paths([examples_dir / "000_ea0e52ac25122770.txt"], s)
        assert first.counts()["loaded"] == 1
        before = s.stats()
        summary = load_paths([f], s)
        assert summary.counts()["loaded"] == 1, summary.files
        docs = {p["name"] for _, _, p in s.iter_nodes("Document")}
        assert name in docs                                   # the file name, byte for byte
        titles = [p.get("title", "") for _, _, p in s.iter_nodes("AgendaItem")]
        assert any(INJECTION[1:] in t for t in titles), titles
        bodies = [p.get("name", "") for _, _, p in s.iter_nodes("Body")]
        assert any('"Alfa"' in b for b in bodies), bodies
        quotes = [p.get("quote", "") for _, _, _, p in s.iter_edges()]
        assert any("\\" in q for q in quotes)
        after = s.stats()
        # nothing of the first protocol was deleted, and the new one added facts
        for label, n in before["nodes"].items():
            assert after["nodes"][label] >= n
        assert sum(after["edges"].values()) > sum(before["edges"].values())
        # the hostile strings are found again through parameters
        rows = s.query("MATCH (d:Document) WHERE d.name = $n RETURN d.id AS id", {"n": name})
        assert len(rows) == 1


@pytest.mark.parametrize("value", [
    "O'Brien", 'Erik "Bobby" Tables', "back\\slash\\", "`tick`", INJECTION,
    "\\'; MATCH (n) SET n.name = 'pwned", "$rows", "{id: 'x'}", "line\nbreak", "ünïcödé ÅÄÖ 🙂",
])
def test_hostile_values_roundtrip_through_the_store(tmp_path, value):
    g = nx.MultiDiGraph()
    g.add_node("doc/a", label="Document", name=value, path=value, sha256=value)
    g.add_node("person/p", label="Person", name=value, aliases=[value, value + "2"])
    g.add_node("meeting/m", label="Meeting", title=value)
    g.add_edge("person/p", "meeting/m", type="ATTENDED", role=value, quote=value, item=value)
    with open_store(db=tmp_path / "g.lbdb") as s:
        s.write_document("doc/a", g)
        s.write_document("doc/a", g)        # and the replace path
        (p,) = [props for _, _, props in s.iter_nodes("Person")]
        assert p["name"] == value and p["aliases"] == [value, value + "2"]
        (e,) = [props for _, _, _, props in s.iter_edges("ATTENDED")]
        assert e["quote"] == value and e["role"] == value and e["item"] == value
        assert s.document_status(value, value) == ("unchanged", "doc/a")
        assert sum(s.stats()["nodes"].values()) == 3


@pytest.mark.parametrize("label", ["Person) DETACH DELETE (n", "Person`", "person", ""])
def test_labels_from_input_are_refused(tmp_path, label):
    g = nx.MultiDiGraph()
    g.add_node("x", label=label, name="x")
    with open_store(db=tmp_path / "g.lbdb") as s:
        with pytest.raises(StoreError):
            s.write_document("doc/a", g)
        with pytest.raises(StoreError):
            list(s.iter_nodes(label))


@pytest.mark.parametrize("rel_type", ["ATTENDED]->() DETACH DELETE (n", "attended", "KNOWS"])
def test_relationship_types_from_input_are_refused(tmp_path, rel_type):
    g = nx.MultiDiGraph()
    g.add_node("person/p", label="Person", name="p")
    g.add_node("meeting/m", label="Meeting", title="m")
    g.add_edge("person/p", "meeting/m", type=rel_type)
    with open_store(db=tmp_path / "g.lbdb") as s:
        with pytest.raises(StoreError):
            s.write_document("doc/a", g)
        assert sum(s.stats()["nodes"].values()) == 0


def test_every_statement_takes_values_only_as_parameters():
    from govgraph.schema import EDGES, NODES
    names = set(NODES) | set(EDGES)
    for name, text, params in all_statements():
        for p in params:
            assert f"${p}" in text, (name, p)
        # no quoted literals at all: every value is a parameter
        assert "'" not in text and '"' not in text, (name, text)
        for word in __import__("re").findall(r":([A-Za-z_]+)", text):
            assert word in names, (name, word)


def test_cypher_params_are_not_spliced(seed_db):
    r = CliRunner().invoke(main, ["cypher", "RETURN $v AS v", "--db", str(seed_db), "--json",
                                  "--param", f"v={INJECTION}"])
    assert r.exit_code == 0
    assert json.loads(r.stdout) == [{"v": INJECTION}]


def test_cypher_without_write_cannot_modify(copy_seed_db):
    db = str(copy_seed_db)
    before = CliRunner().invoke(main, ["stats", "--db", db, "--json"]).stdout
    for q in ["MATCH (n) DETACH DELETE n",
              "MATCH (p:Person) SET p.name = $v",
              "CREATE NODE TABLE Evil(id STRING PRIMARY KEY)",
              "MATCH (n:Person) WITH n LIMIT 1 CREATE (:Person {id: 'evil'})",
              "RETURN 1; MATCH (n) DETACH DELETE n"]:
        r = CliRunner().invoke(main, ["cypher", q, "--db", db, "--param", "v=pwned"])
        assert r.exit_code == 1, (q, r.stdout)
    assert CliRunner().invoke(main, ["stats", "--db", db, "--json"]).stdout == before


def test_param_names_must_be_identifiers(seed_db):
    r = CliRunner().invoke(main, ["cypher", "RETURN 1", "--db", str(seed_db),
                                  "--param", "a b}=1"])
    assert r.exit_code == 2


def test_statement_parameter_lists_are_exact():
    import re
    for name, text, params in all_statements():
        assert sorted(set(re.findall(r"\$([A-Za-z_]\w*)", text))) == sorted(params), name


def test_read_query_on_a_write_handle_cannot_escape_its_transaction(tmp_path):
    from govgraph.graph.store import ReadOnlyError
    from govgraph.graph.store.ladybug_store import split_statements
    with open_store(db=tmp_path / "g.lbdb") as s:
        for q in ["COMMIT; CREATE (:Body {id: 'evil'})", "ROLLBACK; CREATE (:Body {id: 'evil'})",
                  "MATCH (n) RETURN n; CREATE (:Body {id: 'evil'})", "COMMIT", "begin transaction",
                  "CREATE (:Body {id: 'evil'})"]:
            with pytest.raises(ReadOnlyError):
                s.query(q)
        assert s.stats()["nodes"]["Body"] == 0
        # semicolons inside strings and comments are not statement breaks
        assert s.query("RETURN 'a;b' AS x // c;d") == [{"x": "a;b"}]
    assert split_statements("RETURN 'a;\\'b' AS x; /* ; */ RETURN 2") == ["RETURN 'a;\\'b' AS x", "RETURN 2"]
