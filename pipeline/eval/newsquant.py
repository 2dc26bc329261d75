"""NewsQuant (CQE, EMNLP 2023) reader and scorer: `newsevents eval newsquant PATH`.

The data: a JSON array of `{"text": sentence, "quantities": [{"value", "unit", "normalized_unit",
"change", "referred_concepts"}]}`; no offsets, so matching is per sentence.

How the measures are computed (the CQE paper, Almasian et al. 2023, section 5, and the evaluation
script of its repository, satya77/CQE_Evaluation `evaluate_models.py`, read for the method; no code
was copied):

* Per sentence, gold quantities and predictions are compared on their **value**: numbers match when
  `|a - b| <= 1e-8 + 1e-5 * |b|` (numpy's `isclose` defaults); a range matches a range when both ends
  match; a range never matches a single value.
* value: a gold quantity counts as found when some prediction of its sentence has its value.
  value+unit: the matched prediction also has the gold's normalized unit (lower-cased string
  equality: "dollar", "percentage", "mile per hour"; for counts CQE's unit is the counted noun,
  lemmatised: "worker", "people"). value+change: also the same change class, one of `= ~ > < up
  down`. value+concept (partial): the prediction's concept words share at least one word with the
  gold's `referred_concepts` (split on spaces and commas, case-insensitive); (complete): same set.
* P = correct / number of predictions, R = correct / number of gold quantities, F1 their harmonic
  mean, in percent with one decimal, over the whole file (micro).

Two matching modes:
* `strict` (our default): one-to-one. First every gold quantity (in the order sorted by unit, as
  CQE does) takes the first unused prediction with the same value **and** unit; then the gold
  quantities left take the first unused prediction with the same value. A prediction is used at most
  once and every measure is counted on that one pair, so no measure can exceed value.
* `cqe`: the reference script's own counting, reproduced for comparability with the published
  figures: for each gold, the predictions are walked in unit order; every value-matching prediction
  seen before the unit-matching one adds to the value count (capped by the sentence's gold count),
  to value+change and value+concept when those agree (uncapped), and the walk stops at (and consumes)
  the first prediction whose unit matches too. This can credit one prediction to several gold
  quantities; we report both modes.

Our records are mapped to CQE's vocabulary by `to_cqe()`: money -> the currency's English name
("USD" -> "dollar"), units -> their unit name from models/quantity_units.json ("km/h" -> "kilometre
per hour"), counts -> the lemmas of `counted` ("ballistic missiles" -> "ballistic missile"; "times"
-> "count"; content words one space apart, a hyphen inside a word kept: "small, friendly deals" ->
"small friendly deal", "three-ton satellites" -> "three-ton satellite"; round 14: the noun of an "of" phrase after it joins,
"rounds of ammunition" -> "round ammunition"; plural proper nouns lose their
"s": "Democrats" -> "democrat"; only a `counted` right after the number, or after a partitive "of (the)",
"more" or a hyphen: "one of the computers", "500 more staff", "a 500-page report", since `counted` may
also hold a clause subject); a count per unit of time is a rate, as CQE reads "a"/"per" between
nouns: "140,000 vehicles a day" -> "vehicle per day",
no unit -> "-"; round 13, CQE's unit conventions (its unit list and code, vivkaz/CQE 2.0.3, read for the
method): a count's unit is its nouns and adjectives ("four registered bidders" -> "bidder"; a hyphenated word
whole: "state-run company"), the glued pence symbol is "point" ("247p"; "pence" is "penny", as the reference
tagger maps "p"), bare "rupees" is CQE's own "rupee" (round 14: "percentage points" are "percentage", a
fraction of one "point", "barrels of oil" "barrel of oil", a currency CQE's list lacks is named by its bare word: "45bn baht" -> "baht"), a rate only when "a/an/per" and a noun run on from the
amount ("$1.9 million annually" -> "dollar"; round 14: or from a bracketed conversion after it, for the amount
before the brackets: "$600m (£309m) a year" -> "dollar per year", "pound sterling"), a fraction word (or "X out of Y") is "% " and the head
noun of what it divides ("a third of the company's profits" -> "% profit", "half the support" -> "% -");
change: "up"/"down" from `change`, else from `approx` (exact "=",
approx "~", lower ">", upper "<", range "="), and "=" when the direction is read from a word after the
amount or a change noun it is "of" ("a 3% rise", "9.1% higher than", "growth of 5%"), or a bound written
after it ("5% or more", "200-plus"), as CQE reads a change or bound only from a word before the amount
(round 13); an exact amount right after the verb "average" ("averaged $3.54"; round 14: not "an
average of £122") is "~", as CQE's bound words have it. Concept words: the words of `counted`, plus the nouns of
the clause subject and of the noun the quantity modifies (CQE's concept is what the quantity belongs
to: "Ford (F) ... has 13000 workers" -> "Ford"; round 14: a conversion in brackets takes the concept words of the
amount it converts, "3bn rand ($160m)", and a subject parsed as a clause its nouns; a noun's owner is one of its words: "Britain's biggest
bank", "the hospital's 24 beds"); what an amount is worth of ("jewellery worth almost $10
million") or the noun an "of" amount measures ("a range of about 500 km"); when a clause's subject is a
pronoun, missing or owned by a pronoun, also the subject of the verb the clause hangs from ("GM said it
would lay off 1,300 workers" -> "GM"; "Microsoft said its cloud revenue grew 30%" -> "cloud revenue
Microsoft"; "which" -> the noun the relative clause is on); when the amount or what it counts is the
subject, the verb's object or the object of its preposition ("About 5,000 people attended the rally" ->
people rally). Round 12, CQE's own concept rules (vivkaz/CQE `CQE.py`, read for the method): a subject
gives its whole phrase up to a comma or relative pronoun ("The number of people killed in the floods" ->
number people floods); a count that is itself the subject goes on to the subject of the verb above
("Malaysia said as many as 1,000 fishermen will be affected" -> fishermen Malaysia); the noun before the
"by"/"to"/"at"/"with" an amount hangs on, and the noun of an "of"/"for"/"off" right after it; never a
word of an amount of the sentence; a number word over "of" and a noun ("one of the largest cities", "two of
its banks") has no concept ("-"), as CQE's "one of" rule empties it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import typer

from ..defaults import DEFAULT_MODEL
from .measures import precision_recall_f1

CHANGES = ("=", "~", ">", "<", "up", "down")
_APPROX_TO_CHANGE = {"exact": "=", "approx": "~", "lower": ">", "upper": "<", "range": "="}
MEASURES = ("value", "value+unit", "value+change", "value+concept_partial", "value+concept_complete")
PUBLISHED = {  # NewsQuant F1 from the CQE paper (and the later run in the repository's output)
    "CQE (paper)": {"value": 91.2, "value+unit": 84.2, "value+change": 88.0,
                    "value+concept_partial": 65.5},
    "CQE (later run)": {"value": 91.9, "value+unit": 85.5, "value+concept_partial": 75.9},
    "quantulum3 (paper)": {"value+unit": 47.3},
}
QUANTULUM_UNITS = {  # quantulum3 unit names -> CQE names, as the reference tagger adapts them
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "dollar dollar": "dollar",
    "united states dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "percentage drop": "percentage",
    "yard yard": "yard", "cubic centimetre": "millilitre",
}
_SPLIT = re.compile(r"[,\s]+")


@dataclass
class Quantity:
    """One quantity in CQE's terms. `value` is a float or a (low, high) tuple."""

    value: float | tuple[float, float]
    unit: str = "-"
    change: str = "="
    concepts: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    text: str
    gold: list[Quantity]


