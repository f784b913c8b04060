"""The embedded store: schema DDL, writes, replace, atomicity, reads, read-only, permissions."""
from __future__ import annotations

import stat

import networkx as nx
import pytest

from govgraph.graph.store import ReadOnlyError, StoreError, open_store, plan_document
from govgraph.graph.store import statements as S
from govgraph.graph.store.ddl import ladybug_ddl, neo4j_ddl
from govgraph.schema import EDGES, NODES


def tiny_graph(doc_id: str, person_name: str = "Anna Andersson", sha: str = "s1",
               path: str = "/p/a.txt", extra_person: str | None = None) -> nx.MultiDiGraph:
    """A small document subgraph in the networkx convention."""
    g = nx.MultiDiGraph()
    g.add_node(doc_id, label="Document", name="a.txt", path=path, sha256=sha, sources=[doc_id])
    g.add_node("body/b", label="Body", name="Beredningen", kind="committee", aliases=["BB"], sources=[doc_id])
    g.add_node("meeting/b/2024-01-01", label="Meeting", title="Beredningen 2024-01-01", date="2024-01-01",
               sources=[doc_id])
    g.add_node("person/anna", label="Person", name=person_name, aliases=["Anna A"], sources=[doc_id])
    g.add_edge("body/b", "meeting/b/2024-01-01", key="h", type="HELD", source=doc_id, item=None,
               span_start=1, span_end=1, quote="Beredningen")
    g.add_edge("person/anna", "meeting/b/2024-01-01", key="a", type="ATTENDED", role="member", present=True,
               source=doc_id, item=None, span_start=3, span_end=3, quote=person_name)
    for node, key, line in (("meeting/b/2024-01-01", "r", 1), ("body/b", "rb", 1), ("person/anna", "ra", 3)):
        g.add_edge(node, doc_id, key=key, type="RECORDED_IN", source=doc_id,
                   span_start=line, span_end=line, quote="x")
    if extra_person:
        g.add_node("person/extra", label="Person", name=extra_person, sources=[doc_id])
        g.add_edge("person/extra", doc_id, key="rx", type="RECORDED_IN", source=doc_id,
                   span_start=4, span_end=4, quote=extra_person)
        g.add_edge("person/extra", "meeting/b/2024-01-01", key="e", type="ATTENDED", role="substitute",
                   present=False, source=doc_id, span_start=4, span_end=4, quote=extra_person)
    return g


def totals(store) -> tuple[int, int]:
    s = store.stats()
    return sum(s["nodes"].values()), sum(s["edges"].values())


@pytest.fixture()
def store(tmp_path):
    with open_store(db=tmp_path / "g.lbdb") as s:
        yield s


def test_ddl_is_generated_from_the_schema():
    ddl = ladybug_ddl()
    assert len(ddl) == len(NODES) + len(EDGES)
    assert "CREATE NODE TABLE IF NOT EXISTS Person(id STRING PRIMARY KEY" in ddl[list(NODES).index("Person")]
    rel = [s for s in ddl if s.startswith("CREATE REL TABLE IF NOT EXISTS APPROVED(")][0]
    for a, b in EDGES["APPROVED"].pairs:
        assert f"FROM {a} TO {b}" in rel
    names = [n for n, _ in neo4j_ddl()]
    assert len(names) == len(set(names))
    assert sum("REQUIRE n.id IS UNIQUE" in t for _, t in neo4j_ddl()) == len(NODES)
    # the named queries filter decisions by kind and order them by date
    assert "FOR (n:Decision) ON (n.kind, n.date)" in dict(neo4j_ddl())["gg_decision_kind_date"]


