"""Source resolution: pronouns, the clitic nya, titles, surnames, acronyms, anaphoric phrases."""

import pytest

from claims_helpers import claims_of


def resolved(nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(c["source"], c["source_resolved"]) for c in claims_of(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rudi Hartono mengatakan stok aman. Ia menambahkan, harga akan stabil.",
            [("Rudi Hartono", "Rudi Hartono"), ("Ia", "Rudi Hartono")],
        ),
        ('Rudi Hartono hadir di pasar. "Stok aman," ujarnya.', [("nya", "Rudi Hartono")]),
        ("Rudi Hartono hadir di pasar. Menurutnya, harga turun.", [("nya", "Rudi Hartono")]),
        ("Rudi Hartono hadir di pasar. Beliau menilai harga wajar.", [("Beliau", "Rudi Hartono")]),
        (
            "Direktur Utama Andi Saputra hadir. Saputra menyebut perusahaan untung.",
            [("Saputra", "Andi Saputra")],
        ),
        (
            "Menteri Sosial (Mensos) Sinta Dewi hadir. Mensos mengatakan bantuan cair besok.",
            [("Mensos", "Sinta Dewi")],
        ),
        (
            "Badan Meteorologi Nasional (BMN) merilis data. BMN menyebut hujan turun sepekan.",
            [("BMN", "Badan Meteorologi Nasional")],
        ),
        (
            "Menurut keterangan dari pihak Kementerian Pertanian, panen naik.",
            [("keterangan dari pihak Kementerian Pertanian", "Kementerian Pertanian")],
        ),
        (
            "Menurut sumber dekat keluarga, pernikahan ditunda. Sumber tersebut mengatakan tanggal belum ditetapkan.",
            [
                ("sumber dekat keluarga", "sumber dekat keluarga (tidak disebutkan namanya)"),
                ("Sumber tersebut", "sumber dekat keluarga (tidak disebutkan namanya)"),
            ],
        ),
        (
            '"Kami siap," kata Andi Saputra. "Semua beres," kata pengusaha itu.',
            [("Andi Saputra", "Andi Saputra"), ("pengusaha itu", "Andi Saputra")],
        ),
        (
            "Kementerian Pertanian menyatakan panen naik. Mereka menilai harga akan turun.",
            [("Kementerian Pertanian", "Kementerian Pertanian"), ("Mereka", "Kementerian Pertanian")],
        ),
    ],
)
def test_resolution(nlp, text, expected):
    assert resolved(nlp, text) == expected


def test_speaker_continuity_and_a_new_subject(nlp):
    text = (
        '"Stok aman," kata Rudi Hartono. "Harga stabil," ujarnya.\n'
        "Sementara itu, pengamat pangan Sinta Dewi punya pandangan lain. Dia menilai harga akan naik."
    )
    assert [r for _, r in resolved(nlp, text)] == ["Rudi Hartono", "Rudi Hartono", "Sinta Dewi"]


def test_day_names_are_never_antecedents(nlp):
    text = "Rudi Hartono hadir pada Senin (28/4). Selasa pagi hujan. Ia mengatakan panen aman."
    assert resolved(nlp, text) == [("Ia", "Rudi Hartono")]


def test_unnamed_groups_keep_their_description(nlp):
    assert resolved(nlp, "Mayoritas responden menilai layanan membaik.") == [
        ("Mayoritas responden", "Mayoritas responden")
    ]


def test_nickname_resolves_to_the_full_name(nlp):
    text = "Menteri Agama Ahmad Fauzi, yang akrab disapa Gus Ozi, hadir. Ozi mengatakan haji aman."
    assert resolved(nlp, text) == [("Ozi", "Ahmad Fauzi")]


def test_glued_words_are_cut_from_names(nlp):
    text = "Duta Besar Rina Kartikajuga hadir. Ia mengatakan kerja sama berlanjut."
    assert resolved(nlp, text) == [("Ia", "Rina Kartika")]


def test_pronoun_without_antecedent_stays_unresolved(nlp):
    assert resolved(nlp, "Ia mengatakan panen aman.") == [("Ia", None)]


def test_entities_from_a_model_are_used_when_present(nlp):
    """With ``doc.ents`` filled (as a trained NER model does), mentions come from the entities."""
    from spacy.tokens import Span

    text = "Kepala Badan Pangan Joko Susilo Wibowo hadir. Wibowo mengatakan stok aman."
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 3, 6, label="PER")]
    for name, component in nlp.pipeline:
        if name != "claimx_entities":
            doc = component(doc)
    assert [(c.source_resolved, text[c.source_start : c.source_end]) for c in doc._.claims] == [
        ("Joko Susilo Wibowo", "Wibowo")
    ]


