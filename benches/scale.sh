#!/bin/bash
# Scale run: generates 1,000 and 10,000 synthetic articles (scripts/gen_corpus.py, 19 sentences
# an article, about 520 words with page furniture) into a temporary folder, then times
#   abridge summarize DIR --words 100            (one thread per core, the default)
#   abridge summarize DIR --words 100 --threads 1  (and once more with --timings: the stage table)
#   abridge tables DIR / abridge lists DIR        (JSON to /dev/null; default threads and 1)
#   abridge tables ONE / abridge lists ONE        (the same articles concatenated into one file:
#                                                  the same bytes without the per-file costs)
#   abridge clean / sentences / extract DIR --format jsonl  (default threads and 1: issue 19's
#                                                  per-document throughput, MB/s per core)
# under /usr/bin/time -v, and prints wall time, CPU time (user + sys), peak RSS, the
# largest/smallest summarize time ratio and the tables/lists throughput in MB/s: input bytes / wall
# seconds, and per core input bytes / CPU seconds.
#
#   benches/scale.sh               # 1000 and 10000 articles
#   benches/scale.sh 1000 10000 30000
#
# Settings (environment): ABRIDGE (default target/release/abridge, built first when it is the
# default), RUNS (runs per summarize measurement, default 3; the median wall time and the median
# peak RSS are printed), TABLE_RUNS (runs per tables/lists measurement, default 21), KEEP=1 keeps the generated corpus (its path is printed).
# The corpus is freshly written, so it is read from the page cache: no disk time is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
abridge=${ABRIDGE:-target/release/abridge}
runs=${RUNS:-3}
table_runs=${TABLE_RUNS:-21}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
cores=$(nproc)

if [ -z "${ABRIDGE:-}" ]; then cargo build --release -q; fi
tmp=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "corpus kept in $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# run_once CMD...: "wall_s peak_rss_kib cpu_s" of one run under /usr/bin/time -v. Wall and CPU
# (user + sys, from getrusage: /usr/bin/time -v prints it in 10 ms steps) are taken by a python
# wrapper around /usr/bin/time; the peak RSS is /usr/bin/time's "Maximum resident set size".
run_once() {
  python3 - "$tmp/time.txt" "$@" <<'PY'
import resource, subprocess, sys, time
report, cmd = sys.argv[1], sys.argv[2:]
# A delta: the usage of children reaped before an exec (a pyenv shim's) would count too.
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.perf_counter()
subprocess.run(["/usr/bin/time", "-v", "-o", report] + cmd, stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = next(l.split(":")[1].strip() for l in open(report) if "Maximum resident set size" in l)
cpu = ru.ru_utime + ru.ru_stime - r0.ru_utime - r0.ru_stime
print(f"{wall:.6f} {rss} {cpu:.6f}")
PY
}

# measure CMD...: RUNS runs; prints the medians "wall_s peak_rss_kib cpu_s".
measure() {
  local walls=() rsss=() cpus=() w r c
  for _ in $(seq "$runs"); do
    read -r w r c < <(run_once "$@")
    walls+=("$w"); rsss+=("$r"); cpus+=("$c")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rsss[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}

printf 'machine: %s cores, %s; load average %s\n' "$cores" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'abridge: %s (%s); %s runs each, medians\n\n' "$abridge" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$runs"

declare -A summary_wall
table=()
mib() { printf '%.0f' "$(echo "$1 / 1024" | bc -l)"; }
for n in "${sizes[@]}"; do
  dir="$tmp/corpus-$n"
  python3 scripts/gen_corpus.py "$dir" --articles "$n" --sentences 19 >&2
  bytes=$(cat "$dir"/*.txt | wc -c)
  words=$(cat "$dir"/*.txt | wc -w)
  echo "== $n articles: $bytes bytes, $words words" >&2
  for threads in $cores 1; do
    read -r wall rss cpu < <(measure "$abridge" summarize "$dir" --words 100 -q --threads "$threads")
    [ "$threads" = "$cores" ] && summary_wall[$n]=$wall
    table+=("$(printf '| summarize --threads %s | %d | %d | %.2f | %.2f | %s | – | – |' "$threads" "$n" "$words" "$wall" "$cpu" "$(mib "$rss")")")
    echo "summarize $n articles, --threads $threads: ${wall}s wall, ${cpu}s CPU, peak RSS ${rss} KiB" >&2
  done
  # The stage report of one more one-thread run: its one-thread share is the serial part.
  echo "summarize $n articles, --threads 1 --timings:" >&2
  "$abridge" summarize "$dir" --words 100 -q --threads 1 --timings 2>&1 >/dev/null | sed 's/^/   /' >&2
  # tables and lists: documents are read and parsed in parallel batches. MB/s (wall) is bytes /
  # wall time; MB/s per core is bytes / CPU time (user + sys), i.e. per core actually busy.
  # They take well under a second, so they get TABLE_RUNS runs (noise on a shared VM is large).
  cat "$dir"/*.txt > "$tmp/one-$n.txt"
  for cmd in tables lists; do
    for input in "$dir" "$tmp/one-$n.txt"; do
      for threads in $cores 1; do
        label="$cmd --threads $threads"; [ -f "$input" ] && label="$cmd --threads $threads (one file)"
        read -r wall rss cpu < <(runs=$table_runs measure "$abridge" "$cmd" "$input" -q --threads "$threads")
        mbs=$(echo "$bytes / $wall / 1000000" | bc -l)
        per=$(echo "$bytes / $cpu / 1000000" | bc -l)
        table+=("$(printf '| %s | %d | %d | %.3f | %.3f | %s | %.0f | %.0f |' "$label" "$n" "$words" "$wall" "$cpu" "$(mib "$rss")" "$mbs" "$per")")
        echo "$label $n articles: ${wall}s wall, ${cpu}s CPU, peak RSS ${rss} KiB, $(printf '%.0f' "$mbs") MB/s" >&2
      done
    done
  done
  rm -f "$tmp/one-$n.txt"
  # The per-document commands: each file read, cleaned (and split, and summarised for extract)
  # and written as one JSON line. RUNS runs each, like summarize.
  for cmd in clean sentences extract; do
    for threads in $cores 1; do
      label="$cmd --threads $threads"
      read -r wall rss cpu < <(measure "$abridge" "$cmd" "$dir" --format jsonl -q --threads "$threads")
      mbs=$(echo "$bytes / $wall / 1000000" | bc -l)
      per=$(echo "$bytes / $cpu / 1000000" | bc -l)
      table+=("$(printf '| %s | %d | %d | %.3f | %.3f | %s | %.1f | %.1f |' "$label" "$n" "$words" "$wall" "$cpu" "$(mib "$rss")" "$mbs" "$per")")
      echo "$label $n articles: ${wall}s wall, ${cpu}s CPU, peak RSS ${rss} KiB, $(printf '%.1f' "$per") MB/s per core" >&2
    done
  done
done

echo
echo '| command | articles | words | wall s | CPU s (user+sys) | peak RSS MiB | MB/s (wall) | MB/s per core (CPU) |'
echo '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
printf '%s\n' "${table[@]}"
if [ ${#sizes[@]} -ge 2 ]; then
  small=${sizes[0]}; large=${sizes[${#sizes[@]}-1]}
  printf '\nsummarize time ratio %s/%s articles (default threads): %.2f (input ratio %.0f)\n' \
    "$large" "$small" "$(echo "${summary_wall[$large]} / ${summary_wall[$small]}" | bc -l)" \
    "$(echo "$large / $small" | bc -l)"
fi
