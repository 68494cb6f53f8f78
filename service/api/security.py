"""What the OpenAPI document says about API keys and rate limits, when they are on.

Only what is in force is documented: with keys off, no operation claims to need one (a client,
or schemathesis, would rightly flag an API that ignores the security it declares).
"""

from __future__ import annotations

from apispec import APISpec, BasePlugin

from schemas import ProblemSchema
from service.api.auth import is_open
from service.api.problem import PROBLEM

SCHEMES = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key: `Authorization: Bearer <key>`.",
    },
    "apiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The same API key, in a header of its own.",
    },
}
_TEXT = {"schema": {"type": "string"}}
_SECONDS = {"schema": {"type": "integer", "minimum": 0}}
RESPONSES = {
    "MissingKey": {
        "description": "No API key was sent.",
        "headers": {"WWW-Authenticate": {**_TEXT, "description": "`Bearer`", "required": True}},
    },
    "InvalidKey": {"description": "The API key is not valid."},
    "RateLimited": {
        "description": "Over the rate limit; retry after `Retry-After` seconds.",
        "headers": {
            "Retry-After": {**_SECONDS, "description": "Seconds to wait.", "required": True},
            "RateLimit-Limit": {**_SECONDS, "description": "Requests allowed per window."},
            "RateLimit-Remaining": {**_SECONDS, "description": "Requests left in the window."},
            "RateLimit-Reset": {**_SECONDS, "description": "Seconds until the window ends."},
            "RateLimit-Policy": {**_TEXT, "description": "`COUNT;w=SECONDS`"},
        },
    },
}


class SecurityPlugin(BasePlugin):
    """Adds security schemes, and 401/403/429 answers to every operation that needs a key."""

    def __init__(self, keys: bool, rate_limited: bool) -> None:
        self.keys, self.rate_limited = keys, rate_limited

    def init_spec(self, spec: APISpec) -> None:
        """Register the schemes and responses in force (the marshmallow plugin runs first)."""
        names = []
        if self.keys:
            for name, scheme in SCHEMES.items():
                spec.components.security_scheme(name, scheme)
            names += ["MissingKey", "InvalidKey"]
        if self.rate_limited:
            names.append("RateLimited")
        for name in names:
            body = {"content": {PROBLEM: {"schema": ProblemSchema}}}
            spec.components.response(name, {**RESPONSES[name], **body})

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        """Document the answers of an operation behind the key check and the limit."""
        rule = kwargs.get("rule")
        if not operations or rule is None or is_open(rule.endpoint):
            return
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if self.keys:
                operation["security"] = [{name: []} for name in SCHEMES]
                responses.setdefault("401", "MissingKey")
                responses.setdefault("403", "InvalidKey")
            if self.rate_limited:
                responses.setdefault("429", "RateLimited")
