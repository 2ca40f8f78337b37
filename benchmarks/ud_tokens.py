"""Token boundaries on the UD Indonesian test sets: claimx's tokenizer against spaCy's blank ``id`` one.

    .venv/bin/python benchmarks/ud_tokens.py

Each sentence's ``# text`` is tokenized and the tokens' character spans are matched with the gold
ones, as the CoNLL 2018 scorer does. Gold spans are the syntactic words where a multiword token is
their plain concatenation (``ujarnya`` = ``ujar`` + ``nya``, split by the treebanks and by claimx),
else the surface token. Prints precision, recall and F1 per treebank and overall, for spaCy's blank
``id`` tokenizer, claimx's without the glued-word splitter, and claimx's as shipped.
"""

from pathlib import Path

import spacy

from claimx.lang.tokenizer import BoundedTokenizer
from claimx.pipeline import blank

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
TESTS = {
    "GSD": CORPORA / "ud-indonesian-gsd" / "id_gsd-ud-test.conllu",
    "CSUI": CORPORA / "ud-indonesian-csui" / "id_csui-ud-test.conllu",
    "PUD": CORPORA / "ud-indonesian-pud" / "id_pud-ud-test.conllu",
}


def sentences(path: Path, words_of_tokens: bool = True):
    """``(text, gold spans)`` for every sentence of a CoNLL-U file."""
    text, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and rows:
            yield text, gold_spans(text, rows, words_of_tokens)
            text, rows = None, []


def gold_spans(text: str, rows: list[list[str]], words_of_tokens: bool = True) -> set[tuple[int, int]]:
    spans, at, skip_until = set(), 0, 0
    words = {row[0]: row[1] for row in rows if row[0].isdigit()}
    for row in rows:
        ident, form = row[0], row[1]
        if "." in ident or (ident.isdigit() and int(ident) <= skip_until):
            continue
        start = text.find(form, at)
        if start < 0:
            continue
        if "-" in ident:
            first, last = (int(n) for n in ident.split("-"))
            skip_until = last
            parts = [words[str(n)] for n in range(first, last + 1)]
            if words_of_tokens and "".join(parts) == form:
                for part in parts:
                    spans.add((start, start + len(part)))
                    start += len(part)
            else:
                spans.add((start, start + len(form)))
            at = start if words_of_tokens and "".join(parts) == form else start + len(form)
            continue
        spans.add((start, start + len(form)))
        at = start + len(form)
    return spans


def score(tokenize, path: Path, words_of_tokens: bool) -> tuple[int, int, int]:
    tp = n_pred = n_gold = 0
    for text, gold in sentences(path, words_of_tokens):
        pred = {(t.idx, t.idx + len(t.text)) for t in tokenize(text) if not t.is_space}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    return tp, n_pred, n_gold


def main() -> None:
    claimx_tokenizer = blank().tokenizer
    plain = BoundedTokenizer(claimx_tokenizer.inner, split_glued=False)
    tokenizers = {
        "spaCy blank id": spacy.blank("id").tokenizer,
        "claimx, no splitter": plain,
        "claimx": claimx_tokenizer,
    }
    for words_of_tokens, title in (
        (False, "surface tokens (CoNLL 2018 Tokens)"),
        (True, "words where a token is their concatenation"),
    ):
        print(f"gold = {title}")
        print(f"{'tokenizer':22s}" + "".join(f"{n:>10s}" for n in TESTS) + f"{'all P':>9s}{'all R':>9s}{'all F1':>9s}")
        for name, tokenize in tokenizers.items():
            totals, cells = [0, 0, 0], []
            for path in TESTS.values():
                tp, n_pred, n_gold = score(tokenize, path, words_of_tokens)
                totals = [a + b for a, b in zip(totals, (tp, n_pred, n_gold), strict=True)]
                cells.append(f"{200 * tp / (n_pred + n_gold):10.2f}")
            tp, n_pred, n_gold = totals
            p, r = 100 * tp / n_pred, 100 * tp / n_gold
            print(f"{name:22s}" + "".join(cells) + f"{p:9.2f}{r:9.2f}{2 * p * r / (p + r):9.2f}")


if __name__ == "__main__":
    main()
