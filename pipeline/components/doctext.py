"""The Doc's text, read once.

spaCy's `Doc.text` joins every token each time it is read; components that scan the text call this
instead. The runner stores the text it built the Doc from, so the join never happens there.
"""

from spacy.tokens import Doc

TEXT_KEY = "newsevents.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached in `doc.user_data` for the life of the Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
