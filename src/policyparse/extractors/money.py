"""Money: amounts in yuan with bound (max/min/exact), per-unit, and role.

Values come from the shared money resolver (``50万元``, ``壹佰万元整``, ``1.5亿元``, ``10-50万元``,
``2万元／件``). The bound comes from the words around the amount (最高/不超过 → max; 不低于/以上 →
min); ``每个项目…50万元`` and ``每家…`` give ``per``. Phones, 文号 and 《》 titles are claimed
earlier, so no amount is read out of them.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.roles import classify, clause_before, in_exclusion_list
from policyparse.models import Fact
from policyparse.resolvers.money import PER_PERIOD, bound_words_end, scan_money
from policyparse.resolvers.patterns import (
    EXCLUSION_AFTER,
    MEASURE_UNIT_ALT,
    PEOPLE_COUNTING_VERBS,
    PERSON_NOUNS,
    rx,
)

NAME = "money.v1"
TYPES = ("money",)

_HEADS = ("项目", "企业", "单位", "中心", "机构", "平台", "专利", "人才", "品种")
"""Nouns an amount is counted per (每个项目, 同一企业)."""
_HEAD_ALT = "|".join(_HEADS)
_NOUN_STOP = (
    r"每|单|根据|进行|按|给予|予以|补贴|补助|奖励|资助|扶持|申报|申请|可|最高|不超过|累计|总计|合计|分别|年度|当年|全年|一次性|的|中|内|租金|资金|费用|区级|市级|支持"
)
_HEAD_IN_NOUN = regex.compile(rf"(?:{_HEAD_ALT})")
_PLACE_HEAD = regex.compile(r"(?:摊位|门店|店铺|商铺|网点|车位|床位|工位|展位)$")
"""Counted places whose modifiers are no part of the unit (每个平价蔬菜摊位 → 摊位)."""
_ONE_ITEM_BEFORE = regex.compile(r"(?<![第每\d一二三四五六七八九十])一(?P<cls>张|份|枚|台|套|辆|部)$")
"""``消费券包含一张5万元的大通用券``: an amount of one counted item is per that item."""


def _counted_noun(noun: str) -> str:
    """The thing an amount is paid per, from the words after 每个/单幢: the first head noun in them,
    as 每个项目 gives (``合同能源管理项目`` → ``项目``, ``企业租金`` → ``企业``), else all of them
    (``标准化菜市场``, ``楼宇``) — except a counted place, named by its head (``平价蔬菜摊位`` → ``摊位``)."""
    head = _HEAD_IN_NOUN.search(noun) or _PLACE_HEAD.search(noun)
    return head.group() if head else noun
_PER = regex.compile(
    rf"(?:每|(?<![榜名清订菜账表报简传孤])单)(?:个|幢|栋|座|处)(?P<noun>(?:(?!{_NOUN_STOP})\p{{Han}}){{2,8}})(?=(?:{_NOUN_STOP})|[^\p{{Han}}]|$)"
    rf"|(?:每(?:{PEOPLE_COUNTING_VERBS})?[1一]?|(?<![榜名清订菜账表报简传孤])单(?=[家个笔台套户次]|品种)|(?<=对)一(?=[家名户所]))"
    r"(?P<cls>" + MEASURE_UNIT_ALT + r"|个|家|项|件|人|户|所|名|辆|台|套|座|次|笔|起|桶|品种|亩|年|月|天|日)?"
    rf"(?P<head>(?:(?![每单])\p{{Han}}){{0,12}}(?:{_HEAD_ALT}))?"
    r"|(?P<average>亩|人|户)均"
    rf"|同一(?P<same>(?:(?!年度)\p{{Han}}){{0,6}}?(?:{_HEAD_ALT}))"
    r"|(?<![每一两三四五六七八九十\d])(?P<person>个人)(?=\p{Han}{0,8}?(?:额度|限额|贷款|补贴|补助|奖励))"
    rf"|按(?P<by>{_HEAD_ALT}|户|家)(?=给予|予以|补贴|补助|奖励|资助|计算)"
)
_OPPOSITE_BOUND = {"max": "min", "min": "max"}
"""An amount in a clause that names who is left out (``奖励金额在1万元以下的企业不安排``) bounds the
other side: those kept have at least (at most) the amount."""


_TOTAL = rx(r"总额|总计|合计|累计|总共", engine="re")
_CLAUSE_MARK = regex.compile(r"[，,；;]")


def _totalled(before: str, pos: int) -> bool:
    """Whether the words after a per-unit at ``pos`` give an amount of its own and then total the
    amounts up (``每增加1人给予3000元补贴…，总额最高不超过`` 3万元): the total is not per unit.
    ``每家机构当年累计补助不超过10万元`` totals per 家 and keeps it."""
    total = _TOTAL.search(before, pos)
    return total is not None and bool(scan_money(before[pos:total.start()]))


_RECIPIENT_BEFORE = rx(
    rf"(?:{PERSON_NOUNS}|个人)(?:可|可以)?(?:一次性)?"
    r"(?:给予|享受|发放)?(?:\p{Han}{0,4}?(?:补贴|补助|奖励|资助|安家费))(?:标准)?(?:为)?$",
    engine="re",
)
"""``本科毕业生补贴2万元，…硕士毕业生补贴4万元``: an amount granted to a person named right before
it is paid per person."""


def _unit_of(m: regex.Match) -> tuple[str | None, str | None]:
    """``(per, per_period)`` that one :data:`_PER` match names (see :func:`_per_unit`)."""
    cls, head = m.group("cls"), m.group("head")
    if m.group("noun"):  # 每个平价蔬菜摊位…每月不超过5000元, 单幢楼宇每年补贴不超过5万元: per that noun
        return _counted_noun(m.group("noun")), None
    if m.group("average"):  # 亩均投资强度不低于200万元: an amount per 亩
        return m.group("average"), None
    if m.group("same"):  # 同一企事业单位同一年度…不超过1000万元: per 单位
        return next(word for word in _HEADS if m.group("same").endswith(word)), None
    if m.group("person"):  # 个人创业担保贷款额度最高30万元: per 人
        return "人", None
    if m.group("by"):  # 按项目给予不超过30万元的一次性奖励: per 项目
        return m.group("by"), None
    if cls in PER_PERIOD:
        return None, PER_PERIOD[cls]
    if cls and cls != "个":
        return ("人" if cls == "名" else cls), None  # 每招用1名 counts people, as 每招用1人 does
    if head:
        return next(word for word in _HEADS if head.endswith(word)), None
    return None, None


_BREAKDOWN_AFTER = rx(r"[^。；;\n]{0,40}[。；;][ ]?其中[，,：:]?[ ]?", engine="re")
"""The rest of an amount's sentence and the 其中 that opens a breakdown of it in the next one."""


