"""The request side of ``claimx serve``: read a bounded body and check its documents.

A body is one ``{"id", "text", ...}`` object or a list of them. Checking stops at the first problem
and names the field, e.g. ``body[2].text: must be a string, not number``. A document that passes is
read by the JSONL reader's :func:`~claimx.io.readers.from_mapping`, so every other rule (an empty text, a
lone surrogate, other fields kept under ``meta``) is the command line's: such a document becomes an error
record.

>>> parse_documents(b'{"id": "a", "text": "Halo.", "url": "https://contoh.id/a"}', 64)
([InputDocument(id='a', text='Halo.', meta={'url': 'https://contoh.id/a'}, error=None)], False)
>>> parse_documents(b'[{"text": " "}]', 64)[0][0].error
"body[0]: record '0' has an empty text"
>>> parse_documents(b'[{"id": "a"}]', 64)
Traceback (most recent call last):
claimx.serve_body.BodyProblem: body[0].text: field required
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from .io.readers import InputDocument, from_mapping

DRAIN_LIMIT = 64 * 1024 * 1024  # bytes of an oversized body read and dropped so the client sees the 413


class BodyProblem(ValueError):
    """A request the service refuses: ``status`` (413 or 422) and a one-line message naming the field."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type: ``object``, ``array``, ``string``, ``number``, ...

    >>> json_type(3), json_type(None), json_type([1])
    ('number', 'null', 'array')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)


async def read_limited(chunks: AsyncIterator[bytes], limit: int, declared: str | None = None) -> bytes:
    """The body from ``chunks``, or :class:`BodyProblem` (413) once it passes ``limit`` bytes.

    An oversized body is still read (and dropped, up to :data:`DRAIN_LIMIT`) so that the client, which
    is still sending, receives the 413 instead of a reset connection.
    """
    too_big = declared is not None and declared.isdigit() and int(declared) > limit
    body, size = bytearray(), 0
    async for chunk in chunks:
        size += len(chunk)
        too_big = too_big or size > limit
        if not too_big:
            body += chunk
        elif size > DRAIN_LIMIT:
            break
    if too_big:
        raise BodyProblem(f"body: larger than the limit of {limit} bytes (--max-body)", status=413)
    return bytes(body)


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: bytes) -> object:
    """The parsed body, or :class:`BodyProblem` (422) saying where the JSON is malformed."""
    try:
        return json.loads(body, parse_constant=_no_constants)
    except json.JSONDecodeError as err:
        raise BodyProblem(f"body: malformed JSON ({err.msg} at line {err.lineno} column {err.colno})") from err
    except UnicodeDecodeError as err:
        raise BodyProblem(f"body: not UTF-8 JSON (invalid byte at offset {err.start})") from err
    except RecursionError as err:
        raise BodyProblem("body: JSON nested too deeply") from err
    except ValueError as err:  # NaN, Infinity
        raise BodyProblem(f"body: malformed JSON ({err})") from err


def check_document(item: object, where: str, default_id: str) -> InputDocument:
    """The document of a ``{"id"?, "text", ...}`` object with a string text (and id), else BodyProblem.
    The reader's rules then apply: an empty text, for one, makes an error document (an error record)."""
    if not isinstance(item, dict):
        raise BodyProblem(f'{where}: expected a JSON object {{"id", "text", ...}}, got {json_type(item)}')
    if "text" not in item:
        raise BodyProblem(f"{where}.text: field required")
    for field in ("text", "id"):
        if field in item and not isinstance(item[field], str):
            raise BodyProblem(f"{where}.{field}: must be a string, not {json_type(item[field])}")
    return from_mapping(item, where, default_id)


def parse_documents(body: bytes, max_docs: int) -> tuple[list[InputDocument], bool]:
    """``(documents, is_list)`` of a request body; :class:`BodyProblem` for a body that cannot be served."""
    data = parse_json(body)
    if not isinstance(data, list):
        return [check_document(data, "body", "0")], False
    if not data:
        raise BodyProblem(f"body: an empty list; send one document or a list of 1 to {max_docs}")
    if len(data) > max_docs:
        raise BodyProblem(f"body: {len(data)} documents; at most {max_docs} per request (--max-docs)", status=413)
    return [check_document(item, f"body[{number}]", str(number)) for number, item in enumerate(data)], True
