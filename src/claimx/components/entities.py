"""``claimx_entities``: gazetteer names, guideline clean-up and canonical forms for ``doc.ents``.

Place it after ``ner`` and before ``claimx_boilerplate``. Following ``../shared/eval/GUIDELINE.md``:

* a token joining gazetteer names is split: two names joined by a hyphen ("Iran-Israel" →
  ``Iran`` ``-`` ``Israel``; the tokenizer keeps hyphenated words whole) and a name glued by a
  scraper to lowercase words ("diAmerika", "otakNeuralink") (:mod:`claimx.components.glued_names`);
* gazetteer names (``data/gazetteer/``) the model missed are added; a name wins over model
  spans it covers or matches exactly (``Amerika Serikat``, not ``Amerika``; ``Israel`` is LOC
  even where the model said PER), and a PER or LOC span that swallowed a name of another label
  is split ("Presiden AS Joe Biden" → LOC ``AS`` + PER ``Joe Biden``); an ORG keeps its place
  qualifier ("Kementerian Pendidikan Palestina");
* a capitalised facility head plus a name is one LOC span (``data/facility_heads.txt``:
  "Bandara Soekarno-Hatta", "Gedung Putih"), and an institution head plus a name one ORG span
  (``data/institution_heads.txt``: "Rumah Sakit Harapan Kita", "SMPN 3 Depok"), unless the head sits
  inside a longer model entity;
* capitalised words after an honorific or a rank are a PER (``data/honorifics.txt``: "Gus Ipul",
  "Kompol Jazuli", "Laksamana Pertama Budi"), and so are initials after "berinisial"
  (``data/initials_cues.txt``);
* spans are cut at brackets and line breaks, lose lowercase words and spaces at their edges and
  opening words that never begin a name (``data/non_name_words.txt``: "Melansir Kompas.com");
  "Kementerian Sosial (Kemensos" → ``Kementerian Sosial``;
* spans are dropped when they are only a title, a number, a handle (``@jokowi``), a known
  non-entity (``data/not_entities.txt``: currencies, diseases), a vessel or a law
  (``data/non_entity_heads.txt``: "USS Nimitz", "Undang-Undang ..."), a place after
  ``data/non_entity_before.txt`` ("bahasa Inggris") or inside an event's name (``data/event_heads.txt``:
  "MotoGP Italia", "Piala Asia 2027"), or, unless the gazetteer knows them, a
  lowercase word, a capitalised "-nya" word ("Mirisnya") or a sentence-initial word that the
  text also writes in lowercase ("Truk ..." where "truk" occurs);
* PER spans lose leading titles (``data/titles.txt``, ``data/honorifics.txt``: "Gus Ipul" → ``Ipul``);
* ORG/LOC spans that start with a generic word become the place after it
  (``data/generic_heads.txt``: "Pemprov Jabar" → LOC ``Jabar``);
* LOC spans take in a capitalised administrative word before them (``data/place_heads.txt``:
  ``Kota Bandung``), except after a title ("Wali Kota Bandung" → ``Bandung``), and one after them
  (``data/place_tails.txt``: ``Tasikmalaya Kota``);
* ORG spans lose leading titles ("Kepala Dinas X" → ``Dinas X``) or else start at their first
  unit word or take in a sub-unit name written before them (``data/org_units.txt``:
  ``Komisi Fatwa MUI``); one opening with a unit word runs on over "dan"/"untuk" + capitalised
  words ("Badan Pengawas Obat dan Makanan");
* an ORG/LOC right after a title that ends in two or more name words is a unit plus a person
  ("Kepala Dinas Kesehatan Budi Santoso" → ORG ``Dinas Kesehatan`` + PER ``Budi Santoso``;
  "Wali Kota Bandung Rina Kartika" → LOC ``Bandung`` + PER ``Rina Kartika``): name words are
  capitalised, not everyday words (``data/common_words.txt``, ke-an/pe-an nouns), unit words
  or gazetteer names, and the unit keeps at least one word besides a unit word or legal form ("PT");
* a regional unit word right before a place makes one ORG (``data/regional_units.txt``:
  "Polda Jawa Tengah", "KPU Jawa Timur"), with any sub-unit words before it ("Satlantas Polresta
  Bogor Kota"), replacing whatever it overlaps;
* web addresses ("liputan6.com") and the name after a channel cue ("dilansir dari X", "laman X") are ORG,
  a source tag's codes ("(tfa/dim)") are the outlet (ORG) and
  its editors (PER), whatever the model said, and an acronym spelled out in lowercase words ("truk over
  dimension over load (ODOL)") is no entity anywhere in the document, nor is an account's quoted display name
  ("akun Facebook "Budi Santoso"") (:mod:`claimx.components.entity_forms`);
* a capitalised word in brackets right after a multi-word ORG/LOC, a LOC or a multi-word PER (all
  capitals then) with the same initial is its acronym, with the same label, whatever the model said
  ("Komite Nasional Keselamatan Transportasi (KNKT)", "Susilo Bambang Yudhoyono (SBY)");
* a part of a full PER name is PER wherever else it occurs alone in the document
  ("Katy Perry" … "Perry", even where the model said ORG or nothing), the name word of a facility
  is LOC ("Bandara Husein Sastranegara" … "Husein"), and an acronym keeps its ORG or PER label
  wherever else it occurs alone ("Katadata Insight Center (KIC)" … "KIC").

``Span._.canonical`` is the gazetteer's canonical form (``AS`` → ``Amerika Serikat``), else the text.
"""

