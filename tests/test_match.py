"""Matching applicant profiles against notices: the issue's scenarios, exemptions, three-valued
verdicts, jurisdiction and applicant type, the CLI, and agreement with a JSON Logic engine."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from policyparse.cli import main
from policyparse.rules import TextCondition, leaves
from policyparse.rules.applicant import ApplicantProfile, to_number
from policyparse.rules.match import evaluate, jsonlogic_data, match
from policyparse.rules.schema import schema
from tests.conftest import CORPORA
from tests.test_rules import S000, S001, S002, S003, S004, hangzhou, rules, tree

CHANGZHOU = {"applicant_type": "企业", "jurisdiction": "常州市",
             "metrics": {"有效专利数量": 60, "有效发明专利数量": 40, "研发费用占销售收入比例": 0.03}}
"""The issue's enterprise: 60 valid patents, 40 valid invention patents, a 3.0% R&D ratio."""

COMPLETE = {"知识产权费用占研发费用比例": 0.06, "利税总额": "2500万元", "知识产权专兼职管理人员": 3}
"""The other figures 常州 2023 asks for, all met."""


def profile(**changes) -> ApplicantProfile:
    data = {**CHANGZHOU, **changes}
    return ApplicantProfile.model_validate(data)


def displays(result) -> list[str]:
    out = []
    for f in result.failed:
        out.append(f.display)
        out.extend(a.display for a in f.alternatives)
    return out


# -- the issue's scenarios ------------------------------------------------------------------------

def test_changzhou_enterprise_is_not_eligible_and_the_gaps_are_named() -> None:
    result = match(profile(), rules(S002))
    assert result.verdict == "not_eligible"
    assert result.applicant == "企业"
    rd, patents = result.failed
    assert rd.metric == "rd_expense_ratio" and float(rd.required) == 0.035 and float(rd.actual) == 0.03
    assert rd.display == "近三年 研发费用占销售收入比例 ≥ 3.5%: 有 3%, 差 0.5%"
    assert patents.kind == "any"
    assert [a.display for a in patents.alternatives] == [
        "有效专利数量 ≥ 100件: 有 60件, 差 40件",
        "有效发明专利数量 ≥ 50件: 有 40件, 差 10件",
    ]
    assert [m.field for m in result.missing] == ["metrics.ip_expense_ratio", "metrics.profit_and_tax", "metrics.ip_staff"]
    assert [f.display for f in result.funding] == ["最高100万元/项目"]


def test_a_provincial_science_award_halves_the_patent_requirements() -> None:
    result = match(profile(qualifications=["省科学技术奖"]), rules(S002))
    assert result.verdict == "not_eligible"
    assert [f.metric for f in result.failed] == ["rd_expense_ratio"]  # 60 ≥ 100/2: the patent alternative now holds
    applied, = result.exemptions_applied
    assert applied.kind == "scale" and applied.factor == 0.5 and applied.held == ("省科学技术奖",)
    assert applied.qualification == "国家或省科学技术奖" and applied.period == "三年内"
    assert any("三年内" in n for n in result.notes)
    eligible = match(profile(qualifications=["省科学技术奖"],
                             metrics={**CHANGZHOU["metrics"], **COMPLETE, "研发费用占销售收入比例": "3.6%"}), rules(S002))
    assert eligible.verdict == "eligible" and eligible.failed == ()


def test_the_halved_requirement_is_what_a_gap_is_measured_against() -> None:
    few = profile(qualifications=["中国专利奖"], metrics={**COMPLETE, "有效专利": 40, "有效发明专利": 20,
                                                          "研发费用占销售收入比例": 0.04})
    result = match(few, rules(S002))
    assert result.verdict == "not_eligible"
    assert [a.display for a in result.failed[0].alternatives] == [
        "有效专利数量 ≥ 50件（中国专利奖：要求×0.5，原 100件）: 有 40件, 差 10件",
        "有效发明专利数量 ≥ 25件（中国专利奖：要求×0.5，原 50件）: 有 20件, 差 5件",
    ]


