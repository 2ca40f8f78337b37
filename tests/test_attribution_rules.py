"""Each attribution rule against its own table of test sentences (``tests/data/attribution/<rule>.tsv``).

Every row names the content and the source mention the rule must give; the rule's confidence must be
the one its config sets. The sentences were written for these tests.
"""

from pathlib import Path

import pytest

from claims_helpers import claims_of
from claimx.components.attribution import DEFAULT_CONFIG

TABLES = Path(__file__).parent / "data" / "attribution"


def _rows() -> list:
    rows = []
    for table in sorted(TABLES.glob("*.tsv")):
        for n, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                text, content, source = line.split("\t")
                rows.append(
                    pytest.param(table.stem, text.replace("\\n", "\n"), content, source, id=f"{table.stem}:{n}")
                )
    return rows


def test_every_claim_rule_has_a_table():
    assert {t.stem for t in TABLES.glob("*.tsv")} == set(DEFAULT_CONFIG["confidence"])


@pytest.mark.parametrize(("rule", "text", "content", "source"), _rows())
def test_rule_table(nlp, rule, text, content, source):
    claims = claims_of(nlp, text)
    by_content = {c["content"]: c for c in claims}
    assert content in by_content, f"no claim {content!r}; got {[(c['content'], c['rule']) for c in claims]}"
    claim = by_content[content]
    assert claim["rule"] == rule
    assert claim["source"] == (None if source == "-" else source)
    assert claim["confidence"] == DEFAULT_CONFIG["confidence"][rule]


def test_the_rules_that_run_are_the_configs():
    import claimx

    text = "Beredar pesan berantai yang menyebutkan bahwa vaksin itu mengandung cip."
    nlp = claimx.load()
    assert [c["rule"] for c in claims_of(nlp, text)] == ["relative_cue"]
    without = [r for r in DEFAULT_CONFIG["cue_rules"] if r != "relative_cue"]
    nlp.replace_pipe("claimx_attribution", "claimx_attribution", config={"cue_rules": without})
    assert claims_of(nlp, text) == []


def test_an_unknown_rule_name_is_a_clear_error():
    import claimx

    nlp = claimx.load("blank")
    with pytest.raises(ValueError, match="unknown rule 'nosuch'"):
        nlp.replace_pipe("claimx_attribution", "claimx_attribution", config={"cue_rules": ["nosuch"]})
