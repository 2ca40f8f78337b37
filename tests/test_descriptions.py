"""A source described by its role ("ahli ITB", "pemain 26 tahun itu") resolves to the person the article
describes the same way; sentences written for these tests."""

import pytest

from claims_helpers import claims_of
from claimx.components.descriptions import descriptive_words, is_person_description


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        (  # a description after the name, with the name's organisation as an acronym
            "Pakar transportasi Institut Teknologi Bandung (ITB) Sony Sulaksono menilai rencana itu keliru. "
            "Bandara itu tidak efektif, kata ahli ITB tersebut.",
            "ahli ITB tersebut",
            "Sony Sulaksono",
        ),
        (  # the description before the name (a lead that names the expert later)
            "Rencana itu tidak efektif, kata ahli ITB. Pakar transportasi Institut Teknologi Bandung (ITB) "
            "Sony Sulaksono menilai bandara itu terlalu dekat dengan gunung.",
            "ahli ITB",
            "Sony Sulaksono",
        ),
        (  # an appositive after the name; the age stands in for the name
            'Gareth Bale, pemain termahal dunia, yakin timnya menang. "Kami semakin baik setiap hari," '
            "imbuh pemain 26 tahun itu.",
            "pemain 26 tahun itu",
            "Gareth Bale",
        ),
        (
            "Monyet itu bisa melihat cahaya, menurut seorang insinyur perusahaan. Hal itu disampaikan "
            "insinyur Neuralink Joseph O'Doherty dalam konferensi.",
            "seorang insinyur perusahaan",
            "Joseph O'Doherty",
        ),
        (
            "Politikus PDI Perjuangan Adian Napitupulu mengkritik rencana itu. "
            '"Ini tidak adil bagi rakyat kecil," ujar politikus PDIP itu.',
            "politikus PDIP itu",
            "Adian Napitupulu",
        ),
        (  # a common head alone does not pick the resident named before
            'Warga Kota Bogor Budi Santoso kehilangan rumahnya. "Air datang tiba-tiba," kata seorang warga.',
            "seorang warga",
            "seorang warga (tidak disebutkan namanya)",
        ),
        (  # an unnamed official is not the minister whose title shares words with it
            "Menteri Pertahanan AS Pete Hegseth memerintahkan pemindahan pasukan. "
            "Pasukan itu akan tiba pekan depan, kata seorang pejabat pertahanan AS.",
            "seorang pejabat pertahanan AS",
            "seorang pejabat pertahanan AS",
        ),
    ],
)
def test_a_described_person_resolves_to_the_name(nlp, text, source, resolved):
    by_source = {c["source"]: c for c in claims_of(nlp, text)}
    assert by_source[source]["source_resolved"] == resolved


def test_person_descriptions():
    assert descriptive_words("seorang insinyur perusahaan itu") == ["insinyur", "perusahaan"]
    assert is_person_description("pemain 26 tahun itu") and is_person_description("Menteri itu")
    assert not is_person_description("pihak Ukraina") and not is_person_description("Hasil survei")
