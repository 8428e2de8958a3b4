"""Assemble :class:`~policyparse.models.Metadata` from the normalized text and its sections."""

from __future__ import annotations

import regex

from policyparse.metadata.header import (
    GENRES,
    find_addressees,
    issuers_from_title,
    label_issuers,
    merge_issuers,
    read_header,
    signature_issuers,
)
from policyparse.metadata.jurisdiction import resolve_jurisdiction
from policyparse.models import Jurisdiction, Metadata, Section
from policyparse.resolvers.base import fold
from policyparse.resolvers.dates import parse_date
from policyparse.resolvers.doc_numbers import find_doc_numbers

_FULL_DATE = regex.compile(
    r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
)
_PUBLISH_LABEL = regex.compile(r"(?:发布日期|发文日期|印发日期|发布时间|发文时间|日期|(?:^|\n)[ \t]*时间)\s*[:：]\s*$")
"""The label of a web page's publication date (``发布时间：``, and ``时间：`` opening a line)."""
_PROGRAMME_YEAR = regex.compile(r"(?<![\d〔\[\-—－~～至到])((?:19|20)\d{2})年度")
"""``2020年度``; not the end of a span of years (``2014-2015年度`` names no single programme year)."""
_TITLE_PROGRAMME_YEAR = regex.compile(
    r"(?<![\d〔\[\-—－~～至到])(?P<year>(?:19|20)\d{2})年(?:度|第?[一二三四1-4]季度|[上下]半年|第[一二三四五六七八九十\d]+批)"
    r"|(?<=(?:开展|做好|组织|启动|实施|征集)的?)(?P<year>(?:19|20)\d{2})年(?![\d\-—－~～至到])"
    r"|(?<=《(?:\p{Han}{1,12}[省市区县])?)(?P<year>(?:19|20)\d{2})年(?=\p{Han})"
)
"""In a title, a year with its round of the programme (``2020年度``, ``2023年二季度``, ``2024年第一批``),
the year of the work a call organizes (``关于组织开展2026年全市…遴选的通知``, ``关于公开征集2026年…参与企业的通知``),
or the year an enacted measure (of a place) is for (``关于印发《济南市2025年家电以旧换新补贴实施细则》的通知``,
``关于印发《2023年上海市…工作指导意见》的通知``)."""
_PAST_MARKERS = ("已", "曾", "往年", "此前")


def _preamble_end(text: str, sections: list[Section]) -> int:
    first = next((s.span[0] for s in sections if s.kind != "attachment"), None)
    return first if first is not None else min(len(text), 400)


def _date_value(raw: str) -> str | None:
    """The FACTS date ``raw`` (a full date) writes, or ``None`` if it is no date (``2023年2月30日``)."""
    try:
        return parse_date(raw).value
    except ValueError:
        return None


def _full_dates(text: str, end: int | None = None, start: int = 0):
    """Full dates in ``text[start:end]``, found in its folded copy (so ``○``/``Ｏ`` and a Latin O typed
    for 〇 read as 〇, full-width digits as digits); spans index ``text`` itself."""
    return _FULL_DATE.finditer(fold(text), start, len(text) if end is None else end)


def _publish_date(text: str, preamble_end: int) -> str | None:
    """A labelled publication date (``发布日期：``) in the preamble, or the bracketed date line set
    under the title of an 意见/决定/办法 (``（2023年2月8日）``)."""
    for m in _full_dates(text, max(preamble_end, 1)):
        if _PUBLISH_LABEL.search(text, max(0, m.start() - 12), m.start()):
            return _date_value(text[m.start():m.end()])
        if _BRACKETED_LINE.fullmatch(_line_around(text, m.start())):
            return _date_value(text[m.start():m.end()])
    return None


def _date_under_title(text: str, title_span: tuple[int, int] | None) -> str | None:
    """A line holding only a date right under the title (a web page's publication date printed
    without a label, ``广东省…清单\n2026-08-03\n来源：…``)."""
    if title_span is None:
        return None
    line_start = text.find("\n", title_span[1])
    if line_start < 0:
        return None
    line = _line_around(text, line_start + 1).strip()
    m = _FULL_DATE.fullmatch(fold(line))
    return _date_value(line) if m else None


_BRACKETED_LINE = regex.compile(r"[ \t]*[（(][^（）()\n]{8,16}[）)][ \t]*")
"""A line holding only a bracketed date (the date set under a title)."""


