"""The ``policyparse`` command line."""

from __future__ import annotations

import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

import click

from policyparse.errors import PolicyParseError
from policyparse.loaders.base import DEFAULT_MAX_BYTES

SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".doc", ".pdf", ".html", ".htm")


def _expand(paths: tuple[str, ...]) -> list[Path]:
    """Files named directly, plus every supported file under named directories (recursively)."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return out


def _parse_one(args: tuple[str, int]) -> tuple[str, dict | None, dict | None]:
    """Parse one file in a worker; returns (path, document JSON, error record)."""
    path, max_bytes = args
    from policyparse.pipeline import parse_file

    try:
        parsed = parse_file(path, max_bytes=max_bytes)
        return path, parsed.document.model_dump(mode="json"), None
    except PolicyParseError as exc:
        exc.path = exc.path or path
        return path, None, exc.to_record()
    except FileNotFoundError:
        return path, None, {"code": "E109", "error": "FileNotFoundError", "message": f"{path}: no such file", "path": path}
    except Exception as exc:  # a bug must not lose the rest of the batch
        return path, None, {"code": "E999", "error": type(exc).__name__, "message": f"{path}: internal error: {exc}", "path": path}


def _results(files: list[Path], jobs: int, max_bytes: int, progress: bool) -> Iterator[tuple[str, dict | None, dict | None]]:
    work = [(str(f), max_bytes) for f in files]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            iterator = pool.map(_parse_one, work, chunksize=4)
            yield from _with_progress(iterator, len(work), progress)
    else:
        yield from _with_progress(map(_parse_one, work), len(work), progress)


def _with_progress(iterator, total: int, progress: bool):
    if not progress:
        yield from iterator
        return
    from tqdm import tqdm

    yield from tqdm(iterator, total=total, unit="doc", file=sys.stderr)


def _output_names(files: list[Path]) -> dict[str, str]:
    """``<stem>.json`` per input; inputs that share a stem (000.txt, 000.pdf) get ``<stem>.<ext>.json``."""
    stems = Counter(f.stem for f in files)
    return {str(f): (f"{f.stem}{f.suffix.lower()}" if stems[f.stem] > 1 else f.stem) for f in files}


@click.group()
@click.version_option(package_name="policyparse")
def main() -> None:
    """Parse Chinese government policy notices into a section tree and span-grounded facts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write DIR/<input stem>.json per input.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--jobs", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse larger files.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal for 5+ files).")
@click.option("--rules", "with_rules", is_flag=True,
              help="Also write DIR/<stem>.rules.json (eligibility rules) and link it from the notice JSON; needs --out.")
def parse(paths: tuple[str, ...], out_dir: str | None, fmt: str, jobs: int, max_bytes: int, progress: bool | None,
          with_rules: bool) -> None:
    """Parse files or directories (recursive) of notices: txt, docx, doc, pdf, html."""
    files = _expand(paths)
    if not files:
        raise click.UsageError("no input files found")
    if with_rules and not out_dir:
        raise click.UsageError("--rules writes <stem>.rules.json beside <stem>.json: give --out DIR")
    show = progress if progress is not None else (sys.stderr.isatty() and len(files) >= 5)
    names = _output_names(files)
    errors: list[dict] = []
    documents: list[dict] = []
    out = Path(out_dir) if out_dir else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for path, document, error in _results(files, max(1, jobs), max_bytes, show):
        if error:
            errors.append(error)
            if out:
                (out / f"{names[path]}.error.json").write_text(json.dumps(error, ensure_ascii=False, indent=2), encoding="utf-8")
            elif fmt == "jsonl":
                click.echo(json.dumps(error, ensure_ascii=False))
            continue
        if out:
            if with_rules:
                document["rules"] = _write_rules(document, out / f"{names[path]}.rules.json")
            (out / f"{names[path]}.json").write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        elif fmt == "jsonl":
            click.echo(json.dumps(document, ensure_ascii=False))
        else:
            documents.append(document)
    if not out and fmt == "json" and documents:
        payload = documents[0] if len(files) == 1 else documents
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    ok = len(files) - len(errors)
    if out or errors:
        click.echo(f"parsed {ok} of {len(files)} file(s)" + (f" into {out}" if out else ""), err=True)
    for error in errors:
        click.echo(f"error {error['code']} {error['error']}: {error['message']}", err=True)
    if errors:
        sys.exit(1)


