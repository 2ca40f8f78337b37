"""Convert UD Indonesian treebanks to spaCy DocBins for the tagger/parser (gold tokenization).

Docs are built from the treebanks' syntactic words (clitics such as ``nya`` are words of their own,
as in ``ujar`` + ``nya``), with UPOS as the tag, and heads and relations as annotated, so the scores
are comparable with UDPipe 2's gold-tokenization results. Reads ``../shared/corpora`` and writes
``training/ud/corpus/{train,dev,test-csui,test-gsd}.spacy`` (gitignored).

    .venv/bin/python training/ud/convert.py
"""

from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "training" / "ud" / "corpus"
SOURCES = {
    "train": CORPORA / "ud-indonesian-csui" / "id_csui-ud-train.conllu",  # CC BY-SA 4.0
    "dev": CORPORA / "ud-indonesian-gsd" / "id_gsd-ud-dev.conllu",  # CC BY-SA 4.0
    "test-csui": CORPORA / "ud-indonesian-csui" / "id_csui-ud-test.conllu",
    "test-gsd": CORPORA / "ud-indonesian-gsd" / "id_gsd-ud-test.conllu",
}


def read_conllu(path: Path) -> list[list[list[str]]]:
    """Sentences as lists of word rows (multiword-token ranges and empty nodes left out)."""
    sentences, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows:
                sentences.append(rows)
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    if rows:
        sentences.append(rows)
    return sentences


def to_doc(vocab, rows: list[list[str]]) -> Doc:
    """One sentence as a Doc of its words with UPOS tags, heads and relations."""
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    deps = [r[7] for r in rows]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[r[3] for r in rows],
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def main() -> None:
    nlp = spacy.blank("id")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, path in SOURCES.items():
        docs = [to_doc(nlp.vocab, rows) for rows in read_conllu(path)]
        DocBin(docs=docs).to_disk(OUT / f"{name}.spacy")
        print(f"{name}: {len(docs)} sentences, {sum(len(d) for d in docs)} words from {path.name}")


if __name__ == "__main__":
    main()
