"""Streaming extraction: documents in, one record (or error record) out per document, in order."""

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from itertools import islice
from weakref import WeakKeyDictionary

from spacy.language import Language

from .io.readers import InputDocument, from_mapping
from .records import Record, doc_to_record, error_record, merge_records

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WARM_UP = 1000  # documents processed outside memory zones, see extract_documents
PIPE_BATCH = 8  # documents per pass of the trained components: less padding, a lower peak (see EVALUATION.md)
#: The NER parses a pass in sub-batches of a quarter of it, so at 8 it advances 2 documents per step;
#: 64 (16 per step) spends 14% less time in it, with the same entities. tok2vec is fastest at 8.
NER_BATCH = 64

#: documents longer than this many characters run in pieces cut at paragraph breaks, so that the memory of
#: one document stays bounded (a 2 MB text with no punctuation peaked at 3.3 GB in one piece of 1 MB)
PIECE_CHARS = 100_000
_processed: WeakKeyDictionary[Language, int] = WeakKeyDictionary()  # documents each pipeline has warmed up on


def _component_cfg() -> dict[str, dict[str, int]]:
    """``nlp.pipe``'s per-component settings (a new dict each time: spaCy writes defaults into it)."""
    return {"ner": {"batch_size": NER_BATCH}}


def split_long_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` pieces of at most ``limit`` characters.

    Cuts fall after paragraph breaks where possible, else after whitespace, else anywhere;
    the pieces concatenate back to ``text``.

    >>> split_long_text("aa\\n\\nbb\\n\\ncc", 5)
    [(0, 'aa\\n\\n'), (4, 'bb\\n\\n'), (8, 'cc')]
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(window)]
        spaces = [m.end() for m in re.finditer(r"\s+", window)]
        cut = (breaks or spaces or [limit])[-1]
        cut = cut if cut > 0 else limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def as_input_document(item: object, number: int) -> InputDocument:
    """Accept a text, an ``(id, text)`` pair, a ``{"id", "text", ...}`` dict or an InputDocument."""
    if isinstance(item, InputDocument):
        return item
    if isinstance(item, str):
        return InputDocument(str(number), text=item)
    if isinstance(item, tuple) and len(item) == 2:
        return InputDocument(str(item[0]), text=item[1])
    if isinstance(item, dict):
        return from_mapping(item, f"document {number}", str(number))
    return InputDocument(str(number), error=f"document {number}: cannot read a {type(item).__name__}")


def _safe_record(nlp: Language, document: InputDocument) -> Record:
    try:
        if len(document.text) > min(PIECE_CHARS, nlp.max_length):
            pieces = split_long_text(document.text, min(PIECE_CHARS, nlp.max_length))
            docs = nlp.pipe((piece for _, piece in pieces), batch_size=PIPE_BATCH, component_cfg=_component_cfg())
            parts = [(offset, doc_to_record(doc, document.id)) for (offset, _), doc in zip(pieces, docs, strict=True)]
            return merge_records(parts, document.id, document.text, document.meta)
        return doc_to_record(nlp(document.text), document.id, document.meta)
    except Exception as err:  # a failing document becomes an error record, never a lost batch
        return error_record(document.id, f"{document.id}: processing failed: {type(err).__name__}: {err}")


def _words(record: Record) -> int:
    return 0 if "error" in record else len(record["text"].split())


def _process_batch(nlp: Language, batch: list[InputDocument], on_document: Callable[[int], None]) -> Iterator[Record]:
    """The batch's records, in order; ``on_document(words)`` is called as each document is finished."""
    plain = [d for d in batch if d.error is None and len(d.text) <= min(PIECE_CHARS, nlp.max_length)]
    done = {}
    try:
        for document, doc in zip(
            plain, nlp.pipe((d.text for d in plain), batch_size=PIPE_BATCH, component_cfg=_component_cfg()), strict=True
        ):
            done[id(document)] = doc_to_record(doc, document.id, document.meta)
            on_document(_words(done[id(document)]))
    except Exception:  # a document broke the batch: those not done yet are retried one at a time
        pass
    for document in batch:
        if document.error is not None:
            on_document(0)
            yield error_record(document.id, document.error)
        elif id(document) in done:
            yield done[id(document)]
        else:
            record = _safe_record(nlp, document)
            on_document(_words(record))
            yield record


def _nothing(words: int) -> None:
    """The default ``on_document``."""


def extract_documents(
    nlp: Language, items: Iterable[object], batch_size: int = 64, on_document: Callable[[int], None] = _nothing
) -> Iterator[Record]:
    """Stream records for ``items`` (texts, ``(id, text)`` pairs, dicts or InputDocuments).

    Memory stays constant: ``batch_size`` documents are held at a time, and once ``nlp`` has
    processed ``WARM_UP`` documents (whose words stay in its vocabulary and tokenizer cache,
    keeping tokenization fast) each batch runs in a spaCy memory zone, freeing the strings it adds.
    ``on_document(words)`` is called each time a document is finished, before its batch comes out (progress).
    """
    documents = (as_input_document(item, n) for n, item in enumerate(items))
    while batch := list(islice(documents, batch_size)):
        warm = _processed.get(nlp, 0) >= WARM_UP
        with nlp.memory_zone() if warm else nullcontext():
            records = list(_process_batch(nlp, batch, on_document))
        if not warm:
            _processed[nlp] = _processed.get(nlp, 0) + len(batch)
        yield from records
