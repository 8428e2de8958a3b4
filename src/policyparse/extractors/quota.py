"""Quotas: caps on how many are funded or recommended — ``支持数量…原则上不超过10个``,
``武进区、新北区推荐不超过2项``, ``每单位限报1项``. ``scope`` names who the cap applies to when the
clause names it (``武进区、新北区``, ``其他区域``)."""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.numerals import parse_number

NAME = "quota.v1"
TYPES = ("quota",)

_CAP = regex.compile(
    r"(?P<cue>推荐|限额推荐|申报|支持|入选|遴选|确定|立项|名额)?"
    r"(?P<lead>原则上)?(?P<op>不超过|不多于|最多|至多|限报|限推荐|限申报|限|控制在)"
    r"(?P<n>\d{1,3}|[一二两三四五六七八九十])(?P<unit>个|项|家|名|件)(?:以内)?"
)
_SENTENCE_CUE = regex.compile(r"推荐|限报|限额|名额|支持数量|立项数量|入选|遴选|择优|每个单位|每家单位")
_SCOPE = regex.compile(r"(?:其中|对)?(?P<scope>(?:[\p{Han}]{2,8}(?:区|县|市|单位|区域|地区)、)*[\p{Han}]{2,8}(?:区|县|市|单位|区域|地区))$")


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in "。\n") + 1
    e = min((i for i in (text.find(c, end) for c in "。\n") if i >= 0), default=len(text))
    return text[s:e]


def extract(ctx: Context) -> list[Fact]:
    facts = []
    text = ctx.text
    for m in _CAP.finditer(text):
        if not (m.group("cue") or m.group("lead") or m.group("op").startswith("限")) or not _SENTENCE_CUE.search(_sentence(text, m.start(), m.end())):
            continue
        if m.group("cue") == "支持" and not m.group("lead"):
            continue
        start = m.start()
        value: dict = {"max": int(parse_number(m.group("n"))), "unit": m.group("unit")}
        clause_start = max(text.rfind(c, 0, start) for c in "，。；：\n") + 1
        scope = _SCOPE.search(text, clause_start, start) if m.group("cue") else None
        if scope and scope.start() >= clause_start:
            value["scope"] = scope.group("scope")
            start = scope.start("scope")
        facts.append(ctx.fact(NAME, "quota", value, start, m.end(), rule="cap"))
    return facts
