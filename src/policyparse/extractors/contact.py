"""Contacts: people, phones, emails, URLs, addresses and the organisations a notice names.

Sources, in the shapes notices use:
- cue lines: ``联系人：雷飞宇、张朝君；联系电话：67521202、67612599，邮箱：…；联系地址：…``;
- contact tables (a header row naming 单位 / 联系人 / 电话 columns, then one row per office);
- issuers (title and signature) and acceptors (``报送至市知识产权局运用促进处``);
- a name written right before its phone number in a contact line (``吴列万  85146142``,
  ``俞平，联系电话：85141274``), checked like any name (surname list, then jieba);
- street addresses by their structure, with or without a 地址： cue (road, 号, building, room:
  ``天河区天府路1号区机关大院1号楼5016室``).
A local number with no area code takes the code of the notice's jurisdiction, flagged
``area_code_inferred``. Web-page footers never reach here (the HTML loader drops them).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from policyparse.extractors.context import Context
from policyparse.metadata.header import ORG
from policyparse.models import Fact
from policyparse.resolvers.base import finditer_in_lines
from policyparse.resolvers.patterns import rx
from policyparse.resolvers.phones import parse_phone, scan_phones
from policyparse.resources import read_lines
from policyparse.segment.markers import MARKER

NAME = "contact.v1"
TYPES = ("person", "phone", "email", "url", "address", "organization")

_EMAIL = regex.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
"""An e-mail address; a Han character may touch it (``发送至邮箱495259482@qq.com``)."""
_AT = regex.compile("@")
_URL = regex.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", regex.IGNORECASE)
_URL_OPENING = regex.compile(r"://|www\.", regex.IGNORECASE)
"""What every URL holds: the e-mail and URL scans read only the lines holding ``@`` or this (no
address spans a line: neither pattern takes a space or a line break)."""
_PERSON_CUE = regex.compile(r"联系人(?:及(?:联系)?电话)?(?:员)?\s*[:：]\s*")
_NAME_CHAR = r"(?!电话|手机|座机|邮箱|传真|地址|联系|电子|办公)\p{Han}"
_NAME = regex.compile(rf"{_NAME_CHAR}[ \t　]{{1,3}}{_NAME_CHAR}(?!\p{{Han}})|(?:{_NAME_CHAR}){{2,4}}")
"""A name of two to four Han characters that stops where a label begins (``联系人：林徐彬电话：…``,
the spaces between them gone in normalization, names 林徐彬). Only a two-character name is padded
to the width of the others (``周  平``), and no name runs across a line break (``联系人：潘老师\n
联系电话：…`` names 潘老师)."""
_NAME_SEPARATOR = regex.compile(r"\s*[、，,/／和及]\s*|\s+")
_ADDRESS = regex.compile(r"(?<!邮箱|邮件|网站|网页|网络|链接)(?:联系|通讯|通信|办公|受理|报送|邮寄)?地址\s*[:：]\s*(?P<address>[^；;。\n，,（(]{4,60})")
_ROAD_NUMBER = regex.compile(
    r"(?:路|街|大道|大街|巷|胡同|弄)\d{1,5}(?:[-－之]\d{1,4})?号"
    r"(?:[\p{Han}A-Za-z\d\-－]{0,24}(?:室|层|楼|座|栋|幢|单元|号|窗口|大厅))?"
)
_ROAD_NAME = regex.compile(
    r"(?:(?<=^|[\s，,。；;：:（(、])|(?<=位于|地点|地址|在|至|到|于))(?:(?![至到在于的请])\p{Han}){1,14}$"
)
"""A street address by its structure, without a 地址： cue: road (路/街/大道 …), door number (号) and
optional premises (building, floor, room): ``天河区天府路1号区机关大院1号楼5016室``. The road's name
opens after a punctuation mark or a word of place (位于, 地点, 在, 至 …), so the words before it stay
out. The scan starts at the road word and door number, the part every address has."""
_PERSON_BEFORE_PHONE = regex.compile(
    r"(?:^|(?<=[\s，,：:、；;（(]))(?P<name>\p{Han}{2,3})[ ]*"
    r"(?:[，,]?[ ]*(?:联系|咨询|办公|值班)?(?:电话|手机|座机)[ ]*)?(?:[:：（(][ ]*)?$"
)
"""A name written right before a phone number (``吴列万  85146142``, ``俞平，联系电话：85141274``)."""
_CONTACT_LINE = regex.compile(r"联系|咨询|电话|手机")
_NOT_A_NAME = regex.compile(r"联系|电话|咨询|办公|传真|手机|方式|邮箱|地址|单位|部门|[局处科室办厅委会院所站心司]$")
_ACCEPTOR = regex.compile(
    r"(?:报送至|报送到|提交至|提交到|上报至|上报到|送至|寄至|报至|交至|上报|报送|提交"
    r"|(?:(?<=[，,。；;：:\s表书件料单])|(?<=后|并|统一|逐级|直接|分别|集中|及时|须|应|需))报(?![送告名表销批道价刊纸酬备账考到废])"
    r"|(?:受理|初核|初审|审核|复核)(?:单位|部门|机构|窗口)[ \t]*[：:][ \t]*)"
)
"""Verbs that hand something over to a body: 报送至X, 提交X, 汇总后报X, 按属地原则，报X; and the
labels that name the body receiving it (受理单位：X, 初核机构：X)."""
_TOWARDS = regex.compile(r"向(?=\p{Han})")
_TOWARDS_VERB = regex.compile(r"推荐|报送|提交|提出|申报|申请|上报|报(?![告道])|备案")
"""向X推荐 / 向X提出申请: X receives."""
_GENERIC_ORG = rx(r"^(?:各|有关|所在|所属|同级|本|我|该|其他|相关|辖|属地|当地)", engine="re")
_LEVEL_ORG = regex.compile(r"^(?:自治区|自治州|自治县|省|市|州|盟|区|县|旗|镇|乡|街道)(?!级|区县|县|区|场|域|村)\p{Han}")
"""A body named by its level alone (市知识产权局, 自治区知识产权局): the notice's own jurisdiction."""
_CONJUNCT = regex.compile(r"以及|和|及|与|或")
_OFFICE = regex.compile(r"\p{Han}{2,12}?(?:处|科|室)(?!\p{Han})")
"""An office of the body just named: …（知识产权局）知识产权运用处."""
_PHONE_HEADER = ("电话", "联系电话", "联系方式", "手机")
_PERSON_HEADER = ("联系人", "姓名")
_ORG_HEADER = ("单位", "部门", "名称", "单位名称", "机构")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    words = " ".join(read_lines("contact", "surnames.txt")).split()
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


