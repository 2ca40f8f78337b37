"""Rule ``relative_cue``: ``pesan berantai yang menyebutkan bahwa C`` — a speech verb in a relative
clause reports C with the noun the clause hangs on as its source.

Fact-checks and news describe what a post, a report or a person says this way ("unggahan yang
mengklaim C", "laporan yang menyebut C", "warga yang mengaku C"). The noun phrase before ``yang``
is the source; the clause after the cue, read as for ``X mengatakan C``, is the claim.

>>> from claimx.pipeline import load
>>> doc = load("blank")("Beredar pesan berantai yang menyebutkan bahwa vaksin itu mengandung cip.")
>>> [(doc.text[c.source_start:c.source_end], doc.text[c.content_start:c.content_end]) for c in doc._.claims]
[('pesan berantai', 'vaksin itu mengandung cip')]
"""

from spacy.tokens import Span

from ...grammar import has_predicate, is_quote, verb_shaped
from ..clauses import clause_end
from ..complement import complement_start
from ..cue_filters import word_before
from ..found import Found
from ..index import DocIndex

#: how many words the noun phrase before ``yang`` may take
_MAX_WORDS = 6


def relative_cue(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of an active speech verb after ``yang``, or ``None``."""
    entry = cue._.cue
    if entry.voice != "active" or entry.stance == "relay":
        return None
    sent = ix.sent(cue.start)
    that = word_before(ix, cue)
    if that <= sent.start or ix.doc[that].lower_ != "yang":
        return None
    source = _antecedent(ix, that, sent.start)
    start = complement_start(ix, cue, sent.end)
    if source is None or start is None:
        return None
    content = ix.clause_chars(start, clause_end(ix, start, sent.end))
    if content is None:
        return None
    return ix.mark(Found(content, ix.kind(content), "relative_cue", cue, source), cue, source)


def _antecedent(ix: DocIndex, that: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase before ``yang`` at ``that``: back to punctuation or a meN-/di- verb, without the
    predicate that introduces it ("Beredar pesan berantai" → "pesan berantai", "Ada laporan" → "laporan")."""
    doc = ix.doc
    start = that
    while start > floor and that - start < _MAX_WORDS:
        token = doc[start - 1]
        cue = ix.cue_at.get(start - 1)
        if token.is_punct or token.is_space or is_quote(token) or cue is not None and cue._.cue.voice != "noun":
            break
        if token.lower_.startswith(("me", "di")) and verb_shaped(token.text):
            break
        start -= 1
    while start < that and has_predicate(doc[start : start + 1]):
        start += 1
    return (start, that) if start < that else None
