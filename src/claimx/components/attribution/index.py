"""The per-document index every attribution rule reads: sentences, quotes, cues, and what is taken.

Rules share no state except this index: ``used`` (token indices a rule took as cue or source),
``taken`` (character ranges of the contents found so far) and ``introduced`` (speakers named
without a claim of their own, see :data:`claimx.components.attribution.SPEAKER_MENTIONS`).
"""

from spacy.tokens import Doc, Span

from ...lang.doctext import doc_text
from ..grammar import W, is_quote, is_source_phrase, minimal_mention, np_after
from ..quotes import quote_marks
from .found import Found

_EDGE = ",.:;—–-!?"


class DocIndex:
    """Lookups over one document, built once, and the record of what the rules took."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.blocked = [(s.start_char, s.end_char) for s in doc.spans.get("boilerplate", [])]
        self.quotes = [(q, quote_marks(q, self.text)) for q in doc.spans.get("quotes", [])]
        self.cues = [c for c in doc.spans.get("cues", []) if not self.in_blocked(c.start_char)]
        self.cue_at = {c.start: c for c in self.cues}
        self.cue_ending = {c.end - 1: c for c in self.cues}
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            self.sent_of[sent.start : sent.end] = [n] * len(sent)
        self.in_quote = [False] * len(doc)
        for span, _ in self.quotes:
            self.in_quote[span.start : span.end] = [True] * len(span)
        self.used: set[int] = set()
        self.taken: list[tuple[int, int]] = []
        self.introduced: list[tuple[int, int]] = []

    # -- positions -------------------------------------------------------------------------------
    def in_blocked(self, char: int) -> bool:
        """Whether the character lies in boilerplate (bylines, captions, related-article lists)."""
        return any(s <= char < e for s, e in self.blocked)

    def sent(self, i: int) -> Span:
        """The sentence of token ``i``."""
        return self.sents[self.sent_of[i]]

    def sent_limit(self, i: int) -> int:
        """The end of the sentence of token ``i`` (clamped to the document)."""
        return self.sent(min(i, len(self.doc) - 1)).end if len(self.doc) else 0

    def token_at(self, char: int) -> int | None:
        """The index of the token holding character ``char``."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else None

    def next_word(self, i: int) -> int:
        """The first token from ``i`` on that is not whitespace."""
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return i

    def cue_starting(self, i: int, voices: tuple[str, ...]) -> Span | None:
        """The cue that starts at token ``i`` if its voice is one of ``voices`` (or it relays)."""
        cue = self.cue_at.get(i)
        return cue if cue is not None and (cue._.cue.voice in voices or cue._.cue.stance == "relay") else None

    # -- content ranges --------------------------------------------------------------------------
    def clause_chars(self, start: int, end: int) -> tuple[int, int] | None:
        """Character range of ``doc[start:end]`` without edge punctuation outside quotes."""
        doc = self.doc
        while start < end and (doc[start].is_space or doc[start].text in ",:;—–-"):
            start += 1
        end = self.trim_end(start, end)
        if end > start and is_quote(doc[end - 1]) and self.unbalanced(start, end):
            end = self.trim_end(start, end - 1)  # the opening mark of the next quote, glued to this sentence
        if end - start < 2:
            return None
        if self.unbalanced(start, end) and end < len(doc) and is_quote(doc[end]):
            end += 1
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def trim_end(self, start: int, end: int) -> int:
        """``end`` moved left past spaces and sentence punctuation ("...", ".", ":")."""
        doc = self.doc
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE or doc[end - 1].text == "..."):
            end -= 1
        return end

    def unbalanced(self, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` opens a quote it does not close (or the reverse)."""
        text = self.doc[start:end].text
        return bool(text.count('"') % 2 or text.count("“") != text.count("”"))

    def overlaps(self, content: tuple[int, int]) -> bool:
        """Whether ``content`` overlaps a claim found earlier."""
        return any(s < content[1] and content[0] < e for s, e in self.taken)

    def kind(self, content: tuple[int, int]) -> str:
        """``mixed`` when the reported clause holds a quote mark, else ``indirect``."""
        text = self.text[content[0] : content[1]]
        return "mixed" if any(mark in text for mark in '"“”') else "indirect"

    # -- taking a claim --------------------------------------------------------------------------
    def mark(self, found: Found, cue: Span | None, source: tuple[int, int] | None) -> Found:
        """Take ``cue`` and ``source`` for ``found``, passing the source through the source filter
        (a source that is not a noun phrase leaves ``found`` with the last speaker), and read a relay."""
        for a, b in ((cue.start, cue.end) if cue is not None else (0, 0), source or (0, 0)):
            self.used.update(range(a, b))
        if source is not None:
            mention = minimal_mention(self.doc, *source)
            if is_source_phrase(self.doc, *mention):
                found.source = mention
            else:  # "Selain itu, juga menegaskan ..." goes on with the last speaker
                found.source = None
                found.extra["source_implicit"] = "previous"
        if cue is not None:
            self.chain(found, source[1] if source else cue.end)
        return found

    def relayed(self, comma: int) -> bool:
        """Whether a relay cue follows the comma at ``comma`` ("C, tulis X, mengutip Y")."""
        cue = self.cue_at.get(self.next_word(comma + 1))
        return cue is not None and cue._.cue.stance == "relay"

    def chain(self, found: Found, after: int) -> None:
        """``, mengutip (pernyataan) Y`` after the source makes Y the ``via``."""
        doc = self.doc
        i = after
        if i < len(doc) and doc[i].text == ",":
            i = self.next_word(i + 1)
        if i < len(doc) and doc[i].lower_ == "mengutip":
            j = i + 1
            if j < len(doc) and doc[j].lower_ in W["relay"]:
                j += 1
            np = np_after(doc, j, len(doc))
            if np is not None:
                found.via = np
                self.used.update(range(i, np[1]))
