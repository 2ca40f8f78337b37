"""Rules ``quote_cue_source`` and ``quote_source_cue``: a quote followed by its attribution.

``"Q," kata X`` / ``"Q," ujarnya`` / ``"Q," mengutip X`` (cue then source) and ``"Q," X menambahkan``
(source then cue), on the same line as the closing mark.

>>> from claimx.pipeline import load
>>> doc = load("blank")('"Stok beras cukup hingga Lebaran," kata Budi Santoso.')
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi Santoso', 'quote_cue_source')]
"""

from spacy.tokens import Span

from ...grammar import W, np_after
from ..found import Found
from ..index import DocIndex
from ..subjects import source_after


def after_quote(ix: DocIndex, span: Span, content: tuple[int, int], previous: Found | None) -> Found | None:
    """The claim of the quote ``span`` when an attribution follows it, else ``None``."""
    doc = ix.doc
    i = span.end
    limit = ix.sent_limit(i)
    if i < len(doc) and doc[i].text in ",—–-" and "\n" not in doc[i - 1].whitespace_:
        i += 1
    if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or doc[i].is_space:
        return None
    cue = ix.cue_starting(i, ("base", "active"))
    if cue is not None:
        source = source_after(ix, cue.end, limit)
        if source is None and cue._.cue.voice == "active":
            return None
        return ix.mark(Found(content, "direct", "quote_cue_source", cue, source), cue, source)
    np = np_after(doc, i, limit)
    if np is None:
        return None
    k = np[1]
    while k < limit and doc[k].lower_ in W["adverb"]:
        k += 1
    cue = ix.cue_starting(k, ("active", "base"))
    if cue is None:
        return None
    return ix.mark(Found(content, "direct", "quote_source_cue", cue, np), cue, np)
