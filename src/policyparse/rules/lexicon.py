"""The rules stage's cue words, compiled once from ``extractors/rules/cues.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from policyparse.extractors.wordset import alternation
from policyparse.resources import read_json


def _alt(words: list[str]) -> regex.Pattern:
    return regex.compile(alternation(words))


def _any(patterns: list[str]) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Cues:
    condition_title: regex.Pattern
    condition_title_stop: regex.Pattern
    category_title: regex.Pattern
    requirement_title: regex.Pattern
    max_title_chars: int
    negation: tuple[regex.Pattern, ...]
    not_negation: tuple[str, ...]
    exclusion: regex.Pattern
    exclusion_subject_heads: tuple[str, ...]
    exclusion_list: regex.Pattern
    permission: regex.Pattern
    requirement: regex.Pattern
    list_intro: regex.Pattern
    condition_prefix: tuple[regex.Pattern, ...]
    selection_any: regex.Pattern
    selection_all: regex.Pattern
    waive: tuple[regex.Pattern, ...]
    scale: tuple[tuple[regex.Pattern, float | str], ...]
    who_strip: tuple[regex.Pattern, ...]
    period: regex.Pattern
    target_strip: regex.Pattern


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_json("rules", "cues.json")
    return Cues(
        condition_title=_alt(data["condition_titles"]),
        condition_title_stop=_alt(data["condition_title_stop"]),
        category_title=_alt(data["category_titles"]),
        requirement_title=_alt(data["requirement_titles"]),
        max_title_chars=int(data["max_title_chars"]),
        negation=tuple(regex.compile(p) for p in data["negation_prefix_patterns"]),
        not_negation=tuple(data["not_negation_words"]),
        exclusion=_any(data["exclusion_patterns"]),
        exclusion_subject_heads=tuple(data["exclusion_subject_heads"]),
        exclusion_list=_any(data["exclusion_list_patterns"]),
        permission=_any(data["permission_patterns"]),
        requirement=_alt(data["requirement_words"]),
        list_intro=_any(data["list_intro_patterns"]),
        condition_prefix=tuple(regex.compile(p) for p in data["condition_prefix_patterns"]),
        selection_any=_any(data["selection_fallback_patterns"]["any"]),
        selection_all=_any(data["selection_fallback_patterns"]["all"]),
        waive=tuple(regex.compile(p) for p in data["exemption_waive_patterns"]),
        scale=tuple((regex.compile(s["pattern"]), s["factor"]) for s in data["exemption_scale_patterns"]),
        who_strip=tuple(regex.compile(p) for p in data["exemption_who_strip_patterns"]),
        period=_any(data["exemption_period_patterns"]),
        target_strip=_any(data["exemption_target_strip_patterns"]),
    )
