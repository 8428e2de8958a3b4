"""Percentages as fractions (40% → 0.4, 百分之三点五 → 0.035), with the role of the share:
payment schedule (``立项后给予40%``, ``70%…30%``) → funding, ``按…15%给予补助`` → subsidy, goals → target,
conditions → threshold."""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.extractors.roles import classify
from policyparse.models import Fact
from policyparse.resolvers.percent import scan_percents

NAME = "percent.v1"
TYPES = ("percent",)


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_percents(ctx.text):
        if mention.kind != "percent" or ctx.claims.overlaps(mention.start, mention.end):
            continue
        role, kind = classify(ctx, mention.start, mention.end)
        extras = {"kind": kind} if kind else {}
        facts.append(ctx.fact(NAME, "percent", mention.value, mention.start, mention.end, role=role, rule="percent", **extras))
    return facts
