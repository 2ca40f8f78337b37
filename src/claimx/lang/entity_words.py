"""Word lists behind the entity clean-up rules (``data/*.txt``), lowercased or as written."""

import re
from functools import lru_cache

from .tokenizer_exceptions import read_word_list


def _phrases(name: str, lower: bool) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple((line.lower() if lower else line).split()) for line in read_word_list(name))


@lru_cache(maxsize=1)
def generic_heads() -> frozenset[str]:
    """``data/generic_heads.txt``, lowercased ("pemerintah", "pemprov", ...)."""
    return frozenset(line.lower() for line in read_word_list("generic_heads.txt"))


@lru_cache(maxsize=1)
def facility_heads() -> frozenset[tuple[str, ...]]:
    """``data/facility_heads.txt`` as word tuples, case kept (("Bandar", "Udara"), ...)."""
    return _phrases("facility_heads.txt", lower=False)


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """``data/place_heads.txt``, case kept ("Kota", "Kabupaten", ...)."""
    return frozenset(read_word_list("place_heads.txt"))


@lru_cache(maxsize=1)
def not_entities() -> frozenset[str]:
    """``data/not_entities.txt``: texts that are never entities ("HIV", "UU", ...)."""
    return frozenset(read_word_list("not_entities.txt"))


@lru_cache(maxsize=1)
def org_units() -> frozenset[str]:
    """``data/org_units.txt``, case kept ("Komisi", "Dinas", ...)."""
    return frozenset(read_word_list("org_units.txt"))


@lru_cache(maxsize=1)
def regional_units() -> frozenset[str]:
    """``data/regional_units.txt``, case kept: units named with a place ("Polda", "Kodam")."""
    return frozenset(read_word_list("regional_units.txt"))


@lru_cache(maxsize=1)
def non_entity_before() -> frozenset[str]:
    """``data/non_entity_before.txt``: words after which a place is no entity ("bahasa")."""
    return frozenset(read_word_list("non_entity_before.txt"))


@lru_cache(maxsize=1)
def place_tails() -> frozenset[str]:
    """``data/place_tails.txt``, case kept ("Kota", "Raya")."""
    return frozenset(read_word_list("place_tails.txt"))


@lru_cache(maxsize=1)
def non_name_words() -> frozenset[str]:
    """``data/non_name_words.txt``, case kept: words that never begin a name ("Melansir")."""
    return frozenset(read_word_list("non_name_words.txt"))


@lru_cache(maxsize=1)
def non_entity_heads() -> frozenset[str]:
    """``data/non_entity_heads.txt``, case kept: prefixes of non-entities ("USS")."""
    return frozenset(read_word_list("non_entity_heads.txt"))


@lru_cache(maxsize=1)
def initials_cues() -> frozenset[str]:
    """``data/initials_cues.txt``: words before a person's initials ("berinisial")."""
    return frozenset(read_word_list("initials_cues.txt"))


# Nouns derived with ke-an / pe(r/N)-an ("Kesehatan", "Perhubungan"): words of unit names, not of people's.
_DERIVED_NOUN = re.compile(r"^(?:ke|per|pen|pem|peng|peny|pe)[a-z]{3,}an$")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(read_word_list("common_words.txt"))


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word rather than a name (``data/common_words.txt``, ke-an/pe-an nouns).

    >>> [is_common_word(w) for w in ("Kesehatan", "Perhubungan", "Luar", "Santoso")]
    [True, True, True, False]
    """
    lower = word.lower()
    return lower in _common_words() or bool(_DERIVED_NOUN.match(lower))
