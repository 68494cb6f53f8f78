"""The HTTP API: thin flask-smorest blueprints over the checker."""

from service.api.batches import blp as batches_blp
from service.api.checks import blp as checks_blp
from service.api.claims import blp as claims_blp
from service.api.health import blp as health_blp
from service.api.sources import blp as sources_blp

BLUEPRINTS = (checks_blp, batches_blp, claims_blp, sources_blp, health_blp)
