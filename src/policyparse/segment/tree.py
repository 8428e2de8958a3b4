"""Build the section tree from heading markers.

A marker is a heading when it starts a line, or — in copies that lost their line breaks — when it
follows the end of a sentence (。！？ or a closing bracket) and fits the numbering that is open
there: a sibling of an open heading of its family, or a child of the innermost open heading. A
marker directly after a short heading title (``二、重点任务（一）…``) opens that heading's first
child. A marker after ：or ；or inside a sentence is a list item of that sentence, not a heading.

Section ids are numbering paths (``二/（一）/3``) so the same clause has the same id across years.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyparse.models import Section
from policyparse.segment.markers import Marker, find_markers
from policyparse.segment.titles import title_end

_SENTENCE_END = "。！？）)】」』”"
_FIRST_CHILD_WINDOW = 20
"""How close after a heading's marker an unpunctuated first child may start."""


@dataclass
class _Open:
    marker: Marker
    id: str


def _line_begin(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_start(text: str, pos: int, line_begin: int) -> bool:
    """Whether only spaces stand between the line's beginning and ``pos``."""
    return line_begin == pos or not text[line_begin:pos].strip()


def _in_table_row(text: str, line_begin: int) -> bool:
    line_end = text.find("\n", line_begin)
    return text.find("\t", line_begin, line_end if line_end >= 0 else len(text)) >= 0


def _follows_sentence(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] in _SENTENCE_END


def _fits_numbering(marker: Marker, stack: list[_Open]) -> bool:
    if any(o.marker.family == marker.family for o in stack):
        return True
    return not stack or marker.family.rank > stack[-1].marker.family.rank


def _first_child_of_title(text: str, marker: Marker, last: Marker | None) -> bool:
    if last is None or marker.family.rank <= last.family.rank or marker.number != 1:
        return False
    between = text[last.end:marker.start]
    return len(between) <= _FIRST_CHILD_WINDOW and not any(c in between for c in "。！？；，\n")


def accept_heading(text: str, marker: Marker, stack: list[_Open], last: Marker | None) -> bool:
    """Whether a marker occurrence opens a section (see the module docstring)."""
    line_begin = _line_begin(text, marker.start)
    if _in_table_row(text, line_begin):
        return False
    if marker.family.name == "attachment":
        return _line_start(text, marker.start, line_begin)
    if _line_start(text, marker.start, line_begin):
        return True
    if _follows_sentence(text, marker.start):
        return _fits_numbering(marker, stack)
    return _first_child_of_title(text, marker, last)


def build_sections(text: str) -> list[Section]:
    """The flat list of sections (parents before children), each with its span and title."""
    accepted: list[tuple[Marker, str, str | None, int]] = []  # marker, id, parent id, level
    stack: list[_Open] = []
    used_ids: dict[str, int] = {}
    last: Marker | None = None
    for marker in find_markers(text):
        if last is not None and marker.start < last.end:
            continue
        if not accept_heading(text, marker, stack, last):
            continue
        while stack and stack[-1].marker.family.rank >= marker.family.rank:
            stack.pop()
        parent = stack[-1].id if stack else None
        section_id = f"{parent}/{marker.id_part}" if parent else marker.id_part
        used_ids[section_id] = used_ids.get(section_id, 0) + 1
        if used_ids[section_id] > 1:
            section_id = f"{section_id}#{used_ids[section_id]}"
        stack.append(_Open(marker, section_id))
        accepted.append((marker, section_id, parent, len(stack)))
        last = marker
    return _with_spans(text, accepted)


def _with_spans(text: str, accepted: list[tuple[Marker, str, str | None, int]]) -> list[Section]:
    sections = []
    n = len(text)
    ends = _section_ends(accepted, n)
    for i, (marker, section_id, parent, level) in enumerate(accepted):
        next_heading = accepted[i + 1][0].start if i + 1 < len(accepted) else n
        t_start = marker.end
        while t_start < n and text[t_start] in " \t\u3000":
            t_start += 1
        t_end = max(t_start, title_end(text, t_start, next_heading))
        sections.append(
            Section(
                id=section_id,
                marker=marker.text,
                level=level,
                title=text[t_start:t_end],
                span=(marker.start, max(ends[i], marker.end)),
                title_span=(t_start, t_end) if t_end > t_start else None,
                parent=parent,
                kind=marker.family.kind,
            )
        )
    return sections


def _section_ends(accepted: list[tuple[Marker, str, str | None, int]], n: int) -> list[int]:
    """Where each section ends: at the next heading of its level or a higher one (a lower level
    number), else at ``n``. One pass with a stack of the sections still open, whose levels rise
    from bottom to top: a heading closes every open section of its level or deeper."""
    ends = [n] * len(accepted)
    open_: list[int] = []
    for i, (marker, _, _, level) in enumerate(accepted):
        while open_ and accepted[open_[-1]][3] >= level:
            ends[open_.pop()] = marker.start
        open_.append(i)
    return ends