def _is_person_name(name: str) -> bool:
    """A 2–4 character name that starts with a known surname, or that jieba tags as a name (nr)."""
    single, double = _surnames()
    if not 2 <= len(name) <= 4:
        return False
    if name[:2] in double or name[0] in single:
        return True
    import jieba.posseg  # lazy: the dictionary loads only when a contact needs checking

    return any(pair.flag == "nr" for pair in jieba.posseg.cut(name))


def _area_code(ctx: Context) -> str | None:
    adcode = ctx.metadata.jurisdiction.adcode
    return _area_code_of(adcode) if adcode else None


@lru_cache(maxsize=256)
def _area_code_of(adcode: str) -> str | None:
    """The one landline area code of the division ``adcode`` (or of its city or province)."""
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    for code in (adcode, adcode[:4] + "00", adcode[:2] + "0000"):
        codes = divisions.area_codes_of(code)
        if len(codes) == 1:
            return codes[0]
    return None


def _emails_and_urls(ctx: Context) -> list[Fact]:
    facts = []
    for m in finditer_in_lines(_EMAIL, ctx.text, _AT):
        facts.append(ctx.fact(NAME, "email", m.group().lower(), m.start(), m.end(), role="contact", rule="email"))
        ctx.claims.add(m.start(), m.end())
    for m in finditer_in_lines(_URL, ctx.text, _URL_OPENING):
        end = m.end()
        while end > m.start() and ctx.text[end - 1] in ".,;:!?'":
            end -= 1
        if ctx.claims.overlaps(m.start(), end):
            continue
        facts.append(ctx.fact(NAME, "url", ctx.text[m.start():end], m.start(), end, rule="url"))
        ctx.claims.add(m.start(), end)
    return facts


def _phones(ctx: Context, area_code: str | None) -> list[Fact]:
    facts = []
    for mention in scan_phones(ctx.text, area_code=area_code):
        if ctx.claims.overlaps(mention.start, mention.end):
            continue
        extras = {"area_code_inferred": True} if mention.extra.get("area_code_inferred") else {}
        facts.append(ctx.fact(NAME, "phone", mention.value, mention.start, mention.end, role="contact",
                              rule=f"phone:{mention.kind}", **extras))
        ctx.claims.add(mention.start, mention.end)
    return facts


