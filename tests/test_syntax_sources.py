"""syntactic_source on hand-built UD trees (the function's logic) and on the shipped parser (its accuracy).

The parser cases are 36 news-style sentences written for this test. A case is right when the phrase
returned holds the expected name and lies inside the widest acceptable phrase. The cases the shipped
model gets right are asserted one by one (``PARSER_RIGHT``); the overall rate is asserted against the
rate measured when the model was shipped (EVALUATION.md, "Syntactic sources").
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from claimx.components.syntax import default_syntax_path
from claimx.components.syntax_sources import noun_phrase, syntactic_source
from claimx.pipeline import blank, load

# -- the function on gold trees -------------------------------------------------------------------


def tree(text: str, rows: list[tuple[str, int, str]]) -> Doc:
    """A Doc from claimx's tokens of ``text`` with (UPOS, head index, relation) per token."""
    nlp = blank()
    words = nlp.make_doc(text)
    assert len(words) == len(rows), [t.text for t in words]
    return Doc(
        nlp.vocab,
        words=[t.text for t in words],
        spaces=[bool(t.whitespace_) for t in words],
        pos=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
    )


def test_subject_after_kata_prefers_the_name_in_apposition():
    doc = tree(
        '"Ya," kata Direktur Indef, Tauhid Ahmad.',
        [
            ("PUNCT", 1, "punct"),
            ("INTJ", 1, "ROOT"),
            ("PUNCT", 1, "punct"),
            ("PUNCT", 1, "punct"),
            ("VERB", 1, "parataxis"),
            ("NOUN", 4, "nsubj"),
            ("PROPN", 5, "nmod"),
            ("PUNCT", 5, "punct"),
            ("PROPN", 5, "appos"),
            ("PROPN", 8, "flat:name"),
            ("PUNCT", 1, "punct"),
        ],
    )
    assert syntactic_source(doc[4]).text == "Tauhid Ahmad"
    assert noun_phrase(doc[5]).text == "Direktur Indef"


def test_a_name_with_a_title_in_apposition_stays():
    doc = tree(
        "Budi, Direktur Indef, mengatakan itu.",
        [
            ("PROPN", 5, "nsubj"),
            ("PUNCT", 2, "punct"),
            ("NOUN", 0, "appos"),
            ("PROPN", 2, "nmod"),
            ("PUNCT", 2, "punct"),
            ("VERB", 5, "ROOT"),
            ("PRON", 5, "obj"),
            ("PUNCT", 5, "punct"),
        ],
    )
    assert syntactic_source(doc[5]).text == "Budi"


def test_menurut_marks_its_noun_and_clitic():
    doc = tree(
        "Menurut Budi, harga naik. Menurutnya, harga turun.",
        [
            ("ADP", 1, "case"),
            ("PROPN", 4, "obl"),
            ("PUNCT", 4, "punct"),
            ("NOUN", 4, "nsubj"),
            ("VERB", 4, "ROOT"),
            ("PUNCT", 4, "punct"),
            ("ADP", 7, "case"),
            ("PRON", 10, "obl"),
            ("PUNCT", 10, "punct"),
            ("NOUN", 10, "nsubj"),
            ("VERB", 10, "ROOT"),
            ("PUNCT", 10, "punct"),
        ],
    )
    assert syntactic_source(doc[0]).text == "Budi"
    assert syntactic_source(doc[6]).text == "nya"


def test_passive_agent_with_oleh_but_not_a_place():
    doc = tree(
        "Hal itu dilaporkan oleh kantor berita Antara di Jakarta.",
        [
            ("NOUN", 2, "nsubj:pass"),
            ("DET", 0, "det"),
            ("VERB", 2, "ROOT"),
            ("ADP", 4, "case"),
            ("NOUN", 2, "obl:agent"),
            ("NOUN", 4, "compound"),
            ("PROPN", 4, "nmod"),
            ("ADP", 8, "case"),
            ("PROPN", 2, "obl"),
            ("PUNCT", 2, "punct"),
        ],
    )
    assert syntactic_source(doc[2]).text == "kantor berita Antara"
    agentless = tree(
        "Hal itu dilaporkan di Jakarta.",
        [("NOUN", 2, "nsubj:pass"), ("DET", 0, "det"), ("VERB", 2, "ROOT"), ("ADP", 4, "case"), ("PROPN", 2, "obl"),
         ("PUNCT", 2, "punct")],
    )  # fmt: skip
    assert syntactic_source(agentless[2]) is None


def test_relative_clause_hangs_on_its_noun_and_unparsed_gives_none():
    doc = tree(
        "Warga yang mengaku melihat api pergi.",
        [
            ("NOUN", 5, "nsubj"),
            ("PRON", 2, "nsubj"),
            ("VERB", 0, "acl:relcl"),
            ("VERB", 2, "xcomp"),
            ("NOUN", 3, "obj"),
            ("VERB", 5, "ROOT"),
            ("PUNCT", 5, "punct"),
        ],
    )
    assert syntactic_source(doc[2]).text == "Warga"
    assert syntactic_source(blank()("kata Budi")[0]) is None


