"""Rule-based extraction and TimeML normalization of temporal expressions.

The rules (regex templates) live in models/timex_patterns.json and the words in
models/timex_lexicon.json; this module compiles them once and holds one small pure handler per
rule. `tag(text, dct)` finds and resolves every expression of a text; `resolve_timex(text, dct)`
normalizes one expression string.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from pipeline.lexicon import load_json
from pipeline.quantity.numbers import lexicon as number_lexicon
from pipeline.timex.values import (
    FUTURE_HORIZON_DAYS,
    GRAN_ORDER,
    SEASON_START,
    TENSE_HORIZON_DAYS,
    Timex,
    add_months,
    coarser,
    end_of,
    fmt,
    parse_value,
    pick,
    shift,
    start_of,
    unknown,
)

TenseFn = Callable[[int, int], "str | None"]


@lru_cache(maxsize=1)
def lex() -> dict:
    return load_json("timex_lexicon.json")


# Characters other than the two ASCII cases that a letter matches under re.I (Unicode).
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _fold_class(ch: str) -> str:
    """A case-sensitive class of what `ch` matches under re.I: the engine skips an alternative
    that starts with a case-sensitive class without entering it, but tries every alternative
    that starts with a case-insensitive literal."""
    low = ch.lower()
    if len(ch) != 1 or not ("a" <= low <= "z"):
        return re.escape(ch)
    return "(?-i:[" + low + low.upper() + _CASE_EXTRA.get(low, "") + "])"


def _alt(words, fold: bool = True) -> str:
    """An alternation of `words` (a space matches any run of whitespace) factored as a trie.

    It matches like the flat alternation of the words sorted longest first: the words that match
    at one position are prefixes of one another, and the trie (greedy) tries the longer one
    first. The branches of a trie node start with different characters, so at most one is
    entered; with fold (patterns compiled with re.I, not inside (?-i:...)) each first-letter
    branch starts with a case-sensitive class, so the others are skipped without a jump (deeper
    classes cost more to compile than they save)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for tok in re.findall(r" +|[^ ]", w):
            node = node.setdefault(" " if tok.startswith(" ") else tok, {})
        node[""] = {}

    def tok_re(tok: str, first: bool) -> str:
        if tok == " ":
            return r"\s+"
        return _fold_class(tok) if first and fold else re.escape(tok)

    def emit(node: dict, root: bool) -> str:
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        if len(keys) == 1:
            body = tok_re(keys[0], False) + emit(node[keys[0]], False)
        else:
            body = "(?:" + "|".join(tok_re(k, root) + emit(node[k], False) for k in keys) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie, True) + ")"


@lru_cache(maxsize=1)
def _macros() -> dict[str, str]:
    lx = lex()
    full = [m for m in lx["months"] if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in lx["months"] if m not in full]
    month = _alt(full + abbr + [a + "." for a in abbr])  # "Sept", "Sept."
    units = list(lx["units"])
    m = {
        "MONTH": month,
        "WEEKDAY": _alt(lx["weekdays"]),
        "DAYPART": _alt(lx["day_parts"]),
        "NUMWORD": _alt(lx["number_words"]),
        "VAGUE": _alt(lx["vague_numbers"]),
        "ORDINAL": _alt(lx["ordinals"]),
        "UNIT": _alt(units),
        "SEASON": _alt(lx["seasons"]),
        "FUZZY": _alt(lx["fuzzy"]),
        "APPROX": _alt(lx["approx"]),
        "HOLIDAY": _alt(lx["holidays"]),
        "TZ": _alt(lx["timezones"], fold=False),  # also used inside (?-i:...)
        "SETADV": _alt(lx["sets_adverbs"]),
    }
    pat = load_json("timex_patterns.json")
    macros = dict(pat["macros"])
    # Expand macros that use other macros (a few passes are enough).
    for _ in range(3):
        for k, v in macros.items():
            macros[k] = _expand(v, {**m, **macros})
    m.update(macros)
    return m


def _expand(template: str, macros: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda mo: macros.get(mo.group(1), mo.group(0)), template)


@dataclass(frozen=True)
class Rule:
    name: str
    handler: str
    regex: re.Pattern
    order: int
    needs: frozenset[str] = frozenset()
    # Lower-case strings one of which every match contains: a window without any is skipped
    # before the (slower) rule regex runs there.
    requires: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    macros = _macros()
    cats = set(load_json("timex_patterns.json")["triggers"])
    out = []
    for i, r in enumerate(load_json("timex_patterns.json")["rules"]):
        needs = frozenset(r["needs"])
        if not needs or not needs <= cats:
            raise ValueError(f"timex rule {r['name']!r}: needs {sorted(needs)} not in triggers")
        sens = _case_sensitive_at(r["pattern"]) if "(?-i:" in r["pattern"] else None
        for mo in re.finditer(r"\{([A-Z]+)\}", r["pattern"]) if sens else ():
            if sens[mo.start()] and "(?-i:[" in macros.get(mo.group(1), ""):
                raise ValueError(f"timex rule {r['name']!r}: {{{mo.group(1)}}} is folded for re.I, "
                                 "not usable inside (?-i:...)")
        pattern = _expand(r["pattern"], macros)
        out.append(Rule(r["name"], r["handler"], re.compile(pattern, re.I), i,
                        needs, tuple(r.get("requires", ()))))
    return tuple(out)


def _case_sensitive_at(template: str) -> list[bool]:
    """For each position of a regex template, whether it lies inside a (?-i:...) group."""
    out, stack, k, n = [], [], 0, len(template)
    in_class = False
    while k < n:
        ch = template[k]
        sens = any(stack)
        if ch == "\\":
            out += [sens, sens]
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if template[k + 1:k + 2] == "]":  # "[]...]": the first "]" is a member
                out.append(sens)
                k += 1
        elif ch == "(":
            stack.append(template.startswith("(?-i:", k) or sens)
        elif ch == ")" and stack:
            stack.pop()
        out.append(sens)
        k += 1
    return out


def _trie_regex(words) -> str:
    """A regex alternation of `words` factored as a trie (one branch per next character), so the
    engine tests one character class per position instead of every word in turn."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


@dataclass(frozen=True)
class Triggers:
    regex: re.Pattern  # over the lower-cased text
    word_cats: dict[str, frozenset[str]]
    before: int
    after: int


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    """The cheap pre-check: one compiled scan for the words (and digits) that every rule needs."""
    pat = load_json("timex_patterns.json")
    lx = lex()
    word_cats: dict[str, set[str]] = {}
    for cat, src in pat["triggers"].items():
        if cat == "digit":
            continue
        words = lx[src] if isinstance(src, str) else src
        for phrase in words:
            for w in re.findall(r"[a-z]+", phrase.lower()):
                if len(w) > 1:
                    word_cats.setdefault(w, set()).add(cat)
    alt = _trie_regex(sorted(word_cats))
    regex = re.compile(rf"(?P<d>\d)|(?<![a-z])(?P<w>{alt})s?(?![a-z])")
    win = pat["window"]
    return Triggers(regex, {w: frozenset(c) for w, c in word_cats.items()}, win["before"], win["after"])


def windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger category, the merged character windows around its trigger words. A rule only
    needs to run inside the windows of its categories."""
    tr = triggers()
    low = text.lower()
    n = len(text)
    if len(low) != n:  # rare non-ASCII case folding that changes length: scan everything
        return {c: [(0, n)] for c in load_json("timex_patterns.json")["triggers"]}
    before, after, wc = tr.before, tr.after, tr.word_cats
    spans: dict[str, list[list[int]]] = {}
    digit = ("digit",)
    for m in tr.regex.finditer(low):
        w = m.group("w")
        s, e = m.start() - before, m.end() + after
        for c in (digit if w is None else wc[w]):
            lst = spans.get(c)
            if lst is None:
                spans[c] = [[s, e]]
            elif s <= lst[-1][1]:
                lst[-1][1] = e
            else:
                lst.append([s, e])
    return {c: [(max(0, s), _word_end(text, e)) for s, e in lst] for c, lst in spans.items()}


def _word_end(text: str, e: int) -> int:
    """Never cut a word at a window's end (a regex would see a shorter word there)."""
    n = len(text)
    if e >= n:
        return n
    if text[e].isalnum():
        m = _NON_WORD.search(text, e)
        return m.start() if m else n
    return e


def _merge(lists) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(x for lst in lists for x in lst):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


_NON_WORD = re.compile(r"[^\w]")


# ----------------------------------------------------------------------------- context


@dataclass
class Ctx:
    text: str
    dct: date | None
    ref: tuple[str, date] | None = None  # narrative reference time (gran, first day)
    tense_fn: TenseFn | None = None
    tense_value: str | None = None
    # Last explicit date with its year written out at day or month granularity ("Oct. 23, 2012",
    # "October 2012") and where it ended: TimeML's reference time for yearless dates after it.
    story: tuple[str, date, int] | None = None
    # Last resolved day-granularity date (day, end offset): a clock time's day when the latest
    # reference is coarser ("met on Tuesday ... expected in mid-April ... until 9 p.m.").
    day: tuple[date, int] | None = None
    day_told: bool = False  # that day was named as the day of a telling ("said on Tuesday that ...")
    past_day: tuple[date, int] | None = None  # the last day named that is not after the DCT
    # A bare year after "in" (year, end offset): "spent ¥15 trillion in 2024, most of it in late
    # April": yearless months later in the same sentence belong to it.
    year_hint: tuple[int, int] | None = None
    ahead_hint: tuple[int, int] | None = None  # "next year's" (year, end offset)
    # Last resolved quarter/half per granularity (first day, end offset): "the 1988 quarter"
    # after "third-quarter earnings" is 1988's third quarter.
    periods: dict | None = None
    probe: bool = False  # the first (overlap) pass of `tag`: no narrative state yet
    last_type: str | None = None  # TIMEX3 type of the last expression tagged before
    # Days named in the coming week, by ISO weekday: "cancelled flights for Tuesday" after "will
    # walk out from Tuesday" is that Tuesday.
    ahead: dict[int, date] | None = None
    for_day: tuple[date, int] | None = None  # last weekday of a "for" list moved ahead, its end
    ref_end: int = -1  # where the expression that set `ref` ended
    coming_day: tuple[date, int] | None = None  # the last day named that is after the DCT, its end

    def coming_ref(self, pos: int) -> date | None:
        """First day of the last resolved date when it lies after the DCT and ended earlier in
        the same sentence as `pos` ("opens on May 30 and runs through the end of September"):
        a yearless date after it does not go back before it. Else None."""
        if (self.ref is None or self.dct is None or self.ref[1] <= self.dct or self.ref_end > pos
                or pos - self.ref_end > YEAR_HINT_REACH or _SENT_BREAK.search(self.text, self.ref_end, pos)
                or not _RANGE_TO_BEFORE.search(self.text, max(0, pos - 10), pos)):
            return None  # (only the end of a range: "payable Jan. 2 to holders of record Dec. 15")
        return self.ref[1]

    def hinted_year(self, pos: int, hint: tuple[int, int] | None = None) -> int | None:
        """The year of a bare "in YYYY" earlier in the same sentence (within YEAR_HINT_REACH
        chars) for a yearless month or day at pos, else None."""
        hint = hint or self.year_hint
        if hint is None or self.dct is None:
            return None
        y, end = hint
        if pos - end > YEAR_HINT_REACH or pos < end or _SENT_BREAK.search(self.text, end, pos):
            return None
        return y

    def ahead_year(self, pos: int) -> int | None:
        """The coming year a possessive names earlier in the sentence ("next year's race ... in
        mid-April") for a yearless month or day at pos, else None."""
        return self.hinted_year(pos, self.ahead_hint) if self.ahead_hint is not None else None

    def story_ref(self, pos: int) -> tuple[str, date] | None:
        """The narrative reference (gran, first day) for a yearless date at `pos`, when the text
        before it set the story in an earlier year than the DCT's (within STORY_REACH chars);
        None means resolve against the DCT."""
        if self.story is None or self.dct is None:
            return None
        gran, first, end = self.story
        if first.year >= self.dct.year or pos - end > STORY_REACH:
            return None
        return gran, first

    def story_day(self, pos: int) -> date | None:
        """The story's day for a bare weekday at `pos`: an explicit earlier-year day date no more
        than STORY_DAY_REACH chars before it in the same paragraph, else None (the weekday is
        near the DCT)."""
        ref = self.story_ref(pos)
        if (ref is None or ref[0] != "D" or pos - self.story[2] > STORY_DAY_REACH
                or "\n" in self.text[self.story[2]:pos]):
            return None
        return ref[1]

    def raw_tense(self, start: int, end: int) -> str | None:
        """The governing verb's tense class as tense_fn gives it ('past_direct', 'future_aux', ...),
        or the fixed fallback without a parse."""
        return self.tense_fn(start, end) if self.tense_fn is not None else self.tense_value

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None for the expression at [start, end): a deadline cue just
        before it ("until Tuesday", "as early as Monday", "payable by Dec. 7") looks ahead;
        otherwise the tense of the governing verb (tense_fn) or the fixed fallback."""
        t = self.raw_tense(start, end)
        if t == "future_aux":
            t = "future"
        if t == "present":  # placed like a tenseless date; see `present`
            t = None
        if t in ("past_perfect", "past_by"):  # "had filed by Wednesday", "Until Thursday, they had not"
            return "past"  # (and "11 percent of the crop cut by Sunday": a past verb's "by" is no deadline)
        direct_past = t == "past_direct"
        if t == "past_direct":
            t = "past"
        cue = _future_cue().search(self.text, max(0, start - 40), start)
        if cue and not (t == "past" and direct_past and _EARLY_CUE.match(cue.group(0))):
            # (but "opened as early as 5 a.m.": a past verb with "as early/soon as" happened)
            return "future"
        if _SINCE_BEFORE.search(self.text, max(0, start - 40), start):
            return "past"  # "since November", "since shortly after the Oct. 23 slaying"
        return t


    def happened_day(self, ref: date, start: int, end: int) -> date | None:
        """For a past-tense expression whose reference lies after the DCT, the last day named that
        has happened ("figures released a day earlier showed" after a coming "meeting on Aug. 7");
        None when the reference stands."""
        if (self.dct is not None and ref > self.dct and self.past_day is not None
                and self.tense(start, end) == "past"):
            return self.past_day[0]
        return None

    def present(self, start: int, end: int) -> bool:
        """The expression hangs on a present-tense verb ("the next meeting is on July 29"): it is
        placed from the DCT, never in an earlier story's year."""
        if self.tense_fn is None:
            return False
        return self.tense_fn(start, end) == "present"

    def reported_quarter(self, pos: int) -> date | None:
        """First day of the quarter the story reports on: the last quarter resolved before pos
        within STORY_REACH chars, else None."""
        if not self.periods or "Q" not in self.periods:
            return None
        first, end = self.periods["Q"]
        return first if end <= pos and pos - end <= STORY_REACH else None

    def horizon(self, start: int, end: int) -> int:
        """How far from the DCT (days) the verb's tense may place a yearless month or day: the
        default, or PAST_DIRECT_HORIZON_DAYS when the date hangs directly on a past-tense verb
        ("Since KKR bought RJR in February", DCT October: the February just gone)."""
        t = self.raw_tense(start, end)
        if _SINCE_BEFORE.search(self.text, max(0, start - 40), start):
            return PAST_DIRECT_HORIZON_DAYS
        if t == "future_aux":  # "will take effect in January" written in March: next January
            return FUTURE_HORIZON_DAYS
        if t == "past_direct" and not _future_cue().search(self.text, max(0, start - 40), start) \
                and not _THROUGH_BEFORE.search(self.text, max(0, start - 12), start):
            return PAST_DIRECT_HORIZON_DAYS
        return TENSE_HORIZON_DAYS


# "since" points back: "since November", "since early September", "since shortly after the
# Oct. 23 slaying", "since his Aug. 2 power-grab"
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:shortly|just|soon|right|immediately)\s+)?"
                           r"(?:(?:after|before)\s+)?(?:(?:the|his|her|its|their|last)\s+)?$", re.I)
_EARLY_CUE = re.compile(r"as\s+(?:early|soon)\s+as\b", re.I)
_RANGE_TO_BEFORE = re.compile(r"(?:\b(?:through|thru|until|till|to)\s+|[-–]\s*)$", re.I)
_THROUGH_BEFORE = re.compile(r"\b(?:through|thru)\s+$", re.I)
# A yearless month or day hanging directly on a past-tense verb is the last one before the DCT
# up to this far back (the default TENSE_HORIZON_DAYS also covers looser attachments).
PAST_DIRECT_HORIZON_DAYS = 330
# How far (in characters) an explicit earlier-year date keeps setting the story's year.
STORY_REACH = 600
STORY_DAY_REACH = 300
YEAR_HINT_REACH = 120
# How far back (chars) the last day-granularity date still dates a bare clock time.
CLOCK_DAY_REACH = 1200


