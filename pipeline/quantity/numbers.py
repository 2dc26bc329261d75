"""Parse English number phrases into values: pure functions over word lists.

`parse_number("4.5 billion") -> ParsedNumber(value=4.5e9, ...)`. The spaCy component calls
`parse_words(words, i)` with the lower-cased token texts of a Doc; the tests call `parse_number(text)`,
which splits a phrase the way spaCy's English tokenizer does for these cases ("two-thirds" ->
"two", "-", "thirds"). The number words live in models/quantity_numbers.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicon import load_json

# one token: optional currency glued in front, the digits, an optional suffix glued behind
# ("HK$3", "RM5", "1.762bn", "25k", "164p", "-5", "3,200").
TOKEN_RE = re.compile(
    r"^(?P<cur>[A-Za-z]{0,3}\.?[$€£¥₹₽₪₩₺₦₱฿₫₴])?(?P<sign>[-+−])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suf>[A-Za-z%°µμ²/]+)?$"
)
# a range glued into one token: "20-25", "6bn-$8bn"
RANGE_TOKEN_RE = re.compile(r"^(?P<a>[^-–]*\d[^-–]*)[-–](?P<b>[^-–]*\d[^-–]*)$")
_SPLIT_RE = re.compile(r"\d+/\d+|\d[\d,]*(?:\.\d+)?[A-Za-z%]*|[A-Za-z]+\.?|\S")
# a written fraction in one token: "1/4", "3/4", "5/8" (only the denominators of fractions in copy:
# "9/11" and "24/7" are not fractions); vulgar-fraction characters, alone or glued ("2½")
SLASH_FRACTION_RE = re.compile(r"^(?P<a>\d{1,2})/(?P<b>2|3|4|5|8|10|16|32|64)$")
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
          "⅝": 0.625, "⅞": 0.875}


def fraction_token(token: str) -> float | None:
    """'3/4' -> 0.75, '½' -> 0.5, '2½' -> 2.5; else None ('9/11', '24/7', '4/3' are not fractions)."""
    m = SLASH_FRACTION_RE.match(token)
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        return a / b if 0 < a < b else None
    if token and token[-1] in VULGAR and (len(token) == 1 or token[:-1].isdigit()):
        return (int(token[:-1]) if len(token) > 1 else 0) + VULGAR[token[-1]]
    return None


_FEW_WORDS = ("several", "many", "few")


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    end: int  # index after the last word used
    approx: str = "exact"  # "exact", or "range" for vague plurals ("hundreds of": 100 to 1,000)
    fraction: bool = False
    currency: str | None = None  # a currency glued to the digits ("HK$3")
    suffix: str | None = None  # a unit glued to the digits ("164p", "75mph"), not a scale
    scale: float = 1.0  # the factor that scale words or abbreviations applied ("billion": 1e9)
    high: float | None = None  # the upper end of a vague plural's range (value is the lower end)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    lx = load_json("quantity_numbers.json")
    small = dict(lx["ones"])
    small.update(lx["tens"])
    return {
        "small": small,
        "tens": lx["tens"],
        "scales": lx["scales"],
        "abbr": lx["scale_abbreviations"],
        "money_only": set(lx["money_only_abbreviations"]),
        "fractions": lx["fractions"],
        "collectives": lx["collectives"],
        "a_words": set(lx["a_words"]),
        "vague": lx["vague_plurals"],
        "ordinals": set(lx["ordinal_words"]),
        "mult_verbs": lx["multiplier_verbs"],
        "times": lx["times_words"],
    }


def split_words(text: str) -> list[str]:
    """Split a phrase into lower-cased words roughly as spaCy does for numbers."""
    return [w.lower() for w in _SPLIT_RE.findall(text)]


def parse_digits(token: str) -> tuple[float, str | None, str | None] | None:
    """'1,200' -> (1200.0, None, None); 'HK$3' -> (3.0, 'HK$', None); '4.5bn' -> (4.5, None, 'bn')."""
    m = TOKEN_RE.match(token)
    if not m:
        return None
    value = float(m.group("num").replace(",", ""))
    if m.group("sign") in ("-", "−"):
        value = -value
    return value, m.group("cur"), m.group("suf")


def _words_value(words: list[str], i: int) -> tuple[float, int] | None:
    """Spelled-out cardinal from words[i]: 'two hundred and fifty thousand', 'twenty-five'."""
    lx = lexicon()
    ones, tens, scales = lx["small"], lx["tens"], lx["scales"]
    total = 0.0
    current = 0.0
    last = None  # "ones", "tens", "scale"
    j = i
    n = len(words)
    while j < n:
        w = words[j]
        if w in tens:
            if last in ("ones", "tens"):
                break
            current += tens[w]
            last = "tens"
        elif w in ones:
            if last == "ones" or (last == "tens" and ones[w] >= 10):
                break
            current += ones[w]
            last = "ones"
        elif w in scales and last is not None:
            if scales[w] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scales[w]
                current = 0
            last = "scale"
        elif (w == "-" and last == "tens" and j + 1 < n and words[j + 1] in ones
              and words[j + 1] not in tens and ones[words[j + 1]] < 10):
            pass
        elif w == "and" and last == "scale" and j + 1 < n and (words[j + 1] in ones or words[j + 1] in tens):
            pass  # "two hundred and five", "a hundred and fifty"
        else:
            break
        j += 1
    if last is None:
        return None
    return total + current, j


# "half" standing alone as an amount: after these words, before a function word or punctuation
_HALF_BEFORE = {"by", "than", "nearly", "almost", "about", "around", "roughly", "over", "under", "in", "to"}
# a level a "half" is of, right after it ("at half capacity"; not "half time", "half brother")
_HALF_LEVEL_NOUNS = {"capacity", "price", "strength", "speed", "power", "output", "volume"}
_HALF_AFTER = {"since", "from", "in", "to", "on", "over", "after", "compared", "and", "but", "as", "last", "this",
               "between", "during", "within", "while", "when", "because", "by"}


def scale_after_fraction(words: list[str], k: int) -> tuple[float, int] | None:
    """The public form of `_scale_after_fraction` (the lexicon's scales)."""
    return _scale_after_fraction(words, k, lexicon())


def _scale_after_fraction(words: list[str], k: int, lx: dict) -> tuple[float, int] | None:
    """A scale of a thousand or more right after a fraction, joined by nothing, a hyphen or "of a"
    ("a quarter million", "a quarter-million", "a quarter of a million", "three-quarters of a billion"):
    (scale, end); else None."""
    n = len(words)
    if k < n and words[k] == "-":
        k += 1
    elif k + 2 < n and words[k] == "of" and words[k + 1] in ("a", "an"):
        k += 2
    if k < n and words[k] in lx["scales"] and lx["scales"][words[k]] >= 1000:
        return float(lx["scales"][words[k]]), k + 1
    return None


def parse_words(words: list[str], i: int = 0, money: bool = False) -> ParsedNumber | None:
    """Parse the number that starts at words[i] (lower-cased words). None if there is none.

    Handles digits ("1,200", "4.5"), glued scales ("4.5bn", "300m" when `money`), spelled-out numbers,
    scale words after either ("4.5 billion", "two million"), "a"/"an" + dozen/hundred/half...,
    fractions ("two-thirds", "a third", "three quarters"), collectives ("a dozen", "a pair") and vague
    plurals as an order of magnitude: "hundreds of" is the range 100 to 1,000, "tens of thousands"
    10,000 to 100,000, "dozens" 12 to 120 (approx "range", `value` the lower end, `high` the upper).
    """
    lx = lexicon()
    n = len(words)
    if i >= n:
        return None
    w = words[i]
    value: float | None = None
    j = i
    currency = None
    suffix = None
    scale = 1.0
    # vague plurals: "hundreds of", "tens of thousands of"
    if w in lx["vague"]:
        value = lx["vague"][w]
        j = i + 1
        while j + 1 < n and words[j] == "of" and words[j + 1] in lx["vague"]:
            value *= lx["vague"][words[j + 1]]
            j += 2
        if j < n and words[j] == "of":
            j += 1
        return ParsedNumber(float(value), j, approx="range", high=float(value) * 10)
    # "a few hundred", "several thousand", "many millions", "several dozen": the order of magnitude
    # of the scale word, as for "hundreds of" (100 to 1,000)
    if w in _FEW_WORDS or w == "a" and i + 1 < n and words[i + 1] == "few":
        k = i + 2 if w == "a" else i + 1
        s = words[k] if k < n else ""
        base = lx["scales"].get(s) or lx["vague"].get(s) or (12 if s == "dozen" else None)
        if base is None or base < 12:
            return None
        k += 1
        if k < n and words[k] == "of":
            k += 1
        return ParsedNumber(float(base), k, approx="range", high=float(base) * 10)
    if w == "half" and i + 2 < n and words[i + 1] in ("a", "an") and words[i + 2] == "dozen":
        return ParsedNumber(6.0, i + 3)  # "half a dozen"
    if w == "half" and i + 2 < n and words[i + 1] in ("a", "an") and words[i + 2] in lx["scales"] \
            and lx["scales"][words[i + 2]] >= 1000:
        scale = float(lx["scales"][words[i + 2]])
        return ParsedNumber(0.5 * scale, i + 3, scale=scale)  # "half a million"
    if w == "half" and _scale_after_fraction(words, i + 1, lx) is not None:
        scale, k = _scale_after_fraction(words, i + 1, lx)
        return ParsedNumber(0.5 * scale, k, scale=scale)  # "half million", "a half-million"
    if w == "half" and i + 1 < n and words[i + 1] in ("of", "the", "a", "an", "its", "their", "his", "her"):
        return ParsedNumber(0.5, i + 1, fraction=True)  # "half of the money", "half the staff"
    if w == "half" and i + 1 < n and words[i + 1] in _HALF_LEVEL_NOUNS and i > 0 and (
            words[i - 1] in _HALF_BEFORE or words[i - 1] == "at"):
        return ParsedNumber(0.5, i + 1, fraction=True)  # "running at about half capacity", "at half price"
    if w == "half" and i > 0 and words[i - 1] in _HALF_BEFORE and (
            i + 1 >= n or words[i + 1] in _HALF_AFTER or not any(ch.isalnum() for ch in words[i + 1])
            and words[i + 1] != "-"):
        return ParsedNumber(0.5, i + 1, fraction=True)  # "fell by half", "by more than half since"
    if w in ("a", "an", "one") and i + 1 < n and words[i + 1] in lx["a_words"] and words[i + 1] != "few":
        nxt = words[i + 1]
        if nxt in lx["fractions"]:
            scaled = _scale_after_fraction(words, i + 2, lx)
            if scaled is not None:  # "a quarter million", "a quarter-million", "a quarter of a million"
                return ParsedNumber(lx["fractions"][nxt] * scaled[0], scaled[1], scale=scaled[0])
            return ParsedNumber(lx["fractions"][nxt], i + 2, fraction=True)
        if nxt in lx["collectives"]:
            value = float(lx["collectives"][nxt])
        else:
            value = float(lx["scales"][nxt])
        j = i + 2
        if nxt in lx["scales"] and j + 1 < n and words[j] == "and":
            rest = _words_value(words, j + 1)
            last = words[rest[1] - 1] if rest is not None else ""
            if rest is not None and rest[0] < value:
                value, j = value + rest[0], rest[1]  # "a hundred and fifty", "one thousand and two"
            elif rest is not None and last in lx["scales"] and lx["scales"][last] > value \
                    and rest[0] / lx["scales"][last] < value:
                # "a hundred and fifty thousand": a larger scale after the second part multiplies both
                # (not "between a hundred and two hundred", a range)
                value, j = (value + rest[0] / lx["scales"][last]) * lx["scales"][last], rest[1]
    elif w in lx["collectives"] and w == "dozen":
        value, j = 12.0, i + 1
    elif fraction_token(w) is not None:  # "1/4 mile", "½ teaspoon", "2½ miles"
        value, j = fraction_token(w), i + 1
        if value < 1:
            scaled = _scale_after_fraction(words, j, lx)
            if scaled is not None:  # "½ million"
                return ParsedNumber(value * scaled[0], scaled[1], scale=scaled[0])
            return ParsedNumber(value, j, fraction=True)
    else:
        digits = parse_digits(w)
        if digits is not None:
            value, currency, suf = digits
            j = i + 1
            if suf is None and j < n and value == int(value) and value >= 0 and "." not in w \
                    and fraction_token(words[j]) is not None and fraction_token(words[j]) < 1:
                value += fraction_token(words[j])  # "10 1/2 miles", "7 3/4 %"
                j += 1
            if suf:
                if suf in lx["abbr"] and (money or currency or suf not in lx["money_only"]):
                    value *= lx["abbr"][suf]
                    scale *= lx["abbr"][suf]
                else:
                    suffix = suf
        else:
            wv = _words_value(words, i)
            if wv is None:
                return None
            value, j = wv
    # fractions: "two-thirds", "two thirds"
    if j < n and suffix is None:
        k = j + 1 if words[j] == "-" and j + 1 < n else j
        if words[k] in lx["fractions"] and value == int(value) and 0 < value < 20 and words[k] != "second":
            frac = lx["fractions"][words[k]]
            if words[k] in ("half", "quarter", "third") and value != 1:
                pass  # "two third" is not a fraction; plural is needed
            else:
                scaled = _scale_after_fraction(words, k + 1, lx)
                if scaled is not None:  # "three quarters billion", "three-quarters of a million"
                    return ParsedNumber(value * frac * scaled[0], scaled[1], scale=scaled[0])
                return ParsedNumber(value * frac, k + 1, fraction=True)
    # "two and a half times", "three and a half million": a whole number and a half or a quarter
    if j + 2 < n and suffix is None and words[j] == "and" and words[j + 1] in ("a", "an") \
            and words[j + 2] in ("half", "quarter") and value == int(value) and value >= 1:
        value += lx["fractions"][words[j + 2]]
        j += 3
    # scale words after the number: "4.5 billion", "3 million", "a hundred thousand", "300 m" (money)
    while j < n and suffix is None:
        s = words[j]
        if s in lx["scales"]:
            value *= lx["scales"][s]
            scale *= lx["scales"][s]
            j += 1
        elif (s in lx["abbr"] or s.endswith(".") and s[:-1] in lx["abbr"]) and (
                money or currency or s.rstrip(".") not in lx["money_only"]) and s.rstrip(".") not in ("b", "k"):
            # "€300 m." at the end of a sentence: the tokenizer keeps the full stop on the abbreviation
            value *= lx["abbr"][s.rstrip(".")]
            scale *= lx["abbr"][s.rstrip(".")]
            j += 1
        elif s == "dozen":
            value *= 12
            j += 1
        else:
            break
    return ParsedNumber(float(value), j, currency=currency, suffix=suffix, scale=scale)


def parse_number(text: str, money: bool = False) -> ParsedNumber | None:
    """Parse a whole phrase: '4.5 billion' -> 4.5e9, 'two-thirds' -> 0.667, 'a dozen' -> 12."""
    return parse_words(split_words(text), 0, money=money)


def multiplier_value(lemma: str) -> float | None:
    """'double' -> 2.0, 'halve' -> 0.5 (verbs of multiplication), else None."""
    v = lexicon()["mult_verbs"].get(lemma)
    return None if v is None else float(v)


def is_ordinal_word(word: str) -> bool:
    """'first', 'twentieth', '21st', '3rd' are ordinals (not quantities)."""
    if word in lexicon()["ordinals"]:
        return True
    return len(word) > 2 and word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th")
