"""Who does what the claim says (actor.py): a passage whose every use of the claim's verb has
another doer does not confirm the claim."""

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.actor import claim_verb, done_by_another, other_agent, other_object
from service.verification.bearing import main_entity

MOON = (
    "The Moon is the only natural satellite of Earth. It orbits around Earth at an average "
    "distance of 384,399 kilometers."
)
LUNAR_ECLIPSE = (
    "A lunar eclipse is an astronomical event that occurs when the Moon orbits through Earth's "
    "shadow."
)
WEB = "The Web was invented by English computer scientist Tim Berners-Lee in 1989."
RITE = "The Rite of Spring is a ballet and concert work by the Russian composer Igor Stravinsky."
FALL = (
    "Constantinople, the capital city of the Byzantine Empire, was captured by the Ottoman "
    "Empire on 29 May 1453."
)


def other_doer(claim_text: str, title: str, snippet: str) -> str:
    claim = claim_from_text("c1", claim_text)
    return done_by_another(claim, Evidence("wiki", title, snippet), main_entity(claim))


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "doer"),
    [
        ("The Earth orbits the Moon.", "Lunar eclipse", LUNAR_ECLIPSE, "Moon"),
        ("The Earth orbits the Moon.", "Moon", MOON, "Moon"),  # "It" is the Moon in its article
        ("The Moon orbits the Earth.", "Moon", MOON, ""),
        ("Thomas Edison invented the World Wide Web.", "World Wide Web", WEB, "Tim Berners-Lee"),
        ("Tim Berners-Lee invented the World Wide Web.", "World Wide Web", WEB, ""),  # passive
        ("The Ottoman Empire captured Constantinople in 1453.", "Fall of Constantinople", FALL,
         ""),
        ("The Roman Empire captured Constantinople in 1453.", "Fall of Constantinople", FALL,
         "Ottoman Empire"),
        ("Igor Stravinsky composed The Rite of Spring.", "The Rite of Spring", RITE, ""),  # noun
        ("The Moon is a satellite of the Earth.", "Moon", MOON, ""),  # a copula: not read here
        ("Canada created more jobs than the U.S. did.", "", "The U.S. economy created 93,000 "
         "jobs, compared to 15,200 for Canada.", ""),  # a comparison: both do it
        # a supplied passage's pronoun is the claim's subject; a surname names the subject
        ("Jenna Jameson worked as a stripper.", "", "She started acting in 1993 after having "
         "worked as a stripper.", ""),
        ("Steve Ditko studied at the Cartoonist and Illustrators School.", "", "Ditko studied "
         "under Jerry Robinson at the Cartoonist and Illustrators School.", ""),
        ("Homer Hickman wrote novels.", "", "Hickam has also written novels.", ""),  # misspelt
        ("Peter Jackson produced Soul Food.", "", "Soul Food is a 1997 film produced by Kenneth "
         "Edmonds, Peter Jackson and Robert Teitel.", ""),  # every name after "by"
        ("Bret Easton Ellis wrote the screenplay for The Canyons.", "", "Singh also wrote the "
         "screenplay for the 2013 film The Canyons.", "Singh"),
        ("The Mona Lisa was painted by Leonardo da Vinci.", "Mona Lisa", "It was painted by "
         "Raphael.", ""),  # a passive claim: not read here
    ],
)  # fmt: skip
def test_a_passage_giving_the_verb_another_doer_does_not_confirm(claim, title, snippet, doer):
    assert other_doer(claim, title, snippet) == doer


@pytest.mark.parametrize(
    ("claim", "verb"),
    [
        ("The Earth orbits the Sun.", "orbit"),
        ("Marie Curie discovered polonium.", "discover"),
        ("Jane Austen wrote Emma.", "writ"),
        ("Paris is the capital of France.", None),
        ("Paris has a population of two million.", None),
        ("The Mona Lisa was painted by Leonardo da Vinci.", None),
    ],
)
def test_the_claims_verb_is_the_one_after_its_subject(claim, verb):
    assert claim_verb(claim, main_entity(claim_from_text("c1", claim))) == verb


def test_a_relation_the_passage_gives_the_other_way_round_is_not_supported(verify_on):
    verdict = verify_on("The Earth orbits the Moon.", LUNAR_ECLIPSE)
    assert verdict["label"] != "supported", verdict


@pytest.mark.parametrize(
    ("claim", "passage", "other"),
    [
        ("Insulin is produced by the liver.", "Insulin is a peptide hormone produced by beta "
         "cells of the pancreatic islets.", "beta cells of the pancreatic islets"),
        ("Insulin is produced by the pancreas.", "Insulin is a peptide hormone produced by beta "
         "cells of the pancreatic islets.", ""),  # "pancreatic": the same agent, as far as told
        ("Soul Food was produced by Tracey Edmonds.", "Soul Food is a film produced by Kenneth "
         "Edmonds, Tracey Edmonds and Robert Teitel.", ""),
        ("Insulin is produced by the liver.", "Insulin regulates blood sugar.", ""),  # none said
    ],
)  # fmt: skip
def test_a_passive_claims_agent_is_not_confirmed_by_another(claim, passage, other):
    assert other_agent(claim, passage) == other


BRASILIA = (
    "It was founded by President Juscelino Kubitschek on 21 April 1960, to replace Rio de "
    "Janeiro as the national capital."
)


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        ("Brasília replaced São Paulo as the capital of Brazil in 1960.", "Rio de Janeiro"),
        ("Brasília replaced Rio de Janeiro as the capital of Brazil in 1960.", ""),
    ],
)
def test_the_verbs_object_must_be_the_claims(claim, other):
    parsed = claim_from_text("c1", claim)
    evidence = Evidence("wiki", "Brasília", BRASILIA)
    assert other_object(parsed, evidence, main_entity(parsed)) == other
