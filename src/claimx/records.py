"""Doc → record: the output contract of ``../shared/eval/README.md``, derived in one place."""

from dataclasses import asdict, dataclass, fields
from typing import Any

from spacy.tokens import Doc, Span

from .authors import source_label
from .claim import Claim
from .lang.doctext import doc_text

Record = dict[str, Any]


def entity_record(ent: Span, text: str | None = None) -> Record:
    """``{"start", "end", "text", "label"}`` (+ ``canonical`` when known) for one entity; ``text``, when
    given, is ``doc.text`` (the entity's text is sliced from it rather than rebuilt from its tokens)."""
    start, end = ent.start_char, ent.end_char
    record: Record = {
        "start": start,
        "end": end,
        "text": ent.text if text is None else text[start:end],
        "label": ent.label_,
    }
    if Span.has_extension("canonical") and (canonical := ent._.canonical):  # the getter runs once
        record["canonical"] = canonical
    return record


def _slice(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


@dataclass
class _Box:
    value: Any


_ATOMS = frozenset({str, int, float, bool, type(None)})
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


def _copied(value: Any) -> Any:
    """``dataclasses.asdict``'s deep copy of one value, without its per-value ``deepcopy`` of strings and
    numbers (two thirds of the record's time): plain values as they are, lists and dicts rebuilt."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [_copied(item) for item in value]
    if kind is dict:
        return {_copied(key): _copied(item) for key, item in value.items()}
    return asdict(_Box(value))["value"]  # anything else exactly as asdict copies it


def claim_record(text: str, claim: Claim) -> Record:
    """One claim in the record format, with each span's string sliced from ``text``."""
    values = {name: _copied(getattr(claim, name)) for name in _CLAIM_FIELDS}  # as asdict(claim), faster
    extra = values.pop("extra")
    record: Record = {
        "content": text[claim.content_start : claim.content_end],
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "source": _slice(text, claim.source_start, claim.source_end),
        "source_start": claim.source_start,
        "source_end": claim.source_end,
        "source_resolved": claim.source_resolved,
        "cue": _slice(text, claim.cue_start, claim.cue_end),
        "cue_start": claim.cue_start,
        "cue_end": claim.cue_end,
        "kind": claim.kind,
        "via": claim.via,
        # ``via`` is the originator's resolved name; its mention in the text is ``via_mention``.
        "via_mention": _slice(text, claim.via_start, claim.via_end),
        "via_start": claim.via_start,
        "via_end": claim.via_end,
    }
    record.update({k: v for k, v in values.items() if k not in record})
    record.update(extra)
    return record


def doc_to_record(doc: Doc, doc_id: str, meta: dict | None = None) -> Record:
    """The record of one processed document."""
    text = doc_text(doc)  # spaCy builds doc.text from the tokens on each access
    record: Record = {
        "id": doc_id,
        "text": text,
        "entities": [entity_record(ent, text) for ent in doc.ents],
        "claims": [claim_record(text, claim) for claim in doc._.claims or []],
    }
    for claim in record["claims"]:  # final here, so exports and frames read it instead of recomputing it
        claim["source_label"] = source_label(record, claim)
    if doc._.clusters is not None:
        record["clusters"] = [cluster.as_record() for cluster in doc._.clusters]
    if meta:
        record["meta"] = meta
    return record


def error_record(doc_id: str, message: str) -> Record:
    """The record that stands in for a document that could not be processed."""
    return {"id": doc_id, "error": message}


def _shift_spans(items: list[Record], offset: int) -> list[Record]:
    """Copies of ``items`` with every offset moved by ``offset``, nested facts (a claim's entities,
    quantities, dates) included."""
    shifted = []
    for item in items:
        item = dict(item)
        for key, value in item.items():
            if isinstance(value, int) and (key in ("start", "end") or key.endswith(("_start", "_end"))):
                item[key] = value + offset
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                item[key] = _shift_spans(value, offset)
        shifted.append(item)
    return shifted


def merge_records(parts: list[tuple[int, Record]], doc_id: str, text: str, meta: dict | None) -> Record:
    """Join the records of consecutive pieces of ``text`` (each with its start offset)."""
    merged: Record = {"id": doc_id, "text": text, "entities": [], "claims": []}
    clusters: dict[tuple[str, str], Record] = {}
    for offset, part in parts:
        merged["entities"] += _shift_spans(part["entities"], offset)
        merged["claims"] += _shift_spans(part["claims"], offset)
        for cluster in part.get("clusters") or []:  # one cluster per name across the pieces
            kept = clusters.setdefault((cluster["label"], cluster["name"]), {**cluster, "mentions": []})
            kept["mentions"] += [[start + offset, end + offset] for start, end in cluster["mentions"]]
    if any("clusters" in part for _, part in parts):
        merged["clusters"] = list(clusters.values())
    if meta:
        merged["meta"] = meta
    return merged
