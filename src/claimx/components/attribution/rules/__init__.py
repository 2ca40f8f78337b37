"""The attribution rules, one module each, registered by name for the component's config.

* quote rules ``(index, quote span, content, previous claim) -> Found | None``, tried in order on each quote;
* cue rules ``(index, cue span) -> Found | None``, tried in order on each cue outside quotes; each
  answers only for the cues of its construction;
* follow-ups ``(index, claims) -> claims``, run in order once all claims are found.
"""

from collections.abc import Callable

from spacy.tokens import Span

from ..found import Found
from ..index import DocIndex
from .according import according
from .continuation import continuations
from .noun_cue import noun_cue
from .passive import passive
from .postposed import postposed_cue
from .preposed import inherit_subject, preposed_cue
from .quote_after import after_quote
from .quote_before import before_quote
from .relative import relative_cue
from .relay import relays
from .split_quote import split_quote

QuoteRule = Callable[[DocIndex, Span, tuple[int, int], Found | None], Found | None]
CueRule = Callable[[DocIndex, Span], Found | None]
FollowUp = Callable[[DocIndex, list[Found]], list[Found]]

QUOTE_RULES: dict[str, QuoteRule] = {
    "after_quote": after_quote,
    "before_quote": before_quote,
    "split_quote": split_quote,
}
CUE_RULES: dict[str, CueRule] = {
    "according": according,
    "passive": passive,
    "noun_cue": noun_cue,
    "postposed_cue": postposed_cue,
    "preposed_cue": preposed_cue,
    "relative_cue": relative_cue,
}
FOLLOW_UPS: dict[str, FollowUp] = {
    "continuation": continuations,
    "inherit_subject": inherit_subject,
    "relay": relays,
}
