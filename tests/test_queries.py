"""Named queries (``govgraph.queries``) and ``govgraph ask``.

Three layers:
* the library itself (headers, folding, parameters, dialect variants, user folders);
* every packaged query run on a small hand-made graph in a temp LadybugDB (exact rows);
* the questions the product must answer, on the five bundled protocols loaded by the real
  loader (``seed_db``), and on Neo4j too when ``NEO4J_URI`` is set.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govgraph.queries import library as lib
from govgraph.schema import EDGES, NODES

# --------------------------------------------------------------------------- a hand-made graph
DOC = "doc/protokoll-2017-abc"
DOC2 = "doc/protokoll-2024-def"


def _prov(item: str | None = None, quote: str = "q", source: str = DOC) -> dict[str, Any]:
    return {"source": source, "item": item, "span_start": 1, "span_end": 2, "quote": quote}


NODES_DATA: list[tuple[str, dict[str, Any]]] = [
    ("Document", {"id": DOC, "name": "protokoll-2017.txt", "path": "/x/protokoll-2017.txt"}),
    ("Document", {"id": DOC2, "name": "protokoll-2024.txt", "path": "/x/protokoll-2024.txt"}),
    ("Body", {"id": "body/radet", "name": "Specifikt samverkansråd", "kind": "council",
              "aliases": ["Rådet"]}),
    ("Body", {"id": "body/chefsgruppen", "name": "Chefsgrupp samverkan", "kind": "management_group",
              "aliases": []}),
    ("Organization", {"id": "organization/nsph", "name": "NSPH", "kind": "association",
                      "aliases": ["NSPH-nätverket"]}),
    ("Organization", {"id": "organization/region", "name": "Region Örebro län", "kind": "region",
                      "aliases": []}),
    ("Agreement", {"id": "agreement/ok-psyk", "name": "Överenskommelse om samarbete kring personer",
                   "kind": "överenskommelse", "aliases": ["ÖK psykisk funktionsnedsättning"]}),
    ("Agreement", {"id": "agreement/ok-utskr", "name": "Överenskommelse om samverkan vid utskrivning",
                   "kind": "överenskommelse", "aliases": []}),
    ("Person", {"id": "person/ingmar-angman", "name": "Ingmar Ångman", "aliases": ["Ingmar"]}),
    ("Person", {"id": "person/marie-gustafsson", "name": "Marie Gustafsson", "aliases": []}),
    ("Post", {"id": "post/ordforande", "name": "ordförande", "of_name": "Specifikt samverkansråd"}),
    ("Meeting", {"id": "meeting/radet/2017-09-22", "title": "Rådet 2017-09-22",
                 "body": "Specifikt samverkansråd", "date": "2017-09-22", "place": "Örebro"}),
    ("Meeting", {"id": "meeting/chefsgruppen/2024-03-15", "title": "Chefsgrupp 2024-03-15",
                 "body": "Chefsgrupp samverkan", "date": "2024-03-15", "place": "Teams"}),
    ("AgendaItem", {"id": "item/radet/2017-09-22/5", "number": "5", "title": "Rapport från chefsgruppen",
                    "ordinal": 5, "date": "2017-09-22"}),
    ("AgendaItem", {"id": "item/radet/2017-09-22/6", "number": "6",
                    "title": "Överenskommelse mellan Region Örebro län och NSPH", "ordinal": 6,
                    "date": "2017-09-22"}),
    ("AgendaItem", {"id": "item/chefsgruppen/2024-03-15/6", "number": "6", "title": "Psykisk hälsa",
                    "ordinal": 6, "date": "2024-03-15"}),
    ("Decision", {"id": "decision/radet/2017-09-22/5/1", "kind": "approve",
                  "subject": "Överenskommelse om samverkan vid utskrivning", "by": "Chefsgrupp samverkan",
                  "reported": True, "date": "2017-09-22", "item": "5", "text": "är godkänd av chefsgruppen"}),
    ("Decision", {"id": "decision/radet/2017-09-22/6/1", "kind": "approve",
                  "subject": "Överenskommelse om samarbete kring personer", "by": "Specifikt samverkansråd",
                  "reported": False, "date": "2017-09-22", "item": "6", "text": "godkänner förslaget"}),
    ("Decision", {"id": "decision/radet/2017-09-22/6/2", "kind": "recommend",
                  "subject": "Överenskommelse om samarbete kring personer", "by": "Specifikt samverkansråd",
                  "reported": False, "date": "2017-09-22", "item": "6", "text": "rekommenderar kommunerna"}),
    ("Decision", {"id": "decision/radet/2017-09-22/6/3", "kind": "assign",
                  "subject": "Elektronisk signering", "by": "Specifikt samverkansråd",
                  "assignee": "Marie Gustafsson", "reported": False, "date": "2017-09-22", "item": "6"}),
    ("Decision", {"id": "decision/chefsgruppen/2024-03-15/6/1", "kind": "allocate",
                  "subject": "Insatser för suicidprevention", "by": "Chefsgrupp samverkan",
                  "amount_sek": 7140000, "reported": False, "date": "2024-03-15", "item": "6"}),
    ("Decision", {"id": "decision/chefsgruppen/2024-03-15/6/2", "kind": "allocate",
                  "subject": "Förebyggande språkinsatser", "by": "Chefsgrupp samverkan",
                  "amount_sek": 2000000, "reported": True, "date": "2024-03-15", "item": "6"}),
]

EDGES_DATA: list[tuple[str, str, str, dict[str, Any]]] = [
    ("HELD", "body/radet", "meeting/radet/2017-09-22", _prov()),
    ("HELD", "body/chefsgruppen", "meeting/chefsgruppen/2024-03-15", _prov(source=DOC2)),
    ("RECORDED_IN", "meeting/radet/2017-09-22", DOC, _prov()),
    ("RECORDED_IN", "meeting/chefsgruppen/2024-03-15", DOC2, _prov(source=DOC2)),
    ("HAS_ITEM", "meeting/radet/2017-09-22", "item/radet/2017-09-22/5", _prov("5")),
    ("HAS_ITEM", "meeting/radet/2017-09-22", "item/radet/2017-09-22/6", _prov("6")),
    ("HAS_ITEM", "meeting/chefsgruppen/2024-03-15", "item/chefsgruppen/2024-03-15/6", _prov("6", source=DOC2)),
    ("RESULTED_IN", "item/radet/2017-09-22/5", "decision/radet/2017-09-22/5/1", _prov("5")),
    ("RESULTED_IN", "item/radet/2017-09-22/6", "decision/radet/2017-09-22/6/1", _prov("6")),
    ("RESULTED_IN", "item/radet/2017-09-22/6", "decision/radet/2017-09-22/6/2", _prov("6")),
    ("RESULTED_IN", "item/radet/2017-09-22/6", "decision/radet/2017-09-22/6/3", _prov("6")),
    ("RESULTED_IN", "item/chefsgruppen/2024-03-15/6", "decision/chefsgruppen/2024-03-15/6/1", _prov("6", source=DOC2)),
    ("RESULTED_IN", "item/chefsgruppen/2024-03-15/6", "decision/chefsgruppen/2024-03-15/6/2", _prov("6", source=DOC2)),
    ("DECIDED", "body/chefsgruppen", "decision/radet/2017-09-22/5/1", {**_prov("5"), "reported": True}),
    ("DECIDED", "body/radet", "decision/radet/2017-09-22/6/1", _prov("6")),
    ("DECIDED", "body/radet", "decision/radet/2017-09-22/6/2", _prov("6")),
    ("DECIDED", "body/radet", "decision/radet/2017-09-22/6/3", _prov("6")),
    ("DECIDED", "body/chefsgruppen", "decision/chefsgruppen/2024-03-15/6/1", _prov("6", source=DOC2)),
    ("DECIDED", "body/chefsgruppen", "decision/chefsgruppen/2024-03-15/6/2", _prov("6", source=DOC2)),
    ("CONCERNS", "decision/radet/2017-09-22/5/1", "agreement/ok-utskr", _prov("5")),
    ("CONCERNS", "decision/radet/2017-09-22/6/1", "agreement/ok-psyk", _prov("6")),
    ("CONCERNS", "decision/radet/2017-09-22/6/2", "agreement/ok-psyk", _prov("6")),
    ("ASSIGNED_TO", "decision/radet/2017-09-22/6/3", "person/marie-gustafsson", _prov("6")),
    *[("RECORDED_IN", d, DOC, _prov(i)) for d, i in [("decision/radet/2017-09-22/5/1", "5"),
                                                     ("decision/radet/2017-09-22/6/1", "6"),
                                                     ("decision/radet/2017-09-22/6/2", "6"),
                                                     ("decision/radet/2017-09-22/6/3", "6")]],
    *[("RECORDED_IN", d, DOC2, _prov("6", source=DOC2)) for d in
      ("decision/chefsgruppen/2024-03-15/6/1", "decision/chefsgruppen/2024-03-15/6/2")],
    ("APPROVED", "body/chefsgruppen", "agreement/ok-utskr",
     {**_prov("5"), "date": "2017-09-22", "decision": "decision/radet/2017-09-22/5/1", "reported": True}),
    ("APPROVED", "body/radet", "agreement/ok-psyk",
     {**_prov("6"), "date": "2017-09-22", "decision": "decision/radet/2017-09-22/6/1", "reported": False}),
    ("RECOMMENDED", "body/radet", "agreement/ok-psyk",
     {**_prov("6"), "date": "2017-09-22", "decision": "decision/radet/2017-09-22/6/2", "reported": False,
      "to": ["kommunerna", "NSPH-nätverket", "Region Örebro län"]}),
    ("MANDATED", "body/radet", "person/marie-gustafsson",
     {**_prov("6"), "date": "2017-09-22", "decision": "decision/radet/2017-09-22/6/3", "reported": False,
      "task": "Elektronisk signering"}),
    ("PRESENTED", "person/ingmar-angman", "item/radet/2017-09-22/6", {**_prov("6"), "date": "2017-09-22"}),
    ("PRESENTED", "person/ingmar-angman", "agreement/ok-psyk", {**_prov("6"), "date": "2017-09-22"}),
    ("PARTY_TO", "organization/nsph", "agreement/ok-psyk", _prov("6")),
    ("PARTY_TO", "organization/region", "agreement/ok-psyk", _prov("6")),
    ("ATTENDED", "person/ingmar-angman", "meeting/radet/2017-09-22",
     {**_prov(), "role": "other", "present": True, "title": "utvecklingsledare", "organization": "Region Örebro län"}),
    ("ATTENDED", "person/ingmar-angman", "meeting/chefsgruppen/2024-03-15",
     {**_prov(source=DOC2), "role": "member", "present": True}),
    ("ATTENDED", "person/marie-gustafsson", "meeting/radet/2017-09-22",
     {**_prov(), "role": "member", "present": False}),
    ("OFFICER_OF", "person/marie-gustafsson", "meeting/radet/2017-09-22", {**_prov(), "role": "secretary"}),
    ("MEMBER_OF", "person/marie-gustafsson", "body/radet",
     {**_prov(), "role": "member", "first_seen": "2017-09-22", "last_seen": "2017-09-22"}),
    ("HOLDS", "person/ingmar-angman", "post/ordforande", {**_prov(), "first_seen": "2017-09-22",
                                                          "last_seen": "2024-03-15"}),
    ("OF", "post/ordforande", "body/radet", _prov()),
    ("REPRESENTS", "person/ingmar-angman", "organization/region", {**_prov(), "first_seen": "2017-09-22"}),
    ("PART_OF", "body/chefsgruppen", "body/radet", _prov()),
]


class LadybugScratch:
    """A throw-away LadybugDB with the schema's tables: the minimal ``store`` the library uses."""
    kind = "ladybug"

    def __init__(self, path: Path):
        import ladybug as lb
        self._db = lb.Database(str(path))
        self._conn = lb.Connection(self._db)
        types = {"STRING[]": "STRING[]"}
        for label, nt in NODES.items():
            cols = ", ".join(f"{p} {types.get(t, t)}" for p, t in nt.all_properties.items() if p != "id")
            self._conn.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {cols})")
        for rel, et in EDGES.items():
            pairs = ", ".join(f"FROM {a} TO {b}" for a, b in et.pairs)
            cols = ", ".join(f"{p} {t}" for p, t in et.all_properties.items())
            self._conn.execute(f"CREATE REL TABLE {rel}({pairs}, {cols})")
        self.labels: dict[str, str] = {}

    def add_node(self, label: str, props: dict[str, Any]) -> None:
        props = {"sources": [DOC], **props}
        keys = ", ".join(f"{k}: ${k}" for k in props)
        self._conn.execute(f"CREATE (:{label} {{{keys}}})", props)
        self.labels[props["id"]] = label

    def add_edge(self, rel: str, src: str, dst: str, props: dict[str, Any]) -> None:
        keys = ", ".join(f"{k}: $p_{k}" for k in props)
        params = {"s": src, "d": dst, **{f"p_{k}": v for k, v in props.items()}}
        self._conn.execute(f"MATCH (a:{self.labels[src]} {{id: $s}}), (b:{self.labels[dst]} {{id: $d}}) "
                           f"CREATE (a)-[:{rel} {{{keys}}}]->(b)", params)

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> list[dict]:
        res = self._conn.execute(cypher, params or {})
        cols = res.get_column_names()
        return [dict(zip(cols, row)) for row in res.get_all()]


