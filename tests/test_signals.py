"""A run stopped by SIGTERM removes its temporary files and its lock, and leaves the old output alone."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest


def _wait_for_temporary(folder, process: subprocess.Popen) -> None:
    """Return once the run has a temporary output beside OUT with something in it."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "the run finished before it could be stopped: make the input larger"
        if any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in folder.iterdir()):
            return
        time.sleep(0.02)
    pytest.fail("no temporary output appeared")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_mid_run_leaves_no_temporary_file(tmp_path, workers):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for n in range(20000):
            handle.write(json.dumps({"id": str(n), "text": f"“Harga beras naik {n} persen,” kata Budi."}) + "\n")
    out = tmp_path / "out" / "out.jsonl"
    out.parent.mkdir()
    out.write_text("earlier run\n", encoding="utf-8")
    command = [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "--errors",
               str(out.parent / "errors.jsonl"), "--html", str(out.parent / "review.html"), "--workers", workers,
               "--batch-size", "16", "-q"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    _wait_for_temporary(out.parent, process)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "stopped by SIGTERM" in stderr
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "out.jsonl"
    ]  # no .tmp, no .lock, no errors file, no review page
    assert out.read_text(encoding="utf-8") == "earlier run\n"