from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..lang.entity_words import (
    event_heads,
    facility_heads,
    generic_heads,
    initials_cues,
    institution_heads,
    is_common_word,
    non_entity_before,
    non_entity_heads,
    non_name_words,
    not_entities,
    org_units,
    place_heads,
    place_tails,
    regional_units,
)
from ..lang.gazetteer import canonical_forms, entries
from ..lang.glued import known_words
from ..lang.titles import honorifics, title_length, titles
from .entity_forms import channels, common_acronyms, is_account_name, source_tags, web_addresses
from .glued_names import split_glued_names

BRACKETS = {"(", ")", "[", "]"}
SENTENCE_END = {".", "!", "?", '"', "“", "”", ":", "\n"}
CONNECTORS = {"dan", "untuk", "&"}
LONGEST_NAME = 4  # capitalised words taken after an honorific
LEGAL_FORMS = frozenset({"PT", "CV", "UD", "Perum", "Persero", "Yayasan", "Koperasi"})
LONGEST_UNIT = 6  # capitalised words an ORG may extend leftwards over
_HEAD_STARTS = frozenset(head[0] for head in facility_heads() | institution_heads())


def canonical(span: Span) -> str:
    """The canonical name of an entity span."""
    return canonical_forms().get(span.text, " ".join(span.text.split()))


if not Span.has_extension("canonical"):
    Span.set_extension("canonical", getter=canonical)


@Language.factory("claimx_entities")
def make_entities(nlp: Language, name: str) -> "EntityCleaner":
    return EntityCleaner(nlp)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_title(token: Token) -> bool:
    return (token.lower_,) in titles()


def merge(ents: list[Span], name: Span, force: bool = False) -> list[Span]:
    """Fold one rule span into the entity list (``force``: it replaces whatever it overlaps)."""
    hits = [ent for ent in ents if _overlaps(ent, name)]
    rest = [ent for ent in ents if not _overlaps(ent, name)]
    if force or all(_contains(name, hit) for hit in hits):
        return rest + [name]
    hit = hits[0]
    if len(hits) == 1 and hit.label_ in ("PER", "LOC") and hit.label_ != name.label_ and _contains(hit, name):
        pieces = [
            Span(name.doc, hit.start, name.start, hit.label_),
            name,
            Span(name.doc, name.end, hit.end, hit.label_),
        ]
        return rest + [piece for piece in pieces if len(piece)]
    return ents


