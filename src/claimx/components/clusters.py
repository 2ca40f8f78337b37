"""``claimx_clusters``: per document, the mentions of each person and organisation, grouped.

A cluster is the fullest name the article gives and every mention of it: the full name, the surname or
given name alone (``Belousov`` → ``Andrei Belousov``), an acronym in brackets after the name
(``Komisi Pemberantasan Korupsi (KPK)``, then ``KPK``). ``doc._.clusters`` holds them and the record
carries them as ``clusters``: ``{"name", "label", "mentions": [[start, end], ...]}``.

>>> from claimx.pipeline import blank
>>> from spacy.tokens import Span
>>> doc = blank()("Andrei Belousov tiba. Belousov berkata. Komisi Pemberantasan Korupsi (KPK) diam. KPK menolak.")
>>> doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 4, 5, "PER"), Span(doc, 7, 10, "ORG"), Span(doc, 11, 12, "ORG"),
...             Span(doc, 15, 16, "ORG")]
>>> [(c.name, len(c.mentions)) for c in document_clusters(doc)]
[('Andrei Belousov', 2), ('Komisi Pemberantasan Korupsi', 3)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

CLUSTERED = ("PER", "ORG")


@dataclass
class Cluster:
    """One person or organisation of a document: its fullest name, label and mentions (character offsets)."""

    name: str
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def as_record(self) -> dict:
        return {"name": self.name, "label": self.label, "mentions": [list(m) for m in self.mentions]}


@Language.factory("claimx_clusters")
def make_clusters(nlp: Language, name: str) -> ClusterBuilder:
    return ClusterBuilder()


class ClusterBuilder:
    """Stateless pipeline component; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.clusters = document_clusters(doc)
        return doc


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in text.replace("(", " ").replace(")", " ").split())


def _acronym_of(doc: Doc, ent: Span, ents: list[Span], n: int) -> Span | None:
    """The entity in brackets right after ``ent`` ("Komisi ... (KPK)"), when it is one word in capitals."""
    if n + 1 >= len(ents):
        return None
    nxt = ents[n + 1]
    if nxt.start != ent.end + 1 or doc[ent.end].text != "(":  # one "(" between them (no Token per word between)
        return None
    after = doc[nxt.end] if nxt.end < len(doc) else None
    if after is not None and after.text == ")" and nxt.text.isupper():
        return nxt
    return None


def document_clusters(doc: Doc) -> list[Cluster]:
    """The clusters of ``doc.ents`` (PER and ORG), in order of first mention."""
    ents = [e for e in doc.ents if e.label_ in CLUSTERED]
    # the fullest form of each name: a mention whose words contain another's with the same label
    fullest: dict[tuple[str, frozenset[str]], str] = {}
    by_word: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = {}  # (label, word) → names holding it
    for ent in sorted(ents, key=lambda e: -len(_words(e.text))):
        words = _words(ent.text)
        if (ent.label_, words) in fullest or not words:
            continue
        candidates = by_word.get((ent.label_, min(words)), [])
        owner = next((name for longer, name in candidates if words <= longer), None)
        fullest[(ent.label_, words)] = owner or ent.text
        if owner is None:
            for word in words:
                by_word.setdefault((ent.label_, word), []).append((words, ent.text))
    aliases = {}
    for n, ent in enumerate(ents):
        acronym = _acronym_of(doc, ent, ents, n)
        if acronym is not None and ent.label_ == "ORG":
            aliases[acronym.text] = fullest.get((ent.label_, _words(ent.text)), ent.text)
    clusters: dict[tuple[str, str], Cluster] = {}
    for ent in ents:
        name = aliases.get(ent.text) or fullest.get((ent.label_, _words(ent.text)), ent.text)
        cluster = clusters.setdefault((ent.label_, name), Cluster(name, ent.label_))
        cluster.mentions.append((ent.start_char, ent.end_char))
    return list(clusters.values())
