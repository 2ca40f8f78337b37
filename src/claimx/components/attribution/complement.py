"""The reported clause after a cue (``X mengatakan (bahwa) C``), and the objects that are not one."""

from spacy.tokens import Span

from ..grammar import W, has_predicate, is_quote
from .clauses import clause_end
from .index import DocIndex

#: how far past the cue a ``bahwa`` may open the reported clause
_BAHWA_REACH = 25


def complement_start(ix: DocIndex, cue: Span, end: int) -> int | None:
    """Where the reported clause after a cue begins: past ``,``/``:``, a PP and ``bahwa``."""
    doc = ix.doc
    i = cue.end
    if i < end and doc[i].lower_ == "nya":
        i += 1
    that = _bahwa_after(ix, i, end)
    if that is not None:
        return that
    while i < end and doc[i].text in ",:":
        i += 1
    if i < end and doc[i].lower_ in W["adjunct"]:
        comma = next((j for j in range(i, min(end, i + 8)) if doc[j].text == ","), None)
        i = i if comma is None else comma + 1
    if i < end and doc[i].lower_ in W["topic"] | W["complementizer"]:
        i += 1
    if i >= end or doc[i].lower_ in W["directive"] | {"dengan"} or _directive(ix, cue, i, end):
        return None
    if _noun_object(ix, i, end) or is_quote(doc[i]) and _quote_covers(ix, i, end):
        return None
    marked = cue.end < end and doc[cue.end].text in ",:"
    if (
        cue.text.lower() in W["np_verb"]
        and not marked
        and not is_quote(doc[i])
        and not has_predicate(doc[i : clause_end(ix, i, end)])
    ):
        return None  # "memastikan ketersediaan stok beras": a noun phrase, no clause
    return i


def _bahwa_after(ix: DocIndex, i: int, end: int) -> int | None:
    """The token after a ``bahwa`` that opens the clause of the cue ending before ``i``, past a comma or an
    addressee ("kepada wartawan bahwa"); ``None`` when another cue or taken token comes first."""
    doc = ix.doc
    for j in range(i, min(end, i + _BAHWA_REACH)):
        if doc[j].lower_ == "bahwa":
            if (
                j == i
                or any(t.text == "," or t.lower_ == "kepada" for t in doc[i:j])
                or doc[i].lower_ in W["linker"]
                or doc[j - 2].lower_ == "dengan"
                and j - 1 in ix.cue_ending
            ):
                return j + 1
            return None
        if j > i and j in ix.cue_at and doc[j - 1].lower_ == "dengan":
            continue
        if j in ix.used or (j > i and j in ix.cue_at):
            return None
    return None


def _noun_object(ix: DocIndex, i: int, end: int) -> bool:
    """A noun-phrase object, not a reported clause: "dukungan terhadap X", "komitmennya untuk ...",
    "hal itu", "kejadian tersebut"."""
    words = [t for t in ix.doc[i:end] if not (t.is_punct or t.is_space)]
    if not words:
        return True
    if {words[0].lower_, words[0].lower_.removesuffix("nya")} & W["np_object"]:
        return True
    if len(words) > 1 and words[0].lower_ in W["restated"] and words[1].lower_ in W["demonstrative"]:
        return True
    return len(words) <= 3 and words[-1].lower_ in W["demonstrative"]


def _directive(ix: DocIndex, cue: Span, i: int, end: int) -> bool:
    """``mengingatkan pemerintah untuk ...``: a warning with an object and a directive, not a report."""
    return cue._.cue.stance == "warn" and any(t.lower_ in W["directive"] for t in ix.doc[i : min(end, i + 4)])


def _quote_covers(ix: DocIndex, i: int, end: int) -> bool:
    """Whether the quote opening at ``i`` runs to the end of the clause (then it is a direct claim)."""
    return any(span.start == i and span.end >= end - 1 for span, _ in ix.quotes)
