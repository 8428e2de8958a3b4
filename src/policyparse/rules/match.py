"""Matching an applicant profile against rule sets: eligible / not eligible / unknown.

The verdict is three-valued (Kleene logic over the condition tree):

* a numeric condition whose figure the profile lacks is **unknown**, and an unknown can never
  become *eligible*: ``all`` is false if any child is false, else unknown if any is unknown;
  ``any`` is true if any child is true, else unknown if any is unknown; ``at_least N`` is true
  with N true children, false when even the unknowns could not reach N;
* exemptions are applied first: a qualification the profile holds (matched tolerantly, see
  :func:`~policyparse.rules.exemptions.qualification_matches`) lifts a ``waive``-d condition or
  scales a ``scale``-d one (专利数量要求减半 → ≥ 50件 instead of ≥ 100件);
* a **qualitative** condition (text leaf) is decided by ``profile.conditions[<leaf id>]`` when
  given; otherwise it is *assumed met and listed under* ``to_check`` — what a platform shows as
  "to be confirmed by a person". So ``eligible`` means: every condition the data can decide is
  met, and ``to_check`` lists what a person must still confirm (with ``one_of`` naming the
  alternative group when confirming any one of several suffices);
* the applicant's ``jurisdiction`` must lie inside the notice's (a 重庆 notice excludes a 常州
  enterprise); a profile without one is unknown for a notice that has one;
* the applicant's type picks the tree; a notice with trees for other types only is not eligible.

A notice with no applicant rules (an action plan) is unknown, with a note.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from policyparse.models import Jurisdiction
from policyparse.models.facts import Number
from policyparse.rules import display
from policyparse.rules.applicant import ApplicantProfile
from policyparse.rules.exemptions import qualifications_matching
from policyparse.rules.jsonlogic import var_name
from policyparse.rules.model import (
    ApplicantRules,
    Funding,
    Group,
    Node,
    NumericCondition,
    RuleSet,
    Span,
    TextCondition,
    walk,
)

Verdict = Literal["eligible", "not_eligible", "unknown"]
_T, _F, _U = "T", "F", "U"
_VERDICT = {_T: "eligible", _F: "not_eligible", _U: "unknown"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Failure(_Frozen):
    """A condition the applicant does not meet, with the gap when it is numeric."""

    id: str
    kind: Literal["numeric", "text", "any", "at_least", "jurisdiction", "applicant_type"]
    display: str = Field(description="有效发明专利数量 ≥ 50件: 有 40件, 差 10件")
    metric: str | None = None
    metric_label: str | None = None
    op: str | None = None
    required: Number | None = Field(default=None, description="the bound applied (after any exemption)")
    actual: Number | None = None
    gap: Number | None = Field(default=None, description="how far the figure is from the bound (positive)")
    unit: str | None = None
    exemption: str | None = Field(default=None, description="the exemption that changed the bound, if any")
    text: str | None = None
    span: Span | None = None
    section: str | None = None
    alternatives: tuple[Failure, ...] = Field(default=(), description="any / at_least: the alternatives, none of which (or too few) holds")


class Missing(_Frozen):
    """A profile field the verdict needs."""

    field: str = Field(description="metrics.<id>, jurisdiction or applicant_type")
    label: str
    conditions: tuple[str, ...] = Field(default=(), description="ids of the conditions that need it")


class ToCheck(_Frozen):
    """A qualitative condition assumed met; a person (or profile.conditions) must confirm it."""

    id: str
    display: str
    negate: bool = False
    one_of: str | None = Field(default=None, description="id of an any / at_least group: confirming enough of its members suffices")
    text: str
    span: Span
    section: str | None = None


class ExemptionApplied(_Frozen):
    id: str
    kind: Literal["waive", "scale"]
    factor: float | None = None
    qualification: str = Field(description="the qualification as the notice lists it")
    held: tuple[str, ...] = Field(description="the applicant's qualifications that matched it")
    period: str | None = Field(default=None, description="when it must have been obtained: to be confirmed")
    conditions: tuple[str, ...] = ()
    text: str


class MatchResult(_Frozen):
    """The verdict of one notice for one applicant."""

    notice: str
    title: str | None = None
    path: str | None = None
    applicant: str | None = Field(default=None, description="the applicant tree used (企业, 高等学校、科研院所 …)")
    verdict: Verdict
    failed: tuple[Failure, ...] = ()
    missing: tuple[Missing, ...] = ()
    to_check: tuple[ToCheck, ...] = ()
    exemptions_applied: tuple[ExemptionApplied, ...] = ()
    funding: tuple[Funding, ...] = ()
    notes: tuple[str, ...] = ()


class _Out:
    """What evaluating a subtree found."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.failures: list[Failure] = []
        self.missing: list[tuple[str, str, str]] = []  # (field, label, condition id)
        self.checks: list[tuple[TextCondition, str | None]] = []  # (leaf, one_of group)
        self.exemptions: list[ExemptionApplied] = []


