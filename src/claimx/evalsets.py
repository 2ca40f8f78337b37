"""Dev and held-out side by side: run the shipped pipeline on both and print one table.

``claimx evaluate`` without arguments calls :func:`evaluate_sets`. Dev is the set the rules were
developed on; held-out was drawn at random and annotated blind (``eval/heldout/README.md``), so
only its numbers say how claimx does on unseen news. The table shows both and the gap.

>>> row("entities F1", [86.2, 79.8])
'entities F1                             86.20    79.80     6.40'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .batch import extract_documents
from .evaluate import score
from .heldout import load_heldout

ROOT = Path(__file__).resolve().parents[2]  # the checkout (claimx is installed editable from it)
SHARED = ROOT.parent / "shared"
HELDOUT_REFERENCE = ROOT / "eval" / "heldout" / "heldout.jsonl"
LABEL_WIDTH = 36
METRIC = {"p": "P", "r": "R", "f": "F1"}


@dataclass
class EvalSet:
    """A named list of gold records."""

    name: str
    gold: list[dict]


def standard_sets(shared: Path = SHARED, heldout: Path = HELDOUT_REFERENCE) -> list[EvalSet]:
    """The dev set and the held-out set (joined with the bench texts); ``FileNotFoundError`` names what is absent."""
    dev_path, bench = shared / "eval" / "dev.jsonl", shared / "bench" / "news.jsonl"
    for path in (dev_path, bench, heldout):
        if not path.is_file():
            raise FileNotFoundError(f"{path}: not found (the evaluation needs the shared data beside the project)")
    with dev_path.open(encoding="utf-8") as handle:
        dev = [json.loads(line) for line in handle if line.strip()]
    return [EvalSet("dev", dev), EvalSet("held-out", load_heldout(heldout, bench))]


class PredictionError(RuntimeError):
    """A document of an evaluation set failed in the pipeline: its score would silently count no claims."""


def predict(nlp: Language, gold: list[dict]) -> dict[str, dict]:
    """Predicted records keyed by id for the texts of ``gold``; :class:`PredictionError` names any
    document the pipeline failed on."""
    records = extract_documents(nlp, ({"id": g["id"], "text": g["text"]} for g in gold))
    by_id = {record["id"]: record for record in records}
    failed = [f"{doc_id}: {record['error']}" for doc_id, record in by_id.items() if "error" in record]
    if failed:
        raise PredictionError(f"{len(failed)} document(s) failed in the pipeline; first: {failed[0]}")
    return by_id


def evaluate_sets(nlp: Language, sets: list[EvalSet]) -> dict[str, dict]:
    """Score ``nlp`` on each set: ``{set name: score result}`` (see :func:`claimx.evaluate.score`)."""
    return {s.name: score({g["id"]: g for g in s.gold}, predict(nlp, s.gold)) for s in sets}


def row(label: str, values: list[float | None]) -> str:
    """One line of the table: a label, one column per set, then the gap (first minus last)."""
    cells = [f"{v:8.2f}" if v is not None else f"{'—':>8s}" for v in values]
    gap = values[0] - values[-1] if len(values) > 1 and None not in (values[0], values[-1]) else None
    cells.append(f"{gap:8.2f}" if gap is not None else "")
    return f"{label:{LABEL_WIDTH}s} " + " ".join(cells)


def _counts(result: dict) -> str:
    docs = result["documents"]["gold"]
    claims = result["claims"]["detected"]["gold"]
    entities = result["entities"]["micro"]["gold"]
    return f"{docs} articles, {entities} entities, {claims} claims"


def format_side_by_side(results: dict[str, dict]) -> str:
    """The report of :func:`evaluate_sets`: every metric per set, with the gap (first set minus last)."""
    names = list(results)
    values = list(results.values())
    lines = [f"{'':{LABEL_WIDTH}s} " + " ".join(f"{n:>8s}" for n in names) + f" {'gap':>8s}"]
    lines += [f"  {n}: {_counts(r)}" for n, r in results.items()]

    def add(label: str, pick) -> None:
        lines.append(row(label, [pick(r) for r in values]))

    def get(r: dict, *keys: str) -> float | None:
        for key in keys:
            if not isinstance(r, dict) or key not in r:
                return None
            r = r[key]
        return r

    add("entities F1", lambda r: get(r, "entities", "micro", "f"))
    for label in ("PER", "ORG", "LOC"):
        for m in ("p", "r", "f"):
            add(f"  {label} {METRIC[m]}", lambda r, label=label, m=m: get(r, "entities", "per_label", label, m))
    for name in ("detected", "attributed"):
        for m in ("p", "r", "f"):
            add(f"claims {name} {METRIC[m]}", lambda r, name=name, m=m: get(r, "claims", name, m))
    for name in ("source_accuracy", "cue_accuracy", "kind_accuracy"):
        add(name.replace("_", " "), lambda r, name=name: get(r, "claims", name))
    types = sorted({t for r in values for t in r["claims"]["source_accuracy_by_type"]})
    lines.append("source accuracy by gold source type")
    for t in types:
        add(f"  {t}", lambda r, t=t: get(r, "claims", "source_accuracy_by_type", t))
    rules = sorted({rule for r in values for rule in r["claims"]["by_rule"]})
    lines.append("by rule: predicted / matched / source right, per set")
    for rule in rules:
        cells = []
        for r in values:
            v = r["claims"]["by_rule"].get(rule, {"pred": 0, "matched": 0, "source_right": 0})
            cells.append(f"{v['pred']:4d} {v['matched']:4d} {v['source_right']:4d}")
        lines.append(f"  {rule:{LABEL_WIDTH - 2}s} " + "   |   ".join(cells))
    return "\n".join(lines)
