"""The registry of fact extractors and the loop that runs them over a document."""

from __future__ import annotations

from typing import Callable, Protocol

from policyparse.models import Diagnostic, Fact, Metadata, Section


class Extractor(Protocol):
    """An extractor: a versioned name and a function from the document's text to facts."""

    name: str

    def __call__(self, text: str, sections: list[Section], metadata: Metadata) -> list[Fact]: ...


EXTRACTORS: list[Extractor] = []
"""Extractors in the order they run; later ones may not re-claim an earlier one's span."""


def register(extractor: Callable) -> Callable:
    """Add an extractor to :data:`EXTRACTORS` (used as a decorator by extractor modules)."""
    EXTRACTORS.append(extractor)
    return extractor


def run_extractors(text: str, sections: list[Section], metadata: Metadata) -> tuple[list[Fact], list[Diagnostic]]:
    """Every registered extractor's facts, sorted by position."""
    facts: list[Fact] = []
    diagnostics: list[Diagnostic] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(text, sections, metadata))
    facts.sort(key=lambda f: (f.span[0], f.span[1], f.type))
    return facts, diagnostics
