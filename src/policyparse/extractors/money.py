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
from policyparse.resolvers.money import scan_money

NAME = "money.v1"
TYPES = ("money",)

_PER = regex.compile(r"每(?P<cls>个|家|项|件|人|户|所|名|年|次)?(?P<head>\p{Han}{0,12}(?:项目|企业|单位|中心|机构|平台|专利|人才))?")
_PER_AFTER = regex.compile(r"^\s*[/／每](?P<unit>项目|个|家|项|件|人|户|年|次)")


def _per_unit(text: str, start: int, end: int) -> str | None:
    before = clause_before(text, start)
    best = None
    for m in _PER.finditer(before):
        head = m.group("head")
        if head:
            for word in ("项目", "企业", "单位", "中心", "机构", "平台", "专利", "人才"):
                if head.endswith(word):
                    best = word
                    break
        elif m.group("cls") and m.group("cls") != "个":
            best = m.group("cls")
    return best


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_money(ctx.text):
        if ctx.claims.overlaps(mention.start, mention.end):
            continue
        value = {k: v for k, v in mention.value.items()}
        if mention.kind != "range":
            value["bound"] = mention.extra.get("bound") or "exact"
        per = mention.extra.get("per") or _per_unit(ctx.text, mention.start, mention.end)
        if per:
            value["per"] = per
        role, kind = classify(ctx, mention.start, mention.end)
        extras = {"kind": kind} if kind else {}
        facts.append(ctx.fact(NAME, "money", value, mention.start, mention.end, role=role, rule=f"money:{mention.kind}", **extras))
    return facts
