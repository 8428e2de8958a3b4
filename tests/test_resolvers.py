"""The shared resolvers: value resolvers (one string → one value) and mention scanners.

Table-driven: each table row is one written form and the value shared/FACTS.md wants for it.
Negative tables list text that must yield nothing of a kind (文号 years, phone numbers, postcodes,
clock times, counts). The span invariants run every scanner over the seed notices.
"""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from policyparse.resolvers import (
    Mention,
    book_title_spans,
    dates,
    drop_inside,
    drop_overlapping,
    parse_date,
    parse_duration,
    parse_money,
    parse_money_ex,
    parse_number,
    parse_number_ex,
    parse_percent,
    parse_percent_ex,
    parse_period,
    parse_period_ex,
    parse_phone,
    parse_ratio,
    scan_dates,
    scan_durations,
    scan_money,
    scan_numbers,
    scan_percents,
    scan_periods,
    scan_phones,
    scan_ratios,
    scan_temporal,
)
from policyparse.resolvers.doc_numbers import doc_number_year
from policyparse.resolvers.patterns import warm_up

D = Decimal
REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "corpora").glob("*.txt"))

# --- numbers ----------------------------------------------------------------------------------

NUMBERS = [
    ("2,000", 2000), ("1.5", D("1.5")), ("１２", 12), ("０.５", D("0.5")), (".5", D("0.5")), ("-3", -3),
    ("〇", 0), ("零", 0), ("十", 10), ("十五", 15), ("二十", 20), ("二十万", 200000), ("一百零一", 101),
    ("一千零五", 1005), ("一千零一十", 1010), ("一万零一", 10001), ("十万零一千", 101000),
    ("两千六", 2600), ("一百五", 150), ("三万五", 35000), ("一百三十万四", 1304000),
    ("壹佰万", 1000000), ("壹仟玖佰", 1900), ("贰拾", 20), ("伍佰叁拾肆", 534), ("五百卅四", 534),
    ("叁万贰仟壹佰零捌", 32108), ("一萬零六十", 10060), ("負貳佰叁拾萬", -2300000),
    ("1.5万", 15000), ("3千万", 30000000), ("2,000万", 20000000), ("2,300.5亿", 230050000000),
    ("3.62万亿", 3620000000000), ("二十一万亿", 21000000000000), ("四万万", 400000000),
    ("30萬萬", 3000000000), ("2万300", 20300), ("6万3千2百", 63200), ("300亿零五千120", 30000005120),
    ("三点五", D("3.5")), ("零点零一", D("0.01")), ("三千万点二二六六", D("30000000.2266")), ("三点五万", 35000),
    ("二百点456", D("200.456")), ("二〇二三", 2023), ("一九三五点二", D("1935.2")),
    ("千三", 1300), ("百二萬", 1200000), ("萬九", 19000), ("半百", 50), ("15k", 15000),
    ("三分之一", D(1) / D(3)), ("百分之五", None), ("1/2", D("0.5")), ("2又一千分之47", D("2.047")),
    ("负二又四分之一", D("-2.25")), ("- 3,400,000", -3400000), ("2e5", 200000),
]


@pytest.mark.parametrize("text,expected", [r for r in NUMBERS if r[1] is not None])
def test_parse_number(text, expected):
    assert parse_number(text) == D(expected)


@pytest.mark.parametrize("text", [
    "", "garbage", "百十一", "万", "万万", "零点", "点零", "零点点", "零点零大", "20.3万零200", "20..3万",
    "二三十", "百分之五", "一百一千", "5%", "1,23",
])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text,approx,lo,hi", [
    ("十余万", "over", 100000, None), ("500多万", "over", 5000000, None), ("二十几万", "over", 200000, None),
    ("几十万", "several", 100000, 1000000), ("数十亿", "several", 10 ** 9, 10 ** 10),
])
def test_parse_number_approximations(text, approx, lo, hi):
    nv = parse_number_ex(text)
    assert (nv.approx, nv.value, nv.max) == (approx, D(lo), D(hi) if hi else None)


# --- money ------------------------------------------------------------------------------------

