"""Rule ``passive``: ``X dilaporkan P`` (no source), ``X dikatakan Y P`` (agent Y), ``dinyatakan bahwa C``.

In a sentence that restates the one before ("Hal itu disampaikan X", "Pengumuman ini ..., dengan
dinyatakan bahwa C") the speaker is the previous one (``extra["source_implicit"]``); a bare
restatement is the ``restated`` rule (:mod:`.restated`).

>>> from claimx.pipeline import load
>>> doc = load("blank")("Harga minyak dilaporkan naik tajam pekan ini.")
>>> [(doc.text[c.content_start:c.content_end], c.source_start, c.rule) for c in doc._.claims]
[('Harga minyak dilaporkan naik tajam pekan ini', None, 'passive')]
"""

from spacy.tokens import Span

from ...grammar import W, is_capitalised
from ..clauses import clause_end, clause_start
from ..found import Found
from ..index import DocIndex
from ..subjects import agent_after
from .restated import introduce, restated, restates


def passive(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of a passive cue, or ``None`` (a naming verb, a cue of the next clause, no content)."""
    if cue._.cue.voice != "passive":
        return None
    doc = ix.doc
    sent = ix.sent(cue.start)
    if cue.start - 1 >= sent.start and doc[cue.start - 1].lower_ in W["naming"]:
        return None  # "yang disebut", "biasa disebut": naming, not reporting
    nxt = cue.end
    if nxt in ix.cue_at and ix.cue_at[nxt]._.cue.voice == "active":
        return None
    start = clause_start(ix, sent.start, cue.start)
    restating = restates(ix, sent.start)
    source = None
    if nxt < sent.end and doc[nxt].lower_ == "bahwa":
        content = ix.clause_chars(nxt + 1, clause_end(ix, nxt + 1, sent.end))
    elif restating:
        return restated(ix, cue, sent)
    elif start >= cue.start or cue._.cue.stance == "restate":
        if cue._.cue.stance == "restate":
            introduce(ix, cue, sent.end)
        return None
    else:
        content = ix.clause_chars(start, clause_end(ix, cue.end, sent.end))
        agent = agent_after(ix, cue, sent.end)
        source = agent if agent and is_capitalised(doc[agent[0]]) and agent[1] < sent.end - 2 else None
    if content is None:
        return None
    found = Found(content, ix.kind(content), "passive", cue, None)
    if restating:
        found.extra["source_implicit"] = "previous"
    return ix.mark(found, cue, source) if source else found
