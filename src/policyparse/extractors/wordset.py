"""A lexicon word list that answers "which word starts (or ends) here?", longest word first.

The extractors trim filler words, look-back windows and lead-in words off the ends of a phrase many
times per notice. Testing every word of a list with ``startswith`` costs one call per word; a
:class:`WordSet` looks up the character at the edge, then one slice per distinct length of the
words that start (end) with it, longest first, so the answer is the same as scanning the list sorted
longest first.
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
    """A set of words with the lengths of the words that start (end) with each character, longest first.

    Looking up the character at the edge first answers most questions (no word starts there) with one
    dictionary lookup; otherwise only the lengths of the words that start (end) with that character
    are tried, longest first, so the answer is the one of the list sorted longest first."""

    __slots__ = ("_words", "_by_first", "_by_last")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        self._by_first = _lengths_by(self._words, 0)
        self._by_last = _lengths_by(self._words, -1)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def prefix(self, text: str, start: int, end: int, min_rest: int = 0) -> int:
        """Length of the longest word at ``text[start:]`` that leaves at least ``min_rest``
        characters before ``end`` (``end <= len(text)``); 0 when none does."""
        room = end - start - min_rest
        if room <= 0:
            return 0
        for length in self._by_first.get(text[start], ()):
            if length <= room and text[start:start + length] in self._words:
                return length
        return 0

    def suffix(self, text: str, start: int, end: int, min_rest: int = 0) -> int:
        """Length of the longest word ending at ``end`` (``end <= len(text)``) that leaves at least
        ``min_rest`` characters after ``start``; 0 when none does."""
        room = end - start - min_rest
        if room <= 0:
            return 0
        for length in self._by_last.get(text[end - 1], ()):
            if length <= room and text[end - length:end] in self._words:
                return length
        return 0


def _lengths_by(words: frozenset[str], edge: int) -> dict[str, tuple[int, ...]]:
    """The distinct lengths of ``words``, longest first, by the character at ``edge`` (0: the first, -1: the last)."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[edge], set()).add(len(word))
    return {ch: tuple(sorted(found, reverse=True)) for ch, found in lengths.items()}