@lru_cache(maxsize=1)
def _future_cue() -> re.Pattern:
    # ("scheduled for 10 a.m. on Monday": a clock time between a planning cue and the day; not after
    # "until", which a past verb often has: "stayed open until 2 a.m. on Sunday")
    return re.compile(r"\b" + _alt(lex()["future_cues"]) + r"\s+(?:on\s+|at\s+)?$"
                      r"|\b(?:scheduled|set|due)\s+(?:for\s+)?(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?\s+(?:on\s+)?$", re.I)


def _num(s: str | None) -> float | None:
    """Number of a quantity word or digits; None for vague quantities (several, a few)."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        s = s.replace(",", "")  # "1,277 days"
    nw = lex()["number_words"]
    if s in nw:
        return float(nw[s])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", s)
    if m:
        return float(m.group(1)) + (0.5 if s.endswith("1/2") else 0.0)
    m = re.fullmatch(r"(.+?) and a half", s)
    if m and _num(m.group(1)) is not None:
        return _num(m.group(1)) + 0.5
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in nw and parts[1] in nw and nw[parts[0]] >= 20:
        return float(nw[parts[0]] + nw[parts[1]])
    return None


def _month_ok(word: str) -> bool:
    w = word.rstrip(".").lower()
    if w in lex()["months_need_capital"] and not word[0].isupper():
        return False
    return True


def _month(word: str) -> int:
    return lex()["months"][word.rstrip(".").lower()]


def _unit(word: str) -> str:
    return lex()["units"][word.lower()]


def _is_time_unit(word: str) -> bool:
    return word.lower().startswith(("sec", "min", "hour", "hr"))


def _fmtnum(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration_value(n: float | None, unit_word: str) -> str:
    code = _unit(unit_word)
    time = _is_time_unit(unit_word)
    if code == "2W":
        code, n = "W", (None if n is None else 2 * n)
    if code == "DE":
        code, n = "Y", (None if n is None else 10 * n)  # "two decades" P20Y, as TimeBank writes it
    if code == "CE" and n is not None:
        code, n = "Y", 100 * n  # "a century" P100Y, as TimeBank writes it ("this century", "almost a hundred years")
    if n is not None and not float(n).is_integer():
        # 1.5 hours -> PT1H30M; 2.5 years -> P2Y6M
        smaller = {"H": (60, "M"), "Y": (12, "M"), "D": (24, "H"), "W": (7, "D")}
        if time and code in ("M", "S"):
            smaller = {"M": (60, "S")}  # minutes: 1.5 minutes -> PT1M30S
        if code in smaller:
            mult, sub = smaller[code]
            whole, frac = int(n), n - int(n)
            sub_t = time or (code == "D")
            head = f"{whole}{code}" if whole else ""
            if sub_t and not time:
                return f"P{head}T{_fmtnum(frac * mult)}{sub}"
            return ("PT" if time else "P") + head + f"{_fmtnum(frac * mult)}{sub}"
    q = "X" if n is None else _fmtnum(n)
    return ("PT" if time else "P") + f"{q}{code}"


def _fz(s: str | None) -> str | None:
    if not s:
        return None
    return lex()["fuzzy"].get(re.sub(r"\s+", " ", s.lower()))


def _ap(s: str | None) -> str | None:
    if not s:
        return None
    return lex()["approx"].get(re.sub(r"\s+", " ", s.lower()))


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _low(m: re.Match, name: str) -> str:
    v = _g(m, name)
    if not v:
        return ""
    v = re.sub(r"\s+", " ", v.lower())
    return "past" if v == "this past" else v  # "this past spring" is the last one


# ----------------------------------------------------------------------------- handlers


def h_iso(m, ctx):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"]:
        return Timex("TIME", f"{d.isoformat()}T{m['H']}:{m['M']}")
    return Timex("DATE", d.isoformat())


def h_slash(m, ctx):
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        d = date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Timex("DATE", d.isoformat())


def _clock(h: str | None, mi: str | None, ampm: str | None, word: str | None = None) -> str | None:
    if word:
        return lex()["time_words"][word.lower()]
    hh = int(h)
    mm = int(mi) if mi else 0
    if ampm:
        a = ampm.lower().replace(".", "")
        if hh < 1 or hh > 12:
            return None
        if a == "pm" and hh != 12:
            hh += 12
        elif a == "am" and hh == 12:
            hh = 0
    if hh > 24 or mm > 59:
        return None
    return f"{hh:02d}:{mm:02d}"


def h_day_date(m, ctx):
    if not _month_ok(m["mon"]):
        return None
    mon = _month(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group(0))
    clock = _clock(m["h"], m["mi"], m["ampm"]) if _g(m, "h") else None
    if _g(m, "h") and clock is None:
        return None
    typ = "TIME" if clock else "DATE"
    suffix = f"T{clock}" if clock else ""
    if m["y"]:
        try:
            return Timex(typ, date(int(m["y"]), mon, day).isoformat() + suffix)
        except ValueError:
            return None
    if day > 31 or (mon == 2 and day > 29) or (mon in (4, 6, 9, 11) and day > 30):
        return None
    ry = _range_end_year(ctx.text, m.end(), mon)
    if ry is not None:  # "from June 11 to July 19, 2026": the year written at the range's end
        try:
            return Timex(typ, date(ry, mon, day).isoformat() + suffix)
        except ValueError:
            return None
    if ctx.dct is None:
        return Timex(typ, f"XXXX-{mon:02d}-{day:02d}{suffix}", anchor="unresolved")
    wd = lex()["weekdays"][m["wd"].lower()] if m["wd"] else None

    def days_around(year: int) -> list[tuple[str, date]]:
        out = []
        for y in (year - 1, year, year + 1):
            try:
                out.append(("D", date(y, mon, day)))
            except ValueError:
                pass
        match = [c for c in out if wd is None or c[1].isoweekday() == wd]
        return match or out

    tense = ctx.tense(m.start(), m.end())
    hint = ctx.hinted_year(m.start())
    if hint is None or hint >= ctx.dct.year or tense == "future":
        hint = ctx.ahead_year(m.start()) if tense != "past" else None
    if hint is not None and hint != ctx.dct.year:
        try:  # "in 2024, most of it on April 29"; "next year's race will be on April 13"
            return Timex(typ, date(hint, mon, day).isoformat() + suffix, anchor="narrative")
        except ValueError:
            return None
    _, d = pick(days_around(ctx.dct.year), ctx.dct, tense)
    story = ctx.story_ref(m.start())
    if story is not None and tense != "future" and d > ctx.dct and not ctx.present(m.start(), m.end()):
        # a story set in an earlier year, whose date the DCT would put ahead: the nearest such
        # day to the story's date (TimeML's reference time)
        _, d = pick(days_around(story[1].year), story[1], None)
        return Timex(typ, d.isoformat() + suffix, anchor="narrative")
    horizon = ctx.horizon(m.start(), m.end())
    if horizon != TENSE_HORIZON_DAYS:
        _, d = pick(days_around(ctx.dct.year), ctx.dct, tense, horizon)
    coming = ctx.coming_ref(m.start()) if tense != "past" and not ctx.probe else None
    if coming is not None and d < coming:
        # "runs from March 29 to Oct. 24": a day after a coming date of the same sentence is
        # the first such day from it
        later = [c for _, c in days_around(coming.year) if c >= coming]
        if later:
            d = min(later)
    return Timex(typ, d.isoformat() + suffix, anchor="published")


@lru_cache(maxsize=1)
def _range_end() -> re.Pattern:
    mc = _macros()
    return re.compile(
        r"(?:\s*(?:to|through|until|till|and)\s+|\s*[-–]\s*)(?:(?:early|mid|late)[\s-]+)?(?P<mon>" + mc["MONTH"]
        + r")(?:\s+" + mc["DAYN"] + r")?,?\s+(?P<y>" + mc["YEAR"] + r")(?![\w%])", re.I)


def _range_end_year(text: str, end: int, mon: int) -> int | None:
    """The year of a range's end written right after a yearless month or day: "June 11 to July
    19, 2026" -> 2026 for June; a start month after the end month is in the year before
    ("December to March 2026")."""
    m = _range_end().match(text, end, min(len(text), end + 40))
    if m is None or not _month_ok(m["mon"]):
        return None
    y = int(m["y"])
    return y - 1 if mon > _month(m["mon"]) else y


def _deictic_period(gran: str, deic: str, dct: date) -> date:
    """this/last/next period of granularity `gran` relative to the DCT."""
    n = lex()["relative_deictic"].get(deic, 0)
    return shift(gran, start_of(gran, dct), n)


@lru_cache(maxsize=1)
def _month_range_next() -> re.Pattern:
    return re.compile(r"\s*[-–]\s*(?:" + _macros()["MONTH"] + r")\b", re.I)


@lru_cache(maxsize=1)
def _month_range_before() -> re.Pattern:
    return re.compile(r"\b(?:" + _macros()["MONTH"] + r")\s*[-–]\s*$", re.I)


def h_month(m, ctx):
    """A month; "July-September" (a quarter's three months as a range) is that quarter."""
    found = _month_value(m, ctx)
    nxt = _month_range_next().match(ctx.text, m.end()) if found is not None and not m["y"] else None
    if nxt is None or found.value is None or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d", found.value):
        return found
    first = int(found.value[5:])
    second = nxt.group(0).strip(" -–\t\n")
    if first % 3 != 1 or _month(second) != first + 2 \
            or _month_range_before().search(ctx.text, max(0, m.start() - 14), m.start()):
        return found
    end = nxt.end()
    if ctx.text[end:end + 1] == "." and len(second) <= 4:
        end += 1  # "Oct.-Dec.": the abbreviation's full stop
    return Timex("DATE", f"{found.value[:4]}-Q{(first - 1) // 3 + 1}", mod=found.mod, anchor=found.anchor,
                 span=(m.start(), end))


def _month_value(m, ctx):
    word = m["mon"]
    if not _month_ok(word):
        return None
    w = word.rstrip(".").lower()
    if len(w) <= 4 and w not in ("may", "june", "july") and not m["y"] and not (
            _month_range_next().match(ctx.text, m.end())
            or _month_range_before().search(ctx.text, max(0, m.start() - 14), m.start())):
        return None  # a bare abbreviation ("Jan") is too ambiguous; not in a range ("Jan.-March", "Oct.-Dec.")
    if (word == "March" and not (m["y"] or m["fz"] or m["deic"])
            and _MARCH_EVENT_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
            and _MARCH_EVENT_AFTER.match(ctx.text, m.end())):
        return None  # "the annual March for Life", "the March on Washington": a march
    mon = _month(word)
    mod = _fz(m["fz"])
    deic = _low(m, "deic")
    if m["y"] and not m["ydeic"]:
        return Timex("DATE", f"{int(m['y']):04d}-{mon:02d}", mod=mod)
    ry = None if deic else _range_end_year(ctx.text, m.end(), mon)
    if ry is not None:  # "between April and June 2025"
        return Timex("DATE", f"{ry:04d}-{mon:02d}", mod=mod)
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{mon:02d}", mod=mod, anchor="unresolved")
    dct = ctx.dct
    if m["ydeic"]:
        y = dct.year + lex()["relative_deictic"][m["ydeic"].lower()]
        return Timex("DATE", f"{y:04d}-{mon:02d}", mod=mod, anchor="published")
    story = ctx.story_ref(m.start()) if not deic else None
    hint = ctx.hinted_year(m.start()) if not deic else None
    if hint is not None and hint < dct.year and ctx.tense(m.start(), m.end()) != "future":
        return Timex("DATE", f"{hint:04d}-{mon:02d}", mod=mod, anchor="narrative")
    ahead = ctx.ahead_year(m.start()) if not deic else None
    if ahead is not None and ctx.tense(m.start(), m.end()) != "past":
        return Timex("DATE", f"{ahead:04d}-{mon:02d}", mod=mod, anchor="narrative")
    cands = [("M", date(y, mon, 1)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if story is not None:
        tense = ctx.tense(m.start(), m.end())
        if tense != "future" and pick(cands, dct, tense)[1] > dct and not ctx.present(m.start(), m.end()):
            # "in October" in a story set in 2012, which the DCT would put ahead: 2012's October
            return Timex("DATE", f"{story[1].year:04d}-{mon:02d}", mod=mod, anchor="narrative")
    if deic in ("last", "past"):
        s = max(c[1] for c in cands if c[1] < start_of("M", dct))
    elif deic in ("next", "coming"):
        s = min(c[1] for c in cands if c[1] > dct)
    elif deic == "this":
        s = date(dct.year, mon, 1)
    else:
        tense = ctx.tense(m.start(), m.end())
        _, s = pick(cands, dct, tense, ctx.horizon(m.start(), m.end()))
        if tense == "past" and s == start_of("M", dct) and dct.day < {"MID": 11, "END": 21}.get(mod, 0):
            # "since mid-April" written on April 5: that part of this April has not come yet
            s = date(dct.year - 1, mon, 1)
        coming = ctx.coming_ref(m.start()) if tense != "past" and not ctx.probe else None
        if coming is not None and s < start_of("M", coming):
            # "which opens on May 30 and runs through the end of September": after a coming
            # date in the same sentence, the first such month from it
            s = date(coming.year + (mon < coming.month), mon, 1)
    return Timex("DATE", fmt("M", s), mod=mod, anchor="published")


# "the annual March for Life", "a March on Washington", "the Women's March against ...": the
# noun (a determiner or possessive before it, a capitalized name after "for/of/on/against")
_MARCH_EVENT_BEFORE = re.compile(r"\b(?:the|a|an|annual|yearly|\w+['’]s?)\s+$", re.I)
_MARCH_EVENT_AFTER = re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z]")


def h_year(m, ctx):
    y = int(m["y"])
    pre = _low(m, "pre")
    if y < 1900 and not (pre or m["fz"]):
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if not re.search(r"\b(in|of|since|from|until|by|to|before|after|year)\s+$", before):
            return None
    return Timex("DATE", f"{y:04d}", mod=_fz(m["fz"]))


_YEAR2_BEFORE = re.compile(r"\b(?:in|since|of|from|until|by|before|after|to|class|season)\s+$", re.I)


def h_year2(m, ctx):
    """A two-digit year after a preposition: "in '58" (19xx unless within the DCT's century)."""
    if not _YEAR2_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None
    y = int(m["y2"])
    now = ctx.dct.year if ctx.dct else 2000
    full = 2000 + y if 2000 + y <= now else 1900 + y
    return Timex("DATE", f"{full:04d}")


def h_year_span(m, ctx):
    """A fiscal year, season or school year written across two years: "the 2025-26 fiscal year",
    "fiscal 2025-26", "the 2012-13 season", "2024/25". One DATE valued as its first year (as
    "fiscal 2025" keeps the year written; where the year starts is not known), its range the two
    calendar years it straddles. Any other pair of years ("2019-2022") is left to the year rule."""
    y = int(m["y"])
    second = m["y2"]
    if int(second) != (y + 1 if len(second) == 4 else (y + 1) % 100):
        return None
    if len(second) == 4 and not (m["fiscal"] or m["head"]):
        return None  # "2019-2020" alone may be two years; a head or "fiscal" makes it one period
    span = None
    if m["the"] and not m["head"] and not m["fiscal"]:
        span = (m.start("y"), m.end())  # "the 2025-26 budget": "the" is the budget's
    return Timex("DATE", f"{y:04d}", span=span, bounds=(date(y, 1, 1), date(y + 1, 12, 31)))


def _written_year(words: str) -> int | None:
    """1994 for "nineteen ninety-four", 2000 for "two thousand", 2003 for "two thousand and
    three"; None when a part is not a number word."""
    nw = lex()["number_words"]
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        base, rest = 2000, parts[2:]
    elif parts[0] == "nineteen":
        base, rest = 1900, parts[1:]
    else:
        return None
    if any(w not in nw for w in rest):
        return None
    return base + sum(int(nw[w]) for w in rest)


def h_written_year(m, ctx):
    """Years spoken in words (broadcast transcripts): "the year two thousand", "January
    nineteen ninety-seven", "the winter of nineteen ninety-four", bare "nineteen ninety-six"
    (a bare "two thousand" is a count)."""
    y = _written_year(m["wy"])
    if y is None:
        return None
    if m["mon"]:
        if not _month_ok(m["mon"]) or m["the"]:
            return None
        return Timex("DATE", f"{y:04d}-{_month(m['mon']):02d}")
    if m["s"]:
        return Timex("DATE", f"{y:04d}-{lex()['seasons'][m['s'].lower()]}")
    if m["yr"]:
        return Timex("DATE", f"{y:04d}")
    if m["the"] or y >= 2000:
        return None
    return Timex("DATE", f"{y:04d}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_HEAT = re.compile(r"degree|temperature|°|fahrenheit|celsius|percent|%|\bscore|\b(?:his|her)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def h_decade(m, ctx):
    if _g(m, "dw"):  # "the nineties", "the early sixties" (not temperatures or ages)
        # (an age is "in his seventies", never "the"; "his fame in the seventies" is the 1970s)
        if _HEAT.search(ctx.text, max(0, m.start() - 40), min(len(ctx.text), m.end() + 30)):
            return None
        m = _Groups(m, dec=None, dec2=str(_DECADE_WORDS[m["dw"].lower()]))
    if m["dec"]:
        v = m["dec"]
    else:
        d = int(m["dec2"])
        if ctx.dct and ctx.dct.year >= 2000 and d <= (ctx.dct.year % 100) // 10:
            v = f"20{d}"
        else:
            v = f"19{d}"
    return Timex("DATE", v, mod=_fz(m["fz"]))


def h_century(m, ctx):
    n = lex()["ordinals"].get(m["ord"].lower())
    if not n or n < 1:
        return None
    span = None
    if m["the"] and not m["fz"] and m.group(0).lower().endswith("-century"):
        span = (m.start("ord"), m.end())  # "the 14th-century church": "the" is the church's
    return Timex("DATE", f"{n - 1:02d}", mod=_fz(m["fz"]), span=span)


def _season_instances(code: str, dct: date) -> list[tuple[str, date]]:
    sm = SEASON_START[code]
    return [(code, date(y, sm, 1)) for y in range(dct.year - 2, dct.year + 2)]


# a year the sentence names for its record ("Last year saw the driest spring", "was in 2011"), which the
# bare season cannot be placed without
_YEAR_IN_SENTENCE = re.compile(r"\b(?:last|this|next) year\b|\b(?:in|of) (?:1[89]|20)\d\d\b", re.I)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text from the last sentence end before `start` to the next one after `end` (at most 200
    characters each way)."""
    lo = max(text.rfind(". ", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start), 0)
    hi = text.find(".", end, end + 200)
    return text[lo:hi if hi >= 0 else end + 200]


_SUPERLATIVE_BEFORE = re.compile(r"\b(?:the|this|last)\s+(?:driest|wettest|coldest|hottest|warmest|coolest|"
                                 r"mildest|sunniest|dullest|stormiest)\s+$", re.I)
_SEASON_PREP_BEFORE = re.compile(r"\b(?:in|during|by|until|till|through|since|over|for|from|before|after|"
                                 r"throughout|into)\s+$", re.I)
_DECLINE_AFTER = re.compile(r"\s+(?:in|of)\s+(?!(?:1[89]|20)\d\d\b|this\b|last\b|next\b|that\b)", re.I)


def h_season(m, ctx):
    code = lex()["seasons"][m["s"].lower()]
    deic = _low(m, "deic")
    mod = _fz(m["fz"])
    if m["s"].lower() in ("fall", "spring") and not (deic or m["y"] or m["fz"]) \
            and not (m["s"].lower() == "spring" and _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
                     and not _YEAR_IN_SENTENCE.search(_sentence_around(ctx.text, m.start(), m.end()))):
        return None  # ("the driest spring since 1976" is the season: a weather record for it)
    if (m["s"].lower() == "fall" and deic == "the" and not (m["y"] or m["fz"])
            and (not _SEASON_PREP_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
                 or _DECLINE_AFTER.match(ctx.text, m.end()))):
        # "The fall reflects weak exports", "the fall in sales", "because of the fall in
        # October": a decline ("in the fall", "during the fall" stay the season)
        return None
    if m["s"][0].isupper() and m.start("s") > 0 and not deic and not m["y"]:
        before = ctx.text[max(0, m.start("s") - 2):m.start("s")]
        if re.search(r"[A-Za-z]\s$", before) and ctx.text[m.start("s") - 2].isalpha():
            prev = re.search(r"(\w+)\s+$", ctx.text[:m.start("s")])
            if prev and prev.group(1)[0].isupper():
                return None  # "Arab Spring", "Prague Spring"
    if _g(m, "y0"):  # "its 2006 autumn conference", "the 2004 summer games"
        if m["s"][0].isupper():
            return None  # "the 2002 Winter Olympics": a name (the year is tagged alone)
        return Timex("DATE", f"{int(m['y0']):04d}-{code}", mod=mod, span=(m.start("y0"), m.end()))
    if m["y"]:
        return Timex("DATE", f"{int(m['y']):04d}-{code}", mod=mod)
    if deic in ("the following", "the next", "the previous", "that"):
        # narrative: "by the following spring" after "Nov. 12, 2025" is 2026's spring
        base, anchor = _ref_day(ctx) if ctx.ref is None or ctx.ref[0] == "D" else (ctx.ref[1], "narrative")
        if base is None:
            return Timex("DATE", f"XXXX-{code}", mod=mod, anchor="unresolved")
        inst = _season_instances(code, base) + [(code, date(base.year + 2, SEASON_START[code], 1))]
        if deic == "the previous":
            s = max(s for _, s in inst if end_of(code, s) < base)
        elif deic == "that":
            s = min((s for _, s in inst if end_of(code, s) >= base), default=inst[-1][1])
        else:
            s = min(s for _, s in inst if s > base)
        return Timex("DATE", fmt(code, s), mod=mod, anchor=anchor)
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{code}", mod=mod, anchor="unresolved")
    dct = ctx.dct
    inst = _season_instances(code, dct)
    if deic in ("last", "past"):
        s = max(s for _, s in inst if end_of(code, s) < dct)
    elif deic in ("next", "coming"):
        s = min(s for _, s in inst if s > dct)
    elif deic == "this":
        # the season we are in; else the one just ended or the coming one, by the verb's tense
        # ("did not launch a blockade this winter" in March: the winter that just ended)
        inside = [s for _, s in inst if s <= dct <= end_of(code, s)]
        if inside:
            s = inside[0]
        else:
            prev = max(s for _, s in inst if end_of(code, s) < dct)
            nxt = min(s for _, s in inst if s > dct)
            tense = ctx.tense(m.start(), m.end())
            if tense == "past" and (dct - end_of(code, prev)).days > THIS_SEASON_PAST_DAYS \
                    and (nxt - dct).days <= THIS_SEASON_NEXT_DAYS:
                # "Enrollment rose this fall" written on Aug. 18: the fall about to start, not
                # the one that ended nine months ago
                s = nxt
            elif tense == "past":
                s = prev
            elif tense == "future":
                s = nxt
            else:  # the one that falls in the DCT's year ("this summer" in January), else nearest
                same = [c for c in (prev, nxt) if dct.year in (c.year, end_of(code, c).year)]
                if len(same) == 1:
                    s = same[0]
                else:
                    s = prev if (dct - end_of(code, prev)).days <= (nxt - dct).days else nxt
    else:
        _, s = pick(inst, dct, ctx.tense(m.start(), m.end()))
    return Timex("DATE", fmt(code, s), mod=mod, anchor="published")



# How near (days) a season must have ended for a past "this <season>" to be the one gone.
THIS_SEASON_PAST_DAYS = 92
# ... and how near the next must start for it to be the one meant ("It was wet this spring"
# written on Jan. 10 stays the spring gone).
THIS_SEASON_NEXT_DAYS = 31


# A sports, flu or holiday "season": "this season", "last season", "the season", "each season",
# "five seasons", "the past three seasons", "recent seasons". Not a compound noun ("season
# ticket", "the season opener", "season-high"), a name ("Four Seasons", "Season 3"), a
# possessive's own season ("his last season"), nor bare "the season" before a noun.
_SEASON_NOUN_AFTER = re.compile(r"\s+(?:tickets?|opener|openers|finale|premiere|debut|high|low|best|"
                                r"record|pass|passes|holders?|games?|stats|total|totals|averages?)\b", re.I)
_SEASON_THE_AFTER = re.compile(
    r"\s*(?:[,.;:!?)\"'”’]|'s\b|’s\b|$|--)|\s+(?:and|or|but|as|because|while|if|when|than|to|at|in|on|for|"
    r"of|with|is|are|was|were|will|would|could|has|had|have|began|begins|started|starts|ended|ends|"
    r"opened|opens|closed|closes|so\s+far|before|after|since|until|ahead|progress|progressed|"
    r"wore|wears|went|goes|he|she|they|it|we)\b", re.I)
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:his|her|its|their|our|my|your)|['’]s?)\s+$", re.I)


@lru_cache(maxsize=1)
def _season_year_cue() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, lex()["season_year_cues"])) + r")\b", re.I)


def _calendar_season(dct: date, step: int) -> Timex:
    """The calendar season holding the DCT (step 0), the one before (-1) or after (+1)."""
    first = date(dct.year - (dct.month < 3), 12, 1) if dct.month in (12, 1, 2) else date(dct.year, dct.month - dct.month % 3, 1)
    first = add_months(first, 3 * step)
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[first.month]
    return Timex("DATE", fmt(code, first), anchor="published")


def h_sport_season(m, ctx):
    text = ctx.text
    word = m.group(0).split()[-1]
    if word[0].isupper() and not m.group(0).isupper():
        return None  # "Four Seasons", "Season 3", "the Christmas Season" in a title
    if _SEASON_NOUN_AFTER.match(text, m.end()):
        return None
    if _g(m, "deic") and _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # "his last season", "the team's next season": an ordinal season
    dct = ctx.dct
    if _g(m, "q"):
        q = m["q"].lower()
        if q in ("a", "per") and not _is_rate(text, m.start()):
            return None
        return Timex("SET", "P1Y", quant={"every": "EVERY", "each": "EACH"}.get(q))
    if _g(m, "recent"):
        return Timex("DURATION", "PXY")
    if _g(m, "n"):
        nword = m["n"].lower()
        if nword in ("a", "an", "one") and not _g(m, "the") and not _g(m, "which"):
            return None  # "a season to forget", "one season": too often not a span
        n = _num(m["n"])
        plural = word.lower().endswith("s")
        if n is None and not plural:
            return None
        if n is not None and (n != int(n) or (n > 1) != plural):
            return None  # "two season" (an adjective), "half a season"
        return Timex("DURATION", f"P{int(n)}Y" if n is not None else "PXY", mod=_ap(m["ap"]),
                     span=_after_ap(m))
    deic = re.sub(r"^the\s+", "", _low(m, "deic"))
    if deic == "the" and not _SEASON_THE_AFTER.match(text, m.end()):
        return None  # "the season finale", "the season's" is kept above
    shift_y = {"last": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1}.get(deic, 0)
    if deic in ("previous", "following", "same", "that", "the"):
        ref = ctx.story_ref(m.start()) if deic == "the" else ctx.ref
        if ref is not None:
            return Timex("DATE", f"{ref[1].year + shift_y:04d}", anchor="narrative")
    if dct is None:
        return Timex("DATE", "XXXX", anchor="unresolved")
    if deic in ("this", "current", "last", "next", "coming", "upcoming") and not _season_year_cue().search(text):
        # no game, flu, show or holiday in the story: "stopped buying soybeans this season"
        # written in October is this autumn, not the whole year (no "season" in TBAQ)
        return _calendar_season(dct, shift_y)
    return Timex("DATE", f"{dct.year + shift_y:04d}", anchor="published")

def h_quarter(m, ctx):
    if _g(m, "yd1"):  # "next year's first quarter" is "the first quarter of next year"
        m = _Groups(m, ydeic=m["yd1"])
    u = "Q" if m["u"].lower() == "quarter" else "H"
    ordw = m["ord"].lower()
    det = _low(m, "det")
    span = None
    if det in ("its", "a", "their"):
        span = (m.start("fiscal") if m["fiscal"] else m.start("ord"), m.end())
    n = lex()["ordinals"].get(ordw)
    if u == "H" and not (_g(m, "y") or _g(m, "ydeic") or _g(m, "fiscal")) and _SPORT_HALF.match(
            ctx.text, m.end()):
        return None  # "covered the second half in 59:51", "the first half of the match"
    year_given = None
    if _g(m, "y"):
        year_given = int(m["y"])
    elif _g(m, "y1"):  # "2025's fourth quarter"
        year_given = int(m["y1"])
    year_anchor = "absolute"
    if _g(m, "ythe"):  # "the second half of the year"
        year_given, year_anchor = _the_year(ctx, m.start())
    if ctx.dct is None and year_given is None:
        if n and n > 0:
            return Timex("DATE", f"XXXX-{u}{n}", anchor="unresolved", span=span)
        return Timex("DATE", unknown(u), anchor="unresolved", span=span)
    if n is not None and n > 0:
        if (u == "Q" and n > 4) or (u == "H" and n > 2):
            return None
        first_month = 3 * (n - 1) + 1 if u == "Q" else 6 * (n - 1) + 1
        if year_given is not None:
            return Timex("DATE", fmt(u, date(year_given, first_month, 1)), anchor=year_anchor, span=span)
        dct = ctx.dct
        if _g(m, "ydeic"):
            y = dct.year + lex()["relative_deictic"][m["ydeic"].lower()]
            return Timex("DATE", fmt(u, date(y, first_month, 1)), anchor="published", span=span)
        cands = [(u, date(y, first_month, 1)) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if det == "last":
            s = max(s for _, s in cands if end_of(u, s) < dct)
        elif det == "next":
            s = min(s for _, s in cands if s > dct)
        else:
            _, s = pick(cands, dct, ctx.tense(m.start(), m.end()))
        return Timex("DATE", fmt(u, s), anchor="published", span=span)
    # latest / previous / past / current / final
    if ctx.dct is None:
        return Timex("DATE", unknown(u), anchor="unresolved", span=span)
    cur = start_of(u, ctx.dct)
    if ordw in ("latest", "previous", "past"):
        cur = shift(u, cur, -1)
    elif ordw in ("final", "last"):
        y = year_given or ctx.dct.year
        if _g(m, "ydeic"):  # "the last quarter of last year"
            y = ctx.dct.year + lex()["relative_deictic"][m["ydeic"].lower()]
        cur = date(y, 10 if u == "Q" else 7, 1)
    return Timex("DATE", fmt(u, cur), anchor="published", span=span)


def _the_year(ctx, pos: int) -> tuple[int | None, str]:
    """The year "the year" means at pos ("the first half of the year") and its anchor: a bare
    "in 2019" earlier in the sentence, else the earlier-year story's, else the DCT's."""
    hint = ctx.hinted_year(pos)
    if hint is not None:
        return hint, "narrative"
    story = ctx.story_ref(pos)
    if story is not None:
        return story[1].year, "narrative"
    if ctx.dct is None:
        return None, "unresolved"
    return ctx.dct.year, "published"


# "the first six months of 2025" is its first half, "the last three months of the year" its
# fourth quarter: one DATE (TimeML), not a duration and a year
_MONTHS_PART = {("first", 3): "Q1", ("first", 6): "H1", ("last", 3): "Q4", ("last", 6): "H2"}


def h_months_of_year(m, ctx):
    n = int(_num(m["n"]))
    code = _MONTHS_PART[("first" if m["ord"].lower() == "first" else "last", n)]
    if _g(m, "y"):
        y, anchor = int(m["y"]), "absolute"
    elif _g(m, "ydeic"):
        if ctx.dct is None:
            return Timex("DATE", f"XXXX-{code}", anchor="unresolved")
        y, anchor = ctx.dct.year + lex()["relative_deictic"][m["ydeic"].lower()], "published"
    else:
        y, anchor = _the_year(ctx, m.start())
        if y is None:
            return Timex("DATE", f"XXXX-{code}", anchor="unresolved")
    return Timex("DATE", f"{y:04d}-{code}", anchor=anchor)


_SPORT_HALF = re.compile(r"\s+(?:in\s+\d{1,2}:\d\d|of\s+the\s+(?:race|match|game|season|course|"
                         r"marathon|contest|fight|bout|final|tie))\b", re.I)


def h_week_number(m, ctx):
    """ISO week numbers: "week 23" (the DCT's year, or the nearest), "week 23 of 2026"."""
    n = int(m["n"])
    if not 1 <= n <= 53:
        return None
    y = _g(m, "y") or _g(m, "y1")
    if y:
        try:
            return Timex("DATE", fmt("W", date.fromisocalendar(int(y), n, 1)))
        except ValueError:
            return None
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-W{n:02d}", anchor="unresolved")
    cands = []
    for yy in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            cands.append(("W", date.fromisocalendar(yy, n, 1)))
        except ValueError:
            pass
    _, s = pick(cands, ctx.dct, ctx.tense(m.start(), m.end()))
    return Timex("DATE", fmt("W", s), anchor="published")


def h_quarter_code(m, ctx):
    u, n = m["u"].upper(), int(m["n"])
    if u == "H" and n > 2:
        return None
    first_month = 3 * (n - 1) + 1 if u == "Q" else 6 * (n - 1) + 1
    if m["y"]:
        return Timex("DATE", fmt(u, date(int(m["y"]), first_month, 1)))
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{u}{n}", anchor="unresolved")
    cands = [(u, date(y, first_month, 1)) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    _, s = pick(cands, ctx.dct, ctx.tense(m.start(), m.end()))
    return Timex("DATE", fmt(u, s), anchor="published")


def h_quarter_year(m, ctx):
    """A quarter or half named by its year: "the 1988 second quarter" (1988-Q2), "the
    year-earlier third quarter" (the third quarter read as usual, a year back). Without an
    ordinal ("the 1988 quarter", "the year-ago quarter") it is the story's quarter (the last
    quarter resolved within STORY_REACH chars before it) in that year; else "the 1988 quarter"
    leaves the quarter unknown and "the year-ago quarter" is the last complete one before the
    DCT, a year back (the quarter an earnings report compares)."""
    uw = m["u"].lower()
    if uw == "period":  # "the year-ago period", "the 1988 period": the story's quarter or half
        if _g(m, "ord"):
            return None
        if not ctx.periods or ctx.probe or ctx.last_type == "DURATION":
            # "in the first nine months ... the 1988 period": the period is that span
            if _g(m, "y"):
                return Timex("DATE", m["y"])
            if not ctx.probe and ctx.dct is not None and _g(m, "cmp") and _g(m, "ya") and ctx.last_type != "DURATION":
                # "down 2% from the same period last year" with no quarter or half named: a year
                # back is all that is known (was the story's year, through the spaCy fallback)
                base = ctx.ref[1] if ctx.ref is not None else ctx.dct
                return Timex("DATE", f"{base.year - 1:04d}", anchor="narrative")
            # no quarter named before: the spaCy fallback may still read it
            return Timex("DATE", "XXXX-QX", anchor="unresolved") if ctx.probe else None
        u = max(ctx.periods, key=lambda k: ctx.periods[k][1])
    else:
        u = "Q" if uw == "quarter" else "H"
    n = lex()["ordinals"].get(_low(m, "ord")) if _g(m, "ord") else None
    if n is not None and ((u == "Q" and not 1 <= n <= 4) or (u == "H" and not 1 <= n <= 2)):
        return None
    ref = None
    if ctx.periods and u in ctx.periods and m.start() - ctx.periods[u][1] <= STORY_REACH:
        ref = (u, ctx.periods[u][0])
    if _g(m, "y"):
        y = int(m["y"])
        if n is None and ref is None:
            return Timex("DATE", f"{y}-{u}X")
        first_month = (3 * (n - 1) + 1 if u == "Q" else 6 * (n - 1) + 1) if n else ref[1].month
        anchor = "absolute" if n else "narrative"
        return Timex("DATE", fmt(u, date(y, first_month, 1)), anchor=anchor)
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{u}{n}" if n else unknown(u), anchor="unresolved")
    if n is not None:
        first_month = 3 * (n - 1) + 1 if u == "Q" else 6 * (n - 1) + 1
        cands = [(u, date(y, first_month, 1)) for y in (ctx.dct.year - 1, ctx.dct.year)]
        cands = [c for c in cands if c[1] < ctx.dct] or cands
        s = cands[-1][1]  # the latest such period begun by the DCT: the one being compared
        return Timex("DATE", fmt(u, date(s.year - 1, s.month, 1)), anchor="published")
    if ref is not None:
        return Timex("DATE", fmt(u, date(ref[1].year - 1, ref[1].month, 1)), anchor="narrative")
    # the period being reported is the last complete one before the DCT
    s = shift(u, start_of(u, ctx.dct), -1)
    return Timex("DATE", fmt(u, date(s.year - 1, s.month, 1)), anchor="published")


def h_latest_period(m, ctx):
    """"the latest period" in an earnings story: the quarter or half it reports (the last one
    resolved within STORY_REACH chars before it); nothing when none was named."""
    if ctx.probe:
        return Timex("DATE", "XXXX-QX", anchor="unresolved")
    best = None
    for u, (first, end) in (ctx.periods or {}).items():
        if end <= m.start() and m.start() - end <= STORY_REACH and (best is None or end > best[2]):
            best = (u, first, end)
    if best is None:
        return None
    return Timex("DATE", fmt(best[0], best[1]), anchor="narrative")


class _Groups:
    """A match seen through named groups that may be absent (None), for handler reuse."""

    def __init__(self, m: re.Match, **override):
        self._m, self._g = m, {**m.groupdict(), **override}

    def __getitem__(self, name):
        return self._g.get(name)

    def group(self, name):
        return self._g.get(name)

    def start(self, *a):
        return self._m.start(*a)

    def end(self, *a):
        return self._m.end(*a)


def h_week_of(m, ctx):
    """"the week of March 6": the ISO week holding that day."""
    tx = h_day_date(_Groups(m), ctx)
    if tx is None:
        return None
    p = parse_value(tx.value)
    if p is None or p[0] != "D":
        return Timex("DATE", "XXXX-WXX", anchor="unresolved")
    return Timex("DATE", fmt("W", start_of("W", p[1])), anchor=tx.anchor)


def _dp(word: str | None) -> str | None:
    return lex()["day_parts"].get(word.lower()) if word else None


# "the BBC's Today programme", "NBC's Today show": a capitalized day word inside a sentence,
# followed by a name or a programme noun, is a title
_TITLE_AFTER_DAY_WORD = re.compile(r"[ \t]+(?:[A-Z][a-z]+|programmes?|programs?|shows?|newspapers?)\b")
_PREV_CHAR = re.compile(r"(\S)\s*$")


def _day_word_in_title(m, ctx) -> bool:
    word = m["rd"]
    if not word[:1].isupper() or m["fz"] or m["dp"] or m.start("rd") != m.start():
        return False
    prev = _PREV_CHAR.search(ctx.text, max(0, m.start() - 3), m.start())
    if prev is None or not prev.group(1).isalnum():
        return False  # at a sentence, quote or line start: the day
    return _TITLE_AFTER_DAY_WORD.match(ctx.text, m.end()) is not None


def h_relday(m, ctx):
    if _day_word_in_title(m, ctx):
        return None
    rd = _low(m, "rd")
    off = lex()["relative_days"][rd]
    dp = _dp(m["dp"]) or ("NI" if rd == "tonight" else None)
    typ = "TIME" if dp else "DATE"
    mod = _day_mod(m)  # "late yesterday": the day, END
    if ctx.dct is None:
        return Timex(typ, "XXXX-XX-XX" + (f"T{dp}" if dp else ""), mod=mod, anchor="unresolved")
    d = ctx.dct + timedelta(days=off)
    return Timex(typ, d.isoformat() + (f"T{dp}" if dp else ""), mod=mod, anchor="published")


def _day_mod(m) -> str | None:
    """START/MID/END for "early/mid/late" before a day ("late yesterday", "early Tuesday",
    "mid-afternoon yesterday"); "earlier/later yesterday" stay inside the extent (TimeBank)
    with no mod: the expression is still that day."""
    fz = _low(m, "fz")
    return _fz(fz) if fz in ("early", "late", "mid") else None


def _ref_day(ctx) -> tuple[date | None, str]:
    """Narrative reference day and the anchor it gives (falls back on the DCT)."""
    if ctx.ref is not None and ctx.ref[0] == "D":
        return ctx.ref[1], "narrative"
    if ctx.dct is not None:
        return ctx.dct, "published"
    return None, "unresolved"


def h_daypart(m, ctx):
    deic = _low(m, "deic")
    dp = _dp(m["dp"])
    if (m["deic"][0].isupper() and m["dp"][0].isupper() and m.start() > 0
            and not _SENT_START.search(ctx.text, max(0, m.start() - 4), m.start())):
        return None  # "an interview on ITV1's This Morning": a programme's name
    if deic in ("this", "last", "tomorrow", "yesterday"):
        base, anchor = ctx.dct, "published"
        off = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[deic]
        if deic == "last" and dp != "NI":
            off = -1
    else:
        base, anchor = _ref_day(ctx)
        if anchor == "published" and ctx.day is not None and m.start() - ctx.day[1] <= CLOCK_DAY_REACH:
            # "that evening", "the next morning" after "on Wednesday" and a coarser reference
            # since ("Four years ago, ..."): the day the story last named, as for a bare clock
            base, anchor = ctx.day[0], "narrative"
        off = {"the next": 1, "the following": 1, "the previous": -1}.get(deic, 0)
    if base is None:
        return Timex("TIME", f"XXXX-XX-XXT{dp}", anchor="unresolved")
    return Timex("TIME", f"{(base + timedelta(days=off)).isoformat()}T{dp}", anchor=anchor)


def _weekday_date(wd: int, deic: str, dct: date, tense: str | None) -> date:
    cands = [dct + timedelta(days=k) for k in range(-7, 8) if (dct + timedelta(days=k)).isoweekday() == wd]
    if deic in ("last", "past"):
        return max(c for c in cands if c < dct)
    if deic == "next":
        return min(c for c in cands if c > dct)
    if deic in ("this", "coming"):
        return min(c for c in cands if c >= dct)
    if tense == "past":
        return max(c for c in cands if c <= dct)
    if tense == "future":
        return min(c for c in cands if c >= dct)
    # News reports what happened: with no tense, the weekday is the latest one up to the DCT.
    return max(c for c in cands if c <= dct)


# "The Sunday Times", "the Monday Night Football": a weekday between "the" and a capitalized
# word is part of a name (not "the Friday March 3 meeting": months and digits stay dates)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")


_ON_AFTER_FZ = re.compile(r"\s+on\s", re.I)
_SCHEDULE_VERB_BEFORE = re.compile(r"\b(?:close[sd]?|closing|shut|shuts|end|ends|ended|finish(?:es|ed)?|leave|leaves|"
                                   r"left|arrive[sd]?|arriving|start(?:s|ed)?|open(?:s|ed)?|come|comes|came|"
                                   r"run|runs|ran|is|are|was|were|be|been)\s+$", re.I)


def h_weekday(m, ctx):
    wd = lex()["weekdays"][m["wd"].lower()]
    dp = _dp(m["dp"])
    deic = _low(m, "deic")
    if (not deic and not m["dp"] and not m["pl"] and _THE_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start())
            and (nxt := _NAME_AFTER.match(ctx.text, m.end())) is not None
            and nxt.group(0).strip().lower().rstrip(".") not in lex()["months"]):
        return None
    if m["pl"]:
        if deic:
            return None
        return Timex("SET", f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""))
    typ = "TIME" if dp else "DATE"
    suffix = f"T{dp}" if dp else ""
    mod = _day_mod(m)
    if mod is not None:
        tx = h_weekday(_Groups(m, fz=None), ctx)
        if tx is not None and _ON_AFTER_FZ.match(ctx.text, m.end("fz")) and _SCHEDULE_VERB_BEFORE.search(
                ctx.text, max(0, m.start() - 12), m.start()):
            # "will close early on Wednesday", "arrived late on Monday": ahead of or behind
            # time, not the day's start or end
            return Timex(tx.type, tx.value, anchor=tx.anchor, span=(m.start("wd"), m.end()))
        return None if tx is None else Timex(tx.type, tx.value, mod=mod, anchor=tx.anchor)
    if deic in ("that", "the previous", "the following", "the next"):
        # narrative: "that Friday", "down 4.5% from the previous Friday" (the one before the
        # story's day), "the following Monday" (the one after it)
        base, anchor = _ref_day(ctx)
        if base is None:
            return Timex(typ, f"XXXX-WXX-{wd}{suffix}", anchor="unresolved")
        how = {"the previous": "last", "the following": "next", "the next": "next"}.get(deic, "")
        d = _weekday_date(wd, how, base, None)
        return Timex(typ, d.isoformat() + suffix, anchor=anchor)
    if ctx.dct is None:
        return Timex(typ, f"XXXX-WXX-{wd}{suffix}", anchor="unresolved")
    day = ctx.story_day(m.start()) if not deic else None
    tense = ctx.tense(m.start(), m.end())
    if day is not None and tense != "future":  # "Sunday night" in a story dated Oct. 23, 2012
        return Timex(typ, _weekday_date(wd, "", day, tense).isoformat() + suffix, anchor="narrative")
    d = _weekday_date(wd, deic, ctx.dct, tense)
    if not deic and d <= ctx.dct and not ctx.probe:
        ahead = _for_day_ahead(m, ctx, wd)
        if ahead is not None:
            return Timex(typ, ahead.isoformat() + suffix, anchor="narrative")
    return Timex(typ, d.isoformat() + suffix, anchor="published")


# "cancelled 400 flights for Tuesday and Wednesday": a weekday the arrangement is for
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or|,)\s*", re.I)


def _for_day_ahead(m, ctx, wd: int) -> date | None:
    """A weekday after "for" that the story already named in the coming week ("will walk out
    from Tuesday" ... "had cancelled 400 flights for Tuesday") is that day, whatever the verb's
    tense; the next day of the same list ("... and Wednesday") follows it."""
    if _FOR_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start()):
        d = (ctx.ahead or {}).get(wd)
        if d is not None:
            ctx.for_day = (d, m.end())
        return d
    if ctx.for_day is not None and _LIST_GAP.fullmatch(ctx.text, ctx.for_day[1], m.start()):
        prev = ctx.for_day[0]
        d = prev + timedelta(days=(wd - prev.isoweekday()) % 7 or 7)
        ctx.for_day = (d, m.end())
        return d
    return None


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * mm + 90) // 25
    return date(y, month, (h + l_ - 7 * mm + 33 * month + 19) % 32)


