"""A century or decade is confirmed only by that period or a year in it (periods.py)."""

import pytest

from service.verification.periods import unconfirmed_period


@pytest.mark.parametrize(
    ("claim", "passage", "why"),
    [
        ("The Great Wall of China was built in the 20th century.", "The first walls date to "
         "the 7th century BC.", "gives no year of the 20th century"),
        ("The Empire State Building was built in the 20th century.", "It was completed in "
         "1931.", ""),
        ("The Empire State Building was built in the twentieth century.", "It is a 20th century "
         "skyscraper.", ""),
        ("Carlos Santana was born in the fifties.", "Carlos Santana (born July 20, 1947) became "
         "famous in the late 1960s.", "gives no year of the fifties"),
        ("Carlos Santana was born in the forties.", "Carlos Santana (born July 20, 1947) is a "
         "musician.", ""),
        ("It happened in the sixties.", "It happened in the 1960s.", ""),
        ("It happened in the 1960s.", "It happened in the 1860s.", "gives no year of the 1960s"),
        ("Paris is the capital of France.", "Paris has been a capital since the 10th century.",
         ""),  # the claim dates nothing
        # "the 1900s" may be the century: not read as a decade
        ("To the Lighthouse is a novel set in the 1900s.", "It was published in 1927.", ""),
    ],
)  # fmt: skip
def test_a_period_is_confirmed_by_itself_or_a_year_in_it(claim, passage, why):
    assert unconfirmed_period(claim, passage) == why
