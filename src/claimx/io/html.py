"""The review page: standalone HTML files for checking the claims of a batch of records.

The first page (the file asked for) holds the summary, the sources by claim count (each source linking
to its claims, each claim linking back), the documents that failed, and the first ``page_size``
documents; the next documents go to ``NAME-2.html``, ``NAME-3.html``, ... beside it, ``page_size``
each, so that no page grows with the batch. Pages are written to hidden temporary files as the records
stream past (only the first page and the current one are held in memory) and put in place together at the
end, so a failed or stopped run leaves the earlier review whole. No script, no external resource, and only
``http(s)`` links.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "review.html"
>>> write_html([{"id": "a", "text": "Halo.", "entities": [], "claims": []}], out)
>>> '<h1 id="top">claimx review</h1>' in out.read_text()
True
"""

import glob
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..authors import source_label
from ..records import Record
from .html_text import DOCUMENT_STYLE, document_section, href, source_anchor, source_name
from .meta import document_date, document_url
from .paths import OutputPathError, created_mode, output_problem

PAGE_SIZE = 25  # documents per page file
STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 62rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.88rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
.scroll { overflow-x: auto; }
section.document { border-top: 2px solid #ddd; margin-top: 1.5rem; }
.meta, .summary, nav { color: #555; }
nav { margin: .5rem 0; }
nav a { margin-right: .4rem; }
.error { color: #b00020; }
.links a { margin-right: .35rem; white-space: nowrap; }
.legend .badge { vertical-align: baseline; }
"""
LEGEND = (
    '<p class="legend">Badges: <span class="badge b-CLAIM">CLAIM n</span> starts a claim (it links to the '
    'claim\'s row below the text), <span class="badge b-CUE">CUE n</span> its reporting word, '
    '<span class="badge b-SOURCE">SOURCE n → name</span> its source mention and who it resolves to, '
    '<span class="badge b-VIA">VIA n</span> a relay; entities are underlined, '
    '<span class="badge b-ent">PER</span> <span class="badge b-ent">ORG</span> <span class="badge b-ent">LOC</span>.</p>'
)


def link(url: str | None) -> str | None:
    """A link for an ``http(s)`` URL only; anything else (``javascript:``, ``data:``) is shown as text."""
    if not url:
        return None
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _meta(record: Record) -> str:
    url, date = document_url(record), document_date(record)
    return " · ".join(part for part in (link(url), date and escape(date)) if part)


def page_name(first: Path, number: int) -> str:
    """The file name of page ``number`` (``review.html``, ``review-2.html``, ...).

    >>> page_name(Path("out/review.html"), 1), page_name(Path("out/review.html"), 3)
    ('review.html', 'review-3.html')
    """
    return first.name if number == 1 else f"{first.stem}-{number}{first.suffix}"


def existing_pages(first: Path) -> list[Path]:
    """The pages past the first that already exist beside ``first`` (``review-2.html``, ...), to check before a run."""
    pattern = re.compile(rf"{re.escape(first.stem)}-[0-9]+{re.escape(first.suffix)}")
    folder = first.parent if str(first.parent) else Path(".")
    return sorted(p for p in folder.glob(f"{glob.escape(first.stem)}-*") if pattern.fullmatch(p.name))


class StagedPages:
    """Page files written to hidden temporary files beside their place, and renamed into place together by
    :meth:`commit`; :meth:`discard` removes them, so a run that fails or is stopped leaves the review pages of
    the earlier run whole (no mix of old and new pages) and no temporary file."""

    def __init__(self) -> None:
        self.staged: list[tuple[Path, Path]] = []

    def save(self, path: Path, page: str) -> None:
        """Stage ``page`` for ``path`` (checked like any output: a regular file or a new one)."""
        problem = output_problem(path)
        if problem is not None:
            raise OutputPathError(f"--html {path}: {problem}")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.staged.append((Path(tmp), path))
        os.fchmod(fd, created_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)

    def commit(self) -> None:
        """Rename every staged page into place."""
        while self.staged:
            tmp, path = self.staged.pop(0)
            os.replace(tmp, path)

    def discard(self) -> None:
        """Remove the staged pages that were not committed."""
        while self.staged:
            self.staged.pop()[0].unlink(missing_ok=True)


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}{DOCUMENT_STYLE}</style></head>\n<body>\n{body}</body>\n</html>\n"
    )


@dataclass
class _Source:
    """One row of the sources table: a source's label and links to each of its claims."""

    label: str | None = None
    claims: list[str] = field(default_factory=list)
    documents: set[int] = field(default_factory=set)


class ReviewWriter:
    """Builds the review pages of records added one at a time. A page past the first is written as soon as
    the next one starts (then it is known to have a next page); :meth:`close` writes the last and the first."""

    def __init__(
        self, out: Path, page_size: int | None = PAGE_SIZE, save: Callable[[Path, str], None] | None = None
    ) -> None:
        self.out, self.page_size = out, page_size
        self.staging = StagedPages()
        self.save = save or self.staging.save
        self.first: list[str] = []  # the sections of page 1, written last
        self.current: list[str] = self.first  # the sections of the page being filled
        self.number = 1  # the number of that page
        self.sources: dict[str, _Source] = {}
        self.errors: list[str] = []
        self.documents = self.claims = self.entities = 0

    def add(self, record: Record) -> None:
        """Add one record (an error record goes to the list of failures on page 1)."""
        if "error" in record:
            self.errors.append(record["error"])
            return
        if self.page_size and len(self.current) >= self.page_size:
            if self.number > 1:
                self._write(self.number, self.current, last=False)
            self.number, self.current = self.number + 1, []
        self.documents += 1
        anchor = f"doc-{self.documents}"
        page = "" if self.number == 1 else page_name(self.out, self.number)  # "": the page of the sources
        claims = record.get("claims") or []
        for number, claim in enumerate(claims, 1):
            source = self.sources.setdefault(source_name(claim), _Source())
            source.label = source.label or source_label(record, claim)
            source.claims.append(f'<a href="{href(page, f"{anchor}-c{number}")}">{escape(record["id"])} #{number}</a>')
            source.documents.add(self.documents)
        self.claims += len(claims)
        self.entities += len(record.get("entities") or [])
        heading = f"{escape(record['id'])} <small>(document {self.documents})</small>"
        self.current.append(document_section(record, anchor, page_name(self.out, 1) if page else "", _meta, heading))

    def _nav(self, number: int, last: bool) -> str:
        if number == 1:
            if self.number == 1:
                return ""
            pages = " ".join(
                f'<a href="{href(page_name(self.out, n), "top")}">{n}</a>' for n in range(2, self.number + 1)
            )
            return f"<nav>Page 1 of {self.number}; the documents go on on page {pages}</nav>\n"
        first = f'<a href="{href(page_name(self.out, 1), "sources")}">page 1 (summary, sources, errors)</a>'
        previous = f'<a href="{href(page_name(self.out, number - 1), "top")}">← page {number - 1}</a>'
        following = "" if last else f'<a href="{href(page_name(self.out, number + 1), "top")}">page {number + 1} →</a>'
        return f"<nav>Page {number}: {first} {previous} {following}</nav>\n"

    def _write(self, number: int, sections: list[str], last: bool) -> None:
        nav = self._nav(number, last)
        body = f'<h1 id="top">claimx review, page {number}</h1>\n{nav}{LEGEND}\n{"".join(sections)}{nav}'
        self.save(self.out.with_name(page_name(self.out, number)), _page(f"claimx review, page {number}", body))

    def _sources_table(self) -> str:
        ranked = sorted(self.sources.items(), key=lambda item: -len(item[1].claims))
        rows = "".join(
            f'<tr id="{source_anchor(name)}"><td>{escape(name)}</td><td>{escape(source.label or "")}</td>'
            f'<td>{len(source.claims)}</td><td>{len(source.documents)}</td><td class="links">{" ".join(source.claims)}</td></tr>'
            for name, source in ranked
        )
        head = "<tr><th>source</th><th>label</th><th>claims</th><th>documents</th><th>claims (links)</th></tr>"
        return f'<div class="scroll"><table class="sources">{head}{rows}</table></div>' if rows else "<p>No claims.</p>"

    def close(self) -> None:
        """Write the last page, then the first (which knows the totals and every source)."""
        if self.number > 1:
            self._write(self.number, self.current, last=True)
        failed = "".join(f'<li class="error">{escape(error)}</li>' for error in self.errors)
        nav = self._nav(1, self.number == 1)
        summary = (
            f'<p class="summary">{self.documents} documents, {self.claims} claims, {self.entities} entities, '
            f"{len(self.errors)} errors</p>"
        )
        errors = f'<h2 id="errors">Errors</h2>\n<ul>{failed}</ul>\n' if self.errors else ""
        body = (
            f'<h1 id="top">claimx review</h1>\n{summary}\n{nav}<h2 id="sources">Sources by claim count</h2>\n'
            f"{self._sources_table()}\n{errors}<h2>Documents</h2>\n{LEGEND}\n{''.join(self.first)}{nav}"
        )
        self.save(self.out, _page("claimx review", body))


def review_page(records: Iterable[Record]) -> str:
    """The review page of ``records`` as one string, every document on it (no paging)."""
    pages: dict[Path, str] = {}
    writer = ReviewWriter(Path("review.html"), None, save=pages.__setitem__)
    for record in records:
        writer.add(record)
    writer.close()
    return pages[Path("review.html")]


def write_html(records: Iterable[Record], out: Path, page_size: int | None = PAGE_SIZE) -> None:
    """Write the review pages of ``records``: ``out`` and, past ``page_size`` documents, ``OUT-2.html``, ..."""
    for _ in with_review_page(records, out, page_size):
        pass


def with_review_page(records: Iterable[Record], out: Path, page_size: int | None = PAGE_SIZE) -> Iterator[Record]:
    """Pass ``records`` through unchanged (to another writer) while building their review pages; once all are
    through, put every page in place: ``claimx extract --html OUT.html``. Closed early (the run failed or was
    stopped), it leaves no page and no temporary file."""
    writer = ReviewWriter(out, page_size)
    try:
        for record in records:
            writer.add(record)
            yield record
        writer.close()
        writer.staging.commit()
    finally:
        writer.staging.discard()
