"""Lookups over a document's section tree: by id, children in text order, ancestors, and the
deepest section holding an offset. Shared by the extractors' context, the rules and the profile."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from policyparse.models import Section


class SectionIndex:
    """The section tree of a document: lookup by id, children in text order, deepest section at an offset."""

    def __init__(self, sections: Iterable[Section]) -> None:
        self.ordered = sorted(sections, key=lambda s: s.span[0])
        self.by_id = {s.id: s for s in self.ordered}
        self._starts = [s.span[0] for s in self.ordered]
        self._children: dict[str | None, list[Section]] = {}
        for s in self.ordered:
            self._children.setdefault(s.parent, []).append(s)

    def get(self, section_id: str | None) -> Section | None:
        """The section with this id (None for None or an unknown id)."""
        return self.by_id.get(section_id) if section_id is not None else None

    def at(self, offset: int) -> str | None:
        """Id of the deepest section holding ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            s = self.ordered[i]
            if s.span[0] <= offset < s.span[1]:
                return s.id
            i -= 1
        return None

    def children(self, section_id: str | None) -> list[Section]:
        return self._children.get(section_id, [])

    def ancestors(self, section: Section) -> list[Section]:
        """The section's parents, nearest first."""
        out = []
        parent = self.by_id.get(section.parent) if section.parent else None
        while parent is not None:
            out.append(parent)
            parent = self.by_id.get(parent.parent) if parent.parent else None
        return out

    @staticmethod
    def body_start(section: Section) -> int:
        """Where the section's words begin, after its marker."""
        return section.span[0] + len(section.marker)

    def lead_end(self, section: Section) -> int:
        """End of the section's own words: the start of its first child, or its end."""
        kids = self.children(section.id)
        return kids[0].span[0] if kids else section.span[1]

    def after_title(self, section: Section) -> int:
        """Where the words after the section's heading title begin."""
        if section.title_span is None:
            return self.body_start(section)
        return section.title_span[1]
