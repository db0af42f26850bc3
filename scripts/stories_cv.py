#!/usr/bin/env python3
"""Cross-validation of the `abridge stories` grouping settings on the DUC 2004 development topics
(../shared/eval/duc2004-dev/docs): 5 folds over the 25 topics (sorted, fold k = every 5th topic
from the k-th). For each fold the setting is chosen on the documents of the 20 other topics (one
mixed folder, best B-cubed F1 over the grid, then ARI, then the first in grid order), then
membership is scored on the mixed folder of the 5 held-out topics with that setting. Prints the
full-folder sweep, each fold, and the CV means.

By default only the threshold is chosen (the other settings at their defaults). `--grid all`
chooses every grouping setting together: the threshold, the weight of names (`name_weight`), the
nearest neighbours of the merge gate (`nearest`, 0 = no gate) and the gate level (`gate`).
`--min-threshold T`, `--name-weights W,...` and `--gates K:G,...` restrict the grid (docs/stories.md: the generated
feed of `scripts/gen_corpus.py --stories` and the test fixture of two stories sharing a name limit
both).
  scripts/stories_cv.py [--abridge target/release/abridge] [--grid threshold|all]"""
import argparse, hashlib, itertools, json, os, shutil, subprocess, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "..", "..", "shared", "eval", "duc2004-dev", "docs")
SCORE = os.path.join(HERE, "..", "..", "shared", "eval", "stories", "score.py")
THRESHOLDS = [round(0.06 + 0.01 * i, 2) for i in range(15)]
# --grid all: every combination (name weight, nearest, gate) with every threshold.
ALL_THRESHOLDS = [round(0.06 + 0.02 * i, 2) for i in range(8)]
NAME_WEIGHTS = [0, 0.5, 1, 2]
GATES = [(0, 0)] + [(k, g) for k in (4, 5, 6, 8) for g in (0.5, 1)]

def mix(topics, out):
    os.makedirs(os.path.join(out, "mix"))
    gold = {}
    for t in topics:
        for f in sorted(os.listdir(os.path.join(DOCS, t))):
            name = hashlib.sha1(f"{t}/{f}".encode()).hexdigest()[:12] + ".txt"
            shutil.copy(os.path.join(DOCS, t, f), os.path.join(out, "mix", name))
            gold[name] = t
    json.dump(gold, open(os.path.join(out, "gold.json"), "w"))

CACHE = {}
def score(abridge, folder, setting):
    """B-cubed F1, ARI and stories found with `setting` (threshold, grouping flag or None)."""
    if (folder, setting) in CACHE:
        return CACHE[folder, setting]
    threshold, grouping = setting
    cmd = [abridge, "-q", "stories", os.path.join(folder, "mix"), "--format", "json",
           "--threshold", str(threshold), "--sentences", "1"]
    if grouping:
        cmd += ["--grouping", grouping]
    out = subprocess.run(cmd, capture_output=True, check=True)
    path = os.path.join(folder, "stories.json")
    open(path, "wb").write(out.stdout)
    line = subprocess.run([sys.executable, SCORE, os.path.join(folder, "gold.json"), path],
                          capture_output=True, text=True, check=True).stdout
    fields = dict(kv.split("=") for kv in line.split()[1:])
    CACHE[folder, setting] = float(fields["bcubed_F1"]), float(fields["ARI"]), int(fields["found"])
    return CACHE[folder, setting]

def grid(kind, min_threshold, name_weights, gates):
    if kind == "threshold":
        return [(t, None) for t in THRESHOLDS if t >= min_threshold]
    return [(t, f"name_weight={w},nearest={k},gate={g}")
            for w, (k, g), t in itertools.product(name_weights, gates, ALL_THRESHOLDS) if t >= min_threshold]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abridge", default="target/release/abridge")
    ap.add_argument("--grid", choices=["threshold", "all"], default="threshold")
    ap.add_argument("--min-threshold", type=float, default=0.0)
    ap.add_argument("--name-weights", default=",".join(str(w) for w in NAME_WEIGHTS),
                    help="the name weights of --grid all (comma-separated)")
    ap.add_argument("--gates", default=",".join(f"{k}:{g}" for k, g in GATES),
                    help="the nearest:gate pairs of --grid all (comma-separated; 0:0 = no gate)")
    a = ap.parse_args()
    gates = [(int(k), float(g)) for k, g in (p.split(":") for p in a.gates.split(","))]
    settings = grid(a.grid, a.min_threshold, [float(w) for w in a.name_weights.split(",")], gates)
    topics = sorted(os.listdir(DOCS))
    with tempfile.TemporaryDirectory() as tmp:
        full = os.path.join(tmp, "full"); mix(topics, full)
        print(f"full folder (25 topics), {len(settings)} settings: threshold [grouping] F1 ARI stories")
        rows = [(s, score(a.abridge, full, s)) for s in settings]
        for s, (f, r, n) in rows:
            print(f"  {s[0]:.2f} {s[1] or ''} {f:.3f} {r:.3f} {n}")
        best = max(rows, key=lambda x: (x[1][0], x[1][1]))
        print(f"best on the full folder: {best[0][0]:.2f} {best[0][1] or ''} F1 {best[1][0]:.3f} ARI {best[1][1]:.3f}")
        results = []
        for k in range(5):
            test = topics[k::5]; train = [t for t in topics if t not in test]
            tr = os.path.join(tmp, f"train{k}"); te = os.path.join(tmp, f"test{k}")
            mix(train, tr); mix(test, te)
            # max keeps the first of equals: grid order breaks ties.
            chosen = max(settings, key=lambda s: score(a.abridge, tr, s)[:2])
            f, r, n = score(a.abridge, te, chosen)
            results.append((f, r))
            print(f"fold {k}: {chosen[0]:.2f} {chosen[1] or ''} chosen on 20 topics; held-out 5 topics: F1 {f:.3f} ARI {r:.3f} stories {n}")
        print(f"CV mean: B-cubed F1 {sum(x[0] for x in results) / 5:.3f} ARI {sum(x[1] for x in results) / 5:.3f}")

if __name__ == "__main__":
    main()
