"""Stance rules: word overlap, numbers and dates, negation, opposites, fact-check ratings."""

from __future__ import annotations

import math

import pytest

from service.domain import Claim, Evidence, Quantity
from service.extraction import claim_from_text
from service.extraction.quantities import find_quantities
from service.verification import StanceResult, assess
from service.verification.agreement import interval
from service.verification.cues import debunking_cue, hearsay_cue, negation_cue
from service.verification.lexicon import clauses, content_terms, stem
from service.verification.rating import normalise_rating

STEEL = "Nippon Steel agreed to buy U.S. Steel"


def make_claim(text: str, entities: tuple[str, ...] = ()) -> Claim:
    quantities = tuple(find_quantities(text))
    return Claim("c1", text, 0, len(text), 0.9, entities=entities, quantities=quantities)


def check(claim: str, snippet: str, title: str = "", rating: str | None = None) -> StanceResult:
    evidence = Evidence("wiki", title, snippet, url="https://example.org/x", rating=rating)
    return assess(make_claim(claim), evidence)


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "expected"),
    [
        # shared words are relevance, not support (the stance model reads paraphrases)
        (f"{STEEL}.", "Nippon Steel", f"{STEEL} in December 2023.", "neutral"),
        ("The capital of Australia is Sydney.", "Sydney",
         "Sydney is the capital city of the state of New South Wales and the most populous "
         "city in Australia.", "neutral"),
        (f"{STEEL}.", "Eiffel Tower", "It is a wrought-iron lattice tower in Paris.", "neutral"),
        (
            "Nippon Steel agreed to buy the Pittsburgh plants of U.S. Steel and close Gary Works.",
            "Nippon Steel",
            "Nippon Steel is a Japanese steel maker.",
            "neutral",
        ),
        # money: equal within rounding, within a hedge, clearly different, off topic
        (f"{STEEL} for $15 billion.", "", f"{STEEL} for $14.9 billion in 2023.", "supports"),
        (f"{STEEL} for $15 billion.", "", f"{STEEL} for $1.5 billion in 2023.", "refutes"),
        (f"{STEEL} for $15 billion.", "", f"{STEEL} for $14.1 billion in 2023.", "refutes"),
        (f"{STEEL} for nearly $15 billion.", "", f"{STEEL} for $14.1 billion.", "supports"),
        (f"{STEEL} for more than $14 billion.", "", f"{STEEL} for $14.9 billion.", "supports"),
        # a bound allows a value without confirming it, and excludes what lies beyond it
        (f"{STEEL} for $90 billion.", "", f"{STEEL} for more than $14 billion.", "neutral"),
        (f"{STEEL} for more than $10 billion.", "", f"{STEEL} for more than $14 billion.",
         "supports"),
        (f"{STEEL} for $5 billion.", "", f"{STEEL} for more than $14 billion.", "refutes"),
        (f"{STEEL} for more than $90 billion.", "", f"{STEEL} for more than $14 billion.",
         "neutral"),  # a looser bound does not confirm a tighter one
        (f"{STEEL} for $15 billion.", "Apple", "Apple reported quarterly revenue of $90 billion.",
         "neutral"),
        # percentages and counts
        ("Unemployment in Spain reached 26% in 2013.", "",
         "Unemployment in Spain reached 26.1% in 2013.", "supports"),
        ("Unemployment in Spain reached 26% in 2013.", "",
         "Unemployment in Spain reached 12% in 2013.", "refutes"),
        ("The earthquake in Nepal killed 9,000 people.", "",
         "The earthquake in Nepal killed nearly 9,000 people.", "supports"),
        ("The earthquake in Nepal killed 9,000 people.", "",
         "The earthquake in Nepal killed 90 people.", "refutes"),
        # years
        ("The Eiffel Tower was completed in 1889.", "Eiffel Tower",
         "The Eiffel Tower was completed in 1889 for the World's Fair.", "supports"),
        ("The Eiffel Tower was completed in 1889.", "Eiffel Tower",
         "The Eiffel Tower was completed in 1899 for the World's Fair.", "refutes"),
        # negation both ways, both sides negated, and an off-topic negation
        ("Penélope Cruz never worked as a model for L'Oréal.", "Penélope Cruz",
         "Penélope Cruz has worked as a model for L'Oréal and Mango.", "refutes"),
        ("The Senate passed the infrastructure bill.", "",
         "The Senate never passed the infrastructure bill.", "refutes"),
        ("The Senate did not pass the infrastructure bill.", "",
         "The Senate has not passed the infrastructure bill.", "neutral"),
        ("The Senate passed the infrastructure bill.", "",
         "Paris is not the capital of Germany.", "neutral"),
        # opposites
        ("Bad Romance was one of the worst-selling singles of all time.", "Bad Romance",
         "Bad Romance became one of the best-selling singles of all time.", "refutes"),
        # a passage that calls the claim false, or only reports that someone said it
        ("Vaccines cause autism.", "", "The myth that vaccines cause autism has been debunked.",
         "refutes"),
        ("Wind is a finite resource that turbines use up.", "Joe Barton",
         "Joe Barton supposedly said that wind is a finite resource that turbines use up.",
         "neutral"),
        # a year that stands for a range is not contradicted by a year inside it
        ("The Clean Air Act was passed before 1970.", "", "The Clean Air Act was passed in 1963.",
         "neutral"),
        ("The Clean Air Act was passed in 1970.", "", "The Clean Air Act was passed in 1963.",
         "refutes"),
        # a number about something else in the same passage does not refute
        ("The plant employs 3,000 workers in Ohio.", "",
         "The plant in Ohio, which employs 3,000 workers, was built on a 500 acres site.",
         "supports"),
    ],
)  # fmt: skip
def test_stance_table(claim: str, title: str, snippet: str, expected: str) -> None:
    result = check(claim, snippet, title)
    assert result.stance == expected, result.reason
    assert 0.0 <= result.strength <= 1.0
    assert (result.strength > 0) == (expected != "neutral")


