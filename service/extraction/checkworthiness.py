"""Check-worthiness of a sentence: named features, one weight each, a logistic link.

Up: numbers, money, percentages, dates, names, comparisons and superlatives, verbs that report
an act or a change ("pledged", "blocked", "rose"), a copula stating a fact. Down: questions,
first and second person opinions ("I think", "we aim to"), pleasantries ("Thank you"),
speculation ("would", "might"), promises about the future, uncertainty ("whether"), very short
sentences and headings. The weights began as a logistic regression of these features on the
CheckThat! 2024 training sentences (US debates) and were then rounded and adjusted by hand so
that news prose scores sensibly; `score_sentence` is the interface a trained model will keep.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from service.domain import Quantity
from service.extraction.classifier import default_model
from service.extraction.cues import features

DEFAULT_THRESHOLD = 0.5
BIAS = -0.9
WEIGHTS = {
    "money_or_percent": 2.5,
    "count": 1.6,
    "time": 1.1,
    "entities": 0.3,
    "comparison": 0.6,
    "factual_verb": 0.75,
    "copula": 0.2,
    "past_tense": 0.45,
    "third_person": 0.35,
    "long": 0.35,
    "question": -2.1,
    "opinion": -1.15,
    "pleasantry": -1.0,
    "speculation": -0.9,
    "future": -1.05,
    "uncertainty": -0.4,
    "first_person": -0.4,
    "short": -0.5,
    "heading": -0.5,
}


# The trained model and the rules, averaged: the model (CheckThat! debates) alone flags nearly
# every sentence of a news article, the rules alone miss much (ct24_dev F1 0.59). Averaged,
# ct24_dev F1 0.763 at a cut of 0.44 (chosen on dev), which is rescaled to DEFAULT_THRESHOLD.
MODEL_WEIGHT = 0.5
BLEND_CUT = 0.44


def score_sentence(
    text: str,
    *,
    previous: str = "",
    following: str = "",
    quantities: Sequence[Quantity] | None = None,
    entities: Sequence[str] | None = None,
) -> float:
    """Check-worthiness in [0, 1], 0.5 being the cut: the trained model and the rules blended.

    `previous` and `following` are the sentences around it in its text, which the model reads
    as context when it was trained with it.
    """
    rules = score_rules(text, quantities=quantities, entities=entities)
    model = _model_probability(text, previous, following)
    blend = MODEL_WEIGHT * model + (1 - MODEL_WEIGHT) * rules
    if blend < BLEND_CUT:
        return DEFAULT_THRESHOLD * blend / BLEND_CUT
    return DEFAULT_THRESHOLD + (1 - DEFAULT_THRESHOLD) * (blend - BLEND_CUT) / (1 - BLEND_CUT)


def score_rules(
    text: str,
    *,
    quantities: Sequence[Quantity] | None = None,
    entities: Sequence[str] | None = None,
) -> float:
    """The transparent rules alone, in [0, 1]; pass quantities/entities already found."""
    feats = features(text, quantities=quantities, entities=entities)
    total = BIAS + sum(WEIGHTS[name] * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-total))


@functools.lru_cache(maxsize=8192)
def _model_probability(text: str, previous: str, following: str) -> float:
    """The model's probability; cached, as a text's sentences and pieces come back."""
    return default_model().predict([text], [previous], [following])[0]
