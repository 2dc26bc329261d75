"""PolNeAR (Newell et al., LREC 2018) reader and direct-quote scorer.

Data layout (see ../shared/eval/polnear/SOURCE.md): `<split>/text/<article>.txt` and
`<split>/attributions/<article>_<annotator>.ann` (brat standoff; T lines with possibly discontiguous
spans "752 760;769 800"; E lines tie Source, Cue and Content of one attribution together).

Measures (the direct-quote subset = attributions whose Content contains a double quotation mark):
* quote span precision: share of our direct quotes that overlap a gold direct Content;
* quote span recall: share of gold direct Contents overlapped by one of our direct quotes;
* speaker accuracy over the found quotes that have a gold Source: our quote (the one overlapping the
  Content most) has a speaker whose mention here, or any mention of the same entity, overlaps the
  annotated Source.
One annotator file per article (the first by name) so doubly annotated articles count once.

`command` is typer-compatible; the lead wires it as `newsevents eval polnear PATH`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import typer

from ..defaults import DEFAULT_MODEL
from .measures import precision_recall_f1

QUOTE_CHARS = '"“”„‟«»'

Spans = list[tuple[int, int]]


@dataclass
class Attribution:
    content: Spans
    source: Spans | None = None
    cue: Spans | None = None


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)

    def direct(self) -> list[Attribution]:
        """Attributions whose Content contains a quotation mark."""
        return [a for a in self.attributions
                if any(ch in QUOTE_CHARS for s, e in a.content for ch in self.text[s:e])]


def parse_spans(offsets: str) -> Spans:
    """'752 760;769 800' -> [(752, 760), (769, 800)]."""
    out = []
    for piece in offsets.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat .ann file (E lines resolved to their T spans)."""
    tspans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, offsets = cols[1].partition(" ")
            tspans[cols[0]] = (label, parse_spans(offsets))
        elif cols[0].startswith("E"):
            roles = {}
            for arg in cols[1].split():
                role, _, tid = arg.partition(":")
                roles[role.rstrip("0123456789")] = tid
            events.append(roles)
    out = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in tspans:
            continue

        def get(role: str, roles: dict[str, str] = roles) -> Spans | None:
            tid = roles.get(role)
            return tspans[tid][1] if tid in tspans else None

        out.append(Attribution(content=get("Content") or [], source=get("Source"), cue=get("Cue")))
    return out


