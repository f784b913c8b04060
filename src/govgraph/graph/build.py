"""Protocol -> graph: the subgraph of one protocol, with entities resolved across protocols.

``protocol_subgraph(protocol, resolver, doc_id)`` turns one extracted :class:`Protocol` into a
``networkx.MultiDiGraph`` following the convention of docs/ARCHITECTURE.md (node key = id,
``label`` + schema properties incl. ``sources``; edges with ``type`` + schema properties incl.
provenance ``source``/``item``/``span_start``/``span_end``/``quote``). The store writes it in
one transaction; ``build_graph`` composes a whole corpus in memory.

What one protocol contributes (docs/graph.md has the full table):
Document; (Body)-[:HELD]->(Meeting)-[:HAS_ITEM]->(AgendaItem)-[:RESULTED_IN]->(Decision);
(Body)-[:DECIDED]->(Decision); (Decision)-[:CONCERNS|ASSIGNED_TO]->(entity); the named edge of
the decision kind (APPROVED, RECOMMENDED, MANDATED, ALLOCATED, APPOINTED …) from the deciding
body; PRESENTED, ATTENDED, OFFICER_OF, HOLDS/OF, MEMBER_OF, REPRESENTS, PARTY_TO, PART_OF; and
RECORDED_IN from every node to the Document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

import networkx as nx

from .. import reference
from ..model import Decision, Entity, Item, Protocol, Provenance
from ..schema import EDGES, KIND_EDGE, NODES
from ..schema.core import BOOLEAN, DOUBLE, INT64, STRING, STRING_LIST
from . import ids
from .resolve import (Resolver, clean_name, compare_agreement_names, compare_body_names,
                      content_words, find_places, find_reference_org, is_full_name, norm,
                      person_aliases_from_repairs)

_ENTITY_LABELS = ("Person", "Body", "Organization", "Agreement")


@dataclass(frozen=True)
class _Prov:
    item: str | None
    start: int
    end: int
    quote: str

    def props(self, doc_id: str, locator: "QuoteLocator | None" = None) -> dict[str, Any]:
        out = {"source": doc_id, "item": self.item, "span_start": int(self.start),
               "span_end": int(self.end), "quote": self.quote}
        if locator is not None:
            where = locator.locate(self.start, self.end, self.quote)
            if where:
                out["char_start"], out["char_end"] = where
        return out


class QuoteLocator:
    """Character offsets of a quote in the cleaned text, searched first in its line span."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)

    def locate(self, start: int, end: int, quote: str) -> tuple[int, int] | None:
        if not quote:
            return None
        lo = self.starts[start - 1] if 0 < start <= len(self.starts) else 0
        hi = self.starts[end] if 0 < end < len(self.starts) else len(self.text)
        pos = self.text.find(quote, lo, max(hi, lo + len(quote)))
        if pos < 0 and start <= 0:
            pos = self.text.find(quote)
        return (pos, pos + len(quote)) if pos >= 0 else None


def _prov(p: Provenance | None, *, item: str | None = None, start: int = 0, end: int = 0,
          quote: str = "") -> _Prov:
    if p is not None:
        return _Prov(p.item if p.item is not None else item, p.start, p.end, p.quote)
    return _Prov(item, start, end if end else start, quote)


class _Graph:
    """A MultiDiGraph with helpers that keep the convention (sources, provenance, keys)."""

    def __init__(self, doc_id: str, text: str | None = None):
        self.G = nx.MultiDiGraph()
        self.doc = doc_id
        self.locator = QuoteLocator(text) if text else None
        self._counts: dict[tuple[str, str, str], int] = {}
        self._seen: set[tuple] = set()

    def node(self, nid: str, label: str, **props: Any) -> str:
        props = {k: v for k, v in props.items() if v is not None}
        if nid in self.G:
            attrs = self.G.nodes[nid]
            if "label" not in attrs:            # created by an edge before its node
                attrs["label"] = label
                attrs["sources"] = [self.doc]
            for k, v in props.items():
                if attrs.get(k) in (None, "", []):
                    attrs[k] = v
        else:
            self.G.add_node(nid, label=label, sources=[self.doc], **props)
        return nid

    def edge(self, src: str, dst: str, rel: str, prov: _Prov, **props: Any) -> None:
        """Add one relationship; an identical fact (same type, ends, props, span) once only."""
        if src is None or dst is None or src == dst:
            return
        clean = {k: v for k, v in props.items() if v is not None}
        sig = (rel, src, dst, prov, tuple(sorted((k, str(v)) for k, v in clean.items())))
        if sig in self._seen:
            return
        self._seen.add(sig)
        n = self._counts.get((rel, src, dst), 0)
        self._counts[(rel, src, dst)] = n + 1
        self.G.add_edge(src, dst, key=f"{rel}|{self.doc}|{n}", type=rel, **clean,
                        **prov.props(self.doc, self.locator))


