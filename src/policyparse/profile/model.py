"""The profile data model: slots with values, a human-readable display and provenance."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SlotCategory = Literal[
    "funding", "schedule", "cost_share", "period", "deadline", "quota", "eligibility",
    "exemption", "kpi", "list", "contact",
]
CATEGORY_ORDER: tuple[str, ...] = get_args(SlotCategory)
"""Report order of the slot categories (the order of :data:`SlotCategory`)."""

CATEGORY_LABELS: dict[str, str] = {
    "funding": "资助金额 Funding", "schedule": "拨付方式 Payment schedule",
    "cost_share": "分担比例 Cost share", "period": "实施期限 Period",
    "deadline": "截止时间 Deadlines", "quota": "名额 Quotas",
    "eligibility": "申报条件 Eligibility", "exemption": "豁免 Exemptions",
    "kpi": "考核指标 KPIs", "list": "清单 Lists", "contact": "联系方式 Contacts",
}

ValueKind = Literal[
    "money", "percent", "percents", "ratio", "duration", "date", "threshold", "quota",
    "selection_rule", "list", "text",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Provenance(_Frozen):
    """Where a slot value came from: a fact's span in one notice, and the sentence around it."""

    document: str = Field(description="notice id (the file stem)")
    span: tuple[int, int] = Field(description="the fact's [start, end) in the notice's normalized text")
    text: str = Field(description="the fact's text, == notice text[span]")
    section: str | None = Field(default=None, description="section id path, e.g. 五/（二）")
    sentence: str = Field(description="the sentence (or clause run) containing the fact")
    highlight: tuple[int, int] = Field(description="the fact's [start, end) inside ``sentence``")


class Slot(_Frozen):
    """One canonical slot of a profile.

    ``key`` aligns slots across notices (``eligibility.enterprise.valid_patents``); ``value`` is the
    normalized value in the shape named by ``kind`` (money as FACTS.md writes it, a threshold as
    ``{op, value, unit, metric, ...}``, a list as its items); ``number`` is the single number used to
    order and range the slot across notices (yuan, fraction, days, count) or null.
    """

    key: str
    category: SlotCategory
    label: str = Field(description="human label of the slot, e.g. 每项目资助 or a metric label")
    kind: ValueKind
    value: Any
    display: str = Field(description="the value as a reader wants it: ≤100万元/项目, ≥50件 …")
    number: float | None = None
    provenance: tuple[Provenance, ...]


class NoticeInfo(_Frozen):
    """Who issued the notice, where, and when — the column header of a comparison."""

    id: str
    title: str | None = None
    jurisdiction: str | None = Field(default=None, description="province/city/county joined, e.g. 江苏省常州市")
    adcode: str | None = None
    year: int | None = Field(default=None, description="policy year, else the publish/signing year")
    publish_date: str | None = None
    doc_number: str | None = None
    label: str = Field(description="short column label: jurisdiction and year")


class PolicyProfile(_Frozen):
    """A notice as canonical slots, keyed by slot key (insertion order = report order)."""

    notice: NoticeInfo
    slots: dict[str, Slot]
