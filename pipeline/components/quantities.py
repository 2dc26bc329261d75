"""The quantities component: numbers with bounds, units, currencies, what they count, and change.

Fills `doc._.quantities` with dicts (docs/architecture.md):
`{"text", "start", "end", "kind", "value", "low", "high", "approx", "unit", "counted", "change"}`.

How it works (one left-to-right pass; only tokens that hold a digit or a number word are looked at):
1. a number is read from the token texts (`pipeline.quantity.numbers.parse_words`): digits, scale words,
   spelled-out numbers, fractions, "a dozen", "hundreds of";
2. around it: a currency before ("$", "US$", "€"), an approximator before ("nearly", "at least",
   "up to"), a range ("between 10 and 15", "20-25", "from 5 to 7"), a unit or currency word after
   ("km/h", "degrees Celsius", "euros", "%", "percentage points"), all looked up in models/;
3. what is not a quantity is dropped: numbers in `doc._.timexes` spans (when the dates component ran),
   counts inside spaCy DATE/TIME entities ("June 11", "2025", "12-day"), durations ("five-hour";
   the dates component owns them, unless `durations=True`), ordinals, clock times, bare years, and
   digits inside names ("Boeing 737", "World War II", "COVID-19");
4. `counted` and `change` come from the dependency parse: the noun the number modifies ("30 ballistic
   missiles"), the partitive "of" ("90% of Iran's crude exports"); with no counted noun, what the
   amount measures (`_measured`: the modified noun, the object of a transitive change verb, else the
   clause subject: "Shares of Apple rose 3%" -> "Shares of Apple"); the governing verb or noun ("rose
   3.2%" up, "fell by 1.5 percentage points" down, "a 3% drop"; "rose to 5%" is a level: none).
   Vague plurals are order-of-magnitude ranges ("hundreds of": 100 to 1,000); glued integer pairs that
   are scores ("2-2", "won 2-3") and acronym names ("FTSE 100") are not quantities.

Ages ("a 35-year-old man", "aged 35") are quantities (kind "measure", unit "yr (age)"), as in the
NewsQuant gold; set `ages=False` to drop them.

Also read (round 4): rates ("$98 a share", "15% per annum", "£508,000 annually", "¥161.40 per dollar",
"2.4 billion gallons of jet fuel a year"), written fractions ("1/4 mile", "10 1/2", "½", "a quarter
million"), vague scales ("a few hundred", "several thousand": an order-of-magnitude range), glued
millions ("2.1m barrels", "5m more people"), letter currency codes glued to digits ("RM5bn", "R50m",
"USD115"), "pounds" as sterling or weight from the words around it, feet and inches ("6-foot-5",
"5ft 10in"), "-fold" multipliers. Not quantities: telephone numbers, list markers ("1) ..."), labels
("Phase 2", "Version 2.0"), number words in names ("BBC Two", "Group of Seven").
"""

import bisect
import re
from collections import Counter
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.quantity import modifiers as mods
from pipeline.quantity import numbers as nums
from pipeline.quantity import units
from pipeline.quotes.marks import DOUBLE_MARKS

from ..lexicon import city_currencies
from .doctext import doc_text

_NAME_LABELS_ALWAYS = {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"}
_NAME_LABELS_IF_PROPER = {"ORG", "PERSON", "GPE", "LOC", "NORP"}
_NUMBERISH_POS = {"NUM", "SYM", "X"}
_COUNTED_POS = {"ADJ", "NOUN", "PROPN", "NUM", "ADV", "VERB"}
_NOUN_POS = {"NOUN", "PROPN"}
_DOLLAR_COUNTRIES = {"US", "AU", "NZ", "HK", "SG"}
_RELATIVE_TIME = {"earlier", "ago", "before", "later", "previously", "prior"}
# nouns of time: a phrase holding one is a date even where the dates component found none
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "century", "quarter", "season", "hour", "minute",
                         "morning", "afternoon", "evening", "night", "weekend", "today", "yesterday", "tomorrow",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ago"})
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}


def _start_words(lx: dict) -> set[str]:
    """The words a number may start with (`lx`: `nums.lexicon()`): number words, vague plurals, "a dozen",
    "half", "several", vulgar fractions. Built once per component; `extract` alone builds its own."""
    return set(lx["small"]) | set(lx["vague"]) | {"a", "an", "dozen", "half", "several", "many", "few"} | set(nums.VULGAR)


def _register() -> None:
    if not Doc.has_extension("quantities"):
        Doc.set_extension("quantities", default=None)


class QuantityExtractor:
    """Callable spaCy component; see the module docstring."""

    def __init__(self, durations: bool = False, ages: bool = True):
        _register()
        self.durations = durations
        self.ages = ages
        lx = nums.lexicon()
        self._start_words = _start_words(lx)
        self._a_words = lx["a_words"]
        self._mult_verbs = lx["mult_verbs"]
        # LOWER hash -> (word, candidate kind): a pure function of the word and the lexicons above,
        # so it is kept across Docs (hashes are the strings' own, the same in every Doc)
        self._word_info: dict[int, tuple[str, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = extract(doc, durations=self.durations, ages=self.ages,
                                   start_words=self._start_words, a_words=self._a_words,
                                   mult_verbs=self._mult_verbs, word_info=self._word_info)
        return doc


@Language.factory(
    "newsevents_quantities",
    default_config={"durations": False, "ages": True},
)
def make_quantities(nlp: Language, name: str, durations: bool, ages: bool) -> QuantityExtractor:
    return QuantityExtractor(durations=durations, ages=ages)


# ---------------------------------------------------------------------------------------------
# the pass over one Doc


def extract(doc: Doc, durations: bool = False, ages: bool = True, start_words=None, a_words=None,
            mult_verbs=None, word_info: dict[int, tuple[str, int]] | None = None) -> list[dict]:
    """All quantities of a Doc as record dicts, sorted by start."""
    if start_words is None:
        lx = nums.lexicon()
        start_words = _start_words(lx)
        a_words, mult_verbs = lx["a_words"], lx["mult_verbs"]
    n = len(doc)
    if n == 0:
        return []
    blocked: set[int] = set()
    date_toks: set[int] = set()
    name_toks: set[int] = set()
    timex_toks: set[int] | None = None  # every token of a date the dates component found, when it ran
    if Doc.has_extension("timexes") and doc._.timexes is not None:
        timex_toks = set()
        for tx in doc._.timexes or ():
            span = doc.char_span(tx["start"], tx["end"], alignment_mode="expand")
            if span is not None:
                timex_toks.update(range(span.start, span.end))
            if span is not None and not (span[-1].lower_ in ("years", "year") and _age_measured(doc, span.end - 1)) \
                    and not (span[-1].lower_ in nums.lexicon()["fractions"] and nums.scale_after_fraction(
                        [t.lower_ for t in doc[span.end: span.end + 4]], 0)):
                # (not "The median age fell to 40.4 years"; not "a quarter" of "a quarter-million dollars")
                blocked.update(range(span.start, span.end))
    text = doc_text(doc)
    if "-" in text:
        for m in _SET_SCORES_RE.finditer(text):
            # "beat Sinner 4-6 6-7(4) 6-4": set scores are one result, not counts
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
    for ent in doc.ents:
        label = ent.label_
        if label in ("DATE", "TIME"):
            frac_end = next((t.i + 1 for t in ent if t.lower_ in ("quarter", "half")), ent.end)
            if frac_end < ent.end and _fraction_not_date(doc, ent.start, frac_end):
                # "fallen by nearly a quarter this season" read as one date: the fraction, then the date
                date_toks.update(range(frac_end, ent.end))
                continue
            if timex_toks is not None and not any(t.i in timex_toks for t in ent) \
                    and not any(t.lower_.rstrip(".") in _MONTHS or t.lemma_.lower() in _TIME_NOUNS or _year_like(t.text)
                                for t in ent):
                continue  # "between 80 and 120 posts" with "between 80" a date to the NER and to no one else
            if timex_toks is not None and len(ent) == 1 and ent.start not in timex_toks and ent[0].dep_ == "nummod" \
                    and ent[0].head.i == ent.start + 1 and ent[0].head.tag_ == "NNS":
                continue  # "sent 2000 troops": the dates component read no year there, and troops are counted
            # a bare number the NER calls a date ("sales of 5835 units") stays a candidate
            if any(t.is_alpha or _year_like(t.text) or t.lower_.rstrip(".") in _MONTHS for t in ent) \
                    and not _fraction_not_date(doc, ent.start, ent.end):
                first = ent.start
                if timex_toks is not None:
                    # "compared with about 900 three years ago" as one date: the date is the part the
                    # dates component found (opening with its own number), the amount before it an amount
                    k = first + 1 if doc[first].lower_ in ("about", "around", "some", "nearly", "almost") else first
                    if k + 2 < ent.end and doc[k].like_num and k not in timex_toks and k + 1 in timex_toks \
                            and doc[k + 1].like_num:
                        first = k + 1
                if ent.end - ent.start > 2 and doc[first].text[:1].isdigit() and not _year_like(doc[first].text) \
                        and doc[first + 1].lower_ in ("a", "an", "the", "last", "this") or (
                        ent.end - ent.start > 1 and doc[first].text[:1].isdigit() and not _year_like(doc[first].text)
                        and doc[first + 1].lower_ in ("today", "yesterday", "tomorrow", "tonight")):
                    first += 1  # "up from 31 a week earlier": the number is not part of the date
                date_toks.update(range(first, ent.end))
        elif label == "ORDINAL":
            if any(nums.is_ordinal_word(t.lower_) for t in ent) \
                    and not _fraction_not_ordinal(doc, ent.start, ent.end):  # not "50pc" tagged ORDINAL  # "a third of the staff", "cut by a third"
                blocked.update(range(ent.start, ent.end))
        elif label in _NAME_LABELS_ALWAYS or (
            label in _NAME_LABELS_IF_PROPER and any(t.is_alpha and t.is_title for t in ent)
        ):
            name_toks.update(range(ent.start, ent.end))
    # One pass over the LOWER array makes the word list and the candidate positions (each
    # distinct word is classified once, memoised across Docs in `word_info`); Token objects are
    # only made for candidates (creating a Token per word is what costs on this hot path).
    mult_stems = {lemma[:4] for lemma in mult_verbs}
    if word_info is None:
        word_info = {}
    elif len(word_info) > _WORD_INFO_MAX:
        word_info.clear()  # a bound on memory in a long run; the entries are cheap to remake
    strings = doc.vocab.strings
    get = word_info.get
    infos: list[tuple[str, int]] = []
    for h in doc.to_array(LOWER).tolist():
        info = get(h)
        if info is None:
            info = word_info[h] = _word_info(strings[h], start_words, mult_stems)
        infos.append(info)
    words: list[str] = [info[0] for info in infos]
    candidates = [k for k, info in enumerate(infos) if info[1]]
    out: list[dict] = []
    i = 0
    for c in candidates:
        if c < i:
            continue  # inside a quantity read from an earlier candidate
        i = c
        low = words[i]
        if i in blocked:
            i += 1
            continue
        kind = infos[i][1]
        if kind == _NUMBER_WORD:
            if low in ("a", "an") and (i + 1 >= n or words[i + 1] not in a_words):
                i += 1
                continue
            found = _read(doc, words, i, blocked, date_toks, name_toks, durations, ages)
            if found is None:
                i += 1
                continue
            rec, end = found
            if rec is not None:
                inherit = rec.pop("_inherit", False)
                same_sentence = inherit and out and doc.has_annotation("SENT_START") \
                    and out[-1]["start"] >= doc[i].sent.start_char
                if inherit == "unit" and not (out and out[-1]["kind"] == rec["kind"] and out[-1]["unit"]
                                              and (rec["unit"] or "").split(" per ")[0] in _same_units(out[-1]["unit"])
                                              and not _verb_between(doc, out[-1]["end"], rec["start"])):
                    same_sentence = False
                if same_sentence and out[-1]["counted"] and (
                        inherit in ("always", "elided", "unit") or rec["counted"] is None or out[-1]["kind"] == rec["kind"]):
                    rec["counted"] = out[-1]["counted"]
                pronoun = rec.pop("_pronoun", False)
                if pronoun:
                    # "infected 1,100 people, killing 42 of them": the people counted before, if any
                    prev = out[-1] if out and doc.has_annotation("SENT_START") \
                        and out[-1]["start"] >= doc[i].sent.start_char else None
                    rec["counted"] = prev["counted"] if prev is not None and (
                        prev["kind"] == rec["kind"] or prev["kind"] == "count" and rec["kind"] == "percent") \
                        and prev["counted"] else (pronoun[0] or None)  # "1.3 million patients ..., 22% of them"
                if same_sentence and inherit == "elided" and out[-1]["kind"] in ("measure", "money", "percent") \
                        and out[-1]["unit"] and " per " not in out[-1]["unit"]:
                    rec["kind"], rec["unit"] = out[-1]["kind"], out[-1]["unit"]  # the unit is elided too
                out.append(rec)
            i = max(end, i + 1)
            continue
        if kind == _MULTIPLIER_STEM:
            tok = doc[i]
            if (tok.pos_ == "VERB" or _verb_read_as_adj(tok)) and tok.lemma_.lower() in mult_verbs and not (
                    i + 1 < n and words[i + 1] in ("up", "as", "down")
                    and not (words[i + 1] == "as" and doc[i + 1].dep_ == "mark")):
                # "doubles up as", "doubled as a classroom" (but "Profits doubled as demand surged")
                out.append(_multiplier(doc, tok, float(mult_verbs[tok.lemma_.lower()])))
            elif (low in mult_verbs and tok.tag_ in ("JJ", "PDT", "RB") and i + 1 < n
                  and words[i + 1] in _MULTIPLE_OF_NEXT and not _verb_read_as_adj(tok)
                  or low in _TWICE and i + 2 < n and words[i + 1] in _TWICE_NEXT and (
                      words[i + 1] != "as" or doc[i + 2].pos_ in ("ADJ", "ADV") or words[i + 2] in _MANY)):
                # "roughly double what it spent", "double the previous year's figure", "almost twice the
                # global average", "twice as many": a multiple, not a change ("met twice", "twice a week" are not)
                rec = _multiplier(doc, tok, float(mult_verbs.get(low) or _TWICE[low]))
                obj = next((t for t in doc[i + 1: min(n, i + 6)] if t.pos_ in _NOUN_POS), None) \
                    if words[i + 1] not in ("what", "as") else None
                avoid = (i, i + 1)
                if words[i + 1] == "as" and words[i + 2] in _MANY and i + 3 < n and doc[i + 3].pos_ in _NOUN_POS:
                    # "twice as many jobs" -> "jobs" (but not "twice as long online than people")
                    obj, avoid = doc[i + 3], (i, i + 3)
                while obj is not None and obj.dep_ in ("poss", "compound") and obj.head.i > obj.i and obj.head.i < i + 8:
                    obj = obj.head  # "double the previous year's figure" -> "figure"
                rec["counted"] = _np(doc, obj, avoid) if obj is not None else None
                rec["change"] = "none"
                out.append(rec)
        elif kind == _FOLD_WORD:  # (`blocked` was checked above)
            rec = _fold_word(doc, i, low[:-4])
            if rec is not None:
                out.append(rec)
        i += 1
    for rec in out:
        for key in ("value", "low", "high"):
            if isinstance(rec.get(key), float):
                rec[key] = clean_float(rec[key])
    out.sort(key=lambda r: (r["start"], -r["end"]))
    _pounds_read_alike(out, text)
    _crowns_from_context(out, text)
    _cfa_from_context(out, text)
    _currency_from_story_country(out, text, doc)
    _minor_units_in_their_currency(out, text)
    _degrees_from_context(out, text)
    _bracketed_conversions(doc, words, out, text)
    _coordinated_units(out, text)
    _exchange_rates(out, text)
    return [_points_counted(_rate_apart(r)) for r in out]


def _points_counted(rec: dict) -> dict:
    """Points ("scored 28 points", "the index fell 30 points", "trails by two points") are a count of
    points, not a unit: a point is worth what its game or index says. `counted` keeps what the points
    measure ("the FTSE 100"); percentage and basis points stay units ("pp", "bp")."""
    if rec["unit"] != "pt":
        return rec
    return {**rec, "kind": "count", "unit": None}  # ("2 points a game": `per` stays "game")


def _rate_apart(rec: dict) -> dict:
    """The record with a rate's base in `unit` and its denominator in `per` ("$240 million a year": unit
    "USD", per "year"; "¥161.40 per dollar": "JPY" per "USD"; "120 km/h", one symbol, has no `per`), so
    `unit` is always the currency code or unit symbol the schema promises and amounts group by it. The
    rules above read a rate as one "USD per year" string; it is split once, here."""
    unit = rec.get("unit")
    base, per = unit.split(" per ", 1) if unit and " per " in unit else (unit, None)
    out = {}
    for key, value in rec.items():
        out[key] = base if key == "unit" else value
        if key == "unit":
            out["per"] = per
    return out


_PER_CURRENCY_RE = re.compile(r"\s*(?P<link>per|to the|to one)\s+(?P<cur>(?:U\.?S\.?\s+)?[A-Za-z]+)\b")


def _exchange_rates(out: list[dict], text: str) -> None:
    """A bare figure that a currency is measured by, per unit of another currency, is an exchange rate:
    "The cedi weakened to around 15.6 per dollar" -> GHS per USD, "the rupee ... 83.5 to the dollar" (as
    "¥161.40 per dollar" is JPY per USD); "per <currency>" joins the span. "1.09 against the dollar"
    says no direction (the euro is quoted in dollars, the yen per dollar) and is left bare."""
    for r in out:
        if r["kind"] != "count" or r["unit"] or not r["counted"] or len(r["counted"].split()) > 3:
            continue
        base = units.currency_suffix(r["counted"]) or units.currency_suffix(r["counted"].split()[-1])
        m = _PER_CURRENCY_RE.match(text, r["end"])
        quote = units.currency_suffix(m.group("cur")) if m and base else None
        if quote is None or quote == base or len(quote) != 3:
            continue
        r["kind"], r["unit"] = "money", f"{base} per {quote}"
        if m.group("link") == "per":
            r["end"] = m.end()
            r["text"] = text[r["start"]:r["end"]]


_LIST_LAST_JOINERS = (" and ", " or ", ", and ", ", or ")


def _coordinated_units(out: list[dict], text: str) -> None:
    """Bare figures coordinated with a figure that has a unit share its unit: "34 and 38C", "at depths of
    10 and 15 km", "1, 5, 10 and 50 μg/L", "2 and 3 goals" (a count takes the last one's counted). Only
    figures written as digits alone, right before "and"/"or" (or before a comma, in a list that ends so)."""
    k = len(out) - 1
    while k > 0:
        last = out[k]
        if not (last["unit"] or last["kind"] == "count" and last["counted"]) or not last["text"][:1].isdigit() \
                or last["approx"] == "range":
            k -= 1
            continue
        joiners = _LIST_LAST_JOINERS
        j = k - 1
        while j >= 0:
            a = out[j]
            if a["kind"] != "count" or a["unit"] or a["approx"] != "exact" or not _FIGURE_ONLY.fullmatch(a["text"]) \
                    or text[a["end"]:out[j + 1]["start"]] not in joiners:
                break
            if last["kind"] == "count" and not (a["counted"] or "").startswith(out[j + 1]["text"]) and a["counted"]:
                break  # "2 women and 3 men": counts of their own
            a["kind"], a["unit"], a["counted"] = last["kind"], last["unit"], last["counted"]
            joiners = (", ",)
            j -= 1
        k = j if j < k - 1 else k - 1


def _bracketed_conversions(doc: Doc, words: list[str], out: list[dict], text: str) -> None:
    """An amount followed by its conversion in brackets: the amount right inside them counts the same
    ("45 million shillings ($348,000) in bribes") and has the same change, and a rate after the brackets is the rate of every
    amount in and before them ("about 4 trillion naira ($2.7 billion) a year", "1bn CFA francs ($2m;
    £1m) a month")."""
    for k, first in enumerate(out):
        second = out[k + 1] if k + 1 < len(out) else None
        if first["kind"] == "measure" and second is not None and second["kind"] == "measure" and first["unit"] \
                and second["unit"] and first["unit"] != second["unit"] \
                and text[first["end"]:second["start"]].strip() == "(" \
                and (first["approx"] == "range") == (second["approx"] == "range"):
            second["change"] = first["change"]  # "jumped 30ft (10m)", "rose 2C (3.6F)": the same amount
        if first["kind"] != "money":
            continue
        if second is not None and second["kind"] == "money" and text[first["end"]:second["start"]].strip() == "(":
            close = text.find(")", second["end"], second["end"] + 60)
            # every conversion inside the brackets ("about 14bn euros ($19bn; £10bn)"), each after a ";" or ","
            conversions = [second]
            for r in out[k + 2:k + 4] if close > 0 else ():
                if r["kind"] != "money" or r["start"] > close \
                        or text[conversions[-1]["end"]:r["start"]].strip() not in (";", ",", ":"):
                    break
                conversions.append(r)
            for j, r in enumerate(conversions):
                own = r["counted"]
                if first["counted"] and not (j and own and text[close + 1:close + 2 + len(own)].strip() == own):
                    # a later conversion keeps the noun the brackets run into ("a $2bn (1.53bn euros; £1.05bn)
                    # settlement"), not a subject or a phrase through the amount ("debts of about 14bn euros")
                    r["counted"] = first["counted"]
                if (first["approx"] == "range") == (r["approx"] == "range"):
                    # "raised 1.4 billion crowns ($131 million)": the same amount (not "cut profits by $3.8m to
                    # $4.9m (£2m to £2.6m)", where a range converts what was read as a change and a level)
                    r["change"] = first["change"]
        if not first["unit"] or " per " in first["unit"] or text[first["end"]:first["end"] + 2].strip() != "(":
            continue
        close = text.find(")", first["end"], first["end"] + 60)
        group = [r for r in out[k + 1:k + 4] if r["start"] < close] if close > 0 else []
        if not group or any(r["kind"] != "money" or not r["unit"] or " per " in r["unit"] for r in group):
            continue
        # the rate's words start one space after the bracket ("each" reads here too: "($2m) each year")
        span = doc.char_span(close + 2, close + 3, alignment_mode="expand") if text[close + 1:close + 2] == " " \
            else None
        at = span.start if span is not None and span.start < len(doc) and doc[span.start].idx == close + 2 else None
        per = _time_rate(words, at, _PER_WORDS + ("each",)) if at is not None else None
        if per is None and at is not None and at + 1 < len(doc) and _rate_word(words, at):
            # round 14: a base that is a unit or a rate noun, as after an amount without brackets ("$80 (£63) a
            # barrel", "900 rupees ($20.40; £10.50) per tonne", "$17.6m (£9.49m) per plane")
            cur3, sym3, _after3 = _unit_after(doc, at + 1)
            if sym3 is not None and cur3 is None:
                per = sym3
            elif cur3 is None and doc[at + 1].pos_ == "NOUN" and (
                    words[at] == "per" or mods.is_rate_noun(doc[at + 1].lemma_)):
                per = doc[at + 1].lemma_.lower()
        if per is None:
            continue
        for r in [first] + group:
            r["unit"] += " per " + per


def _per_number(doc: Doc, words: list[str], end: int, counted: str) -> int | None:
    """The end of "cases per 100,000 people" right after a count whose counted is "cases"."""
    n = len(doc)
    j = end
    while j < min(n, end + 4) and doc[j].pos_ in ("ADJ", "NOUN"):
        j += 1
    if j == end or j + 2 >= n or doc[j].lower_ != "per" or doc[j - 1].text != counted.split()[-1] \
            or not doc[j + 1].like_num:
        return None
    return _per_base(doc, words, j + 1, most=4, bare=False)  # counted takes in a base with a noun only


def _per_base(doc: Doc, words: list[str], k: int, most: int = 3, bare: bool = True) -> int | None:
    """The end of the base of a rate at token k ("per 100,000 residents", "per 1,000"): the nouns after
    it (at most `most` words), or when `bare` a power of ten from 100 up (a bare "per 3" is left alone)."""
    n = len(doc)
    j = k + 1
    while j < min(n, k + 1 + most) and doc[j].pos_ in ("ADJ", "NOUN") and doc[j].ent_type_ not in ("DATE", "TIME"):
        j += 1
    if j > k + 1 and doc[j - 1].pos_ == "NOUN":
        return j
    if not bare:
        return None
    digits = words[k].replace(",", "")
    return k + 1 if len(digits) >= 3 and digits[0] == "1" and set(digits[1:]) == {"0"} else None


def _verb_between(doc: Doc, a: int, b: int) -> bool:
    """A verb between two figures: "paid $5m for the site and spent $2m" is not an elided repeat."""
    if b <= a:
        return True  # overlapping figures ("3-fold" read inside a range): no elided repeat
    span = doc.char_span(a, b, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


_SET_SCORE = r"\d{1,2}-\d{1,2}(?: ?\(\d{1,2}(?:-\d{1,2})?\))?"
_SET_SCORES_RE = re.compile(rf"(?<![\w.-]){_SET_SCORE}(?:,? {_SET_SCORE})+(?![\w-])")


def _same_units(unit: str) -> set[str]:
    """The unit of an earlier figure and its spellings ('t', 'ton'): an elided repeat may name it differently."""
    base = unit.split(" per ")[0]
    return {base, "t", "ton"} if base in ("t", "ton") else {base}


def _crowns_from_context(out: list[dict], text: str) -> None:
    """Plain "crowns" (read as DKK) take the one krone/krona code the same text names ("NOK 4.2
    billion ... 38.1 billion crowns"): wire copy writes "crowns" for all three currencies."""
    named = {r["unit"].split(" per ")[0] for r in out
             if r["kind"] == "money" and r["unit"] and r["unit"].split(" per ")[0] in _CROWN_CODES
             and not _plain_crowns(r, text)}
    if len(named) == 1:
        _recode(out, text, "DKK", named.pop(), written="crown", unless="danish")


def _plain_crowns(r: dict, text: str) -> bool:
    """The amount is written "crowns" without its country ("9.50 crowns", not "Norwegian crowns")."""
    words = text[r["start"]:r["end"]].lower()
    return "crown" in words and r["unit"].startswith("DKK") and "danish" not in words


def _pounds_read_alike(out: list[dict], text: str) -> None:
    """Bare "pounds" read as weight are money in a text that writes pounds as money elsewhere or speaks
    of the pound as a currency ("Egypt let the pound fall ... The dollar jumped to 63.55 pounds, from
    52.10 pounds on Tuesday"): one text rarely weighs in pounds and pays in them. (Which pound is left
    to the story's country, `_currency_from_story_country`.)"""
    weights = [r for r in out if r["kind"] == "measure" and r["unit"] == "lb" and _POUNDS_WRITTEN.search(r["text"])
               and not text.startswith(" of ", r["end"])  # ("20 pounds of gear" is weight)
               and not _WEIGHT_BEFORE.search(text, max(0, r["start"] - 40), r["start"])]  # ("weighed eight pounds")
    if not weights or not (_POUND_AS_CURRENCY.search(text) or any(
            r["kind"] == "money" and r["unit"] and r["unit"].split(" per ")[0] in _POUND_CODES
            and "pound" in r["text"].lower() for r in out)):
        return
    for r in weights:
        r["kind"], r["unit"] = "money", "GBP"


_POUNDS_WRITTEN = re.compile(r"\bpounds?$", re.IGNORECASE)
# the pound as a currency ("the pound fell", "a weaker pound"; not a price "cents a pound", nor "pound-for-pound")
_POUND_AS_CURRENCY = re.compile(r"\b(?:the|weaker|stronger|Egyptian|Lebanese|Syrian|Sudanese) pound\b(?![-\s]+(?:of|for)\b)"
                                r"|\bsterling\b", re.IGNORECASE)
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh\w*|heav\w+|lost|lose|gained|gain|lift\w*|carr\w+)\b[^.;]*$", re.IGNORECASE)
_POUND_CODES = frozenset({"GBP", "EGP", "LBP", "SDG", "SSP", "SYP"})


def _cfa_from_context(out: list[dict], text: str) -> None:
    """"CFA francs" (read as the West African XOF) are the Central African franc (XAF) when the text
    names a country of that zone ("Cameroon ... 1bn CFA francs"), unless written "West African"."""
    if any(r["kind"] == "money" and r["unit"] and r["unit"].startswith("XOF") for r in out) \
            and _CENTRAL_AFRICA_CFA.search(text):
        _recode(out, text, "XOF", "XAF", unless="west")


def _currency_from_story_country(out: list[dict], text: str, doc: Doc) -> None:
    """An amount written with a bare currency word that several countries use ("38.6 billion pesos",
    read as MXN) takes the code of the country the text names most among that word's countries ("Manila
    ... the Philippines" -> PHP); the reading stays on a tie with it, with none named, or when the
    amount names its country ("Mexican pesos", "Danish crowns"). A bare "$" needs its country named twice.
    A city named ("Geelong" is Australia's, `_place_words`) names its country too."""
    chosen: dict[str, str] = {}
    city_votes = None  # {currency code: cities of its country named}, counted when an amount first asks
    dollar_written = None  # read once per text, when a US-dollar amount first asks
    for r in out:
        if r["kind"] != "money" or not r["unit"]:
            continue
        if r["unit"].startswith("USD"):
            if dollar_written is None:
                dollar_written = _LOCAL_DOLLAR_WRITTEN.search(text) is not None
            if dollar_written or _CONVERSION_BRACKET.search(text, max(0, r["start"] - 3), r["start"] + 1):
                continue  # a conversion "($492m)", or a text that writes a dollar out ("A$", "U.S. dollars") or
                # has a wire credit (which writes "C$" for Canada's): "$" is the US dollar there
        base = r["unit"].split(" per ")[0]
        words = text[r["start"]:r["end"]].lower()
        for written, countries in units.story_country_currencies().items():
            if written not in words or base not in {code for code, _, _ in countries} \
                    or any(cue in words for _, _, cues in countries for cue in cues):
                continue
            if written not in chosen:
                if city_votes is None:
                    currency_of = city_currencies()
                    city_votes = Counter(currency_of[p] for p in _place_words(doc) if p in currency_of)
                own = {code for code, _, _ in countries}
                elsewhere = max((k for code, k in city_votes.items() if code not in own), default=0)
                chosen[written] = _most_named(text, countries, base, min_hits=2 if written == "$" else 1,
                                              votes=city_votes, rivals=elsewhere)
            r["unit"] = chosen[written] + r["unit"][len(base):]
            break


_LOCAL_DOLLAR_WRITTEN = re.compile(r"\b(?:A|C|NZ|AU|CA)\$|\b(?:Australian|Canadian|New Zealand|U\.S\.|US) dollars?\b"
                                   r"|\((?:Reuters|AP|AFP|Bloomberg)\)")
_CONVERSION_BRACKET = re.compile(r"\(\s*\$")


def _minor_units_in_their_currency(out: list[dict], text: str) -> None:
    """Cents and pence as a decimal of their currency, so `unit` is the ISO code the schema promises and
    amounts add up by currency: "12 cents" -> 0.12 in the currency of the text's nearest amount that counts
    in cents ("S$21.3 billion ... 12 cents" -> SGD; not "2,800 yen"), else USD; "84 Canadian cents" -> CAD
    0.84; "30 pence", "164p" -> GBP 1.64; "a 12-cent-a-share dividend" -> USD 0.12 per share. A text's
    amounts in one currency are thus comparable whether written in cents or in dollars."""
    minor = [r for r in out if r["kind"] == "money" and r["unit"] and r["unit"].split(" per ")[0] in ("cent", "pence")]
    if not minor:
        return
    # the amounts in a currency of cents, by position (read before any is converted: the order of the
    # cents amounts changes nothing)
    majors = [(r["start"], r["unit"].split(" per ")[0]) for r in out
              if r["kind"] == "money" and r["unit"] and r["unit"].split(" per ")[0] in _CENT_CURRENCIES]
    starts = [s for s, _ in majors]
    for r in minor:
        base = r["unit"].split(" per ")[0]
        if base == "pence":
            code = "GBP"
        else:
            words = text[r["start"]:r["end"]].lower()
            code = next((c for w, c in _CENT_COUNTRIES if w in words), None) \
                or _nearest_currency(majors, starts, r["start"]) or "USD"
        r["unit"] = code + r["unit"][len(base):]
        for key in ("value", "low", "high"):
            if r[key] is not None:
                r[key] = clean_float(r[key] / 100)


# the country written before "cents" ("84 Canadian cents", "28 Singapore cents")
_CENT_COUNTRIES = (("canadian", "CAD"), ("australian", "AUD"), ("new zealand", "NZD"), ("nz ", "NZD"),
                   ("singapore", "SGD"), ("hong kong", "HKD"), ("euro", "EUR"), ("us ", "USD"))
# currencies whose hundredth news calls a cent (the dollars, the euro, the rand, the East African shillings)
_CENT_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "JMD", "TTD", "BBD", "BSD", "XCD",
                              "FJD", "NAD", "BND", "LRD", "EUR", "ZAR", "KES", "UGX", "TZS"})


