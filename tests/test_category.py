"""Category claims ("X is a(n) ... N"): a passage supports one only if it says X is an N; count
claims ("X has K Ns"): only if it gives a count of Ns."""

from __future__ import annotations

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.bearing import main_entity
from service.verification.category import (
    claim_kinds,
    qualified_denial,
    uncounted,
    unpredicated,
)

# Lead sentences in the shape of the embedded corpus's Wikipedia summaries.
PICASSO = (
    "Pablo Ruiz Picasso was a Spanish painter and sculptor who spent most of his adult life in "
    "France. One of the most influential artists of the 20th century, he is known for "
    "co-founding the Cubist movement."
)
PARIS = (
    "Paris is the capital and largest city of France, with an estimated city population of 2.04 "
    "million. Located on the river Seine, it is the largest metropolitan area and fourth-most "
    "populous city in the European Union (EU)."
)
PERTH = (
    "Perth is the capital city of Western Australia. It is the fourth-most-populous city in "
    "Australia, with a population of over 2.3 million within Greater Perth as of 2023."
)
AUSTRALIA = (
    "Australia, officially the Commonwealth of Australia, is a country comprising the mainland "
    "of the Australian continent, the island of Tasmania and numerous smaller islands."
)
MERCURY = (
    "Mercury is the first planet from the Sun and the smallest in the Solar System. It is a "
    "rocky planet with a trace atmosphere."
)
BAT = (
    "Bats are flying mammals of the order Chiroptera. With their forelimbs adapted as wings, "
    "they are the only mammals capable of true and sustained flight, unlike birds."
)
SUN = "The Sun is the star located at the centre of the Solar System. It is a massive sphere."
NEWTON = (
    "Sir Isaac Newton was an English polymath who was a mathematician, physicist, astronomer, "
    "alchemist, theologian, author and inventor."
)
CURIE = (
    "Maria Salomea Skłodowska Curie, better known as Marie Curie was a Polish and "
    "naturalised-French physicist and chemist."
)
EINSTEIN = (
    "Albert Einstein was a German-born theoretical physicist best known for developing the "
    "theory of relativity."
)
FILM = (
    "Tinker Tailor Soldier Spy is a 2011 Cold War espionage film directed by Tomas Alfredson. "
    "The film stars Gary Oldman."
)
SERIES = (
    "The Gifted is an upcoming American television series created for Fox by Matt Nix, based "
    "on Marvel Comics' X-Men properties."
)


def unsaid_kind(claim_text: str, title: str, snippet: str) -> str:
    """What unpredicated() finds of the claim in a passage, titled as given."""
    claim = claim_from_text("c1", claim_text)
    subject = main_entity(claim)
    own = not title or title.split(" (")[0] in (subject or "") or (subject or "") in title
    return unpredicated(claim, Evidence("corpus", title, snippet), subject, own)


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "kind"),
    [
        ("Pablo Picasso was a Spanish composer.", "Pablo Picasso", PICASSO, "composer"),
        ("Paris is a country.", "Paris", PARIS, "country"),
        ("Australia is a city.", "Perth", PERTH, "city"),  # a city, but Perth is
        ("The Sun is a planet.", "Mercury (planet)", MERCURY, "planet"),  # Mercury is
        ("The Sun is a planet.", "Sun", SUN, "planet"),
        ("Tinker Tailor Soldier Spy is a music video.", "", FILM, "video"),
        ("Albert Einstein was a film director.", "Albert Einstein", EINSTEIN, "director"),
        ("Bats are birds.", "Bat", BAT, "birds"),
        # every kind of a coordinated claim must be said
        (
            "Isaac Newton was an English mathematician and painter.",
            "Isaac Newton",
            NEWTON,
            "painter",
        ),  # fmt: skip
    ],
)
def test_a_kind_the_passage_does_not_predicate_of_the_subject_is_unsaid(
    claim, title, snippet, kind
):
    assert unsaid_kind(claim, title, snippet) == kind


