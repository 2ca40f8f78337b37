"""The narrative rule: a fact-check's hoax text after "narasi:" is one direct claim."""

import pytest

from claims_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Akun Facebook Info Roti mengunggah foto lowongan kerja.\nUnggahan disertai narasi:\n"
            "Lowongan kerja untuk lulusan SMA SMK D3 S1, silakan cek di Whatsapp\nPer Senin, konten disukai 300 akun.",
            "Lowongan kerja untuk lulusan SMA SMK D3 S1, silakan cek di Whatsapp",
            "Unggahan",
        ),
        (
            "Sebuah akun Instagram membagikan tautan beserta informasi:\n"
            "Pendaftaran bantuan sosial tahap dua sudah dibuka, klik tautan berikut",
            "Pendaftaran bantuan sosial tahap dua sudah dibuka, klik tautan berikut",
            "akun Instagram",
        ),
        (
            "Akun TikTok itu membagikan video dengan narasi yang beredar:\n"
            "“Pemerintah akan memberikan bantuan Rp 600 ribu kepada semua pekerja bulan ini”",
            "Pemerintah akan memberikan bantuan Rp 600 ribu kepada semua pekerja bulan ini",
            "Akun TikTok itu",
        ),
    ],
)
def test_a_narrative_after_its_noun_and_colon(nlp, text, content, source):
    (claim,) = claims_of(nlp, text)
    assert (claim["content"], claim["kind"], claim["rule"]) == (content, "direct", "narrative")
    assert claim["cue"].lower() in {"narasi", "informasi"}
    assert claim["source"].startswith(source.split()[0])


def test_narasi_lengkapnya_takes_its_clitic(nlp):
    text = "Berikut narasi lengkapnya:\nMulai besok semua kendaraan wajib memakai pelat nomor putih\nHasil Cek Fakta"
    (claim,) = claims_of(nlp, text)
    assert claim["source"] == "nya" and claim["content"].endswith("pelat nomor putih")


@pytest.mark.parametrize(
    "text",
    [
        "Narasi: singkat saja\nLalu kembali.",  # too short to be a narrative
        "Ia menyampaikan informasi penting kepada warga.\nSemua warga datang ke balai desa pagi ini.",  # no colon
    ],
)
def test_no_narrative_without_a_colon_and_a_text(nlp, text):
    assert not [c for c in claims_of(nlp, text) if c["rule"] == "narrative"]
