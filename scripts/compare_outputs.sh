#!/usr/bin/env bash
# Runs two abridge binaries over the same inputs and compares every output byte for byte:
#   scripts/compare_outputs.sh OLD_BINARY NEW_BINARY
# Inputs (their .txt, .md and .markdown files): tests/fixtures, examples/corpus, and (when ../shared is beside the repository) the seed
# articles, the 91 boilerplate text dumps and the 25 DUC 2004 dev topics. Commands: tables and
# lists in every format (article and strict), clean, sentences (cleaned and raw, with terms),
# extract, and summarize (per DUC topic, default and --truncate --words 100, one/two threads).
# Prints one line per differing output and a count; exits 1 when anything differs.
set -uo pipefail
# The run strings below are split into words unquoted: no pathname expansion of the globs.
set -f
old=$1 new=$2
cd "$(dirname "$0")/.."
shared=../shared
sets=(tests/fixtures examples/corpus)
[ -d "$shared/corpus/seeds" ] && sets+=("$shared/corpus/seeds")
[ -d "$shared/eval/boilerplate/dev/pages" ] && sets+=("$shared/eval/boilerplate/dev/pages")
# The text extensions, named: the default globs take .html/.htm pages too since the HTML reader
# (tests/fixtures/html, the boilerplate pages), which binaries before it skipped.
t="--glob *.txt --glob *.md --glob *.markdown"
runs=()
for s in "${sets[@]}"; do
  for f in json jsonl csv markdown; do runs+=("tables $s $t --format $f" "tables $s $t --strict --format $f"); done
  for f in json jsonl markdown; do runs+=("lists $s $t --format $f"); done
  for f in text json jsonl; do runs+=("clean $s $t --format $f"); done
  runs+=("sentences $s $t --format jsonl" "sentences $s $t --raw --terms --format jsonl" "extract $s $t --format jsonl")
done
if [ -d "$shared/eval/duc2004-dev/docs" ]; then
  set +f
  topics=("$shared"/eval/duc2004-dev/docs/*)
  set -f
  for topic in "${topics[@]}"; do
    runs+=("summarize $topic --format json" "summarize $topic --words 100 --truncate --format json --threads 1")
  done
fi
differ=0 same=0
for r in "${runs[@]}"; do
  # shellcheck disable=SC2086
  a=$("$old" -q $r 2>&1 | md5sum)
  # shellcheck disable=SC2086
  b=$("$new" -q $r 2>&1 | md5sum)
  if [ "$a" = "$b" ]; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: abridge $r"; fi
done
echo "compare_outputs: $same identical, $differ differ (of ${#runs[@]} runs)"
[ "$differ" -eq 0 ]
