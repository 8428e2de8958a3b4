"""What an extractor sees: the text, its sections and metadata, and the spans others own.

Extractors run in a fixed order. Those that recognise *containers* — section markers, 文号, 《》
titles, phone numbers, URLs — claim their spans first, so later extractors never read a fact out of
another construct (the year in ``〔2019〕14号``, the ``2019-2022`` inside a 《》 title, a phone read as
money).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from policyparse.models import Fact, Metadata, Section
from policyparse.segment.index import SectionIndex
from policyparse.segment.markers import glued_item_markers


class Claims:
    """Characters of the text that some construct owns, as a byte mask (fast overlap tests)."""

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any character of ``[start, end)`` is claimed."""
        return self._mask.find(1, start, end) != -1

    def last(self, start: int, end: int) -> int:
        """The last claimed character of ``[start, end)``, or -1 when none is."""
        return self._mask.rfind(1, start, end)


@dataclass
class Context:
    """The document as the extractors see it."""

    text: str
    sections: list[Section]
    metadata: Metadata
    claims: Claims = field(init=False)
    memo: dict = field(init=False, default_factory=dict)
    """Per-document results an extractor computes once and looks up again (keyed by the extractor)."""

    def __post_init__(self) -> None:
        self.claims = Claims(len(self.text))
        self._index = SectionIndex(self.sections)
        for section in self.sections:
            self.claims.add(section.span[0], section.span[0] + len(section.marker))
        self.glued_markers = {start: end for start, end in glued_item_markers(self.text)}
        """List markers run into a number (``1.60平方米以下``): marker start → where the number starts."""
        for start, end in self.glued_markers.items():
            self.claims.add(start, end)

    @cached_property
    def unglued_text(self) -> str:
        """The text with every glued list marker blanked (same length, so offsets hold): a scan reads
        ``5.2017年12月`` as item 5 and a month, not as the number 5.2017."""
        text = self.text
        for start, end in self.glued_markers.items():
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def section_id(self, offset: int) -> str | None:
        """Id of the deepest section holding ``offset``."""
        return self._index.at(offset)

    def section(self, section_id: str | None) -> Section | None:
        return self._index.get(section_id)

    def children(self, section_id: str | None) -> list[Section]:
        """The child sections of ``section_id``, in text order."""
        return self._index.children(section_id)

    def after_title(self, section: Section) -> int:
        """Where the words after the section's heading title begin."""
        return self._index.after_title(section)

    def fact(self, extractor: str, type_: str, value: Any, start: int, end: int, *, role: str | None = None,
             rule: str | None = None, **extras: Any) -> Fact:
        """Build a fact grounded at ``text[start:end]`` inside the current document."""
        return Fact(
            type=type_, value=value, text=self.text[start:end], span=(start, end), section=self.section_id(start),
            role=role, extractor=extractor, rule=rule, **extras,
        )
