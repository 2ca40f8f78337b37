"""What the exports read from a record's input metadata (``meta``): its URL and publication date.

>>> record = {"id": "a", "meta": {"link": "https://contoh.id/a", "published": "2025-04-28"}}
>>> document_url(record), document_date(record)
('https://contoh.id/a', '2025-04-28')
"""

import datetime
import re

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


MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "nopember": 11, "desember": 12, "des": 12, "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "january": 1, "february": 2, "march": 3,
}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_WORDS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})(?:[,\s|-]+(\d{1,2})[:.](\d{2}))?")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[,\s|-]+(\d{1,2})[:.](\d{2}))?")


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 date (with the time when given) from the usual Indonesian forms, else None.

    >>> iso_date("Selasa, 12 Maret 2025 14:05 WIB"), iso_date("12/03/2025"), iso_date("2025-03-12T08:00:00+07:00")
    ('2025-03-12T14:05', '2025-03-12', '2025-03-12T08:00:00+07:00')
    >>> iso_date("kemarin sore") is None, iso_date("31 Februari 2025") is None
    (True, True)
    """
    if not value:
        return None
    text = value.strip()
    if (m := _ISO.match(text)) and _valid(int(m[1]), int(m[2]), int(m[3])):
        return text if m.end() == len(text) or text[m.end()] in "+-Z" else text[: m.end()]
    for pattern, month_of in ((_WORDS, lambda g: MONTHS.get(g.lower())), (_NUMERIC, int)):
        m = pattern.search(text)
        if m is None:
            continue
        day, month, year = int(m[1]), month_of(m[2]), int(m[3])
        if month is None or not _valid(year, month, day):
            return None
        date = f"{year:04d}-{month:02d}-{day:02d}"
        return f"{date}T{int(m[4]):02d}:{m[5]}" if m[4] else date
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