_WD_CODE = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}


def holiday_date(code: str, y: int) -> date:
    """The day of a holiday code of the lexicon in year y: "12-25", "11-TH4" (the fourth
    Thursday of November), "05-MO-1" (the last Monday of May), "EASTER-2" (Good Friday),
    "11-MO1+1" (the day after the first Monday of November)."""
    if code.startswith("EASTER"):
        return _easter(y) + timedelta(days=int(code[6:]))
    mon, rest = int(code[:2]), code[3:]
    if rest.isdigit():
        return date(y, mon, int(rest))
    after = 0
    if "+" in rest:  # "11-MO1+1": the day after the first Monday (US Election Day)
        rest, off = rest.split("+")
        after = int(off)
    wd, n = _WD_CODE[rest[:2]], int(rest[2:])
    if n > 0:
        first = date(y, mon, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1) + after)
    last = add_months(date(y, mon, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


# "Challenger, Gray & Christmas", "Marks & Spencer": a holiday word joined by "&" is a name
_AMPERSAND_BEFORE = re.compile(r"&\s*$")


def h_holiday(m, ctx):
    code = lex()["holidays"][_low(m, "hol")]
    if not m["y"] and _AMPERSAND_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()):
        return None
    if (not m["deic"] and _low(m, "hol") in lex()["holiday_day_names"] and m.start() > 2
            and (prev := re.search(r"([A-Z][a-z]+)\s+$", ctx.text[max(0, m.start() - 20):m.start()])) is not None
            and not _SENT_START.search(ctx.text, max(0, m.start() - 3 - len(prev.group(0))), m.start() - len(prev.group(0)))
            and prev.group(1).lower() not in lex()["weekdays"] and prev.group(1).lower() not in lex()["months"]):
        return None  # "National Holocaust Memorial Day": another day of that name
    if _low(m, "deic") in ("every", "each"):
        # "every New Year's Eve": a SET of a fixed day; a movable feast ("every Easter") recurs
        # yearly on no one day of the calendar
        if m["y"]:
            return None
        return Timex("SET", f"XXXX-{code}" if code[3:].isdigit() else "P1Y", quant=_low(m, "deic").upper())
    if m["y"]:
        return Timex("DATE", holiday_date(code, int(m["y"])).isoformat())
    if ctx.dct is None:
        md = code if code[3:].isdigit() else None
        return Timex("DATE", f"XXXX-{md}" if md else "XXXX-XX-XX", anchor="unresolved")
    dct = ctx.dct
    cands = [("D", holiday_date(code, y)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    deic = _low(m, "deic")
    if deic == "last":
        s = max(s for _, s in cands if s < dct)
    elif deic == "next":
        s = min(s for _, s in cands if s > dct)
    else:
        _, s = pick(cands, dct, ctx.tense(m.start(), m.end()))
    return Timex("DATE", s.isoformat(), anchor="published")


def h_nth_weekday(m, ctx):
    """"the second Tuesday of January" (the year by the verb's tense, like a month), "the last
    Monday in May 2027"."""
    if not _month_ok(m["mon"]):
        return None
    mon = _month(m["mon"])
    n = lex()["ordinals"][m["ord"].lower()]
    code = f"{mon:02d}-{_weekday_code(m['wd'])}{n}"
    if m["y"]:
        return Timex("DATE", holiday_date(code, int(m["y"])).isoformat())
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-{mon:02d}-XX", anchor="unresolved")
    dct = ctx.dct
    cands = [("D", holiday_date(code, y)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    _, s = pick(cands, dct, ctx.tense(m.start(), m.end()), ctx.horizon(m.start(), m.end()))
    return Timex("DATE", s.isoformat(), anchor="published")


def _weekday_code(word: str) -> str:
    return {v: k for k, v in _WD_CODE.items()}[lex()["weekdays"][word.lower()]]


def h_weekend(m, ctx):
    w = m.group(0).split()[0].lower()
    if w == "this" and m.group(0).split()[1].lower() == "past":
        w = "past"  # "this past weekend"
    if ctx.dct is None:
        return Timex("DATE", "XXXX-WXX-WE", anchor="unresolved")
    dct = ctx.dct
    this = start_of("WE", dct)
    if w in ("last", "past"):
        s = this if dct > end_of("WE", this) else shift("WE", this, -1)
        if dct.isoweekday() < 6:
            s = shift("WE", this, -1)
    elif w in ("next",):
        s = shift("WE", this, 1)
    elif w in ("this", "coming"):
        s = this
    elif w == "that":
        base, anchor = _ref_day(ctx)
        return Timex("DATE", fmt("WE", start_of("WE", base)), anchor=anchor)
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" or (tense is None and dct.isoweekday() <= 3):
            s = shift("WE", this, -1) if dct < this else this
        else:
            s = this
    return Timex("DATE", fmt("WE", s), anchor="published")


_SPAN_PREP_BEFORE = re.compile(r"\b(?:over|during|throughout|for|within)\s+$", re.I)


def h_deictic(m, ctx):
    u = m["u"].lower()
    deic = _low(m, "deic")
    the = bool(_g(m, "the"))
    mod = _fz(m["fz"]) if _g(m, "fz") else None
    if _g(m, "orso"):
        mod = "APPROX"
    code = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
            "century": "CE", "day": "D", "fortnight": "2W"}[u]
    if code == "2W":
        return Timex("DURATION", "P2W") if deic in ("past", "last", "next", "coming") else None
    if deic == "past" and code in ("DE", "CE") and not (m["fz"] or m["el"] or _g(m, "orso")):
        # "over the past decade": the ten years up to now, not the 1980s (TBAQ: a duration, P10Y)
        return Timex("DURATION", "P10Y" if code == "DE" else "P100Y")
    if (deic in ("next", "coming") and the and code in ("DE", "CE") and not (m["fz"] or m["el"] or _g(m, "orso"))
            and _SPAN_PREP_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())):
        # "Over the next decade, the Louvre plans...": the ten years from now, as "over the past
        # decade" (but "in the next decade" may be the 2030s)
        return Timex("DURATION", "P10Y" if code == "DE" else "P100Y")
    # "the past year", "the last week": TimeBank annotates the period just before the DCT's
    # (a DATE, 80 of 83 times in TBAQ), like "last week"
    if deic == "past" or (the and deic == "last"):
        if m["fz"] or m["el"]:
            return None
        deic = "last"
    narrative = deic in ("following", "previous", "preceding", "same", "that") or (
        deic == "next" and code == "D")
    if code == "D" and not narrative:
        return None  # "this day", "last day": not a date
    if deic == "same" and not the:
        return None
    if deic in ("following", "previous", "preceding") and not the:
        if code != "D":
            return None
    if narrative:
        n = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(deic, 0)
        if ctx.ref is not None:
            rg, rs = ctx.ref
            gran = coarser(code, rg) if code != "D" else rg
            if code == "D" and rg != "D":
                return Timex("DATE", unknown("D"), mod=mod, anchor="unresolved")
            base = start_of(gran, rs)
            unit_shift = {"DE": 10, "CE": 100}.get(code, 1) * n
            if gran in ("Y",) and code in ("DE", "CE"):
                s = shift("Y", base, unit_shift)
            else:
                s = shift(code if code != "WE" else "W", start_of(code, rs), n) if code != "D" else rs + timedelta(days=n)
                gran = code
            return Timex("DATE", fmt(gran, s), mod=mod, anchor="narrative")
        if ctx.dct is None or (n > 0 and not ctx.probe and ctx.tense(m.start(), m.end()) == "past"):
            # "He was arrested the next day" with no day named before: not the day after the DCT
            return Timex("DATE", unknown(code), mod=mod, anchor="unresolved")
        base = start_of(code, ctx.dct)
        return Timex("DATE", fmt(code, shift(code, base, n)), mod=mod, anchor="published")
    if ctx.dct is None:
        return Timex("DATE", unknown(code), mod=mod, anchor="unresolved")
    if not deic and code in ("W", "M", "Y") and not ctx.probe:
        story = ctx.story_ref(m.start())
        verb = ctx.raw_tense(m.start(), m.end())
        if story is not None and coarser(code, story[0]) == code and verb not in ("future", "future_aux", "present"):
            # "By the end of the month" after "struck on Jan. 17, 1995": that story's month (the
            # verb's own tense: "by" is no deadline in "By the end of the month, 6,400 were dead")
            return Timex("DATE", fmt(code, start_of(code, story[1])), mod=mod, anchor="narrative")
    if not deic and code in ("DE", "CE") and not ctx.probe and ctx.ref is not None:
        verb = ctx.raw_tense(m.start(), m.end())
        first = start_of(code, ctx.ref[1])
        if first < start_of(code, ctx.dct) and verb not in ("future", "future_aux", "present"):
            # "fell from 28% in 1995 to under 10% by the end of the decade": the story's decade
            # (no "the decade" in TBAQ)
            return Timex("DATE", fmt(code, first), mod=mod, anchor="narrative")
    if not deic:  # "the end of the year"
        deic = "this"
    if (code == "W" and deic == "this" and ctx.dct.isoweekday() == 7 and not m["fz"] and not m["el"]
            and not ctx.probe and ctx.tense(m.start(), m.end()) == "future"):
        # a Sunday's "this week" ahead is the week that starts the next day ("Earnings season
        # winds down this week" in a week-ahead story), not the ISO week ending that Sunday
        deic = "next"
    s = _deictic_period(code, deic, ctx.dct)
    bounds = None
    el = (_low(m, "el") or _low(m, "fz")) if deic == "this" else ""
    if el == "earlier":  # "earlier this year": from the period's start up to the DCT
        bounds = (s, ctx.dct)
    elif el == "later":  # "later this month": from the DCT to the period's end
        bounds = (ctx.dct, end_of(code, s))
    return Timex("DATE", fmt(code, s), mod=mod, anchor="published", bounds=bounds)


_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"”’]|$|\b(?:and|but|when|as|that|in|on|at|with|he|she|they|it|we|the\s+(?:police|company|government))\b)")
_NP_START = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|my|your|this|these|those|he|she|they|"
                       r"it|we|you|[A-Z]\w*)\b")


def h_ago(m, ctx):
    u = m["u"]
    code = _unit(u)
    direction = _low(m, "dir")
    n = _num(m["n"]) if m["n"] else None
    vague = m["n"] is not None and n is None
    plural = u.lower().endswith("s") and u.lower() not in ("hrs", "mins")
    if m["n"] is None and not plural:
        return None  # "day after day", "year after"
    if m["n"] is None:
        vague = True
    mod = _ap(m["ap"])
    if _g(m, "orso"):  # "a week or so ago"
        mod = mod or "APPROX"
    unit_end = m.end("u")
    if _g(m, "half"):  # "a year and a half ago"
        if n is None:
            return None
        n, unit_end = n + 0.5, m.end("half")
    after = ctx.text[m.end():m.end() + 40]
    if direction in ("before", "after", "prior"):
        if direction == "prior" and not after.lower().startswith((" to", ",", ".")):
            return None
        if _NP_START.match(after) or direction == "prior" and after.lower().startswith(" to"):
            # anchored to an event we cannot date: the duration is known, the date is not
            start = m.start("ap") if m["ap"] else (m.start("n") if m["n"] else m.start("u"))
            return Timex("DURATION", _duration_value(None if vague else n, u), mod=mod,
                         anchor="unresolved", span=(start, unit_end))
        if not _CLAUSE_END.match(after):
            return None
    if direction in ("later", "earlier") and re.match(r"\s+than\b", after, re.I):
        # "a year later than planned", "three weeks later than the average": a difference, not a date
        start = m.start("n") if m["n"] else m.start("u")
        if m["ap"] and _low(m, "ap") not in lex()["approx_outside_extent"]:
            start = m.start("ap")
        return Timex("DURATION", _duration_value(None if vague else n, u), mod=mod,
                     span=(start, unit_end))
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if vague:
        if (direction in ("later", "after", "earlier") and _is_time_unit(u) and ctx.ref is not None
                and ctx.ref[0] == "D"):
            return Timex("DATE", ctx.ref[1].isoformat(), anchor="narrative")  # "hours later"
        if direction == "ago":
            return Timex("DATE", "PAST_REF", anchor="published" if ctx.dct else "unresolved")
        start = m.start("n") if m["n"] else m.start("u")
        return Timex("DURATION", _duration_value(None, u), anchor="unresolved", span=(start, unit_end))
    if direction in ("later", "earlier", "after", "before") and _is_time_unit(u):
        # "an hour later", "90 minutes after": the offset is the information (TimeBank marks
        # the duration); the day it falls on is the reference's, not worth a DATE
        start = m.start("n")
        if m["ap"] and _low(m, "ap") not in lex()["approx_outside_extent"]:
            start = m.start("ap")
        return Timex("DURATION", _duration_value(n, u), mod=mod, span=(start, unit_end))
    if (direction in ("ago", "earlier") and code == "Y" and n == 1 and not mod
            and ctx.dct is not None and _figure_comparison(ctx.text, m.start())):
        q = ctx.reported_quarter(m.start())
        if q is not None:  # "profit rose to $5 million from $4 million a year ago"
            return Timex("DATE", fmt("Q", add_months(q, -12)), anchor="narrative")
    if direction in ("ago", "from now", "hence") or (
            direction == "earlier" and ctx.dct is not None and not ctx.probe
            and _figure_comparison(ctx.text, m.start()) and ctx.present(m.start(), m.end())):
        # (a present figure compared "a week earlier" counts from now: "Restrictions are in
        # force in 30 departments, up from 12 a week earlier", whatever the story named before)
        base, anchor = (ctx.dct, "published") if ctx.dct else (None, "unresolved")
        base_gran = "D"
    else:
        if ctx.ref is not None:
            base_gran, base = ctx.ref
            anchor = "narrative"
            happened = ctx.happened_day(base, m.start(), m.end())
            if happened is not None:
                base_gran, base = "D", happened
        elif ctx.dct is not None:
            base_gran, base, anchor = "D", ctx.dct, "published"
        else:
            base, anchor, base_gran = None, "unresolved", "D"
    if code in ("S", "H") or (code == "M" and _is_time_unit(u)):
        gran, delta = "D", None
    elif code == "2W":
        gran, delta = "W", ("D", 14 * n)
    else:
        if code == "ML":  # "two millennia ago": counted in centuries
            code, n = "CE", 10 * n
        gran = code
        if gran == "Y" and (n == 1 or not float(n).is_integer()) and not mod:
            gran = "M"  # "a year ago", "a year and a half ago": the month
        elif gran in ("DE", "CE") and n == 1:
            gran = "Y" if gran == "DE" else "DE"  # "a decade ago" (2016), not the 2010s
        delta = (code, n)
    # the unit counted, before "a year" is promoted to its month: "A year later" after "in 1966"
    # is 1967, not a year after some earlier day named ("born on March 4, 1938")
    unit_gran = "D" if _is_time_unit(u) or code not in GRAN_ORDER + ["2W"] else code.replace("2W", "W")
    if gran == "W" and n <= 2:
        gran = "D"
    if (anchor == "narrative" and base_gran != "D" and unit_gran in ("D", "W") and coarser(unit_gran, base_gran) != unit_gran
            and ctx.day is not None and ctx.day[1] <= m.start() and ctx.day[0] >= base):
        # "a day later" after "in 2023" and an earlier "on Sunday": a day offset counts from the
        # last day the story named, not from a year (a day before that year's start is an older
        # part of the story: "born on March 4, 1938 ... joined in 1966. Two days later"); a month
        # offset stays in the year ("in the spring of 2016 ... Two months later": 2016)
        base, base_gran = ctx.happened_day(ctx.day[0], m.start(), m.end()) or ctx.day[0], "D"
    elif (anchor == "narrative" and base_gran != "D" and unit_gran in ("D", "W") and direction == "earlier"
          and coarser(unit_gran, base_gran) != unit_gran and ctx.dct is not None and base > ctx.dct
          and _figure_comparison(ctx.text, m.start())):
        # "cut the odds of a rate cut in June to 40% from 65% a day earlier": a coming month is no
        # story time to count days back from; the figures are the publication's
        base, base_gran, anchor = ctx.dct, "D", "published"
    gran = coarser(gran, base_gran) if base is not None else gran
    if base is None:
        return Timex("DATE", unknown(gran), mod=mod, anchor="unresolved")
    d = base
    if delta is not None:
        c, k = delta
        if not float(k).is_integer():
            if c == "Y":
                c, k = "M", k * 12
            elif c == "M":
                c, k = "D", k * 30
            elif c == "W":
                c, k = "D", k * 7
            k = round(k)
        k = int(k) * sign
        try:
            if c == "D":
                d = base + timedelta(days=k)
            elif c in ("W", "WE"):
                d = base + timedelta(weeks=k)
            elif c == "M":
                d = add_months(base, k)
            elif c == "Q":
                d = add_months(base, 3 * k)
            elif c == "Y":
                d = add_months(base, 12 * k)
            elif c == "DE":
                d = add_months(base, 120 * k)
            elif c == "CE":
                d = add_months(base, 1200 * k)
        except (ValueError, OverflowError):
            # beyond the calendar's years 1-9999: "6,000 years ago" is a year BC (TIMEX "BC3996")
            years = k * {"Y": 1, "DE": 10, "CE": 100}.get(c, 0)
            year = base.year + years
            if years and year < 1:
                return Timex("DATE", f"BC{1 - year:04d}", mod=mod, anchor=anchor)
            return Timex("DATE", "XXXX", mod=mod, anchor="unresolved")
    return Timex("DATE", fmt(gran, start_of(gran, d)), mod=mod, anchor=anchor)


# A figure just before "a year ago/earlier" in the same clause: "up from $10 million a year ago",
# "or 12 cents a share, a year earlier", "higher than a year ago", "grew 19% from a year ago".
_FIGURE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|cents?)?|\ba\s+share|\bthan|\bfrom|"
    r"\bwith)\s*,?\s*$", re.I)


