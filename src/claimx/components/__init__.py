"""claimx's spaCy components. Importing this package registers every factory."""

from spacy.tokens import Doc

from . import attribution, boilerplate, clusters, consistency, cues, entities, facts, quotes, sentences, sources, syntax

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Doc.has_extension("clusters"):
    Doc.set_extension("clusters", default=None)
if not Doc.has_extension("resolved_names"):
    Doc.set_extension("resolved_names", default=None)

__all__ = [
    "attribution",
    "boilerplate",
    "clusters",
    "consistency",
    "cues",
    "entities",
    "facts",
    "quotes",
    "sentences",
    "sources",
    "syntax",
]