def _nearest_currency(majors: list[tuple[int, str]], starts: list[int], at: int) -> str | None:
    """The currency of the amount of `majors` (start, code; sorted by start) nearest the position `at`
    (the one before it on a tie), if any."""
    k = bisect.bisect_left(starts, at)
    near = [(abs(majors[j][0] - at), majors[j][0] > at, majors[j][1]) for j in (k - 1, k) if 0 <= j < len(majors)]
    return min(near)[2] if near else None


def _place_words(doc: Doc) -> list[str]:
    """The words and places of a text that may name a city: its places of several words (GPE) and every
    proper noun outside a person's or a longer place's name ("Geelong" also in "Geelong council", which
    the NER calls an organisation; not "York" in "New York")."""
    inside = {t.i for e in doc.ents if len(e) > 1 and e.label_ in ("GPE", "LOC", "FAC", "PERSON") for t in e}
    return [e.text for e in doc.ents if e.label_ == "GPE" and len(e) > 1] + [
        t.text for t in doc if t.is_title and t.ent_type_ != "PERSON" and t.i not in inside
        and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.dep_ == "compound")]  # ("Geelong ratepayers" as a noun)


def _most_named(text: str, countries: list, default: str, min_hits: int = 1, votes: Counter | None = None,
                rivals: int = 0) -> str:
    """The code whose country words occur most often in `text`, with `votes` more for it (its cities
    named; the earliest named wins a tie); `default` when none occurs at least `min_hits` times, it
    ties for the most, or the most is no more than `rivals` (the cities named of a country that uses
    another currency: "Canadian miner ... in Toronto" in a story from Accra and Kumasi keeps "$")."""
    counts = {}
    for code, pattern, _ in countries:
        hits = [m.start() for m in pattern.finditer(text)]
        named = len(hits) + (votes or {}).get(code, 0)
        if named >= min_hits:
            counts[code] = (named, -hits[0] if hits else -len(text))
    if not counts:
        return default
    best = max(counts, key=counts.get)
    return default if counts.get(default, (0,))[0] == counts[best][0] or counts[best][0] <= rivals else best


def _recode(out: list[dict], text: str, read_as: str, code: str, unless: str, written: str = "") -> None:
    """The amounts read as currency `read_as` whose words include `written` and not `unless` (lower
    case) are in `code`, as the rest of the text says (rates keep their "per ...")."""
    for r in out:
        if r["kind"] == "money" and r["unit"] and r["unit"].split(" per ")[0] == read_as:
            words = text[r["start"]:r["end"]].lower()
            if written in words and unless not in words:
                r["unit"] = code + r["unit"][len(read_as):]


def _degrees_from_context(out: list[dict], text: str) -> None:
    """Bare "degrees" (°) take the one temperature scale the same text names outside brackets
    ("Phoenix reached 118 degrees Fahrenheit (47.8 Celsius) ... Overnight lows have not dropped
    below 90 degrees"); not "a 180-degree turn", "turned 90 degrees" or "40 degrees north"."""
    scales = {r["unit"] for r in out if r["unit"] in ("°C", "°F")
              and text[max(0, r["start"] - 2):r["start"]].strip()[-1:] != "("}  # not "(47.8 Celsius)"
    if len(scales) != 1 or not any(r["unit"] == "°" for r in out):
        return
    scale = scales.pop()
    for r in out:
        if r["unit"] == "°" and "-" not in text[r["start"]:r["end"]] \
                and not _NOT_TEMPERATURE_AFTER.match(text, r["end"]) \
                and not _NOT_TEMPERATURE_BEFORE.search(text, max(0, r["start"] - 25), r["start"]):
            r["unit"] = scale


_NOT_TEMPERATURE_AFTER = re.compile(r"\s*(?:north|south|east|west|[NSEW]\b|latitude|longitude|angle|of arc|turn)",
                                    re.IGNORECASE)
_NOT_TEMPERATURE_BEFORE = re.compile(r"\b(?:turn|rotat|bank|tilt|swung|swing|spun|spin|pivot|lean|angle|slope|incline)",
                                     re.IGNORECASE)
_CROWN_CODES = {"NOK", "SEK", "DKK"}
# the countries of the Central African CFA franc (XAF); "CFA francs" alone are read as the West African (XOF)
_CENTRAL_AFRICA_CFA = re.compile(r"\b(?:Cameroon|Gabon|Chad|Central African Republic|Equatorial Guinea|"
                                 r"Congo-Brazzaville|Republic of (?:the )?Congo|Brazzaville)")
_PRONOUN_COUNTED = {"them", "those", "these", "they", "it", "us", "you", "which", "whom"}  # "95% of which"
_FIGURE_ONLY = re.compile(r"[\d.,%$£€¥-]+")
_MONEY_IN_PHRASE = re.compile(r"[$£€¥]\s?\d")  # "which could rise to £47m" after "an initial £40m"
# what a glued "m" counts in millions when the number measures it ("Sales reached 2.5m")
_MILLION_COUNT_HEADS = {
    "number", "numbers", "total", "people", "passengers", "visitors", "viewers", "viewing", "audience", "audiences",
    "users", "subscribers", "customers", "tourists", "fans", "listeners", "readers", "followers", "members",
    "voters", "votes", "residents", "households", "homes", "sales", "downloads", "shipments", "units", "tickets",
    "jobs", "workers", "employees", "patients", "cases", "migrants", "refugees", "arrivals", "journeys", "trips",
    "deliveries", "registrations", "applications", "claims", "signatures", "doses", "vaccinations",
}


def _glued_m(doc: Doc, i: int, end: int) -> bool:
    """The unit is an "m" written against the digits ("6.8m", "6.8m."), not "6.8 metres"."""
    last = doc[end - 1].lower_.rstrip(".")
    if end - 1 == i:
        return last[-1:] == "m" and last[:-1].replace(".", "").replace(",", "").isdigit()
    return last == "m" and end - 2 == i and _glued(doc, end - 1)
_WORD_INFO_MAX = 500_000
# what a word can start (see _word_info): nothing, a number, a multiplier verb, a "-fold" word
_NOT_A_CANDIDATE, _NUMBER_WORD, _MULTIPLIER_STEM, _FOLD_WORD = 0, 1, 2, 3


def _word_info(word: str, start_words: set[str], mult_stems: set[str]) -> tuple[str, int]:
    """A lower-cased token text as the pass reads it, and what it may start. The word keeps its
    sentence's full stop only when it is not digits with a glued unit ("around 10C.")."""
    if word[-1:] == "." and _GLUED_UNIT_STOP.match(word):
        word = word[:-1]
    if word in start_words or any(map(str.isdigit, word)):
        return word, _NUMBER_WORD
    if word[:4] in mult_stems or word in _TWICE:
        return word, _MULTIPLIER_STEM
    if word in _FOLD_WORDS:
        return word, _FOLD_WORD
    return word, _NOT_A_CANDIDATE


def clean_float(x: float) -> float:
    """The number as written, without binary noise: 68.1 * 1e9 is 68099999999.99999 in floating
    point; fifteen significant digits keep every figure news prints and drop the noise."""
    return float(f"{x:.15g}")


_FRACTION_BEFORE = {"by", "about", "nearly", "almost", "roughly", "around", "than", "over", "some", "just",
                    "only", "barely", "exactly", "to", "of"}
_TIME_NOUNS = {"year", "years", "century", "hour", "the", "fiscal", "financial", "this", "last", "next"}
_PERIOD_NOUNS = {"decade", "season", "month", "day", "game", "match", "race", "period", "session", "term", "way"}


def _rate_context(doc: Doc, after: int) -> bool:
    """'a quarter-point cut', 'raised rates by a half-point': a change follows, or the sentence is
    about a rate (not 'a half-point lead after the seventh round')."""
    if after < len(doc) and mods.change_noun(doc[after].lemma_) is not None:
        return True
    sent = doc[after - 1].sent
    return any(t.lower_ in ("rate", "rates", "interest", "yield", "yields") for t in sent)


def _fraction_not_ordinal(doc: Doc, a: int, b: int) -> bool:
    """'a third of the staff', 'cut by a third', 'about a fifth': a fraction, not an ordinal
    (but 'a third term', 'a third month' are ordinals)."""
    n = len(doc)
    if not (a > 0 and doc[a - 1].lower_ in ("a", "one") and b - a == 1):
        return False
    if b < n and doc[b].lower_ == "of":
        return True
    nxt_noun = b < n and doc[b].pos_ in _NOUN_POS
    return a > 1 and doc[a - 2].lower_ in _FRACTION_BEFORE and not nxt_noun