MONEY = [
    ("50万元", {"amount": 500000, "currency": "CNY"}),
    ("1.5亿元", {"amount": 150000000, "currency": "CNY"}),
    ("2000万", {"amount": 20000000, "currency": "CNY"}),
    ("2000万元", {"amount": 20000000, "currency": "CNY"}),
    ("3千元", {"amount": 3000, "currency": "CNY"}),
    ("1万亿元", {"amount": 10 ** 12, "currency": "CNY"}),
    ("壹佰万元整", {"amount": 1000000, "currency": "CNY"}),
    ("捌仟叁佰贰拾壹圆伍角陆分", {"amount": D("8321.56"), "currency": "CNY"}),
    ("456元7角8分", {"amount": D("456.78"), "currency": "CNY"}),
    ("十块钱", {"amount": 10, "currency": "CNY"}),
    ("63，418.00元", {"amount": 63418, "currency": "CNY"}),
    ("人民币50元", {"amount": 50, "currency": "CNY"}),
    ("6亿元人民币", {"amount": 600000000, "currency": "CNY"}),
    ("100美元", {"amount": 100, "currency": "USD"}),
    ("36270港元", {"amount": 36270, "currency": "HKD"}),
    ("4.25港幣", {"amount": D("4.25"), "currency": "HKD"}),
    ("37215.62美元", {"amount": D("37215.62"), "currency": "USD"}),
    ("20欧元", {"amount": 20, "currency": "EUR"}),
    ("10-50万元", {"min": 100000, "max": 500000, "currency": "CNY"}),
    ("10万元至50万元", {"min": 100000, "max": 500000, "currency": "CNY"}),
    ("10万～50万元", {"min": 100000, "max": 500000, "currency": "CNY"}),
    ("2万(含)-8万元", {"min": 20000, "max": 80000, "currency": "CNY"}),
    ("一千到两千万元", {"min": 10 ** 7, "max": 2 * 10 ** 7, "currency": "CNY"}),
    ("一百三十到一百六十万元", {"min": 1300000, "max": 1600000, "currency": "CNY"}),
    ("20~35k元", {"min": 20000, "max": 35000, "currency": "CNY"}),
    ("500元-1万元", {"min": 500, "max": 10000, "currency": "CNY"}),
    ("3.4到3.65元", {"min": D("3.4"), "max": D("3.65"), "currency": "CNY"}),
    ("最高50万元", {"amount": 500000, "currency": "CNY", "bound": "max"}),
    ("不超过100万元", {"amount": 1000000, "currency": "CNY", "bound": "max"}),
    ("不低于2000万元", {"amount": 20000000, "currency": "CNY", "bound": "min"}),
    ("30万元（含）以上", {"amount": 300000, "currency": "CNY", "bound": "min"}),
    ("3.5元以下", {"amount": D("3.5"), "currency": "CNY", "bound": "max"}),
    ("超过130亿元", {"amount": 13000000000, "currency": "CNY", "bound": "min"}),
    ("几十万元", {"min": 100000, "max": 1000000, "currency": "CNY"}),
    ("2000余元", {"amount": 2000, "currency": "CNY", "bound": "min"}),
    ("2万元/件", {"amount": 20000, "currency": "CNY", "per": "件"}),
    ("两毛五", {"amount": D("0.25"), "currency": "CNY"}),
    ("5角", {"amount": D("0.5"), "currency": "CNY"}),
]


@pytest.mark.parametrize("text,expected", MONEY)
def test_parse_money(text, expected):
    got = parse_money(text)
    assert got == {k: (D(v) if isinstance(v, (int, D)) and not isinstance(v, bool) else v) for k, v in expected.items()}


@pytest.mark.parametrize("text,extra", [
    ("超过130亿元", {"exclusive": True}), ("近600万元", {"approx": True}), ("几十万元", {"approx": True}),
    ("50万元", {}),
])
def test_parse_money_qualifiers(text, extra):
    assert parse_money_ex(text)[1] == extra


@pytest.mark.parametrize("text", ["", "20件", "元", "5个百分点", "money", "2020年", "50万元和60万元"])
def test_parse_money_rejects(text):
    with pytest.raises(ValueError):
        parse_money(text)


# --- percent and ratio ------------------------------------------------------------------------

