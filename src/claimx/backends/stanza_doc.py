"""A stanza ``Document`` as a spaCy ``Doc`` whose character offsets are exact against the text.

spaCy tokens are stanza's surface tokens. A multiword token whose words spell the surface
(``ujarnya`` = ``ujar`` + ``nya``, every Indonesian clitic split in UD) becomes one spaCy token per
word, each with its own lemma, POS, head and relation, as the claimx tokenizer splits it too. Any
other multiword token stays one token carrying the annotation of its head word (the word whose
head lies outside the token). Text between tokens becomes trailing spaces or ``SPACE`` tokens, so
``doc.text`` is always the original text.
"""

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

_RUN = re.compile(r"\s+|\S+")


@dataclass
class _Token:
    text: str
    space: bool = False
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    morph: str = ""
    dep: str = "dep"
    head: tuple[int, int] | None = None  # (sentence, word id) of the head word; None: attach to a neighbour
    sent_start: bool = False


def _annotated(text: str, word: Any, sentence: int) -> _Token:
    head = (sentence, word.head) if word.head else (sentence, word.id)
    return _Token(
        text=text,
        lemma=word.lemma or text,
        pos=word.upos or "",
        tag=word.xpos or "",
        morph="" if word.feats in (None, "_") else word.feats,
        dep="ROOT" if word.deprel == "root" or not word.head else word.deprel or "dep",
        head=head,
    )


def _spells(surface: str, words: list[Any]) -> bool:
    """Whether the words' forms concatenate to ``surface`` (ignoring case)."""
    joined = "".join(w.text for w in words)
    return len(joined) == len(surface) and joined.lower() == surface.lower()


def _head_word(words: list[Any]) -> Any:
    ids = {w.id for w in words}
    return next((w for w in words if w.head not in ids), words[0])


class _Builder:
    """Accumulates tokens left to right and maps stanza words to token indices."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.tokens: list[_Token] = []
        self.index: dict[tuple[int, int], int] = {}

    def gap(self, end: int) -> None:
        """Add the text between the cursor and ``end`` as trailing space or gap tokens."""
        if end < self.cursor:
            raise ValueError(f"stanza returned overlapping tokens at character {end}")
        for match in _RUN.finditer(self.text, self.cursor, end):
            run = match.group()
            if run[0] == " " and self.tokens and not self.tokens[-1].space and run.isspace():
                self.tokens[-1].space = True
                run = run[1:]
            if run:
                self.tokens.append(_Token(run, lemma=run, pos="SPACE" if run.isspace() else "X"))
        self.cursor = end

    def token(self, token: Any, sentence: int, first: bool) -> None:
        """Add one stanza token (split into its words when they spell it)."""
        start, end = token.start_char, token.end_char
        self.gap(start)
        surface = self.text[start:end]
        words = list(token.words)
        begin = len(self.tokens)
        if len(words) > 1 and _spells(surface, words):
            offset = 0
            for word in words:
                self.index[(sentence, word.id)] = len(self.tokens)
                self.tokens.append(_annotated(surface[offset : offset + len(word.text)], word, sentence))
                offset += len(word.text)
        else:
            for word in words:
                self.index[(sentence, word.id)] = len(self.tokens)
            self.tokens.append(_annotated(surface, _head_word(words), sentence))
        self.tokens[begin].sent_start = first
        self.cursor = end

    def heads(self) -> list[int]:
        """Absolute head indices; gap tokens attach to the previous token (the next one at the start)."""
        heads = []
        for i, tok in enumerate(self.tokens):
            if tok.head is not None:
                heads.append(self.index[tok.head])
            else:
                heads.append(i - 1 if i else min(1, len(self.tokens) - 1))
        return heads


def to_doc(vocab: Vocab, text: str, document: Any) -> Doc:
    """The spaCy ``Doc`` of ``text`` analysed by stanza as ``document``."""
    builder = _Builder(text)
    for s, sentence in enumerate(document.sentences):
        for t, token in enumerate(sentence.tokens):
            builder.token(token, s, first=t == 0)
    builder.gap(len(text))
    tokens = builder.tokens
    if tokens:
        tokens[0].sent_start = True
    doc = Doc(
        vocab,
        words=[t.text for t in tokens],
        spaces=[t.space for t in tokens],
        lemmas=[t.lemma for t in tokens],
        pos=[t.pos for t in tokens],
        tags=[t.tag for t in tokens],
        morphs=[t.morph for t in tokens],
        deps=[t.dep for t in tokens],
        heads=builder.heads(),
        sent_starts=[t.sent_start for t in tokens],
    )
    if doc.text != text:
        raise ValueError("stanza's tokens do not cover the text")
    return doc
