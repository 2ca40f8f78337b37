"""Fact-check exports: every claim as a schema.org ``Claim`` (``--format claimreview``), or wrapped in a
draft ``ClaimReview`` for a fact-checker to complete (``--format claimreview-draft``).

``claimreview`` writes ``{"@context": ["https://schema.org", {"claimx": "urn:claimx:"}], "@graph": [Claim, ...]}``:
schema.org's standard context (whose vocabulary is ``http://schema.org/``), and claimx's own properties
under the ``claimx:`` prefix (namespace ``urn:claimx:``):

- schema.org: ``text`` (the claim content), ``author`` named by ``source_resolved`` (an
  ``Organization`` for an ``ORG`` or ``LOC`` source, else a ``Person``; absent when unresolved),
  ``appearance`` (a ``CreativeWork`` with the document's ``identifier`` and ``url`` from the
  input metadata), ``datePublished`` (ISO 8601 from the input metadata's date in the usual Indonesian
  forms, left out when it cannot be read), ``identifier``
  (``DOC-ID#claim-N``);
- claimx: ``claimx:kind``, ``claimx:source`` (the mention), ``claimx:via``, ``claimx:cue``,
  ``claimx:cueLemma``, ``claimx:stance``, ``claimx:rule``, ``claimx:confidence`` and the
  character offsets into the document text ``claimx:contentStart`` / ``claimx:contentEnd``,
  ``claimx:sourceStart`` / ``...End``, ``claimx:cueStart`` / ``...End``, ``claimx:viaStart`` / ``...End``.

Properties without a value are left out. Every ``Claim`` has a stable ``@id``
(``urn:claimx:claim:DOC-ID#claim-N``). A claim whose cue denies it (``membantah``, ``menampik``: stance
``deny``) is not credited to the one who denies it: its ``author`` is absent, and a second ``Claim`` by
the denier (``claimx:stance`` ``deny``) is ``about`` the first (linked by ``@id``), so a reader of the
schema.org terms alone never sees the denier asserting what they deny. A ``url`` is kept only when
it is absolute (``http(s)://``).

``claimreview-draft`` writes ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``, one
``ClaimReview`` per ``Claim`` above: ``claimReviewed`` (the claim's text), ``itemReviewed`` (the ``Claim``,
schema.org properties only), ``author`` (the reviewing ``Organization``: name and url) and ``url`` (the
reviewer's URL, to be replaced by the fact-check article's). ``reviewRating`` (the verdict) is left out:
a person fills it in, with ``datePublished``, before publishing.

>>> record = {"id": "a", "text": "“Siap,” kata Budi.", "meta": {"url": "https://contoh.id/a"},
...     "entities": [{"start": 13, "end": 17, "text": "Budi", "label": "PER"}],
...     "claims": [{"content": "Siap", "content_start": 1, "content_end": 5, "source": "Budi",
...                 "source_start": 13, "source_end": 17, "source_resolved": "Budi", "kind": "direct"}]}
>>> claim = claim_objects(record)[0]
>>> claim["@type"], claim["text"], claim["author"], claim["appearance"]["url"]
('Claim', 'Siap', {'@type': 'Person', 'name': 'Budi'}, 'https://contoh.id/a')
"""

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..authors import source_label
from ..records import Record
from .meta import document_date, document_url, iso_date
from .writers import atomic_output

NAMESPACE = "urn:claimx:"
SCHEMA_ORG = "https://schema.org"  # the standard context; its vocabulary is http://schema.org/
CONTEXT = [SCHEMA_ORG, {"claimx": NAMESPACE}]
# claimx property → record field
EXTRA_PROPERTIES = {
    "kind": "kind", "source": "source", "via": "via", "cue": "cue", "cueLemma": "cue_lemma",
    "stance": "stance", "rule": "rule", "confidence": "confidence",
    "contentStart": "content_start", "contentEnd": "content_end", "sourceStart": "source_start",
    "sourceEnd": "source_end", "cueStart": "cue_start", "cueEnd": "cue_end",
    "viaStart": "via_start", "viaEnd": "via_end",
}  # fmt: skip


def _author(record: Record, claim: Record) -> dict | None:
    name = claim.get("source_resolved")
    if not name:
        return None
    kind = "Organization" if source_label(record, claim) in ("ORG", "LOC") else "Person"
    return {"@type": kind, "name": name}


DENIALS = frozenset({"deny"})