def _fraction_not_date(doc: Doc, a: int, b: int) -> bool:
    """'about a quarter of its container traffic', 'three quarters of voters', 'fell by a quarter': not
    the time unit."""
    n = len(doc)
    last = doc[b - 1].lower_
    k = a - 1
    while k > 0 and (mods.approximator(doc[k].lower_) is not None or doc[k].lower_ == "just"):
        k -= 1  # "fallen by nearly a quarter": an approximator between "by" and the fraction
    if last in ("quarter", "half") and k >= 0 and doc[k].lower_ == "by" and (
            doc[k].head.pos_ == "VERB" and mods.change_verb(doc[k].head.lemma_)
            or doc[k].head.lower_ in ("up", "down") or k > 0 and doc[k - 1].lower_ in ("up", "down")) \
            and (b >= n or doc[b].pos_ not in _NOUN_POS):
        return True  # "fell by more than a quarter", "cut by a half", "with volumes down by about a
        # quarter": the amount of a change
    if last not in ("quarter", "quarters", "half") or b + 1 >= n or doc[b].lower_ != "of":
        return False
    nxt = doc[b + 1]
    obj = next((c for c in doc[b].children if c.dep_ == "pobj"), None)
    if obj is not None and obj.i > b + 1 and nxt.lower_ in ("the", "this", "its", "their"):
        # "about a quarter of the US crop" (a fraction), "a quarter of the year" (time)
        return obj.lower_ not in _TIME_NOUNS and obj.lower_ not in _PERIOD_NOUNS
    return not (nxt.like_num or nxt.lower_ in _TIME_NOUNS or nxt.lower_ in _MONTHS or nxt.lower_ == "a"
                and b + 2 < n and doc[b + 2].lower_ in ("year", "century"))


def _verb_read_as_adj(tok: Token) -> bool:
    """'will more than double to C$78.3 billion': the tagger reads the verb as an adjective but
    gives it the subject and modal of a verb (an adjective's subject hangs on its copula)."""
    return tok.pos_ == "ADJ" and any(c.dep_ in _SUBJ_DEPS for c in tok.children) and any(
        c.dep_ == "aux" for c in tok.children)