def test_number_reasons_quote_both_figures() -> None:
    refuted = check(f"{STEEL} for $15 billion.", f"{STEEL} for $14.1 billion.")
    assert "$14.1 billion" in refuted.reason and "$15 billion" in refuted.reason
    supported = check(f"{STEEL} for $15 billion.", f"{STEEL} for $15 billion.")
    assert "amount" in supported.reason and "$15 billion" in supported.reason


def test_off_topic_reason_gives_the_share() -> None:
    result = check(f"{STEEL}.", "The Eiffel Tower is in Paris.")
    assert not result.relevant
    assert "0%" in result.reason


def test_a_matching_figure_supports_more_the_more_the_passage_repeats() -> None:
    full = check(f"{STEEL} for $15 billion.", f"{STEEL} for $15 billion.")
    most = check(
        "Nippon Steel quickly agreed to buy the whole of U.S. Steel for $15 billion.",
        f"{STEEL} for $15 billion.",
    )
    assert full.stance == most.stance == "supports"
    assert full.strength > most.strength


@pytest.mark.parametrize(
    ("rating", "snippet", "expected"),
    [
        ("Pants on Fire", "The Senate passed the infrastructure bill.", "refutes"),
        ("Mostly True", "The Senate passed the infrastructure bill.", "supports"),
        ("Half True", "The Senate passed the infrastructure bill.", "neutral"),
        ("False", "Paris is the capital of France.", "neutral"),
    ],
)
def test_fact_check_rating_decides_for_the_same_claim(
    rating: str, snippet: str, expected: str
) -> None:
    result = check("The Senate passed the infrastructure bill.", snippet, rating=rating)
    assert result.stance == expected
    if expected != "neutral":
        assert rating in result.reason


@pytest.mark.parametrize(
    ("rating", "level"),
    [
        ("Pants on Fire!", "false"),
        ("FALSE", "false"),
        ("Four Pinocchios", "false"),
        ("Mostly False", "mostly_false"),
        ("Misleading", "mostly_false"),
        ("Half True", "mixed"),
        ("Missing Context", "mixed"),
        ("Mostly True", "mostly_true"),
        ("True", "true"),
        ("Not True", "false"),
        ("Unproven", None),
        (None, None),
    ],
)
def test_normalise_rating(rating: str | None, level: str | None) -> None:
    assert normalise_rating(rating) == level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for $15 billion", (14.5e9, 15.5e9)),
        ("for nearly $15 billion", (13.5e9, 16.5e9)),
        ("for $14.9 billion", (14.8255e9, 14.9745e9)),  # the 0.5% floor beats half a digit
        ("for more than $14 billion", (12.6e9, math.inf)),
        ("for up to $14 billion", (-math.inf, 15.4e9)),
    ],
)
def test_interval_of_a_written_amount(text: str, expected: tuple[float, float]) -> None:
    money = [q for q in find_quantities(text) if q.kind == "money"]
    assert len(money) == 1
    assert interval(money[0], text) == pytest.approx(expected)


