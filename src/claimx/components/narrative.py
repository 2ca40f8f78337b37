"""The ``narrative`` rule: the hoax text a fact-check quotes after ``narasi:``.

Fact-check articles introduce the checked post with a reporting noun and a colon, then give its text
on the next line, with or without quote marks (``Unggahan disertai narasi:`` / ``Berikut narasi
lengkapnya:`` / ``membagikan tautan beserta informasi:``). The text up to the end of its line (inside
its quote marks, if any) is one direct claim, unless a quote rule took it already; its cue is the noun
and its source the ``-nya`` of ``narasinya`` or else the phrase that names the post (``Unggahan``,
``akun Instagram``).

>>> from claimx.pipeline import load
>>> doc = load("blank")("Akun Facebook Sinar Jaya mengunggah foto dengan narasi:\\nBantuan tunai Rp 5 juta cair hari ini\\nPemeriksaan Fakta")
>>> [(doc.text[c.content_start:c.content_end], c.rule) for c in doc._.claims]
[('Bantuan tunai Rp 5 juta cair hari ini', 'narrative')]
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..lang.doctext import doc_text

#: reporting nouns that introduce a checked text after a colon
NARRATIVE_NOUNS = frozenset({"narasi", "informasi", "pesan", "keterangan", "tulisan"})
#: words allowed between the noun and its colon ("narasi lengkapnya", "narasi sebagai berikut")
_BETWEEN = frozenset({"nya", "lengkap", "lengkapnya", "sebagai", "berikut", "seperti", "ini", "yang", "dibagikan",
                      "beredar", "tersebut", "itu"})  # fmt: skip
_QUOTES = frozenset('"“”')
_MIN_WORDS = 4


#: heads of the phrase that names the checked post ("Unggahan disertai narasi", "akun Instagram ... informasi")
POST_HEADS = frozenset({"akun", "unggahan", "postingan", "video", "pesan", "konten"})


@dataclass
class Narrative:
    """A narrative claim: the cue noun, the content's character range, and where its ``nya`` is: a
    token index (``narasi nya``) or the character offset of ``nya`` at the end of a word (``lengkapnya``)."""

    cue: Span
    content: tuple[int, int]
    clitic: int | None
    glued_clitic: int | None = None


def _colon_after(doc: Doc, cue: Span) -> tuple[int, int | None, int | None] | None:
    """The colon closing ``narasi (lengkapnya):``, the index of a ``nya`` token on the way and the character
    offset of a ``nya`` ending a word (``lengkapnya``), else None."""
    clitic = glued = None
    i = cue.end
    while i < len(doc) and i < cue.end + 4:
        token = doc[i]
        if token.text == ":":
            return i, clitic, glued
        if token.lower_ not in _BETWEEN:
            return None
        if token.lower_ == "nya":
            clitic = i
        elif token.lower_.endswith("nya"):
            glued = token.idx + len(token) - 3
        i += 1
    return None


def post_phrase_head(doc: Doc, start: int, end: int) -> int | None:
    """The index of the first word in ``doc[start:end]`` that heads a phrase naming a post (``akun``, ``unggahan``)."""
    return next((i for i in range(start, end) if doc[i].lower_ in POST_HEADS), None)


def _line_after(text: str, start: int) -> tuple[int, int] | None:
    """The text from ``start`` (past spaces and one line break) to the end of its line, trimmed."""
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if start < len(text) and text[start] == "\n":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[start] in _QUOTES:  # a quoted narrative: the words inside the marks
        start += 1
        while start < end and text[start].isspace():
            start += 1
        if text[end - 1] in _QUOTES:
            end -= 1
    if end <= start or len(text[start:end].split()) < _MIN_WORDS:
        return None
    return start, end


def narratives(doc: Doc, cues: list[Span]) -> list[Narrative]:
    """Every ``NOUN:`` + narrative line of ``doc`` (see the module docstring)."""
    found = []
    for cue in cues:
        if cue.text.lower() not in NARRATIVE_NOUNS:
            continue
        colon = _colon_after(doc, cue)
        if colon is None:
            continue
        content = _line_after(doc_text(doc), doc[colon[0]].idx + 1)
        if content is not None:
            found.append(Narrative(cue, content, colon[1], colon[2]))
    return found
