"""Rules ``source_cue_clause`` and ``elided_subject``: ``X mengatakan (bahwa) C``, ``Ia menambahkan, C``,
``Sony sebut, C``, ``Dan menambahkan bahwa C`` (and ``C, X melaporkan.``, rule ``clause_cue_source``).

The source is the subject before the cue (past adverbs, appositives and fronted adjuncts); with none
(an elided subject) it is the subject of the cue's own sentence or, failing that, the source of the
claim before (:func:`inherit_subject`). The claim is the clause after the cue (past ``bahwa``, an
addressee, a colon) or, when the cue ends its sentence, the clause before its subject.

>>> from claimx.pipeline import load
>>> doc = load("blank")("Budi Santoso mengatakan bahwa stok beras cukup hingga Lebaran.")
>>> [(doc.text[c.source_start:c.source_end], doc.text[c.content_start:c.content_end]) for c in doc._.claims]
[('Budi Santoso', 'stok beras cukup hingga Lebaran')]
"""

from spacy.tokens import Span

from ...grammar import PRONOUNS, W, is_capitalised
from ..clauses import clause_end, clause_ending, ends_clause
from ..complement import complement_start
from ..cue_filters import is_verb_cue, word_before
from ..found import Found
from ..index import DocIndex
from ..subjects import sentence_subject, subject_before
from .postposed import opens_clause_late


def preposed_cue(ix: DocIndex, cue: Span) -> Found | None:
    """The claim of a verb cue after its subject, or ``None``."""
    if not is_verb_cue(ix, cue) or opens_clause_late(ix, cue):
        return None
    if cue._.cue.voice == "base" and not _bare_cue_after_subject(ix, cue):
        return None
    doc = ix.doc
    sent = ix.sent(cue.start)
    source = subject_before(ix, cue, sent.start)
    rule = "source_cue_clause"
    if source is None:
        rule = "elided_subject"
        source = sentence_subject(ix, sent.start, cue.start)
    elif cue._.cue.stance == "evidence" and not any(t.lower_ in W["data"] for t in doc[source[0] : source[1]]):
        return None  # "menunjukkan" reports only for data ("Hasil survei menunjukkan")
    ends = ends_clause(ix, cue.end, sent.end) and not (cue.end < sent.end and doc[cue.end].text in ",:")
    start = None if ends else complement_start(ix, cue, sent.end)
    content = ix.clause_chars(start, clause_end(ix, start, sent.end)) if start is not None else None
    if content is None:
        postposed = source is not None and source[0] > sent.start and doc[source[0] - 1].text == ","
        if postposed and ends:
            content = clause_ending(ix, sent.start, source[0] - 1)
            rule = "clause_cue_source"
        if content is None:
            return None
    if source is not None and start is not None and source[0] <= start < source[1]:
        return None
    found = Found(content, ix.kind(content), rule, cue, source)
    return ix.mark(found, cue, source) if source else found


def _bare_cue_after_subject(ix: DocIndex, cue: Span) -> bool:
    """``Sony sebut, C``: a bare cue after a name or pronoun, followed by a comma, colon or complementiser."""
    doc = ix.doc
    before = doc[word_before(ix, cue)]
    subject = is_capitalised(before) or before.lower_ in PRONOUNS
    return subject and cue.end < len(doc) and (doc[cue.end].text in ",:" or doc[cue.end].lower_ in W["complementizer"])


def inherit_subject(ix: DocIndex, found: list[Found]) -> list[Found]:
    """An elided subject ("Dan menambahkan bahwa ...") with no subject earlier in its own sentence takes
    the source of the claim before it."""
    for n, claim in enumerate(found):
        if claim.rule == "elided_subject" and claim.source is None and n and found[n - 1].source is not None:
            claim.source = found[n - 1].source
    return found
