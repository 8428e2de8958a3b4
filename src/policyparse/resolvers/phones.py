"""Telephone numbers: Chinese landlines, mobiles, 400/800 numbers, +86 and other international forms.

Forms (after folding): ``023-67521202`` ``(023)67521202`` ``0519-88588192`` ``010-65980408-8001``
(extension) ``13812345678`` ``138 1234 5678`` ``+86 138 1234 5678`` ``0086-18911111111``
``+86 10 59081185`` ``400-810-8888``; other countries with a ``+``/``00`` prefix
(``+49 17612345678``); bare 7–8 digit local numbers (``67521202``) only next to a phone cue
(``电话``、``传真``、``热线`` … earlier on the line, or a contact table whose header names one).

Normal form (shared/FACTS.md): digits as written, area code joined by ``-``:
``(023)67521202`` → ``023-67521202``; mobiles as 11 digits; ``+86``/``0086`` dropped from the
number and kept as ``country_code``.
"""

from __future__ import annotations

import regex

from policyparse.resolvers.base import Mention, fold, lines_holding, mapping
from policyparse.resolvers.memo import per_document
from policyparse.resolvers.patterns import rx

__all__ = ["parse_phone", "scan_phones"]

_B = r"(?<![\dA-Za-z_\-./@])"           # left boundary
_E = r"(?![\dA-Za-z_@]|\.\d|-\d)"       # right boundary
_AREA = r"0(?:10|2\d|[3-9]\d{2})"       # 010, 02x, 0xxx
_LOCAL = r"[1-9]\d{2,3}[ -]?\d{4}"       # 7 or 8 digits, optionally split
_EXT = r"(?:(?:-|转|分机)\d{1,5})"
_MOBILE = r"1[3-9]\d(?:[ -]?\d{4}){2}"

_CN_INTL = rx(
    _B + r"(?P<cc>\(\+?86\)|\+86|0086|86)[ -]?"
    r"(?:(?P<mob>" + _MOBILE + r")|\(?(?P<area>0?(?:10|2\d|[3-9]\d{2}))\)?[ -]?(?P<local>" + _LOCAL + r")(?P<ext>" + _EXT + r")?)"
    + _E
)
_LANDLINE = rx(
    _B + r"(?:\((?P<area1>" + _AREA + r")\)|(?P<area2>" + _AREA + r"))[ -]?(?P<local>" + _LOCAL + r")(?P<ext>" + _EXT + r")?" + _E
)
_MOBILE_RE = rx(_B + r"(?P<mob>" + _MOBILE + r")" + _E)
_SERVICE = rx(_B + r"(?P<svc>[48]00[ -]?\d{3}[ -]?\d{4})" + _E)
_INTL = rx(
    _B + r"(?P<cc>\(\+\d{1,3}\)|\+\d{1,3}|00[ ]?[1-9]\d{0,2})[ -]?(?P<rest>\d[\d -]{5,16}\d(?:x\d{1,5})?)" + _E
)
_LOCAL_RE = rx(r"(?<![\dA-Za-z_\-./@])(?P<local>[2-8]\d{6,7})(?![\dA-Za-z_@]|\.\d|-\d)")
_GENERIC = rx(
    r"(?<![\dA-Za-z_\-./@])(?P<g>(?:\(\+?\d{1,4}\)|\+\d{1,4})?[ ]?(?:\(\d{1,5}\)[ ]?)*\d{1,12}"
    r"(?:[ ]?[-./][ ]?\d{1,10}|[ ]{1,2}\d{1,10}|\(\d\)[ ]?\d{1,10}){0,6}(?:[ ]?(?:x|X|ext\.?)[ ]?\d{1,5})?)"
    r"(?![\dA-Za-z_@]|[.\-/]\d)"
)
_DATE_LIKE = rx(r"(?:19|20)\d{2}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])")
_CUE_RIGHT_BEFORE = rx(r"(?:电话(?:号码?)?|手机(?:号码?)?|座机|传真|热线|Tel|TEL|tel|Fax|FAX)[ \t]*(?:是|为|:)?[ \t]*$")
_SEPARATOR = rx(r"[ -]")
_HOTLINE = rx(r"(?<![\d])(?P<svc>12\d{3}|95\d{3,4}|9510\d{4}|96\d{3,4})(?![\d])")
"""Service numbers: 12xxx government lines, 95xxx(x) and the 8-digit 9510xxxx national lines, 96xxx(x)
local ones. No landline opens with 9, so an 8-digit number in 9 is never a bare local one."""
_HOTLINE_AFTER = rx(r"[”\"]?\p{Han}{0,8}?(?:热线|呼叫平台|呼叫中心)")
"""``“962121”物业服务呼叫热线``, ``12345市民热线``, ``962121物业呼叫平台``: a service number named
a hotline (or a call platform) after it."""

