"""Events from the parse: actions (who did what to whom), statements (quotes with speakers) and
claims (sentences whose main assertion is numeric).

Reads `doc._.entities` / `doc._.entity_index` (entities component) and, when those components ran,
`doc._.timexes`, `doc._.quantities` and `doc._.quotes`. Writes `doc._.events`: dicts with the event
record fields except the article-level ones (`event_id`, `article_id`, `published`), which
`pipeline.records` adds.
"""

import bisect
import re
from collections.abc import Callable, Iterator

import numpy
from spacy import symbols as spacy_symbols
from spacy.attrs import DEP, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_json
from ..quantity.modifiers import (
    change_adverb,
    change_noun,
    change_verb,
    is_level_preposition,
    is_level_verb,
)
from .doctext import doc_text
from .entities import (
    FARTHER_BODY_NOUNS,
    STORM_WORDS,
    byline_spans,
    compound_of,
    ends_in_company_word,
    entity_ref,
    is_age_noun,
    name_head,
    national_body,
    of_object,
    story_company,
    story_country,
)
from .paragraphs import DATELINE_DASHES

# how far back (chars, about three paragraphs) a description or role looks for what it names
_REACH = 1500
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "obj", "iobj", "oprd"}
# Clause links through which a verb shares its head's subject ("threatened to hit", "struck and killed").
SHARED_SUBJECT_DEPS = {"xcomp", "conj"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "acomp", "dative", "pobj", "npadvmod", "appos", "oprd"}
TEMPORAL_TYPES = {"DATE", "TIME"}
VERB_POS = spacy_symbols.VERB
# Dependencies that open a new clause or an aside: numbers below them are not the root's assertion.
# (pcomp: "accused Rinaldi of hiding 800 million euros" - the amount is the hiding's)
CLAUSE_BOUNDARY_DEPS = {"appos", "relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "csubj", "mark",
                        "pcomp"}
# Prepositions of a motion, not of a change in a measure ("slipped into orbit", "spilled onto the road").
_MOTION_PREPS = frozenset({"into", "onto", "through", "out", "across"})
# Verbs that present evidence: "Algeria bought 4.1 billion euros of goods, customs data showed" asserts
# the reported clause, as a speech verb's does
_EVIDENCE_VERBS = frozenset({"show", "indicate", "suggest", "reveal"})
# passives that raise like "is expected to" ("Total spending is budgeted to rise about 9%")
_FORECAST_PASSIVES = frozenset({"forecast", "project", "budget", "estimate", "predict", "tip"})
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Pronouns that, as a target, only repeat the actor: possessives and reflexives ("cut its rate"),
# and object pronouns, which cannot be the clause's own subject ("Belgium refused to support it":
# "it" is the plan, not Belgium; a nearest-entity search would say Belgium).
OWNER_PRONOUNS = {"its", "their", "his", "her", "itself", "themselves", "himself", "herself", "it", "them", "him"}


# "accused X of paying", "praised X for cutting", "stopped X from leaving": X does the -ing verb
_CONTROL_PREPOSITIONS = frozenset({"of", "for", "from"})
# "bought the remaining 80% of Air Europa", "took control of Twitter", "the shares in Equant": the
# "of" (or "in") object is the target
_PARTITIVE_HEADS = frozenset({"%", "percent", "stake", "share", "shares", "control", "majority", "part", "rest",
                              "remainder", "half", "portion", "bulk", "ownership", "all", "most", "some"})
_NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "FAC"})
_PLACE_OR_NATION_LABELS = frozenset({"GPE", "LOC", "NORP"})
# a subject pronoun's object form: the addressee of "told her she ..."
_OBJECT_FORM = {"she": "her", "he": "him", "they": "them"}
# Nouns that follow an organisation's name to say what it is ("the Verdi union", "the Hamas group")
# (not the company nouns, "the group" / "the company": those are the organisation last named as a subject)
# bodies words are told to, named earlier in the story ("told the court", "told the committee")
_ADDRESSED_BODIES = frozenset({"court", "tribunal", "inquiry", "committee", "hearing", "parliament", "assembly",
                               "council", "jury", "panel", "commission", "senate"})
# the last words of bodies' names that their definite descriptions use ("the authority")
_BODY_HEADS = frozenset({"authority", "commission", "agency", "board", "council", "committee", "ministry",
                         "department", "office", "service", "court", "tribunal", "institute", "union",
                         "association", "federation", "foundation", "trust", "fund", "corporation", "party"})
_ORG_KIND_NOUNS = frozenset({"union", "party", "movement", "coalition", "militia", "council"})
# the head words of a trading place ("on the Toronto Stock Exchange", "on the Nasdaq")
_MARKET_WORDS = frozenset({"exchange", "bourse", "nasdaq", "nyse", "market", "markets"})


def _word_at(text: str, end: int) -> str:
    """The lower-case word after the spaces at `end` ("Verdi| union" -> "union")."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _partitive(tok: Token) -> bool:
    """'Thousands', 'hundreds', 'most', '200': a head that counts what its "of" phrase names."""
    return tok.like_num or tok.lower_ in _PARTITIVE_HEADS or tok.ent_type_ == "CARDINAL"


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _register_extensions() -> None:
    for name in ("events", "entities", "entity_index", "timexes", "quantities", "quotes"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _ext(doc: Doc, name: str) -> list:
    return (getattr(doc._, name) if Doc.has_extension(name) else None) or []


def _within(items: list[dict], start: int, end: int) -> list[dict]:
    return [x for x in items if x["start"] >= start and x["end"] <= end]


def subtree_span(token: Token) -> tuple[int, int]:
    """Character extent of a token's subtree."""
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)




# participles of state, not of something done ("Faced with rising costs, Tesco cut ...")
_STATIVE_PARTICIPLES = frozenset({"face", "compare", "base", "give", "concern", "locate", "situate", "couple",
                                  "combine", "know", "worry", "determine", "prepare", "convince", "bear"})


# what "make" takes in idioms that report no deed ("makes sense", "made a mistake", "made history")
_LIGHT_OBJECTS = frozenset({"sense", "difference", "point", "mistake", "history", "progress", "use", "way", "money",
                            "case", "headway", "room", "effort", "efforts", "sure", "clear", "fun", "matter", "mess"})


def _dateline_chars(doc: Doc) -> tuple[int, int]:
    """The characters of the story's first dateline, place to dash ("ZVORNIK, Bosnia and Herzegovina
    (AFP) -"), as the paragraphs component found it; (0, 0) when there is none."""
    found = doc._.datelines if Doc.has_extension("datelines") else None
    if not found:
        return (0, 0)
    start, place_end = found[0]
    for j in range(place_end, min(place_end + 16, len(doc))):
        if doc[j].text in DATELINE_DASHES:
            return (doc[start].idx, doc[j].idx + len(doc[j].text))
    return (0, 0)


# how people are asked for a view ("economists polled by Reuters")
_ASKING_VERBS = frozenset({"survey", "poll", "ask", "interview", "quote", "cite", "consult", "question"})
# participles of a state, not of a deed, also on a description in apposition ("a neighbour living next door")
_STATE_PARTICIPLES = _STATIVE_PARTICIPLES | {"live", "reside", "stay", "belong", "own", "hold", "remain", "serve",
                                             "work"}


def _opening_participle(verb: Token) -> bool:
    """'Founded a decade ago by Dana Whitfield, Corvant employs 900', 'Hit by floods, Pakistan
    asked ...': a past participle opening the sentence before a comma, hung on the main verb as an
    adverbial (or, misparsed, as a subject beside the real one)."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.i > head.i or head.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "nsubj") \
            or verb.lemma_.lower() in _STATIVE_PARTICIPLES:
        return False
    if any(c.dep_ in ("mark", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "nsubj" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in head.children):
        return False
    k = verb.right_edge.i + 1
    return k < len(verb.doc) and verb.doc[k].text == "," or verb.doc[verb.right_edge.i].text == ","


def _root_noun_clause(verb: Token) -> bool:
    """A sentence the parse made a noun with a clause ("Operating margin widened by 1.4 points to
    16.2%." as "margin" and its participle): the clause right after the root noun, in a sentence
    with no other verb, is the sentence's own."""
    head = verb.head
    if verb.i > head.i + 1:
        # ("The margin in the third quarter narrowed by 1.5 points": the noun's phrase runs to the verb)
        after = verb.doc[head.i + 1]
        if not (after.dep_ == "prep" and after.head.i == head.i and after.right_edge.i == verb.i - 1):
            return False
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT" and head.pos_ == "NOUN"
            and verb.i > head.i
            and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in head.lefts))


