"""Durations: ``项目实施期限为2年``, ``10个工作日``, ``1-2个月``, ``12个月以内``.

Look-back windows of conditions (``近三年``) are periods of thresholds, not durations, and are skipped;
so are full-load hours of a power plant (``发电量利用小时达到6050小时``: an energy yield), a frequency (``每半年考评一次``: how often, not how long), the previous or next calendar year or
month (``上一年内``) and the horizon in a plan's name (``“双业红”三年行动计划``).
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.temporal import reference_year
from policyparse.models import Fact
from policyparse.resolvers.durations import scan_durations

NAME = "duration.v1"
TYPES = ("duration",)


_PLAN_NAME = regex.compile(r"(?:行动)?(?:计划|方案|规划)|行动|攻坚")
_FULL_LOAD_HOURS = regex.compile(r"(?:利用|发电|满发|等效)小时")
"""Full-load hours (``发电量利用小时达到6050小时``, ``折合发电小时数上限按6050小时``) measure an energy
yield, not a length of time."""


def _not_a_length(text: str, start: int, end: int, written: str) -> bool:
    """Whether the duration at ``[start, end)`` is a frequency (每半年), a neighbouring calendar unit
    (上一年, 下一个月), a plan's horizon (三年行动计划) or full-load hours rather than a length of time."""
    before = text[max(0, start - 2):start]
    if before.endswith(("每", "每隔", "/", "／")):
        return True  # 每半年, 7.5万元/半年/个: how often, a rate
    if written.endswith("小时") and _FULL_LOAD_HOURS.search(text, max(0, start - 24), start):
        return True
    if written.startswith("一") and before.endswith(("上", "下")):
        return True
    return text[end:end + 1] in ("行", "计", "方", "规", "攻") and _PLAN_NAME.match(text, end) is not None


def extract(ctx: Context) -> list[Fact]:
    facts = []
    # the text and the reference year the date extractor reads: a list marker run into a number is no
    # number (5.2年: item 5), a date masks the same span for both, and the date scan is shared
    for mention in scan_durations(ctx.unglued_text, ref=reference_year(ctx)):
        if mention.extra.get("lookback") or ctx.claims.overlaps(mention.start, mention.end):
            continue
        if _not_a_length(ctx.text, mention.start, mention.end, mention.text):
            continue
        facts.append(ctx.fact(NAME, "duration", dict(mention.value), mention.start, mention.end, rule=f"duration:{mention.kind}"))
    return facts
