"""Cues that report no speech here: negated, in boilerplate, lodging a complaint, inside a relative clause."""

from spacy.tokens import Span

from ..grammar import W, skip_left
from .index import DocIndex


def reports_speech(ix: DocIndex, cue: Span) -> bool:
    """Whether a cue outside quotes may open a claim: not negated, not boilerplate, not a complaint filed."""
    return not (negated(ix, cue) or ix.in_blocked(cue.start_char) or filing(ix, cue))


def negated(ix: DocIndex, cue: Span) -> bool:
    """``belum mengonfirmasi``, ``tak mau melaporkan``; a phrase cue ("Belum lagi menurut X") is never negated."""
    if cue._.cue.voice == "phrase":
        return False
    k = skip_left(ix.doc, cue.start - 1, ix.sent(cue.start).start, ("adverb", "modal"))
    return k >= 0 and ix.doc[k].lower_ in W["negation"]


def filing(ix: DocIndex, cue: Span) -> bool:
    """``melaporkan X ke polisi``, ``dilaporkan ke polisi``: lodging a complaint, not reporting speech."""
    after = ix.doc[cue.end : min(len(ix.doc), cue.end + 4)]
    return cue._.cue.lemma in W["filing"] and any(t.lower_ == "ke" for t in after)


def word_before(ix: DocIndex, cue: Span) -> int:
    """The index of the word before the cue in its sentence, past adverbs (below the sentence start if none)."""
    return skip_left(ix.doc, cue.start - 1, ix.sent(cue.start).start)


def is_verb_cue(ix: DocIndex, cue: Span) -> bool:
    """A speech verb that heads its clause: active or bare voice, not a relay (``mengutip``), not in a
    relative clause (``yang mengatakan``)."""
    entry = cue._.cue
    if entry.voice not in ("active", "base") or entry.stance == "relay":
        return False
    before = word_before(ix, cue)
    return not (before >= ix.sent(cue.start).start and ix.doc[before].lower_ == "yang")
