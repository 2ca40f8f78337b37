"""The JSON Schema of claimx's records, versioned: ``claimx schema`` prints it.

A record is either a document record (``id``, ``text``, ``entities``, ``claims``, optional ``meta``) or
an error record (``id``, ``error``). The fields are those of ``../shared/eval/README.md`` plus claimx's
own (``rule``, ``confidence``, ``stance``, ``source_label``, ...). :data:`SCHEMA_VERSION` follows
semantic versioning: the major number changes whenever a change could break a consumer (a field
removed, renamed or retyped), the minor number when fields are added.

>>> from jsonschema import Draft202012Validator
>>> Draft202012Validator(record_schema()).is_valid({"id": "a", "error": "a.txt: empty document"})
True
"""

from __future__ import annotations

SCHEMA_VERSION = "1.1.0"  # 1.1.0: document records carry "clusters"

_OFFSET = {"type": "integer", "minimum": 0}
_OPTIONAL_OFFSET = {"type": ["integer", "null"], "minimum": 0}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_SPAN_ITEM = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {"start": _OFFSET, "end": _OFFSET, "text": {"type": "string"}, "label": {"type": "string"}},
}


def _entity() -> dict:
    return {
        "type": "object",
        "description": "A named entity; text[start:end] == text.",
        "required": ["start", "end", "text", "label"],
        "properties": {
            "start": _OFFSET,
            "end": _OFFSET,
            "text": {"type": "string"},
            "label": {"enum": ["PER", "ORG", "LOC"]},
            "canonical": {"type": "string", "description": "The name's canonical form (gazetteer), when known."},
        },
        "additionalProperties": False,
    }


def _claim() -> dict:
    return {
        "type": "object",
        "description": "An attributed claim; every *_start/*_end pair slices its string from the text.",
        "required": [
            "content",
            "content_start",
            "content_end",
            "source",
            "source_start",
            "source_end",
            "source_resolved",
            "cue",
            "cue_start",
            "cue_end",
            "kind",
            "via",
        ],  # fmt: skip
        "properties": {
            "content": {"type": "string"},
            "content_start": _OFFSET,
            "content_end": _OFFSET,
            "source": _OPTIONAL_TEXT,
            "source_start": _OPTIONAL_OFFSET,
            "source_end": _OPTIONAL_OFFSET,
            "source_resolved": {**_OPTIONAL_TEXT, "description": "Who the source is, as the article names them."},
            "source_label": {"enum": ["PER", "ORG", "LOC", None]},
            "cue": _OPTIONAL_TEXT,
            "cue_start": _OPTIONAL_OFFSET,
            "cue_end": _OPTIONAL_OFFSET,
            "cue_lemma": _OPTIONAL_TEXT,
            "stance": {**_OPTIONAL_TEXT, "description": "assert, deny, confirm, report, ... (lang/data/cues.tsv)."},
            "kind": {"enum": ["direct", "indirect", "mixed"]},
            "via": {**_OPTIONAL_TEXT, "description": "The originator a relaying source passes on."},
            "via_mention": _OPTIONAL_TEXT,
            "via_start": _OPTIONAL_OFFSET,
            "via_end": _OPTIONAL_OFFSET,
            "rule": {"type": "string"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "source_implicit": {"enum": ["previous"]},
            "entities": {"type": "array", "items": _SPAN_ITEM},
            "quantities": {"type": "array", "items": _SPAN_ITEM},
            "dates": {"type": "array", "items": _SPAN_ITEM},
        },
        "additionalProperties": False,
    }


def _cluster() -> dict:
    return {
        "type": "object",
        "description": "A person or organisation of the document: its fullest name and every mention.",
        "required": ["name", "label", "mentions"],
        "properties": {
            "name": {"type": "string"},
            "label": {"enum": ["PER", "ORG"]},
            "mentions": {"type": "array", "items": {"type": "array", "items": _OFFSET, "minItems": 2, "maxItems": 2}},
        },
        "additionalProperties": False,
    }


def record_schema() -> dict:
    """The JSON Schema (draft 2020-12) that every claimx record validates against."""
    document = {
        "type": "object",
        "required": ["id", "text", "entities", "claims"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
            "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
            "meta": {"type": "object", "description": "The input's other fields, as given."},
            "clusters": {"type": "array", "items": {"$ref": "#/$defs/cluster"}},
        },
        "additionalProperties": False,
    }
    error = {
        "type": "object",
        "required": ["id", "error"],
        "properties": {
            "id": {"type": "string"},
            "error": {"type": "string", "description": "FILE:LINE: what went wrong"},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:claimx:record:{SCHEMA_VERSION}",
        "title": "claimx record",
        "description": f"One line of claimx's JSON Lines output (schema version {SCHEMA_VERSION}).",
        "version": SCHEMA_VERSION,
        "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/error"}],
        "$defs": {"document": document, "error": error, "entity": _entity(), "claim": _claim(), "cluster": _cluster()},
    }
