"""What an extractor sees: the text, its sections and metadata, and the spans others own.

Extractors run in a fixed order. Those that recognise *containers* — section markers, 文号, 《》
titles, phone numbers, URLs — claim their spans first, so later extractors never read a fact out of
another construct (the year in ``〔2019〕14号``, the ``2019-2022`` inside a 《》 title, a phone read as
money).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from policyparse.models import Fact, Metadata, Section


class Claims:
    """Characters of the text that some construct owns, as a byte mask (fast overlap tests)."""

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any character of ``[start, end)`` is claimed."""
        return self._mask.find(1, start, end) != -1


@dataclass
class Context:
    """The document as the extractors see it."""

    text: str
    sections: list[Section]
    metadata: Metadata
    claims: Claims = field(init=False)

    def __post_init__(self) -> None:
        self.claims = Claims(len(self.text))
        self._ordered = sorted(self.sections, key=lambda s: s.span[0])
        self._by_id = {s.id: s for s in self.sections}
        self._section_starts = [s.span[0] for s in self._ordered]
        for section in self.sections:
            self.claims.add(section.span[0], section.span[0] + len(section.marker))

    def section_id(self, offset: int) -> str | None:
        """Id of the deepest section holding ``offset``."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i >= 0:
            section = self._ordered[i]
            if section.span[0] <= offset < section.span[1]:
                return section.id
            i -= 1
        return None

    def section(self, section_id: str | None) -> Section | None:
        return self._by_id.get(section_id) if section_id is not None else None

    def fact(self, extractor: str, type_: str, value: Any, start: int, end: int, *, role: str | None = None,
             rule: str | None = None, **extras: Any) -> Fact:
        """Build a fact grounded at ``text[start:end]`` inside the current document."""
        return Fact(
            type=type_, value=value, text=self.text[start:end], span=(start, end), section=self.section_id(start),
            role=role, extractor=extractor, rule=rule, **extras,
        )
