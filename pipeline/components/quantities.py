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
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.quantity import modifiers as mods
from pipeline.quantity import numbers as nums
from pipeline.quantity import units

_NAME_LABELS_ALWAYS = {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"}
_NAME_LABELS_IF_PROPER = {"ORG", "PERSON", "GPE", "LOC", "NORP"}
_NUMBERISH_POS = {"NUM", "SYM", "X"}
_COUNTED_POS = {"ADJ", "NOUN", "PROPN", "NUM", "ADV", "VERB"}
_NOUN_POS = {"NOUN", "PROPN"}
_DOLLAR_COUNTRIES = {"US", "AU", "NZ", "HK", "SG"}
_RELATIVE_TIME = {"earlier", "ago", "before", "later", "previously", "prior"}
_SCALE_ABBR = set(nums.lexicon()["abbr"])
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}


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
        self._start_words = (
            set(lx["small"]) | set(lx["vague"]) | {"a", "an", "dozen", "half"}
        )
        self._a_words = lx["a_words"]
        self._mult_verbs = lx["mult_verbs"]

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = extract(doc, durations=self.durations, ages=self.ages,
                                   start_words=self._start_words, a_words=self._a_words,
                                   mult_verbs=self._mult_verbs)
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
            mult_verbs=None) -> list[dict]:
    """All quantities of a Doc as record dicts, sorted by start."""
    if start_words is None:
        lx = nums.lexicon()
        start_words = set(lx["small"]) | set(lx["vague"]) | {"a", "an", "dozen", "half"}
        a_words, mult_verbs = lx["a_words"], lx["mult_verbs"]
    n = len(doc)
    if n == 0:
        return []
    blocked: set[int] = set()
    date_toks: set[int] = set()
    name_toks: set[int] = set()
    if Doc.has_extension("timexes"):
        for tx in doc._.timexes or ():
            span = doc.char_span(tx["start"], tx["end"], alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
    for ent in doc.ents:
        label = ent.label_
        if label in ("DATE", "TIME"):
            # a bare number the NER calls a date ("sales of 5835 units") stays a candidate
            if any(t.is_alpha or _year_like(t.text) or t.lower_.rstrip(".") in _MONTHS for t in ent) \
                    and not _fraction_not_date(doc, ent.start, ent.end):
                first = ent.start
                if ent.end - ent.start > 2 and doc[first].text[:1].isdigit() and not _year_like(doc[first].text) \
                        and doc[first + 1].lower_ in ("a", "an", "the", "last", "this"):
                    first += 1  # "up from 31 a week earlier": the number is not part of the date
                date_toks.update(range(first, ent.end))
        elif label == "ORDINAL":
            if not _fraction_not_ordinal(doc, ent.start, ent.end):  # "a third of the staff", "cut by a third"
                blocked.update(range(ent.start, ent.end))
        elif label in _NAME_LABELS_ALWAYS or (
            label in _NAME_LABELS_IF_PROPER and any(t.is_alpha and t.is_title for t in ent)
        ):
            name_toks.update(range(ent.start, ent.end))
    # One pass makes the word list; Token objects are only made for candidates (creating a
    # Token per word is what costs on this hot path).
    words: list[str] = [t.lower_ for t in doc]
    mult_stems = {lemma[:4] for lemma in mult_verbs}
    out: list[dict] = []
    i = 0
    while i < n:
        low = words[i]
        if i in blocked:
            i += 1
            continue
        if low in start_words or any(ch.isdigit() for ch in low):
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
                if inherit and out and out[-1]["counted"] and doc.has_annotation("SENT_START") \
                        and out[-1]["start"] >= doc[i].sent.start_char and (
                        inherit == "always" or rec["counted"] is None or out[-1]["kind"] == rec["kind"]):
                    rec["counted"] = out[-1]["counted"]
                out.append(rec)
            i = max(end, i + 1)
            continue
        if low[:4] in mult_stems:
            tok = doc[i]
            if tok.pos_ == "VERB" and tok.lemma_.lower() in mult_verbs:
                out.append(_multiplier(doc, tok, float(mult_verbs[tok.lemma_.lower()])))
        i += 1
    out.sort(key=lambda r: (r["start"], -r["end"]))
    return out


_FRACTION_BEFORE = {"by", "about", "nearly", "almost", "roughly", "around", "than", "over", "some", "just",
                    "only", "barely", "exactly", "to", "of"}
_TIME_NOUNS = {"year", "years", "century", "hour", "the", "fiscal", "financial", "this", "last", "next"}


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
    """'about a quarter of its container traffic', 'three quarters of voters': not the time unit."""
    n = len(doc)
    last = doc[b - 1].lower_
    if last not in ("quarter", "quarters", "half") or b + 1 >= n or doc[b].lower_ != "of":
        return False
    nxt = doc[b + 1]
    return not (nxt.like_num or nxt.lower_ in _TIME_NOUNS or nxt.lower_ in _MONTHS or nxt.lower_ == "a"
                and b + 2 < n and doc[b + 2].lower_ in ("year", "century"))


def _multiplier(doc: Doc, tok: Token, factor: float) -> dict:
    counted = None
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            counted = _phrase(doc, child)
            break
    start, approx = tok.i, "exact"
    for w in (2, 1):  # "nearly doubled", "more than tripled"
        if start - w >= 0:
            cls = mods.approximator(doc[start - w: start].text)
            if cls and not doc[start - w].is_space:
                start, approx = start - w, cls
                break
    first = doc[start]
    return {
        "text": doc[start: tok.i + 1].text, "start": first.idx, "end": tok.idx + len(tok.text),
        "kind": "multiplier", "value": factor, "low": factor if approx == "lower" else None,
        "high": factor if approx == "upper" else None, "approx": approx, "unit": None,
        "counted": counted, "change": "up" if factor > 1 else "down",
    }


def _slice(doc: Doc, a: int, b: int) -> str:
    """Text of tokens a..b-1 (b > a)."""
    return doc[a:b].text


def _glued(doc: Doc, a: int) -> bool:
    """True when token a follows token a-1 without whitespace."""
    return a > 0 and not doc[a - 1].whitespace_


def _currency_before(doc: Doc, i: int) -> tuple[str | None, int]:
    """A currency symbol right before token i: (code, index of its first token)."""
    if i == 0:
        return None, i
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
                prev.is_upper or not prev.is_alpha or prev.text in ("Rs", "Rs.")):
            return code, i - 1
    return None, i


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
    for k in range(min(n, j + limit), j, -1):
        if k - 1 > j and not doc[k - 1].text.strip():
            continue
        surface = _slice(doc, j, k)
        cur = units.currency_suffix(surface)
        if cur:
            return cur, None, k
        sym = units.unit_symbol(surface)
        if sym is None and len(doc[k - 1].text) > 1 and surface.endswith(".") and (
                k >= n or doc[k].is_sent_start or not doc[k].is_punct):
            sym = units.unit_symbol(surface[:-1])  # "0.025 m." at the end of a sentence
        if sym:
            return None, sym, k
    return None, None, j


