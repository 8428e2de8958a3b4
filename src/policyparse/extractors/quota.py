"""Quotas: caps on how many are funded, recommended or selected — ``支持数量…原则上不超过10个``,
``武进区、新北区推荐不超过2项``, ``每单位限报1项``, ``每年获支持企业数量最多不超过10个``,
``单个企业最多申报5人``, ``确定入围名单（限200名）``; the planned size of a selection (``选拔人数：市级拔尖人才为100名左右，
后备人才为300名左右``) and the stock of one allocation round (``本批次人才公寓共66套``).
``scope`` names who the cap applies to when the clause names it (``武进区、新北区``, ``其他区域``,
``市级拔尖人才``). An approximate size (左右) keeps its number as the cap; the rule says ``≈``."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.base import finditer_in_lines
from policyparse.resolvers.numerals import parse_number
from policyparse.resolvers.patterns import rx

NAME = "quota.v1"
TYPES = ("quota",)

_SELECT = r"(?:支持|资助|推荐|遴选|入选|入围|申报|立项|认定|评选|选拔|扶持|奖励)"
_SELECTED = r"(?:企业|项目|单位|机构|人才|人员|团队|平台|载体)"
"""What a selection counts (获支持企业数量, 推荐项目数量), not a property of the applicant (申报企业职工人数)."""
_UNIT = r"(?P<unit>个|项|家|名|件|人|套|户)"
_CAP_OPS = "最多不超过|最高不超过|不超过|不多于|最多|至多|限报|限推荐|限申报|限|控制在"
_CAP = regex.compile(
    rf"(?P<cue>获?{_SELECT}的?{_SELECTED}?(?:数量|人数|个数|名额)|推荐|限额推荐|申报|支持|入选|遴选|确定|立项|名额)?"
    rf"(?P<lead>原则上)?(?P<op>{_CAP_OPS})"
    rf"(?P<verb>申报|推荐|报送|支持|资助|入选)?"
    rf"(?P<n>\d{{1,3}}|[一二两三四五六七八九十]){_UNIT}(?:以内)?"
)
_SENTENCE_CUE = regex.compile(r"推荐|限报|限额|名额|支持数量|立项数量|入选|入围|遴选|择优|摇号|每个单位|每家单位")
_SCOPE = regex.compile(r"(?:其中|对)?(?P<scope>(?:[\p{Han}]{2,8}(?:区|县|市|单位|区域|地区)、)*[\p{Han}]{2,8}(?:区|县|市|单位|区域|地区))$")
_SIZE_NOUNS = "人数|名额|数量|规模|计划"
_SIZE_CUE = regex.compile(rf"(?:{_SELECT}|招收|招聘|培养|引进)(?:{_SIZE_NOUNS})[为：:]?")
_SIZE_WORD = regex.compile(_SIZE_NOUNS)
"""What every :data:`_SIZE_CUE` match holds: only the lines holding one are scanned for a cue."""
_SIZE_ITEM = regex.compile(
    rf"(?:(?P<scope>\p{{Han}}{{2,12}}?)(?:为|约|共)?)?(?:约|共)?(?P<n>\d{{1,4}}|[一二两三四五六七八九十百千]+){_UNIT}(?P<approx>左右|以内)?(?=[，,；;。、\n]|$)"
)
_BATCH = regex.compile(
    rf"(?:本批次?|本次|本期|本年度)(?P<scope>[^，,。；;\n]{{0,12}}?)共(?:计|有|安排|提供|推出|{_SELECT})?(?P<n>\d{{1,4}}|[一二两三四五六七八九十百]+){_UNIT}"
)
"""``本批次人才公寓共66套``, ``本次共评选20个项目``: what one round hands out in total."""


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in "。\n") + 1
    e = min((i for i in (text.find(c, end) for c in "。\n") if i >= 0), default=len(text))
    return text[s:e]


def _sentence_end(text: str, pos: int) -> int:
    return min((i for i in (text.find(c, pos) for c in "。\n") if i >= 0), default=len(text))


_CAP_WORD = rx(_CAP_OPS, engine="re")
"""What every :data:`_CAP` match holds (its ``op``): only the lines holding one are scanned."""


def _cap_matches(text: str) -> Iterator[regex.Match]:
    """``_CAP``'s matches over ``text``: a cap lies within one line, so only the lines holding a
    cap word are scanned."""
    return finditer_in_lines(_CAP, text, _CAP_WORD)


def _caps(ctx: Context) -> list[Fact]:
    facts = []
    text = ctx.text
    for m in _cap_matches(text):
        cue, verb = m.group("cue"), m.group("verb")
        if not (cue or verb or m.group("lead") or m.group("op").startswith("限")):
            continue
        if not (verb or (cue and len(cue) > 2) or _SENTENCE_CUE.search(_sentence(text, m.start(), m.end()))):
            continue
        if cue == "支持" and not m.group("lead"):
            continue
        start = m.start()
        value: dict = {"max": int(parse_number(m.group("n"))), "unit": m.group("unit")}
        clause_start = max(text.rfind(c, 0, start) for c in "，。；：\n") + 1
        scope = _SCOPE.search(text, clause_start, start) if cue and len(cue) <= 4 else None
        if scope and scope.start() >= clause_start:
            value["scope"] = scope.group("scope")
            start = scope.start("scope")
        facts.append(ctx.fact(NAME, "quota", value, start, m.end(), rule="cap"))
    return facts


def _sizes(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """``选拔人数：A为100名左右，B为300名左右``: each count of the sentence after the cue is the
    planned size of a selection; ``本批次人才公寓共66套``: the stock of one round."""
    facts = []
    text = ctx.text
    for cue in finditer_in_lines(_SIZE_CUE, text, _SIZE_WORD):  # a cue lies within one line
        end = _sentence_end(text, cue.end())
        for m in _SIZE_ITEM.finditer(text, cue.end(), end):
            if any(f.span[0] <= m.start("n") < f.span[1] for f in taken) or ctx.claims.overlaps(m.start("n"), m.end("unit")):
                continue
            value: dict = {"max": int(parse_number(m.group("n"))), "unit": m.group("unit")}
            start = m.start()
            if m.group("scope"):
                value["scope"] = m.group("scope")
            rule = "size≈" if m.group("approx") == "左右" else "size"
            facts.append(ctx.fact(NAME, "quota", value, start, m.end(), rule=rule))
    for m in _BATCH.finditer(text):
        if any(f.span[0] <= m.start("n") < f.span[1] for f in taken + facts):
            continue
        value = {"max": int(parse_number(m.group("n"))), "unit": m.group("unit")}
        facts.append(ctx.fact(NAME, "quota", value, m.start(), m.end(), rule="batch"))
    return facts


def extract(ctx: Context) -> list[Fact]:
    caps = _caps(ctx)
    return caps + _sizes(ctx, caps)
