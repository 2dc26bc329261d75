"""Batch runner: order, accounting, bad input, long articles."""

import json
import os
import time

import pytest

from pipeline.ingest import InputItem, article_item
from pipeline.runner import PoolStats, default_workers, process_items, run_batch, split_for_nlp
from pipeline.validate import validate_dir

from .conftest import build_light_nlp


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
    # whole sentences of the repeated paragraph, also across chunk seams
    assert sents and all(s["text"] in ("Israel struck Lebanon.", "The ministry said it would respond.") for s in sents)
    assert max(s["index"] for s in sents) < 80
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
    nlp = build_light_nlp(trouble=False)
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


@pytest.mark.parametrize("published,expected", [(None, ("dateline", "2026-06-09")),
                                                ("2025-01-02", ("dateline", "2026-06-09"))])
def test_a_dated_dateline_dates_the_article_before_the_run_default(full_nlp, published, expected):
    text = ("Port strike halts traffic\n\nANTWERP, Belgium, June 9, 2026 (Reuters) - Dock workers walked out "
            "on Tuesday. Antwerp handled 12.5 million containers last year.")
    outcome = next(process_items([_item(text)], full_nlp, published_default=published))
    article = outcome.article
    assert (article["published_from"], article["published"]) == expected
    # relative dates resolve against it
    assert [(d["text"], d["value"]) for d in article["dates"]] == [
        ("June 9, 2026", "2026-06-09"), ("Tuesday", "2026-06-09"), ("last year", "2025")]


# --- worker pool: all cores, deterministic, a time budget, dying workers -------------------------





def _records(outcomes):
    return [(o.item.article_id, o.article["text_sha1"] if o.article else None,
             (o.error["stage"], o.error["message"]) if o.error else None) for o in outcomes]


def test_default_workers_is_all_cores():
    assert default_workers() == len(os.sched_getaffinity(0))


def test_pool_matches_in_process_and_any_worker_count(full_nlp):
    texts = [f"Israel struck Lebanon on day {i}. The ministry said {i} people were hurt." for i in range(9)]
    items = lambda: [_item(t, id=f"p{i}") for i, t in enumerate(texts)] + [  # noqa: E731
        InputItem(path="t", line=99, error_stage="parse", error="malformed JSON")]
    local = list(process_items(items(), full_nlp, batch_size=4))
    one = list(process_items(items(), full_nlp, batch_size=4, n_process=1, time_budget=60))
    stats = PoolStats()
    two = list(process_items(items(), full_nlp, batch_size=4, n_process=2, time_budget=60, stats=stats))
    assert [o.article for o in one] == [o.article for o in two] == [o.article for o in local]
    assert [o.events for o in one] == [o.events for o in two] == [o.events for o in local]
    assert [o.item.article_id for o in two][:3] == ["p0", "p1", "p2"]
    assert two[-1].error["stage"] == "parse"
    assert stats.workers_started == 2 and stats.worker_deaths == stats.timeouts == 0
    assert stats.peak_rss_kb_workers > 10_000


def test_cli_workers_1_and_2_byte_identical(tmp_path):
    import subprocess
    import sys

    from .conftest import REPO

    outs = []
    for n in (1, 2):
        out = tmp_path / f"w{n}"
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "corpus", "--out", str(out),
                               "--workers", str(n), "--batch-size", "3", "--quiet"],
                              cwd=REPO, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
        assert json.loads((out / "manifest.json").read_text())["workers"]["started"] == n
    for name in ("articles.jsonl", "events.jsonl", "errors.jsonl"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    assert len((outs[0] / "articles.jsonl").read_bytes().splitlines()) == 14


def test_time_budget_turns_a_hang_into_an_error_record(light_nlp):
    texts = ["Leeds council met.", "Paris is calm.", "This one will HANG forever.", "York voted.", "Oslo slept."]
    items = [_item(t, id=f"h{i}") for i, t in enumerate(texts)]
    stats = PoolStats()
    started = time.monotonic()
    outcomes = list(process_items(items, light_nlp, batch_size=8, n_process=2, time_budget=1.0, stats=stats))
    elapsed = time.monotonic() - started
    assert [o.item.article_id for o in outcomes] == ["h0", "h1", "h2", "h3", "h4"]
    assert [o.article is not None for o in outcomes] == [True, True, False, True, True]
    assert outcomes[2].error["stage"] == "timeout"
    assert "time budget of 1 s" in outcomes[2].error["message"]
    assert outcomes[2].error["article_id"] == "h2"
    # the batch timed out once, was retried one article at a time; only the culprit timed out again
    assert (stats.retried_batches, stats.timeouts, stats.worker_deaths) == (1, 1, 0)
    assert stats.workers_started == 2 + 2  # one replacement per stopped worker
    assert elapsed < 10


def test_dying_worker_is_replaced_and_its_article_reported(light_nlp):
    texts = ["Leeds council met.", "This article makes the worker DIE.", "York voted.", "Oslo slept."]
    items = [_item(t, id=f"d{i}") for i, t in enumerate(texts)]
    stats = PoolStats()
    outcomes = list(process_items(items, light_nlp, batch_size=2, n_process=2, time_budget=30, stats=stats))
    assert [o.item.article_id for o in outcomes] == ["d0", "d1", "d2", "d3"]
    assert [o.error["stage"] if o.error else "ok" for o in outcomes] == ["ok", "worker", "ok", "ok"]
    assert "died (signal SIGKILL)" in outcomes[1].error["message"]
    assert stats.worker_deaths == 1 and stats.retried_batches == 1
    assert stats.workers_started == 4


def test_size_cap_and_manifest_accounting(tmp_path, light_nlp):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "small", "text": "Leeds council met."}, {"id": "huge", "text": "Word. " * 2000},
            {"id": "dies", "text": "It will DIE here."}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([str(src)], out, light_nlp, "light", n_process=2, progress=False, time_budget=30,
                        max_article_chars=5000)
    assert (summary.read, summary.ok, summary.failed) == (3, 1, 2)
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["article_id"], e["stage"]) for e in errors] == [("huge", "ingest"), ("dies", "worker")]
    assert "over the limit of 5000" in errors[0]["message"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["read"] == manifest["counts"]["ok"] + manifest["counts"]["failed"] == 3
    assert manifest["workers"]["deaths"] == 1
    assert validate_dir(out)[1] == []
