"""Tokenizer exceptions: abbreviations that keep their period, and clitic splits.

Unlike spaCy's Indonesian data, hyphenated words are not listed one by one: the
reduplication rule in ``punctuation.TOKEN_MATCH`` keeps them whole. The word lists
live in ``data/abbreviations.txt`` and ``data/nya_hosts.txt``.
"""

from importlib.resources import files

from spacy.symbols import NORM, ORTH


def read_word_list(name: str) -> list[str]:
    """Non-comment, non-blank lines of a file in ``claimx/lang/data/``."""
    text = files("claimx.lang").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _cased(word: str) -> list[str]:
    return sorted({word, word.capitalize(), word.upper()})


def build_exceptions() -> dict[str, list[dict]]:
    """Return spaCy special cases, e.g. ``"ujarnya"`` → ``ujar`` + ``nya``.

    >>> build_exceptions()["Menurutnya"]
    [{65: 'Menurut'}, {65: 'nya', 67: 'dia'}]
    """
    exceptions: dict[str, list[dict]] = {abbr: [{ORTH: abbr}] for abbr in read_word_list("abbreviations.txt")}
    for host in read_word_list("nya_hosts.txt"):
        for form in _cased(host):
            clitic = "NYA" if form.isupper() else "nya"
            exceptions[form + clitic] = [{ORTH: form}, {ORTH: clitic, NORM: "dia"}]
    return exceptions


TOKENIZER_EXCEPTIONS = build_exceptions()
