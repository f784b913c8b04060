"""The Neo4j store.

Live integration tests (marker ``neo4j``) run the same load / idempotency / replace /
atomicity / read-only / query tests as the embedded store when ``NEO4J_URI`` is set (plus
``NEO4J_USER``/``NEO4J_PASSWORD``); they are skipped otherwise. They DELETE EVERYTHING in the
database: point them at a throwaway server (``docker compose up -d``). A database that already
holds data is only wiped when ``GOVGRAPH_TEST_NEO4J_WIPE=1``.

Without a server, the statement set and the driver plumbing (one write transaction per
document, reads in read transactions) are checked against a recording stand-in driver.
"""
from __future__ import annotations

import os

import pytest

from govgraph.graph.store import ReadOnlyError, StoreError
from govgraph.graph.store import neo4j_store
from govgraph.graph.store import statements as S
from govgraph.schema import NODES

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import tiny_graph  # noqa: E402  (the same small document graph as the embedded tests)

LIVE = os.environ.get("NEO4J_URI")
live = pytest.mark.skipif(not LIVE, reason="NEO4J_URI is not set: start Neo4j (docker compose up -d), "
                                           "export NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD to run these")


# --------------------------------------------------------------------------- statements
def test_all_statements_cover_every_label_type_and_pair():
    stmts = neo4j_store.all_statements()
    names = [n for n, _, _ in stmts]
    assert len(names) == len(set(names))
    text = "\n".join(t for _, t, _ in stmts)
    for label in NODES:
        assert f"MERGE (n:{label} {{id: r.id}})" in text
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text
    for t, a, b in S.edge_groups():
        assert f"create_{t}_{a}_{b}" in names
    assert {"delete_sole_nodes", "delete_doc_edges", "delete_document"} <= set(names)


def test_neo4j_statements_use_neo4j_cypher_only():
    for name, text, _ in neo4j_store.all_statements():
        assert "CAST(" not in text and "list_" not in text and "->" not in text.replace("]->(", ""), name
        assert text.count("(") == text.count(")") and text.count("{") == text.count("}"), name
        assert text.count("[") == text.count("]"), name


# --------------------------------------------------------------------------- plumbing
class _Result(list):
    def consume(self):
        return None


class _Tx:
    def __init__(self, log, mode, fail_on=None):
        self.log, self.mode, self.fail_on = log, mode, fail_on

    def run(self, cypher, params=None):
        self.log.append((self.mode, cypher, dict(params or {})))
        if self.fail_on and self.fail_on in cypher:
            from neo4j.exceptions import ClientError
            raise ClientError._hydrate_neo4j(code="Neo.ClientError.Statement.AccessMode",
                                             message="Writing in read access mode not allowed")
        return _Result()


class _Session:
    def __init__(self, log, mode, fail_on):
        self.log, self.mode, self.fail_on = log, mode, fail_on

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def run(self, cypher, params=None):
        return _Tx(self.log, "auto", None).run(cypher, params)

    def execute_write(self, fn):
        self.log.append(("begin-write", None, None))
        return fn(_Tx(self.log, "write", None))

    def execute_read(self, fn):
        self.log.append(("begin-read", None, None))
        return fn(_Tx(self.log, "read", self.fail_on))


class _Driver:
    def __init__(self):
        self.log, self.fail_on = [], None

    def verify_connectivity(self):
        return None

    def session(self, database=None, default_access_mode=None):
        return _Session(self.log, default_access_mode, self.fail_on)

    def close(self):
        pass


@pytest.fixture()
def recorded(monkeypatch):
    import neo4j
    drv = _Driver()
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", staticmethod(lambda uri, auth=None: drv))
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    store = neo4j_store.Neo4jStore("bolt://example.invalid:7687")
    yield store, drv
    store.close()


def test_open_creates_the_constraints(recorded):
    _, drv = recorded
    ddl = [c for mode, c, _ in drv.log if mode == "auto"]
    assert ddl == [t for _, t in __import__("govgraph.graph.store.ddl", fromlist=["x"]).neo4j_ddl()]


def test_one_write_transaction_per_document_with_batches(recorded):
    store, drv = recorded
    drv.log.clear()
    store.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    begins = [e for e in drv.log if e[0] == "begin-write"]
    assert len(begins) == 1
    sent = [(c, p) for mode, c, p in drv.log if mode == "write"]
    known = {t for _, t, _ in neo4j_store.all_statements()}
    assert all(c in known for c, _ in sent)
    # one MERGE per label, one CREATE per (type, from, to): 2 Person rows in ONE statement
    person = [p for c, p in sent if c == S.node_merge("Person", S.NEO4J)]
    assert len(person) == 1 and len(person[0]["rows"]) == 2
    attended = [p for c, p in sent if c == S.edge_create("ATTENDED", "Person", "Meeting", S.NEO4J)]
    assert len(attended) == 1 and len(attended[0]["rows"]) == 2
    # values only as parameters
    assert all("Bo Berg" not in c for c, _ in sent)


