"""Readers: turn paths (``.txt`` files, folders, ``.jsonl`` files, ``-`` for stdin) into documents.

A reader never raises on bad input: a document that cannot be read comes out as an
``InputDocument`` with ``error`` set, naming the file (and line), so a batch loses nothing.
"""

import codecs
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

# Fields of claimx's own records; an input line's other fields are kept as ``meta``.
RESERVED_FIELDS = ("entities", "claims", "error", "meta")


@dataclass
class InputDocument:
    """One document to process, or the reason it cannot be (``error``)."""

    id: str
    text: str | None = None
    meta: dict = field(default_factory=dict)
    error: str | None = None


def decode(data: bytes, where: str, fallback_encoding: str | None = None) -> tuple[str | None, str | None]:
    """Decode ``data`` as UTF-8 (BOM allowed); return ``(text, error)``.

    >>> decode("Halo".encode(), "a.txt")
    ('Halo', None)
    >>> print(decode(b"caf\\xe9", "a.txt")[1])
    a.txt: not UTF-8 (invalid byte 0xe9 at offset 3); pass --fallback-encoding (e.g. cp1252) to read it
    >>> decode(b"caf\\xe9", "a.txt", "cp1252")
    ('café', None)
    >>> decode("Halo".encode("utf-16"), "a.txt")
    ('Halo', None)
    """
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # UTF-16 says so in its first bytes
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as err:
            return None, f"{where}: not valid UTF-16 ({err.reason} at offset {err.start})"
    wide = fallback_encoding is not None and codecs.lookup(fallback_encoding).name.startswith(("utf-16", "utf-32"))
    if b"\x00" in data[:8192]:
        if not wide:
            return None, f"{where}: binary file (NUL bytes), not text"
        return data.decode(fallback_encoding, errors="replace"), None  # UTF-16 without a BOM, as the user says
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        if fallback_encoding:
            return data.decode(fallback_encoding, errors="replace"), None
        bad = data[err.start]
        return None, (
            f"{where}: not UTF-8 (invalid byte 0x{bad:02x} at offset {err.start}); "
            "pass --fallback-encoding (e.g. cp1252) to read it"
        )


def _text_document(doc_id: str, data: bytes, where: str, fallback: str | None) -> InputDocument:
    text, error = decode(data, where, fallback)
    if error is None and not text.strip():
        error = f"{where}: empty document"
    return InputDocument(doc_id, text=None if error else text, error=error)


def read_txt(path: Path, doc_id: str | None = None, fallback: str | None = None) -> InputDocument:
    """One ``.txt`` file as one document (id: the path as given, or ``doc_id``); a file that cannot be
    read (a dangling link, a link loop, a folder named ``*.txt``, no permission) is an error document."""
    doc_id = doc_id or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = "is a folder, not a file" if isinstance(err, IsADirectoryError) else f"cannot be read ({err.strerror})"
        return InputDocument(doc_id, error=f"{path}: {reason}")
    return _text_document(doc_id, data, str(path), fallback)


def read_folder(folder: Path, fallback: str | None = None) -> Iterator[InputDocument]:
    """Every ``*.txt`` under ``folder`` (recursive, sorted); ids are relative paths."""
    found = False
    for path in sorted(folder.rglob("*.txt")):
        found = True
        yield read_txt(path, path.relative_to(folder).as_posix(), fallback)
    if not found:
        yield InputDocument(str(folder), error=f"{folder}: no .txt files in this folder (or its subfolders)")


def has_lone_surrogate(value: object) -> bool:
    """Whether a JSON value holds a lone UTF-16 surrogate (JSON ``"\\ud800"``), which no UTF-8 output can carry.

    >>> has_lone_surrogate({"a": ["x" + chr(0xD800)]}), has_lone_surrogate("Halo")
    (True, False)
    """
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(v) for v in value)
    return False


