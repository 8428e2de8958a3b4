"""Percentages (as fractions) and ratios.

Percent value (shared/FACTS.md) is a *fraction*: ``40%`` → ``0.4``, ``３．５％`` → ``0.035``,
``百分之三点五`` → ``0.035``, ``五成`` → ``0.5``, ``千分之五`` and ``5‰`` → ``0.005``, ``万分之三`` and
``3‱`` → ``0.0003``.

Percentage points (``3.5个百分点``) are a *difference* of two percentages, not a share. Decision:
they resolve to the same fraction (``0.035``) but are marked — :func:`parse_percent_ex` returns
``PercentValue(value, points=True)`` and :func:`scan_percents` gives the mention ``kind="points"``.
:func:`parse_percent` returns the bare fraction for both; callers that must not mix the two use
the ``_ex`` form or the mention kind.

Ranges: ``5-20%`` (the ``%`` written once) is one mention, ``kind="range"``, value
``{"min": 0.05, "max": 0.2}``; ``5%-20%`` is two ordinary percent mentions.

Ratios: ``1:2`` ``1：1`` ``1比1`` ``3:2:1`` → a tuple of Decimals (FACTS ``[1, 2]``). A clock time
(``5:00``, ``下午2:30``, ``9:30-11:30``) is not a ratio.

Multiples: ``20倍``, ``1.5倍``, ``三倍`` compare an amount with a base, so they are the ratio
``[20, 1]`` (:func:`scan_multiples`); the words 倍增, 倍数, 双倍 and 加倍 name no number and are not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from policyparse.resolvers.base import Mention, fold
from policyparse.resolvers.numerals import parse_number, raw_numbers
from policyparse.resolvers.patterns import SHARE_FRACTION, LazyPattern, rx

__all__ = [
    "PercentValue", "parse_percent", "parse_percent_ex", "parse_ratio", "scan_coefficients", "scan_multiples",
    "scan_percents", "scan_ratios",
]

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class PercentValue:
    """A percentage as a fraction; ``points`` for 个百分点; ``kind`` percent|points|permille|
    per_ten_thousand|tenths (成)|basis_points (个基点, BP)|fraction (三分之一)."""

    value: Decimal
    points: bool = False
    kind: str = "percent"


_PCT_TAIL = rx(r"[ \t]{0,3}%", engine="re")
_PERMILLE_TAIL = rx(r"[ \t]{0,3}[‰]")
_PER_TEN_THOUSAND_TAIL = rx(r"[ \t]{0,3}[‱]")
_POINTS_TAIL = rx(r"[ \t]{0,4}个[ \t]{0,4}百[ \t]{0,2}分[ \t]{0,2}点", engine="re")
_BASIS_POINTS_TAIL = rx(r"[ \t]{0,2}(?:个[ \t]{0,2}基点|个?BP|个?bp)(?![A-Za-z])")
"""``减20个基点``, ``LPR+50BP``: hundredths of a percentage point (20个基点 → 0.002)."""
_CHENG_TAIL = rx(r"[ \t]{0,2}成(?P<half>半)?(?:(?![\p{Han}])|(?=[以左的多]))")
_TAIL_STARTS = frozenset("%‰‱个成Bb")
"""The first characters a share unit after a number can have (after spaces): %, ‰, ‱, 个(百分点/基点), 成, BP."""
_HALF_CHENG = rx(r"(?<![\p{Han}\d])半成(?![\p{Han}])")
_PER_BEFORE = rx(
    r"(?<![0-9零〇一二三四五六七八九两十拾百佰千仟万亿壹贰叁肆伍陆柒捌玖])(?P<w>[百佰千仟万亿]+)[ \t]{0,2}分[ \t]{0,2}之[ \t]{0,3}$"
)
_UNIT_VALUE = {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000, "亿": 10 ** 8}
_HUNDRED_PCT = rx(
    r"(?<![0-9零〇一二三四五六七八九两十拾百佰千仟万亿壹贰叁肆伍陆柒捌玖])百分之百(?![分之0-9零一二三四五六七八九十])"
)
_MINUS = rx(r"(?<![\d.%A-Za-z)）])[-−－]$", engine="re")
"""A minus sign right before a number: not a dash after another number (5-20%), a Latin code or a bracket."""
_RANGE_GAP_BACK = rx(r"[ \t]{0,3}(?:——|--|—|-|~|至|到)[ \t]{0,3}$")
_KIND = {100: "percent", 1000: "permille", 10000: "per_ten_thousand"}
_SHARE_FRACTION = rx(SHARE_FRACTION)
"""``三分之一``, ``四分之一``: a share written as a simple fraction (形象进度达到三分之一); its value is
kept to four decimal places (1/3 → 0.3333). ``2/3`` is not read (dates and numbering use the slash)."""
_FOUR_PLACES = Decimal("0.0001")


def _denominator(w: str) -> int:
    d = 1
    for ch in w:
        d *= _UNIT_VALUE[ch]
    return d


def _percent_items(f: str) -> list[tuple[int, int, Decimal | dict, str]]:
    raws = raw_numbers(f)
    items: list[tuple[int, int, Decimal | dict, str]] = []
    for r in raws:
        if r.kind == "fraction" and _SHARE_FRACTION.fullmatch(f, r.start, r.end) and r.usable:
            items.append((r.start, r.end, r.value.value.quantize(_FOUR_PLACES), "fraction"))
            continue
        if r.kind == "fraction" or not r.usable:
            continue
        v = r.value.value
        pre = _PER_BEFORE.search(f, max(0, r.start - 12), r.start) if "之" in f[max(0, r.start - 4):r.start] else None
        if pre:
            den = _denominator(pre.group("w"))
            items.append((pre.start(), r.end, v / den, _KIND.get(den, "parts")))
            continue
        if f[r.end:r.end + 5].lstrip(" \t")[:1] not in _TAIL_STARTS:
            continue  # no share unit follows: skip the tail patterns one by one
        m = _PCT_TAIL.match(f, r.end)
        if m:
            sign = _MINUS.search(f, max(0, r.start - 2), r.start)
            if sign and r.value.mode == "arabic":  # 出现-28%的负增长: the sign is part of the share
                items.append((sign.start(), m.end(), -v / _HUNDRED, "percent"))
            else:
                items.append((r.start, m.end(), v / _HUNDRED, "percent"))
            continue
        m = _PERMILLE_TAIL.match(f, r.end)
        if m:
            items.append((r.start, m.end(), v / 1000, "permille"))
            continue
        m = _PER_TEN_THOUSAND_TAIL.match(f, r.end)
        if m:
            items.append((r.start, m.end(), v / 10000, "per_ten_thousand"))
            continue
        m = _POINTS_TAIL.match(f, r.end)
        if m:
            items.append((r.start, m.end(), v / _HUNDRED, "points"))
            continue
        m = _BASIS_POINTS_TAIL.match(f, r.end)
        if m:
            items.append((r.start, m.end(), v / 10000, "basis_points"))
            continue
        m = _CHENG_TAIL.match(f, r.end)
        if m and 0 < v <= 10 and r.value.mode != "digits":
            items.append((r.start, m.end(), (v + (Decimal("0.5") if m.group("half") else 0)) / 10, "tenths"))
    for m in _HALF_CHENG.finditer(f):
        items.append((m.start(), m.end(), Decimal("0.05"), "tenths"))
    for m in _HUNDRED_PCT.finditer(f):
        items.append((m.start(), m.end(), Decimal(1), "percent"))
    items.sort(key=lambda t: t[0])
    # 5-20%: a bare number, a dash, a percent
    out: list[tuple[int, int, Decimal | dict, str]] = []
    ends = {r.end: r for r in raws}
    taken = {it[0] for it in items}
    for it in items:
        st = it[0]
        if it[3] == "percent" and f[st:st + 3] != "百分之":
            gap = _RANGE_GAP_BACK.search(f, max(0, st - 6), st)
            r = ends.get(gap.start()) if gap else None
            if r is not None and r.usable and r.start not in taken and r.kind != "fraction":
                lo = r.value.value / _HUNDRED
                if lo <= it[2]:
                    it = (r.start, it[1], {"min": lo, "max": it[2]}, "range")
        out.append(it)
    return out


def scan_percents(s: str) -> list[Mention]:
    """Percentages in running text: value a Decimal fraction (``{"min","max"}`` for ``kind="range"``).

    ``kind``: ``percent`` (``40%``, ``百分之四十``), ``points`` (``3.5个百分点``), ``permille``
    (``千分之五``), ``per_ten_thousand`` (``万分之三``), ``tenths`` (``五成``), ``basis_points``
    (``20个基点``, ``50BP``), ``range`` (``5-20%``).
    ``五百分之二`` is a fraction (see :func:`~policyparse.resolvers.numerals.scan_numbers`), not a
    percent; ``%`` inside URLs is ignored.
    """
    f = fold(s)
    return [Mention(a, b, s[a:b], v, k, {}) for a, b, v, k in _percent_items(f)]


def parse_percent_ex(s: str) -> PercentValue:
    """Parse one percentage (see module doc); raises ``ValueError`` otherwise."""
    f = fold(s).strip()
    items = _percent_items(f)
    if len(items) != 1 or items[0][0] != 0 or items[0][1] != len(f) or isinstance(items[0][2], dict):
        raise ValueError(f"not one percentage: {s!r}")
    _, _, v, k = items[0]
    return PercentValue(v, k == "points", k)


def parse_percent(s: str) -> Decimal:
    """The fraction a percentage in ``s`` stands for: ``40%`` → 0.4, ``百分之三点五`` → 0.035,
    ``五成`` → 0.5, ``千分之五`` → 0.005, ``3.5个百分点`` → 0.035 (points; see
    :func:`parse_percent_ex` to tell them apart). Raises ``ValueError`` otherwise."""
    return parse_percent_ex(s).value


# --- ratios -----------------------------------------------------------------------------------

_NUM = r"\d+(?:\.\d+)?"
_RATIO = rx(r"(?<![\d.:/])(" + _NUM + r")((?:[ \t]{0,2}:[ \t]{0,2}" + _NUM + r")+)(?![\d.:]|[ \t]*[:]\d)")
_CLOCK_BEFORE = rx(r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚|早|日|号|时间|截止|截至|至|到|-|~|—)[ \t]{0,2}$")
_CLOCK_AFTER = rx(r"[ \t]{0,2}(?:时|前|后|以前|之前|截止|开始|起|至|到|-|~|—)")
_COLON = rx(r"[ \t]*:[ \t]*")
_RATIO_WHOLE = rx(r"(" + _NUM + r")((?:[ \t]*:[ \t]*" + _NUM + r")+)")
_BI = rx(r"[ \t]{0,2}比[ \t]{0,2}", engine="re")


def _is_clock(f: str, start: int, end: int, parts: list[str]) -> bool:
    if len(parts) not in (2, 3):
        return False
    h, mi = parts[0], parts[1]
    if not (h.isdigit() and mi.isdigit() and len(mi) == 2 and int(h) <= 24 and int(mi) < 60):
        return False
    if mi.startswith("0") or (len(parts) == 3 and len(parts[2]) == 2):
        return True
    return bool(_CLOCK_BEFORE.search(f, max(0, start - 6), start) or _CLOCK_AFTER.match(f, end))


def _ratio_items(f: str) -> list[tuple[int, int, tuple[Decimal, ...]]]:
    items = []
    for m in _RATIO.finditer(f):
        parts = [m.group(1)] + _COLON.split(m.group(2).strip(" \t:"))
        parts = [p for p in parts if p]
        if _is_clock(f, m.start(), m.end(), parts):
            continue
        items.append((m.start(), m.end(), tuple(Decimal(p) for p in parts)))
    raws = raw_numbers(f)
    for a, b in pairwise(raws):
        g = _BI.fullmatch(f, a.end, b.start)
        if g and "比" in f[a.end:b.start] and a.usable:
            items.append((a.start, b.end, (a.value.value, b.value.value)))
    items.sort()
    return items


def scan_ratios(s: str) -> list[Mention]:
    """Ratios in running text (``按1:2抵算`` ``1:1分担`` ``3比2``): value a tuple of Decimals."""
    f = fold(s)
    return [Mention(a, b, s[a:b], v, "ratio", {}) for a, b, v in _ratio_items(f)]


_MULTIPLE = rx(
    r"(?<![\d.,%])(?P<n>\d+(?:\.\d+)?"
    r"|(?:(?<![\p{Han}])|(?<=[的为到至达按是]))[一二两三四五六七八九十]{1,3}(?:点[一二三四五六七八九])?)[ \t]{0,2}倍(?![增数])"
)


def _times_one(s: str, pattern: LazyPattern, kind: str, read: Callable[[str], Decimal | None]) -> list[Mention]:
    """The ratios ``(n, 1)`` of ``kind`` that ``pattern`` finds in ``s``; ``read`` turns the match's
    group ``n`` into the number, or None to pass the match over."""
    f = fold(s)
    out = []
    for m in pattern.finditer(f):
        try:
            n = read(m.group("n"))
        except (ValueError, ArithmeticError):
            continue
        if n is not None:
            out.append(Mention(m.start(), m.end(), s[m.start():m.end()], (n, Decimal(1)), "ratio", {"kind": kind}))
    return out


def scan_multiples(s: str) -> list[Mention]:
    """Multiples of a base (``账户余额的20倍``, ``最高贷款额度的1.3倍``): value ``(n, 1)``. A Chinese
    numeral counts only after a word that introduces a quantity (的, 为, 到 …) or outside a word, so
    the 一 of 一倍增 is not read."""
    return _times_one(s, _MULTIPLE, "multiple", lambda raw: n if (n := parse_number(raw)) > 0 else None)


_COEFFICIENT = rx(r"系数[ \t]?(?:为|是|取|按|[:：])?[ \t]?(?P<n>\d+(?:\.\d+)?)(?![\d.%％])")


def scan_coefficients(s: str) -> list[Mention]:
    """Coefficients a base is multiplied by (``奖励系数为0.9``, ``调整系数取1.2``): value ``(n, 1)``,
    as for a multiple; a zero coefficient (``奖励系数为0``) is stated too, and means nothing is paid."""
    return _times_one(s, _COEFFICIENT, "coefficient", Decimal)


def parse_ratio(s: str) -> tuple[Decimal, ...]:
    """``1:2`` ``1：1`` ``1比1`` ``3:2:1`` → ``(Decimal(1), Decimal(2))`` …; ValueError otherwise."""
    f = fold(s).strip()
    m = _RATIO_WHOLE.fullmatch(f)
    if m:
        return tuple(Decimal(p) for p in _COLON.split(f))
    a, sep, b = f.partition("比")
    if sep and a.strip() and b.strip():
        return (parse_number(a), parse_number(b))
    raise ValueError(f"not a ratio: {s!r}")