def test_reporting_noun_takes_its_possessor():
    doc = tree(
        "Pernyataan seorang pejabat AS kepada Reuters itu dibantah.",
        [
            ("NOUN", 7, "nsubj:pass"),
            ("DET", 2, "det"),
            ("NOUN", 0, "nmod"),
            ("PROPN", 2, "nmod"),
            ("ADP", 5, "case"),
            ("PROPN", 0, "nmod"),
            ("DET", 0, "det"),
            ("VERB", 7, "ROOT"),
            ("PUNCT", 7, "punct"),
        ],
    )
    assert syntactic_source(doc[0]).text == "seorang pejabat AS"


# -- the shipped parser on written sentences -----------------------------------------------------

# (sentence, cue word, expected name or None, widest acceptable phrase)
CASES: list[tuple[str, str, str | None, str]] = [
    ('"Kami akan menyelidiki kasus ini sampai tuntas," kata Kapolres Bogor AKBP Rio Wahyu di Bogor, Senin.',
     "kata", "Rio Wahyu", "Kapolres Bogor AKBP Rio Wahyu"),
    ('"Harga beras sudah mulai turun di pasar tradisional," ujar Budi Santoso kepada wartawan.',
     "ujar", "Budi Santoso", "Budi Santoso"),
    ('"Kami belum menerima laporan resmi dari pemerintah daerah," ujarnya.', "ujar", "nya", "nya"),
    ('"Pemerintah tidak akan menaikkan harga BBM tahun ini," ucapnya di Istana.', "ucap", "nya", "nya"),
    ("Menteri Keuangan Sri Mulyani mengatakan defisit anggaran masih terkendali.",
     "mengatakan", "Sri Mulyani", "Menteri Keuangan Sri Mulyani"),
    ("Juru bicara Kementerian Luar Negeri menegaskan bahwa Indonesia menolak klaim tersebut.",
     "menegaskan", "Juru bicara", "Juru bicara Kementerian Luar Negeri"),
    ("Menurut Ketua KPU Hasyim Asyari, tahapan pemilu berjalan sesuai jadwal.",
     "menurut", "Hasyim Asyari", "Ketua KPU Hasyim Asyari"),
    ("Inflasi diperkirakan naik pada akhir tahun, menurut ekonom Bank Mandiri.",
     "menurut", "ekonom", "ekonom Bank Mandiri"),
    ("Menurutnya, proyek itu akan selesai pada bulan Desember.", "menurut", "nya", "nya"),
    ("Kabar tersebut dilaporkan kantor berita Reuters pada Selasa.",
     "dilaporkan", "Reuters", "kantor berita Reuters"),
    ("Rencana itu disampaikan oleh Gubernur Jawa Barat Ridwan Kamil dalam rapat di Bandung.",
     "disampaikan", "Ridwan Kamil", "Gubernur Jawa Barat Ridwan Kamil"),
    ("Hal itu diungkapkan Direktur Utama PLN Darmawan Prasodjo di Jakarta, Rabu.",
     "diungkapkan", "Darmawan Prasodjo", "Direktur Utama PLN Darmawan Prasodjo"),
    ("Hasil survei itu dilaporkan pada pekan lalu.", "dilaporkan", None, ""),
    ('"Pertumbuhan ekonomi kita masih kuat," kata Direktur Indef, Tauhid Ahmad.',
     "kata", "Tauhid Ahmad", "Tauhid Ahmad"),
    ("Kepala BMKG, Dwikorita Karnawati, mengatakan cuaca ekstrem masih akan terjadi.",
     "mengatakan", "Dwikorita Karnawati", "Dwikorita Karnawati"),
    ("Seorang warga yang mengaku melihat kejadian itu mengatakan api muncul dari dapur.",
     "mengaku", "warga", "Seorang warga"),
    ("Seorang warga yang mengaku melihat kejadian itu mengatakan api muncul dari dapur.",
     "mengatakan", "warga", "Seorang warga"),
    ("Polisi menangkap seorang pria yang mengaku sebagai anggota TNI.", "mengaku", "pria", "seorang pria"),
    ("Presiden Joko Widodo menyatakan bahwa pemerintah akan membangun bendungan baru.",
     "menyatakan", "Joko Widodo", "Presiden Joko Widodo"),
    ("Ketua RT setempat menyebutkan bahwa banjir setinggi satu meter.",
     "menyebutkan", "Ketua RT", "Ketua RT setempat"),
    ('"Kami sudah mengirim bantuan ke lokasi bencana," tutur Kepala BNPB Suharyanto.',
     "tutur", "Suharyanto", "Kepala BNPB Suharyanto"),
    ("Dia mengatakan bahwa harga cabai naik dua kali lipat.", "mengatakan", "Dia", "Dia"),
    ("Mereka menilai kebijakan itu merugikan petani kecil.", "menilai", "Mereka", "Mereka"),
    ("Budi mengatakan dan menegaskan bahwa dirinya tidak bersalah.", "menegaskan", "Budi", "Budi"),
    ('"Tidak ada korban jiwa dalam kejadian ini," jelas Kapolsek Menteng Kompol Arief.',
     "jelas", "Arief", "Kapolsek Menteng Kompol Arief"),
    ("Seperti dilaporkan Kompas, kebakaran terjadi pada dini hari.", "dilaporkan", "Kompas", "Kompas"),
    # longer news shapes: datelines, adjuncts before the subject, parentheses, parentheticals
    ("JAKARTA, KOMPAS.com - Kepala Badan Pusat Statistik (BPS) Amalia Adininggar Widyasanti mengatakan inflasi "
     "Maret terkendali.", "mengatakan", "Amalia Adininggar Widyasanti",
     "Kepala Badan Pusat Statistik (BPS) Amalia Adininggar Widyasanti"),
    ("Sementara itu, Wakil Ketua DPR Sufmi Dasco Ahmad menyebut rapat akan digelar pekan depan.",
     "menyebut", "Sufmi Dasco Ahmad", "Wakil Ketua DPR Sufmi Dasco Ahmad"),
    ('"Semua pihak harus menahan diri," kata Sekretaris Jenderal Perserikatan Bangsa-Bangsa Antonio Guterres '
     "dalam pernyataan tertulis, Kamis (12/6/2025).", "kata", "Antonio Guterres",
     "Sekretaris Jenderal Perserikatan Bangsa-Bangsa Antonio Guterres"),
    ("Saat ditemui di kantornya, Camat Cibinong Ahmad Wildan menjelaskan bahwa jalan itu rusak sejak Januari.",
     "menjelaskan", "Ahmad Wildan", "Camat Cibinong Ahmad Wildan"),
    ("Kuasa hukum tersangka, Rudi Hartono, membantah kliennya menerima suap.", "membantah", "Rudi Hartono",
     "Rudi Hartono"),
    ("Pengamat politik dari Universitas Indonesia yang enggan disebut namanya menilai koalisi itu rapuh.",
     "menilai", "Pengamat politik", "Pengamat politik dari Universitas Indonesia"),
    ("Dalam keterangannya, Polda Metro Jaya menyatakan dua orang telah ditetapkan sebagai tersangka.",
     "menyatakan", "Polda Metro Jaya", "Polda Metro Jaya"),
    ("Pembangunan jembatan itu dilaporkan oleh warga setempat kepada pemerintah desa.",
     "dilaporkan", "warga", "warga setempat"),
    ('"Kami siap bekerja sama," ujar dia usai rapat di Gedung DPR, Senayan, Jakarta.', "ujar", "dia", "dia"),
    ("Kebijakan tersebut, kata Menteri Perdagangan Budi Santoso, bertujuan menstabilkan harga.",
     "kata", "Budi Santoso", "Menteri Perdagangan Budi Santoso"),
]  # fmt: skip
#: indices of CASES the shipped model gets right, and its overall rate on them (measured, not wished)
PARSER_RIGHT = [*range(0, 25), 27, 28, 29, 32, 33, 34, 35]  # the four misses: 25, 26, 30, 31
MEASURED_RATE = 32 / 36