@pytest.fixture(scope="module")
def hand(tmp_path_factory) -> LadybugScratch:
    store = LadybugScratch(tmp_path_factory.mktemp("qgraph") / "db")
    for label, props in NODES_DATA:
        store.add_node(label, props)
    for rel, src, dst, props in EDGES_DATA:
        store.add_edge(rel, src, dst, props)
    return store


@pytest.fixture(scope="module")
def queries() -> dict[str, lib.NamedQuery]:
    return lib.discover(include_user=False)


def ask(store, queries, query_name: str, **args) -> list[dict[str, Any]]:
    return lib.run(store, queries[query_name], args).rows


# --------------------------------------------------------------------------- the library
SAMPLES = ["Ingmar Ångman", "INGMAR ÅNGMAN", "Överenskommelse om samverkan vid utskrivning",
           "ÖK mellan Region Örebro län och NSPH-nätverket", "Marie-Louise Forsberg Fransson",
           "Café Müller (3.5 mkr)", "rad 1\nrad 2 utskrivning", "Ingmarångman", None]


@pytest.mark.parametrize("term", ["ingmar angman", "Ångman", "ÖK", "nsph natverket", "marie louise",
                                  "café", "(3.5", "utskrivning", "mkr)"])
def test_search_pattern_matches_like_folded_contains(hand, term):
    """The stores' =~ with search_pattern() agrees with Python: fold(term) in fold(value)."""
    pattern = lib.search_pattern(term)
    rows = hand.query("UNWIND $values AS v RETURN v, v =~ $p AS hit", {"values": [x or "" for x in SAMPLES],
                                                                      "p": pattern})
    def folded(x: str) -> str:
        return " ".join(lib.fold(x).replace("-", " ").split())
    for row in rows:
        assert bool(row["hit"]) == (folded(term) in folded(row["v"])), (term, row["v"])


