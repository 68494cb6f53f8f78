"""The application's wiring, behind create_app."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, fields
from typing import Any

import requests
import swagger_ui_bundle
from flask import Flask, g, request, send_from_directory
from rq import Queue

from service import __version__, metrics
from service.api import BLUEPRINTS, auth, limits
from service.api.body import BoundedBody
from service.api.openapi import SchemaPlugin, name_sources
from service.api.problem import ProblemApi
from service.api.security import SecurityPlugin
from service.cache import MemoryCache, RedisCache, create_cache
from service.checker import Checker
from service.config import Settings
from service.jobs import create_queue
from service.log import configure_logging
from service.sources.base import Source
from service.sources.registry import build_sources, load_sources_file
from service.sources.response_cache import response_cache_for
from service.verification.choice import build_verifier
from service.web import blp as web_blp

log = logging.getLogger("service.http")


@dataclass
class Wiring:
    """The pieces built once per app and shared by every request."""

    settings: Settings
    http: requests.Session
    sources: dict[str, Source]
    cache: MemoryCache | RedisCache
    checker: Checker
    queue: Queue | None = None  # background checks; only with Redis


def build_wiring(settings: Settings) -> Wiring:
    """Sources, cache and checker from settings; a bad sources file fails here."""
    http = requests.Session()
    http.headers["User-Agent"] = settings.user_agent
    cache = create_cache(settings.redis_url, settings.cache_prefix)
    # Source answers are cached beside the verdicts: the same Redis, or this process's memory.
    responses = response_cache_for(cache, settings.cache_prefix)
    entries = load_sources_file(settings.sources_file)
    sources = build_sources(entries, http, settings.user_agent, responses)
    queue = create_queue(settings) if cache.backend == "redis" else None
    checker = Checker(settings, sources, cache, build_verifier(settings, http))
    return Wiring(settings, http, sources, cache, checker, queue)


def build_app(config: dict[str, Any]) -> Flask:
    """The Flask app with its API, docs and error handling."""
    names = {field.name for field in fields(Settings)}
    settings = Settings.load(overrides={k: v for k, v in config.items() if k in names})
    configure_logging(settings.log_level, settings.log_format)
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        API_TITLE="Fact-check service",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/docs/static/",
    )
    app.config.update({k: v for k, v in config.items() if k not in names})
    wiring = app.extensions["factcheck"] = build_wiring(settings)
    spec_kwargs = {"info": {"description": _DESCRIPTION}, "marshmallow_plugin": SchemaPlugin()}
    key_hashes = auth.load_key_hashes(settings)
    security = SecurityPlugin(keys=bool(key_hashes), rate_limited=bool(settings.rate_limit.strip()))
    spec_kwargs["extra_plugins"] = [security]
    api = ProblemApi(app, spec_kwargs=spec_kwargs)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    name_sources(api.spec, wiring.sources)
    app.wsgi_app = BoundedBody(app.wsgi_app, settings.max_body_bytes)
    app.add_url_rule("/docs/static/<path:filename>", "swagger_static", _swagger_static)
    app.register_blueprint(web_blp)  # the page at /, outside the OpenAPI document
    app.before_request(_start_request)
    app.after_request(_log_request)
    # In this order: a request is timed even when refused, and counted only once its key is known.
    metrics.init_app(app)
    auth.init_app(app, settings, key_hashes)
    limits.init_app(app, settings, getattr(wiring.cache, "client", None))
    return app


_DESCRIPTION = (
    "Extracts the check-worthy claims of an article, consults reference sources and gives each "
    "claim a verdict (supported, refuted, conflicting, not_enough_evidence) with evidence. "
    "Errors are RFC 9457 problem details."
)


def _swagger_static(filename: str):
    """Swagger UI's files from the swagger-ui-bundle package, so /docs works offline."""
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)


def _start_request() -> None:
    """Note the start time and a request id (the client's X-Request-ID if it sent one)."""
    g.started = time.perf_counter()
    g.request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex


def _log_request(response):
    """One log line per request, and the request id echoed back."""
    elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    response.headers["X-Request-ID"] = g.get("request_id", "")
    log.info(
        "%s %s %s %.1fms",
        request.method,
        request.path,
        response.status_code,
        elapsed,
        extra={"request_id": g.get("request_id"), "status": response.status_code},
    )
    return response
