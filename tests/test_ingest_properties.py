"""Property-based tests (hypothesis): ingestion and offset-preserving normalization never crash, and
every offset points at its text, whatever the unicode, control characters, newlines or quote marks."""

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import InputItem, article_item, decode_bytes, read_jsonl_articles, split_header
from pipeline.runner import process_items, split_for_nlp
from pipeline.textclean import clean_for_nlp
from pipeline.validate import offset_errors

NEWLINES = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‟", "‹", "›", "`", "´", "″"]
ODD = ["\u200b", "\u00a0", "\ufeff", "\x00", "\x07", "\x1b", "\ufffd", "►", "•", "\t", "\u3000", "\u202f"]
WORDS = ["Israel", "struck", "Lebanon", "Donald Trump", "said", "the", "U.S.", "Iran", "on", "Tuesday",
         "Dmitry Peskov", "confirmed", "nearly 30 missiles", "90%", "at least 38 times", "June 2025",
         "ended the war", "VERY HARD", "Ms.", "Paris", "$4.5 billion", "a year ago", "five-hour", "."]

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(NEWLINES), st.sampled_from(QUOTES),
                               st.sampled_from(ODD), st.just(" "), st.text(max_size=6)),
                     min_size=1, max_size=80).map("".join)


@given(any_text | news_like)
def test_clean_for_nlp_is_one_for_one(text):
    cleaned = clean_for_nlp(text)
    assert len(cleaned) == len(text)
    assert all(c == o or c == " " for c, o in zip(cleaned, text, strict=True))
    assert "\r" not in cleaned
    assert clean_for_nlp(cleaned) == cleaned  # idempotent


@given(any_text | news_like, st.integers(min_value=8, max_value=120))
def test_split_for_nlp_covers_the_text(text, max_chars):
    pieces = split_for_nlp(text, max_chars)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(text[base:base + len(chunk)] == chunk and len(chunk) <= max_chars for base, chunk in pieces)
    assert all(chunk for _, chunk in pieces) or text == ""


@given(st.binary(max_size=600) | (any_text | news_like).map(lambda t: t.encode("utf-8")))
def test_decode_bytes_never_crashes(data):
    text, err = decode_bytes(data)
    assert (text is None) != (err is None)
    if text is not None:
        assert data.decode("utf-8-sig") == text


@given(any_text | news_like)
def test_split_header_body_is_a_suffix(content):
    meta, body = split_header(content)
    assert content.endswith(body)
    assert set(meta) <= {"title", "published", "source_name", "url", "id"}
    if not meta:  # no header: at most a leading blank line is dropped
        assert content[:len(content) - len(body)].strip() == ""


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
                           max_leaves=8)


@given(st.lists(st.binary(max_size=80)
                | st.dictionaries(st.sampled_from(["id", "text", "title", "published", "url", "source"]),
                                  json_values | news_like).map(lambda d: json.dumps(d).encode()),
                max_size=8))
def test_jsonl_reader_accounts_for_every_line(lines):
    raw = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines) + b"\n"
    items = list(read_jsonl_articles("x.jsonl", io.BytesIO(raw)))
    non_blank = [i for i, line in enumerate(raw.split(b"\n")[:-1], start=1) if line.strip()]
    assert [item.line for item in items] == non_blank
    for item in items:
        assert item.ok or (item.error_stage in {"decode", "parse", "ingest"} and item.error)
        if item.ok:
            assert item.text.strip() and item.article_id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(news_like | any_text)
def test_every_offset_points_at_its_text(full_nlp, text):
    item = article_item(InputItem(path="p"), text, {"published": "2026-06-13"})
    outcome = next(process_items([item], full_nlp))
    if not text.strip():
        assert outcome.error["stage"] == "ingest"
        return
    assert outcome.error is None, outcome.error
    article = outcome.article
    assert article["text"] == text
    assert offset_errors(article) == []
    for quote in article["quotes"]:
        for part in quote.get("parts", []):
            assert text[part["start"]:part["end"]] == part["text"]
    for ev in outcome.events:
        s = ev["sentence"]
        assert text[s["start"]:s["end"]] == s["text"]
        t = ev["trigger"]  # null for a quote without a speech cue
        assert t is None or text[t["start"]:t["end"]] == t["text"]
        for ref in ev["actors"] + ev["targets"] + ev["where"]:
            assert text[ref["start"]:ref["end"]] == ref["text"]
