"""The canonical metric and applicant-type lexicon shared by profiles, comparisons and rules.

Notices name the same quantity many ways (有效发明专利数量 / 有效发明专利 / 发明专利拥有量); a
threshold's ``metric`` phrase is whatever the text said. :func:`resolve_metric` maps such a phrase
to one stable metric id with a canonical unit, so conditions of different notices line up and an
applicant's figures can be checked against them. The data lives in
``extractors/metrics/metrics.json`` and may be extended without code changes.

Resolution: the phrase and every alias are normalized the same way (width folded, brackets,
``的``/``年度``/``投入`` and a trailing ``数量``/``数``/``量`` removed). Chinese noun phrases are
head-final, so among the aliases found in the phrase the one ending last names the metric
(``推动高价值发明专利审查周期`` is an examination cycle, not a patent count); among those ending
at the same place the longest wins, which keeps ``新增有效发明专利`` apart from ``有效发明专利``
and ``有效发明专利`` apart from ``有效专利``. A phrase that contains no alias
resolves to ``None``; callers then key it by its own text (:func:`metric_key`), so an unknown
metric still aligns with the same wording elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from policyparse.resolvers.base import fold
from policyparse.resources import read_json

__all__ = [
    "ApplicantType", "Metric", "applicant_types_in", "metric", "metric_key", "metrics",
    "normalize_phrase", "resolve_applicant", "resolve_metric",
]

_LEXICON = ("metrics", "metrics.json")
_FILLERS = regex.compile(r"[的\s]|年度|投入|[（(][^）)]{0,12}[）)]|“|”")
_TRAILING = regex.compile(r"(?:数量|数|量)$")


@dataclass(frozen=True)
class Metric:
    """One canonical metric: stable ``id``, Chinese ``label``, canonical ``unit`` and a ``category``
    that groups slots in reports (patents, finance, staff, awards, programme, region)."""

    id: str
    label: str
    unit: str
    category: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ApplicantType:
    """A canonical applicant type (enterprise, university …) with the words notices use for it."""

    id: str
    label: str
    aliases: tuple[str, ...]


def normalize_phrase(phrase: str) -> str:
    """The comparison form of a metric phrase or alias (see the module docstring)."""
    s = _FILLERS.sub("", fold(phrase))
    return _TRAILING.sub("", s)


@lru_cache(maxsize=1)
def metrics() -> dict[str, Metric]:
    """All metrics of the lexicon by id."""
    data = read_json(*_LEXICON)
    out: dict[str, Metric] = {}
    for m in data["metrics"]:
        aliases = tuple(dict.fromkeys([m["label"], *m["aliases"]]))
        out[m["id"]] = Metric(m["id"], m["label"], m["unit"], m["category"], aliases)
    return out


@lru_cache(maxsize=1)
def _alias_index() -> list[tuple[str, str]]:
    """(normalized alias, metric id), longest alias first."""
    pairs = {(normalize_phrase(a), m.id) for m in metrics().values() for a in m.aliases}
    return sorted((p for p in pairs if p[0]), key=lambda p: (-len(p[0]), p[0]))


@lru_cache(maxsize=4096)
def resolve_metric(phrase: str) -> Metric | None:
    """The canonical metric a phrase names, or ``None`` if the lexicon knows none of its words.

    Also accepts a metric id (``"valid_patents"``), so an applicant profile may use either."""
    if phrase in metrics():
        return metrics()[phrase]
    norm = normalize_phrase(phrase)
    best: tuple[int, int] | None = None
    best_id = None
    for alias, metric_id in _alias_index():
        end = norm.rfind(alias)
        if end < 0:
            continue
        rank = (end + len(alias), len(alias))
        if best is None or rank > best:
            best, best_id = rank, metric_id
    return metrics()[best_id] if best_id else None


def metric(metric_id: str) -> Metric:
    """The metric with this id (KeyError if unknown)."""
    return metrics()[metric_id]


def metric_key(phrase: str) -> str:
    """The alignment key of a metric phrase: the canonical id, or ``zh:<normalized phrase>``."""
    found = resolve_metric(phrase)
    return found.id if found else f"zh:{normalize_phrase(phrase)}"


@lru_cache(maxsize=1)
def _applicant_types() -> tuple[ApplicantType, ...]:
    data = read_json(*_LEXICON)
    return tuple(ApplicantType(a["id"], a["label"], tuple(a["aliases"])) for a in data["applicant_types"])


@lru_cache(maxsize=1)
def _applicant_aliases() -> tuple[tuple[str, ApplicantType], ...]:
    """(alias, type) of every applicant type, longest alias first."""
    pairs = ((alias, t) for t in _applicant_types() for alias in t.aliases)
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def resolve_applicant(word: str) -> ApplicantType | None:
    """The applicant type a word names (``高等院校`` → university), or ``None``."""
    found = applicant_types_in(word)
    return found[0] if found else None


def applicant_types_in(phrase: str) -> tuple[ApplicantType, ...]:
    """Every applicant type named in a phrase, in text order: ``高等学校（科研院所）`` →
    (university, research_institute). Longest alias first, non-overlapping."""
    s = fold(phrase)
    for t in _applicant_types():
        if phrase == t.id:
            return (t,)
    taken: list[tuple[int, int, ApplicantType]] = []
    for alias, t in _applicant_aliases():
        for m in regex.finditer(regex.escape(alias), s):
            if all(m.end() <= a or m.start() >= b for a, b, _ in taken):
                taken.append((m.start(), m.end(), t))
    seen: dict[str, ApplicantType] = {}
    for _, _, t in sorted(taken, key=lambda x: x[0]):
        seen.setdefault(t.id, t)
    return tuple(seen.values())
