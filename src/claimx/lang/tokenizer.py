"""The claimx tokenizer: spaCy's Indonesian rules without its 15,600 hyphen exceptions.

Registered as ``claimx.Tokenizer.v1``, so a spaCy config can use it::

    [nlp.tokenizer]
    @tokenizers = "claimx.Tokenizer.v1"
"""

import re
from collections.abc import Callable

import numpy
from spacy.attrs import SENT_START
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .doctext import remember_text
from .glued import glue_points
from .punctuation import TOKEN_MATCH, TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS

try:  # Python 3.11+
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants
    import sre_parse

#: spaCy's suffix search rescans a whitespace-free run for every suffix it peels off, so a run of
#: n quote marks costs n² (40,000 "“" took 190 s). Runs longer than this are tokenized in pieces.
MAX_RUN = 256
#: Chunks (whitespace-free strings) whose tokenization the spaCy tokenizer remembers. spaCy's default of
#: 10,000 fills within a few hundred articles (1,000 news articles hold about 40,000 distinct chunks), and
#: every chunk past it goes through the prefix, suffix and infix regexes each time it occurs. The cache
#: only memoizes: tokens are the same with or without it. Within a memory zone spaCy adds nothing to it.
CACHE_SIZE = 100_000


def run_cuts(text: str, limit: int = MAX_RUN) -> list[int]:
    """Offsets that cut every whitespace-free run of ``text`` longer than ``limit`` into pieces of ``limit``.

    >>> run_cuts("ab " + "x" * 5 + " c", limit=2)
    [5, 7]
    """
    cuts = []
    for match in re.finditer(rf"\S{{{limit + 1},}}", text):
        cuts.extend(range(match.start() + limit, match.end(), limit))
    return cuts


def pieces_at(text: str, cuts: list[int]) -> list[str]:
    """``text`` cut at the sorted offsets ``cuts``; the pieces concatenate back to ``text``.

    >>> pieces_at("dilansirReuters.", [8])
    ['dilansir', 'Reuters.']
    """
    edges = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:], strict=False) if b > a]


def _unanchored_heads(pattern: re.Pattern[str]) -> list[str] | None:
    """For a pattern of alternatives that mostly start with ``^``: the literal text each other alternative
    starts with (``[]`` when all are anchored), or ``None`` when one starts with something else."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if tree and tree[0] == (sre_constants.AT, sre_constants.AT_BEGINNING):
        return []
    if len(tree) != 1 or tree[0][0] != sre_constants.BRANCH:
        return None
    heads = []
    for alternative in tree[0][1][1]:
        items = list(alternative)
        if items and items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING):
            continue
        literal = ""
        for op, value in items:
            if op != sre_constants.LITERAL:
                break
            literal += chr(value)
        if not literal:
            return None
        heads.append(literal)
    return heads


class PrefixSearch:
    """``pattern.search`` for spaCy's prefix regex (``^a|^b|...``), without its scan of every position.

    ``search`` tries each alternative at every offset of the string; an alternative that starts with ``^``
    can only match at offset 0, so ``match`` gives the same answer, unless an unanchored alternative
    matches further on (spaCy's ``<a([^>]+)>``): then ``search`` runs when its literal head occurs in the
    string. Same results, about five times faster. ``__self__.pattern`` is what spaCy serializes.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.regex = pattern
        self.pattern = pattern.pattern
        self.heads = _unanchored_heads(pattern)

    def search(self, string: str) -> re.Match[str] | None:
        if self.heads is None:
            return self.regex.search(string)
        found = self.regex.match(string)
        if found is None and any(head in string for head in self.heads):
            return self.regex.search(string)
        return found

    def __reduce__(self):
        return (PrefixSearch, (self.regex,))


class BoundedTokenizer:
    """A spaCy ``Tokenizer`` that splits scraper-glued words and stays linear on long whitespace-free runs.

    The text is cut where :func:`claimx.lang.glued.glue_points` finds a lost space ("dilansirReuters") and
    inside runs longer than :data:`MAX_RUN` characters (quote marks, base64); each piece is tokenized by
    the wrapped tokenizer and the pieces are joined back with exact offsets, no space between them.
    Everything else is the wrapped tokenizer's.
    """

    def __init__(self, inner: Tokenizer, split_glued: bool = True) -> None:
        self.inner = inner
        self.split_glued = split_glued

    def __call__(self, text: str) -> Doc:
        cuts = glue_points(text) if self.split_glued else []
        if len(text) > MAX_RUN and (long_runs := run_cuts(text)):
            cuts = sorted(set(cuts) | set(long_runs))
        if not cuts:
            return remember_text(self.inner(text), text)
        doc = Doc.from_docs([self.inner(piece) for piece in pieces_at(text, cuts)], ensure_whitespace=False)
        # from_docs marks each piece's first token as a sentence start; a tokenizer sets no sentences
        doc.from_array([SENT_START], numpy.zeros((len(doc), 1), dtype="uint64"))
        return remember_text(doc, text)

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
            prefix_search=PrefixSearch(compile_prefix_regex(TOKENIZER_PREFIXES)).search,
            suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
            infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
            token_match=re.compile(TOKEN_MATCH).match,
            url_match=URL_MATCH,
            max_cache_size=CACHE_SIZE,
        )
    )


@registry.tokenizers("claimx.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], BoundedTokenizer]:
    """Registered factory for :func:`make_tokenizer`."""
    return make_tokenizer
