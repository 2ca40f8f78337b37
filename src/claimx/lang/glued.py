"""Where scrapers glued two words together: the joints the tokenizer splits before the NER runs.

Text copied from news sites loses the space around links and bold text: ``dilansirReuters``,
``kepadaJoko``, ``JakartaGaya``, ``FRANCESCOBagnaia``, ``Erdoganketika``. A joint is accepted only
where both pieces are known (``data/known_words.txt`` and ``data/known_names.txt`` from nlp-id's news
corpus, the gazetteer) and the whole word is not, so camel-case brands (``YouTube``, ``iPhone``,
``detikNews``), ``McDonald`` and names such as ``Pyongyang`` stay whole:

* a known lowercase word then a capitalised one or an acronym (``dilansir|Reuters``, ``dari|ANTARA``);
* a known name of four letters or more then a capitalised word (``Jakarta|Gaya``), capitals then a name
  (``FEDERASI|Bulu``), an acronym then a known word (``KPK|menetapkan``); never inside a handle or hashtag;
* a known capitalised name then a function or reporting word of four letters or more (``Erdogan|ketika``,
  ``data/glued.tsv``, and every one-word active or passive cue of ``data/cues.tsv``: ``People|melaporkan``);
  the name must be known, since ``Mengatasnamakan`` ends in ``akan`` too;
* a double quote mark glued on both sides (``aman,"ujarnya``, ``.“Menurutnya``): spaCy splits it as an
  infix and then leaves the pieces whole (``aman,`` and ``ujarnya`` stay one token each), so it is cut out;
* a one-word active or passive cue, or a bare cue with its ``nya``, then a known lowercase word
  (``menyebut|hak``, ``mengatakan|bahwa``, ``ujarnya|ketika``), where the whole word is unknown
  (``menyebutkan`` stays whole).

>>> glue_points("seperti dilansirReuters, ujar Erdoganketika ditanya, lewat YouTube dan detikNews.")
[16, 37]
>>> text = "Tunggul menyebuthak lintas, Peoplemelaporkan, dan ia menyebutkan"
>>> [text[:i].split()[-1] for i in glue_points(text)]
['menyebut', 'People']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import canonical_forms
from .reporting import cue_lexicon
from .tokenizer_exceptions import read_word_list

MIN_PIECE = 3
_CLITICS = frozenset({"nya", "lah", "kah", "pun", "tah"})
_GLUED_QUOTE = re.compile(r'(?<=[^\s\d])["“”](?=[^\W\d_])')
_CASE_JOINT = re.compile(
    r"(?<=[a-z])(?=[A-Z][a-z])"  # dilansir|Reuters
    r"|(?<=[a-z])(?=[A-Z]{2,}(?![a-z]))"  # dari|ANTARA
    r"|(?<=[A-Z]{3})(?=[A-Z][a-z])"  # FRANCESCO|Bagnaia
    r"|(?<=[A-Z]{2})(?=[a-z]{3})"  # KPK|menetapkan, IHSG|ditutup
)
#: Where ``_CASE_JOINT`` can match: after a lowercase letter followed by a capital (the first two
#: alternatives), or at the last one or two capitals of a run of two or more followed by a lowercase letter
#: (the last two). Finding these first spares testing four lookbehinds at every character.
_JOINT_CANDIDATES = re.compile(r"[a-z](?=[A-Z])|(?<![A-Z])[A-Z]{2,}(?=[a-z])")  # from a run's start: linear


@lru_cache(maxsize=1)
def _roles() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for line in read_word_list("glued.tsv"):
        word, role = line.split("\t")
        roles.setdefault(role, set()).add(word)
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Lowercase words of news text (nlp-id)."""
    return frozenset(read_word_list("known_words.txt"))


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Proper names of news text (nlp-id) and every gazetteer name, lowercased."""
    gazetteer = {word.lower() for name in canonical_forms() for word in name.split()}
    return frozenset(read_word_list("known_names.txt")) | gazetteer


@lru_cache(maxsize=1)
def _verb_cues() -> frozenset[str]:
    """One-word active and passive cue forms of six letters or more (``mengatakan``, ``dilaporkan``)."""
    return frozenset(
        form
        for form, entry in cue_lexicon().items()
        if entry.voice in ("active", "passive") and len(form) >= 6 and " " not in form
    )


@lru_cache(maxsize=1)
def _cue_head_pattern() -> re.Pattern:
    """A verb cue, or a bare cue of four letters or more with its ``nya`` ("ujarnya"), at a word's start."""
    bare = {f"{form}nya" for form, entry in cue_lexicon().items() if entry.voice == "base" and len(form) >= 4}
    cues = sorted(_verb_cues() | bare, key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(cues)})(?=[a-z]{{{MIN_PIECE},}}(?![^\W\d_]))")


