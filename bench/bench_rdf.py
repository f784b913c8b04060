"""Benchmark: streaming RDF export of a synthetic corpus (target ≥ 100,000 triples/s, flat memory).

The graph is synthesised as two streams (nodes, then edges) shaped like the store's
``iter_nodes()`` / ``iter_edges()`` for N protocols: per protocol one Document, one Meeting,
~10 agenda items, ~8 decisions with bodies, subjects and kind edges, ~20 attendees, officers,
presenters, memberships and RECORDED_IN provenance with quotes — people, bodies,
organisations and agreements drawn from shared pools as in a real archive. Nothing is held in
memory, so the peak RSS measures the exporter. Each size runs in a fresh process.

    .venv/bin/python bench/bench_rdf.py                      # 1,000 and 10,000 protocols, nt + turtle
    .venv/bin/python bench/bench_rdf.py --protocols 10000 --format nt
    .venv/bin/python bench/bench_rdf.py --json
    .venv/bin/python bench/bench_rdf.py --db /tmp/synth.lbdb   # a store (e.g. from bench/bench_load.py)

Reports triples/s and peak RSS (MiB) per size and format; the exit code is 1 when the rate
is under --target or the peak RSS of the largest run grows by more than --rss-slack MiB over
the smallest one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from typing import Iterator

KINDS = ("approve", "recommend", "reject", "assign", "allocate", "establish", "dissolve",
         "appoint", "table", "refer_back", "note")
KIND_EDGE = {"approve": "APPROVED", "recommend": "RECOMMENDED", "reject": "REJECTED",
             "assign": "MANDATED", "allocate": "ALLOCATED", "establish": "ESTABLISHED",
             "dissolve": "DISSOLVED", "appoint": "APPOINTED", "table": "TABLED",
             "refer_back": "REFERRED_BACK", "note": "NOTED"}
GIVEN = ("Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Ingmar", "Linnea")
FAMILY = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Ångman", "Öberg", "Hedqvist", "Lind")
N_PEOPLE, N_BODIES, N_ORGS, N_AGREEMENTS = 20000, 400, 300, 3000


def _person(i: int) -> str:
    return f"person/{GIVEN[i % len(GIVEN)].lower()}-{FAMILY[(i // 10) % len(FAMILY)].lower()}-{i}"


def synth_nodes(n: int) -> Iterator[tuple[str, str, dict]]:
    for i in range(N_PEOPLE):
        yield _person(i), "Person", {"name": f"{GIVEN[i % 10]} {FAMILY[(i // 10) % 8]} {i}",
                                     "aliases": [f"{GIVEN[i % 10]} {FAMILY[(i // 10) % 8][0]}"],
                                     "sources": [f"doc/p{i % n}"]}
    for i in range(N_BODIES):
        yield f"body/b{i}", "Body", {"name": f"Samverkansråd {i}", "kind": "council", "aliases": [],
                                     "sources": [f"doc/p{i % n}"]}
    for i in range(N_ORGS):
        yield f"organization/o{i}", "Organization", {
            "name": f"Kommun {i}", "kind": "municipality", "kommunkod": f"{1800 + i:04d}",
            "aliases": [f"Kommun {i} kommun"], "sources": [f"doc/p{i % n}"]}
    for i in range(N_AGREEMENTS):
        yield f"agreement/a{i}", "Agreement", {"name": f"Överenskommelse om samverkan {i}",
                                               "kind": "överenskommelse", "aliases": [],
                                               "sources": [f"doc/p{i % n}"]}
    for p in range(n):
        rnd = random.Random(p)
        doc, day = f"doc/p{p}", f"20{10 + p % 15:02d}-{1 + p % 12:02d}-{1 + p % 28:02d}"
        meeting = f"meeting/b{p % N_BODIES}/{day}"
        yield doc, "Document", {"name": f"protokoll-{p}.pdf", "sha256": f"{p:064x}",
                                "media_type": "application/pdf", "pages": 6, "ocr": False,
                                "sources": [doc], "loaded_at": "2024-01-01T00:00:00+00:00"}
        yield meeting, "Meeting", {"title": f"Samverkansråd {p % N_BODIES} {day}", "date": day,
                                   "place": "Stadshuset", "sources": [doc]}
        for k in range(1, 11):
            item = f"item/b{p % N_BODIES}/{day}/{k}"
            yield item, "AgendaItem", {"number": str(k), "title": f"Ärende {k} om samverkan",
                                       "ordinal": k, "sources": [doc]}
            if k <= 8:
                kind = KINDS[rnd.randrange(len(KINDS))]
                yield f"decision/b{p % N_BODIES}/{day}/{k}/1", "Decision", {
                    "kind": kind, "subject": f"Överenskommelse om samverkan {rnd.randrange(N_AGREEMENTS)}",
                    "text": "Rådet beslutar att godkänna överenskommelsen.", "reported": False,
                    "date": day, "sources": [doc],
                    **({"amount_sek": 100000} if kind == "allocate" else {})}


def synth_edges(n: int) -> Iterator[tuple[str, str, str, dict]]:
    for p in range(n):
        rnd = random.Random(p)
        doc, day = f"doc/p{p}", f"20{10 + p % 15:02d}-{1 + p % 12:02d}-{1 + p % 28:02d}"
        body = f"body/b{p % N_BODIES}"
        meeting = f"meeting/b{p % N_BODIES}/{day}"

        def prov(line: int, quote: str, item: str | None = None) -> dict:
            return {"source": doc, "item": item, "span_start": line, "span_end": line + 1, "quote": quote}

        yield body, meeting, "HELD", prov(1, "Samverkansråd")
        yield meeting, doc, "RECORDED_IN", prov(1, "Protokoll")
        people = [rnd.randrange(N_PEOPLE) for _ in range(20)]
        for j, who in enumerate(people):
            yield _person(who), meeting, "ATTENDED", {**prov(5 + j, f"Person {who}"), "role": "member",
                                                      "present": j % 7 != 0}
            yield _person(who), body, "MEMBER_OF", {**prov(5 + j, f"Person {who}"), "role": "member",
                                                    "first_seen": day, "last_seen": day}
        yield _person(people[0]), meeting, "OFFICER_OF", {**prov(3, "Ordförande"), "role": "chair"}
        yield _person(people[1]), meeting, "OFFICER_OF", {**prov(4, "Sekreterare"), "role": "secretary"}
        for k in range(1, 11):
            item = f"item/b{p % N_BODIES}/{day}/{k}"
            line = 30 + 10 * k
            yield meeting, item, "HAS_ITEM", prov(line, f"§ {k} Ärende {k} om samverkan", str(k))
            yield item, doc, "RECORDED_IN", prov(line, f"§ {k}", str(k))
            yield _person(people[k % 20]), item, "PRESENTED", prov(line + 1, "föredrar ärendet", str(k))
            if k <= 8:
                dec = f"decision/b{p % N_BODIES}/{day}/{k}/1"
                kind = KINDS[random.Random(p * 100 + k).randrange(len(KINDS))]
                agr = f"agreement/a{rnd.randrange(N_AGREEMENTS)}"
                q = prov(line + 3, "Rådet beslutar att godkänna överenskommelsen.", str(k))
                yield item, dec, "RESULTED_IN", q
                yield body, dec, "DECIDED", {**q, "reported": False}
                yield dec, agr, "CONCERNS", q
                yield dec, doc, "RECORDED_IN", q
                yield body, agr, KIND_EDGE[kind], {**q, "decision": dec, "date": day}


def run_one(protocols: int, fmt: str, out_path: str, db: str | None = None) -> dict:
    """Export in this process and measure (called in a child process per size)."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    from govgraph.export.rdf import export_rdf
    t0 = time.perf_counter()
    with open(out_path, "w", encoding="utf-8", buffering=1 << 20) as fh:
        if db:
            from govgraph.graph.store import open_store
            with open_store(db=db, read_only=True) as store:
                protocols = store.stats()["nodes"].get("Document", 0)
                t0 = time.perf_counter()          # reading the store is timed, opening it is not
                stats = export_rdf(store.iter_nodes(), store.iter_edges(), fh, fmt)
        else:
            stats = export_rdf(synth_nodes(protocols), synth_edges(protocols), fh, fmt)
        fh_size = fh.tell() if fh.seekable() else None
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux -> MiB
    return {"protocols": protocols, "format": fmt, "triples": stats.triples, "seconds": round(dt, 2),
            "triples_per_s": int(stats.triples / dt), "peak_rss_mib": round(rss, 1),
            "bytes_written": fh_size}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--protocols", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--format", dest="formats", nargs="*", default=["nt", "turtle"],
                    choices=["nt", "turtle", "json-ld"])
    ap.add_argument("--out", default=os.devnull,
                    help="where to write the export (default: the null device; a 10,000-protocol N-Triples file is ~4 GB)")
    ap.add_argument("--target", type=int, default=100_000, help="triples/s to reach")
    ap.add_argument("--rss-slack", type=float, default=64.0,
                    help="allowed peak-RSS growth (MiB) from the smallest to the largest run")
    ap.add_argument("--db", help="export this embedded store instead of the synthetic streams")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("N", "FORMAT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(run_one(int(a.child[0]), a.child[1], a.out, a.db)))
        return 0
    results = []
    sizes = [0] if a.db else sorted(a.protocols)
    for fmt in a.formats:
        for n in sizes:
            cmd = [sys.executable, __file__, "--child", str(n), fmt, "--out", a.out]
            out = subprocess.run(cmd + (["--db", a.db] if a.db else []),
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(r)
            if not a.json:
                print(f"{r['format']:7} {r['protocols']:>6} protocols  {r['triples']:>11,} triples  "
                      f"{r['seconds']:>7.2f} s  {r['triples_per_s']:>9,} triples/s  "
                      f"peak RSS {r['peak_rss_mib']:>7.1f} MiB")
    ok = all(r["triples_per_s"] >= a.target for r in results)
    for fmt in a.formats:
        rs = sorted((r for r in results if r["format"] == fmt), key=lambda r: r["protocols"])
        if len(rs) > 1 and rs[-1]["peak_rss_mib"] - rs[0]["peak_rss_mib"] > a.rss_slack:
            ok = False
    if a.json:
        print(json.dumps({"ok": ok, "target": a.target, "results": results}, indent=2))
    else:
        print(("OK" if ok else "BELOW TARGET") + f": target {a.target:,} triples/s, flat memory "
              f"(≤ {a.rss_slack:.0f} MiB growth)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