def test_packaged_queries_are_all_there(queries):
    assert {"who-decided", "agreement", "person", "body", "mandates", "funding", "path"} <= set(queries)
    for q in queries.values():
        assert q.description and q.examples, q.name
        for kind in ("ladybug", "neo4j"):
            text = q.text_for(kind)
            # every $parameter the text uses is declared (or returned by an earlier step),
            # and every declared one is used
            # (earlier steps may also return columns only the no_rows message uses)
            in_message = set(lib.param_names(q.no_rows))
            assert set(lib.param_names(text)) | in_message == (
                {p.name for p in q.params} | set(q.step_outputs(kind))
                | ({lib.LIMIT_PARAM} if lib.uses_limit(q, kind) else set())), (q.name, kind)
    assert queries["path"].text_for("neo4j") != queries["path"].text_for("ladybug")
    assert "shortestPath" in queries["path"].text_for("neo4j")
    assert queries["path"].step_outputs("ladybug") == ["a_id", "b_id", "a_name", "b_name"]
    assert len(queries["path"].statements_for("neo4j")) == 2


def test_parameters_are_checked_and_converted(queries):
    fund = queries["funding"]
    assert fund.bind({"year": "2024"}) == {"body": "", "year": "2024"}
    assert fund.bind({"body": "Chefsgrupp Ö"}) == {"body": lib.search_pattern("chefsgrupp o"), "year": ""}
    with pytest.raises(lib.QueryError, match="year YYYY"):
        fund.bind({"year": "24"})
    with pytest.raises(lib.QueryError, match="does not take --since"):
        fund.bind({"since": "2024"})
    with pytest.raises(lib.QueryError, match="missing TEXT"):
        queries["who-decided"].bind({})
    with pytest.raises(lib.QueryError, match="date YYYY-MM-DD"):
        queries["mandates"].bind({"since": "15 mars"})


