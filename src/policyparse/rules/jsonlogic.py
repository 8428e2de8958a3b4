"""Compiling a condition tree to JSON Logic (https://jsonlogic.com), so any engine can evaluate it.

The data a compiled rule reads::

    {"metrics": {"valid_patents": 60, "rd_expense_ratio": 0.03, …},   # canonical metric ids
     "qualifications": ["国家或省科学技术奖", …],                        # as the notice lists them
     "conditions": {"三/（一）:1": true, …}}                           # answers to text leaves

Mapping:

* numeric leaf → ``{">=": [{"var": "metrics.valid_patents"}, 100]}``; ``negate`` wraps it in ``!``;
* ``all`` → ``and``; ``any`` → ``or``; ``at_least N`` → ``{">=": [{"+": [{"if": [c1, 1, 0]}, …]}, N]}``;
* a ``waive`` exemption → ``{"or": [<has one of its qualifications>, leaf]}``; a ``scale`` exemption →
  ``{"if": [<has one>, <leaf with value × factor>, leaf]}``; "has one" is
  ``{"in": ["江苏专利奖", {"var": "qualifications"}]}`` (or an ``or`` of such) — an exact list
  membership, so the applicant's own wording must first be mapped to the notice's by
  :func:`policyparse.rules.match.jsonlogic_data`, which applies the tolerant matching;
* a text leaf → ``{"var": ["conditions.<leaf id>", true]}``: JSON Logic cannot read prose, so a
  qualitative condition is whatever the data says about it and *holds by default*. Its id is
  listed in the applicant's ``unevaluated``; an answer means "the condition is met" (for a
  negated leaf such as 严重失信行为: the applicant is clear of it).

JSON Logic is two-valued: a missing metric reads as null and fails its comparison. The three-valued
verdict (unknown when a figure is missing) is :func:`policyparse.rules.match.match`'s.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policyparse.rules.model import (
    Exemption,
    Group,
    Node,
    NumericCondition,
    TextCondition,
)


def _num(d: Any) -> int | float:
    d = Decimal(str(d))
    return int(d) if d == d.to_integral_value() else float(d)


def var_name(metric: str) -> str:
    """The data key of a metric (JSON Logic paths split at dots, so none may appear in a key)."""
    return metric.replace(".", "_")


def has_qualification(exemption: Exemption) -> dict:
    checks = [{"in": [q, {"var": "qualifications"}]} for q in exemption.qualifications]
    return checks[0] if len(checks) == 1 else {"or": checks}


def _comparison(leaf: NumericCondition, value: Any) -> dict:
    return {leaf.op: [{"var": f"metrics.{var_name(leaf.metric)}"}, _num(value)]}


def _numeric(leaf: NumericCondition) -> dict:
    rule: dict = _comparison(leaf, leaf.value)
    for ex in leaf.exemptions:
        if ex.kind == "waive":
            rule = {"or": [has_qualification(ex), rule]}
        elif ex.factor is not None and leaf.op in (">=", ">"):
            scaled = _comparison(leaf, Decimal(str(leaf.value)) * Decimal(str(ex.factor)))
            rule = {"if": [has_qualification(ex), scaled, rule]}
    return {"!": rule} if leaf.negate else rule


def compile_node(node: Node) -> Any:
    """The JSON Logic rule of a node."""
    if isinstance(node, NumericCondition):
        return _numeric(node)
    if isinstance(node, TextCondition):
        return {"var": [f"conditions.{node.id}", True]}
    assert isinstance(node, Group)
    parts = [compile_node(c) for c in node.children]
    if node.kind == "all":
        return True if not parts else parts[0] if len(parts) == 1 else {"and": parts}
    if node.kind == "any":
        return False if not parts else parts[0] if len(parts) == 1 else {"or": parts}
    return {">=": [{"+": [{"if": [p, 1, 0]} for p in parts]}, node.n or 0]}
