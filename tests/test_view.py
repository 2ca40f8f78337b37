"""claimx.render (claimx.view): displaCy span markup with entities and each claim's parts linked by number."""

import pytest

import claimx
from claim_records import sample_records
from claimx.view import highlights


def test_labels_link_content_cue_source_and_via():
    vaksin, hujan, _ = sample_records()
    labels = [h.label for h in highlights(vaksin, entities=False)]
    assert labels == ["CLAIM 1", "CUE 1", "SOURCE 1", "CLAIM 2", "CUE 2", "SOURCE 2 → Budi Santoso"]
    labels = [h.label for h in highlights(hujan, entities=False)]
    assert "VIA 2" in labels and "SOURCE 2" in labels
    assert labels[-2:] == ["CLAIM 3", "CUE 3"]  # agentless passive: no source


def test_via_without_offsets_shows_in_the_source_label():
    vaksin = sample_records()[0]
    vaksin["claims"][0]["via"] = "Kemenkes"
    assert highlights(vaksin, entities=False)[0].label == "CLAIM 1 via Kemenkes"
    del vaksin["claims"][0]["source_start"]
    assert highlights(vaksin, entities=False)[0].label == "CLAIM 1 ← Budi Santoso via Kemenkes"


def test_labels_show_details_on_hover_and_are_escaped():
    first = highlights(sample_records()[0], entities=False)[0]
    assert first.details.startswith("kind: indirect; source: Budi Santoso; resolved: Budi Santoso; cue: mengatakan")
    mark = first.__class__(0, 1, "SOURCE 1 → <A&B>", "#fff", 'say "hi"')
    assert mark.markup() == '<span title="say &quot;hi&quot;">SOURCE 1 → &lt;A&amp;B&gt;</span>'


def test_render_returns_span_markup_with_every_highlight():
    vaksin = sample_records()[0]
    markup = claimx.render(vaksin, jupyter=False)
    assert markup.count('<div class="spans"') == 1
    for label in ("PER", "LOC", "CLAIM 1</span>", "CUE 2", "SOURCE 2 → Budi Santoso"):
        assert label in markup
    assert "dosis" in markup and "ujar" in markup


def test_each_paragraph_is_a_block_and_text_is_escaped():
    record = {"id": "x", "text": "Satu <b>.\n\nDua.", "entities": [], "claims": []}
    markup = claimx.render(record, jupyter=False)
    assert markup.count('<div class="spans"') == 2
    assert "&lt;b&gt;" in markup and "<b>" not in markup


def test_an_error_record_cannot_be_rendered():
    with pytest.raises(ValueError, match="empty document"):
        claimx.render(sample_records()[2], jupyter=False)


def test_render_accepts_a_doc(nlp):
    doc = nlp("“Kami siap,” kata Budi.")
    assert "Kami" in claimx.render(doc, jupyter=False)


def test_render_works_on_pipeline_output_whatever_claims_exist(nlp):
    record = claimx.extract("Menurut Budi, harga beras akan naik. “Kami siap,” kata Ani.", nlp=nlp)
    markup = claimx.render(record, jupyter=False)
    assert "beras" in markup
    assert markup.count("CLAIM ") >= len(record["claims"])
