"""Copy the trained UD tagger + parser to ``models/claimx-id-syntax`` (the model ``claimx_syntax`` loads).

    .venv/bin/python training/ud/ship.py [--model training/ud/output/model-best]

Leaves out the serialized tokenizer (claimx_syntax builds Docs from claimx's own tokens) and writes the
name, licence and data credit into ``meta.json``; the scores stay those of the dev set (GSD dev) as spaCy
wrote them. See ``models/MODEL_CARD.md``.
"""

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "models" / "claimx-id-syntax"
META = {
    "name": "claimx_id_syntax",
    "version": "0.1.0",
    "description": "UPOS tagger and dependency parser for claimx_syntax (cue and quote sentences of Indonesian "
    "news); trained on UD Indonesian-CSUI train. See models/MODEL_CARD.md.",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "UD Indonesian-CSUI (train split, UD v2.17)",
            "url": "https://github.com/UniversalDependencies/UD_Indonesian-CSUI",
            "license": "CC BY-SA 4.0",
            "author": "Ika Alfina, Indra Budi, Heru Suhartanto (Faculty of Computer Science, Universitas Indonesia); "
            "from the treebank of Arawinda Dinakaramani, Fam Rashel, Andry Luthfi, Ruli Manurung (2015) via Kethu",
        }
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "training" / "ud" / "output" / "model-best")
    args = parser.parse_args()
    shutil.rmtree(TARGET, ignore_errors=True)
    shutil.copytree(args.model, TARGET, ignore=shutil.ignore_patterns("tokenizer"))
    meta = json.loads((TARGET / "meta.json").read_text(encoding="utf-8"))
    meta.update(META)
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in TARGET.rglob("*") if f.is_file())
    print(f"{args.model} -> {TARGET} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
