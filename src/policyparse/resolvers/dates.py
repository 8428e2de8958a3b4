"""Dates and periods: absolute Gregorian dates as written in notices.

Normal forms (shared/FACTS.md): a date is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
``YYYY-MM-DDTHH:MM`` — partial dates stay partial; a period is ``{"start", "end"}`` with
*inclusive* ends (``2022—2024年`` → ``{"start": "2022", "end": "2024"}``).

How it works: one regex finds *atoms* (``2023年``, ``6月``, ``21日``, ``2020-06-12``,
``下午5:00``, ``第三季度`` …); adjacent atoms join into *chunks* (one date each); two chunks
joined by a range separator (至 到 - — ~ 起至, 和…之间) form a *period*, the right end
inheriting what it leaves out (``2023年12月4日至12月8日``, ``6月21日-30日``, ``2018年9月至12月``,
``2022—2024年``, ``2020年5月11-18日``). Overlaps never happen: a period consumes its chunks.

Decisions:

* Without a year (``6月30日``) the year comes from ``ref`` (``year_inferred=True``);
  :func:`parse_date` without ``ref`` raises ``ValueError``; the scanners still report the
  mention with ``value=None`` and ``extra["partial"] = "--06-30"`` (ISO 8601 no-year form).
* A two-digit year (``16年4月3日``) takes the century closest to ``ref`` (00–49 → 20xx and
  50–99 → 19xx without one) and is flagged ``year_inferred=True`` (the century is inferred).
  The scanners accept two-digit years only with a month (``18年10月``) or a leading zero
  (``07年``), since ``10年`` in a notice is nearly always a duration.
* Time of day keeps hours and minutes; seconds are dropped. ``下午/晚上/晚`` add 12 hours
  (``下午5:00`` → ``17:00``).
* Sub-periods of a year or month: quarters (``第三季度``, ``首季度``, ``前两个季度``), halves
  (``上半年``), ``第N个月``/``首月``/``前N个月``/``后N个月``, ISO-style weeks counted from the first
  Monday (``第二周``), 旬 (``上旬`` 1–10, ``中旬`` 11–20, ``下旬`` 21–end). ``季度末`` is the
  quarter's last month, and so ``年底/年末`` is the year's: ``YYYY-12``; ``月底/月末`` → ``YYYY-MM``
  (partial dates stay partial, as the facts contract says: no day is invented; ``extra["mod"]`` and
  the role say it is the end of that month, and a comparison of deadlines reads a partial date at
  its last day).
* Modifiers stay outside the span and go to ``extra["mod"]``: ``since`` (起 开始 以来 自 从),
  ``after`` (之后 以后 后), ``before`` (前 之前 以前), ``until`` (或之前 及以前 截至 截止 止),
  ``by`` (到/至 + a target year), ``approx`` (左右 前后), ``within`` (内 以内); ``extra["mod_span"]``
  covers the modifier too. A period's span includes a closing ``止``.
* Not handled (by design): relative dates (今年, 下周五, 三天后), lunar dates, festivals and solar
  terms, era names, day-first ``10/1/2017``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import regex

from policyparse.charsets import ANY_DIGIT
from policyparse.resolvers.base import Mention, fold
from policyparse.resolvers.memo import per_document
from policyparse.resolvers.patterns import DAYPART, YEAR4, YEAR_CN, rx
from policyparse.resolvers.protect import protected_spans

__all__ = ["DateValue", "last_day_of", "parse_date", "parse_period", "parse_period_ex", "scan_dates", "scan_periods", "scan_temporal"]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: ``value`` in a FACTS.md date form, ``year_inferred`` when the year (or
    its century) was not written, ``mod`` for a modifier in the parsed string (see module doc)."""

    value: str
    year_inferred: bool = False
    mod: str | None = None


# --- fragments --------------------------------------------------------------------------------

_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9])"
_MONN = r"(?:1[0-2]|0?[1-9])"
_SEPC = r"(?:——|--|—|-|~|至|到)"
_RSEP = r"[ \t]{0,3}(?:起|开始)?[ \t]{0,3}" + _SEPC + r"[ \t]{0,3}"
_HOUR_CN = r"(?:二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二三四五六七八九两])"
_MIN_CN = r"(?:[一二三四五]?十[一二三四五六七八九]?|[零〇][一二三四五六七八九]|[一二三四五六七八九])"
_TIME = (
    r"(?:(?P<tm_dp>" + DAYPART + r")[ \t]{0,2})?"
    r"(?:(?P<tm_h>[01]?\d|2[0-4]):(?P<tm_mi>[0-5]\d)(?::[0-5]\d)?(?!\d)(?:时)?"
    r"|(?P<tm_h2>[01]?\d|2[0-4]|" + _HOUR_CN + r")[ \t]*[时点](?![\d]{2}:)"
    r"(?:[ \t]*(?:(?P<tm_mi2>[0-5]?\d|" + _MIN_CN + r")[ \t]*分?(?:[ \t]*(?:[0-5]?\d|" + _MIN_CN + r")[ \t]*秒)?"
    r"|(?P<tm_half>半)|(?P<tm_q>[一三])刻|整))?)"
)
_NSMALL = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九]|十)"

