"""GET /v1/sources: the configured sources, how they fared lately, their circuit breakers."""

from flask.views import MethodView

from schemas import SourceListSchema
from service.api.body import ApiBlueprint, checker
from service.sources.board import SourceRecord

blp = ApiBlueprint("sources", __name__, url_prefix="/v1", description="Reference sources.")

_HEALTH = {"ok": "ok", "circuit_open": "circuit_open", None: "unknown"}
_BREAKER_STATUS = {"open": "circuit_open", "half_open": "circuit_half_open"}


@blp.route("/sources")
class Sources(MethodView):
    """The configured reference sources."""

    @blp.response(200, SourceListSchema)
    def get(self):
        """List the sources with their type, latest status and circuit breaker."""
        sources = checker().sources
        records = checker().board.read(sources)  # the same in every process, through Redis
        return {"sources": [_info(name, s.type, records[name]) for name, s in sources.items()]}


def _info(name: str, type_: str, record: SourceRecord) -> dict:
    """One source's entry; `circuit` appears once its breaker has seen a failure."""
    info = {
        "name": name,
        "type": type_,
        "status": _HEALTH.get(record.status, "degraded"),
        "last_status": record.status,
        "last_latency_ms": record.latency_ms,
    }
    state = record.circuit
    if state is not None and (state.state != "closed" or state.failures):
        info["status"] = _BREAKER_STATUS.get(state.state, info["status"])
        info["circuit"] = {
            "state": state.state,
            "failures": state.failures,
            "retry_in": state.retry_in,
        }
    return info
