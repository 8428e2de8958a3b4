"""What every loader returns: raw text plus a map from each character to where it came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields

from policyparse.models import Diagnostic

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Default size limit of an input file (50 MiB); notices are rarely over 5 MiB."""


@dataclass(frozen=True)
class SourceRef:
    """The origin of a run of raw-text characters.

    Only the fields that make sense for the format are set: ``line`` for txt; ``paragraph`` or
    ``table``/``row``/``cell`` for docx; ``page`` and ``bbox`` (x0, top, x1, bottom in PDF points)
    for pdf; ``node`` (an XPath-like path) for html. ``synthetic`` marks characters the loader
    inserted itself (line breaks between paragraphs, tabs between table cells).
    """

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    node: str | None = None
    synthetic: bool = False


_LINE_REF_FIELDS = {f.name: f.default for f in fields(SourceRef)}


def line_ref(line: int) -> SourceRef:
    """``SourceRef(line=line)``, for loaders that make one per line. The very same object, made
    without the generated ``__init__`` of a frozen dataclass, which sets the nine fields one by one
    through ``object.__setattr__`` and costs about five times as much."""
    ref = object.__new__(SourceRef)
    ref.__dict__.update(_LINE_REF_FIELDS, line=line)
    return ref


@dataclass
class SourceMap:
    """Runs ``[start, end) → SourceRef`` over the raw text, sorted and non-overlapping."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    refs: list[SourceRef] = field(default_factory=list)

    def add(self, start: int, end: int, ref: SourceRef) -> None:
        """Append a run; runs must be added in text order."""
        if end <= start:
            return
        if self.ends and start < self.ends[-1]:
            raise ValueError("source map runs must be added in order")
        self.starts.append(start)
        self.ends.append(end)
        self.refs.append(ref)

    def locate(self, offset: int) -> SourceRef | None:
        """The origin of the raw character at ``offset``, or None if no run covers it."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.refs[i]
        return None

    def __len__(self) -> int:
        return len(self.starts)


class TextAssembler:
    """Builds raw text piece by piece while recording each piece's origin."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.source_map = SourceMap()

    def append(self, piece: str, ref: SourceRef) -> None:
        if not piece:
            return
        self.source_map.add(self._length, self._length + len(piece), ref)
        self._parts.append(piece)
        self._length += len(piece)

    def newline(self) -> None:
        """End the current line, unless the text is empty or already ends one."""
        if self._length and not self.endswith("\n"):
            self.append("\n", SourceRef(synthetic=True))

    def endswith(self, suffix: str) -> bool:
        return bool(self._parts) and "".join(self._parts[-2:]).endswith(suffix)

    def __len__(self) -> int:
        return self._length

    def text(self) -> str:
        return "".join(self._parts)


@dataclass
class LoadedText:
    """The result of loading one file: raw text, its source map, and load-time notes."""

    text: str
    source_map: SourceMap
    format: str
    encoding: str | None = None
    pages: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str | None = None
    """Hex SHA-256 of the bytes the text was read from (set by :func:`policyparse.loaders.load`)."""
