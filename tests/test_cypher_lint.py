"""Neo4j compatibility: every Cypher statement govgraph can send to Neo4j passes Neo4j's own
parser and semantic analysis (npm ``@neo4j-cypher/language-support``), and the check really
fails on broken statements. Skipped only where Node.js or the package is missing."""
from __future__ import annotations

import warnings

import pytest

from govgraph.queries import library as lib
from govgraph.queries import lint as L
from govgraph.schema import EDGES, NODES

REASON = L.unavailable_reason()
needs_lint = pytest.mark.skipif(REASON is not None, reason=f"Neo4j Cypher lint unavailable: {REASON}")


# --------------------------------------------------------------------------- without node
def test_db_schema_comes_from_the_schema():
    schema = L.db_schema()
    assert schema["labels"] == sorted(NODES) and schema["relationshipTypes"] == sorted(EDGES)
    assert {"name", "aliases", "source", "quote", "amount_sek", "to"} <= set(schema["propertyKeys"])
    assert "sources" not in schema["propertyKeys"]      # derived from RECORDED_IN, not stored
    assert {"from": "Person", "to": "Meeting", "relType": "ATTENDED"} in schema["graphSchema"]
    assert len(schema["graphSchema"]) == sum(len(e.pairs) for e in EDGES.values())


def test_map_keys_are_keys_of_parameter_maps_only():
    text = "UNWIND $rows AS r MATCH (a:Person {id: r.src}) SET a.name = r.name RETURN a.id"
    assert L.map_keys(text) == ["src", "name"]
    assert L.map_keys("MATCH (n:Person) RETURN n.nme") == []


def test_every_statement_is_collected():
    from govgraph.graph.store.neo4j_store import all_statements
    stmts = L.collect_statements()
    names = [s.name for s in stmts]
    queries = lib.discover(include_user=False)
    for q in queries.values():
        assert any(q.file_for("neo4j").endswith(n.split("#")[0]) for n in names), q.name
    assert sum(n.startswith("neo4j_store.") for n in names) == len(all_statements())
    assert any(n.startswith("neo4j_store.gg_") for n in names)          # the DDL
    assert any("close_names" in n for n in names)
    path = [s for s in stmts if "path.neo4j.cypher" in s.name]
    assert [s.name.split("#")[1] for s in path] == ["1", "2"]
    assert path[0].params == ("a", "b") and path[1].params == ("a_id", "b_id")
    assert "shortestPath" in path[1].cypher


# --------------------------------------------------------------------------- with Neo4j's parser
@pytest.fixture(scope="module")
def report() -> L.LintReport:
    return L.lint(L.collect_statements())


@needs_lint
def test_every_statement_passes_neo4j_parser(report):
    for w in report.warnings:
        warnings.warn(str(w))
    assert report.statements > 200
    assert report.functions_checked, "the package no longer ships Neo4j's function registry"
    assert not report.errors, "Neo4j rejects:\n" + "\n".join(str(d) for d in report.errors)


def _broken(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@needs_lint
def test_the_check_fails_on_broken_copies():
    q = lib.discover(include_user=False)["who-decided"]
    text = q.statements_for("neo4j")[1]            # step 2: the decisions and their context
    params, sample = ("decisions", "limit"), {"decisions": [], "limit": 50}
    broken = {
        "keyword": _broken(text, "OPTIONAL MATCH", "OPTINAL MATCH"),
        "label": _broken(text, "(d:Decision {id: did})", "(d:Decison {id: did})"),
        "property": _broken(text, "d.subject AS subject", "d.subjekt AS subject"),
        "parameter": _broken(text, "UNWIND $decisions AS did", "UNWIND $decisions AS did WITH did, $undeclared AS u"),
        "relationship": _broken(text, "[:RESULTED_IN]", "[:RESULTS_IN]"),
        "function": _broken(text, "d.kind AS kind", "label(d) AS kind"),
    }
    stmts = [L.Statement(f"broken-{k}", t, params, sample) for k, t in broken.items()]
    # LadybugDB's dialect (label(), -[* SHORTEST 1..8]-) is not Neo4j Cypher
    stmts.append(L.Statement("ladybug-path-as-neo4j",
                             lib.discover(include_user=False)["path"].statements_for("ladybug")[1],
                             ("a_id", "b_id"), {"a_id": "", "b_id": ""}))
    rep = L.lint(stmts, versions=["CYPHER 5"])
    failed = {d.statement for d in rep.errors}
    assert failed == {s.name for s in stmts}, f"not caught: {sorted({s.name for s in stmts} - failed)}"
    msgs = {d.statement: d.message for d in rep.errors}
    assert "OPTINAL" in msgs["broken-keyword"] or "Invalid input" in msgs["broken-keyword"]
    assert "Decison" in msgs["broken-label"]
    assert "undeclared" in msgs["broken-parameter"]
    # the declared-but-unused check
    rep = L.lint([L.Statement("unused", "MATCH (n:Person) RETURN n.name", ("x",), {"x": ""})],
                 versions=["CYPHER 5"])
    assert any("never used: x" in d.message for d in rep.warnings)
