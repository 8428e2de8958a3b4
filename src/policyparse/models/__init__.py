"""The document model: what a parse produces (shared/FACTS.md, contract v1).

Models import nothing else from policyparse; every other layer imports them.
"""

from policyparse.models.document import (
    SCHEMA_VERSION,
    Diagnostic,
    Document,
    Jurisdiction,
    Metadata,
    Section,
    Source,
)
from policyparse.models.facts import FACT_TYPES, Fact, Span

__all__ = [
    "SCHEMA_VERSION",
    "Diagnostic",
    "Document",
    "FACT_TYPES",
    "Fact",
    "Jurisdiction",
    "Metadata",
    "Section",
    "Source",
    "Span",
]
