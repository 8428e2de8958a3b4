"""How conditions, figures and gaps read to a person: ``有效发明专利数量 ≥ 50件: 有 40件, 差 10件``.

Percentages show as % (fractions inside), money as 万元/亿元 (yuan inside), counts with their unit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policyparse.profile import display as profile_display
from policyparse.profile.display import OPS, quantity, yuan

__all__ = ["OPS", "condition", "gap", "money", "quantity", "yuan"]


def money(value: dict) -> str:
    """A money fact's value in prose: ``{"amount": 1000000, "bound": "max", "per": "项目"}`` → 最高100万元/项目."""
    return profile_display.money(value, at_most="最高", at_least="不低于")


def condition(label: str, op: str, value: Any, unit: str | None, period: str | None = None) -> str:
    """``有效发明专利数量 ≥ 50件`` (with the look-back window first when there is one)."""
    head = f"{period} {label}" if period else label
    return f"{head} {OPS.get(op, op)} {quantity(value, unit)}"


def gap(label: str, op: str, required: Any, actual: Any, unit: str | None, period: str | None = None,
        note: str | None = None) -> str:
    """``有效发明专利数量 ≥ 50件: 有 40件, 差 10件`` — 差 for a shortfall, 超 for an excess."""
    req, act = Decimal(str(required)), Decimal(str(actual))
    shown = condition(label, op, req, unit, period)
    if note:
        shown += f"（{note}）"
    if op in (">=", ">"):
        diff = f"差 {quantity(req - act, unit)}" if act < req else "恰为下限，须超过"
    elif op in ("<=", "<"):
        diff = f"超 {quantity(act - req, unit)}" if act > req else "恰为上限，须低于"
    else:
        diff = f"差 {quantity(abs(req - act), unit)}"
    return f"{shown}: 有 {quantity(act, unit)}, {diff}"
