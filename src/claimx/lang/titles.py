"""Titles that stay outside PER spans (``data/titles.txt``, ``data/honorifics.txt``), on whole tokens."""

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from .tokenizer_exceptions import read_word_list


@lru_cache(maxsize=1)
def titles() -> frozenset[tuple[str, ...]]:
    """Every title and honorific as a tuple of lowercased words."""
    lines = read_word_list("titles.txt") + read_word_list("honorifics.txt")
    return frozenset(tuple(line.lower().split()) for line in lines)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Honorifics and ranks as written (``Gus``, ``Kompol``): a capitalised name follows them."""
    return frozenset(read_word_list("honorifics.txt"))


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(title) for title in titles())


def title_length(tokens: Span | Sequence[Token]) -> int:
    """How many leading tokens of ``tokens`` are titles; never all of them.

    >>> from claimx.pipeline import blank
    >>> doc = blank()("Wakil Presiden Gus Ipul")
    >>> title_length(doc[:])
    3
    >>> title_length(doc[:2])
    0
    """
    words = [t.lower_.rstrip(".") for t in tokens]
    cut = 0
    while True:
        for size in range(min(_longest(), len(words) - cut - 1), 0, -1):
            if tuple(words[cut : cut + size]) in titles():
                cut += size
                break
        else:
            return cut
