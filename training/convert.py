"""Convert the shared NER corpora to spaCy DocBin files under ``training/corpus/``.

Reads ``../shared/corpora`` (relative to the repository root) and writes:

* ``train.spacy``: idner-news-2k train + NERGrit train + NER UI fold-1 train, plus augmented copies;
* ``dev.spacy``: idner-news-2k dev + NERGrit valid + NER UI fold-1 dev (model selection;
  with ``--train-on-dev`` they are added to the training data too, and training runs a fixed
  number of steps);
* ``test-idner.spacy``, ``test-nergrit.spacy``, ``test-nerui.spacy``: the reported test sets
  (NER UI fold-1 test without the sentences that also occur in its train).

Labels: PERSON→PER, ORGANISATION/ORGANIZATION→ORG, PLACE/LOCATION→LOC.

Tokenization: the corpora are pre-tokenized. Each sentence is detokenized into natural
text (no space before ``, . : ; ! ? ) %``, none after ``(``, quote marks attached to the
words they enclose) and re-tokenized with ``claimx.Tokenizer.v1``; entity character
offsets are carried over and aligned to the new tokens (``alignment_mode="expand"``),
so training sees the same tokens as inference (e.g. ``ujarnya`` → ``ujar`` + ``nya``).

In train and dev, PER spans lose leading titles (``Presiden``, ``Gus``, ...) exactly as
the ``claimx_entities`` component strips them at inference, following the annotation
guideline of ``../shared/eval/GUIDELINE.md``; the test sets keep their own annotation.

Augmentation (train only, fixed seed): quote marks around a share of the idner-news-2k
sentences (its quotes were stripped), and upper-/lower-cased copies of a few sentences.
"""

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from nlpid import load_sentences
from spacy.tokens import Doc, DocBin

from claimx.lang.titles import title_length
from claimx.pipeline import blank

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "training" / "corpus"

