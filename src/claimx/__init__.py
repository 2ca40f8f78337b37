"""claimx: entities and attributed claims from Indonesian news text.

>>> import claimx
>>> nlp = claimx.load()                       # doctest: +SKIP
>>> record = claimx.extract("“Kami siap,” kata Budi.", id="a")   # doctest: +SKIP
"""

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language

from .batch import extract_documents
from .pipeline import load
from .records import Record
from .view import render

__version__ = "0.1.0"
__all__ = ["load", "extract", "extract_many", "run", "to_dataframe", "extract_frame", "render", "__version__"]


def __getattr__(name: str) -> object:
    """``claimx.to_dataframe``, imported on first use so that pandas loads only when needed."""
    if name == "to_dataframe":
        from .frames import to_dataframe

        return to_dataframe
    if name == "run":
        from .runner import run

        return run
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return load()


def extract(text: str, id: str = "doc", nlp: Language | None = None) -> Record:
    """Process one text and return its record (``id``, ``text``, ``entities``, ``claims``).

    Raises ``ValueError`` when the text cannot be processed.
    """
    record = next(extract_documents(nlp or _default_nlp(), [(id, text)]))
    if "error" in record:
        raise ValueError(record["error"])
    return record


def extract_many(items: Iterable[object], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Record]:
    """Stream records for texts, ``(id, text)`` pairs or ``{"id", "text", ...}`` dicts, in order.

    A document that cannot be processed yields ``{"id", "error"}`` instead of stopping the stream.
    """
    return extract_documents(nlp or _default_nlp(), items, batch_size)


def extract_frame(items: Iterable[object], nlp: Language | None = None, batch_size: int = 64) -> tuple:
    """``(claims, entities)`` DataFrames of texts, pairs or dicts: ``to_dataframe(extract_many(items))``.

    >>> claims, entities = claimx.extract_frame(["“Kami siap,” kata Budi."])   # doctest: +SKIP
    """
    from .frames import to_dataframe

    return to_dataframe(extract_many(items, nlp, batch_size))
