"""The scorer behind ``claimx evaluate``: the metrics of ``../shared/eval/score.py``.

Entities match on exact ``(start, end, label)``. A predicted claim matches a gold one
when the character-overlap F1 of their contents is >= 0.5 (one-to-one, best first);
it is attributed when its (resolved) source names the gold source once titles are
dropped. Beyond the reference metrics, results are broken down by rule and by the
gold source's mention type.
"""

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MATCH_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
TITLES = frozenset(
    [
        "presiden",
        "wakil",
        "menteri",
        "menlu",
        "menhan",
        "gubernur",
        "bupati",
        "wali",
        "kota",
        "ketua",
        "pak",
        "bu",
        "bapak",
        "ibu",
        "dr",
        "prof",
        "ir",
        "h",
        "hj",
        "kh",
        "jenderal",
        "letjen",
        "mayjen",
        "brigjen",
        "kolonel",
        "kapten",
        "pemimpin",
        "tertinggi",
        "perdana",
        "pm",
        "juru",
        "bicara",
        "jubir",
        "sekretaris",
        "direktur",
        "kepala",
        "pihak",
        "sang",
        "the",
        "mr",
        "mrs",
        "ms",
    ]
)
PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku"})


def load_records(path: str | Path) -> dict[str, dict]:
    """Read a JSONL file of records keyed by id; raise ``ValueError`` naming the bad line."""
    docs = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not JSON: {err}") from err
            if "id" not in record:
                raise ValueError(f"{path}:{number}: record has no 'id'")
            docs[str(record["id"])] = record
    return docs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 in percent (rounded to 2 places) with the counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(100 * p, 2),
        "r": round(100 * r, 2),
        "f": round(100 * f, 2),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def overlap_f1(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    """Character-overlap F1 of two ``(start, end)`` spans."""
    inter = min(gold[1], pred[1]) - max(gold[0], pred[0])
    if inter <= 0:
        return 0.0
    precision = inter / max(1, pred[1] - pred[0])
    recall = inter / max(1, gold[1] - gold[0])
    return 2 * precision * recall / (precision + recall)


def name_words(name: str | None) -> set[str]:
    """Lowercased words of a name without titles (all words if only titles remain)."""
    found = {w.lower() for w in _WORD.findall(name or "")}
    return (found - TITLES) or found


def source_is_right(gold: dict, pred: dict) -> bool:
    """Whether ``pred`` names the gold source (see the module docstring)."""
    gold_name = gold.get("source_resolved") or gold.get("source")
    pred_name = pred.get("source_resolved") or pred.get("source_canonical") or pred.get("source")
    if not gold_name:
        return not pred_name
    g, p = name_words(gold_name), name_words(pred_name)
    return bool(g and p and (g <= p or p <= g))


def match_claims(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Pair gold and predicted claims one-to-one by best content overlap >= 0.5."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            try:
                score = overlap_f1((g["content_start"], g["content_end"]), (p["content_start"], p["content_end"]))
            except (KeyError, TypeError):
                continue
            if score >= MATCH_THRESHOLD:
                candidates.append((score, i, j))
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def source_type(claim: dict) -> str:
    """Mention type of a gold source: null, clitic, pronoun, name (an entity) or phrase."""
    source = claim.get("source")
    if not source:
        return "null"
    if source.lower() == "nya":
        return "clitic"
    if source.lower() in PRONOUNS:
        return "pronoun"
    return "name" if source == claim.get("source_resolved") else "phrase"


@dataclass
class _Tally:
    matched: int = 0
    source: int = 0
    cue: int = 0
    kind: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_kind_right: Counter = field(default_factory=Counter)
    by_type: Counter = field(default_factory=Counter)
    by_type_right: Counter = field(default_factory=Counter)
    rule_pred: Counter = field(default_factory=Counter)
    rule_match: Counter = field(default_factory=Counter)
    rule_right: Counter = field(default_factory=Counter)

    def add(self, gold: dict, pred: dict) -> None:
        right = source_is_right(gold, pred)
        self.matched += 1
        self.source += right
        self.cue += (gold.get("cue") or "").lower() == (pred.get("cue") or "").lower()
        self.kind += gold.get("kind") == pred.get("kind")
        for counter, counter_right, key in (
            (self.by_kind, self.by_kind_right, gold.get("kind")),
            (self.by_type, self.by_type_right, source_type(gold)),
        ):
            counter[key] += 1
            counter_right[key] += right
        rule = pred.get("rule", "?")
        self.rule_match[rule] += 1
        self.rule_right[rule] += right


def _pct(num: int, den: int) -> float:
    return round(100 * num / den, 2) if den else 0.0


def score(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> dict:
    """Score predictions against gold; the result mirrors ``score.py --json`` plus breakdowns."""
    ent_tp, ent_pred, ent_gold = Counter(), Counter(), Counter()
    tally, n_gold_claims, n_pred_claims = _Tally(), 0, 0
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, {})
        gold_ents = {(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])}
        pred_ents = {(e["start"], e["end"], e["label"]) for e in pred.get("entities", []) or []}
        for label in {e[2] for e in gold_ents | pred_ents}:
            g = {e for e in gold_ents if e[2] == label}
            p = {e for e in pred_ents if e[2] == label}
            ent_tp[label] += len(g & p)
            ent_pred[label] += len(p)
            ent_gold[label] += len(g)
        gold_claims, pred_claims = gold.get("claims", []), pred.get("claims", []) or []
        n_gold_claims += len(gold_claims)
        n_pred_claims += len(pred_claims)
        tally.rule_pred.update(c.get("rule", "?") for c in pred_claims)
        for g, p in match_claims(gold_claims, pred_claims):
            tally.add(g, p)
    labels = sorted(set(ent_gold) | set(ent_pred))
    m = tally.matched
    return {
        "documents": {"gold": len(gold_docs), "missing_predictions": sum(d not in pred_docs for d in gold_docs)},
        "entities": {
            "micro": prf(sum(ent_tp.values()), sum(ent_pred.values()), sum(ent_gold.values())),
            "per_label": {lab: prf(ent_tp[lab], ent_pred[lab], ent_gold[lab]) for lab in labels},
        },
        "claims": {
            "detected": prf(m, n_pred_claims, n_gold_claims),
            "attributed": prf(tally.source, n_pred_claims, n_gold_claims),
            "source_accuracy": _pct(tally.source, m),
            "cue_accuracy": _pct(tally.cue, m),
            "kind_accuracy": _pct(tally.kind, m),
            "source_accuracy_by_kind": {k: _pct(tally.by_kind_right[k], v) for k, v in tally.by_kind.items()},
            "source_accuracy_by_type": {k: _pct(tally.by_type_right[k], v) for k, v in sorted(tally.by_type.items())},
            "by_rule": {
                rule: {"pred": n, "matched": tally.rule_match[rule], "source_right": tally.rule_right[rule]}
                for rule, n in sorted(tally.rule_pred.items())
            },
        },
    }


def format_report(result: dict, detail: bool = False) -> str:
    """The text report of ``score.py`` (same lines), plus breakdowns when ``detail``."""
    e, c = result["entities"], result["claims"]
    docs = result["documents"]
    lines = [
        f"documents: {docs['gold']} (missing predictions: {docs['missing_predictions']})",
        f"entities   P {e['micro']['p']:6.2f}  R {e['micro']['r']:6.2f}  F1 {e['micro']['f']:6.2f}",
    ]
    for label, s in e["per_label"].items():
        lines.append(f"  {label:8s} P {s['p']:6.2f}  R {s['r']:6.2f}  F1 {s['f']:6.2f}  (gold {s['gold']})")
    for name in ("detected", "attributed"):
        s = c[name]
        lines.append(
            f"claims {name:10s} P {s['p']:6.2f}  R {s['r']:6.2f}  F1 {s['f']:6.2f}  (gold {s['gold']}, pred {s['pred']})"
        )
    lines.append(
        f"source accuracy {c['source_accuracy']:.2f}  cue accuracy {c['cue_accuracy']:.2f}  "
        f"kind accuracy {c['kind_accuracy']:.2f}"
    )
    if detail:
        lines.append(
            "source accuracy by gold source type: "
            + ", ".join(f"{k} {v:.2f}" for k, v in c["source_accuracy_by_type"].items())
        )
        lines.append("by rule (predicted / matched / source right):")
        lines += [f"  {r:28s} {v['pred']:4d} {v['matched']:4d} {v['source_right']:4d}" for r, v in c["by_rule"].items()]
    return "\n".join(lines)


def evaluate_files(gold: str | Path, pred: str | Path) -> dict:
    """Score two JSONL files."""
    return score(load_records(gold), load_records(pred))


def iter_matched(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> Iterable[tuple[str, dict, dict]]:
    """``(doc id, gold claim, predicted claim)`` for every matched pair, for error analysis."""
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, {})
        for g, p in match_claims(gold.get("claims", []), pred.get("claims", []) or []):
            yield doc_id, g, p
