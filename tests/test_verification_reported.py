"""A sentence that reports the claim as someone's words is no evidence for it (reported.py)."""

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.reported import restates, without_reports


def claim(text: str):
    return claim_from_text("c1", text)


@pytest.mark.parametrize(
    ("claim_text", "sentence"),
    [
        (
            "The number of illegal immigrants in the United States is 30 million.",
            'Trump said the number of illegal immigrants in the United States is "30 million, '
            'it could be 34 million."',
        ),
        (
            "Iowa Gov. Terry Branstad chartered a plane to remove 124 young immigrants.",
            "The chain email said that Branstad chartered a plane to remove 124 young "
            "immigrants from his state.",
        ),
        (
            "Obama makes huge move to ban Social Security recipients from owning guns.",
            'Bloggers wrote headlines like this one: "Obama Makes Huge Move to BAN Social '
            'Security Recipients From Owning Guns."',
        ),
        (
            "Vaccines cause autism.",
            "Posts on Facebook claimed that vaccines cause autism in children.",
        ),
    ],
)
def test_a_report_of_the_claim_restates_it(claim_text, sentence):
    assert restates(claim(claim_text), sentence)


@pytest.mark.parametrize(
    ("claim_text", "sentence"),
    [
        # A verb of saying in the passive is hearsay about the subject, not the claim's words.
        (
            "The Bermuda Triangle is also known by another name.",
            "The Bermuda Triangle, also known as the Devil's Triangle, is a region where a "
            "number of ships are said to have disappeared.",
        ),
        # Authorship and titles won are facts, not reports.
        ("War and Peace is a novel by Leo Tolstoy.", "Leo Tolstoy wrote War and Peace."),
        (
            "Rafael Nadal won his first Grand Slam title at the 2005 French Open.",
            "Rafael Nadal claimed his first Grand Slam title at the 2005 French Open.",
        ),
        # The report must carry the claim: here it carries something else.
        (
            "The number of illegal immigrants in the United States is 30 million.",
            "Trump said he would build a wall on the southern border.",
        ),
        # An authority cited with "according to" is evidence, as Wikipedia writes it.
        (
            "Springfield had 5,000 inhabitants in 2010.",
            "According to the 2010 census, Springfield had 5,000 inhabitants.",
        ),
    ],
)
def test_what_is_not_a_report_of_the_claim(claim_text, sentence):
    assert not restates(claim(claim_text), sentence)


def test_the_passage_is_read_without_its_reports_of_the_claim():
    ruling = (
        'Trump said the number of illegal immigrants in the United States is "30 million, it '
        'could be 34 million." The Department of Homeland Security says the number was about '
        "11.4 million as of January 2012."
    )
    evidence = Evidence(source="supplied", title="", snippet=ruling, score=1.0)
    c = claim("The number of illegal immigrants in the United States is 30 million.")
    read = without_reports(c, evidence)
    assert read.snippet == (
        "The Department of Homeland Security says the number was about 11.4 million as of "
        "January 2012."
    )
    assert evidence.snippet == ruling  # the passage shown to the client is left whole


def test_a_passage_that_only_reports_the_claim_has_nothing_left_to_read():
    evidence = Evidence(
        source="supplied", title="", snippet="Posts claimed that vaccines cause autism.", score=1
    )
    assert without_reports(claim("Vaccines cause autism."), evidence).snippet == ""


def test_a_claim_about_what_was_said_keeps_every_sentence():
    evidence = Evidence(
        source="supplied", title="", snippet="Einstein said that God does not play dice.", score=1
    )
    c = claim("Einstein said that God does not play dice.")
    assert without_reports(c, evidence) is evidence


@pytest.mark.parametrize(
    "passage",
    [
        "Posts on social media said that the Great Wall of China is visible from the Moon "
        "with the naked eye.",
        "A chain email claims the Great Wall of China is visible from the Moon with the naked "
        "eye. It has been shared thousands of times.",
    ],
)
def test_a_reported_claim_is_not_supported_through_the_endpoint(verify_on, passage):
    claim_text = "The Great Wall of China is visible from the Moon with the naked eye."
    verdict = verify_on(claim_text, passage)
    assert verdict["label"] == "not_enough_evidence", verdict["rationale"]