def _people_after_cue(ctx: Context) -> list[Fact]:
    facts = []
    text = ctx.text
    for cue in _PERSON_CUE.finditer(text):
        pos = cue.end()
        while True:
            m = _NAME.match(text, pos)
            if not m:
                break
            name = regex.sub(r"\s", "", m.group())
            if not _is_person_name(name) or _NOT_A_NAME.search(name):
                break
            facts.append(ctx.fact(NAME, "person", name, m.start(), m.end(), role="contact", rule="联系人：…"))
            sep = _NAME_SEPARATOR.match(text, m.end())
            if not sep or not sep.group().strip(" "):
                break
            pos = sep.end()
    return facts


def _people_before_phones(ctx: Context, phones: list[Fact], taken: list[Fact]) -> list[Fact]:
    """People named right before their phone numbers in a contact line (no 联系人： cue)."""
    text = ctx.text
    seen = {f.span for f in taken}
    facts = []
    for phone in phones:
        line_start = text.rfind("\n", 0, phone.span[0]) + 1
        if not _CONTACT_LINE.search(text, line_start, phone.span[0] + 1):
            continue
        m = _PERSON_BEFORE_PHONE.search(text, max(line_start, phone.span[0] - 16), phone.span[0])
        if not m or m.span("name") in seen:
            continue
        name = m.group("name")
        if _NOT_A_NAME.search(name) or not _is_person_name(name) or ctx.claims.overlaps(*m.span("name")):
            continue
        seen.add(m.span("name"))
        facts.append(ctx.fact(NAME, "person", name, *m.span("name"), role="contact", rule="name+phone"))
    return facts


_SPACES = regex.compile(r"[ \t　]*")
_AFTER_BODY = regex.compile(r"[ \t　]*(?:[，,：:]|(?=\d))")
"""What follows a body that opens a contact line: a comma or colon before its address or phone, or
the number itself after spaces (``鼓楼区商务局 0516-87…``)."""


def _bodies_before_phones(ctx: Context, phones: list[Fact]) -> list[Fact]:
    """The body a contact line or sentence opens with, when the line gives its phone number:
    ``鼓楼区商务局 0516-87…``, ``天河区委组织部人才工作科，天河区天府路1号…，电话：…``."""
    text = ctx.text
    seen: set[tuple[int, int]] = set()
    facts = []
    for phone in phones:
        opening = max(text.rfind(mark, 0, phone.span[0]) for mark in "。；;\n") + 1
        start = _SPACES.match(text, opening).end()
        marker = MARKER.match(text, start, phone.span[0])  # 3.天河区…科，… : the item's marker is no part of the name
        m = ORG.match(text, _SPACES.match(text, marker.end()).end() if marker else start, phone.span[0])
        if not m or m.span() in seen or not _AFTER_BODY.match(text, m.end(), phone.span[0] + 1):
            continue
        if not _is_named_body(m.group()) or ctx.claims.overlaps(*m.span()):
            continue
        seen.add(m.span())
        facts.append(ctx.fact(NAME, "organization", m.group(), *m.span(), role="contact", rule="body+phone"))
    return facts


def _table_rows(text: str):
    """The cells of each line holding a tab, in text order, with their offsets."""
    tab = text.find("\t")
    while tab != -1:
        offset = text.rfind("\n", 0, tab) + 1
        end = text.find("\n", tab)
        end = len(text) if end == -1 else end
        cells = []
        for cell in text[offset:end].split("\t"):
            cells.append((offset, cell))
            offset += len(cell) + 1
        yield cells
        tab = text.find("\t", end)


def _contact_table(ctx: Context, area_code: str | None) -> list[Fact]:
    facts = []
    columns: dict[str, int] | None = None
    for cells in _table_rows(ctx.text):
        labels = [c.strip() for _, c in cells]
        if any(label in _PERSON_HEADER for label in labels):
            columns = {}
            for i, label in enumerate(labels):
                if label in _PERSON_HEADER:
                    columns["person"] = i
                elif label in _ORG_HEADER:
                    columns["organization"] = i
                elif label in _PHONE_HEADER:
                    columns["phone"] = i
            continue
        if columns is None:
            continue
        for kind, i in columns.items():
            if i >= len(cells):
                continue
            start, cell = cells[i]
            stripped = cell.strip()
            if not stripped:
                continue
            start += cell.index(stripped[0])
            end = start + len(stripped)
            if kind == "person":
                name = regex.sub(r"\s", "", stripped)
                if _is_person_name(name):
                    facts.append(ctx.fact(NAME, "person", name, start, end, role="contact", rule="table:联系人"))
            elif kind == "phone":
                try:
                    phone = parse_phone(stripped, area_code=area_code)
                except ValueError:
                    continue
                extras = {"area_code_inferred": True} if phone.get("area_code_inferred") else {}
                facts.append(ctx.fact(NAME, "phone", phone["number"], start, end, role="contact", rule="table:电话", **extras))
                ctx.claims.add(start, end)
            elif ORG.fullmatch(stripped):
                facts.append(ctx.fact(NAME, "organization", stripped, start, end, role="contact", rule="table:单位"))
    return facts