def test_reads_run_in_read_transactions_and_writes_are_refused(recorded):
    store, drv = recorded
    drv.fail_on = "DELETE"
    with pytest.raises(ReadOnlyError, match="--write"):
        store.query("MATCH (n) DETACH DELETE n")
    assert drv.log[-2][0] == "begin-read"
    store.query("MATCH (n) RETURN n", write=False)
    assert drv.log[-2][0] == "begin-read"
    store.query("CREATE (:Body {id: $id})", {"id": "x"}, write=True)
    assert drv.log[-2][0] == "begin-write" and drv.log[-1][2] == {"id": "x"}


def test_credentials_come_from_the_environment(monkeypatch):
    import neo4j
    seen = {}

    def fake(uri, auth=None):
        seen["auth"] = auth
        return _Driver()

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", staticmethod(fake))
    monkeypatch.setenv("NEO4J_USER", "reader")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    neo4j_store.Neo4jStore("bolt://x:7687", read_only=True).close()
    assert seen["auth"] == ("reader", "pw")


def test_unreachable_server_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    with pytest.raises(StoreError, match="cannot reach Neo4j|not a usable Neo4j URI"):
        neo4j_store.Neo4jStore("bolt://127.0.0.1:1")


# --------------------------------------------------------------------------- live server
@pytest.fixture()
def neo(monkeypatch):
    from govgraph.graph.store import open_store
    store = open_store(neo4j_uri=LIVE)
    n = store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]
    if n and os.environ.get("GOVGRAPH_TEST_NEO4J_WIPE") != "1":
        store.close()
        pytest.skip("the Neo4j database is not empty; set GOVGRAPH_TEST_NEO4J_WIPE=1 to let the tests wipe it")
    store.query("MATCH (n) DETACH DELETE n", write=True)
    yield store
    store.query("MATCH (n) DETACH DELETE n", write=True)
    store.close()


def totals(store):
    s = store.stats()
    return sum(s["nodes"].values()), sum(s["edges"].values())


@pytest.mark.neo4j
@live
def test_live_write_replace_delete(neo):
    neo.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    first = totals(neo)
    neo.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    assert totals(neo) == first
    assert neo.document_status("/p/a.txt", "s1") == ("unchanged", "doc/a")
    neo.write_document("doc/a", tiny_graph("doc/a", sha="s2"))
    assert {i for i, _, _ in neo.iter_nodes("Person")} == {"person/anna"}
    g2 = tiny_graph("doc/b", path="/p/b.txt", sha="s3")
    g2.nodes["person/anna"]["aliases"] = ["A. Andersson"]
    neo.write_document("doc/b", g2)
    (anna,) = [p for _, _, p in neo.iter_nodes("Person")]
    assert set(anna["sources"]) == {"doc/a", "doc/b"} and set(anna["aliases"]) == {"Anna A", "A. Andersson"}
    neo.delete_document("doc/a")
    neo.delete_document("doc/b")
    assert totals(neo) == (0, 0)


@pytest.mark.neo4j
@live
def test_live_failed_write_leaves_nothing(neo, monkeypatch):
    neo.write_document("doc/a", tiny_graph("doc/a"))
    before = totals(neo)
    real = neo._write_nodes
    calls = {"n": 0}

    def failing(run, label, rows):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("injected failure")
        return real(run, label, rows)

    monkeypatch.setattr(neo, "_write_nodes", failing)
    with pytest.raises(RuntimeError):
        neo.write_document("doc/a", tiny_graph("doc/a", person_name="Changed", sha="s2", extra_person="X Y"))
    assert totals(neo) == before
    assert [p["name"] for _, _, p in neo.iter_nodes("Person")] == ["Anna Andersson"]


@pytest.mark.neo4j
@live
def test_live_read_only_query_and_params(neo):
    neo.write_document("doc/a", tiny_graph("doc/a"))
    with pytest.raises(ReadOnlyError):
        neo.query("MATCH (n) DETACH DELETE n")
    assert neo.query("MATCH (p:Person) WHERE p.name = $n RETURN p.id AS id", {"n": "Anna Andersson"}) == \
        [{"id": "person/anna"}]
    value = "x'}) MATCH (n) DETACH DELETE n //"
    g = tiny_graph("doc/h", person_name=value, path="/p/h.txt", sha="h")
    neo.write_document("doc/h", g)
    assert value in {p["name"] for _, _, p in neo.iter_nodes("Person")}
    assert totals(neo)[0] >= 4


@pytest.mark.neo4j
@live
def test_live_load_examples_is_idempotent_and_matches_embedded(neo, examples_dir, seed_db):
    from govgraph.graph.load import load_paths
    from govgraph.graph.store import open_store
    s1 = load_paths([examples_dir], neo)
    assert s1.counts()["loaded"] == 5
    st = neo.stats()
    s2 = load_paths([examples_dir], neo)
    assert s2.counts()["unchanged"] == 5 and neo.stats() == st
    with open_store(db=seed_db, read_only=True) as emb:
        assert emb.stats() == st               # same graph on both stores
    g = neo.to_networkx()
    assert g.number_of_nodes() == sum(st["nodes"].values())
