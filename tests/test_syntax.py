"""claimx_syntax: parses only the cue and quote sentences, keeps sentences, claims and heads inside sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimx.components.syntax import default_syntax_path, one_tree, target_sentences
from claimx.pipeline import blank, load

TEXT = (
    "Harga beras naik di pasar Cianjur pada pekan ini. "
    '"Kami akan menambah pasokan dari gudang Bulog," kata Kepala Dinas Perdagangan, Budi Santoso. '
    "Pedagang menyambut rencana itu. Menurut Budi, stok cukup sampai akhir tahun.\n"
    "Cuaca cerah sepanjang hari."
)
needs_model = pytest.mark.skipif(default_syntax_path() is None, reason="no syntax model installed")


@pytest.fixture(scope="module")
def pipelines():
    return load(), load(syntax=True)


@needs_model
def test_syntax_sits_before_attribution(pipelines):
    names = pipelines[1].pipe_names
    assert names.index("claimx_syntax") == names.index("claimx_attribution") - 1
    assert "claimx_syntax" not in pipelines[0].pipe_names


@needs_model
def test_only_cue_and_quote_sentences_are_parsed(pipelines):
    doc = pipelines[1](TEXT)
    parsed = [s.text for s in doc.sents if any(t.dep_ for t in s)]
    assert parsed == [s.text for s in target_sentences(doc)]
    assert [s.text.split()[0] for s in target_sentences(doc)] == ['"Kami', "Menurut"]
    for sent in doc.sents:
        if sent.text in parsed:
            assert [t.dep_ for t in sent].count("ROOT") == 1
            assert all(sent.start <= t.head.i < sent.end and t.pos_ for t in sent)
        else:
            assert all(t.head.i == t.i and not t.dep_ and not t.pos_ for t in sent)


@needs_model
def test_sentences_and_claims_stay_as_without_syntax(pipelines):
    plain, parsed = (nlp(TEXT) for nlp in pipelines)
    assert [s.text for s in parsed.sents] == [s.text for s in plain.sents]
    assert [vars(c) for c in parsed._.claims] == [vars(c) for c in plain._.claims]
    assert len(plain._.claims) == 2


@needs_model
def test_a_parsed_document_is_left_alone(pipelines):
    nlp = pipelines[1]
    doc = nlp.make_doc("Budi mengatakan itu.")
    doc = Doc(doc.vocab, words=[t.text for t in doc], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "obj", "punct"])
    doc.spans["cues"] = [doc[1:2]]
    assert [t.dep_ for t in nlp.get_pipe("claimx_syntax")(doc)] == ["nsubj", "ROOT", "obj", "punct"]


def test_one_tree_hangs_extra_roots_on_the_verb():
    nlp = blank()
    doc = Doc(nlp.vocab, words=["Ya", ",", "kata", "Budi"], heads=[0, 0, 2, 2], deps=["ROOT", "punct", "ROOT", "nsubj"])
    doc[2].tag_ = "VERB"
    heads, deps, tags = one_tree(doc)
    assert heads.tolist() == [2, 0, 2, 2]
    assert [nlp.vocab.strings[int(d)] for d in deps] == ["parataxis", "punct", "ROOT", "nsubj"]
    assert nlp.vocab.strings[int(tags[2])] == "VERB"


def test_target_sentences_need_a_cue_or_a_quote():
    nlp = load("blank")
    doc = nlp("Harga naik. Budi mengatakan harga turun. Ia pergi.")
    assert [s.text for s in target_sentences(doc)] == ["Budi mengatakan harga turun."]
    assert target_sentences(doc, max_words=3) == []


@needs_model
def test_fallback_fills_only_a_claim_without_source(pipelines):
    from claimx.claim import Claim

    doc = pipelines[1]('"Kami siap," kata Kepala BNPB Suharyanto. "Ya," kata Budi.')
    cues = doc.spans["cues"]
    claims = [
        Claim(1, 10, "direct", "test", 1.0, cue_start=cues[0].start_char, cue_end=cues[0].end_char),
        Claim(44, 46, "direct", "test", 1.0, cue_start=cues[1].start_char, cue_end=cues[1].end_char,
              source_start=0, source_end=1),
    ]  # fmt: skip
    doc._.claims = claims
    pipelines[1].create_pipe("claimx_syntax_fallback")(doc)
    assert doc.text[claims[0].source_start : claims[0].source_end] == "Kepala BNPB Suharyanto"
    assert (claims[1].source_start, claims[1].source_end) == (0, 1)


def test_unknown_syntax_option_is_refused():
    with pytest.raises(ValueError, match="syntax option"):
        load("blank", syntax="yes")
