"""Where a reported clause starts and ends around a cue, read from tokens, quotes and cues."""

from spacy.tokens import Span

from ..grammar import W, np_before
from .index import DocIndex


def ends_clause(ix: DocIndex, i: int, end: int) -> bool:
    """Whether only punctuation or a trailing adjunct follows ``i`` ("kata X pada Maret.")."""
    doc = ix.doc
    rest = [t for t in doc[i:end] if not (t.is_punct or t.is_space)]
    if rest and rest[0].lower_ in ("seperti", "sebagaimana") and len(rest) > 1 and rest[1].lower_ in W["trailer"]:
        rest = rest[1:]
    if not rest:
        return True
    return (
        rest[0].lower_ in W["adjunct"] | W["trailer"] | W["time"]
        and not any(t.i in ix.cue_at for t in rest)
        and not any(t.text == "," for t in doc[rest[0].i : end - 1])
    )


def clause_ending(ix: DocIndex, floor: int, end: int) -> tuple[int, int] | None:
    """Character range of the clause that ends at token ``end`` (see :func:`clause_start`)."""
    return ix.clause_chars(clause_start(ix, floor, end), end)


def clause_start(ix: DocIndex, floor: int, end: int) -> int:
    """Start of the clause that ends at ``end``: past a closed quote, a short fronted connective
    ("Sementara itu,") or a fronted subordinate clause ("Meski ..., X dilaporkan P")."""
    doc = ix.doc
    start = floor
    for span, _ in ix.quotes:
        if floor <= span.start and span.end <= end:
            start = max(start, span.end)
    if start > floor:
        return start
    comma = next((j for j in range(floor, min(end, floor + 4)) if doc[j].text == ","), None)
    if comma is not None and all(t.lower_ in W["connective"] | W["adverb"] or t.is_title for t in doc[floor:comma]):
        return comma + 1
    if doc[floor].lower_ in W["subordinator"]:
        comma = next((j for j in range(floor, end) if doc[j].text == ","), None)
        if comma is not None:
            return comma + 1
    return start


def clause_end(ix: DocIndex, start: int, end: int) -> int:
    """End of the reported clause from ``start``: before ``, (meskipun) Y membantah`` when another
    speaker's clause follows in the same sentence, and before ``, dan menambahkan`` when the same
    speaker goes on with a second cue."""
    doc = ix.doc
    for j in range(start + 1, end):
        cue = ix.cue_at.get(j)
        if cue is None or cue._.cue.voice != "active":
            continue
        if j - 1 > start and doc[j - 1].lower_ in W["elision"]:  # "C, dan menambahkan bahwa D": C ends
            return j - 2 if doc[j - 2].text == "," else j - 1
        np = np_before(doc, j, start)
        if np is None:
            continue
        k = np[0] - 1
        while k > start and doc[k].lower_ in W["clause_link"]:
            k -= 1
        if k > start and doc[k].text == ",":
            return k
    return end


def unclosed_quote(ix: DocIndex, cue: Span) -> int | None:
    """The token after a quote mark that opens in the cue's paragraph and is not closed before the cue.

    >>> from claimx.pipeline import load
    >>> doc = load("blank")('Budi hadir. "Kami siap. Stok cukup, kata Budi.')
    >>> [(c.kind, doc.text[c.content_start:c.content_end]) for c in doc._.claims]
    [('direct', 'Kami siap. Stok cukup')]
    """
    line_start = ix.text.rfind("\n", 0, cue.start_char) + 1
    piece = ix.text[line_start : cue.start_char]
    if piece.count('"') % 2:
        mark = piece.rfind('"')
    elif piece.count("“") > piece.count("”"):
        mark = piece.rfind("“")
    else:
        return None
    first = ix.token_at(line_start + mark + 1)
    return first if first is not None and first < cue.start else None
