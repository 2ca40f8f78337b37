"""``claimx extract --format claimreview`` and ``--html``: the exports from the command line."""

import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()
TEXTS = [
    {"id": "vaksin", "url": "https://contoh.id/vaksin", "date": "2025-05-12",
     "text": "Menteri Kesehatan Budi Santoso mengatakan bahwa stok vaksin cukup. “Kami siap,” ujarnya di Jakarta."},
    {"id": "kosong", "text": ""},
]  # fmt: skip


def _input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in TEXTS), encoding="utf-8")
    return src


def test_claimreview_and_review_page_from_one_run(tmp_path):
    src, out, page = _input(tmp_path), tmp_path / "claims.jsonld", tmp_path / "review.html"
    result = runner.invoke(app, ["extract", str(src), "-f", "claimreview", "-o", str(out), "--html", str(page)])
    assert result.exit_code == 0, result.output
    records = runner.invoke(app, ["extract", str(src)]).stdout.splitlines()
    claims = [c for line in records for c in json.loads(line).get("claims", [])]
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert [c["text"] for c in graph] == [c["content"] for c in claims]
    assert all(c["appearance"]["url"] == "https://contoh.id/vaksin" for c in graph)
    html = page.read_text(encoding="utf-8")
    assert "<h3>vaksin <small>" in html and "kosong" in html  # the error is listed
    assert html.count('class="badge b-CLAIM" id=') == len(claims)


def test_claimreview_goes_to_stdout_without_output(tmp_path):
    result = runner.invoke(app, ["extract", str(_input(tmp_path)), "--format", "claimreview"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["@context"] == ["https://schema.org", {"claimx": "urn:claimx:"}]


def test_claimreview_draft_from_the_command_line(tmp_path):
    source, out = _input(tmp_path), tmp_path / "reviews.jsonld"
    options = ["--reviewer-name", "Cek Fakta", "--reviewer-url", "https://cekfakta.contoh.id"]
    result = runner.invoke(app, ["extract", str(source), "-f", "claimreview-draft", "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org" and document["@graph"]
    review = document["@graph"][0]
    assert review["@type"] == "ClaimReview" and review["author"]["name"] == "Cek Fakta"
    assert review["itemReviewed"]["text"] == review["claimReviewed"] and "reviewRating" not in review


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-f", "claimreview-draft"], "needs --reviewer-name and --reviewer-url"),
        (["-f", "claimreview-draft", "--reviewer-name", "X", "--reviewer-url", "cekfakta.id"], "not an absolute"),
        (["--reviewer-name", "X"], "only with --format claimreview-draft"),
    ],
)
def test_claimreview_draft_options_are_checked_first(tmp_path, options, message):
    result = runner.invoke(app, ["extract", str(_input(tmp_path)), *options])
    assert result.exit_code == 2 and message in result.stderr
