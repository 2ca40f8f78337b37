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
            f"claimx: {self.documents} documents, {self.errors} errors, {self.words} words "
            f"in {seconds:.1f} s ({self.words / seconds if seconds else 0:.0f} words/s)"
        )


class RunMonitor(RunStats):
    """Counts documents, errors and words as records stream past.

    With ``show_bar`` a tqdm bar on stderr shows documents/s and words/s; error messages go to
    stderr either way, and each error record is also handed to ``on_error``.
    """

    def __init__(self, show_bar: bool = False, on_error: Callable[[Record], None] | None = None) -> None:
        super().__init__()
        self.on_error = on_error
        self.bar: Any = None
        if show_bar:
            from tqdm import tqdm

            # smoothing=0: docs/s, like words/s, is the average since the start
            self.bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5, smoothing=0)

    def _say(self, message: str) -> None:
        if self.bar is not None:
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
