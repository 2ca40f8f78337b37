"""``claimx_quotes``: pairs quote marks into ``doc.spans["quotes"]``.

Each span runs from the opening mark to the closing mark inclusive. Straight and curly
marks are paired by their context (a mark after a space opens, before a space closes, a
mark glued on both sides flips the current state). A quote left open at the end of a
paragraph that the next paragraph reopens is a continuation paragraph: it ends at its
paragraph's end and is labelled ``open``. Other unclosed quotes may run on into later
paragraphs (multi-paragraph quotes) but never further than ``max_chars``; curly quotes may nest
inside a curly quote (“... “istilah” ...”); a stray mark in
mid-paragraph is dropped, so an unbalanced mark never swallows the article. Single marks
(‘ ’, and ' where it is not an apostrophe) are paired within a line, outside double quotes.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.doctext import doc_text
from ..lang.reporting import cue_lexicon

OPENERS = "“„"
CLOSERS = "”"
STRAIGHT = '"'
DOUBLE = OPENERS + CLOSERS + STRAIGHT
SINGLE = "‘’'"
_MARK = re.compile(r'["“”„]')
_SINGLE_MARK = re.compile(r"(?P<open>(?<![\w])['‘](?=\w))|(?<=[\w.,!?])['’](?![\w])")
_SINGLE_CHAR = re.compile(r"['‘’]")  # where _SINGLE_MARK can match: found without a lookbehind per character
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_OPEN_CONTEXT = " \t\n([{—–-:"


@dataclass(frozen=True)
class QuoteMarks:
    """A paired quote: the opening mark's offset and the closing mark's (or the paragraph end)."""

    open_at: int
    close_at: int
    closed: bool

    def content(self, text: str) -> tuple[int, int]:
        """Character offsets of the quoted text: no marks, no outer spaces, no comma before the close.

        >>> QuoteMarks(0, 5, True).content('"Ya, ",')
        (1, 3)
        """
        start, end = self.open_at + 1, self.close_at
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        return start, end


def _role(text: str, i: int, is_open: bool) -> str:
    """``open`` or ``close`` for the mark at ``i`` given whether a quote is open."""
    mark = text[i]
    if mark in OPENERS:
        return "open"
    if mark in CLOSERS:
        return "close"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _OPEN_CONTEXT and not after.isspace()
    closes = after.isspace() or after in ".,;:!?)]}—–-" or not after.isalnum() and before not in _OPEN_CONTEXT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if is_open else "open"


def _paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs (lines) end, in order, with ``len(text)`` last."""
    return [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]


def pair_quotes(text: str, max_chars: int = 2500) -> list[QuoteMarks]:
    """Pair the double quote marks of ``text``.

    >>> [(q.open_at, q.close_at, q.closed) for q in pair_quotes('"A," kata B, "C."')]
    [(0, 3, True), (13, 16, True)]
    >>> [(q.open_at, q.close_at, q.closed) for q in pair_quotes('"A.\\n"B," kata C.')]
    [(0, 3, False), (4, 7, True)]
    >>> pair_quotes('Kata "stray di sini.\\nLain.')
    []
    >>> [(q.open_at, q.close_at) for q in pair_quotes("“A “B” C.”")]
    [(0, 9)]
    """
    ends = _paragraph_ends(text)
    quotes: list[QuoteMarks] = []
    open_at: int | None = None
    p = 0  # index into ends of the paragraph holding the current position

    def para_end(pos: int) -> int:
        nonlocal p
        while ends[p] < pos:
            p += 1
        return ends[p]

    def para_start(pos: int) -> int:
        return text.rfind("\n", 0, pos) + 1

    def starts_paragraph(pos: int) -> bool:
        return not text[para_start(pos) : pos].strip()

    def close_unfinished(at: int) -> None:
        """End the open quote before ``at``: at its paragraph end if it began the paragraph (or before an
        attribution that ends the paragraph), else drop it."""
        if open_at is not None and starts_paragraph(open_at):
            end = _before_attribution(text, open_at, min(para_end(open_at), at))
            if end - open_at <= max_chars and text[open_at + 1 : end].strip():
                quotes.append(QuoteMarks(open_at, end, False))

    depth = 0  # curly quotes nested inside an open curly quote (“... “inner” ...”)
    for match in _MARK.finditer(text):
        i = match.start()
        role = _role(text, i, open_at is not None)
        if open_at is None:
            if role == "open":
                open_at, depth = i, 0
            continue
        curly = text[open_at] in OPENERS and text[i] in OPENERS + CLOSERS
        if curly and role == "open" and not starts_paragraph(i):
            depth += 1
            continue
        if curly and role == "close" and depth:
            depth -= 1
            continue
        crossed = "\n" in text[open_at:i]
        fits = i - open_at <= max_chars and (not crossed or starts_paragraph(open_at))
        if role == "close" and fits and (not crossed or not _reopens_between(text, open_at, i)):
            quotes.append(QuoteMarks(open_at, i, True))
            open_at = None
            continue
        close_unfinished(i)
        open_at = i if role == "open" else None
    if open_at is not None:
        close_unfinished(len(text))
    return quotes


