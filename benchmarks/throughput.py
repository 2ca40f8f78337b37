"""Throughput and memory of claimx over the bench corpus, against spaCy's blank ``id`` tokenizer.

    nice -n 10 .venv/bin/python benchmarks/throughput.py [--limit N] [--corpus PATH]

Prints, in one run, words/s and peak RSS for (a) spaCy's blank ``id`` tokenizer alone (the upper
bound), (b) the claimx pipeline with 1 worker, (c) with 2 workers, (s) the pipeline with ``claimx_syntax``
(``load(syntax=True)``) with 1 worker, only when asked (``--configs abs``); the ratios b/a and s/a; and the peak RSS
after ``--flat-at`` documents against the end (memory flatness). Each configuration runs in a fresh
process (cold caches, its own peak RSS). Words are whitespace-separated, as in ``claimx extract``'s
summary. (b) and (c) run the ``claimx extract`` path: JSONL reader → extraction → JSONL lines (to
/dev/null); (c) includes starting its workers. Needs psutil: `pip install -e ".[bench]"` (the ``dev`` extra has it too).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import psutil

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news.jsonl"
CONFIGS = {"a": ("tokenizer", 1), "b": ("pipeline", 1), "c": ("pipeline", 2), "s": ("pipeline+syntax", 1)}


def peak_rss_mb(pid: int) -> float:
    """The peak resident set size (VmHWM) of a live process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class ChildUsage:
    """Samples the peak RSS and CPU time of this process's descendants (the workers) while they live."""

    def __init__(self, every: float = 0.25) -> None:
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.every, self.stop = every, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        for child in psutil.Process().children(recursive=True):
            try:
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), peak_rss_mb(child.pid))
                times = child.cpu_times()
                self.cpu[child.pid] = times.user + times.system
            except (FileNotFoundError, psutil.Error):
                continue

    def worst(self) -> float:
        return max(self.peaks.values(), default=0.0)


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def stage_seconds(corpus: Path, limit: int, syntax: bool = False) -> dict[str, float]:
    """CPU seconds spent in the tokenizer, each pipeline component and the record conversion.

    The trained components run as ``claimx extract`` runs them (``pipe`` with its batch sizes); CPU time
    rather than wall time, so that other jobs on the machine do not move the shares.
    """
    from claimx import batch as shipped
    from claimx.pipeline import load
    from claimx.records import doc_to_record

    sizes = {"ner": getattr(shipped, "NER_BATCH", shipped.PIPE_BATCH)}
    nlp = load(syntax=syntax)
    batch = list(texts(corpus, limit))
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in batch]
    seconds = {"tokenizer": time.process_time() - started}
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=sizes.get(name, shipped.PIPE_BATCH)))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        doc_to_record(doc, "id")
    seconds["records"] = time.process_time() - started
    return seconds


def texts(corpus: Path, limit: int | None) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as lines:
        for line in islice(lines, limit):
            yield json.loads(line)["text"]


def run_tokenizer(corpus: Path, limit: int | None, batch_size: int, flat_at: int) -> dict:
    import spacy

    nlp = spacy.blank("id")
    words = documents = 0
    peak_at_flat = None
    started, cpu_started = time.perf_counter(), time.process_time()
    stream = texts(corpus, limit)

    def counted() -> Iterator[str]:
        nonlocal words
        for text in stream:
            words += len(text.split())
            yield text

    for _doc in nlp.tokenizer.pipe(counted(), batch_size=batch_size):
        documents += 1
        if documents == flat_at:
            peak_at_flat = peak_rss_mb(os.getpid())
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {"documents": documents, "words": words, "seconds": seconds, "cpu": cpu, "peak_at_flat": peak_at_flat}


