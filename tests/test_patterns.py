"""The two regex engines (see :data:`policyparse.resolvers.patterns.ENGINES`) read the patterns that
opt into the standard library's ``re`` exactly as ``regex`` reads them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import regex

from policyparse.charsets import ANY_DIGIT
from policyparse.extractors import enumeration, threshold
from policyparse.metadata import jurisdiction
from policyparse.resolvers import patterns
from policyparse.resolvers.base import fold
from policyparse.resolvers.patterns import HAN_RANGES, compile_pattern, for_stdlib, rx

ROOT = Path(__file__).resolve().parent.parent


def test_han_ranges_are_regex_han_script_for_every_assigned_code_point():
    han_regex = regex.compile(r"\p{Han}")
    han_re = re.compile(f"[{HAN_RANGES}]")
    differ = [
        hex(cp) for cp in range(0x110000)
        if unicodedata.category(chr(cp)) != "Cn" and bool(han_regex.match(chr(cp))) != bool(han_re.match(chr(cp)))
    ]
    assert differ == []


def test_any_digit_holds_every_regex_digit_and_agrees_with_re_on_the_basic_plane():
    plane = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert regex.findall(r"\d", plane) == re.findall(r"\d", plane)
    every = plane + "".join(chr(c) for c in range(0x10000, 0x110000))
    assert set(regex.findall(r"\d", every)) <= set(re.findall(f"[{ANY_DIGIT}]", every))
    assert set(re.findall(r"\d", every)) <= set(regex.findall(r"\d", every))  # a re \d lookbehind is no wider


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (r"\p{Han}{2}", "ab中国c", "中国"),
    (r"[^，\p{Han}]+", "中国abc，", "abc"),
    (r"[]\p{Han}]+", "x]中]y", "]中]"),
    (r"(?<=\p{Han})\d+", "a1中23", "23"),
    (r"\\p{Han}", "x\\p{Han}", "\\p{Han}"),  # an escaped backslash, then the letters: not the class
])
def test_for_stdlib_rewrites_han_inside_and_outside_classes(pattern, text, expected):
    assert re.search(for_stdlib(pattern), text).group() == expected
    assert regex.search(pattern, text).group() == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"\bx", r"a\sb", r"[\S]"])
def test_classes_the_engines_draw_differently_are_refused(pattern):
    with pytest.raises(ValueError, match="different things"):
        compile_pattern(pattern, engine="re")


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown regex engine"):
        rx("x", engine="pcre")


def _texts() -> list[str]:
    files = sorted((ROOT / "corpora").glob("*.txt")) + sorted((ROOT / "corpora" / "unseen").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    return texts + [fold(t) for t in texts]


def _stdlib_patterns() -> list[tuple[str, int]]:
    lazy = [(p.pattern, p.flags) for p in patterns._ALL if p.engine == "re"]
    rules = jurisdiction._load_rules()
    built = [threshold._share_pattern(), threshold._holder_lead(), threshold._held_for_pattern(),
             enumeration._joint_after(), rules.org_suffix, rules.road_suffix]
    return lazy + [(p.pattern, p.flags) for p in built if isinstance(p, re.Pattern)]


def test_every_stdlib_pattern_finds_what_regex_finds_in_the_corpora():
    import policyparse.extractors.registry as registry

    registry.extractor_modules()  # import every module, so every pattern is declared
    texts = _texts()
    checked = 0
    for source, flags in _stdlib_patterns():  # a built pattern's source is already rewritten: the same test
        ours, theirs = compile_pattern(source, flags, engine="re"), regex.compile(source, flags)
        for text in texts:
            got = [(m.span(), m.groups()) for m in ours.finditer(text)]
            want = [(m.span(), m.groups()) for m in theirs.finditer(text)]
            assert got == want, source
        checked += 1
    assert checked >= 40


def test_a_lazy_pattern_compiles_once_whatever_is_read_of_it(monkeypatch):
    calls = []
    real = patterns.compile_pattern
    monkeypatch.setattr(patterns, "compile_pattern", lambda *a: calls.append(a) or real(*a))
    lazy = rx(r"(?P<n>\d+)年")
    assert lazy.groupindex == {"n": 1} and lazy.groups == 1 and lazy.search("2023年").group("n") == "2023"
    assert lazy.groupindex == {"n": 1}
    assert len(calls) == 1