@pytest.mark.parametrize(
    ("claim", "title", "snippet"),
    [
        ("Pablo Picasso was a Spanish painter.", "Pablo Picasso", PICASSO),
        ("Paris is a city.", "Paris", PARIS),  # "the capital and largest city"
        ("Australia is a country.", "Australia", AUSTRALIA),  # past an apposition and a participle
        ("The Sun is a star.", "Sun", SUN),
        ("Bats are mammals.", "Bat", BAT),
        ("Isaac Newton was an English mathematician and physicist.", "Isaac Newton", NEWTON),
        ("Marie Curie was a physicist and chemist.", "Marie Curie", CURIE),
        ("Albert Einstein was a theoretical physicist.", "Albert Einstein", EINSTEIN),
        ("Albert Einstein was a scientist.", "Albert Einstein", EINSTEIN),  # a kind of scientist
        ("Tinker Tailor Soldier Spy is a movie.", "", FILM),  # a synonym
        ("The Gifted is a television series.", "", SERIES),  # "upcoming" is no participle here
        ("The Gifted is a TV show.", "", SERIES),
        # an apposition, and an own article referring back ("It is", "The film")
        ("Nick Cave is a singer.", "", "Nick Cave, an Australian singer, fronted the band."),
        ("Mercury is a rocky planet.", "Mercury (planet)", MERCURY),
        ("Tangled is a film.", "", "The film was nominated for a number of awards."),
        (
            "Michael Vick is an American.",
            "",
            "Michael Vick (born June 26, 1980) is a former American football quarterback.",
        ),  # fmt: skip
    ],
)
def test_a_kind_the_passage_predicates_of_the_subject_is_said(claim, title, snippet):
    assert unsaid_kind(claim, title, snippet) == ""


def test_another_subjects_sentence_referring_back_is_not_the_subjects():
    # "It is the fourth-most-populous city" speaks of Perth, in Perth's article.
    assert unsaid_kind("Australia is a city.", "Perth", PERTH) == "city"


def test_a_relative_clause_on_another_name_is_not_said_of_the_subject():
    snippet = "Jane Doe married John Roe, who is a painter."
    assert unsaid_kind("Jane Doe is a painter.", "", snippet) == "painter"


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("Pablo Picasso was a Spanish composer.", ["composer"]),
        (
            "Isaac Newton was an English mathematician and physicist.",
            ["mathematician", "physicist"],
        ),
        ("Smriti Mandhana is an Indian cricketer born in July.", ["cricketer"]),
        ("Arizona is a state in the United States.", ["state"]),
        ("The Endless River is an album by Danny DeVito.", ["album"]),
        # a plural kind, without an article
        ("Bats are birds.", ["birds"]),
        ("Bats are flying mammals.", ["mammals"]),
        # not category claims of a named subject, or too broad a kind to check
        ("Bats are dangerous.", []),
        ("Dolphins are found in oceans.", []),
        ("Paris is the capital of France.", ["capital"]),
        ("Hydrogen is the lightest element and the most abundant.", ["element"]),
        ("The United States has 50 states.", []),
        ("There is a British actor named Marcus Bentley.", []),
        ("Basildon is a place.", []),
        ("Global warming is a threat.", []),
    ],
)
def test_claim_kinds(claim, kinds):
    assert claim_kinds(claim, main_entity(claim_from_text("c1", claim))) == kinds


NEW_YORK = (
    "New York, also called New York state, is a state located in the northeastern United States. "
    "It is the fourth-most populous state in the United States, with over 20 million residents, "
    "and the 27th-largest state by area."
)
UNITED_STATES = (
    "The United States of America (USA), also known as the United States (U.S.) or America, is a "
    "country primarily located in North America. It is a federal republic consisting of 50 states "
    "and a federal capital district, Washington, D.C."
)


def uncounted_in(claim_text: str, title: str, snippet: str) -> str:
    """What uncounted() finds of the claim in a passage."""
    claim = claim_from_text("c1", claim_text)
    return uncounted(claim, Evidence("corpus", title, snippet), main_entity(claim))


def test_a_passage_that_counts_nothing_of_the_claims_noun_leaves_the_count_unsaid():
    # "20" and "state" are both there, but not as a count of states
    assert uncounted_in("The United States has 20 states.", "New York (state)", NEW_YORK) == (
        "20 states"
    )


BEETHOVEN_FIFTH = (
    "The Symphony No. 5 in C minor, Op. 67, is a symphony composed by Ludwig van Beethoven "
    "between 1804 and 1808."
)


def test_a_count_of_what_the_subject_did_is_a_count_too():
    claim = "Ludwig van Beethoven composed nine symphonies."
    assert uncounted_in(claim, "Symphony No. 5 (Beethoven)", BEETHOVEN_FIFTH) == "nine symphonies"


