"""Name mentions for source resolution: entities and capitalised runs, with titles off, and the aliases
an article sets up for them (an acronym in brackets, a title right before a name, "yang akrab disapa X",
a gazetteer short form whose full name the article writes)."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span

from ..lang.reporting import cue_lexicon, pronouns, word_classes
from ..lang.titles import title_length, titles

W = word_classes()
_WORD = re.compile(r"[\w'’-]+")
_NICKNAME = re.compile(rf"\b(?:{'|'.join(sorted(W['nickname']))})\s+(?:di)?sapa\s+([A-Z][\w'-]+)(?:\s+([A-Z][\w'-]+))?")
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)\s*")
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


def words_of(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def is_org_name(text: str) -> bool:
    return any(w in W["org"] for w in words_of(text)) or text.isupper()


def name_mention(text: str, span: Span, person: bool) -> Mention:
    """A name mention of ``span`` (``text`` is ``doc.text``), without a function word glued to its end."""
    end = span.end_char - glued_suffix(span[-1].text)
    return Mention(span.start_char, end, text[span.start_char : end], person)


def from_ents(doc: Doc, text: str) -> list[Mention]:
    return [name_mention(text, e, e.label_ == "PER") for e in doc.ents if e.label_ in ("PER", "ORG")]


@lru_cache(maxsize=100_000)
def _not_name(word: str) -> bool:
    """A capitalised word that opens no name: a pronoun, connective, adverb, day or month, or a cue."""
    lower = word.lower()
    return (
        lower in pronouns()
        or lower in W["connective"]
        or lower in W["adverb"]
        or lower in W["time"]
        or lower in cue_lexicon()
    )


def _name_words(words: list[str], punct: list[bool], starts: frozenset[int]) -> frozenset[str]:
    """Capitalised words that occur inside a sentence somewhere: names, unlike capitalised sentence openers."""
    return frozenset(
        word for k, word in enumerate(words[1:], 1) if word[:1].isupper() and k not in starts and not punct[k - 1]
    )


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs (joined by "of", "bin", ...) outside entities.

    Reads the token texts and flags once (a ``Token`` per look cost a third of the stage).
    """
    words = [t.text for t in doc]
    punct = [t.is_punct for t in doc]
    entity = [bool(t.ent_type) for t in doc]
    newline_after = ["\n" in t.whitespace_ for t in doc]
    starts = frozenset(sent.start for sent in doc.sents)
    known = _name_words(words, punct, starts)
    name_like = [w[:1].isupper() and not e and not _not_name(w) for w, e in zip(words, entity, strict=True)]
    runs, i, n = [], 0, len(words)
    while i < n:
        if not name_like[i]:
            i += 1
            continue
        j = i + 1
        while j < n and not newline_after[j - 1]:
            if name_like[j]:
                j += 1
            elif words[j].lower() in _JOINERS and j + 1 < n and name_like[j + 1]:
                j += 2
            else:
                break
        if i not in starts or j - i > 1 or words[i] in known:
            runs.append((i, j))
        i = j
    return runs


def from_capitals(doc: Doc, text: str) -> tuple[list[Mention], dict[str, str]]:
    """Capitalised runs outside entities, titles stripped (a run that is only a title is kept and
    marked), and the titles seen before names ("Menteri Sosial X": menteri sosial → X)."""
    mentions, titled = [], {}
    for i, j in _runs(doc):
        run = doc[i:j]
        if tuple(t.lower_ for t in run) in titles():
            mentions.append(Mention(run.start_char, run.end_char, run.text, True, title_only=True))
            continue
        cut = title_length(run)
        mention = name_mention(text, doc[i + cut : j], not is_org_name(run.text))
        mentions.append(mention)
        if cut:
            titled[doc[i : i + cut].text.lower()] = mention.text
    return mentions, titled


def aliases_of(text: str, mentions: list[Mention]) -> dict[str, str]:
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


def written_canonicals(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Short forms whose gazetteer name the article also writes out ("Kemenkes" where the text has
    "Kementerian Kesehatan"), lowercased, to that name."""
    written = {m.text for m in mentions}
    return {
        ent.text.lower(): ent._.canonical
        for ent in doc.ents
        if ent._.canonical != ent.text and ent._.canonical in written
    }


def glued_suffix(word: str) -> int:
    """Length of a function word a scraper glued to the end of a name ("Yusufbakal" → 5), else 0."""
    for suffix in W["glued"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[-len(suffix) - 1].isalpha():
            return len(suffix)
    return 0


def merge_mentions(ents: list[Mention], runs: list[Mention]) -> list[Mention]:
    """Entity mentions and capitalised runs, in text order."""
    return sorted(ents + runs, key=lambda m: m.start)
