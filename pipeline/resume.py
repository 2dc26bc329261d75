"""Shards with commit markers: crash-safe, resumable and incremental runs.

Layout of an output folder (the merged files are what every reader uses):

    OUT/articles.jsonl, events.jsonl, errors.jsonl, manifest.json   merged, input order
    OUT/.shards/000000.done.json                                    commit marker of shard 0
    OUT/.shards/000000-<nonce>.{articles,events,errors}.jsonl        its records

Shard k holds the records of input items k*S .. k*S+S-1 (S = shard size, in input order). A shard
exists only once its marker is written: data files are written and fsync'd under a fresh name,
then the marker naming them is written atomically (temporary file, fsync, rename). Whatever
instant a run is killed at (`kill -9`), each shard is either committed with all its records or
absent; files no marker names are garbage and are removed.

`--resume` reuses committed shards made with the same *fingerprint* (package version, a digest of
the pipeline code and lexicons, the model, the options that change records):

* a shard whose items have the same keys as this run's items at that position is kept as it is;
* otherwise each article whose key (article id + text hash + source and metadata, so that reused
  records are exactly the ones this run would write) is found in the old shard at that position is
  copied, and only the others are processed.

Without `--resume` the shards of an earlier run are deleted first. The merged files are rebuilt
from the shards at the end of every run, in input order, so their bytes do not depend on how many
times the run was interrupted.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from . import __version__
from .defaults import DEFAULT_SHARD_SIZE
from .ingest import InputItem, text_hash
from .nlp import model_info
from .sinks import AtomicJsonlWriter, _fsync_dir, dumps, write_json_atomic

SHARD_DIR = ".shards"
KINDS = ("articles", "events", "errors")
MARKER_SCHEMA = "newsevents.shard/1"


# Modules of the package that cannot change a record (so editing them keeps --resume's shards).
_NOT_RECORD_CODE = {"eval", "report", "report_assets", "tables", "cli", "validate", "spark"}


@lru_cache(maxsize=1)
def code_digest() -> str:
    """sha256 over the pipeline package's code and data that make records, and the repository's
    lexicons (models/)."""
    pkg = Path(__file__).resolve().parent
    roots = [pkg]
    lexicons = pkg.parent / "models"
    if lexicons.is_dir():
        roots.append(lexicons)
    h = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            rel = path.relative_to(root)
            if rel.parts[0] in _NOT_RECORD_CODE or rel.stem in _NOT_RECORD_CODE:
                continue  # evaluation, reports, the CLI: do not change records
            if path.suffix not in (".py", ".json", ".txt", ".tsv", ".csv") and "data" not in path.parts:
                continue
            h.update(str(path.relative_to(root.parent)).encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def run_fingerprint(nlp: Language, model: str, options: dict) -> str:
    """What the records depend on besides the input: code, model, and record-changing options."""
    info = model_info(nlp, model)
    payload = {"package": __version__, "code": code_digest(), "model": info, "options": options}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def item_key(item: InputItem) -> str:
    """Identity of an input item for reuse: article id + text hash, and the source and metadata
    that the records repeat (so a reused record is byte-identical to a recomputed one)."""
    payload = [item.article_id, text_hash(item.text) if item.text is not None else None, item.path,
               item.line, item.title, item.url, item.source_name, item.published, item.warnings,
               item.error_stage, item.error]
    return hashlib.sha1(json.dumps(payload, ensure_ascii=True).encode()).hexdigest()


class _OpenShard:
    """A shard being written: temporary data files, the entries, and its counts."""

    def __init__(self, store: ShardStore, index: int) -> None:
        from .runner import RunSummary

        self.store = store
        self.index = index
        self.nonce = uuid.uuid4().hex[:12]
        self.files = {kind: f"{index:06d}-{self.nonce}.{kind}.jsonl" for kind in KINDS}
        self.writers = {kind: AtomicJsonlWriter(store.dir, name) for kind, name in self.files.items()}
        self.keys: list[str] = []
        self.entries: list[list] = []
        self.summary = RunSummary()

    def _write(self, kind: str, line: str) -> None:
        self.writers[kind].write_line(line)

    def add(self, key: str, article_line: str | None, event_lines: list[str], error_line: str | None,
            article: dict | None, events: list[dict]) -> None:
        self.keys.append(key)
        if article_line is not None:
            self._write("articles", article_line)
            for line in event_lines:
                self._write("events", line)
            self.entries.append(["a", len(event_lines)])
        else:
            self._write("errors", error_line or "")
            self.entries.append(["e", 0])
        self.summary.add_records(article, events)

    def commit(self) -> None:
        for writer in self.writers.values():
            writer.commit()  # fsync'd, then renamed into place
        _fsync_dir(self.store.dir)
        lines = {kind: writer.count for kind, writer in self.writers.items()}
        marker = {"schema": MARKER_SCHEMA, "index": self.index, "fingerprint": self.store.fingerprint,
                  "files": self.files, "lines": lines, "keys": self.keys, "entries": self.entries,
                  "summary": self.summary.as_dict()}
        # The commit point: before this rename the shard does not exist, after it it is complete.
        write_json_atomic(self.store.marker_path(self.index), marker, durable=True)


class ShardStore:
    """The committed shards of one output folder."""

    def __init__(self, out_dir: Path, fingerprint: str, shard_size: int = DEFAULT_SHARD_SIZE) -> None:
        if shard_size < 1:
            raise ValueError("shard_size must be at least 1")
        self.out_dir = out_dir
        self.dir = out_dir / SHARD_DIR
        self.fingerprint = fingerprint
        self.shard_size = shard_size
        self.output_counts: dict[str, int] = {}

    def marker_path(self, index: int) -> Path:
        return self.dir / f"{index:06d}.done.json"

    def prepare(self, resume: bool) -> None:
        """Create the shard folder; drop temporary files of a killed run, and every shard unless
        resuming."""
        self.dir.mkdir(parents=True, exist_ok=True)
        for path in self.dir.iterdir():
            if path.name.endswith(".tmp") or not resume:
                path.unlink()
        for path in self.out_dir.glob(".*.tmp"):
            path.unlink()

    def load_marker(self, index: int) -> dict | None:
        """The committed marker of shard `index` if it was made with this run's fingerprint."""
        path = self.marker_path(index)
        try:
            marker = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if marker.get("schema") != MARKER_SCHEMA or marker.get("fingerprint") != self.fingerprint:
            return None
        if not all((self.dir / name).is_file() for name in marker["files"].values()):
            return None
        return marker

    def reusable(self, marker: dict) -> dict[str, tuple[str, list[str]]]:
        """key -> (article line, event lines) for the articles of a committed shard."""
        out: dict[str, tuple[str, list[str]]] = {}
        with open(self.dir / marker["files"]["articles"], encoding="utf-8") as arts, \
                open(self.dir / marker["files"]["events"], encoding="utf-8") as evs:
            for key, (kind, n_events) in zip(marker["keys"], marker["entries"], strict=True):
                if kind != "a":
                    continue
                article = arts.readline().rstrip("\n")
                out[key] = (article, [evs.readline().rstrip("\n") for _ in range(n_events)])
        return out

    def plan(self, items: Iterable[InputItem]) -> ShardPlan:
        return ShardPlan(self, items)

    def merge(self, n_shards: int):  # noqa: ANN201 (RunSummary; import cycle)
        """Write the final files from shards 0..n_shards-1 (all committed) and return the counts.
        Shards beyond n_shards (a shorter input than last time) and unnamed files are removed."""
        from .runner import RunSummary

        summary = RunSummary()
        writers = {kind: AtomicJsonlWriter(self.out_dir, f"{kind}.jsonl") for kind in KINDS}
        keep: set[str] = set()
        try:
            for index in range(n_shards):
                marker = self.load_marker(index)
                if marker is None:
                    raise RuntimeError(f"shard {index} is not committed")
                for kind in KINDS:
                    writers[kind].copy_from(self.dir / marker["files"][kind], marker["lines"][kind])
                    keep.add(marker["files"][kind])
                keep.add(self.marker_path(index).name)
                summary.merge(marker["summary"])
        except BaseException:
            for w in writers.values():
                w.abort()
            raise
        for w in writers.values():
            w.commit()
        self.output_counts = {kind: writers[kind].count for kind in KINDS}
        for path in self.dir.iterdir():
            if path.name not in keep:
                path.unlink()
        return summary


