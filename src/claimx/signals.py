"""A run stopped by ``SIGTERM`` (or ``SIGHUP``) cleans up like one that failed.

Python's default for ``SIGTERM`` ends the process at once, skipping every ``finally``: the temporary
file of an atomic output (``.OUT.*.tmp``) and the lock file would stay beside the output. While a run
lasts, :func:`terminate_cleanly` turns the signal into a :class:`Terminated` exception, so the writers
remove their temporary files, the lock is released and the workers are shut down.

>>> import os
>>> with terminate_cleanly():
...     os.kill(os.getpid(), signal.SIGTERM)
Traceback (most recent call last):
...
claimx.signals.Terminated: stopped by SIGTERM
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Terminated(BaseException):  # noqa: N818  (like KeyboardInterrupt: not an Exception, so nothing swallows it)
    """The run was stopped by a signal; ``signal_number`` says which (exit status ``128 + signal_number``)."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signal_number).name}")
        self.signal_number = signal_number


def _raise_terminated(signal_number: int, frame: FrameType | None) -> None:
    raise Terminated(signal_number)


@contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Within the block, ``SIGTERM``/``SIGHUP`` raise :class:`Terminated` in the main thread.

    A handler the application installed itself is left alone, and outside the main thread (where
    Python cannot set handlers) this does nothing. The previous handlers are restored on exit.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in SIGNALS}
    for number, handler in previous.items():
        if handler is signal.SIG_DFL:
            signal.signal(number, _raise_terminated)
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler is signal.SIG_DFL:
                signal.signal(number, handler)