@pytest.mark.parametrize(
    ("claim", "snippet", "unsaid"),
    [
        # the noun counted may come a few words on, in the passage and in the claim
        ("First Motion Picture Unit produced 400 training films.", "It produced more than 400 "
         "propaganda and training films.", ""),
        # a count of another noun coordinated with it is not its count
        ("Wolfgang Mozart had two sons.", "He only had two daughters and no sons.", "two sons"),
    ],
)  # fmt: skip
def test_the_noun_a_count_counts(claim, snippet, unsaid):
    assert uncounted_in(claim, "", snippet) == unsaid


def test_a_passage_that_counts_nothing_does_not_deny_a_count(verify_on):
    verdict = verify_on("Ludwig van Beethoven composed nine symphonies.", BEETHOVEN_FIFTH)
    assert verdict["label"] != "refuted", verdict


@pytest.mark.parametrize(
    "claim", ["The United States has 20 states.", "The United States has fifty states."]
)
def test_a_passage_that_counts_the_claims_noun_may_speak_to_the_count(claim):
    # whether 50 is the claim's count is the readers' to judge, not this check's
    assert uncounted_in(claim, "United States", UNITED_STATES) == ""


@pytest.mark.parametrize(
    "claim",
    [
        "Canada has a population of 300 million.",  # no count of things
        "Weekly Idol has one host.",  # "hosted only by": a count of one is rarely written
        "The band sold 10 million records.",  # not what the subject has
    ],
)
def test_other_claims_are_not_count_claims(claim):
    assert uncounted_in(claim, "", "The show is hosted only by Defconn.") == ""


PLUTO = (
    "Pluto is a dwarf planet in the Kuiper belt, a ring of bodies beyond the orbit of Neptune. "
    "It is the ninth-largest and tenth-most-massive known object to directly orbit the Sun."
)
HOLMES = "Sherlock Holmes is a fictional character created by British author Arthur Conan Doyle."
VICK = "Michael Vick (born June 26, 1980) is a former quarterback who played 13 seasons."
DWARF_PLANET = (
    "The prototypical dwarf planet is Pluto, which for decades was regarded as a planet before "
    'the "dwarf" concept was adopted in 2006.'
)


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "kind"),
    [
        # a privative modifier makes the thing no such thing: "a dwarf planet" is no planet
        ("Pluto is a planet.", "Pluto", PLUTO, "planet"),
        ("Michael Vick is a quarterback.", "", VICK, "quarterback"),
        # not a modifier of another word ("a fake news program"), nor "fictional" of a character
        ("The Daily Show is a program.", "", "The Daily Show is a fake news program.", ""),
        ("Sherlock Holmes is a character.", "Sherlock Holmes", HOLMES, ""),
        # unless the claim says it so too
        ("Pluto is a dwarf planet.", "Pluto", PLUTO, ""),
        ("Michael Vick is a former quarterback.", "", VICK, ""),
    ],
)
def test_a_kind_said_only_under_a_privative_modifier_is_unsaid(claim, title, snippet, kind):
    assert unsaid_kind(claim, title, snippet) == kind


def denied_kind(claim: str, title: str, snippet: str) -> str:
    found = claim_from_text("c1", claim)
    own = not title or title.split(" (")[0] in claim
    return qualified_denial(found, Evidence("wiki", title, snippet), main_entity(found), own)


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "kind"),
    [
        # "X is a dwarf N" says X is no N: it does not deny "X is not an N"
        ("Pluto is not a planet.", "Pluto", PLUTO, "planet"),
        ("Pluto is not a planet.", "Dwarf planet", DWARF_PLANET, "planet"),  # named the other way
        ("Michael Vick is not a quarterback.", "", VICK, "quarterback"),
        # a plain kind denies it; a claim without "not" or of another kind is left alone
        ("Albert Einstein is not a physicist.", "Albert Einstein", EINSTEIN, ""),
        ("Pluto is not a dwarf planet.", "Pluto", PLUTO, ""),
        ("Pluto is a planet.", "Pluto", PLUTO, ""),
        ("Pluto is not a moon.", "Pluto", PLUTO, ""),
    ],
)
def test_a_kind_said_under_a_privative_modifier_does_not_deny_its_negation(
    claim, title, snippet, kind
):
    assert denied_kind(claim, title, snippet) == kind
