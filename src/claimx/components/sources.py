"""``claimx_sources``: resolves each claim's source mention to a name (``source_resolved``).

Name mentions come from ``doc.ents`` (PER, ORG) where a model filled them and from runs of
capitalised tokens elsewhere; titles are stripped, and words a scraper glued to a name are cut off.
Aliases are collected first: an acronym in brackets ("Badan ... (BMN)"), a title before a name
("Menteri Sosial (Mensos) X"), a nickname ("yang akrab disapa Gus Y"). Then, in text order:

* a name resolves through its aliases to the longest mention containing all its words ("Faruk" →
  "Moch Faruk Rozi", "Mensos" → the minister's name);
* ``ia``/``dia``/``beliau``/``nya``/``pihaknya`` resolve to a person introduced in the narration as a
  subject since the last claim, else to the last speaker (speaker continuity), a person one for
  ia/dia and for direct quotes; ``mereka`` prefers an organisation;
* an anaphoric phrase ("sumber tersebut", "Kementerian tersebut") resolves to the latest source or
  name sharing its head noun, else ("miliarder itu") to the nearer of the last speaker and the latest
  person named in the narration;
* any other phrase resolves to the name inside it ("keterangan dari pihak Ukraina"), or stays as
  written, an unnamed individual marked "(tidak disebutkan namanya)" as the guideline asks;
* an agentless passive in a sentence that restates the one before takes the last speaker.
"""

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..claim import Claim
from ..lang.reporting import cue_lexicon, pronouns, word_classes
from ..lang.titles import title_length, titles
from .attribution import SPEAKER_MENTIONS
from .descriptions import PersonDescriptions, is_person_description
from .grammar import verb_shaped

W = word_classes()
_WORD = re.compile(r"[\w'’-]+")
_NICKNAME = re.compile(rf"\b(?:{'|'.join(sorted(W['nickname']))})\s+(?:di)?sapa\s+([A-Z][\w'-]+)(?:\s+([A-Z][\w'-]+))?")
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)\s*")
_APPOSITIVE_ROLE = re.compile(r",\s+((?:seorang|sang|salah satu)?\s*[\w-]+(?:\s+[\w-]+)?)")
_GROUP = re.compile(rf"\b(?i:{'|'.join(sorted(W['collective']))})\s+[a-z]+\b")
_COORDINATORS = frozenset({"dan", "serta", "maupun", "atau"})
_JOINERS = frozenset({"of", "the", "&", "de", "van", "bin", "binti", "al", "el"})


@dataclass(frozen=True)
class Mention:
    """A name in the text: its offsets, text, whether it can be a person, and its words."""

    start: int
    end: int
    text: str
    person: bool
    title_only: bool = False

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(self.text))


