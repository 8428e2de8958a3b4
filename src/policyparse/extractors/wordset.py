"""A lexicon word list that answers "which word starts (or ends) here?", longest word first.

The extractors trim filler words, look-back windows and lead-in words off the ends of a phrase many
times per notice. Testing every word of a list with ``startswith`` costs one call per word; a
:class:`WordSet` looks up one slice per distinct word length instead, longest first, so the answer
is the same as scanning the list sorted longest first.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so 及以上 wins over 以上 (the regex
    counterpart of :class:`WordSet`)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class WordSet:
    """A set of words with their distinct lengths, longest first."""

    __slots__ = ("_words", "_lengths")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        self._lengths = tuple(sorted({len(w) for w in self._words}, reverse=True))

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def prefix(self, text: str, start: int, end: int, min_rest: int = 0) -> int:
        """Length of the longest word at ``text[start:]`` that leaves at least ``min_rest``
        characters before ``end``; 0 when none does."""
        room = end - start - min_rest
        for length in self._lengths:
            if length <= room and text[start:start + length] in self._words:
                return length
        return 0

    def suffix(self, text: str, start: int, end: int, min_rest: int = 0) -> int:
        """Length of the longest word ending at ``end`` that leaves at least ``min_rest``
        characters after ``start``; 0 when none does."""
        room = end - start - min_rest
        for length in self._lengths:
            if length <= room and text[end - length:end] in self._words:
                return length
        return 0