def _figure_comparison(text: str, pos: int) -> bool:
    """True when the expression at pos compares a figure ("from $4 million a year ago")."""
    return bool(_FIGURE_BEFORE.search(text, max(0, pos - 40), pos))


_MONEYISH = re.compile(r"(?:\d|%|\b(?:million|billion|trillion|dollars?|pounds?|euros?|cents?|times|people|tons?|barrels?))\s*$", re.I)
# A counted quantity a few words before "a day"/"a month" ("40,000 wafers a month", "25,000
# tonnes of water a day", "24 hours a day"): the unit is a rate (SET), not a duration.
_RATE_BEFORE = re.compile(
    r"(?<![\w.:])(?!(?:1[89]|20)\d\d\b)\d+(?:[.,]\d+)*(?:\s*(?:%|percent|bn|m|k))?"
    r"(?:\s+(?!(?:in|for|within|over|after|about|than|during|by|since|until|and|or|but|is|was|were|are|be|been|has|had|have|took|takes|take|spent|spend|lasted|last)\b)[a-z$£€][\w-]*){0,4}\s*$",
    re.I)


def _is_rate(text: str, pos: int) -> bool:
    """True when "a/an UNIT" at pos follows a quantity in the same clause (a rate)."""
    before = text[max(0, pos - 70):pos]
    # "24,500 pounds ($33,300) per patient a year": past what the amount is for, and a bracketed
    # conversion to the amount ("1.75 million pesos ($445) a month")
    before = _PER_AT_END.sub(" ", before)
    before = _BRACKET_AT_END.sub(" ", before)
    return bool(_MONEYISH.search(before) or _RATE_BEFORE.search(before))


