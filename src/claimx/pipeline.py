"""Building the claimx ``Language``: the shipped trained model plus claimx's rule stages."""

import os
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .lang import tokenizer  # noqa: F401  (registers claimx.Tokenizer.v1)

MODEL_NAME = "claimx-id"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "claimx.Tokenizer.v1"}}}

# Rule stages appended after the trained components, in order. Each is a spaCy factory.
RULE_STAGES: tuple[str, ...] = (
    "claimx_entities",
    "claimx_consistency",
    "claimx_boilerplate",
    "claimx_quotes",
    "claimx_sentences",
    "claimx_cues",
    "claimx_attribution",
    "claimx_sources",
    "claimx_clusters",
    "claimx_facts",
)
#: The optional parse of cue and quote sentences (``load(syntax=True)``), placed before claimx_attribution.
SYNTAX_STAGE = "claimx_syntax"


def default_model_path() -> Path | None:
    """The shipped model: ``$CLAIMX_MODEL``, the wheel's copy, or ``models/`` in a checkout."""
    if env := os.environ.get("CLAIMX_MODEL"):
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_models" / MODEL_NAME, here.parents[1] / "models" / MODEL_NAME):
        if (candidate / "config.cfg").is_file():
            return candidate
    return None


def blank() -> Language:
    """An Indonesian ``Language`` with the claimx tokenizer and no components."""
    return spacy.blank("id", config=TOKENIZER_CONFIG)


def load(
    model: str | Path | None = None,
    *,
    rules: bool = True,
    backend: str = "spacy",
    stanza_dir: str | Path | None = None,
    syntax: bool | str = False,
) -> Language:
    """Load the claimx pipeline.

    ``model`` is a spaCy pipeline directory (default: the shipped model, or a blank
    tokenizer-only pipeline when none is installed); ``"blank"`` forces the latter.
    With ``rules`` the claimx rule stages are appended when the model lacks them.
    ``backend="stanza"`` takes words, lemmas, POS, parses and sentences from the stanza models
    in ``stanza_dir`` instead (the model's NER and the rule stages still run); see
    :mod:`claimx.backends.stanza`. With ``syntax`` (and ``rules``), ``claimx_syntax`` tags and parses the
    sentences holding a cue or a quote (the small UD model in ``models/claimx-id-syntax``), just
    before ``claimx_attribution``; ``syntax="fallback"`` also gives claims the surface rules left
    without a source their cue's syntactic source (``claimx_syntax_fallback``, before ``claimx_sources``).

    >>> nlp = load("blank")
    >>> nlp.pipe_names[-1]
    'claimx_facts'
    """
    path = default_model_path() if model is None else model
    if path is None or str(path) == "blank":
        nlp = blank()
    else:
        path = Path(path)
        if not (path / "config.cfg").is_file():
            raise FileNotFoundError(f"{path}: not a spaCy pipeline directory (no config.cfg)")
        # The tokenizer comes from claimx's code and data files, not from the model's serialized copy.
        nlp = spacy.load(path, exclude=["tokenizer"])
    if backend == "stanza":
        if stanza_dir is None:
            raise ValueError("backend 'stanza' needs stanza_dir, a directory of stanza models")
        from .backends.stanza import use_stanza

        use_stanza(nlp, stanza_dir)
    elif backend != "spacy":
        raise ValueError(f"unknown backend {backend!r} (choose 'spacy' or 'stanza')")
    if rules:
        for stage in RULE_STAGES:
            if stage not in nlp.pipe_names:
                nlp.add_pipe(stage)
        if syntax not in (False, True, "fallback"):
            raise ValueError(f"unknown syntax option {syntax!r} (choose False, True or 'fallback')")
        if syntax and SYNTAX_STAGE not in nlp.pipe_names:
            nlp.add_pipe(SYNTAX_STAGE, before="claimx_attribution")
        if syntax == "fallback" and "claimx_syntax_fallback" not in nlp.pipe_names:
            nlp.add_pipe("claimx_syntax_fallback", before="claimx_sources")
    return nlp
