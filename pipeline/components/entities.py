"""Entity inventory: canonical names, cross-article keys and fixes to the statistical NER.

Reads `doc.ents`, writes `doc._.entities` (one dict per entity, mentions grouped) and
`doc._.entity_index` (sorted (start, end, entity_id) mention spans for lookups).
"""

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

import numpy
from spacy.attrs import DEP, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..lexicon import capitals, city_currencies, city_names, load_json
from .doctext import doc_text

# Labels that name things events can be about; numbers and dates have their own components.
NAMED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")
# GPE and LOC share keys ("Gulf" as LOC and as GPE is one place).
_KEY_LABEL = {"LOC": "GPE"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSS = re.compile(r"(?:'s|’s|')$")
_WORD = re.compile(r"\w+")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def _pronoun_soon_after(text: str, pos: int, reach: int = 150) -> bool:
    """A personal pronoun starting within `reach` characters after `pos`. (The search runs a little
    past the reach: a search window that ends inside "Hennessy" would find "He".)"""
    m = _PERSONAL_PRONOUN.search(text, pos, pos + reach + 12)
    return m is not None and m.start() < pos + reach


def _register_extensions() -> None:
    for name in ("entities", "entity_index"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@lru_cache(maxsize=65536)  # a pure function of the string; names repeat within and across articles
def normalize_name(text: str) -> str:
    """Lowercase form used for matching: no leading article, no periods, single spaces."""
    s = _TRAILING_POSS.sub("", text.strip())
    s = _LEADING.sub("", s)
    s = s.replace(".", " ").replace("’", "'")
    return " ".join(_join_initials(s.lower().split()))


def _join_initials(words: list[str]) -> list[str]:
    """'u s geological survey' -> 'us geological survey': a run of two or more single letters is
    one abbreviation, however it was dotted or spaced (U.S., U. S., US)."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=65536)  # depends only on its arguments and the (read-only) lexicons
def entity_key(label: str, name: str) -> str:
    """Cross-article grouping key, e.g. 'GPE:united states' for US, U.S., America."""
    key_label = _KEY_LABEL.get(label, label)
    norm = normalize_name(name)
    if key_label == "PERSON":
        norm = _person_keys().get(norm, norm)
    else:
        aliases = load_json("entity_aliases.json").get(key_label, {})
        norm = aliases.get(norm, norm)
    return f"{key_label}:{norm}"


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Short place aliases written in title case ("fla" -> "Florida"), from models/entity_aliases.json."""
    return {k: v.title() for k, v in load_json("entity_aliases.json")["GPE"].items() if len(k) <= 5 and " " not in v}


@lru_cache(maxsize=1)
def _person_keys() -> dict[str, str]:
    """Normalized surface form -> normalized full name, from models/known_persons.json."""
    persons = load_json("known_persons.json")["persons"]
    return {normalize_name(surface): normalize_name(full) for surface, full in persons.items()}


def _is_heading(ent: Span) -> bool:
    """'Context.' or 'Details:' on its own: a section label, not a name. A single word that starts
    a sentence and is followed only by punctuation before the next line or sentence."""
    if len(ent) != 1 or not ent[0].is_sent_start:
        return False
    doc = ent.doc
    j = ent.end
    while j < len(doc) and doc[j].is_punct:
        j += 1
    return j >= len(doc) or doc[j].is_space or doc[j].is_sent_start


def _span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text (Span.text makes a Token object for every word)."""
    return doc_text(span.doc)[span.start_char: span.end_char]


# An amount with a magnitude ("awarded Varig 2bn reais"): never the end of a name, whatever its label
# (a plain number can be: "Channel 4", "Apollo 11").
_AMOUNT = re.compile(r"\d[\d.,]*(?:bn|mn|m|tn|k)", re.IGNORECASE)


def is_age_noun(tok: Token) -> bool:
    """'the 74-year-old' as a noun phrase, a person named by age ('old' after 'year -', or one
    '74-year-old' token); read by quotes and events to resolve it to the person just named."""
    low = tok.lower_
    if low.endswith("-old") and "year" in low:
        return True
    doc = tok.doc
    return low == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("year", "years")


def of_object(token: Token) -> str | None:
    """The named "of" object of a title, lower case ("the mayor of Faenza" -> "faenza"): quotes and
    events resolve "the mayor of Faenza" only to the person introduced as mayor of that place. None
    for a common noun ("the mayor of the city" is the mayor named before)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return obj.lower_ if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_) else None
    return None


def name_head(name: str) -> str:
    """The head word of a name, lower case: its last word, or the last before "of"/"for" ("Bank
    of Italy" -> "bank", "Department for Transport" -> "department", "Data Protection Commission" ->
    "commission"); events resolve "the bank" by it."""
    words = name.split()
    if len(words) >= 2 and words[0] in _LEADING_HEADS and words[1] not in ("of", "for"):
        return "bank"  # "Bank Indonesia", "Banco Santander": the kind of body comes first
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "for")), None)
    if cut is not None:
        words = words[:cut]
    return words[-1].lower()


# words that open a body's name as its head ("Bank Indonesia" -> "the bank")
_LEADING_HEADS = frozenset({"Bank", "Banco", "Banque", "Banca"})


def _is_figure(word: str) -> bool:
    """Digits without letters ("4-6", "7(4)"): never the end of a person's name."""
    return any(ch.isdigit() for ch in word) and not any(ch.isalpha() for ch in word)


def _add_storm_words(doc: Doc, mentions: list[tuple[Span, str]]) -> None:
    """"Typhoon Kalmaegi slammed into ...", "Tropical Cyclone Hadiza made landfall": a capitalised
    storm word (after "Tropical" or "Super") right before a name is the storm's name, an event,
    whether the NER found the name (often as a place or a person) or nothing there."""
    starts = {span.start: k for k, (span, _label) in enumerate(mentions)}
    taken = _taken(mentions)
    for i in range(len(doc) - 1):
        if doc[i].text not in _STORM_TITLES:
            continue
        name = doc[i + 1]
        if not (name.is_title and name.is_alpha) or name.lower_ in STORM_WORDS or name.ent_type_ == "DATE":
            continue
        first = i - 1 if i > 0 and doc[i - 1].text in _STORM_PREFIXES else i
        k = starts.get(i + 1, starts.get(i, starts.get(first)))
        if k is not None:
            span = mentions[k][0]
            if span.end != i + 2 and not (span.start == i + 1 and span.end == i + 2):
                continue  # ("Storm Prediction Center", a name of its own)
            mentions[k] = (Span(doc, first, i + 2, label="EVENT"), "EVENT")
        elif not any(j in taken for j in range(first, i + 2)):
            mentions.append((Span(doc, first, i + 2, label="EVENT"), "EVENT"))
    mentions.sort(key=lambda m: m[0].start)


# what "from" and "to" hang on when their object is a town ("an officer from Rostock", "a mission to
# Goma"); after other words they name companies as often ("orders from Hitachi", "moved to Ferrari")
_FROM_TO_PLACE_HEADS = frozenset({"road", "mission", "trip", "visit", "journey", "route", "flight", "way", "travel",
                                  "fly", "flee", "evacuate", "drive", "officer", "resident", "people", "family",
                                  "farmer", "man", "woman", "native", "migrant", "refugee", "student", "train",
                                  "bus", "ferry", "highway", "motorway", "railway", "line", "pipeline", "miles",
                                  "kilometres", "kilometers", "km", "north", "south", "east", "west"})
# what an "of" hangs on when its object is a place ("west of Dadu", "the districts of Dadu and Larkana")
_PLACE_OF_HEADS = frozenset({"north", "south", "east", "west", "outskirts", "centre", "center", "city", "town",
                             "districts", "district", "province", "region", "provinces", "regions", "mountains",
                             "port", "suburbs", "streets", "residents", "mayor", "people"})

# plurals that end place names ("Victoria Falls", "Cayman Islands"), not team names
_PLACE_PLURALS = frozenset({"falls", "springs", "islands", "isles", "heights", "hills", "lakes", "mountains", "gardens",
                            "sands", "rapids", "keys", "plains", "woods", "meadows", "flats", "downs", "fields",
                            "rocks", "waters", "sounds", "docks", "towers", "highlands", "lowlands", "alps",
                            "headquarters", "courts", "times", "news", "studios", "games", "awards", "olympics",
                            "accords", "conventions", "agreements", "talks", "trials", "protests", "riots", "attacks",
                            "bombings", "championships", "principles", "rules", "papers", "files"})
_CLUB_TALK = re.compile(r"\b(?:club|clubs|league|premiership|striker|midfielder|goalkeeper|defender|fc)\b", re.I)


def _stands_as_place(members: list[tuple[Span, str]]) -> bool:
    """Whether a mention of a name stands where a place does: the object of a place preposition
    ("from Rostock"), of an "of" after a direction or a place noun ("west of Dadu"), before a place
    noun ("Aurora province"), or coordinated with a place ("Mysuru, Hubballi and Belagavi")."""
    doc = members[0][0].doc
    if any(span.end < len(doc) and doc[span.end].lower_ in _ADMINISTERED_PLACES for span, _label in members):
        return True  # "Aurora province"
    if any(span.root.dep_ in ("nsubj", "nsubjpass", "poss") or span.end < len(doc) and doc[span.end].tag_ == "POS"
           for span, _label in members):
        return False  # "Bolton's injury crisis", "Orange bid for": a body, or a club named after its town
    if _CLUB_TALK.search(doc_text(doc)):
        return False  # ("losing 3-2 to Chelsea": where clubs play, a town's name is often the club's)
    for span, _label in members:
        root = span.root
        head = root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
            if head.ent_type_ in ("GPE", "LOC") and head.i != root.i:
                return True
        if any(c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC") for c in root.children):
            return True
        if head.dep_ == "pobj":
            prep = head.head
            if prep.lower_ == "in" and prep.head.lemma_.lower() in _HOLDING_WORDS:
                continue  # "shares in Orange", "invested in Aurora": a company
            if prep.lower_ in _PLACE_PREPOSITIONS or prep.lower_ == "of" and prep.head.lower_ in _PLACE_OF_HEADS \
                    or prep.lower_ in ("from", "to") and prep.head.lemma_.lower() in _FROM_TO_PLACE_HEADS:
                return True
    return False


def _storm_name(words: list[str]) -> bool:
    """'Hurricane Milton', 'Tropical Cyclone Hadiza' (words of a name, in any case)."""
    return words[0].lower() in STORM_WORDS or len(words) > 2 and words[0].title() in _STORM_PREFIXES \
        and words[1].lower() in STORM_WORDS


def _owner_or_speaker(word: Token) -> bool:
    """Written as a name is: an owner ("Trump's claim"), set off by a comma ("Ford, the carmaker,"),
    or a speaker ("Fox said")."""
    nxt = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return nxt is not None and (nxt.tag_ == "POS" or nxt.text == "," or nxt.lemma_ in ("say", "tell"))


def _has_word(text: str, word: str) -> bool:
    """Whether `word` (letters, digits, "_") stands in `text` as a whole word, a run of `\\w+`:
    found with `str.find` (a set of all the text's words costs ~50 µs an article to make)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        # (`\w` is what `str.isalnum()` accepts, and "_")
        if not (i and (text[i - 1].isalnum() or text[i - 1] == "_")) and not (
                i + n < len(text) and (text[i + n].isalnum() or text[i + n] == "_")):
            return True
        i = text.find(word, i + 1)
    return False


def _positions(values: list[int], wanted: Collection[int]) -> list[int]:
    """The indices of the values (an ORTH or LOWER array as a list) that are in `wanted`, in order.
    (A set test per token: `numpy.isin` costs about 40 µs a call on an article's 200 tokens.)"""
    return [i for i, v in enumerate(values) if v in wanted]


def _capitalised_inside(doc: Doc, orths, word: Token) -> bool:  # noqa: ANN001 (numpy array)
    """Whether the article writes `word` capitalised somewhere other than at a sentence's start
    (a name: "Apple said ... shares in Apple"), not only where every word is capitalised."""
    for i in numpy.flatnonzero(orths == word.orth).tolist():
        tok = doc[i]
        if i != word.i and not tok.is_sent_start and not (i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_space)):
            return True
    # ... or as a word of a longer name ("Cascade" after "Cascade Coffee Co", both opening sentences)
    return any(len(ent) > 1 and any(t.orth == word.orth for t in ent) for ent in doc.ents)


_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")


@lru_cache(maxsize=1)
def _possessive_names() -> frozenset[str]:
    """Known names that end in a possessive ("McDonald's", "Moody's"), from the entity patterns."""
    return frozenset(p["pattern"] for p in load_json("entity_patterns.json")["after_ner"]
                     if isinstance(p["pattern"], str) and p["pattern"].endswith("'s"))


def _trim(ent: Span) -> Span | None:
    """Drop leading determiners/punctuation and trailing possessive/punctuation tokens, an
    unclosed bracket and what follows it, and a score or figure the NER ran into a person's name
    ("Jannik Sinner 4-6")."""
    toks = list(ent)  # one Token object per word, read by both ends
    lo, hi = 0, len(toks)
    while lo < hi and (toks[lo].is_punct or toks[lo].is_space or toks[lo].lower_ in ("the", "a", "an")
                       or toks[lo].lower_ in _DESCRIBING_WORDS and toks[lo].is_lower and hi - lo > 2
                       and toks[lo + 1].is_title):
        lo += 1  # ("the federal Department of Health": a describing word before the name)
    opened = next((k for k in range(lo, hi) if toks[k].text == "("), None)
    if opened is not None and not any(t.text == ")" for t in toks[opened:hi]):
        hi = opened  # "the Department of Health and Social Care (DHSC": the acronym is its own mention
    person = ent.label_ == "PERSON"
    if person and hi - lo > 1 and toks[lo].lower_.rstrip(".") in _COUNCILLOR_ABBREVIATIONS:
        lo += 1  # "Cr Liam O'Connor": the councillor's abbreviation, which the NER runs into the name
    owned = hi - lo >= 2 and toks[hi - 1].lower_ in ("'s", "’s") and (
        doc_text(ent.doc)[toks[lo].idx:toks[hi - 1].idx].rstrip() + "'s") in _possessive_names()
    while hi > lo and not owned and (toks[hi - 1].is_punct or toks[hi - 1].is_space or toks[hi - 1].tag_ == "POS"
                       or toks[hi - 1].lower_ in ("'s", "’s")  # tagged a closing quote: "while Mercantil’s fell"
                       or (person and _is_figure(toks[hi - 1].text))
                       or ent.label_ in ("ORG", "GPE") and _SCORE.fullmatch(toks[hi - 1].text)
                       or _AMOUNT.fullmatch(toks[hi - 1].text)):
        hi -= 1
    if ent.label_ in ("ORG", "GPE") and hi - lo >= 4 and toks[hi - 1].is_digit and toks[hi - 2].text in ("-", "–") \
            and toks[hi - 3].is_digit and len(toks[hi - 1]) <= 2 and len(toks[hi - 3]) <= 2:
        hi -= 3  # a score the NER ran into a club's name: "beat Plymouth Argyle 2-1"
    if lo >= hi:
        return None
    return Span(ent.doc, ent.start + lo, ent.start + hi, label=ent.label_)


# lower-case words the NER runs into the front of a name ("the federal Department of Health and Human Services")
_DESCRIBING_WORDS = frozenset({"federal", "state", "national", "local", "regional", "provincial", "municipal",
                               "former", "new", "then", "outgoing", "incoming", "rival", "embattled", "troubled",
                               "struggling", "powerful", "influential", "independent", "official"})
# nouns a person's surname goes before ("Bush administration officials", "Brown government")
_PERSONS_NOUNS = frozenset({"administration", "government", "era", "campaign", "family", "allies", "aides",
                            "camp", "doctrine", "years", "presidency", "cabinet", "team", "estate"})
# tornado ratings on the (Enhanced) Fujita scale, which the NER takes for names
_STORM_RATING = re.compile(r"E?F-?[0-5]")
# First words of storms' names; events resolve "the storm" / "the typhoon" by them too
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})
_STORM_TITLES = frozenset(w.title() for w in STORM_WORDS)
_STORM_PREFIXES = frozenset({"Tropical", "Super"})  # "Tropical Storm Alberto", "Super Typhoon Man-yi"
# how nationality words end ("Argentine", "Chinese", "Spanish", "Iraqi", "Nordic", "Dutch")
# place nouns of administered places: the name before one is a GPE ("Hatay province", "Ginza district")
_ADMINISTERED_PLACES = frozenset({"province", "district", "county", "state", "municipality", "city", "town",
                                  "village", "township", "prefecture", "borough", "neighbourhood", "neighborhood",
                                  "suburb"})
# last words of structures the NER calls organisations (not "Palace", "Church", "Airport", "Pipeline" or
# "Observatory", which are also the names of who runs them)
_BUILT_FACILITIES = frozenset({"Bridge", "Stadium", "Arena", "Tunnel", "Dam", "Canal", "Highway",
                               "Motorway", "Reactor", "Telescope"})
# endings and short words that make a capitalised adjective a nationality ("Welsh roads"; not "Bush
# administration" or "Marsh shares")
_NATIONALITY_ENDING = re.compile(r"(?:ish|ese|ian|ean|ican)$")
_SHORT_NATIONALITIES = frozenset({"Welsh", "French", "Dutch", "Czech", "Greek", "Swiss", "Thai", "German",
                                  "Cuban", "Korean", "Tibetan", "Afghan", "Moroccan", "Kenyan", "Ugandan",
                                  "Pakistani", "Iraqi", "Israeli", "Saudi", "Kuwaiti", "Qatari", "Yemeni", "Somali"})
_DEMONYM_ENDING = re.compile(r"(?:an|ans|ine|ese|ish|i|ic|ch|sh)$")
# nouns that describe a company before its name at a sentence's start ("Newcomer Sampaguita Mobile took")
_DESCRIPTOR_NOUNS = frozenset({"newcomer", "rival", "challenger", "incumbent", "upstart", "competitor"})
# Company nouns that open real names ("Alliance Boots", "Bloc Québécois", "Charity Commission", "Club
# Med"): never stripped from a name as a headline's description ("Carmaker Voss")
_NAME_OPENING_NOUNS = frozenset({"agency", "alliance", "bloc", "business", "charity", "club", "giant", "group",
                                 "company", "organisation", "organization", "platform", "utility"})
