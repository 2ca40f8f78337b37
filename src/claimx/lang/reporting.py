"""Loaders for the language of reporting: ``data/cues.tsv``, ``data/reporting_words.tsv``, ``data/pronouns.tsv``."""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

VOICES = frozenset({"active", "base", "passive", "phrase", "noun", "blocker"})


@dataclass(frozen=True)
class CueEntry:
    """One form of the cue lexicon."""

    form: str
    lemma: str
    voice: str
    stance: str


@dataclass(frozen=True)
class Pronoun:
    """A pronoun that can stand for a source, with its number and animacy."""

    form: str
    number: str
    animacy: str


def _rows(name: str, width: int) -> list[list[str]]:
    text = files("claimx.lang").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != width:
            raise ValueError(f"{name}:{number}: expected {width} tab-separated columns, got {len(cells)}")
        rows.append(cells)
    return rows


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, CueEntry]:
    """Every cue form (lowercase, words joined by one space) mapped to its entry.

    >>> cue_lexicon()["mengatakan"].voice, cue_lexicon()["membantah"].stance
    ('active', 'deny')
    >>> cue_lexicon()["seperti dilaporkan"].voice, cue_lexicon()["demikian kata"].voice
    ('phrase', 'phrase')
    """
    lexicon = {}
    for form, lemma, voice, stance in _rows("cues.tsv", 4):
        if voice not in VOICES:
            raise ValueError(f"cues.tsv: {form!r} has unknown voice {voice!r}")
        lexicon[form] = CueEntry(form, lemma, voice, stance)
    return lexicon | _marked_phrases(lexicon)


def _marked_phrases(lexicon: dict[str, CueEntry]) -> dict[str, CueEntry]:
    """Postposed attribution phrases: an ``as_marker`` before a passive or bare cue, a ``thus_marker`` also
    before a reporting noun (``reporting_words.tsv``), each a phrase cue unless the lexicon lists it."""
    classes = word_classes()
    voices = {"as_marker": ("passive", "base"), "thus_marker": ("passive", "base", "noun")}
    phrases = {}
    for marker_class, cue_voices in voices.items():
        for marker in classes.get(marker_class, ()):
            for entry in lexicon.values():
                form = f"{marker} {entry.form}"
                if entry.voice in cue_voices and form not in lexicon:
                    phrases[form] = CueEntry(form, entry.lemma, "phrase", entry.stance)
    return phrases


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Closed word classes by name (``adverb``, ``negation``, ``linker``, ...).

    >>> "bahwa" in word_classes()["complementizer"]
    True
    """
    classes: dict[str, set[str]] = defaultdict(set)
    for word, name in _rows("reporting_words.tsv", 2):
        classes[name].add(word)
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def pronouns() -> dict[str, Pronoun]:
    """Pronouns (and the clitic ``nya``) that can stand for a source.

    >>> pronouns()["mereka"].number
    'plural'
    """
    return {form: Pronoun(form, number, animacy) for form, number, animacy in _rows("pronouns.tsv", 3)}