LABELS = {"PERSON": "PER", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "PLACE": "LOC", "LOCATION": "LOC"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s"}
NO_SPACE_AFTER = {"(", "["}
QUOTES = {'"', "“", "”", "''", "``"}

Sentence = list[tuple[str, str]]


def read_bio(path: Path) -> list[Sentence]:
    """Sentences of ``(word, BIO tag)`` from a file with the word first and the tag last."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        tag = parts[-1]
        if tag != "O":
            prefix, label = tag.split("-", 1)
            tag = f"{prefix}-{LABELS.get(label, label)}"
        current.append((parts[0], tag))
    if current:
        sentences.append(current)
    return sentences


def detokenize(sentence: Sentence) -> tuple[str, list[tuple[int, int, str]]]:
    """Natural text of a sentence and its entities as character spans."""
    text, spans, open_quote = "", [], False
    glue_next = True
    for word, tag in sentence:
        is_quote = word in QUOTES
        if is_quote:
            word = '"'
            glue, glue_after = open_quote, not open_quote  # "opening sticks to the next, closing to the last"
            open_quote = not open_quote
        else:
            glue = word in NO_SPACE_BEFORE
            glue_after = word in NO_SPACE_AFTER
        if text and not (glue or glue_next):
            text += " "
        start = len(text)
        text += word
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][2] != tag[2:])):
            spans.append((start, len(text), tag[2:]))
        elif tag.startswith("I-"):
            spans[-1] = (spans[-1][0], len(text), spans[-1][2])
        glue_next = glue_after
    return text, spans


def make_doc(nlp, text: str, spans: list[tuple[int, int, str]], stats: Counter, strip_titles: bool) -> Doc:
    """Tokenize ``text`` with the claimx tokenizer and set the entities (titles stripped if asked)."""
    doc = nlp.make_doc(text)
    ents = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            stats["misaligned"] += 1
        if label == "PER" and strip_titles:
            cut = title_length(span)
            if cut:
                stats["titles_stripped"] += 1
                span = doc[span.start + cut : span.end]
                span.label_ = label
        if len(span) and not any(span.start < e.end and e.start < span.end for e in ents):
            ents.append(span)
    doc.ents = ents
    stats["entities"] += len(ents)
    return doc


def quoted(sentence: Sentence, rng: random.Random) -> Sentence:
    """The sentence wrapped in quote marks, as a direct quotation in news would be."""
    body = sentence[:-1] if sentence[-1][0] in {".", "!", "?"} else sentence
    end = [(",", "O")] if rng.random() < 0.5 else [sentence[-1]] if body is not sentence else []
    return [('"', "O")] + body + end + [('"', "O")]


def recased(sentence: Sentence, upper: bool) -> Sentence:
    return [(word.upper() if upper else word.lower(), tag) for word, tag in sentence]


def augment(sentences: list[Sentence], rng: random.Random, quote_share: float, case_share: float) -> list[Sentence]:
    extra = [quoted(s, rng) for s in sentences if len(s) > 3 and rng.random() < quote_share]
    extra += [recased(s, rng.random() < 0.5) for s in sentences if rng.random() < case_share]
    return extra


def _key(sentence: Sentence) -> str:
    return re.sub(r"\W", "", "".join(word for word, _ in sentence)).lower()


def load_splits(fold: str = "01") -> dict[str, dict[str, list[Sentence]]]:
    """All splits of the three corpora, keyed by corpus then split."""
    nerui = CORPORA / "indolem-nerui"
    splits = {
        "idner": {s: read_bio(CORPORA / "idner-news-2k" / f"{s}.txt") for s in ("train", "dev", "test")},
        "nergrit": {
            s: read_bio(CORPORA / "indonlu-nergrit" / f"{f}_preprocess.txt")
            for s, f in (("train", "train"), ("dev", "valid"), ("test", "test"))
        },
        "nerui": {s: read_bio(nerui / f"{s}.{fold}.tsv") for s in ("train", "dev", "test")},
    }
    seen = {_key(s) for corpus in splits.values() for s in corpus["train"]}
    for corpus in splits.values():
        corpus["test"] = [s for s in corpus["test"] if _key(s) not in seen]
    return splits


def main(
    out: Path, seed: int, quote_share: float, case_share: float, train_on_dev: bool, nlpid: Path | None = None
) -> None:
    rng = random.Random(seed)
    nlp = blank()
    splits = load_splits()
    out.mkdir(parents=True, exist_ok=True)
    parts = ("train", "dev") if train_on_dev else ("train",)
    idner_train = [s for part in parts for s in splits["idner"][part]]
    train = [s for corpus in splits.values() for part in parts for s in corpus[part]]
    train += augment(idner_train, rng, quote_share, 0.0) + augment(train, rng, 0.0, case_share)
    dev = [s for corpus in splits.values() for s in corpus["dev"]]
    if nlpid is not None:  # in-domain sentences annotated by our guideline: 9 in 10 train, 1 in 10 dev
        news = load_sentences(nlpid)
        train += [s for n, s in enumerate(news) if n % 10] + augment(
            [s for n, s in enumerate(news) if n % 10], rng, 0.2, 0.0
        )
        dev += [s for n, s in enumerate(news) if not n % 10]
    outputs = {"train": train, "dev": dev}
    outputs.update({f"test-{name}": corpus["test"] for name, corpus in splits.items()})
    for name, sentences in outputs.items():
        stats: Counter = Counter()
        docs = [make_doc(nlp, *detokenize(s), stats, not name.startswith("test")) for s in sentences]
        DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}.spacy")
        print(f"{name}: {len(docs)} sentences, {dict(stats)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: training/corpus)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quote-share", type=float, default=0.3, help="share of idner sentences copied with quotes")
    parser.add_argument("--case-share", type=float, default=0.05, help="share of sentences copied upper/lower-cased")
    parser.add_argument("--train-on-dev", action="store_true", help="also train on the dev splits (final model)")
    parser.add_argument("--nlpid", type=Path, help="nlp-id's dataset_postag.txt: add training/data/nlpid_ner.jsonl")
    args = parser.parse_args()
    main(args.out, args.seed, args.quote_share, args.case_share, args.train_on_dev, args.nlpid)
