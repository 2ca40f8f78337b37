"""Word lists behind the entity clean-up rules (``data/*.txt``), lowercased or as written.

Each accessor returns the lines of one data file as a frozen set, read once:

========================  ==========================  =================================================
accessor                  file                        holds
========================  ==========================  =================================================
``generic_heads()``       ``generic_heads.txt``       generic words before a place, lowercased ("pemprov")
``facility_heads()``      ``facility_heads.txt``      facility heads as word tuples (("Bandar", "Udara"))
``institution_heads()``   ``institution_heads.txt``   institution heads as word tuples (("Rumah", "Sakit"))
``place_heads()``         ``place_heads.txt``         administrative words before a place ("Kota")
``place_tails()``         ``place_tails.txt``         administrative words after a place ("Kota", "Raya")
``not_entities()``        ``not_entities.txt``        texts that are never entities ("HIV", "UU")
``org_units()``           ``org_units.txt``           unit words of organisations ("Komisi", "Dinas")
``regional_units()``      ``regional_units.txt``      units named with a place ("Polda", "Kodam")
``non_entity_before()``   ``non_entity_before.txt``   words after which a place is no entity ("bahasa")
``event_heads()``         ``event_heads.txt``         event names before a place, case kept ("Piala", "MotoGP")
``non_name_words()``      ``non_name_words.txt``      words that never begin a name ("Melansir")
``non_entity_heads()``    ``non_entity_heads.txt``    prefixes of non-entities ("USS")
``initials_cues()``       ``initials_cues.txt``       words before a person's initials ("berinisial")
========================  ==========================  =================================================
"""

import re
from functools import cache, lru_cache, partial

from .tokenizer_exceptions import read_word_list


@cache
def word_set(name: str, lower: bool = False) -> frozenset[str]:
    """The lines of ``data/{name}`` as a set, lowercased with ``lower``."""
    return frozenset(line.lower() if lower else line for line in read_word_list(name))


@lru_cache(maxsize=1)
def facility_heads() -> frozenset[tuple[str, ...]]:
    """``data/facility_heads.txt`` as word tuples, case kept (("Bandar", "Udara"), ...)."""
    return frozenset(tuple(line.split()) for line in read_word_list("facility_heads.txt"))


@lru_cache(maxsize=1)
def institution_heads() -> frozenset[tuple[str, ...]]:
    """``data/institution_heads.txt`` as word tuples, case kept (("Rumah", "Sakit"), ("SMPN",), ...)."""
    return frozenset(tuple(line.split()) for line in read_word_list("institution_heads.txt"))


generic_heads = partial(word_set, "generic_heads.txt", lower=True)
place_heads = partial(word_set, "place_heads.txt")
place_tails = partial(word_set, "place_tails.txt")
not_entities = partial(word_set, "not_entities.txt")
org_units = partial(word_set, "org_units.txt")
regional_units = partial(word_set, "regional_units.txt")
non_entity_before = partial(word_set, "non_entity_before.txt")
event_heads = partial(word_set, "event_heads.txt")
non_name_words = partial(word_set, "non_name_words.txt")
non_entity_heads = partial(word_set, "non_entity_heads.txt")
initials_cues = partial(word_set, "initials_cues.txt")


# Nouns derived with ke-an / pe(r/N)-an ("Kesehatan", "Perhubungan"): words of unit names, not of people's.
_DERIVED_NOUN = re.compile(r"^(?:ke|per|pen|pem|peng|peny|pe)[a-z]{3,}an$")


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word rather than a name (``data/common_words.txt``, ke-an/pe-an nouns).

    >>> [is_common_word(w) for w in ("Kesehatan", "Perhubungan", "Luar", "Santoso")]
    [True, True, True, False]
    """
    lower = word.lower()
    return lower in word_set("common_words.txt") or bool(_DERIVED_NOUN.match(lower))
