"""Shared fixtures: the repo's corpora and the shared gold beside the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
SHARED = REPO.parent / "shared"
PROJECT_GOLD = REPO / "gold" / "seeds"
SEED_STEMS = sorted(p.stem for p in CORPORA.glob("*.txt"))


def gold_for(stem: str) -> dict:
    """The project's corrected gold for a seed (falls back to the shared gold)."""
    for folder in (PROJECT_GOLD, SHARED / "gold" / "seeds"):
        path = folder / f"{stem}.gold.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip(f"no gold for {stem}")


@pytest.fixture(params=SEED_STEMS)
def seed_stem(request) -> str:
    return request.param