def test_little_giants_are_not_bound_by_the_profit_and_tax_condition() -> None:
    figures = {**CHANGZHOU["metrics"], **COMPLETE, "研发费用占销售收入比例": 0.04, "有效专利数量": 120, "利税总额": "1500万元"}
    bound = match(profile(metrics=figures), rules(S002))
    assert bound.verdict == "not_eligible"
    assert [f.display for f in bound.failed] == ["近三年 利税总额 ≥ 2000万元: 有 1500万元, 差 500万元"]
    lifted = match(profile(metrics=figures, qualifications=["专精特新“小巨人”企业"]), rules(S002))
    assert lifted.verdict == "eligible"
    assert [e.kind for e in lifted.exemptions_applied] == ["waive"]


def test_chongqing_enterprise_meets_the_2020_patent_conditions() -> None:
    chongqing = ApplicantProfile(applicant_type="企业", jurisdiction="重庆市",
                                 metrics={"有效专利": 35, "有效发明专利": 3})
    result = match(chongqing, rules(S000))
    assert result.verdict == "eligible"
    assert result.failed == () and result.missing == ()
    assert len(result.to_check) == 15  # the qualitative conditions a person confirms
    assert {c.display for c in result.to_check} >= {"无严重失信行为", "有知识产权专职工作人员"}
    assert [f.display for f in result.funding] == ["50万元/项目"]
    fewer = match(chongqing.model_copy(update={"metrics": {"有效专利": 29, "有效发明专利": 3}}), rules(S000))
    assert fewer.verdict == "not_eligible" and displays(fewer) == ["有效专利数量 ≥ 30件: 有 29件, 差 1件"]


def test_a_missing_metric_is_unknown_never_eligible() -> None:
    figures = {**CHANGZHOU["metrics"], **COMPLETE, "有效专利数量": 120}
    del figures["研发费用占销售收入比例"]
    result = match(profile(metrics=figures), rules(S002))
    assert result.verdict == "unknown"
    assert [m.field for m in result.missing] == ["metrics.rd_expense_ratio"]
    assert result.missing[0].label == "研发费用占销售收入比例" and result.missing[0].conditions == ("三/（二）:1",)
    chongqing = ApplicantProfile(applicant_type="企业", jurisdiction="重庆市", metrics={"有效专利": 35})
    assert match(chongqing, rules(S000)).verdict == "unknown"
    assert match(ApplicantProfile(applicant_type="企业", jurisdiction="重庆市"), rules(S000)).verdict == "unknown"


def test_a_failure_outweighs_a_missing_figure() -> None:
    result = match(profile(metrics={"有效专利数量": 60, "有效发明专利数量": 40}), rules(S002))
    assert result.verdict == "not_eligible"
    assert "metrics.rd_expense_ratio" in [m.field for m in result.missing]
    either = match(profile(metrics={"有效专利数量": 60}), rules(S002))  # the other alternative might hold
    assert either.verdict == "unknown" and "metrics.valid_invention_patents" in [m.field for m in either.missing]


def test_an_alternative_that_holds_makes_its_missing_sibling_irrelevant() -> None:
    figures = {**COMPLETE, "研发费用占销售收入比例": 0.04, "有效专利数量": 120}  # no invention-patent figure
    result = match(profile(metrics=figures), rules(S002))
    assert result.verdict == "eligible" and result.missing == ()


# -- jurisdiction and applicant type -------------------------------------------------------------

def test_jurisdiction() -> None:
    chongqing_notice = rules(S000)
    result = match(profile(metrics={"有效专利": 35, "有效发明专利": 3}), chongqing_notice)
    assert result.verdict == "not_eligible"
    assert result.failed[0].kind == "jurisdiction" and "常州市" in result.failed[0].display
    inside = match(profile(jurisdiction="江苏省常州市武进区", metrics={**CHANGZHOU["metrics"], **COMPLETE,
                                                                    "研发费用占销售收入比例": 0.04, "有效专利数量": 100}),
                   rules(S002))
    assert inside.verdict == "eligible"
    coarse = match(profile(jurisdiction="江苏省"), rules(S002))
    assert coarse.missing[0].field == "jurisdiction"
    nowhere = ApplicantProfile(applicant_type="企业", metrics={"有效专利": 35, "有效发明专利": 3})
    result = match(nowhere, chongqing_notice)
    assert result.verdict == "unknown" and result.missing[0].field == "jurisdiction"
    assert match(profile(jurisdiction="大冶市"), rules(S004)).verdict == "unknown"  # inside, but no rules


