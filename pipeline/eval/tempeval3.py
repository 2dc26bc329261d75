"""TempEval-3 task A (temporal expressions) reader and scorer.

`read_tml(path)` returns the text of <TEXT> with the tags stripped, the DCT and the gold TIMEX3s
with character offsets into that text. `score(gold, predicted)` computes the TempEval-3 measures:
strict and relaxed extraction P/R/F1 (relaxed = overlapping extents paired one-to-one), type and
value accuracy over relaxed matches and type/value F1 (relaxed matches whose attribute is also
right), micro-averaged over documents. The DCT is never scored.
"""

from __future__ import annotations

import html
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import typer

from ..defaults import DEFAULT_MODEL
from .measures import precision_recall_f1

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass
class TimexSpan:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class TmlDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[TimexSpan] = field(default_factory=list)


def read_tml(path: Path | str) -> TmlDoc:
    raw = Path(path).read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        vm = re.search(r'value="([^"]+)"', m.group(1))
        dct = vm.group(1) if vm else None
    tm = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = tm.group(1) if tm else ""
    parts: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict]] = []
    spans: list[TimexSpan] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs, selfclose = t.groups()
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            spans.append(TimexSpan(start, length, "", a.get("type", ""), a.get("value")))
    chunk = html.unescape(body[pos:])
    parts.append(chunk)
    text = "".join(parts)
    for s in spans:
        s.text = text[s.start:s.end]
    spans.sort(key=lambda s: (s.start, s.end))
    return TmlDoc(Path(path).stem, text, dct, spans)


