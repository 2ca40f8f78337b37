"""``claimx_clusters``: per document, the mentions of each person and organisation, grouped.

A cluster is the fullest name the article gives and every mention of it: the full name, the surname or
given name alone (``Belousov`` → ``Andrei Belousov``), an acronym in brackets after the name
(``Komisi Pemberantasan Korupsi (KPK)``, then ``KPK``). ``doc._.clusters`` holds them and the record
carries them as ``clusters``: ``{"name", "label", "mentions": [[start, end], ...]}``.

The stage runs after ``claimx_sources``: where that stage resolved a mention (``doc._.resolved_names``:
titles, nicknames, aliases, a described person, a pronoun or ``-nya`` source), the cluster is the one of that
name, so every claim's ``source_resolved`` is its source's cluster name and a resolved pronoun source is one
of the cluster's mentions. Without it (the stage alone, as below) names come from the entities.

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

from ..lang.doctext import doc_text

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
    text = doc_text(doc)
    ents = [e for e in doc.ents if e.label_ in CLUSTERED]
    # each entity's text, label and words, once (a span's text is rebuilt from its tokens on each access)
    names = [text[e.start_char : e.end_char] for e in ents]
    labels = [e.label_ for e in ents]
    words_of = [_words(name) for name in names]
    # the fullest form of each name: a mention whose words contain another's with the same label
    fullest: dict[tuple[str, frozenset[str]], str] = {}
    by_word: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = {}  # (label, word) → names holding it
    for k in sorted(range(len(ents)), key=lambda k: -len(words_of[k])):  # stable: as sorting the entities
        label, words = labels[k], words_of[k]
        if (label, words) in fullest or not words:
            continue
        candidates = by_word.get((label, min(words)), [])
        owner = next((name for longer, name in candidates if words <= longer), None)
        fullest[(label, words)] = owner or names[k]
        if owner is None:
            for word in words:
                by_word.setdefault((label, word), []).append((words, names[k]))
    aliases = {}
    for n, ent in enumerate(ents):
        acronym = _acronym_of(doc, ent, ents, n)
        if acronym is not None and labels[n] == "ORG":
            aliases[acronym.text] = fullest.get((labels[n], words_of[n]), names[n])
    resolved = doc._.resolved_names or {}
    clusters: dict[tuple[str, str], Cluster] = {}
    for k, ent in enumerate(ents):
        name = resolved.get((ent.start_char, ent.end_char)) or aliases.get(names[k])
        name = name or fullest.get((labels[k], words_of[k]), names[k])
        cluster = clusters.setdefault((labels[k], name), Cluster(name, labels[k]))
        cluster.mentions.append((ent.start_char, ent.end_char))
    _add_resolved_sources(doc, resolved, clusters)
    return sorted(clusters.values(), key=lambda c: c.mentions[0])


def _add_resolved_sources(doc: Doc, resolved: dict[tuple[int, int], str], clusters: dict) -> None:
    """Add each resolved source mention that is no entity ("ia", "nya", "ahli ITB") to the cluster of its name."""
    by_name = {cluster.name: cluster for cluster in clusters.values()}
    entity_mentions = {m for cluster in clusters.values() for m in cluster.mentions}
    for mention, name in resolved.items():
        if mention not in entity_mentions and name in by_name:
            by_name[name].mentions.append(mention)
    for cluster in clusters.values():
        cluster.mentions.sort()
