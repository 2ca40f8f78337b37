"""Run monitoring for ``claimx extract``: counts, a progress bar on a terminal, the closing summary."""

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .records import Record


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


class RunMonitor(RunStats):
    """Counts documents, errors and words as records stream past.

    With ``show_bar`` a tqdm bar on stderr shows documents/s and words/s; error messages go to
    stderr either way, and each error record is also handed to ``on_error``.
    """

    def __init__(
        self,
        show_bar: bool = False,
        on_error: Callable[[Record], None] | None = None,
        total: int | None = None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_error = on_error
        self.say = say
        self.bar: Any = None
        if show_bar:
            from tqdm import tqdm

            # smoothing=0: docs/s, like words/s, is the average since the start; with a total, tqdm shows the
            # percentage and the time left
            self.bar = tqdm(
                unit=" docs", total=total, file=sys.stderr, dynamic_ncols=True, mininterval=0.5, smoothing=0
            )

    def _say(self, message: str) -> None:
        if self.say is not None:
            self.say(message)
        elif self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def watch(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass ``records`` through, counting them."""
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
                if self.bar is not None:
                    self._tick()
                yield record
        finally:
            if self.bar is not None:
                self.bar.close()

    def _tick(self) -> None:
        rate = self.words / (time.perf_counter() - self.started)
        self.bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
        self.bar.update()
