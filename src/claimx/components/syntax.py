"""``claimx_syntax``: UPOS tags and a dependency parse, only for the sentences that hold a cue or a quote.

The tagger and parser are the small UD model in ``models/claimx-id-syntax`` (trained on UD
Indonesian-CSUI; ``models/MODEL_CARD.md``). Each selected sentence is parsed as a Doc of its own
(the same words and spaces, so claimx's clitic split ``ujar`` + ``nya`` matches the treebank's words)
and its tags, heads and relations are copied back onto the document's tokens; heads never leave their
sentence and every parsed sentence keeps exactly one root. Tokens of other sentences stay unparsed
(``token.dep_ == ""``), so ``doc.sents`` is unchanged. A document that is parsed already (the stanza
backend) is left as it is.

It is off by default: ``claimx.load(syntax=True)`` puts it after ``claimx_cues`` (it needs the cues,
the quotes and the sentences) and before ``claimx_attribution``, which does not read it yet;
:func:`claimx.components.syntax_sources.syntactic_source` does.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .syntax_sources import syntactic_source

SYNTAX_MODEL = "claimx-id-syntax"
_STRINGS = StringStore()  # hashes only: a hash does not depend on the store
_VERB = _STRINGS.add("VERB")
_UPOS = {_STRINGS.add(tag): int(pos) for tag, pos in UPOS_IDS.items() if tag}  # UPOS tag hash -> POS id


def default_syntax_path() -> Path | None:
    """The shipped syntax model: ``$CLAIMX_SYNTAX_MODEL``, the wheel's copy, or ``models/`` in a checkout."""
    if env := os.environ.get("CLAIMX_SYNTAX_MODEL"):
        return Path(env)
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "_models" / SYNTAX_MODEL, here.parents[1] / "models" / SYNTAX_MODEL):
        if (candidate / "config.cfg").is_file():
            return candidate
    return None


@Language.factory(
    "claimx_syntax",
    default_config={"model": None, "quotes": True, "max_words": 120, "parser_batch": 256},
)
def make_syntax(
    nlp: Language, name: str, model: str | None, quotes: bool, max_words: int, parser_batch: int
) -> SyntaxParser:
    """The component: ``model`` is a syntax model directory (default :func:`default_syntax_path`)."""
    path = Path(model) if model else default_syntax_path()
    if path is None or not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"claimx_syntax: no syntax model at {path} (set model or $CLAIMX_SYNTAX_MODEL)")
    # Words come from claimx's tokenizer, and lexemes from the pipeline's own vocabulary.
    parser = spacy.load(path, vocab=nlp.vocab, exclude=["tokenizer", "vocab"])
    return SyntaxParser(parser, quotes=quotes, max_words=max_words, parser_batch=parser_batch)


def target_sentences(doc: Doc, quotes: bool = True, max_words: int = 120) -> list[Span]:
    """The sentences holding a cue (or, with ``quotes``, a quote mark), at most ``max_words`` tokens long."""
    marked = [False] * len(doc)
    for cue in doc.spans.get("cues", []):
        marked[cue.start] = True
    if quotes:
        for quote in doc.spans.get("quotes", []):
            marked[quote.start] = marked[quote.end - 1] = True
    return [s for s in doc.sents if len(s) <= max_words and any(marked[s.start : s.end])]


def one_tree(parsed: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Heads (indices into ``parsed``), relations and tags (string hashes) of a sentence's parse, one root.

    Extra roots (the parser split the sentence) hang on the first verb root, or the first root, as ``parataxis``.
    """
    rows = parsed.to_array([HEAD, DEP, TAG])
    heads = rows[:, 0].astype("int64") + numpy.arange(len(parsed))
    deps = rows[:, 1].copy()
    roots = numpy.flatnonzero(heads == numpy.arange(len(parsed)))
    verbs = [i for i in roots if rows[i, 2] == _VERB]
    main = verbs[0] if verbs else roots[0]
    heads[roots], deps[roots] = main, _STRINGS.add("parataxis")
    deps[main] = _STRINGS.add("ROOT")
    return heads, deps, rows[:, 2]


def write_parses(doc: Doc, parses: Iterable[tuple[Span, Doc]]) -> None:
    """Write each sentence's tags, heads and relations onto ``doc`` in one array write; sentences stay as they were.

    Writing HEAD and DEP recomputes the tree (edges, children) of the whole document and resets sentence
    starts from it, so the document's own sentence starts are written back afterwards.
    """
    starts = doc.to_array([SENT_START])
    attrs = [TAG, POS, HEAD, DEP]
    values = doc.to_array(attrs).astype("int64")  # relative heads are signed; hashes are cast back below
    for sent, parsed in parses:
        heads, deps, tags = one_tree(parsed)
        rows = values[sent.start : sent.end]
        rows[:, 0] = tags.astype("int64")
        rows[:, 1] = [_UPOS.get(int(tag), 0) for tag in tags]
        rows[:, 2] = heads - numpy.arange(len(parsed))
        rows[:, 3] = deps.astype("int64")
    doc.from_array(attrs, values.astype("uint64"))
    doc.from_array([SENT_START], starts)


class SyntaxParser:
    """Parses the target sentences of each document with a tagger + parser pipeline (see the module docstring).

    ``pipe`` parses the sentences of ``batch_size`` documents together (``parser_batch`` at a time).
    """

    def __init__(self, parser: Language, quotes: bool = True, max_words: int = 120, parser_batch: int = 256) -> None:
        self.parser = parser
        self.quotes, self.max_words, self.parser_batch = quotes, max_words, parser_batch

    def _sentence_doc(self, sent: Span) -> Doc:
        """The sentence as a Doc of its own (same words, lexemes of the shared vocabulary), one sentence long."""
        spaces = [bool(t.whitespace_) for t in sent]
        spaces[-1] = False
        starts = [True] + [False] * (len(sent) - 1)
        return Doc(self.parser.vocab, words=[t.text for t in sent], spaces=spaces, sent_starts=starts)

    def _targets(self, doc: Doc) -> list[Span]:
        if doc.has_annotation("DEP") or not len(doc) or not doc.has_annotation("SENT_START"):
            return []
        return target_sentences(doc, self.quotes, self.max_words)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            targets = [self._targets(doc) for doc in batch]
            pieces = (self._sentence_doc(sent) for sents in targets for sent in sents)
            parsed = iter(self.parser.pipe(pieces, batch_size=self.parser_batch))
            for doc, sents in zip(batch, targets, strict=True):
                if sents:
                    write_parses(doc, [(sent, next(parsed)) for sent in sents])
                yield doc


@Language.factory("claimx_syntax_fallback")
def make_syntax_fallback(nlp: Language, name: str) -> SyntaxFallback:
    """The component (no settings)."""
    return SyntaxFallback()


class SyntaxFallback:
    """Gives a claim whose cue the surface rules left without a source the cue's syntactic source.

    Runs between ``claimx_attribution`` and ``claimx_sources`` (which resolves the mention like any
    other); needs ``claimx_syntax``. Off by default: ``claimx.load(syntax="fallback")``.
    """

    def __call__(self, doc: Doc) -> Doc:
        cues = {c.start_char: c for c in doc.spans.get("cues", [])}
        for claim in doc._.claims or []:
            if claim.source_start is not None or claim.cue_start not in cues or claim.extra.get("source_implicit"):
                continue
            found = syntactic_source(cues[claim.cue_start])
            if found is not None and not (claim.content_start <= found.start_char < claim.content_end):
                claim.source_start, claim.source_end = found.start_char, found.end_char
        return doc
