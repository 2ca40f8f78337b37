"""Who a claim's source is: its entity label, looked up in the record when the claim lacks one.

>>> record = {"text": "Kata Budi Santoso.", "entities": [
...     {"start": 5, "end": 17, "text": "Budi Santoso", "label": "PER"}]}
>>> source_label(record, {"source_start": 5, "source_end": 9, "source_resolved": "Budi Santoso"})
'PER'
"""

from typing import Any

Record = dict[str, Any]  # as claimx.records.Record, which builds on this module


def source_label(record: Record, claim: Record) -> str | None:
    """The claim's ``source_label``; else the label of an entity named like ``source_resolved``
    (text or canonical name), preferring one inside the source span; else of the first entity
    in the source span (Indonesian phrases put the head first: ``BPBD Jawa Barat``); None when unknown."""
    if claim.get("source_label"):
        return claim["source_label"]
    entities = record.get("entities") or []
    start, end = claim.get("source_start"), claim.get("source_end")
    inside = [e for e in entities if start is not None and end is not None and e["start"] < end and start < e["end"]]
    resolved = claim.get("source_resolved")
    named = [e for e in inside + entities if resolved and resolved in (e["text"], e.get("canonical"))]
    best = named[:1] or inside[:1]
    return best[0]["label"] if best else None
