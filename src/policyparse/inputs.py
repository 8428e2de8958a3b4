"""Inputs of ``policyparse compare`` / ``rules`` / ``match``: a notice in any format, or JSON that
an earlier command wrote (a parsed notice, or a rule set)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policyparse.models import Document
from policyparse.pipeline import parse_file


def read_json_file(path: Path) -> Any:
    """The parsed JSON of ``path``; ``ValueError`` naming the file when it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"{path}: not a readable JSON file ({err})") from err


def document_from_json(data: Any, path: Path) -> Document:
    """A parsed notice read back from ``policyparse parse`` JSON (validated, spans included)."""
    if not isinstance(data, dict) or "text" not in data or "facts" not in data:
        raise ValueError(f"{path}: JSON is not a parsed notice (no text/facts); run `policyparse parse` first")
    return Document.model_validate(data)


def load_document(path: str | Path) -> Document:
    """A parsed notice: ``*.json`` written by ``policyparse parse`` is read back; any other file is
    parsed. Raises :class:`~policyparse.errors.LoadError` for an unreadable notice and
    ``ValueError`` for JSON that is not a parsed notice."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return document_from_json(read_json_file(path), path)
    return parse_file(path).document
