"""How slot values read to a person: 100万元, ≤100万元/项目, ≥3.5%, 2年, 3 of 10."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}
_DURATION_UNITS = {"year": "年", "month": "个月", "week": "周", "day": "天", "workday": "个工作日",
                   "hour": "小时", "minute": "分钟"}


def _num(x: Any) -> str:
    d = Decimal(str(x)).normalize()
    if d == d.to_integral_value():
        return f"{int(d)}"
    return f"{d:f}"


def yuan(amount: Any) -> str:
    """An amount in yuan the way notices write it: 亿元 / 万元 / 元 (negative gaps too)."""
    d = Decimal(str(amount))
    if abs(d) >= 100_000_000 and d % 1_000_000 == 0:
        return f"{_num(d / 100_000_000)}亿元"
    if abs(d) >= 10_000 and d % 100 == 0:
        return f"{_num(d / 10_000)}万元"
    return f"{_num(d)}元"


def percent(fraction: Any) -> str:
    return f"{_num(Decimal(str(fraction)) * 100)}%"


def money(value: dict, at_most: str = "≤", at_least: str = "≥") -> str:
    """``{"amount": 1000000, "bound": "max", "per": "项目"}`` → ``≤100万元/项目``; the bound words can
    be prose (``最高``/``不低于``). A time rate follows the unit: ``3000元/人/年``."""
    if value.get("amount") is not None:
        text = {"max": at_most, "min": at_least}.get(value.get("bound") or "", "") + yuan(value["amount"])
    else:
        lo, hi = value.get("min"), value.get("max")
        text = f"{yuan(lo)}–{yuan(hi)}" if lo is not None and hi is not None else (
            f"{at_least}{yuan(lo)}" if lo is not None else f"{at_most}{yuan(hi)}")
    for key in ("per", "per_period"):
        if value.get(key):
            text += f"/{value[key]}"
    return text


def quantity(value: Any, unit: str | None) -> str:
    """A threshold or target quantity in its unit: 50件, 3.5%, 2000万元."""
    if unit == "%":
        return percent(value)
    if unit == "CNY":
        return yuan(value)
    return f"{_num(value)}{unit or ''}"


def threshold(value: dict) -> str:
    text = OPS.get(value["op"], value["op"]) + quantity(value["value"], value.get("unit"))
    if value.get("period"):
        text = f"{value['period']} {text}"
    return text


def duration(value: dict) -> str:
    unit = _DURATION_UNITS.get(value["unit"], value["unit"])
    if value.get("value") is not None:
        return f"{_num(value['value'])}{unit}"
    lo, hi = value.get("min"), value.get("max")
    return f"{_num(lo) if lo is not None else ''}–{_num(hi) if hi is not None else ''}{unit}"


def quota(value: dict) -> str:
    return f"≤{value['max']}{value.get('unit') or ''}"


def selection_rule(value: dict) -> str:
    return f"{value['at_least']} of {value['of']}" if value.get("of") else f"≥{value['at_least']} items"


def ratio(value: Any) -> str:
    return ":".join(_num(x) for x in value)


def items(values: list[str], limit: int = 0) -> str:
    if limit and len(values) > limit:
        return "、".join(values[:limit]) + f" …(+{len(values) - limit})"
    return "、".join(values)
