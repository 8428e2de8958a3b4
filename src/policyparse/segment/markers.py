"""Heading markers of Chinese official documents (GB/T 9704-2012 and common practice).

Each marker family has a rank: a heading of a higher rank nests under the nearest open heading of
a lower rank. Half-width and full-width brackets are the same family (``(一)`` = ``（一）``).

This is the one marker grammar of the project: the segmenter builds the section tree from it, the
PDF loader uses :func:`line_marker` as a layout signal (a line that starts a heading starts a
paragraph), and the numeric scanners' mask keeps marker digits from being read as quantities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from policyparse.charsets import ANY_DIGIT

CN_DIGITS = "〇零一二三四五六七八九十百两"
_CN_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_ordinal(numeral: str) -> int:
    """Value of a small Chinese or Arabic ordinal as used in markers (一 … 九十九, 1 … 99).

    Never fails on a marker the pattern lets through: a run the grammar does not know (``〇二十``
    typed for 二十, a digit of a newer Unicode than Python's) is read digit by digit around its
    百/十, an unknown digit counting as 0."""
    if numeral.isdecimal():
        return int(numeral)
    if "百" in numeral:
        hundreds, _, rest = numeral.partition("百")
        return (_digit_run(hundreds) or 1) * 100 + (cn_ordinal(rest.lstrip("零〇")) if rest else 0)
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (_digit_run(tens) if tens else 1) * 10 + _digit_run(ones)
    return _digit_run(numeral)


def _digit_run(digits: str) -> int:
    """``digits`` read one by one (二〇二 → 202); 十 or 百 left in the run, or a digit Python does not
    know, count as 0."""
    value = 0
    for ch in digits:
        value = value * 10 + (_CN_VALUES.get(ch) if ch in _CN_VALUES else unicodedata.decimal(ch, 0))
    return value


@dataclass(frozen=True)
class Family:
    """A kind of heading marker: its rank, how it is written, and how its id part is spelled."""

    name: str
    rank: int
    kind: str
    gbt_level: int
    """The GB/T 9704 heading level the family is written at (一、 → 1, （一） → 2, 1. → 3, （1） → 4)."""


FAMILIES = {
    "attachment": Family("attachment", 0, "attachment", 1),
    "chapter": Family("chapter", 1, "chapter", 1),
    "part": Family("part", 2, "chapter", 2),
    "article": Family("article", 3, "article", 2),
    "cn": Family("cn", 4, "heading", 1),  # 一、
    "cn_paren": Family("cn_paren", 5, "heading", 2),  # （一）
    "arabic": Family("arabic", 6, "heading", 3),  # 1． 1. 1、
    "arabic_paren": Family("arabic_paren", 7, "heading", 4),  # （1）
    "circled": Family("circled", 8, "heading", 4),  # ①
}

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_CN = f"[{CN_DIGITS}]{{1,4}}"
MARKER = regex.compile(  # tried only where _MAY_START says a marker may start (see marker_matches)
    rf"(?:(?P<chapter>第(?P<chapter_n>{_CN}|\d{{1,3}})章)"
    rf"|(?P<part>第(?P<part_n>{_CN}|\d{{1,3}})节(?![点约]))"
    rf"|(?P<article>第(?P<article_n>{_CN}|\d{{1,3}})条(?![件款]))"
    rf"|(?P<cn>(?P<cn_n>{_CN})、)"
    rf"|(?P<cn_paren>[（(](?P<cn_paren_n>{_CN})[）)])"
    r"|(?P<arabic>(?<![\d.．])(?P<arabic_n>\d{1,2})(?:[．.](?![\d])|、))"
    r"|(?P<arabic_paren>[（(](?P<arabic_paren_n>\d{1,2})[）)])"
    rf"|(?P<circled>(?P<circled_n>[{CIRCLED}]))"
    r"|(?P<attachment>(?m:^)附件(?P<attachment_n>\d{1,2}|" + _CN + r")?(?=[:：\s]|$)))"
)

_MAY_START = re.compile(
    rf"[第（({CN_DIGITS}{ANY_DIGIT}{CIRCLED}附]"  # one character, then what must follow or precede it
    rf"(?:(?<=第)(?=(?:[{CN_DIGITS}]{{1,4}}|[{ANY_DIGIT}]{{1,3}})[章节条])"  # chapter, part, article
    rf"|(?<=[（(])(?=(?:[{CN_DIGITS}]{{1,4}}|[{ANY_DIGIT}]{{1,2}})[）)])"  # cn_paren, arabic_paren
    rf"|(?<=[{CN_DIGITS}])(?=[{CN_DIGITS}]{{0,3}}、)"  # cn
    rf"|(?<=[{ANY_DIGIT}])(?<![\d.．][{ANY_DIGIT}])(?=[{ANY_DIGIT}]?[．.、])"  # arabic
    rf"|(?<=[{CIRCLED}])|(?<=附)(?=件))"  # circled, attachment
)
"""Where a :data:`MARKER` may start: what each family's pattern requires, loosened where stdlib
``re`` reads a character class differently (a digit here is any of :data:`ANY_DIGIT`; the digit
that must not precede an Arabic numeral is a ``re`` digit, and every ``re`` digit is a ``regex``
digit). A necessary condition, whose ``re`` scan for a leading character class runs several times
faster than a ``regex`` search; each match takes one character, so no start is skipped."""


@dataclass(frozen=True)
class Marker:
    """One marker occurrence in the text."""

    family: Family
    number: int
    start: int
    end: int
    text: str

    @property
    def id_part(self) -> str:
        """The marker as written in section ids: brackets full-width, trailing punctuation dropped."""
        name = self.family.name
        if name in ("cn_paren", "arabic_paren"):
            return "（" + self.text[1:-1] + "）"
        if name in ("cn", "arabic"):
            return self.text[:-1]
        if name == "attachment":
            return self.text
        return self.text


def _marker(m: regex.Match) -> Marker:
    name = m.lastgroup
    if name not in FAMILIES:
        name = next(k for k in FAMILIES if m.group(k))
    family, number = _family_number(name, m.group(_NUMERAL_GROUP[name]))
    return Marker(family, number, m.start(), m.end(), m.group())


_NUMERAL_GROUP = {name: MARKER.groupindex[f"{name}_n"] for name in FAMILIES}
"""The number of each family's numeral group (a group read by number is several times faster)."""


@lru_cache(maxsize=512)
def _family_number(name: str, raw_n: str | None) -> tuple[Family, int]:
    """The family named ``name`` and the number a marker of it writes as ``raw_n`` (cached: a
    notice writes the same few numerals again and again)."""
    if name == "circled":
        number = CIRCLED.index(raw_n) + 1
    elif raw_n is None:
        number = 1
    else:
        number = cn_ordinal(raw_n)
    return FAMILIES[name], number


def find_markers(text: str) -> list[Marker]:
    """Every marker-shaped string in ``text`` (whether it is a heading is decided later)."""
    return [_marker(m) for m in marker_matches(text)]


def marker_matches(text: str) -> Iterator[regex.Match]:
    """``MARKER.finditer(text)``, trying :data:`MARKER` only where it may start: the same
    leftmost, non-overlapping matches, since a match is never empty and ``MARKER.match`` at a
    position reads the text around it (line starts, lookbehinds) as a search would."""
    end = 0
    for candidate in _MAY_START.finditer(text):
        pos = candidate.start()
        if pos >= end and (m := MARKER.match(text, pos)):
            end = m.end()
            yield m


_LEADING_SPACE = " \t\u3000\xa0"


def line_marker(line: str) -> Marker | None:
    """The marker ``line`` starts with (after leading spaces), or None."""
    start = len(line) - len(line.lstrip(_LEADING_SPACE))
    if not _MAY_START.match(line, start):  # most lines: settled without the costlier regex match
        return None
    m = MARKER.match(line, start)
    return _marker(m) if m else None


_GLUED_ITEM = re.compile(r"(?m)^[ \t\u3000]*(?P<n>\d{1,2})[.．](?=\d)")  # re: twice as fast here as regex


_GLUED_YEAR = re.compile(r"(?m)^[ \t\u3000]*(?P<n>\d{1,2})[.．](?=(?:19|20)\d{2}年)")


def glued_item_markers(text: str) -> list[tuple[int, int]]:
    """Spans of list markers run into the number that follows them (``1.60平方米以下（含60平方米）的``,
    ``2.60平方米至120平方米…``): lines opening with ``k.`` and a digit are the items of a numbered list
    when, one after another, they count 1, 2, 3 … (two items at least). A lone ``1.5倍…`` line, or
    lines that do not count up from 1 (``3.5万元…`` / ``7.2万元…``), open with numbers. A year after
    ``k.`` (``5.2017年12月统计月报表``) makes ``k.`` a marker on its own: no number reads 5.2017年."""
    runs: list[list[tuple[int, int]]] = []
    previous = 0
    for m in _GLUED_ITEM.finditer(text):
        n = int(m.group("n"))
        if n == 1:
            runs.append([])
        elif n != previous + 1 or not runs:
            previous = 0
            continue
        runs[-1].append((m.start("n"), m.end()))
        previous = n
    glued = {span for run in runs if len(run) >= 2 for span in run}
    glued.update((m.start("n"), m.end()) for m in _GLUED_YEAR.finditer(text))
    return sorted(glued)
