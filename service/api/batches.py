"""POST /v1/batches (many articles, checked in the background), GET and DELETE /v1/batches/{id}."""

from __future__ import annotations

import re

import redis
from flask import current_app, url_for
from flask_smorest import abort

from schemas.batch import BatchRequestSchema, BatchSchema
from service import batches, webhooks
from service.api.body import ApiBlueprint, checker

BATCH_ID = re.compile(r"[0-9a-f]{32}")  # uuid4().hex
POLL_SECONDS = 2  # the Retry-After of an unfinished check or batch
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before polling again; sent while queued or running.",
        "schema": {"type": "integer", "minimum": 1},
    }
}
LOCATION = {
    "Location": {"description": "The batch's URL, to poll.", "schema": {"type": "string"}},
    **RETRY_AFTER,
}
NO_QUEUE = {503: "The job store (Redis) cannot be reached, or none is configured."}
UNKNOWN = {404: "No such batch (or it has expired)."}


class BatchBlueprint(ApiBlueprint):
    """Its document states the limits in force: the most articles, the webhook allow-list."""

    def register_views_in_doc(self, api, app, spec, *, name, parameters):
        """Document the views, then the settings' limits in the request schema."""
        super().register_views_in_doc(api, app, spec, name=name, parameters=parameters)
        settings = app.extensions["factcheck"].settings
        properties = spec.components.schemas["BatchRequest"]["properties"]
        properties["articles"]["maxItems"] = settings.batch_max_articles
        pattern = webhooks.url_pattern(settings)
        if pattern is None:  # webhooks are off: any URL would be refused
            del properties["webhook"]
        else:
            properties["webhook"]["pattern"] = pattern


blp = BatchBlueprint(
    "batches", __name__, url_prefix="/v1", description="Check many articles in the background."
)


def retry_after(status: str) -> dict[str, str]:
    """The Retry-After header while a check or batch is unfinished."""
    return {"Retry-After": str(POLL_SECONDS)} if status in {"queued", "running"} else {}


@blp.route("/batches", methods=["POST"])
@blp.arguments(BatchRequestSchema)
@blp.response(202, BatchSchema, headers=LOCATION, description="Queued: poll `Location`.")
@blp.problems(NO_QUEUE)
def create_batch(body: dict):
    """Check many articles, each as its own background check, and follow them as one.

    Options given beside `articles` apply to each article that does not set its own. Each
    article's report is at its `check` URL (JSON, or ClaimReview with `?format=claimreview`).
    With a `webhook`, the batch's id, status and links are POSTed there once it finishes.
    """
    wiring = current_app.extensions["factcheck"]
    articles = _articles(body, wiring.settings)
    webhook = body.get("webhook")
    if webhook is not None and (refusal := webhooks.refusal(webhook, wiring.settings)):
        abort(422, errors={"webhook": [refusal]})
    queue = _queue()
    try:
        batch_id = batches.create_batch(queue, wiring.settings, articles, webhook, _absolute_url)
        described = _describe(batch_id, queue)
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    location = url_for("batches.get_batch", batch_id=batch_id)
    headers = {"Location": location, **retry_after(described["status"])}
    return described, 202, headers


@blp.route("/batches/<string:batch_id>", methods=["GET"])
@blp.response(200, BatchSchema, headers=RETRY_AFTER)
@blp.problems({**UNKNOWN, **NO_QUEUE})
def get_batch(batch_id: str):
    """A batch's status and progress, with each article's status and check URL."""
    described = _found(batch_id)
    return described, retry_after(described["status"])


@blp.route("/batches/<string:batch_id>", methods=["DELETE"])
@blp.response(200, BatchSchema, description="Cancelled (now, or by an earlier DELETE).")
@blp.problems({**UNKNOWN, 409: "The batch has finished: there is nothing to cancel.", **NO_QUEUE})
def cancel_batch(batch_id: str):
    """Cancel a batch: queued articles are dropped, running ones stop at their next claim.

    Articles already finished keep their reports. Cancelling a cancelled batch again answers
    the same; a finished batch answers 409.
    """
    queue = _queue()
    settings = current_app.extensions["factcheck"].settings
    if not BATCH_ID.fullmatch(batch_id):
        abort(404, message=f"No batch {batch_id!r}.")
    try:
        outcome = batches.cancel_batch(queue.connection, batches.batch_key(settings, batch_id))
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if outcome is None:
        abort(404, message=f"No batch {batch_id!r}.")
    if outcome == "finished":
        abort(409, message=f"Batch {batch_id} has finished; its reports are kept.")
    return _found(batch_id)


def _articles(body: dict, settings) -> list[dict]:
    """Each article with the shared options it does not set itself; 422 for too many."""
    shared = {k: v for k, v in body.items() if k not in {"articles", "webhook"}}
    articles = [{**shared, **article} for article in body["articles"]]
    limit = settings.batch_max_articles
    if len(articles) > limit:
        abort(422, errors={"articles": [f"At most {limit} articles per batch."]})
    configured = checker().sources
    for index, article in enumerate(articles):
        unknown = [name for name in article.get("sources") or () if name not in configured]
        if unknown:
            known = ", ".join(configured) or "none"
            message = f"Unknown source(s): {', '.join(unknown)}. Configured: {known}."
            abort(422, errors={"articles": {str(index): {"sources": [message]}}})
    return articles


def _queue():
    """The checks queue; 503 without Redis."""
    queue = current_app.extensions["factcheck"].queue
    if queue is None:
        abort(503, message="Batches need Redis (FACTCHECK_REDIS_URL); none is configured.")
    return queue


def _found(batch_id: str) -> dict:
    """The described batch, or 404 / 503."""
    queue = _queue()
    if not BATCH_ID.fullmatch(batch_id):
        abort(404, message=f"No batch {batch_id!r}.")
    try:
        described = _describe(batch_id, queue)
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if described is None:
        abort(404, message=f"No batch {batch_id!r}; batches expire a day after their last check.")
    return described


def _describe(batch_id: str, queue) -> dict | None:
    """The batch, with each article's check URL."""
    key = batches.batch_key(current_app.extensions["factcheck"].settings, batch_id)
    return batches.describe_batch(
        queue.connection, key, lambda job_id: url_for("checks.get_check", job_id=job_id)
    )


def _absolute_url(batch_id: str) -> str:
    """The batch's absolute URL, for the webhook's links."""
    return url_for("batches.get_batch", batch_id=batch_id, _external=True)
