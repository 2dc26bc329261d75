"""Paragraph-aware sentence starts.

(No `from __future__ import annotations` in component modules: spaCy validates factory
signatures at runtime and cannot resolve string annotations.)

News text puts headings ("Context."), bullets and quote paragraphs on lines of their own; the parser
sometimes runs a sentence across a line break. This component, placed before the parser, marks the
first token after a line break as a sentence start (the parser respects preset boundaries).
It also finds datelines ("ROTTERDAM — ...", "WASHINGTON (Reuters) - ...") and records the place's
tokens on `doc._.datelines`, for the entity inventory.
"""

import bisect
import re
from collections.abc import Callable
from functools import cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import load_json
from .doctext import doc_text

_NEWLINE = re.compile(r"\n")
DATELINE_DASHES = {"—", "–", "--", "-"}
# lower-case words inside a dateline's place names ("Bosnia and Herzegovina", "Trinidad and Tobago")
_NAME_JOINERS = frozenset({"and", "of", "de", "del", "da", "do", "la", "upon"})


def _register_extensions() -> None:
    if not Doc.has_extension("datelines"):
        Doc.set_extension("datelines", default=None)


def _is_place_word(text: str) -> bool:
    """'ROTTERDAM', 'ST.', "N'DJAMENA", 'AL-ARISH': an upper-case word of a dateline's place."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and text.isupper() and all(ch.isalpha() or ch in ".'-’" for ch in text)


@cache
def _news_agencies() -> frozenset[str]:
    return frozenset(load_json("quote_speakers.json")["news_agencies"])


def _credit_before(doc: Doc, start: int, dash: int) -> int | None:
    """'Dhaka (AFP) -', '(Bloomberg) --': a news agency (`news_agencies`, models/quote_speakers.json) in
    brackets just before the dash, with nothing before it but title-case words. Returns the token where
    the credit opens."""
    close = dash - 1
    if close - start < 2 or doc[close].text != ")":
        return None
    open_ = close - 2 if doc[close - 2].text == "(" else close - 3
    if open_ < start or doc[open_].text != "(":
        return None
    if doc[open_ + 1:close].text not in _news_agencies():
        return None  # ("Shell Plc (SHEL) -", "Jonathan Ashworth (Labour) -": no credit)
    if not all(t.is_title or t.lower_ in _NAME_JOINERS and k > start for k, t in enumerate(doc[start:open_], start)):
        return None
    return open_


def _mark_dateline(doc: Doc, start: int) -> tuple[int, int] | None:
    """'FRANKFURT — Rheinwerk Bank reported ...': the dateline (upper-case place, optionally with
    a region or an agency, then a dash) is not the subject of the first sentence. Returns the
    place's token range: the upper-case words it starts with."""
    place_end = start
    saw_upper = False
    # up to 16 tokens: "BIRMINGHAM, England, Oct. 14, 2026 (Reuters) -"
    for j in range(start, min(start + 16, len(doc) - 1)):
        tok = doc[j]
        # a hyphen only with spaces around it ("WASHINGTON (Reuters) - "), not "Secretary-General"
        spaced = j > start and bool(tok.whitespace_) and bool(doc[j - 1].whitespace_)
        if tok.text in DATELINE_DASHES and (spaced or tok.text != "-"):
            credit = _credit_before(doc, start, j)
            if saw_upper or credit is not None:
                doc[j + 1].is_sent_start = True
            if place_end == start and credit is not None:
                # "Dhaka (AFP) -": a place in title case before the credit; "(Bloomberg) --": none
                place_end = credit
                return (start, place_end)
            return (start, place_end) if place_end > start else None
        if tok.is_upper and tok.is_alpha and len(tok.text) > 1:
            saw_upper = True
        if place_end == j and _is_place_word(tok.text):
            place_end = j + 1
        elif not (tok.is_punct or tok.text[:1].isupper() or tok.is_space or tok.is_digit and len(tok.text) <= 4
                  or tok.lower_ in _NAME_JOINERS and j > start and doc[j - 1].is_title and not doc[j - 1].is_upper):
            # (digits: the date of "WASHINGTON, Feb 12 (Reuters) -"; "ZVORNIK, Bosnia and Herzegovina (AFP) -")
            return None
    return None


def mark_paragraph_starts(doc: Doc) -> Doc:
    _register_extensions()
    datelines = []
    if len(doc):
        found = _mark_dateline(doc, 0)
        if found:
            datelines.append(found)
    text = doc_text(doc)
    if "\n" in text:
        # The tokens holding a line break (SPACE tokens) end a line; the next real token starts
        # one. Found from the text's newlines, not by making a Token object for every word.
        token_starts = doc.to_array(IDX).tolist()
        breaks = {bisect.bisect_right(token_starts, m.start()) - 1 for m in _NEWLINE.finditer(text)}
        n = len(doc)
        for i in sorted(b + 1 for b in breaks if b + 1 < n and b + 1 not in breaks):
            doc[i].is_sent_start = True
            found = _mark_dateline(doc, i)
            if found:
                datelines.append(found)
            elif i + 1 < n and doc[i].is_alpha and doc[i].is_title and doc[i + 1].is_alpha and not doc[i + 1].is_sent_start:
                # a paragraph's first word is no sentence of its own ("Kingston | Cobras won ...",
                # as the parser cut it after a headline)
                doc[i + 1].is_sent_start = False
    doc._.datelines = datelines
    return doc


@Language.factory("newsevents_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_paragraph_starts
