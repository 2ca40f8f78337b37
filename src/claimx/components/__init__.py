"""claimx's spaCy components. Importing this package registers every factory."""

from spacy.tokens import Doc

from . import boilerplate, entities

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

__all__ = ["boilerplate", "entities"]