def test_write_read_roundtrip(store):
    g = tiny_graph("doc/a")
    plan = store.write_document("doc/a", g)
    assert (plan.n_nodes, plan.n_edges) == (4, 5)
    st = store.stats()
    assert st["nodes"]["Person"] == 1 and st["edges"]["ATTENDED"] == 1
    nodes = {nid: (label, props) for nid, label, props in store.iter_nodes()}
    assert nodes["person/anna"][0] == "Person"
    assert nodes["person/anna"][1]["aliases"] == ["Anna A"]
    assert nodes["doc/a"][1]["sources"] == ["doc/a"]          # a document is its own source
    edges = list(store.iter_edges("ATTENDED"))
    assert edges == [("person/anna", "meeting/b/2024-01-01", "ATTENDED",
                      {"role": "member", "present": True, "source": "doc/a", "span_start": 3,
                       "span_end": 3, "quote": "Anna Andersson"})]
    G = store.to_networkx()
    assert G.number_of_nodes() == 4 and G.number_of_edges() == 5
    assert G.nodes["body/b"]["label"] == "Body"
    assert {d["type"] for _, _, d in G.edges(data=True)} == {"HELD", "ATTENDED", "RECORDED_IN"}
    ents = store.entities("Body")
    assert ents[0]["id"] == "body/b" and ents[0]["aliases"] == ["BB"] and ents[0]["sources"] == ["doc/a"]
    # ``sources`` is no column: the body's RECORDED_IN relationship says it
    assert "sources" not in store.query("MATCH (b:Body) RETURN b")[0]["b"]


def test_nodes_without_a_record_of_the_document_get_a_bare_one(store):
    """A node's provenance is its RECORDED_IN relationships: a node the graph does not record
    in the document gets one without item or quote, so that it still says where it is from
    (and goes when the document goes)."""
    g = tiny_graph("doc/a")
    g.add_node("agreement/x", label="Agreement", name="Överenskommelse X")
    plan = store.write_document("doc/a", g)
    assert plan.n_edges == 6
    recs = {(s, d): p for s, d, _t, p in store.iter_edges("RECORDED_IN")}
    assert recs[("agreement/x", "doc/a")] == {"source": "doc/a"}
    assert store.entities("Agreement")[0]["sources"] == ["doc/a"]
    store.delete_document("doc/a")
    assert totals(store) == (0, 0)


def test_a_graph_without_its_document_node_is_refused(store):
    g = nx.MultiDiGraph()
    g.add_node("person/x", label="Person", name="Xena Ek")
    with pytest.raises(StoreError, match="no Document node"):
        store.write_document("doc/a", g)
    assert totals(store) == (0, 0)


def test_rewrite_is_idempotent_and_replace_removes_old_facts(store):
    store.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    before = totals(store)
    store.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    assert totals(store) == before
    # a new version without Bo Berg: his node and edge go, the rest stays
    store.write_document("doc/a", tiny_graph("doc/a", sha="s2"))
    ids = {nid for nid, _, _ in store.iter_nodes("Person")}
    assert ids == {"person/anna"}
    assert store.stats()["edges"]["ATTENDED"] == 1


def test_shared_nodes_union_sources_and_aliases_and_survive_one_delete(store):
    store.write_document("doc/a", tiny_graph("doc/a"))
    g2 = tiny_graph("doc/b", path="/p/b.txt", sha="s2")
    g2.nodes["person/anna"]["aliases"] = ["A. Andersson"]
    store.write_document("doc/b", g2)
    (anna,) = [p for i, _, p in store.iter_nodes("Person") if i == "person/anna"]
    assert set(anna["sources"]) == {"doc/a", "doc/b"}
    assert set(anna["aliases"]) == {"Anna A", "A. Andersson"}
    assert store.stats()["edges"]["ATTENDED"] == 2
    store.delete_document("doc/a")
    (anna,) = [p for i, _, p in store.iter_nodes("Person") if i == "person/anna"]
    assert anna["sources"] == ["doc/b"]
    assert store.stats()["nodes"]["Document"] == 1
    assert store.stats()["edges"]["ATTENDED"] == 1
    assert all(p["source"] == "doc/b" for _, _, _, p in store.iter_edges())
    store.delete_document("doc/b")
    assert totals(store) == (0, 0)


def test_document_status(store):
    assert store.document_status("/p/a.txt", "s1") == ("new", None)
    store.write_document("doc/a", tiny_graph("doc/a"))
    assert store.document_status("/p/a.txt", "s1") == ("unchanged", "doc/a")
    assert store.document_status("/p/a.txt", "s9") == ("changed", "doc/a")
    assert store.document_status("/p/other.txt", "s1") == ("duplicate", "doc/a")
    assert store.document("doc/a")["path"] == "/p/a.txt"


class Boom(RuntimeError):
    pass


