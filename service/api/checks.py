"""POST /v1/checks (check an article, now or in the background), GET and DELETE
/v1/checks/{id}."""

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
from service.api import cached_reports
from service.api.batches import RETRY_AFTER, retry_after
from service.api.body import ApiBlueprint, checker
from service.api.formats import CLAIMREVIEW_RESPONSE, render_report, wants_claimreview
from service.api.options import check_options
from service.batches import cancel_check as cancel_job
from service.jobs import describe_job, enqueue_check, fetch_job
from service.report_data import report_from_data, request_of

JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what RQ's job ids (UUIDs) look like

blp = ApiBlueprint("checks", __name__, url_prefix="/v1", description="Check articles.")
log = logging.getLogger(__name__)
# An identical check is answered whole from Redis before its body is even validated again.
blp.record_once(lambda state: cached_reports.init_app(state.app))
blp.before_request(cached_reports.serve_cached)
blp.after_request(cached_reports.mark)


@blp.route("/checks", methods=["POST"])
@blp.arguments(CheckRequestSchema)
@blp.arguments(FormatQuerySchema, location="query")
@blp.response(200, ReportSchema, headers={"X-Cache": cached_reports.X_CACHE})
@blp.alt_response(200, **CLAIMREVIEW_RESPONSE)
@blp.alt_response(202, schema=JobSchema, description="Queued (with `Prefer: respond-async`).")
def check_article(body: dict, query: dict):
    """Extract an article's claims and give each a verdict with evidence.

    The body is JSON, or the article itself as `text/plain`. With the header
    `Prefer: respond-async` (and Redis configured) the check runs on a background worker:
    the answer is 202 with a `Location` to poll. With `Accept: application/ld+json` or
    `?format=claimreview` the answer is schema.org ClaimReview JSON-LD, one per claim.
    An identical request (same text, options and format, the same day) is answered from the
    report cache with `X-Cache: hit`; `Cache-Control: no-cache` computes it afresh.
    """
    options = check_options(body)
    if "respond-async" in request.headers.get("Prefer", ""):
        queued = _enqueue(body)
        if queued is not None:
            return queued
    report = checker().check_article(body["text"], options)
    cached_reports.remember(report, body, query, options)
    return render_report(report, body, query)


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


JOB_PROBLEMS = {
    404: "No such background check (or it has expired, or Redis is not configured).",
    503: "The job store (Redis) cannot be reached.",
}


@blp.route("/checks/<string:job_id>", methods=["GET"])
@blp.arguments(FormatQuerySchema, location="query")
@blp.response(200, JobSchema, headers=RETRY_AFTER)
@blp.alt_response(200, **CLAIMREVIEW_RESPONSE)
@blp.problems(JOB_PROBLEMS)
def get_check(query: dict, job_id: str):
    """The state of a background check, with its report once done.

    Once done, `?format=claimreview` (or `Accept: application/ld+json`) answers the report
    as ClaimReview JSON-LD; until then it answers this state, with `Retry-After`.
    """
    job = _job(job_id)
    try:
        described = describe_job(job)
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if described["status"] == "done" and wants_claimreview(query):
        report = report_from_data(described["report"])
        return render_report(report, request_of(job.args[0]), query)
    return described, retry_after(described["status"])


@blp.route("/checks/<string:job_id>", methods=["DELETE"])
@blp.response(200, JobSchema, description="Cancelled (now, or by an earlier DELETE).")
@blp.problems({**JOB_PROBLEMS, 409: "The check has finished: there is nothing to cancel."})
def cancel_check(job_id: str):
    """Cancel a background check: a queued one is dropped, a running one stops at its next
    claim. Cancelling a cancelled check again answers the same; a finished one answers 409."""
    job = _job(job_id)
    try:
        cancelled = cancel_job(job)
        described = describe_job(job)
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if not cancelled:
        abort(409, message=f"Check {job_id} has ended ({described['status']}); its result stays.")
    return described


def _job(job_id: str):
    """The background check with this id, or 404 / 503."""
    queue = current_app.extensions["factcheck"].queue
    if queue is None:
        abort(404, message="Background checks need Redis; none is configured.")
    if not JOB_ID.fullmatch(job_id):
        abort(404, message=f"No background check {job_id!r}.")
    try:
        job = fetch_job(queue, job_id)
    except redis.RedisError:
        abort(503, message="The job store (Redis) cannot be reached; try again shortly.")
    if job is None:
        abort(404, message=f"No background check {job_id!r}; results expire after a day.")
    return job
