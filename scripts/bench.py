"""Benchmark policyparse on the bundled corpora, head to head with JioNLP where it is installed.

    python scripts/bench.py [--repeat N] [--corpora DIR] [--gold DIR] [--json] [--errors]

``make bench`` installs the ``bench`` extra (JioNLP) first and runs this. Figures only: nothing here
asserts a time. Everything runs on one core (one process, no worker pool).

What is measured
----------------
* **Throughput per format** (txt / docx / pdf): notices/s of ``parse_file`` in one process, after a
  warm-up pass over the same files (lazy data, regex compilation), so "per core".
* **Cold start**: wall time of ``policyparse parse FILE`` in a fresh interpreter (best of 3); and, for
  policyparse and JioNLP alike, a fresh interpreter's import time and first call on the same txt notice
  (best of 3 by total), so a slow first call is reported here and kept out of the throughput.
* **Peak memory**: peak resident set (VmHWM) of a fresh process that parses every corpus file; and of fresh
  processes running each system over the txt notices only (the head-to-head input).
* **Head to head on the txt notices** (``corpora/*.txt``, and again on the larger set of unseen notices
  ``corpora/unseen/*.txt`` with half the rounds): both warmed up with one full pass, then
  ``--repeat`` rounds, alternating which system goes first, wall time summed per system.
  policyparse = ``parse_file(path)``: the full pipeline, every fact type, sections and metadata.
  JioNLP = ``path.read_text()`` + ``jionlp.ner.extract_money(text)`` + ``jionlp.ner.extract_time(text,
  time_base=...)`` with their default parsing on (the values are needed to score them). The ratio is
  policyparse notices/s divided by JioNLP notices/s. Parsing the same notices again does not make
  policyparse faster: what its scanners share of a text (folded copy, raw numbers, dates) is kept
  for the one document being parsed (``policyparse.resolvers.memo``), so every round parses cold.
  Only small pure lookups persist across documents, as they would in any batch (the value of a
  quantity such as ``50`` + ``万元``, the canonical metric of a phrase).
* **Precision / recall on the seed gold** (``gold/seeds/<stem>.gold.json`` against ``corpora/<stem>.txt``),
  for money and for dates (``date`` and ``period`` gold facts together), computed identically for both
  systems with the project's scorer (``policyparse.evaluation.score.score_facts``): distinct normalized
  values per document, one-to-one matching, micro-averaged over the documents.

How values are normalized (both systems, the same way)
------------------------------------------------------
Money → ``{"amount": yuan, "currency": ...}`` or ``{"min": a, "max": b, "currency": ...}``. Only the
amount (or range) and currency are compared: ``bound`` (以上/不超过) and ``per`` (per project/item) are
dropped from gold and from policyparse, because JioNLP has no such fields, so this is a looser test for
policyparse than ``policyparse eval`` (which also checks bound and per).

* JioNLP ``extract_money`` item → ``detail["num"]`` (a yuan string such as ``"30000000.00"``, or a
  ``[min, max]`` pair for a range) as a number; ``detail["case"] == "元"`` → ``"CNY"``, any other case
  (美元, 港元 …) is kept as the currency and so never matches a CNY gold amount. Its ``definition``
  (accurate / blur / blur+) is ignored, like our ``bound``.
* policyparse ``money`` fact → its ``amount`` / ``min`` / ``max`` and ``currency``.

Dates → ``date`` values ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"``, ``"YYYY-MM-DDTHH:MM"`` (as in the gold)
and ``period`` values ``{"start": date, "end": date}``; a date and a period never match each other.

* policyparse ``date`` / ``period`` facts → their values unchanged.
* JioNLP ``extract_time`` item (with ``ret_type="str"``, ``detail["time"]`` is ``[start, end]`` as
  ``"YYYY-MM-DD HH:MM:SS"`` strings, ends inclusive):

  - ``time_point`` and ``time_span`` are mapped; ``time_delta`` (durations such as 2年) and
    ``time_period`` (recurrences such as 每年) are not dates and are left out;
  - items JioNLP itself marks ``definition == "blur"`` are left out (近三年, 三年内, 12个月以内, 后期:
    relative, fuzzy spans ending at "now"; the gold has no date for them, so dropping them only helps
    JioNLP's precision);
  - the granularity of ``[start, end]`` is the finer of (the coarsest unit whose *start* ``start`` falls
    on, the coarsest unit whose *last second* ``end`` falls on), units year > month > day > hour >
    minute > second. Both ends are written at that granularity (year ``YYYY``, month ``YYYY-MM``, day
    ``YYYY-MM-DD``, hour ``YYYY-MM-DDTHH:00``, minute and second ``YYYY-MM-DDTHH:MM``, the gold's
    finest form: ``2023-08-09 23:04:15`` → ``"2023-08-09T23:04"``). If both ends then read the same, it
    is a ``date`` (``2020年`` → ``["2020-01-01 00:00:00", "2020-12-31 23:59:59"]`` → ``"2020"``;
    ``2023年6月21日下午5:00`` → ``17:00:00``–``17:00:59`` → ``"2023-06-21T17:00"``), whatever JioNLP's
    type label says; otherwise a ``period`` (``2022—2024年`` → ``{"start": "2022", "end": "2024"}``);
  - an open-ended span → a ``date`` of its finite end. An end is open when it is ``inf`` / unparseable
    (``2020年以来`` → ``["2020-01-01 00:00:00", "inf"]``) or equals ``time_base`` to the second, i.e.
    JioNLP filled in "now" (``2009年12月31日前`` → ``[time_base, "2009-12-31 23:59:59"]``;
    ``time_base`` is set to an odd time of day, 12:34:56, so that such an end is recognizable). One end
    alone cannot tell a day from a month or a year (12-31 23:59:59 closes all three), so the unit is the
    finer of that end's coarsest alignment and the finest unit the item's text spells out (日/号 or
    YYYY-MM-DD → day, 月 → month, 时/点 → hour, 分 or HH:MM → minute): ``"2009-12-31"``, ``"2020"``;
  - ``time_base`` (what relative words such as 本年 resolve against) is the notice's publication date
    from the gold metadata at 12:34:56, else 1 January of the gold ``policy_year`` at 12:34:56, else
    now. This only helps JioNLP; policyparse gets no such hint.

JioNLP is given the .txt file's text as read (UTF-8), the input a user would hand it. Its import
banner (printed to stdout) is swallowed.

Caveat: the seed notices are the documents policyparse's extractors were written against, and the gold
is the project's own; the P/R figures say how each system fits *this* gold, not how either generalizes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import re
import subprocess
import sys
import time
from calendar import monthrange
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
FORMATS = ("txt", "docx", "pdf")

# ---------------------------------------------------------------------------------------------------
# normalization to the gold's value forms (pure functions; tested in tests/test_bench_script.py)

_UNITS = ("year", "month", "day", "hour", "minute", "second")
_FORMATS = {
    "year": "%Y",
    "month": "%Y-%m",
    "day": "%Y-%m-%d",
    "hour": "%Y-%m-%dT%H:00",
    "minute": "%Y-%m-%dT%H:%M",
    "second": "%Y-%m-%dT%H:%M",  # the gold's finest form is the minute: 23:04:15 → "…T23:04"
}


def _parse_dt(s: Any) -> datetime | None:
    try:
        return datetime.strptime(str(s), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _start_unit(dt: datetime) -> str:
    """The coarsest unit whose first second ``dt`` is."""
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        if dt.day == 1:
            return "year" if dt.month == 1 else "month"
        return "day"
    if (dt.minute, dt.second) == (0, 0):
        return "hour"
    return "minute" if dt.second == 0 else "second"


def _end_unit(dt: datetime) -> str:
    """The coarsest unit whose last second ``dt`` is."""
    if (dt.hour, dt.minute, dt.second) == (23, 59, 59):
        if dt.day == monthrange(dt.year, dt.month)[1]:
            return "year" if dt.month == 12 else "month"
        return "day"
    if (dt.minute, dt.second) == (59, 59):
        return "hour"
    return "minute" if dt.second == 59 else "second"


_WRITTEN_UNITS = (
    ("minute", re.compile(r"\d[:：]\d\d|分")),
    ("hour", re.compile(r"[时点]")),
    ("day", re.compile(r"[日号]|\d{4}[-./]\d{1,2}[-./]\d{1,2}")),
    ("month", re.compile(r"月|\d{4}[-./]\d{1,2}")),
)


def _unit_written(text: str) -> str:
    """The finest unit an expression spells out (2009年12月31日前 → day): one end alone cannot tell
    whether 12-31 23:59:59 closes a day, a month or a year."""
    return next((unit for unit, pattern in _WRITTEN_UNITS if pattern.search(text)), "year")


def _finer(a: str, b: str) -> str:
    return _UNITS[max(_UNITS.index(a), _UNITS.index(b))]


def jionlp_time_fact(item: dict, now: datetime | None = None) -> dict | None:
    """One ``extract_time`` item → a gold-form ``date`` / ``period`` fact, or None (see module docstring).

    ``now`` is the ``time_base`` JioNLP was given: an end equal to it was filled in by JioNLP, not read
    from the text (2009年12月31日前 → [now, 2009-12-31 23:59:59]), and counts as open.
    """
    detail = item.get("detail") or {}
    kind = detail.get("type", item.get("type"))
    if kind not in ("time_point", "time_span") or detail.get("definition") == "blur":
        return None
    bounds = detail.get("time")
    if not isinstance(bounds, (list, tuple)) or len(bounds) != 2:
        return None
    start, end = _parse_dt(bounds[0]), _parse_dt(bounds[1])
    if now is not None:
        now = now.replace(microsecond=0)
        start, end = (None if start == now else start), (None if end == now else end)
    if start is None and end is None:
        return None
    if start is None or end is None:  # open-ended: 2020年以来 → "2020", 2009年12月31日前 → "2009-12-31"
        dt, unit = (start, _start_unit(start)) if start is not None else (end, _end_unit(end))
        unit = _finer(unit, _unit_written(item.get("text", "")))
        return {"type": "date", "value": dt.strftime(_FORMATS[unit])}
    unit = _finer(_start_unit(start), _end_unit(end))
    a, b = start.strftime(_FORMATS[unit]), end.strftime(_FORMATS[unit])
    if a == b:
        return {"type": "date", "value": a}
    return {"type": "period", "value": {"start": a, "end": b}}


def _number(x: Any) -> int | float | None:
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else f


def jionlp_money_fact(item: dict) -> dict | None:
    """One ``extract_money`` item → a gold-form ``money`` fact (amount or range + currency), or None."""
    detail = item.get("detail") or {}
    case = detail.get("case")
    currency = "CNY" if case in ("元", "人民币", None) else case
    num = detail.get("num")
    if isinstance(num, (list, tuple)) and len(num) == 2:
        lo, hi = _number(num[0]), _number(num[1])
        if lo is None or hi is None:
            return None
        value = {"amount": lo, "currency": currency} if lo == hi else {"min": lo, "max": hi, "currency": currency}
    else:
        amount = _number(num)
        if amount is None:
            return None
        value = {"amount": amount, "currency": currency}
    return {"type": "money", "value": value}


def money_only_amount(fact: dict) -> dict:
    """A policyparse or gold ``money`` fact with only amount / min / max and currency kept."""
    v = fact["value"]
    value = {k: _number(v[k]) for k in ("amount", "min", "max") if v.get(k) is not None}
    value["currency"] = v.get("currency", "CNY")
    return {"type": "money", "value": value}


def comparable(facts: list[dict]) -> list[dict]:
    """Keep money / date / period facts, money reduced to amount + currency (see module docstring)."""
    out = []
    for f in facts:
        if f["type"] == "money":
            out.append(money_only_amount(f))
        elif f["type"] in ("date", "period"):
            out.append({"type": f["type"], "value": f["value"]})
    return out


_NOW_TIME = (12, 34, 56)  # an odd time of day, so an end JioNLP fills in with "now" is recognizable


def time_bases(files: list[Path], gold_dir: Path) -> list[datetime]:
    """JioNLP's time base for each file, from its gold in ``gold_dir`` (see :func:`time_base_for`)."""
    bases = []
    for path in files:
        gold_path = gold_dir / f"{path.stem}.gold.json"
        bases.append(time_base_for(json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}))
    return bases


