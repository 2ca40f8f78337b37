"""``claimx_attribution``: named rules turn quotes and cues into ``doc._.claims``.

Each rule lives in its own module of :mod:`.rules`, with its test sentences in
``tests/data/attribution/<rule>.tsv``; the component's config names the rules to run, their order and
each claim rule's confidence. In the default order:

* quote rules: ``"Q," kata X`` / ``"Q," ujarnya`` (``quote_cue_source``), ``"Q," X menambahkan``
  (``quote_source_cue``), ``X mengatakan, "Q"`` / ``X: "Q"`` (``source_cue_quote``,
  ``source_colon_quote``), split quotes ``"A," kata X, "B"`` (``split_quote``);
* ``narrative``: the text a fact-check quotes after ``narasi:``;
* cue rules on the remaining cues outside quotes: ``Menurut X, C`` / ``C, menurut X`` (``according``),
  passives with or without an agent (``passive``, ``restated``), ``pernyataan X bahwa C``
  (``noun_cue``), ``C, kata X`` / ``Jangan sampai, kata dia, C`` (``clause_cue_source``,
  ``parenthetical_cue``), ``X mengatakan (bahwa) C`` and an elided subject (``source_cue_clause``,
  ``elided_subject``), ``pesan yang menyebutkan bahwa C`` (``relative_cue``);
* follow-ups: ``continuation`` (a quoted paragraph with no cue takes the previous speaker), an
  elided subject inherits the source before it, and ``via`` for relayed claims.

Sources here are mentions only, passed through the source filter (a source that is not a noun
phrase leaves the claim with the last speaker); ``claimx_sources`` resolves them to names.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...claim import Claim
from .cue_filters import reports_speech
from .found import Found
from .index import DocIndex
from .rules import CUE_RULES, FOLLOW_UPS, QUOTE_RULES
from .rules.narrative import narrative_claims
from .rules.postposed import ends_its_sentence

#: span group of speakers introduced without a claim of their own ("Hal senada disampaikan X."): the
#: next "ujarnya" or "ia" may refer to them, so claimx_sources counts them as the latest speaker
SPEAKER_MENTIONS = "speaker_mentions"

DEFAULT_CONFIG = {
    "quote_rules": ["after_quote", "before_quote", "split_quote"],
    "narrative": True,
    "cue_rules": ["according", "passive", "noun_cue", "postposed_cue", "preposed_cue", "relative_cue"],
    "follow_ups": ["continuation", "inherit_subject", "relay"],
    "confidence": {
        "quote_cue_source": 0.95,
        "quote_source_cue": 0.85,
        "source_cue_quote": 0.9,
        "source_colon_quote": 0.75,
        "split_quote": 0.85,
        "source_cue_clause": 0.8,
        "elided_subject": 0.7,
        "according": 0.85,
        "clause_cue_source": 0.8,
        "parenthetical_cue": 0.75,
        "noun_cue": 0.65,
        "passive": 0.6,
        "restated": 0.5,
        "continuation": 0.6,
        "narrative": 0.7,
        "relative_cue": 0.6,
    },
}


@Language.factory("claimx_attribution", default_config=DEFAULT_CONFIG)
def make_attribution(
    nlp: Language,
    name: str,
    quote_rules: list[str],
    narrative: bool,
    cue_rules: list[str],
    follow_ups: list[str],
    confidence: dict[str, float],
) -> "Attributor":
    return Attributor(quote_rules, narrative, cue_rules, follow_ups, confidence)


class Attributor:
    """The rules named in the config, applied to each document; needs quotes, cues and sentences."""

    def __init__(
        self,
        quote_rules: list[str],
        narrative: bool,
        cue_rules: list[str],
        follow_ups: list[str],
        confidence: dict[str, float],
    ) -> None:
        for names, known in ((quote_rules, QUOTE_RULES), (cue_rules, CUE_RULES), (follow_ups, FOLLOW_UPS)):
            unknown = [n for n in names if n not in known]
            if unknown:
                raise ValueError(f"claimx_attribution: unknown rule {unknown[0]!r}; known: {', '.join(known)}")
        self.quote_rules = [QUOTE_RULES[n] for n in quote_rules]
        self.narrative = narrative
        self.cue_rules = [CUE_RULES[n] for n in cue_rules]
        self.follow_ups = [FOLLOW_UPS[n] for n in follow_ups]
        self.confidence = confidence

    def __call__(self, doc: Doc) -> Doc:
        ix = DocIndex(doc)
        found = self.find(ix)
        doc._.claims = [to_claim(ix, f, self.confidence.get(f.rule, 0.5)) for f in found]
        doc.spans[SPEAKER_MENTIONS] = [Span(doc, start, end) for start, end in ix.introduced]
        return doc

    def find(self, ix: DocIndex) -> list[Found]:
        """Every claim of the document, in text order."""
        found = self._quote_claims(ix)
        ix.taken = [f.content for f in found]
        if self.narrative:
            found += narrative_claims(ix)
        for cue in sorted(ix.cues, key=lambda c: not ends_its_sentence(ix, c)):
            if ix.in_quote[cue.start] or cue.start in ix.used or cue.end - 1 in ix.used:
                continue
            claim = self._cue_claim(ix, cue)
            if claim is not None and not ix.overlaps(claim.content):
                found.append(claim)
                ix.taken.append(claim.content)
        found.sort(key=lambda f: f.content[0])
        for follow_up in self.follow_ups:
            found = follow_up(ix, found)
        return found

    def _quote_claims(self, ix: DocIndex) -> list[Found]:
        found: list[Found] = []
        previous: Found | None = None
        for span, marks in ix.quotes:
            if ix.in_blocked(marks.open_at):
                previous = None
                continue
            content = marks.content(ix.text)
            if content[1] <= content[0]:
                continue
            claim = next((c for rule in self.quote_rules if (c := rule(ix, span, content, previous))), None)
            if claim is not None:
                found.append(claim)
            previous = claim
        return found

    def _cue_claim(self, ix: DocIndex, cue: Span) -> Found | None:
        if not reports_speech(ix, cue):
            return None
        return next((c for rule in self.cue_rules if (c := rule(ix, cue)) is not None), None)


def to_claim(ix: DocIndex, found: Found, confidence: float) -> Claim:
    """The :class:`~claimx.claim.Claim` of ``found``, with character offsets."""
    doc = ix.doc
    cue, source, via = found.cue, found.source, found.via
    claim = Claim(
        content_start=found.content[0],
        content_end=found.content[1],
        kind=found.kind,
        rule=found.rule,
        confidence=confidence,
        extra=found.extra,
    )
    if cue is not None:
        claim.cue_start, claim.cue_end = cue.start_char, cue.end_char
        claim.cue_lemma, claim.stance = cue._.cue.lemma, cue._.cue.stance
    if source is not None:
        span = doc[source[0] : source[1]]
        claim.source_start, claim.source_end = span.start_char, span.end_char
    elif found.clitic is not None:
        claim.source_start, claim.source_end = found.clitic
    if via is not None:
        span = doc[via[0] : via[1]]
        claim.via, claim.via_start, claim.via_end = span.text, span.start_char, span.end_char
    return claim
