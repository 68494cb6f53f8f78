"""The optional LLM judge against a local fake of an OpenAI-compatible /v1/chat/completions."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest
import requests
from werkzeug import Response

from service.config import Settings
from service.domain import Claim, Evidence
from service.verification.choice import build_verifier
from service.verification.llm_judge import LlmVerifier, parse_answer
from service.verification.verifier import RuleVerifier
from tests.conftest import LATE, settle

AS_OF = date(2025, 2, 7)
CLAIM = Claim("c1", "Nippon Steel offered $15 billion for U.S. Steel.", 0, 48, 0.9)
EVIDENCE = [
    Evidence("supplied", "Mount Fuji", "Mount Fuji is the highest mountain in Japan."),
    Evidence(
        "supplied",
        "Nippon Steel",
        "In 2023 Nippon Steel agreed to buy U.S. Steel for $14.9 billion.",
    ),  # fmt: skip
]
PATH = "/v1/chat/completions"
RELEASE = threading.Event()


def stall(request):
    """A chat endpoint that answers only once the test has measured (or after 3 s)."""
    RELEASE.wait(3.0)
    return Response("{}")


def completion(content: str) -> dict:
    """A chat completion in the real response format."""
    return {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1738900000,
        "model": "llama3.1:8b", "system_fingerprint": "fp_ollama",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160},
    }  # fmt: skip


GOOD = json.dumps({"verdict": "supported", "confidence": 0.86, "evidence": [2],
                   "rationale": "$14.9 billion rounds to $15 billion."})  # fmt: skip


@pytest.fixture
def judge(httpserver):
    return LlmVerifier(requests.Session(), httpserver.url_for("/v1"), "llama3.1:8b",
                       timeout=0.5, api_key="sk-test", retries=2)  # fmt: skip


def test_a_valid_answer_becomes_the_verdict_naming_the_deciding_passage(judge, httpserver):
    httpserver.expect_request(PATH, method="POST").respond_with_json(completion(GOOD))
    verdict = judge.judge(CLAIM, EVIDENCE, AS_OF, "t")
    assert (verdict.label, verdict.confidence) == ("supported", 0.86)
    assert "Nippon Steel" in verdict.rationale and "llama3.1:8b" in verdict.rationale
    assert [(e.title, e.stance) for e in verdict.evidence] == [("Nippon Steel", "supports")]
    [(request, _)] = httpserver.log
    body = request.get_json()
    assert body["model"] == "llama3.1:8b" and body["temperature"] == 0
    assert CLAIM.text in body["messages"][1]["content"]
    assert "[2] (Nippon Steel)" in body["messages"][1]["content"]
    assert request.headers["Authorization"] == "Bearer sk-test"


def test_a_malformed_answer_is_asked_again(judge, httpserver):
    httpserver.expect_ordered_request(PATH).respond_with_json(completion("Sure! It is true."))
    httpserver.expect_ordered_request(PATH).respond_with_json(completion(f"```json\n{GOOD}\n```"))
    assert judge.judge(CLAIM, EVIDENCE, AS_OF, "t").label == "supported"
    assert len(httpserver.log) == 2


@pytest.mark.parametrize(
    ("respond", "requests_made"),
    [
        (lambda r: r.respond_with_json(completion('{"verdict": "maybe", "confidence": 0.5}')), 3),
        (lambda r: r.respond_with_json({"error": "model not found"}, status=404), 1),
        (lambda r: r.respond_with_handler(stall), None),
    ],
    ids=["malformed-every-time", "http-error", "timeout"],
)
def test_without_a_usable_answer_the_fallback_judges_and_says_so(
    judge, httpserver, respond, requests_made
):
    RELEASE.clear()
    respond(httpserver.expect_request(PATH))
    started = time.perf_counter()
    verdict = judge.judge(CLAIM, EVIDENCE, AS_OF, "t")
    elapsed = time.perf_counter() - started
    RELEASE.set()
    settle(httpserver)  # the server logs a request once answered: let the stalled one land
    assert "LLM judge was unavailable" in verdict.rationale
    # The fallback's own reading: the passage names the price but not the offer.
    alone = RuleVerifier().judge(CLAIM, EVIDENCE, AS_OF, "t")
    assert verdict.label == alone.label == "not_enough_evidence"
    assert len(httpserver.log) == (requests_made or 1)
    # The 0.5 s timeout cut the wait short (the endpoint stalls 3 s unless released).
    assert elapsed < 0.5 + LATE


@pytest.mark.parametrize(
    "content",
    [
        '{"verdict": "true", "confidence": 0.9, "evidence": []}',
        '{"verdict": "refuted", "confidence": 1.5, "evidence": []}',
        '{"verdict": "refuted", "confidence": 0.9, "evidence": "2"}',
        '["refuted"]',
        "refuted",
    ],
)
def test_answers_that_break_the_format_are_rejected(content):
    with pytest.raises(ValueError):
        parse_answer(content)


def test_the_verify_endpoint_uses_the_llm_when_configured(httpserver, sources_file):
    from service import create_app

    httpserver.expect_request(PATH).respond_with_json(completion(GOOD))
    config = {"sources_file": str(sources_file), "verifier": "llm", "llm_model": "m",
              "llm_url": httpserver.url_for("/v1")}  # fmt: skip
    client = create_app(config).test_client()
    payload = {"claim": CLAIM.text, "evidence": [{"text": EVIDENCE[1].snippet}]}
    body = client.post("/v1/claims/verify", json=payload).get_json()
    assert body["claims"][0]["verdict"]["label"] == "supported"
    assert "LLM judge m" in body["claims"][0]["verdict"]["rationale"]


def test_an_unknown_verifier_is_refused():
    with pytest.raises(ValueError, match="unknown verifier"):
        build_verifier(Settings(verifier="oracle"))


def test_the_transformers_verifier_needs_a_model_directory():
    with pytest.raises(ValueError, match="verifier_model_dir"):
        build_verifier(Settings(verifier="nli_dir"))
