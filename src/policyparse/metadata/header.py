"""The parts of a notice around its body: title, 文号, issuers, addressees, dates.

GB/T 9704 puts the 版头 (发文机关标志 ``XXX文件`` or the issuer names, and the 发文字号) and then
the 标题 and 主送机关 before the body, and the 署名 and 成文日期 after it. Web copies add a page
heading and labels such as ``发布日期:`` and often lose line breaks, so each reader here works on the
*preamble* (the text before the first section heading) and on the signature block, looking for
shapes, not for positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyparse.resolvers.doc_numbers import DOC_NUMBER
from policyparse.resolvers.patterns import rx

GENRES = (
    "实施细则|实施办法|实施意见|实施方案|行动方案|工作方案|行动计划|工作要点|管理办法|暂行办法|"
    "若干措施|若干政策|申报指南|申报通知|补充通知|通知|通告|公告|意见|办法|方案|规定|决定|细则|规划|"
    "计划|纲要|措施|指南|批复|函|报告|公示|通报|决议|条例|规则|指引|政策清单|清单|政策"
)
"""文种: the genre words a title ends with (longest first where one contains another)."""

_TITLE_WORD = rf"(?:{GENRES})(?:（[^（）\n]{{1,20}}）)?"
"""The 文种 word a title ends with, maybe with a bracketed note (``（试行）``)."""
_AFTER_TITLE = (
    r"(?=$|\n|发布日期|发文日期|成文日期|印发日期|日期[:：]|发布时间|来源[:：]|索引号|"
    r"\p{Han}{1,10}[〔\[［(（【﹝](?:19|20)\d{2}[〕\]］)）】﹞]|各\p{Han}|[\s　])"
)
"""What may follow a title on its line: nothing, a page's date or source label, a 文号, the addressees, a space."""
_TITLE = regex.compile(
    r"^(?:(?:标题|题目|文件名称)[ \t]*[:：][ \t　]*)?"  # a web page's labelled title (标题: …的通知)
    rf"(?P<title>[^。\n]{{4,160}}?{_TITLE_WORD}){_AFTER_TITLE}"
)
_TITLE_ENDS = regex.compile(_TITLE_WORD + _AFTER_TITLE)
"""How a title ends, searched for on its own: far cheaper than trying :data:`_TITLE` at every length."""
_TITLE_ENDS_SPAN = 300
"""The longest stretch before a line's first ``。`` worth searching for a title's ending first."""
_SOURCE_WORD = r"(?:(?:信息|文章)?来源|(?:发布|发文)机构|发布单位)"
"""The label of a web page's source or publisher (``来源：``, ``发布机构：``)."""
_LABEL_LINE = regex.compile(
    rf"^(?:.{{0,30}}文件|(?:发布|发文|成文|印发|发表)?(?:日期|时间)[:：].*|索引号.*|{_SOURCE_WORD}[:：].*|"
    r"签发人[:：].*|\s*)$"
)
ORG_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|[镇乡区县市州旗]政府|办公厅|办公室|委员会|管理委员会|管委会|领导小组|"
    "监督管理局|知识产权局|局|厅|委|部|署|院|中心|协会|学会|联合会|总会|银行|公司|集团|"
    "处|科|所|站|社|馆|会"
)
_NAME_CHAR = r"(?:\p{Han}|（\p{Han}{2,4}）(?=\p{Han}))"
"""A character of a body's name; a bracketed place inside the name counts as one (``中国（上海）自由贸易试验区…``)."""
ORG = rx(rf"{_NAME_CHAR}{{2,30}}(?:{ORG_SUFFIX})(?:（(?!以下|简称|下称)\p{{Han}}{{2,12}}）)?", engine="re")
_ORG_LINE = rx(rf"^(?:{_NAME_CHAR}{{2,30}}?(?:{ORG_SUFFIX})(?:（\p{{Han}}{{2,12}}）)?[ 　、]*)+$", engine="re")
_DOC_NUMBER_LINE = regex.compile(rf"^(?:{DOC_NUMBER.pattern})(?:[ \t　]*签发人[:：].*)?$")
_FILE_MARK = regex.compile(r"^(?P<orgs>.{2,60}?)[ \t　]*文件$")
_TITLE_PIECE = regex.compile(r"^[^。；;：:，,！？?!]{1,40}$")
"""One printed line of a title broken over several lines: short, no sentence punctuation."""
_DATE_LINE = regex.compile(r"^(?:(?:19|20)\d{2}\s*[年\-/.]|[〇零一二三四五六七八九○Ｏ]{4}年).{0,20}$")
"""A dated line (成文日期, 印发日期): the header is over, a 署名 stands above it."""
_TITLE_START = regex.compile(r"^\p{Han}{0,40}?关于")
_ISSUERS_ABRIDGED = regex.compile(rf"^{_NAME_CHAR}{{2,30}}?(?:{ORG_SUFFIX})等[\d一二三四五六七八九十]{{1,2}}个?(?:部门|单位)$")
"""The issuer part of a title printed on a line of its own (``山东省商务厅等4部门`` over
``关于印发…的通知``): GB/T 9704 titles open with the issuing bodies, so the 关于 line continues it."""
_FRAGMENT = regex.compile(r"^\p{Han}{2,25}$")
"""One printed line of a name broken over two lines (署名, 版头)."""
_NAME_SEPARATORS = regex.compile(r"[、\s　]+")
"""What stands between issuer names printed side by side."""
_ORG_ENDING_LINE = regex.compile(rf"(?:^|[。）\n])(?P<org>\p{{Han}}{{2,30}}?(?:{ORG_SUFFIX}))$")
"""A body's name closing a line, run on after a sentence (a signature in a copy without line breaks)."""


