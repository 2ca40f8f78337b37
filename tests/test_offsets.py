"""Offsets are sacred: every span's text[start:end] equals its string, on any input."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimx
from claimx.batch import extract_documents
from conftest import shared_file

SPAN_KEYS = (
    ("content", "content_start", "content_end"),
    ("source", "source_start", "source_end"),
    ("cue", "cue_start", "cue_end"),
    ("via_mention", "via_start", "via_end"),
)
FACT_KEYS = ("entities", "quantities", "dates")


def assert_offsets_exact(record: dict) -> None:
    text = record["text"]
    for ent in record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    for claim in record["claims"]:
        for key, start, end in SPAN_KEYS:
            if claim[start] is not None:
                assert text[claim[start] : claim[end]] == claim[key], (key, claim)
        for key in FACT_KEYS:
            for fact in claim.get(key, []):
                assert text[fact["start"] : fact["end"]] == fact["text"], (key, fact)


def test_dev_set_offsets(nlp):
    dev = shared_file("eval/dev.jsonl")
    docs = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    records = list(claimx.extract_many(({"id": d["id"], "text": d["text"]} for d in docs), nlp=nlp))
    assert [r["id"] for r in records] == [d["id"] for d in docs]
    for record, doc in zip(records, docs, strict=True):
        assert record["text"] == doc["text"]
        assert_offsets_exact(record)


NEWSY = st.text(alphabet=st.sampled_from(list("abcdeKAIS ,.:;\n\"'“”‘’()-/0123456789")) | st.characters(), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=NEWSY)
def test_random_text_offsets(nlp, text):
    (record,) = extract_documents(nlp, [("r", text)])
    if "error" not in record:
        assert record["text"] == text
        assert_offsets_exact(record)


def test_long_document_is_split_and_mapped_back(nlp):
    cities = ["Jakarta", "Bandung", "Surabaya", "Medan"]
    text = "".join(
        f"{'Ya. ' * (n % 3)}“Kami siap bekerja di {cities[n % 4]} sejak Senin ({n % 28 + 1}/4),” kata Budi Santoso.\n\n"
        for n in range(40)
    )
    small = claimx.load()
    small.max_length = 500
    (record,) = extract_documents(small, [("long", text)])
    assert record["text"] == text
    assert_offsets_exact(record)
    (whole,) = extract_documents(nlp, [("long", text)])
    assert len(record["entities"]) == len(whole["entities"])
