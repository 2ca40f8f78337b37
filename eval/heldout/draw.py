"""Draw the blind held-out sample from ``../shared/bench/news.jsonl``.

A seeded random sample, stratified by outlet: every outlet gets at least ``--min-per-outlet``
articles and the rest are shared in proportion to the outlet's size. Only articles of 150-900
words qualify, and any article that shares a paragraph with the dev or seed set is left out.
Prints one id per line with its outlet and word count; nothing of the text is written.

    python eval/heldout/draw.py --seed 20261203 --total 50
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MIN_WORDS, MAX_WORDS = 150, 900
MIN_PARAGRAPH_CHARS = 40  # shorter lines ("Baca juga:", datelines) are shared by chance
#: ``--frame reported``: an article qualifies only if it has a quote mark and a common reporting word
REPORTED = re.compile(r"[“\"]"), re.compile(r"\b(kata|ujar|ungkap|tutur|jelas|mengatakan|menurut|menjelaskan)", re.I)


def paragraphs(text: str) -> set[str]:
    """Whitespace-normalised paragraphs long enough to identify an article.

    >>> sorted(paragraphs("Baca juga:\\nIni   paragraf yang cukup panjang untuk dikenali, sungguh."))
    ['Ini paragraf yang cukup panjang untuk dikenali, sungguh.']
    """
    paras = (re.sub(r"\s+", " ", p).strip() for p in text.split("\n"))
    return {p for p in paras if len(p) >= MIN_PARAGRAPH_CHARS}


def allocate(sizes: dict[str, int], total: int, minimum: int) -> dict[str, int]:
    """Articles per outlet: ``minimum`` each, the rest in proportion to size (largest remainder).

    >>> allocate({"a": 90, "b": 10}, 10, 2)
    {'a': 7, 'b': 3}
    """
    quota = {k: minimum for k in sizes}
    rest = total - minimum * len(sizes)
    whole = sum(sizes.values())
    shares = {k: rest * n / whole for k, n in sizes.items()}
    for k in sizes:
        quota[k] += int(shares[k])
    left = total - sum(quota.values())
    for k in sorted(sizes, key=lambda k: shares[k] - int(shares[k]), reverse=True)[:left]:
        quota[k] += 1
    return quota


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--total", type=int, default=50)
    parser.add_argument("--min-per-outlet", type=int, default=3)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="id lists of earlier samples")
    parser.add_argument("--frame", choices=["all", "reported"], default="all", help="which articles qualify")
    args = parser.parse_args()

    dev_paragraphs: set[str] = set()
    for name in ("dev.jsonl", "seed.gold.jsonl"):
        for line in (SHARED / "eval" / name).open(encoding="utf-8"):
            dev_paragraphs |= paragraphs(json.loads(line)["text"])
    excluded = {line.split()[0] for path in args.exclude for line in path.open() if line.strip()}

    by_outlet: dict[str, list[tuple[str, int]]] = defaultdict(list)
    sizes: dict[str, int] = defaultdict(int)
    for line in (SHARED / "bench" / "news.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        sizes[doc["outlet"]] += 1
        words = len(doc["text"].split())
        if not MIN_WORDS <= words <= MAX_WORDS or doc["id"] in excluded:
            continue
        if paragraphs(doc["text"]) & dev_paragraphs:
            continue
        if args.frame == "reported" and not all(p.search(doc["text"]) for p in REPORTED):
            continue
        by_outlet[doc["outlet"]].append((doc["id"], words))

    rng = random.Random(args.seed)
    present = {outlet: n for outlet, n in sorted(sizes.items()) if by_outlet[outlet]}  # outlets with articles left
    quota = allocate(present, args.total, args.min_per_outlet)
    for outlet in sorted(quota):
        pool = sorted(by_outlet[outlet])
        if len(pool) < quota[outlet]:
            raise SystemExit(f"{outlet}: {len(pool)} qualifying articles, {quota[outlet]} wanted")
        for doc_id, words in rng.sample(pool, quota[outlet]):
            print(doc_id, outlet, words, sep="\t")


if __name__ == "__main__":
    main()
