"""Batch at scale: parallel workers keep order, tables stream, --resume survives kill -9."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.frames import to_dataframe
from claimx.io import writers
from claimx.io.readers import InputDocument
from claimx.io.resume import append_jsonl, recover, skip_written

runner = CliRunner()
NAMES = ["Budi Santoso", "Siti Aminah", "Joko", "Menteri Kesehatan", "Kapolri", "juru bicara KPK"]
PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung"]
VERBS = ["memeriksa", "membangun", "menolak", "mendukung", "menyelidiki"]


def generated_news(count: int, seed: int = 5) -> list[dict]:
    """Short made-up news items with quotes and attributions (no real article text)."""
    rng = random.Random(seed)
    items = []
    for i in range(count):
        who, where, verb = rng.choice(NAMES), rng.choice(PLACES), rng.choice(VERBS)
        text = (
            f"{where} — Pemerintah akan {verb} proyek nomor {i} pekan depan. "
            f"“Kami {verb} semua laporan warga di {where},” kata {who} kepada wartawan, Senin ({i % 28 + 1}/4). "
            f"Menurut {rng.choice(NAMES)}, rencana itu sudah dibahas sejak tahun lalu.\n\n"
            f"Ia menambahkan bahwa hasilnya diumumkan bulan depan."
        )
        items.append({"id": f"doc-{i:05d}", "text": text, "source": "generated"})
    return items


def write_jsonl(path, items, corrupt_every: int = 0) -> None:
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    if corrupt_every:
        lines = [line if n % corrupt_every else "{broken json" for n, line in enumerate(lines, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_workers_keep_input_order_and_records(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, generated_news(60), corrupt_every=7)
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        args = ["extract", str(src), "-o", str(out), "--workers", str(workers), "--batch-size", "8"]
        result = runner.invoke(app, [*args, "--errors", str(tmp_path / f"err{workers}.jsonl")])
        assert result.exit_code == 0, result.output
        assert "60 documents, 8 errors" in result.stderr
        outputs[workers] = out.read_text(encoding="utf-8")
    assert outputs[1] == outputs[2]
    assert (tmp_path / "err1.jsonl").read_text() == (tmp_path / "err2.jsonl").read_text()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_stream_in_chunks_with_one_schema(tmp_path, monkeypatch, fmt):
    records = [
        {
            "id": f"d{i}",
            "text": "“Siap,” kata Budi.",
            "entities": [{"start": 13, "end": 17, "text": "Budi", "label": "PER"}] if i % 2 else [],
            "claims": [{"content": "Siap", "content_start": 1, "content_end": 5, "kind": "direct", "confidence": 0.5}]
            if i % 3 == 0
            else [],
        }
        for i in range(10)
    ]
    records.insert(4, {"id": "bad", "error": "bad"})
    monkeypatch.setattr(writers, "TABLE_CHUNK", 3)
    out = tmp_path / f"claims.{fmt}"
    writers.write_table(iter(records), out, fmt)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    claims, entities = to_dataframe(records)
    assert read(out)["id"].tolist() == claims["id"].tolist()
    assert read(writers.entities_path(out))["start"].tolist() == entities["start"].tolist()


def test_recover_cuts_a_partial_line_and_rewrites_errors(tmp_path):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    append_jsonl([{"id": "a", "text": "x"}, {"id": "b", "error": "bad"}, {"id": "a", "text": "y"}], out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "c", "te')  # a line cut short by kill -9
    errors.write_text('{"id": "b", "error": "bad"}\n{"id": "z", "error": "not in out"}\n', encoding="utf-8")
    written = recover(out, errors)
    assert written == Counter({"a": 2, "b": 1})
    assert out.read_text(encoding="utf-8").endswith('"y"}\n')
    assert read_lines(errors) == [{"id": "b", "error": "bad"}]
    documents = [InputDocument(doc_id, text="t") for doc_id in ["a", "b", "a", "a", "c"]]
    assert [d.id for d in skip_written(documents, written)] == ["a", "c"]


def test_resume_after_complete_run_does_nothing(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, generated_news(5))
    assert runner.invoke(app, ["extract", str(src), "-o", str(out), "--resume"]).exit_code == 0
    before = out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--resume"])
    assert result.exit_code == 0 and "5 already in" in result.stderr
    assert out.read_text(encoding="utf-8") == before


def test_resume_needs_a_jsonl_file(tmp_path):
    result = runner.invoke(app, ["extract", "-", "--resume"], input="x")
    assert result.exit_code == 2


def _claimx(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimx", "extract", *args, "--batch-size", "4", "--quiet"]


def _kill_when(process: subprocess.Popen, out, lines: int) -> None:
    """SIGKILL ``process`` once ``out`` holds at least ``lines`` lines (or fail if it finishes first)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        assert process.poll() is None, "the run finished before it could be killed: make the input larger"
        time.sleep(0.005)
    pytest.fail("the run wrote too little before the deadline")


def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path):
    items = generated_news(1000)
    src = tmp_path / "in.jsonl"
    write_jsonl(src, items, corrupt_every=97)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for stop_at in (100, 500):  # two kills at different points, each followed by a resume
        process = subprocess.Popen(_claimx(str(src), "-o", str(out), "--resume"), env=env, stderr=subprocess.DEVNULL)
        _kill_when(process, out, stop_at)
    done = subprocess.run(_claimx(str(src), "-o", str(out), "--resume"), env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "already in" in done.stderr
    subprocess.run(_claimx(str(src), "-o", str(whole)), env=env, check=True, capture_output=True)
    records = read_lines(out)
    assert len(records) == len(items)
    assert [r["id"] for r in records] == [r["id"] for r in read_lines(whole)]
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def _descendants(pid: int) -> set[int]:
    """Every live descendant of ``pid``, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
def test_kill_9_of_a_two_worker_run_leaves_no_process_behind(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for n in range(20000):
            handle.write(
                json.dumps({"id": str(n), "text": f"“Harga beras naik {n} persen,” kata Budi Santoso."}) + "\n"
            )
    process = subprocess.Popen(_claimx(str(src), "-o", str(tmp_path / "out.jsonl"), "--workers", "2", "-q"))
    deadline = time.time() + 60
    while time.time() < deadline and len(_descendants(process.pid)) < 3:  # forkserver + 2 workers
        time.sleep(0.5)
    family = _descendants(process.pid)
    assert len(family) >= 3, "the workers did not start"
    time.sleep(2)
    process.kill()
    process.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(Path(f"/proc/{pid}").exists() for pid in family):
        time.sleep(0.5)
    assert not [pid for pid in family if Path(f"/proc/{pid}").exists()]
