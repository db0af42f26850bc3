#!/usr/bin/env python3
"""Generates a large synthetic corpus for scale runs: news-like articles assembled from the
sentences of the DUC 2004 development documents (../shared/eval/duc2004-dev/docs), wrapped in page
furniture (menu, byline with pipes, TRENDING list, footer) like scraped pages; three articles in
ten carry a pipe table glued to its caption sentence and three in ten a list glued to the sentence
that introduces it, as the seeds do. Nothing is committed:
the output goes to a directory you name.

  scripts/gen_corpus.py OUT_DIR --articles 10000 [--seed 1] [--sentences 25]
  scripts/gen_corpus.py OUT_DIR --articles 100000 --stories [--seed 1]

With --stories, a corpus of many stories with a known story for each article (OUT_DIR/gold.json
{file name: story}, as ../shared/eval/stories/score.py reads it; the articles go to OUT_DIR/mix):
each story has its own sentences (DUC sentences whose names are replaced by the story's own
invented names, places and organisations), story sizes vary (1 to a few hundred articles, most
small), every article is wrapped in page furniture, and about one in ten is a republished copy of
an earlier article of its story under another site's furniture.

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

SYL = ["ka", "lo", "mer", "vin", "tas", "dor", "bel", "quin", "rus", "hal", "zen", "por", "gil",
       "fen", "mar", "tov", "sel", "dra", "nik", "wol", "bra", "cor", "lyn", "esk", "ith", "ulm"]
SITES = ["The Daily Synthetic", "Northwire", "Coastline Herald", "Valley Post", "Metro Ledger"]

USED = set()

def invented(rng):
    """A name no other story uses."""
    while True:
        name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in USED:
            USED.add(name)
            return name

def story_corpus(a, rng, topics):
    """Many stories, each from its own sentences (see the module docs)."""
    pool = [s for t in sorted(topics) for s in topics[t]]
    mix = os.path.join(a.out, "mix")
    os.makedirs(mix, exist_ok=True)
    gold, n, story = {}, 0, 0
    while n < a.articles:
        story += 1
        size = min(a.articles - n, min(400, int(rng.paretovariate(1.1))))
        names = [invented(rng) for _ in range(8)]
        def own(sentence):
            # Capitalised words after the first become the story's names.
            w = sentence.split()
            return " ".join([w[0]] + [rng.choice(names) + ("," if x.endswith(",") else "")
                                      if x[:1].isupper() else x for x in w[1:]])
        sents = [own(s) for s in rng.sample(pool, 40)]
        sents[0] = f"{names[0]} and {names[1]} {sents[0][0].lower()}{sents[0][1:]}"
        articles = []
        for _ in range(size):
            if articles and rng.random() < 0.1:
                body = rng.choice(articles)  # a republished copy
            else:
                body = [sents[0]] + rng.sample(sents[1:], rng.randint(8, 16))
                articles.append(body)
            title = " ".join(body[0].split()[:9]).rstrip(",.;")
            site = rng.choice(SITES)
            heads = [" ".join(rng.choice(pool).split()[:7]) for _ in range(2)]
            day, month = rng.randint(1, 28), rng.randint(1, 12)
            paras, i = [], 0
            while i < len(body):
                k = rng.randint(2, 4); paras.append(" ".join(body[i:i + k])); i += k
            lines = FURNITURE_TOP + [title, "", f"{site} Desk | City | Updated: {day:02d}-{month:02d}-2025 10:{rng.randint(10, 59)} IST", ""]
            for p in paras:
                lines += [p, ""]
            lines += [l.format(h1=heads[0], h2=heads[1]).replace("The Daily Synthetic", site) for l in FOOTER]
            name = f"article-{n:06d}.txt"
            with open(os.path.join(mix, name), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            gold[name] = f"story-{story:05d}"
            n += 1
    import json
    json.dump(gold, open(os.path.join(a.out, "gold.json"), "w"), indent=0, sort_keys=True)
    print(f"wrote {n} articles of {story} stories to {mix}")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out"); ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1); ap.add_argument("--sentences", type=int, default=25)
    ap.add_argument("--stories", action="store_true", help="many stories with a known story each")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    topics = sentences_by_topic()
    if a.stories:
        return story_corpus(a, rng, topics)
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
