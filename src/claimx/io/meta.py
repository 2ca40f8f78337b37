"""What the exports read from a record's input metadata (``meta``): its URL and publication date.

>>> record = {"id": "a", "meta": {"link": "https://contoh.id/a", "published": "2025-04-28"}}
>>> document_url(record), document_date(record)
('https://contoh.id/a', '2025-04-28')
"""

from ..records import Record

URL_KEYS = ("url", "link", "source_url")
DATE_KEYS = ("datePublished", "date_published", "published", "published_at", "date")


def _first(record: Record, keys: tuple[str, ...]) -> str | None:
    meta = record.get("meta") or {}
    return next((str(meta[key]) for key in keys if meta.get(key)), None)


def document_url(record: Record) -> str | None:
    """The document's URL: the first of ``meta`` fields ``url``, ``link``, ``source_url``."""
    return _first(record, URL_KEYS)


def document_date(record: Record) -> str | None:
    """The publication date: the first of ``meta`` fields ``datePublished``, ``date_published``,
    ``published``, ``published_at``, ``date`` (as given, ideally ISO 8601)."""
    return _first(record, DATE_KEYS)
