"""Ratios: cost shares (``按1:1分担``), conversions (``按1:2抵算``); clock times are claimed as dates first."""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.percent import scan_ratios

NAME = "ratio.v1"
TYPES = ("ratio",)


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_ratios(ctx.text):
        if ctx.claims.overlaps(mention.start, mention.end):
            continue
        facts.append(ctx.fact(NAME, "ratio", list(mention.value), mention.start, mention.end, rule="a:b"))
    return facts
