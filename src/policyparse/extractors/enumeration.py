"""Lists a user wants as data: supported industries, applicant types, KPI menus.

- industries: ``高端装备、新能源、…节能环保等十大先进制造业集群`` — items before 等, ended by an
  industry word (``extractors/enumeration/kinds.json``); or a list of fields led by 面向/围绕/聚焦
  with no 等-tail, when every item ends in an industry word (``面向新一代信息技术、生物医药、高端装备``);
- applicants: ``具有独立法人资格的企业、高等院校、科研院所`` — every item an applicant type, named
  as 申报对象/牵头/联合 …; a series joined to the sentence's subject by 与/联合 and followed by a
  joint-application verb lists the partners with the subject first
  (``…的企业，…，与产业链上下游企业、…联合申报`` → 企业, 产业链上下游企业, …);
- conditions / materials: the child sections of a section titled 申报条件, 奖励对象, …应具备以下条件
  (conditions) or 申报材料, 申请材料 … (materials), one item per child;
- kpis: the items under a section titled 绩效目标 / 考核指标 …: one item per child section when
  the children's titles are the targets; the measured clauses of the children's bodies when the
  titles are headlines (``1. 创造高质量专利。…增幅不低于15%，不得出现非正常专利申请。``); or the
  parallel clauses of a target section written as one sentence (``通过…，A显著增强，B不断扩大，
  C年均增长10%。``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from policyparse.extractors.context import Context
from policyparse.extractors.wordset import WordSet, alternation
from policyparse.models import Fact
from policyparse.resolvers.patterns import compile_pattern, rx
from policyparse.resources import read_json

NAME = "enumeration.v1"
TYPES = ("list",)

_ITEM = r"[^、，,。；;：:\n“”《》等]{2,24}+"
"""An item: no list or clause punctuation, and no 等 except inside words such as 高等, 一等奖
(which :func:`_series_matches` masks before matching). Possessive: what may follow an item (、, 等 or
an end) is never an item character, so giving characters back could not make a match."""
_WORD_DENG = regex.compile(r"(?<=[高同平初中上一二三特])等")
"""等 inside a word (高等院校, 同等条件, 一等奖): part of an item, not the 等 that closes a series."""
_MASK = "\ue000"
_APPLICANT_CUE = rx(r"申报对象|申报主体|支持对象|对象为|联合|牵头|承担单位|建设主体", engine="re")
_QUANTIFIED = regex.compile(r"\d|以上|以下|不低于|不少于")
_SERIES = regex.compile(rf"(?P<items>{_ITEM}(?:、{_ITEM})+)(?P<etc>等(?P<tail>[^，,。；;\n、和与的]{{0,16}}))?")
"""A series A、B、C (等 tail). The tail stops at 和/与, where a second series may begin
(``…等战略性新兴产业重点领域和集成电路、新型显示等33条重点产业链``), and at 的."""
_MODAL_COMITATIVE = rx(r"(?:也|还|并|均|亦|或)?(?:可以|可|能|须|应|需)(?:与|同|联合|会同)", engine="re")
"""``也可与…``, ``可联合…``: a modal before the comitative word of a series of partners."""
_SENTENCE_START = regex.compile(r"[。；;！？\n：:]")
_MEASURED = regex.compile(
    r"\d+(?:\.\d+)?\s?(?:%|％|件|项|个|家|人|名|篇|次|倍|万元|亿元|元)|不低于|不少于|不超过|不高于|以上|以下|以内"
)
"""A clause that states a measurable target."""
_PROHIBITION = regex.compile(r"^(?:不得|严禁|禁止|杜绝|不能|不发生|不出现)")
"""A negative target: 不得出现非正常专利申请."""
_ASIDE = regex.compile(r"[（(](?:包括|含|如|即|指|例如)?[^（）()]*?(?:、|等)[^（）()]*[）)]|[（(](?:包括|含|如|即|指|例如)[^（）()]*[）)]")
"""An explanatory aside inside a target (``（包括自行实施、许可他人实施…等）``), not part of the item."""
_ADVERBIAL = regex.compile(r"^(?:通过|围绕|依托|按照|以|在|到|至|截至)|(?:年|期内|期间|以来|之前|之后)$")
"""The means or time clause that opens a target sentence (通过…，到2025年，在项目实施期内)."""


def _kinds() -> dict:
    return read_json("enumeration", "kinds.json")


@lru_cache(maxsize=1)
def _lead_in() -> WordSet:
    """The lead-in words of a first item (重点支持, 围绕, 与 …), longest first."""
    return WordSet(_kinds()["lead_in"])


@lru_cache(maxsize=1)
def _joint_after() -> regex.Pattern:
    """A joint-application verb right after a series, 等 allowed before it (``…等联合申报``)."""
    return compile_pattern(f"等?(?:{alternation(_kinds()['joint_application'])})", engine="re")


@cache
def _any_of(key: str) -> regex.Pattern:
    """A word of the list ``key`` of kinds.json anywhere in a string (``.search`` finds one when
    ``any(word in s for word in list)`` would; never for an empty list)."""
    return regex.compile(alternation(_kinds()[key]) or "(?!)")


def _may_be_list(text: str, m: regex.Match, raw: list[str], heads: tuple[str, ...]) -> bool:
    """A cheap necessary condition for :func:`_series` to make a fact of the series ``m`` of ``text``
    (its items ``raw``), checked before the costly reading of its first item.

    Industries need a 等-tail that holds an industry tail word (…等十大先进制造业集群), or (without
    等) a lead-in word ending the words dropped from the first item, so one within it (面向…).
    Applicants need every item to end in an applicant head: :func:`_series` keeps the middle items
    as they are, and the last one whole or cut after a head inside it (…服务机构联合申报), so the
    last one holds a head."""
    if m.group("etc") and _any_of("industry_tails").search(text, m.start("tail"), m.end("tail")):
        return True
    if _any_of("industry_lead_in").search(raw[0]):
        return True
    return all(i.endswith(heads) for i in raw[1:-1]) and _any_of("applicant_heads").search(raw[-1]) is not None


_PARTNER = regex.compile(r"(?P<a>.{2,12}?)(?:与|同|和)(?P<b>.{2,})$")
"""``企业与高校``: a partner named inside the first item of a series."""


def _trim_first(item: str) -> tuple[list[str], int, bool]:
    """Drop lead-in words and anything up to the last 的 from the first item.

    Returns the item (two items when a partner is named before 可联合/也可与: ``申报单位可联合高校``
    → 申报单位, 高校), the offset of the first one in ``item``, and whether a comitative word
    (与, 联合 …) was dropped (the series then lists the partners of the sentence's subject)."""
    kinds = _kinds()
    cut = item.rfind("的") + 1
    comitative = False
    lead_in = _lead_in()
    while length := lead_in.prefix(item, cut, len(item), min_rest=1):
        comitative = comitative or item[cut:cut + length] in kinds["comitative"]
        cut += length
    modal = None if comitative else _MODAL_COMITATIVE.search(item, cut)
    if modal and len(item) - modal.end() >= 2:
        partner = item[cut:modal.start()]
        if len(partner) >= 2 and partner.endswith(tuple(kinds["applicant_heads"])):
            return [partner, item[modal.end():]], cut, True
        return [item[modal.end():]], modal.end(), True
    return [item[cut:]], cut, comitative


def _head_end(item: str, heads: tuple[str, ...]) -> int:
    """End of the first applicant head in ``item`` (``知识产权服务机构联合申报`` → after 机构), 0 if none."""
    for i in range(2, len(item) + 1):
        if item.endswith(heads, 0, i):
            return i
    return 0


def _sentence_subject(ctx: Context, pos: int, heads: tuple[str, ...]) -> tuple[str, int] | None:
    """The subject that opens the sentence holding ``pos`` when it is an applicant type
    (``常州市内注册的具有独立法人资格的企业，可单独申报，…``) → (``企业``, its offset)."""
    text = ctx.text
    start = pos
    while start > 0 and not _SENTENCE_START.match(text, start - 1):
        start -= 1
    comma = regex.compile(r"[，,]").search(text, start, pos)
    if not comma:
        return None
    head = text[start:comma.start()]
    modal = regex.search(r"可|应|须|需|均|也", head)
    if modal:  # 本市企业可自主申报，…: the subject ends where its predicate begins
        head = head[:modal.start()]
    trimmed, cut, _ = _trim_first(head)
    subject = trimmed[-1]
    if len(trimmed) > 1 or len(subject) < 2 or not subject.endswith(heads) or ctx.claims.overlaps(start + cut, comma.start()):
        return None
    return subject, start + cut


def _series_matches(text: str) -> Iterator[regex.Match]:
    """``_SERIES`` over ``text`` with every in-word 等 masked (same length, so the offsets hold;
    read the groups' text from ``text`` by their offsets). Masking keeps the item pattern a plain
    character class, four times faster than testing each 等 with a lookbehind. A series never
    spans lines and needs a 、, so only the lines holding one are scanned."""
    masked = _WORD_DENG.sub(_MASK, text) if "等" in text else text
    mark = masked.find("、")
    while mark != -1:
        line_start = masked.rfind("\n", 0, mark) + 1
        line_end = masked.find("\n", mark)
        if line_end == -1:
            line_end = len(masked)
        yield from _SERIES.finditer(masked, line_start, line_end)
        mark = masked.find("、", line_end)


def _series(ctx: Context) -> list[Fact]:
    kinds = _kinds()
    heads = tuple(kinds["applicant_heads"])
    industry_lead_in = tuple(kinds["industry_lead_in"])
    text = ctx.text
    facts = []
    for m in _series_matches(text):
        raw = text[m.start("items"):m.end("items")].split("、")
        if not _may_be_list(text, m, raw, heads):
            continue
        skip = 0
        while skip < len(raw[0]) and ctx.claims.overlaps(m.start() + skip, m.start() + skip + 1):
            skip += 1
        leading, cut, comitative = _trim_first(raw[0][skip:])
        cut += skip
        lead_words = raw[0][:cut]
        items = leading + raw[1:]
        tail = text[m.start("tail"):m.end("tail")] if m.group("tail") else ""
        start = m.start("items") + cut
        end = m.end("items")
        if any(len(i) < 2 for i in items):
            continue
        maybe_industries = (m.group("etc") and tail) or lead_words.endswith(industry_lead_in)
        if not maybe_industries and not all(i.endswith(heads) for i in raw[1:-1]):
            continue  # an applicant list names an applicant type in every item
        # applicants: the last item may run into the verb (…知识产权服务机构联合申报)
        after = text[end:end + 8]
        last_head = _head_end(items[-1], heads)
        if 0 < last_head < len(items[-1]):
            after = items[-1][last_head:] + after
        joint = _joint_after().match(after) is not None
        tail_end = max((tail.rfind(t) + len(t) for t in kinds["industry_tails"] if t in tail), default=0) if tail else 0
        if m.group("etc") and tail_end and not all(i.endswith(heads) for i in items):
            kind, end = "industries", m.start("tail") + tail_end
        elif (not m.group("etc") and lead_words.endswith(industry_lead_in)
              and len(items) >= 3 and all(i.endswith(tuple(kinds["industry_words"])) for i in items)):
            kind = "industries"
        else:
            if joint and last_head:
                end -= len(items[-1]) - last_head
                items[-1] = items[-1][:last_head]
            # 企业与A、B: the partner named inside the first item
            partner = _PARTNER.match(items[0]) if joint else None
            if partner and partner.group("a").endswith(heads) and partner.group("b").endswith(heads):
                a = regex.split(r"[由将对以在]", partner.group("a"))[-1]
                start += len(partner.group("a")) - len(a)
                items[0:1] = [a, partner.group("b")]
            elif joint and comitative:
                subject = _sentence_subject(ctx, m.start(), heads)
                if subject and subject[0] not in items:
                    items.insert(0, subject[0])
                    start = subject[1]
            cue = joint or _APPLICANT_CUE.search(text, max(0, m.start() - 40), m.start() + cut + 1)
            if len(items) >= 3 and all(i.endswith(heads) for i in items) and cue:
                kind = "applicants"
            else:
                continue
        if ctx.claims.overlaps(start, end):
            continue
        facts.append(ctx.fact(NAME, "list", {"kind": kind, "items": items}, start, end, rule=f"series:{kind}"))
    return facts


def _clauses(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The clauses of ``text[start:end]`` split at ，；。 outside brackets: (clause, start, end)."""
    out = []
    depth, begin = 0, start
    for i in range(start, end + 1):
        ch = text[i] if i < end else "。"
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,；;。\n":
            clause = text[begin:i].strip()
            if clause:
                lead = begin + (len(text[begin:i]) - len(text[begin:i].lstrip()))
                out.append((clause, lead, lead + len(clause)))
            begin = i + 1
    return out


def _unhedge(item: str, offset: int) -> tuple[str, int]:
    for word in sorted(_kinds()["kpi_hedges"], key=len, reverse=True):
        if item.startswith(word) and len(item) > len(word) + 1:
            return item[len(word):], offset + len(word)
    return item, offset


def _kpi_menus(ctx: Context) -> list[Fact]:
    facts = []
    text = ctx.text
    kpi_title = _any_of("kpi_sections")
    for section in ctx.sections:
        if not kpi_title.search(section.title):
            continue
        children = [c for c in ctx.children(section.id) if c.title]
        if len(children) >= 2 and sum(bool(_QUANTIFIED.search(c.title)) for c in children) * 2 >= len(children):
            items = [c.title for c in children]
            start = children[0].title_span[0] if children[0].title_span else children[0].span[0]
            last = children[-1]
            end = last.title_span[1] if last.title_span else last.span[1]
            facts.append(ctx.fact(NAME, "list", {"kind": "kpis", "items": items}, start, end, rule="section:kpi"))
        elif len(children) >= 2 and not any(ctx.children(c.id) for c in children):
            found = _measured_clauses(text, [(ctx.after_title(c), c.span[1]) for c in children])
            if len(found) >= 2:
                facts.append(ctx.fact(NAME, "list", {"kind": "kpis", "items": [f[0] for f in found]},
                                      found[0][1], found[-1][2], rule="section:kpi-clauses"))
        elif not children:
            found = _target_sentence(text, ctx.after_title(section), section.span[1])
            if found:
                facts.append(ctx.fact(NAME, "list", {"kind": "kpis", "items": [f[0] for f in found]},
                                      found[0][1], found[-1][2], rule="section:kpi-sentence"))
    return facts


def _measured_clauses(text: str, bodies: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Targets stated in the bodies of headline items: clauses with a measure or a prohibition,
    explanatory asides dropped."""
    found = []
    for start, end in bodies:
        for clause, c_start, c_end in _clauses(text, start, end):
            if _MEASURED.search(clause) or _PROHIBITION.match(clause):
                item, c_start = _unhedge(_ASIDE.sub("", clause), c_start)
                found.append((item, c_start, c_end))
    return found


def _target_sentence(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A target section written as one sentence of parallel clauses, at least three after the
    opening means/time clauses and at least one of them measured; else nothing."""
    body = text[start:end].strip()
    if not body or regex.search(r"[。；;！？]", body.rstrip("。；;")):
        return []
    clauses = _clauses(text, start, end)
    while clauses and _ADVERBIAL.search(clauses[0][0]):
        clauses.pop(0)
    if len(clauses) < 3 or not any(_MEASURED.search(c[0]) for c in clauses):
        return []
    return [(*_unhedge(c, s), e) for c, s, e in clauses]


_ITEM_END = regex.compile(r"[；;。，,：:]+$")


def _section_lists(ctx: Context) -> list[Fact]:
    """Conditions and materials listed one per child section: the children of a section titled
    申报条件 / 奖励对象 / 企业应具备以下条件 … are the conditions, those of 申报材料 / 申请材料 …
    the documents to hand in (each item the child's title, its closing punctuation dropped)."""
    by_kind = (("conditions", _any_of("condition_sections")), ("materials", _any_of("material_sections")))
    facts = []
    for section in ctx.sections:
        children = ctx.children(section.id)
        if len(children) < 2:
            continue  # tested first: most sections have no children, and reading the title costs more
        kind = next((k for k, title in by_kind if title.search(section.title)), None)
        children = [c for c in children if c.title_span] if kind else []
        if len(children) < 2 or any(ctx.children(c.id) for c in children):
            continue  # children with children of their own head sub-lists (企业应具备以下条件 / 高校应…)
        items = [_ITEM_END.sub("", c.title) for c in children]
        start, end = children[0].title_span[0], children[-1].title_span[1]
        end -= len(children[-1].title) - len(items[-1])
        if all(len(i) >= 2 for i in items):
            facts.append(ctx.fact(NAME, "list", {"kind": kind, "items": items}, start, end, rule=f"section:{kind}"))
    return facts


def extract(ctx: Context) -> list[Fact]:
    return _series(ctx) + _kpi_menus(ctx) + _section_lists(ctx)
