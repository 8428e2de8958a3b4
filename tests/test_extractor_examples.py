"""Examples are tests: every extractor's ``examples.jsonl`` and ``negative.jsonl`` under ``extractors/``.

An example gives a text and exactly the facts (of the extractor's types) it must yield — nothing
extra. A negative gives a text that must yield no fact of the extractor's types (or of the types
it names). An example with ``"xfail": "reason"`` is a known failure, strict: it must keep failing
until fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse.extractors.registry import ORDER, extractor_modules
from policyparse.pipeline import parse_text

DATA = Path(__file__).resolve().parent.parent / "extractors"
NON_EXTRACTOR_DATA = {
    "segment": "policyparse.segment",
    "jurisdiction": "policyparse.metadata.jurisdiction",
    "metrics": "policyparse.metrics",
    "rules": "policyparse.rules",
}
"""Data folders that belong to pipeline stages other than fact extraction."""

MODULES = {m.__name__.rsplit(".", 1)[1]: m for m in extractor_modules()}


def _rows(name: str, kind: str) -> list:
    path = DATA / name / f"{kind}.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    params = []
    for i, row in enumerate(rows):
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        params.append(pytest.param(name, row, id=f"{name}-{kind}-{i}", marks=marks))
    return params


def _key(fact: dict) -> tuple:
    return fact["type"], json.dumps(fact["value"], ensure_ascii=False, sort_keys=True), fact["text"]


EXAMPLES = [p for name in MODULES for p in _rows(name, "examples")]
NEGATIVES = [p for name in MODULES for p in _rows(name, "negative")]


@pytest.mark.parametrize("name,row", EXAMPLES)
def test_example(name: str, row: dict) -> None:
    module = MODULES[name]
    document = parse_text(row["text"])
    got = [f.model_dump(mode="json") for f in document.facts if f.type in module.TYPES]
    expected = row["facts"]
    assert sorted(map(_key, got)) == sorted(map(_key, expected))
    for want in expected:
        if "role" in want:
            match = [g for g in got if _key(g) == _key(want)]
            assert any(g.get("role") == want["role"] for g in match), (want, match)
        for extra in ("kind", "year_inferred", "area_code_inferred"):
            if extra in want:
                match = [g for g in got if _key(g) == _key(want)]
                assert any(g.get(extra) == want[extra] for g in match), (extra, want, match)


@pytest.mark.parametrize("name,row", NEGATIVES)
def test_negative(name: str, row: dict) -> None:
    types = tuple(row.get("types", MODULES[name].TYPES))
    document = parse_text(row["text"])
    assert [f.text for f in document.facts if f.type in types] == []


def test_every_extractor_has_examples_and_negatives() -> None:
    for name in MODULES:
        assert (DATA / name / "examples.jsonl").exists(), name
        assert (DATA / name / "negative.jsonl").exists(), name


def test_no_orphan_data_folder() -> None:
    for folder in DATA.iterdir():
        if folder.is_dir() and not folder.name.startswith((".", "_")):
            assert folder.name in ORDER or folder.name in NON_EXTRACTOR_DATA, f"extractors/{folder.name} has no module"


def test_no_orphan_module() -> None:
    src = Path(__file__).resolve().parent.parent / "src" / "policyparse" / "extractors"
    infrastructure = {"__init__", "registry", "context", "roles", "wordset"}
    for module in src.glob("*.py"):
        if module.stem not in infrastructure:
            assert module.stem in ORDER, f"{module.name} is not in the registry ORDER"
            assert (DATA / module.stem).is_dir(), f"{module.name} has no data folder extractors/{module.stem}"
