"""Rules ``source_cue_quote`` and ``source_colon_quote``: an attribution followed by its quote.

``X mengatakan, "Q"`` / ``X mengatakan: "Q"`` (the subject of the cue) and ``X: "Q"`` /
``Berikut pernyataannya: "Q"`` (a capitalised phrase before a colon; with a reporting noun, its ``nya``).

>>> from claimx.pipeline import load
>>> doc = load("blank")('Budi Santoso mengatakan, "Stok beras cukup hingga Lebaran."')
>>> [(doc.text[c.source_start:c.source_end], c.rule) for c in doc._.claims]
[('Budi Santoso', 'source_cue_quote')]
"""

from spacy.tokens import Span

from ...grammar import is_capitalised, np_before
from ..cue_filters import negated
from ..found import Found
from ..index import DocIndex
from ..subjects import subject_before


def before_quote(ix: DocIndex, span: Span, content: tuple[int, int], previous: Found | None) -> Found | None:
    """The claim of the quote ``span`` when an attribution ends right before it, else ``None``."""
    doc = ix.doc
    k = span.start - 1
    while k > 0 and doc[k].is_space and doc[k - 1].text == ":":
        k -= 1  # "X mengatakan:" at the end of the line before the quote
    if k < 0 or doc[k].is_space or "\n" in doc[k].whitespace_ and doc[k].text != ":":
        return None
    floor = ix.sent(k).start
    colon = doc[k].text == ":"
    if doc[k].text in ",:":
        k -= 1
    cue = ix.cue_ending.get(k)
    if cue is not None and cue._.cue.voice in ("active", "base") and not negated(ix, cue):
        source = subject_before(ix, cue, floor)
        return ix.mark(Found(content, "direct", "source_cue_quote", cue, source), cue, source)
    if colon and k >= floor:
        return _colon_quote(ix, k + 1, floor, content)
    return None


def _colon_quote(ix: DocIndex, colon: int, floor: int, content: tuple[int, int]) -> Found | None:
    """``X: "Q"``: the capitalised phrase before the colon, or the ``nya`` of a reporting noun in it."""
    doc = ix.doc
    np = np_before(doc, colon, floor)
    if np is None or not is_capitalised(doc[np[0]]):
        return None
    noun = next((c for c in ix.cues if np[0] <= c.start < np[1] and c._.cue.voice == "noun"), None)
    if noun is None:
        return ix.mark(Found(content, "direct", "source_colon_quote", None, np), None, np)
    last = doc[np[1] - 1]
    found = Found(content, "direct", "source_colon_quote", noun, None)
    if last.lower_ == "nya":
        return ix.mark(found, noun, (last.i, last.i + 1))
    if last.lower_.endswith("nya") and len(last) > 3:
        found.clitic = (last.idx + len(last) - 3, last.idx + len(last))
    return ix.mark(found, noun, None)
