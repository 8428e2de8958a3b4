"""The fast paths of the txt loader, normalization and segmentation against the straightforward ones.

Each fast path claims to give exactly what a plainer computation gives (a prefilter that only skips
what cannot match, stdlib ``re`` for a pattern of plain characters, a table built on demand); these
tests hold them to it on the corpora and on strings made to hit the edges.
"""

from __future__ import annotations

import random

import regex

from policyparse.loaders import txt
from policyparse.loaders.base import SourceRef, TextAssembler, line_ref
from policyparse.normalize import artifacts, dedupe, width
from policyparse.normalize.offsets import Edit, OffsetMap, apply_edits
from policyparse.normalize.pipeline import STEPS, normalize
from policyparse.segment.markers import (
    _MAY_START,
    MARKER,
    line_marker,
    marker_matches,
)
from policyparse.segment.tree import build_sections
from tests.conftest import CORPORA

_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*.txt")) + sorted(CORPORA.glob("unseen/*.txt"))]
_PIECES = list("第一二三十百两〇零章节条点件款、（）()（0123456789.．：: \t。！？；，😀𝟘附xA") + [
    "\n", "\n\n", "附件1", "第十二条", "（一）", "(2)", "12.", "1.5", "十一、", "\n附件", "第1.", "😀1.", "⑳",
    "一、总体要求。", "（责任单位：市科技局）", "[bookmark: _GoBack]", "\u200b", "\r\n", "\u2028", "１２", "Ａ", "\u3000",
]


def _made_up(seed: int, count: int = 400) -> list[str]:
    """Random strings of marker-ish and whitespace pieces, and shuffled corpus lines repeated."""
    rnd = random.Random(seed)
    out = ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 60))) for _ in range(count)]
    for _ in range(count // 4):
        lines = rnd.choice(_TEXTS).split("\n")
        pick = [rnd.choice(lines) for _ in range(rnd.randint(1, 20))]
        out.append("\n".join(pick + pick[: rnd.randint(0, len(pick))]))
    return out


def test_markers_may_start_only_where_the_prefilter_says() -> None:
    for text in _TEXTS + _made_up(1):
        for pos in range(len(text)):
            if MARKER.match(text, pos):
                assert _MAY_START.match(text, pos), (text, pos)


def test_markers_are_the_matches_of_a_plain_scan() -> None:
    for text in _TEXTS + _made_up(2):
        assert _span_list(marker_matches(text)) == _span_list(MARKER.finditer(text))


def test_line_marker_is_the_marker_a_plain_match_finds() -> None:
    for text in _TEXTS + _made_up(3):
        for line in text.split("\n"):
            start = len(line) - len(line.lstrip(" \t\u3000\xa0"))
            plain = MARKER.match(line, start)
            found = line_marker(line)
            assert ((found.start, found.end) if found else None) == (plain.span() if plain else None)


def _span_list(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def test_sentence_units_tile_the_text_as_regex_finds_them() -> None:
    plain = regex.compile(dedupe._UNIT.pattern)
    for text in _TEXTS + _made_up(8):
        units = dedupe._units(text)
        assert "".join(units) == text
        assert units == [m.group() for m in plain.finditer(text) if m.end() > m.start()]


def _plain_scrape_repeats(text: str) -> list[Edit]:
    """The rule of :mod:`policyparse.normalize.dedupe`, unit by unit (the edits it makes)."""
    units = [(m.start(), m.end()) for m in regex.finditer(dedupe._UNIT.pattern, text) if m.end() > m.start()]
    seen: set[str] = set()
    repeated, lengths = [], []
    for start, end in units:
        key = "".join(text[start:end].split())
        lengths.append(len(key))
        repeated.append(
            bool(key) and key in seen and not dedupe._enumerated(text, start, end) and not dedupe._RESPONSIBILITY.match(key)
        )
        if key:
            seen.add(key)
    n = len(units)
    in_run = [repeated[i] and ((i > 0 and repeated[i - 1]) or (i + 1 < n and repeated[i + 1])) for i in range(n)]
    scraped = sum(in_run) >= 2 or any(r and k >= dedupe.PARAGRAPH_CHARS for r, k in zip(repeated, lengths))
    drop = [
        repeated[i]
        and (lengths[i] >= dedupe.PARAGRAPH_CHARS or (scraped and (lengths[i] >= dedupe.MIN_UNIQUE_CHARS or in_run[i])))
        for i in range(n)
    ]
    edits = [Edit(s, e - 1 if text[e - 1] == "\n" else e, "") for (s, e), d in zip(units, drop) if d]
    return [e for e in edits if e.end > e.start]


def test_scrape_repeats_drop_what_the_plain_rule_drops() -> None:
    dropped = 0
    for text in _TEXTS + _made_up(4):
        expected_text, _ = apply_edits(text, _plain_scrape_repeats(text))
        result = dedupe.remove_scrape_repeats(text)
        assert result.text == expected_text
        dropped += result.text != text
    assert dropped > 20


def test_artifacts_and_width_as_regex_finds_them() -> None:
    art, breaks = regex.compile(artifacts._ARTIFACT.pattern), regex.compile(artifacts._LINE_BREAK.pattern)
    foldable = regex.compile(width._FOLDABLE.pattern)
    for text in _TEXTS + _made_up(5):
        edits = [Edit(m.start(), m.end(), "") for m in art.finditer(text)]
        edits += [Edit(m.start(), m.end(), "\n") for m in breaks.finditer(text)]
        try:
            expected = apply_edits(text, edits)[0]
        except ValueError:  # a line break inside an export marker: both refuse it
            continue
        assert artifacts.remove_artifacts(text).text == expected
        assert width.fold_width(text).text == foldable.sub(lambda m: width._FOLDED[m.group()], text)


def _eager_map(raw: str) -> tuple[str, list[int]]:
    """Run the steps composing their tables at once, with a plain Python gather."""
    text, table = raw, list(range(len(raw) + 1))
    for step in STEPS:
        result = step(text)
        table = [table[i] for i in result.offsets.to_input]
        text = result.text
    return text, table


def test_maps_built_on_demand_equal_maps_composed_at_once() -> None:
    for raw in _TEXTS[:8] + _made_up(6, 150):
        try:
            text, table = _eager_map(raw)
        except ValueError:
            continue
        n = normalize(raw)
        assert n.text == text and list(n.to_raw.to_input) == table
        assert len(n.to_raw) == len(text)


def test_identity_map_reads_as_counting() -> None:
    assert list(OffsetMap.identity(4).to_input) == [0, 1, 2, 3, 4]
    assert OffsetMap.identity(4).then(OffsetMap([0, 2, 4])).span(0, 2) == (0, 3)


def test_section_ends_are_the_next_heading_of_the_same_or_a_higher_level() -> None:
    for text in _TEXTS + _made_up(7):
        sections = build_sections(text)
        for i, s in enumerate(sections):
            end = next((later.span[0] for later in sections[i + 1:] if later.level <= s.level), len(text))
            assert s.span == (s.span[0], max(end, s.span[0] + len(s.marker)))


def test_line_refs_are_the_refs_the_dataclass_makes() -> None:
    for n in (1, 2, 57, 10_000):
        fast, plain = line_ref(n), SourceRef(line=n)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert list(vars(fast).items()) == list(vars(plain).items())


def test_txt_line_map_is_the_map_a_line_by_line_assembly_builds() -> None:
    for text in _TEXTS + _made_up(9) + ["", "\n", "\n\n", "a", "a\n", "a\nb", "\na\n\nb\n"]:
        loaded = txt.load_txt(text.encode("utf-8"), "notice.txt")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        out = TextAssembler()
        lines = text.split("\n")
        for n, line in enumerate(lines, start=1):
            out.append(line + "\n" if n < len(lines) else line, SourceRef(line=n))
        assert loaded.text == out.text() == text
        assert loaded.source_map == out.source_map


def test_control_characters_as_regex_finds_them() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    plain = regex.compile(r"[^\P{Cc}\t\n\r\f\v]")
    assert txt._CONTROL.findall(every) == plain.findall(every)
