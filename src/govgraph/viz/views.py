"""Which part of the graph a view shows: type filter, focus neighbourhood, body, dates, size limit.

Input is a networkx MultiDiGraph in govgraph's convention (node key = id, ``label`` attribute;
edges with ``type``). Output is a :class:`View`: the subgraph to draw plus notes for the user
("showing the 300 most connected of 1 204 nodes").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import networkx as nx

DEFAULT_TYPES = ("Person", "Body", "Organization", "Agreement")
ALL_TYPES = ("Person", "Body", "Organization", "Agreement", "Post", "Meeting", "AgendaItem",
             "Decision", "Document")
TYPE_ALIASES = {
    "person": "Person", "people": "Person", "body": "Body", "bodies": "Body",
    "organization": "Organization", "organisation": "Organization", "organizations": "Organization",
    "org": "Organization", "agreement": "Agreement", "agreements": "Agreement", "post": "Post",
    "posts": "Post", "meeting": "Meeting", "meetings": "Meeting", "item": "AgendaItem",
    "items": "AgendaItem", "agendaitem": "AgendaItem", "decision": "Decision",
    "decisions": "Decision", "document": "Document", "documents": "Document",
}
# above this many nodes the default view keeps the most connected ones (documented in --help)
MAX_NODES = 400


@dataclass
class ViewOptions:
    view: str = "network"                 # network | bodies
    types: tuple[str, ...] = DEFAULT_TYPES
    focus: str | None = None
    depth: int = 2
    body: str | None = None
    since: str | None = None              # ISO date, inclusive
    until: str | None = None
    max_nodes: int = MAX_NODES


@dataclass
class View:
    graph: nx.MultiDiGraph
    title: str
    notes: list[str] = field(default_factory=list)
    focus_id: str | None = None


def store_selection(opts: ViewOptions) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """The node labels and relationship types a view needs from the store (None: all).

    The network view draws the nodes of its types and the relationships between them, plus
    "presented" through hidden items and decisions: that is what is read (a focus may match
    any kind of node, so with a focus everything but documents is). Documents and their
    RECORDED_IN relationships (a third of a store's relationships) are read only when
    documents are shown; a node's ``sources`` come with the node anyway. The bodies view needs
    bodies, organisations, people and how they hang together.
    """
    from ..schema import EDGES, NODES
    if opts.view == "bodies":
        return ("Body", "Organization", "Person"), ("PART_OF", "MEMBER_OF", "REPRESENTS")
    if "Document" in opts.types:
        return None, None
    if opts.focus:
        labels = {lab for lab in NODES if lab != "Document"}
    else:
        labels = set(opts.types)
        if "Person" in labels and "AgendaItem" not in labels:
            labels |= {"AgendaItem", "Decision"}        # Person -presented-> X via items
    types = tuple(t for t, et in EDGES.items() if any(a in labels and b in labels for a, b in et.pairs))
    return tuple(lab for lab in NODES if lab in labels), types


class ViewError(ValueError):
    """A view option that cannot be satisfied (unknown type, no node matches the focus name)."""


def parse_types(spec: str | None) -> tuple[str, ...]:
    if not spec:
        return DEFAULT_TYPES
    out = []
    for part in spec.split(","):
        key = part.strip().lower().replace("_", "").replace("-", "")
        if not key:
            continue
        if key == "all":
            return ALL_TYPES
        if key not in TYPE_ALIASES:
            raise ViewError(f"unknown node type {part.strip()!r}; use some of: "
                            + ", ".join(sorted({v.lower() for v in TYPE_ALIASES.values()})) + " or all")
        out.append(TYPE_ALIASES[key])
    return tuple(dict.fromkeys(out))


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for matching names."""
    s = unicodedata.normalize("NFKD", text or "").casefold()
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).replace("-", " ").split())


def node_names(data: dict) -> list[str]:
    names = [data.get("name") or data.get("title") or ""]
    names += list(data.get("aliases") or [])
    return [n for n in names if n]


def find_nodes(g: nx.MultiDiGraph, name: str, labels: tuple[str, ...] | None = None) -> list[str]:
    """Node ids whose name or alias matches ``name``: exact (folded) first, then containment."""
    want = fold(name)
    exact, partial = [], []
    for nid, data in g.nodes(data=True):
        if labels and data.get("label") not in labels:
            continue
        names = [fold(n) for n in node_names(data)]
        if want in names or want == fold(str(nid)):
            exact.append(nid)
        elif any(want in n for n in names):
            partial.append(nid)
    return sorted(exact) or sorted(partial)


def _edge_date(data: dict) -> str | None:
    return data.get("date") or data.get("last_seen") or data.get("first_seen")


def _date_filtered(g: nx.MultiDiGraph, since: str | None, until: str | None) -> nx.MultiDiGraph:
    if not since and not until:
        return g
    h = nx.MultiDiGraph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, k, d in g.edges(keys=True, data=True):
        date = _edge_date(d)
        if date and since and date[:10] < since:
            continue
        if date and until and date[:10] > until:
            continue
        h.add_edge(u, v, key=k, **d)
    # meetings outside the range go, and with them what only they connected
    for nid, data in list(h.nodes(data=True)):
        date = data.get("date")
        if data.get("label") in ("Meeting", "AgendaItem", "Decision") and date:
            if (since and date < since) or (until and date > until):
                h.remove_node(nid)
    return h