_BRACKET_AT_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_PER_AT_END = re.compile(r"\s+(?:per|each)\s+[a-z][\w-]*\s*$", re.I)


_LAST_MINUTE_BEFORE = re.compile(r"\b(?:at|until|till|to|for)\s+$", re.I)


def h_duration(m, ctx):
    if _g(m, "old"):
        return None  # ages: "the 45-year-old", "45 years old"
    u = m["u"]
    nword = m["n"] if _g(m, "n") is not None else None
    which = _low(m, "which") or _low(m, "which2")
    plural = u.lower().endswith("s") or u.lower() in ("centuries", "millennia")
    if nword is None:  # duration2: "recent years", "the past week", "the first hours"
        if which in ("several", "many", "few", "recent", "other") and not plural:
            return None
        if not plural and which in ("first", "final", "latest", "recent"):
            return None
        if which == "last" and not _g(m, "the") and not plural:
            return None  # "last week" is a date (deictic rule)
        if which == "latest" and u.lower() == "minutes":
            return None  # "expected the latest minutes to show": a meeting's record
        if (which == "last" and u.lower() in ("minute", "moment")
                and _LAST_MINUTE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())):
            return None  # "at the last minute", "until the last moment": an idiom, no span
        n = None if plural else 1
        if _unit(u) == "WE":
            return None
        if which == "another" and _unit(u) == "Q" and _FRACTION_OF.match(ctx.text, m.end()):
            return None  # "another quarter of the staff" (not "several quarters of losses")
        span = _after_ap(m)
        if which == "last" and _last_verb(ctx.text, m):
            span = (m.start("u"), m.end())  # "could last years": the verb
        return Timex("DURATION", _duration_value(n, u), mod=_ap(m["ap"]), span=span)
    n = _num(nword)
    if (nword.lower() in ("a", "an") and m.start() > 1 and ctx.text[m.start() - 1] == "-"
            and ctx.text[m.start() - 2].isalpha()):
        return None  # "a thrill-a-minute film", "mile-a-minute": a compound adjective
    if nword.lower() in ("some", "certain") and u.lower() == "quarters":
        return None  # "concerned by the clamour in some quarters": some people
    if (nword.lower() == "one" and u.lower() == "day" and not _g(m, "ap") and not _g(m, "the")
            and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())):
        return Timex("DATE", "FUTURE_REF", anchor="published" if ctx.dct else "unresolved")
    if u.lower() == "second" and re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # "a second assault": the ordinal
    if _YEAR_BACK_AFTER.match(ctx.text, m.end()):
        return None  # "a year-earlier loss": the adjective is the date (the fallback reads it)
    if _unit(u) == "Q" and _FRACTION_OF.match(ctx.text, m.end()) and not _g(m, "adj"):
        return None  # "three-quarters of its food", "more than a quarter of the market" (but
        # "two successive quarters of negative growth" are quarters)
    if _unit(u) == "Q" and re.match(r"[\s-](?:points?|percentage)\b", ctx.text[m.end():m.end() + 12], re.I):
        return None  # "three quarter-point rate rises": a rate step
    if (_unit(u) == "Q" and nword.strip().lower() in ("a", "one", "three")
            and _BY_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
            and not re.match(r"[\s-]+century", ctx.text[m.end():m.end() + 10], re.I)):
        return None  # "exports will fall by a quarter", "cut by three quarters": a fraction
    if n is not None and n == 0:
        return None
    if _unit(u) == "WE":
        return None
    if _g(m, "n2"):
        if _range_split(ctx.text, m, _low(m, "conn")):
            # "between 12 and 18 months": two durations (TimeML); this one is "18 months"
            return Timex("DURATION", _duration_value(_num(m["n2"]), u), span=(m.start("n2"), m.end()))
        n = None
    if nword.strip().lower() in ("a", "an") and not _g(m, "the"):
        if _is_rate(ctx.text, m.start()) and _unit(u) in ("Y", "M", "W", "D", "H"):
            return None  # "$5 a year" is a SET
    span = _after_ap(m)
    if _g(m, "thenum") and not _g(m, "ap") and m.group(0)[m.start("u") - m.start() - 1] == "-":
        span = (m.start("n"), m.end())  # "the five-hour session": "the" is the session's
    if _low(m, "which2") == "last" and _last_verb(ctx.text, m):
        span = (m.start("n"), m.end())  # "the truce would last 72 hours": the verb
    return Timex("DURATION", _duration_value(n, u), mod=_ap(m["ap"]), span=span)