def test_interval_of_a_bare_quantity() -> None:
    q = Quantity("25%", 4, 7, "percent", 25.0, "%")
    assert interval(q, "saw 25% growth") == pytest.approx((24.5, 25.5))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("released", "release"),
        ("agreed", "agree"),
        ("making", "make"),
        ("countries", "country"),
        ("called", "call"),
        ("stopped", "stop"),
        ("wrote", "written"),  # irregular forms meet too
        ("wrote", "writes"),
        ("began", "begins"),
        ("died", "dies"),
    ],
)
def test_stem_meets_word_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("He did not resign.", "did not"),
        ("He didn't resign.", "didn't"),
        ("She denied the report.", "denied"),
        ("The board rejected the offer.", "rejected"),
        ("It failed to pass.", "failed to"),
        ("She is yet to write for television.", "is yet to"),
        ("He resigned in May.", None),
        ("She is not only a singer but also an actress.", None),  # additive, no denial
        ("It is not just a river.", None),
    ],
)
def test_negation_cue(text: str, cue: str | None) -> None:
    assert negation_cue(text) == cue


@pytest.mark.parametrize(
    ("claim", "passage", "unconfirmed"),
    [
        # the clause that repeats the claim says the opposite of it
        ("Tatum O'Neal had children.", "In 1986, O'Neal married John McEnroe, with whom she had "
         "no children.", True),
        ("Ernest Medina participated in the My Lai Massacre.", "Ernest Medina had no role in the "
         "My Lai Massacre.", True),
        ("Bogart was ranked the best male star.", "Bogart was ranked the worst male star.", True),
        # a negation in another clause is about something else
        ("Tatum O'Neal had children.", "O'Neal, who never remarried, had three children.", False),
        ("Tatum O'Neal had children.", "O'Neal had three children.", False),
    ],
)  # fmt: skip
def test_a_passage_saying_the_opposite_confirms_nothing(claim, passage, unconfirmed):
    found = assess(claim_from_text("c", claim), Evidence(source="s", title="", snippet=passage))
    assert found.unconfirmed is unconfirmed
    assert found.stance != "supports"


def test_names_weigh_more_than_common_words() -> None:
    terms = content_terms("The deal with Nippon was signed", entities=("deal",))
    assert terms["nippon"][1] == terms["deal"][1] == 2.0
    assert terms["sign"][1] == 1.0
    assert "the" not in terms and "with" not in terms


@pytest.mark.parametrize(
    ("text", "debunked", "reported"),
    [
        ("The myth that bats are blind persists.", "myth", None),
        ("Trump falsely claimed that the vote was rigged.", "falsely", "claimed"),
        ("He allegedly took the money.", None, "allegedly"),
        ("The vote was held in May.", None, None),
    ],
)
def test_debunking_and_hearsay_cues(text: str, debunked: str | None, reported: str | None) -> None:
    assert debunking_cue(text) == debunked
    assert hearsay_cue(text) == reported


def test_clauses_split_at_sentences_and_relative_pronouns() -> None:
    parts = clauses("Pets help adults who do not have friends. It is the eighth track (2000).")
    assert parts == ["Pets help adults", "do not have friends.", "It is the eighth track", "2000"]


@pytest.mark.parametrize(
    ("claim_text", "snippet", "stance", "phrase"),
    [
        (
            "Japan doubled its defense spending in 2023.",
            "In 2023 Japan's defense spending rose 10% to a record.",
            "refutes",
            "rose 10%",
        ),
        (
            "Japan doubled its defense spending in 2023.",
            "In 2023 Japan's defense spending increased by 95% over the plan.",
            "supports",
            "95%",
        ),
        (
            "Steel output halved in Japan last year.",
            "Steel output in Japan fell by 12 percent last year.",
            "refutes",
            "fell by 12 percent",
        ),
    ],
)
def test_a_multiplicative_change_is_compared_with_a_stated_percentage(
    claim_text, snippet, stance, phrase
):
    claim = Claim("c", claim_text, 0, len(claim_text), 0.9)
    result = assess(claim, Evidence("wiki", "Defense budget", snippet))
    assert result.stance == stance
    assert phrase in result.reason