def _number_at(doc: Doc, words: list[str], i: int, money: bool):
    """Parse a number at token i; the glued suffix keeps its case. None if there is none."""
    pn = nums.parse_words(words, i, money=money)
    if pn is None:
        return None
    suffix = pn.suffix
    if suffix is not None:
        d = nums.parse_digits(doc[i].text)
        if d is not None and d[2]:
            suffix = d[2]
    return pn, suffix


def _read(doc, words, i, blocked, date_toks, name_toks, durations, ages):
    """Read the quantity whose number starts at token i. Returns (record or None, end token) or None."""
    n = len(doc)
    tok = doc[i]
    low = words[i]
    if nums.is_ordinal_word(low) and not (i > 0 and words[i - 1] in ("a", "one")):
        return None
    if ":" in tok.text or (tok.text.count("/") and tok.text not in ("km/h", "m/s")):
        return None
    if _not_a_number_use(doc, words, i, blocked, date_toks):
        return None, i + 1
    # glued range in one token: "20-25", "6bn-$8bn"
    glued_range = None
    if "-" in tok.text or "–" in tok.text:
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
    else:
        got = _number_at(doc, words, i, money=code is not None)
        if got is None and code is not None and tok.text[:2] in _DOLLAR_COUNTRIES and tok.text[2:3].isdigit():
            words = words[:i] + [words[i][2:]] + words[i + 1:]  # "$US113 trillion"
            got = _number_at(doc, words, i, money=True)
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
    if end < n and units.is_time_marker(words[end]) and code is None:
        return None, end + 1
    # "1.5m people": a glued "m" before a plural noun that is not a unit is a million
    m_end = end + 1 if suffix is None and end < n and doc[end].text == "m" and _glued(doc, end) else end
    if (suffix == "m" or m_end > end) and code is None and m_end < n and doc[m_end].tag_ == "NNS" \
            and not units.unit_symbol(doc[m_end].text):
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
        else _unit_after(doc, end)
    # range: "between 10 and 15", "10-15", "from 5 to 7", "$10 to $15 million"
    opener = None
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
            high_v = second.value
            approx = "range"
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
    if cur2 and code is None:
        code = cur2
        end = after
    elif sym2 and unit is None:
        unit = sym2
        end = after
    elif cur2 or sym2:
        end = after
    # rate units: "$58.24 per barrel", "$3,500 a month", "$21.25 per square foot"
    if (code is not None or unit is not None) and end + 1 < n and words[end] in ("per", "a", "an", "/") \
            and not (end + 2 < n and words[end + 2] in _RELATIVE_TIME):  # "$2.9bn a year earlier"
        cur3, sym3, after3 = _unit_after(doc, end + 1)
        if sym3 is None and cur3 is None and doc[end + 1].pos_ == "NOUN" and words[end] == "per":
            sym3, after3 = doc[end + 1].lemma_.lower(), end + 2
        if sym3 is not None:
            base = code if code is not None else unit
            code = None
            unit = f"{base} per {sym3}"
            end = after3
    # unit written before: "magnitude 5.8"
    if unit is None and code is None and start_tok > 0 and units.unit_prefix(words[start_tok - 1]):
        unit = units.unit_prefix(words[start_tok - 1])
        start_tok -= 1
    kind = "count"
    info = units.unit_info(unit.split(" per ")[0]) if unit else None
    if code is not None:
        kind = "money"
    elif unit is not None and units.currency_name(unit.split(" per ")[0]):
        kind = "money"
    elif info is not None:
        kind = info["kind"]
    # age written before: "aged 35"
    if kind == "count" and start_tok > 0 and units.is_age_prefix(words[start_tok - 1]) \
            and 0 < pn.value < 130:
        kind, unit = "age", "yr (age)"
    elif kind == "count" and start_tok > 2 and words[start_tok - 1] == "of" and words[start_tok - 2] == "age" \
            and 0 < pn.value < 130:
        kind, unit = "age", "yr (age)"  # "at the age of 29"
    age_of = None
    if kind == "count" and approx == "exact" and start_tok == i and end == i + 1 and not suffix:
        age_of = _appositive_age(doc, i, pn.value)
        if age_of is not None:
            kind, unit = "age", "yr (age)"
    # a sign written as a word: "minus 2 degrees Celsius"
    sign = 1.0
    if start_tok > 0 and words[start_tok - 1] in ("minus", "negative") and kind in ("measure", "percent"):
        sign = -1.0
        start_tok -= 1
    # approximators before (after an optional "up"/"down")
    change = None
    if approx != "range" or opener is None:
        for w in range(mods.approximator_max_words(), 0, -1):
            a = start_tok - w
            if a < 0 or doc[a].is_space or not doc[a].text.strip():
                continue  # never start a span on a paragraph break or a bullet
            cls = mods.approximator(_slice(doc, a, start_tok))
            if cls:
                if approx == "range":
                    break
                approx = "approx" if (approx == "lower" and cls == "approx") else cls
                start_tok = a
                break
    if start_tok > 0:
        adv = mods.change_adverb(words[start_tok - 1])
        pt = doc[start_tok - 1]
        if adv and pt.dep_ in ("advmod", "prt", "prep", "quantmod", "npadvmod", "amod") and not (
                pt.dep_ in ("prt", "advmod") and pt.head.pos_ in ("VERB", "AUX") and pt.head.i < pt.i
                and pt.head.lemma_.lower() not in _PARTICLE_VERBS
                and not mods.change_verb(pt.head.lemma_)):  # not "shot down 31"
            change = adv
    # approximate suffixes: "or more", "-plus", "or so"
    for w in (2, 1):
        if end + w <= n:
            cls = mods.approximate_suffix(_slice(doc, end, end + w))
            if cls and approx in ("exact", "approx"):
                approx = cls
                end = end + w
                break
    # --- filters -------------------------------------------------------------------------
    num_toks = range(i, pn.end)
    skip = max(i + 1, pn.end if approx != "range" else i + 1)
    if any(t in blocked for t in num_toks):
        return None, skip
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
    counted = _counted(doc, root, start_tok, end, kind)
    if start_tok > 0 and words[start_tok - 1] == "by" and doc[start_tok - 1].head.pos_ == "VERB" \
            and not start_tok <= root.head.i < end and root.head.i != start_tok - 1 and (
            counted is None or kind != "count" or pn.fraction):
        # the parse lost "cut its workforce by a third last year": the amount of the verb's change
        verb = doc[start_tok - 1].head
        change = mods.change_verb(verb.lemma_) or "none"
        counted = _verb_measured(doc, verb, (start_tok, end))
    if kind == "count" and counted and root.head.i >= end and root.head.pos_ == "NOUN":
        head_unit = units.unit_symbol(root.head.text)
        if head_unit and units.unit_info(head_unit)["kind"] == "measure":
            kind, unit, counted = "measure", head_unit, None
    span_start = doc[start_tok].idx
    last = doc[end - 1].text
    span_end = doc[end - 1].idx + len(last)
    if len(last) > 1 and last.endswith(".") and end - 1 > i and last[-2].isalpha():
        span_end -= 1  # "€300 m.", "120 km/h." at the end of a sentence: the full stop is not part of it
    elif last.lower() == "of" and end - 1 > start_tok:  # "hundreds of": the span ends at the number
        span_end = doc[end - 2].idx + len(doc[end - 2].text)
    if age_of is not None:
        counted = age_of
    if counted is None:
        counted = _measured(doc, root, start_tok, end, kind)
    if change is None:
        change = _change(doc, root, start_tok)
    if kind == "count" and change != "none" and root.head.lemma_.lower() in _PARTICLE_VERBS_NOT_COUNT:
        change = "none"  # "shot down 31 drones", "knocked down 5 houses" (but "shares shot up 20%")
    if counted == "times" and kind == "count":
        change = "none"  # "cut its deposit rate eight times": a frequency, not the size of a change
    elif kind == "money" and change == "up" and (
            root.head.lemma_.lower() in _MONEY_NOT_CHANGE and root.head.pos_ == "NOUN"
            or root.head.lemma_.lower() == "raise" and root.dep_ == "dobj"):
        change = "none"  # "a €300m expansion", "would raise about $1.9 million": not an increase by that much
    # "£5.9bn, up from £4.4bn", "30% of Britain's electricity, up 2.4 percentage points": the second
    # figure is about what the first one measured
    inherit = False
    if start_tok > 1 and words[start_tok - 1] == "from" and words[start_tok - 2] in ("up", "down"):
        inherit = True
    elif start_tok > 1 and words[start_tok - 1] in ("up", "down") and words[start_tok - 2] == ",":
        inherit = "always"
    rec = {
        "_inherit": inherit,
        "text": doc[start_tok:end].text[:span_end - span_start],
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
    if tok.is_alpha and tok.is_title and i > 0 and not tok.is_sent_start and doc[i - 1].is_title \
            and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].is_sent_start:
        return True
    if low != "one":
        return False
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < n else None
    if nxt is not None and nxt.text == "-" and i + 2 < n and words[i + 2] in _ONE_HYPHEN_WORDS:
        return True
    if nxt is not None and nxt.lower_ == "another":
        return True
    if prev is None:
        return False
    noun_after = nxt is not None and nxt.pos_ in _NOUN_POS | {"ADJ"}
    if prev.lower_ in _ONE_PRONOUN_BEFORE and not noun_after and not (nxt is not None and nxt.lower_ == "of"
                                                                       and prev.lower_ != "every"):
        return True
    if prev.lower_ == "every" and nxt is not None and nxt.lower_ == "of":
        return True
    if prev.pos_ == "ADJ" and not noun_after:
        return True  # "a regular one"
    if prev.pos_ == "PRON" and prev.dep_ != "poss" and prev.lower_ not in ("them", "us", "we", "they") \
            and not noun_after and (nxt is None or nxt.lower_ != "of"):
        return True  # "we have given it one"
    return False


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
        return doc[k: i - 1].text
    if person.pos_ == "NOUN" and person.tag_ == "NN" and person.lower_.endswith(_PERSON_SUFFIXES):
        return _np(doc, person, (i, i + 1))
    return None


