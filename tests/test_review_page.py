"""The HTML review page: its content, and how it renders in a real (headless) browser."""

import json
import os
import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest

from claim_records import claim, entity, sample_records
from claimx.io.html import write_html
from claimx.io.html_text import annotated_text, source_anchor

BROWSER = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
ARTIFACTS = Path(os.environ.get("CLAIMX_ARTIFACTS") or Path(tempfile.gettempdir()) / "claimx-artifacts")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("review") / "review.html"
    write_html(sample_records(), out)
    return out


def test_page_lists_sources_documents_claims_and_errors(page):
    html = page.read_text(encoding="utf-8")
    sources = html[html.index("Sources by claim count") : html.index("<h2>Documents")]
    assert sources.index("Budi Santoso") < sources.index("BMKG")
    assert '<section class="document" id="doc-1">' in html and 'id="doc-2"' in html and "hujan" in html
    assert 'href="https://contoh.id/berita/vaksin"' in html and "2025-05-12" in html
    assert "rusak.txt: empty document" in html
    assert "2 documents, 5 claims, 7 entities, 1 errors" in html


def test_sources_link_to_claims_and_claims_link_back(page):
    html = page.read_text(encoding="utf-8")
    budi = source_anchor("Budi Santoso")
    row = re.search(rf'<tr id="{budi}">(.*?)</tr>', html).group(1)
    assert '<a href="#doc-1-c1">vaksin #1</a>' in row and '<a href="#doc-1-c2">vaksin #2</a>' in row
    claim_row = re.search(r'<tr id="doc-1-c2">(.*?)</tr>', html).group(1)
    assert '<a href="#doc-1-t2"' in claim_row  # back to the claim in the text
    assert f'nya → <a href="#{budi}">Budi Santoso</a>' in claim_row  # and to the source
    assert '<a class="badge b-CLAIM" id="doc-1-t2" href="#doc-1-c2"' in html


def test_the_text_keeps_its_spacing():
    record = sample_records()[0]
    text = annotated_text(record, "doc-1")
    without_badges = re.sub(r'<(a|span) class="badge[^>]*>[^<]*</(a|span)>', "", text)
    assert unescape(re.sub(r"<[^>]+>", "", without_badges)) == record["text"]
    assert "dosis,” ujar" in unescape(re.sub(r"<[^>]+>", "", without_badges))