class Intervals:
    """Character ranges, merged where they overlap, with a logarithmic membership test.

    >>> spans = Intervals([(10, 20), (0, 5), (12, 30)])
    >>> spans.covers(25), spans.covers(30), spans.covers(7)
    (True, False, False)
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif end > start:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, position: int) -> bool:
        """Whether some range holds ``position`` (start inclusive, end exclusive)."""
        k = bisect_right(self.starts, position) - 1
        return k >= 0 and position < self.ends[k]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def _is_org(text: str) -> bool:
    return any(w in W["org"] for w in _words(text)) or text.isupper()


def _group_head(mention: str) -> bool:
    """Whether a source mention is headed by an organisation or collective noun ("komunitas Viking").

    >>> _group_head("komunitas Viking Persib"), _group_head("Budi Santoso")
    (True, False)
    """
    words = mention.split()
    return len(words) > 1 and (words[0].lower() in W["org"] or words[0].lower() in W["collective"])


def _is_group(name: str) -> bool:
    """An unnamed group kept as its description ("Sejumlah warga", "para petani")."""
    words = name.split()
    return bool(words) and words[0].lower() in W["collective"]


def _mention(text: str, span: Span, person: bool) -> Mention:
    """A name mention of ``span`` (``text`` is ``doc.text``), without a function word glued to its end."""
    end = span.end_char - _glued_suffix(span[-1].text)
    return Mention(span.start_char, end, text[span.start_char : end], person)


def _from_ents(doc: Doc, text: str) -> list[Mention]:
    return [_mention(text, e, e.label_ == "PER") for e in doc.ents if e.label_ in ("PER", "ORG")]


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

    def name_like(token: Token) -> bool:
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


def _from_capitals(doc: Doc, text: str) -> tuple[list[Mention], dict[str, str]]:
    """Capitalised runs outside entities, titles stripped (a run that is only a title is kept and
    marked), and the titles seen before names ("Menteri Sosial X": menteri sosial → X)."""
    mentions, titled = [], {}
    for i, j in _runs(doc):
        run = doc[i:j]
        if tuple(t.lower_ for t in run) in titles():
            mentions.append(Mention(run.start_char, run.end_char, run.text, True, title_only=True))
            continue
        cut = title_length(run)
        mention = _mention(text, doc[i + cut : j], not _is_org(run.text))
        mentions.append(mention)
        if cut:
            titled[doc[i : i + cut].text.lower()] = mention.text
    return mentions, titled


def _aliases(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Other names for a mention: an acronym in brackets after it ("Badan ... (BMN)"), standing for the
    name after the brackets when the mention is only a title ("Menteri Sosial (Mensos) X"); a title
    right before a name; a nickname ("yang akrab disapa Gus Y")."""
    found = {}
    for n, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if _BRACKET_OPEN.fullmatch(text[a.end : b.start]) and text[b.end : b.end + 3].lstrip().startswith(")"):
            after = mentions[n + 2] if n + 2 < len(mentions) else None
            if not a.title_only:
                found[b.text.lower()] = a.text
            elif after is not None and _BRACKET_CLOSE.fullmatch(text[b.end : after.start]):
                found[b.text.lower()] = after.text
        elif a.title_only and not b.title_only and not text[a.end : b.start].strip():
            found[a.text.lower()] = b.text
    starts = [m.start for m in mentions]
    for match in _NICKNAME.finditer(text):
        near = mentions[bisect_left(starts, match.start() - 200) : bisect_left(starts, match.start())]
        before = [m for m in near if m.end <= match.start() and match.start() - m.end < 30]
        first, second = match.group(1), match.group(2)
        nickname = second if second and (first.lower(),) in titles() else first  # "Gus Ipul" → Ipul
        if before:
            found[nickname.lower()] = before[-1].text
    return found


