"""A fact-checking REST microservice: claims, evidence, verdicts."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def create_app(config: dict[str, Any] | None = None):
    """Build the Flask app: settings, HTTP session, sources, cache and checker, once.

    `config` overrides settings by their lower-case names (see service.config.Settings);
    upper-case keys go to Flask's own config.
    """
    from service.app import build_app

    return build_app(config or {})
