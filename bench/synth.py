"""Synthetic Swedish meeting minutes for benchmarks and load tests.

``synth_protocol(i, seed)`` writes protocol number ``i`` of a deterministic corpus: the same
(i, seed) always gives the same text. The corpus has many regional collaboration bodies
(samverkansråd, chefsgrupper, beredningsgrupper, styrgrupper …), each with its own roster of
people from a municipality or a region (so people, bodies, organisations and agreements recur
across protocols and years, as in a real archive), and items in the conventions of real
protocols: a header with Tid/Plats, participant lists (name TAB organisation, party in
parentheses, "(punkt 6)" partial attendance), chair/secretary/adjuster lines, "§ N" or "N."
items, presenters ("X informerade om …", "X presenterade …") and decisions
("Beslut: Rådet beslutar att godkänna …", "rekommenderar kommunerna att anta …",
"ge X i uppdrag att …", "avsätta 2 000 000 kronor till …", "lades till handlingarna").

Usage: ``python bench/synth.py OUT_DIR --n 1000 [--seed 1]`` writes protocol_000000.txt …
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
BODY_TEMPLATES = (
    "Samverkansråd för vård och omsorg i {county}", "Chefsgrupp folkhälsa {county}",
    "Beredningsgrupp social välfärd {county}", "Styrgrupp nära vård {county}",
    "Regionalt samverkansråd {county}", "Sociala samrådsgruppen {county}",
    "Länsstyrgrupp för barn och unga {county}", "Nätverk för psykisk hälsa {county}",
    "Arbetsgrupp suicidprevention {county}", "Ledningsgrupp välfärd {county}",
)
AGREEMENT_TEMPLATES = (
    "Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård",
    "Överenskommelse om samarbete kring personer med psykisk funktionsnedsättning",
    "Handlingsplan för suicidprevention {year}", "Strategi för psykisk hälsa {year}–{year2}",
    "Riktlinje för samordnad individuell plan", "Avtal om folkhälsoarbete {year}",
    "Plan för nära vård {year}", "Överenskommelse om familjecentraler",
    "Riktlinje för hjälpmedel", "Handlingsplan mot våld i nära relationer {year}",
)
TOPICS = ("stimulansmedel för god och nära vård", "läget i länets kommuner", "uppföljning av statsbidrag",
          "digital vård och omsorg", "kompetensförsörjning", "barn och ungas psykiska hälsa",
          "samordnad individuell plan", "arbetet med familjecentraler", "äldres hälsa",
          "missbruks- och beroendevården")
TITLES = ("utvecklingsledare", "verksamhetschef", "socialchef", "områdeschef", "folkhälsostrateg",
          "förvaltningschef", "enhetschef", "projektledare", "kommunchef", "hälso- och sjukvårdsdirektör")
PARTIES = ("S", "M", "C", "V", "KD", "L", "MP", "SD")


@lru_cache(maxsize=1)
def _reference():
    from govgraph import reference
    given = [n for n, _ in sorted(reference.given_names().items(), key=lambda kv: -kv[1])[:400]]
    surnames = sorted(reference.surnames())
    return given, surnames, reference.municipalities(), reference.regions()


@dataclass
class Member:
    name: str
    organization: str
    party: str | None
    title: str


@dataclass
class BodySpec:
    name: str
    short: str
    region: str
    roster: list[Member]
    staff: list[Member]


@lru_cache(maxsize=None)
def _body(b: int, seed: int) -> BodySpec:
    given, surnames, munis, regions = _reference()
    rng = random.Random(f"body-{seed}-{b}")
    region = regions[b % len(regions)]
    county = region.county
    local = [m for m in munis if m.county_code == region.county_code] or list(munis)
    name = BODY_TEMPLATES[(b // len(regions)) % len(BODY_TEMPLATES)].format(county=county)
    if b >= len(regions) * len(BODY_TEMPLATES):
        name += f" {b // (len(regions) * len(BODY_TEMPLATES)) + 1}"
    short = "".join(w[0] for w in name.split() if w[0].isalpha()).upper()[:5]

    def person(org: str, politician: bool) -> Member:
        return Member(f"{rng.choice(given)} {rng.choice(surnames)}", org,
                      rng.choice(PARTIES) if politician else None, rng.choice(TITLES))

    roster = [person(local[i % len(local)].long_name, True) for i in range(rng.randint(8, 16))]
    staff = [person(region.name if i % 2 else local[i % len(local)].long_name, False)
             for i in range(rng.randint(4, 9))]
    return BodySpec(name, short, region.name, roster, staff)


def synth_protocol(i: int, seed: int = 1, n_bodies: int = 300) -> str:
    """The text of protocol ``i`` (deterministic for (i, seed))."""
    rng = random.Random(f"protocol-{seed}-{i}")
    body = _body(rng.randrange(n_bodies), seed)
    year = 2015 + rng.randrange(11)
    month, day = rng.randrange(12), rng.randint(1, 28)
    iso = f"{year}-{month + 1:02d}-{day:02d}"
    present = rng.sample(body.roster, k=max(3, len(body.roster) - rng.randint(0, 3)))
    absent = [m for m in body.roster if m not in present]
    staff = rng.sample(body.staff, k=min(len(body.staff), rng.randint(2, 5)))
    chair, secretary, adjuster = present[0], staff[0], present[1]
    lines: list[str] = []
    add = lines.append
    if rng.random() < 0.5:
        add(f"Protokoll {body.name}")
        add("")
        add(f"Tid: {day} {MONTHS[month]} {year} kl. 09:00–12:00")
    else:
        add(body.name)
        add("")
        add("Protokoll")
        add("")
        add(f"Datum: {iso}")
    add("")
    add(f"Plats: {rng.choice(['Rådhuset', 'Regionens hus', 'Via Teams', 'Kommunhuset'])}, {body.region}")
    add("")
    add("Närvarande ledamöter:")
    add("")
    for m in present:
        add(f"{m.name} ({m.party})\t{m.organization}")
    add("")
    if absent:
        add("Frånvarande:")
        add("")
        for m in absent:
            add(f"{m.name} ({m.party})\t{m.organization}")
        add("")
    add("Övriga närvarande:")
    add("")
    n_items = rng.randint(5, 11)
    for k, m in enumerate(staff):
        part = f" (punkt {rng.randint(4, n_items)})" if k and rng.random() < 0.3 else ""
        add(f"{m.name}\t{m.title}, {m.organization}{part}")
    add("")
    add(f"Ordförande: {chair.name}")
    add(f"Sekreterare: {secretary.name}")
    add(f"Justerare: {adjuster.name}")
    add("")
    numbered = rng.random() < 0.5
    first = rng.randint(1, 60) if numbered else 1

    def heading(n: int, title: str) -> str:
        return f"§ {first + n - 1} {title}" if numbered else f"{n}. {title}"

    add(heading(1, "Mötets öppnande"))
    add("")
    add("Ordförande hälsade välkommen och öppnade mötet.")
    add("")
    add(heading(2, "Val av justerare"))
    add("")
    add(f"{adjuster.name} utsågs att jämte ordföranden justera protokollet.")
    add("")
    add(heading(3, "Godkännande av dagordning"))
    add("")
    add("Dagordningen godkändes.")
    add("")
    for n in range(4, n_items):
        kind = rng.choice(("info", "approve", "recommend", "assign", "allocate", "info"))
        presenter = rng.choice(staff)
        ag = rng.choice(AGREEMENT_TEMPLATES).format(year=year, year2=year + 3)
        topic = rng.choice(TOPICS)
        if kind == "info":
            add(heading(n, f"Information om {topic}"))
            add("")
            add(f"{presenter.name}, {presenter.title}, informerade om {topic}.")
            add("Diskussion fördes om hur arbetet ska följas upp i länet.")
            add("")
            add("Informationen lades till handlingarna.")
        elif kind in ("approve", "recommend"):
            add(heading(n, ag))
            add("")
            add(f"{presenter.name} presenterade förslaget till {ag}.")
            add("")
            add(f"Beslut: {body.short} beslutar att:")
            add("")
            if kind == "approve":
                add(f"- godkänna {ag}.")
            else:
                add(f"- rekommendera kommunerna i länet och {body.region} att anta {ag}.")
        elif kind == "assign":
            who = rng.choice(staff)
            add(heading(n, f"Uppdrag om {topic}"))
            add("")
            add(f"{presenter.name} redogjorde för behovet av en samlad plan för {topic}.")
            add("")
            add(f"Beslut: {body.short} beslutar att:")
            add("")
            add(f"- ge {who.name} i uppdrag att ta fram ett förslag om {topic} till nästa möte.")
        else:
            amount = rng.choice((250_000, 500_000, 1_200_000, 2_000_000, 7_140_000))
            add(heading(n, f"Medel för {topic}"))
            add("")
            add(f"{presenter.name} föredrog ärendet.")
            add("")
            add(f"Beslut: {body.short} beslutar att:")
            add("")
            add(f"- avsätta {amount:,} kronor till {topic} under {year}.".replace(",", " "))
        add("")
    add(heading(n_items, "Mötets avslutande"))
    add("")
    add("Ordförande tackade för visat intresse och avslutade mötet.")
    add("")
    add("Vid protokollet")
    add("")
    add(secretary.name)
    add("")
    return "\n".join(lines)


def write_corpus(out: Path, n: int, seed: int = 1, start: int = 0) -> list[Path]:
    """Write protocols start..start+n-1 as protocol_NNNNNN.txt under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = out / f"protocol_{i:06d}.txt"
        p.write_text(synth_protocol(i, seed), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} protocols to {args.out}")


if __name__ == "__main__":
    main()