@pytest.mark.parametrize(
    ("claim", "snippet", "reason"),
    [
        (
            "The Prime Minister's office has not said whether the tariffs will be discussed.",
            "The Prime Minister's office said the meeting on tariffs was held in Tokyo.",
            "is on topic, but the claim says 'not' and the passage does not",
        ),
        (
            "The Prime Minister met the president at the White House.",
            "The Prime Minister has not met the president at the summit in Tokyo this year.",
            "is on topic, but the passage says 'not' and the claim does not",
        ),
    ],
)
def test_an_unmatched_negation_is_named_with_the_side_that_says_it(claim, snippet, reason):
    result = check(claim, snippet)
    assert (result.stance, result.reason) == ("neutral", reason)


EUROPA = (
    "Europa is the smallest and least massive of Jupiter's four Galilean moons. It is observable "
    "from Earth with common binoculars and is a planetary-mass moon, slightly smaller and less "
    "massive than Earth's Moon."
)
PHILADELPHIA = (
    "Philadelphia is the most populous city in the U.S. state of Pennsylvania and the "
    "sixth-most populous city in the United States. Its population was 1.60 million at the "
    "2020 census and estimated at 1.57 million in 2025."
)


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "expected"),
    [
        # a count given of another subject ("Jupiter's four Galilean moons", a city's
        # population) is no count of the claim's subject, though the passage names it
        ("The Earth has two moons.", "Europa (moon)", EUROPA, "neutral"),
        ("The United States has 60 states.", "Philadelphia", PHILADELPHIA, "neutral"),
        # in the sentence that names the subject, or in its own article, it is
        ("Jupiter has two Galilean moons.", "Europa (moon)", EUROPA, "refutes"),
        ("Europa is one of Jupiter's two Galilean moons.", "Europa (moon)", EUROPA, "refutes"),
        ("Europa has two Galilean moons.", "", EUROPA, "refutes"),  # supplied: its own
    ],
)  # fmt: skip
def test_a_count_contradicts_only_as_a_count_of_the_claims_subject(
    claim: str, title: str, snippet: str, expected: str
) -> None:
    assert check(claim, snippet, title).stance == expected


def test_a_figure_in_a_sentence_about_something_else_confirms_nothing():
    korea = Evidence(
        source="wiki",
        title="Korea",
        snippet="Since the end of World War II in Asia in 1945, it has been divided at the 38th "
        "parallel. The two countries fought the Korean War from 1950 to 1953.",
    )
    found = assess(claim_from_text("c", "World War II ended in 1950."), korea)
    # the year of the sentence that names World War II's end is compared, not the Korean War's
    assert (found.stance, found.reason) == ("refutes", "says 1945, the claim says 1950")


def test_another_bare_count_of_the_same_thing_confirms_nothing():
    japan = Evidence(
        source="wiki",
        title="Japan",
        snippet="With a population of almost 123 million as of 2026, it is the world's 11th most "
        "populous country.",
    )
    found = assess(claim_from_text("c", "The population of Japan is about 50 million."), japan)
    # too ambiguous (no counted noun) to deny the claim with, but no confirmation either
    assert (found.stance, found.unconfirmed) == ("neutral", True)
    assert found.reason == "gives 123 million where the claim says 50 million"


@pytest.mark.parametrize(
    ("claim", "stance", "reason"),
    [
        # the date of the claim's event is the one by the same words ("born"), not another's
        ("Carlos Santana was born in 1969.", "refutes", "says 1947, the claim says 1969"),
        ("Carlos Santana was born in 1947.", "supports", "gives the same year (1947)"),
        ("Carlos Santana played at Woodstock in 1969.", "supports", "gives the same year (1969)"),
    ],
)
def test_a_date_is_compared_with_the_date_of_the_same_event(claim, stance, reason):
    passage = "Carlos Santana (born 1947) is a musician. In 1969 he played at Woodstock."
    found = assess(claim_from_text("c", claim), Evidence(source="s", title="", snippet=passage))
    assert (found.stance, found.reason) == (stance, reason)
