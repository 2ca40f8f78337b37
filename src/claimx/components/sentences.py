"""``claimx_sentences``: sentence starts for pipelines without a parser or senter.

A sentence starts after a line break, and after ``.``, ``!``, ``?`` or ``...`` (plus any
closing quote marks or brackets) when the next word is capitalised, a digit or an opening
quote. A pipeline that already sets sentence starts is left untouched.
"""

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_TERMINAL = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
_CLOSING = frozenset({'"', "”", "’", ")", "]"})


@Language.factory("claimx_sentences")
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter()


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'(["


class SentenceSplitter:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START") or not len(doc):
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if "\n" in token.whitespace_ or ("\n" in token.text and token.is_space):
                starts[i + 1] = True
            elif token.text in _TERMINAL or (token.text.endswith(".") and len(token.text) > 1 and token.is_punct):
                j = i + 1
                while j < len(doc) and doc[j].text in _CLOSING and not doc[j - 1].whitespace_:
                    j += 1
                glued_lower = not token.whitespace_ and j == i + 1 and nxt.is_alpha and nxt.text[0].islower()
                if j < len(doc) and not glued_lower and (_starts_sentence(doc[j].text) or doc[j].is_space):
                    starts[j] = True
        # One array write: setting token.is_sent_start per token rescans the document each time.
        values = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc
