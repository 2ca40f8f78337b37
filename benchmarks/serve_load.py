"""Load test of ``claimx serve``: 8 concurrent clients against 1 server process, then 2.

    nice -n 10 .venv/bin/python benchmarks/serve_load.py [--limit 2000] [--clients 8] [--workers 1 2] [--per-request 1]

For each process count it starts ``claimx serve --workers N`` on a free local port, waits until every
process answers ``/health``, warms each up with a few requests, then lets ``--clients`` threads send the
first ``--limit`` articles of ``../shared/bench/news.jsonl`` to ``POST /extract``, one article per request
(``--per-request N``: lists of N) and a new connection per request (so the kernel spreads them over the processes; each client thread
keeps one httpx.Client, whose set-up would otherwise cost more CPU than the request). It prints requests/s,
words/s, the p50/p95/p99 latency, the requests lost (no answer: connection error or timeout), the answers
that were not 2xx (by status), the records that are error records, and the words per CPU-second of the
server processes (what a free core gives, whatever else the machine runs); at the end, the ratio of requests/s
of 2 processes to 1. Needs the serve extra, httpx and psutil (``pip install -e '.[serve,bench]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from itertools import islice
from pathlib import Path

import httpx
import psutil

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news.jsonl"
WARM_UP_PER_PROCESS = 4


def articles(corpus: Path, limit: int) -> list[dict]:
    """The first ``limit`` articles as ``{"id", "text"}`` documents."""
    with corpus.open(encoding="utf-8") as lines:
        return [{"id": a["id"], "text": a["text"]} for a in map(json.loads, islice(lines, limit))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int, port: int, queue: int) -> subprocess.Popen:
    """``claimx serve`` with ``workers`` processes; returns once each of them has answered /health."""
    command = [sys.executable, "-m", "claimx", "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen([*command, "--queue", str(queue)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, deadline = set(), time.monotonic() + 180
    while len(seen) < workers:
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"claimx serve --workers {workers} did not start (exit {server.returncode})")
        try:
            seen.add(httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()["pid"])
        except httpx.TransportError:
            time.sleep(0.3)
    return server


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class Load:
    """``clients`` threads sending ``documents`` to ``url``, one per request; the answers, tallied."""

    def __init__(self, url: str, documents: list, clients: int) -> None:
        self.url, self.documents, self.clients = url, documents, clients
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.lost = self.error_records = 0
        self.next, self.lock = 0, threading.Lock()

    def _take(self) -> dict | list | None:
        with self.lock:
            if self.next >= len(self.documents):
                return None
            self.next += 1
            return self.documents[self.next - 1]

    def _client(self) -> None:
        with httpx.Client(base_url=self.url, timeout=300, headers={"Connection": "close"}) as client:
            while (document := self._take()) is not None:
                self._send(client, document)

    def _send(self, client: httpx.Client, document: dict | list) -> None:
        started = time.perf_counter()
        try:
            answer = client.post("/extract", json=document)
        except httpx.HTTPError:
            with self.lock:
                self.lost += 1
            return
        seconds = time.perf_counter() - started
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[answer.status_code] += 1
            if answer.status_code == 200:
                records = answer.json()
                self.error_records += sum("error" in r for r in (records if isinstance(records, list) else [records]))

    def run(self) -> float:
        """Send every document; the wall time in seconds."""
        threads = [threading.Thread(target=self._client) for _ in range(self.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the server and its worker processes."""
    processes = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
    return sum(t.user + t.system for t in (p.cpu_times() for p in processes))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values`` (``share`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


def measure(workers: int, documents: list[dict], clients: int, per_request: int = 1) -> dict:
    """Start a server of ``workers`` processes, warm it up, run the load (``per_request`` documents per request,
    sent as a list when more than 1), stop it; the figures."""
    bodies = (
        documents
        if per_request == 1
        else [documents[i : i + per_request] for i in range(0, len(documents), per_request)]
    )
    port = free_port()
    server = start_server(workers, port, queue=max(32, 2 * clients))
    url = f"http://127.0.0.1:{port}"
    try:
        Load(url, bodies[: WARM_UP_PER_PROCESS * workers], clients).run()
        load = Load(url, bodies, clients)
        cpu_before, client_before = server_cpu(server), time.process_time()
        seconds = load.run()
        cpu, client_cpu = server_cpu(server) - cpu_before, time.process_time() - client_before
    finally:
        stop_server(server)
    ok = sum(n for status, n in load.statuses.items() if 200 <= status < 300)
    words = sum(len(d["text"].split()) for d in documents)
    return {
        "workers": workers, "requests": len(bodies), "documents": len(documents), "seconds": seconds, "requests_per_s": ok / seconds,
        "words_per_s": words / seconds, "server_cpu": cpu, "words_per_cpu_s": words / cpu, "client_cpu": client_cpu, "p50": percentile(load.latencies, 0.50),
        "p95": percentile(load.latencies, 0.95), "p99": percentile(load.latencies, 0.99), "lost": load.lost,
        "non_2xx": {s: n for s, n in load.statuses.items() if not 200 <= s < 300}, "error_records": load.error_records,
    }  # fmt: skip


def report(result: dict) -> str:
    """One line of figures."""
    return (
        f"{result['workers']} process(es): {result['requests']} requests ({result['documents']} articles) "
        f"in {result['seconds']:.1f} s, "
        f"{result['requests_per_s']:.1f} requests/s, {result['words_per_s']:,.0f} words/s "
        f"({result['words_per_cpu_s']:,.0f} per server CPU-second; clients {result['client_cpu']:.0f} CPU-s); latency p50 "
        f"{result['p50'] * 1000:.0f} ms, p95 {result['p95'] * 1000:.0f} ms, p99 {result['p99'] * 1000:.0f} ms; "
        f"lost {result['lost']}, non-2xx {result['non_2xx'] or 0}, error records {result['error_records']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=2000, help="articles sent in all (default 2000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="server processes to try")
    parser.add_argument("--per-request", type=int, default=1, help="articles per request, as a list when > 1")
    args = parser.parse_args()
    documents = articles(args.corpus, args.limit)
    print(f"{platform.python_version()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{len(documents)} articles, {args.per_request} per request, {args.clients} clients")  # fmt: skip
    results = {}
    for workers in args.workers:
        results[workers] = measure(workers, documents, args.clients, args.per_request)
        print(report(results[workers]), flush=True)
    if 1 in results and 2 in results:
        print(f"2 processes / 1: {results[2]['requests_per_s'] / results[1]['requests_per_s']:.2f}x requests/s")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
