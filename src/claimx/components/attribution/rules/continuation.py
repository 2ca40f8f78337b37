"""Rule ``continuation``: a quoted paragraph with no cue of its own continues a speaker.

A paragraph left open (the next paragraph reopens the quote) belongs to the quote it runs into; any
other uncued quoted paragraph takes the speaker of the claim before it.

>>> from claimx.pipeline import load
>>> doc = load("blank")('"Stok beras cukup hingga Lebaran," kata Budi.\\n"Harga juga akan turun bulan depan."')
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi', 'quote_cue_source'), ('Budi', 'continuation')]
"""

from ...quotes import QuoteMarks
from ..found import Found
from ..index import DocIndex

#: a shorter uncued quote is a term or a title, not a paragraph of speech
MIN_QUOTE_WORDS = 4


def continuations(ix: DocIndex, found: list[Found]) -> list[Found]:
    """``found`` with a claim added for each uncued quoted paragraph that continues a speaker."""
    by_start = {f.content[0]: f for f in found}
    out = list(found)
    for n in range(len(ix.quotes) - 1, -1, -1):
        span, marks = ix.quotes[n]
        content = marks.content(ix.text)
        if content[0] in by_start or span.label_ == "single" or not _opens_paragraph(ix, marks, content):
            continue
        following = ix.quotes[n + 1][1].content(ix.text)[0] if n + 1 < len(ix.quotes) else None
        if span.label_ == "open" and following in by_start and by_start[following].source is not None:
            speaker = by_start[following]
        else:
            before = [f for f in out if f.content[1] <= content[0] and f.source is not None]
            if not before:
                continue
            speaker = max(before, key=lambda f: f.content[1])
        claim = Found(content, "direct", "continuation", None, speaker.source)
        by_start[content[0]] = claim
        out.append(claim)
    return sorted(out, key=lambda f: f.content[0])


def _opens_paragraph(ix: DocIndex, marks: QuoteMarks, content: tuple[int, int]) -> bool:
    """A quote that opens its paragraph (or follows a full stop), is long enough and is not boilerplate."""
    if ix.in_blocked(marks.open_at) or len(ix.text[content[0] : content[1]].split()) < MIN_QUOTE_WORDS:
        return False
    line_start = ix.text.rfind("\n", 0, marks.open_at) + 1
    before = ix.text[line_start : marks.open_at].rstrip()
    return not before or before.endswith((".", "!", "?"))
