"""Only claims are judged: questions, opinions, greetings, commands, fragments and other
languages are recognised (pure), and on every endpoint get `not_enough_evidence` with a note."""

from __future__ import annotations

import pytest

from service.extraction import extract_claims, find_entities, not_a_claim
from service.extraction.verifiability import (
    COMMAND,
    FRAGMENT,
    GREETING,
    OPINION,
    QUESTION,
    states_plain_fact,
)

NOT_CLAIMS = [
    ("Is Paris the capital of France?", QUESTION),
    ("Is Paris the capital of France", QUESTION),
    ("How many people live in Tokyo?", QUESTION),
    ('"Did Obama know that Tony Rezko was saving him $300,000?"', QUESTION),
    ("What will happen next?", QUESTION),
    ("I love Paris.", OPINION),
    ("We hope the two countries keep working together.", OPINION),
    ("I think Paris is beautiful.", OPINION),
    ("I'm proud of our team.", OPINION),
    ("I'd like a coffee.", OPINION),
    ("We must cut taxes.", OPINION),
    ("Paris is the most beautiful city in the world.", OPINION),
    ("In my opinion, the movie was awesome.", OPINION),
    ("Thank you all for coming today.", GREETING),
    ("Good morning, everyone!", GREETING),
    ("What a day!", GREETING),
    ("Merci, Paris!", GREETING),
    ("Stop the war.", COMMAND),
    ("Please share this post.", COMMAND),
    ("Let's go to Paris.", COMMAND),
    ("Don't believe the media.", COMMAND),
    ("The Eiffel Tower.", FRAGMENT),
    ("On the Cuba embargo", FRAGMENT),
]
CLAIMS = [
    "The Eiffel Tower is in Berlin.",
    "Paris is the capital of France.",
    "Obama lied.",
    "Dogs bark.",
    "I Love Lucy is an American sitcom.",  # a title, not a feeling
    "Imagine is a song by John Lennon.",  # a title, not a command
    "Welcome to the Jungle is a song by Guns N' Roses.",
    "How I Met Your Mother is a sitcom.",
    "Thanks to the tax cuts, unemployment fell to 4%.",
    "I believe the Earth is flat.",  # a belief stated as fact is judged by what it states
    "I'm pleased to announce that my administration has approved $1 billion in sales to Japan.",
    "In my opinion, unemployment rose 5% last year.",
    "Remember that Obama raised taxes.",
    'He asked, "Why are we here?"',  # a question quoted in a statement
    "We have less Americans working now than in the 70s.",
    "Says John McCain voted 90 percent of the time with George Bush.",
    "The Great Depression began in 1929.",
    "Nippon Steel bid $15 billion.",  # a figure stated of a name, whatever verb the list misses
    "Michael Jordan won six NBA championships with the Chicago Bulls.",
]


@pytest.mark.parametrize(("text", "reason"), NOT_CLAIMS)
def test_texts_that_state_no_fact_are_recognised_with_their_reason(text, reason):
    assert not_a_claim(text) == reason


@pytest.mark.parametrize("text", CLAIMS)
def test_claims_are_not_rejected(text):
    assert not_a_claim(text) is None


@pytest.mark.parametrize(
    ("text", "language", "named"),
    [
        ("La tour Eiffel se trouve à Berlin.", None, "French (fr)"),
        ("Paris est la capitale de la France.", None, "French (fr)"),
        ("La Torre Eiffel está en Berlín.", None, "Spanish (es)"),
        ("Paris is the capital of France.", "de-DE", "German (de)"),
    ],
)
def test_text_not_in_english_is_not_a_claim_and_a_declared_language_wins(text, language, named):
    reason = not_a_claim(text, language)
    assert reason is not None and named in reason and "not English" in reason


def test_a_declared_english_overrides_detection():
    text = "La tour Eiffel se trouve à Berlin."
    assert "French" in not_a_claim(text)
    assert not_a_claim(text, "en") == FRAGMENT  # read as English: no verb it knows


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("The Eiffel Tower is in Berlin.", True),
        ("Paris is the capital of France.", True),
        ("Joe Biden signed the bill.", True),
        ("Leonardo da Vinci painted the Mona Lisa.", True),  # a verb of record
        ("The Nile flows into the Mediterranean Sea.", True),
        ("Leonardo da Vinci loved the Mona Lisa.", False),  # no verb of record
        ("Is Paris the capital of France?", False),
        ("I think Paris is the capital of France.", False),
        ("Paris might be the capital of France.", False),
        ("Our team is in Paris.", False),  # first person
        ("It is the capital of France.", False),  # no name before the verb
        ("Paris is the capital of...", False),  # trailing off
    ],
)
def test_a_plain_statement_of_fact_is_recognised(text, plain):
    assert states_plain_fact(text, find_entities(text)) is plain


