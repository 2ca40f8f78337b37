"""The stanza backend on the tiny committed models: same output contract as the default pipeline."""

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

import claimx
from claimx.batch import extract_documents
from claimx.cli import app
from conftest import shared_file
from test_offsets import assert_offsets_exact
from test_robustness import HOSTILE

pytest.importorskip("stanza", reason="stanza is not installed: pip install -e '.[stanza]' to test the stanza backend")
torch = pytest.importorskip("torch")
torch.set_num_threads(1)  # tiny models: more threads only spin against each other on a busy CI machine

TINY = Path(__file__).parent / "fixtures" / "stanza-id-tiny"


@pytest.fixture(scope="module")
def stanza_nlp():
    return claimx.load(backend="stanza", stanza_dir=TINY)


def test_doc_carries_stanza_analysis_with_exact_offsets(stanza_nlp):
    text = "Menteri Budi Santoso datang ke Jakarta. Ia mengatakan bukunya hilang.\n\n“Kami siap,” ujarnya."
    doc = stanza_nlp(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    assert len(list(doc.sents)) >= 2
    assert "nya" in [t.text for t in doc]  # clitics are split as the claimx tokenizer splits them


def test_rule_stages_run_on_the_stanza_doc(stanza_nlp):
    assert set(claimx.pipeline.RULE_STAGES) <= set(stanza_nlp.pipe_names)
    assert not {"tagger", "parser", "morphologizer", "senter"} & set(stanza_nlp.pipe_names)
    record = claimx.extract("“Kami siap bekerja,” kata Budi Santoso di Jakarta.", nlp=stanza_nlp)
    assert_offsets_exact(record)


def test_dev_set_offsets(stanza_nlp):
    dev = shared_file("eval/dev.jsonl")
    docs = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    records = list(claimx.extract_many(({"id": d["id"], "text": d["text"]} for d in docs), nlp=stanza_nlp))
    assert [r["id"] for r in records] == [d["id"] for d in docs]
    for record, doc in zip(records, docs, strict=True):
        assert "error" not in record, record["error"]
        assert record["text"] == doc["text"]
        assert_offsets_exact(record)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_hostile_text_keeps_offsets(stanza_nlp, text):
    (record,) = extract_documents(stanza_nlp, [("r", text)])
    assert "error" not in record, record["error"]
    assert record["text"] == text
    assert_offsets_exact(record)


def test_bad_items_become_error_records(stanza_nlp):
    records = list(claimx.extract_many(["", "   \n\n ", {"id": "x"}, 42], nlp=stanza_nlp))
    assert [("error" in r) for r in records] == [False, False, True, True]
    assert records[0]["entities"] == records[0]["claims"] == []


def _copy_tiny(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TINY, tmp_path / "models"))


def test_missing_processor_is_named(tmp_path):
    models = _copy_tiny(tmp_path)
    shutil.rmtree(models / "id" / "depparse")
    with pytest.raises(FileNotFoundError, match=r"'depparse' model is missing.*training/stanza/train.py"):
        claimx.load("blank", backend="stanza", stanza_dir=models)


def test_resources_json_is_written_when_absent(tmp_path):
    models = _copy_tiny(tmp_path)
    (models / "resources.json").unlink()
    nlp = claimx.load("blank", backend="stanza", stanza_dir=models)
    assert json.loads((models / "resources.json").read_text())["id"]["default_processors"]["pos"] == "csui"
    assert nlp("Ia datang.").has_annotation("DEP")


def test_backend_needs_a_model_directory():
    with pytest.raises(ValueError, match="stanza_dir"):
        claimx.load("blank", backend="stanza")
    with pytest.raises(ValueError, match="unknown backend"):
        claimx.load("blank", backend="udpipe")


def test_cli_extract_with_stanza(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("“Kami siap,” kata Budi di Jakarta.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["extract", str(source), "--backend", "stanza", "--stanza-dir", str(TINY), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert_offsets_exact(record)


def test_cli_reports_a_missing_model_directory(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Ia datang.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(source), "--backend", "stanza", "--stanza-dir", str(tmp_path / "no")]
    )
    assert result.exit_code == 2
    assert "no such stanza model directory" in result.stderr