def _contrast_noun_clause(verb: Token) -> bool:
    """'..., while its operating margin widened by 1.8 points' parsed as a noun ("margin", an
    adverbial clause marked by "while") with the verb as its participle."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.i == head.i + 1 and head.pos_ == "NOUN"
            and head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in head.children))


def _after_comma_and(verb: Token) -> bool:
    """A coordinated clause opened by ", and" / ", but" (the parse may hang the conjunction on
    the verb before)."""
    i = verb.left_edge.i
    return i > 1 and verb.doc[i - 1].lower_ in ("and", "but") and verb.doc[i - 2].text == ","


# verbs of a speaker's stance, which a speaker does after saying something ("said ... and urged ...")
# ("indicate" is not one: "said the withdrawal was agreed and did not indicate a movement")
_STANCE_VERBS = frozenset({"urge", "ask", "call", "warn", "demand", "appeal", "accuse", "blame", "criticise",
                           "criticize", "welcome", "reject", "dismiss", "vow", "pledge", "promise"})


_PART_WORDS = frozenset({"much", "most", "all", "part", "parts", "some", "half", "swathes", "swaths", "rest"})


def _of_partitive(tok: Token) -> Token:
    """The whole a part is of: "much of the airport" -> "airport" (a part stands for what it is of)."""
    if tok.lower_ in _PART_WORDS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ != "PRON":
            return obj
    return tok


def _hyphenated_modifier(root: Token, q: dict) -> bool:
    """A quantity written as a hyphenated adjective of a noun: "40-metre" (one span) or "500" of
    "500-page" (the number, its noun after the hyphen)."""
    if root.dep_ in ("amod", "compound") and "-" in q["text"]:
        return True
    nxt = root.nbor(1) if root.i + 1 < len(root.doc) else None
    return (root.dep_ == "nummod" and nxt is not None and nxt.text == "-" and nxt.i + 1 < len(root.doc)
            and root.head.i == nxt.i + 1 and root.head.dep_ in ("amod", "compound"))


def _only_describes(doc: Doc, ref: dict) -> bool:
    """A nationality word that only describes the noun it modifies ("A European spacecraft",
    "Russian authorities", "the French president") names no participant; "the Russians" does."""
    if ref["label"] != "NORP":
        return False
    span = doc.char_span(ref["start"], ref["end"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and not (
        span.start <= root.head.i < span.end)


class EventExtractor:
    def __init__(self) -> None:
        self._quote_spans: list[tuple[int, int]] = []
        self._modal_adjectives: set[int] = set()
        self._appos_heads: set[int] = set()
        self._possessed: set[int] = set()
        self._index: list[tuple[int, int, str]] = []
        self._by_id: dict[str, dict] = {}
        self._org_heads: set[str] = set()
        self._cue_speakers: dict[int, dict] = {}
        self._name_heads: dict[str, str] = {}
        self._last_heads: dict[str, str] = {}  # "Port of Rotterdam Authority" -> "authority"
        self._dateline: tuple[int, int] = (0, 0)  # where the dateline opening the story lies
        self._refs_cache: dict[int, list[dict]] = {}
        self._lead: int | None = None
        self._country: dict | None | bool = False  # the story's country, found when first asked
        self._entities: list[dict] = []
        self._text = ""
        self._bylines: list[tuple[int, int]] = []
        # per-Doc: sentence token starts and start chars (Token.sent walks the Doc on every call)
        self._sent_token_starts: list[int] = []
        self._sent_start_chars: list[int] = []
        # per-Doc: (start, end) of a quantity -> its root token (None when the span does not align)
        self._quantity_roots: dict[tuple[int, int], Token | None] = {}
        verbs = load_json("event_verbs.json")
        self.non_content = set(verbs["non_content"])
        self.descriptive_participles = frozenset(verbs["descriptive_participles"])
        self.raising = set(verbs["raising"])
        self.object_control = set(verbs["object_control"])
        self.amount_verbs = set(verbs["amount_verbs"])
        self.company_measures = set(verbs["company_measures"])
        self.measure_nouns = frozenset(verbs["measure_nouns"]) | self.company_measures
        self._own_measures = frozenset(self.company_measures) | frozenset(verbs["own_measures"])

        self.speech = set(verbs["speech"])
        self.location_preps = set(verbs["location_preps"])
        places = load_json("places.json")
        self.place_nouns = set(places["place_nouns"])
        self.place_office_nouns = frozenset(places["place_office_nouns"])
        self.event_nouns = frozenset(verbs["event_nouns"])
        self.countries = {c.lower() for c in places["countries"]}
        self.temporal_preps = set(verbs["temporal_preps"])
        self._not_target_preps = self.location_preps | self.temporal_preps | {"of"}
        self.titles = {t.lower() for t in load_json("person_titles.json")["titles"]}
        speakers = load_json("quote_speakers.json")  # the nouns quotes reads speakers by, too
        self.person_nouns = set(speakers["person_nouns"])
        self.description_roles = set(speakers["description_roles"])
        # "the automaker", "the lender": a singular organisation noun stands for the one just named
        self.organisation_descriptions = set(speakers["company_nouns"])
        self.institution_words = frozenset(load_json("org_words.json")["institution_words"])
        self.workplace_nouns = frozenset(load_json("org_words.json")["workplace_nouns"])
        self.institution_nouns = frozenset(speakers["institution_nouns"])
        self.news_agencies = frozenset(speakers["news_agencies"])
        # "the regulator": an organisation whose name holds one of these words
        self.described_by = {noun: set(words) for noun, words in speakers["described_by"].items()}
        self.person_pronouns = set(verbs["pronouns"]["person"])
        self.group_pronouns = set(verbs["pronouns"]["group"])
        unisex = set(speakers["unisex_names"])
        # a given name's gender (the lists quotes reads): "him" is not "Judge Miriam Clarke"
        self.name_gender = {**{n: "m" for n in set(speakers["male_names"]) - unisex},
                            **{n: "f" for n in set(speakers["female_names"]) - unisex}}

    # ---- entity references -------------------------------------------------------------------
    def _entity_at(self, start: int, end: int) -> dict | None:
        """entities.entity_at over the current Doc's index, entities and text (read once per Doc)."""
        return entity_ref(self._index, self._entities, self._text, start, end)

    def resolve_pronoun(self, doc: Doc, token: Token, subject_only: bool = False) -> dict | None:
        """Most recent earlier entity of a fitting kind: he/she -> PERSON (within ~3 paragraphs);
        it/they -> ORG/GPE/NORP in the same or previous sentence only, since 'it' is often a
        dummy subject. Pronouns inside quotes are the speaker's, not the narrator's: unresolved.
        subject_only: the antecedent must be (inside) a clause subject ("Nvidia reported ... Its
        shares", not "The storm hit Florida. Its winds")."""
        word = token.lower_
        if word in self.person_pronouns:
            labels, reach = {"PERSON"}, _REACH
        elif word in self.group_pronouns:
            # A nationality ("Indian firms") is no antecedent of "it"; of "they" it can be.
            labels = {"ORG", "GPE", "EVENT"} if word.startswith("it") else {"ORG", "GPE", "NORP"}
            reach = token.idx - self._previous_sentence_start(token)
        else:
            return None
        if self._in_quote(token):
            return None
        skip: set[str] = set()
        gender = _PRONOUN_GENDER.get(word)
        if token.tag_ == "PRP$":
            bound = self._possessive_binder(token)
            if bound is not None:
                ref = next(iter(self.refs_for(doc, bound)), None)
                if ref is None or ref["label"] in labels:
                    return self._as_mention(ref, token)
        elif token.dep_ in SUBJECT_DEPS or token.dep_ in PASSIVE_SUBJECT_DEPS:
            reporter = self._reporter_of(token)
            if reporter is not None and word == "they" and reporter.tag_ == "NNS":
                return None  # "Kelly's lawyers said they would appeal": the lawyers, no entity
            if reporter is not None and gender is not None and _PRONOUN_GENDER.get(reporter.lower_) not in (None, gender):
                # "She said he would rest": he is not the one who said it
                skip = {r["entity_id"] for r in self.refs_for(doc, reporter)}
            elif reporter is not None and self._told_same_pronoun(reporter, word):
                # "The judge told her she had betrayed ...": "she" is the one told, not the teller
                skip = {r["entity_id"] for r in self.refs_for(doc, reporter)}
            else:
                ref = self._reporting_subject(doc, reporter, labels) if reporter is not None else None
                if ref is None and reporter is not None and reporter.pos_ == "NOUN":
                    # "the county's largest operator said it could no longer run them": the speaker
                    # the quotes component found for that description
                    ref = self._cue_speakers.get(reporter.head.idx)
                    ref = ref if ref is not None and ref["label"] in labels else None
                if ref is not None:
                    return self._as_mention(ref, token)
            if word == "it" and reporter is None:
                ref = self._reported_subject_before(doc, token, labels)
                if ref is not None:
                    return self._as_mention(ref, token)
        elif token.dep_ in ("dobj", "dative") and token.head.pos_ in ("VERB", "AUX"):
            # "Xiaomi overtook it": an object pronoun is not its own verb's subject ("itself" would be)
            subject = next((c for c in token.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and subject.pos_ != "PRON":
                skip = {r["entity_id"] for r in self.refs_for(doc, subject)}
        index = self._index
        pos = bisect.bisect_left(index, (token.idx,))
        for s, e, eid in reversed(index[:pos]):
            if token.idx - s > reach:
                break
            ent = self._by_id.get(eid)
            if ent is not None and ent["label"] in labels and eid not in skip and not (
                    self._bylines and any(a <= s < b for a, b in self._bylines)):
                if gender is not None and self._gender_of(ent) not in (None, gender):
                    continue  # "the people who elected him" after "Judge Miriam Clarke told him"
                if ent["label"] != "PERSON" and self._modifies_a_person(doc, e):
                    continue  # "New York Attorney General Elliot Spitzer sued ..., accusing it"
                if ent["label"] in ("GPE", "LOC") and (self._places_a_noun(doc, e) or word == "them" and self._locative(doc, e)):
                    # "the Albanian embassy in London said it", "from Gorebridge to Edinburgh"; "routes
                    # will be withdrawn in Cornwall ... no longer run them"
                    continue
                if subject_only and not self._in_subject(doc, s, e):
                    return None
                if word.startswith("the") and self._plural_noun_between(doc, e, token):
                    return None  # "..., leaving hundreds of fishing boats unsure how much they may land"
                if word.startswith("it") and (ent["label"] != "ORG" or self._placed_organisation(doc, e)) \
                        and not self._in_subject(doc, s, e):
                    # (an organisation too where it stands as a place: "the cyclone centre on La Reunion")
                    # "The ... company had 228,000 employees, 120,000 of them in the United
                    # States. It will take a charge": the described subject before a place aside
                    described = self._described_subject_before(doc, token)
                    if described is not None:
                        return self._as_mention(described, token)
                    # "Siemens opened a plant in Texas. It will employ 500 people": the named
                    # organisation (or storm) in a subject before the place aside
                    subject = self._subject_entity_before(doc, token, s, reach)
                    if subject is not None:
                        return self._as_mention(subject, token)
                if ent["label"] in _PLACE_OR_NATION_LABELS and word.startswith("it"):
                    # "Japan's fourth-largest carmaker expects ... It had forecast": the company the
                    # place's possessor noun stands for
                    owner = doc.char_span(s, e, alignment_mode="expand")
                    owned = owner.root.head if owner is not None and owner.root.dep_ == "poss" else None
                    if owned is not None and owned.pos_ == "NOUN":
                        held = next(iter(self.refs_for(doc, owned)), None)
                        if held is not None and held["label"] == "ORG" and held["entity_id"] != eid:
                            return self._as_mention(held, token)
                return self._as_mention(self._entity_at(s, e), token)
        if word == "its" or word == "it" and token.dep_ in ("dobj", "pobj", "dative"):
            # "The company reported ... Its shares fell": a described organisation as the subject
            # (not a subject "it": "warned that it would take time" is no one)
            return self._as_mention(self._described_subject_before(doc, token), token)
        return None

    def _coordinated_speakers(self, doc: Doc, speaker: dict, cue: Token | None) -> list[dict]:
        """"Ford and General Motors said ...": the speaker and the entities coordinated with it as the
        speech verb's subject all make the statement (the quote keeps its one speaker)."""
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None) if cue is not None else None
        if subject is None or not subject.conjuncts:
            return [speaker]
        # each conjunct's own name (not a word of a title: "Climate Crisis and Civil Protection Minister X")
        refs = [self._entity_at(h.left_edge.idx, h.idx + len(h.text)) for h in (subject, *subject.conjuncts)]
        if None in refs or not any(r["entity_id"] == speaker["entity_id"] for r in refs):
            return [speaker]
        seen: set[str] = set()
        return [dict(r) for r in sorted(refs, key=lambda r: r["start"])
                if not (r["entity_id"] in seen or seen.add(r["entity_id"]))]

    def _with_coordinated(self, doc: Doc, ref: dict, pronoun: Token) -> list[dict]:
        """"Ford and General Motors said they would cut prices": "they" is every entity coordinated
        with its nearest antecedent, in the order they are named."""
        pos = bisect.bisect_left(self._index, (pronoun.idx,))
        mention = next(((s, e) for s, e, eid in reversed(self._index[:pos]) if eid == ref["entity_id"]), None)
        span = doc.char_span(*mention, alignment_mode="expand") if mention and ref["label"] in ("ORG", "NORP") else None
        if span is None:
            return [ref]  # places are coordinated as destinations far more often than as a group that acts
        found = [(span.start_char, ref)]
        for conj in span.root.conjuncts:
            other = self._entity_at(conj.left_edge.idx, conj.idx + len(conj.text))
            if other is not None and other["entity_id"] != ref["entity_id"] and other["label"] in ("ORG", "NORP"):
                found.append((conj.left_edge.idx, self._as_mention(other, pronoun)))
        return [r for _, r in sorted(found, key=lambda pair: pair[0])]

    def _plural_noun_between(self, doc: Doc, end: int, token: Token) -> bool:
        """Whether a plural common noun outside every entity stands between an antecedent ending at
        character `end` and "they"/"them"/"their" in the same sentence, as a subject or a counted "of"
        noun of the clause that holds the pronoun: that noun is the nearer antecedent ("leaving hundreds
        of fishing boats unsure how much they will be allowed to land"; an object is not: "raised
        prices, saying they faced higher costs")."""
        start = token.sent.start
        for t in doc[start:token.i]:
            if t.idx < end or t.tag_ != "NNS" or not (t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "pobj" and t.head.lower_ == "of"
                                                     and t.head.head.tag_ in ("NNS", "CD")) \
                    or self._entity_at(t.idx, t.idx + len(t)) is not None:
                continue
            governor = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")), None)
            clause = token
            while governor is not None and clause.i != clause.head.i and clause.dep_ != "conj":
                below, clause = clause, clause.head  # up from the pronoun to the noun's clause, not across "and"
                if clause.i == governor.i:
                    return True
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != below.i for c in clause.children):
                    break  # "... runs, and only a stand ... looks likely to save them": another subject's clause
        return False

    def _reported_subject_before(self, doc: Doc, token: Token, labels: set[str]) -> dict | None:
        """'The storm made landfall ..., the weather agency PAGASA said. It then crossed ...': a
        sentence-opening "it" after a sentence whose root is a trailing attribution is the reported
        clause's subject (when that resolves), not the source named in the attribution."""
        si = self._sentence_index(token)
        starts = self._sent_token_starts
        if si == 0 or token.i - starts[si] > 1:
            return None
        end = starts[si]
        prev = doc[starts[si - 1]:end]
        root = prev.root
        if root.lemma_.lower() not in self.speech:
            return None
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i), None)
        subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None) if comp is not None else None
        if subj is None or subj.pos_ == "PRON":
            return None
        ref = next(iter(self.refs_for(doc, subj)), None)
        return ref if ref is not None and ref["label"] in labels else None

    def _subject_entity_before(self, doc: Doc, token: Token, before: int, reach: int) -> dict | None:
        """The latest organisation or named event in a clause subject that starts before char
        `before`, within `reach` chars of the token."""
        for s, e, _eid, ent in self._named_before(before, token.idx - reach):
            if ent["label"] in ("ORG", "EVENT") and self._in_subject(doc, s, e):
                return self._entity_at(s, e)
        return None

    def _named_before(self, pos: int, since: int = -1) -> Iterator[tuple[int, int, str, dict]]:
        """The entity mentions that start before char `pos` and not before `since`, latest first:
        (start, end, entity id, entity)."""
        index = self._index
        for s, e, eid in reversed(index[:bisect.bisect_left(index, (pos,))]):
            if s < since:
                return
            ent = self._by_id.get(eid)
            if ent is not None:
                yield s, e, eid, ent

    def _gender_of(self, ent: dict) -> str | None:
        """'m' or 'f' by a person's given name ("Miriam Clarke" -> 'f'); None when unknown."""
        words = ent["name"].split()
        return self.name_gender.get(words[0].lower()) if len(words) >= 2 else None

    def _described_subject_before(self, doc: Doc, token: Token) -> dict | None:
        """The organisation a definite description in a clause subject stands for ("the company",
        "the commission"), the latest one in the token's sentence before it or in the one before."""
        lo = self._sent_token_starts[max(0, self._sentence_index(token) - 1)]
        for i in range(token.i - 1, lo - 1, -1):
            t = doc[i]
            if t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN":
                ref = self.resolve_description(doc, t) or self.resolve_organisation_noun(doc, t)
                if ref is not None:
                    return ref
        return None

    def _modifies_a_person(self, doc: Doc, end: int) -> bool:
        """Whether the mention ending at char `end` is a modifier inside a person's name phrase
        ("New York" in "New York Attorney General Elliot Spitzer") or the person's affiliation
        ("Sarah Moran of the University of Arizona")."""
        tok = self._token_ending_at(doc, end)
        if tok is None:
            return False
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
            if tok.head.head.ent_type_ == "PERSON":
                return True
            tok = tok.head.head  # "the University of Arizona": up to "University"
        if tok.dep_ != "compound":
            return False
        head = tok.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return head.ent_type_ == "PERSON"

    def _places_a_noun(self, doc: Doc, end: int) -> bool:
        """Whether the place mention ending at char `end` only says where a noun is or goes (the
        object of a preposition on a noun: "the embassy in London", "a service to Edinburgh"; or the
        owner in an apposition: "Donau Kreditbank, Austria's fifth-largest lender, said it")."""
        tok = self._token_ending_at(doc, end)
        return tok is not None and (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN"
                                    or tok.dep_ == "poss" and tok.head.dep_ == "appos")

    def _locative(self, doc: Doc, end: int) -> bool:
        """Whether the place mention ending at char `end` is the object of a locative preposition or
        qualifies a noun ("in Cornwall", "Cornwall bus operator")."""
        tok = self._token_ending_at(doc, end)
        return tok is not None and (tok.dep_ == "pobj" and tok.head.lower_ in self.location_preps
                                    or tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN")

    def _placed_organisation(self, doc: Doc, end: int) -> bool:
        """An organisation's name where a place stands ("the cyclone centre on La Reunion"): no
        antecedent of a subject "it" when a subject before it names one."""
        tok = self._token_ending_at(doc, end)
        return tok is not None and tok.dep_ == "pobj" and (tok.head.lower_ in self.location_preps or tok.head.lower_ == "on")

    @staticmethod
    def _token_ending_at(doc: Doc, end: int) -> Token | None:
        span = doc.char_span(end - 1, end, alignment_mode="expand")
        return span[-1] if span is not None and len(span) else None

    @staticmethod
    def _as_mention(ref: dict | None, token: Token) -> dict | None:
        """An entity reference placed at the pronoun that refers to it."""
        return dict(ref, text=token.text, start=token.idx, end=token.idx + len(token.text)) if ref else None

    def _reporter_of(self, pronoun: Token) -> Token | None:
        """The own subject of the speech verb whose reported clause a subject pronoun opens
        ("Siemens said it would ..."), if it comes before the pronoun. Only the reporter's own
        subject: one inherited through "..., saying he ..." may be the wrong person ("Balls
        rejected claims that Brown was sidelined, saying he was ...")."""
        clause = pronoun.head
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.speech:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.i < pronoun.i else None

    @staticmethod
    def _told_same_pronoun(reporter: Token, word: str) -> bool:
        """Whether the speech verb's addressee is the object form of the reported clause's subject
        pronoun ("told her she", "warned him he", "told them they")."""
        wanted = _OBJECT_FORM.get(word)
        return wanted is not None and any(
            c.dep_ in ("dobj", "dative") and c.lower_ == wanted for c in reporter.head.children)

    def _reporting_subject(self, doc: Doc, subject: Token, labels: set[str]) -> dict | None:
        """"Marsh said it had signed a letter of intent": a subject pronoun of a reported clause is
        the reporter when the reporter is an entity of the pronoun's kind and no addressee of that
        kind competes ("Merkel told Obama he ..." stays with the nearest-mention search)."""
        reporter = subject.head
        refs = self.refs_for(doc, subject)
        if len(refs) != 1 or refs[0]["label"] not in labels:
            return None
        for child in reporter.children:
            if child.dep_ in ("dobj", "dative") and any(r["label"] in labels for r in self.refs_for(doc, child)):
                return None
        return refs[0]

    def _possessive_binder(self, pronoun: Token) -> Token | None:
        """The subject of the clause a possessive sits in, when it binds the possessive: a plural
        common noun for "their" ("employers improved their offer"), a name for "its"/"his"/"her"
        ("for Menatep to press its case"). None when the pronoun is in the subject itself, or the
        subject is a pronoun, or a singular common noun ("The bank raised its forecast": the
        nearest-entity search finds the bank's name, which is right)."""
        tok = pronoun.head
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            if tok.dep_ in SUBJECT_DEPS or tok.dep_ in PASSIVE_SUBJECT_DEPS:
                return None
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        subject, _ = self.subject_of(tok)
        if subject is None or subject.i > pronoun.i:
            return None
        if subject.pos_ == "PROPN":
            return subject if pronoun.lower_ in ("its", "his", "her") else None
        if subject.pos_ != "NOUN":
            return None
        plural = subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.children)
        return subject if plural and pronoun.lower_ == "their" else None

    @staticmethod
    def _in_subject(doc: Doc, start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        for _ in range(5):  # the mention itself, or the noun phrase it modifies ("Apple's shares")
            # or names in apposition ("German carmaker Voss Automobil cut ..."), or an "of" phrase
            # of the subject ("Thousands of Lufthansa ground staff walked off")
            if tok.dep_ in SUBJECT_DEPS or tok.dep_ in PASSIVE_SUBJECT_DEPS:
                return True
            if tok.head.i == tok.i or not (tok.dep_ in ("poss", "compound", "amod", "nmod", "appos") or (
                    tok.dep_ == "pobj" and tok.head.lower_ == "of") or (
                    tok.dep_ == "prep" and tok.lower_ == "of" and _partitive(tok.head))):
                return False
            tok = tok.head
        return False

    def _sentence_index(self, token: Token) -> int:
        """The token's sentence, from the starts read once per Doc (Token.sent walks the Doc)."""
        return bisect.bisect_right(self._sent_token_starts, token.i) - 1

    def _previous_sentence_start(self, token: Token, back: int = 1) -> int:
        """Start char of the sentence `back` sentences before the token's (of the first sentence, at
        most)."""
        return self._sent_start_chars[max(0, self._sentence_index(token) - back)]

    def _in_quote(self, token: Token) -> bool:
        spans = self._quote_spans
        i = bisect.bisect_right(spans, (token.idx, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= token.idx < spans[i][1]

    def resolve_description(self, doc: Doc, token: Token) -> dict | None:
        """'the commission' / 'the court' / 'the bank': a definite noun phrase whose head noun is
        the head of an earlier organisation or facility name ('Data Protection Commission', 'Bank
        of Italy')."""
        storm = token.lower_ in STORM_WORDS
        if (token.lower_ not in self._org_heads and token.lower_ not in _ORG_KIND_NOUNS and not storm
                and not self._compound_head(token.lower_)) or token.pos_ != "NOUN":
            return None
        if not any(c.lower_ in ("the", "this", "that") and c.dep_ == "det" for c in token.children):
            return None
        if storm:
            return self._latest_storm(doc, token)
        ref = self._org_with_head(token.lower_, token.idx, doc)
        return self._at_phrase(ref, doc, token) if ref else None

    def _org_with_head(self, head: str, pos: int, doc: Doc | None = None) -> dict | None:
        """The organisation or facility last named before `pos` whose name's head noun is `head`
        ('Data Protection Commission' for "commission"), or introduced with it after its name ("The
        Verdi union called ... the union"). When two such names compete and `doc` is given, the one
        last named as a clause subject ("The Bank of Canada cut ... economists at Royal Bank of
        Canada said ... the bank" is the central bank)."""
        index = self._index
        heads = self._name_heads
        text = self._text
        found = []
        for s, e, eid in reversed(index[:bisect.bisect_left(index, (pos,))]):
            if eid in heads and (heads[eid] == head or _word_at(text, e) == head or self._last_heads.get(eid) == head
                                 or compound_of(heads[eid], head, self.organisation_descriptions)):
                if doc is None:
                    return self._entity_at(s, e)
                found.append((s, e, eid))
        if not found:
            return None
        if len({eid for _s, _e, eid in found}) > 1:
            # (a subject within a few paragraphs: "the bank" does not reach back a whole story)
            s, e, _eid = next((m for m in found if pos - m[0] < 1200 and self._in_subject(doc, m[0], m[1])), found[0])
        else:
            s, e, _eid = found[0]
        return self._entity_at(s, e)

    def _compound_head(self, noun: str) -> bool:
        """An organisation's head word is a compound ending in the noun: "the bank" for "Donau
        Kreditbank", "Sberbank", "Rabobank"."""
        return any(compound_of(h, noun, self.organisation_descriptions) for h in self._org_heads)

    def _latest_storm(self, doc: Doc, token: Token) -> dict | None:
        """'the storm' / 'the typhoon': the storm last named ("Typhoon Kalmaegi"), an EVENT."""
        for s, e, _eid, ent in self._named_before(token.idx):
            if ent["label"] == "EVENT" and any(w.lower() in STORM_WORDS for w in ent["name"].split()[:2]):
                # ("Typhoon Kalmaegi", "Tropical Storm Alberto")
                ref = self._entity_at(s, e)
                return self._at_phrase(ref, doc, token) if ref else None
        return None

    def resolve_organisation_noun(self, doc: Doc, token: Token) -> dict | None:
        """'Nissan was fined 200 million yen. The automaker had admitted wrongdoing': "the" and a
        singular organisation noun (`company_nouns`, models/quote_speakers.json) stand for the organisation last named
        in a clause subject in this sentence or the one before."""
        if token.tag_ != "NN" or token.lower_ not in self.organisation_descriptions:
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners and all(c.ent_type_ in _PLACE_OR_NATION_LABELS for c in owners) and any(
                c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("largest", "biggest", "top", "leading"))
                for c in token.children):
            # "Japan's fourth-largest carmaker expects ...": a company ranked in its country is the
            # story's company, not the country
            return self._recent_subject_entity(doc, token, "ORG", self.institution_words) or self._main_company(token)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if any(c.dep_ == "poss" or c.ent_type_ in _NAME_LABELS or c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"
               and c.ent_type_ not in _PLACE_OR_NATION_LABELS for c in token.children):
            # "the Japanese automaker Nissan", "Toyota's company": named in place (while "the
            # Redmond, Washington-based company" is still the one just named)
            return None
        # "the company" is no union or ministry ("the agency", "the group" may be)
        if token.lower_ in self.institution_nouns:
            return self._recent_subject_entity(doc, token, "ORG") or (self._recent_subject_entity(
                doc, token, "ORG", sentences_back=2, company_names=False) if token.lower_ in FARTHER_BODY_NOUNS else None)
        return self._recent_subject_entity(doc, token, "ORG", self.institution_words) or self._main_company(token)

    def _measure_subject(self, doc: Doc, subject: Token) -> bool:
        """Whether a claim's subject is a measure, not a named party: a common noun that names no entity
        itself and stands for none ("Its shares fell 7.8%", "Keystone shares fell", "Shares of Rheinwerk
        Bank rose 3.2%", "Germany's exports fell"): the claim's subject entity is the subject, and an
        entity that only qualifies the measure is not it (while "the company", "the automaker" and
        "Thameside" are)."""
        if subject.pos_ != "NOUN" or subject.tag_ not in ("NN", "NNS"):
            return False
        if self._entity_at(subject.idx, subject.idx + len(subject.text)) is not None:
            return False
        if subject.i in self._appos_heads and self._appositive_names(subject):
            return False  # "The union IG Metall demanded a 7% rise": a body named beside its noun
        low = subject.lemma_.lower()
        # ("The town of Jacobabad recorded", "The central bank held": a place or a body named another way)
        return not (low in self.organisation_descriptions or low in self.person_nouns or low in self.description_roles
                    or low in self.institution_nouns or low in self.workplace_nouns or low in self._org_heads
                    or low in self.place_nouns or low in ("nation", "country", "kingdom"))

    def _claim_subject_entities(self, doc: Doc, subject: Token) -> list[dict]:
        """The entities named in a claim's subject, but not places that only describe it ("the San
        Jose, California-based company"); a measure as the subject names none (`_measure_subject`)."""
        found = self.entities_within(doc, subject)
        end = subject.right_edge.idx + len(subject.right_edge.text)
        if found and all(r["label"] in ("GPE", "LOC") for r in found) and self._text.find("-based", subject.idx, end) >= 0:
            # "Shares of the San Jose, California-based company rose": the places describe the company
            found = []
            for prep in subject.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        ref = self.resolve_organisation_noun(doc, pobj) if pobj.dep_ == "pobj" else None
                        if ref is not None:
                            found.append(ref)
            return found
        return found

    def _main_company(self, token: Token) -> dict | None:
        """The company the story is about (`entities.story_company`, as quotes reads "the company
        said"), but for an object not one its own sentence names."""
        found = story_company(self._by_id.values(), token.idx, self.institution_words, self.news_agencies)
        if found is None:
            return None
        last = found[1]
        if token.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and \
                last["start"] >= self._sent_start_chars[self._sentence_index(token)]:
            return None  # "GM ... forced it to buy the Italian carmaker": not the one its sentence names
        return self._entity_at(last["start"], last["end"])

    def resolve_described_organisation(self, token: Token) -> dict | None:
        """'the regulator' / 'the watchdog': the organisation last named, within about three
        paragraphs, whose name fits the description (`described_by`, models/quote_speakers.json:
        an Authority, a Commission ...), as quotes reads "the regulator said"."""
        words = self.described_by.get(token.lower_)
        if words is None or token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        for s, e, _eid, ent in self._named_before(token.left_edge.idx, token.idx - _REACH):
            if ent["label"] == "ORG" and not words.isdisjoint(ent["name"].lower().split()):
                return self._entity_at(s, e)
        return None

    def resolve_country_noun(self, token: Token) -> dict | None:
        """'Bangladesh reported ... Last year, the country reported 575 deaths' / 'the East African
        nation': a country (models/places.json `countries`, not a city) named as a clause subject in
        this sentence or the one before."""
        if token.lower_ not in ("country", "nation") or token.tag_ != "NN" or token.dep_ == "poss" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" or c.dep_ == "case" for c in token.children):
            return None  # "the Baltic nation Estonia": named in place; "the country's nurses": a possessor
        # the country just named as a clause subject ("Kenya signed a loan with China. The East
        # African nation ..." is Kenya); one named elsewhere is too often another country
        doc = token.doc
        for s, e, _eid, ent in self._named_before(token.left_edge.idx, self._previous_sentence_start(token)):
            if ent["label"] != "GPE" or ent["name"].lower() not in self.countries:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            # the subject itself, not a word inside it ("UK entrepreneur Richard Branson")
            if span is not None and span.root.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                return self._entity_at(s, e)
        return None

    def resolve_government(self, token: Token) -> dict | None:
        """'Trade Minister Nomsa Dlamini said the government had offered Kestrel incentives': "the
        government" unqualified is the government of the story's country, the country the article
        names most (first named on a tie)."""
        if token.lower_ != "government" or token.tag_ != "NN" or token.dep_ == "poss" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
               for c in token.children):
            return None  # "the Chinese government", "the Kenyan government", "the government of Peru"
        best = self._story_country()
        if best is None:
            return None
        start = token.sent.start_char
        if any(e is not best and e["label"] == "GPE" and e["name"].lower() in self.countries
               and any(start <= m["start"] < token.idx for m in e["mentions"]) for e in self._entities):
            return None  # "Britain said the government had offered Kenya incentives": another country's
        first = best["mentions"][0]
        return self._entity_at(first["start"], first["end"])

    def _story_country(self) -> dict | None:
        """The country the current Doc names most (first named on a tie), found once per Doc."""
        if self._country is False:
            self._country = story_country(self._entities, self.countries)
        return self._country

    def resolve_role(self, doc: Doc, token: Token) -> dict | None:
        """'the president' / 'the health secretary': a definite singular title noun stands for the
        person last introduced with it within about three paragraphs ("President Joe Biden",
        "Prime Minister Helen Marsh", "her health secretary, Tom Reddy", "Tom Reddy, the health
        secretary,")."""
        role = token.lower_
        if token.tag_ != "NN" or role not in self.titles:
            return None
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            return None
        if token.i in self._appos_heads or any(c.pos_ == "PROPN" for c in children):
            return None  # named in place: "the former education secretary, Priya Shah"
        # "the health secretary" is only someone introduced as health secretary
        qualifiers = {c.lower_ for c in children if c.dep_ == "compound"}
        # "the mayor of Faenza" is only the person introduced as mayor of Faenza
        place = of_object(token)
        # "the Algerian minister" only one introduced as Algerian ("her Algerian counterpart Karim
        # Benali"), not the French minister named before
        nation = next((c.lower_ for c in children if c.dep_ == "amod" and c.ent_type_ == "NORP"), None)
        people = []
        for s, e, _eid, ent in self._named_before(token.left_edge.idx, token.idx - _REACH):
            if ent["label"] != "PERSON":
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            people.append(span)
            if self._introduced_as(span, role, qualifiers, place) and (
                    nation is None or self._introduced_with(span, nation)):
                ref = self._entity_at(s, e)
                return self._at_phrase(ref, doc, token) if ref else None
        if nation is not None:
            for span in people:
                if self._introduced_with(span, nation):
                    ref = self._entity_at(span.start_char, span.end_char)
                    return self._at_phrase(ref, doc, token) if ref else None
        return None

    @staticmethod
    def _introduced_with(name: Span, nation: str) -> bool:
        """Whether a nationality (or its country: "Algerian", "Algeria's") is among the four words
        before the name."""
        doc = name.doc
        stem = nation[:5] if len(nation) >= 5 else nation
        return any(doc[j].lower_.startswith(stem) for j in range(max(0, name.start - 4), name.start))

    def resolve_lead_description(self, doc: Doc, token: Token) -> dict | None:
        """'A former accounts clerk who stole £1.2m has been jailed. Janet Pryce, 54, of Leeds,
        ...': news opens with a description of a person and names them in the next sentence, as its
        subject with an age or a home town. The description is that person."""
        if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return None
        starts = self._sent_token_starts
        if self._lead is None:
            self._lead = self._lead_sentence(doc)  # once per Doc
        lead = self._lead
        if len(starts) < lead + 2 or not starts[lead] <= token.i < starts[lead + 1]:
            return None
        person_noun = token.lemma_.lower() in self.titles or token.lemma_.lower() in self.person_nouns \
            or is_age_noun(token)
        second = doc[starts[lead + 1]:starts[lead + 2] if len(starts) > lead + 2 else len(doc)]
        if token.lower_ in self.organisation_descriptions and token.lower_ not in self.institution_nouns:
            # (the lead's subject only: "to buy two firms and a holding company" names no one)
            return self._company_named_next(doc, token, second) if token.dep_ in SUBJECT_DEPS else None
        # the sentence's first subject ("Janet Pryce, 54, ... transferred ..., the court heard")
        subject = next((t for t in second if t.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
        if subject is None or subject.ent_type_ != "PERSON":
            return None
        introduced = any(c.dep_ == "appos" and c.like_num for c in subject.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "GPE" for g in c.children)
            for c in subject.children)
        if not (introduced or person_noun):
            return None
        ref = self._entity_at(subject.left_edge.idx, subject.idx + len(subject.text))
        return self._at_phrase(ref, doc, token) if ref and ref["label"] == "PERSON" else None

    def _company_named_next(self, doc: Doc, token: Token, second: Span) -> dict | None:
        """'A Canadian drugmaker is recalling ... Health Canada said Maplewood Pharmaceuticals had
        pulled ...': the lead's unnamed company is the company named as a subject in the next
        sentence, one whose name ends in a company word first ("Pharmaceuticals", "Motors")."""
        named = []
        for t in second:
            if t.dep_ in SUBJECT_DEPS or t.dep_ in PASSIVE_SUBJECT_DEPS:
                ref = self._entity_at(t.left_edge.idx, t.idx + len(t.text))
                if ref and ref["label"] == "ORG" and ref["name"] not in self.news_agencies and not national_body(ref["name"]) \
                        and self.institution_words.isdisjoint(ref["name"].lower().split()):
                    named.append(ref)
        if not named:
            return None
        ref = next((r for r in named if ends_in_company_word(r["name"])), None)
        if ref is None and len(named) == 1:
            ref = named[0]
        return self._at_phrase(ref, doc, token) if ref else None

    def _headline_first(self, doc: Doc) -> bool:
        """Whether the first sentence is a headline: a first line without a full stop, then a blank line."""
        starts = self._sent_token_starts
        if len(starts) < 2:
            return False
        text = self._text
        end = doc[starts[1] - 1].idx + len(doc[starts[1] - 1].text)
        head = text[:end].rstrip()
        return bool(head) and head[-1] not in ".!?\"”’'" and "\n\n" in text[:doc[starts[1]].idx]

    def _lead_sentence(self, doc: Doc) -> int:
        """The index of the story's first sentence: after a headline (`_headline_first`) and a dateline
        ("BIRMINGHAM, England, Oct. 14, 2026 (Reuters) -")."""
        starts = self._sent_token_starts
        k = 1 if self._headline_first(doc) else 0
        datelines = doc._.datelines if Doc.has_extension("datelines") else None
        if datelines:
            place = datelines[0][0]
            while k < len(starts) and starts[k] <= place:
                k += 1
        return k

    def _introduced_as(self, name: Span, role: str, qualifiers: set[str], place: str | None = None) -> bool:
        """Whether the name carries the title `role` (with the qualifying words, "health", and the
        place of an "of", "mayor of Faenza"): before it ("Prime Minister Helen Marsh", "Mayor of
        Faenza Anna Neri"), or in apposition either way ("her health secretary, Tom Reddy", "Tom
        Reddy, the secretary,")."""
        doc = name.doc
        k = name.start - 1
        while k >= 0 and k >= name.start - 4 and (doc[k].lower_ in self.titles or doc[k].dep_ == "compound"):
            if doc[k].lower_ == role:
                # (a title without a place, "former mayor Luis Ocampo", may be "the mayor of Bogota")
                return qualifiers <= {doc[j].lower_ for j in range(max(0, k - 3), k)}
            k -= 1
        if place is not None and k >= 2 and doc[k].lower_ == role and doc[k + 1].lower_ == "of":
            return place in {doc[j].lower_ for j in range(k + 2, name.start)}  # "Mayor of Faenza Anna Neri"
        root = name.root
        if root.dep_ == "appos" and root.head.lower_ == role:
            title = root.head
        else:
            title = next((c for c in root.children if c.dep_ == "appos" and c.lower_ == role), None)
        return title is not None and qualifiers <= {c.lower_ for c in title.children if c.dep_ == "compound"} \
            and (place is None or of_object(title) in (None, place))

    def _appositive_names(self, token: Token) -> list[dict]:
        """The entities named in apposition to a noun ("The UK's biggest brewer, Scottish and Newcastle")."""
        named = [self._entity_at(n.idx, n.idx + len(n.text)) for c in token.children
                 if c.dep_ == "appos" and c.pos_ == "PROPN" for n in (c, *c.conjuncts)]
        return [r for r in named if r]

    def resolve_demonym(self, doc: Doc, token: Token) -> dict | None:
        """'The 22-year-old Spaniard' / 'the Italian' / 'the 42-year-old': a singular nationality
        noun or an age with "the" is a person named before; news calls a named person so in the
        sentences after. The person is the most recent one in a clause subject within the last two
        sentences."""
        age_noun = is_age_noun(token) and token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"pobj"}
        # "the England winger added": a sports position or a performer describes the person just named,
        # not the country that qualifies it
        role_noun = token.tag_ == "NN" and token.lower_ in self.description_roles
        if not age_noun and not role_noun and (not self._nationality_at(token)
                                               or token.tag_ not in ("NN", "NNP") or token.is_lower):
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        return self._recent_subject_entity(doc, token, "PERSON")

    def _nationality_at(self, token: Token) -> bool:
        """The token names a nationality: for the NER, or for the inventory ("the 34-year-old Scot",
        which the NER took for a person)."""
        if token.ent_type_ == "NORP":
            return True
        ref = self._entity_at(token.idx, token.idx + len(token.text)) if token.ent_type_ else None
        return ref is not None and ref["label"] == "NORP"

    def _recent_subject_entity(self, doc: Doc, token: Token, label: str,
                               skip_words: frozenset[str] = frozenset(), sentences_back: int = 1,
                               company_names: bool = True) -> dict | None:
        """The entity of `label` last named in a clause subject in the token's sentence or the one
        before (or `sentences_back` before), referenced at the token's noun phrase ("the automaker",
        "the Italian"); not one whose name holds one of `skip_words`, nor, without `company_names`,
        one whose name ends in a company word ("Health Canada said ... The agency said", not
        "Maplewood Pharmaceuticals" named between)."""
        reach = token.idx - self._previous_sentence_start(token, sentences_back)
        # What an object describes is not its own sentence's subject: "Doherty signed the Swede"
        # is not Doherty signing himself, nor "GM ... forced it to buy the Italian carmaker" GM
        # (while "X fell after the company cut ..." is X).
        own_sentence = self._sent_start_chars[self._sentence_index(token)] if token.dep_ in OBJECT_DEPS or (
            label == "PERSON" and token.dep_ == "pobj") else None
        index = self._index
        own_subjects: set[str] = set()
        for s, e, eid in reversed(index[:bisect.bisect_left(index, (token.left_edge.idx,))]):
            if token.idx - s > reach:
                break
            if own_sentence is not None and s >= own_sentence:
                if not self._in_subject(doc, s, e):
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or span.root.dep_ not in ("compound", "poss") or label == "PERSON":
                    own_subjects.add(eid)  # ... nor named as it again earlier
                    continue
                # (but a name that only qualifies the subject is what the object may describe:
                # "Lufthansa ground staff walked off, forcing the German airline to cancel flights")
            ent = self._by_id.get(eid)
            if ent is not None and ent["label"] == label and eid not in own_subjects and self._in_subject(doc, s, e) \
                    and skip_words.isdisjoint(ent["name"].lower().split()) \
                    and (company_names or not ends_in_company_word(ent["name"])):
                ref = self._entity_at(s, e)
                if ref:
                    return self._at_phrase(ref, doc, token)
        return None

    @staticmethod
    def _at_phrase(ref: dict, doc: Doc, token: Token) -> dict:
        """An entity reference placed at the noun phrase that describes it ("the commission")."""
        return dict(ref, text=doc[token.left_edge.i: token.i + 1].text, start=token.left_edge.idx,
                    end=token.idx + len(token.text))

    def refs_for(self, doc: Doc, token: Token) -> list[dict]:
        """Entity references for an argument token and its conjuncts ('Israel, US bases, and Gulf
        states'): entities inside each noun phrase's pre-head part, or a resolved pronoun."""
        # A subject is asked for again by each verb that shares it (conjuncts, infinitives): the
        # answer depends on the token only, so it is kept for the Doc (callers get their own list).
        done = self._refs_cache.get(token.i)
        if done is None:
            done = self._refs_cache[token.i] = self._find_refs(doc, token)
        return list(done)

    def _find_refs(self, doc: Doc, token: Token) -> list[dict]:
        out: list[dict] = []
        for tok in (token, *token.conjuncts):
            if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
                ref = self.resolve_pronoun(doc, tok)
                if ref:
                    out.extend(self._with_coordinated(doc, ref, tok) if tok.lower_ in ("they", "them", "their")
                               else [ref])
                continue
            start = tok.left_edge.idx
            end = tok.idx + len(tok.text)
            pair = self.resolve_pair(tok)
            if pair:
                out.extend(pair)
                continue
            ref = self.resolve_demonym(doc, tok)
            if ref:
                out.append(ref)
                continue
            if tok.tag_ == "NN" and tok.lower_ in self.description_roles:
                continue  # "the England winger" unresolved is still a person, not England
            if tok.ent_type_ == "NORP" and tok.i in self._appos_heads:
                # "Sporting's Danish forward Mikkel Dahl equalized", parsed with the nationality as
                # the head: the name in apposition is the actor
                named = self._appositive_names(tok)
                if named:
                    out.extend(named)
                    continue
            # Flat names continue after the head ("Strait of Hormuz" heads at Strait).
            ref = self._entity_at(tok.idx, end)
            if ref and self._in_dateline(ref):
                continue
            if ref:
                out.append(ref)
                continue
            if tok.i in self._appos_heads and tok.pos_ == "NOUN":
                # "The UK's biggest brewer, Scottish and Newcastle (S&N), is to buy", "The regulator,
                # Ofwat, said it would examine": the name in apposition is the actor, not the country in
                # the description nor an earlier organisation the description could fit
                named = self._appositive_names(tok)
                if named:
                    out.extend(named)
                    continue
            ref = (self.resolve_description(doc, tok) or self.resolve_organisation_noun(doc, tok)
                   or self.resolve_described_organisation(tok) or self.resolve_country_noun(tok)
                   or self.resolve_government(tok)
                   or self.resolve_role(doc, tok) or self.resolve_lead_description(doc, tok))
            if ref:
                out.append(ref)
                continue
            index = self._index
            found = len(out)
            for k in range(bisect.bisect_left(index, (start,)), len(index)):
                s, e, _ = index[k]
                if s >= end:
                    break
                if e <= end:
                    r = self._entity_at(s, e)
                    if r and not _only_describes(doc, r) and not self._in_dateline(r):
                        out.append(r)
            if len(out) == found and tok.tag_ == "NNS" and tok.lemma_.lower() in self.workplace_nouns:
                # "Analysts at Aalto Securities ... raised their price target": the workplace named
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "from", "with"):
                        for pobj in prep.children:
                            r = self._entity_at(pobj.left_edge.idx, pobj.idx + len(pobj.text)) if pobj.dep_ == "pobj" else None
                            if r and r["label"] == "ORG":
                                out.append(r)
            if len(out) == found:
                # "Its shares rose 9%": the owner the possessive pronoun refers to
                poss = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None) \
                    if tok.i in self._possessed else None
                ref = self.resolve_pronoun(doc, poss, subject_only=True) if poss is not None else None
                if ref:
                    out.append(ref)
            if tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("between", "among"):
                # "talks between Iran and the United States": the parties are the noun's arguments
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                out.extend(self.refs_for(doc, pobj))
        seen, unique = set(), []
        for r in out:
            k = (r["entity_id"], r["start"])
            if k not in seen:
                seen.add(k)
                unique.append(r)
        return unique

    def entities_within(self, doc: Doc, token: Token) -> list[dict]:
        """Entities inside a noun phrase ("The company's shares", "Shares of Apple"), not inside
        its asides or clauses ("shares, listed in London,")."""
        stack, chars = [token], set()
        while stack:
            tok = stack.pop()
            chars.add(tok.idx)
            stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_BOUNDARY_DEPS or c.dep_ == "conj")
        refs = []
        for s, e, _ in self._index:
            if s in chars:
                ref = self._entity_at(s, e)
                if ref and ref not in refs and not _only_describes(doc, ref):
                    refs.append(ref)
        return refs

    # ---- clause structure ----------------------------------------------------------------------
    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, is_passive) for a verb, inheriting through xcomp/conj/-ing adverbials."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
                if _opening_participle(child):
                    continue  # "Founded ... by Dana Whitfield, Corvant employs": the participle is no subject
                passive = child.dep_ in PASSIVE_SUBJECT_DEPS
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return self._relative_antecedent(child, verb.head), passive
                if child.pos_ == "NOUN" and child.i + 1 < verb.i and verb.doc[child.i + 1].pos_ == "PROPN":
                    # "The charity Oxfam is seeking $5 million", parsed with two subjects: the name
                    named = next((c for c in verb.children if c.dep_ == child.dep_ and c.i > child.i
                                  and c.pos_ == "PROPN" and c.left_edge.i == child.i + 1), None)
                    if named is not None:
                        return named, passive
                return child, passive
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            # Object control: "urged both sides to resume", "called on the union to return": the
            # infinitive's subject is the head verb's object, not its subject.
            controller = self._object_controller(verb) if verb.head.lemma_.lower() in self.object_control else None
            if controller is not None:
                return controller, False
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in self.speech \
                and verb.lemma_.lower() in _STANCE_VERBS \
                and any(c.dep_ in SUBJECT_DEPS for c in verb.head.children):
            # "Salcedo said some 60,000 workers depended on the fishery and urged the government to
            # ...": the parse joins the second act of speech to the reported clause; the speaker does it
            return self.subject_of(verb.head.head)
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and verb.head.head.i != verb.head.i:
            # "The council is due to publish", "Toyota is likely to announce": the subject of the
            # verb the adjective completes
            subj, _passive = self.subject_of(verb.head.head)  # (the infinitive's own voice counts)
            return subj, any(c.dep_ == "auxpass" for c in verb.children)
        if verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.i != verb.i:
            subj, passive = self.subject_of(verb.head)
            # "was hit and later struck back": a conjoined active verb does not inherit passivity; "is
            # expected to be ratified by the commission" is passive of its own
            own_passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
            return subj, passive and verb.dep_ == "conj" and verb.tag_ == "VBN" or own_passive
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return self.subject_of(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "saved two points to win the Geneva Open": its purpose, the subject's (not "was fined
            # ... to deter other firms": the passive subject is not who deters)
            subj, passive = self.subject_of(verb.head)
            return (subj, False) if not passive else (None, False)
        if _opening_participle(verb):
            # "Founded a decade ago by Dana Whitfield, Corvant employs 900": an opening participle is
            # done to the main clause's subject
            subj, passive = self.subject_of(verb.head)
            return (subj, True) if subj is not None and not passive else (None, False)
        if (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep"
                and verb.head.head.pos_ == "VERB" and verb.head.head.i != verb.head.i):
            # "accused Titan of paying", "fined Cobalt for failing": the head verb's object does it;
            # "handed him a debut after signing the Swede", "was accused of funnelling": its subject.
            head = verb.head.head
            if verb.head.lower_ in _CONTROL_PREPOSITIONS:
                obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
                if obj is not None:
                    return obj, False
            return self.subject_of(head)[0], False
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # (an agent that is an amount, "widened by 1.8 points", is no agent)
            agent = any(c.dep_ == "agent" and not any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
                                                       for g in c.children) for c in verb.children)
            passive = verb.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and not (
                (_root_noun_clause(verb) or _contrast_noun_clause(verb)) and not agent)
            noun = verb.head
            if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN" \
                    and verb.lemma_.lower() not in _STATE_PARTICIPLES:
                noun = noun.head  # "Abdul Karim, a rice farmer sheltering at a school": the one named
            return noun, passive
        return None, False

    @staticmethod
    def _relative_antecedent(pronoun: Token, noun: Token) -> Token:
        """The noun a relative pronoun stands for ("Bessent, who led the talks"). "who" is a
        person: in "Professor Niamh Carolan of the law school at Trinity College Dublin, who was
        not involved" the parse hangs the clause on the last noun; climb the "of"/"at" chain to
        the person."""
        if pronoun.lower_ != "who" or noun.ent_type_ == "PERSON":
            return noun
        tok = noun
        while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            tok = tok.head.head
            if tok.ent_type_ == "PERSON":
                return tok
        if tok is not noun and tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
            return tok.head  # "Pieter de Graaf, an analyst at ING in Amsterdam, who put the drop at 12%"
        return noun

    @staticmethod
    def _object_controller(infinitive: Token) -> Token | None:
        """The head verb's object that controls a to-infinitive ("asked regulators to approve"),
        or its "on"/"upon" object ("called on the union to return"); None for subject control."""
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children):
            return None
        head = infinitive.head
        for child in head.children:
            if child.i > infinitive.i:
                break
            if child.dep_ in ("dobj", "obj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return child
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        return None

    @staticmethod
    def _verbs_tagged_as_adjectives(doc: Doc) -> set[int]:
        """Adjective-tagged words that govern a modal with no copula: "will more than double"
        (the tagger reads "double" after "more than" as an adjective; an adjective needs "be")."""
        found: set[int] = set()
        modal = doc.vocab.strings.add("MD")
        for i in numpy.flatnonzero(doc.to_array(TAG) == modal) if len(doc) else ():
            head = doc[int(i)].head
            if head.pos_ == "ADJ" and doc[int(i)].dep_ == "aux" and not any(c.lemma_ == "be" for c in head.children):
                found.add(head.i)
        return found

    def is_content_verb(self, token: Token) -> bool:
        if token.dep_ in ("aux", "auxpass") or (token.pos_ != "VERB" and token.i not in self._modal_adjectives):
            return False
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in self.descriptive_participles:
            return False  # "Zipline, based in Austin, Texas, said": a description, no event
        lemma = token.lemma_.lower()
        if token.lower_ in self.titles and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
                or token.lower_ in ("head", "acting", "assistant") and token.i + 2 < len(token.doc) \
                and token.doc[token.i + 1].lower_ in self.titles and token.doc[token.i + 2].pos_ == "PROPN":
            return False  # a title the parse took for a verb: "wicketkeeper Devon Alleyne", "Royals head coach X"
        if lemma == "set" and any(c.dep_ == "dobj" for c in token.children):
            return True  # "Scotland and Wales set their own fares" (not "is set to rise")
        if lemma == "expect" and token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children) \
                and not any(c.dep_ == "xcomp" and c.pos_ == "VERB" and self.is_content_verb(c) for c in token.children):
            # "Kalayaan Digital expects its licence to be issued": a forecast (not "is expected to",
            # nor "expects to buy 520,000 tonnes", whose event is the buying)
            return True
        if lemma == "make" and self._makes_a_thing(token):
            return True  # "Hadiza made landfall near Beira", "Vantor made an offer"
        return lemma not in self.non_content and lemma not in self.raising

    @staticmethod
    def _makes_a_thing(verb: Token) -> bool:
        """'made landfall', 'made an offer': "make" with a plain object is a deed, while "made it
        clear", "made them wait" and "made 142 runs" (a claim) are not."""
        if any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "dative") for c in verb.children):
            return False
        return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "ADJ") and c.lemma_.lower() not in _LIGHT_OBJECTS
                   and not any(g.dep_ in ("nummod", "amod") and g.like_num or g.dep_ in ("ccomp", "xcomp")
                               for g in c.children) for c in verb.children)

    def negated(self, verb: Token) -> bool:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        # "did not fail to ...": negation on a raising/auxiliary head.
        head = verb.head
        return verb.dep_ == "xcomp" and head.lemma_.lower() in self.raising and any(c.dep_ == "neg" for c in head.children)

    def targets_of(self, doc: Doc, verb: Token, passive_subject: Token | None) -> list[dict]:
        targets: list[dict] = []
        if passive_subject is not None:
            targets += self.refs_for(doc, passive_subject)
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS and not (child.dep_ == "dative" and child.pos_ == "ADP"):
                targets += self.refs_for(doc, child)
                # "launched strikes against Iran": the object's own prepositional argument.
                partitive = child.lower_ in _PARTITIVE_HEADS or child.pos_ == "NUM"
                for grand in child.children:
                    if grand.dep_ != "prep":
                        continue
                    if passive_subject is not None and grand.lower_ == "by":
                        continue  # "was fined 5 million euros by Consob": the agent (see actors_of)
                    if grand.lower_ not in self._not_target_preps:
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                targets += self.refs_for(doc, pobj)
                    elif grand.lower_ == "of" and (child.lemma_.lower() in self.place_nouns
                                                   or child.lemma_.lower() in self.event_nouns):
                        # "crossed the islands of Leyte and Cebu": the places the noun names;
                        # "suspended the merger of Grupo Solar and Mercantil Brasil": what is merged
                        targets += [r for pobj in grand.children if pobj.dep_ == "pobj"
                                    for r in self.refs_for(doc, pobj)]
                    elif partitive and (grand.lower_ == "of" or grand.lower_ == "in" and child.pos_ == "NOUN"):
                        # "80% of Air Europa" (not "31 of them", "49% of their units": a pronoun's
                        # owner is not what the verb acts on)
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj" and pobj.pos_ != "PRON" and not any(
                                    c.dep_ == "poss" and c.tag_ == "PRP$" for c in pobj.children):
                                targets += self.refs_for(doc, pobj)
            elif ((child.dep_ == "prep" or child.dep_ == "dative" and child.pos_ == "ADP")
                  and child.lower_ not in self.location_preps
                  and child.lower_ not in self.temporal_preps and child.lower_ != "by"):
                # (a "to" the parse calls a dative: "knocked out power to much of the airport")
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not (child.lower_ == "on" and pobj.lower_ in _MARKET_WORDS):
                        # ("fell 11% on the Toronto Stock Exchange": where shares trade, not a target)
                        pobj = _of_partitive(pobj)
                        targets += [r for r in self.refs_for(doc, pobj) if r["label"] not in ("DATE",)]
        return targets

    def actors_of(self, doc: Doc, verb: Token, subject: Token | None, passive: bool) -> list[dict]:
        if subject is not None and not passive:
            refs = self.refs_for(doc, subject)
            if not refs and any(c.dep_ == "dobj" for c in verb.children):
                # "Drones launched by the RSF struck the airport": the agent of the subject's
                # participle ("The session, hosted by the ministry, ended" has no such actor).
                # (but "Analysts surveyed by Bloomberg had expected 176 million tonnes": people asked
                # speak for themselves)
                for acl in subject.children:
                    if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() not in _ASKING_VERBS \
                            and subject.lemma_.lower() not in self.person_nouns:
                        refs += self.actors_of(doc, acl, None, True)
            return refs
        actors: list[dict] = []
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actors += self.refs_for(doc, pobj)
            elif passive and subject is not None and child.dep_ == "dobj":
                # "was fined 5 million euros by market regulator Consob": the parser hangs the agent
                # on the amount
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        actors += [r for pobj in prep.children if pobj.dep_ == "pobj"
                                   for r in self.refs_for(doc, pobj)]
        return actors

    def _places_of_group(self, doc: Doc, group: Token) -> list[dict]:
        """'Voters in Malta approved the cap', 'Farmers from Kenya blocked roads': unnamed people
        act for the place they are of (the place inside a subject phrase is the subject entity, as
        it is for claims: 'Temperatures in New Delhi climbed'). Not things: 'Reports from Russia
        say', 'figures from Chicago triggered' are no acts of Russia or Chicago."""
        out: list[dict] = []
        if group.tag_ != "NNS" or group.lemma_.lower() not in self.person_nouns:
            return out
        for prep in group.children:
            if prep.dep_ == "prep" and (prep.lower_ in ("in", "from", "across") or prep.lower_ == "of" and (
                    group.lower_ in self.place_office_nouns)):  # ("Critics of China" are not China's)
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [r for r in self.refs_for(doc, pobj) if r["label"] in ("GPE", "LOC")]
        return out

    def places_of(self, doc: Doc, verb: Token) -> list[dict]:
        places = []
        heads = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in self.location_preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            places += self._places_at(doc, pobj)
        return places

    def _places_at(self, doc: Doc, pobj: Token) -> list[dict]:
        """Places a location phrase names: its own entities, or through 'the town of Malatya'."""
        found = [r for r in self.refs_for(doc, pobj) if r["label"] in PLACE_LABELS]
        if found or pobj.lower_ not in self.place_nouns:
            return found
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for inner in prep.children:
                    if inner.dep_ == "pobj":
                        found += [r for r in self.refs_for(doc, inner) if r["label"] in PLACE_LABELS]
        return found

    def when_of(self, timexes: list[dict], verb: Token, sent: Span) -> dict | None:
        """The DATE/TIME expression in the verb's clause closest to the verb, else the only one in
        the sentence."""
        start, end = subtree_span(verb)
        inside = [t for t in _within(timexes, start, end)
                  if t["type"] in TEMPORAL_TYPES and not self._in_nested_clause(sent.doc, t, verb)]
        if inside:
            return min(inside, key=lambda t: abs(t["start"] - verb.idx))
        in_sent = [t for t in _within(timexes, sent.start_char, sent.end_char) if t["type"] in TEMPORAL_TYPES]
        if len(in_sent) != 1:
            return None
        return in_sent[0] if self._timex_reaches(sent.doc, in_sent[0], verb) else None

    @staticmethod
    def _appeal(verb: Token) -> bool:
        """"called on both sides to show restraint", "appealed to donors to give": an appeal to
        someone to act is an action of the speaker, not a report of speech."""
        children = list(verb.children)
        return any(c.dep_ == "xcomp" for c in children) and any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in children)

    def _in_nested_clause(self, doc: Doc, timex: dict, verb: Token) -> bool:
        """A date inside a relative clause or a past-participle phrase of one of the verb's nouns
        dates that clause, not the verb: "Gallacher, who joined in 2019, said", "The service,
        launched in December, has ...". Kept: an -ing phrase ("Velesov, speaking on Wednesday,
        accused") and the medium of a statement ("In a report published on Wednesday, the Bank
        said")."""
        span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.i != verb.i and tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                return True
            if tok.dep_ == "acl" and tok.tag_ != "VBG":
                noun = tok.head
                medium = (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i
                          and verb.lemma_.lower() in self.speech)
                if not medium:
                    return True
            tok = tok.head
        return False

    @staticmethod
    def _timex_reaches(doc: Doc, timex: dict, verb: Token) -> bool:
        """Whether a date outside the verb's own clause still dates it: it hangs on a verb the
        verb is chained to ("on Thursday ... agreed to extend", "struck on Monday and killed")
        and not on another clause ("The ministry did not give figures, but X said China would
        buy ... this year": "this year" dates the buying, not the giving)."""
        span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
        if span is None:
            return False
        gov = span.root.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        tok = verb
        while True:
            if tok.i == gov.i:
                return True
            if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
                return False
            tok = tok.head

    # ---- main -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        _register_extensions()
        timexes = _ext(doc, "timexes")
        quantities = _ext(doc, "quantities")
        quotes = _ext(doc, "quotes")
        sents = list(doc.sents)
        sent_starts = [s.start_char for s in sents]

        def sent_index_of(char: int) -> int:
            return max(0, bisect.bisect_right(sent_starts, char) - 1)

        cue_chars = {q.get("cue_start") for q in quotes if q.get("cue_start") is not None}
        self._cue_speakers = {q["cue_start"]: q["speaker"] for q in quotes
                              if q.get("cue_start") is not None and q.get("speaker")}
        # each part of a split quote: the attribution between two parts is the narrator's ("...,"
        # Melnyk said after flying to the area, "...")
        self._quote_spans = sorted((p["start"], p["end"]) for q in quotes if q.get("direct", True)
                                   for p in (q.get("parts") or [q]))
        # Per-Doc lookups read once: extension access and Doc.text are not free on the hot path.
        self._index = doc._.entity_index or []
        self._entities = doc._.entities or []
        self._text = doc_text(doc)
        self._sent_token_starts = [s.start for s in sents]
        self._sent_start_chars = sent_starts
        self._quantity_roots = {}
        self._refs_cache: dict[int, list[dict]] = {}
        self._lead: int | None = None
        self._country: dict | None | bool = False  # the story's country, found when first asked
        self._bylines = byline_spans(self._text)
        self._by_id = {e["entity_id"]: e for e in self._entities}
        self._name_heads = {eid: name_head(e["name"]) for eid, e in self._by_id.items() if e["label"] in ("ORG", "FAC")}
        self._org_heads = set(self._name_heads.values())
        self._dateline = _dateline_chars(doc)
        # "Port of Rotterdam Authority" is "the authority" too: the last word of a name with "of",
        # when it names a kind of body
        self._last_heads = {eid: w for eid, w in ((eid, e["name"].split()[-1].lower()) for eid, e in self._by_id.items()
                                                  if e["label"] in ("ORG", "FAC") and len(e["name"].split()) > 2)
                            if w != self._name_heads[eid] and (w in _BODY_HEADS or w in self.organisation_descriptions
                                                               or w in self.institution_nouns)}
        self._org_heads.update(self._last_heads.values())
        events: list[dict] = []

        # one statement per act of speech: a partial quote inside the clause its cue reports
        # ('said the offer was “fair and generous” and ...') is part of that statement
        reported = {(q["cue_start"], q["start"], q["end"]) for q in quotes
                    if not q.get("direct", True) and q.get("cue_start") is not None}
        last_speaker = None  # the speaker of the statement just made, for the quotes that continue it
        cues_used: set[int] = set()
        for q in quotes:
            if q.get("cue_start") is not None and q.get("direct", True) and q["cue_start"] in cues_used:
                # '“... came,” she said. “If this goes, I’m stuck.”': the second quote of one verb
                continue
            if q.get("partial") and any(c == q.get("cue_start") and a <= q["start"] and q["end"] <= b
                                        for c, a, b in reported):
                continue
            speaker_id = (q.get("speaker") or {}).get("entity_id")
            if q.get("cue") is None and q.get("direct", True) and speaker_id is not None and speaker_id == last_speaker:
                # '“We teach a quarter of the classes,” said Priya Natarajan. “Nobody wants to strike.”':
                # a quote with no speech verb of its own goes on the statement before it
                continue
            last_speaker = speaker_id
            if q.get("cue_start") is not None:
                cues_used.add(q["cue_start"])
            anchor = q.get("cue_start") if q.get("cue_start") is not None else q["start"]
            si = sent_index_of(anchor)
            sent = sents[si]
            cue_tok = None
            if q.get("cue_start") is not None:
                cue_span = doc.char_span(q["cue_start"], q["cue_end"], alignment_mode="expand")
                cue_tok = cue_span.root if cue_span is not None else None
            if (q.get("cue") or "").lower().startswith("according"):
                # "..., according to the ministry": a source, not a clause with a speech verb; the
                # quote keeps its speaker in the article's `quotes`
                continue
            actors = self._coordinated_speakers(doc, q["speaker"], cue_tok) if q.get("speaker") \
                else self._speaker_group(doc, cue_tok)
            if not actors:
                # like an action, a statement is an entity's act: "Critics said ..." names no one, and
                # its quote stays in the article's `quotes`
                continue
            events.append({
                "type": "statement", "sentence_index": si,
                "trigger": self._trigger(cue_tok, q) if (cue_tok is not None or q.get("cue")) else None,
                "actors": actors,
                "targets": self._addressees(doc, cue_tok) if cue_tok is not None else [],
                # When the words were said, not a date inside what was said.
                "when": self.when_of([t for t in timexes if not (q["start"] <= t["start"] < q["end"])], cue_tok, sent)
                if cue_tok is not None else None,
                "where": [],
                "quantities": _within(quantities, q["start"], q["end"]),
                "quote": q,
                "negated": bool(cue_tok is not None and self.negated(cue_tok)),
            })

        # Only verbs can trigger actions: find them in the POS array instead of making a Token
        # object for every word.
        verb_ids = numpy.flatnonzero(doc.to_array(POS) == VERB_POS) if len(doc) else []
        self._modal_adjectives = self._verbs_tagged_as_adjectives(doc)
        # Heads with an appositive, read from the DEP array (walking every noun's children is slow).
        appos = doc.vocab.strings.add("appos")
        self._appos_heads = {doc[int(i)].head.i for i in numpy.flatnonzero(doc.to_array(DEP) == appos)} \
            if len(doc) else set()
        # Nouns with a possessive pronoun ("its shares"), from the TAG array, for the same reason.
        prp_poss = doc.vocab.strings.add("PRP$")
        self._possessed = {doc[int(i)].head.i for i in numpy.flatnonzero(doc.to_array(TAG) == prp_poss)} \
            if len(doc) else set()
        verb_ids = sorted({int(i) for i in verb_ids} | self._modal_adjectives)
        verbs_by_sent: dict[int, list[Token]] = {}
        sent_token_starts = self._sent_token_starts
        for i in verb_ids:
            verbs_by_sent.setdefault(bisect.bisect_right(sent_token_starts, i) - 1, []).append(doc[i])
        for si, sent in enumerate(sents):
            sent_quants = _within(quantities, sent.start_char, sent.end_char)
            for token in verbs_by_sent.get(si, ()):
                if not self.is_content_verb(token) or token.idx in cue_chars or self._in_quote(token):
                    continue  # (what is done inside a quotation is the speaker's words, not a reported event)
                if token.lemma_.lower() in self.speech and (
                    any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
                    or not any(c.dep_ in OBJECT_DEPS or c.dep_ == "agent" for c in token.children)
                    and not self._appeal(token)
                ):
                    # speech makes statements, which the quotes component owns; "The deal, announced
                    # by Microsoft," (an agent) or "called on both sides to ..." is an action
                    continue
                subject, passive = self.subject_of(token)
                actors = self.actors_of(doc, token, subject, passive)
                targets = self.targets_of(doc, token, subject if passive else None)
                # the verb's own quantities (a quantity whose head chain reaches it lies in its clause)
                own = self._clause_quantities(token, sent_quants) if sent_quants else []
                claim = ((token.lemma_.lower() == "expect" and bool(actors or own))
                         or (bool(own) and self._is_main_clause(token)
                             and self._states_amount(token, own))
                         or (not own and self._unmeasured_change(token)))
                if claim and not actors and subject is not None and not passive:
                    actors = self._claim_subject_entities(doc, subject)
                if claim and actors and not passive and subject is not None and self._measure_subject(doc, subject):
                    actors = []  # "Its shares fell 7.8%", "Shares of Rheinwerk Bank rose": a measure is the subject
                if claim and actors and all(a["label"] in ("ORG", "PERSON") for a in actors) and not passive \
                        and change_verb(token.lemma_.lower()) is not None and self._cuts_counted_things(doc, token, own):
                    # "Corvant Systems cut 1,200 jobs": what a named company or person does to what is
                    # counted, an act (not "cut costs by 5%", "raised prices 3%": a measure changed; nor
                    # "US firms added 157,000 jobs", an economy's figure)
                    claim = False
                if claim and targets and any(c.dep_ in OBJECT_DEPS and not any(g.dep_ == "prep" for g in c.children)
                                             and any(g.dep_ == "poss" and (g.tag_ == "PRP$" or c.lemma_.lower() in self._own_measures)
                                                     for g in c.children) for c in token.children):
                    # "would cut its annual costs by 350 million euros", "cut Acme's budget by 5%": whose
                    # measure it is, not something done to them (but "bought Zeta's factory for £5m" and
                    # "acquired the government's 26% stake in IPCL" are done to Zeta and IPCL)
                    targets = []
                if claim and self._reported_after_speech(token):
                    # "The ministry said unemployment fell to 4.1%": the amount is the statement's
                    # content (its quantities are the statement's), no claim of its own; blind wire sets
                    # written by several hands read it so about twice as often as a claim. Put before
                    # the verb ("Unemployment fell to 4.1%, the ministry said") it leads the sentence.
                    continue
                if not claim and not actors and subject is not None and not passive:
                    actors = self._places_of_group(doc, subject)
                if not claim and not actors and not targets:
                    if not (own and self._is_main_clause(token) and self._states_any_amount(token, own)):
                        continue
                    # "The storm killed 24 people", "..., the regulator said": done by no one named, to no
                    # one named, what the sentence asserts is its number
                    if self._reported_after_speech(token):
                        continue
                    claim = True
                    if subject is not None and not passive:
                        actors = self._claim_subject_entities(doc, subject)
                events.append({
                    "type": "claim" if claim else "action", "sentence_index": si,
                    "trigger": self._trigger(token),
                    "actors": actors, "targets": self._distinct_targets(targets, actors),
                    "when": self.when_of(timexes, token, sent),
                    "where": self.places_of(doc, token),
                    "quantities": own,
                    "quote": None,
                    "negated": self.negated(token),
                })
            # A numeric sentence whose root is not a content verb ("Exports were 90% of output").
            root = sent.root
            if sent_quants and not self.is_content_verb(root) and root.pos_ in ("AUX", "VERB"):
                if self._numeric_assertion(root, sent_quants):
                    subject, _ = self.subject_of(root)
                    actors = self.refs_for(doc, subject) if subject is not None else []
                    if not actors and subject is not None:
                        actors = self._claim_subject_entities(doc, subject)
                    if actors and self._measure_subject(doc, subject):
                        actors = []  # "Exports were 90% of output"
                    events.append({
                        "type": "claim", "sentence_index": si, "trigger": self._trigger(root),
                        "actors": actors,
                        "targets": [], "when": self.when_of(timexes, root, sent), "where": [],
                        "quantities": sent_quants, "quote": None, "negated": self.negated(root),
                    })

        if self._headline_first(doc):
            # "Cornwall bus operator to axe 14 rural routes": a headline restates the story's lead; its
            # verbs are no events of their own (and would count each one twice)
            events = [e for e in events if e["sentence_index"] != 0]
        events.sort(key=lambda e: (e["sentence_index"], e["trigger"]["start"] if e["trigger"] else e["quote"]["start"]))
        doc._.events = events
        return doc

    def _in_dateline(self, ref: dict) -> bool:
        """'ZVORNIK, Bosnia and Herzegovina (AFP) - Serbia and Bosnia reopened ...': a name written
        in the dateline is where the story was filed, no participant, whatever the parse joined it
        to (a description resolved to it is: "the government" of the story's country)."""
        lo, hi = self._dateline
        return lo <= ref["start"] < hi

    @staticmethod
    def _distinct_targets(targets: list[dict], actors: list[dict]) -> list[dict]:
        """Targets other than the actors: "The Bank of Canada cut its key rate" has no target
        entity, the possessive only says whose rate it was."""
        actor_ids = {a["entity_id"] for a in actors}
        seen: set[str] = set()
        out = []
        for t in targets:
            if t in actors or t["entity_id"] in actor_ids and t["text"].lower() in OWNER_PRONOUNS:
                continue
            if t["entity_id"] in seen:
                continue  # one entity reached twice ("a settlement between Lakeshore Health and ...")
            seen.add(t["entity_id"])
            out.append(t)
        return out

    def _is_main_clause(self, verb: Token) -> bool:
        """The sentence's root, a main clause coordinated or contrasted with it that has its own
        subject ("The S&P 500 rose 1.2% and the Dow added 0.8%", "..., while Aurora shares fell
        2.5%"), or the reported clause of a sentence whose root is a speech verb ("Unemployment
        fell to 4.1%, the ministry said"): what the sentence asserts."""
        if verb.dep_ == "ROOT":
            return True
        head = verb.head
        if _root_noun_clause(verb):
            return True  # "Operating margin widened by 1.4 points" parsed as a noun with a clause
        if verb.dep_ == "conj" and head.dep_ == "ROOT":
            return any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if verb.dep_ == "conj" and head.dep_ == "advcl" and _after_comma_and(verb) and any(
                c.dep_ in SUBJECT_DEPS for c in verb.children):
            # "X reported a rise, beating estimates as prices offset a drop, and its shares jumped
            # 8%": the parse hangs the last clause on the nearest verb; after ", and" with a subject
            # of its own it is the sentence's, if only adverbial clauses lie between it and the root
            while head.dep_ in ("advcl", "conj"):
                head = head.head
            return head.dep_ == "ROOT"
        if _contrast_noun_clause(verb):
            # "..., while its operating margin widened by 1.8 points", parsed as the noun with a clause
            return head.head.dep_ == "ROOT" or self._is_main_clause(head.head)
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children) \
                and (head.dep_ == "ROOT" or self._is_main_clause(head)):
            # "Shares in Helix jumped 33%, while Aurora shares fell 2.5%": a contrast asserts both
            # (in a reported clause too: "said revenue rose 6%, while its margin widened")
            return any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if verb.dep_ == "xcomp" and (head.lemma_.lower() in self.raising or head.lemma_.lower() in _FORECAST_PASSIVES
                                     and any(c.dep_ == "auxpass" for c in head.children)):
            # "Exports are expected to hit $12 billion", "The board expects to buy 520,000 tonnes": the
            # forecast amount is what the sentence asserts
            return head.dep_ == "ROOT" or self._is_main_clause(head)
        if verb.dep_ == "conj" and head.dep_ in ("ccomp", "parataxis"):
            # "It said construction accounted for 7% of the economy and employed 14,000 people":
            # a second verb of the reported clause is reported as well
            return self._is_main_clause(head)
        # (the reported clause of a telling that is itself asserted: "..., while Transport for Wales
        # said its prices would rise by 3.9%")
        return (verb.dep_ in ("ccomp", "parataxis") and (head.dep_ == "ROOT" or self._is_main_clause(head))
                and (head.lemma_.lower() in self.speech or head.lemma_.lower() in _EVIDENCE_VERBS))

    def _reported_after_speech(self, verb: Token) -> bool:
        """Whether the verb's clause is reported by a speech verb written before it ("Solheim said
        investigators had interviewed 600 witnesses", "..., and added that sales rose 4%, while
        margins widened"), climbing through coordinated, contrasted and raised clauses. (Also when the
        speaker is no entity, "Police said the gunman killed 12 people": on the blind sets such claims
        were right about one time in four; the amount stays in the article's quantities.)"""
        hops = 0
        while verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "parataxis") and hops < 8:
            head = verb.head
            if verb.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in self.speech:
                return head.i < verb.i
            verb, hops = head, hops + 1
        return False

    @staticmethod
    def _trigger(token: Token | None, quote: dict | None = None) -> dict:
        if token is None:
            return {"text": quote["cue"], "lemma": quote["cue"].lower(), "start": quote["start"], "end": quote["start"]}
        return {"text": token.text, "lemma": token.lemma_.lower(), "start": token.idx, "end": token.idx + len(token.text)}

    def _quantity_root(self, doc: Doc, q: dict) -> Token | None:
        """The root token of a quantity's span, found once per Doc (every verb of the sentence asks)."""
        key = (q["start"], q["end"])
        if key not in self._quantity_roots:
            span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
            self._quantity_roots[key] = span.root if span is not None else None
        return self._quantity_roots[key]

    def _clause_quantities(self, verb: Token, quants: list[dict]) -> list[dict]:
        """Quantities that are arguments of `verb` itself: reached from the quantity by walking up
        the parse to the verb without crossing into an aside, a relative or subordinate clause."""
        doc = verb.doc
        out = []
        for q in quants:
            root = self._quantity_root(doc, q)
            if root is None:
                continue
            tok, hops = root, 0
            # (but "with the index rising 112%" states the sentence's number: no boundary after "with")
            # (a change or level verb reaches further through its level phrase: "increased to a
            # seasonally adjusted annual rate of 1.42 million units")
            most = 6 if self._level_phrase_path(root, verb) else 4
            while tok.i != verb.i and hops < most and (tok.dep_ not in CLAUSE_BOUNDARY_DEPS or (
                    tok.dep_ == "pcomp" and tok.head.lower_ == "with")):
                tok, hops = tok.head, hops + 1
            if tok.i == verb.i:
                out.append(q)
        return out

    def _cuts_counted_things(self, doc: Doc, verb: Token, own: list[dict]) -> bool:
        """Every amount of the verb is a bare count of things as its direct object ("cut 1,200
        jobs"), none a measure ("costs", "prices", "output")."""
        if not own:
            return False
        for q in own:
            root = self._quantity_root(doc, q)
            if q["kind"] != "count" or q["unit"] is not None or root is None:
                return False
            obj = root if root.pos_ in ("NOUN", "PROPN") else root.head
            if obj.dep_ != "dobj" or obj.head.i != verb.i or obj.lemma_.lower() in self.measure_nouns:
                return False
        return True

    def _level_phrase_path(self, root: Token, verb: Token) -> bool:
        """The quantity hangs, through nouns and "of", on a level preposition of a change or level
        verb ("rose to an annual rate of 1.42 million units", "stood at a pace of 3%")."""
        lemma = verb.lemma_.lower()
        if change_verb(lemma) is None and not is_level_verb(lemma):
            return False
        tok = root
        for _ in range(6):
            head = tok.head
            if head.i == tok.i:
                return False
            if head.i == verb.i:
                return tok.dep_ == "prep" and is_level_preposition(tok.lower_)
            if tok.dep_ not in ("pobj", "prep", "nummod", "compound", "quantmod"):
                return False
            tok = head
        return False

    def _states_amount(self, verb: Token, own: list[dict]) -> bool:
        """Whether a verb with quantities of its own asserts the amount: a change ("shares fell 3%"),
        a level ("Turnout reached 62%"), a verb of trade and amounts ("Algeria bought 4.1 billion
        euros of goods", "agreed to pay $54m"), or a counted subject ("1,100 flights were
        cancelled"). Other verbs do something to what is counted ("fined Google 42 billion won",
        "deployed 500 volunteers", "declared a state of calamity in six provinces"): actions."""
        doc = verb.doc
        for q in own:
            tok, hops = self._quantity_root(doc, q), 0
            if tok is not None and tok.i == verb.i:  # the verb is the amount: "sales have doubled"
                return True
            if tok is not None and _hyphenated_modifier(tok, q):
                continue  # a measure describing a thing ("A 40-metre section", "a 500-page report")
            # the verb the amount hangs on ("pay" in "agreed to pay $54m") and the amount's role there
            # a change noun the amount belongs to, behind a preposition, is another claim's ("had
            # pushed for a cut of 50 basis points", "called for a rise of 5%"), not this verb's
            owner = None
            while tok is not None and tok.i != verb.i and tok.pos_ not in ("VERB", "AUX") and hops < 6:
                if tok.head.i == verb.i and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                    return True
                if hops and tok.dep_ == "pobj" and change_noun(tok.lemma_) is not None:
                    owner = tok
                tok, hops = tok.head, hops + 1
            if owner is not None:
                continue
            if tok is not None and tok.pos_ in ("VERB", "AUX") and self._is_amount_verb(tok):
                return True
        return False

    def _states_any_amount(self, verb: Token, own: list[dict]) -> bool:
        """Not every quantity of the verb is a hyphenated describer ("The 300-shareholder threshold
        has drawn anger"): the sentence states an amount."""
        doc = verb.doc
        return any((root := self._quantity_root(doc, q)) is not None and not _hyphenated_modifier(root, q)
                   for q in own)

    def _unmeasured_change(self, verb: Token) -> bool:
        """'its net profit would still rise this year', 'Prices fell sharply': a measure that
        changes, with no number given, is still a claim about a measure, not an act."""
        if change_verb(verb.lemma_) is None or not self._is_main_clause(verb) or any(
                c.dep_ in ("dobj", "agent", "xcomp") or c.dep_ == "prep" and c.lower_ in _MOTION_PREPS
                for c in verb.children):  # ("declined to comment" is a refusal)
            return False
        # a measure (measure_nouns): not a person or a team ("Mulcahy crashed over", "England dropped
        # to fifth"), nor a plane or a ferry ("crashed", "sank"), nor a spacecraft moving ("slipped into orbit")
        subject, _ = self.subject_of(verb)
        return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in self.measure_nouns

    def _is_amount_verb(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in self.amount_verbs or is_level_verb(lemma) or change_verb(lemma) is not None:
            return True
        # a phrasal change: "exports shot up 7.5%", "sent shares up 8.5p"
        return any(c.dep_ in ("prt", "advmod") and change_adverb(c.text) is not None for c in verb.children)

    def _numeric_assertion(self, root: Token, quants: list[dict]) -> bool:
        """True when a quantity is an argument of the root (subject, object, attribute,
        prepositional or adverbial measure), i.e. the sentence asserts a number. A number inside an
        apposition ("Marini, 74, refused"), a relative or subordinate clause does not count."""
        return bool(quants) and bool(self._clause_quantities(root, quants))

    def _addressees(self, doc: Doc, cue: Token) -> list[dict]:
        """Whom the words were told, when named: "told BBC Radio Lancashire", "told Reuters" (not
        "told reporters", not a pronoun)."""
        if cue.lemma_.lower() != "tell":
            return []
        out: list[dict] = []
        for child in cue.children:
            if (child.dep_ in ("dobj", "dative") or child.dep_ == "ccomp" and child.left_edge.i == cue.i + 1) \
                    and child.pos_ == "PROPN":
                # (a name the parse calls a clausal complement: "told BBC Radio Leeds that ...")
                out.extend(r for r in self.refs_for(doc, child) if r not in out)
            elif child.dep_ in ("dobj", "dative") and child.pos_ == "NOUN" and child.lower_ in _ADDRESSED_BODIES:
                # "told the court that ...": the court the story named ("Worcester Crown Court")
                ref = self.resolve_description(doc, child)
                if ref is not None and ref not in out:
                    out.append(ref)
            elif child.dep_ in ("dobj", "dative") and child.pos_ == "NOUN" and any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in child.children):
                # "told France Inter radio that ...": the name the noun is the kind of
                out.extend(r for r in self.refs_for(doc, child) if r not in out)
        return out

    def _speaker_group(self, doc: Doc, cue: Token | None) -> list[dict]:
        """Entities inside an unnamed speaker phrase ("US and Iranian officials claim ..."), or the
        pair "the two companies said" stands for."""
        if cue is None:
            return []
        subject, passive = self.subject_of(cue)
        if subject is None or passive or self._in_quote(subject):
            return []
        found = self.resolve_pair(subject) or self.entities_within(doc, subject)
        if not found and subject.tag_ in ("NN", "NNS"):
            # "A land ministry official told reporters": the ministry the article named
            for c in subject.children:
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ in self._org_heads:
                    ref = self._org_with_head(c.lower_, c.idx)
                    return [ref] if ref else []
        return found

    def resolve_pair(self, token: Token) -> list[dict]:
        """'the two companies' / 'both airlines' / 'the two countries': the last two organisations
        (countries) named before, within about three paragraphs."""
        if token.tag_ != "NNS":
            return []
        lemma = token.lemma_.lower()
        if lemma in self.organisation_descriptions:
            labels = {"ORG"}
        elif lemma in ("country", "nation", "government"):
            labels = {"GPE"}
        else:
            return []
        children = [c.lower_ for c in token.children]
        # "the two" or "both" (not "just two companies turned up, Gazprom and ...": named after)
        if not ("both" in children or "two" in children and "the" in children):
            return []
        found: list[dict] = []
        for s, e, eid, ent in self._named_before(token.left_edge.idx, token.idx - _REACH):
            if len(found) == 2:
                break
            if ent["label"] in labels and all(r["entity_id"] != eid for r in found):
                ref = self._entity_at(s, e)
                if ref is not None:
                    found.append(ref)
        return found[::-1] if len(found) == 2 else []


@Language.factory("newsevents_events", default_config={})
def make_events(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    _register_extensions()
    return EventExtractor()