needs_model = pytest.mark.skipif(default_syntax_path() is None, reason="no syntax model installed")


@pytest.fixture(scope="module")
def nlp():
    return load(syntax=True)


def cue_span(doc: Doc, word: str) -> Span:
    """The cue span of ``doc`` holding ``word``."""
    return next(c for c in doc.spans["cues"] if word in {t.lower_ for t in c})


def is_right(found: Span | None, name: str | None, widest: str) -> bool:
    """Whether the phrase found holds ``name`` and lies inside ``widest`` (or both are none)."""
    if name is None or found is None:
        return name is None and found is None
    return name in found.text and found.text in widest


def outcomes(nlp) -> list[bool]:
    docs = nlp.pipe([c[0] for c in CASES])
    return [is_right(syntactic_source(cue_span(d, c[1])), c[2], c[3]) for d, c in zip(docs, CASES, strict=True)]


@needs_model
def test_parser_cases_and_rate(nlp):
    results = outcomes(nlp)
    rate = sum(results) / len(results)
    print(f"syntactic source right on {sum(results)} / {len(results)} written sentences ({rate:.0%})")
    assert [i for i in PARSER_RIGHT if not results[i]] == []
    assert rate >= MEASURED_RATE - 1e-9


def test_is_right_rejects_a_phrase_running_past_the_name():
    doc = blank()("kata Budi di Jakarta")
    assert is_right(doc[1:2], "Budi", "Budi")
    assert not is_right(doc[1:4], "Budi", "Budi")
    assert not is_right(None, "Budi", "Budi") and is_right(None, None, "")
