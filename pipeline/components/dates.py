"""spaCy component `newsevents_dates`: temporal expressions as TimeML TIMEX3 dicts in doc._.timexes.

The extraction and normalization are the pure rules of pipeline.timex (regexes over doc.text,
lexicons in models/); the Doc contributes the tense of the governing verb (dependency parse),
which places bare weekdays and month-days ("Friday", "Nov. 25") before or after the publication
date, and spaCy's DATE/TIME entities, which veto bare-number years that are counts.
"""


from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.timex import tag
from pipeline.timex.values import Timex, value_range

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}


def _register() -> None:
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)


_register()


def _parse_dct(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def verb_tense(doc: Doc, start: int, end: int) -> str | None:
    """'past', 'future' or None for the clause governing the character span [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    if not tok.tag_.startswith("VB") and tok.tag_ != "MD":
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (tok.lower_ == "going" and any(
            c.lower_ == "to" for c in tok.children)):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have", "had"}:
        return "past"
    if tok.tag_ == "VBN" and lowers & {"was", "were"}:
        return "past"
    return None


def timex_dict(text: str, start: int, end: int, tx: Timex) -> dict:
    return {
        "text": text,
        "start": start,
        "end": end,
        "type": tx.type,
        "value": tx.value,
        "mod": tx.mod,
        "range": value_range(tx.value, tx.mod) if tx.type in ("DATE", "TIME") else None,
        "anchor": tx.anchor,
        "quant": tx.quant,
        "freq": tx.freq,
    }


class DatesComponent:
    def __init__(self, nlp: Language, name: str, use_tense: bool = True,
                 year_needs_entity: bool = True):
        self.name = name
        self.use_tense = use_tense
        self.year_needs_entity = year_needs_entity
        _register()

    def __call__(self, doc: Doc) -> Doc:
        dct = _parse_dct(doc._.published)
        has_dep = doc.has_annotation("DEP")
        tense_fn = None
        if self.use_tense and has_dep:
            cache: dict[tuple[int, int], str | None] = {}

            def tense_fn(s: int, e: int) -> str | None:
                key = (s, e)
                if key not in cache:
                    cache[key] = verb_tense(doc, s, e)
                return cache[key]

        keep = None
        if self.year_needs_entity and doc.has_annotation("ENT_IOB"):
            keep = self._year_filter(doc)
        found = tag(doc.text, dct, tense_fn=tense_fn, keep=keep)
        doc._.timexes = [timex_dict(f.text, f.start, f.end, f.timex) for f in found]
        return doc

    @staticmethod
    def _year_filter(doc: Doc):
        """A bare four-digit number is a year unless the Doc reads it as a count: inside a
        CARDINAL/MONEY/QUANTITY/PERCENT entity, or a number modifying a plural noun with no
        determiner ("2000 troops"; but "the 2015 elections" stays a year)."""
        counts = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")]
        has_dep = doc.has_annotation("DEP")

        def keep(s: int, e: int, tx: Timex) -> bool:
            if tx.type != "DATE" or not doc.text[s:e].isdigit():
                return True
            if any(cs <= s and e <= ce for cs, ce in counts):
                return False
            if has_dep:
                span = doc.char_span(s, e)
                if span is not None and len(span) == 1:
                    tok = span[0]
                    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                    if (tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i
                            and prev not in DETERMINERS and not prev.endswith("'s")):
                        return False
            return True

        return keep


DETERMINERS = {"the", "its", "their", "his", "her", "this", "that", "our", "a", "an", "'s"}


@Language.factory(
    "newsevents_dates",
    default_config={"use_tense": True, "year_needs_entity": True},
)
def make_dates(nlp: Language, name: str, use_tense: bool, year_needs_entity: bool):
    return DatesComponent(nlp, name, use_tense=use_tense, year_needs_entity=year_needs_entity)
