"""Output paths checked before any work: a regular file or a new file in a writable folder, never a
device, a folder or one of the inputs. claimx runs as root in containers, where renaming a temporary
file onto ``/dev/null`` would replace the device with an ordinary file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> output_problem(folder / "out.jsonl"), output_problem(folder)
(None, 'is a folder, not a file')
>>> output_problem(pathlib.Path("/dev/null"))
'is not a regular file (a device, socket or pipe)'
"""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputPathError(ValueError):
    """An output path that claimx will not write (see :func:`output_problem`)."""


def output_problem(path: Path, inputs: Iterable[str | Path] = ()) -> str | None:
    """What is wrong with writing ``path`` (``None`` when it is safe)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        return f"cannot be checked ({err.strerror})"
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            return "is a folder, not a file"
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file (a device, socket or pipe)"
        for source in inputs:
            if str(source) != "-" and Path(source).exists() and os.path.samefile(path, source):
                return "is one of the inputs; it would be overwritten"
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"is in a folder that does not exist ({folder})"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"is in a folder claimx may not write to ({folder})"
    return None


def check_output(path: Path, inputs: Iterable[str | Path] = (), option: str = "-o") -> None:
    """Raise :class:`OutputPathError` naming ``option`` and ``path`` when ``path`` may not be written."""
    problem = output_problem(path, inputs)
    if problem is not None:
        raise OutputPathError(f"{option} {path}: {problem}")


def created_mode(existing: Path) -> int:
    """The permission bits a new output gets: the replaced file's, else 0o666 less the process umask."""
    try:
        return stat.S_IMODE(existing.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def output_lock(path: Path, option: str = "-o") -> Iterator[None]:
    """Hold an advisory lock on ``path`` for the whole run, so that a second ``claimx`` writing the same
    file fails at once (:class:`OutputPathError`) instead of losing or duplicating records. The lock is
    the hidden file ``.NAME.lock`` beside ``path`` (``path`` itself is replaced by a rename at the end),
    removed when the run ends."""
    lock = path.parent / f".{path.name}.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise OutputPathError(f"{option} {path}: another claimx run is writing it (lock {lock})") from err
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)
    finally:
        os.close(fd)
