"""Rule ``split_quote``: ``"A," kata X, "B"`` — a quote reopened right after an attribution is X's too.

>>> from claimx.pipeline import load
>>> doc = load("blank")('"Stok beras cukup," kata Budi, "dan harga akan turun bulan depan."')
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi', 'quote_cue_source'), ('Budi', 'split_quote')]
"""

from spacy.tokens import Span

from ..found import Found
from ..index import DocIndex


def split_quote(ix: DocIndex, span: Span, content: tuple[int, int], previous: Found | None) -> Found | None:
    """The second half of a split quote, with the cue and source of the first half, else ``None``."""
    if previous is None or previous.cue is None or previous.rule != "quote_cue_source":
        return None
    end = max(previous.cue.end, previous.source[1] if previous.source else 0)
    between = ix.doc[end : span.start]
    if len(between) <= 1 and all(t.text == "," for t in between):
        return Found(content, "direct", "split_quote", previous.cue, previous.source)
    return None