def test_failed_write_leaves_nothing(store, monkeypatch):
    store.write_document("doc/a", tiny_graph("doc/a"))
    before = totals(store)
    before_nodes = sorted(store.iter_nodes())
    real = store._execute
    calls = {"n": 0}

    def failing(cypher, params, prepared):
        calls["n"] += 1
        if calls["n"] == 6:          # after the delete and some node writes of the new version
            raise RuntimeError("injected failure")
        return real(cypher, params, prepared)

    monkeypatch.setattr(store, "_execute", failing)
    with pytest.raises(StoreError, match="rolled back"):
        store.write_document("doc/a", tiny_graph("doc/a", person_name="Changed", sha="s2", extra_person="X Y"))
    monkeypatch.setattr(store, "_execute", real)
    assert totals(store) == before
    assert sorted(store.iter_nodes()) == before_nodes
    # a new document failing mid-way leaves none of its nodes
    calls["n"] = 0
    monkeypatch.setattr(store, "_execute", failing)
    with pytest.raises(StoreError):
        store.write_document("doc/new", tiny_graph("doc/new", path="/p/new.txt", sha="s3", extra_person="Q R"))
    monkeypatch.setattr(store, "_execute", real)
    assert totals(store) == before
    assert store.document("doc/new") is None


def test_keyboard_interrupt_mid_write_rolls_back(store, monkeypatch):
    real = store._execute
    calls = {"n": 0}

    def interrupted(cypher, params, prepared):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(cypher, params, prepared)

    monkeypatch.setattr(store, "_execute", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.write_document("doc/a", tiny_graph("doc/a"))
    monkeypatch.setattr(store, "_execute", real)
    assert totals(store) == (0, 0)
    store.write_document("doc/a", tiny_graph("doc/a"))     # the connection is usable again
    assert totals(store) == (4, 5)


def test_schema_violations_are_refused(store):
    g = tiny_graph("doc/a")
    g.add_node("x/1", label="Spaceship")
    with pytest.raises(StoreError, match="Spaceship"):
        store.write_document("doc/a", g)
    g = tiny_graph("doc/a")
    g.add_edge("person/anna", "body/b", type="HELD")
    with pytest.raises(StoreError, match="HELD cannot go from Person to Body"):
        store.write_document("doc/a", g)
    g = tiny_graph("doc/a")
    g.add_edge("person/anna", "nowhere", type="ATTENDED")
    with pytest.raises(StoreError):
        store.write_document("doc/a", g)
    assert totals(store) == (0, 0)


def test_values_are_coerced_to_schema_types(store):
    g = tiny_graph("doc/a")
    g.add_edge("body/b", "meeting/b/2024-01-01", type="HELD", span_start="7", span_end=7.0, quote=42)
    g.nodes["doc/a"]["pages"] = "3"
    g.nodes["doc/a"]["flags"] = "ocr"
    g.nodes["doc/a"]["not_in_schema"] = "dropped"
    store.write_document("doc/a", g)
    doc = store.document("doc/a")
    assert doc["pages"] == 3 and doc["flags"] == ["ocr"] and "not_in_schema" not in doc
    held = sorted(p["span_start"] for _, _, _, p in store.iter_edges("HELD"))
    assert held == [1, 7]


def test_plan_document_adds_provenance_source():
    g = tiny_graph("doc/a")
    g.add_edge("body/b", "meeting/b/2024-01-01", type="HELD")    # no source given
    plan = plan_document("doc/a", g)
    assert all(r["source"] == "doc/a" for rows in plan.edges.values() for r in rows)
    # a node's sources are not a column: they are its RECORDED_IN relationships
    assert all("sources" not in r for rows in plan.nodes.values() for r in rows)
    recorded = {r["src"] for (t, _a, _b), rows in plan.edges.items() if t == "RECORDED_IN" for r in rows}
    assert recorded == {"body/b", "meeting/b/2024-01-01", "person/anna"}


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "g.lbdb"
    with open_store(db=path) as s:
        s.write_document("doc/a", tiny_graph("doc/a"))
    with open_store(db=path, read_only=True) as ro:
        with pytest.raises(ReadOnlyError):
            ro.query("MATCH (n:Person) SET n.name = 'hacked'")
        with pytest.raises(ReadOnlyError):
            ro.query("MATCH (n) DETACH DELETE n", write=True)
        with pytest.raises(ReadOnlyError):
            ro.write_document("doc/b", tiny_graph("doc/b"))
        assert ro.query("MATCH (n:Person) RETURN n.name AS name") == [{"name": "Anna Andersson"}]
    # a read-write handle still refuses writes in query(write=False)
    with open_store(db=path) as rw:
        with pytest.raises(ReadOnlyError):
            rw.query("CREATE (:Body {id: 'x'})")
        assert rw.query("CREATE (:Body {id: 'x'}) RETURN 1 AS one", write=True) == [{"one": 1}]
        assert rw.stats()["nodes"]["Body"] == 2


def test_query_params_and_values(store):
    store.write_document("doc/a", tiny_graph("doc/a"))
    rows = store.query("MATCH (p:Person) WHERE p.name = $n RETURN p", {"n": "Anna Andersson"})
    assert rows[0]["p"]["_label"] == "Person" and rows[0]["p"]["id"] == "person/anna"
    rows = store.query("MATCH (a)-[e:ATTENDED]->(m) RETURN e")
    assert rows[0]["e"]["_type"] == "ATTENDED" and rows[0]["e"]["role"] == "member"
    with pytest.raises(StoreError, match="Cypher error"):
        store.query("MATCH (n RETURN n")


def test_missing_read_only_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no graph store here yet"):
        open_store(db=tmp_path / "nothing.lbdb", read_only=True)


def test_files_are_user_only(tmp_path):
    path = tmp_path / "new" / "deeper" / "g.lbdb"
    with open_store(db=path) as s:
        s.write_document("doc/a", tiny_graph("doc/a"))
        for f in path.parent.iterdir():
            assert stat.S_IMODE(f.stat().st_mode) & 0o077 == 0, f
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    for f in path.parent.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) & 0o077 == 0, f


