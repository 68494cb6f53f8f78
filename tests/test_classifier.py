"""The shipped check-worthiness model: loads fast, ranks sensibly, batches consistently."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from service.extraction.classifier import MODEL_DIR, CheckworthinessModel, default_model

FACTUAL = [
    "Unemployment fell from 10 percent in 2009 to 4.7 percent last year.",
    "We spent $1.2 trillion on the war in Iraq, and 4,000 American soldiers died there.",
    "The Senate passed the bill 68 to 32 in June 2013.",
    "China holds more than $1 trillion of American debt.",
]
NOT_WORTHY = [
    "Thank you very much, and good evening.",
    "Hello everyone, it is great to be here tonight.",
    "What do you think about that?",
    "Let me finish, please.",
]


@pytest.fixture(scope="module")
def model() -> CheckworthinessModel:
    """The artefact from service/extraction/model/, on one thread."""
    return CheckworthinessModel.load(MODEL_DIR)


def test_load_reads_metadata():
    # How fast it loads is a figure, not a pass/fail: benchmarks/bench_checkworthiness.py prints it.
    loaded = CheckworthinessModel.load(MODEL_DIR)
    assert 0.0 < loaded.threshold < 1.0
    assert loaded.meta["max_length"] >= 32


@pytest.mark.parametrize("factual", FACTUAL)
@pytest.mark.parametrize("chatter", NOT_WORTHY)
def test_factual_sentence_outranks_chatter(model, factual, chatter):
    fact_score, chatter_score = model.predict([factual, chatter])
    assert fact_score > chatter_score


def test_threshold_separates_the_clear_cases(model):
    scores = model.predict(FACTUAL + NOT_WORTHY)
    assert all(s >= model.threshold for s in scores[: len(FACTUAL)])
    assert all(s < model.threshold for s in scores[len(FACTUAL) :])


def test_probabilities_are_in_range_and_in_input_order(model):
    sentences = FACTUAL + NOT_WORTHY
    scores = model.predict(sentences)
    assert len(scores) == len(sentences)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert model.predict(sentences[::-1]) == scores[::-1]


MIXED = (FACTUAL + NOT_WORTHY) * 5 + ["Yes.", "x " * 300, "The deficit was $1.4 trillion."]


def test_batch_results_equal_single_results(model):
    batched = model.predict(MIXED)
    single = [model.predict([s])[0] for s in MIXED]
    assert batched == single


def test_padded_batches_stay_close_to_single_results():
    bulk = CheckworthinessModel.load(MODEL_DIR, batch_size=16)
    batched = bulk.predict(MIXED)
    single = [bulk.predict([s])[0] for s in MIXED]
    # int8 activations share one scale per batch: close, not bit-equal.
    assert batched == pytest.approx(single, abs=0.1)
    assert sum(abs(b - s) for b, s in zip(batched, single, strict=True)) / len(MIXED) < 0.02


@pytest.mark.parametrize("empty", [[], ()])
def test_empty_input_gives_empty_output(model, empty):
    assert model.predict(empty) == []


@pytest.mark.parametrize("odd", ["", "   ", "🙂🙂🙂", "word " * 1000])
def test_odd_input_still_gives_one_probability(model, odd):
    [score] = model.predict([odd])
    assert 0.0 <= score <= 1.0


def test_default_model_is_loaded_once_across_threads():
    seen: list[CheckworthinessModel] = []
    threads = [threading.Thread(target=lambda: seen.append(default_model())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8
    assert all(m is seen[0] for m in seen)


def test_context_is_read_as_segment_zero_around_the_sentence(model):
    reader = dataclasses.replace(model, meta={**model.meta, "context": {"before": 3, "after": 2}})
    ids, segments = reader.encode("Taxes rose.", "one two three four five", "six seven eight")
    words = reader.tokenizer.decode(ids, skip_special_tokens=False)
    assert words == "[CLS] three four five [SEP] taxes rose. [SEP] six seven [SEP]"
    own = len(model.tokenizer.encode("Taxes rose.").ids) - 1  # the sentence and its [SEP]
    assert segments == [0] * 5 + [1] * own + [0] * 3


def test_without_neighbours_a_context_model_reads_empty_context(model):
    reader = dataclasses.replace(model, meta={**model.meta, "context": {"before": 16, "after": 0}})
    ids, segments = reader.encode("Taxes rose.")
    assert (
        reader.tokenizer.decode(ids, skip_special_tokens=False) == "[CLS] [SEP] taxes rose. [SEP]"
    )
    assert segments == [0, 0] + [1] * (len(ids) - 2)


def test_a_model_without_context_ignores_the_neighbours():
    plain = CheckworthinessModel.load(MODEL_DIR)
    plain = dataclasses.replace(plain, meta={**plain.meta, "context": None})
    sentence = ["The Senate passed the bill 68 to 32 in June 2013."]
    assert plain.predict(sentence, ["Thank you."], ["Next."]) == plain.predict(sentence)
    assert plain.encode(sentence[0], "Thank you.")[0] == plain.tokenizer.encode(sentence[0]).ids