def test_plain_factual_sentences_are_claims_under_the_default_threshold_only():
    text = "The Eiffel Tower is in Berlin. Paris is the capital of France."
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "The Eiffel Tower is in Berlin.",
        "Paris is the capital of France.",
    ]
    assert all(c.checkworthiness < 0.5 for c in claims)  # they are claims for what they state
    assert extract_claims(text, min_score=0.6) == []


def test_questions_and_opinions_do_not_become_claims():
    text = "Is Paris the capital of France? I love Paris. We hope Paris wins the bid."
    assert extract_claims(text) == []


NOT_JUDGED = [
    ("I love Paris.", "opinion"),
    ("Is Paris the capital of France?", "question"),
    ("La tour Eiffel se trouve à Berlin.", "French (fr)"),
    ("Stop the war.", "command"),
]


@pytest.mark.parametrize(("claim", "named"), NOT_JUDGED)
def test_verify_does_not_judge_what_is_not_a_claim(client, claim, named):
    body = client.post("/v1/claims/verify", json={"claim": claim}).get_json()
    verdict = body["claims"][0]["verdict"]
    assert verdict["label"] == "not_enough_evidence"
    assert verdict["confidence"] == 0.0
    assert verdict["rationale"].startswith("Not judged: ") and named in verdict["rationale"]
    assert len(body["notes"]) == 1 and body["notes"][0].startswith("c1 is not judged: ")
    assert named in body["notes"][0]
    assert body["claims"][0]["evidence"] == []
    assert body["sources"] == []  # no source was queried
    assert body["summary"]["not_enough_evidence"] == 1


def test_verify_judges_the_claims_of_a_list_and_notes_the_others(client):
    claims = [
        "Is Mount Fuji the highest mountain in Japan?",
        "Mount Fuji is the highest mountain in Japan.",
    ]
    body = client.post("/v1/claims/verify", json={"claims": claims}).get_json()
    question, claim = body["claims"]
    assert question["verdict"]["label"] == "not_enough_evidence"
    assert "question" in question["verdict"]["rationale"]
    assert claim["evidence"] and claim["evidence"][0]["title"] == "Mount Fuji"
    assert not claim["verdict"]["rationale"].startswith("Not judged")
    assert body["notes"] == ["c1 is not judged: this is a question, not a statement of fact"]
    assert [s["name"] for s in body["sources"]] == ["local"]
    assert body["sources"][0]["queries"] == 1


def test_verify_honours_a_declared_language(client):
    body = client.post(
        "/v1/claims/verify", json={"claim": "Paris is the capital of France.", "language": "fr"}
    ).get_json()
    assert body["claims"][0]["verdict"]["label"] == "not_enough_evidence"
    assert "French (fr)" in body["notes"][0]


def test_verify_on_supplied_evidence_does_not_judge_an_opinion(client):
    evidence = [{"text": "Paris is the capital and largest city of France.", "title": "Paris"}]
    body = client.post(
        "/v1/claims/verify", json={"claim": "I love Paris.", "evidence": evidence}
    ).get_json()
    verdict = body["claims"][0]["verdict"]
    assert (verdict["label"], body["claims"][0]["evidence"]) == ("not_enough_evidence", [])
    assert "opinion" in verdict["rationale"] and "opinion" in body["notes"][0]


def test_checks_give_plain_factual_sentences_as_claims(client):
    text = "The Eiffel Tower is in Berlin. Paris is the capital of France."
    body = client.post("/v1/checks", json={"text": text}).get_json()
    assert [c["text"] for c in body["claims"]] == [
        "The Eiffel Tower is in Berlin.",
        "Paris is the capital of France.",
    ]
    assert body["notes"] == []
    assert all(not c["verdict"]["rationale"].startswith("Not judged") for c in body["claims"])
    extraction = client.post("/v1/claims", json={"text": text}).get_json()
    assert [s["is_claim"] for s in extraction["sentences"]] == [True, True]


def test_checks_do_not_judge_a_question_that_passes_the_threshold(client):
    text = "Did Nippon Steel offer $15 billion for U.S. Steel in December 2023?"
    body = client.post("/v1/checks", json={"text": text, "min_score": 0.0}).get_json()
    assert len(body["claims"]) == 1
    assert body["claims"][0]["verdict"]["label"] == "not_enough_evidence"
    assert body["notes"] == ["c1 is not judged: this is a question, not a statement of fact"]