PERCENTS = [
    ("40%", D("0.4"), "percent"), ("３．５％", D("0.035"), "percent"), ("百分之三点五", D("0.035"), "percent"),
    ("百分之五十", D("0.5"), "percent"), ("百分之百", D(1), "percent"), ("百分之负三点八", D("-0.038"), "percent"),
    ("-18.4%", D("-0.184"), "percent"), ("五成", D("0.5"), "tenths"), ("9成", D("0.9"), "tenths"),
    ("三成半", D("0.35"), "tenths"), ("千分之五", D("0.005"), "permille"), ("万分之三", D("0.0003"), "per_ten_thousand"),
    ("3.5个百分点", D("0.035"), "points"), ("两个百分点", D("0.02"), "points"),
]


@pytest.mark.parametrize("text,value,kind", PERCENTS)
def test_parse_percent(text, value, kind):
    assert parse_percent(text) == value
    pv = parse_percent_ex(text)
    assert (pv.value, pv.kind, pv.points) == (value, kind, kind == "points")


@pytest.mark.parametrize("text", ["", "40", "五百分之二", "百分之二三十", "5-20%", "成功", "%"])
def test_parse_percent_rejects(text):
    with pytest.raises(ValueError):
        parse_percent(text)


@pytest.mark.parametrize("text,expected", [
    ("1:2", (1, 2)), ("1：1", (1, 1)), ("1比1", (1, 1)), ("3比2", (3, 2)), ("3:2:1", (3, 2, 1)), ("1.5:1", (D("1.5"), 1)),
])
def test_parse_ratio(text, expected):
    assert parse_ratio(text) == tuple(D(x) for x in expected)


@pytest.mark.parametrize("text", ["", "1", "1:", "比1", "a:b"])
def test_parse_ratio_rejects(text):
    with pytest.raises(ValueError):
        parse_ratio(text)


# --- dates and periods ------------------------------------------------------------------------

DATES = [
    ("2023年6月21日", None, "2023-06-21", False),
    ("2023年6月21日下午5:00", None, "2023-06-21T17:00", False),
    ("2023年6月21日17时", None, "2023-06-21T17:00", False),
    ("2023年6月21日上午9时30分", None, "2023-06-21T09:30", False),
    ("2017年10月13日晚9:00", None, "2017-10-13T21:00", False),
    ("2017年3月19日(日) 20時15分", None, "2017-03-19T20:15", False),
    ("2019-11-0508:45", None, "2019-11-05T08:45", False),
    ("2020-06-12", None, "2020-06-12", False),
    ("2020/6/12", None, "2020-06-12", False),
    ("2020.6.12", None, "2020-06-12", False),
    ("20220914", None, "2022-09-14", False),
    ("二〇二三年五月九日", None, "2023-05-09", False),
    ("二○二三年五月九日", None, "2023-05-09", False),
    ("２０２３年５月９日", None, "2023-05-09", False),
    ("2016年4月五号", None, "2016-04-05", False),
    ("2020年度", None, "2020", False),
    ("2020年", None, "2020", False),
    ("2023年6月", None, "2023-06", False),
    ("2019年11月份", None, "2019-11", False),
    ("2019年9月底", None, "2019-09", False),  # partial dates stay partial
    ("2023年底", None, "2023-12", False),
    ("2014年二季度末", None, "2014-06", False),
    ("6月30日", 2023, "2023-06-30", True),
    ("6月30日", "2023-03-01", "2023-06-30", True),
    ("16年4月3日", None, "2016-04-03", True),
    ("98年4月", "1997", "1998-04", True),
]


@pytest.mark.parametrize("text,ref,value,inferred", DATES)
def test_parse_date(text, ref, value, inferred):
    dv = parse_date(text, ref=ref)
    assert (dv.value, dv.year_inferred) == (value, inferred)


@pytest.mark.parametrize("text,mod", [
    ("2020年7月10日前", "before"), ("自2016年9月1日起", "since"), ("截至2023年6月30日", "until"),
    ("2015年1月1日或之前", "until"), ("到2024年", "by"), ("2024年内", "within"),
])
def test_parse_date_modifiers(text, mod):
    assert parse_date(text).mod == mod


@pytest.mark.parametrize("text,ref", [
    ("6月30日", None),            # no year and no ref: a decision, see dates.py
    ("2021年2月29日", None),       # no such day
    ("2023年13月", None),
    ("2022—2024年", None),        # a period, not a date
    ("明天", None),
    ("garbage", None),
    ("〔2019〕", None),
])
def test_parse_date_rejects(text, ref):
    with pytest.raises(ValueError):
        parse_date(text, ref=ref)


