"""Where a heading's title ends.

The contract: a title is the words after the marker up to the first 。 or line end. Two refinements
keep that rule right on real copies: a title also ends where the next heading starts
(``二、重点任务（一）强化…``), and where a web copy lost the line break after a common section title
(``一、总体要求以习近平…`` → ``总体要求``), the title ends after that known title.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from policyparse.resources import read_lines

_TITLE_END = re.compile(r"[。！？\n]")
"""Plain characters: stdlib ``re`` finds them as ``regex`` would, with less overhead a call."""
_TRAILING = "：:；;，,、 \t"
RUN_ON_CHARS = 30
"""A title candidate longer than this may be a heading whose line break was lost."""


@lru_cache(maxsize=1)
def _known_titles() -> regex.Pattern:
    titles = sorted(read_lines("segment", "heading_titles.txt"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(t) for t in titles))


def title_end(text: str, start: int, limit: int) -> int:
    """End offset of the title that starts at ``start``; never beyond ``limit``."""
    m = _TITLE_END.search(text, start, limit)
    end = m.start() if m else limit
    if end - start > RUN_ON_CHARS:
        known = _known_titles().match(text, start, end)
        if known and text[known.end()] not in "及和与、，的":
            end = known.end()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end
