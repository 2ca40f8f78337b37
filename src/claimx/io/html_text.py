"""One document of the review page: its text with highlights and inline badges, and its claims table.

The text is written exactly as the record holds it (``white-space: pre-wrap``: no space is added or
removed), cut at every highlight boundary into ``<span>`` runs coloured by what covers them. Labels are
inline badges in the flow of the text, so they never sit on top of each other, however short the span:
``CLAIM n`` before a claim's content, ``CUE n``, ``SOURCE n → resolved name`` and ``VIA n`` after their
mentions, the entity label after an entity. Each ``CLAIM n`` badge links to its row in the claims table,
and the row links back to it.

>>> record = {"id": "a", "text": "“Kami siap,” ujarnya.", "entities": [],
...     "claims": [{"content": "Kami siap", "content_start": 1, "content_end": 10, "kind": "direct",
...                 "source": "nya", "source_start": 17, "source_end": 20, "source_resolved": "Budi Santoso",
...                 "cue": "ujar", "cue_start": 13, "cue_end": 17}]}
>>> import re
>>> html = annotated_text(record, "doc-1")
>>> re.sub(r"<[^>]+>", "", re.sub(r'<(a|span) class="badge[^>]*>[^<]*</(a|span)>', "", html)) == record["text"]
True
>>> "SOURCE 1 → Budi Santoso</a>" in html
True
"""

import hashlib
from collections.abc import Callable
from html import escape
from urllib.parse import quote

from ..records import Record
from ..view import Highlight, highlights

ROLES = ("CLAIM", "CUE", "SOURCE", "VIA")
UNATTRIBUTED = "(no source)"
DOCUMENT_STYLE = """
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; font-size: 1.02rem; margin: .5rem 0; }
.r-CLAIM { background: #fff1b8; }
.r-CUE { background: #ffccbc; }
.r-VIA { background: #e1bee7; }
.r-SOURCE { background: #b3e5fc; }
.e-PER { box-shadow: inset 0 -2px 0 #7cb342; }
.e-ORG { box-shadow: inset 0 -2px 0 #26a69a; }
.e-LOC { box-shadow: inset 0 -2px 0 #7e57c2; }
.badge { display: inline-block; max-width: 95%; vertical-align: .3em; margin: 0 .06em 0 .15em; padding: 0 .3em;
  border-radius: .3em; font: 600 .66rem/1.35 system-ui, sans-serif; color: #222; text-decoration: none;
  white-space: normal; overflow-wrap: anywhere; user-select: none; }
a.badge:hover, a.badge:focus { outline: 2px solid #333; }
.b-CLAIM { background: #ffe082; } .b-CUE { background: #ff8a65; } .b-SOURCE { background: #4fc3f7; }
.b-VIA { background: #ce93d8; } .b-ent { background: #eee; color: #444; font-weight: 500; }
:target { outline: 3px solid #ff6f00; }
"""


def source_name(claim: Record) -> str:
    """Who a claim is counted for: its resolved source, else the mention, else ``(no source)``."""
    return claim.get("source_resolved") or claim.get("source") or UNATTRIBUTED


def source_anchor(name: str) -> str:
    """A stable HTML id for a source's row in the sources table (any name, any page).

    >>> source_anchor("Budi Santoso") == source_anchor("Budi Santoso") != source_anchor("BMKG")
    True
    """
    return "src-" + hashlib.sha1(name.encode("utf-8", "backslashreplace")).hexdigest()[:12]


def href(page: str, anchor: str) -> str:
    """A link to ``anchor`` on ``page`` (``""``: this page), escaped for an attribute."""
    return escape(f"{quote(page)}#{anchor}")


def _role(mark: Highlight) -> tuple[str, int]:
    """A highlight's role (``CLAIM``, ``CUE``, ``SOURCE``, ``VIA``, or ``ent``) and claim number (0 for entities)."""
    head, _, rest = mark.label.partition(" ")
    if head in ROLES:
        return head, int(rest.split()[0])
    return "ent", 0


def _badge(mark: Highlight, anchor: str) -> str:
    role, number = _role(mark)
    title = f' title="{escape(mark.details)}"' if mark.details else ""
    if role == "ent":
        return f'<span class="badge b-ent"{title}>{escape(mark.label)}</span>'
    target = f"{anchor}-c{number}"
    own_id = f' id="{anchor}-t{number}"' if role == "CLAIM" else ""
    return f'<a class="badge b-{role}"{own_id} href="#{target}"{title}>{escape(mark.label)}</a>'


def _classes(active: list[Highlight]) -> str:
    names = set()
    for mark in active:
        role, _ = _role(mark)
        names.add(f"r-{role}" if role != "ent" else f"e-{mark.label}")
    return " ".join(sorted(names))


def annotated_text(record: Record, anchor: str) -> str:
    """``record``'s text as HTML: highlighted runs, and badges before claims and after the other spans."""
    text = record["text"]
    marks = [m for m in highlights(record) if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        parts += [_badge(m, anchor) for m in marks if m.start == start and _role(m)[0] == "CLAIM"]
        active = [m for m in marks if m.start <= start and end <= m.end]
        piece = escape(text[start:end], quote=False)
        parts.append(f'<span class="{_classes(active)}">{piece}</span>' if active else piece)
        parts += [_badge(m, anchor) for m in marks if m.end == end and _role(m)[0] != "CLAIM"]
    return f'<div class="text">{"".join(parts)}</div>'


def _cell(value: object) -> str:
    return "" if value is None else escape(str(value))


def claims_table(record: Record, anchor: str, sources_page: str) -> str:
    """The document's claims, one row each (id ``ANCHOR-cN``), linked to the text and to the sources table."""
    rows = []
    for number, claim in enumerate(record.get("claims") or [], 1):
        name, mention = source_name(claim), claim.get("source")
        shown = f"{escape(mention)} → " if mention and mention != name else ""
        link = href(sources_page, source_anchor(name))
        confidence = claim.get("confidence")
        via = claim.get("via")
        rows.append(
            f'<tr id="{anchor}-c{number}"><td><a href="#{anchor}-t{number}" title="show in the text">{number}</a></td>'
            f'<td>{_cell(claim.get("content"))}</td><td>{shown}<a href="{link}">{escape(name)}</a></td>'
            f"<td>{_cell(claim.get('cue'))}</td><td>{_cell(claim.get('stance'))}</td><td>{_cell(claim.get('kind'))}</td>"
            f"<td>{_cell(via)}</td><td>{_cell(claim.get('rule'))}</td>"
            f"<td>{'' if confidence is None else f'{confidence:.2f}'}</td></tr>"
        )
    if not rows:
        return '<p class="meta">No claims.</p>'
    head = "".join(f"<th>{h}</th>" for h in ("#", "claim", "source", "cue", "stance", "kind", "via", "rule", "conf."))
    return f'<div class="scroll"><table class="claims"><tr>{head}</tr>{"".join(rows)}</table></div>'


def document_section(
    record: Record, anchor: str, sources_page: str, meta: Callable[[Record], str], heading: str
) -> str:
    """The section of one document: heading, metadata line, annotated text, claims table."""
    count = len(record.get("claims") or [])
    return (
        f'<section class="document" id="{anchor}">\n<h3>{heading}</h3>\n<p class="meta">{meta(record)}</p>\n'
        f"{annotated_text(record, anchor)}\n<p>{count} claim{'' if count == 1 else 's'}</p>\n"
        f"{claims_table(record, anchor, sources_page)}\n</section>\n"
    )