class _ProtocolBuilder:
    """Builds the subgraph of one protocol (one instance per call)."""

    def __init__(self, protocol: Protocol, resolver: Resolver, doc_id: str, path: str,
                 loaded_at: str | None):
        self.p = protocol
        self.r = resolver
        self.doc = doc_id
        self.g = _Graph(doc_id, protocol.text)
        self.path = path
        self.loaded_at = loaded_at
        self.date = protocol.date
        self.touched: dict[str, _Prov] = {}          # entity id -> first provenance in this doc
        self.local: list[tuple[str, str, list[str]]] = []   # (label, id, names) of this protocol
        self.person_by_key: dict[str, str] = {}      # norm(full name) -> person id
        self.person_names: dict[str, str] = {}       # full name as written -> person id
        self.short_forms: dict[str, str] = {}        # norm(short form) -> person id
        self.party: dict[str, str] = {}
        self.body_id: str | None = None
        self.home: str | None = None                 # the municipality/region the protocol is of
        self.meeting: str = ""

    # ------------------------------------------------------------------ helpers
    def touch(self, eid: str | None, prov: _Prov) -> str | None:
        if eid and eid not in self.touched:
            self.touched[eid] = prov
        return eid

    def add_local(self, label: str, eid: str, names: Iterable[str]) -> None:
        self.local.append((label, eid, [n for n in names if n]))

    def person(self, name: str | None, prov: _Prov, *, organization: str | None = None,
               title: str | None = None) -> str | None:
        """A person named in this protocol: full names resolved, short forms ("Ingmar",
        "Anna J") looked up among the protocol's full names; unknown bare names -> None."""
        if not name or not name.strip():
            return None
        key = norm(name)
        if key in self.person_by_key:
            return self.person_by_key[key]
        if key in self.short_forms:
            return self.short_forms[key]
        if not is_full_name(name):
            return None
        pid = self.r.person(name, organization=organization, title=title, date=self.date,
                            body=self.body_id, document=self.doc)
        if pid:
            self.person_by_key[key] = pid
            self.person_names[name] = pid
            self.touch(pid, prov)
        return pid

    def _register_short_forms(self) -> None:
        """Short forms usable in this protocol: a given name that only one listed person
        carries, "Anna J" (given name + initial), and the extractor's PersonMention variants."""
        by_given: dict[str, set[str]] = {}
        by_initial: dict[str, set[str]] = {}
        for written, pid in self.person_names.items():
            toks = clean_name(written).split()
            if len(toks) < 2:
                continue
            given = norm(toks[0])                    # "marie louise" for Marie-Louise
            family = norm(" ".join(toks[1:])).split()
            if not given or not family:
                continue
            by_given.setdefault(given, set()).add(pid)
            by_initial.setdefault(f"{given} {family[0][0]}", set()).add(pid)
            if len(family) >= 2:                     # "Johanna BH" for Johanna Bernström Höglom
                by_initial.setdefault(f"{given} {''.join(t[0] for t in family)}", set()).add(pid)
        for k, s in by_given.items():
            if len(s) == 1:
                self.short_forms.setdefault(k, next(iter(s)))
        for k, s in by_initial.items():
            if len(s) == 1:
                self.short_forms.setdefault(k, next(iter(s)))
        for m in self.p.people:
            pid = self.person_by_key.get(norm(m.name))
            if not pid:
                continue
            for v in m.variants:
                if not is_full_name(v):
                    self.short_forms[norm(v)] = pid

    def match_local(self, text: str | None, labels: tuple[str, ...] = ("Agreement", "Body", "Organization"),
                    loose: bool = True) -> tuple[str, str] | None:
        """(label, id) of the protocol's entity that ``text`` names, by the resolver's rules,
        then (``loose``) by content-word similarity."""
        if not text:
            return None
        key = norm(text)
        best: tuple[float, str, str] | None = None
        for label, eid, names in self.local:
            if label not in labels:
                continue
            for n in names:
                if norm(n) == key:
                    return label, eid
                if label == "Agreement" and compare_agreement_names(text, n):
                    return label, eid
                if label == "Body" and compare_body_names(text, n):
                    return label, eid
                if not loose:
                    continue
                wa, wb = set(content_words(text)), set(content_words(n))
                if not wa or not wb:
                    continue
                score = len(wa & wb) / len(wa | wb)
                if len(wb) >= 2 and _names_then_qualifies(text, n):
                    score = max(score, 0.9)     # "Kurs och konferens (nedläggning 2021-06-30)"
                if score >= 0.8 and (best is None or score > best[0]):
                    best = (score, label, eid)
        return (best[1], best[2]) if best else None

    def resolve_body_name(self, name: str | None) -> str | None:
        """A deciding body: the meeting's own body, a body of this protocol, or a new body."""
        if not name:
            return None
        if self.body_id and self.p.body and (norm(name) == norm(self.p.body)
                                             or compare_body_names(name, self.p.body)):
            return self.body_id
        hit = self.match_local(name, ("Body",), loose=False)
        if hit:
            return hit[1]
        if self.body_id and self._refers_to_meeting_body(name):
            return self.body_id
        if find_reference_org(name) or self.match_local(name, ("Organization",), loose=False):
            return None          # an organisation decided: no Body to attach DECIDED to
        if not looks_like_body(name):
            return None
        return self.r.body(name, parent=self.body_id, home=self.home, document=self.doc)

    def _refers_to_meeting_body(self, name: str) -> bool:
        """"chefsgruppen", "rådet": a one-word definite reference to the meeting's own body."""
        words = content_words(name)
        if len(words) != 1 or not self.p.body:
            return False
        head = content_words(self.p.body)[:1]
        return bool(head) and (words[0] == head[0] or head[0].endswith(words[0]) and len(words[0]) >= 3)

    def resolve_actor(self, name: str | None, prov: _Prov) -> tuple[str, str] | None:
        """(label, id) of an assignee: a person, a body or an organisation."""
        if not name or not name.strip():
            return None
        key = norm(name)
        if key in self.person_by_key or key in self.short_forms:
            return "Person", self.person_by_key.get(key) or self.short_forms[key]
        if self.body_id and self.p.body and norm(name) == norm(self.p.body):
            return "Body", self.body_id
        hit = self.match_local(name, ("Body", "Organization"), loose=False)
        if hit:
            return hit
        if find_reference_org(name):
            return "Organization", self.touch(self.r.organization(name), prov)
        if _looks_like_person(name):
            pid = self.person(name, prov)
            if pid:
                return "Person", pid
        if is_full_name(name) and len(name.split()) <= 4 and _looks_like_person(name, loose=True):
            pid = self.person(name, prov)
            if pid:
                return "Person", pid
        if not looks_like_body(name):
            return None         # neither a person nor a group: keep the text on the Decision only
        bid = self.r.body(name, parent=self.body_id, home=self.home, document=self.doc)
        return "Body", self.touch(bid, prov)

    # ------------------------------------------------------------------ build
    def build(self) -> nx.MultiDiGraph:
        p, g = self.p, self.g
        g.node(self.doc, "Document", name=p.source, path=self.path or p.path or None,
               sha256=p.sha256 or None, media_type=p.media_type, ocr=bool(p.ocr),
               ocr_confidence=p.ocr_confidence, flags=list(p.flags), loaded_at=self.loaded_at)
        meta = p.meta_prov
        body_prov = _prov(meta.get("body"), quote=p.body or "")
        if p.body:
            self.home = self._home()
            self.body_id = self.touch(self.r.body(p.body, home=self.home, document=self.doc, own=True),
                                      body_prov)
            self.add_local("Body", self.body_id, [p.body, *self.r.aliases(self.body_id)])
        self.meeting = ids.meeting_id(self.body_id or "okant-organ", p.date,
                                      None if (p.date and self.body_id) else self.doc)
        date_prov = _prov(meta.get("date"), quote=p.date or "")
        g.node(self.meeting, "Meeting", title=" ".join(x for x in (p.body, p.date) if x) or p.source,
               body=p.body, date=p.date, place=p.place)
        g.edge(self.meeting, self.doc, "RECORDED_IN", date_prov if meta.get("date") else body_prov)
        if self.body_id:
            g.edge(self.body_id, self.meeting, "HELD", body_prov)

        self._entities()
        self._participants()
        self._register_short_forms()
        self._officers()
        self._mentions()
        self._items()
        self._party_to()
        self._part_of()
        self._repairs()
        self._entity_nodes()
        return g.G

    def _home(self) -> str | None:
        """The municipality or region whose organs the protocol's bare organ names
        ("Socialnämnden") denote: the one its body name or place names, else the only one
        among its organisations, else the one most participants come from (≥ 60 %, ≥ 2)."""
        p = self.p
        for text in (p.body, p.place):
            places = find_places(text or "")
            if len(places) == 1:
                return self.r.organization(places[0])
        refs = {find_reference_org(e.name)["name"] for e in p.organizations
                if find_reference_org(e.name) and find_reference_org(e.name)["kind"] in ("municipality", "region")}
        if len(refs) == 1:
            return self.r.organization(next(iter(refs)))
        counts: dict[str, int] = {}
        placed = 0
        for part in p.participants:
            ref = find_reference_org(part.organization) if part.organization else None
            if part.organization:
                placed += 1
            if ref and ref["kind"] in ("municipality", "region"):
                counts[ref["name"]] = counts.get(ref["name"], 0) + 1
        if counts and placed:
            best = max(sorted(counts), key=lambda k: counts[k])
            if counts[best] >= 2 and counts[best] / placed >= 0.6:
                return self.r.organization(best)
        return None

    def _entities(self) -> None:
        p = self.p
        for e in p.organizations:
            pr = _prov(e.prov[0] if e.prov else None, quote=e.name)
            oid = self.touch(self.r.organization(e.name, e.kind), pr)
            for a in e.aliases:
                self._alias(oid, a, e)
            self.add_local("Organization", oid, [e.name, *e.aliases])
        for e in p.bodies:
            pr = _prov(e.prov[0] if e.prov else None, quote=e.name)
            if self.body_id and self.p.body and (norm(e.name) == norm(self.p.body)):
                bid = self.body_id
            else:
                bid = self.touch(self.r.body(e.name, e.kind, parent=self.body_id, home=self.home,
                                             document=self.doc), pr)
            for a in e.aliases:
                self._alias(bid, a, e)
            self.add_local("Body", bid, [e.name, *e.aliases])
        for e in p.agreements:
            pr = _prov(e.prov[0] if e.prov else None, quote=e.name)
            aid = self.touch(self.r.agreement(e.name, e.kind), pr)
            for a in e.aliases:
                self._alias(aid, a, e)
            self.add_local("Agreement", aid, [e.name, *e.aliases])

    def _alias(self, eid: str, alias: str, e: Entity) -> None:
        if alias and norm(alias) != norm(e.name):
            self.r.add_alias(eid, alias, "listed-alias",
                             f"{self.p.source} names {e.name!r} also {alias!r}")

    def _participants(self) -> None:
        p, g = self.p, self.g
        for part in p.participants:
            pr = _prov(part.prov, quote=part.name)
            pid = self.person(part.name, pr, organization=part.organization, title=part.title)
            if not pid:
                continue
            if part.party:
                self.party[pid] = part.party
            g.edge(pid, self.meeting, "ATTENDED", pr, role=part.role, present=bool(part.present),
                   title=part.title, party=part.party, organization=part.organization,
                   serves_for=part.serves_for, items=part.items)
            oid = None
            if part.organization:
                oid = self.touch(self.r.organization(part.organization), pr)
                g.edge(pid, oid, "REPRESENTS", pr, first_seen=self.date, last_seen=self.date)
            if part.role in ("member", "substitute") and self.body_id:
                g.edge(pid, self.body_id, "MEMBER_OF", pr, role=part.role, first_seen=self.date,
                       last_seen=self.date)
            if part.title:
                self._post(pid, part.title, oid, pr)

    def _post(self, pid: str, title: str, org_id: str | None, pr: _Prov) -> None:
        title = " ".join(title.split())
        of = None
        m = re.search(r"\b(?:i|för|vid|inom)\s+(.+)$", title)
        if m:
            hit = self.match_local(m.group(1), ("Body", "Organization"), loose=False)
            if hit:
                of = hit[1]
            elif find_reference_org(m.group(1)):
                of = self.touch(self.r.organization(m.group(1)), pr)
        of = of or org_id
        post = ids.post_id(title, of)
        of_name = self.r.name(of) if of else None
        self.g.node(post, "Post", name=title, of_name=of_name)
        self.g.edge(post, self.doc, "RECORDED_IN", pr)
        self.g.edge(pid, post, "HOLDS", pr, first_seen=self.date, last_seen=self.date)
        if of:
            self.g.edge(post, of, "OF", pr)

    def _officers(self) -> None:
        for o in self.p.officers:
            pr = _prov(o.prov, quote=o.name)
            pid = self.person(o.name, pr)
            if pid:
                self.g.edge(pid, self.meeting, "OFFICER_OF", pr, role=o.role)

    def _mentions(self) -> None:
        """Full names the protocol mentions (not only participants) and their variants."""
        for m in self.p.people:
            pr = _prov(None, quote=m.name)
            key = norm(m.name)
            if key not in self.person_by_key and any(
                    key.startswith(k + " ") for k in self.person_by_key if " " in k):
                continue        # a listed person's name plus the words after it ("X Y Nora")
            pid = self.person(m.name, pr, organization=m.organization, title=m.title)
            if not pid:
                continue
            for v in m.variants:
                if is_full_name(v) and norm(v) not in self.person_by_key:
                    other = self.r.person(v, organization=m.organization, body=self.body_id,
                                          document=self.doc)
                    if other == pid:
                        self.person_by_key[norm(v)] = pid
                    elif other is not None:
                        self.person_by_key[norm(v)] = other
                        self.touch(other, pr)

    def _items(self) -> None:
        p, g = self.p, self.g
        used: set[str] = set()
        for ordinal, it in enumerate(p.items, start=1):
            iid = ids.item_id(self.meeting, it.number)
            if iid in used:                 # the same number twice: keep both items apart
                iid = ids.item_id(self.meeting, f"{it.number}-{ordinal}")
            used.add(iid)
            pr = _prov(it.prov, item=it.number, start=it.start, end=it.end, quote=it.title)
            g.node(iid, "AgendaItem", number=str(it.number), title=it.title, ordinal=ordinal,
                   meeting=self.meeting, date=self.date)
            g.edge(self.meeting, iid, "HAS_ITEM", pr)
            g.edge(iid, self.doc, "RECORDED_IN", pr)
            concerned: list[tuple[str, str]] = []
            title_hit = self.match_local(it.title, ("Agreement",))
            for n, dec in enumerate(it.decisions, start=1):
                target = self._decision(it, iid, n, dec, title_hit)
                if target and target not in concerned:
                    concerned.append(target)
            if title_hit and title_hit not in concerned:
                concerned.append(title_hit)
            for ref in it.presenters:
                ppr = _prov(ref.prov, item=it.number, start=it.start, end=it.end, quote=ref.name)
                pid = self.person(ref.name, ppr)
                if not pid:
                    continue
                g.edge(pid, iid, "PRESENTED", ppr, date=self.date)
                for label, eid in concerned:
                    if label == "Agreement":
                        g.edge(pid, eid, "PRESENTED", ppr, date=self.date)

    def _decision(self, it: Item, iid: str, n: int, dec: Decision,
                  item_agreement: tuple[str, str] | None = None) -> tuple[str, str] | None:
        """One decision; returns the entity it concerns. A decision on the proposal of an item
        that treats one agreement (approve, recommend, reject, refer back, table, note) and
        whose subject names nothing else concerns that agreement."""
        g = self.g
        did = ids.decision_id(iid, n)
        pr = _prov(dec.prov, item=it.number, start=it.start, end=it.end,
                   quote=dec.text or dec.subject or it.title)
        g.node(did, "Decision", kind=dec.kind, subject=dec.subject, text=dec.text, by=dec.by,
               assignee=dec.assignee, amount_sek=_int(dec.amount_sek), reported=bool(dec.reported),
               date=self.date, item=str(it.number), meeting=self.meeting)
        g.edge(iid, did, "RESULTED_IN", pr)
        g.edge(did, self.doc, "RECORDED_IN", pr)
        actor = self.resolve_body_name(dec.by)
        if actor:
            self.touch(actor, pr)
            g.edge(actor, did, "DECIDED", pr, reported=bool(dec.reported))
        subject = None
        if dec.subject:
            subject = self.match_local(dec.subject)
            if subject is None:
                key = norm(dec.subject)
                if key in self.person_by_key:
                    subject = ("Person", self.person_by_key[key])
        if subject is None and item_agreement and dec.kind in _ON_THE_PROPOSAL:
            subject = item_agreement
        if subject:
            g.edge(did, subject[1], "CONCERNS", pr)
        assignee = self.resolve_actor(dec.assignee, pr) if dec.assignee else None
        if assignee:
            g.edge(did, assignee[1], "ASSIGNED_TO", pr)
        rel = KIND_EDGE.get(dec.kind)
        if actor and rel:
            common = {"date": self.date, "decision": did, "reported": bool(dec.reported)}
            if rel == "MANDATED":
                if assignee:
                    g.edge(actor, assignee[1], rel, pr, task=dec.subject, **common)
            elif rel == "APPOINTED":
                if assignee and assignee[0] == "Person":
                    g.edge(actor, assignee[1], rel, pr, post=dec.subject, **common)
            else:
                target = subject[1] if subject else iid
                extra: dict[str, Any] = {}
                if rel == "RECOMMENDED":
                    extra["to"] = [self.r.name(self.r.organization(x)) or x
                                   for x in dec.recommends_to] or None
                if rel == "ALLOCATED":
                    extra.update(amount_sek=_int(dec.amount_sek), purpose=dec.subject)
                if target != actor:
                    g.edge(actor, target, rel, pr, **common, **extra)
        return subject

    def _party_to(self) -> None:
        """(Organization)-[:PARTY_TO]->(Agreement) from "… mellan A, B och C …" in the
        agreement's names or in the titles of the items that treat it."""
        texts: dict[str, list[tuple[str, _Prov]]] = {}
        for e in self.p.agreements:
            aid = self.r.find("Agreement", e.name) or self.r.agreement(e.name, e.kind)
            pr = _prov(e.prov[0] if e.prov else None, quote=e.name)
            for n in [e.name, *e.aliases]:
                texts.setdefault(aid, []).append((n, pr))
        for it in self.p.items:
            hit = self.match_local(it.title, ("Agreement",))
            if hit:
                pr = _prov(it.prov, item=it.number, start=it.start, end=it.end, quote=it.title)
                texts.setdefault(hit[1], []).append((it.title, pr))
        for aid, lst in texts.items():
            for text, pr in lst:
                for oid in self._parties(text, pr):
                    self.g.edge(oid, aid, "PARTY_TO", pr)

    def _parties(self, text: str, pr: _Prov) -> list[str]:
        m = re.search(r"\bmellan\s+(.+?)(?:\s+(?:om|avseende|kring|gällande|rörande|för|inom|angående)\b|[–—:(]|$)",
                      text)
        if not m:
            return []
        parts = re.split(r",\s*|\s+och\s+|\s+samt\s+", m.group(1))
        out: list[str] = []
        for part in (x.strip(" .") for x in parts):
            if not part:
                continue
            km = re.match(r"^(?:kommunerna|länets kommuner|samtliga kommuner)\s+i\s+(.+)$", part, re.I)
            if km:
                county = norm(km.group(1))
                for mun in reference.municipalities():
                    if norm(mun.county) == county:
                        out.append(self.touch(self.r.organization(mun.long_name), pr))
                continue
            hit = self.match_local(part, ("Organization",), loose=False)
            if hit:
                out.append(hit[1])
            elif find_reference_org(part):
                out.append(self.touch(self.r.organization(part), pr))
        return list(dict.fromkeys(x for x in out if x))

    def _part_of(self) -> None:
        """(Body)-[:PART_OF]->(Body|Organization) where the name says so: a generic body of the
        meeting's body ("Presidiet", "AU"), "X för chefsgruppen", "X i Nora", "SocSam:s X"."""
        bodies = [(eid, names) for label, eid, names in self.local if label == "Body"]
        listed = {eid for eid, _ in bodies}
        for eid in list(self.touched):                 # deciders and assignees too
            rec = self.r.get(eid)
            if rec is not None and rec.label == "Body" and eid not in listed:
                bodies.append((eid, [rec.name]))
                listed.add(eid)
        for bid, names in bodies:
            rec = self.r.get(bid)
            if rec is None:
                continue
            pr = self.touched.get(bid) or _prov(None, quote=names[0] if names else "")
            if rec.parent and rec.parent != bid:
                self.touch(rec.parent, pr)
                self.g.edge(bid, rec.parent, "PART_OF", pr)
                continue
            for n in names[:1]:
                target = self._container(n, bid)
                if target:
                    self.g.edge(bid, target, "PART_OF", pr)

    def _container(self, name: str, bid: str) -> str | None:
        m = re.match(r"^(.+?):s\s+\S", name)          # "SocSam:s ledningsgrupp"
        tail, bodies_only = (m.group(1), False) if m else (None, False)
        if tail is None:
            m = re.search(r"\s(i|inom|under|vid|för)\s+(.+)$", name)
            if m:                   # "X för Y": only a body Y contains X ("AU för chefsgruppen")
                tail, bodies_only = m.group(2), m.group(1) == "för"
        if not tail:
            return None
        if self.body_id and self.body_id != bid and (
                self._refers_to_meeting_body(tail)
                or (self.p.body and (norm(tail) == norm(self.p.body) or compare_body_names(tail, self.p.body)))
                or any(norm(tail) == norm(a) for a in self.r.aliases(self.body_id))):
            return self.body_id
        if bodies_only:
            hit = self.match_local(tail, ("Body",), loose=False)
            return hit[1] if hit and hit[1] != bid else None
        ref = find_reference_org(tail)
        if ref:
            return self.touch(self.r.organization(tail), self.touched.get(bid) or _prov(None, quote=name))
        hit = self.match_local(tail, ("Organization", "Body"), loose=False)
        if hit and hit[1] != bid:
            return hit[1]
        return None

    def _repairs(self) -> None:
        """Damaged spellings the cleaner repaired stay findable as person aliases."""
        if not self.p.repairs:
            return
        for pid in {v for v in self.person_by_key.values()}:
            rec = self.r.get(pid)
            if rec is None:
                continue
            for name in list(rec.names()):
                for variant, evidence in person_aliases_from_repairs(name, self.p.repairs):
                    self.r.add_alias(pid, variant, "ocr-repair", f"{evidence} in {self.p.source}")

    def _entity_nodes(self) -> None:
        for eid, pr in self.touched.items():
            rec = self.r.get(eid)
            if rec is None:
                continue
            props = entity_props(self.r, eid)
            if rec.label == "Person" and eid in self.party:
                props["party"] = self.party[eid]
            self.g.node(eid, rec.label, **props)
            self.g.edge(eid, self.doc, "RECORDED_IN", pr)


