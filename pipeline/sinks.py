"""Output sinks: JSONL writers that appear atomically (temporary file renamed at the end),
the manifest, and schema validation of an output folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any, TextIO

OUTPUT_FILES = ("articles.jsonl", "events.jsonl", "errors.jsonl")


# json.dumps with these options builds a new JSONEncoder on every call; one line per record is the
# hot path of a run, so the encoder is made once (the same options, the same bytes).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(record: Any) -> str:
    """One JSONL line: deterministic (sorted keys would reorder fields the schema documents, so we
    keep insertion order, which is fixed by the record builders) and UTF-8 readable."""
    return _ENCODER.encode(record)


def _fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (best effort: not every filesystem allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicJsonlWriter:
    """Writes DIR/.NAME.tmp and renames it to DIR/NAME on commit, so readers never see a half file."""

    def __init__(self, out_dir: Path, name: str) -> None:
        self.final = out_dir / name
        self.tmp = out_dir / f".{name}.tmp"
        self._fh: TextIO = open(self.tmp, "w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: Any) -> None:
        self.write_line(dumps(record))

    def write_line(self, line: str) -> None:
        """Append one record already serialized (without its newline)."""
        self._fh.write(line)
        self._fh.write("\n")
        self.count += 1


    def copy_from(self, path: Path, n_lines: int) -> None:
        """Append a whole JSONL file that holds `n_lines` lines (a committed shard)."""
        with open(path, encoding="utf-8", newline="\n") as src:
            shutil.copyfileobj(src, self._fh, 1 << 20)
        self.count += n_lines

    def commit(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.tmp, self.final)

    def abort(self) -> None:
        self._fh.close()
        self.tmp.unlink(missing_ok=True)


def write_json_atomic(path: Path, obj: Any, durable: bool = False) -> None:
    """Write JSON to a temporary file and rename it over `path`. With `durable`, fsync the file
    and its folder first, so the file is either absent or complete after a crash (commit markers)."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        if durable:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)
    if durable:
        _fsync_dir(path.parent)