@dataclass
class Header:
    """What the 版头 and 标题 of a preamble give: the title (lines joined) and the issuer names
    printed above it (``XXX文件`` marks and issuer-only lines)."""

    title: str | None = None
    span: tuple[int, int] | None = None
    issuers: list[str] = field(default_factory=list)


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped


def _lines(preamble: str, limit: int | None = 14) -> list[_Line]:
    """The first ``limit`` lines of ``preamble`` (all of them for None), stripped, with their spans."""
    out = []
    pos = 0
    for raw in preamble.split("\n")[:limit]:
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _full_title(text: str) -> bool:
    m = _TITLE.match(text)
    return bool(m) and m.end("title") == len(text) and "。" not in text


def _kind(line: _Line) -> tuple[str, regex.Match | None]:
    """What a preamble line is, and for a title line its :data:`_TITLE` match."""
    s = line.text
    if not s:
        return "blank", None
    if _may_be_title(s) and (title := _TITLE.match(s)) and "。" not in title.group("title"):
        return "title", title
    if (mark := _FILE_MARK.match(s)) and _split_issuer_names(mark.group("orgs")):
        return "mark", None
    if _LABEL_LINE.match(s):
        return "label", None
    if _DOC_NUMBER_LINE.match(s):
        return "number", None
    if _ORG_LINE.match(s):
        return "org", None
    if _DATE_LINE.match(s):
        return "date", None
    return "other", None


def _may_be_title(s: str) -> bool:
    """False only where :func:`_kind` finds no title: a line without a title's ending (:data:`_TITLE_ENDS`)
    before its first ``。``. A title line's title holds no ``。``, nor does what the ending's lookahead reads
    after it (``$`` aside, which cannot hold before a ``。``), so all of the match lies before that ``。``;
    searching only up to it (``$`` may then match there too) can find more endings, never fewer. Past
    :data:`_TITLE_ENDS_SPAN` characters the search would cost more than :data:`_TITLE` itself: True."""
    stop = s.find("。")
    stop = len(s) if stop < 0 else stop
    return stop > _TITLE_ENDS_SPAN or _TITLE_ENDS.search(s, 0, stop) is not None


class _Kinds:
    """The :func:`_kind` of each line (and a title line's match), worked out when first asked for.
    :func:`read_header` stops at the body's first sentence: the lines after it (long sentences, the
    dearest to classify) are mostly never asked about."""

    def __init__(self, lines: list[_Line]) -> None:
        self._lines = lines
        self._kinds: list[str | None] = [None] * len(lines)
        self._titles: dict[int, regex.Match] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> str:
        kind = self._kinds[i]
        if kind is None:
            kind, title = _kind(self._lines[i])
            self._kinds[i] = kind
            if title is not None:
                self._titles[i] = title
        return kind

    def title(self, i: int) -> regex.Match:
        """The :data:`_TITLE` match of line ``i``, a ``"title"`` line."""
        return self._titles[i]


def _split_issuer_names(s: str) -> list[str]:
    """Issuer names printed side by side (spaces, 、) or back to back; [] unless all are names."""
    names = []
    for part in _NAME_SEPARATORS.split(s.strip()):
        if not part:
            continue
        split = split_joint_issuers(part)
        if not split:
            return []
        names += split
    return names


