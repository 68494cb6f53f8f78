"""Request bodies: JSON everywhere, text/plain where a schema names its text field."""

from __future__ import annotations

import flask
from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema
from webargs import core
from webargs.flaskparser import FlaskParser, abort

from service.checker import Checker


class BodyParser(FlaskParser):
    """A JSON parser that answers 415 for other media types and reads text/plain as text."""

    def load_json(self, req: flask.Request, schema: Schema):
        """The body as a dict, or a 415 for a media type the schema cannot take."""
        if req.mimetype == "text/plain":
            field = getattr(schema, "plain_text_field", None)
            if field is None:
                abort(415, message="This endpoint takes application/json.")
            return {field: req.get_data(as_text=True)}
        if not core.is_json(req.mimetype):
            accepted = "application/json"
            if getattr(schema, "plain_text_field", None):
                accepted += " or text/plain"
            abort(415, message=f"Send the body as {accepted}.")
        return super().load_json(req, schema)


class ApiBlueprint(Blueprint):
    """A flask-smorest blueprint whose body parser knows text/plain and answers 415."""

    ARGUMENTS_PARSER = BodyParser()


def checker() -> Checker:
    """The app's checker, built once by create_app."""
    return current_app.extensions["factcheck"].checker
