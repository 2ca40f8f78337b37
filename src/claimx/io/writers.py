"""Writers: records → JSON Lines, or CSV/Parquet tables (claims + a sibling entities file).

Every writer streams: it holds one record (JSONL) or one chunk of records (tables) at a time.
"""

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from ..records import Record
from .paths import OutputPathError, created_mode, output_problem

FORMATS = ("jsonl", "csv", "parquet")
#: a CSV cell starting with one of these is a formula to a spreadsheet (CWE-1236, "CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLE_CHUNK = 1000  # records per CSV append or Parquet row group


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    Only a regular file or a new path is written (:class:`~claimx.io.paths.OutputPathError` otherwise,
    before anything is created): renaming onto ``/dev/null`` as root would replace the device. The file
    gets the mode of the file it replaces, else 0o666 less the umask, like any file the user creates.
    """
    problem = output_problem(path)
    if problem is not None and path.parent.is_dir():
        raise OutputPathError(f"{path}: {problem}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, created_mode(path))
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def jsonl_line(record: Record) -> str:
    """One record as one line of JSON Lines (UTF-8 text, newline included)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(records: Iterable[Record], out: Path | None) -> None:
    """One record a line, in order; to stdout when ``out`` is None."""
    if out is None:
        for record in records:
            sys.stdout.write(jsonl_line(record))
        sys.stdout.flush()
        return
    with atomic_output(out) as handle:
        for record in records:
            handle.write(jsonl_line(record))


def entities_path(out: Path) -> Path:
    """The sibling file of entities: ``claims.csv`` → ``claims.entities.csv``."""
    return out.with_name(f"{out.stem}.entities{out.suffix}")


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Lists of up to ``size`` records; at least one (maybe empty) list, so tables get headers."""
    iterator = iter(records)
    chunk = list(islice(iterator, size))
    yield chunk
    while chunk := list(islice(iterator, size)):
        yield chunk


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula: a leading ``'`` before ``= + - @``, tab or CR.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("Harga naik"), spreadsheet_safe(-3)
    ("'=HYPERLINK(1)", 'Harga naik', -3)
    """
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _spreadsheet_safe_frame(frame: Any) -> Any:
    """``frame`` with :func:`spreadsheet_safe` applied to every text column (JSONL and Parquet keep exact text)."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype) == "string":
            frame[column] = frame[column].map(spreadsheet_safe)
    return frame


class _TableFile:
    """One CSV or Parquet file taking DataFrames chunk by chunk (typed by :func:`~claimx.frames.to_dataframe`,
    so every chunk has the same schema)."""

    def __init__(self, handle: Any, fmt: str) -> None:
        self.handle, self.fmt = handle, fmt
        self.parquet: Any = None  # the pyarrow ParquetWriter, opened on the first chunk
        self.started = False

    def write(self, frame: Any) -> None:
        if self.fmt == "csv":
            # RFC 4180 line ends, so a field holding a CR or LF is quoted and stays one field
            _spreadsheet_safe_frame(frame).to_csv(
                self.handle, index=False, header=not self.started, lineterminator="\r\n"
            )
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            if self.parquet is None:
                self.parquet = pq.ParquetWriter(self.handle, pa.Schema.from_pandas(frame, preserve_index=False))
            self.parquet.write_table(pa.Table.from_pandas(frame, schema=self.parquet.schema, preserve_index=False))
        self.started = True

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()


def write_table(records: Iterable[Record], out: Path, fmt: str, entities_out: Path | None = None) -> None:
    """One row per claim in ``out`` and one row per entity in ``entities_out`` (default :func:`entities_path`).

    Streams ``TABLE_CHUNK`` records at a time; both files appear (atomically) when all are written.
    """
    from ..frames import to_dataframe  # pandas is imported only when a table is written

    with ExitStack() as stack:
        mode = "w" if fmt == "csv" else "wb"
        tables = [
            _TableFile(stack.enter_context(atomic_output(path, mode)), fmt)
            for path in (out, entities_out or entities_path(out))
        ]
        for chunk in _chunks(records, TABLE_CHUNK):
            for table, frame in zip(tables, to_dataframe(chunk), strict=True):
                table.write(frame)
        for table in tables:
            table.close()
