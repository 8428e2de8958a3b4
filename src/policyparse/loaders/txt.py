"""Plain-text notices: detect the encoding, refuse binary junk, one SourceRef per line.

Encodings seen in the wild: UTF-8 with or without BOM, UTF-16 with BOM (Windows Notepad
"Unicode"), and GB18030/GBK from older Chinese systems. The choice is made from the bytes, never
assumed: BOM first, then strict UTF-8, then charset-normalizer's candidates together with GB18030,
scored by how much of the decoded text looks like Chinese or ASCII prose.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import accumulate
from pathlib import Path

import charset_normalizer

from policyparse.errors import BinaryContentError
from policyparse.loaders.base import LoadedText, SourceMap, line_ref

BOMS = (  # byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE)
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MIN_PLAUSIBILITY = 0.85
"""Share of characters that must look like text (CJK, ASCII, punctuation, whitespace) to accept a
decoding; random bytes decoded as GB18030 or Big5 land far below it."""

MAX_CONTROL_RATIO = 0.01
"""Above this share of control characters (other than tab/newline/CR/FF) the content is binary."""


def load_txt(data: bytes, path: str | Path) -> LoadedText:
    """Decode ``data`` (the bytes of ``path``) and map every character to its 1-based line."""
    text, encoding = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return LoadedText(text=text, source_map=_line_map(text), format="txt", encoding=encoding)


def _line_map(text: str) -> SourceMap:
    """One run per line of ``text``, its own line break included; a last line with nothing in it
    (after a final line break, or in an empty text) has no run."""
    ends = list(accumulate(len(line) + 1 for line in text.split("\n")))
    ends[-1] = len(text)  # the last line has no line break of its own
    starts = [0, *ends[:-1]]
    if starts[-1] == ends[-1]:
        del starts[-1], ends[-1]
    return SourceMap(starts, ends, [line_ref(n) for n in range(1, len(ends) + 1)])


def decode_text(data: bytes, path: str | Path) -> tuple[str, str]:
    """``(text, encoding)`` for bytes that hold text; BinaryContentError for anything else.

    The encoding is the Python codec name used (``utf-8``, ``utf-8-sig``, ``utf-16-le``,
    ``gb18030``, …). A leading BOM is removed from the text.
    """
    name = Path(path).name
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise BinaryContentError(
                    f"{name}: starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start + len(bom)}); re-save it as UTF-8",
                    path=str(path),
                ) from None
            _refuse_binary(text, name, path)
            return text, codec
    if b"\x00" in data:
        for codec in ("utf-16-le", "utf-16-be"):  # UTF-16 without BOM: one NUL per ASCII char
            text = _try_decode(data, codec)
            if text is not None and plausibility(text) >= MIN_PLAUSIBILITY:
                _refuse_binary(text, name, path)
                return text, codec
        raise BinaryContentError(
            f"{name}: contains NUL bytes and is not UTF-16 text; it is a binary file, not a text notice",
            path=str(path),
        )
    text = _try_decode(data, "utf-8")
    if text is not None:
        _refuse_binary(text, name, path)
        return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for codec in _candidates(data):
        text = _try_decode(data, codec)
        if text is None:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < MIN_PLAUSIBILITY:
        raise BinaryContentError(
            f"{name}: no text encoding gives plausible text (tried UTF-8, UTF-16, GB18030 and "
            "detected candidates); it is binary or in an unsupported encoding",
            path=str(path),
        )
    _refuse_binary(best[2], name, path)
    return best[2], best[1]


def plausibility(text: str) -> float:
    """Share of characters in ``text`` that are ordinary text: ASCII printable, whitespace, CJK
    ideographs, CJK and general punctuation, full-width forms, Latin-1 letters."""
    if not text:
        return 1.0
    good = 0
    for ch in text:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\t\n\r\f"
            or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation
            or 0xFF00 <= o <= 0xFFEF  # full-width forms
            or 0x2000 <= o <= 0x206F  # general punctuation (“ ” — …)
            or 0x3400 <= o <= 0x4DBF  # extension A
            or 0x2460 <= o <= 0x24FF  # enclosed alphanumerics ① ⑴
            or 0x3200 <= o <= 0x32FF  # enclosed CJK ㈠
            or (0xA0 <= o <= 0x17F and unicodedata.category(ch)[0] in "LPZS")
        ):
            good += 1
    return good / len(text)


def _candidates(data: bytes) -> list[str]:
    """Codecs worth trying for non-UTF-8 bytes: GB18030 (superset of GBK/GB2312) first, then
    whatever charset-normalizer proposes."""
    codecs_: list[str] = ["gb18030"]
    for match in charset_normalizer.from_bytes(data[:200_000]):
        if match.encoding not in codecs_:
            codecs_.append(match.encoding)
    codecs_.append("big5")
    return codecs_


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""A control character (Unicode Cc: U+0000-001F and U+007F-009F, a set Unicode promises never to
change) other than the whitespace controls ``\\t\\n\\v\\f\\r``. Written out for stdlib ``re``,
which scans the text for it several times faster than ``regex`` scans for ``\\p{Cc}``."""


def _refuse_binary(text: str, name: str, path: str | Path) -> None:
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or (text and controls / len(text) > MAX_CONTROL_RATIO):
        raise BinaryContentError(
            f"{name}: {controls} control characters in {len(text)} — this is binary data, not a text notice",
            path=str(path),
        )
