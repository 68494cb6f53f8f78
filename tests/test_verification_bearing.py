"""Whether a passage bears on a claim (bearing.py): the subject, its own article, the predicate."""

from __future__ import annotations

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.bearing import _names as bearing_names
from service.verification.bearing import _significant as bearing_significant
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
        # a comparison is the claim's only where its subject is what is compared, not what
        # something else is compared with ('... than Mercury, Io, or Earth's Moon')
        ("The Moon is larger than the Earth.", "Ganymede (moon)", "Like Saturn's largest moon, "
         "Titan, it is larger than the planet Mercury, but has somewhat less surface gravity "
         "than Mercury, Io, or Earth's Moon due to its lower density compared to the three.",
         False, "compares something else with Moon"),
        ("The Moon is larger than the Earth.", "Io (moon)", "Slightly larger than Earth's Moon, "
         "Io is the fourth-largest natural satellite in the Solar System.", False,
         "compares something else with Moon"),
        ("Mercury is larger than Ganymede.", "Ganymede (moon)", "Like Saturn's largest moon, "
         "Titan, it is larger than the planet Mercury, but has somewhat less surface gravity "
         "than Mercury, Io, or Earth's Moon due to its lower density compared to the three.",
         False, "compares something else with Mercury"),
        ("The Pacific Ocean is larger than the Atlantic Ocean.", "Southern Ocean", "With a size "
         "of 21,960,000 km2 (8,480,000 mi2), it is the second-smallest of the five principal "
         "oceanic divisions, smaller than the Pacific, Atlantic and Indian oceans, and larger "
         "than the Arctic Ocean.", False, "Pacific Ocean"),  # "Ocean" only in "Arctic Ocean"
        # a name inside a longer one, before or after it, is another name
        ("Greenland is part of Norway.", "Norwegian Sea", "The Norwegian Sea is a marginal sea "
         "northwest of Norway between the North Sea and the Greenland Sea.", False,
         "is not about Greenland"),
        ("Julius Caesar was the first Roman emperor.", "Tiberius", "Tiberius Julius Caesar "
         "Augustus was the second Roman emperor from AD 14 until his death.", False,
         "is not about Julius Caesar"),
        ("The Titanic sank in 1915.", "Sinking of the Titanic", "RMS Titanic sank in the North "
         "Atlantic Ocean on 15 April 1912.", True, ""),  # a designator, not another name
        ("The Moon is larger than Ganymede.", "Moon", "The Moon is Earth's only natural "
         "satellite. Ganymede is larger than the Moon.", False,
         "compares something else with Moon"),
        # ... where it is, in its own article or another's, the passage may be read
        ("Ganymede is larger than Mercury.", "Ganymede (moon)", "Like Saturn's largest moon, "
         "Titan, it is larger than the planet Mercury.", True, ""),
        ("Titan is larger than the Moon.", "Titan (moon)", "Frequently described as a "
         "planet-like moon, Titan is 48.16% larger in diameter than Earth's moon, and 80% more "
         "massive.", True, ""),
        ("The Moon is smaller than Ganymede.", "Ganymede (moon)", "Earth's Moon is smaller than "
         "Ganymede, the largest moon of Jupiter.", True, ""),
        ("The Moon is larger than Pluto.", "Moon", "The Moon is Earth's only natural satellite, "
         "a quarter the diameter of Earth.", True, ""),  # compares nothing: left to the readers
        # where someone was born: a passage that speaks of no birth says nothing of it (where
        # they lived or reigned is not where they were born), one that does may be read
        ("Pablo Picasso was born in France.", "Pablo Picasso", "Pablo Ruiz Picasso was a "
         "Spanish painter and sculptor who spent most of his adult life in France.", False,
         "says nothing of where Pablo Picasso was born"),
        ("Napoleon was born in Corsica.", "Napoleon", "Napoleon Bonaparte, later known by his "
         "regnal name Napoleon I, was Emperor of the French from 18 May 1804 until his first "
         "abdication in 1814.", False, "says nothing of where Napoleon was born"),
        ("Albert Einstein was born in Germany.", "Albert Einstein", "Albert Einstein was a "
         "German-born theoretical physicist who is best known for developing the theory of "
         "relativity.", True, ""),
        ("Renato Balestra was born in Trieste.", "Renato Balestra", "Born in Trieste, Renato "
         "Balestra comes from a family of architects and engineers.", True, ""),
        ("Frank Capra was born in Italy.", "", "His rags-to-riches story has led film "
         "historians to consider him the American Dream personified.", True, ""),  # supplied
        # a passage supplied without a title is the client's choice for the claim
        ("Daggering is associated with death metal.", "", "It is of recent origin, associated "
         "with the 2006 wave of dancehall music.", True, ""),
        # a word of the subject's name inside another name ("Paraguay River", "Michelle
        # Obama") is no mention of the subject; after a title or a possessive it is
        ("The Amazon River flows into the Atlantic Ocean.", "Paraná River", "Among South "
         "American rivers, it is second in length only to the Amazon River. It merges with the "
         "Paraguay River and then farther downstream with the Uruguay River to form the Río de "
         "la Plata and empties into the Atlantic Ocean.", False,
         "says it of Paraná River, not of Amazon River"),
        ("Barack Obama studied at Princeton University.", "Princeton University", "Barack Obama "
         "spoke at its commencement in 2008; Michelle Obama studied sociology at Princeton "
         "University.", False, "says it of Princeton University, not of Barack Obama"),
        ("Barack Obama studied at Columbia University.", "Columbia University", "Barack Obama "
         "spoke at its commencement in 2008; President Obama studied political science at "
         "Columbia University.", True, ""),
        # a clause of another article that opens with "It" speaks of that article's subject
        ("The Sun orbits the Earth.", "Moon", "It orbits around Earth at an average distance of "
         "384,399 kilometers. It completes an orbit in relation to Earth and the Sun every 29.5 "
         "days.", False, "says it of Moon, not of Sun"),
        # a name's lower-case particle ("da") is not asked to be capitalised
        ("Leonardo da Vinci painted the Mona Lisa.", "Mona Lisa", "The Mona Lisa is a "
         "half-length portrait painting by Italian artist Leonardo da Vinci.", True, ""),
        # nor one that speaks of "the film" it does not name
        ("The film was based on a novel.", "Psycho (1960 film)", "Psycho is a 1960 American "
         "horror film. The screenplay is based on the 1959 novel by Robert Bloch.", False,
         "does not name its subject"),
        ("The film industry in India is large.", "Cinema of India", "The film industry in "
         "India is large and produces over 1,000 films a year.", True, ""),
        # a claim that names nothing is matched by no titled passage
        ("It was published in 1849.", "Wuthering Heights", "Wuthering Heights was published in "
         "1847.", False, "does not name its subject"),
    ],
)  # fmt: skip
def test_bearing(claim, title, snippet, bears, reason):
    found = bearing(claim_from_text("c1", claim), Evidence("wiki", title, snippet))
    assert found.bears == bears, found
    assert reason in found.reason


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "own"),
    [
        # a longer title of another work or thing that merely contains the subject's name
        ("The Odyssey was written by Virgil.", "2001: A Space Odyssey", "2001: A Space Odyssey "
         "is a 1968 epic science fiction film produced and directed by Stanley Kubrick, who "
         "co-wrote the screenplay with Arthur C. Clarke.", False),
        ("The Moon is made of cheese.", "Blue Moon", "\"Blue Moon\" is a popular song written "
         "by Richard Rodgers and Lorenz Hart in 1934.", False),
        ("New York is a state.", "New York City", "New York, often called New York City (NYC), "
         "is the most populous city in the United States.", False),
        ("Paris is the capital of France.", "Paris, Texas", "Paris is a city in and the county "
         "seat of Lamar County, Texas, United States.", False),
        ("Harvard was founded in 1636.", "Harvard University", "Harvard University is a private "
         "Ivy League research university in Cambridge, Massachusetts, United States.", False),
        # a person's fuller name: given names before the subject's, or a suffix after it
        ("Obama was the 44th president of the United States.", "Barack Obama", "Barack Hussein "
         "Obama II is an American former politician who served as the 44th president of the "
         "United States from 2009 to 2017.", True),
        ("Einstein was a theoretical physicist.", "Albert Einstein", "Albert Einstein was a "
         "German-born theoretical physicist best known for developing the theory of "
         "relativity.", True),
        ("Elizabeth was Queen of the United Kingdom.", "Elizabeth II", "Elizabeth II was Queen "
         "of the United Kingdom and other Commonwealth realms from 6 February 1952 until her "
         "death in 2022.", True),
        ("Apple was founded in 1976.", "Apple Inc.", "Apple Inc. is an American multinational "
         "technology company headquartered in Cupertino, California. Founded in 1976, it ...",
         True),
        ("Paris is the capital of France.", "Paris", "Paris is the capital and largest city of "
         "France.", True),
    ],
)  # fmt: skip
def test_a_title_is_the_subjects_own_as_its_name_or_a_persons_fuller_name(
    claim, title, snippet, own
):
    found = bearing(claim_from_text("c1", claim), Evidence("wiki", title, snippet))
    assert found.own == own, found


