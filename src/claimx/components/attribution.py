"""``claimx_attribution``: named pattern rules turn quotes and cues into ``doc._.claims``.

Rules, in the order they claim text (each claim carries its ``rule`` and ``confidence``):

* quote rules: ``"Q," kata X`` / ``"Q," ujarnya`` (``quote_cue_source``), ``"Q," X menambahkan``
  (``quote_source_cue``), ``X mengatakan, "Q"`` / ``X: "Q"`` (``source_cue_quote``,
  ``source_colon_quote``), split quotes ``"A," kata X, "B"`` (``split_quote``);
* cue rules on the remaining cues outside quotes: ``X mengatakan (bahwa) C`` (``source_cue_clause``),
  an elided subject (``Dan menambahkan bahwa C``, ``elided_subject``), ``Menurut X, C`` / ``C, menurut X``
  (``according``), ``C, kata X`` (``clause_cue_source``), ``Jangan sampai, kata dia, C``
  (``parenthetical_cue``), ``pernyataan X bahwa C`` (``noun_cue``), passives with or without an agent
  (``passive``);
* ``restated``: ``C. Hal itu disampaikan X`` when no other rule attributed C;
* ``continuation``: a quoted paragraph with no cue takes the previous speaker;
* ``via``: a claim whose content opens with ``Y menyebut, C`` or whose source goes on
  ``, mengutip (pernyataan) Y`` relays Y.

Sources here are mentions only; ``claimx_sources`` resolves them to names.
"""

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..claim import Claim
from ..lang.titles import title_length
from .grammar import (
    PRONOUNS,
    W,
    first_np,
    has_predicate,
    is_capitalised,
    is_quote,
    is_source_phrase,
    is_verb_like,
    minimal_mention,
    np_after,
    np_before,
    skip_left,
)
from .narrative import Narrative, narratives, post_phrase_head
from .quotes import QuoteMarks, quote_marks

CONFIDENCE = {
    "quote_cue_source": 0.95,
    "quote_source_cue": 0.85,
    "source_cue_quote": 0.9,
    "source_colon_quote": 0.75,
    "split_quote": 0.85,
    "source_cue_clause": 0.8,
    "elided_subject": 0.7,
    "according": 0.85,
    "clause_cue_source": 0.8,
    "parenthetical_cue": 0.75,
    "noun_cue": 0.65,
    "passive": 0.6,
    "restated": 0.5,
    "continuation": 0.6,
    "narrative": 0.7,
}
_MIN_QUOTE_WORDS = 4
#: span group of speakers introduced without a claim of their own ("Hal senada disampaikan X."): the
#: next "ujarnya" or "ia" may refer to them, so claimx_sources counts them as the latest speaker
SPEAKER_MENTIONS = "speaker_mentions"
_EDGE = ",.:;—–-!?"


@dataclass
class _Found:
    """A claim under construction: token-level source and cue, character-level content."""

    content: tuple[int, int]
    kind: str
    rule: str
    cue: Span | None
    source: tuple[int, int] | None
    via: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)
    clitic: tuple[int, int] | None = None  # character offsets of a source "nya" glued inside a token


@Language.factory("claimx_attribution")
def make_attribution(nlp: Language, name: str) -> "Attributor":
    return Attributor()


class Attributor:
    """Stateless pipeline component; see the module docstring. Needs quotes, cues and sentences."""

    def __call__(self, doc: Doc) -> Doc:
        run = _Run(doc)
        doc._.claims = [run.to_claim(found) for found in run.find()]
        doc.spans[SPEAKER_MENTIONS] = [Span(doc, start, end) for start, end in run.introduced]
        return doc


