"""Resumable JSONL output: whole lines appended with durable checkpoints, picked up after a kill.

``claimx extract --resume`` writes straight into its output (no temporary file), calling
:meth:`JsonlAppender.checkpoint` (flush + fsync) every batch. After a crash, :func:`recover`
cuts a partial last line and returns the ids already written, which :func:`skip_written`
drops from the input, so the finished file holds each input document's line exactly once.
"""

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType

from ..records import Record
from .readers import InputDocument
from .writers import atomic_output, jsonl_line


class JsonlAppender:
    """Appends records one line each to ``path``; :meth:`checkpoint` makes them durable."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = path.open("a", encoding="utf-8")

    def write(self, record: Record) -> None:
        self.handle.write(jsonl_line(record))

    def checkpoint(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def __enter__(self) -> "JsonlAppender":
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.checkpoint()
        self.handle.close()


def _cut_partial_line(path: Path) -> None:
    """Truncate ``path`` after its last newline (a line cut short by a kill)."""
    with path.open("r+b") as handle:
        end = position = handle.seek(0, os.SEEK_END)
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            newline = handle.read(step).rfind(b"\n")
            if newline >= 0:
                position = position - step + newline + 1
                break
            position -= step
        if position != end:
            handle.truncate(position)


def recover(out: Path, errors: Path | None = None) -> Counter[str]:
    """Prepare ``out`` for appending; return how many times each id is already written.

    A partial last line is removed; ``errors`` (when given) is rewritten to hold exactly the
    error records found in ``out``, so it too can be appended to.
    """
    written: Counter[str] = Counter()
    with ExitStack() as stack:
        kept = stack.enter_context(atomic_output(errors)) if errors is not None else None
        if not out.exists():
            return written
        _cut_partial_line(out)
        for number, line in enumerate(stack.enter_context(out.open(encoding="utf-8")), 1):
            try:
                record = json.loads(line)
                written[record["id"]] += 1
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise ValueError(f"{out}:{number}: not a claimx record, cannot resume") from err
            if kept is not None and "error" in record:
                kept.write(line)
    return written


def skip_written(documents: Iterable[InputDocument], written: Counter[str]) -> Iterator[InputDocument]:
    """Drop documents whose id is already written (as many times as it is), keeping the others in order."""
    for document in documents:
        if written[document.id] > 0:
            written[document.id] -= 1
        else:
            yield document


def append_jsonl(records: Iterable[Record], out: Path, every: int = 64) -> None:
    """Append ``records`` to ``out``, with a durable checkpoint every ``every`` records and at the end."""
    with JsonlAppender(out) as appender:
        for number, record in enumerate(records, 1):
            appender.write(record)
            if number % every == 0:
                appender.checkpoint()