def _multiplier(doc: Doc, tok: Token, factor: float) -> dict:
    # a transitive multiplier multiplies its object ("tripled its workforce"), else its subject
    children = list(tok.children)
    target = next((c for c in children if c.dep_ == "dobj"), None) or next(
        (c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    counted = _phrase(doc, target) if target is not None else None
    start, approx = tok.i, "exact"
    for w in (2, 1):  # "nearly doubled", "more than tripled"
        if start - w >= 0:
            cls = mods.approximator(_slice(doc, start - w, start))
            if cls and not doc[start - w].is_space:
                start, approx = start - w, cls
                break
    first = doc[start]
    return {
        "text": _slice(doc, start, tok.i + 1), "start": first.idx, "end": tok.idx + len(tok.text),
        "kind": "multiplier", "value": factor, "low": factor if approx == "lower" else None,
        "high": factor if approx == "upper" else None, "approx": approx, "unit": "x",  # as "fivefold"
        "counted": counted, "change": "up" if factor > 1 else "down",
    }


_AGE_BOUNDS = frozenset({"under", "over", "below", "above"})  # their direction: the approximator lexicon
_TWICE = {w: k for w, k in nums.lexicon()["times"].items() if k >= 2}  # "twice the average"; not "once"
_MANY = {"many", "much", "few", "little"}
_TWICE_NEXT = {"the", "what", "that", "its", "their", "his", "her", "our", "as"}  # not "met twice last week"
_FOLD_WORDS = {w + "fold" for w in list(nums.lexicon()["small"]) + ["hundred", "thousand"] if nums.lexicon()["small"].get(w, 2) >= 2}


def _fold_word(doc: Doc, i: int, stem: str) -> dict | None:
    """'fivefold', 'tenfold', 'twentyfold': a multiplier written as one word (change up, or down after a
    falling verb or noun: "fell threefold")."""
    pn = nums.parse_words([stem], 0)
    if pn is None or pn.value < 2 or pn.end != 1:
        return None
    tok = doc[i]
    change = _change(doc, tok)
    counted = _measured(doc, tok, i, i + 1, "multiplier")
    return {
        "text": tok.text, "start": tok.idx, "end": tok.idx + len(tok.text), "kind": "multiplier",
        "value": pn.value, "low": None, "high": None, "approx": "exact", "unit": "x", "counted": counted,
        "change": "down" if change == "down" else "up",
    }


def _slice(doc: Doc, a: int, b: int) -> str:
    """Text of tokens a..b-1 (b > a): `doc[a:b].text`, cut from the Doc's text by the offsets of the
    first and last token (a Span's text makes a Token object for every word in it)."""
    first, last = doc[a], doc[b - 1]
    return doc_text(doc)[first.idx: last.idx + len(last.text)]


def _glued(doc: Doc, a: int) -> bool:
    """True when token a follows token a-1 without whitespace."""
    return a > 0 and not doc[a - 1].whitespace_


def _currency_before(doc: Doc, i: int) -> tuple[str | None, int]:
    """A currency symbol right before token i: (code, index of its first token)."""
    if i == 0:
        return None, i
    if i >= 2 and doc[i - 1].text == "$" and doc[i - 2].text == "A" and doc[i - 2].whitespace_ \
            and doc[i - 2].tag_ == "DT" and (
            i == 2 or doc[i - 2].is_sent_start or doc[i - 3].is_space or doc[i - 3].text in _OPENING_MARKS):
        return "USD", i - 1  # "A $70-a-share price": the article, not Australian dollars (and "A £96m" is pounds)
    if i >= 2 and _glued(doc, i - 1) and doc[i - 1].text == "$":  # "US $58", "A $5"... with a space
        code = units.currency_prefix(doc[i - 2].text + "$")
        if code:
            return code, i - 2
    if i >= 2 and doc[i - 1].text == "$" and doc[i - 2].text in ("US", "U.S.", "A", "HK", "C", "NZ"):
        code = units.currency_prefix(doc[i - 2].text + "$")
        if code:
            return code, i - 2
    prev = doc[i - 1]
    if len(prev.text) <= 4:
        code = units.currency_prefix(prev.text)
        if code and (prev.text != "Y" or _glued(doc, i)) and (
                prev.is_upper or not prev.is_alpha or units.is_exact_currency_prefix(prev.text)) and not (
                units.is_guarded_code(prev.text) and not _sized_token(doc, i)):
            return code, i - 1
    if prev.is_alpha and prev.lower_.endswith(("dollars", "euros", "pounds", "yen", "yuan", "rupees", "francs")) \
            and (_GLUED_SCALE.fullmatch(doc[i].text) or i + 1 < len(doc) and not doc[i].whitespace_
                 and doc[i + 1].lower_ in ("m", "bn", "k", "tn") and doc[i].text[:1].isdigit()):
        # "a record Australian dollars 648m ($492m) profit": the currency written out before a scaled figure
        named = units.currency_suffix(doc[i - 2].text + " " + prev.text) if i >= 2 else None
        if named:
            return named, i - 2
        code = units.currency_suffix(prev.text)
        if code:
            return code, i - 1
    return None, i


_GLUED_SCALE = re.compile(r"\d[\d.,]*(?:m|bn|k|tn)")


def _unit_after(doc: Doc, j: int, limit: int = 4) -> tuple[str | None, str | None, int]:
    """The longest unit or currency word starting at token j: (currency code, unit symbol, end)."""
    n = len(doc)
    if j >= n:
        return None, None, j
    first = doc[j]
    if first.is_punct and first.text not in ("%", "-", "°") or first.text == "-" and not _glued(doc, j):
        return None, None, j
    if first.text == "-" and j + 1 < n and _glued(doc, j + 1) and doc[j + 1].is_alpha:
        # a unit joined by a hyphen: "1.4-gigawatt", "2-nanometre", "0.25-cent"
        cur, sym, k = _unit_after(doc, j + 1, limit)
        if cur or sym:
            return cur, sym, k
    # the candidate surfaces (longest first) are cut from the text: one Token object per word
    stop = min(n, j + limit)
    toks = [first] + [doc[x] for x in range(j + 1, stop)]
    text = doc_text(doc)
    for k in range(stop, j, -1):
        last = toks[k - 1 - j]
        if k - 1 > j and not last.text.strip():
            continue
        surface = text[first.idx: last.idx + len(last.text)]
        cur = units.currency_suffix(surface)
        if cur is None and k == j + 1 and not (k < n and (doc[k].like_num or doc[k].text[:1].isdigit())):
            cur = units.currency_after(surface)  # "30 CHF", "15 €" (not "in 2008 £1bn")
        if cur:
            return cur, None, k
        sym = units.unit_symbol(surface)
        if sym is None and len(last.text) > 1 and surface.endswith(".") and (
                k >= n or doc[k].is_sent_start or not doc[k].is_punct):
            sym = units.unit_symbol(surface[:-1])  # "0.025 m." at the end of a sentence
        if sym:
            return None, sym, k
    return None, None, j


# digits with a glued unit and the sentence's full stop in one token: "10C.", "5km.", "$5bn."
_GLUED_UNIT_STOP = re.compile(r"^\$?\d[\d,]*(?:\.\d+)?[a-z°]+\.$", re.IGNORECASE)
_GLUED_CODE_RE = re.compile(r"^(?P<code>[A-Z][A-Za-z]{0,2}[₵¢£]?\.?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<suf>[a-z]*)$")


def _ratio(doc: Doc, words: list[str], j: int, first: float):
    """'one in five', '7 in 10', 'one in every four', 'three out of four': a ratio (0.2, 0.7, 0.25) when the second integer is
    larger and is not a year or followed by a unit ("12 in 3 provinces", "5 in 10 minutes" are not)."""
    k = j + 1
    if words[k] == "every" and k + 1 < len(words):
        k += 1
    second = nums.parse_words(words, k)
    if second is None or second.approx != "exact" or second.suffix or second.currency or second.fraction \
            or first != int(first) or first <= 0 or not first < second.value <= 1000 or _year_like(doc[k].text):
        return None
    e = second.end
    lead = j - 2 if words[j] == "of" else j - 1  # the first number ("three out of four")
    spelled = doc[lead].is_alpha and doc[k].is_alpha  # "about one in five litres put into supply" is a share
    if e < len(doc) and (units.unit_symbol(doc[e].text) and not (spelled and units.unit_symbol(doc[e].text) != "%")
                         or units.currency_suffix(doc[e].text) or doc[e].ent_type_ in ("DATE", "TIME")):
        return None
    return nums.ParsedNumber(first / second.value, e, fraction=True)


_FEET_INCHES_RE = re.compile(r"^(?P<unit>foot|feet)-(?P<inches>\d{1,2})$", re.IGNORECASE)


def _feet_inches(doc: Doc, i: int, end: int, feet: float) -> dict | None:
    """'6-foot-5' (the tokenizer keeps 'foot-5' whole): one height, 77 inches."""
    m = _FEET_INCHES_RE.match(doc[end + 1].text)
    if m is None or not 0 < feet < 10 or int(m.group("inches")) >= 12:
        return None
    t = doc[end + 1]
    nxt = doc[end + 2] if end + 2 < len(doc) else None
    counted = nxt.text if nxt is not None and nxt.pos_ in _NOUN_POS else None
    return {"kind": "measure", "low": None, "high": None, "approx": "exact", "counted": counted, "change": "none",
            "text": doc_text(doc)[doc[i].idx: t.idx + len(t.text)], "start": doc[i].idx, "end": t.idx + len(t.text),
            "value": feet * 12 + float(m.group("inches")), "unit": "in"}


def _inches_after_feet(doc: Doc, words: list[str], end: int) -> tuple[float, int] | None:
    """The inches of a height written in feet and inches after the feet ("6ft 2in", "5 feet 6 inches",
    "5ft 10"): (inches, end of the inches)."""
    n = len(doc)
    if end >= n or not doc[end].text.isdigit() or int(doc[end].text) >= 12:
        return None
    if end + 1 < n and (words[end + 1] in ("inch", "inches", "ins") or words[end + 1] == "in" and (
            _glued(doc, end + 1) or end + 2 >= n or doc[end + 2].is_punct or words[end + 2] == "tall")):
        return float(doc[end].text), end + 2
    return None


def _digits_with_unit(text: str) -> bool:
    """'10km/hr', '5m/s': digits glued to a unit written with a slash (not a date like '9/11')."""
    d = nums.parse_digits(text)
    return d is not None and bool(d[2]) and units.unit_symbol(d[2]) is not None


_AMOUNT_PARTS_RE = re.compile(r"^(?P<num>.*?)(?P<suf>[A-Za-z]*)\.?$", re.DOTALL)  # "1.2bn." -> "1.2", "bn"


def _sized_amount(doc: Doc, i: int, num: str, suf: str = "", decimals: bool = True) -> bool:
    """The amount at token i (its digits `num`, the letters glued after them `suf`) has a scale ("500
    trillion", "1.2bn", "R50m"), thousands commas or (when `decimals`) a decimal point: what a
    currency code that is also a name needs ("COP 500 trillion", "HUF 12,500", "N50,000"; not "COP28",
    "RON 95", "N95"). A one-letter code takes no decimals ("R2.5" is no amount of rand)."""
    abbr = nums.lexicon()["abbr"]  # the scale abbreviations the number parser reads (m, mn, bn, mln ...)
    if "," in num or decimals and "." in num or suf.lower() in abbr:
        return True
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return nxt in nums.lexicon()["scales"] or nxt in abbr


def _sized_token(doc: Doc, i: int) -> bool:
    """`_sized_amount` of token i as written ("500", "1.2bn", "12,500")."""
    m = _AMOUNT_PARTS_RE.match(doc[i].text)
    return _sized_amount(doc, i, m.group("num"), m.group("suf"))


def _glued_code(doc: Doc, words: list[str], i: int):
    """'RM5', 'Sh1.2', 'R50m', 'USD115': a letter currency code glued to the digits.
    Returns ((ParsedNumber, suffix), code) or (None, None)."""
    m = _GLUED_CODE_RE.match(doc[i].text)
    if m is None:
        return None, None
    code = units.glued_currency(m.group("code"))
    one_letter = len(m.group("code")) == 1  # "R50m", "N50,000", "N2 billion"; not "N95", "R2"
    if code is None or (one_letter or units.is_guarded_code(m.group("code"))) and not _sized_amount(
            doc, i, m.group("num"), m.group("suf"), decimals=not one_letter):
        return None, None  # "COP28" is the climate summit
    rest = doc[i].text[len(m.group("code")):]
    got = _number_at(doc, words[:i] + [rest.lower()] + words[i + 1:], i, money=True)
    if got is None or got[1]:
        return None, None
    return got, code


_GLUED_SIGNS = frozenset("~∼≈≃≥≤⩾⩽<>")  # approximators written against the digits (models: approximators)
_PREP_SUFFIX_WORDS = {"over", "under", "above", "below", "up"}
_RATE_TIME = {"year": "year", "day": "day", "month": "month", "week": "week", "annum": "year", "hour": "h"}
_PER_WORDS = ("a", "an", "per")  # what opens a rate's base: "$3,500 a month", "15% per annum"
_MORE_WORDS = {"more", "fewer", "extra", "additional", "new", "other"}
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                 "hourly": "h", "nightly": "night"}


def _rate_word(words: list[str], k: int, per_words: tuple[str, ...] = _PER_WORDS) -> bool:
    """Token k opens a rate ("a", "an", "per"), unless the phrase is a time before: "$2.9bn a year
    earlier", "a year ago"."""
    return words[k] in per_words and not (k + 2 < len(words) and words[k + 2] in _RELATIVE_TIME)


def _time_rate(words: list[str], k: int, per_words: tuple[str, ...] = _PER_WORDS) -> str | None:
    """The time unit of a rate whose words start at token k ("a year", "per annum", "an hour": "year",
    "year", "h"), else None. The one rule for a rate over time, wherever it stands."""
    if k + 1 < len(words) and words[k + 1] in _RATE_TIME and _rate_word(words, k, per_words):
        return _RATE_TIME[words[k + 1]]
    return None


def _million_before(doc: Doc, words: list[str], k: int) -> bool:
    """A glued 'm' is a million, not metres, before a plural noun that is not a metre-compatible word
    ("1.5m people", "5m more people"), or before another unit ("2.1m barrels", "3m tonnes")."""
    nxt = doc[k]
    if words[k] in _MORE_WORDS and k + 1 < len(doc) and doc[k + 1].tag_ == "NNS":
        nxt = doc[k + 1]
    if nxt.tag_ != "NNS":
        return False
    sym = units.unit_symbol(nxt.text)
    return sym is None or units.unit_info(sym)["kind"] in ("measure", "percent") and sym not in ("m", "s", "h")


_CAPITAL_SCALES = {"K": 1e3, "M": 1e6, "B": 1e9}


def _digits_only(text: str) -> bool:
    return bool(text) and text.replace(".", "").replace(",", "").isdigit()


def _plural_noun(tok: Token) -> bool:
    """'users', 'iPhones' (a plural the tagger calls a proper noun)."""
    return tok.tag_ in ("NNS", "NNPS") or tok.pos_ in ("NOUN", "PROPN") and tok.text.endswith("s") \
        and not tok.text.endswith("ss") and tok.text[:1].islower()


def _number_at(doc: Doc, words: list[str], i: int, money: bool):
    """Parse a number at token i; the glued suffix keeps its case. None if there is none."""
    pn = nums.parse_words(words, i, money=money)
    if pn is None:
        return None
    k = pn.end
    if pn.scale == 1.0 and k == i + 1 and _digits_only(doc[i].text[:-1] if pn.suffix else doc[i].text):
        # "20M iPhones", "5K workers", "2B users": a capital scale letter against the digits, before a plural
        # (a metre is a small "m"; "6.8m people" is read with the units)
        letter, nxt = (doc[i].text[-1], k) if pn.suffix else (doc[k].text if k < len(doc) else "", k + 1)
        glued = pn.suffix is not None or not doc[i].whitespace_
        if letter in _CAPITAL_SCALES and glued and nxt < len(doc) and _plural_noun(doc[nxt]):
            factor = _CAPITAL_SCALES[letter]
            pn = replace(pn, value=pn.value * factor, end=nxt, scale=factor, suffix=None)
    k = pn.end
    if pn.scale == 1.0 and pn.suffix is None and k + 1 < len(doc) and words[k] == "-" and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_ and nums.lexicon()["scales"].get(words[k + 1], 0) >= 1e6 \
            and doc[k - 1].text[:1].isdigit():
        # "the $34-billion pipeline", "a 2.5-million-tonne plant": the scale word hyphenated to the figure
        factor = float(nums.lexicon()["scales"][words[k + 1]])
        pn = replace(pn, value=pn.value * factor, end=k + 2, scale=factor)
    suffix = pn.suffix
    if suffix is not None:
        text = doc[i].text
        d = nums.parse_digits(text[:-1] if text[-1:] == "." and _GLUED_UNIT_STOP.match(text) else text)
        if d is not None and d[2]:
            suffix = d[2]
    return pn, suffix


def _read(doc, words, i, blocked, date_toks, name_toks, durations, ages):
    """Read the quantity whose number starts at token i. Returns (record or None, end token) or None."""
    n = len(doc)
    tok = doc[i]
    low = words[i]
    glued_sign = None
    if len(low) > 1 and low[0] in _GLUED_SIGNS and (low[1:2].isdigit() or low[1:2] in "$£€¥" and low[2:3].isdigit()) \
            and mods.approximator(low[0]):
        glued_sign = mods.approximator(low[0])  # "~10%", "∼35%", "≥16", "⩽1.6%", "~$5bn": glued to the digits
        words = words[:i] + [low[1:]] + words[i + 1:]
        low = words[i]
    if nums.is_ordinal_word(low) and not (i > 0 and words[i - 1] in ("a", "one")):
        return None
    if ":" in tok.text or (tok.text.count("/") and tok.text not in ("km/h", "m/s")
                           and nums.fraction_token(tok.text) is None and not _digits_with_unit(tok.text)):
        return None
    if _not_a_number_use(doc, words, i, blocked, date_toks):
        return None, i + 1
    # glued range in one token: "20-25", "6bn-$8bn"
    glued_range = None
    if ("-" in tok.text or "–" in tok.text) and not (tok.text[0] == "-" and nums.parse_digits(tok.text)):
        m = nums.RANGE_TOKEN_RE.match(tok.text)
        if m is None:
            return None
        a = nums.parse_words([m.group("a").lower()], 0, money=True)
        b = nums.parse_words([m.group("b").lower()], 0, money=True)
        if a is None or b is None:
            return None
        glued_range = (a, b)
        if _is_score(doc, i, a, b):
            return None, i + 1
    code, start_tok = _currency_before(doc, i)
    if glued_range is not None:
        a, b = glued_range
        pn = nums.ParsedNumber(b.value, i + 1, currency=a.currency or b.currency, suffix=b.suffix,
                               scale=b.scale)
        suffix = b.suffix
        low_v = a.value * (b.scale if a.scale == 1.0 else 1.0)
        high_v = b.value
        approx = "range"
        big = nums.lexicon()["scales"].get(words[i + 1], 0) if i + 1 < n and a.scale == b.scale == 1.0 else 0
        if big >= 1e6 and (a.currency or b.currency):
            # "$2-$3.5 trillion": the tokenizer keeps "2-$3.5" whole; the scale word after it is both ends'
            pn = replace(pn, value=b.value * big, end=i + 2, scale=float(big))
            low_v, high_v = a.value * big, b.value * big
    else:
        got = _number_at(doc, words, i, money=code is not None)
        if got is None and code is not None and tok.text[:2] in _DOLLAR_COUNTRIES and tok.text[2:3].isdigit():
            words = words[:i] + [words[i][2:]] + words[i + 1:]  # "$US113 trillion"
            got = _number_at(doc, words, i, money=True)
        if got is None and code is None and tok.text[:1].isupper():
            got, code = _glued_code(doc, words, i)
        if got is None:
            return None
        pn, suffix = got
        low_v = high_v = None
        approx = pn.approx
        if pn.high is not None:  # vague plural: "hundreds of" is 100 to 1,000
            low_v, high_v = pn.value, pn.high
    if code is None and pn.currency:
        code = units.currency_prefix(pn.currency)
    end = pn.end
    if code is None and end + 1 < n and words[end] == "-" and _glued(doc, end) and _glued(doc, end + 1):
        height = _feet_inches(doc, i, end, pn.value)  # "the 6-foot-5 forward"
        if height is not None:
            return height, end + 2
    if end < n and units.is_time_marker(words[end]) and code is None:
        return None, end + 1
    ratio_noun = None
    if code is None and suffix is None and approx == "exact" and end + 1 < n and (
            words[end] == "in" or words[end] == "out" and end + 2 < n and words[end + 1] == "of"):
        ratio = _ratio(doc, words, end + (words[end] == "out"), pn.value)  # round 14: "three out of four voters"
        if ratio is not None:
            pn, end = ratio, ratio.end  # "one in five adults": 0.2
            nouns = [t for t in doc[end: min(n, end + 4)]]
            k = next((x for x, t in enumerate(nouns) if t.pos_ not in ("ADJ", "NOUN")), len(nouns))
            if k and nouns[k - 1].tag_ == "NNS":  # "reported by roughly one in four participants"
                ratio_noun = _slice(doc, end, end + k)
    elif code is None and suffix is None and approx == "exact" and end + 2 < n and words[end + 1] == "in" \
            and doc[end].pos_ == "NOUN" and doc[end].tag_ == "NN" and not units.unit_symbol(doc[end].text):
        ratio = _ratio(doc, words, end + 1, pn.value)
        if ratio is not None:  # "one household in three"
            ratio_noun = doc[end].text
            pn, end = ratio, ratio.end
    # "1.5m people": a glued "m" before a plural noun that is not a unit is a million
    m_end = end + 1 if suffix is None and end < n and doc[end].text in ("m", "M") and _glued(doc, end) else end
    million_noun = None
    if (suffix == "m" or m_end > end) and code is None and m_end < n and _million_before(doc, words, m_end):
        million_noun = m_end + 1 if words[m_end] in _MORE_WORDS else m_end
        pn = nums.ParsedNumber(pn.value * 1e6, m_end, scale=1e6)
        suffix = None
        end = m_end
    # units glued to the digits ("164p", "75mph", "30C")
    unit = None
    if suffix:
        cur = units.currency_suffix(suffix)
        if cur and code is None:
            code = cur
        else:
            unit = units.unit_symbol(suffix)
            if unit is None and code is None:
                return None  # "F35", "5G"-like codes we do not know
    if pn.fraction and end + 1 < n and words[end] == "-" and _glued(doc, end) and _glued(doc, end + 1) \
            and words[end + 1] == "point" and pn.value < 1 and _rate_context(doc, end + 2):
        # "a quarter-point cut", "a half-point rise": a fraction of a percentage point (rates)
        unit, end = "pp", end + 2
    elif pn.fraction and end + 1 < n and words[end] == "-" and _glued(doc, end) and _glued(doc, end + 1) \
            and doc[end + 1].is_alpha:
        return None, end  # "a half-baked ditty", "a third-party seller", "the quarter-final"
    # a fraction of a unit: "a quarter of a percentage point", "half a mile"
    if pn.fraction and unit is None and code is None and end < n:
        k = end + 2 if end + 2 < n and words[end] == "of" and words[end + 1] in ("a", "an") else (
            end + 1 if words[end] in ("a", "an") else None)
        if k is not None:
            fc, fs, fe = _unit_after(doc, k)
            if fc or fs:
                code, unit, end = fc, fs, fe
    # "a 40,000-strong crowd", "the 15-strong team": the hyphenated adjective belongs to the count
    if unit is None and code is None and end + 1 < n and words[end] == "-" and words[end + 1] == "strong" \
            and _glued(doc, end) and _glued(doc, end + 1):
        end += 2
    # first number's own unit ("252 miles to 287 miles")
    cur2, sym2, after = (None, None, end) if unit or (code and not pn.suffix and _next_is_number(doc, end)) \
        or ratio_noun is not None else _unit_after(doc, end)  # "one in five litres" is a share of the litres
    # range: "between 10 and 15", "10-15", "from 5 to 7", "$10 to $15 million"
    opener = None
    first_end = None  # where a range's first figure ends
    p = start_tok
    if p > 0:
        closer = mods.range_closer(words[p - 1])
        if closer:
            opener = (p - 1, closer)
    if approx != "range":
        joiner_at = after if (cur2 or sym2) else end
        rng = _range_second(doc, words, joiner_at, opener, code, cur2 or sym2)
        if rng is not None and code is None and words[joiner_at] in ("-", "–") and _is_score(
                doc, i, pn, rng[0]):
            return None, rng[2]
        if rng is not None:
            second, sfx2, end2, code_b = rng
            low_v = pn.value * (second.scale if pn.scale == 1.0 and not (cur2 or sym2) else 1.0)
            word_scale = nums.lexicon()["scales"].get(words[end2 - 1])
            if word_scale and second.scale == 1.0 and pn.scale == 1.0 and words[pn.end - 1] not in nums.lexicon()["scales"] \
                    and not (cur2 or sym2) and pn.value * word_scale < second.value:
                low_v = pn.value * word_scale  # "between three and four million": the scale word of both ends
            high_v = second.value
            approx = "range"
            first_end = joiner_at
            code = code or code_b
            end = end2
            suffix = sfx2
            if sfx2:
                unit = units.unit_symbol(sfx2) or unit
                cur = units.currency_suffix(sfx2)
                if cur and code is None:
                    code = cur
            cur2, sym2, after = _unit_after(doc, end)
            if not (cur2 or sym2):
                cur2, sym2 = None, None
            if opener is not None:
                start_tok = opener[0]
    if not (cur2 or sym2) and unit is None and code is None and end < n and words[end] == "in" \
            and _glued(doc, end) and (end + 1 >= n or not doc[end + 1].like_num):
        sym2, after = "in", end + 1  # "a 55in television", "5ft 10in"
    if cur2 and code is None:
        code = cur2
        end = after
    elif sym2 and unit is None:
        unit = sym2
        end = after
    elif cur2 or sym2:
        end = after
    if unit == "m" and code is None and end < n and units.currency_suffix(doc[end].text):
        # "from 1.2m to 1.5m euros": the glued "m" was a million, the currency comes last
        code, unit = units.currency_suffix(doc[end].text), None
        pn = nums.ParsedNumber(pn.value * 1e6, pn.end, scale=1e6)
        if low_v is not None:
            low_v, high_v = low_v * 1e6, high_v * 1e6
        end += 1
    if unit == "ft" and code is None and approx == "exact" and pn.value == int(pn.value) and 0 < pn.value < 10:
        inches = _inches_after_feet(doc, words, end)
        if inches is not None:  # "6ft 2in", "5 feet 6 inches": one height, in inches
            pn = nums.ParsedNumber(pn.value * 12 + inches[0], pn.end)
            unit, end = "in", inches[1]
    # "361 million pounds", "fined 500 pounds": sterling, not weight ("lost 25 pounds", "two pounds")
    if unit == "lb" and words[end - 1] in ("pound", "pounds") and _money_pounds(doc, i, end, pn.scale):
        code, unit = "GBP", None
    # rate units: "$58.24 per barrel", "$3,500 a month", "$21.25 per square foot", "$98 a share",
    # "a $70-a-share price"
    r = end
    after_word = words[end] if end < n else None  # "15% lower", "£39 more a year"
    if (code is not None or unit is not None) and end + 3 < n and words[end] == "-" and words[end + 2] == "-" \
            and words[end + 1] in _PER_WORDS and _glued(doc, end) and _glued(doc, end + 3):
        r = end + 1
    elif code is not None and end < n and words[end] in ("more", "less", "extra") and _time_rate(words, end + 1):
        r = end + 1  # "pay an average of £39 more a year"
    if (code is not None or unit is not None) and r + 1 < n and _rate_word(words, r, _PER_WORDS + ("/",)):
        p1 = r + 2 if r > end and words[end] == "-" else r + 1
        cur3, sym3, after3 = _unit_after(doc, p1)
        if sym3 is None and cur3 is None and words[r] == "/" and p1 < n and _glued(doc, p1) \
                and units.unit_after_slash(doc[p1].text.rstrip(".")):
            sym3, after3 = units.unit_after_slash(doc[p1].text.rstrip(".")), p1 + 1  # "0.5 mg/L", "120 km/hr", "1 mg/l."
        if sym3 is None and cur3 is None and words[r] == "per" and p1 + 1 < n and doc[p1].pos_ == "ADJ":
            q = p1 + 1 if doc[p1 + 1].pos_ != "ADJ" or p1 + 2 >= n else p1 + 2
            c4, s4, a4 = _unit_after(doc, q)  # "$104.50 per dry metric tonne"
            if s4 is not None and c4 is None:
                sym3, after3 = s4, a4
        if sym3 is None and cur3 is None and doc[p1].pos_ == "NOUN" and (
                words[r] == "per" or mods.is_rate_noun(doc[p1].lemma_)):
            sym3, after3 = doc[p1].lemma_.lower(), p1 + 1
        if sym3 is None and cur3 is not None and words[r] == "per" and code is not None:
            sym3 = cur3  # an exchange rate: "¥161.40 per dollar"
        if sym3 is not None:
            base = code if code is not None else unit
            code = None
            unit = f"{base} per {sym3}"
            end = after3
    elif (code is not None or unit is not None) and end < n and words[end] in _RATE_ADVERBS \
            and " per " not in (unit or ""):
        base = code if code is not None else unit
        code = None
        unit = f"{base} per {_RATE_ADVERBS[words[end]]}"  # "£508,000 annually"
        end += 1
    # a rate after the "of" phrase: "2.4 billion gallons of jet fuel a year", "500,000 barrels of oil a day"
    if (code is not None or unit is not None) and " per " not in (unit or "") and end + 3 < n and words[end] == "of":
        k = end + 1
        while k < n and k < end + 6 and doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and not doc[k].like_num:
            k += 1
        per = None
        if k > end + 1:  # "200,000 tonnes of fish annually"
            per = _time_rate(words, k) or (_RATE_ADVERBS.get(words[k]) if k < n else None)
        if per is not None:
            if code is not None:
                code, unit = None, f"{code} per {per}"
            else:
                unit = f"{unit} per {per}"
    # unit written before: "magnitude 5.8"
    if unit is None and code is None and start_tok > 0 and units.unit_prefix(words[start_tok - 1]):
        unit = units.unit_prefix(words[start_tok - 1])
        start_tok -= 1
    elif unit is None and code is None and start_tok > 1 and words[start_tok - 1] == "of" \
            and units.unit_prefix(words[start_tok - 2]) and not words[start_tok - 2].endswith("-"):
        unit = units.unit_prefix(words[start_tok - 2])  # "a quake with a magnitude of 5.9"
    kind = "count"
    info = units.unit_info(unit.split(" per ")[0]) if unit else None
    if code is not None:
        kind = "money"
    elif unit is not None and units.currency_name(unit.split(" per ")[0]):
        kind = "money"
    elif info is not None:
        kind = info["kind"]
    # age written before: "aged 35"
    age_bound_of = None
    if kind == "count" and start_tok > 0 and units.is_age_prefix(words[start_tok - 1]) \
            and 0 < pn.value < 130:
        kind, unit = "age", "yr (age)"
    elif kind == "count" and start_tok > 2 and words[start_tok - 1] == "of" and words[start_tok - 2] == "age" \
            and 0 < pn.value < 130:
        kind, unit = "age", "yr (age)"  # "at the age of 29"
        if start_tok >= 4 and words[start_tok - 3] == "the" and words[start_tok - 4] in _AGE_BOUNDS \
                and approx == "exact":
            # "61 children under the age of 15": a bound on the age of the people before it
            approx = mods.approximator(words[start_tok - 4]) or approx
            age_bound_of = _age_bound_of_people(doc, start_tok, pn.value, bound=start_tok - 4)
    elif kind == "count" and 0 < pn.value < 130 and start_tok == i:
        # "aged 5, 7 and 9": a list of numbers shares its age word (the parse rarely links them)
        k = start_tok  # back over ", 7", "and 9", ", and 11" to the list's first number
        while True:
            if k >= 2 and words[k - 1] in (",", "and", "or") and doc[k - 2].like_num:
                k -= 2
            elif k >= 3 and words[k - 2] == "," and words[k - 1] in ("and", "or") and doc[k - 3].like_num:
                k -= 3
            else:
                break
        if k != start_tok and k > 0 and units.is_age_prefix(words[k - 1]):
            kind, unit = "age", "yr (age)"
    age_of = age_bound_of
    if kind == "count" and approx == "exact" and start_tok == i and end == i + 1 and not suffix:
        age_of = _appositive_age(doc, i, pn.value) or _age_bound_of_people(doc, i, pn.value)
        if age_of is not None:
            kind, unit = "age", "yr (age)"
        elif 0 < pn.value < 120 and pn.value == int(pn.value) and tok.dep_ in ("dobj", "attr", "oprd") \
                and tok.head.lemma_.lower() == "turn" and tok.head.pos_ == "VERB" \
                and (end >= n or doc[end].pos_ not in _NOUN_POS):
            kind, unit = "age", "yr (age)"  # "she turned 30 in 2020"
        elif 0 < pn.value < 120 and pn.value == int(pn.value) and tok.dep_ == "attr" and tok.text.isdigit() \
                and tok.head.lemma_ == "be" and (end >= n or doc[end].pos_ not in _NOUN_POS and words[end] != "of"):
            age_of = _person_subject(doc, tok.head)  # "The teenager, who is 17,", "she is 17"
            if age_of is not None:
                kind, unit = "age", "yr (age)"
    # a sign written as a word: "minus 2 degrees Celsius"
    sign = 1.0
    if start_tok > 0 and words[start_tok - 1] in ("minus", "negative") and kind in ("measure", "percent"):
        sign = -1.0
        start_tok -= 1
    # approximators before (after an optional "up"/"down")
    change = None
    if (approx != "range" or opener is None) and start_tok > 0:
        before = doc[start_tok - 1]
        before_end = before.idx + len(before.text)  # the phrases are cut from the text up to here
        text = doc_text(doc)
        for w in range(mods.approximator_max_words(), 0, -1):
            a = start_tok - w
            if a < 0:
                continue
            first = doc[a]
            if first.is_space or not first.text.strip():
                continue  # never start a span on a paragraph break or a bullet
            cls = mods.approximator(text[first.idx: before_end])
            if cls == "upper" and words[a] == "up" and _verb_particle_up(doc, a):
                change = "up"  # "edged up to 3.7%": the verb's particle and "to", not the bound "up to"
                break
            if cls:
                if approx == "range":
                    break
                approx = "approx" if (approx == "lower" and cls == "approx") else cls
                start_tok = a
                break
    if start_tok > 0:
        adv = mods.change_adverb(words[start_tok - 1])
        if adv and words[start_tok - 1] in ("plus", "minus") and any(
                t.like_num or t.lower_ in nums.lexicon()["scales"] for t in doc[max(0, start_tok - 4): start_tok - 1]):
            adv = None  # "a fee of £65 million, plus £5 million in add-ons": an addition, not a rise
        pt = doc[start_tok - 1]
        comma_before = start_tok > 1 and words[start_tok - 2] in (",", "(", "—", "–", ";")
        if adv and (comma_before or pt.dep_ in ("advmod", "prt", "prep", "quantmod", "npadvmod", "amod")) and not (
                not comma_before  # ", up 4% from a year earlier" is its own phrase
                and pt.dep_ in ("prt", "advmod") and pt.head.pos_ in ("VERB", "AUX") and pt.head.i < pt.i
                and pt.head.lemma_.lower() not in _PARTICLE_VERBS
                and not mods.change_verb(pt.head.lemma_)):  # not "shot down 31"
            change = adv
    if glued_sign is not None and approx in ("exact", "approx"):
        approx = glued_sign
    # approximate suffixes: "or more", "-plus", "or so"
    for w in (2, 1):
        if end + w <= n:
            cls = mods.approximate_suffix(_slice(doc, end, end + w))
            if cls and w == 2 and words[end + 1] in _PREP_SUFFIX_WORDS and end + 2 < n \
                    and doc[end + 2].pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"):
                cls = None  # "rose 5% and over the same period": a preposition, not a bound
            if cls and w == 1 and words[end] == "plus" and end + 1 < n and (
                    doc[end + 1].pos_ in ("NUM", "NOUN", "PROPN", "DET", "ADJ", "SYM")
                    or units.currency_prefix(doc[end + 1].text)):
                cls = None  # "€120m plus €20m in add-ons", "£50,000 plus bonuses": an addition, not a bound
            if cls and approx in ("exact", "approx"):
                approx = cls
                end = end + w
                break
    # --- filters -------------------------------------------------------------------------
    num_toks = range(i, pn.end)
    skip = max(i + 1, pn.end if approx != "range" else i + 1)
    if any(t in blocked for t in num_toks):
        return None, skip
    if kind == "duration" and unit == "year" and approx != "range" and _age_measured(doc, end - 1):
        kind, unit = "age", "yr (age)"  # "The median age fell to 40.4 years": an age, not a duration
    if kind == "duration" and not durations:
        return None, end
    if kind == "age" and not ages:
        return None, end
    if kind == "count":
        if any(t in date_toks for t in num_toks):
            return None, skip
        if any(t in name_toks for t in num_toks):
            return None, skip
        if _looks_like_name_digit(doc, words, i, start_tok) or _looks_like_year(doc, words, i, pn):
            return None, skip
    if kind in ("measure",) and unit in ("m",) and any(t in name_toks for t in num_toks):
        return None, skip
    if kind != "count" and start_tok == i and _MODEL_SUFFIX.fullmatch(doc[i].text) \
            and _looks_like_name_digit(doc, words, i, start_tok):
        return None, skip  # "the Boeing 777X": a model name, not 777 times
    if kind == "money" and start_tok == i and end == pn.end + 1 and doc[end - 1].is_title \
            and doc[end - 1].pos_ == "PROPN" and not doc[end - 1].is_sent_start and (
            end - 1 in name_toks or end < n and doc[end].tag_ == "POS"):
        return None, end  # "50 Cent's release": a name with a currency word in it
    if kind == "age":
        kind = "measure"
    if kind == "duration":
        kind = "measure"
    # --- value and bounds -----------------------------------------------------------------
    if approx == "range":
        value = None
        low, high = low_v, high_v
        if sign < 0:
            low, high = -high, -low
    else:
        value = pn.value * sign
        low = value if approx == "lower" else None
        high = value if approx == "upper" else None
    root = _span_root(doc, start_tok, end)
    if approx == "exact":
        obj = root.head if root.dep_ == "nummod" and root.head.pos_ == "NOUN" else root
        if obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and mods.is_lower_bound_verb(obj.head.lemma_):
            approx, low = "lower", value  # "payments will exceed $1 trillion", "inflation topped 200%"
    counted = _counted(doc, root, start_tok, end, kind)
    if approx == "range" and opener is not None and start_tok == opener[0] and words[start_tok] == "between" \
            and start_tok > 0 and doc[start_tok - 1].pos_ == "NOUN" and doc[start_tok - 1].ent_type_ not in ("DATE", "TIME") \
            and not units.unit_symbol(doc[start_tok - 1].text) and not (end < n and words[end] == "of"):
        # "winds between 10 and 15 mph", "people between 18 and 30": the noun the range follows (the
        # parse often hangs "between" on the verb)
        counted = _np(doc, doc[start_tok - 1], (start_tok, end)) or counted
    if start_tok > 0 and words[start_tok - 1] == "by" and doc[start_tok - 1].head.pos_ == "VERB" \
            and not start_tok <= root.head.i < end and root.head.i != start_tok - 1 and (
            counted is None or kind != "count" or pn.fraction):
        # the parse lost "cut its workforce by a third last year": the amount of the verb's change
        verb = doc[start_tok - 1].head
        change = mods.change_verb(verb.lemma_) or "none"
        counted = _verb_measured(doc, verb, (start_tok, end))
    if start_tok > 1 and words[start_tok - 1] == "by" and doc[start_tok - 1].head.dep_ == "ROOT" \
            and doc[start_tok - 1].head.pos_ in _NOUN_POS:
        # "The higher dose cut deaths by 20%": a sentence without a verb to the parse, whose verb was
        # read as a noun inside the subject: the change and its object are after that word
        obj = doc[start_tok - 1].head
        verb = next((t for t in doc[obj.left_edge.i: obj.i] if t.i > obj.left_edge.i and t.pos_ in ("NOUN", "ADJ", "VERB")
                     and mods.change_verb(t.lower_) and doc[t.i - 1].pos_ in _NOUN_POS), None)
        if verb is not None:
            change = mods.change_verb(verb.lower_)
            counted = _slice(doc, verb.i + 1, obj.i + 1)
    if kind == "count" and counted and root.head.i >= end and root.head.pos_ == "NOUN" and ratio_noun is None:
        head_unit = units.unit_symbol(root.head.text)
        if head_unit == "pt" and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i >= end
                                     for c in root.head.children):
            head_unit = None  # "saved three championship points", "six penalty points": a count of them
        if head_unit and units.unit_info(head_unit)["kind"] == "measure":
            kind, unit, counted = "measure", head_unit, None
    span_start = doc[start_tok].idx
    last = doc[end - 1].text
    span_end = doc[end - 1].idx + len(last)
    if len(last) > 1 and last.endswith(".") and last[-2].isalpha() and (end - 1 > i or _GLUED_UNIT_STOP.match(last)):
        span_end -= 1  # "€300 m.", "120 km/h." at the end of a sentence: the full stop is not part of it
    elif last.lower() == "of" and end - 1 > start_tok:  # "hundreds of": the span ends at the number
        span_end = doc[end - 2].idx + len(doc[end - 2].text)
    if age_of is not None:
        counted = age_of or None
    if ratio_noun is not None:
        counted = ratio_noun
    if kind == "count" and counted and end < n:
        per = _per_number(doc, words, end, counted)
        if per is not None:  # "3.5 cases per 100,000 people": one rate, not two counts
            counted = _slice(doc, end, per)
            blocked.update(range(end, per))
    if kind == "count" and end + 1 < n and words[end] == "per" and doc[end + 1].like_num:
        per = _per_base(doc, words, end + 1)
        if per is not None:  # "5.1 per 100,000 residents", "18 per 100,000": the base of a rate is no count
            blocked.update(range(end, per))
    if counted is None and million_noun is not None and kind == "count":
        counted = doc[million_noun].text  # "1.5m people live there" (the parse takes "m" for a verb)
    if counted is None and start_tok > 1 and words[start_tok - 1] == "of" and doc[start_tok - 2].pos_ == "NOUN" \
            and not mods.is_empty_head(doc[start_tok - 2].lemma_) and not mods.change_noun(doc[start_tok - 2].lemma_) \
            and doc[start_tok - 2].ent_type_ not in ("DATE", "TIME") \
            and any(c.dep_ == "pobj" and start_tok <= c.i < end for c in doc[start_tok - 1].children):
        counted = _np(doc, doc[start_tok - 2], (start_tok, end))  # "their net spend of £148.5m", "highs of 31C"
    if counted is None:
        counted = _measured(doc, root, start_tok, end, kind)
    forecast = bool(counted and end < n and doc[end].text in counted.split() and _forecaster_after(doc, end))
    if forecast:
        counted = None  # "ahead of the $68.8 billion analysts had expected": the analysts are not counted
    if unit == "m" and approx != "range" and counted and _glued_m(doc, i, end) \
            and counted.split()[-1].lower() in _MILLION_COUNT_HEADS:
        # "Passenger numbers hit 6.8m", "Viewers numbered 4.5m": people are counted, not measured in metres
        kind, unit = "count", None
        value = pn.value * 1e6 * sign
        low = value if approx == "lower" else None
        high = value if approx == "upper" else None
    if change is None:
        change_root = root
        if first_end is not None and root.i >= first_end:
            first = _span_root(doc, i, first_end)
            if not start_tok <= first.head.i < end and first.dep_ not in ("prep", "punct", "cc"):
                # "earnings per share of $3.90 to $4.10": the parse hangs the range's second end
                # elsewhere; the first end's place in the sentence decides
                change_root = first
        change = _change(doc, change_root, start_tok)
    if change == "none" and approx != "range" and after_word is not None:
        change = _comparative_change(doc, words, end, kind, after_word) or change
    if kind == "percent" and change != "none" and start_tok > 0 and words[start_tok - 1] == "," and end + 1 < n \
            and words[end] == "of" and root.head.i < start_tok:
        change = "none"  # "rose 14% to £247 million, about 72% of turnover": a share set beside the level
    if counted is None and kind in ("percent", "count") and start_tok > 2 and words[start_tok - 1] == ",":
        sent_first = doc[start_tok].sent.start if doc.has_annotation("SENT_START") else 0
        if words[sent_first] == "of":
            pobj = next((c for c in doc[sent_first].children if c.dep_ == "pobj" and c.i < start_tok), None)
            if pobj is not None:  # "Of the 145,000 members who voted, 61% backed ...": the members
                counted = _np(doc, pobj, (start_tok, end))
    if kind == "count" and change != "none" and (root.head.lemma_.lower() in _PARTICLE_VERBS_NOT_COUNT or (
            start_tok > 0 and doc[start_tok - 1].dep_ in ("prt", "advmod")
            and doc[start_tok - 1].head.lemma_.lower() in _PARTICLE_VERBS_NOT_COUNT)):
        change = "none"  # "shot down 31 drones", "knocked down 5 houses" (but "shares shot up 20%")
    if kind == "count" and counted and counted.startswith("times ") and end < n and words[end] == "times":
        counted = "times"  # "trades at 15 times earnings", "three times the number": a multiple
    if value == 0 and approx == "exact" and kind != "multiplier":
        change = "none"  # "after zero growth", "rose 0%": a change of nothing has no direction
    if kind == "multiplier" and change != "down":
        change = "up"  # "grew 10-fold", "a 3x return": a multiple is an increase unless it falls
    if counted == "times" and kind == "count":
        change = "none"  # "cut its deposit rate eight times": a frequency, not the size of a change
    elif kind == "count" and change != "none" and root.dep_ == "nummod" and root.head.tag_ == "NNS" \
            and mods.change_noun(root.head.lemma_):
        change = "none"  # "at least two more cuts", "three rate rises": a count of changes
    elif kind == "money" and change == "up" and (
            root.head.lemma_.lower() in _MONEY_NOT_CHANGE and root.head.pos_ == "NOUN"
            or _raised_amount(root)):
        change = "none"  # "a €300m expansion", "would raise about $1.9 million": not an increase by that much
    if change in ("up", "down") and kind == "measure" and mods.is_feat_unit(unit) and root.head.pos_ == "VERB" \
            and root.dep_ in ("dobj", "npadvmod", "advmod") and _person_agent(root.head):
        change = "none"  # "Mark van Gisbergen added 18 points", "an intruder who jumped 30ft": a person's feat
    if change == "down" and kind == "measure" and root.dep_ == "dobj" and mods.is_land_work(root.head.lemma_, unit):
        change = "none"  # "he had cut 40 hectares of barley": the land cut (harvested, felled), not a reduction
    if change == "up" and end < n and words[end] == "of" and root.dep_ == "dobj" and root.head.lemma_.lower() == "grow":
        change = "none"  # "Ghana grows 60% of the world's cocoa": a crop grown, not a growth by 60%
    if kind == "count" and approx != "range" and end < n and words[end] == "times" and not suffix:
        target = _times_target(doc, words, end, start_tok)
        if target is not False:
            # "8.3 times average annual earnings", "three times the rate", "three times higher": a multiple
            # of something, not a count of times, and not a change
            kind, unit, change = "multiplier", "x", "none"
            counted = target if target is not None else (
                None if counted is None or counted.split()[0] == "times" else counted)
            end += 1
            span_end = doc[end - 1].idx + len(doc[end - 1].text)
    # "£5.9bn, up from £4.4bn", "30% of Britain's electricity, up 2.4 percentage points": the second
    # figure is about what the first one measured
    pronoun = False
    if counted and (_FIGURE_ONLY.fullmatch(counted.replace(" ", "")) or _MONEY_IN_PHRASE.search(counted)):
        counted = None  # "a rise of at least 5% plus £1,500": another figure is not what this one counts
    if counted and counted.lower() in _PRONOUN_COUNTED:
        pron = next((t for t in doc[end: min(n, end + 4)] if t.lower_ == counted.lower()), None)
        stop = pron.i + 1 if pron is not None else end
        if pron is not None and pron.lower_ in ("those", "these"):
            # "4.6% of those without symptoms", "those not on treatment", "those who died": the words
            # after the demonstrative say who (the parse may hang them elsewhere)
            while stop < min(n, pron.i + 8) and not (doc[stop].is_punct or doc[stop].pos_ == "CCONJ" or (
                    doc[stop].tag_ in ("VBD", "VBZ", "VBP", "MD") and doc[stop - 1].tag_ not in ("WDT", "WP"))):
                stop += 1
        if stop > pron.i + 1 if pron is not None else False:
            counted = _slice(doc, pron.i, stop)
        else:  # "killing 42 of them": resolved against the figure before (extract), else what the
            # clause says it measures ("60% of them were CD45+ cells")
            pronoun = (_measured(doc, root, start_tok, end, kind) or "",)
    inherit = False
    if forecast:
        inherit = True  # ... the expected figure is about what the figure before it measured
    elif start_tok > 1 and words[start_tok - 1] == "from" and words[start_tok - 2] in ("up", "down"):
        inherit = True
        if kind == "count" and (end >= n or doc[end].is_punct):
            inherit = "elided"  # "1.3 million barrels per day ..., down from 1.5 million": the same unit
    elif start_tok > 1 and (words[start_tok - 1] in ("with", "to") and words[start_tok - 2] in ("compared", "against")
                            or words[start_tok - 1] in ("against", "versus", "vs", "vs.") and words[start_tok - 2] == ","):
        inherit = True  # "Turnout was 67%, compared with 72% in 2019", "68% of flights ..., against 74%"
    elif start_tok > 1 and words[start_tok - 1] in ("up", "down") and words[start_tok - 2] in (",", "("):
        inherit = "always"
    elif start_tok > 1 and words[start_tok - 1] == "or" and words[start_tok - 2] == "," and kind == "percent" \
            and not (end < n and words[end] == "of"):  # "or roughly 8% of its workforce" counts its own noun
        inherit = "always"  # "4.2 million votes, or 41 per cent": the same votes as a share
    elif counted is None and kind in ("measure", "money") and "and" in words[max(0, start_tok - 12): start_tok]:
        inherit = "unit"  # "12 million tons of U.S. soybeans this year and 25 million tons a year": the same soybeans
    elif start_tok > 0 and words[start_tok - 1] == "," and kind == "count" and end + 1 < n \
            and words[end] in ("fewer", "more", "less") and words[end + 1] == "than":
        inherit = "elided"  # "480,000 tonnes, 20,000 fewer than last year": the same tonnes
    elif start_tok > 0 and words[start_tok - 1] == "," and kind == "percent" and end + 1 < n \
            and words[end] in ("fewer", "more", "less", "higher", "lower") and words[end + 1] == "than":
        inherit = "always"  # "2.3 million patients in May, 7% more than a year earlier": the same patients
    elif counted is None and pn.fraction and kind == "count" and start_tok > 1 and words[start_tok - 1] == ",":
        inherit = "always"  # "At least 12 colonies, about one in five, failed": a share of the same colonies
    rec = {
        "_inherit": inherit,
        "_pronoun": pronoun,
        "text": _slice(doc, start_tok, end)[:span_end - span_start],
        "start": span_start,
        "end": span_end,
        "kind": kind,
        "value": value,
        "low": low,
        "high": high,
        "approx": approx,
        "unit": code if code is not None else unit,
        "counted": counted,
        "change": change,
    }
    return rec, end