def _head_at(doc: Doc, i: int, heads: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest facility head starting at token ``i`` (0 if none)."""
    first = doc[i].text
    if first not in _HEAD_STARTS:
        return 0
    return max((len(h) for h in heads if h[0] == first and tuple(t.text for t in doc[i : i + len(h)]) == h), default=0)


def facilities(doc: Doc, words: list[str], ents: list[Span]) -> Iterator[Span]:
    """LOC spans of a facility head followed by capitalised or numeric tokens, ORG spans of an
    institution head followed by them ("Rumah Sakit Harapan Kita", "SMPN 3 Depok").

    A title may open the name ("Bandara Sultan Hasanuddin") but ends it later ("Tol X Kompol Y");
    an institution's name also ends where a person tagged by the model begins ("Universitas X Budi Santoso").
    """
    heads = facility_heads() | institution_heads()
    inside = {i for ent in ents for i in range(ent.start + 1, ent.end)}
    people = {ent.start for ent in ents if ent.label_ == "PER"}
    for i, word in enumerate(words):
        if word not in _HEAD_STARTS or i in inside:
            continue
        size = _head_at(doc, i, heads)
        institution = tuple(words[i : i + size]) in institution_heads()
        end = i + size
        while size and end < len(doc) and (_capitalised(doc[end]) or doc[end].like_num):
            if (_is_title(doc[end]) and end > i + size) or _head_at(doc, end, heads):
                break
            if institution and end in people and end > i + size:
                break
            end += 1
        if size and end > i + size:
            inside.update(range(i, end))
            yield Span(doc, i, end, "ORG" if institution else "LOC")


def honoured(doc: Doc, words: list[str], known: set[str]) -> Iterator[Span]:
    """PER spans of the capitalised words after an honorific or rank ("Gus Ipul" → ``Ipul``),
    and of initials after ``data/initials_cues.txt`` ("berinisial AR" → ``AR``).

    Not when the honorific ends a longer title ("Direktur Jenderal ...").
    """
    stop = known | place_heads() | org_units() | _HEAD_STARTS
    for i, word in enumerate(words):
        if word not in honorifics() or (i and (words[i - 1].lower(), word.lower()) in titles()):
            continue
        start = i + title_length(doc[i : i + LONGEST_NAME + 1])
        start = start if start > i else i + 1
        end = start
        while end < len(doc) and end - start < LONGEST_NAME and doc[end].is_title:
            if doc[end].text in stop or _is_title(doc[end]):
                break
            end += 1
        if end > start:
            yield Span(doc, start, end, "PER")
    for i, word in enumerate(words[:-1]):
        after = words[i + 1]
        if word.lower() in initials_cues() and after.isupper() and after.isalpha():
            yield Span(doc, i + 1, i + 2, "PER")


def _trimmed(ent: Span) -> Span:
    """The first bracket-free piece of ``ent``, without lowercase words at its edges."""
    doc, start, end = ent.doc, ent.start, ent.end
    cut = next((t.i for t in ent if (t.text in BRACKETS or "\n" in t.text) and t.i > start), None)
    end = cut if cut is not None else end
    while (doc[start].text in BRACKETS or doc[start].is_space) and start + 1 < end:
        start += 1
    mixed = any(not t.is_lower for t in doc[start:end])
    while start + 1 < end and (
        doc[start].is_space
        or doc[start].is_punct
        or doc[start].text in non_name_words()
        or (mixed and doc[start].is_lower)
    ):
        start += 1
    while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].is_punct or (mixed and doc[end - 1].is_lower)):
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, ent.label_)


def _dropped(ent: Span, lowered: set[str]) -> bool:
    """Whether ``ent`` is no entity; ``lowered`` holds the lowercase words of the document."""
    doc, start = ent.doc, ent.start
    before = doc[start - 1].lower_ if start else ""
    opens_sentence = not start or before in SENTENCE_END
    return (
        ent.text in not_entities()
        or ent.text[:1] in "@#"
        or not any(c.isalpha() for c in ent.text)
        or ent[0].text in non_entity_heads()
        or ent.text in non_name_words()
        or tuple(t.lower_ for t in ent) in titles()
        or (ent.label_ == "LOC" and before in non_entity_before())
        or (ent.label_ == "LOC" and start > 0 and doc[start - 1].text in event_heads())
        or (ent.text not in canonical_forms() and _common_word(ent, lowered, opens_sentence))
    )


def _common_word(ent: Span, lowered: set[str], opens_sentence: bool) -> bool:
    """A lowercase word, a "-nya" word, or a sentence-initial word the text also writes in lowercase."""
    if ent.text.islower():
        return True
    return len(ent) == 1 and (ent.text.endswith("nya") or (opens_sentence and ent[0].lower_ in lowered))


def _org_start(ent: Span) -> int:
    """Where an ORG starts: at a sub-unit name written before it, or at its first unit word."""
    doc, start = ent.doc, ent.start
    units = org_units()
    inner = next((t.i for t in ent[: LONGEST_UNIT // 2] if t.text in units), start)
    if inner > start and not any(t.text in units for t in doc[start:inner]):
        return inner
    k = start
    while k > 0 and start - k < LONGEST_UNIT and _capitalised(doc[k - 1]) and not _is_title(doc[k - 1]):
        if doc[k - 1].ent_type_ in ("PER", "LOC"):
            break
        k -= 1
    return next((i for i in range(k, start) if doc[i].text in units), start)


def _org_end(doc: Doc, start: int, end: int) -> int:
    """Where an ORG opening with a unit word ends, taking in "dan"/"untuk" + capitalised words.

    ("Pusat Riset Kesehatan Masyarakat dan Gizi BRIN"); not over another ORG or LOC.
    """
    if doc[start].text not in org_units():
        return end
    j = end
    while j < len(doc) and j - start < 3 * LONGEST_UNIT:
        token = doc[j]
        joins = token.lower_ in CONNECTORS and j + 1 < len(doc) and doc[j + 1].is_title
        nxt = doc[j + 1] if joins else token
        if not _capitalised(nxt) or _is_title(nxt) or nxt.ent_type_ in ("ORG", "LOC"):
            break
        j = nxt.i + 1
    return j if doc[j - 1].lower_ not in CONNECTORS else end


def clean(ent: Span, lowered: set[str]) -> Span | None:
    """The guideline's span for a model or rule entity (None to drop it); see :func:`_dropped`."""
    ent = _trimmed(ent)
    doc, label, start = ent.doc, ent.label_, ent.start
    if _dropped(ent, lowered):
        return None
    if label == "PER":
        cut = title_length(ent)
        return Span(doc, start + cut, ent.end, label) if cut else ent
    cut = 0
    while cut < len(ent) - 1 and ent[cut].lower_ in generic_heads():
        cut += 1
    if cut:
        return Span(doc, start + cut, ent.end, "LOC")
    if label == "LOC":
        return _place(ent)
    cut = title_length(ent)
    start = _org_start(ent) if not cut else start + cut
    end = _org_end(doc, start, ent.end)
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label)


