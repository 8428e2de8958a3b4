"""Where a notice states its eligibility rules, and how a condition's metric is keyed.

*Condition sections* are the top-most sections whose short heading names conditions or applicants
(申报条件, 支持对象及条件, 申报主体 …; ``condition_titles`` in ``extractors/rules/cues.json``) and
not goals or procedures (目标, 考核, 程序 …). *Requirement sections* (申报要求, 注意事项 …) hold
mostly procedure; only their exclusions (``…的单位不得参加本次项目申报``) are rules.
"""

from __future__ import annotations

from policyparse.metrics import metric_key, normalize_phrase, resolve_metric
from policyparse.models import Section
from policyparse.rules.lexicon import cues
from policyparse.segment.index import SectionIndex

_UNIT_FAMILY = {"%": "share", "CNY": "money"}


def is_condition_title(title: str) -> bool:
    c = cues()
    return (0 < len(title) <= c.max_title_chars and bool(c.condition_title.search(title))
            and not c.condition_title_stop.search(title))


def is_requirement_title(title: str) -> bool:
    c = cues()
    return 0 < len(title) <= c.max_title_chars and bool(c.requirement_title.search(title))


def _top_most(index: SectionIndex, test) -> list[Section]:
    chosen: list[Section] = []
    ids: set[str] = set()
    for section in index.ordered:
        if any(a.id in ids for a in index.ancestors(section)):
            continue
        if test(section.title):
            chosen.append(section)
            ids.add(section.id)
    return chosen


def condition_sections(index: SectionIndex) -> list[Section]:
    """Top-most sections holding eligibility conditions, in text order."""
    return _top_most(index, is_condition_title)


def requirement_sections(index: SectionIndex) -> list[Section]:
    """Top-most requirement sections outside every condition section."""
    inside = {s.id for s in condition_sections(index)}
    return [s for s in _top_most(index, is_requirement_title)
            if s.id not in inside and not any(a.id in inside for a in index.ancestors(s))]


def metric_of(phrase: str, unit: str | None) -> tuple[str, str]:
    """``(key, label)`` of a condition's metric: the canonical id and label when the lexicon knows
    the phrase and its unit family agrees (a share of a count — ``占…的50%`` — is not the count),
    else ``zh:<normalized phrase>`` and the phrase itself."""
    found = resolve_metric(phrase)
    if found is not None and _UNIT_FAMILY.get(found.unit, "count") == _UNIT_FAMILY.get(unit or "", "count"):
        return found.id, found.label
    if found is not None:
        return f"zh:{normalize_phrase(phrase)}", phrase
    return metric_key(phrase), phrase
