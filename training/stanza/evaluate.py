"""End-to-end UD scores of a claimx backend: raw text in, CoNLL-U out, CoNLL 2018 metrics.

Each treebank's sentence texts are joined into one raw text (space-separated, as running
news text), analysed by ``claimx.load(..., rules=False)`` and scored with stanza's copy of the
CoNLL 2018 shared-task evaluation, so tokenization and sentence errors count too.

    python training/stanza/evaluate.py --backend stanza --stanza-dir DIR GOLD.conllu...
    python training/stanza/evaluate.py --backend spacy --model models/claimx-id GOLD.conllu...
"""

import argparse
import io
from pathlib import Path

from spacy.tokens import Doc
from stanza.models.common.utils import ud_scores

import claimx

METRICS = ("Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS")


def raw_text(gold: Path) -> str:
    """The treebank's sentences, in order, as one running text."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    return " ".join(line.split("=", 1)[1].strip() for line in lines if line.startswith("# text ="))


def to_conllu(doc: Doc) -> str:
    """The analysis of ``doc`` as CoNLL-U, one spaCy token a word, whitespace tokens left out."""
    out = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        ids = {t.i: n for n, t in enumerate(tokens, 1)}
        for n, t in enumerate(tokens, 1):
            head = 0 if t.head.i == t.i or t.head.i not in ids else ids[t.head.i]
            deprel = "root" if head == 0 else (t.dep_ or "dep")
            fields = [str(n), t.text, t.lemma_ or "_", t.pos_ or "X", t.tag_ or "_", str(t.morph) or "_"]
            out.append("\t".join([*fields, str(head), deprel, "_", "_"]))
        if tokens:
            out.append("")
    return "\n".join(out) + "\n"


def score(nlp, gold: Path) -> dict[str, float]:
    """F1 (%) of each metric in ``METRICS`` for ``nlp`` on the raw text of ``gold``."""
    system = to_conllu(nlp(raw_text(gold)))
    with gold.open(encoding="utf-8") as gold_file:
        result = ud_scores(gold_file, io.StringIO(system))
    return {metric: 100 * result[metric].f1 for metric in METRICS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, nargs="+", help="Gold CoNLL-U files.")
    parser.add_argument("--backend", choices=("spacy", "stanza"), default="stanza")
    parser.add_argument("--stanza-dir", type=Path)
    parser.add_argument("--model", help="spaCy pipeline directory (default: the shipped model).")
    args = parser.parse_args()
    nlp = claimx.load(args.model, rules=False, backend=args.backend, stanza_dir=args.stanza_dir)
    nlp.max_length = 10_000_000
    print("| treebank | " + " | ".join(METRICS) + " |")
    print("|---" * (len(METRICS) + 1) + "|")
    for gold in args.gold:
        scores = score(nlp, gold)
        print(f"| {gold.name} | " + " | ".join(f"{scores[m]:.2f}" for m in METRICS) + " |")


if __name__ == "__main__":
    main()
