"""The source of a cue read from the parse ``claimx_syntax`` writes (UD relations, as CSUI annotates them).

The ``nsubj`` of a cue verb (``"Q," kata Budi``, ``ujarnya``), the noun ``menurut`` is the ``case`` of, a passive
cue's agent (``obl:agent``, after ``oleh`` or the verb), the possessor of a reporting noun (``pernyataan X``), the
noun a relative clause hangs on (``warga yang mengatakan``); a name in apposition beats a title (``Direktur, Tauhid``).
"""

from spacy.tokens import Span, Token

from ..lang.reporting import cue_lexicon
from ..lang.titles import titles
from .grammar import is_source_phrase

#: relations that stay inside a noun phrase
NP_DEPS = frozenset({"flat", "flat:name", "flat:foreign", "compound", "nmod", "amod", "det", "nummod", "nmod:poss"})
SUBJECTS = frozenset({"nsubj", "csubj"})
AGENT_DEPS = frozenset({"obl:agent", "obl", "nmod", "obj", "nsubj"})
POSTPOSED = frozenset({"nsubj", "obj", "nsubj:pass", "obl", "nmod", "appos"})
RELATIVE = frozenset({"acl:relcl", "acl"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def _has_case(token: Token, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``token`` has a ``case`` child (a preposition) other than those in ``allowed``."""
    return any(c.dep_ == "case" and c.lower_ not in allowed for c in token.children)


def noun_phrase(head: Token) -> Span:
    """The contiguous noun phrase of ``head``: it and its NP-internal dependents, no prepositional ``nmod``."""
    inside, stack = {head.i}, [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in NP_DEPS and not (child.dep_ == "nmod" and _has_case(child)):
                inside.add(child.i)
                stack.append(child)
    start, end = head.i, head.i + 1
    while start - 1 in inside or end in inside:
        start, end = start - (start - 1 in inside), end + (end in inside)
    return head.doc[start:end]


def starts_with_title(np: Span) -> bool:
    """Whether the phrase opens with a title from ``lang/data/titles.txt`` ("Direktur", "Wakil Presiden")."""
    words = [t.lower_.rstrip(".") for t in np]
    return any(tuple(words[:k]) in titles() for k in range(1, min(4, len(words)) + 1))


def mention(head: Token) -> Span:
    """The source phrase of ``head``, or the name in apposition to it when ``head``'s phrase is a title or common noun."""
    np = noun_phrase(head)
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if names and (head.pos_ != "PROPN" or starts_with_title(np)):
        return noun_phrase(names[0])
    return np


def _cue_token(cue: Token | Span) -> Token:
    """The word of a cue that carries its relations: the token whose head lies outside the span."""
    return cue if isinstance(cue, Token) else next((t for t in cue if not cue.start <= t.head.i < cue.end), cue.root)


def _nominal(token: Token) -> bool:
    """A noun, name or pronoun that is not a dateline (``JAKARTA, KOMPAS.com -``)."""
    after = token.doc[token.i + 1].text if token.i + 1 < len(token.doc) else ""
    dateline = token.is_upper and after in {",", "-", "--", "–", "—"} and token.i - token.sent.start < 4
    return token.pos_ in NOMINAL and not dateline


def _candidates(verb: Token) -> list[Token]:
    """The words that may head the cue's source, best first."""
    if verb.lower_ == "menurut":
        if verb.dep_ == "case" and verb.head.i > verb.i:
            return [verb.head]
        return [c for c in verb.rights if c.dep_ in {"obj", "nmod", "obl"}]
    entry = cue_lexicon().get(verb.lower_)
    if entry is not None and entry.voice == "noun":  # "pernyataan seorang pejabat": whose statement
        return [c for c in verb.rights if c.dep_ in {"nmod", "nmod:poss"} and not _has_case(c)]
    passive = entry.voice == "passive" if entry else verb.lower_.startswith("di")
    if passive and not any(c.dep_ in SUBJECTS for c in verb.children):
        return [c for c in verb.rights if c.dep_ in AGENT_DEPS and not _has_case(c, frozenset({"oleh"}))]
    found = [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ != "yang"]
    if entry is not None and entry.voice == "base":  # "tutur Kepala BNPB": the noun after a bare cue, any label
        found += [c for c in verb.rights if c.dep_ in POSTPOSED and not _has_case(c)]
    if verb.dep_ in RELATIVE and verb.head.i < verb.i:  # "warga yang mengaku"
        found.append(verb.head)
    return found


def syntactic_source(cue: Token | Span) -> Span | None:
    """The source phrase of a cue from the parse, or ``None`` (no parse, or no source in it)."""
    verb = _cue_token(cue)
    if not verb.dep_:  # the sentence was not parsed
        return None
    for head in _candidates(verb):
        if _nominal(head) and is_source_phrase(verb.doc, (found := mention(head)).start, found.end):
            return found
    if verb.dep_ in {"conj", "xcomp"} and verb.head.i < verb.i and not verb.lower_.startswith("di"):
        return syntactic_source(verb.head)  # "Budi datang dan mengatakan": the subject of the first verb
    return None
