"""In-domain NER training data: nlp-id's news sentences annotated by claimx's guideline.

``training/data/nlpid_ner.jsonl`` holds, per sentence, its index in nlp-id's
``nlp_id/data/dataset_postag.txt`` (MIT licence, © 2025 kumparan.com), the first 16 hex digits of the SHA-256
of its words joined by single spaces, and the entities as character offsets into that joined text: annotations by reference,
so the corpus text is read from the nlp-id wheel, never copied here. The sentences were annotated by
eight annotators in parallel with ``../shared/eval/GUIDELINE.md`` (entities) and the held-out set's
project-wide decisions (``eval/heldout/README.md``), each with a second pass.

:func:`load_sentences` gives ``(word, BIO tag)`` sentences for ``training/convert.py``; the clitic ``nya``
that nlp-id writes as its own word is glued back to the word before it.

    pip download nlp-id --no-deps -d /tmp/nlpid && unzip -o /tmp/nlpid/*.whl -d /tmp/nlpid/x
    .venv/bin/python training/convert.py --nlpid /tmp/nlpid/x/nlp_id/data/dataset_postag.txt
"""

import hashlib
import json
from pathlib import Path

ANNOTATIONS = Path(__file__).resolve().parent / "data" / "nlpid_ner.jsonl"
Sentence = list[tuple[str, str]]


def read_corpus(path: Path) -> list[list[str]]:
    """nlp-id's sentences as word lists (blank lines separate sentences, ``word<TAB>tag`` lines)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif len(parts) == 2:
            current.append(parts[0])
    if current:
        sentences.append(current)
    return sentences


def to_bio(words: list[str], ents: list[list]) -> Sentence:
    """BIO tags for ``words`` from character spans into ``" ".join(words)`` (spans snap to whole words)."""
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    tags = ["O"] * len(words)
    for start, end, label in ents:
        inside = [i for i, s in enumerate(starts) if s < end and start < s + len(words[i])]
        for k, i in enumerate(inside):
            tags[i] = f"{'B' if k == 0 else 'I'}-{label}"
    return list(zip(words, tags, strict=True))


def glue_clitics(sentence: Sentence) -> Sentence:
    """``anak nya`` → ``anaknya``: nlp-id writes the clitic as a word; news text does not."""
    out: Sentence = []
    for word, tag in sentence:
        if word.lower() == "nya" and out and tag == "O" and out[-1][0].isalpha():
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, tag))
    return out


def load_sentences(corpus: Path, annotations: Path = ANNOTATIONS) -> list[Sentence]:
    """The annotated sentences as ``(word, BIO tag)`` lists, hashes checked."""
    sentences = read_corpus(corpus)
    out = []
    for number, line in enumerate(annotations.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        words = sentences[record["sent"]]
        if not hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest().startswith(record["sha256"]):
            raise ValueError(f"{annotations}:{number}: sentence {record['sent']} of {corpus} has changed")
        out.append(glue_clitics(to_bio(words, record["ents"])))
    return out
