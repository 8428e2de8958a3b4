"""JSON Schemas of the rules format, the applicant profile and the match output.

Published as ``docs/rules.schema.json``, ``docs/applicant.schema.json`` and
``docs/match.schema.json`` (kept in sync by tests/test_rules.py; regenerate with
``policyparse rules --schema rules|applicant|match``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from policyparse.rules.applicant import ApplicantProfile
from policyparse.rules.match import MatchResult
from policyparse.rules.model import RuleSet

_TITLES = {
    "rules": (RuleSet, "policyparse eligibility rules of one notice (format v1)", "serialization"),
    "applicant": (ApplicantProfile, "policyparse applicant profile", "validation"),
    "match": (MatchResult, "policyparse match result of one notice", "serialization"),
}
SCHEMA_NAMES = tuple(_TITLES)


def schema(name: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``rules``, ``applicant`` or ``match``."""
    model, title, mode = _TITLES[name]
    assert issubclass(model, BaseModel)
    out = model.model_json_schema(mode=mode)
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = title
    return out


def rules_schema() -> dict[str, Any]:
    return schema("rules")