def _project(g: nx.MultiDiGraph, types: tuple[str, ...]) -> nx.MultiDiGraph:
    """Keep nodes of ``types``; add derived edges so hidden event nodes still connect people,
    bodies and agreements (Person -presented-> Agreement via the item's decision, …)."""
    keep = {n for n, d in g.nodes(data=True) if d.get("label") in types}
    h = nx.MultiDiGraph()
    h.add_nodes_from((n, g.nodes[n]) for n in keep)
    for u, v, k, d in g.edges(keys=True, data=True):
        if u in keep and v in keep:
            h.add_edge(u, v, key=k, **d)
    hidden_items = "AgendaItem" not in types
    if hidden_items and "Person" in types:
        # Person -PRESENTED-> AgendaItem -RESULTED_IN-> Decision -CONCERNS-> X   ⇒  Person -presented-> X
        for u, item, k, d in g.edges(keys=True, data=True):
            if d.get("type") != "PRESENTED" or u not in keep or g.nodes[item].get("label") != "AgendaItem":
                continue
            for _, dec, d2 in g.out_edges(item, data=True):
                if d2.get("type") != "RESULTED_IN":
                    continue
                for _, x, d3 in g.out_edges(dec, data=True):
                    if d3.get("type") == "CONCERNS" and x in keep and x != u:
                        h.add_edge(u, x, key=f"presented:{u}:{x}", type="PRESENTED", **{
                            k2: v2 for k2, v2 in d.items() if k2 != "type"})
    return h


def _bodies_view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Bodies, their parent/child relations and the organisations behind them (via members)."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        if d.get("label") == "Body":
            h.add_node(n, **d)
    for u, v, k, d in g.edges(keys=True, data=True):
        if d.get("type") == "PART_OF" and u in h:
            if v not in h:
                h.add_node(v, **g.nodes[v])
            h.add_edge(u, v, key=k, **d)
    # organisations behind a body: members (MEMBER_OF) who REPRESENT an organisation
    counts: dict[tuple[str, str], int] = {}
    for person, body, d in g.edges(data=True):
        if d.get("type") != "MEMBER_OF" or body not in h:
            continue
        for _, org, d2 in g.out_edges(person, data=True):
            if d2.get("type") == "REPRESENTS":
                counts[(org, body)] = counts.get((org, body), 0) + 1
    for (org, body), n in sorted(counts.items()):
        if org not in h:
            h.add_node(org, **g.nodes[org])
        h.add_edge(org, body, key=f"represented:{org}:{body}", type="REPRESENTED_IN", members=n)
    return h


def _limit(h: nx.MultiDiGraph, max_nodes: int, keep: set[str]) -> tuple[nx.MultiDiGraph, str | None]:
    n = h.number_of_nodes()
    if max_nodes <= 0 or n <= max_nodes:
        return h, None
    ranked = sorted(h.nodes, key=lambda x: (-h.degree(x), str(x)))
    chosen = set(keep) | set(ranked[: max(0, max_nodes - len(keep))])
    return h.subgraph(chosen).copy(), (
        f"showing the {len(chosen)} most connected of {n} nodes; narrow the view with "
        f"--focus, --body, --types or --since, or raise --max-nodes")


def build_view(g: nx.MultiDiGraph, opts: ViewOptions) -> View:
    notes: list[str] = []
    base = _date_filtered(g, opts.since, opts.until)
    focus_id = None
    if opts.view == "bodies":
        h = _bodies_view(base)
        title = "Governance structure: bodies and the organisations behind them"
    else:
        types = tuple(opts.types)
        focus_ids: list[str] = []
        if opts.focus:
            focus_ids = find_nodes(base, opts.focus)
            if not focus_ids:
                raise ViewError(f"no person, body, organisation or agreement matches {opts.focus!r}")
            focus_id = focus_ids[0]
            if len(focus_ids) > 1:
                notes.append(f"{len(focus_ids)} nodes match {opts.focus!r}; focusing on "
                             f"{base.nodes[focus_id].get('name', focus_id)}")
            label = base.nodes[focus_id].get("label")
            if label not in types:
                types = types + (label,)
        h = _project(base, types)
        title = "Governance network"
        if opts.body:
            body_ids = find_nodes(base, opts.body, ("Body",))
            if not body_ids:
                raise ViewError(f"no body matches {opts.body!r}")
            keep = set(body_ids)
            for b in body_ids:
                keep |= set(nx.ego_graph(h.to_undirected(as_view=True), b, radius=1).nodes) if b in h else set()
            h = h.subgraph(keep).copy()
            title += f" around {base.nodes[body_ids[0]].get('name')}"
        if focus_id is None and not opts.body:
            lonely = [n for n in h.nodes if h.degree(n) == 0]
            if lonely and len(lonely) < h.number_of_nodes():
                h.remove_nodes_from(lonely)
                notes.append(f"{len(lonely)} nodes without connections in this view are not drawn "
                             f"(they are mentioned in protocols only); use --focus or --types to see them")
        if focus_id is not None:
            und = h.to_undirected(as_view=True)
            near = nx.ego_graph(und, focus_id, radius=max(0, opts.depth)).nodes
            h = h.subgraph(near).copy()
            title = f"{base.nodes[focus_id].get('name', focus_id)} — depth {opts.depth}"
    if opts.since or opts.until:
        title += f" ({opts.since or '…'} – {opts.until or '…'})"
    h, note = _limit(h, opts.max_nodes, {focus_id} if focus_id else set())
    if note:
        notes.append(note)
    return View(h, title, notes, focus_id)