# generic words before "Council" or "Authority" that name no place ("City Council")
_LOCAL_BODY_WORDS = frozenset({"city", "county", "town", "district", "borough", "parish", "village", "regional",
                               "local", "municipal", "metropolitan", "provincial", "community", "student", "school"})
# small words inside names: not initials of an acronym ("Council of Mortgage Lenders", CML), and
# what a name split before its bracketed acronym is widened over ("&" is an acronym's own: "P&G")
_INITIALS_SKIP = frozenset({"of", "and", "the", "for", "de", "on", "in"})
_NAME_JOINERS = _INITIALS_SKIP | {"&"}
# company nouns that are also people's jobs: a person's name after them stays a person
_PERSON_JOB_NOUNS = frozenset({"developer", "operator", "producer", "publisher", "maker", "miner", "supplier",
                               "importer", "exporter", "shipper", "startup", "start-up", "giant", "business"})
# what a company owns that is itself a company ("a unit of", "a subsidiary of")
_COMPANY_PARTS = frozenset({"unit", "subsidiary", "affiliate", "division", "arm", "offshoot"})
_NNP_TAG = hash_string("NNP")
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "note", "explain", "warn"})
# nationality words the lemmatizer's WordNet index lacks
_DEMONYMS_NOT_IN_WORDNET = frozenset({"emirati", "lankan", "ivorian", "luxembourgish", "malagasy"})
# titles of the head of a place's government: the capitalised words before them name the place
_PLACE_HEAD_TITLES = frozenset({"governor", "premier", "mayor"})
_RANK_WORDS = frozenset({"deputy", "lieutenant", "vice", "acting", "former", "assistant", "state", "provincial",
                         "regional", "district", "city", "county", "central"})
_CREDIT_DASHES = frozenset({"-", "--", "—", "–"})
PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})  # not "spokesman": "Labour spokesman"


def _name_word(tok: Token) -> bool:
    """A word that can be part of a person's name: a capitalised proper noun ("Mikel", "O'Neill")."""
    return tok.pos_ == "PROPN" and tok.is_title and tok.text[:1].isalpha() and tok.ent_type_ not in (
        "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")


# Letters after a full name ("Daniel Fenwick KC") and honorifics before a surname ("Ms Dunmore"),
# lower case without full stops; quotes reads them too.
# (the counsel's letters apart: quotes reads them as a court officer's)
COUNSEL_POST_NOMINALS = frozenset({"kc", "qc", "sc"})
POST_NOMINALS = COUNSEL_POST_NOMINALS | {"mp", "msp", "mep", "obe", "mbe", "cbe", "jr", "sr", "phd", "md", "esq"}
# bodies an acronym before them names ("the FNV union", "the SNP leader" is not one: a person)
_ACRONYM_BODY_NOUNS = frozenset({"union", "unions", "party", "group", "bank", "agency", "company", "firm", "council",
                                 "committee", "regulator", "alliance", "federation", "association", "network",
                                 "airline", "carrier", "broadcaster", "militia", "coalition", "ministry", "watchdog"})
_ACRONYM_BODY_IDS = frozenset(hash_string(w) for w in _ACRONYM_BODY_NOUNS)  # LOWER values
# what a company mines, makes or trades, before "miner", "producer", "maker" ("copper miner X"; not
# "film producer", "record producer")
_COMMODITIES = frozenset({"copper", "gold", "silver", "iron", "coal", "oil", "gas", "steel", "lithium", "nickel",
                          "zinc", "uranium", "aluminium", "aluminum", "diamond", "timber", "cement", "chemical",
                          "chemicals", "chip", "chips", "car", "auto", "drug", "drugs", "vaccine", "wine", "coffee",
                          "cocoa", "sugar", "palm", "rubber", "solar", "power", "electricity", "energy", "food",
                          "dairy", "meat", "poultry", "grain", "fertiliser", "fertilizer", "potash", "phosphate",
                          "platinum", "cobalt", "tin", "bauxite", "smartphone", "phone", "aircraft", "plane", "truck",
                          "battery", "tobacco", "beer", "spirits", "paper", "glass", "plastics", "textile", "fashion",
                          # industries, whose "operator" or "developer" is a company ("rail operator Linea Padana")
                          "rail", "railway", "train", "bus", "ferry", "shipping", "port", "grid", "water", "telecom",
                          "telecoms", "mobile", "broadband", "pipeline", "satellite"})  # (not "property developer Li Ka-shing")
# lower-case nouns after a name that make it a natural place ("the Drina river")
_NATURAL_FEATURES = frozenset({"river", "lake", "valley", "delta", "basin", "mountains", "mountain", "glacier",
                               "peninsula", "estuary", "gorge", "desert", "forest", "plateau", "strait", "bay"})
# titles of peers, which with a surname alone make the name ("Lord Browne", "Baroness Hale")
PEERAGES = frozenset({"lord", "lady", "baroness", "baron"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "cr", "cllr"})  # (Cr, Cllr: councillor)
_COUNCILLOR_ABBREVIATIONS = frozenset({"cr", "cllr"})
# Last words of the names of bodies, searched for when the NER tags no word of the name.
_BODY_LAST_WORDS = frozenset({"Association", "Federation", "Union", "Council", "Institute", "Commission", "Committee",
                              "Authority", "Agency", "Board", "Bureau", "Foundation", "Society", "Alliance",
                              "Organisation", "Organization", "Ministry", "League", "Confederation", "Chamber",
                              "Syndicate", "Cooperative", "Institution", "Observatory"})
# A task's word that names a public body with its nation or region after it ("Audit Wales", "Police Scotland")
_PLACE_BODY_OPENERS = frozenset({"Audit", "Police", "Sport", "Historic", "Natural", "Visit", "Creative", "Healthwatch",
                                 "Tourism", "Skills", "Transport", "Careers", "Citizens"})
# Words a hyphen joins to a name that are no syllable of it ("Jackson-style", "Jae-born").
_HYPHEN_SUFFIX_WORDS = frozenset({"style", "based", "led", "born", "era", "like", "backed", "owned", "run", "type",
                                  "linked", "made", "free", "wide"})
_LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "inside", "throughout", "around"})
# prepositions whose object is a place when the name is a town's ("near Penticton", "through Buzi")
_PLACE_PREPOSITIONS = _LOCATIVE_PREPOSITIONS | {"towards", "toward", "through", "between"}
_HOLDING_NOUNS = frozenset({"share", "stake", "investment", "holding", "interest", "stock"})
# what is held or done "in" a company ("shares in Orange", "invested in Aurora")
_HOLDING_WORDS = _HOLDING_NOUNS | {"invest", "investor", "buy", "sell", "trading", "position"}


def _placed(span: Span, label: str) -> bool:
    """A one-word place written where places go: "in Leeds", "Janet Pryce, 54, of Leeds". It
    stays a place beside an organisation named after it ("Leeds Crown Court")."""
    if label not in ("GPE", "LOC") or span.root.dep_ != "pobj":
        return False
    prep = span.root.head
    if prep.lower_ in _LOCATIVE_PREPOSITIONS:
        return prep.head.lemma_.lower() not in _HOLDING_NOUNS  # "shares in Rheinwerk" is the company
    return prep.lower_ == "of" and prep.head.ent_type_ == "PERSON"


def _has_title_before(ent: Span, titles: set[str]) -> bool:
    """'President Trump', 'spokesman Peskov': a person title right before the name."""
    i = ent.start - 1
    return i >= 0 and ent.doc[i].lower_ in titles


