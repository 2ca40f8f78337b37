"""``claimx_cues``: matches the cue lexicon (``lang/data/cues.tsv``) into ``doc.spans["cues"]``.

Each span's label is the cue's voice; ``span._.cue`` gives its lexicon entry (lemma,
voice, stance). Matching is on lowercased tokens, so "Menurut" and "menurut" both match,
and the tokenizer's clitic split makes "ujarnya" match as "ujar".
"""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lang.reporting import CueEntry, cue_lexicon


def cue_entry(span: Span) -> CueEntry | None:
    """The lexicon entry of a cue span."""
    return cue_lexicon().get(" ".join(t.lower_ for t in span))


if not Span.has_extension("cue"):
    Span.set_extension("cue", getter=cue_entry)


@Language.factory("claimx_cues")
def make_cues(nlp: Language, name: str) -> "CueMatcher":
    return CueMatcher(nlp)


class CueMatcher:
    """Finds cue forms; the longest match wins ("seperti dilaporkan"); a ``blocker`` ("lebih lanjut") hides its cue."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for voice in sorted({entry.voice for entry in cue_lexicon().values()}):
            forms = [form for form, entry in cue_lexicon().items() if entry.voice == voice]
            self.matcher.add(voice, [nlp.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=label) for label, start, end in self.matcher(doc, as_spans=False)]
        doc.spans["cues"] = [s for s in filter_spans(spans) if s._.cue is not None and s._.cue.voice != "blocker"]
        return doc