def parse_value(raw) -> float | tuple[float, float]:
    """'6.0' -> 6.0; '252.0-287.0' -> (252.0, 287.0); '-3.5' -> -3.5; (1, 2) -> (1.0, 2.0)."""
    if isinstance(raw, (tuple, list)):
        return float(raw[0]), float(raw[1])
    if isinstance(raw, (int, float)):
        return float(raw)
    s = str(raw).strip()
    if "E" not in s and "e" not in s and not s.startswith("-") and "-" in s:
        a, b = s.split("-", 1)
        return float(a), float(b)
    return float(s)


def read_newsquant(path: Path | str) -> list[Sentence]:
    """Read a NewsQuant-format JSON file (the gold of the four Recognizers-Text sets works too)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out = []
    for item in data:
        gold = []
        for q in item.get("quantities", []):
            concepts = q.get("referred_concepts")
            gold.append(Quantity(
                value=parse_value(q["value"]),
                unit=str(q.get("normalized_unit", "-")).lower().strip(),
                change=str(q.get("change", "=")).strip(),
                concepts=[w for w in _SPLIT.split(concepts) if w] if isinstance(concepts, str) else [],
            ))
        out.append(Sentence(item["text"], gold))
    return out


def values_match(a, b) -> bool:
    """numpy.isclose semantics (rtol 1e-5, atol 1e-8); ranges match ranges end by end."""
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple):
        return values_match(a[0], b[0]) and values_match(a[1], b[1])
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def concepts_match(gold: Sequence[str], pred: Sequence[str]) -> tuple[bool, bool]:
    """(complete, partial): complete when the lower-cased word sets are equal, partial on any overlap."""
    g = {w.lower() for w in gold}
    p = {w.lower() for w in pred}
    inter = g & p
    return bool(inter) and g == p and len(gold) == len(pred), bool(inter)


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    correct: dict = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        for k in MEASURES:
            self.correct[k] += other.correct[k]


def score_sentence(gold: Sequence[Quantity], pred: Sequence[Quantity], mode: str = "strict") -> Counts:
    """Counts for one sentence (see the module docstring for the two modes)."""
    c = Counts(gold=len(gold), predicted=len(pred))
    gold_sorted = sorted(gold, key=lambda q: q.unit)
    remaining = sorted(pred, key=lambda q: q.unit)
    if mode == "strict":
        pairs = []
        unmatched = []
        for g in gold_sorted:  # first pass: same value and unit
            p = next((p for p in remaining if p.unit == g.unit and values_match(g.value, p.value)), None)
            if p is None:
                unmatched.append(g)
            else:
                remaining.remove(p)
                pairs.append((g, p))
        for g in unmatched:  # second pass: same value only
            p = next((p for p in remaining if values_match(g.value, p.value)), None)
            if p is not None:
                remaining.remove(p)
                pairs.append((g, p))
        for g, p in pairs:
            c.correct["value"] += 1
            c.correct["value+unit"] += p.unit == g.unit
            c.correct["value+change"] += p.change == g.change
            complete, partial = concepts_match(g.concepts, p.concepts)
            c.correct["value+concept_partial"] += partial
            c.correct["value+concept_complete"] += complete
        return c
    if mode != "cqe":
        raise ValueError(f"unknown mode {mode!r}")
    budget = len(gold)
    for g in gold_sorted:
        for p in list(remaining):
            if not values_match(g.value, p.value):
                continue
            if budget > 0:
                c.correct["value"] += 1
                budget -= 1
            c.correct["value+change"] += p.change == g.change
            complete, partial = concepts_match(g.concepts, p.concepts)
            c.correct["value+concept_partial"] += partial
            c.correct["value+concept_complete"] += complete
            if p.unit == g.unit:
                c.correct["value+unit"] += 1
                remaining.remove(p)
                break
    return c


def prf(correct: int, gold: int, predicted: int) -> tuple[float, float, float]:
    """Precision, recall, F1 in percent, one decimal."""
    p, r, f = precision_recall_f1(correct, predicted, correct, gold)
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def score(pairs: Iterable[tuple[Sequence[Quantity], Sequence[Quantity]]], mode: str = "strict") -> dict:
    """{"gold", "predicted", "correct": {...}, measure: (P, R, F1)} over (gold, predicted) pairs."""
    total = Counts()
    for gold, pred in pairs:
        total.add(score_sentence(gold, pred, mode))
    out: dict = {"gold": total.gold, "predicted": total.predicted, "correct": dict(total.correct)}
    for k in MEASURES:
        out[k] = prf(total.correct[k], total.gold, total.predicted)
    return out


# ------------------------------------------------------------------------------------------------
# our records in CQE's terms


def _tokens_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


_CONTENT = {"NOUN", "PROPN", "ADJ"}
# what may stand between a number and its counted noun for the noun to be CQE's unit: nothing, a space,
# a partitive "of" with its determiner ("30 missiles", "dozens of homes", "one of the computers"), or the
# "more" that `counted` leaves out ("500 more staff" -> "staff"); a hyphen ("a 500-page report" -> "page")
_PARTITIVE_GAP = re.compile(r"^[\s-]{0,2}(?:(?:more|fewer)\s+)?"  # the component drops these from `counted`
                            r"(?:of\s+(?:all\s+)?(?:(?:the|these|those|its|their|his|her|our|my|your|this|that)\s+)?)?$",
                            re.IGNORECASE)


_COUNT_PER_TIME = re.compile(r"\s+(?:a|an|per|each)\s+(second|minute|hour|day|week|month|year)\b"
                             r"(?!\s+(?:ago|earlier|later|before|after)\b)", re.IGNORECASE)


def _counted_tokens(doc, rec: dict):
    counted = rec.get("counted")
    if not counted:
        return []
    pos = doc.text.find(counted, rec["end"])
    if pos < 0:
        pos = doc.text.find(counted)
    if pos < 0:
        return []
    return _tokens_at(doc, pos, pos + len(counted))


def _np_words(tok, skip: frozenset | set = frozenset()) -> list[str]:
    """The noun with its compounds, adjectives and owner ("Britain's biggest bank" -> Britain biggest bank),
    without the tokens of an amount (`skip`; round 14: not the "%" of "4%, which is about 1% less")."""
    return [t.text for t in [*tok.lefts, tok] if t.i not in skip and (
        t.i == tok.i or t.dep_ in ("compound", "amod", "nmod", "poss") and t.pos_ != "PRON")]


_NOT_OWNERS = {"average", "total", "sum", "amount", "figure", "maximum", "minimum", "number"}  # "an average of 12%"
_RELATIVE = {"that", "which", "what", "who", "whose", "whom"}


def _phrase_words(tok, skip: set[int]) -> list[str]:
    """CQE's concept words of a noun: its whole phrase (the subtree) up to the first punctuation or relative
    pronoun, nouns, proper nouns and adjectives that are no stop words, without the quantity's own tokens
    (`skip`): "Shares of Boeing" -> Shares Boeing, "The number of people killed in the floods" -> number
    people floods."""
    out = []
    for t in tok.subtree:
        if t.is_quote:
            continue  # round 14: 'The ISM's "new orders" index': a quotation mark ends no phrase
        if t.i < tok.i and (t.is_punct and t.text not in ("-", "/") or t.lower_ in _RELATIVE):
            out = []  # the phrase starts after a comma before the noun ("..., the bank's shares")
            continue
        if t.i > tok.i and (t.is_punct and t.text not in ("-", "/") or t.lower_ in _RELATIVE):
            break
        if t.i not in skip and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(t.text)
    return out or ([tok.text] if tok.i not in skip else [])  # (round 14: not "%" of "47% saw ...")


_WORD_OF = re.compile(r"^\s+of\s+(?:(?:the|these|those|its|their|his|her|our|my|your|this|that)\s+)?$", re.I)


def concept_words(doc, rec: dict) -> list[str]:
    """Words naming what the quantity belongs to: counted, the modified noun, the clause subject."""
    counted = rec.get("counted")
    pos = doc.text.find(counted, rec["end"]) if counted and not rec.get("unit") else -1
    if pos > 0 and rec["text"].isalpha() and rec["approx"] != "range" and _WORD_OF.match(doc.text[rec["end"]:pos]) \
            and any(t.pos_ == "NOUN" for t in _counted_tokens(doc, rec)):
        # CQE's "one of" rule: a number word over "of" and a noun ("one of the largest cities", "two of its
        # banks") has that noun as its unit and no concept (round 14: not a vague plural, "thousands of
        # violations", which CQE's number words do not include)
        return ["-"]
    words = [t.text for t in _counted_tokens(doc, rec) if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.text != "-"]
    # a count's noun is its unit in CQE's terms, and CQE drops the unit's words from the concept
    unit_words = set(words) if not rec.get("unit") and cqe_unit(doc, rec) not in ("-", "count") else set()
    toks = _tokens_at(doc, rec["start"], rec["end"])
    if not toks:
        return words or ["-"]
    root = toks[-1]
    for t in toks:
        if not toks[0].i <= t.head.i <= toks[-1].i or t.head.i == t.i:
            root = t
    head = root.head
    # no word of any amount in the sentence (CQE drops a quantity's tokens from every concept), nor what a
    # count counts (its unit in CQE's terms)
    skip = {t.i for r in doc._.quantities if toks[0].sent.start_char <= r["start"] < toks[0].sent.end_char
            for t in _tokens_at(doc, r["start"], r["end"])}
    converted = next((r for r in doc._.quantities if r["start"] <= head.idx < r["end"] and r["start"] < rec["start"]),
                     None) if head.i in skip and head.i != root.i else None
    if converted is not None:
        # a conversion hung on the amount it converts ("3bn rand ($160m)"): that amount's concept words, not
        # "3bn rand" (round 14)
        words.extend(w for w in concept_words(doc, converted) if w not in words and w != "-")
        return words or ["-"]
    if head.i in skip and head.i != root.i:
        pass
    elif head.pos_ in ("NOUN", "PROPN") and head.i != root.i and head.text not in words:
        words.extend(w for w in _np_words(head, skip) if w not in words)
    elif head.pos_ in ("NOUN", "PROPN") and head.i != root.i:  # "the hospital's 24 beds": the owner too
        words.extend(t.text for t in head.lefts if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN")
                     and t.text not in words)
    owner = head.head if head.i != root.i and head.lower_ == "of" and head.dep_ == "prep" else None
    worth = next((t for t in doc[max(0, toks[0].i - 3):toks[0].i] if t.lower_ == "worth"), None)
    if worth is not None and worth.i > 0:
        owner = doc[worth.i - 1]  # the parse often hangs "worth" on the verb
    if owner is not None and owner.pos_ in ("NOUN", "PROPN") and owner.lemma_.lower() not in _NOT_OWNERS:
        # "jewellery worth almost $10 million", "a range of about 500 km": what the amount is the size of
        words.extend(w for w in _np_words(owner, skip) if w not in words)
    if not rec.get("unit"):
        skip |= {t.i for t in _counted_tokens(doc, rec)}
    # CQE's concept of an amount a preposition takes: the noun before "by", "to", "at" or "with" ("cut its
    # forecast by 8%", "kept its benchmark rate at 5.25%"); the noun an "of", "for" or "off" right after it
    # names ("paid $52,000 for the domain")
    prep = root.head if root.head.i != root.i and root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("by", "to", "at", "with") and prep.i > 0 \
            and doc[prep.i - 1].pos_ in ("NOUN", "PROPN") and prep.i - 1 not in skip:
        words.extend(w for w in _phrase_words(doc[prep.i - 1], skip) if w not in words)
    after = next((t for t in doc[toks[-1].i + 1: toks[-1].i + 3] if t.lower_ in ("of", "for", "off")), None)
    if after is not None:
        for obj in (c for c in after.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
            words.extend(w for w in _phrase_words(obj, skip) if w not in words)
    seen = 0
    for _verbs in range(3):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and seen < 6:
            head = head.head
            seen += 1
        if head.pos_ not in ("VERB", "AUX"):
            break
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if _verbs == 0 and any(c.i == root.i or c.i == root.head.i for c in subjects):
            # the amount (or what it counts) is the subject: what the verb does it to or where ("About 5,000
            # people attended the rally", "200 flights were cancelled at Heathrow")
            for c in head.children:
                obj = c if c.dep_ in ("dobj", "attr") else next(
                    (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    words.extend(w for w in _np_words(obj, skip) if w not in words)
        for child in subjects:
            if child.pos_ in ("NOUN", "PROPN") or child.dep_ == "csubj":
                # (round 14: a subject the parse reads as a clause, "asking prices have fallen 3.3%" -> prices)
                words.extend(w for w in _phrase_words(child, skip) if w not in words)
            elif child.lower_ in ("which", "that", "who") and head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
                words.extend(w for w in _np_words(head.head, skip) if w not in words)  # "Delta, which lost $646m"
        # the amount or what it counts is no subject that ends the walk: CQE takes the subject of the verb
        # above ("Malaysia said as many as 1,000 fishermen will be affected" -> fishermen Malaysia)
        named = [c for c in subjects if c.pos_ in ("NOUN", "PROPN") and c.i not in skip and c.i != root.head.i]
        if named and not any(g.dep_ == "poss" and g.pos_ == "PRON" for c in named for g in c.children) \
                or head.dep_ == "relcl" or head.head.i == head.i:
            break
        # no subject that names something ("it would lay off 1,300 workers", "before awarding $2.1 billion"),
        # or one owned by a pronoun ("Microsoft said its cloud revenue grew 30%"): the subject of the verb
        # this clause hangs from
        head = head.head
    return [w for w in words if w != "-" and w not in unit_words] or ["-"]  # (round 14: not a hyphen the tagger calls a noun)


def _lemma(t) -> str:
    """A word of a count's unit, lemmatised: nouns and adjectives by spaCy, plural proper nouns (tag NNPS,
    which spaCy leaves as they are) by their plural ending: "Palestinians" -> "palestinian"."""
    if t.pos_ in ("NOUN", "ADJ"):
        return t.lemma_.lower()
    if t.tag_ == "NNPS" and len(t.text) > 3 and t.text.endswith("s") and not t.text.endswith("ss"):
        return t.text[:-1].lower()
    return t.text.lower()


def cqe_unit(doc, rec: dict) -> str:
    """Our unit in CQE's normalized vocabulary (see the module docstring)."""
    from pipeline.quantity import units

    unit = units.rate_unit(rec)  # ("USD", "year") -> "USD per year"
    if unit == "x" and rec["text"].lower().endswith(" times"):
        return "count"  # "8.3 times average earnings": CQE's unit for "N times" as for a count of times
    if unit:
        names = []
        for k, part in enumerate(unit.split(" per ")):
            if k and not _rate_written(doc, rec):
                break  # "$1.9 million annually", "£309m" in "$600m (£309m) a year": CQE names no rate
            name = (units.currency_name(part) or units.unit_info(part)["name"]).lower()
            if not k and name == "penny" and _PENCE_SYMBOL.search(rec["text"]):
                name = "point"  # "247p": CQE's list has "p" for point before penny
            elif not k and name.endswith(" rupee") and name.split()[0] not in rec["text"].lower():
                name = "rupee"  # "570 rupees", "Rs 40": CQE's own unit for the bare name
            elif not k and name.startswith("barrel") and _OF_OIL.match(doc.text, rec["end"]):
                name = "barrel of oil" + name[len("barrel"):]  # "400,000 barrels of oil a day": CQE's listed unit
            elif name == "percentage point":
                # "rose 1.25 percentage points": CQE's list has no percentage point; a fraction of one is its
                # "point" ("a quarter of a percentage point")
                name = "point" if _OF_A_POINT.search(rec["text"]) else "percentage"
            elif not k and name in _CQE_UNLISTED_CURRENCIES and name.split()[0] not in rec["text"].lower():
                name = name.split()[-1]  # "45bn baht": a currency CQE's list lacks is its bare name
            names.append(name)
        return " per ".join(names)
    counted = rec.get("counted")
    pos = doc.text.find(counted, rec["end"]) if counted else -1
    # only a counted noun right after the number ("30 missiles", "dozens of homes", "five of the
    # satellites") is CQE's unit; a clause subject ("Ford ... 13,000") is a concept
    if pos < 0 or not _PARTITIVE_GAP.match(doc.text[rec["end"]:pos]):
        return "-"
    all_toks = _counted_tokens(doc, rec)
    if not any(t.pos_ in _CONTENT for t in all_toks):
        return "-"
    one_of = _one_of_unit(doc, rec, all_toks)
    if one_of:
        return one_of
    # content words only, one space apart ("small, friendly deals" -> "small friendly deal"); a hyphen
    # inside a word stays ("three-ton satellites" -> "three-ton satellite")
    name = ""
    for k, t in enumerate(all_toks):
        glued = k + 2 < len(all_toks) and all_toks[k + 1].text == "-" and not t.whitespace_ \
            and not all_toks[k + 1].whitespace_  # "state-run", "man-made", "three-ton": the word is kept whole
        if t.text == "-" and glued is False and name and not t.whitespace_ and not all_toks[k - 1].whitespace_ \
                and k + 1 < len(all_toks):
            name += "-"  # round 14: a hyphen the tagger calls a noun ("re-election": "re -election")
        elif t.pos_ in _CONTENT or glued or name.endswith("-"):
            name += ("" if not name or name.endswith("-") else " ") + (t.lower_ if glued else _lemma(t))
        elif t.text == "-" and name and k + 1 < len(all_toks) and not all_toks[k - 1].whitespace_ \
                and not t.whitespace_:
            name += "-"
    name = name.rstrip("-")
    if name in ("time",):
        return "count"
    of_noun = _of_noun(doc, pos + len(counted))
    if of_noun and name:
        return f"{name} {of_noun}"  # round 14: "3,000 rounds of ammunition" -> "round ammunition", as CQE names it
    # a count per unit of time is a rate, as CQE reads "a"/"an"/"per" between nouns ("barrels a day" ->
    # "barrel per day"): "140,000 vehicles a day" -> "vehicle per day"
    rate = _COUNT_PER_TIME.match(doc.text, pos + len(counted))
    return f"{name} per {rate.group(1).lower()}" if rate and name else name