def entity_props(resolver: Resolver, eid: str) -> dict[str, Any]:
    """The schema properties of a resolved entity as the resolver knows it now."""
    rec = resolver.get(eid)
    if rec is None:
        return {}
    allowed_props = NODES[rec.label].properties
    props: dict[str, Any] = {"name": rec.name, "aliases": sorted(rec.aliases)}
    if "kind" in allowed_props and rec.kind:
        props["kind"] = rec.kind
    for k, v in rec.props.items():
        if k in allowed_props and v is not None:
            props[k] = v
    return props


_ON_THE_PROPOSAL = frozenset({"approve", "recommend", "reject", "refer_back", "table", "note"})


def _int(v: Any) -> int | None:
    """An amount as an integer (the schema's INT64); None when it is none or not a number."""
    if v is None or isinstance(v, bool):
        return None
    try:
        return int(round(float(v)))
    except (TypeError, ValueError):
        return None


def _names_then_qualifies(text: str, name: str) -> bool:
    """``text`` is ``name`` followed only by a parenthesis, a dash, a colon or a year."""
    t, n = " ".join(text.split()), " ".join(name.split())
    if not t.casefold().startswith(n.casefold()):
        return False
    rest = t[len(n):].strip()
    return not rest or rest[0] in "(–—-:," or bool(re.fullmatch(r"\d{4}(\s*[–-]\s*\d{2,4})?", rest))


