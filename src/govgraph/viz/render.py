"""Render a :class:`View` as one self-contained, offline HTML page with pyvis.

vis-network and its CSS are inlined from the copy that ships inside pyvis (no CDN). All text
from protocols reaches the page only as JSON inside a script (Jinja's ``tojson`` escapes
``<``, ``>``, ``&`` and quotes) and vis-network shows string tooltips as plain text, so a
protocol containing ``<script>`` or ``<img onerror=…>`` stays text. The page exposes
``window.govgraph = {network, nodes, edges}`` for tests and power users.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from pyvis.network import Network

from .views import View

STYLE: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Body": {"color": "#e15759", "shape": "diamond"},
    "Organization": {"color": "#59a14f", "shape": "square"},
    "Agreement": {"color": "#f28e2b", "shape": "triangle"},
    "Post": {"color": "#b07aa1", "shape": "dot"},
    "Meeting": {"color": "#76b7b2", "shape": "hexagon"},
    "AgendaItem": {"color": "#9c755f", "shape": "dot"},
    "Decision": {"color": "#edc948", "shape": "star"},
    "Document": {"color": "#bab0ac", "shape": "box"},
}
LABEL_NAMES = {"AgendaItem": "Agenda item", "Organization": "Organisation"}
DETAIL_KEYS = ("kind", "date", "place", "number", "subject", "amount_sek", "kommunkod",
               "org_number", "party", "of_name")


@dataclass
class RenderResult:
    html: str
    nodes: int
    edges: int


def _pyvis_lib() -> Path:
    import pyvis
    return Path(pyvis.__file__).parent / "templates" / "lib"


def _node_name(nid: str, d: dict) -> str:
    return str(d.get("name") or d.get("title") or d.get("number") or nid)


def _tooltip(nid: str, d: dict) -> str:
    """Plain-text tooltip (vis-network shows string titles as text, never as HTML)."""
    label = d.get("label", "")
    lines = [f"{_node_name(nid, d)}", f"{LABEL_NAMES.get(label, label)}  ·  {nid}"]
    for k in DETAIL_KEYS:
        v = d.get(k)
        if v not in (None, "", []):
            lines.append(f"{k}: {v}")
    aliases = [a for a in d.get("aliases") or [] if a != d.get("name")]
    if aliases:
        lines.append("also written: " + "; ".join(aliases[:8]))
    sources = d.get("sources") or []
    if sources:
        lines.append(f"sources ({len(sources)}): " + "; ".join(str(s) for s in sources[:5])
                     + (" …" if len(sources) > 5 else ""))
    return "\n".join(lines)


def _edge_tooltip(d: dict) -> str:
    lines = [str(d.get("type", "")).replace("_", " ").lower()]
    for k in ("role", "date", "amount_sek", "task", "post", "purpose", "members"):
        v = d.get(k)
        if v not in (None, "", []):
            lines.append(f"{k}: {v}")
    if d.get("source"):
        where = f"protocol: {d['source']}"
        if d.get("item"):
            where += f", item {d['item']}"
        if d.get("span_start"):
            where += f", lines {d['span_start']}–{d.get('span_end') or d['span_start']}"
        lines.append(where)
    if d.get("quote"):
        q = " ".join(str(d["quote"]).split())
        lines.append(f"“{q[:300]}{'…' if len(q) > 300 else ''}”")
    return "\n".join(lines)


def _network(view: View, hierarchical: bool) -> Network:
    g = view.graph
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degree = dict(g.degree())
    top = max(degree.values(), default=1) or 1
    for nid, d in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        style = STYLE.get(d.get("label"), {"color": "#999999", "shape": "dot"})
        size = 10 + 30 * (degree.get(nid, 0) / top) ** 0.5
        net.add_node(str(nid), label=_node_name(nid, d)[:60], title=_tooltip(nid, d),
                     color=style["color"], shape=style["shape"], size=round(size, 1),
                     kind=d.get("label", "other"),
                     borderWidth=4 if nid == view.focus_id else 1)
    # collapse parallel edges of the same type into one labelled edge
    seen: dict[tuple[str, str, str], dict] = {}
    for u, v, d in g.edges(data=True):
        key = (str(u), str(v), str(d.get("type")))
        if key in seen:
            seen[key]["count"] += 1
            continue
        seen[key] = {"count": 1, "data": d}
    for (u, v, t), info in sorted(seen.items()):
        label = t.replace("_", " ").lower()
        if info["count"] > 1:
            label += f" ×{info['count']}"
        net.add_edge(u, v, label=label, title=_edge_tooltip(info["data"]), arrows="to")
    options: dict = {
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "edges": {"font": {"size": 9, "align": "middle"}, "color": {"inherit": "from"},
                  "smooth": {"type": "dynamic"}},
        "nodes": {"font": {"size": 13}},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150}},
    }
    if hierarchical:
        options["layout"] = {"hierarchical": {"enabled": True, "direction": "UD",
                                              "sortMethod": "directed", "levelSeparation": 140}}
        options["physics"] = {"enabled": False}
    net.set_options(json.dumps(options))
    return net


def render(view: View, *, hierarchical: bool = False) -> RenderResult:
    net = _network(view, hierarchical)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    lib = _pyvis_lib()
    template = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: resources.files("govgraph.viz").joinpath(name).read_text(encoding="utf-8")),
        autoescape=jinja2.select_autoescape(default=True),
    ).get_template("template.html")
    legend = [(LABEL_NAMES.get(k, k), v["color"], v["shape"]) for k, v in STYLE.items()
              if any(d.get("label") == k for _, d in view.graph.nodes(data=True))]
    page = template.render(
        title=view.title, notes=view.notes, nodes=nodes, edges=edges, options=json.loads(options),
        legend=legend,
        vis_js=(lib / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(lib / "vis-9.1.2" / "vis-network.css").read_text(encoding="utf-8"),
        counts={"nodes": len(nodes), "edges": len(edges)},
    )
    return RenderResult(page, len(nodes), len(edges))


def write(view: View, path: str | Path, *, hierarchical: bool = False) -> RenderResult:
    res = render(view, hierarchical=hierarchical)
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(res.html, encoding="utf-8")
    return res