def _combine(values: list[str]) -> str:
    if _F in values:
        return _F
    return _U if _U in values else _T


class _Evaluator:
    def __init__(self, profile: ApplicantProfile) -> None:
        self.profile = profile
        self.values = profile.metric_values()

    def node(self, node: Node) -> _Out:
        if isinstance(node, NumericCondition):
            return self.numeric(node)
        if isinstance(node, TextCondition):
            return self.text(node)
        return self.group(node)

    def numeric(self, leaf: NumericCondition) -> _Out:
        required = Decimal(str(leaf.value))
        applied: list[ExemptionApplied] = []
        waived = False
        for ex in leaf.exemptions:
            matched = qualifications_matching(self.profile.qualifications, ex)
            if not matched:
                continue
            held = tuple(h for h in self.profile.qualifications if any(
                q in matched for q in qualifications_matching([h], ex)))
            applied.append(ExemptionApplied(id=ex.id, kind=ex.kind, factor=ex.factor, qualification=matched[0],
                                            held=held, period=ex.period, conditions=(leaf.id,), text=ex.text))
            if ex.kind == "waive":
                waived = True
            elif ex.factor is not None and leaf.op in (">=", ">"):
                required = required * Decimal(str(ex.factor))
        if waived and not leaf.negate:
            out = _Out(_T)
            out.exemptions = applied
            return out
        actual = self.values.get(leaf.metric)
        if actual is None:
            out = _Out(_U)
            out.missing.append((f"metrics.{leaf.metric}", leaf.metric_label, leaf.id))
            out.exemptions = applied
            return out
        holds = {">=": actual >= required, ">": actual > required, "<=": actual <= required,
                 "<": actual < required, "==": actual == required}[leaf.op]
        if leaf.negate:
            holds = not holds
        out = _Out(_T if holds else _F)
        out.exemptions = applied
        if not holds:
            scaled = [a for a in applied if a.kind == "scale"]
            note = None
            if scaled:
                note = f"{scaled[0].qualification}：要求×{scaled[0].factor:g}，原 {display.quantity(leaf.value, leaf.unit)}"
            if leaf.negate:
                shown = f"不得 {display.condition(leaf.metric_label, leaf.op, required, leaf.unit, leaf.period)}: 有 {display.quantity(actual, leaf.unit)}"
            else:
                shown = display.gap(leaf.metric_label, leaf.op, required, actual, leaf.unit, leaf.period, note)
            out.failures.append(Failure(
                id=leaf.id, kind="numeric", display=shown, metric=leaf.metric, metric_label=leaf.metric_label,
                op=leaf.op, required=required, actual=actual, gap=abs(required - actual), unit=leaf.unit,
                exemption=note, text=leaf.text, span=leaf.span, section=leaf.section,
            ))
        return out

    def text(self, leaf: TextCondition) -> _Out:
        answer = self.profile.conditions.get(leaf.id)
        if answer is None:
            out = _Out(_T)
            out.checks.append((leaf, None))
            return out
        if answer:
            return _Out(_T)
        out = _Out(_F)
        out.failures.append(Failure(id=leaf.id, kind="text", display=f"未满足: {_text_display(leaf)}", text=leaf.text,
                                    span=leaf.span, section=leaf.section))
        return out

    def group(self, group: Group) -> _Out:
        parts = [self.node(c) for c in group.children]
        values = [p.value for p in parts]
        if group.kind == "all":
            value = _combine(values)
        elif group.kind == "any":
            value = _T if _T in values else (_U if _U in values else _F)
        else:
            n = group.n or 0
            t, u = values.count(_T), values.count(_U)
            value = _T if t >= n else (_F if t + u < n else _U)
        out = _Out(value)
        for p in parts:
            out.exemptions.extend(p.exemptions)
        if value != _T:
            for p in parts:
                if p.value != _T:
                    out.missing.extend(p.missing)
        if group.kind == "all":
            if value == _F:
                for p in parts:
                    out.failures.extend(p.failures)
            else:
                for p in parts:
                    out.checks.extend(p.checks)
            return out
        # any / at_least
        if value == _F:
            failed = tuple(f for p in parts for f in p.failures)
            if group.kind == "any":
                shown = "以下条件均未满足（满足其一即可）: " + "；".join(f.display for f in failed)
            else:
                shown = f"须满足以下 {len(parts)} 项中至少 {group.n} 项，仅满足 {values.count(_T)} 项: " + "；".join(
                    f.display for f in failed)
            out.failures.append(Failure(id=group.id, kind=group.kind, display=shown, span=group.span,
                                        section=group.section, alternatives=failed))
        elif value == _T:
            decided = [p for p in parts if p.value == _T and not p.checks]
            if group.kind == "any" and decided:
                pass  # an alternative the data decides holds: nothing to confirm
            elif group.kind == "at_least" and len(decided) >= (group.n or 0):
                pass
            else:
                for p in parts:
                    if p.value == _T:
                        out.checks.extend((leaf, one_of or group.id) for leaf, one_of in p.checks)
        return out


