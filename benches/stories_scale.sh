#!/bin/bash
# Whole-process scale run of `abridge stories`: generates corpora of many stories with a known
# story per article (scripts/gen_corpus.py --stories: stories of 1 to 400 articles, each from its
# own sentences, page furniture, one article in ten a republished copy), then runs
#   abridge stories DIR/mix --format json
# under /usr/bin/time -v and prints wall time, CPU time (user + sys), peak RSS, the largest /
# smallest wall ratio, and B-cubed F1 / ARI of the grouping against the known stories
# (../shared/eval/stories/score.py).
#
#   benches/stories_scale.sh               # 10000 and 100000 articles
#   benches/stories_scale.sh 1000 10000
#
# ABRIDGE overrides the binary (default target/release/abridge, built first); KEEP=1 keeps the
# corpora. Needs ../shared/eval/duc2004-dev/docs (the generator's sentence source).
set -euo pipefail
cd "$(dirname "$0")/.."
abridge=${ABRIDGE:-target/release/abridge}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
if [ -z "${ABRIDGE:-}" ]; then cargo build --release -q; fi
tmp=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "corpora kept in $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
first=""; last=""
for n in "${sizes[@]}"; do
  python3 scripts/gen_corpus.py "$tmp/$n" --articles "$n" --stories >/dev/null
  /usr/bin/time -v "$abridge" -q stories "$tmp/$n/mix" --format json > "$tmp/$n/stories.json" 2> "$tmp/$n/time.txt"
  wall=$(awk -F': ' '/Elapsed/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$tmp/$n/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$tmp/$n/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tmp/$n/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tmp/$n/time.txt")
  score=$(python3 ../shared/eval/stories/score.py "$tmp/$n/gold.json" "$tmp/$n/stories.json")
  echo "$n articles: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MiB; ${score#stories: }"
  [ -n "$first" ] || first=$wall
  last=$wall
done
echo "wall ratio largest/smallest: $(echo "scale=2; $last / $first" | bc)"
