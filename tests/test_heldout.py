"""The held-out set: stored by reference, joined with the bench texts at run time, scored beside dev."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evalsets import HELDOUT_REFERENCE
from claimx.heldout import HeldoutError, join_reference, load_heldout, text_sha256, write_gold
from conftest import SHARED, shared_file

TEXT = "“Kami siap,” kata Budi di Jakarta."


def _reference(text=TEXT, **changes):
    ref = {
        "id": "t1",
        "sha256": text_sha256(text),
        "entities": [{"start": 18, "end": 22, "label": "PER"}, {"start": 26, "end": 33, "label": "LOC"}],
        "claims": [
            {"content_start": 1, "content_end": 10, "source_start": 18, "source_end": 22, "cue_start": 13,
             "cue_end": 17, "source_resolved": "Budi", "kind": "direct", "via": None}
        ],
    }  # fmt: skip
    ref.update(changes)
    return ref


def test_join_fills_every_string_from_its_offsets():
    gold = join_reference(_reference(), TEXT, "ref:1")
    assert [e["text"] for e in gold["entities"]] == ["Budi", "Jakarta"]
    claim = gold["claims"][0]
    assert (claim["content"], claim["source"], claim["cue"]) == ("Kami siap", "Budi", "kata")
    assert claim["source_resolved"] == "Budi" and claim["kind"] == "direct"


def test_join_refuses_a_changed_text_naming_the_line():
    with pytest.raises(HeldoutError, match=r"ref\.jsonl:7: .*t1.*changed"):
        join_reference(_reference(), TEXT.replace("Budi", "Bidu"), "ref.jsonl:7")


def test_join_refuses_a_span_outside_the_text():
    bad = _reference(entities=[{"start": 30, "end": 99, "label": "LOC"}])
    with pytest.raises(HeldoutError, match="outside the text"):
        join_reference(bad, TEXT, "ref:1")


def test_load_names_an_article_missing_from_the_bench(tmp_path):
    (tmp_path / "ref.jsonl").write_text(json.dumps(_reference()) + "\n")
    (tmp_path / "bench.jsonl").write_text(json.dumps({"id": "other", "outlet": "X", "text": TEXT}) + "\n")
    with pytest.raises(HeldoutError, match=r"ref\.jsonl:1: article t1 is not in"):
        load_heldout(tmp_path / "ref.jsonl", tmp_path / "bench.jsonl")


@pytest.mark.parametrize("reference", sorted(HELDOUT_REFERENCE.parent.glob("*.jsonl")), ids=lambda p: p.name)
def test_reference_file_holds_no_article_text(reference):
    """Only offsets, labels and names: no span string and no text field may be stored."""
    for line in reference.read_text(encoding="utf-8").splitlines():
        ref = json.loads(line)
        assert "text" not in ref
        assert all("text" not in e for e in ref["entities"])
        for claim in ref["claims"]:
            assert not {"content", "source", "cue"} & set(claim)


@pytest.fixture(scope="module")
def heldout_gold():
    bench = shared_file("bench/news.jsonl")
    return load_heldout(HELDOUT_REFERENCE, bench)


def test_heldout_set_is_large_enough_and_spans_are_exact(heldout_gold):
    assert len(heldout_gold) >= 40
    assert sum(len(r["claims"]) for r in heldout_gold) >= 250
    for record in heldout_gold:
        text = record["text"]
        for e in record["entities"]:
            assert text[e["start"] : e["end"]] == e["text"] and e["label"] in {"PER", "ORG", "LOC"}
        for c in record["claims"]:
            assert text[c["content_start"] : c["content_end"]] == c["content"]
            assert c["kind"] in {"direct", "indirect", "mixed"}


def test_heldout_set_covers_every_outlet_of_the_bench(heldout_gold):
    bench = shared_file("bench/news.jsonl")
    outlets = {json.loads(line)["outlet"] for line in bench.open(encoding="utf-8")}
    assert {r["outlet"] for r in heldout_gold} == outlets


@pytest.mark.parametrize(("name", "claims"), [("fresh-20261205.jsonl", 127), ("fresh-20261207.jsonl", 156)])
def test_the_fresh_samples_join_too(name, claims):
    fresh = load_heldout(HELDOUT_REFERENCE.with_name(name), shared_file("bench/news.jsonl"))
    assert len(fresh) == 30 and sum(len(r["claims"]) for r in fresh) == claims
    assert all(r["text"][e["start"] : e["end"]] == e["text"] for r in fresh for e in r["entities"])


def test_reference_scorer_reads_the_joined_gold(heldout_gold, tmp_path):
    score_py = shared_file("eval/score.py")
    write_gold(heldout_gold, tmp_path / "gold.jsonl")
    out = subprocess.run(
        [sys.executable, str(score_py), str(tmp_path / "gold.jsonl"), str(tmp_path / "gold.jsonl"), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(out.stdout)
    assert result["entities"]["micro"]["f"] == pytest.approx(100.0, abs=0.01)
    assert result["claims"]["attributed"]["f"] == pytest.approx(100.0, abs=0.01)


def test_evaluate_prints_dev_and_heldout_side_by_side(tmp_path):
    """`claimx evaluate` with no files runs the pipeline on both sets (here small ones written for the test)."""
    (tmp_path / "eval").mkdir()
    (tmp_path / "bench").mkdir()
    dev = {"id": "d1", "text": "“Harga naik,” ujar Sri di Bandung.", "entities": [], "claims": []}
    (tmp_path / "eval" / "dev.jsonl").write_text(json.dumps(dev, ensure_ascii=False) + "\n")
    (tmp_path / "bench" / "news.jsonl").write_text(json.dumps({"id": "t1", "outlet": "X", "text": TEXT}) + "\n")
    (tmp_path / "ref.jsonl").write_text(json.dumps(_reference()) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "--shared", str(tmp_path), "--heldout", str(tmp_path / "ref.jsonl")])
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.split() == ["dev", "held-out", "gap"]
    attributed = next(line for line in lines if line.startswith("claims attributed F1"))
    assert attributed.split()[-3:] == ["0.00", "100.00", "-100.00"]  # dev has no gold claim; held-out's one is found


def test_evaluate_without_shared_data_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--shared", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "dev.jsonl: not found" in result.output


def test_shared_folder_is_where_the_tests_expect_it():
    assert SHARED.name == "shared"
