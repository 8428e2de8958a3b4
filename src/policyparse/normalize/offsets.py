"""Offset maps: every normalization step says where each output character came from.

An :class:`OffsetMap` maps positions of a step's output text to positions of its input text.
Maps compose, so a span in the final normalized text can always be traced back to the raw text a
loader produced (and from there, through the loader's source map, to a page, paragraph or cell).
"""

from __future__ import annotations

from array import array
from operator import itemgetter
from dataclasses import dataclass
from typing import Iterable


class OffsetMap:
    """Maps output positions ``0..len(out)`` to input positions.

    ``to_input[j]`` is the input offset of output character ``j``; the extra entry at
    ``len(out)`` is the input length, so half-open spans map cleanly.
    """

    __slots__ = ("_to_input", "_length", "is_identity")

    def __init__(self, to_input: Iterable[int], *, is_identity: bool = False) -> None:
        self._to_input: array | None = array("l", to_input)
        self._length = len(self._to_input) - 1
        self.is_identity = is_identity

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a step that changed nothing: composing with it is free, and its table is
        only built if someone reads it."""
        m = cls.__new__(cls)
        m._to_input, m._length, m.is_identity = None, length, True
        return m

    @property
    def to_input(self) -> array:
        if self._to_input is None:
            self._to_input = _counting(0, self._length + 1)
        return self._to_input

    def __len__(self) -> int:
        return self._length

    def position(self, offset: int) -> int:
        """The input offset of output offset ``offset`` (``len(out)`` maps to the input end)."""
        return self.to_input[offset]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span ``[s, e)`` covering the output span ``[start, end)``."""
        if end <= start:
            p = self.to_input[start]
            return p, p
        return self.to_input[start], self.to_input[end - 1] + 1

    def then(self, later: "OffsetMap") -> "OffsetMap":
        """Compose: ``later`` maps a later step's output onto this map's output."""
        if later.is_identity:
            return self
        if self.is_identity:
            return later
        mine, idx = self.to_input, later.to_input
        if len(idx) == 1:
            return OffsetMap([mine[idx[0]]])
        return OffsetMap(itemgetter(*idx)(mine))  # one C-level gather instead of a Python loop


_COUNTING = array("l")
"""0, 1, 2 …: slices of it are ``range`` runs copied at C speed (grown on demand, doubling)."""


def _counting(start: int, end: int) -> array:
    """``array("l", range(start, end))``, sliced from :data:`_COUNTING`."""
    global _COUNTING
    if end > len(_COUNTING):
        _COUNTING = array("l", range(max(end, 2 * len(_COUNTING))))
    return _COUNTING[start:end]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (empty to delete, start == end to insert)."""

    start: int
    end: int
    replacement: str = ""


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its offset map.

    Characters of a same-length replacement map one to one onto the replaced characters;
    otherwise every replacement character maps to the start of what it replaced.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    if not ordered:
        return text, OffsetMap.identity(len(text))
    parts: list[str] = []
    to_input = array("l")
    pos = 0
    for edit in ordered:
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts.append(text[pos:edit.start])
        to_input.extend(_counting(pos, edit.start))
        rep = edit.replacement
        if rep:
            parts.append(rep)
            if len(rep) == edit.end - edit.start:
                to_input.extend(_counting(edit.start, edit.end))
            else:
                to_input.extend([edit.start] * len(rep))
        pos = edit.end
    parts.append(text[pos:])
    to_input.extend(_counting(pos, len(text) + 1))
    return "".join(parts), OffsetMap(to_input)
