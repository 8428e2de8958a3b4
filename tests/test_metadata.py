"""Metadata of the seeds against the gold, and of notices shaped like other cities' notices."""

from __future__ import annotations

import pytest

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


# Headers laid out per GB/T 9704 (版头 → 发文字号 → 标题 → 主送机关 … 署名 → 成文日期), as printed by
# other cities: joint issuer lines, names and titles broken over lines, scoped addressees.

WEB_PAGE_WITH_JOINT_HEADER = """温州市促进科技成果转化若干措施
发表时间：2022-05-01 10:00:00
信息来源：市科技局
温科发〔2022〕12号
温州市科学技术局 温州市财政局 中共温州市委人才工作领导小组办公室
关于印发温州市促进科技成果转化若干措施的通知
市直各单位：
现将《温州市促进科技成果转化若干措施》印发给你们，请遵照执行。
温州市科学技术局
温州市财政局
中共温州市委人才工作领导小组办公室
2022年4月28日
一、支持对象
在温州市注册的企业。
"""


def test_joint_issuer_line_and_notice_title_under_a_page_heading() -> None:
    metadata = parse_text(WEB_PAGE_WITH_JOINT_HEADER).metadata
    # the page heading (措施 name) precedes the 版头; the notice's own title stands under the 文号 and issuers
    assert metadata.title == "关于印发温州市促进科技成果转化若干措施的通知"
    assert metadata.doc_number == "温科发〔2022〕12号"
    assert metadata.issuers == ("温州市科学技术局", "温州市财政局", "中共温州市委人才工作领导小组办公室")
    assert metadata.addressees == ("市直各单位",)
    assert metadata.signing_date == "2022-04-28"


def test_joint_issuers_from_the_header_line_alone() -> None:
    text = "杭州市西湖区科学技术局 杭州市西湖区财政局\n关于组织申报2024年度西湖区研发补助的通知\n区属各单位：\n现将有关事项通知如下：\n一、申报对象\n在西湖区注册的企业。\n"
    metadata = parse_text(text).metadata
    assert metadata.title == "关于组织申报2024年度西湖区研发补助的通知"
    assert metadata.issuers == ("杭州市西湖区科学技术局", "杭州市西湖区财政局")
    assert metadata.addressees == ("区属各单位",)


