"""Cost per token against document length, per pipeline component, and on pathological shapes.

    .venv/bin/python benchmarks/scaling.py [--max-repeat 32] [--shapes] [--no-article]

(1) One real article (the first bench article of 550-700 words) repeated 1, 2, 4, ... times: the time
per token of every component and of the whole pipeline, and its ratio to the 1x figure. Linear cost
keeps every ratio near 1 (the target is <= 1.5 at 32x).
(2) Texts that feeds and scrapers produce, each at 5,000 and 40,000 characters: the time per
character at the long size over the short one (<= 1.5 is linear) and the peak memory growth.
The tokenizer is timed as ``make_doc``; each component on the Doc the previous one produced.
"""

import argparse
import json
import resource
import time
from pathlib import Path

import claimx

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news.jsonl"
SHAPES = {
    "curly quote marks": "“",
    "ascii quote marks": '"',
    "kata Budi. repeated": "kata Budi. ",
    "comma repeated": ", ",
    "one name repeated": "Budi Santoso ",
    "pronouns and -nya": "katanya ia dia mereka ",
    "no punctuation": "harga beras naik lagi di pasar ",
    "quoted speech": "“Kami siap bekerja,” kata Menteri Budi. Ia menambahkan, harga naik. ",
    "glued case joints": "aB",
}


def article(min_words: int = 550, max_words: int = 700) -> str:
    """The first bench article of the given length."""
    with BENCH.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            if min_words <= len(text.split()) <= max_words:
                return text
    raise SystemExit(f"{BENCH}: no article of {min_words}-{max_words} words")


def timed_components(nlp, text: str) -> dict[str, float]:
    """Seconds per component (``tokenizer`` first) and ``total`` for one text."""
    times = {}
    start = time.perf_counter()
    doc = nlp.make_doc(text)
    times["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        t = time.perf_counter()
        doc = component(doc)
        times[name] = time.perf_counter() - t
    times["total"] = time.perf_counter() - start
    times["tokens"] = len(doc)
    return times


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_article(nlp, max_repeat: int) -> None:
    base = article()
    timed_components(nlp, base)  # warm up
    repeats = [2**k for k in range(max_repeat.bit_length()) if 2**k <= max_repeat]
    rows = {r: timed_components(nlp, "\n\n".join([base] * r)) for r in repeats}
    names = [n for n in rows[1] if n != "tokens"]
    print(f"(1) one article repeated: per-token time relative to 1x ({rows[1]['tokens']} tokens at 1x)")
    print(f"{'component':22s}" + "".join(f"{str(r) + 'x':>9s}" for r in repeats) + "   µs/token at 1x")
    for name in names:
        per = [rows[r][name] / rows[r]["tokens"] for r in repeats]
        cells = "".join(f"{p / per[0]:9.2f}" if per[0] else f"{'-':>9s}" for p in per)
        print(f"{name:22s}{cells}   {1e6 * per[0]:8.1f}")


def scale_shapes(nlp, short: int, long: int) -> None:
    print(f"\n(2) pathological shapes: time per character at {long:,} over {short:,} characters")
    print(f"{'shape':24s}{'short s':>9s}{'long s':>9s}{'ratio':>8s}{'peak MB':>9s}")
    for name, unit in SHAPES.items():
        seconds = []
        for size in (short, long):
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            claimx.extract(text, id=name, nlp=nlp)
            seconds.append(time.perf_counter() - start)
        ratio = (seconds[1] / long) / (seconds[0] / short) if seconds[0] else float("nan")
        print(f"{name:24s}{seconds[0]:9.3f}{seconds[1]:9.3f}{ratio:8.2f}{peak_mb():9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-repeat", type=int, default=32)
    parser.add_argument("--short", type=int, default=5000)
    parser.add_argument("--long", type=int, default=40000)
    parser.add_argument("--no-article", action="store_true")
    parser.add_argument("--no-shapes", action="store_true")
    args = parser.parse_args()
    nlp = claimx.load()
    if not args.no_article:
        scale_article(nlp, args.max_repeat)
    if not args.no_shapes:
        scale_shapes(nlp, args.short, args.long)


if __name__ == "__main__":
    main()
