"""The metadata stage's shortcuts give what the straightforward computations give."""

from __future__ import annotations

import pytest

from policyparse.loaders import load
from policyparse.metadata import header, jurisdiction
from policyparse.metadata.read import _FULL_DATE, read_metadata
from policyparse.normalize.pipeline import normalize
from policyparse.resolvers.base import fold
from policyparse.segment.tree import build_sections
from tests.conftest import CORPORA
from tests.test_resolvers import _date, _general

TEXTS = sorted(CORPORA.glob("*.txt")) + sorted((CORPORA / "unseen").glob("*.txt"))


def _normalized(path) -> str:
    return normalize(load(path).text).text


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_corpus_full_dates_read_as_the_general_reading_reads_them(path) -> None:
    """The signature and publication dates go through parse_date's plain-date shortcut."""
    text = _normalized(path)
    for m in _FULL_DATE.finditer(fold(text)):
        raw = text[m.start():m.end()]
        assert _date(raw) == _general(raw), raw


class _EagerEvidence(jurisdiction._BodyEvidence):
    """The body evidence read up front, as the resolver did before it read it on demand."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        assert self.tally is not None


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_jurisdiction_reads_the_body_only_when_needed(path, monkeypatch) -> None:
    text = _normalized(path)
    sections = build_sections(text)
    metadata = read_metadata(text, sections)
    issuers, title = list(metadata.issuers), metadata.title
    lazy = jurisdiction.resolve_jurisdiction(text, issuers=issuers, title=title)
    monkeypatch.setattr(jurisdiction, "_BodyEvidence", _EagerEvidence)
    assert jurisdiction.resolve_jurisdiction(text, issuers=issuers, title=title) == lazy
    assert read_metadata(text, sections) == metadata
    # without the issuers, and without the title too: the title, the body and the phones decide
    for kwargs in ({"title": title}, {}):
        monkeypatch.setattr(jurisdiction, "_BodyEvidence", _EagerEvidence)
        eager = jurisdiction.resolve_jurisdiction(text, **kwargs)
        monkeypatch.undo()
        assert jurisdiction.resolve_jurisdiction(text, **kwargs) == eager


@pytest.mark.parametrize("issuers, title, text", [
    (["江北区科学技术局"], None, "宁波市江北区科学技术局关于…的通知\n宁波市江北区各有关单位：\n联系电话：0574-87654321"),
    (["江北区科学技术局"], None, "重庆市江北区…\n电话：023-67521202"),
    ([], "江北区…的通知", "重庆市江北区科学技术局\n2023年5月9日"),
    (["山阳镇政府"], None, "金山区山阳镇…金山区…金山区"),
    ([], None, "联系电话：0519-88588192"),
    ([], None, "我市将…常州市武进区…溧阳市…常州市"),
])
def test_jurisdiction_by_hand(issuers, title, text, monkeypatch) -> None:
    lazy = jurisdiction.resolve_jurisdiction(text, issuers=issuers, title=title)
    monkeypatch.setattr(jurisdiction, "_BodyEvidence", _EagerEvidence)
    assert jurisdiction.resolve_jurisdiction(text, issuers=issuers, title=title) == lazy


LINES_BY_HAND = [
    "关于印发某某办法的通知", "标题：  关于印发某某办法的通知", "关于开展某某工作的通知（试行。）", "关于某某的通知。",
    "关于某某的通知各有关单位：", "关于某某的通知沪府发〔2023〕5号", "关于某某的意见 发布日期：2023-05-09",
    "某某市人民政府关于某某的通知。现将有关事项通知如下", "根据《某某管理办法》规定，现通知如下。",
    "为" + "进一步加强和改进工作，根据《某某管理办法》规定" * 20, "关于" + "某" * 170 + "的通知",
    "关于" + "某" * 400 + "的通知", "通知", "的通知", "（试行）", "某某办法（2023年修订）各区：",
]


def test_kind_searches_title_endings_without_changing_a_kind() -> None:
    lines = list(LINES_BY_HAND)
    for path in TEXTS:
        lines += [line.strip() for line in _normalized(path).split("\n")]
    for s in lines:
        line = header._Line(0, len(s), s)
        title = header._TITLE.match(s) if s else None
        kind, match = header._kind(line)
        assert (kind == "title") == bool(title and "。" not in title.group("title")), s
        assert (match and match.span("title")) == (title.span("title") if kind == "title" else None), s


ADDRESSEES_BY_HAND = [
    "市直各单位：", "标题\n  县人民政府各部门，各有关单位：\n正文", "标题\n市属各单位、有关企业：", "关于…的通知\n本区各街道：",
    "前言各\n区政府各部门：", "各部门。\n市直各单位：", "现将有关事项通知如下：", "没有主送机关。", "各" + "单位" * 120 + "：",
    "某某管委会各部门：", "\n\n　　黄浦区节能减排工作领导小组各成员单位：",
]


def test_addressee_block_search_starts_at_the_first_list() -> None:
    strings = list(ADDRESSEES_BY_HAND)
    for path in TEXTS:
        text = _normalized(path)
        lines = text.split("\n")
        strings += [text] + ["\n".join(lines[k:k + 6]) for k in range(0, len(lines), 3)]
    for s in strings:
        fast, straight = header._search_addressee_block(s), header._ADDRESSEE_BLOCK.search(s)
        assert (fast and fast.span("block")) == (straight and straight.span("block")), s
