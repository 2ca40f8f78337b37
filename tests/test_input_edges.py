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


def _hostile_batch(tmp_path) -> tuple[list[str], list[str]]:
    """Inputs mixing bad and good documents, and the ids their records must have, in order."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-dangling.txt").symlink_to(tmp_path / "nowhere")
    (folder / "c-folder.txt").mkdir()
    (folder / "d-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "e-utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "f-empty.txt").write_bytes(b"")
    (folder / "g-good.txt").write_text("Menurut Budi, harga beras naik.", encoding="utf-8")
    huge = "Harga naik. " * 300 + "x" * 200_000 + " “Kami siap,” kata Budi."  # a 200 KB line: split and merged
    lines = [
        json.dumps({"id": "h-good", "text": GOOD}),
        '{"id": "i-\\ud800", "text": "Kata Budi, harga naik."}',
        '{"id": 7, "text": "Kata Budi, harga naik."}',
        '{"id": null, "text": "Kata Budi, harga naik."}',
        json.dumps({"id": "j-huge", "text": huge}),
        "{not json",
        "",
        json.dumps({"id": "k-no-text"}),
        json.dumps({"id": "l-good", "text": "“Stok aman,” ujar Sari."}),
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = [
        "a-good.txt", "b-dangling.txt", "c-folder.txt", "d-binary.txt", "e-utf16.txt", "f-empty.txt", "g-good.txt",
        "h-good", "i-\\ud800", f"{jsonl}:3", f"{jsonl}:4", "j-huge", f"{jsonl}:6", "k-no-text", "l-good",
    ]  # fmt: skip
    return [str(folder), str(jsonl)], ids


def test_a_hostile_batch_gives_one_record_per_input_in_every_mode(tmp_path):
    inputs, ids = _hostile_batch(tmp_path)
    good = {"a-good.txt", "e-utf16.txt", "g-good.txt", "h-good", "j-huge", "l-good"}
    one = tmp_path / "one.jsonl"
    assert runner.invoke(app, ["extract", *inputs, "-o", str(one), "-q"]).exit_code == 0
    expected = one.read_text(encoding="utf-8")
    records = [json.loads(line) for line in expected.splitlines()]
    assert [r["id"] for r in records] == ids
    assert {r["id"] for r in records if "error" not in r} == good

    two = tmp_path / "two.jsonl"
    assert (
        runner.invoke(app, ["extract", *inputs, "-o", str(two), "--workers", "2", "--batch-size", "4"]).exit_code == 0
    )
    assert two.read_text(encoding="utf-8") == expected

    resumed = tmp_path / "resumed.jsonl"  # a run killed after 9 lines, the last one half written
    cut = expected.splitlines(keepends=True)
    resumed.write_text("".join(cut[:9]) + cut[9][:40], encoding="utf-8")
    result = runner.invoke(app, ["extract", *inputs, "-o", str(resumed), "--resume", "--batch-size", "4"])
    assert result.exit_code == 0 and "9 already in" in result.stderr
    assert resumed.read_text(encoding="utf-8") == expected

    pytest.importorskip("dask.distributed")
    parts = tmp_path / "dask"
    args = ["extract", *inputs, "-o", str(parts), "--engine", "dask", "--workers", "2", "--partition-size", "4"]
    assert runner.invoke(app, args).exit_code == 0
    files = sorted(parts.glob("part-*.jsonl"))
    assert len(files) == 4 and "".join(f.read_text(encoding="utf-8") for f in files) == expected
