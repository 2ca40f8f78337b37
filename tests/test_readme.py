"""The README's examples against real output: its snippets run, and what it shows is what claimx gives."""

import json
import re
from pathlib import Path

import pandas as pd
from typer.main import get_command

import claimx
from claimx.cli import app
from conftest import shared_file

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language``, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.S | re.M)


def block_with(language: str, needle: str) -> str:
    (found,) = [block for block in blocks(language) if needle in block]
    return found


def block_after(language: str, needle: str) -> str:
    """The first ``language`` block after the text ``needle``."""
    return blocks_from(README[README.index(needle) :], language)[0]


def blocks_from(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.S | re.M)


def shown_table(text: str) -> tuple[list[str], list[list[str]]]:
    """A printed DataFrame as (columns, rows of cells); cells are separated by two spaces or more."""
    header, *lines = text.strip().splitlines()
    return header.split(), [re.split(r"\s{2,}", line.strip())[1:] for line in lines]


def test_the_dataframe_example_prints_what_the_readme_shows():
    code = block_with("python", "claimx.extract_frame([")
    *statements, expression = code.strip().splitlines()
    namespace = {"claimx": claimx}
    exec("\n".join(statements), namespace)  # noqa: S102  (the README's own example)
    frame = eval(expression, namespace)  # noqa: S307
    columns, rows = shown_table(block_after("text", "claimx.extract_frame(["))
    assert columns == list(frame.columns)
    real = [["<NA>" if pd.isna(value) else str(value) for value in row] for row in frame.itertuples(index=False)]
    assert rows == real
    claims, entities = namespace["claims"], namespace["entities"]
    listed = re.search(r"one row per claim \((.*?)\) and one row per entity \((.*?)\)", README, re.S)
    named = re.findall(r"`([a-z_]+)`", listed.group(1).replace("*_start", "").replace("*_end", ""))
    assert set(named) <= set(claims.columns)
    assert [c for c in claims.columns if not c.endswith(("_start", "_end"))] == named
    assert re.findall(r"`([a-z_]+)`", listed.group(2)) == list(entities.columns)


def test_the_output_example_is_real_output_of_the_seed_article():
    seed = shared_file("eval/seed.gold.jsonl")
    shown = block_after("json", "## Output")
    (record,) = claimx.extract_many([json.loads(seed.read_text(encoding="utf-8").splitlines()[0])])
    claim = json.loads(re.search(r'"claims": \[(\{"content".*?"dates": \[\]\})', shown, re.S).group(1))
    assert claim in record["claims"]
    entity = json.loads(re.search(r'"entities": \[(\{.*?\})', shown).group(1))
    assert entity in record["entities"]
    cluster = json.loads(re.search(r'"clusters": \[(\{.*?\]\]\})', shown).group(1))
    assert cluster in record["clusters"]
    assert f"one of its {len(record['claims'])} claims" in README
    assert json.loads(re.search(r'"meta": (\{.*?\})', shown).group(1)) == record["meta"]
    assert list(record) == ["id", "text", "entities", "claims", "clusters", "meta"]


def test_the_claimreview_example_is_real_output(tmp_path):
    shown = json.loads(block_after("json", "**Fact-check export.**"))
    src = tmp_path / "in.jsonl"
    text = block_with("python", "claimx.extract_frame([")
    vaksin = re.search(r'"vaksin", "text": (".*?")\s*\n\s*(".*?")\}', text, re.S)
    article = json.loads(vaksin.group(1)) + json.loads(vaksin.group(2))
    src.write_text(
        json.dumps({"id": "vaksin", "url": "https://contoh.id/vaksin", "date": "2025-05-12", "text": article})
    )
    claimx.run([src], tmp_path / "out.jsonld", format="claimreview")
    real = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    assert real["@context"] == shown["@context"]
    (example,) = shown["@graph"]
    (same,) = [c for c in real["@graph"] if c["identifier"] == example["identifier"]]
    assert {key: same.get(key) for key in example} == example


def test_the_python_api_snippets_run(tmp_path):
    code = block_with("python", "summary = claimx.run(")
    call = re.search(r"claimx\.run\((.*?)\)  #", code).group(1)
    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "“Kami siap,” kata Menteri Budi Santoso."}) + "\n", encoding="utf-8")
    call = call.replace('"news.jsonl"', repr(str(src))).replace('"claims.jsonl"', repr(str(tmp_path / "c.jsonl")))
    summary = eval(f"claimx.run({call.replace('workers=2', 'workers=1')})", {"claimx": claimx})  # noqa: S307
    assert (summary.documents, summary.errors) == (1, 0) and "1 document, 0 errors" in summary.report
    nlp = claimx.load()
    doc = nlp("“Kami siap,” kata Menteri Budi Santoso.")
    assert [e.text for e in doc.ents] == ["Budi Santoso"] and doc._.claims[0].source_resolved == "Budi Santoso"
    record = claimx.extract("“Kami siap,” kata Budi.", id="a")
    assert record["id"] == "a" and record["claims"][0]["source"] == "Budi"


def test_the_command_line_synopsis_lists_every_option():
    synopsis = block_with("text", "claimx extract PATH... [-o OUT]").split("claimx evaluate")[0]
    command = get_command(app).commands["extract"]
    options = {name for param in command.params for name in param.opts if name.startswith("--")}
    assert set(re.findall(r"--[a-z-]+", synopsis)) == options - {"--output", "--help"}  # -o is shown as -o