_BODY_WORD = re.compile(
    r"(grupp|råd|nämnd|styrelse|utskott|nätverk|presidi|team|chef(er|erna)\b|kansli|bered|forum|"
    r"kommitt|delegation|ledning|enhet|förvaltning|avdelning|område|länsdel|fullmäktige|"
    r"kommission|sekretariat|partnerskap|plattform|konferens|församling|\bAU\b|utredning)",
    re.IGNORECASE)


def looks_like_body(name: str) -> bool:
    """A name that names a group of people: a council, board, group, network, unit …"""
    return bool(name) and len(name.split()) <= 12 and bool(_BODY_WORD.search(name))


def _looks_like_person(name: str, loose: bool = False) -> bool:
    """Two to four capitalised words, the first a known given name (loose: any capitalised)."""
    toks = clean_name(name).split()
    if not 2 <= len(toks) <= 4 or not all(t[:1].isupper() for t in toks):
        return False
    if loose:
        return reference.is_given_name(toks[0].split("-")[0])
    return reference.is_given_name(toks[0]) or reference.is_given_name(toks[0].split("-")[0])


def protocol_subgraph(protocol: Protocol, resolver: Resolver, doc_id: str, *, path: str = "",
                      loaded_at: str | None = None) -> nx.MultiDiGraph:
    """The subgraph of one protocol (see the module docstring); ``resolver`` links its names
    to entities seen before and learns the new ones."""
    return _ProtocolBuilder(protocol, resolver, doc_id, path, loaded_at).build()


