"""The attachment list at the end of a notice: ``附件：1.申报书.docx 2.承诺书`` → a ``list`` fact.

The shapes notices use, each opening a line:
- a cue with the first item on its line and numbered items on the lines after it
  (``附件：1.天河区人才公寓申请表（个人）.docx`` / ``2.诚信承诺书.docx``, ``附：1、推荐表；`` / ``2、…。``);
- a cue alone on its line, the numbered items below it (``附件：`` / ``1.申报书`` / ``2.承诺书``);
- one cue per attachment (``附件1：申报书`` / ``附件2：承诺书``);
- a single unnumbered attachment (``附件：项目申报书``).

Items are the attachment titles: the numbering, a trailing ；。, the file extension of a web page's
download link (.docx, .xls …) and 《》 around a whole title are not part of them. A cue inside a
sentence (``按项目申报书、附件材料顺序装订``) or a lone ``附件1`` heading over an appended form is
not a list. The span runs from the cue to the end of the last item's line.
"""

from __future__ import annotations

import regex

from policyparse.extractors.context import Context
from policyparse.models import Fact

NAME = "attachment.v1"
TYPES = ("list",)

_CUE = regex.compile(r"(?m)^(?:附件|附)(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})?[ ]?[:：][ ]?")
"""``附件：``, ``附：``, ``附件1：`` at a line start."""
_NUMBERED = regex.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、][ ]?|[（(]\d{1,2}[）)][ ]?")
"""The number in front of an item: ``1.``, ``2、``, ``（3）``."""
_EXTENSION = regex.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar|7z|txt|jpg|png)$", regex.IGNORECASE)
_TRAILING = "；;。，,、 "
_MAX_ITEM = 80
"""An attachment title is a title, not a paragraph."""


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _title(raw: str) -> str:
    """The attachment title in an item line."""
    item = raw.strip().rstrip(_TRAILING)
    item = _EXTENSION.sub("", item).rstrip(_TRAILING)
    if item.startswith("《") and item.endswith("》") and item.count("《") == 1:
        item = item[1:-1]
    return item


def _items_from(text: str, pos: int, *, numbered: bool) -> tuple[list[str], int]:
    """Items on consecutive lines from ``pos``: (titles, end of the last item line). With
    ``numbered`` every line must open with a number; the first may also follow the cue unnumbered
    only when it is the sole item."""
    items: list[str] = []
    end = pos
    while pos < len(text):
        line_end = _line_end(text, pos)
        number = _NUMBERED.match(text, pos, line_end)
        if numbered and not number:
            break
        title = _title(text[number.end() if number else pos:line_end])
        if not title or len(title) > _MAX_ITEM:
            break
        items.append(title)
        end = line_end
        pos = line_end + 1
        if not numbered:
            break
    return items, end


def extract(ctx: Context) -> list[Fact]:
    text = ctx.text
    facts = []
    taken_to = -1
    cues = list(_CUE.finditer(text))
    i = 0
    while i < len(cues):
        cue = cues[i]
        if cue.start() < taken_to:
            i += 1
            continue
        if cue.group("n"):  # 附件1：… / 附件2：…: one cue per item, consecutive lines
            items, end, j = [], cue.end(), i
            while j < len(cues) and cues[j].group("n") and (j == i or cues[j].start() == end + 1):
                title = _title(text[cues[j].end():_line_end(text, cues[j].end())])
                if not title or len(title) > _MAX_ITEM:
                    break
                items.append(title)
                end = _line_end(text, cues[j].end())
                j += 1
            i = max(j, i + 1)
        else:
            rest = cue.end()
            if rest == _line_end(text, rest):  # 附件： alone, items below
                items, end = _items_from(text, rest + 1, numbered=True)
            elif _NUMBERED.match(text, rest):
                items, end = _items_from(text, rest, numbered=True)
            else:
                items, end = _items_from(text, rest, numbered=False)
            i += 1
        if not items:
            continue
        facts.append(ctx.fact(NAME, "list", {"kind": "attachments", "items": items}, cue.start(), end,
                              rule="附件：list"))
        taken_to = end
    return facts
