"""`newsevents table` and `newsevents stats` on a tiny hand-made output folder (tests/fixtures/report)."""

import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import COLUMNS, Output, compute_stats, entity_groups, events_frame, load_output
from pipeline.validate import validate_dir

from .conftest import REPO

FIX = REPO / "tests" / "fixtures" / "report"
runner = CliRunner()


@pytest.fixture(scope="module")
def data():
    return load_output(FIX)


def _by_id(df):
    return df.set_index("event_id")


def test_fixture_follows_the_schemas():
    checked, problems = validate_dir(FIX)
    assert problems == []
    assert checked == {"articles.jsonl": 2, "events.jsonl": 5, "errors.jsonl": 1}


def test_events_frame_flattens_nested_fields(data):
    df = events_frame(data)
    assert list(df.columns) == COLUMNS
    assert len(df) == 5
    rows = _by_id(df)
    bought = rows.loc["fx-acme-cuts:2:1"]
    assert bought["type"] == "action"
    assert bought["article_title"] == "Acme Corp to cut 1,200 jobs"
    assert bought["trigger_text"] == "bought" and bought["trigger_lemma"] == "buy"
    assert bought["actors_names"] == "Acme Corp" and bought["actors_keys"] == "ORG:acme corp"
    assert bought["targets_names"] == "Beta Ltd" and bought["targets_keys"] == "ORG:beta ltd"
    assert bought["where_names"] == "Paris" and bought["where_keys"] == "GPE:paris"
    assert bought["when_text"] == "March 3, 2026" and bought["when_value"] == "2026-03-03"
    assert bought["when_range_start"] == "2026-03-03" and bought["when_range_end"] == "2026-03-03"
    assert bought["sentence_text"] == "Acme Corp also bought Beta Ltd in Paris on March 3, 2026."
    cut = rows.loc["fx-acme-cuts:0:1"]
    assert cut["quantities_texts"] == "1,200 jobs"
    assert cut["quantities_values"] == "1200" and cut["quantities_counted"] == "jobs"
    assert cut["quantities_kinds"] == "count" and cut["quantities_count"] == 1
    assert cut["quantities_units"] == cut["quantities_per"] == ""  # a count: no unit, no rate
    said = rows.loc["fx-acme-cuts:1:1"]
    assert said["quote_text"] == "We have no choice,"
    assert said["quote_speaker"] == "Jane Doe" and said["quote_speaker_key"] == "PERSON:jane doe"
    assert bool(said["quote_direct"]) is True and said["quote_cue"] == "said"
    claim = rows.loc["fx-forum-post:1:1"]
    assert bool(claim["quote_direct"]) is False
    assert pd.isna(claim["when_value"]) and pd.isna(claim["when_range_start"])
    assert df["actors_count"].tolist() == [1, 1, 1, 1, 1]
    assert str(df["trigger_start"].dtype) == "Int64"


def test_list_cells_are_joined_with_a_pipe():
    ev = {"schema": "newsevents.event/1", "event_id": "x:0:1", "article_id": "x", "published": None,
          "type": "action", "sentence": {"index": 0, "text": "A and B met.", "start": 0, "end": 12},
          "trigger": None, "targets": [], "when": None, "where": [], "quantities": [], "quote": None,
          "negated": True,
          "actors": [{"entity_id": "E1", "name": "A", "label": "ORG", "text": "A", "start": 0, "end": 1},
                     {"entity_id": "E9", "name": "B", "label": "PERSON", "text": "B", "start": 6, "end": 7}]}
    art = {"article_id": "x", "title": None, "entities": [
        {"entity_id": "E1", "name": "A", "label": "ORG", "key": "ORG:a corp",
         "mentions": [{"text": "A", "start": 0, "end": 1}]}], "quotes": []}
    row = events_frame(Output(FIX, [art], [ev])).iloc[0]
    assert row["actors_names"] == "A | B"
    # E9 is not in the article: the key falls back to LABEL:name
    assert row["actors_keys"] == "ORG:a corp | PERSON:b"
    assert bool(row["negated"]) is True
    assert pd.isna(row["trigger_text"]) and pd.isna(row["trigger_start"])