def read_header(preamble: str) -> Header:
    """The 标题 and the 版头 issuers of a preamble.

    The title is a line (or a run of short lines, GB/T 9704 breaking long titles) that ends in a
    文种 word, past labels, ``XXX文件`` marks, 文号 and issuer-only lines. When a 版头 (mark, 文号 or
    issuer line) comes after a first title-like line and is itself followed by a title, the first
    one was a web page heading and the title under the 版头 is the notice's own. A sentence before
    any title means the title is not there."""
    lines = _lines(preamble)
    kinds = _Kinds(lines)
    titles: list[tuple[int, int, str, int, int]] = []  # (first line, last line, text, start, end)
    marks: list[int] = []
    i = 0
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if kind == "label" and line.text.endswith((":", "：")) and i + 1 < len(lines) and kinds[i + 1] in ("date", "org", "other"):
            i += 2  # 发文时间:\n2025-12-22, 发布机构:\n德清县商务局: a page's label cell with its value under it
            continue
        if kind in ("blank", "label"):
            i += 1
            continue
        if kind == "date":
            break
        if kind in ("mark", "number", "org"):
            marks.append(i)
            i += 1
            continue
        if kind == "title":
            m = kinds.title(i)
            text, last = m.group("title"), i
            if m.end("title") == len(line.text):
                # a title line and a short tail printed under it (``的通知``, ``（试行）``)
                nxt = i + 1
                if (nxt < len(lines) and kinds[nxt] == "other" and _TITLE_PIECE.match(lines[nxt].text)
                        and _full_title(text + lines[nxt].text)):
                    text, last = text + lines[nxt].text, nxt
            titles.append((i, last, text, line.start + m.start("title"),
                           line.start + m.end("title") if last == i else lines[last].end))
            if last == i and m.end("title") < len(line.text):
                break  # the title runs on into the body (web copies without line breaks)
            i = last + 1
            continue
        # a title printed over two or three lines, the first without its 文种
        joined = None
        if _TITLE_PIECE.match(line.text):
            text = line.text
            for j in range(i + 1, min(i + 3, len(lines))):
                if kinds[j] not in ("other", "title") or not _TITLE_PIECE.match(lines[j].text):
                    break
                if _TITLE_START.match(lines[j].text) and "关于" not in text and not _ISSUERS_ABRIDGED.match(text):
                    break  # a title of its own under a heading, not the heading's second line
                text += lines[j].text
                if _full_title(text):
                    joined = (i, j, text, line.start, lines[j].end)
                    break
        if joined:
            titles.append(joined)
            i = joined[1] + 1
            continue
        if _TITLE_PIECE.match(line.text) and not titles:
            i += 1  # a short page heading that is no title: web chrome
            continue
        break
    if not titles:
        return Header(issuers=_header_issuers(lines, kinds, marks, None))
    chosen = titles[0]
    for t in titles[1:]:
        if any(chosen[1] < k < t[0] and (kinds[k] != "org" or _next_filled(kinds, k) == t[0]) for k in marks):
            chosen = t
            break
    return Header(title=chosen[2], span=(chosen[3], chosen[4]), issuers=_header_issuers(lines, kinds, marks, chosen[0]))


def _next_filled(kinds: _Kinds, k: int) -> int:
    k += 1
    while k < len(kinds) and kinds[k] == "blank":
        k += 1
    return k


def _header_issuers(lines: list[_Line], kinds: _Kinds, marks: list[int], title_line: int | None) -> list[str]:
    """Issuers of the 版头: ``XXX文件`` marks (with issuer-only lines stacked above and below them:
    a joint header prints 文件 once, beside its middle lines), and issuer-only lines that stand right
    above the title or above the 文号 printed over it (a 发文机关标志 without the word 文件)."""
    names: list[str] = []
    for k in marks:
        if kinds[k] == "mark":
            block = [k]
            j = k - 1
            while j >= 0 and kinds[j] == "org":
                block.insert(0, j)
                j -= 1
            j = k + 1
            while j < len(kinds) and kinds[j] == "org":
                block.append(j)
                j += 1
            for b in block:
                text = lines[b].text
                m = _FILE_MARK.match(text)
                names += _split_issuer_names(m.group("orgs") if m else text)
    block: list[str] = []
    j = title_line - 1 if title_line is not None else -1
    marked = any(kinds[m] == "mark" for m in marks)
    while j >= 0 and kinds[j] in ("number", "blank") and not marked:
        j -= 1
    while j >= 0 and kinds[j] in ("org", "blank"):
        if kinds[j] == "org":
            block = _split_issuer_names(lines[j].text) + block
        j -= 1
    names += block
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def find_title(preamble: str) -> tuple[int, int] | None:
    """Span of the document title (see :func:`read_header`; a title printed over several lines
    spans the line breaks — :func:`read_header` gives its text joined)."""
    return read_header(preamble).span