PERIODS = [
    ("2022—2024年", None, ("2022", "2024")),
    ("2021—2035年", None, ("2021", "2035")),
    ("2019-2022年", None, ("2019", "2022")),
    ("2023年12月4日至12月8日", None, ("2023-12-04", "2023-12-08")),
    ("6月21日-30日", 2023, ("2023-06-21", "2023-06-30")),
    ("2023年1月1日起至2025年12月31日止", None, ("2023-01-01", "2025-12-31")),
    ("自2021-04-12起至2021-04-16止", None, ("2021-04-12", "2021-04-16")),
    ("2018年9月至12月", None, ("2018-09", "2018-12")),
    ("2018年六月至2019年三月", None, ("2018-06", "2019-03")),
    ("2020年5月11-18日", None, ("2020-05-11", "2020-05-18")),
    ("2019年3——5月", None, ("2019-03", "2019-05")),
    ("2015年和2018年之间", None, ("2015", "2018")),
    ("2001.09-2003.03", None, ("2001-09", "2003-03")),
    ("2020年7月21日8:30~10:45", None, ("2020-07-21T08:30", "2020-07-21T10:45")),
    ("2016年12月15日晚上7:00到8:00", None, ("2016-12-15T19:00", "2016-12-15T20:00")),
    ("2023年第三季度", None, ("2023-07", "2023-09")),
    ("2022年前三个季度", None, ("2022-01", "2022-09")),
    ("2023年上半年", None, ("2023-01", "2023-06")),
    ("2023年下半年", None, ("2023-07", "2023-12")),
    ("2001年8月下旬", None, ("2001-08-21", "2001-08-31")),
    ("2023年五月的第三周", None, ("2023-05-15", "2023-05-21")),
    ("2021年前十个月", None, ("2021-01", "2021-10")),
]


@pytest.mark.parametrize("text,ref,expected", PERIODS)
def test_parse_period(text, ref, expected):
    got, inferred = parse_period_ex(text, ref=ref)
    assert got == {"start": expected[0], "end": expected[1]}
    assert parse_period(text, ref=ref) == got
    assert inferred == (ref is not None)


@pytest.mark.parametrize("text,ref", [
    ("6月21日-30日", None), ("2024年-2022年", None), ("2021年2月29日-3月1日", None), ("2023年6月1日", None),
    ("1-2年", None), ("3-5个月", None),
])
def test_parse_period_rejects(text, ref):
    with pytest.raises(ValueError):
        parse_period(text, ref=ref)


# --- durations --------------------------------------------------------------------------------

DURATIONS = [
    ("2年", {"value": 2, "unit": "year"}), ("三年", {"value": 3, "unit": "year"}),
    ("10个工作日", {"value": 10, "unit": "workday"}), ("1-2个月", {"min": 1, "max": 2, "unit": "month"}),
    ("3至5年", {"min": 3, "max": 5, "unit": "year"}), ("半年", {"value": D("0.5"), "unit": "year"}),
    ("一年半", {"value": D("1.5"), "unit": "year"}), ("两个半月", {"value": D("2.5"), "unit": "month"}),
    ("两周", {"value": 2, "unit": "week"}), ("30日", {"value": 30, "unit": "day"}), ("5天", {"value": 5, "unit": "day"}),
    ("24小时", {"value": 24, "unit": "hour"}), ("30分钟", {"value": 30, "unit": "minute"}),
    ("12个月", {"value": 12, "unit": "month"}), ("四年六个月", {"value": 54, "unit": "month"}),
    ("一个半小时", {"value": D("1.5"), "unit": "hour"}), ("三十年以上", {"min": 30, "unit": "year"}),
    ("六个月以下", {"max": 6, "unit": "month"}), ("2年以上5年以下", {"min": 2, "max": 5, "unit": "year"}),
]


@pytest.mark.parametrize("text,expected", DURATIONS)
def test_parse_duration(text, expected):
    assert parse_duration(text) == {k: (D(v) if k != "unit" else v) for k, v in expected.items()}


@pytest.mark.parametrize("text", ["", "2020年", "年", "三", "5元"])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


# --- phones -----------------------------------------------------------------------------------

