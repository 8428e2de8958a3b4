"""Metadata of the seeds against the gold, and of notices shaped like other cities' notices."""

from __future__ import annotations

from policyparse.pipeline import parse_file, parse_text
from tests.conftest import CORPORA, gold_for


def test_seed_metadata_matches_gold(seed_stem: str) -> None:
    metadata = parse_file(CORPORA / f"{seed_stem}.txt").document.metadata.model_dump(mode="json")
    gold = gold_for(seed_stem)["metadata"]
    for key, want in gold.items():
        got = metadata[key]
        if key == "jurisdiction":
            got = {k: got[k] for k in want}
        assert got == want, key


GUANGDONG = """深圳市南山区科技创新局关于组织申报2024年度南山区知识产权专项资金项目的通知
深南科〔2024〕12号
各有关单位：
为贯彻落实知识产权强区战略，现将有关事项通知如下：
一、申报条件
（一）在南山区注册的企业。
二、联系方式
联系人：李明，电话：26661234。
深圳市南山区科技创新局
2024年3月1日
"""


def test_other_city_notice_metadata() -> None:
    metadata = parse_text(GUANGDONG).metadata
    assert metadata.title == "深圳市南山区科技创新局关于组织申报2024年度南山区知识产权专项资金项目的通知"
    assert metadata.doc_number == "深南科〔2024〕12号"
    assert metadata.issuers == ("深圳市南山区科技创新局",)
    assert metadata.addressees == ("各有关单位",)
    assert metadata.publish_date == "2024-03-01" and metadata.signing_date == "2024-03-01"
    assert metadata.policy_year == 2024
    assert (metadata.jurisdiction.province, metadata.jurisdiction.city, metadata.jurisdiction.county) == ("广东省", "深圳市", "南山区")
    assert metadata.jurisdiction.adcode == "440305"


def test_web_labels_and_bracket_forms() -> None:
    text = "浙江省经济和信息化厅 浙江省财政厅关于印发《浙江省专精特新企业培育办法》的通知发布日期：2023-07-05\n浙经信企业[2023]88号\n各市经信局、财政局：\n现将办法印发给你们。"
    metadata = parse_text(text).metadata
    assert metadata.title.endswith("的通知")
    assert metadata.issuers == ("浙江省经济和信息化厅", "浙江省财政厅")
    assert metadata.doc_number == "浙经信企业〔2023〕88号"
    assert metadata.publish_date == "2023-07-05"
    assert metadata.jurisdiction.province == "浙江省" and metadata.jurisdiction.city is None


def test_unknown_stays_null() -> None:
    metadata = parse_text("一、支持对象\n注册满一年的企业。\n二、支持标准\n每家最高给予10万元。").metadata
    assert metadata.title is None and metadata.doc_number is None and metadata.issuers == ()
    assert metadata.publish_date is None and metadata.policy_year is None
    assert metadata.jurisdiction.province is None
