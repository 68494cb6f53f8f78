"""Quantities: money, percentages, counts, dates and years, with values, units and spans."""

from __future__ import annotations

import pytest

from service.extraction.quantities import find_quantities


def _found(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(q.text, q.kind, q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a $1.5 billion deal", [("$1.5 billion", "money", 1.5e9, "USD")]),
        # The hedge stays outside the span: readers look for it just before the quantity.
        ("nearly $1 billion in sales", [("$1 billion", "money", 1e9, "USD")]),
        ("a $15bn bid", [("$15bn", "money", 15e9, "USD")]),
        ("€200 million in aid", [("€200 million", "money", 2e8, "EUR")]),
        ("1.2 trillion yen of bonds", [("1.2 trillion yen", "money", 1.2e12, "JPY")]),
        ("a US$3m fund", [("US$3m", "money", 3e6, "USD")]),
        ("£40,000 a year", [("£40,000", "money", 40_000.0, "GBP")]),
        ("three hundred million dollars", [("three hundred million dollars", "money", 3e8, "USD")]),
        ("less than $250,000, he said", [("$250,000", "money", 250_000.0, "USD")]),
        ("USD 5 million", [("USD 5 million", "money", 5e6, "USD")]),
        ("500 Canadian dollars", [("500 Canadian dollars", "money", 500.0, "CAD")]),
        ("5 million pounds", [("5 million pounds", "money", 5e6, "GBP")]),
        ("50 cents", [("50 cents", "money", 0.5, "USD")]),
        ("25% tariffs", [("25%", "percent", 25.0, "%")]),
        ("rose 2.5 percent", [("2.5 percent", "percent", 2.5, "%")]),
        ("10 per cent of voters", [("10 per cent", "percent", 10.0, "%")]),
        ("up 2.5 percentage points", [("2.5 percentage points", "percent", 2.5, "pp")]),
        ("ten percent", [("ten percent", "percent", 10.0, "%")]),
        ("3,000 troops", [("3,000 troops", "count", 3000.0, "troops")]),
        ("two million people", [("two million people", "count", 2e6, "people")]),
        ("twenty-five soldiers", [("twenty-five soldiers", "count", 25.0, "soldiers")]),
        ("a million people", [("a million people", "count", 1e6, "people")]),
        ("3,000 American troops", [("3,000 American troops", "count", 3000.0, "troops")]),
        ("sent 2000 troops", [("2000 troops", "count", 2000.0, "troops")]),
        ("1.5 million", [("1.5 million", "count", 1.5e6, None)]),
        ("by 2027", [("2027", "year", 2027.0, "2027")]),
        ("in 1999 unemployment rose", [("1999", "year", 1999.0, "1999")]),
        ("the 2024 election", [("2024", "year", 2024.0, "2024")]),
        ("from 2020-2024", [("2020", "year", 2020.0, "2020"), ("2024", "year", 2024.0, "2024")]),
        ("on February 7, 2025", [("February 7, 2025", "date", None, "2025-02-07")]),
        ("on 7 Feb 2025", [("7 Feb 2025", "date", None, "2025-02-07")]),
        ("on 2025-02-07", [("2025-02-07", "date", None, "2025-02-07")]),
        ("in March 2024", [("March 2024", "date", None, "2024-03")]),
        ("on Jan. 20, 2025", [("Jan. 20, 2025", "date", None, "2025-01-20")]),
        ("the 7th of February", [("7th of February", "date", None, "--02-07")]),
        ("on May 5 they", [("May 5", "date", None, "--05-05")]),
    ],
)
def test_quantities_are_read_with_value_and_unit(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_kinds"),
    [
        ("It cost $15 and 25% of the budget.", ["money", "percent"]),  # no date in either
        ("He paid $2027 for it.", ["money"]),  # not the year 2027
        ("Call +1 202 555 2027 today.", []),
        ("Call 202-555-2027 today.", []),
        ("in version 3.2027", []),
        ("the F-35 jets and COVID-19 cases", []),
        ("one of the top buyers", []),  # "one" counts nothing
        ("they may 2 weeks", ["count"]),  # lower-case "may" is no month
        ("in the 1990s", []),
        ("5 pounds of sugar", ["count"]),  # a weight, not sterling
        ("the 30th February 2024", ["date"]),  # no such day: only the month is kept
    ],
)
def test_look_alikes_are_not_misread(text, expected_kinds):
    assert [q.kind for q in find_quantities(text)] == expected_kinds


def test_30th_february_keeps_only_the_month():
    (quantity,) = find_quantities("the 30th February 2024")
    assert (quantity.text, quantity.unit) == ("February 2024", "2024-02")


def test_spans_index_the_given_text():
    text = "Japan pledged to double spending by 2027, approving nearly $1 billion and 25% more."
    found = find_quantities(text)
    assert [q.text for q in found] == ["2027", "$1 billion", "25%"]
    for q in found:
        assert text[q.start : q.end] == q.text
