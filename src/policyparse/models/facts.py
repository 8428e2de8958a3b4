"""Facts: typed values grounded in a span of the normalized text.

The ``type`` field selects the shape of ``value`` (see shared/FACTS.md). Each value shape is a
frozen model here, so a fact whose value does not fit its type cannot be built. Money is exact:
amounts are :class:`~decimal.Decimal` yuan, written to JSON as integers when whole.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    TypeAdapter,
    model_serializer,
    model_validator,
)

FACT_TYPES = (
    "date", "period", "duration", "money", "percent", "ratio", "threshold", "selection_rule",
    "quota", "doc_number", "reference", "person", "phone", "email", "url", "address",
    "organization", "list",
)
FactType = Literal[
    "date", "period", "duration", "money", "percent", "ratio", "threshold", "selection_rule",
    "quota", "doc_number", "reference", "person", "phone", "email", "url", "address",
    "organization", "list",
]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$"


def _number_out(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


Number = Annotated[Decimal, PlainSerializer(_number_out, return_type=Union[int, float])]
"""An exact number written to JSON as an int when whole, else a float."""

Span = tuple[int, int]
"""Half-open ``[start, end)`` code-point offsets into the normalized text."""


class _Value(BaseModel):
    """A fact value: frozen, no unknown keys; optional keys that are unset stay out of the JSON
    (except those named in ``_keep_null``, which the contract writes as null)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    _keep_null: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler: Any) -> dict:
        return {k: v for k, v in handler(self).items() if v is not None or k in self._keep_null}


class PeriodValue(_Value):
    """An inclusive range of (possibly partial) dates: ``2022—2024年`` → 2022..2024."""

    start: Annotated[str, Field(pattern=DATE_PATTERN)] | None
    end: Annotated[str, Field(pattern=DATE_PATTERN)] | None
    _keep_null: ClassVar[tuple[str, ...]] = ("start", "end")


DurationUnit = Literal["year", "month", "week", "day", "workday", "hour", "minute"]


class DurationValue(_Value):
    """A length of time: ``{"value": 2, "unit": "year"}`` or a ``min``/``max`` range."""

    value: Number | None = None
    min: Number | None = None
    max: Number | None = None
    unit: DurationUnit

    @model_validator(mode="after")
    def _one_form(self) -> "DurationValue":
        if (self.value is None) == (self.min is None and self.max is None):
            raise ValueError("a duration has either value or min/max")
        return self



class MoneyValue(_Value):
    """An amount of money in yuan, or a min/max range; ``bound`` and ``per`` qualify it."""

    amount: Number | None = None
    min: Number | None = None
    max: Number | None = None
    currency: str = "CNY"
    bound: Literal["max", "min", "exact"] | None = None
    per: str | None = Field(default=None, description="the unit each amount is for: 项目, 件, 企业, 人, 平方米 …")
    per_period: str | None = Field(default=None, description="a time rate: 年 for 每年…/…/年, 月 for …/月")

    @model_validator(mode="after")
    def _one_form(self) -> "MoneyValue":
        if (self.amount is None) == (self.min is None and self.max is None):
            raise ValueError("money has either amount or min/max")
        return self



Op = Literal[">=", ">", "<=", "<", "=="]


class ThresholdValue(_Value):
    """A condition on a metric: ``有效发明专利数量 >= 50 件``."""

    metric: str
    op: Op
    value: Number
    unit: str | None = None
    subject: str | None = None
    period: str | None = None

    _keep_null: ClassVar[tuple[str, ...]] = ("unit",)


class SelectionRuleValue(_Value):
    """An N-of-M rule: at least ``at_least`` of ``of`` listed items (``of`` null if unknown)."""

    at_least: int
    of: int | None = None
    _keep_null: ClassVar[tuple[str, ...]] = ("of",)


class QuotaValue(_Value):
    """A cap on how many are funded or recommended."""

    max: int
    unit: str | None = None
    scope: str | None = Field(default=None, description="who the cap applies to, e.g. 武进区、新北区")
    _keep_null: ClassVar[tuple[str, ...]] = ("unit",)


class ReferenceValue(_Value):
    """A cited document (《title》) with the 文号 that follows it, if any."""

    title: str
    doc_number: str | None = None
    _keep_null: ClassVar[tuple[str, ...]] = ("doc_number",)


ListKind = Literal["industries", "applicants", "kpis", "conditions", "materials", "exclusions", "attachments"]


class ListValue(_Value):
    """An enumeration a user wants as data."""

    kind: ListKind
    items: tuple[str, ...]


DateStr = Annotated[str, Field(pattern=DATE_PATTERN)]
NonEmptyStr = Annotated[str, Field(min_length=1)]

_VALUE_ADAPTERS: dict[str, TypeAdapter] = {
    "date": TypeAdapter(DateStr),
    "period": TypeAdapter(PeriodValue),
    "duration": TypeAdapter(DurationValue),
    "money": TypeAdapter(MoneyValue),
    "percent": TypeAdapter(Number),
    "ratio": TypeAdapter(tuple[Number, Number]),
    "threshold": TypeAdapter(ThresholdValue),
    "selection_rule": TypeAdapter(SelectionRuleValue),
    "quota": TypeAdapter(QuotaValue),
    "doc_number": TypeAdapter(NonEmptyStr),
    "reference": TypeAdapter(ReferenceValue),
    "person": TypeAdapter(NonEmptyStr),
    "phone": TypeAdapter(NonEmptyStr),
    "email": TypeAdapter(NonEmptyStr),
    "url": TypeAdapter(NonEmptyStr),
    "address": TypeAdapter(NonEmptyStr),
    "organization": TypeAdapter(NonEmptyStr),
    "list": TypeAdapter(ListValue),
}

_OPTIONAL_EXTRAS = ("kind", "year_inferred", "area_code_inferred", "rule", "confidence", "note")


class Fact(BaseModel):
    """One fact: a typed, normalized value and the exact span of text it came from.

    ``text`` must equal ``document.text[span[0]:span[1]]``; :class:`~policyparse.models.Document`
    checks that for every fact it holds.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: FactType
    value: Any
    text: NonEmptyStr
    span: Span
    section: str | None = None
    role: str | None = None
    extractor: str = Field(description="versioned extractor name, e.g. money.v1")
    rule: str | None = Field(default=None, description="name of the pattern or rule that fired")
    kind: str | None = Field(default=None, description="sub-kind, e.g. eligibility or kpi for thresholds")
    year_inferred: bool | None = Field(default=None, description="a date whose year came from context")
    area_code_inferred: bool | None = Field(default=None, description="a phone whose area code came from the jurisdiction")
    confidence: float | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_fits_type(self) -> "Fact":
        """The span is a non-empty half-open range and the value has its type's shape (one validator
        for both: a Python call per check is the main cost of building a fact)."""
        start, end = self.span
        if start < 0 or end <= start:
            raise ValueError(f"span {self.span} is not a non-empty half-open range")
        adapter = _VALUE_ADAPTERS[self.type]
        validated = adapter.validate_python(self.value)
        object.__setattr__(self, "value", validated)
        return self

    @model_serializer(mode="wrap")
    def _drop_absent_extras(self, handler: Any) -> dict:
        out = handler(self)
        out["value"] = _VALUE_ADAPTERS[self.type].dump_python(self.value, mode="json")
        for key in _OPTIONAL_EXTRAS:
            if out.get(key) is None:
                out.pop(key, None)
        return out

    def value_json(self) -> Any:
        """The value in its JSON normal form (as FACTS.md writes it)."""
        return _VALUE_ADAPTERS[self.type].dump_python(self.value, mode="json")
