"""What the OpenAPI document says beyond the schemas' fields: rules across fields, source names."""

from __future__ import annotations

from collections.abc import Iterable

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter


class _Converter(OpenAPIConverter):
    """apispec's converter, plus a schema's `openapi_extra` (e.g. `oneOf` across fields)."""

    def schema2jsonschema(self, schema) -> dict:
        """The JSON Schema of a marshmallow schema, with its extra keywords."""
        jsonschema = super().schema2jsonschema(schema)
        jsonschema.update(getattr(schema, "openapi_extra", {}))
        return jsonschema


class SchemaPlugin(MarshmallowPlugin):
    """The marshmallow plugin with the converter above."""

    Converter = _Converter


def name_sources(spec: APISpec, names: Iterable[str]) -> None:
    """List the configured source names as the only valid `sources` items.

    The names come from configuration, not from the schemas, so they are set once the
    request schemas are in the document: a generated request then names real sources.
    """
    for component in spec.components.schemas.values():
        items = component.get("properties", {}).get("sources", {}).get("items")
        if items is not None:
            items["enum"] = list(names)
