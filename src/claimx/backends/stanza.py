"""The stanza backend: stanza's tokenize/mwt/pos/lemma/depparse in place of claimx's own analysis.

``use_stanza(nlp, stanza_dir)`` makes stanza the tokenizer of ``nlp`` (it fills words, lemmas,
POS, heads, relations and sentences, see :mod:`claimx.backends.stanza_doc`) and removes the spaCy
components whose work it does; NER and the claimx rule stages then run unchanged.

Models are read from ``stanza_dir/id/<processor>/<package>.pt``, never downloaded. A
``resources.json`` is written beside them when the directory has none.
"""

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .stanza_doc import to_doc

LANG = "id"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
# spaCy components whose annotation stanza provides.
REPLACED_FACTORIES = frozenset(
    {
        "tagger",
        "morphologizer",
        "parser",
        "senter",
        "sentencizer",
        "lemmatizer",
        "trainable_lemmatizer",
        "attribute_ruler",
    }
)
HOW_TO_OBTAIN = (
    "train them with `python training/stanza/train.py --out DIR` (see README, 'Stanza backend'), or copy "
    "stanza_resources/id/ and resources.json from a machine where stanza.download('id') ran"
)


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as err:
        raise ImportError(
            "the stanza backend needs stanza and a CPU build of torch: pip install 'claimx[stanza]' "
            "(see README, 'Stanza backend')"
        ) from err
    return stanza


def find_packages(stanza_dir: Path) -> dict[str, str]:
    """The model package of each processor under ``stanza_dir/id``.

    Raises ``FileNotFoundError`` naming the missing processor, or ``ValueError`` when a
    processor has several models and ``resources.json`` does not say which one is the default.
    """
    if not stanza_dir.is_dir():
        raise FileNotFoundError(f"{stanza_dir}: no such stanza model directory; {HOW_TO_OBTAIN}")
    defaults = _read_resources(stanza_dir).get(LANG, {}).get("default_processors", {})
    packages = {}
    for processor in PROCESSORS:
        models = sorted(p.stem for p in (stanza_dir / LANG / processor).glob("*.pt"))
        if not models:
            raise FileNotFoundError(
                f"{stanza_dir}: the stanza '{processor}' model is missing "
                f"(no {stanza_dir / LANG / processor}/*.pt); {HOW_TO_OBTAIN}"
            )
        if len(models) > 1 and defaults.get(processor) not in models:
            raise ValueError(f"{stanza_dir / LANG / processor}: several '{processor}' models ({', '.join(models)})")
        packages[processor] = models[0] if len(models) == 1 else defaults[processor]
    return packages


def _read_resources(stanza_dir: Path) -> dict:
    path = stanza_dir / "resources.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not valid JSON: {err}") from err


def ensure_resources(stanza_dir: Path, packages: dict[str, str]) -> None:
    """Write a minimal ``resources.json`` naming ``packages`` when ``stanza_dir`` has none for Indonesian."""
    resources = _read_resources(stanza_dir)
    if LANG in resources:
        return
    resources[LANG] = {"lang_name": "Indonesian", "default_processors": packages}
    resources[LANG].update({processor: {package: {}} for processor, package in packages.items()})
    (stanza_dir / "resources.json").write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")


def load_stanza(stanza_dir: str | Path) -> Any:
    """A CPU ``stanza.Pipeline`` for Indonesian from local models only."""
    stanza = _import_stanza()
    stanza_dir = Path(stanza_dir)
    packages = find_packages(stanza_dir)
    ensure_resources(stanza_dir, packages)
    return stanza.Pipeline(
        LANG,
        dir=str(stanza_dir),
        package=None,
        processors=packages,
        download_method=None,
        device="cpu",
        logging_level="WARN",
    )


class StanzaTokenizer:
    """A spaCy tokenizer that runs a stanza pipeline and returns its fully annotated ``Doc``."""

    def __init__(self, vocab: Vocab, pipeline: Any) -> None:
        self.vocab = vocab
        self.pipeline = pipeline

    def __call__(self, text: str) -> Doc:
        return to_doc(self.vocab, text, self.pipeline(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Analyse ``texts`` with stanza's bulk processing, ``batch_size`` at a time."""
        texts = iter(texts)
        while batch := list(islice(texts, batch_size)):
            documents = self.pipeline.bulk_process(batch)
            yield from (to_doc(self.vocab, text, document) for text, document in zip(batch, documents, strict=True))


def use_stanza(nlp: Language, stanza_dir: str | Path) -> Language:
    """Make stanza the analysis of ``nlp`` and remove the components it replaces; returns ``nlp``."""
    tokenizer = StanzaTokenizer(nlp.vocab, load_stanza(stanza_dir))
    for name in list(nlp.component_names):
        if nlp.get_pipe_meta(name).factory in REPLACED_FACTORIES:
            nlp.remove_pipe(name)
    nlp.tokenizer = tokenizer
    return nlp
