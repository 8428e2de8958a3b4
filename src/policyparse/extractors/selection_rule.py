"""N-of-M rules: ``达成以下目标3项或3项以上``, ``满足下列条件之一``, ``应同时满足以下条件``.

``at_least`` is N (``之一`` → 1, also ``并具以下条件之一``; ``同时满足`` → all); ``of`` is the number of
items listed under the rule — the numbered sub-sections that follow it in its section — or null when
none can be counted. A list of conditions added to ones already stated (``…年龄在18至45周岁，并符合以下
条件``, ``申请人还应符合以下条件``) with no count or 之一 is required in full: all of them. A bare
``应具备以下条件`` heading is not read as a rule (it introduces a list whose items may themselves be
alternatives).
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.numerals import parse_number

NAME = "selection_rule.v1"
TYPES = ("selection_rule",)

_LIST = r"(?:以下|下列|如下|上述)"
_ITEMS = r"(?:目标|指标|条件|要求|情形|标准|任务|内容)?"
_N = r"(?P<n>\d{1,2}|[一二两三四五六七八九十])"
_REF = r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"
_ONE_REF = regex.compile(_REF)
"""A reference to a listed item: ``（一）``, ``(2)``."""
_RULES = regex.compile(
    rf"(?P<all>(?:应|须|需|必须)?同时(?:满足|具备|符合|达到){_LIST}{_ITEMS})"
    rf"|(?P<one>(?:满足|具备|符合|达到|具有|具){_LIST}{_ITEMS}(?:中的|中)?(?:之一|任一项|任意一项|其中一项))"
    rf"|(?P<also>(?<=并|还|另|并且|此外|还应|还须|还需|并应|并须|并需|另须|另需)(?:应|须|需|必须|要)?(?:满足|具备|符合|具有|具){_LIST}(?:条件|要求|标准|情形))"
    rf"(?!{_ITEMS}?(?:中的|中|的)?(?:之一|任|其中|至少|[（(]?{_N}项))"
    rf"|(?P<some>(?:达成|完成|达到|满足|符合|具备|实现){_LIST}{_ITEMS}(?:中的|中|的)?[（(]?(?:任意|至少)?{_N}项(?:或{_N}项)?(?:以上|及以上)?(?:[（(]含{_N}项[）)])?[）)]?)"
    rf"|(?P<refs>(?:满足|符合|具备|达到)(?:以上|上述|前述)?{_ITEMS}{_REF}(?:(?P<joiner>或者|或|和|及|、){_REF})+)"
    rf"|(?P<inline>同时(?:满足|具备|符合|达到)(?!{_LIST})(?P<items>[^，,。；;\n]{{4,80}}?)(?=的|[，,。；;\n]))"
)
"""``all``/``one``/``also``/``some`` name a list below; ``refs`` names the listed items themselves
(``满足以上条件（一）或者（二）`` → 1 of 2, joined by 和/及 → both); ``inline`` lists them in the
sentence (``同时满足播放量达1500万以上、点赞量达3万以上、转发量5000以上的`` → 3 of 3)."""


def _listed_items(ctx: Context, offset: int) -> int | None:
    """How many numbered items follow the rule: child sections of its section that start after it."""
    section_id = ctx.section_id(offset)
    children = [s for s in ctx.children(section_id) if s.span[0] > offset]
    if children:
        return len(children)
    section = ctx.section(section_id)
    if section is not None and section.parent is not None:
        siblings = [s for s in ctx.children(section.parent) if s.span[0] > offset]
        if siblings and section.title and section.span[0] <= offset < (section.title_span or section.span)[1] + 1:
            return len(siblings)
    return None


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for m in _RULES.finditer(ctx.text):
        if m.group("refs"):
            of = len(_ONE_REF.findall(m.group("refs")))
            either = m.group("joiner") in ("或者", "或")
            value, rule = {"at_least": 1 if either else of, "of": of}, "条件（一）或（二）" if either else "条件（一）和（二）"
            facts.append(ctx.fact(NAME, "selection_rule", value, m.start(), m.end(), rule=rule))
            continue
        if m.group("inline"):
            of = len(m.group("items").split("、"))
            if of >= 2:
                facts.append(ctx.fact(NAME, "selection_rule", {"at_least": of, "of": of}, m.start(), m.end(),
                                      rule="同时满足A、B"))
            continue
        of = _listed_items(ctx, m.start())
        if m.group("all") or m.group("also"):
            if of is None:
                continue
            value, rule = {"at_least": of, "of": of}, "同时满足" if m.group("all") else "并符合"
        elif m.group("one"):
            value, rule = {"at_least": 1, "of": of}, "之一"
        else:
            try:
                n = int(parse_number(m.group("n")))
            except ValueError:
                continue
            value, rule = {"at_least": n, "of": of}, "N项以上"
            if "上述" in m.group() and any(f.value.at_least == n for f in facts):
                continue  # 达到上述3项以上: the rule stated again after its list
        facts.append(ctx.fact(NAME, "selection_rule", value, m.start(), m.end(), rule=rule))
    return facts
