"""A superlative is confirmed only by the same superlative of the same noun, first in rank
(superlatives.py)."""

import pytest

from service.verification.superlatives import unranked, unspoken

K2 = (
    "K2, also known as Mount Godwin-Austen, at 8,611 metres above sea level, is the "
    "second-highest mountain on Earth, after Mount Everest at 8,849 metres."
)
EVEREST = "Mount Everest is the highest mountain on Earth above sea level."
CINEMA_OF_CHINA = (
    "China is the home of the largest movie and drama production complex and film studios in "
    "the world, the Oriental Movie Metropolis and Hengdian World Studios."
)


@pytest.mark.parametrize(
    ("claim", "passage", "why"),
    [
        ("K2 is the highest mountain above sea level.", K2, "highest mountain"),
        ("Mount Everest is the highest mountain above sea level.", EVEREST, ""),
        ("Mount Everest is the tallest mountain in the world.", EVEREST, ""),  # a synonym
        ("China is the largest country in the world by area.", CINEMA_OF_CHINA,
         "largest country"),
        ("Russia is the largest country in the world.", "Russia is the largest country in the "
         "world by area.", ""),
        ("Russia is the largest country in the world.", "Russia is one of the largest "
         "countries in the world.", "largest country"),
        ("Canada is the largest country in the world.", "Canada is the world's second largest "
         "country by total area.", "largest country"),
        ("Tokyo is the most populous city in Japan.", "Tokyo is the most populous city in "
         "Japan.", ""),
        ("Tokyo is the most populous city in Japan.", "Osaka is the third most populous city "
         "in Japan.", "most populous city"),
        ("Paris is the capital of France.", "Paris is the capital of France.", ""),  # none
        # the noun is the phrase's last word; a superlative standing alone ranks no noun
        ("Hydrogen is the lightest chemical element and the most abundant in the universe.",
         "It is the lightest and most abundant chemical element in the universe.", ""),
        ("Helium is the lightest chemical element.", "Hydrogen is the lightest chemical "
         "element.", ""),  # the rank is there: whose it is, the other readers judge
    ],
)  # fmt: skip
def test_a_superlative_is_confirmed_by_the_same_rank_of_the_same_noun(claim, passage, why):
    assert unranked(claim, passage) == why


def test_a_passage_ranking_the_subject_second_supports_no_first_rank(verify_on):
    verdict = verify_on("K2 is the highest mountain above sea level.", K2)
    assert verdict["label"] != "supported", verdict


VATICAN = (
    "Vatican City is a landlocked sovereign city-state in Southern Europe. Ruled by the pope, it "
    "is an enclave within the city of Rome."
)


@pytest.mark.parametrize(
    ("claim", "passage", "silent"),
    [
        ("Vatican City is the smallest sovereign state in the world.", VATICAN, True),
        ("K2 is the highest mountain above sea level.", K2, False),  # "second-highest": it may
        ("The Atacama Desert, one of the driest places on Earth, lies in Brazil.", "The Atacama "
         "Desert is a plateau in Chile.", False),  # not what the claim predicates of it
        ("Vatican City is not the smallest state.", VATICAN, False),  # no superlative asserted
        ("The Pacific Ocean is the smallest ocean on Earth.", "The Pacific Ocean is the "
         "largest and deepest of Earth's five oceanic divisions.", False),  # another rank denies
        ("Vatican City is the smallest sovereign state in the world.", "Its metropolitan area "
         "is the third-most populous within Italy. Vatican City is an independent country inside "
         "the city boundaries of Rome.", True),  # a rank on another scale says nothing of size
    ],
)  # fmt: skip
def test_a_passage_silent_on_the_superlative_may_not_deny_it(claim, passage, silent):
    assert unspoken(claim, passage) is silent
