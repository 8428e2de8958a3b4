"""GB/T 9704 heading markers at the start of a line, as layout signals.

Loaders need to know only that a line *starts* a heading (a PDF line that begins with "一、"
starts a new paragraph; the corpus builder gives such lines a heading style). The section tree
itself is built by :mod:`policyparse.segment`, not here.

Levels: 第X章 and 一、 → 1; 第X节, 第X条 and （一） → 2; 1. 1． 1、 → 3; （1） → 4.
"""

from __future__ import annotations

import re

_CN = "[一二三四五六七八九十百零〇两]+"
_NUM = rf"(?:{_CN}|\d+)"

_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"第{_NUM}章")),
    (1, re.compile(rf"{_CN}、")),
    (2, re.compile(rf"第{_NUM}[节条](?![件款])")),
    (2, re.compile(rf"[（(]{_CN}[）)]")),
    (3, re.compile(r"\d{1,2}(?:[.．](?![0-9０-９])|、)")),
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
)

_LEADING_SPACE = " \t\u3000\xa0"


def heading_level(line: str) -> int | None:
    """The GB/T 9704 level of the heading marker that ``line`` starts with, or None."""
    stripped = line.lstrip(_LEADING_SPACE)
    for level, pattern in _LEVELS:
        if pattern.match(stripped):
            return level
    return None


def starts_with_heading(line: str) -> bool:
    """Whether ``line`` begins with a heading marker (一、 （一） 1. （1） 第X章 第X条)."""
    return heading_level(line) is not None
