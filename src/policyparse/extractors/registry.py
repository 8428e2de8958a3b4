"""The fact extractors, in the order they run, and the loop that runs them.

Order matters: extractors of containers (文号, 《》 references, contacts) claim their spans before
the numeric and temporal extractors look for values, so nothing is read out of another construct.
Each extractor module exposes ``NAME`` (a versioned name such as ``money.v1``), ``TYPES`` (the fact
types it emits) and ``extract(ctx) -> list[Fact]``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

from policyparse.extractors.context import Context
from policyparse.models import Fact, Metadata, Section

ORDER = (
    "doc_number",
    "reference",
    "contact",
    "temporal",
    "duration",
    "money",
    "percent",
    "ratio",
    "threshold",
    "selection_rule",
    "quota",
    "enumeration",
    "attachment",
)
"""Extractor modules under ``policyparse.extractors``, in run order."""


@lru_cache(maxsize=1)
def extractor_modules() -> tuple[ModuleType, ...]:
    """The extractor modules that exist, imported once, in :data:`ORDER`."""
    modules = []
    for name in ORDER:
        try:
            modules.append(importlib.import_module(f"policyparse.extractors.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"policyparse.extractors.{name}":
                raise
    return tuple(modules)


def run_extractors(text: str, sections: list[Section], metadata: Metadata) -> list[Fact]:
    """Every extractor's facts, sorted by position."""
    ctx = Context(text, list(sections), metadata)
    facts: list[Fact] = []
    for module in extractor_modules():
        facts.extend(module.extract(ctx))
    facts.sort(key=lambda f: (f.span[0], f.span[1], f.type))
    return facts
