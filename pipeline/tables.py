"""Flat event tables (`newsevents table`) and a terminal summary (`newsevents stats`) of an output
folder of `newsevents run` (articles.jsonl, events.jsonl, errors.jsonl, manifest.json).

The loaders and aggregations here are shared with the HTML report (pipeline/report.py)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import typer

SEP = " | "  # joins list values inside one table cell (names never contain it in practice)

COLUMNS = [
    "event_id", "article_id", "article_title", "published", "type", "negated",
    "sentence_index", "sentence_start", "sentence_end", "sentence_text",
    "trigger_text", "trigger_lemma", "trigger_start", "trigger_end",
    "actors_names", "actors_keys", "actors_labels", "actors_texts", "actors_count",
    "targets_names", "targets_keys", "targets_labels", "targets_texts", "targets_count",
    "where_names", "where_keys", "where_texts",
    "when_text", "when_type", "when_value", "when_mod", "when_anchor",
    "when_range_start", "when_range_end",
    "quantities_texts", "quantities_kinds", "quantities_values", "quantities_lows",
    "quantities_highs", "quantities_approx", "quantities_units", "quantities_per", "quantities_counted",
    "quantities_count",
    "quote_text", "quote_direct", "quote_partial", "quote_cue",
    "quote_speaker", "quote_speaker_key", "quote_speaker_text",
]
INT_COLUMNS = ("sentence_index", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
               "actors_count", "targets_count", "quantities_count")
BOOL_COLUMNS = ("negated", "quote_direct", "quote_partial")


class OutputError(Exception):
    """The folder is not a readable output folder (missing or malformed file)."""


@dataclass
class Output:
    """An output folder, loaded."""

    path: Path
    articles: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    manifest: dict | None = None
    _entity_index: dict | None = field(default=None, repr=False, compare=False)

    def entity_index(self) -> dict[tuple[str, str], dict]:
        """(article_id, entity_id) -> the article's entity record (built once: the report and the
        tables of one folder all ask for it)."""
        if self._entity_index is None:
            self._entity_index = {(a["article_id"], e["entity_id"]): e for a in self.articles for e in a["entities"]}
        return self._entity_index


def read_jsonl(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise OutputError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return records


def load_output(out_dir: Path) -> Output:
    """Read an output folder. articles.jsonl and events.jsonl are required; errors.jsonl and
    manifest.json are optional (an interrupted or hand-made folder may lack them)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise OutputError(f"not a folder: {out_dir}")
    out = Output(out_dir)
    for name in ("articles.jsonl", "events.jsonl"):
        if not (out_dir / name).is_file():
            raise OutputError(f"{out_dir / name} is missing (is this an output folder of `newsevents run`?)")
    out.articles = read_jsonl(out_dir / "articles.jsonl")
    out.events = read_jsonl(out_dir / "events.jsonl")
    if (out_dir / "errors.jsonl").is_file():
        out.errors = read_jsonl(out_dir / "errors.jsonl")
    if (out_dir / "manifest.json").is_file():
        try:
            out.manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise OutputError(f"{out_dir / 'manifest.json'}: not JSON ({exc.msg})") from None
    return out


# ---------------------------------------------------------------- keys and aggregations

def ref_key(ref: dict, article_id: str, index: dict[tuple[str, str], dict]) -> str:
    """The cross-article key of an entity reference (via the article's entity), with a fallback."""
    ent = index.get((article_id, ref.get("entity_id", "")))
    if ent is not None:
        return ent["key"]
    return f"{ref.get('label') or 'ENTITY'}:{(ref.get('name') or ref.get('text') or '').lower()}"


def quote_speaker(quote: dict | None, article_id: str,
                  index: dict[tuple[str, str], dict]) -> tuple[str | None, str | None]:
    """(speaker name, speaker key) of a quote: the resolved entity, else the raw speaker text
    (key 'TEXT:<lowercased text>'), else (None, None)."""
    if not quote:
        return None, None
    sp = quote.get("speaker")
    if sp:
        return sp["name"], ref_key(sp, article_id, index)
    text = quote.get("speaker_text")
    if text:
        return text, f"TEXT:{text.lower()}"
    return None, None


