"""Splitting a sentence into its facts: spans in the sentence, texts that stand alone."""

from __future__ import annotations

import pytest

from service.extraction.clauses import split_facts

# (sentence, [(span words, text, content, quoted), ...]); one item: the sentence stays whole.
CASES = [
    ("Japan pledged X in 2024 and approved Y in 2025.", [
        ("Japan pledged X in 2024", "Japan pledged X in 2024.", False, False),
        ("approved Y in 2025.", "Japan approved Y in 2025.", False, False),
    ]),
    ("Japan has pledged X and has approved Y.", [
        ("Japan has pledged X", "Japan has pledged X.", False, False),
        ("has approved Y.", "Japan has approved Y.", False, False),
    ]),
    ("Japan has pledged to spend more, approved new jets and signed a treaty with the US.", [
        ("Japan has pledged to spend more", "Japan has pledged to spend more.", False, False),
        ("approved new jets", "Japan has approved new jets.", False, False),
        ("signed a treaty with the US.", "Japan has signed a treaty with the US.", False, False),
    ]),
    ("The bill was passed by the House and signed by the president in May.", [
        ("The bill was passed by the House", "The bill was passed by the House.", False, False),
        ("signed by the president in May.", "The bill was signed by the president in May.",
         False, False),
    ]),
    ("Trump said Japan pledged X and approved Y.", [
        ("Trump said Japan pledged X", "Trump said Japan pledged X.", False, False),
        ("approved Y.", "Trump said Japan approved Y.", False, False),
    ]),
    ("Exports rose 12% and imports fell 3% in 2024.", [
        ("Exports rose 12%", "Exports rose 12%.", False, False),
        ("imports fell 3% in 2024.", "Imports fell 3% in 2024.", False, False),
    ]),
    ("Trump met Ishiba and praised Japan.", [
        ("Trump met Ishiba", "Trump met Ishiba.", False, False),
        ("praised Japan.", "Trump praised Japan.", False, False),
    ]),
    ("Trump praised the alliance, announcing that Japan will pay more.", [
        ("Trump praised the alliance", "Trump praised the alliance.", False, False),
        ("Japan will pay more.", "Japan will pay more.", True, False),
    ]),
    ("After the talks, Trump praised the ties, saying, “Japan is a partner.", [
        ("After the talks, Trump praised the ties", "After the talks, Trump praised the ties.",
         False, False),
        ("Japan is a partner.", "Japan is a partner.", True, True),
    ]),
    ("A senior official was quoted by VOA, saying, “We aim to build trust.”", [
        ("We aim to build trust.", "We aim to build trust.", True, True),
    ]),
    ("Trump said: “Japan pledged $1 billion.”", [
        ("Japan pledged $1 billion.", "Japan pledged $1 billion.", True, True),
    ]),
    ("“Japan pledged $1 billion,” Trump told reporters.", [
        ("Japan pledged $1 billion", "Japan pledged $1 billion.", True, True),
    ]),
    ("“Will Japan pay?” asked Trump.", [("Will Japan pay?", "Will Japan pay?", True, True)]),
    ("It will double by 2027,” Trump said.", [
        ("It will double by 2027", "It will double by 2027.", True, True),
    ]),
]  # fmt: skip
WHOLE = [
    "The alliance between the United States and Japan deepened in 2024.",
    "Trump has imposed tariffs on several countries, including China, Canada, and Mexico.",
    "While the tariffs on Canada and Mexico were postponed and revised, trade continues.",
    "The company, which was founded in 1901 and expanded in 1950, cut 3,000 jobs.",
    "Discussions would focus on boosting investments and expanding exports.",
    "Japan approved the increased budget and related measures.",
    "Japan pledges X and approves Y.",
    "The bid by Nippon Steel and the deal were blocked.",
    "“Japan is an ally,” Trump said, “and it pays its share.”",
    "Trump called the deal “a disaster” and a “bad joke” on Monday.",
    "Trump, having met Ishiba and praised Japan, left.",
    "Japan and Canada signed the treaty.",
    "Experts have looked at what I've proposed and looked at what he proposed.",
    "Mitt Romney looked weak when he delayed and delayed.",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_facts_split_cleanly(sentence, expected):
    pieces = split_facts(sentence)
    assert [(sentence[p.start : p.end], p.text, p.content, p.quoted) for p in pieces] == expected


@pytest.mark.parametrize("sentence", WHOLE)
def test_sentences_that_do_not_split_stay_whole(sentence):
    assert [(p.start, p.end, p.text) for p in split_facts(sentence)] == [
        (0, len(sentence), sentence)
    ]
