"""The ``claimx`` command: extract over every input kind, evaluate, info, exit codes."""

import json
import subprocess
import sys

import pandas as pd
from typer.testing import CliRunner

from claimx.cli import app
from conftest import shared_file

runner = CliRunner()


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_jsonl_keeps_order_and_metadata(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "b", "text": "Budi pergi ke Bandung.", "url": "http://contoh.id/b"}),
                "{not json",
                json.dumps({"id": "a", "text": "Ani pulang."}),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    records = _lines(out)
    assert [r["id"] for r in records] == ["b", f"{src}:2", "a"]
    assert records[0]["meta"] == {"url": "http://contoh.id/b"}
    assert records[0]["text"] == "Budi pergi ke Bandung."
    assert "malformed JSON" in records[1]["error"]
    assert [r["id"] for r in _lines(errors)] == [f"{src}:2"]
    assert "3 documents, 1 error," in result.stderr


def test_extract_exit_code_when_nothing_processed(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr


def test_extract_stdin_and_folder(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("Satu dua.", encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", str(tmp_path / "d")], input="Halo Jakarta.")
    assert result.exit_code == 0
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["stdin", "x.txt"]


def test_extract_csv_writes_claims_and_entities(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Halo.", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    claims = pd.read_csv(out)
    entities = pd.read_csv(tmp_path / "claims.entities.csv")
    assert {"id", "content", "source_resolved", "cue", "kind"} <= set(claims.columns)
    assert {"id", "start", "end", "label"} <= set(entities.columns)


def test_csv_without_output_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", "-", "--format", "csv"], input="x")
    assert result.exit_code == 2


def test_evaluate_matches_reference_output(tmp_path):
    seed = shared_file("eval/seed.gold.jsonl")
    score_py = shared_file("eval/score.py")
    pred = tmp_path / "pred.jsonl"
    assert runner.invoke(app, ["extract", str(seed), "-o", str(pred)]).exit_code == 0
    ours = runner.invoke(app, ["evaluate", str(seed), str(pred)])
    reference = subprocess.run([sys.executable, str(score_py), str(seed), str(pred)], capture_output=True, text=True)
    assert ours.exit_code == 0
    assert ours.stdout.strip() == reference.stdout.strip()


def test_evaluate_reports_bad_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\nnope\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad), str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2: not JSON" in result.stderr


def test_info_lists_pipeline():
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert "claimx_boilerplate" in result.stdout and "claimx 0.1.0" in result.stdout
