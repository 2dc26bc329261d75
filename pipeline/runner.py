"""Batch processing: InputItems -> nlp.pipe -> records -> sinks, streaming in input order.

Every input item ends as an article record or an error record; nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
import platform
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .ingest import InputItem, expand_inputs, read_inputs
from .nlp import model_info
from .records import build_records, error_record
from .sinks import AtomicJsonlWriter, write_json_atomic
from .textclean import clean_for_nlp

DEFAULT_MAX_CHUNK_CHARS = 100_000


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


class _ErrorLog:
    """spaCy error handler: remember why a doc was dropped instead of stopping the batch."""

    def __init__(self) -> None:
        self.messages: dict[int, str] = {}

    def __call__(self, proc_name, proc, docs, exc) -> None:  # noqa: ANN001 (spaCy's signature)
        for doc in docs:
            ctx = getattr(doc, "_context", None)
            if ctx is not None:
                self.messages[ctx[0]] = f"{proc_name}: {type(exc).__name__}: {exc}"


def process_items(
    items: Iterable[InputItem],
    nlp: Language,
    published_default: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
) -> Iterator[Outcome]:
    """Run the pipeline over items, yielding one Outcome per item, in input order."""
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
            elif published_default:
                item.published = published_default
                state.published_from = "default"
            chunks = split_for_nlp(item.text or "", max_chunk_chars)
            state.n_chunks = len(chunks)
            for chunk_no, (base, chunk) in enumerate(chunks):
                doc = nlp.make_doc(clean_for_nlp(chunk))
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

    for doc, (seq, _chunk_no, base) in nlp.pipe(
        docs_with_context(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        # Output order is input order: everything before this item is complete (or lost).
        for earlier in sorted(s for s in pending if s < seq):
            yield finish(earlier)
        state = pending[seq]
        state.docs.append((doc, base))
        if len(state.docs) == state.n_chunks:
            yield finish(seq)
    for seq in sorted(pending):
        yield finish(seq)


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

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.article is None:
            self.failed += 1
            return
        self.ok += 1
        counts = outcome.article["counts"]
        self.events += counts["events"]
        self.entities += counts["entities"]
        self.dates += counts["dates"]
        self.quantities += counts["quantities"]
        self.quotes += counts["quotes"]
        self.words += counts["words"]
        for ev in outcome.events:
            self.event_types[ev["type"]] = self.event_types.get(ev["type"], 0) + 1


def run_batch(
    inputs: list[str],
    out_dir: Path,
    nlp: Language,
    model: str,
    published_default: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = True,
) -> RunSummary:
    """Process inputs into out_dir (articles.jsonl, events.jsonl, errors.jsonl, manifest.json)."""
    from tqdm import tqdm

    paths = expand_inputs(inputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = {name: AtomicJsonlWriter(out_dir, f"{name}.jsonl") for name in ("articles", "events", "errors")}
    summary = RunSummary()
    started = time.perf_counter()
    bar = tqdm(total=None, unit=" articles", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    try:
        for outcome in process_items(read_inputs(paths), nlp, published_default, batch_size, n_process):
            summary.add(outcome)
            if outcome.article is not None:
                writers["articles"].write(outcome.article)
                for ev in outcome.events:
                    writers["events"].write(ev)
            else:
                writers["errors"].write(outcome.error)
            bar.update(1)
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    finally:
        bar.close()
    for w in writers.values():
        w.commit()
    wall = time.perf_counter() - started
    manifest = {
        "schema": "newsevents.manifest/1",
        "package": {"name": "newsevents", "version": __version__},
        "python": platform.python_version(),
        "model": model_info(nlp, model),
        "options": {"published_default": published_default, "batch_size": batch_size, "workers": n_process,
                    "inputs": inputs},
        "inputs": [{"path": p, "sha256": _file_sha256(p)} for p in paths],
        "counts": {"read": summary.read, "ok": summary.ok, "failed": summary.failed,
                   "events": summary.events, "event_types": dict(sorted(summary.event_types.items())),
                   "entities": summary.entities, "dates": summary.dates, "quantities": summary.quantities,
                   "quotes": summary.quotes, "words": summary.words},
        "outputs": {name: w.count for name, w in writers.items()},
        "wall_seconds": round(wall, 3),
        "throughput": {"articles_per_second": round(summary.read / wall, 2) if wall else None,
                       "words_per_second": round(summary.words / wall, 1) if wall else None},
    }
    write_json_atomic(out_dir / "manifest.json", manifest)
    return summary
