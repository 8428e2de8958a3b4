"""Thresholds: a metric compared with a number — eligibility conditions and KPI targets.

``拥有有效专利30件（含）以上`` → ``{metric: 有效专利, op: >=, value: 30, unit: 件}``. The operator comes
from the words before the number (不少于, 超过, 突破 …) or after its unit (以上, 以内 …), by the table
in ``extractors/threshold/operators.json``; a number with no comparison word is not a threshold. The
metric is the noun phrase of the clause before the comparison (fillers such as 拥有/其中 dropped);
when that is only a verb (``组建1个以上产业知识产权联盟``) the noun after the number completes it.
Money thresholds are in yuan with unit ``CNY``; percentages are fractions with unit ``%``.
``subject`` is the applicant type whose condition list holds the clause; ``period`` the look-back
window (近三年, 上一年度); ``kind`` is ``eligibility`` or ``kpi``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.roles import ELIGIBILITY_SECTION, TARGET_SECTION, section_titles
from policyparse.models import Fact
from policyparse.resolvers.money import parse_money
from policyparse.resolvers.numerals import parse_number
from policyparse.resolvers.percent import parse_percent
from policyparse.resources import read_json

NAME = "threshold.v1"
TYPES = ("threshold",)

_NUMBER = r"(?:\d+(?:[.,]\d+)*|[零一二两三四五六七八九十百千万]+)"
_BOUNDARY = "，,。；;：:、\n！？“”"
_NOT_A_METRIC = regex.compile(r"以下|上述|下列|如下|(?:给予|资助|支持|补助|奖补|推荐|原则上|限额|申报|择优)$")
"""Clauses that end like a funding cap, a quota or an N-of-M rule are other facts, not thresholds."""
_TRAILING_PAREN = regex.compile(r"[（(][^（）()]*[）)]$")
_SUBJECT_TITLE = regex.compile(r"^(?P<subject>.{2,20}?)(?:作为申报主体|作为建设主体)?(?:应|须|需)(?:同时)?(?:具备|满足|符合)")
_SUBJECT_LEAD = regex.compile(r"(?:申报|建设|承担)?(?P<subject>企业|单位|高等学校|高校|科研院所|服务机构|主体)(?:应|须|需)(?:同时)?(?:具备|满足|符合)")
_KPI_CUE = regex.compile(r"新增|力争|突破|实现|争取|增长|增幅|预计|提升|建成|培育")


def _table() -> dict:
    return read_json("threshold", "operators.json")


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    table = _table()
    alt = lambda words: "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    units = alt(["万亿元", "亿元", "万元", "千元", "元", "%", "％"] + table["count_units"])
    return regex.compile(
        rf"(?P<pre>{alt(table['prefix'])})?[ ]?(?:为|是)?[ ]?"
        rf"(?P<num>{_NUMBER})[ ]?(?P<unit>{units})"
        rf"(?P<post>{alt(table['suffix'])})?"
    )


def _clause_start(text: str, pos: int, ctx: Context | None = None) -> int:
    """Start of the clause that ends at ``pos``: back to a boundary mark, over whole bracketed
    asides (``专利（申请）实施率（包括自行实施、转让等）``), and never into a section marker."""
    floor = max(0, pos - 60)
    i = pos - 1
    depth = 0
    while i >= floor:
        ch = text[i]
        if ctx is not None and ctx.claims.overlaps(i, i + 1):
            return i + 1
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and ch in _BOUNDARY:
            return i + 1
        i -= 1
    return floor


def _strip_fillers(text: str, start: int, end: int, period: str | None) -> tuple[int, int, str | None]:
    """Narrow ``[start, end)`` past filler words at both ends; a look-back window found at the
    left becomes the period."""
    table = _table()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start, changed = start + 1, True
        for p in sorted(table["periods"], key=len, reverse=True):
            if text.startswith(p, start, end):
                period, start, changed = period or p, start + len(p), True
        for w in table["metric_prefix_fillers"]:
            if text.startswith(w, start, end):
                start, changed = start + len(w), True
        for w in table["metric_suffix_fillers"]:
            if end - start > len(w) and text.endswith(w, start, end):
                end, changed = end - len(w), True
    return start, end, period


def _period_in(clause: str) -> str | None:
    for p in sorted(_table()["periods"], key=len, reverse=True):
        if p in clause:
            return p
    return None


def _metric(ctx: Context, start: int, match_end: int) -> tuple[str, int, int, str | None]:
    """The metric before the quantity at ``start``: (metric, span start, span end, period).

    The span runs from the metric's first character to the end of the quantity, or to the end
    of the noun after it when the metric is a verb completed by that noun."""
    text = ctx.text
    c_start = _clause_start(text, start, ctx)
    m_start, m_end, period = _strip_fillers(text, c_start, start, None)
    aside = _TRAILING_PAREN.search(text, m_start, m_end)
    if aside and aside.start() > m_start:
        m_end = aside.start()
    metric = text[m_start:m_end]
    span_end = match_end
    if not metric and c_start > 0 and text[c_start - 1] in "，,":
        prev_start = _clause_start(text, c_start - 1, ctx)
        m_start, m_end, period = _strip_fillers(text, prev_start, c_start - 1, period)
        metric = text[m_start:m_end]
    if len(metric) <= 2:
        noun = regex.match(r"\p{Han}{2,16}?(?=[，。；、并且和\n]|$)", text[match_end:match_end + 20])
        if noun:
            metric += noun.group()
            span_end = match_end + noun.end()
    return metric, m_start, span_end, period or _period_in(text[c_start:start])


def _value(num: str, unit: str) -> tuple[Decimal, str]:
    if unit in ("%", "％"):
        return parse_percent(num + "%"), "%"
    if unit.endswith("元"):
        money = parse_money(num + unit)
        return Decimal(money["amount"]), "CNY"
    return parse_number(num), unit


def _subject(ctx: Context, offset: int) -> str | None:
    section = ctx.section(ctx.section_id(offset))
    while section is not None:
        m = _SUBJECT_TITLE.match(section.title)
        if m:
            return m.group("subject")
        lead = _SUBJECT_LEAD.search(ctx.text, section.span[0], min(section.span[1], section.span[0] + 80))
        if lead and lead.start() < offset:
            return lead.group("subject")
        section = ctx.section(section.parent)
    return None


def _kind(ctx: Context, offset: int, clause: str) -> str | None:
    titles = section_titles(ctx, offset)
    if TARGET_SECTION.search(titles):
        return "kpi"
    if ELIGIBILITY_SECTION.search(titles):
        return "eligibility"
    if _KPI_CUE.search(clause):
        return "kpi"
    return None


def extract(ctx: Context) -> list[Fact]:
    text = ctx.text
    table = _table()
    facts = []
    for m in _pattern().finditer(text):
        pre, post = m.group("pre"), m.group("post")
        if not pre and not post:
            continue
        if ctx.claims.overlaps(m.start("num"), m.end("unit")):
            continue
        op = table["suffix"][post] if post else table["prefix"][pre]
        if pre and post and table["prefix"][pre] != table["suffix"][post]:
            op = table["prefix"][pre]  # 不低于15%以上: the stricter reading of the prefix
        try:
            value, unit = _value(m.group("num"), m.group("unit"))
        except (ValueError, KeyError, ArithmeticError):
            continue
        metric, start, end, period = _metric(ctx, m.start(), m.end())
        if len(metric) < 2 or _NOT_A_METRIC.search(metric):
            continue
        clause = text[_clause_start(text, m.start()):m.end()]
        threshold = {"metric": metric, "op": op, "value": value, "unit": unit}
        subject = _subject(ctx, m.start())
        if subject:
            threshold["subject"] = subject
        if period:
            threshold["period"] = period
        kind = _kind(ctx, m.start(), clause)
        extras = {"kind": kind} if kind else {}
        rule = f"{pre or ''}N{m.group('unit')}{post or ''}"
        facts.append(ctx.fact(NAME, "threshold", threshold, start, end, rule=rule, **extras))
        facts.extend(_respectively(ctx, m.end(), start, threshold, rule, extras))
    return facts


_NEXT_QUANTITY = regex.compile(rf"、[ ]?(?P<num>{_NUMBER})[ ]?(?P<unit>[^\d、，。；\s]{{1,3}}?)(?=[、，。；,;\s]|$)")


def _respectively(ctx: Context, pos: int, start: int, first: dict, rule: str, extras: dict) -> list[Fact]:
    """``分别突破5件、3件、2件``: each further quantity is a threshold on the same metric and op."""
    facts = []
    while True:
        m = _NEXT_QUANTITY.match(ctx.text, pos)
        if not m:
            return facts
        try:
            value, unit = _value(m.group("num"), m.group("unit"))
        except (ValueError, KeyError, ArithmeticError):
            return facts
        facts.append(ctx.fact(NAME, "threshold", {**first, "value": value, "unit": unit}, start, m.end(),
                              rule=rule + "+分别", **extras))
        pos = m.end()