class _Run:
    """The rules applied to one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.blocked = [(s.start_char, s.end_char) for s in doc.spans.get("boilerplate", [])]
        self.quotes = [(q, quote_marks(q, self.text)) for q in doc.spans.get("quotes", [])]
        self.cues = [c for c in doc.spans.get("cues", []) if not self._in_blocked(c.start_char)]
        self.cue_at = {c.start: c for c in self.cues}
        self.cue_ending = {c.end - 1: c for c in self.cues}
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            self.sent_of[sent.start : sent.end] = [n] * len(sent)
        self.used: set[int] = set()  # token indices taken by an attribution (cue, source)
        self.introduced: list[tuple[int, int]] = []  # agents of restating passives (SPEAKER_MENTIONS)
        self.taken: list[tuple[int, int]] = []  # contents of the claims found so far
        self.in_quote = [False] * len(doc)
        for span, _ in self.quotes:
            self.in_quote[span.start : span.end] = [True] * len(span)

    # -- helpers -----------------------------------------------------------------------------
    def _in_blocked(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.blocked)

    def _sent(self, i: int) -> Span:
        return self.sents[self.sent_of[i]]

    def _token_at(self, char: int) -> int | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else None

    def _next_word(self, i: int) -> int:
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return i

    def _clause_chars(self, start: int, end: int) -> tuple[int, int] | None:
        """Character range of ``doc[start:end]`` without edge punctuation outside quotes."""
        doc = self.doc
        while start < end and (doc[start].is_space or doc[start].text in ",:;—–-"):
            start += 1
        end = self._trim_end(start, end)
        if end > start and is_quote(doc[end - 1]) and self._unbalanced(start, end):
            end = self._trim_end(start, end - 1)  # the opening mark of the next quote, glued to this sentence
        if end - start < 2:
            return None
        if self._unbalanced(start, end) and end < len(doc) and is_quote(doc[end]):
            end += 1
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def _trim_end(self, start: int, end: int) -> int:
        """``end`` moved left past spaces and sentence punctuation ("...", ".", ":")."""
        doc = self.doc
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE or doc[end - 1].text == "..."):
            end -= 1
        return end

    def _unbalanced(self, start: int, end: int) -> bool:
        text = self.doc[start:end].text
        return bool(text.count('"') % 2 or text.count("“") != text.count("”"))

    def _negated(self, cue: Span) -> bool:
        """``belum mengonfirmasi``, ``tak mau melaporkan``; a phrase cue ("Belum lagi menurut X") is never negated."""
        if cue._.cue.voice == "phrase":
            return False
        k = skip_left(self.doc, cue.start - 1, self._sent(cue.start).start, ("adverb", "modal"))
        return k >= 0 and self.doc[k].lower_ in W["negation"]

    def _filing(self, cue: Span) -> bool:
        """``melaporkan X ke polisi``, ``dilaporkan ke polisi``: lodging a complaint, not reporting speech."""
        after = self.doc[cue.end : min(len(self.doc), cue.end + 4)]
        return cue._.cue.lemma in W["filing"] and any(t.lower_ == "ke" for t in after)

    def _source_at(self, i: int, limit: int) -> tuple[int, int] | None:
        """The source after a cue: the clitic ``nya`` or a noun phrase; a description followed by a name
        in commas gives the name ("kata kuasa hukumnya, Rudi Hartono, usai sidang")."""
        doc = self.doc
        if i < len(doc) and doc[i].lower_ == "nya":
            return i, i + 1
        np = np_after(doc, i, limit)
        if np is None or np[1] + 1 >= limit or doc[np[1]].text != ",":
            return np
        if is_capitalised(doc[np[0]]) and not title_length(doc[np[0] : np[1]]):
            return np
        name = np_after(doc, np[1] + 1, limit)
        if name is None or not all(is_capitalised(t) for t in doc[name[0] : name[1]]):
            return np
        if name[1] >= limit or doc[name[1]].text == "," or self._ends_clause(name[1], limit):
            return name
        return np

    # -- the rules -----------------------------------------------------------------------------
    def find(self) -> list[_Found]:
        found = self._quote_claims()
        self.taken = [f.content for f in found]
        for narrative in narratives(self.doc, self.cues):
            if not self._overlaps(narrative.content) and narrative.cue.start not in self.used:
                found.append(self._narrative_claim(narrative))
                self.taken.append(narrative.content)
        for cue in sorted(self.cues, key=lambda c: not self._postposed(c)):
            if self.in_quote[cue.start] or cue.start in self.used or cue.end - 1 in self.used:
                continue
            claim = self._cue_claim(cue)
            if claim is None or self._overlaps(claim.content):
                continue
            found.append(claim)
            self.taken.append(claim.content)
        found.sort(key=lambda f: f.content[0])
        found = self._continuations(found)
        self._inherit(found)
        return self._relays(found)

    def _narrative_claim(self, narrative: Narrative) -> _Found:
        """A fact-check's ``narasi:`` + text (:mod:`claimx.components.narrative`): the ``nya`` of
        ``narasinya``/``narasi lengkapnya``, else the phrase naming the post (``Unggahan``, ``akun X``)."""
        cue = narrative.cue
        found = _Found(narrative.content, "direct", "narrative", cue, None)
        if narrative.clitic is not None:
            return self._mark(found, cue, (narrative.clitic, narrative.clitic + 1))
        if narrative.glued_clitic is not None:
            found.clitic = (narrative.glued_clitic, narrative.glued_clitic + 3)
            return self._mark(found, cue, None)
        head = post_phrase_head(self.doc, self._sent(cue.start).start, cue.start)
        source = np_after(self.doc, head, cue.start) if head is not None else None
        return self._mark(found, cue, source)

    def _overlaps(self, content: tuple[int, int]) -> bool:
        return any(s < content[1] and content[0] < e for s, e in self.taken)

    def _postposed(self, cue: Span) -> bool:
        """``C, X melaporkan.`` / ``C, kata X.``: a cue after a comma whose sentence ends with its source."""
        doc = self.doc
        sent = self._sent(cue.start)
        if cue._.cue.voice == "base" or cue._.cue.voice == "phrase":
            source = self._source_at(cue.end, sent.end)
            return (
                source is not None
                and cue.start > sent.start
                and doc[cue.start - 1].text in ",—–-"
                and self._ends_clause(source[1], sent.end)
            )
        if cue._.cue.voice != "active":
            return False
        np = np_before(doc, cue.start, sent.start)
        return (
            np is not None
            and np[0] > sent.start + 2
            and doc[np[0] - 1].text == ","
            and self._ends_clause(cue.end, sent.end)
        )

    def _ends_clause(self, i: int, end: int) -> bool:
        """Whether only punctuation or a trailing adjunct follows ``i`` ("kata X pada Maret.")."""
        rest = [t for t in self.doc[i:end] if not (t.is_punct or t.is_space)]
        if rest and rest[0].lower_ in ("seperti", "sebagaimana") and len(rest) > 1 and rest[1].lower_ in W["trailer"]:
            rest = rest[1:]
        if not rest:
            return True
        return (
            rest[0].lower_ in W["adjunct"] | W["trailer"] | W["time"]
            and not any(t.i in self.cue_at for t in rest)
            and not any(t.text == "," for t in self.doc[rest[0].i : end - 1])
        )

    def _inherit(self, found: list[_Found]) -> None:
        """An elided subject ("Dan menambahkan bahwa ...") with no subject earlier in its own sentence takes
        the source of the claim before it."""
        for n, claim in enumerate(found):
            if claim.rule == "elided_subject" and claim.source is None and n and found[n - 1].source is not None:
                claim.source = found[n - 1].source

    def _quote_claims(self) -> list[_Found]:
        found: list[_Found] = []
        previous: _Found | None = None
        for span, marks in self.quotes:
            if self._in_blocked(marks.open_at):
                previous = None
                continue
            content = marks.content(self.text)
            if content[1] <= content[0]:
                continue
            claim = self._after_quote(span, content) or self._before_quote(span, content)
            if claim is None and previous is not None and self._split_from(previous, span):
                claim = _Found(content, "direct", "split_quote", previous.cue, previous.source)
            if claim is not None:
                found.append(claim)
            previous = claim
        return found

    def _after_quote(self, span: Span, content: tuple[int, int]) -> _Found | None:
        """``"Q," kata X`` / ``"Q," ujarnya`` / ``"Q," X menambahkan`` / ``"Q," mengutip X``."""
        doc = self.doc
        i = span.end
        limit = self._sent_limit(i)
        if i < len(doc) and doc[i].text in ",—–-" and "\n" not in doc[i - 1].whitespace_:
            i += 1
        if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or doc[i].is_space:
            return None
        cue = self._cue_starting(i, ("base", "active"))
        if cue is not None:
            source = self._source_at(cue.end, limit)
            if source is None and cue._.cue.voice == "active":
                return None
            return self._mark(_Found(content, "direct", "quote_cue_source", cue, source), cue, source)
        np = np_after(doc, i, limit)
        if np is not None:
            k = np[1]
            while k < limit and doc[k].lower_ in W["adverb"]:
                k += 1
            cue = self._cue_starting(k, ("active", "base"))
            if cue is not None:
                return self._mark(_Found(content, "direct", "quote_source_cue", cue, np), cue, np)
        return None

    def _before_quote(self, span: Span, content: tuple[int, int]) -> _Found | None:
        """``X mengatakan, "Q"`` / ``X: "Q"`` / ``Berikut pernyataannya: "Q"`` (noun cue, source ``nya``)."""
        doc = self.doc
        k = span.start - 1
        while k > 0 and doc[k].is_space and doc[k - 1].text == ":":
            k -= 1  # "X mengatakan:" at the end of the line before the quote
        if k < 0 or doc[k].is_space or "\n" in doc[k].whitespace_ and doc[k].text != ":":
            return None
        floor = self._sent(k).start
        colon = doc[k].text == ":"
        if doc[k].text in ",:":
            k -= 1
        cue = self._cue_ending(k)
        if cue is not None and cue._.cue.voice in ("active", "base") and not self._negated(cue):
            source = self._subject(cue, floor)
            return self._mark(_Found(content, "direct", "source_cue_quote", cue, source), cue, source)
        if colon and k >= floor:
            np = np_before(doc, k + 1, floor)
            if np is None or not is_capitalised(doc[np[0]]):
                return None
            noun = next((c for c in self.cues if np[0] <= c.start < np[1] and c._.cue.voice == "noun"), None)
            if noun is None:
                return self._mark(_Found(content, "direct", "source_colon_quote", None, np), None, np)
            last = doc[np[1] - 1]
            found = _Found(content, "direct", "source_colon_quote", noun, None)
            if last.lower_ == "nya":
                return self._mark(found, noun, (last.i, last.i + 1))
            if last.lower_.endswith("nya") and len(last) > 3:
                found.clitic = (last.idx + len(last) - 3, last.idx + len(last))
            return self._mark(found, noun, None)
        return None

    def _split_from(self, previous: _Found, span: Span) -> bool:
        """Whether ``span`` reopens a quote right after ``previous``'s attribution (``"A," kata X, "B"``)."""
        if previous.cue is None or previous.rule != "quote_cue_source":
            return False
        end = max(previous.cue.end, previous.source[1] if previous.source else 0)
        between = self.doc[end : span.start]
        return len(between) <= 1 and all(t.text == "," for t in between)

    def _cue_starting(self, i: int, voices: tuple[str, ...]) -> Span | None:
        cue = self.cue_at.get(i)
        return cue if cue is not None and (cue._.cue.voice in voices or cue._.cue.stance == "relay") else None

    def _cue_ending(self, k: int) -> Span | None:
        return self.cue_ending.get(k)

    def _sent_limit(self, i: int) -> int:
        return self._sent(min(i, len(self.doc) - 1)).end if len(self.doc) else 0

    def _mark(self, found: _Found, cue: Span | None, source: tuple[int, int] | None) -> _Found:
        for a, b in ((cue.start, cue.end) if cue is not None else (0, 0), source or (0, 0)):
            self.used.update(range(a, b))
        if source is not None:
            mention = minimal_mention(self.doc, *source)
            if is_source_phrase(self.doc, *mention):
                found.source = mention
            else:  # the source filter: "Selain itu, juga menegaskan ..." goes on with the last speaker
                found.source = None
                found.extra["source_implicit"] = "previous"
        if cue is not None:
            self._chain(found, source[1] if source else cue.end)
        return found

    def _relayed(self, comma: int) -> bool:
        """Whether a relay cue follows the comma at ``comma`` ("C, tulis X, mengutip Y")."""
        cue = self.cue_at.get(self._next_word(comma + 1))
        return cue is not None and cue._.cue.stance == "relay"

    def _chain(self, found: _Found, after: int) -> None:
        """``, mengutip (pernyataan) Y`` after the source makes Y the ``via``."""
        doc = self.doc
        i = after
        if i < len(doc) and doc[i].text == ",":
            i = self._next_word(i + 1)
        if i < len(doc) and doc[i].lower_ == "mengutip":
            j = i + 1
            if j < len(doc) and doc[j].lower_ in W["relay"]:
                j += 1
            np = np_after(doc, j, len(doc))
            if np is not None:
                found.via = np
                self.used.update(range(i, np[1]))

    def _subject(self, cue: Span, floor: int) -> tuple[int, int] | None:
        """The subject of a preposed cue: the noun phrase before it, past appositives and parentheticals.

        ``None`` when the subject is elided ("Dan menambahkan", "..., seraya menambahkan").
        """
        doc = self.doc
        k = skip_left(doc, cue.start - 1, floor, ("adverb",) if cue._.cue.voice != "passive" else ())
        if k < floor or doc[k].lower_ in W["elision"]:
            return None
        end = k + 1
        for chunk_start, chunk_end in self._chunks(floor, end):
            chunk = doc[chunk_start:chunk_end]
            if not len(chunk) or self._is_adjunct(chunk):
                continue
            if any(is_verb_like(t) for t in chunk) and chunk_end != end:
                return first_np(doc, floor, chunk_end)
            np = np_before(doc, chunk_end, chunk_start)
            if np is None:
                return None
            name = self._name_before(np, floor)
            return name or np
        return None

    def _sentence_subject(self, floor: int, cue_start: int) -> tuple[int, int] | None:
        """The subject of a sentence whose second verb is the cue ("X meninjau lokasi dan mengatakan C"):
        the noun phrase that opens the first comma piece that is not an adjunct, when a name or pronoun heads it.
        ``None`` when the sentence opens with the elided cue itself ("Dan menambahkan ...")."""
        doc = self.doc
        if any(i in self.used or self.in_quote[i] for i in range(floor, cue_start)):
            return None  # "“Q,” kata X, seraya menambahkan ...": the claim before says who (_inherit)
        for start, end in reversed(self._chunks(floor, cue_start)):
            chunk = doc[start:end]
            if not len(chunk) or self._is_adjunct(chunk):
                continue
            while start < end and (doc[start].lower_ in W["connective"] or doc[start].is_space):
                start += 1
            np = np_after(doc, start, end) if start < end else None
            if np is None or np[1] >= cue_start or doc[np[0]].lower_ in W["elision"]:
                return None
            head = doc[np[0]]
            return np if is_capitalised(head) or head.lower_ in PRONOUNS else None
        return None

    def _chunks(self, floor: int, end: int) -> list[tuple[int, int]]:
        """Comma-separated pieces of ``doc[floor:end]``, right to left."""
        commas = [i for i in range(floor, end) if self.doc[i].text == ","]
        edges = [floor - 1, *commas, end]
        return [(edges[n] + 1, edges[n + 1]) for n in range(len(edges) - 2, -1, -1)]

    def _is_adjunct(self, chunk: Span) -> bool:
        """A parenthetical between subject and cue: a PP, a date, a connective ("dalam keterangannya", "Selasa (2/6)")."""
        head = chunk[0]
        return (
            head.lower_ in W["np_stop"]
            or head.lower_ in W["time"]
            or all(t.lower_ in W["connective"] | W["adverb"] for t in chunk)
            or len(chunk) <= 4
            and any("/" in t.text or t.like_num and len(t) == 4 for t in chunk)
        )

    def _name_before(self, np: tuple[int, int], floor: int) -> tuple[int, int] | None:
        """``Adnan Abu Hasna, Penasihat Media UNRWA mengatakan``: the name before an appositive."""
        doc = self.doc
        comma = np[0] - 1
        if comma <= floor or doc[comma].text != ",":
            return None
        name = np_before(doc, comma, floor)
        if name is None or name[0] != self._next_word(floor):
            return None
        tokens = doc[name[0] : name[1]]
        if title_length(tokens) or title_length(doc[np[0] : np[1]]):
            return None  # "Direktur Indef, Tauhid Ahmad, menilai": the title-led piece describes, the other names
        if all(is_capitalised(t) and "." not in t.text or t.text in "()" for t in tokens) and not any(
            t.lower_ in W["connective"] | W["adverb"] | W["time"] for t in tokens
        ):
            return name
        return None

    def _cue_claim(self, cue: Span) -> _Found | None:
        entry = cue._.cue
        if self._negated(cue) or self._in_blocked(cue.start_char) or self._filing(cue):
            return None
        if entry.voice == "phrase":
            return self._according(cue)
        if entry.voice == "passive":
            return self._passive(cue)
        if entry.voice == "noun":
            return self._noun_cue(cue)
        if entry.stance == "relay":
            return None
        sent = self._sent(cue.start)
        before = skip_left(self.doc, cue.start - 1, sent.start)
        if before >= sent.start and self.doc[before].lower_ == "yang":
            return None
        if entry.voice == "base" and (before < sent.start or self.doc[before].text in ",—–-"):
            return self._postposed_base(cue)
        if entry.voice == "base" and not self._preposed_base(cue, before):
            return None
        return self._preposed(cue)

    def _preposed_base(self, cue: Span, before: int) -> bool:
        """``Sony sebut, C``: a bare cue after a name or pronoun, followed by a comma, colon or complementiser."""
        doc = self.doc
        subject = is_capitalised(doc[before]) or doc[before].lower_ in PRONOUNS
        return (
            subject and cue.end < len(doc) and (doc[cue.end].text in ",:" or doc[cue.end].lower_ in W["complementizer"])
        )

    def _preposed(self, cue: Span) -> _Found | None:
        """``X mengatakan (bahwa) C``, ``Ia menambahkan, C``, ``C, X melaporkan``, ``Dan menambahkan C``."""
        doc = self.doc
        sent = self._sent(cue.start)
        source = self._subject(cue, sent.start)
        rule = "source_cue_clause"
        if source is None:
            rule = "elided_subject"
            source = self._sentence_subject(sent.start, cue.start)
        elif cue._.cue.stance == "evidence" and not any(t.lower_ in W["data"] for t in doc[source[0] : source[1]]):
            return None
        ends = self._ends_clause(cue.end, sent.end) and not (cue.end < sent.end and doc[cue.end].text in ",:")
        start = None if ends else self._complement_start(cue, sent.end)
        content = self._clause_chars(start, self._clause_end(start, sent.end)) if start is not None else None
        if content is None:
            postposed = source is not None and source[0] > sent.start and doc[source[0] - 1].text == ","
            if postposed and ends:
                content = self._clause_ending(sent.start, source[0] - 1)
                rule = "clause_cue_source"
            if content is None:
                return None
        if source is not None and start is not None and source[0] <= start < source[1]:
            return None
        found = _Found(content, self._kind(content), rule, cue, source)
        return self._mark(found, cue, source) if source else found

    def _complement_start(self, cue: Span, end: int) -> int | None:
        """Where the reported clause after a cue begins: past ``,``/``:``, a PP and ``bahwa``."""
        doc = self.doc
        i = cue.end
        if i < end and doc[i].lower_ == "nya":
            i += 1
        for j in range(i, min(end, i + 25)):
            if doc[j].lower_ == "bahwa":
                if (
                    j == i
                    or any(t.text == "," or t.lower_ == "kepada" for t in doc[i:j])
                    or doc[i].lower_ in W["np_stop"]
                    or doc[j - 2].lower_ == "dengan"
                    and j - 1 in self.cue_ending
                ):
                    return j + 1
                break
            if j > i and j in self.cue_at and doc[j - 1].lower_ == "dengan":
                continue
            if j in self.used or (j > i and j in self.cue_at):
                break
        while i < end and doc[i].text in ",:":
            i += 1
        if i < end and doc[i].lower_ in W["adjunct"]:
            comma = next((j for j in range(i, min(end, i + 8)) if doc[j].text == ","), None)
            i = i if comma is None else comma + 1
        if i < end and doc[i].lower_ in W["topic"] | W["complementizer"]:
            i += 1
        if i >= end or doc[i].lower_ in W["directive"] | {"dengan"} or self._directive(cue, i, end):
            return None
        if self._noun_object(i, end):
            return None
        if is_quote(doc[i]) and self._quote_covers(i, end):
            return None
        marked = cue.end < end and doc[cue.end].text in ",:"
        takes_objects = cue.text.lower() in W["np_verb"]
        if (
            takes_objects
            and not marked
            and not is_quote(doc[i])
            and not has_predicate(doc[i : self._clause_end(i, end)])
        ):
            return None  # "memastikan ketersediaan stok beras": a noun phrase, no clause
        return i

    def _noun_object(self, i: int, end: int) -> bool:
        """A noun-phrase object, not a reported clause: "dukungan terhadap X", "komitmennya untuk ...",
        "hal itu", "kejadian tersebut"."""
        doc = self.doc
        words = [t for t in doc[i:end] if not (t.is_punct or t.is_space)]
        if not words:
            return True
        if {words[0].lower_, words[0].lower_.removesuffix("nya")} & W["np_object"]:
            return True
        if len(words) > 1 and words[0].lower_ in W["restated"] and words[1].lower_ in W["demonstrative"]:
            return True
        return len(words) <= 3 and words[-1].lower_ in W["demonstrative"]

    def _directive(self, cue: Span, i: int, end: int) -> bool:
        """``mengingatkan pemerintah untuk ...``: a warning with an object and a directive, not a report."""
        return cue._.cue.stance == "warn" and any(t.lower_ in W["directive"] for t in self.doc[i : min(end, i + 4)])

    def _quote_covers(self, i: int, end: int) -> bool:
        """Whether the quote opening at ``i`` runs to the end of the clause (then it is a direct claim)."""
        return any(span.start == i and span.end >= end - 1 for span, _ in self.quotes)

    def _clause_ending(self, floor: int, end: int) -> tuple[int, int] | None:
        """Character range of the clause that ends at token ``end`` (see :meth:`_clause_start`)."""
        return self._clause_chars(self._clause_start(floor, end), end)

    def _clause_start(self, floor: int, end: int) -> int:
        """Start of the clause that ends at ``end``: past a closed quote, a short fronted connective
        ("Sementara itu,") or a fronted subordinate clause ("Meski ..., X dilaporkan P")."""
        doc = self.doc
        start = floor
        for span, _ in self.quotes:
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

    def _clause_end(self, start: int, end: int) -> int:
        """End of the reported clause from ``start``: before ``, (meskipun) Y membantah`` when another
        speaker's clause follows in the same sentence, and before ``, dan menambahkan`` when the same
        speaker goes on with a second cue."""
        doc = self.doc
        for j in range(start + 1, end):
            cue = self.cue_at.get(j)
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

    def _postposed_base(self, cue: Span) -> _Found | None:
        """``C, kata X.`` (content before) or ``Jangan sampai, kata dia, C`` (content after)."""
        doc = self.doc
        sent = self._sent(cue.start)
        source = self._source_at(cue.end, sent.end)
        if source is None:
            return None
        after = source[1]
        if (
            after < sent.end
            and doc[after].text == ","
            and not self._ends_clause(after, sent.end)
            and not self._relayed(after)
        ):
            content = self._clause_chars(after + 1, sent.end)
            if content is not None:
                return self._mark(_Found(content, self._kind(content), "parenthetical_cue", cue, source), cue, source)
        before = skip_left(doc, cue.start - 1, sent.start)
        content = self._clause_ending(sent.start, before)
        if content is None:
            return None
        return self._mark(_Found(content, self._kind(content), "clause_cue_source", cue, source), cue, source)

    def _according(self, cue: Span) -> _Found | None:
        """``Menurut X, C`` / ``C, menurut X`` / ``X menurut dia, C`` / ``C, seperti dilaporkan X``."""
        doc = self.doc
        sent = self._sent(cue.start)
        if cue._.cue.lemma == "bagi" and cue.start != self._next_word(sent.start):
            return None
        source = self._source_at(cue.end, sent.end)
        if source is None:
            return None
        after = source[1]
        content = None if self._ends_clause(after, sent.end) else self._clause_chars(after, sent.end)
        if content is None:
            before = skip_left(doc, cue.start - 1, sent.start)
            content = self._clause_ending(sent.start, before)
        if content is None:
            return None
        return self._mark(_Found(content, self._kind(content), "according", cue, source), cue, source)

    def _passive(self, cue: Span) -> _Found | None:
        """``X dilaporkan P`` (source null) / ``X dikatakan Y P`` (agent Y) / ``dinyatakan bahwa C``.

        In a sentence that restates the one before ("Hal itu disampaikan X", "Pengumuman ini ...,
        dengan dinyatakan bahwa C") the speaker is the previous one (``extra["source_implicit"]``),
        and a bare restatement is a claim only when the sentence before has none (rule ``restated``).
        """
        doc = self.doc
        sent = self._sent(cue.start)
        prev = cue.start - 1
        if prev >= sent.start and doc[prev].lower_ in W["naming"]:
            return None
        nxt = cue.end
        if nxt in self.cue_at and self.cue_at[nxt]._.cue.voice == "active":
            return None
        start = self._clause_start(sent.start, cue.start)
        restates = self._restates(sent.start)
        if nxt < sent.end and doc[nxt].lower_ == "bahwa":
            content = self._clause_chars(nxt + 1, self._clause_end(nxt + 1, sent.end))
            source = None
        elif restates:
            return self._restated(cue, sent)
        elif start >= cue.start or cue._.cue.stance == "restate":
            if cue._.cue.stance == "restate":
                self._introduce(cue, sent.end)
            return None
        else:
            content = self._clause_chars(start, self._clause_end(cue.end, sent.end))
            agent = self._agent(cue, sent.end)
            source = agent if agent and is_capitalised(doc[agent[0]]) and agent[1] < sent.end - 2 else None
        if content is None:
            return None
        found = _Found(content, self._kind(content), "passive", cue, None)
        if restates:
            found.extra["source_implicit"] = "previous"
        return self._mark(found, cue, source) if source else found

    def _agent(self, cue: Span, end: int) -> tuple[int, int] | None:
        """The agent of a passive cue: the noun phrase after it, past ``oleh``; a name ends at a lowercase word."""
        i = cue.end + (cue.end < end and self.doc[cue.end].lower_ == "oleh")
        np = np_after(self.doc, i, end)
        if np is None or not is_capitalised(self.doc[np[0]]):
            return np
        stop = next((k for k in range(np[0], np[1]) if self.doc[k].text[:1].islower()), np[1])
        return np[0], stop

    def _introduce(self, cue: Span, end: int) -> None:
        """Keep the named agent of a restating passive that makes no claim ("Hal senada disampaikan
        ekonom X.") as a speaker mention, so that a following "ujarnya" can refer to X."""
        agent = self._agent(cue, end)
        if agent is None or not any(is_capitalised(t) for t in self.doc[agent[0] : agent[1]]):
            return
        mention = minimal_mention(self.doc, *agent)
        if is_source_phrase(self.doc, *mention):
            self.introduced.append(mention)

    def _restates(self, start: int) -> bool:
        """Whether the sentence opens with an anaphoric subject such as "Hal itu" or "Pengumuman ini"."""
        i = self._next_word(start)
        return (
            i + 1 < len(self.doc)
            and self.doc[i].lower_ in W["restated"]
            and self.doc[i + 1].lower_ in W["demonstrative"]
        )

    def _restated(self, cue: Span, sent: Span) -> _Found | None:
        """``C. Hal itu disampaikan X``: C is X's claim when no rule attributed it already."""
        n = self.sent_of[sent.start]
        if n == 0:
            return None
        previous = self.sents[n - 1]
        content = self._clause_ending(previous.start, previous.end)
        source = self._agent(cue, sent.end)
        if content is None or source is None or self._overlaps(content):
            self._introduce(cue, sent.end)
            return None
        return self._mark(_Found(content, self._kind(content), "restated", cue, source), cue, source)

    def _noun_cue(self, cue: Span) -> _Found | None:
        """``pernyataan X kepada Y bahwa C``: a reporting noun with a bahwa-clause."""
        doc = self.doc
        sent = self._sent(cue.start)
        that = next((j for j in range(cue.end, min(sent.end, cue.end + 15)) if doc[j].lower_ == "bahwa"), None)
        if that is None or doc[cue.end].lower_ in W["demonstrative"]:
            return None
        source = self._source_at(cue.end, that)
        if source is None:
            source = first_np(doc, self._clause_start(sent.start, cue.start), cue.start)
        content = self._clause_chars(that + 1, sent.end)
        if content is None:
            return None
        found = _Found(content, self._kind(content), "noun_cue", cue, source)
        return self._mark(found, cue, source) if source else found

    def _kind(self, content: tuple[int, int]) -> str:
        text = self.text[content[0] : content[1]]
        return "mixed" if any(mark in text for mark in '"“”') else "indirect"

    # -- after the rules -----------------------------------------------------------------------
    def _continuations(self, found: list[_Found]) -> list[_Found]:
        """Quoted paragraphs with no cue of their own continue a speaker.

        A paragraph left open (the next paragraph reopens the quote) belongs to the quote it runs
        into; any other uncued quoted paragraph takes the speaker of the claim before it.
        """
        by_start = {f.content[0]: f for f in found}
        out = list(found)
        for n in range(len(self.quotes) - 1, -1, -1):
            span, marks = self.quotes[n]
            content = marks.content(self.text)
            if content[0] in by_start or span.label_ == "single" or not self._continues(marks, content):
                continue
            following = self.quotes[n + 1][1].content(self.text)[0] if n + 1 < len(self.quotes) else None
            if span.label_ == "open" and following in by_start and by_start[following].source is not None:
                speaker = by_start[following]
            else:
                before = [f for f in out if f.content[1] <= content[0] and f.source is not None]
                if not before:
                    continue
                speaker = max(before, key=lambda f: f.content[1])
            claim = _Found(content, "direct", "continuation", None, speaker.source)
            by_start[content[0]] = claim
            out.append(claim)
        return sorted(out, key=lambda f: f.content[0])

    def _continues(self, marks: QuoteMarks, content: tuple[int, int]) -> bool:
        """A quote that opens its paragraph (or follows a full stop), is long enough and is not boilerplate."""
        if self._in_blocked(marks.open_at) or len(self.text[content[0] : content[1]].split()) < _MIN_QUOTE_WORDS:
            return False
        line_start = self.text.rfind("\n", 0, marks.open_at) + 1
        before = self.text[line_start : marks.open_at].rstrip()
        return not before or before.endswith((".", "!", "?"))

    def _relays(self, found: list[_Found]) -> list[_Found]:
        """A claim whose content opens with ``Y menyebut, C`` relays Y: content C, ``via`` Y."""
        doc = self.doc
        for claim in found:
            if claim.kind == "direct" or claim.via is not None:
                continue
            for cue in self.cues:
                if not (claim.content[0] < cue.start_char < claim.content[1]) or cue._.cue.voice != "active":
                    continue
                first = self._token_at(claim.content[0])
                if first is None or cue.start - first > 8 or cue.start <= first:
                    break
                subject = np_before(doc, cue.start, first)
                if (
                    subject is None
                    or subject[0] != first
                    or any(t.lower_ in W["np_stop"] for t in doc[first : cue.start])
                ):
                    break
                start = self._complement_start(cue, self._sent(cue.start).end)
                inner = self._clause_chars(start, self._sent(cue.start).end) if start is not None else None
                if inner is not None and inner[1] <= claim.content[1] + 1:
                    claim.via = subject
                    claim.content = (inner[0], min(inner[1], claim.content[1]))
                break
        return found

    def to_claim(self, found: _Found) -> Claim:
        doc = self.doc
        cue, source, via = found.cue, found.source, found.via
        claim = Claim(
            content_start=found.content[0],
            content_end=found.content[1],
            kind=found.kind,
            rule=found.rule,
            confidence=CONFIDENCE[found.rule],
            extra=found.extra,
        )
        if cue is not None:
            claim.cue_start, claim.cue_end = cue.start_char, cue.end_char
            claim.cue_lemma, claim.stance = cue._.cue.lemma, cue._.cue.stance
        if source is not None:
            span = doc[source[0] : source[1]]
            claim.source_start, claim.source_end = span.start_char, span.end_char
        elif found.clitic is not None:
            claim.source_start, claim.source_end = found.clitic
        if via is not None:
            span = doc[via[0] : via[1]]
            claim.via, claim.via_start, claim.via_end = span.text, span.start_char, span.end_char
        return claim
