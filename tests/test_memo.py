"""The per-document memo: whole-text work is shared by the scanners of one document, never kept
past it (a second parse of the same notice computes again)."""

from __future__ import annotations

from policyparse.pipeline import parse_text
from policyparse.resolvers import memo
from policyparse.resolvers.memo import document_scope, per_document


def _counting():
    calls: list[str] = []

    @per_document
    def analyse(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text)

    return analyse, calls


def test_outside_a_scope_every_call_computes() -> None:
    analyse, calls = _counting()
    analyse("申报截止时间")
    analyse("申报截止时间")
    assert calls == ["申报截止时间", "申报截止时间"]


def test_inside_a_scope_the_result_is_shared_and_dies_with_the_scope() -> None:
    analyse, calls = _counting()
    with document_scope():
        first = analyse("最高补助50万元")
        assert analyse("最高补助50万元") is first
        analyse("不超过10个")
    assert calls == ["最高补助50万元", "不超过10个"]
    with document_scope():
        analyse("最高补助50万元")
    assert calls == ["最高补助50万元", "不超过10个", "最高补助50万元"]


def test_scopes_nest_without_sharing() -> None:
    analyse, calls = _counting()
    with document_scope():
        analyse("a")
        with document_scope():
            analyse("a")
        analyse("a")
    assert calls == ["a", "a"]


def test_a_parse_leaves_no_memo_behind() -> None:
    text = "一、支持内容\n对符合条件的企业给予最高50万元补助。申报截止时间为2023年6月21日。\n"
    first = parse_text(text)
    assert memo._MEMO.get() is None
    second = parse_text(text)
    assert [f.value_json() for f in first.facts] == [f.value_json() for f in second.facts]
