"""``claimx_sources``: resolves each claim's source mention to a name (``source_resolved``).

Name mentions come from ``doc.ents`` (PER, ORG) when a model filled them, else from runs of
capitalised tokens; titles are stripped either way. Then, in text order:

* a name resolves to the longest earlier mention that contains all its words ("Faruk" →
  "Moch Faruk Rozi"), or to the long form of an acronym ("KIC" → "Katadata Insight Center");
* ``ia``/``dia``/``beliau``/``nya`` resolve to a person introduced as a subject since the last
  claim, else to the last speaker (speaker continuity); ``mereka`` prefers an organisation;
* an anaphoric phrase ("sumber tersebut", "Kementerian tersebut") resolves to the latest source
  or name sharing its head noun, else to the last speaker ("miliarder itu");
* any other phrase resolves to the name inside it ("keterangan dari pihak Ukraina" → "Ukraina"),
  or stays as written ("mayoritas responden").
"""

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..claim import Claim
from ..lang.reporting import cue_lexicon, pronouns, word_classes
from ..lang.titles import title_length, titles

W = word_classes()
_WORD = re.compile(r"[\w'’-]+")
_JOINERS = frozenset({"of", "the", "&", "de", "van", "bin", "binti", "al", "el"})


@dataclass(frozen=True)
class Mention:
    """A name in the text: its offsets, text, whether it can be a person, and its words."""

    start: int
    end: int
    text: str
    person: bool

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(self.text))


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def _is_org(text: str) -> bool:
    return any(w in W["org"] for w in _words(text)) or text.isupper()


def _from_ents(doc: Doc) -> list[Mention]:
    return [
        Mention(e.start_char, e.end_char, e.text, e.label_ == "PER") for e in doc.ents if e.label_ in ("PER", "ORG")
    ]


def _not_name(word: str) -> bool:
    lower = word.lower()
    return (
        lower in pronouns()
        or lower in W["connective"]
        or lower in W["adverb"]
        or lower in W["time"]
        or lower in cue_lexicon()
    )


