"""Derive a :class:`PolicyProfile` from a parsed notice.

Each fact the comparison cares about is routed to one canonical slot by what it *means* — its
type, role, kind and the words of its own clause — never by section numbering, so two notices
written in different orders still line up:

* money with role funding/subsidy/reward → ``funding.per_project`` (what one funded project or
  recipient gets: per 项目/项/家/单位, or ``对…企业/主体/中心…给予``), ``funding.per_<unit>``
  (per 件 …) or ``funding.amount``;
* percents paid out at a stage (立项后/验收后/完成后 …) → ``schedule.payment``; percents of a cost
  base (运营金额的2%) → ``funding.rate``; ratios followed by 分担/配套 → ``cost_share.levels``;
  ratios followed by 抵算/折算 → ``eligibility.conversion``;
* the duration of 实施期限/建设期 → ``period.implementation``;
* deadlines by channel: ``deadline.online`` (网上/系统), ``deadline.paper`` (纸质/书面), ``deadline.submission``;
* quotas by scope → ``quota.total`` or ``quota.<scope>``;
* eligibility thresholds → ``eligibility.<applicant type>.<metric id>``; KPI targets →
  ``kpi.<metric id>``; N-of-M rules → ``kpi.rule`` / ``eligibility.rule``;
* lists (industries, applicants, exclusions) → ``list.<kind>``; phones, people, emails →
  ``contact.<kind>``.

A key met twice with the same value gathers both provenances; with a different value the second
gets ``#2`` (``kpi.high_value_invention_patents#2``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex

from policyparse.extractors.roles import ELIGIBILITY_SECTION, clause_before
from policyparse.metrics import applicant_types_in, metric_key, resolve_metric
from policyparse.models import Document, Fact
from policyparse.profile import display
from policyparse.profile.model import (
    CATEGORY_ORDER,
    NoticeInfo,
    PolicyProfile,
    Provenance,
    Slot,
)
from policyparse.profile.sentences import clause_after, phrase_before, sentence_around
from policyparse.rules.exemptions import find_exemptions
from policyparse.rules.model import Exemption
from policyparse.segment.index import SectionIndex

_FUNDING_ROLES = {"funding", "subsidy", "reward"}
_PER_RECIPIENT = {"项目", "项", "个", "个项目", "课题", "家", "单位", "企业", "户", "家企业", "中心"}
_RECIPIENT_BEFORE = regex.compile(
    r"(?:每个?[^，。；]{0,12}(?:项目|课题)|对[^，。；]{1,40}(?:主体|企业|单位|机构|中心|项目)[^，。；]{0,4}[，,]?)[^，。；]{0,8}$")
_SCHEDULE_CUE = regex.compile(r"立项后|获批|首期|首笔|预拨|先行|验收|完成后|期满|中期|拨付|剩余|分期|后续|再给予")
_RATE_CUE = regex.compile(r"(?:金额|费|额|投入|成本|支出|收入|价款)[^，。；]{0,4}$")
_SHARE_AFTER = regex.compile(r"^[^，。；]{0,4}(?:分担|配套|承担|比例)")
_CONVERSION_AFTER = regex.compile(r"^[^，。；]{0,4}(?:抵算|折算|换算|抵扣)")
_IMPLEMENTATION = regex.compile(r"(?:实施|执行|建设|培育|资助|支持)(?:期限?|周期)|期限")
_ONLINE = regex.compile(r"网上|网络|线上|在线|系统|平台|电子")
_PAPER = regex.compile(r"纸质|书面|报送|寄送|送达|邮寄")
_DECLARED_APPLICANT = regex.compile(r"(?:申报|建设|项目|承担)?(?:主体|单位|对象)(?:应|须|必须)?(?:为|是)([^。；，]{0,30})")
_DURATION_DAYS = {"year": 365, "month": 30, "week": 7, "day": 1, "workday": 1.4, "hour": 1 / 24, "minute": 1 / 1440}


def _specific(types: tuple) -> tuple:
    return tuple(t for t in types if t.id != "any")


def notice_info(document: Document, notice_id: str) -> NoticeInfo:
    """The header facts of a notice, for column labels."""
    meta = document.metadata
    j = meta.jurisdiction
    place = "".join(dict.fromkeys(p for p in (j.province, j.city, j.county) if p)) or None
    year = meta.policy_year
    if year is None:
        for date in (meta.publish_date, meta.signing_date):
            if date:
                year = int(date[:4])
                break
    short_place = j.county or j.city or j.province or notice_id
    label = f"{short_place} {year}" if year else short_place
    return NoticeInfo(
        id=notice_id, title=meta.title, jurisdiction=place, adcode=j.adcode, year=year,
        publish_date=meta.publish_date or meta.signing_date, doc_number=meta.doc_number, label=label,
    )


def notice_id_of(document: Document) -> str:
    """A notice's id: its file name without the extension."""
    return Path(document.source.path).stem


