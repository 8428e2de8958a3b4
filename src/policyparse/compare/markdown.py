"""``compare.md``: the comparison as Markdown tables a reader can skim in any viewer.

Layout: the notices, then the matrix grouped by slot category (one table per category, one column
per notice, the range last; outliers marked ⚠), then each pairwise diff with one row per change.
Every value cell is followed by nothing else — the sources are in ``compare.json`` and the HTML.
"""

from __future__ import annotations

from policyparse.compare.model import Change, Comparison, PairDiff
from policyparse.profile.model import CATEGORY_LABELS, CATEGORY_ORDER

_ARROWS = {
    "up": "↑ up", "down": "↓ down", "stricter": "▲ stricter", "looser": "▽ looser",
    "earlier": "◀ earlier", "later": "▶ later", "longer": "⟷ longer", "shorter": "→← shorter",
    "items_changed": "± items",
}
_CHANGE_LABELS = {"added": "added 新增", "removed": "removed 删除", "changed": "changed 变化"}


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison) -> str:
    """The whole report as one Markdown document."""
    notices = comparison.notices
    out = ["# 政策对比 Policy comparison", ""]
    out += ["| | 地区 Jurisdiction | 年度 Year | 标题 Title | 文号 |", "|---|---|---|---|---|"]
    for n in notices:
        out.append(f"| **{_cell(n.label)}** | {_cell(n.jurisdiction)} | {n.year or ''} | {_cell(n.title)} | {_cell(n.doc_number)} |")
    out.append("")
    if len(notices) > 1 or not comparison.diffs:
        out += _matrix(comparison)
    for diff in comparison.diffs:
        out += _diff(diff)
    return "\n".join(out).rstrip() + "\n"


def _matrix(comparison: Comparison) -> list[str]:
    notices = comparison.notices
    out = ["## 对比矩阵 Matrix", ""]
    header = "| 项目 Slot | " + " | ".join(_cell(n.label) for n in notices) + " | 范围 Range |"
    rule = "|---|" + "---|" * len(notices) + "---|"
    rows = comparison.matrix.rows
    for category in CATEGORY_ORDER:
        group = [r for r in rows if r.category == category]
        if not group:
            continue
        out += [f"### {CATEGORY_LABELS[category]}", "", header, rule]
        for row in group:
            cells = []
            for n in notices:
                slot = row.cells.get(n.id)
                text = _cell(slot.display) if slot else "—"
                if n.id in row.outliers:
                    text = f"**{text}** ⚠"
                cells.append(text)
            span = ""
            if row.range:
                lo, hi = _cell(row.range.min_display), _cell(row.range.max_display)
                span = lo if lo == hi else f"{lo} – {hi}"
            out.append(f"| {_cell(row.label)} <sub>`{row.key}`</sub> | " + " | ".join(cells) + f" | {span} |")
        out.append("")
    return out


def _diff(diff: PairDiff) -> list[str]:
    out = [f"## {_cell(diff.a.label)} → {_cell(diff.b.label)}", ""]
    if not diff.changes:
        return out + ["No differences in any slot.", ""]
    counts = {k: sum(1 for c in diff.changes if c.change == k) for k in ("changed", "added", "removed")}
    summary = (f"{counts['changed']} changed, {counts['added']} added, {counts['removed']} removed; "
               f"{len(diff.unchanged)} slots the same.")
    out += [summary, ""]
    out += ["| 项目 Slot | 变化 Change | 方向 Direction | 之前 Before | 之后 After | 说明 Note |",
            "|---|---|---|---|---|---|"]
    for c in diff.changes:
        out.append(f"| {_cell(c.label)} <sub>`{c.key}`</sub> | {_CHANGE_LABELS[c.change]} | {_direction(c)} | "
                   f"{_cell(c.before.display) if c.before else '—'} | {_cell(c.after.display) if c.after else '—'} | "
                   f"{_cell(_note(c))} |")
    out.append("")
    return out


def _direction(c: Change) -> str:
    if c.direction is None:
        return ""
    text = _ARROWS[c.direction]
    if c.ratio is not None:
        text += f" ×{c.ratio:g}"
    return text


def _note(c: Change) -> str:
    parts = []
    if c.added:
        parts.append("+ " + "、".join(c.added))
    if c.removed:
        parts.append("− " + "、".join(c.removed))
    if c.note:
        parts.append(c.note)
    return "; ".join(parts)
