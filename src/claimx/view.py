"""Visual review: a record (or Doc) as displaCy "span" markup, entities and claims highlighted.

Each claim is numbered in record order and its parts share the number: ``CLAIM 1`` (the
content; ``CLAIM 1 ← X`` when the source has no span, ``via Y`` when the relay has none),
``CUE 1``, ``SOURCE 1 → Joko Widodo`` (the mention and who it resolves to), ``VIA 1`` (the
relayed originator), so a source chain reads off the labels. Resting the pointer on a label
shows the claim's kind, stance, rule and confidence (or an entity's canonical name).

>>> record = {"id": "a", "text": "“Kami siap,” kata Budi.", "entities": [],
...     "claims": [{"content_start": 1, "content_end": 10, "kind": "direct", "source": "Budi",
...                 "source_start": 18, "source_end": 22, "source_resolved": "Budi Santoso",
...                 "cue_start": 13, "cue_end": 17}]}
>>> [h.label for h in highlights(record)]
['CLAIM 1', 'CUE 1', 'SOURCE 1 → Budi Santoso']
>>> "SOURCE 1 → Budi Santoso" in render(record, jupyter=False)
True
"""

import html
import re
from dataclasses import dataclass

from spacy import displacy
from spacy.displacy.templates import TPL_SPAN, TPL_SPAN_SLICE, TPL_SPAN_START
from spacy.tokens import Doc

from .records import Record, doc_to_record

ROLE_COLORS = {"CLAIM": "#ffe082", "CUE": "#ff8a65", "SOURCE": "#4fc3f7", "VIA": "#ce93d8"}
ENTITY_COLORS = {"PER": "#aed581", "ORG": "#80cbc4", "LOC": "#b39ddb"}
OTHER_COLOR = "#e0e0e0"
# displaCy's templates, with labels kept on one line (a label is wider than its first token) and
# marked by a class (the review page lifts a hovered label above its neighbours)
TEMPLATE = {
    "span": TPL_SPAN,
    "slice": TPL_SPAN_SLICE,
    "start": TPL_SPAN_START.replace("line-height: 1;", "line-height: 1; white-space: nowrap;").replace(
        '<span style="background: {bg}; z-index: 10;',
        '<span class="claimx-label" style="background: {bg}; z-index: 10;',
    ),
}


@dataclass(frozen=True)
class Highlight:
    """One highlighted character span ``[start, end)``: its displaCy label, colour, and the
    details shown when the pointer rests on the label."""

    start: int
    end: int
    label: str
    color: str
    details: str = ""

    def markup(self) -> str:
        """The label as displaCy inserts it (raw HTML): escaped, with the details as a tooltip."""
        label = html.escape(self.label)
        return f'<span title="{html.escape(self.details)}">{label}</span>' if self.details else label


def _has(claim: Record, part: str) -> bool:
    return claim.get(f"{part}_start") is not None and claim.get(f"{part}_end") is not None


def _details(**fields: object) -> str:
    return "; ".join(f"{name}: {value}" for name, value in fields.items() if value not in (None, ""))


def _claim_highlights(number: int, claim: Record) -> list[Highlight]:
    resolved, via = claim.get("source_resolved"), claim.get("via")
    who = f" → {resolved}" if resolved and resolved != claim.get("source") else ""
    relay = f" via {via}" if via and not _has(claim, "via") else ""
    details = _details(
        kind=claim.get("kind"), source=claim.get("source"), resolved=resolved, via=via,
        cue=claim.get("cue"), stance=claim.get("stance"), rule=claim.get("rule"), confidence=claim.get("confidence"),
    )  # fmt: skip
    origin = "" if _has(claim, "source") or not resolved else f" ← {resolved}"
    parts = [
        ("content", "CLAIM", f"CLAIM {number}{origin}{relay}"),
        ("cue", "CUE", f"CUE {number}"),
        ("source", "SOURCE", f"SOURCE {number}{who}"),
        ("via", "VIA", f"VIA {number}"),
    ]
    return [
        Highlight(claim[f"{part}_start"], claim[f"{part}_end"], label, ROLE_COLORS[role], details)
        for part, role, label in parts
        if _has(claim, part)
    ]


def highlights(record: Record, entities: bool = True) -> list[Highlight]:
    """The spans to highlight in ``record``: its entities (unless ``entities=False``), then each
    claim's content, cue, source and via."""
    found = []
    if entities:
        for ent in record.get("entities") or []:
            color = ENTITY_COLORS.get(ent["label"], OTHER_COLOR)
            details = _details(canonical=ent.get("canonical")) if ent.get("canonical") != ent["text"] else ""
            found.append(Highlight(ent["start"], ent["end"], ent["label"], color, details))
    for number, claim in enumerate(record.get("claims") or [], 1):
        found += _claim_highlights(number, claim)
    return found


def _paragraph(text: str, start: int, end: int, marks: list[Highlight]) -> dict:
    """displaCy's manual span input for ``text[start:end]``: tokens cut at whitespace and at
    every highlight boundary, and each highlight clipped to the paragraph as token indices."""
    cuts = sorted({b for h in marks for b in (h.start, h.end) if start < b < end})
    tokens = []
    for word in re.finditer(r"\S+", text[start:end]):
        edges = [start + word.start(), *(c for c in cuts if start + word.start() < c < start + word.end())]
        tokens += zip(edges, [*edges[1:], start + word.end()], strict=True)
    spans = []
    for mark in marks:
        inside = [i for i, (a, b) in enumerate(tokens) if a < mark.end and mark.start < b]
        if inside:
            spans.append({"start_token": inside[0], "end_token": inside[-1] + 1, "label": mark.markup()})
    return {
        "text": text[start:end],
        "tokens": [text[a:b] for a, b in tokens],
        "spans": spans,
        "settings": {"lang": "id", "direction": "ltr"},
    }


def render(doc_or_record: Doc | Record, jupyter: bool | None = None, entities: bool = True) -> str | None:
    """displaCy "span" markup of a record or Doc, one block per paragraph (line of text).

    In Jupyter (detected, or ``jupyter=True``) the view is displayed and None returned;
    elsewhere the HTML markup is returned. An error record raises ``ValueError``.
    """
    record = doc_to_record(doc_or_record, "doc") if isinstance(doc_or_record, Doc) else doc_or_record
    if "error" in record:
        raise ValueError(f"cannot render an error record: {record['error']}")
    text, marks = record["text"], highlights(record, entities)
    paragraphs = [_paragraph(text, m.start(), m.end(), marks) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    colors = {m.markup(): m.color for m in marks}
    return displacy.render(
        paragraphs, style="span", manual=True, jupyter=jupyter, options={"colors": colors, "template": TEMPLATE}
    )