@pytest.mark.parametrize("place,adcode", [
    ("常州", "320400"), ("江苏常州", "320400"), ("江苏省常州市武进区", "320412"), ("重庆市江北区", "500105"),
    ("江北区", None), ("不存在的地方", None),  # ambiguous or unknown: no guess
])
def test_profile_places_resolve_without_guessing(place: str, adcode: str | None) -> None:
    from policyparse.rules.match import _resolve_place

    assert _resolve_place(place) == adcode


def test_applicant_type_picks_the_tree() -> None:
    university = ApplicantProfile(applicant_type="高等院校", jurisdiction="重庆市", metrics={"有效专利": 35, "有效发明专利": 3})
    result = match(university, rules(S000))
    assert result.applicant == "高等学校、科研院所"
    assert result.verdict == "not_eligible" and displays(result) == ["有效专利数量 ≥ 50件: 有 35件, 差 15件"]
    agency = ApplicantProfile(applicant_type="知识产权服务机构", jurisdiction="重庆市", metrics={"每家服务机构服务的申报主体数": 3})
    assert displays(match(agency, rules(S000))) == ["每家服务机构服务的申报主体数 ≤ 2家: 有 3家, 超 1家"]
    other = match(ApplicantProfile(applicant_type="高等学校", jurisdiction="常州市"), rules(S002))
    assert other.verdict == "not_eligible" and other.failed[0].kind == "applicant_type"
    untyped = match(ApplicantProfile(jurisdiction="重庆市"), rules(S000))
    assert untyped.verdict == "unknown" and untyped.missing[0].field == "applicant_type"


# -- qualitative conditions ------------------------------------------------------------------------

def test_answered_qualitative_conditions_decide() -> None:
    chongqing = ApplicantProfile(applicant_type="企业", jurisdiction="重庆市", metrics={"有效专利": 35, "有效发明专利": 3})
    t = tree(rules(S000), "enterprise")
    credit = next(n for n in leaves(t) if n.negate and n.text == "严重失信行为")
    result = match(chongqing.model_copy(update={"conditions": {credit.id: False}}), rules(S000))
    assert result.verdict == "not_eligible" and displays(result) == ["未满足: 无严重失信行为"]
    every = {n.id: True for n in leaves(t) if isinstance(n, TextCondition)}
    confirmed = match(chongqing.model_copy(update={"conditions": every}), rules(S000))
    assert confirmed.verdict == "eligible" and confirmed.to_check == ()


def test_n_of_m_items_on_an_unseen_notice() -> None:
    _, hz = hangzhou()
    base = {"applicant_type": "企业", "jurisdiction": "杭州市",
            "metrics": {"营业收入": "6000万元", "研发费用占营业收入比例": "5%", "有效发明专利": 25, "知识产权专职管理人员": 2,
                        "主导制定标准": 1, "专利转让许可收益": "100万元"}}
    ok = match(ApplicantProfile.model_validate(base), hz)
    assert ok.verdict == "eligible"
    groups = {c.one_of for c in ok.to_check if c.one_of}
    assert groups == {"一/（四）:at_least"}  # the two qualitative items: confirming one of them suffices
    t = tree(hz, "enterprise")
    no_texts = {n.id: False for n in leaves(t) if isinstance(n, TextCondition) and n.section.startswith("一/（四）/")}
    short = match(ApplicantProfile.model_validate({**base, "conditions": no_texts}), hz)
    assert short.verdict == "not_eligible"
    failure, = short.failed
    assert failure.kind == "at_least" and "至少 2 项，仅满足 1 项" in failure.display
    assert [a.display for a in failure.alternatives] == [
        "未满足: 获得中国专利奖或浙江省专利奖", "专利转让许可收益 ≥ 200万元: 有 100万元, 差 100万元",
        "未满足: 建立知识产权管理体系并通过贯标认证"]
    tech = {**base, "metrics": {**base["metrics"], "营业收入": "4500万元"}}
    assert match(ApplicantProfile.model_validate(tech), hz).verdict == "not_eligible"
    assert match(ApplicantProfile.model_validate({**tech, "qualifications": ["国家高新技术企业"]}), hz).verdict == "eligible"


