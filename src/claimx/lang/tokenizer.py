"""The claimx tokenizer: spaCy's Indonesian rules without its 15,600 hyphen exceptions.

Registered as ``claimx.Tokenizer.v1``, so a spaCy config can use it::

    [nlp.tokenizer]
    @tokenizers = "claimx.Tokenizer.v1"
"""

import re
from collections.abc import Callable

from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .punctuation import TOKEN_MATCH, TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS

#: spaCy's suffix search rescans a whitespace-free run for every suffix it peels off, so a run of
#: n quote marks costs n² (40,000 "“" took 190 s). Runs longer than this are tokenized in pieces.
MAX_RUN = 256
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


def run_pieces(text: str, limit: int = MAX_RUN) -> list[str]:
    """``text`` cut so that no piece holds more than ``limit`` characters of one whitespace-free run.

    The pieces concatenate back to ``text``; only runs longer than ``limit`` are cut.

    >>> run_pieces("ab " + "x" * 5 + " c", limit=2)
    ['ab xx', 'xx', 'x c']
    """
    cuts = [0]
    for match in re.finditer(rf"\S{{{limit + 1},}}", text):
        cuts.extend(range(match.start() + limit, match.end(), limit))
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


class BoundedTokenizer:
    """A spaCy ``Tokenizer`` whose cost stays linear on long whitespace-free runs (quote marks, glued
    scraper text, base64): such a run is tokenized in pieces of :data:`MAX_RUN` characters and the
    pieces joined back, with exact offsets. Everything else is the wrapped tokenizer's."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        if len(text) <= MAX_RUN or not _LONG_RUN.search(text):
            return self.inner(text)
        docs = [self.inner(piece) for piece in run_pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "inner":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


def make_tokenizer(nlp: Language) -> BoundedTokenizer:
    """Build the claimx tokenizer on ``nlp.vocab``.

    >>> import spacy
    >>> nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "claimx.Tokenizer.v1"}}})
    >>> [t.text for t in nlp('"Jet-jet itu tiba Senin (28/4)," ujarnya.')]
    ['"', 'Jet-jet', 'itu', 'tiba', 'Senin', '(', '28/4', ')', ',', '"', 'ujar', 'nya', '.']
    """
    return BoundedTokenizer(
        Tokenizer(
            nlp.vocab,
            rules=TOKENIZER_EXCEPTIONS,
            prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
            suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
            infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
            token_match=re.compile(TOKEN_MATCH).match,
            url_match=URL_MATCH,
        )
    )


@registry.tokenizers("claimx.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], BoundedTokenizer]:
    """Registered factory for :func:`make_tokenizer`."""
    return make_tokenizer
