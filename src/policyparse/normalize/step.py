"""The shape every normalization step shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import OffsetMap


@dataclass
class StepResult:
    """A step's output text, the map back to its input, and what it has to say."""

    text: str
    offsets: OffsetMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
