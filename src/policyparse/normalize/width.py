"""Width folding by an explicit per-character table.

Policy: full-width digits and Latin letters fold to ASCII (``２０２３`` → ``2023``, ``ＰＣＴ`` → ``PCT``),
and so do ``＠`` and the space variants (ideographic space, no-break space). Chinese punctuation —
``，。：；（）《》“”％／－—～．`` — is kept exactly as written: facts quote it, and headings such as
``(一)`` versus ``（一）`` are read by the segmenter in either width. NFKC is not used: it would also
rewrite ``㈠`` and ``①`` and change string lengths.
"""

from __future__ import annotations

import re

from policyparse.normalize.offsets import OffsetMap
from policyparse.normalize.step import StepResult

FOLD_TABLE: dict[int, str] = {}
FOLD_TABLE.update({0xFF10 + i: chr(0x30 + i) for i in range(10)})  # ０-９
FOLD_TABLE.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})  # Ａ-Ｚ
FOLD_TABLE.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})  # ａ-ｚ
FOLD_TABLE.update({0xFF20: "@", 0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " "})


def _char_class(codes: list[int]) -> str:
    """A character class of ``codes`` written as ranges (the regex engine tests ranges faster)."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in runs) + "]"


_FOLDABLE = re.compile(_char_class(list(FOLD_TABLE)))
"""Plain code points only: stdlib ``re`` reads the class as ``regex`` does, and finds it several
times faster in text that is mostly Han."""
_FOLDED = {chr(c): s for c, s in FOLD_TABLE.items()}


def fold_width(text: str) -> StepResult:
    """Apply :data:`FOLD_TABLE`; one character in, one character out, so offsets are identity.

    Replaces only the characters found (``str.translate`` with a dict visits every character, and
    most notices hold few or no full-width letters and digits)."""
    folded = _FOLDABLE.sub(lambda m: _FOLDED[m.group()], text)
    return StepResult(folded, OffsetMap.identity(len(text)))
