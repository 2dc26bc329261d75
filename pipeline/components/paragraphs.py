"""Paragraph-aware sentence starts.

(No `from __future__ import annotations` in component modules: spaCy validates factory
signatures at runtime and cannot resolve string annotations.)

News text puts headings ("Context."), bullets and quote paragraphs on lines of their own; the parser
sometimes runs a sentence across a line break. This component, placed before the parser, marks the
first token after a line break as a sentence start (the parser respects preset boundaries).
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

DATELINE_DASHES = {"—", "–", "--", "-"}


def _mark_dateline(doc: Doc, start: int) -> None:
    """'FRANKFURT — Rheinwerk Bank reported ...': the dateline (upper-case place, optionally with
    a region, then a dash) is not the subject of the first sentence."""
    saw_upper = False
    for j in range(start, min(start + 8, len(doc) - 1)):
        tok = doc[j]
        if tok.text in DATELINE_DASHES:
            if saw_upper:
                doc[j + 1].is_sent_start = True
            return
        if tok.is_upper and tok.is_alpha and len(tok.text) > 1:
            saw_upper = True
        elif not (tok.is_punct or tok.text[:1].isupper() or tok.is_space):
            return


def mark_paragraph_starts(doc: Doc) -> Doc:
    if len(doc):
        _mark_dateline(doc, 0)
    after_break = False
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            # The token holding the break (a SPACE token) ends the line; the next real token starts.
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
            _mark_dateline(doc, token.i)
        after_break = False
    return doc


@Language.factory("newsevents_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_paragraph_starts
