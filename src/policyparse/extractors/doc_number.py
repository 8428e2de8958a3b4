"""发文字号 facts: every 文号 in the text, brackets normalised to 〔〕.

The year inside the brackets belongs to the 文号 and is claimed, so it never becomes a date.
"""

from __future__ import annotations

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.doc_numbers import find_doc_numbers

NAME = "doc_number.v1"
TYPES = ("doc_number",)


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for start, end, number in find_doc_numbers(ctx.text):
        facts.append(ctx.fact(NAME, "doc_number", number, start, end, rule="agency〔year〕serial号"))
        ctx.claims.add(start, end)
    return facts
