"""How an article describes each person it names, to resolve a later (or earlier) description.

News names a person once with a description ("pakar transportasi Institut Teknologi Bandung (ITB) Sony
Sulaksono", "Gareth Bale, pemain termahal dunia", "pengemudi Pajero berinisial AR") and elsewhere
refers to them by a description alone ("kata ahli ITB", "imbuh pemain 26 tahun itu", "menurut seorang
insinyur perusahaan"). :class:`PersonDescriptions` collects the words around each PER entity — the
noun phrase before it and an appositive after its comma — and :meth:`PersonDescriptions.match` finds
the person whose description shares the most words with a source description headed by a role noun
(``lang/data/person_nouns.txt``) or a title.

>>> import claimx
>>> doc = claimx.load()("Pakar hukum dari Universitas Andalas, Feri Amsari, menilai putusan itu janggal. "
...                     "Ahli hukum itu juga mengkritik DPR.")
>>> start, end = PersonDescriptions(doc).match("Ahli hukum itu", at=90)
>>> doc.text[start:end]
'Feri Amsari'
"""

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lang.titles import title_length, titles
from ..lang.tokenizer_exceptions import read_word_list
from .grammar import W, verb_shaped

_WORD = re.compile(r"[\w'’]+")
#: words that carry no description: determiners, demonstratives, prepositions, "tahun" of an age
_NOT_DESCRIPTIVE = frozenset(
    {"seorang", "sang", "para", "si", "itu", "tersebut", "ini", "yang", "dari", "di", "ke", "dan", "asal", "tahun",
     "nya", "milik", "salah", "satu", "sebagai"}
)  # fmt: skip
#: words that link a description to the name it gives ("pengemudi Pajero berinisial AR")
_LINKERS = frozenset({"berinisial", "bernama", "yakni", "yaitu", "inisial"})
_MAX_BEFORE = 8
#: prepositions of an affiliation, inside a description ("pakar hukum dari Universitas Andalas")
_AFFILIATION = frozenset({"dari", "di", "asal"})
_MAX_APPOSITIVE = 10
#: heads so common that the head alone does not pick a person ("kata seorang warga")
_GENERIC = frozenset(
    {
        "sumber",
        "narasumber",
        "orang",
        "seseorang",
        "warga",
        "pria",
        "wanita",
        "perempuan",
        "pejabat",
        "petugas",
        "ibu",
        "ayah",
        "pemuda",
        "bocah",
    }
)


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    """Each role noun with the name of its role (``data/person_nouns.txt``: synonyms share a line)."""
    roles = {}
    for line in read_word_list("person_nouns.txt"):
        words = line.split("\t")
        roles.update({word: words[0] for word in words})
    return roles


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Role nouns that head a description of a person (built once; it is read per entity)."""
    return frozenset(_roles())


def descriptive_words(text: str) -> list[str]:
    """The lowercased words of a description that describe, in order, each role noun by its role's name.

    >>> descriptive_words("seorang pakar perusahaan itu")
    ['ahli', 'perusahaan']
    """
    roles = _roles()
    return [roles.get(w, w) for w in (m.lower() for m in _WORD.findall(text)) if w not in _NOT_DESCRIPTIVE]


def is_person_description(text: str) -> bool:
    """A phrase headed by a role noun or a title ("ahli ITB", "seorang insinyur perusahaan", "Menteri itu").

    >>> is_person_description("seorang insinyur perusahaan"), is_person_description("pihak Ukraina")
    (True, False)
    """
    words = descriptive_words(text)
    return bool(words) and (words[0] in person_nouns() or _titled(list(reversed(words))))


def _verb(token: Token) -> bool:
    """A meN-/di- verb or a cue, which ends a description; ter-/ber- words may describe ("termahal", "berusia")."""
    return token.lower_.startswith(("me", "di")) and verb_shaped(token.text)


class PersonDescriptions:
    """The descriptive words around each PER entity of one document."""

    def __init__(self, doc: Doc) -> None:
        self.people: list[tuple[int, int, frozenset[str]]] = []
        for ent in doc.ents:
            if ent.label_ == "PER":
                words = _before(doc, ent) | _appositive(doc, ent)
                if words:
                    self.people.append((ent.start_char, ent.end_char, words))

    def match(self, description: str, at: int) -> tuple[int, int] | None:
        """The character offsets of the person whose description shares the most words with
        ``description`` — its head noun, or for a specific head a name in it ("ahli ITB") — the nearest
        before ``at`` among the best, else the first after; ``None`` when no description fits."""
        words = descriptive_words(description)
        if not words:
            return None
        head, names = words[0], {w.lower() for w in _WORD.findall(description)[1:] if w[:1].isupper()}
        if head in _GENERIC and len(set(words)) < 2:
            return None  # "seorang warga": a passer-by, not the resident named elsewhere
        best, chosen = 0, None
        for start, end, described in self.people:
            if head not in described and (head in _GENERIC or not names & described):
                continue
            shared = len(set(words) & described)
            if shared > best or shared == best and start < at:
                best, chosen = shared, (start, end)
        return chosen


def _before(doc: Doc, ent: Span) -> frozenset[str]:
    """Words of the noun phrase before ``ent``, back to punctuation, a verb or ``yang``; a description
    set off by a comma counts when a role noun or title opens it ("Pakar hukum dari Unand, Feri Amsari")."""
    end = ent.start
    if end > 0 and doc[end - 1].text == ",":
        words = _phrase_back(doc, end - 1)
        return (
            frozenset(descriptive_words(" ".join(words)))
            if words and (words[-1] in person_nouns() or _titled(words))
            else frozenset()
        )
    return frozenset(descriptive_words(" ".join(_phrase_back(doc, end))))


def _phrase_back(doc: Doc, end: int) -> list[str]:
    """The words before token ``end`` back to a phrase boundary, nearest first (determiners included)."""
    words, i = [], end - 1
    while i >= 0 and len(words) < _MAX_BEFORE:
        token = doc[i]
        if token.lower_ in _LINKERS or token.text in "()":
            i -= 1
            continue
        if token.is_punct or token.is_space or token.lower_ == "yang" or _verb(token) or token.ent_type_ == "PER":
            break
        if token.lower_ in W["connective"] or token.lower_ in W["linker"] and token.lower_ not in _AFFILIATION:
            break
        words.append(token.lower_)
        i -= 1
    return [w for w in words if w not in _NOT_DESCRIPTIVE]


def _titled(words: list[str]) -> bool:
    """Whether the words (nearest first, so in reverse) open with a title ("Menteri Sosial")."""
    ordered = tuple(reversed(words))
    return any(ordered[:n] in titles() for n in range(1, len(ordered) + 1))


def _appositive(doc: Doc, ent: Span) -> frozenset[str]:
    """Words of the appositive after ``ent`` ("Gareth Bale, pemain termahal dunia, ..."), up to the next comma."""
    i = ent.end
    if i >= len(doc) or doc[i].text != ",":
        return frozenset()
    words = []
    for token in doc[i + 1 : i + 1 + _MAX_APPOSITIVE]:
        if token.is_punct or token.is_space or _verb(token) or token.ent_type_ == "PER":
            break
        words.append(token.lower_)
    if not words or words[0] not in person_nouns() and not title_length(doc[i + 1 : i + 1 + len(words)]):
        return frozenset()
    return frozenset(descriptive_words(" ".join(words)))
