"""What every resolver shares: the :class:`Mention` record and the length-preserving fold.

All scanners match on a *folded* copy of the text (full-width ASCII → ASCII, ideographic space →
space, traditional numeral/time characters → simplified, ``○`` → ``〇``). Every fold is one code
point to one code point, so an offset in the folded copy is the same offset in the caller's
string, and ``Mention.text == s[start:end]`` holds by construction.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policyparse.resolvers.memo import per_document

__all__ = ["FOLD", "Mention", "drop_inside", "drop_overlapping", "fold", "spans_overlap"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One recognised construct in a string.

    ``start``/``end`` are half-open code-point offsets into the string given to the scanner;
    ``text == s[start:end]`` always. ``value`` is the resolved value in the normal form of
    shared/FACTS.md for the construct (Decimal, dict, str …); ``kind`` names the variant
    (``"cardinal"``, ``"range"``, ``"points"``, ``"date"``, ``"period"`` …); ``extra`` holds
    qualifiers (``bound``, ``approx``, ``mod`` …) documented by each scanner.
    """

    start: int
    end: int
    text: str
    value: Any
    kind: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _build_fold() -> dict[int, int]:
    table: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = 0x20  # ideographic space
    pairs = {
        "萬": "万", "億": "亿", "兩": "两", "倆": "俩", "貳": "贰", "參": "叁", "叄": "叁", "陸": "陆",
        "點": "点", "個": "个", "負": "负", "幾": "几", "餘": "余", "對": "对", "時": "时", "號": "号",
        "週": "周", "鐘": "钟", "圓": "圆", "塊": "块", "錢": "钱", "來": "来", "後": "后", "開": "开",
        "間": "间", "禮": "礼", "○": "〇", "〇": "〇", "Ｏ": "〇", "−": "-", "﹣": "-",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "―": "—", "〜": "~", "∶": ":", "︰": ":", "﹕": ":",
        "％": "%", "﹪": "%", "．": ".", "，": ",", "：": ":", "／": "/", "～": "~", "－": "-",
        "（": "(", "）": ")", "［": "[", "］": "]", "＋": "+", "　": " ", "\u00a0": " ",
        "際": "际", "內": "内", "幣": "币", "雙": "双", "打": "打",
    }
    for a, b in pairs.items():
        assert len(a) == 1 and len(b) == 1
        table[ord(a)] = ord(b)
    return table


FOLD: dict[int, int] = _build_fold()
"""``str.translate`` table: one code point to one code point (offsets are preserved)."""
_FOLDED = {chr(a): chr(b) for a, b in FOLD.items() if a != b}
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLDED)) + "]")
"""The characters :data:`FOLD` changes: :func:`fold` replaces only those it finds (``str.translate``
with a dict looks up every character, three times slower on a notice)."""


_ZERO_LOOKALIKES = "OoОоΟο0"
"""Letters (Latin, Cyrillic, Greek) and the digit typed for 〇 in hand-keyed Chinese-numeral years."""
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九%s]{4}(?=年)" % _ZERO_LOOKALIKES)
_CN_DIGITS = frozenset("〇零一二三四五六七八九")
_TO_LING = str.maketrans({c: "〇" for c in _ZERO_LOOKALIKES})


def _ling(m: re.Match) -> str:
    year = m.group()
    return year.translate(_TO_LING) if _CN_DIGITS.intersection(year) else year


def _year_zeros(f: str) -> str:
    """``二O一二年``, ``二О一一年`` (Latin or Cyrillic O typed for 〇) → ``二〇一二年``: inside a
    four-character year written with at least one Chinese digit only, so Latin words and Arabic
    numbers (``2020年``) are untouched."""
    if "年" not in f or not any(c in f for c in _ZERO_LOOKALIKES):
        return f
    return _CN_YEAR.sub(_ling, f)


@per_document
def fold(s: str) -> str:
    """The folded copy of ``s`` that all patterns match against (same length as ``s``).

    Remembered for the document being parsed (see :mod:`~policyparse.resolvers.memo`): its
    scanners all fold the same string."""
    return _year_zeros(_FOLDABLE.sub(lambda m: _FOLDED[m.group()], s))


def lines_holding(text: str, needed: Any, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:stop]`` (its line break included) where the
    compiled pattern ``needed`` finds something, in text order; the whole range when ``needed`` is None.

    For a scan whose every match lies within one line and holds what ``needed`` finds: scanning
    these windows (``pattern.finditer(text, start, end)``) gives the same matches as scanning the
    range, since a lookbehind still sees the text before a window and a lookahead at a window's end
    sees the line break it would have seen."""
    stop = len(text) if stop is None else stop
    if needed is None:
        yield start, stop
        return
    pos = start
    while (hit := needed.search(text, pos, stop)) is not None:
        line_start = max(start, text.rfind("\n", 0, hit.start()) + 1)
        line_end = text.find("\n", hit.end(), stop)
        line_end = stop if line_end == -1 else line_end + 1
        yield line_start, line_end
        pos = line_end


def finditer_in_lines(pattern: Any, text: str, needed: Any, start: int = 0, stop: int | None = None) -> Iterator[Any]:
    """``pattern.finditer(text, start, stop)`` for a pattern whose every match lies within one line and
    holds what ``needed`` finds: the same matches, scanning only :func:`lines_holding` ``needed``."""
    for line_start, line_end in lines_holding(text, needed, start, stop):
        yield from pattern.finditer(text, line_start, line_end)


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def drop_inside(mentions: Iterable[Mention], spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """Mentions that do not overlap any of ``spans`` (e.g. :func:`book_title_spans`).

    ``spans`` need not be sorted; they are assumed not to overlap each other.
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    out = []
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        hit = False
        for j in (i, i + 1):
            if 0 <= j < len(ordered) and spans_overlap((m.start, m.end), ordered[j]):
                hit = True
                break
        if not hit:
            # a wide span starting before i may still cover m
            hit = any(spans_overlap((m.start, m.end), sp) for sp in ordered[max(0, i - 3):i])
        if not hit:
            out.append(m)
    return out


def drop_overlapping(mentions: Iterable[Mention], others: Iterable[Mention]) -> list[Mention]:
    """Mentions that overlap none of ``others`` (e.g. numbers that are not part of a date)."""
    return drop_inside(mentions, [(o.start, o.end) for o in others])


class SpanSet:
    """A sorted, non-overlapping set of spans with a fast overlap test."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        j = i + 1
        return j < len(self._starts) and self._starts[j] < end

    def __iter__(self):
        return iter(zip(self._starts, self._ends))

    def __len__(self) -> int:
        return len(self._starts)


def mapping(**kw: Any) -> Mapping[str, Any]:
    """A small extra dict without ``None`` values."""
    return {k: v for k, v in kw.items() if v is not None}
