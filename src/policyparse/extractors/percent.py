"""Percentages as fractions (40% → 0.4, 百分之三点五 → 0.035, 1‰ → 0.001, 七成 → 0.7), with the role of the share:
payment schedule (``立项后给予40%``, ``70%…30%``) → funding, ``按…15%给予补助`` → subsidy, goals → target,
conditions → threshold."""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.extractors.roles import classify
from policyparse.models import Fact
from policyparse.resolvers.percent import scan_percents

NAME = "percent.v1"
TYPES = ("percent",)

_SHARES = frozenset({"percent", "permille", "per_ten_thousand", "tenths", "points", "basis_points", "fraction"})
"""Mention kinds that are a percent fact: a share (40%, 1‰, 千分之五, 3‱, 七成) or a difference of two
shares in percentage points (上升了15个百分点, kind ``points``) or basis points (减20个基点, 50BP, kind
``basis_points``); a range (5-20%) is not one number."""


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_percents(ctx.unglued_text):
        if mention.kind not in _SHARES or ctx.claims.overlaps(mention.start, mention.end):
            continue
        role, kind = classify(ctx, mention.start, mention.end)
        if mention.kind in ("points", "basis_points"):
            kind = mention.kind
        extras = {"kind": kind} if kind else {}
        facts.append(ctx.fact(NAME, "percent", mention.value, mention.start, mention.end, role=role, rule="percent", **extras))
    return facts
