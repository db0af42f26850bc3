#!/bin/bash
# Whole-process wall time of `abridge summarize --words 100` next to four Python summarisers
# (sumy TextRank, sumy LexRank, summa, lexrank), on the first 10, 100 and 250 DUC 2004 development
# articles (../shared/eval/duc2004-dev/docs/*/*.txt in sorted order, copied into a temporary
# folder). Run from anywhere; it works from the project root.
#
#   benches/peers.sh                 # sizes 10 100 250, every peer
#   benches/peers.sh 10 100          # some sizes
#   PEERS="sumy-textrank" benches/peers.sh 100
#
# Settings (environment): ABRIDGE (default target/release/abridge, built first when it is the
# default), DUC_DOCS (the docs folder), PEERS, PEER_TIMEOUT (seconds per peer run, default 600),
# ABRIDGE_RUNS (abridge runs per batch, default 10: one batch before and one after the peers of
# each size, median of both), RUNS (runs of a peer, default 3, when its first run took under
# PEER_REPEAT_UNDER seconds, default 60, else that one run counts), PEER_MEM_GB (resident memory
# at which a peer run is killed, default 8: summa builds a complete sentence graph in Python
# objects, and on 250 articles it grew past the machine's 23.5 GiB until the kernel's OOM killer
# stopped it; a watchdog now samples the peer's RSS every 0.2 s and kills it first).
# Peak RSS (/usr/bin/time) of abridge and of each peer is printed in a second table.
#
# abridge is timed with its default threads (one per core) and with --threads 1, with hyperfine
# (`-N`, one warm-up) when it is installed, else with a bash loop. Peers are timed with `date`
# around the process, python start-up and imports included (as abridge's start-up is). The peers come from
# ../shared/bench/setup_peers.sh (a venv with sumy, summa and lexrank from PyPI; the first call
# installs them) and run through ../shared/bench/peer_summarize.py with --words 100.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
abridge=${ABRIDGE:-target/release/abridge}
docs=${DUC_DOCS:-../shared/eval/duc2004-dev/docs}
peers=${PEERS:-sumy-textrank sumy-lexrank summa lexrank}
timeout_s=${PEER_TIMEOUT:-600}
runs=${RUNS:-3}
abridge_runs=${ABRIDGE_RUNS:-10}
repeat_under=${PEER_REPEAT_UNDER:-60}
mem_gb=${PEER_MEM_GB:-8}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 250)

