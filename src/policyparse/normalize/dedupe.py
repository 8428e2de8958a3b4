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

import regex

from policyparse.models import Diagnostic
from policyparse.normalize.offsets import Edit, apply_edits
from policyparse.normalize.step import StepResult
from policyparse.segment.markers import line_marker

MIN_UNIQUE_CHARS = 20
"""In a scraped text, a repeated sentence at least this long (without spaces) is dropped."""

PARAGRAPH_CHARS = 120
"""A repeated sentence this long is a scrape repeat in any text."""

_UNIT = regex.compile(r"[^。！？\n]*(?:[。！？]+[”」』）)]?|\n|$)")
_RESPONSIBILITY = regex.compile(r"^（(?:责任单位|牵头单位|配合单位)[^（）]*）$")


def _units(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _UNIT.finditer(text) if m.end() > m.start()]


def _key(chunk: str) -> str:
    return "".join(chunk.split())


def _enumerated(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``[start, end)`` opens a line with an enumeration marker."""
    return (start == 0 or text[start - 1] == "\n") and line_marker(text[start:end]) is not None


def remove_scrape_repeats(text: str) -> StepResult:
    """Drop repeated sentences as described in the module docstring."""
    units = _units(text)
    seen: set[str] = set()
    repeated: list[bool] = []
    lengths: list[int] = []
    for start, end in units:
        key = _key(text[start:end])
        lengths.append(len(key))
        repeated.append(bool(key) and key in seen and not _enumerated(text, start, end) and not _RESPONSIBILITY.match(key))
        if key:
            seen.add(key)
    in_run = [
        repeated[i] and ((i > 0 and repeated[i - 1]) or (i + 1 < len(units) and repeated[i + 1]))
        for i in range(len(units))
    ]
    scraped = sum(in_run) >= 2 or any(r and n >= PARAGRAPH_CHARS for r, n in zip(repeated, lengths))
    drop = [
        repeated[i] and (lengths[i] >= PARAGRAPH_CHARS or (scraped and (lengths[i] >= MIN_UNIQUE_CHARS or in_run[i])))
        for i in range(len(units))
    ]
    edits = [Edit(s, e, "") for (s, e), d in zip(units, drop) if d]
    # keep the line structure: a dropped unit that ended a line leaves its line break behind
    edits = [Edit(e.start, e.end - 1, "") if text[e.end - 1] == "\n" else e for e in edits]
    edits = [e for e in edits if e.end > e.start]
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
