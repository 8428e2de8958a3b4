"""The JSON Schema of policyparse's output, with each fact type's ``value`` shape spelled out."""

from __future__ import annotations

from typing import Any

from policyparse.models import Document
from policyparse.models.facts import _VALUE_ADAPTERS


def document_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a parsed document as written by ``policyparse parse``."""
    schema = Document.model_json_schema(mode="serialization")
    defs = schema.setdefault("$defs", {})
    conditions = []
    for fact_type, adapter in _VALUE_ADAPTERS.items():
        value_schema = adapter.json_schema(mode="serialization", ref_template="#/$defs/{model}")
        for name, sub in value_schema.pop("$defs", {}).items():
            defs.setdefault(name, sub)
        conditions.append(
            {"if": {"properties": {"type": {"const": fact_type}}}, "then": {"properties": {"value": value_schema}}}
        )
    defs["Fact"]["allOf"] = conditions
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policyparse document (facts contract v1)"
    return schema


def compare_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``compare.json`` as written by ``policyparse compare``."""
    from policyparse.compare.model import Comparison

    schema = Comparison.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policyparse comparison (compare.json v1)"
    return schema
