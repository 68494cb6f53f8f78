"""POST /v1/checks (check an article, now or in the background) and GET /v1/checks/{id}."""

import logging
import re

import redis
from flask import current_app, jsonify, request, url_for
from flask_smorest import abort

from schemas import (
    CheckRequestSchema,
    FormatQuerySchema,
    JobSchema,
    ReportSchema,
)
from service.api.body import ApiBlueprint, checker
from service.api.formats import CLAIMREVIEW_RESPONSE, render_report
from service.api.options import check_options
from service.jobs import describe_job, enqueue_check, fetch_job

JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what RQ's job ids (UUIDs) look like

blp = ApiBlueprint("checks", __name__, url_prefix="/v1", description="Check articles.")
log = logging.getLogger(__name__)


@blp.route("/checks", methods=["POST"])
@blp.arguments(CheckRequestSchema)
@blp.arguments(FormatQuerySchema, location="query")
@blp.response(200, ReportSchema)
@blp.alt_response(200, **CLAIMREVIEW_RESPONSE)
@blp.alt_response(202, schema=JobSchema, description="Queued (with `Prefer: respond-async`).")
def check_article(body: dict, query: dict):
    """Extract an article's claims and give each a verdict with evidence.

    The body is JSON, or the article itself as `text/plain`. With the header
    `Prefer: respond-async` (and Redis configured) the check runs on a background worker:
    the answer is 202 with a `Location` to poll. With `Accept: application/ld+json` or
    `?format=claimreview` the answer is schema.org ClaimReview JSON-LD, one per claim.
    """
    options = check_options(body)
    if "respond-async" in request.headers.get("Prefer", ""):
        queued = _enqueue(body)
        if queued is not None:
            return queued
    return render_report(checker().check_article(body["text"], options), body, query)


def _enqueue(body: dict):
    """Queue the check and answer 202; None when no queue can take it (answer inline)."""
    wiring = current_app.extensions["factcheck"]
    if wiring.queue is None:
        return None
    try:
        job = enqueue_check(wiring.queue, body, wiring.settings)
    except redis.RedisError as error:
        log.warning("queue unavailable, checking inline: %s", error)
        return None
    location = url_for("checks.get_check", job_id=job.id)
    headers = {"Location": location, "Preference-Applied": "respond-async"}
    # A Response of our own: the view's response schema is the 200 report's.
    response = jsonify(JobSchema().dump(describe_job(job)))
    response.status_code = 202
    response.headers.update(headers)
    return response


@blp.route("/checks/<string:job_id>", methods=["GET"])
@blp.response(200, JobSchema)
@blp.problems(
    {
        404: "No such background check (or it has expired, or Redis is not configured).",
        503: "The job store (Redis) cannot be reached.",
    }
)
def get_check(job_id: str):
    """The state of a background check, with its report once done."""
    queue = current_app.extensions["factcheck"].queue
    if queue is None:
        abort(404, message="Background checks need Redis; none is configured.")
    if not JOB_ID.fullmatch(job_id):
        abort(404, message=f"No background check {job_id!r}.")
    try:
        job = fetch_job(queue, job_id)
        described = describe_job(job) if job is not None else None
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if described is None:
        abort(404, message=f"No background check {job_id!r}; results expire after a day.")
    return described