class ShardPlan:
    """Decides, shard by shard, what is reused and what is processed, and writes the shards.

    `items_to_process()` yields the items that need the NLP (feed it to process_items);
    `write_outcome(outcome)` is called for each outcome in order, `finish()` at the end. A journal
    keeps everything in input order: reused items and shard ends that come between processed
    items are written when the next processed outcome (or the end) arrives."""

    def __init__(self, store: ShardStore, items: Iterable[InputItem]) -> None:
        self.store = store
        self._items = items
        self._journal: deque[tuple] = deque()
        self._open: _OpenShard | None = None
        self.n_shards = 0
        self.shards_reused = 0
        self.skipped = 0
        self.skipped_words = 0

    def items_to_process(self) -> Iterator[InputItem]:
        group: list[InputItem] = []
        index = 0
        for item in self._items:
            group.append(item)
            if len(group) == self.store.shard_size:
                yield from self._plan_group(index, group)
                index, group = index + 1, []
        if group:
            yield from self._plan_group(index, group)
            index += 1
        self.n_shards = index

    def _plan_group(self, index: int, group: list[InputItem]) -> Iterator[InputItem]:
        keys = [item_key(item) for item in group]
        marker = self.store.load_marker(index)
        if marker is not None and marker["keys"] == keys:
            self.shards_reused += 1
            self.skipped += len(group)
            self.skipped_words += marker["summary"]["words"]
            self._journal.append(("skip", len(group)))
            return
        reuse = self.store.reusable(marker) if marker is not None else {}
        for item, key in zip(group, keys, strict=True):
            lines = reuse.get(key) if item.ok else None
            self._journal.append(("item", index, item, key, lines))
            if lines is None:
                yield item
            else:
                self.skipped += 1
                self.skipped_words += json.loads(lines[0])["counts"]["words"]
        self._journal.append(("end", index))

    def _shard(self, index: int) -> _OpenShard:
        if self._open is None:
            self._open = _OpenShard(self.store, index)
        return self._open

    def _handle(self, token: tuple, outcome=None) -> int:  # noqa: ANN001
        kind = token[0]
        if kind == "skip":
            return token[1]
        if kind == "end":
            if self._open is not None:
                self._open.commit()
                self._open = None
            return 0
        _, index, _item, key, lines = token
        shard = self._shard(index)
        if lines is not None:
            article_line, event_lines = lines
            shard.add(key, article_line, event_lines, None, json.loads(article_line),
                      [json.loads(line) for line in event_lines])
        elif outcome.article is not None:
            shard.add(key, dumps(outcome.article), [dumps(ev) for ev in outcome.events], None,
                      outcome.article, outcome.events)
        else:
            shard.add(key, None, [], dumps(outcome.error), None, [])
        return 1

    def write_outcome(self, outcome) -> int:  # noqa: ANN001 (runner.Outcome)
        """Write everything up to and including this processed item; returns items written."""
        n = 0
        while self._journal:
            token = self._journal.popleft()
            if token[0] == "item" and token[4] is None:
                if token[2] is not outcome.item:  # pragma: no cover (order is guaranteed)
                    raise RuntimeError("outcome out of order")
                return n + self._handle(token, outcome)
            n += self._handle(token)
        raise RuntimeError("outcome for an item that was not planned")  # pragma: no cover

    def finish(self) -> int:
        n = 0
        while self._journal:
            n += self._handle(self._journal.popleft())
        return n
