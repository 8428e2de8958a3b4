"""The scorer behind ``policyparse eval``: distinct values, one-to-one matching, the comparators."""

from __future__ import annotations

from policyparse.evaluation.matching import metrics_match, values_match
from policyparse.evaluation.score import score_facts


def _threshold(metric: str, value: int, subject: str | None = None, op: str = ">=") -> dict:
    v = {"metric": metric, "op": op, "value": value, "unit": "CNY"}
    if subject:
        v["subject"] = subject
    return {"type": "threshold", "value": v}


def test_same_value_twice_is_one_item():
    money = {"type": "money", "value": {"amount": 500000, "currency": "CNY", "bound": "max"}}
    counts, missed, spurious = score_facts([money, money], [money])
    assert (counts["money"].tp, counts["money"].fp, counts["money"].fn) == (1, 0, 0)
    assert missed == [] and spurious == []


def test_matching_is_one_to_one():
    gold = [_threshold("营业收入", 100), _threshold("营业收入", 200)]
    counts, missed, _ = score_facts([_threshold("营业收入", 100)], gold)
    assert (counts["threshold"].tp, counts["threshold"].fn) == (1, 1)
    assert missed == [("threshold", gold[1]["value"])]


def test_metric_names_match_by_containment_without_fillers():
    assert metrics_match("有效专利", "有效专利数量")
    assert metrics_match("拥有商品住房", "拥有商品住房套数")
    assert not metrics_match("年节能量", "年降碳量")


def test_metric_names_match_with_or_without_a_bracketed_qualifier():
    assert metrics_match("购买新车发票金额", "新车发票金额（不含税价）")
    assert metrics_match("单台设备价值（含税）", "单台设备价值")
    assert not metrics_match("偿还贷款年龄（男）", "住房面积（套内）")


def test_money_bound_must_agree():
    gold = {"amount": 10000, "currency": "CNY", "bound": "min"}
    assert values_match("money", {"amount": 10000, "currency": "CNY", "bound": "min"}, gold)
    assert not values_match("money", {"amount": 10000, "currency": "CNY", "bound": "max"}, gold)


def test_a_repeat_of_a_matched_value_with_another_subject_is_not_spurious():
    gold = [_threshold("年节能量", 20, "企事业单位节能项目")]
    predicted = [_threshold("年节能量", 20, "企事业单位节能项目"), _threshold("年节能量", 20, "节能技术项目")]
    counts, _, spurious = score_facts(predicted, gold)
    assert (counts["threshold"].tp, counts["threshold"].fp, counts["threshold"].fn) == (1, 0, 0)
    assert spurious == []


def test_a_prediction_matching_no_gold_value_is_spurious():
    predicted = [_threshold("年节能量", 20), _threshold("调整幅度", 15, op="<=")]
    counts, _, spurious = score_facts(predicted, [_threshold("年节能量", 20)])
    assert counts["threshold"].fp == 1
    assert spurious == [("threshold", predicted[1]["value"])]


def test_headings_compare_without_layout_spaces_and_bracket_width():
    from policyparse.evaluation.score import score_headings

    document = {"sections": [
        {"kind": "heading", "marker": "一、", "title": "优化土地出让方式"},
        {"kind": "heading", "marker": "(一)", "title": "适用范围"},
        {"kind": "heading", "marker": "二、", "title": "延长缴纳时间"},
    ]}
    counts = score_headings(document, ["一、 优化土地出让方式", "（一） 适用范围", "三、 其他"])
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)


def test_headings_count_parts_and_ignore_an_items_closing_punctuation():
    from policyparse.evaluation.score import score_headings

    document = {"sections": [
        {"kind": "chapter", "marker": "第一章", "title": "总则"},
        {"kind": "article", "marker": "第一条", "title": "为进一步凝聚本区安全生产领域的社会监督合力"},
        {"kind": "heading", "marker": "（一）", "title": "举报内容经查证属实"},
        {"kind": "chapter", "marker": "第二部分", "title": "考核奖励"},
    ]}
    gold = ["第一章  总 则", "（一）举报内容经查证属实；", "第二部分 考核奖励"]
    counts = score_headings(document, gold)
    assert (counts.tp, counts.fp, counts.fn) == (3, 0, 0)  # the article 第一条 is not a scored heading


def test_a_title_compares_without_layout_spaces():
    from policyparse.evaluation.score import score_metadata

    document = {"metadata": {"title": "嘉定区水务局嘉定区财政局关于印发《实施意见》的通知", "doc_number": None}}
    gold = {"title": "嘉定区水务局 嘉定区财政局关于印发 《实施意见》的通知", "doc_number": None}
    assert score_metadata(document, gold) == {"title": True, "doc_number": True}
    assert score_metadata({"metadata": {"title": "关于印发《办法》的通知"}}, {"title": "关于印发《细则》的通知"}) == {"title": False}
