"""``claimx_boilerplate``: marks scraped page furniture (Baca juga, Advertisement, ...).

Sets ``doc.spans["boilerplate"]`` (regions that hold no claims) and
``doc.spans["boilerplate_markers"]`` (parts that hold no entities), and removes any
entity that overlaps a marker. Place it after ``ner``.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.boilerplate import find_boilerplate
from ..lang.doctext import doc_text


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


@Language.factory("claimx_boilerplate")
def make_boilerplate(nlp: Language, name: str) -> "BoilerplateMarker":
    return BoilerplateMarker()


class BoilerplateMarker:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        regions, markers = [], []
        for match in find_boilerplate(doc_text(doc)):
            region = _span(doc, *match.region, match.name)
            marker = _span(doc, *match.marker, match.name)
            if region is not None:
                regions.append(region)
            if marker is not None:
                markers.append(marker)
        doc.spans["boilerplate"] = regions
        doc.spans["boilerplate_markers"] = markers
        if markers and doc.ents:
            doc.ents = [ent for ent in doc.ents if not any(m.start < ent.end and ent.start < m.end for m in markers)]
        return doc
