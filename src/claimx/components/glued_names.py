"""Splitting tokens that join gazetteer names, for ``claimx_entities`` (see :func:`split_glued_names`).

>>> from claimx.pipeline import blank
>>> doc = blank()("Perang Iran-Israel dan regulasi diAmerika Serikat.")
>>> split_glued_names(doc, [t.text for t in doc]), [t.text for t in doc][:4]
(True, ['Perang', 'Iran', '-', 'Israel'])
"""

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..lang.gazetteer import canonical_forms
from ..lang.glued import known

CAMEL = re.compile(r"[a-z][A-Z]")


@lru_cache(maxsize=100_000)
def _pieces(text: str) -> tuple[str, ...] | None:
    """How to split a token that joins gazetteer names, or None (cached: words repeat across documents).

    "Iran-Israel" → Iran, -, Israel (hyphen between two names); "diAmerika", "otakNeuralink",
    "akunFacebookbernama" → the name cut from the lowercase words glued to it by scrapers (the tokenizer
    has already split "akun|Facebookbernama"; see ``claimx.lang.glued``).
    """
    names = canonical_forms()
    if "-" in text and text.count("-") == 1 and all(side in names for side in text.split("-")):
        left, right = text.split("-")
        return (left, "-", right)
    if not text.isalpha() or not (CAMEL.search(text) or text[0].isupper() and not known(text)):
        return None  # only camel case, or an unknown capitalised word ("Facebookbernama" after the tokenizer)
    for match in _glued_name_pattern().finditer(text):
        start, end = match.span()
        if (start == 0 or text[start - 1].islower()) and (end == len(text) or text[end].islower()):
            return tuple(piece for piece in (text[:start], match.group(), text[end:]) if piece)
    return None


@lru_cache(maxsize=1)
def _glued_name_pattern() -> re.Pattern:
    """Single-word gazetteer names of 4+ letters that start with a capital, longest first."""
    names = sorted((n for n in canonical_forms() if n.isalpha() and len(n) >= 4 and n[0].isupper()), key=len)
    return re.compile("|".join(re.escape(name) for name in reversed(names)))


def split_glued_names(doc: Doc, words: list[str]) -> bool:
    """Split tokens that join gazetteer names (see :func:`_pieces`); entities on them are dropped.

    Returns whether any token was split.
    """
    splits = [(doc[i], pieces) for i, word in enumerate(words) if (pieces := _pieces(word))]
    if not splits:
        return False
    doc.ents = [ent for ent in doc.ents if not any(ent.start <= token.i < ent.end for token, _ in splits)]
    with doc.retokenize() as retokenizer:
        for token, pieces in splits:
            retokenizer.split(token, list(pieces), heads=[(token, 0)] * len(pieces))
    return True
