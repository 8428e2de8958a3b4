"""Money: amounts in yuan (or another named currency), single or ranges.

Value (shared/FACTS.md): ``{"amount": Decimal, "currency": "CNY"}`` or
``{"min": Decimal, "max": Decimal, "currency": "CNY"}``; amounts are in currency units
(万元 ×1e4, 亿元 ×1e8, 千元 ×1e3, 角 0.1, 分 0.01). Extras when the text says so:
``bound`` (``max`` for 最高/不超过/以下/以内/低于 …, ``min`` for 不低于/以上/突破/超过 …),
``exclusive: True`` for 超过/高于/低于/不足/少于 (the number itself is excluded), ``approx: True``
(约/近/左右/余/多/几), ``per`` (``2万元/件`` → ``"件"``), ``per_period`` (``元/平方米/月`` →
per ``平方米``, per_period ``月``), ``unit_inferred: True`` for a bare
``2000万`` read as money because of a money word before it (资助、补贴、投资、销售收入 …).

Forms: ``50万元`` ``1.5亿元`` ``2000万元`` ``壹佰万元整`` ``人民币50元`` ``6亿元人民币`` ``5元6角``
``五元七毛八分`` ``十块钱`` ``36270港元`` ``37215.62美元``; ranges ``10-50万元`` ``10万元至50万元``
``10万～50万元`` ``2万(含)-8万元`` ``一千到两千万元`` (a unit written only on the right end applies
to the left end when that keeps min ≤ max) ``20~35k元``; ``几十万元``/``数十亿元`` → min/max. An inclusion aside may stand between
a number and its unit (``40(含)万元以上``, ``10(不含)万元以下``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policyparse.resolvers.base import Mention, fold
from policyparse.resolvers.numerals import _Raw, parse_number_ex, raw_numbers
from policyparse.resolvers.patterns import (
    CHANGE_VERBS,
    CURRENCY_WORDS,
    MEASURE_UNIT_ALT,
    rx,
)

__all__ = ["parse_money", "parse_money_ex", "scan_money"]

_CUR_ALT = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_SUB_DIGIT = r"[0-9一二三四五六七八九两壹贰叁肆伍陆柒捌玖]"
_TAIL = rx(
    r"[ \t]{0,3}(?:\(不?含\)[ \t]{0,2}(?P<scale>万亿|万|亿|千)?)?(?P<more>多|余|几)?[ \t]{0,2}(?P<cur>" + _CUR_ALT + r")"
    r"(?:[ \t]{0,2}(?:零[ \t]{0,2})?(?P<jiao>" + _SUB_DIGIT + r")[ \t]{0,2}[角毛])?"
    r"(?:[ \t]{0,2}(?:零[ \t]{0,2})?(?P<fen>" + _SUB_DIGIT + r")[ \t]{0,2}分)?"
    r"(?:(?<=[毛角])(?P<fen2>" + _SUB_DIGIT + r")(?![\d\p{Han}]))?"
    r"(?:(?<=块)(?:零(?P<fen3>" + _SUB_DIGIT + r")|(?P<jiao3>" + _SUB_DIGIT + r"))(?=$|[^\d\p{Han}]|[到至]))?"
    r"(?P<zheng>[整正](?![\p{Han}]))?(?P<qian>钱)?"
    r"(?:[ \t]{0,2}(?P<cur2>" + _CUR_ALT + r")(?![ \t]*\d))?",
    engine="re",
)
_SUBUNIT_ONLY = rx(
    r"(?P<jiao>" + _SUB_DIGIT + r")[ \t]{0,2}[角毛](?:[ \t]{0,2}(?P<fen>" + _SUB_DIGIT + r")[ \t]{0,2}分?)?"
    r"|(?P<fen_only>\d{1,2}|[一二三四五六七八九十两]{1,3})[ \t]{0,2}分(?:钱)?"
)
_SYMBOL = {"￥": "CNY", "¥": "CNY", "$": "USD", "RMB": "CNY", "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR"}
_PREFIX_CUR = rx(r"(?P<cur>" + _CUR_ALT + r"|￥|¥|\$|RMB|CNY|USD|HKD|EUR)[ \t]{0,3}$", engine="re")
_PREFIX_CUR_LAST = frozenset(word[-1] for word in (*CURRENCY_WORDS, *_SYMBOL))
"""The characters a currency written before an amount ends with (人民币, ￥, USD …)."""
_APPROX_RANGE = rx(
    r"(?<![0-9零〇一二三四五六七八九十百千万亿])(?P<a>[一二三四五六七八九])(?P<b>[一二三四五六七八九])(?P<u>[十百千万亿]+)"
)
_PER = rx(
    r"[ \t]{0,2}[/·・][ \t]{0,2}(?P<per>" + MEASURE_UNIT_ALT
    + r"|项目|企业|单位|件|项|个|家|人次|人|次|半年|季度|年|月|日|天|小时|户|台|套|份|所|座|篇|部|张|亩|桶|起|车)(?![A-Za-z])",
    engine="re",
)
PER_PERIOD = {"年": "年", "半年": "半年", "季度": "季度", "月": "月", "日": "天", "天": "天", "小时": "小时"}
"""``per`` units that are a rate in time (``/月``, ``每天``) and their normal form: they go to
``per_period``, not ``per``, and 日 and 天 are one period."""


def _match_per(f: str, end: int, extra: dict) -> int:
    """Read up to two ``/unit`` (or ``·unit``) suffixes at ``end`` (``元/平方米/月``, ``元/m²·月``) into ``extra``: the unit
    counted goes to ``per``, a time unit to ``per_period``. Returns the new end."""
    for _ in range(2):
        m = _PER.match(f, end)
        if not m:
            break
        unit = m.group("per")
        key = "per_period" if unit in PER_PERIOD else "per"
        if key in extra:
            break
        extra[key] = PER_PERIOD.get(unit, unit)
        end = m.end()
    return end
_PREFIX_RMB = rx(r"(?:人民币|RMB|CNY|￥|¥)[ \t]{0,3}$")
_RANGE_GAP = rx(
    r"[ \t]{0,3}(?:\(含\)|\(不含\))?[ \t]{0,3}(?:——|--|—|-|~|至|到)[ \t]{0,3}(?:人民币[ \t]{0,2})?"
)
_AFTER_LEFT = rx(r"[ \t]{0,3}(?:\(含\)|\(不含\))?(?:及以上|或以上|以上)?", engine="re")
"""What may follow the low end of a range before 至: (含), or the 以上 of a tier (1000万元及以上至5000万元)."""
_AFTER_LEFT_FIRST = frozenset(" \t(及或以")
"""The characters :data:`_AFTER_LEFT` can begin with (elsewhere it matches nothing)."""
_RANGE_GAP_FIRST = frozenset("(—-~至到")
"""What :data:`_RANGE_GAP` reads first after its spaces (at most six): an inclusion aside or a separator."""
_KUAI_OK = rx(r"块钱|块(?![\p{Han}])|块(?=[以左的多])|块(?=零?[一二三四五六七八九两\d](?:[角毛分钱]|$|[^\d\p{Han}]|[到至]))")
_MONEY_CUE = rx(
    r"(?:资金|资助|补助|补贴|奖励|奖补|扶持|投资|投入|金额|经费|费用|收入|营收|销售额|产值|利润|利税|税收|纳税|融资|贷款|授信"
    r"|估值|资产|注册资本|出资|预算|拨付|兑现|收益|成本|营业额|交易额|总额|资本|奖金|罚款|赔偿|价款|造价|保费|保额)"
    r"[^，。；,;\n]{0,6}$"
)
_PER_WORD = r"(?:每|单)[个家项件人户所名辆台套次年月天日]{1,2}[ \t]{0,2}"
"""A per-unit word between a bound and its amount (``上限为每人每天150元``, ``最高补助标准为每人5000元``)."""
_BOUND_BEFORE = rx(
    r"(?:(?P<max_x>低于|少于|不足|不到|小于|未满|未达到?|<)"
    r"|(?P<max_grant>(?:最高|最多|上限)(?:可以|可)?(?:给予(?:\p{Han}{0,4}?(?:单位|企业|机构|主体|个人))?"
    r"|获得|享受|补贴|补助|奖励|资助|支持|奖补|贴息|扶持|获))"
    r"|(?P<max>最高不超过|原则上不超过|不超过|未超过|不高于|不多于|至多|最多|最高|上限为?|封顶|以内|≤|<=)"
    r"|(?P<min_x>超过|高于|大于|多于|突破|>)|(?P<min>不低于|不少于|至少|最低|起点为?|以上|达到|≥|>=)"
    r"|(?P<near>近)|(?P<about>约|大约|大概|左右))[ \t]{0,2}"
    r"(?:为|达|达到|是|(?<!以上|以内|左右)(?:需要?|须|应当?|要)?(?:支付|缴纳|交纳|自付|出资|投入))?[ \t]{0,2}"
    r"(?:" + _PER_WORD + r"){0,2}(?<=上限|限额)?[（(]?$"
)
"""A bound word right before an amount, or before the per-unit words of the amount (``上限为每人每天150元``);
a cap word may take a modal and the grant verb (``最高补贴50万元``, ``每人最高可补贴300元``, ``最高可获得…``),
a bound a modal and a paying verb (``至少需支付0.01元``);
a 上限 may give its amount in brackets (``贷款额度上限（30万元）``)."""
_BOUND_AFTER = rx(
    r"[ \t]{0,2}(?:\((?:含|不含)\p{Han}{0,3}\)[ \t]{0,2}(?=[以及或之]))?(?:(?P<min>及以上|以上|或以上|起)|(?P<max>及以下|以下|以内|之内|或以下|限额|为限|封顶|为上限)"
    r"|(?P<about>左右|上下))"
)
"""Bound words after an amount; an inclusion or tax aside may stand between (``5万元(含)以上``,
``5万元(含税)以上``)."""


def bound_words_end(text: str, end: int) -> int:
    """Where the bound words written after an amount that ends at ``end`` stop (``以下``, ``(含)以上``,
    ``为限``; ``end`` itself when there are none): the words :func:`scan_money` reads the bound from."""
    a = _BOUND_AFTER.match(fold(text), end)
    return a.end() if a else end


_RMB_ONLY = rx(r"[ \t]*(?:人民币)?")


def _sub_digit(s: str | None) -> int:
    if not s:
        return 0
    if s.isdigit():
        return int(s)
    return int(parse_number_ex(s).value)


def _sub_digit_any(s: str) -> int:
    return int(s) if s.isdigit() else int(parse_number_ex(s).value)


_TAIL_FIRST = frozenset("(多余几" + "".join(word[0] for word in CURRENCY_WORDS))
"""What :data:`_TAIL` reads first after its spaces (at most five): an inclusion aside, 多/余/几, a currency word."""


def _tail_at(f: str, pos: int):
    if f[pos:pos + 6].lstrip(" \t")[:1] not in _TAIL_FIRST:
        return None  # no currency word follows: skip the pattern
    m = _TAIL.match(f, pos)
    if not m:
        return None
    cur = m.group("cur")
    if cur in ("块", "块钱") and not _KUAI_OK.match(f, m.start("cur")):
        return None
    if cur == "人民币" and m.group("jiao"):
        return None
    return m




def _scale(word: str) -> Decimal:
    """What a scale word (千, 万, 亿, 万亿) multiplies by, read by the numeral resolver."""
    return Decimal(parse_number_ex("一" + word).value)


def _amount(r: _Raw, tail, prefix_cur: str | None = None) -> tuple[Decimal, str]:
    v = r.value.value
    cur = prefix_cur or "CNY"
    if tail and tail.group("scale"):  # 40(含)万元: the aside stands between the number and its 万
        v = v * _scale(tail.group("scale"))
    if tail:
        cur = CURRENCY_WORDS[tail.group("cur")]
        if tail.group("cur2"):
            cur = CURRENCY_WORDS[tail.group("cur2")]
        elif prefix_cur and cur == "CNY":
            cur = prefix_cur            # 港币三千五百元, 新台币177.1亿元
        jiao = tail.group("jiao") or tail.group("jiao3")
        fen = tail.group("fen") or tail.group("fen2") or tail.group("fen3")
        if jiao or fen:
            v = v + Decimal(_sub_digit(jiao)) / 10 + Decimal(_sub_digit(fen)) / 100
    return v, cur


def _prefix_currency(f: str, pos: int, start: int) -> tuple[int, str] | None:
    before = start
    while before > start - 3 and f[before - 1:before] in (" ", "\t"):
        before -= 1
    if f[before - 1:before] not in _PREFIX_CUR_LAST:
        return None  # no currency word ends right before the number (and its up to 3 spaces)
    m = _PREFIX_CUR.search(f, max(pos, start - 8), start)
    if not m:
        return None
    word = m.group("cur")
    return m.start(), _SYMBOL.get(word) or CURRENCY_WORDS[word]


_CAP_NOUN_BEFORE = rx(
    rf"(?:额度|限额)(?:{CHANGE_VERBS})(?:至|到|为)[ \t]{{0,2}}$"
    r"|最高\p{Han}{0,6}?(?:额度|限额|金额|标准)(?:由[^，。；,;\n]{1,12}?)?"
    r"(?:[（(](?:[^（）()\n]{0,24}[，,、；;])?\p{Han}{1,8}?"
    rf"|(?:可以?)?(?:由|为|是|(?:{CHANGE_VERBS})(?:为|到|至)))?[ \t]{{0,2}}"
    r"(?:" + _PER_WORD + r")?$",
    engine="re",
)
"""A cap named as a noun before its amount (``最高贷款额度为60万元``, ``最高贷款额度由120万元调整为90万元``,
``个人最高贷款额度可提高至60万元``), or before a bracket that gives its amounts for each case
(``本市最高贷款限额（单职工50万元，双职工60万元）``): all of them are maxima; so is a limit moved to a
new value (``贷款额度提高至80万元``)."""


def _bounds(f: str, start: int, end: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    m = _BOUND_BEFORE.search(f, max(0, start - 10), start)
    if m is None and _CAP_NOUN_BEFORE.search(f, max(0, start - 30), start):
        out["bound"] = "max"
    if m:
        g = m.lastgroup
        if g in ("max", "max_x", "max_grant"):
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


def _spread(lo: Decimal, r1: _Raw, r2: _Raw, hi: Decimal) -> Decimal:
    """The left end of ``一千到两千万`` / ``10-50万`` / ``八到九百亿``: the unit written only on the
    right applies to the left when that keeps the range ordered and within one order of magnitude."""
    for scale in (r2.value.trail, r2.value.scale):
        if scale >= 100 and r1.value.trail < scale and r1.value.scale < scale:
            scaled = lo * scale
            if scaled <= hi and scaled * 100 > hi:
                return scaled
    return lo


def _money_items(f: str, *, allow_bare: bool) -> list[tuple[int, int, dict, dict]]:
    """(start, end, value, extra) for money in folded text ``f``."""
    raws = raw_numbers(f)
    items: list[tuple[int, int, dict, dict]] = []
    pos = 0
    i = 0
    n = len(raws)
    while i < n:
        r = raws[i]
        if r.start < pos or not r.usable:
            i += 1
            continue
        tail = _tail_at(f, r.end)
        pre = _prefix_currency(f, pos, r.start)
        # a range: r [unit] SEP r2 unit
        left_end = tail.end() if tail else r.end
        gap_from = _AFTER_LEFT.match(f, left_end).end() if f[left_end:left_end + 1] in _AFTER_LEFT_FIRST else left_end
        j = i + 1
        while j < n and raws[j].start < gap_from:
            j += 1
        if j < n and f[gap_from:gap_from + 7].lstrip(" \t")[:1] in _RANGE_GAP_FIRST:
            r2 = raws[j]
            gap = _RANGE_GAP.fullmatch(f, gap_from, r2.start)
            tail2 = _tail_at(f, r2.end) if gap else None
            if gap and tail2 and r2.usable and (
                    tail is None or CURRENCY_WORDS[tail.group("cur")] == CURRENCY_WORDS[tail2.group("cur")]):
                lo, _ = _amount(r, tail, pre[1] if pre else None)
                hi, cur = _amount(r2, tail2, pre[1] if pre else None)
                if tail is None and tail2.group("scale"):  # 10(含)-15(不含)万元: 万 is the right end's, and the left's
                    lo = lo * _scale(tail2.group("scale"))
                elif tail is None:
                    lo = _spread(lo, r, r2, hi)
                if lo <= hi:
                    end = tail2.end()
                    start = pre[0] if pre else r.start
                    value = {"min": lo, "max": hi, "currency": cur}
                    extra = _bounds(f, start, end)
                    extra.pop("bound", None)
                    if r.value.approx or r2.value.approx or tail2.group("more"):
                        extra["approx"] = True
                    end = _match_per(f, end, extra)
                    items.append((start, end, value, extra))
                    pos = end
                    i = j + 1
                    continue
        unit_inferred = False
        if tail is not None:
            end = tail.end()
        elif pre is not None and pre[1] and f[pre[0]:r.start].strip() not in ("",):
            end = r.end                       # 人民币3.14, ￥300, 港币3.14
        elif r.value.scale >= 10 ** 4 and (allow_bare or _MONEY_CUE.search(f, max(0, r.start - 24), r.start)):
            end = r.end
            unit_inferred = not allow_bare
        elif allow_bare:
            end = r.end
        else:
            i += 1
            continue
        start = pre[0] if pre else r.start
        amount, cur = _amount(r, tail, pre[1] if pre else None)
        nv = r.value
        if nv.approx == "several" and nv.max is not None:
            value = {"min": amount, "max": nv.max, "currency": cur}
        else:
            value = {"amount": amount, "currency": cur}
        extra = _bounds(f, start, end)
        if nv.approx == "over" or (tail is not None and tail.group("more")):
            extra.setdefault("bound", "min")
            extra["approx"] = True
        elif nv.approx == "several":
            extra["approx"] = True
        if unit_inferred:
            extra["unit_inferred"] = True
        if tail is not None:
            end = _match_per(f, end, extra)
        items.append((start, end, value, extra))
        pos = end
        i += 1
    # 八九亿元, 三五百块: two neighbouring digits before a unit are an approximate range
    for m in _APPROX_RANGE.finditer(f):
        a, b = _sub_digit(m.group("a")), _sub_digit(m.group("b"))
        if b != a + 1 and not (a == 3 and b == 5):
            continue
        tail = _tail_at(f, m.end())
        if tail is None or any(it[0] < tail.end() and m.start() < it[1] for it in items):
            continue
        unit = parse_number_ex("一" + m.group("u")).value
        lo, cur = _amount_plain(Decimal(a) * unit, tail)
        hi, _ = _amount_plain(Decimal(b) * unit, tail)
        items.append((m.start(), tail.end(), {"min": lo, "max": hi, "currency": cur}, {"approx": True}))
    items.sort(key=lambda t: t[0])
    _share_listed_bounds(f, items)
    return _without_echoes(f, items)


_ECHO_GAP = rx(r"[ \t]{0,2}(?:及以上|或以上|以上|及以下|或以下|以下|以内)?[ \t]{0,2}\((?:含|包含|包括)[ \t]{0,2}")
"""Between a bound amount and the aside that repeats it: ``3亿元以上(含3亿元)``."""


def _without_echoes(f: str, items: list[tuple[int, int, dict, dict]]) -> list[tuple[int, int, dict, dict]]:
    """The amounts, less those that only repeat the amount before them inside an inclusion aside
    (``3亿元以上(含3亿元)``: one amount, a minimum, not a second exact one)."""
    out: list[tuple[int, int, dict, dict]] = []
    for item in items:
        start, end, value, _ = item
        if (out and f[end:end + 1] == ")" and "amount" in value and value == out[-1][2]
                and _ECHO_GAP.fullmatch(f, out[-1][1], start)):
            continue
        out.append(item)
    return out


_LIST_GAP = rx(r"[ \t]{0,2}(?:[(（](?:含|不含)[)）][ \t]{0,2})?、[ \t]{0,2}")
"""Between two listed amounts: a 、 (after an inclusion aside each item repeats: ``1亿元(含)、5亿元(含)``)."""


def _share_listed_bounds(f: str, items: list[tuple[int, int, dict, dict]]) -> None:
    """A bound word written once before a 、-list of amounts bounds each of them (``首次达到5亿元、
    10亿元、15亿元`` → three minima). Only a bound read before the first amount is shared: one written
    after an amount (``5万元以上、10万元``) belongs to that amount alone."""
    for (_, end_a, value_a, extra_a), (start_b, _, value_b, extra_b) in zip(items, items[1:]):
        if ("bound" not in extra_a or "bound" in extra_b or "amount" not in value_a or "amount" not in value_b
                or not _LIST_GAP.fullmatch(f, end_a, start_b) or _BOUND_AFTER.match(f, end_a)):
            continue
        extra_b["bound"] = extra_a["bound"]
        if extra_a.get("exclusive"):
            extra_b["exclusive"] = True


def _amount_plain(v: Decimal, tail) -> tuple[Decimal, str]:
    return v, CURRENCY_WORDS[tail.group("cur2") or tail.group("cur")]


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


_STRIP_BEFORE = rx(
    r"^(?:从|自|由)?[ \t]*(?:(?:最高不超过|原则上不超过|不超过|不高于|不多于|至多|最多|最高|上限为?|封顶|低于|少于|不足|不到|小于|未满"
    r"|超过|高于|大于|多于|突破|不低于|不少于|至少|起码|最低|近|约|大约|大概)[ \t]*(?:为|达|达到|是)?[ \t]*)?$"
)


_VALUE_KEYS = ("amount", "min", "max", "currency", "bound", "per")


def parse_money(s: str) -> dict:
    """The amount written in ``s`` as a FACTS money value (see module doc): ``amount`` or
    ``min``/``max``, ``currency``, and ``bound``/``per`` when the string states them
    (``最高50万元`` → ``bound: "max"``; ``50万元以上`` → ``"min"``; ``2万元/件`` → ``per: "件"``).
    A bare number with 万/亿 (``2000万``, ``三百万``) is taken as CNY. The dict validates as
    :class:`policyparse.models.facts.MoneyValue`. Raises ``ValueError`` when ``s`` is not one amount.
    """
    value, _ = parse_money_ex(s)
    return value


def parse_money_ex(s: str) -> tuple[dict, dict]:
    """:func:`parse_money` plus the qualifiers that are not part of the FACTS value:
    ``{"approx": True}`` (约, 近, 余, 多, 几十), ``{"exclusive": True}`` (超过, 低于, 不足)."""
    f = fold(s).strip()
    if not f:
        raise ValueError("empty")
    sub = _SUBUNIT_ONLY.fullmatch(f)
    if sub:                                   # 五角, 两毛五, 5分: fractions of a yuan alone
        if sub.group("fen_only"):
            v = Decimal(_sub_digit_any(sub.group("fen_only"))) / 100
        else:
            v = Decimal(_sub_digit(sub.group("jiao"))) / 10 + Decimal(_sub_digit(sub.group("fen"))) / 100
        return {"amount": v, "currency": "CNY"}, {}
    items = _money_items(f, allow_bare=True)
    if len(items) != 1:
        raise ValueError(f"not one amount: {s!r}")
    st, en, value, extra = items[0]
    head = f[:st]
    tail = f[en:]
    if head and not _STRIP_BEFORE.fullmatch(head):
        raise ValueError(f"not an amount: {s!r}")
    if tail and not _BOUND_AFTER.fullmatch(tail) and not _RMB_ONLY.fullmatch(tail):
        raise ValueError(f"not an amount: {s!r}")
    out = dict(value)
    out.update({k: v for k, v in extra.items() if k in _VALUE_KEYS})
    return out, {k: v for k, v in extra.items() if k not in _VALUE_KEYS}
