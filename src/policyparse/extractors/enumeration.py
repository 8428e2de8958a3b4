"""Lists a user wants as data: supported industries, applicant types, KPI menus.

- industries: ``高端装备、新能源、…节能环保等十大先进制造业集群`` — items before 等, ended by an
  industry word (``extractors/enumeration/kinds.json``);
- applicants: ``具有独立法人资格的企业、高等院校、科研院所`` — every item an applicant type;
- kpis: the numbered items under a section titled 绩效目标 / 考核指标 …, one item per child section.
"""

from __future__ import annotations


import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resources import read_json

NAME = "enumeration.v1"
TYPES = ("list",)

_ITEM = r"(?:[^、，,。；;：:\n“”《》等]|(?<=[高同平初中上一二三特])等){2,24}"
"""An item: no list or clause punctuation, and no 等 except inside words such as 高等, 一等奖."""
_APPLICANT_CUE = regex.compile(r"申报对象|申报主体|支持对象|对象为|联合|牵头|承担单位|建设主体")
_QUANTIFIED = regex.compile(r"\d|以上|以下|不低于|不少于")
_SERIES = regex.compile(rf"(?P<items>{_ITEM}(?:、{_ITEM})+)(?P<etc>等(?P<tail>[^，,。；;\n、]{{0,16}}))?")


def _kinds() -> dict:
    return read_json("enumeration", "kinds.json")


def _trim_first(item: str) -> tuple[str, int]:
    """Drop lead-in words and anything up to the last 的 from the first item; returns the offset."""
    cut = item.rfind("的") + 1
    for word in sorted(_kinds()["lead_in"], key=len, reverse=True):
        if item.startswith(word, cut):
            cut += len(word)
    return item[cut:], cut


def _series(ctx: Context) -> list[Fact]:
    kinds = _kinds()
    facts = []
    for m in _SERIES.finditer(ctx.text):
        raw = m.group("items").split("、")
        skip = 0
        while skip < len(raw[0]) and ctx.claims.overlaps(m.start() + skip, m.start() + skip + 1):
            skip += 1
        first, cut = _trim_first(raw[0][skip:])
        cut += skip
        items = [first] + raw[1:]
        tail = m.group("tail") or ""
        start = m.start("items") + cut
        if any(len(i) < 2 for i in items):
            continue
        if m.group("etc") and any(tail.endswith(t) or t in tail for t in kinds["industry_tails"]):
            kind, end = "industries", m.end()
        elif (len(items) >= 3 and all(i.endswith(tuple(kinds["applicant_heads"])) for i in items)
              and _APPLICANT_CUE.search(ctx.text, max(0, m.start() - 40), m.start() + cut + 1)):
            kind, end = "applicants", m.end("items")
        else:
            continue
        if ctx.claims.overlaps(start, end):
            continue
        facts.append(ctx.fact(NAME, "list", {"kind": kind, "items": items}, start, end, rule=f"series:{kind}"))
    return facts


def _kpi_menus(ctx: Context) -> list[Fact]:
    facts = []
    names = tuple(_kinds()["kpi_sections"])
    for section in ctx.sections:
        if not any(name in section.title for name in names):
            continue
        children = [s for s in ctx.sections if s.parent == section.id and s.title]
        if len(children) < 2 or sum(bool(_QUANTIFIED.search(c.title)) for c in children) * 2 < len(children):
            continue
        items = [c.title for c in children]
        start = children[0].title_span[0] if children[0].title_span else children[0].span[0]
        last = children[-1]
        end = last.title_span[1] if last.title_span else last.span[1]
        facts.append(ctx.fact(NAME, "list", {"kind": "kpis", "items": items}, start, end, rule="section:kpi"))
    return facts


def extract(ctx: Context) -> list[Fact]:
    return _series(ctx) + _kpi_menus(ctx)
