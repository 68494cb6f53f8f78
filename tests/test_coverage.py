"""What a passage must mention to support a claim: the claim's names (coverage.py)."""

from __future__ import annotations

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.bearing import main_entity
from service.verification.coverage import unsaid

SWITZERLAND = (
    "Switzerland, officially the Swiss Confederation, is a landlocked country located at the "
    "intersection of Central, Western, and Southern Europe."
)
GERMANY = (
    "Its 16 constituent states have a total population of over 83 million, making it the most "
    "populous member state of the European Union (EU)."
)


def unsaid_name(claim_text: str, title: str, snippet: str) -> str:
    claim = claim_from_text("c1", claim_text)
    return unsaid(claim, Evidence("wiki", title, snippet), main_entity(claim))


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "name"),
    [
        # 'Europe' only begins like 'European Union': another name's word
        ("Switzerland is a member of the European Union.", "Switzerland", SWITZERLAND,
         "European Union"),
        # the name itself, its initials, or one of its words inflected
        ("Germany is a member of the European Union.", "Germany", GERMANY, ""),
        ("Germany is a member of the European Union.", "Germany", "Germany is a founding "
         "member of the EU.", ""),
        ("Mexico borders the United States.", "Mexico", "Mexico is bordered to the north by "
         "the United States.", ""),
        # a name of one word may be named in another form ('Australian')
        ("Sydney is the largest city in Australia.", "Sydney", "Sydney is the most populous "
         "Australian city.", ""),
        # the ordinal of a name is what tells it from its namesakes
        ("Winston Churchill was Prime Minister during the First World War.",
         "Winston Churchill", "He was Prime Minister from 1940 to 1945, during the Second World "
         "War.", "First World War"),
        ("Winston Churchill served in the First World War.", "Winston Churchill", "He served "
         "on the Western Front during the First World War.", ""),
        # a name never mentioned in any form
        ("Neil Armstrong walked on Mars.", "Neil Armstrong", "Neil Armstrong was the first "
         "person to walk on the Moon.", "Mars"),
    ],
)  # fmt: skip
def test_unsaid(claim, title, snippet, name):
    assert unsaid_name(claim, title, snippet) == name