def test_large_batches_are_paged_and_pages_link_up(tmp_path):
    vaksin = sample_records()[0]
    records = [{**vaksin, "id": f"v{n}"} for n in range(7)] + [{"id": "bad", "error": "bad: empty document"}]
    out = tmp_path / "review.html"
    write_html(records, out, page_size=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review-2.html", "review-3.html", "review.html"]
    first, second, third = (tmp_path / name for name in ("review.html", "review-2.html", "review-3.html"))
    html = first.read_text(encoding="utf-8")
    assert "7 documents, 14 claims" in html and "bad: empty document" in html
    assert html.count('<section class="document"') == 3 and "Page 1 of 3" in html
    assert '<a href="review-3.html#doc-7-c2">v6 #2</a>' in html  # the sources table reaches every page
    page2 = second.read_text(encoding="utf-8")
    assert page2.count('<section class="document"') == 3 and 'id="doc-4"' in page2
    assert 'href="review.html#sources"' in page2 and 'href="review-3.html#top"' in page2
    page3 = third.read_text(encoding="utf-8")
    assert page3.count('<section class="document"') == 1 and "page 4" not in page3
    assert f'href="review.html#{source_anchor("Budi Santoso")}"' in page3


def _browser(*args: str, profile: Path) -> subprocess.CompletedProcess:
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


#: appended to a copy of the page: measures every badge and every run of text, and writes what it finds
#: into the DOM, which ``--dump-dom`` prints once the page has loaded
LAYOUT_PROBE = """<script>
const boxes = (node) => {
  if (node.nodeType === Node.ELEMENT_NODE) return [...node.getClientRects()];
  const range = document.createRange(); range.selectNodeContents(node); return [...range.getClientRects()];
};
const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const found = {overlaps: [], texts: [], sources: [], badges: 0};
for (const text of document.querySelectorAll(".text")) {
  const badges = [], runs = [];
  for (const node of text.childNodes) {
    const badge = node.nodeType === Node.ELEMENT_NODE && node.classList.contains("badge");
    for (const box of boxes(node)) (badge ? badges : runs).push([node.textContent, box]);
  }
  found.badges += badges.length;
  badges.forEach(([label, box], i) => {
    for (const [other, its] of [...badges.slice(i + 1), ...runs])
      if (overlap(box, its)) found.overlaps.push([label, other]);
  });
  const copy = text.cloneNode(true); copy.querySelectorAll(".badge").forEach((b) => b.remove());
  found.texts.push(copy.textContent);
}
for (const badge of document.querySelectorAll(".text a.b-SOURCE")) {
  const box = badge.getBoundingClientRect();
  found.sources.push([badge.getAttribute("href"), badge.textContent, box.width > 0 && box.right <= innerWidth]);
}
const out = document.createElement("pre"); out.id = "layout"; out.textContent = JSON.stringify(found);
document.body.append(out);
</script>"""
PRONOUNS = (
    "Menteri Kesehatan Budi Santoso mengatakan stok vaksin cukup. “Kami siap,” ujarnya. Ia menambahkan bahwa "
    "dosis tiba Senin. Menurut dia, harga tetap. Para petani menolak impor. Mereka mengatakan bahwa harga turun."
)


def pronoun_record() -> dict:
    """Short source spans side by side: ``-nya``, ``Ia``, ``dia``, ``Mereka``, each resolved."""
    claims = [
        claim(PRONOUNS, "stok vaksin cukup", "indirect", "mengatakan", "Budi Santoso", source_resolved="Budi Santoso"),
        claim(PRONOUNS, "Kami siap", "direct", "ujar", "nya", source_resolved="Budi Santoso"),
        claim(PRONOUNS, "dosis tiba Senin", "indirect", "menambahkan", "Ia", source_resolved="Budi Santoso"),
        claim(PRONOUNS, "harga tetap", "indirect", "Menurut", "dia", source_resolved="Budi Santoso"),
        claim(PRONOUNS, "harga turun", "indirect", "mengatakan", "Mereka", cue_nth=1, source_resolved="Para petani"),
    ]
    entities = [entity(PRONOUNS, "Budi Santoso", "PER")]
    return {"id": "kata-ganti", "text": PRONOUNS, "entities": entities, "claims": claims}


@pytest.mark.skipif(BROWSER is None, reason="chromium not found: install Debian's chromium (scripts/test does as root)")
@pytest.mark.parametrize("width", [1280, 390])
def test_labels_do_not_overlap_and_pronoun_sources_show_their_name(tmp_path, width):
    records = [pronoun_record(), *sample_records()]
    page = tmp_path / "review.html"
    write_html(records, page)
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    dom = _browser(f"--window-size={width},2000", "--dump-dom", probed.as_uri(), profile=tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = json.loads(unescape(re.search(r'<pre id="layout">(.*?)</pre>', dom.stdout, re.S).group(1)))
    assert found["badges"] >= 30 and found["overlaps"] == []
    assert found["texts"] == [r["text"] for r in records if "error" not in r]  # the original spacing, exactly
    shown = {href: (label, visible) for href, label, visible in found["sources"]}
    for number, pronoun in ((2, "nya"), (3, "Ia"), (4, "dia"), (5, "Mereka")):
        resolved = records[0]["claims"][number - 1]["source_resolved"]
        assert shown[f"#doc-1-c{number}"] == (f"SOURCE {number} → {resolved}", True), pronoun
        assert f'<tr id="doc-1-c{number}">' in dom.stdout and f"{pronoun} → <a" in dom.stdout

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"review-{width}.png"
    shot.unlink(missing_ok=True)
    result = _browser(
        "--hide-scrollbars", f"--window-size={width},1400", f"--screenshot={shot}", page.as_uri(),
        profile=tmp_path / "profile",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_only_http_links_and_duplicate_ids_kept_apart():
    from claimx.io.html import review_page

    text_a, text_b = "“Harga naik,” kata Budi.", "“Stok aman,” kata Sinta."
    records = [
        {"id": "x", "text": text_a, "entities": [], "meta": {"url": "javascript:alert(3)"},
         "claims": [{"content": "Harga naik", "content_start": 1, "content_end": 11, "source": "Budi",
                     "source_start": 19, "source_end": 23, "source_resolved": "Budi", "kind": "direct"}]},
        {"id": "x", "text": text_b, "entities": [], "meta": {"url": "https://contoh.id/b"},
         "claims": [{"content": "Stok aman", "content_start": 1, "content_end": 10, "source": "Sinta",
                     "source_start": 18, "source_end": 23, "source_resolved": "Sinta", "kind": "direct"}]},
    ]  # fmt: skip
    page = review_page(records)
    assert 'href="javascript' not in page and "javascript:alert(3)" in page  # shown, not linked
    assert 'href="https://contoh.id/b"' in page
    assert 'id="doc-1"' in page and 'id="doc-2"' in page
    first, second = page.split('id="doc-2"')
    assert "Harga naik" in first.split('id="doc-1"')[1] and "Stok aman" not in first.split('id="doc-1"')[1]
    assert "Stok aman" in second and "Harga naik" not in second
    assert '<a href="#doc-1-c1">x #1</a>' in page and '<a href="#doc-2-c1">x #1</a>' in page


def test_a_later_page_that_is_a_folder_is_refused_before_any_work(tmp_path):
    from typer.testing import CliRunner

    from claimx.cli import app

    src = tmp_path / "a.txt"
    src.write_text("“Kami siap,” kata Budi.", encoding="utf-8")
    (tmp_path / "review-2.html").mkdir()
    result = CliRunner().invoke(app, ["extract", str(src), "--html", str(tmp_path / "review.html"), "--model", "blank"])
    assert result.exit_code == 2 and "review-2.html: is a folder" in result.output
    assert not (tmp_path / "review.html").exists()


def test_a_run_that_fails_midway_leaves_the_earlier_review_whole(tmp_path):
    out = tmp_path / "review.html"
    out.write_text("earlier review", encoding="utf-8")

    def failing():
        for n in range(60):
            yield {**sample_records()[0], "id": f"v{n}"}
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_html(failing(), out, page_size=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.html"]  # no page 2..6, no temporary file
    assert out.read_text(encoding="utf-8") == "earlier review"
