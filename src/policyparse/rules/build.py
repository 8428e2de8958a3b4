"""From a parsed notice to its :class:`~policyparse.rules.model.RuleSet`.

Only the parsed :class:`~policyparse.models.Document` is read — its sections, facts and text; no
notice-specific strings. The steps:

1. **Where.** Condition sections (申报条件, 支持对象及条件, 申报主体 …) and requirement sections
   (申报要求 …) come from :mod:`policyparse.rules.scope`.
2. **Who.** A condition section whose numbered children each hold their own list and are headed by
   an applicant (``（一）企业作为申报主体应具备以下条件`` … ``（三）知识产权服务机构应具备下列条件``)
   splits into one block per applicant type; otherwise the section's types are named by its title,
   the first clause of its lead (``申报企业应同时满足以下条件``), the first clause of its first item
   (``建设主体应为区内注册的企业``) or its thresholds' ``subject``. Lead sentences opening with
   ``以X作为申报主体时`` apply to X only. Types come from the applicant lexicon
   (:func:`policyparse.metrics.applicant_types_in`); a heading it does not know (``市级拔尖人才``)
   becomes a type of its own, ``zh:<heading>``.
3. **How many.** A block's items combine by its selection rule: ``应同时满足以下条件`` → ``all``,
   ``满足下列条件之一`` → ``any``, ``N项以上`` → ``at_least N``; ``all`` when none is stated.
4. **What.** Each item is split into sentences and clauses (brackets kept whole): a clause holding a
   threshold fact becomes a numeric leaf (metric resolved by :func:`policyparse.metrics.resolve_metric`,
   a bracketed aside after it kept as ``note``); thresholds joined by 或 become an ``any``;
   ``无X`` becomes the negated text leaf ``X``; a sentence ``…的单位不得参加/不再承担…`` the negated
   text leaf of its subject; clauses granting a permission (``可单独申报``) or introducing a list
   (``具备以下条件``) are not conditions; consecutive other clauses form one qualitative text leaf.
   Exemptions (:mod:`policyparse.rules.exemptions`) attach to the numeric leaves they lift.
   Under an ``any`` / ``at_least`` node, exclusions are hoisted to the enclosing ``all``: they hold
   whichever alternative is taken.
5. **Exclusions elsewhere.** Requirement sections contribute only their exclusion sentences, to
   every applicant type; a lead ``有下列情形之一的，不得申报`` turns its items into negated leaves.

KPI thresholds (``kind == "kpi"``) are not eligibility: they go to ``obligations``. A notice with no
condition section (an action plan) gets no applicant trees and a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from policyparse.metrics import applicant_types_in
from policyparse.models import Document, Fact, Section
from policyparse.resolvers.numerals import parse_number
from policyparse.rules import display
from policyparse.rules.exemptions import find_exemptions
from policyparse.rules.jsonlogic import compile_node
from policyparse.rules.lexicon import cues
from policyparse.rules.model import (
    ApplicantRules,
    Exemption,
    Funding,
    Group,
    Node,
    NoticeRef,
    NumericCondition,
    RuleSet,
    TextCondition,
    leaves,
)
from policyparse.rules.scope import (
    condition_sections,
    is_condition_title,
    metric_of,
    requirement_sections,
)
from policyparse.rules.text import CLOSE, OPEN, clauses, sentences, trim
from policyparse.segment.index import SectionIndex

_INCLUSIVE = {">=": True, "<=": True, "==": True, ">": False, "<": False}
_FUNDING_ROLES = ("funding", "subsidy", "reward")
_OR_BETWEEN = regex.compile(r"^[\s，,]*(?:或者|或是|或)[\s]*$")
_ANY_TYPE = "any"
_HEADING_STATES = regex.compile(r"作为|应|须|需|必须|具备|满足|符合")
_PREFIX_ONLY = regex.compile(r"[^，。；]{0,24}(?:作为|为)[^，。；]{0,12}(?:时|的)")
_JOINERS = regex.compile(r"[（）()、和及与\s]")


TypeKey = str


@dataclass
class _Leaves:
    """What a run of text yields: conditions for every type of its block, conditions for named
    types only, and whether it introduced a list of exclusions."""

    nodes: list[Node] = field(default_factory=list)
    targeted: list[tuple[tuple[TypeKey, ...], Node]] = field(default_factory=list)
    exclusion_list: bool = False


_POINTS_BACK = regex.compile(r"以上|上述|前述")
"""A rule after a list that refers back to its items (满足以上条件（一）或者（二）)."""


def _type_label(key: TypeKey) -> str:
    if key.startswith("zh:"):
        return key[3:]
    for t in applicant_types_in(key):
        return t.label
    return key


def _types_named(phrase: str) -> tuple[TypeKey, ...]:
    return tuple(t.id for t in applicant_types_in(phrase) if t.id != _ANY_TYPE)


class _Builder:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.text = document.text
        self.index = SectionIndex(document.sections)
        self.cues = cues()
        self.thresholds = sorted((f for f in document.facts if f.type == "threshold" and f.kind != "kpi"),
                                 key=lambda f: f.span)
        self.selection_rules = [f for f in document.facts if f.type == "selection_rule"]
        self.exemptions = find_exemptions(document)
        self.conditions = condition_sections(self.index)
        self.requirements = requirement_sections(self.index)
        self.counters: dict[str, int] = {}
        self.notes: list[str] = []
        self.exemptions_of = self._attach_exemptions()

    # -- ids and leaves ---------------------------------------------------------------------------
    def _id(self, offset: int, suffix: str = "") -> tuple[str, str | None]:
        section = self.index.at(offset)
        key = (section or "_") + suffix
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{key}:{self.counters[key]}", section

    def text_leaf(self, start: int, end: int, *, negate: bool = False, cue: str | None = None,
                  period: str | None = None) -> TextCondition:
        start, end = trim(self.text, start, end)
        leaf_id, section = self._id(start)
        return TextCondition(id=leaf_id, negate=negate, cue=cue, period=period, text=self.text[start:end],
                             span=(start, end), section=section)

    def numeric_leaf(self, fact: Fact, *, negate: bool = False) -> NumericCondition:
        value = fact.value_json()
        key, label = metric_of(value["metric"], value.get("unit"))
        leaf_id, section = self._id(fact.span[0])
        return NumericCondition(
            id=leaf_id, metric=key, metric_label=label, metric_phrase=value["metric"], op=value["op"],
            value=value["value"], unit=value.get("unit"), inclusive=_INCLUSIVE[value["op"]],
            period=value.get("period"), negate=negate, exemptions=self.exemptions_of.get(fact.span, ()),
            note=self._aside_after(fact.span[1]), text=fact.text, span=fact.span, section=section,
        )

    def _aside_after(self, end: int) -> str | None:
        """A bracketed aside right after a threshold: ``（进入国家阶段的PCT专利申请可按1:2抵算…）``."""
        if end >= len(self.text) or self.text[end] not in "（(":
            return None
        depth = 0
        for i in range(end, min(len(self.text), end + 200)):
            if self.text[i] in OPEN:
                depth += 1
            elif self.text[i] in CLOSE:
                depth -= 1
                if depth == 0:
                    return self.text[end + 1:i]
        return None

    def _attach_exemptions(self) -> dict[tuple[int, int], tuple[Exemption, ...]]:
        """Which threshold facts each exemption lifts: those of its targets in its own section,
        else in the condition section holding it."""
        out: dict[tuple[int, int], list[Exemption]] = {}
        for ex in self.exemptions:
            keyed = [(f, metric_of(f.value_json()["metric"], f.value_json().get("unit"))[0]) for f in self.thresholds]
            hits = [f for f, k in keyed if k in ex.targets and f.section == ex.section]
            if not hits:
                top = self._top_condition(ex.span[0])
                hits = [f for f, k in keyed if k in ex.targets and top is not None
                        and top.span[0] <= f.span[0] < top.span[1]]
            if not hits:
                self.notes.append(f"exemption {ex.id} ({ex.text}) names no condition found in the notice")
            for f in hits:
                out.setdefault(f.span, []).append(ex)
        return {k: tuple(v) for k, v in out.items()}

    def _top_condition(self, offset: int) -> Section | None:
        return next((s for s in self.conditions if s.span[0] <= offset < s.span[1]), None)

    # -- reading a run of text --------------------------------------------------------------------
    def _thresholds_in(self, start: int, end: int) -> list[Fact]:
        """Threshold facts whose quantity ends inside ``[start, end)``."""
        return [f for f in self.thresholds if start <= f.span[1] - 1 < end]

    def _exemption_covers(self, start: int, end: int) -> bool:
        return any(ex.span[0] <= start and end <= ex.span[1] + 2 for ex in self.exemptions)

    def _selection_covers(self, start: int, end: int) -> bool:
        return any(f.span[0] < end and start < f.span[1] for f in self.selection_rules)

    def _negation(self, start: int, end: int) -> tuple[int, str, str | None] | None:
        """``近三年无不良信用记录`` → (offset of 不良信用记录, "无", "近三年")."""
        clause = self.text[start:end]
        for pattern in self.cues.negation:
            m = pattern.match(clause)
            if m and not clause[m.start("cue"):].startswith(self.cues.not_negation):
                return start + m.end(), m.group("cue"), m.group("period")
        return None

    def _strip_trailing_aside(self, start: int, end: int) -> int:
        if end > start and self.text[end - 1] in CLOSE:
            depth = 0
            for i in range(end - 1, start, -1):
                if self.text[i] in CLOSE:
                    depth += 1
                elif self.text[i] in OPEN:
                    depth -= 1
                    if depth == 0:
                        return i if i > start + 1 else end
        return end

    def _exclusion_sentence(self, s0: int, s1: int) -> tuple[TextCondition | None, bool]:
        """A sentence excluding applicants: (negated leaf of its subject, whether it opens a list)."""
        sentence = self.text[s0:s1]
        m = self.cues.exclusion.search(sentence)
        if not m:
            return None, False
        subject_end = s0 + m.start()
        a, b = trim(self.text, s0, subject_end)
        is_list = bool(self.cues.exclusion_list.search(sentence))
        if is_list or a >= b:
            return None, is_list
        words = self.text[a:b]
        if not words.endswith(self.cues.exclusion_subject_heads):
            return None, False
        return self.text_leaf(a, b, negate=True, cue=m.group()), False

    def run_of_text(self, start: int, end: int, *, negate: bool = False) -> _Leaves:
        """The conditions stated in ``text[start:end]`` (all negated when ``negate``: a list of exclusions)."""
        out = _Leaves()
        for s0, s1 in sentences(self.text, start, end):
            excluded, is_list = self._exclusion_sentence(s0, s1)
            if is_list:
                out.exclusion_list = True
            elif excluded is not None:
                out.nodes.append(excluded)
            else:
                target, found = self._sentence(s0, s1, negate)
                if target is not None:
                    out.targeted.extend((target, n) for n in found)
                else:
                    out.nodes.extend(found)
        return out

    def _target(self, parts: list[tuple[int, int]]) -> tuple[TypeKey, ...] | None:
        """The applicant types a sentence opening ``以X作为申报主体时`` binds alone."""
        if not parts:
            return None
        first = self.text[parts[0][0]:parts[0][1]]
        for pattern in self.cues.condition_prefix:
            m = pattern.match(first)
            if m and _types_named(m.group("who")):
                return _types_named(m.group("who"))
        return None

    def _sentence(self, s0: int, s1: int, negate: bool) -> tuple[tuple[TypeKey, ...] | None, list[Node]]:
        """The conditions of one sentence, clause by clause, and the types it binds alone (or None)."""
        text = self.text
        parts = clauses(text, s0, s1)
        target = self._target(parts)
        found: list[Node] = []
        pending: list[tuple[int, int]] = []

        def flush() -> None:
            if pending:
                found.append(self.text_leaf(pending[0][0], pending[-1][1], negate=negate))
                pending.clear()

        for a, b in parts:
            words = text[a:b]
            if self._exemption_covers(a, b) or self.cues.list_intro.search(words) or self._selection_covers(a, b):
                flush()
                continue
            if self.cues.permission.search(words) and not self.cues.requirement.search(words):
                while pending and text[pending[-1][1] - 1] in "时的":
                    pending.pop()  # 以企业作为申报主体时，还可以…: the condition of a permission
                flush()
                break
            facts = self._thresholds_in(a, b)
            if facts:
                flush()
                found.extend(self.numeric_leaf(f, negate=negate) for f in facts)
                continue
            neg = self._negation(a, b)
            if neg is not None:
                flush()
                x0, x1 = neg[0], self._strip_trailing_aside(neg[0], b)
                if x0 < x1:
                    found.append(self.text_leaf(x0, x1, negate=not negate, cue=neg[1], period=neg[2]))
                continue
            if target is not None and _PREFIX_ONLY.fullmatch(words):
                continue  # the 以X作为申报主体时 prefix itself
            pending.append((a, b))
        flush()
        return target, self._join_alternatives(found)

    def _join_alternatives(self, nodes: list[Node]) -> list[Node]:
        """Conditions of one sentence joined by 或 become one ``any`` node: thresholds with only 或
        between them (``有效专利数量不少于100件或有效发明专利数量不少于50件``), and a leaf opening
        with 或 after a threshold (``…三等奖两项以上，或县级…二等奖两项以上，或市级…二等奖以上的主要完成者``)."""
        out: list[Node] = []
        run: list[Node] = []

        def close() -> None:
            if len(run) > 1:
                leaf_id, section = self._id(run[0].span[0], "#or")
                out.append(Group(kind="any", id=leaf_id, label="或", span=(run[0].span[0], run[-1].span[1]),
                                 section=section, children=tuple(run)))
            else:
                out.extend(run)
            run.clear()

        for node in nodes:
            joins = bool(run) and not node.negate and (
                node.text.startswith(("或", "或者"))
                or (isinstance(node, NumericCondition) and _OR_BETWEEN.match(self._between(run[-1].span[1], node.span[0]))))
            if joins:
                run.append(node)
                continue
            close()
            if isinstance(node, NumericCondition) and not node.negate:
                run.append(node)
            else:
                out.append(node)
        close()
        return out

    def _between(self, end: int, start: int) -> str:
        """The words between two thresholds, without a bracketed aside."""
        gap = self.text[end:start] if start >= end else ""
        return regex.sub(r"[（(][^（）()]*[）)]", "", gap)

    # -- blocks -----------------------------------------------------------------------------------
    def _selection(self, section: Section) -> tuple[str, int | None]:
        """How many of a section's items an applicant must meet: the N-of-M rule of its lead, or
        one stated after the items that points back at them (``企业满足以上条件（一）或者（二）``)."""
        start, end = SectionIndex.body_start(section), self.index.lead_end(section)
        kids = self.index.children(section.id)
        for fact in self.selection_rules:
            value = fact.value_json()
            after_items = (bool(kids) and kids[0].span[0] <= fact.span[0] < section.span[1]
                           and _POINTS_BACK.search(fact.text) is not None and value.get("of") == len(kids))
            if start <= fact.span[0] < end or after_items:
                n, of = value["at_least"], value.get("of")
                if of is not None and n >= of:
                    return "all", None
                return ("any", None) if n == 1 else ("at_least", n)
        lead = self.text[start:end]
        if self.cues.selection_any.search(lead):
            return "any", None
        return "all", None

    def block_types(self, section: Section) -> tuple[TypeKey, ...] | None:
        """The applicant types a condition block addresses, or None for every type."""
        if len(section.title) <= self.cues.max_title_chars:
            named = _types_named(section.title)
            if named:
                return named
        lead = clauses(self.text, self.index.after_title(section), self.index.lead_end(section))
        if lead:
            named = _types_named(self.text[lead[0][0]:lead[0][1]])
            if named:
                return named
        kids = self.index.children(section.id)
        if kids:
            first = clauses(self.text, SectionIndex.body_start(kids[0]), kids[0].span[1])
            if first:
                named = _types_named(self.text[first[0][0]:first[0][1]])
                if named:
                    return named
        subjects = [f.value_json().get("subject") for f in self.thresholds
                    if section.span[0] <= f.span[0] < section.span[1]]
        named = tuple(dict.fromkeys(t for s in subjects if s for t in _types_named(s)))
        return named or None

    def _kid_types(self, section: Section, kid: Section) -> tuple[TypeKey, ...]:
        """The applicant types of one child of a section split by type: the lexicon's when the
        heading is the type (``企业``) or states its conditions (``企业作为申报主体应具备以下条件``)
        and no sibling names the same; else the heading itself (``重点企业人才``)."""
        def named(title: str) -> tuple[TypeKey, ...]:
            found = [t for t in applicant_types_in(title) if t.id != _ANY_TYPE]
            rest = title
            for alias in sorted((a for t in found for a in t.aliases), key=len, reverse=True):
                rest = rest.replace(alias, "")
            if found and (_HEADING_STATES.search(title) or not _JOINERS.sub("", rest)):
                return tuple(t.id for t in found)
            return ()
        mine = named(kid.title)
        if mine and all(not set(mine) & set(named(k.title)) for k in self.index.children(section.id) if k.id != kid.id):
            return mine
        return (f"zh:{kid.title}",)

    def _splits_by_type(self, section: Section) -> bool:
        """Whether each numbered child is one applicant type's own list: every child has its own list
        and a heading naming an applicant (not a kind of condition), or the section lists
        categories (申请类别) under short headings."""
        kids = self.index.children(section.id)
        if len(kids) < 2:
            return False
        if (self.cues.category_title.search(section.title) and not is_condition_title(section.title)
                and all(0 < len(k.title) <= self.cues.max_title_chars for k in kids)):
            return True
        if not all(self.index.children(k.id) for k in kids):
            return False
        return all(_types_named(k.title) or not is_condition_title(k.title) for k in kids)

    def block(self, section: Section, *, negate: bool = False) -> tuple[Group, _Leaves]:
        """The condition group of a section: its lead's conditions and its items, combined by its rule."""
        lead = self.run_of_text(self.index.after_title(section), self.index.lead_end(section), negate=negate)
        kind, n = self._selection(section)
        negate_items = negate or lead.exclusion_list
        items: list[Node] = []
        for kid in self.index.children(section.id):
            if self.index.children(kid.id):
                node, sub = self.block(kid, negate=negate_items)
                lead.targeted.extend(sub.targeted)
            else:
                node = self.item(kid, negate=negate_items)
            if node is not None:
                items.append(node)
        if lead.exclusion_list:
            kind = "all"  # 有下列情形之一的，不得申报: none of the items may hold
        children = list(lead.nodes)
        if kind == "all":
            children.extend(items)
        elif items:
            hoisted, kept = [], []
            for item in items:
                h, k = _hoist_exclusions(item)
                hoisted.extend(h)
                if k is not None:
                    kept.append(k)
            children.append(Group(kind=kind, id=f"{section.id}:{kind}", n=n if kind == "at_least" else None,
                                  label=section.title or None, span=section.span, section=section.id,
                                  children=tuple(kept)))
            children.extend(hoisted)
        self._note_numbering(section)
        return Group(kind="all", id=section.id, label=section.title or None, span=section.span, section=section.id,
                     children=tuple(children)), lead

    def item(self, section: Section, *, negate: bool = False) -> Node | None:
        found = self.run_of_text(SectionIndex.body_start(section), section.span[1], negate=negate)
        nodes = found.nodes + [n for _, n in found.targeted]
        if not nodes:
            return None
        if len(nodes) == 1:
            return nodes[0]
        return Group(kind="all", id=section.id, label=section.title or None, span=section.span, section=section.id,
                     children=tuple(nodes))

    def _note_numbering(self, section: Section) -> None:
        numbers = []
        for kid in self.index.children(section.id):
            try:
                numbers.append(int(parse_number(regex.sub(r"[^\d一二三四五六七八九十]", "", kid.marker))))
            except (ValueError, ArithmeticError):
                return
        missing = [k for k in range(1, max(numbers, default=0) + 1) if k not in numbers]
        if numbers and missing and numbers == sorted(numbers):
            self.notes.append(f"{section.id}: items numbered {','.join(map(str, numbers))} — "
                              f"item {','.join(map(str, missing))} is missing from the text")

    # -- the rule set -----------------------------------------------------------------------------
    def contributions(self) -> list[tuple[tuple[TypeKey, ...] | None, Node]]:
        out: list[tuple[tuple[TypeKey, ...] | None, Node]] = []
        for section in self.conditions:
            self._contribute(section, out, top=True)
        return out

    def _has_split(self, section: Section) -> bool:
        return self._splits_by_type(section) or any(self._has_split(k) for k in self.index.children(section.id))

    def _contribute(self, section: Section, out: list, *, top: bool = False) -> None:
        """Add a condition section's groups, each with the applicant types it binds (None: all)."""
        if not self._has_split(section):
            types = self.block_types(section) if top else None
            node, lead = self.block(section)
            out.append((types, node))
            out.extend(lead.targeted)
            return
        lead = self.run_of_text(self.index.after_title(section), self.index.lead_end(section))
        types = self.block_types(section) if top else None
        if lead.nodes:
            out.append((types, Group(kind="all", id=section.id, label=section.title or None, span=section.span,
                                     section=section.id, children=tuple(lead.nodes))))
        out.extend(lead.targeted)
        self._note_numbering(section)
        for kid in self.index.children(section.id):
            if not self._splits_by_type(section):
                self._contribute(kid, out)
                continue
            kid_types = self._kid_types(section, kid)
            if self.index.children(kid.id):
                node, sub = self.block(kid)
                out.extend(sub.targeted)
            else:
                node = self.item(kid)
            if node is not None:
                out.append((kid_types, node))

    def exclusions(self) -> list[Node]:
        """Exclusions stated in requirement sections; they bind every applicant type."""
        out: list[Node] = []
        for section in self.requirements:
            for sub in [section] + [s for s in self.index.ordered if section.id in (a.id for a in self.index.ancestors(s))]:
                start = self.index.after_title(sub) if sub is section else SectionIndex.body_start(sub)
                end = self.index.lead_end(sub)
                for s0, s1 in sentences(self.text, start, end):
                    excluded, is_list = self._exclusion_sentence(s0, s1)
                    if excluded is not None:
                        out.append(excluded)
                    elif is_list:
                        for kid in self.index.children(sub.id):
                            node = self.item(kid, negate=True)
                            if node is not None:
                                out.append(node)
        return out

    def applicants(self) -> list[ApplicantRules]:
        contributions = self.contributions()
        exclusions = self.exclusions()
        if not contributions and not exclusions:
            return []
        keys = list(dict.fromkeys(t for types, _ in contributions if types for t in types)) or [_ANY_TYPE]
        by_tree: dict[tuple[str, ...], list[TypeKey]] = {}
        trees: dict[tuple[str, ...], list[Node]] = {}
        for key in keys:
            nodes = [n for types, n in contributions if types is None or key in types or key == _ANY_TYPE]
            nodes += exclusions
            signature = tuple(n.id for n in nodes)
            by_tree.setdefault(signature, []).append(key)
            trees[signature] = nodes
        out = []
        for signature, types in by_tree.items():
            root = Group(kind="all", id="+".join(types), label="、".join(_type_label(t) for t in types),
                         children=tuple(trees[signature]))
            unevaluated = tuple(dict.fromkeys(n.id for n in leaves(root) if isinstance(n, TextCondition)))
            out.append(ApplicantRules(applicant_types=tuple(types), label=root.label or "", condition=root,
                                      jsonlogic=_as_json(compile_node(root)), unevaluated=unevaluated))
        return out

    def obligations(self) -> list[NumericCondition]:
        kpis = sorted((f for f in self.doc.facts if f.type == "threshold" and f.kind == "kpi"), key=lambda f: f.span)
        return [self.numeric_leaf(f) for f in kpis]

    def funding(self) -> list[Funding]:
        out = []
        for fact in self.doc.facts:
            if fact.type == "money" and fact.role in _FUNDING_ROLES:
                value = fact.value_json()
                out.append(Funding(role=fact.role, display=display.money(value), value=value, text=fact.text,
                                   span=fact.span, section=fact.section))
        return out

    def stray_thresholds(self) -> None:
        used = {leaf.span for a in self._built for leaf in leaves(a.condition) if isinstance(leaf, NumericCondition)}
        stray = [f for f in self.thresholds if f.kind == "eligibility" and f.span not in used]
        if stray:
            shown = "; ".join(f"{f.text} ({f.section})" for f in stray[:5])
            self.notes.append(f"{len(stray)} eligibility threshold(s) outside the condition sections were not used: {shown}")

    def run(self, notice_id: str) -> RuleSet:
        self._built = self.applicants()
        if not self.conditions:
            self.notes.insert(0, "no eligibility section (申报条件/支持对象/申报主体 …) found: the notice states no "
                                 "application conditions (e.g. an action plan), so it has no applicant rules")
        self.stray_thresholds()
        meta = self.doc.metadata
        src = self.doc.source
        notice = NoticeRef(id=notice_id, path=src.path, sha256=src.sha256, title=meta.title,
                           policy_year=meta.policy_year, jurisdiction=meta.jurisdiction)
        return RuleSet(notice=notice, applicants=tuple(self._built), obligations=tuple(self.obligations()),
                       funding=tuple(self.funding()), notes=tuple(dict.fromkeys(self.notes)))


def _hoist_exclusions(node: Node) -> tuple[list[Node], Node | None]:
    """Split negated leaves out of an alternative: they hold whichever alternative is taken."""
    if not isinstance(node, Group):
        return ([node], None) if node.negate else ([], node)
    if node.kind != "all":
        return [], node
    hoisted = [c for c in node.children if not isinstance(c, Group) and c.negate]
    kept = tuple(c for c in node.children if isinstance(c, Group) or not c.negate)
    if not kept:
        return hoisted, None
    return hoisted, node.model_copy(update={"children": kept}) if hoisted else node


def _as_json(rule):
    return rule if isinstance(rule, dict) else {"==": [rule, True]}


def build_rules(document: Document, notice_id: str | None = None) -> RuleSet:
    """The rule set of one parsed notice (``notice_id`` defaults to the source file's stem)."""
    return _Builder(document).run(notice_id or Path(document.source.path).stem)


__all__ = ["build_rules"]
