"""Request bodies: JSON everywhere, text/plain where a schema names its text field."""

from __future__ import annotations

import codecs
import io
import json

import flask
from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema
from webargs import core
from webargs.flaskparser import FlaskParser, abort

from schemas import ProblemSchema
from schemas.request import NOT_BLANK
from service.api.problem import PROBLEM, problem
from service.checker import Checker

# Python codecs that are no charset a client means: escapes, IDNA, and one that always fails.
NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"}

BODY_PROBLEMS = {
    400: "The body is not valid JSON, or not text in its declared charset.",
    413: "The body is over the configured limit.",
    415: "The body is not in a media type (or charset) the endpoint takes.",
}


class BodyParser(FlaskParser):
    """A JSON parser that answers 415 for other media types and reads text/plain as text."""

    def load_json(self, req: flask.Request, schema: Schema):
        """The body as a dict, or a 415 for a media type the schema cannot take."""
        if req.mimetype == "text/plain":
            field = getattr(schema, "plain_text_field", None)
            if field is None:
                abort(415, message="This endpoint takes application/json.")
            return {field: read_text(req)}
        if not core.is_json(req.mimetype):
            accepted = "application/json"
            if getattr(schema, "plain_text_field", None):
                accepted += " or text/plain"
            abort(415, message=f"Send the body as {accepted}.")
        return super().load_json(req, schema)

    def _raw_load_json(self, req: flask.Request):
        """The parsed JSON; JSON that Python cannot hold (nesting, huge numbers) is a 400."""
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise  # webargs answers it
        except RecursionError:
            abort(400, message="The body's JSON cannot be read: it is nested too deeply.")
        except ValueError:  # the decoder's only other complaint: an integer of 4,300+ digits
            abort(400, message="The body's JSON cannot be read: a number in it is too long.")


def read_text(req: flask.Request) -> str:
    """A text/plain body decoded by its charset (UTF-8 by default), never with replacements."""
    charset = req.mimetype_params.get("charset", "utf-8")
    unknown = f"Unknown charset {charset[:40]!r}; send UTF-8 or a standard charset."
    try:
        codec = codecs.lookup(charset)
    except (LookupError, ValueError):
        abort(415, message=unknown)
    if codec.name in NOT_CHARSETS:
        abort(415, message=unknown)
    try:
        return req.get_data().decode(codec.name)
    except LookupError:  # a codec of bytes to bytes, such as base64
        abort(415, message=unknown)
    except (UnicodeError, ValueError):
        abort(400, message=f"The body is not valid {codec.name} text.")


class ApiBlueprint(Blueprint):
    """A flask-smorest blueprint whose body parser knows text/plain and answers 415.

    A body's arguments also document its problem answers (400, 413, 415) and, when the
    schema takes text/plain, that media type.
    """

    ARGUMENTS_PARSER = BodyParser()

    def arguments(self, schema, *, location: str = "json", **kwargs):
        """flask-smorest's `arguments`, documenting what a body brings with it."""
        parse = super().arguments(schema, location=location, **kwargs)
        if location != "json":
            return parse
        documents = [self.problems(BODY_PROBLEMS)]
        if getattr(schema, "plain_text_field", None):
            plain = {
                "type": "string",
                "pattern": NOT_BLANK.regex.pattern,
                "description": _PLAIN_TEXT,
            }
            body = {"content": {"text/plain": {"schema": plain}}}
            documents.append(self.doc(requestBody=body))

        def decorator(view):
            view = parse(view)
            for document in documents:
                view = document(view)
            return view

        return decorator

    def problems(self, responses: dict[int, str]):
        """Document problem+json answers of a view, by status."""

        def decorator(view):
            for status, description in responses.items():
                document = self.alt_response(
                    status, schema=ProblemSchema, content_type=PROBLEM, description=description
                )
                view = document(view)
            return view

        return decorator


_PLAIN_TEXT = "The text itself, in UTF-8 unless the `charset` parameter names another."


class BoundedBody:
    """WSGI middleware: a chunked body is read up to the limit, then given a Content-Length.

    Flask sees no length for a chunked body, and werkzeug then cuts it at the limit silently:
    the view would read a truncated text and answer 400 or 422. Read one byte past the limit
    instead and pass the body on with its length, so that an oversized one gets 413.
    """

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    def __call__(self, environ: dict, start_response):
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            try:
                body = environ["wsgi.input"].read(self.limit + 1)
            except (OSError, ValueError):  # a malformed chunk, a client gone
                answer = problem(400, "Bad Request", "The chunked body could not be read.")
                return answer(environ, start_response)
            del environ["HTTP_TRANSFER_ENCODING"]  # the body is whole and its length known
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)


def checker() -> Checker:
    """The app's checker, built once by create_app."""
    return current_app.extensions["factcheck"].checker
