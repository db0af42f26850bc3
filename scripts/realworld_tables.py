#!/usr/bin/env python3
"""The real-world table and list set of issue 15: build it outside the repository, then score
abridge (article mode), pulldown-cmark and comrak on it against hand-written answers.

    .venv/bin/python scripts/realworld_tables.py build [--out /work/realworld-set]
    .venv/bin/python scripts/realworld_tables.py score [--set /work/realworld-set] [--abridge BIN]

`build` writes the documents; none is copied into the repository:
- markdown docs of public projects, read from git mirrors at a pinned commit (the session's
  `fetch` tool puts a mirror at /work/.mirror/OWNER+NAME/repo; `--mirrors` changes the folder);
  a missing mirror is reported and its documents skipped;
- the text html2text and trafilatura (PyPI; install both in .venv) extract from some of the
  boilerplate pages in ../shared/eval/boilerplate/dev/pages.

`score` reads `scripts/realworld/answers.json`, written by hand from the documents before any
parser ran on them: per document, the shape of every table ([body rows, columns]) and the item
count of every top-level list, in order (`null` where that part is not scored). A table is found
when a reported table has its shape, a list when a reported top-level list has its item count
(each reported one matched once); every reported one left over is false. abridge runs as the CLI
(`tables` and `lists`, JSON); the peers through `cargo run --release --example peer_shapes`.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANSWERS = os.path.join(ROOT, "scripts", "realworld", "answers.json")
PAGES = os.path.join(ROOT, "..", "shared", "eval", "boilerplate", "dev", "pages")

# (name, repository, commit, path): markdown docs with tables in list items, code blocks that
# hold pipes, and plain GFM tables.
MARKDOWN = [
    ("md-vscode-xml-contributing", "redhat-developer/vscode-xml",
     "ac784ed123b2ae0ec42b23f190c1d4402094d3dd", "CONTRIBUTING.md"),
    ("md-vscode-xml-validation", "redhat-developer/vscode-xml",
     "ac784ed123b2ae0ec42b23f190c1d4402094d3dd", "docs/Validation.md"),
    ("md-vscode-xml-extensions", "redhat-developer/vscode-xml",
     "ac784ed123b2ae0ec42b23f190c1d4402094d3dd", "docs/Extensions.md"),
    ("md-uv-readme", "astral-sh/uv",
     "26a9dd4b2125bc271b47855e1fa0c49af3365db5", "README.md"),
    ("md-uv-tools", "astral-sh/uv",
     "26a9dd4b2125bc271b47855e1fa0c49af3365db5", "docs/guides/tools.md"),
]

# Boilerplate pages whose html2text and trafilatura text goes in the set: pages with data tables,
# with layout tables (share buttons, related posts), and with block quotes.
PAGE_IDS = [
    "11ea381ad92b5448",
    "f105de6e63ca91ea",
    "b37be3535e1fb61e",
    "30b771a40a4e9615",
    "51374560f40088e2",
    "e593d7fe88f9f5cd",
]


def build(out, mirrors):
    os.makedirs(out, exist_ok=True)
    for name, repo, commit, path in MARKDOWN:
        git_dir = os.path.join(mirrors, repo.replace("/", "+"), "repo")
        if not os.path.isdir(git_dir):
            print(f"skipped {name}: no mirror of {repo} at {git_dir} (fetch github:{repo})")
            continue
        text = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
            check=True, capture_output=True,
        ).stdout
        with open(os.path.join(out, name + ".md"), "wb") as f:
            f.write(text)
    import html2text  # noqa: E402 (only `build` needs the extractors)
    import trafilatura

    for page in PAGE_IDS:
        with open(os.path.join(PAGES, page + ".html"), encoding="utf-8", errors="replace") as f:
            html = f.read()
        h = html2text.HTML2Text()
        h.body_width = 0  # no hard wrap: lines as the page has them
        with open(os.path.join(out, f"h2t-{page}.md"), "w", encoding="utf-8") as f:
            f.write(h.handle(html))
        text = trafilatura.extract(html, output_format="txt", include_tables=True) or ""
        with open(os.path.join(out, f"traf-{page}.txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(f"set written to {out}: {len(os.listdir(out))} documents")


def abridge_shapes(binary, path):
    def run(command):
        done = subprocess.run([binary, "-q", command, path, "--format", "json"],
                              check=True, capture_output=True, text=True)
        return json.loads(done.stdout)

    record = run("tables")
    record = record[0] if isinstance(record, list) else record
    tables = [[len(t["rows"]), len(t["header"])] for t in record["tables"]]
    record = run("lists")
    record = record[0] if isinstance(record, list) else record
    lists = [len(l["items"]) for l in record["lists"]]
    return tables, lists


def peer_shapes(paths):
    done = subprocess.run(
        ["cargo", "run", "-q", "--release", "--example", "peer_shapes", "--", *paths],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    shapes = {}
    for line in done.stdout.splitlines():
        r = json.loads(line)
        shapes[(r["parser"], os.path.basename(r["file"]))] = (
            [list(t) for t in r["tables"]], r["lists"])
    return shapes


def match(expected, reported):
    """Found (expected ones reported) and false (reported ones left over), as multisets."""
    left = collections.Counter(tuple(x) if isinstance(x, list) else x for x in reported)
    found = 0
    for x in expected:
        key = tuple(x) if isinstance(x, list) else x
        if left[key] > 0:
            left[key] -= 1
            found += 1
    return found, sum(left.values())


def score(set_dir, binary, verbose):
    with open(ANSWERS, encoding="utf-8") as f:
        answers = json.load(f)
    docs = {d: a for d, a in answers.items() if not d.startswith("_")}
    paths = []
    for doc in docs:
        path = os.path.join(set_dir, doc)
        if not os.path.exists(path):
            sys.exit(f"{path} missing: run `build` first")
        paths.append(path)
    peers = peer_shapes(paths)
    parsers = ["abridge", "pulldown-cmark", "comrak"]
    totals = {p: collections.Counter() for p in parsers}
    for doc, answer in docs.items():
        path = os.path.join(set_dir, doc)
        for parser in parsers:
            if parser == "abridge":
                tables, lists = abridge_shapes(binary, path)
            else:
                tables, lists = peers[(parser, doc)]
            t = totals[parser]
            line = [f"{parser:15} {doc:40}"]
            if answer.get("tables") is not None:
                found, false = match(answer["tables"], tables)
                t["tables"] += len(answer["tables"])
                t["tables found"] += found
                t["false tables"] += false
                if answer.get("lookalike"):
                    t["false tables on look-alike docs"] += false
                line.append(f"tables {found}/{len(answer['tables'])} false {false}")
                if verbose and (found < len(answer["tables"]) or false):
                    line.append(f"(want {answer['tables']} got {tables})")
            if answer.get("lists") is not None:
                found, false = match(answer["lists"], lists)
                t["lists"] += len(answer["lists"])
                t["lists found"] += found
                t["false lists"] += false
                line.append(f"lists {found}/{len(answer['lists'])} false {false}")
                if verbose and (found < len(answer["lists"]) or false):
                    line.append(f"(want {answer['lists']} got {lists})")
            if verbose:
                print(" ".join(line))
    print(f"{len(docs)} documents")
    print("| parser | tables found | false tables | of them on look-alike docs | lists found | false lists |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for parser in parsers:
        t = totals[parser]
        print(f"| {parser} | {t['tables found']}/{t['tables']} | {t['false tables']} | "
              f"{t['false tables on look-alike docs']} | {t['lists found']}/{t['lists']} | "
              f"{t['false lists']} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", default="/work/realworld-set")
    b.add_argument("--mirrors", default="/work/.mirror")
    s = sub.add_parser("score")
    s.add_argument("--set", default="/work/realworld-set")
    s.add_argument("--abridge", default=os.path.join(ROOT, "target", "release", "abridge"))
    s.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.command == "build":
        build(args.out, args.mirrors)
    else:
        score(args.set, args.abridge, args.verbose)


if __name__ == "__main__":
    main()
