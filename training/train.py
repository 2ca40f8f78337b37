"""Retrain the shipped NER pipeline from scratch: convert, train, evaluate, ship.

    nice -n 10 .venv/bin/python training/train.py                 # the shipped model
    nice -n 10 .venv/bin/python training/train.py --train-on-dev  # variant: + dev splits, fixed --steps
    ... --no-ship                                                 # train and score only

Steps: ``training/convert.py`` (DocBins in ``training/corpus/``), ``spacy train`` with
``training/ner.cfg`` (seed 0, CPU) into ``training/output/ner/``, ``training/evaluate.py``
on the best model (scores in ``training/output/ner/scores.json``), then a copy of the best
model to ``models/claimx-id/`` with the scores in its ``meta.json``.

The shipped model trains on the corpora's train splits and keeps the step that scores best on
their dev splits. ``--train-on-dev`` adds the dev splits to the training data and trains a fixed
number of ``--steps`` instead (measured: same corpus test scores within 1 F1, lower on real news).
The test splits are never trained on.
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHIPPED = ROOT / "models" / "claimx-id"


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT)


def ship(best: Path, scores: dict) -> None:
    """Copy ``best`` to ``models/claimx-id`` and record name, version and scores in its meta."""
    if SHIPPED.exists():
        shutil.rmtree(SHIPPED)
    shutil.copytree(best, SHIPPED)
    meta_path = SHIPPED / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="claimx_id",
        version="0.1.0",
        description="claimx Indonesian NER (PER/ORG/LOC); see models/MODEL_CARD.md",
        license="MIT (model); trained on idner-news-2k (MIT), NERGrit (Apache-2.0), NER UI (CC BY 4.0), nlp-id news sentences (MIT) annotated for claimx",
        claimx_scores=scores,
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"shipped {best} → {SHIPPED}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=HERE / "ner.cfg")
    parser.add_argument("--output", type=Path, default=HERE / "output" / "ner")
    parser.add_argument("--no-ship", action="store_true", help="do not copy the model to models/")
    parser.add_argument("--train-on-dev", action="store_true", help="also train on the dev splits, --steps steps")
    parser.add_argument("--steps", type=int, default=4000, help="training steps with --train-on-dev")
    parser.add_argument(
        "--nlpid", type=Path, help="nlp-id's dataset_postag.txt: also train on training/data/nlpid_ner.jsonl"
    )
    args = parser.parse_args()
    python = sys.executable
    corpus = HERE / "corpus"
    train = [python, "-m", "spacy", "train", str(args.config), "--output", str(args.output)]
    train += ["--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    convert = [python, str(HERE / "convert.py"), "--out", str(corpus)]
    convert += ["--nlpid", str(args.nlpid)] if args.nlpid else []
    if args.train_on_dev:
        run(*convert, "--train-on-dev")
        train += ["--training.max_steps", str(args.steps), "--training.patience", "0"]
    else:
        run(*convert)
    run(*train)
    best = args.output / "model-best"
    scores_path = args.output / "scores.json"
    run(python, str(HERE / "evaluate.py"), str(best), "--out", str(scores_path))
    if not args.no_ship:
        ship(best, json.loads(scores_path.read_text(encoding="utf-8")))


if __name__ == "__main__":
    main()
