#!/usr/bin/env bash
# Agreement of `abridge eval` with the reference ROUGE-1.5.5 recipe (rouge155.py) on the 25 DUC 2004
# development topics, scoring the published summaries of a few systems (peers/TOPIC.SYSTEM).
# ROUGE-1 and ROUGE-2 recall must agree within 0.05 points, for the mean and for every topic.
#
#   cargo build --release && scripts/check_eval.sh          (from the repository root)
#
# ABRIDGE overrides the binary (default target/release/abridge), PYTHON the interpreter (needs nltk),
# EVAL_SYSTEMS the systems (default "DPP LexRank Lead"). Exit status 1 if any comparison fails.
set -euo pipefail

shared=../shared/eval
models=$shared/duc2004-dev/models
peers=$shared/duc2004-dev/peers
rouge155=$shared/rouge/rouge155.py
exceptions=$shared/rouge/wordnet_exceptions.tsv
abridge=${ABRIDGE:-target/release/abridge}
py=${PYTHON:-python3}
systems=${EVAL_SYSTEMS:-DPP LexRank Lead}
tolerance=0.05

if [ ! -f Cargo.toml ]; then
  echo "check_eval: run from the repository root" >&2; exit 1
fi
for need in "$models" "$peers" "$rouge155" "$exceptions"; do
  [ -e "$need" ] || { echo "check_eval: missing $need" >&2; exit 1; }
done
[ -x "$abridge" ] || { echo "check_eval: $abridge is not built (cargo build --release)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for s in $systems; do
  mkdir -p "$tmp/$s"
  found=0
  for f in "$peers"/*."$s"; do
    [ -e "$f" ] || continue
    b=$(basename "$f")
    cp "$f" "$tmp/$s/${b%%.*}"
    found=1
  done
  [ "$found" = 1 ] || { echo "check_eval: no summaries of system $s in $peers" >&2; exit 1; }
  "$py" "$rouge155" --models "$models" --summaries "$tmp/$s" --words 100 --per-topic \
    > "$tmp/$s.rouge155" 2> "$tmp/$s.rouge155.err" \
    || { cat "$tmp/$s.rouge155.err" >&2; echo "check_eval: rouge155.py failed for $s" >&2; exit 1; }
  "$abridge" eval --references "$models" --summaries "$tmp/$s" --words 100 \
    --exceptions "$exceptions" --format json > "$tmp/$s.json"
done

"$py" - "$tmp" "$tolerance" $systems <<'PY'
import json, re, sys

tmp, tol, systems = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
passed = failed = 0

def check(label, ref, ours):
    global passed, failed
    ok = abs(ref - ours) <= tol
    passed += ok
    failed += not ok
    return ok

for s in systems:
    text = open(f"{tmp}/{s}.rouge155").read()
    total = re.search(r"ROUGE-1_R=([\d.]+) ROUGE-2_R=([\d.]+)", text)
    topics = {m[0]: (float(m[1]), float(m[2])) for m in re.findall(r"^(\S+) R1=([\d.]+) R2=([\d.]+)$", text, re.M)}
    j = json.load(open(f"{tmp}/{s}.json"))
    for i, key in ((1, "rouge1"), (2, "rouge2")):
        ref, ours = float(total[i]), j[key]["recall"]
        ok = check(f"{s} ROUGE-{i}", ref, ours)
        print(f"{s:<8} ROUGE-{i} recall: rouge155.py {ref:6.2f}  abridge {ours:8.4f}  |diff| {abs(ref - ours):.4f}  {'ok' if ok else 'FAIL'}")
    worst, pairs = 0.0, 0
    for row in j["per_topic"]:
        ref = topics.get(row["topic"])
        if ref is None:
            print(f"{s:<8} {row['topic']}: not in rouge155.py's output  FAIL")
            check("", 0, 1e9)
            continue
        for i, key in ((0, "rouge1"), (1, "rouge2")):
            ours = row[key]["recall"]
            pairs += 1
            worst = max(worst, abs(ref[i] - ours))
            if not check("", ref[i], ours):
                print(f"{s:<8} {row['topic']} ROUGE-{i + 1} recall: rouge155.py {ref[i]:.2f}  abridge {ours:.4f}  FAIL")
    print(f"{s:<8} per topic: {pairs} recall pairs, max |diff| {worst:.4f}")
    print(f"{s:<8} abridge: " + "  ".join(
        f"{name} R={j[k]['recall']:.2f} P={j[k]['precision']:.2f} F={j[k]['f1']:.2f}"
        for name, k in (("ROUGE-1", "rouge1"), ("ROUGE-2", "rouge2"), ("ROUGE-L", "rougeL"))))
print(f"eval agreement: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
