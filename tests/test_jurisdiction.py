"""Divisions data, lookups and the jurisdiction resolver (extractors/jurisdiction, policyparse.metadata)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policyparse.metadata.divisions import data_dir, load_divisions, normalize_area_code
from policyparse.metadata.jurisdiction import JurisdictionResult, _matcher, resolve_jurisdiction

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "extractors" / "jurisdiction"
CORPORA = REPO / "corpora"
NULL = {"province": None, "city": None, "county": None, "adcode": None}

SEEDS = {
    "000": ("重庆市", None, None, "500000"),
    "001": ("重庆市", None, None, "500000"),
    "002": ("江苏省", "常州市", None, "320400"),
    "003": ("广西壮族自治区", None, None, "450000"),
    "004": ("湖北省", "黄石市", "大冶市", "420281"),
}
SEED_HEADERS = {
    "000": {"title": "重庆市知识产权局关于组织申报2020年度重庆市高价值专利培育计划项目的通知",
            "issuers": ["重庆市知识产权局"]},
    "001": {"title": "重庆市人民政府办公厅关于印发重庆市高价值发明专利质量提升行动方案（2022—2024年）的通知",
            "issuers": ["重庆市人民政府办公厅"]},
    "002": {"title": None, "issuers": []},
    "003": {"title": "广西高价值专利培育示范中心建设实施方案", "issuers": []},
    "004": {"title": None, "issuers": ["大冶市市场监督管理局"]},
}
"""Titles and issuers as the metadata reader finds them (shared gold), to test the issuer/title paths."""


def _rows(name: str) -> list:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [pytest.param(json.loads(line), id=json.loads(line)["id"]) for line in lines if line.strip()]


def _seed_text(stem: str) -> str:
    matches = sorted(CORPORA.glob(f"{stem}_*.txt"))
    if not matches:
        pytest.skip(f"seed {stem} not in corpora/")
    return matches[0].read_text(encoding="utf-8")


def _resolve(row: dict) -> JurisdictionResult:
    return resolve_jurisdiction(row["text"], issuers=row.get("issuers", []), title=row.get("title"),
                                phones=row.get("phones", []))


# ------------------------------------------------------------------------------------------------------ data


def test_data_is_found_and_compact() -> None:
    assert (data_dir() / "divisions.tsv").is_file()
    for name in ("divisions.tsv", "area_codes.tsv"):
        assert (DATA / name).stat().st_size < 300_000, name


def test_division_table_is_whole_and_consistent() -> None:
    d = load_divisions()
    levels = [x.level for x in d.by_code.values()]
    assert levels.count("province") == 34
    assert levels.count("city") >= 330
    assert levels.count("county") >= 2800
    for division in d.by_code.values():
        assert len(division.adcode) == 6 and division.adcode.isdigit()
        if division.level == "province":
            assert division.parent is None
        else:
            assert division.parent in d.by_code, division


@pytest.mark.parametrize("name,parent", [("大冶市", "黄石市"), ("武进区", "常州市"), ("溧阳市", "常州市"),
                                         ("黄石市", "湖北省"), ("渝北区", "重庆市"), ("江北区", "重庆市")])
def test_parents(name: str, parent: str) -> None:
    d = load_divisions()
    units = d.candidates(name, within=d.find(parent).adcode)
    assert len(units) == 1 and d.by_code[units[0].parent].name == parent


@pytest.mark.parametrize("short,full,adcode", [("重庆", "重庆市", "500000"), ("常州", "常州市", "320400"),
                                               ("广西", "广西壮族自治区", "450000"), ("大冶", "大冶市", "420281"),
                                               ("恩施州", "恩施土家族苗族自治州", "422800"),
                                               ("吉林", "吉林省", "220000")])
def test_short_names(short: str, full: str, adcode: str) -> None:
    unit = load_divisions().find(short)
    assert unit is not None and (unit.name, unit.adcode) == (full, adcode)


def test_ambiguous_names_need_a_parent() -> None:
    d = load_divisions()
    for name in ("朝阳区", "江北区", "鼓楼区"):
        assert d.is_ambiguous(name) and d.find(name) is None
    assert d.find("朝阳区", within="110000").adcode == "110105"
    assert d.find("朝阳区", within="220100").adcode == "220104"
    assert d.find("江北", within="330200").adcode == "330205"


def test_chain_and_parts() -> None:
    d = load_divisions()
    assert [x.name for x in d.ancestors("420281")] == ["湖北省", "黄石市", "大冶市"]
    assert d.parts("420281") == ("湖北省", "黄石市", "大冶市")
    assert d.parts("500105") == ("重庆市", None, "江北区")
    assert d.parts("320571") == ("江苏省", "苏州市", None)  # a zone fills no county slot
    assert d.city_level("320412").name == "常州市"
    assert d.city_level("429004").name == "仙桃市"


@pytest.mark.parametrize("code,names", [("010", ["北京市"]), ("021", ["上海市"]), ("022", ["天津市"]),
                                        ("023", ["重庆市"]), ("0519", ["常州市"]), ("0714", ["黄石市"]),
                                        ("0555", ["马鞍山市"]), ("0433", ["延边朝鲜族自治州"]),
                                        ("0731", ["长沙市", "湘潭市", "株洲市"])])
def test_area_codes(code: str, names: list) -> None:
    assert [x.name for x in load_divisions().by_area_code(code)] == names


def test_area_codes_of_a_unit_and_normal_form() -> None:
    d = load_divisions()
    assert d.area_codes_of("420281") == ["0714"]
    assert d.area_codes_of("320412") == ["0519"]
    assert normalize_area_code("（0519）") == "0519" and normalize_area_code("+86 519") == "0519"


def test_every_mainland_prefecture_has_an_area_code() -> None:
    d = load_divisions()
    covered = {a for adcodes in d.area_codes.values() for a in adcodes}
    missing = [x.name for x in d.by_code.values()
               if x.level == "city" and x.adcode not in covered and x.adcode[:2] not in ("71", "81", "82")]
    assert missing == []


# ------------------------------------------------------------------------------------------------ resolving


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_from_text_alone(stem: str) -> None:
    result = resolve_jurisdiction(_seed_text(stem))
    assert (result.province, result.city, result.county, result.adcode) == SEEDS[stem]


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_with_header(stem: str) -> None:
    text = _seed_text(stem)
    result = resolve_jurisdiction(text, **SEED_HEADERS[stem])
    assert (result.province, result.city, result.county, result.adcode) == SEEDS[stem]
    if SEED_HEADERS[stem]["issuers"]:
        assert result.basis == "issuer"


def test_seed_002_lifts_districts_to_the_city() -> None:
    result = resolve_jurisdiction(_seed_text("002"))
    strings = {e.string for e in result.evidence}
    assert {"武进区", "溧阳市", "常州市"} <= strings
    assert result.county is None


def test_seed_000_title_line_and_address_district() -> None:
    text = _seed_text("000")
    assert resolve_jurisdiction(text).basis == "title"  # its first line reads as a title
    body = text.split("\n", 1)[1]
    result = resolve_jurisdiction(body)
    assert result.basis == "text" and result.adcode == "500000"
    jiangbei = [e for e in result.evidence if e.string == "江北区"]
    assert jiangbei and jiangbei[0].adcode == "500105"  # 重庆's, not 宁波's


def test_signature_line_outweighs_the_parent_city() -> None:
    text = "各镇人民政府：\n根据苏州市知识产权局要求，全市企业可以申报。\n常熟市人民政府\n2023年4月1日"
    assert resolve_jurisdiction(text).adcode == "320581"


@pytest.mark.parametrize("row", _rows("examples.jsonl"))
def test_example(row: dict) -> None:
    result = _resolve(row)
    assert result.as_metadata() == row["expect"]
    if "basis" in row:
        assert result.basis == row["basis"]
    assert 0 < result.confidence <= 1 or row["expect"] == NULL


@pytest.mark.parametrize("row", _rows("negative.jsonl"))
def test_negative(row: dict) -> None:
    result = _resolve(row)
    assert result.as_metadata() == NULL
    assert result.confidence == 0 and result.basis is None


def test_examples_cover_the_required_kinds() -> None:
    rows = [json.loads(line) for line in (DATA / "examples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 15
    assert any(r["basis"] == "phone" for r in rows if "basis" in r)
    assert any(r["expect"] == NULL for r in rows)


def test_evidence_spans_point_into_their_source() -> None:
    text = _seed_text("004")
    issuer = "大冶市市场监督管理局"
    result = resolve_jurisdiction(text, issuers=[issuer], phones=["0714-6221234"])
    assert result.evidence
    for e in result.evidence:
        if e.span is not None:
            assert text[e.span[0]:e.span[1]] == e.string
        if e.source == "issuer":
            assert issuer[e.source_span[0]:e.source_span[1]] == e.string
    text_result = resolve_jurisdiction(text)
    assert all(text[e.span[0]:e.span[1]] == e.string for e in text_result.evidence)


def test_false_friends_are_not_names() -> None:
    scan = _matcher().scan
    assert [h.key.name for h in scan("促进西安区域中心建设", "text")] == ["西安"]
    assert [h.key.name for h in scan("国内外常州市场", "text")] == ["常州"]
    assert scan("南京路与北京东路交叉口", "text") == []
    assert [h.key.name for h in scan("唐山市路南区", "text")] == ["唐山市", "路南区"]
    assert scan("潍坊滨海新区", "text")[-1].key.name == "潍坊"  # 滨海新区 (天津) is not inside 潍坊
    assert [h.key.name for h in scan("武进高新区", "text")] == ["武进"]
    assert scan("武进经济", "text") == []  # a county's short name alone is no mention in the body


def test_every_county_resolves_from_its_chained_name() -> None:
    d = load_divisions()
    wrong = []
    for unit in d.by_code.values():
        if unit.level == "county":
            issuer = d.by_code[unit.parent].name + unit.name + "人民政府"  # 唐山市路南区 is no road
            if resolve_jurisdiction("", issuers=[issuer]).adcode != unit.adcode:
                wrong.append(issuer)
    assert wrong == []


def test_issuer_prefix_and_zone() -> None:
    assert resolve_jurisdiction("", issuers=["中共重庆市委办公厅"]).adcode == "500000"
    assert resolve_jurisdiction("", issuers=["苏州工业园区管理委员会"]).as_metadata() == {
        "province": "江苏省", "city": "苏州市", "county": None, "adcode": "320500"}
    assert resolve_jurisdiction("", issuers=["国家知识产权局"]).adcode is None


def test_empty_input() -> None:
    assert resolve_jurisdiction("").as_metadata() == NULL


def test_speed() -> None:
    resolve_jurisdiction("预热")
    text = "".join(_seed_text(stem) for stem in sorted(SEEDS))
    text = (text * 3)[:20_000]
    start = time.perf_counter()
    for _ in range(5):
        resolve_jurisdiction(text)
    per_call = (time.perf_counter() - start) / 5
    assert per_call < 0.05, per_call  # ~3 ms on a laptop; the bound leaves room for slow CI


def test_load_is_fast() -> None:
    code = ("import time; from policyparse.metadata import divisions as d; t = time.perf_counter(); "
            "d.load_divisions(); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 0.25  # ~20 ms; generous for CI


@pytest.mark.skipif(importlib.util.find_spec("jionlp") is None, reason="jionlp (build-time source) not installed")
def test_build_script_reproduces_the_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_divisions.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("divisions.tsv", "area_codes.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), name


def test_a_city_that_only_says_where_its_district_is_does_not_outvote_it() -> None:
    """``广州南沙新区``, ``广州市南沙区``: the city before the district qualifies it; the notice is the
    district's when the district carries its text (南沙 is also a short name of 三沙市南沙区: the city
    before it decides)."""
    text = ("2017年度专利质押融资贴息办事指南\n一、政策依据\n《广州南沙新区（自贸片区）促进科技创新产业发展扶持办法》\n"
            "二、扶持对象\n在广州市南沙区注册的企业，依据广州市有关规定申请。\n三、受理单位\n广州市南沙区科技局。\n")
    result = resolve_jurisdiction(text)
    assert (result.city, result.county) == ("广州市", "南沙区")
