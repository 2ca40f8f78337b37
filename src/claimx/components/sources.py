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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..claim import Claim
from ..lang.doctext import doc_text
from ..lang.reporting import pronouns, word_classes
from .attribution import SPEAKER_MENTIONS
from .descriptions import PersonDescriptions, is_person_description
from .grammar import verb_shaped
from .source_names import (
    Intervals,
    Mention,
    aliases_of,
    from_capitals,
    from_ents,
    glued_suffix,
    is_org_name,
    merge_mentions,
    words_of,
    written_canonicals,
)

W = word_classes()
_APPOSITIVE_ROLE = re.compile(r",\s+((?:seorang|sang|salah satu)?\s*[\w-]+(?:\s+[\w-]+)?)")
_GROUP = re.compile(rf"\b(?i:{'|'.join(sorted(W['collective']))})\s+[a-z]+\b")
_COORDINATORS = frozenset({"dan", "serta", "maupun", "atau"})


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


@Language.factory("claimx_sources")
def make_sources(nlp: Language, name: str) -> "SourceResolver":
    return SourceResolver()


class SourceResolver:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = doc._.claims or []
        text = doc_text(doc)
        runs, aliases = from_capitals(doc, text)
        everything = merge_mentions(from_ents(doc, text), runs)
        aliases.update(aliases_of(text, everything))
        for short, full in written_canonicals(doc, everything).items():
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
            end = ent.end_char - glued_suffix(ent[-1].text)
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
            if group or is_org_name(name):
                self.org_speakers.append(name)
            else:
                self.person_speakers.append((at, name))
            for word in words_of(name):
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
        words = words_of(text)
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
                if speaker is None or not (words_of(name) <= words_of(speaker) or words_of(speaker) <= words_of(name)):
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
