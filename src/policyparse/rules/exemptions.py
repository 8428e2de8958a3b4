"""Exemptions: qualifications that lift a numeric condition or scale it.

Two shapes, worded by the patterns in ``extractors/rules/cues.json``:

* **waive** — ``国家制造业单项冠军企业、国家专精特新“小巨人”企业可不受利税总额限制``: an applicant
  with either title is not bound by the 利税总额 condition;
* **scale** — ``三年内获得国家或省科学技术奖、中国专利奖、江苏专利奖的企业，专利数量要求可减半``:
  for an applicant with one of the awards (obtained 三年内) the patent-count conditions are halved
  (``factor`` 0.5; ``降低20%`` → 0.8; ``按80%执行`` → 0.8).

The qualifying list is the words before the cue, stripped of a look-back window (kept as
``period``), of the verb (获得, 被认定为 …) and of the holder (``…的企业``), split at 、.
``targets`` are the metric keys of the eligibility thresholds the exemption names: the lexicon
metric of its target words (利税总额 → ``profit_and_tax``), or, when those words name no single
metric (专利数量), every threshold of the same section whose metric contains their head (专利).

:func:`qualification_matches` is the tolerant comparison of an applicant's qualification with a
listed one: ``省科学技术奖`` matches ``国家或省科学技术奖``, ``专精特新“小巨人”企业`` matches
``国家专精特新“小巨人”企业``.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from policyparse.metrics import normalize_phrase, resolve_metric
from policyparse.models import Document
from policyparse.resolvers.base import fold
from policyparse.rules.lexicon import cues
from policyparse.rules.model import Exemption
from policyparse.rules.scope import condition_sections, metric_of, requirement_sections
from policyparse.rules.text import clauses, sentences
from policyparse.segment.index import SectionIndex

__all__ = ["find_exemptions", "qualification_matches", "qualifications_matching"]


def _parse_who(who: str) -> tuple[tuple[str, ...], str | None]:
    """The qualifying items and the look-back window of the words before an exemption cue."""
    c = cues()
    period_m = c.period.search(who)
    period = period_m.group() if period_m else None
    changed = True
    while changed and who:
        changed = False
        for pattern in c.who_strip:
            stripped = pattern.sub("", who, count=1)
            if stripped != who:
                who, changed = stripped, True
    items = tuple(i.strip(" ，,、") for i in regex.split(r"[、，,]", who) if i.strip(" ，,、"))
    return items, period


def _factor(kind: float | str, m: regex.Match) -> float:
    if isinstance(kind, (int, float)):
        return float(kind)
    pct = Decimal(m.group("pct")) / 100
    return float(1 - pct) if kind == "1-pct" else float(pct)


def _target_keys(document: Document, index: SectionIndex, section_id: str | None, target: str) -> tuple[str, ...]:
    """Metric keys of the thresholds an exemption's target words name."""
    phrase = cues().target_strip.sub("", target)
    found = resolve_metric(phrase) if phrase else None
    if found is not None:
        return (found.id,)
    head = normalize_phrase(phrase)
    if not head:
        return ()
    thresholds = [f for f in document.facts if f.type == "threshold" and f.kind != "kpi"]
    for scope in (section_id, None):
        keys = []
        for fact in thresholds:
            if scope is not None and fact.section != scope:
                continue
            value = fact.value_json()
            key, label = metric_of(value["metric"], value.get("unit"))
            if head in normalize_phrase(value["metric"]) or head in normalize_phrase(label):
                keys.append(key)
        if keys:
            return tuple(dict.fromkeys(keys))
    return ()


