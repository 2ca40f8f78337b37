"""Document-level entity consistency: votes on labels, names spread to their other mentions."""

import pytest
from spacy.tokens import Span

from claimx.components.consistency import majority_labels, make_doc_consistent
from claimx.pipeline import blank


def _doc(text: str, spans: list[tuple[int, int, str]]):
    doc = blank()(text)
    doc.ents = [Span(doc, s, e, label) for s, e, label in spans]
    return doc


def _ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_surname_after_the_full_name_is_the_person():
    doc = _doc(
        "Menteri Pertahanan Rusia Andrei Belousov tiba di Minsk. Belousov menyebut latihan berjalan. "
        "Menurut Belousov, pasukan siap.",
        [(2, 3, "LOC"), (3, 5, "PER"), (7, 8, "LOC")],
    )
    assert _ents(make_doc_consistent(doc)) == [
        ("Rusia", "LOC"), ("Andrei Belousov", "PER"), ("Minsk", "LOC"), ("Belousov", "PER"), ("Belousov", "PER"),
    ]  # fmt: skip


def test_the_majority_label_wins_and_ties_stay():
    doc = _doc("Kiev diserang. Kiev gelap. Kiev membalas.", [(0, 1, "LOC"), (3, 4, "LOC"), (6, 7, "ORG")])
    assert _ents(make_doc_consistent(doc)) == [("Kiev", "LOC")] * 3
    tie = _doc("Arema menang. Arema kalah.", [(0, 1, "ORG"), (3, 4, "LOC")])
    assert _ents(make_doc_consistent(tie)) == [("Arema", "ORG"), ("Arema", "LOC")]


def test_a_full_name_repeated_untagged_is_tagged():
    doc = _doc("Bank Indonesia menaikkan bunga. Kemarin Bank Indonesia rapat.", [(0, 2, "ORG")])
    assert _ents(make_doc_consistent(doc)) == [("Bank Indonesia", "ORG"), ("Bank Indonesia", "ORG")]


def test_one_word_places_and_single_person_tags_do_not_spread():
    doc = _doc("Warga Inggris datang. Mereka belajar bahasa Inggris.", [(1, 2, "LOC")])
    assert _ents(make_doc_consistent(doc)) == [("Inggris", "LOC")]
    once = _doc("Mobil Pajero melaju. Pajero itu berhenti.", [(1, 2, "PER")])
    assert _ents(make_doc_consistent(once)) == [("Pajero", "PER")]


def test_a_name_part_beside_another_capitalised_word_is_left_alone():
    doc = _doc("Joko Widodo hadir. Widodo Santoso juga hadir.", [(0, 2, "PER")])
    assert _ents(make_doc_consistent(doc)) == [("Joko Widodo", "PER")]


def test_majority_labels():
    doc = _doc("A B C", [(0, 1, "PER"), (1, 2, "PER"), (2, 3, "ORG")])
    assert majority_labels(list(doc.ents)) == {"A": "PER", "B": "PER", "C": "ORG"}


def test_a_cut_or_overrun_person_name_is_repaired():
    from claimx.components.consistency import repair_people

    doc = blank()("Kemarin Direktur Utama Didiek Hartantyo bertemu ekonom Indonesia Fithra Faisal di kantor itu.")
    repaired = repair_people(doc, [Span(doc, 4, 5, "PER"), Span(doc, 7, 10, "PER")])
    assert [e.text for e in repaired] == ["Didiek Hartantyo", "Fithra Faisal"]


def test_names_in_a_headline_line_are_left_as_tagged():
    from claimx.components.consistency import repair_people

    doc = blank()("Baca juga: Prabowo Minta Menteri Hemat Anggaran Negara\nIsi berita.")
    (ent,) = repair_people(doc, [Span(doc, 3, 4, "PER")])
    assert ent.text == "Prabowo"


def test_a_repaired_name_that_is_an_account_display_name_is_dropped():
    doc = _doc("Unggahan akun X “Rina Kartika” viral. Rina Kartika membantah.", [(4, 5, "PER"), (9, 11, "PER")])
    assert _ents(make_doc_consistent(doc)) == [("Rina Kartika", "PER")]


def test_the_name_after_a_bare_speech_verb_is_a_person_throughout():
    doc = _doc(
        "“Kami siap,” kata Guardiola. Pekan lalu Guardiola kalah. “Sulit,” ujar Direktur Budi. Guardiola pulang.",
        [],
    )
    assert _ents(make_doc_consistent(doc)) == [("Guardiola", "PER")] * 3


@pytest.mark.parametrize(
    "text",
    [
        "“Kami siap,” kata dia kemarin.",  # a pronoun
        "“Kami siap,” kata Kepala Dinas itu.",  # a title
        "“Kami siap,” kata Jakarta Selatan.",  # a gazetteer name
        "“Kami siap,” tutur Pemerintah Kota.",  # everyday words
    ],
)
def test_no_person_after_a_speech_verb_without_a_name(text):
    assert [e.label_ for e in make_doc_consistent(_doc(text, [])).ents if e.label_ == "PER"] == []


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Silang pendapat itu belum selesai.", [(0, 1, "PER")], []),
        (
            "Kata Budi Harapan, Harapan senang.",
            [(1, 3, "PER"), (4, 5, "PER")],
            [("Budi Harapan", "PER"), ("Harapan", "PER")],
        ),
        ("Prabowo hadir di acara itu.", [(0, 1, "PER")], [("Prabowo", "PER")]),
        ("Harapan warga itu tinggi.", [(0, 1, "ORG")], [("Harapan", "ORG")]),
    ],
)
def test_a_one_word_person_that_is_an_everyday_word_is_dropped(text, spans, expected):
    assert _ents(make_doc_consistent(_doc(text, spans))) == expected


def test_a_one_word_organisation_tagged_twice_spreads_inside_sentences():
    doc = _doc(
        "Laporan Reuters menyebut harga naik. Menurut Reuters, stok turun. Data dari Reuters dirilis. Reuters Pagi tayang.",
        [(1, 2, "ORG"), (7, 8, "ORG")],
    )
    assert _ents(make_doc_consistent(doc)) == [("Reuters", "ORG")] * 3
    once = _doc("Laporan Reuters menyebut harga naik. Data dari Reuters dirilis.", [(1, 2, "ORG")])
    assert _ents(make_doc_consistent(once)) == [("Reuters", "ORG")]
