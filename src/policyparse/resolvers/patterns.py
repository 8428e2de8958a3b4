"""Named, composable regex fragments (strings) shared by the resolvers.

Fragments are written for the *folded* text (see :func:`policyparse.resolvers.base.fold`):
full-width digits and punctuation are already ASCII, traditional numeral characters simplified.
Compose them with f-strings and compile once at import (``regex`` module, ``VERSION1`` not needed).
"""

from __future__ import annotations

import re
import warnings

import regex

from policyparse.charsets import HAN_RANGES

# --- characters -------------------------------------------------------------------------------

CN_DIGIT_CHARS = "一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖"
"""Chinese digits 1–9, common and financial (大写) forms."""
CN_ZERO_CHARS = "零〇"
CN_TENS_CHARS = "廿卅卌"
"""20, 30, 40 in one character."""
CN_SMALL_UNIT_CHARS = "十拾百佰千仟"
CN_BIG_UNIT_CHARS = "万亿"
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + CN_ZERO_CHARS + CN_TENS_CHARS + CN_SMALL_UNIT_CHARS + CN_BIG_UNIT_CHARS

CN_DIGIT = f"[{CN_DIGIT_CHARS}]"
CN_ZERO = f"[{CN_ZERO_CHARS}]"
CN_NUMERAL = f"[{CN_NUMERAL_CHARS}]"
"""Any character that can be part of a Chinese numeral."""

SP = r"[ \t]"
"""A horizontal space (after folding, U+3000 is a plain space)."""
SPS = r"[ \t]{0,4}"
"""Optional horizontal spacing inside a construct (PDF/HTML copies put spaces between tokens)."""

DASH = r"(?:——|--|—|-|~|－)"
"""Range dashes after folding: ASCII hyphen (folded from – ‐ − －), em dash, doubled em dash, tilde."""
RANGE_SEP = rf"(?:{SPS}(?:——|--|—|-|~|至|到)(?:{SPS}|(?=\S)))"
"""Separator between the two ends of a range (至, 到 or a dash), with optional spacing."""

ARABIC_INT = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
"""An Arabic integer, with or without thousands separators (``2,000``; ``１，２３４`` after folding)."""
ARABIC_NUM = rf"(?:{ARABIC_INT}(?:\.\d+)?|\.\d+)"

# --- currencies -------------------------------------------------------------------------------

CURRENCY_WORDS: dict[str, str] = {
    "人民币": "CNY", "元": "CNY", "圆": "CNY", "块": "CNY", "块钱": "CNY",
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "澳元": "AUD", "澳门元": "MOP", "新台币": "TWD", "韩元": "KRW", "卢布": "RUB",
    "瑞士法郎": "CHF", "加元": "CAD", "新加坡元": "SGD", "美圆": "USD", "台币": "TWD", "日币": "JPY",
    "韩币": "KRW", "泰铢": "THB", "越南盾": "VND", "卢比": "INR", "新币": "SGD", "马币": "MYR", "澳币": "AUD",
    "加币": "CAD", "英磅": "GBP", "欧币": "EUR",
}
"""Currency words and their ISO 4217 codes (``元`` alone means CNY in a Chinese notice)."""

FOREIGN_CURRENCY = "|".join(sorted((w for w, c in CURRENCY_WORDS.items() if c != "CNY"), key=len, reverse=True))
CNY_UNIT = r"(?:元|圆|块钱|块)"
CURRENCY_UNIT = rf"(?:{FOREIGN_CURRENCY}|人民币|{CNY_UNIT})"

# --- dates ------------------------------------------------------------------------------------

YEAR4 = r"(?:1[89]\d{2}|20\d{2}|2100)"
"""A four-digit year 1800–2100 (callers add the digit boundaries)."""
YEAR_CN = r"[〇零一二三四五六七八九]{4}"
"""A year written digit by digit in Chinese (``二〇二三``)."""
MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
MONTH_CN = r"(?:十[一二]?|[一二三四五六七八九]|元|正)"
DAY_CN = r"(?:三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
HOUR_CN = r"(?:二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二三四五六七八九两])"
MINUTE_CN = r"(?:[一二三四五]?十[一二三四五六七八九]?|[零〇][一二三四五六七八九]|[一二三四五六七八九])"
DAYPART = r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|夜间|夜里|午后|早晨|晚间|白天|早|晚)"
WEEKDAY = r"(?:[(]?(?:星期|周|礼拜)?[一二三四五六日天][)]?)"

