#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 60), one after the other, each
# in one process (no -jobs: one core), seeded from tests/fixtures (copied into fuzz/corpus/TARGET/,
# which is gitignored and grows with what libFuzzer finds). The targets are built once, before
# the first run. Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Prints one line per target: runs, executions per second, corpus size; exits 1 when a target
# crashed (its input is left in fuzz/artifacts/TARGET/ — add it as a regression test).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(tables_article tables_strict lists_article lists_strict sentences clean extract_record html)
fi
# Slow inputs and memory blow-ups count as findings too: 10 s per input, 2 GB.
flags=(-max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" -rss_limit_mb=2048 -timeout=10
    -print_final_stats=1)
(cd fuzz && cargo +nightly fuzz build -O) || exit 2
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
status=0
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    # Seeds: every fixture (and the regression inputs), named by content so reruns add nothing.
    find tests/fixtures -type f -size -64k | while read -r f; do
        cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
    done
    log=fuzz/$target.log
    mkdir -p "fuzz/artifacts/$target"
    "fuzz/target/$triple/release/$target" -artifact_prefix="fuzz/artifacts/$target/" "${flags[@]}" \
        "$corpus" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    size=$(find "$corpus" -type f | wc -l)
    if [ $rc -eq 0 ]; then
        echo "$target: ${seconds}s, ${runs:-?} runs, ${speed:-?} exec/s, corpus $size, no finding"
    else
        status=1
        echo "$target: FAILED (exit $rc) after ${runs:-?} runs; see $log and fuzz/artifacts/$target/"
        grep -m3 -E 'panicked|ERROR: libFuzzer|SUMMARY' "$log" | sed 's/^/    /'
    fi
done
exit $status
