"""Constructs whose digits are not quantities, dates or money.

:func:`protected_spans` masks, in folded text: 文号 (``渝府发〔2019〕14号``, ``[2019]``), order
numbers (``第154号政府令``), standard codes (``GB/T 9704-2012``), URLs, e-mail addresses, phone
numbers, ID/account digit strings (12+ digits), postcodes after 邮编, section markers (``一、``
``（二）`` ``3．`` at a clause start) and plan names (``十四五``). The numeric scanners skip anything
overlapping the mask.

:func:`book_title_spans` gives the 《…》 titles; FACTS.md says a date inside one is not a date
fact, but a title's *year range* is still text a caller may want, so scanners do not drop titles
themselves — use :func:`~policyparse.resolvers.base.drop_inside` with these spans.
"""

from __future__ import annotations

import re

from policyparse.resolvers.base import SpanSet, finditer_in_lines, fold
from policyparse.resolvers.doc_numbers import doc_number_matches, order_number_matches
from policyparse.resolvers.memo import per_document
from policyparse.resolvers.patterns import rx
from policyparse.resolvers.phones import phone_spans
from policyparse.segment.markers import marker_matches

__all__ = ["book_title_spans", "doc_number_spans", "protected_spans"]

_BRACKET_YEAR = rx(r"[〔\[【﹝][ \t]*(?:19|20)\d{2}[ \t]*[〕\]】﹞]", engine="re")
_STANDARD = rx(r"(?<![A-Za-z])(?:GB|GB/T|GB/Z|DB\d{0,2}(?:/T)?|JB|JB/T|HG|YY|QB|SJ|T/[A-Z]{2,10}|ISO|IEC)"
                          r"[ \t]*\d[\d.]*(?:[-—]\d{2,4})?")
_URL = rx(
    r"(?:https?://|ftp://|www\.)[^\s\p{Han}，。；、“”（）()<>\"']+"
    r"|(?<![@\w.])(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|info|io)(?::\d{1,5})?(?:/[^\s\p{Han}，。；、“”（）()<>\"']*)?"
)
_EMAIL = rx(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_LONG_DIGITS = rx(r"(?<![\d.])\d{12,}[Xx]?(?![\d])|(?<![\d.])\d{17}[Xx](?![\dA-Za-z])")
_POSTCODE = rx(r"(?:邮编|邮政编码)[ \t]*[:是为]?[ \t]*(\d{6})(?!\d)")
_CLAUSE_START = "\n。；;:)」”"
"""A heading marker is masked where a line or clause starts (after these, or at the text start)."""
_PLAN = rx(r"十?[一二三四五六七八九十]五(?=规划|时期|期间|”|\")")
_TITLE = rx(r"《[^《》\n]{1,200}》", engine="re")
_SCANS = (
    (_BRACKET_YEAR, re.compile(r"[〔\[【﹝]"), 0),
    (_STANDARD, re.compile(r"GB|DB|JB|HG|YY|QB|SJ|T/|ISO|IEC"), 0),
    (_URL, re.compile(r"://|www\.|\.(?:com|cn|net|org|gov|edu|info|io)"), 0),
    (_EMAIL, re.compile("@"), 0),
    (_LONG_DIGITS, re.compile(r"\d\d{11}"), 0),  # \d{12}, spelt so that re skips to a digit before trying it
    (_PLAN, re.compile("五"), 0),
    (_POSTCODE, re.compile("邮编|邮政编码"), 1),
)
"""Each mask with what every match of it holds within one line (only the lines that hold it are
scanned, see :func:`~policyparse.resolvers.base.lines_holding`) and the group it masks."""


@per_document
def protected_spans(f: str) -> SpanSet:
    """The mask of protected constructs in folded text ``f`` (see module docstring)."""
    spans: list[tuple[int, int]] = []
    spans.extend(m.span() for m in doc_number_matches(f))
    spans.extend(m.span() for m in order_number_matches(f))
    for pattern, needed, group in _SCANS:
        spans.extend(m.span(group) for m in finditer_in_lines(pattern, f, needed))
    for m in marker_matches(f):
        before = m.start()
        while before > 0 and f[before - 1] in " \t":
            before -= 1
        if before == 0 or f[before - 1] in _CLAUSE_START:
            spans.append(m.span())
    spans.extend(phone_spans(f))
    return SpanSet(spans)


def doc_number_spans(s: str) -> list[tuple[int, int]]:
    """Spans of 文号-like constructs (``渝府发〔2019〕14号``, ``[2019]12号``) in ``s``."""
    return [m.span() for m in doc_number_matches(fold(s))]


def book_title_spans(s: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles in ``s`` (brackets included)."""
    return [m.span() for m in _TITLE.finditer(s)]
