"""Pronouns named and descriptions found: the pieces that make a claim stand alone."""

from __future__ import annotations

import pytest

from service.extraction.entities import find_entities
from service.extraction.people import People
from service.extraction.pronouns import name_first_person, name_third_person
from service.extraction.referents import Referents, find_mentions, replace_anaphors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He also said the deal was dead.", "Joe Biden also said the deal was dead."),
        ("She said so.", "Joe Biden said so."),
        ("His administration blocked it.", "Joe Biden's administration blocked it."),
        ("Her remarks drew criticism.", "Joe Biden's remarks drew criticism."),
        ("On Monday, he said so.", "On Monday, Joe Biden said so."),
        ("After meeting Trump, he said so.", "After meeting Trump, he said so."),  # a name before
        ("The minister said he would resign.", "The minister said he would resign."),
        ("Hesitant investors sold.", "Hesitant investors sold."),
        ("He’s right.", "He’s right."),
    ],
)
def test_an_opening_third_person_pronoun_gets_the_person(text, expected):
    assert name_third_person(text, "Joe Biden") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I’m pleased to announce that my administration has approved $1 billion in sales.",
         "Donald Trump's administration has approved $1 billion in sales."),
        ("We are proud to report that Japan pledged more.", "Japan pledged more."),
        ("I can tell you that my plan cut taxes.", "Donald Trump's plan cut taxes."),
        ("I signed the order in 2025.", "Donald Trump signed the order in 2025."),
        ("I have signed it and I am proud of it.",
         "Donald Trump has signed it and Donald Trump is proud of it."),
        ("I’ve approved it.", "Donald Trump has approved it."),
        ("They told me the deal was done.", "They told Donald Trump the deal was done."),
        ("I think my plan works.", "I think my plan works."),  # "I think" cannot be rewritten
        ("I did it myself.", "I did it myself."),
        ("Japan is a close ally.", "Japan is a close ally."),
    ],
)  # fmt: skip
def test_the_first_person_of_a_known_speaker(text, expected):
    assert name_first_person(text, "Donald Trump") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Another matter is the blocking of a $15 billion acquisition bid by Japan’s largest "
         "steel producer, Nippon Steel, for Pittsburgh-based US Steel.",
         [("transaction", "Nippon Steel's $15 billion bid for US Steel", False)]),
        ("Nippon Steel offered $14.9 billion for Pittsburgh-based U.S. Steel in December 2023.",
         [("transaction", "Nippon Steel's $14.9 billion offer for U.S. Steel", False)]),
        ("Nippon Steel’s $15 billion bid for U.S. Steel was blocked.",
         [("transaction", "Nippon Steel's $15 billion bid for U.S. Steel", False)]),
        ("Microsoft agreed to buy Activision Blizzard for $69 billion.",
         [("transaction", "Microsoft's $69 billion acquisition of Activision Blizzard", False)]),
        ("Japan signed a trade deal with the US.",
         [("transaction", "the trade deal with the US", False)]),
        ("Japan signed a new trade agreement.", [("transaction", None, False)]),
        ("Biden blocked the deal in January.", [("transaction", None, True)]),
        ("Biden blocked the proposed acquisition.", [("transaction", None, True)]),
        ("Biden praised the deal with India.",  # says which deal itself
         [("transaction", "the deal with India", False)]),
        ("Trump met with Japanese Prime Minister Shigeru Ishiba at the White House.",
         [("meeting", "the meeting between Donald Trump and Shigeru Ishiba", False)]),
        ("Following the meeting, Trump spoke.", [("meeting", None, True)]),
        ("The talks between Donald Trump and Shigeru Ishiba ended.",
         [("meeting", "the meeting between Donald Trump and Shigeru Ishiba", False)]),
        ("Japan raised its defense budget.", []),
    ],
)  # fmt: skip
def test_mentions_and_their_descriptions(sentence, expected):
    names = find_entities(sentence) + ["Donald Trump", "Shigeru Ishiba", "India"]
    people = People(["Donald Trump", "Shigeru Ishiba"])
    found = find_mentions(sentence, people, set(names))
    assert [(m.kind, m.description, m.anaphor) for m in found] == expected


def test_a_description_stays_in_reach_while_it_is_mentioned():
    people = People([])
    names = {"Nippon Steel", "U.S. Steel"}
    referents = Referents()
    first = find_mentions("Nippon Steel offered $15 billion for U.S. Steel.", people, names)
    referents.update(first, 0)
    anaphor = find_mentions("Biden blocked the deal.", people, names)
    assert referents.current(6) == {
        "transaction": "Nippon Steel's $15 billion offer for U.S. Steel"
    }
    referents.update(anaphor, 6)  # a resolved "the deal" keeps it in reach
    assert "transaction" in referents.current(12)
    assert referents.current(13) == {}
    own = find_mentions("The deal was blocked.", people, names)
    assert replace_anaphors("The deal was blocked.", own, {"transaction": "x's bid"}) == (
        "X's bid was blocked.",
        ["x's bid"],
    )


@pytest.mark.parametrize(
    ("names", "mention", "expected"),
    [
        (["Donald Trump", "Trump"], "Trump", "Donald Trump"),
        (["Jane Smith", "John Smith", "Smith"], "Smith", "Smith"),
        (["White House", "Trump"], "Trump", "Trump"),
        (["I. Donald", "Donald"], "Donald", "Donald"),  # "I." is no initial
    ],
)
def test_people_by_surname(names, mention, expected):
    people = People(names)
    assert people.canonical(mention) == expected
    assert people.is_person(mention) == (expected != mention)