_ONE_OF_DET = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|my|your|this|that)\s", re.IGNORECASE)


def _one_of_unit(doc, rec: dict, counted: list) -> str:
    """CQE's unit for a number word over "of" and a determiner ("one of the major clubs in Europe" ->
    "major club europe"): the lemmas of the content words of the noun's whole phrase, its prepositional
    phrases included, up to a comma or a relative pronoun (CQE 2.0.3, postprocess_one_of_quantity)."""
    if not rec["text"].isalpha() or not counted or not _ONE_OF_DET.match(doc.text, rec["end"]):
        return ""
    noun = next((t for t in reversed(counted) if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return ""
    words = []
    for t in doc[counted[0].i: noun.right_edge.i + 1]:
        if t.is_punct or t.lower_ in ("who", "which", "that", "whose", "where"):
            break
        if t.is_alpha and not t.is_stop:
            words.append(_lemma(t))
    return " ".join(words)


# our currency names that CQE's unit list (vivkaz/CQE 2.0.3 unit.json) does not have: CQE names the amount by
# the word written ("45bn baht" -> "baht", as the evaluation maps name a listed currency by its list name:
# "ringgit" -> "malaysian ringgit"); names whose bare word is another listed unit ("egyptian pound") stay
_CQE_UNLISTED_CURRENCIES = frozenset({
    "algerian dinar", "bahraini dinar", "costa rican colon", "icelandic krona", "iraqi dinar", "jordanian dinar",
    "kuwaiti dinar", "libyan dinar", "malawian kwacha", "mongolian tugrik", "mozambican metical", "myanmar kyat",
    "nigerian naira", "omani rial", "paraguayan guarani", "polish zloty", "qatari riyal", "romanian leu",
    "serbian dinar", "swedish krona", "tanzanian shilling", "thai baht", "tunisian dinar", "uae dirham",
    "ugandan shilling", "uzbekistani som", "venezuelan bolivar", "vietnamese dong", "yemeni rial", "zambian kwacha",
})
_OF_A_POINT = re.compile(r"\bof\s+an?\s+percentage\s+point", re.IGNORECASE)
# "barrels of oil", "barrels of crude oil" (CQE's list has "barrel of oil"; our unit is the barrel)
_OF_OIL = re.compile(r"\s+of\s+(?:crude\s+|fuel\s+)?oil\b", re.IGNORECASE)
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _of_noun(doc, at: int) -> str:
    """The noun of an "of" phrase right after a count's noun ("rounds of ammunition", "members of the public",
    "boxes of medical supplies" -> "supply"), lemmatised; "" when there is none, or when a rate follows it
    ("cups of coffee a day": CQE names the rate, "cup per day")."""
    m = _OF_THE.match(doc.text, at)
    toks = _tokens_at(doc, m.end(), m.end() + 1) if m else []
    if not toks:
        return ""
    k = toks[0].i
    while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN"):
        k += 1
    head = doc[k - 1] if k > toks[0].i else None
    if head is None or head.pos_ != "NOUN" or head.ent_type_ in ("DATE", "TIME") \
            or _COUNT_PER_TIME.match(doc.text, head.idx + len(head.text)) \
            or re.match(r"\s+(?:a|an|per)\s", doc.text[head.idx + len(head.text):]):
        return ""
    return head.lemma_.lower()


# "247p", "533p a share": the pence symbol glued to the figure (not "pence")
_PENCE_SYMBOL = re.compile(r"\dp\b")
# a rate CQE names: "a", "an" or "per" and a noun right after the amount ("barrels a day", "£3.90 an hour",
# "30p a share", "$2 per 1,000 cubic metres", "barrels of oil a day"), or a symbol with a slash ("km/h")
_RATE_AFTER = re.compile(r"^(?:\s+of(?:\s+[^\W\d]+){1,3}?)?[\s-]*(?:a|an|per)[\s-]+[^\W\d]", re.IGNORECASE)
_RATE_INSIDE = re.compile(r"/|[\s-](?:a|an|per)[\s-]+[^\W\d]+$", re.IGNORECASE)


# a conversion in brackets right after the amount: "$17.6m (£9.49m) per plane"
_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


def _rate_written(doc, rec: dict) -> bool:
    """Whether the quantity's rate is written as CQE reads one: its unit tokens must run on into
    "a/an/per <noun>", or into a conversion in brackets and then "a/an/per <noun>" (round 14: CQE gives the
    rate to the amount before the brackets, "$17.6m (£9.49m) per plane", not to the conversion); "annually" or
    a rate after other words make no rate in CQE's output (its unit is the amount's unit alone)."""
    after = doc.text[rec["end"]:rec["end"] + 70]
    bracket = _BRACKET_AFTER.match(after)  # round 14: "$5.15 (£3.90) an hour" is "dollar per hour" in CQE's output
    return bool(_RATE_INSIDE.search(rec["text"]) or _RATE_AFTER.match(after[:30])
                or bracket and _RATE_AFTER.match(after[bracket.end():bracket.end() + 30]))


def to_cqe(doc, rec: dict) -> Quantity | None:
    """One of our quantity records as a CQE quantity (None when it has no value)."""
    if rec["approx"] == "range" and rec["low"] is not None and rec["high"] is not None:
        value: float | tuple[float, float] = (rec["low"], rec["high"])
    elif rec["value"] is not None:
        value = rec["value"]
    else:
        return None
    # CQE's change field holds either the bound or the direction; the bound wins ("lost more than
    # 60%" is ">"), as in its annotation guidelines
    change = rec.get("change")
    if rec["approx"] in ("approx", "lower", "upper") or change not in ("up", "down"):
        change = _APPROX_TO_CHANGE.get(rec["approx"], "=")
    if change in (">", "<") and _BOUND_AFTER.search(rec["text"]):
        change = "="  # "5% or more", "the 200-plus banks", "3,000+": CQE's bound words come before the amount
    if change == "=" and rec["approx"] == "exact" and _average_before(doc, rec["start"]):
        change = "~"  # CQE's bound words put "average" and "averaging" with "about"
    if change in ("up", "down") and (_direction_not_before(doc, rec) or _level_reached(doc, rec)):
        change = "="  # "a 3% rise", "9.1% higher than", "growth of 5%": CQE's change words come before the amount
    unit = cqe_unit(doc, rec)
    if _is_fraction(rec):
        # CQE's fractions: "% " and the head noun of what is divided ("a third of the company's profits" ->
        # "% profit", "half the IMF support" -> "% -"), its rule for a fraction word without a listed unit
        unit = "% " + (unit if rec.get("one_of") and unit != "-" else unit.split(" per ")[0].split()[-1]
                       if unit != "-" else "-")  # (CQE's "one of N" keeps the counted noun's whole unit)
    return Quantity(value=value, unit=unit, change=change, concepts=concept_words(doc, rec))


def _is_fraction(rec: dict) -> bool:
    """A count that is a fraction word's value ("half", "a third", "two-thirds"; round 14: and "half a million
    people", a fraction of a scale, which CQE 2.0.3 names "% people" too)."""
    from pipeline.quantity import numbers

    if rec.get("unit") or rec["value"] is None or rec["value"] <= 0:
        return False
    scales = numbers.lexicon()["scales"]
    if rec["value"] >= 1 and not any(w in scales for w in re.split(r"[\s-]+", rec["text"].lower())):
        return False
    fractions = numbers.lexicon()["fractions"]
    # round 14: "three out of four voters" is one too (CQE's code: 'One out of three Germans is vaccinated')
    return any(w in fractions for w in re.split(r"[\s-]+", rec["text"].lower())) \
        or bool(re.search(r"\bout of\b", rec["text"], re.IGNORECASE)) or bool(rec.get("one_of"))


# a bound written after the amount ("5% or more", "80% or higher", "200-plus", "3,000+")
_BOUND_AFTER = re.compile(r"(?:\s+or\s+(?:more|higher|above|greater|over|less|fewer|lower|below|under)|[\s-]*plus|\+)$",
                          re.IGNORECASE)
# a comparative or direction word right after the amount ("6% more than", "9.1% higher", "sales 2% up on")
_DIRECTION_AFTER = {"higher", "lower", "more", "less", "fewer", "up", "down", "cheaper", "dearer", "greater",
                    "bigger", "smaller", "above", "below", "stronger", "weaker"}


def _direction_not_before(doc, rec: dict) -> bool:
    """Whether the quantity's direction comes from a word after it or from a noun it is "of": CQE reads a
    change only from a word before the amount that leads to it ("rose 3%", "fell by 2%"; its code: "increased
    5% vs. 75 percent increase"), so "a 3% rise", "9% growth", "6% more than", "15% lower" and "a fall of 17
    percentage points", "growth of 5%" are "=" in its terms."""
    from pipeline.quantity import modifiers as mods

    toks = _tokens_at(doc, rec["start"], rec["end"])
    if not toks:
        return False
    last = toks[-1]
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in _DIRECTION_AFTER:
        return True
    root = toks[-1]
    for t in toks:
        if not toks[0].i <= t.head.i <= toks[-1].i or t.head.i == t.i:
            root = t
    head = root.head
    if head.i > last.i and head.pos_ == "NOUN" and mods.change_noun(head.lemma_):
        return True  # "a 3% rise", "a 2% price drop", "9% growth"
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
        and head.head.i < toks[0].i and bool(mods.change_noun(head.head.lemma_))  # "a fall of 17 points"


def _level_reached(doc, rec: dict) -> bool:
    """'rose 3.2% to $45.10', 'fell to a pace of 1.36 million': our records give the level a change
    reaches the change's direction; CQE's change word must lead to the amount itself, so a level after
    "to" is "=" in its terms."""
    toks = _tokens_at(doc, rec["start"], rec["end"])
    if not toks or toks[0].i == 0:
        return False
    if doc[toks[0].i - 1].text == "(":  # "rose 20% to £4.6bn ($8.6bn)": a conversion of the level
        converted = next((r for r in doc._.quantities if r["end"] <= doc[toks[0].i - 1].idx
                          and not doc.text[r["end"]:doc[toks[0].i - 1].idx].strip()), None)
        return converted is not None and _level_reached(doc, converted)
    for t in reversed(doc[max(0, toks[0].i - 7): toks[0].i]):  # "to a record 175 billion crowns", "to a pace of",
        if t.lower_ == "to":  # "to a seventy-year high of"
            return True
        if t.pos_ not in ("DET", "ADJ", "NOUN", "NUM") and t.lower_ != "of" and t.text != "-":
            return False
    return False


def _average_before(doc, start: int) -> bool:
    """'averaged $3.54', 'averaging 25 points': the verb "average" right before the amount (round 14: CQE's
    bound word fires on the verb only; "an average of £122", "to an average of 67 properties" are "=" in
    its output)."""
    toks = _tokens_at(doc, start, start + 1)
    if not toks or toks[0].i == 0:
        return False
    t = doc[toks[0].i - 1]
    return t.lower_.startswith("averag") and t.pos_ in ("VERB", "AUX")


_FEET_INCHES_TEXT = re.compile(r"^(\d)\s*-?\s*(?:ft|feet|foot)\.?[\s-]*(\d{1,2})(?!\d)", re.IGNORECASE)


def _minor_unit_as_written(rec: dict) -> dict:
    """Our record of an amount written in cents or pence (0.12 USD for "12 cents", 1.64 GBP for "164p") as
    CQE reads it, in the minor unit: 12 "cent", 164 "pence" (the adapter then names "164p" "point")."""
    minor = "pence" if _PENCE_WRITTEN.search(rec["text"]) else "cent" if _CENTS_WRITTEN.search(rec["text"]) else None
    if rec["kind"] != "money" or minor is None:
        return rec
    scaled = {k: rec[k] * 100 if rec[k] is not None else None for k in ("value", "low", "high")}
    return {**rec, **scaled, "unit": minor}


_CENTS_WRITTEN = re.compile(r"\bcents?\b|\d[\s-]*c\b|-cent-", re.IGNORECASE)
_PENCE_WRITTEN = re.compile(r"\bpence\b|\bpenny\b|\d\s*p\b", re.IGNORECASE)


def _points_as_written(rec: dict) -> dict:
    """Our count of points ("the index fell 30 points": a count, no unit) as CQE reads it, in its unit "point"."""
    if rec["kind"] == "count" and rec["unit"] is None and _POINTS_WRITTEN.search(rec["text"]):
        return {**rec, "kind": "measure", "unit": "pt"}
    return rec


_POINTS_WRITTEN = re.compile(r"\b(?:points?|pts)\b", re.IGNORECASE)


def _cqe_records(records: Iterable[dict]) -> Iterable[dict]:
    """Our records as CQE counts them: a height in feet and inches ("6ft 2in", one record of 74 inches)
    is two quantities in CQE's vocabulary (6 foot, 2 inch)."""
    for r in records:
        m = _FEET_INCHES_TEXT.match(r["text"]) if r["unit"] == "in" and r["value"] is not None else None
        if m is None:
            yield r
            continue
        yield {**r, "value": float(m.group(1)), "unit": "ft"}
        yield {**r, "value": float(m.group(2)), "unit": "in"}


def load_nlp(model: str, durations: bool = False):
    """The shipped pipeline (`build_pipeline`: tokenizer rule, name rulers, paragraphs) with the
    quantity component only; `durations` counts "15 years" as a quantity, as NewsQuant does."""
    from pipeline.nlp import build_pipeline

    nlp = build_pipeline(model, components=("newsevents_quantities",))
    nlp.get_pipe("newsevents_quantities").durations = durations
    return nlp


def _one_of_n(text: str, records: list[dict]) -> list[dict]:
    """"one of 76 register offices", "one of six WorldCom executives": CQE 2.0.3 reads a number word over "of"
    and a figure with no determiner between as one fraction, 1/N of what N counts."""
    out: list[dict] = []
    for r in records:
        prev = out[-1] if out else None
        if prev is not None and prev["text"].lower() == "one" and _OF_GAP.fullmatch(text[prev["end"]:r["start"]]) \
                and not r.get("unit") and r["approx"] == "exact" and r["value"] and r["value"] > 1:
            out[-1] = {**r, "text": text[prev["start"]:r["end"]], "start": prev["start"], "value": 1 / r["value"],
                       "one_of": True}
            continue
        out.append(r)
    return out


_OF_GAP = re.compile(r"\s+of\s+")
_TO_GAP = re.compile(r"\s+to\s+")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _from_to_ranges(text: str, records: list[dict]) -> list[dict]:
    """"fell from 11.2% to 9.6%": our records give the level left and the level reached; CQE reads "from X to Y"
    as one range in the order written, also after a change verb (CQE 2.0.3 run here on such sentences)."""
    out: list[dict] = []
    for r in records:
        prev = out[-1] if out else None
        if prev is not None and prev["approx"] == "exact" and r["approx"] in ("exact", "approx") \
                and prev["value"] is not None and r["value"] is not None and prev["unit"] == r["unit"] \
                and prev.get("per") == r.get("per") \
                and _TO_GAP.fullmatch(text[prev["end"]:r["start"]]) \
                and _FROM_BEFORE.search(text, max(0, prev["start"] - 8), prev["start"]):
            start = _FROM_BEFORE.search(text, max(0, prev["start"] - 8), prev["start"]).start()
            out[-1] = {**r, "text": text[start:r["end"]], "start": start, "approx": "range", "value": None,
                       "low": prev["value"], "high": r["value"], "change": "none"}  # ("from" and "to": CQE's "=")
            continue
        out.append(r)
    return out


def predict(nlp, texts: Sequence[str]) -> list[list[Quantity]]:
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        records = _from_to_ranges(doc.text, _one_of_n(doc.text, [_points_as_written(_minor_unit_as_written(r))
                                                                 for r in doc._.quantities]))
        qs = [to_cqe(doc, r) for r in _cqe_records(records)]
        out.append([q for q in qs if q is not None])
    return out


# ------------------------------------------------------------------------------------------------
# quantulum3, run in its own environment (it needs scikit-learn 1.8 and stemming, not in our lock)

_QUANTULUM_SCRIPT = r"""
import json, sys
from quantulum3 import parser
out = []
for line in sys.stdin:
    text = json.loads(line)
    qs = []
    try:
        for q in parser.parse(text):
            v = q.value
            qs.append({"value": v, "unit": q.unit.name})
    except Exception as exc:  # one bad sentence must not stop the run
        qs = []
    out.append(qs)
json.dump(out, sys.stdout)
"""


def run_quantulum(texts: Sequence[str], python: str) -> list[list[Quantity]] | None:
    """quantulum3's quantities for each text, or None (with a message) when it cannot run."""
    if not Path(python).exists():
        print(f"quantulum3: skipped ({python} not found; create it with: python3 -m venv /tmp/peers && "
              "/tmp/peers/bin/pip install quantulum3==0.10.0 scikit-learn==1.8.0 stemming==1.0.1)",
              file=sys.stderr)
        return None
    payload = "".join(json.dumps(t) + "\n" for t in texts)
    proc = subprocess.run([python, "-c", _QUANTULUM_SCRIPT], input=payload, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        print(f"quantulum3: skipped (not importable with {python}: {last})", file=sys.stderr)
        return None
    out = []
    for qs in json.loads(proc.stdout):
        row = []
        for q in qs:
            name = str(q["unit"]).lower().strip()
            row.append(Quantity(value=float(q["value"]), unit=QUANTULUM_UNITS.get(name, name)))
        out.append(row)
    return out


def format_table(rows: dict[str, dict]) -> str:
    """Markdown table: system x measure, 'P / R / F1'."""
    head = "| system | " + " | ".join(MEASURES) + " |"
    lines = [head, "|" + "---|" * (len(MEASURES) + 1)]
    for name, res in rows.items():
        cells = []
        for m in MEASURES:
            v = res.get(m)
            cells.append("" if v is None else (f"{v[0]} / {v[1]} / **{v[2]}**" if isinstance(v, tuple)
                                                else f"F1 {v}"))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def command(
    path: Path = typer.Argument(..., help="NewsQuant.json (or a file in the same format)"),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path"),
    compare: bool = typer.Option(False, "--compare", help="also run quantulum3 on the same sentences"),
    mode: str = typer.Option("strict", "--mode", help="matching: strict (one-to-one) or cqe"),
    durations: bool = typer.Option(False, "--durations",
                                   help="count durations ('15 years') as quantities, as NewsQuant does"),
    peers_python: str = typer.Option("/tmp/peers/bin/python", "--peers-python",
                                     help="python of the environment that has quantulum3"),
    errors: int = typer.Option(0, "--errors", help="print up to N sentences with misses"),
    as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
) -> None:
    """Score the quantity extractor on NewsQuant with the CQE paper's measures."""
    sentences = read_newsquant(path)
    texts = [s.text for s in sentences]
    t0 = time.perf_counter()
    nlp = load_nlp(model, durations=durations)
    ours = predict(nlp, texts)
    elapsed = time.perf_counter() - t0
    rows: dict[str, dict] = {"newsevents": score(((s.gold, p) for s, p in zip(sentences, ours, strict=True)), mode)}
    if compare:
        q3 = run_quantulum(texts, peers_python)
        if q3 is not None:
            res = score(((s.gold, p) for s, p in zip(sentences, q3, strict=True)), mode)
            # quantulum3 has no change and no concept: those measures do not apply to it
            for m in ("value+change", "value+concept_partial", "value+concept_complete"):
                res.pop(m)
            rows["quantulum3"] = res
    if as_json:
        print(json.dumps(rows, indent=1))
    else:
        print(f"{path}: {len(sentences)} sentences, {rows['newsevents']['gold']} gold quantities; "
              f"mode={mode}, durations={durations}, model={model}, {elapsed:.1f}s")
        print(format_table({**rows, **PUBLISHED}))
        print("\ncounts:", {k: (v["predicted"], v["correct"]) for k, v in rows.items()})
    if errors:
        shown = 0
        for s, p in zip(sentences, ours, strict=True):
            c = score_sentence(s.gold, p, mode)
            if c.correct["value+unit"] < max(len(s.gold), len(p)) and shown < errors:
                shown += 1
                print("\n#", s.text)
                print("  gold:", [(g.value, g.unit, g.change) for g in s.gold])
                print("  ours:", [(q.value, q.unit, q.change) for q in p])
