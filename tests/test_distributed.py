"""The Dask engine: a LocalCluster of 2 workers gives the records of a single-process run."""

import json

import pandas as pd
import pytest

pytest.importorskip("dask.distributed")

from claimx.batch import extract_documents  # noqa: E402
from claimx.distributed import extract_dask, part_paths  # noqa: E402
from claimx.frames import to_dataframe  # noqa: E402
from test_batch_scale import generated_news  # noqa: E402


def test_local_cluster_matches_single_process(nlp, tmp_path):
    items = [*generated_news(45), {"id": "no-text"}]
    expected = list(extract_documents(nlp, items))
    run = extract_dask(
        items, tmp_path / "jsonl", workers=2, processes=True, partition_size=10, errors=tmp_path / "e.jsonl"
    )
    assert (run.documents, run.errors, run.partitions) == (46, 1, 5)
    parts = sorted((tmp_path / "jsonl").glob("part-*.jsonl"))
    records = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    assert records == expected
    assert [json.loads(line)["id"] for line in (tmp_path / "e.jsonl").read_text().splitlines()] == ["no-text"]


def test_local_cluster_writes_partitioned_parquet(nlp, tmp_path):
    items = generated_news(25)
    extract_dask(items, tmp_path, fmt="parquet", workers=2, processes=False, partition_size=10)
    claims, entities = to_dataframe(extract_documents(nlp, items))
    assert part_paths(tmp_path, "parquet", 2)[0].is_file()
    assert pd.read_parquet(tmp_path / "claims")["id"].tolist() == claims["id"].tolist()
    assert pd.read_parquet(tmp_path / "entities")["start"].tolist() == entities["start"].tolist()