def _is_score(doc: Doc, i: int, a, b) -> bool:
    """'2-2', '3-1', '52-48', 'won 2-3': a result or a tally, not a range."""
    if a.suffix or b.suffix or a.currency or b.currency or a.value != int(a.value) or b.value != int(b.value):
        return False
    if a.value >= b.value:
        return True
    lo, hi = max(0, i - 4), min(len(doc), i + 5)
    return any(mods.is_score_context(t.lemma_) for t in doc[lo:hi] if t.i != i)


def _next_is_number(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].text in ("-", "–", "to", "and") and j + 1 < len(doc) and (
        "d" in doc[j + 1].shape_ or doc[j + 1].text in ("$", "€", "£", "¥")
    )


def _range_second(doc, words, j, opener, code, first_unit):
    """A second number after a range joiner at token j: (ParsedNumber, suffix, end, currency)."""
    n = len(doc)
    if j >= n or j + 1 >= n:
        return None
    w = words[j]
    if w in ("-", "–", "—"):
        pass
    elif w == "to":
        # "from 5 to 7" always; without "from" only bare numbers before a shared unit or currency
        # ("10 to 15 mph", "two to three"): "rose 6.5% to 164p" and "2018 to 3.9 million" are not ranges
        if opener is not None:
            if opener[1] != "to":
                return None
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
        cb = units.currency_prefix(doc[k].text) if doc[k].text in ("$", "€", "£", "¥", "US$") else None
        if cb:
            code_b, k2 = cb, k + 1
    if k2 >= n or not ("d" in doc[k2].shape_ or words[k2] in nums.lexicon()["small"]):
        return None
    got = _number_at(doc, words, k2, money=(code or code_b) is not None)
    if got is None:
        return None
    pn, sfx = got
    if pn.approx != "exact":
        return None
    if w == "to" and opener is None:
        first = nums.parse_words(words, j - 1)
        unit_cur, unit_sym, _ = _unit_after(doc, pn.end)
        if first is None or first.value >= pn.value or not (unit_cur or unit_sym or sfx or (
                not doc[j - 1].text[0].isdigit() and not doc[k2].text[0].isdigit())):
            return None
    return pn, sfx, pn.end, code_b


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100