def test_unknown_query_name_suggests(queries):
    with pytest.raises(lib.QueryError, match="did you mean who-decided"):
        lib.get("who-decide", queries)


def test_user_folder_adds_and_overrides(tmp_path, monkeypatch):
    (tmp_path / "funding.cypher").write_text(
        "// description: my own funding\n// param: n INT64 = 3 — how many\nRETURN $n AS n\n", encoding="utf-8")
    (tmp_path / "docs.neo4j.cypher").write_text(
        "// name: docs\n// description: documents\nMATCH (d:Document) RETURN d.name AS name\n", encoding="utf-8")
    found = lib.discover(tmp_path)
    assert found["funding"].description == "my own funding" and found["funding"].origin == str(tmp_path)
    assert found["funding"].bind({}) == {"n": 3} and found["funding"].bind({"n": "7"}) == {"n": 7}
    assert found["docs"].dialects() == ("neo4j",)
    with pytest.raises(lib.QueryError, match="no text for a ladybug store"):
        found["docs"].text_for("ladybug")
    monkeypatch.setenv("GOVGRAPH_QUERIES", str(tmp_path))
    assert "docs" in lib.discover()
    (tmp_path / "bad.cypher").write_text("// description: x\n// param: n NUMBER\nRETURN 1\n", encoding="utf-8")
    with pytest.raises(lib.QueryError, match="bad.cypher: bad '// param:' line"):
        lib.discover(tmp_path)


def test_sort_rows_is_natural_and_puts_missing_last():
    rows = [{"d": "2024", "i": "10"}, {"d": None, "i": "1"}, {"d": "2024", "i": "8a"}, {"d": "2017", "i": "2"}]
    assert [(r["d"], r["i"]) for r in lib.sort_rows(rows, ["d", "i"])] == [
        ("2017", "2"), ("2024", "8a"), ("2024", "10"), (None, "1")]


# --------------------------------------------------------------------------- the queries, hand graph
def test_who_decided_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "who-decided", text="UTSKRIVNING")
    assert len(rows) == 1
    r = rows[0]
    assert (r["date"], r["body"], r["kind"], r["reported"], r["protocol"], r["item"]) == (
        "2017-09-22", "Chefsgrupp samverkan", "approve", True, "protokoll-2017.txt", "5")
    # item title match and presenters; diacritics folded both ways
    rows = ask(hand, queries, "who-decided", text="overenskommelse mellan region orebro")
    assert {(r["kind"], tuple(r["presenters"])) for r in rows} == {
        ("approve", ("Ingmar Ångman",)), ("recommend", ("Ingmar Ångman",)), ("assign", ("Ingmar Ångman",))}
    assert ask(hand, queries, "who-decided", text="ingenting sådant") == []


def test_agreement_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "agreement", name="nsph")   # a party, not the agreement's name
    events = [(r["date"], r["event"], r["body"]) for r in rows]
    assert ("2017-09-22", "approve", "Specifikt samverkansråd") in events
    assert ("2017-09-22", "recommend", "Specifikt samverkansråd") in events
    assert ("2017-09-22", "presented", "Specifikt samverkansråd") in events
    rec = next(r for r in rows if r["event"] == "recommend")
    assert rec["recommended_to"] == ["kommunerna", "NSPH-nätverket", "Region Örebro län"]
    assert rec["presented_by"] == ["Ingmar Ångman"] and rec["protocol"] == "protokoll-2017.txt"
    assert all(r["agreement"] == "Överenskommelse om samarbete kring personer" for r in rows)
    # by alias
    assert ask(hand, queries, "agreement", name="ök psykisk") and not ask(hand, queries, "agreement", name="zzz")


