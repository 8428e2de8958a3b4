"""Remove web-scrape repeats: sentences a scraper copied into the text a second time.

Scrapers of government sites sometimes paste page fragments twice, out of order (seed 001). The
unit of repetition is the sentence (text up to 。！？ or a line end).

Notices also repeat themselves on purpose: parallel condition lists for different applicant types
share whole sentences (seed 000), parallel material lists repeat their items under each applicant
type (``①《申请表（企业）》（附件3）；`` under 重点企业 and again under 新引进企业), and
``（责任单位：市知识产权局）`` follows many tasks. A sentence that opens a line with an enumeration
marker (①, 1., （一）…) is therefore never counted as a repeat. Otherwise a text is
first judged *scraped* only on evidence no author produces: two or more repeated sentences in a
row (a copied passage), or one repeated sentence of ``PARAGRAPH_CHARS`` or more. In a scraped text,
a repeated sentence is dropped when it is at least ``MIN_UNIQUE_CHARS`` long or stands next to
another repeat (short runs such as ``——“一个倍增”。``). In any other text only paragraph-long
repeats are dropped; shorter ones are the notice's own words and stay.
"""

from __future__ import annotations

import re
from itertools import accumulate

import regex

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import Edit, OffsetMap, apply_edits
from policyparse.normalize.step import StepResult
from policyparse.segment.markers import line_marker

MIN_UNIQUE_CHARS = 20
"""In a scraped text, a repeated sentence at least this long (without spaces) is dropped."""

PARAGRAPH_CHARS = 120
"""A repeated sentence this long is a scrape repeat in any text."""

_UNIT = re.compile(r"[^。！？\n]*(?:[。！？]+[”」』）)]?|\n|$)")
"""A sentence: up to 。！？ (with a closing quote or bracket) or a line end. Every position starts a
match, so the matches tile the text. Plain characters only, so stdlib ``re`` reads it as ``regex``
does, and scans it about twice as fast."""
_RESPONSIBILITY = regex.compile(r"^（(?:责任单位|牵头单位|配合单位)[^（）]*）$")


def _units(text: str) -> list[str]:
    """The sentences of ``text`` in order; joined, they give ``text`` back."""
    return [unit for unit in _UNIT.findall(text) if unit]


def _enumerated(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``[start, end)`` opens a line with an enumeration marker."""
    return (start == 0 or text[start - 1] == "\n") and line_marker(text[start:end]) is not None


def remove_scrape_repeats(text: str) -> StepResult:
    """Drop repeated sentences as described in the module docstring."""
    units = _units(text)
    keys = ["".join(unit.split()) for unit in units]  # a sentence's words, without spaces or breaks
    first: dict[str, int] = {}
    seen_before = [i for i, key in enumerate(keys) if key and first.setdefault(key, i) != i]
    if not seen_before:  # most notices: no sentence twice, nothing to drop
        return StepResult(text, OffsetMap.identity(len(text)))
    starts = list(accumulate(map(len, units), initial=0))
    repeated = {
        i for i in seen_before
        if not _enumerated(text, starts[i], starts[i + 1]) and not _RESPONSIBILITY.match(keys[i])
    }
    in_run = {i for i in repeated if i - 1 in repeated or i + 1 in repeated}
    scraped = len(in_run) >= 2 or any(len(keys[i]) >= PARAGRAPH_CHARS for i in repeated)
    drop = [
        i for i in sorted(repeated)
        if len(keys[i]) >= PARAGRAPH_CHARS or (scraped and (len(keys[i]) >= MIN_UNIQUE_CHARS or i in in_run))
    ]
    # keep the line structure: a dropped unit that ended a line leaves its line break behind (what
    # is left is never empty: a repeated unit holds a word)
    edits = [Edit(starts[i], starts[i + 1] - (1 if units[i].endswith("\n") else 0), "") for i in drop]
    new_text, offsets = apply_edits(text, edits)
    diagnostics = []
    if edits:
        removed = sum(e.end - e.start for e in edits)
        sample = "; ".join(text[e.start:e.end][:24] + "…" for e in edits[:3])
        diagnostics.append(
            Diagnostic(
                code="W201",
                message=f"removed {len(edits)} repeated sentence(s), {removed} characters, copied twice by a web scrape (e.g. {sample})",
            )
        )
    return StepResult(new_text, offsets, diagnostics)
