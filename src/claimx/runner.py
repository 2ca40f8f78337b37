"""The batch run behind ``claimx extract``, as one library function: :func:`run`.

Notebooks, services and the command line share it: it checks the options and the output paths before
any work, locks the outputs, reads the inputs (never losing a document), runs one process, worker
processes or Dask, shows progress if asked, writes the chosen format and returns a summary.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "a.txt").write_text("“Kami siap,” kata Budi Santoso.", encoding="utf-8")
31
>>> summary = run([folder / "a.txt"], folder / "out.jsonl", model="blank")
>>> summary.documents, summary.errors, (folder / "out.jsonl").exists()
(1, 0, True)
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .batch import extract_documents
from .io.claimreview import Reviewer
from .io.paths import OutputPathError, check_output, output_lock
from .io.readers import InputDocument, count_documents, read_paths
from .io.resume import JsonlAppender, append_jsonl, recover, skip_written
from .io.writers import atomic_output, jsonl_line, write_jsonl, write_table
from .pipeline import load
from .progress import RunMonitor
from .records import Record
from .signals import terminate_cleanly

FORMATS = ("jsonl", "csv", "parquet", "claimreview", "claimreview-draft")


class RunError(ValueError):
    """A problem with the options, an output or the model that the user can fix; one line, names the option."""


@dataclass
class RunSummary:
    """What a run did: documents, error records and words, documents skipped by ``resume``, and its report line."""

    documents: int
    errors: int
    words: int
    skipped: int
    report: str


def check_options(
    out: Path | None, fmt: str, engine: str, resume: bool, html: Path | None, backend: str, workers: int,
    fallback_encoding: str | None,
) -> None:  # fmt: skip
    """Raise :class:`RunError` for options that do not go together, before any work."""
    if fmt not in FORMATS:
        raise RunError(f"--format: unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if backend == "stanza" and (workers > 1 or engine == "dask"):
        raise RunError("--backend: stanza runs with --workers 1 and the local engine")
    if fmt in ("csv", "parquet") and out is None:
        raise RunError("--format: csv/parquet needs -o/--output")
    if html is not None and engine == "dask":
        raise RunError("--html: the review page needs the local engine")
    if resume and (fmt != "jsonl" or out is None or engine == "dask"):
        raise RunError("--resume: needs -o/--output, --format jsonl and the local engine")
    if engine == "dask" and (out is None or fmt not in ("jsonl", "parquet")):
        raise RunError("--engine: dask needs -o/--output (a folder) and --format jsonl or parquet")
    if fallback_encoding is not None:
        try:
            codecs.lookup(fallback_encoding)
        except LookupError as err:
            raise RunError(f"--fallback-encoding: unknown encoding {fallback_encoding!r}") from err


def check_reviewer(fmt: str, name: str | None, url: str | None) -> Reviewer | None:
    """The reviewer of ``--format claimreview-draft`` (which needs both options), else None; RunError when
    one is missing, the URL is not absolute http(s), or they are given with another format."""
    if fmt != "claimreview-draft":
        if name is not None or url is not None:
            raise RunError("--reviewer-name/--reviewer-url: only with --format claimreview-draft")
        return None
    if not name or not url:
        raise RunError("--format claimreview-draft needs --reviewer-name and --reviewer-url (who publishes the review)")
    if not url.lower().startswith(("http://", "https://")):
        raise RunError(f"--reviewer-url: {url!r} is not an absolute http(s) URL")
    return Reviewer(name, url)


def check_outputs(inputs: list[str], outputs: dict[str, Path | None]) -> None:
    """Refuse an output that is a folder, a device, an input, in no writable folder, or named twice."""
    given = {option: path for option, path in outputs.items() if path is not None}
    for option, path in given.items():
        try:
            check_output(path, inputs, option)
        except OutputPathError as err:
            raise RunError(str(err)) from err
    if outputs.get("--html") is not None:  # the review's later pages (REVIEW-2.html, ...) are outputs too
        from .io.html import existing_pages

        for page in existing_pages(outputs["--html"]):
            try:
                check_output(page, inputs, "--html")
            except OutputPathError as err:
                raise RunError(f"{err} (a page of the review)") from err
    resolved = [p.resolve() for p in given.values()]
    if len(set(resolved)) < len(resolved):
        raise RunError("two outputs name the same file: " + ", ".join(map(str, given.values())))


def run(
    inputs: Iterable[str | Path],
    out: Path | None = None,
    *,
    format: str = "jsonl",  # noqa: A002  (the CLI's --format)
    input_format: str = "auto",
    model: str | None = None,
    fallback_encoding: str | None = None,
    errors: Path | None = None,
    batch_size: int = 64,
    html: Path | None = None,
    workers: int = 1,
    resume: bool = False,
    progress: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int = 1000,
    backend: str = "spacy",
    stanza_dir: Path | None = None,
    say: Callable[[str], None] | None = None,
    reviewer_name: str | None = None,
    reviewer_url: str | None = None,
) -> RunSummary:
    """Extract every document of ``inputs`` (``.txt`` files, folders, ``.jsonl`` files, ``-``) into ``out``
    (JSONL to stdout when None), one record or error record per document, in order.

    The keyword arguments are ``claimx extract``'s options. Raises :class:`RunError` (before any work) for
    options that do not go together, an output that may not be written or is being written by another run,
    and a model that cannot be loaded. ``say`` receives error messages (stderr by default). ``SIGTERM`` and
    ``SIGHUP`` raise :class:`~claimx.signals.Terminated` (unless the application handles them itself) after
    removing the temporary outputs, so a stopped run leaves no ``.OUT.*.tmp`` behind.
    """
    paths = [str(p) for p in inputs]
    out, errors, html = (Path(p) if p is not None else None for p in (out, errors, html))
    check_options(out, format, engine, resume, html, backend, workers, fallback_encoding)
    reviewer = check_reviewer(format, reviewer_name, reviewer_url)
    local_out = out if engine == "local" else None
    check_outputs(paths, {"-o": local_out, "--errors": errors, "--html": html})
    with terminate_cleanly(), ExitStack() as locks:
        for option, path in (("-o", local_out), ("--errors", errors)):
            if path is not None:
                try:
                    locks.enter_context(output_lock(path, option))
                except OutputPathError as err:
                    raise RunError(str(err)) from err
        documents = read_paths(paths, input_format, fallback_encoding)
        if engine == "dask":
            return _run_on_dask(documents, out, format, model, errors, batch_size, workers, scheduler, partition_size)
        return _run_local(
            paths, documents, out, format, input_format, model, errors, batch_size, html, workers, resume, progress,
            backend, stanza_dir, say, reviewer,
        )  # fmt: skip


def _records(
    documents: Iterable[InputDocument], model: str | None, batch_size: int, workers: int, backend: str,
    stanza_dir: Path | None, monitor: RunMonitor,
) -> Iterator[Record]:  # fmt: skip
    if workers > 1:
        from .parallel import extract_parallel

        return extract_parallel(model, documents, batch_size, workers, monitor.done)
    try:
        nlp = load(model, backend=backend, stanza_dir=stanza_dir)
    except (ImportError, OSError, ValueError) as err:
        raise RunError(f"cannot load model: {err}") from err
    return extract_documents(nlp, documents, batch_size, monitor.document_done)


def _run_local(
    paths: list[str], documents: Iterable[InputDocument], out: Path | None, fmt: str, input_format: str,
    model: str | None, errors: Path | None, batch_size: int, html: Path | None, workers: int, resume: bool,
    progress: bool, backend: str, stanza_dir: Path | None, say: Callable[[str], None] | None,
    reviewer: Reviewer | None = None,
) -> RunSummary:  # fmt: skip
    skipped = 0
    if resume:
        try:
            written = recover(out, errors)
        except ValueError as err:
            raise RunError(str(err)) from err
        skipped = sum(written.values())
        documents = skip_written(documents, written)
    with ExitStack() as stack:
        on_error = None
        if errors is not None and resume:
            on_error = stack.enter_context(JsonlAppender(errors)).write
        elif errors is not None:
            on_error = _line_writer(stack.enter_context(atomic_output(errors)))
        total = count_documents(paths, input_format) if progress else None
        monitor = RunMonitor(show_bar=progress, on_error=on_error, total=total - skipped if total else None, say=say)
        records = monitor.watch(_records(documents, model, batch_size, workers, backend, stanza_dir, monitor))
        if html is not None:
            from .io.html import with_review_page

            records = with_review_page(records, html)
        try:
            _write(records, out, fmt, resume, batch_size, reviewer)
        except BrokenProcessPool as err:
            raise RunError(f"a worker process failed ({err}); see its message above") from err
        except OutputPathError as err:
            raise RunError(str(err)) from err
        finally:
            records.close()  # a run that failed or was stopped ends its stages now: pages, progress line, workers
    report = monitor.report() + (f"; {skipped} already in {out}, skipped" if skipped else "")
    return RunSummary(monitor.documents, monitor.errors, monitor.words, skipped, report)


def _write(
    records: Iterable[Record], out: Path | None, fmt: str, resume: bool, batch_size: int, reviewer: Reviewer | None
) -> None:
    if resume:
        append_jsonl(records, out, every=batch_size)
    elif fmt == "jsonl":
        write_jsonl(records, out)
    elif fmt in ("claimreview", "claimreview-draft"):
        from .io.claimreview import write_claimreview

        write_claimreview(records, out, reviewer)
    else:
        write_table(records, out, fmt)


def _line_writer(handle: TextIO) -> Callable[[Record], None]:
    return lambda record: handle.write(jsonl_line(record))


def _run_on_dask(
    documents: Iterable[InputDocument], out: Path, fmt: str, model: str | None, errors: Path | None,
    batch_size: int, workers: int, scheduler: str | None, partition_size: int,
) -> RunSummary:  # fmt: skip
    try:
        from .distributed import extract_dask
    except ImportError as err:
        raise RunError("--engine dask needs the dask extra: pip install 'claimx[dask]'") from err
    done = extract_dask(
        documents, out, fmt=fmt, model=model, scheduler=scheduler, workers=workers,
        partition_size=partition_size, batch_size=batch_size, errors=errors,
    )  # fmt: skip
    report = f"{done.report()}; Dask, {done.partitions} partitions in {out}"
    return RunSummary(done.documents, done.errors, done.words, 0, report)
