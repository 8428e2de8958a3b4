"""What an amount or a share is *for*, read from the clause around it and the section it sits in.

Roles (FACTS.md leaves the set open; these are the ones the profile and rules stages use):
``funding`` (what the programme pays), ``subsidy`` (a share or amount paid back against costs),
``reward`` (a prize for an achievement), ``threshold`` (an eligibility condition on the applicant),
``target`` (a goal or KPI the project must reach). ``None`` when the text does not say.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.resolvers.memo import per_document
from policyparse.resolvers.patterns import EXCLUSION_LEAD, rx
from policyparse.segment.markers import line_marker

_CLAUSE_START = regex.compile(r"[。；;！？\n]")
_SUBSIDY = rx(r"补贴|补助|报销|减免|贴息", engine="re")
_SUBSIDY_CAP = regex.compile(r"(?:补贴|补助)[^，。；]{0,8}$")
"""补贴 right before its amount (租金补贴每年不超过5万元): the amount is a subsidy without a verb."""
_REWARD = rx(r"奖励|奖金|一次性奖", engine="re")
_FUNDING = rx(r"给予|资助|支持|拨付|扶持|安排|奖补|经费支持|资金支持|下达|领取|发放", engine="re")
ELIGIBILITY_SECTION = rx(r"条件|资格|申报主体|申报对象|支持对象|要求", engine="re")
"""Section titles under which numbers are conditions on the applicant."""
TARGET_SECTION = rx(r"目标|指标|绩效|考核|任务", engine="re")
"""Section titles under which numbers are goals the project must reach."""
_PERIOD_CUE = rx(r"近[一二三四五两\d]年|上一?年度|上年|近[一二三四五两\d]个?年度", engine="re")
_TARGET_CUE = rx(r"新增|力争|突破|实现|争取|达到|提升至|增长|增幅|提高到|年均", engine="re")


def clause_before(text: str, start: int, reach: int = 80) -> str:
    """The words of the clause that leads up to ``start`` (back to 。；or a line break, at most
    ``reach`` characters)."""
    found = None
    for found in _CLAUSE_START.finditer(text, max(0, start - reach), start):
        pass
    return text[found.end() if found else max(0, start - reach):start]


def in_exclusion_list(text: str, pos: int, lines_back: int = 12) -> bool:
    """Whether ``pos`` lies in an enumerated item under an exclusion lead (``以下申报项目不予受理：`` /
    ``(1)项目总投资低于500万元人民币的项目。``): the item names who is left out, as ``…的，不予支持``
    after a comparison does."""
    return _exclusion_list_line(text, text.rfind("\n", 0, pos) + 1, lines_back)


@per_document
def _exclusion_list_line(text: str, line_start: int, lines_back: int) -> bool:
    """:func:`in_exclusion_list` for the line starting at ``line_start`` (the amounts of one line
    share the answer, so it is worked out once a document)."""
    for _ in range(lines_back):
        line_end = text.find("\n", line_start)
        line = text[line_start:line_end if line_end != -1 else len(text)]
        if line_marker(line) is None:
            return EXCLUSION_LEAD.search(line.rstrip()) is not None
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


def clause_after(text: str, end: int) -> str:
    m = _CLAUSE_START.search(text, end, min(len(text), end + 40))
    return text[end:m.start() if m else min(len(text), end + 40)]


def section_titles(ctx: Context, offset: int) -> str:
    """Titles of the section holding ``offset`` and of its ancestors, joined."""
    titles = []
    section = ctx.section(ctx.section_id(offset))
    while section is not None:
        titles.append(section.title)
        section = ctx.section(section.parent)
    return " ".join(titles)


def classify(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """``(role, kind)`` of the value at ``[start, end)``; kind is ``eligibility`` or ``kpi`` when known."""
    before = clause_before(ctx.text, start)
    after = clause_after(ctx.text, end)
    near = before[-24:] + after[:8]
    if _SUBSIDY.search(near) and (_FUNDING.search(before) or "按" in before or _SUBSIDY_CAP.search(before)):
        return "subsidy", None
    if _REWARD.search(near) and _FUNDING.search(before + after[:8]):
        return "reward", None
    if _FUNDING.search(before[-20:]) and not _TARGET_CUE.search(before[-8:]):
        return "funding", None
    titles = section_titles(ctx, start)
    if _PERIOD_CUE.search(before) or (ELIGIBILITY_SECTION.search(titles) and not _TARGET_CUE.search(before)):
        return "threshold", "eligibility"
    if TARGET_SECTION.search(titles) or _TARGET_CUE.search(before):
        return "target", "kpi"
    return None, None
