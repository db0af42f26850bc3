#!/bin/bash
# Compares the markup output of two abridge binaries, byte for byte:
#   tables (json, jsonl, csv, markdown; article mode and --strict), lists (json, jsonl,
#   markdown), clean --format json and extract --format jsonl,
# on tests/fixtures, examples/corpus, ../shared/corpus/seeds, ../shared/eval/boilerplate/dev
# (the *.txt dumps) and a 10,000-article corpus from scripts/gen_corpus.py. stdout, stderr and
# the exit status of every run are compared.
#
#   scripts/compare_markup.sh BASE NEW            # e.g. /tmp/base-target/release/abridge target/release/abridge
#
# Settings (environment): OUT (where outputs go, default /tmp/compare-markup; BASE outputs
# already there are reused, so a fixed base binary runs once), CORPUS (the 10,000-article folder,
# generated there when missing; default /tmp/compare-markup-corpus10k), SETS (space-separated
# input folders, replacing the defaults).
set -uo pipefail
cd "$(dirname "$0")/.."
base=$1 new=$2
out=${OUT:-/tmp/compare-markup}
corpus=${CORPUS:-/tmp/compare-markup-corpus10k}
if [ ! -d "$corpus" ]; then
  python3 scripts/gen_corpus.py "$corpus" --articles 10000 --sentences 19 >&2
fi
shared=$(cd .. && pwd)/shared
[ -d "$shared" ] || shared=/work/shared
sets=(${SETS:-tests/fixtures examples/corpus $shared/corpus/seeds $shared/eval/boilerplate/dev $corpus})
commands=()
for strict in "" " --strict"; do
  for f in json jsonl csv markdown; do commands+=("tables --format $f$strict"); done
done
for f in json jsonl markdown; do commands+=("lists --format $f"); done
commands+=("clean --format json" "extract --format jsonl")

mkdir -p "$out/base" "$out/new"
compared=0 differ=0
for set in "${sets[@]}"; do
  files=$(find "$set" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' \) | wc -l)
  for cmd in "${commands[@]}"; do
    key=$(echo "$set $cmd" | tr -c 'A-Za-z0-9\n' '_')
    for side in base new; do
      bin=$base; [ $side = new ] && bin=$new
      dest="$out/$side/$key"
      if [ $side = base ] && [ -f "$dest.rc" ]; then continue; fi
      # shellcheck disable=SC2086
      "$bin" $cmd --threads 2 "$set" >"$dest.out" 2>"$dest.err"
      echo $? >"$dest.rc"
    done
    compared=$((compared + 1))
    if cmp -s "$out/base/$key.out" "$out/new/$key.out" && cmp -s "$out/base/$key.err" "$out/new/$key.err" \
      && cmp -s "$out/base/$key.rc" "$out/new/$key.rc"; then
      printf 'same     %-28s %s (%s files, %s bytes)\n' "$cmd" "$set" "$files" "$(wc -c <"$out/new/$key.out")"
    else
      differ=$((differ + 1))
      printf 'DIFFERS  %-28s %s\n' "$cmd" "$set"
    fi
  done
done
echo "$compared outputs compared, $differ differ"
[ "$differ" = 0 ]
