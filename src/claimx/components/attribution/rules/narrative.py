"""Rule ``narrative``: the hoax text a fact-check quotes after ``narasi:`` (detection in
:mod:`claimx.components.narrative`); its source is the ``nya`` of ``narasinya`` or the phrase naming
the post (``Unggahan``, ``akun X``)."""

from ...grammar import np_after
from ...narrative import Narrative, narratives, post_phrase_head
from ..found import Found
from ..index import DocIndex


def narrative_claims(ix: DocIndex) -> list[Found]:
    """One direct claim per narrative text that no quote rule took."""
    found = []
    for narrative in narratives(ix.doc, ix.cues):
        if not ix.overlaps(narrative.content) and narrative.cue.start not in ix.used:
            found.append(_claim(ix, narrative))
            ix.taken.append(narrative.content)
    return found


def _claim(ix: DocIndex, narrative: Narrative) -> Found:
    cue = narrative.cue
    found = Found(narrative.content, "direct", "narrative", cue, None)
    if narrative.clitic is not None:
        return ix.mark(found, cue, (narrative.clitic, narrative.clitic + 1))
    if narrative.glued_clitic is not None:
        found.clitic = (narrative.glued_clitic, narrative.glued_clitic + 3)
        return ix.mark(found, cue, None)
    head = post_phrase_head(ix.doc, ix.sent(cue.start).start, cue.start)
    source = np_after(ix.doc, head, cue.start) if head is not None else None
    return ix.mark(found, cue, source)
