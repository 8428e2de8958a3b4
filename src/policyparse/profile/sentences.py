"""Sentence and clause boundaries around a span, for provenance and for reading a fact's context.

A *sentence* ends at 。！？；, a line break or a tab (table cells); the sentence shown for a fact is
capped at 120 characters either side so a run-on scraped paragraph still gives a readable quote.
A *phrase* additionally ends at ，：, the unit in which notices state one condition or amount (the
clause back to 。； is :func:`policyparse.extractors.roles.clause_before`, shared with the extractors).
"""

from __future__ import annotations

import regex

_SENTENCE_END = regex.compile(r"[。！？；;!?\n\t]")
_CLAUSE_END = regex.compile(r"[。！？；;!?\n\t，,：:]")
_CAP = 120


def sentence_around(text: str, start: int, end: int, floor: int = 0) -> tuple[int, int]:
    """``[s0, s1)`` of the sentence holding ``[start, end)``; the closing mark is kept. The
    sentence never starts before ``floor`` (pass the start of the fact's section, so a heading
    run into the previous paragraph by a scrape does not drag that paragraph along)."""
    lo = max(0, floor, start - _CAP)
    s0 = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s0 = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + _CAP))
    s1 = m.end() if m and m.group() not in "\n\t" else (m.start() if m else min(len(text), end + _CAP))
    while s0 < start and text[s0].isspace():
        s0 += 1
    return s0, max(s1, end)


def phrase_before(text: str, start: int) -> str:
    """The words leading up to ``start`` back to the last clause mark (，：。； …)."""
    s0 = max(0, start - 60)
    for m in _CLAUSE_END.finditer(text, s0, start):
        s0 = m.end()
    return text[s0:start]


def clause_after(text: str, end: int) -> str:
    """The words after ``end`` up to the next clause mark."""
    m = _CLAUSE_END.search(text, end, min(len(text), end + 40))
    return text[end:m.start() if m else min(len(text), end + 40)]
