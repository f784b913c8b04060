"""Property-based and scale tests of the whole text pipeline (clean → parse → extract).

For random and mutated protocol text: no exception, every provenance quote occurs verbatim in
the cleaned text (and inside its line span), and items stay in document order. Plus the
hostile sizes: a protocol with 2,000 agenda items and a 20 MB text that is no protocol.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.model import NotAProtocolError
from govgraph.pipeline import extract_file, extract_text

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "govgraph" / "examples"
SEED_LINES = [line for f in sorted(EXAMPLES.glob("*.txt"))
              for line in f.read_text(encoding="utf-8").splitlines()]


def check_invariants(text: str) -> None:
    ex = extract_text(text, "prop.txt")
    doc, p = ex.clean, ex.protocol
    full = doc.text
    for prov in p.all_provenance():
        assert prov.quote in full, prov
        if prov.start > 0 and prov.quote:
            span = doc.quote(prov.start, max(prov.end, prov.start))
            assert prov.quote in span or prov.quote in full, prov
    starts = [it.start for it in p.items]
    assert starts == sorted(starts), [(it.number, it.start) for it in p.items]
    for it in p.items:
        assert it.start <= it.end or it.end == 0
        for d in it.decisions:
            assert d.kind in ("approve", "recommend", "reject", "assign", "allocate", "establish",
                              "dissolve", "appoint", "table", "refer_back", "note")
            assert d.amount_sek is None or isinstance(d.amount_sek, int)


PROPS = settings(max_examples=40, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_random_text(text):
    check_invariants(text)


@st.composite
def mutated_protocols(draw):
    """Slices of real protocol lines, shuffled, duplicated, truncated and sprinkled with noise."""
    start = draw(st.integers(0, len(SEED_LINES) - 1))
    n = draw(st.integers(1, 250))
    lines = SEED_LINES[start:start + n]
    rnd = random.Random(draw(st.integers(0, 2**32)))
    ops = draw(st.lists(st.sampled_from(["swap", "dup", "cut", "noise", "del", "tab", "markup"]),
                        max_size=25))
    for op in ops:
        if not lines:
            break
        i = rnd.randrange(len(lines))
        if op == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
        elif op == "noise":
            lines[i] = lines[i] + rnd.choice(["§", "**", "<del>", "\t", "\u200b", "–", "1.", "ÖK", "(S)", ":"])
        elif op == "del":
            del lines[i]
        elif op == "tab":
            lines[i] = lines[i].replace(" ", "\t", 1)
        elif op == "markup":
            lines[i] = rnd.choice(["## ", "### ", "- ", "1. ", "§ 7 "]) + lines[i]
    return "\n".join(lines)


@PROPS
@given(mutated_protocols())
def test_mutated_protocols(text):
    check_invariants(text)


def test_two_thousand_agenda_items():
    lines = ["Protokoll Kommunstyrelsen", "Tid: 2023-01-10 kl. 10.00", "Plats: Stadshuset", "",
             "Närvarande ledamöter:", "Anna Berg (S)\tUmeå", "Per Ek (M)\tUmeå", ""]
    for i in range(1, 2001):
        lines += [f"§ {i} Ärende nummer {i}", f"Kommunstyrelsen beslutar att godkänna förslag {i}.", ""]
    ex = extract_text("\n".join(lines), "stor.txt")
    p = ex.protocol
    assert [it.number for it in p.items] == [str(i) for i in range(1, 2001)]
    assert sum(len(it.decisions) for it in p.items) >= 1990
    assert p.date == "2023-01-10"


@pytest.mark.slow
def test_twenty_megabytes_of_prose_is_refused_as_no_protocol(tmp_path):
    rnd = random.Random(7)
    words = "och att det som en på är av för med till den har de inte om ett han var men hon".split()
    para = "\n".join(" ".join(rnd.choice(words) for _ in range(14)).capitalize() + "." for _ in range(2000))
    path = tmp_path / "roman.txt"
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < 20_000_000:
            fh.write(para + "\n")
    with pytest.raises(NotAProtocolError) as err:
        extract_file(path, require_protocol=True)
    assert "roman.txt" in str(err.value)
