"""Durations: ``项目实施期限为2年``, ``10个工作日``, ``1-2个月``, ``12个月以内``.

Look-back windows of conditions (``近三年``) are periods of thresholds, not durations, and are skipped.
"""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.durations import scan_durations

NAME = "duration.v1"
TYPES = ("duration",)


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_durations(ctx.text):
        if mention.extra.get("lookback") or ctx.claims.overlaps(mention.start, mention.end):
            continue
        facts.append(ctx.fact(NAME, "duration", dict(mention.value), mention.start, mention.end, rule=f"duration:{mention.kind}"))
    return facts
