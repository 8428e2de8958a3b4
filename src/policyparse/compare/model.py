"""The comparison data model: typed pairwise changes and the N-way slot matrix (``compare.json``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policyparse.profile.model import NoticeInfo, Slot, SlotCategory

ChangeKind = Literal["added", "removed", "changed"]
Direction = Literal[
    "up", "down", "stricter", "looser", "earlier", "later", "longer", "shorter", "items_changed",
]
COMPARE_SCHEMA_VERSION = "1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Change(_Frozen):
    """One slot that differs between notice A (``before``) and notice B (``after``).

    ``direction`` is set where the slot has an order: amounts and quotas go ``up``/``down`` (with
    ``ratio`` = after/before), thresholds and N-of-M rules get ``stricter``/``looser``, deadlines
    ``earlier``/``later``, periods ``longer``/``shorter``, lists ``items_changed`` with the items
    ``added`` and ``removed``. It is null when the values differ in a way with no order (another
    unit, another comparison operator family, a ratio).
    """

    key: str
    category: SlotCategory
    label: str
    change: ChangeKind
    direction: Direction | None = None
    ratio: float | None = Field(default=None, description="after/before for amounts, counts and quotas")
    before: Slot | None = None
    after: Slot | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    note: str | None = None


class PairDiff(_Frozen):
    """Every change from notice ``a`` to notice ``b``; ``unchanged`` lists the keys that agree."""

    a: NoticeInfo
    b: NoticeInfo
    changes: tuple[Change, ...]
    unchanged: tuple[str, ...] = ()


class Range(_Frozen):
    """Smallest and largest value of a numeric slot across the notices that have it."""

    min: float
    max: float
    min_display: str
    max_display: str


class MatrixRow(_Frozen):
    """One slot across all notices: a cell per notice (null where the notice has no such slot)."""

    key: str
    category: SlotCategory
    label: str
    cells: dict[str, Slot | None] = Field(description="notice id → slot")
    range: Range | None = None
    outliers: tuple[str, ...] = Field(default=(), description="notice ids whose value is more than twice or less than half the median")


class Matrix(_Frozen):
    notices: tuple[NoticeInfo, ...]
    rows: tuple[MatrixRow, ...]


class Comparison(_Frozen):
    """What ``policyparse compare`` writes as ``compare.json``."""

    schema_version: Literal["1"] = COMPARE_SCHEMA_VERSION
    notices: tuple[NoticeInfo, ...]
    matrix: Matrix
    diffs: tuple[PairDiff, ...] = ()
