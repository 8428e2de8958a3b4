"""Numbers: Arabic, Chinese (common and 大写), mixed (``1.5万``, ``2,000万``), fractions.

Grammar, in short (after :func:`~policyparse.resolvers.base.fold`):

* Arabic ``2,000`` ``1.5`` ``.5`` ``１２``; a ``k`` suffix multiplies by 1000 (``15k``).
* Chinese digits ``〇零一二三四五六七八九两`` and 大写 ``壹贰叁肆伍陆柒捌玖``; small units ``十百千``
  (``拾佰仟``), big units ``万 亿`` (and ``万亿``, ``万万``); ``廿卅卌`` = 20/30/40.
* Units must decrease inside a 万-section; ``零`` marks a gap (``一千零五``); a lone digit right
  after a unit is the colloquial next place (``一百五`` = 150, ``三万五`` = 35000, ``两千六`` = 2600).
* A bare leading ``十`` is fine (``十五``); a bare ``百/千/万`` only in the colloquial two-token form
  (``千三`` = 1300, ``百二万`` = 1,200,000); ``百十一`` is garbage.
* Digit-by-digit Chinese (``二〇二三`` = 2023, ``一九三五点二``) is read as written.
* Decimals with ``点`` (``三点五``, ``二百点456``); ``三点五万`` = 35000; ``两千万点五`` adds .5.
* Mixed Arabic/Chinese: ``2万300`` = 20300, ``6万3千2百`` = 63200, ``300亿零五千120``.
* Approximations: ``十余万``/``500多万`` (value is the lower bound, ``approx="over"``),
  ``二十几万`` (几 as a 0 digit, ``approx="over"``), ``几十万``/``数十亿`` (``approx="several"``,
  value is the lower bound and ``max`` ten times it).
* Fractions: ``三分之一``, ``2又一千分之47``, ``1/2``, ``1 4/3``.

``兆`` is *not* a numeral unit here: in mainland usage it is the SI prefix mega (``兆瓦``, ``兆帕``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import NamedTuple

from policyparse.charsets import ANY_DIGIT
from policyparse.resolvers.base import Mention, SpanSet, fold, mapping
from policyparse.resolvers.memo import per_document
from policyparse.resolvers.patterns import rx
from policyparse.resolvers.protect import protected_spans

__all__ = ["NumberValue", "parse_number", "parse_number_ex", "scan_numbers"]

_ZERO = Decimal(0)

_DIGITS = {c: i for i, chars in enumerate(
    ["", "一壹幺", "二贰两俩", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"]) for c in chars}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10 ** 4, "亿": 10 ** 8}
_TENS = {"廿": 2, "卅": 3, "卌": 4}

_TOKEN = rx(
    r"(?P<sp>[ \t]+)"
    r"|(?P<ar>(?<![.\d])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+(?![.\d]))?(?:[eE][+-]?\d{1,3}(?![\dA-Za-z]))?"
    r"|(?<=\.)\d+(?!\d)|(?<![.\d])\.\d+(?![.\d]))"
    r"|(?P<d>[一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖]|幺(?=[零〇一二三四五六七八九幺]))"
    r"|(?P<z>[零〇])"
    r"|(?P<t>[廿卅卌])"
    r"|(?P<s>[十拾百佰千仟])"
    r"|(?P<b>[万亿])"
    r"|(?P<p>点)"
    r"|(?P<x>[余多几数])"
    r"|(?P<k>[kK](?![A-Za-z]))"
    r"|(?P<n>[负-])"
    r"|(?P<h>半百)",
    engine="re",
)

_START_NUMERALS = "零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖廿卅卌十拾百佰千仟几数"
"""The Chinese numeral characters a number starts with."""
_START = rx(
    r"(?:(?:负|(?<![^\s(\[:=,;、<>≥≤])-)[ \t]?)?(?:\d|(?<![.\d])\.\d|[" + _START_NUMERALS + r"]|半百)"
)
_START_CANDIDATE = rx(rf"[负\-.{ANY_DIGIT}{_START_NUMERALS}半]", engine="re")
"""Every character a :data:`_START` match can begin with (a sign, a digit, a point, a numeral, 半), found
by a stdlib scan; every character beyond the Basic Multilingual Plane is let in, where ``regex`` knows
digits of a newer Unicode than Python's (the two agree on the plane: ``tests/test_speed_scanners.py``)."""
_STARTS_HERE = frozenset("0123456789" + _START_NUMERALS)
"""The candidates :data:`_START` surely matches at, alone (a sign before them would be a candidate
before them, looked at first)."""
_FRACTION_JOIN = rx(r"[ \t]{0,3}分[ \t]{0,3}之[ \t]{0,3}", engine="re")
_MIXED_JOIN = rx(r"[ \t]{0,3}又[ \t]{0,3}", engine="re")
_SLASH_FRACTION = rx(r"(?<![\d/.\-])(-?)(?:(\d{1,3})[ ])?(\d{1,4})/(\d{1,4})(?![\d/])")
_MAX_TOKENS = 80
_SIGN_BEFORE = frozenset(" \t\n([:=,;、")


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A parsed number with what the text said about it.

    ``value`` is exact (Decimal). ``approx`` is ``None``, ``"over"`` (``十余万``, ``二十几万``: at
    least ``value``) or ``"several"`` (``几十万``: ``value`` ≤ x < ``max``). ``scale`` is the
    multiplier the numeral ends with (10000 for ``50万``, 1000 for ``15k``/``3千``), which range
    resolvers use to share a unit (``10-50万``). ``mode`` is ``"arabic"``, ``"chinese"``,
    ``"mixed"`` or ``"digits"`` (read digit by digit, ``二〇二三``).
    """

    value: Decimal
    approx: str | None = None
    max: Decimal | None = None
    scale: int = 1
    mode: str = "arabic"
    trail: int = 1
    """Product of the units written after the last digit (``九百亿`` → 10^10, ``50万`` → 10^4)."""


@dataclass(slots=True)
class _Hit:
    end: int          # offset just after the last token of the accepted prefix
    value: NumberValue
    n_cn: int         # Chinese numeral characters consumed
    n_tokens: int     # significant tokens consumed
    last_tok: str = ""


def _tokens(f: str, pos: int, end: int | None = None):
    """Tokens of the numeral starting at ``pos`` (stops at the first non-token)."""
    end = len(f) if end is None else end
    out = []
    while pos < end and len(out) < _MAX_TOKENS:
        m = _TOKEN.match(f, pos, end)
        if not m:
            break
        kind = m.lastgroup
        out.append((kind, m.group(), m.start(), m.end()))
        pos = m.end()
    return out


def _evaluate(tokens) -> _Hit | None:
    """The longest prefix of ``tokens`` that is a valid numeral, or ``None``.

    A single pass: every token either extends the state or stops the scan; after each token the
    state says whether a number may end there.
    """
    best: _Hit | None = None
    sign = 1
    result = wan = sec = _ZERO
    num: Decimal | None = None
    tail: int | None = None       # colloquial next-place scale for a lone digit after a unit
    last_small: int | None = None
    last_unit = 1
    last_big = None
    prev: str | None = None
    seq: str | None = None        # digit-by-digit mode
    frac: str | None = None
    closed = False                # a decimal was scaled by a unit: only 万/亿 may follow
    approx: str | None = None
    units_seen = False
    has_ar = has_cn = False
    bare = False                  # leading bare 百/千/万 (colloquial 千三, 百二万)
    bare_tokens: list[str] = []
    n_cn = 0
    n_sig = 0
    scale = 1
    trail = 1

    spaced = False
    for kind, text, a, b in tokens:
        if kind == "sp":
            if prev is None or seq is not None:
                break                     # no leading space; digit-by-digit runs have none
            spaced = True
            continue
        if spaced and kind in ("d", "z") and prev in ("d", "z") and not units_seen:
            break                         # "两 零": two numbers, not 20
        spaced = False
        n_sig += 1
        if bare:
            bare_tokens.append(kind)
            if len(bare_tokens) > 3:
                break
        if kind == "n":
            if prev is not None:
                break
            sign = -1
            prev = "n"
            n_sig -= 1
            continue
        if kind == "h":
            if prev not in (None, "n"):
                break
            num = Decimal(50)
            closed = True
            has_cn = True
            n_cn += 2
            prev = "k"
        elif kind == "ar":
            trail = 1
            raw = text.replace(",", "")
            if prev == "p":
                if not raw.isdigit() or "," in text:
                    break
                frac = raw
                prev = "f"
            elif closed or seq is not None:
                break
            elif prev in (None, "n"):
                num = Decimal(raw)
                prev = "ar"
            elif prev in ("s", "b", "z"):
                v = Decimal(raw)
                if "." in raw or v >= last_unit:
                    break
                num = v
                tail = None
                prev = "ar"
            else:
                break
            has_ar = True
        elif kind == "d":
            trail = 1
            dv = _DIGITS[text]
            if prev in ("p", "f"):
                if text in "两俩":
                    break
                frac = (frac or "") + str(dv)
                prev = "f"
            elif closed:
                break
            elif seq is not None:
                if text in "两俩":
                    break
                seq += str(dv)
                prev = "d"
            elif prev in (None, "n"):
                num = Decimal(dv)
                tail = None
                prev = "d"
            elif prev == "d":
                if units_seen or text in "两俩" or num is None:
                    break
                seq = str(int(num)) + str(dv)
                num = None
                prev = "d"
            elif prev in ("s", "b"):
                num = Decimal(dv)
                tail = last_unit // 10 if last_unit >= 10 else None
                prev = "d"
            elif prev == "z":
                num = Decimal(dv)
                tail = None
                prev = "d"
            else:
                break
            has_cn = True
            n_cn += 1
        elif kind == "z":
            if prev in ("p", "f"):
                frac = (frac or "") + "0"
                prev = "f"
            elif closed:
                break
            elif seq is not None:
                seq += "0"
                prev = "z"
            elif prev in (None, "n"):
                seq = "0"
                prev = "z"
            elif prev == "d" and not units_seen and num is not None:
                seq = str(int(num)) + "0"
                num = None
                prev = "z"
            elif prev in ("s", "b", "z"):
                tail = None
                prev = "z"
            else:
                break
            has_cn = True
            n_cn += 1
        elif kind == "t":
            if closed or seq is not None or prev in ("p", "f", "d", "ar", "x"):
                break
            if last_small is not None and last_small <= 10:
                break
            sec += _TENS[text] * 10
            trail = 10
            num = None
            tail = None
            last_small = 10
            last_unit = 10
            units_seen = True
            has_cn = True
            n_cn += 1
            prev = "s"
        elif kind == "s":
            u = _SMALL[text]
            if seq is not None and seq[0] == "0" and len(seq) <= 2 and frac is None:
                # 零三十, 零十: a connecting 零 in front of a unit numeral
                num = Decimal(seq[1]) if len(seq) == 2 else None
                seq = None
            if seq is not None or closed or prev in ("p", "f"):
                break
            if last_small is not None and u >= last_small:
                break
            if num is not None:
                m = num
            elif prev in (None, "n"):
                m = Decimal(1)
                if u != 10:
                    bare = True
                    bare_tokens = ["s"]
            elif prev in ("z", "s", "b"):
                m = Decimal(1)
            else:
                break
            if m != m.to_integral_value():
                closed = True
            sec += m * u
            trail *= u
            num = None
            tail = None
            last_small = u
            last_unit = u
            units_seen = True
            has_cn = True
            n_cn += 1
            prev = "s"
        elif kind == "b":
            U = _BIG[text]
            if prev == "p" or seq is not None:
                break
            if prev == "f":
                if units_seen or result or wan or sec or num is None:
                    break
                num = num + Decimal("0." + frac)
                frac = None
            n_eff = (num * tail if (tail and num is not None) else num) if num is not None else _ZERO
            below = sec + n_eff
            if below == 0 and prev != "z" and num is None:
                if prev in (None, "n"):
                    below = Decimal(1)
                    bare = True
                    bare_tokens = ["b"]
                elif prev in ("b", "x"):
                    pass
                else:
                    break
            if num is not None and num != num.to_integral_value():
                closed = True
            if U == 10 ** 4:
                if last_big == 10 ** 8 and prev == "b":
                    break
                wan = (wan + below) * U
            else:
                result = (result + wan + below) * U
                wan = _ZERO
            sec = _ZERO
            trail *= U
            num = None
            tail = None
            last_small = None
            last_unit = U
            last_big = U
            units_seen = True
            has_cn = True
            n_cn += 1
            prev = "b"
        elif kind == "p":
            if frac is not None or closed or prev not in ("d", "z", "s", "b", "ar"):
                break
            if prev == "ar" and num is not None and num != num.to_integral_value():
                break
            if prev == "z" and seq is None:
                break
            has_cn = True
            n_cn += 1
            prev = "p"
        elif kind == "x":
            if frac is not None or closed or seq is not None:
                break
            if text in "余多":
                if prev not in ("d", "ar", "s", "b"):
                    break
                approx = "over"
            elif prev in (None, "n"):
                num = Decimal(1)
                approx = "several"
            elif text == "几" and prev in ("s", "b", "z"):
                num = _ZERO
                tail = None
                approx = approx or "over"
            else:
                break
            has_cn = True
            n_cn += 1
            prev = "x"
        elif kind == "k":
            if prev != "ar" or num is None:
                break
            num = num * 1000
            closed = True
            prev = "k"
            scale = 1000
            trail = 1000
        else:  # pragma: no cover - all kinds handled
            break

        # --- may a number end here? -----------------------------------------------------------
        if prev in ("p", "x", "n"):
            continue
        if prev == "z" and seq is None:
            continue
        if bare:
            shape = bare_tokens
            if not (shape[1:] == ["d"] or (shape[1:] == ["d", "b"] and shape[0] == "s")):
                if len(shape) >= 2 and shape[1] != "d":
                    break
                continue
        if seq is not None:
            v = Decimal(seq + ("." + frac if frac else ""))
            mode = "digits"
        else:
            n_eff = (num * tail if (tail and num is not None) else num) if num is not None else _ZERO
            v = result + wan + sec + n_eff
            if frac:
                v += Decimal("0." + frac)
            mode = "mixed" if (has_ar and has_cn) else ("chinese" if has_cn else "arabic")
        if prev == "b":
            scale = last_big or 1
        elif prev == "s" and num is None and not frac:
            scale = last_small or 1
        elif prev != "k":
            scale = 1
        v = _tidy(v * sign)
        upper = v * 10 if approx == "several" else None
        best = _Hit(b, NumberValue(v, approx, upper, scale, mode, trail if prev in ("s", "b", "k") else 1),
                    n_cn, n_sig, prev or "")
    return best


def _tidy(v: Decimal) -> Decimal:
    """Drop a meaningless exponent/trailing zeros: 15000.0 → 15000, 4.800 → 4.8."""
    if v == v.to_integral_value():
        return Decimal(int(v))
    return v.normalize()


def _parse_fraction_tail(f: str, pos: int) -> tuple[int, Decimal] | None:
    """``分之M`` at ``pos`` → (end, M)."""
    j = _FRACTION_JOIN.match(f, pos)
    if not j:
        return None
    hit = _evaluate(_tokens(f, j.end()))
    if hit is None:
        return None
    return hit.end, hit.value.value


@lru_cache(maxsize=4096)
def _lone_token(kind: str, token: str) -> _Hit | None:
    """:func:`_evaluate` of a numeral that is one token (``2023``, ``一``), at offset 0. Most numbers
    of a notice are: a pure function of the token, so remembered across documents."""
    return _evaluate([(kind, token, 0, len(token))])


_TOKEN_STARTS = frozenset(" \t.一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖幺零〇廿卅卌十拾百佰千仟万亿点余多几数kK负-半")
"""The characters a :data:`_TOKEN` match can begin with, besides the digits (``re`` reads ``\\d`` as
:meth:`str.isdecimal` does)."""


def _numeral_ends(f: str, end: int) -> bool:
    """Whether the numeral token that ends at ``end`` is the last: no token follows it (only a character
    of :data:`_TOKEN_STARTS` or a digit may begin one), nor a fraction's 分 or a mixed number's 又."""
    nxt = f[end:end + 1]
    if nxt in _TOKEN_STARTS or nxt.isdecimal():
        return _TOKEN.match(f, end) is None
    return nxt != "分" and nxt != "又"


def _number_at(f: str, pos: int) -> tuple[int, NumberValue, str, int] | None:
    """The longest number (incl. fractions) starting at ``pos``: (end, value, kind, n_cn)."""
    first = _TOKEN.match(f, pos)
    if first is not None and _numeral_ends(f, first.end()):
        # one token, and neither a fraction (分之) nor a mixed number (又) after it
        hit = _lone_token(first.lastgroup, first.group())
        return None if hit is None else (pos + hit.end, hit.value, "cardinal", hit.n_cn)
    hit = _evaluate(_tokens(f, pos))
    if hit is None:
        return None
    end, nv, kind, n_cn = hit.end, hit.value, "cardinal", hit.n_cn
    ft = _parse_fraction_tail(f, end)
    if ft is not None and nv.value != 0 and ft[1] is not None:
        with localcontext() as ctx:
            ctx.prec = 28
            val = ft[1] / nv.value
        if nv.value < 0 and ft[1] < 0:
            val = abs(val)
        return ft[0], NumberValue(val, None, None, 1, nv.mode), "fraction", n_cn + 2
    mj = _MIXED_JOIN.match(f, end)
    if mj:
        hit2 = _evaluate(_tokens(f, mj.end()))
        if hit2 is not None and hit2.value.value != 0:
            ft2 = _parse_fraction_tail(f, hit2.end)
            if ft2 is not None:
                with localcontext() as ctx:
                    ctx.prec = 28
                    part = abs(ft2[1] / hit2.value.value)
                    val = nv.value - part if nv.value < 0 else nv.value + part
                return ft2[0], NumberValue(val, None, None, 1, nv.mode), "fraction", n_cn + 3
    return end, nv, kind, n_cn


def _slash_value(sign: str, whole: str | None, a: str, b: str) -> Decimal:
    """``[-][whole ]a/b``; ValueError for a zero denominator or digits Python cannot read."""
    try:
        if int(b) == 0:
            raise ValueError("division by zero")
        with localcontext() as ctx:
            ctx.prec = 28
            v = Decimal(a) / Decimal(b) + (Decimal(whole) if whole else 0)
    except InvalidOperation as exc:
        raise ValueError(f"not a fraction: {a}/{b}") from exc
    return -v if sign else v


def parse_number_ex(s: str) -> NumberValue:
    """Parse a whole string as one number and say how it was written (see :class:`NumberValue`).

    Raises ``ValueError`` unless all of ``s`` (spaces at the ends aside) is one number.
    """
    f = fold(s).strip()
    if not f:
        raise ValueError(f"not a number: {s!r}")
    m = _SLASH_FRACTION.fullmatch(f)
    if m:
        return NumberValue(_slash_value(*m.groups()))
    if f in ("半", "一半", "半个"):
        return NumberValue(Decimal("0.5"), mode="chinese")
    try:
        got = _number_at(f, 0)
    except (InvalidOperation, KeyError):  # pragma: no cover - defensive
        got = None
    if got is None or got[0] != len(f):
        raise ValueError(f"not a number: {s!r}")
    return got[1]


def parse_number(s: str) -> Decimal:
    """The exact value of a number written in ``s``: ``2,000`` ``１２`` ``一千零五`` ``1.5万``
    ``3千万`` ``二十万`` ``三点五`` ``壹佰万`` ``三分之一``. Raises ``ValueError`` on anything else."""
    return parse_number_ex(s).value


# --- scanning ---------------------------------------------------------------------------------

_MEASURE = (
    "个件项家名人次位条款年月日天周岁倍份类种所座只对双台套张本篇场届期轮级星层元块万亿米吨户支辆"
    "季章节页斤亩股圆号组处栋颗门笔枚册首句"
)
"""Measure words and units after which a lone Chinese digit is a number (三个, 一项, 五年).

