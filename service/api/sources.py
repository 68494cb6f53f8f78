"""GET /v1/sources: the configured sources, how they fared lately, their circuit breakers."""

from flask.views import MethodView

from schemas import SourceListSchema
from service.api.body import ApiBlueprint, checker

blp = ApiBlueprint("sources", __name__, url_prefix="/v1", description="Reference sources.")

_HEALTH = {"ok": "ok", "circuit_open": "circuit_open", None: "unknown"}
_BREAKER_STATUS = {"open": "circuit_open", "half_open": "circuit_half_open"}


@blp.route("/sources")
class Sources(MethodView):
    """The configured reference sources."""

    @blp.response(200, SourceListSchema)
    def get(self):
        """List the sources with their type, latest status and circuit breaker."""
        health = checker().source_health
        return {
            "sources": [_info(name, source, health) for name, source in checker().sources.items()]
        }


def _info(name: str, source, health: dict) -> dict:
    """One source's entry; `circuit` appears once its breaker has seen a failure."""
    last = health[name].status if name in health else None
    info = {
        "name": name,
        "type": source.type,
        "status": _HEALTH.get(last, "degraded"),
        "last_status": last,
        "last_latency_ms": health[name].latency_ms if name in health else None,
    }
    breaker = getattr(source, "breaker", None)
    state = breaker.state() if breaker is not None else None
    if state is not None and (state.state != "closed" or state.failures):
        info["status"] = _BREAKER_STATUS.get(state.state, info["status"])
        info["circuit"] = {
            "state": state.state,
            "failures": state.failures,
            "retry_in": state.retry_in,
        }
    return info
