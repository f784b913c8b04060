"""CSV tables of the graph for analysts and open-data portals.

``export_tables(source, out_dir)`` writes one UTF-8 CSV per table (header row, rows sorted by
their first columns, so the same graph always gives the same bytes). ``source`` is a store
(``iter_nodes``/``iter_edges``, see docs/ARCHITECTURE.md) or a networkx graph following the
same convention. Nodes and edges are read once each, in one pass per kind; only names and the
rows of the tables are held in memory.

Tables and columns (docs/graph.md describes each column):

people.csv         id, name, aliases, given_name, family_name, party, organizations, posts,
                   bodies, documents
bodies.csv         id, name, kind, aliases, part_of, meetings, documents
organizations.csv  id, name, kind, aliases, kommunkod, county_code, org_number, wikidata,
                   documents
agreements.csv     id, name, kind, aliases, parties, decisions, documents
meetings.csv       id, body_id, body, date, place, title, items, attendees, source
attendance.csv     meeting, date, body, person_id, person, role, present, title, party,
                   organization, serves_for, items, source
items.csv          id, meeting, date, body, number, ordinal, title, presenters, decisions, source
decisions.csv      id, meeting, date, item, body_id, body, kind, subject, concerns_id, concerns,
                   assignee_id, assignee, amount_sek, reported, text, source, span_start,
                   span_end, quote

Multi-valued cells are joined with ``|``.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator

SEP = "|"

COLUMNS: dict[str, list[str]] = {
    "people": ["id", "name", "aliases", "given_name", "family_name", "party", "organizations",
               "posts", "bodies", "documents"],
    "bodies": ["id", "name", "kind", "aliases", "part_of", "meetings", "documents"],
    "organizations": ["id", "name", "kind", "aliases", "kommunkod", "county_code", "org_number",
                      "wikidata", "documents"],
    "agreements": ["id", "name", "kind", "aliases", "parties", "decisions", "documents"],
    "meetings": ["id", "body_id", "body", "date", "place", "title", "items", "attendees", "source"],
    "attendance": ["meeting", "date", "body", "person_id", "person", "role", "present", "title",
                   "party", "organization", "serves_for", "items", "source"],
    "items": ["id", "meeting", "date", "body", "number", "ordinal", "title", "presenters",
              "decisions", "source"],
    "decisions": ["id", "meeting", "date", "item", "body_id", "body", "kind", "subject",
                  "concerns_id", "concerns", "assignee_id", "assignee", "amount_sek", "reported",
                  "text", "source", "span_start", "span_end", "quote"],
}


def _iter_nodes(source) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if hasattr(source, "iter_nodes"):
        for nid, label, props in source.iter_nodes():
            yield nid, label, dict(props or {})
        return
    for nid, attrs in source.nodes(data=True):
        props = dict(attrs)
        label = props.pop("label", None)
        yield nid, label, props


def _iter_edges(source) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    if hasattr(source, "iter_edges"):
        for src, dst, rel, props in source.iter_edges():
            yield src, dst, rel, dict(props or {})
        return
    for src, dst, attrs in source.edges(data=True):
        props = dict(attrs)
        rel = props.pop("type", None)
        yield src, dst, rel, props


def _join(values: Iterable[Any]) -> str:
    out = []
    for v in values:
        if v is None or v == "":
            continue
        s = str(v)
        if s not in out:
            out.append(s)
    return SEP.join(out)


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, set)):
        return _join(sorted(str(x) for x in v))
    return v


def _natural(number: Any) -> tuple:
    """Sort key for item numbers: "2" < "8" < "8a" < "10"."""
    s = str(number or "")
    digits = "".join(c for c in s if c.isdigit())
    return (int(digits) if digits else 10**9, s)


def export_tables(source, out_dir: str | Path) -> list[Path]:
    """Write the CSV tables of ``source`` (a store or a networkx graph) into ``out_dir``.

    Returns the written paths in the order of ``COLUMNS``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    nodes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)   # label -> id -> props
    for nid, label, props in _iter_nodes(source):
        if label:
            nodes[label][nid] = props

    def name(nid: str | None) -> str:
        if not nid:
            return ""
        for label in ("Person", "Body", "Organization", "Agreement", "AgendaItem", "Post", "Meeting"):
            p = nodes.get(label, {}).get(nid)
            if p is not None:
                return p.get("name") or p.get("title") or nid
        return nid

    rel: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    attendance: list[dict[str, Any]] = []
    decided: dict[str, tuple[str, dict]] = {}
    concerns: dict[str, str] = {}
    assigned: dict[str, str] = {}
    for src, dst, t, props in _iter_edges(source):
        if t == "REPRESENTS":
            rel["person_orgs"][src].append(dst)
        elif t == "HOLDS":
            rel["person_posts"][src].append(dst)
        elif t == "MEMBER_OF":
            rel["person_bodies"][src].append(dst)
        elif t == "PART_OF":
            rel["part_of"][src].append(dst)
        elif t == "HELD":
            rel["body_meetings"][src].append(dst)
            rel["meeting_body"][dst].append(src)
        elif t == "PARTY_TO":
            rel["agreement_parties"][dst].append(src)
        elif t == "HAS_ITEM":
            rel["meeting_items"][src].append(dst)
        elif t == "RESULTED_IN":
            rel["item_decisions"][src].append(dst)
        elif t == "PRESENTED" and dst.startswith("item/"):
            rel["item_presenters"][dst].append(src)
        elif t == "DECIDED":
            decided[dst] = (src, props)
        elif t == "CONCERNS":
            concerns[src] = dst
            if dst.startswith("agreement/"):
                rel["agreement_decisions"][dst].append(src)
        elif t == "ASSIGNED_TO":
            assigned[src] = dst
        elif t == "ATTENDED":
            attendance.append({"meeting": dst, "person_id": src, **props})
            rel["meeting_attendees"][dst].append(src)

    def docs(p: dict) -> str:
        return _join(sorted(p.get("sources") or []))

    tables: dict[str, list[dict[str, Any]]] = {k: [] for k in COLUMNS}
    for pid, p in nodes.get("Person", {}).items():
        tables["people"].append({
            "id": pid, "name": p.get("name"), "aliases": _join(sorted(p.get("aliases") or [])),
            "given_name": p.get("given_name"), "family_name": p.get("family_name"),
            "party": p.get("party"),
            "organizations": _join(sorted(name(x) for x in rel["person_orgs"].get(pid, []))),
            "posts": _join(sorted(name(x) for x in rel["person_posts"].get(pid, []))),
            "bodies": _join(sorted(name(x) for x in rel["person_bodies"].get(pid, []))),
            "documents": docs(p)})
    for bid, p in nodes.get("Body", {}).items():
        tables["bodies"].append({
            "id": bid, "name": p.get("name"), "kind": p.get("kind"),
            "aliases": _join(sorted(p.get("aliases") or [])),
            "part_of": _join(sorted(name(x) for x in rel["part_of"].get(bid, []))),
            "meetings": len(set(rel["body_meetings"].get(bid, []))), "documents": docs(p)})
    for oid, p in nodes.get("Organization", {}).items():
        tables["organizations"].append({
            "id": oid, **{c: p.get(c) for c in ("name", "kind", "kommunkod", "county_code",
                                                "org_number", "wikidata")},
            "aliases": _join(sorted(p.get("aliases") or [])), "documents": docs(p)})
    for aid, p in nodes.get("Agreement", {}).items():
        tables["agreements"].append({
            "id": aid, "name": p.get("name"), "kind": p.get("kind"),
            "aliases": _join(sorted(p.get("aliases") or [])),
            "parties": _join(sorted(name(x) for x in rel["agreement_parties"].get(aid, []))),
            "decisions": len(set(rel["agreement_decisions"].get(aid, []))), "documents": docs(p)})
    meetings = nodes.get("Meeting", {})
    for mid, p in meetings.items():
        body_ids = rel["meeting_body"].get(mid, [])
        tables["meetings"].append({
            "id": mid, "body_id": body_ids[0] if body_ids else "",
            "body": name(body_ids[0]) if body_ids else p.get("body"),
            "date": p.get("date"), "place": p.get("place"), "title": p.get("title"),
            "items": len(set(rel["meeting_items"].get(mid, []))),
            "attendees": len(set(rel["meeting_attendees"].get(mid, []))), "source": docs(p)})
    for a in attendance:
        m = meetings.get(a["meeting"], {})
        tables["attendance"].append({
            "meeting": a["meeting"], "date": m.get("date"), "body": m.get("body"),
            "person_id": a["person_id"], "person": name(a["person_id"]),
            **{c: a.get(c) for c in ("role", "present", "title", "party", "organization",
                                     "serves_for", "items", "source")}})
    items = nodes.get("AgendaItem", {})
    item_meeting = {}
    for iid, p in items.items():
        mid = p.get("meeting") or ""
        item_meeting[iid] = mid
        m = meetings.get(mid, {})
        tables["items"].append({
            "id": iid, "meeting": mid, "date": p.get("date") or m.get("date"), "body": m.get("body"),
            "number": p.get("number"), "ordinal": p.get("ordinal"), "title": p.get("title"),
            "presenters": _join(sorted(name(x) for x in rel["item_presenters"].get(iid, []))),
            "decisions": len(set(rel["item_decisions"].get(iid, []))),
            "source": docs(p)})
    for did, p in nodes.get("Decision", {}).items():
        body_id, dprops = decided.get(did, ("", {}))
        tables["decisions"].append({
            "id": did, "meeting": p.get("meeting"), "date": p.get("date"), "item": p.get("item"),
            "body_id": body_id, "body": name(body_id) if body_id else p.get("by"),
            "kind": p.get("kind"), "subject": p.get("subject"),
            "concerns_id": concerns.get(did, ""), "concerns": name(concerns.get(did)),
            "assignee_id": assigned.get(did, ""),
            "assignee": name(assigned.get(did)) if did in assigned else p.get("assignee"),
            "amount_sek": p.get("amount_sek"), "reported": p.get("reported"),
            "text": p.get("text"), "source": dprops.get("source") or docs(p),
            "span_start": dprops.get("span_start"), "span_end": dprops.get("span_end"),
            "quote": dprops.get("quote")})

    sort_keys = {
        "attendance": lambda r: (str(r["meeting"]), str(r["person_id"]), str(r.get("role") or "")),
        "items": lambda r: (str(r["meeting"]), r.get("ordinal") or 0, _natural(r["number"])),
        "decisions": lambda r: (str(r["meeting"] or ""), _natural(r["item"]),
                                int(str(r["id"]).rsplit("/", 1)[-1]) if str(r["id"]).rsplit("/", 1)[-1].isdigit() else 0,
                                str(r["id"])),
    }
    written: list[Path] = []
    for table, cols in COLUMNS.items():
        rows = tables[table]
        rows.sort(key=sort_keys.get(table, lambda r: str(r["id"])))
        path = out / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([_cell(r.get(c)) for c in cols])
        written.append(path)
    return written
