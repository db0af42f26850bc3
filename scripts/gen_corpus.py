#!/usr/bin/env python3
"""Generates a large synthetic corpus for scale runs: news-like articles assembled from the
sentences of the DUC 2004 development documents (../shared/eval/duc2004-dev/docs), wrapped in page
furniture (menu, byline with pipes, TRENDING list, footer) like scraped pages; three articles in
ten carry a pipe table glued to its caption sentence and three in ten a list glued to the sentence
that introduces it, as the seeds do. Nothing is committed:
the output goes to a directory you name.

  scripts/gen_corpus.py OUT_DIR --articles 10000 [--seed 1] [--sentences 25]

Deterministic for a given seed. Each article takes a random topic's sentences (so articles on one
topic overlap, as a news collection does) and about 500 words."""
import argparse, glob, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "..", "..", "shared", "eval", "duc2004-dev", "docs")

def sentences_by_topic():
    topics = {}
    for path in sorted(glob.glob(os.path.join(DOCS, "*", "*.txt"))):
        topic = os.path.basename(os.path.dirname(path))
        text = re.sub(r"\s+", " ", open(path, encoding="utf-8", errors="replace").read())
        sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z`])", text) if len(s.split()) >= 6]
        topics.setdefault(topic, []).extend(sents)
    return topics

FURNITURE_TOP = ["Main Menu", "", "Home | World | Business | Sport | Culture", ""]
FOOTER = ["", "TRENDING", "", "1", "{h1}", "", " World", "2", "{h2}", "", " Business", "",
          "Subscribe to our Newsletter", "Contact us | Privacy Policy | Terms of use", "",
          "© Copyright 2025 The Daily Synthetic"]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out"); ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1); ap.add_argument("--sentences", type=int, default=25)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    topics = sentences_by_topic()
    names = sorted(topics)
    os.makedirs(a.out, exist_ok=True)
    total = 0
    for n in range(a.articles):
        topic = topics[rng.choice(names)]
        body = rng.sample(topic, min(a.sentences, len(topic)))
        title = " ".join(body[0].split()[:8]).rstrip(",.;") 
        paras, i = [], 0
        while i < len(body):
            k = rng.randint(2, 4); paras.append(" ".join(body[i:i + k])); i += k
        heads = [" ".join(rng.choice(topics[rng.choice(names)]).split()[:7]) for _ in range(2)]
        day = rng.randint(1, 28); month = rng.randint(1, 12)
        lines = FURNITURE_TOP + [title, "", f"Synthetic News Desk | City | Updated: {day:02d}-{month:02d}-2025 10:{rng.randint(10, 59)} IST", ""]
        # Like the scraped seeds: some articles carry a pipe table glued to its caption sentence,
        # some a list glued to the sentence that introduces it.
        table_at = rng.randrange(len(paras)) if rng.random() < 0.3 else -1
        list_at = rng.randrange(len(paras)) if rng.random() < 0.3 else -1
        for j, p in enumerate(paras):
            lines += [p, ""]
            if j == table_at:
                lines += ["Below is a table summarizing the main points:", "Point | Detail |", "---|---|"]
                for s in rng.sample(topic, rng.randint(3, 6)):
                    w = s.replace("|", "/").split()
                    lines.append(f"{' '.join(w[:3])} | {' '.join(w[3:12])} |")
                lines.append("")
            if j == list_at:
                lines.append("The key developments include:")
                for s in rng.sample(topic, rng.randint(3, 5)):
                    w = s.split()
                    lines.append(f"- {' '.join(w[:2]).rstrip(',.;:')}: {' '.join(w[2:14])}")
                lines.append("")
        lines += [l.format(h1=heads[0], h2=heads[1]) for l in FOOTER]
        text = "\n".join(lines) + "\n"
        total += len(text.split())
        with open(os.path.join(a.out, f"article-{n:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {a.articles} articles, {total} words, to {a.out}")

if __name__ == "__main__":
    main()