@dataclass
class Group:
    key: str
    label: str
    names: Counter = field(default_factory=Counter)
    casings: Counter = field(default_factory=Counter)  # mention texts, to undo dateline CAPITALS
    count: int = 0  # mentions (entities) or quotes (speakers)
    articles: set = field(default_factory=set)

    @property
    def name(self) -> str:
        """The most frequent name (ties: the longer, then alphabetically first), written the way
        its mentions write it most often ('ISTANBUL' from a dateline becomes 'Istanbul')."""
        name = min(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
        same = [(n, t) for t, n in self.casings.items() if t.lower() == name.lower()]
        return max(same)[1] if same else name

    def as_dict(self) -> dict:
        return {"key": self.key, "name": self.name, "label": self.label, "count": self.count,
                "articles": len(self.articles)}


def _ranked(groups: dict[str, Group]) -> list[dict]:
    return [g.as_dict() for g in sorted(groups.values(), key=lambda g: (-g.count, -len(g.articles), g.key))]


def entity_groups(out: Output) -> list[dict]:
    """Entities grouped by `key` across articles, most mentioned first:
    [{key, name, label, count (mentions), articles}]."""
    groups: dict[str, Group] = {}
    for a in out.articles:
        for e in a["entities"]:
            g = groups.setdefault(e["key"], Group(e["key"], e["label"]))
            g.names[e["name"]] += len(e["mentions"])
            g.casings.update(m["text"] for m in e["mentions"])
            g.count += len(e["mentions"])
            g.articles.add(a["article_id"])
    return _ranked(groups)


def speaker_groups(out: Output) -> list[dict]:
    """Quote speakers (all quotes of all articles) grouped by entity key, most quoted first."""
    index = out.entity_index()
    groups: dict[str, Group] = {}
    for a in out.articles:
        for q in a["quotes"]:
            name, key = quote_speaker(q, a["article_id"], index)
            if key is None:
                continue
            label = q["speaker"]["label"] if q.get("speaker") else "TEXT"
            g = groups.setdefault(key, Group(key, label))
            g.names[name] += 1
            g.count += 1
            g.articles.add(a["article_id"])
    return _ranked(groups)


def resolved_range(event: dict) -> tuple[str, str] | None:
    when = event.get("when")
    rng = when.get("range") if when else None
    if rng and rng.get("start") and rng.get("end"):
        return rng["start"], rng["end"]
    return None


# ---------------------------------------------------------------- the flat event table

def _num(v: Any) -> str:
    if v is None:
        return ""
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


def _join(values) -> str:
    return SEP.join("" if v is None else str(v) for v in values)


def event_row(ev: dict, article: dict | None, index: dict[tuple[str, str], dict]) -> dict:
    aid = ev["article_id"]
    row: dict[str, Any] = {
        "event_id": ev["event_id"], "article_id": aid,
        "article_title": article.get("title") if article else None,
        "published": ev.get("published"), "type": ev["type"], "negated": bool(ev.get("negated")),
    }
    s = ev.get("sentence") or {}
    row.update(sentence_index=s.get("index"), sentence_start=s.get("start"),
               sentence_end=s.get("end"), sentence_text=(s.get("text") or "").strip() or None)
    t = ev.get("trigger") or {}
    row.update(trigger_text=t.get("text"), trigger_lemma=t.get("lemma"),
               trigger_start=t.get("start"), trigger_end=t.get("end"))
    for role in ("actors", "targets", "where"):
        refs = ev.get(role) or []
        row[f"{role}_names"] = _join(r["name"] for r in refs)
        row[f"{role}_keys"] = _join(ref_key(r, aid, index) for r in refs)
        row[f"{role}_texts"] = _join(r["text"] for r in refs)
        if role != "where":
            row[f"{role}_labels"] = _join(r["label"] for r in refs)
            row[f"{role}_count"] = len(refs)
    w = ev.get("when") or {}
    rng = w.get("range") or {}
    row.update(when_text=w.get("text"), when_type=w.get("type"), when_value=w.get("value"),
               when_mod=w.get("mod"), when_anchor=w.get("anchor"),
               when_range_start=rng.get("start"), when_range_end=rng.get("end"))
    qs = ev.get("quantities") or []
    row.update(quantities_texts=_join(q["text"] for q in qs),
               quantities_kinds=_join(q.get("kind") for q in qs),
               quantities_values=_join(_num(q.get("value")) for q in qs),
               quantities_lows=_join(_num(q.get("low")) for q in qs),
               quantities_highs=_join(_num(q.get("high")) for q in qs),
               quantities_approx=_join(q.get("approx") for q in qs),
               quantities_units=_join(q.get("unit") for q in qs),
               quantities_per=_join(q.get("per") for q in qs),
               quantities_counted=_join(q.get("counted") for q in qs),
               quantities_count=len(qs))
    q = ev.get("quote")
    name, key = quote_speaker(q, aid, index)
    row.update(quote_text=q.get("text") if q else None,
               quote_direct=q.get("direct") if q else None,
               quote_partial=q.get("partial") if q else None,
               quote_cue=q.get("cue") if q else None,
               quote_speaker=name, quote_speaker_key=key,
               quote_speaker_text=q.get("speaker_text") if q else None)
    return row


def events_frame(out: Output):
    """One row per event, nested fields flattened (list values joined with ' | ')."""
    import pandas as pd

    articles = {a["article_id"]: a for a in out.articles}
    index = out.entity_index()
    rows = [event_row(ev, articles.get(ev["article_id"]), index) for ev in out.events]
    df = pd.DataFrame(rows, columns=COLUMNS)
    for col in INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in BOOL_COLUMNS:
        df[col] = df[col].astype("boolean")
    return df


class TableFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


def _fail(message: str) -> None:
    typer.echo(f"newsevents: error: {message}", err=True)
    raise typer.Exit(2)


def _load_or_fail(out_dir: Path) -> Output:
    try:
        return load_output(out_dir)
    except OutputError as exc:
        _fail(str(exc))


def table_command(
    out_dir: Path = typer.Argument(..., help="An output folder of `newsevents run`."),
    format: TableFormat = typer.Option(TableFormat.csv, "--format", "-f", help="csv or parquet."),
    out: Path = typer.Option(None, "--out", "-o", help="Table file (default: events.csv / events.parquet)."),
) -> None:
    """Write a flat event table (one row per event) for spreadsheets and notebooks."""
    data = _load_or_fail(out_dir)
    fmt = TableFormat(format)
    out = out or Path(f"events.{fmt.value}")
    df = events_frame(data)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True)
    if fmt is TableFormat.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            _fail("--format parquet needs pyarrow (pip install 'newsevents[parquet]')")
        df.to_parquet(out, index=False)
    else:
        df.to_csv(out, index=False, encoding="utf-8")
    typer.echo(f"{len(df)} events x {len(df.columns)} columns -> {out}")


