"""Token-level helpers for the grammar of reporting: noun phrases around cues, clause edges.

These read the closed word classes of ``lang/data/reporting_words.tsv`` and the titles of
``lang/data/titles.txt``; they hold no state and do no matching of their own.
"""

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lang.gazetteer import canonical_forms
from ..lang.glued import known_words
from ..lang.reporting import cue_lexicon, pronouns, word_classes
from ..lang.titles import title_length
from ..lang.tokenizer_exceptions import read_word_list

W = word_classes()
PRONOUNS = pronouns()
_VERB_PREFIXES = (("me", 6), ("di", 7), ("ber", 7), ("ter", 7))
_MAX_NP = 16
_TEMPORAL = frozenset({"pada", "dalam", "saat", "ketika", "usai", "seusai", "setelah", "sebelum", "kepada", "melalui"})
_QUOTE_CHARS = frozenset('"“”„')
_NOT_SOURCE_OPENERS = frozenset().union(
    *(W[c] for c in ("linker", "connective", "subordinator", "time", "complementizer", "not_source"))
)


def is_quote(token: Token) -> bool:
    """Whether the token is a double quote mark."""
    return token.text in _QUOTE_CHARS


def is_capitalised(token: Token) -> bool:
    """A capitalised word (a name part, an acronym, a number-led name such as "Gadgets 360")."""
    return token.text[:1].isupper()


def verb_shaped(word: str) -> bool:
    """A lowercase word shaped like a meN-/di-/ber-/ter- verb, or an active or passive cue form; a word
    nlp-id's news corpus knows but never tags as a predicate is no verb, whatever its shape ("mereka",
    "menteri", "direktur").

    >>> [verb_shaped(w) for w in ("mengatakan", "dilaporkan", "mereka", "menteri", "menyebutkannya")]
    [True, True, False, False, True]
    """
    if not word[:1].islower() or word in W["not_verb"]:
        return False
    if word in cue_lexicon() and cue_lexicon()[word].voice in ("active", "passive"):
        return True
    if word in known_words() and word not in predicate_words():
        return False
    return any(word.startswith(prefix) and len(word) >= size for prefix, size in _VERB_PREFIXES)


def is_verb_like(token: Token) -> bool:
    """A token whose text is :func:`verb_shaped`."""
    return verb_shaped(token.text)


@lru_cache(maxsize=1)
def predicate_words() -> frozenset[str]:
    """Words nlp-id's news corpus tags as verbs, adjectives or negation most often (``data/predicate_words.txt``)."""
    return frozenset(read_word_list("predicate_words.txt"))


@lru_cache(maxsize=1)
def _clause_words() -> frozenset[str]:
    """Predicate words and auxiliaries together, built once."""
    return predicate_words() | W["auxiliary"]


def has_predicate(tokens: Span) -> bool:
    """Whether ``tokens`` read as a clause: a verb-shaped word, a predicate word or an auxiliary, not just
    a noun phrase ("pelaku sudah ditangkap", "harga naik" against "ketersediaan stok beras").

    >>> from claimx.pipeline import blank
    >>> doc = blank()("harga beras naik | ketersediaan stok beras | pelaku sudah ditangkap")
    >>> [has_predicate(doc[a:b]) for a, b in ((0, 3), (4, 7), (8, 11))]
    [True, False, True]
    """
    words = {t.lower_ for t in tokens} | {t.lower_.removesuffix("lah") for t in tokens}  # "bukanlah", "adalah"
    return any(verb_shaped(t.text) for t in tokens) or not words.isdisjoint(_clause_words())


def skip_left(doc: Doc, i: int, floor: int, classes: tuple[str, ...] = ("adverb",)) -> int:
    """The index left of ``i`` after skipping words of ``classes`` (returns < floor when none left)."""
    words = frozenset().union(*(W[c] for c in classes))
    while i >= floor and doc[i].lower_ in words:
        i -= 1
    return i


def np_after(doc: Doc, start: int, limit: int) -> tuple[int, int] | None:
    """The source noun phrase that starts at ``start`` (``kata Direktur Utama X kepada ...``).

    It ends before punctuation, a preposition or complementiser, a verb or a line break, and
    after a demonstrative (``sumber tersebut``).
    """
    end = start
    while end < min(limit, start + _MAX_NP):
        token = doc[end]
        if token.is_space and "\n" not in token.text and end > start:
            end += 1  # a no-break space inside a name
            continue
        if token.is_space or token.is_punct and token.text not in "()'’-" or token.is_quote:
            break
        if token.lower_ in W["linker"] or is_verb_like(token) or token.lower_ in W["adverb"] and end > start:
            break
        if token.text in ")(" and end == start:
            break
        end += 1
        if token.lower_ in W["demonstrative"]:
            break
        if "\n" in token.whitespace_:
            break
    while end > start and doc[end - 1].is_space:
        end -= 1
    return (start, end) if end > start and not doc[start].is_punct else None


