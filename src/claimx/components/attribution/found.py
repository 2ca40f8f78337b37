"""A claim under construction, shared by every attribution rule."""

from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass
class Found:
    """A claim under construction: token-level source and cue, character-level content.

    ``rule`` names the rule that made it (its confidence comes from the component's config);
    ``clitic`` holds the character offsets of a source ``nya`` glued inside a token (``lengkapnya``).
    """

    content: tuple[int, int]
    kind: str
    rule: str
    cue: Span | None
    source: tuple[int, int] | None
    via: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)
    clitic: tuple[int, int] | None = None
