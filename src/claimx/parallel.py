"""Multi-process extraction: batches go to worker processes that each load the pipeline once;
records come back in input order, with a bounded number of batches in flight (constant memory)."""

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from spacy.language import Language

from .batch import _nothing, as_input_document, extract_documents
from .io.readers import InputDocument
from .pipeline import load
from .progress import DoneCounter
from .records import Record

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, few enough to bound memory

_worker_nlp: Language | None = None
_worker_done: DoneCounter | None = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch_main_process(main: int, every: float = 1.0) -> threading.Thread:
    """In a worker: a daemon thread that ends the worker, and the forkserver that started it, once the
    main ``claimx`` process is gone (``kill -9`` included), so no worker outlives its batch."""

    def watch() -> None:
        while _alive(main):
            time.sleep(every)
        server = os.getppid()
        if server not in (1, main) and "forkserver" in Path(f"/proc/{server}/cmdline").read_text(errors="replace"):
            os.kill(server, signal.SIGKILL)
        os._exit(1)

    thread = threading.Thread(target=watch, name="claimx-watch-main", daemon=True)
    thread.start()
    return thread


def _start_worker(model: str | None, main: int, done: DoneCounter | None) -> None:
    """Load the pipeline once per worker, and end with the main process (:func:`watch_main_process`);
    ``done`` counts the documents this worker finishes, for the main process's progress line."""
    global _worker_nlp, _worker_done
    watch_main_process(main)
    _worker_nlp, _worker_done = load(model), done


def _run_batch(batch: list[InputDocument]) -> list[Record]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    counter = _worker_done
    return list(extract_documents(_worker_nlp, batch, len(batch), counter.add if counter else _nothing))


def extract_parallel(
    model: str | None, items: Iterable[object], batch_size: int = 64, workers: int = 2, done: DoneCounter | None = None
) -> Iterator[Record]:
    """Like :func:`claimx.batch.extract_documents`, over ``workers`` processes loading ``model``.

    Workers start from a fork server, so a script calling this needs the usual
    ``if __name__ == "__main__":`` guard. A worker that cannot start (e.g. a bad model path)
    raises ``BrokenProcessPool``. ``done`` (when given) counts each document as a worker finishes it.
    """
    documents = (as_input_document(item, n) for n, item in enumerate(items))
    context = multiprocessing.get_context("forkserver")  # workers fork from a clean server, not this process
    context.set_forkserver_preload([__name__])  # which imports spaCy and claimx once for all workers
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(model, os.getpid(), done)
    )
    pending: deque[Future[list[Record]]] = deque()
    try:
        while batch := list(islice(documents, batch_size)):
            pending.append(pool.submit(_run_batch, batch))
            if len(pending) > IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