def time_base_for(gold: dict) -> datetime:
    """What JioNLP resolves relative words against: the notice's date (see module docstring)."""
    meta = gold.get("metadata") or {}
    if meta.get("publish_date"):
        with contextlib.suppress(ValueError):
            return datetime.strptime(meta["publish_date"][:10], "%Y-%m-%d").replace(
                hour=_NOW_TIME[0], minute=_NOW_TIME[1], second=_NOW_TIME[2]
            )
    if meta.get("policy_year"):
        return datetime(int(meta["policy_year"]), 1, 1, *_NOW_TIME)
    return datetime.now().replace(microsecond=0)


# ---------------------------------------------------------------------------------------------------
# JioNLP, optional


def load_jionlp() -> Any | None:
    """``jionlp.ner`` with its stdout banner swallowed, or None when not installed."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp  # noqa: F401
            from jionlp.algorithm import ner
    except Exception:  # not installed, or a broken install
        return None
    return ner


def jionlp_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jionlp")
    except PackageNotFoundError:
        return None


def jionlp_facts(ner: Any, text: str, time_base: datetime) -> tuple[list[dict], int]:
    """JioNLP's money and time items mapped to gold-form facts, and how many time items were left out."""
    facts: list[dict] = []
    left_out = 0
    for item in ner.extract_money(text):
        fact = jionlp_money_fact(item)
        if fact is not None:
            facts.append(fact)
    for item in ner.extract_time(text, time_base=time_base.timestamp()):
        fact = jionlp_time_fact(item, time_base)
        if fact is None:
            left_out += 1
        else:
            facts.append(fact)
    return facts, left_out


