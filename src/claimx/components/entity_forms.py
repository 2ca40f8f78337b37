"""Entities recognised by their written form alone, for ``claimx_entities``.

Following ``../shared/eval/GUIDELINE.md`` and the held-out set's project-wide decisions:

* a web address standing for an outlet or a company is ORG ("dilansir dari liputan6.com",
  "Merdeka.com", "turnbackhoax.id"), whatever its case; a URL with a path or a scheme
  ("https://www.kompas.com/read/...") and an e-mail address are not;
* the name after a channel attribution ("dilansir dari X", "dikutip dari X", "melansir X", "laman X")
  is the outlet or body the news was taken from: ORG (the guideline: "dilansir/dikutip dari X … The outlet
  is only an ORG entity");
* an acronym spelled out in lowercase words before it in brackets is a common noun, not a name, in
  the whole document ("truk over dimension over load (ODOL)", "lelaki seks lelaki (LSL)", "surat
  berharga negara (SBN)"), unlike one spelled out in capitalised words ("Komisi Pemberantasan Korupsi
  (KPK)");
* an account's display name in quote marks ("akun Facebook \u201cBudi Santoso\u201d", "kanal YouTube
  'Berita Terkini'") is not an entity, even where it looks like a person's name;
* a source tag closing a paragraph or an article, lowercase codes in brackets separated by a slash
  ("(tfa/dim)", "(goal/yp)"), holds the outlet's code first (ORG) and the editors' initials after
  it (PER).

>>> from claimx.pipeline import blank
>>> doc = blank()("Dilansir dari liputan6.com, harga naik. (tfa/dim)")
>>> words = [token.text for token in doc]
>>> [(s.text, s.label_) for s in web_addresses(doc, words)] + [(s.text, s.label_) for s in source_tags(doc, words)]
[('liputan6.com', 'ORG'), ('tfa', 'ORG'), ('dim', 'PER')]
>>> doc = blank()("Truk over dimension over load (ODOL) dan Badan Gizi Nasional (BGN).")
>>> sorted(common_acronyms(doc, [token.text for token in doc]))
['ODOL']
"""

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..lang.glued import known_words

# A host name: name parts joined by dots, ending in a top-level domain that news text cites.
WEB_ADDRESS = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)+(?:com|co\.id|id|net|org|or\.id|go\.id|ac\.id|tv|news|co)$", re.IGNORECASE
)
TAG_WORD = re.compile(r"^[a-z]{2,6}$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*$")
SPELLING_JOINS = frozenset(
    {"dan", "dari", "untuk", "di", "ke", "pada", "atas", "yang", "bagi", "of", "and", "the", "&"}
)
LONGEST_SPELLING = 12  # words looked at before an acronym's bracket
CHANNEL_CUES = (("dilansir", "dari"), ("dikutip", "dari"), ("dari", "laman"), ("dilansir",), ("melansir",), ("laman",))
LONGEST_CHANNEL = 4  # capitalised words of a channel's name
ACCOUNT_WORDS = frozenset({"akun", "pengguna", "kanal", "grup", "halaman", "channel"})
OPEN_QUOTES, CLOSE_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"}), frozenset({'"', "\u201d", "'", "\u2019"})
ACCOUNT_REACH = 4  # words between an account word and the quoted name ("akun Facebook bernama")


def web_addresses(doc: Doc, words: list[str]) -> Iterator[Span]:
    """ORG spans of tokens that are a bare host name ("detik.com"), not a URL or an e-mail address.

    ``words`` are the texts of ``doc``'s tokens (the rules read them, not the slower ``Token`` objects).
    """
    for i, text in enumerate(words):
        if "." in text and WEB_ADDRESS.match(text) and not text.lower().startswith("www."):
            before = words[i - 1] if i else ""
            if before not in ("@", "/", "//", ":", "://") and any(c.isalpha() for c in text.split(".")[0]):
                yield Span(doc, i, i + 1, "ORG")


