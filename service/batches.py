"""Batches: many articles, each checked as its own background job, followed as one.

A batch is a Redis hash beside the jobs: its articles (your id, the job's id), its webhook,
and each article's outcome once its job ends. The job that records the last outcome (or the
DELETE that cancels the last queued ones) queues the webhook's delivery, exactly once.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import redis
from rq import Queue, get_current_job
from rq.job import Job
from rq.serializers import JSONSerializer

from service import jobs, webhooks
from service.config import Settings

log = logging.getLogger(__name__)

DEFAULT_TTL = 24 * 3600  # seconds a batch is kept after an article ends, if its job has no TTL

# Record an article's outcome once, and keep the batch as long as its reports; answer 1 when
# it is the batch's last (0 if not, -1 when the outcome was known already or the batch expired).
_RECORD = """
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[1], 'outcome:' .. ARGV[1], ARGV[2]) == 0 then return -1 end
redis.call('EXPIRE', KEYS[1], ARGV[3])
local finished = redis.call('HINCRBY', KEYS[1], 'finished', 1)
if finished == tonumber(redis.call('HGET', KEYS[1], 'total')) then return 1 end
return 0
"""


def batch_key(settings: Settings, batch_id: str) -> str:
    """The Redis key of a batch."""
    return f"{settings.cache_prefix}:batch:{batch_id}"


def create_batch(
    queue: Queue,
    settings: Settings,
    articles: list[dict],
    webhook: str | None,
    link: Callable[[str], str],
) -> str:
    """Queue one check per article and keep the batch, in one transaction; returns its id.

    `link(batch_id)` is the batch's absolute URL, for the webhook's body.
    """
    batch_id = uuid.uuid4().hex
    key = batch_key(settings, batch_id)
    with queue.connection.pipeline() as pipe:
        queued = [
            jobs.enqueue_check(queue, {**article, "batch": key}, settings, pipeline=pipe)
            for article in articles
        ]
        record = {
            "id": batch_id,
            "created_at": datetime.now(UTC).isoformat(),
            "total": len(articles),
            "finished": 0,
            "articles": json.dumps(
                [[a.get("id"), job.id] for a, job in zip(articles, queued, strict=True)]
            ),
            "url": link(batch_id),
            "webhook": webhook or "",
        }
        pipe.hset(key, mapping=record)
        pipe.expire(key, settings.job_result_ttl)
        pipe.execute()
    return batch_id


def describe_batch(
    connection: redis.Redis, key: str, check_url: Callable[[str], str]
) -> dict[str, Any] | None:
    """The batch as the API shows it, or None when there is no such batch."""
    record = _load(connection, key)
    if record is None:
        return None
    articles = _articles(connection, record)
    finished = [a for a in articles if a["status"] in jobs.FINISHED]
    known = [a["progress"] for a in articles if a["progress"]]
    described = {
        "id": record["id"],
        "status": batch_status([a["status"] for a in articles], record.get("cancelled") == "1"),
        "created_at": datetime.fromisoformat(record["created_at"]),
        "progress": {
            "articles": {"done": len(finished), "total": len(articles)},
            "claims": {
                "done": sum(p["done"] for p in known),
                "total": sum(p["total"] for p in known),
            },
        },
        "articles": [{**a, "check": check_url(a["job_id"])} for a in articles],
    }
    if record.get("webhook"):
        outcome = json.loads(record.get("webhook_outcome") or '{"status": "waiting"}')
        described["webhook"] = {"url": record["webhook"], "attempts": 0, **outcome}
    return described


def batch_status(statuses: list[str], cancelled: bool) -> str:
    """queued, running, done, failed, cancelled, or partial (a mixed ending)."""
    if cancelled:
        return "cancelled"
    if not all(status in jobs.FINISHED for status in statuses):
        return "queued" if all(status == "queued" for status in statuses) else "running"
    endings = set(statuses)
    return endings.pop() if len(endings) == 1 else "partial"


def cancel_batch(connection: redis.Redis, key: str) -> str | None:
    """Cancel the batch's unfinished checks: "cancelled" (now or before), "finished", or None
    when there is no such batch. Finished articles keep their reports."""
    record = _load(connection, key)
    if record is None:
        return None
    articles = _articles(connection, record)
    status = batch_status([a["status"] for a in articles], record.get("cancelled") == "1")
    if status != "cancelled" and status in jobs.FINISHED | {"partial"}:
        return "finished"
    connection.hset(key, "cancelled", "1")
    unfinished = [a["job_id"] for a in articles if a["status"] not in jobs.FINISHED]
    for job in Job.fetch_many(unfinished, connection, serializer=JSONSerializer):
        if job is not None:
            cancel_check(job)
    return "cancelled"


def cancel_check(job: Job) -> bool:
    """Cancel one check (of a batch or not); False when it had finished already."""
    queued = jobs.job_status(job) == "queued"
    if not jobs.cancel_job(job):
        return False
    if queued:  # no worker will run it, so none will record its end
        record_outcome(job.args[0], job, "cancelled")
    return True


def record_outcome(payload: dict[str, Any], job: Job | None, outcome: str) -> None:
    """Note how a batch's article ended; the last one queues the webhook. Never raises."""
    key = payload.get("batch")
    if not key or job is None:
        return
    try:
        ttl = job.result_ttl or DEFAULT_TTL
        last = job.connection.register_script(_RECORD)(keys=[key], args=[job.id, outcome, ttl])
        if last == 1:
            _queue_webhook(job.connection, key, job.origin)
    except redis.RedisError as error:
        log.warning("batch %s: outcome of job %s not recorded: %s", key, job.id, error)