# ---------------------------------------------------------------------------------------------------
# measurements


def throughput(files: list[Path], repeat: int) -> float:
    from policyparse.pipeline import parse_file

    for path in files:  # warm-up pass: lazy data, regex compilation, format libraries
        parse_file(path)
    start = time.perf_counter()
    for _ in range(repeat):
        for path in files:
            parse_file(path)
    return repeat * len(files) / (time.perf_counter() - start)


def head_to_head(files: list[Path], time_bases: list[datetime], ner: Any, repeat: int) -> dict:
    """Warmed-up notices/s of both systems on the same txt files, rounds alternating who goes first."""
    from policyparse.pipeline import parse_file

    def ours() -> None:
        for path in files:
            parse_file(path)

    stamps = [base.timestamp() for base in time_bases]

    def theirs() -> None:
        for path, base in zip(files, stamps):
            text = path.read_text(encoding="utf-8")
            ner.extract_money(text)
            ner.extract_time(text, time_base=base)

    # JioNLP logs every time string it cannot read (``exception string `8万```) with its traceback to the
    # root logger; that is output, not work, so it is silenced here (which only makes JioNLP faster)
    logging.disable(logging.ERROR)
    try:
        return _alternate(ours, theirs, files, repeat)
    finally:
        logging.disable(logging.NOTSET)


