import json

import pytest

from pipeline.ingest import (
    UsageError,
    default_article_id,
    expand_inputs,
    normalize_published,
    read_inputs,
    split_header,
)


def test_split_header_reads_known_keys_only():
    meta, body = split_header("Title: A\nDate: 2026-06-13\nID: x1\n\n The body.\n")
    assert meta == {"title": "A", "published": "2026-06-13", "id": "x1"}
    assert body == " The body.\n"


def test_first_paragraph_with_colon_is_not_a_header():
    text = "Warning: storms ahead today.\n\nSecond paragraph."
    assert split_header(text) == ({}, text)


def test_normalize_published():
    assert normalize_published("2026-06-13T08:00:00Z") == ("2026-06-13", None)
    assert normalize_published("June 13, 2026") == ("2026-06-13", None)
    assert normalize_published(None) == (None, None)
    value, warning = normalize_published("someday")
    assert value is None and "someday" in warning


def test_txt_and_jsonl_items(tmp_path):
    (tmp_path / "a.txt").write_text("Title: T\nPublished: 2026-01-02\n\nText one.", encoding="utf-8")
    lines = [
        json.dumps({"id": 7, "text": "Text two.", "published": "2026-02-03"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": "Text three."}),
    ]
    (tmp_path / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs(expand_inputs([str(tmp_path)])))
    assert [(i.line, i.ok) for i in items] == [
        (None, True), (1, True), (2, False), (3, False), (4, False), (6, True)]
    assert items[0].title == "T" and items[0].published == "2026-01-02" and items[0].text == "Text one."
    assert items[1].article_id == "7"
    assert items[2].error_stage == "parse"
    assert items[3].error == "missing field 'text' (or 'body', 'content', 'maintext', 'article_text')"
    assert items[5].article_id == default_article_id("Text three.")


def test_undecodable_binary_and_empty(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    items = {i.path.rsplit("/", 1)[1]: i for i in read_inputs(expand_inputs([str(tmp_path)]))}
    assert items["bad.txt"].error.startswith("undecodable bytes: not valid UTF-8 at byte 3")
    assert items["bin.txt"].error_stage == "decode" and "binary" in items["bin.txt"].error
    assert items["empty.txt"].error == "empty article text"


def test_glob_and_missing(tmp_path):
    (tmp_path / "x.txt").write_text("Hello.", encoding="utf-8")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [str(tmp_path / "x.txt")]
    with pytest.raises(UsageError):
        expand_inputs([str(tmp_path / "missing.txt")])


def test_jsonl_fields_under_the_names_feeds_use(tmp_path):
    lines = [
        {"guid": "g1", "headline": "H", "body": "Body text.", "pubDate": "Thu, 12 Mar 2026 10:00:00 GMT",
         "link": "https://example.org/a", "source": {"name": "Example Wire"}},
        {"id": "i2", "content": "Content text.", "date": "2026-03-12T23:30:00-05:00"},
        {"id": "i3", "text": "Text wins.", "body": "Not this.", "published": "March 12, 2026"},
        {"id": "i4", "body": 42},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "feed.jsonl")]))
    first = items[0]
    assert (first.article_id, first.title, first.text, first.published, first.url, first.source_name) == (
        "g1", "H", "Body text.", "2026-03-12", "https://example.org/a", "Example Wire")
    assert (items[1].text, items[1].published) == ("Content text.", "2026-03-12")
    assert (items[2].text, items[2].published) == ("Text wins.", "2026-03-12")
    assert (items[3].error_stage, items[3].error) == ("ingest", "field 'body' is not a string")


@pytest.mark.parametrize("text,expected", [
    ("Port strike\n\nANTWERP, Belgium, June 9, 2026 (Reuters) - Dock workers", "2026-06-09"),
    ("Headline\n\nBIRMINGHAM, England, Oct. 14, 2026 (Reuters) - A former", "2026-10-14"),
    ("NEW YORK, Sept. 8, 2026 -- Stocks rose", "2026-09-08"),
    ("LONDON, 12 March 2026 — The Bank of England", "2026-03-12"),
    ("ST. LOUIS, Missouri, Tuesday, May 5, 2026 (AP) — Voters", "2026-05-05"),
    ("WASHINGTON, Feb 12 (Reuters) - No year, no date", None),
    ("He said on March 12, 2026 - that is no dateline", None),
    ("LIMA, Feb. 30, 2026 (Reuters) - not a day", None),
    ("One\n\nTwo\n\nThree\n\nFour\n\nPARIS, March 3, 2026 - too far down to be the dateline", None),
])
def test_dateline_date(text, expected):
    from pipeline.ingest import dateline_date
    assert dateline_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Port strike halts traffic at Antwerp\n\nANTWERP, June 9, 2026 (Reuters) - Dock workers", "Port strike halts traffic at Antwerp"),
    ("'We will rebuild', says mayor\n\nThe mayor said", "'We will rebuild', says mayor"),
    ("The council met on Monday.\n\nIt approved the budget.", None),  # a sentence, not a headline
    ("Only one paragraph without a full stop", None),
    ("first line in lower case\n\nBody.", None),
])
def test_first_line_headline(text, expected):
    from pipeline.ingest import first_line_headline
    assert first_line_headline(text) == expected


def test_a_text_file_without_a_title_header_takes_its_headline_line(tmp_path):
    from pipeline.ingest import read_text_article
    item = read_text_article("a.txt", b"Port strike halts traffic\n\nANTWERP, June 9, 2026 (Reuters) - Dock workers.")
    assert (item.title, item.text[:4]) == ("Port strike halts traffic", "Port")
    item = read_text_article("b.txt", b"Title: Given\n\nPort strike halts traffic\n\nDock workers walked out.")
    assert item.title == "Given"
