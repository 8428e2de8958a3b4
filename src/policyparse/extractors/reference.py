"""Cited documents: every 《title》, with the 文号 that follows it in brackets when there is one.

The whole citation is claimed, so the years of a title such as ``（2019-2022年）`` are not dates.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact
from policyparse.resolvers.doc_numbers import find_doc_numbers
from policyparse.resolvers.patterns import rx

NAME = "reference.v1"
TYPES = ("reference",)

_TITLE = rx(r"《(?P<title>[^《》\n]{1,200})》", engine="re")
_FOLLOWING_NUMBER = regex.compile(r"\s?[（(](?P<inner>[^（）()\n]{4,40})[）)]")
_LEADING_NUMBER = regex.compile(r"\s?[（(](?P<inner>[^（）()\n，,；;]{4,40})[，,；;]")
"""``《办法》（沪交科〔2018〕540号，以下简称《办法》，…）``: the 文号 opens a longer aside; the fact ends
with the 文号 and the rest of the aside stays free for its own facts."""


_DATE_BEFORE_NUMBER = regex.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
"""``（2011年10月19日上海市人民政府令第71号公布）``: the day the cited document was issued, before its number."""
_WORD_AFTER_NUMBER = regex.compile(r"文|公布|发布|印发|颁布")
"""``（山府发〔2017〕32号文）``, ``（…令第71号公布）``: a word after the number that names the document or its issuing."""


def _bracketed_number(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The one 文号 an aside ``text[start:end]`` gives for the title before it: the aside is the
    number, possibly after the date of issue and before 文 / 公布 (see the two patterns above)."""
    found = find_doc_numbers(text, start, end)
    if len(found) != 1:
        return None
    number_start, number_end, number = found[0]
    date = _DATE_BEFORE_NUMBER.match(text, start, number_start)
    if number_start != (date.end() if date else start):
        return None
    if number_end != end and not _WORD_AFTER_NUMBER.fullmatch(text, number_end, end):
        return None
    return number_start, number_end, number


def extract(ctx: Context) -> list[Fact]:
    text = ctx.text
    facts = []
    for m in _TITLE.finditer(text):
        end = m.end()
        number = None
        claimed = [(m.start(), m.end())]
        for pattern in (_FOLLOWING_NUMBER, _LEADING_NUMBER):
            follow = pattern.match(text, m.end())
            found = follow and _bracketed_number(text, follow.start("inner"), follow.end("inner"))
            if found:
                number = found[2]
                end = follow.end() if pattern is _FOLLOWING_NUMBER else follow.end("inner")
                claimed = [(m.start(), follow.start("inner")), (found[0], end)]  # the date of issue stays a date
                break
        value = {"title": m.group("title"), "doc_number": number}
        facts.append(ctx.fact(NAME, "reference", value, m.start(), end, rule="《title》（文号）" if number else "《title》"))
        for a, b in claimed:
            ctx.claims.add(a, b)
    return facts