def _place(ent: Span) -> Span:
    """A LOC with the administrative words written around it ("Kota Bandung", "Tasikmalaya Kota")."""
    doc, start, end = ent.doc, ent.start, ent.end
    after_title = start > 1 and (doc[start - 2].lower_, doc[start - 1].lower_) in titles()
    if start and doc[start - 1].text in place_heads() and not after_title:
        start -= 1
    if end < len(doc) and doc[end].text in place_tails():
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, "LOC")


def _after_title(doc: Doc, start: int) -> bool:
    return any(start >= n and tuple(t.lower_ for t in doc[start - n : start]) in titles() for n in (1, 2, 3))


def _name_word(token: Token, known: set[str]) -> bool:
    return (
        token.is_alpha
        and token.is_title
        and not is_common_word(token.text)
        and token.text not in org_units()
        and token.text not in known
    )


def unit_and_person(ent: Span, known: set[str]) -> list[Span]:
    """An ORG/LOC after a title split into the unit and the person's name that ends it (see above)."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "LOC") or len(ent) < 3 or not _after_title(doc, ent.start):
        return [ent]
    cut = ent.end
    while cut - 1 > ent.start and ent.end - cut < LONGEST_NAME and _name_word(doc[cut - 1], known):
        cut -= 1
    if cut - ent.start == 1 and (doc[ent.start].text in org_units() or doc[ent.start].text.rstrip(".") in LEGAL_FORMS):
        cut += 1  # "PT Pertamina", "Dinas Sosial": a unit word alone names no unit
    if ent.end - cut < 2 or cut - ent.start <= _head_at(doc, ent.start, institution_heads()):
        return [ent]  # "Universitas Gadjah Mada": the words after an institution head are its name
    return [Span(doc, ent.start, cut, ent.label_), Span(doc, cut, ent.end, "PER")]


def regional(ents: list[Span]) -> list[Span]:
    """ORG spans of a regional unit word and the LOC right after it (see above)."""
    units = []
    for ent in ents:
        doc, start = ent.doc, ent.start
        if ent.label_ == "LOC" and start and doc[start - 1].text in regional_units():
            start -= 1
            while start and doc[start - 1].text in org_units():  # "Satlantas Polresta Bogor Kota"
                start -= 1
            units.append(Span(doc, start, ent.end, "ORG"))
    for unit in units:
        ents = merge(ents, unit, force=True)
    return ents


def acronyms(ents: list[Span]) -> Iterator[Span]:
    """A capitalised word in brackets right after a multi-word ORG/LOC, a LOC ("Yogyakarta (YK)") or a
    multi-word PER with an all-capitals acronym ("Susilo Bambang Yudhoyono (SBY)"), with the same initial."""
    for ent in ents:
        doc, end = ent.doc, ent.end
        if ent.label_ not in ("ORG", "LOC", "PER") or end + 2 >= len(doc):
            continue
        token = doc[end + 1]
        if len(ent) < (1 if ent.label_ == "LOC" else 2) or (ent.label_ == "PER" and not token.text.isupper()):
            continue
        bracketed = doc[end].text == "(" and doc[end + 2].text == ")"
        if bracketed and token.is_alpha and token.text[0] == ent.text[0] and token.text not in not_entities():
            yield Span(doc, end + 1, end + 2, ent.label_)


def name_parts(
    ents: list[Span],
    words: list[str],
    known: set[str],
    blocked: frozenset[int] = frozenset(),
    defined: frozenset[int] = frozenset(),
) -> list[Span]:
    """``ents`` with other lone mentions of name parts and acronyms labelled like their entity.

    Parts are title-case words of 3+ letters of multi-word PER entities (PER) and the first name
    word of a facility (LOC: "Bandara Husein Sastranegara" … "Husein"), except gazetteer names;
    parts that are everyday words (``data/known_words.txt``: "Harapan") do not spread; acronyms are
    single-token ORG or PER entities with two or more capitals ("KIC", initials "AR";
    PER wins). A mention is lone when the words around it are not capitalised; ``blocked`` tokens
    (an account's display name) take no label, and acronyms ``defined`` in brackets (their token
    indices) keep theirs.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    acronyms = [ent for ent in ents if ent.label_ in ("ORG", "PER") and len(ent) == 1 and _is_acronym(ent[0])]
    labels = {ent.text: ent.label_ for ent in sorted(acronyms, key=lambda ent: ent.label_)}
    for ent in ents:
        size = _head_at(doc, ent.start, facility_heads()) if ent.label_ == "LOC" else 0
        if size and len(ent) > size and ent[size].is_title and ent[size].text not in known:
            labels[ent[size].text] = "LOC"
    parts = {t.text for ent in ents if ent.label_ == "PER" and len(ent) > 1 for t in ent if t.is_title and len(t) > 2}
    parts = {part for part in parts if part.lower() not in known_words()}  # "Harapan" is also an everyday word
    labels.update(dict.fromkeys(parts - known, "PER"))
    result, taken = [], set(blocked)
    for ent in ents:
        relabel = labels.get(ent.text, ent.label_) != ent.label_ and ent.text not in known and ent.start not in defined
        if len(ent) == 1 and relabel:
            ent = Span(doc, ent.start, ent.end, labels[ent.text])
        result.append(ent)
        taken.update(range(ent.start, ent.end))
    for i, word in enumerate(words):
        if word in labels and i not in taken and not _has_capitalised_neighbour(doc[i]):
            result.append(Span(doc, i, i + 1, labels[word]))
    return sorted(result, key=lambda span: span.start)


