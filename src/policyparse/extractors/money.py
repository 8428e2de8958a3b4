"""Money: amounts in yuan with bound (max/min/exact), per-unit, and role.

Values come from the shared money resolver (``50万元``, ``壹佰万元整``, ``1.5亿元``, ``10-50万元``,
``2万元／件``). The bound comes from the words around the amount (最高/不超过 → max; 不低于/以上 →
min); ``每个项目…50万元`` and ``每家…`` give ``per``. Phones, 文号 and 《》 titles are claimed
earlier, so no amount is read out of them.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.roles import classify, clause_before
from policyparse.models import Fact
from policyparse.resolvers.money import PER_PERIOD, scan_money
from policyparse.resolvers.patterns import MEASURE_UNIT_ALT, PEOPLE_COUNTING_VERBS

NAME = "money.v1"
TYPES = ("money",)

_PER = regex.compile(
    rf"(?:每(?:{PEOPLE_COUNTING_VERBS})?[1一]?|(?<![榜名清订菜账表报简传孤])单(?=[家个笔台套户]|品种))"
    r"(?P<cls>" + MEASURE_UNIT_ALT + r"|个|家|项|件|人|户|所|名|辆|台|套|座|次|笔|品种|亩|年|月|天|日)?"
    r"(?P<head>(?:(?![每单])\p{Han}){0,12}(?:项目|企业|单位|中心|机构|平台|专利|人才|品种))?"
    r"|(?P<average>亩|人|户)均"
)
_HEADS = ("项目", "企业", "单位", "中心", "机构", "平台", "专利", "人才", "品种")


def _per_unit(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """``(per, per_period)`` from 每…/单… words of the clause before an amount: ``每个企业…每年
    不超过5万元`` → (企业, 年); ``每人每天150元`` → (人, 天); ``单家企业最高80万元`` → (家, None).
    A classifier names the unit (每家企业 → 家, 每辆 → 辆, 单品种 → 品种); after the generic 个 the
    noun does (每个项目 → 项目); an average names it too (亩均税收 → 亩, 人均 → 人); so does a unit
    counted by a hiring verb (按每招用1人不超过1500元 → 人). The nearest counted unit wins."""
    before = clause_before(text, start)
    per = period = None
    for m in _PER.finditer(before):
        cls, head = m.group("cls"), m.group("head")
        if m.group("average"):  # 亩均投资强度不低于200万元: an amount per 亩
            per = m.group("average")
        elif cls in PER_PERIOD:
            period = PER_PERIOD[cls]
        elif cls and cls != "个":
            per = cls
        elif head:
            per = next(word for word in _HEADS if head.endswith(word))
    return per, period


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_money(ctx.text):
        if ctx.claims.overlaps(mention.start, mention.end):
            continue
        value = {k: v for k, v in mention.value.items()}
        if mention.kind != "range":
            value["bound"] = mention.extra.get("bound") or "exact"
        per_before, period_before = _per_unit(ctx.text, mention.start, mention.end)
        per = mention.extra.get("per") or per_before
        period = mention.extra.get("per_period") or period_before
        if per:
            value["per"] = per
        if period:
            value["per_period"] = period
        role, kind = classify(ctx, mention.start, mention.end)
        extras = {"kind": kind} if kind else {}
        facts.append(ctx.fact(NAME, "money", value, mention.start, mention.end, role=role, rule=f"money:{mention.kind}", **extras))
    return facts
