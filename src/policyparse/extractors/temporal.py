"""Dates and periods, with roles: publish, deadline, start, end, signed, or none.

Values come from the shared date resolver; a date without a year takes the notice's reference
year (its publish or signing date, else its programme year, else the year of its 文号, else the latest full date in the
text) and is flagged ``year_inferred``. Roles come from the words around the date:
``发布日期：`` → publish; ``截止时间为…`` / ``…前报送`` → deadline; ``自…起`` → start; ``…止`` → end;
a date in the signature block → signed. A yearless date that recurs (``每年8月底前``) is no fact:
the year it would take from context is not in the text; nor is one that only says the date before it is
included (``2022年7月之前（含7月）``).
"""

from __future__ import annotations

from typing import Any

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.roles import clause_before
from policyparse.models import Fact
from policyparse.resolvers.base import Mention
from policyparse.resolvers.dates import scan_temporal
from policyparse.resolvers.doc_numbers import doc_number_year

NAME = "temporal.v1"
TYPES = ("date", "period")

_PUBLISH = regex.compile(r"(?:发布日期|发文日期|印发日期|发布时间|日期)\s*[:：]\s*$")
_DEADLINE_BEFORE = regex.compile(
    r"(?:截止(?:时间|日期)?|截至|最迟|最晚|须于|请于|应于|务必于|(?<![关对由属等基鉴处用])于)\s*(?:为|是|到|至)?\s*[:：]?\s*$"
)
"""Words before a deadline; 于 alone only as the preposition of time, not the end of 关于/对于/由于."""
_DEADLINE_AFTER = regex.compile(r"^\s*(?:前|之前|以前|止|截止)")
_START_AFTER = regex.compile(r"^\s*(?:起|开始|起施行|起实施|施行|实施)")
_END_BEFORE = regex.compile(r"(?:有效期至|有效期到|截止到|结束时间)\s*[:：为]?\s*$")
_FULL_YEAR = regex.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日|((?:19|20)\d{2})-\d{2}-\d{2}")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})年")


def reference_year(ctx: Context) -> int | None:
    """The year that completes yearless dates: publish/signing date, programme year, the year of
    the notice's 文号, latest full date, else the latest year written (``2018年``). Worked out once
    a document (the date and the duration extractors both ask)."""
    if "reference_year" not in ctx.memo:
        ctx.memo["reference_year"] = _reference_year(ctx)
    return ctx.memo["reference_year"]


def _reference_year(ctx: Context) -> int | None:
    metadata = ctx.metadata
    for value in (metadata.publish_date, metadata.signing_date):
        if value:
            return int(value[:4])
    if metadata.policy_year:
        return metadata.policy_year
    issued = doc_number_year(metadata.doc_number)
    if issued:  # 川经信企业〔2014〕137号: the year the notice was issued
        return issued
    years = [int(m.group(1) or m.group(2)) for m in _FULL_YEAR.finditer(ctx.text)]
    if not years:  # 2018年集中受理申请时间为6月13日-7月2日: no full date anywhere, the latest year written
        years = [int(m.group(1)) for m in _YEAR.finditer(ctx.text)]
    return max(years) if years else None


def _role(ctx: Context, start: int, end: int, value: str, kind: str) -> str | None:
    text = ctx.text
    before = text[max(0, start - 12):start]
    after = text[end:end + 6]
    if kind == "period":
        return None
    if _PUBLISH.search(before):
        return "publish"
    if _DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.match(after):
        return "deadline"
    if _START_AFTER.match(after):
        return "start"
    if _END_BEFORE.search(before):
        return "end"
    if ctx.metadata.signing_date == value and _signature_position(text, start, end):
        return "signed"
    return None


def _signature_position(text: str, start: int, end: int) -> bool:
    """A full date alone on its line, or right after an organisation name (``…办公厅2022年3月25日``)."""
    line_begin = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end: line_end if line_end >= 0 else len(text)].strip()
    head = text[line_begin:start]
    return (not rest or rest[0] in "（(") and (not head.strip() or head.endswith(("厅", "局", "委", "府", "室", "会", "部", "院")))


