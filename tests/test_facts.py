"""Structured facts inside claims: entities, quantities, dates."""

from claims_helpers import claims_of
from claimx.components.facts import claim_facts


def texts(items: list[dict]) -> list[str]:
    return [item["text"] for item in items]


def test_quantities_and_dates_in_a_claim(nlp):
    text = "Menurut Rudi, Korea mengirim sekitar 14.000 personel pada Senin (28/4), termasuk 3.000 tambahan."
    (claim,) = claims_of(nlp, text)
    assert texts(claim["quantities"]) == ["14.000 personel", "3.000"]
    assert texts(claim["dates"]) == ["Senin (28/4)"]
    for item in claim["quantities"] + claim["dates"] + claim["entities"]:
        assert text[item["start"] : item["end"]] == item["text"]
        assert claim["content_start"] <= item["start"] < item["end"] <= claim["content_end"]


def test_money_percent_and_written_dates(nlp):
    doc = nlp("Anggaran Rp 50 triliun naik 40 persen sejak 18 Juni 2025 dan tahun lalu.")
    facts = claim_facts(doc, doc.text, 0, len(doc.text))
    assert texts(facts["quantities"]) == ["Rp 50 triliun", "40 persen"]
    assert texts(facts["dates"]) == ["18 Juni 2025", "tahun lalu"]