def test_default_path_from_environment(tmp_path, monkeypatch):
    from govgraph.graph.store import default_db_path
    monkeypatch.setenv("GOVGRAPH_DB", str(tmp_path / "x.lbdb"))
    assert default_db_path() == tmp_path / "x.lbdb"
    monkeypatch.delenv("GOVGRAPH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "govgraph" / "graph.lbdb"
    with open_store() as s:
        assert s.path == tmp_path / "xdg" / "govgraph" / "graph.lbdb"
    assert stat.S_IMODE((tmp_path / "xdg" / "govgraph").stat().st_mode) == 0o700


def test_folder_as_db_path(tmp_path):
    with open_store(db=tmp_path) as s:
        assert s.path == tmp_path / "graph.lbdb"


def test_second_writer_gets_a_clear_error(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "g.lbdb"
    with open_store(db=path):
        code = ("from govgraph.graph.store import open_store, StoreError\n"
                f"try:\n    open_store(db={str(path)!r})\nexcept StoreError as e:\n    print('ERR', e)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "ERR" in out.stdout and "in use by another process" in out.stdout, out.stdout + out.stderr


def test_statements_use_only_schema_names_and_parameters():
    for label in NODES:
        assert "$rows" in S.node_merge(label, S.NEO4J)
    for t, a, b in S.edge_groups():
        text = S.edge_create(t, a, b, S.LADYBUG)
        assert f"(a:{a} {{id: r.src}})" in text and f"[e:{t} " in text and "$keys" in text
        assert f"(a:{a} {{id: r.src}})" in S.edge_create(t, a, b, S.NEO4J)
    with pytest.raises(ValueError):
        S.edge_create("HELD", "Person", "Body", S.LADYBUG)


def test_seed_db_has_the_examples(seed_db):
    with open_store(db=seed_db, read_only=True) as s:
        st = s.stats()
        assert st["nodes"]["Document"] == 5
        assert st["nodes"]["Meeting"] >= 5
        assert st["nodes"]["Person"] > 20
        for _, _, t, props in s.iter_edges():
            assert props["source"].startswith("doc/"), (t, props)


def test_update_split_changes_only_what_a_set_would_change(tmp_path):
    """LadybugDB leaves a seen-again node alone (its new source is a RECORDED_IN), unless a
    value would change (a new non-null value, a new alias)."""
    from govgraph.graph.store.ladybug_store import _changes
    props = S.kept_properties("Person")
    stored = {"id": "p", "name": "Ann Berg", "aliases": ["Ann Berg", "A. Berg"], "party": "S",
              "given_name": "Ann", "family_name": "Berg"}
    assert not _changes({"id": "p", "name": "Ann Berg", "aliases": ["A. Berg"], "party": None}, stored, props)
    assert _changes({"id": "p", "name": "Ann Berg", "aliases": ["Anna Berg"]}, stored, props)
    assert _changes({"id": "p", "party": "V"}, stored, props)
    assert _changes({"id": "p", "name": "Ann Berg"}, {"id": "p", "name": None}, props)
    # end to end: a second document renames the person (a full update), a third changes
    # nothing (no node statement at all) but is one of the person's sources
    with open_store(db=tmp_path / "g.lbdb") as s:
        s.write_document("doc/a", tiny_graph("doc/a"))
        s.write_document("doc/b", tiny_graph("doc/b", person_name="Anna B. Andersson", path="/p/b.txt", sha="s2"))
        s.write_document("doc/c", tiny_graph("doc/c", person_name="Anna B. Andersson", path="/p/c.txt", sha="s3"))
        (anna,) = [a for n, _, a in s.iter_nodes("Person") if n == "person/anna"]
        assert anna["name"] == "Anna B. Andersson" and anna["aliases"] == ["Anna A"]
        assert anna["sources"] == ["doc/a", "doc/b", "doc/c"]
        (body,) = [a for _, _, a in s.iter_nodes("Body")]
        assert body["sources"] == ["doc/a", "doc/b", "doc/c"] and body["aliases"] == ["BB"]
        # a fourth document with nothing new sends no node statement but lookups and creates
        sent: list[str] = []
        real = s._execute

        def spy(cypher, params, prepared):
            sent.append(cypher)
            return real(cypher, params, prepared)

        s._execute = spy
        s.write_document("doc/d", tiny_graph("doc/d", person_name="Anna B. Andersson", path="/p/d.txt", sha="s4"))
        s._execute = real
        writes = [c for c in sent if " SET " in c and ("Person" in c or "Body" in c)]
        assert writes == [] and any("CREATE (n:Document" in c for c in sent)
        assert [a["sources"] for n, _, a in s.iter_nodes("Person")] == [["doc/a", "doc/b", "doc/c", "doc/d"]]


def test_an_older_store_loses_its_sources_column(tmp_path):
    """Stores made before sources became RECORDED_IN relationships had a ``sources`` column;
    opening one for writing drops it (its RECORDED_IN relationships say the same)."""
    import ladybug as lb
    path = tmp_path / "g.lbdb"
    with open_store(db=path) as s:
        s.write_document("doc/a", tiny_graph("doc/a"))
    db = lb.Database(str(path))
    conn = lb.Connection(db)
    conn.execute("ALTER TABLE Person ADD sources STRING[]")
    conn.execute("MATCH (p:Person) SET p.sources = ['doc/a']")
    conn.close()
    db.close()

    def columns() -> set[str]:
        db = lb.Database(str(path), read_only=True)
        conn = lb.Connection(db)
        names = {r[0] for r in conn.execute("CALL table_info('Person') RETURN name").get_all()}
        conn.close()
        db.close()
        return names

    assert "sources" in columns()
    with open_store(db=path) as s:
        assert s.entities("Person")[0]["sources"] == ["doc/a"]
    assert "sources" not in columns()


def test_edge_pairs_are_distinct_ends_without_properties(store):
    store.write_document("doc/a", tiny_graph("doc/a"))
    store.write_document("doc/b", tiny_graph("doc/b", path="/p/b.txt", sha="s2"))
    assert store.stats()["edges"]["ATTENDED"] == 2
    assert store.edge_pairs("ATTENDED") == [("person/anna", "meeting/b/2024-01-01")]
    assert store.edge_pairs("APPROVED") == []
    with pytest.raises(StoreError, match="unknown relationship type"):
        store.edge_pairs("LIKES")


def test_reads_can_stream_row_by_row(store):
    """Exports iterate a store's rows one at a time (``_stream``): the same rows as a read."""
    store.write_document("doc/a", tiny_graph("doc/a", extra_person="Bo Berg"))
    text = S.edge_read("ATTENDED")
    rows = store._stream(text)
    assert next(rows) == store._read(text)[0]
    assert list(rows) == store._read(text)[1:]
    with pytest.raises(StoreError, match="Nope does not exist"):
        list(store._stream("MATCH (n:Nope) RETURN n"))
