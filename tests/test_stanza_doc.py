"""The stanza Document -> spaCy Doc mapping, on hand-built stanza-shaped analyses (no stanza needed)."""

from types import SimpleNamespace as NS

import pytest
import spacy

from claimx.backends.stanza_doc import to_doc


def word(id, text, head, deprel, upos="NOUN", lemma=None):
    return NS(id=id, text=text, head=head, deprel=deprel, upos=upos, xpos=None, feats=None, lemma=lemma or text.lower())


def token(text, start, *words):
    return NS(text=text, start_char=start, end_char=start + len(text), words=list(words))


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("id").vocab


def test_clitic_multiword_token_splits_into_words_with_exact_offsets(vocab):
    text = "  Buku itu hilang, ujarnya.\n\nIa pergi."
    first = NS(
        tokens=[
            token("Buku", 2, word(1, "Buku", 3, "nsubj")),
            token("itu", 7, word(2, "itu", 1, "det", "DET")),
            token("hilang", 11, word(3, "hilang", 5, "ccomp", "VERB")),
            token(",", 17, word(4, ",", 5, "punct", "PUNCT")),
            token("ujarnya", 19, word(5, "ujar", 0, "root", "VERB"), word(6, "nya", 5, "nsubj", "PRON")),
            token(".", 26, word(7, ".", 5, "punct", "PUNCT")),
        ]
    )
    second = NS(
        tokens=[
            token("Ia", 29, word(1, "Ia", 2, "nsubj", "PRON")),
            token("pergi", 32, word(2, "pergi", 0, "root", "VERB")),
            token(".", 37, word(3, ".", 2, "punct", "PUNCT")),
        ]
    )
    doc = to_doc(vocab, text, NS(sentences=[first, second]))
    assert doc.text == text
    assert [t.text for t in doc] == ["  ", "Buku", "itu", "hilang", ",", "ujar", "nya", ".", "\n\n", "Ia", "pergi", "."]
    ujar, nya = doc[5], doc[6]
    assert (ujar.idx, nya.idx) == (19, 23)
    assert (ujar.dep_, ujar.head.i, nya.dep_, nya.head.i, nya.pos_) == ("ROOT", 5, "nsubj", 5, "PRON")
    assert doc[3].head.i == 5 and doc[1].head.i == 3
    assert [s.text for s in doc.sents] == ["  Buku itu hilang, ujarnya.\n\n", "Ia pergi."]
    assert doc[0].pos_ == "SPACE" and doc[8].pos_ == "SPACE"


def test_multiword_token_that_does_not_spell_its_words_stays_one_token(vocab):
    text = "Katanya begitu"
    sentence = NS(
        tokens=[
            token("Katanya", 0, word(1, "kata", 0, "root", "VERB"), word(2, "dia", 1, "nsubj", "PRON")),
            token("begitu", 8, word(3, "begitu", 1, "advmod", "ADV")),
        ]
    )
    doc = to_doc(vocab, text, NS(sentences=[sentence]))
    assert [t.text for t in doc] == ["Katanya", "begitu"]
    assert (doc[0].lemma_, doc[0].pos_, doc[0].dep_) == ("kata", "VERB", "ROOT")
    assert doc[1].head.i == 0


def test_text_stanza_skipped_becomes_tokens(vocab):
    text = "a \u200b  b"
    sentence = NS(tokens=[token("a", 0, word(1, "a", 0, "root")), token("b", 5, word(2, "b", 1, "dep"))])
    doc = to_doc(vocab, text, NS(sentences=[sentence]))
    assert doc.text == text
    assert all(t.text for t in doc)


def test_empty_and_blank_text(vocab):
    assert len(to_doc(vocab, "", NS(sentences=[]))) == 0
    doc = to_doc(vocab, " \n ", NS(sentences=[]))
    assert doc.text == " \n "


def test_overlapping_tokens_are_refused(vocab):
    sentence = NS(tokens=[token("ab", 0, word(1, "ab", 0, "root")), token("b", 1, word(2, "b", 1, "dep"))])
    with pytest.raises(ValueError, match="overlapping"):
        to_doc(vocab, "ab", NS(sentences=[sentence]))