@main.command(name="eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of <stem>.gold.json files (the format of shared/gold/seeds).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--errors/--no-errors", "show_errors", default=False, help="List missed and spurious facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold_dir: str, paths: tuple[str, ...], show_errors: bool, as_json: bool) -> None:
    """Score parses of PATHS against gold: per-type P/R/F1, metadata accuracy, heading F1."""
    from policyparse.evaluation.report import run_evaluation

    code = run_evaluation(Path(gold_dir), _expand(paths), show_errors=show_errors, as_json=as_json)
    sys.exit(code)


def _pair(text: str) -> tuple[int, int]:
    try:
        a, b = (int(x) for x in text.split(":"))
    except ValueError:
        raise click.BadParameter(f"{text!r}: give two input positions as A:B, e.g. 1:2") from None
    return a - 1, b - 1


@main.command()
@click.argument("notices", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Write compare.json, compare.md and compare.html into DIR (default: Markdown on stdout).")
@click.option("--diff", "diffs", multiple=True, metavar="A:B",
              help="Also diff input A against input B (1-based positions; repeatable). "
                   "Default: the one pair when two notices are given.")
def compare(notices: tuple[str, ...], out_dir: str | None, diffs: tuple[str, ...]) -> None:
    """Compare NOTICES (files in any format, or JSON written by `policyparse parse`):
    a slots × notices matrix with ranges and outliers, and typed pairwise diffs."""
    from policyparse.compare import compare_profiles, load_document
    from policyparse.compare.markdown import render_markdown
    from policyparse.profile import build_profile

    pairs = [_pair(d) for d in diffs] or None
    for a, b in pairs or []:
        if not (0 <= a < len(notices) and 0 <= b < len(notices)) or a == b:
            raise click.BadParameter(f"--diff {a + 1}:{b + 1}: positions must name two different inputs (1..{len(notices)})")
    profiles = []
    failed = False
    for name in notices:
        try:
            document = load_document(name)
        except (PolicyParseError, ValueError) as err:
            click.echo(f"error: {name}: {err}", err=True)
            failed = True
            continue
        profiles.append(build_profile(document))
    if failed:
        sys.exit(1)
    result = compare_profiles(profiles, pairs)
    if out_dir is None:
        click.echo(render_markdown(result), nl=False)
        return
    from policyparse.compare.html import render_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "compare.json").write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
    (out / "compare.md").write_text(render_markdown(result), encoding="utf-8")
    (out / "compare.html").write_text(render_html(result), encoding="utf-8")
    click.echo(f"wrote {out / 'compare.json'}, compare.md, compare.html "
               f"({len(result.matrix.rows)} slots × {len(profiles)} notices, {len(result.diffs)} diffs)", err=True)


def _write_rules(document: dict, target: Path) -> str:
    """Build a parsed notice's rules, write them to ``target``; returns the file name to link."""
    from policyparse.models import Document
    from policyparse.rules import build_rules

    rules = build_rules(Document.model_validate(document))
    target.write_text(rules.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return target.name


def _rule_inputs(notices: tuple[str, ...]) -> list[Path]:
    """Notice files (any format, parsed JSON or rules JSON) and supported files under directories."""
    return [p for name in notices for p in (_expand((name,)) if Path(name).is_dir() else [Path(name)])]


def _load_rule_sets(files: list[Path]) -> tuple[list, bool]:
    from policyparse.rules.load import load_rules

    loaded, failed = [], False
    for path in files:
        try:
            loaded.append((path, load_rules(path)))
        except (PolicyParseError, ValueError, OSError) as err:
            click.echo(f"error: {path}: {err}", err=True)
            failed = True
    return loaded, failed


@main.command(name="rules")
@click.argument("notices", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write DIR/<input stem>.rules.json per notice.")
@click.option("--schema", "schema_name", type=click.Choice(["rules", "applicant", "match"]),
              help="Print the JSON Schema of the rules format, the applicant profile or the match output instead.")
def rules_command(notices: tuple[str, ...], out_dir: str | None, schema_name: str | None) -> None:
    """Eligibility rules of NOTICES (files in any format, or JSON written by `policyparse parse`):
    per applicant type a condition tree (all / any / at_least N; numeric and qualitative leaves,
    exclusions, exemptions) and its JSON Logic."""
    if schema_name:
        from policyparse.rules.schema import schema as rules_schema

        click.echo(json.dumps(rules_schema(schema_name), ensure_ascii=False, indent=2))
        return
    files = _rule_inputs(notices)
    if not files:
        raise click.UsageError("no input files found")
    loaded, failed = _load_rule_sets(files)
    if out_dir:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        names = _output_names([p for p, _ in loaded])
        for path, rules in loaded:
            stem = names[str(path)].removesuffix(".json").removesuffix(".rules")
            (out / f"{stem}.rules.json").write_text(rules.model_dump_json(indent=2) + "\n", encoding="utf-8")
        click.echo(f"wrote rules of {len(loaded)} of {len(files)} notice(s) into {out}", err=True)
    elif loaded:
        payload = [r.model_dump(mode="json") for _, r in loaded]
        click.echo(json.dumps(payload[0] if len(files) == 1 else payload, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


@main.command(name="match")
@click.argument("profile", type=click.Path(exists=True, dir_okay=False))
@click.argument("notices", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def match_command(profile: str, notices: tuple[str, ...], fmt: str) -> None:
    """Check the applicant PROFILE (JSON, see `policyparse rules --schema applicant`) against NOTICES
    (notice files, parsed JSON or rules JSON): eligible / not eligible / unknown per notice, with
    each failed condition and its gap, the missing figures and the funding offered."""
    from pydantic import ValidationError

    from policyparse.rules.applicant import load_profile
    from policyparse.rules.match import match
    from policyparse.rules.report import render_table

    try:
        applicant = load_profile(profile)
    except (ValidationError, ValueError) as err:
        raise click.BadParameter(f"{profile}: not an applicant profile: {err}", param_hint="PROFILE") from None
    files = _rule_inputs(notices)
    if not files:
        raise click.UsageError("no input files found")
    loaded, failed = _load_rule_sets(files)
    rule_sets = [r for _, r in loaded]
    results = [match(applicant, r) for r in rule_sets]
    if fmt == "json":
        click.echo(json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(results, rule_sets), nl=False)
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the parse output."""
    from policyparse.schema import document_schema

    click.echo(json.dumps(document_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
