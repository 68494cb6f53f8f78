"""Time-scoped statements (Wikidata) in verification: a claim is judged as of its date."""

from datetime import date

import pytest

from service.domain import Claim, Evidence
from service.verification import judge
from service.verification.temporal import assess_statement, validity

PM = "Prime Minister of Japan"


def claim(text: str) -> Claim:
    return Claim("c1", text, 0, len(text), 0.9)


def statement(value, start=None, end=None, relation=PM, single=True) -> Evidence:
    return Evidence(
        "wikidata",
        "Japan: head of government",
        f"{value}: {relation}",
        relation=relation,
        value=value,
        valid_from=start,
        valid_until=end,
        single_valued=single,
    )


HEADS = [
    statement("Fumio Kishida", "2021-10-04", "2024-10-01"),
    statement("Shigeru Ishiba", "2024-10-01", "2025-10-21"),
    statement("Sanae Takaichi", "2025-10-21"),
]


@pytest.mark.parametrize(
    ("as_of", "start", "end", "expected"),
    [
        (date(2025, 2, 8), "2024-10-01", "2025-10-21", "current"),
        (date(2024, 10, 1), "2024-10-01", "2025-10-21", "current"),  # the start day counts
        (date(2025, 10, 21), "2024-10-01", "2025-10-21", "past"),  # the end day does not
        (date(2024, 9, 30), "2024-10-01", None, "future"),
        (date(2026, 11, 28), "2024-10-01", "2025-10-21", "past"),
        (date(2030, 1, 1), None, None, "current"),  # no dates: always valid
        (date(2024, 10, 15), "2024-10", None, "unknown"),  # within a month-precision start
        (date(2024, 11, 1), "2024-10", None, "current"),
        (date(2025, 6, 1), "2020", "2025", "unknown"),  # within a year-precision end
        (date(2026, 1, 1), "2020", "2025", "past"),
        (date(2024, 12, 31), "2020", "2025", "current"),
    ],
)
def test_validity_at_the_dates_precision(as_of, start, end, expected):
    assert validity(as_of, start, end) == expected


@pytest.mark.parametrize(
    ("as_of", "label", "quoted"),
    [
        (date(2025, 2, 8), "supported", "lists Shigeru Ishiba as Prime Minister of Japan from"),
        (date(2026, 11, 28), "refuted", "lists Sanae Takaichi as Prime Minister of Japan since"),
        (date(2024, 5, 1), "refuted", "lists Fumio Kishida as Prime Minister of Japan from"),
        (date(2020, 1, 1), "not_enough_evidence", "not current as of 2020-01-01"),
    ],
)
def test_the_same_claim_is_judged_as_of_each_date(as_of, label, quoted):
    verdict = judge(claim("Shigeru Ishiba is the Prime Minister of Japan."), HEADS, as_of, "now")
    assert verdict.label == label
    assert quoted in verdict.rationale
    assert verdict.as_of == as_of.isoformat()


def test_a_past_tense_claim_is_supported_by_an_ended_statement():
    verdict = judge(
        claim("Fumio Kishida was the Prime Minister of Japan."), HEADS, date(2026, 11, 28), "now"
    )
    assert verdict.label == "supported"
    assert "Fumio Kishida" in verdict.rationale


def test_a_claim_naming_no_holder_is_not_refuted():
    verdict = judge(
        claim("The Prime Minister of Japan met Trump."), HEADS, date(2026, 11, 28), "now"
    )
    assert verdict.label == "not_enough_evidence"


def test_a_different_holder_refutes_only_a_single_valued_relation():
    several = [
        statement("Shigeru Ishiba", "1986-07-07", relation="member of the House", single=False)
    ]
    text = "Fumio Kishida is a member of the House."
    verdict = judge(claim(text), several, date(2025, 2, 8), "now")
    assert verdict.label == "not_enough_evidence"


@pytest.mark.parametrize(
    ("text", "stance", "strength"),
    [
        ("Shigeru Ishiba is the Prime Minister of Japan.", "supports", 0.9),
        ("Ishiba is the Prime Minister of Japan.", "supports", 0.9),  # the surname alone
        ("Prime Minister of Japan Shigeru Ishiba met Trump.", "supports", 0.55),  # apposition
        ("Shigeru Ishiba, the Prime Minister of Japan, met Trump.", "supports", 0.55),
        ("Fumio Kishida is the Prime Minister of Japan.", "refutes", 0.9),
        ("Prime Minister of Japan Fumio Kishida met Trump.", "refutes", 0.7),
        ("Former Prime Minister of Japan Fumio Kishida met Trump.", "neutral", 0.0),
        ("Japan's economy grew.", "neutral", 0.0),
    ],
)
def test_how_the_claim_names_the_holder(text, stance, strength):
    result = assess_statement(claim(text), HEADS[1], date(2025, 2, 8))
    assert result is not None
    assert (result.stance, result.strength) == (stance, strength)


def test_an_apposition_alone_does_not_decide_a_verdict():
    text = "Prime Minister of Japan Fumio Kishida met Trump at the White House."
    verdict = judge(claim(text), HEADS, date(2025, 2, 8), "now")
    assert verdict.label == "not_enough_evidence"
    assert "Shigeru Ishiba" in verdict.rationale


def test_evidence_without_a_statement_is_left_to_the_text_rules():
    passage = Evidence("wiki", "Japan", "Shigeru Ishiba is the Prime Minister of Japan.")
    assert (
        assess_statement(
            claim("Shigeru Ishiba is the Prime Minister of Japan."), passage, date(2025, 2, 8)
        )
        is None
    )
