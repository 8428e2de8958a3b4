"""Inputs of ``policyparse compare`` / ``rules`` / ``match``: a notice in any format, or its parsed JSON."""

from __future__ import annotations

import json
from pathlib import Path

from policyparse.models import Document
from policyparse.pipeline import parse_file


def load_document(path: str | Path) -> Document:
    """A parsed notice: ``*.json`` written by ``policyparse parse`` is read back (and validated,
    spans included); any other file is parsed. Raises :class:`~policyparse.errors.LoadError` for
    an unreadable notice and ``ValueError`` for JSON that is not a parsed notice."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ValueError(f"{path}: not a readable JSON file ({err})") from err
        if not isinstance(data, dict) or "text" not in data or "facts" not in data:
            raise ValueError(f"{path}: JSON is not a parsed notice (no text/facts); run `policyparse parse` first")
        return Document.model_validate(data)
    return parse_file(path).document