def _addresses(ctx: Context) -> list[Fact]:
    facts = []
    for m in _ADDRESS.finditer(ctx.text):
        start, end = m.span("address")
        facts.append(ctx.fact(NAME, "address", m.group("address").strip(), start, end, role="contact", rule="地址："))
    for m in _ROAD_NUMBER.finditer(ctx.text):
        name = _ROAD_NAME.search(ctx.text, max(0, m.start() - 14), m.start() + 1)
        if name is None:
            continue
        start, end = name.start(), m.end()
        if ctx.claims.overlaps(start, end) or any(f.span[0] < end and start < f.span[1] for f in facts):
            continue
        facts.append(ctx.fact(NAME, "address", ctx.text[start:end], start, end, role="contact", rule="road+号"))
    return facts


def _organizations(ctx: Context) -> list[Fact]:
    facts = []
    text = ctx.text
    for issuer in ctx.metadata.issuers:
        at = text.find(issuer)
        if at >= 0:
            facts.append(ctx.fact(NAME, "organization", issuer, at, at + len(issuer), role="issuer", rule="metadata.issuers"))
    acceptors = []
    for cue in _ACCEPTOR.finditer(text):
        acceptors += _acceptors_at(ctx, cue.end(), f"{cue.group()}…")
    for cue in _TOWARDS.finditer(text):
        found = _acceptors_at(ctx, cue.end(), "向…推荐/申请")
        if found and _TOWARDS_VERB.match(text, found[-1].span[1]):
            acceptors += found
    seen = set()
    for fact in sorted(acceptors, key=lambda f: f.span):
        if fact.span in seen or any(o.value != fact.value and o.value.startswith(fact.value) for o in acceptors):
            continue  # 报送至市知识产权局 … 报送至市知识产权局运用促进处: the office is the acceptor
        seen.add(fact.span)
        facts.append(fact)
    return facts


def _is_named_body(org: str) -> bool:
    """A particular body: named with its place (常州经开区市场监督管理局) or its level alone
    (市知识产权局), not a generic one (各区县知识产权局, 所在地知识产权局, 企业所在地辖市区…)."""
    body = org[:org.rfind("）") + 1] if "）" in org and _OFFICE.fullmatch(org[org.rfind("）") + 1:]) else org
    if _GENERIC_ORG.match(org) or not ORG.fullmatch(body):
        return False
    return bool(_LEVEL_ORG.match(org)) or _starts_with_place(org)


def _starts_with_place(name: str) -> bool:
    """Whether ``name`` opens with an administrative division (常州…, 宁波…, 广西壮族自治区…) or 国家."""
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    return name.startswith(("国家", "中国")) or any(divisions.candidates(name[:k]) for k in range(2, min(len(name), 9) + 1))


def _acceptors_at(ctx: Context, pos: int, rule: str) -> list[Fact]:
    """The bodies named right at ``pos``, one per conjunct (``报企业所在地辖市区和常州经开区市场
    监督管理局（知识产权局）`` → 常州经开区市场监督管理局（知识产权局）)."""
    m = ORG.match(ctx.text, pos)
    if not m:
        return []
    stop = m.end()
    office = _OFFICE.match(ctx.text, stop)
    if office and ctx.text[stop - 1] in "）)":  # 省市场监督管理局（知识产权局）知识产权运用处
        stop = office.end()
    # cut only where a named body follows the conjunction: 市工业和信息化局 stays whole
    cuts = [c for c in _CONJUNCT.finditer(ctx.text, m.start(), stop) if _is_named_body(ctx.text[c.end():stop])]
    found = []
    start = m.start()
    for part in [*cuts, None]:
        end = part.start() if part else stop
        name = ctx.text[start:end]
        if _is_named_body(name):
            found.append(ctx.fact(NAME, "organization", name, start, end, role="acceptor", rule=rule))
        if part:
            start = part.end()
    return found


def extract(ctx: Context) -> list[Fact]:
    area_code = _area_code(ctx)
    facts = _emails_and_urls(ctx)
    facts += _contact_table(ctx, area_code)
    phones = _phones(ctx, area_code)
    facts += phones
    people = _people_after_cue(ctx)
    facts += people + _people_before_phones(ctx, phones, people)
    facts += _addresses(ctx)
    facts += _organizations(ctx)
    facts += _bodies_before_phones(ctx, phones)
    return facts