# -- profiles ------------------------------------------------------------------------------------

def test_profile_figures_by_id_or_any_known_name_with_units() -> None:
    p = ApplicantProfile(metrics={"valid_patents": 60, "有效发明专利": "40件", "研发费用占营业收入比例": "3.5%",
                                  "利税": "2000万元", "年薪": 12})
    values = p.metric_values()
    assert values["valid_patents"] == 60 and values["valid_invention_patents"] == 40
    assert float(values["rd_expense_ratio"]) == 0.035 and values["profit_and_tax"] == 20_000_000
    assert "zh:年薪" in values
    assert to_number("百分之五") == to_number("5%")
    with pytest.raises(ValueError):
        to_number("很多")


def test_whole_percents_are_flagged() -> None:
    result = match(profile(metrics={**CHANGZHOU["metrics"], "研发费用占销售收入比例": 3.0}), rules(S002))
    assert any("fractions" in n for n in result.notes)


def test_the_issue_example_profile_validates_against_the_published_schema() -> None:
    example = {"applicant_type": "企业", "jurisdiction": "常州市",
               "metrics": {"有效发明专利数量": 40, "研发费用占销售收入比例": 0.03},
               "qualifications": ["专精特新“小巨人”企业"]}
    jsonschema.validate(example, schema("applicant"))
    ApplicantProfile.model_validate(example)


# -- JSON Logic: a maintained engine agrees with the evaluator ------------------------------------

APPLICANTS = [
    {},
    {"有效专利数量": 120},
    {"研发费用占销售收入比例": 0.04, "有效专利数量": 120},
    {"研发费用占销售收入比例": 0.04, "有效专利数量": 60, "_q": ["省科学技术奖"]},
    {"研发费用占销售收入比例": 0.04, "有效发明专利数量": 26, "有效专利数量": 10, "_q": ["江苏专利奖"]},
    {"研发费用占销售收入比例": 0.04, "有效专利数量": 120, "利税总额": "1000万元"},
    {"研发费用占销售收入比例": 0.04, "有效专利数量": 120, "利税总额": "1000万元", "_q": ["国家制造业单项冠军企业"]},
    {"研发费用占销售收入比例": 0.035, "有效专利数量": 100, "知识产权专兼职管理人员": 2},
    {"有效专利": 29, "有效发明专利": 3}, {"有效专利": 30, "有效发明专利": 2}, {"有效专利": 50, "有效发明专利": 1},
    {"每家服务机构服务的申报主体数": 2}, {"每家服务机构服务的申报主体数": 3},
    {"有效发明专利": 50, "专利产品销售收入": "1亿元", "总利润": "999万元"},
    {"有效发明专利": 50, "专利产品销售收入": "1亿元", "总利润": "1000万元"},
    {"营业收入": "4500万元", "研发费用占营业收入比例": 0.05, "有效发明专利": 25, "知识产权专职管理人员": 2,
     "主导制定标准": 1, "专利转让许可收益": "100万元", "_q": ["高新技术企业"]},
    {"营业收入": "6000万元", "研发费用占营业收入比例": 0.05, "有效发明专利": 25, "知识产权专职管理人员": 2,
     "主导制定标准": 0, "专利转让许可收益": "100万元", "_c": False},
]
"""Figures for the seeds' and the unseen notice's numeric conditions; ``_q`` qualifications,
``_c`` the answer to every qualitative condition."""


def _complete(figures: dict, rule_set, applicant) -> ApplicantProfile:
    """A profile with every metric of the tree present (defaults fail nothing but are real numbers)."""
    metrics = {k: v for k, v in figures.items() if not k.startswith("_")}
    probe = ApplicantProfile(metrics=metrics).metric_values()
    for leaf in leaves(applicant.condition):
        if leaf.kind == "numeric" and leaf.metric not in probe:
            metrics[leaf.metric] = float(leaf.value) * (2 if leaf.op in (">=", ">") else 0.5)
    answers = {}
    if "_c" in figures:
        answers = {n.id: figures["_c"] for n in leaves(applicant.condition) if isinstance(n, TextCondition)}
    return ApplicantProfile(metrics=metrics, qualifications=figures.get("_q", []), conditions=answers)


