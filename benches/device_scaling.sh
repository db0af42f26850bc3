#!/bin/bash
# Multi-core scaling run for a many-core machine (issue 19; docs/performance.md, "Scaling"):
# generates the 10,000-article corpus of benches/scale.sh (scripts/gen_corpus.py, 19 sentences an
# article) and the 100,000-article stories corpus (--stories), then prints, one line a run, wall
# time, CPU time (user + sys) and peak RSS of
#   summarize C --words 100 --timings   at each thread count of THREADS (the stage table too)
#   clean / sentences / extract C --format jsonl, tables / lists C   at 1 thread and at the most
#   summarize G --words 100 --timings   (100,000 articles) at the most threads
#   stories G --format json             (100,000 articles) on 2 cores (taskset) and on all,
#                                       scored against the generator's stories when the scorer
#                                       ../shared/eval/stories/score.py is there
# and the throughput per core (input bytes / CPU seconds) of the per-document commands.
#
#   benches/device_scaling.sh                     # THREADS="1 2 4 8 16"
#   ABRIDGE=path/to/abridge THREADS="1 2 4" benches/device_scaling.sh
#
# Settings (environment): ABRIDGE (default target/release/abridge), BASELINE (another binary whose
# summarize is timed at 1 thread and at the most, for a before/after), THREADS, RUNS (runs per
# summarize and per-document measurement, default 2; the fastest is printed), BIG (articles of
# the stories corpus, default 100000; 0 skips it), WORK (where the corpora go; default a
# temporary folder, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
abridge=${ABRIDGE:-target/release/abridge}
threads_list=${THREADS:-"1 2 4 8 16"}
runs=${RUNS:-2}
big=${BIG:-100000}
most=$(echo "$threads_list" | tr ' ' '\n' | sort -n | tail -1)
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

# measure LABEL CMD...: runs CMD (stdout to $work/out, stderr to $work/err) and prints a line.
measure() {
  python3 - "$work" "$@" <<'PY'
import resource, subprocess, sys, time
work, label, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
# A delta: children reaped before (a pyenv shim's) would count too.
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(f"{work}/out", "wb") as out, open(f"{work}/err", "wb") as err:
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=out, stderr=err)
    wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
if p.returncode:
    sys.stderr.write(open(f"{work}/err").read()[-2000:])
    sys.exit(p.returncode)
cpu = ru.ru_utime + ru.ru_stime - r0.ru_utime - r0.ru_stime
print(f"{label:<44} wall {wall:8.3f} s  cpu {cpu:8.3f} s  "
      f"peak {ru.ru_maxrss / 1024:8.1f} MiB", flush=True)
PY
}

# best LABEL CMD...: RUNS runs of measure, the one of least wall time printed.
best() {
  local label=$1
  shift
  for _ in $(seq "$runs"); do measure "$label" "$@"; done | sort -k3 -g | head -1
}

# per_core LINE BYTES: the line, then input MB / CPU second.
per_core() {
  echo "$1" | awk -v b="$2" '{for (i = 1; i <= NF; i++) if ($i == "cpu") c = $(i + 1);
    printf "%s  %.1f MB/s a core\n", $0, b / 1e6 / c}'
}

echo "== machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== abridge: $abridge"
c10k=$work/c10k
if [ ! -d "$c10k" ]; then
  python3 scripts/gen_corpus.py "$c10k" --articles 10000 --sentences 19 >/dev/null
fi
if [ "$big" -gt 0 ] && [ ! -d "$work/g/mix" ]; then
  # Written while the one-thread runs below take one core.
  python3 scripts/gen_corpus.py "$work/g" --articles "$big" --stories >/dev/null &
  gen=$!
fi
bytes=$(cat "$c10k"/* | wc -c)
echo "== corpus: $(ls "$c10k" | wc -l) files, $bytes bytes"

echo "== per-document commands, 1 thread and $most"
for t in 1 "$most"; do
  for cmd in "clean --format jsonl" "sentences --format jsonl" "extract --format jsonl" tables lists; do
    # shellcheck disable=SC2086
    line=$(best "$cmd --threads $t" "$abridge" -q --threads "$t" $cmd "$c10k")
    per_core "$line" "$bytes"
  done
done

echo "== summarize 10,000 articles (--words 100) by threads"
for t in $threads_list; do
  best "summarize --threads $t" "$abridge" --threads "$t" summarize "$c10k" --words 100 --timings
  [ "$t" = 1 ] && cp "$work/out" "$work/summary-1"
  cmp -s "$work/out" "$work/summary-1" || echo "   output differs from --threads 1"
  grep -A14 '^stage' "$work/err" | sed 's/^/   /'
done

if [ -n "${BASELINE:-}" ]; then
  echo "== baseline $BASELINE: summarize 10,000 articles"
  for t in 1 "$most"; do
    best "baseline summarize --threads $t" "$BASELINE" --threads "$t" summarize "$c10k" --words 100
    cmp -s "$work/out" "$work/summary-1" || echo "   output differs from abridge's --threads 1"
  done
fi

if [ "$big" -gt 0 ]; then
  [ -z "${gen:-}" ] || wait "$gen"
  echo "== $big articles: $(du -sb "$work/g/mix" | cut -f1) bytes (with the folder)"
  measure "summarize --threads $most" "$abridge" --threads "$most" summarize "$work/g/mix" --words 100 --timings
  grep -A14 '^stage' "$work/err" | sed 's/^/   /'
  score=../shared/eval/stories/score.py
  for cores in 2 "$most"; do
    measure "stories on $cores cores" taskset -c "0-$((cores - 1))" "$abridge" -q --threads "$cores" stories "$work/g/mix" --format json
    if [ -f "$score" ]; then python3 "$score" "$work/g/gold.json" "$work/out" | sed 's/^/   /'; fi
  done
fi
