"""RFC 9457 problem details."""

from marshmallow import Schema, fields


class ProblemSchema(Schema):
    """An error answer: application/problem+json."""

    type = fields.String(required=True, metadata={"description": "A URI naming the problem type."})
    title = fields.String(
        required=True, metadata={"description": "A short summary of the problem type."}
    )
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code."})
    detail = fields.String(
        required=True, metadata={"description": "What went wrong with this request."}
    )
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Messages per field, on 422 answers."},
    )