def test_json_logic_engine_agrees_with_the_evaluator() -> None:
    json_logic = pytest.importorskip("json_logic", reason="install the test extra: panzi-json-logic")
    rule_sets = [rules(S000), rules(S002), rules(S003), hangzhou()[1]]
    outcomes = []
    for rule_set in rule_sets:
        for applicant in rule_set.applicants:
            for figures in APPLICANTS:
                p = _complete(figures, rule_set, applicant)
                ours = evaluate(p, applicant.condition)
                assert ours != "unknown"
                theirs = json_logic.jsonLogic(applicant.jsonlogic, jsonlogic_data(p, rule_set))
                assert bool(theirs) == (ours == "eligible"), (rule_set.notice.id, applicant.label, figures, ours)
                outcomes.append(ours)
    assert len(outcomes) == 6 * len(APPLICANTS)  # six trees: 000 ×3, 002, 003, the unseen notice
    assert outcomes.count("eligible") >= 20 and outcomes.count("not_eligible") >= 20


def test_json_logic_of_changzhou_reads_like_the_text() -> None:
    logic = json.dumps(tree_logic := rules(S002).applicants[0].jsonlogic, ensure_ascii=False)
    assert '{">=": [{"var": "metrics.rd_expense_ratio"}, 0.035]}' in logic
    assert '{"in": ["国家专精特新“小巨人”企业", {"var": "qualifications"}]}' in logic
    assert '{">=": [{"var": "metrics.valid_patents"}, 50]}, {">=": [{"var": "metrics.valid_patents"}, 100]}' in logic
    assert tree_logic["and"]
    assert set(rules(S002).applicants[0].unevaluated) == {
        n.id for n in leaves(rules(S002).applicants[0].condition) if isinstance(n, TextCondition)}


# -- command line ---------------------------------------------------------------------------------

def _profile_file(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_match_command_json(tmp_path: Path) -> None:
    runner = CliRunner()
    notices = [str(CORPORA / f"{s}.txt") for s in (S000, S001, S002, S003, S004)]
    result = runner.invoke(main, ["match", _profile_file(tmp_path, CHANGZHOU), *notices, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [r["notice"] for r in out] == [S000, S001, S002, S003, S004]
    assert {"notice", "verdict", "failed", "missing", "funding"} <= set(out[0])
    assert [r["verdict"] for r in out] == ["not_eligible"] * 5  # 常州 is outside 重庆, 广西 and 大冶
    changzhou = out[2]
    assert changzhou["failed"][0]["display"] == "近三年 研发费用占销售收入比例 ≥ 3.5%: 有 3%, 差 0.5%"
    for r in out:
        jsonschema.validate(r, schema("match"))


def test_match_command_table_and_rules_json_input(tmp_path: Path) -> None:
    runner = CliRunner()
    written = runner.invoke(main, ["rules", str(CORPORA / f"{S002}.txt"), "--out", str(tmp_path)])
    assert written.exit_code == 0, written.output
    result = runner.invoke(main, ["match", _profile_file(tmp_path, CHANGZHOU), str(tmp_path / f"{S002}.rules.json")])
    assert result.exit_code == 0, result.output
    assert "不符合 not eligible" in result.output
    assert "有效发明专利数量 ≥ 50件: 有 40件, 差 10件" in result.output
    assert "最高100万元/项目" in result.output


def test_match_command_bad_inputs(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.json"
    bad.write_text('{"applicant": "x"}', encoding="utf-8")
    assert runner.invoke(main, ["match", str(bad), str(CORPORA / f"{S002}.txt")]).exit_code == 2
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]", encoding="utf-8")
    result = runner.invoke(main, ["match", _profile_file(tmp_path, CHANGZHOU), str(junk), str(CORPORA / f"{S002}.txt"),
                                  "--format", "json"])
    assert result.exit_code == 1
    assert [r["notice"] for r in json.loads(result.stdout)] == [S002]


@pytest.mark.parametrize("stem", [S001, S004])
def test_notices_without_rules_are_unknown_with_a_note(stem: str) -> None:
    j = rules(stem).notice.jurisdiction
    place = j.county or j.city or j.province
    result = match(ApplicantProfile(applicant_type="企业", jurisdiction=place), rules(stem))
    assert result.verdict == "unknown" and "no eligibility section" in result.notes[0]