def _pair(gold: list[TimexSpan], pred: list[TimexSpan]) -> list[tuple[TimexSpan, TimexSpan]]:
    """One-to-one pairs of overlapping spans; exact-extent pairs are made first."""
    pairs = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and p.start == g.start and p.end == g.end:
                pairs.append((g, p))
                used_p.add(pi)
                used_g.add(gi)
                break
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        best = None
        for pi, p in enumerate(pred):
            if pi in used_p or p.end <= g.start or p.start >= g.end:
                continue
            ov = min(p.end, g.end) - max(p.start, g.start)
            if best is None or ov > best[0]:
                best = (ov, pi)
        if best is not None:
            used_p.add(best[1])
            used_g.add(gi)
            pairs.append((g, pred[best[1]]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p, r, f = precision_recall_f1(tp, n_pred, tp, n_gold)
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def score(gold_docs, predicted_docs) -> dict:
    """TempEval-3 task A scores. Each argument: a list of TmlDoc-like objects with `.name` and
    `.timexes` (spans with start, end, type, value), or a dict name -> list of spans."""
    gold = _as_map(gold_docs)
    pred = _as_map(predicted_docs)
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    errors = []
    for name, gspans in gold.items():
        pspans = pred.get(name, [])
        n_gold += len(gspans)
        n_pred += len(pspans)
        pairs = _pair(gspans, pspans)
        relaxed += len(pairs)
        matched_p = {id(p) for _, p in pairs}
        matched_g = {id(g) for g, _ in pairs}
        for g, p in pairs:
            strict += int(g.start == p.start and g.end == p.end)
            type_ok += int(g.type == p.type)
            value_ok += int((g.value or "") == (p.value or ""))
            if g.type != p.type or (g.value or "") != (p.value or "") or (g.start, g.end) != (p.start, p.end):
                errors.append({"doc": name, "kind": "mismatch", "gold": _d(g), "pred": _d(p)})
        for g in gspans:
            if id(g) not in matched_g:
                errors.append({"doc": name, "kind": "missed", "gold": _d(g), "pred": None})
        for p in pspans:
            if id(p) not in matched_p:
                errors.append({"doc": name, "kind": "spurious", "gold": None, "pred": _d(p)})
    return {
        "documents": len(gold),
        "gold": n_gold,
        "predicted": n_pred,
        "strict_matches": strict,
        "relaxed_matches": relaxed,
        "type_correct": type_ok,
        "value_correct": value_ok,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "type": {**_prf(type_ok, n_pred, n_gold),
                 "accuracy": round(100 * type_ok / relaxed, 2) if relaxed else 0.0},
        "value": {**_prf(value_ok, n_pred, n_gold),
                  "accuracy": round(100 * value_ok / relaxed, 2) if relaxed else 0.0},
        "errors": errors,
    }


def _d(s) -> dict:
    return {"text": s.text, "start": s.start, "end": s.end, "type": s.type, "value": s.value}


def _as_map(docs) -> dict:
    if isinstance(docs, dict):
        return {k: list(v) for k, v in docs.items()}
    return {d.name: list(d.timexes) for d in docs}


def load_gold(gold_dir: Path) -> list[TmlDoc]:
    files = sorted(Path(gold_dir).rglob("*.tml"))
    return [read_tml(f) for f in files]


@lru_cache(maxsize=4)
def build_nlp(model: str):
    """The shipped pipeline (`build_pipeline`) with the date component only."""
    from pipeline.nlp import build_pipeline

    return build_pipeline(model, components=("newsevents_dates",))


def predict(nlp, docs: list[TmlDoc], batch_size: int = 16) -> list[TmlDoc]:
    """Run the pipeline on each document's text with doc._.published = its DCT's day."""
    made = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.published = d.dct[:10] if d.dct else None
        made.append(doc)
    out = []
    for d, doc in zip(docs, nlp.pipe(made, batch_size=batch_size), strict=True):
        spans = [TimexSpan(t["start"], t["end"], t["text"], t["type"], t["value"])
                 for t in (doc._.timexes or [])]
        out.append(TmlDoc(d.name, d.text, d.dct, spans))
    return out


def format_report(res: dict) -> str:
    lines = [
        f"documents {res['documents']}  gold {res['gold']}  predicted {res['predicted']}",
        f"{'measure':<10}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}",
    ]
    for k in ("strict", "relaxed", "type", "value"):
        r = res[k]
        acc = f"{r['accuracy']:8.2f}" if "accuracy" in r else " " * 8
        lines.append(f"{k:<10}{r['precision']:8.2f}{r['recall']:8.2f}{r['f1']:8.2f}{acc}")
    return "\n".join(lines)


def command(
    gold_dir: Path = typer.Argument(..., help="Folder of TimeML .tml files (searched recursively)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path."),
    show_errors: bool = typer.Option(False, "--show-errors", help="Print every mismatch, miss and spurious span."),
    json_out: Path | None = typer.Option(None, "--json", help="Write the full result (with errors) as JSON."),
) -> None:
    """Score the temporal tagger on TimeML files with the TempEval-3 task A measures."""
    import json

    docs = load_gold(gold_dir)
    if not docs:
        typer.echo(f"no .tml files under {gold_dir}", err=True)
        raise typer.Exit(2)
    nlp = build_nlp(model)
    t0 = time.perf_counter()
    pred = predict(nlp, docs)
    elapsed = time.perf_counter() - t0
    res = score(docs, pred)
    typer.echo(format_report(res))
    typer.echo(f"time {elapsed:.2f}s for {len(docs)} documents ({elapsed / len(docs) * 1000:.1f} ms/doc)")
    if show_errors:
        for e in res["errors"]:
            g, p = e["gold"], e["pred"]
            gs = f"{g['text']!r} {g['type']} {g['value']}" if g else "-"
            ps = f"{p['text']!r} {p['type']} {p['value']}" if p else "-"
            typer.echo(f"{e['kind']:<9} {e['doc']}: gold {gs} | pred {ps}")
    if json_out:
        json_out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


def main() -> None:  # python -m pipeline.eval.tempeval3 GOLD_DIR
    typer.run(command)


if __name__ == "__main__":
    sys.exit(main())
