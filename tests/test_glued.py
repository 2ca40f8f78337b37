"""The glued-word splitter: scraper joints split before the NER runs, brands and names left whole."""

import pytest

from claimx.lang.glued import glue_points
from claimx.pipeline import blank


def tokens(text: str) -> list[str]:
    return [t.text for t in blank()(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seperti dilansirReuters pada Senin", ["seperti", "dilansir", "Reuters", "pada", "Senin"]),
        ("dikutip dariANTARA kemarin", ["dikutip", "dari", "ANTARA", "kemarin"]),
        ("surat kepadaJoko Widodo", ["surat", "kepada", "Joko", "Widodo"]),
        ("Liputan6.com, JakartaGaya hidup", ["Liputan6.com", ",", "Jakarta", "Gaya", "hidup"]),
        ("FEDERASIBulu Tangkis Dunia", ["FEDERASI", "Bulu", "Tangkis", "Dunia"]),
        ("ujar Erdoganketika ditanya", ["ujar", "Erdogan", "ketika", "ditanya"]),
        ("kata Prabowobahwa ekonomi", ["kata", "Prabowo", "bahwa", "ekonomi"]),
    ],
)
def test_scraper_joints_are_split(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nonton di YouTube dan WhatsApp",
        "beli iPhone dan makan di McDonald",
        "dikutip dari detikNews dan detikJabar",
        "data KemenkesRI terbaru",
        "rudal dari Pyongyang diluncurkan",
        "mobil VinFast dan AirAsia",
        "akun @SangPemburu, ProfOnline_id dan tagar #RameRame",
        "produk BRANDskincare lokal",
        "Mengatasnamakan warga, mereka datang",
        "Jordan dan Sudan pada Ramadan",
    ],
)
def test_brands_names_and_handles_stay_whole(text):
    assert glue_points(text) == []


def test_split_tokens_keep_exact_offsets_and_no_sentence_starts():
    text = "“Turki tidak akan mundur,” ujar Erdoganketika ditanya, seperti dilansirReuters."
    doc = blank()(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert not doc.has_annotation("SENT_START")  # the sentence stage still runs


def test_a_glued_source_is_found(nlp):
    doc = nlp("Presiden Recep Tayyip Erdogan berpidato. “Turki tidak akan mundur,” ujar Erdoganketika ditanya.")
    (claim,) = doc._.claims
    assert doc.text[claim.source_start : claim.source_end] == "Erdogan"
    assert claim.source_resolved == "Recep Tayyip Erdogan"


def test_ordinals_and_decades_stay_whole():
    assert tokens("abad ke-18 dan tahun 1950-an.") == ["abad", "ke-18", "dan", "tahun", "1950-an", "."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berdasarkan data RTI,IHSGditutup naik", ["Berdasarkan", "data", "RTI", ",", "IHSG", "ditutup", "naik"]),
        ("KPKmenetapkan dua tersangka", ["KPK", "menetapkan", "dua", "tersangka"]),
        ("program BUMDes desa", ["program", "BUMDes", "desa"]),
    ],
)
def test_acronyms_glued_to_words(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ('"Stok aman,"ujarnya.', ["aman", ",", '"', "ujar", "nya"]),  # a quote glued on both sides
        ('hari ini."Menurutnya, stok aman.', [".", '"', "Menurut", "nya", ","]),
        ("Tunggul menyebuthak lintas damai", ["menyebut", "hak"]),  # a cue glued to the next word
        ("Peoplemelaporkan, penjualan album", ["People", "melaporkan"]),  # a name glued to a cue
        ("ujarnyaketika ditemui", ["ujar", "nya", "ketika"]),
    ],
)
def test_glued_quotes_and_cues_are_split(text, tokens):
    from claimx.pipeline import load

    words = [t.text for t in load("blank").make_doc(text)]
    assert any(words[i : i + len(tokens)] == tokens for i in range(len(words)))


@pytest.mark.parametrize("word", ["menyebutkan", "katalog", "ujaran", "mengatakannya"])
def test_words_that_start_with_a_cue_stay_whole(word):
    from claimx.lang.glued import glue_points

    assert glue_points(f"ia {word} itu") == []