def test_signature_broken_over_two_lines() -> None:
    text = (
        "关于开展第三批市级青年拔尖人才选拔的通知\n市直各单位：\n现将有关事项通知如下：\n"
        "一、选拔范围\n在甬工作的专业技术人员。\n二、报送要求\n请于4月底前报送。\n"
        "中共宁波市委人才工作\n领导小组办公室\n2021年3月2日\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.issuers == ("中共宁波市委人才工作领导小组办公室",)
    assert metadata.signing_date == "2021-03-02"
    broken_after_suffix = text.replace("中共宁波市委人才工作\n领导小组办公室", "中共宁波市委人才工作领导小组\n办公室")
    assert parse_text(broken_after_suffix).metadata.issuers == ("中共宁波市委人才工作领导小组办公室",)


def test_red_header_file_mark_names_the_issuer() -> None:
    text = (
        "中共成都市委组织部 成都市人力资源和社会保障局文件\n成人社发〔2020〕8号\n"
        "关于印发《成都市人才安居实施细则》的通知\n各区（市）县党委组织部、人社局：\n现印发给你们。\n"
        "一、适用对象\n在蓉工作的人才。\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.title == "关于印发《成都市人才安居实施细则》的通知"
    assert metadata.doc_number == "成人社发〔2020〕8号"
    assert metadata.issuers == ("中共成都市委组织部", "成都市人力资源和社会保障局")
    # a signature that prints only the tail of the name is the same body, not a second issuer
    signed = text + "二、其他\n按规定执行。\n人力资源和社会保障局\n2020年6月1日\n"
    assert parse_text(signed).metadata.issuers == ("中共成都市委组织部", "成都市人力资源和社会保障局")


def test_addressees_split_on_enumeration_comma_only_outside_brackets() -> None:
    text = "关于做好2022年度专利资助工作的通知\n各县（市、区）科技局、财政局（金融办）、市级有关部门（单位）党组（党委）：\n现通知如下：\n一、资助范围\n略。\n"
    assert parse_text(text).metadata.addressees == ("各县（市、区）科技局", "财政局（金融办）", "市级有关部门（单位）党组（党委）")
    # 各区、县 is one addressee (各区 alone names no body)
    text = "关于做好2022年度专利资助工作的通知\n各区、县（市）科技局，市直有关单位：\n现通知如下：\n一、资助范围\n略。\n"
    assert parse_text(text).metadata.addressees == ("各区、县（市）科技局", "市直有关单位")


def test_title_printed_over_two_lines() -> None:
    text = (
        "特急\n西安市科学技术局文件\n市科发〔2021〕40号\n西安市科学技术局关于印发\n《西安市科技企业孵化器管理办法》的通知\n"
        "各区县科技局：\n现印发给你们。\n一、总则\n略。\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.title == "西安市科学技术局关于印发《西安市科技企业孵化器管理办法》的通知"
    assert metadata.doc_number == "市科发〔2021〕40号"
    assert metadata.issuers == ("西安市科学技术局",)
    text = "关于组织开展2024年度科技型中小企业、\n高新技术企业评价工作的通知\n各县（市、区）科技局：\n现通知如下：\n一、评价对象\n略。\n"
    assert parse_text(text).metadata.title == "关于组织开展2024年度科技型中小企业、高新技术企业评价工作的通知"


def test_title_lines_are_not_glued_to_headings_or_attached_documents() -> None:
    # a short page heading without a 文种 is not the first line of the title under it
    text = "科技型企业评价\n关于组织开展2024年度科技型中小企业评价工作的通知\n各有关单位：\n现通知如下：\n一、评价对象\n略。\n"
    assert parse_text(text).metadata.title == "关于组织开展2024年度科技型中小企业评价工作的通知"
    # the 署名 and 成文日期 end the header: the attached 方案's name below them is not the title
    text = "关于印发苏州市专利导航实施方案的通知\n苏州市市场监督管理局\n2023年6月1日\n苏州市专利导航实施方案\n为推进专利导航工作，制定本方案。\n一、总体要求\n略。\n"
    metadata = parse_text(text).metadata
    assert metadata.title == "关于印发苏州市专利导航实施方案的通知"
    assert metadata.issuers == ("苏州市市场监督管理局",) and metadata.signing_date == "2023-06-01"


def test_bracketed_date_under_the_title_is_the_publication_date() -> None:
    text = "中共某县委 某县人民政府\n关于支持重点产业加快发展的实施意见\n（2023年2月8日）\n为加快发展，制定如下意见。\n一、政策支持\n设立引导资金。"
    assert parse_text(text).metadata.publish_date == "2023-02-08"


def test_addressees_that_share_an_owner_stay_one() -> None:
    text = "国务院办公厅关于印发两个规定的通知\n国办发〔2018〕124号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n现将规定印发给你们。"
    assert parse_text(text).metadata.addressees == ("各省、自治区、直辖市人民政府", "国务院各部委、各直属机构")


@pytest.mark.parametrize("line, expected", [
    ("区投资促进办、各科技园区、各相关单位：", ("区投资促进办", "各科技园区", "各相关单位")),
    ("黄浦区节能减排工作领导小组各成员单位，各有关单位：", ("黄浦区节能减排工作领导小组各成员单位", "各有关单位")),
    ("区相关单位：", ("区相关单位",)),
    ("各县（市、区）人民政府，市人民政府各部门及有关单位：", ("各县（市、区）人民政府", "市人民政府各部门", "有关单位")),
    ("各镇、街道，区级相关单位，相关企业：", ("各镇", "街道", "区级相关单位", "相关企业")),
    ("各乡、镇人民政府，区政府各有关部门：", ("各乡、镇人民政府", "区政府各有关部门")),
    ("各乡镇人民政府，县人民政府有关局办、直属机构：", ("各乡镇人民政府", "县人民政府有关局办、直属机构")),
    ("各区人民政府及其有关部门，市政府各部门：", ("各区人民政府及其有关部门", "市政府各部门")),
    ("各村、社区，镇属各单位：", ("各村", "社区", "镇属各单位")),
    ("各村、社区居民委员会：", ("各村、社区居民委员会",)),
])
def test_addressee_lines(line, expected) -> None:
    """The 主送机关 line: bodies before the first 各 belong to it, 、 and 及 part addressees that
    each name a body, a shared owner or suffix keeps a group whole."""
    text = f"关于开展2026年度专项资金申报的通知\n{line}\n现将有关事项通知如下。\n一、申报条件\n略。"
    assert parse_text(text).metadata.addressees == expected


def test_no_addressee_from_the_sentence_that_opens_the_body_or_a_run_in_title() -> None:
    body = "关于开展专项资金申报的通知\n为促进发展，现将有关事项通知如下：\n一、申报条件\n略。"
    assert parse_text(body).metadata.addressees == ()
    run_in = ("某市人民政府办公厅关于印发某市专利质量提升行动方案的通知发布日期:2022-03-25某府办发〔2022〕41号"
              "各区县人民政府，市政府有关部门：方案已经市政府同意。\n一、总体要求\n略。")
    assert parse_text(run_in).metadata.addressees == ("各区县人民政府", "市政府有关部门")


def test_a_span_of_years_names_no_programme_year() -> None:
    text = "某省经济和信息化委员会关于印发2014-2015年度成长型中小企业名单的通知\n某经信企业〔2014〕137号\n各市经信委：\n请于12月30日前报送总结。"
    document = parse_text(text)
    assert document.metadata.policy_year is None
    deadline = [f for f in document.facts if f.type == "date" and f.role == "deadline"]
    assert [f.value for f in deadline] == ["2014-12-30"] and deadline[0].year_inferred


def test_local_offices_of_vertically_managed_bodies_are_one_issuer_each() -> None:
    text = (
        "关于进一步支持刚性和改善性住房需求的通知\n各区县（市）房产、自然资源、税务部门：\n现将有关事项通知如下：\n"
        "一、支持首套住房\n首付比例不低于20%。\n"
        "沈阳市房产局      沈阳市自然资源局\n国家税务总局沈阳市税务局\n中国人民银行辽宁省分行营业管理部\n2023年9月3日\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.issuers == (
        "沈阳市房产局", "沈阳市自然资源局", "国家税务总局沈阳市税务局", "中国人民银行辽宁省分行营业管理部",
    )
    assert metadata.jurisdiction.city == "沈阳市"


def test_web_page_source_label_and_bare_date_line() -> None:
    text = (
        "广东省高校毕业生就业创业扶持政策清单\n2026-08-03\n来源：广东省人力资源和社会保障厅官网\n"
        "为促进高校毕业生高质量充分就业，推出以下扶持政策。\n一、小微企业社保补贴\n按规定给予补贴。\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.title == "广东省高校毕业生就业创业扶持政策清单"
    assert metadata.issuers == ("广东省人力资源和社会保障厅",)
    assert metadata.publish_date == "2026-08-03"


def test_a_label_names_no_issuer_when_the_notice_is_signed() -> None:
    text = (
        "关于开展申报工作的通知\n发布机构：区政府办公室\n各有关单位：\n一、申报条件\n企业营业收入不低于500万元。\n"
        "上海市长宁区发展和改革委员会\n2026年6月1日\n"
    )
    assert parse_text(text).metadata.issuers == ("上海市长宁区发展和改革委员会",)


_WINDOWS = "".join(f"{i}.第{i}个服务窗口地址位于某某路{i}号。\n" for i in range(1, 30))
_ARTICLES = "".join(f"第{i}条（条目）\n本条规定第{i}项事项，由管委会负责解释和执行。\n" for i in range(1, 20))


@pytest.mark.parametrize(
    ("text", "date", "issuer"),
    [
        (  # signed, then the attachments follow
            "关于实施职工团购房公积金阶段性提取政策的通知\n各缴存单位、缴存职工：\n一、实施时间\n2022年11月18日至2022年12月31日。\n"
            "附件：1.服务窗口地址\n贵阳市住房公积金管理中心\n2022年11月18日\n附件1\n服务窗口地址\n" + _WINDOWS,
            "2022-11-18", "贵阳市住房公积金管理中心",
        ),
        (  # signed, then the 办法 it issues follows without an 附件 marker; a bracketed place inside the name
            "关于修订《某某扶持办法》的通知\n某规范〔2023〕4号\n管委会各部门、各直属单位，临港新片区各镇：\n现对办法做如下修订。\n"
            "中国（上海）自由贸易试验区临港新片区管理委员会\n2023年4月19日\n某某扶持光伏发电项目操作办法\n" + _ARTICLES,
            "2023-04-19", "中国（上海）自由贸易试验区临港新片区管理委员会",
        ),
    ],
)
def test_a_signature_followed_by_more_text_dates_the_notice(text: str, date: str, issuer: str) -> None:
    metadata = parse_text(text).metadata
    assert metadata.publish_date == date
    assert metadata.issuers == (issuer,)


def test_addressees_named_after_their_owner() -> None:
    text = "关于修订某办法的通知\n管委会各部门、各直属单位，临港新片区各镇：\n现对办法做如下修订。"
    assert parse_text(text).metadata.addressees[0] == "管委会各部门、各直属单位"


def test_addressees_owned_by_a_government_and_towns_split() -> None:
    text = "关于印发某办法的通知\n区政府各委、办、局，各街道办事处、彭浦镇政府，各有关单位：\n现将办法印发给你们。"
    assert parse_text(text).metadata.addressees == ("区政府各委、办、局", "各街道办事处", "彭浦镇政府", "各有关单位")


def test_a_town_issuer_named_in_the_title_governs_part_of_the_county_its_text_names() -> None:
    text = (
        "朱泾镇政府关于印发《朱泾镇集建区外建设用地减量化补偿意见》的通知\n"
        "根据《金山区人民政府关于减量化指标管理办法的通知》，按照区政府要求，结合本镇实际，制定本意见。\n"
        "一、补偿标准\n按照本市相关标准执行，按200元/㎡进行补偿。\n"
        "二、其他\n2017年3月17日金山区朱泾镇人民政府印发的意见同时废止。\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.issuers == ("朱泾镇政府",)
    assert (metadata.jurisdiction.province, metadata.jurisdiction.county) == ("上海市", "金山区")


def test_joint_red_header_prints_file_mark_beside_a_middle_line_and_the_imprint_dates_it() -> None:
    text = (
        "淄博市商务局\n淄博市发展和改革委员会文件\n淄博市财政局\n淄博市市场监督管理局\n淄商务字〔2025〕3号\n"
        "关于印发《淄博市2025年家电以旧换新补贴实施细则》的通知\n各区县商务主管部门：\n现将细则印发给你们。\n"
        "第一章 补贴范围\n第一条 补贴标准为最终销售价格的15%。\n"
        "淄博市商务局办公室 2025 年 1 月 22 日印发\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.issuers == ("淄博市商务局", "淄博市发展和改革委员会", "淄博市财政局", "淄博市市场监督管理局")
    assert metadata.signing_date is None  # the signature is lost; the 版记 says when it was printed
    assert metadata.publish_date == "2025-01-22"
    assert metadata.policy_year == 2025


@pytest.mark.parametrize("title, year", [
    ("关于公开征集2026年鄞州区家电、3C数码消费品以旧换新参与企业的通知", 2026),
    ("关于征集2026年乐清市消费品以旧换新活动参与企业的公告", 2026),
    ("上海市绿化和市容管理局关于印发《2023年上海市绿化养护和环卫行业工资福利待遇工作指导意见》的通知", 2023),
    ("关于印发《上海市绿化养护行业工资福利待遇工作指导意见》的通知", 2022),  # no year in the title: the body's 年度
])
def test_the_year_a_call_or_an_enacted_measure_is_for(title, year) -> None:
    """A year in the title that the call or the enacted measure is for wins over a 年度 in the body."""
    text = f"{title}\n各有关单位：\n请于2022年度考核结束后报送。\n一、工作内容\n略。"
    assert parse_text(text).metadata.policy_year == year


def test_issuer_lines_over_the_number_without_file_mark_and_a_title_opening_with_the_issuers() -> None:
    # 发文机关标志 without the word 文件: the issuer names stand over the 文号, and the title opens with
    # the issuers (等4部门) on a printed line of its own
    text = (
        "江苏省商务厅\n江苏省发展和改革委员会\n江苏省财政厅\n苏商字〔2025〕3号\n江苏省商务厅等3部门\n"
        "关于印发《江苏省2025年汽车以旧换新实施方案》的通知\n各设区市商务局：\n现将方案印发给你们，请认真贯彻落实。\n"
        "一、总体要求\n（一）实施期限。2025年1月1日至12月31日。\n"
    )
    metadata = parse_text(text).metadata
    assert metadata.title == "江苏省商务厅等3部门关于印发《江苏省2025年汽车以旧换新实施方案》的通知"
    assert metadata.issuers == ("江苏省商务厅", "江苏省发展和改革委员会", "江苏省财政厅")
    assert metadata.doc_number == "苏商字〔2025〕3号"


def test_a_labelled_title_and_an_issuer_abbreviated_in_it() -> None:
    """A web page's ``标题:`` label is no part of the title; the title's 奉贤区发展改革委 is the
    signature's 上海市奉贤区发展和改革委员会, named once by its full name."""
    text = ("标题: 奉贤区发展改革委关于印发《关于支持海归小镇建设的若干政策》的通知\n文号: 沪奉发改〔2025〕36号\n"
            "各有关单位：\n现将政策印发给你们。\n一、支持内容\n略。\n"
            "上海市奉贤区发展和改革委员会\n上海市奉贤区财政局\n2025年7月31日\n")
    metadata = parse_text(text).metadata
    assert metadata.title == "奉贤区发展改革委关于印发《关于支持海归小镇建设的若干政策》的通知"
    assert metadata.issuers == ("上海市奉贤区发展和改革委员会", "上海市奉贤区财政局")


def test_a_body_and_the_one_above_it_stay_two_issuers() -> None:
    from policyparse.metadata.header import merge_issuers

    assert merge_issuers(["中共某市委"], ["中共某市委宣传部"]) == ["中共某市委", "中共某市委宣传部"]
    assert merge_issuers(["某市发改委"], ["某市发展和改革委员会"]) == ["某市发展和改革委员会"]


def test_a_signature_of_nine_departments() -> None:
    names = [f"浦东新区{n}" for n in ("发展和改革委员会", "财政局", "科技和经济委员会", "建设和交通委员会", "生态环境局",
                                      "商务委员会", "文化体育和旅游局", "市场监督管理局", "机关事务管理局")]
    text = "关于印发《节能低碳专项资金管理办法》的通知\n各有关单位：\n现将办法印发给你们。\n" + "\n".join(names) + "\n2025年1月23日\n"
    assert parse_text(text).metadata.issuers == tuple(names)


def test_page_label_cells_with_their_values_under_them() -> None:
    """``发文时间:`` / ``发布机构:`` cells of a web page, each value on the line under its label,
    printed above the title: the title is still read, the cells give date and issuer, and a label is
    no addressee."""
    text = ("发文时间:\n2025-12-22\n发布机构:\n某县商务局\n关于征集2026年某县消费品以旧换新参与企业的公告\n"
            "为做好以旧换新工作，现公开征集参与企业。\n一、报名条件\n略。\n")
    metadata = parse_text(text).metadata
    assert metadata.title == "关于征集2026年某县消费品以旧换新参与企业的公告"
    assert metadata.publish_date == "2025-12-22" and metadata.issuers == ("某县商务局",)
    assert metadata.addressees == () and metadata.policy_year == 2026
