"""Inputs of ``policyparse rules`` / ``match``: a notice in any format, its parsed JSON, or its rules JSON."""

from __future__ import annotations

import json
from pathlib import Path

from policyparse.rules.build import build_rules
from policyparse.rules.model import RuleSet


def load_rules(path: str | Path) -> RuleSet:
    """The rule set of a notice file (parsed here), of a ``policyparse parse`` JSON, or a
    ``<stem>.rules.json`` read back. Raises :class:`~policyparse.errors.LoadError` for an unreadable
    notice and ``ValueError`` for JSON that is neither a parsed notice nor a rule set."""
    from policyparse.compare.load import load_document

    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ValueError(f"{path}: not a readable JSON file ({err})") from err
        if isinstance(data, dict) and "applicants" in data and "notice" in data:
            return RuleSet.model_validate(data)
    return build_rules(load_document(path))
