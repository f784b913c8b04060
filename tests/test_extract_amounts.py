"""Sums of money in Swedish minutes → integer kronor."""
from __future__ import annotations

import pytest

from govgraph.extract.amounts import find_amounts, parse_amount


@pytest.mark.parametrize("text, value", [
    ("7 140 000 kr", 7_140_000),
    ("totalt avsätts 7 140 000 kronor till suicidprevention", 7_140_000),
    ("750 000 kr", 750_000),
    ("12 miljoner kronor", 12_000_000),
    ("6 mkr", 6_000_000),
    ("1,5 mkr", 1_500_000),
    ("214 237:-", 214_237),
    ("30 000 kr", 30_000),
    ("500 tkr", 500_000),
    ("ca 14,7 miljoner kronor", 14_700_000),
    ("2 miljarder kronor", 2_000_000_000),
    ("4 000 000 SEK", 4_000_000),
    ("1.250.000 kr", 1_250_000),
])
def test_amount_forms(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["under 2024 och 2025", "50 procent", "dos 4", "8884 barn", "år 2022"])
def test_numbers_that_are_no_money(text):
    assert parse_amount(text) is None


def test_year_before_an_amount_is_not_glued_to_it():
    assert parse_amount("under 2022 200 000 kr") == 200_000


def test_spans_point_at_the_sum():
    text = "Att avsätta 6 mkr. 1,5 mkr fördelas till respektive länsdel."
    found = find_amounts(text)
    assert [a.value for a in found] == [6_000_000, 1_500_000]
    assert text[found[0].start:found[0].end] == "6 mkr"


def test_currency_before_the_number_and_a_decimal_point_before_a_large_unit():
    from govgraph.extract.amounts import find_amounts
    assert [a.value for a in find_amounts("avsätter SEK 300 000 till projektet")] == [300000]
    assert [a.value for a in find_amounts("avsätter 1.2 miljoner kronor")] == [1200000]
    assert [a.value for a in find_amounts("kostar 1.200 kronor")] == [1200]