def run_pipeline(
    corpus: Path, limit: int | None, batch_size: int, flat_at: int, workers: int, syntax: bool = False
) -> dict:
    from claimx.batch import extract_documents
    from claimx.io.readers import read_paths
    from claimx.io.writers import jsonl_line
    from claimx.parallel import extract_parallel
    from claimx.pipeline import load

    documents_in = islice(read_paths([str(corpus)]), limit)
    nlp = load(syntax=syntax) if workers == 1 else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if nlp is not None:
        records = extract_documents(nlp, documents_in, batch_size)
    else:
        records = extract_parallel(None, documents_in, batch_size, workers)
    sampler = ChildUsage()
    words = documents = errors = 0
    peak_at_flat = None
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for record in records:
            sink.write(jsonl_line(record))
            documents += 1
            if "error" in record:
                errors += 1
            else:
                words += len(record["text"].split())
            if documents == flat_at:
                sampler.sample()
                peak_at_flat = max(peak_rss_mb(os.getpid()), sampler.worst())
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.thread.join()
    return {
        "documents": documents,
        "errors": errors,
        "words": words,
        "seconds": seconds,
        "peak_at_flat": peak_at_flat,
        "worker_peak_mb": sampler.worst() if workers > 1 else None,
        "cpu": time.process_time() - cpu_started + sum(sampler.cpu.values()),
    }


def run_config(name: str, args: argparse.Namespace) -> dict:
    kind, workers = CONFIGS[name]
    if kind == "tokenizer":
        result = run_tokenizer(args.corpus, args.limit, args.batch_size, args.flat_at)
    else:
        syntax = kind == "pipeline+syntax"
        result = run_pipeline(args.corpus, args.limit, args.batch_size, args.flat_at, workers, syntax)
    result["peak_mb"] = peak_rss_mb(os.getpid())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--flat-at", type=int, default=1000, help="Compare peak RSS after N articles with the end.")
    parser.add_argument("--configs", default="abc", help="Which of a, b, c, s to run.")
    parser.add_argument("--stages", type=int, default=0, help="Also time each pipeline stage over N articles.")
    parser.add_argument("--run", choices=sorted(CONFIGS), help=argparse.SUPPRESS)  # one config, in a child
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_config(args.run, args)))
        return
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such corpus (pass --corpus)")
    forwarded = ["--corpus", str(args.corpus), "--batch-size", str(args.batch_size), "--flat-at", str(args.flat_at)]
    forwarded += ["--limit", str(args.limit)] if args.limit else []
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, load average {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}; corpus {args.corpus} (limit {args.limit or 'none'})")  # fmt: skip
    results = {}
    for name in args.configs:
        child = subprocess.run(
            [sys.executable, __file__, *forwarded, "--run", name], capture_output=True, text=True, check=False
        )
        if child.returncode != 0:
            sys.exit(f"config {name} failed:\n{child.stderr}")
        results[name] = result = json.loads(child.stdout.splitlines()[-1])
        kind, workers = CONFIGS[name]
        rate = result["words"] / result["seconds"]
        worker = f", worker peak {result['worker_peak_mb']:.0f} MB" if result.get("worker_peak_mb") else ""
        flat = f"{result['peak_at_flat']:.0f} MB" if result["peak_at_flat"] else "n/a"
        print(
            f"({name}) {kind}, {workers} worker(s): {result['documents']} docs ({result.get('errors', 0)} errors), "
            f"{result['words']} words in {result['seconds']:.1f} s = {rate:,.0f} words/s "
            f"({result['words'] / result['cpu']:,.0f} words per CPU-second); "
            f"peak RSS {result['peak_mb']:.0f} MB{worker}; peak after {args.flat_at} docs {flat}",
            flush=True,
        )
    if "a" in results and "b" in results:
        rate = {name: r["words"] / r["seconds"] for name, r in results.items()}
        print(
            f"ratio b/a: {rate['b'] / rate['a']:.2f}" + (f"; c/b: {rate['c'] / rate['b']:.2f}" if "c" in rate else "")
        )
    if "a" in results and "s" in results:
        rate = {name: r["words"] / r["seconds"] for name, r in results.items()}
        print(
            f"ratio s/a: {rate['s'] / rate['a']:.2f}" + (f"; s/b: {rate['s'] / rate['b']:.2f}" if "b" in rate else "")
        )
    if args.stages:
        seconds = stage_seconds(args.corpus, args.stages, syntax="s" in args.configs)
        total = sum(seconds.values())
        print(
            f"stages over {args.stages} articles ({total:.1f} CPU-s): "
            + ", ".join(f"{n} {s / total:.1%}" for n, s in seconds.items())
        )


if __name__ == "__main__":
    main()