_CUE = rx(r"电话|电\s*话|传真|热线|拨打|致电|手机|座机|联系方式|咨询|客服|Tel|TEL|tel|Fax|FAX|联系人")
_LISTED_AFTER_NUMBER = rx(r"\d[ ]?[、/或][ ]?$")
"""``客服4001117500、95588``: a number listed right after another shares its cue."""
_LINE_CUE_WINDOW = 40
_TABLE_CUE_WINDOW = 600
_UNIT_AFTER = rx(r"[ \t]*[件个元万亿项家人次年名户台套条吨米]")
_CELL_LINE = rx(r"^[ \t]*(?P<n>[2-8]\d{6,7})[ \t]*$", regex.M)


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def _norm_local(local: str) -> str:
    return _digits(local)


def _landline(area: str, local: str, ext: str | None) -> str:
    area = area if area.startswith("0") else "0" + area
    out = f"{area}-{_digits(local)}"
    if ext:
        out += "-" + _digits(ext)
    return out


def parse_phone(s: str, *, area_code: str | None = None) -> dict:
    """The normal form of one phone number written in ``s``.

    Returns ``{"number": str, "kind": "landline|mobile|service|local|international",
    "area_code"?, "country_code"?, "extension"?, "area_code_inferred"?}``. A bare local number
    gets ``area_code`` prefixed (and ``area_code_inferred: True``) when one is given.
    Raises ``ValueError`` when ``s`` is not a phone number.
    """
    f = fold(s).strip()
    m = _CN_INTL.fullmatch(f)
    if m:
        if m.group("mob"):
            return {"number": _digits(m.group("mob")), "kind": "mobile", "country_code": "86"}
        area = m.group("area")
        number = _landline(area, m.group("local"), m.group("ext"))
        return mapping(number=number, kind="landline", area_code=number.split("-")[0], country_code="86",
                       extension=_digits(m.group("ext")) if m.group("ext") else None)
    m = _LANDLINE.fullmatch(f)
    if m:
        area = m.group("area1") or m.group("area2")
        return mapping(number=_landline(area, m.group("local"), m.group("ext")), kind="landline", area_code=area,
                       extension=_digits(m.group("ext")) if m.group("ext") else None)
    m = _MOBILE_RE.fullmatch(f)
    if m:
        return {"number": _digits(m.group("mob")), "kind": "mobile"}
    m = _SERVICE.fullmatch(f)
    if m:  # digits as written: 4001117500 stays whole, 400-810-8888 and 400 810 8888 keep their groups
        return {"number": _SEPARATOR.sub("-", m.group("svc")), "kind": "service"}
    m = _HOTLINE.fullmatch(f)
    if m:
        return {"number": m.group("svc"), "kind": "service"}
    m = _INTL.fullmatch(f)
    if m and 8 <= len(_digits(m.group())) <= 15:
        cc = _digits(m.group("cc"))
        return {"number": "+" + cc + " " + m.group("rest"), "kind": "international", "country_code": cc}
    m = _LOCAL_RE.fullmatch(f)
    if m:
        local = m.group("local")
        if area_code:
            ac = area_code if area_code.startswith("0") else "0" + area_code
            return {"number": f"{ac}-{local}", "kind": "landline", "area_code": ac, "area_code_inferred": True}
        return {"number": local, "kind": "local"}
    m = _GENERIC.fullmatch(f)
    if m and 8 <= len(_digits(m.group())) <= 15 and not _DATE_LIKE.fullmatch(f):
        return {"number": m.group(), "kind": "other"}
    raise ValueError(f"not a phone number: {s!r}")


def _line_bounds(f: str, pos: int) -> tuple[int, int]:
    a = f.rfind("\n", 0, pos) + 1
    b = f.find("\n", pos)
    return a, (len(f) if b < 0 else b)


_SEVEN_DIGITS = rx(r"\d{3}[ -]?\d{4}")
r"""What every Chinese number holds: a local number (``[1-9]\d{2,3}[ -]?\d{4}``, bare or after an
area code or +86), a mobile (``1[3-9]\d[ -]?\d{4}…``), a 400/800 number (``…\d{3}[ -]?\d{4}``)."""


def _matches(pattern, f: str, windows: list[tuple[int, int]]):
    r"""``pattern``'s matches in the ``windows`` (whole lines) of ``f``, in text order.

    The same as its matches in ``f`` when each one lies within a line and holds what chose the
    windows (see :func:`~policyparse.resolvers.base.lines_holding`): no phone pattern crosses a line
    break (their spaces are ``[ ]``, never ``\s``)."""
    for start, end in windows:
        yield from pattern.finditer(f, start, end)


