"""The ``claimx`` command line: extract, evaluate, info."""

import codecs
import json
import sys
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from . import __version__
from .batch import extract_documents
from .evaluate import evaluate_files, format_report
from .io.paths import OutputPathError, check_output, output_lock
from .io.readers import InputDocument, count_documents, read_paths
from .io.resume import JsonlAppender, append_jsonl, recover, skip_written
from .io.writers import atomic_output, jsonl_line, write_jsonl, write_table
from .pipeline import default_model_path, load
from .progress import RunMonitor
from .records import Record

app = typer.Typer(help="Entities and attributed claims from Indonesian news.", no_args_is_help=True)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Entities and attributed claims from Indonesian news."""


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


class InputFormat(str, Enum):
    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Backend(str, Enum):
    spacy = "spacy"
    stanza = "stanza"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="A .txt file, a folder of .txt, a .jsonl file, or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout, jsonl only).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    input_format: Annotated[
        InputFormat, typer.Option(help="How to read inputs (auto: by suffix; stdin is text).")
    ] = InputFormat.auto,
    model: Annotated[str | None, typer.Option(help="A spaCy pipeline directory, or 'blank'.")] = None,
    fallback_encoding: Annotated[str | None, typer.Option(help="Decode non-UTF-8 files with this encoding.")] = None,
    errors: Annotated[Path | None, typer.Option(help="Also write error records to this JSONL file.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 64,
    html: Annotated[Path | None, typer.Option(help="Also write a review page of the batch to this HTML file.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (each loads the model once).")] = 1,
    resume: Annotated[
        bool, typer.Option(help="Continue an interrupted run into -o OUT (JSONL), skipping ids already written.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: Annotated[Engine, typer.Option(help="local, or dask: partitions on a Dask cluster, -o is a folder.")] = (
        Engine.local
    ),
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster of --workers).")
    ] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Documents per Dask partition.")] = 1000,
    backend: Annotated[
        Backend, typer.Option(help="Words, POS and parses from spacy (the model) or stanza (needs --stanza-dir).")
    ] = Backend.spacy,
    stanza_dir: Annotated[Path | None, typer.Option(help="Directory of stanza models for --backend stanza.")] = None,
) -> None:
    """Extract entities and claims; one record (or error record) per input document, in order."""
    if backend is Backend.stanza and (workers > 1 or engine is Engine.dask):
        raise typer.BadParameter("--backend stanza runs with --workers 1 and the local engine", param_hint="--backend")
    if fmt in (OutputFormat.csv, OutputFormat.parquet) and output is None:
        raise typer.BadParameter("--format csv/parquet needs -o/--output", param_hint="--format")
    if html is not None and engine is Engine.dask:
        raise typer.BadParameter("--html runs with the local engine", param_hint="--html")
    if resume and (fmt is not OutputFormat.jsonl or output is None or engine is Engine.dask):
        raise typer.BadParameter(
            "--resume needs -o/--output, --format jsonl and the local engine", param_hint="--resume"
        )
    _check_outputs(paths, {"-o": output if engine is Engine.local else None, "--errors": errors, "--html": html})
    with ExitStack() as locks:
        for option, path in (("-o", output if engine is Engine.local else None), ("--errors", errors)):
            if path is not None:
                try:
                    locks.enter_context(output_lock(path, option))
                except OutputPathError as err:
                    typer.echo(f"claimx: error: {err}", err=True)
                    raise typer.Exit(2) from err
        _extract(paths, output, fmt, input_format, model, fallback_encoding, errors, batch_size, html, workers,
                 resume, quiet, engine, scheduler, partition_size, backend, stanza_dir)  # fmt: skip


def _extract(
    paths: list[str],
    output: Path | None,
    fmt: OutputFormat,
    input_format: InputFormat,
    model: str | None,
    fallback_encoding: str | None,
    errors: Path | None,
    batch_size: int,
    html: Path | None,
    workers: int,
    resume: bool,
    quiet: bool,
    engine: Engine,
    scheduler: str | None,
    partition_size: int,
    backend: Backend,
    stanza_dir: Path | None,
) -> None:
    """The run of ``claimx extract`` once its options and outputs are checked and locked."""
    if fallback_encoding is not None:
        try:
            codecs.lookup(fallback_encoding)
        except LookupError as err:
            raise typer.BadParameter(
                f"unknown encoding {fallback_encoding!r}", param_hint="--fallback-encoding"
            ) from err
    documents = read_paths(paths, input_format.value, fallback_encoding)
    if engine is Engine.dask:
        _extract_on_dask(documents, output, fmt, model, errors, batch_size, workers, scheduler, partition_size)
        return
    if workers == 1:
        try:
            nlp = load(model, backend=backend.value, stanza_dir=stanza_dir)
        except (ImportError, OSError, ValueError) as err:
            typer.echo(f"claimx: error: cannot load model: {err}", err=True)
            raise typer.Exit(2) from err
    skipped = 0
    if resume:
        try:
            written = recover(output, errors)
        except ValueError as err:
            typer.echo(f"claimx: error: {err}", err=True)
            raise typer.Exit(2) from err
        skipped = sum(written.values())
        documents = skip_written(documents, written)
    if workers == 1:
        records = extract_documents(nlp, documents, batch_size)
    else:
        from .parallel import extract_parallel

        records = extract_parallel(model, documents, batch_size, workers)
    with ExitStack() as stack:
        on_error = None
        if errors is not None and resume:
            on_error = stack.enter_context(JsonlAppender(errors)).write
        elif errors is not None:
            on_error = _line_writer(stack.enter_context(atomic_output(errors)))
        show_bar = not quiet and sys.stderr.isatty()
        total = count_documents(paths, input_format.value) if show_bar else None
        monitor = RunMonitor(show_bar=show_bar, on_error=on_error, total=total - skipped if total else None)
        records = monitor.watch(records)
        if html is not None:
            from .io.html import with_review_page

            records = with_review_page(records, html)
        try:
            if resume:
                append_jsonl(records, output, every=batch_size)
            elif fmt is OutputFormat.jsonl:
                write_jsonl(records, output)
            elif fmt is OutputFormat.claimreview:
                from .io.claimreview import write_claimreview

                write_claimreview(records, output)
            else:
                write_table(records, output, fmt.value)
        except BrokenProcessPool as err:
            typer.echo(f"claimx: error: a worker process failed ({err}); see its message above", err=True)
            raise typer.Exit(2) from err
    typer.echo(monitor.report() + (f"; {skipped} already in {output}, skipped" if skipped else ""), err=True)
    if monitor.documents == monitor.errors and not skipped:
        raise typer.Exit(1)


def _check_outputs(inputs: list[str], outputs: dict[str, Path | None]) -> None:
    """Refuse, before any work, an output that is a folder, a device, an input, or in no writable folder."""
    given = {option: path for option, path in outputs.items() if path is not None}
    for option, path in given.items():
        try:
            check_output(path, inputs, option)
        except OutputPathError as err:
            typer.echo(f"claimx: error: {err}", err=True)
            raise typer.Exit(2) from err
    paths = [p.resolve() for p in given.values()]
    if len(set(paths)) < len(paths):
        typer.echo("claimx: error: two outputs name the same file: " + ", ".join(map(str, given.values())), err=True)
        raise typer.Exit(2)


def _line_writer(handle: TextIO) -> Callable[[Record], None]:
    return lambda record: handle.write(jsonl_line(record))


def _extract_on_dask(
    documents: Iterable[InputDocument],
    output: Path | None,
    fmt: OutputFormat,
    model: str | None,
    errors: Path | None,
    batch_size: int,
    workers: int,
    scheduler: str | None,
    partition_size: int,
) -> None:
    if output is None or fmt not in (OutputFormat.jsonl, OutputFormat.parquet):
        raise typer.BadParameter("--engine dask needs -o/--output (a folder) and --format jsonl or parquet")
    from .distributed import extract_dask

    run = extract_dask(
        documents, output, fmt=fmt.value, model=model, scheduler=scheduler, workers=workers,
        partition_size=partition_size, batch_size=batch_size, errors=errors,
    )  # fmt: skip
    typer.echo(f"{run.report()}; Dask, {run.partitions} partitions in {output}", err=True)
    if run.documents == run.errors:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[
        Path | None, typer.Argument(help="Gold records (JSONL); omit both to score dev and held-out.")
    ] = None,
    pred: Annotated[Path | None, typer.Argument(help="Predicted records (JSONL).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    detail: Annotated[bool, typer.Option(help="Add breakdowns by rule and source type.")] = False,
    model: Annotated[str | None, typer.Option(help="Pipeline to run on dev and held-out (default: shipped).")] = None,
    shared: Annotated[Path | None, typer.Option(help="The shared data folder (default: ../shared).")] = None,
    heldout: Annotated[
        Path | None, typer.Option(help="Held-out reference file (default: eval/heldout/heldout.jsonl).")
    ] = None,
) -> None:
    """Score GOLD against PRED; without them, run the pipeline on dev and held-out and print both side by side."""
    if gold is None or pred is None:
        if gold is not None:
            raise typer.BadParameter("give both GOLD and PRED, or neither", param_hint="PRED")
        _evaluate_sets(model, shared, heldout, as_json)
        return
    for path in (gold, pred):
        if not path.is_file():
            typer.echo(f"claimx: error: {path}: no such file", err=True)
            raise typer.Exit(2)
    try:
        result = evaluate_files(gold, pred)
    except ValueError as err:
        typer.echo(f"claimx: error: {err}", err=True)
        raise typer.Exit(2) from err
    typer.echo(json.dumps(result, indent=2) if as_json else format_report(result, detail))


def _evaluate_sets(model: str | None, shared: Path | None, heldout: Path | None, as_json: bool) -> None:
    from .evalsets import HELDOUT_REFERENCE, SHARED, evaluate_sets, format_side_by_side, standard_sets

    try:
        sets = standard_sets(shared or SHARED, heldout or HELDOUT_REFERENCE)
    except (OSError, ValueError) as err:
        typer.echo(f"claimx: error: {err}", err=True)
        raise typer.Exit(2) from err
    results = evaluate_sets(load(model), sets)
    typer.echo(json.dumps(results, indent=2) if as_json else format_side_by_side(results))


@app.command()
def info(model: Annotated[str | None, typer.Option(help="A spaCy pipeline directory, or 'blank'.")] = None) -> None:
    """Version, model path and metadata, pipeline components."""
    nlp = load(model)
    path = model or default_model_path()
    typer.echo(f"claimx {__version__} (Python {sys.version.split()[0]})")
    typer.echo(f"model: {path or 'none installed (blank tokenizer-only pipeline)'}")
    meta = {k: nlp.meta.get(k) for k in ("name", "version", "spacy_version", "performance") if nlp.meta.get(k)}
    typer.echo(f"model meta: {json.dumps(meta, ensure_ascii=False)}")
    typer.echo(f"pipeline: {', '.join(nlp.pipe_names)}")
