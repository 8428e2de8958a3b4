"""The shortcuts of the threshold scans give what the plain scans give.

A line prefilter (:func:`~policyparse.resolvers.base.lines_holding`) must find something on every
line where the full pattern matches; the tests scan the corpus notices and strings made to hit the
edges (digits of a newer Unicode than Python's, spaces, asides) both ways and compare the matches."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from policyparse.extractors import quota, threshold
from policyparse.resolvers.base import finditer_in_lines

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*.txt")) + sorted(CORPORA.glob("unseen/*.txt"))]

_GARAY_FOUR = "\U00010d44"
"""A digit ``regex`` knows and Python's ``re`` does not (Unicode 16)."""

HAND_MADE = (
    "年龄在18至45周岁（含本数）的人员",
    "注册资本在500万元至2000万元之间",
    "注册资本在500万(含)至5000万元之间",
    "总分在70分-90分（含70分）",
    "下降10%(含)至15%的，给予奖励",
    "10（含）-15（不含）万元",
    f"年龄在1{_GARAY_FOUR}至4{_GARAY_FOUR}周岁（含本数）",
    "主持过两个市级以上科研课题",
    "有一项学术成果已推广应用",
    "至少获得1次省级科技进步二等奖以上奖励",
    "在两项课题研究中起骨干作用",
    "至少设立1家平价蔬菜摊位",
    f"主持过{_GARAY_FOUR}个市级以上科研课题",
    "获得 3 项发明专利",
    "截至2024年12月，自成立至今",
    "毕业2年内的高校毕业生，登记注册 3 年内的初创企业",
    "新毕业生（毕业5年内）",
    f"退役{_GARAY_FOUR}年内的士兵",
    "获得3项中国发明专利授权或2项国外发明专利授权的发明人",
    "拥有2项以上发明专利的企业",
    f"拥有{_GARAY_FOUR}项以上发明专利的企业",
)


def _edge_strings() -> list[str]:
    """The hand-made strings, and snippets of the corpus around digits and numerals with their
    characters shuffled a little (the prefilters must hold on text no notice has)."""
    rng = random.Random(11)
    strings = list(HAND_MADE)
    for text in _TEXTS[:30]:
        for m in regex.finditer(r"[\d一二两三四五六七八九十]", text):
            if rng.random() < 0.05:
                piece = list(text[max(0, m.start() - 12):m.end() + 12])
                i = rng.randrange(len(piece))
                piece[i] = rng.choice(["至", "-", " ", "以上", _GARAY_FOUR, "有", "\n", "毕业", "项"])
                strings.append("".join(piece))
    return strings


def _compared(m) -> bool:
    """A match of the main scan that is read at all: one with a comparison word before or after."""
    return bool(m.group("pre") or m.group("post"))


@pytest.mark.parametrize("scan", ["range", "count", "since_event", "holder", "comparison", "quota_cap", "quota_size"])
def test_line_prefilters_keep_every_match(scan) -> None:
    pattern, needed, kept = {
        "range": (threshold._range_pattern(), threshold._range_high_end(), None),
        "count": (threshold._count_pattern(), threshold._counted_quantity(), None),
        "since_event": (threshold._SINCE_EVENT, threshold._since_event_quantity(), None),
        "holder": (threshold._holder_pattern(), threshold._holder_quantity(), None),
        "comparison": (threshold._pattern(), threshold._comparison_words(), _compared),
        "quota_cap": (quota._CAP, quota._CAP_WORD, None),
        "quota_size": (quota._SIZE_CUE, quota._SIZE_WORD, None),
    }[scan]
    for text in _TEXTS + _edge_strings():
        got = [m.span() for m in finditer_in_lines(pattern, text, needed) if kept is None or kept(m)]
        want = [m.span() for m in pattern.finditer(text) if kept is None or kept(m)]
        assert got == want, text[:80]


def test_hand_made_strings_hold_matches() -> None:
    """The edge cases do reach the patterns (else the test above would prove little)."""
    assert threshold._range_pattern().search(HAND_MADE[0]) is not None
    assert threshold._count_pattern().search(HAND_MADE[12]) is not None
    assert threshold._SINCE_EVENT.search(HAND_MADE[17]) is not None
    assert threshold._holder_pattern().search(HAND_MADE[20]) is not None


def test_period_in_matches_the_plain_scan() -> None:
    """:func:`threshold._period_in` skips clauses without the character every window holds."""
    windows = threshold._longest_first("periods")
    clauses = [text[i:i + 40] for text in _TEXTS[:20] for i in range(0, len(text), 17)] + list(windows)
    clauses += [w.replace("年", "") for w in windows]
    for clause in clauses:
        assert threshold._period_in(clause) == next((w for w in windows if w in clause), None)


def test_a_received_benefit_holds_the_verb_the_shortcut_looks_for() -> None:
    """:func:`threshold._is_benefit` tries :data:`threshold._RECEIVED` only in sentences holding 获 or 享受."""
    rng = random.Random(13)
    pieces = ["获得", "获", "享受", "已", "曾", "近两年", "近3个年度", "上一年度", "以往", "此前", "内", "累计",
              "补贴", "补助", "奖励", "资助", "扶持", "支持", "资金", "政府", "，", "。", "的", "项目"]
    strings = [s for text in _TEXTS for s in text.split("。")]
    strings += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    found = 0
    for s in strings:
        m = threshold._RECEIVED.search(s)
        if m is not None:
            found += 1
            assert "获" in m.group() or "享受" in m.group(), s
    assert found > 100
