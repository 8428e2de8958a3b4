"""Durations: lengths of time (``项目实施期限为2年``, ``10个工作日``, ``1-2个月``).

Value (shared/FACTS.md): ``{"value": n, "unit": u}`` or ``{"min": a, "max": b, "unit": u}`` with
``u`` in ``year month week day workday hour minute``; a one-sided bound (``三十年以上``) gives only
``min`` or ``max``.

Decisions:

* ``半年`` is ``{"value": 0.5, "unit": "year"}``: the written unit is kept and the number is
  exact (``一年半`` → 1.5 year, ``两个半月`` → 2.5 month, ``半小时`` → 0.5 hour); converting
  to months is the consumer's choice. ``2个半年度`` counts half-year periods: 12 month.
* ``周``/``星期``/``礼拜`` → week; ``周年`` → year; ``工作日``/``交易日`` → workday;
  ``天``/``日``/``自然日`` → day; ``小时``/``钟头`` → hour; ``分钟`` → minute; ``刻钟`` → 15 minutes.
* Compounds convert to the smaller unit when exact: ``四年六个月`` → 54 month,
  ``两年零三个月`` → 27 month, ``一个半小时`` → 1.5 hour, ``2小时30分钟`` → 150 minute.
* ``月`` needs ``个`` (``3个月``; ``3月`` is March), and so does ``季度`` (``两个季度``; ``二季度`` is
  the second quarter); a number with three or more decimals is not a length (``1.2023年``); ``日`` counts only before 内/以内/之内/后/以后
  (``30日内``; ``15日`` alone is a day of the month). Years that are dates (``2020年``) are dates.
* A travel time that names a zone (``一刻钟便民生活圈``, ``半小时通勤圈``) is no duration.
* ``extra``: ``bound`` (以上/不少于 → min; 以内/以下/不超过 → max), ``within`` (…内),
  ``lookback`` (近三年, 过去两年 — a window before the reference time, not a length to plan; written
  with 内, 近三年内无违法记录, it is a window like 三年内 and stays a duration).
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Any

from policyparse.resolvers.base import Mention, SpanSet, fold
from policyparse.resolvers.dates import _ref_year, _temporal
from policyparse.resolvers.numerals import raw_numbers
from policyparse.resolvers.patterns import rx

__all__ = ["parse_duration", "scan_durations"]

_UNITS = {
    "工作日": "workday", "交易日": "workday", "自然日": "day", "周年": "year", "年": "year", "个月": "month",
    "月": "month", "周": "week", "星期": "week", "礼拜": "week", "天": "day", "日": "day", "小时": "hour",
    "钟头": "hour", "分钟": "minute", "刻钟": "quarter_hour", "季度": "quarter", "钟": "hour", "分": "minute",
}
_TAIL = rx(
    r"[ \t]{0,3}(?P<ge>个)?[ \t]{0,2}(?P<more>多|余)?[ \t]{0,2}(?P<ge2>个)?[ \t]{0,2}(?P<half>半)?[ \t]{0,2}"
    r"(?P<u>工作日|交易日|自然日|周年|季度|年|月|周|星期|礼拜|天|日|小时|钟头|分钟|刻钟|钟(?!头)|分(?![钟之]))"
    r"(?P<half2>半(?![年月天日小个]))?",
    engine="re",
)
_TAIL_STARTS = frozenset("个多余半工交自周季年月星礼天日小钟分刻")
"""The first characters :data:`_TAIL` can have after its spaces."""
_DAY_OK = rx(r"[ \t]{0,2}(?:内|以内|之内|后|以后|之后|起|为限|期限)")
_DAY_SPAN_VERB = rx(r"(?:公示|公告|公布|张贴|展示|停留|连续)(?:期|期为|时间为)?[ \t]{0,2}$")
"""A bare N日 after a verb that lasts (``向社会公示三日``, ``公示期为5日``) is a length, not a day of a
month; so is one after a comparison (``答复期不得少于10日``, see :data:`_BEFORE`): no day of a month is
'at least' anything."""
_HALF_ALONE = rx(
    r"(?<![上下前后大多一二三四五六七八九十两个\d])半[ \t]{0,2}(?:个[ \t]{0,2})?(?P<u>年|月|小时|天|日)(?!度)"
)
_RANGE_GAP = rx(r"[ \t]{0,3}(?:——|--|—|-|~|至|到)[ \t]{0,3}", engine="re")
_AFTER = rx(
    r"[ \t]{0,2}(?:(?P<min>以上|及以上|或以上|\(含\)以上)|(?P<max>以下|及以下|以内|之内|\(含\)以内)|(?P<within>内))",
    engine="re",
)
_BEFORE = rx(
    r"(?:(?P<min_x>超过|多于|长于|大于)|(?P<min>不少于|不低于|至少|满|达到)|(?P<max_x>少于|不足|短于|小于|不到)"
    r"|(?P<max>不超过|不多于|最长|至多|最多)|(?P<lookback>近|最近|过去|前|近期))[ \t]{0,2}$",
    engine="re",
)
_TO_SMALLER = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60}
_JOIN = rx(r"[ \t]{0,2}(?:零[ \t]{0,2})?")
_PRECISE = rx(r"\.\d{3,}", engine="re")
_ZONE_AFTER = rx(r"[ \t]{0,2}\p{Han}{0,4}?圈")
"""A travel time that names a zone (``一刻钟便民生活圈``, ``15分钟社区生活圈``, ``1小时经济圈``):
a planning term, not a length of time the notice sets."""


def _compared(f: str, start: int) -> bool:
    """Whether a comparison of quantities (:data:`_BEFORE`, not a look-back 近/前) stands right before ``start``."""
    before = _BEFORE.search(f, max(0, start - 6), start)
    return before is not None and before.lastgroup != "lookback"


def _items(f: str, whole: bool = False, ref_year: int | None = None) -> list[tuple[int, int, dict, dict]]:
    temporal = SpanSet((t[0], t[1]) for t in _temporal(f, ref_year))
    raws = raw_numbers(f)
    raw_ends = [r.end for r in raws]  # the raw numbers do not overlap, so their ends are sorted too
    singles: list[list] = []
    for r in raws:
        if r.kind == "fraction" or not r.usable or r.value.value <= 0:
            continue
        if r.start > 0 and f[r.start - 1] == "第":
            continue
        if f[r.end:r.end + 4].lstrip(" \t")[:1] not in _TAIL_STARTS:
            continue  # no time unit follows: skip the tail pattern
        m = _TAIL.match(f, r.end)
        if not m:
            continue
        u = m.group("u")
        ge = m.group("ge") or m.group("ge2")
        if u == "月" and not (ge or m.group("half") or whole):
            continue
        if u == "日" and not (_DAY_OK.match(f, m.end()) or whole or _DAY_SPAN_VERB.search(f, max(0, r.start - 6), r.start)
                              or _compared(f, r.start)):
            continue
        if u == "钟" and not ge:
            continue
        if u == "季度" and not ge:
            continue                      # 二季度, 一季度: the quarter of a year; 两个季度 is a length
        if _PRECISE.search(f, r.start, r.end):
            continue                      # 1.2023年: a list number run into a year, no length is that exact
        if u == "分" and not (singles and singles[-1][3] == "hour" and _JOIN.fullmatch(f, singles[-1][1], r.start)):
            continue
        if u == "周" and f.startswith("岁", m.end()):
            continue
        if _ZONE_AFTER.match(f, m.end()):
            continue
        half_years = u == "年" and ge and m.group("half") and f.startswith("度", m.end())
        if u == "年" and (f.startswith("度", m.end()) or f.startswith("级", m.end())) and not half_years:
            continue
        if not whole and temporal.overlaps(r.start, m.end()):
            continue
        if whole and u == "年" and r.value.mode == "arabic" and 1800 <= r.value.value <= 2100 \
                and r.end - r.start == 4:
            continue                      # 2020年 is a year, not 2020 years
        unit = _UNITS[u]
        v = r.value.value
        if half_years:  # 2个半年度: two half-year periods, 12 months
            singles.append([r.start, m.end() + 1, v * 6, "month", r, bool(m.group("more"))])
            continue
        if m.group("half") or m.group("half2"):
            v += Decimal("0.5")
        if unit == "quarter_hour":
            v, unit = v * 15, "minute"
        elif unit == "quarter":
            v, unit = v * 3, "month"
        singles.append([r.start, m.end(), v, unit, r, bool(m.group("more"))])
    for m in _HALF_ALONE.finditer(f):
        if temporal.overlaps(m.start(), m.end()):
            continue
        if any(s[0] <= m.start() < s[1] for s in singles) or _ZONE_AFTER.match(f, m.end()):
            continue
        singles.append([m.start(), m.end(), Decimal("0.5"), _UNITS[m.group("u")], None, False])
    singles.sort(key=lambda t: t[0])
    # compounds: 四年六个月, 一小时三十分钟
    merged: list[list] = []
    for it in singles:
        if merged:
            p = merged[-1]
            factor = _TO_SMALLER.get((p[3], it[3]))
            if factor and _JOIN.fullmatch(f, p[1], it[0]):
                merged[-1] = [p[0], it[1], p[2] * factor + it[2], it[3], None, p[5] or it[5]]
                continue
            # 12天3小时20分: day → hour → minute chains
            if p[3] == "hour" and it[3] == "minute" and _JOIN.fullmatch(f, p[1], it[0]):
                merged[-1] = [p[0], it[1], p[2] * 60 + it[2], "minute", None, p[5] or it[5]]
                continue
        merged.append(it)
    out: list[tuple[int, int, dict, dict]] = []
    i = 0
    while i < len(merged):
        st, en, v, unit, r, more = merged[i]
        # 1-2个月: a bare number before this one
        lo_num = None
        for r0 in raws[bisect.bisect_left(raw_ends, st - 5):bisect.bisect_right(raw_ends, st)]:  # ends st-5..st
            if _RANGE_GAP.fullmatch(f, r0.end, st) and r0.usable and not temporal.overlaps(r0.start, r0.end):
                lo_num = r0
        if lo_num is not None and not any(o[0] <= lo_num.start < o[1] for o in out) and lo_num.value.value < v:
            value = {"min": lo_num.value.value, "max": v, "unit": unit}
            start = lo_num.start
        else:
            value = {"value": v, "unit": unit}
            start = st
        # 5天——9天: same unit on both ends
        if i + 1 < len(merged) and "value" in value:
            n = merged[i + 1]
            if n[3] == unit and _RANGE_GAP.fullmatch(f, en, n[0]) and v < n[2]:
                value = {"min": v, "max": n[2], "unit": unit}
                en = n[1]
                i += 1
        extra: dict = {}
        if more:
            extra["approx"] = True
            extra["bound"] = "min"
        a = _AFTER.match(f, en)
        if a:
            g = a.lastgroup
            extra["bound" if g != "within" else "within"] = g if g != "within" else True
            if g == "max" and a.group().strip().endswith("内"):
                extra["within"] = True
        b = _BEFORE.search(f, max(0, start - 4), start)
        if b:
            g = b.lastgroup
            if g == "lookback" and not extra.get("within"):
                extra["lookback"] = True  # 近三年: the look-back of a condition; 近三年内 is a window, like 三年内
            else:
                extra.setdefault("bound", g.rstrip("_x"))
                if g.endswith("_x"):
                    extra["exclusive"] = True
        out.append((start, en, value, extra))
        i += 1
    return out


def scan_durations(s: str, ref: Any = None) -> list[Mention]:
    """Durations in running text (value: FACTS duration dict; ``kind`` ``"duration"``/``"range"``).
    Never overlaps a date or period (``2020年`` is a date, ``2022—2024年`` a period), read as
    :func:`~policyparse.resolvers.dates.scan_temporal` reads them with the same ``ref`` (so a
    document's date scan and duration scan share that work)."""
    f = fold(s)
    return [Mention(a, b, s[a:b], v, "range" if "min" in v or "max" in v else "duration", e)
            for a, b, v, e in _items(f, ref_year=_ref_year(ref))]


_WHOLE_BOUNDS = rx(
    r"^(?P<a>.+?)(?:以上|及以上)[ \t,，]*(?P<b>.+?)(?:以下|及以下|以内)$"
)


def parse_duration(s: str) -> dict:
    """The duration written in ``s`` (see module doc): ``2年`` ``三年`` ``10个工作日`` ``1-2个月``
    ``半年`` ``两周`` ``三十年以上`` → ``{"min": 30, "unit": "year"}``. Raises ``ValueError``."""
    f = fold(s).strip()
    m = _WHOLE_BOUNDS.match(f)
    if m:
        a, b = parse_duration(m.group("a")), parse_duration(m.group("b"))
        if "value" in a and "value" in b and a["unit"] == b["unit"]:
            return {"min": a["value"], "max": b["value"], "unit": a["unit"]}
    items = _items(f, whole=True)
    if len(items) != 1:
        raise ValueError(f"not one duration: {s!r}")
    st, en, value, extra = items[0]
    rest = f[en:]
    a = _AFTER.fullmatch(f, en) if rest else None
    b = _BEFORE.fullmatch(f, 0, st) if st else None
    if (st and not b) or (rest and not a):
        raise ValueError(f"not a duration: {s!r}")
    out = dict(value)
    bound = extra.get("bound")
    if bound and "value" in out:
        out = {bound: out["value"], "unit": out["unit"]}
    return out
