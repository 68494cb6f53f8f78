"""A negated claim is read through its positive form (negation.py)."""

import pytest

from service.verification.negation import positive


@pytest.mark.parametrize(
    ("claim", "affirmed"),
    [
        ("Neil Diamond is not a football player.", "Neil Diamond is a football player."),
        ("Youtube isn't a website.", "Youtube is a website."),
        (
            "Gin does not derive its flavour from juniper.",
            "Gin does derive its flavour from juniper.",
        ),
        ("She has never won an Oscar.", "She has won an Oscar."),
        ("He never won an Oscar.", "He won an Oscar."),
        ("Penguins cannot fly.", "Penguins can fly."),
        ("Paris is in France.", None),  # nothing to affirm
        ("It is not true that he did not go.", None),  # a double negation is read as it is
        ("Lyon, not Paris, hosted the final.", None),  # no negated verb
        # a title's "Not" or "Never" negates nothing
        ("Do Not Disturb is a 1965 film.", None),
        ("Never Let Me Go is a novel by Kazuo Ishiguro.", None),
        ("Don't Look Up is a film.", None),
    ],
)
def test_the_positive_form_of_a_claim(claim, affirmed):
    assert positive(claim) == affirmed


DIAMOND = (
    "Neil Leslie Diamond (born January 24, 1941) is an American singer-songwriter, musician and "
    "actor."
)


def test_a_passage_naming_something_else_does_not_deny_a_negated_claim(verify_on):
    # the stance model alone reads the unmatched "not" as a contradiction (refutes 0.96)
    found = verify_on("Neil Diamond is not a football player.", DIAMOND)
    assert found["label"] != "refuted", found["rationale"]


def test_a_passage_confirming_the_positive_form_denies_the_negated_claim(verify_on):
    found = verify_on("Neil Diamond is not a singer-songwriter.", DIAMOND)
    assert found["label"] == "refuted", found["rationale"]
