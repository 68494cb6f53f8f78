"""From a validated request body to the checker's options."""

from flask_smorest import abort

from service.api.body import checker
from service.checker import CheckOptions


def check_options(request: dict) -> CheckOptions:
    """CheckOptions from a request; unknown source names answer 422."""
    sources = request.get("sources")
    if sources is not None:
        unknown = [name for name in sources if name not in checker().sources]
        if unknown:
            known = ", ".join(checker().sources) or "none"
            message = f"Unknown source(s): {', '.join(unknown)}. Configured: {known}."
            abort(422, errors={"sources": [message]})
        sources = tuple(sources)
    return CheckOptions(
        as_of=request.get("published_at"),
        sources=sources,
        min_score=request.get("min_score"),
        max_claims=request.get("max_claims"),
        language=request.get("language"),
    )
