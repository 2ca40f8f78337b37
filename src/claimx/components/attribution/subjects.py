"""Who speaks: the noun phrase after a cue (``kata X``) or before it (``X mengatakan``)."""

from spacy.tokens import Span

from ...lang.titles import title_length
from ..grammar import PRONOUNS, W, first_np, is_capitalised, is_verb_like, np_after, np_before, skip_left
from .clauses import ends_clause
from .index import DocIndex


def source_after(ix: DocIndex, i: int, limit: int) -> tuple[int, int] | None:
    """The source after a cue: the clitic ``nya`` or a noun phrase; a description followed by a name
    in commas gives the name ("kata kuasa hukumnya, Rudi Hartono, usai sidang")."""
    doc = ix.doc
    if i < len(doc) and doc[i].lower_ == "nya":
        return i, i + 1
    np = np_after(doc, i, limit)
    if np is None or np[1] + 1 >= limit or doc[np[1]].text != ",":
        return np
    if is_capitalised(doc[np[0]]) and not title_length(doc[np[0] : np[1]]):
        return np
    name = np_after(doc, np[1] + 1, limit)
    if name is None or not all(is_capitalised(t) for t in doc[name[0] : name[1]]):
        return np
    if name[1] >= limit or doc[name[1]].text == "," or ends_clause(ix, name[1], limit):
        return name
    return np


def subject_before(ix: DocIndex, cue: Span, floor: int) -> tuple[int, int] | None:
    """The subject of a preposed cue: the noun phrase before it, past appositives and parentheticals.

    ``None`` when the subject is elided ("Dan menambahkan", "..., seraya menambahkan").
    """
    doc = ix.doc
    k = skip_left(doc, cue.start - 1, floor, ("adverb",) if cue._.cue.voice != "passive" else ())
    if k < floor or doc[k].lower_ in W["elision"]:
        return None
    end = k + 1
    for chunk_start, chunk_end in comma_pieces(ix, floor, end):
        chunk = doc[chunk_start:chunk_end]
        if not len(chunk) or is_adjunct(chunk):
            continue
        if any(is_verb_like(t) for t in chunk) and chunk_end != end:
            return first_np(doc, floor, chunk_end)
        np = np_before(doc, chunk_end, chunk_start)
        if np is None:
            return None
        return _name_before(ix, np, floor) or np
    return None


def sentence_subject(ix: DocIndex, floor: int, cue_start: int) -> tuple[int, int] | None:
    """The subject of a sentence whose second verb is the cue ("X meninjau lokasi dan mengatakan C"):
    the noun phrase that opens the first comma piece that is not an adjunct, when a name or pronoun heads it.
    ``None`` when the sentence opens with the elided cue itself ("Dan menambahkan ...")."""
    doc = ix.doc
    if any(i in ix.used or ix.in_quote[i] for i in range(floor, cue_start)):
        return None  # "“Q,” kata X, seraya menambahkan ...": the claim before says who (inherit_subject)
    for start, end in reversed(comma_pieces(ix, floor, cue_start)):
        chunk = doc[start:end]
        if not len(chunk) or is_adjunct(chunk):
            continue
        while start < end and (doc[start].lower_ in W["connective"] or doc[start].is_space):
            start += 1
        np = np_after(doc, start, end) if start < end else None
        if np is None or np[1] >= cue_start or doc[np[0]].lower_ in W["elision"]:
            return None
        head = doc[np[0]]
        return np if is_capitalised(head) or head.lower_ in PRONOUNS else None
    return None


def comma_pieces(ix: DocIndex, floor: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of ``doc[floor:end]``, right to left."""
    commas = [i for i in range(floor, end) if ix.doc[i].text == ","]
    edges = [floor - 1, *commas, end]
    return [(edges[n] + 1, edges[n + 1]) for n in range(len(edges) - 2, -1, -1)]


def is_adjunct(chunk: Span) -> bool:
    """A parenthetical between subject and cue: a PP, a date, a connective ("dalam keterangannya", "Selasa (2/6)")."""
    head = chunk[0]
    return (
        head.lower_ in W["linker"]
        or head.lower_ in W["time"]
        or all(t.lower_ in W["connective"] | W["adverb"] for t in chunk)
        or len(chunk) <= 4
        and any("/" in t.text or t.like_num and len(t) == 4 for t in chunk)
    )


def _name_before(ix: DocIndex, np: tuple[int, int], floor: int) -> tuple[int, int] | None:
    """``Adnan Abu Hasna, Penasihat Media UNRWA mengatakan``: the name before an appositive."""
    doc = ix.doc
    comma = np[0] - 1
    if comma <= floor or doc[comma].text != ",":
        return None
    name = np_before(doc, comma, floor)
    if name is None or name[0] != ix.next_word(floor):
        return None
    tokens = doc[name[0] : name[1]]
    if title_length(tokens) or title_length(doc[np[0] : np[1]]):
        return None  # "Direktur Indef, Tauhid Ahmad, menilai": the title-led piece describes, the other names
    if all(is_capitalised(t) and "." not in t.text or t.text in "()" for t in tokens) and not any(
        t.lower_ in W["connective"] | W["adverb"] | W["time"] for t in tokens
    ):
        return name
    return None


def agent_after(ix: DocIndex, cue: Span, end: int) -> tuple[int, int] | None:
    """The agent of a passive cue: the noun phrase after it, past ``oleh``; a name ends at a lowercase word."""
    doc = ix.doc
    i = cue.end + (cue.end < end and doc[cue.end].lower_ == "oleh")
    np = np_after(doc, i, end)
    if np is None or not is_capitalised(doc[np[0]]):
        return np
    stop = next((k for k in range(np[0], np[1]) if doc[k].text[:1].islower()), np[1])
    return np[0], stop
