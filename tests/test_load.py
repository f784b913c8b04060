"""``govgraph load`` / ``stats`` / ``cypher`` end to end on the bundled examples and small files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.graph.load import expand_paths, load_paths
from govgraph.graph.store import open_store

EXAMPLE = "000_ea0e52ac25122770.txt"
PROSE = ("Kanelbullar\n\nRör ner jästen i degvätskan. Tillsätt socker, salt och mjöl. "
         "Arbeta degen smidig och låt den jäsa under bakduk i trettio minuter.\n"
         "Kavla ut degen, bred på fyllningen och rulla ihop. Skär i bitar och grädda mitt i ugnen.\n") * 3


@pytest.fixture(autouse=True)
def _no_neo4j(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("GOVGRAPH_DB", raising=False)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def load_json(*args: str):
    r = run("load", *args, "--json")
    return r.exit_code, json.loads(r.stdout)


def test_reload_is_a_noop_and_forced_rewrite_keeps_counts(copy_seed_db, examples_dir):
    db = str(copy_seed_db)
    stats1 = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats1["nodes"]["Document"] == 5
    assert stats1["totals"]["relationships"] == sum(stats1["edges"].values())
    code, out = load_json(str(examples_dir), "--db", db)
    assert code == 0 and out["counts"]["unchanged"] == 5 and out["counts"]["loaded"] == 0
    assert json.loads(run("stats", "--db", db, "--json").stdout) == stats1
    # re-extracting and re-writing a real protocol (shared people, bodies) changes nothing
    code, out = load_json(str(examples_dir / "003_b4727e71dbacc0df.txt"), "--db", db, "--force")
    assert code == 0 and out["counts"]["replaced"] == 1
    assert json.loads(run("stats", "--db", db, "--json").stdout) == stats1


def test_fresh_load_human_summary(tmp_path, examples_dir):
    db = str(tmp_path / "g.lbdb")
    r = run("load", str(examples_dir / EXAMPLE), "--db", db)
    assert r.exit_code == 0
    assert EXAMPLE in r.stdout and "1 loaded" in r.stdout and "0 failed" in r.stdout


def test_changed_file_replaces_its_old_facts(tmp_path, examples_dir):
    db = str(tmp_path / "g.lbdb")
    f = tmp_path / "in" / "protokoll.txt"
    f.parent.mkdir()
    text = (examples_dir / EXAMPLE).read_text(encoding="utf-8")
    assert "Siv Ahlstrand" in text
    f.write_text(text, encoding="utf-8")
    assert load_json(str(f), "--db", db)[1]["counts"]["loaded"] == 1
    with open_store(db=db, read_only=True) as s:
        names = {p["name"] for _, _, p in s.iter_nodes("Person")}
        edges_before = sum(s.stats()["edges"].values())
    assert "Siv Ahlstrand" in names
    f.write_text(text.replace("Siv Ahlstrand", "Sigrid Provsson"), encoding="utf-8")
    code, out = load_json(str(f), "--db", db)
    assert code == 0 and out["counts"]["replaced"] == 1
    with open_store(db=db, read_only=True) as s:
        names = {p["name"] for _, _, p in s.iter_nodes("Person")}
        assert s.stats()["nodes"]["Document"] == 1
        assert sum(s.stats()["edges"].values()) == edges_before
        quotes = [p.get("quote", "") for _, _, _, p in s.iter_edges()]
    assert "Sigrid Provsson" in names and "Siv Ahlstrand" not in names
    assert not any("Siv Ahlstrand" in q for q in quotes)


def test_duplicate_content_is_not_loaded_twice(tmp_path, examples_dir):
    db = str(tmp_path / "g.lbdb")
    a = tmp_path / "a" / "original.txt"
    b = tmp_path / "b" / "kopia.txt"
    for p in (a, b):
        p.parent.mkdir()
        shutil.copy(examples_dir / EXAMPLE, p)
    code, out = load_json(str(a), str(b), "--db", db)
    assert code == 0
    assert out["counts"]["loaded"] == 1 and out["counts"]["duplicate"] == 1
    dup = [f for f in out["files"] if f["status"] == "duplicate"][0]
    assert dup["path"] == str(b) and dup["detail"] == f"duplicate of {a.resolve()}"
    with open_store(db=db, read_only=True) as s:
        assert s.stats()["nodes"]["Document"] == 1


def test_not_a_protocol_is_skipped_unless_forced(tmp_path):
    db = str(tmp_path / "g.lbdb")
    f = tmp_path / "recept.txt"
    f.write_text(PROSE, encoding="utf-8")
    code, out = load_json(str(f), "--db", db)
    assert code == 0 and out["counts"]["skipped"] == 1
    assert out["files"][0]["detail"].startswith("not a protocol")
    code, out = load_json(str(f), "--db", db, "--force")
    assert code == 0 and out["counts"]["loaded"] == 1


def test_failures_are_reported_and_the_rest_is_loaded(tmp_path, examples_dir):
    db = str(tmp_path / "g.lbdb")
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(examples_dir / EXAMPLE, d / "ok.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    (d / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (d / "notes.xyz").write_text("not a document suffix", encoding="utf-8")
    code, out = load_json(str(d), "--db", db)
    assert code == 1
    by_name = {Path(f["path"]).name: f for f in out["files"]}
    assert set(by_name) == {"ok.txt", "empty.txt", "garbage.pdf"}
    assert by_name["ok.txt"]["status"] == "loaded"
    assert by_name["empty.txt"]["status"] == "failed" and "empty" in by_name["empty.txt"]["detail"]
    assert by_name["garbage.pdf"]["status"] == "failed" and by_name["garbage.pdf"]["detail"]
    # the human summary names each failure with its reason, one line each
    r = run("load", str(d), "--db", db)
    assert r.exit_code == 1
    assert "empty.txt" in r.stdout and "failed" in r.stdout and "1 unchanged" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_internal_error_fails_one_file_only(tmp_path, examples_dir, monkeypatch):
    import govgraph.graph.build as build
    real = build.protocol_subgraph

    def flaky(protocol, *a, **kw):
        if protocol.source.startswith("001"):
            raise ValueError("boom in the builder")
        return real(protocol, *a, **kw)

    monkeypatch.setattr(build, "protocol_subgraph", flaky)
    files = sorted(examples_dir.glob("00[012]*.txt"))
    with open_store(db=tmp_path / "g.lbdb") as s:
        summary = load_paths(files, s)
        assert summary.exit_code == 1
        st = {Path(f.path).name[:3]: f for f in summary.files}
        assert st["001"].status == "failed"
        assert st["001"].detail == "internal error: ValueError: boom in the builder"
        assert st["000"].status == st["002"].status == "loaded"
        assert s.stats()["nodes"]["Document"] == 2


def test_usage_errors_exit_2(tmp_path):
    assert run("load", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "g")).exit_code == 2
    assert run("load").exit_code == 2
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    r = run("load", str(empty), "--db", str(tmp_path / "g"))
    assert r.exit_code == 2 and "no protocol files found" in r.stderr
    assert run("cypher", "RETURN 1", "--param", "novalue", "--db", str(tmp_path / "g")).exit_code == 2


def test_stats_table_and_json(seed_db):
    r = run("stats", "--db", str(seed_db))
    assert r.exit_code == 0
    assert "Document" in r.stdout and "ATTENDED" in r.stdout and "relationships" in r.stdout
    js = json.loads(run("stats", "--db", str(seed_db), "--json").stdout)
    assert js["nodes"]["Document"] == 5 and js["totals"]["nodes"] == sum(js["nodes"].values())


def test_cypher_params_and_formats(seed_db):
    db = str(seed_db)
    r = run("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--db", db, "--json")
    assert json.loads(r.stdout) == [{"n": 5}]
    r = run("cypher", "RETURN $year + 1 AS next, $name AS name, $xs AS xs", "--db", db,
            "--param", "year=2024", "--param", "name=Anna Öberg", "--param", 'xs=["a","b"]', "--json")
    assert json.loads(r.stdout) == [{"next": 2025, "name": "Anna Öberg", "xs": ["a", "b"]}]
    r = run("cypher", "MATCH (m:Meeting) RETURN m.date AS date ORDER BY date", "--db", db, "--csv")
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "date" and len(lines) >= 6
    r = run("cypher", "MATCH (n RETURN n", "--db", db)
    assert r.exit_code == 1 and "Cypher error" in r.stderr


def test_cypher_is_read_only_without_write(copy_seed_db):
    db = str(copy_seed_db)
    before = json.loads(run("stats", "--db", db, "--json").stdout)
    for q in ("MATCH (n) DETACH DELETE n", "CREATE (:Body {id: 'body/x', name: 'X'})",
              "MATCH (p:Person) SET p.name = 'hacked'", "DROP TABLE ATTENDED"):
        r = run("cypher", q, "--db", db)
        assert r.exit_code == 1, q
        assert "error" in r.stderr
    assert json.loads(run("stats", "--db", db, "--json").stdout) == before
    r = run("cypher", "CREATE (:Body {id: 'body/x', name: 'X'})", "--db", db, "--write")
    assert r.exit_code == 0
    after = json.loads(run("stats", "--db", db, "--json").stdout)
    assert after["nodes"]["Body"] == before["nodes"]["Body"] + 1


def test_stats_on_missing_store_says_what_to_do(tmp_path):
    r = run("stats", "--db", str(tmp_path / "none.lbdb"))
    assert r.exit_code == 1 and "govgraph load" in r.stderr


def test_expand_paths_skips_hidden_and_non_documents(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.DOCX").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_bytes(b"x")
    (tmp_path / "d.json").write_bytes(b"x")
    names = [p.name for p in expand_paths([tmp_path, tmp_path / "a.pdf", tmp_path / "d.json"])]
    assert names == ["a.pdf", "b.DOCX", "d.json"]


def test_parallel_extraction_gives_the_same_graph(tmp_path, examples_dir):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synth import write_corpus
    folder = tmp_path / "in"
    write_corpus(folder, 6, seed=5)
    shutil.copy(folder / "protocol_000003.txt", folder / "zz_copy.txt")      # a duplicate in the batch
    (folder / "zz_empty.txt").write_bytes(b"")                               # a failure
    (folder / "recept.txt").write_text(PROSE, encoding="utf-8")               # not a protocol
    results = {}
    for jobs in (0, 1):
        with open_store(db=tmp_path / f"g{jobs}.lbdb") as s:
            summary = load_paths([folder], s, jobs=jobs)
            results[jobs] = ([(Path(f.path).name, f.status, f.detail, f.nodes, f.edges) for f in summary.files],
                             s.stats())
            again = load_paths([folder], s, jobs=jobs)
            assert again.counts()["unchanged"] == 6 and again.counts()["loaded"] == 0
            assert s.stats() == results[jobs][1]
    assert results[0] == results[1]
    statuses = {name: status for name, status, *_ in results[1][0]}
    assert statuses["zz_copy.txt"] == "duplicate" and statuses["zz_empty.txt"] == "failed"
    assert statuses["recept.txt"] == "skipped" and statuses["protocol_000003.txt"] == "loaded"


# --------------------------------------------------------------------------- commit groups
def _graph_snapshot(store):
    g = store.to_networkx()
    nodes = {n: {k: (sorted(v) if isinstance(v, list) else v) for k, v in a.items() if k != "loaded_at"}
             for n, a in g.nodes(data=True)}
    edges = sorted((u, v, tuple(sorted((k, str(x)) for k, x in a.items()))) for u, v, a in g.edges(data=True))
    return nodes, edges


def test_commit_groups_give_the_same_graph_as_one_transaction_per_protocol(tmp_path, examples_dir):
    """Protocols committed together (shared people, bodies, agreements across the seeds)
    end up exactly as when each is committed alone, in order."""
    snapshots, results = [], []
    for group in (1, 2, 32):
        with open_store(db=tmp_path / f"g{group}.lbdb") as s:
            summary = load_paths([examples_dir], s, jobs=0, group_size=group)
            results.append([(Path(f.path).name, f.status, f.nodes, f.edges) for f in summary.files])
            snapshots.append(_graph_snapshot(s))
    assert all(status == "loaded" for _, status, _, _ in results[0])
    assert results[0] == results[1] == results[2]
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_a_protocol_that_fails_in_a_group_fails_alone(tmp_path, examples_dir, monkeypatch):
    """The group is rolled back and retried one protocol per transaction: the bad one leaves
    nothing behind, the others of its group are loaded."""
    files = sorted(examples_dir.glob("00[0123]*.txt"))
    with open_store(db=tmp_path / "g.lbdb") as s:
        real = s._execute
        tx_sizes = []

        def execute(cypher, params, prepared):
            keys = (params or {}).get("keys") or []
            if any("doc/001-" in str(k.get("id", "")) for k in keys) and "CREATE (n:Document" in cypher:
                raise RuntimeError("Runtime exception: disk full (simulated)")
            return real(cypher, params, prepared)

        real_plans = s._write_plans

        def write_plans(run, plans):
            tx_sizes.append(len(plans))
            return real_plans(run, plans)

        monkeypatch.setattr(s, "_execute", execute)
        monkeypatch.setattr(s, "_write_plans", write_plans)
        summary = load_paths(files, s, jobs=0, group_size=32)
        by = {Path(f.path).name[:3]: f for f in summary.files}
        assert [Path(f.path).name for f in summary.files] == [f.name for f in files]   # file order
        assert by["001"].status == "failed" and "disk full (simulated)" in by["001"].detail
        assert by["000"].status == by["002"].status == by["003"].status == "loaded"
        assert tx_sizes == [4, 1, 1, 1, 1]          # the group, then one transaction each
        assert summary.exit_code == 1
        docs = {d["name"] for d in s.documents()}
        assert len(docs) == 3 and not any(n.startswith("001") for n in docs)
        bad = [d for d in s.query("MATCH ()-[e]->() RETURN DISTINCT e.source AS src") if "doc/001-" in (d["src"] or "")]
        assert bad == []


def test_merge_plans_equals_applying_rows_in_order():
    from govgraph.graph.store.base import WritePlan, merge_plans
    a = WritePlan("doc/a", nodes={"Person": [{"id": "p", "name": "Ann Berg", "party": None,
                                              "aliases": ["Ann Berg"]}]},
                  edges={("ATTENDED", "Person", "Meeting"): [{"src": "p", "dst": "m1", "source": "doc/a"}]})
    b = WritePlan("doc/b", nodes={"Person": [{"id": "p", "name": None, "party": "S",
                                              "aliases": ["Anna Berg", "Ann Berg"]}]},
                  edges={("ATTENDED", "Person", "Meeting"): [{"src": "p", "dst": "m2", "source": "doc/b"}]})
    nodes, edges = merge_plans([a, b])
    assert nodes["Person"] == [{"id": "p", "name": "Ann Berg", "party": "S",
                                "aliases": ["Ann Berg", "Anna Berg"]}]
    assert [r["dst"] for r in edges[("ATTENDED", "Person", "Meeting")]] == ["m1", "m2"]
    assert a.nodes["Person"][0]["aliases"] == ["Ann Berg"]        # the plans are not modified


def test_load_group_size_option(tmp_path, examples_dir):
    db = str(tmp_path / "g.lbdb")
    code, out = load_json(str(examples_dir), "--db", db, "--group-size", "1")
    assert code == 0 and out["counts"]["loaded"] == 5
    assert run("load", str(examples_dir), "--db", db, "--group-size", "0").exit_code == 2
    assert "--group-size" in run("load", "--help").stdout


def test_replacing_a_document_never_repeats_a_source(copy_seed_db, examples_dir):
    """A node's sources are its RECORDED_IN relationships: a forced reload deletes the
    document's (those of the nodes only it mentions with the nodes) and writes them again, so
    the counts stay the same and no node gets a source twice."""
    db = copy_seed_db
    with open_store(db=db, read_only=True) as s:
        before = s.stats()
    for _ in range(2):
        code, out = load_json(str(examples_dir / "003_b4727e71dbacc0df.txt"), "--db", str(db), "--force")
        assert code == 0 and out["counts"]["replaced"] == 1
    with open_store(db=db, read_only=True) as s:
        assert s.stats() == before
        recorded = [(a, b) for a, b, _t, _p in s.iter_edges("RECORDED_IN")]
        graph = s.to_networkx()
        repeated = [n for n, a in graph.nodes(data=True)
                    if len(a.get("sources") or []) != len(set(a.get("sources") or []))]
        assert repeated == []
        assert all(b in graph.nodes[a]["sources"] for a, b in recorded)
        shared = [a for _, a in graph.nodes(data=True) if len(a.get("sources") or []) > 1]
        assert shared          # people and bodies of several protocols keep all their sources
