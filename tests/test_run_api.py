"""claimx.run: the batch run of `claimx extract` as a library function."""

import json

import pytest

import claimx
from claimx.runner import RunError


def test_run_writes_one_record_per_input_and_summarises(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "“Harga naik,” kata Budi Santoso."}) + "\n" + '{"id": "b"}\n', encoding="utf-8"
    )
    summary = claimx.run([src], tmp_path / "out.jsonl", model="blank")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"] and "error" in records[1]
    assert (summary.documents, summary.errors) == (2, 1) and "2 documents, 1 error" in summary.report


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"format": "csv"}, "--format"),
        ({"resume": True}, "--resume"),
        ({"fallback_encoding": "nosuch"}, "--fallback-encoding"),
        ({"format": "xml"}, "unknown format"),
    ],
)
def test_options_that_do_not_go_together_fail_before_any_work(tmp_path, kwargs, says):
    with pytest.raises(RunError, match=says):
        claimx.run([tmp_path / "missing.txt"], None, model="blank", **kwargs)


def test_an_output_folder_is_refused(tmp_path):
    with pytest.raises(RunError, match="is a folder"):
        claimx.run([tmp_path / "a.txt"], tmp_path, model="blank")