_TIMES_NOT_TARGET = {"year", "month", "week", "day", "hour", "season", "decade", "game", "match", "time", "night",
                     "morning", "evening", "weekend", "quarter", "term", "round", "race"}
_OPENING_MARKS = {'"', "“", "‘", "'", "(", "-", "—", "–"}
_COMPARATIVE_CHANGE = {"higher": "up", "lower": "down", "cheaper": "down", "dearer": "up", "costlier": "up",
                       "fewer": "down"}
_MULTIPLE_OF_NEXT = {"what", "the", "that", "its", "their", "his", "her", "our", "last", "this"}
_TIMES_NOT_BEFORE = {"this", "last", "next", "that", "every", "each", "per", "a", "an", "one"}


def _times_target(doc: Doc, words: list[str], t: int, start: int):
    """After "N times" (the word "times" at t): the phrase multiplied ("8.3 times average earnings" ->
    "average earnings", "three times the rate" -> "rate"), None for a multiple without one ("three times
    higher", "three times as many", "compared with 3.6 times in 1997"), False for a frequency ("cut rates
    eight times", "three times a year", "five times this season")."""
    n = len(doc)
    k = t + 1
    if k < n:
        nxt = doc[k]
        if nxt.tag_ in ("JJR", "RBR") or words[k] in ("as", "what", "that"):
            return None
        j = k
        while j < n and j < k + 4 and (doc[j].pos_ in ("DET", "ADJ", "NUM") or doc[j].tag_ == "PRP$") \
                and words[j] not in _TIMES_NOT_BEFORE:  # not "five times this year", "three times last season"
            j += 1
        if j < n and doc[j].pos_ in _NOUN_POS and doc[j].lemma_.lower() not in _TIMES_NOT_TARGET:
            head = doc[j]
            while head.dep_ == "compound" and head.head.i > head.i and head.head.i < j + 4:
                head = head.head
            if head.lemma_.lower() in _TIMES_NOT_TARGET or head.ent_type_ in ("DATE", "TIME"):
                return False
            return _np(doc, head, (start, t + 1))
    if start > 1 and words[start - 1] in ("with", "to") and words[start - 2] in ("compared", "against"):
        return None
    return False


_FORECAST_VERBS = {"expect", "forecast", "predict", "estimate", "anticipate", "project", "pencil", "see", "target",
                   "want", "seek", "demand", "budget", "plan", "assume", "forecasted"}


def _forecaster_after(doc: Doc, end: int) -> bool:
    """A noun right after the figure that is the subject of a forecast verb whose object is the figure
    ("the 449,080 analysts had expected", "the $68.8 billion analysts polled by LSEG had forecast")."""
    n = len(doc)
    if end >= n or doc[end].tag_ not in ("NNS", "NNPS", "NN", "NNP"):
        return False
    k = end + 1
    while k < n and k < end + 4 and doc[k].dep_ in ("aux", "neg", "advmod") and doc[k].tag_ != "VBN":
        k += 1
    if k >= n or doc[k].pos_ not in ("VERB", "AUX") or doc[k].lemma_.lower() not in _FORECAST_VERBS \
            or doc[k].tag_ not in ("VBD", "VBN", "VBP", "VBZ"):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in doc[k].children)


def _age_measured(doc: Doc, k: int) -> bool:
    """The years at token k are what an "age" noun measures: "The median age fell to 40.4 years", "the
    average age of farmers is 59 years", "an average age of 41 years"."""
    h = doc[k].head
    if h.pos_ == "ADP" and h.lower_ in ("to", "at", "of", "from"):
        h = h.head
    if h.pos_ == "NOUN":
        return h.lemma_.lower() == "age"
    return h.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ_DEPS and c.lemma_.lower() == "age" for c in h.children)


_THAN_TIME_WORDS = {"ago", "earlier", "before", "previously", "last", "previous", "prior", "year", "month", "week",
                    "quarter", "season", "decade", "then", "once"}


_AFTER_DIRECTION_NEXT = {"on", "from", "at", "in", "over", "against", "compared", "since", "for", "versus", "vs",
                         "vs.", "year-on-year", "after", "this", "last", "so", "overall", "today", "yesterday"}


def _comparative_change(doc: Doc, words: list[str], end: int, kind: str, after_word: str) -> str | None:
    """The change a comparative right after the figure (`after_word`, at `end`) makes of it when the
    comparison is over time: "15% lower than this year", "prices 5% higher than a year ago", "pay £39
    more a year"; for counts only "more/fewer/less than": "2,926 murders last year, 560 fewer than in
    2024", "3,000 more tickets than last season" ("20 more seats than Labour" is a difference)."""
    if after_word in ("up", "down") and kind in ("percent", "percentage_point", "money") and (
            end + 1 >= len(doc) or doc[end + 1].is_punct or words[end + 1] in _AFTER_DIRECTION_NEXT):
        return after_word  # "shares ended the day 4% down", "sales were 5% up on last year" (not "£500,000 up front")
    if kind == "count":
        if after_word not in ("more", "fewer", "less") or "than" not in words[end + 1: end + 4]:
            return None
    elif kind not in ("percent", "percentage_point", "money", "measure") or not (
            after_word in _COMPARATIVE_CHANGE or after_word in ("more", "less") and kind in ("money", "percent")):
        return None
    if not _compared_over_time(doc, words, end):
        return None
    return _COMPARATIVE_CHANGE.get(after_word) or ("up" if after_word == "more" else "down")


def _compared_over_time(doc: Doc, words: list[str], end: int) -> bool:
    """After "15% lower" / "£39 more" (the comparative at or after `end`): a change over time unless a
    "than" names something else ("24% higher than in 2003", "than a year ago" are changes; "0.8 degrees
    higher than normal", "£20bn less than forecast", "earn 19% less than men" are differences)."""
    n = len(doc)
    k = next((j for j in range(end, min(n, end + 5)) if words[j] == "than"), None)
    if k is None:
        return True
    for t in doc[k + 1: min(n, k + 6)]:
        if t.is_punct:
            break
        if t.lower_ in _THAN_TIME_WORDS or t.ent_type_ in ("DATE", "TIME") or _year_like(t.text):
            return True
    return False


_ONE_PRONOUN_BEFORE = {"every", "no", "any", "each", "this", "that", "the", "which", "another", "a", "an",
                       "someone", "anyone"}
_ONE_HYPHEN_WORDS = {"off", "time", "way", "sided", "stop", "liner", "man", "party", "size", "on", "horse", "eyed"}


def _not_a_number_use(doc: Doc, words: list[str], i: int, blocked: set, date_toks: set) -> bool:
    """Number words and digits that are not amounts: the pronoun 'one' ("every one of", "this one",
    "a regular one", "given it one"), "one-off", a title-case number word
    inside a name ("Net Zero", "Formula One"), the second day of "Dec. 17-18"."""
    n = len(doc)
    tok = doc[i]
    low = words[i]
    if i >= 2 and doc[i - 1].text in ("-", "–") and _glued(doc, i - 1) and _glued(doc, i) and (
            i - 2 in date_toks or i - 2 in blocked):
        return True
    if tok.is_alpha and tok.is_title and i > 0 and not tok.is_sent_start and (
            doc[i - 1].is_title or doc[i - 1].is_upper and len(doc[i - 1].text) > 1) \
            and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].is_sent_start:
        return True  # "Formula One", "BBC Two"
    if len(low) == 1 and low in "23456" and i + 1 < n and doc[i + 1].text == "G" and _glued(doc, i + 1):
        return True  # "a 5G licence", "4G towers": a mobile network's generation, a name
    if tok.is_alpha and tok.is_title and i > 1 and not tok.is_sent_start and words[i - 1] == "of" \
            and doc[i - 2].is_title and doc[i - 2].pos_ == "PROPN":
        return True  # "the Group of Seven"
    if low.isdigit() and len(low) <= 2 and i + 1 < n and words[i + 1] == ")" and (
            i > 0 and doc[i - 1].text == "(" and (i < 2 or doc[i - 2].text in (":", ";", ",", "and", "or"))
            or all(t.text != "(" for t in doc[max(0, i - 8): i])):
        return True  # "1) explains ...; 2) cautions ...", "three parts: (1) tax cuts": list markers
    if i > 0 and words[i - 1] in _LOWER_LABELS and (i + 1 >= n or doc[i + 1].tag_ != "NNS") \
            and (low.isdigit() and len(low) <= 3 or low in nums.lexicon()["small"]) \
            and not (i > 1 and doc[i - 2].like_num):
        return True  # "beyond round four", "game 7", "chapter 11", "page 3": a label
    if i > 0 and words[i - 1] == "number" and (i + 1 >= n or doc[i + 1].tag_ != "NNS") \
            and (low.isdigit() or low in nums.lexicon()["small"]):
        return True  # "reached number 13 in the chart", "at number one", "the number 23 shirt": a rank
    if tok.is_alpha and tok.is_title and not tok.is_sent_start and i + 1 < n and (
            doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN" or doc[i + 1].tag_ == "POS") \
            and low in nums.lexicon()["small"]:
        return True  # "the Six Nations", "the Big Three" is above: a number word inside a name
    if low.isdigit() and (len(low) > 2 and low[0] == "0" or (
            i > 0 and words[i - 1].isdigit() or i + 1 < n and words[i + 1].isdigit()) and _phone_like(doc, i)):
        return True  # "0800 123 4567", "020 7946 0958": a telephone number, not amounts
    if i > 1 and words[i - 1] == "the" and words[i - 2] == "by" and low in _BY_THE_WORDS \
            and (i + 1 >= n or doc[i + 1].pos_ not in _NOUN_POS and words[i + 1] != "of"):
        return True  # "counting them by the dozen", "arrived by the hundreds": a manner, not an amount
    if low.isdigit() and i > 1 and words[i - 1] == "top" and doc[i - 2].tag_ in ("DT", "POS", "PRP$") and (
            i + 1 >= n or doc[i + 1].pos_ not in _NOUN_POS and words[i + 1] not in ("%", "per")):
        return True  # "reached the top 10 last week", "in the site's top 10": a rank, like an ordinal
    if low != "one":
        return False
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < n else None
    if prev is not None and (prev.lower_ == "no" or prev.text == "-" and i > 1 and words[i - 2] == "no"
                             and not doc[i - 2].whitespace_) and (nxt is None or nxt.pos_ != "NOUN"):
        return True  # "No-one is putting money in", "no one present": the pronoun
    if nxt is not None and nxt.text == "-" and i + 2 < n and words[i + 2] in _ONE_HYPHEN_WORDS:
        return True
    if nxt is not None and (nxt.lower_ == "another" or nxt.tag_ == "MD" and nxt.lower_ != "will"):
        return True  # "one another", "one can already celebrate": the pronoun
    if prev is None or nxt is not None and (nxt.lower_ in nums.lexicon()["scales"] or nxt.like_num):
        return False  # "the one million euros"
    if nxt is not None and nxt.lower_ == "in" and i + 2 < n and (doc[i + 2].like_num or words[i + 2] == "every"):
        return False  # "that one in five adults": a ratio
    noun_after = nxt is not None and nxt.pos_ in _NOUN_POS | {"ADJ"}
    if prev.lower_ in _ONE_PRONOUN_BEFORE and not noun_after and not (nxt is not None and nxt.lower_ == "of"
                                                                       and prev.lower_ != "every"):
        return True
    if prev.lower_ == "every" and nxt is not None and nxt.lower_ == "of":
        return True
    if prev.pos_ == "ADJ" and not noun_after:
        return True  # "a regular one"
    if not noun_after and (nxt is None or nxt.lower_ != "of") and _article_before(doc, i):
        return True  # "a three-month one", "the last big one": the head of its noun phrase
    if prev.pos_ == "PRON" and prev.dep_ != "poss" and prev.lower_ not in ("them", "us", "we", "they") \
            and not noun_after and (nxt is None or nxt.lower_ != "of"):
        return True  # "we have given it one"
    return False


_ONE_ARTICLES = {"a", "an", "the", "this", "that", "another"}
_BY_THE_WORDS = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands", "million",
                 "millions"}