def _name_words(doc: Doc, starts: frozenset[int]) -> frozenset[str]:
    """Capitalised words that occur inside a sentence somewhere: names, unlike capitalised sentence openers."""
    return frozenset(
        t.text for t in doc[1:] if t.text[:1].isupper() and t.i not in starts and not doc[t.i - 1].is_punct
    )


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs (joined by "of", "bin", ...) outside entities."""
    runs, i = [], 0
    starts = frozenset(sent.start for sent in doc.sents)
    known = _name_words(doc, starts)

    def name_like(token) -> bool:
        return token.text[:1].isupper() and not token.ent_type_ and not _not_name(token.text)

    while i < len(doc):
        if not name_like(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and "\n" not in doc[j - 1].whitespace_:
            if name_like(doc[j]):
                j += 1
            elif doc[j].lower_ in _JOINERS and j + 1 < len(doc) and name_like(doc[j + 1]):
                j += 2
            else:
                break
        if i not in starts or j - i > 1 or doc[i].text in known:
            runs.append((i, j))
        i = j
    return runs


def _from_capitals(doc: Doc) -> tuple[list[Mention], dict[str, str]]:
    """Name mentions from capitalised runs with titles stripped, and aliases: a title seen before a
    name ("Menteri Sosial" → the name) and an acronym in brackets after a run ("Komisi ... (KPK)"),
    which stands for the name after it when the run is only a title ("Menteri Sosial (Mensos) X")."""
    mentions, aliases = [], {}
    runs = _runs(doc)
    run_at = {i: j for i, j in runs}
    for i, j in runs:
        cut = title_length(doc[i:j])
        span = doc[i + cut : j]
        mentions.append(Mention(span.start_char, span.end_char, span.text, not _is_org(doc[i:j].text)))
        only_title = tuple(t.lower_ for t in doc[i:j]) in titles()
        if cut and not only_title:
            aliases[doc[i : i + cut].text.lower()] = span.text
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text[:1].isupper():
            if not only_title:
                aliases[doc[j + 1].lower_] = span.text
            elif j + 3 in run_at:
                aliases[doc[j + 1].lower_] = doc[j + 3 : run_at[j + 3]].text
    return mentions, aliases


def _merge(ents: list[Mention], runs: list[Mention]) -> list[Mention]:
    """Entity mentions and capitalised runs, in text order."""
    return sorted(ents + runs, key=lambda m: m.start)


@Language.factory("claimx_sources")
def make_sources(nlp: Language, name: str) -> "SourceResolver":
    return SourceResolver()


class SourceResolver:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = doc._.claims or []
        runs, aliases = _from_capitals(doc)
        quoted = [(q.start_char, q.end_char) for q in doc.spans.get("quotes", [])]
        mentions = [m for m in _merge(_from_ents(doc), runs) if not any(s <= m.start < e for s, e in quoted)]
        resolver = _Resolution(doc.text, mentions, aliases)
        for claim in sorted(claims, key=lambda c: c.source_start if c.source_start is not None else c.content_start):
            if claim.source_start is not None:
                claim.source_resolved = resolver.resolve(claim.source_start, claim.source_end)
                resolver.speak(claim.source_start, claim.source_resolved)
            if claim.via_start is not None:
                claim.via = resolver.name(claim.via_start, claim.via_end)
        return doc


class _Resolution:
    """Resolution state over one document: name mentions and the speakers so far."""

    def __init__(self, text: str, mentions: list[Mention], aliases: dict[str, str]) -> None:
        self.text = text
        self.mentions = mentions
        self.aliases = aliases
        self.speakers: list[tuple[int, str]] = []

    def speak(self, at: int, name: str | None) -> None:
        if name:
            self.speakers.append((at, name))

    def resolve(self, start: int, end: int) -> str | None:
        mention = self.text[start:end]
        lower = mention.lower()
        if lower in pronouns():
            return self.pronoun(start, pronouns()[lower].number)
        words = mention.split()
        if words and words[-1].lower() in W["demonstrative"]:
            return self.anaphor(start, words[0].lower()) or mention
        inner = [m for m in self.mentions if start <= m.start and m.end <= end]
        if mention[:1].isupper() or not inner:
            return self.name(start, end) if mention[:1].isupper() else mention
        return self.name(inner[-1].start, inner[-1].end)

    def name(self, start: int, end: int) -> str:
        """The fullest form of the name at ``start:end`` in the article."""
        mention = self.text[start:end]
        key = mention.lower()
        if key in self.aliases:
            return self.name_of(self.aliases[key])
        words = _words(mention)
        if not words:
            return mention
        fuller = [m for m in self.mentions if words < m.words and m.start != start]
        if not fuller:
            return mention
        return max(fuller, key=lambda m: (len(m.words), -m.start)).text

    def name_of(self, text: str) -> str:
        """The fullest form of a name given as text."""
        words = _words(text)
        fuller = [m for m in self.mentions if words < m.words]
        return max(fuller, key=lambda m: (len(m.words), -m.start)).text if fuller else text

    def pronoun(self, at: int, number: str) -> str | None:
        """The latest speaker, unless a person became the subject of a sentence since then."""
        last = self.speakers[-1] if self.speakers else None
        since = last[0] if last else -1
        fresh = [
            m
            for m in self.mentions
            if since < m.start < at and m.person and self._subject_position(m) and m.text != (last[1] if last else None)
        ]
        if number == "plural":
            orgs = [name for _, name in self.speakers if _is_org(name)]
            if orgs:
                return orgs[-1]
        if fresh:
            return self.name(fresh[-1].start, fresh[-1].end)
        if last:
            return last[1]
        before = [m for m in self.mentions if m.start < at and m.person]
        return self.name(before[-1].start, before[-1].end) if before else None

    def anaphor(self, at: int, head: str) -> str | None:
        """``sumber tersebut``: the latest source or name with the same head noun, else the last speaker."""
        for _, name in reversed(self.speakers):
            if head in _words(name):
                return name
        for mention in reversed([m for m in self.mentions if m.start < at]):
            if head in mention.words:
                return self.name(mention.start, mention.end)
        if head in self.aliases:
            return self.name_of(self.aliases[head])
        return self.speakers[-1][1] if self.speakers else None

    def _subject_position(self, mention: Mention) -> bool:
        """A mention that opens its clause, after at most a few title words, and has a predicate after it."""
        before = self.text[max(0, mention.start - 60) : mention.start]
        tail = re.split(r"[.!?\n,]\s*", before)[-1].split()
        after = self.text[mention.end : mention.end + 20].split()
        return len(tail) <= 5 and bool(after) and after[0][:1].islower() and after[0] not in W["np_stop"]
