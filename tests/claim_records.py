"""Hand-built records (short Indonesian texts written for these tests) with exact offsets.

They stand in for the attribution engine's output: a direct quote with ``-nya`` resolved, reported
speech, ``Menurut X``, a relay (``via``), an agentless passive, and an error record.
"""

VAKSIN = (
    "Menteri Kesehatan Budi Santoso mengatakan bahwa stok vaksin cukup hingga akhir tahun. "
    "“Kami sudah menyiapkan dua juta dosis,” ujarnya di Jakarta."
)
HUJAN = (
    "Menurut BMKG, hujan lebat akan turun di Bandung pekan ini. Antara melaporkan, mengutip "
    "Wali Kota Bandung Rina Kusuma, bahwa sekolah diliburkan.\n\nHarga beras disebut akan naik."
)


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """``(start, end)`` of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def entity(text: str, part: str, label: str, nth: int = 0) -> dict:
    start, end = span(text, part, nth)
    return {"start": start, "end": end, "text": part, "label": label}


def claim(text: str, content: str, kind: str, cue: str | None = None, source: str | None = None, **fields) -> dict:
    """A claim record; ``source_nth``/``cue_nth`` pick later occurrences, ``via_mention`` sets via offsets."""
    record = {"content": content, "kind": kind, "source": source, "cue": cue, "via": None}
    record["content_start"], record["content_end"] = span(text, content)
    for part, value in (("cue", cue), ("source", source), ("via", fields.pop("via_mention", None))):
        start, end = span(text, value, fields.pop(f"{part}_nth", 0)) if value else (None, None)
        record[f"{part}_start"], record[f"{part}_end"] = start, end
    record.update(fields)
    return record


def sample_records() -> list[dict]:
    """Three documents with claims and one error record, as ``claimx extract`` would write them."""
    vaksin = {
        "id": "vaksin",
        "text": VAKSIN,
        "entities": [entity(VAKSIN, "Budi Santoso", "PER"), entity(VAKSIN, "Jakarta", "LOC")],
        "claims": [
            claim(VAKSIN, "stok vaksin cukup hingga akhir tahun", "indirect", "mengatakan", "Budi Santoso",
                  source_resolved="Budi Santoso", stance="assert", rule="x-mengatakan", confidence=0.9),
            claim(VAKSIN, "Kami sudah menyiapkan dua juta dosis,", "direct", "ujar", "nya",
                  source_resolved="Budi Santoso", cue_lemma="ujar", rule="quote-ujarnya", confidence=0.95),
        ],
        "meta": {"url": "https://contoh.id/berita/vaksin", "date": "2025-05-12"},
    }  # fmt: skip
    hujan = {
        "id": "hujan",
        "text": HUJAN,
        "entities": [
            entity(HUJAN, "BMKG", "ORG"),
            entity(HUJAN, "Bandung", "LOC"),
            entity(HUJAN, "Antara", "ORG"),
            entity(HUJAN, "Bandung", "LOC", 1),
            entity(HUJAN, "Rina Kusuma", "PER"),
        ],
        "claims": [
            claim(HUJAN, "hujan lebat akan turun di Bandung pekan ini", "indirect", "Menurut", "BMKG",
                  source_resolved="BMKG", stance="report"),
            claim(HUJAN, "sekolah diliburkan", "indirect", "melaporkan", "Antara", source_resolved="Antara",
                  via="Rina Kusuma", via_mention="Rina Kusuma"),
            claim(HUJAN, "akan naik", "indirect", "disebut"),
        ],
        "meta": {"link": "https://contoh.id/berita/hujan"},
    }  # fmt: skip
    vaksin["entities"][0]["canonical"] = "Budi Santoso"
    return [vaksin, hujan, {"id": "rusak.txt", "error": "rusak.txt: empty document"}]
