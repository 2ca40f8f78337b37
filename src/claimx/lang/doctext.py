"""``doc_text(doc)``: ``doc.text``, built once per document.

spaCy builds ``Doc.text`` from a new ``Token`` object per token on every access (about 0.1 ms for an
article), and the claimx stages and the record each read it. The text of a ``Doc`` never changes (the
retokenizer keeps it), so the claimx tokenizer stores the text it was given and every later reader
takes that; a ``Doc`` made elsewhere gets its text built on the first call.

>>> from claimx.pipeline import blank
>>> doc = blank()("Kata Budi.")
>>> doc_text(doc), doc_text(doc) is doc_text(doc)
('Kata Budi.', True)
"""

from spacy.tokens import Doc

#: the key in ``doc.user_data``, in the form of a custom extension's (``Doc.from_docs`` skips it)
KEY = ("._.", "claimx_text", None, None)


def remember_text(doc: Doc, text: str) -> Doc:
    """Store ``text`` as the text of ``doc`` (the tokenizer's input, equal to ``doc.text``)."""
    doc.user_data[KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per ``Doc``."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
