"""Rule ``according``: ``Menurut X, C`` / ``C, menurut X`` / ``Bagi X, C`` / ``C, seperti dilaporkan X``.

A phrase cue (``lang/data/cues.tsv``, voice ``phrase``) takes the noun phrase after it as the source;
the claim is the rest of the sentence after the source or, when the source ends the sentence, the
clause before the cue.

>>> from claimx.pipeline import load
>>> doc = load("blank")("Menurut Budi Santoso, harga beras akan turun bulan depan.")
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi Santoso', 'according')]
"""

from spacy.tokens import Span

from ...grammar import is_source_phrase, minimal_mention
from ..clauses import clause_ending, ends_clause
from ..cue_filters import word_before
from ..found import Found
from ..index import DocIndex
from ..subjects import source_after


def according(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of a phrase cue, or ``None`` when the cue is not a phrase or has no source or clause."""
    if cue._.cue.voice != "phrase":
        return None
    sent = ix.sent(cue.start)
    if cue._.cue.lemma == "bagi" and cue.start != ix.next_word(sent.start):
        return None  # "bagi" attributes only when it opens the sentence ("Bagi Budi, ...")
    source = source_after(ix, cue.end, sent.end)
    if source is None or not is_source_phrase(ix.doc, *minimal_mention(ix.doc, *source)):
        return None  # "Seperti diberitakan sebelumnya, C": the outlet's own earlier report
    after = source[1]
    content = None if ends_clause(ix, after, sent.end) else ix.clause_chars(after, sent.end)
    if content is None:
        content = clause_ending(ix, sent.start, word_before(ix, cue))
    if content is None:
        return None
    return ix.mark(Found(content, ix.kind(content), "according", cue, source), cue, source)
