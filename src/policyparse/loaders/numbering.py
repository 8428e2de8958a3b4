"""Word's automatic list numbering, computed the way Word displays it.

A paragraph's ``w:numPr`` (on the paragraph or inherited from its style) names a numbering
instance (``numId``) and a level (``ilvl``). The instance points at an abstract definition whose
level gives the start value, the number format (``decimal``, ``chineseCounting`` …) and the
level text (``%1、``, ``（%2）``). Counters run per numId and level; using a level restarts the
deeper ones. The result is the prefix Word shows in front of the paragraph text ("一、",
"（一）", "1.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{_W}val", default)


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: 0 = never; None = after any higher level
    legal: bool = False  # isLgl: show every level as decimal
    suffix: str = "tab"  # what follows the number: tab | space | nothing

    @classmethod
    def from_xml(cls, lvl: etree._Element) -> "Level":
        restart = _val(lvl.find(f"{_W}lvlRestart"))
        legal = lvl.find(f"{_W}isLgl")
        return cls(
            start=int(_val(lvl.find(f"{_W}start"), "0") or 0),
            fmt=_val(lvl.find(f"{_W}numFmt"), "decimal") or "decimal",
            text=_val(lvl.find(f"{_W}lvlText"), "") or "",
            restart=int(restart) if restart is not None else None,
            legal=legal is not None and _val(legal, "1") not in ("0", "false"),
            suffix=_val(lvl.find(f"{_W}suff"), "tab") or "tab",
        )


class Numbering:
    """Numbering definitions of one document plus the running counters."""

    def __init__(self, numbering_xml: etree._Element | None) -> None:
        self._levels: dict[str, dict[int, Level]] = {}  # numId -> ilvl -> Level
        self._starts: dict[str, dict[int, int]] = {}  # numId -> ilvl -> startOverride
        self._counters: dict[str, dict[int, int]] = {}
        if numbering_xml is not None:
            self._read(numbering_xml)

    def _read(self, root: etree._Element) -> None:
        abstract: dict[str, etree._Element] = {}
        style_links: dict[str, str] = {}
        for an in root.iterfind(f"{_W}abstractNum"):
            abstract[an.get(f"{_W}abstractNumId")] = an
            link = _val(an.find(f"{_W}styleLink"))
            if link:
                style_links[link] = an.get(f"{_W}abstractNumId")
        for num in root.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            an = abstract.get(_val(num.find(f"{_W}abstractNumId"), "") or "")
            if an is None:
                continue
            link = _val(an.find(f"{_W}numStyleLink"))
            if link and not an.findall(f"{_W}lvl") and link in style_links:
                an = abstract[style_links[link]]
            levels = {int(lvl.get(f"{_W}ilvl", "0")): Level.from_xml(lvl) for lvl in an.iterfind(f"{_W}lvl")}
            starts: dict[int, int] = {}
            for override in num.iterfind(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                so = override.find(f"{_W}startOverride")
                if so is not None:
                    starts[ilvl] = int(_val(so, "0") or 0)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = Level.from_xml(lvl)
            self._levels[num_id] = levels
            self._starts[num_id] = starts

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self._levels[num_id].get(ilvl, Level())
        return self._starts[num_id].get(ilvl, level.start)

    def next_prefix(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the prefix Word shows, with the
        separator it puts before the paragraph text ("" when the prefix ends in punctuation)."""
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num_id, ilvl)
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels.get(deeper, Level()).restart
            limit = deeper if restart is None else restart
            if limit and ilvl + 1 <= limit:
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""  # a bullet glyph is formatting, not text

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            value = counters.get(k, self._start(num_id, k))
            fmt = "decimal" if level.legal else levels.get(k, Level()).fmt
            return format_number(value, fmt)

        prefix = re.sub(r"%([1-9])", number, level.text)
        if prefix and level.suffix != "nothing" and (prefix[-1].isalnum() and ord(prefix[-1]) < 0x2E80):
            prefix += " "  # "1" + tab/space → "1 "; "一、" and "（一）" need no separator
        return prefix


def format_number(n: int, fmt: str) -> str:
    """``n`` written in Word number format ``fmt`` (ST_NumberFormat); unknown formats as decimal."""
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified",):
        return chinese_counting(n, digits=_CN_LEGAL, units="拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def chinese_counting(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """``n`` as a Chinese counting numeral: 1 一, 10 十, 11 十一, 20 二十, 105 一百零五."""
    if n <= 0 or n >= 10000:
        return str(n)
    if n < 10:
        return digits[n]
    parts: list[str] = []
    s = str(n)
    zero = False
    for i, d in enumerate(s):
        place = len(s) - 1 - i
        d = int(d)
        if d == 0:
            zero = True
            continue
        if zero and parts:
            parts.append(digits[0])
        zero = False
        if not (d == 1 and place == 1 and len(s) == 2):  # 十一, not 一十一
            parts.append(digits[d])
        if place:
            parts.append(units[place - 1])
    return "".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out
