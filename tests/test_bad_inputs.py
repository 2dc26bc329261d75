"""A bad-input corpus generated here: every kind ends as an error record that says why, good
articles around them still come out, and the manifest adds up (read = ok + failed)."""

import gzip
import json
import os

from pipeline.runner import run_batch
from pipeline.validate import validate_dir

GOOD = "Leeds council met on Monday and approved the budget."

# file name -> (bytes, expected stage, words the message must contain)
BAD_FILES = {
    "latin1.txt": ("Caf\xe9 owners protested.".encode("latin-1"), "decode", "not valid UTF-8"),
    "broken-utf8.txt": (b"Good start \xff\xfe then junk", "decode", "not valid UTF-8"),
    "empty.txt": (b"", "ingest", "empty article text"),
    "blank.txt": (b"  \n\t\n   \r\n", "ingest", "empty article text"),
    "header-only.txt": (b"Title: Nothing\nPublished: 2026-01-02\n\n", "ingest", "empty article text"),
    "bom-only.txt": (b"\xef\xbb\xbf", "ingest", "empty article text"),
    "nul-binary.txt": (bytes(range(256)) * 8, "decode", "binary"),
    "control-binary.txt": (bytes(range(1, 32)) * 64, "decode", "binary"),
    "utf16.txt": ("Israel struck Lebanon.".encode("utf-16"), "decode", "binary"),
    "gzipped.txt": (gzip.compress(GOOD.encode() * 50, mtime=0), "decode", ""),
    "oversized.txt": (("Word salad. " * 1200).encode(), "ingest", "over the limit of 10000"),
    "hangs.txt": (f"{GOOD} This input makes the pipeline HANG.".encode(), "timeout", "time budget"),
    "crashes.txt": (f"{GOOD} This input makes its worker DIE.".encode(), "worker", "died"),
}

# JSONL line -> (expected stage, words the message must contain); None = a good line
BAD_LINES = [
    (json.dumps({"id": "ok1", "text": GOOD}), None),
    ('{"id": "trunc", "text": "cut off', ("parse", "malformed JSON")),
    ('["an", "array"]', ("parse", "expected a JSON object, got list")),
    ('"just a string"', ("parse", "expected a JSON object, got str")),
    ("null", ("parse", "expected a JSON object, got NoneType")),
    ("{'single': 'quotes'}", ("parse", "malformed JSON")),
    ("not json at all", ("parse", "malformed JSON")),
    (json.dumps({"id": "notext", "title": "No text"}), ("ingest", "missing field 'text'")),
    (json.dumps({"id": "num", "text": 42}), ("ingest", "not a string")),
    (json.dumps({"id": "list", "text": ["a", "b"]}), ("ingest", "not a string")),
    (json.dumps({"id": "emptytext", "text": ""}), ("ingest", "empty article text")),
    (json.dumps({"id": "ws", "text": " \n\t "}), ("ingest", "empty article text")),
    (b'{"id": "badbytes", "text": "caf\xe9"}', ("decode", "undecodable bytes")),
    (json.dumps({"id": "ok2", "text": GOOD, "published": "sometime soon"}), None),  # bad date: a warning
    (json.dumps({"id": "ok3", "text": "Line one.\r\nLine two in \u0000 Oslo.\u200b"}), None),
]




def test_bad_input_corpus(tmp_path, light_nlp):
    src = tmp_path / "in"
    src.mkdir()
    for name, (data, _, _) in BAD_FILES.items():
        (src / name).write_bytes(data)
    (src / "good.txt").write_text(f"Published: 2026-06-13\n\n{GOOD}", encoding="utf-8")
    raw = [line if isinstance(line, bytes) else line.encode() for line, _ in BAD_LINES]
    (src / "lines.jsonl").write_bytes(b"\n".join(raw) + b"\n")
    kinds = len(BAD_FILES) + sum(1 for _, e in BAD_LINES if e)
    assert kinds >= 20

    out = tmp_path / "out"
    summary = run_batch([str(src)], out, light_nlp, "light", n_process=2, progress=False, batch_size=4,
                        time_budget=1.5, max_article_chars=10_000)
    n_good = 1 + sum(1 for _, e in BAD_LINES if e is None)
    assert (summary.read, summary.ok, summary.failed) == (kinds + n_good, n_good, kinds)

    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == kinds
    by_source = {(os.path.basename(e["source"]["path"]), e["source"]["line"]): e for e in errors}
    expected = {(name, None): (stage, words) for name, (_, stage, words) in BAD_FILES.items()}
    expected.update({("lines.jsonl", i): e for i, (_, e) in enumerate(BAD_LINES, start=1) if e})
    assert set(by_source) == set(expected)
    for key, (stage, words) in expected.items():
        err = by_source[key]
        assert err["stage"] == stage, (key, err)
        assert words in err["message"] and len(err["message"]) > 10, (key, err)

    articles = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(a["article_id"] for a in articles if a["article_id"].startswith("ok")) == ["ok1", "ok2", "ok3"]
    ok2 = next(a for a in articles if a["article_id"] == "ok2")
    assert ok2["published"] is None and "not a recognised date" in ok2["warnings"][0]

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest["counts"]
    assert counts["read"] == counts["ok"] + counts["failed"] == kinds + n_good
    assert manifest["outputs"]["errors"] == kinds and manifest["outputs"]["articles"] == n_good
    assert (manifest["workers"]["timeouts"], manifest["workers"]["deaths"]) == (1, 1)
    assert validate_dir(out)[1] == []