def _article_before(doc: Doc, i: int) -> bool:
    """An article opens the modifiers right before token i ("a three-month", "the last big")."""
    for k in range(i - 1, max(-1, i - 6), -1):
        tok = doc[k]
        if tok.lower_ in _ONE_ARTICLES and tok.pos_ == "DET":
            return k < i - 1
        if not (tok.pos_ in ("ADJ", "NOUN", "NUM", "ADV") or tok.text == "-" and not tok.whitespace_):
            return False
    return False


def _money_pounds(doc: Doc, i: int, end: int, scale: float) -> bool:
    """'361 million pounds', 'fined 500 pounds', 'a 40,000-pound salary': pounds sterling, not weight."""
    if scale >= 1000:
        return True
    near = list(doc[end: min(len(doc), end + 2)])
    for k in range(i - 1, max(-1, i - 5), -1):  # back to the start of the phrase
        if doc[k].pos_ in ("CCONJ", "PUNCT") and doc[k].text != "-":
            break
        near.append(doc[k])
    head = doc[end - 1].head  # "the price of the dress was 50 pounds": the verb and its subject
    near.append(head)
    near.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(t.text == "£" or mods.is_money_context(t.lemma_) for t in near)


_PERSON_NOUNS = {"man", "woman", "boy", "girl", "teenager", "teen", "child", "son", "daughter", "mother",
                 "father", "wife", "husband", "victim", "suspect", "baby", "toddler", "brother", "sister",
                 "grandmother", "grandfather", "patient", "pupil", "student", "person", "mum", "dad",
                 "forward", "quarterback", "full-back", "centre-back", "center-back", "fly-half", "scrum-half",
                 "chief", "boss", "nurse", "doctor", "pilot", "actress", "athlete", "cyclist", "gymnast"}


_AGE_GROUP_NOUNS = {"people", "adult", "voter", "resident", "worker", "employee", "citizen", "driver", "user",
                    "customer", "member", "player", "youngster", "kid", "infant", "those", "anyone", "everyone",
                    "anybody", "everybody", "rider", "passenger", "commuter", "traveller", "traveler", "motorist",
                    "applicant", "smoker"}


def _age_bound_of_people(doc: Doc, i: int, value: float, bound: int | None = None) -> str | None:
    """'Children under five', 'voters under 30', 'people over 65', 'anyone under 18', 'children
    under the age of 15': an age bound of the people just before the bound word (at `bound`, else
    right before the number; the bound word itself is read as the approximator)."""
    b = i - 1 if bound is None else bound
    if b < 1 or not (0 < value < 120 and value == int(value)) or doc[b].lower_ not in _AGE_BOUNDS:
        return None
    head = doc[i].head
    if b == i - 1 and doc[i].dep_ == "nummod" and head.i > i and head.tag_ in ("NNS", "NNPS") and all(
            t.pos_ in ("ADJ", "NOUN", "PROPN") for t in doc[i + 1: head.i]):
        return None  # "players over 30 goals": the number counts the noun after it
    if b >= 3 and doc[b - 1].lower_ in ("and", "or") and doc[b - 2].like_num and doc[b - 3].lower_ in _AGE_BOUNDS:
        # "riders under 18 and over 65": the second bound is of the people before the first
        first = doc[b - 2].text
        return _age_bound_of_people(doc, b - 2, float(first), bound=b - 3) if first.isdigit() else None
    person = doc[b - 1]
    if person.pos_ == "PRON" and person.lower_ in _AGE_GROUP_NOUNS:
        return person.text
    if person.pos_ == "NOUN" and person.tag_ == "NNS" and (
            person.lemma_.lower() in _PERSON_NOUNS or person.lemma_.lower() in _AGE_GROUP_NOUNS):
        return _np(doc, person, (b, i + 1)) or person.text
    return None


def _person_subject(doc: Doc, verb: Token) -> str | None:
    """The person a copula says a bare number of: 'the teenager, who is 17' -> 'teenager', 'she is 17'
    -> '' (a pronoun: an age, but no phrase). None when the subject is not a person."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    if subj.lower_ in ("he", "she", "i"):
        return ""
    if subj.ent_type_ == "PERSON" or subj.pos_ == "NOUN" and (
            subj.lemma_.lower() in _PERSON_NOUNS or subj.lower_.endswith(_PERSON_SUFFIXES) and subj.tag_ == "NN"):
        return _np(doc, subj, (verb.i, verb.i + 1)) or subj.text
    return None


def _person_agent(verb: Token) -> bool:
    """The verb's subject is a person: a PERSON name, he/she/I/you, "who", or a person noun ("the boy")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "i", "you", "who") or (
        subj.pos_ == "NOUN" and subj.lemma_.lower() in _PERSON_NOUNS)


def _phone_like(doc: Doc, i: int) -> bool:
    """A bare integer in a run of three or more bare integers separated by single spaces ("0800 123 4567",
    "212 555 0100"): a telephone number. ("in 2006 95% of them" is a year and a percentage.)"""
    n = len(doc)
    lo = hi = i
    while lo > 0 and doc[lo - 1].text.isdigit() and doc[lo - 1].whitespace_ == " " and hi - lo < 4:
        lo -= 1
    while hi + 1 < n and doc[hi + 1].text.isdigit() and doc[hi].whitespace_ == " " and hi - lo < 4:
        hi += 1
    return hi - lo >= 2


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "man", "woman", "wife", "son", "ess")


def _appositive_age(doc: Doc, i: int, value: float) -> str | None:
    """'Giuseppe Marini, 74, refused', 'a man, 46, was killed': a bare integer between commas after a
    person is an age. Returns the person phrase, else None."""
    n = len(doc)
    if value != int(value) or not 1 <= value <= 110 or i < 2 or doc[i - 1].text != ",":
        return None
    if i + 1 < n and doc[i + 1].text not in (",", ".", ";", ")"):
        return None
    person = doc[i - 2]
    if person.ent_type_ == "PERSON" or person.is_title and not person.is_stop and person.ent_type_ in (
            "", "PERSON", "ORG", "NORP", "GPE") and (person.pos_ == "PROPN" or person.is_sent_start):
        k = i - 2
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title:
            k -= 1
        return _slice(doc, k, i - 1)
    if person.pos_ == "NOUN" and person.tag_ == "NN" and (
            person.lower_.endswith(_PERSON_SUFFIXES) or person.lower_ in _PERSON_NOUNS):  # "The nurse, 34,"
        return _np(doc, person, (i, i + 1))
    if person.lower_ in _PERSON_NOUNS and person.pos_ in ("ADV", "ADJ", "PROPN") and i >= 3 \
            and doc[i - 3].pos_ in ("DET", "ADJ", "PROPN"):
        return person.text  # "The Ukrainian forward, 26," (the tagger reads "forward" as an adverb)
    return None


def _is_score(doc: Doc, i: int, a, b) -> bool:
    """'2-2', '3-1', '52-48', 'won 2-3': a result or a tally, not a range."""
    if a.suffix or b.suffix or a.currency or b.currency or a.value != int(a.value) or b.value != int(b.value):
        return False
    if a.value >= b.value:
        return True
    if a.value in (0, 15, 30, 40) and b.value in (15, 30, 40) and not any(
            units.unit_symbol(t.text) or units.currency_suffix(t.text) for t in doc[i + 1: i + 4]):
        return True  # tennis points: "30-40 down" (but "30-40 cm" is a range)
    lo, hi = max(0, i - 4), min(len(doc), i + 5)
    return any(mods.is_score_context(t.lemma_) for t in doc[lo:hi] if t.i != i)


def _next_is_number(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].text in ("-", "–", "to", "and") and j + 1 < len(doc) and (
        "d" in doc[j + 1].shape_ or doc[j + 1].text in ("$", "€", "£", "¥")
    )


def _by_rising_pair(doc: Doc, j: int) -> bool:
    """'by 25% to 30%' at the joiner j: two figures of one unit after 'by', the second larger (not
    'rose by 0.5% to 4.1%', a change and a level, nor 'lead by 39% to 34%', a score)."""
    if j < 3 or j + 2 >= len(doc) or doc[j - 3].lower_ != "by" or doc[j + 2].text != doc[j - 1].text:
        return False
    try:
        low, high = float(doc[j - 2].text.replace(",", "")), float(doc[j + 1].text.replace(",", ""))
    except ValueError:
        return False
    verb = doc[j - 3].head
    changed = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # what changes
    if changed is not None and changed.lemma_.lower() in _RATE_NOUNS:
        return False  # "raised its cash rate by 0.25% to 0.35%": a change of a rate and its new level
    return low < high <= 3 * low


def _range_second(doc, words, j, opener, code, first_unit):
    """A second number after a range joiner at token j: (ParsedNumber, suffix, end, currency)."""
    n = len(doc)
    if j >= n or j + 1 >= n:
        return None
    w = words[j]
    shared_scale = same_unit = False
    if j + 3 < n and words[j + 2] == "in" and doc[j + 3].like_num:
        return None  # "from one in 20 to one in 100": two ratios, each read on its own
    if w in ("-", "–", "—"):
        pass
    elif w == "to" and opener is not None and opener[1] == "and" and words[opener[0]] == "between" \
            and first_unit is not None:
        same_unit = True  # round 14: "between 10% to 15% lower", as "between 10% and 15%"
    elif w == "to":
        # "from 5 to 7" always; without "from" only bare numbers before a shared unit or currency
        # ("10 to 15 mph", "two to three"): "rose 6.5% to 164p" and "2018 to 3.9 million" are not ranges
        if opener is not None:
            if opener[1] != "to" or _change_governs(doc[opener[0]]) and not _counted_after(doc, j + 1):
                # "fell from 11.2% to 9.6%": the level left and the level reached, two figures (but "will cut
                # from 1,000 to 1,500 jobs" is a range of what is cut)
                return None
        elif code is not None and first_unit is None and doc[j - 1].text.replace(",", "").isdigit() and not (
                j >= 3 and (mods.change_verb(doc[j - 3].lemma_) or doc[j - 3].lower_ == "by")):
            shared_scale = True  # "$10 to $15 million": one scale for both ends (not "rose $5 to $20m")
        elif code is None and first_unit is not None and _by_rising_pair(doc, j):
            same_unit = True  # "would cut earnings by 25% to 30%": how much, between two figures
        elif code is None and first_unit is not None and not _change_before(doc, j):
            same_unit = True  # "a forecast of 3% to 3.5%" (not "rose 6.5% to 164p")
        elif code is not None and first_unit is None and not _change_before(doc, j) \
                and units.currency_prefix(doc[j + 1].text) == code:
            same_unit = True  # "earnings of $1.20 to $1.25 per share" (not "fell $5 to $20")
        elif first_unit is not None or code is not None or _year_like(doc[j - 1].text):
            return None
    elif w == "and":
        if opener is None or opener[1] != "and":
            return None
    else:
        return None
    k = j + 1
    code_b, k2 = None, k
    if k < n:
        # the second end's own currency sign: "between $10m and $15m", "between A$40 million and A$60 million"
        cb = units.currency_prefix(doc[k].text)
        if not (doc[k].text in ("$", "€", "£", "¥", "US$") or code is not None and not doc[k].is_alpha and cb == code):
            cb = None
        if cb:
            code_b, k2 = cb, k + 1
    if k2 >= n or not ("d" in doc[k2].shape_ or words[k2] in nums.lexicon()["small"]):
        return None
    got = _number_at(doc, words, k2, money=(code or code_b) is not None)
    if got is None:
        return None
    pn, sfx = got
    if pn.approx != "exact" or shared_scale and (pn.scale == 1.0 or code_b is None):
        return None
    if w in ("-", "–", "—") and first_unit is not None and doc[j - 1].whitespace_:
        cur_b, sym_b, _after_b = _unit_after(doc, pn.end)
        second_unit = (units.unit_symbol(sfx) or units.currency_suffix(sfx)) if sfx else (sym_b or cur_b)
        if second_unit is not None and second_unit != first_unit:
            return None  # round 14: "rose 15 cents - 1.1% - on Nasdaq": an aside, not a range of cents
    if same_unit:
        fi = _first_number_before(doc, j)
        first = nums.parse_words(words, fi, money=code is not None) if fi is not None else None
        second_unit = units.unit_symbol(sfx) if sfx else _unit_after(doc, pn.end)[1]
        if first is None or first.value >= pn.value or second_unit != first_unit:
            return None
    elif w == "to" and opener is None and not shared_scale:
        first = nums.parse_words(words, j - 1)
        if first is None and words[j - 1] in nums.lexicon()["scales"] and pn.scale != 1.0 and not _change_before(doc, j):
            # "323 million to 338 million tonnes": both ends carry their scale word
            fi = _first_number_before(doc, j)
            first = nums.parse_words(words, fi) if fi is not None else None
            if first is not None and first.end != j:
                first = None
        unit_cur, unit_sym, _ = _unit_after(doc, pn.end)
        if first is None or first.value >= pn.value or not (unit_cur or unit_sym or sfx or (
                not doc[j - 1].text[0].isdigit() and not doc[k2].text[0].isdigit())
                or _plural_noun_at(doc, pn.end) and not _change_before(doc, j)
                or j >= 2 and words[j - 2] in ("aged", "ages")):
            return None  # "30,000 to 50,000 polygons", "12 to 18 unvaccinated people", "aged 18 to 24" are ranges
    return pn, sfx, pn.end, code_b