if [ -z "${ABRIDGE:-}" ]; then cargo build --release -q; fi
PY=$(../shared/bench/setup_peers.sh)
mapfile -t all < <(ls "$docs"/*/*.txt | LC_ALL=C sort)
[ ${#all[@]} -gt 0 ] || { echo "no DUC documents under $docs" >&2; exit 1; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }

# time_abridge OUT DIR [FLAGS...]: appends the wall times (s) of ABRIDGE_RUNS runs of
# `abridge summarize DIR --words 100 -q FLAGS` to OUT, one a line.
time_abridge() {
  local out=$1 dir=$2; shift 2
  "$abridge" summarize "$dir" --words 100 -q "$@" > "$tmp/abridge.out"
  [ -s "$tmp/abridge.out" ] || { echo "abridge wrote no summary for $dir" >&2; exit 1; }
  if command -v hyperfine > /dev/null; then
    hyperfine -N -w 1 -r "$abridge_runs" --export-json "$tmp/hf.json" \
      "$abridge summarize $dir --words 100 -q $*" > /dev/null 2>&1
    python3 -c 'import json,sys; print("\n".join(map(str, json.load(open(sys.argv[1]))["results"][0]["times"])))' \
      "$tmp/hf.json" >> "$out"
  else
    for _ in $(seq "$abridge_runs"); do
      local t0; t0=$(now)
      "$abridge" summarize "$dir" --words 100 -q "$@" > /dev/null
      echo "$(now) - $t0" | bc -l >> "$out"
    done
  fi
}

# tree_rss ROOT: resident KiB of ROOT's descendants, and their pids.
tree() {
  ps -eo pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q]
            if (q == root && p != root) { sum += rss[p]; pids = pids " " p } }
          print sum + 0 pids }'
}

# run_peer PEER FILES...: one run under /usr/bin/time (exact peak RSS) and timeout, watched every
# 0.2 s: when the peer's resident memory passes PEER_MEM_GB it is killed. Sets status, seconds,
# peak_kib and over (1 when killed for memory).
run_peer() {
  local peer=$1; shift
  local t0 t1 pid rss pids
  t0=$(now)
  /usr/bin/time -f %M -o "$tmp/peer.rss" timeout "$timeout_s" "$PY" ../shared/bench/peer_summarize.py \
    "$peer" "$@" --words 100 > "$tmp/peer.out" 2> "$tmp/peer.err" &
  pid=$!; over=0
  while kill -0 "$pid" 2> /dev/null; do
    read -r rss pids < <(tree "$pid")
    if [ "$rss" -gt $((mem_gb * 1024 * 1024)) ] && [ $over -eq 0 ]; then
      over=1; kill -KILL $pids 2> /dev/null || true
    fi
    sleep 0.2
  done
  set +e; wait "$pid"; status=$?; set -e
  t1=$(now)
  seconds=$(echo "$t1 - $t0" | bc -l)
  peak_kib=$(tail -1 "$tmp/peer.rss" | grep -Eo '^[0-9]+$' || echo 0)
}

# time_peer PEER FILES...: "SECONDS PEAK_KIB" (median time, largest peak), or the first word is
# "timeout", "oom:SECONDS" or "failed".
time_peer() {
  local peer=$1; shift
  local times=() peak=0
  for r in $(seq "$runs"); do
    run_peer "$peer" "$@"
    [ "$peak_kib" -gt "$peak" ] && peak=$peak_kib
    if [ $over -eq 1 ]; then printf 'oom:%.0f %s\n' "$seconds" "$peak"; return; fi
    if [ $status -eq 124 ]; then echo "timeout $peak"; return; fi
    if [ $status -ne 0 ] || [ ! -s "$tmp/peer.out" ]; then
      echo "$peer failed (exit $status): $(tail -1 "$tmp/peer.err")" >&2; echo "failed $peak"; return
    fi
    times+=("$seconds")
    # Slow peers: one run is the measurement.
    if [ "$r" -eq 1 ] && [ "$(echo "${times[0]} >= $repeat_under" | bc -l)" -eq 1 ]; then break; fi
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $peak"
}

printf 'machine: %s cores, %s; load average %s\n' "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'abridge: %s (%s); peers: %s\n\n' "$abridge" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')" "$PY"

header=$(printf '| articles | words | abridge s | abridge --threads 1 s |'; for p in $peers; do printf ' %s s | ratio |' "$p"; done)
rule=$(printf '| ---: | ---: | ---: | ---: |'; for p in $peers; do printf ' ---: | ---: |'; done)
mheader=$(printf '| articles | abridge |'; for p in $peers; do printf ' %s |' "$p"; done)
mrule=$(printf '| ---: | ---: |'; for p in $peers; do printf ' ---: |'; done)
ratio() { printf '%.0f× (%.0f×)' "$(echo "$1 / $2" | bc -l)" "$(echo "$1 / $3" | bc -l)"; }
mib() { printf '%.0f' "$(echo "$1 / 1024" | bc -l)"; }
rows=(); mrows=()
for n in "${sizes[@]}"; do
  dir="$tmp/duc-$n"; mkdir -p "$dir"
  files=()
  for ((i = 0; i < n && i < ${#all[@]}; i++)); do
    src=${all[$i]}
    # Keep the sorted order in the copy: NNN-topic-Dxx.txt.
    dst=$(printf '%s/%03d-%s-%s' "$dir" "$i" "$(basename "$(dirname "$src")")" "$(basename "$src")")
    cp "$src" "$dst"; files+=("$dst")
  done
  words=$(cat "${files[@]}" | wc -w)
  : > "$tmp/a2-$n"; : > "$tmp/a1-$n"
  # abridge before and after the peers of this size, so a moment of load elsewhere on the machine
  # weighs on its median no more than on the peers' long runs.
  time_abridge "$tmp/a2-$n" "$dir"; time_abridge "$tmp/a1-$n" "$dir" --threads 1
  /usr/bin/time -f %M -o "$tmp/abridge.rss" "$abridge" summarize "$dir" --words 100 -q > /dev/null
  arss=$(tail -1 "$tmp/abridge.rss")
  results=()
  for p in $peers; do
    result=$(time_peer "$p" "${files[@]}")
    echo "size ${#files[@]}: $p $result" >&2
    results+=("$result")
  done
  time_abridge "$tmp/a2-$n" "$dir"; time_abridge "$tmp/a1-$n" "$dir" --threads 1
  a=$(median < "$tmp/a2-$n"); a1=$(median < "$tmp/a1-$n")
  echo "size ${#files[@]}: abridge ${a}s (--threads 1: ${a1}s), $(wc -l < "$tmp/a2-$n") runs each, peak RSS ${arss} KiB" >&2
  row=$(printf '| %d | %d | %.4f | %.4f |' "${#files[@]}" "$words" "$a" "$a1")
  mrow=$(printf '| %d | %s |' "${#files[@]}" "$(mib "$arss")")
  for result in "${results[@]}"; do
    read -r t peak <<< "$result"
    case $t in
      timeout) row+=$(printf ' timeout (>%ss) | >%s |' "$timeout_s" "$(ratio "$timeout_s" "$a" "$a1")"); mrow+=" ≥ $(mib "$peak") |" ;;
      failed) row+=' failed | – |'; mrow+=' – |' ;;
      oom:*) row+=$(printf ' killed at %s GB resident, after %ss | – |' "$mem_gb" "${t#oom:}"); mrow+=" > $((mem_gb * 1024)) |" ;;
      *) row+=$(printf ' %.2f | %s |' "$t" "$(ratio "$t" "$a" "$a1")"); mrow+=" $(mib "$peak") |" ;;
    esac
  done
  rows+=("$row"); mrows+=("$mrow")
done
echo "$header"; echo "$rule"; printf '%s\n' "${rows[@]}"
echo
echo "ratio: peer seconds / abridge seconds (in brackets: / abridge --threads 1 seconds)"
echo
echo "peak RSS, MiB"
echo "$mheader"; echo "$mrule"; printf '%s\n' "${mrows[@]}"