def build_profile(document: Document, notice_id: str | None = None) -> PolicyProfile:
    """The canonical-slot profile of one parsed notice."""
    nid = notice_id or notice_id_of(document)
    builder = _Builder(document, nid)
    builder.run()
    return PolicyProfile(notice=notice_info(document, nid), slots=builder.slots)


class _Builder:
    def __init__(self, document: Document, notice_id: str) -> None:
        self.doc = document
        self.text = document.text
        self.nid = notice_id
        self.sections = SectionIndex(document.sections)
        self.slots: dict[str, Slot] = {}

    # -- plumbing -----------------------------------------------------------------------------
    def provenance(self, fact: Fact | Exemption) -> Provenance:
        """Where a fact (or an exemption clause) sits: its span and the sentence around it."""
        start, end = fact.span
        section = self.sections.get(fact.section)
        floor = section.span[0] if section is not None and section.span[0] <= start else 0
        s0, s1 = sentence_around(self.text, start, end, floor)
        return Provenance(
            document=self.nid, span=tuple(fact.span), text=fact.text, section=fact.section,
            sentence=self.text[s0:s1], highlight=(start - s0, end - s0),
        )

    def put(self, key: str, category: str, label: str, kind: str, value: Any, shown: str,
            number: float | None, facts: Iterable[Fact | Exemption]) -> None:
        prov = tuple(self.provenance(f) for f in facts)
        base, n = key, 1
        while key in self.slots:
            old = self.slots[key]
            if old.value == value:
                self.slots[key] = old.model_copy(update={"provenance": old.provenance + prov})
                return
            n += 1
            key = f"{base}#{n}"
        self.slots[key] = Slot(key=key, category=category, label=label, kind=kind, value=value,
                               display=shown, number=number, provenance=prov)

    def before(self, fact: Fact) -> str:
        return clause_before(self.text, fact.span[0])

    def after(self, fact: Fact) -> str:
        return clause_after(self.text, fact.span[1])

    # -- routing ------------------------------------------------------------------------------
    def run(self) -> None:
        facts = self.doc.facts
        for fact in facts:
            handler = getattr(self, f"on_{fact.type}", None)
            if handler is not None:
                handler(fact)
        self.on_selection_rules([f for f in facts if f.type == "selection_rule"])
        self.on_lists([f for f in facts if f.type == "list"])
        self.on_contacts([f for f in facts if f.type in ("phone", "person", "email")])
        self.on_exemptions(find_exemptions(self.doc))
        order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        self.slots = dict(sorted(self.slots.items(), key=lambda kv: order.get(kv[1].category, 99)))

    def on_money(self, fact: Fact) -> None:
        if fact.role not in _FUNDING_ROLES:
            return
        value = fact.value_json()
        per = value.get("per")
        if per in _PER_RECIPIENT or (per is None and _RECIPIENT_BEFORE.search(self.before(fact))):
            key, label = "funding.per_project", "每项目（单位）资助"
        elif per:
            key, label = f"funding.per_{per}", f"每{per}资助"
        else:
            key, label = "funding.amount", "资助金额"
        number = value.get("amount") or value.get("max") or value.get("min")
        self.put(key, "funding", label, "money", value, display.money(value), float(number), [fact])

    def on_percent(self, fact: Fact) -> None:
        before, after = self.before(fact), self.after(fact)
        if fact.role not in _FUNDING_ROLES and not regex.search(r"给予|拨付|支持|补助|补贴", before[-16:] + after[:8]):
            return
        value = float(fact.value_json())
        if _SCHEDULE_CUE.search(before[-30:]):
            self._schedule(fact, value)
        elif _RATE_CUE.search(before):
            self.put("funding.rate", "funding", "按比例补贴", "percent", value, display.percent(value), value, [fact])
        else:
            self.put("cost_share.percent", "cost_share", "分担/补助比例", "percent", value, display.percent(value), value, [fact])

    def _schedule(self, fact: Fact, share: float) -> None:
        """Gather staged payments into one ordered slot: 40% 立项后 (+ the remainder later)."""
        old = self.slots.get("schedule.payment")
        stages = list(old.value) if old else []
        stages.append(share)
        shown = " + ".join(display.percent(s) for s in stages)
        if sum(Decimal(str(s)) for s in stages) < 1 and regex.search(r"剩余|余额|其余|尾款", self.text[fact.span[1]:fact.span[1] + 40]):
            shown += " + 余额"
        prov = (old.provenance if old else ()) + (self.provenance(fact),)
        self.slots["schedule.payment"] = Slot(
            key="schedule.payment", category="schedule", label="分期拨付", kind="percents",
            value=stages, display=shown, number=stages[0], provenance=prov)

    def on_ratio(self, fact: Fact) -> None:
        after = self.after(fact)
        value = [float(x) for x in fact.value_json()]
        if _SHARE_AFTER.search(after):
            self.put("cost_share.levels", "cost_share", "上下级分担比例", "ratio", value, display.ratio(value), None, [fact])
        elif _CONVERSION_AFTER.search(after):
            m = regex.match(r"^[^，。；]{0,4}(?:抵算|折算|换算|抵扣)([^，。；（）]{1,20})", after)
            target = m.group(1) if m else ""
            label = f"折算 {target}" if target else "折算比例"
            self.put(f"eligibility.conversion.{metric_key(target) if target else 'ratio'}", "eligibility",
                     label, "ratio", value, display.ratio(value), None, [fact])

    def on_duration(self, fact: Fact) -> None:
        if not _IMPLEMENTATION.search(self.before(fact)[-12:]):
            return
        value = fact.value_json()
        days = value.get("value") or value.get("max") or value.get("min")
        number = float(days) * _DURATION_DAYS.get(value["unit"], 1)
        self.put("period.implementation", "period", "实施期限", "duration", value, display.duration(value), number, [fact])

    def on_date(self, fact: Fact) -> None:
        if fact.role != "deadline":
            return
        clause = phrase_before(self.text, fact.span[0])
        if _ONLINE.search(clause):
            key, label = "deadline.online", "网上申报截止"
        elif _PAPER.search(clause):
            key, label = "deadline.paper", "纸质材料截止"
        else:
            key, label = "deadline.submission", "申报截止"
        value = fact.value_json()
        self.put(key, "deadline", label, "date", value, value.replace("T", " "), None, [fact])

    def on_quota(self, fact: Fact) -> None:
        value = fact.value_json()
        scope = value.get("scope")
        key = f"quota.{scope}" if scope else "quota.total"
        label = f"名额（{scope}）" if scope else "名额上限"
        self.put(key, "quota", label, "quota", value, display.quota(value), float(value["max"]), [fact])

    def on_threshold(self, fact: Fact) -> None:
        value = fact.value_json()
        metric = resolve_metric(value["metric"])
        mkey = metric_key(value["metric"])
        label = metric.label if metric else value["metric"]
        if metric and (value.get("unit") == "%") != (metric.unit == "%"):
            # a share or growth rate of a counted metric (占…的50%, 年均增长10%) is its own slot
            mkey, label = f"{mkey}.pct", f"{label}（比例）"
        shaped = {**value, "metric_id": metric.id if metric else None}
        number = float(value["value"])
        if fact.kind == "kpi":
            subject = value.get("subject")
            key = f"kpi.{mkey}" + (f".{subject}" if subject else "")
            self.put(key, "kpi", f"{subject}：{label}" if subject else label, "threshold", shaped,
                     display.threshold(value), number, [fact])
            return
        types = self.applicants_of(fact, value)
        who = "+".join(t.id for t in types) or "any"
        who_label = "、".join(t.label for t in types) or "申报主体"
        self.put(f"eligibility.{who}.{mkey}", "eligibility", f"{who_label}：{label}", "threshold",
                 shaped, display.threshold(value), number, [fact])

    def applicants_of(self, fact: Fact, value: dict) -> tuple:
        """Who a condition applies to: the threshold's subject; else an applicant type named in its
        own metric phrase (企业拥有有效发明专利…); else the type the notice declares for its item or
        its eligibility section (申报单位为…注册的企业 / 建设主体应为区内注册的企业); else, if the
        eligibility section names exactly one applicant type, that one."""
        for phrase in (value.get("subject") or "", value["metric"]):
            types = _specific(applicant_types_in(phrase))
            if types:
                return types
        section = self.sections.get(fact.section)
        lineage = [section, *self.sections.ancestors(section)] if section is not None else []
        eligibility = next((s for s in lineage if ELIGIBILITY_SECTION.search(s.title)), None)
        for scope in (section, eligibility):
            if scope is None:
                continue
            for m in _DECLARED_APPLICANT.finditer(self.text, scope.span[0], scope.span[1]):
                types = _specific(applicant_types_in(m.group(1)))
                if len(types) == 1:
                    return types
        if eligibility is None:
            return ()
        types = _specific(applicant_types_in(self.text[eligibility.span[0]:eligibility.span[1]]))
        return types if len(types) == 1 else ()

    def on_selection_rules(self, rules: list[Fact]) -> None:
        kpi_sections = {f.section for f in self.doc.facts if f.type == "threshold" and f.kind == "kpi"}
        for fact in rules:
            value = fact.value_json()
            inside = any(s and fact.section and (s == fact.section or s.startswith(fact.section + "/")) for s in kpi_sections)
            key, label = ("kpi.rule", "指标达成规则") if inside else ("eligibility.rule", "条件满足规则")
            frac = value["at_least"] / value["of"] if value.get("of") else None
            self.put(key, "kpi" if inside else "eligibility", label, "selection_rule", value,
                     display.selection_rule(value), frac, [fact])

    def on_lists(self, lists: list[Fact]) -> None:
        by_kind: dict[str, list[Fact]] = {}
        for fact in lists:
            by_kind.setdefault(fact.value_json()["kind"], []).append(fact)
        labels = {"industries": "支持产业/领域", "applicants": "申报主体类型", "exclusions": "排除情形",
                  "attachments": "附件", "materials": "申报材料", "conditions": "条件", "kpis": "指标清单"}
        for kind, facts in by_kind.items():
            if kind == "kpis":
                continue  # the KPI menu is the kpi.* slots themselves
            items = list(dict.fromkeys(i for f in facts for i in f.value_json()["items"]))
            self.put(f"list.{kind}", "list", labels.get(kind, kind), "list", items,
                     display.items(items, 8), float(len(items)), facts)

    def on_exemptions(self, exemptions: list[Exemption]) -> None:
        """``国家专精特新“小巨人”企业可不受利税总额限制`` → ``exemption.profit_and_tax`` (waive);
        ``…的企业，专利数量要求可减半`` → ``exemption.valid_patents+valid_invention_patents`` (×0.5)."""
        for ex in exemptions:
            targets = sorted({t.rsplit(".", 1)[-1] for t in ex.targets}) or [metric_key(ex.target)]
            value = {"kind": ex.kind, "factor": ex.factor, "qualifications": list(ex.qualifications),
                     "period": ex.period, "target": ex.target}
            who = "、".join(ex.qualifications)
            shown = f"{who}：不受{ex.target}限制" if ex.kind == "waive" else f"{who}：{ex.target}×{ex.factor:g}"
            if ex.period:
                shown = f"{ex.period}{shown}"
            self.put(f"exemption.{'+'.join(targets)}", "exemption", f"豁免：{ex.target}", "text", value,
                     shown, ex.factor, [ex])

    def on_contacts(self, facts: list[Fact]) -> None:
        by_type: dict[str, list[Fact]] = {}
        for fact in facts:
            by_type.setdefault(fact.type, []).append(fact)
        labels = {"phone": ("phones", "联系电话"), "person": ("people", "联系人"), "email": ("emails", "电子邮箱")}
        for type_, group in by_type.items():
            name, label = labels[type_]
            items = list(dict.fromkeys(str(f.value_json()) for f in group))
            self.put(f"contact.{name}", "contact", label, "list", items, display.items(items, 4), None, group)
