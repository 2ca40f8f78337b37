"""Prefix, suffix and infix rules: spaCy's Indonesian rules, with quotes and dates kept apart."""

from spacy.lang.char_classes import ALPHA
from spacy.lang.id.punctuation import (
    TOKENIZER_INFIXES as _ID_INFIXES,
)
from spacy.lang.id.punctuation import (
    TOKENIZER_PREFIXES as _ID_PREFIXES,
)
from spacy.lang.id.punctuation import (
    TOKENIZER_SUFFIXES as _ID_SUFFIXES,
)

_DIGIT_SLASH = r"(?<=[0-9])[\\/](?=[0-9%-])"

TOKENIZER_PREFIXES = list(_ID_PREFIXES)
TOKENIZER_SUFFIXES = list(_ID_SUFFIXES)
# Dates such as 28/4 stay one token (see TOKEN_MATCH); letters glued to a closing
# quote mark or a parenthesis are split ("kata,\"Ia" → kata , " Ia).
TOKENIZER_INFIXES = [rule for rule in _ID_INFIXES if rule != _DIGIT_SLASH] + [
    rf"(?<=[{ALPHA}0-9.,!?:])[\"“”](?=[{ALPHA}])",
    rf"(?<=[{ALPHA}0-9])[:;](?=[\"“‘])",
    rf"(?<=[{ALPHA}])[(](?=[{ALPHA}])",
    rf"(?<=[{ALPHA}])[)](?=[{ALPHA}])",
]

# One token for: words with hyphens between letters (reduplication and compounds:
# negara-negara, jet-jet, anak-anaknya, Soekarno-Hatta), dates (28/4, 28/4/2025),
# numbers with thousands separators or decimals (14.000, 3,5, 1.250.000,50), ordinals (ke-18) and
# decades (1950-an).
TOKEN_MATCH = (
    rf"^(?:[{ALPHA}]+(?:-[{ALPHA}]+)+"
    r"|[Kk][Ee]-[0-9]+"
    r"|[0-9]+-an"
    r"|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?"
    r"|[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?"
    r"|[0-9]+,[0-9]+)$"
)
