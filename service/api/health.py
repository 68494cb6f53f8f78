"""GET /healthz (liveness) and GET /readyz (readiness)."""

from flask import current_app

from schemas import HealthSchema, ReadinessSchema
from service import __version__
from service.api.body import ApiBlueprint, checker

blp = ApiBlueprint("health", __name__, description="Liveness and readiness.")


@blp.route("/healthz", methods=["GET"])
@blp.response(200, HealthSchema)
def healthz():
    """The process is up."""
    return {"status": "ok", "version": __version__}


@blp.route("/readyz", methods=["GET"])
@blp.response(200, ReadinessSchema)
def readyz():
    """Ready to answer; `degraded` when Redis is unreachable (answers are then uncached)."""
    cache = current_app.extensions["factcheck"].cache
    reachable = cache.ping()
    return {
        "status": "ready" if reachable else "degraded",
        "cache": cache.backend if reachable else "unavailable",
        "sources": len(checker().sources),
    }
