"""claimx's spaCy components. Importing this package registers every factory."""

from spacy.tokens import Doc

from . import attribution, boilerplate, consistency, cues, entities, facts, quotes, sentences, sources

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

__all__ = ["attribution", "boilerplate", "consistency", "cues", "entities", "facts", "quotes", "sentences", "sources"]
