"""The rules format: each notice's eligibility conditions as condition trees, per applicant type.

A :class:`RuleSet` holds, for each applicant type a notice addresses, one tree of
:data:`Node` s. Inner nodes are :class:`Group` s (``all`` / ``any`` / ``at_least``); leaves are

* :class:`NumericCondition` — ``{metric, op, value, unit, period, inclusive}``: a comparison an
  applicant's figure can be checked against (``有效发明专利数量 >= 50 件``);
* :class:`TextCondition` — a qualitative condition no number captures (``研发创新能力较强``), kept
  as the notice's own words and marked ``"qualitative": true``.

Either leaf may be ``negate``: an exclusion (``无严重失信行为`` → negated leaf ``严重失信行为``;
``已承担…的单位不再承担`` → negated leaf ``已承担…的单位``). A numeric leaf may carry
:class:`Exemption` s: qualifications that lift it (``waive``) or scale its value (``scale``,
``factor`` 0.5 for 减半).

Every leaf's ``text`` equals ``notice_text[span[0]:span[1]]``; every node names the ``section`` it
came from. Ids are stable for a given parse: ``<section id>:<n>`` for leaves.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from policyparse.models import Jurisdiction
from policyparse.models.facts import Number

RULES_SCHEMA_VERSION = "1"

Span = tuple[int, int]
Op = Literal[">=", ">", "<=", "<", "=="]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Exemption(_Frozen):
    """A qualification that lifts or scales numeric conditions.

    ``waive``: an applicant holding any of ``qualifications`` is not bound by the target conditions
    (``国家专精特新“小巨人”企业可不受利税总额限制``). ``scale``: for such an applicant the target
    conditions' values are multiplied by ``factor`` (``专利数量要求可减半`` → 0.5).
    """

    id: str
    kind: Literal["waive", "scale"]
    factor: float | None = Field(default=None, description="scale only: the new value is value × factor")
    qualifications: tuple[str, ...] = Field(description="qualifying titles, awards or statuses, as the notice words them")
    period: str | None = Field(default=None, description="when the qualification must have been obtained (三年内)")
    target: str = Field(description="what the notice says is lifted (利税总额, 专利数量)")
    targets: tuple[str, ...] = Field(default=(), description="metric keys of the conditions it applies to")
    text: str
    span: Span
    section: str | None = None


class NumericCondition(_Frozen):
    """A comparison of one applicant figure with a number: ``metric op value``."""

    kind: Literal["numeric"] = "numeric"
    id: str
    metric: str = Field(description="canonical metric id (policyparse.metrics), or zh:<phrase> when the lexicon has none")
    metric_label: str = Field(description="the metric's canonical Chinese label (or the phrase)")
    metric_phrase: str = Field(description="the metric as the notice words it")
    op: Op
    value: Number
    unit: str | None = Field(description="件/项/人…; % (value is a fraction); CNY (value in yuan)")
    inclusive: bool = Field(description="whether the bound itself satisfies the condition (以上/不少于 yes; 超过/低于 no)")
    period: str | None = Field(default=None, description="look-back window (近三年, 上一年度)")
    negate: bool = False
    exemptions: tuple[Exemption, ...] = ()
    note: str | None = Field(default=None, description="a bracketed aside qualifying the condition (…可按1:2抵算…)")
    text: str
    span: Span
    section: str | None = None


class TextCondition(_Frozen):
    """A qualitative condition, kept in the notice's words; a person (or a platform's own data) decides it."""

    kind: Literal["text"] = "text"
    id: str
    qualitative: Literal[True] = True
    negate: bool = False
    cue: str | None = Field(default=None, description="the exclusion words that negate it (无, 不再承担 …)")
    period: str | None = Field(default=None, description="look-back window of an exclusion (近三年无…)")
    text: str
    span: Span
    section: str | None = None


class Group(_Frozen):
    """``all`` / ``any`` / ``at_least`` ``n`` of the children."""

    kind: Literal["all", "any", "at_least"]
    id: str
    n: int | None = Field(default=None, description="at_least only: how many children must hold")
    label: str | None = Field(default=None, description="the item heading or rule words, for display")
    span: Span | None = None
    section: str | None = None
    children: tuple[Node, ...]


Node = Annotated[NumericCondition | TextCondition | Group, Field(discriminator="kind")]
Group.model_rebuild()


class ApplicantRules(_Frozen):
    """The condition tree of one applicant type (or several sharing the same conditions)."""

    applicant_types: tuple[str, ...] = Field(description="canonical applicant type ids (enterprise …) or zh:<title> for types the lexicon lacks")
    label: str = Field(description="the applicant types in Chinese: 企业, 高等学校、科研院所 …")
    condition: Group
    jsonlogic: dict[str, Any] = Field(description="the tree compiled to JSON Logic (policyparse.rules.jsonlogic)")
    unevaluated: tuple[str, ...] = Field(default=(), description="ids of the text leaves JSON Logic cannot decide (read from data.conditions, default true)")


class Funding(_Frozen):
    """An amount the notice offers (money facts with role funding/subsidy/reward)."""

    role: str
    display: str
    value: dict[str, Any]
    text: str
    span: Span
    section: str | None = None


class NoticeRef(_Frozen):
    """Which notice the rules came from."""

    id: str = Field(description="file stem")
    path: str
    sha256: str
    title: str | None = None
    policy_year: int | None = None
    jurisdiction: Jurisdiction = Jurisdiction()


class RuleSet(_Frozen):
    """Every eligibility rule of one notice."""

    schema_version: Literal["1"] = RULES_SCHEMA_VERSION
    notice: NoticeRef
    applicants: tuple[ApplicantRules, ...] = ()
    obligations: tuple[NumericCondition, ...] = Field(default=(), description="KPI targets a funded project must reach (not eligibility)")
    funding: tuple[Funding, ...] = ()
    notes: tuple[str, ...] = ()


def walk(node: Node):
    """Every node of a tree, depth first, the node itself first."""
    yield node
    if isinstance(node, Group):
        for child in node.children:
            yield from walk(child)


def leaves(node: Node):
    """The leaves of a tree in order."""
    return [n for n in walk(node) if not isinstance(n, Group)]