PHONES = [
    ("023-67521202", "023-67521202", "landline"), ("(023)67521202", "023-67521202", "landline"),
    ("（023）67521202", "023-67521202", "landline"), ("0519-88588192", "0519-88588192", "landline"),
    ("010-65980408-8001", "010-65980408-8001", "landline"), ("13812345678", "13812345678", "mobile"),
    ("138 1234 5678", "13812345678", "mobile"), ("+86 138 1234 5678", "13812345678", "mobile"),
    ("0086-18911111111", "18911111111", "mobile"), ("400-810-8888", "400-810-8888", "service"),
    ("67521202", "67521202", "local"), ("12345", "12345", "service"),
    ("4001117500", "4001117500", "service"), ("400 810 8888", "400-810-8888", "service"),
    ("95105888", "95105888", "service"), ("956100", "956100", "service"),
]


@pytest.mark.parametrize("text,number,kind", PHONES)
def test_parse_phone(text, number, kind):
    got = parse_phone(text)
    assert (got["number"], got["kind"]) == (number, kind)


def test_parse_phone_area_code_from_context():
    assert parse_phone("67521202", area_code="023") == {
        "number": "023-67521202", "kind": "landline", "area_code": "023", "area_code_inferred": True}


@pytest.mark.parametrize("text", ["", "1234", "2020-06-12", "abc", "023-", "67521202件"])
def test_parse_phone_rejects(text):
    with pytest.raises(ValueError):
        parse_phone(text)


# --- scanners: what each finds in running text ---------------------------------------------------

def found(mentions: list[Mention]) -> list[tuple[str, object]]:
    return [(m.text, m.value) for m in mentions]


def test_scan_money_in_a_sentence():
    s = "市级财政给予每个项目最高100万元资金支持，其中立项后给予资金总额的70%，验收合格再给予30%。"
    ms = scan_money(s)
    assert found(ms) == [("100万元", {"amount": D(1000000), "currency": "CNY"})]
    assert ms[0].extra == {"bound": "max"}


def test_scan_money_ranges_and_per_unit():
    s = "资助标准为10-50万元；给予2万元／件资助；补贴人民币 8千元。"
    assert found(scan_money(s)) == [
        ("10-50万元", {"min": D(100000), "max": D(500000), "currency": "CNY"}),
        ("2万元／件", {"amount": D(20000), "currency": "CNY"}),
        ("人民币 8千元", {"amount": D(8000), "currency": "CNY"}),
    ]
    assert scan_money(s)[1].extra["per"] == "件"


def test_scan_money_bare_wan_needs_a_money_word():
    assert found(scan_money("近三年销售收入2000万以上")) == [("2000万", {"amount": D(20000000), "currency": "CNY"})]
    assert scan_money("近三年销售收入2000万以上")[0].extra["unit_inferred"] is True
    assert scan_money("江苏彩民中大乐透1600万 奖池36.57亿") == []


@pytest.mark.parametrize("text", [
    "联系电话：023-67521202", "联系电话：67521202、67612599", "手机13812345678", "拥有有效专利20件以上",
    "（渝府发〔2019〕14号）", "邮编：400000", "分为三块牌子", "身份证号140302197706220124",
])
def test_scan_money_negatives(text):
    assert scan_money(text) == []


def test_scan_percents():
    s = "占比3.5%以上，增幅不低于百分之十五，提高2个百分点，补贴比例5-20%，千分之五，五成以上。"
    got = [(m.text, m.value, m.kind) for m in scan_percents(s)]
    assert got == [
        ("3.5%", D("0.035"), "percent"), ("百分之十五", D("0.15"), "percent"), ("2个百分点", D("0.02"), "points"),
        ("5-20%", {"min": D("0.05"), "max": D("0.2")}, "range"), ("千分之五", D("0.005"), "permille"),
        ("五成", D("0.5"), "tenths"),
    ]


@pytest.mark.parametrize("text", [
    "见 https://www.test.com/search?q=30%25%2020%", "五百分之二", "百分之二三十", "成功建成一批", "25人",
])
def test_scan_percents_negatives(text):
    assert scan_percents(text) == []


def test_scan_ratios_and_clocks():
    s = "PCT专利申请可按1:2抵算；两级按1：1分担；比例3比2；截止时间为2023年6月21日下午5:00，会议9:30开始。"
    assert found(scan_ratios(s)) == [("1:2", (D(1), D(2))), ("1：1", (D(1), D(1))), ("3比2", (D(3), D(2)))]


