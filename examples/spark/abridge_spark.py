#!/usr/bin/env python3
"""abridge on Apache Spark: per-document records and per-story summaries of a folder of articles.

    spark-submit examples/spark/abridge_spark.py INPUT_DIR OUTPUT_DIR [--words 60] [--mode both]
        [--abridge PATH_OF_THE_abridge_BINARY]
    python examples/spark/abridge_spark.py ...   (local[2] when no master is configured)

Writes, under OUTPUT_DIR, JSON-lines part files (Spark's saveAsTextFile):
  records-api/   one `abridge extract` record per article, made by the Python package in
                 mapPartitions (the wheel must be installed on every executor);
  records-pipe/  the same records made by the `abridge` command through
                 rdd.pipe("abridge extract --format jsonl -") (the binary must be on every executor);
  stories/       per folder of INPUT_DIR, its stories (`abridge stories --format jsonl` records),
                 each with a "folder" field naming the folder it was grouped in.

Articles are the files of INPUT_DIR and its subfolders that the command would read by default:
*.txt, *.md, *.markdown, *.html, *.htm (names starting with "." or "_" are hidden from Hadoop's
file listing as well). A record's "source" is INPUT_DIR as given joined with the file's path
under it, as `abridge extract INPUT_DIR` names it, so the records equal the command's.

The pipe: `abridge extract -` reads standard input as ONE document, and rdd.pipe writes a
partition's elements to one process's standard input, a line each. So the job gives each
article its own partition (partitionBy on the article's index): one process per article, whose
stdin is that article's text, and replaces the record's source ("-", standard input) with the
article's path. Limits of that route: the text crosses the pipe as UTF-8 (bytes that are not
UTF-8 are replaced first, as the command does, but an HTML page in another declared charset is
decoded as UTF-8), trailing newlines become one (pipe's own framing), and HTML is recognised by
sniffing the text, not by the .html name. The Python route has none of these limits and starts no
process per article.
"""
import argparse
import json
import os
import posixpath
import sys
from urllib.parse import unquote, urlparse

#: The command's default globs (abridge::corpus::DEFAULT_GLOBS).
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


def source_namer(input_dir):
    """A function from the file URI Spark gives to the source the command gives that file when
    walking INPUT_DIR: INPUT_DIR as given (no trailing "/", no leading "./") plus the path under
    it. Files on a cluster file system (hdfs://, s3a://...) keep their URI as their source."""
    root = os.path.abspath(input_dir)
    shown = input_dir.rstrip("/") or "/"
    if shown.startswith("./"):
        shown = shown[2:]

    def name(uri):
        if not uri.startswith("file:"):
            return uri
        rel = os.path.relpath(unquote(urlparse(uri).path), root)
        return posixpath.join(shown, rel.replace(os.sep, "/"))

    return name


def is_article(source):
    base = posixpath.basename(source)
    # Case-sensitive, as the command's globs are.
    return base.endswith(EXTENSIONS) and not base.startswith(".")


def read_articles(sc, input_dir):
    """(source, bytes) of every article under input_dir, recursively."""
    if __name__ != "__main__":
        # Imported as a module, this file's functions are pickled by reference: the executors
        # must be able to import it too.
        sc.addPyFile(os.path.abspath(__file__))
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    name = source_namer(input_dir)
    local = "://" not in input_dir
    files = sc.binaryFiles(os.path.abspath(input_dir) if local else input_dir)
    articles = files.map(lambda kv: (name(kv[0]), kv[1])).filter(lambda kv: is_article(kv[0]))
    # Small files come in few splits (Spark packs files into splits of spark.files.openCostInBytes,
    # 4 MB, at least: one split for a folder of a few MB), and one split keeps one core busy:
    # spread them over a few partitions per core.
    wanted = 4 * sc.defaultParallelism
    if files.getNumPartitions() < wanted:
        articles = articles.repartition(wanted)
    return articles


def extract_with_api(articles, words=60):
    """JSON lines of the extract records, made by the Python package in mapPartitions."""

    def partition(rows):
        import abridge  # imported on the executor, once per partition

        for source, data in rows:
            # bytes: decoded by the command's input rules (BOM, declared charset, U+FFFD).
            record = abridge.extract(bytes(data), source=source, words=words)
            yield json.dumps(record, ensure_ascii=False)

    return articles.mapPartitions(partition)


def extract_with_pipe(articles, abridge_bin="abridge", words=60):
    """JSON lines of the extract records, made by `abridge extract --format jsonl -` through
    rdd.pipe, one article per partition (see the module's docstring)."""
    indexed = articles.zipWithIndex().map(lambda kv: (kv[1], kv[0]))
    n = max(1, indexed.count())
    one_each = indexed.partitionBy(n, lambda i: i)
    sources = one_each.map(lambda kv: (kv[0], kv[1][0]))
    # Invalid UTF-8 becomes U+FFFD here, as the command's decoder would make it.
    texts = one_each.map(lambda kv: bytes(kv[1][1]).decode("utf-8", errors="replace"))
    env = {"PATH": os.environ.get("PATH", os.defpath), "LC_ALL": "C.UTF-8"}
    command = f"{abridge_bin} --quiet extract --format jsonl --words {int(words)} -"
    lines = texts.pipe(command, env=env, checkCode=True)
    source_of = dict(sources.collect())

    def named(index, it):
        # Partition `index` holds article `index`: its one record gets the article's source.
        for line in it:
            record = json.loads(line)
            record["source"] = source_of[index]
            yield json.dumps(record, ensure_ascii=False)

    return lines.mapPartitionsWithIndex(named)


def stories_per_folder(articles, words=100):
    """JSON lines of the stories of each folder (the articles' parent folder): each story record
    as `abridge stories FOLDER --format jsonl` prints it, plus "folder"."""

    def per_folder(kv):
        import abridge

        folder, docs = kv
        docs = [{"source": s, "text": bytes(t)} for s, t in docs]
        for story in abridge.stories(docs, words=words):
            story["folder"] = folder
            yield json.dumps(story, ensure_ascii=False)

    return articles.map(lambda kv: (posixpath.dirname(kv[0]), kv)).groupByKey().flatMap(per_folder)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input_dir")
    ap.add_argument("output_dir")
    ap.add_argument("--words", type=int, default=60, help="word budget of each record's summary")
    ap.add_argument("--story-words", type=int, default=100, help="word budget of each story's summary")
    ap.add_argument("--mode", choices=["api", "pipe", "both"], default="both")
    ap.add_argument("--abridge", default="abridge", help="the abridge binary on the executors")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("abridge").master(os.environ.get("SPARK_MASTER", "local[2]")).getOrCreate()
    sc = spark.sparkContext
    articles = read_articles(sc, args.input_dir).cache()
    out = args.output_dir
    if args.mode in ("api", "both"):
        extract_with_api(articles, args.words).saveAsTextFile(os.path.join(out, "records-api"))
        stories_per_folder(articles, args.story_words).saveAsTextFile(os.path.join(out, "stories"))
    if args.mode in ("pipe", "both"):
        extract_with_pipe(articles, args.abridge, args.words).saveAsTextFile(os.path.join(out, "records-pipe"))
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
