"""Character classes shared by the patterns of both regex engines (see
:data:`policyparse.resolvers.patterns.ENGINES`), as bodies of a character class (``f"[{ANY_DIGIT}]"``).

A module of its own, importing nothing of the package, so the segmenter and the resolvers can both use
it without an import cycle.
"""

from __future__ import annotations

ANY_DIGIT = r"\d\U00010000-\U0010FFFF"
r"""Every character ``regex`` reads as ``\d``, for a stdlib ``re`` class: the two libraries agree on the
Basic Multilingual Plane, and ``regex`` knows digits of a newer Unicode than Python's beyond it, so every
character there is let in. For prefilters, which may let more through, never less
(``tests/test_speed_scanners.py`` checks the plane)."""

HAN_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
)
"""The code points of ``regex``'s ``\\p{Han}`` (the Han script: ideographs of every extension, radicals,
々, 〇, Hangzhou numerals); ``tests/test_patterns.py`` checks it against ``regex`` for every code point
Python's Unicode database assigns."""
