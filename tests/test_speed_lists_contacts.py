"""The shortcuts of the list, contact and document-number scans give what the plain scans give.

Each test runs a scan with its shortcut disabled (or against the straightforward formulation) and
checks the outputs are the same on every corpus notice and on hand-made edge cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from policyparse.extractors import contact, enumeration
from policyparse.pipeline import parse_file, parse_text
from policyparse.resolvers import phones
from policyparse.resolvers.base import finditer_in_lines, fold

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
NOTICES = sorted(CORPORA.glob("*.txt")) + sorted((CORPORA / "unseen").glob("*.txt"))

HAND_MADE = (
    "支持高端装备、新能源、节能环保等十大先进制造业集群。",
    "面向新一代信息技术、生物医药、高端装备",
    "申报对象为具有独立法人资格的企业、高等院校、科研院所。",
    "本市企业可自主申报，也可与高校、科研院所、服务机构联合申报。",
    "企业与高校、院所、服务机构联合申报",
    "甲、乙、丙等单位；甲、乙等",
    "常州市内注册的具有独立法人资格的企业，可单独申报，也可与产业链上下游企业、高校、知识产权服务机构联合申报。",
    "高等院校、同等条件、一等奖等",
)


def _facts(documents) -> list:
    return [tuple(f.model_dump_json() for f in d.facts) for d in documents]


def _parse_all() -> list:
    return _facts([parse_file(p).document for p in NOTICES] + [parse_text(t) for t in HAND_MADE])


@pytest.fixture(scope="module")
def parsed() -> list:
    """Every notice's facts as the extractors give them."""
    return _parse_all()


def test_series_prefilter_drops_no_list(parsed, monkeypatch) -> None:
    """:func:`enumeration._may_be_list` only skips series that would make no fact."""
    monkeypatch.setattr(enumeration, "_may_be_list", lambda *args: True)
    assert _parse_all() == parsed


@pytest.mark.parametrize("key", ["industry_tails", "industry_lead_in", "applicant_heads", "kpi_sections",
                                 "condition_sections", "material_sections"])
def test_any_of_is_any_word_in(key) -> None:
    words = enumeration._kinds()[key]
    strings = [s.title for p in NOTICES[:20] for s in parse_file(p).document.sections]
    strings += list(HAND_MADE) + words + [w[1:] for w in words] + [w[:-1] + "、" + w[-1] for w in words]
    pattern = enumeration._any_of(key)
    for s in strings:
        assert (pattern.search(s) is not None) == any(w in s for w in words), s


def _fuzz(alphabet: tuple[str, ...], n: int, seed: int) -> list[str]:
    """``n`` strings of up to forty pieces drawn from ``alphabet`` (fixed seed)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(n)]


PHONE_PIECES = (
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "86", "00", "010", "0519", "138", "400", "800", "95",
    "12345", "6752", "1202", " ", "  ", "-", "(", ")", "+", ".", "/", "x", "ext", "\n", "\t", "电话", "电 话",
    "手机", "Tel", "FAX", "传真", "热线", "联系人", "咨询", ":", "是", "为", "件", "户", "、", "或", "联", "的",
    "张", "A", "_", "@", "2024-01-02", "138 1234 5678", "8858 8192", "810 8888", "+86 10 5908 1185",
)


def _all_lines(f, needed, start=0, stop=None):
    yield start, len(f) if stop is None else stop


def test_phone_scan_reads_the_lines_it_needs(monkeypatch) -> None:
    """Phone spans found in the lines holding seven digits or a cue are those of the whole text."""
    texts = [fold(p.read_text(encoding="utf-8")) for p in NOTICES] + _fuzz(PHONE_PIECES, 4000, 7)
    texts += [fold(t) for t in ("联系电话\n12.3456.78901", "Tel\n+1 (234) 567 8901", "电话：\n\n1-234-567-890",
                                "传真\n(10) 1234 5678\n手机\n+49 176 1234 5678", "咨询热线：\n96 12345",
                                "电话 0519 8858 8192，手机138 1234 5678，客服400 810 8888")]
    fast = [phones._phone_spans(t) for t in texts]
    monkeypatch.setattr(phones, "lines_holding", _all_lines)
    monkeypatch.setattr(phones, "_and_next_lines", lambda f, windows: windows)
    assert [phones._phone_spans(t) for t in texts] == fast


ADDRESS_PIECES = ("http", "https", "HTTP", "://", ":/", "www", "WWW", "Www", ".", "@", "qq", "com", "cn", "a",
                  "Z", "9", "-", "_", "+", "%", "/", "?", "=", "\n", " ", "\t", "邮箱", "网址", "：", "ſ", "K")


@pytest.mark.parametrize(("pattern", "needed"), [("_EMAIL", "_AT"), ("_URL", "_URL_OPENING")])
def test_address_scans_read_the_lines_they_need(pattern, needed) -> None:
    """E-mail and URL matches in the lines holding ``@`` / ``://`` or ``www.`` are all of them."""
    texts = [p.read_text(encoding="utf-8") for p in NOTICES] + _fuzz(ADDRESS_PIECES, 4000, 11)
    scan, need = getattr(contact, pattern), getattr(contact, needed)
    for t in texts:
        assert [m.span() for m in finditer_in_lines(scan, t, need)] == [m.span() for m in scan.finditer(t)], t
