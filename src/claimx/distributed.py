"""Extraction on a Dask cluster (``dask.distributed``), for archives that outgrow one machine.

The client reads the input and sends it in partitions of ``partition_size`` documents; each
worker loads the claimx pipeline once (:class:`PipelinePlugin`) and writes every partition it
processes as its own file, atomically::

    OUT/part-00000.jsonl ...                                       (fmt="jsonl")
    OUT/claims/part-00000.parquet, OUT/entities/part-00000.parquet (fmt="parquet")

Reading the parts in name order gives the records of a single-process run, in input order.
On a real cluster ``OUT`` must be storage that every worker can write to.

>>> from claimx.distributed import extract_dask
>>> run = extract_dask(["news.jsonl"], "out/", scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
>>> run = extract_dask(["news.jsonl"], "out/", workers=2)  # a LocalCluster  # doctest: +SKIP
"""

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dask.distributed import Client, Future, LocalCluster, Worker, WorkerPlugin, get_worker

from .batch import as_input_document, extract_documents
from .io.readers import InputDocument
from .io.writers import atomic_output, jsonl_line, write_jsonl, write_table
from .pipeline import load
from .progress import RunStats
from .records import Record

PLUGIN = "claimx-pipeline"
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: keeps workers busy and client memory bounded


class PipelinePlugin(WorkerPlugin):
    """Loads the claimx pipeline once per worker; a lock keeps a multi-threaded worker to one batch at a time.

    Registering it again (a new run, maybe with another model) replaces it and reloads on every worker.
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker: Worker) -> None:
        self.nlp = load(self.model)
        self.lock = threading.Lock()


@dataclass
class DaskRun(RunStats):
    """The counts of a Dask run, and how many partitions it wrote."""

    partitions: int = 0


def part_paths(out: Path, fmt: str, number: int) -> tuple[Path, ...]:
    """The file(s) of partition ``number``."""
    name = f"part-{number:05d}"
    if fmt == "jsonl":
        return (out / f"{name}.jsonl",)
    return out / "claims" / f"{name}.parquet", out / "entities" / f"{name}.parquet"


def _extract_partition(
    number: int, documents: list[InputDocument], out: str, fmt: str, batch_size: int
) -> tuple[int, int, list[Record]]:
    """Process and write one partition on a worker; return ``(documents, words, error records)``."""
    plugin = get_worker().plugins[PLUGIN]
    with plugin.lock:
        records = list(extract_documents(plugin.nlp, documents, batch_size))
    paths = part_paths(Path(out), fmt, number)
    if fmt == "jsonl":
        write_jsonl(records, paths[0])
    else:
        write_table(records, paths[0], fmt, paths[1])
    failed = [record for record in records if "error" in record]
    words = sum(len(record["text"].split()) for record in records if "error" not in record)
    return len(records), words, failed


def _partitions(items: Iterable[object], size: int) -> Iterator[list[InputDocument]]:
    documents = (as_input_document(item, n) for n, item in enumerate(items))
    while partition := list(islice(documents, size)):
        yield partition


def _clear_parts(out: Path) -> None:
    for old in [*out.glob("part-*.jsonl"), *out.glob("claims/part-*.parquet"), *out.glob("entities/part-*.parquet")]:
        old.unlink()


def extract_dask(
    items: Iterable[object],
    out: str | Path,
    *,
    fmt: str = "jsonl",
    model: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
    partition_size: int = 1000,
    batch_size: int = 64,
    errors: Path | None = None,
) -> DaskRun:
    """Extract ``items`` (texts, ``(id, text)`` pairs, dicts or InputDocuments) on a Dask cluster.

    ``scheduler`` is the address of a running scheduler; without it a ``LocalCluster`` of
    ``workers`` single-threaded workers (processes, or threads with ``processes=False``) is
    started and stopped. Part files left in ``out`` by an earlier run are replaced. Error
    records are also written to ``errors`` (JSONL) when given.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _clear_parts(out)
    run = DaskRun()
    with ExitStack() as stack:
        if scheduler is None:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None)
            scheduler = stack.enter_context(cluster)
        client = stack.enter_context(Client(scheduler))
        client.register_plugin(PipelinePlugin(model), name=PLUGIN)
        failed = stack.enter_context(atomic_output(errors)) if errors is not None else None
        in_flight = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
        pending: deque[Future] = deque()

        def collect() -> None:
            documents, words, error_records = pending.popleft().result()
            run.documents, run.words = run.documents + documents, run.words + words
            run.errors += len(error_records)
            for record in error_records:
                if failed is not None:
                    failed.write(jsonl_line(record))

        for number, partition in enumerate(_partitions(items, partition_size)):
            pending.append(client.submit(_extract_partition, number, partition, str(out), fmt, batch_size, pure=False))
            run.partitions += 1
            if len(pending) > in_flight:
                collect()
        while pending:
            collect()
    return run