_EVERY_YEAR = regex.compile(r"每年|每一年|每个?年度|每半年")
"""A clause that says it happens every year (``每年8月底前``, ``每年度第一阶段考评：7月-9月，…于9月15日前报…``):
its yearless dates recur, so they name no year and none is inferred for them."""
_THAT_YEAR = regex.compile(r"当年(?:的)?\s*$")
"""``在当年6月1日之前退出…``: the year of whichever year is meant, when the clause names none."""
_ALSO = regex.compile(r"\s*(?:和|及|与|或|、|，|,)\s*")
"""``每年2月底和8月底前``: a second yearless date joined to a recurring one recurs too."""


def _recurring(ctx: Context, start: int, previous_end: int | None) -> bool:
    """Whether the yearless date at ``start`` recurs: 每年 before it in its clause, 当年 right before
    it in a clause that writes no year, or joined to a recurring date before it."""
    before = clause_before(ctx.text, start, reach=120)  # a schedule's clause runs long (…报…审核，…前完成)
    if _EVERY_YEAR.search(before):
        return True
    if _THAT_YEAR.search(before[-4:]) and not _YEAR.search(before):
        return True
    return previous_end is not None and _ALSO.fullmatch(ctx.text, previous_end, start) is not None


_INCLUSION_ASIDE = regex.compile(r"[ ]?(?:之前|之后|以前|以后|前|后|止)?[ ]?[（(](?:含|包含|包括)$")
"""The opening of an aside that restates the date before it as included (``2022年7月之前（含7月）``)."""


def _clause_year(ctx: Context, start: int) -> int | None:
    """A year the clause writes before a yearless date (``2018年集中受理申请时间为6月27日-7月18日``):
    that date's year, whatever year the notice as a whole is of."""
    years = _YEAR.findall(clause_before(ctx.text, start, reach=40))
    return int(years[-1]) if years else None


def _resolved_in(year: int, mention: Mention) -> Any:
    """The value of a yearless date or period resolved in ``year`` instead of the notice's year
    (the resolver reads the mention's own words again, so 2月29日 or 第二周 fall as that year has them);
    the notice's value when the words alone do not resolve to the same extent."""
    again = scan_temporal(mention.text, ref=year)
    if len(again) == 1 and again[0].end - again[0].start == len(mention.text) and again[0].value is not None:
        return again[0].value
    return mention.value


def extract(ctx: Context) -> list[Fact]:
    facts = []
    ref = reference_year(ctx)
    recurring_end = None  # where the last recurring date ended
    for mention in scan_temporal(ctx.unglued_text, ref=ref):  # 5.2017年12月: item 5, a month
        if mention.value is None or ctx.claims.overlaps(mention.start, mention.end):
            continue
        if mention.extra.get("year_inferred") and _recurring(ctx, mention.start, recurring_end):
            recurring_end = mention.end
            continue
        if (mention.extra.get("year_inferred") and facts
                and _INCLUSION_ASIDE.fullmatch(ctx.text, facts[-1].span[1], mention.start)):
            continue  # 2022年7月之前（含7月）: the aside says the date before it is included, it is no other date
        extras = {"year_inferred": True} if mention.extra.get("year_inferred") else {}
        value = mention.value
        if extras and (year := _clause_year(ctx, mention.start)) and year != ref:
            value = _resolved_in(year, mention)  # 2018年集中受理…6月27日-7月18日: the clause's own year
        if mention.kind == "period":
            value = {"start": value["start"], "end": value["end"]}
        role = _role(ctx, mention.start, mention.end, value if isinstance(value, str) else "", mention.kind)
        facts.append(ctx.fact(NAME, mention.kind, value, mention.start, mention.end, role=role,
                              rule=f"{mention.kind}:{'annual' if mention.extra.get('annual') else 'calendar'}", **extras))
        ctx.claims.add(mention.start, mention.end)
    return facts
