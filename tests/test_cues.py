"""The cue lexicon (data file and loader) and the cue matcher."""

import pytest

from claimx.lang.reporting import VOICES, cue_lexicon, pronouns, word_classes


def test_lexicon_entries_are_well_formed():
    lexicon = cue_lexicon()
    assert len(lexicon) > 80
    for form, entry in lexicon.items():
        assert form == form.lower().strip() and entry.voice in VOICES and entry.stance


@pytest.mark.parametrize(
    ("form", "lemma", "voice", "stance"),
    [
        ("mengatakan", "kata", "active", "assert"),
        ("membantah", "bantah", "active", "deny"),
        ("mengonfirmasi", "konfirmasi", "active", "confirm"),
        ("mengklaim", "klaim", "active", "claim"),
        ("mengakui", "aku", "active", "admit"),
        ("melaporkan", "lapor", "active", "report"),
        ("memperingatkan", "peringat", "active", "warn"),
        ("ujar", "ujar", "base", "assert"),
        ("dilaporkan", "lapor", "passive", "report"),
        ("menurut", "turut", "phrase", "according"),
        ("seperti dilaporkan", "lapor", "phrase", "report"),
        ("pernyataan", "nyata", "noun", "assert"),
    ],
)
def test_lexicon_forms(form, lemma, voice, stance):
    entry = cue_lexicon()[form]
    assert (entry.lemma, entry.voice, entry.stance) == (lemma, voice, stance)


def test_word_classes_and_pronouns():
    classes = word_classes()
    assert {"bahwa", "jika"} <= classes["complementizer"]
    assert "belum" in classes["negation"]
    assert pronouns()["beliau"].animacy == "person"
    assert pronouns()["mereka"].number == "plural"


def test_matcher_finds_cues_without_their_clitic(nlp):
    doc = nlp('"Aman," ujarnya. Menurutnya, harga turun. Ia menegaskan stok cukup.')
    cues = [(c.text, c._.cue.voice, c._.cue.stance) for c in doc.spans["cues"]]
    assert cues == [("ujar", "base", "assert"), ("Menurut", "phrase", "according"), ("menegaskan", "active", "assert")]


def test_matcher_prefers_the_longest_phrase_and_blockers(nlp):
    doc = nlp("Harga naik, seperti dilaporkan Antara. Lebih lanjut, Budi hadir.")
    assert [c.text for c in doc.spans["cues"]] == ["seperti dilaporkan"]
