"""`govgraph viz` pages in a real headless Chromium (Debian's package, driven by Playwright)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from govgraph.viz.render import write
from govgraph.viz.views import ViewOptions, build_view, parse_types

from .test_viz import XSS, small_graph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; "
                                                "scripts/system-deps.sh does it)"),
]
playwright = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, path: Path):
    """Open a page; collect console errors, page errors and dialogs (alert = XSS)."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    events = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: m.type == "error" and events["errors"].append(m.text))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:")) and events["requests"].append(r.url))
    t0 = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.govgraph && window.govgraph.rendered === true", timeout=10_000)
    return page, events, time.perf_counter() - t0


def counts(page) -> tuple[int, int]:
    return (page.evaluate("window.govgraph.network.body.data.nodes.length"),
            page.evaluate("window.govgraph.network.body.data.edges.length"))


def test_page_loads_offline_without_errors_and_shows_every_node(browser, tmp_path):
    view = build_view(small_graph(), ViewOptions(types=parse_types("all")))
    res = write(view, tmp_path / "g.html")
    page, events, _ = open_page(browser, tmp_path / "g.html")
    assert counts(page) == (res.nodes, res.edges)
    assert events["errors"] == []
    assert events["requests"] == []            # nothing fetched from the network
    page.screenshot(path=str(tmp_path / "g.png"))
    assert (tmp_path / "g.png").stat().st_size > 5_000


def test_injected_markup_stays_text(browser, tmp_path):
    view = build_view(small_graph(), ViewOptions(types=parse_types("all")))
    write(view, tmp_path / "x.html")
    page, events, _ = open_page(browser, tmp_path / "x.html")
    assert events["dialogs"] == []             # no alert() ran
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    assert page.evaluate("document.scripts.length") == 2   # only our two scripts
    label = page.evaluate("window.govgraph.nodes.get('person/evil').label")
    assert label == XSS[:60]                   # the name is data, intact


def test_seed_pages(browser, tmp_path, request):
    """The real seeds: whole network and the focus view of Ingmar Ångman (within 2 s)."""
    try:
        seed_db = request.getfixturevalue("seed_db")
    except pytest.FixtureLookupError:
        pytest.skip("the seed_db fixture (store) is not available")
    from govgraph.graph.store import open_store
    with open_store(db=str(seed_db), read_only=True) as store:
        graph = store.to_networkx()
    full = write(build_view(graph, ViewOptions()), tmp_path / "seeds.html")
    page, events, _ = open_page(browser, tmp_path / "seeds.html")
    assert events["errors"] == []
    assert counts(page) == (full.nodes, full.edges)
    assert full.nodes > 20
    page.screenshot(path=str(tmp_path / "seeds.png"))

    focus = write(build_view(graph, ViewOptions(focus="Ingmar Ångman", depth=2)), tmp_path / "focus.html")
    page, events, seconds = open_page(browser, tmp_path / "focus.html")
    assert events["errors"] == []
    assert seconds < 2.0
    assert counts(page) == (focus.nodes, focus.edges)
    assert page.evaluate("window.govgraph.nodes.get('%s') !== null" % build_view(
        graph, ViewOptions(focus="Ingmar Ångman")).focus_id)