FILM = Evidence(
    source="wiki",
    title="Casablanca (film)",
    snippet="Casablanca is a 1942 American romantic drama film directed by Michael Curtiz and "
    "starring Humphrey Bogart.",
)


def test_a_qualified_title_is_another_sense_when_the_first_sense_was_found_too():
    claim = claim_from_text("c", "Casablanca was originally named by Portuguese settlers.")
    both = {"Casablanca", "Casablanca (film)"}
    found = bearing(claim, FILM, both)
    assert not found.bears and not found.own
    assert "says nothing of what the claim says of Casablanca" in found.reason
    # alone, the qualified article is the name's only sense at hand: its own
    assert bearing(claim, FILM, {"Casablanca (film)"}).own


@pytest.mark.parametrize(
    "text",
    [
        "Casablanca is a movie by Michael Curtiz.",  # the qualifier's kind, in other words
        "Casablanca is a 1942 film.",
    ],
)
def test_a_claim_that_says_what_the_qualifier_says_keeps_the_article_its_own(text):
    found = bearing(claim_from_text("c", text), FILM, {"Casablanca", "Casablanca (film)"})
    assert found.own and found.bears


def test_a_homonym_still_bears_where_it_says_the_predicate_of_the_name():
    claim = claim_from_text("c", "Casablanca starred Humphrey Bogart.")
    found = bearing(claim, FILM, {"Casablanca", "Casablanca (film)"})
    assert found.bears and not found.own


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("Barack Hussein Obama II was born in Honolulu.", "Barack Obama", True),  # middle name
        ("Michelle Obama was born in Chicago.", "Barack Obama", False),
        ("between the North Sea and the Greenland Sea", "Greenland", False),
        ("Greenland. The island is large.", "Greenland", True),  # a sentence's end
        ("US President Barack Obama spoke.", "Barack Obama", True),  # a title
        ("Earth's Moon is large.", "Moon", True),  # a possessive
        ("Apple Inc. is a company.", "Apple", True),  # a suffix
    ],
)  # fmt: skip
def test_a_name_inside_another_name_does_not_name_it(text, name, named):
    assert bearing_names(text, bearing_significant(name)) is named


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        ("The Dutch painter Vincent van Gogh painted The Starry Night.", "Vincent van Gogh"),
        ("American actor Tom Hanks won an Oscar.", "Tom Hanks"),
        ("Dutch is a language.", "Dutch"),
    ],
)
def test_a_nationality_qualifying_a_name_is_not_the_subject(claim, subject):
    assert main_entity(claim_from_text("c1", claim)) == subject


NITROUS_OXIDE = "At room temperature, it is a colourless non-flammable gas."


@pytest.mark.parametrize(
    ("claim", "title", "bears"),
    [
        ("The element mercury is a gas at room temperature.", "Nitrous oxide", False),
        ("Nitrous oxide is a gas at room temperature.", "Nitrous oxide", True),
    ],
)
def test_a_nameless_claims_subject_must_be_mentioned(claim, title, bears):
    found = bearing(claim_from_text("c1", claim), Evidence("wiki", title, NITROUS_OXIDE))
    assert found.bears is bears, found
