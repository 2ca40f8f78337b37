"""``claimx_consistency``: one document, one reading of each name.

A news article says who someone is once ("Menteri Pertahanan Rusia Andrei Belousov") and then
writes the surname ten times; a sentence-by-sentence tagger misses many of those mentions or labels
the same word differently in two sentences. After the NER and the guideline rules, this stage:

0. **repairs people's names**: a PER span widens over the capitalised unknown words beside it and drops a
   known place from its start (:func:`repair_people`);
1. **settles label conflicts by vote**: every entity whose text is tagged more often with another
   label in the document takes the majority label (ties keep their labels);
2. **finds speakers the tagger missed**: untagged name words right after a bare speech verb
   ("“…,” kata Guardiola") are a person (:func:`named_speakers`), and a one-word one spreads below like
   a name the tagger saw twice;
3. **propagates names**: an untagged capitalised mention of a tagged entity's full text, or of the
   surname or given name of a person tagged with two words or more, becomes an entity with that label
   (a one-word person's name only where the tagger tagged it at least twice, and where no untagged
   capitalised word stands beside it, so it is not part of another name: one wrong tag must not spread;
   one-word places are not spread, since "bahasa Inggris" or "MotoGP Italia" are not entities where the
   same word elsewhere is; a one-word organisation tagged at least twice spreads only inside a sentence,
   between uncapitalised words: "laporan Reuters", not "Reuters" opening a headline).
   Everyday words (``data/known_words.txt``), titles and words that open a sentence without being a
   name part elsewhere are left alone;
4. **drops everyday words tagged as one-word persons** ("Silang pendapat …"), unless they belong to a
   longer name of the document or the gazetteer knows them (:func:`drop_everyday_people`).

>>> from claimx.pipeline import blank
>>> from spacy.tokens import Span
>>> doc = blank()("Menteri Andrei Belousov tiba. Belousov berkata Moskwa siap. Belousov pulang.")
>>> doc.ents = [Span(doc, 1, 3, "PER"), Span(doc, 7, 8, "LOC")]
>>> [(e.text, e.label_) for e in make_doc_consistent(doc).ents]
[('Andrei Belousov', 'PER'), ('Belousov', 'PER'), ('Moskwa', 'LOC'), ('Belousov', 'PER')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lang.doctext import doc_text
from ..lang.entity_words import is_common_word
from ..lang.gazetteer import entries
from ..lang.glued import known_words
from ..lang.reporting import cue_lexicon
from ..lang.titles import titles
from .entity_forms import is_account_name

MAX_NAME_TOKENS = 6
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "\u201c", "\u201d", "\n"})


@Language.factory("claimx_consistency", default_config={"vote": True, "min_person_tags": 2})
def make_consistency(nlp: Language, name: str, vote: bool, min_person_tags: int) -> ConsistentEntities:
    return ConsistentEntities(vote, min_person_tags)


class ConsistentEntities:
    """Stateless pipeline component; see the module docstring. ``vote``: settle label conflicts;
    ``min_person_tags``: how often the tagger must tag a one-word person's name before it spreads."""

    def __init__(self, vote: bool = True, min_person_tags: int = 2) -> None:
        self.vote, self.min_person_tags = vote, min_person_tags

    def __call__(self, doc: Doc) -> Doc:
        return make_doc_consistent(doc, self.vote, self.min_person_tags)


def majority_labels(ents: list[Span]) -> dict[str, str]:
    """Entity text → its most frequent label in the document, where one label wins outright."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        votes[ent.text][ent.label_] += 1
    winners = {}
    for text, counter in votes.items():
        (first, n_first), *rest = counter.most_common()
        if not rest or n_first > rest[0][1]:
            winners[text] = first
    return winners


def _name_parts(ents: list[Span]) -> dict[str, str]:
    """Surname and given name of every person tagged with two words or more → "PER"."""
    parts = {}
    for ent in ents:
        words = [t for t in ent if t.is_alpha]
        if ent.label_ == "PER" and len(words) >= 2:
            for token in (words[0], words[-1]):
                if len(token) >= 3 and token.text[0].isupper():
                    parts[token.text] = "PER"
    return parts


def _is_free_name_word(token, tagged: list[bool]) -> bool:
    """A capitalised word outside any entity that is neither an everyday word nor a title."""
    return (
        not tagged[token.i]
        and token.text[:1].isupper()
        and token.is_alpha
        and token.lower_ not in known_words()
        and (token.lower_,) not in titles()
    )


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Every place name of the gazetteer, as written."""
    return frozenset(entry.name for entry in entries() if entry.label == "LOC")


