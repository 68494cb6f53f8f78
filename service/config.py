"""Settings: defaults, then FACTCHECK_* environment variables, then explicit overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import requests

from service import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "FACTCHECK_"


@dataclass(frozen=True)
class Settings:
    """Every setting of the service; the README's table lists the same names."""

    redis_url: str = ""  # empty: in-process memory cache
    sources_file: str = str(REPO_ROOT / "sources.yaml")
    source_timeout: float = 5.0  # seconds per source query
    request_timeout: float = 30.0  # seconds for a whole check, all claims
    max_body_bytes: int = 1_000_000
    min_score: float | None = None  # None: the extraction model's own threshold
    max_claims: int = 50
    cache_prefix: str = "factcheck"
    cache_ttl: int = 7 * 24 * 3600  # supported / refuted / conflicting
    cache_ttl_nei: int = 24 * 3600  # not_enough_evidence: evidence may appear later
    cache_ttl_degraded: int = 60  # a verdict reached while some source failed
    contact: str = "https://github.com/factcheck-service/factcheck-service"
    publisher_name: str = "Fact-check service"  # the ClaimReview author
    publisher_url: str = ""
    workers: int = 8  # threads for claims; sources get workers * 4
    job_timeout: int = 300  # seconds a background check may run
    job_result_ttl: int = 24 * 3600  # how long a background check's report is kept
    job_grace: int = 60  # seconds after job_timeout before a dead worker's job is re-run
    batch_max_articles: int = 100  # articles per POST /v1/batches
    webhook_hosts: str = ""  # hostnames batch webhooks may be sent to, comma-separated; empty: off
    webhook_allow_http: bool = False  # also plain http:// webhooks (tests, private networks)
    webhook_timeout: float = 5.0  # seconds per webhook delivery attempt
    log_level: str = "INFO"
    log_format: str = "text"  # text | json
    verifier: str = "default"  # default (ONNX stance model) | rules | nli_dir | llm
    verifier_model_dir: str = ""  # a transformers NLI cross-encoder, for verifier=nli_dir
    llm_url: str = "http://127.0.0.1:11434/v1"  # OpenAI-compatible base URL, for verifier=llm
    llm_model: str = ""  # the chat model's name at that endpoint
    llm_timeout: float = 30.0  # seconds per chat request
    llm_api_key_env: str = ""  # name of the environment variable holding the API key, if any
    api_keys: str = ""  # SHA-256 hex hashes of accepted API keys, comma-separated; empty: off
    api_keys_file: str = ""  # a file of such hashes, one a line, `#` comments
    rate_limit: str = ""  # per key (or client address): COUNT/second|minute|hour|day; empty: off
    metrics_require_key: bool = False  # /metrics needs an API key too (when keys are on)

    @property
    def user_agent(self) -> str:
        """User-Agent in the form Wikimedia's policy asks for."""
        return (
            f"factcheck-service/{__version__} ({self.contact}) "
            f"python-requests/{requests.__version__}"
        )

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
    ) -> Settings:
        """Defaults, then FACTCHECK_* variables from `environ`, then `overrides`."""
        environ = os.environ if environ is None else environ
        settings = cls()
        values: dict[str, Any] = {}
        for field in fields(cls):
            raw = environ.get(ENV_PREFIX + field.name.upper())
            if raw is not None and raw != "":
                values[field.name] = _coerce(field.name, raw, getattr(settings, field.name))
        settings = replace(settings, **values)
        unknown = set(overrides or {}) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(settings, **(overrides or {}))


def _coerce(name: str, raw: str, default: Any) -> Any:
    """Parse an environment string to the type of the setting's default."""
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float) or name == "min_score":
            return float(raw)
    except ValueError as error:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a number") from error
    return raw