def np_before(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The subject noun phrase that ends just before token ``end`` (exclusive), not before ``floor``.

    It stops at a comma, a quote mark, a line break or a verb; leading connectives are dropped
    and a temporal phrase after a name is cut off ("Elon Musk pada Juli 2023").
    """
    start = end
    while start > floor and end - start < _MAX_NP + 2:
        token = doc[start - 1]
        if token.is_space or token.text in ",;:!?" or is_quote(token) or "\n" in token.whitespace_:
            break
        if token.text[-1] in "-—–" and (token.is_punct or len(token) > 1):
            break
        if token.text[0] in "-—–" and len(token) > 1:
            start -= 1
            break
        if token.text == "." and start - 1 > floor and not doc[start - 2].is_upper:
            break
        if token.lower_ in W["complementizer"]:
            break
        if is_verb_like(token):
            relative = next(
                (k for k in range(start - 2, max(floor, start - 4) - 1, -1) if doc[k].lower_ == "yang"), None
            )
            if relative is None or relative == floor:
                break
            start = relative
            continue
        start -= 1
    while start < end and (doc[start].lower_ in W["connective"] or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].lower_ == "yang":
        end -= 1
    for k in range(start + 1, end):
        if doc[k].lower_ in _TEMPORAL and any(is_capitalised(t) for t in doc[start:k]):
            end = k
            break
    if start >= end or all(t.is_punct for t in doc[start:end]):
        return None
    return start, end


def is_source_phrase(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` can be a source: a noun phrase headed by a name, a noun or a pronoun,
    never a preposition, conjunction, subordinator, weekday, month, number or date ("Dalam", "Senin",
    "Jika", "dua hari setelah rapat"). Every rule's proposed source passes this filter.

    >>> from claimx.pipeline import blank
    >>> doc = blank()("Senin Dalam dua hari Budi ia")
    >>> [is_source_phrase(doc, i, i + 1) for i in (0, 1, 2, 4, 5)]
    [False, False, False, True, True]
    """
    if start >= end:
        return False
    first = doc[start]
    if first.lower_ in PRONOUNS:
        return True
    if first.is_punct or first.is_space or first.like_num or "/" in first.text:
        return False
    return first.lower_ not in _NOT_SOURCE_OPENERS


def is_pronoun(span: Span) -> bool:
    """Whether a source mention is a pronoun or the clitic ``nya``."""
    return span.text.lower() in PRONOUNS


def _coordinated(span: Span, ents: list[Span]) -> bool:
    """Two sources joined by "dan" ("BPOM dan BPJPH"); with entities, only "dan" between two of them."""
    ends, starts = {e.end for e in ents}, {e.start for e in ents}
    return any(t.lower_ in ("dan", "&") and (not ents or t.i in ends and t.i + 1 in starts) for t in span)


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly inside ``doc[start:end]``, read from the tokens' IOB tags.

    Unlike ``doc.ents``, which builds every entity of the document, this looks at the range only.
    """
    found, i = [], start
    while i < end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= end:
            found.append(Span(doc, i, j, label=token.ent_type))
        i = j
    return found


def _name_read_as_place(ents: list[Span], end: int) -> bool:
    """``Kepala Satgas KPK Wilayah V Dian Patria``: a speaker phrase that ends in a unit then a "place"
    that no gazetteer knows and that holds no everyday word is a person's name the tagger misread."""
    if len(ents) < 2 or ents[-1].end != end or ents[-1].label_ != "LOC" or ents[-2].label_ != "ORG":
        return False
    name = ents[-1]
    return name.text not in canonical_forms() and all(
        t.is_alpha and is_capitalised(t) and t.lower_ not in known_words() for t in name
    )


def minimal_mention(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a name-led noun phrase to its name: titles off, or the entity that closes it, and no
    trailing bracket ("Siti (45)"). A descriptive phrase ("keterangan dari pihak Ukraina") stays whole.
    """
    opening = next((k for k in range(end - 1, start, -1) if doc[k].text == "("), None)
    if end - start > 2 and doc[end - 1].text == ")" and opening is not None:
        end = opening
    span = doc[start:end]
    ents = ents_within(doc, start, end)
    if is_pronoun(span) or _coordinated(span, ents):
        return start, end
    if not is_capitalised(span[0]):
        cut = title_length(span)
        rest = span[cut:]
        named = (
            any(e.label_ == "PER" and e.start >= rest.start for e in ents)
            or len(rest) > 1
            and all(is_capitalised(t) for t in rest)
        )
        return minimal_mention(doc, start + cut, end) if cut and named else (start, end)
    people = [e for e in ents if e.label_ == "PER"]
    if people:
        return people[-1].start, people[-1].end
    if _name_read_as_place(ents, end):
        return ents[-1].start, ents[-1].end
    last = max([e.end for e in ents] + [t.i + 1 for t in span if t.text == ")"], default=start)
    if start < last < end and all(is_capitalised(t) for t in doc[last:end]):
        start = last
    elif ents and ents[-1].end == end and ents[-1].label_ == "ORG":
        return ents[-1].start, ents[-1].end
    cut = title_length(doc[start:end])
    rest = doc[start + cut : end]
    if len(rest) and all(is_capitalised(t) or t.text in "()" for t in rest):  # "Ahli UI itu" stays a description
        start += cut
    lower = [t.i for t in doc[start:end] if t.text[:1].islower()]
    if lower and lower[-1] + 1 < end and all(t.is_alpha and is_capitalised(t) for t in doc[lower[-1] + 1 : end]):
        start = lower[-1] + 1
    return start, end


def first_np(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The leading noun phrase (the subject) of the clause ``doc[start:end]``."""
    while start < end and (doc[start].lower_ in W["connective"] or doc[start].is_punct or doc[start].is_space):
        start += 1
    stop = start
    while stop < end and not (doc[stop].is_punct or is_verb_like(doc[stop]) or doc[stop].lower_ in W["adverb"]):
        stop += 1
    return (start, stop) if stop > start else None
