"""Rules ``clause_cue_source`` and ``parenthetical_cue``: a bare cue after its clause (``C, kata X.``)
or inside it (``Jangan sampai, kata dia, C``).

A bare cue (voice ``base``: kata, ujar, tutur) that opens its sentence or follows a comma or dash
takes the noun phrase after it as the source. When a comma and more clause follow the source, that
clause is the claim (``parenthetical_cue``); otherwise the clause before the cue is
(``clause_cue_source``).

>>> from claimx.pipeline import load
>>> doc = load("blank")("Stok beras cukup hingga Lebaran, kata Budi Santoso.")
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi Santoso', 'clause_cue_source')]
"""

from spacy.tokens import Span

from ...grammar import np_before
from ..clauses import clause_ending, ends_clause, unclosed_quote
from ..cue_filters import is_verb_cue, word_before
from ..found import Found
from ..index import DocIndex
from ..subjects import source_after

_DASHES = ",—–-"


def opens_clause_late(ix: DocIndex, cue: Span) -> bool:
    """A bare verb cue at the start of its sentence or after a comma or dash ("…, kata X")."""
    if cue._.cue.voice != "base" or not is_verb_cue(ix, cue):
        return False
    before = word_before(ix, cue)
    return before < ix.sent(cue.start).start or ix.doc[before].text in _DASHES


def postposed_cue(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of a bare cue after its clause or inside it, or ``None`` without a source."""
    if not opens_clause_late(ix, cue):
        return None
    doc = ix.doc
    sent = ix.sent(cue.start)
    source = source_after(ix, cue.end, sent.end)
    if source is None:
        return None
    after = source[1]
    if after < sent.end and doc[after].text == "," and not ends_clause(ix, after, sent.end) and not ix.relayed(after):
        content = ix.clause_chars(after + 1, sent.end)
        if content is not None:
            return ix.mark(Found(content, ix.kind(content), "parenthetical_cue", cue, source), cue, source)
    opened = unclosed_quote(ix, cue)
    if opened is not None:  # '"Kami siap. Stok cukup, kata Budi': the scraper lost the closing mark
        content = ix.clause_chars(opened, word_before(ix, cue) + 1)
        if content is not None:
            return ix.mark(Found(content, "direct", "clause_cue_source", cue, source), cue, source)
    content = clause_ending(ix, sent.start, word_before(ix, cue))
    if content is None:
        return None
    return ix.mark(Found(content, ix.kind(content), "clause_cue_source", cue, source), cue, source)


def ends_its_sentence(ix: DocIndex, cue: Span) -> bool:
    """``C, X melaporkan.`` / ``C, kata X.``: a cue after a comma whose sentence ends with its source.

    These cues are read first, so that the clause before them is theirs and not the claim of a cue
    earlier in the sentence."""
    doc = ix.doc
    sent = ix.sent(cue.start)
    voice = cue._.cue.voice
    if voice in ("base", "phrase"):
        source = source_after(ix, cue.end, sent.end)
        return (
            source is not None
            and cue.start > sent.start
            and doc[cue.start - 1].text in _DASHES
            and ends_clause(ix, source[1], sent.end)
        )
    if voice != "active":
        return False
    np = np_before(doc, cue.start, sent.start)
    return (
        np is not None and np[0] > sent.start + 2 and doc[np[0] - 1].text == "," and ends_clause(ix, cue.end, sent.end)
    )
