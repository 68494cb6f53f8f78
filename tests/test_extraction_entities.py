"""Names and acronyms, and who makes a claim."""

from __future__ import annotations

import pytest

from service.extraction.claimant import find_claimant
from service.extraction.entities import find_entities, is_person_like


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US President Donald Trump met Nippon Steel executives at the White House.",
            ["US", "Donald Trump", "Nippon Steel", "White House"],
        ),
        (
            "A senior official told Voice of America (VOA) about AI.",
            ["Voice of America", "VOA", "AI"],
        ),
        (
            "Despite this, Japan’s largest steel producer bid for Pittsburgh-based US Steel.",
            ["Japan", "Pittsburgh", "US Steel"],
        ),  # fmt: skip
        ("The Bank of Japan raised rates. He agreed.", ["Bank of Japan"]),
        ("While Canada and Mexico waited, China acted.", ["Canada", "Mexico", "China"]),
        ("Former President Joe Biden blocked it.", ["Joe Biden"]),
        ("Secretary of State Marco Rubio spoke.", ["Marco Rubio"]),
        ("The Ministry of Foreign Affairs said so.", ["Ministry of Foreign Affairs"]),
        ("J. K. Rowling met Theresa May in London.", ["J. K. Rowling", "Theresa May", "London"]),
        ("Trade remains a point of tension over trade deficits.", []),
        ("Trump met Ishiba. Trump left.", ["Trump", "Ishiba"]),
        ("Thank you, Mr. Chairman. I’m glad we met on Monday.", []),
        ("The Japanese delegation arrived.", []),
        ("World War I ended in 1918; Charles I was executed.", ["World War I", "Charles I"]),
        ("In Paris I met him. Tom and I left.", ["Paris", "Tom"]),  # the pronoun
    ],
)
def test_entities_in_order_without_repeats(text, expected):
    assert find_entities(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Donald Trump", True), ("Shigeru Ishiba", True), ("White House", False),
     ("United States", False), ("Trump", False), ("VOA", False)],
)  # fmt: skip
def test_person_like_names(name, expected):
    assert is_person_like(name) is expected


@pytest.mark.parametrize(
    ("sentence", "previous", "expected"),
    [
        ("Trump said the deal was dead.", None, "Trump"),
        ("“We agree,” Trump said.", None, "Trump"),
        ("“We agree,” said Ishiba.", None, "Ishiba"),
        ("Japan is one of the top buyers, Trump said.", None, "Trump"),
        (
            "Ahead of the meeting, a senior US official revealed to VOA that talks would focus "
            "on energy.",
            None,
            "a senior US official",
        ),
        ("According to the Pentagon, 3,000 troops left.", None, "Pentagon"),
        ("According to a senior official, the talks failed.", None, "a senior official"),
        (
            "Following the meeting, Trump emphasized the ties, saying, “Japan is a partner.”",
            None,
            "Trump",
        ),
        (
            "US President Donald Trump praised the alliance, announcing that Japan will pay more.",
            None,
            "Donald Trump",
        ),
        (
            "A senior Japanese official was quoted by VOA, saying, “We aim to build trust.”",
            None,
            "a senior Japanese official",
        ),
        (
            "White House spokeswoman Karoline Leavitt told reporters the tariffs would stay.",
            None,
            "Karoline Leavitt",
        ),
        ("He said the deal was dead.", "Former President Joe Biden blocked the deal.", "Joe Biden"),
        ("He said the deal was dead.", "The deal was blocked by the White House.", None),
        ("He said the deal was dead.", "Donald Trump met Shigeru Ishiba.", None),
        ("He said the deal was dead.", None, None),
        ("Trump has imposed tariffs on China, Canada, and Mexico.", None, None),
        ("The 25% tariffs were postponed.", None, None),
        ("The deal was bad, I said.", None, None),
        ("Biden blocked the deal, citing national security.", None, None),
    ],
)
def test_claimant(sentence, previous, expected):
    assert find_claimant(sentence, previous) == expected
