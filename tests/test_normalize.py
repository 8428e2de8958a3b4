"""Normalization steps: width table, whitespace, flattened tables, scrape repeats."""

from __future__ import annotations

from policyparse.normalize.dedupe import remove_scrape_repeats
from policyparse.normalize.pipeline import normalize
from policyparse.normalize.width import fold_width
from tests.conftest import CORPORA


def test_width_folds_alphanumerics_but_keeps_chinese_punctuation() -> None:
    out = fold_width("ＰＣＴ申请２０２３年，比例５０％（含）　Ａ＠ｂ").text
    assert out == "PCT申请2023年，比例50％（含） A@b"


def test_whitespace_keeps_one_paragraph_per_line() -> None:
    assert normalize("  一、总体要求  \n\n\n 为了 加快 发展。\n").text == "一、总体要求\n为了加快发展。"


def test_line_wrap_spaces_around_short_numbers_go() -> None:
    """Text copied out of a PDF keeps its line wraps as spaces (第 1 条, 不低于200 万元)."""
    text = normalize("第 1 条 设立总规模不低于200 万元的资金，固定资 产投资").text
    assert text == "第1条设立总规模不低于200万元的资金，固定资产投资"


def test_space_before_a_phone_number_stays() -> None:
    """A long number is a phone or an ID: the space before it separates a name."""
    assert normalize("李强 83459876 王明 0519-1234").text == "李强 83459876 王明 0519-1234"


def test_latin_words_keep_their_spaces() -> None:
    assert normalize("采用 PCT 途径 and Paris Convention").text == "采用 PCT 途径 and Paris Convention"


def test_flattened_table_becomes_rows() -> None:
    raw = "六、联系方式\n\t单  位\n\t联系人\n\t联系电话\n\n\t常州市知识产权局\n\t魏  金\n\t88588192\n"
    assert normalize(raw).text == "六、联系方式\n单位\t联系人\t联系电话\n常州市知识产权局\t魏金\t88588192"


def test_seed_001_holds_each_paragraph_once() -> None:
    raw = (CORPORA / "001_b98dbf41ae0235a1.txt").read_text(encoding="utf-8")
    n = normalize(raw)
    assert n.text.count("一、总体要求以习近平新时代中国特色社会主义思想为指导") == 1
    assert n.text.count("在渝高等学校、研发机构、企业高价值发明专利拥有量分别突破8000件") == 1
    assert n.text.count("——“一个倍增”。") == 1
    assert any(d.code == "W201" for d in n.diagnostics)


def test_parallel_sentences_of_a_real_notice_stay() -> None:
    """Seed 000 says the same sentence for two applicant types: not a scrape repeat."""
    raw = (CORPORA / "000_3648e0628b0d6aa9.txt").read_text(encoding="utf-8")
    n = normalize(raw)
    assert n.text.count("围绕相关技术领域已有一定的研发基础，并有专利化、产业化应用的可行性调查和相关计划。") == 2
    assert not any(d.code == "W201" for d in n.diagnostics)


def test_short_responsibility_lines_repeat_on_purpose() -> None:
    text = "1．甲任务。（责任单位：市知识产权局）\n2．乙任务。（责任单位：市知识产权局）"
    assert remove_scrape_repeats(text).text == text


def test_copied_passage_is_removed_once() -> None:
    para = "到2024年，力争战略性新兴产业发明专利拥有量突破24000件。全市知识产权质押融资登记金额突破130亿元。"
    text = "一、目标\n" + para + "\n二、任务\n支持企业。" + para
    out = remove_scrape_repeats(text).text
    assert out.count("突破130亿元") == 1 and out.startswith("一、目标\n" + para)


def test_parallel_material_lists_keep_their_repeated_items() -> None:
    """Items repeated under each applicant type are the notice's own words, not a scrape repeat."""
    from policyparse.normalize.dedupe import remove_scrape_repeats

    text = (
        "1.重点企业需提供：\n①《人才公寓申请表（企业）》（附件3）；\n②所在企业营业执照复印件。\n"
        "2.新引进企业需提供：\n①《人才公寓申请表（企业）》（附件3）；\n②所在企业营业执照复印件。\n"
    )
    result = remove_scrape_repeats(text)
    assert result.text == text
    assert result.diagnostics == []


def test_article_number_broken_by_a_wrap_is_joined() -> None:
    assert normalize("第 2 3 条 新建重点产业项目").text == "第23条新建重点产业项目"
