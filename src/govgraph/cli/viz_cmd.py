"""``govgraph viz``: the governance network as an offline HTML page."""
from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from .common import fail, handle_errors, store_options


@click.command()
@click.option("-o", "--output", "output", default="govgraph.html", show_default=True,
              type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--focus", metavar="NAME", help="Centre on a person, body, organisation or agreement.")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 6),
              help="With --focus: how many steps out from it.")
@click.option("--body", metavar="NAME", help="Only this body and what is directly connected to it.")
@click.option("--since", metavar="DATE", help="Only facts dated on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only facts dated on or before DATE (YYYY-MM-DD).")
@click.option("--types", metavar="LIST", help="Node types to show, comma-separated: person,body,"
              "organization,agreement,post,meeting,item,decision,document or all "
              "[default: person,body,organization,agreement].")
@click.option("--view", type=click.Choice(["network", "bodies"]), default="network", show_default=True,
              help="network: people, bodies, organisations, agreements; bodies: the governance "
                   "structure as a hierarchy.")
@click.option("--max-nodes", default=400, show_default=True, type=int,
              help="Above this many nodes keep the most connected ones (0 = no limit).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
@store_options(read_only=True)
@handle_errors
def viz(output, focus, depth, body, since, until, types, view, max_nodes, open_browser, store_factory):
    """Draw the governance network as a self-contained HTML page (works offline).

    Nodes are coloured and shaped by type (legend at the top) and sized by how connected they
    are; edges are labelled (approved, presented, mandated …); hovering shows details and the
    provenance (protocol, item, quote). Protocol text is always shown as text, never as HTML.

    \b
    Examples:
      govgraph viz --open
      govgraph viz --focus "Ingmar Ångman" --depth 2 --open
      govgraph viz --view bodies -o structure.html
      govgraph viz --body "Chefsgrupp" --since 2024-01-01 --types person,body,agreement
    """
    from ..viz.render import write
    from ..viz.views import ViewError, ViewOptions, build_view, parse_types, store_selection

    for label, value in (("--since", since), ("--until", until)):
        if value and not _is_date(value):
            fail(f"{label} wants a date as YYYY-MM-DD, got {value!r}", 2)
    try:
        opts = ViewOptions(view=view, types=parse_types(types), focus=focus, depth=depth, body=body,
                           since=since, until=until, max_nodes=max_nodes)
    except ViewError as e:
        fail(str(e), 2)
    labels, rel_types = store_selection(opts)
    with store_factory() as store:
        graph = store.to_networkx(labels, rel_types)
    if graph.number_of_nodes() == 0:
        fail("the store is empty: load protocols first, e.g. `govgraph load protokoll/`")
    try:
        v = build_view(graph, opts)
    except ViewError as e:
        fail(str(e))
    res = write(v, output, hierarchical=(view == "bodies"))
    click.echo(f"wrote {output}: {res.nodes} nodes, {res.edges} edges — {v.title}")
    for note in v.notes:
        click.echo(click.style("note: ", fg="yellow") + note)
    if open_browser:
        webbrowser.open(Path(output).resolve().as_uri())


def _is_date(s: str) -> bool:
    import datetime
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False
