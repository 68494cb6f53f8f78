"""An optional verifier: a chat model behind an OpenAI-compatible endpoint judges the claim.

This is the one module of verification/ that does I/O: it POSTs to `{base_url}/chat/completions`
(Ollama, vLLM, llama.cpp server, ...) through the `requests.Session` it is given, so the caller
owns connection pooling and headers. The model must answer with one JSON object
{"verdict", "confidence", "evidence", "rationale"}; a malformed answer is asked again up to
`retries` times, and a timeout, HTTP error or persistent malformation falls back to
`fallback` (the shipped model by default), saying so in the rationale.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import requests

from service.domain import LABELS, Claim, Evidence, Verdict
from service.verification.rationale import cite
from service.verification.verifier import RuleVerifier, Verifier

log = logging.getLogger(__name__)

SYSTEM = (
    "You are a careful fact-checker. Judge the claim ONLY on the numbered evidence passages. "
    "Compare numbers with their units and tolerance, dates, negations and entities. Answer with "
    'one JSON object and nothing else: {"verdict": one of "supported", "refuted", '
    '"conflicting", "not_enough_evidence", "confidence": a number from 0 to 1, '
    '"evidence": [numbers of the deciding passages], "rationale": one short sentence}. '
    "Say not_enough_evidence when the passages do not bear on the claim."
)
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")
_STANCE = {"supported": "supports", "refuted": "refutes"}


class MalformedAnswer(ValueError):
    """The chat model's answer is not the JSON object asked for."""


class LlmVerifier:
    """Judges a claim by asking a chat model (see the module docstring)."""

    def __init__(
        self,
        http: requests.Session,
        base_url: str,
        model: str,
        timeout: float = 30.0,
        api_key: str = "",
        retries: int = 2,
        fallback: Verifier | None = None,
    ) -> None:
        self.http = http
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.timeout = timeout
        self.api_key = api_key
        self.retries = retries
        self.fallback = fallback or RuleVerifier()

    def judge(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str
    ) -> Verdict:
        """The chat model's verdict, or the fallback's when the model cannot give one."""
        if not evidence:
            return self.fallback.judge(claim, evidence, as_of, checked_at)
        messages = [{"role": "system", "content": SYSTEM},
                    {"role": "user", "content": prompt(claim, evidence, as_of)}]  # fmt: skip
        try:
            answer = self._ask(messages)
        except (requests.RequestException, MalformedAnswer) as error:
            log.warning("LLM judge failed, using the fallback verifier: %s", error)
            verdict = self.fallback.judge(claim, evidence, as_of, checked_at)
            note = f" (The LLM judge was unavailable: {type(error).__name__}.)"
            return replace(verdict, rationale=verdict.rationale + note)
        return _verdict(answer, evidence, as_of, checked_at, self.model)

    def _ask(self, messages: list[dict]) -> dict:
        """POST the chat request; re-ask on a malformed answer, up to `retries` more times."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {"model": self.model, "messages": messages, "temperature": 0,
                "response_format": {"type": "json_object"}}  # fmt: skip
        error: MalformedAnswer | None = None
        for _ in range(self.retries + 1):
            response = self.http.post(self.url, json=body, headers=headers, timeout=self.timeout)
            response.raise_for_status()
            try:
                return parse_answer(response.json()["choices"][0]["message"]["content"])
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                error = MalformedAnswer(str(exc))
        raise error or MalformedAnswer("no answer")


def prompt(claim: Claim, evidence: Sequence[Evidence], as_of: date) -> str:
    """The user message: the claim, the date it is judged at and the numbered passages."""
    lines = [f"Claim: {claim.text}", f"Judge it as of {as_of.isoformat()}.", "Evidence:"]
    for n, ev in enumerate(evidence, start=1):
        title = f" ({ev.title})" if ev.title else ""
        lines.append(f"[{n}]{title} {ev.snippet}")
    return "\n".join(lines)


def parse_answer(content: str) -> dict:
    """The validated answer object; raises ValueError when it is not what was asked for."""
    answer = json.loads(_FENCE.sub("", content.strip()))
    if not isinstance(answer, dict) or answer.get("verdict") not in LABELS:
        raise ValueError(f"no valid verdict in {content[:80]!r}")
    confidence = float(answer.get("confidence", -1))
    if not 0.0 <= confidence <= 1.0:
        raise ValueError(f"confidence out of range in {content[:80]!r}")
    cited = answer.get("evidence", [])
    if not isinstance(cited, list) or not all(isinstance(n, int) for n in cited):
        raise ValueError("evidence must be a list of passage numbers")
    return {**answer, "confidence": confidence, "evidence": cited}


def _verdict(answer: dict, evidence: Sequence[Evidence], as_of: date, checked_at: str,
             model: str) -> Verdict:  # fmt: skip
    label = answer["verdict"]
    cited = [evidence[n - 1] for n in answer["evidence"] if 1 <= n <= len(evidence)]
    stance = _STANCE.get(label, "neutral")
    kept = tuple(replace(ev, stance=stance) for ev in cited)
    named = f" Deciding: {', '.join(cite(ev) for ev in cited)}." if cited else ""
    words = {"not_enough_evidence": "Not enough evidence"}.get(label, label.capitalize())
    rationale = f"{words} (LLM judge {model}): {str(answer.get('rationale', '')).strip()}{named}"
    return Verdict(label, round(answer["confidence"], 3), rationale, as_of.isoformat(),
                   checked_at, kept)  # fmt: skip
