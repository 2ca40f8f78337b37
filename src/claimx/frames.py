"""Records → tidy pandas DataFrames: one row per claim, one row per entity."""

from collections.abc import Iterable

import pandas as pd

from .records import Record

CLAIM_COLUMNS = [
    "id", "content", "content_start", "content_end", "source", "source_start", "source_end",
    "source_resolved", "source_label", "cue", "cue_start", "cue_end", "cue_lemma", "stance",
    "kind", "via", "rule", "confidence",
]  # fmt: skip
ENTITY_COLUMNS = ["id", "start", "end", "text", "label", "canonical"]


def to_dataframe(records: Iterable[Record]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(claims, entities)`` DataFrames; error records are skipped.

    >>> claims, ents = to_dataframe([{"id": "a", "text": "Jakarta", "claims": [],
    ...     "entities": [{"start": 0, "end": 7, "text": "Jakarta", "label": "LOC"}]}])
    >>> ents[["id", "text", "label"]].values.tolist()
    [['a', 'Jakarta', 'LOC']]
    """
    claim_rows, entity_rows = [], []
    for record in records:
        if "error" in record:
            continue
        claim_rows += [{"id": record["id"], **claim} for claim in record.get("claims", [])]
        entity_rows += [{"id": record["id"], **ent} for ent in record.get("entities", [])]
    claims = pd.DataFrame(claim_rows).reindex(columns=CLAIM_COLUMNS)
    entities = pd.DataFrame(entity_rows).reindex(columns=ENTITY_COLUMNS)
    return claims, entities
