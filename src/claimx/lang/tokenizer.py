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
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .punctuation import TOKEN_MATCH, TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


def make_tokenizer(nlp: Language) -> Tokenizer:
    """Build the claimx tokenizer on ``nlp.vocab``.

    >>> import spacy
    >>> nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "claimx.Tokenizer.v1"}}})
    >>> [t.text for t in nlp('"Jet-jet itu tiba Senin (28/4)," ujarnya.')]
    ['"', 'Jet-jet', 'itu', 'tiba', 'Senin', '(', '28/4', ')', ',', '"', 'ujar', 'nya', '.']
    """
    return Tokenizer(
        nlp.vocab,
        rules=TOKENIZER_EXCEPTIONS,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
        suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
        token_match=re.compile(TOKEN_MATCH).match,
        url_match=URL_MATCH,
    )


@registry.tokenizers("claimx.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered factory for :func:`make_tokenizer`."""
    return make_tokenizer
