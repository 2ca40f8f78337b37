"""What the command line tells a person: version, progress totals."""

import json
import re

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


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Screen:
    """A terminal that notes the fake time of every redraw of the progress line."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock, self.draws = clock, []

    def write(self, text: str) -> None:
        if "claimx:" in text:
            self.draws.append((self.clock.now, text))

    def flush(self) -> None:
        pass


def test_progress_moves_within_a_batch_at_least_once_a_second():
    import claimx
    from claimx.batch import extract_documents

    clock = FakeClock()
    screen = Screen(clock)
    monitor = RunMonitor(show_bar=True, total=100, stream=screen, clock=clock, heartbeat=False)

    def finished(words: int) -> None:  # each document takes 0.3 s of the fake clock
        clock.now += 0.3
        monitor.document_done(words)

    texts = [f"“Harga naik {n} persen,” kata Budi." for n in range(100)]
    records = list(monitor.watch(extract_documents(claimx.load("blank"), texts, batch_size=64, on_document=finished)))
    assert len(records) == 100
    times = [when for when, _ in screen.draws]
    assert max(later - earlier for earlier, later in zip(times, times[1:], strict=False)) <= 1.0
    assert len(screen.draws) <= 100 * 0.3 / 0.5 + 2  # at most one redraw per REFRESH, not one per document
    first_batch = [text for when, text in screen.draws if when < 64 * 0.3]
    counts = [int(re.search(r"claimx: (\d+) of 100 documents", text).group(1)) for text in first_batch]
    assert len(set(counts)) >= 20 and max(counts) < 64  # counted one by one, before the batch comes out
    assert "about" in first_batch[3] and "left" in first_batch[3]
    assert "· 20 words/s ·" in first_batch[3]  # 6 words a document, 0.3 s each
    assert screen.draws[-1][1].startswith("\rclaimx: 100 of 100 documents (100%)")


def test_the_heartbeat_redraws_while_nothing_comes_out():
    import io
    import time

    screen = io.StringIO()
    monitor = RunMonitor(show_bar=True, total=2, stream=screen)

    def stalled():
        time.sleep(1.6)  # a long document: no record, no finished document for 1.6 s
        yield {"id": "a", "text": "x y"}

    records = monitor.watch(stalled())
    next(records)
    assert monitor.line.draws >= 3  # at 0 s, then about every 0.5 s
    assert "0 of 2 documents (0%)" in screen.getvalue()
    list(records)


def test_workers_count_each_document_they_finish():
    from claimx.parallel import extract_parallel
    from claimx.progress import DoneCounter

    done = DoneCounter()
    texts = [f"“Harga naik {n} persen,” kata Budi." for n in range(10)]
    assert len(list(extract_parallel("blank", texts, batch_size=64, workers=1, done=done))) == 10
    assert done.value == 10