def load_split(root: Path, split: str, limit: int = 0) -> list[Article]:
    """Articles of one split, each with the attributions of its first annotator file."""
    base = Path(root) / split
    texts = sorted((base / "text").glob("*.txt"))
    anns: dict[str, list[Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(article, []).append(ann)
    out = []
    for txt in texts:
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append(Article(txt.stem, text, read_ann(anns[txt.stem][0])))
        if limit and len(out) >= limit:
            break
    return out


@dataclass
class Pred:
    """One predicted direct quote: content spans and the spans that stand for its speaker."""

    parts: Spans
    speaker: Spans = field(default_factory=list)


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def score(articles: Iterable[Article], preds: dict[str, list[Pred]]) -> dict:
    """Overlap P/R/F1 of direct quotes and speaker accuracy over the found ones."""
    gold_n = pred_n = pred_ok = found = spk_total = spk_ok = 0
    for art in articles:
        gold = art.direct()
        ours = preds.get(art.name, [])
        gold_n += len(gold)
        pred_n += len(ours)
        pred_ok += sum(1 for p in ours if any(_overlap(p.parts, g.content) > 0 for g in gold))
        for g in gold:
            best = max(ours, key=lambda p: _overlap(p.parts, g.content), default=None)
            if best is None or _overlap(best.parts, g.content) == 0:
                continue
            found += 1
            if g.source:
                spk_total += 1
                if best.speaker and _overlap(best.speaker, g.source) > 0:
                    spk_ok += 1
    p, r, f = precision_recall_f1(pred_ok, pred_n, found, gold_n)
    return {"gold": gold_n, "pred": pred_n, "pred_matched": pred_ok, "gold_found": found,
            "precision": p, "recall": r, "f1": f, "speaker_total": spk_total,
            "speaker_correct": spk_ok, "speaker_accuracy": spk_ok / spk_total if spk_total else 0.0}


_ANSWER_CUE = re.compile(r"(?:A|Answer):")


def _qa_answer(q: dict) -> bool:
    """An answer of a printed Q&A interview ('A: No.'), which the quotes component reads as a
    direct quote with its label as cue: a quote without marks, which PolNeAR's direct subset (the
    Contents holding a mark) cannot annotate, so it is not scored."""
    return bool(q.get("cue")) and _ANSWER_CUE.fullmatch(q["cue"]) is not None


def quotes_to_preds(doc_text: str, quotes: list[dict], entities: list[dict] | None) -> list[Pred]:
    """Our `doc._.quotes` (direct ones, not Q&A answers) as scorer predictions; the speaker stands for
    its mention here and every mention of its entity."""
    mentions: dict[str, Spans] = {}
    for ent in entities or []:
        mentions[ent["entity_id"]] = [(m["start"], m["end"]) for m in ent["mentions"]]
    out = []
    for q in quotes:
        if not q["direct"] or _qa_answer(q):
            continue
        spk: Spans = []
        if q.get("speaker_start") is not None:
            spk.append((q["speaker_start"], q["speaker_end"]))
        if q.get("speaker"):
            spk.append((q["speaker"]["start"], q["speaker"]["end"]))
            spk.extend(mentions.get(q["speaker"]["entity_id"], []))
        out.append(Pred([(p["start"], p["end"]) for p in q["parts"]], spk))
    return out


@lru_cache(maxsize=4)
def build_nlp(model: str):
    """The shipped pipeline (`build_pipeline`) with the components the quotes need."""
    from pipeline.nlp import build_pipeline

    return build_pipeline(model, components=("newsevents_entities", "newsevents_quotes"))


def predict_ours(articles: list[Article], nlp) -> dict[str, list[Pred]]:
    from pipeline.textclean import clean_for_nlp

    out = {}
    texts = (clean_for_nlp(a.text) for a in articles)
    for art, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        out[art.name] = quotes_to_preds(doc.text, doc._.quotes, doc._.entities)
    return out


# textacy runs in its own environment: this script is written to a temporary file and run there.
_PEER_SCRIPT = r'''
import json, sys
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
out, failed = {}, []
for name, text in texts.items():
    doc = nlp(text)
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        triples = []
        failed.append(name)
    out[name] = [{"content": [t.content.start_char,
                              t.content.end_char],
                  "speaker": [[tok.idx, tok.idx + len(tok.text)] for tok in t.speaker]}
                 for t in triples]
json.dump({"preds": out, "failed": failed}, open(sys.argv[3], "w", encoding="utf-8"))
'''


def predict_textacy(articles: list[Article], model: str, python: str) -> tuple[dict[str, list[Pred]], list[str]]:
    """textacy 0.13.0 `direct_quotations` on the same cleaned texts, in the environment of `python`."""
    from pipeline.textclean import clean_for_nlp

    with tempfile.TemporaryDirectory() as tmp:
        script, inp, outp = (Path(tmp) / n for n in ("peer.py", "in.json", "out.json"))
        script.write_text(_PEER_SCRIPT, encoding="utf-8")
        inp.write_text(json.dumps({a.name: clean_for_nlp(a.text) for a in articles}), encoding="utf-8")
        subprocess.run([python, str(script), model, str(inp), str(outp)], check=True)
        data = json.loads(outp.read_text(encoding="utf-8"))
    preds = {name: [Pred([tuple(q["content"])], [tuple(s) for s in q["speaker"]]) for q in qs]
             for name, qs in data["preds"].items()}
    return preds, data["failed"]


def format_table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'system':<28} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk acc':>8} {'spk n':>6}"
    lines = [head, "-" * len(head)]
    for name, m in rows:
        lines.append(f"{name:<28} {m['gold']:>5} {m['pred']:>5} {m['precision']:>6.3f} {m['recall']:>6.3f} "
                     f"{m['f1']:>6.3f} {m['speaker_accuracy']:>8.3f} {m['speaker_total']:>6}")
    return "\n".join(lines)


def command(
    path: Path = typer.Argument(..., help="PolNeAR data folder (with train/dev/test)"),
    split: str = typer.Option("test", "--split", help="train, dev or test"),
    model: str = typer.Option(DEFAULT_MODEL, "--model"),
    compare: bool = typer.Option(False, "--compare", help="also run textacy's direct_quotations"),
    peer_python: str = typer.Option(
        os.environ.get("NEWSEVENTS_PEER_PYTHON", "/tmp/textacy-venv/bin/python"), "--peer-python",
        help="python of an environment with textacy 0.13.0 and the model (for --compare)"),
    limit: int = typer.Option(0, "--limit", help="only the first N articles"),
    misses: Path | None = typer.Option(None, "--misses", help="write unmatched gold/pred items (JSONL)"),
) -> None:
    """Direct-quote span P/R/F1 (overlap) and speaker accuracy on PolNeAR."""
    articles = load_split(path, split, limit)
    if not articles:
        typer.echo(f"no articles under {path}/{split}", err=True)
        raise typer.Exit(2)
    t0 = time.perf_counter()
    nlp = build_nlp(model)
    ours = predict_ours(articles, nlp)
    rows = [(f"newsevents ({model})", score(articles, ours))]
    elapsed = time.perf_counter() - t0
    notes = [f"{len(articles)} articles, split {split}, {elapsed:.1f} s"]
    if compare:
        try:
            peer, failed = predict_textacy(articles, model, peer_python)
            rows.append(("textacy 0.13.0", score(articles, peer)))
            notes.append(f"textacy raised ValueError on {len(failed)} articles (counted as no quotes)")
            if failed:
                ok = [a for a in articles if a.name not in set(failed)]
                rows.append((f"newsevents, {len(ok)} art. (*)", score(ok, ours)))
                rows.append((f"textacy, {len(ok)} art. (*)", score(ok, peer)))
                notes.append("(*) only the articles on which textacy did not raise")
        except (OSError, subprocess.CalledProcessError) as exc:
            notes.append(f"textacy comparison failed: {exc}")
    typer.echo(format_table(rows))
    for n in notes:
        typer.echo(n)
    if misses is not None:
        write_misses(articles, ours, misses)


def write_misses(articles: list[Article], preds: dict[str, list[Pred]], path: Path) -> None:
    """Missed gold quotes, unmatched predictions and wrong speakers, one JSON object per line."""
    with open(path, "w", encoding="utf-8") as fh:
        for art in articles:
            gold = art.direct()
            ours = preds.get(art.name, [])

            def txt(spans: Spans | None, art: Article = art) -> str | None:
                return None if not spans else " | ".join(art.text[s:e] for s, e in spans)

            for g in gold:
                best = max(ours, key=lambda p: _overlap(p.parts, g.content), default=None)
                if best is None or _overlap(best.parts, g.content) == 0:
                    kind = "missed"
                elif g.source and not (best.speaker and _overlap(best.speaker, g.source) > 0):
                    kind = "speaker"
                else:
                    continue
                fh.write(json.dumps({"kind": kind, "article": art.name, "content": txt(g.content)[:300],
                                     "source": txt(g.source), "cue": txt(g.cue),
                                     "ours_speaker": txt(best.speaker[:1]) if best else None},
                                    ensure_ascii=False) + "\n")
            for p in ours:
                if not any(_overlap(p.parts, g.content) > 0 for g in gold):
                    fh.write(json.dumps({"kind": "extra", "article": art.name,
                                         "content": txt(p.parts)[:300], "ours_speaker": txt(p.speaker[:1])},
                                        ensure_ascii=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    typer.run(command)
    sys.exit(0)
