"""Command line: `newsevents run|validate|eval ...`."""

from __future__ import annotations

import importlib
import sys
from datetime import date
from pathlib import Path

import typer

from .defaults import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_ARTICLE_CHARS,
    DEFAULT_MAX_CHUNK_CHARS,
    DEFAULT_MODEL,
    DEFAULT_SHARD_SIZE,
    DEFAULT_TIME_BUDGET,
)
from .ingest import UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Raw English news text in, normalized JSONL event records out.")
eval_app = typer.Typer(no_args_is_help=True, help="Score the extractors on public gold data.")
app.add_typer(eval_app, name="eval")


def _usage_error(message: str) -> None:
    typer.echo(f"newsevents: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path."),
    published: str = typer.Option(None, "--published", help="Default publication date YYYY-MM-DD for articles without one."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Articles per nlp.pipe batch (and per worker task)."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: all cores); the model is loaded once and shared."),
    resume: bool = typer.Option(False, "--resume", help="Reuse the committed shards of an earlier (killed or finished) run into OUT with the same code, model and options."),
    time_budget: float = typer.Option(DEFAULT_TIME_BUDGET, "--time-budget", min=0.1, help="Seconds per article (per --max-chars piece of a long one) before it becomes a 'timeout' error record."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHUNK_CHARS, "--max-chars", min=1000, help="Longer articles are split on paragraph breaks into pieces of at most this many characters."),
    max_article_chars: int = typer.Option(DEFAULT_MAX_ARTICLE_CHARS, "--max-article-chars", min=1000, help="Longer articles become error records."),
    shard_size: int = typer.Option(DEFAULT_SHARD_SIZE, "--shard-size", min=1, help="Articles per committed shard (the unit of work lost to a crash)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Process articles into OUT/articles.jsonl, events.jsonl, errors.jsonl and manifest.json."""
    from .ingest import expand_inputs
    from .nlp import build_pipeline
    from .runner import default_workers, run_batch

    if published is not None:
        try:
            published = date.fromisoformat(published).isoformat()
        except ValueError:
            _usage_error(f"--published must be YYYY-MM-DD, got {published!r}")
    try:
        expand_inputs(inputs)  # fail fast on a missing input, before loading the model
    except UsageError as exc:
        _usage_error(str(exc))
    try:
        nlp = build_pipeline(model)
    except OSError as exc:
        _usage_error(f"cannot load spaCy model {model!r}: {str(exc).splitlines()[0]}")
    try:
        summary = run_batch(inputs, out, nlp, model, published, batch_size, workers or default_workers(),
                            progress=not quiet and sys.stderr.isatty(), time_budget=time_budget,
                            max_chunk_chars=max_chars, max_article_chars=max_article_chars,
                            resume=resume, shard_size=shard_size)
    except UsageError as exc:
        _usage_error(str(exc))
    if not quiet:
        types = ", ".join(f"{k} {v}" for k, v in sorted(summary.event_types.items()))
        typer.echo(
            f"articles {summary.ok} (read {summary.read}, errors {summary.failed}) | events {summary.events}"
            f" ({types}) | entities {summary.entities} | dates {summary.dates} | quantities {summary.quantities}"
            f" | quotes {summary.quotes} -> {out}/"
            + (f" (resumed: {summary.skipped} of {summary.read} already done, skipped)" if resume else "")
        )
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def validate(out_dir: Path = typer.Argument(..., help="An output folder of `newsevents run`.")) -> None:
    """Check an output folder against the JSON Schemas (and offsets against the article text)."""
    from .validate import validate_dir

    if not out_dir.is_dir():
        _usage_error(f"not a folder: {out_dir}")
    checked, problems = validate_dir(out_dir)
    for p in problems:
        typer.echo(p, err=True)
    summary = ", ".join(f"{k} {v}" for k, v in checked.items())
    typer.echo(f"{'INVALID' if problems else 'valid'}: {summary}")
    raise typer.Exit(1 if problems else 0)


def _wire_eval(name: str, module: str) -> None:
    """Register `newsevents eval NAME` from a scorer module's `command` function, if present."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return
    if hasattr(mod, "command"):
        eval_app.command(name)(mod.command)


for _name in ("tempeval3", "newsquant", "polnear", "measeval", "conll"):
    _wire_eval(_name, f"pipeline.eval.{_name}")

# Top-level commands that live in their own modules: (command, module, function).
_MODULE_COMMANDS = (
    ("report", "pipeline.report", "report_command"),
    ("table", "pipeline.tables", "table_command"),
    ("stats", "pipeline.tables", "stats_command"),
    ("spark", "pipeline.spark", "spark_command"),
)
for _cmd, _module, _func in _MODULE_COMMANDS:
    try:
        _mod = importlib.import_module(_module)
    except ImportError:
        continue
    if hasattr(_mod, _func):
        app.command(_cmd)(getattr(_mod, _func))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # python -m pipeline.cli
    app()
