"""The parts of a notice around its body: title, 文号, issuers, addressees, dates.

GB/T 9704 puts the 版头 (issuer mark, 文号) and the 标题 and 主送机关 before the body, and the
署名 and 成文日期 after it. Web copies add labels such as ``发布日期:`` and often lose line breaks,
so each reader here works on the *preamble* (the text before the first section heading) and on
the signature block, looking for shapes, not for positions.
"""

from __future__ import annotations

import regex

GENRES = (
    "实施细则|实施办法|实施意见|实施方案|行动方案|工作方案|行动计划|工作要点|管理办法|暂行办法|"
    "若干措施|若干政策|申报指南|申报通知|补充通知|通知|通告|公告|意见|办法|方案|规定|决定|细则|规划|"
    "计划|纲要|措施|指南|批复|函|报告|公示|通报|决议|条例|规则|指引|政策"
)
"""文种: the genre words a title ends with (longest first where one contains another)."""

_TITLE = regex.compile(
    rf"^(?P<title>[^。\n]{{4,160}}?(?:{GENRES})(?:（[^（）\n]{{1,20}}）)?)"
    r"(?=$|\n|发布日期|发文日期|成文日期|印发日期|日期[:：]|发布时间|来源[:：]|索引号|"
    r"\p{Han}{1,10}[〔\[［(（【﹝](?:19|20)\d{2}[〕\]］)）】﹞]|各\p{Han}|[\s　])"
)
_LABEL_LINE = regex.compile(r"^(?:.{0,30}文件|(?:发布|发文|成文|印发)?日期[:：].*|索引号.*|来源[:：].*|\s*)$")
ORG_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|领导小组|"
    "监督管理局|知识产权局|局|厅|委|部|署|院|中心|协会|学会|联合会|总会|银行|公司|集团|"
    "处|科|所|站|社|馆|会"
)
ORG = regex.compile(rf"\p{{Han}}{{2,30}}(?:{ORG_SUFFIX})(?:（\p{{Han}}{{2,12}}）)?")
_ORG_LINE = regex.compile(rf"^(?:\p{{Han}}{{2,30}}?(?:{ORG_SUFFIX})(?:（\p{{Han}}{{2,12}}）)?[ 、]*)+$")


def find_title(preamble: str) -> tuple[int, int] | None:
    """Span of the document title: the first line of the preamble, past 版头 lines, that reads as
    a title (ends in a 文种 word). A first line that is a sentence means the title is not there."""
    pos = 0
    for line in preamble.split("\n")[:6]:
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or (_LABEL_LINE.match(stripped) and not _TITLE.match(stripped)):
            continue
        lead = len(line) - len(line.lstrip())
        m = _TITLE.match(line, lead)
        if m and "。" not in m.group("title"):
            return line_start + m.start("title"), line_start + m.end("title")
        return None
    return None


_ORG_END = regex.compile(rf"(?:{ORG_SUFFIX})(?:（\p{{Han}}{{2,12}}）)?")
_ISSUER_START = regex.compile(r"(?:中共|国家|国务院|中国|共青团)")


def _starts_with_place(s: str) -> bool:
    from policyparse.metadata.divisions import load_divisions

    divisions = load_divisions()
    return bool(_ISSUER_START.match(s)) or any(divisions.candidates(s[:k]) for k in range(2, min(len(s), 9) + 1))


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
    parts = [p for p in regex.split(r"[、\s　]+", head) if p]
    return [org for p in parts for org in split_joint_issuers(p)]


_ADDRESSEE_BLOCK = regex.compile(r"(?P<block>(?:各|有关|全市|全省|全区|本市)[^。：:\n]{1,200}?)[：:]")


def find_addressees(preamble: str) -> list[tuple[int, int]]:
    """Spans of the 主送机关: the ``各…，有关…：`` list that precedes the body."""
    m = _ADDRESSEE_BLOCK.search(preamble)
    if not m:
        return []
    spans = []
    start = m.start("block")
    depth = 0
    piece_start = start
    for i in range(start, m.end("block")):
        ch = preamble[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif ch in "，,；;" and depth == 0:
            spans.append((piece_start, i))
            piece_start = i + 1
    spans.append((piece_start, m.end("block")))
    return [(s, e) for s, e in spans if e - s >= 2]


def signature_issuers(text: str, date_starts: list[int]) -> list[tuple[int, int]]:
    """Spans of issuer names signed right before a date (``大冶市市场监督管理局\\n2023年5月9日``)."""
    out = []
    for start in date_starts:
        before = text[:start].rstrip(" \t")
        line_begin = before.rfind("\n", 0, len(before) - 1 if before.endswith("\n") else len(before)) + 1
        candidate = before[line_begin:].strip("\n")
        block_start = line_begin + (len(before[line_begin:]) - len(before[line_begin:].lstrip("\n")))
        if not candidate:
            continue
        m = _ORG_LINE.match(candidate)
        if m:
            for part in regex.finditer(ORG, candidate):
                out.append((block_start + part.start(), block_start + part.end()))
            continue
        tail = regex.search(rf"(?:^|[。）\n])(?P<org>\p{{Han}}{{2,30}}?(?:{ORG_SUFFIX}))$", candidate)
        if tail:
            s = block_start + tail.start("org")
            out.append((s, s + len(tail.group("org"))))
    return out
