"""Background checks: an RQ queue in Redis, run by `python -m service worker` processes."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import date
from typing import Any

import redis
from rq import Queue, Retry, SimpleWorker, get_current_job
from rq.command import send_stop_job_command
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer

from service.checker import CheckOptions
from service.config import Settings

log = logging.getLogger(__name__)

# A job whose worker died is re-run this many times before it is reported failed.
RETRIES = 2
JOB_BUDGET_SHARE = 0.9  # of job_timeout, for the check itself; the rest stores its report
_STATUS = {
    JobStatus.QUEUED: "queued",
    JobStatus.DEFERRED: "queued",
    JobStatus.SCHEDULED: "queued",
    JobStatus.STARTED: "running",
    JobStatus.FINISHED: "done",
    JobStatus.FAILED: "failed",
    JobStatus.STOPPED: "cancelled",
    JobStatus.CANCELED: "cancelled",
}
FINISHED = {"done", "failed", "cancelled"}
# A field of the job's own Redis hash (RQ keeps fields it does not know): it expires with the
# job, and the worker's own writes to the job (its meta, its status) never overwrite it.
CANCEL_FIELD = "factcheck_cancel"


class CheckCancelled(Exception):
    """Raised in the worker at the next claim boundary of a check whose cancel was asked."""


_wiring = None
_wiring_lock = threading.Lock()


def create_queue(settings: Settings) -> Queue:
    """The checks queue; its jobs and results are JSON, readable by any process."""
    connection = redis.Redis.from_url(
        settings.redis_url, socket_connect_timeout=1.0, socket_timeout=5.0
    )
    name = f"{settings.cache_prefix}.checks"
    return Queue(name, connection=connection, serializer=JSONSerializer)


def enqueue_check(
    queue: Queue, request: dict[str, Any], settings: Settings, pipeline: Any = None
) -> Job:
    """Queue a check of a validated request body; raises redis.RedisError on an outage.

    With a Redis pipeline the job is written when the caller executes it.
    """
    payload = dict(request)
    if isinstance(payload.get("published_at"), date):
        payload["published_at"] = payload["published_at"].isoformat()
    return queue.enqueue(
        run_check,
        payload,
        job_timeout=settings.job_timeout,
        result_ttl=settings.job_result_ttl,
        failure_ttl=settings.job_result_ttl,
        retry=Retry(max=RETRIES),
        pipeline=pipeline,
    )


def fetch_job(queue: Queue, job_id: str) -> Job | None:
    """The job with this id, or None."""
    try:
        return Job.fetch(job_id, connection=queue.connection, serializer=JSONSerializer)
    except NoSuchJobError:
        return None


def describe_job(job: Job) -> dict[str, Any]:
    """The job's state as the API shows it, with the report once done."""
    status = job_status(job)
    described: dict[str, Any] = {
        "id": job.id,
        "status": status,
        "created_at": job.created_at,
        "ended_at": job.ended_at,
        "progress": job.meta.get("progress"),  # claims done / total, once they are extracted
    }
    if status == "done":
        described["report"] = job.return_value()
    elif status == "failed":
        described["error"] = "The check failed; it has been logged."
    return described


def job_status(job: Job, refresh: bool = True) -> str:
    """queued, running, done, failed or cancelled (asked to stop counts as cancelled)."""
    status = _STATUS.get(job.get_status(refresh=refresh), "queued")
    if status in {"running", "failed"} and cancel_requested(job):
        return "cancelled"  # a running check stops at its next claim; a cancelled one may fail
    return status


def cancel_requested(job: Job) -> bool:
    """Whether a cancel of this job was asked for."""
    return bool(job.connection.hexists(job.key, CANCEL_FIELD))


def cancel_job(job: Job) -> bool:
    """Cancel a queued or running job; False when it had already finished.

    A queued job is taken off the queue; a running one is flagged, and its worker stops it
    at the next claim boundary (RQ's stop command marks it stopped, not failed, and it is
    never retried).
    """
    status = job_status(job)
    if status in FINISHED:
        return status == "cancelled"
    job.connection.hset(job.key, CANCEL_FIELD, 1)  # first: it closes every race below
    try:
        if status == "queued":
            job.cancel()
        else:
            send_stop_job_command(job.connection, job.id, serializer=JSONSerializer)
    except (InvalidJobOperation, NoSuchJobError) as error:  # it started, or ended, meanwhile
        log.info("job %s: cancel raced with its worker: %s", job.id, error)
    return True


