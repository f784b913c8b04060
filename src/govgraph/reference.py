"""Reference data shipped as package data (see data/REFERENCE-SOURCES.md for sources and licences).

Loaded lazily and cached per process; every loader returns plain immutable-ish structures.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("govgraph.data").joinpath(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class Municipality:
    code: str          # SCB kommunkod, 4 digits
    name: str          # "Örebro"
    long_name: str     # "Örebro kommun"
    county_code: str
    county: str
    wikidata: str | None


@dataclass(frozen=True)
class Region:
    county_code: str
    county: str        # "Örebro län"
    name: str          # "Region Örebro län"
    org_number: str | None
    wikidata: str | None


@dataclass(frozen=True)
class Party:
    abbr: str
    name: str
    canonical_abbr: str
    status: str


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    return tuple(Municipality(r["code"], r["name"], r["long_name"], r["county_code"], r["county"],
                              r["wikidata"] or None) for r in _rows("municipalities.csv"))


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    return tuple(Region(r["county_code"], r["county"], r["region"], r["org_number"] or None,
                        r["wikidata"] or None) for r in _rows("regions.csv"))


@lru_cache(maxsize=1)
def parties() -> dict[str, Party]:
    """Upper-case abbreviation -> Party (match case-insensitively: "(s)", "Kd")."""
    return {r["abbr"].upper(): Party(r["abbr"], r["name"], r["canonical_abbr"], r["status"])
            for r in _rows("parties.csv")}


@lru_cache(maxsize=1)
def given_names() -> dict[str, int]:
    """Given name (NFC, as SCB writes it) -> number of bearers (both sexes summed)."""
    out: dict[str, int] = {}
    for r in _rows("given_names.csv"):
        n = unicodedata.normalize("NFC", r["name"])
        out[n] = out.get(n, 0) + int(r["count"] or 0)
    return out


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", r["name"]) for r in _rows("surnames.csv"))


def is_given_name(word: str) -> bool:
    return unicodedata.normalize("NFC", word) in given_names()


def is_surname(word: str) -> bool:
    return unicodedata.normalize("NFC", word) in surnames()


@lru_cache(maxsize=1)
def municipality_index() -> dict[str, Municipality]:
    """Casefolded forms -> Municipality: "örebro", "örebro kommun", "örebro stad", genitive "örebros kommun"."""
    idx: dict[str, Municipality] = {}
    for m in municipalities():
        forms = {m.name, m.long_name, f"{m.name} kommun", f"{m.name} stad", f"{m.name}s kommun",
                 f"{m.name}s stad"}
        for f in forms:
            idx.setdefault(f.casefold(), m)
    return idx


@lru_cache(maxsize=1)
def region_index() -> dict[str, Region]:
    """Casefolded forms -> Region: "region örebro län", "örebro län", "regionen i örebro län"."""
    idx: dict[str, Region] = {}
    for r in regions():
        for f in {r.name, r.county, f"Region {r.county}", f"Regionen i {r.county}"}:
            idx.setdefault(f.casefold(), r)
    return idx


def find_municipality(text: str) -> Municipality | None:
    return municipality_index().get(" ".join(text.split()).casefold())


def find_region(text: str) -> Region | None:
    return region_index().get(" ".join(text.split()).casefold())
