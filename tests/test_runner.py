"""Batch runner: order, accounting, bad input, long articles."""

import json

import pytest

from pipeline.ingest import InputItem, article_item
from pipeline.runner import process_items, run_batch, split_for_nlp
from pipeline.validate import validate_dir


def test_split_for_nlp_keeps_offsets():
    text = ("Para one is here.\n\n" * 30) + "Tail."
    pieces = split_for_nlp(text, max_chars=100)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(text[base:base + len(chunk)] == chunk for base, chunk in pieces)
    assert all(len(chunk) <= 100 for _, chunk in pieces)
    assert all(chunk.endswith("\n\n") for _, chunk in pieces[:-1])


def _item(text, **meta):
    return article_item(InputItem(path="t"), text, meta)


def test_outcomes_in_input_order_with_errors(full_nlp):
    bad = InputItem(path="t", error_stage="parse", error="malformed JSON")
    items = [_item("Israel struck Lebanon on Tuesday.", id="a"), bad, _item("Paris is calm.", id="b")]
    outcomes = list(process_items(items, full_nlp))
    assert [o.article["article_id"] if o.article else o.error["stage"] for o in outcomes] == ["a", "parse", "b"]


def test_long_article_split_and_offsets(full_nlp):
    para = "Israel struck Lebanon. The ministry said it would respond.\n\n"
    text = para * 40
    outcome = next(process_items([_item(text, id="long")], full_nlp, max_chunk_chars=500))
    article = outcome.article
    assert article["counts"]["sentences"] == 80
    israel = next(e for e in article["entities"] if e["name"] == "Israel")
    assert len(israel["mentions"]) == 40
    assert all(text[m["start"]:m["end"]] == "Israel" for m in israel["mentions"])
    sents = [ev["sentence"] for ev in outcome.events]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in sents)
    assert len({ev["event_id"] for ev in outcome.events}) == len(outcome.events)


def test_bad_inputs_all_accounted(tmp_path, full_nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Published: 2026-06-13\n\nIsrael struck Lebanon yesterday.", encoding="utf-8")
    (src / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    lines = ['{"id": "j1", "text": "Paris is calm."}', '{"id": "j2", "text": ', '{"id": "j3"}',
             '{"id": "j4", "text": 5}']
    (src / "w.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([str(src)], out, full_nlp, "test-model", progress=False)
    assert (summary.read, summary.ok, summary.failed) == (8, 2, 6)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((e["source"]["path"].rsplit("/", 1)[1], e["source"]["line"], e["stage"]) for e in errors) == [
        ("binary.txt", None, "decode"), ("empty.txt", None, "ingest"), ("latin1.txt", None, "decode"),
        ("w.jsonl", 2, "parse"), ("w.jsonl", 3, "ingest"), ("w.jsonl", 4, "ingest")]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["read"] == manifest["counts"]["ok"] + manifest["counts"]["failed"] == 8
    checked, problems = validate_dir(out)
    assert problems == []
    assert not list(out.glob(".*.tmp"))


def test_five_megabyte_article(tmp_path):
    """Over spaCy's max_length: split on paragraphs, offsets stay right. A parser-less pipeline
    keeps this test fast; the splitting is the same whatever the model."""
    import spacy

    import pipeline.components.entities  # noqa: F401
    import pipeline.components.events  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsevents_entities")
    nlp.add_pipe("newsevents_events")
    big = ("The council met in Leeds on Monday and approved the budget. " * 60 + "\n\n") * 1400
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    summary = run_batch([str(tmp_path / "big.txt")], tmp_path / "out", nlp, "blank", progress=False)
    assert (summary.read, summary.ok, summary.failed) == (1, 1, 0)
    record = json.loads((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8"))
    assert len(record["text"]) == len(big) > 5_000_000 > nlp.max_length
    # every sentence is found (chunk edges add a few whitespace-only segments, never lose one)
    assert 60 * 1400 <= record["counts"]["sentences"] < 60 * 1400 + 100


def test_deterministic_output(tmp_path, full_nlp):
    src = tmp_path / "a.txt"
    src.write_text("Published: 2026-06-13\n\n“We will rebuild,” the mayor said. Israel struck Lebanon.", encoding="utf-8")
    run_batch([str(src)], tmp_path / "o1", full_nlp, "m", progress=False)
    run_batch([str(src)], tmp_path / "o2", full_nlp, "m", progress=False)
    for name in ("articles.jsonl", "events.jsonl", "errors.jsonl"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()


@pytest.mark.parametrize("published,expected", [(None, ("none", None)), ("2025-01-02", ("default", "2025-01-02"))])
def test_published_default(full_nlp, published, expected):
    outcome = next(process_items([_item("Israel struck Lebanon yesterday.")], full_nlp, published_default=published))
    assert (outcome.article["published_from"], outcome.article["published"]) == expected
