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

import spacy
from spacy.attrs import DEP, HEAD, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .syntax_sources import syntactic_source

SYNTAX_MODEL = "claimx-id-syntax"


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


def one_tree(parsed: Doc) -> tuple[list[int], list[str]]:
    """Heads (indices into ``parsed``) and relations of a sentence's parse, with one root (``ROOT``).

    Extra roots (the parser split the sentence) hang on the first verb root, or the first root, as ``parataxis``.
    """
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    roots = [i for i, h in enumerate(heads) if h == i]
    main = next((i for i in roots if parsed[i].tag_ == "VERB"), roots[0])
    for i in roots:
        heads[i], deps[i] = main, "parataxis"
    heads[main], deps[main] = main, "ROOT"
    return heads, deps


def write_parses(doc: Doc, parses: Iterable[tuple[Span, Doc]]) -> None:
    """Write each sentence's tags, heads and relations onto ``doc`` in one array write; sentences stay as they were.

    Writing HEAD and DEP recomputes the tree (edges, children) of the whole document and resets sentence
    starts from it, so the document's own sentence starts are written back afterwards.
    """
    starts = doc.to_array([SENT_START])
    attrs = [TAG, POS, HEAD, DEP]
    values = doc.to_array(attrs)  # uint64: hashes, and relative heads modulo 2**64
    strings = doc.vocab.strings
    for sent, parsed in parses:
        heads, deps = one_tree(parsed)
        for i, token in enumerate(parsed):
            row = values[sent.start + i]
            row[0] = row[1] = 0
            if token.tag_:
                row[0] = strings.add(token.tag_)
                row[1] = int(UPOS_IDS.get(token.tag_, 0))
            row[2] = (heads[i] - i) % 2**64
            row[3] = strings.add(deps[i])
    doc.from_array(attrs, values)
    doc.from_array([SENT_START], starts)


class SyntaxParser:
    """Parses the target sentences of each document with a tagger + parser pipeline (see the module docstring).

    ``pipe`` parses the sentences of ``batch_size`` documents together (``parser_batch`` at a time).
    """

    def __init__(self, parser: Language, quotes: bool = True, max_words: int = 120, parser_batch: int = 256) -> None:
        self.parser = parser
        self.quotes, self.max_words, self.parser_batch = quotes, max_words, parser_batch

    def _targets(self, doc: Doc) -> list[Span]:
        if doc.has_annotation("DEP") or not len(doc) or not doc.has_annotation("SENT_START"):
            return []
        return target_sentences(doc, self.quotes, self.max_words)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            targets = [self._targets(doc) for doc in batch]
            # Span.as_doc shares the lexemes (one vocabulary) and keeps the sentence one sentence
            pieces = (sent.as_doc() for sents in targets for sent in sents)
            parsed = iter(self.parser.pipe(pieces, batch_size=self.parser_batch))
            for doc, sents in zip(batch, targets, strict=True):
                if sents:
                    write_parses(doc, [(sent, next(parsed)) for sent in sents])
                yield doc


@Language.factory("claimx_syntax_fallback")
def make_syntax_fallback(nlp: Language, name: str) -> SyntaxFallback:
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
