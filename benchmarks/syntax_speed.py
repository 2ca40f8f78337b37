"""Speed of a syntax model (tagger + parser) on the sentences claimx_syntax would parse in bench articles.

    nice -n 10 .venv/bin/python benchmarks/syntax_speed.py [--limit 300] [--model PATH ...]

Runs the default pipeline up to ``claimx_cues`` over the first ``--limit`` bench articles, keeps the sentences
:func:`~claimx.components.syntax.target_sentences` selects, and times each model on Docs of those sentences'
words (the same input the component gives it). Prints the share of words in selected sentences and each
model's words/s on them (best of ``--repeat`` runs).
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path

import spacy
from spacy.tokens import Doc

from claimx.components.syntax import default_syntax_path, target_sentences
from claimx.pipeline import load

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news.jsonl"


def sentence_words(corpus: Path, limit: int) -> tuple[list[tuple[list[str], list[bool]]], int]:
    """Words and spaces of the selected sentences, and the number of tokens in all articles."""
    nlp = load()
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in islice(lines, limit)]
    stop = nlp.pipe_names.index("claimx_attribution")
    with nlp.select_pipes(disable=nlp.pipe_names[stop:]):
        docs = list(nlp.pipe(texts))
    sentences = [
        ([t.text for t in s], [bool(t.whitespace_) for t in s][:-1] + [False])
        for doc in docs
        for s in target_sentences(doc)
    ]
    return sentences, sum(len(doc) for doc in docs)


def words_per_second(model: Path, sentences: list[tuple[list[str], list[bool]]], repeat: int) -> float:
    """Best words/s of ``model`` over the sentences."""
    parser = spacy.load(model, exclude=["tokenizer"])
    words = sum(len(w) for w, _ in sentences)
    best = float("inf")
    for _ in range(repeat):
        docs = [Doc(parser.vocab, words=w, spaces=s) for w, s in sentences]
        started = time.perf_counter()
        for _doc in parser.pipe(docs, batch_size=64):
            pass
        best = min(best, time.perf_counter() - started)
    return words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, nargs="*", help="Model directories (default: the shipped one).")
    args = parser.parse_args()
    sentences, tokens = sentence_words(args.corpus, args.limit)
    words = sum(len(w) for w, _ in sentences)
    print(f"{args.limit} articles: {tokens} tokens, {len(sentences)} selected sentences holding {words} "
          f"({words / tokens:.0%})")  # fmt: skip
    for model in args.model or [default_syntax_path()]:
        print(f"{model}: {words_per_second(model, sentences, args.repeat):,.0f} words/s", flush=True)


if __name__ == "__main__":
    main()
