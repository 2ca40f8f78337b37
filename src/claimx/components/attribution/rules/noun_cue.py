"""Rule ``noun_cue``: ``pernyataan X kepada Y bahwa C`` — a reporting noun with a ``bahwa`` clause.

The source is the noun phrase between the noun and ``bahwa`` or, when there is none, the subject
that opens the clause holding the noun (``Budi dalam pernyataannya bahwa ...``).

>>> from claimx.pipeline import load
>>> doc = load("blank")("Ia mengulang pernyataan Menteri Budi bahwa stok beras aman hingga Lebaran.")
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi', 'noun_cue')]
"""

from spacy.tokens import Span

from ...grammar import W, first_np
from ..clauses import clause_start
from ..found import Found
from ..index import DocIndex
from ..subjects import source_after

#: how far after the noun its ``bahwa`` may come
_BAHWA_REACH = 15


def noun_cue(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of a reporting noun, or ``None`` without a ``bahwa`` clause after it."""
    if cue._.cue.voice != "noun":
        return None
    doc = ix.doc
    sent = ix.sent(cue.start)
    that = next((j for j in range(cue.end, min(sent.end, cue.end + _BAHWA_REACH)) if doc[j].lower_ == "bahwa"), None)
    if that is None or doc[cue.end].lower_ in W["demonstrative"]:
        return None
    if any(j in ix.cue_at and ix.cue_at[j]._.cue.voice == "active" for j in range(cue.end, that)):
        return None  # "Laporan Reuters menyebutkan bahwa C": the noun is the subject of a verb cue
    source = source_after(ix, cue.end, that)
    if source is None:
        source = first_np(doc, clause_start(ix, sent.start, cue.start), cue.start)
    content = ix.clause_chars(that + 1, sent.end)
    if content is None:
        return None
    found = Found(content, ix.kind(content), "noun_cue", cue, source)
    return ix.mark(found, cue, source) if source else found