def _and_next_lines(f: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``windows`` (whole lines of ``f``), each with the line after it, merged where they meet.

    :data:`_CUE_RIGHT_BEFORE` ends in ``$``, which also matches before a line break that ends the
    searched stretch: a cue that ends its line also counts for a number that opens the next one."""
    out: list[tuple[int, int]] = []
    for start, end in windows:
        after = f.find("\n", end)
        end = len(f) if after == -1 else after + 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@per_document
def _phone_spans(f: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every phone number in the folded text ``f``; longest wins.

    Each scan reads only the lines that can hold one of its numbers: those holding seven digits
    (:data:`_SEVEN_DIGITS`) for the Chinese forms, those holding a phone cue for the foreign and
    unusual forms, which count only after a cue on their line (or, for the unusual ones, at the
    end of the line before); few lines hold either."""
    numbered = list(lines_holding(f, _SEVEN_DIGITS))
    cued = list(lines_holding(f, _CUE))
    cands: list[tuple[int, int, str]] = []
    for pattern, kind in ((_CN_INTL, "cn_intl"), (_LANDLINE, "landline"), (_MOBILE_RE, "mobile"),
                          (_SERVICE, "service"), (_INTL, "international")):
        for m in _matches(pattern, f, cued if kind == "international" else numbered):
            if kind == "international":
                if not 8 <= len(_digits(m.group())) <= 15:
                    continue
                a, _ = _line_bounds(f, m.start())
                if not _CUE.search(f, max(a, m.start() - 20), m.start()):
                    continue             # foreign formats only next to a phone cue
            cands.append((m.start(), m.end(), kind))
    # bare local numbers next to a cue
    for m in _matches(_LOCAL_RE, f, numbered):
        st, en = m.start(), m.end()
        if _UNIT_AFTER.match(f, en):           # 67521202件 — a count, not a phone
            continue
        a, _ = _line_bounds(f, st)
        if _CUE.search(f, max(a, st - _LINE_CUE_WINDOW), st):
            cands.append((st, en, "local"))
            continue
        if _CELL_LINE.match(f, a) and _CELL_LINE.match(f, a).end() >= en and \
                _CUE.search(f, max(0, st - _TABLE_CUE_WINDOW), st):
            cands.append((st, en, "local"))
    # anything phone-shaped right after 电话/手机/Tel (foreign or unusual formats)
    for m in _matches(_GENERIC, f, _and_next_lines(f, cued)):  # a cue of _CUE_RIGHT_BEFORE is one of _CUE
        if (m.end() - m.start() >= 8 and 8 <= len(_digits(m.group())) <= 15 and not _DATE_LIKE.fullmatch(m.group())
                and _CUE_RIGHT_BEFORE.search(f, max(0, m.start() - 10), m.start())):
            cands.append((m.start(), m.end(), "other"))
    for m in _HOTLINE.finditer(f):
        st = m.start()
        if _UNIT_AFTER.match(f, m.end()):
            continue  # 962121户: a count
        a, _ = _line_bounds(f, st)
        listed = _LISTED_AFTER_NUMBER.search(f, max(a, st - 4), st) and _CUE.search(f, max(a, st - _LINE_CUE_WINDOW), st)
        if _CUE.search(f, max(a, st - 12), st) or listed or _HOTLINE_AFTER.match(f, m.end()):
            cands.append((st, m.end(), "service"))
    out: list[tuple[int, int, str]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(c[0] < o[1] and o[0] < c[1] for o in out):
            continue
        out.append(c)
    return tuple(sorted(out))


def scan_phones(s: str, *, area_code: str | None = None) -> list[Mention]:
    """Phone numbers in running text (value: the normal-form string, see :func:`parse_phone`).

    ``kind`` is ``landline|mobile|service|local|international``; ``extra`` carries
    ``area_code``, ``country_code``, ``extension``, ``area_code_inferred``.
    """
    f = fold(s)
    out = []
    for st, en, _ in _phone_spans(f):
        text = s[st:en]
        try:
            info = parse_phone(text, area_code=area_code)
        except ValueError:  # pragma: no cover - the scan patterns are the parse patterns
            continue
        extra = {k: v for k, v in info.items() if k not in ("number", "kind")}
        out.append(Mention(st, en, text, info["number"], info["kind"], extra))
    return out


def phone_spans(f: str) -> list[tuple[int, int]]:
    """Spans of phone numbers in folded text (for the protected-construct mask)."""
    return [(a, b) for a, b, _ in _phone_spans(f)]