def test_person_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "person", name="ingmar angman")
    facts = {(r["date"], r["fact"]) for r in rows}
    assert {("2017-09-22", "attended meeting"), ("2024-03-15", "attended meeting"),
            ("2017-09-22", "presented"), ("2017-09-22", "holds post"), ("2017-09-22", "represents")} <= facts
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    since = ask(hand, queries, "person", name="Ingmar Ångman", since="2024")
    assert {r["fact"] for r in since} == {"attended meeting", "holds post"}   # the post was seen until 2024
    marie = ask(hand, queries, "person", name="gustafsson")
    assert {r["fact"] for r in marie} >= {"absent from meeting", "officer: secretary", "member of", "given a task by"}
    task = next(r for r in marie if r["fact"] == "given a task by")
    assert (task["body"], task["detail"], task["protocol"], task["item"]) == (
        "Specifikt samverkansråd", "Elektronisk signering", "protokoll-2017.txt", "6")


def test_body_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "body", name="rådet")       # alias, with å
    by_section: dict[str, list] = {}
    for r in rows:
        by_section.setdefault(r["section"], []).append(r)
    assert {(r["fact"], r["count"]) for r in by_section["1 decisions by kind"]} == {
        ("approve", 1), ("recommend", 1), ("assign", 1)}
    assert {r["detail"] for r in by_section["2 part of"]} == {"Chefsgrupp samverkan"}
    assert by_section["3 members"][0]["detail"].startswith("Marie Gustafsson")
    assert by_section["4 meetings"][0]["count"] == 2
    assert len(by_section["5 decisions"]) == 3


def test_mandates_and_funding_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "mandates")
    assert [(r["body"], r["assignee"], r["task"]) for r in rows] == [
        ("Specifikt samverkansråd", "Marie Gustafsson", "Elektronisk signering")]
    assert ask(hand, queries, "mandates", since="2018") == []
    assert ask(hand, queries, "mandates", body="chefsgrupp") == []
    rows = ask(hand, queries, "funding", body="chefsgrupp", year="2024")
    assert {(r["amount_sek"], r["purpose"], r["reported"]) for r in rows} == {
        (7140000, "Insatser för suicidprevention", False), (2000000, "Förebyggande språkinsatser", True)}
    assert {r["year_total_sek"] for r in rows} == {7140000}     # the reported one is not counted again
    assert ask(hand, queries, "funding", year="2017") == []


def test_path_on_hand_graph(hand, queries):
    rows = ask(hand, queries, "path", a="Marie Gustafsson", b="NSPH")
    assert rows[0]["from"] == "Marie Gustafsson" and rows[-1]["to"] == "NSPH"
    assert [r["step"] for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) <= 4
    for r, nxt in zip(rows, rows[1:]):
        assert r["to"] == nxt["from"]
    assert all("RECORDED_IN" not in r["relation"] for r in rows)
    assert ask(hand, queries, "path", a="ingmar", b="no such thing") == []


def test_close_names_suggests(hand, queries):
    assert "Ingmar Ångman" in lib.close_names(hand, queries["person"], {"name": "Ingmar Angmann"})


# --------------------------------------------------------------------------- govgraph ask
def _cli(args: list[str], store=None, monkeypatch=None):
    from govgraph.cli import main
    if store is not None:
        import govgraph.graph.store as store_mod
        monkeypatch.setattr(store_mod, "open_store", lambda **kw: store)
    return CliRunner().invoke(main, ["ask", *args])


def test_ask_list_and_usage_errors(monkeypatch):
    res = _cli(["--list"])
    assert res.exit_code == 0 and "who-decided TEXT" in res.output and "funding [--body TEXT] [--year YEAR]" in res.output
    res = _cli(["--list", "--json"])
    assert {q["query"] for q in json.loads(res.output)} >= {"who-decided", "path"}
    res = _cli(["who-decide", "x"])
    assert res.exit_code == 2 and "did you mean who-decided" in res.output and "agreement NAME" in res.output
    res = _cli(["funding", "--year", "24"])
    assert res.exit_code == 2 and "year must be a year YYYY" in res.output
    res = _cli(["who-decided"])
    assert res.exit_code == 2 and "missing TEXT" in res.output and "govgraph ask who-decided utskrivning" in res.output
    res = _cli(["who-decided", "a", "b"])
    assert res.exit_code == 2 and "takes 1 argument" in res.output
    res = _cli(["who-decided", "x", "--year", "2024"])
    assert res.exit_code == 2 and "does not take --year" in res.output


def test_ask_runs_with_table_json_csv(hand, monkeypatch):
    res = _cli(["who-decided", "utskrivning"], hand, monkeypatch)
    assert res.exit_code == 0, res.output
    assert "Chefsgrupp samverkan" in res.output and "protokoll-2017.txt" in res.output
    res = _cli(["funding", "--body", "Chefsgrupp", "--year", "2024", "--json"], hand, monkeypatch)
    rows = json.loads(res.output)
    assert {r["amount_sek"] for r in rows} == {7140000, 2000000}
    res = _cli(["path", "Marie Gustafsson", "NSPH", "--csv"], hand, monkeypatch)
    assert res.output.splitlines()[0].startswith("step,from_label,from,relation")
    res = _cli(["person", "Ingmar Angmann"], hand, monkeypatch)
    assert res.exit_code == 1 and "nothing matches" in res.output and "Ingmar Ångman" in res.output


