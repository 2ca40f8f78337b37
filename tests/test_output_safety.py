"""Outputs that cannot harm: spreadsheet-safe CSV cells, checked output paths, the user's umask."""

import csv
import json
import os
import stat

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.paths import OutputPathError, check_output
from claimx.io.writers import FORMULA_STARTS, atomic_output

runner = CliRunner()


def test_csv_cells_that_start_like_formulas_get_a_leading_quote(tmp_path):
    """id, claim, source and entity starting with each dangerous character come back quoted; JSONL stays exact."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for n, start in enumerate(FORMULA_STARTS):
            text = f"“{start}SUM(A1) naik lagi tahun ini,” kata {start}Budi Santoso di Jakarta."
            handle.write(json.dumps({"id": f"{start}doc{n}", "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "claims.csv"
    assert runner.invoke(app, ["extract", str(src), "-o", str(out), "--format", "csv"]).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == len(FORMULA_STARTS)
    assert all(row["id"].startswith("'") for row in rows)
    assert {"'=SUM(A1) naik lagi tahun ini", "'@SUM(A1) naik lagi tahun ini"} <= {row["content"] for row in rows}
    assert not any(value.startswith(FORMULA_STARTS) for row in rows for value in row.values() if value)
    entities = list(csv.DictReader((tmp_path / "claims.entities.csv").open(encoding="utf-8", newline="")))
    assert entities and not any(value.startswith(FORMULA_STARTS) for row in entities for value in row.values())
    jsonl = tmp_path / "claims.jsonl"
    assert runner.invoke(app, ["extract", str(src), "-o", str(jsonl)]).exit_code == 0
    record = json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert record["id"] == "=doc0" and record["claims"][0]["content"].startswith("=SUM")


@pytest.mark.parametrize("option", ["-o", "--errors", "--html"])
def test_a_folder_or_a_device_is_refused_before_any_work(tmp_path, option):
    src = tmp_path / "a.txt"
    src.write_text("“Kami siap,” kata Budi.", encoding="utf-8")
    for bad, says in ((tmp_path, "is a folder"), ("/dev/null", "not a regular file")):
        result = runner.invoke(app, ["extract", str(src), option, str(bad)])
        assert result.exit_code == 2 and says in result.output, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # the device is still a device


def test_an_input_is_never_the_output(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("“Kami siap,” kata Budi.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(src)])
    assert result.exit_code == 2 and "is one of the inputs" in result.output
    assert src.read_text(encoding="utf-8") == "“Kami siap,” kata Budi."


def test_the_library_writer_refuses_a_device_too():
    with (
        pytest.raises(OutputPathError, match="not a regular file"),
        atomic_output(__import__("pathlib").Path("/dev/null")),
    ):
        pass


def test_outputs_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "new.jsonl") as handle:
            handle.write("{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o644


def test_check_output_names_the_option(tmp_path):
    with pytest.raises(OutputPathError, match=r"^--html .*: is a folder"):
        check_output(tmp_path, option="--html")


def test_a_second_writer_of_the_same_output_fails_at_once(tmp_path):
    from claimx.io.paths import output_lock

    src = tmp_path / "a.txt"
    src.write_text("“Kami siap,” kata Budi.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with output_lock(out):  # another run holds it
        result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
        assert result.exit_code == 2 and "another claimx run is writing it" in result.output
        assert not out.exists()
    assert runner.invoke(app, ["extract", str(src), "-o", str(out)]).exit_code == 0
    assert out.exists() and not (tmp_path / ".out.jsonl.lock").exists()
