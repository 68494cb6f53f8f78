"""An exclusive claim ("X is only Y") against a passage silent on exclusivity (exclusive.py)."""

import pytest

from service.verification.exclusive import states_exclusivity, unqualified


@pytest.mark.parametrize(
    ("claim", "plain"),
    [
        ("Andrew Kevin Walker is only American.", "Andrew Kevin Walker is American."),
        ("Brubaker is a solely Australian film.", "Brubaker is a Australian film."),
        ("The Dalai Lama lives in India exclusively.", "The Dalai Lama lives in India ."),
        ("Paris is the capital of France.", None),
        # "not only ... but also" claims no exclusivity, nor does a title's "Only"
        ("She is not only a singer but also an actress.", None),
        ("Only Fools and Horses is a sitcom.", None),
        ("Only three people have walked on the Moon.", "three people have walked on the Moon."),
        # totality is exclusivity in time
        (
            "Michael Jordan was a baseball player for his whole career.",
            "Michael Jordan was a baseball player.",
        ),
        ("Paris has always been the capital of France.", "Paris has been the capital of France."),
    ],
)
def test_the_claim_without_its_qualifier(claim, plain):
    assert unqualified(claim) == plain


@pytest.mark.parametrize(
    ("passage", "states"),
    [
        ("The show is only hosted by rapper Defconn.", True),
        ("Simón Bolívar, not known by any other name, was a Venezuelan leader.", True),
        ("Ekta Kapoor spent all her life working solely in the film industry.", True),
        ("Andrew Kevin Walker is an American screenwriter.", False),
    ],
)
def test_a_passage_that_speaks_of_exclusivity(passage, states):
    assert states_exclusivity(passage) is states


WALKER = "Andrew Kevin Walker (born August 14, 1964) is an American BAFTA-nominated screenwriter."


def test_a_passage_that_says_it_without_the_only_does_not_deny_the_only(verify_on):
    # the stance model alone reads the unmatched "only" as a contradiction (refutes 0.99)
    found = verify_on("Andrew Kevin Walker is only American.", WALKER)
    assert found["label"] == "not_enough_evidence", found["rationale"]


def test_a_passage_that_denies_the_plain_claim_denies_the_exclusive_one(verify_on):
    found = verify_on("Andrew Kevin Walker is only Chinese.", WALKER)
    assert found["label"] == "refuted", found["rationale"]


def test_a_passage_that_speaks_of_exclusivity_is_read_as_it_is(verify_on):
    passage = "Weekly Idol is a South Korean variety show hosted only by rapper Defconn."
    found = verify_on("Weekly Idol is hosted only by Defconn.", passage)
    assert found["label"] == "supported", found["rationale"]
