"""Where someone was born is confirmed or denied only by a passage naming a birthplace
(birthplace.py)."""

import pytest

from service.verification.birthplace import other_birthplace, unstated_birthplace

GALILEO = (
    "Galileo di Vincenzo Bonaiuti de' Galilei was an Italian astronomer, physicist and "
    "engineer. He was born in Pisa, then part of the Duchy of Florence."
)
BELL = (
    "Alexander Graham Bell was a Scottish-born Canadian-American inventor, scientist, and "
    "engineer who is credited with patenting the first practical telephone."
)
SHAKESPEARE = "William Shakespeare was born in Stratford-upon-Avon, Warwickshire, England."


@pytest.mark.parametrize(
    ("claim", "passage", "other"),
    [
        ("Galileo Galilei was born in Florence.", GALILEO, "Pisa"),
        ("Galileo Galilei was born in Pisa.", GALILEO, ""),
        ("William Shakespeare was born in England.", SHAKESPEARE, ""),  # among its places
        ("William Shakespeare was born in London.", SHAKESPEARE, "Stratford-upon-Avon"),
        ("Napoleon was born on 15 August 1769 in Ajaccio.", "Napoleon was born in Ajaccio.",
         ""),  # the claim names no place right after "born in"
        ("Alexander Graham Bell was born in Edinburgh.", BELL, ""),  # it names none
        ("John Adams was born in Braintree.", "He was born on October 30, 1735 in Braintree, "
         "Massachusetts Bay.", ""),
        ("John Adams was born in Boston.", "He was born on October 30, 1735 in Braintree, "
         "Massachusetts Bay.", "Braintree"),
        ("He was born in July.", "He was born in Paris.", ""),  # a month, not a place
        ("Renato Balestra was born in Trieste.", "Born in Naples, Renato Balestra comes from a "
         "family of architects.", "Naples"),
    ],
)  # fmt: skip
def test_a_passage_naming_another_birthplace_does_not_confirm(claim, passage, other):
    assert other_birthplace(claim, passage) == other


@pytest.mark.parametrize(
    ("claim", "passage", "unstated"),
    [
        ("Alexander Graham Bell was born in Edinburgh.", BELL, True),
        ("Galileo Galilei was born in Florence.", GALILEO, False),  # it names Pisa: may deny
        ("Bell was born in London.", "Bell was never in London.", False),  # a denial
        ("Bell was an inventor.", BELL, False),  # no birthplace claimed
        ("Danielle Cormack was born in May.", "Danielle Cormack (born 26 December 1970) is an "
         "actress.", False),  # a month ending the claim is no place
    ],
)  # fmt: skip
def test_only_a_passage_naming_a_birthplace_may_deny_one(claim, passage, unstated):
    assert unstated_birthplace(claim, passage) is unstated


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Galileo Galilei was born in Florence.", GALILEO),
        ("Alexander Graham Bell was born in Edinburgh.", BELL),
    ],
)
def test_no_side_on_a_birthplace_the_passage_does_not_give(verify_on, claim, passage):
    assert verify_on(claim, passage)["label"] == "not_enough_evidence"
