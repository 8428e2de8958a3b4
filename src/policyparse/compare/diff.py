"""Pairwise typed diffs of two profiles, aligned by slot key.

The closed set of change kinds is added / removed / changed; :func:`direction` gives the signed
reading of a changed slot. Rules, by slot kind:

* money, quota, percent(s): ``up``/``down`` by the slot's number, ``ratio`` = after/before;
* threshold: for ``>=``/``>`` a higher value is ``stricter``, for ``<=``/``<`` a lower one; at the
  same value an exclusive operator is stricter than an inclusive one; other units or operator
  families have no direction;
* selection_rule: more items required (as a share of the menu) is ``stricter``;
* duration: ``longer``/``shorter``;
* date: ``earlier``/``later``; dates of different years are compared by calendar day (a programme
  that closes in June instead of July closes earlier, whatever the year), and the note says so;
* list: ``items_changed`` with the items added and removed; the same items in another order are equal.
"""

from __future__ import annotations

from typing import Any

from policyparse.compare.model import Change, Direction, PairDiff
from policyparse.profile.model import PolicyProfile, Slot
from policyparse.resolvers.dates import last_day_of

_UP_OPS = {">=", ">"}
_DOWN_OPS = {"<=", "<"}


def comparable(slot: Slot) -> Any:
    """The part of a slot's value that decides equality (a metric's wording does not)."""
    v = slot.value
    if slot.kind == "threshold":
        return (v["op"], v["value"], v.get("unit"), v.get("period"))
    if slot.kind == "list":
        return frozenset(v)
    if slot.kind == "quota":
        return (v["max"], v.get("unit"))
    return v


def direction(before: Slot, after: Slot) -> tuple[Direction | None, float | None, str | None]:
    """``(direction, ratio, note)`` of a changed slot (see the module docstring)."""
    kind = before.kind
    a, b = before.value, after.value
    if kind != after.kind:
        return None, None, f"value kind changed from {kind} to {after.kind}"
    if kind in ("money", "quota", "percent", "percents"):
        d, ratio, note = _signed(before.number, after.number, ("up", "down"), with_ratio=True)
        if kind == "money" and a.get("bound") != b.get("bound"):
            note = f"bound changed from {a.get('bound') or 'none'} to {b.get('bound') or 'none'}"
        return d, ratio, note
    if kind == "threshold":
        if a.get("unit") != b.get("unit"):
            return None, None, f"unit changed from {a.get('unit')} to {b.get('unit')}"
        ops = {a["op"], b["op"]}
        if ops <= _UP_OPS or ops <= _DOWN_OPS:
            upward = a["op"] in _UP_OPS
            if a["value"] == b["value"]:
                stricter = b["op"] in (">", "<") and a["op"] in (">=", "<=")
                return ("stricter" if stricter else "looser"), None, "operator changed"
            dirs = ("stricter", "looser") if upward else ("looser", "stricter")
            d, ratio, _ = _signed(before.number, after.number, dirs, with_ratio=True)
            return d, ratio, None
        return None, None, "comparison operator changed direction"
    if kind == "selection_rule":
        return _signed(before.number, after.number, ("stricter", "looser"), with_ratio=False)
    if kind == "duration":
        return _signed(before.number, after.number, ("longer", "shorter"), with_ratio=True)
    if kind == "date":
        note = None
        ka, kb = last_day_of(str(a)), last_day_of(str(b))
        if ka[:4] != kb[:4]:
            ka, kb, note = ka[4:], kb[4:], "different years: compared by calendar day"
        if ka == kb:
            return None, None, note
        return ("earlier" if kb < ka else "later"), None, note
    if kind == "list":
        return "items_changed", None, None
    return None, None, None


def _signed(x: float | None, y: float | None, names: tuple[Direction, Direction],
            *, with_ratio: bool) -> tuple[Direction | None, float | None, str | None]:
    if x is None or y is None or x == y:
        return None, None, None
    ratio = round(y / x, 4) if with_ratio and x else None
    return (names[0] if y > x else names[1]), ratio, None


def diff_profiles(a: PolicyProfile, b: PolicyProfile) -> PairDiff:
    """Every slot added, removed or changed from ``a`` to ``b``, in report order."""
    changes: list[Change] = []
    unchanged: list[str] = []
    keys = list(a.slots) + [k for k in b.slots if k not in a.slots]
    for key in keys:
        sa, sb = a.slots.get(key), b.slots.get(key)
        if sa is None and sb is not None:
            changes.append(Change(key=key, category=sb.category, label=sb.label, change="added", after=sb))
        elif sb is None and sa is not None:
            changes.append(Change(key=key, category=sa.category, label=sa.label, change="removed", before=sa))
        elif sa is not None and sb is not None:
            if comparable(sa) == comparable(sb):
                unchanged.append(key)
                continue
            d, ratio, note = direction(sa, sb)
            added = removed = ()
            if sa.kind == "list" and sb.kind == "list":
                added = tuple(i for i in sb.value if i not in set(sa.value))
                removed = tuple(i for i in sa.value if i not in set(sb.value))
            changes.append(Change(key=key, category=sb.category, label=sb.label, change="changed",
                                  direction=d, ratio=ratio, before=sa, after=sb,
                                  added=added, removed=removed, note=note))
    return PairDiff(a=a.notice, b=b.notice, changes=tuple(changes), unchanged=tuple(unchanged))
