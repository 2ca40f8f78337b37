"""claimx_entities: gazetteer, guideline clean-up rules, canonical forms; the shipped NER model."""

import pytest
from spacy.tokens import Doc, Span

import claimx
from claimx.lang.gazetteer import canonical_forms
from claimx.lang.titles import title_length
from claimx.pipeline import blank, default_model_path


@pytest.fixture(scope="module")
def rules():
    """A model-free pipeline: the claimx tokenizer and the entity rules only."""
    nlp = blank()
    nlp.add_pipe("claimx_entities")
    return nlp


def _run(nlp, text: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """Run the rules over ``text`` with the given model entities (token offsets)."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
    return nlp.get_pipe("claimx_entities")(doc)


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in doc.ents]


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("AS", "Amerika Serikat"),
        ("Korut", "Korea Utara"),
        ("Kemenlu", "Kementerian Luar Negeri"),
        ("Moscow", "Moskow"),
        ("JAKARTA", "Jakarta"),
    ],
)
def test_canonical_forms(alias, canonical):
    assert canonical_forms()[alias] == canonical


def test_title_length_keeps_the_name():
    doc = blank()("Menteri Luar Negeri Gus Budi")
    assert title_length(doc[:]) == 4
    assert title_length(doc[:1]) == 0


def test_gazetteer_names_and_canonical(rules):
    doc = _run(rules, "Utusan Korut dan Kemenlu bertemu di Jakarta.")
    assert _ents(doc) == [("Korut", "LOC"), ("Kemenlu", "ORG"), ("Jakarta", "LOC")]
    assert [ent._.canonical for ent in doc.ents] == ["Korea Utara", "Kementerian Luar Negeri", "Jakarta"]


def test_gazetteer_wins_over_a_shorter_or_mislabelled_span(rules):
    doc = _run(rules, "Warga Amerika Serikat dan Israel hadir.", [(1, 2, "LOC"), (4, 5, "PER")])
    assert _ents(doc) == [("Amerika Serikat", "LOC"), ("Israel", "LOC")]


def test_person_span_that_swallowed_a_country_is_split(rules):
    doc = _run(rules, "Presiden AS Budi Santoso tiba.", [(0, 4, "PER")])
    assert _ents(doc) == [("AS", "LOC"), ("Budi Santoso", "PER")]


def test_titles_stay_outside_person_spans(rules):
    doc = _run(rules, "Kata Gus Ipul dan Irjen Agus kemarin.", [(1, 3, "PER"), (4, 6, "PER")])
    assert _ents(doc) == [("Ipul", "PER"), ("Agus", "PER")]


def test_a_lone_title_is_not_an_entity(rules):
    assert _ents(_run(rules, "Dubes itu datang.", [(0, 1, "ORG")])) == []


def test_generic_word_before_a_place_gives_the_place(rules):
    doc = _run(rules, "Pemprov Jawa Barat menyetujui.", [(0, 3, "ORG")])
    assert _ents(doc) == [("Jawa Barat", "LOC")]


def test_administrative_word_joins_the_place_but_not_after_a_title(rules):
    assert _ents(_run(rules, "Ia pindah ke Kota Sawahlunto.", [(4, 5, "LOC")])) == [("Kota Sawahlunto", "LOC")]
    assert _ents(_run(rules, "Wali Kota Sawahlunto hadir.", [(2, 3, "LOC")])) == [("Sawahlunto", "LOC")]


def test_named_facility_is_one_location(rules):
    doc = _run(rules, "Ia mendarat di Bandara Soekarno-Hatta pagi ini.", [(4, 5, "PER")])
    assert _ents(doc) == [("Bandara Soekarno-Hatta", "LOC")]


def test_spans_are_cut_at_brackets_and_acronyms_follow(rules):
    doc = _run(rules, "Menurut Badan Cuaca Nasional (BCN) hari ini cerah.", [(1, 5, "ORG")])
    assert _ents(doc) == [("Badan Cuaca Nasional", "ORG"), ("BCN", "ORG")]


def test_name_parts_of_a_person_are_persons(rules):
    doc = _run(rules, "Rina Wulandari datang. Kata Wulandari, ia senang.", [(0, 2, "PER")])
    assert _ents(doc) == [("Rina Wulandari", "PER"), ("Wulandari", "PER")]


def test_known_non_entities_are_dropped(rules):
    assert _ents(_run(rules, "Kasus HIV naik.", [(1, 2, "ORG")])) == []


def test_words_after_an_honorific_or_rank_are_a_person(rules):
    doc = _run(rules, "Menurut Kompol Sutrisno dan Gus Ipul, jalan ditutup.")
    assert _ents(doc) == [("Sutrisno", "PER"), ("Ipul", "PER")]


def test_a_minister_abbreviation_is_followed_by_a_person_or_a_known_place(rules):
    assert _ents(_run(rules, "Kata Menlu Sugiono di Tokyo.")) == [("Sugiono", "PER"), ("Tokyo", "LOC")]
    assert _ents(_run(rules, "Menlu AS hadir.")) == [("AS", "LOC")]


def test_an_honorific_closing_a_longer_title_is_no_cue(rules):
    assert _ents(_run(rules, "Direktur Jenderal Strategi Ekonomi hadir.")) == []


def test_opening_words_and_vessels_are_not_names(rules):
    doc = _run(rules, "Melansir Kompas.com, kapal USS Nimitz berlayar.", [(0, 2, "ORG"), (4, 6, "ORG")])
    assert _ents(doc) == [("Kompas.com", "ORG")]


def test_an_acronym_keeps_its_label_across_the_document(rules):
    text = "Survei Lembaga Data Kita (LDK) terbit. Menurut LDK, hasilnya baik."
    doc = _run(rules, text, [(1, 4, "ORG")])
    assert _ents(doc) == [("Lembaga Data Kita", "ORG"), ("LDK", "ORG"), ("LDK", "ORG")]


def test_initials_after_berinisial_are_a_person_throughout(rules):
    doc = _run(rules, "Polisi menahan pria berinisial RS di kantor. RS mengaku menyesal.")
    assert _ents(doc) == [("RS", "PER"), ("RS", "PER")]


def test_the_name_word_of_a_facility_alone_is_the_place(rules):
    doc = _run(rules, "Penerbangan dari Bandara Sultan Hasanuddin dibuka. Hasanuddin kembali ramai.")
    assert _ents(doc)[0] == ("Bandara Sultan Hasanuddin", "LOC")
    doc = _run(rules, "Ia tiba di Bandara Juanda pagi ini. Juanda sedang ramai.")
    assert _ents(doc) == [("Bandara Juanda", "LOC"), ("Juanda", "LOC")]


def test_hyphen_joined_names_are_split(rules):
    doc = _run(rules, "Perang Iran-Israel dan jalur Jogja-Solo ramai.")
    assert _ents(doc) == [("Iran", "LOC"), ("Israel", "LOC"), ("Jogja", "LOC"), ("Solo", "LOC")]
    assert doc.text == "Perang Iran-Israel dan jalur Jogja-Solo ramai."
    assert [t.text for t in _run(rules, "Bandara Soekarno-Hatta")] == ["Bandara", "Soekarno-Hatta"]


def test_names_glued_to_words_are_cut_out(rules):
    doc = _run(rules, "Regulasi diAmerika Serikat dan akunFacebookbernama Sinar.")
    assert _ents(doc) == [("Amerika Serikat", "LOC"), ("Facebook", "ORG")]
    assert doc.text == "Regulasi diAmerika Serikat dan akunFacebookbernama Sinar."


@pytest.mark.skipif(default_model_path() is None, reason="no trained model in models/claimx-id")
def test_shipped_model_tags_people_and_places_offline():
    nlp = claimx.load()
    assert "ner" in nlp.pipe_names
    doc = nlp("Presiden Joko Widodo meresmikan jembatan di Surabaya, Jawa Timur, pada Senin.")
    ents = _ents(doc)
    assert ("Joko Widodo", "PER") in ents
    assert ("Surabaya", "LOC") in ents
    assert next(ent for ent in doc.ents if ent.text == "Joko Widodo")._.canonical == "Joko Widodo"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Kepala Dinas Kesehatan Budi Santoso hadir.",
            (1, 5, "ORG"),
            [("Dinas Kesehatan", "ORG"), ("Budi Santoso", "PER")],
        ),
        ("Wali Kota Bandung Rina Kartika hadir.", (2, 5, "LOC"), [("Bandung", "LOC"), ("Rina Kartika", "PER")]),
        (
            "Direktur PT Pertamina Nicke Widyawati hadir.",
            (1, 5, "ORG"),
            [("PT Pertamina", "ORG"), ("Nicke Widyawati", "PER")],
        ),
        ("Ketua Mahkamah Konstitusi hadir.", (1, 3, "ORG"), [("Mahkamah Konstitusi", "ORG")]),
        ("Kapolda Metro Jaya hadir.", (1, 3, "LOC"), [("Metro Jaya", "LOC")]),
        ("Warga Dinas Kesehatan Budi Santoso hadir.", (1, 5, "ORG"), [("Dinas Kesehatan Budi Santoso", "ORG")]),
    ],
)
def test_unit_after_a_title_gives_up_the_person_who_ends_it(rules, text, span, expected):
    assert _ents(_run(rules, text, [span])) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Polda Jawa Tengah menangkap pelaku.", (1, 3, "LOC"), [("Polda Jawa Tengah", "ORG")]),
        ("Kasat Satlantas Polresta Bogor Kota hadir.", (3, 6, "LOC"), [("Satlantas Polresta Bogor Kota", "ORG")]),
        ("Warga Bogor Kota hadir.", (1, 3, "LOC"), [("Bogor Kota", "LOC")]),
    ],
)
def test_regional_unit_and_its_place_are_one_organisation(rules, text, span, expected):
    assert _ents(_run(rules, text, [span])) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Dilansir dari liputan6.com, harga beras naik.", [], [("liputan6.com", "ORG")]),
        ("Hal itu dikutip dari Merdeka.com dan detik.com.", [], [("Merdeka.com", "ORG"), ("detik.com", "ORG")]),
        ("Menurut cekfakta.tempo.co, klaim itu salah.", [(1, 2, "PER")], [("cekfakta.tempo.co", "ORG")]),
        ("Situs turnbackhoax.id membantah kabar itu.", [], [("turnbackhoax.id", "ORG")]),
        ("Baca di https://www.kompas.com/read/2025 kemarin.", [], []),
        ("Kirim surel ke redaksi@kompas.com sekarang.", [], []),
    ],
)
def test_a_web_address_is_an_organisation(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warga menyambut acara itu dengan antusias. (tfa/dim)", [("tfa", "ORG"), ("dim", "PER")]),
        ("Pertandingan berakhir imbang.\n(goal/yp)\nBaca juga: Hasil laga", [("goal", "ORG"), ("yp", "PER")]),
        ("Harga cabai turun. (mdk/rnd/frs)", [("mdk", "ORG"), ("rnd", "PER"), ("frs", "PER")]),
        ("Pelaku dipidana penjara dan denda (dan/atau) sesuai aturan.", []),
        ("Jawab saja (ya/tidak)", []),
    ],
)
def test_a_source_tag_names_the_outlet_and_its_editors(rules, text, expected):
    assert _ents(_run(rules, text)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Razia truk over dimension over load (ODOL) digelar. Truk ODOL ditilang.",
            [(6, 7, "ORG"), (12, 13, "ORG")],
            [],
        ),
        ("Kelompok lelaki seks lelaki (LSL) rentan.", [(5, 6, "ORG")], []),
        ("Lelang surat berharga negara (SBN) dibuka.", [(5, 6, "ORG")], []),
        (
            "Kata Komisi Pemberantasan Korupsi (KPK) kemarin.",
            [(1, 4, "ORG")],
            [("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG")],
        ),
        ("Kata pihak Kemenkes (KKS) kemarin.", [(2, 3, "ORG"), (4, 5, "ORG")], [("Kemenkes", "ORG"), ("KKS", "ORG")]),
    ],
)
def test_an_acronym_spelled_out_in_lowercase_is_no_name(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Korban dirawat di Rumah Sakit Harapan Kita sejak pagi.",
            [(3, 7, "LOC")],
            [("Rumah Sakit Harapan Kita", "ORG")],
        ),
        ("Siswa SMPN 3 Depok mengikuti lomba.", [(1, 4, "LOC")], [("SMPN 3 Depok", "ORG")]),
        ("Koleksi Museum Nasional bertambah.", [], [("Museum Nasional", "ORG")]),
        (
            "Rektor Universitas Gadjah Mada Ova Emilia hadir.",
            [(4, 6, "PER")],
            [("Universitas Gadjah Mada", "ORG"), ("Ova Emilia", "PER")],
        ),
        ("Ia menginap di Hotel Borobudur kemarin.", [], [("Hotel Borobudur", "LOC")]),
        (
            "Kata ekonom Universitas Indonesia Fithra Faisal kemarin.",
            [(2, 6, "ORG")],
            [("Universitas Indonesia", "ORG"), ("Fithra Faisal", "PER")],
        ),
    ],
)
def test_an_institution_housed_in_a_building_is_an_organisation(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Marquez menang di MotoGP Italia 2025 kemarin.", [(0, 1, "PER"), (4, 5, "LOC")], [("Marquez", "PER")]),
        ("Timnas lolos ke Piala Asia 2027.", [(4, 5, "LOC")], []),
        ("Ia bermain di Liga Malaysia musim ini.", [(4, 5, "LOC")], []),
        ("Warga memilih dalam Pilkada Jakarta 2024.", [(4, 5, "LOC")], []),
        ("Ia tinggal di Jakarta sejak 2024.", [(3, 4, "LOC")], [("Jakarta", "LOC")]),
    ],
)
def test_a_place_inside_an_event_name_is_no_entity(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Beredar unggahan akun Facebook “Budi Santoso” soal harga. Budi Santoso adalah warga.",
            [(3, 4, "ORG"), (5, 7, "PER"), (11, 13, "PER")],
            [("Facebook", "ORG"), ("Budi Santoso", "PER")],
        ),
        ('Video diunggah kanal YouTube "Rina Kartika" kemarin.', [(3, 4, "ORG"), (5, 7, "PER")], [("YouTube", "ORG")]),
        ("Akun bernama “Sinar Jaya” menyebarkan kabar itu.", [(3, 5, "ORG")], []),
        ("Kata “Budi Santoso” itu muncul di spanduk.", [(2, 4, "PER")], [("Budi Santoso", "PER")]),
    ],
)
def test_an_account_display_name_in_quotes_is_no_entity(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Wisatawan memadati Yogyakarta (YK) pekan ini. Hotel di YK penuh.",
            [(2, 3, "LOC"), (4, 5, "ORG"), (11, 12, "ORG")],
            [("Yogyakarta", "LOC"), ("YK", "LOC"), ("YK", "ORG")],
        ),
        (
            "Kata Susilo Bambang Yudhoyono (SBY) kemarin.",
            [(1, 4, "PER"), (5, 6, "ORG")],
            [("Susilo Bambang Yudhoyono", "PER"), ("SBY", "PER")],
        ),
        ("Kata Budi Santoso (Ketua) kemarin.", [(1, 3, "PER")], [("Budi Santoso", "PER")]),
        (
            "Badan Gizi Nasional (BGN) hadir. BGN menyatakan siap.",
            [(0, 3, "ORG"), (4, 5, "LOC")],
            [("Badan Gizi Nasional", "ORG"), ("BGN", "ORG"), ("BGN", "ORG")],
        ),
    ],
)
def test_a_bracketed_acronym_takes_the_label_of_the_name_before_it(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Hal itu dilansir dari Sky Sports, Senin.", [(4, 5, "LOC")], [("Sky Sports", "ORG")]),
        ("Informasi itu dikutip dari laman Mayo Clinic kemarin.", [], [("Mayo Clinic", "ORG")]),
        ("Melansir Reuters, harga minyak naik.", [(1, 2, "PER")], [("Reuters", "ORG")]),
        ("Dilansir dari laman resmi, harga naik.", [], []),
        ("Dilansir dari Antara, Rabu.", [(2, 3, "ORG")], [("Antara", "ORG")]),
    ],
)
def test_the_name_after_a_channel_cue_is_an_organisation(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


def test_a_name_part_that_is_an_everyday_word_does_not_spread(rules):
    doc = _run(rules, "Budi Harapan datang. Harapan warga tinggi, kata Harapan.", [(0, 2, "PER")])
    assert _ents(doc) == [("Budi Harapan", "PER")]
    doc = _run(rules, "Budi Wiratama datang. Kata Wiratama, warga senang.", [(0, 2, "PER")])
    assert _ents(doc) == [("Budi Wiratama", "PER"), ("Wiratama", "PER")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Program MBG dimulai pekan depan.", (1, 2, "ORG")),
        ("KPK menggelar OTT di Bekasi.", (2, 3, "ORG")),
        ("Pelaku masuk daftar DPO polisi.", (3, 4, "ORG")),
        ("Rekaman CCTV memperlihatkan pelaku.", (1, 2, "ORG")),
        ("Guru PPPK menerima gaji.", (1, 2, "ORG")),
    ],
)
def test_programmes_procedures_and_documents_are_no_entities(rules, text, span):
    acronym = text.split()[span[0]]
    assert acronym not in [entity for entity, _ in _ents(_run(rules, text, [span]))]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Bobotoh mendukung Persib di laga itu.", [(2, 3, "LOC")], [("Persib", "ORG")]),
        (
            "Chelsea menang atas Arsenal kemarin.",
            [(0, 1, "LOC"), (3, 4, "PER")],
            [("Chelsea", "ORG"), ("Arsenal", "ORG")],
        ),
        ("Menurut Mafindo, kabar itu hoaks.", [], [("Mafindo", "ORG")]),
        ("PSM Makassar kalah di kandang.", [(1, 2, "LOC")], [("PSM Makassar", "ORG")]),
    ],
)
def test_football_clubs_and_fact_checkers_are_organisations(rules, text, spans, expected):
    assert _ents(_run(rules, text, spans)) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Penyidik Ditreskrimum Polda Metro Jaya memeriksa saksi.",
            (3, 5, "LOC"),
            [("Ditreskrimum Polda Metro Jaya", "ORG")],
        ),
        ("Anggota Satreskrim Polres Bogor menangkap pelaku.", (3, 4, "LOC"), [("Satreskrim Polres Bogor", "ORG")]),
        ("Prajurit Kopassus TNI berlatih.", (2, 3, "ORG"), [("Kopassus TNI", "ORG")]),
    ],
)
def test_a_police_or_military_sub_unit_before_its_parent_is_one_organisation(rules, text, span, expected):
    assert _ents(_run(rules, text, [span])) == expected
