"""发文字号 (document numbers): agency code + 〔year〕 + serial + 号; and the numbers of government
orders (令), which are cited as written (``第154号政府令``, ``国务院令第746号``).

Web copies write the year brackets as ``[] () 【】 ﹝﹞ ［］ （）``; the normal form uses 〔〕.
One grammar serves the metadata reader, the doc_number and reference extractors, and the mask that
keeps numeric scanners out of 文号 (:mod:`policyparse.resolvers.protect`, on folded text).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from policyparse.resolvers.base import finditer_in_lines
from policyparse.resolvers.patterns import rx

DOC_NUMBER = rx(
    r"(?P<agency>\p{Han}{1,12}?(?:[发函字规办令告]|[\p{Han}]{0,2}字)?)?"
    r"[ \t]?[〔\[［(（【﹝][ \t]?(?P<year>(?:19|20)\d{2})[ \t]?[〕\]］)）】﹞][ \t]?"
    r"(?:第[ \t]?)?(?P<serial>\d{1,5})[ \t]?号",
    engine="re",
)
"""A 文号: short Han agency text (optional for masking), the bracketed year, the serial, 号."""

_NUMBER_SIGN = rx("号", engine="re")
"""What every :data:`ORDER_NUMBER` match holds, within one line: only the lines holding it are scanned."""
_BRACKETED_YEAR = rx(r"[〔\[［(（【﹝][ \t]?(?:19|20)\d{2}[ \t]?[〕\]］)）】﹞]", engine="re")
"""The part of :data:`DOC_NUMBER` no 文号 is without: found first, so the rest is tried near it only."""
_AGENCY_REACH = 16
"""How far before its bracketed year a :data:`DOC_NUMBER` match can start: 12 + 3 Han characters of
agency, and a space."""
_SERIAL_REACH = 10
"""How far after its bracketed year a :data:`DOC_NUMBER` match can end: ``[ \t]?第[ \t]?`` 3, five
digits, ``[ \t]?号`` 2."""


def doc_number_matches(text: str, start: int = 0, stop: int | None = None) -> Iterator[regex.Match]:
    """The matches of ``DOC_NUMBER.finditer(text, start, stop)``, found faster: its first part (a
    lazy run of Han characters) would be tried at every Han character of the text, so the bracketed
    years are found first and the pattern is searched for only around each (every match holds one
    and starts at most :data:`_AGENCY_REACH` before it; the first match after ``pos`` holds the first
    bracketed year after ``pos``, so searching from there finds the same match)."""
    stop = len(text) if stop is None else stop
    pos = start
    for anchor in _BRACKETED_YEAR.finditer(text, start, stop):
        if anchor.start() < pos:
            continue  # inside the match before
        m = DOC_NUMBER.search(text, max(pos, anchor.start() - _AGENCY_REACH), min(stop, anchor.end() + _SERIAL_REACH))
        if m is not None:
            yield m
            pos = m.end()

ORDER_NUMBER = regex.compile(
    r"(?:[〔\[［(（【﹝][ \t]?(?:19|20)\d{2}[ \t]?[〕\]］)）】﹞][ \t]?)?第[ \t]?\d{1,5}[ \t]?号\p{Han}{0,4}?令"
    r"|令[ \t]?(?:第[ \t]?)?\d{1,5}[ \t]?号"
    r"|(?<=[部委局])\d{1,5}[ \t]?号令"
    r"|公告[ \t]?(?:(?:19|20)\d{2}[ \t]?年[ \t]?)?第[ \t]?\d{1,5}[ \t]?号"
)
"""The number of a government order (令), as cited: ``〔2011〕第242号令``, ``第154号政府令``,
``令第746号``, ``应急部10号令``, and of an announcement (``…常务委员会公告第35号``, ``国家税务总局公告2023年第1号``); the issuing body
before it (``市人民政府``, ``国务院``) is read by
:func:`find_doc_numbers`. The pattern starts at a literal, so scanning a notice stays cheap."""
_HAN_BEFORE = regex.compile(r"\p{Han}{1,24}$")
_DATE_UNITS = "年月日"
_ANNOUNCING_BODY = regex.compile(r"(?:委员会|人民政府|政府|人大|局|厅|部|院|署)$")
_YEAR_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "(": "〔", "（": "〔", "【": "〔", "﹝": "〔",
                                "]": "〕", "］": "〕", ")": "〕", "）": "〕", "】": "〕", "﹞": "〕"})

_AGENCY_STOP = regex.compile(
    r".*(?:[，。；：、《》“”（）\s]|印发|根据|按照|依据|依照|遵照|对照|落实|贯彻|执行|参照|参见|详见|转发|达到|符合|满足"
    r"|和(?!国)|及|与|的|通知|号|文件)"
)
"""Words that end the text before an issuer's abbreviation (``贯彻落实国发〔2022〕2号`` → 国发,
``未达到沪府规〔2022〕22号文件要求`` → 沪府规); the
和 of 共和国 is part of a name (``中华人民共和国主席令第68号``)."""


def normalize_doc_number(agency: str, year: str, serial: str) -> str:
    """The 文号 in normal form: ``渝府发〔2019〕14号``."""
    return f"{agency}〔{year}〕{int(serial)}号"


_NORMAL_YEAR = regex.compile(r"〔((?:19|20)\d{2})〕")


def doc_number_year(number: str | None) -> int | None:
    """The year of a 文号 in normal form (``川经信企业〔2014〕137号`` → 2014); None for an order
    number without one (``第154号政府令``) or no number."""
    m = _NORMAL_YEAR.search(number or "")
    return int(m.group(1)) if m else None


def order_number_matches(text: str, start: int = 0, stop: int | None = None) -> Iterator[regex.Match]:
    """``ORDER_NUMBER.finditer(text, start, stop)``, scanning only the lines that hold a 号."""
    return finditer_in_lines(ORDER_NUMBER, text, _NUMBER_SIGN, start, stop)


def find_doc_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Every 文号 in ``text[start:end]`` as ``(span start, span end, normal form)``.

    The agency part is trimmed at the last punctuation or connective before the bracket, so
    ``根据渝府发〔2019〕14号`` yields ``渝府发〔2019〕14号``.
    """
    stop = end if end is not None else len(text)
    out = []
    for m in order_number_matches(text, start, stop):
        before = _HAN_BEFORE.search(text, max(start, m.start() - 24), m.start())
        agency = before.group() if before else ""
        if before and agency[0] in _DATE_UNITS and before.start() > 0 and text[before.start() - 1].isdigit():
            agency = agency[1:]  # 2011年10月19日上海市人民政府令第71号: the 日 closes a date
        cut = _AGENCY_STOP.match(agency)
        offset = cut.end() if cut else 0
        if m.group().startswith("令") and len(agency) - offset < 1:
            continue  # 令第3号 with nobody named before 令: not an order's number
        if m.group()[0].isdigit() and not _ANNOUNCING_BODY.search(agency[offset:]):
            continue  # 应急部10号令: a bare N号令 only after the body that issued it
        if m.group().startswith("公告") and not _ANNOUNCING_BODY.search(agency[offset:]):
            continue  # 详见公告第3号: an announcement's number only after the body that issued it
        s = m.start() - len(agency) + offset
        written = text[s:m.end()]
        out.append((s, m.end(), "".join(written.split()).translate(_YEAR_BRACKETS)))
    for m in doc_number_matches(text, start, stop):
        if any(a < m.end() and m.start() < b for a, b, _ in out):
            continue
        agency = m.group("agency") or ""
        cut = _AGENCY_STOP.match(agency)
        offset = cut.end() if cut else 0
        agency = agency[offset:]
        if len(agency) < 2:
            continue
        s = m.start() + offset
        out.append((s, m.end(), normalize_doc_number(agency, m.group("year"), m.group("serial"))))
    return sorted(out)
