#!/usr/bin/env bash
# Hostile inputs: shapes a scraper can produce, each at 64 KB and at a large size, through every
# command, printing wall time and peak memory (RSS) per command as a markdown table (the one in
# docs/testing.md). Also tries an absurd --threads.
#
#   scripts/hostile.sh [BINARY]          (default: target/release/abridge; builds it when absent)
#
# Environment: HOSTILE_MB (large size in MB, default 10), HOSTILE_TIMEOUT (seconds per command,
# default 60), HOSTILE_MEM_GB (address-space limit per command, default 2: a blow-up is reported
# as "killed" instead of taking the machine down; 10x of 10 MB is far below it), HOSTILE_SHAPES / HOSTILE_COMMANDS (subsets,
# space-separated), HOSTILE_DIR (where inputs are written, default a temporary folder).
#
# Shapes:
#   dots      `.` repeated, one line          pipes     `|` repeated, one line
#   newlines  empty lines                     words     one line of words, no punctuation
#   news      real article text (the boilerplate dev pages in ../shared, else the fixtures)
#   nested    a bullet list nested one level deeper on each line (depth = sqrt(size))
#   bracket   a table whose cell is an unclosed `[` repeated (GFM link scanning)
#   wide      a wide header over many one-cell rows (every row padded to the header's width)
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/abridge}
[ -x "$bin" ] || cargo build --release --quiet || exit 2
big_mb=${HOSTILE_MB:-10}
limit=${HOSTILE_TIMEOUT:-60}
mem_kb=$(( ${HOSTILE_MEM_GB:-2} * 1024 * 1024 ))
shapes=${HOSTILE_SHAPES:-dots pipes newlines words news nested bracket wide}
commands=${HOSTILE_COMMANDS:-clean sentences extract summarize tables tables_strict lists}
dir=${HOSTILE_DIR:-$(mktemp -d)}
mkdir -p "$dir"

# gen SHAPE BYTES FILE
gen() {
    python3 - "$1" "$2" "$3" <<'PY'
import glob, math, os, sys
shape, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def fill(unit):
    return (unit * (size // len(unit) + 1))[:size]
if shape == "dots":
    text = fill(".")
elif shape == "pipes":
    text = fill("|")
elif shape == "newlines":
    text = fill("\n")
elif shape == "words":
    text = fill("the council voted on the barrier plan ")
elif shape == "news":
    files = sorted(glob.glob("../shared/eval/boilerplate/dev/pages/*.txt")) or sorted(
        glob.glob("tests/fixtures/**/*.txt", recursive=True))
    parts, n = [], 0
    while n < size:
        for f in files:
            t = open(f, encoding="utf-8", errors="replace").read() + "\n\n"
            parts.append(t); n += len(t.encode())
            if n >= size:
                break
    text = "".join(parts).encode()[:size].decode(errors="ignore")
elif shape == "nested":
    depth = max(2, int(math.sqrt(size)))
    lines, n, i = [], 0, 0
    while n < size:
        line = "  " * (i % depth) + "- item %d\n" % i
        lines.append(line); n += len(line); i += 1
    text = "".join(lines)[:size]
elif shape == "bracket":
    head = "| a | b |\n| --- | --- |\n| "
    text = head + "[" * max(0, size - len(head) - 6) + " | x |\n"
elif shape == "wide":
    # size/8 columns over size/4 one-cell rows.
    cols = max(1, size // 8)
    text = "a|" * cols + "\n" + "-|" * cols + "\n"
    text += "x|\n" * max(0, (size - len(text)) // 3)
open(path, "w", encoding="utf-8").write(text)
PY
}

# run NAME FILE ARGS...: prints "seconds peak_kb status"
run() {
    local file=$1; shift
    local out
    out=$( (ulimit -v "$mem_kb"; /usr/bin/time -f "%e %M" timeout "$limit" "$bin" "$@" "$file" \
        >/dev/null 2>"$dir/stderr") 2>&1 >/dev/null; echo "rc=$?")
    local rc=${out##*rc=}
    local stats
    stats=$(tail -n 2 "$dir/stderr" | grep -E '^[0-9.]+ [0-9]+$' | tail -n 1)
    local status=ok
    case $rc in
        0) ;;
        124) status="timeout (${limit} s)" ;;
        *) status="exit $rc"; grep -q -i -E 'memory|alloc' "$dir/stderr" && status="killed (out of memory)" ;;
    esac
    echo "${stats:-? ?} $status"
}

args_of() {
    case $1 in
        tables_strict) echo "tables --strict" ;;
        extract) echo "extract --format jsonl" ;;
        *) echo "$1" ;;
    esac
}

# The process itself (binary, allocator, thread pool) on an empty input: "growth" is the peak RSS
# above it, divided by the input size.
: >"$dir/empty.txt"
read -r _ base_kb _ <<<"$(run "$dir/empty.txt" extract)"
echo "Peak RSS on an empty input: $(awk -v k="$base_kb" 'BEGIN { printf "%.1f MB", k / 1024 }')"
echo
echo "| shape | size | command | time | peak RSS | growth / input | status |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for shape in $shapes; do
    for size in 65536 $(( big_mb * 1024 * 1024 )); do
        file=$dir/$shape-$size.txt
        [ -s "$file" ] || gen "$shape" "$size" "$file"
        bytes=$(stat -c %s "$file")
        label=$( [ "$size" = 65536 ] && echo "64 KB" || echo "$big_mb MB")
        for cmd in $commands; do
            # shellcheck disable=SC2046
            read -r secs kb status <<<"$(run "$file" $(args_of "$cmd"))"
            if [ "$secs" = "?" ]; then
                echo "| $shape | $label | $(args_of "$cmd") | - | - | - | $status |"
                continue
            fi
            ms=$(awk -v s="$secs" 'BEGIN { printf "%d ms", s * 1000 }')
            mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f MB", k / 1024 }')
            ratio=$(awk -v k="$kb" -v e="$base_kb" -v b="$bytes" \
                'BEGIN { g = (k - e) * 1024 / b; printf "%.1f×", g < 0 ? 0 : g }')
            echo "| $shape | $label | $(args_of "$cmd") | $ms | $mb | $ratio | $status |"
        done
    done
done
# An absurd thread count on a small input: refused or capped, never minutes of thread start-up.
file=$dir/news-65536.txt
[ -s "$file" ] || gen news 65536 "$file"
start=$(date +%s.%N)
(ulimit -v "$mem_kb"; timeout "$limit" "$bin" --threads 99999 clean "$file" >/dev/null 2>"$dir/stderr")
rc=$?
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%d ms", (b - a) * 1000 }')
echo
echo "--threads 99999 clean: exit $rc after $secs: $(head -c 200 "$dir/stderr" | tr '\n' ' ')"