_CN_NUMERAL = "〇零一二三四五六七八九十廿两"
_ATOM_FIRST = "0-9〇零一二三四五六七八九十廿两第首前后上中下最底末年月早晚凌傍夜午白"
"""The characters a date atom starts with (Arabic digits are ASCII: the text is folded)."""
_ATOM = rx(
    r"(?=[" + _ATOM_FIRST + r"])"
    r"(?:"
    # numeric full date, optionally glued to a time (2019-11-0508:45)
    r"(?P<ymd>(?<![\d.])(?P<ymd_y>" + YEAR4 + r")[-/.](?P<ymd_m>" + _MONN + r")[-/.](?P<ymd_d>" + _DAYN + r")"
    r"(?:(?=[01]\d:|2[0-3]:)|(?![\d]|\.\d)))"
    r"|(?P<cmp>(?<![\d.])(?P<cmp_y>(?:19|20)\d{2})(?P<cmp_m>0[1-9]|1[0-2])(?P<cmp_d>0[1-9]|[12]\d|3[01])(?![\d]))"
    r"|(?P<ym>(?<![\d.])(?P<ym_y>" + YEAR4 + r")[-/.](?P<ym_m>" + _MONN + r")(?![\d]|\.\d))"
    r"|(?P<yr>(?P<yr_y>(?<![\d.])" + YEAR4 + r"(?!\d)|(?<![〇零一二三四五六七八九])" + YEAR_CN + r"|(?<![\d.])\d{2})[ \t]*年(?P<yr_fy>度)?)"
    r"|(?P<by>(?<![\d.])(?P<by_y>" + YEAR4 + r")(?=" + _RSEP + r"(?:" + YEAR4 + r"|\d{2})[ \t]*年))"
    r"|(?P<ny>(?<=" + _SEPC + r"[ \t]{0,3})(?P<ny_y>" + YEAR4 + r")(?![\d年.\-/]))"
    r"|(?P<q>(?:第(?P<q_n>[一二三四1-4])|(?P<q_n2>[一二三四1-4])|(?P<q_first>首))[ \t]*个?季度(?P<q_end>末|底)?)"
    r"|(?P<qs>前(?P<qs_n>[一二两三四1-4])个?季度)"
    r"|(?P<half>(?P<half_w>上|下|前|后)半年)"
    r"|(?P<mth>(?:第(?P<mth_n>" + _NSMALL + r")个月|第(?P<mth_n2>" + _NSMALL + r")月|(?P<mth_first>首)月))"
    r"|(?P<mths>(?P<mths_w>前|后|最后)[ \t]*(?P<mths_n>" + _NSMALL + r")[ \t]*个?[ \t]*月)"
    r"|(?P<wk>(?:第(?P<wk_n>" + _NSMALL + r")|(?P<wk_first>首))个?(?:周|星期|礼拜))"
    r"|(?P<wks>前(?P<wks_n>" + _NSMALL + r")个?(?:周|星期|礼拜))"
    r"|(?P<xun>(?P<xun_w>上|中|下)旬)"
    r"|(?P<endof>(?<=[年月])(?:底|末)|(?<=年)年(?:底|末)|(?<=月)月(?:底|末))"
    r"|(?P<mo>(?P<mo_m>" + _MON + r")[ \t]*月(?:份)?)"
    r"|(?P<bm>(?P<bm_m>" + _MON + r")(?=" + _RSEP + _MON + r"[ \t]*月))"
    r"|(?P<dy>(?P<dy_d>" + _DAY + r")[ \t]*[日号])"
    r"|(?P<bd>(?P<bd_d>" + _DAY + r")(?=" + _RSEP + _DAY + r"[ \t]*[日号]))"
    r"|(?P<dt>(?<=月[ \t]{0,2})(?P<dt_d>" + _DAYN + r")(?=(?:[01]?\d|2[0-3]):[0-5]\d))"
    r"|(?P<dn>(?<=月[ \t]{0,2})(?P<dn_d>" + _DAY + r")(?![\d.,%]|[ \t]*[个年月天万亿元号日时点分项件家人次名多余]))"
    r"|(?P<tm>" + _TIME + r"))"
)

# What may sit between two atoms of one chunk.
_GLUE = rx(r"[ \t]{0,2}(?:的[ \t]{0,2}|\((?:星期|周|礼拜)?[一二三四五六日天]\)[ \t]{0,2}|-(?=\d{1,2}:))?", engine="re")
_GAP_SEP = rx(_RSEP, engine="re")
_GAP_AND = rx(r"[ \t]{0,3}[和与][ \t]{0,3}", engine="re")
_BETWEEN = rx(r"[ \t]{0,2}之?间")
_INCLUSIVE_ASIDE = rx(r"[ \t]{0,2}\((?:含|包含|包括)[^()]{0,16}\)", engine="re")
"""``2022年5月16日（含5月16日）至…``: an aside saying an end is inclusive, part of the range."""
_STOP = rx(r"[ \t]{0,2}止")
_MOD_AFTER = rx(
    r"[ \t]{0,2}(?:(?P<until>或之前|及之前|及以前|或以前|以前\(含\)|前\(含\)|\(含\)以前|\(含\)前)"
    r"|(?P<since_incl>或之后|及之后|及以后|或以后|以后\(含\)|\(含\)以后|\(含\)之后)"
    r"|(?P<before>之前|以前|前)|(?P<since>起|开始|以来)|(?P<after>之后|以后|后)|(?P<end>止)"
    r"|(?P<approx>左右|前后)|(?P<within>以内|之内|内))",
    engine="re",
)
_MOD_BEFORE = rx(
    r"(?:(?P<since>自从|自|从|由)|(?P<until>截至|截止到|截止至|截止|至迟|最迟)|(?P<by>到|至))[ \t]{0,2}$"
)

