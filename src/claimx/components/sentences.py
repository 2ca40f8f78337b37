"""``claimx_sentences``: sentence starts for pipelines without a parser or senter.

A sentence starts after a line break, and after ``.``, ``!``, ``?`` or ``...`` (plus any
closing quote marks or brackets) when the next word is capitalised, a digit or an opening
quote. A pipeline that already sets sentence starts is left untouched.
"""

import numpy
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
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
        # One read of the token arrays instead of a Token object per look: the words, their trailing space
        # (``whitespace_`` is " " or "", never a line break) and the lexeme flags.
        arrays = doc.to_array([ORTH, SPACY, IS_SPACE, IS_PUNCT, IS_ALPHA]).tolist()
        strings = doc.vocab.strings
        words = [strings[row[0]] for row in arrays]
        n = len(words)
        starts = [False] * n
        starts[0] = True
        for i in range(n - 1):
            text = words[i]
            if "\n" in text and arrays[i][2]:
                starts[i + 1] = True
            elif text in _TERMINAL or (text.endswith(".") and len(text) > 1 and arrays[i][3]):
                j = i + 1
                while j < n and words[j] in _CLOSING and not arrays[j - 1][1]:
                    j += 1
                nxt = words[i + 1]
                glued_lower = not arrays[i][1] and j == i + 1 and arrays[i + 1][4] and nxt[0].islower()
                if j < n and not glued_lower and (_starts_sentence(words[j]) or arrays[j][2]):
                    starts[j] = True
        # One array write: setting token.is_sent_start per token rescans the document each time.
        values = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc
