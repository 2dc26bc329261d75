"""Shards, commit markers, --resume: a run killed at any moment finishes with every article once."""

import json
import os
import signal
import subprocess
import sys
import time

from pipeline.runner import run_batch
from pipeline.validate import validate_dir

from .conftest import REPO

RECORD_FILES = ("articles.jsonl", "events.jsonl", "errors.jsonl")




def _corpus_texts():
    texts = []
    for path in sorted((REPO / "corpus").rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8").split("\n\n", 1)[-1])
    return texts


def _write_input(path, n, broken_every=0):
    texts = _corpus_texts()
    lines = []
    for i in range(n):
        if broken_every and i % broken_every == broken_every - 1:
            lines.append(f'{{"id": "broken-{i}", "text": ')
            continue
        lines.append(json.dumps({"id": f"r{i:03d}", "published": "2026-06-13",
                                 "text": f"Report {i}. " + texts[i % len(texts)]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(out, name):
    return [json.loads(x) for x in (out / name).read_text(encoding="utf-8").splitlines()]


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=REPO, capture_output=True,
                          text=True, **kw)


def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path):
    src = tmp_path / "in.jsonl"
    _write_input(src, 40, broken_every=13)
    opts = ["--workers", "2", "--shard-size", "3", "--batch-size", "2", "--quiet"]
    full = tmp_path / "full"
    assert _cli("run", str(src), "--out", str(full), *opts).returncode == 1  # the broken lines

    killed = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(src), "--out", str(killed), *opts],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((killed / ".shards").glob("*.done.json"))) >= 3:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-shard
    proc.wait()
    assert not (killed / "manifest.json").exists()
    committed = len(list((killed / ".shards").glob("*.done.json")))
    assert 3 <= committed < 14

    resumed = _cli("run", str(src), "--out", str(killed), "--resume", *opts[:-1])
    assert resumed.returncode == 1, resumed.stderr
    assert "already done, skipped" in resumed.stdout
    for name in RECORD_FILES:
        assert (killed / name).read_bytes() == (full / name).read_bytes(), name
    ids = [a["article_id"] for a in _read(killed, "articles.jsonl")]
    assert len(ids) == len(set(ids)) == 37
    assert len(_read(killed, "errors.jsonl")) == 3
    manifest = json.loads((killed / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["resume"]["skipped"] >= 3 * committed - 1
    assert manifest["resume"]["skipped"] + manifest["resume"]["processed"] == 40
    assert manifest["counts"]["read"] == 40 and manifest["counts"]["ok"] == 37
    assert validate_dir(killed)[1] == []
    assert not list(killed.glob(".*.tmp")) and not list((killed / ".shards").glob("*.tmp"))


def test_rerun_skips_done_work_and_redoes_changed_articles(tmp_path, light_nlp):
    src = tmp_path / "in.jsonl"
    _write_input(src, 10, broken_every=4)
    out = tmp_path / "out"
    first = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=4)
    assert (first.read, first.ok, first.failed, first.skipped) == (10, 8, 2, 0)
    before = {name: (out / name).read_bytes() for name in RECORD_FILES}

    again = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=4, resume=True)
    assert (again.read, again.ok, again.failed, again.skipped) == (10, 8, 2, 10)
    assert {name: (out / name).read_bytes() for name in RECORD_FILES} == before
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["resume"] == {**manifest["resume"], "shards": 3, "shards_reused": 3, "skipped": 10,
                                  "processed": 0}

    # change one article: only it is processed again, its shard neighbours are copied
    lines = src.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[5])
    row["text"] = "Oslo and Bergen signed a deal. " + row["text"]
    lines[5] = json.dumps(row)
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=4, resume=True)
    # shard 1 (items 4-7): items 4 (ok), 6 (ok) reused; 5 changed; 7 is an error (recomputed)
    assert changed.skipped == 4 + 2 + 2
    fresh = tmp_path / "fresh"
    run_batch([str(src)], fresh, light_nlp, "light", progress=False, shard_size=4)
    for name in RECORD_FILES:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _read(out, "articles.jsonl")[4]["text"].startswith("Oslo and Bergen")


def test_changed_options_or_no_resume_reuse_nothing(tmp_path, light_nlp):
    src = tmp_path / "in.jsonl"
    _write_input(src, 6)
    out = tmp_path / "out"
    run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=2)
    other = run_batch([str(src)], out, light_nlp, "light", published_default="2020-01-01", progress=False,
                      shard_size=2, resume=True)
    assert other.skipped == 0  # a different fingerprint: the old shards do not count
    plain = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=2)
    assert plain.skipped == 0
    assert len(list((out / ".shards").glob("*.done.json"))) == 3


def test_garbage_of_a_killed_run_is_ignored_and_removed(tmp_path, light_nlp):
    src = tmp_path / "in.jsonl"
    _write_input(src, 6)
    out = tmp_path / "out"
    run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=2)
    expected = {name: (out / name).read_bytes() for name in RECORD_FILES}
    shards = out / ".shards"
    # what a kill leaves behind: a half-written temp file, data files no marker names,
    # a shard whose marker never got written, a half-written final file
    (shards / ".000003-dead.articles.jsonl.tmp").write_text('{"half', encoding="utf-8")
    (shards / "000001-orphan.articles.jsonl").write_text('{"schema": "x"}\n', encoding="utf-8")
    (shards / "000002.done.json").unlink()
    (out / ".articles.jsonl.tmp").write_text("partial", encoding="utf-8")
    summary = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=2, resume=True)
    assert (summary.read, summary.skipped) == (6, 4)
    assert {name: (out / name).read_bytes() for name in RECORD_FILES} == expected
    names = sorted(p.name for p in shards.iterdir())
    assert len(names) == 3 * 4 and not any("orphan" in n or n.endswith(".tmp") for n in names)
    assert not list(out.glob(".*.tmp"))

    # a shorter input: shards past its end are dropped, the output is just the shorter input
    src.write_text("\n".join(src.read_text(encoding="utf-8").splitlines()[:3]) + "\n", encoding="utf-8")
    short = run_batch([str(src)], out, light_nlp, "light", progress=False, shard_size=2, resume=True)
    assert (short.read, short.skipped) == (3, 3)  # shard 1 now holds item 2 only: copied
    assert [a["article_id"] for a in _read(out, "articles.jsonl")] == ["r000", "r001", "r002"]
    assert sorted(p.name for p in shards.glob("*.done.json")) == ["000000.done.json", "000001.done.json"]
