"""Money: amounts in yuan (or another named currency), single or ranges.

Value (shared/FACTS.md): ``{"amount": Decimal, "currency": "CNY"}`` or
``{"min": Decimal, "max": Decimal, "currency": "CNY"}``; amounts are in currency units
(万元 ×1e4, 亿元 ×1e8, 千元 ×1e3, 角 0.1, 分 0.01). Extras when the text says so:
``bound`` (``max`` for 最高/不超过/以下/以内/低于 …, ``min`` for 不低于/以上/突破/超过 …),
``exclusive: True`` for 超过/高于/低于/不足/少于 (the number itself is excluded), ``approx: True``
(约/近/左右/余/多/几), ``per`` (``2万元/件`` → ``"件"``), ``unit_inferred: True`` for a bare
``2000万`` read as money because of a money word before it (资助、补贴、投资、销售收入 …).

Forms: ``50万元`` ``1.5亿元`` ``2000万元`` ``壹佰万元整`` ``人民币50元`` ``8亿元人民币`` ``5元6角``
``五元七毛八分`` ``十块钱`` ``25481港元`` ``45564.44美元``; ranges ``10-50万元`` ``10万元至50万元``
``10万～50万元`` ``1万(含)-5万元`` ``一千到两千万元`` (a unit written only on the right end applies
to the left end when that keeps min ≤ max) ``10~15k元``; ``几十万元``/``数十亿元`` → min/max.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import regex

from policyparse.resolvers.base import Mention, fold
from policyparse.resolvers.numerals import _Raw, parse_number_ex, raw_numbers
from policyparse.resolvers.patterns import CURRENCY_WORDS

__all__ = ["parse_money", "scan_money"]

_CUR_ALT = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_SUB_DIGIT = r"[0-9一二三四五六七八九两壹贰叁肆伍陆柒捌玖]"
_TAIL = regex.compile(
    r"[ \t]{0,3}(?P<cur>" + _CUR_ALT + r")"
    r"(?:[ \t]{0,2}(?:零[ \t]{0,2})?(?P<jiao>" + _SUB_DIGIT + r")[ \t]{0,2}[角毛])?"
    r"(?:[ \t]{0,2}(?:零[ \t]{0,2})?(?P<fen>" + _SUB_DIGIT + r")[ \t]{0,2}分)?"
    r"(?P<zheng>整)?"
    r"(?:[ \t]{0,2}(?P<rmb>人民币)(?![ \t]*\d))?"
)
_PER = regex.compile(r"[ \t]{0,2}/[ \t]{0,2}(?P<per>项目|企业|单位|件|项|个|家|人|次|年|户|台|套|份|所|座|篇|部|张|吨|亩)")
_PREFIX_RMB = regex.compile(r"(?:人民币|RMB|CNY|￥|¥)[ \t]{0,3}$")
_RANGE_GAP = regex.compile(
    r"[ \t]{0,3}(?:\(含\)|\(不含\))?[ \t]{0,3}(?:——|--|—|-|~|至|到)[ \t]{0,3}(?:人民币[ \t]{0,2})?"
)
_AFTER_LEFT = regex.compile(r"[ \t]{0,3}(?:\(含\)|\(不含\))")
_KUAI_OK = regex.compile(r"块钱|块(?![\p{Han}])|块(?=[以左的多])")
_MONEY_CUE = regex.compile(
    r"(?:资金|资助|补助|补贴|奖励|奖补|扶持|投资|投入|金额|经费|费用|收入|营收|销售额|产值|利润|利税|税收|纳税|融资|贷款|授信"
    r"|估值|资产|注册资本|出资|预算|拨付|兑现|收益|成本|营业额|交易额|总额|资本|奖金|罚款|赔偿|价款|造价|保费|保额)"
    r"[^，。；,;\n]{0,6}$"
)
_BOUND_BEFORE = regex.compile(
    r"(?:(?P<max_x>低于|少于|不足|小于|未满|未达到?)|(?P<max>最高不超过|原则上不超过|不超过|不高于|不多于|至多|最多|最高|上限为?|封顶|以内)"
    r"|(?P<min_x>超过|高于|大于|多于|突破)|(?P<min>不低于|不少于|至少|最低|起点为?|以上)"
    r"|(?P<near>近)|(?P<about>约|大约|大概|左右))[ \t]{0,2}(?:为|达|达到|是)?[ \t]{0,2}$"
)
_BOUND_AFTER = regex.compile(
    r"[ \t]{0,2}(?:(?P<min>\(含\)以上|及以上|以上|或以上|起)|(?P<max>\(含\)以下|及以下|以下|以内|之内|或以下)"
    r"|(?P<about>左右|上下))"
)


def _sub_digit(s: str | None) -> int:
    if not s:
        return 0
    if s.isdigit():
        return int(s)
    return int(parse_number_ex(s).value)


def _tail_at(f: str, pos: int):
    m = _TAIL.match(f, pos)
    if not m:
        return None
    cur = m.group("cur")
    if cur in ("块", "块钱") and not _KUAI_OK.match(f, m.start("cur")):
        return None
    if cur == "人民币" and m.group("jiao"):
        return None
    return m


def _clean(f: str, r: _Raw) -> bool:
    """A raw number usable as an amount (not the tail of another numeral, not a 2-char digit run)."""
    if r.value.mode == "digits" and r.end - r.start < 3:
        return False
    if r.start > 0 and (f[r.start - 1].isdigit() or f[r.start - 1] in "零〇一二三四五六七八九两十百千万亿点."):
        return False
    return True


def _amount(r: _Raw, tail) -> tuple[Decimal, str]:
    v = r.value.value
    cur = CURRENCY_WORDS[tail.group("cur")] if tail else "CNY"
    if tail and (tail.group("jiao") or tail.group("fen")):
        v = v + Decimal(_sub_digit(tail.group("jiao"))) / 10 + Decimal(_sub_digit(tail.group("fen"))) / 100
    return v, cur


def _bounds(f: str, start: int, end: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    m = _BOUND_BEFORE.search(f, max(0, start - 10), start)
    if m:
        g = m.lastgroup
        if g in ("max", "max_x"):
            out["bound"] = "max"
        elif g in ("min", "min_x"):
            out["bound"] = "min"
        elif g == "near":
            out["bound"] = "max"
            out["approx"] = True
        else:
            out["approx"] = True
        if g in ("max_x", "min_x"):
            out["exclusive"] = True
    a = _BOUND_AFTER.match(f, end)
    if a:
        g = a.lastgroup
        if g in ("min", "max"):
            out["bound"] = g
        else:
            out["approx"] = True
    return out


def _money_items(f: str, *, allow_bare: bool) -> list[tuple[int, int, dict, dict]]:
    """(start, end, value, extra) for money in folded text ``f``."""
    raws = [r for r in raw_numbers(f) if r.kind != "fraction" or True]
    items: list[tuple[int, int, dict, dict]] = []
    pos = 0
    i = 0
    n = len(raws)
    while i < n:
        r = raws[i]
        if r.start < pos or not _clean(f, r) or r.kind == "ordinal":
            i += 1
            continue
        tail = _tail_at(f, r.end)
        # a range: r [unit] SEP r2 unit
        left_end = tail.end() if tail else r.end
        inc = _AFTER_LEFT.match(f, left_end)
        gap_from = inc.end() if inc else left_end
        j = i + 1
        while j < n and raws[j].start < gap_from:
            j += 1
        if j < n:
            r2 = raws[j]
            gap = _RANGE_GAP.fullmatch(f, gap_from, r2.start)
            tail2 = _tail_at(f, r2.end) if gap else None
            if gap and tail2 and _clean(f, r2) and (tail is None or tail.group("cur") == tail2.group("cur")
                                                   or CURRENCY_WORDS[tail.group("cur")] == CURRENCY_WORDS[tail2.group("cur")]):
                lo, cur = _amount(r, tail if tail else None)
                hi, cur2 = _amount(r2, tail2)
                cur = cur2
                if tail is None and r.value.scale < r2.value.scale and r2.value.scale >= 1000:
                    scaled = lo * r2.value.scale
                    if scaled <= hi:
                        lo = scaled
                if lo <= hi:
                    end = tail2.end()
                    start = r.start
                    value = {"min": lo, "max": hi, "currency": cur}
                    extra = _bounds(f, start, end)
                    extra.pop("bound", None)
                    if r.value.approx or r2.value.approx:
                        extra["approx"] = True
                    per = _PER.match(f, end)
                    if per:
                        extra["per"] = per.group("per")
                        end = per.end()
                    pre = _PREFIX_RMB.search(f, max(pos, start - 8), start)
                    if pre:
                        start = pre.start()
                    items.append((start, end, value, extra))
                    pos = end
                    i = j + 1
                    continue
        if tail is None:
            if not (r.value.scale >= 10 ** 4 or allow_bare):
                i += 1
                continue
            if not allow_bare:
                if not _MONEY_CUE.search(f, max(0, r.start - 24), r.start):
                    i += 1
                    continue
            unit_inferred = True
            end = r.end
        else:
            unit_inferred = False
            end = tail.end()
        start = r.start
        amount, cur = _amount(r, tail)
        nv = r.value
        if nv.approx == "several" and nv.max is not None:
            value = {"min": amount, "max": nv.max, "currency": cur}
        else:
            value = {"amount": amount, "currency": cur}
        extra = _bounds(f, start, end)
        if nv.approx == "over":
            extra.setdefault("bound", "min")
            extra["approx"] = True
        elif nv.approx == "several":
            extra["approx"] = True
        if unit_inferred and not allow_bare:
            extra["unit_inferred"] = True
        per = _PER.match(f, end)
        if per and tail is not None:
            extra["per"] = per.group("per")
            end = per.end()
        pre = _PREFIX_RMB.search(f, max(pos, start - 8), start)
        if pre:
            start = pre.start()
            value["currency"] = "CNY" if tail is None or cur == "CNY" else cur
        items.append((start, end, value, extra))
        pos = end
        i += 1
    return items


def scan_money(s: str) -> list[Mention]:
    """Money amounts in running text (value: FACTS money dict; ``kind`` ``"amount"`` or ``"range"``).

    A number needs a currency word after it (元 万元 亿元 美元 …); ``块`` only as ``块钱`` or
    before a non-Han character (``三块牌子`` is not money). A bare ``N万``/``N亿`` counts only after a
    money word in the same clause (``unit_inferred``). Phone numbers, 文号, dates, counts (``20件``)
    are never money. ``extra`` carries ``bound``/``exclusive``/``approx``/``per`` from the words
    right around the amount; the span is the amount itself (plus ``/件`` and a leading 人民币).
    """
    f = fold(s)
    out = []
    for st, en, value, extra in _money_items(f, allow_bare=False):
        kind = "range" if "min" in value else "amount"
        out.append(Mention(st, en, s[st:en], value, kind, extra))
    return out


_STRIP_BEFORE = regex.compile(
    r"^(?:(?:人民币|RMB|￥|¥)?[ \t]*(?:最高不超过|原则上不超过|不超过|不高于|不多于|至多|最多|最高|上限为?|封顶|低于|少于|不足|小于|未满"
    r"|超过|高于|大于|多于|突破|不低于|不少于|至少|最低|近|约|大约|大概)[ \t]*(?:为|达|达到|是)?[ \t]*)"
)


def parse_money(s: str) -> dict:
    """The amount written in ``s`` as a FACTS money dict (see module doc). A bare number with
    万/亿 (``2000万``, ``三百万``) is taken as CNY. Bound words around it (``最高50万元``,
    ``50万元以上``, ``小于40万``) add ``bound``/``exclusive``/``approx``.
    Raises ``ValueError`` when ``s`` is not one amount.
    """
    f = fold(s).strip()
    if not f:
        raise ValueError("empty")
    items = _money_items(f, allow_bare=True)
    if len(items) != 1:
        raise ValueError(f"not one amount: {s!r}")
    st, en, value, extra = items[0]
    head = f[:st]
    tail = f[en:]
    if head and not _STRIP_BEFORE.fullmatch(head):
        raise ValueError(f"not an amount: {s!r}")
    if tail and not _BOUND_AFTER.fullmatch(tail) and not regex.fullmatch(r"[ \t]*(?:人民币)?", tail):
        raise ValueError(f"not an amount: {s!r}")
    out = dict(value)
    out.update(extra)
    return out
