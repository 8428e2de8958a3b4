"""The N-way matrix: every slot of any notice as a row, one cell per notice, with range and outliers.

Rows are grouped by slot category in report order (funding first, contacts last) and, within a
category, by how many notices share the slot (shared slots first), so the rows a reader compares
come on top. A numeric row's outliers are the notices whose value is more than twice or less than
half the row's median — a scale-free rule suited to amounts and counts — and need three values.
"""

from __future__ import annotations

from statistics import median

from policyparse.compare.model import Matrix, MatrixRow, Range
from policyparse.profile.model import CATEGORY_ORDER, PolicyProfile, Slot


_NO_RANGE = frozenset({"list", "percents", "text"})
"""Slot kinds whose number is not the value a reader ranges (a list's length, a schedule's first
stage, an exemption's factor)."""


def build_matrix(profiles: list[PolicyProfile]) -> Matrix:
    """Slots × notices for the given profiles (notices in the order given)."""
    keys: dict[str, Slot] = {}
    for p in profiles:
        for key, slot in p.slots.items():
            keys.setdefault(key, slot)
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    first_seen = {k: i for i, k in enumerate(keys)}

    def order(key: str) -> tuple[int, int, int]:
        shared = sum(1 for p in profiles if key in p.slots)
        return (rank.get(keys[key].category, 99), -shared, first_seen[key])

    rows = []
    for key in sorted(keys, key=order):
        cells = {p.notice.id: p.slots.get(key) for p in profiles}
        present = [s for s in cells.values() if s is not None]
        rows.append(MatrixRow(
            key=key, category=keys[key].category, label=keys[key].label, cells=cells,
            range=_range(present), outliers=_outliers(cells),
        ))
    return Matrix(notices=tuple(p.notice for p in profiles), rows=tuple(rows))


def _range(slots: list[Slot]) -> Range | None:
    numeric = [s for s in slots if s.number is not None and s.kind not in _NO_RANGE]
    if len(numeric) < 2:
        return None
    lo = min(numeric, key=lambda s: s.number)
    hi = max(numeric, key=lambda s: s.number)
    return Range(min=lo.number, max=hi.number, min_display=lo.display, max_display=hi.display)


def _outliers(cells: dict[str, Slot | None]) -> tuple[str, ...]:
    numbers = {nid: s.number for nid, s in cells.items() if s is not None and s.number is not None and s.kind not in _NO_RANGE}
    if len(numbers) < 3:
        return ()
    mid = median(numbers.values())
    if mid <= 0:
        return ()
    return tuple(nid for nid, v in numbers.items() if v > 2 * mid or v < mid / 2)
