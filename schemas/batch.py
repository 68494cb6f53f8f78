"""POST /v1/batches and its answers: many articles, each checked as a background job."""

from marshmallow import Schema, fields, validate

from schemas.report import ProgressSchema
from schemas.request import MAX_URL_CHARS, URL, CheckRequestSchema, Text

BATCH_STATUSES = ["queued", "running", "done", "failed", "cancelled", "partial"]
ARTICLE_STATUSES = ["queued", "running", "done", "failed", "cancelled"]
WEBHOOK_STATUSES = ["waiting", "pending", "delivered", "failed"]


class BatchArticleSchema(CheckRequestSchema):
    """One article: a POST /v1/checks body (its options override the batch's), and your id."""

    plain_text_field = None  # JSON only: a batch has no text/plain form

    id = Text(
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Your own id for the article, shown beside its status."},
    )


class BatchRequestSchema(CheckRequestSchema):
    """POST /v1/batches: the articles, options shared by all of them, and a webhook.

    The shared options are those of POST /v1/checks but `text`, `url` and `review_url`,
    which belong to each article.
    """

    plain_text_field = None

    class Meta:
        exclude = ("text", "url", "review_url")

    articles = fields.List(
        fields.Nested(BatchArticleSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={
            "description": "The articles, at most FACTCHECK_BATCH_MAX_ARTICLES (see `maxItems`)."
        },
    )
    webhook = Text(
        validate=[validate.Length(max=MAX_URL_CHARS), URL],
        metadata={
            "description": (
                "A URL POSTed once when the batch finishes, with its id, status and links. "
                "Only https URLs to hosts on the service's allow-list (FACTCHECK_WEBHOOK_HOSTS) "
                "are taken, without credentials; `pattern` states them."
            )
        },
    )


class CountSchema(Schema):
    """How many of a batch's items are finished."""

    done = fields.Integer(metadata={"description": "Finished so far (done, failed, cancelled)."})
    total = fields.Integer()


class BatchProgressSchema(Schema):
    """A batch's progress in articles and in claims."""

    articles = fields.Nested(CountSchema)
    claims = fields.Nested(
        ProgressSchema,
        metadata={
            "description": "Claims judged / claims found, summed over the articles whose claims "
            "are extracted so far: the total grows as articles start."
        },
    )


class BatchArticleStatusSchema(Schema):
    """One article of a batch: its job and how far it has got."""

    index = fields.Integer(metadata={"description": "Position of the article in the request."})
    id = fields.String(
        allow_none=True, metadata={"description": "Your id for it, if you gave one."}
    )
    job_id = fields.String()
    status = fields.String(metadata={"enum": ARTICLE_STATUSES})
    progress = fields.Nested(ProgressSchema, allow_none=True)
    check = fields.String(
        metadata={
            "description": "Its background check: GET it for the report (JSON or ClaimReview)."
        }
    )


class WebhookStatusSchema(Schema):
    """The batch's webhook and how its delivery went."""

    url = fields.String()
    status = fields.String(
        metadata={
            "enum": WEBHOOK_STATUSES,
            "description": "waiting (for the batch to finish), pending (being sent), delivered, "
            "or failed (every attempt; the batch itself is not failed by it).",
        }
    )
    attempts = fields.Integer()
    response_status = fields.Integer(
        allow_none=True, metadata={"description": "The HTTP status of the last attempt's answer."}
    )
    error = fields.String(allow_none=True)


class BatchSchema(Schema):
    """A batch of background checks (POST /v1/batches)."""

    id = fields.String()
    status = fields.String(
        metadata={
            "enum": BATCH_STATUSES,
            "description": "queued, running, then done (every article done), failed (every one "
            "failed), partial (some failed or were cancelled), or cancelled (DELETE).",
        }
    )
    created_at = fields.DateTime()
    progress = fields.Nested(BatchProgressSchema)
    articles = fields.List(fields.Nested(BatchArticleStatusSchema))
    webhook = fields.Nested(WebhookStatusSchema)