@pytest.mark.parametrize("text", ["下午5:00", "5:00前", "9:30-11:30", "时间10:05", "比上年增长", "net:60911/enterprise"])
def test_scan_ratios_negatives(text):
    assert scan_ratios(text) == []


def test_scan_dates_and_periods():
    s = ("关于印发《重庆市推动制造业高质量发展工作方案（2019-2022年）》（渝府发〔2019〕14号），"
         "实施期为2022—2024年。申报截止时间为2023年6月21日下午5:00，纸质材料于6月30日前报送。日期：2020-06-12")
    dates = scan_dates(s, ref=2023)
    periods = scan_periods(s, ref=2023)
    assert found(periods) == [("2019-2022年", {"start": "2019", "end": "2022"}),
                              ("2022—2024年", {"start": "2022", "end": "2024"})]
    assert found(dates) == [("2023年6月21日下午5:00", "2023-06-21T17:00"), ("6月30日", "2023-06-30"),
                            ("2020-06-12", "2020-06-12")]
    assert dates[1].extra["year_inferred"] is True and dates[1].extra["mod"] == "before"
    # the title helper drops the period inside 《》
    assert found(drop_inside(periods, book_title_spans(s))) == [("2022—2024年", {"start": "2022", "end": "2024"})]


def test_scan_dates_without_ref_keeps_the_partial_form():
    (m,) = scan_dates("请于6月30日前报送")
    assert (m.text, m.value, m.extra["partial"]) == ("6月30日", None, "--06-30")


def test_period_wins_over_its_dates():
    s = "活动时间：2023年12月4日至12月8日，2022—2024年"
    ms = scan_temporal(s)
    assert [(m.text, m.kind) for m in ms] == [("2023年12月4日至12月8日", "period"), ("2022—2024年", "period")]
    assert scan_dates(s) == []


@pytest.mark.parametrize("text", [
    "渝府发〔2019〕14号", "桂政办发[2015]123号", "〔2019〕", "[2019]", "邮编：400000", "身份证号140302197706220124",
    "查询202305164编号", "联系电话：20220518", "项目实施期限为2年", "近10年来", "每月15日", "GB/T 9704-2012", "5:00",
])
def test_scan_dates_negatives(text):
    assert scan_temporal(text) == []


def test_scan_durations():
    s = "项目实施期限为2年，审查周期压减至12个月以内，10个工作日内完成，1-2个月，近三年，维持年限超过10年，2020年度。"
    got = found(scan_durations(s))
    assert got == [
        ("2年", {"value": D(2), "unit": "year"}), ("12个月", {"value": D(12), "unit": "month"}),
        ("10个工作日", {"value": D(10), "unit": "workday"}), ("1-2个月", {"min": D(1), "max": D(2), "unit": "month"}),
        ("三年", {"value": D(3), "unit": "year"}), ("10年", {"value": D(10), "unit": "year"}),
    ]
    extras = [dict(m.extra) for m in scan_durations(s)]
    assert extras[1] == {"bound": "max", "within": True}
    assert extras[4] == {"lookback": True}
    assert extras[5] == {"bound": "min", "exclusive": True}


def test_scan_numbers():
    s = "新增发明专利20件以上，一千零五家，1.5万人，第三批，3项或3项以上，满足条件之一，每亿元1件。"
    assert found(scan_numbers(s)) == [
        ("20", D(20)), ("一千零五", D(1005)), ("1.5万", D(15000)), ("第三", D(3)), ("3", D(3)), ("3", D(3)),
        ("一", D(1)), ("1", D(1)),
    ]
    assert [m.kind for m in scan_numbers(s)][3] == "ordinal"


@pytest.mark.parametrize("text", [
    "（渝府发〔2019〕14号）", "[2019]", "联系电话：023-67521202", "联系电话：67521202", "手机：13812345678",
    "培育一批企业", "统一部署", "进一步提升", "一定的基础", "十大产业", "十分重要", "一成不变", "全市一盘棋", "这是我的队伍", "远离大陆", "“十四五”规划",
    "一、支持领域", "（二）申报条件", "身份证号140302197706220124", "邮编：400000", "详见www.gov.cn/2023/12",
])
def test_scan_numbers_negatives(text):
    assert scan_numbers(text) == []


