"""Which verifier judges claims: the shipped model (default), the rules, or a heavier option.

verifier = "default"  the int8 ONNX stance cross-encoder + rules + calibrated aggregation
verifier = "rules"    the explainable rules alone
verifier = "nli_dir"  a transformers NLI cross-encoder from `verifier_model_dir` (needs torch
                      and transformers installed; never loaded by default)
verifier = "llm"      a chat model behind an OpenAI-compatible endpoint (`llm_url`)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from datetime import date
from typing import Any

import requests

from service.domain import Claim, Evidence, Verdict
from service.verification.aggregate import Aggregator
from service.verification.verifier import ModelVerifier, RuleVerifier, Verifier

VERIFIERS = ("default", "rules", "nli_dir", "llm")


class DefaultVerifier:
    """The shipped stance model, loaded on the first claim (once, even under concurrent calls)."""

    def __init__(self) -> None:
        self._loaded: ModelVerifier | None = None
        self._lock = threading.Lock()

    def judge(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str
    ) -> Verdict:
        """The model verifier's verdict."""
        return self.loaded().judge(claim, evidence, as_of, checked_at)

    def loaded(self) -> ModelVerifier:
        """The ModelVerifier over the shipped ONNX model and its fitted aggregation."""
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = shipped_verifier()
        return self._loaded


def shipped_verifier(aggregation: str = "all") -> ModelVerifier:
    """The shipped model with one of its fitted aggregations ("all", or a cross-fold's name)."""
    from service.verification.stance_model import default_model

    model = default_model()
    fitted = model.meta.get("aggregation", {})
    titles = bool(fitted.get("titles", False))
    return ModelVerifier(model, Aggregator.from_meta(fitted.get(aggregation)), titles)


def build_verifier(settings: Any, http: requests.Session | None = None) -> Verifier:
    """The verifier named by `settings.verifier` (see the module docstring)."""
    kind = settings.verifier
    if kind == "default":
        return DefaultVerifier()
    if kind == "rules":
        return RuleVerifier()
    if kind == "nli_dir":
        from service.verification.nli_transformers import TransformersNli

        scorer = TransformersNli.load(settings.verifier_model_dir)
        return ModelVerifier(scorer, Aggregator.from_meta(None))
    if kind == "llm":
        from service.verification.llm_judge import LlmVerifier

        key = os.environ.get(settings.llm_api_key_env, "") if settings.llm_api_key_env else ""
        return LlmVerifier(http or requests.Session(), settings.llm_url, settings.llm_model,
                           timeout=settings.llm_timeout, api_key=key,
                           fallback=DefaultVerifier())  # fmt: skip
    raise ValueError(f"unknown verifier {kind!r}; expected one of {', '.join(VERIFIERS)}")
