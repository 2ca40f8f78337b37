"""Records → tidy pandas DataFrames: one row per claim, one row per entity.

Columns are fixed (whatever the records hold) and typed: offsets are nullable ``Int64``,
``confidence`` is ``Float64``, everything else is ``string``; missing values are ``<NA>``.
"""

from collections.abc import Iterable

import pandas as pd

from .authors import source_label
from .records import Record

CLAIM_COLUMNS = [
    "id", "content", "content_start", "content_end", "source", "source_start", "source_end",
    "source_resolved", "source_label", "cue", "cue_start", "cue_end", "cue_lemma", "stance",
    "kind", "via", "via_start", "via_end", "rule", "confidence",
]  # fmt: skip
ENTITY_COLUMNS = ["id", "start", "end", "text", "label", "canonical"]
UNATTRIBUTED = "(no source)"


def _dtype(column: str) -> str:
    if column in ("start", "end") or column.endswith(("_start", "_end")):
        return "Int64"
    return "Float64" if column == "confidence" else "string"


def _frame(rows: list[Record], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame.astype({column: _dtype(column) for column in columns})


def to_dataframe(records: Iterable[Record]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(claims, entities)`` DataFrames; error records are skipped.

    ``source_label`` is filled from the record's entities when a claim lacks it.

    >>> record = {"id": "a", "text": "“Siap,” kata Budi.",
    ...     "entities": [{"start": 13, "end": 17, "text": "Budi", "label": "PER"}],
    ...     "claims": [{"content": "Siap", "content_start": 1, "content_end": 5, "source": "Budi",
    ...                 "source_start": 13, "source_end": 17, "source_resolved": "Budi", "kind": "direct"}]}
    >>> claims, ents = to_dataframe([record])
    >>> claims[["id", "content", "source_resolved", "source_label", "cue"]].values.tolist()
    [['a', 'Siap', 'Budi', 'PER', <NA>]]
    >>> ents[["id", "text", "label"]].values.tolist()
    [['a', 'Budi', 'PER']]
    """
    claim_rows, entity_rows = [], []
    for record in records:
        if "error" in record:
            continue
        for claim in record.get("claims", []):
            claim_rows.append({**claim, "id": record["id"], "source_label": source_label(record, claim)})
        entity_rows += [{**ent, "id": record["id"]} for ent in record.get("entities", [])]
    return _frame(claim_rows, CLAIM_COLUMNS), _frame(entity_rows, ENTITY_COLUMNS)


def sources_by_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted most: one row per source (resolved name, else the mention) with its label,
    its number of ``claims`` and of ``documents``, most claims first.

    >>> claims, _ = to_dataframe([{"id": "a", "text": "", "entities": [], "claims": [
    ...     {"source": "ia", "source_resolved": "Budi", "source_label": "PER"}, {"source": None}]}])
    >>> sources_by_claims(claims).values.tolist()
    [['Budi', 'PER', 1, 1], ['(no source)', <NA>, 1, 1]]
    """
    names = claims["source_resolved"].fillna(claims["source"]).fillna(UNATTRIBUTED)
    grouped = claims.assign(source=names).groupby("source", sort=False)
    table = grouped.agg(source_label=("source_label", "first"), claims=("id", "size"), documents=("id", "nunique"))
    return table.reset_index().sort_values("claims", ascending=False, kind="stable").reset_index(drop=True)
