"""Layout reasoning for PDF text: glyphs → lines, running headers/footers, hard-wrap joins.

Works on pdfplumber character dicts (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``) and
knows nothing about files. All distances are PDF points; "a character" means the median font size
of the body text, the width of one CJK glyph.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from policyparse.segment.markers import line_marker

PAGE_NUMBER = re.compile(
    r"^(?:"
    r"[-—–－~～\s]*[0-9０-９]{1,4}[-—–－~～\s]*"  # 3  -3-  — 3 —
    r"|第\s*[0-9一二三四五六七八九十百]+\s*页"  # 第3页
    r"(?:\s*[,，/、]?\s*共\s*[0-9一二三四五六七八九十百]+\s*页)?"  # 第 3 页 共 10 页
    r"|共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页"
    r"|(?:page\s*)?\d+\s*(?:/|of)\s*\d+"  # 3/10, Page 3 of 10
    r")$",
    re.IGNORECASE,
)
"""A line that is nothing but a page number."""

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running headers/footers."""

EDGE_ZONE = 0.2
"""Share of the page height at the top and at the bottom where headers/footers live."""


@dataclass(eq=False)
class Line:
    """One visual line of a page: body glyphs in reading order, or one table row of cells."""

    page: int
    chars: list[dict]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    page_size: tuple[float, float] = (0.0, 0.0)
    cells: list[list[dict]] | None = None
    text: str = field(init=False)

    def __post_init__(self) -> None:
        source = self.chars if self.cells is None else [c for cell in self.cells for c in cell]
        self.text = "".join(c["text"] for c in source)

    @classmethod
    def from_chars(cls, chars: list[dict], page: int, page_size: tuple[float, float] = (0.0, 0.0)) -> "Line":
        return cls(
            page=page,
            chars=chars,
            top=min(c["top"] for c in chars),
            bottom=max(c["bottom"] for c in chars),
            x0=min(c["x0"] for c in chars),
            x1=max(c["x1"] for c in chars),
            size=statistics.median(c.get("size", 10.0) for c in chars),
            page_size=page_size,
        )

    @classmethod
    def table_row(cls, page: int, cells: list[list[dict]], bbox, page_size: tuple[float, float] = (0.0, 0.0)) -> "Line":
        x0, top, x1, bottom = bbox
        flat = [c for cell in cells for c in cell]
        size = statistics.median(c.get("size", 10.0) for c in flat) if flat else 10.0
        return cls(page=page, chars=flat, top=top, bottom=bottom, x0=x0, x1=x1, size=size, page_size=page_size, cells=cells)


