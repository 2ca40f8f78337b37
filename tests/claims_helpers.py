"""Shared helper for the claim tests: run the pipeline and return claim records."""

from claimx.records import doc_to_record


def claims_of(nlp, text: str) -> list[dict]:
    """The claim records of ``text``, each with every span checked against the text."""
    claims = doc_to_record(nlp(text), "t")["claims"]
    for claim in claims:
        for name in ("content", "source", "cue"):
            if claim[f"{name}_start"] is not None:
                assert text[claim[f"{name}_start"] : claim[f"{name}_end"]] == claim[name]
    return claims


def summary(claim: dict) -> tuple:
    """``(content, source, source_resolved, cue, kind)`` of a claim record."""
    return claim["content"], claim["source"], claim["source_resolved"], claim["cue"], claim["kind"]
