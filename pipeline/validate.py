"""Validate records and output folders against the packaged JSON Schemas (the contract)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_FILES = {"article": "article.schema.json", "event": "event.schema.json", "error": "error.schema.json"}
OUTPUT_KINDS = {"articles.jsonl": "article", "events.jsonl": "event", "errors.jsonl": "error"}


def load_schema(name: str) -> dict:
    return json.loads(resources.files("pipeline.schemas").joinpath(name).read_text(encoding="utf-8"))


@cache
def validator(kind: str) -> Draft202012Validator:
    defs = load_schema("defs.schema.json")
    registry = Registry().with_resource(defs["$id"], Resource.from_contents(defs))
    schema = load_schema(SCHEMA_FILES[kind])
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def record_errors(kind: str, record: dict) -> list[str]:
    """Schema violations of one record, as readable strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator(kind).iter_errors(record)]


def offset_errors(article: dict) -> list[str]:
    """Every inventory object's text must equal article text[start:end]."""
    text = article["text"]
    problems = []
    for field in ("dates", "quantities", "quotes"):
        for obj in article[field]:
            if text[obj["start"]:obj["end"]] != obj["text"] and field != "quotes":
                problems.append(f"{field}: {obj['text']!r} != text[{obj['start']}:{obj['end']}]")
    for ent in article["entities"]:
        for m in ent["mentions"]:
            if text[m["start"]:m["end"]] != m["text"]:
                problems.append(f"entity {ent['entity_id']}: {m['text']!r} at {m['start']}")
    return problems


def record_files(out_dir: Path, fname: str) -> list[Path] | None:
    """The files holding one kind of record: OUT/articles.jsonl, or (the partitioned layout of
    `newsevents spark`) OUT/articles/part-* in name order. None when neither exists."""
    single = out_dir / fname
    if single.is_file():
        return [single]
    parts_dir = out_dir / fname.removesuffix(".jsonl")
    if parts_dir.is_dir():
        return sorted(p for p in parts_dir.glob("part-*") if not p.name.endswith(".crc"))
    return None


def _lines(files: list[Path]):  # noqa: ANN202
    for path in files:
        with open(path, encoding="utf-8") as fh:
            yield from fh


def validate_dir(out_dir: Path, max_problems: int = 50) -> tuple[dict[str, int], list[str]]:
    """Validate every record file in out_dir. Returns (records checked per file, problems)."""
    checked: dict[str, int] = {}
    problems: list[str] = []
    for fname, kind in OUTPUT_KINDS.items():
        files = record_files(out_dir, fname)
        if files is None:
            problems.append(f"{fname}: missing")
            continue
        n = 0
        for lineno, line in enumerate(_lines(files), start=1):
            n += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{fname}:{lineno}: not JSON ({exc.msg})")
                continue
            errs = record_errors(kind, record)
            if kind == "article" and not errs:
                errs = offset_errors(record)
            problems.extend(f"{fname}:{lineno}: {e}" for e in errs)
            if len(problems) >= max_problems:
                return checked, problems
        checked[fname] = n
    manifest = out_dir / "manifest.json"
    if manifest.exists():
        counts = json.loads(manifest.read_text(encoding="utf-8"))["counts"]
        if counts["read"] != counts["ok"] + counts["failed"]:
            problems.append("manifest.json: read != ok + failed")
        if checked.get("articles.jsonl") not in (None, counts["ok"]) or checked.get("errors.jsonl") not in (None, counts["failed"]):
            problems.append("manifest.json: counts do not match the record files")
    else:
        problems.append("manifest.json: missing")
    return checked, problems
