"""Eligibility rules (policyparse.rules): the seeds' condition trees checked condition by condition
against their texts, span integrity, the published schema, the CLI, and a notice the project has
never seen."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from policyparse.cli import main
from policyparse.models import Document
from policyparse.pipeline import parse_file, parse_text
from policyparse.rules import (
    Group,
    NumericCondition,
    RuleSet,
    TextCondition,
    build_rules,
    find_exemptions,
    leaves,
    walk,
)
from policyparse.rules.exemptions import qualification_matches
from policyparse.rules.schema import SCHEMA_NAMES, schema
from tests.conftest import CORPORA, REPO

S000, S001, S002, S003, S004 = (
    "000_3648e0628b0d6aa9", "001_b98dbf41ae0235a1", "002_cff6add629d97559", "003_3aa3b4884d3bd733", "004_d66617b14b4cfa5b")
SEEDS = (S000, S001, S002, S003, S004)
UNSEEN = sorted((CORPORA / "unseen").glob("*.txt"))

HANGZHOU = """杭州市市场监督管理局（杭州市知识产权局）关于组织申报2024年度杭州市知识产权示范企业的通知
各区、县（市）市场监督管理局，有关企业：
为深入实施知识产权强市战略，现将2024年度杭州市知识产权示范企业申报工作有关事项通知如下。
一、申报条件
申报企业应同时满足以下条件：
（一）在杭州市内注册登记，具有独立法人资格，依法经营。
（二）近两年营业收入均不低于5000万元，研发费用占营业收入比例达到4%以上。
（三）拥有有效发明专利20件以上，知识产权专职管理人员不少于2人。
（四）具备下列条件中的2项以上：
1．获得中国专利奖或浙江省专利奖；
2．主导制定国家标准或行业标准1项以上；
3．专利转让许可收益达到200万元以上；
4．建立知识产权管理体系并通过贯标认证。
（五）近三年无严重违法失信行为。
高新技术企业的营业收入要求可降低20%。
二、不予受理情形
有下列情形之一的，不予受理：
（一）已获评杭州市知识产权示范企业且在有效期内的；
（二）申报材料弄虚作假的。
三、支持方式
对认定的示范企业，给予一次性奖励30万元。
四、申报时间
申报截止时间为2024年5月31日。
联系人：王明，联系电话：0571-85001234。
杭州市市场监督管理局（杭州市知识产权局）
2024年4月1日
"""
"""A notice the project has never seen (written for this test): another city, another programme,
an N-of-M item, a percentage exemption and a list of exclusions."""


@cache
def document(stem: str) -> Document:
    return parse_file(CORPORA / f"{stem}.txt").document


@cache
def rules(stem: str) -> RuleSet:
    return build_rules(document(stem))


@lru_cache(maxsize=1)
def hangzhou() -> tuple[Document, RuleSet]:
    doc = parse_text(HANGZHOU, name="hangzhou_2024.txt")
    return doc, build_rules(doc)


def tree(rule_set: RuleSet, applicant_type: str) -> Group:
    return next(a.condition for a in rule_set.applicants if applicant_type in a.applicant_types)


def numeric(node) -> list[tuple]:
    """(metric, op, value, unit, period) of every numeric leaf, in order."""
    return [(n.metric, n.op, float(n.value), n.unit, n.period) for n in leaves(node) if isinstance(n, NumericCondition)]


def negated(node) -> list[str]:
    return [n.text for n in leaves(node) if n.negate]


def texts(node) -> list[str]:
    return [n.text for n in leaves(node) if isinstance(n, TextCondition) and not n.negate]


# -- which applicant types get trees -----------------------------------------------------------------

def test_applicant_types_of_each_seed() -> None:
    assert [a.applicant_types for a in rules(S000).applicants] == [
        ("enterprise",), ("university", "research_institute"), ("service_agency",)]
    assert [a.label for a in rules(S000).applicants] == ["企业", "高等学校、科研院所", "知识产权服务机构"]
    assert [a.applicant_types for a in rules(S002).applicants] == [("enterprise",)]
    assert [a.applicant_types for a in rules(S003).applicants] == [("enterprise",)]


@pytest.mark.parametrize("stem", [S001, S004])
def test_action_plans_have_no_applicant_rules_and_say_why(stem: str) -> None:
    r = rules(stem)
    assert r.applicants == ()
    assert "no eligibility section" in r.notes[0]
    assert all(o.kind == "numeric" for o in r.obligations)  # their targets are KPIs, kept apart


def test_001_reward_conditions_outside_condition_sections_are_noted_not_used() -> None:
    assert any("获得3项中国发明专利授权" in n and "not used" in n for n in rules(S001).notes)


# -- seed 000 (重庆 2020): three applicant types, condition by condition ------------------------------

def test_000_enterprise_conditions() -> None:
    t = tree(rules(S000), "enterprise")
    assert numeric(t) == [("valid_patents", ">=", 30, "件", None), ("valid_invention_patents", ">=", 2, "件", None)]
    patents = [n for n in leaves(t) if isinstance(n, NumericCondition)]
    assert patents[0].text == "有效专利30件（含）以上" and patents[0].inclusive
    assert patents[1].metric_phrase == "与培育计划涉及技术领域相关的有效发明专利"
    assert "1:2抵算" in patents[1].note
    assert negated(t) == ["严重失信行为",
                          "已作为第一申报主体承担2018年度、2019年度重庆市高价值专利培育计划项目，且未完成结题验收的承担单位"]
    exclusion = [n for n in leaves(t) if n.negate][1]
    assert exclusion.cue == "不得参加" and exclusion.section == "六/（一）"
    shown = texts(t)
    assert shown[:2] == ["申报对象为重庆市内注册的具有独立法人资格的企业、高等院校、科研院所", "申报主体须联合知识产权服务机构共同申报"]
    for words in ("申报技术领域属于本项目支持领域范围", "研发创新能力较强", "有知识产权专职工作人员",
                  "已建立较完善的专利数据库", "与其他企业、高校、科研院所、知识产权服务机构已形成协同创新机制"):
        assert words in shown
    assert not any("还可以" in s or "联合市内企业" in s for s in shown)  # a permission, and the universities' rule
    assert len(shown) == 13
    assert [c.id for c in t.children[1].children] == ["二/（一）/1", "二/（一）/2", "二/（一）/3", "二/（一）/5"]


def test_000_universities_and_institutes_share_one_tree() -> None:
    t = tree(rules(S000), "research_institute")
    assert t is tree(rules(S000), "university")
    assert numeric(t) == [("valid_patents", ">=", 50, "件", None), ("valid_invention_patents", ">=", 2, "件", None)]
    assert negated(t)[0] == "严重学术不端等失信行为"
    assert "除联合知识产权服务机构外，还必须同时联合市内企业共同申报" in texts(t)  # 以高等学校、科研院所作为申报主体时 …
    assert len([c for c in walk(t) if isinstance(c, Group) and c.section and c.section.startswith("二/（二）/")]) == 6


def test_000_service_agencies() -> None:
    t = tree(rules(S000), "service_agency")
    assert numeric(t) == [("service_agency_clients", "<=", 2, "家", None)]
    bad_record = next(n for n in leaves(t) if n.negate and n.text == "不良信用记录")
    assert bad_record.period == "近三年" and bad_record.cue == "无"
    assert "申报对象为重庆市内注册的具有独立法人资格的企业、高等院校、科研院所" not in texts(t)


def test_000_notes_the_missing_item_4() -> None:
    assert any("二/（一）" in n and "item 4 is missing" in n for n in rules(S000).notes)


# -- seed 002 (常州 2023) -------------------------------------------------------------------------

def test_002_enterprise_conditions() -> None:
    t = tree(rules(S002), "enterprise")
    assert numeric(t) == [
        ("rd_expense_ratio", ">=", 0.035, "%", "近三年"),
        ("ip_expense_ratio", ">=", 0.05, "%", "上一年度"),
        ("profit_and_tax", ">=", 20_000_000, "CNY", "近三年"),
        ("ip_staff", ">=", 3, "人", None),
        ("valid_patents", ">=", 100, "件", None),
        ("valid_invention_patents", ">=", 50, "件", None),
    ]
    either = next(g for g in walk(t) if isinstance(g, Group) and g.kind == "any")
    assert [c.metric for c in either.children] == ["valid_patents", "valid_invention_patents"]
    assert either.section == "三/（四）"
    assert negated(t) == ["严重失信行为", "非正常专利申请行为", "已承担江苏省高价值专利培育项目的单位"]
    assert [n.cue for n in leaves(t) if n.negate] == ["无", "无", "不再承担"]
    assert texts(t) == [
        "常州市内注册的具有独立法人资格的企业",
        ("在相关技术领域研发水平处于行业领先地位，属于行业龙头、领军企业，正在承担国家或省部级重大科技项目，"
         "或者正在开展关键核心技术研发，且已取得一定成果"),
        "经营状况良好",
        "知识产权管理制度比较健全，有独立的知识产权管理机构",
    ]
    conditions = next(c for c in t.children if c.id == "三")
    assert conditions.kind == "all" and len(conditions.children) == 5  # 应同时满足以下条件 (five items)


def test_002_exemptions_attach_to_the_conditions_they_lift() -> None:
    t = tree(rules(S002), "enterprise")
    by_metric = {n.metric: n for n in leaves(t) if isinstance(n, NumericCondition)}
    waive, = by_metric["profit_and_tax"].exemptions
    assert waive.kind == "waive" and waive.qualifications == ("国家制造业单项冠军企业", "国家专精特新“小巨人”企业")
    assert waive.target == "利税总额"
    for metric in ("valid_patents", "valid_invention_patents"):
        scale, = by_metric[metric].exemptions
        assert scale.kind == "scale" and scale.factor == 0.5 and scale.period == "三年内"
        assert scale.qualifications == ("国家或省科学技术奖", "中国专利奖", "江苏专利奖")
    for metric in ("rd_expense_ratio", "ip_expense_ratio", "ip_staff"):
        assert by_metric[metric].exemptions == ()
    assert not any("不受" in s or "减半" in s for s in texts(t))  # exemption clauses are not conditions


def test_find_exemptions_on_the_seeds() -> None:
    assert [(e.kind, e.targets, e.section) for e in find_exemptions(document(S002))] == [
        ("waive", ("profit_and_tax",), "三/（三）"),
        ("scale", ("valid_patents", "valid_invention_patents"), "三/（四）"),
    ]
    for stem in (S000, S001, S003, S004):
        assert find_exemptions(document(stem)) == []
    for ex in find_exemptions(document(S002)):
        assert document(S002).text[ex.span[0]:ex.span[1]] == ex.text


# -- seed 003 (广西) ------------------------------------------------------------------------------

def test_003_enterprise_conditions() -> None:
    t = tree(rules(S003), "enterprise")
    assert numeric(t) == [
        ("valid_invention_patents", ">=", 50, "件", None),
        ("patent_product_revenue", ">=", 100_000_000, "CNY", "近三年"),
        ("total_profit", ">=", 10_000_000, "CNY", None),
    ]
    block, = t.children
    assert block.section == "五/（一）" and len(block.children) == 5
    assert texts(t)[0] == "建设主体应为区内注册的企业，具有良好经营状况及资信"
    assert negated(t) == []


# -- structure shared by all notices --------------------------------------------------------------

def _all_rule_sets() -> list[tuple[str, Document, RuleSet]]:
    out = [(stem, document(stem), rules(stem)) for stem in SEEDS]
    out += [(p.stem, parse_file(p).document, None) for p in UNSEEN]
    out = [(s, d, r or build_rules(d)) for s, d, r in out]
    doc, r = hangzhou()
    return out + [("hangzhou", doc, r)]


def test_every_node_is_grounded_in_the_text() -> None:
    for stem, doc, r in _all_rule_sets():
        ids = {sec.id for sec in doc.sections}
        for applicant in r.applicants:
            for node in walk(applicant.condition):
                if isinstance(node, Group):
                    if node.span is not None:
                        assert 0 <= node.span[0] < node.span[1] <= len(doc.text), (stem, node.id)
                    continue
                assert doc.text[node.span[0]:node.span[1]] == node.text, (stem, node.id)
                assert node.section in ids, (stem, node.id)
                for ex in getattr(node, "exemptions", ()):
                    assert doc.text[ex.span[0]:ex.span[1]] == ex.text
        for leaf in r.obligations:
            assert doc.text[leaf.span[0]:leaf.span[1]] == leaf.text
        for f in r.funding:
            assert doc.text[f.span[0]:f.span[1]] == f.text


def test_kpi_targets_are_obligations_not_conditions() -> None:
    for stem, doc, r in _all_rule_sets():
        in_trees = {n.span for a in r.applicants for n in leaves(a.condition)}
        kpis = {f.span for f in doc.facts if f.type == "threshold" and f.kind == "kpi"}
        assert not in_trees & kpis, stem
        assert {o.span for o in r.obligations} == kpis, stem
    assert ("new_invention_patents", ">=", 20, "件", None) in numeric(Group(kind="all", id="x", children=rules(S000).obligations))


def test_leaf_ids_are_unique_and_stable() -> None:
    for stem, _, r in _all_rule_sets():
        seen: dict[str, object] = {}
        for applicant in r.applicants:
            for node in walk(applicant.condition):
                if node.id in seen:
                    assert seen[node.id] == node, (stem, node.id)  # shared between trees, never reused
                seen[node.id] = node
    assert build_rules(document(S002)) == rules(S002)


def test_funding_offered() -> None:
    assert [f.display for f in rules(S000).funding] == ["50万元/项目"]
    assert [f.display for f in rules(S002).funding] == ["最高100万元/项目"]
    assert rules(S003).funding == ()


# -- a notice the project has never seen -----------------------------------------------------------

def test_unseen_notice_gets_rules_without_code_changes() -> None:
    _, r = hangzhou()
    assert r.notice.jurisdiction.city == "杭州市"
    t = tree(r, "enterprise")
    assert numeric(t) == [
        ("revenue", ">=", 50_000_000, "CNY", "近两年"),
        ("rd_expense_ratio", ">=", 0.04, "%", None),
        ("valid_invention_patents", ">=", 20, "件", None),
        ("ip_staff", ">=", 2, "人", None),
        ("standards_adopted", ">=", 1, "项", None),
        ("patent_license_income", ">=", 2_000_000, "CNY", None),
    ]
    two_of_four = next(g for g in walk(t) if isinstance(g, Group) and g.kind == "at_least")
    assert two_of_four.n == 2 and len(two_of_four.children) == 4
    assert [n.text for n in two_of_four.children if isinstance(n, TextCondition)] == [
        "获得中国专利奖或浙江省专利奖", "建立知识产权管理体系并通过贯标认证"]
    revenue = next(n for n in leaves(t) if getattr(n, "metric", None) == "revenue")
    scale, = revenue.exemptions
    assert scale.kind == "scale" and scale.factor == 0.8 and scale.qualifications == ("高新技术企业",)
    assert negated(t) == ["严重违法失信行为", "已获评杭州市知识产权示范企业且在有效期内的", "申报材料弄虚作假的"]
    assert [f.display for f in r.funding] == ["30万元"]


def test_unseen_corpus_notices_get_rules() -> None:
    by_name = {p.stem: build_rules(parse_file(p).document) for p in UNSEEN}
    shaoxing = by_name["001_shaoxing_bajian_rencai"]
    assert [a.label for a in shaoxing.applicants] == ["市级拔尖人才", "后备人才"]
    assert all(any(g.kind == "any" for g in walk(a.condition) if isinstance(g, Group)) for a in shaoxing.applicants)
    awards = next(g for g in walk(shaoxing.applicants[1].condition) if isinstance(g, Group) and g.label == "或")
    assert [n.kind for n in awards.children] == ["numeric", "numeric", "text"]  # …两项以上，或…两项以上，或…的主要完成者
    apartments = by_name["002_guangzhou_tianhe_rencai_gongyu"]
    assert len(apartments.applicants) == 6  # one per 申请类别, each with the common 承租人基本条件
    assert all(any(c.id == "一/（二）" for c in a.condition.children) for a in apartments.applicants)


def test_a_notice_without_sections_is_not_garbage() -> None:
    r = build_rules(parse_text("关于做好2024年知识产权宣传周活动的通知\n各单位：请认真组织宣传活动。\n"))
    assert r.applicants == () and r.notes


# -- qualification matching ------------------------------------------------------------------------

@pytest.mark.parametrize("held,listed,expected", [
    ("省科学技术奖", "国家或省科学技术奖", True),
    ("国家科学技术奖", "国家或省科学技术奖", True),
    ("江苏省科学技术奖", "国家或省科学技术奖", True),
    ("专精特新“小巨人”企业", "国家专精特新“小巨人”企业", True),
    ('专精特新"小巨人"企业', "国家专精特新“小巨人”企业", True),
    ("中国专利奖优秀奖", "中国专利奖", True),
    ("江苏专利奖", "中国专利奖", False),
    ("企业", "国家专精特新“小巨人”企业", False),
    ("高新技术企业", "国家专精特新“小巨人”企业", False),
])
def test_qualification_matching_is_tolerant_but_not_loose(held: str, listed: str, expected: bool) -> None:
    assert qualification_matches(held, listed) is expected


# -- the published format ------------------------------------------------------------------------

@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_published_schemas_are_in_sync(name: str) -> None:
    published = json.loads((REPO / "docs" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert published == schema(name), f"regenerate: policyparse rules --schema {name} > docs/{name}.schema.json"


def test_rules_validate_against_the_schema_and_round_trip() -> None:
    rules_schema = schema("rules")
    for stem, _, r in _all_rule_sets():
        data = json.loads(r.model_dump_json())
        jsonschema.validate(data, rules_schema)
        assert RuleSet.model_validate(data) == r, stem


# -- command line ---------------------------------------------------------------------------------

def test_rules_command_prints_and_writes(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["rules", str(CORPORA / f"{S002}.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["notice"]["id"] == S002 and data["applicants"][0]["applicant_types"] == ["enterprise"]
    assert data["applicants"][0]["jsonlogic"]["and"]
    result = runner.invoke(main, ["rules", str(CORPORA / f"{S000}.txt"), str(CORPORA / f"{S001}.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{S000}.rules.json", f"{S001}.rules.json"]
    schema_out = runner.invoke(main, ["rules", "--schema", "rules"])
    assert json.loads(schema_out.output) == schema("rules")


def test_parse_rules_links_the_notice_json_to_its_rules(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["parse", str(CORPORA / f"{S002}.txt"), "--out", str(tmp_path), "--rules"])
    assert result.exit_code == 0, result.output
    notice = json.loads((tmp_path / f"{S002}.json").read_text(encoding="utf-8"))
    assert notice["rules"] == f"{S002}.rules.json"
    linked = json.loads((tmp_path / notice["rules"]).read_text(encoding="utf-8"))
    jsonschema.validate(linked, schema("rules"))
    assert linked == json.loads(rules(S002).model_dump_json())
    jsonschema.validate(notice, json.loads(runner.invoke(main, ["schema"]).output))
    # the parsed JSON and the rules JSON are both inputs of `rules`
    again = runner.invoke(main, ["rules", str(tmp_path / f"{S002}.json")])
    assert json.loads(again.output) == linked
    plain = runner.invoke(main, ["parse", str(CORPORA / f"{S002}.txt")])
    assert "rules" not in json.loads(plain.output)
    assert runner.invoke(main, ["parse", str(CORPORA / f"{S002}.txt"), "--rules"]).exit_code != 0


@pytest.mark.parametrize("stem", [S000, S002, S003])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rules_do_not_depend_on_the_file_format(stem: str, fmt: str) -> None:
    def shape(r: RuleSet) -> list:
        return [(a.applicant_types, [(n.kind, getattr(n, "metric", None), str(getattr(n, "value", "")), n.negate, n.text)
                                     for n in leaves(a.condition)]) for a in r.applicants]

    assert shape(build_rules(parse_file(CORPORA / f"{stem}.{fmt}").document)) == shape(rules(stem))


def test_rule_after_the_items_that_points_back_makes_them_alternatives() -> None:
    notice = (
        "关于组织申报2024年增产增效奖励的通知\n各有关企业：\n一、奖励对象\n"
        "（一）2024年工业总产值不低于3000万元的规模以上工业企业。\n"
        "（二）2024年新投产并纳入规模以上工业统计的企业。\n"
        "企业满足以上条件（一）或者（二），且无失信记录。\n二、奖励标准\n按产值增量的1‰给予奖励。\n"
    )
    ruleset = build_rules(parse_text(notice))
    groups = [n for a in ruleset.applicants for n in walk(a.condition) if isinstance(n, Group)]
    either = [g for g in groups if g.kind == "any"]
    assert len(either) == 1
    assert [c.section for c in either[0].children] == ["一/（一）", "一/（二）"]
