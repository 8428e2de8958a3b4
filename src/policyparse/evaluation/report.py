"""``policyparse eval``: parse the inputs, score them against gold, print the figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from policyparse.evaluation.score import CORE_TYPES, DocumentScore, score_document, totals


def _gold_path(gold_dir: Path, path: Path) -> Path | None:
    candidate = gold_dir / f"{path.stem}.gold.json"
    return candidate if candidate.exists() else None


def run_evaluation(gold_dir: Path, files: list[Path], *, show_errors: bool, as_json: bool) -> int:
    """Score every input that has a gold file; returns the process exit code."""
    from policyparse.errors import PolicyParseError
    from policyparse.pipeline import parse_file

    scores: list[DocumentScore] = []
    for path in files:
        gold_path = _gold_path(gold_dir, path)
        if gold_path is None:
            click.echo(f"no gold for {path.name}; skipped", err=True)
            continue
        try:
            document = parse_file(path).document.model_dump(mode="json")
        except PolicyParseError as exc:
            click.echo(f"error {exc.code}: {exc.message}", err=True)
            return 1
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores.append(score_document(path.name, document, gold))
    if not scores:
        click.echo("nothing to score", err=True)
        return 1
    by_type, core, headings = totals(scores)
    metadata_total = sum(len(s.metadata) for s in scores)
    metadata_right = sum(sum(s.metadata.values()) for s in scores)
    if as_json:
        click.echo(json.dumps({
            "documents": len(scores),
            "by_type": {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4)} for t, c in sorted(by_type.items())},
            "core": {"precision": round(core.precision, 4), "recall": round(core.recall, 4), "f1": round(core.f1, 4)},
            "headings": {"precision": round(headings.precision, 4), "recall": round(headings.recall, 4), "f1": round(headings.f1, 4)},
            "metadata_accuracy": round(metadata_right / metadata_total, 4) if metadata_total else None,
        }, ensure_ascii=False, indent=2))
        return 0
    click.echo(f"{'type':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for t, c in sorted(by_type.items()):
        mark = "*" if t in CORE_TYPES else " "
        click.echo(f"{mark}{t:<15}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    click.echo(f"{'core (*)':<16}{core.tp:>5}{core.fp:>5}{core.fn:>5}{core.precision:>8.3f}{core.recall:>8.3f}{core.f1:>8.3f}")
    click.echo(f"headings        {headings.tp:>5}{headings.fp:>5}{headings.fn:>5}{headings.precision:>8.3f}{headings.recall:>8.3f}{headings.f1:>8.3f}")
    click.echo(f"metadata fields right: {metadata_right}/{metadata_total}")
    for s in scores:
        wrong = [k for k, ok in s.metadata.items() if not ok]
        if wrong:
            click.echo(f"  {s.name}: metadata wrong: {', '.join(wrong)}")
    if show_errors:
        for s in scores:
            for t, v in s.missed:
                click.echo(f"  {s.name} MISSED   {t} {json.dumps(v, ensure_ascii=False)}")
            for t, v in s.spurious:
                click.echo(f"  {s.name} SPURIOUS {t} {json.dumps(v, ensure_ascii=False)}")
    return 0
