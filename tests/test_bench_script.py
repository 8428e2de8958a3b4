"""scripts/bench.py: how JioNLP's outputs are mapped to the gold's value forms (no JioNLP needed)."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "bench.py"
_spec = importlib.util.spec_from_file_location("bench_script", _PATH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _time(kind: str, start: str, end: str, definition: str = "accurate") -> dict:
    return {"type": kind, "detail": {"type": kind, "definition": definition, "time": [start, end]}}


@pytest.mark.parametrize(
    ("item", "fact"),
    [
        (_time("time_point", "2020-01-01 00:00:00", "2020-12-31 23:59:59"), {"type": "date", "value": "2020"}),
        (_time("time_point", "2020-02-01 00:00:00", "2020-02-29 23:59:59"), {"type": "date", "value": "2020-02"}),
        (_time("time_point", "2020-06-12 00:00:00", "2020-06-12 23:59:59"), {"type": "date", "value": "2020-06-12"}),
        (_time("time_point", "2023-06-21 17:00:00", "2023-06-21 17:00:59"), {"type": "date", "value": "2023-06-21T17:00"}),
        (_time("time_point", "2023-06-21 17:00:00", "2023-06-21 17:59:59"), {"type": "date", "value": "2023-06-21T17:00"}),
        # JioNLP labels some single years time_span: one unit either way is a date
        (_time("time_span", "2019-01-01 00:00:00", "2019-12-31 23:59:59"), {"type": "date", "value": "2019"}),
        (_time("time_span", "2022-01-01 00:00:00", "2024-12-31 23:59:59"),
         {"type": "period", "value": {"start": "2022", "end": "2024"}}),
        (_time("time_span", "2020-01-01 00:00:00", "2022-06-30 23:59:59"),
         {"type": "period", "value": {"start": "2020-01", "end": "2022-06"}}),
        (_time("time_span", "2021-09-19 00:00:00", "2021-09-21 23:59:59"),
         {"type": "period", "value": {"start": "2021-09-19", "end": "2021-09-21"}}),
        (_time("time_span", "2020-01-01 00:00:00", "inf"), {"type": "date", "value": "2020"}),
    ],
)
def test_time_items_map_to_gold_forms(item, fact):
    assert bench.jionlp_time_fact(item) == fact


def test_durations_recurrences_and_blur_spans_are_left_out():
    assert bench.jionlp_time_fact({"type": "time_delta", "detail": {"type": "time_delta", "time": {"year": 2.0}}}) is None
    period = {"type": "time_period", "detail": {"type": "time_period", "time": {"delta": {"year": 1}, "point": None}}}
    assert bench.jionlp_time_fact(period) is None
    assert bench.jionlp_time_fact(_time("time_span", "2023-11-22 00:00:00", "2026-11-21 07:03:58", "blur")) is None


def test_money_items_map_to_yuan_amounts():
    item = {"detail": {"num": "30000000.00", "case": "元", "definition": "blur+"}}
    assert bench.jionlp_money_fact(item) == {"type": "money", "value": {"amount": 30000000, "currency": "CNY"}}
    rng = {"detail": {"num": ["10000000.00", "20000000.00"], "case": "元", "definition": "blur"}}
    assert bench.jionlp_money_fact(rng) == {"type": "money", "value": {"min": 10000000, "max": 20000000, "currency": "CNY"}}
    usd = {"detail": {"num": "2.50", "case": "美元", "definition": "accurate"}}
    assert bench.jionlp_money_fact(usd) == {"type": "money", "value": {"amount": 2.5, "currency": "美元"}}


def test_gold_and_policyparse_money_keep_only_amount_and_currency():
    fact = {"type": "money", "value": {"amount": 500000, "currency": "CNY", "bound": "exact", "per": "项目"}}
    assert bench.comparable([fact, {"type": "percent", "value": 0.4}]) == [
        {"type": "money", "value": {"amount": 500000, "currency": "CNY"}}
    ]


def test_seconds_are_cut_to_the_gold_minute_form():
    item = _time("time_point", "2023-08-09 23:04:15", "2023-08-09 23:04:15")
    assert bench.jionlp_time_fact(item) == {"type": "date", "value": "2023-08-09T23:04"}


def test_an_end_filled_in_with_time_base_is_open_and_the_text_sets_the_unit():
    now = datetime(2009, 12, 16, 12, 34, 56)
    before = {**_time("time_span", "2009-12-16 12:34:56", "2009-12-31 23:59:59"), "text": "2009年12月31日前"}
    assert bench.jionlp_time_fact(before, now) == {"type": "date", "value": "2009-12-31"}
    year_end = {**_time("time_span", "2009-12-16 12:34:56", "2009-12-31 23:59:59"), "text": "2009年底前"}
    assert bench.jionlp_time_fact(year_end, now) == {"type": "date", "value": "2009"}
    since = {**_time("time_span", "2023-09-08 00:00:00", "inf"), "text": "2023年9月8日起"}
    assert bench.jionlp_time_fact(since, now) == {"type": "date", "value": "2023-09-08"}
    # a stated start on the publication day is not "now": time_base carries an odd time of day
    stated = _time("time_span", "2009-12-16 00:00:00", "2009-12-31 23:59:59")
    assert bench.jionlp_time_fact(stated, now) == {"type": "period", "value": {"start": "2009-12-16", "end": "2009-12-31"}}


def test_time_base_is_the_publication_date_at_an_odd_time_of_day():
    assert bench.time_base_for({"metadata": {"publish_date": "2020-06-12"}}) == datetime(2020, 6, 12, 12, 34, 56)
    assert bench.time_base_for({"metadata": {"publish_date": None, "policy_year": 2023}}) == datetime(2023, 1, 1, 12, 34, 56)
