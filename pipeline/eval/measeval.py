"""MeasEval (SemEval-2021 Task 8) as development data for the quantities component.

`python -m pipeline.eval.measeval ../shared/eval/measeval/train` (or `trial`; `eval` is the test split,
kept out of development). The folder holds `text/*.txt` paragraphs and `tsv/*.tsv` annotations with
character offsets (see ../shared/eval/measeval/SOURCE.md).

This is not the official MeasEval scorer: it measures what our extractor is for, on offsets.
* quantity: a gold Quantity is found when one of our quantity spans overlaps it (one-to-one, in text
  order); P = matched predictions / predictions, R = matched gold / gold.
* unit (over matched pairs whose gold has a unit): our unit equals the gold unit read through our own
  unit and currency lexicons ("km" -> "km", "per cent" -> "%"); for counts ("5318 participants") the
  gold unit is the counted noun, which matches when our `counted` contains it.
* entity (over matched pairs with a MeasuredEntity): our `counted` text overlaps the MeasuredEntity
  (directly linked by HasQuantity, or through the MeasuredProperty).

MeasEval annotates some things our contract excludes (years as quantities, "p < 0.05" thresholds,
list items), so recall here has a ceiling below 100; use it to compare versions, not as a result.
"""

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import typer

from ..defaults import DEFAULT_MODEL
from .measures import precision_recall_f1


@dataclass
class GoldQuantity:
    start: int
    end: int
    text: str
    unit: str | None = None
    entities: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Paragraph:
    doc_id: str
    text: str
    gold: list[GoldQuantity]


def read_tsv(path: Path) -> list[GoldQuantity]:
    """Quantities of one .tsv with their unit and the MeasuredEntity spans linked to them."""
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    by_id: dict[str, dict] = {}
    for r in rows:
        try:
            r["_other"] = json.loads(r.get("other") or "{}")
        except json.JSONDecodeError:
            r["_other"] = {}
        by_id[(r["annotSet"], r["annotId"])] = r
    quants: dict[tuple[str, str], GoldQuantity] = {}
    for r in rows:
        if r["annotType"] == "Quantity":
            quants[(r["annotSet"], r["annotId"])] = GoldQuantity(
                int(r["startOffset"]), int(r["endOffset"]), r["text"], r["_other"].get("unit"))
    for r in rows:
        if r["annotType"] != "MeasuredEntity":
            continue
        other = r["_other"]
        target = other.get("HasQuantity")
        if target is None and other.get("HasProperty"):
            prop = by_id.get((r["annotSet"], other["HasProperty"]))
            target = prop["_other"].get("HasQuantity") if prop else None
        q = quants.get((r["annotSet"], target)) if target else None
        if q is not None:
            q.entities.append((int(r["startOffset"]), int(r["endOffset"])))
    return sorted(quants.values(), key=lambda q: q.start)


def read_split(folder: Path | str) -> list[Paragraph]:
    """All paragraphs of a split folder (paragraphs without a .tsv have no quantities)."""
    folder = Path(folder)
    out = []
    for txt in sorted((folder / "text").glob("*.txt")):
        tsv = folder / "tsv" / (txt.stem + ".tsv")
        gold = read_tsv(tsv) if tsv.exists() else []
        out.append(Paragraph(txt.stem, txt.read_text(encoding="utf-8"), gold))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _counted_span(text: str, rec: dict) -> tuple[int, int] | None:
    counted = rec.get("counted")
    if not counted:
        return None
    pos = text.find(counted, rec["end"])
    if pos < 0 or pos - rec["end"] > 80:
        pos = text.rfind(counted, 0, rec["start"] + len(counted))
    return (pos, pos + len(counted)) if pos >= 0 else None


def unit_matches(gold_unit: str, rec: dict) -> bool:
    """Our unit (or counted noun) against MeasEval's unit surface."""
    from pipeline.quantity import units

    ours = units.rate_unit(rec)  # ("kg", "ha") -> "kg per ha"
    g = gold_unit.strip()
    if ours == "x" and g.lower() == "times":
        return True  # "16 times better": our multiplier unit ("x", "fold" map to it in the units lexicon)
    if ours == "yr (age)" and units.unit_symbol(g) == "year":
        return True  # "before the age of 65 years": our age unit is years
    if ours:
        return ours in (units.unit_symbol(g), units.currency_suffix(g), units.currency_prefix(g), g)
    counted = (rec.get("counted") or "").lower()
    return bool(counted) and g.lower() in counted


def score(paragraphs: list[Paragraph], predictions: list[list[dict]]) -> dict:
    """Counts and P/R/F1 (percent) for quantity spans, units and measured entities."""
    c = {"gold": 0, "predicted": 0, "matched": 0, "unit_gold": 0, "unit_ok": 0, "entity_gold": 0,
         "entity_ok": 0}
    for para, preds in zip(paragraphs, predictions, strict=True):
        c["gold"] += len(para.gold)
        c["predicted"] += len(preds)
        used: set[int] = set()
        for g in para.gold:
            k = next((k for k, r in enumerate(preds)
                      if k not in used and _overlap((g.start, g.end), (r["start"], r["end"]))), None)
            if k is None:
                continue
            used.add(k)
            rec = preds[k]
            c["matched"] += 1
            if g.unit:
                c["unit_gold"] += 1
                c["unit_ok"] += unit_matches(g.unit, rec)
            if g.entities:
                c["entity_gold"] += 1
                span = _counted_span(para.text, rec)
                c["entity_ok"] += span is not None and any(_overlap(span, e) for e in g.entities)
    p, r, f = precision_recall_f1(c["matched"], c["predicted"], c["matched"], c["gold"])
    out = dict(c)
    out["quantity"] = (round(100 * p, 1), round(100 * r, 1), round(100 * f, 1))
    out["unit_accuracy"] = round(100 * c["unit_ok"] / c["unit_gold"], 1) if c["unit_gold"] else 0.0
    out["entity_accuracy"] = round(100 * c["entity_ok"] / c["entity_gold"], 1) if c["entity_gold"] else 0.0
    return out


def predict(nlp, paragraphs: list[Paragraph]) -> list[list[dict]]:
    return [list(doc._.quantities) for doc in nlp.pipe((p.text for p in paragraphs), batch_size=32)]


def command(
    folder: Path = typer.Argument(..., help="a MeasEval split folder with text/ and tsv/ (train or trial)"),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path"),
    misses: int = typer.Option(0, "--misses", help="print up to N missed gold quantities"),
) -> None:
    """Score the quantity extractor on MeasEval offsets (development data, see the docstring)."""
    from pipeline.eval.newsquant import load_nlp

    paragraphs = read_split(folder)
    preds = predict(load_nlp(model), paragraphs)
    res = score(paragraphs, preds)
    print(f"{folder}: {len(paragraphs)} paragraphs, {res['gold']} gold quantities")
    print(json.dumps(res))
    shown = 0
    for para, recs in zip(paragraphs, preds, strict=True):
        for g in para.gold:
            if shown < misses and not any(_overlap((g.start, g.end), (r["start"], r["end"])) for r in recs):
                shown += 1
                ctx = para.text[max(0, g.start - 40): g.end + 40].replace("\n", " ")
                print(f"miss {g.text!r} unit={g.unit!r}: ...{ctx}...", file=sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    typer.run(command)
