"""The review page: a standalone HTML file for a batch of records.

It lists the sources by claim count, then every document with its entities and claims
highlighted (displaCy markup from :func:`claimx.view.render`) and a table of its claims;
documents that failed are listed with their errors. No script, no external resource.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "review.html"
>>> write_html([{"id": "a", "text": "Halo.", "entities": [], "claims": []}], out)
>>> "<h1>claimx review</h1>" in out.read_text()
True
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path

import pandas as pd

from ..frames import sources_by_claims, to_dataframe
from ..records import Record
from ..view import render
from .meta import document_date, document_url
from .writers import atomic_output

DOCUMENT_COLUMNS = ["claim", "content", "source", "source_resolved", "cue", "stance", "kind", "via", "confidence"]
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
section.document { border-top: 2px solid #ddd; margin-top: 2rem; }
.meta, .summary { color: #555; }
.error { color: #b00020; }
.claimx-label:hover { z-index: 20 !important; }
"""


def _table(frame: pd.DataFrame, css_class: str) -> str:
    return frame.astype(object).fillna("").to_html(index=False, classes=css_class)


def _link(url: str | None) -> str | None:
    """A link for an ``http(s)`` URL only; anything else (``javascript:``, ``data:``) is shown as text."""
    if not url:
        return None
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _document(record: Record, claims: pd.DataFrame, anchor: str) -> str:
    url, date = document_url(record), document_date(record)
    meta = " · ".join(part for part in (_link(url), date and escape(date)) if part)
    table = _table(claims.reindex(columns=DOCUMENT_COLUMNS), "claims")
    return (
        f'<section class="document" id="{escape(anchor)}">\n<h3>{escape(record["id"])}</h3>\n'
        f'<p class="meta">{meta}</p>\n{render(record, jupyter=False)}\n'
        f"<p>{len(claims)} claims</p>\n{table if len(claims) else ''}\n</section>"
    )


def review_page(records: list[Record]) -> str:
    """The whole page, as a string."""
    documents = [r for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    claims, entities = to_dataframe(documents)
    sections, seen = [], Counter()
    for record in documents:  # each document's own claims, even when two documents share an id
        own = to_dataframe([record])[0]
        own = own.assign(claim=range(1, len(own) + 1))
        seen[record["id"]] += 1
        anchor = record["id"] if seen[record["id"]] == 1 else f"{record['id']}-{seen[record['id']]}"
        sections.append(_document(record, own, anchor))
    failed = "".join(f'<li class="error">{escape(r["error"])}</li>' for r in errors)
    return f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>claimx review</title><style>{STYLE}</style></head>
<body>
<h1>claimx review</h1>
<p class="summary">{len(documents)} documents, {len(claims)} claims, {len(entities)} entities, {len(errors)} errors</p>
<h2>Sources by claim count</h2>
{_table(sources_by_claims(claims), "sources")}
<h2>Documents</h2>
{"".join(sections)}
{f"<h2>Errors</h2><ul>{failed}</ul>" if errors else ""}
</body>
</html>
"""


def write_html(records: Iterable[Record], out: Path) -> None:
    """Write the review page of ``records`` to ``out`` (atomically)."""
    page = review_page(list(records))
    with atomic_output(out) as handle:
        handle.write(page)


def with_review_page(records: Iterable[Record], out: Path) -> Iterator[Record]:
    """Pass ``records`` through unchanged (to another writer) and, once all are through, write
    their review page to ``out``: ``claimx extract --html OUT.html``."""
    kept = []
    for record in records:
        kept.append(record)
        yield record
    write_html(kept, out)
