"""``claimx_facts``: the entities, quantities and dates inside each claim's content.

Adds to every claim's ``extra`` three lists of ``{"start", "end", "text"}`` (plus ``label``
for entities): ``entities`` (from ``doc.ents``), ``quantities`` ("14.000 personel",
"Rp 50 triliun", "40 persen") and ``dates`` ("Senin (28/4)", "18 Juni 2025", "tahun lalu").
"""

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.doctext import doc_text

_DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
_MONTHS = (
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)"
)
DATE = re.compile(
    rf"\b{_DAYS}\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)"
    rf"|\b(?:{_DAYS},?\s+)?\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?\b"
    rf"|\b{_MONTHS}\s+\d{{4}}\b"
    r"|\b(?:tahun|pada)\s+\d{4}\b"
    rf"|\b{_DAYS}\b"
    r"|\b(?:hari ini|kemarin|besok|pekan (?:ini|lalu|depan)|bulan (?:ini|lalu|depan)|tahun (?:ini|lalu|depan))\b"
)
_UNITS = (
    r"persen|%|personel|orang|jiwa|unit|ton|kg|km|meter|hektare|ha|kasus|siswa|sekolah|rumah|kali|tahun|bulan|hari|jam"
    r"|triliun|miliar|juta|ribu|ratus|basis poin|dolar|rupiah"
)
QUANTITY = re.compile(
    r"(?:\b(?:Rp|USD|US\$|\$|€|£)\s?)?\d+(?:[.,]\d+)*(?:\s?(?:triliun|miliar|juta|ribu))?"
    rf"(?:\s?(?:{_UNITS})\b|%)?"
    r"|\b(?:Rp|USD|US\$)\s?\d+(?:[.,]\d+)*"
)


def _items(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[dict]:
    return [{"start": m.start(), "end": m.end(), "text": m.group()} for m in pattern.finditer(text, start, end)]


def entity_items(doc: Doc, text: str | None = None) -> list[dict]:
    """The document's entities as dicts, in text order (built once per document, not per claim); ``text``,
    when given, is ``doc.text``, to slice each entity's text from."""
    if text is None:
        text = doc_text(doc)
    return [
        {"start": e.start_char, "end": e.end_char, "text": text[e.start_char : e.end_char], "label": e.label_}
        for e in doc.ents
    ]


def claim_facts(doc: Doc, text: str, start: int, end: int, entities: list[dict] | None = None) -> dict[str, list[dict]]:
    """Entities, quantities and dates within ``text[start:end]`` (``text`` is ``doc.text``).

    ``entities`` is :func:`entity_items` of ``doc``, passed in when several claims are looked up.

    >>> from claimx.pipeline import blank
    >>> doc = blank()("Korea mengirim 14.000 personel pada Senin (28/4).")
    >>> facts = claim_facts(doc, doc.text, 0, 48)
    >>> [q["text"] for q in facts["quantities"]], [d["text"] for d in facts["dates"]]
    (['14.000 personel'], ['Senin (28/4)'])
    """
    dates = _items(DATE, text, start, end)
    in_date = [(d["start"], d["end"]) for d in dates]
    quantities = [
        q
        for q in _items(QUANTITY, text, start, end)
        if not any(s <= q["start"] < e for s, e in in_date) and any(c.isdigit() for c in q["text"])
    ]
    items = entity_items(doc) if entities is None else entities
    first = bisect_left(items, start, key=lambda e: e["start"])
    inside = []
    for e in items[first:]:
        if e["start"] >= end:
            break
        if e["end"] <= end:
            inside.append(dict(e))
    return {"entities": inside, "quantities": quantities, "dates": dates}


@Language.factory("claimx_facts")
def make_facts(nlp: Language, name: str) -> "FactFinder":
    return FactFinder()


class FactFinder:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        entities = entity_items(doc, text)
        for claim in doc._.claims or []:
            claim.extra.update(claim_facts(doc, text, claim.content_start, claim.content_end, entities))
        return doc