_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
# "would last 72 hours", "is expected to last two weeks", "did not last a year": the verb "last"
_LAST_VERB_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|shall|must|to|did|does|do|"
                               r"not|n['’]t|['’]ll)\s+$", re.I)


def _last_verb(text: str, m) -> bool:
    """Whether the "last" opening a duration match is the verb (not "the last two weeks")."""
    if _g(m, "the") or _g(m, "thenum") or _g(m, "ap"):
        return False
    return bool(_LAST_VERB_BEFORE.search(text, max(0, m.start() - 8), m.start()))


# "could one day replace", "will one day be": an indefinite future, not a day's length
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|shall|to)\s+$", re.I)
_YEAR_BACK_AFTER = re.compile(r"-(?:earlier|ago|before|end)\b", re.I)
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:19|20)\d\d\b|(?:this|last|next|the)\s+(?:fiscal\s+)?year\b)",
                          re.I)


def quarter_fraction(text: str, start: int, end: int) -> bool:
    """True when text[start:end] ends in "quarter(s)" used as a fraction ("more than a quarter
    of the market", "three-quarters of its food", "dropped by nearly a quarter", "three
    quarter-point rises")."""
    return bool(re.search(r"quarters?$", text[start:end], re.I)) and bool(
        _FRACTION_OF.match(text, end) or _BY_BEFORE.search(text, max(0, start - 4), start)
        or re.match(r"[\s-](?:points?|percentage)\b", text[end:end + 12], re.I))


_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.I)


def _range_split(text: str, m, conn: str) -> bool:
    """Whether "N and/to M UNIT" is a range of two durations: "between 12 and 18 months",
    "from two to three weeks", "24 and 48 hours" (not "two to three weeks", one vague span,
    nor "two and a half")."""
    if conn not in ("and", "to") or _low(m, "n2") in ("a half", "half"):
        return False
    if _g(m, "ap") or _g(m, "the") or _g(m, "thenum") or _g(m, "which2"):
        return False
    return conn == "and" or bool(_BETWEEN_BEFORE.search(text, max(0, m.start() - 9), m.start()))


def h_range_first(m, ctx):
    """The first number of a duration range, valued with the unit written after the second:
    "12" in "between 12 and 18 months" (P12M)."""
    if not _range_split(ctx.text, m, _low(m, "conn")):
        return None
    n = _num(m["n"])
    if n is None or n == 0:
        return None
    return Timex("DURATION", _duration_value(n, m["u"]))


def h_duration_long(m, ctx):
    """"a day-long meeting" (P1D), "a two-year-long dispute" (P2Y), "decades-long" (PXDE);
    AP's solid forms "yearlong", "weeklong", "monthlong" (rule duration_solid_long)."""
    u = m["u"]
    if _unit(u) == "WE":
        return None
    plural = u.lower().endswith("s") and u.lower() not in ("hrs", "mins")
    n = _num(m["n"]) if _g(m, "n") else (None if plural else 1)
    return Timex("DURATION", _duration_value(n, u))


def _after_ap(m) -> tuple[int, int] | None:
    """TimeBank keeps "nearly", "more than", "at least" inside a duration's extent but leaves
    "about" outside (lexicon: approx_outside_extent); the mod keeps the meaning either way."""
    if not _g(m, "ap") or _low(m, "ap") not in lex()["approx_outside_extent"]:
        return None
    for name in ("the", "thenum", "which2", "which", "n", "u"):
        if _g(m, name):
            return (m.start(name), m.end())
    return None


def h_the_unit(m, ctx):
    u = m["u"].lower()
    code = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}[u]
    if code == "Y" and _ENDED_AFTER.match(ctx.text, m.end()):
        # "for the year ended Sept. 30": twelve months up to that day, a duration like "the nine
        # months ended Sept. 30" (TimeBank, 8 of 9); the day is its own expression
        return Timex("DURATION", "P1Y")
    if code == "Q":
        q = _quarter_ended(ctx, m.end())
        if q is not None:
            return q
    if ctx.ref is not None and ctx.ref[0] in ("D", "W", "M", "Q", "Y") and coarser(code, ctx.ref[0]) == code:
        return Timex("DATE", fmt(code, start_of(code, ctx.ref[1])), anchor="narrative")
    if ctx.dct is None:
        return Timex("DATE", unknown(code), anchor="unresolved")
    s = start_of(code, ctx.dct)
    if code == "Q" and not ctx.probe and ctx.tense(m.start(), m.end()) == "past":
        s = shift("Q", s, -1)  # "revenue rose 4% in the quarter": the quarter just reported
    return Timex("DATE", fmt(code, s), anchor="published")


_ENDED_AFTER = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\b", re.I)


def h_el_in_the(m, ctx):
    """"earlier in the week", "later in the year": the period "the week" names (the story's, or
    the DCT's), with "earlier" its start (mod START, as "earlier this week"); from the DCT, the
    range runs up to it ("earlier") or from it ("later")."""
    tx = h_the_unit(m, ctx)
    if tx is None or tx.type != "DATE" or tx.anchor == "unresolved":
        return tx
    early = _low(m, "el") == "earlier"
    bounds = None
    if tx.anchor == "published":
        p = parse_value(tx.value)
        if p is not None and p[1] <= ctx.dct <= end_of(p[0], p[1]):
            bounds = (p[1], ctx.dct) if early else (ctx.dct, end_of(p[0], p[1]))
    return Timex("DATE", tx.value, mod="START" if early else None, anchor=tx.anchor, bounds=bounds)


_FISCAL = re.compile(r"\bfiscal\b", re.I)


@lru_cache(maxsize=1)
def _ended_day() -> re.Pattern:
    mc = _macros()
    return re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>" + mc["MONTH"]
                      + r")\s+(?P<d>[23]\d)(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I)


def _quarter_ended(ctx, end: int) -> Timex | None:
    """"the quarter ended Sept. 30": the calendar quarter that day closes (2025-Q3 in a March
    2026 report, where the DCT's last quarter would be Q4). Only a calendar quarter's last days
    (March/June/Sept./Dec. 28-31); "the quarter ended July 31" is a fiscal one, left to the DCT."""
    m = _ended_day().match(ctx.text, end)
    if m is None or not _month_ok(m["mon"]):
        return None
    if _FISCAL.search(ctx.text, max(0, end - STORY_REACH), end):
        return None  # "the fiscal first quarter ... the quarter ended Sept. 29": TBAQ keeps the fiscal count
    mon, day = _month(m["mon"]), int(m["d"])
    if mon % 3 or day < 28:
        return None
    if m["y"]:
        y, anchor = int(m["y"]), "absolute"
    elif ctx.dct is not None:
        # the latest such day by the DCT: a quarter reported on has ended
        y = ctx.dct.year if date(ctx.dct.year, mon, 28) <= ctx.dct else ctx.dct.year - 1
        anchor = "published"
    else:
        return Timex("DATE", f"XXXX-Q{mon // 3}", anchor="unresolved")
    return Timex("DATE", f"{y:04d}-Q{mon // 3}", anchor=anchor)


def h_the_unit_before(m, ctx):
    """"The day before, ministers met" (the story's day minus one), "the week after the vote"
    (the week after the last date named: the event is usually the one just dated)."""
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m["u"].lower()]
    n = -1 if _low(m, "dir") in ("before", "earlier") else 1
    if ctx.ref is None or GRAN_ORDER.index(ctx.ref[0]) > GRAN_ORDER.index(code):
        return Timex("DATE", unknown(code), anchor="unresolved")
    s = shift(code, start_of(code, ctx.ref[1]), n)
    return Timex("DATE", fmt(code, s), anchor="narrative")


def h_bare_plural(m, ctx):
    if _COORD_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()) and not _BARE_UNIT_BEFORE.search(
            ctx.text, max(0, m.start() - 30), m.start()):
        return None  # after "or", "than", "not" only as the second of a pair of lengths
    return Timex("DURATION", _duration_value(None, m["u"]))


# "within weeks rather than months", "for days or weeks", "in weeks, not months"
_COORD_BEFORE = re.compile(r"\b(?:than|or|not)\s+$", re.I)
_BARE_UNIT_BEFORE = re.compile(r"(?<![\w-])(?<!the\s)(?:seconds|minutes|hours|days|weeks|months|years|decades)\s*,?\s*"
                               r"(?:(?:rather|more|less|sooner|later)\s+than|or|not|if\s+not)\s+$", re.I)


def h_and_a_half(m, ctx):
    """"a minute and a half" -> PT1M30S, "an hour and a half" -> PT1H30M, "a year and a
    half" -> P1Y6M."""
    span = None
    if _g(m, "ap") and _low(m, "ap") in lex()["approx_outside_extent"]:
        span = (m.start("a"), m.end())
    return Timex("DURATION", _duration_value(1.5, m["u"]), mod=_ap(_g(m, "ap")), span=span)


def h_duration_compound(m, ctx):
    """"2 hours 9 minutes 56 seconds" -> PT2H9M56S, "3 years and 2 months" -> P3Y2M, "five hours
    and 29 minutes" -> PT5H29M: one duration (TimeML), its units from the largest down (anything
    else is two expressions)."""
    order = ["Y", "M", "W", "D", "H", "TM", "S"]
    parts: list[tuple[int, str, int]] = []
    for k in ("1", "2", "3"):
        if not _g(m, "n" + k):
            continue
        u = m["u" + k]
        code = lex()["units"].get(u.lower())
        if code is None:
            return None  # a unit word the pattern allows but the lexicon does not value
        key = "TM" if code == "M" and _is_time_unit(u) else code
        if key not in order:
            return None
        n = _num(m["n" + k])
        if n is None or n != int(n):
            return None  # "half an hour and ten minutes"
        parts.append((order.index(key), code, int(n)))
    if [p[0] for p in parts] != sorted({p[0] for p in parts}):
        return None
    parts = [p for p in parts if p[2]] or parts[:1]  # "2hr 00min 12sec" -> PT2H12S: a zero part says nothing
    date_part = "".join(f"{n}{code}" for i, code, n in parts if i <= 3)
    time_part = "".join(f"{n}{code}" for i, code, n in parts if i > 3)
    value = "P" + date_part + (f"T{time_part}" if time_part else "")
    span = None
    if _g(m, "ap") and _low(m, "ap") in lex()["approx_outside_extent"]:
        span = (m.start("n1"), m.end())
    return Timex("DURATION", value, mod=_ap(_g(m, "ap")), span=span)


def h_half(m, ctx):
    """'half an hour', 'half a century' (P50Y, not P0.5CE), 'a quarter of an hour': the fraction in
    the next smaller unit, as TimeML writes durations ('a quarter century' P25Y, 'a half-century' P50Y)."""
    u = m["u"].lower()
    h = m["h"].lower()
    mod = _ap(m["ap"])
    # "about" stays outside the extent (as in _after_ap): the fraction starts it
    span = (m.start("h"), m.end()) if mod and _low(m, "ap") in lex()["approx_outside_extent"] else None
    part = 3 if h.startswith("three") else 1 if "quarter" in h else 2  # quarters of the unit
    minutes = {"hour": 60, "day": 24 * 60}
    if u in minutes:
        n = minutes[u] * part // 4
        return Timex("DURATION", f"PT{n // 60}H" if n % 60 == 0 else f"PT{n}M", mod=mod, span=span)
    years = {"year": None, "decade": 10, "century": 100}[u]
    if years is None:
        return Timex("DURATION", f"P{12 * part // 4}M", mod=mod, span=span)
    n = years * part / 4
    return Timex("DURATION", f"P{int(n)}Y" if n == int(n) else f"P{int(n * 12)}M", mod=mod, span=span)


