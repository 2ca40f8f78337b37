"""The Claim: one attributed statement, held as character offsets into ``doc.text``."""

from dataclasses import dataclass, field


@dataclass
class Claim:
    """A claim found in a document.

    Offsets are 0-based, end-exclusive character offsets into ``doc.text``; a missing
    part (no cue, agentless passive) has ``None`` offsets. ``kind`` is ``direct``,
    ``indirect`` or ``mixed``; ``rule`` names the pattern that found it.
    """

    content_start: int
    content_end: int
    kind: str
    rule: str
    confidence: float
    cue_start: int | None = None
    cue_end: int | None = None
    cue_lemma: str | None = None
    stance: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_resolved: str | None = None
    source_label: str | None = None
    via: str | None = None
    via_start: int | None = None
    via_end: int | None = None
    extra: dict = field(default_factory=dict)