@lru_cache(maxsize=1)
def _attribution_tail() -> re.Pattern[str]:
    """``, kata Budi.`` / ``, ujarnya.`` at the end of a paragraph: a bare cue after a comma, then a short
    source with no quote mark or comma."""
    forms = sorted((form for form, entry in cue_lexicon().items() if entry.voice == "base"), key=len, reverse=True)
    return re.compile(rf",\s*(?:{'|'.join(map(re.escape, forms))})(?:nya)?\b[^,\"“”\n]{{0,80}}$", re.IGNORECASE)


def _before_attribution(text: str, open_at: int, end: int) -> int:
    """Where an unclosed paragraph quote really ends: before ``, kata X.`` when its paragraph ends so
    (the scraper lost the closing mark), else at ``end``.

    >>> text = '"Kami siap. Stok cukup, kata Budi.'
    >>> text[: _before_attribution(text, 0, len(text))]
    '"Kami siap. Stok cukup'
    """
    match = _attribution_tail().search(text, open_at + 1, end)
    return match.start() if match else end


def _reopens_between(text: str, start: int, end: int) -> bool:
    """Whether a paragraph between ``start`` and ``end`` begins with an opening mark (a continuation)."""
    return bool(re.search(r'\n\s*["“„]', text[start:end]))


def pair_single_quotes(text: str, outside: list[QuoteMarks]) -> list[QuoteMarks]:
    """Pair single quote marks (‘ ’ and ' used as quotes, not apostrophes) within a line, outside
    the double quotes in ``outside``.

    >>> [(q.open_at, q.close_at) for q in pair_single_quotes("'Kami siap,' kata O'Brien.", [])]
    [(0, 11)]
    """
    inside = [(q.open_at, q.close_at) for q in outside]
    quotes, open_at = [], None
    for candidate in _SINGLE_CHAR.finditer(text):  # as _SINGLE_MARK.finditer(text): each match is one mark
        i = candidate.start()
        match = _SINGLE_MARK.match(text, i)
        if match is None:
            continue
        if any(s <= i <= e for s, e in inside):
            continue
        opening = match.group("open") is not None
        if open_at is not None and not opening and "\n" not in text[open_at:i]:
            quotes.append(QuoteMarks(open_at, i, True))
            open_at = None
        elif opening:
            open_at = i
    return quotes


@Language.factory("claimx_quotes", default_config={"max_chars": 2500})
def make_quotes(nlp: Language, name: str, max_chars: int) -> "QuoteFinder":
    return QuoteFinder(max_chars)


class QuoteFinder:
    """Sets ``doc.spans["quotes"]``: labels ``closed``, ``open`` (continuation paragraph) and ``single``."""

    def __init__(self, max_chars: int = 2500) -> None:
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        double = pair_quotes(text, self.max_chars)
        labelled = [(q, "closed" if q.closed else "open") for q in double]
        labelled += [(q, "single") for q in pair_single_quotes(text, double)]
        spans = []
        for quote, label in sorted(labelled, key=lambda item: item[0].open_at):
            end = quote.close_at + 1 if quote.closed else quote.close_at
            span = doc.char_span(quote.open_at, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["quotes"] = spans
        return doc


def quote_marks(span: Span, text: str) -> QuoteMarks:
    """Recover the marks of a span of ``doc.spans["quotes"]`` (the span may be wider when marks are glued);
    ``text`` is ``doc.text``."""
    marks = SINGLE if span.label_ == "single" else DOUBLE
    open_at = next((i for i in range(span.start_char, span.end_char) if text[i] in marks), span.start_char)
    if span.label_ == "open":
        end = span.end_char
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        return QuoteMarks(open_at, end, False)
    close_at = next((i for i in range(span.end_char - 1, open_at, -1) if text[i] in marks), span.end_char - 1)
    return QuoteMarks(open_at, close_at, True)