@lru_cache(maxsize=1)
def _tail_pattern() -> re.Pattern:
    tails = sorted(_roles()["tail"] | _verb_cues(), key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])[A-Z][^\W\d_]{{{MIN_PIECE - 1},}}?({'|'.join(tails)})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _longest_known() -> int:
    """The length of the longest known word or name."""
    return max(map(len, known_words() | known_names()), default=0)


def known(word: str) -> bool:
    """Whether ``word`` (any case) is a known word or name."""
    lower = word.lower()
    return lower in known_words() or lower in known_names()


def _case_joint(word: str, at: int) -> bool:
    """Whether ``word`` is two glued words at index ``at`` (a lowercase or capital letter before a capitalised one)."""
    left, right = word[:at], word[at:]
    if len(left) < MIN_PIECE or len(right) < MIN_PIECE or known(word):
        return False
    if left.islower():
        return left in known_words() and left not in _roles()["brand_prefix"]
    if left.isupper() and right.islower():  # "KPKmenetapkan": an acronym glued to a word
        return right in known_words()
    if left.isupper():  # "FEDERASIBulu": a capitalised lead glued to a known word; not "BUMDes", "BRANDskincare"
        return known(right) and right[1:] not in known_words()
    # "Jakarta|Gaya", "United|Chelsea": a known name of four letters or more, then a known word. Shorter or
    # common-word heads are brands written in camel case ("VinFast", "AirAsia", "KapanLagi").
    return left[1:].islower() and len(left) >= 4 and left.lower() in known_names() and known(right)


def _word_around(text: str, at: int) -> tuple[int, int]:
    """The run of letters that holds position ``at``."""
    start = end = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def _case_joints(text: str) -> list[int]:
    """The offsets where ``_CASE_JOINT`` matches, in order (as ``finditer`` gives them, faster)."""
    joints = []
    for candidate in _JOINT_CANDIDATES.finditer(text):
        end = candidate.end()
        # "a|B": the position after the lowercase letter; a run of capitals before a lowercase letter: its
        # last capital and after it ("FRANCESCO|B|agnaia", "KPK|menetapkan")
        at = [end] if candidate.group()[0].islower() else [end - 1, end]
        joints.extend(position for position in at if _CASE_JOINT.match(text, position))
    return joints


def glue_points(text: str) -> list[int]:
    """Character offsets in ``text`` where a space was lost between two words (see the module docstring)."""
    points = set()
    longest = _longest_known()
    start = end = -1
    word = ""
    for joint in _case_joints(text):  # in order, so the joints of one run of letters come together
        if joint >= end:
            start, end = _word_around(text, joint)
            word = text[start:end]
        if joint - start > longest and end - joint > longest:
            continue  # neither piece can be known, so _case_joint is False: linear on a 40,000-letter word
        if start > 0 and text[start - 1] in "@#_" or end < len(text) and text[end] == "_":
            continue  # a handle or hashtag ("@SangPemburu", "#RameRame", "ProfOnline_id")
        if _case_joint(word, joint - start):
            points.add(joint)
    for match in _tail_pattern().finditer(text):
        stem = text[match.start() : match.start(1)]
        if len(stem) > MIN_PIECE and known(stem) and not known(match.group()):  # not "Bab|akan"
            points.add(match.start(1))
    for match in _GLUED_QUOTE.finditer(text):
        points.update((match.start(), match.end()))
    for match in _cue_head_pattern().finditer(text):
        start, end = _word_around(text, match.start())
        rest = text[match.end() : end]
        if start == match.start() and rest in known_words() and rest not in _CLITICS and not known(text[start:end]):
            points.add(match.end())  # "menyebut|hak", "mengatakan|bahwa"
    return sorted(points)
