"""What an HTTP answer means for a source: status, body size, JSON, and retryable failures.

`Retryable` marks a failure another attempt may cure (connection errors, 429, 5xx, a rate-limit
answer inside a 200 such as Wikimedia's `maxlag`), with the wait the server asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import requests

from service.sources.base import SourceError

T = TypeVar("T")
MAX_BYTES = 5_000_000  # an answer larger than this is not a search result
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class Retryable(Exception):
    """A failure another attempt may cure; `wait` is what the server asked for, if anything."""

    def __init__(self, error: SourceError, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


@dataclass(frozen=True)
class Raw:
    """A 200 answer's body and its Retry-After, if any."""

    body: bytes
    retry_after: float | None


def check_status(response: requests.Response, retry_after: float | None) -> None:
    """Raise what a non-200 status calls for; 429 and 5xx are worth another attempt."""
    status = response.status_code
    if status == 200:
        return
    if status == 429:
        error = SourceError("rate_limited", "HTTP 429", retry_after=retry_after)
        raise Retryable(error, retry_after)
    detail = _error_detail(response)
    error = SourceError("error", f"HTTP {status}" + (f": {detail}" if detail else ""))
    if status in RETRY_STATUSES:
        raise Retryable(error, retry_after)
    raise error  # any other 4xx: asking again gets the same answer


def _error_detail(response: requests.Response) -> str:
    """A short reason from a JSON error body (Google's status/reason, MediaWiki's code)."""
    try:
        error = json.loads(response.raw.read(20_000, decode_content=True)).get("error")
    except (ValueError, AttributeError, requests.RequestException, OSError):
        return ""
    if not isinstance(error, dict):
        return ""
    reasons = [
        d.get("reason")
        for d in error.get("details", [])
        if isinstance(d, dict) and isinstance(d.get("reason"), str)
    ]
    parts = [str(error.get("status") or error.get("code") or ""), *reasons]
    return " ".join(dict.fromkeys(p for p in parts if p))[:120]


def read_body(response: requests.Response) -> bytes:
    """The body, at most MAX_BYTES; a connection cut mid-body is worth another attempt."""
    chunks, size = [], 0
    limit = MAX_BYTES  # read at call time, so tests can lower it
    try:
        for chunk in response.iter_content(65_536):
            size += len(chunk)
            if size > limit:
                raise SourceError("bad_payload", f"answer larger than {limit} bytes")
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise Retryable(SourceError("error", f"answer cut short: {type(exc).__name__}")) from None
    return b"".join(chunks)


def parse_json(body: bytes, retry_after: float | None, parse: Callable[[Any], T]) -> T:
    """JSON-decode and parse; a rate-limit answer in a 200 (maxlag) is worth another attempt."""
    try:
        payload = json.loads(body)
    except ValueError:
        raise SourceError("bad_payload", "answer is not JSON") from None
    try:
        return parse(payload)
    except SourceError as exc:
        if exc.kind != "rate_limited":
            raise
        wait = exc.retry_after if retry_after is None else retry_after
        raise Retryable(SourceError("rate_limited", str(exc), retry_after=wait), wait) from None
