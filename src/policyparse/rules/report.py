"""The terminal view of match results: a summary table, then each notice's reasons."""

from __future__ import annotations

import unicodedata

from policyparse.rules.match import Failure, MatchResult
from policyparse.rules.model import RuleSet

_VERDICT = {"eligible": "✓ 符合 eligible", "not_eligible": "✗ 不符合 not eligible", "unknown": "? 待定 unknown"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _clip(s: str, width: int) -> str:
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > width - 1:
            return out + "…"
        out, w = out + c, w + cw
    return out


def notice_label(rules: RuleSet) -> str:
    """``002_cff6add629d97559 常州市 2023``."""
    j = rules.notice.jurisdiction
    place = j.county or j.city or j.province or ""
    year = rules.notice.policy_year
    return " ".join(p for p in (rules.notice.id, place, str(year) if year else "") if p)


def _failure_lines(failure: Failure, indent: str) -> list[str]:
    if failure.alternatives:
        head = "以下条件均未满足（满足其一即可）:" if failure.kind == "any" else failure.display.split(":")[0] + ":"
        return [indent + head] + [f"{indent}  - {alt.display}" for alt in failure.alternatives]
    return [indent + failure.display]


def render_table(results: list[MatchResult], rule_sets: list[RuleSet]) -> str:
    labels = [notice_label(r) for r in rule_sets]
    rows = [("通知 notice", "结论 verdict", "未满足", "缺资料", "待核实", "资助 funding")]
    for label, res in zip(labels, results):
        funding = "；".join(dict.fromkeys(f.display for f in res.funding)) or "—"
        rows.append((_clip(label, 40), _VERDICT[res.verdict], str(len(res.failed)), str(len(res.missing)),
                     str(len(res.to_check)), _clip(funding, 36)))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for i, row in enumerate(rows):
        lines.append("  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("─" * w for w in widths))
    for label, res in zip(labels, results):
        lines.append("")
        who = f"（{res.applicant}）" if res.applicant else ""
        lines.append(f"■ {label} {who} — {_VERDICT[res.verdict]}")
        if res.title:
            lines.append(f"  {res.title}")
        if res.failed:
            lines.append("  未满足 failed:")
            for f in res.failed:
                lines.extend(_failure_lines(f, "    "))
        if res.missing:
            lines.append("  缺少资料 missing:")
            lines.extend(f"    {m.field}（{m.label}）" for m in res.missing)
        if res.exemptions_applied:
            lines.append("  适用豁免 exemptions:")
            lines.extend(f"    {e.text}（{'、'.join(e.held)}）" for e in res.exemptions_applied)
        if res.to_check:
            lines.append(f"  待人工核实 to check: {len(res.to_check)} 项定性条件（--format json 列出全部）")
            for c in res.to_check[:3]:
                lines.append(f"    {_clip(c.display, 70)}")
            if len(res.to_check) > 3:
                lines.append(f"    …（另 {len(res.to_check) - 3} 项）")
        if res.funding:
            lines.append("  资助 funding: " + "；".join(dict.fromkeys(f.display for f in res.funding)))
        for note in res.notes:
            lines.append(f"  注 note: {note}")
    return "\n".join(lines) + "\n"
