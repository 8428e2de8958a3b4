"""Reading a notice's text for rules: sentence and clause pieces (the section tree is :mod:`policyparse.segment.index`).

Pieces are half-open ``(start, end)`` ranges of the document text. Splitting never cuts inside
brackets (``（进入国家阶段的PCT专利申请可按1:2抵算有效发明专利数，子公司专利不得计入…）`` stays
one piece with the clause it qualifies); a line break always ends a piece.
"""

from __future__ import annotations

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
