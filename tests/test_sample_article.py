"""Issue 4's acceptance checks on the user's sample article (skips when ../shared is absent)."""

import pytest

from pipeline.ingest import read_inputs

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def sample(full_nlp):
    if not SAMPLE.exists():
        pytest.skip(f"shared sample not present: {SAMPLE}")
    from pipeline.runner import process_items

    items = list(read_inputs([str(SAMPLE)]))
    outcome = next(process_items(items, full_nlp))
    assert outcome.article is not None, outcome.error
    return outcome.article, outcome.events


def _date(article, text):
    return next(d for d in article["dates"] if d["text"] == text)


def _quantity(article, text):
    return next(q for q in article["quantities"] if q["text"] == text)


def test_published_from_header(sample):
    article, _ = sample
    assert article["published"] == "2026-06-13" and article["published_from"] == "metadata"


@pytest.mark.parametrize("text,type_,value", [
    ("June 2025", "DATE", "2025-06"),
    ("February 28", "DATE", "2026-02-28"),
    ("April 8", "DATE", "2026-04-08"),
    ("five-hour", "DURATION", "PT5H"),
])
def test_dates(sample, text, type_, value):
    date = _date(sample[0], text)
    assert (date["type"], date["value"]) == (type_, value)


def test_date_ranges(sample):
    article = sample[0]
    assert _date(article, "June 2025")["range"] == {"start": "2025-06-01", "end": "2025-06-30"}
    assert _date(article, "five-hour")["range"] is None


def test_quantities(sample):
    article = sample[0]
    missiles = _quantity(article, "nearly 30")
    assert (missiles["value"], missiles["approx"], missiles["counted"]) == (30, "approx", "ballistic missiles")
    assert _quantity(article, "90%")["kind"] == "percent"
    times = _quantity(article, "at least 38")
    assert (times["value"], times["approx"], times["counted"]) == (38, "lower", "times")
    assert _quantity(article, "65")["counted"] == "active conflicts"
    texts = {q["text"] for q in article["quantities"]}
    assert not texts & {"five-hour", "June 11", "2025", "12-day"}


def test_entities(sample):
    article = sample[0]
    by_name = {e["name"]: e for e in article["entities"]}
    assert by_name["Trump"]["label"] == "PERSON"
    assert "Context" not in by_name
    assert not any("Secret" in name for name in by_name)


def test_quotes(sample):
    article, events = sample
    quotes = {q["text"]: q for q in article["quotes"]}
    peskov = quotes["the content of these talks will definitely not be made public."]
    assert peskov["speaker"]["name"] == "Dmitry Peskov" and peskov["cue"] == "confirmed"
    for text in ("VERY HARD", "ended the war"):
        assert quotes[text]["partial"] is True
        assert quotes[text]["speaker"]["name"] == "Trump"
    assert "SMO" not in quotes
    statements = [e["quote"]["text"] for e in events if e["type"] == "statement"]
    # one statement per act of speech: the partial quote, or the reported clause that holds it
    assert "VERY HARD" in statements
    assert "he had ”ended the war”" in statements and "ended the war" not in statements


def test_events_reference_offsets(sample):
    article, events = sample
    text = article["text"]
    for ev in events:
        for ref in ev["actors"] + ev["targets"] + ev["where"]:
            assert text[ref["start"]:ref["end"]] == ref["text"]
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    strike = next(e for e in events if e["trigger"]["text"] == "launched")
    assert [a["name"] for a in strike["actors"]] == ["US", "Israel"]
    assert [t["name"] for t in strike["targets"]] == ["Iran"]
    assert strike["when"]["value"] == "2025-06"
