"""Turn the annotators' records (with text) into the by-reference file ``heldout.jsonl``.

Each annotation record holds offsets *and* strings; this keeps the offsets, labels, resolved
names, kinds and vias, adds the SHA-256 of the article's text and drops every string taken from
the text, so no article text enters the project. The strings are checked against the text first.

    python eval/heldout/build.py /path/to/annotations/ --out eval/heldout/heldout.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from claimx.heldout import CLAIM_SPANS, bench_texts, text_sha256  # noqa: E402

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def reference(record: dict, text: str) -> dict:
    """The by-reference form of one annotated record (strings checked, then dropped)."""
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["text"], (record["id"], e)
    entities = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in record["entities"]]
    claims = []
    for c in record["claims"]:
        claim = {}
        for span in CLAIM_SPANS:
            start, end = c[f"{span}_start"], c[f"{span}_end"]
            if start is not None:
                assert text[start:end] == c[span], (record["id"], span, c)
            claim[f"{span}_start"], claim[f"{span}_end"] = start, end
        claim.update(source_resolved=c["source_resolved"], kind=c["kind"], via=c["via"])
        claims.append(claim)
    return {"id": record["id"], "sha256": text_sha256(text), "annotator": record.get("annotator", ""),
            "entities": entities, "claims": claims}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", type=Path, help="folder of <id>.json annotation records")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("heldout.jsonl"))
    parser.add_argument("--bench", type=Path, default=SHARED / "bench" / "news.jsonl")
    args = parser.parse_args()
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.annotations.glob("*.json"))]
    texts = bench_texts(args.bench, (r["id"] for r in records))
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            ref = reference(record, texts[record["id"]]["text"])
            ref["outlet"] = texts[record["id"]]["outlet"]
            handle.write(json.dumps(ref, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles -> {args.out}")


if __name__ == "__main__":
    main()
