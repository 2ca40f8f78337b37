"""What the command line tells a person: version, progress totals."""

import json

from typer.testing import CliRunner

from claimx import __version__
from claimx.cli import app
from claimx.io.readers import count_documents
from claimx.progress import RunMonitor

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"claimx {__version__}"


def test_the_progress_total_is_counted_cheaply(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text("Kata Budi, harga naik.", encoding="utf-8")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": str(n), "text": "x"}) for n in range(5)) + "\n\n", encoding="utf-8")
    assert count_documents([str(tmp_path / "in"), str(jsonl), str(tmp_path / "one.txt")]) == 3 + 5 + 1
    assert count_documents([str(jsonl), "-"]) is None  # stdin: unknown


def test_the_bar_shows_a_percentage_with_a_total(capsys):
    monitor = RunMonitor(show_bar=True, total=4)
    list(monitor.watch([{"id": str(n), "text": "a b"} for n in range(4)]))
    assert "100%" in capsys.readouterr().err
