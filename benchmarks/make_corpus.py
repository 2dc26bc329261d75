"""Deterministic benchmark corpus: N synthetic news articles built from the paragraphs of corpus/.

    python benchmarks/make_corpus.py --articles 2000 --out /tmp/bench-2000.jsonl [--seed 7]

Each article takes a lead paragraph and 1-3 more paragraphs from the corpus articles (seeded
`random.Random`, so the same arguments give the same bytes), an id, a title and a publication date
in 2026. Output: JSONL in the pipeline's input format. `generate()` is the library entry point.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.ingest import expand_inputs, read_inputs  # noqa: E402


def corpus_paragraphs(corpus: Path = REPO / "corpus") -> tuple[list[str], list[str]]:
    """(lead paragraphs, body paragraphs) of every corpus article, in a fixed order."""
    leads: list[str] = []
    bodies: list[str] = []
    for item in read_inputs(expand_inputs([str(corpus)])):
        if not item.ok:
            continue
        paras = [p.strip() for p in item.text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        if paras:
            leads.append(paras[0])
            bodies.extend(paras[1:])
    return leads, bodies


def generate(n: int, seed: int = 7, min_body: int = 1, max_body: int = 3) -> Iterator[dict]:
    """n article dicts (id, title, published, source, text), deterministic for (n, seed)."""
    leads, bodies = corpus_paragraphs()
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    for i in range(n):
        lead = rng.choice(leads)
        paras = [lead] + rng.sample(bodies, rng.randint(min_body, max_body))
        yield {"id": f"bench-{seed}-{i:06d}",
               "title": lead.split(". ")[0][:80],
               "published": (start + timedelta(days=rng.randrange(330))).isoformat(),
               "source": "benchmark",
               "text": "\n\n".join(paras)}


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for article in generate(n, seed):
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    write_corpus(args.out, args.articles, args.seed)
    print(f"{args.articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