Left out on purpose, because a lone digit before them is usually a word: 批 (一批), 部 (统一部署),
点 (一点), 分 (十分重要; 分之 is handled), 时 (一时), 成 (一成不变), 度 (一度), 盘 (一盘棋)."""
_MEASURE_SET = frozenset(_MEASURE)
_MEASURE_WORD = rx(r"小时|分钟|公里|公斤|平方|立方|千克|千米|万元|亿元|百分")
_HAN = rx(r"\p{Han}")
_NUMERAL_CHARS = frozenset("零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖廿卅卌十拾百佰千仟万亿")
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_WORD_BEFORE_YI = frozenset("上下同统唯万逐进专划单归合始如")
_SKIP_SPACE = rx(r"[ \t]*")


class _Raw(NamedTuple):
    """A number found by :func:`raw_numbers`; ``usable``: see :func:`_usable`."""

    start: int
    end: int
    value: NumberValue
    kind: str
    n_cn: int
    usable: bool


@per_document
def raw_numbers(f: str) -> tuple[_Raw, ...]:
    """Every number in the folded text ``f``, outside protected constructs, unfiltered.

    The building block of the other scanners (money, percent, durations, ratios): they look at
    what follows each number. Remembered for the document being parsed (see
    :mod:`~policyparse.resolvers.memo`).
    """
    prot = protected_spans(f)
    out: list[_Raw] = []
    pos = 0
    start_at = _START.match
    for candidate in _START_CANDIDATE.finditer(f):
        st = candidate.start()
        # the first candidate from pos on where _START matches is where _START.search(f, pos) finds one
        if st < pos or (f[st] not in _STARTS_HERE and start_at(f, st) is None):
            continue
        got = _number_at(f, st)
        if got is None:
            pos = st + 1
            continue
        end, nv, kind, n_cn = got
        if nv.mode == "digits" and end - st == 2 and f[st] in "零〇":
            # 两年零三个月: a connecting 零, then the number
            st += 1
            got = _number_at(f, st)
            if got is None:
                pos = st
                continue
            end, nv, kind, n_cn = got
        if prot.overlaps(st, end):
            pos = end if end > st else st + 1
            continue
        out.append(_Raw(st, end, nv, kind, n_cn, _usable(f, st, end, nv)))
        pos = end
    return _with_slash_fractions(f, prot, out)


def _with_slash_fractions(f: str, prot: SpanSet, out: list[_Raw]) -> tuple[_Raw, ...]:
    """``out`` with the Arabic slash fractions of ``f`` (1/2, 1 4/3), which the token scan does not
    read, in place of the plain numbers they cover; in text order."""
    for m in _SLASH_FRACTION.finditer(f):
        if prot.overlaps(m.start(), m.end()):
            continue
        if m.group(1) and m.start() > 0 and f[m.start() - 1] not in _SIGN_BEFORE:
            continue
        try:
            v = _slash_value(*m.groups())
        except ValueError:  # n/0, or a digit of a newer Unicode than Python's: no number
            continue
        out = [r for r in out if not (r.start < m.end() and m.start() < r.end)]
        nv = NumberValue(v)
        out.append(_Raw(m.start(), m.end(), nv, "fraction", 0, _usable(f, m.start(), m.end(), nv)))
    out.sort(key=lambda r: r.start)
    return tuple(out)


def _usable(f: str, start: int, end: int, value: NumberValue) -> bool:
    """Whether the number at ``f[start:end]`` is usable as an amount (not the tail of another
    numeral, not a 2-char digit run); worked out once, when :func:`raw_numbers` finds it."""
    if value.mode == "digits" and end - start < 3:
        return False
    if start > 0 and (f[start - 1].isdigit() or f[start - 1] in "零〇一二三四五六七八九两十百千万亿点."):
        # a connecting 零 after a unit word is fine: 两年零三个月
        return f[start - 1] in "零〇" and start > 1 and f[start - 2] not in _NUMERALISH
    return True


_NUMERALISH = frozenset("0123456789零〇一二三四五六七八九两十百千万亿点.")


def _single_cn_ok(f: str, r: _Raw) -> bool:
    """A lone Chinese numeral character counts as a number only before a measure word / unit,
    after 第/之, or away from other Han characters (``一批``, ``统一``, ``一定`` are words)."""
    before = f[r.start - 1] if r.start > 0 else ""
    j = _SKIP_SPACE.match(f, r.end).end()
    after = f[j] if j < len(f) else ""
    if before in _NUMERAL_CHARS or after in _NUMERAL_CHARS:
        return False                      # 两两, 二三: part of something else
    if f[r.start] in _FINANCIAL:          # 队伍, 放肆, 大陆, 朝花夕拾: 大写 digits alone are words
        return after in ("元", "圆", "角", "分", "月", "年", "日", "号", "个") or f.startswith(("万元", "亿元"), j)
    if before in ("第", "之", "前"):
        return True
    if f[r.start] == "一" and before in _WORD_BEFORE_YI:
        return False                      # 上一年度, 下一步, 统一, 唯一, 万一, 逐一, 进一步
    if after in _MEASURE_SET:
        return True
    if after == "分" and f.startswith("分之", j):
        return True
    if after == "点" and j + 1 < len(f) and f[j + 1] in _NUMERAL_CHARS:
        return True                       # 一点两小时 (but not 有一点)
    if _MEASURE_WORD.match(f, j):
        return True
    return after == "" or not _HAN.match(after)


def scan_numbers(s: str, *, include_single: bool = False) -> list[Mention]:
    """Numbers in running text, as :class:`Mention` (value: Decimal).

    ``kind`` is ``"cardinal"``, ``"ordinal"`` (``第十五``; the span includes 第) or ``"fraction"``.
    ``extra``: ``approx`` / ``max`` for ``十余万`` / ``几十万``, ``mode`` (``"digits"`` for
    ``二〇二三``), ``scale``.

    Skipped: numbers inside 文号 (``〔2019〕14号``), bracketed years (``[2019]``), phone numbers,
    URLs, e-mails, ID/account digit strings, section markers (``一、`` ``（二）`` ``3．``), and —
    unless ``include_single`` — lone Chinese digits that are parts of words (``一批``, ``统一``);
    Chinese digit-by-digit runs shorter than three characters (``二三十`` is not 23).
    Numbers inside dates *are* returned (``2023年6月`` → 2023, 6); drop them with
    :func:`~policyparse.resolvers.base.drop_overlapping` and :func:`scan_dates` if unwanted.
    """
    f = fold(s)
    out = []
    for r in raw_numbers(f):
        start, kind = r.start, r.kind
        nv = r.value
        if nv.mode == "digits" and r.end - r.start == 2:
            continue
        if (r.n_cn == 1 and nv.mode in ("chinese", "digits") and kind == "cardinal" and not include_single
                and not _single_cn_ok(f, r)):
            continue
        if kind == "cardinal" and start > 0 and f[start - 1] == "第":
            start -= 1
            kind = "ordinal"
        out.append(Mention(start, r.end, s[start:r.end], nv.value, kind,
                           mapping(approx=nv.approx, max=nv.max, mode=nv.mode if nv.mode == "digits" else None,
                                   scale=nv.scale if nv.scale != 1 else None)))
    return out


