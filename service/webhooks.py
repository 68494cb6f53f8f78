"""Completion webhooks: which URLs are allowed, and their delivery from a worker."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import requests

from service.config import Settings

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF = 1.0  # seconds before the second attempt, doubled before each next one
_NOT_SPACE = r"[^ \t\n\r\f\v]"


def allowed_hosts(settings: Settings) -> list[str]:
    """The allow-list: hostnames (or IP addresses) a webhook may be sent to."""
    return [host.strip().lower() for host in settings.webhook_hosts.split(",") if host.strip()]


def url_pattern(settings: Settings) -> str | None:
    """The regular expression a webhook URL must match; None when webhooks are off.

    The host is matched as written, right after the scheme: no user or password can come
    before it (`https://allowed@elsewhere/`), and nothing is resolved.
    """
    hosts = allowed_hosts(settings)
    if not hosts:
        return None
    scheme = "https?" if settings.webhook_allow_http else "https"
    names = "|".join(re.sub(r"([.\[\]])", r"\\\1", host) for host in hosts)
    return f"^{scheme}://(?:{names})(?::[0-9]{{1,5}})?(?:[/?#]{_NOT_SPACE}*)?$"


def refusal(url: str, settings: Settings) -> str | None:
    """Why a webhook URL is refused (naming the allow-list), or None if it is taken."""
    pattern = url_pattern(settings)
    if pattern is None:
        return "Webhooks are off: the service allows no host (FACTCHECK_WEBHOOK_HOSTS is empty)."
    if re.search(pattern.removesuffix("$") + r"\Z", url):
        return None
    scheme = "http(s)" if settings.webhook_allow_http else "https"
    hosts = ", ".join(allowed_hosts(settings))
    return (
        f"Webhooks must be {scheme} URLs, without credentials, to a host on the allow-list "
        f"(FACTCHECK_WEBHOOK_HOSTS): {hosts}."
    )


def deliver(url: str, body: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """POST the body, retrying a few times; the outcome as the batch shows it, never raised."""
    outcome: dict[str, Any] = {"status": "failed", "attempts": 0}
    with requests.Session() as http:
        http.headers["User-Agent"] = settings.user_agent
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(BACKOFF * 2 ** (attempt - 1))
            outcome["attempts"] = attempt + 1
            try:
                # No redirects: one could lead off the allow-list.
                response = http.post(
                    url, json=body, timeout=settings.webhook_timeout, allow_redirects=False
                )
            except requests.RequestException as error:
                outcome.update(response_status=None, error=type(error).__name__)
                log.warning("webhook %s: attempt %d failed: %s", url, attempt + 1, error)
                continue
            status = response.status_code
            outcome.update(response_status=status, error=None)
            if 200 <= status < 300:
                outcome["status"] = "delivered"
                return outcome
            outcome["error"] = f"HTTP {status}"
            log.warning("webhook %s: attempt %d answered %s", url, attempt + 1, status)
            if status < 500 and status not in (408, 429):  # the receiver's refusal stands
                break
    return outcome
