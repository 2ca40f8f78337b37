"""Entity clusters: each person and organisation of a document with its fullest name and all mentions."""

from claimx.batch import extract_documents
from claimx.records import doc_to_record

TEXT = (
    "Menteri Keuangan Sri Mulyani Indrawati hadir di DPR. Sri Mulyani menilai anggaran cukup. "
    "Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK menolak berkomentar."
)


def _clusters(record: dict) -> dict[str, list[str]]:
    return {c["name"]: [record["text"][s:e] for s, e in c["mentions"]] for c in record["clusters"]}


def test_a_short_name_and_an_acronym_join_their_full_names(nlp):
    (record,) = extract_documents(nlp, [{"id": "a", "text": TEXT}])
    clusters = _clusters(record)
    assert clusters["Sri Mulyani Indrawati"] == ["Sri Mulyani Indrawati", "Sri Mulyani"]
    assert clusters["Komisi Pemberantasan Korupsi"] == ["Komisi Pemberantasan Korupsi", "KPK", "KPK"]


def test_clusters_of_a_long_document_keep_exact_offsets(nlp):
    """A document cut into pieces (over 100,000 characters) merges its clusters with shifted offsets."""
    long_text = "\n\n".join([TEXT] * 700)
    assert len(long_text) > 100_000
    (record,) = extract_documents(nlp, [{"id": "long", "text": long_text}])
    mentions = [m for c in record["clusters"] for m in c["mentions"]]
    assert len(mentions) >= 4 * 700
    expected = {"Sri Mulyani Indrawati": {"Sri Mulyani Indrawati", "Sri Mulyani"},
                "Komisi Pemberantasan Korupsi": {"Komisi Pemberantasan Korupsi", "KPK"}}  # fmt: skip
    for name, texts in _clusters(record).items():
        assert set(texts) <= expected.get(name, {name}), name
    names = [c["name"] for c in record["clusters"]]
    assert len(names) == len(set(names))  # one cluster per name across the pieces


def test_a_claims_resolved_source_is_its_clusters_name_and_a_pronoun_joins_the_cluster(nlp):
    text = (
        'Menteri Keuangan Sri Mulyani Indrawati hadir. "Defisit terkendali," kata Sri Mulyani. '
        "Ia menambahkan bahwa utang aman. Pakar ekonomi Universitas Indonesia (UI) Faisal Basri menilai "
        "sebaliknya. Ahli UI itu menyebut utang terus naik."
    )
    record = doc_to_record(nlp(text), "c")
    cluster_of = {tuple(m): c["name"] for c in record["clusters"] for m in c["mentions"]}
    for claim in record["claims"]:
        assert cluster_of[(claim["source_start"], claim["source_end"])] == claim["source_resolved"]
    clusters = _clusters(record)
    assert "Ia" in clusters["Sri Mulyani Indrawati"]
    assert "Ahli UI itu" in clusters["Faisal Basri"]