def printable_id(value: object) -> str:
    """An id that can be written as UTF-8: lone surrogates become ``\\udXXX`` escapes."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def from_mapping(obj: dict, where: str, default_id: str | None = None) -> InputDocument:
    """A document from ``{"id", "text", ...}``; other fields become ``meta``. Errors name ``where``,
    and the id defaults to ``default_id`` or else ``where``. An id must be a string; a record holding
    a lone surrogate anywhere is an error document (its id escaped), so every output stays valid UTF-8."""
    obj = dict(obj)
    raw_id = obj.pop("id", default_id or where)
    if not isinstance(raw_id, str):
        shown = json.dumps(raw_id, ensure_ascii=False)
        return InputDocument(where, error=f"{where}: 'id' must be a string, not {shown}; quote it in the input")
    doc_id = raw_id
    if has_lone_surrogate(raw_id) or has_lone_surrogate(obj):
        doc_id = printable_id(raw_id)
        return InputDocument(doc_id, error=f"{where}: record {doc_id!r} holds a lone surrogate (invalid Unicode)")
    text = obj.pop("text", None)
    for reserved in RESERVED_FIELDS:  # an input that is itself a record (gold or earlier output)
        obj.pop(reserved, None)
    if not isinstance(text, str):
        problem = "has no 'text'" if text is None else "'text' is not a string"
        return InputDocument(doc_id, meta=obj, error=f"{where}: record {doc_id!r} {problem}")
    if not text.strip():
        return InputDocument(doc_id, meta=obj, error=f"{where}: record {doc_id!r} has an empty text")
    return InputDocument(doc_id, text=text, meta=obj)


def parse_jsonl_line(line: str, where: str) -> InputDocument:
    """One JSONL line ``{"id", "text", ...}``; other fields are kept as ``meta``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return InputDocument(where, error=f"{where}: malformed JSON ({err.msg} at column {err.colno})")
    if not isinstance(obj, dict):
        return InputDocument(where, error=f"{where}: expected a JSON object, got {type(obj).__name__}")
    return from_mapping(obj, where)


def read_jsonl(stream: BinaryIO, name: str, fallback: str | None = None) -> Iterator[InputDocument]:
    """Stream documents from JSON Lines, one per non-blank line, never loading the whole file."""
    for number, raw in enumerate(stream, 1):
        where = f"{name}:{number}"
        line, error = decode(raw, where, fallback)
        if error:
            yield InputDocument(where, error=error)
        elif line.strip():
            yield parse_jsonl_line(line, where)


def looks_like_jsonl(line: bytes) -> bool:
    """Whether ``line`` (the first non-blank line of an input) is a JSON object with a ``text`` field.

    >>> looks_like_jsonl(b'{"id": "a", "text": "Halo."}'), looks_like_jsonl(b"Kata Budi, {harga} naik.")
    (True, False)
    """
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(obj, dict) and "text" in obj


def _note(message: str) -> None:
    print(f"claimx: {message}", file=sys.stderr)


def read_stdin(
    stream: BinaryIO, input_format: str = "auto", fallback: str | None = None, note: Callable[[str], None] = _note
) -> Iterator[InputDocument]:
    """Documents from standard input: one text, or JSONL with ``input_format="jsonl"``. With ``"auto"``
    the input is JSONL when its first non-blank line is a JSON object with ``text`` (``note`` says so)."""
    if input_format == "auto":
        head: list[bytes] = []
        for line in stream:
            head.append(line)
            if line.strip():
                break
        if head and looks_like_jsonl(head[-1]):
            note(
                "<stdin> looks like JSON Lines (a JSON object with 'text'), read as JSONL; --input-format txt reads it as text"
            )
            yield from read_jsonl(chain(head, stream), "<stdin>", fallback)
            return
        data = b"".join(head) + stream.read()
    elif input_format == "jsonl":
        yield from read_jsonl(stream, "<stdin>", fallback)
        return
    else:
        data = stream.read()
    yield _text_document("stdin", data, "<stdin>", fallback)


def read_paths(
    paths: Iterable[str], input_format: str = "auto", fallback: str | None = None
) -> Iterator[InputDocument]:
    """Documents from every path in order; ``-`` reads stdin (see :func:`read_stdin`)."""
    for spec in paths:
        if spec == "-":
            if sys.stdin is None or sys.stdin.closed:
                yield InputDocument("stdin", error="<stdin>: standard input is closed")
                continue
            try:
                yield from read_stdin(sys.stdin.buffer, input_format, fallback)
            except OSError as err:
                yield InputDocument("stdin", error=f"<stdin>: cannot be read ({err.strerror})")
            continue
        path = Path(spec)
        if path.is_dir():
            yield from read_folder(path, fallback)
        elif not path.exists():
            yield InputDocument(spec, error=f"{spec}: no such file or directory")
        elif input_format == "jsonl" or (input_format == "auto" and path.suffix == ".jsonl"):
            with path.open("rb") as stream:
                yield from read_jsonl(stream, spec, fallback)
        else:
            yield read_txt(path, fallback=fallback)


def count_documents(paths: Iterable[str], input_format: str = "auto") -> int | None:
    """How many documents ``paths`` hold, when that is cheap to know (for a progress total); None for stdin.

    A ``.txt`` file is one, a folder its ``*.txt`` files, a JSONL file its non-blank lines.
    """
    total = 0
    for spec in paths:
        if spec == "-":
            return None
        path = Path(spec)
        try:
            if path.is_dir():
                total += max(1, sum(1 for _ in path.rglob("*.txt")))
            elif path.is_file() and (input_format == "jsonl" or input_format == "auto" and path.suffix == ".jsonl"):
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
        except OSError:
            total += 1
    return total