def _written_canonicals(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Short forms whose gazetteer name the article also writes out ("Kemenkes" where the text has
    "Kementerian Kesehatan"), lowercased, to that name."""
    written = {m.text for m in mentions}
    return {
        ent.text.lower(): ent._.canonical
        for ent in doc.ents
        if ent._.canonical != ent.text and ent._.canonical in written
    }


def _glued_suffix(word: str) -> int:
    """Length of a function word a scraper glued to the end of a name ("Yusufbakal" → 5), else 0."""
    for suffix in W["glued"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[-len(suffix) - 1].isalpha():
            return len(suffix)
    return 0


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
        text = doc.text
        runs, aliases = _from_capitals(doc, text)
        everything = _merge(_from_ents(doc, text), runs)
        aliases.update(_aliases(text, everything))
        for short, full in _written_canonicals(doc, everything).items():
            aliases.setdefault(short, full)
        quoted = Intervals((q.start_char, q.end_char) for q in doc.spans.get("quotes", []))
        mentions = [m for m in everything if not m.title_only and not quoted.covers(m.start)]
        contents = [(c.content_start, c.content_end) for c in claims]
        resolver = _Resolution(text, mentions, aliases, contents, PersonDescriptions(doc))
        introduced = [(span.start_char, span.end_char) for span in doc.spans.get(SPEAKER_MENTIONS, [])]
        for _, claim, speaker in _in_text_order(claims, introduced):
            if speaker is not None:  # a speaker named without a claim of their own
                resolver.speak(speaker[0], resolver.resolve(*speaker))
            elif claim.source_start is not None:
                claim.source_resolved = resolver.resolve(claim.source_start, claim.source_end, claim.kind == "direct")
                mention = text[claim.source_start : claim.source_end]
                resolver.speak(claim.source_start, claim.source_resolved, group=_group_head(mention))
            elif claim.extra.get("source_implicit") == "previous" and resolver.speakers:
                claim.source_resolved = resolver.speakers[-1][1]
            if claim is not None and claim.via_start is not None:
                claim.via = resolver.name(claim.via_start, claim.via_end)
        doc._.resolved_names = _resolved_names(doc, claims, resolver)
        return doc


def _resolved_names(doc: Doc, claims: list[Claim], resolver: "_Resolution") -> dict[tuple[int, int], str]:
    """The name each person or organisation entity and each claim source stands for, by character offsets:
    what ``claimx_clusters`` groups mentions by, so that a cluster's name is the claims' ``source_resolved``."""
    names = {}
    for ent in doc.ents:
        if ent.label_ in ("PER", "ORG"):
            end = ent.end_char - _glued_suffix(ent[-1].text)
            names[(ent.start_char, ent.end_char)] = resolver.name(ent.start_char, end)
    for claim in claims:
        if claim.source_start is not None and claim.source_resolved:
            names.setdefault((claim.source_start, claim.source_end), claim.source_resolved)
    return names


def _in_text_order(
    claims: list[Claim], introduced: list[tuple[int, int]]
) -> list[tuple[int, Claim | None, tuple[int, int] | None]]:
    """Claims (by source, else content position) and introduced speakers, as one sequence in text order."""
    events = [(c.source_start if c.source_start is not None else c.content_start, c, None) for c in claims]
    events += [(start, None, (start, end)) for start, end in introduced]
    return sorted(events, key=lambda event: event[0])


def _past_parenthetical(after: str) -> str:
    """The text after a name, past a parenthetical between commas ("X, saat dikonfirmasi, membenarkan",
    "X, yang membidangi kesehatan, mempertanyakan").

    >>> _past_parenthetical(", saat dikonfirmasi, membenarkan hal itu")
    ' membenarkan hal itu'
    >>> _past_parenthetical(" mengatakan, harga naik")
    ' mengatakan, harga naik'
    """
    if not after.startswith(","):
        return after
    close = after.find(",", 1)
    sentence_end = min((i for i in (after.find("."), after.find("\n")) if i >= 0), default=len(after))
    return after[close + 1 :] if 0 < close < sentence_end else after


def _unnamed(description: str) -> str:
    """An unnamed source as the article describes it: a person gets "(tidak disebutkan namanya)"; a thing
    ("pesan berantai") or a group keeps its description."""
    words = description.split()
    if words and words[-1].lower() in W["demonstrative"]:
        words = words[:-1]
    kept = " ".join(words) or description
    if len(words) <= 1 or words[0].lower() in W["collective"] or any(w[:1].isupper() for w in words[1:]):
        return kept
    return kept + " (tidak disebutkan namanya)" if is_person_description(kept) else kept


class _Resolution:
    """Resolution state over one document: name mentions, aliases, claim contents and the speakers so far.

    Every lookup goes through an index built once (mentions by position and by word), so resolving
    all the claims of a document costs time in proportion to its length.
    """

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        aliases: dict[str, str],
        contents: list[tuple[int, int]],
        described: PersonDescriptions | None = None,
    ) -> None:
        self.text = text
        self.described = described
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.aliases = aliases
        self.speakers: list[tuple[int, str]] = []
        self.person_speakers: list[tuple[int, str]] = []
        self.org_speakers: list[str] = []
        self.speaker_by_word: dict[str, str] = {}
        in_claim = Intervals(contents)
        self.narrated = [m for m in mentions if not in_claim.covers(m.start)]
        self.narrated_starts = [m.start for m in self.narrated]
        self.by_word: dict[str, list[Mention]] = defaultdict(list)
        self.forms: dict[str, list[Mention]] = {}  # each distinct name: its first two mentions
        for mention in mentions:
            for word in mention.words:
                self.by_word[word].append(mention)
            seen = self.forms.setdefault(mention.text, [])
            if len(seen) < 2:
                seen.append(mention)
        self.forms_by_word: dict[str, list[str]] = defaultdict(list)
        for form, (first, *_) in self.forms.items():
            for word in first.words:
                self.forms_by_word[word].append(form)
        self._subjects: dict[int, bool] = {}

    def speak(self, at: int, name: str | None, group: bool = False) -> None:
        """Record a speaker; ``group``: the mention's head says it is no person ("komunitas X", "pihak X")."""
        if name:
            self.speakers.append((at, name))
            if group or _is_org(name):
                self.org_speakers.append(name)
            else:
                self.person_speakers.append((at, name))
            for word in _words(name):
                self.speaker_by_word[word] = name

    def resolve(self, start: int, end: int, spoken: bool = False) -> str | None:
        """The name a source mention stands for; ``spoken`` (a direct quote) wants a person."""
        mention = self.text[start:end]
        lower = mention.lower()
        if lower in pronouns():
            pronoun = pronouns()[lower]
            return self.pronoun(start, pronoun.number, spoken or pronoun.animacy == "person")
        window = self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        inner = [m for m in window if m.end <= end]
        if self._described(mention, inner, start):
            person = self.described.match(mention, start)
            if person is not None:
                k = bisect_left(self.starts, person[0])
                known = k < len(self.mentions) and self.starts[k] == person[0]
                return self.name(person[0], self.mentions[k].end if known else person[1])
            if mention.split()[-1].lower() not in W["demonstrative"]:
                return _unnamed(mention)
        words = mention.split()
        if words and words[-1].lower() in W["demonstrative"] and len(words) > 1:
            return self.anaphor(start, words[0].lower()) or _unnamed(mention)
        if mention[:1].isupper() and (not inner or inner[0].start == start):
            return self.name(start, end)
        if not inner:
            return _unnamed(mention)
        return self.name(inner[-1].start, inner[-1].end)

    def _described(self, mention: str, inner: list[Mention], start: int) -> bool:
        """A description of a person ("ahli ITB", "pemain 26 tahun itu"), not a name, title + name or alias."""
        return (
            self.described is not None
            and mention.lower() not in self.aliases
            and not (inner and inner[0].start == start)
            and is_person_description(mention)
        )

    def name(self, start: int, end: int) -> str:
        """The fullest form of the name at ``start:end`` in the article."""
        return self.name_of(self.text[start:end], start)

    def name_of(self, text: str, at: int = -1) -> str:
        """The fullest form of a name given as text, through aliases ("Mensos", "KPK", nicknames)."""
        for _ in range(3):
            if text.lower() not in self.aliases:
                break
            text = self.aliases[text.lower()]
        words = _words(text)
        if not words:
            return text
        rarest = min(words, key=lambda w: len(self.forms_by_word.get(w, ())))
        fuller = []
        for form in self.forms_by_word.get(rarest, ()):
            first = next((m for m in self.forms[form] if m.start != at), None)
            if first is not None and words < first.words:
                fuller.append(first)
        if not fuller:
            return text
        # two people may share a word ("Ahmad"): the one introduced last before the mention, then the
        # fullest form of that person ("Sri Mulyani" -> "Sri Mulyani Indrawati")
        before = [m for m in fuller if 0 <= m.start < at]
        anchor = max(before, key=lambda m: m.start) if before else min(fuller, key=lambda m: m.start)
        same = [m for m in fuller if anchor.words <= m.words]
        return max(same, key=lambda m: (len(m.words), -m.start)).text

    def _narrated_back_from(self, at: int) -> Iterator[Mention]:
        """The narrated mentions before ``at``, nearest first, without copying the list."""
        for k in range(bisect_left(self.narrated_starts, at) - 1, -1, -1):
            yield self.narrated[k]

    def pronoun(self, at: int, number: str, person: bool) -> str | None:
        """The latest speaker (a person one when ``person``, when there is one), unless a person was
        introduced as a subject in the narration since then."""
        people = self.person_speakers if person else []
        last = (people or self.speakers or [None])[-1]
        if number == "plural":
            if self.speakers and _is_group(self.speakers[-1][1]):
                return self.speakers[-1][1]  # "Sejumlah warga mengaku ... Mereka menyebut ..."
            group = self._narrated_group(self.speakers[-1][0] if self.speakers else 0, at)
            if group is not None:
                return group  # "Para petani menolak impor. Mereka mengatakan ..."
            if self.org_speakers:
                return self.org_speakers[-1]
        fresh = self._fresh_subject(last[0] if last else -1, at, last[1] if last else None)
        if fresh is not None:
            return fresh
        if last:
            return last[1]
        before = next((m for m in self._narrated_back_from(at) if m.person or number == "plural"), None)
        return self.name(before.start, before.end) if before else None

    def _narrated_group(self, since: int, at: int) -> str | None:
        """The latest group the narration names between ``since`` and ``at`` ("Para petani", "sejumlah
        warga desa"): a collective word and the noun after it, unless that is a verb."""
        found = None
        for match in _GROUP.finditer(self.text, since, at):
            words = match.group().split()
            found = words[0] if len(words) > 1 and verb_shaped(words[1]) else " ".join(words)
        return found

    def _fresh_subject(self, since: int, at: int, speaker: str | None) -> str | None:
        """The latest full name (two words or more) in subject position, or introduced with its role
        ("Rina Wati, seorang pedagang"), between ``since`` and ``at``."""
        for mention in self._narrated_back_from(at):
            if mention.start <= since:
                break
            if mention.person and (self._subject_position(mention) or self._introduced_with_role(mention)):
                name = self.name(mention.start, mention.end)
                if speaker is None or not (_words(name) <= _words(speaker) or _words(speaker) <= _words(name)):
                    return name
        return None

    def _introduced_with_role(self, mention: Mention) -> bool:
        """A full name followed by an appositive role: how news brings a new person in ("Rina Wati,
        seorang pedagang di Pasar Senen", "Hotman Paris, kuasa hukum tersangka")."""
        if len(mention.words) < 2:
            return False
        match = _APPOSITIVE_ROLE.match(self.text, mention.end)
        return match is not None and is_person_description(match.group(1))

    def anaphor(self, at: int, head: str) -> str | None:
        """``sumber tersebut``: the latest source or name with the same head noun; else ("miliarder itu")
        the latest speaker or newly introduced person, whichever is nearer."""
        if head in self.speaker_by_word:
            return self.speaker_by_word[head]
        same_head = [m for m in self.by_word.get(head, ()) if m.start < at]
        if same_head:
            return self.name(same_head[-1].start, same_head[-1].end)
        if head in self.aliases:
            return self.name_of(head)
        if head in W["anonymous"]:
            return None
        person = next((m for m in self._narrated_back_from(at) if m.person and len(m.words) > 1), None)
        last = self.speakers[-1] if self.speakers else None
        if person and (last is None or person.start > last[0]):
            return self.name(person.start, person.end)
        return last[1] if last else None

    def _subject_position(self, mention: Mention) -> bool:
        """A full name that opens its clause, after at most a few title words, with a predicate after it."""
        if mention.start not in self._subjects:
            self._subjects[mention.start] = self._opens_clause(mention)
        return self._subjects[mention.start]

    def _opens_clause(self, mention: Mention) -> bool:
        before = self.text[max(0, mention.start - 80) : mention.start]
        tail = re.split(r"[.!?\n,]\s*", before)[-1].split()
        following = self.text[mention.end : mention.end + 80]
        if before.rstrip().endswith(",") and following.startswith(","):
            following = following[1:]  # "Pengacara tersangka, Hotman Paris, membantah": an appositive name
        after = _past_parenthetical(following).split()[:3]
        return (
            len(mention.words) > 1
            and len(tail) <= 8
            and not any(verb_shaped(word) for word in tail)
            and bool(after)
            and after[0][:1].islower()
            and after[0] not in W["linker"]
            and after[0] not in _COORDINATORS  # "X dan Y harus bertemu": a pair is no antecedent of "-nya"/"ia"
            and not _COORDINATORS.intersection(tail)
        )
