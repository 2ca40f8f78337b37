"""claimx's scorer agrees with the reference scorer ../shared/eval/score.py."""

import importlib.util
import json

import pytest

from claimx.evaluate import evaluate_files, format_report, score
from conftest import shared_file


def _reference():
    path = shared_file("eval/score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claim(start, end, source=None, resolved=None, cue=None, kind="indirect"):
    return {
        "content_start": start,
        "content_end": end,
        "source": source,
        "source_resolved": resolved,
        "cue": cue,
        "kind": kind,
    }


GOLD = {
    "a": {
        "id": "a",
        "entities": [{"start": 0, "end": 4, "label": "PER"}, {"start": 10, "end": 15, "label": "LOC"}],
        "claims": [
            _claim(20, 60, "nya", "Budi Santoso", "ujar", "direct"),
            _claim(70, 90, None, None, "disebut"),
            _claim(100, 140, "Menlu", "Retno Marsudi", "kata"),
        ],
    },
    "b": {"id": "b", "entities": [{"start": 3, "end": 8, "label": "ORG"}], "claims": [_claim(0, 30, "KPK", "KPK")]},
}

CASES = {
    "asymmetric": {
        "a": {
            "id": "a",
            "entities": [{"start": 0, "end": 4, "label": "PER"}, {"start": 10, "end": 15, "label": "ORG"}],
            "claims": [
                _claim(22, 60, "nya", "Pak Budi", "Ujar", "direct"),
                _claim(70, 88, None, None, "disebut"),
                _claim(100, 115, "Menlu", "Retno Marsudi", "kata"),
                _claim(150, 170, "ia", None, "kata"),
                _claim(200, 220, "ia", None, "kata"),
            ],
        }
    },
    "empty": {},
    "null_sources": {
        "a": {"id": "a", "claims": [_claim(20, 60), _claim(70, 90, "mereka", "Polri")]},
        "b": {"id": "b", "claims": [_claim(0, 30, "pihak KPK", None)]},
    },
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_agrees_with_reference_on_edge_cases(case):
    reference = _reference().score(GOLD, CASES[case])
    ours = score(GOLD, CASES[case])
    for key in ("documents", "entities"):
        assert ours[key] == reference[key]
    for key, value in reference["claims"].items():
        assert ours["claims"][key] == value, key


def test_edge_cases_measure_what_they_should():
    asym = score(GOLD, CASES["asymmetric"])
    assert (asym["claims"]["detected"]["p"], asym["claims"]["detected"]["r"]) == (60.0, 75.0)
    assert asym["entities"]["micro"]["tp"] == 1
    assert score(GOLD, CASES["empty"])["claims"]["detected"]["f"] == 0.0
    # a null gold source only matches a null prediction, and vice versa; "pihak KPK" names KPK
    assert score(GOLD, CASES["null_sources"])["claims"]["attributed"]["tp"] == 1


def test_agrees_with_reference_on_dev_gold_against_seed_like_prediction(tmp_path):
    dev = shared_file("eval/dev.jsonl")
    # A degraded prediction: every other claim dropped, sources replaced by the surface form.
    pred_path = tmp_path / "pred.jsonl"
    with open(dev, encoding="utf-8") as src, open(pred_path, "w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            record["claims"] = [dict(c, source_resolved=None) for c in record["claims"][::2]]
            record["entities"] = record["entities"][1::2]
            out.write(json.dumps(record) + "\n")
    reference = _reference()
    expected = reference.score(reference.load(str(dev)), reference.load(str(pred_path)))
    ours = evaluate_files(dev, pred_path)
    assert ours["entities"] == expected["entities"]
    for key, value in expected["claims"].items():
        assert ours["claims"][key] == value, key
    assert format_report(ours).splitlines()[1].startswith("entities   P")


def test_a_document_that_fails_in_the_pipeline_is_an_error_not_zero_claims():
    import spacy

    from claimx.evalsets import PredictionError, predict

    nlp = spacy.blank("id")

    @spacy.Language.component("claimx_test_explodes")
    def explodes(doc):
        raise RuntimeError("boom")

    nlp.add_pipe("claimx_test_explodes")
    with pytest.raises(PredictionError, match="d1: .*boom"):
        predict(nlp, [{"id": "d1", "text": "Budi mengatakan stok aman."}])