def _breakdown_unit(text: str, end: int) -> tuple[str | None, str | None]:
    """``可申领1900元的汽车消费礼包。其中，每辆可领取额度1000元的加油储值卡…``: an amount whose parts
    the next sentence lists (其中，…) is paid per the unit that breakdown opens with."""
    m = _BREAKDOWN_AFTER.match(text, end)
    unit = _PER.match(text, m.end()) if m else None
    return _unit_of(unit) if unit else (None, None)


def _per_unit(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """``(per, per_period)`` from 每…/单… words of the clause before an amount: ``每个企业…每年
    不超过5万元`` → (企业, 年); ``每人每天150元`` → (人, 天); ``单家企业最高80万元`` → (家, None).
    A classifier names the unit (每家企业 → 家, 每辆 → 辆, 单品种 → 品种, 对一家基金 → 家); after the generic 个 (or a
    building's 幢/栋/座) the noun does (每个项目 → 项目, 每个标准化菜市场 → 标准化菜市场, 单幢楼宇 → 楼宇); an average names it too (亩均税收 → 亩, 人均 → 人); so does a unit
    counted by a hiring verb (按每招用1人不超过1500元 → 人), 同一 before a holder (同一企业 → 企业), 个人
    before a grant or loan (个人最高贷款额度 → 人), 按 before a granting verb (按项目给予 → 项目), and a
    person the amount is granted to (本科毕业生补贴2万元 → 人). The nearest counted unit wins."""
    before = clause_before(text, start)
    per = period = None
    if _RECIPIENT_BEFORE.search(before[-14:]):
        per = "人"
    for m in _PER.finditer(before):
        if _totalled(before, m.end()) or (m.group("person") and _CLAUSE_MARK.search(before, m.end())):
            continue  # 每增加1人给予3000元…，总额最高不超过3万元: the total is no amount per 人
        unit, unit_period = _unit_of(m)
        per, period = unit or per, unit_period or period
    if one := _ONE_ITEM_BEFORE.search(before[-3:]):
        per = one.group("cls")  # the nearest counted unit: 一张5万元的…券
    return per, period


_CLAMPED_TO = regex.compile(
    r"(?:(?P<floor>低于|不足|少于|不到|不满)|超过|高于|多于)(?P<amount>[^，,。；;]{1,12}?)的?[，,]?[ ]?(?:均|一律|统一)?按照?$"
)
"""``每户低于500元的，按500元发放``: the amount the clause is clamped to is a floor (after 低于/不足)
or a ceiling (after 超过/高于) of what is paid."""


def _clamp_bound(text: str, start: int, end: int) -> str | None:
    """``min`` or ``max`` when the amount at ``[start, end)`` is the one a comparison just before
    it clamps to (see :data:`_CLAMPED_TO`), else None."""
    m = _CLAMPED_TO.search(text, max(0, start - 30), start)
    if m is None or m.end() != start or m.group("amount") != text[start:end]:
        return None
    return "min" if m.group("floor") else "max"


_RELAXED_CAP = regex.compile(r"(?:不超过|最高|上限)[^。；;\n]{1,40}放宽(?:到|至)[ ]?$")
"""``原则上单个项目不超过500万元，对特别重大项目…可放宽到1000万元``: a cap relaxed to a higher one."""


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_money(ctx.unglued_text):
        if ctx.claims.overlaps(mention.start, mention.end):
            continue
        value = {k: v for k, v in mention.value.items()}
        if mention.kind != "range":
            value["bound"] = mention.extra.get("bound") or _clamp_bound(ctx.text, mention.start, mention.end) or "exact"
            if value["bound"] == "exact" and _RELAXED_CAP.search(ctx.text, max(0, mention.start - 60), mention.start):
                value["bound"] = "max"
            if value["bound"] in _OPPOSITE_BOUND and (
                    EXCLUSION_AFTER.match(ctx.text, bound_words_end(ctx.text, mention.end))
                    or in_exclusion_list(ctx.text, mention.start)):
                value["bound"] = _OPPOSITE_BOUND[value["bound"]]  # 奖励金额在1万元以下的企业不安排: at least 1万元
        per_before, period_before = _per_unit(ctx.text, mention.start, mention.end)
        per = mention.extra.get("per") or per_before
        period = mention.extra.get("per_period") or period_before
        if not per and not period:
            per, period = _breakdown_unit(ctx.text, mention.end)
        if per:
            value["per"] = per
        if period:
            value["per_period"] = period
        role, kind = classify(ctx, mention.start, mention.end)
        extras = {"kind": kind} if kind else {}
        facts.append(ctx.fact(NAME, "money", value, mention.start, mention.end, role=role, rule=f"money:{mention.kind}", **extras))
    return facts
