"""Every input problem becomes an error record naming the file: a batch never loses its good documents."""

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()
GOOD = "“Kami siap,” kata Budi Santoso di Jakarta."


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_a_folder_with_unreadable_entries_keeps_its_good_documents(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "m.txt").mkdir()
    result = runner.invoke(app, ["extract", str(folder), "-q"])
    records = {r["id"]: r for r in _records(result.stdout)}
    assert set(records) == {"good.txt", "dangling.txt", "loop.txt", "m.txt"}
    assert "claims" in records["good.txt"]
    assert "cannot be read" in records["dangling.txt"]["error"] and "loop.txt" in records["loop.txt"]["error"]
    assert "is a folder" in records["m.txt"]["error"]
    assert result.exit_code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_it_may_not_read_is_an_error_record(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    (record,) = _records(runner.invoke(app, ["extract", str(secret), "-q"]).stdout)
    assert "Permission denied" in record["error"]


def test_an_unknown_fallback_encoding_is_a_usage_error_before_any_work(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(b"caf\xe9")
    result = runner.invoke(app, ["extract", str(src), "--fallback-encoding", "nosuch"])
    assert result.exit_code == 2 and "unknown encoding 'nosuch'" in result.output


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{"id": "a\\ud800", "text": "Kata Budi, harga naik."}', "lone surrogate"),
        ('{"id": "b", "text": "Kata Budi, harga naik.", "url": "x\\udc00"}', "lone surrogate"),
        ('{"id": null, "text": "Kata Budi, harga naik."}', "'id' must be a string, not null"),
        ('{"id": 7, "text": "Kata Budi, harga naik."}', "'id' must be a string, not 7"),
        ('{"id": {"a": 1}, "text": "Kata Budi, harga naik."}', "'id' must be a string"),
    ],
)
def test_bad_ids_and_surrogates_are_rejected_per_record(tmp_path, line, says):
    src = tmp_path / "in.jsonl"
    src.write_text(line + "\n" + json.dumps({"id": "ok", "text": GOOD}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0
    bad, good = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]  # valid UTF-8 throughout
    assert says in bad["error"] and f"{src}:1" in bad["error"]
    assert good["id"] == "ok" and "claims" in good


def test_an_empty_folder_says_what_it_looked_for(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "empty"), "-q"])
    assert result.exit_code == 1 and "no .txt files" in result.output


def test_a_closed_stdin_is_an_error_record_not_a_lost_batch(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    done = subprocess.run(  # the child starts with file descriptor 0 closed, as `claimx ... - <&-` does
        [sys.executable, "-m", "claimx", "extract", str(src), "-", "-q"],
        capture_output=True, text=True, preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    records = _records(done.stdout)
    assert [r.get("error") for r in records] == [None, "<stdin>: standard input is closed"]
    assert done.returncode == 0


def test_the_summary_speaks_plainly(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-q"])
    assert "claimx: 1 document, 0 errors," in result.stderr


def test_utf16_input_is_read_with_a_bom_or_when_asked(tmp_path):
    text = "“Kami siap,” kata Budi Santoso."
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "plain.txt").write_bytes(text.encode("utf-16-le"))
    bom = _records(runner.invoke(app, ["extract", str(tmp_path / "bom.txt"), "-q"]).stdout)[0]
    assert bom["text"] == text
    plain = _records(runner.invoke(app, ["extract", str(tmp_path / "plain.txt"), "-q"]).stdout)[0]
    assert "binary file" in plain["error"]
    asked = runner.invoke(app, ["extract", str(tmp_path / "plain.txt"), "--fallback-encoding", "utf-16-le", "-q"])
    assert _records(asked.stdout)[0]["text"] == text
