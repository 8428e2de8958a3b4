"""Reading a notice's text for rules: the section tree as an index, and sentence/clause pieces.

Pieces are half-open ``(start, end)`` ranges of the document text. Splitting never cuts inside
brackets (``（进入国家阶段的PCT专利申请可按1:2抵算有效发明专利数，子公司专利不得计入…）`` stays
one piece with the clause it qualifies); a line break always ends a piece.
"""

from __future__ import annotations

import bisect

from policyparse.models import Document, Section

OPEN = "（(《“【〔「"
CLOSE = "）)》”】〕」"
SENTENCE_MARKS = "。；;！？!?\n"
CLAUSE_MARKS = SENTENCE_MARKS + "，,：:"
_TRIM = " \t\u3000、，,：:。；;"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding blanks and stray punctuation."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def split(text: str, start: int, end: int, marks: str = CLAUSE_MARKS) -> list[tuple[int, int]]:
    """The non-empty pieces of ``text[start:end]`` between ``marks`` outside brackets."""
    pieces = []
    depth = 0
    s = start
    for i in range(start, end):
        ch = text[i]
        if ch == "\n":
            depth = 0
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif (depth == 0 or ch == "\n") and ch in marks:
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    out = []
    for a, b in pieces:
        a, b = trim(text, a, b)
        if a < b:
            out.append((a, b))
    return out


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return split(text, start, end, SENTENCE_MARKS)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return split(text, start, end, CLAUSE_MARKS)


class SectionIndex:
    """The section tree of a document: lookup by id, children in text order, deepest section at an offset."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.ordered = sorted(document.sections, key=lambda s: s.span[0])
        self.by_id = {s.id: s for s in self.ordered}
        self._starts = [s.span[0] for s in self.ordered]
        self._children: dict[str | None, list[Section]] = {}
        for s in self.ordered:
            self._children.setdefault(s.parent, []).append(s)

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