def _alternate(ours: Callable[[], None], theirs: Callable[[], None], files: list[Path], repeat: int) -> dict:
    """Both warmed up once, then ``repeat`` rounds alternating who goes first; wall and CPU time summed."""
    ours()
    theirs()  # warm-up of both
    spent = {"policyparse": 0.0, "jionlp": 0.0}
    cpu = {"policyparse": 0.0, "jionlp": 0.0}
    runs: dict[str, Callable[[], None]] = {"policyparse": ours, "jionlp": theirs}
    for r in range(repeat):
        for name in (("policyparse", "jionlp") if r % 2 == 0 else ("jionlp", "policyparse")):
            c0, t0 = time.process_time(), time.perf_counter()
            runs[name]()
            spent[name] += time.perf_counter() - t0
            cpu[name] += time.process_time() - c0
    n = repeat * len(files)
    rate = {k: n / v for k, v in spent.items()}
    return {
        "notices": len(files),
        "rounds": repeat,
        "policyparse_per_s": rate["policyparse"],
        "jionlp_per_s": rate["jionlp"],
        "ratio": rate["policyparse"] / rate["jionlp"],
        "cpu_over_wall": {k: cpu[k] / spent[k] for k in spent},
    }


def _fresh_python(code: str, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, out.stdout


def cold_start_cli(path: Path) -> float:
    exe = Path(sys.executable).with_name("policyparse")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([str(exe), "parse", str(path)], check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


_COLD_OURS = (
    "import sys, time\n"
    "t0 = time.perf_counter()\n"
    "from policyparse.pipeline import parse_file\n"
    "t1 = time.perf_counter()\n"
    "parse_file(sys.argv[1])\n"
    "t2 = time.perf_counter()\n"
    "print('RESULT', t1 - t0, t2 - t1)\n"
)
_COLD_JIONLP = (
    "import sys, time, contextlib, io\n"
    "t0 = time.perf_counter()\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    import jionlp\n"
    "    from jionlp.algorithm import ner\n"
    "t1 = time.perf_counter()\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "ner.extract_money(text)\n"
    "ner.extract_time(text)\n"
    "t2 = time.perf_counter()\n"
    "print('RESULT', t1 - t0, t2 - t1)\n"
)


def cold_start_in_process(code: str, path: Path) -> dict:
    """Best of 3 fresh interpreters: process wall time, import time and first-call time."""
    best: dict | None = None
    for _ in range(3):
        wall, out = _fresh_python(code, str(path))
        line = next(ln for ln in out.splitlines() if ln.startswith("RESULT"))
        imp, first = (float(x) for x in line.split()[1:])
        if best is None or wall < best["process_s"]:
            best = {"process_s": wall, "import_s": imp, "first_call_s": first}
    assert best is not None
    return best


# The child's own high-water mark: VmHWM of its address space. ru_maxrss is not used on Linux because
# a child inherits the parent's high-water mark across fork+exec (the benchmark process is large by then).
_PEAK_KIB = (
    "def _peak_kib():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1])\n"
    "    except OSError:\n"
    "        pass\n"
    "    import resource, sys\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    return peak // 1024 if sys.platform == 'darwin' else peak\n"
)
_PEAK_OURS = _PEAK_KIB + (
    "import sys\n"
    "from policyparse.pipeline import parse_file\n"
    "for p in sys.argv[1:]:\n"
    "    parse_file(p)\n"
    "print(_peak_kib())\n"
)
_PEAK_JIONLP = _PEAK_KIB + (
    "import sys, contextlib, io\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    from jionlp.algorithm import ner\n"
    "for p in sys.argv[1:]:\n"
    "    text = open(p, encoding='utf-8').read()\n"
    "    ner.extract_money(text)\n"
    "    ner.extract_time(text)\n"
    "print(_peak_kib())\n"
)


def peak_memory_mb(code: str, files: list[Path]) -> float:
    _, out = _fresh_python(code, *map(str, files))
    return int(out.strip().splitlines()[-1]) / 1024


def gold_scores(txt: list[Path], gold_dir: Path, ner: Any | None) -> dict:
    """Money and dates P/R/F1 of policyparse (and JioNLP) on every txt notice that has gold."""
    from policyparse.evaluation.score import Counts, score_facts
    from policyparse.pipeline import parse_file

    systems = ["policyparse"] + (["jionlp"] if ner is not None else [])
    totals = {s: {"money": Counts(), "dates": Counts()} for s in systems}
    errors: list[dict] = []
    documents = 0
    left_out = 0
    for path in txt:
        gold_path = gold_dir / f"{path.stem}.gold.json"
        if not gold_path.exists():
            continue
        documents += 1
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        want = comparable(gold.get("facts", []))
        predicted = {"policyparse": comparable([f for f in parse_file(path).document.model_dump(mode="json")["facts"]])}
        if ner is not None:
            facts, dropped = jionlp_facts(ner, path.read_text(encoding="utf-8"), time_base_for(gold))
            predicted["jionlp"] = facts
            left_out += dropped
        for system, facts in predicted.items():
            counts, missed, spurious = score_facts(facts, want)
            for fact_type, c in counts.items():
                totals[system]["money" if fact_type == "money" else "dates"].add(c)
            for kind, items in (("missed", missed), ("spurious", spurious)):
                for fact_type, value in items:
                    errors.append({"system": system, "document": path.name, "kind": kind, "type": fact_type, "value": value})
    result: dict[str, Any] = {"gold": _show(gold_dir), "documents": documents, "jionlp_time_items_left_out": left_out if ner else None}
    for system, by in totals.items():
        result[system] = {
            k: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
            for k, c in by.items()
        }
    result["errors"] = errors
    return result


# ---------------------------------------------------------------------------------------------------


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def run(args: argparse.Namespace) -> dict:
    log = (lambda *_: None) if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))
    by_format = {fmt: sorted(args.corpora.glob(f"*.{fmt}")) for fmt in FORMATS}
    txt = by_format["txt"]
    ner = None if args.no_peer else load_jionlp()
    r: dict[str, Any] = {
        "corpora": _show(args.corpora),
        "files": {k: len(v) for k, v in by_format.items()},
        "repeat": args.repeat,
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "jionlp_version": jionlp_version() if ner is not None else None,
    }
    r["throughput_per_s"] = {}
    for fmt, files in by_format.items():
        if files:
            log(f"… throughput {fmt}")
            r["throughput_per_s"][fmt] = throughput(files, args.repeat if fmt != "pdf" else max(1, args.repeat // 2))
    if txt:
        log("… cold start")
        r["cold_start"] = {
            "cli_file": txt[0].name,
            "policyparse_cli_s": cold_start_cli(txt[0]),
            "policyparse": cold_start_in_process(_COLD_OURS, txt[0]),
        }
        if ner is not None:
            r["cold_start"]["jionlp"] = cold_start_in_process(_COLD_JIONLP, txt[0])
    log("… peak memory")
    all_files = [p for fmt in FORMATS for p in by_format[fmt]]
    r["peak_memory_mb"] = {"policyparse_all_corpora": peak_memory_mb(_PEAK_OURS, all_files)}
    if txt:
        r["peak_memory_mb"]["policyparse_txt"] = peak_memory_mb(_PEAK_OURS, txt)
        if ner is not None:
            r["peak_memory_mb"]["jionlp_txt"] = peak_memory_mb(_PEAK_JIONLP, txt)
    if txt and ner is not None:
        log("… head to head on txt")
        r["head_to_head_txt"] = head_to_head(txt, time_bases(txt, args.gold), ner, args.repeat)
        unseen = sorted(args.unseen.glob("*.txt")) if args.unseen.is_dir() else []
        if unseen:
            log(f"… head to head on the {len(unseen)} unseen txt notices")
            r["head_to_head_unseen_txt"] = head_to_head(unseen, time_bases(unseen, args.unseen_gold), ner,
                                                        max(1, args.repeat // 2))
    if txt and args.gold.is_dir():
        log("… precision / recall against gold")
        r["gold"] = gold_scores(txt, args.gold, ner)
    return r


def print_table(r: dict, show_errors: bool) -> None:
    files = ", ".join(f"{n} {k}" for k, n in r["files"].items())
    print(f"corpora: {r['corpora']} ({files}); repeat {r['repeat']}; Python {r['python']}; "
          f"JioNLP {r['jionlp_version'] or 'not installed (pip install -e .[bench])'}")
    print()
    print("policyparse throughput, one core, warmed up (full parse, every fact type)")
    for fmt, rate in r["throughput_per_s"].items():
        print(f"  {fmt:<5} {rate:8.1f} notices/s")
    cold = r.get("cold_start")
    if cold:
        print()
        print(f"cold start on {cold['cli_file']} (fresh interpreter, best of 3)")
        print(f"  policyparse parse FILE (CLI)        {cold['policyparse_cli_s']:6.2f} s")
        for name in ("policyparse", "jionlp"):
            if name in cold:
                c = cold[name]
                what = "parse_file" if name == "policyparse" else "extract_money+extract_time"
                print(f"  {name:<11} import + first {what:<27} {c['process_s']:6.2f} s process "
                      f"(import {c['import_s']:.2f} s, first call {c['first_call_s']:.2f} s)")
    print()
    print("peak memory (peak RSS, VmHWM, of a fresh process)")
    labels = {
        "policyparse_all_corpora": "policyparse, every corpus file",
        "policyparse_txt": "policyparse, txt notices",
        "jionlp_txt": "jionlp money+time, txt notices",
    }
    for k, v in r["peak_memory_mb"].items():
        print(f"  {labels[k]:<32} {v:6.0f} MB")
    if r.get("head_to_head_txt"):
        for key, what in (("head_to_head_txt", "txt notices"), ("head_to_head_unseen_txt", "unseen txt notices")):
            h = r.get(key)
            if not h:
                continue
            print()
            print(f"head to head on the same {h['notices']} {what}, one core, warmed up, {h['rounds']} rounds")
            print(f"  policyparse full parse (all fact types)   {h['policyparse_per_s']:8.1f} notices/s")
            print(f"  jionlp extract_money + extract_time       {h['jionlp_per_s']:8.1f} notices/s")
            print(f"  ratio policyparse / jionlp                {h['ratio']:8.2f}x   (target >= 3x)")
    elif r["files"].get("txt"):
        print()
        print("jionlp: not installed (pip install -e '.[bench]') — no peer figures in this run")
    g = r.get("gold")
    if g:
        print()
        print(f"precision / recall against {g['gold']} ({g['documents']} txt notices; distinct normalized values per document;")
        print("money = yuan amount + currency, dates = date and period values)")
        print(f"  {'system':<12}{'type':<7}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>8}{'R':>8}{'F1':>8}")
        for system in ("policyparse", "jionlp"):
            if system in g:
                for kind in ("money", "dates"):
                    c = g[system][kind]
                    print(f"  {system:<12}{kind:<7}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}"
                          f"{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}")
        if g.get("jionlp_time_items_left_out") is not None:
            print(f"  (jionlp time items left out as durations / recurrences / 'blur': {g['jionlp_time_items_left_out']})")
        if show_errors:
            for e in g["errors"]:
                print(f"  {e['system']:<12}{e['document']:<28} {e['kind'].upper():<9}{e['type']:<7}"
                      f"{json.dumps(e['value'], ensure_ascii=False)}")
        else:
            print("  (--errors lists every missed and spurious value)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the files (pdf: half)")
    parser.add_argument("--corpora", type=Path, default=REPO / "corpora")
    parser.add_argument("--gold", type=Path, default=REPO / "gold" / "seeds")
    parser.add_argument("--unseen", type=Path, default=REPO / "corpora" / "unseen",
                        help="a second, larger head to head on these txt notices (half the rounds); a missing folder skips it")
    parser.add_argument("--unseen-gold", type=Path, default=REPO / "gold" / "unseen",
                        help="gold whose metadata gives JioNLP its time base for the unseen notices")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--errors", action="store_true", help="list the missed / spurious values of the P/R")
    parser.add_argument("--no-peer", action="store_true", help="skip JioNLP even where it is installed")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        if not args.errors and "gold" in result:
            result["gold"].pop("errors", None)
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_table(result, args.errors)


if __name__ == "__main__":
    main()
