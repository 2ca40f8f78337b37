"""``via``: a reported claim whose content opens with ``Y menyebut, C`` relays Y.

The content becomes C and Y the claim's ``via`` (a relay after the source, ``tulis KCNA, mengutip
Komisi``, is read when the claim is taken: :meth:`DocIndex.chain`).

>>> from claimx.pipeline import load
>>> doc = load("blank")("Menurut Reuters, pejabat setempat menyebut, sepuluh warga terluka dalam kejadian itu.")
>>> [(doc.text[c.source_start:c.source_end], c.via, doc.text[c.content_start:c.content_end]) for c in doc._.claims]
[('Reuters', 'pejabat setempat', 'sepuluh warga terluka dalam kejadian itu')]
"""

from ...grammar import W, np_before
from ..complement import complement_start
from ..found import Found
from ..index import DocIndex

#: how many tokens the relayed subject may take before its cue
_MAX_SUBJECT = 8


def relays(ix: DocIndex, found: list[Found]) -> list[Found]:
    """``found`` with the relayed subject of each indirect claim moved to ``via``."""
    for claim in found:
        if claim.kind != "direct" and claim.via is None:
            _relay(ix, claim)
    return found


def _relay(ix: DocIndex, claim: Found) -> None:
    doc = ix.doc
    for cue in ix.cues:
        if not (claim.content[0] < cue.start_char < claim.content[1]) or cue._.cue.voice != "active":
            continue
        first = ix.token_at(claim.content[0])
        if first is None or cue.start - first > _MAX_SUBJECT or cue.start <= first:
            return
        subject = np_before(doc, cue.start, first)
        if subject is None or subject[0] != first or any(t.lower_ in W["linker"] for t in doc[first : cue.start]):
            return
        end = ix.sent(cue.start).end
        start = complement_start(ix, cue, end)
        inner = ix.clause_chars(start, end) if start is not None else None
        if inner is not None and inner[1] <= claim.content[1] + 1:
            claim.via = subject
            claim.content = (inner[0], min(inner[1], claim.content[1]))
        return