def run_check(payload: dict[str, Any]) -> dict[str, Any]:
    """The job itself: check the article and return the report as JSON data."""
    from service import batches

    job = get_current_job()
    try:
        report = _check(payload, job)
    except CheckCancelled:
        if job is not None:
            job.retries_left = 0  # a cancelled check is not run again
        batches.record_outcome(payload, job, "cancelled")
        raise
    except Exception:
        if job is None or not job.should_retry:
            batches.record_outcome(payload, job, "failed")
        raise
    batches.record_outcome(payload, job, "done")
    return report


def _check(payload: dict[str, Any], job: Job | None) -> dict[str, Any]:
    """Check the article of a job's payload."""
    from schemas import ReportSchema

    if job is not None and cancel_requested(job):
        raise CheckCancelled(job.id)
    published_at = payload.get("published_at")
    options = CheckOptions(
        as_of=date.fromisoformat(published_at) if published_at else None,
        sources=tuple(payload["sources"]) if payload.get("sources") else None,
        min_score=payload.get("min_score"),
        max_claims=payload.get("max_claims"),
        language=payload.get("language"),
    )
    wiring = _worker_wiring()
    # A background check has the job's time, not a request's: RQ stops it at job_timeout, so
    # the check ends a little before, with the report it has.
    options = replace(options, budget=JOB_BUDGET_SHARE * wiring.settings.job_timeout)
    checker = wiring.checker
    report = checker.check_article(payload["text"], options, _progress_saver(job))
    return ReportSchema().dump(report)


def _progress_saver(job: Job | None):
    """Keeps claims done / total in the job's meta, where describe_job reads it."""
    if job is None:  # run outside a worker
        return None

    def save(done: int, total: int) -> None:
        try:
            cancelled = cancel_requested(job)
        except redis.RedisError:
            cancelled = False
        if cancelled:  # the claims still being judged finish, and their verdicts are cached
            raise CheckCancelled(job.id)
        job.meta["progress"] = {"done": done, "total": total}
        try:
            job.save_meta()
        except redis.RedisError as error:  # progress is a courtesy; the check goes on
            log.warning("job %s: progress not saved: %s", job.id, error)

    return save


def _worker_wiring():
    """Sources, cache and checker, built once per worker process."""
    global _wiring
    with _wiring_lock:
        if _wiring is None:
            from service.app import build_wiring

            _wiring = build_wiring(Settings.load())
        return _wiring


class CheckWorker(SimpleWorker):
    """Runs jobs in its own process (no fork), so the wiring and its thread pools persist.

    A job whose worker died stays in RQ's started registry until its heartbeat expires
    (the job timeout plus `grace` seconds); then any worker's maintenance re-queues it.
    """

    grace = 60

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """The job timeout plus a grace period (RQ's own adds a fixed 60 s)."""
        return int(job.timeout or self.default_worker_ttl) + self.grace

    def _shutdown(self) -> None:
        """Remember a stop request before RQ acts on it: when SIGTERM lands while the idle worker
        is inside a log call, the StopRequested RQ raises from the handler is swallowed by
        logging's error handling, and without the flag the worker would run on until killed."""
        self._stop_requested = True
        super()._shutdown()

    def handle_exception(self, job: Job, *exc_info) -> None:
        """A cancelled check is logged as one line, not as an error with its traceback."""
        if isinstance(exc_info[1], CheckCancelled):
            self.log.info("job %s: cancelled, stopped at a claim boundary", job.id)
            return
        super().handle_exception(job, *exc_info)


def run_worker(settings: Settings, burst: bool = False, maintenance_interval: int = 30) -> None:
    """Work the checks queue until stopped (or until it is empty, with burst)."""
    if not settings.redis_url or settings.redis_url.startswith("memory://"):
        raise ValueError("the worker needs FACTCHECK_REDIS_URL to point at Redis")
    queue = create_queue(settings)
    worker = CheckWorker(
        [queue],
        connection=queue.connection,
        serializer=JSONSerializer,
        maintenance_interval=maintenance_interval,
        worker_ttl=max(maintenance_interval + 15, 16),
    )
    worker.grace = settings.job_grace
    _worker_wiring()
    # No scheduler process: retries here are immediate, and a forked scheduler would outlive
    # a worker that is killed.
    worker.work(burst=burst, with_scheduler=False, logging_level=settings.log_level.upper())