def test_ask_user_query_with_param(hand, monkeypatch, tmp_path):
    (tmp_path / "docs.cypher").write_text(
        "// description: documents named like X\n// param: like SEARCH — part of the name\n"
        "// param: limit INT64 = 10 — at most this many\n"
        "MATCH (d:Document) WHERE d.name =~ $like RETURN d.name AS name ORDER BY name LIMIT $limit\n",
        encoding="utf-8")
    res = _cli(["docs", "PROTOKOLL", "-p", "limit=1", "--queries-dir", str(tmp_path), "--json"], hand, monkeypatch)
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"name": "protokoll-2017.txt"}]


# --------------------------------------------------------------------------- the five seed protocols
@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def seed_store(request):
    """The five bundled protocols, loaded by the real loader: the embedded store (``seed_db``),
    and a Neo4j server when ``NEO4J_URI`` is set (the same examples are loaded into it)."""
    from govgraph.graph.store import open_store
    if request.param == "ladybug":
        store = open_store(db=request.getfixturevalue("seed_db"), read_only=True)
    else:
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            pytest.skip("NEO4J_URI is not set (the same tests run on a Neo4j server when it is)")
        from govgraph.graph.load import load_paths
        from conftest import EXAMPLES
        with open_store(neo4j_uri=uri) as writer:
            load_paths([EXAMPLES], writer)
        store = open_store(neo4j_uri=uri, read_only=True)
    yield store
    store.close()


def _has(text: str | None, words: str) -> bool:
    return lib.fold(words) in lib.fold(text)


def test_seed_who_decided_utskrivning(seed_store, queries):
    rows = ask(seed_store, queries, "who-decided", text="utskrivning")
    hits = [r for r in rows if r["kind"] == "approve" and _has(r["body"], "chefsgrupp")
            and r["reported"] is True and r["date"] == "2017-09-22"
            and _has(r["subject"], "utskrivning") and r["protocol"].startswith("000_")]
    assert hits, f"no reported approval by the chefsgrupp in the 2017-09-22 protocol among {rows}"
    assert all(r["protocol"] and r["item"] for r in rows)


def test_seed_agreement_nsph(seed_store, queries):
    rows = ask(seed_store, queries, "agreement", name="NSPH")
    council = [r for r in rows if r["date"] == "2017-09-22" and _has(r["body"], "samverkansråd")]
    kinds = {r["event"] for r in council}
    assert {"approve", "recommend"} <= kinds, f"the council's approval and recommendation are missing: {council}"
    for r in council:
        if r["event"] in ("approve", "recommend"):
            assert "Ingmar Ångman" in r["presented_by"], r
            assert r["protocol"].startswith("000_") and r["item"] == "6", r
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_seed_person_ingmar_angman(seed_store, queries):
    rows = ask(seed_store, queries, "person", name="Ingmar Ångman")
    assert {r["person"] for r in rows} == {"Ingmar Ångman"}
    dates = sorted(r["date"] for r in rows if r["date"])
    assert dates[0].startswith("2017") and dates[-1].startswith("2024")
    assert len({r["protocol"] for r in rows if r["protocol"]}) >= 4
    assert {"attended meeting", "presented"} <= {r["fact"] for r in rows}
    # folded spelling finds the same person
    assert len(ask(seed_store, queries, "person", name="ingmar angman")) == len(rows)


def test_seed_funding_chefsgrupp(seed_store, queries):
    rows = ask(seed_store, queries, "funding", body="Chefsgrupp")
    hit = [r for r in rows if r["amount_sek"] == 7140000 and r["date"] == "2024-03-15"]
    assert hit, f"7 140 000 kr on 2024-03-15 is missing: {[(r['date'], r['amount_sek']) for r in rows]}"
    assert any(_has(r["purpose"], "suicid") or _has(r["wording"], "suicid") for r in hit), \
        f"the 7 140 000 kr are not for suicide prevention: {hit}"
    assert all(_has(r["body"], "chefsgrupp") for r in rows)
    own = [r for r in rows if r["year"] == "2024" and r["body"] == hit[0]["body"] and not r["reported"]]
    assert hit[0]["year_total_sek"] == sum(r["amount_sek"] or 0 for r in own)


def test_seed_every_query_runs_and_names_its_source(seed_store, queries):
    cases = {"who-decided": {"text": "psykisk"}, "agreement": {"name": "utskrivning"},
             "person": {"name": "Ångman"}, "body": {"name": "chefsgrupp"}, "mandates": {},
             "funding": {}, "path": {"a": "Ingmar Ångman", "b": "Marie Gustafsson"}}
    for name, args in cases.items():
        rows = ask(seed_store, queries, name, **args)
        assert rows, name
        assert "protocol" in rows[0] and "item" in rows[0], name
    path = ask(seed_store, queries, "path", a="Ingmar Ångman", b="Marie Gustafsson")
    assert path[0]["from"] == "Ingmar Ångman" and path[-1]["to"] == "Marie Gustafsson"
    assert all(r["protocol"] for r in path)


