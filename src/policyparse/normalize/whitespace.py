"""Whitespace cleanup: one paragraph per line, no blank lines, no padding inside Chinese words.

- spaces at line ends and line starts go (tabs inside a line stay: they separate table cells);
- blank lines go, so txt, docx and pdf renderings of a notice give the same text;
- spaces between two Han characters go (``周  平`` → ``周平``, ``单  位`` → ``单位``): notices pad
  names and table headings for alignment, and a space never separates Chinese words;
- one space between a Han character and a number of at most five digits goes (``第 1 条``,
  ``不低于200 万元``, ``1MW 及以下``: also after a unit in Latin letters): text copied out of a PDF keeps the line-wrap breaks of the page as spaces;
  a longer number is a phone or an ID, and the space before it separates a name (``李强 83459876``);
  so does a space inside an article number (``第 2 3 条`` → ``第23条``);
- runs of spaces elsewhere shrink to one.
"""

from __future__ import annotations

import regex

from policyparse.normalize.offsets import Edit, apply_edits
from policyparse.normalize.step import StepResult

_SPACES = regex.compile(
    r"(?P<edge>(?m:^[ \t]+|[ \t]+$))"
    r"|(?P<han>(?<=[\p{Han}，。：；、）》”])[ ]+(?=[\p{Han}（《“])"
    r"|(?<=[\p{Han}])[ ](?=\d{1,5}(?![\d-]))|(?<=(?<![\d-])\d{1,5}(?:\.\d+)?(?:[A-Za-z]{1,3})?)[ ](?=[\p{Han}])"
    r"|(?<=第[ ]?\d{1,2})[ ](?=\d{1,2}[ ]?[条章款项])"
    r")"
    r"|(?P<run>[ ]{2,})"
)
_BLANK_LINES = regex.compile(r"\n{2,}")
_REPLACEMENT = {"edge": "", "han": "", "run": " "}


def clean_whitespace(text: str) -> StepResult:
    """Apply the rules above in one pass of edits plus a pass for blank lines."""
    edits = [Edit(m.start(), m.end(), _REPLACEMENT[m.lastgroup]) for m in _SPACES.finditer(text)]
    first, map1 = apply_edits(text, edits)
    lead = len(first) - len(first.lstrip("\n"))
    edits2 = [Edit(m.start(), m.end(), "\n") for m in _BLANK_LINES.finditer(first)]
    if lead:
        edits2 = [e for e in edits2 if e.start >= lead] + [Edit(0, lead, "")]
    stripped_end = len(first.rstrip("\n"))
    if stripped_end < len(first):
        edits2 = [e for e in edits2 if e.end <= stripped_end] + [Edit(stripped_end, len(first), "")]
    second, map2 = apply_edits(first, edits2)
    return StepResult(second, map1.then(map2))
