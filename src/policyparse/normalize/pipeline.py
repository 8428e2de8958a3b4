"""The normalization pipeline: raw loader text → one canonical text plus a map back to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from policyparse.models import Diagnostic
from policyparse.normalize.artifacts import remove_artifacts
from policyparse.normalize.dedupe import remove_scrape_repeats
from policyparse.normalize.offsets import OffsetMap
from policyparse.normalize.step import StepResult
from policyparse.normalize.tables import fold_flattened_tables
from policyparse.normalize.whitespace import clean_whitespace
from policyparse.normalize.width import fold_width

Step = Callable[[str], StepResult]

STEPS: tuple[Step, ...] = (
    remove_artifacts,
    fold_width,
    fold_flattened_tables,
    clean_whitespace,
    remove_scrape_repeats,
    clean_whitespace,
)
"""The steps in order; each takes the previous step's text."""


@dataclass
class NormalizedText:
    """The canonical text, the composed map back to the raw text, and the steps' diagnostics."""

    text: str
    to_raw: OffsetMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span a normalized span came from."""
        return self.to_raw.span(start, end)


def normalize(raw: str, steps: tuple[Step, ...] = STEPS) -> NormalizedText:
    """Run every step; diagnostics of later steps carry no spans into earlier texts."""
    text = raw
    to_raw = OffsetMap.identity(len(raw))
    diagnostics: list[Diagnostic] = []
    for step in steps:
        result = step(text)
        to_raw = to_raw.then(result.offsets)
        text = result.text
        diagnostics.extend(result.diagnostics)
    return NormalizedText(text, to_raw, diagnostics)