def test_scan_phones():
    s = "联系人：雷飞宇；联系电话：67521202、67612599，邮箱：77692308@qq.com；手机13812345678；传真(023)67521203"
    assert found(scan_phones(s)) == [("67521202", "67521202"), ("67612599", "67612599"),
                                     ("13812345678", "13812345678"), ("(023)67521203", "023-67521203")]
    table = "六、联系方式\n\t单  位\n\t联系电话\n\n\t溧阳市知识产权局\n\t陈为民\n\t80998870\n"
    assert found(scan_phones(table, area_code="0519")) == [("80998870", "0519-80998870")]


@pytest.mark.parametrize("text", [
    "拥有有效专利30件", "销售收入20000000元", "2020-06-12", "邮编：400000", "-77.034040723966", "P0-001-000016155-9",
])
def test_scan_phones_negatives(text):
    assert scan_phones(text) == []


# --- invariants -------------------------------------------------------------------------------

SCANNERS = [scan_numbers, scan_money, scan_percents, scan_ratios, scan_dates, scan_periods, scan_durations,
            scan_phones, scan_temporal]


def _check_invariants(s: str) -> int:
    n = 0
    for scan in SCANNERS:
        ms = scan(s)
        for m in ms:
            assert 0 <= m.start < m.end <= len(s)
            assert m.text == s[m.start:m.end], (scan.__name__, m)
        spans = [(m.start, m.end) for m in ms]
        assert spans == sorted(spans), scan.__name__
        for (a1, b1), (a2, b2) in itertools.pairwise(spans):
            assert b1 <= a2, (scan.__name__, s[a1:b1], s[a2:b2])     # no overlaps within a scanner
        n += len(ms)
    # dates never overlap periods
    assert drop_overlapping(scan_dates(s), scan_periods(s)) == scan_dates(s)
    return n


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_span_invariants_on_seed_notices(path):
    assert _check_invariants(path.read_text(encoding="utf-8")) > 0


@pytest.mark.parametrize("text", [
    "", "　", "２０２３年６月２１日下午５：００，补助５０万元，占比３．５％，按１：２抵算", "\n\n一、\t二、",
    "20.3万零200元5-4-3-2-1", "……——————～～～", "百分之" * 5, "年月日" * 5, "0" * 40,
])
def test_span_invariants_on_odd_text(text):
    _check_invariants(text)


def test_full_width_text_resolves_like_half_width():
    half = "2023年6月21日下午5:00前，最高50万元，占比3.5%，按1:2抵算，电话023-67521202"
    full = half.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    for scan in SCANNERS:
        assert [(m.start, m.end, m.value) for m in scan(half)] == [(m.start, m.end, m.value) for m in scan(full)]


def test_patterns_all_compile():
    warm_up()   # every lazily compiled pattern is a valid regex
    assert warm_up() == 0


# --- the values fit the document model (shared/FACTS.md via policyparse.models) ---------------

def test_values_validate_against_the_fact_models():
    from policyparse.models.facts import _VALUE_ADAPTERS as V

    for text, _ in MONEY:
        V["money"].validate_python(parse_money(text))
    for text, _, _ in PERCENTS:
        V["percent"].validate_python(parse_percent(text))
    for text, ref, _, _ in DATES:
        V["date"].validate_python(parse_date(text, ref=ref).value)
    for text, ref, _ in PERIODS:
        V["period"].validate_python(parse_period(text, ref=ref))
    for text, _ in DURATIONS:
        V["duration"].validate_python(parse_duration(text))
    V["ratio"].validate_python(parse_ratio("1:2"))
    s = "最高50万元，10-50万元，2万元/件，40%，1:1，2022—2024年，2023年6月21日下午5:00，2年，1-2个月"
    for m in scan_money(s):
        V["money"].validate_python(m.value)
    for m in scan_periods(s):
        V["period"].validate_python(m.value)
    for m in scan_dates(s):
        V["date"].validate_python(m.value)
    for m in scan_durations(s):
        V["duration"].validate_python(m.value)


def test_doc_number_year_reads_the_normal_form() -> None:
    assert doc_number_year("川经信企业〔2014〕137号") == 2014
    assert doc_number_year("第154号政府令") is None and doc_number_year(None) is None