def merge_into(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    """Compose H into G: node ``sources``/``aliases`` are unioned, other props filled in."""
    for nid, attrs in H.nodes(data=True):
        if nid not in G:
            G.add_node(nid, **{k: (list(v) if isinstance(v, list) else v) for k, v in attrs.items()})
            continue
        cur = G.nodes[nid]
        for k, v in attrs.items():
            if isinstance(v, list) and isinstance(cur.get(k), list):
                cur[k] = list(dict.fromkeys([*cur[k], *v]))
            elif v is not None:
                cur[k] = v
    for u, v, k, attrs in H.edges(keys=True, data=True):
        G.add_edge(u, v, key=k, **attrs)


def build_graph(protocols: Iterable[Protocol], *, loaded_at: str | None = None) -> nx.MultiDiGraph:
    """The graph of a whole corpus in memory: a fresh Resolver, one subgraph per protocol."""
    resolver = Resolver()
    G = nx.MultiDiGraph()
    loaded_at = loaded_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    for p in protocols:
        doc_id = ids.document_id(p.path or p.source, p.source)
        merge_into(G, protocol_subgraph(p, resolver, doc_id, path=p.path, loaded_at=loaded_at))
    # later protocols may have added aliases or a better display name
    for nid, attrs in G.nodes(data=True):
        if attrs.get("label") in _ENTITY_LABELS and resolver.get(nid):
            for k, v in entity_props(resolver, nid).items():
                attrs[k] = v
    return G


# ---------------------------------------------------------------------------- validation

_PY_TYPES = {STRING: (str,), INT64: (int,), DOUBLE: (int, float), BOOLEAN: (bool,),
             STRING_LIST: (list, tuple)}


def _type_ok(t: str, v: Any) -> bool:
    if v is None:
        return True
    if t == INT64 and isinstance(v, bool):
        return False
    if t == STRING_LIST:
        return isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v)
    return isinstance(v, _PY_TYPES.get(t, (object,)))


