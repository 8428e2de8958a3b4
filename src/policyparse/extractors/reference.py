"""Cited documents: every 《title》, with the 文号 that follows it in brackets when there is one.

The whole citation is claimed, so the years of a title such as ``（2019-2022年）`` are not dates.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.doc_numbers import find_doc_numbers

NAME = "reference.v1"
TYPES = ("reference",)

_TITLE = regex.compile(r"《(?P<title>[^《》\n]{1,200})》")
_FOLLOWING_NUMBER = regex.compile(r"\s?[（(](?P<inner>[^（）()\n]{4,40})[）)]")
_LEADING_NUMBER = regex.compile(r"\s?[（(](?P<inner>[^（）()\n，,；;]{4,40})[，,；;]")
"""``《办法》（沪交科〔2018〕540号，以下简称《办法》，…）``: the 文号 opens a longer aside; the fact ends
with the 文号 and the rest of the aside stays free for its own facts."""


def extract(ctx: Context) -> list[Fact]:
    text = ctx.text
    facts = []
    for m in _TITLE.finditer(text):
        end = m.end()
        number = None
        for pattern in (_FOLLOWING_NUMBER, _LEADING_NUMBER):
            follow = pattern.match(text, m.end())
            if follow:
                found = find_doc_numbers(text, follow.start("inner"), follow.end("inner"))
                if found and found[0][0] == follow.start("inner") and found[0][1] == follow.end("inner"):
                    number = found[0][2]
                    end = follow.end() if pattern is _FOLLOWING_NUMBER else follow.end("inner")
                    break
        value = {"title": m.group("title"), "doc_number": number}
        facts.append(ctx.fact(NAME, "reference", value, m.start(), end, rule="《title》（文号）" if number else "《title》"))
        ctx.claims.add(m.start(), end)
    return facts
