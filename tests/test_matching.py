"""Claim matching: tweet clean-up, lexical features, the shipped model and its threshold."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from service.sources.encoder import MODEL_DIR
from service.sources.matching import (
    FEATURES,
    MATCH_THRESHOLD,
    default_matcher,
    match_score,
    rank_candidates,
)
from service.sources.matching_features import Lexicon, bm25, number_agreement
from service.sources.matching_text import content_words, normalise, numbers, stem

CLAIM = "Unemployment fell to 3.5% in September 2019, the lowest rate in 50 years."
CANDIDATES = [
    "A photograph shows a shark swimming on a flooded highway in Houston.",
    "The US unemployment rate dropped to 3.5 percent in September 2019, a 50-year low.",
    "Vaccines cause autism in children.",
    "Unemployment among veterans rose in 2019.",
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Look https://t.co/abc pic.twitter.com/xyz now", "Look now"),
        ("#DefundTheCBC today", "Defund The CBC today"),
        ("thanks @JohnnySins and @ESPN", "thanks Johnny Sins and ESPN"),
        ("Big news — Neko Case (@NekoCase) September 19, 2017", "Big news — Neko Case"),
        ('He said ""no"" twice', 'He said "no" twice'),
        ("  plain   prose  ", "plain prose"),
    ],
)
def test_normalise_tweets(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("vaccines", "vaccine"), ("banned", "ban"), ("parties", "party"), ("Trump's", "trump")],
)
def test_stem_conflates_inflections(a, b):
    assert stem(a) == stem(b)


def test_content_words_drop_function_words_and_digits():
    assert content_words("The CBC deleted Trump from Home Alone 2") == [
        "cbc", "delet", "trump", "home", "alon",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3.5% in 2019", {3.5, 2019.0}), ("two million people", {2e6}), ("no numbers", set())],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("claim", "candidate", "expected"),
    [
        ({3.5, 2019.0}, {3.5, 2019.0}, (1.0, 0.0)),
        ({4.5}, {3.5, 2019.0}, (0.0, 1.0)),
        ({3.5}, {3.5, 2019.0}, (0.5, 0.0)),
        (set(), {3.5}, (0.0, 0.0)),
    ],
)
def test_number_agreement(claim, candidate, expected):
    assert number_agreement(claim, candidate) == expected


def test_bm25_prefers_rare_shared_words():
    lexicon = Lexicon(1000, {"common": 900, "rare": 2}, avgdl=5.0)
    document = Counter({"common": 1, "rare": 1, "other": 1})
    assert bm25(lexicon, {"rare"}, document) > bm25(lexicon, {"common"}, document) > 0
    assert bm25(lexicon, {"absent"}, document) == 0.0


def test_artefact_loads_and_agrees_with_the_threshold():
    meta = json.loads((MODEL_DIR / "model.json").read_text())
    assert set(meta["combiner"]["weights"]) == set(FEATURES)
    assert meta["combiner"]["threshold"] == MATCH_THRESHOLD
    size = sum(f.stat().st_size for f in MODEL_DIR.iterdir())
    assert size <= 30 * 2**20
    vectors = default_matcher().encoder.encode(
        ["Vaccines cause autism.", "Autism is caused by vaccines."]
    )
    assert vectors.shape == (2, meta["dimensions"])
    assert float(vectors[0] @ vectors[1]) > 0.8
    assert default_matcher().lexicon.documents > 1000


@pytest.mark.parametrize(
    ("claim", "paraphrase", "unrelated"),
    [
        (CLAIM, CANDIDATES[1], CANDIDATES[0]),
        (
            "Joe Biden said that 500,000 Americans died of COVID-19.",
            "Joe Biden claimed 500,000 Americans have died from COVID-19.",
            "A video shows Vladimir Putin riding a bear.",
        ),
    ],
)
def test_threshold_separates_same_claim_from_unrelated(claim, paraphrase, unrelated):
    assert match_score(claim, paraphrase) >= MATCH_THRESHOLD
    assert match_score(claim, unrelated) < MATCH_THRESHOLD
    assert 0.0 <= match_score(claim, unrelated) < match_score(claim, paraphrase) <= 1.0


def test_a_different_number_scores_lower():
    same = "The unemployment rate dropped to 3.5 percent in September 2019, a 50-year low."
    other = same.replace("3.5", "7.2")
    assert match_score(CLAIM, other) < match_score(CLAIM, same)


def test_rank_candidates_orders_best_first():
    ranked = rank_candidates(CLAIM, CANDIDATES)
    assert sorted(i for i, _ in ranked) == list(range(len(CANDIDATES)))
    assert ranked[0][0] == 1
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert dict(ranked)[1] == pytest.approx(match_score(CLAIM, CANDIDATES[1]), abs=1e-6)


def test_a_title_after_a_newline_counts_for_words_only():
    bare = match_score(CLAIM, "Unemployment hit a record low.")
    titled = match_score(CLAIM, "Unemployment hit a record low.\nDid unemployment fall to 3.5%?")
    assert titled > bare


@pytest.mark.parametrize("candidates", [[], ()])
def test_rank_candidates_of_nothing(candidates):
    assert rank_candidates(CLAIM, candidates) == []


def test_an_empty_claim_matches_nothing():
    assert match_score("", CANDIDATES[1]) < MATCH_THRESHOLD
