"""Section tree: GB/T 9704 markers, inline headings of collapsed text, ids, titles, gold headings."""

from __future__ import annotations

import pytest

from policyparse.normalize.pipeline import normalize
from policyparse.pipeline import parse_text
from policyparse.segment.markers import cn_ordinal
from policyparse.segment.tree import build_sections
from tests.conftest import CORPORA, gold_for

TIER_ONE_TWO = ("cn", "cn_paren")


def headings(text: str) -> list[str]:
    """Tier 一、 and （一） headings as marker + title (the gold's ``headings`` list)."""
    return [s.marker + s.title for s in build_sections(text) if s.kind == "heading" and s.level <= 2 and not s.marker[:1].isdigit() and not s.marker[1:2].isdigit()]


def test_seed_headings_match_gold(seed_stem: str) -> None:
    text = normalize((CORPORA / f"{seed_stem}.txt").read_text(encoding="utf-8")).text
    gold = gold_for(seed_stem)["headings"]
    assert sorted(headings(text)) == sorted(gold)


def test_ids_are_numbering_paths_and_parents_exist() -> None:
    text = "一、支持对象\n（一）企业应具备以下条件：\n1．注册在本市。\n（1）成立满一年。\n二、支持标准\n每个项目50万元。"
    sections = build_sections(text)
    assert [s.id for s in sections] == ["一", "一/（一）", "一/（一）/1", "一/（一）/1/（1）", "二"]
    assert [s.level for s in sections] == [1, 2, 3, 4, 1]
    assert sections[1].title == "企业应具备以下条件"
    assert sections[0].span == (0, text.index("二、"))
    ids = {s.id for s in sections}
    assert all(s.parent is None or s.parent in ids for s in sections)


def test_half_width_brackets_are_the_same_tier() -> None:
    sections = build_sections("一、总体要求\n(一)指导思想\n以习近平新时代中国特色社会主义思想为指导。\n(二)工作原则\n坚持市场导向。")
    assert [s.id for s in sections] == ["一", "一/（一）", "一/（二）"]
    assert sections[1].marker == "(一)"


def test_headings_found_without_line_breaks() -> None:
    text = "为全市发展提供支撑。一、总体要求以习近平新时代中国特色社会主义思想为指导，认真落实党中央部署，推动高质量发展。二、重点任务（一）强化创新源头供给，提高产出率。1．聚焦重点产业。围绕重点领域布局。"
    sections = build_sections(text)
    assert [(s.id, s.title) for s in sections] == [
        ("一", "总体要求"),
        ("二", "重点任务"),
        ("二/（一）", "强化创新源头供给，提高产出率"),
        ("二/（一）/1", "聚焦重点产业"),
    ]


def test_list_items_inside_a_sentence_are_not_headings() -> None:
    text = "一、申报材料\n申报单位须提交：（1）申报书；（2）营业执照复印件；（3）其他材料。分别突破5件、3件、2件。"
    assert [s.id for s in build_sections(text)] == ["一"]


def test_decimals_and_years_are_not_markers() -> None:
    text = "一、目标\n研发经费投入强度达到2.49％。2024年，全市达到10件。"
    assert [s.id for s in build_sections(text)] == ["一"]


def test_chapters_articles_and_attachments() -> None:
    text = "第一章 总则\n第一条 为规范资金管理，制定本办法。\n第二条 本办法适用于全市。\n第二章 支持范围\n第三条 支持以下项目：\n附件1\n申报书模板"
    sections = build_sections(text)
    assert [s.id for s in sections] == ["第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条", "附件1"]
    assert sections[1].title == "为规范资金管理，制定本办法"
    assert sections[-1].kind == "attachment" and sections[-1].level == 1


def test_repeated_marker_gets_a_distinct_id() -> None:
    sections = build_sections("五、组织方式\n（三）择优确定项目。\n（三）申报单位应同时进行网上申报。")
    assert [s.id for s in sections] == ["五", "五/（三）", "五/（三）#2"]


def test_table_rows_are_not_headings() -> None:
    sections = build_sections("六、联系方式\n1.\t常州市知识产权局\t88588192")
    assert [s.id for s in sections] == ["六"]


def test_list_markers_run_into_their_numbers() -> None:
    from policyparse.segment.markers import glued_item_markers

    text = "按面积收取：\n1.60平方米以下的，不予收取;\n2.60平方米至120平方米的，按5桶计量;\n3.120平方米以上的，按实际收取。"
    assert [text[a:b] for a, b in glued_item_markers(text)] == ["1.", "2.", "3."]
    # a lone decimal opening a line, or numbers that do not count up from 1, are numbers
    assert glued_item_markers("1.5倍以上的部分另行规定。\n其他情形按规定执行。") == []
    assert glued_item_markers("3.5万元以上的项目。\n7.2万元以下的项目。") == []


def test_amounts_rates_and_durations_after_a_list_marker_run_into_them_are_read() -> None:
    """``1.500万元以下的项目``: item 1 and 500万元, not 1.5 million yuan nor nothing at all."""
    text = ("二、支持标准\n1.500万元以下的项目，给予10万元补助。\n2.500万元以上的项目，补助比例为30%。\n"
            "3.3年内完成建设。\n")
    facts = parse_text(text).facts
    money = [(f.text, f.value_json()["amount"], f.value_json()["bound"]) for f in facts if f.type == "money"]
    assert ("500万元", 5000000, "max") in money and ("500万元", 5000000, "min") in money
    assert [f.text for f in facts if f.type == "duration"] == ["3年"]
    assert not any(f.text.startswith(("1.", "2.", "3.")) for f in facts)


@pytest.mark.parametrize(("numeral", "value"), [
    ("一", 1), ("十", 10), ("十二", 12), ("九十九", 99), ("一百零五", 105), ("两百", 200), ("12", 12),
    ("〇二十", 20), ("二〇二", 202), ("十十", 10),
])
def test_marker_numerals_never_fail(numeral, value):
    assert cn_ordinal(numeral) == value


@pytest.mark.parametrize("text", ["〇二十、测试\n正文", "二〇二十、测试", "\U00011f51、测试"])
def test_odd_marker_numerals_still_parse(text):
    doc = parse_text(text)
    assert [s.marker for s in doc.sections] == [text.split("、")[0] + "、"]