def _first_number_before(doc: Doc, j: int) -> int | None:
    """Index of the number token of the first quantity before the joiner at j ("3% to", "3 per cent to")."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if doc[k].like_num or doc[k].text[:1].isdigit():
            while k > 0 and doc[k - 1].text[:1].isdigit() and doc[k].is_alpha:
                k -= 1  # "$9 billion to $11 billion": the figure starts at its digits
            return k
    return None


def _change_before(doc: Doc, j: int) -> bool:
    """A change verb, "by" or "from" right before the first figure of "X to Y": a change and a level."""
    k = _first_number_before(doc, j)
    if k is None:
        return False
    while k > 0 and (doc[k - 1].text in ("$", "€", "£", "¥") or mods.approximator(doc[k - 1].text)):
        k -= 1
    prev = doc[k - 1] if k > 0 else None
    if prev is not None and (mods.change_verb(prev.lemma_) is not None or prev.lower_ in ("by", "from")):
        return True
    head = doc[k]
    for _ in range(3):  # "lifted interest rates 0.25% to 5.5%": the first figure is the verb's amount
        if head.dep_ in ("nummod", "compound", "quantmod") and head.head.i != head.i:
            head = head.head
    verb = head.head
    return head.dep_ == "npadvmod" and verb.pos_ == "VERB" and verb.i < k and mods.change_verb(verb.lemma_) is not None


def _counted_after(doc: Doc, k: int) -> bool:
    """A plural noun right after the figure at token k and its scale word ("to 1,500 jobs")."""
    while k < len(doc) and (doc[k].like_num or doc[k].text in ("$", "€", "£", "¥")):
        k += 1
    return _plural_noun_at(doc, k)


def _change_governs(prep: Token) -> bool:
    """Whether a change verb or noun takes the "from" phrase ("fell from 11.2% to 9.6%", "went up from $2",
    "an increase from 5%"), whose "X to Y" is a level left and a level reached."""
    return prep.dep_ == "prep" and prep.head.i != prep.i and _direction_of(prep.head) is not None


def _plural_noun_at(doc: Doc, k: int) -> bool:
    """A plural noun at k, after at most two adjectives ("polygons", "unvaccinated people")."""
    for t in doc[k: min(len(doc), k + 3)]:
        if t.tag_ == "NNS" and t.ent_type_ not in ("DATE", "TIME"):
            return not units.unit_symbol(t.text)
        if t.pos_ != "ADJ":
            return False
    return False


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100


_MODEL_SUFFIX = re.compile(r"\d{2,}[A-Z]{1,3}")  # "777X", "350XWB": digits with capitals glued


def _looks_like_name_digit(doc: Doc, words: list[str], i: int, start_tok: int) -> bool:
    """'Boeing 737', 'Section 427', 'No. 10', '#5', 'Windows 10': a digit that names something."""
    if start_tok != i or i == 0:
        return False
    tok = doc[i]
    prev = doc[i - 1]
    if prev.is_title and prev.lower_ in _LABEL_NOUNS and (
            tok.text.isdigit() and len(tok.text) <= 3 or tok.text.endswith(".0")):
        return True  # "Version 2.0", "Phase 2", "Point 3", "Stage 4": a label, not an amount
    if _MODEL_SUFFIX.fullmatch(tok.text) and prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in _MONTHS:
        return True  # "Boeing 777X", "Airbus 350XWB": a model name with its letters glued, not "777 times"
    if not tok.text.isdigit():
        return False
    if prev.text in ("#", "No.", "no.", "No", "Nos.", "number", "Number") and prev.text != "number":
        return True
    if prev.text == "." and i > 1 and doc[i - 2].text in ("No", "no", "Nos") and _glued(doc, i - 1):
        return True  # "No. 1" split by the tokenizer
    if prev.pos_ == "PROPN" and prev.is_upper and len(prev.text) >= 2 and prev.lower_ not in _MONTHS \
            and "." not in prev.text:
        return True  # an acronym right before a bare integer names it: "FTSE 100", "S&P 500", "G 7"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev.text == "U.S." and (nxt is None or nxt.pos_ not in _NOUN_POS):
        return True  # "along U.S. 412 east of Enid": a federal highway's number
    if prev.pos_ == "PROPN" and prev.is_alpha and not prev.is_lower and (
            prev.text[0].islower() or i > 1 and doc[i - 2].like_num and doc[i - 2].pos_ == "NUM"
            and prev.tag_ == "NNP"):  # not "3 million Americans 65 and over"
        return True  # "iPhone 15", "50 million Galaxy 24 handsets": a brand, or a name already counted
    if prev.pos_ == "PROPN" and prev.is_alpha and not prev.is_lower and prev.lower_ not in _MONTHS:
        # "Boeing 737", and before a singular noun "Nikkei 225 index", "Route 6 service"
        return nxt is None or nxt.pos_ not in _NOUN_POS or nxt.is_title or (
            nxt.tag_ == "NN" and tok.text != "1" and not units.unit_symbol(nxt.text))
    if prev.tag_ == "NN" and prev.is_lower and prev.is_alpha and len(tok.text) <= 2 and nxt is not None \
            and nxt.pos_ in _NOUN_POS and not units.unit_symbol(prev.text) and not units.unit_symbol(nxt.text) \
            and not units.currency_suffix(nxt.text) and not units.currency_suffix(prev.text) \
            and not mods.is_empty_head(prev.lemma_):
        return True  # a class label inside a noun phrase: "tier 1 ratio", "category 5 hurricane"
    return False


_LOWER_LABELS = {"round", "game", "chapter", "page", "stage", "phase", "episode", "season", "level", "grade",
                 "tier", "category", "platform", "terminal", "gate", "exit", "junction", "hole", "lane", "heat",
                 "article", "section", "clause", "paragraph", "figure", "table", "appendix", "annex", "leg"}
_LABEL_NOUNS = {"version", "phase", "stage", "point", "level", "grade", "tier", "category", "class", "division",
                "round", "game", "week", "matchday", "day", "series", "model", "mark", "type", "part", "chapter",
                "article", "section", "clause", "paragraph", "rule", "item", "figure", "table", "page", "room",
                "gate", "platform", "terminal", "route", "highway", "interstate", "motorway", "freeway", "exit", "junction", "line", "channel", "radio",
                "flight", "zone", "sector", "district", "ward", "precinct", "block", "unit", "lot", "group", "pool",
                "heat", "lane", "court", "hole", "act", "scene", "episode", "season", "volume", "issue", "appendix",
                "annex", "schedule", "amendment", "resolution", "proposition", "measure", "question", "option"}


def _looks_like_year(doc: Doc, words: list[str], i: int, pn) -> bool:
    """A bare 4-digit year ('in 2025', 'the 2019 Rich List') that the NER missed."""
    text = doc[i].text
    if len(text) != 4 or not text.isdigit() or pn.end != i + 1:
        return False
    v = int(text)
    if not 1800 <= v <= 2100:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if i > 0 and (doc[i - 1].tag_ in ("PRP$", "POS") or doc[i - 1].lower_ in ("the", "this", "that")) \
            and v >= 1900 and "," not in text:
        return True  # "its 2024 accounts", "Japan's 2025 budget", "the 2019 election"
    if nxt is not None and nxt.tag_ == "NNS" and nxt.head.i != i:
        return False  # "2000 people"
    return True


def _span_root(doc: Doc, a: int, b: int) -> Token:
    """The token of doc[a:b] whose head lies outside the span (the last such one that is not a
    preposition or punctuation: in "0.4 per cent" both "0.4" and "per" may hang on the verb)."""
    root = None
    fallback = doc[b - 1]
    for t in doc[a:b]:
        if not a <= t.head.i < b or t.head.i == t.i:
            fallback = t
            if t.dep_ not in ("prep", "punct", "cc"):
                root = t
    return root if root is not None else fallback


def _strip(doc: Doc, toks: list[Token]) -> str | None:
    while toks and (toks[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or toks[0].lower_ in ("of",)
                    or toks[0].pos_ == "PRON" and toks[0].dep_ == "poss"
                    or len(toks) > 1 and (toks[0].lower_ in ("more", "fewer") or toks[0].like_num
                                          and toks[0].dep_ in ("nummod", "quantmod", "compound")
                                          and toks[0].whitespace_)):  # keep "three-ton satellites"
        toks = toks[1:]  # "60 aftershocks" -> "aftershocks", "40,000 more engineers" -> "engineers"
    if len(toks) > 2 and toks[0].like_num and toks[1].text == "%":
        toks = toks[2:]  # "for $2.1bn" after "a 51% stake" -> "stake": the share is its own quantity
    if len(toks) > 2 and toks[0].lower_ in _SEQUENCE_ADJ and toks[1].like_num:
        toks = toks[2:]  # "10 of their last 12 matches" -> "matches": the second number is its own quantity
    while toks and toks[-1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET", "PART"):
        toks = toks[:-1]
    if not toks:
        return None
    return _slice(doc, toks[0].i, toks[-1].i + 1)


_SEQUENCE_ADJ = {"last", "first", "next", "past", "previous", "final", "top", "bottom", "other", "remaining"}


def _phrase(doc: Doc, head: Token) -> str | None:
    """The noun phrase of a head: its left modifiers and itself, plus a following 'of' phrase."""
    left = head.left_edge.i
    toks = [t for t in doc[left: head.i + 1]]
    if len(toks) > 6:
        toks = toks[-6:]
    return _strip(doc, toks)


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    return None


def _counted(doc: Doc, root: Token, a: int, b: int, kind: str) -> str | None:
    """What the quantity counts or measures, from the parse."""
    n = len(doc)
    # partitive or measure "of": "90% of Iran's crude exports", "hundreds of people", "one of them"
    pobj = _of_object(root)
    if pobj is not None and a <= pobj.i < b:  # "thousands of tonnes of grain": the unit's own "of"
        pobj = _of_object(pobj)
    if pobj is None and b - 1 != root.i:
        pobj = _of_object(doc[b - 1])
    if pobj is None and b < n and doc[b - 1].lower_ == "of":  # "hundreds of" consumed the 'of'
        for t in doc[b: min(n, b + 8)]:
            if t.head.i == b - 1 and t.dep_ == "pobj":
                pobj = t
                break
    if pobj is None and b + 2 < n and doc[b].lower_ == "out" and doc[b + 1].lower_ == "of":
        # "four out of their six games": the partitive "out of"
        # (a plural: not "37% out of work"; not money: "$30m out of its own resources" is the source)
        pobj = next((t for t in doc[b + 1].children if t.dep_ == "pobj" and t.tag_ in ("NNS", "NNPS")), None)
        if kind == "money":
            pobj = None
    if pobj is not None and pobj.pos_ in _NOUN_POS | {"PRON"} and pobj.i >= b:
        toks = list(doc[pobj.left_edge.i: pobj.i + 1])
        return _strip(doc, toks[-6:])
    if kind != "count":
        return None
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in _NOUN_POS and head.head.i - b < 6 \
            and head.tag_ in ("NN", "NNP") and head.head.tag_ in ("NNS", "NNPS") \
            and not any(t.text == "-" for t in doc[root.i: head.i + 1]):
        head = head.head  # "their 11 league games": the number hangs on the compound's first noun, and
        # agrees with the plural after it (not "1/2 cup olive oil", "3 tablespoons butter"; not "a 300-seat
        # plane": a hyphenated modifier counts its own noun)
    if head.i >= b and head.pos_ in _NOUN_POS and head.ent_type_ not in ("DATE", "TIME") and root.dep_ in (
        "nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod", "advmod", "dep", "appos"
    ) and head.i - b < 6:
        last = head.i
        while last + 2 < n and doc[last + 1].text == "-" and not doc[last].whitespace_ \
                and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha:
            last += 2  # round 14: "300 e-bikes", "40 co-founders" (the parse stops at the hyphen: "e", "co")
        toks = list(doc[b: last + 1])
        if toks and toks[0].text == "(":  # "a ¥1.2 trillion ($8.1 billion) factory"
            close = next((t.i for t in toks if t.text == ")"), None)
            toks = list(doc[close + 1: head.i + 1]) if close is not None else toks
        if toks and all(t.pos_ in _COUNTED_POS or t.dep_ in ("compound", "amod", "punct", "poss", "case")
                        or _in_hyphenated_word(doc, t) for t in toks) and not any(t.is_sent_start for t in toks):
            return _strip(doc, toks)
    # fallback on tags: a run of adjectives and nouns right after the number
    toks = []
    for t in doc[b: min(n, b + 5)]:
        if t.ent_type_ in ("DATE", "TIME"):
            break
        if t.pos_ in ("ADJ", "NOUN") or (t.pos_ == "PROPN" and toks) or t.dep_ == "compound":
            toks.append(t)
            continue
        break
    while toks and toks[-1].pos_ != "NOUN":
        toks.pop()
    if toks and root.dep_ not in ("pobj", "dobj", "nsubj", "attr") or (
        toks and root.head.i == toks[-1].i
    ):
        return _strip(doc, toks)
    return _elided_count(doc, root)


def _in_hyphenated_word(doc: Doc, t: Token) -> bool:
    """'and' in "search-and-rescue": a token glued by hyphens to its neighbours."""
    return (0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
            and doc[t.i + 1].text == "-" and not t.whitespace_)


_UP_VERBS = {"edge", "tick", "inch", "creep", "go", "move", "shoot", "climb", "jump", "push", "nudge", "revise",
             "mark", "trade", "end", "close", "open", "bump", "rise", "spike", "soar", "surge", "head"}


def _verb_particle_up(doc: Doc, a: int) -> bool:
    """'up' at token a belongs to the verb before it ("edged up to 3.7%", "revised up to 2%")."""
    if a == 0:
        return False
    prev = doc[a - 1]
    # only a verb of movement or change: "carrying up to 1,500 passengers" is the bound "up to"
    return prev.pos_ in ("VERB", "AUX") and (prev.lemma_.lower() in _UP_VERBS or bool(mods.change_verb(prev.lemma_)))


def _elided_count(doc: Doc, root: Token) -> str | None:
    """A bare number as the object of a verb coordinated with one that counts a noun: "killed at
    least 42 people and injured more than 300" counts people too."""
    verb = root.head
    contrast = verb.dep_ == "advcl" and root.dep_ == "dobj" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)  # "..., while X lost 400"
    if root.dep_ not in ("dobj",) + _SUBJ_DEPS or verb.dep_ != "conj" and not contrast or verb.head.pos_ != "VERB":
        return None
    # the same role in the first clause: "12 people were killed and 30 wounded" counts people too
    deps = ("dobj",) if root.dep_ == "dobj" else _SUBJ_DEPS
    for obj in verb.head.children:
        if obj.dep_ in deps and obj.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in obj.children):
            toks = [t for t in doc[obj.left_edge.i: obj.i + 1] if t.i > max(
                c.i for c in obj.children if c.dep_ == "nummod")]
            return _strip(doc, toks) if toks else None
    return None


_SUBJ_DEPS = ("nsubj", "nsubjpass")
_CLIMB_DEPS = ("conj", "xcomp", "advcl", "ccomp", "pcomp")
_NP_MODS = ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "quantmod", "punct", "npadvmod")


def _np(doc: Doc, head: Token, avoid: tuple[int, int]) -> str | None:
    """A readable noun phrase for head: its left modifiers, itself and a short 'of' phrase
    ("Shares of Apple", "Iran's crude exports"); determiners and possessive pronouns are dropped."""
    if head.pos_ == "PRON" or head.pos_ not in _NOUN_POS and head.pos_ != "NUM":
        return None
    if mods.is_empty_head(head.lemma_):  # "the number of jobless" -> "jobless"
        pobj = _of_object(head)
        if pobj is not None and pobj.pos_ in _NOUN_POS | {"ADJ"} and not avoid[0] <= pobj.i < avoid[1] \
                and pobj.ent_type_ not in ("DATE", "TIME"):  # not "the rate of last year" -> "last year"
            head = pobj
    toks = [t for t in head.lefts if t.dep_ in _NP_MODS]
    # a modifier's own compound belongs to the phrase: "Euro zone inflation", "Sea surface temperatures"
    left = (toks[0].left_edge.i if toks[0].dep_ == "compound" or toks[0].dep_ == "poss" and toks[0].pos_ in _NOUN_POS
            else toks[0].i) if toks else head.i  # "The Liberal Democrats' vote share"
    left = max(left, head.i - 5)
    right = head.i
    while right + 1 < len(doc) and doc[right + 1].head.i == head.i and doc[right + 1].dep_ in (
            "nummod", "compound") and doc[right + 1].pos_ in ("NUM", "PROPN"):
        right += 1  # "S&P 500", "iPhone 12"
    if right + 2 < len(doc) and doc[right + 1].pos_ == "NUM" and doc[right + 1].text.isdigit() \
            and len(doc[right + 1].text) <= 2 and doc[right + 2].head.i == head.i \
            and doc[right + 2].dep_ in ("appos", "compound") and doc[right + 2].pos_ == "NOUN":
        right += 2  # "common equity tier 1 ratio" (the parse hangs "ratio" on "tier")
    while right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_ \
            and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha:
        right += 2  # round 14: "300 e-bikes", "40 co-founders" (the parse stops at the hyphen: "e", "co")
    out = [t for t in doc[left: right + 1]]
    pobj = _of_object(head)
    if pobj is not None and pobj.pos_ in _NOUN_POS and pobj.i - head.i <= 5 and not (
            avoid[0] <= pobj.i < avoid[1]):
        last = next((c.i for c in pobj.children if c.dep_ == "conj" and c.pos_ == pobj.pos_ and c.i - pobj.i <= 3
                     and not avoid[0] <= c.i < avoid[1]), pobj.i)  # "population of England and Wales"
        out.extend(doc[head.i + 1: last + 1])
        place = _named_place_phrase(doc, doc[last], avoid, head.i) if head.dep_ in _SUBJ_DEPS else None
        if place is not None:  # "The price of petrol in Lagos rose"
            out.extend(doc[last + 1: place + 1])
    elif head.dep_ in _SUBJ_DEPS or head.lemma_.lower() in _STAKE_NOUNS:
        # the subject of the clause or a stake ("bought a 51% stake in Sina"), not an object of an
        # event ("won the world title in Helsinki": where, not whose)
        place = _named_place_phrase(doc, head, avoid)
        if place is not None:  # "Shares in Rio Tinto", "Shipments to China", "Fibre broadband in Britain"
            out.extend(doc[head.i + 1: place + 1])
    out = [t for t in out if not avoid[0] <= t.i < avoid[1]]
    if out and out[0].i < avoid[0] and avoid[1] <= head.i:  # "a 3-year, $45 million contract" -> "contract"
        out = [t for t in out if t.i >= avoid[1]]
    elif out and out[0].i < avoid[0] and out[-1].i >= avoid[1]:
        # "their offer of a 2.5% raise" -> "raise": the phrase may not contain the figure itself
        out = [t for t in out if t.i >= avoid[1]]
    close = [k for k, t in enumerate(out) if t.text == ")" and t.i < head.i]
    if close:  # "a ¥1.2 trillion ($8.1 billion) factory" -> "factory"
        out = out[close[-1] + 1:]
    marks = [k for k, t in enumerate(out[:-1]) if t.text in _QUOTE_MARKS or t.lower_ == "called" and k > 1
             and out[k - 2].lower_ == "so"]
    if marks:  # "the council's so-called “recovery fund”" -> "recovery fund"
        out = out[marks[-1] + 1:]
    while out and (out[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "PART")
                   or out[0].dep_ == "poss" and out[0].pos_ == "PRON"):
        out = out[1:]
    if len(out) > 1 and out[0].i == avoid[1] and out[0].lower_ in _DIMENSION_ADJ:
        out = out[1:]  # "a 120m tall tower" -> "tower": the adjective names the dimension measured
    if not out or out[-1].pos_ == "PRON":
        return None
    return _strip(doc, out)


_NAMED_PHRASE_PREPS = {"in", "to", "from"}
_STAKE_NOUNS = {"share", "stake", "holding", "investment", "interest", "shareholding"}
_NOT_NAMED_PLACE = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"}


def _named_place_phrase(doc: Doc, head: Token, avoid: tuple[int, int], also: int = -1) -> int | None:
    """The last token of an "in/to/from" phrase right after head whose object is a name: the
    company or place that says whose shares, exports or broadband are measured ("Shares in Rio
    Tinto rose 3%" measures Rio Tinto's share price, not shares in general); `also`: the head of
    a phrase that ends at head ("price of petrol in Lagos"). A common noun
    ("Sales in the quarter") or a date ("in January") is left out."""
    k = head.i + 1
    if k >= len(doc) or doc[k].lower_ not in _NAMED_PHRASE_PREPS or doc[k].head.i not in (head.i, also) \
            or doc[k].dep_ != "prep" or avoid[0] <= k < avoid[1] or doc[k].i > avoid[0] > head.i:
        return None
    obj = next((g for g in doc[k].children if g.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN" or not obj.text[:1].isupper() or obj.ent_type_ in _NOT_NAMED_PLACE \
            or obj.i - k > 4 \
            or any(t.like_num or avoid[0] <= t.i < avoid[1] for t in doc[k: obj.i + 1]):
        return None
    # "Applications from England and Wales", "Investors in the UK, Holland and Luxembourg"
    last = obj
    for _ in range(3):
        nxt = next((c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i - last.i <= 4
                    and not any(avoid[0] <= t.i < avoid[1] or t.like_num for t in doc[last.i: c.i + 1])), None)
        if nxt is None:
            break
        last = nxt
    return last.i


_QUOTE_MARKS = frozenset(DOUBLE_MARKS)  # not ’, which is also the possessive's apostrophe
_DIMENSION_ADJ = {"tall", "high", "long", "wide", "deep", "thick", "old", "broad", "heavy", "large", "strong"}
_IN_NOT_COUNTED = {"total", "all", "trading", "part", "addition", "return", "response", "time", "year", "quarter",
                   "month", "week", "day", "period", "fact", "order", "case", "turn", "cash", "damage", "value"}


_TRADE_VERBS = {"buy", "sell", "ship", "export", "import", "handle", "purchase", "order", "deliver", "supply",
                "transport", "carry", "receive", "resell"}
_PRICE_VERBS = {"pay", "spend", "offer", "bid", "charge", "fetch", "award", "allocate", "earmark", "budget",
                "pledge", "commit", "contribute", "donate"}
_IN_TARGET_VERBS = {"invest", "spend", "put", "pour", "inject", "plough", "plow", "sink", "deposit", "lose"}


def _in_phrase(doc: Doc, root: Token, b: int, avoid: tuple[int, int]) -> str | None:
    """'€25m in emergency funds', 'US$214 million in pre-tax profit': what the money is."""
    n = len(doc)
    if b < n and doc[b].text == ")":
        b += 1  # "($348,000) in bribes": the converted amount inside the brackets
    elif b < n and doc[b].text == "(":
        close = next((k for k in range(b + 1, min(n, b + 10)) if doc[k].text == ")"), None)
        if close is not None:
            b = close + 1  # "45 million shillings ($348,000) in bribes"
    if b >= n or doc[b].lower_ != "in":
        return None
    prep_head = doc[b].head
    if not (avoid[0] <= prep_head.i < avoid[1]) and not (
            prep_head.i == root.head.i and prep_head.pos_ == "VERB" and root.dep_ == "dobj"
            and prep_head.lemma_.lower() not in _IN_TARGET_VERBS):
        return None  # "paid €4.2m in back taxes" yes; "invest $640m in the plant" is a target, not the money
    obj = next((g for g in doc[b].children if g.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or obj.lemma_.lower() in _IN_NOT_COUNTED:
        return None
    return _np(doc, obj, avoid)


def _measured(doc: Doc, root: Token, a: int, b: int, kind: str = "count") -> str | None:
    """What a quantity without a counted noun measures: the noun it modifies ("a $5m contract"), the
    noun of its 'of' phrase ("a budget of $5m"), the thing a change noun is about ("a 3% rise in
    prices"), else the subject of its clause ("Shares of Apple rose 3%", "Unemployment is 4.1%")."""
    avoid = (a, b)
    k = _up_or_down_by(doc, a)
    if k is not None and k > 0 and doc[k - 1].pos_ in _NOUN_POS:
        return _np(doc, doc[k - 1], avoid)  # "with volumes down by about a quarter": the volumes
    carried_ok = False
    framed = False  # climbed through a framing noun ("the 4.25%-4.50% range")
    via_change = False  # climbed through a change noun ("expected a 25-basis-point cut")
    if root.pos_ == "VERB" and kind == "money":
        # "spend 53.6 trillion won on ...": the parse takes the currency word for a verb; walk up
        # from the span's token that hangs on the clause instead
        alt = next((t for t in doc[a:b] if t.i != root.i and not a <= t.head.i < b and t.pos_ != "VERB"), None)
        if alt is not None:
            root = alt
    if kind == "money":
        got = _in_phrase(doc, root, b, avoid)
        if got:
            return got
    tok = root
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            break
        dep = tok.dep_
        if a <= head.i < b:
            tok = head
            continue
        if head.pos_ in _NOUN_POS:
            if units.unit_symbol(head.text) or units.currency_suffix(head.text) or head.ent_type_ in ("DATE", "TIME"):
                tok = head  # "300 today": the date is not what is measured
                continue
            if mods.change_noun(head.lemma_):
                for child in head.children:
                    if child.dep_ == "prep" and (child.lower_ in ("in", "of") or child.lower_ == "for" and child.i > b
                                                 and not any(c.dep_ == "compound" and c.i >= b for c in head.lefts)):
                        # "a 20% gain for gold" (but "a 5% pay rise for nurses" is about pay)
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if obj is not None and not a <= obj.i < b and obj.pos_ in _NOUN_POS \
                                and obj.ent_type_ not in ("DATE", "TIME") \
                                and not any(ch.isdigit() for ch in obj.text):  # not "growth in FY2024"
                            return _np(doc, obj, avoid)
                comp = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i >= b]
                if comp:  # "a 5.5% pay rise" -> "pay"
                    return _strip(doc, list(doc[comp[0].left_edge.i: comp[-1].i + 1]))
                tok = head
                via_change = True
                continue
            if dep in ("appos", "conj") or mods.is_empty_head(head.lemma_):
                tok = head  # "an average of £3,000": what is measured is further up
                framed = framed or mods.is_empty_head(head.lemma_)
                continue
            before = doc[tok.i - 1] if tok.i > 0 else None
            if tok.lower_ in ("up", "down") and before is not None and before.i != head.i \
                    and before.pos_ in _NOUN_POS and before.head.i == head.i and before.dep_ == "conj":
                head = before  # "imports up 21% and exports down 3%": the parse hangs both on "imports"
            return _np(doc, head, avoid)
        if head.pos_ == "ADP":
            tok = head
            continue
        adv_subj = _change_adverb_subject(head, dep)
        if adv_subj is not None and adv_subj.i < head.i and adv_subj.pos_ in _NOUN_POS:
            return _np(doc, adv_subj, avoid)  # "with Baltimore down 22%": what is down
        adv_noun = _after_noun_adverb(doc, head, dep, tok)
        if adv_noun is not None:
            return _np(doc, adv_noun, avoid)  # "with December sales down 0.7%": the noun right before "down"
        if head.lower_ == "worth" and dep in ("npadvmod", "pobj", "dobj"):
            # "200,000 bitcoins worth about $14 billion", "ordered 20 jets worth $5.5 billion": what is worth it
            target = head.head if head.dep_ == "amod" else next(
                (c for c in head.head.children if c.dep_ == "dobj"), None) if head.dep_ == "oprd" else None
            if target is not None and target.pos_ in _NOUN_POS:
                return _np(doc, target, avoid)
        if head.pos_ in ("VERB", "AUX") or _verb_read_as_adj(head):
            if dep in _SUBJ_DEPS:  # the quantity is the subject: "31% were women"
                attr = next((c for c in head.children if c.dep_ in ("attr", "oprd")), None)
                return _np(doc, attr, avoid) if attr is not None else None
            if kind == "money" and dep == "dobj" and head.lemma_.lower() in _PRICE_VERBS:
                # "paid €3m for the painting", "spent $2.3bn on new hospitals": what the money buys
                # the span's own tokens too: "spend 53.6 trillion won on chip facilities" (the parse
                # takes "won" for a verb and hangs "on" from it)
                for child in list(head.children) + list(tok.children) + [c for t in doc[a:b] for c in t.children]:
                    if child.dep_ == "prep" and child.lower_ in ("for", "on", "towards", "toward") and child.i >= b:
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        # a name too: "spend £1bn a year on the NHS", "paid $1bn for Instagram"
                        if obj is not None and obj.pos_ in _NOUN_POS and obj.ent_type_ not in ("DATE", "TIME"):
                            return _np(doc, obj, avoid)
            if dep in ("dobj", "npadvmod") and head.lemma_.lower() in _TRADE_VERBS:
                return None  # "China would buy 25 million tons": the buyer is not what is measured
            if mods.change_verb(head.lemma_) and dep not in ("dobj", "conj"):
                # "the bank raised rates by 0.25 points": a transitive change verb changes its object
                obj = next((c for c in head.children if c.dep_ == "dobj" and not a <= c.i < b
                            and not _is_amount(c)), None)
                if obj is not None and obj.pos_ in _NOUN_POS:
                    return _np(doc, obj, avoid)
            if mods.change_verb(head.lemma_) and dep in ("dobj", "npadvmod"):
                # "added about $4.5 billion to its market value", "wiped $2bn off its value"
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("to", "off", "from") and child.i >= b:
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if obj is None or obj.pos_ != "NOUN" or any(g.like_num for g in obj.subtree):
                            continue
                        if child.lower_ == "to" and head.lemma_ == "add" or child.lower_ != "to" and dep == "dobj":
                            return _np(doc, obj, avoid)
            if dep == "prep" and (tok.lower_ in ("at", "to", "for") or framed and tok.lower_ in ("in", "within")):
                # "puts the total cost at £5.9bn", "left its rate at 0.75%", "was acquired for $6.8bn",
                # "held its rate in the 4.25%-4.50% range"
                deps = ("dobj",) if tok.lower_ != "for" else ("dobj", "nsubjpass")
                objs = [c for c in head.children if c.dep_ in deps and not a <= c.i < b and not _is_amount(c)]
                # the object nearest before the preposition: a parse that hangs two clauses' objects
                # on one verb ("diverted 40 vessels ..., and the authority estimated losses at €120m")
                before = [c for c in objs if c.i < tok.i]
                obj = before[-1] if before else (objs[0] if objs else None)
                if obj is not None and obj.pos_ in _NOUN_POS and mods.change_noun(obj.lemma_):
                    # "reported an 11% rise in pre-tax profits to A$67.7m": what rose
                    inner = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                                  for g in c.children if g.dep_ == "pobj" and g.pos_ in _NOUN_POS), None)
                    obj = inner if inner is not None else obj
                if obj is not None and obj.pos_ in _NOUN_POS:
                    return _np(doc, obj, avoid)
            if dep in ("npadvmod", "advmod", "dobj") and any(c.dep_ in ("oprd", "acomp") for c in head.children):
                # "kept its benchmark rate unchanged at 4.25%": the object held at the level
                obj = next((c for c in head.children if c.dep_ == "dobj" and not a <= c.i < b), None)
                if obj is not None and obj.pos_ in _NOUN_POS:
                    return _np(doc, obj, avoid)
            subj = next((c for c in head.children if c.dep_ in _SUBJ_DEPS and not a <= c.i < b), None)
            if subj is not None and _in_dateline(doc, subj.i):
                # a parse that takes a dateline's place for a second subject ("NEW YORK, April 16 (Reuters)
                # - Manhattan's office availability rate fell to 17.9%"): the other one
                subj = next((c for c in head.children if c.dep_ in _SUBJ_DEPS and not a <= c.i < b
                             and c.i != subj.i), None)
            if subj is not None and subj.tag_ in ("WDT", "WP") and head.dep_ == "relcl" \
                    and head.head.pos_ in _NOUN_POS:
                return _np(doc, head.head, avoid)  # "a cost that has risen by about a third"
            verb_ok = carried_ok or head.pos_ == "AUX" or dep in ("attr", "acomp", "oprd") or mods.change_verb(
                head.lemma_) or mods.is_level_verb(head.lemma_) or (subj is not None and subj.dep_ == "nsubjpass") \
                or head.lemma_.lower() in nums.lexicon()["mult_verbs"] \
                or head.lemma_.lower() in _PARTICLE_VERBS and any(  # "Transit fares will go up 25 cents"
                    c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "down") for c in head.children) and not (
                    kind == "count" and head.lemma_.lower() in _PARTICLE_VERBS_NOT_COUNT)  # not "Air defences
            # shot down 31 of them": who shoots is not what is counted
            # ("Revenue doubled to $4.5 billion": a multiplier verb says what grew)
            if not verb_ok and kind in ("measure", "percent", "percentage_point") and not via_change:
                # "the CO2 has migrated 220 m", "the layout extracts 40.6 MW": a measure right on the verb
                verb_ok = dep in ("dobj", "npadvmod", "advmod") or dep == "prep" and tok.lower_ in ("at", "to", "from")
            if subj is not None and verb_ok:
                return _np(doc, subj, avoid)
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in _NOUN_POS:
                return _np(doc, head.head, avoid)  # "the cost of the clinics, estimated at $310,000"
            if subj is not None:
                return None  # "fined Cobalt €150,000": the agent is not what the amount measures
            carried_ok = verb_ok  # "cases linked to an outbreak rose to 47": the subject is further up
            if head.dep_ == "conj" and dep == "dobj" and not verb_ok:
                return None  # "cut 40,000 jobs ... and save C$60 billion": the money is its own verb's object
            if head.dep_ in _CLIMB_DEPS:
                tok = head
                continue
            return None
        tok = head
    return None


