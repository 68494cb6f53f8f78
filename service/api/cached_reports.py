"""POST /v1/checks answered whole from the report cache, before any parsing it does not need."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException

from schemas import ReportSchema
from service import metrics
from service.api.body import read_text
from service.api.formats import render_report, wants_claimreview
from service.checker import CheckOptions
from service.domain import Report
from service.report_cache import ReportCache, as_hit, fingerprint, lifetime, stamp_elapsed
from service.sources.registry import load_sources_file

ENDPOINT = "checks.check_article"
EXTENSION = "report_cache"
X_CACHE = {
    "description": "`hit`: the report was stored whole for an identical earlier request and "
    "is answered from the cache; `miss`: it was computed. `Cache-Control: no-cache` on the "
    "request computes it afresh.",
    "schema": {"type": "string", "enum": ["hit", "miss"]},
}


def init_app(app: Flask) -> None:
    """A report cache beside the verdicts' Redis; none with the memory cache."""
    wiring = app.extensions["factcheck"]
    client = getattr(wiring.cache, "client", None)
    if client is None:
        return
    entries = load_sources_file(wiring.settings.sources_file)
    app.extensions[EXTENSION] = ReportCache(
        client, wiring.settings.cache_prefix, fingerprint(wiring.settings, entries)
    )


def serve_cached():
    """Before the view: the stored answer to an identical request, or None to compute it."""
    reports: ReportCache | None = current_app.extensions.get(EXTENSION)
    if reports is None or request.endpoint != ENDPOINT:
        return None
    if "respond-async" in request.headers.get("Prefer", ""):
        return None
    material = _material()
    if material is None:
        return None  # the view reads the body and answers as it does
    g.report_key = reports.key(material, datetime.now(UTC).date().isoformat())
    g.x_cache = "miss"
    if "no-cache" in request.headers.get("Cache-Control", ""):
        return None
    hit = reports.get(g.report_key)
    metrics.count_report("miss" if hit is None else "hit")
    if hit is None:
        return None
    mimetype, body = hit
    if mimetype == "application/json":
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        body = stamp_elapsed(body, elapsed)
    g.x_cache = "hit"
    return Response(body, mimetype=mimetype)


def remember(report: Report, body: dict, query: dict, options: CheckOptions) -> None:
    """After the view's check: store what an identical request will be answered, if it may be."""
    reports: ReportCache | None = current_app.extensions.get(EXTENSION)
    key = g.get("report_key")
    if reports is None or key is None:
        return
    wiring = current_app.extensions["factcheck"]
    lives = reports.verdict_lives(wiring.checker.verdict_keys(report.claims, options))
    ttl = lifetime(report, lives, wiring.settings, datetime.now(UTC))
    if ttl <= 0:
        return
    hit = as_hit(report)
    if wants_claimreview(query):
        rendered = render_report(hit, body, query)
        reports.put(key, rendered.mimetype, rendered.get_data(), ttl)
    else:
        payload = ReportSchema().dump(hit)
        data = json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n"
        reports.put(key, "application/json", data.encode(), ttl)


def mark(response: Response) -> Response:
    """After the request: X-Cache says whether the report was stored or computed."""
    state = g.get("x_cache")
    if state and response.status_code == 200:
        response.headers["X-Cache"] = state
    return response


def _material() -> dict | None:
    """The request as the view will read it (body, query, format); None if not plainly read."""
    try:
        if request.mimetype == "text/plain":
            body = {"text": read_text(request)}
        elif request.mimetype == "application/json":
            body = json.loads(request.get_data(cache=True))
        else:
            return None
    except (HTTPException, ValueError, RecursionError):
        return None
    if not isinstance(body, dict):
        return None
    query = sorted(request.args.items(multi=True))
    view = "claimreview" if wants_claimreview(dict(request.args)) else "json"
    return {"body": body, "query": query, "view": view}