def _looks_like_name_digit(doc: Doc, words: list[str], i: int, start_tok: int) -> bool:
    """'Boeing 737', 'Section 427', 'No. 10', '#5', 'Windows 10': a digit that names something."""
    if start_tok != i or i == 0:
        return False
    tok = doc[i]
    if not tok.text.isdigit():
        return False
    prev = doc[i - 1]
    if prev.text in ("#", "No.", "no.", "No", "Nos.", "number", "Number") and prev.text != "number":
        return True
    if prev.pos_ == "PROPN" and prev.is_upper and len(prev.text) >= 2 and prev.lower_ not in _MONTHS \
            and "." not in prev.text:
        return True  # an acronym right before a bare integer names it: "FTSE 100", "S&P 500", "G 7"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
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
                                          and toks[0].dep_ in ("nummod", "quantmod", "compound"))):
        toks = toks[1:]  # "60 aftershocks" -> "aftershocks", "40,000 more engineers" -> "engineers"
    while toks and toks[-1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET", "PART"):
        toks = toks[:-1]
    if not toks:
        return None
    return doc[toks[0].i: toks[-1].i + 1].text


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
    if pobj is None and b - 1 != root.i:
        pobj = _of_object(doc[b - 1])
    if pobj is None and b < n and doc[b - 1].lower_ == "of":  # "hundreds of" consumed the 'of'
        for t in doc[b: min(n, b + 8)]:
            if t.head.i == b - 1 and t.dep_ == "pobj":
                pobj = t
                break
    if pobj is not None and pobj.pos_ in _NOUN_POS | {"PRON"} and pobj.i >= b:
        toks = list(doc[pobj.left_edge.i: pobj.i + 1])
        return _strip(doc, toks[-6:])
    if kind != "count":
        return None
    head = root.head
    if head.i >= b and head.pos_ in _NOUN_POS and root.dep_ in (
        "nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod", "advmod", "dep", "appos"
    ) and head.i - b < 6:
        toks = list(doc[b: head.i + 1])
        if toks and toks[0].text == "(":  # "a ¥1.2 trillion ($8.1 billion) factory"
            close = next((t.i for t in toks if t.text == ")"), None)
            toks = list(doc[close + 1: head.i + 1]) if close is not None else toks
        if toks and all(t.pos_ in _COUNTED_POS or t.dep_ in ("compound", "amod", "punct", "poss", "case")
               for t in toks) and not any(t.is_sent_start for t in toks):
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
        if pobj is not None and pobj.pos_ in _NOUN_POS | {"ADJ"} and not avoid[0] <= pobj.i < avoid[1]:
            head = pobj
    toks = [t for t in head.lefts if t.dep_ in _NP_MODS]
    left = toks[0].i if toks else head.i
    left = max(left, head.i - 5)
    right = head.i
    while right + 1 < len(doc) and doc[right + 1].head.i == head.i and doc[right + 1].dep_ in (
            "nummod", "compound") and doc[right + 1].pos_ in ("NUM", "PROPN"):
        right += 1  # "S&P 500", "iPhone 12"
    if right + 2 < len(doc) and doc[right + 1].pos_ == "NUM" and doc[right + 1].text.isdigit() \
            and len(doc[right + 1].text) <= 2 and doc[right + 2].head.i == head.i \
            and doc[right + 2].dep_ in ("appos", "compound") and doc[right + 2].pos_ == "NOUN":
        right += 2  # "common equity tier 1 ratio" (the parse hangs "ratio" on "tier")
    out = [t for t in doc[left: right + 1]]
    pobj = _of_object(head)
    if pobj is not None and pobj.pos_ in _NOUN_POS and pobj.i - head.i <= 5 and not (
            avoid[0] <= pobj.i < avoid[1]):
        out.extend(doc[head.i + 1: pobj.i + 1])
    out = [t for t in out if not avoid[0] <= t.i < avoid[1]]
    close = [k for k, t in enumerate(out) if t.text == ")" and t.i < head.i]
    if close:  # "a ¥1.2 trillion ($8.1 billion) factory" -> "factory"
        out = out[close[-1] + 1:]
    while out and (out[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "PART")
                   or out[0].dep_ == "poss" and out[0].pos_ == "PRON"):
        out = out[1:]
    if not out or out[-1].pos_ == "PRON":
        return None
    return _strip(doc, out)


_IN_NOT_COUNTED = {"total", "all", "trading", "part", "addition", "return", "response", "time", "year", "quarter",
                   "month", "week", "day", "period", "fact", "order", "case", "turn", "cash", "damage", "value"}


_IN_TARGET_VERBS = {"invest", "spend", "put", "pour", "inject", "plough", "plow", "sink", "deposit", "lose"}


def _in_phrase(doc: Doc, root: Token, b: int, avoid: tuple[int, int]) -> str | None:
    """'€25m in emergency funds', 'US$214 million in pre-tax profit': what the money is."""
    if b >= len(doc) or doc[b].lower_ != "in":
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
    carried_ok = False
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
            if units.unit_symbol(head.text) or units.currency_suffix(head.text):
                tok = head
                continue
            if mods.change_noun(head.lemma_):
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if obj is not None and not a <= obj.i < b and obj.pos_ in _NOUN_POS \
                                and obj.ent_type_ not in ("DATE", "TIME"):
                            return _np(doc, obj, avoid)
                comp = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i >= b]
                if comp:  # "a 5.5% pay rise" -> "pay"
                    return _strip(doc, list(doc[comp[0].left_edge.i: comp[-1].i + 1]))
                tok = head
                continue
            if dep in ("appos", "conj") or mods.is_empty_head(head.lemma_):
                tok = head  # "an average of £3,000": what is measured is further up
                continue
            return _np(doc, head, avoid)
        if head.pos_ == "ADP":
            tok = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            if dep in _SUBJ_DEPS:  # the quantity is the subject: "31% were women"
                attr = next((c for c in head.children if c.dep_ in ("attr", "oprd")), None)
                return _np(doc, attr, avoid) if attr is not None else None
            if mods.change_verb(head.lemma_) and dep not in ("dobj",):
                # "the bank raised rates by 0.25 points": a transitive change verb changes its object
                obj = next((c for c in head.children if c.dep_ == "dobj" and not a <= c.i < b), None)
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
            if dep == "prep" and tok.lower_ in ("at", "to", "for"):
                # "puts the total cost at £5.9bn", "left its rate at 0.75%", "was acquired for $6.8bn"
                deps = ("dobj",) if tok.lower_ != "for" else ("dobj", "nsubjpass")
                obj = next((c for c in head.children if c.dep_ in deps and not a <= c.i < b), None)
                if obj is not None and obj.pos_ in _NOUN_POS:
                    return _np(doc, obj, avoid)
            subj = next((c for c in head.children if c.dep_ in _SUBJ_DEPS and not a <= c.i < b), None)
            if subj is not None and subj.tag_ in ("WDT", "WP") and head.dep_ == "relcl" \
                    and head.head.pos_ in _NOUN_POS:
                return _np(doc, head.head, avoid)  # "a cost that has risen by about a third"
            verb_ok = carried_ok or head.pos_ == "AUX" or dep in ("attr", "acomp", "oprd") or mods.change_verb(
                head.lemma_) or mods.is_level_verb(head.lemma_) or (subj is not None and subj.dep_ == "nsubjpass")
            if not verb_ok and kind in ("measure", "percent", "percentage_point"):
                # "the CO2 has migrated 220 m", "the layout extracts 40.6 MW": a measure right on the verb
                verb_ok = dep in ("dobj", "npadvmod", "advmod") or dep == "prep" and tok.lower_ in ("at", "to")
            if subj is not None and verb_ok:
                return _np(doc, subj, avoid)
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in _NOUN_POS:
                return _np(doc, head.head, avoid)  # "the cost of the clinics, estimated at $310,000"
            if subj is not None:
                return None  # "fined Cobalt €150,000": the agent is not what the amount measures
            carried_ok = verb_ok  # "cases linked to an outbreak rose to 47": the subject is further up
            if head.dep_ in _CLIMB_DEPS:
                tok = head
                continue
            return None
        tok = head
    return None