def _is_acronym(token: Token) -> bool:
    return token.is_alpha and sum(c.isupper() for c in token.text) >= 2 and token.text[0].isupper()


def _has_capitalised_neighbour(token: Token) -> bool:
    """Whether a capitalised word that does not open a sentence stands right before or after ``token``."""
    doc, i = token.doc, token.i
    before = i > 1 and doc[i - 1].is_title and doc[i - 2].text not in SENTENCE_END
    return before or (i + 1 < len(doc) and doc[i + 1].is_title)


class EntityCleaner:
    """Stateless apart from its phrase matcher; see the module docstring."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        by_label: dict[str, list[str]] = {}
        for entry in entries():
            by_label.setdefault(entry.label, []).append(entry.name)
        for label, names in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        words = [token.text for token in doc]
        if split_glued_names(doc, words):
            words = [token.text for token in doc]
        ents = list(doc.ents)
        known = filter_spans(self.matcher(doc, as_spans=True))
        known_texts = {span.text for span in known}
        for name in known:
            ents = merge(ents, name)
        for person in honoured(doc, words, known_texts):
            ents = merge(ents, person)
        for facility in list(facilities(doc, words, ents)):
            ents = merge(ents, facility, force=True)
        doc.ents = filter_spans(ents)
        lowered = {word for word in words if word.islower()}
        ents = filter_spans([span for ent in doc.ents if (span := clean(ent, lowered)) is not None])
        known_parts = known_texts | {token.text for span in known for token in span}  # "Universitas Indonesia"
        ents = [piece for ent in ents for piece in unit_and_person(ent, known_parts)]
        ents = filter_spans(regional(ents))
        for form in [*web_addresses(doc, words), *source_tags(doc, words)]:
            ents = merge(ents, form, force=True)
        for channel in channels(doc, words):
            if not any(_overlaps(ent, channel) and ent.label_ == "ORG" for ent in ents):
                ents = merge(ents, channel, force=True)
        defined = list(acronyms(ents))
        ents = filter_spans(defined + ents)  # the acronym's label wins over the model's
        common = common_acronyms(doc, words)
        accounts = {i for ent in ents if is_account_name(ent) for i in range(ent.start, ent.end)}
        ents = [
            ent
            for ent in ents
            if ent.start not in accounts and not (ent.text in common and ent.text not in known_texts)
        ]
        doc.ents = name_parts(ents, words, known_texts, frozenset(accounts), frozenset(a.start for a in defined))
        return doc
