"""Loader for the boilerplate patterns in ``data/boilerplate.tsv``."""

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class BoilerplateMatch:
    """One piece of page furniture: ``region`` holds no claims, ``marker`` no entities."""

    name: str
    region: tuple[int, int]
    marker: tuple[int, int]


@lru_cache(maxsize=1)
def load_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Read ``(name, compiled regex)`` pairs from the data file."""
    patterns = []
    text = files("claimx.lang").joinpath("data/boilerplate.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        regex, name = line.rsplit("\t", 1)
        patterns.append((name.strip(), re.compile(regex, re.IGNORECASE | re.MULTILINE)))
    return tuple(patterns)


def find_boilerplate(text: str) -> list[BoilerplateMatch]:
    """Find page furniture in ``text``, in order of position.

    >>> [m.name for m in find_boilerplate("Isi berita.\\nBaca juga: Judul lain\\nAdvertisement")]
    ['baca-juga', 'advertisement']
    """
    found: list[BoilerplateMatch] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in load_patterns():
        for match in pattern.finditer(text):
            region = match.span()
            if region[0] == region[1] or any(s < region[1] and region[0] < e for s, e in taken):
                continue
            marker = match.span("marker") if "marker" in pattern.groupindex else region
            found.append(BoilerplateMatch(name, region, marker))
            taken.append(region)
    return sorted(found, key=lambda m: m.region)
