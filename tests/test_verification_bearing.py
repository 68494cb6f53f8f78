"""Whether a passage bears on a claim (bearing.py): the subject, its own article, the predicate."""

from __future__ import annotations

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.bearing import bearing, main_entity

ISHIBA = "Shigeru Ishiba is the Prime Minister of Japan."
TAKAICHI = (
    "Sanae Takaichi is a Japanese politician who has served as Prime Minister of Japan since "
    "October 21, 2025, succeeding Shigeru Ishiba."
)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Shigeru Ishiba is the Prime Minister of Japan.", "Shigeru Ishiba"),
        ("US President Donald Trump reaffirmed the alliance.", "Donald Trump"),
        ("The capital of Australia is Sydney.", "Australia"),
        ("Mexico had 185 people in 1905.", "Mexico"),
        ("Global warming is driving polar bears toward extinction.", None),  # no name
        ("Human additions of CO2 are small.", None),
        ("Water boils at 100 degrees Celsius at sea level.", None),
        ("It was published in 1849.", None),
    ],
)
def test_the_main_entity_is_the_first_name_that_is_not_an_ordinary_word(text, subject):
    assert main_entity(claim_from_text("c1", text)) == subject


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "bears", "reason"),
    [
        # the subject's own article
        ("Paris is the capital of France.", "Paris", "Paris is the capital and largest city of "
         "France.", True, ""),
        ("The Eiffel Tower is in Berlin.", "Eiffel Tower", "The Eiffel Tower is a lattice tower "
         "on the Champ de Mars in Paris, France.", True, ""),
        # about something else
        ("Barack Obama was born in Kenya.", "Kenya", "Kenya, officially the Republic of Kenya, "
         "is a country located in East Africa.", False, "is not about Barack Obama"),
        ("The Eiffel Tower is in Berlin.", "Berlin", "Berlin is the capital and largest city of "
         "Germany.", False, "is not about Eiffel Tower"),
        ("Buckingham Palace is in Westminster.", "Palace of Westminster", "The Palace of "
         "Westminster is the meeting place of the Parliament.", False, "is not about"),
        # said of another subject, of another name, or of the past
        (ISHIBA, "Sanae Takaichi", TAKAICHI, False, "says it of Sanae Takaichi"),
        (ISHIBA, "Shigeru Ishiba", "Shigeru Ishiba is a Japanese politician who served as Prime "
         "Minister of Japan from 2024 to 2025.", False, "past tense"),
        ("The capital of Australia is Sydney.", "Sydney", "Sydney is the capital city of the "
         "state of New South Wales and the most populous city in Australia.", False,
         "speaks of the capital of New South Wales"),
        ("Mexico had 185 people in 1905.", "Maya peoples", "The ancient Maya civilization was "
         "formed by members of this group, and today's Maya are generally descended from people "
         "who lived within that historical region. Today they inhabit southern Mexico, "
         "Guatemala, Belize, and westernmost El Salvador, and Honduras.", False,
         "says it of Maya peoples, not of Mexico"),
        # a subject named only in passing, or inside a longer name
        ("World War II ended in 1975.", "Post–World War II economic expansion", "The post–World "
         "War II economic expansion was a broad period of worldwide economic expansion beginning "
         "with the aftermath of World War II and ending with the 1973–1975 recession.", False,
         "says it of Post–World War II economic expansion, not of World War II"),
        # a name's number or numeral is part of it
        ("World War I ended in 1945.", "Battle of the Atlantic", "The Battle of the Atlantic "
         "was the longest continuous military campaign in World War II, running from 1939 to "
         "the defeat of Nazi Germany in 1945.", False, "is not about World War I"),
        ("Apollo 13 landed on the Moon.", "Apollo 11", "Apollo 11 was the American spaceflight "
         "that first landed humans on the Moon.", False, "speaks of Apollo 11, not Apollo 13"),
        ("Apollo 11 landed on the Moon.", "Apollo 11", "Apollo 11 was the American spaceflight "
         "that first landed humans on the Moon.", True, ""),
        # ... unless the claim names it in passing too
        ("The administration approved $980 million in sales to Japan.", "Japan–United States "
         "relations", "In 2025 the State Department approved sales to Japan worth $980 "
         "million.", True, ""),
        # a figure the passage does not give: it can neither confirm nor deny it
        ("Albert Einstein was born in 1879.", "Albert Einstein", "Albert Einstein was a "
         "German-born theoretical physicist.", False, "gives no year to set against 1879"),
        ("Barack Obama was the 45th president.", "Barack Obama", "Barack Obama is an American "
         "former politician.", False, "gives no rank to set against 45th president"),
        ("Albert Einstein was born in 1879.", "Albert Einstein", "Albert Einstein was born in "
         "Ulm in 1879.", True, ""),
        # ... but a denial may speak to the rest of the claim
        ("Nippon Steel offered $15 billion for U.S. Steel.", "Nippon Steel", "Nippon Steel "
         "never made an offer for U.S. Steel.", True, ""),
        # a passage supplied without a title is the client's choice for the claim
        ("Daggering is associated with death metal.", "", "It is of recent origin, associated "
         "with the 2006 wave of dancehall music.", True, ""),
        # a claim that names nothing is matched by no titled passage
        ("It was published in 1849.", "Wuthering Heights", "Wuthering Heights was published in "
         "1847.", False, "does not name its subject"),
    ],
)  # fmt: skip
def test_bearing(claim, title, snippet, bears, reason):
    found = bearing(claim_from_text("c1", claim), Evidence("wiki", title, snippet))
    assert found.bears == bears, found
    assert reason in found.reason
