"""Gold records of the blind held-out set, stored by reference and joined with the bench texts.

The bench articles (``../shared/bench/news.jsonl``) may not be copied into the project, so the
held-out annotation keeps only each article's id, the SHA-256 of its text, and offsets and
labels. :func:`load_heldout` joins them at run time, checks every hash, and fills in each span's
string from its offsets, giving ordinary gold records that ``../shared/eval/score.py`` reads.

>>> ref = {"id": "a", "sha256": text_sha256("Kata Budi."), "entities": [{"start": 5, "end": 9, "label": "PER"}],
...        "claims": []}
>>> join_reference(ref, "Kata Budi.", "ref.jsonl:1")["entities"]
[{'start': 5, 'end': 9, 'text': 'Budi', 'label': 'PER'}]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

#: spans of a claim stored as offsets: their string is filled in from the text
CLAIM_SPANS = ("content", "source", "cue")


class HeldoutError(ValueError):
    """The reference file and the bench texts do not fit together (missing article, changed text)."""


def text_sha256(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes, as hex.

    >>> text_sha256("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span_text(text: str, start: int | None, end: int | None, where: str) -> str | None:
    if start is None or end is None:
        return None
    if not 0 <= start <= end <= len(text):
        raise HeldoutError(f"{where}: span {start}-{end} lies outside the text ({len(text)} characters)")
    return text[start:end]


def join_reference(ref: dict, text: str, where: str) -> dict:
    """One gold record from a reference record and the article's text (hash checked)."""
    if text_sha256(text) != ref["sha256"]:
        raise HeldoutError(f"{where}: the text of {ref['id']} in the bench file has changed (SHA-256 differs)")
    entities = [
        {
            "start": e["start"],
            "end": e["end"],
            "text": _span_text(text, e["start"], e["end"], where),
            "label": e["label"],
        }
        for e in ref["entities"]
    ]
    claims = []
    for c in ref["claims"]:
        claim = {}
        for span in CLAIM_SPANS:
            start, end = c.get(f"{span}_start"), c.get(f"{span}_end")
            claim[span] = _span_text(text, start, end, where)
            claim[f"{span}_start"], claim[f"{span}_end"] = start, end
        claim.update({key: c.get(key) for key in ("source_resolved", "kind", "via")})
        claims.append(claim)
    extra = {key: ref[key] for key in ("outlet", "url") if key in ref}
    return {"id": ref["id"], "text": text, **extra, "entities": entities, "claims": claims}


def read_reference(path: str | Path) -> list[tuple[str, dict]]:
    """``(where, record)`` for each line of a reference file, ``where`` naming file and line."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    out.append((f"{path}:{number}", json.loads(line)))
                except json.JSONDecodeError as err:
                    raise HeldoutError(f"{path}:{number}: not JSON: {err}") from err
    return out


def bench_texts(bench: str | Path, wanted: Iterable[str]) -> dict[str, dict]:
    """The bench records (id, outlet, url, text) whose ids are in ``wanted``."""
    wanted = set(wanted)
    found = {}
    with open(bench, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = record
    return found


def load_heldout(reference: str | Path, bench: str | Path) -> list[dict]:
    """Gold records of the held-out set, in the reference file's order.

    Raises :class:`HeldoutError` naming the reference line when an article is missing from
    ``bench`` or its text no longer has the stored hash.
    """
    refs = read_reference(reference)
    texts = bench_texts(bench, (ref["id"] for _, ref in refs))
    records = []
    for where, ref in refs:
        if ref["id"] not in texts:
            raise HeldoutError(f"{where}: article {ref['id']} is not in {bench}")
        bench_record = texts[ref["id"]]
        record = join_reference(ref, bench_record["text"], where)
        record.setdefault("outlet", bench_record.get("outlet"))
        records.append(record)
    return records


def write_gold(records: Iterable[dict], path: str | Path) -> None:
    """Write gold records as JSONL (the format ``score.py`` reads)."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
