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
    """A regex alternation of ``words`` that tries the longest word first, so 及以上 wins over 以上
    (the regex counterpart of :class:`WordSet`).

    Written as a trie (``不(?:低于|少于|超过)|以(?:上|下|内)…``), not as the plain list: a regex engine
    tries a plain alternation word by word at every position it reaches, a trie one character at a
    time. It matches what ``"|".join(longest first)`` matches, in the same order of preference: at
    each node the longer continuations are tried before the word that ends there, and words of one
    length that start alike cannot both match at one position."""
    trie: dict = {}
    for word in words:
        if word:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """The alternation of the words below ``node`` (``""`` marks a word that ends at it)."""
    branches = [regex.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


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
