"""Precision / recall / F1 of facts per type, metadata accuracy and heading F1.

Facts are scored over *distinct* (type, value) per document: the same value written twice is
one item on each side. Matching is one-to-one and greedy, with :func:`values_match` deciding; a
left-over prediction that :func:`values_match` equates with a gold value already matched is a
repeat of a right value (a threshold read twice with different subjects) and is not counted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from policyparse.evaluation.matching import canonical, unspaced, values_match

CORE_TYPES = (
    "money", "percent", "ratio", "date", "period", "duration", "doc_number", "reference", "phone", "email", "url",
    "threshold",
)
"""The core fact types of the quality target."""

METADATA_FIELDS = ("title", "doc_number", "issuers", "addressees", "publish_date", "policy_year", "jurisdiction")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """The score of one document, with the unmatched items kept for reading."""

    name: str
    by_type: dict[str, Counts] = field(default_factory=dict)
    missed: list[tuple[str, Any]] = field(default_factory=list)
    spurious: list[tuple[str, Any]] = field(default_factory=list)
    metadata: dict[str, bool] = field(default_factory=dict)
    headings: Counts = field(default_factory=Counts)


def _distinct(facts: Iterable[dict]) -> dict[str, list[Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for fact in facts:
        out[fact["type"]].setdefault(canonical(fact["value"]), fact["value"])
    return {t: list(v.values()) for t, v in out.items()}


def score_facts(predicted: Iterable[dict], gold: Iterable[dict]) -> tuple[dict[str, Counts], list, list]:
    """Per-type counts over distinct values, and the missed / spurious values."""
    pred, want = _distinct(predicted), _distinct(gold)
    counts: dict[str, Counts] = {}
    missed, spurious = [], []
    for fact_type in sorted(set(pred) | set(want)):
        remaining = list(pred.get(fact_type, []))
        c = Counts()
        matched = []
        for g in want.get(fact_type, []):
            hit = next((i for i, p in enumerate(remaining) if values_match(fact_type, p, g)), None)
            if hit is None:
                c.fn += 1
                missed.append((fact_type, g))
            else:
                c.tp += 1
                remaining.pop(hit)
                matched.append(g)
        # a second prediction the comparator cannot tell from a value already matched (the same
        # threshold read with another subject) repeats a right value: neither a hit nor spurious
        remaining = [p for p in remaining if not any(values_match(fact_type, p, g) for g in matched)]
        c.fp = len(remaining)
        spurious.extend((fact_type, p) for p in remaining)
        counts[fact_type] = c
    return counts, missed, spurious


_TRAILING_PUNCTUATION = "；;。，,：:"
"""What may close a list item written as a heading (``（一）举报事实清楚…；``): punctuation, not title."""


def _fold_brackets(s: str) -> str:
    """Brackets width-insensitive, whitespace and a closing punctuation mark dropped (``一、 优化…``
    is ``一、优化…``, ``（一）…属实；`` is ``（一）…属实``: layout and punctuation, not the heading)."""
    return "".join(s.replace("(", "（").replace(")", "）").split()).rstrip(_TRAILING_PUNCTUATION)


def _scored_heading(section: dict) -> bool:
    """Whether gold would list this section: a heading of the 一、 or （一） tier, or a part of the
    notice (the segmenter's chapters, 第X章 and 第X节; gold leaves its 第X条 articles out)."""
    marker = section["marker"]
    if section["kind"] == "chapter":
        return True
    return section["kind"] == "heading" and marker[:1] in "一二三四五六七八九十（(" and not marker[1:2].isdigit()


def score_headings(document: dict, gold_headings: list[str]) -> Counts:
    """Gold lists the 一、 and （一） tiers and the parts (第X章) as marker + title; brackets compare
    width-insensitively, spaces and a closing punctuation mark are ignored."""
    ours = {_fold_brackets(s["marker"] + s["title"]) for s in document["sections"] if _scored_heading(s)}
    gold = {_fold_brackets(h) for h in gold_headings}
    return Counts(tp=len(ours & gold), fp=len(ours - gold), fn=len(gold - ours))


def score_metadata(document: dict, gold: dict) -> dict[str, bool]:
    out = {}
    for key in METADATA_FIELDS:
        if key not in gold:
            continue
        got = document["metadata"].get(key)
        want = gold[key]
        if key == "jurisdiction":
            got = {k: (got or {}).get(k) for k in want}
        if isinstance(got, list):
            got = list(got)
        # 嘉定区水务局 嘉定区财政局关于…, 关于印发 《…》: spaces in a title are layout (as in references)
        out[key] = unspaced(got) == unspaced(want) if key == "title" else got == want
    return out


def score_document(name: str, document: dict, gold: dict) -> DocumentScore:
    counts, missed, spurious = score_facts(document["facts"], gold.get("facts", []))
    return DocumentScore(
        name=name,
        by_type=counts,
        missed=missed,
        spurious=spurious,
        metadata=score_metadata(document, gold.get("metadata", {})),
        headings=score_headings(document, gold.get("headings", [])),
    )


def totals(scores: list[DocumentScore]) -> tuple[dict[str, Counts], Counts, Counts]:
    """Per-type totals, the core micro-average, and heading totals."""
    by_type: dict[str, Counts] = defaultdict(Counts)
    headings = Counts()
    for s in scores:
        for t, c in s.by_type.items():
            by_type[t].add(c)
        headings.add(s.headings)
    core = Counts()
    for t in CORE_TYPES:
        if t in by_type:
            core.add(by_type[t])
    return dict(by_type), core, headings
