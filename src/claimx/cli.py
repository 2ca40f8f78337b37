"""The ``claimx`` command line: extract, evaluate, info."""

import json
import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .batch import extract_documents
from .evaluate import evaluate_files, format_report
from .io.readers import read_paths
from .io.writers import write_jsonl, write_table
from .pipeline import default_model_path, load
from .records import Record

app = typer.Typer(help="Entities and attributed claims from Indonesian news.", no_args_is_help=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


class InputFormat(str, Enum):
    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"


class _Summary:
    """Counts records as they stream past, reporting errors to stderr."""

    def __init__(self) -> None:
        self.documents = self.errors = self.words = 0
        self.started = time.perf_counter()

    def watch(self, records: Iterable[Record], errors_out: list[Record]) -> Iterator[Record]:
        for record in records:
            self.documents += 1
            if "error" in record:
                self.errors += 1
                errors_out.append(record)
                typer.echo(f"claimx: error: {record['error']}", err=True)
            else:
                self.words += len(record["text"].split())
            yield record

    def report(self) -> str:
        seconds = time.perf_counter() - self.started
        return (
            f"claimx: {self.documents} documents, {self.errors} errors, {self.words} words "
            f"in {seconds:.1f} s ({self.words / seconds if seconds else 0:.0f} words/s)"
        )


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
) -> None:
    """Extract entities and claims; one record (or error record) per input document, in order."""
    if fmt in (OutputFormat.csv, OutputFormat.parquet) and output is None:
        raise typer.BadParameter("--format csv/parquet needs -o/--output", param_hint="--format")
    try:
        nlp = load(model)
    except (OSError, ValueError) as err:
        typer.echo(f"claimx: error: cannot load model: {err}", err=True)
        raise typer.Exit(2) from err
    summary, failed = _Summary(), []
    documents = read_paths(paths, input_format.value, fallback_encoding)
    records = summary.watch(extract_documents(nlp, documents, batch_size), failed)
    if html is not None:
        from .io.html import with_review_page

        records = with_review_page(records, html)
    if fmt is OutputFormat.jsonl:
        write_jsonl(records, output)
    elif fmt is OutputFormat.claimreview:
        from .io.claimreview import write_claimreview

        write_claimreview(records, output)
    else:
        write_table(records, output, fmt.value)
    if errors is not None:
        write_jsonl(failed, errors)
    typer.echo(summary.report(), err=True)
    if summary.documents == summary.errors:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold records (JSONL).")],
    pred: Annotated[Path, typer.Argument(help="Predicted records (JSONL).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    detail: Annotated[bool, typer.Option(help="Add breakdowns by rule and source type.")] = False,
) -> None:
    """Score predictions against gold with the metrics of the reference scorer."""
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