def _text_display(leaf: TextCondition) -> str:
    """``无严重失信行为``, ``近三年无不良信用记录``, ``已承担…的单位 不再承担``."""
    if not leaf.negate:
        return leaf.text
    cue = leaf.cue or "无"
    if cue.startswith(("无", "没有", "未", "不存在")):
        return f"{leaf.period or ''}{cue}{leaf.text}"
    return f"{leaf.text} {cue}"


def _place(j: Jurisdiction) -> str:
    return "".join(dict.fromkeys(p for p in (j.province, j.city, j.county) if p)) or "?"


def _resolve_place(name: str) -> str | None:
    """The adcode of a place name such as 常州市, 江苏省常州市武进区 or 江苏常州 (the deepest unit
    named): the longest known name at each position, each inside the one before."""
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    found = divisions.find(name)
    if found is not None:
        return found.adcode
    adcode, i, covered = None, 0, 0
    while i < len(name) - 1:
        for j in range(len(name), i + 1, -1):
            unit = divisions.find(name[i:j], within=adcode) if adcode else divisions.find(name[i:j])
            if unit is not None:
                adcode, covered, i = unit.adcode, covered + j - i, j
                break
        else:
            i += 1
    return adcode if covered >= len(name) - 1 else None  # every word a place: no guess from a fragment


def _jurisdiction(profile: ApplicantProfile, notice: Jurisdiction) -> tuple[str, Failure | None, Missing | None, str | None]:
    if not notice.adcode:
        return _T, None, None, None
    if not profile.jurisdiction:
        return _U, None, Missing(field="jurisdiction", label=f"注册地（通知适用于 {_place(notice)}）"), None
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    mine = _resolve_place(profile.jurisdiction)
    if mine is None:
        return _U, None, None, f"jurisdiction {profile.jurisdiction!r} is not a known place name"
    if divisions.is_within(mine, notice.adcode):
        return _T, None, None, None
    if divisions.is_within(notice.adcode, mine):
        return _U, None, Missing(field="jurisdiction", label=f"注册地须在 {_place(notice)} 内，资料只写到 {profile.jurisdiction}"), None
    failure = Failure(id="jurisdiction", kind="jurisdiction",
                      display=f"注册地 {profile.jurisdiction} 不在通知适用地区 {_place(notice)} 内")
    return _F, failure, None, None


def _pick_tree(profile: ApplicantProfile, rules: RuleSet) -> tuple[ApplicantRules | None, str, Failure | None, Missing | None]:
    keys = profile.type_keys()
    for applicant in rules.applicants:
        if set(keys) & set(applicant.applicant_types):
            return applicant, _T, None, None
    generic = next((a for a in rules.applicants if "any" in a.applicant_types), None)
    if generic is not None:
        return generic, _T, None, None
    labels = "、".join(a.label for a in rules.applicants)
    if not keys:
        if len(rules.applicants) == 1:
            only = rules.applicants[0]
            return only, _U, None, Missing(field="applicant_type", label=f"申报主体类型（通知面向 {labels}）")
        return None, _U, None, Missing(field="applicant_type", label=f"申报主体类型（通知面向 {labels}）")
    failure = Failure(id="applicant_type", kind="applicant_type",
                      display=f"申报主体类型 {profile.applicant_type} 不在通知的申报对象（{labels}）之内")
    return None, _F, failure, None


