"""Entity error classes of the shipped pipeline: every error on dev, counts only on the blind sets.

    .venv/bin/python scripts/entity_errors.py dev                # each error, with its text (dev may be read)
    .venv/bin/python scripts/entity_errors.py heldout            # counts by class, no text
    .venv/bin/python scripts/entity_errors.py eval/heldout/fresh-20261205.jsonl

An error is a gold entity without an exact prediction (``miss``: nothing overlaps it; ``label``: same span,
other label; ``bound``: an overlapping prediction of the same label; ``bound+label``) or a prediction that
overlaps no gold entity (``spurious``). Each is described by features of its span, never by its words:
length, shape, brackets, quotes, a source tag, a title-case line, whether the text is a gazetteer name or
an everyday word, and whether the same text is tagged elsewhere in the article (gold / ours). The held-out
rule (``eval/heldout/README.md``): find classes in these counts, write test sentences of your own.
"""

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from claimx.batch import extract_documents
from claimx.components.consistency import title_case_lines
from claimx.evalsets import HELDOUT_REFERENCE, SHARED
from claimx.heldout import load_heldout
from claimx.lang.gazetteer import entries
from claimx.lang.glued import known_words
from claimx.pipeline import load

SOURCE_TAG = re.compile(r"\(\s*[a-z]+(?:\s*/\s*[a-z]+)+\s*\)")
WEB = re.compile(r"\.(?:com|co|id|net|org)\b", re.IGNORECASE)
GAZETTEER = {entry.name: entry.label for entry in entries()}


def shape(text: str) -> str:
    if WEB.search(text):
        return "web"
    if text.islower():
        return "lower"
    if text.isupper():
        return "UPPER"
    if re.search(r"[a-z][A-Z]", text):
        return "camel"
    return "Title" if text[:1].isupper() else "other"


def features(text: str, start: int, end: int, gold: set, pred: set, headlines: list) -> set[str]:
    """Features of the span ``text[start:end]`` (see the module docstring)."""
    span, gazetteer = text[start:end], GAZETTEER
    words = span.split()
    found = {f"len{min(len(words), 4)}", f"shape:{shape(span if len(words) == 1 else words[0])}"}
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if line.count("\u201c") > line.count("\u201d") or line.count('"') % 2:
        found.add("in_quote")
    if text[:start].rstrip().endswith("("):
        found.add("after_bracket")
    if any(m.start() <= start and end <= m.end() for m in SOURCE_TAG.finditer(text)):
        found.add("source_tag")
    if [headline for at, headline in headlines if at <= start][-1]:
        found.add("title_case_line")
    if span in gazetteer:
        found.add(f"gazetteer:{gazetteer[span]}")
    if len(words) == 1 and span.lower() in known_words():
        found.add("everyday_word")
    found.update(f"gold_elsewhere:{label}" for s, e, label in gold if text[s:e] == span and (s, e) != (start, end))
    found.update(f"ours_elsewhere:{label}" for s, e, label in pred if text[s:e] == span and (s, e) != (start, end))
    return found


def kind_of(entity: tuple, pred: set) -> tuple[str, tuple | None]:
    overlapping = [p for p in pred if p[0] < entity[1] and entity[0] < p[1]]
    if not overlapping:
        return "miss", None
    same_span = [p for p in overlapping if p[:2] == entity[:2]]
    if same_span:
        return "label", same_span[0]
    other = overlapping[0]
    return ("bound" if other[2] == entity[2] and len(overlapping) == 1 else "bound+label"), other


def main(which: str) -> None:
    bench = SHARED / "bench" / "news.jsonl"
    if which == "dev":
        with (SHARED / "eval" / "dev.jsonl").open(encoding="utf-8") as handle:
            gold_docs = [json.loads(line) for line in handle if line.strip()]
    else:
        gold_docs = load_heldout(HELDOUT_REFERENCE if which == "heldout" else Path(which), bench)
    readable = which == "dev"
    records = extract_documents(load(), ({"id": g["id"], "text": g["text"]} for g in gold_docs))
    preds = {record["id"]: record for record in records}
    counts, classes = Counter(), defaultdict(Counter)
    for doc in gold_docs:
        text, headlines = doc["text"], title_case_lines(doc["text"])
        gold = {(e["start"], e["end"], e["label"]) for e in doc["entities"]}
        pred = {(e["start"], e["end"], e["label"]) for e in preds[doc["id"]].get("entities", [])}
        errors = [(e, *kind_of(e, pred)) for e in gold - pred]
        errors += [(p, "spurious", None) for p in pred - gold if not any(p[0] < g[1] and g[0] < p[1] for g in gold)]
        for entity, kind, other in errors:
            key = (entity[2], kind)
            counts[key] += 1
            classes[key].update(features(text, entity[0], entity[1], gold, pred, headlines))
            if readable:
                ours = f" ours={text[other[0] : other[1]]!r}/{other[2]}" if other else ""
                print(f"{doc['id']} {entity[2]} {kind:11s} {text[entity[0] : entity[1]]!r}{ours}")
    for (label, kind), n in counts.most_common():
        described = ", ".join(f"{name} {k}" for name, k in classes[(label, kind)].most_common(12))
        print(f"{n:4d} {label} {kind:11s} {described}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