# --- compiled patterns ------------------------------------------------------------------------

_ALL: list[LazyPattern] = []



_DIFFERING_CLASSES = frozenset("wWbBsS")


def for_stdlib(pattern: str) -> str:
    """``pattern`` in the standard library's syntax: each ``\\p{Han}`` becomes :data:`HAN_RANGES`
    (inside a character class) or a class of them (outside one). Other ``regex``-only syntax is left
    as it is, for :func:`re.compile` to refuse. ``\\w \\W \\b \\B \\s \\S`` raise ValueError: the
    two libraries draw those classes differently (``²`` is a word character to ``re`` only, U+001C
    a space to ``re`` only)."""
    out: list[str] = []
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("\\p{Han}", i):
            out.append(HAN_RANGES if in_class else f"[{HAN_RANGES}]")
            i += 7
            continue
        ch = pattern[i]
        if ch == "\\":
            if pattern[i + 1:i + 2] in _DIFFERING_CLASSES:
                raise ValueError(f"\\{pattern[i + 1]} means different things to re and regex: {pattern!r}")
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            if pattern.startswith("^", i + 1):  # a ] right after [ or [^ is a literal
                out.append("^")
                i += 1
            if pattern.startswith("]", i + 1):
                out.append("]")
                i += 1
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


ENGINES = ("regex", "re")
"""Which library compiles a pattern.

``regex`` (the default) knows Unicode scripts and variable-width lookbehinds, and its search
optimizations make it the faster one for most scans of a whole text. The standard library's ``re``
costs about a third as much per call, which wins for a pattern called hundreds of times a notice
at one position or over a few characters (``_TAIL.match(f, r.end)`` after every number), and for
some scans whose shape ``re`` happens to search faster. A pattern opts in with ``engine="re"``;
which ones do was measured by timing both engines on every call a parse of the corpora makes.
One difference is left: ``regex`` knows 110 digits of a newer Unicode than Python's (all above
U+FFFF) that ``re``'s ``\\d`` does not; no notice writes its numbers in them."""


class LazyPattern:
    """A pattern compiled once per process, on first use.

    Compiling every resolver pattern with ``regex`` costs ~90 ms, which would make importing
    :mod:`policyparse.resolvers` slow for every caller, including those that only need one
    resolver. The first method call compiles the pattern and binds ``match``/``search``/… as
    instance attributes, so later calls go straight to the compiled pattern (no per-call cost).
    :func:`warm_up` compiles everything ahead of time (batch runs, benchmarks).
    """

    _METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0, engine: str = "regex") -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown regex engine {engine!r}; one of {ENGINES}")
        self.pattern = pattern
        self.flags = flags
        self.engine = engine
        _ALL.append(self)

    def compiled(self) -> regex.Pattern | re.Pattern:
        c = compile_pattern(self.pattern, self.flags, self.engine)
        for name in self._METHODS:
            setattr(self, name, getattr(c, name))
        self.__dict__["_compiled"] = c
        return c

    def __getattr__(self, name: str):
        """Any other attribute of the compiled pattern (``groupindex``, ``groups`` …), compiling it
        on the first use only."""
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        return getattr(compiled if compiled is not None else self.compiled(), name)


def compile_pattern(pattern: str, flags: int = 0, engine: str = "regex") -> regex.Pattern | re.Pattern:
    """``pattern`` compiled now by ``engine`` (see :data:`ENGINES`); for ``re``, ``\\p{Han}`` is
    rewritten by :func:`for_stdlib` and ``flags`` must be ``re`` flags."""
    if engine != "re":
        return regex.compile(pattern, flags)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)  # a nested set ([[…]): regex reads it otherwise
        return re.compile(for_stdlib(pattern), flags)


