"""The ClaimReview exports: schema.org Claim objects, and draft ClaimReviews, in JSON-LD, validated offline.

Both use schema.org's standard context (``"@context": "https://schema.org"``); a pyld document loader
answers it with the trimmed copy in ``tests/data/`` (see its README), so nothing is downloaded.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from pyld import jsonld

from claim_records import sample_records
from claimx.io.claimreview import NAMESPACE, SCHEMA_ORG, Reviewer, claim_objects, write_claimreview

SCHEMA = "http://schema.org/"  # the vocabulary of schema.org's context
LOCAL_CONTEXT = json.loads((Path(__file__).parent / "data" / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
REVIEWER = Reviewer("Cek Fakta Contoh", "https://cekfakta.contoh.id/")


def _document(tmp_path, records, reviewer=None):
    out = tmp_path / "claims.jsonld"
    write_claimreview(records, out, reviewer)
    return json.loads(out.read_text(encoding="utf-8"))


def _local_documents(url, options=None):
    """A pyld document loader that knows schema.org's context (the local copy) and nothing else."""
    if url.rstrip("/") not in (SCHEMA_ORG, "http://schema.org"):
        raise AssertionError(f"JSON-LD processing tried to fetch {url}")
    return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}


def _expand(document):
    return jsonld.expand(document, {"documentLoader": _local_documents})


@pytest.fixture()
def expanded(tmp_path):
    """The export, expanded with the local copy of schema.org's context."""
    return _expand(_document(tmp_path, sample_records()))


def _value(node, prop):
    first = node[prop][0]
    return first.get("@value", first.get("@id", first)) if set(first) <= {"@value", "@id", "@type"} else first


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
    graph = _expand(_document(tmp_path, [record]))
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


def _compact_terms(node, found: Counter) -> Counter:
    """Every property name of a compact JSON-LD tree (keywords and the context left out), counted."""
    if isinstance(node, list):
        for item in node:
            _compact_terms(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                continue
            if not key.startswith("@"):
                found[key] += 1
            _compact_terms(value, found)
    return found


def _expanded_terms(node, found: Counter) -> Counter:
    """Every property IRI of an expanded JSON-LD tree, counted."""
    if isinstance(node, list):
        for item in node:
            _expanded_terms(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found[key] += 1
            _expanded_terms(value, found)
    return found


def _iri(term: str) -> str:
    return NAMESPACE + term.split(":", 1)[1] if term.startswith("claimx:") else SCHEMA + term


@pytest.mark.parametrize("reviewer", [None, REVIEWER], ids=["claimreview", "claimreview-draft"])
def test_expansion_with_the_schema_org_context_loses_no_term(tmp_path, reviewer):
    document = _document(tmp_path, sample_records(), reviewer)
    assert document["@context"] == ([SCHEMA_ORG, {"claimx": NAMESPACE}] if reviewer is None else SCHEMA_ORG)
    compact = _compact_terms(document["@graph"], Counter())
    assert compact and Counter({_iri(term): n for term, n in compact.items()}) == _expanded_terms(
        _expand(document), Counter()
    )
    schema_terms = {term for term in compact if ":" not in term}
    assert schema_terms <= set(LOCAL_CONTEXT["@context"]), "add the new term's definition to tests/data/"
    types = {obj["@type"] for obj in document["@graph"]} | {"Person", "Organization", "CreativeWork"}
    assert all(_expand({"@context": SCHEMA_ORG, "@type": t})[0]["@type"] == [SCHEMA + t] for t in types)


def test_the_draft_has_google_s_claimreview_properties_but_the_rating(tmp_path):
    """Google's fact-check markup: ClaimReview requires claimReviewed, reviewRating, url and recommends
    author, datePublished, itemReviewed; a Claim recommends appearance, author, datePublished. The rating
    (and the review's date) is the fact-checker's to give."""
    records = sample_records()
    graph = _expand(_document(tmp_path, records, REVIEWER))
    claims = [c for r in records for c in r.get("claims", [])]
    assert len(graph) == len(claims) == 5
    for review in graph:
        assert review["@type"] == [SCHEMA + "ClaimReview"]
        assert _value(review, SCHEMA + "claimReviewed") and _value(review, SCHEMA + "url") == REVIEWER.url
        assert SCHEMA + "reviewRating" not in review and SCHEMA + "datePublished" not in review
        (author,) = review[SCHEMA + "author"]
        assert author["@type"] == [SCHEMA + "Organization"] and _value(author, SCHEMA + "name") == REVIEWER.name
        assert _value(author, SCHEMA + "url") == REVIEWER.url
        (item,) = review[SCHEMA + "itemReviewed"]
        assert item["@type"] == [SCHEMA + "Claim"] and SCHEMA + "appearance" in item
        assert _value(item, SCHEMA + "text") == _value(review, SCHEMA + "claimReviewed")
        assert not any(key.startswith(NAMESPACE) for key in item)  # schema.org only: ready to publish
    assert [_value(r, SCHEMA + "claimReviewed") for r in graph] == [c["content"] for c in claims]
    direct = graph[1][SCHEMA + "itemReviewed"][0]
    assert _value(direct[SCHEMA + "author"][0], SCHEMA + "name") == "Budi Santoso"
    assert _value(direct, SCHEMA + "datePublished") == "2025-05-12"
