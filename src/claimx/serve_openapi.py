"""The OpenAPI description of ``claimx serve``: the request documents and the record schema of
:mod:`claimx.schema`, published under ``components/schemas`` (``Record``, ``DocumentRecord``, ``ErrorRecord``,
``Entity``, ``Claim``, ``Cluster``) so that ``/docs`` shows exactly what ``claimx schema`` prints."""

from __future__ import annotations

import json

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .schema import record_schema

REF = "#/components/schemas/"
# record_schema()'s $defs → component names
DEFS = {
    "document": "DocumentRecord",
    "error": "ErrorRecord",
    "entity": "Entity",
    "claim": "Claim",
    "cluster": "Cluster",
}
DOCUMENT = {
    "type": "object",
    "description": "A document to process; fields other than id and text come back under the record's meta.",
    "required": ["text"],
    "properties": {
        "id": {"type": "string", "description": "Echoed in the record (default: the document's position, 0, 1, ...)."},
        "text": {"type": "string", "description": "The article text."},
    },
    "additionalProperties": True,
}
PROBLEM = {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _problem(description: str, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": _json({"$ref": REF + "Problem"})}
    return answer | ({"headers": headers} if headers else {})


def extract_openapi(max_docs: int) -> dict:
    """The ``openapi_extra`` of ``POST /extract``: its request body and every answer it gives."""
    documents = {"type": "array", "items": {"$ref": REF + "Document"}, "minItems": 1, "maxItems": max_docs}
    records = {"type": "array", "items": {"$ref": REF + "Record"}}
    retry = {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}}
    return {
        "requestBody": {
            "required": True,
            "content": _json({"oneOf": [{"$ref": REF + "Document"}, documents]}),
        },
        "responses": {
            "200": {
                "description": "The record of the document, or the list of records of the list, in order.",
                "content": _json({"oneOf": [{"$ref": REF + "Record"}, records]}),
            },
            "413": _problem("The body is over the size limit, or holds more than the documents allowed."),
            "422": _problem("Malformed JSON, or a document without a string text; the detail names the field."),
            "503": _problem("Every place in the queue is taken; retry after Retry-After seconds.", retry),
        },
    }


def record_components() -> dict:
    """``record_schema()`` as OpenAPI component schemas (its ``$defs`` references rewritten)."""
    schema = record_schema()
    text = json.dumps(schema["$defs"])
    for name, component in DEFS.items():
        text = text.replace(f'"#/$defs/{name}"', f'"{REF}{component}"')
    components = {DEFS[name]: value for name, value in json.loads(text).items()}
    components["Record"] = {
        "description": schema["description"],
        "oneOf": [{"$ref": REF + "DocumentRecord"}, {"$ref": REF + "ErrorRecord"}],
    }
    return components


def install_components(app: FastAPI) -> None:
    """Make ``app.openapi()`` include the document, problem and record component schemas."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            schemas.update({"Document": DOCUMENT, "Problem": PROBLEM, **record_components()})
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
