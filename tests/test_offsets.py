"""Offset maps: edits, composition, and that normalized spans lead back to the raw characters."""

from __future__ import annotations

import regex

from policyparse.normalize.offsets import Edit, OffsetMap, apply_edits
from policyparse.normalize.pipeline import normalize
from tests.conftest import CORPORA, SEED_STEMS


def test_apply_edits_deletes_inserts_and_replaces() -> None:
    text, offsets = apply_edits("ab  cd", [Edit(2, 4, " "), Edit(0, 0, ">"), Edit(5, 6, "D")])
    assert text == ">ab cD"
    assert [offsets.position(i) for i in range(len(text) + 1)] == [0, 0, 1, 2, 4, 5, 6]


def test_overlapping_edits_are_refused() -> None:
    try:
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])
    except ValueError:
        return
    raise AssertionError("overlap not detected")


def test_composition_follows_both_steps() -> None:
    first_text, first = apply_edits("a  b", [Edit(1, 3, " ")])  # "a b"
    second_text, second = apply_edits(first_text, [Edit(1, 2, "")])  # "ab"
    composed = first.then(second)
    assert second_text == "ab"
    assert composed.position(1) == 3  # 'b' was at 3 in the original


def test_identity_map() -> None:
    assert OffsetMap.identity(3).span(0, 3) == (0, 3)


def test_bookmark_and_padding_map_back() -> None:
    raw = "日期：2020-06-12\u00a0\n[bookmark: _GoBack]各区县：\n联系人：周  平，电话６７５２１２０２"
    n = normalize(raw)
    assert "[bookmark" not in n.text and "周平" in n.text and "67521202" in n.text
    s = n.text.index("各区县")
    rs, re_ = n.raw_span(s, s + 3)
    assert raw[rs:re_] == "各区县"
    s = n.text.index("周平")
    rs, re_ = n.raw_span(s, s + 2)
    assert raw[rs:re_] == "周  平"


def test_every_seed_token_maps_back_to_the_same_characters() -> None:
    """Han runs and numbers of the normalized text equal the raw characters they map to."""
    for stem in SEED_STEMS:
        raw = (CORPORA / f"{stem}.txt").read_text(encoding="utf-8")
        n = normalize(raw)
        checked = 0
        for m in regex.finditer(r"\p{Han}+|\d+", n.text):
            rs, re_ = n.raw_span(m.start(), m.end())
            assert regex.sub(r"\s", "", raw[rs:re_]) == m.group(), (stem, m.group())
            checked += 1
        assert checked > 100