def _line_around(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _signature(text: str, preamble_end: int, attachments: frozenset[int] = frozenset()) -> tuple[str | None, list[str]]:
    """The 成文日期 and the issuers signed above it: a full date on its own or right after an
    organisation name, in the preamble (印发 notices) or at the end of the text."""
    candidates = []
    unsigned = None
    for m in _full_dates(text):
        line_end = text.find("\n", m.end())
        rest = text[m.end(): line_end if line_end >= 0 else len(text)].strip()
        if rest and not rest.startswith("（") and not rest.startswith("("):
            continue
        if (m.start() < preamble_end or m.start() >= len(text) - 300 or _before_attachments(text, m.end(), attachments)
                or _before_enacted_text(text, m.end())):
            candidates.append(m)
        if unsigned is None and m.start() >= preamble_end and _closes_body(text, m.start()):
            unsigned = m
    for m in candidates:
        names = signature_issuers(text, [m.start()])
        if names:
            return _date_value(text[m.start():m.end()]), names
    if unsigned is not None:  # a web copy that kept the date line but not the issuer's name
        return _date_value(text[unsigned.start():unsigned.end()]), []
    return None, []


_SPACES = regex.compile(r"\s*")


def _before_attachments(text: str, end: int, attachments: frozenset[int]) -> bool:
    """Whether the date ending at ``end`` stands right before an attachment section (the notice is
    signed, then its attachments follow: the signature is not near the end of the text).
    ``attachments`` are the start offsets of the segmenter's attachment sections."""
    return _SPACES.match(text, end).end() in attachments


_ENACTED_TITLE = regex.compile(
    rf"[ \t　]*\n[ \t　]*[^。；;，,：:\n]{{4,60}}(?:{GENRES})(?:[（(][^（）()\n]{{1,12}}[）)])?[ \t　]*\n"
)
"""The title line of the text a 印发 notice enacts, printed right after the notice's signature
(``…管理委员会\n2023年4月19日\n临港新片区扶持光伏发电项目操作办法\n第一条…``)."""


def _before_enacted_text(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is followed by the title of an enacted text: the notice is
    signed there and the 办法/细则 it issues follows, so the signature is not near the end."""
    return _ENACTED_TITLE.match(text, end) is not None


_PRINTED = regex.compile(r"[ \t　]*印发[ \t　]*(?:\n|$)")


def _printed_date(text: str) -> str | None:
    """The date of the 版记's printing line (``济南市商务局办公室 2025 年 1 月 20 日印发``) near the end of
    the text: the date a notice whose signature is lost (an image in the source) was issued."""
    for m in _full_dates(text, start=max(0, len(text) - 300)):
        if _PRINTED.match(text, m.end()):
            return _date_value(text[m.start():m.end()])
    return None


def _closes_body(text: str, start: int) -> bool:
    """Whether a date line at ``start`` stands alone right after the body's last sentence
    (``九、本通知自2012年1月1日起实行。`` / ``二О一一年十二月十二日``)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    previous = text[:line_start].rstrip()
    return previous.endswith(("。", "！"))


def _policy_year(title: str | None, text: str) -> int | None:
    if title:
        m = _TITLE_PROGRAMME_YEAR.search(title)
        if m:
            return int(m.group("year"))
    years = []
    for m in _PROGRAMME_YEAR.finditer(text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in "。；\n")
        clause = text[clause_start + 1:m.start()]
        if "《" in clause and "》" not in clause:
            continue
        if any(p in clause for p in _PAST_MARKERS):
            continue
        years.append(int(m.group(1)))
    return max(years) if years else None


def read_metadata(text: str, sections: list[Section]) -> Metadata:
    """Everything FACTS.md asks of ``metadata``, from the text alone; unknown stays null."""
    preamble_end = _preamble_end(text, sections)
    preamble = text[:preamble_end]
    header = read_header(preamble)
    title = header.title
    title_start, title_end = header.span or (0, 0)
    # the 发文字号 stands in the 版头 above the title or, in web copies, after it; never inside it
    numbers = [
        n for n in find_doc_numbers(text, 0, preamble_end)
        if "》" not in text[max(0, n[0] - 2):n[0]] and not (title_start <= n[0] < title_end)
    ]
    doc_number = numbers[0][2] if numbers else None
    attachments = frozenset(s.span[0] for s in sections if s.kind == "attachment")
    signing_date, signed_by = _signature(text, preamble_end, attachments)
    issuers = merge_issuers(header.issuers, issuers_from_title(title) if title else [], signed_by)
    if not issuers:  # a web page that prints only its publisher's label (来源：…, 发布机构：…)
        issuers = label_issuers(preamble)
    addressees = [text[s:e].strip() for s, e in find_addressees(preamble)]
    publish_date = (_publish_date(text, preamble_end) or signing_date or _date_under_title(text, header.span)
                    or _printed_date(text))
    place = resolve_jurisdiction(text, issuers=issuers, title=title)  # it reads the text's phone numbers itself
    return Metadata(
        title=title,
        doc_number=doc_number,
        issuers=tuple(issuers),
        addressees=tuple(a for a in addressees if a),
        publish_date=publish_date,
        signing_date=signing_date,
        policy_year=_policy_year(title, text),
        jurisdiction=Jurisdiction(
            province=place.province, city=place.city, county=place.county, adcode=place.adcode
        ),
    )
