"""Score a trained NER pipeline: corpus test sets (exact spans, spaCy scorer) and real news.

For each ``training/corpus/test-*.spacy`` it reports the model alone and the model plus the
claimx rule stages (``claimx.load``); on ``../shared/eval/dev.jsonl`` it reports the full
pipeline with the metric of ``../shared/eval/score.py``. Writes JSON to ``--out``.

    .venv/bin/python training/evaluate.py models/claimx-id --out training/output/scores.json
"""

import argparse
import json
import time
from pathlib import Path

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

import claimx
from claimx.batch import extract_documents
from claimx.evaluate import load_records, score

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "training" / "corpus"
DEV_NEWS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
BENCH = ROOT.parent / "shared" / "bench" / "news.jsonl"


def corpus_f1(nlp: Language, path: Path) -> dict:
    """Entity P/R/F1 (per cent) of ``nlp`` on one DocBin, predicting from the raw text."""
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    predicted = nlp.pipe(doc.text for doc in gold)
    examples = [Example(pred, ref) for pred, ref in zip(predicted, gold, strict=True)]
    scores = Scorer.score_spans(examples, "ents")
    result = {key: round(100 * scores[f"ents_{key}"], 2) for key in ("p", "r", "f")}
    result["per_type"] = {label: round(100 * s["f"], 2) for label, s in scores["ents_per_type"].items()}
    return result


def news_f1(nlp: Language) -> dict:
    """Entity scores on the real-news dev set, as ``../shared/eval/score.py`` computes them."""
    gold = load_records(DEV_NEWS)
    pred = {record["id"]: record for record in extract_documents(nlp, gold.values())}
    return score(gold, pred)["entities"]


def words_per_second(nlp: Language, limit: int) -> float | None:
    """Throughput of the full pipeline over the first ``limit`` bench articles (if present)."""
    if not BENCH.is_file():
        return None
    with BENCH.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(limit), handle, strict=False)]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return round(sum(len(t.split()) for t in texts) / (time.perf_counter() - start))


def evaluate(model: Path, bench_docs: int = 500) -> dict:
    full = claimx.load(model)
    bare = claimx.load(model, rules=False)
    results: dict = {"model": str(model), "tests": {}}
    for path in sorted(CORPUS.glob("test-*.spacy")):
        name = path.stem.removeprefix("test-")
        results["tests"][name] = {"model": corpus_f1(bare, path), "pipeline": corpus_f1(full, path)}
    if DEV_NEWS.is_file():
        results["dev_news"] = news_f1(full)
    results["words_per_second"] = words_per_second(full, bench_docs)
    results["size_mb"] = round(sum(f.stat().st_size for f in model.rglob("*") if f.is_file()) / 1e6, 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--bench-docs", type=int, default=500)
    args = parser.parse_args()
    results = evaluate(args.model, args.bench_docs)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
