"""claimx.to_dataframe: tidy, typed claim and entity frames; sources by claim count."""

import pandas as pd

import claimx
from claim_records import VAKSIN, entity, sample_records
from claimx.authors import source_label
from claimx.frames import CLAIM_COLUMNS, ENTITY_COLUMNS, sources_by_claims


def test_one_row_per_claim_and_entity_with_fixed_typed_columns():
    claims, entities = claimx.to_dataframe(sample_records())
    assert list(claims.columns) == CLAIM_COLUMNS and list(entities.columns) == ENTITY_COLUMNS
    assert claims["id"].tolist() == ["vaksin"] * 2 + ["hujan"] * 3  # the error record is skipped
    assert len(entities) == 7
    assert claims["content_start"].dtype == "Int64" and claims["confidence"].dtype == "Float64"
    first = claims.iloc[1]
    assert (first["content_start"], first["content_end"], first["source"]) == (87, 124, "nya")
    assert VAKSIN[first["content_start"] : first["content_end"]] == first["content"]
    assert pd.isna(claims.iloc[4]["source_start"]) and pd.isna(claims.iloc[4]["source_resolved"])
    assert entities.loc[entities["text"] == "Budi Santoso", "canonical"].tolist() == ["Budi Santoso"]


def test_source_label_comes_from_the_entities_when_the_claim_lacks_it():
    claims, _ = claimx.to_dataframe(sample_records())
    # "nya" is no entity: the label comes from the entity named like the resolved source
    assert claims["source_label"].tolist()[:4] == ["PER", "PER", "ORG", "ORG"]
    assert pd.isna(claims["source_label"].iloc[4])


def test_no_records_give_empty_frames_with_the_columns():
    claims, entities = claimx.to_dataframe([])
    assert claims.empty and list(claims.columns) == CLAIM_COLUMNS
    assert entities.empty and list(entities.columns) == ENTITY_COLUMNS
    assert list(sources_by_claims(claims).columns) == ["source", "source_label", "claims", "documents"]


def test_sources_by_claims_ranks_resolved_names():
    claims, _ = claimx.to_dataframe(sample_records())
    table = sources_by_claims(claims)
    assert table.iloc[0].tolist() == ["Budi Santoso", "PER", 2, 1]
    assert set(table["source"]) == {"Budi Santoso", "BMKG", "Antara", "(no source)"}


def test_groupby_who_is_quoted_with_which_stance():
    claims, _ = claimx.to_dataframe(sample_records())
    stances = claims.groupby(["source_resolved", "stance"]).size()
    assert stances[("Budi Santoso", "assert")] == 1


def test_extract_frame_runs_the_pipeline(nlp):
    claims, entities = claimx.extract_frame(["“Kami siap,” kata Budi di Jakarta.", ("b", "Ani pulang.")], nlp=nlp)
    assert list(claims.columns) == CLAIM_COLUMNS and list(entities.columns) == ENTITY_COLUMNS
    assert set(claims["id"]) <= {"0", "b"}


def test_source_label_prefers_the_named_entity_then_the_head():
    text = "Kepala BPBD Jawa Barat Dedi Pratama"
    entities = [entity(text, "BPBD", "ORG"), entity(text, "Jawa Barat", "LOC"), entity(text, "Dedi Pratama", "PER")]
    record = {"text": text, "entities": entities}
    whole = {"source_start": 0, "source_end": len(text)}
    assert source_label(record, {**whole, "source_resolved": "Dedi Pratama"}) == "PER"
    assert source_label(record, {**whole, "source_resolved": "Kepala BPBD"}) == "ORG"
    assert source_label(record, {**whole, "source_label": "PER"}) == "PER"
    assert source_label(record, {"source_resolved": "Ani"}) is None