def lines_from_chars(chars: list[dict], page: int, page_size: tuple[float, float] = (0.0, 0.0)) -> list[Line]:
    """Group glyphs into lines by vertical overlap, each line sorted left to right, edge spaces
    dropped. Glyphs whose vertical centres lie within 40 % of the font size share a line."""
    ordered = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    groups: list[list[dict]] = []
    centre = None
    for c in ordered:
        mid = (c["top"] + c["bottom"]) / 2
        if groups and centre is not None and abs(mid - centre) <= 0.4 * max(c.get("size", 10.0), 1.0):
            groups[-1].append(c)
        else:
            groups.append([c])
            centre = mid
    lines = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        while group and group[0]["text"].isspace():
            group.pop(0)
        while group and group[-1]["text"].isspace():
            group.pop()
        if group:
            lines.append(Line.from_chars(group, page, page_size))
    return lines


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and running headers/footers.

    Only the first and last :data:`EDGE_LINES` body lines of a page, lying in the top or bottom
    :data:`EDGE_ZONE` of the page, are candidates. A candidate goes if it is a page number
    (``— 3 —``, ``-3-``, ``第3页``, ``第 3 页 共 10 页``, a lone number) or if the same short text
    (digits ignored) stands at the same height on at least 40 % of the pages (and two or more).
    """
    def candidates(lines: list[Line]) -> list[Line]:
        body = [ln for ln in lines if ln.cells is None]
        edge = body[:EDGE_LINES] + body[-EDGE_LINES:]
        out = []
        for ln in dict.fromkeys(edge):
            h = ln.page_size[1] or max((x.bottom for x in lines), default=0) or 1
            if ln.bottom <= EDGE_ZONE * h or ln.top >= (1 - EDGE_ZONE) * h:
                out.append(ln)
        return out

    def key(line: Line) -> tuple[str, int]:
        return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", line.text)), round(line.top / 3)

    per_page = [candidates(lines) for lines in pages]
    seen: Counter = Counter()
    for cands in per_page:
        seen.update({key(ln) for ln in cands if len(ln.text.strip()) <= 40})
    need = max(2, math.ceil(0.4 * len(pages)))
    result = []
    for lines, cands in zip(pages, per_page):
        drop = {id(ln) for ln in cands if PAGE_NUMBER.match(ln.text.strip()) or seen[key(ln)] >= need}
        result.append([ln for ln in lines if id(ln) not in drop])
    return result


def _edge(values: list[float], outer: int, size: float) -> float | None:
    """The left (``outer=-1``) or right (``outer=+1``) edge of the text block: the outermost position
    shared by several lines (justified text ends there), provided hardly any line sticks out beyond
    it; None when there is no such evidence."""
    bins = Counter(round(v / 2) * 2 for v in values)
    common = [v for v, n in bins.items() if n >= max(2, 0.05 * len(values))]
    if not common:
        return None
    edge = max(common) if outer > 0 else min(common)
    beyond = sum(1 for v in values if (v - edge) * outer > 1.5 * size)
    return edge if beyond <= 0.05 * len(values) else None


def plan_breaks(lines: list[Line]) -> list[str]:
    """The separator between each pair of consecutive lines: "\\n" (new line), "" (hard wrap inside
    CJK text) or " " (hard wrap between Latin words)."""
    body = [ln for ln in lines if ln.cells is None]
    if not body:
        return ["\n"] * max(len(lines) - 1, 0)
    size = statistics.median(ln.size for ln in body)
    left = _edge([ln.x0 for ln in body], -1, size)
    if left is None:
        left = min(ln.x0 for ln in body)
    right = _edge([ln.x1 for ln in body], +1, size)
    if right is None:  # no evidence of a margin: assume it as wide on the right as on the left
        right = max(max(ln.x1 for ln in body), max(ln.page_size[0] for ln in body) - left)
    pitches = [b.top - a.top for a, b in zip(body, body[1:]) if a.page == b.page and 0 < b.top - a.top < 4 * size]
    pitch = statistics.median(pitches) if pitches else 1.5 * size
    seps = []
    for a, b in zip(lines, lines[1:]):
        if _continues(a, b, left=left, right=right, size=size, pitch=pitch):
            seps.append(" " if is_latin(a.text[-1:]) and is_latin(b.text[:1]) else "")
        else:
            seps.append("\n")
    return seps


def _continues(a: Line, b: Line, *, left: float, right: float, size: float, pitch: float) -> bool:
    """Whether line ``b`` continues the paragraph of line ``a`` (a hard wrap, not a paragraph end)."""
    if a.cells is not None or b.cells is not None or not a.text or not b.text:
        return False
    if line_marker(b.text) is not None:
        return False
    if abs(a.size - b.size) > 0.15 * size:
        return False
    if a.page == b.page and b.top - a.top > 1.6 * pitch:
        return False
    if b.page not in (a.page, a.page + 1):
        return False
    if a.size > 1.1 * size and _centred(b, left, right, size) and a.x1 - a.x0 >= (right - left) - 4 * a.size:
        return True  # a wrapped title (larger than the body, centred): the first line fills the width
    if a.x1 < right - 1.5 * size:
        return False  # the line ends short of the margin: the paragraph ends here
    if b.x0 > left + 1.5 * size:
        return False  # the next line is indented: a new paragraph
    return True


def _centred(line: Line, left: float, right: float, size: float) -> bool:
    """A line set in the middle of the text block, away from both margins."""
    return abs((line.x0 - left) - (right - line.x1)) < size and line.x0 - left > size


def is_latin(ch: str) -> bool:
    """An ASCII letter or digit: two of them across a wrap were separated by a space."""
    return ch.isascii() and ch.isalnum()
