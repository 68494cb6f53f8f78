"""A conjunctive claim is supported only as far as each of its halves is (conjunction.py)."""

import pytest

from service.verification.conjunction import conjuncts


@pytest.mark.parametrize(
    ("claim", "halves"),
    [
        (
            "Vic Willis was on the Beaneaters and was born in Delaware.",
            ["Vic Willis was on the Beaneaters.", "Vic Willis was born in Delaware."],
        ),
        (
            "Hamlet has been performed by many actors and is Shakespeare's longest play.",
            ["Hamlet has been performed by many actors.", "Hamlet is Shakespeare's longest play."],
        ),
        # the halves share their object: one predicate
        ("Vedam was written and directed by Radhakrishna Jagarlamudi.", []),
        # "and" inside a name or an object joins no predicates
        ("Tom and Jerry is a cartoon.", []),
        ("Paris is the capital and largest city of France.", []),
    ],
)
def test_the_halves_of_a_claim(claim, halves):
    assert conjuncts(claim) == halves


# A passage bearing out one half only: the Acceleration row of test_verification_guards.py, on
# the embedded corpus, where the model alone read the lead as support.


def test_a_passage_bearing_out_both_halves_supports_the_claim(verify_on):
    claim = "Vic Willis was a baseball pitcher and was born in Delaware."
    passage = "Vic Willis was an American baseball pitcher. He was born in Newark, Delaware."
    found = verify_on(claim, passage)
    assert found["label"] == "supported", found["rationale"]
