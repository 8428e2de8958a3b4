"""The command line: batch parsing with per-file errors, output naming, schema."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner

from policyparse.cli import main
from tests.conftest import CORPORA


def test_batch_keeps_going_and_reports_failures(tmp_path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text((CORPORA / "000_3648e0628b0d6aa9.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (inputs / "gbk.txt").write_bytes("一、支持对象\n注册在本市的企业。".encode("gbk"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["parse", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.glob("*.json")) == [
        "broken.error.json", "empty.error.json", "gbk.json", "good.json", "junk.error.json",
    ]
    assert "parsed 2 of 5" in result.output
    error = json.loads((out / "empty.error.json").read_text(encoding="utf-8"))
    assert error["error"] == "EmptyDocumentError" and error["code"].startswith("E1")
    gbk = json.loads((out / "gbk.json").read_text(encoding="utf-8"))
    assert gbk["source"]["encoding"] and gbk["sections"][0]["title"] == "支持对象"


def test_shared_stems_get_their_suffix(tmp_path) -> None:
    result = CliRunner().invoke(main, ["parse", str(CORPORA / "002_cff6add629d97559.txt"), str(CORPORA / "002_cff6add629d97559.docx"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["002_cff6add629d97559.docx.json", "002_cff6add629d97559.txt.json"]


def test_output_validates_against_the_published_schema(tmp_path) -> None:
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    result = runner.invoke(main, ["parse", str(CORPORA / "000_3648e0628b0d6aa9.txt")])
    assert result.exit_code == 0
    document = json.loads(result.output)
    jsonschema.validate(document, schema)
    assert document["facts"], "the seed has facts"
    for fact in document["facts"]:
        start, end = fact["span"]
        assert document["text"][start:end] == fact["text"]


def test_jsonl_writes_one_line_per_document() -> None:
    result = CliRunner().invoke(main, ["parse", str(CORPORA / "003_3aa3b4884d3bd733.txt"), str(CORPORA / "004_d66617b14b4cfa5b.txt"), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [d["metadata"]["jurisdiction"]["province"] for d in lines] == ["广西壮族自治区", "湖北省"]
