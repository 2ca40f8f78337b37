"""Train small stanza tokenize/mwt/pos/lemma/depparse models for Indonesian on CPU.

Uses stanza's own ``stanza.models.*`` entry points with ``--no_pretrain`` (the
``stanza.utils.training`` wrappers would download word vectors) on UD Indonesian-CSUI train,
split into train and dev here (GSD train is not available). Writes a directory that
``claimx.load(backend="stanza", stanza_dir=OUT)`` reads: ``OUT/id/<processor>/csui.pt`` plus a
minimal ``OUT/resources.json``.

    python training/stanza/train.py --preset tiny --out tests/fixtures/stanza-id-tiny
    python training/stanza/train.py --preset small --out training/output/stanza/small
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from stanza.utils.datasets import prepare_tokenizer_data
from stanza.utils.datasets.conllu_to_text import convert_text

ROOT = Path(__file__).resolve().parents[2]
CSUI_TRAIN = ROOT.parent / "shared" / "corpora" / "ud-indonesian-csui" / "id_csui-ud-train.conllu"
PACKAGE = "csui"
SHORTHAND = "id_csui"
DEV_EVERY = 10  # every 10th training sentence goes to dev
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")

# Per preset, extra arguments for each processor's trainer (sizes and step budgets).
PRESETS: dict[str, dict[str, list[str]]] = {
    "tiny": {
        "tokenize": ["--steps", "300", "--eval_steps", "100", "--emb_dim", "16", "--hidden_dim", "32"],
        "mwt": ["--num_epoch", "5", "--hidden_dim", "32", "--emb_dim", "16"],
        "pos": [
            *("--max_steps", "150", "--eval_interval", "50", "--hidden_dim", "32", "--char_hidden_dim", "32"),
            *("--word_emb_dim", "32", "--char_emb_dim", "16", "--tag_emb_dim", "8", "--num_layers", "1"),
            *("--deep_biaff_hidden_dim", "32", "--composite_deep_biaff_hidden_dim", "16", "--batch_size", "32"),
        ],
        "lemma": ["--dict_only"],
        "depparse": [
            *("--max_steps", "150", "--eval_interval", "50", "--hidden_dim", "32", "--char_hidden_dim", "32"),
            *("--word_emb_dim", "32", "--char_emb_dim", "16", "--tag_emb_dim", "8", "--num_layers", "1"),
            *("--deep_biaff_hidden_dim", "32", "--deep_biaff_output_dim", "16", "--batch_size", "1000"),
        ],
    },
    "small": {
        "tokenize": ["--steps", "400", "--eval_steps", "100"],
        "mwt": ["--num_epoch", "10"],
        "pos": [
            *("--max_steps", "250", "--eval_interval", "50", "--hidden_dim", "64", "--char_hidden_dim", "64"),
            *("--deep_biaff_hidden_dim", "64", "--composite_deep_biaff_hidden_dim", "32", "--batch_size", "32"),
        ],
        "lemma": ["--num_epoch", "1"],
        "depparse": [
            *("--max_steps", "300", "--eval_interval", "50", "--hidden_dim", "64", "--char_hidden_dim", "64"),
            *("--num_layers", "2", "--deep_biaff_hidden_dim", "64", "--batch_size", "1000"),
        ],
    },
}


def split_conllu(source: Path, train: Path, dev: Path) -> None:
    """Write every ``DEV_EVERY``-th sentence of ``source`` to ``dev``, the rest to ``train``."""
    blocks = [b for b in source.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    train.write_text("\n\n".join(b for i, b in enumerate(blocks) if i % DEV_EVERY) + "\n\n", encoding="utf-8")
    dev.write_text("\n\n".join(b for i, b in enumerate(blocks) if not i % DEV_EVERY) + "\n\n", encoding="utf-8")


def tokenizer_data(conllu: Path) -> tuple[Path, Path, Path]:
    """Raw text, character labels and MWT dictionary for the tokenizer, beside ``conllu``."""
    txt, labels, mwt = (conllu.with_suffix(s) for s in (".txt", ".toklabels", ".mwt.json"))
    convert_text(str(conllu), str(txt))
    prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return txt, labels, mwt


def run(module: str, args: list[str]) -> None:
    """Run one stanza trainer in a child process (stanza's mains keep global state)."""
    command = [sys.executable, "-m", f"stanza.models.{module}", *args]
    print("+", " ".join(command), flush=True)
    # One torch thread: these models are too small to gain from more, and threads stall on a busy machine.
    subprocess.run(command, check=True, env={**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})


def write_resources(out: Path) -> None:
    """A minimal ``resources.json`` naming the ``csui`` package of each processor."""
    lang: dict = {"lang_name": "Indonesian", "default_processors": dict.fromkeys(PROCESSORS, PACKAGE)}
    lang.update({p: {PACKAGE: {}} for p in PROCESSORS})
    (out / "resources.json").write_text(json.dumps({"id": lang}, indent=2) + "\n", encoding="utf-8")


def train(preset: str, out: Path, work: Path, processors: set[str]) -> None:
    """Train ``processors`` with ``preset`` into ``out``, using ``work`` for data files."""
    sizes = PRESETS[preset]
    work.mkdir(parents=True, exist_ok=True)
    train_file, dev_file = work / "train.conllu", work / "dev.conllu"
    split_conllu(CSUI_TRAIN, train_file, dev_file)
    txt, labels, mwt_json = tokenizer_data(train_file)
    dev_txt, dev_labels, _ = tokenizer_data(dev_file)
    models = out / "id"
    common = ["--lang", "id", "--shorthand", SHORTHAND, "--seed", "1234"]

    def save(processor: str) -> list[str]:
        return ["--save_dir", str(models / processor), "--save_name", f"{PACKAGE}.pt"]

    gold = ["--train_file", str(train_file), "--eval_file", str(dev_file)]
    predicted = ["--output_file", str(work / "dev.pred.conllu")]
    lemma_common = [a for a in common if a not in ("--lang", "id")]
    trainers = {
        "tokenize": (
            "tokenizer",
            [
                *("--txt_file", str(txt), "--label_file", str(labels), "--mwt_json_file", str(mwt_json)),
                *("--dev_txt_file", str(dev_txt), "--dev_label_file", str(dev_labels)),
                *("--dev_conll_gold", str(dev_file), "--max_seqlen", "300", *common, *save("tokenize")),
            ],
        ),
        "mwt": ("mwt_expander", [*gold, "--gold_file", str(dev_file), *predicted, *common, *save("mwt")]),
        "pos": ("tagger", [*gold, *predicted, "--no_pretrain", *common, *save("pos")]),
        "lemma": ("lemmatizer", [*gold, *predicted, *lemma_common, *save("lemma")]),
        "depparse": ("parser", [*gold, *predicted, "--no_pretrain", "--no_checkpoint", *common, *save("depparse")]),
    }
    for processor, (module, args) in trainers.items():
        if processor in processors:
            run(module, [*args, *sizes[processor]])
    write_resources(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), default="tiny")
    parser.add_argument("--out", type=Path, required=True, help="Model directory to write.")
    parser.add_argument("--work", type=Path, help="Data directory (default: training/output/stanza/data-PRESET).")
    parser.add_argument("--processors", default=",".join(PROCESSORS), help="Comma-separated subset to (re)train.")
    args = parser.parse_args()
    if not CSUI_TRAIN.is_file():
        sys.exit(f"{CSUI_TRAIN} is absent: this script needs ../shared/corpora beside the project")
    work = args.work or ROOT / "training" / "output" / "stanza" / f"data-{args.preset}"
    train(args.preset, args.out, work, set(args.processors.split(",")))


if __name__ == "__main__":
    main()