def deliver_webhook(key: str) -> dict[str, Any] | None:
    """The webhook job: POST the finished batch's id, status and links to its webhook."""
    connection = get_current_job().connection
    record = _load(connection, key)
    if record is None or not record.get("webhook"):
        return None
    outcomes = [v for k, v in record.items() if k.startswith("outcome:")]
    body = {
        "id": record["id"],
        "status": batch_status(outcomes, record.get("cancelled") == "1"),
        "articles": {status: outcomes.count(status) for status in sorted(set(outcomes))},
        "links": {"self": record["url"]},
    }
    outcome = webhooks.deliver(record["webhook"], body, Settings.load())
    if connection.exists(key):
        connection.hset(key, "webhook_outcome", json.dumps(outcome))
    log.info(
        "batch %s: webhook %s after %d attempt(s)", key, outcome["status"], outcome["attempts"]
    )
    return outcome


def _queue_webhook(connection: redis.Redis, key: str, queue_name: str) -> None:
    """Queue the webhook's delivery, if the batch has one."""
    if not connection.hget(key, "webhook"):
        return
    connection.hset(key, "webhook_outcome", json.dumps({"status": "pending"}))
    queue = Queue(queue_name, connection=connection, serializer=JSONSerializer)
    settings = Settings.load()
    ttl = max(connection.ttl(key), 60)
    queue.enqueue(
        deliver_webhook,
        key,
        job_timeout=int(webhooks.ATTEMPTS * (settings.webhook_timeout + 4 * webhooks.BACKOFF)),
        result_ttl=ttl,
        failure_ttl=ttl,
    )


def _load(connection: redis.Redis, key: str) -> dict[str, str] | None:
    """The batch's hash, decoded; None when missing."""
    raw = connection.hgetall(key)
    if not raw:
        return None
    return {name.decode(): value.decode() for name, value in raw.items()}


def _articles(connection: redis.Redis, record: dict[str, str]) -> list[dict[str, Any]]:
    """Each article: its ids, status (its recorded outcome, else its job's) and progress."""
    pairs = json.loads(record["articles"])
    found = Job.fetch_many([job_id for _, job_id in pairs], connection, serializer=JSONSerializer)
    articles = []
    for index, ((client_id, job_id), job) in enumerate(zip(pairs, found, strict=True)):
        status = record.get(f"outcome:{job_id}")
        if status is None:  # a job gone without an outcome was lost with its worker
            status = jobs.job_status(job, refresh=False) if job is not None else "failed"
        progress = job.meta.get("progress") if job is not None else None
        articles.append(
            {
                "index": index,
                "id": client_id,
                "job_id": job_id,
                "status": status,
                "progress": progress,
            }
        )
    return articles
