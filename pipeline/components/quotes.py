"""Quotes and speakers: direct quotes (from the marks), reported speech (from the parse).

(No `from __future__ import annotations` in component modules: spaCy validates factory
signatures at runtime and cannot resolve string annotations.)

Reads the parse and `doc._.entities` (run after `newsevents_entities`), writes `doc._.quotes`: one dict
per statement, sorted by start, with the quoted content (`parts` per paragraph or per side of a split
attribution), the speaker as an entity reference (or null with `speaker_text`), the cue verb and its
token index (`cue_token`, for the events component), `partial` and `direct`.

Steps, each cheap: one pass over the text pairs the marks (pipeline/quotes/marks.py); quotes split by
their attribution merge; a cue is looked up in the parse (a speech verb the quote hangs from, or one
hanging from the quote), else next to the quote, else the paragraph before (colon), else the running
speaker of the quote paragraphs before; the cue's subject becomes the speaker, resolved through names,
appositions, roles ("the mayor"), organisation nouns and pronouns (a relative "who" is the mention,
its antecedent the entity). Transcript paragraphs ('"PENCE: ...') are one quote per turn with the
label as speaker. Short or title-like quotes without a cue are names or scare quotes and are
dropped. Reported clauses of speech verbs become `direct: false` statements.
"""

import bisect
import re
from collections.abc import Callable

import numpy
from spacy.attrs import HEAD, IDX, LEMMA, POS
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from ..lexicon import load_json
from ..quotes.marks import DOUBLE_MARK_RE, DOUBLE_MARKS, QuoteSpan, pair_quotes, paragraphs
from ..quotes.rules import (
    has_letters,
    is_nickname,
    is_title_like,
    names_a_work,
    scare_marker,
    starts_statement,
    word_count,
)
from ..timex.grammar import DAY_WORD
from .doctext import doc_text
from .entities import (
    COUNSEL_POST_NOMINALS,
    FARTHER_BODY_NOUNS,
    HONORIFICS,
    PEERAGES,
    PORTFOLIO_TITLES,
    POST_NOMINALS,
    byline_spans,
    compound_of,
    ends_in_company_word,
    entity_at,
    entity_ref,
    is_age_noun,
    name_head,
    of_object,
    story_company,
    story_country,
)

# Dependency labels by which a quote can hang from its cue verb (the cue's child on the path).
_COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "parataxis", "attr", "oprd", "dep", "acomp",
                    "npadvmod", "conj", "appos", "nsubj", "intj"}
# Labels by which a cue verb can hang from the quote (the parser made the quote the root).
_CUE_CHILD_DEPS = {"parataxis", "ccomp", "advcl", "conj", "dep", "prep", "acl", "relcl"}
# Labels through which a speech verb without its own subject takes its head's subject.
_CLIMB_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
_MEMBER_NOUNS = frozenset({"club", "team", "side", "franchise"})
_LEAGUE_WORDS = frozenset({"league", "conference", "division", "championship", "federation", "association"})


def _in_own_phrase(tok: Token, head: Token) -> bool:
    """Whether tok hangs from head through no clause of its own (a relative clause or an aside)."""
    while tok.i != head.i:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True
# nouns of places that own a described company ("the world's second biggest insurer", "the county's largest
# operator")
_PLACE_OWNERS = frozenset({"world", "country", "nation", "county", "city", "state", "region", "island", "town"})
# words that make a described company another one than the company just named
_RELATED_COMPANY = frozenset({"parent", "subsidiary", "rival", "unit", "partner", "sister", "former", "other",
                              "another", "joint", "acquiring", "target", "its", "their", "new"})
_NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "punct"}
_SUBJ_DEPS = {"nsubj"}
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_CONTROL_SUBJ_DEPS = {"nsubj", "nsubjpass"}
# a subject with these entity types is not a speaker ("Monday said" is a parse error; "63 percent
# said" is a share of people and speaks)
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"}
# Verbs that do not introduce what someone says even right next to a quote.
_NOT_SPEECH = {"be", "have", "do", "get", "go", "come", "make", "take", "see", "use", "include", "become"}
# passive speech verbs whose by-agent is not the speaker ('X was quoted by the Times as saying')
_NOT_BY_AGENT = {"quote", "cite", "interview", "report", "attribute", "paraphrase"}
_SENTENCE_END = re.compile(r"[a-z)][.!?][ \t]+[A-Z]")
# speech verbs whose object is the addressee or the target, not an inverted speaker
_TARGET_VERBS = {"tell", "ask", "call", "label", "brand", "dub", "name", "describe", "characterize",
                 "characterise", "accuse", "blame", "urge", "thank", "congratulate", "praise", "criticize",
                 "criticise", "attack", "warn", "remind", "assure", "inform", "beg", "implore", "challenge",
                 "question", "press", "mock", "slam", "blast", "chide", "scold", "tease", "condemn",
                 "denounce", "liken", "compare", "hail", "deride", "dismiss"}
# a transcript turn: 'PENCE: ...', 'Chris Matthews: ...' (one to three capitalised words and a colon)
_TURN = re.compile(r"([A-Z][A-Za-z.'’-]*(?:[ \t][A-Z][A-Za-z.'’-]*){0,2}):[ \t]+(?=\S)")
_NOT_TURNS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "BREAKING", "WATCH", "READ", "VIDEO",
              "PHOTOS", "Q", "A", "RELATED", "CORRECTION", "WARNING", "TRANSCRIPT", "SOURCE", "SOURCES"}
_PARTITIVES = {"one", "some", "many", "several", "most", "none", "all", "each", "any", "both", "few"}
# the labels of an interview printed as questions and answers, at a paragraph's start
_QA_LABEL = re.compile(r"(Q|A|Question|Answer):[ \t]+")
# the cheap gate: a line that opens with such a label ("Plan A: ..." mid-line is none)
_QA_LINE = re.compile(r"^[ \t]*(?:Q|A|Question|Answer):[ \t]+", re.M)
_NOT_TITLE_POS = {"VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "PART"}
# texts that 'read' something ('“...,” the sign read')
_TEXTS = {"sign", "editorial", "headline", "banner", "caption", "note", "placard", "shirt", "t-shirt",
          "ad", "email", "text", "release", "document", "report", "card", "poster", "slogan", "message"}
# determiners that open a common-noun speaker ('the 43-year-old', 'a narrator', 'one voter')
_NP_DETS = {"the", "a", "an", "one", "another"}
_ORG_SUFFIXES = frozenset(load_json("org_words.json")["suffixes"])
# particles that make a weak verb a reply: 'shot back', 'fired back', 'lashed out'
_BACK_PARTICLES = {"back", "out"}
# what introduces a quote at the end of a clause: a colon, or a spaced dash ("was blunt — “...”")
_COLON_BEFORE = re.compile(r"(?::|[ \t][—–][ \t]?|[ \t]-[ \t])[ \t]*")
_DASH_BYLINE = re.compile(r"[ \t]*([―—–-])[ \t]*")
# the byline as its own paragraph: '“...”\n\n- Bernie Sanders.' / '-President Obama, tweeting ...'
_DASH_BYLINE_PARA = re.compile(r"[ \t]*\n\s*([―—–-])[ \t]*(?=[A-Z])")
_LABEL_DASHES = {"-", "—", "–", "―", "--"}
# the court's officers, who are not 'the witness'; an unnamed witness the story has introduced
_COURT_ROLES = ("judge", "justice", "prosecutor", "barrister", "counsel", "lawyer", "attorney", "solicitor",
                "magistrate", "coroner", "chair", "chairman", "chairwoman", "recorder")
# a name ending in counsel's letters, as written ('Alison Greaves KC')
_COUNSEL_LETTERS = frozenset(w.upper() for w in COUNSEL_POST_NOMINALS)
_A_WITNESS = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:eye)?witness\b")
# verbs whose to-infinitive is a speech act asked for or withheld, not made
_NOT_DONE = {"ask", "urge", "order", "invite", "press", "decline", "refuse", "fail"}
_CLOSERS = " \t\"'”’»"  # closing marks and spaces after a line's last word


_LAST_WORD = re.compile(r"([a-z]+)[ \t]$")
# after a quote's last part: a comma, then words ('«Nous allons gagner», a déclaré le ministre')
_TAIL_CLAUSE = re.compile(r"[^\w\n]*,[ \t]*[^\W\d_]")


_CATAPHORA_REACH = 600  # characters after an unnamed "the council said" to look for the council's name


# Speech verbs with no addressee object: a noun right after them begins what was said.
_NO_ADDRESSEE = frozenset({"say", "add", "report", "state", "announce", "estimate", "predict", "confirm", "note"})


# the people who speak for an organisation, named with its name before them ("a Corvant spokesman")
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official", "source"})
# documents whose maker speaks through them ('according to LSEG data', 'city figures', 'court filings')
_DOCUMENT_NOUNS = frozenset({"data", "datum", "figure", "filing", "record", "estimate", "statistic", "survey", "report",
                             "document", "poll", "study", "calculation", "research", "rule", "rating", "tally",
                             "projection", "forecast"})  # ("data" is lemmatised "datum")
# verbs that name what they call a thing: 'called the result “a verdict on a decade of overdevelopment”'
_NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub"})


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces at either end."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


def _name_root_after(according: Token) -> bool:
    """'..., according to the statistics agency INEGI.' parsed with the closing name as the
    sentence's root, 'according' hung on it."""
    head = according.head
    return head.dep_ == "ROOT" and head.i > according.i and head.pos_ == "PROPN" and according.dep_ == "prep"


# roles held for someone else: "a spokesman for Mr Blair" is not Mr Blair (unlike "Auditor General for Wales
# Catrin Mathias")
_FOR_SOMEONE_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer",
                                "attorney", "representative", "source", "friend", "official", "officials"})
# words that turn from the speaker to someone else inside a split quote's attribution
_TURN_WORDS = re.compile(r"\b(?:while|whose|but|although|whereas|though)\b", re.IGNORECASE)


def _finite_that_clause(comp: Token, cue: Token) -> bool:
    """A clause after the cue opened by "that" with a modal or an auxiliary: reported, whatever the parse
    made of its subject ("warned that between 100 and 150 millimetres of rain could fall")."""
    if not (comp.i > cue.i and any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children)):
        return False
    return any(c.dep_ in ("aux", "auxpass") for c in comp.children) or _clause_read_as_noun(comp)


def _clause_read_as_noun(noun: Token) -> bool:
    """"added that the offer valued Lemanis at 12.5 billion francs", parsed as the noun "offer" with its
    verb as a modifier: a finite past verb right after the noun is the clause's."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBD" and c.i == noun.i + 1
                                       for c in noun.children)


def _finite_subject(tok: Token) -> bool:
    """The name at `tok` is (in) the subject of a finite verb ("X says"; not the misparsed "DVD" of
    "programs of DVD ripping")."""
    for _ in range(4):
        if tok.dep_ not in ("compound", "flat", "appos", "poss"):
            break
        tok = tok.head
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children))


# who holds a business: a person or a company, either of which the next paragraph may name
_HOLDER_NOUNS = frozenset({"owner", "co-owner", "landlord", "employer", "buyer", "seller"})


def _role_modifiers(tok: Token) -> tuple[str, ...]:
    """The lower-case nouns and adjectives that say which holder of a role is meant ("the
    transport secretary", "the health minister"), not how the story describes them ("the former
    minister")."""
    return tuple(c.lemma_.lower() for c in tok.children
                 if c.dep_ in ("compound", "amod") and c.i < tok.i and c.is_lower and c.pos_ in ("NOUN", "ADJ")
                 and c.lower_ not in _DESCRIBING_ADJECTIVES)


# adjectives of a role's holder that are no part of its title
_DESCRIBING_ADJECTIVES = frozenset({"former", "new", "then", "current", "outgoing", "incoming", "acting", "interim",
                                    "veteran", "embattled", "longtime", "long-time", "late", "retired", "young", "old"})


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject nearest before it (the parse may give a joined verb two); of a role and a
    name the parse made two subjects side by side ("launch provider Aurelis said"), the role."""
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                      key=lambda c: c.i)
    if not subjects:
        return None
    near = subjects[-1]
    while len(subjects) > 1 and subjects[-2].i + 1 == near.left_edge.i and subjects[-2].pos_ == "NOUN" \
            and near.pos_ == "PROPN":
        subjects.pop()
        near = subjects[-1]
    return near


def _ends_its_sentence(verb: Token) -> bool:
    """Nothing but punctuation after the verb's own phrases to its sentence's end: a trailing cue."""
    return all(t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1: verb.sent.end])


def _after_comma(phrase: Token) -> bool:
    """The phrase headed by `phrase` opens right after a comma ("..., the federation said")."""
    k = phrase.left_edge.i
    return k > 0 and phrase.doc[k - 1].text == ","


def _trailing_telling(verb: Token, subj: Token | None) -> bool:
    """A speech verb the parse hangs on the clause before as an adverbial ("The company will sell
    740 million shares ..., it said in a filing."): no conjunction of its own, its subject after a
    comma, nothing but its own phrases after it to the sentence's end, and no clause of its own."""
    return (subj is not None and _after_comma(subj) and _ends_its_sentence(verb)
            and not any(c.dep_ in ("mark", "ccomp", "dobj", "xcomp") for c in verb.children))


# parts of an organisation that speak for it ("the party's leadership", "the agency's cyclone centre")
_ORG_PART_NOUNS = frozenset({"leadership", "centre", "center", "office", "headquarters", "management", "board",
                             "secretariat", "division", "unit", "arm", "branch", "wing", "press", "executive"})
# words before a title in a role ("head coach", "assistant manager", "interim chief executive")
_TITLE_MODIFIERS = frozenset({"head", "assistant", "deputy", "acting", "interim", "team", "first-team", "senior",
                              "vice", "general", "chief", "executive", "national", "former"})


def _attribution_comma(doc: Doc, cue: Token) -> int | None:
    """The comma that opens a trailing attribution ", <noun phrase> said," closed by a comma or a full
    stop, after a main clause with a subject: its index, else None."""
    sent = cue.sent
    j = cue.i - 1
    while j > sent.start and doc[j].text != ",":
        if doc[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART") and doc[j].text not in ("-", "'s", "’s"):
            return None
        j -= 1
    if j <= sent.start or doc[j].text != "," or cue.i - j > 8 or cue.i + 1 >= sent.end \
            or doc[cue.i + 1].text not in (",", "."):
        return None
    if any(doc[k].pos_ == "DET" or doc[k].lower_ in ("most", "many", "some", "few", "several", "all")
           for k in range(j + 2, cue.i)):
        return None  # "a decision most economists said, before the meeting, was likely": no speaker phrase
    root = sent.root
    if not (root.i < j and root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)):
        return None
    return j


def _first_of_two_subjects(verb: Token) -> tuple[Token, Token] | None:
    """A speech verb ending its sentence with two subjects before it, the nearer set off by a comma
    and the first holding a verb of its own: (that first subject, the reported clause misparsed; the
    nearer, the speaker)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if len(subjects) < 2 or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    first, near = subjects[0], subjects[-1]
    if not _after_comma(near) or not _ends_its_sentence(verb) \
            or not any(t.tag_ in ("VBD", "VBN", "VBZ", "VBP") for t in first.subtree):
        return None
    return first, near


def _relative_antecedent(rel: Token) -> Token:
    """What a relative pronoun refers to: the word its clause hangs on, except that "who" is no
    place ("a retired firefighter from Denver, who said ...": the firefighter)."""
    ante = rel.head.head
    if rel.lower_ in ("who", "whom") and ante.ent_type_ in ("GPE", "LOC", "FAC") and ante.dep_ == "pobj" \
            and ante.head.dep_ == "prep" and ante.head.head.pos_ in ("NOUN", "PROPN"):
        return ante.head.head
    return ante


def _word_before(text: str, start: int) -> str | None:
    """The lower-case word right before `start`, one space between (else None)."""
    m = _LAST_WORD.search(text[max(0, start - 30):start].lower())
    return m.group(1) if m else None


def _name_words(name: str) -> list[str]:
    """The words of a person's name without the letters after it ('Daniel Fenwick KC' -> Daniel
    Fenwick), keeping two words at least."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(".").lower() in POST_NOMINALS:
        words = words[:-1]
    return words


def _register_extensions() -> None:
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)