def rx(pattern: str, flags: int = 0, *, engine: str = "regex") -> LazyPattern:
    """A resolver pattern: compiled once, on first use (see :class:`LazyPattern`), by ``engine``
    (see :data:`ENGINES`)."""
    return LazyPattern(pattern, flags, engine)


def warm_up() -> int:
    """Compile every resolver pattern now; returns how many were compiled."""
    n = 0
    for p in _ALL:
        if "_compiled" not in p.__dict__:
            p.compiled()
            n += 1
    return n


# --- units of measure --------------------------------------------------------------------------

MEASURE_UNITS: tuple[str, ...] = (
    "平方公里", "平方米", "㎡", "m²", "m2", "立方米", "毫升", "ml", "mL", "升",  # area, volume
    "公里", "千米", "米", "公斤", "千克", "万吨", "吨",  # length, mass
    "兆瓦时", "千瓦时", "兆瓦", "千瓦", "瓦时", "瓦", "度", "GW", "MW", "MWh", "MWp", "kW", "KW", "kw", "kWh", "KWh", "kwh", "kWp", "KWp", "Wp", "W",  # power, energy
    "千伏安", "kVA", "安培",  # apparent power (transformers), current (meters)
    "万吨标准煤", "吨标准煤", "吨标煤", "吨二氧化碳当量", "吨二氧化碳",  # energy and carbon accounting
)
"""Physical units a notice measures or prices by: the unit of a threshold (``并网规模不低于10千瓦``)
and the unit an amount is paid per (``0.1元/千瓦时``, ``每平方米…补贴10元``). One list for both."""
MEASURE_UNIT_ALT = "|".join(regex.escape(u) for u in sorted(MEASURE_UNITS, key=len, reverse=True))
""":data:`MEASURE_UNITS` as a regex alternation, longest first (千瓦时 before 千瓦)."""

# --- people counted by an action ------------------------------------------------------------------

HIRING_VERBS = "吸纳|招用|招录|录用|聘用|招收|安置|雇用|招聘|接收|引进"
"""Verbs of taking people on (``企业吸纳登记失业半年以上人员``, ``按每招用1人…``)."""
PEOPLE_COUNTING_VERBS = f"{HIRING_VERBS}|培训|带动|新增|增加"
"""Verbs after 每 that count the people an amount is paid per (``每招用1人``, ``每培训1人``, ``每增加1人``)."""
PERSON_NOUNS = "农民工|劳动者|毕业生|研究生|本科生|人员|人才|职工|员工|青年|工人|学生|博士|硕士"
"""Head nouns of people a notice counts, hires or pays (``吸纳登记失业半年以上人员``, ``有1名员工…``,
``本科毕业生补贴2万元``), longest first."""
SHARE_FRACTION = "[二两三四五六七八九十]分之[一二三四五六七八九]"
"""A share written as a simple fraction (``三分之一``, ``四分之一``)."""
CHANGE_VERBS = "提高|提升|增加|上调|调整|放宽|降低|下调|减少|压减|降"
"""Verbs that move a standard or a limit to a new value (``由2400元提高至2800元``, ``额度提高至80万元``,
``最低首付比例由30%调整为20%``); 至/到/为 follow them."""

# --- who is left out ------------------------------------------------------------------------------

EXCLUSION_WORDS = "不予|不安排|不纳入|不列入|不享受|不给予|不属于|不受理|不支持|不得申报|不能申报|不再安排|不再支持"
"""The words that leave a case out (不予支持, 不受理, 不得申报 …)."""
EXCLUSION_AFTER = rx(
    rf"(?:的|者)(?:\p{{Han}}{{0,10}}?)[，,]?(?:一律|均|将|则|原则上)?(?:{EXCLUSION_WORDS})",
    engine="re",
)
"""What follows a comparison that names who is left out (``…1万元以下的企业不安排``, ``…低于500万元的，
不予支持``): thresholds and money bounds read the opposite condition."""
EXCLUSION_LEAD = rx(rf"(?:{EXCLUSION_WORDS})[^。]{{0,8}}[：:]$", engine="re")
"""A lead line that announces the items under it as cases left out (``以下申报项目不予受理：``,
``有下列情形之一的，不予支持：``)."""
