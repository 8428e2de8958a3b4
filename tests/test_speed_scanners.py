"""The fast paths of the shared whole-text scanners (date atoms, raw numbers) against the straightforward ones.

Each fast path claims to find exactly what a plain scan finds (a stdlib prefilter that only skips
positions where nothing can match); these tests hold them to it on the corpora, folded, and on strings
made to hit the edges.
"""

from __future__ import annotations

import random
import re

from policyparse.resolvers import dates, money, numerals
from policyparse.resolvers.base import fold
from policyparse.resolvers.protect import protected_spans
from tests.conftest import CORPORA

_TEXTS = [fold(p.read_text(encoding="utf-8"))
          for p in sorted(CORPORA.glob("*.txt")) + sorted(CORPORA.glob("unseen/*.txt"))]
_KAWI_TWO = "\U00011F52"
"""A digit ``regex`` knows and Python 3.11's Unicode (14.0) does not."""
_DATE_PIECES = list("0123456789年月日号时点分秒个季度起开始至到~-—:./ \t第首前后上中下最底末早晚凌傍夜午白旬半份"
                    "〇零一二三四五六七八九十廿两星期周礼拜间里晨天后()（含）和与之间止以来内前、，。\n") + [
    "2023年6月21日", "二〇二三年五月九日", "6月21日-30日", "2022—2024年", "下午5:00", "上午九时", "第三季度",
    "首季度", "前两个季度", "上半年", "第二周", "上旬", "年底", "月末", "2019-11-0508:45", "20230621", "18年10月",
    "2020年5月11-18日", "2018年9月至12月", "6月21", "最后三个月", "后 3 个月", "晚8点", "凌晨2点半", "夜间10时",
    "白天9点", "午后3时", "傍晚6时", "早上八点", "十二月三十一日", "廿一日", "2020年年底", "5月月底", "2100年",
    "1899.12", "2021/3/4", "2022 — 2023年", "9:30-11:30", "12月 5", "12月\t\t5日", "三点一刻", "两点整",
    "20" + _KAWI_TWO + "3年", "1" + _KAWI_TWO + "月", "第1" + _KAWI_TWO + "个月", "下午" + _KAWI_TWO + "时",
    "2023" + _KAWI_TWO * 4, "〔2019〕14号", "0571-88888888", "第十一条", "上一年度", "1:1", "5.2年",
]


def _made_up(pieces: list[str], seed: int, count: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


def _plain_atoms(f: str) -> list[tuple[int, int, str | None]]:
    prot = protected_spans(f)
    return [(m.start(), m.end(), m.lastgroup) for m in dates._ATOM.finditer(f)
            if m.end() > m.start() and not prot.overlaps(m.start(), m.end())]


def test_date_atoms_are_what_a_plain_scan_finds() -> None:
    texts = _TEXTS + _made_up(_DATE_PIECES, 1) + _made_up(_DATE_PIECES, 2)
    for f in texts:
        assert [(m.start(), m.end(), m.lastgroup) for m in dates._atoms(f)] == _plain_atoms(f), f


_NUMBER_PIECES = list("0123456789.,-负 \t零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖幺廿卅卌十拾百佰千仟万亿点余多几数kK半"
                      "分之又/元年个%、(:=;<>≥≤\n") + [
    "1/2", "1 4/3", "三分之一", "2又一千分之47", "两年零三个月", "十余万", "几十万", "半百", "1.5万", "2,000", "-5",
    "负3", "( -2", "15k", "1e3", "〔2019〕14号", "0571-88888888", "第十一条", "一、", "（二）", _KAWI_TWO, "١٢",
    "\U0001D7D8",
]


def test_re_reads_digits_as_str_isdecimal() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert re.findall(r"\d", every) == [c for c in every if c.isdecimal()]


def _plain_raw_numbers(f: str) -> tuple:
    """:func:`~policyparse.resolvers.numerals.raw_numbers` as a plain loop: search for _START from where
    the last number ended (the slash fractions, outside the fast path, are added as it adds them)."""
    n = numerals
    prot = protected_spans(f)
    out, pos = [], 0
    while (m := n._START.search(f, pos)) is not None:
        st = m.start()
        got = n._number_at(f, st)
        if got is None:
            pos = st + 1
            continue
        end, nv, kind, n_cn = got
        if nv.mode == "digits" and end - st == 2 and f[st] in "零〇":
            st += 1
            got = n._number_at(f, st)
            if got is None:
                pos = st
                continue
            end, nv, kind, n_cn = got
        if prot.overlaps(st, end):
            pos = end if end > st else st + 1
            continue
        out.append(n._Raw(st, end, nv, kind, n_cn, n._usable(f, st, end, nv)))
        pos = end
    return n._with_slash_fractions(f, prot, out)


def test_raw_numbers_are_what_a_plain_search_finds() -> None:
    for f in _TEXTS + _made_up(_NUMBER_PIECES, 3) + _made_up(_NUMBER_PIECES, 4):
        assert numerals.raw_numbers(f) == _plain_raw_numbers(f), f


def test_a_lone_numeral_token_is_told_as_the_plain_test_tells_it() -> None:
    for f in _TEXTS[:20] + _made_up(_NUMBER_PIECES, 5):
        for end in range(len(f) + 1):
            plain = f[end:end + 1] not in ("分", "又") and not numerals._TOKEN.match(f, end)
            assert numerals._numeral_ends(f, end) == plain


class _Everything:
    """A stand-in for a prefilter's character set that lets every character through."""

    def __contains__(self, item: object) -> bool:
        return True


_MONEY_PIECES = _NUMBER_PIECES + list("元圆块钱角毛整正人民币美港欧日万亿千(含不)—~至到及或以上下 多余几") + [
    "万元", "亿元", "人民币", "美元", "(含)", "(不含)", "及以上", "以上", "——", "块钱", "五元七毛八分", "10-50万元",
    "2万(含)-8万元", "一千到两千万元", "20~35k元", "40(含)万元以上", "     元", "1000万元及以上至5000万元", "八九亿元",
]


def test_money_prefilters_skip_only_what_cannot_match(monkeypatch) -> None:
    texts = _TEXTS + _made_up(_MONEY_PIECES, 6) + _made_up(_MONEY_PIECES, 7)
    fast = [money._money_items(f, allow_bare=False) for f in texts]
    for name in ("_TAIL_FIRST", "_AFTER_LEFT_FIRST", "_RANGE_GAP_FIRST"):
        monkeypatch.setattr(money, name, _Everything())
    plain = [money._money_items(f, allow_bare=False) for f in texts]
    assert fast == plain
    assert sum(len(items) for items in plain) > 1000
