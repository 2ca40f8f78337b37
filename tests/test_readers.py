"""Bad input never loses a document: each yields a record or an error naming the file and line."""

import json

from claimx.io.readers import read_paths


def _docs(*paths, **kwargs):
    return list(read_paths([str(p) for p in paths], **kwargs))


def test_txt_folder_and_jsonl(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Berita dua.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Berita satu.", encoding="utf-8")
    (tmp_path / "skip.md").write_text("bukan teks", encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "x", "text": "Isi.", "url": "u", "claims": []}) + "\n", encoding="utf-8")
    folder_docs = _docs(tmp_path)
    assert [d.id for d in folder_docs] == ["a.txt", "sub/b.txt"]
    (doc,) = _docs(jsonl)
    assert (doc.id, doc.text, doc.meta) == ("x", "Isi.", {"url": "u"})


def test_bad_inputs_become_errors_naming_file_and_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kafé".encode("cp1252"))
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text('{"id": "ok", "text": "Baik."}\n{broken\n\n{"id": "nt"}\n[1]\n{"id": "z", "text": 5}\n')
    docs = _docs(empty, binary, latin, jsonl, tmp_path / "missing.txt")
    errors = [d.error for d in docs]
    assert errors[0] == f"{empty}: empty document"
    assert errors[1] == f"{binary}: binary file (NUL bytes), not text"
    assert errors[2].startswith(f"{latin}: not UTF-8 (invalid byte 0xe9 at offset 3)")
    assert errors[3] is None and docs[3].text == "Baik."
    assert errors[4].startswith(f"{jsonl}:2: malformed JSON")
    assert errors[5] == f"{jsonl}:4: record 'nt' has no 'text'"
    assert errors[6] == f"{jsonl}:5: expected a JSON object, got list"
    assert errors[7] == f"{jsonl}:6: record 'z' 'text' is not a string"
    assert errors[8] == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert len(docs) == 9


def test_fallback_encoding_is_explicit(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kafé".encode("cp1252"))
    (doc,) = _docs(latin, fallback="cp1252")
    assert doc.error is None and doc.text == "Kafé"


def test_jsonl_on_stdin_is_recognised_by_its_first_line():
    import io

    from claimx.io.readers import read_stdin

    lines = b'\n  \n{"id": "a", "text": "Kata Budi, harga naik."}\n{"id": "b", "text": "Dua."}\n{broken\n'
    notes = []
    docs = list(read_stdin(io.BytesIO(lines), "auto", note=notes.append))
    assert [(d.id, d.text) for d in docs[:2]] == [("a", "Kata Budi, harga naik."), ("b", "Dua.")]
    assert docs[2].error.startswith("<stdin>:5: malformed JSON")  # line numbers count the blank lines too
    assert len(notes) == 1 and "read as JSONL" in notes[0]
    (text,) = read_stdin(io.BytesIO(lines), "txt", note=notes.append)  # asked for text: one document
    assert text.text == lines.decode() and len(notes) == 1
    for plain in (b'{"id": "a"}\n{"id": "b"}\n', b"Kata Budi: {harga} naik.\n", b'["text"]\n', b""):
        (doc,) = read_stdin(io.BytesIO(plain), "auto", note=notes.append)
        assert doc.id == "stdin" and len(notes) == 1, plain


def test_jsonl_piped_to_the_command_line_is_read_as_jsonl():
    import subprocess
    import sys

    lines = "".join(json.dumps({"id": i, "text": f"“Harga naik {i} persen,” kata Budi."}) + "\n" for i in "xyz")
    done = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", "-", "-q", "--model", "blank"],
        input=lines, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["x", "y", "z"]
    assert "looks like JSON Lines" in done.stderr
