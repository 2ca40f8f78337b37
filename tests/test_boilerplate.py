"""Scraped page furniture is marked, carries no entities, and leaves offsets untouched."""

import pytest
from spacy.tokens import Span

from claimx.lang.boilerplate import find_boilerplate
from claimx.pipeline import load

TEXT = (
    "Menteri Budi Santoso meresmikan jembatan di Bogor.\n"
    "SCROLL TO CONTINUE WITH CONTENT\n"
    "Baca juga: Warga Bogor Sambut Jembatan Baru\n"
    "Baca Juga\n"
    "\n"
    "Jembatan Lama Ditutup\n"
    "[Gambas:Video 20detik]\n"
    "Simak juga Video 'Banjir di Bekasi':\n"
    "Advertisement\n"
    "Posting Komentar\n"
    "Lebih baru Lebih lama"
)


def test_finds_each_kind_with_regions_and_markers():
    found = {m.name: m for m in find_boilerplate(TEXT)}
    assert set(found) == {
        "scroll", "baca-juga", "baca-juga-next-line", "gambas", "simak-video", "advertisement",
        "posting-komentar", "pagination",
    }  # fmt: skip
    baca = found["baca-juga"]
    assert TEXT[slice(*baca.marker)] == "Baca juga:"
    assert TEXT[slice(*baca.region)] == "Baca juga: Warga Bogor Sambut Jembatan Baru"
    assert TEXT[slice(*found["baca-juga-next-line"].region)].endswith("Jembatan Lama Ditutup")
    assert TEXT[slice(*found["gambas"].region)] == "[Gambas:Video 20detik]"


def test_baca_juga_alone_keeps_a_following_sentence():
    text = "Baca Juga\n\n“Kami tidak mengusir siapa pun,” kata Budi.\nBaca juga\nJudul Berita Lain Hari Ini"
    found = find_boilerplate(text)
    assert [(m.name, text[slice(*m.region)]) for m in found] == [
        ("baca-juga-alone", "Baca Juga"),
        ("baca-juga-next-line", "Baca juga\nJudul Berita Lain Hari Ini"),
    ]


def test_ordinary_sentences_are_not_boilerplate():
    assert find_boilerplate("Ia membaca juga buku itu. Iklan rokok dilarang.\nSimak baik-baik.") == []


@pytest.fixture(scope="module")
def nlp():
    return load("blank")


def test_component_marks_spans_and_drops_entities_on_markers(nlp):
    doc = nlp.make_doc(TEXT)
    start = TEXT.index("Baca juga")
    bogor = TEXT.index("Bogor", start)
    doc.ents = [
        doc.char_span(start, start + 4, label="PER"),  # "Baca" tagged by mistake
        doc.char_span(bogor, bogor + 5, label="LOC"),  # a real place in the headline
    ]
    doc = nlp.get_pipe("claimx_boilerplate")(doc)
    assert [e.text for e in doc.ents] == ["Bogor"]
    assert doc.text == TEXT
    regions = {span.label_: span.text for span in doc.spans["boilerplate"]}
    assert regions["advertisement"] == "Advertisement"
    assert all(isinstance(s, Span) for s in doc.spans["boilerplate_markers"])