def _change_adverb_subject(head: Token, dep: str) -> Token | None:
    """"with Baltimore down 22%": the amount (`dep` npadvmod) of a change adverb with a subject of its
    own; that subject (the first), else None. What `_measured` takes and the direction `_change` reads."""
    if head.pos_ != "ADV" or dep != "npadvmod" or not mods.change_adverb(head.lower_):
        return None
    return next((c for c in head.children if c.dep_ in _SUBJ_DEPS), None)


def _up_or_down_by(doc: Doc, a: int) -> int | None:
    """The index of the "up"/"down" of "up by"/"down by" right before the amount starting at token a
    (approximators between: "down by about a quarter"), else None."""
    k = a - 1
    while k > 0 and mods.approximator(doc[k].lower_) is not None:
        k -= 1
    return k - 1 if k > 0 and doc[k].lower_ == "by" and doc[k - 1].lower_ in ("up", "down") else None


def _after_noun_adverb(doc: Doc, head: Token, dep: str, tok: Token) -> Token | None:
    """"with December sales down 0.7%", "taking the annual total up 35.4%": the amount (`dep` npadvmod) of an
    "up"/"down" right after a noun that the parse gives no subject; that noun, else None (round 14: these were
    no change, and what changed was the clause subject)."""
    if dep != "npadvmod" or head.lower_ not in ("up", "down") or head.pos_ not in ("ADV", "ADP") or head.i == 0 \
            or tok.i < head.i:  # not "have been 2% up on"
        return None
    noun = doc[head.i - 1]
    if noun.pos_ not in _NOUN_POS or noun.ent_type_ in ("DATE", "TIME") or any(ch.isdigit() for ch in noun.text):
        return None
    return noun


def _in_dateline(doc: Doc, i: int) -> bool:
    """Token i is the place of a dateline ("NEW YORK, April 16 (Reuters) -"), as paragraphs found it."""
    return Doc.has_extension("datelines") and any(first <= i < last for first, last in doc._.datelines or ())


def _is_amount(tok: Token) -> bool:
    """A unit word with its number: the change's own amount ("widened 150 bps to 42.3%"), not
    what changed."""
    return any(c.dep_ == "nummod" for c in tok.children) and bool(
        units.unit_symbol(tok.text) or units.currency_suffix(tok.text))


def _verb_measured(doc: Doc, verb: Token, avoid: tuple[int, int]) -> str | None:
    """What a change verb changes: its object ("cut its workforce"), else its subject ("sales rose")."""
    for deps in (("dobj",), _SUBJ_DEPS):
        for child in verb.children:
            if child.dep_ in deps and not avoid[0] <= child.i < avoid[1]:
                return _np(doc, child, avoid)
    return None


_PARTICLE_VERBS = {"go", "move", "edge", "tick", "creep", "trend", "come", "head", "push", "drive", "send", "mark",
                   "bring", "knock", "end", "close", "finish", "open", "be", "inch", "turn", "shoot", "jump", "pull",
                   "settle", "trade"}
_PARTICLE_VERBS_NOT_COUNT = {"shoot", "pull", "bring", "knock", "push", "drive", "send", "turn"}
def _raised_amount(root: Token) -> bool:
    """"would raise about $1.9 million", "raised $4.5 billion and €300m", "recovered 2.1 billion
    shillings": money raised or recovered is an amount collected, not an increase by that much (also
    for the second of coordinated amounts)."""
    tok = root
    for _ in range(3):
        if tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        else:
            break
    return tok.head.lemma_.lower() in ("raise", "recover", "recoup") and tok.dep_ == "dobj"


_MONEY_NOT_CHANGE = {"expansion", "improvement", "advance", "upgrade", "raise"}


def _change(doc: Doc, root: Token, start: int = -1) -> str:
    """'up', 'down' or 'none' from the verb or noun that governs the quantity."""
    if start > 0 and mods.is_level_preposition(doc[start - 1].lower_) and doc[start - 1].lower_ != "of":
        # "fell by 21,000 to 1.36 million": the level a change reaches takes its direction; "from" and "at"
        # levels are none
        return _reached_level(doc[start - 1]) or "none"
    if 0 <= start < len(doc) and doc[start].lower_ in _CROSSED_LEVEL and doc[start].dep_ == "prep" \
            and doc[start].head.pos_ == "VERB" and mods.change_verb(doc[start].head.lemma_):
        return mods.change_verb(doc[start].head.lemma_)  # "temperatures climbed above 50C", "fell below 1.1m tonnes"
    k = _up_or_down_by(doc, start)
    if k is not None and doc[k].dep_ != "prt":
        return doc[k].lower_  # "with volumes down by about a quarter" (parsed as an agent; not
        # "weighed down by billions of dollars", a verb's particle)
    tok = root
    while tok.dep_ == "quantmod" and tok.head.pos_ == "NUM" and tok.head.i > tok.i and tok.head.i - tok.i < 6:
        tok = tok.head  # "fell $5 to $20": the parse reads a range; the first figure is the verb's amount
    verb = tok.head
    if tok.dep_ == "conj" and verb.pos_ == "VERB" and tok.i > verb.i and mods.change_verb(verb.lemma_) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children):
        # "climbed to €812 million, or €4.05 a share", "rose 0.3% from February and 3.8% from a year
        # earlier": the parse joins the second figure to the verb; it shares the first figure's change
        earlier = [c for c in verb.children if c.i < tok.i and c.dep_ in ("dobj", "npadvmod") and (
                   c.pos_ == "NUM" or c.lower_ in ("%", "percent") or any(g.pos_ == "NUM" for g in c.children))] \
            + [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "by") and c.i < tok.i
               for g in c.children if g.dep_ == "pobj"]
        if earlier:
            first = max(earlier, key=lambda t: t.i)
            return _change(doc, first, first.left_edge.i)
    for _ in range(3):  # "dropped 300 points, or 1.1%": the second figure shares the first one's verb
        if tok.dep_ in ("appos", "conj") and tok.head.i != tok.i and tok.head.i < tok.i:
            tok = tok.head
        else:
            break
    head = tok.head
    dep = tok.dep_
    by_amount = False
    if head.pos_ == "NOUN" and head.dep_ == "npadvmod" and head.head.pos_ == "VERB" and dep in (
            "compound", "nummod", "amod"):  # "jumped 40% year on year"
        dep, head = "npadvmod", head.head
    if dep == "pobj" and head.lower_ == "of" and _pace_change(head.head):
        return _pace_change(head.head)  # "grew at an annual rate of 2.8%"
    if dep == "pobj" and head.lower_ == "of" and mods.is_empty_head(head.head.lemma_) \
            and head.head.dep_ in ("pobj", "dobj"):  # "fell by an average of £3,000", "lost an average of 13.7%"
        tok = head.head
        head, dep = tok.head, tok.dep_
    if dep == "pobj":
        prep = head
        if mods.is_level_preposition(prep.lower_):
            if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
                return mods.change_noun(prep.head.lemma_) or _pace_change(prep.head) \
                    or _reached_level_of(prep.head) or "none"
            return _reached_level(prep) or "none"
        if mods.is_amount_preposition(prep.lower_):
            head = prep.head
            dep = "dobj"
            by_amount = True  # "cut the number of inspectors by a fifth"
        else:
            return "none"
    if dep == "advcl" and tok.pos_ == "NUM":
        dep = "npadvmod"  # "fell 3p a litre": the parse takes the glued amount for a clause
    if head.dep_ in ("pcomp", "conj", "advcl", "ROOT") and _change_adverb_subject(head, dep) is not None:
        return mods.change_adverb(head.lower_)  # "with Baltimore down 22% and Denver down 35%"
    if _after_noun_adverb(doc, head, dep, tok) is not None:
        return mods.change_adverb(head.lower_)  # "with December sales down 0.7%", "taking the total up 35.4%"
    if head.pos_ in ("VERB", "AUX") and dep in ("dobj", "npadvmod", "advmod", "attr", "obj", "nummod",
                                                 "appos", "oprd", "dative", "ccomp", "acomp"):
        verb_change = mods.change_verb(head.lemma_) or mods.change_verb(head.lower_)
        if verb_change == "down" and dep == "dobj" and not by_amount and mods.is_count_change_verb(head.lemma_) \
                and not _is_rate_amount(doc, tok) and not (root.dep_ not in ("appos", "conj") and _is_rate_amount(doc, root)) \
                and not _priced_subject(head) and not _to_a_price(tok):
            return "none"  # "had lost 3,200 tonnes", "cut £40m": what was lost, not a measure falling
        if verb_change:
            return verb_change
        if tok.pos_ == "NUM" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("%", "percent", "pc") \
                or tok.lower_ in ("%", "percent") or tok.lemma_ == "point" and tok.head == head:
            for child in head.children:  # "shares gave up 2%" (not "picked up two awards", "gave up one meal")
                if child.dep_ == "prt" and mods.phrasal_change(head.lemma_, child.lower_):
                    return mods.phrasal_change(head.lemma_, child.lower_)
        for child in head.children:
            if child.dep_ == "prt" and head.lemma_.lower() in _PARTICLE_VERBS:  # "went up 5%", not "shot down 31"
                adv = mods.change_adverb(child.lower_)
                if adv:
                    return adv
        return "none"
    if head.pos_ == "NOUN" and dep in ("nummod", "compound", "amod", "nmod", "quantmod"):
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.pos_ == "VERB" \
                and not mods.change_noun(head.lemma_):
            # "grew by 85,000 people": the counted amount of the verb's change
            return mods.change_verb(head.head.head.lemma_) or "none"
        verb = head.head
        if dep == "nummod" and head.dep_ == "dobj" and head.tag_ in ("NNS", "NNPS") and verb.pos_ == "VERB" \
                and mods.is_count_change_verb(verb.lemma_) and not mods.is_score_context(head.lemma_) \
                and not _person_agent(verb):
            # "Employers added 275,000 jobs" is a rise; "lost 5,000 customers", "cut 310 jobs" are
            # what was lost or cut, not a measure falling (as blind gold and CQE read them)
            change = mods.change_verb(verb.lemma_) or "none"
            return "none" if change == "down" and not _priced_subject(verb) else change
        return mods.change_noun(head.lemma_) or _pace_change(head) or (
            head.dep_ == "pobj" and head.head.lower_ == "of" and _reached_level_of(head.head.head)) or "none"
    return "none"


_PRICED = frozenset({"share", "stock", "future", "price", "index", "currency", "dollar", "euro", "yen", "pound",
                     "sterling", "franc", "yuan", "rupee", "bitcoin", "value", "bond", "yield", "oil", "gold",
                     "crude", "copper", "silver", "metal", "commodity", "rate", "market", "benchmark", "contract"})
# what a percentage change can be of: "raised its cash rate by 0.25% to 0.35%" is a change and a level
_RATE_NOUNS = frozenset({"rate", "inflation", "unemployment", "yield", "margin", "turnout", "share", "ratio"})


def _priced_subject(verb: Token) -> bool:
    """'Shares in Bombardier lost 65 cents', 'oil futures have lost $4': a price that fell."""
    for _ in range(3):  # ("have risen ... and have now lost $4": the first verb's subject)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj":
            return subj is not None and subj.lemma_.lower() in _PRICED
        verb = verb.head
    return False


def _to_a_price(tok: Token) -> bool:
    """'Tesla lost $12, or 5%, to close at $230': an amount followed by its new price is a price fall."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ("close", "settle", "end", "finish")
               and c.i > tok.i for c in tok.head.children)


def _is_rate_amount(doc: Doc, tok: Token) -> bool:
    """A percentage or points ("lost 2.1%", "shed 300 points"): a measure's change, not a thing."""
    if tok.lower_ in ("%", "percent", "pc") or tok.lemma_ == "point":
        return True
    return tok.pos_ == "NUM" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("%", "percent", "pc", "points")


_CROSSED_LEVEL = {"above", "below", "past", "beyond", "under"}


def _reached_level(prep: Token) -> str | None:
    """The direction of the change verb or noun whose "to" phrase holds a level ("fell to 4.1%", "raised
    its rate by 0.25% to 0.35%", "a rise to 5%"): the issue's change is the direction of the change a number
    takes part in, so a level reached has the verb's direction (even "the yen weakened to ¥161.40 per
    dollar", where the figure grows); the level left ("from 19%") and a level held ("at 3%") have none."""
    if prep.lower_ != "to" or prep.dep_ not in ("prep", "dative", "quantmod"):
        return None
    head = prep.head
    if head.lemma_ == "lose":
        return None  # "lost his place to 18-year-old Aiden McGeady": "to" names who gained
    for _ in range(4):  # "raised its rate by 0.25% to 0.35%" (parsed as a range), "raised from 22.5% to 30%"
        if head.lower_ in ("by", "from") and head.dep_ == "prep" or head.pos_ == "NUM" \
                or head.dep_ == "pobj" and head.head.lower_ in ("by", "from") \
                or head.dep_ == "npadvmod" and head.head.pos_ == "VERB":  # "rise 5% to 7%"
            head = head.head
        else:
            break
    return _direction_of(head)


def _direction_of(head: Token) -> str | None:
    """'up' or 'down' for a change verb ("fell"), a verb with a change particle ("went up", "revised
    down") or a change noun ("a rise"); None for anything else."""
    if head.pos_ in ("VERB", "AUX"):
        return mods.change_verb(head.lemma_) or mods.change_verb(head.lower_) or next(
            (mods.change_adverb(c.lower_) for c in head.children
             if c.dep_ == "prt" and mods.change_adverb(c.lower_)), None)
    return mods.change_noun(head.lemma_) if head.pos_ == "NOUN" else None


def _reached_level_of(noun: Token) -> str | None:
    """"starts falling to a pace of 1.36 million units", "rose to a record of 41%": the noun the level
    is "of" stands in the "to" phrase of the change."""
    if noun.dep_ != "pobj" or not (mods.is_pace_noun(noun.lemma_) or mods.is_empty_head(noun.lemma_)
                                   or noun.lemma_ in ("level", "record", "high", "low")):
        return None
    return _reached_level(noun.head)


def _pace_change(noun: Token) -> str | None:
    """"grew at an annual rate of 2.8%", "expanded at an annualized 2.8% rate": the pace of a change
    verb's change is its amount (the verb's direction); None otherwise ("ran at an annual rate of 3%")."""
    if not mods.is_pace_noun(noun.lemma_) or noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return None
    verb = noun.head.head
    return mods.change_verb(verb.lemma_) if verb.pos_ == "VERB" else None
