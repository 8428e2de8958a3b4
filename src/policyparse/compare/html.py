"""The comparison as one self-contained HTML report (issue #4).

:func:`render_html` writes a single file with inline CSS and JavaScript — no CDN, no web fonts, no
request of any kind (a Content-Security-Policy forbids them), so it opens offline from ``file://``.

The report has three parts: the notices compared (label, jurisdiction, year, title, 文号), the
slots × notices matrix grouped by slot category (with each numeric row's range and its outliers
marked), and one table of typed changes per pairwise diff. Every value is a trigger: hovering shows
its source sentence (``title``), clicking or pressing Enter opens ``#source-panel`` with the
notice, the section id and the sentence with the fact highlighted in ``<mark>``; Esc closes it.

The provenance travels as one JSON block (``<script type="application/json" id="pp-sources">``),
keyed by the ``data-src`` attribute of each trigger; the sentence is pre-split into plain and
highlighted segments here, so the page never slices strings by offset. Test hooks:
``td.cell[data-key][data-notice]`` in the matrix, ``.val[data-key][data-notice]`` in the diffs,
``#source-panel`` with ``mark`` inside.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from statistics import median
from typing import Any

from policyparse.compare.model import Change, Comparison, MatrixRow, PairDiff
from policyparse.profile.model import CATEGORY_LABELS, CATEGORY_ORDER, NoticeInfo, Slot

__all__ = ["render_html"]

_CHANGE_LABELS = {"added": ("+", "新增 added"), "removed": ("−", "删除 removed"), "changed": ("~", "变化 changed")}
_DIRECTION_LABELS = {
    "up": ("↑", "提高 up"), "down": ("↓", "降低 down"),
    "stricter": ("▲", "更严 stricter"), "looser": ("▽", "放宽 looser"),
    "earlier": ("◀", "提前 earlier"), "later": ("▶", "推迟 later"),
    "longer": ("⇡", "延长 longer"), "shorter": ("⇣", "缩短 shorter"),
    "items_changed": ("±", "条目变化 items changed"),
}
_TITLE_SENTENCE_CHARS = 160
_OUTLIER_FLAG = '<span class="flag" aria-hidden="true">!</span>'


def render_html(comparison: Comparison, *, title: str | None = None) -> str:
    """The comparison as one self-contained HTML document (a ``str`` to write as UTF-8)."""
    labels = {n.id: n.label for n in comparison.notices}
    sources: dict[str, Any] = {}
    body = [
        _header(comparison, title),
        _notices(comparison.notices),
        _matrix(comparison, labels, sources),
        *(_diff(i, d, labels, sources) for i, d in enumerate(comparison.diffs)),
        _footer(comparison),
    ]
    page_title = title or "政策对比 Policy comparison — " + " · ".join(n.label for n in comparison.notices)
    return _PAGE.format(
        title=_e(page_title),
        css=_asset("report.css"),
        js=_asset("report.js"),
        body="\n".join(body),
        sources=_json_for_script(sources),
    )


# ---------------------------------------------------------------------------------------- parts


def _header(comparison: Comparison, title: str | None) -> str:
    n, d = len(comparison.notices), len(comparison.diffs)
    nav = ['<a href="#notices">通知 Notices</a>', '<a href="#matrix">对比矩阵 Matrix</a>']
    nav += [f'<a href="#diff-{i}">{_e(p.a.label)} → {_e(p.b.label)}</a>' for i, p in enumerate(comparison.diffs)]
    return (
        '<header class="page-head">'
        f'<h1>{_e(title or "政策对比报告")}<span class="sub">Policy comparison</span></h1>'
        f'<p class="summary">{n} 份通知 notices · {len(comparison.matrix.rows)} 个对比项 slots'
        f' · {d} 组两两对比 pairwise diff{"s" if d != 1 else ""}</p>'
        f'<nav class="toc" aria-label="Sections">{"".join(nav)}</nav>'
        '</header>'
    )


def _notices(notices: tuple[NoticeInfo, ...]) -> str:
    rows = []
    for n in notices:
        rows.append(
            f'<tr data-notice="{_e(n.id)}">'
            f'<th scope="row"><span class="notice-label">{_e(n.label)}</span><span class="id">{_e(n.id)}</span></th>'
            f'<td>{_e_or_dash(n.jurisdiction)}{_small(n.adcode)}</td>'
            f'<td class="num">{_e_or_dash(n.year)}</td>'
            f'<td class="title-cell">{_e_or_dash(n.title)}</td>'
            f'<td class="docno">{_e_or_dash(n.doc_number)}</td>'
            f'<td class="num">{_e_or_dash(n.publish_date)}</td>'
            '</tr>'
        )
    return (
        '<section id="notices" aria-labelledby="notices-h"><h2 id="notices-h">通知 Notices</h2>'
        '<div class="table-wrap short"><table class="notices">'
        '<thead><tr><th scope="col">标签 Label</th><th scope="col">地区 Jurisdiction</th>'
        '<th scope="col">年度 Year</th><th scope="col">标题 Title</th><th scope="col">文号 Doc. no.</th>'
        '<th scope="col">发布日期 Published</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _matrix(comparison: Comparison, labels: dict[str, str], sources: dict[str, Any]) -> str:
    notices = comparison.matrix.notices
    ncols = len(notices) + 2
    head = ['<th scope="col" class="corner">对比项 Slot</th>']
    for n in notices:
        tip = " · ".join(x for x in (n.title, n.doc_number, n.id) if x)
        head.append(f'<th scope="col" class="notice-col" data-notice="{_e(n.id)}" title="{_e(tip)}">'
                    f'<span class="notice-label">{_e(n.label)}</span><span class="id">{_e(n.id)}</span></th>')
    head.append('<th scope="col" class="range-col">范围 Range</th>')

    body = []
    for category, rows in _by_category(comparison.matrix.rows):
        body.append(_group_row(category, len(rows), ncols))
        for r_index, row in enumerate(rows):
            body.append(_matrix_row(row, notices, r_index % 2 == 1, labels, sources))
    return (
        '<section id="matrix" aria-labelledby="matrix-h"><h2 id="matrix-h">对比矩阵 Matrix</h2>'
        '<div class="toolbar" role="group" aria-label="Matrix filters">'
        '<label class="search"><span>筛选 Filter</span>'
        '<input type="search" id="row-filter" placeholder="对比项 / key …" autocomplete="off"></label>'
        '<label class="check"><input type="checkbox" id="shared-only"> 仅显示多份通知共有的对比项 only slots in ≥2 notices</label>'
        '<span class="legend"><span class="swatch outlier-swatch"></span> 离群值 outlier (&gt;2× or &lt;½ of the row median)'
        ' · 点击数值查看出处 click a value for its source</span>'
        '</div>'
        '<div class="table-wrap"><table class="matrix" aria-describedby="matrix-h">'
        f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        '<p class="empty-filter" id="matrix-empty" hidden>没有匹配的对比项 No slot matches the filter.</p>'
        '</section>'
    )


def _matrix_row(row: MatrixRow, notices: tuple[NoticeInfo, ...], alt: bool,
                labels: dict[str, str], sources: dict[str, Any]) -> str:
    shared = sum(1 for s in row.cells.values() if s is not None)
    numbers = [s.number for s in row.cells.values() if s is not None and s.number is not None and s.kind != "list"]
    mid = median(numbers) if numbers else None
    cls = "row alt" if alt else "row"
    out = [(f'<tr class="{cls}" data-key="{_e(row.key)}" data-category="{_e(row.category)}" data-shared="{shared}">'
            f'<th scope="row" class="slot"><span class="slot-label">{_e(row.label)}</span>'
            f'<code class="key">{_e(row.key)}</code></th>')]
    for n in notices:
        slot = row.cells.get(n.id)
        attrs = f'data-key="{_e(row.key)}" data-notice="{_e(n.id)}"'
        if slot is None:
            out.append(f'<td class="cell empty" {attrs} aria-label="{_e(n.label)}: 无 none">—</td>')
            continue
        src = f"m{len(sources)}"
        sources[src] = _source_entry(slot, n.id, labels)
        classes = ["cell", "has-src"]
        tip = [_hover_title(slot, labels)]
        if n.id in row.outliers:
            classes.append("outlier")
            side = "above" if mid is not None and slot.number is not None and slot.number > mid else "below"
            word = "more than twice" if side == "above" else "less than half"
            tip.insert(0, f"离群值 Outlier: {word} the row median")
        out.append(
            f'<td class="{" ".join(classes)}" {attrs} data-src="{src}" tabindex="0" role="button"'
            f' aria-haspopup="dialog" aria-controls="source-panel" title="{_e(chr(10).join(tip))}">'
            f'{_e(slot.display)}{_OUTLIER_FLAG if n.id in row.outliers else ""}</td>'
        )
    if row.range is not None:
        rng = (_e(row.range.min_display) if row.range.min_display == row.range.max_display
               else f'{_e(row.range.min_display)}<span class="dash"> – </span>{_e(row.range.max_display)}')
        out.append(f'<td class="range">{rng}</td>')
    else:
        out.append('<td class="range none">—</td>')
    out.append("</tr>")
    return "".join(out)


def _diff(index: int, diff: PairDiff, labels: dict[str, str], sources: dict[str, Any]) -> str:
    counts = {k: sum(1 for c in diff.changes if c.change == k) for k in ("changed", "added", "removed")}
    head = ('<thead><tr><th scope="col" class="corner">对比项 Slot</th><th scope="col">变化 Change</th>'
            '<th scope="col">方向 Direction</th>'
            f'<th scope="col" class="ba">{_e(diff.a.label)} <span class="arrow">→</span> {_e(diff.b.label)}</th>'
            '<th scope="col">倍数 Ratio</th><th scope="col">条目 Items</th><th scope="col">说明 Note</th></tr></thead>')
    body = []
    for category, changes in _by_category(diff.changes):
        body.append(_group_row(category, len(changes), 7))
        for c_index, change in enumerate(changes):
            body.append(_change_row(index, change, c_index % 2 == 1, diff, labels, sources))
    table = (f'<div class="table-wrap"><table class="diff" aria-labelledby="diff-{index}-h">{head}'
             f'<tbody>{"".join(body)}</tbody></table></div>') if diff.changes else \
        '<p class="no-changes">两份通知的对比项完全一致 No slot differs.</p>'
    unchanged = ""
    if diff.unchanged:
        items = "".join(f"<li><code>{_e(k)}</code></li>" for k in diff.unchanged)
        unchanged = (f'<details class="unchanged"><summary>未变化 Unchanged ({len(diff.unchanged)})</summary>'
                     f'<ul>{items}</ul></details>')
    return (
        f'<section id="diff-{index}" class="diff-section" data-a="{_e(diff.a.id)}" data-b="{_e(diff.b.id)}"'
        f' aria-labelledby="diff-{index}-h">'
        f'<h2 id="diff-{index}-h">两两对比 Diff: {_e(diff.a.label)} <span class="arrow">→</span> {_e(diff.b.label)}</h2>'
        f'<p class="diff-summary"><span class="badge change-changed">{counts["changed"]} 变化 changed</span>'
        f'<span class="badge change-added">{counts["added"]} 新增 added</span>'
        f'<span class="badge change-removed">{counts["removed"]} 删除 removed</span>'
        f'<span class="badge plain">{len(diff.unchanged)} 未变化 unchanged</span></p>'
        f'{table}{unchanged}</section>'
    )


def _change_row(d_index: int, change: Change, alt: bool, diff: PairDiff,
                labels: dict[str, str], sources: dict[str, Any]) -> str:
    sym, word = _CHANGE_LABELS[change.change]
    kind = f'<span class="badge change-{change.change}">{sym} {_e(word)}</span>'
    if change.direction:
        dsym, dword = _DIRECTION_LABELS.get(change.direction, ("", change.direction))
        direction = f'<span class="badge dir dir-{_e(change.direction)}">{dsym} {_e(dword)}</span>'
    else:
        direction = '<span class="none">—</span>'

    def value(slot: Slot | None, notice: NoticeInfo, side: str) -> str:
        if slot is None:
            return '<span class="val missing" aria-label="无 none">—</span>'
        src = f"d{d_index}-{len(sources)}{side}"
        sources[src] = _source_entry(slot, notice.id, labels)
        return (f'<span class="val has-src" data-key="{_e(change.key)}" data-notice="{_e(notice.id)}"'
                f' data-src="{src}" tabindex="0" role="button" aria-haspopup="dialog" aria-controls="source-panel"'
                f' title="{_e(_hover_title(slot, labels))}">{_e(slot.display)}</span>')

    before_after = (f'{value(change.before, diff.a, "a")}<span class="arrow" aria-label="to">→</span>'
                    f'{value(change.after, diff.b, "b")}')
    ratio = f'×{_ratio(change.ratio)}' if change.ratio is not None else '<span class="none">—</span>'
    items = ""
    if change.added or change.removed:
        items = ('<ul class="items">'
                 + "".join(f'<li class="item-added"><span class="sign">+</span>{_e(i)}</li>' for i in change.added)
                 + "".join(f'<li class="item-removed"><span class="sign">−</span>{_e(i)}</li>' for i in change.removed)
                 + "</ul>")
    cls = "row alt" if alt else "row"
    return (
        f'<tr class="{cls} change-row" data-key="{_e(change.key)}" data-change="{_e(change.change)}"'
        f' data-direction="{_e(change.direction or "")}">'
        f'<th scope="row" class="slot"><span class="slot-label">{_e(change.label)}</span>'
        f'<code class="key">{_e(change.key)}</code></th>'
        f'<td>{kind}</td><td>{direction}</td><td class="ba">{before_after}</td>'
        f'<td class="num">{ratio}</td><td>{items or "<span class=none>—</span>"}</td>'
        f'<td class="note">{_e(change.note) if change.note else "<span class=none>—</span>"}</td></tr>'
    )


def _footer(comparison: Comparison) -> str:
    try:
        ver = " " + version("policyparse")
    except PackageNotFoundError:  # running from a source tree that is not installed
        ver = ""
    return (f'<footer class="page-foot">policyparse{_e(ver)} · compare schema {_e(comparison.schema_version)}'
            ' · 每个数值均可追溯至原文 every value links to the sentence it came from</footer>')


# ----------------------------------------------------------------------------------- provenance


def _source_entry(slot: Slot, notice_id: str, labels: dict[str, str]) -> dict[str, Any]:
    """What the source panel shows for one value: the slot, the notice and its sources grouped by
    notice and section, each sentence split into ``[text, highlighted]`` segments (several facts in
    one sentence are highlighted together)."""
    groups: dict[tuple[str, str | None], dict[str, list[tuple[int, int]]]] = {}
    for p in slot.provenance:
        groups.setdefault((p.document, p.section), {}).setdefault(p.sentence, []).append(p.highlight)
    out = [
        {"notice": labels.get(document, document), "document": document, "section": section,
         "sentences": [_segments(sentence, highlights) for sentence, highlights in sentences.items()]}
        for (document, section), sentences in groups.items()
    ]
    return {
        "key": slot.key, "label": slot.label, "display": slot.display,
        "notice": labels.get(notice_id, notice_id), "document": notice_id, "sources": out,
    }


def _segments(sentence: str, highlights: list[tuple[int, int]]) -> list[list[Any]]:
    spans = sorted((max(0, a), min(len(sentence), b)) for a, b in highlights if b > a)
    merged: list[list[int]] = []
    for a, b in spans:
        if a >= len(sentence):
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    segments: list[list[Any]] = []
    pos = 0
    for a, b in merged:
        if a > pos:
            segments.append([sentence[pos:a], False])
        segments.append([sentence[a:b], True])
        pos = b
    if pos < len(sentence):
        segments.append([sentence[pos:], False])
    return segments


def _hover_title(slot: Slot, labels: dict[str, str]) -> str:
    if not slot.provenance:
        return slot.display
    p = slot.provenance[0]
    sentence = p.sentence if len(p.sentence) <= _TITLE_SENTENCE_CHARS else p.sentence[:_TITLE_SENTENCE_CHARS] + "…"
    where = labels.get(p.document, p.document) + (f" · {p.section}" if p.section else "")
    more = f"\n(+{len(slot.provenance) - 1} more)" if len(slot.provenance) > 1 else ""
    return f"{where}: {sentence}{more}"


# -------------------------------------------------------------------------------------- helpers


def _by_category(items) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(item.category, []).append(item)
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return sorted(groups.items(), key=lambda kv: rank.get(kv[0], len(rank)))


def _group_row(category: str, count: int, ncols: int) -> str:
    label = CATEGORY_LABELS.get(category, category)
    return (f'<tr class="group" data-category="{_e(category)}"><th scope="rowgroup" colspan="{ncols}">'
            f'<span class="group-label">{_e(label)}<span class="count">{count}</span></span></th></tr>')


def _ratio(r: float) -> str:
    return f"{r:.2f}".rstrip("0").rstrip(".") if abs(r) < 100 else f"{r:.0f}"


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _e_or_dash(value: Any) -> str:
    return '<span class="none">—</span>' if value is None or value == "" else _e(value)


def _small(value: Any) -> str:
    return f' <span class="id">{_e(value)}</span>' if value else ""


def _json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or ``&`` can appear literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def _asset(name: str) -> str:
    return resources.files("policyparse.compare").joinpath("assets", name).read_text(encoding="utf-8")


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="policyparse">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<a class="skip" href="#matrix">跳到对比矩阵 Skip to the matrix</a>
<main>
{body}
</main>
<div id="source-panel" class="source-panel" role="dialog" aria-modal="false" aria-labelledby="sp-title" tabindex="-1" hidden>
<div class="sp-head"><div class="sp-heading"><div id="sp-title" class="sp-title"></div><div class="sp-sub"></div></div>
<button type="button" class="sp-close" aria-label="关闭 Close">×</button></div>
<ol class="sp-sources"></ol>
<p class="sp-hint">Esc 关闭 close</p>
</div>
<script type="application/json" id="pp-sources">{sources}</script>
<script>
{js}
</script>
</body>
</html>
"""
