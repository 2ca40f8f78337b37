"""The ClaimReview export: schema.org Claim objects in JSON-LD, validated offline."""

import json

import pytest
from pyld import jsonld

from claim_records import sample_records
from claimx.io.claimreview import NAMESPACE, claim_objects, write_claimreview

SCHEMA = "https://schema.org/"


def _document(tmp_path, records):
    out = tmp_path / "claims.jsonld"
    write_claimreview(records, out)
    return json.loads(out.read_text(encoding="utf-8"))


def _no_remote_documents(url, options=None):
    raise AssertionError(f"JSON-LD processing tried to fetch {url}; the context must be inline")


@pytest.fixture()
def expanded(tmp_path):
    """The export, expanded by a JSON-LD processor that may not fetch anything."""
    return jsonld.expand(_document(tmp_path, sample_records()), {"documentLoader": _no_remote_documents})


def _value(node, prop):
    return node[prop][0].get("@value", node[prop][0])


def test_every_claim_expands_to_a_schema_org_claim(expanded):
    assert len(expanded) == 5
    assert all(node["@type"] == [SCHEMA + "Claim"] for node in expanded)
    texts = [_value(node, SCHEMA + "text") for node in expanded]
    assert texts[1] == "Kami sudah menyiapkan dua juta dosis,"


def test_author_appearance_and_date(expanded):
    direct = expanded[1]
    (author,) = direct[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Person"] and _value(author, SCHEMA + "name") == "Budi Santoso"
    (appearance,) = direct[SCHEMA + "appearance"]
    assert _value(appearance, SCHEMA + "url") == "https://contoh.id/berita/vaksin"
    assert _value(appearance, SCHEMA + "identifier") == "vaksin"
    assert _value(direct, SCHEMA + "datePublished") == "2025-05-12"
    bmkg = expanded[2]
    assert bmkg[SCHEMA + "author"][0]["@type"] == [SCHEMA + "Organization"]
    assert SCHEMA + "datePublished" not in bmkg  # that input has no date
    assert SCHEMA + "author" not in expanded[4]  # agentless passive


def test_claimx_properties_carry_cue_stance_and_offsets(expanded):
    first, direct = expanded[0], expanded[1]
    assert _value(first, NAMESPACE + "cue") == "mengatakan"
    assert _value(first, NAMESPACE + "stance") == "assert"
    assert [_value(direct, NAMESPACE + p) for p in ("contentStart", "contentEnd", "sourceStart", "sourceEnd")] == [
        87, 124, 130, 133,
    ]  # fmt: skip
    assert _value(expanded[3], NAMESPACE + "via") == "Rina Kusuma"


def test_the_document_has_the_expected_shape(tmp_path):
    document = _document(tmp_path, sample_records())
    assert set(document) == {"@context", "@graph"}
    for claim in document["@graph"]:
        assert claim["@type"] == "Claim" and isinstance(claim["text"], str) and claim["text"]
        assert claim["identifier"].startswith(claim["appearance"]["identifier"] + "#claim-")
        assert all(value is not None for value in claim.values())
        assert set(claim.get("author", {"@type": "Person", "name": "x"})) == {"@type", "name"}
        extra = [key for key in claim if ":" in key]
        assert all(key.startswith("claimx:") for key in extra)


def test_no_claims_is_an_empty_graph(tmp_path):
    assert _document(tmp_path, [{"id": "a", "text": "Halo.", "entities": [], "claims": []}])["@graph"] == []
    assert claim_objects({"id": "x", "error": "bad"}) == []


def test_a_denied_claim_is_not_credited_to_its_denier(tmp_path, nlp):
    """'PT KAI membantah kabar bahwa tiket sudah habis': the rumour has no author; PT KAI's denial is about it."""
    from claimx.batch import extract_documents

    text = "PT KAI membantah kabar bahwa tiket kereta mudik sudah habis terjual."
    (record,) = extract_documents(nlp, [{"id": "bantah", "text": text, "url": "contoh.id/bantah"}])
    record["meta"] = {"url": "contoh.id/bantah"}
    graph = jsonld.expand(_document(tmp_path, [record]), {"documentLoader": _no_remote_documents})
    by_id = {node["@id"]: node for node in graph}
    rumour = next(node for node in graph if not node["@id"].endswith("-denial"))
    denial = by_id[rumour["@id"] + "-denial"]
    assert SCHEMA + "author" not in rumour
    assert _value(denial, SCHEMA + "author")  # the denier
    assert denial[SCHEMA + "about"][0]["@id"] == rumour["@id"]
    assert "tiket kereta mudik sudah habis" in _value(rumour, SCHEMA + "text")
    assert SCHEMA + "url" not in rumour[SCHEMA + "appearance"][0]  # not an absolute URL: left out


def test_every_claim_has_a_stable_id(tmp_path):
    first = [node["@id"] for node in _document(tmp_path, sample_records())["@graph"]]
    second = [node["@id"] for node in _document(tmp_path, sample_records())["@graph"]]
    assert first == second and len(set(first)) == len(first) and all(i.startswith(NAMESPACE) for i in first)


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("Selasa, 12 Maret 2025 14:05 WIB", "2025-03-12T14:05"),
        ("Kamis, 19 Jun 2025 | 10:30", "2025-06-19T10:30"),
        ("12/03/2025", "2025-03-12"),
        ("2025-03-12", "2025-03-12"),
        ("kemarin sore", None),
    ],
)
def test_date_published_is_iso_8601_or_absent(tmp_path, given, iso):
    record = {"id": "a", "text": "“Siap,” kata Budi.", "meta": {"date": given}, "entities": [],
              "claims": [{"content": "Siap", "content_start": 1, "content_end": 5, "kind": "direct"}]}  # fmt: skip
    (claim,) = claim_objects(record)
    assert claim.get("datePublished") == iso
