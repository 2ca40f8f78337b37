"""Attribution rules: every pattern, with short sentences written for these tests."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims_helpers import claims_of, summary
from conftest import shared_file


def only(nlp, text: str) -> dict:
    (claim,) = claims_of(nlp, text)
    return claim


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            '"Harga beras akan turun," kata Menteri Perdagangan Budi Santoso.',
            ("Harga beras akan turun", "Budi Santoso", "Budi Santoso", "kata", "direct"),
            "quote_cue_source",
        ),
        (
            'Budi Santoso mengatakan, "Kami sudah menyiapkan stok."',
            ("Kami sudah menyiapkan stok.", "Budi Santoso", "Budi Santoso", "mengatakan", "direct"),
            "source_cue_quote",
        ),
        (
            'Ketua panitia Rina Wati: "Acara dimulai pukul delapan."',
            ("Acara dimulai pukul delapan.", "Rina Wati", "Rina Wati", None, "direct"),
            "source_colon_quote",
        ),
        (
            "Budi Santoso mengatakan bahwa stok beras aman hingga akhir tahun.",
            ("stok beras aman hingga akhir tahun", "Budi Santoso", "Budi Santoso", "mengatakan", "indirect"),
            "source_cue_clause",
        ),
        (
            "Budi Santoso mengatakan stok beras aman.",
            ("stok beras aman", "Budi Santoso", "Budi Santoso", "mengatakan", "indirect"),
            "source_cue_clause",
        ),
        (
            "Menurut Budi Santoso, stok beras aman.",
            ("stok beras aman", "Budi Santoso", "Budi Santoso", "Menurut", "indirect"),
            "according",
        ),
        (
            "Stok beras aman hingga Lebaran, menurut Budi Santoso.",
            ("Stok beras aman hingga Lebaran", "Budi Santoso", "Budi Santoso", "menurut", "indirect"),
            "according",
        ),
        (
            "Bantuan sudah disalurkan ke semua desa, Kompas melaporkan.",
            ("Bantuan sudah disalurkan ke semua desa", "Kompas", "Kompas", "melaporkan", "indirect"),
            "clause_cue_source",
        ),
        (
            "Kerugian mencapai Rp 5 miliar, kata Rudi.",
            ("Kerugian mencapai Rp 5 miliar", "Rudi", "Rudi", "kata", "indirect"),
            "clause_cue_source",
        ),
        (
            "Pasokan beras dilaporkan menipis di sejumlah daerah.",
            ("Pasokan beras dilaporkan menipis di sejumlah daerah", None, None, "dilaporkan", "indirect"),
            "passive",
        ),
        (
            "Hasil survei menunjukkan 70 persen warga puas.",
            ("70 persen warga puas", "Hasil survei", "Hasil survei", "menunjukkan", "indirect"),
            "source_cue_clause",
        ),
        (
            'Sari Dewi menyebut program itu "sudah berjalan baik."',
            ('program itu "sudah berjalan baik."', "Sari Dewi", "Sari Dewi", "menyebut", "mixed"),
            "source_cue_clause",
        ),
    ],
)
def test_patterns(nlp, text, expected, rule):
    claim = only(nlp, text)
    assert summary(claim) == expected
    assert claim["rule"] == rule and 0 < claim["confidence"] <= 1


def test_clitic_source_is_three_characters(nlp):
    claim = claims_of(nlp, 'Rudi Hartono hadir. "Stok aman," ujarnya.')[0]
    assert summary(claim) == ("Stok aman", "nya", "Rudi Hartono", "ujar", "direct")
    assert claim["source_end"] - claim["source_start"] == 3


def test_denial_with_manner_clause(nlp):
    claim = only(nlp, "Kementerian Pertanian membantah adanya kelangkaan dengan menyatakan bahwa stok nasional cukup.")
    assert summary(claim) == (
        "stok nasional cukup",
        "Kementerian Pertanian",
        "Kementerian Pertanian",
        "membantah",
        "indirect",
    )
    assert claim["stance"] == "deny"


def test_mid_sentence_cue(nlp):
    claims = claims_of(nlp, "Budi Santoso hadir. Jangan sampai, kata dia, harga naik lagi.")
    assert [summary(c) for c in claims] == [("harga naik lagi", "dia", "Budi Santoso", "kata", "indirect")]
    assert claims[0]["rule"] == "parenthetical_cue"


def test_two_speakers_in_one_sentence(nlp):
    text = "BMKG memperingatkan bahwa cuaca ekstrem berlangsung sepekan, sementara Basarnas menegaskan tim sudah siaga."
    assert [(c["content"], c["source"]) for c in claims_of(nlp, text)] == [
        ("cuaca ekstrem berlangsung sepekan", "BMKG"),
        ("tim sudah siaga", "Basarnas"),
    ]


def test_split_quote_gives_two_claims(nlp):
    claims = claims_of(nlp, '"Ini yang pertama," kata Andi Wijaya, "dan bukan yang terakhir."')
    assert [(c["content"], c["source"], c["cue"], c["rule"]) for c in claims] == [
        ("Ini yang pertama", "Andi Wijaya", "kata", "quote_cue_source"),
        ("dan bukan yang terakhir.", "Andi Wijaya", "kata", "split_quote"),
    ]


def test_continuation_paragraph_inherits_the_speaker(nlp):
    text = 'Rudi Hartono hadir. "Ini pertama kali," ujar dia.\n"Kami akan berjaga di lokasi sampai situasi normal."'
    claims = claims_of(nlp, text)
    assert summary(claims[1]) == (
        "Kami akan berjaga di lokasi sampai situasi normal.",
        "dia",
        "Rudi Hartono",
        None,
        "direct",
    )
    assert claims[1]["rule"] == "continuation"


def test_open_paragraph_takes_the_speaker_of_the_quote_it_runs_into(nlp):
    text = 'Andi Wijaya bicara.\n"Kami akan terus bekerja keras.\n\n"Semua program berjalan," ujarnya.'
    first, second = claims_of(nlp, text)
    assert (first["content"], first["cue"], first["source_resolved"]) == (
        "Kami akan terus bekerja keras.",
        None,
        "Andi Wijaya",
    )
    assert second["cue"] == "ujar"


def test_elided_subject_inherits_the_previous_source(nlp):
    text = "Rina Wati mengatakan bahwa sekolah dibuka. Dan menambahkan bahwa guru sudah siap."
    claims = claims_of(nlp, text)
    assert [(c["content"], c["source"], c["cue"]) for c in claims] == [
        ("sekolah dibuka", "Rina Wati", "mengatakan"),
        ("guru sudah siap", "Rina Wati", "menambahkan"),
    ]


def test_chain_gives_via(nlp):
    claim = only(nlp, '"Kami tidak mundur," tulis kantor berita Antara, mengutip pernyataan Kementerian Pertanian.')
    assert (claim["source"], claim["cue"], claim["via"]) == ("kantor berita Antara", "tulis", "Kementerian Pertanian")


def test_postposed_cue_then_a_relay_gives_via_not_a_parenthetical(nlp):
    claim = only(nlp, "Harga gabah turun tajam, tulis kantor berita Antara, mengutip pernyataan Kementerian Pertanian.")
    assert (claim["content"], claim["source"], claim["cue"], claim["via"], claim["rule"]) == (
        "Harga gabah turun tajam",
        "kantor berita Antara",
        "tulis",
        "Kementerian Pertanian",
        "clause_cue_source",
    )


def test_relayed_report_gives_via(nlp):
    claim = only(nlp, "Antara melaporkan bahwa Kementerian Pertanian menyebut panen naik tahun ini.")
    assert (claim["content"], claim["source"], claim["via"]) == (
        "panen naik tahun ini",
        "Antara",
        "Kementerian Pertanian",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Juru bicara polisi belum mengonfirmasi kabar tersebut.",
        "Polisi tidak menyebutkan nama pelaku.",
        "Gubernur meminta agar warga tetap tenang.",
        "Warga menunjukkan kartu identitas kepada petugas.",
        "Perangkat yang disebut Lintang itu dipamerkan.",
        "Hal itu dikatakan Budi di Jakarta.",
        'Kampung itu dijuluki "kampung hijau" oleh warga.',
        "Lebih lanjut, Budi hadir di lokasi.",
        "Akun itu dilaporkan ke polisi oleh warga.",
        "Warga melaporkan akun itu ke Polres Bogor.",
        "Pertandingan seru itu berakhir imbang.",
        "Seperti diberitakan sebelumnya, banjir merendam 20 desa di Bogor.",  # the outlet's own earlier report
        "Ia menemui orang yang mengatakan hal itu.",  # a relative clause with a noun-phrase object
    ],
)
def test_not_claims(nlp, text):
    assert claims_of(nlp, text) == []


def test_reported_speech_nested_in_a_quote_is_not_a_claim(nlp):
    claims = claims_of(nlp, '"Menurut sopir, remnya blong," kata Rudi.')
    assert [(c["content"], c["cue"]) for c in claims] == [("Menurut sopir, remnya blong", "kata")]


def test_boilerplate_holds_no_claims(nlp):
    assert claims_of(nlp, "Budi hadir.\nBaca juga: Budi mengatakan harga turun\nSelesai.") == []


def test_dev_claim_spans_match_their_text(nlp):
    dev = shared_file("eval/dev.jsonl")
    for line in dev.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        claims = claims_of(nlp, text)
        assert claims
        for claim in claims:
            if claim["via_start"] is not None:
                assert text[claim["via_start"] : claim["via_end"]]


def test_single_quotes_with_a_cue(nlp):
    claim = only(nlp, "'Kami siap bertanding,' kata pelatih Budi Santoso.")
    assert summary(claim) == ("Kami siap bertanding", "Budi Santoso", "Budi Santoso", "kata", "direct")


def test_single_quoted_title_is_not_a_claim(nlp):
    assert claims_of(nlp, "Album ‘Senja’ dirilis tahun lalu.") == []


def test_restated_attribution_claims_the_sentence_before(nlp):
    claim = only(nlp, "Harga beras akan turun. Hal itu disampaikan Menteri Perdagangan Budi Santoso di Jakarta.")
    assert summary(claim) == ("Harga beras akan turun", "Budi Santoso", "Budi Santoso", "disampaikan", "indirect")
    assert claim["rule"] == "restated"


def test_restated_attribution_is_not_annotated_twice(nlp):
    claims = claims_of(nlp, "Budi Santoso mengatakan harga turun. Hal itu disampaikan Budi di Jakarta.")
    assert [c["cue"] for c in claims] == ["mengatakan"]


def test_passive_in_a_restating_sentence_takes_the_previous_speaker(nlp):
    text = "Budi Santoso mengatakan harga turun. Pernyataan itu disampaikan Senin, dengan dinyatakan bahwa stok cukup."
    second = claims_of(nlp, text)[1]
    assert summary(second) == ("stok cukup", None, "Budi Santoso", "dinyatakan", "indirect")
    assert second["source_implicit"] == "previous"


def test_passive_with_agent(nlp):
    claim = only(nlp, "Anggaran tahap kedua dikatakan Menteri Keuangan Sri Lestari akan cair pekan ini.")
    assert (claim["cue"], claim["source"], claim["rule"]) == ("dikatakan", "Sri Lestari", "passive")
    assert claim["content"] == "Anggaran tahap kedua dikatakan Menteri Keuangan Sri Lestari akan cair pekan ini"


def test_colon_at_the_end_of_the_line_before_the_quote(nlp):
    claim = only(nlp, 'Ketua panitia Rina Wati menyampaikan:\n"Acara dimulai pukul delapan."')
    assert (claim["content"], claim["source"], claim["cue"]) == (
        "Acara dimulai pukul delapan.",
        "Rina Wati",
        "menyampaikan",
    )


def test_description_then_name_in_commas(nlp):
    claim = only(nlp, '"Kami tidak pernah menerima uang itu," kata kuasa hukum terdakwa, Rudi Hartono, usai sidang.')
    assert (claim["source"], claim["source_resolved"]) == ("Rudi Hartono", "Rudi Hartono")
    claim = only(nlp, "Menurut Peneliti BRIN, Tin Lestari, hasil survei itu valid.")
    assert (claim["content"], claim["source"]) == ("hasil survei itu valid", "Tin Lestari")


def test_reported_clause_may_open_with_a_preposition(nlp):
    claim = only(nlp, "Budi menuturkan, saat kejadian ia sedang tidur.")
    assert (claim["content"], claim["cue"]) == ("saat kejadian ia sedang tidur", "menuturkan")


def test_trailing_channel_after_the_source(nlp):
    claim = only(nlp, '"Kami siap," seru Budi seperti dikutip Antara.')
    assert (claim["content"], claim["source"], claim["cue"]) == ("Kami siap", "Budi", "seru")


WORDS = ["kata", "ujarnya", "Menurut", "menurutnya", "mengatakan", "bahwa", "Budi", "Ia", "dilaporkan", "Hal", "itu",
         "disampaikan", "(", ")", ",", ".", "\n", '"', "“", "”", "'", ":", "yang", "tidak", "Sari", "Dewi", "—"]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_any_mix_of_cues_and_marks_gives_exact_spans(nlp, words):
    text = " ".join(words)
    for claim in claims_of(nlp, text):
        assert claim["content"].strip()
        assert claim["via_start"] is None or text[claim["via_start"] : claim["via_end"]]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Budi Santoso hadir. Dalam pidatonya, ia menegaskan bahwa harga beras akan turun.", "ia"),
        ("Senin (12/5), Menteri Perdagangan Budi Santoso mengatakan harga beras akan turun.", "Budi Santoso"),
        ("Jika harga naik, pemerintah menegaskan akan memberikan subsidi.", "pemerintah"),
        ("Untuk itu, Kepala Dinas Kesehatan Rina Wulandari menjelaskan bahwa vaksin tersedia.", "Rina Wulandari"),
        ("Dua hari setelah rapat, Direktur Utama PT KAI Didiek Hartantyo mengatakan tiket habis.", "Didiek Hartantyo"),
        ("Pada Selasa, Gubernur Dedi Mulyadi menyatakan bahwa sekolah akan dibuka.", "Dedi Mulyadi"),
    ],
)
def test_a_fronted_adjunct_is_never_the_source(nlp, text, source):
    """Prepositions, weekdays, subordinators and time phrases before the subject are not sources."""
    assert only(nlp, text)["source"] == source


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [(0, 1, False), (1, 2, False), (2, 4, False), (4, 5, False), (5, 7, True), (7, 8, True)],
)
def test_source_filter(start, end, ok):
    from claimx.components.grammar import is_source_phrase
    from claimx.pipeline import blank

    doc = blank()("Senin Dalam dua hari untuk pihak Ukraina mereka")
    assert is_source_phrase(doc, start, end) is ok


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("“Jangan ditiru,” cetusnya. ", "cetus", "nya"),
        ("“Saya cuma bercanda,” seloroh Raffi Ahmad.", "seloroh", "Raffi Ahmad"),
        ("“Kami tidak pernah menerima uang itu,” bantahnya.", "bantah", "nya"),
        ("“Harga pupuk terus naik,” keluh Sutrisno, petani di Klaten.", "keluh", "Sutrisno"),
        ("Rina Wati berpendapat bahwa aturan itu terlalu longgar.", "berpendapat", "Rina Wati"),
        ("Kuasa hukum terdakwa berdalih kliennya tidak tahu soal transfer itu.", "berdalih", "Kuasa hukum terdakwa"),
        ("Andi Saputra optimistis ekspor akan tumbuh tahun depan.", "optimistis", "Andi Saputra"),
        ("Partai itu menuding pemerintah menutupi data korban.", "menuding", "Partai itu"),
        ("Budi Santoso menjamin stok beras aman sampai Lebaran.", "menjamin", "Budi Santoso"),
        ("Slamet Riyadi berkata bahwa warga sudah mengungsi sejak pagi.", "berkata", "Slamet Riyadi"),
    ],
)
def test_speech_and_attitude_verbs_of_news(nlp, text, cue, source):
    claim = only(nlp, text.strip())
    assert (claim["cue"], claim["source"]) == (cue, source)


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah memastikan ketersediaan stok beras hingga akhir tahun.",
        "Ketua DPR Puan Maharani melanjutkan rapat paripurna pada sore hari.",
        "Kapolda memaparkan hasil penyelidikan kasus itu kepada wartawan.",
        "Anggota Bawaslu Lolly Suhenty mengingatkan potensi pelanggaran di daerah.",
        "Kepala BPS Amalia Widyasanti mencatat inflasi Mei sebesar 1,6 persen secara tahunan.",
    ],
)
def test_a_noun_phrase_object_is_not_a_reported_clause(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Polisi memastikan pelaku sudah ditangkap di rumahnya.", "pelaku sudah ditangkap di rumahnya"),
        (
            "BPS mencatat jumlah penduduk miskin turun menjadi 24 juta orang.",
            "jumlah penduduk miskin turun menjadi 24 juta orang",
        ),
        ("Andi Saputra menilai harga beras naik.", "harga beras naik"),
        ("Ia menegaskan penetapan tersebut bukanlah persekongkolan.", "penetapan tersebut bukanlah persekongkolan"),
    ],
)
def test_a_clause_after_the_cue_is_reported(nlp, text, content):
    assert only(nlp, text)["content"] == content


def test_a_second_cue_of_the_same_speaker_ends_the_first_clause(nlp):
    text = "Menteri Perdagangan Budi Santoso mengatakan harga beras naik, dan menambahkan bahwa stok masih aman."
    first, second = claims_of(nlp, text)
    assert first["content"] == "harga beras naik"
    assert (second["content"], second["source_resolved"]) == ("stok masih aman", "Budi Santoso")


def test_a_rejected_source_falls_back_to_the_last_speaker(nlp):
    text = (
        "Kapolres Bogor AKBP Rio Wahyu Anggoro hadir di lokasi. Ia mengatakan pelaku sudah ditangkap. "
        "Selain itu, juga menegaskan bahwa korban sudah dirawat."
    )
    last = claims_of(nlp, text)[-1]
    assert (last["content"], last["source"], last["source_resolved"]) == (
        "korban sudah dirawat", None, "Rio Wahyu Anggoro",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Gubernur Jawa Barat Dedi Mulyadi meninjau lokasi banjir dan mengatakan bantuan segera datang.",
            "Dedi Mulyadi",
        ),
        (
            "Menteri Perdagangan Budi Santoso mengatakan harga beras naik. "
            "Menteri Pertanian Andi Amran Sulaiman hadir di rapat itu dan menegaskan bahwa stok gabah cukup.",
            "Andi Amran Sulaiman",
        ),
        ('"Sekolah harus dibuka," kata Abu Hasna, seraya menambahkan bahwa guru sudah siap.', "Abu Hasna"),
    ],
)
def test_an_elided_subject_is_the_subject_of_its_own_sentence(nlp, text, source):
    last = claims_of(nlp, text)[-1]
    assert (last["rule"], last["source_resolved"]) == ("elided_subject", source)
