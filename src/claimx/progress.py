"""Run monitoring for ``claimx extract``: counts, a progress line on a terminal, the closing summary.

The progress line counts documents as the pipeline finishes them, one by one (in this process or in a
worker, through a shared :class:`DoneCounter`), not as batches of records come out, and a heartbeat
thread redraws it at least every ``REFRESH`` seconds, so it moves while a batch or a long document runs:

``claimx: 1,234 of 6,911 documents (17%) · 45 docs/s · 12,040 words/s · 27.4 s elapsed, about 2 min 06 s left``
"""

from __future__ import annotations

import math
import multiprocessing
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from .records import Record

REFRESH = 0.5  # seconds between redraws of the progress line (at most; the heartbeat checks 4x as often)


@dataclass
class RunStats:
    """Documents, errors and words of a run, and when it started."""

    documents: int = 0
    errors: int = 0
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    def report(self) -> str:
        """The closing summary line."""
        seconds = time.perf_counter() - self.started
        return (
            f"claimx: {plural(self.documents, 'document')}, {plural(self.errors, 'error')}, "
            f"{plural(self.words, 'word')} in {duration(seconds)} ({self.words / seconds if seconds else 0:,.0f} words/s)"
        )


def plural(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``, ``1,200 words``.

    >>> plural(1, "document"), plural(0, "error"), plural(1200, "word")
    ('1 document', '0 errors', '1,200 words')
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def duration(seconds: float) -> str:
    """A run's length for people: ``0.04 s``, ``12.3 s``, ``2 min 05 s``, ``1 h 02 min``.

    >>> duration(0.042), duration(12.34), duration(125), duration(3720)
    ('0.04 s', '12.3 s', '2 min 05 s', '1 h 02 min')
    """
    if seconds < 1:
        return f"{seconds:.2f} s"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def time_left(seconds: float) -> str:
    """An estimate of the time left, in whole seconds: ``about 5 s``, ``about 2 min 05 s``.

    >>> time_left(4.2), time_left(125.4), time_left(7300)
    ('about 5 s', 'about 2 min 06 s', 'about 2 h 01 min')
    """
    whole = math.ceil(seconds)
    return f"about {whole} s" if whole < 60 else f"about {duration(whole)}"


def progress_text(done: int, total: int | None, words: int, elapsed: float) -> str:
    """The progress line (without the ``claimx:`` prefix): how far, how fast, and how long is left.

    >>> progress_text(1, 4, 300, 2.0)
    '1 of 4 documents (25%) · 0.5 docs/s · 150 words/s · 2.0 s elapsed, about 6 s left'
    >>> progress_text(1, None, 0, 0.0)
    '1 document · 0.0 docs/s · 0 words/s · 0.00 s elapsed'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    speed = f"{rate:,.1f} docs/s · {words / elapsed if elapsed > 0 else 0:,.0f} words/s · {duration(elapsed)} elapsed"
    if total is None:
        return f"{plural(done, 'document')} · {speed}"
    percent = 100 * done // total if total else 100  # rounded down: 100% only when all are done
    shown = f"{done:,} of {plural(total, 'document')} ({percent}%) · {speed}"
    if 0 < done < total and rate > 0:
        shown += f", {time_left((total - done) / rate)} left"
    return shown


class DoneCounter:
    """How many documents the pipeline has finished, shared with worker processes (which start from a fork
    server, so the shared integer comes from that context)."""

    def __init__(self) -> None:
        self.shared = multiprocessing.get_context("forkserver").Array("q", 2)  # documents, words

    def add(self, words: int = 0) -> None:
        """Count one more finished document of ``words`` words (from any process)."""
        with self.shared.get_lock():
            self.shared[0] += 1
            self.shared[1] += words

    @property
    def value(self) -> int:
        """Documents finished."""
        return self.shared[0]

    @property
    def words(self) -> int:
        """Words in the documents finished."""
        return self.shared[1]


class ProgressLine:
    """One line on a terminal, redrawn in place (``\\r``) at most every ``interval`` seconds of ``clock``."""

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        interval: float = REFRESH,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.stream, self.total, self.interval, self.clock = stream, total, interval, clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.draws = 0
        self.lock = threading.Lock()

    def update(self, done: int, words: int, force: bool = False) -> bool:
        """Redraw the line if ``interval`` has passed since the last time (or ``force``); whether it did."""
        with self.lock:
            now = self.clock()
            if not force and self.drawn_at is not None and now - self.drawn_at < self.interval:
                return False
            text = "claimx: " + progress_text(done, self.total, words, now - self.started)
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r" + text[:width] + "\x1b[K")
            self.stream.flush()
            self.drawn_at, self.draws = now, self.draws + 1
            return True

    def clear(self) -> None:
        """Wipe the line (before a message is printed, and at the end)."""
        with self.lock:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class RunMonitor(RunStats):
    """Counts documents, errors and words as records stream past.

    With ``show_bar`` a progress line on stderr (or ``stream``) shows documents (of ``total``), speed and
    time left, redrawn as :attr:`done` grows and by a heartbeat thread; error messages go to stderr
    either way, and each error record is also handed to ``on_error``.
    """

    def __init__(
        self,
        show_bar: bool = False,
        on_error: Callable[[Record], None] | None = None,
        total: int | None = None,
        say: Callable[[str], None] | None = None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.perf_counter,
        heartbeat: bool = True,
    ) -> None:
        super().__init__()
        self.on_error, self.say = on_error, say
        self.done = DoneCounter() if show_bar else None  # finished by the pipeline, maybe not yet written
        self.line = ProgressLine(stream or sys.stderr, total, clock=clock) if show_bar else None
        self.stop = threading.Event()
        self.heartbeat = threading.Thread(target=self._beat, name="claimx-progress", daemon=True)
        self.beats = self.line is not None and heartbeat  # the heartbeat runs while watch() runs

    def _beat(self) -> None:
        while not self.stop.wait(REFRESH / 4):
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Redraw the progress line if it is due: ``claimx extract`` calls this after every document."""
        if self.line is not None:
            done, words = self.done.value, self.done.words
            self.line.update(max(done, self.documents), max(words, self.words), force)

    def document_done(self, words: int = 0) -> None:
        """One more document (of ``words`` words) finished by the pipeline: the callback of the extraction."""
        if self.done is not None:
            self.done.add(words)
            self.refresh()

    def _say(self, message: str) -> None:
        if self.say is not None:
            self.say(message)
            return
        if self.line is not None:
            self.line.clear()
        print(message, file=sys.stderr)

    def watch(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass ``records`` through, counting them."""
        self.refresh()  # "0 of N documents" at once, while the model loads
        if self.beats:
            self.heartbeat.start()
        try:
            for record in records:
                self.documents += 1
                if "error" in record:
                    self.errors += 1
                    self._say(f"claimx: error: {record['error']}")
                    if self.on_error is not None:
                        self.on_error(record)
                else:
                    self.words += len(record["text"].split())
                self.refresh()
                yield record
        finally:
            self.stop.set()
            if self.heartbeat.is_alive():
                self.heartbeat.join()
            if self.line is not None:
                self.refresh(force=True)
                self.line.stream.write("\n")
