"""spaCy component `newsevents_dates`: temporal expressions as TimeML TIMEX3 dicts in doc._.timexes.

The extraction and normalization are the pure rules of pipeline.timex (regexes over doc.text,
lexicons in models/); the Doc contributes the tense of the governing verb (dependency parse),
which places bare weekdays and month-days ("Friday", "Nov. 25") before or after the publication
date, and spaCy's DATE/TIME entities, which veto bare-number years that are counts.
"""


import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.doctext import doc_text
from pipeline.quotes.marks import pair_quotes
from pipeline.timex import tag
from pipeline.timex.grammar import fallback_timex, quarter_fraction, quoted_title
from pipeline.timex.values import (
    GRAN_ORDER,
    Timex,
    add_years,
    fmt,
    parse_value,
    start_of,
)

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


# occasions a day's possessive names ahead of time ("Saturday's trip", "Sunday's final")
_OCCASIONS = frozenset({"trip", "match", "game", "final", "semi-final", "fixture", "clash", "race", "ceremony", "show",
                        "concert", "meeting", "vote", "election", "summit", "talks", "hearing", "debate", "launch",
                        "opening", "deadline", "budget", "parade", "rally", "event", "premiere", "derby", "tie"})


def verb_tense(doc: Doc, start: int, end: int, text: str | None = None) -> str | None:
    """'past', 'future' or None for the clause governing the character span [start, end).
    `text` is doc.text when the caller has it (Doc.text joins every token on each access)."""
    if text is None:
        text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    if text[end:end + 2] in ("'s", "’s"):
        # "Wednesday's ruling": an event already reported, whatever the verb; but "Investors
        # await Friday's jobs report" looks ahead with its verb
        if span is None or len(span) == 0:
            return None
        owner = span.root.head
        verb = owner.head if owner.dep_ in ("dobj", "pobj") else None
        if verb is not None and verb.pos_ == "ADP":
            verb = verb.head  # "are bracing for Friday's report"
        if verb is not None and owner.lemma_.lower() in _OCCASIONS and owner.dep_ == "pobj" \
                and owner.head.lower_ in ("for", "before", "ahead"):
            # "will take charge on an interim basis for Saturday's trip": up to the verb (an occasion
            # prepared for, not one something happened at: "will fine the club for trouble at Saturday's derby")
            for _ in range(3):
                if verb.tag_.startswith("VB") or verb.dep_ not in ("pobj", "prep") or verb.head.i == verb.i:
                    break
                verb = verb.head
        if verb is None or not verb.tag_.startswith("VB"):
            return None
        t = _tense_of(verb, span)
        if verb.lemma_ not in AWAITING:
            # "would make changes for Saturday's trip": an explicit future of the verb looks ahead to an
            # occasion (not to "Monday's incident", which "would review" looks back on)
            return "future" if t in ("future", "future_aux") and owner.lemma_.lower() in _OCCASIONS else None
        return "future" if t in ("present", None, "future_modal") and verb.tag_ != "VBN" else t
    if span is None or len(span) == 0:
        return None
    tok = span.root
    root_i = tok.i
    path = []  # the words between the date and its verb
    # Direct: the date hangs on the verb itself, at most through a preposition ("bought RJR in
    # February", "the year ended Jan. 31"), not through a noun or adjective ("payable Dec. 7",
    # "a summit set for April").
    direct = True
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            break
        if tok.head.i == tok.i:  # the root (Tokens are made on access: never compare with `is`)
            break
        if tok.i != root_i and tok.pos_ != "ADP":
            direct = False
        if tok.i != root_i:
            path.append(tok)
        tok = tok.head
    if not tok.tag_.startswith("VB") and tok.tag_ != "MD":
        return "future" if _present_verb_read_as_noun(tok, span.root) else None
    if _AFTER_A_CLOSE.search(text, max(0, start - 24), start):
        # "will pay 142 francs a share, a premium of 38% to the closing price on Monday": a price a
        # market closed at is already past, whatever the verb (the parse hangs the day on "pay")
        return "past"
    if any(w.dep_ == "appos" for w in path):
        # "will pay 4.20 euros a share, a premium of 38% to the closing price on Wednesday": a date
        # inside an apposition describes, and the verb's tense does not place it
        return None
    tok = _hyphen_verb_head(tok)
    if tok.lemma_ in _ATTRIBUTION_VERBS and tok.i > span.end:
        # "Valoris will cut 1,800 jobs by the end of June, the company said on Tuesday": a date the
        # parse hangs on a trailing attribution belongs to the reported clause before it
        reported = [c for c in tok.children if c.dep_ == "ccomp" and c.i < span.start]
        if reported:
            tok, direct = reported[-1], False
    t = _tense_of(tok, span)
    if t in ("present", None) and tok.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in tok.children) \
            and tok.head.tag_.startswith("VB") and _tense_of(tok.head, span) in ("future", "future_aux", "future_modal"):
        # "will lift him to 45th when the new list is published on Monday": a present tense in a
        # time clause of a future verb is future
        return "future"
    if (t is None and tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.i < span.start
            and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | MODALS | {"would"} for c in tok.head.children)
            and not any(c.dep_ == "neg" for c in tok.head.children)
            and not any(w.tag_ == "VBD" and w.i > span.end for w in tok.sent)):
        # "schools could be asked to check records before the autumn": an infinitive takes the time of
        # the modal verb it completes, ahead (not "could not bear to watch on Sunday as his team lost":
        # a past ability, told in the past)
        return "future"
    if t == "future_modal":
        # only a date on the verb itself: "may allow a revision of growth in the fourth quarter"
        # is a past quarter's growth
        t = "future" if direct else None
    if t == "present" and tok.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in PLANNING for c in tok.children):
        return "future"  # "thunderstorms are likely late on Monday", "the report is due Friday"
    if t == "past" and tok.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in PLANNING for c in tok.children) \
            and tok.dep_ == "ccomp" and tok.head.lemma_ in _ATTRIBUTION_VERBS | {"warn"} and tok.head.i < tok.i \
            and any(w.lower_ in ("before", "by", "until", "within") for w in path) \
            and not any(w.lower_ == "but" and w.i > tok.i for w in tok.sent):
        # (a deadline: not "said the gunmen were likely in the area on Monday night", where likely is probably)
        return "future"  # "warned that more downgrades were likely before the end of June": reported from now
    if (t == "present" and tok.lemma_ == "be" and _WEEKDAY.fullmatch(span.root.text)
            and (tok.i < span.start or (span.root.i == tok.i - 1 and span.root.dep_ in ("nsubj", "npadvmod")))
            and not any(w.lower_ in ("from", "than", "since", "after") for w in path)):
        # a weekday as what something "is" ("The deadline is midnight on Sunday", "The vote is
        # on Tuesday") or what "is" something ("Monday is a public holiday") is a day of
        # schedule: the coming one, not the last (TBAQ: "is this coming Sunday"; not "is down
        # 3% from Monday")
        return "future"
    if t is None and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and (
            (tok.tag_ == "VBG" and (tok.dep_ in ("pcomp", "advcl", "xcomp")
                                    or (tok.dep_ == "prep" and tok.lower_ == "including")))
            or (tok.tag_ == "VBN" and tok.dep_ == "pcomp" and tok.head.lower_ == "with")
            or (tok.tag_ == "VB" and tok.dep_ == "ccomp" and tok.head.lemma_ not in LOOKING_AHEAD
                and not any(c.dep_ == "aux" for c in tok.children))):
        # a participle has no tense of its own: "expected to cross the state before emerging over
        # the Atlantic on Thursday morning" takes the tense of the verb it hangs on; so does a
        # gerund complement ("will begin recruiting in the autumn"), "including" ("will stop in
        # 24 cities, including a show in late June") and an absolute "with" ("will be thin, with
        # most desks closed on Thursday"), and a bare noun the parse reads as a verb's base form
        # ("had offered the company support worth £30m in March")
        up = tok.head.head if tok.head.pos_ == "ADP" else tok.head
        if up.i != tok.i and (up.pos_ in ("VERB", "AUX") or up.tag_.startswith("VB")):
            tok, direct = up, False
            t = _tense_of(tok, span)
            if t == "future_modal":
                t = "future"
    if (t == "past" and len(path) == 1 and path[0].lower_ == "by" and tok.lemma_ not in LOOKING_AHEAD
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
        # "11 percent of the crop cut by Sunday", "sales rose 5% by March": what a past verb did
        # by a day, not a deadline ahead (but "expected a ruling by Friday" looks ahead)
        return "past_by"
    if (t == "past" and not direct and len(path) == 2 and path[0].lower_ in ("on", "in") and path[1].dep_ == "dobj"
            and path[1].head.i == tok.i and tok.tag_ == "VBD" and tok.lemma_ not in LOOKING_AHEAD
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
        # "The justices heard arguments on Oct. 10" (DCT June): what the verb did, through its
        # object, as if on the verb itself ("declared a dividend payable Dec. 7" is not: an
        # adjective; "scheduled a hearing on Oct. 10" is a plan)
        return "past_direct"
    if (t == "past" and direct and tok.lemma_ not in PLANNING and tok.lemma_ not in NEEDING  # "set for April"
            and (tok.dep_ != "acl" or tok.lemma_ in ("end", "close"))):
        # a bare participle is tenseless ("contracts signed after Sept. 30"), except a period
        # that "ended March 31"
        return "past_direct"
    return t


_AFTER_A_CLOSE = re.compile(r"\bclosing (?:price|level)(?: on| of)? $")
# passive verbs of expectation ("is expected on Thursday", "are forecast for Friday", "is due")
_EXPECTING = frozenset({"expect", "forecast", "predict", "project", "schedule", "slate", "plan", "due"})
# the conjunctions of time clauses, whose present tense takes their main verb's time
_TEMPORAL_MARKS = frozenset({"when", "once", "after", "before", "until", "till", "whenever"})
_ATTRIBUTION_VERBS = frozenset({"say", "tell", "add", "announce", "report", "state"})


def _hyphen_verb_head(tok):
    """The tokenizer splits a hyphenated verb ("will co-host a briefing on Monday" is "co", "-",
    "host") and the parse hangs the date on the hyphen or the second half, away from the
    auxiliary: the verb is the first half, which carries it."""
    doc = tok.doc
    i = tok.i
    if tok.text != "-" and i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        i -= 1
    if doc[i].text == "-" and i >= 1 and not doc[i - 1].whitespace_ and doc[i - 1].tag_.startswith("VB"):
        return doc[i - 1]
    return tok


def _present_verb_read_as_noun(tok, date_root) -> bool:
    """In a sentence with no verb, the noun a date hangs on that is one: "Talks (between unions
    and the ministry) resume Thursday" (a bare weekday straight after a noun, which only a verb
    takes) or "The final kicks off on Sunday" (a noun with a particle). Read as a present tense
    of schedule: ahead of the DCT."""
    if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in tok.sent):
        return False
    if tok.tag_ in ("NN", "NNS") and tok.i < date_root.i and any(c.dep_ == "prt" for c in tok.children):
        return True
    noun = date_root.head  # "resume" in "resume Thursday"; not "Wall Street's rally Monday", "heavy trading Monday"
    return (date_root.dep_ == "npadvmod" and noun.tag_ == "NN" and noun.i == date_root.i - 1
            and not any(c.dep_ in ("det", "poss", "amod") for c in noun.children))


def _tense_of(tok, span) -> str | None:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.tag_ == "VB":
        # "would fall in the first quarter and recover in the second half": the second verb
        # shares the first's auxiliary
        auxes = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    # "markets will be closed Friday" is often parsed with "will" on the passive "be"
    auxes += [g for a in auxes if a.dep_ == "auxpass" for g in a.children if g.dep_ == "aux"]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future_aux"  # "future", with the longer horizon of an explicit auxiliary
    # Reported future ("said it would take a decision in the third quarter"): only for a date
    # after its verb; "said on Monday it would build" is often parsed onto "build".
    if "would" in lowers and span.start > tok.i:
        return "future"
    if (lowers & MODALS and tok.tag_ == "VB" and span.start > tok.i and not lowers & {"have", "had"}
            and not ("could" in lowers and any(c.dep_ == "neg" for c in tok.children))):
        # "a shutdown that could begin Tuesday", "may vote on Friday": a possibility ahead (but
        # "could not reach him Monday" is a past attempt); `verb_tense` keeps it for dates on
        # the verb itself
        return "future_modal"
    if any(a.lower_ == "going" for a in auxes) or (tok.lower_ == "going" and any(
            c.lower_ == "to" for c in tok.children)):
        return "future"
    if (tok.lemma_ in SCHEDULING and not lowers & {"had", "was", "were"} and tok.dep_ != "acl"
            and not (any(c.dep_ == "xcomp" for c in tok.children)
                     and not any(c.dep_ == "dobj" for c in tok.children))):
        return "future"  # "has scheduled a news conference Thursday", "planned a rally on Saturday"
    if (tok.tag_ == "VB" and "to" in lowers and tok.head.i != tok.i and tok.head.lemma_ == "be"
            and tok.head.tag_ in ("VBZ", "VBP")):
        return "future"  # "is to resume trading Tuesday"
    if tok.tag_ == "VBN" and tok.lemma_ in _EXPECTING and not lowers & {"had", "been"} and (
            lowers & {"is", "are", "am", "'s", "'re"}
            or lowers & {"was", "were"} and tok.lemma_ in FORECASTING | {"expect"} and tok.dep_ == "ccomp"
            and tok.head.lemma_ in _ATTRIBUTION_VERBS | {"warn"}
            and not any(t.lower_ == "but" and t.i > tok.i for t in tok.sent)):
        # "A cool change is expected on Thursday", "said a cool change was expected around 6 p.m. on
        # Thursday": an expectation, stated now or reported from now, looks ahead (not a plan reported,
        # "said the robbery was planned on Thursday", nor one that then failed, "was expected on
        # Monday but it was delayed")
        return "future"
    if "had" in lowers:
        return "past_perfect"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have"}:
        return "past"
    if tok.tag_ == "VBN" and lowers & {"was", "were"}:
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not auxes:
        if tok.lemma_ in PLANNING and tok.lemma_ != "set":
            # "new products expected this fall", "a vote scheduled for May": ahead or open
            # ("its record high set on Aug. 6" is past)
            return None
        return "past"  # a reduced relative: "the fiscal year ended March 31"
    # "planned to leave on Thursday", "meets Monday", "is flying Tuesday": ahead of the DCT
    # (also a passive infinitive: "is scheduled to be tried in the fall")
    if ((tok.tag_ == "VB" or (tok.tag_ == "VBN" and "be" in lowers)) and "to" in lowers and tok.head.i != tok.i
            and tok.head.lemma_ in PLANNING | FORECASTING and tok.head.pos_ != "NOUN"
            and "had" not in {c.lower_ for c in tok.head.children}
            and not (tok.head.dep_ == "acomp" and "had" in {c.lower_ for c in tok.head.head.children})):
        # (but "had been due to open on Monday" was a plan for a day now past)
        return "future"
    present = tok.tag_ in ("VBZ", "VBP") or (
        # "Classes begin Monday": a present verb the tagger reads as a base form (a finite
        # clause: it has a subject and no "to")
        tok.tag_ == "VB" and tok.dep_ in ("ROOT", "conj") and any(c.dep_ == "nsubj" for c in tok.children))
    if present and not auxes and tok.lemma_ not in REPORTING:
        return "future"
    if present and not auxes:
        return "present"  # "the next meeting is on July 29", "says": now, not the story's year
    if tok.tag_ == "VBG" and lowers & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


# Arranging an event ahead: "has scheduled a news conference Thursday", "planned a rally on
# Saturday" (but "was scheduled for", "had planned", "a service planned for Saturday was
# canceled" report an arrangement already past, and "On Friday, it planned to pay" dates the plan).
SCHEDULING = {"plan", "schedule", "slate"}
# Modals of possibility or obligation: with a base verb, what they date is ahead ("would" is
# apart: it also reports habits and conditions, and is read only after its verb).
MODALS = {"could", "may", "might", "should", "must", "can"}
# Present-tense reporting verbs ("says Tuesday") do not move a date ahead.
REPORTING = {"say", "tell", "report", "announce", "confirm", "add", "note", "claim", "insist",
             "state", "warn", "write", "be", "have", "follow"}
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
# Waiting for an event: "Investors await Friday's jobs report" (its day is ahead, unlike
# "Wednesday's ruling")
AWAITING = {"await", "brace", "eye", "anticipate"}
# Needs point ahead even in the past tense: "said Ukraine needed more systems before December"
# is not a date already past (only the default horizon applies to them).
NEEDING = {"need", "want", "require", "seek", "demand", "wish"}
# "is forecast to hit on Friday night": the infinitive looks ahead too (only there: "predicted in
# May" is a past event, unlike "set for April").
FORECASTING = {"forecast", "predict", "project"}
# "planned to leave on Thursday", "is scheduled to close Monday": the infinitive looks ahead.
PLANNING = {"plan", "schedule", "set", "expect", "intend", "hope", "aim", "prepare", "due",
            "slate", "poise", "ready", "likely", "agree", "promise", "vow", "threaten"}
# Verbs whose date lies ahead of them, whatever their tense (SCHEDULING is within PLANNING)
LOOKING_AHEAD = frozenset(PLANNING | NEEDING | FORECASTING)


def timex_dict(text: str, start: int, end: int, tx: Timex) -> dict:
    return {
        "text": text,
        "start": start,
        "end": end,
        "type": tx.type,
        "value": tx.value,
        "mod": tx.mod,
        "range": tx.range,
        "anchor": tx.anchor,
        "quant": tx.quant,
        "freq": tx.freq,
    }


class DatesComponent:
    def __init__(self, nlp: Language, name: str, use_tense: bool = True,
                 year_needs_entity: bool = True, entity_fallback: bool = True):
        self.name = name
        self.entity_fallback = entity_fallback
        self.use_tense = use_tense
        self.year_needs_entity = year_needs_entity
        _register()

    def __call__(self, doc: Doc) -> Doc:
        dct = _parse_dct(doc._.published)
        text = doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        has_dep = doc.has_annotation("DEP")
        tense_fn = None
        if self.use_tense and has_dep:
            cache: dict[tuple[int, int], str | None] = {}

            def tense_fn(s: int, e: int) -> str | None:
                key = (s, e)
                if key not in cache:
                    cache[key] = verb_tense(doc, s, e, text)
                return cache[key]

        keep = None
        has_ents = doc.has_annotation("ENT_IOB")
        # Doc.ents builds every entity Span on each access: read once for both uses
        ents = doc.ents if has_ents and (self.year_needs_entity or self.entity_fallback) else ()
        if self.year_needs_entity and has_ents:
            keep = self._year_filter(doc, text, ents)
        found = tag(text, dct, tense_fn=tense_fn, keep=keep)
        out = [timex_dict(f.text, f.start, f.end, f.timex) for f in found]
        if self.entity_fallback and has_ents:
            out = self._fallback(doc, out, ents, text, dct)
        if dct is not None and ('"' in text or "“" in text):
            _date_quoted_today(out, text, dct)
        if dct is not None and has_dep and _THIS_YEAR.search(text):
            _in_this_year(doc, out, dct)
        doc._.timexes = out
        return doc

    @staticmethod
    def _fallback(doc: Doc, out: list[dict], ents, text: str, dct: date | None) -> list[dict]:
        """spaCy DATE/TIME entities (`ents`, doc.ents) the rules missed, kept when fallback_timex
        reads a temporal head in them; their values carry X's (or PX durations), anchor
        'unresolved'. `text` is doc.text, `dct` the publication date."""
        taken = [(t["start"], t["end"]) for t in out]
        extra = []
        for ent in ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            s, e = ent.start_char, ent.end_char
            if any(a < e and s < b for a, b in taken):
                continue
            if len(ent) == 1 and ent.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "Evening bus service": a day part naming a kind of thing
            if quarter_fraction(text, s, e):
                continue  # "more than a quarter of the market"
            if _TITLE_DAYPART.fullmatch(ent.text) and s > 0 and not _SENT_START_BEFORE.search(text, max(0, s - 4), s):
                continue  # "an interview on ITV1's This Morning": a programme's name
            if _ON_UNIT_AFTER.match(text, e) and _UNIT_WORD.fullmatch(ent.text):
                continue  # "a 0.1% rise in month on month output": a comparison
            if quoted_title(text, s, e):
                continue  # "This Week With David Brinkley": a programme's name
            if _GREETING.search(text, max(0, s - 6), s) and _DAYPART_WORD.fullmatch(ent.text):
                continue  # "Good evening from Havana": a greeting
            tx = fallback_timex(ent.text)
            if tx is None:
                continue
            if tx.type in ("DATE", "TIME") and tx.value and tx.value.startswith("X") \
                    and (_after_a_date(out, text, s) or not _defined_by_clause(ent, text)):
                # ("Oct. 12, the day before the plunge": in apposition to a date, it is that date)
                ref = _reference(out, s, dct)
                if ref is not None and _BACK.search(ent.text) and _back_ref(out, s):
                    # "The year-ago results" after "the year-ago quarter": already a year back
                    ref = ref[0], add_years(ref[1], 1)
                tx = _place(tx, ent.text, ref)
            extra.append(timex_dict(ent.text, s, e, tx))
        if not extra:
            return out
        return sorted(out + extra, key=lambda t: t["start"])

    @staticmethod
    def _year_filter(doc: Doc, text: str, ents):
        """A bare four-digit number is a year unless the Doc reads it as a count: inside a
        CARDINAL/MONEY/QUANTITY/PERCENT entity (of `ents`, doc.ents), or a number modifying a
        plural noun with no determiner ("2000 troops"; but "the 2015 elections" stays a year)."""
        counts = [(e.start_char, e.end_char) for e in ents
                  if e.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")]
        has_dep = doc.has_annotation("DEP")

        def keep(s: int, e: int, tx: Timex) -> bool:
            if tx.type != "DATE" or not text[s:e].isdigit():
                return True
            if any(cs <= s and e <= ce for cs, ce in counts) and not (has_dep and _year_of_a_thing(doc, text, s, e)):
                return False
            if has_dep:
                span = doc.char_span(s, e)
                if span is not None and len(span) == 1:
                    tok = span[0]
                    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                    if (tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i
                            and prev not in DETERMINERS and not prev.endswith("'s")
                            and not (tok.head.lemma_.lower() in _DATED_PLURALS and tok.head.i == tok.i + 1)):
                        return False  # ("recovered to 2019 levels": a year's levels, not 2,019 of them)
            return True

        return keep


# plurals a year before them dates rather than counts ("2019 levels", "2004 earnings", "2026 elections")
_DATED_PLURALS = frozenset({"level", "high", "low", "peak", "figure", "price", "rate", "election", "result",
                            "account", "standard", "value", "average", "term", "game", "olympics", "final",
                            "earning", "earnings", "profit", "revenue", "loss", "sale", "forecast", "target",
                            "dividend", "bonus", "emission"})


def _year_of_a_thing(doc: Doc, text: str, s: int, e: int) -> bool:
    """"compared with the 2021 match", "its 2024 budget": a year (the digits text[s:e]) between a
    determiner and the singular noun it dates, which the NER may count as a number."""
    if e - s != 4 or not 1900 <= int(text[s:e]) <= 2100:
        return False
    span = doc.char_span(s, e)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return (tok.dep_ in ("nummod", "compound", "amod") and tok.head.tag_ == "NN" and tok.head.i == tok.i + 1
            and tok.i > 0 and (doc[tok.i - 1].lower_ in DETERMINERS or doc[tok.i - 1].tag_ == "POS"))


_TODAY = re.compile(r"(?:today|tonight)", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


_THIS_YEAR = re.compile(r"\bthis year\b", re.IGNORECASE)
_YEARLESS_PART = re.compile(r"(\d{4})(-(?:Q[1-4]|H[12]|SP|SU|FA|WI|\d{2}))$")


def _in_this_year(doc: Doc, out: list[dict], dct: date) -> None:
    """'forecast two rate cuts this year, the first in the second quarter': a part of a year named
    without its year, in a sentence that says "this year", is in the publication year (the past
    tense of the forecast had put it a year back)."""
    year = str(dct.year)
    anchors = [t for t in out if t["value"] == year and _THIS_YEAR.fullmatch(t["text"].strip())]
    if not anchors:
        return
    sents = {doc.char_span(t["start"], t["end"], alignment_mode="expand").sent.start for t in anchors}
    for t in out:
        m = _YEARLESS_PART.fullmatch(t["value"] or "")
        if m is None or m.group(1) == year or any(ch.isdigit() for ch in t["text"]):
            continue
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None or span.sent.start not in sents:
            continue
        old = m.group(1)
        t["value"] = year + m.group(2)
        if t.get("range"):
            t["range"] = {k: (v.replace(old, year, 1) if isinstance(v, str) else v) for k, v in t["range"].items()}


def _date_quoted_today(out: list[dict], text: str, dct: date) -> None:
    """'"Today we showed character," Matos said' in a report of Sunday's match published on
    Monday: "today" in a direct quote is the day the words were said, the story's day before the
    quote (one to three days before publication), not the publication day."""
    todays = [k for k, t in enumerate(out)
              if _TODAY.fullmatch(t["text"]) and t["value"] and t["value"].startswith(dct.isoformat())]
    if not todays:
        return  # (most articles: the quote marks are not paired for nothing)
    spans = [(q.start, q.end) for q in pair_quotes(text)]
    for k in todays:
        t = out[k]
        quote = next(((a, b) for a, b in spans if a <= t["start"] < b), None)
        if quote is None:
            continue
        stop = _SENTENCE_END.search(text, quote[1])
        stop = stop.start() if stop else len(text)
        if any(quote[1] <= other["start"] < stop and other["type"] in ("DATE", "TIME") for other in out):
            continue  # '"Today is a sad day," the chairman said on Monday': its own day is written
        day = None
        for prev in reversed(out[:k]):
            if prev["end"] <= quote[0] and prev["type"] in ("DATE", "TIME") and prev["anchor"] != "unresolved":
                p = parse_value(prev["value"])
                if p is not None and p[0] == "D":
                    day = p[1]
                    break
        if day is not None and 1 <= (dct - day).days <= 3:
            t["value"] = day.isoformat() + t["value"][10:]


def _reference(out: list[dict], pos: int, dct: date | None):
    """(granularity, first day) of the last resolved date before pos, else of the DCT."""
    for t in reversed(out):
        if t["start"] < pos and t["type"] in ("DATE", "TIME") and t["anchor"] != "unresolved":
            p = parse_value(t["value"])
            if p is not None and p[0] in ("D", "W", "M", "Q", "Y"):
                return p
    return ("D", dct) if dct else None


_TITLE_DAYPART = re.compile(r"(?:This|Last|Next|Saturday|Sunday|Friday)\s+(?:Morning|Afternoon|Evening|Night)")
_SENT_START_BEFORE = re.compile(r"(?:^|[.!?:\n][\"'”’)]*)\s*$")
_ON_UNIT_AFTER = re.compile(r"\s+on\s+(?:the\s+)?(?:month|year|quarter|week)\b", re.I)
_UNIT_WORD = re.compile(r"(?:month|year|quarter|week)", re.I)
_GREETING = re.compile(r"\bgood\s+$", re.I)
_DAYPART_WORD = re.compile(r"(?:morning|afternoon|evening|night)", re.I)
_BACK = re.compile(r"year[- ](?:ago|earlier)|year before", re.I)
# "year" as the period itself ("the year-ago year", "a year earlier"), not only the comparison
_YEAR_WORD = re.compile(r"\byear(?![- ](?:ago|earlier|before))\b|\byear[- ](?:ago|earlier|before)\s+year\b", re.I)


def _back_ref(out: list[dict], pos: int) -> bool:
    """Whether the reference before pos (the last resolved date) is itself a year-back
    comparison ("the year-ago quarter", "a year earlier")."""
    for t in reversed(out):
        if t["start"] < pos and t["type"] in ("DATE", "TIME") and t["anchor"] != "unresolved":
            p = parse_value(t["value"])
            if p is not None and p[0] in ("D", "W", "M", "Q", "Y"):
                return bool(_BACK.search(t["text"]))
    return False


_EVENT_AFTER = re.compile(r"\s+(?:after|before)\s+(?:the|his|her|its|their|a|an)\s")


def _defined_by_clause(ent, text: str) -> bool:
    """"the day it reached his desk", "the day after the election": a day set by an event the
    sentence names, not the narrative's day; it keeps its X's."""
    root = ent.root
    if any(c.dep_ == "relcl" for c in root.children):
        return True
    head = root.head
    if root.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and root.i < c.i < head.i for c in head.children):
        return True
    return _EVENT_AFTER.match(text, ent.end_char) is not None


def _after_a_date(out: list[dict], text: str, start: int) -> bool:
    """Whether a found DATE/TIME ends right before `start`, a comma between ("Oct. 12, the day ...")."""
    return any(t["end"] < start and text[t["end"]:start].strip() == "," for t in out)


def _place(tx: Timex, text: str, ref) -> Timex:
    """Give a fallback DATE/TIME of known granularity the period of the reference that holds it:
    "the day" after "March 3" is that day, "year-end" the reference year, "the year-ago
    quarter" the same quarter a year back. Unplaceable ones keep their X's."""
    if ref is None:
        return tx
    rg, rd = ref
    back = -1 if _BACK.search(text) else 0
    if tx.type == "TIME":
        if rg != "D":
            return tx
        return Timex("TIME", rd.isoformat() + tx.value[10:], anchor="narrative")
    gran = {"XXXX": "Y", "XXXX-QX": "Q", "XXXX-XX": "M", "XXXX-WXX": "W", "XXXX-XX-XX": "D"}.get(tx.value)
    if back and gran == "Y" and rg == "Q" and not _YEAR_WORD.search(text):
        gran = rg  # "year-earlier results", "the year-ago period" after a quarter: that period
    if gran is None or GRAN_ORDER.index(gran) < GRAN_ORDER.index(rg):
        return tx  # the reference is coarser than the expression: cannot place it
    first = start_of(gran, rd)
    if back:
        first = add_years(first, back)
    return Timex("DATE", fmt(gran, first), anchor="narrative")


DETERMINERS = {"the", "its", "their", "his", "her", "this", "that", "our", "a", "an", "'s"}


@Language.factory(
    "newsevents_dates",
    default_config={"use_tense": True, "year_needs_entity": True, "entity_fallback": True},
)
def make_dates(nlp: Language, name: str, use_tense: bool, year_needs_entity: bool,
               entity_fallback: bool):
    return DatesComponent(nlp, name, use_tense=use_tense, year_needs_entity=year_needs_entity,
                          entity_fallback=entity_fallback)
