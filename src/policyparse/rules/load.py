"""Inputs of ``policyparse rules`` / ``match``: a notice in any format, its parsed JSON, or its rules JSON."""

from __future__ import annotations

from pathlib import Path

from policyparse.inputs import document_from_json, load_document, read_json_file
from policyparse.rules.build import build_rules
from policyparse.rules.model import RuleSet


def load_rules(path: str | Path) -> RuleSet:
    """The rule set of a notice file (parsed here), of a ``policyparse parse`` JSON, or a
    ``<stem>.rules.json`` read back; a JSON file is read once. Raises
    :class:`~policyparse.errors.LoadError` for an unreadable notice and ``ValueError`` for JSON that
    is neither a parsed notice nor a rule set."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return build_rules(load_document(path))
    data = read_json_file(path)
    if isinstance(data, dict) and "applicants" in data and "notice" in data:
        return RuleSet.model_validate(data)
    return build_rules(document_from_json(data, path))