_REF_YEAR = rx(r"\d{4}")
_TWO_DIGIT_YEAR = rx(r"(\d{2})[ \t]*年(度)?")
_BARE_YEAR = rx(YEAR4)
_SPACED_YMD = rx(r"(" + YEAR4 + r") (1[0-2]|0?[1-9]) (3[01]|[12]\d|0?[1-9])")

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_LATE_PARTS = ("下午", "晚上", "晚", "傍晚", "夜间", "夜里", "午后", "晚间")

_ORDER = {"y": 0, "m": 1, "d": 2, "t": 3}


def _small(s: str) -> int:
    """A small number (month, day, hour, count) in Arabic or Chinese."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s == "元":  # 元月 = January
        return 1
    if s.startswith("廿"):
        return 20 + (_CN_DIGIT[s[1]] if len(s) > 1 else 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGIT[a] if a else 1) * 10 + (_CN_DIGIT[b] if b else 0)
    if len(s) == 1:
        return _CN_DIGIT[s]
    raise ValueError(s)


def _year_digits(s: str) -> str:
    s = s.strip()
    if s.isdigit():
        return s
    return "".join(str(_CN_DIGIT[c]) for c in s)


@dataclass
class _Chunk:
    start: int
    end: int
    y: int | None = None
    y2: bool = False            # two-digit year written
    y2_raw: int | None = None
    m: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    late: bool = False          # 下午/晚上
    fy: bool = False            # 年度
    sub: tuple | None = None    # ("q", n) / ("q_end", n) / ("qs", n) / ("half", "上") / ...
    bare: str | None = None     # "y" | "m" | "d" | "ny": a range end without its unit
    numeric: bool = False
    last: str = ""              # rank of the last field
    kinds: list = field(default_factory=list)


_D = "[" + ANY_DIGIT + "]"
_AFTER_MONTH = r"(?<=月.)|(?<=月[ \t].)|(?<=月[ \t]{2}.)"
_AFTER_SEP = r"(?<=[—\-~至到].)|(?<=[—\-~至到][ \t].)|(?<=[—\-~至到][ \t]{2}.)|(?<=[—\-~至到][ \t]{3}.)"
_AFTER_MONTH_OR_SEP = r"(?<=[月—\-~至到 \t].)(?:" + _AFTER_MONTH + "|" + _AFTER_SEP + ")"
"""The lookbehinds of dt, dn and ny, behind one cheap test of the character before the atom."""
_COUNT = "[" + ANY_DIGIT + "一二两三四五六七八九十]"
_HOUR_NEXT = r"[ \t]{0,2}[" + ANY_DIGIT + "零〇一二三四五六七八九十两]"
_ATOM_CANDIDATE = rx(
    # the first character of an atom (a leading class, which re skips to), then, looking back at it,
    # what the alternatives of _ATOM that start with it need after it
    r"[" + _ATOM_FIRST + r"](?:"
    # a month, day, time or quarter of one or two digits (mo bm dy bd tm q), a two-digit year (yr),
    # a four-digit year (ymd ym yr by cmp), or a day or year after 月 or a range separator (dt dn ny)
    r"(?<=[0-9])(?:(?=" + _D + r"?(?::|[ \t]*(?:[月日号时点起开—\-~至到]|个?季)))|(?=" + _D + r"[ \t]*年)"
    r"|(?<=[12])(?=" + _D + r"{3}(?:[-/.]|[ \t]*[年起开—\-~至到]|" + _D + r"{4}))|" + _AFTER_MONTH_OR_SEP + ")"
    # the same in Chinese numerals (up to three of them: 二十一日, 三十一日); a year of four digits
    r"|(?<=[" + _CN_NUMERAL + r"])(?:(?=[" + _CN_NUMERAL + r"]{0,3}[ \t]*(?:[月日号时点起开至到~\-—]|个?季))"
    r"|(?<=[〇零一二三四五六七八九])(?=[〇零一二三四五六七八九]{3}[ \t]*年)|(?<=[月 \t].)(?:" + _AFTER_MONTH + "))"
    # quarters, months and weeks counted (q qs mth mths wk wks), halves (half), 旬 (xun)
    r"|(?<=第)(?=" + _COUNT + r"{1,2}[ \t]*个?[季月周星礼])|(?<=首)(?=[ \t]*个?季|月|个?[周星礼])"
    r"|(?<=[前后])(?=半年|[ \t]*" + _COUNT + r"{1,2}[ \t]*个?[ \t]*[季月周星礼])|(?<=最)(?=后[ \t]*" + _COUNT + ")"
    r"|(?<=[上中下])(?=旬)|(?<=[上下])(?=半年)"
    # a day part before an hour (tm): 上午 下午 中午 晚上 早上 凌晨 傍晚 夜间 夜里 午后 早晨 晚间 白天 早 晚
    r"|(?<=[上下中])(?=午" + _HOUR_NEXT + r")|(?<=晚)(?=[上间]?" + _HOUR_NEXT + r")|(?<=早)(?=[上晨]?" + _HOUR_NEXT + ")"
    r"|(?<=凌)(?=晨" + _HOUR_NEXT + r")|(?<=傍)(?=晚" + _HOUR_NEXT + r")|(?<=夜)(?=[间里]" + _HOUR_NEXT + ")"
    r"|(?<=午)(?=后" + _HOUR_NEXT + r")|(?<=白)(?=天" + _HOUR_NEXT + ")"
    # the end of a year or month (endof)
    r"|(?<=[年月][底末])|(?<=[年月])(?=[底末]))",
    engine="re",
)
"""The first character of what may be a date atom: every position :data:`_ATOM` matches at passes this
test, drawn from what each alternative of ``_ATOM`` needs (it lets in a little more, such as digits
beyond the Basic Multilingual Plane and spaces a form does not allow; ``_ATOM`` has the last word)."""


@per_document
def _atoms(f: str) -> tuple[regex.Match, ...]:
    """The date atoms of folded text ``f`` outside protected constructs (the same whatever year
    the dates are resolved against, so remembered for the document: the date and duration
    scanners both read them).

    The matches ``_ATOM.finditer`` gives, found faster: ``_ATOM`` is tried only where
    :data:`_ATOM_CANDIDATE` says an atom may start (about a tenth of the positions a scan tries),
    from the end of the last atom on, as ``finditer`` resumes. An atom is never empty."""
    prot = protected_spans(f)
    atom_at = _ATOM.match
    out = []
    resume = 0
    for candidate in _ATOM_CANDIDATE.finditer(f):
        pos = candidate.start()
        if pos < resume:
            continue
        m = atom_at(f, pos)
        if m is not None:
            resume = m.end()
            if not prot.overlaps(pos, resume):
                out.append(m)
    return tuple(out)


def _apply_atom(c: _Chunk, m: regex.Match) -> bool:
    """Add atom ``m`` to chunk ``c``; False if it cannot follow what the chunk holds."""
    g = m.lastgroup
    rank = c.last
    if g in ("ymd", "cmp", "ym", "yr", "by", "ny"):
        if c.kinds:
            return False
        c.numeric = g in ("ymd", "cmp", "ym", "ny", "by")
        if g == "ymd":
            c.y, c.m, c.d = int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"])
            c.last = "d"
        elif g == "cmp":
            c.y, c.m, c.d = int(m["cmp_y"]), int(m["cmp_m"]), int(m["cmp_d"])
            c.last = "d"
        elif g == "ym":
            c.y, c.m = int(m["ym_y"]), int(m["ym_m"])
            c.last = "m"
        elif g == "yr":
            raw = _year_digits(m["yr_y"])
            if len(raw) == 2:
                c.y2, c.y2_raw = True, int(raw)
            else:
                c.y = int(raw)
            c.fy = bool(m["yr_fy"])
            c.last = "y"
        elif g == "by":
            c.y = int(m["by_y"])
            c.bare = "y"
            c.last = "y"
        else:  # ny
            c.y = int(m["ny_y"])
            c.bare = "ny"
            c.last = "y"
    elif g in ("mo", "bm"):
        if rank not in ("", "y") or c.bare:
            return False
        c.m = _small(m["mo_m"] if g == "mo" else m["bm_m"])
        if g == "bm":
            c.bare = "m"
        c.last = "m"
    elif g in ("dy", "bd", "dt", "dn"):
        if rank not in ("", "m") or c.bare or c.sub:
            return False
        c.d = _small(m[g + "_d"])
        if g == "bd":
            c.bare = "d"
        c.last = "d"
    elif g == "tm":
        if rank not in ("", "d") or c.bare:
            return False
        if m["tm_h"] is not None:
            h, mi = int(m["tm_h"]), int(m["tm_mi"])
        else:
            h = _small(m["tm_h2"])
            if m["tm_half"]:
                mi = 30
            elif m["tm_q"]:
                mi = 15 if m["tm_q"] == "一" else 45
            elif m["tm_mi2"]:
                mi = _small(m["tm_mi2"])
            else:
                mi = 0
        dp = m["tm_dp"]
        if dp in _LATE_PARTS and h < 12:
            h += 12
            c.late = True
        elif dp == "中午" and h < 11:
            h += 12
        if h > 24 or mi > 59:
            return False
        c.hh, c.mi = h, mi
        c.last = "t"
    else:  # sub-periods
        if g in ("xun",):
            if rank != "m" or c.bare:
                return False
        elif g in ("wk", "endof"):
            if rank not in ("y", "m") or c.bare:
                return False
        else:
            if rank != "y" or c.bare or c.m is not None:
                return False
        if c.sub:
            return False
        if g == "q":
            n = 1 if m["q_first"] else _small(m["q_n"] or m["q_n2"])
            c.sub = ("q_end", n) if m["q_end"] else ("q", n)
        elif g == "qs":
            c.sub = ("qs", _small(m["qs_n"]))
        elif g == "half":
            c.sub = ("half", m["half_w"])
        elif g == "mth":
            c.sub = ("mth", 1 if m["mth_first"] else _small(m["mth_n"] or m["mth_n2"]))
        elif g == "mths":
            c.sub = ("mths", m["mths_w"], _small(m["mths_n"]))
        elif g == "wk":
            c.sub = ("wk", 1 if m["wk_first"] else _small(m["wk_n"]))
        elif g == "wks":
            c.sub = ("wks", _small(m["wks_n"]))
        elif g == "xun":
            c.sub = ("xun", m["xun_w"])
        elif g == "endof":
            c.sub = ("endof",)
        c.last = "s"
    c.kinds.append(g)
    c.end = m.end()
    return True


def _chunks(f: str, atoms: tuple[regex.Match, ...]) -> list[_Chunk]:
    out: list[_Chunk] = []
    cur: _Chunk | None = None
    for m in atoms:
        if cur is not None:
            g = _GLUE.match(f, cur.end) if m.start() >= cur.end else None
            if g is not None and g.end() == m.start() and _apply_atom(cur, m):
                continue
            out.append(cur)
            cur = None
        c = _Chunk(m.start(), m.end())
        if _apply_atom(c, m):
            cur = c
    if cur is not None:
        out.append(cur)
    return out


# --- resolution -------------------------------------------------------------------------------

def _ref_year(ref: Any) -> int | None:
    if ref is None:
        return None
    if isinstance(ref, int):
        return ref
    if isinstance(ref, (_dt.date, _dt.datetime)):
        return ref.year
    if isinstance(ref, DateValue):
        ref = ref.value
    s = str(ref)
    m = _REF_YEAR.match(s)
    return int(m.group()) if m else None


def _century(yy: int, anchor: int | None) -> int:
    if anchor is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    cands = [c * 100 + yy for c in (anchor // 100 - 1, anchor // 100, anchor // 100 + 1)]
    return min(cands, key=lambda y: (abs(y - anchor), -y))


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def last_day_of(value: str) -> str:
    """A date value of the facts contract read at its last day: ``2020`` → ``2020-12-31``,
    ``2020-02`` → ``2020-02-29``; a full date (or date and time) is returned unchanged. A deadline
    of 8月底 (``2020-08``) is then later than one of 8月15日."""
    if len(value) == 4 and value.isdigit():
        return _fmt(int(value), 12, 31)
    if len(value) == 7 and value[:4].isdigit() and value[5:].isdigit():
        y, m = int(value[:4]), int(value[5:])
        return _fmt(y, m, _last_day(y, m))
    return value


def _fmt(y: int, m: int | None = None, d: int | None = None, hh: int | None = None, mi: int | None = None) -> str:
    s = f"{y:04d}"
    if m is not None:
        s += f"-{m:02d}"
        if d is not None:
            s += f"-{d:02d}"
            if hh is not None:
                s += f"T{hh:02d}:{mi or 0:02d}"
    return s


class _InvalidDate(ValueError):
    """A well-formed date that does not exist (2019-02-29, 13月)."""


def _check(y: int, m: int | None, d: int | None) -> None:
    if not (1000 <= y <= 2999):
        raise _InvalidDate(f"year out of range: {y}")
    if m is not None and not 1 <= m <= 12:
        raise _InvalidDate(f"month out of range: {m}")
    if d is not None:
        if m is None:
            raise ValueError("day without month")
        if not 1 <= d <= _last_day(y, m):
            raise _InvalidDate(f"no such day: {y}-{m}-{d}")


def _first_monday(y: int, m: int) -> _dt.date:
    d = _dt.date(y, m, 1)
    return d + _dt.timedelta(days=(7 - d.weekday()) % 7)


@dataclass
class _Resolved:
    kind: str                  # "date" | "period"
    value: Any                 # str (date) or {"start","end"}
    year_inferred: bool = False
    partial: str | None = None  # "--MM-DD" when no year could be had


def _year_of(c: _Chunk, ref_year: int | None, anchor: int | None = None) -> tuple[int | None, bool]:
    if c.y is not None:
        return c.y, False
    if c.y2:
        return _century(c.y2_raw, anchor if anchor is not None else ref_year), True
    if ref_year is not None:
        return ref_year, True
    return None, True


def _resolve_chunk(c: _Chunk, ref_year: int | None) -> _Resolved:
    """The date (or sub-period) a chunk names. Raises ValueError when invalid."""
    if c.bare:
        raise ValueError("range end without its unit")
    if c.y is None and not c.y2 and c.m is None:
        raise ValueError("no year and no month")
    y, inferred = _year_of(c, ref_year)
    if y is None:
        _check(2000, c.m, c.d)  # validate what we can (leap day allowed)
        partial = f"--{c.m:02d}" + (f"-{c.d:02d}" if c.d else "")
        if c.sub == ("endof",) and c.d is None:
            partial = f"--{c.m:02d}"  # 6月底: the month, without a year
        elif c.sub or c.hh is not None:
            raise ValueError("needs a year")
        return _Resolved("date", None, True, partial)
    _check(y, c.m, c.d)
    if c.sub:
        return _resolve_sub(c, y, inferred)
    return _Resolved("date", _fmt(y, c.m, c.d, c.hh, c.mi), inferred)


def _resolve_sub(c: _Chunk, y: int, inferred: bool) -> _Resolved:
    kind = c.sub[0]
    if kind == "q":
        n = c.sub[1]
        if not 1 <= n <= 4:
            raise ValueError("quarter")
        return _Resolved("period", {"start": _fmt(y, 3 * n - 2), "end": _fmt(y, 3 * n)}, inferred)
    if kind == "q_end":
        n = c.sub[1]
        if not 1 <= n <= 4:
            raise ValueError("quarter")
        return _Resolved("date", _fmt(y, 3 * n), inferred)
    if kind == "qs":
        n = c.sub[1]
        if not 1 <= n <= 4:
            raise ValueError("quarters")
        return _Resolved("period", {"start": _fmt(y, 1), "end": _fmt(y, 3 * n)}, inferred)
    if kind == "half":
        first = c.sub[1] in ("上", "前")
        return _Resolved("period", {"start": _fmt(y, 1 if first else 7), "end": _fmt(y, 6 if first else 12)}, inferred)
    if kind == "mth":
        n = c.sub[1]
        _check(y, n, None)
        return _Resolved("date", _fmt(y, n), inferred)
    if kind == "mths":
        w, n = c.sub[1], c.sub[2]
        if not 1 <= n <= 12:
            raise ValueError("months")
        if w == "前":
            return _Resolved("period", {"start": _fmt(y, 1), "end": _fmt(y, n)}, inferred)
        return _Resolved("period", {"start": _fmt(y, 13 - n), "end": _fmt(y, 12)}, inferred)
    if kind in ("wk", "wks"):
        n = c.sub[1]
        month = c.m or 1
        first = _first_monday(y, month)
        start = first + _dt.timedelta(weeks=(n - 1 if kind == "wk" else 0))
        end = first + _dt.timedelta(weeks=n, days=-1)
        if not 1 <= n <= 53 or (c.m and n > 5):
            raise ValueError("week")
        return _Resolved("period", {"start": start.isoformat(), "end": end.isoformat()}, inferred)
    if kind == "xun":
        w = c.sub[1]
        a, b = {"上": (1, 10), "中": (11, 20), "下": (21, _last_day(y, c.m))}[w]
        return _Resolved("period", {"start": _fmt(y, c.m, a), "end": _fmt(y, c.m, b)}, inferred)
    if kind == "endof":  # partial dates stay partial: 年底 names the year's last month, 月底 the month
        return _Resolved("date", _fmt(y, c.m if c.m is not None else 12), inferred)
    raise ValueError(kind)  # pragma: no cover


def _key(y: int, m: int | None, d: int | None, hh: int | None, mi: int | None, end: bool) -> tuple:
    """A comparable instant: the first (or last, ``end``) minute of a partial date."""
    if m is None:
        m2, d2 = (12, 31) if end else (1, 1)
    else:
        m2 = m
        d2 = d if d is not None else (_last_day(y, m) if end else 1)
    if hh is None:
        hh2, mi2 = (23, 59) if end else (0, 0)
    else:
        hh2, mi2 = hh, mi or 0
    return (y, m2, d2, hh2, mi2)


def _combine(L: _Chunk, R: _Chunk, ref_year: int | None) -> _Resolved:
    """The period ``L – R``; R inherits the units it leaves out. Raises ValueError if invalid."""
    if L.sub or R.sub or R.bare in ("y", "m", "d"):
        raise ValueError("not a simple range")
    # what the left end is, at which grain
    ly, linf = _year_of(L, ref_year)
    if L.bare == "y" and R.y is None and not R.y2:
        raise ValueError("bare year needs a year on the right")           # 2022—2024年
    if L.bare == "m" and (R.y is not None or R.y2 or R.m is None or R.d is not None):
        raise ValueError("bare month needs a month on the right")         # 2018年2—4月
    if L.bare == "d" and (R.y is not None or R.y2 or R.m is not None or R.d is None):
        raise ValueError("bare day needs a day on the right")             # 2020年5月11-18日
    if R.bare == "ny" and not L.numeric:
        raise ValueError("bare right year needs a numeric left")
    # right inherits
    ry, rinf = (R.y, False) if R.y is not None else ((_century(R.y2_raw, ly if ly else ref_year), True) if R.y2 else (ly, linf))
    rm, rd, rhh, rmi = R.m, R.d, R.hh, R.mi
    if R.y is None and not R.y2:
        if rm is None and L.m is not None and (rd is not None or rhh is not None):
            rm = L.m
            if rd is None and L.d is not None:
                rd = L.d
        if R.m is None and R.d is None and rhh is not None and L.d is None:
            raise ValueError("time without a day")
    elif rm is None and rd is not None:
        raise ValueError("day without month")
    if rd is None and rhh is not None:
        raise ValueError("time without a day")
    if rhh is not None and R.hh is not None and L.late and not R.late and rhh < 12 and rhh + 12 >= (L.hh or 0):
        rhh += 12
    # grain check: the left must not be finer than makes sense with a year-only right
    if ly is None:
        # yearless on both sides: validate against a leap year and report partial
        _check(2000, L.m, L.d)
        _check(2000, rm, rd)
        if L.m is None or rm is None:
            raise ValueError("needs a year")
        if (L.m, L.d or 0) > (rm, rd or 0):
            raise ValueError("end before start")
        start = f"--{L.m:02d}" + (f"-{L.d:02d}" if L.d else "")
        end = f"--{rm:02d}" + (f"-{rd:02d}" if rd else "")
        return _Resolved("period", None, True, f"{start}/{end}")
    _check(ly, L.m, L.d)
    _check(ry, rm, rd)
    if _key(ly, L.m, L.d, L.hh, L.mi, False) > _key(ry, rm, rd, rhh, rmi, True):
        raise ValueError("end before start")
    if (ly, L.m, L.d, L.hh) == (ry, rm, rd, rhh) and L.mi == rmi:
        raise ValueError("empty range")
    return _Resolved(
        "period",
        {"start": _fmt(ly, L.m, L.d, L.hh, L.mi), "end": _fmt(ry, rm, rd, rhh, rmi)},
        linf or rinf,
    )


def _standalone_ok(c: _Chunk) -> bool:
    """Whether a chunk may stand alone as a date in running text."""
    if c.bare:
        return False
    if c.y is None and not c.y2 and c.m is None:
        return False
    if c.y2 and c.m is None and c.sub is None:
        # 07年 yes, 10年 (a duration) no
        return c.y2_raw is not None and c.y2_raw < 10 and f"{c.y2_raw:02d}".startswith("0")
    return True


def _mods(f: str, start: int, end: int) -> tuple[str | None, tuple[int, int]]:
    """The modifier around ``f[start:end]`` and the span it extends the construct to."""
    after, a, b = None, start, end
    m = _MOD_AFTER.match(f, end)
    if m:
        after = m.lastgroup
        b = m.end()
    before = None
    m2 = _MOD_BEFORE.search(f, max(0, start - 6), start)
    if m2 and m2.end() == start:
        before = m2.lastgroup
        a = m2.start()
    if after == "end":
        after = "until"
    elif after == "since_incl":
        after = "since"
    mod = after or before
    return mod, (a, b)


def _past_aside(f: str, end: int, chunks: list[_Chunk], k: int) -> tuple[int, int]:
    """(where a range end written at ``end`` stops, the index of the first chunk after it): past an
    inclusive aside (``（含5月16日）``, ``（含）``) and the chunks inside it, which restate the end."""
    aside = _INCLUSIVE_ASIDE.match(f, end)
    if aside is None:
        return end, k
    while k < len(chunks) and chunks[k].start < aside.end():
        k += 1
    return aside.end(), k


@per_document
def _temporal(f: str, ref_year: int | None) -> tuple[tuple, ...]:
    """(start, end, kind, value, year_inferred, partial, mod, mod_span, fy) for each date/period."""
    chunks = _chunks(f, _atoms(f))
    out = []
    i = 0
    n = len(chunks)
    while i < n:
        L = chunks[i]
        left_end, j = _past_aside(f, L.end, chunks, i + 1)
        if j < n:
            R = chunks[j]
            gap_sep = _GAP_SEP.fullmatch(f, left_end, R.start)
            gap_and = None if gap_sep else _GAP_AND.fullmatch(f, left_end, R.start)
            between = _BETWEEN.match(f, R.end) if gap_and else None
            if gap_sep or (gap_and and between):
                try:
                    res = _combine(L, R, ref_year)
                except _InvalidDate:
                    i = j + 1       # a range with an impossible date (2021年2月29日-3月1日): nothing
                    continue
                except (ValueError, KeyError):
                    res = None
                if res is not None:
                    end, i = _past_aside(f, R.end, chunks, j + 1)
                    stop = _STOP.match(f, end)
                    if between:
                        end = between.end()
                    elif stop:
                        end = stop.end()
                    mod, mspan = _mods(f, L.start, end)
                    out.append((L.start, end, "period", res.value, res.year_inferred, res.partial, mod, mspan, False))
                    continue
        if _standalone_ok(L):
            try:
                res = _resolve_chunk(L, ref_year)
            except (ValueError, KeyError):
                res = None
            if res is not None:
                mod, mspan = _mods(f, L.start, L.end)
                out.append((L.start, L.end, res.kind, res.value, res.year_inferred, res.partial, mod, mspan, L.fy))
        i += 1
    return tuple(out)


def scan_temporal(s: str, ref: Any = None) -> list[Mention]:
    """Dates and periods together, non-overlapping, in text order (see :func:`scan_dates`)."""
    f = fold(s)
    out = []
    for st, en, kind, value, inferred, partial, mod, mspan, fy in _temporal(f, _ref_year(ref)):
        extra: dict[str, Any] = {}
        if inferred:
            extra["year_inferred"] = True
        if partial:
            extra["partial"] = partial
        if mod:
            extra["mod"] = mod
            extra["mod_span"] = mspan
        if fy:
            extra["annual"] = True
        out.append(Mention(st, en, s[st:en], value, kind, extra))
    return out


def scan_dates(s: str, ref: Any = None) -> list[Mention]:
    """Dates in running text: ``value`` is the FACTS date string (``None`` for a yearless date
    without ``ref``, see ``extra["partial"]``). ``kind`` is ``"date"``.

    ``extra``: ``year_inferred``, ``partial``, ``mod``/``mod_span`` (modifiers such as 起 前 止),
    ``annual`` (``2020年度``). Dates that are ends of a period are not reported here (the period
    is, by :func:`scan_periods`); nothing is reported inside 文号, phone numbers, URLs or long digit
    strings. Use :func:`~policyparse.resolvers.protect.book_title_spans` to drop dates in 《》.
    """
    return [m for m in scan_temporal(s, ref) if m.kind == "date"]


def scan_periods(s: str, ref: Any = None) -> list[Mention]:
    """Periods in running text: ``value`` is ``{"start", "end"}`` with inclusive ends (``None``
    when a yearless range has no ``ref``; then ``extra["partial"] = "--06-21/--06-30"``)."""
    return [m for m in scan_temporal(s, ref) if m.kind == "period"]


def _single(s: str, ref: Any) -> tuple[_Resolved, str | None]:
    f = fold(s).strip()
    ry = _ref_year(ref)
    items = _temporal(f, ry)
    if len(items) != 1:
        raise ValueError(f"not one date: {s!r}")
    st, en, kind, value, inferred, _partial, mod, mspan, _fy = items[0]
    a, b = mspan if mod else (st, en)
    a = min(a, st)
    b = max(b, en)
    if a != 0 or b != len(f):
        raise ValueError(f"not a date: {s!r}")
    if value is None:
        raise ValueError(f"no year for {s!r} (pass ref=)")
    return _Resolved(kind, value, inferred), mod


def _single_lenient(s: str, ref: Any) -> tuple[_Resolved, str | None]:
    """Like :func:`_single`, also accepting a two-digit year alone (``24年``)."""
    try:
        return _single(s, ref)
    except ValueError:
        f = fold(s).strip()
        m = _TWO_DIGIT_YEAR.fullmatch(f)
        if m:
            return _Resolved("date", _fmt(_century(int(m.group(1)), _ref_year(ref))), True), None
        m = _BARE_YEAR.fullmatch(f)
        if m:                                   # a bare year handed over as a date
            return _Resolved("date", f), None
        m = _SPACED_YMD.fullmatch(f)
        if m:
            y, mo, d = (int(x) for x in m.groups())
            _check(y, mo, d)
            return _Resolved("date", _fmt(y, mo, d)), None
        raise


_PLAIN_DATE = rx(r"((?:19|20)[0-9]{2})(?:年([0-9]{1,2})月([0-9]{1,2})日|-([0-9]{1,2})-([0-9]{1,2}))", engine="re")
"""The two shapes most notices are signed and published with (``2023年5月9日``, ``2023-05-09``), in ASCII
digits and without spaces: :func:`parse_date` reads a real date of them directly, as its general reading
would (``tests/test_resolvers.py`` checks every day of two years and every year's edges), at a tenth of
the cost."""


def parse_date(s: str, ref: Any = None) -> DateValue:
    """The date written in ``s``: ``2023年6月21日`` → ``2023-06-21``; ``2023年6月21日下午5:00`` →
    ``2023-06-21T17:00``; ``2020/6/12``; ``二〇二三年五月九日``; ``2020年度`` → ``2020``;
    ``2023年6月`` → ``2023-06``; ``6月30日`` with ``ref`` → year from ``ref``
    (``year_inferred=True``), without ``ref`` → ``ValueError``. ``ref`` may be a year, a date, or
    a FACTS date string. A modifier around the date (起 前 截至 …) is returned in ``mod``.
    Raises ``ValueError`` for anything else, periods included.
    """
    plain = _PLAIN_DATE.fullmatch(s)
    if plain:
        year, month, day = (int(g) for g in plain.groups() if g is not None)
        try:
            return DateValue(_dt.date(year, month, day).isoformat())
        except ValueError:
            pass  # 2023年2月30日: the general reading says why it is none
    res, mod = _single_lenient(s, ref)
    if res.kind != "date":
        raise ValueError(f"a period, not a date: {s!r}")
    return DateValue(res.value, res.year_inferred, mod)


def parse_period(s: str, ref: Any = None) -> dict:
    """The period written in ``s`` as ``{"start", "end"}`` (inclusive, partial dates kept):
    ``2022—2024年``, ``2023年12月4日至12月8日``, ``6月21日-30日`` (needs ``ref``),
    ``2023年1月1日起至2025年12月31日止``, ``2018年9月至12月``, ``2023年第三季度``, ``2023年上半年``.
    Raises ``ValueError`` otherwise. :func:`parse_period_ex` also says whether a year was inferred.
    """
    return parse_period_ex(s, ref)[0]


def parse_period_ex(s: str, ref: Any = None) -> tuple[dict, bool]:
    """``(period, year_inferred)`` — see :func:`parse_period`."""
    res, _mod = _single(s, ref)
    if res.kind != "period":
        raise ValueError(f"a single date, not a period: {s!r}")
    return dict(res.value), res.year_inferred


def date_bounds(value: Any) -> tuple[str, str]:
    """First and last minute (``YYYY-MM-DDTHH:MM``) covered by a date string or period dict."""
    if isinstance(value, dict):
        return date_bounds(value["start"])[0], date_bounds(value["end"])[1]
    s = str(value)
    y = int(s[:4])
    m = int(s[5:7]) if len(s) >= 7 else None
    d = int(s[8:10]) if len(s) >= 10 else None
    hh = int(s[11:13]) if len(s) >= 13 else None
    mi = int(s[14:16]) if len(s) >= 16 else None
    a = _key(y, m, d, hh, mi, False)
    b = _key(y, m, d, hh, mi, True)
    f = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}"
    return f.format(*a), f.format(*b)
