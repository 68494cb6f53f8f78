"""Check-worthiness, extract_claims on a short news paragraph, and span invariants."""

from __future__ import annotations

import dataclasses
import random

import pytest

from service.extraction import (
    DEFAULT_THRESHOLD,
    checkworthiness,
    extract_claims,
    find_quantities,
    score_sentence,
    score_sentences,
    split_sentences,
)
from service.extraction.classifier import CheckworthinessModel

PARAGRAPH = (
    "Good morning, and thank you all for coming.\n"
    "Acme Motors said on March 3, 2024 that its revenue rose 12% to $4.5 billion last year. "
    "Chief executive Jane Doe told reporters, “We sold 2.1 million cars in Europe. "
    "Our plant in Ohio employs 3,000 workers.” "
    "Will the company keep growing? "
    "I think we should be proud of our team.\n"
    "- The board approved a $300 million share buyback.\n"
    "Analysts might see that as a sign of strength."
)
CLAIMS = [  # original, text, claimant, kind
    ("Acme Motors said on March 3, 2024 that its revenue rose 12% to $4.5 billion last year.",
     "Acme Motors said on March 3, 2024 that its revenue rose 12% to $4.5 billion last year.",
     "Acme Motors", "reported"),
    ("We sold 2.1 million cars in Europe.", "We sold 2.1 million cars in Europe.", "Jane Doe",
     "quote"),  # the quotation without the words that introduce it
    ("Our plant in Ohio employs 3,000 workers.”", "Our plant in Ohio employs 3,000 workers.",
     "Jane Doe", "quote"),  # the quotation goes on
    ("The board approved a $300 million share buyback.",
     "The board approved a $300 million share buyback.", None, "author"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("factual", "other"),
    [
        ("Japan pledged to double its defense spending by 2027.", "Thank you all for coming."),
        ("Japan pledged to double its defense spending by 2027.", "Will Japan spend more?"),
        ("Japan pledged to double its defense spending by 2027.", "I think we should spend more."),
        ("The 25% tariffs on Canada and Mexico were postponed.", "Tariffs might hurt someday."),
        ("Unemployment fell to 3.5% in 2019.", "Good evening, everyone."),
        ("Biden blocked the $15 billion deal in January 2025.", "We hope to work together."),
        ("Exports rose 12% to $4.5 billion last year.", "Trade Talks"),
    ],
)
def test_factual_sentences_outscore_pleasantries_questions_and_opinions(factual, other):
    assert score_sentence(factual) > score_sentence(other)
    assert score_sentence(factual) >= DEFAULT_THRESHOLD > score_sentence(other)


@pytest.mark.parametrize(
    "text", ["", "Hi.", "?" * 3, "Thank you! " * 20, "$1 billion " * 50, PARAGRAPH]
)
def test_scores_stay_between_zero_and_one(text):
    assert 0.0 <= score_sentence(text) <= 1.0


def test_score_sentences_lists_every_sentence_with_its_span():
    sentences = score_sentences(PARAGRAPH)
    assert [(s.start, s.end) for s in sentences] == split_sentences(PARAGRAPH)
    for s in sentences:
        assert PARAGRAPH[s.start : s.end] == s.text
        assert s.checkworthiness == round(s.checkworthiness, 3)


def test_extract_claims_on_a_news_paragraph():
    claims = extract_claims(PARAGRAPH)
    assert [(c.original, c.text, c.claimant, c.kind) for c in claims] == CLAIMS
    assert [c.id for c in claims] == ["c1", "c2", "c3", "c4"]
    for claim in claims:
        assert PARAGRAPH[claim.start : claim.end] == claim.original
        assert claim.checkworthiness >= DEFAULT_THRESHOLD
        assert claim.checkworthiness == round(claim.checkworthiness, 3)
    first = claims[0]
    assert first.entities == ("Acme Motors",)
    assert [(q.kind, q.value, q.unit) for q in first.quantities] == [
        ("date", None, "2024-03-03"),
        ("percent", 12.0, "%"),
        ("money", 4.5e9, "USD"),
    ]
    for q in first.quantities:  # quantity spans are relative to the claim
        assert first.text[q.start : q.end] == q.text


def test_max_claims_keeps_the_best_in_document_order():
    every = extract_claims(PARAGRAPH)
    best_two = sorted(every, key=lambda c: -c.checkworthiness)[:2]
    kept = extract_claims(PARAGRAPH, max_claims=2)
    assert [c.text for c in kept] == [c.text for c in every if c in best_two]
    assert every[1].text not in [c.text for c in kept]  # scores below the best two
    assert [c.id for c in kept] == ["c1", "c2"]
    assert kept[0].start < kept[1].start
    assert extract_claims(PARAGRAPH, max_claims=0) == []


def test_min_score_moves_the_cut():
    every = extract_claims(PARAGRAPH, min_score=0.0)
    for start, end in split_sentences(PARAGRAPH):  # each sentence gives at least one claim
        assert any(start <= c.start and c.end <= end for c in every)
    assert extract_claims(PARAGRAPH, min_score=1.01) == []


FRAGMENTS = [
    "The", "U.S.", "Mr.", "Dr.", "Jan.", "No. 5", "J. K.", "Rowling", "$1.5 billion", "2.5%",
    "e.g.", "i.e.", "...", "…", "“", "”", '"', "said", "Trump", "White House", "in 2027",
    "February 7, 2025", "3,000 troops", "?", "!", ".", ",", "\n", "\n\n", "- ", "• ", "1. ",
    "we", "think", "Thank you", "nearly", "€200 million", "(VOA)", "’s", "  ", "\t", "Japan",
    "+1 202 555 2027", "2025-02-07",
]  # fmt: skip


def _random_text(seed: int) -> str:
    rng = random.Random(seed)
    pieces = rng.choices(FRAGMENTS, k=rng.randint(0, 80))
    return "".join(piece + rng.choice(["", " ", " ", " "]) for piece in pieces)


@pytest.mark.parametrize("seed", range(40))
def test_spans_hold_on_random_texts(seed):
    text = _random_text(seed)
    previous_end = 0
    for sentence in score_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert previous_end <= sentence.start
        previous_end = sentence.end
        assert 0.0 <= sentence.checkworthiness <= 1.0
    for claim in extract_claims(text, min_score=0.0):
        assert text[claim.start : claim.end] == claim.original
        assert claim.text.strip() and claim.kind in ("quote", "reported", "author")
        for q in claim.quantities:
            assert claim.text[q.start : q.end] == q.text
    quantities = find_quantities(text)
    for q, following in zip(quantities, quantities[1:], strict=False):
        assert q.end <= following.start
    assert all(text[q.start : q.end] == q.text for q in quantities)


@pytest.fixture
def context_model(monkeypatch):
    """The shipped weights read as a context model (previous sentence's last 16 tokens)."""
    shipped = CheckworthinessModel.load()
    reader = dataclasses.replace(shipped, meta={**shipped.meta, "context": {"before": 16}})
    checkworthiness._model_probability.cache_clear()
    monkeypatch.setattr(checkworthiness, "default_model", lambda: reader)
    yield reader
    checkworthiness._model_probability.cache_clear()


def test_each_sentence_is_scored_with_its_neighbours(context_model):
    spans = split_sentences(PARAGRAPH)
    texts = [PARAGRAPH[start:end] for start, end in spans]
    scored = score_sentences(PARAGRAPH)
    in_context = [
        round(score_sentence(text, previous=texts[i - 1] if i else ""), 3)
        for i, text in enumerate(texts)
    ]
    assert [s.checkworthiness for s in scored] == in_context
    alone = [round(score_sentence(text), 3) for text in texts]
    assert in_context[1:] != alone[1:]  # the model did read the previous sentences
