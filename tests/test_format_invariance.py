"""A notice gives the same section tree, metadata and facts whether it comes as txt, docx or pdf."""

from __future__ import annotations

import pytest

from policyparse.pipeline import parse_file
from tests.conftest import CORPORA


def _tree(document) -> list[tuple]:
    return [(s.id, s.marker, s.level, s.title, s.parent, s.kind) for s in document.sections]


def _facts(document) -> list[tuple]:
    return sorted((f.type, f.text, str(f.value_json())) for f in document.facts)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_tree_metadata_and_facts_as_txt(seed_stem: str, fmt: str) -> None:
    txt = parse_file(CORPORA / f"{seed_stem}.txt").document
    other = parse_file(CORPORA / f"{seed_stem}.{fmt}").document
    assert other.source.format == fmt
    assert _tree(other) == _tree(txt)
    assert other.metadata == txt.metadata
    assert _facts(other) == _facts(txt)


def test_facts_are_grounded_and_trimmed(seed_stem: str) -> None:
    """Provenance: every fact's text is its span's text, with no stray whitespace at either end."""
    document = parse_file(CORPORA / f"{seed_stem}.txt").document
    assert document.facts
    for fact in document.facts:
        assert document.text[fact.span[0]:fact.span[1]] == fact.text
        assert fact.text == fact.text.strip(), fact
        assert fact.extractor.endswith(".v1") and fact.rule