def test_pihaknya_resolves_to_the_speaker(nlp):
    text = "Wakil Ketua DPR Budi Santoso memastikan rapat digelar. Pihaknya juga menyebut rapat digelar tertutup."
    assert resolved(nlp, text)[1] == ("Pihaknya", "Budi Santoso")


def test_age_in_brackets_is_not_part_of_the_source(nlp):
    assert resolved(nlp, "Seorang warga, Siti (45), mengaku rumahnya terendam.") == [("Siti", "Siti")]


def test_a_quote_goes_to_the_last_person_not_a_collective(nlp):
    text = (
        "Ketua panitia Budi Santoso mengatakan acara aman. Bagi komunitas pecinta alam, kegiatan ini penting.\n"
        '"Kami akan terus menjaga hutan," ujarnya.'
    )
    assert [r for _, r in resolved(nlp, text)][-1] == "Budi Santoso"


def test_noun_cue_with_a_glued_clitic_before_a_colon(nlp):
    text = "Akun Viral Info mengunggah video. Berikut narasi lengkapnya:\n“Mobil listrik akan dilarang tahun depan.”"
    (claim,) = claims_of(nlp, text)
    assert (claim["cue"], claim["source"], claim["source_resolved"]) == ("narasi", "nya", "Akun Viral Info")


def test_mereka_after_an_unnamed_group_is_that_group(nlp):
    text = (
        "Dinas Pertanian menyatakan bahwa pupuk tersedia. Sejumlah petani mengaku kesulitan membeli pupuk. "
        "Mereka menyebut harga di kios terlalu tinggi."
    )
    assert resolved(nlp, text)[-1] == ("Mereka", "Sejumlah petani")


def test_mereka_after_a_named_speaker_is_the_latest_organisation(nlp):
    text = "Dinas Pertanian menyatakan bahwa pupuk tersedia. Mereka menambahkan bahwa stok cukup."
    assert resolved(nlp, text)[-1] == ("Mereka", "Dinas Pertanian")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a restating passive names a new speaker: the next -nya is that speaker, not the last claimant
            "Menteri Keuangan Sri Mulyani mengatakan defisit masih aman. "
            "Hal senada disampaikan ekonom Universitas Indonesia Fithra Faisal. "
            "“Ruang fiskal kita masih cukup lebar,” ujarnya.",
            [("Sri Mulyani", "Sri Mulyani"), ("nya", "Fithra Faisal")],
        ),
        (
            "Kepala BPS Amalia Widyasanti menyebut inflasi terkendali. "
            "Pendapat serupa diungkapkan oleh pengamat pasar modal Hans Kwee. "
            "Menurutnya, investor masih menunggu.",
            [("Amalia Widyasanti", "Amalia Widyasanti"), ("nya", "Hans Kwee")],
        ),
        (  # no named agent: the pronoun keeps the last speaker
            "Bupati Bogor Rudy Susmanto mengatakan jalan sudah diperbaiki. "
            "Hal itu juga disampaikan dalam rapat. “Anggaran sudah cair,” katanya.",
            [("Rudy Susmanto", "Rudy Susmanto"), ("nya", "Rudy Susmanto")],
        ),
    ],
)
def test_a_restating_passive_introduces_its_agent_as_speaker(nlp, text, expected):
    assert resolved(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # title-led description, then the name in commas, before the cue: the name is the source
            "Direktur Eksekutif Indef, Tauhid Ahmad, menilai kebijakan itu terlambat.",
            [("Tauhid Ahmad", "Tauhid Ahmad")],
        ),
        (
            "Kepala Pusat Riset Ekonomi BRIN, Siti Nurhaliza, mengatakan ekspor naik.",
            [("Siti Nurhaliza", "Siti Nurhaliza")],
        ),
        (  # the other order still gives the name
            "Adnan Abu Hasna, Penasihat Media UNRWA mengatakan bantuan tertahan.",
            [("Adnan Abu Hasna", "Adnan Abu Hasna")],
        ),
        (  # after the cue: a position + institution, then the name in commas
            "“Putusan ini sesuai aturan,” kata Guru Besar Hukum Universitas Andalas, Rina Wulandari.",
            [("Rina Wulandari", "Rina Wulandari")],
        ),
        (
            "“Harga mulai stabil,” ujar Ekonom Senior Bank Central Asia, David Sumual, di Jakarta.",
            [("David Sumual", "David Sumual")],
        ),
    ],
)
def test_an_appositive_name_beats_its_title_led_description(nlp, text, expected):
    assert resolved(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a parenthetical between commas after the new subject
            "Menteri Kesehatan Budi Gunadi Sadikin mengatakan vaksin tersedia. "
            "Kepala Dinas Kesehatan DKI Jakarta Ani Ruspitawati, saat dikonfirmasi, membenarkan hal itu. "
            "“Benar, stok kami cukup sampai akhir tahun,” katanya.",
            "Ani Ruspitawati",
        ),
        (
            "Menteri Kesehatan Budi Gunadi Sadikin mengatakan vaksin tersedia. "
            "Wakil Ketua Komisi IX DPR Charles Honoris, yang membidangi kesehatan, mempertanyakan distribusinya. "
            "“Banyak puskesmas di daerah belum menerima vaksin,” ujarnya.",
            "Charles Honoris",
        ),
    ],
)
def test_nya_after_a_new_subject_with_a_parenthetical(nlp, text, speaker):
    assert resolved(nlp, text)[-1] == ("nya", speaker)


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ('"Pernikahan mereka sudah berakhir," kata seorang sumber.', "seorang sumber (tidak disebutkan namanya)"),
        ("Beredar pesan berantai yang menyebutkan bahwa vaksin itu mengandung cip.", "pesan berantai"),
        ("Sejumlah warga mengatakan banjir datang tiba-tiba.", "Sejumlah warga"),
    ],
)
def test_only_an_unnamed_person_is_marked_unnamed(nlp, text, resolved):
    (claim,) = claims_of(nlp, text)
    assert claim["source_resolved"] == resolved


