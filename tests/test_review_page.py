"""The HTML review page: its content, and how it renders in a real (headless) browser."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from claim_records import sample_records
from claimx.io.html import write_html

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
    assert '<section class="document" id="vaksin">' in html and 'id="hujan"' in html
    assert 'href="https://contoh.id/berita/vaksin"' in html and "2025-05-12" in html
    assert "rusak.txt: empty document" in html
    assert "2 documents, 5 claims, 7 entities, 1 errors" in html


def _browser(*args: str, profile: Path) -> subprocess.CompletedProcess:
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


@pytest.mark.skipif(BROWSER is None, reason="chromium not found: install Debian's chromium (scripts/test does as root)")
def test_page_renders_in_headless_chromium(page, tmp_path):
    dom = _browser("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    labels = re.findall(r'class="claimx-label"[^>]*>\s*(?:<span title="([^"]*)">)?([^<]+?)\s*<', dom.stdout)
    visible = {label for _, label in labels}
    for label in ("CLAIM 1", "CUE 1", "SOURCE 2 → Budi Santoso", "VIA 2", "PER", "ORG", "LOC"):
        assert label in visible, label
    assert ("kind: direct; source: nya; resolved: Budi Santoso", "CLAIM 2") in [(t[:49], v) for t, v in labels]
    assert dom.stdout.count('<div class="spans"') == 3  # one block per paragraph

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "review.png"
    shot.unlink(missing_ok=True)
    result = _browser(
        "--hide-scrollbars",
        "--window-size=1100,1400",
        f"--screenshot={shot}",
        page.as_uri(),
        profile=tmp_path / "profile",
    )
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
    assert 'id="x"' in page and 'id="x-2"' in page
    first, second = page.split('id="x-2"')
    assert "Harga naik" in first.split('id="x"')[1] and "Stok aman" not in first.split('id="x"')[1]
    assert "Stok aman" in second and "Harga naik" not in second