def _name_word(token, tagged: list[bool]) -> bool:
    """A free name word (:func:`_is_free_name_word`) that is no known place: it can be part of a person's name."""
    return _is_free_name_word(token, tagged) and token.text not in known_places()


def title_case_lines(text: str) -> list[tuple[int, bool]]:
    """``(line start, headline-like)`` for every line: over three quarters of its words capitalised
    ("Baca juga: Prabowo Minta Menteri Hemat"), where capitals say nothing about names.

    >>> title_case_lines("Baca Juga: Prabowo Minta Menteri Hemat\\nIa datang ke sana.")
    [(0, True), (39, False)]
    """
    lines, start = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        lines.append((start, len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.75))
        start += len(line) + 1
    return lines


def _in_title_case_line(lines: list[tuple[int, bool]], starts: list[int], char: int) -> bool:
    return lines[bisect_right(starts, char) - 1][1]


def repair_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name is a run of capitalised unknown words, which the tagger sometimes cuts ("Direktur
    Didiek [Hartantyo]") or runs into a place before it ("[Indonesia Fithra Faisal]"): widen a PER span over
    name words beside it (not across a line break or punctuation), and cut a known place from its start.

    >>> from claimx.pipeline import blank
    >>> doc = blank()("Direktur Didiek Hartantyo dan ekonom Indonesia Fithra Faisal hadir di rapat itu kemarin.")
    >>> [e.text for e in repair_people(doc, [Span(doc, 2, 3, "PER"), Span(doc, 5, 8, "PER")])]
    ['Didiek Hartantyo', 'Fithra Faisal']
    """
    tagged = [False] * len(doc)
    for ent in ents:
        tagged[ent.start : ent.end] = [True] * len(ent)
    lines = title_case_lines(doc_text(doc))
    starts = [start for start, _ in lines]
    repaired = []
    for ent in ents:
        start, end = ent.start, ent.end
        if ent.label_ == "PER" and not _in_title_case_line(lines, starts, ent.start_char):
            while end - start > 1 and doc[start].text in known_places() and doc[start + 1].text[:1].isupper():
                start += 1
            while start > 0 and "\n" not in doc[start - 1].whitespace_ and _name_word(doc[start - 1], tagged):
                start -= 1
            while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and _name_word(doc[end], tagged):
                end += 1
        repaired.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, "PER"))
    return repaired


@lru_cache(maxsize=1)
def _speech_verbs_before_speaker() -> frozenset[str]:
    """Bare speech verbs that stand before their speaker after a quote or clause ("..., kata X")."""
    return frozenset(form for form, entry in cue_lexicon().items() if entry.voice == "base" and " " not in form)


def named_speakers(doc: Doc, tagged: list[bool]) -> list[Span]:
    """PER spans of untagged name words right after a bare speech verb ("\u201c...,\u201d kata Haaland"):
    the speaker of "kata"/"ujar"/"tutur" is a person (or a pronoun, which is lowercase). Name words are
    capitalised, of three letters or more, neither everyday words nor gazetteer names nor titles; up to
    three of them make one name ("ujar Erik ten Hag" stops at "ten").

    >>> from claimx.pipeline import blank
    >>> doc = blank()("\u201cKami siap,\u201d kata Guardiola. Ia senang, ujar Direktur Budi.")
    >>> [(e.text, e.label_) for e in named_speakers(doc, [False] * len(doc))]
    [('Guardiola', 'PER')]
    """
    verbs = {doc.vocab.strings[verb] for verb in _speech_verbs_before_speaker()}
    found, after = [], 0
    for i in [k + 1 for k, word in enumerate(doc.to_array("LOWER").tolist()[:-1]) if word in verbs]:
        if i < after or not _speaker_word(doc[i], tagged):
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and _speaker_word(doc[end], tagged):
            end += 1
        found.append(Span(doc, i, end, "PER"))
        after = end
    return found


def _speaker_word(token, tagged: list[bool]) -> bool:
    return (
        _name_word(token, tagged)
        and len(token) >= 3
        and token.is_title
        and not is_common_word(token.text)
        and token.text not in known_names_of_gazetteer()
    )


@lru_cache(maxsize=1)
def known_names_of_gazetteer() -> frozenset[str]:
    """Every name of the gazetteer, as written."""
    return frozenset(entry.name for entry in entries())


def make_doc_consistent(doc: Doc, vote: bool = True, min_person_tags: int = 2) -> Doc:
    """Apply the boundary repair, the vote and the propagation of the module docstring to ``doc.ents``."""
    ents = repair_people(doc, list(doc.ents))
    winners = majority_labels(ents)
    if vote:
        ents = [Span(doc, e.start, e.end, winners.get(e.text, e.label_)) if winners.get(e.text, e.label_) != e.label_
                else e for e in ents]  # fmt: skip
    tagged = [False] * len(doc)
    for ent in ents:
        tagged[ent.start : ent.end] = [True] * len(ent)
    speakers = named_speakers(doc, tagged)
    for ent in speakers:
        tagged[ent.start : ent.end] = [True] * len(ent)
    ents += speakers
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for text, label in winners.items():
        words = tuple(text.split())
        if 1 < len(words) <= MAX_NAME_TOKENS:
            by_first[words[0]].append((words, label))
    parts = _name_parts(ents)
    counts = Counter(e.text for e in ents)  # a one-word name spreads only once the tagger has seen it twice
    parts.update(
        {t: "PER" for t, label in winners.items() if label == "PER" and " " not in t and counts[t] >= min_person_tags}
    )
    parts.update({ent.text: "PER" for ent in speakers if len(ent) == 1})  # the verb vouches for the name
    organisations = {t for t, label in winners.items() if label == "ORG" and " " not in t and counts[t] >= 2}
    added = []
    i = 0
    while i < len(doc):
        if not doc[i].text[:1].isupper() or tagged[i]:
            i += 1
            continue
        span = _full_mention(doc, i, by_first, tagged)
        if span is None and doc[i].text in organisations and _lone_inside_sentence(doc, i, tagged):
            span = Span(doc, i, i + 1, "ORG")
        if span is None and doc[i].text in parts and _is_free_name_word(doc[i], tagged):
            neighbours = [doc[k] for k in (i - 1, i + 1) if 0 <= k < len(doc)]
            if not any(t.is_title and not tagged[t.i] and t.lower_ not in known_words() for t in neighbours):
                span = Span(doc, i, i + 1, parts[doc[i].text])
        if span is not None:
            added.append(span)
            i = span.end
        else:
            i += 1
    ents = [ent for ent in filter_spans(ents + added) if not is_account_name(ent)]  # "akun X “Budi”"
    doc.ents = drop_everyday_people(ents)
    return doc


def drop_everyday_people(ents: list[Span]) -> list[Span]:
    """``ents`` without one-word persons that are everyday words (``data/known_words.txt``: "Silang",
    "Jornada"), unless the gazetteer knows them or they belong to a longer person's name in the document.

    >>> from claimx.pipeline import blank
    >>> doc = blank()("Silang pendapat terjadi. Budi Harapan datang, Harapan senang.")
    >>> [e.text for e in drop_everyday_people([Span(doc, 0, 1, "PER"), Span(doc, 4, 6, "PER"), Span(doc, 8, 9, "PER")])]
    ['Budi Harapan', 'Harapan']
    """
    in_names = {token.text for ent in ents if ent.label_ == "PER" and len(ent) > 1 for token in ent}
    return [
        ent
        for ent in ents
        if not (
            ent.label_ == "PER"
            and len(ent) == 1
            and ent.text.lower() in known_words()
            and ent.text not in in_names
            and ent.text not in known_names_of_gazetteer()
        )
    ]


def _lone_inside_sentence(doc: Doc, i: int, tagged: list[bool]) -> bool:
    """Whether token ``i`` is a free name word that does not open a sentence and has no untagged
    capitalised word beside it."""
    if i == 0 or doc[i - 1].text in SENTENCE_OPENERS or doc[i - 1].is_space or not _is_free_name_word(doc[i], tagged):
        return False
    return not any(doc[k].is_title and not tagged[k] for k in (i - 1, i + 1) if 0 <= k < len(doc))


def _full_mention(doc: Doc, i: int, by_first: dict, tagged: list[bool]) -> Span | None:
    """An untagged repeat of a multi-word entity's full text starting at token ``i``."""
    for words, label in sorted(by_first.get(doc[i].text, ()), key=lambda entry: -len(entry[0])):
        end = i + len(words)
        if end <= len(doc) and not any(tagged[i:end]) and tuple(t.text for t in doc[i:end]) == words:
            return Span(doc, i, end, label)
    return None