def source_tags(doc: Doc, words: list[str]) -> Iterator[Span]:
    """The codes of a source tag "(code/initials)": the first ORG, the others PER.

    A tag holds two or three lowercase codes of 2-6 letters joined by "/", with no everyday word among
    the editors' initials ("(dan/atau)" is no tag), and ends its line.
    """
    size = len(words)
    for i in (i for i, word in enumerate(words) if word == "("):
        j, codes = i + 1, []
        while j < size and TAG_WORD.match(words[j]) and len(codes) < 3:
            codes.append(j)
            if j + 1 < size and words[j + 1] == "/":
                j += 2
            else:
                j += 1
                break
        if len(codes) < 2 or j >= size or words[j] != ")" or words[j - 1] == "/":
            continue
        if not (j + 1 >= size or "\n" in doc[j].whitespace_ or doc[j + 1].is_space or words[j + 1] in ".\n"):
            continue  # a tag ends its line
        if any(words[k] in known_words() for k in codes[1:]):
            continue
        yield Span(doc, codes[0], codes[0] + 1, "ORG")
        for k in codes[1:]:
            yield Span(doc, k, k + 1, "PER")


def _spelled_by(words: list[str], acronym: str) -> list[str] | None:
    """The words that end ``words`` and spell ``acronym`` by their initials (one word may give up to
    three opening letters: "Kemenkes"), skipping joining words; None if they do not."""
    letters, i, j, used = acronym.lower(), len(words) - 1, len(acronym) - 1, []
    while i >= 0 and j >= 0:
        word = words[i].lower()
        if word in SPELLING_JOINS and used:
            i -= 1
            continue
        size = next((k for k in (1, 2, 3) if j - k + 1 >= 0 and word.startswith(letters[j - k + 1 : j + 1])), 0)
        if not size:
            return None
        used.append(words[i])
        i, j = i - 1, j - size
    return used if j < 0 else None


def common_acronyms(doc: Doc, words: list[str]) -> set[str]:
    """Acronyms written in brackets right after the lowercase words that spell them (see above)."""
    found = set()
    for i in range(2, len(words) - 1):
        if words[i - 1] != "(" or words[i + 1] != ")" or not ACRONYM.match(words[i]):
            continue
        spelling = []
        for before in reversed(words[max(0, i - 1 - LONGEST_SPELLING) : i - 1]):
            if not before.isalpha():
                break
            spelling.insert(0, before)
        spelled = _spelled_by(spelling, words[i])
        if spelled and all(word.islower() for word in spelled):
            found.add(words[i])
    return found


def is_account_name(ent: Span) -> bool:
    """Whether ``ent`` is quoted right after an account word, at most four words before it (see above)."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start < 2 or end >= len(doc) or doc[start - 1].text not in OPEN_QUOTES or doc[end].text not in CLOSE_QUOTES:
        return False
    return any(token.lower_ in ACCOUNT_WORDS for token in doc[max(0, start - 1 - ACCOUNT_REACH) : start - 1])


def channels(doc: Doc, words: list[str]) -> Iterator[Span]:
    """ORG spans of the capitalised words (at most four) right after a channel cue (see above)."""
    firsts = {cue[0] for cue in CHANNEL_CUES}
    i = 0
    while i < len(words):
        if words[i].lower() not in firsts:
            i += 1
            continue
        lowered = tuple(word.lower() for word in words[i : i + 2])
        cue = next((c for c in CHANNEL_CUES if lowered[: len(c)] == c), None)
        if cue is None:
            i += 1
            continue
        start = end = i + len(cue)
        while (
            end < len(words) and end - start < LONGEST_CHANNEL and words[end][:1].isupper() and words[end][:1].isalnum()
        ):
            end += 1
        if end > start:
            yield Span(doc, start, end, "ORG")
        i = max(end, i + 1)
