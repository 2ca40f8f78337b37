"""Every record claimx writes validates against `claimx schema`."""

import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from claimx.batch import extract_documents
from claimx.cli import app
from claimx.schema import SCHEMA_VERSION, record_schema
from conftest import shared_file

VALIDATOR = Draft202012Validator(record_schema())


def _errors(record: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in VALIDATOR.iter_errors(record)]


def test_the_schema_is_valid_and_versioned():
    Draft202012Validator.check_schema(record_schema())
    printed = json.loads(CliRunner().invoke(app, ["schema"]).output)
    assert printed["version"] == SCHEMA_VERSION and printed == record_schema()


def test_records_of_tricky_inputs_and_error_records_validate(nlp):
    items = [
        {"id": "a", "text": "“Kami siap,” kata Menteri Budi Santoso di Jakarta.", "url": "https://contoh.id/a"},
        {"id": "b", "text": "Menurut pihak Ukraina, serangan berlanjut, tulis KCNA, mengutip pernyataan Komisi."},
        {"id": "c", "text": "   "},
        {"id": "d"},
        "“" * 600,
        {
            "id": "e",
            "text": "Akun Facebook X mengunggah foto.\nUnggahan disertai narasi:\nBantuan tunai Rp 5 juta cair hari ini",
        },
    ]
    records = list(extract_documents(nlp, items))
    assert len(records) == len(items) and any("error" in r for r in records)
    for record in records:
        assert _errors(record) == [], record["id"]


def test_dev_records_validate(nlp):
    dev = shared_file("eval/dev.jsonl")
    texts = [{"id": d["id"], "text": d["text"]} for d in map(json.loads, dev.read_text(encoding="utf-8").splitlines())]
    for record in extract_documents(nlp, texts):
        assert _errors(record) == [], record["id"]


@pytest.mark.parametrize("bad", [{"id": 1, "error": "x"}, {"id": "a", "text": "x", "entities": [], "claims": [{}]}])
def test_the_schema_rejects_what_a_consumer_could_not_read(bad):
    assert _errors(bad)
