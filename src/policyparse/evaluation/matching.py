"""When does a predicted fact count as the gold fact? One comparator per fact type.

Most types compare their normalized values exactly. Three are compared on what they mean rather
than on free wording the contract leaves open:

- ``threshold``: op, value and unit must be equal; metric names are free text (``有效专利`` vs
  ``有效专利数量``), so they match when one contains the other after dropping filler words
  (数量/的/量/总额…), or when they share most characters, with or without a bracketed qualifier;
- ``money``: amount (or min/max) and bound must be equal; ``per`` only when the gold states it;
- ``list``: same kind and at least half of the items shared (lists end with 等 and are cut in
  different places by annotators);
- ``reference``: title and 文号 equal up to whitespace (a space between two issuers in a title is
  layout, and the normalized text drops it).
"""

from __future__ import annotations

import json
from typing import Any

import regex

_FILLER = regex.compile(r"数量|的|量|总额|金额|额|数|情况|水平")


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _metric_key(metric: str) -> str:
    return _FILLER.sub("", regex.sub(r"[\s“”\"（）()]", "", metric or ""))


_ASIDE = regex.compile(r"[（(][^（）()]*[）)]")


def metrics_match(a: str, b: str) -> bool:
    """Whether two metric names name the same measure (see the module docstring); a bracketed
    qualifier (``新车发票金额（不含税价）``, ``单台设备价值（含税）``) may be left out on either side,
    as the extractor leaves it out of the metric and keeps it in the span."""
    return _keys_match(a, b) or (("（" in a + b or "(" in a + b) and _keys_match(_ASIDE.sub("", a), _ASIDE.sub("", b)))


def _keys_match(a: str, b: str) -> bool:
    ka, kb = _metric_key(a), _metric_key(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return True
    shared = len(set(ka) & set(kb))
    return shared / max(len(set(ka)), len(set(kb))) >= 0.8


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def values_match(fact_type: str, predicted: Any, gold: Any) -> bool:
    """Whether a predicted value counts as the gold value (see the module docstring)."""
    if fact_type == "threshold":
        return (
            predicted.get("op") == gold.get("op")
            and _num(predicted.get("value")) == _num(gold.get("value"))
            and (predicted.get("unit") or None) == (gold.get("unit") or None)
            and metrics_match(predicted.get("metric", ""), gold.get("metric", ""))
        )
    if fact_type == "money":
        same = all(_num(predicted.get(k)) == _num(gold.get(k)) for k in ("amount", "min", "max"))
        bound = (predicted.get("bound") or "exact") == (gold.get("bound") or "exact")
        per = "per" not in gold or predicted.get("per") == gold.get("per")
        return same and bound and per
    if fact_type == "list":
        if predicted.get("kind") != gold.get("kind"):
            return False
        p, g = set(predicted.get("items", [])), set(gold.get("items", []))
        return bool(g) and len(p & g) / len(g) >= 0.5
    if fact_type in ("percent",):
        return _num(predicted) == _num(gold)
    if fact_type == "ratio":
        return [_num(x) for x in predicted] == [_num(x) for x in gold]
    if fact_type == "quota":
        return predicted.get("max") == gold.get("max") and predicted.get("unit") == gold.get("unit")
    if fact_type == "reference":
        return unspaced(predicted) == unspaced(gold)
    return canonical(predicted) == canonical(gold)


def unspaced(value: Any) -> str:
    """A value's JSON without whitespace: spaces inside a Chinese title (``福建省工业和信息化厅 福建省
    财政厅关于…``) are layout, and normalization removes them from the text."""
    return "".join(canonical(value).split())
