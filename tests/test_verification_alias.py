"""A name the claim says something is called must be introduced as a name (alias.py)."""

import pytest

from service.verification.alias import unnamed_alias

COLOSSEUM = (
    "The Colosseum is an elliptical amphitheatre in the centre of the city of Rome, Italy, just "
    "east of the Roman Forum. The amphitheatre was named the Flavian Amphitheatre by later "
    "classicists."
)
SHAKA = (
    "Shaka kaSenzangakhona, also known as Shaka Zulu, Shaka the Zulu, and Sigidi "
    "kaSenzangakhona, was the king of the Zulu Kingdom from 1816 to 1828."
)


@pytest.mark.parametrize(
    ("claim", "passage", "unnamed"),
    [
        ("The Colosseum was also called The Roman Forum.", COLOSSEUM, "The Roman Forum"),
        ("The Colosseum was also called the Flavian Amphitheatre.", COLOSSEUM, ""),
        ("Shaka was also known as Shaka the Zulu.", SHAKA, ""),
        ("Mars is often called the Red Planet.", 'It is often referred to as the "Red Planet".',
         ""),
        ("There is a capital called Mogadishu.", "Mogadishu is the capital of Somalia.", ""),
        ("Paris is the capital of France.", "Paris is a city.", ""),  # no name claimed
    ],
)  # fmt: skip
def test_a_name_is_confirmed_only_where_the_passage_introduces_it(claim, passage, unnamed):
    assert unnamed_alias(claim, passage) == unnamed


def test_a_place_nearby_is_no_other_name(verify_on):
    verdict = verify_on("The Colosseum was also called The Roman Forum.", COLOSSEUM)
    assert verdict["label"] != "supported", verdict