_ORG_END = regex.compile(rf"(?:{ORG_SUFFIX})(?:（\p{{Han}}{{2,12}}）)?")
_ISSUER_START = regex.compile(r"(?:中共|国家|国务院|中国|共青团)")


def _starts_with_place(s: str) -> bool:
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    return bool(_ISSUER_START.match(s)) or any(divisions.candidates(s[:k]) for k in range(2, min(len(s), 9) + 1))


_VERTICAL_BODIES = frozenset({
    "国家税务总局", "中国人民银行", "国家金融监督管理总局", "国家外汇管理局", "海关总署", "国家统计局",
    "中国银行保险监督管理委员会", "中国证券监督管理委员会", "国家烟草专卖局", "国家邮政局", "中国气象局",
})
"""Central bodies under vertical management: their local offices are named after them
(``国家税务总局沈阳市税务局``, ``中国人民银行辽宁省分行营业管理部``), so no cut after them."""


_SOURCE_LABEL = regex.compile(
    rf"(?:^|(?<=[ \t\d])){_SOURCE_WORD}[:：](?:[ \t]*|[ \t]*\n[ \t]*)(?P<name>\p{{Han}}{{2,40}}?)"
    r"(?:官网|官方网站|网站|门户网站|网)?[ \t]*$",
    regex.M,
)
"""A web page's source or publisher label (``来源：广东省人力资源和社会保障厅官网``, ``发布机构：政府办公室``),
on its own line or right after the page's date stamp (``日期：2025-12-29 13:44来源：市商务局``; normalization
drops the space between the time and the label)."""


def label_issuers(preamble: str) -> list[str]:
    """The bodies a web page's 来源 / 发布机构 labels name, as written (without 官网); the issuers of a
    page that prints no 版头, title issuer or signature."""
    names = []
    for m in _SOURCE_LABEL.finditer(preamble):
        name = m.group("name")
        if ORG.fullmatch(name) and name not in names:
            names.append(name)
    return names


def split_joint_issuers(head: str) -> list[str]:
    """Split issuers written back to back (``浙江省经济和信息化厅浙江省财政厅``): cut after an
    organisation suffix where the rest starts with a place name (or 中共/国家…)."""
    if not ORG.fullmatch(head):
        return []
    for m in _ORG_END.finditer(head):
        cut = m.end()
        rest = head[cut:]
        if not rest:
            break
        if head[:cut] in _VERTICAL_BODIES:
            continue  # 国家税务总局沈阳市税务局: a local office named after its central body, one issuer
        if cut >= 4 and ORG.fullmatch(head[:cut]) and _starts_with_place(rest):
            tail = split_joint_issuers(rest)
            if tail:
                return [head[:cut]] + tail
    return [head]


def issuers_from_title(title: str) -> list[str]:
    """Issuers named before 关于 in a title: ``重庆市知识产权局关于…`` → [重庆市知识产权局]."""
    head, sep, _ = title.partition("关于")
    if not sep or not head:
        return []
    parts = [p for p in _NAME_SEPARATORS.split(head) if p]
    return [org for p in parts for org in split_joint_issuers(p)]


def merge_issuers(*groups: list[str]) -> list[str]:
    """Issuers from several places (版头, title, 署名) in order, once each; a name that ends
    another one (``领导小组办公室`` of ``中共某市委人才工作领导小组办公室``) or abbreviates it
    (``奉贤区发展改革委`` of ``上海市奉贤区发展和改革委员会``) is the same body, named by the longer."""
    out: list[str] = []
    for group in groups:
        for name in group:
            if any(o.endswith(name) or _abbreviates(name, o) for o in out):
                continue
            longer = [k for k, o in enumerate(out) if name.endswith(o) or _abbreviates(o, name)]
            if longer:
                out[longer[0]] = name
                continue
            out.append(name)
    return out


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is a shortened form of ``full``: its characters in order, not one run of it
    (``市委`` of ``市委宣传部`` is another body, the one above it), and ending on a character of
    the full name's last three (委 of 委员会, 局 of 财政局)."""
    if len(short) < 4 or len(short) >= len(full) or short in full or short[-1] not in full[-3:]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


