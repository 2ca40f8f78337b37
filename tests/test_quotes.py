"""Quote pairing: every style, continuation paragraphs, split quotes, unbalanced marks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.components.quotes import pair_quotes, quote_marks


def contents(text: str) -> list[str]:
    return [text[slice(*q.content(text))] for q in pair_quotes(text)]


def test_straight_and_curly_quotes():
    assert contents('"Kami siap," kata Budi. “Semua aman,” ujar Sari.') == ["Kami siap", "Semua aman"]


def test_split_quote_gives_two_quotes():
    assert contents('"Ini awal," kata Budi, "dan ini akhirnya."') == ["Ini awal", "dan ini akhirnya."]


def test_continuation_paragraph_ends_at_its_paragraph():
    text = '"Kami bekerja sejak pagi.\n\n"Semua warga sudah dievakuasi," kata Budi.'
    quotes = pair_quotes(text)
    assert [q.closed for q in quotes] == [False, True]
    assert contents(text) == ["Kami bekerja sejak pagi.", "Semua warga sudah dievakuasi"]


def test_curly_quote_may_span_lines():
    text = "Berikut isinya:\n“Baris pertama.\nBaris kedua.”\nSelesai."
    assert contents(text) == ["Baris pertama.\nBaris kedua."]


def test_glued_marks_after_a_full_stop():
    assert contents('Ia bicara."Kami menang." Lalu pergi.') == ["Kami menang."]


def test_stray_mark_in_mid_paragraph_is_dropped():
    text = 'Harga naik 5" di pasar.\nWarga mengeluh.\n\n"Kami kecewa," kata Sari.'
    assert contents(text) == ["Kami kecewa"]


def test_unbalanced_mark_never_swallows_the_article():
    text = '"Awal tanpa penutup.\n' + "Kalimat biasa. " * 400
    assert all(q.close_at - q.open_at <= 2500 for q in pair_quotes(text))


def test_quote_spans_in_the_pipeline(nlp):
    doc = nlp('"Kami siap," kata Budi.')
    (span,) = doc.spans["quotes"]
    assert span.text == '"Kami siap,"'
    assert quote_marks(span, doc.text).content(doc.text) == (1, 10)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,')), max_size=200))
def test_pairing_is_well_formed_on_any_text(text):
    previous_end = -1
    for quote in pair_quotes(text):
        assert previous_end <= quote.open_at < quote.close_at <= len(text)
        start, end = quote.content(text)
        assert quote.open_at < start <= end <= quote.close_at
        previous_end = quote.close_at


def test_curly_quotes_nest_inside_a_curly_quote():
    text = "Isinya: “Mobil ini memakai “mesin air” yang baru.”\nSelesai."
    assert contents(text) == ["Mobil ini memakai “mesin air” yang baru."]


def test_a_paragraph_quote_that_lost_its_closing_mark_ends_before_its_attribution(nlp):
    text = 'Budi hadir.\n"Kami siap. Stok cukup, ujarnya.\n"Harga turun," kata Budi.'
    doc = nlp(text)
    quotes = [(q.label_, q.text) for q in doc.spans["quotes"]]
    assert quotes[0] == ("open", '"Kami siap. Stok cukup')
    assert quotes[1] == ("closed", '"Harga turun,"')
