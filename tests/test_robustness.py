"""Hostile input never raises, never loses a document, and keeps every offset exact."""

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import claimx
from claimx.batch import extract_documents
from claimx.io.readers import read_jsonl
from test_offsets import assert_offsets_exact

QUOTES = list("\"'“”‘’«»„‚‹›「」『』") + ["``", "''", "&quot;"]
HTML = [
    "<p>",
    "</p>",
    "<br/>",
    '<a href="x?a=1&b=2">',
    "</a>",
    "<script>var s = '\"';</script>",
    "&nbsp;",
    "&amp;",
    "<!--",
    "-->",
]
CONTROL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x200B, 0x200E, 0x2028, 0x2029, 0xFEFF)]
WORDS = ["kata", "ujar", "Budi", "Jakarta", "Presiden", "menurut", "ia", "-nya", "Kemenkes", "RI", "dia", "pihak"]
MIXED = ["Москва", "北京", "القاهرة", "Αθήνα", "😀", "👩‍👩‍👧", "é", "ﬁ", "İstanbul", "ß", "\u0301"]

PIECE = st.one_of(
    st.sampled_from(QUOTES + HTML + CONTROL + WORDS + MIXED + [" ", " ", "\n", "\n\n", ".", ",", ":", "—"]),
    st.text(max_size=8),
)
HOSTILE = st.lists(PIECE, max_size=120).map("".join)


def _process(nlp: Language, text: str) -> dict:
    (record,) = extract_documents(nlp, [("r", text)])
    assert "error" not in record, record["error"]
    assert record["text"] == text
    assert_offsets_exact(record)
    return record


@pytest.fixture(scope="module")
def small_nlp() -> Language:
    """A pipeline whose ``max_length`` forces long texts through the split-and-merge path."""
    nlp = claimx.load()
    nlp.max_length = 300
    return nlp


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_hostile_text_never_raises_and_keeps_offsets(nlp, text):
    _process(nlp, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=HOSTILE, repeat=st.integers(20, 200))
def test_very_long_lines_split_and_merge_exactly(small_nlp, line, repeat):
    _process(small_nlp, (line.replace("\n", " ") + " “Kami siap,” kata Budi.") * repeat)


def test_corrupted_lines_in_the_middle_lose_nothing(nlp):
    good = [json.dumps({"id": f"g{i}", "text": f"“Kami siap {i},” kata Budi."}) for i in range(6)]
    bad = [b"{not json", b"\xff\xfe broken utf-8", b"[1, 2]", b'{"id": "x"}', b'{"id": "y", "text": 3}', b"\x00\x00"]
    lines = [item for pair in zip((g.encode() for g in good), bad, strict=True) for item in pair]
    stream = io.BytesIO(b"\n".join(lines) + b"\n")
    records = list(extract_documents(nlp, read_jsonl(stream, "in.jsonl"), batch_size=4))
    assert len(records) == len(lines)
    assert [r["id"] for r in records[::2]] == [f"g{i}" for i in range(6)]
    assert all("error" not in r for r in records[::2])
    assert all("error" in r for r in records[1::2])


def test_a_document_that_crashes_the_pipeline_is_isolated():
    @Language.component("test_crash_on_boom")
    def crash(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return doc

    nlp = claimx.load()
    nlp.add_pipe("test_crash_on_boom")
    texts = [("a", "Satu."), ("b", "BOOM di sini."), ("c", "Tiga.")]
    records = list(extract_documents(nlp, texts, batch_size=3))
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert "error" in records[1] and "RuntimeError: boom" in records[1]["error"]
    assert "error" not in records[0] and "error" not in records[2]
