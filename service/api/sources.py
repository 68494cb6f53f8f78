"""GET /v1/sources: the configured sources and how they fared lately."""

from flask.views import MethodView

from schemas import SourceListSchema
from service.api.body import ApiBlueprint, checker

blp = ApiBlueprint("sources", __name__, url_prefix="/v1", description="Reference sources.")

_HEALTH = {"ok": "ok", "circuit_open": "circuit_open", None: "unknown"}


@blp.route("/sources")
class Sources(MethodView):
    """The configured reference sources."""

    @blp.response(200, SourceListSchema)
    def get(self):
        """List the sources with their type and latest status."""
        health = checker().source_health
        return {
            "sources": [
                {
                    "name": name,
                    "type": source.type,
                    "status": _HEALTH.get(_last(health, name), "degraded"),
                    "last_status": _last(health, name),
                    "last_latency_ms": health[name].latency_ms if name in health else None,
                }
                for name, source in checker().sources.items()
            ]
        }


def _last(health: dict, name: str) -> str | None:
    """The status of the source's latest query, if any."""
    return health[name].status if name in health else None