def _property_problems(where: str, schema_props: dict[str, str], attrs: dict, skip: str) -> list[str]:
    """Properties missing from the schema or of the wrong type."""
    out = []
    for k, v in attrs.items():
        if k == skip:
            continue
        if k not in schema_props:
            out.append(f"{where}: property {k!r} not in schema")
        elif not _type_ok(schema_props[k], v):
            out.append(f"{where}: property {k!r}={v!r} is not {schema_props[k]}")
    return out


def validate_graph(G: nx.MultiDiGraph) -> list[str]:
    """Problems with a graph against the schema (empty list = valid): unknown labels or
    relationship types, (from, to) pairs the schema does not allow, unknown or mistyped
    properties, edges without provenance ``source``, nodes without ``sources``."""
    problems: list[str] = []
    for nid, attrs in G.nodes(data=True):
        label = attrs.get("label")
        if label not in NODES:
            problems.append(f"node {nid}: unknown label {label!r}")
            continue
        problems += _property_problems(f"node {nid}", NODES[label].all_properties, attrs, "label")
        if not attrs.get("sources"):
            problems.append(f"node {nid}: no sources")
    for u, v, k, attrs in G.edges(keys=True, data=True):
        rel = attrs.get("type")
        if rel not in EDGES:
            problems.append(f"edge {u}->{v} ({k}): unknown type {rel!r}")
            continue
        lu, lv = G.nodes[u].get("label"), G.nodes[v].get("label")
        if (lu, lv) not in EDGES[rel].pairs:
            problems.append(f"edge {rel} {u}->{v}: ({lu}, {lv}) not allowed")
        problems += _property_problems(f"edge {rel} {u}->{v}", EDGES[rel].all_properties, attrs, "type")
        if not attrs.get("source"):
            problems.append(f"edge {rel} {u}->{v}: no provenance source")
    return problems
