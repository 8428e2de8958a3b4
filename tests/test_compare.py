"""Profiles and comparisons: each change kind and direction, the seeds' slots, a new city's notice."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from policyparse.cli import main
from policyparse.compare import build_matrix, compare_profiles, diff_profiles, direction
from policyparse.pipeline import parse_file, parse_text
from policyparse.profile import NoticeInfo, PolicyProfile, Provenance, Slot, build_profile
from policyparse.schema import compare_schema
from tests.conftest import CORPORA, SEED_STEMS

# -- synthetic slots: the diff semantics, one kind and direction at a time ----------------------

_PROV = (Provenance(document="x", span=(0, 1), text="x", sentence="x", highlight=(0, 1)),)


def _slot(kind: str, value, number=None, key: str = "k", category: str = "funding") -> Slot:
    return Slot(key=key, category=category, label=key, kind=kind, value=value, display=str(value),
                number=number, provenance=_PROV)


def _money(amount: int, bound: str = "exact") -> Slot:
    return _slot("money", {"amount": amount, "currency": "CNY", "bound": bound}, amount)


def _threshold(op: str, value: float, unit: str | None = "件") -> Slot:
    return _slot("threshold", {"metric": "有效专利", "op": op, "value": value, "unit": unit}, value,
                 category="eligibility")


def _profile(nid: str, *slots: Slot) -> PolicyProfile:
    return PolicyProfile(notice=NoticeInfo(id=nid, label=nid), slots={s.key: s for s in slots})


@pytest.mark.parametrize(("a", "b", "expected"), [
    (500_000, 1_000_000, ("up", 2.0)),
    (1_000_000, 500_000, ("down", 0.5)),
])
def test_amount_up_and_down_with_ratio(a: int, b: int, expected: tuple) -> None:
    d, ratio, _ = direction(_money(a), _money(b))
    assert (d, ratio) == expected


def test_amount_bound_change_is_noted() -> None:
    d, ratio, note = direction(_money(500_000), _money(500_000, "max"))
    assert d is None and ratio is None
    assert note == "bound changed from exact to max"


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((">=", 30), (">=", 100), "stricter"),   # a minimum raised
    ((">=", 100), (">=", 30), "looser"),
    (("<=", 2), ("<=", 1), "stricter"),      # a maximum lowered
    (("<=", 1), ("<=", 2), "looser"),
    ((">=", 50), (">", 50), "stricter"),     # same value, exclusive bound
    ((">", 50), (">=", 50), "looser"),
])
def test_threshold_stricter_and_looser(a: tuple, b: tuple, expected: str) -> None:
    assert direction(_threshold(*a), _threshold(*b))[0] == expected


def test_threshold_without_an_order_has_no_direction() -> None:
    assert direction(_threshold(">=", 3, "件"), _threshold(">=", 3, "项"))[0] is None
    d, _, note = direction(_threshold(">=", 3), _threshold("<=", 3))
    assert d is None and "operator" in note


def test_deadline_earlier_and_later() -> None:
    june, july = _slot("date", "2023-06-30"), _slot("date", "2023-07-10")
    assert direction(july, june)[0] == "earlier"
    assert direction(june, july)[0] == "later"


def test_a_month_end_deadline_reads_at_the_last_day_of_the_month() -> None:
    end_of_august, mid_august = _slot("date", "2020-08"), _slot("date", "2020-08-15")
    assert direction(end_of_august, mid_august)[0] == "earlier"
    assert direction(mid_august, end_of_august)[0] == "later"
    assert direction(end_of_august, _slot("date", "2020-08-31"))[0] is None


def test_deadline_of_another_year_compares_calendar_days() -> None:
    d, _, note = direction(_slot("date", "2020-07-10"), _slot("date", "2023-06-30"))
    assert d == "earlier"
    assert "calendar day" in note


def test_period_longer_and_shorter() -> None:
    two, three = _slot("duration", {"value": 2, "unit": "year"}, 730), _slot("duration", {"value": 3, "unit": "year"}, 1095)
    assert direction(two, three)[:2] == ("longer", 1.5)
    assert direction(three, two)[0] == "shorter"


def test_selection_rule_more_required_is_stricter() -> None:
    three_of_ten = _slot("selection_rule", {"at_least": 3, "of": 10}, 0.3)
    three_of_six = _slot("selection_rule", {"at_least": 3, "of": 6}, 0.5)
    assert direction(three_of_ten, three_of_six)[0] == "stricter"
    assert direction(three_of_six, three_of_ten)[0] == "looser"


def test_quota_up_and_down() -> None:
    assert direction(_slot("quota", {"max": 2, "unit": "项"}, 2), _slot("quota", {"max": 1, "unit": "项"}, 1))[:2] == ("down", 0.5)


def test_list_items_added_and_removed() -> None:
    a = _profile("a", _slot("list", ["新材料", "新能源"], 2, key="list.industries", category="list"))
    b = _profile("b", _slot("list", ["新能源", "生物医药"], 2, key="list.industries", category="list"))
    (change,) = diff_profiles(a, b).changes
    assert (change.change, change.direction) == ("changed", "items_changed")
    assert change.added == ("生物医药",) and change.removed == ("新材料",)


def test_same_items_in_another_order_are_unchanged() -> None:
    a = _profile("a", _slot("list", ["新材料", "新能源"], key="list.industries", category="list"))
    b = _profile("b", _slot("list", ["新能源", "新材料"], key="list.industries", category="list"))
    diff = diff_profiles(a, b)
    assert diff.changes == () and diff.unchanged == ("list.industries",)


def test_added_and_removed_slots() -> None:
    a = _profile("a", _slot("money", {"amount": 1}, 1, key="funding.per_project"))
    b = _profile("b", _slot("date", "2023-06-30", key="deadline.paper", category="deadline"))
    kinds = {(c.key, c.change) for c in diff_profiles(a, b).changes}
    assert kinds == {("funding.per_project", "removed"), ("deadline.paper", "added")}


def test_threshold_wording_does_not_make_a_change() -> None:
    a = _threshold(">=", 30)
    b = a.model_copy(update={"value": {**a.value, "metric": "有效专利数量"}})
    diff = diff_profiles(_profile("a", a), _profile("b", b))
    assert diff.changes == ()


def test_matrix_range_and_outliers() -> None:
    profiles = [_profile(n, _money(v)) for n, v in (("a", 500_000), ("b", 600_000), ("c", 5_000_000))]
    (row,) = build_matrix(profiles).rows
    assert (row.range.min, row.range.max) == (500_000, 5_000_000)
    assert row.outliers == ("c",)


# -- the seeds -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def profiles() -> dict[str, PolicyProfile]:
    return {stem[:3]: build_profile(parse_file(CORPORA / f"{stem}.txt").document) for stem in SEED_STEMS}


def test_per_project_support_chongqing_2020_vs_changzhou_2023(profiles) -> None:
    cq, cz = profiles["000"].slots["funding.per_project"], profiles["002"].slots["funding.per_project"]
    assert cq.value == {"amount": 500000, "currency": "CNY", "bound": "exact", "per": "项目"}
    assert cz.value == {"amount": 1000000, "currency": "CNY", "bound": "max", "per": "项目"}
    change = next(c for c in diff_profiles(profiles["000"], profiles["002"]).changes if c.key == "funding.per_project")
    assert (change.direction, change.ratio) == ("up", 2.0)


def test_payment_schedule_cost_share_period_and_deadlines(profiles) -> None:
    cz = profiles["002"].slots
    assert cz["schedule.payment"].value == [0.7, 0.3]
    assert profiles["000"].slots["schedule.payment"].display == "40% + 余额"
    assert cz["cost_share.levels"].value == [1.0, 1.0]
    assert cz["period.implementation"].display == "3年"
    assert cz["deadline.online"].value == "2023-06-21T17:00"
    assert cz["deadline.paper"].value == "2023-06-30"
    assert cz["quota.武进区、新北区"].value["max"] == 2


def test_patent_thresholds_line_up_by_metric_and_applicant(profiles) -> None:
    cq, cz = profiles["000"].slots, profiles["002"].slots
    key = "eligibility.enterprise.valid_patents"
    assert (cq[key].number, cz[key].number) == (30, 100)
    assert cq["eligibility.university+research_institute.valid_patents"].number == 50
    change = next(c for c in diff_profiles(profiles["000"], profiles["002"]).changes if c.key == key)
    assert change.direction == "stricter"


def test_kpi_menu_with_its_rule(profiles) -> None:
    assert profiles["000"].slots["kpi.rule"].value == {"at_least": 3, "of": 10}
    assert profiles["003"].slots["kpi.rule"].value == {"at_least": 3, "of": 6}
    assert profiles["003"].slots["kpi.new_invention_patents"].number == 100


def test_every_provenance_quotes_its_notice(profiles) -> None:
    texts = {stem[:3]: parse_file(CORPORA / f"{stem}.txt").document.text for stem in SEED_STEMS}
    for nid, profile in profiles.items():
        for slot in profile.slots.values():
            for p in slot.provenance:
                assert texts[nid][p.span[0]:p.span[1]] == p.text
                assert p.sentence[p.highlight[0]:p.highlight[1]] == p.text
                assert p.sentence in texts[nid]


def test_comparison_json_validates_against_its_schema(profiles) -> None:
    result = compare_profiles(list(profiles.values()), [(0, 1)])
    jsonschema.validate(json.loads(result.model_dump_json()), compare_schema())


# -- a notice from a city the project has never seen -----------------------------------------------

HANGZHOU = """杭州市市场监督管理局关于组织申报2024年度杭州市高价值专利培育项目的通知
各区、县（市）市场监督管理局，有关单位：
为深入实施知识产权强市战略，现将2024年度高价值专利培育项目申报工作通知如下。
一、申报条件
（一）申报单位为在杭州市注册的企业，具有独立法人资格。
（二）企业拥有有效发明专利不少于20件。
（三）上一年度研发费用占销售收入比例不低于3%。
二、支持方式
每个项目给予最高80万元资助，项目立项后拨付60%，验收合格后拨付40%。项目实施期限为2年。
三、申报时间
网上申报截止时间为2024年5月31日，纸质材料报送截止时间为2024年6月7日。
"""


def test_a_new_city_slots_into_the_matrix_without_code_changes(profiles) -> None:
    hz = build_profile(parse_text(HANGZHOU, name="hangzhou_2024.txt"))
    slots = hz.slots
    assert slots["funding.per_project"].value["amount"] == 800000
    assert slots["schedule.payment"].value == [0.6, 0.4]
    assert slots["period.implementation"].display == "2年"
    assert slots["eligibility.enterprise.valid_invention_patents"].number == 20
    assert slots["eligibility.enterprise.rd_expense_ratio"].number == pytest.approx(0.03)
    assert slots["deadline.online"].value == "2024-05-31"
    assert slots["deadline.paper"].value == "2024-06-07"
    matrix = build_matrix([profiles["000"], profiles["002"], hz])
    row = next(r for r in matrix.rows if r.key == "funding.per_project")
    assert [c.number if c else None for c in row.cells.values()] == [500000, 1000000, 800000]
    rd = next(r for r in matrix.rows if r.key == "eligibility.enterprise.rd_expense_ratio")
    assert rd.cells["002_cff6add629d97559"].number == pytest.approx(0.035)


def test_cli_compare_prints_markdown_for_two_notices() -> None:
    files = [str(CORPORA / f"{stem}.txt") for stem in SEED_STEMS[:3:2]]
    result = CliRunner().invoke(main, ["compare", *files])
    assert result.exit_code == 0, result.output
    assert "## 重庆市 2020 → 常州市 2023" in result.output
    assert "↑ up ×2" in result.output


def test_cli_compare_rejects_a_bad_pair() -> None:
    files = [str(CORPORA / f"{stem}.txt") for stem in SEED_STEMS[:2]]
    result = CliRunner().invoke(main, ["compare", *files, "--diff", "1:3"])
    assert result.exit_code != 0
    assert "positions" in result.output


def test_a_real_unseen_notice_joins_the_seed_matrix(profiles) -> None:
    """A real 广州天河 notice (corpora/unseen, never tuned on) lines up with the seeds by slot key."""
    path = CORPORA / "unseen" / "000_guangzhou_tianhe_gangao_qingnian.txt"
    tianhe = build_profile(parse_file(path).document)
    assert tianhe.notice.label == "天河区 2023"
    matrix = build_matrix([profiles["000"], profiles["002"], tianhe])
    row = next(r for r in matrix.rows if r.key == "funding.per_project")
    assert row.cells[tianhe.notice.id].value["per"] == "家"
    assert row.range is not None and row.range.max == 1000000
    for slot in tianhe.slots.values():
        for p in slot.provenance:
            assert p.sentence[p.highlight[0]:p.highlight[1]] == p.text


def test_exemptions_are_slots_with_their_clause(profiles) -> None:
    slots = profiles["002"].slots
    waive = slots["exemption.profit_and_tax"]
    assert waive.value["kind"] == "waive"
    assert "国家专精特新“小巨人”企业" in waive.value["qualifications"]
    halve = slots["exemption.valid_invention_patents+valid_patents"]
    assert (halve.value["kind"], halve.number) == ("scale", 0.5)
    assert halve.provenance[0].text.endswith("专利数量要求可减半")