def h_clock(m, ctx):
    clock = _clock(_g(m, "h"), _g(m, "mi"), _g(m, "ampm"), _g(m, "word"))
    if clock is None:
        return None
    rd = _low(m, "rd")
    wd = _g(m, "wd")
    if _g(m, "mon"):  # "until 5 p.m. EST Nov. 9": the day written after the clock
        day = h_day_date(_Groups(m, d=m["dd"], h=None, mi=None, ampm=None, wd=None), ctx)
        if day is None:
            return None
        return Timex("TIME", day.value + f"T{clock}", anchor=day.anchor)
    if rd:
        if ctx.dct is None:
            return Timex("TIME", f"XXXX-XX-XXT{clock}", anchor="unresolved")
        d, anchor = ctx.dct + timedelta(days=lex()["relative_days"][rd]), "published"
    elif wd:
        if ctx.dct is None:
            return Timex("TIME", f"XXXX-WXX-{lex()['weekdays'][wd.lower()]}T{clock}", anchor="unresolved")
        tense = ctx.tense(m.start(), m.end())
        day = ctx.story_day(m.start())
        if day is not None and tense != "future":
            d, anchor = _weekday_date(lex()["weekdays"][wd.lower()], "", day, tense), "narrative"
        else:
            d = _weekday_date(lex()["weekdays"][wd.lower()], "", ctx.dct, tense)
            anchor = "published"
    else:
        d, anchor = _ref_day(ctx)
        if anchor == "published" and ctx.day is not None and m.start() - ctx.day[1] <= CLOCK_DAY_REACH:
            d, anchor = ctx.day[0], "narrative"  # the day the story last named
        if (anchor == "narrative" and ctx.dct is not None and ctx.day is not None and ctx.day[0] == d
                and (ctx.day_told or d > ctx.dct) and "\n" in ctx.text[ctx.day[1]:m.start()] and ctx.tense(m.start(), m.end()) != "future"
                and not (ctx.story is not None and ctx.story[0] == "D" and ctx.story[1] == d
                         and d.year < ctx.dct.year and m.start() - ctx.story[2] <= STORY_DAY_REACH)):
            # (but a day of an earlier year just before, "the shots rang out on Nov. 22, 1963",
            # goes on dating the story's clocks: "Kennedy was pronounced dead at 1 p.m.")
            # the day of a telling named in an earlier paragraph ("said on Tuesday that ...") does
            # not date a clock in a new one ("At the ceremony at 2:30 p.m."): the DCT's; a coming
            # clock may still be on it ("traveling ... Thursday." / "will leave at 4 in the
            # morning"), nor does a coming day ("$11.7 billion on Cyber Monday." / "Stores opened as
            # early as 5 a.m."). A past day things happened does ("stopped in high winds on
            # Saturday" ... "The gondola halted at about 2:40 p.m.")
            d, anchor = ctx.dct, "published"
        if d is not None and anchor == "narrative" and ctx.happened_day(d, m.start(), m.end()) is not None:
            # "closed up 0.7% at 4 p.m." after "the next meeting is on Jan. 28": a past clock is
            # on the last day named that has happened, else the DCT
            back = ctx.past_day
            d, anchor = ((back[0], "narrative") if m.start() - back[1] <= CLOCK_DAY_REACH
                         else (ctx.dct, "published"))
        if (d is not None and ctx.dct is not None and d < ctx.dct and anchor == "narrative"
                and ctx.raw_tense(m.start(), m.end()) in ("future", "future_aux")):
            # "The launch window opens at 1100 GMT" after "no earlier than March 24 ... a test
            # late Friday": a coming clock (by its verb, not a cue: "stayed open until 9 p.m.")
            # is on the last coming day named, else the DCT
            ahead = ctx.coming_day
            d, anchor = ((ahead[0], "narrative") if ahead is not None and m.start() - ahead[1] <= CLOCK_DAY_REACH
                         else (ctx.dct, "published"))
        if d is None:
            return Timex("TIME", f"XXXX-XX-XXT{clock}", anchor="unresolved")
    return Timex("TIME", f"{d.isoformat()}T{clock}", anchor=anchor)


def h_race_time(m, ctx):
    """A race or record time written as a clock with seconds: "won in 2:22:09" is a DURATION
    (PT2H22M9S), not a time of day; so is "in 7:39.89" (minutes, seconds and hundredths)."""
    if m["mi2"]:
        parts = [(int(m["mi2"]), "M"), (float(m["s2"]), "S")]
    else:
        parts = [(int(m["h"]), "H"), (int(m["mi"]), "M"), (float(m["s"]), "S")]
    value = "".join(f"{_fmtnum(n)}{u}" for n, u in parts if n)
    return Timex("DURATION", "PT" + (value or "0S"))


def h_clock_daypart(m, ctx):
    """"4 in the morning" (04:00), "7:30 in the evening" (19:30), "3 o'clock in the afternoon"."""
    h = int(m["h"])
    if not 1 <= h <= 12:
        return None
    ampm = "am" if m["dp"].lower() == "morning" and h != 12 else "pm"
    return h_clock(_Groups(m, ampm=ampm, word=None, mon=None), ctx)


_FORM_AFTER = re.compile(r"\s+(?:forms?|format|shape)\b", re.I)
_SENT_START = re.compile(r"(?:^|[.!?\n][\"'”’)]*)\s*$")


def h_ref(m, ctx):
    w = _low(m, "ref").replace("-term", " term")  # "in the near-term," is "the near term"
    if w in ("former", "once"):
        return None
    if w == "current" and _FORM_AFTER.match(ctx.text, m.end()):
        return None  # "in its current form": its shape, not a time
    if w == "now" and ctx.text[m.end():m.end() + 1] == "," and _SENT_START.search(ctx.text, 0, m.start()):
        return None  # discourse "Now, ..." opening a sentence
    if w == "the past":  # "over the past two breeding seasons": an adjective, not PAST_REF
        nxt = re.match(r"\s+([a-z]+|\d)", ctx.text[m.end():m.end() + 20], re.I)
        if nxt and (nxt.group(1).isdigit() or nxt.group(1).lower() in lex()["number_words"]
                    or nxt.group(1).lower() in ("few", "several", "many", "couple")):
            return None
    refs = lex()["refs"]
    v = refs.get(w)
    if v is None and "future" in w:
        v = "FUTURE_REF"
    if v is None:
        return None
    return Timex("DATE", v, anchor="published" if ctx.dct else "unresolved")


def h_new_year(m, ctx):
    """"the new year" is the year that begins nearest the DCT: the coming one late in the year
    ("head into the new year" on Dec. 29), else the DCT's ("began the new year" in January)."""
    if ctx.dct is None:
        return Timex("DATE", "XXXX", anchor="unresolved")
    y = ctx.dct.year + (ctx.dct.month >= NEW_YEAR_AHEAD_MONTH)
    return Timex("DATE", f"{y:04d}", anchor="published")


# From this month on, "the new year" is the coming one.
NEW_YEAR_AHEAD_MONTH = 10


def h_vague_span(m, ctx):
    """"for some time", "for a while": a span of unknown length (DURATION PXX); "at a later
    date", "to a future date": FUTURE_REF (TBAQ annotates each, 3 of 3)."""
    if _g(m, "later"):
        return Timex("DATE", "FUTURE_REF", anchor="published" if ctx.dct else "unresolved")
    return Timex("DURATION", "PXX")


def h_set_every(m, ctx):
    q = m["q"].lower()
    word = m["u"]
    lx = lex()
    lw = word.lower().rstrip(".")
    n = _num(m["n"]) if m["n"] else 1
    if m["vague"]:
        # "every few hours": a recurrence of an unknown number of units (PTXH)
        if q not in ("every", "each") or m["other"] or m["dp"] or lw not in lx["units"]:
            return None
        return Timex("SET", _duration_value(None, word), quant=q.upper())
    if m["other"]:
        n = 2 * (n or 1)
    dp = _dp(m["dp"].strip()) if m["dp"] else None
    if lw in lx["day_parts"] and not m["n"] and not m["other"]:
        if q not in ("every", "each"):
            return None
        return Timex("SET", f"XXXX-XX-XXT{lx['day_parts'][lw]}", quant=q.upper())
    if lw in lx["weekdays"]:
        if q in ("a", "an", "per"):
            return None
        return Timex("SET", f"XXXX-WXX-{lx['weekdays'][lw]}" + (f"T{dp}" if dp else ""),
                     quant=q.upper())
    if m["dp"]:
        return None
    if lw in lx["months"]:
        if q in ("a", "an", "per") or not _month_ok(word):
            return None
        return Timex("SET", f"XXXX-{lx['months'][lw]:02d}", quant=q.upper())
    if lw in lx["seasons"]:
        if q in ("a", "an", "per"):
            return None
        return Timex("SET", f"XXXX-{lx['seasons'][lw]}", quant=q.upper())
    if q in ("a", "an"):
        if m["n"] or m["other"]:
            return None
        if not _is_rate(ctx.text, m.start()):
            return None
    code = _unit(word)
    if code == "WE":
        return Timex("SET", "XXXX-WXX-WE", quant=q.upper() if q in ("every", "each") else None)
    quant = {"every": "EVERY", "each": "EACH"}.get(q)
    return Timex("SET", _duration_value(n, word), quant=quant)


def h_set_times(m, ctx):
    f = m["f"].lower()
    k = number_lexicon()["times"].get(f)  # "twice a week": the table the quantities read too
    if k is None:
        k = _num(re.sub(r"\s+times$", "", f))
    if k is None:
        return None
    return Timex("SET", _duration_value(1, m["u"]), freq=f"{_fmtnum(k)}X")


def h_set_count_per(m, ctx):
    """"five days a week" (SET P1W, freq 5D), "two weeks a year": a count of smaller units in
    each larger one ("24 hours a day" is an idiom TBAQ leaves untagged; hours are not matched)."""
    k = _num(m["n"])
    fu, u = _unit(m["fu"]), _unit(m["u"])
    if k is None or GRAN_ORDER.index(fu) >= GRAN_ORDER.index(u):
        return None
    return Timex("SET", _duration_value(1, m["u"]), mod=_ap(m["ap"]), freq=f"{_fmtnum(k)}{fu}")


def h_set_adverb(m, ctx):
    v, quant = lex()["sets_adverbs"][m["adv"].lower()]
    return Timex("SET", v, quant=quant)


_WRITTEN_YEAR = re.compile(r"(nineteen|twenty)[\s-]+(?:(?P<t>[a-z]+)[\s-]+)?(?P<u>[a-z]+)", re.I)
_FALLBACK_SKIP = re.compile(r"\bold\b|-olds?\b|^(?:annual|quarterly|seasonally|year)$|\d{3,}\s*$|^\W*\d+\W*$"
                            r"|\s(?:of|in|on|at|for|to|from)$|^(?:his|her|my|your)\s"
                            r"|\b(?:after|off|out-of)-hours?\b"  # "after-hours trading": a market session
                            r"|^(?:the\s+)?last[\s-](?:minute|moment)$"  # "at the last minute": an idiom
                            r"|^(?:the\s+)?\d+(?:st|nd|rd|th)[\s-]+minute$"  # "the 112th minute" of a match
                            r"|\s(?:of|in|on|at|for|to|from)\s+(?:a|an|the)$"  # "the first day of a" (two-day hearing)
                            r"|\b(?:year|month|quarter)-(?:on|over)-(?:year|month|quarter)\b"  # a comparison
                            r"|^(?:the\s+)?latest\s+minutes$"  # a meeting's record
                            r"|^(?:some|certain)\s+quarters$"  # "in some quarters": some people
                            r"|^working\s+hours$|^[$£€]?\d[\d.,]*\s?(?:p|c|%|pence|cents?)\b", re.I)  # "458.5p in morning trade"


def fallback_timex(text: str) -> Timex | None:
    """A TIMEX3 guess for a DATE/TIME span the rules missed (spaCy's entity): written-out years
    ("nineteen ninety-six"), bare plural units as durations ("the years" -> PXY), day parts as
    times, otherwise a DATE whose value says only its granularity (X's), never a guessed day.
    None for what is not temporal enough (ages, counts, "annual")."""
    t = re.sub(r"\s+", " ", text.strip())
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)  # "the 1,277 days": one number
    if not t or _FALLBACK_SKIP.search(t):
        return None
    lx = lex()
    nw = lx["number_words"]
    m = _WRITTEN_YEAR.fullmatch(t)
    if m and m["u"].lower() in nw:
        tens = nw.get((m["t"] or "").lower(), 0)
        cent = 19 if m.group(1).lower() == "nineteen" else 20
        if tens >= 10 or m["t"] is None:
            return Timex("DATE", f"{cent * 100 + tens + nw[m['u'].lower()]:04d}")
    words = re.findall(r"[a-z]+|\d+", t.lower())
    for k, w in enumerate(words):
        if w in lx["units"] and k > 0:
            prev = words[k - 1]
            if prev.isdigit() or (prev in nw and prev not in ("a", "an")):
                # "one second ahead", "One second": a measure of time, not a date
                return Timex("DURATION", _duration_value(_num(prev), w))
            if words[0] in ("a", "an") and not w.endswith("s") and prev not in lx["ordinals"]:
                if prev in ("full", "whole", "entire"):
                    return Timex("DURATION", _duration_value(1, w))  # "in a full year"
                if prev not in ("straight", "consecutive", "row"):
                    return None  # "in a typical year", "a bad year": no particular period
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w == "second" and k < len(words) - 1:
            continue  # "the second half", "a second round": the ordinal
        if w.startswith("mid") and w[3:] in lx["day_parts"] and w != "midnight":
            w = w[3:]  # "midafternoon", "midmorning" (spaCy's TIME)
        if w in lx["day_parts"]:
            return Timex("TIME", f"XXXX-XX-XXT{lx['day_parts'][w]}", anchor="unresolved")
        if w in lx["units"]:
            code = lx["units"][w]
            if w.endswith("s") and code not in ("S",) and w not in ("hrs", "mins"):
                return Timex("DURATION", _duration_value(None, w), anchor="unresolved")
            gran = {"2W": "W", "S": "D", "H": "D", "ML": "CE"}.get(code, code)
            if _is_time_unit(w):
                gran = "D"
            return Timex("DATE", unknown(gran), anchor="unresolved")
    return None


HANDLERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("h_") and callable(fn)}


# ----------------------------------------------------------------------------- tagging


@dataclass
class Found:
    start: int
    end: int
    text: str
    timex: Timex


def _candidates(text: str, full_scan: bool = False):
    """(rule, match) pairs: each rule runs only over the trigger windows of its categories
    (full_scan=True runs every rule over the whole text; the two give the same matches)."""
    if full_scan:
        for rule in rules():
            for m in rule.regex.finditer(text):
                if m.end() > m.start():
                    yield rule, m
        return
    wins = windows(text)
    if not wins:
        return
    low = text.lower()
    if len(low) != len(text):  # case folding moved offsets: no literal pre-check
        low = None
    by_needs: dict[frozenset[str], list[tuple[int, int]]] = {}
    in_text: dict[tuple[str, ...], list[str]] = {}
    for rule in rules():
        required = None
        if rule.requires and low is not None:
            # only the required strings the text holds are looked for in its windows; with none,
            # no window can hold a match
            required = in_text.get(rule.requires)
            if required is None:
                required = in_text[rule.requires] = [r for r in rule.requires if r in low]
            if not required:
                continue
        needs = rule.needs
        spans = by_needs.get(needs)
        if spans is None:
            present = [wins[c] for c in needs if c in wins]
            spans = present[0] if len(present) == 1 else _merge(present)
            by_needs[needs] = spans
        finditer = rule.regex.finditer
        for ws, we in spans:
            # everything a match reads (but lookbehinds) lies in [ws, we), its required string too
            if required is not None:
                for r in required:
                    if low.find(r, ws, we) >= 0:
                        break
                else:
                    continue
            for m in finditer(text, ws, we):
                if m.end() > m.start():
                    yield rule, m


_TITLE_SMALL = r"(?:of|the|a|an|and|in|on|with|for|to|at|from|by|or)"
_TITLE_CAP = r"[A-Z0-9][\w'’.&:-]*"
_TITLE_WORD = rf"(?:{_TITLE_CAP}|{_TITLE_SMALL})"
_QUOTE_OPEN = re.compile(rf"(?:``|\"|“|'')((?:{_TITLE_CAP})(?:[\s-]+{_TITLE_WORD})*[\s-]+)?$")
_QUOTE_CLOSE = re.compile(rf"((?:[\s-]+{_TITLE_WORD})*)[,.!?]?(?:''|\"|”)")
_TITLE_SPAN = re.compile(rf"{_TITLE_CAP}(?:[\s-]+{_TITLE_WORD})*")
TITLE_REACH = 60


def quoted_title(text: str, start: int, end: int) -> bool:
    """True when text[start:end] lies in a short quoted title written in title case, the name of
    a programme, film or event: ''60 Minutes'', "This Week With David Brinkley", ``High Noon'',
    ``March of the Combatant Mothers'' (TBAQ annotates none of these, 5 of 5). At least two
    words between the quotes, each capitalized (or a small word such as "of", "the")."""
    if not text[start:start + 1].isupper() and not text[start:start + 1].isdigit():
        return False
    lo = max(0, start - TITLE_REACH)
    if not any(q in text[lo:start] for q in ('"', "“", "``", "''")):
        return False
    left = _QUOTE_OPEN.search(text, lo, start)
    if left is None or not _TITLE_SPAN.fullmatch(text, start, end):
        return False
    right = _QUOTE_CLOSE.match(text, end, min(len(text), end + TITLE_REACH))
    if right is None:
        return False
    words = len((left.group(1) or "").split()) + len(text[start:end].split()) + len(right.group(1).split())
    return words >= 2