def test_table_command_csv(tmp_path):
    out = tmp_path / "sub" / "events.csv"
    res = runner.invoke(app, ["table", str(FIX), "--format", "csv", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == f"5 events x {len(COLUMNS)} columns -> {out}"
    df = pd.read_csv(out)
    assert df["event_id"].tolist() == ["fx-acme-cuts:0:1", "fx-acme-cuts:1:1", "fx-acme-cuts:2:1",
                                       "fx-forum-post:0:1", "fx-forum-post:1:1"]
    assert df["type"].tolist() == ["action", "statement", "action", "action", "claim"]
    assert df.loc[3, "sentence_text"].startswith("Mallory posted <script>alert(1)</script>")


def test_table_command_parquet(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is needed for --format parquet")
    out = tmp_path / "events.parquet"
    res = runner.invoke(app, ["table", str(FIX), "--format", "parquet", "--out", str(out)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert list(df.columns) == COLUMNS and len(df) == 5
    starts = df["when_range_start"]
    assert starts[0] == "2026-03-16" and pd.isna(starts[1]) and starts[2] == "2026-03-03"
    assert str(df["sentence_index"].dtype) == "Int64"


def test_table_rejects_a_non_output_folder(tmp_path):
    res = runner.invoke(app, ["table", str(tmp_path), "--out", str(tmp_path / "x.csv")])
    assert res.exit_code == 2
    assert "articles.jsonl is missing" in res.output


def test_compute_stats(data):
    st = compute_stats(data, top=3)
    assert (st["articles"], st["read"], st["errors"], st["error_rate"]) == (2, 3, 1, 0.3333)
    assert st["errors_by_stage"] == {"decode": 1}
    assert st["events"] == 5
    assert st["events_by_type"] == {"action": 3, "claim": 1, "statement": 1}
    assert (st["entities"], st["entity_keys"], st["mentions"]) == (7, 5, 8)
    assert (st["dates"], st["quantities"], st["quotes"]) == (3, 1, 2)
    assert (st["events_with_date"], st["date_share"]) == (3, 0.6)
    assert (st["date_min"], st["date_max"]) == ("2026-03-03", "2026-04-01")
    assert (st["published_min"], st["published_max"]) == ("2026-03-18", "2026-04-02")
    assert st["top_entities"] == [
        {"key": "ORG:acme corp", "name": "Acme Corp", "label": "ORG", "count": 3, "articles": 2},
        {"key": "PERSON:jane doe", "name": "Jane Doe", "label": "PERSON", "count": 2, "articles": 2},
        {"key": "GPE:paris", "name": "Paris", "label": "GPE", "count": 1, "articles": 1},
    ]
    assert st["top_speakers"] == [
        {"key": "PERSON:jane doe", "name": "Jane Doe", "label": "PERSON", "count": 2, "articles": 2}]


def test_stats_command_text():
    res = runner.invoke(app, ["stats", str(FIX)])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "Articles       2 ok of 3 read; 1 errors (error rate 33.3%)" in out
    assert "errors by stage: decode 1" in out
    assert "Events         5 (action 3, claim 1, statement 1)" in out
    assert "Event dates    3 of 5 events resolved (60.0%); from 2026-03-03 to 2026-04-01" in out
    assert "   1. Acme Corp     3 mentions in 2 articles  [ORG:acme corp]" in out
    assert "   1. Jane Doe     2 quotes in 2 articles  [PERSON:jane doe]" in out


def test_stats_command_json_without_manifest_or_errors(tmp_path):
    for name in ("articles.jsonl", "events.jsonl"):
        shutil.copy(FIX / name, tmp_path / name)
    res = runner.invoke(app, ["stats", str(tmp_path), "--json", "--top", "1"])
    assert res.exit_code == 0, res.output
    st = json.loads(res.output)
    assert (st["read"], st["errors"], st["error_rate"]) == (2, 0, 0.0)
    assert [g["name"] for g in st["top_entities"]] == ["Acme Corp"]


def test_entity_groups_prefer_the_usual_spelling():
    def art(aid, name, texts):
        return {"article_id": aid, "quotes": [], "entities": [
            {"entity_id": "E1", "name": name, "label": "GPE", "key": "GPE:istanbul",
             "mentions": [{"text": t, "start": 0, "end": len(t)} for t in texts]}]}
    out = Output(FIX, [art("a", "ISTANBUL", ["ISTANBUL", "Istanbul", "Istanbul"]),
                       art("b", "Istanbul", ["Istanbul"])], [])
    assert entity_groups(out) == [
        {"key": "GPE:istanbul", "name": "Istanbul", "label": "GPE", "count": 4, "articles": 2}]