def _absolute_url(url: str | None) -> str | None:
    """``url`` when it is absolute http(s), else None (``contoh.id/a`` is not a URL a reader can follow)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def claim_objects(record: Record) -> list[dict]:
    """The schema.org ``Claim`` objects (without ``@context``) of one record."""
    if "error" in record:
        return []
    appearance = {"@type": "CreativeWork", "identifier": record["id"], "url": _absolute_url(document_url(record))}
    appearance = {k: v for k, v in appearance.items() if v is not None}
    objects = []
    for number, claim in enumerate(record.get("claims") or [], 1):
        content = claim.get("content") or record["text"][claim["content_start"] : claim["content_end"]]
        identifier = f"{record['id']}#claim-{number}"
        denied = claim.get("stance") in DENIALS
        obj = {
            "@id": f"{NAMESPACE}claim:{identifier}",
            "@type": "Claim",
            "identifier": identifier,
            "text": content,
            "author": None if denied else _author(record, claim),
            "appearance": appearance,
            "datePublished": iso_date(document_date(record)),
        }
        obj.update({f"claimx:{prop}": claim.get(field) for prop, field in EXTRA_PROPERTIES.items()})
        objects.append({k: v for k, v in obj.items() if v is not None})
        if denied:
            objects.append(_denial(record, claim, obj, appearance))
    return objects


def _denial(record: Record, claim: Record, denied: dict, appearance: dict) -> dict:
    """The denier's own ``Claim``: that the denied claim is not so, ``about`` it."""
    obj = {
        "@id": denied["@id"] + "-denial",
        "@type": "Claim",
        "identifier": denied["identifier"] + "-denial",
        "text": f"{claim.get('cue') or 'membantah'}: {denied['text']}",
        "author": _author(record, claim),
        "about": {"@id": denied["@id"]},
        "appearance": appearance,
        "datePublished": iso_date(document_date(record)),
        "claimx:stance": "deny",
    }
    return {k: v for k, v in obj.items() if v is not None}


@dataclass(frozen=True)
class Reviewer:
    """Who publishes the fact check: the ``author`` (and first ``url``) of a draft ``ClaimReview``."""

    name: str
    url: str


def review_objects(record: Record, reviewer: Reviewer) -> list[dict]:
    """Draft schema.org ``ClaimReview`` objects (without ``@context``), one per ``Claim`` of ``record``,
    without the ``reviewRating`` that a person gives.

    >>> record = {"id": "a", "text": "“Siap,” kata Budi.", "entities": [], "claims": [{"content": "Siap",
    ...     "content_start": 1, "content_end": 5, "source_resolved": "Budi", "kind": "direct"}]}
    >>> review = review_objects(record, Reviewer("Cek Fakta", "https://cekfakta.contoh.id"))[0]
    >>> review["@type"], review["claimReviewed"], review["itemReviewed"]["author"]["name"], "reviewRating" in review
    ('ClaimReview', 'Siap', 'Budi', False)
    """
    reviews = []
    for claim in claim_objects(record):
        item = {key: value for key, value in claim.items() if not key.startswith("claimx:")}
        reviews.append({
            "@id": claim["@id"].replace(f"{NAMESPACE}claim:", f"{NAMESPACE}review:", 1),
            "@type": "ClaimReview",
            "claimReviewed": claim["text"],
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": reviewer.name, "url": reviewer.url},
            "url": reviewer.url,
        })  # fmt: skip
    return reviews


def _write(records: Iterable[Record], handle: TextIO, context: object, objects: Callable[[Record], list]) -> None:
    handle.write('{"@context": ' + json.dumps(context) + ',\n "@graph": [')
    separator = "\n  "
    for record in records:
        for obj in objects(record):
            handle.write(separator + json.dumps(obj, ensure_ascii=False))
            separator = ",\n  "
    handle.write("\n]}\n")


def write_claimreview(records: Iterable[Record], out: Path | None, reviewer: Reviewer | None = None) -> None:
    """Stream the JSON-LD document of every claim in ``records`` to ``out`` (stdout when None): ``Claim``
    objects, or with ``reviewer`` draft ``ClaimReview`` objects."""
    if reviewer is None:
        context, objects = CONTEXT, claim_objects
    else:
        context, objects = SCHEMA_ORG, lambda record: review_objects(record, reviewer)
    if out is None:
        _write(records, sys.stdout, context, objects)
        sys.stdout.flush()
        return
    with atomic_output(out) as handle:
        _write(records, handle, context, objects)