@pytest.mark.parametrize("value,last", [
    ("2020", "2020-12-31"), ("2020-02", "2020-02-29"), ("2021-02", "2021-02-28"),
    ("2020-08-15", "2020-08-15"), ("2023-06-21T17:00", "2023-06-21T17:00"),
])
def test_last_day_of_reads_a_partial_date_at_its_end(value, last):
    from policyparse.resolvers.dates import last_day_of

    assert last_day_of(value) == last


@pytest.mark.parametrize("text", [
    "根据《重庆市人民政府关于印发…的通知》（渝府发〔2019〕14号）和渝府办发〔2020〕3号文件精神",
    "常科发〔2023〕第 12345 号常科发［2023］7号",
    "（2019-2022年）《规划》〔2021〕",
    "一二三四五六七八九十一二三四五六七发〔2019〕14号",  # an agency longer than a 文号's
    "〔2019〕〔2020〕5号",
    "工信部联规（2021）208号，财建【2022】 8 号",
])
def test_doc_number_matches_are_the_patterns_own(text):
    """The anchored scan finds exactly what ``DOC_NUMBER.finditer`` finds, over any range."""
    from policyparse.resolvers.doc_numbers import DOC_NUMBER, doc_number_matches

    for start, stop in ((0, len(text)), (3, len(text)), (0, len(text) - 4), (5, 20)):
        expected = [(m.span(), m.groups()) for m in DOC_NUMBER.finditer(text, start, stop)]
        assert [(m.span(), m.groups()) for m in doc_number_matches(text, start, stop)] == expected
    assert [m.group() for m in doc_number_matches(text)] == [m.group() for m in DOC_NUMBER.finditer(text)]


def test_a_slash_fraction_python_cannot_read_is_no_number_and_no_crash():
    from policyparse.resolvers.numerals import raw_numbers

    found = raw_numbers("\U00011F521 4/3 和 3/4")  # a digit of a newer Unicode than Python's
    assert [(r.start, r.end) for r in found if r.kind == "fraction"] == [(9, 12)]
    with pytest.raises(ValueError):
        parse_number("\U00011F52/3")


def _date(raw: str):
    """parse_date, or None where it raises."""
    try:
        return parse_date(raw)
    except ValueError:
        return None


def _general(raw: str):
    """What parse_date's general reading gives, without the plain-date shortcut."""
    try:
        res, mod = dates._single_lenient(raw, None)
    except ValueError:
        return None
    return dates.DateValue(res.value, res.year_inferred, mod) if res.kind == "date" else None


def _plain_forms(day: datetime.date) -> set[str]:
    y, m, d = day.year, day.month, day.day
    return {f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}年{m:02d}月{d}日", f"{y}-{m:02d}-{d:02d}",
            f"{y}-{m}-{d}", f"{y}-{m}-{d:02d}"}


def _days():
    day = datetime.date(2023, 1, 1)
    while day.year < 2025:  # every day of a common year and a leap year
        yield day
        day += datetime.timedelta(days=1)
    for year in range(1900, 2100):  # every year at its edges
        yield from (datetime.date(year, 1, 1), datetime.date(year, 2, 28), datetime.date(year, 12, 31))
        if year % 4 == 0 and (year % 100 or year % 400 == 0):
            yield datetime.date(year, 2, 29)


def test_plain_dates_read_as_the_general_reading_reads_them() -> None:
    for day in _days():
        for raw in _plain_forms(day):
            assert _date(raw) == _general(raw) == dates.DateValue(day.isoformat()), raw


@pytest.mark.parametrize("raw", [
    "2023年2月29日", "1900年2月29日", "2023年2月30日", "2023年0月1日", "2023年13月1日", "2023年12月0日",
    "2023年12月32日", "2023-00-10", "2023-13-01", "2023-04-31", "2023年001月1日", "2023 年 5 月 9 日",
    "2023年5月 9日", "2023\n年5月9日", "２０２３年５月９日", "2023年５月9日", "二〇二三年五月九日",
    "二O一二年一月六日", "2022.07.15", "2022/7/5", "1899年1月1日", "2100-01-01", "2023-5-9日",
])
def test_other_dates_get_the_general_reading(raw: str) -> None:
    assert _date(raw) == _general(raw)
