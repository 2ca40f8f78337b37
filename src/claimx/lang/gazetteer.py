"""The gazetteer (``data/gazetteer/*.tsv``): known names, their labels and canonical forms."""

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .tokenizer_exceptions import read_word_list


@dataclass(frozen=True)
class Entry:
    """One name as written (``AS``), its label and its canonical form (``Amerika Serikat``)."""

    name: str
    label: str
    canonical: str


def _lines(name: str) -> list[str]:
    return read_word_list(f"gazetteer/{name}")


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every name of every gazetteer file, with all-capitals forms of names of 4+ letters.

    >>> sorted({e.canonical for e in entries() if e.name in ("Korut", "KEMENLU", "Kemenlu")})
    ['Kementerian Luar Negeri', 'Korea Utara']
    """
    found: dict[str, Entry] = {}
    folder = files("claimx.lang").joinpath("data", "gazetteer")
    for path in sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv")):
        for line in _lines(path):
            label, canonical, *rest = line.split("\t")
            names = [canonical, *(rest[0].split("|") if rest else [])]
            for name in names + [n.upper() for n in names if len(n) >= 4 and not n.isupper()]:
                found.setdefault(name, Entry(name, label, canonical))
    return tuple(found.values())


@lru_cache(maxsize=1)
def canonical_forms() -> dict[str, str]:
    """Name as written → canonical form, for every gazetteer name."""
    return {entry.name: entry.canonical for entry in entries()}