def match(profile: ApplicantProfile, rules: RuleSet) -> MatchResult:
    """The verdict of one notice's rules for one applicant."""
    notes: list[str] = []
    values: list[str] = []
    failed: list[Failure] = []
    missing: list[Missing] = []
    head = {"notice": rules.notice.id, "title": rules.notice.title, "path": rules.notice.path, "funding": rules.funding}
    j_value, j_failure, j_missing, j_note = _jurisdiction(profile, rules.notice.jurisdiction)
    values.append(j_value)
    failed.extend([j_failure] if j_failure else [])
    missing.extend([j_missing] if j_missing else [])
    notes.extend([j_note] if j_note else [])
    pct = [k for k, v in profile.metric_values().items() if _unit_of(k) == "%" and v > 1]
    if pct:
        notes.append(f"percentages are fractions (0.035 = 3.5%); these look like whole percents: {', '.join(pct)}")
    if not rules.applicants:
        notes.extend(rules.notes[:1] or ["the notice states no eligibility conditions"])
        return MatchResult(**head, verdict="not_eligible" if _F in values else "unknown", failed=tuple(failed),
                           missing=tuple(missing), notes=tuple(notes))
    tree, t_value, t_failure, t_missing = _pick_tree(profile, rules)
    values.append(t_value)
    failed.extend([t_failure] if t_failure else [])
    missing.extend([t_missing] if t_missing else [])
    to_check: list[ToCheck] = []
    applied: list[ExemptionApplied] = []
    if tree is not None:
        out = _Evaluator(profile).node(tree.condition)
        values.append(out.value)
        failed.extend(out.failures)
        by_field: dict[str, tuple[str, list[str]]] = {}
        for field, label, cid in out.missing:
            by_field.setdefault(field, (label, []))[1].append(cid)
        missing.extend(Missing(field=f, label=lab, conditions=tuple(ids)) for f, (lab, ids) in by_field.items())
        seen = set()
        for leaf, one_of in out.checks:
            if leaf.id not in seen:
                seen.add(leaf.id)
                to_check.append(ToCheck(id=leaf.id, display=_text_display(leaf), negate=leaf.negate, one_of=one_of,
                                        text=leaf.text, span=leaf.span, section=leaf.section))
        for ex in out.exemptions:
            if ex.period:
                notes.append(f"exemption {ex.id}: {ex.qualification} must have been obtained {ex.period} — to be confirmed")
        applied = _merge_exemptions(out.exemptions)
    verdict = _VERDICT[_combine(values)]
    return MatchResult(**head, applicant=tree.label if tree else None, verdict=verdict, failed=tuple(failed),
                       missing=tuple(missing), to_check=tuple(to_check), exemptions_applied=tuple(applied),
                       notes=tuple(dict.fromkeys(notes)))


def _merge_exemptions(items: list[ExemptionApplied]) -> list[ExemptionApplied]:
    merged: dict[str, ExemptionApplied] = {}
    for ex in items:
        if ex.id in merged:
            old = merged[ex.id]
            merged[ex.id] = old.model_copy(update={"conditions": tuple(dict.fromkeys(old.conditions + ex.conditions))})
        else:
            merged[ex.id] = ex
    return list(merged.values())


def _unit_of(key: str) -> str | None:
    from policyparse.metrics import metrics

    m = metrics().get(key)
    return m.unit if m else None


def evaluate(profile: ApplicantProfile, node: Node) -> Verdict:
    """The three-valued value of one condition tree (or subtree) for an applicant, by the tree
    alone (no jurisdiction or applicant-type check): unanswered qualitative leaves count as met."""
    return _VERDICT[_Evaluator(profile).node(node).value]


def jsonlogic_data(profile: ApplicantProfile, rules: RuleSet) -> dict[str, Any]:
    """The data a compiled rule of ``rules`` reads, for this applicant: figures by metric key, the
    notice's own wording of every exemption qualification the applicant holds (tolerant matching
    done here, so engines can use exact ``in``), and the answered qualitative conditions."""
    quals = list(profile.qualifications)
    for applicant in rules.applicants:
        for node in walk(applicant.condition):
            if isinstance(node, NumericCondition):
                for ex in node.exemptions:
                    quals.extend(qualifications_matching(profile.qualifications, ex))
    metrics_out: dict[str, Any] = {}
    for key, value in profile.metric_values().items():
        metrics_out[var_name(key)] = int(value) if value == value.to_integral_value() else float(value)
    return {"metrics": metrics_out, "qualifications": list(dict.fromkeys(quals)),
            "conditions": dict(profile.conditions)}


Failure.model_rebuild()
