"""Offset maps: every normalization step says where each output character came from.

An :class:`OffsetMap` maps positions of a step's output text to positions of its input text.
Maps compose, so a span in the final normalized text can always be traced back to the raw text a
loader produced (and from there, through the loader's source map, to a page, paragraph or cell).
"""

from __future__ import annotations

from array import array
from operator import itemgetter
from dataclasses import dataclass
from typing import Callable, Iterable


class OffsetMap:
    """Maps output positions ``0..len(out)`` to input positions.

    ``to_input[j]`` is the input offset of output character ``j``; the extra entry at
    ``len(out)`` is the input length, so half-open spans map cleanly.

    The table is built the first time someone reads it: a parse composes six steps' maps, but only
    a caller that traces spans back to the raw text (the tests, a debugging session) ever reads the
    composed map, so building and gathering tables of every text position on each parse was wasted work.
    """

    __slots__ = ("_to_input", "_build", "_length", "is_identity")

    def __init__(self, to_input: Iterable[int], *, is_identity: bool = False) -> None:
        self._to_input: array | None = array("l", to_input)
        self._build: Callable[[], array] | None = None
        self._length = len(self._to_input) - 1
        self.is_identity = is_identity

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a step that changed nothing: composing with it is free, and its table is
        only built if someone reads it."""
        return cls.deferred(length, lambda: _counting(0, length + 1), is_identity=True)

    @classmethod
    def deferred(cls, length: int, build: Callable[[], array], *, is_identity: bool = False) -> "OffsetMap":
        """The map of an output of ``length`` characters whose table ``build()`` returns when first read."""
        m = cls.__new__(cls)
        m._to_input, m._build, m._length, m.is_identity = None, build, length, is_identity
        return m

    @property
    def to_input(self) -> array:
        if self._to_input is None:
            self._to_input = self._build()
            self._build = None  # let go of what the builder held
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
        return OffsetMap.deferred(later._length, lambda: _gather(self.to_input, later.to_input))


def _gather(mine: array, idx: array) -> array:
    """``mine[i]`` for every ``i`` of ``idx``."""
    if len(idx) == 1:
        return array("l", [mine[idx[0]]])
    return array("l", itemgetter(*idx)(mine))  # one C-level gather instead of a Python loop


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
    pos = 0
    for edit in ordered:
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts.append(text[pos:edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    new_text, length = "".join(parts), len(text)
    return new_text, OffsetMap.deferred(len(new_text), lambda: _edited_table(length, ordered))


def _edited_table(length: int, ordered: list[Edit]) -> array:
    """The table of :func:`apply_edits` for a text of ``length`` characters and its sorted edits."""
    to_input = array("l")
    pos = 0
    for edit in ordered:
        to_input.extend(_counting(pos, edit.start))
        rep = edit.replacement
        if rep:
            if len(rep) == edit.end - edit.start:
                to_input.extend(_counting(edit.start, edit.end))
            else:
                to_input.extend([edit.start] * len(rep))
        pos = edit.end
    to_input.extend(_counting(pos, length + 1))
    return to_input
