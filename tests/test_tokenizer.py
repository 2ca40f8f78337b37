"""The claimx tokenizer on tricky Indonesian news sentences (written for these tests)."""

import pytest

from claimx.pipeline import blank


@pytest.fixture(scope="module")
def tokenize():
    nlp = blank()
    return lambda text: [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ('"Kami siap," kata Budi.', ['"', "Kami", "siap", ",", '"', "kata", "Budi", "."]),
        ("“Tidak benar,” tegasnya.", ["“", "Tidak", "benar", ",", "”", "tegas", "nya", "."]),
        ("‘Aman’ katanya", ["‘", "Aman", "’", "kata", "nya"]),
        ("Ia menyebut 'pahlawan' itu", ["Ia", "menyebut", "'", "pahlawan", "'", "itu"]),
        ("O'Doherty hadir", ["O'Doherty", "hadir"]),
        ("Ia berkata:“Cukup.”", ["Ia", "berkata", ":", "“", "Cukup", ".", "”"]),
        ("Senin (28/4) pagi", ["Senin", "(", "28/4", ")", "pagi"]),
        ("pada 17/8/2025.", ["pada", "17/8/2025", "."]),
        ("sekitar 14.000 personel", ["sekitar", "14.000", "personel"]),
        ("Rp 50 triliun dan 3,5 persen", ["Rp", "50", "triliun", "dan", "3,5", "persen"]),
        ("negara-negara dan jet-jet", ["negara-negara", "dan", "jet-jet"]),
        ("anak-anaknya bermain", ["anak-anaknya", "bermain"]),
        ("Bandara Soekarno-Hatta", ["Bandara", "Soekarno-Hatta"]),
        ("di Jl. Sudirman, Kab. Bogor", ["di", "Jl.", "Sudirman", ",", "Kab.", "Bogor"]),
        ("PT. Maju Tbk. melapor", ["PT.", "Maju", "Tbk.", "melapor"]),
        ("Korut dan AS, kata Kemenkes.", ["Korut", "dan", "AS", ",", "kata", "Kemenkes", "."]),
        ("Menurutnya, pihaknya siap", ["Menurut", "nya", ",", "pihak", "nya", "siap"]),
        ("rumahnya besar", ["rumahnya", "besar"]),
        ("lihat https://contoh.id/a-b?x=1 ya", ["lihat", "https://contoh.id/a-b?x=1", "ya"]),
    ],
)
def test_tokens(tokenize, text, tokens):
    assert tokenize(text) == tokens


def test_whitespace_and_offsets_are_preserved():
    nlp = blank()
    text = "  “Satu,”\u00a0kata  Ani.\n\nBaca juga:\tx  "
    doc = nlp(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_no_per_word_hyphen_exceptions():
    """Start-up stays fast: hyphenated words come from a rule, not ~15,600 special cases."""
    rules = blank().tokenizer.rules
    assert len(rules) < 1000
    assert not any("-" in key for key in rules)


def test_loaded_model_uses_the_package_tokenizer(nlp):
    """Tokenizer rules come from claimx's data files, whatever copy the model directory holds."""
    assert nlp.tokenizer.rules == blank().tokenizer.rules


def test_long_runs_are_tokenized_in_pieces_with_exact_offsets():
    """A run of quote marks or glued text longer than MAX_RUN: the same tokens, text kept byte for byte."""
    from claimx.lang.tokenizer import MAX_RUN

    nlp = blank()
    quotes = "“" * (3 * MAX_RUN + 7)
    doc = nlp(quotes)
    assert doc.text == quotes and all(t.text == "“" for t in doc) and len(doc) == len(quotes)
    text = "Kata Budi, " + "ab" * MAX_RUN + " lalu “Kami siap,” ujarnya."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][-9:] == ["lalu", "“", "Kami", "siap", ",", "”", "ujar", "nya", "."]
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_bounded_tokenizer_is_the_plain_one_below_the_limit():
    nlp = blank()
    text = '"Jet-jet itu tiba Senin (28/4)," ujarnya di https://contoh.id/berita?id=12.'
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in nlp.tokenizer.inner(text)]
