"""Batch processing: InputItems -> nlp.pipe -> records -> sinks, streaming in input order.

Every input item ends as an article record or an error record; nothing is dropped silently.

Two execution paths give the same records:

* in-process (`n_process=1`, no time budget): `nlp.pipe` in this process (the Python API);
* a worker pool (`n_process>1` or a time budget, what `newsevents run` uses): N processes forked
  from this one after the model is loaded (so the model is loaded once and shared copy-on-write),
  each running the in-process path on batches of `batch_size` consecutive articles. Batches are cut
  from the input stream the same way whatever N is, and outcomes are put back in input order, so the
  JSONL is byte-identical for any N. A batch over its time budget, or whose worker dies, is retried
  one article at a time in fresh workers; the article that still fails alone becomes an error record
  (stage `timeout` or `worker`) and the run goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import platform
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import wait as _wait_ready
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .components.doctext import TEXT_KEY
from .defaults import (  # noqa: F401  (re-exported: the runner's API names them)
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_ARTICLE_CHARS,
    DEFAULT_MAX_CHUNK_CHARS,
    DEFAULT_TIME_BUDGET,
)
from .ingest import InputItem, dateline_date, expand_inputs, read_inputs
from .nlp import model_info
from .records import build_records, error_record
from .sinks import write_json_atomic
from .textclean import clean_for_nlp


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (not Linux)
        return max(1, os.cpu_count() or 1)


def split_for_nlp(text: str, max_chars: int = DEFAULT_MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split a long text into (offset, chunk) pieces of at most `max_chars`, on paragraph breaks
    where possible, then line breaks, then sentence ends, then hard. Offsets index `text`."""
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(pos + max_chars, len(text))
        if end < len(text):
            window = text[pos:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > max_chars // 4:
                    cut += len(sep)
                    break
                cut = -1
            if cut > 0:
                end = pos + cut
        pieces.append((pos, text[pos:end]))
        pos = end
    return pieces


@dataclass
class _Pending:
    item: InputItem
    published_from: str = "none"
    n_chunks: int = 0
    docs: list[tuple[Doc, int]] = field(default_factory=list)


@dataclass
class Outcome:
    """One processed input item: an article (with its events) or an error."""

    item: InputItem
    article: dict | None = None
    events: list[dict] = field(default_factory=list)
    error: dict | None = None


@dataclass
class PoolStats:
    """What the worker pool did (for the manifest and the tests)."""

    workers_started: int = 0
    worker_deaths: int = 0
    timeouts: int = 0
    retried_batches: int = 0
    peak_rss_kb_workers: int = 0


class _ErrorLog:
    """spaCy error handler: remember why a doc was dropped instead of stopping the batch."""

    def __init__(self) -> None:
        self.messages: dict[int, str] = {}

    def __call__(self, proc_name, proc, docs, exc) -> None:  # noqa: ANN001 (spaCy's signature)
        for doc in docs:
            ctx = getattr(doc, "_context", None)
            if ctx is not None:
                self.messages[ctx[0]] = f"{proc_name}: {type(exc).__name__}: {exc}"


def _apply_size_cap(items: Iterable[InputItem], max_article_chars: int | None) -> Iterator[InputItem]:
    """Turn articles over the size cap into error items (they would take minutes and gigabytes)."""
    for item in items:
        if max_article_chars and item.ok and item.text is not None and len(item.text) > max_article_chars:
            item.error_stage = "ingest"
            item.error = (f"article of {len(item.text)} characters is over the limit of "
                          f"{max_article_chars} (--max-article-chars)")
        yield item


def process_items(
    items: Iterable[InputItem],
    nlp: Language,
    published_default: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
    time_budget: float | None = None,
    max_article_chars: int | None = None,
    stats: PoolStats | None = None,
) -> Iterator[Outcome]:
    """Run the pipeline over items, yielding one Outcome per item, in input order.

    `n_process > 1` or a `time_budget` (seconds per article of up to `max_chunk_chars` characters)
    runs the worker pool (see the module docstring); otherwise everything runs in this process.
    Articles longer than `max_chunk_chars` are split on paragraph breaks and merged back;
    articles longer than `max_article_chars` become error records."""
    items = _apply_size_cap(items, max_article_chars)
    if n_process <= 1 and time_budget is None:
        yield from _process_local(items, nlp, published_default, batch_size, max_chunk_chars)
    else:
        yield from _process_pool(items, nlp, published_default, batch_size, max(1, n_process),
                                 max_chunk_chars, time_budget, stats if stats is not None else PoolStats())


def _process_local(
    items: Iterable[InputItem],
    nlp: Language,
    published_default: str | None,
    batch_size: int,
    max_chunk_chars: int,
) -> Iterator[Outcome]:
    """The in-process path: one `nlp.pipe` over the Docs of all items (long ones in pieces)."""
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    pending: dict[int, _Pending] = {}
    errors = _ErrorLog()
    # Function components (ours) report through the default handler; a failing article is
    # dropped from the batch and reported below instead of stopping the run.
    nlp.default_error_handler = errors

    def docs_with_context() -> Iterator[tuple[Doc, tuple[int, int, int]]]:
        for seq, item in enumerate(items):
            state = _Pending(item)
            pending[seq] = state
            if not item.ok:
                continue
            if item.published:
                state.published_from = "metadata"
            elif (dated := dateline_date(item.text or "")) is not None:
                item.published = dated  # "LIMA, March 12, 2026 (Reuters) - ": the article's own date
                state.published_from = "dateline"
            elif published_default:
                item.published = published_default
                state.published_from = "default"
            chunks = split_for_nlp(item.text or "", max_chunk_chars)
            state.n_chunks = len(chunks)
            for chunk_no, (base, chunk) in enumerate(chunks):
                cleaned = clean_for_nlp(chunk)
                doc = nlp.make_doc(cleaned)
                doc.user_data[TEXT_KEY] = cleaned  # components read it instead of Doc.text
                doc._.published = item.published
                yield doc, (seq, chunk_no, base)

    def finish(seq: int) -> Outcome:
        state = pending.pop(seq)
        item = state.item
        if not item.ok:
            return Outcome(item, error=error_record(item))
        if len(state.docs) != state.n_chunks:
            msg = errors.messages.pop(seq, "the NLP pipeline dropped this article")
            return Outcome(item, error=error_record(item, "nlp", msg))
        try:
            article, events = build_records(item, state.docs, state.published_from)
        except Exception as exc:  # a bug in one article must not stop the batch
            return Outcome(item, error=error_record(item, "records", f"{type(exc).__name__}: {exc}"))
        return Outcome(item, article=article, events=events)

    for doc, (seq, _chunk_no, base) in nlp.pipe(docs_with_context(), as_tuples=True, batch_size=batch_size):
        # Output order is input order: everything before this item is complete (or lost).
        for earlier in sorted(s for s in pending if s < seq):
            yield finish(earlier)
        state = pending[seq]
        state.docs.append((doc, base))
        if len(state.docs) == state.n_chunks:
            yield finish(seq)
    for seq in sorted(pending):
        yield finish(seq)


# ---------------------------------------------------------------------------------------------
# Worker pool


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the parent dies (kill -9 of the run), so no
    orphan keeps a core busy on a hung article."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover (not Linux)
        pass


def _worker_main(conn, inherited, nlp, published_default, batch_size, max_chunk_chars) -> None:  # noqa: ANN001
    """Worker process (forked after the model is loaded): process batches until told to stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    for other in inherited:  # the parent's ends of other workers' pipes: not ours to keep open
        other.close()
    parent = os.getppid()
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        results = [(o.article, o.events, o.error)
                   for o in _process_local(task, nlp, published_default, batch_size, max_chunk_chars)]
        conn.send((results, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: object
    task: list[tuple[int, InputItem]] | None = None
    deadline: float = float("inf")


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "an unknown cause"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def _process_pool(
    items: Iterable[InputItem],
    nlp: Language,
    published_default: str | None,
    batch_size: int,
    n_process: int,
    max_chunk_chars: int,
    time_budget: float | None,
    stats: PoolStats,
) -> Iterator[Outcome]:
    ctx = mp.get_context("fork")
    source = iter(items)
    exhausted = False
    next_seq = 0  # next input sequence number to read
    out_seq = 0  # next sequence number to yield
    done: dict[int, Outcome] = {}
    retry: deque[list[tuple[int, InputItem]]] = deque()
    window = max(256, 4 * n_process * batch_size)  # bounded read-ahead: memory stays flat
    workers: list[_Worker] = []

    def budget_for(task: list[tuple[int, InputItem]]) -> float:
        if time_budget is None:
            return float("inf")
        chars = sum(len(item.text or "") for _, item in task)
        return time_budget * max(1.0, chars / max_chunk_chars)

    def spawn() -> _Worker:
        parent_end, child_end = ctx.Pipe(duplex=True)
        inherited = [w.conn for w in workers] + [parent_end]
        proc = ctx.Process(target=_worker_main, name="newsevents-worker", daemon=True,
                           args=(child_end, inherited, nlp, published_default, batch_size, max_chunk_chars))
        proc.start()
        child_end.close()
        stats.workers_started += 1
        return _Worker(proc, parent_end)

    def next_task() -> list[tuple[int, InputItem]] | None:
        nonlocal exhausted, next_seq
        if retry:
            return retry.popleft()
        batch: list[tuple[int, InputItem]] = []
        while not exhausted and len(batch) < batch_size and next_seq - out_seq < window:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                break
            seq, next_seq = next_seq, next_seq + 1
            if item.ok:
                batch.append((seq, item))
            else:  # nothing for a worker to do
                done[seq] = Outcome(item, error=error_record(item))
        return batch or None

    def fail(w: _Worker, stage: str, message: str) -> _Worker:
        """Stop a worker (hung or dead), account for its task, and start a replacement."""
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(10)
        w.conn.close()
        task = w.task or []
        if len(task) > 1:  # find the culprit: retry one article at a time
            stats.retried_batches += 1
            retry.extendleft(reversed([[entry] for entry in task]))
        elif task:
            seq, item = task[0]
            if stage == "timeout":
                stats.timeouts += 1
            else:
                stats.worker_deaths += 1
            done[seq] = Outcome(item, error=error_record(item, stage, message))
        workers.remove(w)
        replacement = spawn()
        workers.append(replacement)
        return replacement

    try:
        for _ in range(n_process):
            workers.append(spawn())
        while True:
            for w in workers:
                if w.task is None:
                    task = next_task()
                    if task is None:
                        break
                    w.conn.send([item for _, item in task])
                    w.task = task
                    w.deadline = time.monotonic() + budget_for(task)
            progressed = False
            while out_seq in done:
                yield done.pop(out_seq)
                out_seq += 1
                progressed = True
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and not retry and out_seq == next_seq:
                    break
                if not progressed:  # pragma: no cover (would be a bug in the bookkeeping)
                    raise RuntimeError("worker pool stalled")
                continue
            earliest = min(w.deadline for w in busy)
            timeout = None if earliest == float("inf") else max(0.0, earliest - time.monotonic())
            ready = set(_wait_ready([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
            now = time.monotonic()
            for w in busy:
                if w.conn in ready or w.proc.sentinel in ready:
                    result = None
                    try:
                        if w.conn.poll():
                            result = w.conn.recv()
                    except (EOFError, OSError):
                        result = None
                    if result is not None:
                        outcomes, rss_kb = result
                        for (seq, item), (article, events, error) in zip(w.task, outcomes, strict=True):
                            done[seq] = Outcome(item, article, events, error)
                        stats.peak_rss_kb_workers = max(stats.peak_rss_kb_workers, rss_kb)
                        w.task = None
                        continue
                    w.proc.join(1)
                    fail(w, "worker", f"the worker processing this article died ({_describe_exit(w.proc.exitcode)});"
                                      " it was replaced and the run went on")
                elif now >= w.deadline:
                    fail(w, "timeout", f"over the time budget of {budget_for(w.task):.0f} s for this article;"
                                       " its worker was stopped and replaced")
    finally:
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in workers:
            w.proc.join(2)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(2)
            w.conn.close()


# ---------------------------------------------------------------------------------------------
# Runs


def _file_sha256(path: str) -> str | None:
    if path == "-":
        return None
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


@dataclass
class RunSummary:
    read: int = 0
    ok: int = 0
    failed: int = 0
    events: int = 0
    entities: int = 0
    dates: int = 0
    quantities: int = 0
    quotes: int = 0
    words: int = 0
    event_types: dict[str, int] = field(default_factory=dict)
    # Resumed runs: items whose records were reused from committed shards (not processed again).
    skipped: int = 0

    def add(self, outcome: Outcome) -> None:
        self.add_records(outcome.article, outcome.events)

    def add_records(self, article: dict | None, events: list[dict]) -> None:
        self.read += 1
        if article is None:
            self.failed += 1
            return
        self.ok += 1
        counts = article["counts"]
        self.events += counts["events"]
        self.entities += counts["entities"]
        self.dates += counts["dates"]
        self.quantities += counts["quantities"]
        self.quotes += counts["quotes"]
        self.words += counts["words"]
        for ev in events:
            self.event_types[ev["type"]] = self.event_types.get(ev["type"], 0) + 1

    def merge(self, other: dict) -> None:
        """Add the counts of another summary (as a dict, from a shard marker)."""
        for key, value in other.items():
            if key == "event_types":
                for t, n in value.items():
                    self.event_types[t] = self.event_types.get(t, 0) + n
            elif key != "skipped":
                setattr(self, key, getattr(self, key) + value)

    def as_dict(self) -> dict:
        return asdict(self)


def run_batch(
    inputs: list[str],
    out_dir: Path,
    nlp: Language,
    model: str,
    published_default: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    progress: bool = True,
    *,
    time_budget: float | None = None,
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
    max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS,
    resume: bool = False,
    shard_size: int | None = None,
) -> RunSummary:
    """Process inputs into out_dir (articles.jsonl, events.jsonl, errors.jsonl, manifest.json).

    Records are first written to committed shards in out_dir/.shards (see pipeline.resume); with
    `resume`, shards committed by an earlier run with the same code, model and options are reused
    (a run killed at any moment finishes with every article exactly once), and the final files are
    merged from the shards in input order."""
    from tqdm import tqdm

    from .resume import DEFAULT_SHARD_SIZE, ShardStore, run_fingerprint

    paths = expand_inputs(inputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = {"published_default": published_default, "max_chunk_chars": max_chunk_chars,
               "max_article_chars": max_article_chars}
    fingerprint = run_fingerprint(nlp, model, options)
    store = ShardStore(out_dir, fingerprint, shard_size or DEFAULT_SHARD_SIZE)
    store.prepare(resume)
    pool_stats = PoolStats()
    started = time.perf_counter()
    bar = tqdm(total=None, unit=" articles", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    try:
        plan = store.plan(read_inputs(paths))
        outcomes = process_items(plan.items_to_process(), nlp, published_default, batch_size, n_process,
                                 max_chunk_chars, time_budget, max_article_chars, pool_stats)
        for outcome in outcomes:
            bar.update(plan.write_outcome(outcome))
        bar.update(plan.finish())
        summary = store.merge(plan.n_shards)
    finally:
        bar.close()
    summary.skipped = plan.skipped
    wall = time.perf_counter() - started
    processed_words = max(0, summary.words - plan.skipped_words)
    manifest = {
        "schema": "newsevents.manifest/1",
        "package": {"name": "newsevents", "version": __version__},
        "python": platform.python_version(),
        "model": model_info(nlp, model),
        "options": {"published_default": published_default, "batch_size": batch_size, "workers": n_process,
                    "time_budget": time_budget, "max_chunk_chars": max_chunk_chars,
                    "max_article_chars": max_article_chars, "shard_size": store.shard_size,
                    "resume": resume, "inputs": inputs},
        "inputs": [{"path": p, "sha256": _file_sha256(p)} for p in paths],
        "counts": {"read": summary.read, "ok": summary.ok, "failed": summary.failed,
                   "events": summary.events, "event_types": dict(sorted(summary.event_types.items())),
                   "entities": summary.entities, "dates": summary.dates, "quantities": summary.quantities,
                   "quotes": summary.quotes, "words": summary.words},
        "outputs": store.output_counts,
        "resume": {"fingerprint": fingerprint, "shards": plan.n_shards, "shards_reused": plan.shards_reused,
                   "skipped": plan.skipped, "processed": summary.read - plan.skipped},
        "workers": {"started": pool_stats.workers_started, "deaths": pool_stats.worker_deaths,
                    "timeouts": pool_stats.timeouts, "retried_batches": pool_stats.retried_batches},
        "peak_rss_mb": {"main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                        "worker": round(pool_stats.peak_rss_kb_workers / 1024, 1) or None},
        "wall_seconds": round(wall, 3),
        "throughput": {"articles_per_second": round((summary.read - plan.skipped) / wall, 2) if wall else None,
                       "words_per_second": round(processed_words / wall, 1) if wall else None},
    }
    write_json_atomic(out_dir / "manifest.json", manifest)
    return summary