_ADDRESSEE_LIST = r"(?:各|有关|全市|全省|全区|本市)[^。：:\n]{1,200}?"
_ADDRESSEE_BLOCK = regex.compile(
    r"(?P<block>(?:(?<=^|\n)[ \t　]*(?:[省市区县州旗镇][属直级]|[省市区县]直属|本[省市区县]|\p{Han}{0,6}?(?:管委会|人民政府|政府)))?"
    rf"{_ADDRESSEE_LIST})[：:]"
)
_ADDRESSEE_LIST_END = regex.compile(rf"{_ADDRESSEE_LIST}[：:]")
"""The part of :data:`_ADDRESSEE_BLOCK` from its 各/有关 on, searched for first (see :func:`_search_addressee_block`)."""
_ADDRESSEE_HEAD = rx(
    rf"(?:{ORG_SUFFIX}|单位|部门|企业|机构|组织|学校|高校|院校|医院|党组|工委|政府|街道|镇|乡|办|园区)$",
    engine="re",
)
"""What an addressee ends with: a body (…局, …单位, …政府), a place that is addressed as its
government (…街道, …镇), an office by its short name (区投资促进办, 人才办) or a park (各科技园区)."""
_TRAILING_BRACKETS = regex.compile(r"(?:[（(][^（）()]*[）)])+$")


def _addressee_like(piece: str) -> bool:
    head = _TRAILING_BRACKETS.sub("", piece.strip())
    return (len(head) >= 3 and bool(_ADDRESSEE_HEAD.search(head))) or _LOCAL_UNITS.fullmatch(head) is not None


_LOCAL_UNIT = "乡|镇|街道|村|社区"
_LOCAL_UNITS = regex.compile(rf"各?(?:{_LOCAL_UNIT})")
"""Short addressees that name places as their bodies: ``各镇、街道`` addresses the towns and the
sub-districts, ``各乡、镇人民政府`` the governments of both."""
_SHARED_SUFFIX = regex.compile(rf"(?:{_LOCAL_UNIT})\p{{Han}}")