# ---------------------------------------------------------------- stats

def compute_stats(out: Output, top: int = 10) -> dict:
    events_by_type = Counter(ev["type"] for ev in out.events)
    ranges = [r for r in (resolved_range(ev) for ev in out.events) if r]
    published = sorted(a["published"] for a in out.articles if a.get("published"))
    counts = (out.manifest or {}).get("counts", {})
    read = counts.get("read", len(out.articles) + len(out.errors))
    n_errors = len(out.errors)
    inventory = defaultdict(int)
    for a in out.articles:
        for k in ("dates", "quantities", "quotes"):
            inventory[k] += len(a[k])
        inventory["entities"] += len(a["entities"])
        inventory["mentions"] += sum(len(e["mentions"]) for e in a["entities"])
    ents = entity_groups(out)
    return {
        "folder": str(out.path),
        "articles": len(out.articles),
        "read": read,
        "errors": n_errors,
        "error_rate": round(n_errors / read, 4) if read else 0.0,
        "errors_by_stage": dict(sorted(Counter(e.get("stage", "?") for e in out.errors).items())),
        "events": len(out.events),
        "events_by_type": dict(sorted(events_by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "entities": inventory["entities"],
        "entity_keys": len(ents),
        "mentions": inventory["mentions"],
        "dates": inventory["dates"],
        "quantities": inventory["quantities"],
        "quotes": inventory["quotes"],
        "events_with_date": len(ranges),
        "date_share": round(len(ranges) / len(out.events), 4) if out.events else 0.0,
        "date_min": min(r[0] for r in ranges) if ranges else None,
        "date_max": max(r[1] for r in ranges) if ranges else None,
        "published_min": published[0] if published else None,
        "published_max": published[-1] if published else None,
        "top_entities": ents[:top],
        "top_speakers": speaker_groups(out)[:top],
    }


def format_stats(st: dict) -> str:
    pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
    types = ", ".join(f"{k} {v}" for k, v in st["events_by_type"].items()) or "none"
    lines = [
        f"Output folder  {st['folder']}",
        f"Articles       {st['articles']} ok of {st['read']} read; {st['errors']} errors"
        f" (error rate {pct(st['error_rate'])})",
    ]
    if st["errors_by_stage"]:
        lines.append("  errors by stage: " + ", ".join(f"{k} {v}" for k, v in st["errors_by_stage"].items()))
    lines += [
        f"Events         {st['events']} ({types})",
        f"Inventory      entities {st['entities']} ({st['entity_keys']} distinct keys, {st['mentions']} mentions)"
        f" | dates {st['dates']} | quantities {st['quantities']} | quotes {st['quotes']}",
        f"Event dates    {st['events_with_date']} of {st['events']} events resolved"
        f" ({pct(st['date_share'])})"
        + (f"; from {st['date_min']} to {st['date_max']}" if st["date_min"] else ""),
        "Published      " + (f"{st['published_min']} to {st['published_max']}" if st["published_min"] else "unknown"),
    ]
    for title, rows, unit in (("Top entities", st["top_entities"], "mentions"),
                              ("Top speakers", st["top_speakers"], "quotes")):
        lines.append(f"{title} ({unit}):")
        if not rows:
            lines.append("  none")
        width = max((len(r["name"]) for r in rows), default=0)
        for i, r in enumerate(rows, 1):
            lines.append(f"  {i:>2}. {r['name']:<{width}}  {r['count']:>4} {unit[:-1] if r['count'] == 1 else unit}"
                         f" in {r['articles']}"
                         f" article{'s' if r['articles'] != 1 else ''}  [{r['key']}]")
    return "\n".join(lines)


def stats_command(
    out_dir: Path = typer.Argument(..., help="An output folder of `newsevents run`."),
    top: int = typer.Option(10, "--top", min=1, help="How many top entities and speakers."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Print a summary: counts, events by type, top entities and speakers, date coverage, error rate."""
    st = compute_stats(_load_or_fail(out_dir), top=top)
    typer.echo(json.dumps(st, ensure_ascii=False, indent=2) if as_json else format_stats(st))
