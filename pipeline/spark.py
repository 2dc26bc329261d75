"""Run the newsevents pipeline on Apache Spark (optional extra: `pip install newsevents[spark]`).

The same code as `newsevents run` (ingest, the spaCy pipeline and its components, the record
builders) runs inside `mapPartitions`; the model is loaded once per Python worker process of each
executor (Spark reuses those workers between tasks) and kept in a module-level cache.

Command line::

    newsevents spark INPUT... --out DIR [--partitions N] [--master local[*]]

reads `.txt` and `.jsonl` files (local paths, directories, globs, or `hdfs://`/`s3a://` URIs) with
`SparkContext.binaryFiles`, and writes::

    DIR/articles/part-*.txt   DIR/events/part-*.txt   DIR/errors/part-*.txt   DIR/manifest.json

Each part file is JSONL with exactly the lines `newsevents run` writes; the parts are sorted by
input order (file, then line), so concatenating them in name order gives the local run's
`articles.jsonl` byte for byte (`newsevents validate DIR` reads either layout).

Inside an existing PySpark job::

    from pipeline.spark import process_dataframe
    articles, events, errors = process_dataframe(df)      # df: text [, id, title, published, source, url]
    articles.select("json").write.text("s3a://bucket/articles")
    parsed = spark.read.json(articles.select("json").rdd.map(lambda r: r.json))

or at the RDD level: `rdd.mapPartitions(extract_partition)` yields `(kind, article_id, path, line,
ordinal, json)` tuples, `kind` being "article", "event" or "error".

pyspark is imported inside the functions only, so this module imports without it.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import typer

from .ingest import (
    InputItem,
    UsageError,
    expand_inputs,
    item_from_fields,
    read_jsonl_articles,
    read_text_article,
)
from .nlp import DEFAULT_MODEL
from .runner import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_ARTICLE_CHARS,
    DEFAULT_MAX_CHUNK_CHARS,
    RunSummary,
)
from .sinks import dumps, write_json_atomic

KINDS = ("article", "event", "error")
OUTPUT_DIRS = {"article": "articles", "event": "events", "error": "errors"}
# Column layout of the tagged records and of the three DataFrames (without `kind`).
RECORD_FIELDS = ("article_id", "path", "line", "ordinal", "json")

_NLP_CACHE: dict[str, Any] = {}


def get_nlp(model: str = DEFAULT_MODEL):  # noqa: ANN201 (spacy Language)
    """The assembled pipeline, loaded once per process (executor Python worker) and cached."""
    nlp = _NLP_CACHE.get(model)
    if nlp is None:
        from .nlp import build_pipeline

        nlp = _NLP_CACHE[model] = build_pipeline(model)
    return nlp


def item_from_row(row: Any, index: int | None = None) -> InputItem:
    """An InputItem from a Row or dict with the JSONL fields (text, id, title, published, source,
    url) and optionally `path` and `line` (the record's `source`), validated like a JSONL line."""
    fields = row.asDict() if hasattr(row, "asDict") else dict(row)
    item = InputItem(path=str(fields.get("path") or "<spark>"),
                     line=fields.get("line") if fields.get("line") is not None else index)
    item = item_from_fields(item, fields)
    if item.error and fields.get("id") not in (None, ""):
        item.article_id = str(fields["id"])
    return item


def _tagged(items: Iterable[InputItem], model: str, published_default: str | None, batch_size: int,
            max_chunk_chars: int, max_article_chars: int | None, time_budget: float | None,
            summary: RunSummary | None = None) -> Iterator[tuple]:
    from .runner import process_items

    nlp = get_nlp(model)
    n_process = 1
    for outcome in process_items(items, nlp, published_default, batch_size, n_process, max_chunk_chars,
                                 time_budget, max_article_chars):
        item = outcome.item
        key = (item.path, item.line if item.line is not None else -1)
        if summary is not None:
            summary.add(outcome)
        if outcome.article is not None:
            yield ("article", item.article_id, *key, 0, dumps(outcome.article))
            for i, ev in enumerate(outcome.events):
                yield ("event", item.article_id, *key, i, dumps(ev))
        else:
            yield ("error", item.article_id, *key, 0, dumps(outcome.error))


def extract_partition(rows: Iterable[Any], model: str = DEFAULT_MODEL, published_default: str | None = None,
                      batch_size: int = DEFAULT_BATCH_SIZE, max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
                      max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS,
                      time_budget: float | None = None) -> Iterator[tuple]:
    """For `rdd.mapPartitions`: rows (Rows or dicts with the JSONL fields, or InputItems) in,
    `(kind, article_id, path, line, ordinal, json)` tuples out; `json` is the exact JSONL line of
    `newsevents run`. `time_budget` forks one worker per partition so a hung article becomes an
    error record (off by default: Spark's own task timeouts apply)."""
    items = (row if isinstance(row, InputItem) else item_from_row(row, i) for i, row in enumerate(rows))
    yield from _tagged(items, model, published_default, batch_size, max_chunk_chars, max_article_chars,
                       time_budget)


def _record_schema():  # noqa: ANN202
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    return StructType([StructField("article_id", StringType()), StructField("path", StringType()),
                       StructField("line", LongType()), StructField("ordinal", IntegerType()),
                       StructField("json", StringType())])


def _split_kinds(spark, tagged):  # noqa: ANN001, ANN202
    schema = _record_schema()
    return tuple(spark.createDataFrame(tagged.filter(lambda t, k=kind: t[0] == k).map(lambda t: t[1:]), schema)
                 for kind in KINDS)


def process_dataframe(df, model: str = DEFAULT_MODEL, published_default: str | None = None,  # noqa: ANN001, ANN201
                      batch_size: int = DEFAULT_BATCH_SIZE, max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
                      max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS):
    """(articles_df, events_df, errors_df) for a DataFrame of articles.

    Input columns: `text` (required), optional `id`, `title`, `published`, `source`, `url`, and
    `path`/`line` to fill the records' `source`. Each output DataFrame has the columns
    article_id, path, line, ordinal, json (the JSONL line). The NLP runs once: the tagged records
    are persisted (memory and disk) and the three DataFrames are filters of them."""
    from pyspark import StorageLevel

    fn = partial(extract_partition, model=model, published_default=published_default, batch_size=batch_size,
                 max_chunk_chars=max_chunk_chars, max_article_chars=max_article_chars)
    tagged = df.rdd.mapPartitions(fn).persist(StorageLevel.MEMORY_AND_DISK)
    return _split_kinds(df.sparkSession, tagged)


# ---------------------------------------------------------------------------------------------
# newsevents spark


def _read_file(pair: tuple[str, bytes], names: dict[str, tuple[int, str]]) -> list[InputItem]:
    """binaryFiles record -> InputItems, with the same ingest code (and source paths) as a local run."""
    uri, data = pair
    local = uri[len("file:"):] if uri.startswith("file:") else uri
    while local.startswith("//"):
        local = local[1:]
    _index, path = names.get(os.path.normpath(local), names.get(uri, (len(names), uri)))
    if path.lower().endswith((".jsonl", ".ndjson")):
        # iterate like a file (lines keep their "\n"), exactly as the local reader does
        return list(read_jsonl_articles(path, io.BytesIO(data)))
    return [read_text_article(path, data)]


def _partition_with_summary(items: Iterator[InputItem], opts: dict) -> Iterator[tuple]:
    """extract_partition plus one final ("summary", ...) tuple with the partition's counts."""
    from .nlp import model_info

    summary = RunSummary()
    yield from _tagged(items, opts["model"], opts["published_default"], opts["batch_size"],
                       opts["max_chunk_chars"], opts["max_article_chars"], opts["time_budget"],
                       summary=summary)
    info = model_info(get_nlp(opts["model"]), opts["model"])
    yield ("summary", None, None, None, None, json.dumps({"summary": summary.as_dict(), "model": info}))


def run_spark(inputs: list[str], out_dir: str, model: str = DEFAULT_MODEL, published_default: str | None = None,
              partitions: int | None = None, spark=None, batch_size: int = DEFAULT_BATCH_SIZE,  # noqa: ANN001
              max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
              max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS,
              time_budget: float | None = None) -> RunSummary:
    """Process inputs with Spark into out_dir/{articles,events,errors}/part-*.txt + manifest.json."""
    import time

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    started = time.perf_counter()
    local_paths: list[str] = []
    remote: list[str] = []
    for spec in inputs:
        if "://" in spec:
            remote.append(spec)
        else:
            local_paths.extend(expand_inputs([spec]))
    if "-" in local_paths:
        raise UsageError("stdin is not supported by `newsevents spark`; give files")
    names = {os.path.normpath(os.path.abspath(p)): (i, p) for i, p in enumerate(local_paths)}
    names.update({uri: (len(local_paths) + i, uri) for i, uri in enumerate(remote)})
    spark = spark or SparkSession.builder.getOrCreate()
    sc = spark.sparkContext
    n = partitions or sc.defaultParallelism
    uris = [Path(os.path.abspath(p)).as_uri() for p in local_paths] + remote
    opts = {"model": model, "published_default": published_default, "batch_size": batch_size,
            "max_chunk_chars": max_chunk_chars, "max_article_chars": max_article_chars,
            "time_budget": time_budget}
    records = (sc.binaryFiles(",".join(uris), minPartitions=n)
               .flatMap(partial(_read_file, names=names))
               .repartition(n)  # one big JSONL file must not be one task
               .mapPartitions(partial(_partition_with_summary, opts=opts))
               .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        summaries = records.filter(lambda t: t[0] == "summary").map(lambda t: t[-1]).collect()
        summary = RunSummary()
        model_meta = None
        for raw in summaries:
            part = json.loads(raw)
            summary.merge(part["summary"])
            model_meta = model_meta or part["model"]
        file_order = spark.createDataFrame([(p, i) for i, p in sorted((v[0], v[1]) for v in names.values())]
                                           or [("", 0)], "path string, file_index int")
        counts = {}
        for kind, df in zip(KINDS, _split_kinds(spark, records), strict=True):
            target = str(Path(out_dir) / OUTPUT_DIRS[kind]) if "://" not in out_dir else f"{out_dir}/{OUTPUT_DIRS[kind]}"
            ordered = (df.join(file_order, "path", "left")
                       .orderBy("file_index", "path", "line", "ordinal")
                       .select("json"))
            ordered.write.mode("overwrite").option("compression", "none").text(target)
            counts[OUTPUT_DIRS[kind]] = records.filter(lambda t, k=kind: t[0] == k).count()
    finally:
        records.unpersist()
    wall = time.perf_counter() - started
    manifest = {
        "schema": "newsevents.manifest/1",
        "engine": {"name": "spark", "version": spark.version, "master": sc.master, "partitions": n},
        "model": model_meta,
        "options": {"published_default": published_default, "batch_size": batch_size,
                    "max_chunk_chars": max_chunk_chars, "max_article_chars": max_article_chars,
                    "time_budget": time_budget, "inputs": inputs},
        "layout": "partitioned: <kind>/part-*.txt, JSONL, parts in input order",
        "counts": {"read": summary.read, "ok": summary.ok, "failed": summary.failed, "events": summary.events,
                   "event_types": dict(sorted(summary.event_types.items())), "entities": summary.entities,
                   "dates": summary.dates, "quantities": summary.quantities, "quotes": summary.quotes,
                   "words": summary.words},
        "outputs": counts,
        "wall_seconds": round(wall, 3),
        "throughput": {"words_per_second": round(summary.words / wall, 1) if wall else None},
    }
    if "://" not in out_dir:
        write_json_atomic(Path(out_dir) / "manifest.json", manifest)
    else:  # pragma: no cover (remote storage)
        sc.parallelize([json.dumps(manifest, indent=2)], 1).saveAsTextFile(f"{out_dir}/manifest")
    return summary


def spark_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or hdfs:// / s3a:// URIs."),
    out: str = typer.Option(..., "--out", "-o", help="Output folder (or URI)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path (installed on the executors)."),
    published: str = typer.Option(None, "--published", help="Default publication date YYYY-MM-DD."),
    partitions: int = typer.Option(None, "--partitions", min=1, help="Partitions (default: Spark's default parallelism)."),
    master: str = typer.Option(None, "--master", help="Spark master; default: spark-submit's, else local[*]."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1),
    time_budget: float = typer.Option(None, "--time-budget", min=0.1, help="Seconds per article (forks a worker per partition)."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Process articles with Apache Spark into OUT/{articles,events,errors}/part-*.txt + manifest.json."""
    from datetime import date

    try:
        from pyspark.sql import SparkSession
    except ImportError:
        typer.echo("newsevents: error: pyspark is not installed (pip install 'newsevents[spark]')", err=True)
        raise typer.Exit(2) from None
    if published is not None:
        try:
            published = date.fromisoformat(published).isoformat()
        except ValueError:
            typer.echo(f"newsevents: error: --published must be YYYY-MM-DD, got {published!r}", err=True)
            raise typer.Exit(2) from None
    try:
        for spec in inputs:  # fail fast on a missing local input, before starting a JVM
            if "://" not in spec:
                expand_inputs([spec])
    except UsageError as exc:
        typer.echo(f"newsevents: error: {exc}", err=True)
        raise typer.Exit(2) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsevents")
    if master:
        builder = builder.master(master)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", "") and not os.environ.get("SPARK_MASTER"):
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    if not quiet:
        spark.sparkContext.setLogLevel("ERROR")
    try:
        summary = run_spark(inputs, out, model, published, partitions, spark, batch_size,
                            time_budget=time_budget)
    except UsageError as exc:
        typer.echo(f"newsevents: error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        spark.stop()
    if not quiet:
        typer.echo(f"articles {summary.ok} (read {summary.read}, errors {summary.failed}) | events {summary.events}"
                   f" | entities {summary.entities} -> {out}/")
    raise typer.Exit(1 if summary.failed else 0)