def _split_top_level(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    spans = []
    depth = 0
    piece_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif ch in seps and depth == 0:
            spans.append((piece_start, i))
            piece_start = i + 1
    spans.append((piece_start, end))
    return spans


def _shares_owner(text: str, pieces: list[tuple[int, int]]) -> bool:
    """``国务院各部委、各直属机构``, ``县人民政府有关局办、直属机构``: the later pieces (各直属机构,
    直属机构) leave out the owner the first one names before its 各 / 有关, so the group is one
    addressee."""
    first = text[pieces[0][0]:pieces[0][1]].strip()
    later = [text[a:b].strip() for a, b in pieces[1:]]
    if first.startswith("各") and _LOCAL_UNITS.fullmatch(first) and _SHARED_SUFFIX.match(later[0]):
        return True  # 各乡、镇人民政府: the townships' governments too, the suffix is shared
    if any(p.startswith("其") for p in later):
        return True  # 各区人民政府及其有关部门: 其 points back to the first body
    if first.find("各") > 0 and all(p.startswith("各") for p in later):
        return True
    return first.find("有关") > 0 and all(p.startswith("直属") for p in later)


_LONGEST_ADDRESSEE = 40
"""No addressee is longer (``各区县（市）房产、自然资源、税务、公积金中心管理部（分中心）`` is 30): a longer
run before the first 各 is a title or body text run into the line, not the start of the list."""


def _line_of_addressees(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a list of addressees only: every piece between ，；、 names a body."""
    return all(_addressee_like(text[a:b]) for a, b in _split_top_level(text, start, end, "，,；;、"))


def _search_addressee_block(preamble: str) -> regex.Match | None:
    """``_ADDRESSEE_BLOCK.search(preamble)``, started at the line of the first 各/有关… list that ends in a
    colon: every block holds such a list (:data:`_ADDRESSEE_LIST_END`) and begins on its line, so none
    begins before that line (its lookbehind still sees the line break before the start). The list alone is
    searched several times faster than the block, whose optional owner is tried at every character."""
    listed = _ADDRESSEE_LIST_END.search(preamble)
    if listed is None:
        return None
    return _ADDRESSEE_BLOCK.search(preamble, preamble.rfind("\n", 0, listed.start()) + 1)


def _addressee_block(preamble: str) -> tuple[int, int] | None:
    """Where the 主送机关 list is: the ``各…，有关…：`` block, reaching back to the start of its line
    when what stands before its 各 names bodies too (``区投资促进办、各科技园区…``, or an owner:
    ``黄浦区节能减排工作领导小组各成员单位``); else the first line of the preamble that is a list of
    bodies and ends with a colon (``区相关单位：``)."""
    m = _search_addressee_block(preamble)
    if m and m.group("block").endswith("如下"):
        m = None  # 现将有关事项通知如下：: the sentence that opens the body, no addressee
    if m:
        start, end = m.start("block"), m.end("block")
        line_start = preamble.rfind("\n", 0, start) + 1
        while line_start < start and preamble[line_start] in " \t　":
            line_start += 1
        if (line_start < start and start - line_start <= _LONGEST_ADDRESSEE and "。" not in preamble[line_start:start]
                and _line_of_addressees(preamble, line_start, end)):
            start = line_start
        return start, end
    for line in _lines(preamble, limit=None):
        body = line.text
        if body.endswith(("：", ":")) and 2 < len(body) <= 120 and "。" not in body and not _LABEL_LINE.match(body):
            if _line_of_addressees(preamble, line.start, line.end - 1):
                return line.start, line.end - 1
    return None


def find_addressees(preamble: str) -> list[tuple[int, int]]:
    """Spans of the 主送机关: the ``各…，有关…：`` list that precedes the body (see
    :func:`_addressee_block`), split at ，； and at 、 outside brackets when every piece names a body
    (``各县（市、区）委组织部、人事局``)."""
    block = _addressee_block(preamble)
    if block is None:
        return []
    spans = []
    for s, e in _split_top_level(preamble, block[0], block[1], "，,；;"):
        pieces = _split_top_level(preamble, s, e, "、及")  # 市人民政府各部门及有关单位: two addressees
        if len(pieces) > 1 and all(_addressee_like(preamble[a:b]) for a, b in pieces) and not _shares_owner(preamble, pieces):
            spans += pieces
        else:
            spans.append((s, e))
    out = []
    for s, e in spans:
        while s < e and preamble[s].isspace():
            s += 1
        if e - s >= 2:
            out.append((s, e))
    return out


_MOST_SIGNATURE_LINES = 20
"""How many lines above a date a signature may take: a joint notice of a district's departments
signs one per line (nine and more are seen)."""


def _signature_names(lines: list[str]) -> list[str]:
    """Issuer names in the lines right above a date, nearest first: issuer-only lines, and a name
    broken over two lines (``中共某市委人才工作`` / ``领导小组办公室``) joined again."""
    names: list[str] = []
    i = 0
    while i < len(lines) and i < _MOST_SIGNATURE_LINES:
        low = lines[i].strip()
        up = lines[i + 1].strip() if i + 1 < len(lines) else ""
        low_is_org = bool(_ORG_LINE.match(low))
        if up and _FRAGMENT.match(up) and (_FRAGMENT.match(low) or low_is_org):
            joined = up + low
            if ((not low_is_org or (not _ORG_LINE.match(up) and not _starts_with_place(low)))
                    and ORG.fullmatch(joined) and _starts_with_place(joined)):
                names.append(joined)
                i += 2
                continue
        if not low_is_org:
            break
        names += reversed(_split_issuer_names(low) or [m.group() for m in ORG.finditer(low)])
        i += 1
    return names


def signature_issuers(text: str, date_starts: list[int]) -> list[str]:
    """Issuer names signed right before a date (``大冶市市场监督管理局\\n2023年5月9日``), one or
    several lines of them, or the name run on before the date in a copy without line breaks."""
    out: list[str] = []
    for start in date_starts:
        line_begin = text.rfind("\n", 0, start) + 1
        same_line = text[line_begin:start].strip(" \t　")
        # the lines above, nearest first (rsplit cuts off only as many as can sign, not the whole text)
        reach = _MOST_SIGNATURE_LINES + 2
        above = text[:line_begin].rstrip("\n").rsplit("\n", reach)[::-1][:reach] if line_begin else []
        stack = ([same_line] if same_line else []) + above
        names = _signature_names(stack) if stack else []
        if names:
            out += reversed(names)
            continue
        if same_line:
            tail = _ORG_ENDING_LINE.search(same_line)
            if tail:
                out.append(tail.group("org"))
    return out
