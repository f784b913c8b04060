"""The viz views and page (without a browser); browser tests are in test_viz_browser.py."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from govgraph.viz.render import render
from govgraph.viz.views import ViewError, ViewOptions, build_view, find_nodes, parse_types

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("body/radet", label="Body", name="Samverkansrådet", kind="council", sources=["doc/a"])
    g.add_node("body/chefsgruppen", label="Body", name="Chefsgruppen", kind="management_group",
               sources=["doc/a"])
    g.add_node("organization/region-x", label="Organization", name="Region X", kind="region",
               sources=["doc/a"])
    g.add_node("person/ingmar-angman", label="Person", name="Ingmar Ångman",
               aliases=["Ingmar Ångman", "Ingmar Angman"], sources=["doc/a", "doc/b"])
    g.add_node("person/evil", label="Person", name=XSS, sources=["doc/b"])
    g.add_node("agreement/ok", label="Agreement", name="Överenskommelse om samverkan", kind="överenskommelse",
               sources=["doc/a"])
    g.add_node("meeting/radet/2017-09-22", label="Meeting", name="Samverkansrådet 2017-09-22",
               date="2017-09-22", sources=["doc/a"])
    g.add_node("item/m/6", label="AgendaItem", number="6", title="ÖK", date="2017-09-22", sources=["doc/a"])
    g.add_node("decision/m/6/1", label="Decision", kind="approve", date="2017-09-22", sources=["doc/a"])
    prov = {"source": "doc/a", "item": "6", "span_start": 10, "span_end": 10, "quote": XSS}
    g.add_edge("body/radet", "agreement/ok", key="a", type="APPROVED", date="2017-09-22", **prov)
    g.add_edge("person/ingmar-angman", "item/m/6", key="b", type="PRESENTED", date="2017-09-22", **prov)
    g.add_edge("item/m/6", "decision/m/6/1", key="c", type="RESULTED_IN", **prov)
    g.add_edge("decision/m/6/1", "agreement/ok", key="d", type="CONCERNS", **prov)
    g.add_edge("person/ingmar-angman", "body/chefsgruppen", key="e", type="MEMBER_OF",
               first_seen="2024-03-15", last_seen="2024-03-15", **prov)
    g.add_edge("person/ingmar-angman", "organization/region-x", key="f", type="REPRESENTS", **prov)
    g.add_edge("person/evil", "body/radet", key="g", type="MEMBER_OF", first_seen="2017-09-22",
               last_seen="2017-09-22", **prov)
    g.add_edge("body/chefsgruppen", "organization/region-x", key="h", type="PART_OF", **prov)
    g.add_edge("body/radet", "meeting/radet/2017-09-22", key="i", type="HELD", **prov)
    return g


def test_parse_types():
    assert parse_types(None) == ("Person", "Body", "Organization", "Agreement")
    assert parse_types("person, bodies,item") == ("Person", "Body", "AgendaItem")
    assert "Decision" in parse_types("all")
    with pytest.raises(ViewError):
        parse_types("persons,unicorns")


def test_find_nodes_is_case_and_diacritic_insensitive():
    g = small_graph()
    assert find_nodes(g, "ingmar angman") == ["person/ingmar-angman"]
    assert find_nodes(g, "INGMAR ÅNGMAN") == ["person/ingmar-angman"]
    assert find_nodes(g, "chefsgrupp") == ["body/chefsgruppen"]
    assert find_nodes(g, "nobody at all") == []


def test_default_view_projects_presenter_onto_agreement():
    v = build_view(small_graph(), ViewOptions())
    labels = {d["label"] for _, d in v.graph.nodes(data=True)}
    assert labels == {"Person", "Body", "Organization", "Agreement"}
    types = {(u, w, d["type"]) for u, w, d in v.graph.edges(data=True)}
    assert ("person/ingmar-angman", "agreement/ok", "PRESENTED") in types
    assert ("body/radet", "agreement/ok", "APPROVED") in types


def test_focus_depth_limits_neighbourhood():
    g = small_graph()
    v1 = build_view(g, ViewOptions(focus="Ingmar Ångman", depth=1))
    assert v1.focus_id == "person/ingmar-angman"
    assert set(v1.graph.nodes) == {"person/ingmar-angman", "agreement/ok", "body/chefsgruppen",
                                   "organization/region-x"}
    v0 = build_view(g, ViewOptions(focus="Ingmar Ångman", depth=0))
    assert set(v0.graph.nodes) == {"person/ingmar-angman"}
    with pytest.raises(ViewError):
        build_view(g, ViewOptions(focus="Nobody Here"))


def test_date_filter_drops_edges_outside_range():
    v = build_view(small_graph(), ViewOptions(since="2020-01-01"))
    types = {d["type"] for _, _, d in v.graph.edges(data=True)}
    assert "APPROVED" not in types          # 2017
    assert "MEMBER_OF" in types             # 2024


def test_bodies_view_is_a_hierarchy_with_organisations():
    v = build_view(small_graph(), ViewOptions(view="bodies"))
    labels = {d["label"] for _, d in v.graph.nodes(data=True)}
    assert labels == {"Body", "Organization"}
    assert any(d["type"] == "PART_OF" for _, _, d in v.graph.edges(data=True))
    assert any(d["type"] == "REPRESENTED_IN" for _, _, d in v.graph.edges(data=True))


def test_large_graph_is_limited_and_says_so():
    g = nx.MultiDiGraph()
    for i in range(50):
        g.add_node(f"person/p{i}", label="Person", name=f"P {i}")
    g.add_node("body/b", label="Body", name="B")
    for i in range(50):
        g.add_edge(f"person/p{i}", "body/b", type="MEMBER_OF")
    v = build_view(g, ViewOptions(max_nodes=10))
    assert v.graph.number_of_nodes() == 10
    assert "body/b" in v.graph          # the most connected node is kept
    assert any("most connected" in n for n in v.notes)


def test_page_is_offline_and_escapes_protocol_text():
    res = render(build_view(small_graph(), ViewOptions(types=parse_types("all"))))
    page = res.html
    assert "vis.Network" in page and "cdnjs" not in page and "jsdelivr" not in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", page)
    # the injected markup never appears as markup: only the JSON-escaped form
    assert XSS not in page
    assert "<img src=x" not in page
    assert "\\u003cscript\\u003e" in page
    data = re.search(r"new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1)
    nodes = json.loads(data)
    names = [n["label"] for n in nodes]
    assert XSS[:60] in names
    # colours follow the legend: no vis "group" that would recolour nodes
    from govgraph.viz.render import STYLE
    for n in nodes:
        assert "group" not in n
        assert n["color"] == STYLE[n["kind"]]["color"]
    assert res.nodes == small_graph().number_of_nodes()


# --------------------------------------------------------------------------- the command
def test_cli_viz_on_the_seeds(seed_db, tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import main
    out = tmp_path / "focus.html"
    res = CliRunner().invoke(main, ["viz", "--db", str(seed_db), "--focus", "Ingmar Ångman", "--depth", "2",
                                    "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Ingmar Ångman" in res.output and out.exists()
    page = out.read_text(encoding="utf-8")
    assert "Ingmar Ångman — depth 2" in page
    res = CliRunner().invoke(main, ["viz", "--db", str(seed_db), "--view", "bodies", "-o", str(tmp_path / "b.html")])
    assert res.exit_code == 0, res.output
    assert "Governance structure" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_cli_viz_errors_are_one_line(seed_db, tmp_path):
    from click.testing import CliRunner

    from govgraph.cli import main
    res = CliRunner().invoke(main, ["viz", "--db", str(seed_db), "--focus", "Nobody Nowhere", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "Nobody Nowhere" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(main, ["viz", "--db", str(seed_db), "--since", "last year"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
    res = CliRunner().invoke(main, ["viz", "--db", str(seed_db), "--types", "unicorns"])
    assert res.exit_code == 2 and "unicorns" in res.output
    res = CliRunner().invoke(main, ["viz", "--db", str(tmp_path / "empty.lbdb"), "-o", str(tmp_path / "e.html")])
    assert res.exit_code == 1 and "load protocols first" in res.output


def test_views_read_only_what_they_draw(seed_db):
    """The store is asked for what a view needs: no documents and RECORDED_IN unless documents
    are shown; the bodies view only bodies, organisations, people and their links. The view
    is the same as the one built from the whole graph."""
    from govgraph.graph.store import open_store
    from govgraph.viz.views import store_selection
    labels, types = store_selection(ViewOptions())
    assert "Document" not in labels and "RECORDED_IN" not in types and "PRESENTED" in types
    assert store_selection(ViewOptions(types=("Person", "Document"))) == (None, None)
    with open_store(db=seed_db, read_only=True) as store:
        whole = store.to_networkx()
        for opts in (ViewOptions(), ViewOptions(view="bodies"), ViewOptions(focus="Ingmar Ångman")):
            labels, types = store_selection(opts)
            part = store.to_networkx(labels, types)
            assert part.number_of_edges() < whole.number_of_edges()
            assert all(d["label"] in labels for _, d in part.nodes(data=True))
            a, b = build_view(whole, opts).graph, build_view(part, opts).graph
            assert sorted(a.nodes) == sorted(b.nodes)
            assert sorted((u, v, k) for u, v, k in a.edges(keys=True)) == \
                sorted((u, v, k) for u, v, k in b.edges(keys=True))
            # nodes keep their provenance without the RECORDED_IN relationships being read
            assert all(d.get("sources") for _, d in part.nodes(data=True))
