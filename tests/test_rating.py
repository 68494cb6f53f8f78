"""Fact-check ratings on one scale: publishers' words, other languages, numbers, and stances."""

import pytest

from service.domain import Claim, Evidence
from service.verification.rating import (
    LEVELS,
    RATING_STANCE,
    classify_number,
    classify_rating,
    classify_text,
    normalise_rating,
)
from service.verification.stance import assess


@pytest.mark.parametrize(
    ("rating", "level"),
    [
        # PolitiFact, with LIAR's slugs
        ("True", "true"),
        ("Mostly True", "mostly_true"),
        ("Half True", "mixed"),
        ("half-true", "mixed"),
        ("Mostly False", "mostly_false"),
        ("barely-true", "mostly_false"),
        ("False", "false"),
        ("Pants on Fire!", "false"),
        ("pants-fire", "false"),
        ("Full Flop", "unrated"),
        ("Half Flip", "unrated"),
        # Snopes
        ("Mixture", "mixed"),
        ("Unproven", "unrated"),
        ("Miscaptioned", "mostly_false"),
        ("Correct Attribution", "true"),
        ("Misattributed", "false"),
        ("Labeled Satire", "false"),
        ("Legend", "unrated"),
        ("Outdated", "unrated"),
        # FactCheck.org, Full Fact, AFP, AAP, Africa Check
        ("Distorts the Facts", "mostly_false"),
        ("Spins the Facts", "mostly_false"),
        ("Cherry-picks", "mixed"),
        ("Other", "unrated"),
        ("Not quite right", "mostly_false"),
        ("Missing context", "mixed"),
        ("No evidence", "mostly_false"),
        ("Altered image", "false"),
        ("Altered Photo/Video", "false"),
        ("Partly False", "mixed"),
        ("Somewhat True", "mostly_true"),
        ("Somewhat False", "mostly_false"),
        ("Satire", "false"),
        ("Exaggerated", "mostly_false"),
        ("Understated", "mixed"),
        ("Incorrect", "false"),
        ("Fake", "false"),
        ("Mostly correct", "mostly_true"),
        # The Washington Post
        ("Four Pinocchios", "false"),
        ("Three Pinocchios", "mostly_false"),
        ("Two Pinocchios", "mixed"),
        ("One Pinocchio", "mostly_true"),
        ("Geppetto Checkmark", "true"),
        ("Bottomless Pinocchio", "false"),
        ("Upside-Down Pinocchio", "unrated"),
        # EUfactcheck's one-letter codes (its "M" folds mostly true and mostly false)
        ("T", "true"),
        ("M", "mixed"),
        ("F", "false"),
        ("U", "unrated"),
        # TruthOrFiction, Lead Stories
        ("Not True", "false"),
        ("Fiction", "false"),
        ("Decontextualized", "mixed"),
        ("Hoax", "false"),
        # Spanish, French, German, Portuguese
        ("Falso", "false"),
        ("Engañoso", "mostly_false"),
        ("Verdadero", "true"),
        ("Cierto", "true"),
        ("Mayormente cierto", "mostly_true"),
        ("Verdad a medias", "mixed"),
        ("Sin evidencia", "mostly_false"),
        ("No es cierto", "false"),
        ("Faux", "false"),
        ("Plutôt vrai", "mostly_true"),
        ("Trompeur", "mostly_false"),
        ("Vrai", "true"),
        ("C'est plus compliqué : à nuancer", "mixed"),
        ("Falsch", "false"),
        ("Größtenteils richtig", "mostly_true"),
        ("Irreführend", "mostly_false"),
        ("Fehlender Kontext", "mixed"),
        ("Richtig", "true"),
        ("Stimmt nicht", "false"),
        ("Enganoso", "mostly_false"),
        ("Verdadeiro", "true"),
    ],
)
def test_classify_text(rating, level):
    assert classify_text(rating) == level


@pytest.mark.parametrize("rating", [None, "", "   ", "Checked", "See article", "7"])
def test_unrecognised_ratings(rating):
    assert classify_text(rating) is None


@pytest.mark.parametrize(
    ("value", "worst", "best", "level"),
    [
        (1, 1, 5, "false"),
        ("2", "1", "5", "mostly_false"),
        (3, None, None, "mixed"),  # schema.org's default scale is 1..5
        (4, 1, 5, "mostly_true"),
        (5, 1, 5, "true"),
        (0.9, 0, 1, "true"),
        (7, 1, 5, None),  # outside the scale
        (3, 5, 1, None),
        ("three", 1, 5, None),
        (True, 0, 1, None),
        (None, 1, 5, None),
        (float("nan"), 1, 5, None),
    ],
)
def test_classify_number(value, worst, best, level):
    assert classify_number(value, worst, best) == level


def test_text_wins_over_numbers():
    # AFP rates "Misleading" 3 on 1..5, which alone would read as mixed.
    assert classify_rating("Misleading", 3, 1, 5) == "mostly_false"
    assert classify_rating(None, 3, 1, 5) == "mixed"
    assert classify_rating("See article", 1, 1, 5) == "false"


def test_normalise_rating_keeps_the_five_level_scale():
    assert [normalise_rating(r) for r in ("False", "Unproven", "Other", "nonsense")] == [
        "false",
        None,
        None,
        None,
    ]


def test_every_level_has_a_stance():
    assert set(RATING_STANCE) == set(LEVELS)
    assert {RATING_STANCE[level][0] for level in ("true", "mostly_true")} == {"supports"}
    assert {RATING_STANCE[level][0] for level in ("false", "mostly_false")} == {"refutes"}


@pytest.mark.parametrize(
    ("level", "match", "stance"),
    [
        ("false", 1.0, "refutes"),
        ("true", 0.9, "supports"),
        ("unrated", 1.0, "neutral"),
        ("mixed", 1.0, "neutral"),
    ],
)
def test_a_matched_fact_check_decides_by_its_normalised_rating(level, match, stance):
    text = "Japan doubled its defense spending in 2024."
    claim = Claim("c1", text, 0, len(text), 0.9)
    evidence = Evidence(
        "checks",
        "Fact-check",
        "Claim: something worded differently.",
        rating="whatever the desk wrote",
        rating_normalised=level,
        match_score=match,
    )
    result = assess(claim, evidence)
    assert result.stance == stance
    assert "whatever the desk wrote" in result.reason


def test_a_loose_match_weighs_less_than_a_close_one():
    text = "Japan doubled its defense spending in 2024."
    claim = Claim("c1", text, 0, len(text), 0.9)

    def strength(match: float) -> float:
        evidence = Evidence(
            "c", "t", "s", rating="False", rating_normalised="false", match_score=match
        )
        return assess(claim, evidence).strength

    assert strength(0.5) < 0.75 <= strength(1.0)  # REFUTE_MIN: a loose match cannot accuse alone