def test_a_description_that_is_only_a_demonstrative_stays_as_written():
    from claimx.components.sources import _unnamed

    assert _unnamed("itu") == "itu" and _unnamed(" ") == " "
    assert _unnamed("seorang petugas itu") == "seorang petugas (tidak disebutkan namanya)"


@pytest.mark.parametrize(
    "between",
    [
        "Wali Kota Bandung Muhammad Farhan dan Gubernur Jabar Dedi Mulyadi harus duduk bersama.",
        "Presiden Joko Widodo serta Menteri Keuangan Sri Mulyani hadir di Istana.",
    ],
)
def test_a_coordinated_subject_is_no_antecedent_of_a_singular_clitic(nlp, between):
    text = f'"Macetnya bakal parah," ujar pakar transportasi Sony Sulaksono. {between} "Harusnya kompak," pungkasnya.'
    claims = claims_of(nlp, text)
    assert claims[-1]["source"] == "nya" and claims[-1]["source_resolved"] == "Sony Sulaksono"


def test_an_appositive_name_in_subject_position_is_the_next_pronouns_antecedent(nlp):
    text = (
        '"Kami siap," kata Kapolri Listyo Sigit. Pengacara tersangka, Rudi Hartono, membantah tuduhan itu. '
        "Menurut dia, kliennya tidak berada di lokasi."
    )
    assert claims_of(nlp, text)[-1]["source_resolved"] == "Rudi Hartono"


def test_a_short_form_resolves_to_its_gazetteer_name_when_the_article_writes_it_out(nlp):
    both = "Kementerian Kesehatan merilis data HIV terbaru. Kemenkes menyebut kasus pada remaja meningkat."
    alone = "Kemenkes menyebut kasus pada remaja meningkat."
    assert claims_of(nlp, both)[0]["source_resolved"] == "Kementerian Kesehatan"
    assert claims_of(nlp, alone)[0]["source_resolved"] == "Kemenkes"  # as written: the article never expands it


@pytest.mark.parametrize(
    ("introduction", "follow"),
    [
        (
            "Tim kami mewawancarai Rina Wati, seorang pedagang di Pasar Senen.",
            '"Harga cabai naik dua kali lipat," ujarnya.',
        ),
        ("Polisi memeriksa Rina Wati, Ketua RT setempat.", "Ia mengatakan pelaku kabur ke arah utara."),
    ],
)
def test_a_person_introduced_with_a_role_is_the_next_pronouns_antecedent(nlp, introduction, follow):
    text = f'"Stok kita cukup," kata Menteri Perdagangan Budi Santoso. {introduction} {follow}'
    assert claims_of(nlp, text)[-1]["source_resolved"] == "Rina Wati"


def test_a_name_followed_by_a_place_is_no_introduction(nlp):
    text = '"Stok kita cukup," kata Menteri Perdagangan Budi Santoso. Ia bertemu Rina Wati, Jakarta. "Harga naik," ujarnya.'
    assert claims_of(nlp, text)[-1]["source_resolved"] == "Budi Santoso"


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        ('Para petani menolak impor beras. "Kami rugi besar," kata mereka.', "mereka", "Para petani"),
        ("Para petani menolak impor beras. Mereka mengatakan bahwa harga gabah turun.", "Mereka", "Para petani"),
        ("Warga mengungsi ke balai desa. Mereka mengaku belum menerima bantuan.", "Mereka", "Warga"),
        ('"Stok aman," ujar menteri asal Bali itu.', "menteri asal Bali itu", "menteri asal Bali"),
    ],
)
def test_plural_pronouns_and_lowercase_nouns_shaped_like_verbs(nlp, text, source, resolved):
    claim = claims_of(nlp, text)[-1]
    assert (claim["source"], claim["source_resolved"]) == (source, resolved)