def test_seed_ask_nothing_matches_suggests(seed_db, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    from govgraph.cli import main
    res = CliRunner().invoke(main, ["ask", "person", "Ingmar Angmann", "--db", str(seed_db)])
    assert res.exit_code == 1 and "nothing matches" in res.output and "Ingmar Ångman" in res.output
    res = CliRunner().invoke(main, ["ask", "who-decided", "utskrivning", "--db", str(seed_db), "--json"])
    assert res.exit_code == 0 and any(r["reported"] for r in json.loads(res.output))


def test_sort_rows_descending():
    rows = [{"a": 5, "d": "2"}, {"a": None, "d": "1"}, {"a": 7, "d": "3"}, {"a": 5, "d": "1"}]
    assert [(r["a"], r["d"]) for r in lib.sort_rows(rows, ["a desc", "d"])] == [
        (7, "3"), (5, "1"), (5, "2"), (None, "1")]


# --------------------------------------------------------------------------- row limits and counts
def test_count_statement_and_without_limit():
    text = "MATCH (d:Decision)\nWITH d ORDER BY d.date, d.id LIMIT $limit\nRETURN d.date AS date"
    assert lib.without_limit(text) == "MATCH (d:Decision)\nWITH d\nRETURN d.date AS date"
    assert lib.count_statement(text) == "MATCH (d:Decision)\nWITH d\nRETURN count(*) AS total"
    union = ("MATCH (a:Person) RETURN a.name AS n ORDER BY n LIMIT $limit\nUNION ALL\n"
             "MATCH (b:Body) WHERE b.name STARTS WITH 'x' RETURN b.name AS n")
    assert lib.count_statement(union) == ("MATCH (a:Person) RETURN count(*) AS total\nUNION ALL\n"
                                          "\nMATCH (b:Body) WHERE b.name STARTS WITH 'x' RETURN count(*) AS total")
    assert lib.count_statement("MATCH (a) RETURN DISTINCT a.kind AS k LIMIT $limit") == \
        "MATCH (a) WITH DISTINCT a.kind AS k\nRETURN count(*) AS total"
    assert lib.count_statement("MATCH (a) RETURN a.x AS x UNION MATCH (b) RETURN b.x AS x") is None


def test_limit_keeps_the_first_rows_and_counts_all(seed_db, queries):
    """On the seeds: every query with a limit gives the first rows of the full answer (by its
    order) and the full answer's count."""
    from govgraph.graph.store import open_store
    cases = {"who-decided": {"text": "samverkan"}, "agreement": {"name": "samverkan"},
             "person": {"name": "Ångman"}, "body": {"name": "samverkansråd"}, "mandates": {},
             "funding": {}}
    with open_store(db=seed_db, read_only=True) as store:
        for name, args in cases.items():
            q = queries[name]
            # person is cut after sorting (no LIMIT $limit), the others in the engine
            assert lib.uses_limit(q, store.kind) == (name != "person"), name
            full = lib.run(store, q, args)
            assert full.total == len(full.rows) > 3 and not full.truncated, name
            for limit in (1, 3, len(full.rows), len(full.rows) + 5):
                cut = lib.run(store, q, args, limit=limit)
                assert cut.total == len(full.rows), (name, limit)
                per = [c.strip() for c in q.limit_per.split(",") if c.strip()]
                if per:                   # body: the first rows of each section
                    seen: dict[tuple, int] = {}
                    expected = []
                    for r in full.rows:
                        group = tuple(r[c] for c in per)
                        seen[group] = seen.get(group, 0) + 1
                        if seen[group] <= limit:
                            expected.append(r)
                else:
                    expected = full.rows[:limit]
                assert len(cut.rows) == len(expected), (name, limit)
                key = q.order[q.order.index("date")] if "date" in q.order else q.order[0]
                assert [(r[key], *(r[c] for c in per)) for r in cut.rows] == \
                    [(r[key], *(r[c] for c in per)) for r in expected], (name, limit)
                assert cut.truncated == (len(expected) < len(full.rows))
        with pytest.raises(lib.QueryError, match="at least 1"):
            lib.run(store, queries["mandates"], {}, limit=0)


def test_funding_totals_are_true_totals_under_a_limit(seed_db, queries):
    from govgraph.graph.store import open_store
    with open_store(db=seed_db, read_only=True) as store:
        full = lib.run(store, queries["funding"], {})
        totals = {(r["body"], r["year"]): r["year_total_sek"] for r in full.rows}
        for r in full.rows:         # a decision read twice is summed once
            own = [x["amount_sek"] or 0 for x in full.rows
                   if (x["body"], x["year"]) == (r["body"], r["year"]) and not x["reported"]]
            assert r["year_total_sek"] == sum(own)
        cut = lib.run(store, queries["funding"], {}, limit=1)
        row = cut.rows[0]
        assert row["year_total_sek"] == totals[(row["body"], row["year"])]
        assert cut.total == len(full.rows)


def test_a_query_without_limit_is_cut_after_sorting(hand, tmp_path):
    (tmp_path / "people.cypher").write_text(
        "// description: every person\n// order: name\nMATCH (p:Person) RETURN p.name AS name\n",
        encoding="utf-8")
    q = lib.load_dir(tmp_path, "user")["people"]
    assert not lib.uses_limit(q, "ladybug")
    res = lib.run(hand, q, {}, limit=1)
    assert [r["name"] for r in res.rows] == ["Ingmar Ångman"] and res.total == 2 and res.truncated


def _ask_seed(seed_db, monkeypatch, *args):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    from govgraph.cli import main
    return CliRunner().invoke(main, ["ask", *args, "--db", str(seed_db)])


def test_ask_shows_a_default_limit_with_an_honest_note(seed_db, monkeypatch):
    import govgraph.cli.query_cmd as qc
    full = _ask_seed(seed_db, monkeypatch, "mandates", "--json")
    every = json.loads(full.stdout)
    assert full.exit_code == 0 and len(every) > 3 and "showing" not in full.stderr
    monkeypatch.setattr(qc, "DEFAULT_LIMIT", 3)
    res = _ask_seed(seed_db, monkeypatch, "mandates")
    assert res.exit_code == 0, res.output
    body = res.stdout.splitlines()
    assert len(body) == 2 + 3                           # header, rule, three rows
    assert f"showing 3 of {len(every)} rows" in res.stderr and "--all" in res.stderr
    res = _ask_seed(seed_db, monkeypatch, "mandates", "--all")
    assert len(res.stdout.splitlines()) == 2 + len(every) and "showing" not in res.stderr
    res = _ask_seed(seed_db, monkeypatch, "mandates", "--limit", "2")
    assert len(res.stdout.splitlines()) == 2 + 2 and f"showing 2 of {len(every)} rows" in res.stderr
    res = _ask_seed(seed_db, monkeypatch, "mandates", "--limit", "2", "--all")
    assert res.exit_code == 2 and "either --limit N or --all" in res.output
    res = _ask_seed(seed_db, monkeypatch, "mandates", "--limit", "0")
    assert res.exit_code == 2


def test_ask_json_and_csv_give_every_row_unless_limited(seed_db, monkeypatch):
    every = json.loads(_ask_seed(seed_db, monkeypatch, "funding", "--json").stdout)
    res = _ask_seed(seed_db, monkeypatch, "funding", "--json", "--limit", "1")
    rows = json.loads(res.stdout)                       # stdout stays a JSON list of rows
    assert res.exit_code == 0 and len(rows) == 1 and rows[0] == every[0]
    assert f"showing 1 of {len(every)} rows" in res.stderr   # the count of all rows
    assert rows[0]["year_total_sek"] == every[0]["year_total_sek"]
    res = _ask_seed(seed_db, monkeypatch, "funding", "--csv")
    assert len(res.stdout.splitlines()) == 1 + len(every) and "showing" not in res.stderr


def test_body_limit_applies_to_each_section(seed_db, monkeypatch):
    every = json.loads(_ask_seed(seed_db, monkeypatch, "body", "samverkansråd", "--json").stdout)
    sections = {r["section"] for r in every}
    assert len(sections) >= 3
    res = _ask_seed(seed_db, monkeypatch, "body", "samverkansråd", "--json", "--limit", "1")
    rows = json.loads(res.stdout)
    assert sorted(r["section"] for r in rows) == sorted(sections)    # one row of each section
    assert f"showing {len(rows)} of {len(every)} rows (at most 1 per section)" in res.stderr


def test_ask_path_found_both_but_not_connected(tmp_path, monkeypatch):
    store = LadybugScratch(tmp_path / "db")
    store.add_node("Person", {"id": "person/anna-ek", "name": "Anna Ek", "aliases": []})
    store.add_node("Person", {"id": "person/bo-alm", "name": "Bo Alm", "aliases": []})
    res = _cli(["path", "anna ek", "Bo Alm"], store, monkeypatch)
    assert res.exit_code == 1
    assert 'found "Anna Ek" and "Bo Alm", but no connection between them within 8 steps' in res.output
    assert "nothing matches" not in res.output and "close names" not in res.output
    res = _cli(["path", "Anna Ek", "Zyx"], store, monkeypatch)
    assert res.exit_code == 1 and "nothing matches" in res.output


def test_a_query_may_count_its_rows_itself(hand, tmp_path):
    (tmp_path / "people.cypher").write_text(
        "// description: every person, counted in the same pass\n// total: n\n// order: name\n"
        "MATCH (p:Person) WITH collect(p.name) AS names UNWIND names AS name\n"
        "WITH size(names) AS n, name ORDER BY name LIMIT $limit\nRETURN n, name\n", encoding="utf-8")
    q = lib.load_dir(tmp_path, "user")["people"]
    assert q.total_column == "n" and lib.uses_limit(q, "ladybug")
    res = lib.run(hand, q, {}, limit=1)
    assert res.rows == [{"name": "Ingmar Ångman"}] and res.columns == ["name"] and res.total == 2
    every = lib.run(hand, q, {})
    assert [r["name"] for r in every.rows] == ["Ingmar Ångman", "Marie Gustafsson"] and every.total == 2