class EntityInventory:
    """Group NER mentions into article entities with canonical names and keys."""

    def __init__(self, labels: tuple[str, ...] = NAMED_LABELS, english_words: frozenset[str] = frozenset()) -> None:
        self.labels = set(labels)
        self.persons = load_json("known_persons.json")["persons"]
        self.titles = {t.lower() for t in load_json("person_titles.json")["titles"]}
        self.title_ids = {hash_string(t) for t in self.titles}  # the titles' LOWER values
        # last parts of titles the tokenizer splits at a hyphen ("fly-half", "full-back")
        self._hyphen_title_ends = frozenset(t.rsplit("-", 1)[1] for t in self.titles if "-" in t)
        places = load_json("places.json")
        self.places = set(places["places"])
        self.countries = frozenset(places["countries"])
        self.places_lower = {p.lower() for p in self.places}  # datelines are in capitals
        self.not_datelines = set(places["not_datelines"])
        self.place_nouns = set(places["place_nouns"])
        self.place_office_nouns = set(places["place_office_nouns"])
        # companies and bodies often named alone ("Ford", "Shell"): names even where they are words
        self.known_names = frozenset(p["pattern"] for p in load_json("entity_patterns.json")["after_ner"]
                                     if isinstance(p["pattern"], str))
        fixed = load_json("entity_labels.json")
        self.fixed_labels = fixed["labels"]
        self.cities = city_names()
        self.product_families = set(fixed["product_families"])
        self.event_last_words = frozenset(fixed["event_last_words"])
        self.measure_nouns = frozenset(fixed["measure_nouns"])
        org_words = load_json("org_words.json")
        self.org_words = set(org_words["suffixes"])
        self._body_last_word_ids = frozenset(hash_string(w) for w in _BODY_LAST_WORDS)  # ORTH values
        self.facility_words = set(org_words["facility_suffixes"])
        bodies = org_words["national_bodies"]
        self.body_heads = re.compile(r"\b(?:" + "|".join(map(re.escape, bodies["heads"])) + r")\b")
        self.body_heads_needing_modifier = set(bodies["heads_needing_modifier"])
        self.body_modifiers = set(bodies["modifiers"])
        self.company_suffixes = set(org_words["company_suffixes"])
        self.company_suffixes_lower = {w.lower().rstrip(".") for w in self.company_suffixes}
        self.club_prefixes = set(org_words["club_prefixes"])
        self.company_prefixes = frozenset(org_words["company_prefixes"])
        self.sport_bodies = frozenset(org_words["sport_bodies"])
        self.workplace_nouns = frozenset(org_words["workplace_nouns"])
        # the model list alone, for acronyms the NER calls organisations (not the currency codes and
        # post-nominals added below: "AMD" is a chipmaker)
        self.plain_acronyms = frozenset(org_words["common_acronyms"])
        # (and post-nominal letters and currency codes, from their own lists: "MP", "KC", "USD")
        self.common_acronyms = frozenset(org_words["common_acronyms"]) | {w.upper() for w in POST_NOMINALS} | {
            k for k in load_json("quantity_currencies.json")["names"] if len(k) == 3 and k.isupper()}
        self.legal_forms = frozenset(org_words["legal_forms"])
        self.legal_prefixes = frozenset(org_words["legal_prefixes"])
        self.club_last_words = frozenset(org_words["club_last_words"])
        self._legal_form_ids = frozenset(hash_string(w) for w in self.legal_forms)  # ORTH values
        self._company_suffix_ids = frozenset(hash_string(w) for w in self.company_suffixes)  # ORTH values
        self._club_suffix_ids = frozenset(hash_string(w) for w in org_words["club_suffixes"])
        self.club_prefixes_lower = {w.lower() for w in self.club_prefixes}
        self.company_prefixes_lower = frozenset(w.lower() for w in self.company_prefixes)
        self._club_prefix_ids = frozenset(hash_string(w) for w in self.club_prefixes)  # ORTH values
        self.org_words_lower = {w.lower().rstrip(".") for w in self.org_words | self.company_suffixes}
        speakers = load_json("quote_speakers.json")
        self.company_nouns = set(speakers["company_nouns"])
        # LOWER values of the company nouns a missed name may follow ("statistics agency DANE")
        self._company_noun_ids = frozenset(hash_string(w) for w in self.company_nouns - _PERSON_JOB_NOUNS)
        self.news_agencies = set(speakers["news_agencies"])
        self.institution_words = frozenset(org_words["institution_words"])
        # English nouns and adjectives (the model lemmatizer's WordNet index; empty without one)
        self.english_words = english_words
        names = load_json("given_names.json")
        self.given_names = set(names["given_names"])
        self.given_names_lower = {n.lower() for n in self.given_names}
        self._given_name_ids = frozenset(hash_string(n) for n in self.given_names)  # ORTH values
        self.family_first = set(names["family_name_first"])
        self.family_first_lower = {n.lower() for n in self.family_first}

    def __call__(self, doc: Doc) -> Doc:
        _register_extensions()
        mentions: list[tuple[Span, str]] = []
        taken = _timex_and_unit_chars(doc)
        # the ORTH, LOWER and TAG arrays find the few tokens the passes below look at (a Token
        # object per word is slow); ORTH serves the searches after them too
        orths, lowers, tags = (doc.to_array([ORTH, LOWER, TAG]).T if len(doc) else (numpy.zeros(0, "uint64"),) * 3)
        # the same values as lists, for set lookups (`_positions`)
        orth_list, lower_list = orths.tolist(), lowers.tolist()
        words: dict = {}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            span = _trim(ent)
            if span is None or _is_heading(span) or not any(ch.isalpha() for ch in _span_text(span)):
                continue
            if span.start_char in taken:
                continue  # "Q2", "MW": a date or a unit, not a name
            if self._split_at_title(span, mentions):
                continue
            if _STORM_RATING.fullmatch(span.text):
                continue  # "rated an EF-4": a tornado's rating, no name
            if len(span) == 1 and ent.label_ == "ORG" and span.text in self.plain_acronyms:
                continue  # "the IPO", "its CEO": a thing or a title in capitals, no organisation
            if not any(ch.isupper() for ch in span.text) and ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                continue  # "square metre" as a person: a name has a capital somewhere
            first = span[0]
            opens = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_quote and (
                first.i == 1 or doc[first.i - 1].is_sent_start or doc[first.i - 2].is_space))
            if len(span) == 1 and opens and _span_text(span) not in self.places:
                # "Measles spread ...", "Turnout was ...": a capitalised common word, known as such
                # because the article also writes it in lower case.
                if span[0].tag_ == "NNS" or self._written_in_lower_case(doc, _span_text(span).lower(), words):
                    continue
                if ((ent.label_ == "ORG" or ent.label_ == "PERSON" and span.end < len(doc) and doc[span.end].is_lower
                     and doc[span.end].pos_ == "NOUN" and doc[span.end].lower_ not in _PERSONS_NOUNS)
                        # ("Benchmark copper traded": no person before a noun; but "Bush administration")
                        and span[0].is_title and span[0].lower_ in self.english_words
                        and span[0].text not in self.given_names
                        and span[0].text not in self.known_names and span[0].text not in self.persons
                        and span[0].text not in self.cities  # ("Kinshasa rejected the findings": WordNet has capitals)
                        and not _owner_or_speaker(span[0]) and not _capitalised_inside(doc, orths, span[0])):
                    continue  # "Mystery surrounds", "Tacit approval": a common noun, never a name mid-sentence
            if (len(span) > 1 and span[0].is_sent_start and (span[0].lower_ in self.company_nouns
                                                              or span[0].lower_ in _DESCRIPTOR_NOUNS)
                    and span[0].lower_ not in _NAME_OPENING_NOUNS and span[0].text not in self.org_words
                    and span[1].pos_ == "PROPN"):
                # "Carmaker Voss cuts outlook": the company noun of a headline is not in the name
                # ("Newcomer Sampaguita Mobile took": nor a describing noun, which says nothing of the label)
                descriptor = span[0].lower_ in _DESCRIPTOR_NOUNS
                span = Span(doc, span.start + 1, span.end, label="ORG")
                label = self._fix_label(span, ent.label_) if descriptor else "ORG"
            elif self._portfolio(span):
                continue  # "Social Affairs Minister Rina Wulandari": a minister's brief, no organisation
            else:
                label = self._fix_label(span, ent.label_)
            if label == "PERSON" and len(span) == 1 and span.start > 0:
                before = doc[span.start - 1]
                if before.text in self.given_names and before.pos_ == "PROPN" and not before.ent_type_:
                    # "Matteo Lepore" found as "Lepore": the given name the NER left out is the name's
                    span = Span(doc, span.start - 1, span.end, label="PERSON")
            if len(span) > 1 and span[-1].lower_ in _ADMINISTERED_PLACES and span[-1].is_lower \
                    and label in ("LOC", "GPE"):
                span, label = Span(doc, span.start, span.end - 1, label="GPE"), "GPE"  # "Ginza district"
            if len(span) >= 3 and span[0].is_title and _DEMONYM_ENDING.search(span[0].text) \
                    and span[0].text not in self.given_names and span[0].text not in self.family_first \
                    and (span[0].lower_ in self.english_words
                                                                   or span[0].lower_ in _DEMONYMS_NOT_IN_WORDNET) \
                    and span[1].text in self.given_names and label in ("PERSON", "ORG", "WORK_OF_ART", "NORP"):
                # "American Jordan Blake ousted ...": a nationality, then the person
                mentions.append((Span(doc, span.start, span.start + 1, label="NORP"), "NORP"))
                span, label = Span(doc, span.start + 1, span.end, label="PERSON"), "PERSON"
            if span[-1].text in ("St", "St.") and span.end < len(doc) and doc[span.end].is_title \
                    and doc[span.end].pos_ == "PROPN":
                span = Span(doc, span.start, span.end + 1, label=label)  # "St Just" found as "St"
            if label in ("ORG", "NORP", "WORK_OF_ART") and len(span) == 3 and span[0].lower_ in self.titles \
                    and span[0].is_title and all(_name_word(t) for t in span[1:]) and span[-1].text not in self.org_words \
                    and _span_text(span) not in self.places and _span_text(span) not in self.cities \
                    and span[-1].lower_ not in self.institution_words and span[-1].text not in self.facility_words:
                label = "PERSON"  # "Striker Cian Hughes" found as an organisation, title and all
            while label == "PERSON" and len(span) > 1 and span[0].lower_ in self.titles:
                # "Councilwoman Teresa Delgado": the title is not part of the name
                span = Span(doc, span.start + 1, span.end, label="PERSON")
            if label == "PERSON" and len(span) > 1 and span[-1].lower_ in self.titles and span[-1].is_title \
                    and span.end < len(doc) and doc[span.end].lower_ in self.titles and doc[span.end].is_title:
                # "Wollongong Lord Mayor Priya Nand" found as "Wollongong Lord": the place of a two-word title
                span = Span(doc, span.start, span.end - 1, label="PERSON")
                if _span_text(span) in self.places or _span_text(span) in self.cities:
                    span, label = Span(doc, span.start, span.end, label="GPE"), "GPE"
            mentions.append((span, label))

        self._short_names_of_organisations(mentions)
        acronym_names = self._add_bracketed_acronyms(doc, mentions)
        self._add_known_as(doc, mentions, acronym_names)
        self._add_bylines(doc, mentions)
        self._add_club_names(doc, orth_list, mentions)
        self._mend_names(doc, lower_list, mentions)
        self._add_sport_bodies(doc, mentions)
        _add_storm_words(doc, mentions)
        self._add_workplaces(doc, lowers, mentions)
        self._add_repeated_acronyms(doc, mentions)
        self._add_unnamed_people(doc, tags, mentions)
        self._add_titled_names(doc, mentions)
        self._add_portfolio_holders(doc, lower_list, mentions)
        self._add_given_name_people(doc, orth_list, mentions)
        dateline_starts = self._add_datelines(doc, mentions)
        self._national_bodies(doc, mentions)
        self._add_coined_companies(doc, orth_list, lower_list, mentions)
        mentions.extend(_surname_mentions(doc, orth_list, mentions, self.family_first))
        mentions.extend(_names_found_again(doc, orth_list, mentions, self._short_forms(doc, mentions)))
        self._add_company_words(doc, orth_list, mentions)
        self._add_possessive_names(doc, tags, mentions)
        self._add_missed_countries_and_councils(doc, tags, mentions)
        self._add_unseen_organisations(doc, orths, lowers, tags, mentions)
        self._add_untagged_bodies(doc, orths, mentions)
        self._add_cited_sources(doc, mentions)
        # "LIMA, March 12 (Reuters) -", "(Bloomberg) --": the agency that filed the story is an
        # organisation the text names, whatever the NER called it (after the searches, which would
        # find the name there again)
        self._add_credits(doc, mentions)
        self._join_coordinated_name(doc, mentions)
        self._join_town_teams(doc, tags, mentions)
        mentions = [(Span(doc, sp.start, sp.end, label="ORG"), "ORG") if label != "ORG" and self._dateline_credit(sp)
                    else (sp, label) for sp, label in mentions]
        mentions.sort(key=lambda m: m[0].start)  # ids and mention lists in article order
        self._surnames_taken_for_places(mentions)
        groups = [g for g in self._group(mentions, dateline_starts, acronym_names) if not self._common_noun_opening(g)]
        entities = []
        tied_ids: set[str] = set()
        index = []
        for n, members in enumerate(groups, start=1):
            eid = f"E{n}"
            labels = Counter(label for _, label in members)
            label = "PERSON" if "PERSON" in labels and labels["PERSON"] * 2 >= len(members) else labels.most_common(1)[0][0]
            tied = label == "PERSON" and labels["ORG"] == labels["PERSON"]  # (for _firms_named_after_people)
            # The longest form names the entity; written in capitals only when no mention is not.
            # ("Jim Callaghan" names the man also called "Lord Callaghan")
            name = max((_span_text(s) for s, _ in members),
                       key=lambda t: (len(t.split()) - _is_peer_name(t), not t.isupper(), len(t)))
            if name.isupper() and all(s.start_char in dateline_starts for s, _ in members):
                name = name.title()  # "ROTTERDAM —" names Rotterdam
            if len(name) > 1 and name.endswith(".") and " " not in name and "." not in name[:-1]:
                name = name[:-1]  # "he wrote on X.": the sentence's full stop, kept on the token
            if labels.most_common(1)[0][0] == "GPE" and len(name) <= 5 and name.istitle() \
                    and name not in self.countries and name not in self.places:
                # "FORT LAUDERDALE, Fla. (AP)": a state's abbreviation names the state
                name = _state_names().get(name.lower(), name)
            words = name.split()
            if len(words) > 1 and _storm_name(words) and words[-1] not in self.org_words:
                # ("Storm Prediction Center" is an organisation)
                label = "EVENT"  # "Hurricane Milton" with a bare "Milton" the NER took for a person
            elif (words[-1] in self.org_words or words[0] in self.club_prefixes or words[0] in self.company_prefixes) \
                    and len(words) > 1 \
                    and name not in self.places and not (label == "FAC" and words[-1] in ("Centre", "Center")):
                label = "ORG"  # "Rheinwerk Bank", but the West Bank is a place
            elif label in ("PERSON", "GPE", "LOC", "NORP") and (
                    self._team_name(words) or labels["ORG"]
                    and self._team_called_by_plural(max(members, key=lambda m: len(m[0]))[0])
                    and not any(_has_title_before(sp, self.titles) for sp, _ in members)):
                # "Kingston Cobras", "Illawarra Stingrays" (also found as an organisation, and as "the
                # Stingrays"): a team the NER took for a person (not "Senator Bernie Sanders")
                label = "ORG"
            elif label == "PERSON" and self._city_club(words):
                label = "ORG"  # "Nottingham Forest ... Forest are 18th": the club's short form taken for a person
            elif label != "PERSON" and 2 <= len(words) <= 3 and words[0] in self.given_names \
                    and any(lab == "PERSON" for _, lab in members):
                label = "PERSON"  # the full name is a person's; its bare surname was mislabelled
            elif label in ("FAC", "PRODUCT", "WORK_OF_ART", "LOC") and len(words) == 2 and words[0] in self.given_names \
                    and words[0] not in self.places and words[0] not in self.cities and words[-1] not in self.org_words \
                    and self._speaks_as_a_body(members, bodies=False):
                label = "PERSON"  # "said Giulia Arena": a given name and a surname that reads as a venue
            elif label in ("PRODUCT", "WORK_OF_ART", "LOC", "EVENT") and self._speaks_as_a_body(members):
                # (an airport or a port that speaks stays a facility, as writers label it)
                label = "ORG"  # "Tierra Viva, an environmental group, said": a 'product' that speaks is a body
            elif label in ("ORG", "PERSON", "FAC", "NORP") and len(words) <= 3 and name in self.cities \
                    and name not in self.fixed_labels and name not in self.known_names and _stands_as_place(members):
                label = "GPE"  # "a police officer from Rostock", "near Penticton": a town the NER took for a body
            elif label == "ORG" and len(words) == 1 and name in capitals() and name not in self.fixed_labels \
                    and name not in self.known_names and name not in self.given_names \
                    and not _CLUB_TALK.search(doc_text(doc)):
                label = "GPE"  # "Kinshasa rejected the findings": a capital speaks for its government
            elif label == "PERSON" and len(words) == 1 and self._lone_name_is_not_a_person(name, members):
                # not a person; ORG is what such names most often are (CoNLL dev), but a town also
                # found as a place is that place ("from Wollongong", "Wollongong Lord Mayor ...")
                label = "GPE" if name in self.cities and labels["GPE"] else "ORG"
            if label == "PERSON" and any(s.start_char in dateline_starts for s, _ in members):
                label = "GPE"  # "ANN ARBOR, Mich. (AP) —": a dateline names a place ("Ann" or not)
            if tied and label == "PERSON":
                tied_ids.add(eid)
            entities.append({
                "entity_id": eid, "name": name, "label": label, "key": entity_key(label, name),
                "mentions": [{"text": _span_text(s), "start": s.start_char, "end": s.end_char} for s, _ in members],
            })
            index.extend((s.start_char, s.end_char, eid) for s, _ in members)
        index.sort()
        self._place_named_bodies(entities)
        self._firms_named_after_people(entities, tied_ids)
        doc._.entities = entities
        doc._.entity_index = index
        return doc

    def _speaks_as_a_body(self, members: list[tuple[Span, str]], bodies: bool = True) -> bool:
        """A name that is the subject of a speech verb ("Tierra Viva said", "warned") or (`bodies`)
        set beside a body's noun ("Tierra Viva, an environmental group,"): one who speaks, whatever
        else the NER called it."""
        for span, _label in members:
            root = span.root
            if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH_LEMMAS:
                return True
            if bodies and any(c.dep_ == "appos" and (c.lower_ in self.company_nouns or c.lower_ in _BODY_NOUNS)
                   for c in root.children):
                return True
        return False

    def _surnames_taken_for_places(self, mentions: list[tuple[Span, str]]) -> None:
        """'Civic Union leader Maarten Brouwers ... said Brouwers', the second found as a place or a
        body: a lone word that is the surname of a person the article names in full is that person,
        unless it is a known place or name ("Washington" beside "George Washington")."""
        surnames = {sp[-1].text for sp, label in mentions if label == "PERSON" and len(sp) >= 2 and sp[-1].is_title
                    and sp[-1].text[-1:] != "."}
        lone = [k for k, (sp, label) in enumerate(mentions)
                if label in ("GPE", "LOC", "ORG", "NORP") and len(sp) == 1 and sp.text in surnames
                and sp.text not in self.places and sp.text not in self.cities and sp.text not in self.known_names
                and sp.text not in self.fixed_labels and sp.text not in self.countries]
        # someone who acts or speaks ("Brouwers insisted", "said Brouwers"), never somewhere things are
        # ("Healthwatch Lancashire ... Hospitals in Lancashire")
        acts = {mentions[k][0].text for k in lone if mentions[k][0].root.dep_ in ("nsubj", "nsubjpass")}
        placed = {mentions[k][0].text for k in lone if mentions[k][0].root.dep_ == "pobj"
                  and mentions[k][0].root.head.lower_ in _PLACE_PREPOSITIONS | {"at", "from", "to"}}
        for k in lone:
            sp = mentions[k][0]
            if sp.text in acts and sp.text not in placed:
                mentions[k] = (Span(sp.doc, sp.start, sp.end, label="PERSON"), "PERSON")

    def _place_named_bodies(self, entities: list[dict]) -> None:
        """"Healthwatch Lancashire" taken for a person: a name that ends in a place the article
        names on its own, and opens with no given name, is an organisation of that place."""
        places = {e["name"] for e in entities if e["label"] in ("GPE", "LOC")}
        for e in entities:
            words = e["name"].split()
            if (e["label"] == "PERSON" and len(words) >= 2 and words[-1] in places
                    and words[0] not in self.given_names and words[0] not in places):
                e["label"], e["key"] = "ORG", entity_key("ORG", e["name"])

    def _firms_named_after_people(self, entities: list[dict], tied: set[str]) -> None:
        """"Holt Steinmetz" beside "Rebecca Holt": a 'person' the NER called an organisation as often
        (`tied`), whose first word is another person's surname and no given name, is a firm named
        after its partners (not "Lewis Hamilton" beside "Carl Lewis")."""
        surnames = {e["name"].split()[-1] for e in entities if e["label"] == "PERSON" and len(e["name"].split()) >= 2}
        for e in entities:
            words = e["name"].split()
            if e["label"] == "PERSON" and e["entity_id"] in tied and 2 <= len(words) <= 3 and words[0] in surnames \
                    and words[0] not in self.given_names and words[0].lower() not in PEERAGES:
                e["label"], e["key"] = "ORG", entity_key("ORG", e["name"])

    def _join_coordinated_name(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """"The England and Wales Cricket Board", found as "England" and "Wales Cricket Board": a
        one-word name and "and" right after "the" before an organisation's name are its first words."""
        joined = {}
        ends = {sp.end: (sp, lab) for sp, lab in mentions}
        for k, (span, label) in enumerate(mentions):
            before = ends.get(span.start - 1)
            if label == "ORG" and before is not None and before[1] == "ORG" and doc[span.start - 1].lower_ == "and" \
                    and span[-1].lower_ in _SERVICE_WORDS and self._common_words_name(before[0]) \
                    and span[0].lower_ in self.english_words and span[0].is_title:
                # "The Flood Forecasting and Warning Centre", found as "Flood Forecasting" and "Warning
                # Centre": capitalised common words, "and", and a body's name are one name
                joined[k] = Span(doc, before[0].start, span.end, label="ORG")
                continue
            a = span.start - 2
            if label != "ORG" or a < 1 or doc[a + 1].lower_ not in ("and", "&") or doc[a - 1].lower_ != "the" \
                    or not doc[a].is_title or doc[a].pos_ != "PROPN" or span[-1].lower_ not in _BODY_WORDS \
                    or not (doc[a].text in self.places or doc[a].ent_type_ == "GPE"):
                continue  # (a place: not "the Pentagon and State Department", two bodies)
            joined[k] = Span(doc, a, span.end, label="ORG")
        if joined:
            mentions[:] = [(joined[k], "ORG") if k in joined else m for k, m in enumerate(mentions)
                           if k in joined or not any(j.start <= m[0].start < j.end for j in joined.values())]

    def _common_words_name(self, span: Span) -> bool:
        """'Flood Forecasting': capitalised common words that name nothing on their own (no known name,
        given name or place, and no word that ends an organisation's name)."""
        return bool(self.english_words) and _span_text(span) not in self.known_names and all(
            t.is_title and t.lower_ in self.english_words and t.text not in self.given_names and t.text not in self.places
            and t.text not in self.org_words and t.lower_ not in _SERVICE_WORDS for t in span)

    def _split_at_title(self, span: Span, mentions: list[tuple[Span, str]]) -> bool:
        """"Arequipa Governor Rosa Quispe" found whole (as a work of art): a place, the office and the
        person, where the title is a head of a place's government; the place before it is a GPE."""
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].lower_ == "for" and doc[span.start - 2].lower_ in PORTFOLIO_TITLES:
            # "Cabinet Secretary for Health Owain Griffiths": the brief, then the person
            g = next((j for j in range(1, len(span) - 1) if span[j].text in self.given_names), None)
            if g is not None and all(t.is_title for t in span[:g]):
                mentions.append((Span(doc, span.start + g, span.end, label="PERSON"), "PERSON"))
                return True
        k = next((j for j in range(1, len(span) - 1) if span[j].lower_ in _PLACE_HEAD_TITLES and span[j].is_title), None)
        if k is None or not 2 <= len(span) - k - 1 <= 3 or not all(t.is_title and t.is_alpha for t in span[k + 1:]) \
                or not all(t.is_title and t.lower_ not in self.titles and t.text not in self.org_words
                           and t.lower_ not in _RANK_WORDS for t in span[:k]):
            return False  # (not "Reserve Bank Governor", "Lieutenant Governor", "Deputy Mayor")
        mentions.append((Span(doc, span.start, span.start + k, label="GPE"), "GPE"))
        mentions.append((Span(doc, span.start + k + 1, span.end, label="PERSON"), "PERSON"))
        return True

    def _dateline_credit(self, span: Span) -> bool:
        """A news agency in brackets just after a dateline's place ("WASHINGTON (Reuters) -",
        "SOFIA, Bulgaria (AP) —") or before the dash that opens the story ("(Bloomberg) --"): the
        story's credit."""
        doc = span.doc
        if _span_text(span) not in self.news_agencies or span.start == 0 or span.end >= len(doc):
            return False
        if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return False
        if span.end + 1 < len(doc) and doc[span.end + 1].text in _CREDIT_DASHES:
            return True
        return any(0 <= span.start - end <= 12 for _start, end in (doc._.datelines or ()))

    def _add_credits(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """A credit the NER left out ("GENEVA (AP) -")."""
        taken = _taken(mentions)
        for i in range(1, min(len(doc) - 2, 40)):
            if doc[i - 1].text == "(" and doc[i].text in self.news_agencies and doc[i + 1].text == ")" \
                    and self._dateline_credit(doc[i:i + 1]):
                _add_if_free(doc, mentions, taken, i, i + 1, "ORG")

    def _portfolio(self, span: Span) -> bool:
        """'Social Affairs' in 'Social Affairs Minister ...', 'State' in 'Secretary of State Marco
        Rubio': the words of a government brief (national_bodies modifiers in models/org_words.json)
        before a minister's title or after it and "of"."""
        doc = span.doc
        if span.end + 2 < len(doc) and doc[span.end].lower_ in ("and", "&") and span[0].text not in self.given_names \
                and self.english_words and all(t.lower_ in self.english_words for t in span) \
                and not _has_title_before(span, self.titles):  # (not "President Macron and Interior Minister X")
            # "Climate Crisis and Civil Protection Minister Nikos Vlachakis": a two-part brief
            k = span.end + 1
            while k < min(len(doc), span.end + 5) and doc[k].is_title and doc[k].lower_ not in PORTFOLIO_TITLES:
                k += 1
            if k > span.end + 1 and k < len(doc) and doc[k].lower_ in PORTFOLIO_TITLES:
                return True
        if span.end < len(doc) and doc[span.end].lower_ in PORTFOLIO_TITLES and len(span) > 2 \
                and any(t.lower_ in ("and", "&") for t in span[1:-1]) and span[0].text not in self.given_names \
                and all(t.is_title or t.lower_ in ("and", "&") for t in span):
            return True  # "Business and Trade Secretary Jonathan Reynolds", found whole by the NER
        if not all(t.lower_ in self.body_modifiers or t.lower_ in ("social", "and", "&") for t in span):
            return False
        # before the title, or after it and "of" ("Secretary of State Marco Rubio")
        return (span.end < len(doc) and doc[span.end].lower_ in PORTFOLIO_TITLES) or (
            span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PORTFOLIO_TITLES)

    def _short_names_of_organisations(self, mentions: list[tuple[Span, str]]) -> None:
        """'Helix froze withdrawals' after 'Helix Capital': a one-word "nationality" mention
        used as a noun (not "the Chinese coast guard") that is the first word of an organisation the
        article names is that organisation's short name."""
        firsts = {span[0].text for span, label in mentions if label == "ORG" and len(span) > 1}
        if not firsts:
            return
        for k, (span, label) in enumerate(mentions):
            # (not a GPE: "US" beside "US Airways", "Detroit" beside "Detroit Edison" stay places)
            if (label == "NORP" and len(span) == 1 and span[0].text in firsts and span[0].tag_ == "NNP"
                    and span[0].text not in self.places  # "France" beside "France Telecom" stays a country
                    and not _DEMONYM_ENDING.search(span[0].text)  # "Argentine", "Chinese"
                    and span[0].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound")):
                mentions[k] = (Span(span.doc, span.start, span.end, label="ORG"), "ORG")

    def _add_bracketed_acronyms(self, doc: Doc, mentions: list[tuple[Span, str]]) -> dict[str, str]:
        """'The Australian Communications and Media Authority (ACMA)': an organisation followed by
        its acronym in brackets. The NER often splits such a name at 'and' or 'of'; the acronym's
        letters say where the name starts (the initials of its words, as `_initials` reads them).
        The name becomes one mention and the acronym another, which later mentions of it join.
        Returns the acronyms whose letters are not the name's initials ("NICE"), with the name's
        normalized form, for the grouping."""
        names: dict[str, str] = {}
        if "(" not in doc_text(doc):
            return names
        starts = {span.start for span, _ in mentions}
        named = sorted(((span, label) for span, label in mentions if label in ("ORG", "FAC", "LOC", "GPE", "PERSON")),
                       key=lambda m: m[0].end)
        for mention in named:
            end = mention[0].end
            if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" or mention not in mentions:
                continue  # (or a name an earlier acronym took in)
            acronym = doc[end + 1].text
            short_name = False
            if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
                # "Department for Transport (DfT)"; "National Geology and Mining Service (Sernageomin)":
                # a short name in brackets after a whole organisation's name
                short_name = (mention[1] == "ORG" and len(mention[0]) >= 2 and acronym.isalpha()
                              and 2 <= len(acronym) <= 12 and acronym[0].isupper() and acronym not in self.places
                              and acronym not in self.news_agencies and acronym not in self.known_names
                              and acronym.lower() not in self.english_words  # ("(Opposition)")
                              and doc_text(doc).count(f"({acronym})") == 1)  # ("Tesla Inc (Nasdaq) ... Apple Inc (Nasdaq)")
                if not short_name:
                    continue
            k = mentions.index(mention)
            start = mentions[k][0].start
            if short_name:
                names[acronym.lower()] = normalize_name(_span_text(mention[0]))
                # (and its later mentions, whatever the NER called them: "Ampas decided")
                mentions[:] = [m for m in mentions if m[0].start != end + 1 and m[0].text != acronym] + [
                    (Span(doc, m[0].start, m[0].end, label="ORG"), "ORG") for m in mentions
                    if m[0].text == acronym and m[0].start != end + 1]
                mentions.append((Span(doc, end + 1, end + 2, label="ORG"), "ORG"))
                continue
            # widen to the left over capitalised words and the small words names hold
            while True:
                if _initials(normalize_name(doc[start:end].text)) == acronym.lower():
                    break
                prev = start - 1
                if prev < 0 or end - prev > 10 or not (doc[prev].text[:1].isupper() or doc[prev].lower_ in _NAME_JOINERS):
                    start = -1
                    break
                start = prev
            found = mentions[k][0]
            if start < 0 and mentions[k][1] in ("ORG", "FAC") and len(found) > 1 and (
                    found[0].text[:1] == acronym[0] and not any(t.tag_ == "POS" for t in found)
                    or found[0].text[:1] != acronym[0] and len(found) >= 3 and acronym[0] in {
                        t.text[:1] for t in found if t.is_title} and doc[end - 1].text in self.org_words):
                # "National Institute for Health and Care Excellence (NICE)", "Industrial and
                # Commercial Bank (ICBC)": acronyms skip and add words; the name the NER found is whole.
                # So is a translated name's ("The Mexican Employers' Council (CMP)", from Spanish)
                start = found.start
            if start < 0:
                continue
            if start == mentions[k][0].start:  # the NER's name was whole: only the acronym is new
                names[acronym.lower()] = normalize_name(_span_text(mentions[k][0]))
                label = mentions[k][1]
                if label == "PERSON":  # "Polskie Elektrownie Jadrowe (PEJ)": people have no acronyms
                    label = "ORG"
                    mentions[k] = (Span(doc, start, end, label=label), label)
                if end + 1 not in starts:
                    mentions.append((Span(doc, end + 1, end + 2, label=label), label))
                continue
            while doc[start].lower_ in _NAME_JOINERS:
                start += 1  # "The Australian ...": no article in the name
            mentions[:] = [m for m in mentions if not (start <= m[0].start and m[0].end <= end or m[0].start == end + 1)]
            mentions.append((Span(doc, start, end, label="ORG"), "ORG"))
            mentions.append((Span(doc, end + 1, end + 2, label="ORG"), "ORG"))
        return names

    @staticmethod
    def _add_known_as(doc: Doc, mentions: list[tuple[Span, str]], names: dict[str, str]) -> None:
        """'The Brazilian Institute for Consumer Defense, known as Idec, which brought the case': the
        one capitalised word after ", known as" is another name of the organisation before it (a
        mention, and a pair in `names` for the grouping)."""
        text = doc_text(doc)
        if "known as" not in text:
            return
        ends = {span.end: (span, label) for span, label in mentions if label in ("ORG", "FAC")}
        for m in _KNOWN_AS.finditer(text):
            alias = doc.char_span(m.start(1), m.end(1))
            comma = doc.char_span(m.start(), m.start() + 1)
            if alias is None or comma is None or len(alias) != 1 or comma.start not in ends:
                continue
            span, label = ends[comma.start]
            if not any(other.start <= alias.start < other.end for other, _ in mentions):
                mentions.append((Span(doc, alias.start, alias.end, label=label), label))
            names[normalize_name(alias.text)] = normalize_name(_span_text(span))

    @staticmethod
    def _add_bylines(doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """'By Helena Voss' on a line of its own names the writer, a person, whatever label the NER
        gave the name (or none)."""
        text = doc_text(doc)
        if "By" not in text:
            return
        for m in BYLINE.finditer(text):
            for name in _BYLINE_NAME_RE.finditer(text, m.start() + m.group(0).index("By") + 2, m.end()):
                a, b = name.start(), name.end()
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None or len(span) < 2 or len(span) > 4:
                    continue
                mentions[:] = [x for x in mentions if x[0].end <= span.start or x[0].start >= span.end]
                mentions.append((Span(doc, span.start, span.end, label="PERSON"), "PERSON"))

    def _add_unnamed_people(self, doc: Doc, tags, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001 (numpy array)
        """'Carole Dufresne, ESA's director of science, said': two or three capitalised proper nouns
        the NER left out are a person when a title stands in apposition to them ("..., the
        company's chief executive,") or they are the subject of a speech verb ("Carole Dufresne
        said"), and no word of them names an organisation or a place."""
        taken = _taken(mentions)
        proper = numpy.flatnonzero(tags == _NNP_TAG).tolist()
        runs: list[list[int]] = []
        for i in proper:
            if i in taken:
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            if not 2 <= len(run) <= 3:
                continue
            span = Span(doc, run[0], run[-1] + 1, label="PERSON")
            if not all(t.text[:1].isupper() and t.is_alpha and t.text not in self.org_words
                       and t.text not in self.company_suffixes and t.text not in self.places
                       and t.lower_ not in HONORIFICS and t.lower_ not in self.titles for t in span):
                continue  # (nor "Mr Takenaka", "Economics Minister": the surname search has those)
            if self._portfolio(span):
                continue  # "Climate Crisis and Civil Protection Minister X said": the brief, read as the subject
            head = span.root
            titled = any(c.dep_ == "appos" and c.lemma_.lower() in self.titles for c in head.children)
            speaks = head.dep_ == "nsubj" and head.head.lemma_ in _SPEECH_LEMMAS
            if titled or speaks or self._countrys_own(doc, span, taken):
                mentions.append((span, "PERSON"))

    def _countrys_own(self, doc: Doc, span: Span, taken: set[int]) -> bool:
        """"Ukraine’s Daria Kovalenko", "Spain’s Javier Ruiz": a name after a place's possessive, as
        news introduces athletes and envoys, whose first word is a given name or no English word
        (not "Britain's Royal Mail")."""
        k = span.start
        if k < 2 or doc[k - 1].tag_ != "POS" or (k - 2) not in taken or doc[k - 2].ent_type_ not in ("GPE", "NORP"):
            return False
        first = span[0]
        return first.text in self.given_names or bool(self.english_words) and first.lower_ not in self.english_words

    def _add_club_names(self, doc: Doc, orths: list[int], mentions: list[tuple[Span, str]]) -> None:
        """'Sporting Lisbon beat FC Porto': a club prefix (`club_prefixes`, models/org_words.json)
        and the name after it are one club, an organisation, however the NER read the two ('Sporting'
        a place and 'Lisbon' a person; 'FC Porto' nothing). After a word prefix ('Sporting', 'Real')
        the name must be one the NER found; after an abbreviation ('FC') any proper noun will do."""
        for i in _positions(orths[:-1], self._club_prefix_ids):
            prefix, after = doc[i], doc[i + 1]
            if not (after.pos_ == "PROPN" and after.text[:1].isupper()):
                continue
            named = next((span for span, _ in mentions if span.start == i + 1), None)
            if named is None and not (prefix.text.isupper() and len(prefix.text) <= 3):
                continue
            end = named.end if named is not None else i + 2
            mentions[:] = [m for m in mentions if m[0].end <= i or m[0].start >= end]
            mentions.append((Span(doc, i, end, label="ORG"), "ORG"))

    def _add_repeated_acronyms(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """"the competition regulator, CADE, had failed ... CADE approved the merger": a word in
        capitals (2-6 letters) the NER left out, written at least twice and not as part of a line in
        capitals (a dateline, a shouted headline), is an organisation's acronym, unless it is a
        common one (`common_acronyms`: GDP, CEO, MW, ...)."""
        text = doc_text(doc)
        found: dict[str, list[Span]] = {}
        taken = None
        measured = None
        for m in _CAPITALS.finditer(text):
            word = m.group()
            if word in self.common_acronyms:
                continue
            measured = _timex_and_unit_chars(doc) if measured is None else measured
            if m.start() in measured or _in_capitals_line(text, m.start(), m.end()):
                continue  # ("EUR 50 million", "0942 GMT")
            span = doc.char_span(m.start(), m.end())
            if span is None:
                continue
            taken = _taken(mentions) if taken is None else taken
            if span.start not in taken:
                found.setdefault(word, []).append(span)
        for spans in found.values():
            if len(spans) >= 2:
                mentions.extend((Span(doc, sp.start, sp.end, label="ORG"), "ORG") for sp in spans)

    def _add_workplaces(self, doc: Doc, lowers, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001 (numpy array)
        """"Analysts at Jefferies said": capitalised proper nouns no mention holds after "at" that
        follows a plural noun of people named by their work (`workplace_nouns`) are an organisation."""
        taken = None
        for i in numpy.flatnonzero(lowers == _AT_ID).tolist():
            tok = doc[i]
            if i == 0 or i + 1 >= len(doc):
                continue
            before = doc[tok.i - 1]
            if before.tag_ != "NNS" or before.lemma_.lower() not in self.workplace_nouns:
                continue
            taken = _taken(mentions) if taken is None else taken
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 4 and doc[end].tag_ == "NNP" and doc[end].text[:1].isupper() \
                    and end not in taken:
                end += 1
            if end > tok.i + 1:
                mentions.append((Span(doc, tok.i + 1, end, label="ORG"), "ORG"))
                taken.update(range(tok.i + 1, end))

    def _add_sport_bodies(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """"Tennis Australia said": a sport (`sport_bodies`, models/org_words.json) before a country
        the NER found (or in the place it found) is the sport's national body, an organisation."""
        for k, (span, label) in enumerate(mentions):
            if label != "GPE":
                continue
            if span.start > 0 and _span_text(span) in self.countries and doc[span.start - 1].text in self.sport_bodies:
                if any(other.start <= span.start - 1 < other.end for other, _ in mentions):
                    continue  # the sport word is another name's ("Skiing" found as a place)
                mentions[k] = (Span(doc, span.start - 1, span.end, label="ORG"), "ORG")
            elif len(span) > 1 and span[0].text in self.sport_bodies and _span_text(span[1:]) in self.countries:
                mentions[k] = (Span(doc, span.start, span.end, label="ORG"), "ORG")  # "Cricket Ireland" as a place

    def _mend_names(self, doc: Doc, lowers: list[int], mentions: list[tuple[Span, str]]) -> None:
        """Names the NER cut or ran together:
        * "operator Rietvlei Gold Mining" found as "Gold Mining": an organisation named by its
          organisation word takes the capitalised proper noun just before it that no mention holds
          (not a title or company noun);
        * "The European Union's General Court" as one organisation: two names, split at the possessive;
        * "American Civil Liberties Union of Ohio" found without its place: an organisation word's
          "of" and the proper nouns after it are the name's;
        * "statistics agency DANE reported": proper nouns no mention holds after a company noun are
          an organisation;
        * "Fly-half Cian Moran" found as the nationality "Cian": a word that is no English word
          (the lemmatizer's noun and adjective index) before a capitalised name is a given name."""
        taken = _taken(mentions)
        mended: list[tuple[Span, str]] = []
        swallowed: set[int] = set()  # starts of mentions a longer name took in
        for span, label in sorted(mentions, key=lambda m: m[0].start):
            if span.start in swallowed:
                continue
            mended.extend(self._mend_name(doc, span, label, taken, swallowed))
        mentions[:] = mended
        for i in _positions(lowers[:-1], self._company_noun_ids):
            if doc[i].tag_ != "NN":
                continue
            # "statistics agency DANE reported", "grid operator PSE": a name the NER missed after a
            # company noun
            end = i + 1
            while end < len(doc) and end - i <= 4 and doc[end].tag_ == "NNP" and doc[end].text[:1].isupper() \
                    and end not in taken:
                end += 1
            if end > i + 1 and (end == len(doc) or not doc[end].text[:1].isupper()):
                mentions.append((Span(doc, i + 1, end, label="ORG"), "ORG"))
                taken.update(range(i + 1, end))
        for span, label in list(mentions):
            if label == "NORP" and len(span) == 1 and span.end < len(doc) and self.english_words:
                given, after = span[0], doc[span.end]
                if (after.tag_ == "NNP" and after.text[:1].isupper() and given.text[:1].isupper()
                        and given.lower_ not in self.english_words and given.lower_ not in _DEMONYMS_NOT_IN_WORDNET):
                    # the name runs on to the mention after it, or to the next word
                    end = next((m.end for m, _ in mentions if m.start == span.end), span.end + 1)
                    mentions[:] = [m for m in mentions if m[0].start != span.end]
                    here = next(i for i, m in enumerate(mentions) if m[0].start == span.start)
                    mentions[here] = (Span(doc, span.start, end, label="PERSON"), "PERSON")

    def _add_company_words(self, doc: Doc, orths: list[int], mentions: list[tuple[Span, str]]) -> None:
        """'Cascade Coffee Co' found as 'Cascade Coffee' (a person): a company word right after a
        name is the name's, and makes it an organisation."""
        starts = {span.start for span, _ in mentions}
        taken = _taken(mentions)
        for k, (span, label) in enumerate(mentions):
            end = span.end
            if label in ("ORG", "PERSON") and end < len(doc) and doc[end].text in self.company_suffixes \
                    and doc[end].text[:1].isupper() and end not in starts:
                # (and the proper nouns before it no mention holds: "Cascade" of "Cascade Coffee Co",
                # where the search for a surname found "Coffee")
                start = span.start
                while start > 0 and span.start - start < 3 and doc[start - 1].tag_ == "NNP" \
                        and doc[start - 1].text[:1].isupper() and start - 1 not in taken:
                    start -= 1
                mentions[k] = (Span(doc, start, end + 1, label="ORG"), "ORG")
        # ... and one the NER missed altogether ("SEATTLE (Reuters) - Cascade Coffee Co reported"):
        # capitalised proper nouns before a legal form no mention holds
        taken = None
        for i in _positions(orths, self._legal_form_ids):
            taken = _taken(mentions) if taken is None else taken
            if i in taken or i == 0:
                continue
            if doc[i].text in ("Co", "Co.", "Cooperative") and i + 1 < len(doc) and doc[i + 1].is_title:
                continue  # "Newry, Co Down": a county; "the Electric Cooperative Association" goes on
            start = i
            while start > 0 and i - start < 3 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title \
                    and start - 1 not in taken:
                start -= 1
            if start < i:
                mentions.append((Span(doc, start, i + 1, label="ORG"), "ORG"))
                taken.update(range(start, i + 1))

    def _add_coined_companies(self, doc: Doc, orths: list[int], lowers: list[int],
                              mentions: list[tuple[Span, str]]) -> None:
        """Companies the NER missed: capitalised proper nouns before a company word, when the name
        opens with a coined word ("PORT ARTHUR, Texas (AP) - Gulfmark Refining shut a unit"; not
        "Chinese Mining", "Green Energy"); "Bank" before a country ("Bank Indonesia kept its
        rate"), not after another name ("West Bank"); an acronym before the kind of body it names
        ("the FNV union")."""
        for k, (span, label) in enumerate(mentions):
            b = span.start - 1
            if label == "GPE" and b >= 0 and doc[b].text == "Bank" and not (
                    b > 0 and doc[b - 1].is_title and doc[b - 1].pos_ == "PROPN" and not doc[b].is_sent_start):
                mentions[k] = (Span(doc, b, span.end, label="ORG"), "ORG")
        taken = _taken(mentions)
        for k in _positions(lowers, _ACRONYM_BODY_IDS):
            # "The FNV union staged three stoppages": an acronym before the kind of body it names
            tok = doc[k - 1] if k > 1 and doc[k - 2].lower_ == "the" else None  # ("a local NGO network": none)
            if tok is not None and tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 6 and doc[k].is_lower \
                    and tok.i not in taken and tok.text not in self.common_acronyms and tok.text not in self.countries:
                _add_if_free(doc, mentions, taken, tok.i, tok.i + 1, "ORG")
        for i in _positions(orths, self._company_suffix_ids):
            if i in taken or i == 0 or not doc[i].is_title or doc[i].tag_ not in ("NNP", "NNPS"):
                continue
            start = i
            while start > 0 and i - start < 2 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title \
                    and start - 1 not in taken:
                start -= 1
            first = doc[start]
            if start < i and self.english_words and first.lower_ not in self.english_words \
                    and first.text not in self.given_names and first.text not in self.places and not first.ent_type_:
                _add_if_free(doc, mentions, taken, start, i + 1, "ORG")
        for i in _positions(orths, self._club_suffix_ids):
            # "London (AFP) - Thameside Athletic have signed", "Bristol Rovers": a club the NER missed,
            # named after a place or a coined word
            if i in taken or i == 0 or doc[i].tag_ not in ("NNP", "NNPS"):
                continue
            first = doc[i - 1]
            if first.i in taken or first.tag_ != "NNP" or not first.is_title or first.text in self.given_names \
                    or not (first.text in self.places or self.english_words and first.lower_ not in self.english_words):
                continue
            _add_if_free(doc, mentions, taken, i - 1, i + 1, "ORG")

    def _add_possessive_names(self, doc: Doc, tags, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001 (numpy array)
        """"The Alzheimer's Society charity", "Great Ormond Street Children's Hospital": a name whose
        owner word and organisation word are both capitalised, which the model misses; only where no
        mention holds any of its words."""
        pos_tag = doc.vocab.strings["POS"]
        taken = None
        for i in numpy.flatnonzero(tags == pos_tag).tolist():
            if i == 0 or i + 1 >= len(doc) or doc[i + 1].text not in self.org_words or not doc[i - 1].is_title:
                continue
            if not any(t.is_lower and t.is_alpha and not t.is_stop for t in doc[i].sent):
                continue  # a headline in title case ("Musk's Company Wins Big Contract")
            taken = _taken(mentions) if taken is None else taken
            start = i - 1
            while start > 0 and i - start < 4 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title:
                start -= 1
            if doc[start].tag_ in ("NNP", "NNPS"):
                _add_if_free(doc, mentions, taken, start, i + 2, "ORG")
        if taken is not None:
            mentions.sort(key=lambda m: m[0].start)

    def _add_missed_countries_and_councils(self, doc: Doc, tags, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001 (numpy array)
        """Names the NER misses after a headline or a quote ("...after review\n\nCardiff Council
        will raise", "Wales became the first UK nation", "Canberra said"): a country's or a listed
        city's one-word name tagged a proper noun, not run on into another name ("Jordan Henderson");
        and a capitalised institution word after proper nouns the article never writes in lower case
        ("Cardiff Council", not "City Council"). Only where no mention holds any of the words."""
        nnp = doc.vocab.strings["NNP"]
        taken = None
        for i in numpy.flatnonzero(tags == nnp).tolist():
            tok = doc[i]
            if not tok.is_title:
                continue
            if (tok.text in self.countries or tok.text in self.places) and tok.text not in self.given_names:
                after = doc[i + 1] if i + 1 < len(doc) else None
                if after is not None and after.tag_ in ("NNP", "NNPS") and after.is_title:
                    continue
                if i > 0 and doc[i - 1].tag_ in ("NNP", "NNPS") and doc[i - 1].is_title:
                    continue
                taken = _taken(mentions) if taken is None else taken
                _add_if_free(doc, mentions, taken, i, i + 1, "GPE")
            elif tok.lower_ in self.institution_words and i > 0 and any(
                    t.is_lower and t.is_alpha and not t.is_stop for t in tok.sent):  # (not in a title-case headline)
                start = i
                while start > 0 and i - start < 3 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title:
                    start -= 1
                first = doc[start].lower_
                if start == i or first in self.body_modifiers or first in _LOCAL_BODY_WORDS \
                        or self._written_in_lower_case(doc, first, {}):
                    continue  # ("City Council", "Health Ministry", "the Reform party ... Reform Party")
                taken = _taken(mentions) if taken is None else taken
                _add_if_free(doc, mentions, taken, start, i + 1, "ORG")
        if taken is not None:
            mentions.sort(key=lambda m: m[0].start)

    def _add_unseen_organisations(self, doc: Doc, orths, lowers, tags,  # noqa: ANN001 (numpy arrays)
                                  mentions: list[tuple[Span, str]]) -> None:
        """Proper nouns the NER leaves untagged, known as organisations by their use: right before
        a staff word and a named person ("Vontobel analyst Jean-Marc Leuenberger": the employer), or
        set off by ", which" ("Richemont, which owns Cartier": not a person, and no listed place).
        Only title-case words with no entity type, no given name and no known place."""
        n = len(doc)
        if n < 3:
            return
        strings = doc.vocab.strings
        # candidates from the arrays (a Token object only for the few that qualify); the tagger also
        # calls an unknown capitalised word opening a sentence NN (the English word test keeps
        # common nouns out)
        nouns = (tags[:-2] == strings["NNP"]) | (tags[:-2] == strings["NN"])
        staff_words = numpy.array([strings.add(w) for w in _STAFF_WORDS], dtype="uint64")
        followed = numpy.isin(lowers[1:-1], staff_words) | (
            (orths[1:-1] == strings.add(",")) & (lowers[2:] == strings.add("which")))
        taken = None
        for i in numpy.flatnonzero(nouns & followed).tolist():
            if not doc[i].is_title:
                continue
            nxt, after = doc[i + 1], doc[i + 2]
            staff = _staff_before_person(doc, i + 1)
            # (", which owns/runs ...": what companies do; "Ozempic, which treats diabetes" is a drug)
            which = nxt.text == "," and after.lower_ == "which" and after.head.lemma_.lower() in _COMPANY_ACTS
            if not (staff or which):
                continue
            start = i
            while start > 0 and i - start < 2 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title \
                    and not doc[start - 1].is_sent_start:
                start -= 1
            words = doc[start:i + 1]
            if any(not t.is_title or t.ent_type_ or t.text in self.given_names or t.lower_ in self.places_lower
                   or t.text in self.countries or t.lower_ in self.english_words for t in words):
                continue
            taken = _taken(mentions) if taken is None else taken
            _add_if_free(doc, mentions, taken, start, i + 1, "ORG")
        if taken is not None:
            mentions.sort(key=lambda m: m[0].start)

    def _add_untagged_bodies(self, doc: Doc, orths, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001
        """Organisations the NER left untagged whole (not when one of their words is tagged: that name
        is the NER's): a run of capitalised words ending in a body's word ("The Mato Grosso Soy
        Producers Association warned"), and a proper noun that speaks with a body's noun beside it
        ("Kestrel Commodities, a London-based consultancy, said")."""
        ids = self._body_last_word_ids
        taken = None
        for i in _positions(orths, ids):
            end = i + 1
            if doc[i].ent_type_ or not doc[i].is_title or doc[i].is_sent_start:
                continue
            start = i
            while start > 0 and i - start < 6 and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                    and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[start - 1].lower_ not in ("the", "a") \
                    and doc[start - 1].text not in self.titles:
                start -= 1
                if doc[start].is_sent_start:
                    break
            if i - start < 1 or doc[start].lower_ in self.english_words and i - start < 2:
                continue  # one word before ("Producers Association") may be a description
            sent = doc[i].sent
            if sum(t.is_title for t in sent) * 2 > len(sent):
                continue  # a headline in title case
            taken = _taken(mentions) if taken is None else taken
            _add_if_free(doc, mentions, taken, start, end, "ORG")
        # "Kestrel Commodities, a London-based consultancy, said": an untagged name that speaks with a
        # body's noun beside it
        nsubj = doc.vocab.strings.add("nsubj")
        for i in numpy.flatnonzero(doc.to_array(DEP) == nsubj).tolist() if len(doc) else ():
            tok = doc[i]  # (a Token object only for the subjects, read from the DEP array)
            if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title \
                    or tok.head.lemma_.lower() not in _SPEECH_LEMMAS or not any(
                        c.dep_ == "appos" and (c.lower_ in self.company_nouns or c.lower_ in _BODY_NOUNS)
                        for c in tok.children):
                continue
            start = tok.i
            while start > 0 and tok.i - start < 4 and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].head.i == tok.i and doc[start - 1].is_title and not doc[start - 1].ent_type_:
                start -= 1
            if doc[start].text in self.given_names:
                continue  # ("Maria Lopez, a company spokeswoman," is a person)
            taken = _taken(mentions) if taken is None else taken
            _add_if_free(doc, mentions, taken, start, tok.i + 1, "ORG")
        if taken is not None:
            mentions.sort(key=lambda m: m[0].start)

    def _add_cited_sources(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """"according to Opta", "according to preliminary OzTAM ratings", "according to LSEG data": the
        proper noun a figure is credited to, which the NER left untagged, is an organisation (not a
        given name or a place: "according to Smith" stays what the NER made of it)."""
        text = doc_text(doc)
        k = text.find("ccording to ")
        taken = None
        while k >= 0:
            after = doc.char_span(k + 12, k + 13, alignment_mode="expand") if k + 13 <= len(text) else None
            k = text.find("ccording to ", k + 1)
            if after is None:
                continue
            i = after.start
            while i < len(doc) and doc[i].is_lower and doc[i].pos_ in ("DET", "ADJ"):
                i += 1  # "the latest", "preliminary"
            end = i
            while end < len(doc) and end - i < 3 and _source_word(doc[end]) \
                    and not doc[end].ent_type_ and doc[end].text not in self.given_names \
                    and doc[end].text not in self.common_acronyms \
                    and doc[end].lower_ not in self.places_lower and doc[end].text not in self.countries:
                end += 1
            if end == i or (end < len(doc) and (_source_word(doc[end]) or doc[end].text in self.common_acronyms)) or (
                    end + 1 < len(doc) and doc[end].lower_ in ("and", "&", "of") and doc[end + 1].text[:1].isupper()):
                continue  # (a longer name goes on: "according to Environment and Climate Change Canada")
            taken = _taken(mentions) if taken is None else taken
            _add_if_free(doc, mentions, taken, i, end, "ORG")
        if taken is not None:
            mentions.sort(key=lambda m: m[0].start)

    def _mend_name(self, doc: Doc, span: Span, label: str, taken: set[int],
                   swallowed: set[int]) -> list[tuple[Span, str]]:
        """One mention as `_mend_names` mends it: itself, longer, or split in two."""
        n = len(doc)
        if label == "ORG" and span.start > 0 and doc[span.start - 1].text in self.legal_prefixes \
                and span.start - 1 not in taken:
            span = Span(doc, span.start - 1, span.end, label="ORG")  # "PT Morowali Prima Metal" found without "PT"
            taken.add(span.start)
        if span.start > 1 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_ \
                and not doc[span.start - 2].whitespace_ and doc[span.start - 2].is_title and span.start - 2 not in taken \
                and (label == "PERSON" or len(span) == 1 and any(
                    e.label_ == "PERSON" and e.text.endswith(" " + doc[span.start - 2:span.end].text) for e in doc.ents)):
            # "Asante-Mensah" found as "Mensah" (a person, or an organisation where the article names
            # "Kwabena Asante-Mensah"): a double-barrelled surname is one name
            span, label = Span(doc, span.start - 2, span.end, label="PERSON"), "PERSON"
            taken.update((span.start, span.start + 1))
        if label == "GPE" and span.start > 0 and doc[span.start - 1].text in _PLACE_BODY_OPENERS \
                and not doc[span.start - 1].ent_type_ and span.start - 1 not in taken:
            # "Audit Wales", "Police Scotland", "Sport England" found as the place: a public body
            # named by its task and its nation
            span, label = Span(doc, span.start - 1, span.end, label="ORG"), "ORG"
            taken.add(span.start)
        elif label == "GPE" and span.start > 1 and doc[span.start - 1].text == "for" \
                and doc[span.start - 2].text in _PLACE_BODY_OPENERS and not doc[span.start - 2].ent_type_ \
                and span.start - 2 not in taken and span.start - 1 not in taken:
            span, label = Span(doc, span.start - 2, span.end, label="ORG"), "ORG"  # "Transport for Wales"
            taken.update((span.start, span.start + 1))
        if span.start > 1 and label != "PERSON" and doc[span.start - 1].is_title and doc[span.start - 1].pos_ == "PROPN" \
                and not doc[span.start - 1].ent_type_ and not doc[span.start - 1].is_sent_start \
                and span.start - 1 not in taken and doc[span.start - 2].is_lower \
                and (doc[span.start - 2].lower_ in self.company_nouns or doc[span.start - 2].lower_ in _BODY_NOUNS):
            # "shipping agency Mare Logistica" found as the place "Logistica": the name runs back to
            # the noun, which makes it a body
            span, label = Span(doc, span.start - 1, span.end, label="ORG"), "ORG"
            taken.add(span.start)
        if label == "PERSON" and span.end + 1 < n and doc[span.end].text == "-" and not span[-1].whitespace_ \
                and not doc[span.end].whitespace_ and doc[span.end + 1].is_alpha and doc[span.end + 1].is_lower \
                and len(doc[span.end + 1]) <= 6 and span[-1].is_title and len(span[-1]) <= 5 \
                and span[0].text in self.family_first and len(span) == 2 \
                and doc[span.end + 1].lower_ not in _HYPHEN_SUFFIX_WORDS and span.end not in taken \
                and span.end + 1 not in taken:
            # "Park Min-seok", "Yoon Suk-yeol" found as "Park Min": a Korean given name's second
            # syllable follows a hyphen in lower case
            span = Span(doc, span.start, span.end + 2, label="PERSON")
            taken.update((span.end - 2, span.end - 1))
        if (label == "ORG" or label in ("GPE", "LOC", "FAC") and len(span) == 1 and span[0].text not in self.places) \
                and span[-1].text in self.org_words and span.end + 1 < n \
                and doc[span.end].lower_ == "of" and doc[span.end + 1].pos_ == "PROPN" \
                and doc[span.end + 1].text[:1].isupper() and doc[span.end + 1].ent_type_ not in ("PERSON", "ORG"):
            # "American Civil Liberties Union of Ohio" found without its place; "Port of
            # Antwerp-Bruges" found as the place "Port" (a name's hyphen joins its places)
            end = span.end + 2
            while end < n and end - span.end <= 4 and (
                    doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
                    or doc[end - 1].text == "-" and doc[end].is_title
                    or doc[end].text == "-" and not doc[end].whitespace_ and end + 1 < n and doc[end + 1].is_title):
                end += 1
            if label == "ORG" or doc[span.start:end].text not in self.places:  # (not the city "Port of Spain")
                swallowed.update(range(span.end + 1, end))
                span, label = Span(doc, span.start, end, label="ORG"), "ORG"
                taken.update(range(span.start, end))
        if label == "ORG" and len(span) >= 3 and span.end + 1 < n and doc[span.end].lower_ == "and" \
                and any(t.lower_ == "of" for t in span[1:-1]) and span[-1].text in self.places \
                and doc[span.end + 1].text in self.places and (span.end + 2 >= n or doc[span.end + 2].pos_ != "PROPN"):
            # "the Catholic Bishops' Conference of England and Wales" found without its second place
            swallowed.add(span.end + 1)
            span = Span(doc, span.start, span.end + 2, label="ORG")
            taken.update(range(span.start, span.end))
        if label == "ORG" and span.start > 0:
            before = doc[span.start - 1]
            if (before.tag_ == "NNP" and before.text[:1].isupper() and before.i not in taken
                    and span[-1].lower_.rstrip(".") in self.org_words_lower
                    and not before.is_sent_start and before.lower_ not in self.titles
                    and before.lower_ not in self.company_nouns and before.text not in self.places):
                return [(Span(doc, span.start - 1, span.end, label=label), label)]
            poss = next((t for t in span[1:-1] if t.tag_ == "POS"), None)
            # the owner a name of its own, a place or an organisation (not "McDonald's Corp",
            # "European People's Party", "US Trade Representative's Office")
            if poss is not None and doc[poss.i + 1].text[:1].isupper() and (
                    doc[span.start:poss.i].text in self.places
                    or doc[poss.i - 1].lower_.rstrip(".") in self.org_words_lower):
                left = Span(doc, span.start, poss.i, label="ORG")
                left_label = self._fix_label(left, "ORG")
                return [(Span(doc, left.start, left.end, label=left_label), left_label),
                        (Span(doc, poss.i + 1, span.end, label="ORG"), "ORG")]
        return [(span, label)]

    def _join_town_teams(self, doc: Doc, tags, mentions: list[tuple[Span, str]]) -> None:  # noqa: ANN001 (numpy array)
        """"The Sacramento Kings traded ...": a town and a team's plural written together are one team,
        however the NER cut them ("Sacramento" a place and "Kings" an organisation, or neither). Only the
        proper and plural nouns are looked at (the TAG array): no Token object per word."""
        strings = doc.vocab.strings
        plural_like = numpy.flatnonzero(numpy.isin(tags, [strings["NNS"], strings["NNPS"], strings["NNP"]])).tolist()
        found = []
        big_cities = city_currencies()  # (towns of 100,000 or more: not "Golden" of "Golden Globes")
        for j in plural_like:
            if j == 0:
                continue
            i, t, nxt = j - 1, doc[j - 1], doc[j]
            if not (t.is_title and nxt.is_title and nxt.text.endswith("s")):
                continue
            start = i - 1 if i > 0 and doc[i - 1].is_title and f"{doc[i - 1].text} {t.text}" in self.cities else i
            words = [w.text for w in doc[start:i + 2]]
            town = " ".join(words[:-1])
            if (town in self.places or town in big_cities) and self._team_name(words):
                found.append(Span(doc, start, i + 2, label="ORG"))
        if not found:
            return
        for team in found:
            if any(sp.start <= team.start and team.end <= sp.end and len(sp) > len(team) for sp, _ in mentions):
                continue  # inside a longer name already ("the Sacramento Kings Foundation")
            mentions[:] = [(sp, lab) for sp, lab in mentions if sp.end <= team.start or team.end <= sp.start]
            mentions.append((team, "ORG"))
        mentions.sort(key=lambda m: m[0].start)

    def _city_club(self, words: list[str]) -> bool:
        """'Nottingham Forest', 'Leeds United', 'Derby County': a city, then a club's last word (no one's
        given name first: 'Charlotte City' is no club)."""
        return 2 <= len(words) <= 3 and words[-1] in self.club_last_words and words[0] in self.cities \
            and words[0] not in self.given_names

    def _team_name(self, words: list[str]) -> bool:
        """'Kingston Cobras', 'Bridgetown Royals', 'New York Giants': a town and a plural, the way teams
        are named (not 'Victoria Falls' or 'Palm Springs', places themselves)."""
        if not 2 <= len(words) <= 4:
            return False
        town = " ".join(words[:-1])
        return (words[-1].istitle() and (town in self.places or town in self.cities) and self._team_plural(words[-1], words[0])
                and " ".join(words) not in self.cities and " ".join(words) not in self.places)

    def _team_plural(self, last: str, first: str) -> bool:
        """A plural of a common noun ending a name that opens with no given name, as a team's name ends
        ("Cobras"; not a surname, "Hughes", "Roberts", nor a place's plural, "Falls")."""
        return (len(last) > 3 and last.endswith("s") and not last.endswith("ss") and last.lower() not in _PLACE_PLURALS
                and (not self.english_words or last.lower()[:-1] in self.english_words)
                and last[:-1] not in self.given_names and last not in self.given_names and first not in self.given_names)

    def _team_called_by_plural(self, span: Span) -> bool:
        """An organisation named like a team ("Illawarra Stingrays"; not "Hartwell Motors", whose last
        word names companies) that the article also calls "the Stingrays" (not "the Resources Minister")."""
        last = span[-1].text
        return (2 <= len(span) <= 4 and bool(self.english_words) and last not in self.org_words
                and last not in self.company_suffixes and _span_text(span) not in self.places
                and self._team_plural(last, span[0].text)
                and re.search(r"\b[Tt]he " + re.escape(last) + r"\b(?!\s+[A-Z])", doc_text(span.doc)) is not None)

    def _short_forms(self, doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """'Coralink' after 'Coralink Ltd', 'Hartwell' after 'Hartwell Motors Co', 'Nordlys' after
        'Nordlys Aerospace': the distinctive first word of a company name that ends in a company word
        (`company_suffixes`, models/org_words.json; not 'World Bank', 'Federal Court') or that is no
        English word, searched for again (the grouping joins it to the full name). Not a place
        ('Sudan Airways'), a given name, or a word the article writes in lower case."""
        forms = []
        words: dict = {}
        for span, label in mentions:
            if label != "ORG" or len(span) < 2:
                continue
            first = span[0]
            if (self._team_name([t.text for t in span]) or self._team_called_by_plural(span)) \
                    and not self._written_in_lower_case(doc, span[-1].lower_, words):
                forms.append((span[-1:], "ORG"))  # "the Cobras" after "Kingston Cobras"
                continue
            if len(span) == 2 and first.text in self.club_prefixes:
                # "Sporting" of "Sporting Lisbon"; "Porto" of "FC Porto" (after an abbreviation)
                short = span[1:] if first.text.isupper() else span[:1]
                if not self._written_in_lower_case(doc, short.text.lower(), words):
                    forms.append((short, "ORG"))
                continue
            # a company word ends the name, or its first word is no English word ("Nordlys Aerospace")
            coined = self._coined_name([t.lower_ for t in span], label)
            if ((span[-1].text not in self.company_suffixes and not coined)
                    or not all(t.text[:1].isupper() for t in span)
                    or len(first.text) <= 2 or first.text in self.places or first.text in self.given_names
                    or first.lower_ in self.body_modifiers or first.lower_ in self.company_nouns
                    or _DEMONYM_ENDING.search(first.text) and first.tag_ == "JJ"
                    or self._written_in_lower_case(doc, first.lower_, words)):
                continue
            forms.append((span[:1], "ORG"))
        return forms

    @staticmethod
    def _written_in_lower_case(doc: Doc, word: str, words: dict) -> bool:
        """Whether the article writes `word` (lower case) as a word somewhere; `words` caches the
        answers for the Doc."""
        known = words.get(word)
        if known is None:
            text = doc_text(doc)
            if _WORD.fullmatch(word):
                known = _has_word(text, word)
            else:
                known = re.search(r"\b" + re.escape(word) + r"\b", text) is not None  # "covid-19"
            words[word] = known
        return known

    def _add_titled_names(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """'Arsenal coach Mikel Arteta', 'manager Pep Guardiola': two or three capitalised proper
        nouns right after a person title are a person's name, also where the NER found nothing."""
        taken = _taken(mentions)
        # Words of one-word mentions: "top seed Sofia Reyes" came out of the NER as the place
        # "Sofia" and the organisation "Reyes", "City boss Pep Alvarado" as the person "Alvarado";
        # after a title they are one name.
        single = {span.start: k for k, (span, _label) in enumerate(mentions) if len(span) == 1}
        n = len(doc)
        added = False
        title_ids = self.title_ids
        # the LOWER array finds the titles: a Token object only where one stands
        lowers = doc.to_array(LOWER).tolist() if n else []
        hyphenated = [k for k in range(2, n - 1) if doc[k - 1].text == "-" and doc[k].lower_ in self._hyphen_title_ends
                      and f"{doc[k - 2].lower_}-{doc[k].lower_}" in self.titles] if "-" in doc_text(doc) else []
        hyphenated_set = set(hyphenated)
        names_at = {m[0].start: m for m in mentions if 2 <= len(m[0]) <= 3 and m[1] != "PERSON"}
        for i in sorted({k for k, h in enumerate(lowers) if h in title_ids and k + 2 <= n} | hyphenated_set):
            tok = doc[i]
            end = tok.i + 1
            whole = names_at.get(end)
            if whole is not None and whole in mentions and all(_name_word(t) for t in whole[0]) \
                    and not (whole[0].end < n and doc[whole[0].end].pos_ == "PROPN" and doc[whole[0].end].is_title) \
                    and whole[0][-1].text not in self.org_words and _span_text(whole[0]) not in self.places \
                    and _span_text(whole[0]) not in self.fixed_labels:  # ("chief Latin America strategist")
                # "Fly-half Cian Hughes", found whole as an organisation: a person after a title; the
                # title itself is no name ("Fly-half" as an organisation)
                first = i - 2 if i in hyphenated_set else i
                mentions[:] = [m for m in mentions if m is not whole and not (first <= m[0].start and m[0].end <= end)]
                mentions.append((Span(doc, whole[0].start, whole[0].end, label="PERSON"), "PERSON"))
                single = {sp.start: k for k, (sp, _label) in enumerate(mentions) if len(sp) == 1}
                added = True
                continue
            while end < n and end - tok.i <= 3 and (end not in taken or end in single) and _name_word(doc[end]) \
                    and doc[end].lower_ not in self.titles and doc[end].text not in self.org_words:
                end += 1
            if end < n and doc[end].pos_ == "PROPN" and doc[end].is_title:
                continue  # a longer capitalised run (a name of something else)
            if end - tok.i - 1 == 1 and tok.lower_ in PEERAGES and tok.is_title:
                span = Span(doc, tok.i, end, label="PERSON")  # "Lord Browne": the title is the name's
            elif end - tok.i - 1 < 2:
                continue  # one word
            else:
                span = Span(doc, tok.i + 1, end, label="PERSON")
            if _span_text(span) in self.places:
                continue
            replaced = [single[j] for j in range(span.start, span.end) if j in single]
            if len(replaced) == len(span):
                continue  # every word a place or body of its own ("envoy Saudi Arabia"): not a name
            for k in sorted(replaced, reverse=True):
                del mentions[k]
            single = {sp.start: k for k, (sp, _label) in enumerate(mentions) if len(sp) == 1}
            mentions.append((span, "PERSON"))
            taken.update(range(span.start, span.end))
            added = True
        if added:
            mentions.sort(key=lambda m: m[0].start)

    def _english_word(self, word: str) -> bool:
        """An English word or its plural ("merchants": the tagger keeps a proper noun's plural as its lemma)."""
        ew = self.english_words
        return word in ew or word.endswith("s") and (word[:-1] in ew or word.endswith("ies") and word[:-3] + "y" in ew)

    def _add_portfolio_holders(self, doc: Doc, lowers: list[int], mentions: list[tuple[Span, str]]) -> None:
        """'Minister for Public Expenditure Aoife Brennan', 'Commissioner of Competition Hélène Tremblay':
        after a title and "for"/"of", the capitalised run ends with the holder's name, the words before
        it naming the portfolio. The name is the last word and the words before it that are no English
        word or are given names: two words, or three opening with a given name."""
        n = len(doc)
        starts = [k for k in range(n - 3) if lowers[k] in self.title_ids and doc[k + 1].lower_ in ("for", "of")]
        if not starts or not self.english_words:
            return
        added = False
        for k in starts:
            j = k + 2 + (doc[k + 2].lower_ == "the")
            end = j
            while end < n and end - j < 8 and (doc[end].is_title and doc[end].text[:1].isalpha()
                                               or doc[end].lower_ in ("and", "&") and end + 1 < n and doc[end + 1].is_title):
                end += 1
            if end - j < 3 or not _name_word(doc[end - 1]) or doc[end - 1].text in self.org_words:
                continue
            start = end - 1
            while start > j and end - start < 2 and _name_word(doc[start - 1]) and (
                    not self._english_word(doc[start - 1].lower_) or doc[start - 1].text in self.given_names):
                start -= 1
            if start > j and end - start == 2 and doc[start - 1].text in self.given_names and _name_word(doc[start - 1]):
                start -= 1  # "Maria Luisa Ortega": three words opening with a given name
            if end - start < 2 or start == j and doc[j].lower_ not in self.english_words and doc[j].text not in self.given_names:
                continue  # no portfolio before the name: _add_titled_names' case, or not a name
            span = Span(doc, start, end, label="PERSON")
            if _span_text(span) in self.places or any(sp.end == end and j < sp.start <= start and lab == "PERSON"
                                                      or sp.start == start and sp.end == end for sp, lab in mentions):
                continue  # (the NER's own name of three words stays: "President of Sri Lanka Anura Kumara Dissanayake")
            kept = []
            for m in mentions:
                if m[0].end <= start or m[0].start >= end:
                    kept.append(m)
                elif m[0].start < start and not any(t.lower_ in self.english_words for t in doc[m[0].start:start]):
                    # "chief executive of Ryanair Michael O'Leary" found whole: the company stays
                    kept.append((Span(doc, m[0].start, start, label=m[1]), m[1]))
            mentions[:] = kept + [(span, "PERSON")]
            added = True
        if added:
            mentions.sort(key=lambda m: m[0].start)

    def _add_given_name_people(self, doc: Doc, orths: list[int], mentions: list[tuple[Span, str]]) -> None:
        """'Lindsay Davenport has put ...' where the NER found no name: a known given name followed
        by one or two capitalised proper nouns that no mention holds is a person (not when the run
        goes on capitalised or names a street, a hospital or a company: 'Victoria Street')."""
        taken = _taken(mentions)
        n = len(doc)
        # a given name the NER took alone for something else ("a charging Mateo Ruiz" as the place "Mateo")
        alone = {span.start: (span, label) for span, label in mentions if len(span) == 1 and label != "PERSON"}
        given = _positions(orths, self._given_name_ids)
        for i in given:
            freed = None
            if i in alone and i + 1 < n and i + 1 not in taken and _name_word(doc[i + 1]) \
                    and doc[i + 1].text not in self.given_names and doc[i].text not in self.places:
                freed = alone[i]
                mentions.remove(freed)
                taken.discard(i)
            if not self._given_name_person_at(doc, i, taken, mentions) and freed is not None:
                mentions.append(freed)  # (not a person after all: the NER's mention stays)
                taken.add(i)
        # a given name the NER left out before a person's name ("Ana Belén Ortega" found as "Belén Ortega")
        after = {span.start: k for k, (span, label) in enumerate(mentions) if label == "PERSON" and len(span) <= 2}
        for i in given:
            k = after.get(i + 1)
            if k is not None and i not in taken and _name_word(doc[i]) \
                    and not (i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN" and doc[i - 1].lower_ not in self.titles):
                span = mentions[k][0]
                mentions[k] = (Span(doc, i, span.end, label="PERSON"), "PERSON")
                taken.add(i)

    def _given_name_person_at(self, doc: Doc, i: int, taken: set[int], mentions: list[tuple[Span, str]]) -> bool:
        """Adds the person whose known given name is `i` (see `_add_given_name_people`); whether it did."""
        n = len(doc)
        if i in taken or i + 1 >= n or not _name_word(doc[i]):
            return False
        if i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ == "PROPN" and not doc[i].is_sent_start:
            return False  # inside a longer name ("Royal Victoria Infirmary")
        end = i + 1
        while end < n and end - i <= 2 and end not in taken and _name_word(doc[end]) \
                and doc[end].text not in self.given_names:
            end += 1
        if end == i + 1 or (end < n and doc[end].is_title and doc[end].pos_ == "PROPN"):
            return False
        last = doc[end - 1].text
        if last in self.org_words or last in self.facility_words or last in self.company_suffixes \
                or _span_text(doc[i:end]) in self.places \
                or i > 0 and doc[i - 1].lower_ == "the" and doc[end - 1].lower_ in self.english_words:
            # "Grace Road", "Abel Motors", "Victor Hugo Avenue"; "the Victoria Line", a thing's name
            # (but "the Svetlana Kuznetsova doping row" is a person's)
            return False
        _add_if_free(doc, mentions, taken, i, end, "PERSON")
        return True

    def _add_datelines(self, doc: Doc, mentions: list[tuple[Span, str]]) -> set[int]:
        """The place of a dateline ('ROTTERDAM — Dock workers ...', found by newsevents_paragraphs)
        is a GPE mention, whatever the NER made of the capitals. Returns the places' start chars."""
        starts: set[int] = set()
        if not Doc.has_extension("datelines"):
            return starts
        for first, last in doc._.datelines or ():
            if first == last:
                continue  # a credit with no place ("(Bloomberg) --")
            place = Span(doc, first, last, label="GPE")
            if _span_text(place) in self.not_datelines:
                continue
            starts.add(place.start_char)
            overlapping = [k for k, (span, _) in enumerate(mentions) if span.start < last and first < span.end]
            for k in reversed(overlapping):
                del mentions[k]
            mentions.append((place, "GPE"))
        mentions.sort(key=lambda m: m[0].start)
        return starts

    def _national_bodies(self, doc: Doc, mentions: list[tuple[Span, str]]) -> None:
        """A country's institution written in lower case. 'Russia's defence ministry': the country
        is the entity, as news annotators and CoNLL take it (the model sometimes finds 'defence
        ministry' alone: that mention goes); so is it in 'the UK government'. 'the Ukrainian foreign
        ministry': an organisation named by the whole phrase, since a nationality is no participant
        of its own."""
        ends = {span.end: (span, label) for span, label in mentions}
        found = []
        for m in self.body_heads.finditer(doc_text(doc)):
            head = doc.char_span(m.start(), m.end())
            if head is None or len(head) != 1:
                continue
            i = head.start
            k, mods = i - 1, 0
            while k >= 0 and mods < 3 and doc[k].lower_ in self.body_modifiers and doc[k].is_lower:
                k, mods = k - 1, mods + 1
            if mods == 0 and doc[i].lower_ in self.body_heads_needing_modifier:
                continue
            if k >= 1 and doc[k].tag_ == "POS":
                country = ends.get(k)  # "Russia's"
                if country is None or country[1] not in ("GPE", "LOC"):
                    continue
            else:
                country = ends.get(k + 1)  # "Russian", "US"
                if country is None or country[1] not in ("NORP", "GPE"):
                    continue
            if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                continue  # "Spain's weather agency AEMET": the name that follows is the entity
            # ("the UK government", "US defence officials": the country, as "Russia's" is)
            found.append((country[0], i + 1, k >= 1 and doc[k].tag_ == "POS" or country[1] == "GPE"))
        for country, end, owned in found:
            if owned:  # the institution's words after "Russia's"
                mentions[:] = [(s, lab) for s, lab in mentions if not (country.end <= s.start and s.end <= end)]
                continue
            body = Span(doc, country.start, end, label="ORG")
            mentions[:] = [(s, lab) for s, lab in mentions if not (s.start < body.end and body.start < s.end)]
            mentions.append((body, "ORG"))
        if found:
            mentions.sort(key=lambda m: m[0].start)

    def _known_place(self, text: str, label: str) -> bool:
        """A nationality or a listed place: "Sudan" before "Sudan Airways" and "Chinese" before
        "Chinese coast guard" stay themselves, while a company's short name the NER took for a
        place ("Rheinwerk" as GPE) may still join its full name."""
        return label == "NORP" or (label in ("GPE", "LOC") and (text.lower() in self.places_lower
                                                                  or text in self.countries))

    def _common_noun_opening(self, members: list[tuple[Span, str]]) -> bool:
        """A one-word "person" that is only ever a sentence's capitalised first word and an English noun
        ("Turnout reached 72.4%"): a common noun the NER took for a name, not an entity (no title, no
        known name, no pronoun after it for a person)."""
        span = members[0][0]
        if len(span) != 1 or any(len(s) != 1 or not s[0].is_sent_start for s, _ in members) \
                or any(lab != "PERSON" for _, lab in members):
            return False
        word = span[0]
        if word.text in self.measure_nouns:
            return True
        # (WordNet's index also holds places, "lazio": the tagger must read the word as a common noun too)
        return word.lower_ in self.english_words and word.is_title and word.text not in self.given_names \
            and any(s[0].tag_ in ("NN", "NNS") for s, _ in members) \
            and not any(s[0].head.lemma_ in _SPEECH_LEMMAS for s, _ in members) \
            and self._lone_name_is_not_a_person(word.text, members)  # ("Smith said ..." is someone)

    def _lone_name_is_not_a_person(self, name: str, members: list[tuple[Span, str]]) -> bool:
        """A one-word 'person' the article never names in full, with no title before it and not a
        known person or a given name: news introduces people by their full name, so this is
        almost always the model's mistake ('Miyagi', 'Topix'). Acronyms ('BAS') likewise."""
        if name in self.persons or name in self.given_names:
            return False
        if name.isupper() and len(name) >= 2:
            return True
        if any(_has_title_before(span, self.titles) for span, _ in members):
            return False
        # "Merkel said she was pleased": a personal pronoun soon after keeps the person
        text = doc_text(members[0][0].doc)
        return not any(_pronoun_soon_after(text, span.end_char) for span, _ in members)

    def _fix_label(self, span: Span, label: str) -> str:
        """Correct the statistical label with lexicons and local evidence."""
        text = _span_text(span)
        if text in self.fixed_labels:
            return self.fixed_labels[text]
        if span[0].text in self.product_families and label in ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART"):
            return "PRODUCT"  # "iPhone 14", "Galaxy S26 Edge", "Android" as organisations
        if text in self.persons or _has_title_before(span, self.titles):
            return "PERSON"
        doc = span.doc
        if label == "PERSON" and _staff_before_person(doc, span.end):
            return "ORG"  # "Julius Baer economist Anna Keller": the employer of a named person
        if len(span) > 1 and span[0].lower_.rstrip(".") in HONORIFICS and span[1].is_title:
            return "PERSON"  # "Ms Dunmore" labelled ORG: an honorific opens a person's name
        if text in self.places:
            return "GPE"  # countries and cities ("Riga" is no LOC)
        if label == "PERSON" and len(span) == 2 and span[0].text in ("St", "St."):
            return "GPE"  # "St Ives": no one is called "St"
        if label == "GPE" and len(span) == 1 and span[0].tag_ == "JJ" and _DEMONYM_ENDING.search(text):
            return "NORP"  # "the first Ukrainian woman": a nationality adjective is no place
        if len(span) > 1 and span[-1].text in ("Bill", "Act") and label in ("WORK_OF_ART", "ORG", "PRODUCT", "PERSON") \
                and span[-2].is_title:
            return "LAW"  # "the End of Life Choice Bill", "the Digital Markets Act"
        if len(span) > 1 and span[-1].text in self.event_last_words and label in ("WORK_OF_ART", "ORG", "PRODUCT", "GPE"):
            return "EVENT"  # "the Australian Open", "the Davis Cup", "the Monaco Grand Prix"
        if len(span) > 1 and span[-1].text in self.org_words and label in ("PERSON", "GPE", "LOC", "NORP", "PRODUCT"):
            return "ORG"
        if label == "PERSON" and span.start > 0 and doc[span.start - 1].lower_ in _PERSON_JOB_NOUNS \
                and span[0].text not in self.given_names and any(
                    c.dep_ in ("compound", "amod") and c.i == span.start - 2 and c.lower_ in _COMMODITIES
                    for c in doc[span.start - 1].children):
            return "ORG"  # "Chilean copper miner Minera Altiplano": a miner of a commodity is a company
        if span.start > 0 and label in ("PRODUCT", "GPE", "LOC", "NORP", "WORK_OF_ART", "FAC", "PERSON") \
                and (doc[span.start - 1].lower_ in self.company_nouns or doc[span.start - 1].lower_ in _BODY_NOUNS) \
                and (label != "PERSON" or doc[span.start - 1].lower_ not in _PERSON_JOB_NOUNS):
            # "carrier Lufthansa", "retailer Zara" as a product or place; "Environmental group
            # Greenpeace Poland", "Passenger watchdog Transport Focus" as a person (but "developer
            # John Reyes" may be a person)
            return "ORG"
        if label in ("ORG", "PERSON", "NORP", "PRODUCT") and span.end + 1 < len(doc) and doc[span.end].text == "-" \
                and doc[span.end + 1].lower_ == "based":
            return "GPE"  # "The Stuttgart-based group": where the group is based
        if label in ("ORG", "PERSON", "PRODUCT", "GPE", "NORP") and span.end < len(doc) and doc[span.end].is_lower \
                and doc[span.end].lower_ in _NATURAL_FEATURES and not _DEMONYM_ENDING.search(text):
            return "LOC"  # "the Drina river", "the Danube delta": a piece of nature, not a body
        if label in ("ORG", "PERSON", "PRODUCT", "LOC") and span.end < len(doc) and doc[span.end].is_lower \
                and (doc[span.end].lower_ in self.place_nouns or doc[span.end].tag_ == "NNS"
                     and doc[span.end].lemma_ in self.place_nouns and span.start > 0
                     and doc[span.start - 1].lower_ in ("and", ",", "or")) \
                and not (span.start > 0 and doc[span.start - 1].lower_ in ("a", "an")):
            # "Hatay province", "the Eastern Cape province": a place that governs itself; "Indonesia's
            # Sulawesi island" a piece of land ("Sindh and Balochistan provinces": each a province;
            # not "a Labour borough", "EU states", "Taliban areas")
            return "GPE" if doc[span.end].lemma_ in _ADMINISTERED_PLACES else "LOC"
        if len(span) > 1 and label == "PERSON" and span[-1].text in self.facility_words:
            return "FAC"  # "James Webb Space Telescope", "Wembley Stadium"
        if len(span) > 1 and label == "ORG" and span[-1].text in _BUILT_FACILITIES:
            return "FAC"  # "the Hollins Street Bridge": a structure, not who runs it
        if (label in ("ORG", "GPE", "LOC", "NORP", "PRODUCT", "WORK_OF_ART") and 2 <= len(span) <= 3
                and span[0].text in self.given_names and all(t.is_title for t in span)):
            return "PERSON"  # "Teresa Delgado" labelled ORG: a given name then a surname
        if label == "PERSON" and span.end + 1 < len(span.doc) and span.doc[span.end].text == "," \
                and span.doc[span.end + 1].lower_ == "which":
            return "ORG"  # "Rival SK Hynix, which reported record sales": "which" is not for people
        root = span.root
        if label in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LOC", "GPE", "NORP") and 2 <= len(span) <= 3 \
                and all(t.is_title for t in span) and span[-1].text not in self.org_words \
                and span[-1].text not in self.facility_words and text not in self.places \
                and not any(t.lower_ in self.english_words for t in span) and (
                    any(c.dep_ == "appos" and c.lemma_.lower() in self.titles for c in root.children)
                    or label in ("WORK_OF_ART", "PRODUCT", "FAC", "LOC") and root.dep_ == "nsubj"
                    and root.head.lemma_.lower() in _SPEECH_LEMMAS):
            # "Boudewijn Smit, the authority's chief operating officer, told reporters" as a work of
            # art: an officer in apposition, or a speech verb, makes the name a person's
            return "PERSON"
        if label in ("NORP", "GPE", "LOC", "PERSON") and len(span) == 1 and root.dep_ == "appos" \
                and root.head.lower_ in _BODY_NOUNS and not _DEMONYM_ENDING.search(text) and text not in self.places:
            return "ORG"  # "Chile's mining regulator, Sernageomin": the regulator's name
        if label == "ORG" and 2 <= len(span) <= 3 and all(t.is_title for t in span) and root.dep_ == "appos" \
                and span[-1].text not in self.org_words and root.head.lemma_.lower() in self.titles \
                and not any(t.lower_ in self.english_words for t in span):
            return "PERSON"  # "the company's chief financial officer, Celeste Uy, conceded": an officer is a person
        if label == "ORG" and 2 <= len(span) <= 3 and all(t.is_title for t in span) and text not in self.known_names \
                and span[-1].text not in self.org_words and span[-1].tag_ == "NNP" and root.dep_ != "pobj" and any(
                    c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
                    for c in root.children):
            return "PERSON"  # "said Owain Price of the campaign group Pedal Cymru, who added": "who" is for people
        if label in ("ORG", "PERSON", "LOC") and len(span) == 1 and root.dep_ in ("amod", "compound") \
                and root.head.pos_ == "NOUN" and root.head.is_lower and (
                    _NATIONALITY_ENDING.search(span[0].text) or span[0].text in _SHORT_NATIONALITIES) \
                and span[0].lower_ in self.english_words and span[0].text not in self.given_names:
            return "NORP"  # "on Welsh roads", "its Caribbean voyage": a nationality describing a thing
        if label == "PERSON" and span[0].text not in self.given_names and any(
                c.dep_ == "appos" and (c.lower_ in self.company_nouns and c.lower_ not in _PERSON_JOB_NOUNS
                                       or c.lower_ in _COMPANY_PARTS and any(g.lower_ == "of" for g in c.children))
                for c in root.children):
            # "Donau Kreditbank, Austria's fifth-largest lender, said", "Nucleon Belgique, a unit of
            # Groupe Voltaire": a person is no lender, nor a part of a company
            return "ORG"
        if label == "PERSON" and span[0].text not in self.given_names and root.dep_ == "appos" \
                and root.head.lower_ in self.company_nouns and (
                    root.head.lower_ not in _PERSON_JOB_NOUNS or len(span) > 1 and (
                        span[-1].lower_.endswith("s") and span[-1].lower_[:-1] in self.english_words
                        or span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].is_upper)):
            # ("Solara Cruises", "Ferrocarriles del Sur (FESUR)"; not "The album's producer, Quincy Jones")
            return "ORG"  # "The ship's operator, Solara Cruises, said": as above, the other way round
        if label == "PERSON" and len(span) > 1 and root.dep_ == "nsubj" and span[0].text not in self.given_names \
                and _its_own_object(root.head):
            # "Krispy Kreme will restate its results": people have "his" or "her" results (a given
            # name keeps the person: in "Mary Jones defended its record", "its" is something else's;
            # a one-word name is left to the grouping, which joins it to its full name)
            return "ORG"
        if (label == "PERSON" and len(span) == 1 and root.dep_ == "pobj"
                and root.head.lower_ in ("in", "near", "outside", "across", "inside", "throughout")):
            return "GPE"  # "a plant in Miyagi": people are rarely "in" someone
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            owner = root.head.head.lower_
            if len(span) == 1 and (label == "PERSON" and owner in self.place_nouns
                                   or label in ("ORG", "NORP") and owner in _ADMINISTERED_PLACES and owner != "state"):
                return "GPE"  # "the town of Kherson" (not "the state of the NHS")
            if label in ("PERSON", "ORG", "NORP") and len(span) <= 2 and owner in self.place_office_nouns \
                    and not any(t.text in self.org_words for t in span):
                return "GPE"  # "the mayor of Faenza" labelled ORG; "the governor of the Bank" keeps its label
        return label

    def _coined_name(self, words: list[str], label: str) -> bool:
        """An organisation's name of two or three words that opens with no English word ("nordlys
        aerospace"): its first word is its short name, which `_short_forms` searches for again."""
        return label == "ORG" and bool(self.english_words) and len(words) <= 3 and words[0] not in self.english_words

    def _group(self, mentions: list[tuple[Span, str]],
               dateline_starts: set[int] = frozenset(),
               acronym_names: dict[str, str] | None = None) -> list[list[tuple[Span, str]]]:
        """Group mentions in order of first appearance. A mention joins a group when its normalized
        form (through the alias tables) is the same, or, for people, when it is the surname or a
        tail of a longer name in the group ('Trump' -> 'Donald Trump'), or an acronym of it."""
        # A one-word "person" (or nationality) the NER calls a place as often in the same article, and
        # never an organisation, is that place ("Cornwall" in a headline; not "Chelsea", a given name,
        # nor "Cornish")
        votes: dict[str, Counter] = {}
        for sp, lab in mentions:
            if len(sp) == 1:
                votes.setdefault(normalize_name(_span_text(sp)), Counter())[lab] += 1
        places = {w for w, c in votes.items() if c["GPE"] + c["LOC"] >= c["PERSON"] + c["NORP"] > 0 and not c["ORG"]}
        if places:
            mentions = [(Span(doc_span.doc, doc_span.start, doc_span.end, label="GPE"), "GPE")
                        if (lab == "PERSON" and doc_span.text not in self.given_names
                            or lab == "NORP" and not _DEMONYM_ENDING.search(doc_span.text)) and len(doc_span) == 1
                        and normalize_name(_span_text(doc_span)) in places else (doc_span, lab)
                        for doc_span, lab in mentions]
        # Longest forms first decide the groups, so 'Trump' can join 'Donald Trump' whichever comes first.
        # ("Lord Goldsmith" counts as the one word "Goldsmith", after "Peter Goldsmith")
        order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i][0]) + (
            mentions[i][1] == "PERSON" and _is_peer_name(_span_text(mentions[i][0]))))
        group_of: dict[int, int] = {}
        groups: list[dict] = []
        for i in order:
            span, label = mentions[i]
            text = _span_text(span)
            norm = normalize_name(text)
            key = entity_key(label, text).split(":", 1)[1]
            # per mention, not per group: its words, and the acronym test's inputs
            words = norm.split()
            while label == "PERSON" and len(words) > 2 and words[-1] in POST_NOMINALS:
                words = words[:-1]  # "Daniel Fenwick KC" is matched as "Daniel Fenwick"
            peer = label == "PERSON" and _is_peer_name(norm)
            if peer:
                words = words[1:]  # "Lord Goldsmith" is matched as the surname of "Peter Goldsmith"
            acronym = norm.replace(" ", "") if label == "ORG" and text.isupper() and len(text) >= 2 else None
            placed = len(words) == 1 and _placed(span, label)
            target = None
            # a dateline's place ("COLUMBUS, Ohio (AP) —") is a place, whatever a headline called it
            in_dateline = span.start_char in dateline_starts
            for g, info in enumerate(groups):
                if in_dateline and info["label"] not in ("GPE", "LOC"):
                    continue
                if key in info["keys"] or norm in info["norms"]:
                    target = g
                    break
                split = info["split"]  # each norm of the group with its words, split once
                if len(words) < info["max_words"] and any(
                        _storm_name(fw) and fw[-len(words):] == words for _f, fw in split):
                    target = g  # "Kalmaegi" after "Typhoon Kalmaegi", whatever the NER called it
                    break
                person_like = label == "PERSON" or info["label"] == "PERSON"
                if person_like and len(words) < info["max_words"]:
                    # (a place the NER found joins as a surname only a name with a given name, or a
                    # storm's: "Lancashire" is not the surname of "Healthwatch Lancashire")
                    if any(fw[-len(words):] == words and (label not in ("GPE", "LOC") or fw[0] in self.given_names_lower
                                                           or _storm_name(fw))
                           for _f, fw in split):
                        target = g
                        break
                    # "Kim" after "Kim Jong Un": the family name comes first in these names
                    if len(words) == 1 and words[0] in self.family_first_lower and any(
                            fw[0] == words[0] for _f, fw in split):
                        target = g
                        break
                # "Rheinwerk" after "Rheinwerk Bank": the distinctive first word of an organisation
                # (a place stays a place: "Sudan" beside "Sudan Airways"; "Harvard" is not the
                # "Harvard School of Public Health").
                if len(words) == 1 and not self._known_place(text, label) and not placed and any(
                    len(fw) >= 2 and fw[0] == words[0] and "of" not in fw
                    and (fw[-1] in self.org_words_lower or self._coined_name(fw, info["label"]) and not text.isupper())
                    # (but "Columbus" labelled a place is not the "Columbus City Council")
                    and not (label in ("GPE", "LOC") and fw[-1] in self.institution_words) for _f, fw in split
                ):
                    target = g
                    break
                # "the Cobras" after "Kingston Cobras", "the Stingrays" after the organisation "Illawarra
                # Stingrays": a team by its plural
                if len(words) == 1 and words[0].endswith("s") and any(
                        len(fw) >= 2 and fw[-1] == words[0] and (
                            self._team_name([w.title() for w in fw])
                            or info["label"] == "ORG" and bool(self.english_words) and label not in ("GPE", "LOC", "NORP")
                            and text.lower() not in self.places_lower and text not in self.cities and self._team_plural(fw[-1].title(), fw[0].title()))
                        for _f, fw in split):
                    target = g
                    break
                # "Karpacki" after "Bank Karpacki", "Ibérico" after "Banco Ibérico SA": the name after its
                # organisation word (and before a company word)
                if len(words) == 1 and not self._known_place(text, label) and not placed and any(
                        2 <= len(fw) <= 3 and (fw[0] in self.org_words_lower or fw[0] in self.company_prefixes_lower)
                        and fw[1] == words[0] and (len(fw) == 2 or fw[2] in self.company_suffixes_lower)
                        for _f, fw in split):
                    target = g
                    break
                # "Cascade Coffee" (a headline) for "Cascade Coffee Co": the name without its company word
                if len(words) >= 2 and any(len(fw) == len(words) + 1 and fw[:-1] == words and (
                        fw[-1] in self.company_suffixes_lower
                        or fw[-1] in self.org_words_lower and label not in ("GPE", "LOC", "NORP", "PERSON")
                        and words[0] not in self.given_names_lower
                        and not self._known_place(text, label) and info["label"] == "ORG"
                        and span.start_char > info["first"]) for _f, fw in split):
                    # (and "Bayou Sorrel" after "Bayou Sorrel Chemicals", a short form referring back; not
                    # "New York" for "New York Times", nor "Melinda French" for "Melinda French Foundation")
                    target = g
                    break
                # "Sporting" for "Sporting Lisbon"; "Porto" for "FC Porto" (the place after an abbreviation)
                if len(words) == 1 and not placed and any(
                    len(fw) == 2 and fw[0] in self.club_prefixes_lower
                    and (words[0] == fw[0] and len(fw[0]) > 3 or words[0] == fw[1] and len(fw[0]) <= 3)
                    for _f, fw in split
                ):
                    target = g
                    break
                if acronym is not None and any(_initials(f) == acronym or (
                        len(fw) > 2 and fw[0] in _COUNTRY_PREFIXES and _initials(" ".join(fw[1:])) == acronym)
                        or len(acronym) >= 4 and "".join(w[0] for w in fw) == acronym  # "ERCOT": its "of" a letter too
                        for f, fw in split):
                    target = g  # "FDA" of "US Food and Drug Administration": the country before it is no letter
                    break
                if acronym_names and len(words) == 1 and acronym_names.get(norm) in info["norms"]:
                    target = g  # "NICE" of "National Institute for ... (NICE)", "Idec" after "known as"
                    break
            if target is None and len(words) == 1 and label == "ORG" and words[0] in self.org_words_lower:
                # "The Commission ... blocked" after "the European Commission": the head word of the one
                # organisation the article names with it
                heads = [g for g, info in enumerate(groups) if info["label"] == "ORG" and any(
                    len(fw) >= 2 and name_head(f) == words[0] for f, fw in info["split"])]
                if len(heads) == 1:
                    target = heads[0]
            if target is None and len(words) == 1 and label == "PERSON":
                # "Jannik was playing unbelievable tennis": a given name alone is the one person
                # of the article with that first name (none when two share it).
                firsts = [g for g, info in enumerate(groups) if info["label"] == "PERSON" and any(
                    len(fw) >= 2 and fw[0] == words[0] for _f, fw in info["split"])]
                if len(firsts) == 1:
                    target = firsts[0]
            if target is None:
                groups.append({"keys": {key}, "norms": {norm}, "label": label, "split": [(norm, words)],
                               "max_words": len(words) + peer, "first": span.start_char})
                target = len(groups) - 1
            else:
                info = groups[target]
                info["keys"].add(key)
                if norm not in info["norms"]:
                    info["norms"].add(norm)
                    info["split"].append((norm, words))
                    info["max_words"] = max(info["max_words"], len(words) + peer)
                info["first"] = min(info["first"], span.start_char)
            group_of[i] = target
        members: dict[int, list[tuple[Span, str]]] = {}
        for i in range(len(mentions)):
            members.setdefault(group_of[i], []).append(mentions[i])
        # Order groups by first mention so ids read in article order.
        return sorted(members.values(), key=lambda ms: ms[0][0].start_char)


# what a company does in a relative clause that introduces it ("Richemont, which owns Cartier")
_COMPANY_ACTS = frozenset({"own", "run", "operate", "employ", "make", "build", "produce", "sell", "supply",
                           "represent", "control", "hold", "manage", "manufacture", "publish", "distribute"})
# bodies that are no companies, written before their name ("watchdog Transport Focus", "regulator Ofwat")
_BODY_NOUNS = frozenset({"watchdog", "regulator", "union", "body", "association", "federation", "lobby",
                         "think-tank", "thinktank", "council", "authority", "ministry", "agency"})
# the staff words between an employer's name and a person's ("Vontobel analyst Jean-Marc Leuenberger")
_STAFF_WORDS = frozenset({"analyst", "analysts", "economist", "economists", "strategist", "strategists",
                          "spokesman", "spokeswoman", "spokesperson", "trader", "researcher", "engineer",
                          "executive", "lawyer", "chairman", "chairwoman", "director", "manager", "scientist"})


def _is_peer_name(name: str) -> bool:
    """'Lord Browne', 'Baroness Hale': a peer's title and a surname."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in PEERAGES


def _source_word(tok: Token) -> bool:
    """A word of a credited source's name: a capitalised proper noun, or a word with capitals inside
    ("OzTAM", which the tagger calls a noun)."""
    return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or any(ch.isupper() for ch in tok.text[1:]))


def _add_if_free(doc: Doc, mentions: list[tuple[Span, str]], taken: set[int], start: int, end: int,
                 label: str) -> None:
    """Add the mention of tokens [start, end) when no earlier mention holds any of them."""
    if not any(j in taken for j in range(start, end)):
        mentions.append((Span(doc, start, end, label=label), label))
        taken.update(range(start, end))


def _staff_before_person(doc: Doc, i: int) -> bool:
    """A staff word at token i opening a named person ("Vontobel analyst Jean-Marc Leuenberger"):
    the name before it is the person's employer."""
    return (i + 1 < len(doc) and doc[i].lower_ in _STAFF_WORDS and doc[i].is_lower
            and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "B")


def _its_own_object(verb: Token) -> bool:
    """The verb's object, or the object of its preposition, is owned by "its" ("restate its results",
    "cut 500 of its staff")."""
    objects = []
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    for c in dobjs:
        objects.append(c)
        objects.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj")
    if not dobjs:  # ("thanked Washington for its support": "its" may be the object's)
        objects.extend(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    return any(g.dep_ == "poss" and g.lower_ == "its" for o in objects for g in o.children)


def _timex_and_unit_chars(doc: Doc) -> set[int]:
    """Start characters covered by dates/times (`doc._.timexes`) or quantities (`doc._.quantities`),
    when those components ran first; empty otherwise."""
    chars: set[int] = set()
    for name in ("timexes", "quantities"):
        if Doc.has_extension(name):
            for item in getattr(doc._, name) or []:
                if name == "timexes" and item.get("type") not in ("DATE", "TIME"):
                    continue
                chars.update(range(item["start"], item["end"]))
    return chars


_AT_ID = hash_string("at")  # a LOWER value
_KNOWN_AS = re.compile(r",\s+(?:also\s+)?known\s+as\s+([A-Z][\w&-]+)(?=[\s,.;)])")
_CAPITALS = re.compile(r"(?<![\w&.-])[A-Z]{2,6}(?![\w&.-])")
_CAPITAL_WORD = re.compile(r"[A-Z][A-Z'’.-]+")


def _in_capitals_line(text: str, start: int, end: int) -> bool:
    """Whether the word next to this one on its line is in capitals too ("SAO PAULO (AP) —")."""
    before = text[max(0, text.rfind("\n", 0, start) + 1):start].split()
    stop = text.find("\n", end)
    after = text[end:stop if stop >= 0 else len(text)].split()
    near = [w.strip(",.;:()") for w in before[-1:] + after[:1]]
    return any(len(w) > 1 and _CAPITAL_WORD.fullmatch(w) for w in near)


def _taken(mentions: list[tuple[Span, str]]) -> set[int]:
    """The token indices the mentions cover."""
    return {i for span, _ in mentions for i in range(span.start, span.end)}


def _surname_mentions(doc: Doc, orths: list[int], mentions: list[tuple[Span, str]],
                      family_first: frozenset[str] | set[str] = frozenset()) -> list[tuple[Span, str]]:
    """Surnames of named people that the NER missed on their own ('Verhoeven thanked voters'
    after 'Angela Verhoeven'): a token equal to a known surname (or the surname in capitals). Found
    by searching the text, not by walking every token."""
    surnames = {span[-1].text for span, label in mentions
                if label == "PERSON" and len(span) >= 2 and span[-1].text[:1].isupper()}
    surnames.update(span[0].text for span, label in mentions
                    if label == "PERSON" and len(span) >= 2 and span[0].text in family_first)
    if not surnames:
        return []
    taken = _taken(mentions)
    forms = surnames | {s.upper() for s in surnames if len(s) > 2}  # "PENCE:" in a transcript
    # the ORTH values (`orths`, doc.to_array(ORTH) as a list) find the words: a Token object only where a
    # surname stands
    # double-barrelled surnames ("Kwabena Asante-Mensah": the tokens "Asante", "-", "Mensah"): found whole
    barrels = {span[-1].text: span[-3].text for span, label in mentions
               if label == "PERSON" and len(span) >= 4 and span[-2].text == "-" and not span[-3].whitespace_
               and not span[-2].whitespace_}
    extra = []
    for i in _positions(orths, {hash_string(f) for f in forms}):
        if i in taken:
            continue
        token = doc[i]
        first = barrels.get(token.text)
        if first is not None and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text == first \
                and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
            if i - 2 not in taken and i - 1 not in taken:
                extra.append((Span(doc, i - 2, i + 1, label="PERSON"), "PERSON"))
            continue
        # The tagger sometimes misses the name ("Skelly" as an adverb, "Sanders" as a noun); only a
        # sentence-initial word needs the proper-noun tag ("Long delays" after "Helen Long").
        if token.tag_ in ("NNP", "NNPS") or not token.is_sent_start or token.text.isupper():
            extra.append((Span(doc, token.i, token.i + 1, label="PERSON"), "PERSON"))
    return extra


# Labels whose names are searched for again in the text (people have their own surname search).
_FOUND_AGAIN_LABELS = ("ORG", "GPE", "LOC")


def _names_found_again(doc: Doc, orths: list[int], mentions: list[tuple[Span, str]],
                       short_forms: list[tuple[Span, str]] = ()) -> list[tuple[Span, str]]:
    """Organisation and place names the NER found once but missed (or found in part) elsewhere in
    the article; shorter mentions inside a name found are removed from `mentions`
    ("Euroclear warned ..." before "sue Euroclear"; "lend Ukraine 90 billion euros", which the NER
    read as one amount): the same words, in the same case, not inside another mention. A match
    opening a sentence must be tagged a proper noun, or be a word the article never writes in lower
    case ("Reform of pensions ... a reform" is no party; "Euroclear, the depository, warned", tagged
    an adverb, is the depository). Compared on the ORTH array: no Token object per word."""
    if not len(doc):
        return []
    written = set(orths)
    sequences: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for span, label in [*mentions, *short_forms]:
        name = _span_text(span)
        # Not names in capitals beyond acronyms ("ROTTERDAM" of a dateline would find headlines),
        # nor a one-word name the article also writes in lower case: a common word the NER once
        # took for a name ("the Council", "Bank"); searching for it would multiply the error.
        if label not in _FOUND_AGAIN_LABELS or len(name) <= 2 or (name.isupper() and len(name) > 5):
            continue
        if len(span) == 1 and hash_string(name.lower()) in written:
            continue
        seq = tuple(orths[span.start:span.end])
        options = sequences.setdefault(seq[0], [])
        if (seq, label) not in options:
            options.append((seq, label))
    if not sequences:
        return []
    owner = {j: k for k, (span, _) in enumerate(mentions) for j in range(span.start, span.end)}
    taken: set[int] = set()  # tokens of the names found here
    replaced: set[int] = set()
    extra = []
    for i in _positions(orths, sequences):
        if i in taken:
            continue
        for seq, label in sorted(sequences[orths[i]], key=lambda o: -len(o[0])):
            end = i + len(seq)
            if tuple(orths[i:end]) != seq or any(j in taken for j in range(i, end)):
                continue
            # Mentions inside the name: "The Scottish Executive said" found as the nationality
            # "Scottish" where the article names the "Scottish Executive" elsewhere. Only shorter
            # mentions wholly inside, and no person's name, give way.
            inside = {owner[j] for j in range(i, end) if j in owner}
            if any(mentions[k][0].start < i or mentions[k][0].end > end or len(mentions[k][0]) >= len(seq)
                   or mentions[k][1] == "PERSON" for k in inside):
                continue
            first = doc[i]
            if first.is_sent_start and first.tag_ not in ("NNP", "NNPS") and hash_string(first.lower_) in written:
                break
            extra.append((Span(doc, i, end, label=label), label))
            taken.update(range(i, end))
            replaced.update(inside)
            break
    if replaced:
        mentions[:] = [m for k, m in enumerate(mentions) if k not in replaced]
    return extra


# last words of newspapers' and agencies' names
_NEWS_TITLE_WORDS = frozenset({"Times", "News", "Post", "Journal", "Press", "Presse", "Wire", "Telegraph",
                               "Guardian", "Herald", "Tribune", "Gazette", "Mail", "Express", "Observer"})


# institutions that "the <noun>" may name two sentences after their name ("Health Canada said ... The
# agency said"), when no company is named between; not "the newspaper", which is some other paper
FARTHER_BODY_NOUNS = frozenset({"agency", "organisation", "organization", "charity", "group"})


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    return frozenset(load_json("org_words.json")["company_suffixes"])


def ends_in_company_word(name: str) -> bool:
    """'Maplewood Pharmaceuticals', 'Kestrel Motors': a name whose last word is a company word."""
    return name.rsplit(None, 1)[-1] in _company_words() if name.strip() else False


def compound_of(head_word: str, noun: str, kinds: Collection[str]) -> bool:
    """'kreditbank' for "the bank", 'sberbank': a name's head word that is a compound ending in a noun
    for a kind of organisation ("bank" or one of `kinds`), not the noun itself ("the tunnel" is no
    "Eurotunnel": not a kind)."""
    return (noun == "bank" or noun in kinds) and len(head_word) > len(noun) and head_word.endswith(noun)


@lru_cache(maxsize=1)
def _national_names() -> tuple[frozenset[str], frozenset[str]]:
    """Country names, and the first words of a country's public bodies ("Health Canada")."""
    return (frozenset(load_json("places.json")["countries"]),
            frozenset(load_json("org_words.json")["national_body_words"]))


def national_body(name: str) -> bool:
    """'Health Canada', 'Statistics Netherlands': a public body named '<Word> <Country>' (not 'Bell
    Canada', 'Air Canada' or 'Royal Bank of Canada')."""
    countries, first_words = _national_names()
    words = name.split()
    return len(words) == 2 and words[-1] in countries and words[0] in first_words


def story_company(entities: Iterable[dict], pos: int, institution_words: frozenset[str],
                  news_agencies: frozenset[str] | set[str]) -> tuple[dict, dict] | None:
    """The company a story is about at char `pos`, which "the company said" and "Net income rose"
    stand for: the most mentioned organisation named before `pos` (ties go to the first named), not
    an institution (a name holding one of `institution_words`: unions, ministries ...), a news agency
    or a newspaper. Returns (entity, its last mention before `pos`)."""
    best = None
    for ent in entities:
        words = ent["name"].split()
        if ent["label"] != "ORG" or ent["name"] in news_agencies or words[-1] in _NEWS_TITLE_WORDS \
                or not institution_words.isdisjoint(w.lower() for w in words) or national_body(ent["name"]):
            continue
        before = [m for m in ent["mentions"] if m["start"] < pos]
        if before and (best is None or (len(ent["mentions"]), -before[0]["start"]) > best[0]):
            best = ((len(ent["mentions"]), -before[0]["start"]), ent, before[-1])
    return (best[1], best[2]) if best else None


# "By Helena Voss" (or "By Ann Lee and Tom Ross") on a line of its own: the writers' byline
_BYLINE_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+(?:[A-Z][\w'’.-]+|de|van|von|al|bin))*"
_BYLINE_NAME_RE = re.compile(_BYLINE_NAME)
BYLINE = re.compile(rf"^[ \t]*By[ \t]+{_BYLINE_NAME}(?:[ \t]+and[ \t]+{_BYLINE_NAME})?[ \t]*$", re.M)


def story_country(entities: Iterable[dict], countries: Collection[str]) -> dict | None:
    """The country an article names most (first named on a tie): whose government "the
    government" is. `countries` in lower case."""
    best = None
    for ent in entities:
        if ent["label"] == "GPE" and ent["name"].lower() in countries and (
                best is None or len(ent["mentions"]) > len(best["mentions"])):
            best = ent
    return best


def byline_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each byline line ("By Helena Voss"): the writer, who is named but is no
    antecedent of the story's pronouns. Read once per Doc by the components that skip it."""
    if "By" not in text:
        return []
    return [(m.start(), m.end()) for m in BYLINE.finditer(text)]


# last words of a governing or representative body's name (not a club's "United")
_BODY_WORDS = frozenset({"board", "federation", "union", "council", "association", "commission", "authority",
                         "committee", "agency", "institute", "society", "office", "department", "ministry", "court",
                         "confederation", "chamber", "league", "trust"})
# last words of a public body's name ("Warning Centre", "Forest Service")
_SERVICE_WORDS = _BODY_WORDS | {"centre", "center", "service", "services", "directorate", "bureau", "unit", "network"}
_COUNTRY_PREFIXES = frozenset({"us", "u.s.", "uk", "u.k.", "eu", "un", "u.n."})


def _initials(norm: str) -> str:
    return "".join(w[0] for w in norm.split() if w not in _INITIALS_SKIP)


def entity_at(doc: Doc, start: int, end: int) -> dict | None:
    """The entity reference whose mention overlaps [start, end), preferring the longest overlap."""
    return entity_ref(doc._.entity_index or [], doc._.entities, doc_text(doc), start, end)


def entity_ref(index: list[tuple[int, int, str]], entities: list[dict], text: str, start: int,
               end: int) -> dict | None:
    """`entity_at` over a Doc's `entity_index`, `entities` and text read once by the caller:
    components that look up many spans skip the extension attribute access on every call."""
    best, best_overlap = None, 0
    i = bisect.bisect_left(index, (start - 200,))
    for s, e, eid in index[i:]:
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = (s, e, eid), overlap
    if best is None:
        return None
    s, e, eid = best
    # Ids are E1..En in list order; the mention's text is a slice of the Doc's text (read once).
    ent = entities[int(eid[1:]) - 1]
    return {"entity_id": eid, "name": ent["name"], "label": ent["label"],
            "text": text[s:e], "start": s, "end": e}


@Language.factory("newsevents_entities", default_config={"labels": list(NAMED_LABELS)})
def make_entities(nlp: Language, name: str, labels: list[str]) -> Callable[[Doc], Doc]:
    _register_extensions()
    return EntityInventory(tuple(labels), _english_words(nlp))


def _english_words(nlp: Language) -> frozenset[str]:
    """The nouns and adjectives the model's rule lemmatizer knows (its WordNet-derived index), when
    the pipeline has one; empty otherwise (the rules that read them then do nothing)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get("noun", ())) | frozenset(index.get("adj", ()))
