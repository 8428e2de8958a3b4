"""Shared resolvers: pure functions over strings (no document, no model objects).

Two levels:

* **Value resolvers** turn one matched string into a FACTS.md value and raise ``ValueError``
  on anything else: :func:`parse_number`, :func:`parse_money`, :func:`parse_percent`,
  :func:`parse_ratio`, :func:`parse_date`, :func:`parse_period`, :func:`parse_duration`,
  :func:`parse_phone`.
* **Scanners** find mentions in running text and return :class:`Mention` records with half-open
  code-point spans into the given string (``m.text == s[m.start:m.end]`` always):
  :func:`scan_numbers`, :func:`scan_money`, :func:`scan_percents`, :func:`scan_ratios`,
  :func:`scan_dates`, :func:`scan_periods`, :func:`scan_durations`, :func:`scan_phones`.

Scanners never fire inside 文号 (``〔2019〕14号``), bracketed years, phone numbers, URLs, e-mail
addresses or long ID/account digit strings; dates and periods never overlap each other (a period
wins over the dates it is made of). Titles in 《》 are not dropped at this level: use
:func:`book_title_spans` with :func:`drop_inside`.

Everything matches on a length-preserving folded copy of the text (full-width → ASCII,
traditional numeral characters → simplified), so callers pass their text unchanged.
"""

from policyparse.resolvers.base import Mention, drop_inside, drop_overlapping, fold
from policyparse.resolvers.dates import (
    DateValue,
    parse_date,
    parse_period,
    parse_period_ex,
    scan_dates,
    scan_periods,
    scan_temporal,
)
from policyparse.resolvers.durations import parse_duration, scan_durations
from policyparse.resolvers.money import parse_money, parse_money_ex, scan_money
from policyparse.resolvers.numerals import (
    NumberValue,
    parse_number,
    parse_number_ex,
    scan_numbers,
)
from policyparse.resolvers.percent import (
    PercentValue,
    parse_percent,
    parse_percent_ex,
    parse_ratio,
    scan_percents,
    scan_ratios,
)
from policyparse.resolvers.phones import parse_phone, scan_phones
from policyparse.resolvers.protect import book_title_spans, doc_number_spans

__all__ = [
    "DateValue",
    "Mention",
    "NumberValue",
    "PercentValue",
    "book_title_spans",
    "doc_number_spans",
    "drop_inside",
    "drop_overlapping",
    "fold",
    "parse_date",
    "parse_duration",
    "parse_money",
    "parse_money_ex",
    "parse_number",
    "parse_number_ex",
    "parse_percent",
    "parse_percent_ex",
    "parse_period",
    "parse_period_ex",
    "parse_phone",
    "parse_ratio",
    "scan_dates",
    "scan_durations",
    "scan_money",
    "scan_numbers",
    "scan_percents",
    "scan_periods",
    "scan_phones",
    "scan_ratios",
    "scan_temporal",
]
