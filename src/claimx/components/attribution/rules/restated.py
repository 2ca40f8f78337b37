"""Rule ``restated``: ``C. Hal itu disampaikan X.`` — C is X's claim when no other rule took it.

A restating passive with no claim to take ("Hal senada disampaikan ekonom X.") still introduces X
as a speaker (``DocIndex.introduced``), so that a following ``ujarnya`` or ``ia`` can refer to X.

>>> from claimx.pipeline import load
>>> doc = load("blank")("Stok beras aman sampai akhir tahun. Hal itu disampaikan Kepala Bulog Budi Santoso.")
>>> [(doc.text[c.content_start:c.content_end], c.rule) for c in doc._.claims]
[('Stok beras aman sampai akhir tahun', 'restated')]
"""

from spacy.tokens import Span

from ...grammar import W, is_capitalised, is_source_phrase, minimal_mention
from ..clauses import clause_ending
from ..found import Found
from ..index import DocIndex
from ..subjects import agent_after


def restates(ix: DocIndex, start: int) -> bool:
    """Whether the sentence opens with an anaphoric subject such as "Hal itu" or "Pengumuman ini"."""
    doc = ix.doc
    i = ix.next_word(start)
    return i + 1 < len(doc) and doc[i].lower_ in W["restated"] and doc[i + 1].lower_ in W["demonstrative"]


def restated(ix: DocIndex, cue: Span, sent: Span) -> Found | None:
    """The sentence before ``sent`` as the claim of the passive's agent, unless a rule took it already."""
    n = ix.sent_of[sent.start]
    if n == 0:
        return None
    previous = ix.sents[n - 1]
    content = clause_ending(ix, previous.start, previous.end)
    source = agent_after(ix, cue, sent.end)
    if content is None or source is None or ix.overlaps(content):
        introduce(ix, cue, sent.end)
        return None
    return ix.mark(Found(content, ix.kind(content), "restated", cue, source), cue, source)


def introduce(ix: DocIndex, cue: Span, end: int) -> None:
    """Keep the named agent of a restating passive that makes no claim as a speaker mention."""
    agent = agent_after(ix, cue, end)
    if agent is None or not any(is_capitalised(t) for t in ix.doc[agent[0] : agent[1]]):
        return
    mention = minimal_mention(ix.doc, *agent)
    if is_source_phrase(ix.doc, *mention):
        ix.introduced.append(mention)