_THAT_FOLLOWS = re.compile(r",[^.]{0,60}?\bthat\b")  # "said on Wednesday, in a filing, that ..."
# a day named by itself ("Tuesday", "today"): the day of a telling ("said Tuesday", "said on Monday it ...")
DAY_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|added)\s+(?:on\s+)?$", re.I)


def tag(text: str, dct: date | None, tense_fn: TenseFn | None = None,
        tense: str | None = None, ref: tuple[str, date] | None = None,
        keep: Callable[[int, int, Timex], bool] | None = None,
        full_scan: bool = False) -> list[Found]:
    """Find and normalize every temporal expression of `text` against the DCT (may be None).

    tense_fn(start, end) gives the tense ("past"/"future"/None) of the verb governing a span
    (the spaCy component passes one); `tense` is a fixed fallback. Narrative reference time flows
    from left to right: each resolved day/month/year date becomes the reference for "a day
    later", "the following year"."""
    # The first pass only decides which matches are kept (no handler drops a match or moves
    # its extent because of the tense), so it runs without tense lookups: the verb's tense is
    # read only for the expressions kept that need one.
    probe = Ctx(text, dct, None, None, tense, probe=True)
    cands = []
    for rule, m in _candidates(text, full_scan):
        tx = HANDLERS[rule.handler](m, probe)
        if tx is None:
            continue
        s, e = tx.span or (m.start(), m.end())
        if keep is not None and not keep(s, e, tx):
            continue
        if rule.handler != "holiday" and quoted_title(text, s, e):
            continue  # ''60 Minutes'', "This Week," (a programme's name); "Black Friday" stays
        cands.append((s, e, rule, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2].order, c[0]))
    chosen: list[tuple[int, int, Rule, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if any(c[0] < te and ts < c[1] for ts, te in taken):
            continue
        chosen.append(c)
        taken.append((c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    ctx = Ctx(text, dct, ref, tense_fn, tense)
    out = []
    bare_clock: list[int] = []  # indexes in `out` of clock times that took their day from context
    for s, e, rule, m in chosen:
        tx = HANDLERS[rule.handler](m, ctx)
        if tx is None:
            continue
        s, e = tx.span or (m.start(), m.end())
        if rule.handler == "clock" and not (_g(m, "rd") or _g(m, "wd")):
            bare_clock.append(len(out))
        out.append(Found(s, e, text[s:e], tx))
        ctx.last_type = tx.type
        if _SINCE_BEFORE.search(text, max(0, s - 40), s):
            continue  # '"Rents have doubled since 2022" ... the previous year': where a period began
            # is no date the story moves to
        if tx.type == "DATE" and DAY_WORD.fullmatch(text[s:e]) and _SAID_BEFORE.search(text, max(0, s - 30), s) \
                and (text[e:e + 1] == "." or text[e:e + 1] == "," and not _THAT_FOLLOWS.match(text, e)):
            continue  # '..., its chairman told reporters on Tuesday.': the day of a trailing telling; the
            # story stays on the day it happened (not "said on Tuesday that ...", where the saying is the news)
        if rule.handler == "quarter_year" and _g(m, "ya"):
            continue  # "the year-ago quarter" is a comparison, not the story's period
        if rule.handler == "ago" and _low(m, "dir") in ("ago", "earlier") and _figure_comparison(
                text, s):
            continue  # "up from $4 million a year ago": a comparison, not where the story goes
        if rule.handler == "the_unit_before" and _low(m, "dir") in ("before", "earlier"):
            continue  # "The day before, ...": a look back; the story's day stays where it was
        if tx.type in ("DATE", "TIME") and tx.anchor != "unresolved":
            p = parse_value(tx.value)
            if p is not None and p[0] in ("Q", "H"):
                ctx.periods = {**(ctx.periods or {}), p[0]: (p[1], e)}
            if p is not None and p[0] in ("SP", "SU", "FA", "WI", "H"):
                # "the summer of 2024 ... the following year": a season or half sets the story's
                # year (its first year for a winter)
                ctx.ref = ("Y", date(p[1].year, 1, 1))
            if p is not None and p[0] in ("D", "M", "Y", "W", "Q"):
                ctx.ref = p
                ctx.ref_end = e
                if p[0] == "D":
                    ctx.day = (p[1], e)
                    ctx.day_told = _SAID_BEFORE.search(text, max(0, s - 30), s) is not None
                    if ctx.dct is not None and ctx.dct < p[1] <= ctx.dct + timedelta(days=7):
                        ctx.ahead = {**(ctx.ahead or {}), p[1].isoweekday(): p[1]}
                    if ctx.dct is None or p[1] <= ctx.dct:
                        ctx.past_day = (p[1], e)
                    else:
                        ctx.coming_day = (p[1], e)
                if tx.anchor == "absolute" and p[0] in ("D", "M"):
                    ctx.story = (p[0], p[1], e)
                elif (tx.anchor == "published" and p[0] in ("D", "M") and rule.handler in ("month", "day_date")
                      and ctx.story is not None and ctx.dct is not None and p[1] <= ctx.dct):
                    # a yearless date placed from the DCT that has happened ("Jury selection began
                    # on Jan. 26") brings the story back to the present: "set sentencing for June
                    # 18" after it is not the earlier story's June (a coming "next meeting is on
                    # July 29" does not: the story may go on)
                    ctx.story = None
                if (tx.anchor == "absolute" and p[0] == "Y" and len(tx.value) == 4 and not tx.mod
                        and ((_IN_BEFORE.search(text, max(0, s - 4), s)
                              and not _THAN_IN_BEFORE.search(text, max(0, s - 10), s))
                             or (_THE_BEFORE.search(text, max(0, s - 4), s)
                                 and _NOUN_AFTER_YEAR.match(text, e)))):
                    # (not a comparison: "five days shorter than in 2024 because Thanksgiving
                    # fell on Nov. 27" is this year's Nov. 27); an event named by its year
                    # dates the month after it: "the 2003 heat wave killed 15,000 in August"
                    ctx.year_hint = (p[1].year, e)
                elif (p[0] == "Y" and tx.anchor == "published" and not tx.mod and text[e:e + 2] in ("'s", "’s")
                      and rule.handler == "deictic" and ctx.dct is not None and p[1].year > ctx.dct.year):
                    # "next year's race would be held in mid-April": the year the month is in
                    ctx.ahead_hint = (p[1].year, e)
    for f in out:
        a = _AROUND_BEFORE.search(text, max(0, f.start - 16), f.start)
        if (a and f.timex.type in ("DATE", "TIME") and f.timex.mod is None
                and parse_value(f.timex.value) is not None and text[f.end:f.end + 2] not in ("'s", "’s")):
            # "around Nov. 1", "around 7:15 p.m.": the approximation is part of the expression
            # (TimeBank; "about" stays outside, as for durations)
            f.start, f.text = a.start(), text[a.start():f.end]
            f.timex = Timex(f.timex.type, f.timex.value, mod="APPROX", anchor=f.timex.anchor,
                            quant=f.timex.quant, freq=f.timex.freq, bounds=f.timex.bounds)
    for i in bare_clock:
        _clock_day(out, i, text)
    if out:
        out = _day_lists(out, text)
        _weekday_ranges(out, text, dct)
    return out


_WEEKDAY_RANGE_GAP = re.compile(r"\s*(?:through|thru|to|until|till|[-–])\s*", re.I)


def _weekday_ranges(out: list[Found], text: str, dct: date | None) -> None:
    """"Monday through Friday", "from Tuesday to Thursday": the second day is not before the
    first. Each weekday was placed alone (a past Monday the 16th, a past Friday the 13th); the
    pair is moved as one: back a week for the first when both have happened, else forward a
    week for the second."""
    wd = _weekday_word()
    for a, b in zip(out, out[1:], strict=False):
        if (dct is not None and _WEEKDAY_LIST_GAP.fullmatch(text, a.end, b.start)
                and _weekday_dp().fullmatch(a.text) and _weekday_dp().fullmatch(b.text)):
            # "forecast for Friday afternoon and Saturday morning" (DCT Friday): a list that
            # starts today or ahead goes on ahead (each day was placed alone: Saturday the last)
            pa, pb = parse_value(a.timex.value[:10]), parse_value(b.timex.value[:10])
            if pa is None or pb is None or pa[0] != "D" or pb[0] != "D":
                continue
            da, db = pa[1], pb[1]
            if da >= dct and db < da:
                b.timex = replace(b.timex, value=(db + timedelta(days=7)).isoformat() + b.timex.value[10:])
            continue
        if not (wd.fullmatch(a.text) and wd.fullmatch(b.text) and _WEEKDAY_RANGE_GAP.fullmatch(text, a.end, b.start)):
            continue
        pa, pb = parse_value(a.timex.value), parse_value(b.timex.value)
        if pa is None or pb is None or pa[0] != "D" or pb[0] != "D" or pb[1] >= pa[1]:
            continue
        if dct is not None and pa[1] <= dct and pb[1] <= dct:
            a.timex = replace(a.timex, value=(pa[1] - timedelta(days=7)).isoformat())
        else:
            b.timex = replace(b.timex, value=(pb[1] + timedelta(days=7)).isoformat())


_WEEKDAY_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+", re.I)


@lru_cache(maxsize=1)
def _weekday_dp() -> re.Pattern:
    """A weekday with a day part ("Friday afternoon"): the list items `_weekday_ranges` moves."""
    return re.compile(_macros()["WEEKDAY"] + r"\s+(?:" + _alt(lex()["day_parts"]) + r")", re.I)


@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern:
    return re.compile(_macros()["WEEKDAY"], re.I)


@lru_cache(maxsize=1)
def _day_list_next() -> re.Pattern:
    mc = _macros()
    return re.compile(r"\s*(?:(?:and|to|through|&)\s+|[-–]\s*)(?P<d>[12]\d|3[01]|0?[1-9])(?P<suf>st|nd|rd|th)?"
                      r"(?:,?\s+(?P<y>" + mc["YEAR"] + r"))?(?![\w%])"
                      r"(?=\s*[,.;:)!?\"'”\n]|\s*$|\s+(?:in|at|for|when|with|as|after|before|"
                      r"respectively|of|and|or|but|from|until)\b)", re.I)


def _day_lists(out: list[Found], text: str) -> list[Found]:
    """The second day of "April 24 and 25" / "March 3 to 5" is a date of its own (TimeML), in
    the first's month; a year written after it ("April 24 and 25, 1999") dates both."""
    extra, drop = [], set()
    for k, f in enumerate(out):
        if f.timex.type != "DATE" or not _MONTH_DAY_END().search(f.text):
            continue
        p = parse_value(f.timex.value)
        if p is None or p[0] != "D":
            continue
        m = _day_list_next().match(text, f.end)
        if m is None:
            continue
        if k + 1 < len(out) and out[k + 1].start < m.end():
            nxt = out[k + 1]  # only the year of this list may be tagged inside it
            if not (m["y"] and nxt.start == m.start("y") and nxt.end == m.end("y")):
                continue
            drop.add(k + 1)
        first, day = p[1], int(m["d"])
        year = int(m["y"]) if m["y"] else first.year
        if day <= first.day:
            continue
        try:
            d1, d2 = date(year, first.month, first.day), date(year, first.month, day)
        except ValueError:
            continue
        if m["y"]:
            f.timex = Timex("DATE", d1.isoformat(), anchor="absolute")
        end = m.end("y") if m["y"] else m.end("d") + len(m["suf"] or "")
        extra.append(Found(m.start("d"), end, text[m.start("d"):end],
                           Timex("DATE", d2.isoformat(), anchor="absolute" if m["y"] else f.timex.anchor)))
    if not extra:
        return out
    return sorted([f for k, f in enumerate(out) if k not in drop] + extra, key=lambda x: x.start)


@lru_cache(maxsize=1)
def _MONTH_DAY_END() -> re.Pattern:
    return re.compile(_macros()["MONTH"] + r"\s+\d{1,2}(?:st|nd|rd|th)?$", re.I)


_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
_NOUN_AFTER_YEAR = re.compile(r"\s+(?!(?:and|or|to|through|in|on|at|for|from|with|by|of|as|when|after|before|"
                              r"until|while|was|were|is|are|had|has)\b)[a-z]")
_THAN_IN_BEFORE = re.compile(r"\bthan\s+in\s+$", re.I)
_AROUND_BEFORE = re.compile(r"\b(?:around|approximately|roughly)\s+$", re.I)
_CLOCK_DAY_GAP = re.compile(r"\)?\s*(?:\([^()\n]{1,24}\)\s*)?,?\s*(?:on\s+)?")  # "(1900 GMT)" between
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_CLOCK_RANGE_GAP = re.compile(r"\s*(?:to|until|till|and|through|[-–])\s*", re.I)
_SENT_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[A-Z0-9\"“‘(►•]|\n")


def _clock_day(out: list[Found], i: int, text: str) -> None:
    """A clock time followed by its day ("at 4:17 a.m. on Tuesday", "3 p.m., March 3") takes
    that day; one in a recurring context ("on Tuesdays and Saturdays from 9 a.m. to 3 p.m.")
    is no single day: its date stays unknown."""
    f = out[i]
    clock = f.timex.value[f.timex.value.index("T"):] if f.timex.value and "T" in f.timex.value else None
    if clock is None:
        return
    if i + 1 < len(out):
        nxt = out[i + 1]
        if (nxt.timex.type == "TIME" and i + 2 < len(out) and _BRACKET_OPEN.fullmatch(text, f.end, nxt.start)
                and text.startswith(")", nxt.end)):
            # "10:35 a.m. (0735 GMT) Friday": the day is after the conversion in brackets (which
            # takes it too: its gap starts at the closing bracket)
            nxt = out[i + 2]
        gap = _CLOCK_DAY_GAP.fullmatch(text, f.end, nxt.start)
        p = parse_value(nxt.timex.value) if nxt.timex.type in ("DATE", "TIME") else None
        if gap and p is not None and p[0] == "D":
            f.timex = Timex("TIME", p[1].isoformat() + clock, anchor=nxt.timex.anchor)
            return
        if (nxt.timex.type == "TIME" and i + 2 < len(out) and _CLOCK_RANGE_GAP.fullmatch(text, f.end, nxt.start)
                and _CLOCK_DAY_GAP.fullmatch(text, nxt.end, out[i + 2].start)):
            # "from 9 a.m. to 5 p.m. on Saturday": the range's day dates its first clock too
            day = out[i + 2]
            p = parse_value(day.timex.value) if day.timex.type == "DATE" else None
            if p is not None and p[0] == "D":
                f.timex = Timex("TIME", p[1].isoformat() + clock, anchor=day.timex.anchor)
                return
        if nxt.timex.type == "SET" and _CLOCK_DAY_GAP.fullmatch(text, f.end, nxt.start):
            # "open until 11 p.m. every night", "until 9:45 p.m. on Fridays": a recurring clock,
            # no single day
            f.timex = Timex("TIME", "XXXX-XX-XX" + clock, anchor="unresolved")
            return
    for j in range(i - 1, max(-1, i - 3), -1):
        prev = out[j]
        if prev.timex.type == "SET" and prev.end <= f.start and f.start - prev.end < 80 and not (
                _SENT_BREAK.search(text, prev.end, f.start)):
            f.timex = Timex("TIME", "XXXX-XX-XX" + clock, anchor="unresolved")
            return
        if prev.timex.type != "TIME":
            break


def resolve_timex(text: str, anchor: date | None, tense: str | None = None,
                  ref: tuple[str, date] | None = None) -> Timex | None:
    """Normalize one temporal expression (the whole string must be one expression).

    >>> resolve_timex("June 2025", None).value
    '2025-06'
    """
    found = tag(text, anchor, tense=tense, ref=ref)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip()):
        return found[0].timex
    # Leading prepositions are not part of a TimeML extent: "on March 3".
    m = re.match(r"(?i)(on|in|at|by|since|during|until|from)\s+", text)
    if m:
        rest = [f for f in found if f.start == m.end() and f.end == len(text.rstrip())]
        if len(found) == 1 and rest:
            return rest[0].timex
    return None


__all__ = ["Timex", "Found", "fallback_timex", "quoted_title", "tag", "resolve_timex", "rules", "lex"]
