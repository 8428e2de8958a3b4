"""Ratios: cost shares (``按1:1分担``), conversions (``按1:2抵算``), multiples of a base
(``账户余额的20倍`` → ``[20, 1]``) and coefficients (``奖励系数为0.9`` → ``[0.9, 1]``); clock times are
claimed as dates first. A coefficient's number is claimed, so it is no threshold as well."""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.percent import scan_coefficients, scan_multiples, scan_ratios

NAME = "ratio.v1"
TYPES = ("ratio",)


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention in scan_ratios(ctx.unglued_text):
        if len(mention.value) != 2 or ctx.claims.overlaps(mention.start, mention.end):  # 3:2:1 has no pair form
            continue
        facts.append(ctx.fact(NAME, "ratio", list(mention.value), mention.start, mention.end, rule="a:b"))
    # a multiple stays free for the threshold it may state (不超过余额的20倍); a coefficient is no threshold
    for scan, rule, claim in ((scan_multiples, "N倍", False), (scan_coefficients, "系数N", True)):
        for mention in scan(ctx.unglued_text):
            if ctx.claims.overlaps(mention.start, mention.end):
                continue
            facts.append(ctx.fact(NAME, "ratio", list(mention.value), mention.start, mention.end, rule=rule))
            if claim:
                ctx.claims.add(mention.start, mention.end)
    return facts
