"""API keys: clients send a key, the service keeps only SHA-256 hashes of the keys it accepts.

Off unless `api_keys` or `api_keys_file` names at least one hash. The health checks, the
documentation, the web page (its API calls need a key like any other client's) and, unless
`metrics_require_key`, /metrics stay open.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from pathlib import Path

from flask import Flask, Response, g, request

from service.api.problem import problem
from service.config import Settings

EXTENSION = "factcheck.keys"
# Endpoints (Flask's names) anyone may call; everything else is the API and needs a key.
OPEN_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "swagger_static", "static"})
OPEN_BLUEPRINTS = frozenset({"api-docs", "web"})  # /openapi.json, /docs; the page and its assets
METRICS_ENDPOINT = "metrics"
_HASH = re.compile(r"[0-9a-f]{64}")
CHALLENGE = 'Bearer realm="factcheck"'


def hash_key(key: str) -> str:
    """The SHA-256 hex digest of a key, as `api_keys` holds it."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    """A new random key: 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


def load_key_hashes(settings: Settings) -> frozenset[str]:
    """The accepted hashes from `api_keys` (comma-separated) and `api_keys_file` (one a line).

    Anything but a SHA-256 hex digest is refused, so a plain key never ends up in config.
    """
    entries = [(f"FACTCHECK_API_KEYS item {n}", item) for n, item in _items(settings.api_keys)]
    if settings.api_keys_file:
        path = Path(settings.api_keys_file)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            entry = line.split("#", 1)[0].strip()
            if entry:
                entries.append((f"{path}:{number}", entry))
    hashes = set()
    for where, entry in entries:
        if not _HASH.fullmatch(entry.lower()):
            raise ValueError(
                f"{where} is not a SHA-256 hex digest of a key "
                "(make one with `python -m service keys hash`)"
            )
        hashes.add(entry.lower())
    return frozenset(hashes)


def _items(text: str) -> list[tuple[int, str]]:
    """The non-empty comma-separated items of a setting, numbered from 1."""
    items = [item.strip() for item in text.split(",")]
    return [(number, item) for number, item in enumerate(items, 1) if item]


def is_open(endpoint: str | None, metrics_open: bool = True) -> bool:
    """Whether an endpoint is served without a key (and without a rate limit)."""
    if endpoint is None:  # no route matched: the 404 or 405 tells nothing
        return True
    if endpoint == METRICS_ENDPOINT:
        return metrics_open
    return endpoint in OPEN_ENDPOINTS or endpoint.split(".", 1)[0] in OPEN_BLUEPRINTS


def presented_key() -> str:
    """The key of the request: `Authorization: Bearer <key>`, else `X-API-Key`; "" if none."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return request.headers.get("X-API-Key", "").strip()


def matching_hash(key: str, hashes: frozenset[str]) -> str | None:
    """The accepted hash the key matches, or None; every hash is compared in constant time."""
    digest = hash_key(key)
    found = None
    for candidate in hashes:
        if hmac.compare_digest(digest, candidate):
            found = candidate
    return found


def init_app(app: Flask, settings: Settings, hashes: frozenset[str]) -> None:
    """Require one of the keys `hashes` stands for on the API, when there is any."""
    app.extensions[EXTENSION] = hashes
    if not hashes:
        return
    metrics_open = not settings.metrics_require_key

    def require_key() -> Response | None:
        if request.method == "OPTIONS" or is_open(request.endpoint, metrics_open):
            return None
        key = presented_key()
        if not key:
            answer = problem(
                401,
                "Unauthorized",
                "This endpoint needs an API key: send `Authorization: Bearer <key>` "
                "or `X-API-Key: <key>`.",
            )
            answer.headers["WWW-Authenticate"] = CHALLENGE
            return answer
        g.key_hash = matching_hash(key, hashes)
        if g.key_hash is None:
            return problem(403, "Forbidden", "The API key is not valid.")
        return None

    app.before_request(require_key)
