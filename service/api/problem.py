"""Every error as RFC 9457 application/problem+json, produced in one place."""

from __future__ import annotations

import logging
from http import HTTPStatus

from flask import Response, json
from flask_smorest import Api
from werkzeug.exceptions import HTTPException

from schemas import ProblemSchema

log = logging.getLogger(__name__)

PROBLEM_TYPE = "about:blank"
PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra) -> Response:
    """A problem+json response."""
    body = {"type": PROBLEM_TYPE, "title": title, "status": status, "detail": detail, **extra}
    return Response(json.dumps(body), status=status, mimetype="application/problem+json")


class ProblemApi(Api):
    """flask-smorest's Api with problem+json errors instead of its own error format."""

    def _register_responses(self) -> None:
        """Document every error status (and the default) as problem+json, not as `Error`."""
        for status in HTTPStatus:
            if status >= 400:
                self.spec.components.response(status.name, _documented(status.phrase), lazy=True)
        described = _documented("An error, as RFC 9457 problem details.")
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, described, lazy=True)

    def _register_pagination_header(self) -> None:
        """Nothing is paginated: no `PaginationMetadata` in the document."""

    def handle_http_exception(self, error: HTTPException) -> Response:
        """Turn any HTTP error (webargs' 422 included) into a problem response."""
        data = getattr(error, "data", None) or {}
        extra = {}
        errors = data.get("errors") or data.get("messages")
        if error.code == 422 and errors:
            # webargs nests messages by location; clients care about the fields
            fields = errors.get("json", errors) if isinstance(errors, dict) else errors
            extra["errors"] = _string_keys(fields)
        detail = data.get("message") or _detail(error, "errors" in extra)
        response = problem(error.code or 500, error.name, detail, **extra)
        for name, value in (data.get("headers") or {}).items():
            response.headers[name] = value
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response


def _documented(description: str) -> dict:
    """An OpenAPI response holding a problem+json body."""
    return {"description": description, "content": {PROBLEM: {"schema": ProblemSchema}}}


def _string_keys(value):
    """List positions in marshmallow's messages become "3": JSON keys must be strings."""
    if isinstance(value, dict):
        return {str(key): _string_keys(item) for key, item in value.items()}
    return value


def _detail(error: HTTPException, has_errors: bool) -> str:
    """A human sentence for the error, without internals."""
    if has_errors:
        return "The request has invalid fields; see `errors`."
    if error.code == 500:
        return "An unexpected error occurred; it has been logged."
    cause = getattr(error, "exc", None)
    if error.code == 400 and cause is not None:
        return f"The body is not valid JSON: {getattr(cause, 'msg', cause)}."
    return error.description or error.name
