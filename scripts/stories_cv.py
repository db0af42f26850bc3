#!/usr/bin/env python3
"""Cross-validation of the `abridge stories` threshold on the DUC 2004 development topics
(../shared/eval/duc2004-dev/docs): 5 folds over the 25 topics (sorted, fold k = every 5th topic
from the k-th). For each fold the threshold is chosen on the documents of the 20 other topics (one
mixed folder, best B-cubed F1 over the grid), then membership is scored on the mixed folder of the 5
held-out topics at that threshold. Prints the full-folder sweep, each fold, and the CV means.
  scripts/stories_cv.py [--abridge target/release/abridge]"""
import argparse, hashlib, json, os, shutil, subprocess, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "..", "..", "shared", "eval", "duc2004-dev", "docs")
SCORE = os.path.join(HERE, "..", "..", "shared", "eval", "stories", "score.py")
GRID = [round(0.06 + 0.01 * i, 2) for i in range(15)]

def mix(topics, out):
    os.makedirs(os.path.join(out, "mix"))
    gold = {}
    for t in topics:
        for f in sorted(os.listdir(os.path.join(DOCS, t))):
            name = hashlib.sha1(f"{t}/{f}".encode()).hexdigest()[:12] + ".txt"
            shutil.copy(os.path.join(DOCS, t, f), os.path.join(out, "mix", name))
            gold[name] = t
    json.dump(gold, open(os.path.join(out, "gold.json"), "w"))

def score(abridge, folder, threshold):
    out = subprocess.run([abridge, "-q", "stories", os.path.join(folder, "mix"), "--format", "json",
                          "--threshold", str(threshold), "--words", "100"], capture_output=True, check=True)
    path = os.path.join(folder, "stories.json")
    open(path, "wb").write(out.stdout)
    line = subprocess.run([sys.executable, SCORE, os.path.join(folder, "gold.json"), path],
                          capture_output=True, text=True, check=True).stdout
    fields = dict(kv.split("=") for kv in line.split()[1:])
    return float(fields["bcubed_F1"]), float(fields["ARI"]), int(fields["found"])

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abridge", default="target/release/abridge")
    a = ap.parse_args()
    topics = sorted(os.listdir(DOCS))
    with tempfile.TemporaryDirectory() as tmp:
        full = os.path.join(tmp, "full"); mix(topics, full)
        print("full folder (25 topics): threshold F1 ARI stories")
        for t in GRID:
            f, r, n = score(a.abridge, full, t)
            print(f"  {t:.2f} {f:.3f} {r:.3f} {n}")
        results = []
        for k in range(5):
            test = topics[k::5]; train = [t for t in topics if t not in test]
            tr = os.path.join(tmp, f"train{k}"); te = os.path.join(tmp, f"test{k}")
            mix(train, tr); mix(test, te)
            best = max(GRID, key=lambda t: (score(a.abridge, tr, t)[0], -t))
            f, r, n = score(a.abridge, te, best)
            results.append((f, r))
            print(f"fold {k}: threshold {best:.2f} chosen on 20 topics; held-out 5 topics: F1 {f:.3f} ARI {r:.3f} stories {n}")
        print(f"CV mean: B-cubed F1 {sum(x[0] for x in results) / 5:.3f} ARI {sum(x[1] for x in results) / 5:.3f}")

if __name__ == "__main__":
    main()