def _scan(document: Document, index: SectionIndex, start: int, end: int, counter: dict) -> list[Exemption]:
    text = document.text
    c = cues()
    found = []
    for s0, s1 in sentences(text, start, end):
        sentence = text[s0:s1]
        parts = clauses(text, s0, s1)
        hits: list[tuple[regex.Match, str, float | None]] = []
        for pattern in c.waive:
            hits.extend((m, "waive", None) for m in pattern.finditer(sentence))
        for pattern, kind in c.scale:
            hits.extend((m, "scale", _factor(kind, m)) for m in pattern.finditer(sentence))
        for m, kind, factor in sorted(hits, key=lambda h: h[0].start()):
            cue_at = s0 + m.start()
            clause = next(((a, b) for a, b in parts if a <= cue_at < b + 1), (s0, s1))
            if kind == "waive":
                what = m.group("what")
                who_start, who_end = clause[0], cue_at
                if who_start == who_end:  # the holder is the clause before: …企业，可不受…限制
                    prev = [p for p in parts if p[1] <= clause[0]]
                    who_start, who_end = (prev[-1] if prev else (s0, s0))
            else:
                what = text[clause[0]:cue_at]
                prev = [p for p in parts if p[1] <= clause[0]]
                who_start, who_end = (s0, prev[-1][1]) if prev else (clause[0], clause[0])
                if who_start == who_end and "的" in what:  # 获得X的企业专利数量要求可减半
                    cut = what.rindex("的") + 1
                    while cut < len(what) and what[cut:].startswith(("企业", "单位", "主体")):
                        cut += 2
                    who_start, who_end = clause[0], clause[0] + cut
                    what = text[who_end:cue_at]
            items, period = _parse_who(text[who_start:who_end])
            if not items:
                continue
            section_id = index.at(who_start)
            counter[section_id] = counter.get(section_id, 0) + 1
            span_start, span_end = min(who_start, cue_at), s0 + m.end()
            found.append(Exemption(
                id=f"{section_id or '_'}:ex{counter[section_id]}", kind=kind, factor=factor, qualifications=items,
                period=period, target=what.strip(" ，,"),
                targets=_target_keys(document, index, section_id, what.strip(" ，,")),
                text=text[span_start:span_end], span=(span_start, span_end), section=section_id,
            ))
    return found


def find_exemptions(document: Document) -> list[Exemption]:
    """Every exemption stated in the notice's condition and requirement sections, in text order."""
    index = SectionIndex(document.sections)
    counter: dict = {}
    out: list[Exemption] = []
    for top in condition_sections(index) + requirement_sections(index):
        for section in [top] + [s for s in index.ordered if top in index.ancestors(s)]:
            out.extend(_scan(document, index, SectionIndex.body_start(section), index.lead_end(section), counter))
    return sorted(out, key=lambda e: e.span[0])


_QUOTES = regex.compile(r"[“”\"'‘’《》〈〉「」\s]")


def _norm(s: str) -> str:
    return _QUOTES.sub("", fold(s))


def _variants(item: str) -> list[str]:
    """A listed qualification and what its 或 alternatives spell out: ``国家或省科学技术奖`` →
    国家或省科学技术奖, 省科学技术奖, 国家科学技术奖."""
    norm = _norm(item)
    out = [norm]
    parts = regex.split(r"或者|或|及|和|、", norm)
    if len(parts) > 1:
        last = parts[-1]
        out.append(last)
        for head in parts[:-1]:
            for k in range(1, min(4, len(last) - 2)):
                out.append(head + last[k:])
    return [v for v in dict.fromkeys(out) if len(v) >= 3]


def qualification_matches(held: str, listed: str) -> bool:
    """Whether an applicant's qualification ``held`` is the notice's ``listed`` one, tolerantly:
    equal after dropping quotes and width differences, or one ends with (or contains) the other
    (head-final Chinese: ``省科学技术奖`` ⊂ ``国家或省科学技术奖``; ``江苏省科学技术奖`` ⊃ ``省科学技术奖``)."""
    h = _norm(held)
    if len(h) < 3:
        return False
    for v in _variants(listed):
        if h == v or v.endswith(h) or h.endswith(v) or (len(v) >= 4 and v in h):
            return True
    return False


def qualifications_matching(held: list[str] | tuple[str, ...], exemption: Exemption) -> list[str]:
    """The exemption's listed qualifications that any of ``held`` matches."""
    return [q for q in exemption.qualifications if any(qualification_matches(h, q) for h in held)]