class _DocIndex:
    """Per-Doc lookups: char offset -> token, quote membership, paragraphs, genders (lazy)."""

    def __init__(self, doc: Doc, quotes: list[QuoteSpan], text: str | None = None) -> None:
        self.doc = doc
        # Doc.text joins every token on each access: read it once
        self.text = doc_text(doc) if text is None else text
        # token start offsets from the C array: no Token object per word
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.paras = paragraphs(self.text)
        # without newsevents_entities in the pipeline: no entity references, speakers as text
        has = Doc.has_extension("entities") and Doc.has_extension("entity_index")
        self.entity_list: list[dict] = (doc._.entities if has else None) or []
        self.entities = {e["entity_id"]: e for e in self.entity_list}
        self.entity_index = (doc._.entity_index if has else None) or []
        self.para_starts = [p[0] for p in self.paras]
        self.in_quote = bytearray(len(doc))
        self.quote_chars: list[tuple[int, int]] = []
        for q in quotes:
            lo, hi = q.open_mark, (q.close_mark + 1 if q.close_mark is not None else q.end)
            self.quote_chars.append((lo, hi))
            toks = self.tokens(lo, hi)  # a run of tokens: set in one slice assignment
            self.in_quote[toks.start:toks.stop] = b"\x01" * len(toks)
        self._heads: numpy.ndarray | None = None
        self._head_list: list[int] | None = None
        self._gender: dict[str, str | None] | None = None
        self._text_ranks: list[int] | None = None
        self._headline: int | None = None
        self._roles: dict[str, list[tuple[int, str, frozenset[str]]]] | None = None
        self._aliases: dict[str, str] | None = None
        self._persons: list[tuple[int, int, str]] | None = None
        self._officers: frozenset[str] | None = None
        self._appos_before: dict[int, bool] = {}
        self._surnames: dict[str, list[tuple[int, str]]] | None = None
        self.given_names: frozenset[str] = frozenset()

    @property
    def heads(self) -> numpy.ndarray:
        """Absolute head index of every token, from the HEAD array (relative offsets)."""
        if self._heads is None:
            doc = self.doc
            rel = doc.to_array(HEAD).astype("int64") if len(doc) else numpy.zeros(0, dtype="int64")
            self._heads = rel + numpy.arange(len(doc))
        return self._heads

    @property
    def head_list(self) -> list[int]:
        if self._head_list is None:
            self._head_list = self.heads.tolist()
        return self._head_list

    def outside_children(self, qtoks: set[int]) -> list[int]:
        """Tokens outside any quote whose head is one of `qtoks`, in order (array operations,
        not a Token object per word)."""
        inside = numpy.zeros(len(self.doc), dtype=bool)
        inside[list(qtoks)] = True
        quoted = numpy.frombuffer(self.in_quote, dtype=numpy.uint8).astype(bool)
        return numpy.flatnonzero(inside[self.heads] & ~inside & ~quoted).tolist()

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def tokens(self, start: int, end: int) -> range:
        if end <= start:
            return range(0)
        return range(self.token_at(start), self.token_at(end - 1) + 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def text_para_rank(self, char: int) -> int:
        """How many paragraphs holding text come before the one at `char` (blank lines do not count);
        a headline line (see `headline_para`) is -1, so the lead is 0 with or without one."""
        if self._text_ranks is None:
            ranks, seen = [], 0
            head = self.headline_para
            for n, (lo, hi) in enumerate(self.paras):
                if n == head:
                    ranks.append(-1)
                    continue
                ranks.append(seen)
                seen += hi > lo
            self._text_ranks = ranks
        return self._text_ranks[self.para_of(char)] if self._text_ranks else 0

    @property
    def headline_para(self) -> int | None:
        """The index of the article's headline line: the first line holding text when more text
        follows it and it is short and ends without a full stop ('Minister: “We will not back
        down” on fuel duty', 'Australia rates at four year high'); None without one.

        Not ingest's `first_line_headline` (a title for text files: 3-200 characters, a blank line
        after, a capital, digit or mark first, and a line ending '.”' counts) nor events'
        `_lead_sentence` (spaCy sentences; a closing mark ends a sentence): this one needs no blank
        line, counts words and looks through closing marks, and the quote ranks depend on it."""
        if self._headline is None:
            self._headline = -1
            text = self.text
            for n, (lo, hi) in enumerate(self.paras):
                line = text[lo:hi].strip()
                if not line:
                    continue
                if n + 1 < len(self.paras) and text[self.paras[n + 1][0]:].strip() and \
                        len(line.split()) <= 25 and line.rstrip(_CLOSERS)[-1:] not in ".!?:;,":
                    self._headline = n
                break
        return None if self._headline < 0 else self._headline

    @property
    def surnames(self) -> dict[str, list[tuple[int, str]]]:
        """Last word of each PERSON entity of two or more words -> [(mention start, entity id)]."""
        if self._surnames is None:
            out: dict[str, list[tuple[int, str]]] = {}
            for eid, ent in self.entities.items():
                words = _name_words(ent["name"])
                if ent["label"] == "PERSON" and len(words) >= 2:
                    for m in ent["mentions"]:
                        out.setdefault(words[-1], []).append((m["start"], eid))
            for v in out.values():
                v.sort()
            self._surnames = out
        return self._surnames

    def surname_ref(self, tok: Token) -> str | None:
        """The person a bare surname the NER missed stands for ('Sanders, meanwhile, ... said'):
        the one named with it last before, else first after."""
        return self.surname_at(tok.text, tok.idx) if tok.text[:1].isupper() else None

    def surname_at(self, word: str, pos: int) -> str | None:
        cands = self.surnames.get(word)
        if not cands or len({eid for _s, eid in cands}) > 1 and not any(s < pos for s, _e in cands):
            return None
        before = [eid for s, eid in cands if s < pos]
        return before[-1] if before else cands[0][1]

    @property
    def aliases(self) -> dict[str, str]:
        """ORG/GPE/NORP entities that are the surname of an earlier PERSON ('Ava DuVernay' ...
        'DuVernay' tagged ORG by the small model), and PERSON entities the entity step kept apart
        from the full name of their one earlier bearer: a surname with an honorific ('Rachel
        Dunmore' ... 'Ms Dunmore') or after a name with a post-nominal ('Daniel Fenwick KC' ...
        'Mr Fenwick'): entity id -> the person's entity id."""
        if self._aliases is None:
            persons: dict[str, tuple[int, str]] = {}
            bearers: dict[str, set[str]] = {}
            for eid, ent in self.entities.items():
                words = _name_words(ent["name"])
                if ent["label"] == "PERSON" and len(words) >= 2 and ent["mentions"] and \
                        words[0].rstrip(".").lower() not in HONORIFICS and words[0].lower() not in PEERAGES:
                    first = min(m["start"] for m in ent["mentions"])
                    key = words[-1].lower()
                    bearers.setdefault(key, set()).add(eid)
                    if key not in persons or first < persons[key][0]:
                        persons[key] = (first, eid)
            out = {}
            for eid, ent in self.entities.items():
                if not ent["mentions"]:
                    continue
                words = ent["name"].split()
                if ent["label"] in ("ORG", "GPE", "NORP") and len(words) == 1:
                    key = words[0].lower()
                elif ent["label"] == "PERSON" and (len(words) == 1 or len(words) == 2 and (
                        words[0].rstrip(".").lower() in HONORIFICS or words[0].lower() in PEERAGES)):
                    key = words[-1].lower()
                    if len(bearers.get(key, ())) != 1 or eid in bearers[key]:
                        continue  # 'Row' after 'Nadia Row' and 'Leo Row': not one person
                else:
                    continue
                hit = persons.get(key)
                if hit is not None and hit[1] != eid and hit[0] < min(m["start"] for m in ent["mentions"]):
                    out[eid] = hit[1]
            for eid, ent in self.entities.items():
                words = ent["name"].split()
                if ent["label"] == "ORG" and eid not in out and 2 <= len(words) <= 3 and \
                        words[0].lower() in self.given_names and words[-1] not in _ORG_SUFFIXES and \
                        all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
                    out[eid] = eid  # 'Helena Costa' tagged ORG: a person, under its own id
            self._aliases = out
        return self._aliases

    def entity_at(self, start: int, end: int) -> dict | None:
        """entities.entity_at, with a surname mislabelled ORG/GPE read as its person."""
        if not self.entities:
            return None  # newsevents_entities did not run
        ref = entity_ref(self.entity_index, self.entity_list, self.text, start, end)
        if ref is not None and ref["entity_id"] in self.aliases:
            person = self.entities[self.aliases[ref["entity_id"]]]
            ref.update(entity_id=person["entity_id"], name=person["name"], label=person["label"])
        return ref

    def mention_head(self, end: int) -> Token:
        """The head word of the name ending at `end`: its last word, up through compound and flat."""
        h = self.doc[self.token_at(end - 1)]
        while h.dep_ in ("compound", "flat") and h.head.i != h.i:
            h = h.head
        return h

    def appositive_name_before(self, verb: int) -> bool:
        """', Jonas Berg, said': a person's name in apposition set off by commas just before the
        verb at index `verb` (memoised: the reported-speech pass and the speaker search both ask)."""
        got = self._appos_before.get(verb)
        if got is None:
            got = False
            i = verb - 1
            if i >= 1 and self.doc[i].text == ",":
                name = self.doc[i - 1]
                ent = self.entity_for_token(name)
                got = ent is not None and ent["label"] == "PERSON" and name.dep_ == "appos"
            self._appos_before[verb] = got
        return got

    def entity_for_token(self, tok: Token) -> dict | None:
        return self.entity_at(tok.idx, tok.idx + len(tok.text))

    def in_any_quote(self, start: int, end: int) -> bool:
        return any(lo <= start and end <= hi for lo, hi in self.quote_chars)


class QuoteExtractor:
    def __init__(self, indirect: bool = True, max_climb: int = 4) -> None:
        cues = load_json("quote_cues.json")
        spk = load_json("quote_speakers.json")
        self.speech = set(cues["speech_verbs"])
        self.weak = set(cues["weak_verbs"])
        self.ambiguous = set(cues.get("ambiguous_verbs", []))
        self.indirect_phrasal = cues["indirect_phrasal"]
        self.indirect_verbs = set(cues["indirect_verbs"]) | set(self.indirect_phrasal)
        self.noun_cues = set(cues["noun_cues"])
        self.frame_nouns = set(cues["frame_nouns"])
        self.max_scare = cues["max_scare_words"]
        self.pronouns = spk["pronouns"]
        self.plural = set(spk["plural_pronouns"])
        self.relative = set(spk["relative_pronouns"])
        self.gender_titles = spk["gender_titles"]
        unisex = set(spk.get("unisex_names", []))
        self.female = set(spk["female_names"]) - unisex
        self.male = set(spk["male_names"]) - unisex
        # a name the small model tags ORG ('Helena Costa'): a given name first, no organisation word
        self.given_names = frozenset((self.female | self.male) - set(spk.get("place_given_names", [])))
        self.countries = frozenset(c.lower() for c in load_json("places.json")["countries"])
        self.org_heads = set(spk["org_heads"])
        self.described_by = spk["described_by"]
        self.company_nouns = set(spk["company_nouns"])
        self.institution_words = frozenset(load_json("org_words.json")["institution_words"])
        self.institution_nouns = frozenset(spk["institution_nouns"])
        bodies = load_json("org_words.json")["national_bodies"]
        self.body_heads = frozenset(bodies["heads"])
        self.body_heads_needing_modifier = frozenset(bodies["heads_needing_modifier"])
        self.body_modifiers = frozenset(bodies["modifiers"])
        # "the company", "the airline": nouns of companies only (not "the agency", "the group")
        self.company_only_nouns = frozenset(self.company_nouns - self.institution_nouns)
        self.organisation_nouns = frozenset(self.company_nouns | self.org_heads)
        self.news_agencies = set(spk["news_agencies"])
        self.person_nouns = set(spk.get("person_nouns", []))
        self.description_roles = set(spk.get("description_roles", []))
        self.lead_nouns = set(spk.get("lead_nouns", [])) | self.person_nouns
        self.head_words = frozenset(spk["head_words"])
        self.group_speakers = frozenset(spk["group_speakers"])
        titles = load_json("person_titles.json")["titles"]
        self.roles = {t.rstrip(".") for t in titles} | set(spk["extra_roles"])
        # inflected forms of the speech verbs ("stated", "says"), for tokens the tagger calls names
        self.speech_forms = {f for v in self.speech - self.weak
                             for f in (v + "s", v + "ed", v + "d", v.rstrip("e") + "ing")}
        self.indirect = indirect
        self.max_climb = max_climb
        # lemma hash -> whether its lower-cased form is a reporting verb (filled as Docs come)
        self._indirect_lemmas: dict[int, bool] = {}

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        _register_extensions()
        text = doc_text(doc)
        spans = pair_quotes(text)
        ix = _DocIndex(doc, spans, text)
        ix.given_names = self.given_names
        spans = self._split_turns(ix, spans)
        groups = self._merge_split(doc, ix, spans)
        items: list[dict] = []
        for group in groups:
            item = self._direct(doc, ix, group)
            if item is not None:
                items.append(item)
        answers = self._qa_answers(doc, ix) if _QA_LINE.search(text) else []
        if answers:
            # an interview printed as questions and answers: each answer is the interviewee's
            # quote; phrases in marks inside it are part of it
            items = [it for it in items if not any(a["start"] <= it["start"] and it["end"] <= a["end"]
                                                   for a in answers)] + answers
        if self.indirect:
            items.extend(self._indirect(doc, ix, items))
            items.sort(key=lambda d: (d["start"], d["end"]))
        self._running_speakers(ix, items)
        items = [it for it in items
                 if not it.pop("_drop_if_unattributed") or it["cue"] or it["speaker_text"]]
        for it in items:
            it.pop("_para", None)
            it.pop("_starts_para", None)
            it.pop("_starts_sent", None)
        items.sort(key=lambda d: (d["start"], d["end"]))
        doc._.quotes = items
        return doc

    # ------------------------------------------------------------ transcripts
    def _qa_answers(self, doc: Doc, ix: _DocIndex) -> list[dict]:
        """'Q: Is defence spending a problem? ¶ A: No. Defence is a choice ...': with two or more
        answer paragraphs and a question paragraph, each answer (after its label) is a direct quote
        of the interviewee, the person the introduction names (the last before the first question,
        a main-clause subject first)."""
        text = ix.text
        qs, answers = [], []
        for lo, hi in ix.paras:
            m = _QA_LABEL.match(text, lo, hi)
            if m is not None and m.end() < hi:
                (qs if m.group(1)[0] == "Q" else answers).append((lo, m.end(), len(text[lo:hi].rstrip()) + lo))
        if not qs or len(answers) < 2 or qs[0][0] > answers[0][0]:
            return []
        ref = self._latest_person(doc, ix, qs[0][0])
        out = []
        for lo, s, e in answers:
            toks = ix.tokens(s, e)
            ix.in_quote[toks.start:toks.stop] = b"\x01" * len(toks)
            item = {
                "text": text[s:e], "start": s, "end": e, "parts": [{"text": text[s:e], "start": s, "end": e}],
                "speaker": None, "speaker_text": None, "speaker_start": None, "speaker_end": None,
                "cue": text[lo:s].strip(), "cue_start": lo, "cue_end": lo + len(text[lo:s].rstrip()),
                "cue_token": ix.token_at(lo), "partial": False, "direct": True,
                "_drop_if_unattributed": False, "_para": ix.para_of(lo), "_starts_para": True, "_starts_sent": True,
            }
            if ref is not None:
                item.update({"speaker": ref, "speaker_text": ref["text"],
                             "speaker_start": ref["start"], "speaker_end": ref["end"]})
            out.append(item)
        return out

    def _turn_label(self, ix: _DocIndex, start: int) -> tuple[int, int, int] | None:
        """'PENCE: Well, look, ...', 'Chris Matthews: Seriously, ...' at the start of a quoted
        paragraph: (label start, label end, content start). A label is in capitals or names a
        person."""
        m = _TURN.match(ix.text, start)
        if m is None or m.group(1).upper() in _NOT_TURNS:
            return None
        letters = [c for c in m.group(1) if c.isalpha()]
        if not (len(letters) >= 2 and all(c.isupper() for c in letters)):
            ref = ix.entity_at(m.start(1), m.end(1))
            if ref is None or ref["label"] != "PERSON":
                return None
        return m.start(1), m.end(1), m.end()

    def _split_turns(self, ix: _DocIndex, spans: list[QuoteSpan]) -> list[QuoteSpan]:
        """A multi-paragraph quote whose paragraphs open with speaker labels (a transcript:
        '"WALLACE: ... ¶ "PENCE: ...') is one quote per turn."""
        out: list[QuoteSpan] = []
        for q in spans:
            cuts = [k for k in range(1, len(q.parts)) if self._turn_label(ix, q.parts[k][0]) is not None]
            if not cuts or len(q.marks) < len(q.parts):
                out.append(q)
                continue
            bounds = [0, *cuts, len(q.parts)]
            for a, b in zip(bounds, bounds[1:], strict=False):
                last = b == len(q.parts)
                closed = last and q.closed
                marks = q.marks[a:b] + ([q.marks[-1]] if closed else [])
                out.append(QuoteSpan(parts=q.parts[a:b], marks=marks, closed=closed))
        return out

    def _turn_speaker(self, doc: Doc, ix: _DocIndex, item: dict, label: tuple[int, int, int]) -> None:
        """The label of a transcript turn is its speaker; the quote starts after it."""
        s, e, content = label
        name = ix.text[s:e]
        ref = ix.entity_at(s, e)
        if ref is None or ref["label"] not in _SPEAKER_LABELS:
            word = name.split()[-1]
            eid = ix.surname_at(word[:1] + word[1:].lower(), s)  # 'PENCE' after 'Mike Pence'
            ref = self._ref(ix, eid, s, e) if eid is not None else None
        first = item["parts"][0]
        first.update(start=content, text=ix.text[content:first["end"]])
        item["start"] = content
        item["text"] = " ".join(p["text"] for p in item["parts"])
        item.update({"speaker": ref, "speaker_text": name, "speaker_start": s, "speaker_end": e,
                     "cue": ":", "cue_start": e, "cue_end": e + 1, "cue_token": ix.token_at(e)})

    # ------------------------------------------------------------ split quotes
    def _merge_split(self, doc: Doc, ix: _DocIndex, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
        """“We will rebuild,” the mayor said, “and we will do it fast.” -> one group of two spans."""
        text = ix.text
        groups: list[list[QuoteSpan]] = []
        for q in spans:
            prev = groups[-1][-1] if groups else None
            if prev is not None and prev.close_mark is not None and len(q.parts) == 1 and \
                    ix.para_of(prev.close_mark) == ix.para_of(q.open_mark):
                between = text[prev.close_mark + 1:q.open_mark]
                before_close = text[max(0, prev.close_mark - 8):prev.close_mark].rstrip()
                comma_split = before_close.endswith(",") or between.lstrip().startswith(",")
                # '“...,” Trump said. He added, “...”' is two statements, not one split quote
                if comma_split and between.rstrip().endswith((",", ":")) and word_count(between) <= 16 \
                        and not _SENTENCE_END.search(between):
                    toks = ix.tokens(prev.close_mark + 1, q.open_mark)
                    # a long attribution ("..., Helvion Chief Executive Andrea Brunner told reporters on a
                    # conference call, ...") must hold one person and no turn to another ("..., said Anna
                    # Berg, whose rival Lars Holm was unconvinced: ...")
                    long_ok = word_count(between) <= 10 or (
                        not _TURN_WORDS.search(between)
                        and sum(1 for t in toks if doc[t].ent_type_ == "PERSON" and doc[t].ent_iob_ == "B") <= 1)
                    # '“...,” Ryan said on CNN, though he said, “...”': a second speech verb
                    # after a clause break is a second statement
                    if long_ok and sum(1 for t in toks if self._is_cue(doc[t], strong=True)) == 1:
                        groups[-1].append(q)
                        continue
            groups.append([q])
        return groups

    # ------------------------------------------------------------- cue lookup
    def _is_cue(self, tok: Token, strong: bool = False) -> bool:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            # "Trump's claim that ...", "a warning by the ministry"
            return lemma in self.noun_cues and self._noun_speaker(tok) is not None
        if tok.pos_ not in ("VERB", "AUX") and not (tok.lower_ == "according"):
            return False
        if tok.lower_ == "according":
            return any(c.lower_ == "to" for c in tok.children)
        if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            return True  # 'as a Homeland Security memo put it', 'As Vulture put it, “...”'
        if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children) and \
                not any(c.dep_ == "xcomp" for c in tok.children):
            return True  # '“...,” he went on.' (not 'went on to call')
        if lemma not in self.speech:
            # "In a statement, the company reaffirmed its “commitment”": the frame makes it speech
            return tok.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ in ("in", "via", "during", "through") and
                any(g.dep_ == "pobj" and g.lemma_.lower() in self.frame_nouns for g in c.children)
                for c in tok.children)
        return not (strong and lemma in self.weak)

    def _noun_speaker(self, noun: Token) -> Token | None:
        """The possessor ('Trump's claim') or by-agent ('a claim by Trump') of a speech noun, when
        it can speak."""
        for c in noun.children:
            if c.dep_ == "poss" and self._animate(c):
                return c
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for g in c.children:
                    if g.dep_ == "pobj" and self._animate(g):
                        return g
        return None

    def _syntactic_cue(self, doc: Doc, ix: _DocIndex, qtoks: set[int]) -> Token | None:
        """A speech verb the quote hangs from (through complement labels), else one hanging from it
        right next to the quote. Strong verbs beat weak ones (believe, call) on the way up."""
        ups: list[tuple[int, int, Token]] = []
        downs: list[tuple[int, Token]] = []
        lo, hi = min(qtoks), max(qtoks)
        heads = ix.head_list
        for i in sorted(qtoks):
            if heads[i] not in qtoks and heads[i] != i:
                # a Token object only where the quote's parse leaves it (most words hang inside)
                tok = doc[i]
                child, cur, steps = tok, tok.head, 1
                while steps <= self.max_climb:
                    if not ix.in_quote[cur.i] and self._is_cue(cur):
                        if child.dep_ in _COMPLEMENT_DEPS or cur.lower_ == "according" or (
                                cur.pos_ == "NOUN" and child.dep_ in ("acl", "prep", "relcl")):
                            lemma = cur.lemma_.lower()
                            rank = 2 if lemma in self.weak else 1 if lemma in self.ambiguous else 0
                            ups.append((rank, steps, cur))
                            if rank == 0:
                                break
                    if cur.head.i == cur.i or (cur.head.i > cur.i and ix.text.find(";", cur.idx, cur.head.idx) >= 0 and any(
                            c.text == ";" and cur.i < c.i < cur.head.i for c in cur.head.lefts)):
                        # 'Critics called it “ferocious”; one said ...': a clause closed by a
                        # semicolon is its own sentence, not the next verb's reported clause. The ';'
                        # must hang on the head: the climb starts inside the quote, whose own ';'
                        # closes nothing outside it (the text find only spares the Token walk)
                        break
                    child, cur, steps = cur, cur.head, steps + 1
        # children of quote words outside the quote (the order does not matter: the nearest wins)
        for j in ix.outside_children(qtoks):
            c = doc[j]
            if c.dep_ not in _CUE_CHILD_DEPS:
                continue
            if any(g.dep_ in ("mark", "advmod") and g.i < c.i and g.lower_ in
                   ("when", "because", "as", "if", "while", "since", "after", "before")
                   for g in c.children):
                continue
            dist = lo - c.i if c.i < lo else c.i - hi
            if self._is_cue(c) and dist <= 6:
                downs.append((dist, c))
        if ups:
            return min(ups, key=lambda x: (x[0], x[1], x[2].i))[2]
        if downs:
            return min(downs, key=lambda x: (x[0], x[1].i))[1]
        return None

    def _adjacent_cue(self, doc: Doc, ix: _DocIndex, group: list[QuoteSpan]) -> Token | None:
        """A strong speech verb next to the quote in its sentence (or a short following sentence,
        or the colon-ended sentence before)."""
        text = ix.text
        first, last = group[0], group[-1]
        t_open = ix.token_at(first.open_mark)
        end_char = last.close_mark + 1 if last.close_mark is not None else last.end
        t_close = ix.token_at(end_char - 1)
        para = ix.paras[ix.para_of(first.open_mark)]
        sent_lo = doc[t_open].sent.start
        cands: list[tuple[int, Token]] = []
        # after the quote: the next few tokens, even across a sentence break ("?” Trump said")
        starts = starts_statement(text, first.open_mark)
        close_sent = doc[t_close].sent.start
        # '“Not us!” Murphy, the head of Right to Rise USA, tweeted': a quote closed by a comma,
        # question or exclamation mark continues with its attribution, appositives included
        inner = text[:end_char - 1].rstrip()[-1:] if last.close_mark is not None else ""
        reach = 25 if inner and inner in ",?!—–-" and self._name_follows(doc, ix, t_close) else 7
        for i in range(t_close + 1, min(len(doc), t_close + reach)):
            tok = doc[i]
            if tok.idx >= para[1]:
                break
            if ix.in_quote[i]:
                k = i
                while k < len(doc) and ix.in_quote[k]:
                    k += 1
                if i - t_close <= 2 or k - i > 5:
                    break
                continue  # 'Marcia “Cia” Price': a nickname inside the attribution
            if i - t_close > 6 and (tok.text in (".", ";", ":") or (
                    tok.tag_ in ("VBD", "VBZ", "VBP", "MD") and tok.dep_ not in ("relcl", "acl", "amod")
                    and not self._is_cue(tok, strong=True))):
                break  # the attribution clause ends, or another clause starts
            if not starts and tok.sent.start != close_sent:
                break  # 'branded it an “outlaw nation.” Russia insisted ...': another statement
            if self._is_cue(tok, strong=True) or self._document_reads(tok):
                if tok.sent.start != close_sent and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                    break  # '“...” Carole Walker said the timing was ...': a new statement of its own
                cands.append((i - t_close, tok))
                break
        # before the quote, in its sentence ("He said: “...”", "According to X, “...”")
        for i in range(t_open - 1, max(sent_lo, t_open - 13) - 1, -1):
            tok = doc[i]
            if ix.in_quote[i] or tok.idx < para[0]:
                break
            if self._is_cue(tok, strong=True):
                cands.append((t_open - i, tok))
                break
        if cands:
            return min(cands, key=lambda x: (x[0], x[1].i))[1]
        # a paragraph that ends with a colon introduces the quote paragraph after it
        if text[para[0]:first.open_mark].strip() == "":
            n = ix.para_of(first.open_mark) - 1
            while n >= 0 and text[ix.paras[n][0]:ix.paras[n][1]].strip() == "":
                n -= 1
            if n >= 0:
                lo, hi = ix.paras[n]
                if text[lo:hi].rstrip().endswith(":"):
                    return self._colon_clause_cue(doc, ix, lo + len(text[lo:hi].rstrip()) - 1)
        return None

    def _colon_clause_cue(self, doc: Doc, ix: _DocIndex, colon: int) -> Token | None:
        """The cue of a clause that ends with a colon and introduces a quote: a speech verb ('Stated
        Stone:'), else the clause's verb when a person or organisation does it ('President Clinton
        released the following statement:', 'She went on:')."""
        last_tok = ix.token_at(colon)
        sent = doc[last_tok].sent
        lo = sent.start
        for i in range(last_tok - 1, sent.start - 1, -1):
            if doc[i].text in _LABEL_DASHES:
                lo = i + 1  # 'HEADLINE - Jeffrey M. Jones:': a label, not the headline's verb
                break
        for i in range(last_tok - 1, lo - 1, -1):
            tok = doc[i]
            if ix.in_quote[i]:
                continue
            if self._is_cue(tok, strong=True) or (
                    tok.lower_ in self.speech_forms and tok.pos_ in ("PROPN", "NOUN", "ADJ")):
                return tok  # "Stated Stone:" (a capitalised verb tagged as a name)
        for i in range(last_tok - 1, lo - 1, -1):
            tok = doc[i]
            went_on = tok.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
            # "The minister was blunt:", "She was clear —": the manner of what follows
            described = tok.lemma_ == "be" and any(c.dep_ == "acomp" for c in tok.children)
            if not ix.in_quote[i] and (tok.pos_ == "VERB" or described) and \
                    (tok.lemma_.lower() not in _NOT_SPEECH or self._speech_object(tok) or went_on or described):
                v = tok.head if tok.dep_ == "conj" else tok  # 'Trump gestured ..., then boomed:'
                if any(c.dep_ == "nsubj" and c.i < tok.i and self._animate(c) for c in v.children):
                    return tok
        return None

    def _document_reads(self, tok: Token) -> bool:
        """'“...,” the email read.', 'read the statement': a text that says something."""
        if tok.lower_ == "read" and tok.pos_ == "NOUN" and tok.i > 0:
            prev = tok.doc[tok.i - 1]  # the tagger's 'the email read' (a compound noun)
            return prev.dep_ in ("compound", "amod") and (prev.lemma_.lower() in self.noun_cues or
                                                prev.lemma_.lower() in self.frame_nouns or prev.lemma_.lower() in _TEXTS)
        return tok.lemma_.lower() == "read" and tok.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "dobj") and (c.lemma_.lower() in self.noun_cues or
                                             c.lemma_.lower() in self.frame_nouns or c.lemma_.lower() in _TEXTS)
            for c in tok.children)

    def _speech_object(self, tok: Token) -> bool:
        """'Sanders made the following comment:', 'issued a statement': a light verb whose object
        is a speech noun."""
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in self.noun_cues or c.lemma_.lower() in self.frame_nouns)
                   for c in tok.children)

    @staticmethod
    def _name_after_quote(doc: Doc, ix: _DocIndex, tok: Token) -> bool:
        """'“...?” Hannity pressed.': a capitalised one-word subject right after the closing mark
        (a name the NER missed)."""
        i = tok.i - 1
        while i >= 0 and doc[i].text == ",":
            i -= 1
        inner = doc[i - 1].text[-1:] if i > 0 else ""
        return i >= 0 and doc[i].text in DOUBLE_MARKS and ix.in_quote[i] and inner in (",", "?", "!") \
            and tok.text[:1].isupper() \
            and tok.pos_ in ("PROPN", "NOUN") and not any(c.dep_ in ("det", "compound") for c in tok.children)

    @staticmethod
    def _replies(tok: Token) -> bool:
        """'shot back', 'fired back', 'lashed out': a weak verb made a speech verb by its particle."""
        return any(c.dep_ in ("prt", "advmod") and c.lower_ in _BACK_PARTICLES and c.i == tok.i + 1
                   for c in tok.children)

    @staticmethod
    def _name_follows(doc: Doc, ix: _DocIndex, t_close: int) -> bool:
        """The quote is followed by a name or a noun phrase ('”, Murphy, the head of ...'), not by a
        clause of its own ('”, he was echoing ...', '” in which ...')."""
        i = t_close + 1
        while i < len(doc) and (doc[i].is_punct or doc[i].is_space) and not ix.in_quote[i]:
            i += 1
        if i >= len(doc) or ix.in_quote[i]:
            return False
        tok = doc[i]
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ in ("PROPN", "DET"):
            return True
        # 'state Senate leader Phil Berger': a title of common nouns before the name
        j = i
        while j < min(len(doc), i + 4) and doc[j].dep_ in ("compound", "amod") and not ix.in_quote[j]:
            if doc[j].ent_type_ == "PERSON":
                return True
            j += 1
        return j < len(doc) and doc[j].ent_type_ == "PERSON" and j > i

    def _outer_cue(self, ix: _DocIndex, cue: Token, partial: bool = False) -> Token:
        """A cue whose subject is a thing ('the process would continue “...”') inside the reported
        clause of a speech verb with a person or organisation as subject: that verb is the cue. So is
        it for a partial quote in the reported clause ('She said she asked the question “to build
        on ...”': the quoted words are hers, whoever the inner verb's subject is)."""
        stok = self._speaker_token(cue, ix)
        # 'the 34-year-old mother of three replied, “...”': a common noun for a person speaks too;
        # '..., said Weaver, a strategist, who added that ...': the relative speaks for its antecedent
        if stok is not None and (self._animate(stok) or stok.lemma_.lower() in self.person_nouns
                                 or self._animate_relative(stok)):
            if cue.lemma_.lower() in self.weak and cue.dep_ in ("ccomp", "xcomp", "conj", "advcl") or \
                    partial and cue.dep_ == "ccomp":
                # 'Obama said a majority of Americans have come to believe “that ...”': a weak verb
                # inside the reported clause of a plain speech verb; the outer speaker says it
                return self._plain_outer(ix, cue) or cue
            return cue
        if stok is None:
            return cue
        cur, steps = cue, 0
        while steps < 4 and cur.head.i != cur.i:
            cur, steps = cur.head, steps + 1
            if not ix.in_quote[cur.i] and self._is_cue(cur):
                outer = self._speaker_token(cur, ix)
                if outer is not None and self._animate(outer):
                    return cur
        return cue

    def _verb_before_mark(self, doc: Doc, ix: _DocIndex, open_mark: int) -> Token | None:
        """A strong speech verb right before the opening mark, separated by a comma or colon only."""
        t = ix.token_at(open_mark) - 1
        seps = 0
        while t >= 0 and doc[t].text in (",", ":") and seps < 1:
            t, seps = t - 1, seps + 1
        if t < 0 or seps == 0 or ix.in_quote[t]:
            return None
        # 'said simply:', 'fired back forcefully:': adverbs of manner between the verb and the mark
        k = t
        while k > 0 and t - k < 2 and doc[k].pos_ == "ADV" and doc[k].dep_ == "advmod" and \
                doc[k].lower_ not in _BACK_PARTICLES and doc[k].head.i < k and not ix.in_quote[k - 1]:
            k -= 1
        if k != t and (doc[k].lower_ in _BACK_PARTICLES or doc[k].pos_ in ("VERB", "AUX")):
            t = k
        tok = doc[t]
        if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.head.i < tok.i and self._is_cue(tok.head):
            return tok.head  # 'As The Post's Ruth Marcus puts it, “...”'
        if tok.lower_ in _BACK_PARTICLES and tok.dep_ in ("prt", "advmod") and tok.head.i < tok.i and \
                tok.head.lemma_.lower() in self.speech and not ix.in_quote[tok.head.i]:
            return tok.head  # 'Hillary shot back, “...”', 'fired back', 'lashed out'
        return tok if self._is_cue(tok, strong=True) else None

    def _verb_after_mark(self, doc: Doc, ix: _DocIndex, q: QuoteSpan) -> Token | None:
        """A strong speech verb right after a quote that ends with a comma, question or
        exclamation mark, with at most a short subject between ('“...,” Trump said', '“...?” he
        asked', '“...,” said the mayor')."""
        if q.close_mark is None or ix.text[:q.close_mark].rstrip()[-1:] not in (",", "?", "!"):
            return None
        t = ix.token_at(q.close_mark) + 1
        para_hi = ix.paras[ix.para_of(q.close_mark)][1]
        if t < len(doc) and ix.text[:q.close_mark].rstrip()[-1:] in "?!" and doc[t].text[:1].isupper() \
                and doc[t].pos_ not in ("PROPN",) and not doc[t].ent_type_:
            return None  # '“... long run!” She replied ...': a new sentence
        for k in range(t, min(len(doc), t + 4)):
            tok = doc[k]
            if ix.in_quote[k] or tok.idx >= para_hi:
                return None
            if self._is_cue(tok, strong=True):
                # not a participle ('“king of debt,” noting that ...': the sentence's subject says it)
                return tok if tok.pos_ != "NOUN" and tok.tag_ != "VBG" else None
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
                return None
        return None

    def _plain_outer(self, ix: _DocIndex, cue: Token) -> Token | None:
        """The plain speech verb (say, tell, add ...) whose reported clause holds `cue`."""
        cur, steps = cue, 0
        while steps < 4 and cur.head.i != cur.i and cur.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            child, cur, steps = cur, cur.head, steps + 1
            lemma = cur.lemma_.lower()
            if ix.in_quote[cur.i] or not self._is_cue(cur) or lemma in self.weak or lemma in self.ambiguous:
                continue
            if child.dep_ == "ccomp" or steps > 1:
                outer = self._speaker_token(cur, ix)
                if outer is not None and (self._animate(outer) or outer.lemma_.lower() in self.person_nouns):
                    return cur
        return None

    def _clause_verb(self, doc: Doc, ix: _DocIndex, qtoks: set[int]) -> Token | None:
        """The verb of the nearest clause above a quoted fragment, when its subject can speak
        ('He commanded the party to “do the right thing”', 'Trump launched into a lament for the
        “countless Americans” who ...'); None when that subject is a thing."""
        heads = ix.head_list
        tops = [i for i in qtoks if heads[i] not in qtoks and not doc[i].is_punct]
        if len({heads[i] for i in tops}) != 1:
            return None
        cur = doc[tops[0]].head
        for _ in range(5):
            if ix.in_quote[cur.i]:
                return None
            if cur.pos_ in ("VERB", "AUX"):
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and not ix.in_quote[c.i]]
                if subj:
                    s = subj[0]
                    ok = s.dep_ == "nsubj" and (self._animate(s) or s.lemma_.lower() in self.person_nouns
                                                or self._animate_relative(s))
                    return cur if ok else None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _introducing_verb(self, doc: Doc, ix: _DocIndex, group: list[QuoteSpan]) -> Token | None:
        """Any verb with a person or organisation as subject right before the quote ('Maher
        echoed: “...”') or right after it ('“...,” Trump groused'): speech verbs outside the lexicon."""
        first, last = group[0], group[-1]
        text = ix.text
        t_open = ix.token_at(first.open_mark)
        para = ix.paras[ix.para_of(first.open_mark)]
        window = []
        if last.close_mark is not None and text[:last.close_mark].rstrip()[-1:] != ".":
            # (not after a quote that ends its sentence: '... “new ideas.” Mr. Clarke is donating')
            t_close = ix.token_at(last.close_mark)
            window += [i for i in range(t_close + 1, min(len(doc), t_close + 5))]
        window += [i for i in range(t_open - 1, max(-1, t_open - 4), -1)]
        for i in window:
            tok = doc[i]
            if ix.in_quote[i] or not (para[0] <= tok.idx < para[1]):
                continue
            if tok.pos_ != "VERB" or (tok.lemma_.lower() in _NOT_SPEECH and not self._speech_object(tok)):
                continue
            subj = [c for c in tok.children if c.dep_ == "nsubj" and not ix.in_quote[c.i]]
            if subj and (self._animate(subj[0]) or self._name_after_quote(doc, ix, subj[0])):
                return tok
            if not subj and i > 0 and not ix.in_quote[i - 1] and self._animate(doc[i - 1]) and \
                    doc[i - 1].pos_ in ("PROPN", "PRON", "NOUN"):
                return tok  # '“...,” Trump barked' with the name parsed as a compound
        return None

    def _sentence_cue(self, doc: Doc, ix: _DocIndex, qtoks: set[int]) -> Token | None:
        """A fragment quoted inside a sentence that reports speech elsewhere ('Trump's claim that
        there were “thousands of shootings”'): the speech verb of that sentence nearest the quote."""
        lo, hi = min(qtoks), max(qtoks)
        sent = doc[lo].sent
        best = None
        for tok in sent:
            if ix.in_quote[tok.i] or tok.pos_ == "NOUN" or not self._is_cue(tok):
                continue  # a speech noun counts only when the parse hangs the quote from it
            dist = lo - tok.i if tok.i < lo else tok.i - hi
            lemma = tok.lemma_.lower()
            rank = 2 if lemma in self.weak else 1 if lemma in self.ambiguous else 0
            if best is None or (rank, dist) < best[0]:
                best = ((rank, dist), tok)
        return best[1] if best else None

    # -------------------------------------------------------------- speakers
    def _speaker_token(self, cue: Token, ix: _DocIndex) -> Token | None:
        if cue.pos_ == "NOUN":
            return self._noun_speaker(cue)
        if cue.dep_ == "acl" and cue.tag_ in ("VBN", "VBD") and cue.head.dep_ == "ROOT" and cue.head.pos_ == "NOUN" \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cue.children) \
                and any(c.dep_ == "ccomp" for c in cue.children) and not ix.in_quote[cue.head.i]:
            # "The hospital chain, which runs 11 hospitals, disclosed in March that hackers had ...",
            # parsed as a noun with a participle: the noun is the one telling
            return cue.head
        if cue.lower_ == "according":
            if _name_root_after(cue):
                return cue.head
            for c in cue.children:
                if c.lower_ == "to":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    return self._source_behind(objs[0]) if objs else None
            return None
        if cue.lemma_.lower() not in _NOT_BY_AGENT:
            # 'Sanders was asked by host Bill Maher, “...”': the by-agent of a passive speech verb
            for c in cue.children:
                if c.dep_ == "agent" and not ix.in_quote[c.i]:
                    objs = [g for g in c.children if g.dep_ == "pobj" and self._animate(g)]
                    if objs and any(x.dep_ == "nsubjpass" for x in cue.children):
                        return objs[0]
        elif any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children):
            # 'the official was quoted / cited / reported as saying': the passive subject said it
            subj = [c for c in cue.children if c.dep_ == "nsubjpass" and not ix.in_quote[c.i]]
            if subj:
                return subj[0]
        if cue.tag_ == "VBG" and cue.i > 0:
            prev = cue.doc[cue.i - 1]
            if prev.ent_type_ == "PERSON" and prev.dep_ == "pobj" and prev.head.lower_ == "of" and \
                    not ix.in_quote[prev.i]:
                return prev  # 'footage of Hillary Clinton asking, “...”'
        if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.i > 0 and cue.doc[cue.i - 1].text == "," \
                and not any(c.dep_ in _CONTROL_SUBJ_DEPS for c in cue.children):
            # 'Krispy Kreme said accounting errors had forced the move, adding that ...': the parse hangs
            # the participle inside the reported clause; the one adding is the sayer of that clause
            # (not through a clause of its own: 'X has said ..., while India has also rejected aid,
            # saying ...' is India's)
            anc = cue.head
            for _ in range(3):
                if anc.head.i == anc.i or anc.dep_ != "ccomp":
                    if anc.dep_ not in ("xcomp", "conj", "advcl") or anc.head.i == anc.i or anc.dep_ == "advcl" and any(
                            c.dep_ in _CONTROL_SUBJ_DEPS for c in anc.children):
                        break
                    anc = anc.head
                    continue
                if anc.head.i < cue.i and self._is_cue(anc.head):
                    outer = self._speaker_token(anc.head, ix)
                    if outer is not None:
                        return outer
                break
        v = cue
        for _ in range(4):
            # a non-finite cue takes the subject of the clause it hangs from, passive or not
            # ("After saying ..., she was whisked off"); "63 percent said" is a speaker
            deps = _SUBJ_DEPS if v is cue else _CONTROL_SUBJ_DEPS
            subj = [c for c in v.children if c.dep_ in deps and not ix.in_quote[c.i]
                    and not c.is_punct and (c.ent_type_ not in _NOT_SPEAKER_ENTS or is_age_noun(c))]
            # 'Berea, OH, ..., Gov. John Kasich (R-OH), said': a person or organisation before a
            # place, then the subject nearest the verb
            # ('Asked by the chair, judge X, what ..., the witness replied': 'the' and a word for a
            # person speaks as a name does; the nearer one is the verb's subject)
            subj.sort(key=lambda c: (not (self._animate(c) or c.tag_ == "NN" and c.lemma_.lower() in self.person_nouns
                                          and any(d.lower_ == "the" for d in c.children)),
                                     c.ent_type_ in ("GPE", "NORP"), abs(v.i - c.i)))
            if subj:
                return subj[0]  # 'Obama, who called ...': a relative pronoun is resolved in _resolve
            # inverted: "said Peskov" parsed with the name as object; a verb that takes its
            # addressee or target as object ('call Cruz “the worst”', 'asking Trump') only right
            # after the quote ('“...?” asked Peskov')
            after_quote = v.i > 0 and (v.doc[v.i - 1].text in DOUBLE_MARKS or (
                v.i > 1 and v.doc[v.i - 1].text == "," and v.doc[v.i - 2].text in DOUBLE_MARKS))
            for c in v.rights:
                if c.i - v.i > 4 or ix.in_quote[c.i]:
                    break
                if v.lemma_.lower() in _TARGET_VERBS and not after_quote:
                    break
                if c.dep_ in ("dobj", "npadvmod", "attr", "dep", "nsubjpass", "oprd", "appos") and \
                        (c.ent_type_ in _SPEAKER_LABELS or (c.pos_ == "PROPN" and not c.ent_type_)) \
                        and v.lemma_ != "tell":
                    return c
            if v.dep_ in ("relcl", "acl", "appos"):
                # "Peskov, who said", "Peskov, speaking to reporters"; but "tweets saying":
                # a thing does not speak, its owner (the subject of the clause) does
                if self._animate(v.head):
                    return v.head
                if v.head.head.i != v.head.i:
                    v = v.head.head
                    continue
                break
            if v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "ccomp", "oprd") and \
                    v.i > 0 and v.doc[v.i - 1].text != ",":
                # object control: "the ad shows Trump saying ..."
                objs = [c for c in v.head.children if c.dep_ in ("dobj", "dative") and c.i < v.i
                        and not ix.in_quote[c.i] and self._animate(c)]
                if objs:
                    return objs[-1]
            if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.i != v.head.i:
                v = v.head.head  # "tried to laugh it off by interjecting"
                continue
            if v.dep_ == "conj" and v.pos_ == "VERB" and v.head.pos_ == "NOUN" and v.head.head.i != v.head.i:
                v = v.head.head  # 'He adopted a fake accent and joked': the verb parsed as a noun's conjunct
                continue
            if v.i == cue.i and v.dep_ == "conj" and v.head.dep_ == "ccomp" and self._is_cue(v.head.head) and \
                    not any(c.dep_ in _CONTROL_SUBJ_DEPS and (self._animate(c) or c.pos_ == "PRON")
                            for c in v.head.children):
                # 'Moreno said the methods were sound but cautioned that ...': the speech verb is
                # parsed as a conjunct inside the reported clause of a thing; the outer sayer speaks
                v = v.head.head
                continue
            climb = v.dep_ in _CLIMB_DEPS or (v.dep_ == "ccomp" and self._is_cue(v.head))
            if climb and v.head.i != v.i:
                v = v.head
                continue
            break
        # a participle whose clause lost its subject in the parse ("..., declaring he had"):
        # the first subject of the sentence before the cue that names someone
        # ('Trump gestured ..., then leaned in and boomed:': a conjoined verb that lost it too)
        if (cue.tag_ in ("VBG", "VBN") or (cue.dep_ in ("conj", "dep") and cue.tag_ in ("VBD", "VBZ", "VBP"))) \
                and not any(c.dep_ == "auxpass" for c in cue.children):
            # ('..., it was claimed in court': a passive speech verb with its own subject names no one)
            for t in cue.sent:
                if t.i >= cue.i:
                    break
                if t.dep_ == "nsubj" and not ix.in_quote[t.i] and self._animate(t):
                    return t
        return None

    @staticmethod
    def _source_behind(obj: Token) -> Token:
        """'according to data compiled by Layoffs Watch Europe', 'according to a survey by Ipsos':
        the named maker of the document, else the document itself ('court filings', 'city figures');
        'according to LSEG data': the maker named before it."""
        if obj.ent_type_:
            return obj
        if obj.lemma_.lower() in _DOCUMENT_NOUNS:
            maker = [c for c in obj.children if c.dep_ in ("compound", "nmod", "poss") and c.pos_ == "PROPN"]
            if maker:
                return maker[-1]
        for c in obj.children:
            by = c if c.dep_ == "prep" and c.lower_ == "by" else next(
                (a for a in c.children if a.dep_ == "agent"), None) if c.dep_ == "acl" and c.tag_ == "VBN" else None
            if by is not None:
                named = [g for g in by.children if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "PERSON", "GPE")]
                if named:
                    return named[0]
                # "a report by the county's patient watchdog": a described maker, resolved later
                described = [g for g in by.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if described:
                    return described[0]
        return obj

    def _animate_relative(self, tok: Token) -> bool:
        """'who' (or 'that') heading a relative clause whose antecedent can speak."""
        if tok.lower_ not in self.relative or tok.head.dep_ != "relcl" or tok.head.head.i == tok.head.i:
            return False
        ante = _relative_antecedent(tok)
        return self._animate(ante) or ante.lemma_.lower() in self.person_nouns

    def _animate(self, tok: Token) -> bool:
        """A token that can be a speaker: a person or organisation name, a pronoun, a role."""
        return (tok.ent_type_ in _SPEAKER_LABELS or tok.lower_ in self.pronouns
                or tok.lower_ in self.plural or tok.lemma_.lower() in self.roles
                or tok.lemma_.lower() in self.org_heads)

    def _np_span(self, tok: Token) -> tuple[int, int]:
        """Character span of the noun phrase headed by `tok` (its left modifiers, up to a comma)."""
        lo = tok.i
        for c in tok.lefts:
            if c.dep_ in _NP_LEFT_DEPS:
                lo = min(lo, c.left_edge.i)
        doc = tok.doc
        for i in range(tok.i - 1, lo - 1, -1):
            if doc[i].text in (",", "(", ")") or doc[i].text in DOUBLE_MARKS or doc[i].is_space:
                lo = i + 1
                break
        while lo < tok.i and (doc[lo].is_punct):
            lo += 1
        end_tok = tok
        if tok.tag_ == "CD" or tok.lower_ in _PARTITIVES:
            # 'one of the mediators told Reuters', 'some of his aides': the partitive's group
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
                    end_tok = c.right_edge
        # flat names to the right ("Peskov" as head with "Dmitry" left is usual; keep the head)
        return doc[lo].idx, end_tok.idx + len(end_tok.text)

    def _resolve(self, doc: Doc, ix: _DocIndex, tok: Token) -> tuple[dict | None, str, int, int]:
        """(entity reference or None, speaker_text, start, end) for the speaker token."""
        if tok.lower_ in self.relative and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
            # 'U.S. President Barack Obama, who called ...': the relative pronoun is the mention
            # (as 'he' is), its antecedent the entity; an antecedent that names no entity stays
            # the mention ('the star journalist, who ...')
            ref, text, start, end = self._resolve(doc, ix, _relative_antecedent(tok))
            if ref is None:
                return ref, text, start, end
            s, e = tok.idx, tok.idx + len(tok.text)
            return {**ref, "text": tok.text, "start": s, "end": e}, tok.text, s, e
        start, end = self._np_span(tok)
        ent = ix.entity_for_token(tok)
        if ent is None and tok.pos_ == "NOUN":
            for c in tok.children:
                # "The grid operator, known as ERCOT, said": the name the description is known by
                named = [g for p in c.children if c.dep_ == "acl" and c.lemma_ in ("know", "call", "name")
                         and p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
                e2 = ix.entity_for_token(named[0]) if named else None
                if e2 is not None:
                    return e2, ix.text[start:end], start, end
        if ent is not None:  # a name that runs on past its head word: "the Centers for Disease Control ..."
            end = max(end, ent["end"])
        text = ix.text[start:end]
        low = tok.lower_
        if ent is None and tok.lower_ in PORTFOLIO_TITLES and tok.is_title:
            # "Minister for Housing Jane Smith said", parsed with the title as the subject's head
            for c in tok.subtree:
                # a name in the title's own phrase, not in a clause inside it ("The Secretary, who met
                # Prime Minister Mark Carney, said")
                e2 = ix.entity_for_token(c) if c.i > tok.i and _in_own_phrase(c, tok) else None
                if e2 is not None and e2["label"] == "PERSON":
                    e_end = max(end, e2["end"])
                    return e2, ix.text[start:e_end], start, e_end
        if ent is None and tok.pos_ == "PROPN":
            for c in tok.children:
                # "Climate Crisis and Civil Protection Minister Nikos Vlachakis told": a two-part brief
                # parsed as the subject, the minister as its conjunct
                e2 = ix.entity_for_token(c) if c.dep_ == "conj" else None
                if e2 is not None and e2["label"] == "PERSON" and any(
                        t.lower_ in PORTFOLIO_TITLES for t in c.lefts if t.dep_ == "compound"):
                    e_end = c.idx + len(c.text)
                    return e2, ix.text[start:e_end], start, e_end
        if low in self.pronouns:
            ref = self._pronoun(doc, ix, tok, self.pronouns[low])
            return ref, text, start, end
        if low == "it":
            # "It said ..." after "The Civil Protection Department said ...": the latest
            # organisation named shortly before (never a person); bound by the parse first
            # ('Russia launched what it calls a “special military operation”')
            ref = self._bound_it(ix, tok) or self._described_subject_before(doc, ix, tok) or self._latest_org(ix, tok.idx)
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
            return None, text, start, end
        if low in self.plural or low in ("i", "you"):
            return None, text, start, end
        if is_age_noun(tok) and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # 'the 74-year-old told the BBC': the person the story just named
            ref = self._latest_person(doc, ix, tok.idx)
            return ({**ref, "text": text, "start": start, "end": end} if ref else None), text, start, end
        if ent is not None and ent["label"] == "NORP" and self._description(tok):
            # 'the Italian said', 'the 22-year-old Spaniard said': the person just named
            ref = self._latest_person(doc, ix, tok.idx)
            return ({**ref, "text": text, "start": start, "end": end} if ref else None), text, start, end
        if ent is not None and ent["label"] in _SPEAKER_LABELS and ent["label"] != "PERSON" and \
                any(c.tag_ == "VBG" and c.i == tok.sent.start for c in tok.lefts):
            # 'Representing Parcelway, barrister Nicola Strand said': the parse takes the fronted
            # participle's object for the subject; the person in apposition speaks
            for c in tok.rights:
                e2 = ix.entity_for_token(c) if c.dep_ == "appos" else None
                if e2 is not None and e2["label"] == "PERSON":
                    s2, e2_end = self._np_span(c)
                    return e2, ix.text[s2:e2_end], s2, e2_end
        if ent is not None and ent["label"] in ("GPE", "ORG"):
            for c in tok.children:
                # "North Rhine-Westphalia's economy minister, Jens Hartwig, insisted", parsed with the place as
                # the subject and the minister and his name in apposition to it: the person speaks
                named = [g for g in (c, *c.children) if g.dep_ == "appos"] if c.dep_ == "appos" and c.pos_ == "NOUN" else []
                e2 = next((e for e in (ix.entity_for_token(g) for g in named) if e is not None and e["label"] == "PERSON"),
                          None)
                if e2 is not None:
                    return e2, ix.text[start:e2["end"]], start, e2["end"]
        if ent is not None and ent["label"] in _SPEAKER_LABELS:
            return ent, text, start, end
        if ent is None and tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].head.i == tok.i \
                and doc[tok.i + 1].pos_ == "PROPN":
            # 'Campaign group Save the Teme said': the name right after the noun, parsed as its modifier
            e2 = ix.entity_for_token(doc[tok.i + 1])
            if e2 is not None and e2["label"] == "ORG":
                return e2, text, start, end
        if ent is None and tok.pos_ not in ("PRON", "DET"):
            eid = ix.surname_ref(tok)  # 'Sanders' untagged, after 'Bernie Sanders'
            if eid is not None:
                return self._ref(ix, eid, start, end), text, start, end
        for c in tok.children:
            if c.dep_ == "appos":
                e2 = ix.entity_for_token(c)
                if e2 is not None and e2["label"] in _SPEAKER_LABELS:
                    return e2, ix.text[start:c.idx + len(c.text)], start, c.idx + len(c.text)
        if ent is None and tok.lower_ in self.roles and tok.lower_ not in _FOR_SOMEONE_ROLES:
            # "said Auditor General for Wales Catrin Mathias", parsed with the name as the object of
            # the title's "for": the person the title names
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                    for g in c.children:
                        e2 = ix.entity_for_token(g) if g.dep_ == "pobj" else None
                        if e2 is not None and e2["label"] == "PERSON":
                            return e2, ix.text[start:g.idx + len(g.text)], start, g.idx + len(g.text)
        if tok.dep_ == "appos":
            e2 = ix.entity_for_token(tok.head)
            if e2 is not None and e2["label"] in _SPEAKER_LABELS:
                return e2, text, start, end
        org_noun = tok.lemma_.lower() in self.org_heads or tok.lemma_.lower() in self.company_nouns \
            or tok.lemma_.lower() in _DOCUMENT_NOUNS  # ("according to LSEG data": the maker speaks through it)
        for c in tok.lefts:
            if c.dep_ == "compound":
                e2 = ix.entity_for_token(c)
                # 'the state-run Anadolu news agency reported': the name inside the noun phrase
                if e2 is not None and (e2["label"] == "PERSON" or e2["label"] == "ORG" and org_noun) and not (
                        tok.lemma_.lower() in _MEMBER_NOUNS and e2["name"].split()[-1].lower() in _LEAGUE_WORDS):
                    # (not "the Premier League club announced": the club of a league, named before)
                    return e2, text, start, end
        if ent is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ORG_PART_NOUNS:
            # "the SPD's national leadership said", "Meteo-France's cyclone centre": the organisation
            # speaks through its part
            for c in tok.children:
                e2 = ix.entity_for_token(c) if c.dep_ == "poss" else None
                if e2 is not None and e2["label"] == "ORG":
                    return e2, text, start, end
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and self._public_body(tok):
            # (not a company or a party: "Japan's top automaker", "Britain's main opposition party")
            for c in tok.children:
                e2 = ix.entity_for_token(c) if c.dep_ == "poss" else None
                if e2 is not None and e2["label"] == "GPE":
                    # "Germany's economy ministry said": the country speaks through its institution
                    return e2, text, start, end
        lemma = tok.lemma_.lower()
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and \
                not doc[tok.i - 1].whitespace_:
            hyph = doc[tok.i - 2].lower_ + "-" + lemma  # 'the scrum-half told ...' (split by the tokenizer)
            if hyph in self.description_roles or hyph in self.roles:
                lemma = hyph
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in tok.children)
        plural = tok.tag_ in ("NNS", "NNPS")  # 'Analysts at ING said': not the one analyst named
        if lemma == "witness" and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and not _A_WITNESS.search(ix.text, 0, tok.idx):
            # court copy: 'Asked by prosecutor Andrew Quayle why ..., the witness replied' is the
            # person giving evidence (not when the story has an unnamed 'a witness')
            ref = self._witness(doc, ix, tok.idx)
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
        if not indefinite and not plural and (lemma in self.roles or lemma in self.description_roles):
            place = of_object(tok)
            ref = self._role(doc, ix, lemma, tok.idx, place, _role_modifiers(tok))
            if ref is None and place is None and (self._description(tok, role=True) or lemma in self.description_roles
                                and self._description(tok, role=True, plain=True)):
                # 'the former executive said', 'the midfielder told BBC Radio Kent': no one
                # introduced with the role, but the description is of someone known, the person
                # just named
                ref = self._latest_person(doc, ix, tok.idx)
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
        if ent is None and tok.tag_ == "NN" and ix.text_para_rank(tok.idx) == 0 and \
                (indefinite or any(c.dep_ == "poss" and c.pos_ == "PROPN" or c.dep_ == "prep" and c.lower_ == "of"
                                   for c in tok.children)) and \
                (lemma in self.roles or lemma in self.lead_nouns):
            # the lead's unnamed speaker ('A former colleague of ... told a jury', "the World Food
            # Programme's regional director said", 'The head of New York's transit authority ...'),
            # named as the next paragraph opens ('Rachel Dunmore, 29, who ...', '“...,” said Janet
            # Ruiz, chair of ...')
            ref = self._person_opening_next(doc, ix, tok.idx)
            if ref is None and lemma in _HOLDER_NOUNS and not any(
                    t.ent_type_ in ("ORG", "FAC", "PERSON", "PRODUCT") for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree):
                # 'after the owner of Sheffield's last large steelworks said ...', named as the next
                # paragraph opens with a company ('Tinsley Steel, which employs ...'); not 'The owner
                # of the Red Lion pub', whose next company named need not be the one owning it
                ref = self._org_opening_next(doc, ix, tok.idx)
            if ref is not None and not indefinite and not any(c.dep_ == "poss" for c in tok.children):
                # 'The head of the agency ...' is not 'Liberal senator Margaret Ashby', introduced with
                # another office
                held = {r for r, cands in self._role_index(doc, ix).items()
                        for _s, eid, _w in cands if eid == ref["entity_id"]}
                if held and lemma not in held and held.isdisjoint(self.head_words):
                    ref = None
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
        if indefinite and lemma in self.roles:
            # the lead's delayed identification: "A federal judge on Tuesday blocked ...", named in
            # the next paragraph ("U.S. District Judge Allison Burroughs wrote ..."); after the
            # lead only as 'The spokesman, Jan Kolar, later told ...'
            ref = self._role_named_next(doc, ix, lemma, tok.idx, appos=ix.text_para_rank(tok.idx) != 0)
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
        if tok.pos_ == "NOUN" and lemma in _SPOKES_NOUNS:
            # 'a Corvant spokesman said': the organisation its spokesman speaks for, named with
            # its short name ('Corvant Systems')
            for c in tok.children:
                if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i:
                    e2 = ix.entity_for_token(c) or self._org_by_first_word(ix, doc[c.left_edge.i:c.i + 1].text)
                    if e2 is not None and e2["label"] == "ORG":
                        return e2, text, start, end
        if lemma == "government" and tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass", "pobj"):
            # 'the Sindh government announced': the place that governs itself through it
            for c in tok.children:
                e2 = ix.entity_for_token(c) if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i else None
                if e2 is not None and e2["label"] == "GPE":
                    return e2, text, start, end
        if tok.pos_ == "NOUN" and (lemma in self.roles or lemma in self.person_nouns or lemma in self.group_speakers):
            # 'a spokesperson for the European Commission', 'analysts at ING': the organisation
            # they speak for
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ in ("for", "at", "of", "from", "with"):
                    for g in c.children:
                        e2 = ix.entity_for_token(g) if g.dep_ == "pobj" else None
                        e_end = e2["end"] if e2 is not None else g.idx + len(g.text)
                        if e2 is None and g.dep_ == "pobj" and g.pos_ == "PROPN":
                            e2 = self._org_named(ix, doc[g.left_edge.i:g.i + 1].text)
                        if e2 is None and g.dep_ == "pobj" and g.tag_ == "NN" and any(
                                d.dep_ == "det" and d.lower_ == "the" for d in g.children):
                            # 'a spokeswoman for the department': the organisation named with that head
                            e2 = self._org(ix, g.lemma_.lower(), g.idx, any_word=g.lemma_.lower() in self.org_heads)
                        if e2 is not None and e2["label"] == "ORG":
                            end = max(end, e_end)
                            return e2, ix.text[start:end], start, end
        if not indefinite and tok.pos_ == "NOUN":
            # "the ministry", "the brigade" (after "the Lisbon Fire Brigade")
            ref = self._org(ix, lemma, tok.idx, any_word=lemma in self.org_heads)
            if ref is not None and lemma in self.company_only_nouns and tok.tag_ == "NN" and not plural \
                    and not any(c.dep_ in ("compound", "poss", "amod") for c in tok.children):
                # "power company Nucleon Belgique ... Groupe Voltaire fell 2.3%. The company said": a
                # company named as a subject since the one introduced with the noun (not "Shares in
                # Arcadium jumped" after "Mining company Rio Tinto said it would buy Arcadium": the
                # target's shares)
                subject = self._subject_org(doc, ix, tok)
                if subject is not None and subject["start"] > ref["start"] and _finite_subject(doc[ix.token_at(subject["start"])]):
                    ref = subject
            if ref is None and lemma in self.described_by and not plural:
                # "the regulator said": the latest organisation whose name fits the description
                found = [r for r in (self._org(ix, w, tok.idx) for w in self.described_by[lemma]) if r]
                ref = max(found, key=lambda r: r["start"]) if found else None
            if ref is None and lemma == "government" and tok.tag_ == "NN" and not any(
                    c.dep_ in ("compound", "poss", "amod", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
                    for c in tok.children):
                # "The government says ...": the government of the country the article names most
                country = story_country(ix.entities.values(), self.countries)
                ref = self._ref(ix, country["entity_id"], country["mentions"][0]["start"],
                                country["mentions"][0]["end"]) if country is not None else None
            if ref is None and (lemma in self.org_heads or lemma in self.company_nouns) and tok.tag_ == "NN" \
                    and not any(c.dep_ in ("compound", "poss") for c in tok.children):
                # 'National Highways said ... “...,” the agency said', 'The lender DNB raised its
                # target. “...,” the bank said': the organisation just named as a clause subject
                ref = self._subject_org(doc, ix, tok)
                if ref is None and lemma in FARTHER_BODY_NOUNS:
                    # 'Health Canada said ... An internal test had ... The agency said': two sentences
                    # back, but no company named between
                    ref = self._subject_org(doc, ix, tok, sentences_back=2, company_names=False)
            if ref is None and lemma in self.company_nouns and tok.tag_ == "NN" and self._company_description(tok):
                # 'Nike reported ... The global sports giant said', 'The UK's biggest mortgage lender
                # said': a described company is the one just named as a subject
                ref = self._subject_org(doc, ix, tok)
            if ref is None and lemma in self.company_only_nouns and not plural and not any(
                    c.dep_ in ("compound", "nummod") for c in tok.children):
                # "the company said": the story's company (not "two Gulf producers said", nor "the
                # grid operator said", someone else the story has not named; nor "the agency said",
                # which may be an institution the story has not named)
                ref = self._main_org(ix, tok.idx)
            if ref is None and lemma in self.company_nouns and tok.tag_ == "NN" and ix.text_para_rank(tok.idx) == 0 \
                    and self._company_description(tok):
                # the lead's described company ('... after the county's largest operator said it could no
                # longer run them'), named as the next paragraph opens ('Kernow Coaches said ...')
                ref = self._org_opening_next(doc, ix, tok.idx)
            if ref is not None:
                return {**ref, "text": text, "start": start, "end": end}, text, start, end
        return None, text, start, end

    @staticmethod
    def _next_text_paragraph(ix: _DocIndex, pos: int) -> tuple[int, int] | None:
        """(start of its first non-space char, end) of the next paragraph after `pos`'s that holds
        text and ranks after it (a headline ranks -1, the lead 0)."""
        nxt = ix.text_para_rank(pos) + 1
        k = ix.para_of(pos) + 1
        while k < len(ix.paras) and (ix.text_para_rank(ix.paras[k][0]) < nxt or
                                     not ix.text[ix.paras[k][0]:ix.paras[k][1]].strip()):
            k += 1
        if k >= len(ix.paras):
            return None
        lo, hi = ix.paras[k]
        return lo + len(ix.text[lo:hi]) - len(ix.text[lo:hi].lstrip()), hi

    def _org_opening_next(self, doc: Doc, ix: _DocIndex, pos: int) -> dict | None:
        """The organisation whose name opens the next paragraph holding text as the subject of its
        first sentence, not named before `pos`."""
        para = self._next_text_paragraph(ix, pos)
        if para is None:
            return None
        lo = para[0]
        index = ix.entity_index
        j = bisect.bisect_left(index, (lo,))
        if j >= len(index) or index[j][0] != lo:
            return None
        s, e, eid = index[j]
        ent = ix.entities.get(eid)
        if ent is None or ent["label"] != "ORG" or ix.mention_head(e).dep_ not in ("nsubj", "nsubjpass") \
                or any(m["start"] < pos for m in ent["mentions"]):
            return None
        return self._ref(ix, eid, s, e)

    def _public_body(self, tok: Token) -> bool:
        """A country's institution, as the entities component reads them (`national_bodies`,
        models/org_words.json): 'ministry', 'police'; 'bank' or 'watchdog' only with a word like
        'central' or 'competition' before it."""
        lemma = tok.lemma_.lower()
        return lemma in self.body_heads and (lemma not in self.body_heads_needing_modifier or any(
            c.lower_ in self.body_modifiers for c in tok.lefts))

    def _company_description(self, tok: Token) -> bool:
        """'The global sports giant', "The UK's biggest mortgage lender": a 'the' (or a place's) noun
        phrase whose words describe a company, not another company related to it ('the Delta
        subsidiary', "Nike's parent company", 'its rival carmaker')."""
        det = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if len(det) != 1 or not (det[0].lower_ == "the" or det[0].dep_ == "poss" and det[0].ent_type_ in ("GPE", "NORP")
                                 or det[0].dep_ == "poss" and det[0].lemma_.lower() in _PLACE_OWNERS):
            return False
        described = det[0].dep_ == "poss"
        for w in tok.doc[tok.left_edge.i:tok.i]:
            if w.lower_ in _RELATED_COMPANY or w.dep_ == "compound" and w.ent_type_ in ("ORG", "PERSON"):
                return False
            described = described or w.dep_ in ("amod", "nmod")
        # (a bare compound, 'the grid operator', may be a company the story has not named)
        return described

    @staticmethod
    def _description(tok: Token, role: bool = False, plain: bool = False) -> bool:
        """A singular 'the' noun phrase that describes a person already named: a capitalised
        nationality noun ('the Italian'), or for a role word, one with 'former' or an age or a
        nationality before it ('the former executive', 'the 65-year-old Briton'); `plain`: any
        singular 'the' noun phrase."""
        if tok.tag_ not in ("NN", "NNP") or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        if plain:
            return True
        if not role:
            return not tok.is_lower and tok.ent_type_ == "NORP"
        return any(w.lower_ in ("former", "ex") or w.ent_type_ == "NORP" or is_age_noun(w)
                   for w in tok.doc[tok.left_edge.i:tok.i])

    def _witness(self, doc: Doc, ix: _DocIndex, pos: int) -> dict | None:
        """The person giving evidence: of the last people named before `pos`, the latest main-clause
        subject not introduced as one of the court's officers (judge, prosecutor, lawyer ...)."""
        mentions = self._person_mentions(doc, ix)
        k = bisect.bisect_left(mentions, (pos,))
        officers = self._court_officers(doc, ix)
        for s, e, eid in reversed(mentions[max(0, k - 10):k]):
            if eid in officers:
                continue
            h = ix.mention_head(e)
            if h.dep_ in ("nsubj", "nsubjpass") and h.head.dep_ == "ROOT":
                return self._ref(ix, eid, s, e)
        return None

    def _court_officers(self, doc: Doc, ix: _DocIndex) -> frozenset[str]:
        """The people introduced as one of the court's officers (judge, prosecutor, lawyer ...),
        from all the person mentions: once per Doc, not per 'the witness'."""
        if ix._officers is not None:
            return ix._officers
        officers = set()
        for s, _e, eid in self._person_mentions(doc, ix):
            # 'Judge Helen Marsh', "Harker's barrister, Daniel Fenwick KC", 'Alison Greaves KC'
            if ix.entities[eid]["name"].rsplit(" ", 1)[-1] in _COUNSEL_LETTERS:
                officers.add(eid)
                continue
            t = ix.token_at(s) - 1
            if t >= 0 and doc[t].text == ",":
                t -= 1
            for i in range(t, max(-1, t - 3), -1):
                if doc[i].is_punct or doc[i].pos_ in _NOT_TITLE_POS:
                    break
                if doc[i].lemma_.lower() in _COURT_ROLES:
                    officers.add(eid)
                    break
        ix._officers = frozenset(officers)
        return ix._officers

    def _person_mentions(self, doc: Doc, ix: _DocIndex) -> list[tuple[int, int, str]]:
        if ix._persons is not None:
            return ix._persons
        out = []
        aliases = ix.aliases
        bylines = byline_spans(ix.text)
        for eid, ent in ix.entities.items():
            if ent["label"] != "PERSON" and eid not in aliases:
                continue
            pid = aliases.get(eid, eid)  # a surname tagged ORG/GPE counts as its person
            for m in ent["mentions"]:
                # (the writer's byline names no one the story's pronouns refer to)
                if not ix.in_any_quote(m["start"], m["end"]) and not any(a <= m["start"] < b for a, b in bylines):
                    out.append((m["start"], m["end"], pid))
        out.sort()
        ix._persons = out
        return out

    def _latest_person(self, doc: Doc, ix: _DocIndex, pos: int) -> dict | None:
        """The person named last before `pos` as a main-clause subject (outside quotes), else the
        person named last ('Joe Marsh, whose band the Stray Dogs ..., has announced' is about Marsh)."""
        mentions = self._person_mentions(doc, ix)
        k = bisect.bisect_left(mentions, (pos,))
        if k == 0:
            return None
        for s, e, eid in reversed(mentions[max(0, k - 5):k]):
            t = doc[ix.token_at(e - 1)]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                return self._ref(ix, eid, s, e)
        s, e, eid = mentions[k - 1]
        return self._ref(ix, eid, s, e)

    def _genders(self, doc: Doc, ix: _DocIndex) -> dict[str, str | None]:
        """Gender of each PERSON entity: titles before its mentions (Mr., Mrs., spokeswoman) and
        its given name decide; else the subject pronouns (he/she) of sentences where it is the only
        person named before them."""
        if ix._gender is not None:
            return ix._gender
        strong: dict[str, int] = {}
        weak: dict[str, int] = {}
        aliases = ix.aliases
        ents = {eid: e for eid, e in ix.entities.items() if e["label"] == "PERSON" or aliases.get(eid) == eid}
        for eid, ent in ents.items():
            score = 0
            for m in ent["mentions"]:
                words = m["text"].split()
                if len(words) >= 2 and (words[0].rstrip(".").lower() in HONORIFICS or words[0].lower() in PEERAGES):
                    # the title inside the name ('Ms Keble'); the given name after it
                    g = self.gender_titles.get(words[0].lower())
                    score += 1 if g == "m" else -1 if g == "f" else 0
                    words = words[1:]
                first = words[0].lower() if len(words) >= 2 else ""  # a given name, not "Warren"
                if first in self.female:
                    score -= 1
                elif first in self.male:
                    score += 1
                t = ix.token_at(m["start"])
                for k in (1, 2):
                    if t - k >= 0:
                        g = self.gender_titles.get(doc[t - k].lower_)
                        if g:
                            score += 1 if g == "m" else -1
                            break
                # 'Her father, the jazz pianist Leo Row', 'Leo Row, her father,': a kin word in
                # apposition
                h = doc[ix.token_at(m["end"] - 1)]
                kin = [c for c in h.children if c.dep_ == "appos"]
                w = h
                for _ in range(2):  # 'Her father, the conductor Edvin Lindqvist,'
                    if w.dep_ != "appos" or w.head.i >= w.i:
                        break
                    w = w.head
                    kin.append(w)
                for w in kin:
                    lo_k, hi_k = min(w.i, h.i), max(w.i, h.i)
                    if w.pos_ != "NOUN" or not any(x.text == "," for x in doc[lo_k:hi_k]):
                        continue  # ("Sanders’ son" parsed as an apposition)
                    g = self.gender_titles.get(w.lower_)
                    if g:
                        score += 1 if g == "m" else -1
            pid = aliases.get(eid, eid)  # 'Ms Keble' tells the gender of 'Joanne Keble'
            strong[pid] = strong.get(pid, 0) + score
        for eid in ents:
            if aliases.get(eid, eid) != eid:
                strong[eid] = strong.get(aliases[eid], 0)
        mentions = self._person_mentions(doc, ix)
        starts = [m[0] for m in mentions]
        subject_before = None  # the one person of the sentence before, when that is its main subject
        for sent in doc.sents:
            lo = bisect.bisect_left(starts, sent.start_char)
            hi = bisect.bisect_left(starts, sent.end_char)
            ids = {mentions[k][2] for k in range(lo, hi)}
            if not ids and subject_before is not None:
                # "Price is averaging 28.4 points. He has two years left": a sentence naming no one
                # that opens on a pronoun continues the subject of the sentence before
                t = next((t for t in sent if not t.is_punct and not t.is_space), None)
                g = self.pronouns.get(t.lower_) if t is not None and t.dep_ in ("nsubj", "nsubjpass") \
                    and not ix.in_quote[t.i] else None
                if g:
                    weak[subject_before] = weak.get(subject_before, 0) + (1 if g == "m" else -1)
            subject_before = None
            if len(ids) == 1:
                h = ix.mention_head(mentions[lo][1])
                # (no other person in the sentence, even unnamed: "X met the health minister. He promised")
                own = {t.i for t in h.subtree}  # (her own title is no other person: "Former minister Clare Short")
                if h.dep_ in ("nsubj", "nsubjpass") and h.head.dep_ == "ROOT" and not ix.in_quote[h.i] and not any(
                        t.pos_ == "NOUN" and t.i not in own
                        and (t.lemma_.lower() in self.roles or t.lemma_.lower() in self.person_nouns) for t in sent):
                    subject_before = mentions[lo][2]
            if len(ids) != 1:
                continue
            eid = next(iter(ids))
            first_at = mentions[lo][0]
            for t in sent:
                if ix.in_quote[t.i] or t.idx < first_at or t.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                g = self.pronouns.get(t.lower_)
                if g:
                    weak[eid] = weak.get(eid, 0) + (1 if g == "m" else -1)
        out: dict[str, str | None] = {}
        for eid in ents:
            v = strong.get(eid, 0) or weak.get(eid, 0)
            out[eid] = "m" if v > 0 else "f" if v < 0 else None
        ix._gender = out
        return out

    def _ref(self, ix: _DocIndex, eid: str, start: int, end: int, text: str | None = None) -> dict:
        ent = ix.entities[eid]
        return {"entity_id": eid, "name": ent["name"], "label": ent["label"],
                "text": text if text is not None else ix.text[start:end], "start": start, "end": end}

    def _pronoun(self, doc: Doc, ix: _DocIndex, tok: Token, gender: str) -> dict | None:
        """Most recent earlier person (outside quotes) whose gender fits."""
        genders = self._genders(doc, ix)
        mentions = self._person_mentions(doc, ix)
        # bound by the parse: "Kasich says he'd tell him ..." - the subject of the verb above
        v, steps = tok.head, 0
        while steps < 3 and v.dep_ in ("ccomp", "conj", "xcomp", "advcl") and v.head.i != v.i:
            v, steps = v.head, steps + 1
            for c in v.children:
                if c.dep_ == "nsubj" and c.i < tok.i and not ix.in_quote[c.i]:
                    if self.pronouns.get(c.lower_) == gender:
                        ref = self._pronoun(doc, ix, c, gender)  # "He says he's proud"
                        if ref is not None:
                            return {**ref, "text": tok.text, "start": tok.idx, "end": tok.idx + len(tok.text)}
                    ent = ix.entity_for_token(c)
                    # the small model often calls a surname an ORG ("Kasich says he'd ...")
                    if ent is not None and ent["label"] in ("PERSON", "ORG") and \
                            genders.get(ent["entity_id"]) in (None, gender):
                        return self._ref(ix, ent["entity_id"], tok.idx, tok.idx + len(tok.text))
        decided, ref = self._role_subject_before(doc, ix, tok, gender, genders)
        if decided:
            return ref
        k = bisect.bisect_left(mentions, (tok.idx,))
        seen: list[str] = []
        fallback = None
        fallback_salient = False
        fallback_sent = 0
        para = ix.para_of(tok.idx)
        for _s, _e, eid in reversed(mentions[:k]):
            if eid not in seen:
                seen.append(eid)
            if len(seen) > 4:
                break
            g = genders.get(eid)
            if g == gender:
                # a person known to fit beats a nearer one of unknown gender, unless that one is the
                # subject of a clause in the quote's own paragraph and this one is further back
                # ("Guterres urged both sides to return. 'The alternative is more war,' he said.")
                if fallback_salient and (ix.para_of(_s) != para or doc[ix.token_at(_s)].sent.start < fallback_sent):
                    # ('Mayor Alison Grant promised ... Councillor Priya Shah accused the mayor ...
                    # “...,” she said.': the nearer subject, whose given name is not in the lists)
                    break
                eid = self._salient_subject(doc, ix, _s, eid, genders, (gender, None))
                return self._ref(ix, eid, tok.idx, tok.idx + len(tok.text))
            if g is None and fallback is None:
                fallback = self._salient_subject(doc, ix, _s, eid, genders, (None,))
                last = doc[ix.token_at(_e - 1)]
                # (a subject, or the source of an "according to", who speaks: "..., according to Michal
                # Sadowski, an analyst at Erste Group. He said ...")
                fallback_salient = ix.para_of(_s) == para and (
                    last.dep_ in ("nsubj", "nsubjpass")
                    or last.dep_ == "pobj" and last.head.lower_ == "to" and last.head.head.lower_ == "according") \
                    or _subject_of_sentence_before(doc, last, tok)
                fallback_sent = doc[ix.token_at(_s)].sent.start
        if fallback is not None:
            return self._ref(ix, fallback, tok.idx, tok.idx + len(tok.text))
        return None

    def _salient_subject(self, doc: Doc, ix: _DocIndex, start: int, eid: str,
                         genders: dict[str, str | None], fits: tuple) -> str:
        """The candidate at `start` is not a clause subject: another person of the same gender
        evidence who is the main-clause subject of that sentence is the likelier antecedent
        ("Sofia Reyes beat Anna Markova. “I played well,” she said." is Reyes)."""
        t = doc[ix.token_at(start)]
        if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "compound" and t.head.dep_ in ("nsubj", "nsubjpass")):
            return eid
        sent = t.sent
        for s, e, other in self._person_mentions(doc, ix):
            if s < sent.start_char or other == eid:
                continue
            if s >= start:
                break
            if genders.get(other) not in fits:
                continue
            h = ix.mention_head(e)
            if h.dep_ in ("nsubj", "nsubjpass") and h.head.dep_ == "ROOT":
                return other
            # a parse lost in a score line ("Top seed Sofia Reyes 4-6 6-3 beat Anna Markova"):
            # the first name of the sentence, before any verb, holds the subject slot
            if h.dep_ not in ("pobj", "dobj", "dative") and \
                    not any(w.pos_ in ("VERB", "AUX") for w in doc[sent.start:ix.token_at(s)]):
                return other
        return eid

    def _role_subject_before(self, doc: Doc, ix: _DocIndex, tok: Token, gender: str,
                             genders: dict[str, str | None]) -> tuple[bool, dict | None]:
        """'The mayor insisted the plan was costed. “...,” she told reporters.': when the nearest
        main-clause subject before the pronoun in its paragraph is a definite role ('the mayor') that
        stands for a named person of a fitting gender, that person (the mention list holds names
        only, so it would pass over the role to an earlier woman); when it is an unnamed person ('a
        spokesman'), what that phrase resolves to, or no one. Returns (decided, speaker): not
        decided means the usual search goes on."""
        para_lo = ix.paras[ix.para_of(tok.idx)][0]
        for i in range(tok.i - 1, -1, -1):
            c = doc[i]
            if c.idx < para_lo:
                return False, None
            if ix.in_quote[i] or c.dep_ not in ("nsubj", "nsubjpass") or c.head.dep_ != "ROOT":
                continue  # (main clauses only: 'the plan' of 'insisted the plan was costed' is not it)
            lemma = c.lemma_.lower()
            if (c.ent_type_ == "NORP" and self._description(c)) or \
                    (is_age_noun(c) and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)):
                # 'The Spaniard ... said Okafor had been “unlucky”. “...,” he added.': the
                # description's person, not the nearer man named in the reported clause
                ref = self._latest_person(doc, ix, c.idx)
                if ref is None or genders.get(ref["entity_id"]) not in (None, gender):
                    return False, None
                return True, self._ref(ix, ref["entity_id"], tok.idx, tok.idx + len(tok.text))
            if c.tag_ == "NN" and not c.ent_type_ and (lemma in self.roles or lemma in self.person_nouns) and \
                    any(d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one", "another") for d in c.children) \
                    and self.gender_titles.get(c.lower_) in (None, gender):
                # 'An Environment Agency spokesman said ... “...,” he said': the unnamed person, not a
                # man named earlier; the organisation they speak for when there is one
                ref = self._resolve(doc, ix, c)[0]
                if ref is None:
                    return True, None  # an unnamed person: no one named earlier
                return True, {**ref, "text": tok.text, "start": tok.idx, "end": tok.idx + len(tok.text)}
            if c.tag_ != "NN" or (lemma not in self.roles and lemma not in self.description_roles) or c.ent_type_ or \
                    not any(d.dep_ == "det" and d.lower_ == "the" for d in c.children):
                return False, None  # the nearest subject is a name, a pronoun or a thing: the usual search
            place = of_object(c)
            ref = self._role(doc, ix, lemma, c.idx, place)
            if ref is None and place is None and lemma in self.description_roles:
                ref = self._latest_person(doc, ix, c.idx)
            if ref is None or ref["label"] != "PERSON" or genders.get(ref["entity_id"]) not in (None, gender):
                return False, None
            return True, self._ref(ix, ref["entity_id"], tok.idx, tok.idx + len(tok.text))
        return False, None

    def _role(self, doc: Doc, ix: _DocIndex, lemma: str, pos: int, place: str | None = None,
              modifiers: tuple[str, ...] = ()) -> dict | None:
        """'the mayor' -> the person the article introduces with that role ('Mayor Jane Cole',
        'Jane Cole, the mayor'); 'the mayor of Faenza' only the one introduced with that place;
        'the transport secretary' the one introduced with that word if there is one ('Transport
        Secretary Priya Lawson', not 'general secretary Mick Dolan')."""
        # (one introduced without a place, "former mayor Luis Ocampo", may be the mayor of Bogota; one
        # introduced as mayor of another place is not)
        cands = sorted((s, eid, words) for s, eid, words in self._role_index(doc, ix).get(lemma, [])
                       if place is None or place in words or "of" not in words)
        if modifiers:
            cands = [c for c in cands if all(w in c[2] for w in modifiers)] or cands
        cands = [(s, eid) for s, eid, _ in cands]
        if not cands:
            return None
        before = [c for c in cands if c[0] < pos]
        s, eid = before[-1] if before else cands[0]
        return self._ref(ix, eid, s, s)

    def _role_index(self, doc: Doc, ix: _DocIndex) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
        """Role word -> (mention start, entity id, the words around the title) of the people
        introduced with it (built once per Doc)."""
        if ix._roles is None:
            roles: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
            for ent in ix.entities.values():
                if ent["label"] != "PERSON" and ix.aliases.get(ent["entity_id"]) != ent["entity_id"]:
                    continue  # (a 'Given Surname' tagged ORG is a person: 'Treasury minister Ruth Calloway')
                for m in ent["mentions"]:
                    t0 = ix.token_at(m["start"])
                    t1 = ix.token_at(m["end"] - 1)
                    words = []
                    stop = t0 - 1
                    for i in range(t0 - 1, max(-1, t0 - 4), -1):
                        stop = i
                        if doc[i].is_punct or doc[i].is_space or doc[i].pos_ in _NOT_TITLE_POS:
                            break  # 'the governor praised Mr. Clarke': no title across a verb
                        words.append(doc[i].lemma_.lower().rstrip("."))
                    if t1 + 1 < len(doc) and doc[t1 + 1].text == ",":
                        for i in range(t1 + 2, min(len(doc), t1 + 8)):
                            if doc[i].is_punct:
                                break
                            words.append(doc[i].lemma_.lower().rstrip("."))
                        if stop > 0 and doc[stop].text == ",":
                            # "The mayor of Leeds, Alison Grant, said", "The spokesman, Inspector Raj
                            # Patel, added": the name (and its own title) between commas after its role
                            for i in range(stop - 1, max(-1, stop - 7), -1):
                                tok = doc[i]
                                if tok.is_punct or tok.is_space or tok.pos_ in _NOT_TITLE_POS and tok.lower_ != "of":
                                    break
                                words.append(tok.lemma_.lower().rstrip("."))
                    if "chief" in words:  # 'chief executive Ingrid Solberg' is 'the CEO' too
                        words += [a for a, w in (("ceo", "executive"), ("cfo", "financial"), ("coo", "operating"))
                                  if w in words]
                    if "ceo" in words:
                        words.append("executive")
                    context = frozenset(words)
                    for w in words:
                        if w in self.roles:
                            roles.setdefault(w, []).append((m["start"], ent["entity_id"], context))
            ix._roles = roles
        return ix._roles

    def _role_named_next(self, doc: Doc, ix: _DocIndex, lemma: str, pos: int, appos: bool = False) -> dict | None:
        """The one person introduced with this role in the paragraph after the lead (`appos`: after
        any paragraph, as 'The spokesman, Jan Kolar,' opening the next one)."""
        nxt = ix.text_para_rank(pos) + 1
        second = [(s, eid) for s, eid, _words in sorted(self._role_index(doc, ix).get(lemma, []))
                  if ix.text_para_rank(s) == nxt]
        if appos:
            lo = ix.paras[ix.para_of(second[0][0])][0] if second else 0
            second = [(s, eid) for s, eid in second if re.fullmatch(
                r"[ \t]*[Tt]he[ \t]+" + re.escape(lemma) + r"\w*,[ \t]*", ix.text[lo:s])]
        if len({eid for _, eid in second}) != 1:
            return None
        s, eid = second[0]
        return self._ref(ix, eid, s, s)

    def _person_opening_next(self, doc: Doc, ix: _DocIndex, pos: int) -> dict | None:
        """The person whose name opens the next paragraph holding text, or is the main-clause
        subject of its first sentence, and who is not named before it ('Rachel Dunmore, 29, who
        worked ...', 'Margot Lindqvist told a briefing ...')."""
        para = self._next_text_paragraph(ix, pos)
        if para is None:
            return None
        lo, hi = para
        mentions = self._person_mentions(doc, ix)
        j = bisect.bisect_left(mentions, (lo,))
        if j >= len(mentions) or mentions[j][0] >= hi:
            return None
        s, e, eid = mentions[j]
        if s != lo:
            # 'Giving evidence at Southwark Crown Court, Hannah Price, 34, said': the first name of
            # the paragraph as the main-clause subject of its first sentence
            h = ix.mention_head(e)
            root = h.sent.root
            # ('“...,” said Janet Ruiz': the inverted subject of the attribution of an opening quote)
            inverted = ix.text[lo] in DOUBLE_MARKS and h.dep_ == "nsubj" and h.head.i == root.i and \
                self._is_cue(root, strong=True)
            if h.sent.start_char > lo or root.pos_ not in ("VERB", "AUX") or (h.i > root.i and not inverted) or \
                    h.dep_ not in ("nsubj", "nsubjpass", "appos") or \
                    j + 1 < len(mentions) and mentions[j + 1][0] < root.idx and mentions[j + 1][2] != eid:
                return None
            if h.dep_ == "appos" and (h.head.lemma_.lower() in self.roles or h.head.lemma_.lower() in self.lead_nouns):
                return None  # 'The charity's director, Helen Marr, denies': another role, another person
            # (an apposition to a thing: the parse hangs the name on the fronted phrase)
        if any(m[2] == eid for m in mentions[:j]):
            return None
        return self._ref(ix, eid, s, e)

    def _bound_it(self, ix: _DocIndex, tok: Token) -> dict | None:
        """'Russia launched what it calls ...': the organisation or country that is the subject
        of a verb above the clause of 'it'."""
        v, steps = tok.head, 0
        while steps < 3 and v.dep_ in ("ccomp", "conj", "xcomp", "advcl", "relcl") and v.head.i != v.i:
            v, steps = v.head, steps + 1
            for c in v.children:
                if c.dep_ == "nsubj" and c.i < tok.i and not ix.in_quote[c.i]:
                    ent = ix.entity_for_token(c)
                    if ent is not None and ent["label"] in ("ORG", "GPE"):
                        return ent
                    return None
        return None

    def _described_subject_before(self, doc: Doc, ix: _DocIndex, tok: Token) -> dict | None:
        """'The authority insisted the situation would ease. “...,” it said': the previous sentence's
        subject, a definite description of an organisation ('the authority'), is what "it" is, though
        another organisation was named after the one it describes."""
        sent = tok.sent
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN" or ix.in_quote[subj.i] \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            return None
        ref = self._resolve(doc, ix, subj)[0]
        return ref if ref is not None and ref.get("label") == "ORG" else None

    def _latest_org(self, ix: _DocIndex, pos: int, reach: int = 400) -> dict | None:
        """The organisation mentioned last before `pos`, within `reach` characters, outside quotes."""
        index = ix.entity_index
        i = bisect.bisect_left(index, (pos,))
        for s, _e, eid in reversed(index[:i]):
            if pos - s > reach:
                break
            ent = ix.entities.get(eid)
            if ent is not None and ent["label"] == "ORG" and not any(lo <= s < hi for lo, hi in ix.quote_chars):
                return self._ref(ix, eid, s, s)
        return None

    def _org_by_first_word(self, ix: _DocIndex, word: str) -> dict | None:
        """The one organisation whose name is or opens with this word ('Corvant' for 'Corvant
        Systems')."""
        found = [ent for ent in ix.entities.values() if ent["label"] == "ORG" and ent["mentions"]
                 and (ent["name"] == word or ent["name"].split()[0] == word)]
        if len(found) != 1:
            return None
        m = found[0]["mentions"][0]
        return self._ref(ix, found[0]["entity_id"], m["start"], m["end"])

    def _org_named(self, ix: _DocIndex, name: str) -> dict | None:
        """An organisation the NER tagged elsewhere under exactly this name ('Analysts at ING' where
        only 'ING analyst Sara Lind' was tagged)."""
        for ent in ix.entities.values():
            if ent["label"] == "ORG" and ent["name"] == name:
                m = ent["mentions"][0]
                return self._ref(ix, ent["entity_id"], m["start"], m["end"])
        return None

    def _subject_org(self, doc: Doc, ix: _DocIndex, tok: Token, sentences_back: int = 1,
                     company_names: bool = True) -> dict | None:
        """The latest organisation named as a clause subject in this sentence or the one before (or
        `sentences_back` before; outside quotes); for a company noun ("the company", "the airline"),
        not an institution; without `company_names`, not a name ending in a company word."""
        company = tok.lemma_.lower() in self.company_only_nouns
        sent = tok.sent
        for _ in range(sentences_back):
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
        lo = sent.start_char
        index = ix.entity_index
        for s, e, eid in reversed(index[:bisect.bisect_left(index, (tok.left_edge.idx,))]):
            if s < lo:
                break
            ent = ix.entities.get(eid)
            if ent is None or ent["label"] != "ORG" or ix.in_any_quote(s, e) or ent["name"] in self.news_agencies \
                    or not company_names and ends_in_company_word(ent["name"]):
                continue
            if company and not self.institution_words.isdisjoint(ent["name"].lower().split()):
                continue  # "The company, which produced ..., said" is not the union named just before
            h = doc[ix.token_at(e - 1)]
            for _ in range(3):  # the name, or the noun phrase it sits in ('The lender DNB')
                if h.dep_ in ("nsubj", "nsubjpass") or h.dep_ not in ("compound", "appos", "poss", "flat"):
                    break
                if h.dep_ == "compound" and h.head.lemma_.lower() not in self.organisation_nouns:
                    break  # a name qualifying another noun is not the subject ("Arabica coffee futures")
                h = h.head
            if h.dep_ in ("nsubj", "nsubjpass"):
                return self._ref(ix, eid, s, s)
        return None

    def _main_org(self, ix: _DocIndex, pos: int) -> dict | None:
        """The company the story is about (`entities.story_company`)."""
        found = story_company(ix.entities.values(), pos, self.institution_words, self.news_agencies)
        return self._ref(ix, found[0]["entity_id"], found[1]["start"], found[1]["start"]) if found else None

    def _org(self, ix: _DocIndex, lemma: str, pos: int, any_word: bool = True) -> dict | None:
        """The latest earlier organisation named with this head noun (any word of its name for
        the usual heads, 'ministry', 'police'; else its last word, 'brigade')."""
        best = None
        ahead = None  # the first one named in a later paragraph, for a lead that names it later
        lead = ix.text_para_rank(pos) <= 0  # the lead paragraph (a headline is -1)
        text = ix.text
        for ent in ix.entities.values():
            words = ent["name"].lower().split()
            if ent["label"] == "FAC" and words[-1] == lemma and len(words) > 1:
                named = True  # "the resort said" after "Summit Ridge Resort": the place's operator speaks
            elif ent["label"] != "ORG":
                continue
            else:
                # (or a compound head ending in it: "the bank" for "Donau Kreditbank")
                # or the head before "of" ("the federation" for "Federation of the Swiss Watch Industry")
                named = lemma in (words if any_word else words[-1:]) or compound_of(words[-1], lemma, self.company_nouns) \
                    or name_head(ent["name"]) == lemma
            for m in ent["mentions"]:
                # or introduced by the head noun: "the disaster agency AFAD", "the ratings agency Fitch"
                if not (named or _word_before(text, m["start"]) == lemma):
                    continue
                if m["start"] < pos and (best is None or m["start"] > best[0]):
                    best = (m["start"], ent["entity_id"])
                elif lead and pos < m["start"] < pos + _CATAPHORA_REACH and ix.para_of(m["start"]) > ix.para_of(pos) \
                        and (ahead is None or m["start"] < ahead[0]):
                    # "... will close indefinitely, the local council has said. ... East Marsh District
                    # Council said repairs could cost ..."
                    ahead = (m["start"], ent["entity_id"])
        best = best or ahead
        return self._ref(ix, best[1], best[0], best[0]) if best else None

    # ----------------------------------------------------------- direct quotes
    def _direct(self, doc: Doc, ix: _DocIndex, group: list[QuoteSpan]) -> dict | None:
        text = ix.text
        parts = [p for q in group for p in q.parts]
        first = group[0]
        qtoks: set[int] = set()
        for s, e in parts:
            qtoks.update(ix.tokens(s, e))
        marker = scare_marker(text, first.open_mark)
        if marker is not None and marker.startswith("the ") and qtoks and \
                doc[min(qtoks)].tag_ in ("VBZ", "VBD", "VBP", "MD") and doc[min(qtoks)].is_lower:
            marker = None  # 'said the report "confirms everything we alleged"': the report's verb, not its title
        content = " ".join(text[s:e] for s, e in parts)
        words = word_count(content)
        starts = starts_statement(text, first.open_mark)
        cue = self._syntactic_cue(doc, ix, qtoks)
        if starts:
            # 'the mother of three replied, “...”': the speech verb right before the mark wins
            cue = self._verb_before_mark(doc, ix, first.open_mark) or cue
        if starts and len(group) == 1 and len(first.parts) == 1:
            # '“...,” Trump said, after Quick said ...': the speech verb right after the mark wins
            cue = self._verb_after_mark(doc, ix, first) or cue
        naming = cue is not None and cue.lemma_.lower() in _NAMING_VERBS and any(
            doc[i].dep_ in ("oprd", "xcomp") and doc[i].head.i == cue.i for i in qtoks)
        if (cue is None or (cue.lemma_.lower() in self.weak and not self._replies(cue) and not naming)) and \
                (starts or words > self.max_scare):
            # (but 'called the result “a verdict on ...” and urged ...': calling it that is the statement)
            cue = self._adjacent_cue(doc, ix, group) or cue
        if cue is None and (starts or words > self.max_scare):
            cue = self._introducing_verb(doc, ix, group)
        if cue is None:
            # 'She went on: “...”', 'McConnell delivered a blunt message to Trump: “...”'
            m = _COLON_BEFORE.search(text, max(0, first.open_mark - 4), first.open_mark)
            if m is not None and m.end() == first.open_mark and \
                    ix.para_of(m.start()) == ix.para_of(first.open_mark):
                cue = self._colon_clause_cue(doc, ix, m.start())
        if cue is None and marker is None and not is_title_like(content):
            cue = self._sentence_cue(doc, ix, qtoks)
        if marker is not None and len(group) == 1 and words <= 6:
            return None  # so-called “SMO”, the film “Shark Tank”
        if not has_letters(content):
            return None  # an id or a number in marks
        if len(group) == 1 and is_nickname(text, first.open_mark, first.close_mark, content):
            return None  # Marcia “Cia” Price
        if len(group) == 1 and is_title_like(content) and names_a_work(text, first.open_mark):
            return None  # appeared on “Meet the Press”
        if len(group) == 1 and is_title_like(content) and self._named_thing(doc, ix, first.open_mark):
            return None  # the tour, called “One Last Howl”
        partial = not starts and not self._clausal(doc, ix, qtoks) and len(group) == 1 and len(first.parts) == 1
        item = {
            "text": content, "start": parts[0][0], "end": parts[-1][1],
            "parts": [{"text": text[s:e], "start": s, "end": e} for s, e in parts],
            "speaker": None, "speaker_text": None, "speaker_start": None, "speaker_end": None,
            "cue": None, "cue_start": None, "cue_end": None, "cue_token": None,
            "partial": partial, "direct": True,
        }
        para_lo = ix.paras[ix.para_of(first.open_mark)][0]
        label = self._turn_label(ix, parts[0][0]) if text[para_lo:first.open_mark].strip() == "" else None
        if label is not None:
            self._turn_speaker(doc, ix, item, label)  # '"PENCE: Well, look, ...'
        elif cue is not None:
            cue = self._outer_cue(ix, cue, partial)
            self._attribute(doc, ix, item, cue)
        else:
            self._colon_speaker(doc, ix, item, first.open_mark)
            if item["speaker_text"] is None and group[-1].close_mark is not None:
                self._dash_byline(doc, ix, item, group[-1].close_mark)
            if item["speaker_text"] is None and text[para_lo:first.open_mark].strip() == "":
                self._narrative_speaker(doc, ix, item, ix.para_of(first.open_mark))
            elif item["speaker_text"] is None and starts:
                self._lead_in_speaker(doc, ix, item, para_lo, first.open_mark)
            if item["speaker_text"] is None and not starts and words > self.max_scare and not is_title_like(content):
                # 'Sanders credited Clinton's victory to “a closed primary, ...”': a fragment in a
                # clause whose subject is a person or organisation is that subject's wording
                verb = self._clause_verb(doc, ix, qtoks)
                if verb is not None:
                    self._attribute(doc, ix, item, verb)
        # names and scare quotes: short or title-like, no cue; a title set off by commas ("The
        # band's album, 'Dogs of War', was voted ...") names a work and continues no one's speech
        title_slot = len(group) == 1 and is_title_like(content) and text[:first.open_mark].rstrip()[-1:] == ","
        short = words <= self.max_scare or (is_title_like(content) and (not starts or title_slot))
        item["_drop_if_unattributed"] = bool(short)
        item["_para"] = ix.para_of(first.open_mark)
        item["_starts_para"] = text[para_lo:first.open_mark].strip() == ""
        item["_starts_sent"] = starts and not title_slot
        return item

    @staticmethod
    def _named_thing(doc: Doc, ix: _DocIndex, open_mark: int) -> bool:
        """'The tour, called “One Last Howl”', 'a plan named “Clean Air”': a participle that
        names the noun it modifies right before the mark (not 'what he called “...”')."""
        t = ix.token_at(open_mark) - 1
        if t < 0 or ix.in_quote[t]:
            return False
        tok = doc[t]
        if tok.lemma_.lower() not in ("call", "name", "title", "dub"):
            return False
        # 'a project they call “Vigne 2050”': a relative clause with no relative pronoun names the
        # noun too (not 'the attacks, which he called “...”')
        return (tok.tag_ == "VBN" and tok.dep_ == "acl") or (
            tok.dep_ == "relcl" and not any(c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in tok.children))

    def _colon_speaker(self, doc: Doc, ix: _DocIndex, item: dict, open_mark: int) -> None:
        """Trump: “...” — a name (or pronoun) and a colon right before the quote, no verb."""
        m = _COLON_BEFORE.search(ix.text, max(0, open_mark - 4), open_mark)
        if m is None or m.end() != open_mark:
            return
        colon = m.start()
        t = ix.token_at(colon - 1)
        if t < 0 or ix.in_quote[t] or doc[t].idx + len(doc[t].text) != colon:
            return
        tok = doc[t]
        if not (tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in self.pronouns
                or (tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper())):
            return
        lo = t
        while lo - 1 >= 0 and doc[lo - 1].text[:1].isupper() and not doc[lo - 1].is_punct \
                and doc[lo - 1].idx >= ix.paras[ix.para_of(colon)][0]:
            lo -= 1
        para_lo = ix.paras[ix.para_of(colon)][0]
        before = [x for x in doc[t].sent if x.i < lo and x.idx >= para_lo]
        # 'HEADLINE - Mark Blumenthal and Jon Cohen: “...”': a label starts after a dash
        dash = max((k for k, x in enumerate(before) if x.text in _LABEL_DASHES
                    or (x.text[:1] in _LABEL_DASHES and x.text[1:2].isupper())), default=-1)
        before = before[dash + 1:]
        sent_words = [x for x in before if not x.is_punct and not x.is_space]
        # 'Former secretary of state Hillary Rodham Clinton: “...”' (no verb, not 'later on CNN:')
        verbless = tok.ent_type_ in ("PERSON", "ORG") and len(sent_words) <= 8 and \
            not any(x.pos_ in ("VERB", "AUX") for x in sent_words) and \
            not (sent_words and sent_words[-1].i == lo - 1 and sent_words[-1].pos_ == "ADP")
        if len(sent_words) > 3 and not verbless:
            return  # "The ad ends with Trump: ..." - a longer clause is not a speaker label
        ref, stext, s, e = self._resolve(doc, ix, tok)
        s = min(s, doc[lo].idx)
        item.update({"speaker": ref, "speaker_text": ix.text[s:e], "speaker_start": s, "speaker_end": e,
                     "cue": ":", "cue_start": colon, "cue_end": colon + 1, "cue_token": ix.token_at(colon)})

    def _narrative_speaker(self, doc: Doc, ix: _DocIndex, item: dict, para: int) -> None:
        """'He then had a question for the crowd. ¶ “Who's going to pay for it?”': a quote paragraph
        without a cue after a narrative paragraph (no quote in it) whose last sentence has a person
        as subject."""
        text = ix.text
        n = para - 1
        while n >= 0 and text[ix.paras[n][0]:ix.paras[n][1]].strip() == "":
            n -= 1
        if n < 0:
            return
        lo, hi = ix.paras[n]
        if DOUBLE_MARK_RE.search(text, lo, hi):
            return  # a quote paragraph before: the running speaker decides
        last = ix.token_at(lo + len(text[lo:hi].rstrip()) - 1)
        sent = doc[last].sent
        if sent.start_char < lo:
            return
        root = sent.root
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        if not subj or root.pos_ not in ("VERB", "AUX"):
            return
        tok = subj[0]
        if not (tok.ent_type_ in ("PERSON", "ORG") or self.pronouns.get(tok.lower_)):
            return
        ref, stext, s, e = self._resolve(doc, ix, tok)
        item.update({"speaker": ref, "speaker_text": stext, "speaker_start": s, "speaker_end": e})

    def _lead_in_speaker(self, doc: Doc, ix: _DocIndex, item: dict, para_lo: int, open_mark: int) -> None:
        """'Lee was defiant. “We did nothing wrong.”': a cue-less quote that opens a sentence after
        narrative text in its own paragraph (no quote before it there) takes the person or
        organisation that is the subject of the sentence just before it."""
        text = ix.text
        if text[:open_mark].rstrip()[-1:] not in ".!?" or DOUBLE_MARK_RE.search(text, para_lo, open_mark):
            return
        t_open = ix.token_at(open_mark)
        k = t_open - 1
        while k >= 0 and (doc[k].is_punct or doc[k].is_space):
            k -= 1
        if k < 0 or doc[k].idx < para_lo:
            return
        lo = max(doc[k].sent.start, ix.token_at(para_lo))
        subjects = [t for t in doc[lo:k + 1] if t.dep_ in ("nsubj", "nsubjpass") and lo <= t.head.i <= k
                    and t.head.pos_ in ("VERB", "AUX")]
        # the main clause's subject ('In response to the charge that she ..., she said ...': the second)
        subjects.sort(key=lambda t: t.head.dep_ != "ROOT")
        for t in subjects[:1]:
            if t.ent_type_ in ("PERSON", "ORG") or self.pronouns.get(t.lower_) or \
                    (not t.ent_type_ and t.pos_ == "PROPN" and ix.surname_ref(t)):
                ref, stext, s, e = self._resolve(doc, ix, t)
                item.update({"speaker": ref, "speaker_text": stext, "speaker_start": s, "speaker_end": e})

    def _dash_byline(self, doc: Doc, ix: _DocIndex, item: dict, close_mark: int) -> None:
        """“...” ― Sonya Herridge: a dash and a name right after the closing mark."""
        m = _DASH_BYLINE.match(ix.text, close_mark + 1) or _DASH_BYLINE_PARA.match(ix.text, close_mark + 1)
        if m is None:
            return
        t = ix.token_at(m.end())
        if t >= len(doc) or doc[t].idx not in (m.end(), m.start(1)):
            return  # (the tokenizer keeps '-President' whole)
        end = t
        while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ in _SPEAKER_LABELS) \
                and doc[end].idx < ix.paras[ix.para_of(m.end())][1]:
            end += 1
        if end == t:
            return
        s, e = m.end(), doc[end - 1].idx + len(doc[end - 1].text)
        ref = ix.entity_at(s, e) or ix.entity_at(doc[t].idx, e)
        dash = m.group(1)
        item.update({"speaker": ref, "speaker_text": ix.text[s:e], "speaker_start": s, "speaker_end": e,
                     "cue": dash, "cue_start": m.start(1), "cue_end": m.end(1),
                     "cue_token": ix.token_at(m.start(1))})

    def _clausal(self, doc: Doc, ix: _DocIndex, qtoks: set[int]) -> bool:
        """The quote is a whole clause: its head is a verb with its own subject inside the quote."""
        heads = ix.head_list
        for i in qtoks:
            if heads[i] in qtoks and heads[i] != i:
                continue
            tok = doc[i]
            if tok.dep_ in ("advcl", "relcl", "acl") and tok.head.i not in qtoks:
                continue  # 'had been "the better player when it mattered"': a clause of the sentence's
            if tok.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in qtoks for c in tok.children):
                return True
        return False

    def _trailing_speaker_phrase(self, doc: Doc, cue: Token) -> int | None:
        """The first token of a speaker phrase set off by commas right before a subjectless cue that
        ends its sentence ("..., Vistula's chief executive, Tomasz Wrobel, told a news conference."),
        when the parse made it an apposition: a person's name, climbed through the role it is in
        apposition to. None otherwise."""
        k = cue.i - 1
        if k < 2 or doc[k].text != "," or not _ends_its_sentence(cue):
            return None
        name = doc[k - 1]
        if name.ent_type_ != "PERSON" or name.dep_ != "appos":
            return None
        top = name
        while top.dep_ == "appos" and top.head.i < top.i and top.head.lemma_.lower() in self.roles:
            top = top.head
        start = top.left_edge.i
        return start if start > cue.sent.start + 2 and _after_comma(top) else None

    @staticmethod
    def _trailing_speaker(doc: Doc, cue: Token) -> Token | None:
        """'X deployed 500 volunteers, its chairman Richard Gordon said.': the parse hangs the
        speaker on the reported clause and leaves the cue without a subject; the noun phrase
        between the last comma and the cue speaks (its name, else its head noun)."""
        k = cue.i - 1
        while k >= 0 and cue.i - k <= 8 and (doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM") or (
                doc[k].lower_ in ("of", "-", "&") and k + 1 < cue.i and doc[k + 1].pos_ == "PROPN")):
            k -= 1  # (through a name's "of" and hyphen: "Port of Antwerp-Bruges")
        if k < 0 or doc[k].text != "," or k == cue.i - 1:
            return None
        run = doc[k + 1:cue.i]
        names = [t for t in run if t.pos_ == "PROPN"]
        if names:
            return names[-1]
        nouns = [t for t in run if t.pos_ == "NOUN"]
        return nouns[-1] if nouns else None

    def _titled_person_after(self, doc: Doc, i: int, end: int) -> Token | None:
        """The last token of a person named right after the organisation ending at `i` and a title
        ('Royals head coach Marlon Pascall'); None when no title and person follow."""
        k, titled = i + 1, False
        while k < end and k - i <= 4 and (doc[k].lower_ in self.roles or doc[k].lower_ in _TITLE_MODIFIERS):
            titled = titled or doc[k].lower_ in self.roles
            k += 1
        if not titled or k >= end or doc[k].ent_type_ != "PERSON":
            return None
        while k + 1 < end and doc[k + 1].ent_iob_ == "I" and doc[k + 1].ent_type_ == "PERSON":
            k += 1
        return doc[k]

    def _linear_speaker(self, doc: Doc, ix: _DocIndex, cue: Token, item: dict) -> Token | None:
        """When the parse gives the cue no subject: a name or pronoun between the quote and the
        cue ('“...,” Tulsa police Chief Chuck Jordan said'), or before the cue in its sentence
        ('Marc Morial, the chief executive, forcefully told ... “...”'), else right after it."""
        q_end = ix.token_at(item["end"])
        q_start = ix.token_at(item["start"])
        sent = cue.sent
        back = range(cue.i - 1, max(sent.start, cue.i - 16) - 1, -1)
        # inverted: 'mused Blaze co-host Stu Burguiere' (to the end of the noun phrase)
        fwd = range(cue.i + 1, min(sent.end, cue.i + 9))
        spans = [back, fwd]
        close = q_end + 1
        while close < cue.i and doc[close].text in DOUBLE_MARKS:
            close += 1
        if q_end < close < cue.i <= close + 7 and doc[close].lower_ in _NP_DETS and sent.start <= close:
            # '“...?” the 43-year-old asked', '“...” a narrator in the ad asks': a common-noun
            # speaker between the quote and its cue (the head noun, before any preposition)
            head = None
            for j in range(close + 1, cue.i):
                if doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or doc[j].text == "-":
                    if doc[j].pos_ != "NUM" and doc[j].text != "-":
                        head = doc[j]
                elif doc[j].pos_ == "ADP" and head is not None:
                    break
                else:
                    head = None
                    break
            if head is not None:
                return head
        if q_end < cue.i and cue.i - close <= 30:
            # '“...,” Trump, the GOP frontrunner ... after beating Cruz, said': the name right
            # after the quote, before the appositive's names
            spans.insert(0, range(close, cue.i))
            if 0 < cue.i - close <= 3 and all(doc[j].pos_ == "PROPN" for j in range(close, cue.i)):
                return doc[cue.i - 1]  # '“...,” Trump barked' (a name the NER missed)
        for span in spans:
            depth = 0
            for i in span:
                if q_start <= i <= q_end:
                    break
                tok = doc[i]
                if span is fwd and i > cue.i + 4 and (tok.pos_ in ("VERB", "AUX") or tok.is_punct):
                    break
                if tok.text in ("(", ")"):  # 'Gov. John Kasich (R-OH)': skip the party tag
                    depth += 1 if (tok.text == ")") == (span.step < 0) else -1
                    continue
                if ix.in_quote[i] or tok.text in DOUBLE_MARKS or depth > 0:
                    continue  # 'wearing “Ted Cruz” pins, said': another quote is no speaker
                if tok.ent_type_ == "NORP" and tok.dep_ in ("amod", "compound"):
                    head = tok.head  # 'the Democratic presidential candidate' / 'a fake Southern accent'
                    if not ix.in_quote[head.i] and (head.pos_ == "PROPN" or head.pos_ == "NOUN" and (
                            self._animate(head) or head.lemma_.lower() in self.person_nouns)):
                        return head
                    continue
                if tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in self.pronouns or (
                        not tok.ent_type_ and tok.pos_ not in ("PRON", "DET") and ix.surname_ref(tok)):
                    # the head of the name: its last token
                    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and not ix.in_quote[i + 1]:
                        i += 1
                    if span is fwd and tok.ent_type_ in ("ORG", "NORP"):
                        person = self._titled_person_after(doc, i, sent.end)
                        if person is not None:
                            return person  # 'said Royals head coach Marlon Pascall': the coach, not the club
                    return doc[i]
        # '“...,” said the woman, who ...': an inverted common-noun speaker the parse hung elsewhere
        if cue.i + 1 < sent.end and cue.i > 0 and doc[cue.i - 1].text in DOUBLE_MARKS and \
                doc[cue.i + 1].lower_ in ("one", "another") and not ix.in_quote[cue.i + 1] and \
                (cue.i + 2 >= len(doc) or doc[cue.i + 2].is_punct):
            return doc[cue.i + 1]  # '“...,” tweeted another.'
        if cue.i + 2 < sent.end and cue.i > 0 and doc[cue.i - 1].text in DOUBLE_MARKS and \
                doc[cue.i + 1].lower_ in _NP_DETS and not ix.in_quote[cue.i + 1]:
            last = None
            j = cue.i + 2
            while j < min(sent.end, cue.i + 10):
                if doc[j].pos_ in ("NOUN", "ADJ", "PROPN") and not ix.in_quote[j]:
                    last = doc[j]
                elif doc[j].lower_ in ("'s", "’s") and last is not None:
                    last = None  # "the rally's host": the possessed noun is the head
                elif not (doc[j].pos_ == "NUM" or doc[j].text == "-"):
                    break
                j += 1
            if last is not None and last.pos_ in ("NOUN", "PROPN", "ADJ"):
                # 'exhorted the rally's host, actress Jamie Curtis': the name in apposition
                if j + 1 < sent.end and doc[j].text == ",":
                    for k in range(j + 1, min(sent.end, j + 6)):
                        if doc[k].ent_type_ == "PERSON":
                            while k + 1 < sent.end and doc[k + 1].ent_iob_ == "I":
                                k += 1
                            return doc[k]
                        if doc[k].pos_ not in ("NOUN", "PROPN", "ADJ", "DET"):
                            break  # not ', which was attributed to ...'
                return last
        return None

    @staticmethod
    def _misattached_that(verb: Token) -> list[Token]:
        """'X told analysts on a conference call that demand would not recover', 'said in a
        statement that ...': the parser hangs the that-clause on the noun of the verb's phrase as a
        relative clause, or on the verb as an adverbial clause after an aside; 'that' as a
        conjunction (not a relative pronoun) with its own subject makes it the reported clause."""
        for c in verb.children:
            marks = [m for m in c.children if m.dep_ == "mark"] if c.dep_ == "advcl" and c.i > verb.i else []
            if len(marks) == 1 and marks[0].lower_ == "that" and marks[0].i > verb.i \
                    and marks[0].nbor(-1).lower_ not in ("so", "such", "now"):
                return [c]  # 'had said on Saturday, after a 3-0 loss, that he still had ...' read as an adverbial
            if c.dep_ == "dobj" and c.i > verb.i and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children) \
                    and _clause_read_as_noun(c):
                return [c]  # 'added that the offer valued Lemanis at ...', with "offer" read as the object
        for p in verb.children:
            if p.dep_ != "prep" or p.i < verb.i:
                continue
            for n in p.children:
                for c in n.children:
                    if c.dep_ in ("relcl", "acl") and c.i > n.i and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and any(
                            d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children):
                        return [c]
        return []

    def _attribute(self, doc: Doc, ix: _DocIndex, item: dict, cue: Token) -> None:
        if cue.lower_ == "according":
            to = next(c for c in cue.children if c.lower_ == "to")
            item["cue"] = ix.text[cue.idx:to.idx + len(to.text)]
            item["cue_start"], item["cue_end"] = cue.idx, to.idx + len(to.text)
        else:
            item["cue"] = cue.text
            item["cue_start"], item["cue_end"] = cue.idx, cue.idx + len(cue.text)
        item["cue_token"] = cue.i
        stok = self._speaker_token(cue, ix)
        if stok is None and item["direct"]:
            stok = self._linear_speaker(doc, ix, cue, item)
        elif stok is None and item["start"] < cue.idx:
            stok = self._trailing_speaker(doc, cue)
        elif stok is not None and not item["direct"] and item["start"] < cue.idx and stok.i < cue.i - 1:
            # '..., leaving 45 ships waiting off the coast, Port of Antwerp-Bruges said.': the parse
            # made a noun of the clause the subject; a name between the last comma and the cue speaks
            trail = self._trailing_speaker(doc, cue)
            if trail is not None and trail.i > stok.i and trail.pos_ == "PROPN" and ix.text.find(",", stok.idx, trail.idx) >= 0:
                stok = trail
        if (stok is None or not item["direct"] and item["start"] <= stok.idx < item["end"]) \
                and ix.appositive_name_before(cue.i):
            # "whose leader, Kiril Angelov, said", parsed with no subject; "It expects to cut ...,
            # its chief executive, Tomasz Wrobel, told ...", where the subject found is the clause's
            stok = doc[cue.i - 2]
        if stok is None or ix.in_quote[stok.i]:
            return
        ref, stext, s, e = self._resolve(doc, ix, stok)
        item["speaker"] = ref
        item["speaker_text"], item["speaker_start"], item["speaker_end"] = stext, s, e

    def _running_speakers(self, ix: _DocIndex, items: list[dict]) -> None:
        """A quote paragraph with no cue continues the speaker of the quote just before it (same
        paragraph or the paragraph before)."""
        prev = None
        for it in items:
            if it["cue"] is None and it["speaker_text"] is None and prev is not None and \
                    it["_starts_sent"] and prev["speaker_text"] is not None and \
                    it["_para"] - prev["_para"] <= 1 + self._blank_between(ix, prev["_para"], it["_para"]) and \
                    not _TAIL_CLAUSE.match(ix.text, it["parts"][-1]["end"]):
                # (a clause after the quote is an attribution we could not read, often in another
                # language: it names its own speaker, not the previous one)
                it["speaker"] = prev["speaker"]
                it["speaker_text"] = prev["speaker_text"]
                it["speaker_start"], it["speaker_end"] = prev["speaker_start"], prev["speaker_end"]
            if it["speaker_text"] is not None:
                prev = it
            elif not it["_drop_if_unattributed"]:
                prev = None if it["_starts_para"] is False else prev

    @staticmethod
    def _blank_between(ix: _DocIndex, a: int, b: int) -> int:
        text = ix.text
        return sum(1 for n in range(a + 1, b) if text[ix.paras[n][0]:ix.paras[n][1]].strip() == "")

    # ---------------------------------------------------------- reported speech
    def _indirect(self, doc: Doc, ix: _DocIndex, direct: list[dict]) -> list[dict]:
        # A partial quote inside the reported clause ('said the offer was “fair and generous” and
        # would ...') leaves the clause reported too: its cue and span block nothing; a clause
        # may hold it whole but not cut through it.
        used = {it["cue_token"] for it in direct if it["cue_token"] is not None and not it["partial"]}
        spans = [(it["start"], it["end"]) for it in direct if not it["partial"]]
        partials = [(it["start"], it["end"]) for it in direct if it["partial"]]
        out = []
        # candidates from the POS and LEMMA arrays: a Token object only for the few reporting verbs
        arr = doc.to_array([POS, LEMMA]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        verbs = numpy.flatnonzero(arr[:, 0] == VERB)
        strings = doc.vocab.strings
        wanted = self._indirect_lemmas
        for i, lemma in zip(verbs.tolist(), arr[verbs, 1].tolist(), strict=True):
            hit = wanted.get(lemma)
            if hit is None:  # lemma hashes are the same across Docs: the decision is memoised by hash
                hit = wanted[lemma] = strings[lemma].lower() in self.indirect_verbs
            if not hit or i in used or ix.in_quote[i]:
                continue
            tok = doc[i]
            gap = None  # the cue's own words inside what it reports
            particle = self.indirect_phrasal.get(tok.lemma_.lower())
            if particle is not None and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
                continue  # 'pointed to rising costs' reports nothing; 'pointing out that ...' does
            head = tok.head
            if tok.dep_ == "xcomp" and head.lemma_.lower() in _NOT_DONE:
                continue  # 'asked SkyWest to explain what it had offered', 'declined to say whether ...'
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (tok.dep_ == "parataxis" or tok.dep_ == "advcl" and _trailing_telling(tok, subj)) \
                    and head.i < tok.i and subj is not None and head.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
                # "The economy added 303,000 jobs, the Labor Department said, well above ...": the
                # attribution is parenthetical; what was said is the clause before it
                lo, hi = head.left_edge.i, subj.left_edge.i
            elif tok.dep_ == "conj" and head.i < tok.i and head.pos_ in ("VERB", "AUX") \
                    and (near := _nearest_subject(tok)) is not None and _after_comma(near) \
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children) \
                    and not any(c.dep_ in ("ccomp", "xcomp", "cc") or c.dep_ == "dobj" and tok.lemma_ != "tell"
                                for c in tok.children) \
                    and _ends_its_sentence(tok):
                # "Exports fell 9.4% to 1.83 billion francs, their fifth monthly decline, as shipments
                # collapsed, the federation said on Thursday": a trailing attribution the parse joined
                # to the clause as a second verb (with "decline" as a second subject); what was said
                # is everything before its subject nearest the verb (and "..., regional governor Oksana
                # Hryhorenko told reporters": the one told is no clause)
                lo, hi = head.left_edge.i, near.left_edge.i
            elif subj is None and tok.dep_ in ("ccomp", "conj", "parataxis") and head.i < tok.i \
                    and not any(c.dep_ == "ccomp" for c in tok.children) \
                    and (start := self._trailing_speaker_phrase(doc, tok)) is not None:
                # "It expects to cut around 3,000 jobs ..., Vistula's chief executive, Tomasz Wrobel,
                # told a news conference": the speaker parsed as an apposition to the clause's last
                # noun and the cue as its complement; what was said is everything before the speaker
                lo, hi = tok.sent.start, start - 1
            elif (pair := _first_of_two_subjects(tok)) is not None:
                # "The gondola halted at about 2:40 p.m., when a gust tripped a sensor, resort
                # spokeswoman Kelsey Brandt said": the clause parsed as a first subject (its verb as a
                # modifier of "gondola"); what was said is everything before the speaker
                lo, hi = pair[0].left_edge.i, pair[1].left_edge.i
            elif tok.dep_ == "parataxis" and head.i > tok.i and subj is not None and head.pos_ in ("VERB", "AUX") \
                    and subj.i > head.left_edge.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < subj.i
                                                           for c in head.children) \
                    and doc[subj.left_edge.i - 1].text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
                # "The budget deficit, she added, should narrow to 3.5%": the cue set inside the
                # clause it reports; what was said is the clause around it
                lo, hi = head.left_edge.i, head.right_edge.i + 1
                gap = (doc[subj.left_edge.i - 1].idx, doc[tok.i + 1].idx + 1)
            elif tok.dep_ == "parataxis" and head.i > tok.i and subj is not None and (before := next((
                    c for c in head.children if c.dep_ == "ccomp" and c.i < subj.i and c.right_edge.i < subj.i
                    and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)) is not None:
                # "New signs will be installed by March, the council said, roughly a third of which
                # will come from ...": the parse hangs the clause before the cue on the relative after it
                lo, hi = before.left_edge.i, before.right_edge.i + 1
            elif tok.dep_ in ("parataxis", "relcl", "acl") and subj is not None \
                    and (comma := _attribution_comma(doc, tok)) is not None:
                # "Consumer prices rose 2.27%, the institute said, the smallest rise in a year", "..., the
                # state weather agency PAGASA said, before weakening": a trailing attribution the parse
                # hung on a noun after it or took for a relative clause; what was said is the clause before
                lo, hi = tok.sent.start, comma
            else:
                comps = [c for c in tok.children if c.dep_ == "ccomp"] or self._misattached_that(tok)
                split = list(comps)
                if len(comps) > 1:
                    # ('told BBC Radio Leeds that residents had been consulted': the parse also calls the
                    # addressee a clausal complement; a clause has a verb)
                    comps = [c for c in comps if c.pos_ in ("VERB", "AUX")] or comps
                if len(comps) > 1:
                    # 'Critics called it “slow”; one said customers should ...': a clause closed by a
                    # semicolon before the verb is not what it reports. Any ';' in the text between
                    # the clause's verb and the cue counts, not only one hung on the cue as in
                    # _syntactic_cue's climb (which starts inside a quote, whose own ';' must not count)
                    comps = [c for c in comps if c.i > tok.i or ix.text.find(";", c.idx, tok.idx) < 0]
                if not comps:
                    continue
                comp = comps[0]
                if subj is None and comp.i < tok.i and comps[-1].i > tok.i and ix.appositive_name_before(tok.i):
                    # "Soundwave, whose chief executive, Jonas Berg, said the ruling came too late",
                    # parsed with no subject and the sentence before as a second complement
                    comp = comps[-1]
                lo, hi = comp.left_edge.i, comp.right_edge.i + 1
                # "He said goods worth more than €2 billion were stuck": the parse made the subject's
                # phrase a complement of its own, right before the verb's
                pieces = [c for c in split if tok.i < c.i < comp.i and c.pos_ not in ("VERB", "AUX")
                          and c.right_edge.i + 1 >= lo and any(g.dep_ == "nsubj" for g in c.children)]
                if pieces and comp.i > tok.i:
                    lo = min(c.left_edge.i for c in pieces)
                if not pieces and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children) \
                        and not _finite_that_clause(comp, tok):
                    # 'The council said average journey times on several routes had risen by 9%',
                    # parsed with the clause's subject as the verb's object: the object is the subject
                    obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < comp.i), None)
                    if obj is None or tok.lemma_.lower() not in _NO_ADDRESSEE or obj.pos_ not in ("NOUN", "PROPN"):
                        continue
                    lo = obj.left_edge.i
                if comp.dep_ == "advcl":  # the clause from its "that", not an aside hung on its verb
                    lo = next(m.i for m in comp.children if m.dep_ == "mark")
            item = self._reported(doc, ix, tok, lo, hi, spans, partials, gap)
            if item is not None:
                out.append(item)
        out.extend(self._according_to(doc, ix, used, spans, partials))
        return out

    def _according_to(self, doc: Doc, ix: _DocIndex, used: set[int], spans: list[tuple[int, int]],
                      partials: list[tuple[int, int]]) -> list[dict]:
        """'The talks are over, according to Foreign Minister José Albares': the clause is what the
        person or organisation said, when 'according to' opens or closes it (not 'according to
        LSEG data': a thing is a source, not a speaker; but 'data compiled by X' is X's)."""
        out = []
        text = ix.text
        k = text.find("ccording to")
        while k >= 0:
            t = ix.token_at(k - 1)
            k = text.find("ccording to", k + 1)
            tok = doc[t]
            if tok.lower_ != "according" or t in used or ix.in_quote[t] or tok.dep_ != "prep":
                continue
            head = tok.head
            if _name_root_after(tok):
                # '..., according to the national statistics agency INEGI.', parsed with the name as
                # the sentence's root: the clause before is the root's verb child
                head = next((c for c in head.children if c.i < tok.i and c.pos_ in ("VERB", "AUX")
                             and c.dep_ in ("ccomp", "advcl", "parataxis", "dep")), None)
                if head is None:
                    continue
            while head.dep_ == "conj" and head.head.i < head.i and head.pos_ in ("VERB", "AUX"):
                head = head.head  # '4 people were killed and 31 injured, according to ...': the whole clause
            pobj = self._speaker_token(tok, ix)
            if pobj is None or head.pos_ not in ("VERB", "AUX") or pobj.pos_ not in ("NOUN", "PROPN") or \
                    not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and not ix.in_quote[c.i] for c in head.children):
                continue
            lo, hi = head.left_edge.i, head.right_edge.i + 1
            a, b = tok.i, tok.right_edge.i + 1
            if a == lo:
                lo = b  # 'According to the ministry, 40 people were arrested'
            elif all(doc[j].is_punct or doc[j].is_space for j in range(b, hi)):
                hi = a  # '..., according to the minister.'
            elif self._clause_joined_after(doc, head, b, hi):
                hi = a  # '40 vessels were anchored, according to the authority, and some had waited days'
            else:
                continue  # in the middle of its clause: the content would be cut in two
            item = self._reported(doc, ix, tok, lo, hi, spans, partials)
            if item is not None:
                out.append(item)
        return out

    @staticmethod
    def _clause_joined_after(doc: Doc, head: Token, b: int, hi: int) -> bool:
        """Tokens [b, hi) after an 'according to' phrase are ', and' and a clause of its own, joined
        to the verb the phrase hangs on."""
        j = b
        while j < hi and (doc[j].is_punct or doc[j].is_space):
            j += 1
        return (j < hi and j > b and doc[j].dep_ == "cc" and doc[j].head.i == head.i
                and any(c.dep_ == "conj" and c.i > j and c.pos_ in ("VERB", "AUX") for c in head.children))

    @staticmethod
    def _named_marks_only(ix: _DocIndex, s: int, e: int) -> bool:
        """Every double mark in [s, e) opens or closes a paired quote inside it that is no statement
        (the direct quotes are checked apart): 'an investigation code-named “Operation Nightjar”'."""
        inner = {c for lo, hi in ix.quote_chars if s <= lo and hi <= e for c in (lo, hi - 1)}
        return all(m.start() in inner for m in DOUBLE_MARK_RE.finditer(ix.text, s, e))

    def _reported(self, doc: Doc, ix: _DocIndex, cue: Token, lo: int, hi: int,
                  spans: list[tuple[int, int]], partials: list[tuple[int, int]] = (),
                  gap: tuple[int, int] | None = None) -> dict | None:
        """The `direct: false` statement of tokens [lo, hi) reported by `cue`, or None (too short,
        holding quote marks, overlapping a direct quote, or no speaker)."""
        while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        if lo == cue.i + 1:
            # "Boeing said on Monday it would cut output": when it was said, not what
            k = lo + 1 if doc[lo].lower_ == "on" else lo
            while k < hi and doc[k].ent_type_ in ("DATE", "TIME") and doc[k].dep_ != "poss" \
                    and (k + 1 >= len(doc) or doc[k + 1].tag_ != "POS"):
                k += 1
            if k > lo and (doc[lo].lower_ == "on" or DAY_WORD.fullmatch(doc[lo].text)) and k < hi - 1:
                lo = k
        if lo < hi and doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that", "whether"):
            lo += 1  # the complementizer; 'after' in 'said that after X visited, Y stopped' is content
        while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
            lo += 1
        for j in range(lo + 2, hi):
            if doc[j].tag_ == "VBG" and doc[j].dep_ == "advcl" and doc[j - 1].text == "," and j != cue.i \
                    and self._is_cue(doc[j]):
                hi = j - 1  # '..., adding that ...', '..., calling the ruling “...”': an act of speech of its own
                break
        while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text != "%" or doc[hi - 1].is_space
                           or doc[hi - 1].dep_ == "cc"):
            hi -= 1  # (a closing "%" is the figure's: 'Prices rose 5%, according to ...')
        if hi - lo < 2:
            return None
        s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if DOUBLE_MARK_RE.search(ix.text, s, e):
            # the closing mark of a quote that ends the content stays with it
            e = next((qhi for qlo, qhi in ix.quote_chars if s <= qlo < e < qhi and not ix.text[e:qhi - 1].strip(" .,;:!?")), e)
            if not self._named_marks_only(ix, s, e):
                return None
        if any(a < e and s < b for a, b in spans) or any(a < e and s < b and not (s <= a and b <= e) for a, b in partials):
            return None
        parts = [(s, e)] if gap is None or not s < gap[0] < gap[1] < e else \
            [_strip_span(ix.text, s, gap[0]), _strip_span(ix.text, gap[1], e)]
        item = {
            "text": " ".join(ix.text[a:b] for a, b in parts), "start": s, "end": e,
            "parts": [{"text": ix.text[a:b], "start": a, "end": b} for a, b in parts],
            "speaker": None, "speaker_text": None, "speaker_start": None, "speaker_end": None,
            "cue": None, "cue_start": None, "cue_end": None, "cue_token": None,
            "partial": False, "direct": False,
        }
        self._attribute(doc, ix, item, cue)
        if item["speaker_text"] is None:
            return None
        if len(parts) == 1 and s < item["speaker_start"] < e:
            # the speaker the parse hung on the reported clause ('..., its chairman Richard Gordon said'):
            # the content ends before it
            cut = ix.text.rfind(",", s, item["speaker_start"])
            e = len(ix.text[s:cut].rstrip()) + s if cut > s else e
            if e - s < 3:
                return None
            item.update({"text": ix.text[s:e], "end": e, "parts": [{"text": ix.text[s:e], "start": s, "end": e}]})
        item.update({"_para": ix.para_of(s), "_starts_para": False, "_starts_sent": False,
                     "_drop_if_unattributed": False})
        return item


@Language.factory("newsevents_quotes", default_config={"indirect": True, "max_climb": 4})
def make_quotes(nlp: Language, name: str, indirect: bool, max_climb: int) -> Callable[[Doc], Doc]:
    _register_extensions()
    return QuoteExtractor(indirect=indirect, max_climb=max_climb)


__all__ = ["QuoteExtractor", "make_quotes", "entity_at"]


def _subject_of_sentence_before(doc: Doc, name: Token, pronoun: Token) -> bool:
    """`name` is the main-clause subject of the sentence right before the pronoun's ("Price, who was
    drafted in 2017, took to Instagram late Thursday. [new paragraph] “Nine years, one city,” he
    wrote."): the antecedent news writing means, even across a paragraph break; but not someone who
    "declined to comment" or "did not respond", who is not the one speaking next."""
    sent = pronoun.sent
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    verb = name.head
    return name.sent.start == before.start and name.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT" \
        and verb.lemma_ not in ("decline", "refuse") and not any(c.dep_ == "neg" for c in verb.children)