def _verb_measured(doc: Doc, verb: Token, avoid: tuple[int, int]) -> str | None:
    """What a change verb changes: its object ("cut its workforce"), else its subject ("sales rose")."""
    for deps in (("dobj",), _SUBJ_DEPS):
        for child in verb.children:
            if child.dep_ in deps and not avoid[0] <= child.i < avoid[1]:
                return _np(doc, child, avoid)
    return None


_PARTICLE_VERBS = {"go", "move", "edge", "tick", "creep", "trend", "come", "head", "push", "drive", "send", "mark",
                   "bring", "knock", "end", "close", "finish", "open", "be", "inch", "turn", "shoot", "jump", "pull"}
_PARTICLE_VERBS_NOT_COUNT = {"shoot", "pull", "bring", "knock", "push", "drive", "send", "turn"}
_MONEY_NOT_CHANGE = {"expansion", "improvement", "advance", "upgrade", "raise"}


def _change(doc: Doc, root: Token, start: int = -1) -> str:
    """'up', 'down' or 'none' from the verb or noun that governs the quantity."""
    if start > 0 and mods.is_level_preposition(doc[start - 1].lower_) and doc[start - 1].lower_ != "of":
        return "none"  # "fell by 21,000 to 1.36 million": the level after a change
    tok = root
    for _ in range(3):  # "dropped 300 points, or 1.1%": the second figure shares the first one's verb
        if tok.dep_ in ("appos", "conj") and tok.head.i != tok.i and tok.head.i < tok.i:
            tok = tok.head
        else:
            break
    head = tok.head
    dep = tok.dep_
    if head.pos_ == "NOUN" and head.dep_ == "npadvmod" and head.head.pos_ == "VERB" and dep in (
            "compound", "nummod", "amod"):  # "jumped 40% year on year"
        dep, head = "npadvmod", head.head
    if dep == "pobj" and head.lower_ == "of" and mods.is_empty_head(head.head.lemma_) \
            and head.head.dep_ == "pobj":  # "fell by an average of £3,000"
        tok = head.head
        head, dep = tok.head, tok.dep_
    if dep == "pobj":
        prep = head
        if mods.is_level_preposition(prep.lower_):
            if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
                return mods.change_noun(prep.head.lemma_) or "none"
            return "none"
        if mods.is_amount_preposition(prep.lower_):
            head = prep.head
            dep = "dobj"
        else:
            return "none"
    if head.pos_ in ("VERB", "AUX") and dep in ("dobj", "npadvmod", "advmod", "attr", "obj", "nummod",
                                                 "appos", "oprd", "dative", "ccomp", "acomp"):
        verb_change = mods.change_verb(head.lemma_) or mods.change_verb(head.lower_)
        if verb_change:
            return verb_change
        for child in head.children:
            if child.dep_ == "prt" and head.lemma_.lower() in _PARTICLE_VERBS:  # "went up 5%", not "shot down 31"
                adv = mods.change_adverb(child.lower_)
                if adv:
                    return adv
        return "none"
    if head.pos_ == "NOUN" and dep in ("nummod", "compound", "amod", "nmod", "quantmod"):
        return mods.change_noun(head.lemma_) or "none"
    return "none"
