"""Writers: records → JSON Lines, or CSV/Parquet tables (claims + a sibling entities file)."""

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..frames import to_dataframe
from ..records import Record

FORMATS = ("jsonl", "csv", "parquet")


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[TextIO]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(records: Iterable[Record], out: Path | None) -> None:
    """One record a line, in order; to stdout when ``out`` is None."""
    if out is None:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    with atomic_output(out) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def entities_path(out: Path) -> Path:
    """The sibling file of entities: ``claims.csv`` → ``claims.entities.csv``."""
    return out.with_name(f"{out.stem}.entities{out.suffix}")


def write_table(records: Iterable[Record], out: Path, fmt: str) -> None:
    """One row per claim in ``out`` and one row per entity in :func:`entities_path`."""
    claims, entities = to_dataframe(records)
    for frame, path in ((claims, out), (entities, entities_path(out))):
        if fmt == "csv":
            with atomic_output(path) as handle:
                frame.to_csv(handle, index=False)
        else:
            with atomic_output(path, "wb") as handle:
                frame.to_parquet(handle, index=False)
