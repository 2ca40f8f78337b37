"""The ``claimx`` command line: extract, evaluate, serve, schema, info."""

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .evaluate import evaluate_files, format_report
from .pipeline import default_model_path, load
from .runner import RunError, run
from .signals import Terminated

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
    claimreview_draft = "claimreview-draft"


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
        InputFormat, typer.Option(help="How to read inputs (auto: by suffix; stdin by its first line).")
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line.")] = False,
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
    reviewer_name: Annotated[
        str | None, typer.Option(help="claimreview-draft: the fact-checker publishing the reviews.")
    ] = None,
    reviewer_url: Annotated[str | None, typer.Option(help="claimreview-draft: the fact-checker's URL.")] = None,
) -> None:
    """Extract entities and claims; one record (or error record) per input document, in order."""
    try:
        summary = run(
            paths, output, format=fmt.value, input_format=input_format.value, model=model,
            fallback_encoding=fallback_encoding, errors=errors, batch_size=batch_size, html=html, workers=workers,
            resume=resume, progress=not quiet and sys.stderr.isatty(), engine=engine.value, scheduler=scheduler,
            partition_size=partition_size, backend=backend.value, stanza_dir=stanza_dir,
            reviewer_name=reviewer_name, reviewer_url=reviewer_url,
        )  # fmt: skip
    except RunError as err:
        typer.echo(f"claimx: error: {err}", err=True)
        raise typer.Exit(2) from err
    except Terminated as stop:
        typer.echo(
            f"claimx: {stop}; temporary files removed, outputs not replaced (rerun a --resume run to go on)", err=True
        )
        raise typer.Exit(128 + stop.signal_number) from None
    except KeyboardInterrupt:
        typer.echo("claimx: interrupted; temporary files removed, outputs not replaced", err=True)
        raise typer.Exit(130) from None
    typer.echo(summary.report, err=True)
    if summary.documents == summary.errors and not summary.skipped:
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
    from .evalsets import (
        HELDOUT_REFERENCE,
        SHARED,
        PredictionError,
        evaluate_sets,
        format_side_by_side,
        standard_sets,
    )

    try:
        sets = standard_sets(shared or SHARED, heldout or HELDOUT_REFERENCE)
    except (OSError, ValueError) as err:
        typer.echo(f"claimx: error: {err}", err=True)
        raise typer.Exit(2) from err
    try:
        results = evaluate_sets(load(model), sets)
    except PredictionError as err:
        typer.echo(f"claimx: error: {err} (a bug: please report it)", err=True)
        raise typer.Exit(1) from err
    typer.echo(json.dumps(results, indent=2) if as_json else format_side_by_side(results))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes (each loads the model once).")] = 1,
    max_body: Annotated[int, typer.Option(min=1, help="Largest request body in bytes (larger: 413).")] = 1_000_000,
    max_docs: Annotated[int, typer.Option(min=1, help="Most documents in one request (more: 413).")] = 64,
    queue: Annotated[
        int, typer.Option(min=1, help="Requests a process holds at once, running or waiting (more: 503).")
    ] = 32,
    model: Annotated[str | None, typer.Option(help="A spaCy pipeline directory, or 'blank'.")] = None,
) -> None:
    """Serve POST /extract (records of documents), /health, /schema and /docs over HTTP (the serve extra)."""
    try:
        from .serve import ServeSettings
        from .serve import serve as run_server
    except ImportError as err:
        typer.echo(f"claimx: error: claimx serve needs the serve extra ({err.name} is missing): "
                   "pip install 'claimx[serve]'", err=True)  # fmt: skip
        raise typer.Exit(2) from err
    if model is not None and model != "blank" and not (Path(model) / "config.cfg").is_file():
        typer.echo(f"claimx: error: --model: {model}: not a spaCy pipeline directory (no config.cfg)", err=True)
        raise typer.Exit(2)
    run_server(ServeSettings(model, max_body, max_docs, queue), host=host, port=port, workers=workers)


@app.command()
def schema() -> None:
    """Print the versioned JSON Schema of claimx's records."""
    from .schema import record_schema

    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


@app.command()
def info(model: Annotated[str | None, typer.Option(help="A spaCy pipeline directory, or 'blank'.")] = None) -> None:
    """Version, model path and metadata, pipeline components."""
    nlp = load(model)
    path = model or default_model_path()
    from .schema import SCHEMA_VERSION

    typer.echo(f"claimx {__version__} (Python {sys.version.split()[0]}), record schema {SCHEMA_VERSION}")
    typer.echo(f"model: {path or 'none installed (blank tokenizer-only pipeline)'}")
    meta = {k: nlp.meta.get(k) for k in ("name", "version", "spacy_version", "performance") if nlp.meta.get(k)}
    typer.echo(f"model meta: {json.dumps(meta, ensure_ascii=False)}")
    typer.echo(f"pipeline: {', '.join(nlp.pipe_names)}")
