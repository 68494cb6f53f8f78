"""Compass directions between two places (directions.py), read in Wikipedia lead sentences."""

from __future__ import annotations

import pytest

from service.verification.directions import claim_direction, judge, passage_directions

FRANCE = (
    "Metropolitan France shares borders with Belgium and Luxembourg to the north, Germany to the "
    "northeast, Switzerland to the east, Italy and Monaco to the southeast, Andorra and Spain to "
    "the south, and a maritime border with the United Kingdom to the northwest."
)
BELGIUM = (
    "Belgium, officially the Kingdom of Belgium, is a country in Northwestern Europe. Situated in "
    "a coastal lowland region known as the Low Countries, it is bordered by the Netherlands to "
    "the north, Germany to the east, Luxembourg to the southeast, France to the south, and the "
    "North Sea to the west."
)
UNITED_STATES = (
    "The United States of America (USA), also known as the United States (U.S.) or America, is a "
    "country primarily located in North America. It is a federal republic of 50 states and "
    "a federal capital district, Washington, D.C. The contiguous United States is bordered by "
    "Canada to the north and Mexico to the south."
)
SPAIN = (
    "Peninsular Spain is bordered to the north by France, Andorra, and the Bay of Biscay; to the "
    "east and south by the Mediterranean Sea, Gibraltar and Morocco; and to the west by Portugal "
    "and the Atlantic Ocean."
)
MEXICO = "Mexico, officially the United Mexican States, is a country in North America."


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Canada is north of the United States.", ("Canada", "north", "United States")),
        ("The United States is south of Canada.", ("United States", "south", "Canada")),
        ("Mexico lies directly south of the United States.", ("Mexico", "south", "United States")),
        ("Canada is in North America.", None),
        ("Paris is in the north of France.", None),  # a place within another, no direction
    ],
)
def test_claim_direction(text, found):
    assert claim_direction(text) == found


def test_a_list_of_neighbours_places_each_around_the_passage_subject():
    found = passage_directions(FRANCE, "France")
    assert ("Belgium", "north", "France") in found
    assert ("Spain", "south", "France") in found
    assert ("Germany", "northeast", "France") in found


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "stance"),
    [
        # 'Belgium ... to the north' of France: France lies south of Belgium
        ("France is north of Belgium.", "France", FRANCE, "refutes"),
        ("France is south of Belgium.", "France", FRANCE, "supports"),
        ("Belgium is north of France.", "Belgium", BELGIUM, "supports"),
        ("Canada is south of the United States.", "United States", UNITED_STATES, "refutes"),
        ("Canada is north of the United States.", "United States", UNITED_STATES, "supports"),
        ("The United States is south of Canada.", "United States", UNITED_STATES, "supports"),
        # 'bordered ... to the west by Portugal' of (peninsular) Spain
        ("Portugal is west of Spain.", "Spain", SPAIN, "supports"),
        ("Spain is south of France.", "Spain", SPAIN, "supports"),
        # no direction between the two: 'North America' is none
        ("Mexico is north of the United States.", "Mexico", MEXICO, "neutral"),
        # a direction neither the claim's nor its opposite
        ("Germany is north of France.", "France", FRANCE, "neutral"),
    ],
)
def test_judge(claim, title, snippet, stance):
    assert judge(claim, snippet, title)[0] == stance


def test_a_claim_of_no_direction_is_not_judged():
    assert judge("France is a country in Europe.", FRANCE, "France") is None
