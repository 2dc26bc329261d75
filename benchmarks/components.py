"""Per-component cost on already parsed Docs (run on demand, not in CI).

Parses the texts once with the model alone (our components disabled), then times (CPU time of this
process, so other load on the machine does not count) each newsevents
component over the same Docs and prints its cost per article and as a share of spaCy's time.

    .venv/bin/python benchmarks/components.py --bbc 200          # BBC articles from ../shared/eval
    .venv/bin/python benchmarks/components.py --jsonl bench.jsonl # e.g. from benchmarks/make_corpus.py
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.components.doctext import TEXT_KEY
from pipeline.nlp import build_pipeline
from pipeline.textclean import clean_for_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=int, default=0, help="number of BBC news articles to use")
    ap.add_argument("--jsonl", type=Path, help="a JSONL file of articles with a 'text' field")
    ap.add_argument("--published", default="2005-03-01")
    args = ap.parse_args()
    if args.jsonl:
        texts = [json.loads(line)["text"] for line in args.jsonl.open(encoding="utf-8")]
    else:
        files = sorted((SHARED / "eval" / "bbc-news-fulltext").glob("*/*.txt"))[: args.bbc or 200]
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    nlp = build_pipeline()
    ours = [n for n in nlp.pipe_names if n.startswith("newsevents") and n != "newsevents_paragraphs"]
    docs = []
    for text in texts:
        cleaned = clean_for_nlp(text)
        doc = nlp.make_doc(cleaned)
        doc.user_data[TEXT_KEY] = cleaned
        doc._.published = args.published
        docs.append(doc)
    with nlp.select_pipes(disable=ours):
        t0 = time.process_time()
        docs = list(nlp.pipe(docs, batch_size=64))
        base = time.process_time() - t0
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {words} tokens; spaCy {base:.2f} s ({words / base:,.0f} tokens/s)")
    total = 0.0
    for name in ours:
        component = nlp.get_pipe(name)
        t0 = time.process_time()
        for doc in docs:
            component(doc)
        elapsed = time.process_time() - t0
        total += elapsed
        print(f"| {name} | {1000 * elapsed / len(docs):.2f} ms/article | {100 * elapsed / base:.1f}% of spaCy |")
    print(f"| all components | {1000 * total / len(docs):.2f} ms/article | {100 * total / base:.1f}% of spaCy |")


if __name__ == "__main__":
    main()
